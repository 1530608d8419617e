//! Near misses and relaxation counts must agree with re-running the need without the must-have.

use jobbmatch::model::{CriterionKind, Gap, Importance, JobNeed};
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

/// A home `km` north of the test profiles' Kristiansand.
fn north(km: f64) -> serde_json::Value {
    json!({"lat": 58.147 + km / 111.195, "lon": 7.995})
}

#[test]
fn near_misses_are_listed_narrow_gaps_first_with_the_gap_in_words() {
    let fluent = json!([{"language": "norsk", "level": "C2"}]);
    let candidates = [
        // A neighbour one language level short: narrow.
        profile("K1", json!({"languages": [{"language": "norsk", "level": "B1"}]})),
        // 8 km beyond the limit: narrow.
        profile("K2", json!({"location": north(48.0), "languages": fluent})),
        // 30 km beyond: wide.
        profile("K3", json!({"location": north(70.0), "languages": fluent})),
        // In Bergen: far beyond any reasonable gap, no near miss at all.
        profile("K4", json!({"municipality": "Bergen", "location": {"lat": 60.39, "lon": 5.32}, "languages": fluent})),
        // Three levels short: wide.
        profile("K5", json!({"languages": [{"language": "norsk", "level": "A1"}]})),
        profile("K6", json!({"languages": fluent})),
    ];
    let need = need(json!({"location": {"lat": 58.147, "lon": 7.995}, "max_distance_km": 40,
        "criteria": [{"kind": "language", "value": "norsk", "min_level": "B2", "importance": "must"}]}));
    let result = shortlist(&index(&candidates), &need);
    assert_eq!(ids(&result), ["K6"]);
    let listed: Vec<(&str, Gap, &str)> =
        result.near_misses.iter().map(|m| (m.id.as_str(), m.gap, m.shortfall.as_str())).collect();
    assert_eq!(
        listed,
        [
            // Narrow gaps first, each by score (fluent Norwegian weighs more than nearness).
            ("K2", Gap::Narrow, "8 km for langt (48 km, grense 40 km)"),
            ("K1", Gap::Narrow, "norsk B1, krav B2"),
            ("K3", Gap::Wide, "30 km for langt (70 km, grense 40 km)"),
            ("K5", Gap::Wide, "norsk A1, krav B2"),
        ]
    );
    // Relaxation counts stay exact: Bergen fails only the distance too.
    let distance = result.relaxations.iter().find(|r| r.criterion == "distance ≤ 40 km").expect("the limit");
    assert_eq!(distance.extra_candidates, 3);
}

#[test]
fn a_rung_or_a_class_below_and_some_of_the_years_are_narrow_gaps() {
    let candidates = [
        profile("K1", json!({"experience": [{"occupation": "tømrerlærling", "years": 2}]})),
        profile("K2", json!({"education": [{"level": "videregående", "field": "byggfag", "fagbrev": "tømrer"}]})),
        profile("K3", json!({})),
    ];
    let trade = need(json!({"criteria": [{"kind": "education", "value": "fagbrev som tømrer", "importance": "must"}]}));
    let result = shortlist(&index(&candidates), &trade);
    assert_eq!(ids(&result), ["K2"]);
    let listed: Vec<(&str, Gap)> = result.near_misses.iter().map(|m| (m.id.as_str(), m.gap)).collect();
    assert_eq!(listed, [("K1", Gap::Narrow), ("K3", Gap::Wide)]);
    assert_eq!(result.near_misses[0].shortfall, "tømrerlærling, krav fagbrev som tømrer");
    assert_eq!(result.near_misses[1].shortfall, "mangler fagbrev som tømrer");

    let drivers = [
        profile("K1", json!({"certificates": ["førerkort C1"]})),
        profile("K2", json!({"certificates": ["førerkort B"]})),
    ];
    let lorry = need(json!({"criteria": [{"kind": "certificate", "value": "førerkort C", "importance": "must"}]}));
    let result = shortlist(&index(&drivers), &lorry);
    let listed: Vec<(&str, Gap, &str)> =
        result.near_misses.iter().map(|m| (m.id.as_str(), m.gap, m.shortfall.as_str())).collect();
    assert_eq!(
        listed,
        [("K1", Gap::Narrow, "førerkort C1, krav førerkort C"), ("K2", Gap::Wide, "mangler førerkort C")]
    );

    let warehouse = [profile("K1", json!({"experience": [{"occupation": "lagermedarbeider", "years": 1}]}))];
    let years = need(json!({"criteria": [
        {"kind": "experience", "value": "lagermedarbeider", "min_years": 2, "importance": "must"}]}));
    let result = shortlist(&index(&warehouse), &years);
    let miss = &result.near_misses[0];
    assert_eq!((miss.gap, miss.shortfall.as_str()), (Gap::Narrow, "1 av 2 års erfaring (lagermedarbeider)"));
}

#[test]
fn a_demand_the_job_cannot_adapt_never_names_who_fails_it() {
    // Naming who fails a demand would tie them to an adaptation need: they are counted, not listed.
    let candidates = [profile("K1", json!({"adaptation_needs": ["kan ikke løfte tungt"]})), profile("K2", json!({}))];
    let need = need(json!({"criteria": [{"kind": "demand", "value": "tunge løft", "importance": "must"}]}));
    let result = shortlist(&index(&candidates), &need);
    assert_eq!(ids(&result), ["K2"]);
    assert!(result.near_misses.is_empty(), "{:?}", result.near_misses);
    assert_eq!(result.relaxations[0].extra_candidates, 1);
}
