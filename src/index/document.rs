//! A candidate profile as a tantivy document.

use std::collections::BTreeSet;

use tantivy::TantivyDocument;

use super::keys;
use super::schema::{Fields, ProfileField};
use crate::model::{Candidate, Education, EducationLevel, LanguageLevel, Tag, TagKind};
use crate::taxonomy::Taxonomy;
use crate::taxonomy::trade::Rung;

/// The version of what a document holds for a profile. A change to the fields or keys a profile
/// gives bumps it, and an index built before is rebuilt (the default index) or refused.
pub const VERSION: u32 = 6;

/// The text of each searchable part of a profile, one entry per item (skill, tag, …).
///
/// The matcher's explanations read the same entries, so evidence shown to an advisor is exactly
/// what was indexed.
pub fn field_entries(candidate: &Candidate, field: ProfileField) -> Vec<String> {
    let tags = |kind: TagKind| tags_of_kind(candidate, kind).into_iter().map(|tag| tag.label.clone()).collect();
    match field {
        ProfileField::Experience => candidate.experience.iter().map(|e| e.occupation.clone()).collect(),
        ProfileField::DesiredOccupation => candidate.desired_occupations.clone(),
        ProfileField::Education => candidate.education.iter().map(field_entries_education).collect(),
        ProfileField::Fagbrev => candidate.education.iter().filter_map(|e| e.fagbrev.clone()).collect(),
        ProfileField::Certificate => candidate.certificates.clone(),
        ProfileField::Skill => candidate.skills.clone(),
        ProfileField::TagInterest => tags(TagKind::Interest),
        ProfileField::TagSkill => tags(TagKind::InformalSkill),
        ProfileField::TagPreference => tags(TagKind::WorkPreference),
        ProfileField::Summary => vec![candidate.summary.clone()],
        ProfileField::Keys => Vec::new(),
        ProfileField::Phrase => phrase_entries(candidate).into_iter().map(|entry| entry.key).collect(),
    }
}

/// One phrase of a profile as the semantic layer embeds it: where it is, as written, and its key.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseEntry {
    /// The part of the profile it is in.
    pub field: ProfileField,
    /// As written.
    pub text: String,
    /// Normalised ([`crate::semantic::phrase_key`]): the term indexed and the text embedded.
    pub key: String,
}

/// The phrases of a profile: tags, skills, experience, desired occupations, and each sentence of
/// the summary.
pub fn phrase_entries(candidate: &Candidate) -> Vec<PhraseEntry> {
    let mut entries = Vec::new();
    let fields = [
        ProfileField::TagInterest,
        ProfileField::TagSkill,
        ProfileField::TagPreference,
        ProfileField::Skill,
        ProfileField::Experience,
        ProfileField::DesiredOccupation,
    ];
    for field in fields {
        for text in field_entries(candidate, field) {
            if let Some(key) = crate::semantic::phrase_key(&text) {
                entries.push(PhraseEntry { field, text, key });
            }
        }
    }
    for sentence in candidate.summary.split(['.', '!', '?', ';', '\n']) {
        if let Some(key) = crate::semantic::phrase_key(sentence) {
            entries.push(PhraseEntry { field: ProfileField::Summary, text: sentence.trim().to_string(), key });
        }
    }
    entries
}

/// One part of a profile and the exact keys it contributes, so an explanation can point at the
/// certificate or language that met a criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyedEntry {
    /// The profile part, e.g. `certificates`.
    pub source: &'static str,
    /// What to show; sensitive parts get a neutral phrase.
    pub text: String,
    pub keys: BTreeSet<String>,
}

