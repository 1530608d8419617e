//! Structured facts about a candidate, indexed as exact keys in the `keys` field.
//!
//! Both the document builder and the matcher spell keys through these functions, so a fact
//! written at indexing time is found by the same spelling at matching time. Implications are
//! expanded when indexing: a CE holder gets `førerkort:B` too, a C1 speaker gets every level
//! below, so every requirement is a single term lookup.

use crate::model::{EducationLevel, LanguageLevel, Shift};

/// Holds, or satisfies through a heavier class, driving-licence class `class` (e.g. `B`).
pub fn licence(class: &str) -> String {
    format!("førerkort:{}", class.to_uppercase())
}

/// Holds driving-licence class `class` itself (not only through a heavier class).
pub fn licence_held(class: &str) -> String {
    format!("førerkort-selv:{}", class.to_uppercase())
}

/// Holds a truck licence of class `class` (`T1`–`T8`).
pub fn truck_class(class: &str) -> String {
    format!("truck:{}", class.to_uppercase())
}

/// Holds a truck licence of some class.
pub fn truck_any() -> String {
    "truck:*".to_string()
}

/// Speaks `language` (canonical id) at `level` or better.
pub fn language(language: &str, level: LanguageLevel) -> String {
    format!("språk:{language}:{}", level.code())
}

/// Holds some fagbrev.
pub fn fagbrev_any() -> String {
    "fagbrev:*".to_string()
}

/// Holds a fagbrev (or a mesterbrev, which includes it) in the trade keyed `trade` (see
/// [`crate::taxonomy::trade`]).
pub fn trade(trade: &str) -> String {
    format!("fag:{trade}")
}

/// Holds a mesterbrev in the trade keyed `trade`.
pub fn trade_master(trade: &str) -> String {
    format!("fag-mester:{trade}")
}

/// Is an apprentice (lærling) in the trade keyed `trade`, or holds more.
pub fn trade_apprentice(trade: &str) -> String {
    format!("fag-lærling:{trade}")
}

/// The keys a qualification in a trade gives: each rung implies those below it.
pub fn trade_keys(trade: &crate::taxonomy::trade::Trade) -> Vec<String> {
    use crate::taxonomy::trade::Rung;
    let mut keys = vec![trade_apprentice(&trade.key)];
    if trade.rung >= Rung::Certified {
        keys.push(self::trade(&trade.key));
    }
    if trade.rung == Rung::Master {
        keys.push(trade_master(&trade.key));
    }
    keys
}

/// Holds a course or certificate in `subject` (see [`crate::taxonomy::Taxonomy::course_subjects`]).
pub fn course(subject: &str) -> String {
    format!("kurs:{subject}")
}

/// Has completed education at `level` or higher.
pub fn education(level: EducationLevel) -> String {
    format!("utdanning:{}", level.name())
}

/// Can work shift `shift`.
pub fn shift(shift: Shift) -> String {
    format!("skift:{}", shift.name())
}

/// States no limit on shifts.
pub fn shift_unstated() -> String {
    "skift:*".to_string()
}

/// Has an adaptation need that conflicts with demand `demand` (concept id). The need itself is
/// never indexed as text.
pub fn adaptation(demand: &str) -> String {
    format!("tilrettelegging:{demand}")
}

/// Is visible to employers.
pub fn visible() -> String {
    "synlig".to_string()
}
