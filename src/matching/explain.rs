//! Why a candidate is on the shortlist: per criterion, whether and how it was met, the evidence
//! (down to which veileder set a tag, and when), its share of the score, and what the employer
//! would adapt.
//!
//! The evidence *strength* always comes from the index evaluation that ranked the candidate;
//! here we only find the profile entry that carries it, reading the same entries that were indexed.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::BTreeSet;

use tantivy::DocId;

use super::constraints::{self, ColumnFacts};
use super::evaluation::{ADAPTATION_FACTOR, SegmentEvaluation};
use super::evidence::{Strength, Support};
use super::pass::Scored;
use super::plan::{Alternative, ColumnTest, Plan, Planned, Test};
use super::position::{MustAt, Position, Table};
use super::retrieve::column_facts;
use crate::analysis::PART_PREFIX;
use crate::index::{ProfileField, document};
use crate::model::{
    AdaptationNote, Candidate, CriterionKind, CriterionOutcome, Evidence, Gap, MatchHow, NearMiss, Relaxation,
    ShortlistEntry, TagKind,
};
use crate::taxonomy::Taxonomy;

/// Builds the shortlist entry of `doc`, whose stored profile is `profile`.
pub fn entry(
    evaluation: &SegmentEvaluation,
    taxonomy: &Taxonomy,
    doc: DocId,
    profile: &Candidate,
    rank: usize,
    score: f32,
) -> ShortlistEntry {
    let plan = evaluation.plan();
    let total_weight = plan.total_weight().max(f32::EPSILON);
    let terms = ProfileTerms::new(taxonomy, profile);
    let mut criteria = Vec::with_capacity(plan.criteria.len());
    let mut adaptations = Vec::new();
    let mut penalised = 0;
    let mut distance_km = None;
    for (at, planned) in plan.criteria.enumerate() {
        let outcome = evaluation.outcome(at, doc);
        penalised += i32::from(outcome.penalised);
        let mut how = outcome.support.how();
        let mut adaptation = None;
        let mut words = Vec::new();
        let found = match &planned.test {
            Test::Terms(_) => {
                let found = terms.evidence(&evaluation.retrieved.alternatives(at), outcome.support);
                if let Some((_, alternative)) = found.as_ref().filter(|_| !outcome.support.coverage.is_whole()) {
                    words = carrying_words(taxonomy, &planned.label, alternative);
                }
                found.map(|(evidence, _)| evidence)
            }
            Test::Demand(demand) => {
                let conflict = demand.key.as_ref().is_some_and(|key| terms.has_key(key));
                if conflict && demand.adaptable {
                    how = MatchHow::Adapted;
                    adaptation = Some(format!("{} tas ut av arbeidsoppgavene", demand.demand));
                }
                conflict.then(|| plain("adaptation_needs", "tilrettelegging nødvendig"))
            }
            Test::Column(test) => {
                // Checked on the stored profile with the same rule as the ranking.
                let checked = constraints::check(test, &ColumnFacts::of_profile(profile));
                if let (ColumnTest::Distance { origin, .. }, Some(home)) = (test, profile.location) {
                    distance_km = Some(constraints::km_between(*origin, home.lat as f32, home.lon as f32));
                }
                if checked.adaptation.is_some() {
                    how = MatchHow::Adapted;
                }
                adaptation = checked.adaptation_text();
                Some(plain("profile", &checked.describe()))
            }
        };
        if let Some(waiver) = &planned.waiver {
            if !outcome.support.passes() {
                how = MatchHow::Adapted;
                adaptation = Some(waiver.clone());
            }
        }
        if let Some(adaptation) = adaptation {
            adaptations.push(AdaptationNote { criterion: planned.label.clone(), adaptation });
        }
        criteria.push(CriterionOutcome {
            criterion: planned.label.clone(),
            kind: planned.kind,
            importance: planned.importance,
            matched: outcome.support.strength > Strength::None,
            how,
            evidence: found,
            grade: outcome.grade,
            weight: planned.weight,
            share: planned.weight * outcome.grade / total_weight,
            words,
        });
    }
    ShortlistEntry {
        rank,
        id: profile.id.clone(),
        score,
        municipality: profile.municipality.clone(),
        distance_km,
        headline: profile.headline(),
        criteria,
        adaptations,
        adaptation_factor: ADAPTATION_FACTOR.powi(penalised),
    }
}