/// The structured facts of a profile as exact keys, per profile entry (licences widened, levels
/// expanded, adaptation needs reduced to the demands they conflict with).
pub fn keyed_entries(candidate: &Candidate, taxonomy: &Taxonomy) -> Vec<KeyedEntry> {
    let mut entries = Vec::new();
    let licences = taxonomy.licences();
    for certificate in &candidate.certificates {
        let mut facts = BTreeSet::new();
        let held = licences.classes_in(certificate);
        facts.extend(held.iter().map(|class| keys::licence_held(class)));
        facts.extend(licences.satisfied(&held).iter().map(|class| keys::licence(class)));
        if let Some(classes) = taxonomy.truck().classes_in(certificate) {
            facts.insert(keys::truck_any());
            facts.extend(classes.iter().map(|class| keys::truck_class(class)));
        }
        facts.extend(taxonomy.course_subjects(certificate).iter().map(|subject| keys::course(subject)));
        // A fagbrev, svennebrev or mesterbrev listed among the certificates.
        if let Some(trade) = taxonomy.trade_in(certificate, None) {
            facts.extend(keys::trade_keys(&trade));
            if trade.rung >= Rung::Certified {
                facts.insert(keys::fagbrev_any());
            }
        }
        entries.push(KeyedEntry { source: "certificates", text: certificate.clone(), keys: facts });
    }
    // An apprenticeship (`tømrerlærling`, `lærling i bilfaget`) held as a job.
    for experience in &candidate.experience {
        if let Some(trade) = taxonomy.trade_in(&experience.occupation, None).filter(|t| t.rung == Rung::Apprentice) {
            let keys = keys::trade_keys(&trade).into_iter().collect();
            entries.push(KeyedEntry { source: "experience", text: experience.occupation.clone(), keys });
        }
    }
    for skill in &candidate.languages {
        let Some(language) = taxonomy.language(&skill.language) else { continue };
        let facts = LanguageLevel::ALL
            .into_iter()
            .filter(|level| *level <= skill.level)
            .map(|level| keys::language(language, level))
            .collect();
        entries.push(KeyedEntry {
            source: "languages",
            text: format!("{} {}", skill.language, skill.level),
            keys: facts,
        });
    }
    for education in &candidate.education {
        let mut facts: BTreeSet<String> =
            EducationLevel::ALL.into_iter().filter(|l| *l <= education.level).map(keys::education).collect();
        if let Some(fagbrev) = education.fagbrev.as_deref().filter(|trade| !trade.trim().is_empty()) {
            let trade = taxonomy.trade_in(fagbrev, Some(Rung::Certified));
            if trade.as_ref().is_none_or(|trade| trade.rung >= Rung::Certified) {
                facts.insert(keys::fagbrev_any());
            }
            facts.extend(trade.iter().flat_map(keys::trade_keys));
        }
        let text = field_entries_education(education);
        entries.push(KeyedEntry { source: "education", text, keys: facts });
    }
    let workable = candidate.workable_shifts();
    let shifts: BTreeSet<String> = match &workable {
        None => BTreeSet::from([keys::shift_unstated()]),
        Some(shifts) => shifts.iter().map(|shift| keys::shift(*shift)).collect(),
    };
    let shift_text = match &workable {
        None => "ingen begrensning på skift".to_string(),
        Some(shifts) => shifts.iter().map(|s| s.name()).collect::<Vec<_>>().join(", "),
    };
    entries.push(KeyedEntry { source: "shifts", text: shift_text, keys: shifts });
    let conflicts: BTreeSet<String> = candidate
        .adaptation_needs
        .iter()
        .flat_map(|need| taxonomy.demands_for_need(need))
        .map(|demand| keys::adaptation(&taxonomy.concept(demand).id))
        .collect();
    if !conflicts.is_empty() {
        entries.push(KeyedEntry {
            source: "adaptation_needs",
            text: "tilrettelegging nødvendig".into(),
            keys: conflicts,
        });
    }
    if candidate.visible {
        entries.push(KeyedEntry { source: "visible", text: "synlig".into(), keys: BTreeSet::from([keys::visible()]) });
    }
    entries
}

/// Every exact key of a profile.
pub fn fact_keys(candidate: &Candidate, taxonomy: &Taxonomy) -> BTreeSet<String> {
    keyed_entries(candidate, taxonomy).into_iter().flat_map(|entry| entry.keys).collect()
}

fn field_entries_education(education: &Education) -> String {
    format!("{} {} {}", education.level.name(), education.field, education.fagbrev.as_deref().unwrap_or_default())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The tags of one kind, in profile order (the order of that kind's field entries).
pub fn tags_of_kind(candidate: &Candidate, kind: TagKind) -> Vec<&Tag> {
    candidate.tags.iter().filter(|tag| tag.kind == kind).collect()
}

/// Packs one experience term with its years for the `experience_years` column.
pub fn experience_years_value(term: &str, years: f32) -> u64 {
    let tenths = (years.max(0.0) * 10.0).round().min(u32::MAX as f32) as u64;
    (u64::from(term_hash(term)) << 32) | tenths
}

/// A stable 32-bit hash of a term (FNV-1a).
pub fn term_hash(term: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in term.as_bytes() {
        hash ^= u32::from(*byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// Builds the document for `candidate`.
pub fn build(candidate: &Candidate, taxonomy: &Taxonomy, fields: &Fields) -> TantivyDocument {
    let mut document = TantivyDocument::default();
    document.add_text(fields.id, &candidate.id);
    document.add_bool(fields.visible, candidate.visible);
    if let Some(veileder) = &candidate.veileder {
        document.add_text(fields.veileder, veileder);
    }
    document.add_text(fields.municipality, &candidate.municipality);
    document.add_text(fields.profile, serde_json::to_string(candidate).unwrap_or_default());
    for field in ProfileField::ALL {
        for entry in field_entries(candidate, field) {
            document.add_text(fields.text(field), &entry);
        }
    }
    for field in [
        ProfileField::Experience,
        ProfileField::DesiredOccupation,
        ProfileField::Skill,
        ProfileField::Certificate,
        ProfileField::TagInterest,
        ProfileField::TagSkill,
        ProfileField::TagPreference,
    ] {
        for entry in field_entries(candidate, field) {
            let phrase = entry.trim().to_lowercase();
            if !phrase.is_empty() && phrase.chars().count() <= 80 {
                document.add_text(fields.phrases, &phrase);
            }
        }
    }
    for key in fact_keys(candidate, taxonomy) {
        document.add_text(fields.text(ProfileField::Keys), &key);
    }
    if let Some(point) = candidate.location {
        document.add_f64(fields.lat, point.lat);
        document.add_f64(fields.lon, point.lon);
    }
    if let Some(km) = candidate.max_commute_km {
        document.add_f64(fields.max_commute, f64::from(km));
    }
    if let Some(range) = candidate.extent_percent {
        document.add_u64(fields.extent_min, u64::from(range.min));
        document.add_u64(fields.extent_max, u64::from(range.max));
    }
    if let Some(date) = candidate.available_from {
        document.add_i64(fields.available_from, i64::from(date.to_julian_day()));
    }
    let analyzer = taxonomy.analyzer();
    for entry in &candidate.experience {
        for term in analyzer.terms(&entry.occupation) {
            document.add_u64(fields.experience_years, experience_years_value(&term, entry.years));
        }
    }
    document
}
