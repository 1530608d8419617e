//! The advisor's criteria beside the employer's own words. An advisor who writes the criteria by
//! hand may leave out a requirement the answers state (`Du står ute heile dagen`, with criteria
//! naming only the weather), and the shortlist then holds candidates who cannot do the job.
//! Drafting the answers and comparing finds what the criteria lack, for the advisor to check.

use time::Date;

use crate::model::{Criterion, CriterionKind, Importance, JobNeed, Shift};
use crate::taxonomy::{ConceptKind, Taxonomy};

/// What the answers of `need` require that its criteria, written by hand, lack, each by the
/// name a warning gives it (`stående arbeid`), whether or not the advisor has checked it.
/// Nothing when it has no criteria (they are drafted from the answers) or no answers.
pub fn lacking(need: &JobNeed, taxonomy: &Taxonomy, today: Date) -> Vec<String> {
    if need.criteria.is_empty() || need.answers.is_blank() {
        return Vec::new();
    }
    let draft = super::draft_need(need, taxonomy, today);
    unstated(&need.criteria, &draft.need.criteria, taxonomy).into_iter().map(|c| named(c, taxonomy)).collect()
}

/// Of `lacking`, what the advisor has not marked as `checked` (a need's [`JobNeed::checked`];
/// compared by word stems: `Stående arbeid` checks `stående arbeid`).
pub fn unchecked<C: AsRef<str>>(lacking: &[String], checked: &[C], taxonomy: &Taxonomy) -> Vec<String> {
    let stems = |text: &str| taxonomy.analyzer().stems(text);
    let checked: Vec<Vec<String>> = checked.iter().map(|c| stems(c.as_ref())).collect();
    lacking.iter().filter(|named| !checked.contains(&stems(named))).cloned().collect()
}

/// The warning a shortlist carries for a requirement the criteria lack.
pub fn warning(named: &str) -> String {
    format!("svarene stiller krav om «{named}», som ikke står blant kriteriene: sjekk kriteriene")
}

/// The must-haves of `drafted` (the answers' draft) that no criterion of `given` covers. Only
/// the facts that turn a candidate away are compared: demands, shifts, languages and
/// certificates; a wish in other words is the advisor's to weigh.
fn unstated<'a>(given: &[Criterion], drafted: &'a [Criterion], taxonomy: &Taxonomy) -> Vec<&'a Criterion> {
    let compared = |kind: CriterionKind| {
        matches!(
            kind,
            CriterionKind::Demand | CriterionKind::Shift | CriterionKind::Language | CriterionKind::Certificate
        )
    };
    drafted
        .iter()
        .filter(|d| d.importance == Importance::Must && compared(d.kind))
        .filter(|d| !given.iter().any(|g| covers(g, d, taxonomy)))
        .collect()
}

/// A requirement the criteria lack, by the name its warning gives it: a demand by the
/// vocabulary's name for it (`står` → `stående arbeid`), anything else as drafted.
fn named(criterion: &Criterion, taxonomy: &Taxonomy) -> String {
    let known = (criterion.kind == CriterionKind::Demand)
        .then(|| taxonomy.demand(&criterion.value))
        .flatten()
        .and_then(|demand| taxonomy.concept(demand).labels.first());
    known.map_or(criterion.value.as_str(), String::as_str).to_string()
}

/// Whether `given` asks for what `drafted` does (at any level or class: the advisor may have
/// chosen another on purpose).
fn covers(given: &Criterion, drafted: &Criterion, taxonomy: &Taxonomy) -> bool {
    let same_words = taxonomy.analyzer().stems(&given.value) == taxonomy.analyzer().stems(&drafted.value);
    if given.kind != drafted.kind {
        return same_words;
    }
    same_words
        || match drafted.kind {
            CriterionKind::Demand => {
                // However the demand is named: by the work (`stå hele dagen`), by what is borne
                // (`dyr`) or by the limit it rules out (`redd for hundar`).
                let named = |value: &str| {
                    let mut demands = taxonomy.demands(value);
                    demands.extend(taxonomy.demand_borne(value));
                    demands.extend(taxonomy.demands_for_need(value));
                    demands
                };
                let asked = named(&given.value);
                named(&drafted.value).iter().any(|d| asked.contains(d))
            }
            CriterionKind::Shift => {
                Shift::parse(&given.value).is_some() && Shift::parse(&given.value) == Shift::parse(&drafted.value)
            }
            CriterionKind::Language => {
                let languages = |value: &str| -> Vec<String> {
                    value.split_whitespace().filter(|w| *w != "eller" && *w != "og").map(str::to_lowercase).collect()
                };
                let asked = languages(&given.value);
                languages(&drafted.value).iter().any(|l| asked.contains(l))
            }
            CriterionKind::Certificate => {
                // A driving licence however it is named (`buss-lappen`, `førarkort klasse B`), a
                // certificate by its first word (`truckførerbevis T1-T4` / `… T1 T2 T3 T4`) or
                // its concept: the class is the advisor's to choose.
                let licence = |value: &str| {
                    let value = value.to_lowercase();
                    ["førerkort", "førarkort", "lappen", "sertifikat", "førerrett"].iter().any(|n| value.contains(n))
                };
                let first = |value: &str| taxonomy.analyzer().stems(value).into_iter().next();
                let asked = taxonomy.find(&given.value, &[ConceptKind::Certificate]);
                (licence(&given.value) && licence(&drafted.value))
                    || first(&given.value).is_some_and(|stem| first(&drafted.value) == Some(stem))
                    || taxonomy.find(&drafted.value, &[ConceptKind::Certificate]).iter().any(|c| asked.contains(c))
            }
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criterion(kind: CriterionKind, value: &str, importance: Importance) -> Criterion {
        Criterion { kind, value: value.into(), importance, rank: None, weight: None, min_level: None, min_years: None }
    }

    #[test]
    fn a_requirement_the_answers_state_and_the_criteria_lack_is_found() {
        let taxonomy = Taxonomy::embedded().expect("taxonomy");
        let must = Importance::Must;
        let given = vec![
            criterion(CriterionKind::Demand, "arbeid ute i all slags vær", must),
            criterion(CriterionKind::Certificate, "førerkort BE", must),
            criterion(CriterionKind::Language, "norsk", must),
        ];
        let drafted = vec![
            criterion(CriterionKind::Demand, "jobbe ute", must),
            criterion(CriterionKind::Demand, "stå hele dagen", must),
            criterion(CriterionKind::Certificate, "førerkort B", must),
            criterion(CriterionKind::Language, "norsk eller engelsk", must),
            criterion(CriterionKind::Shift, "helg", must),
            criterion(CriterionKind::Experience, "anlegg", must),
            criterion(CriterionKind::Shift, "kveld", Importance::Adjustable),
        ];
        let lacking: Vec<&str> = unstated(&given, &drafted, &taxonomy).iter().map(|c| c.value.as_str()).collect();
        assert_eq!(lacking, ["stå hele dagen", "helg"], "the standing and the weekends; other wordings are covered");
    }

    #[test]
    fn what_the_advisor_checked_is_warned_of_no_more() {
        let taxonomy = Taxonomy::embedded().expect("taxonomy");
        let lacking = vec!["stående arbeid".to_string(), "helg".to_string()];
        let checked = vec!["Stående  arbeid".to_string()];
        assert_eq!(unchecked(&lacking, &checked, &taxonomy), ["helg"], "compared by words, not by case or spacing");
        assert_eq!(unchecked::<String>(&lacking, &[], &taxonomy), lacking);
        assert!(warning("helg").contains("«helg»"));
    }
}