/// A near miss as the shortlist lists it: the must-have failed, and by how much (`gap` wide).
/// The stored profile (`profile` reads it) is read only when the failed must-have is one of
/// words: a distance, hours or a start date is told from the columns the ranking read, which
/// is most near misses (a few km too far) and spares a document read and parse each.
pub fn near_miss<'p, E>(
    evaluation: &SegmentEvaluation,
    taxonomy: &Taxonomy,
    hit: Scored,
    gap: Gap,
    profile: impl FnOnce() -> Result<Cow<'p, Candidate>, E>,
) -> Result<NearMiss, E> {
    // A near miss fails exactly one must-have.
    let failed = evaluation.musts.positions().find(|&must| !evaluation.meets_must(must, hit.doc));
    let at = evaluation.musts[failed.unwrap_or_else(|| MustAt::from_index(0))];
    let planned = &evaluation.plan().criteria[at];
    let shortfall = match &planned.test {
        Test::Column(test) => constraints::shortfall(test, &column_facts(evaluation.columns(), hit.doc, test))
            .map(|(_, words)| words)
            .unwrap_or_default(),
        Test::Terms(test) => {
            let profile = profile()?;
            let support = evaluation.outcome(at, hit.doc).support;
            let found = ProfileTerms::new(taxonomy, &profile).evidence(&evaluation.retrieved.alternatives(at), support);
            term_shortfall(taxonomy, planned, test.min_years, found.map(|(evidence, _)| evidence), &profile)
        }
        // Never a near miss: that would tie a candidate to an adaptation need.
        Test::Demand(_) => String::new(),
    };
    Ok(NearMiss {
        id: hit.id.to_string(),
        score: hit.score,
        municipality: evaluation.columns().municipality(hit.doc).to_string(),
        failed: planned.label.clone(),
        gap,
        shortfall,
    })
}

/// How a candidate falls short of a term must-have, in words: `norsk B1, krav B2`, `1 av 2 års
/// erfaring (lagermedarbeider)`, `førerkort C1, krav førerkort C`, `mangler truckførerbevis T1`.
/// `found` is the evidence below the requirement the profile has, if any.
fn term_shortfall(
    taxonomy: &Taxonomy,
    planned: &Planned,
    min_years: Option<f32>,
    found: Option<Evidence>,
    profile: &Candidate,
) -> String {
    let asked = planned.label.strip_prefix(planned.kind.name()).map_or(planned.label.as_str(), str::trim_start);
    if planned.kind == CriterionKind::Language {
        // The level held of the language asked for (any of them, for `engelsk eller tysk`).
        let (wanted, level) = asked.split_once(" ≥ ").unwrap_or((asked, ""));
        let wanted: Vec<_> = wanted.split(" eller ").filter_map(|name| taxonomy.language(name.trim())).collect();
        let held =
            profile.languages.iter().filter(|l| taxonomy.language(&l.language).is_some_and(|l| wanted.contains(&l)));
        return match held.max_by_key(|l| l.level) {
            Some(held) => format!("{} {}, krav {level}", held.language, held.level),
            None => format!("mangler {asked}"),
        };
    }
    match (found, min_years) {
        (Some(evidence), Some(years)) => {
            let held = profile.experience.iter().find(|e| e.occupation == evidence.text).map(|e| e.years);
            match held {
                Some(held) => {
                    format!("{} av {} års erfaring ({})", format_years(held), format_years(years), evidence.text)
                }
                None => format!("{}, krav {} års erfaring", evidence.text, format_years(years)),
            }
        }
        (Some(evidence), None) => format!("{}, krav {asked}", evidence.text),
        (None, _) => format!("mangler {asked}"),
    }
}

/// Years as people write them: `1`, `1,5`.
fn format_years(years: f32) -> String {
    let tenths = (years * 10.0).round() as i64;
    if tenths % 10 == 0 { (tenths / 10).to_string() } else { format!("{},{}", tenths / 10, tenths % 10) }
}

/// Per must-have, how many more candidates would qualify without it: those who fail only it.
pub fn relaxations(plan: &Plan, only_failed: &Table<MustAt, usize>) -> Vec<Relaxation> {
    plan.musts()
        .iter()
        .zip(only_failed)
        .filter(|&(&m, _)| !Plan::is_candidate_limit(&plan.criteria[m]))
        .map(|(&m, &count)| Relaxation { criterion: plan.criteria[m].label.clone(), extra_candidates: count })
        .collect()
}

fn plain(source: &str, text: &str) -> Evidence {
    Evidence { source: source.to_string(), text: text.to_string(), tagged_by: None, tagged_at: None }
}

