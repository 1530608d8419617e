//! Compiled plans, kept for needs that are asked again.
//!
//! Compiling a need expands its words through the vocabulary into hundreds of alternatives
//! (~0.1 ms for a need with `lager` and `bil`), and the same need is asked many times: the
//! advisor relaxes a must-have and runs it again, exports it, or the service is asked for it by
//! several advisors. A plan depends only on the need and the vocabulary, which is fixed for as
//! long as the index is open, so the index keeps the most recently used ones, each with the
//! keys its term tests are cached under in segments (hashing their alternatives took ~10–30 µs,
//! about a tenth of a warm shortlist).

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use super::plan::Rarity;
use super::position::{CriterionAt, Table};
use super::retrieve::term_keys;
use super::{MatchError, Plan};
use crate::index::{CandidateIndex, ProfileField};
use crate::model::JobNeed;
use crate::semantic::Resemblance;

/// A need's plan with the [`term_keys`] of its term tests. Kept behind an `Arc`, so the keys
/// cannot go stale by a change to the plan.
pub struct Compiled {
    pub plan: Plan,
    pub term_keys: Table<CriterionAt, u64>,
}

impl Compiled {
    /// `plan` with its keys worked out.
    pub fn new(plan: Plan) -> Compiled {
        Compiled { term_keys: term_keys(&plan), plan }
    }

    fn of(need: &JobNeed, index: &CandidateIndex) -> Result<Compiled, MatchError> {
        Ok(Compiled::new(compile_for(need, index)?))
    }
}

/// `need` compiled for `index`: words weighed by their rarity in it, and wishes also met by the
/// phrases its semantic layer (if attached) finds.
pub fn compile_for(need: &JobNeed, index: &CandidateIndex) -> Result<Plan, MatchError> {
    let resemblance = index.semantic().map(|semantic| semantic.as_ref() as &dyn Resemblance);
    Plan::compile_with(need, index.taxonomy(), &IndexRarity::new(index), resemblance)
}

/// How rare a word is among an index's profiles: its inverse document frequency in the text
/// field where it is most common, so that `dyr` weighs more than `arbeid` in `arbeid med dyr`.
pub struct IndexRarity<'a> {
    index: &'a CandidateIndex,
    searcher: tantivy::Searcher,
}

impl<'a> IndexRarity<'a> {
    pub fn new(index: &'a CandidateIndex) -> Self {
        IndexRarity { index, searcher: index.searcher() }
    }
}

impl Rarity for IndexRarity<'_> {
    fn weight(&self, stem: &str) -> f32 {
        let profiles = self.searcher.num_docs() as f32;
        let fields =
            ProfileField::ALL.into_iter().filter(|field| !matches!(field, ProfileField::Keys | ProfileField::Phrase));
        let in_most = fields
            .filter_map(|field| {
                let term = tantivy::Term::from_field_text(self.index.fields().text(field), stem);
                self.searcher.doc_freq(&term).ok()
            })
            .max()
            .unwrap_or(0) as f32;
        (1.0 + (profiles - in_most + 0.5) / (in_most + 0.5)).ln()
    }

    fn phrase_holders(&self, key: &str) -> Option<(u64, u64)> {
        let term = tantivy::Term::from_field_text(self.index.fields().text(ProfileField::Phrase), key);
        Some((self.searcher.doc_freq(&term).ok()?, self.searcher.num_docs()))
    }
}

/// A kept plan and the need it was compiled from (keys are hashes; a hit is checked against it).
struct KeptPlan {
    need: String,
    compiled: Arc<Compiled>,
}

/// The plan of `need` (which must be valid), compiled or as kept from the last time it was asked.
pub fn plan_for(need: &JobNeed, index: &CandidateIndex) -> Result<Arc<Compiled>, MatchError> {
    let Ok(text) = serde_json::to_string(need) else {
        return Ok(Arc::new(Compiled::of(need, index)?));
    };
    let mut hasher = rustc_hash::FxHasher::default();
    text.hash(&mut hasher);
    // Phrases learned since change what a wish resembles.
    index.semantic().map(|semantic| semantic.version()).hash(&mut hasher);
    let key = hasher.finish();
    if let Some(kept) = index.derived().get::<KeptPlan>(key).filter(|kept| kept.need == text) {
        return Ok(kept.compiled.clone());
    }
    let compiled = Arc::new(Compiled::of(need, index)?);
    index.derived().keep(key, Arc::new(KeptPlan { need: text, compiled: compiled.clone() }));
    Ok(compiled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::Taxonomy;

    #[test]
    fn a_need_asked_again_gets_the_kept_plan_and_a_changed_one_a_new_plan() {
        let index = CandidateIndex::in_memory(Taxonomy::embedded().expect("taxonomy")).expect("index");
        let text = r#"{"id": "n", "criteria": [{"kind": "skill", "value": "lagerstyring", "importance": "must"}]}"#;
        let need = JobNeed::from_json(text).expect("need");
        let first = plan_for(&need, &index).expect("plan");
        assert!(Arc::ptr_eq(&first, &plan_for(&need, &index).expect("plan")));

        let mut changed = need.clone();
        changed.criteria[0].value = "truckførerbevis".into();
        let other = plan_for(&changed, &index).expect("plan");
        assert!(!Arc::ptr_eq(&first, &other));
        let first_criterion = other.plan.criteria.positions().next().expect("a criterion");
        assert_eq!(
            other.plan.criteria[first_criterion].label,
            Plan::compile(&changed, index.taxonomy()).expect("plan").criteria[first_criterion].label
        );
        assert_eq!(other.term_keys, term_keys(&other.plan));
    }

    #[test]
    fn a_need_that_does_not_compile_is_refused_every_time() {
        let index = CandidateIndex::in_memory(Taxonomy::embedded().expect("taxonomy")).expect("index");
        let text = r#"{"id": "n", "criteria": [{"kind": "skill", "value": "og", "importance": "must"}]}"#;
        let need = JobNeed::from_json(text).expect("need");
        for _ in 0..2 {
            assert!(matches!(plan_for(&need, &index), Err(MatchError::Criterion { .. })));
        }
    }
}
