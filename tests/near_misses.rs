//! Near misses and relaxation counts must agree with re-running the need without the must-have.

use jobbmatch::model::{CriterionKind, Importance, JobNeed};
use serde_json::json;

use crate::common::{fixture_index, fixture_needs, ids, index, need, profile, shortlist};

/// The need without must-have `label` (an explicit criterion or an implied one).
fn without(need: &JobNeed, label: &str) -> JobNeed {
    let mut relaxed = need.clone();
    let before = relaxed.criteria.len();
    relaxed.criteria.retain(|c| !(c.importance == Importance::Must && c.label() == label));
    if relaxed.criteria.len() == before {
        match label.split(' ').next() {
            Some("extent") => relaxed.extent_percent = None,
            Some("distance") => relaxed.max_distance_km = None,
            Some("start_date") => relaxed.start_date = None,
            Some("demand") => relaxed.adaptable.tasks.retain(|task| label != format!("demand {task}")),
            _ => panic!("no must-have labelled {label}"),
        }
    }
    relaxed
}

#[test]
fn relaxation_counts_agree_with_rerunning_every_fixture_need() {
    let index = fixture_index();
    let mut checked = 0;
    for (name, need) in fixture_needs() {
        let result = shortlist(index, &need);
        for relaxation in &result.relaxations {
            let mut relaxed = without(&need, &relaxation.criterion);
            relaxed.top = Some(500);
            let rerun = shortlist(index, &relaxed);
            assert_eq!(
                rerun.qualified - result.qualified,
                relaxation.extra_candidates,
                "{name}: dropping {} should add exactly the candidates who fail only it",
                relaxation.criterion
            );
            for miss in result.near_misses.iter().filter(|miss| miss.failed == relaxation.criterion) {
                assert!(!result.candidates.iter().any(|c| c.id == miss.id), "{name}: a near miss is not qualified");
                assert!(
                    rerun.candidates.iter().any(|c| c.id == miss.id) || rerun.qualified > 500,
                    "{name}: {} qualifies once {} is dropped",
                    miss.id,
                    miss.failed
                );
            }
            checked += 1;
        }
        let explained: usize = result.relaxations.iter().map(|r| r.extra_candidates).sum();
        assert!(result.near_misses.len() <= explained.min(10), "{name}: near misses are the ones counted");
    }
    assert!(checked >= 30, "only {checked} must-haves checked");
}

#[test]
fn a_must_have_that_matches_nobody_is_named_with_what_relaxing_it_adds() {
    let candidates = [
        profile("K1", json!({"certificates": ["førerkort B"]})),
        profile("K2", json!({"certificates": ["førerkort B"]})),
        profile("K3", json!({})),
    ];
    let need = need(json!({"criteria": [
        {"kind": "certificate", "value": "førerkort B", "importance": "must"},
        {"kind": "education", "value": "fagbrev rørlegger", "importance": "must"},
    ]}));
    let result = shortlist(&index(&candidates), &need);
    assert!(result.candidates.is_empty());
    let counts: Vec<(&str, usize)> =
        result.relaxations.iter().map(|r| (r.criterion.as_str(), r.extra_candidates)).collect();
    assert_eq!(counts, [("certificate førerkort B", 0), ("education fagbrev rørlegger", 2)]);
    let mut misses: Vec<(&str, &str)> = result.near_misses.iter().map(|m| (m.id.as_str(), m.failed.as_str())).collect();
    misses.sort_unstable();
    assert_eq!(misses, [("K1", "education fagbrev rørlegger"), ("K2", "education fagbrev rørlegger")]);
    // Candidates who fail both must-haves are neither near misses nor counted.
    assert!(!ids(&result).contains(&"K3"));
    assert!(result.near_misses.iter().all(|m| m.id != "K3"));
    let _ = CriterionKind::Education;
}