/// A profile's entries with their index terms, per field: what the index saw. A field is
/// analysed the first time an explanation looks at it, and only then.
struct ProfileTerms<'a> {
    taxonomy: &'a Taxonomy,
    profile: &'a Candidate,
    fields: [OnceCell<Vec<Entry>>; ProfileField::ALL.len()],
}

/// One profile entry: its terms and how to show it.
struct Entry {
    terms: BTreeSet<String>,
    evidence: Evidence,
}

impl<'a> ProfileTerms<'a> {
    fn new(taxonomy: &'a Taxonomy, profile: &'a Candidate) -> Self {
        ProfileTerms { taxonomy, profile, fields: Default::default() }
    }

    fn entries(&self, field: ProfileField) -> &[Entry] {
        let Some(position) = ProfileField::ALL.iter().position(|f| *f == field) else { return &[] };
        self.fields[position].get_or_init(|| self.analyse(field))
    }

    fn analyse(&self, field: ProfileField) -> Vec<Entry> {
        let (taxonomy, profile) = (self.taxonomy, self.profile);
        if field == ProfileField::Keys {
            return document::keyed_entries(profile, taxonomy)
                .into_iter()
                .map(|entry| Entry { evidence: plain(entry.source, &entry.text), terms: entry.keys })
                .collect();
        }
        if field == ProfileField::Phrase {
            // Shown as the entry the phrase is (a tag with who set it, say); a summary sentence as itself.
            return document::phrase_entries(profile)
                .into_iter()
                .map(|phrase| {
                    let entry = self.entries(phrase.field).iter().find(|entry| entry.evidence.text == phrase.text);
                    let evidence =
                        entry.map_or_else(|| plain(phrase.field.name(), &phrase.text), |e| e.evidence.clone());
                    Entry { terms: BTreeSet::from([phrase.key]), evidence }
                })
                .collect();
        }
        let analyzer = taxonomy.analyzer();
        let tags = tag_kind(field).map(|kind| document::tags_of_kind(profile, kind)).unwrap_or_default();
        document::field_entries(profile, field)
            .into_iter()
            .enumerate()
            .map(|(position, text)| Entry {
                terms: analyzer.terms(&text).into_iter().collect(),
                evidence: match tags.get(position) {
                    Some(tag) => Evidence {
                        source: "tags".into(),
                        text: tag.label.clone(),
                        tagged_by: Some(tag.by.clone()),
                        tagged_at: tag.at.format(&time::format_description::well_known::Rfc3339).ok(),
                    },
                    None => plain(field.name(), &text),
                },
            })
            .collect()
    }

    fn has_key(&self, key: &str) -> bool {
        self.entries(ProfileField::Keys).iter().any(|entry| entry.terms.contains(key))
    }

    /// The entry that carries evidence of `strength`: from the weakest alternative that is at
    /// least that strong and present in the profile (a years check can lower a strength, never
    /// raise it). Like the index, an alternative's terms may come from several entries of one field.
    fn evidence<'x>(&self, alternatives: &[&'x Alternative], support: Support) -> Option<(Evidence, &'x Alternative)> {
        if support.strength == Strength::None {
            return None;
        }
        let mut ranked: Vec<&Alternative> =
            alternatives.iter().copied().filter(|alt| alt.support() >= support).collect();
        ranked.sort_by_key(|alt| alt.support());
        ranked.into_iter().find_map(|alternative| {
            let entries = self.entries(alternative.field);
            let present = |term: &String| entries.iter().any(|entry| entry.terms.contains(term));
            if !alternative.terms.iter().all(present) {
                return None;
            }
            let first = &alternative.terms[0];
            let entry = entries.iter().find(|entry| entry.terms.contains(first))?;
            Some((entry.evidence.clone(), alternative))
        })
    }
}

/// The words of a criterion (its `label`) that `alternative`'s terms are: which of a phrase's
/// words carried a match on some of them.
fn carrying_words(taxonomy: &Taxonomy, label: &str, alternative: &Alternative) -> Vec<String> {
    let analyzer = taxonomy.analyzer();
    let stems: Vec<&str> = alternative.terms.iter().map(|term| term.trim_start_matches(PART_PREFIX)).collect();
    let mut words: Vec<String> =
        crate::analysis::split_words(label).filter(|w| stems.contains(&analyzer.stem(w).as_str())).collect();
    words.dedup();
    words
}

fn tag_kind(field: ProfileField) -> Option<TagKind> {
    match field {
        ProfileField::TagInterest => Some(TagKind::Interest),
        ProfileField::TagSkill => Some(TagKind::InformalSkill),
        ProfileField::TagPreference => Some(TagKind::WorkPreference),
        _ => None,
    }
}
