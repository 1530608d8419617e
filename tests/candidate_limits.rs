//! A candidate's own limits are must-haves whether or not the employer set one; their wishes are
//! not:
//! - nobody is shortlisted for a job farther away than they can commute, limit or no limit;
//! - the most hours a candidate can work holds (unless the employer can lower the hours);
//! - a job smaller than the hours a candidate wishes for is a note and a small penalty, never an
//!   exclusion (a part-time job is a way in).

use jobbmatch::matching::constraints::km_between;
use serde_json::json;

use crate::common::{fixture_index, fixture_needs, ids, index, need, profile, shortlist};

#[test]
fn the_candidates_commute_holds_when_the_employer_set_no_limit() {
    let bergen = json!({"municipality": "Bergen", "location": {"lat": 60.39, "lon": 5.32}});
    let mut in_bergen = bergen.clone();
    in_bergen["max_commute_km"] = json!(60);
    let candidates = [
        profile("K1", json!({"max_commute_km": 30})),
        profile("K2", in_bergen),
        // No stated limit: the job is not out of their reach.
        profile("K3", bergen),
        profile("K4", json!({"location": null, "max_commute_km": 10})),
        // In Grimstad, 41 km away, and travels 35 km at most: a narrow near miss.
        profile("K5", json!({"location": {"lat": 58.34, "lon": 8.59}, "max_commute_km": 35})),
    ];
    let need = need(json!({"location": {"lat": 58.147, "lon": 7.995}}));
    let result = shortlist(&index(&candidates), &need);
    let mut listed = ids(&result);
    listed.sort_unstable();
    assert_eq!(listed, ["K1", "K3", "K4"], "the Bergen candidate who travels 60 km at most is not listed");
    let commute = result.candidates[0].criteria.iter().find(|c| c.criterion == "nærhet").expect("the commute");
    assert!(commute.matched);
    let said = commute.evidence.as_ref().map(|e| e.text.as_str()).unwrap_or_default();
    assert!(said.contains("innenfor kandidatens pendlegrense på 30 km"), "the explanation says so: {said}");
    assert!(result.relaxations.iter().all(|r| r.criterion != "nærhet"), "no employer can relax a candidate's limit");
    let miss = result.near_misses.iter().find(|m| m.id == "K5").expect("K5 fails only their own commute");
    assert_eq!(miss.failed, "nærhet");
    assert!(miss.shortfall.contains("over egen pendlegrense"), "{}", miss.shortfall);
    assert!(result.near_misses.iter().all(|m| m.id != "K2"), "330 km over a 60 km commute is not near");
}

#[test]
fn the_candidates_commute_holds_beside_the_employers_limit_and_a_distance_wish() {
    let candidates = [
        // 40 km away: within the employer's 50 km, beyond their own 20 km.
        profile("K1", json!({"location": {"lat": 58.34, "lon": 8.59}, "max_commute_km": 20})),
        profile("K2", json!({"location": {"lat": 58.34, "lon": 8.59}, "max_commute_km": 45})),
    ];
    let index = index(&candidates);
    let limited = need(json!({"location": {"lat": 58.147, "lon": 7.995}, "max_distance_km": 50}));
    assert_eq!(ids(&shortlist(&index, &limited)), ["K2"]);
    let wished = need(json!({"location": {"lat": 58.147, "lon": 7.995},
        "criteria": [{"kind": "distance", "value": "30", "importance": "adjustable"}]}));
    assert_eq!(ids(&shortlist(&index, &wished)), ["K2"], "a distance wish does not lift the candidate's own limit");
}

#[test]
fn no_fixture_shortlist_holds_anyone_farther_away_than_they_can_commute() {
    let index = fixture_index();
    let mut checked = 0;
    for (name, need) in fixture_needs() {
        let Some(origin) = need.location else { continue };
        let mut need = need;
        need.max_distance_km = None;
        need.criteria.retain(|c| c.kind != jobbmatch::model::CriterionKind::Distance);
        need.top = Some(200);
        for entry in shortlist(index, &need).candidates {
            let profile = index.candidate(&entry.id).expect("read").expect("listed profiles exist");
            if let (Some(home), Some(limit)) = (profile.location, profile.max_commute_km) {
                let km = km_between(origin, home.lat as f32, home.lon as f32);
                assert!(km <= limit, "{name}: {} lives {km:.0} km away and travels {limit} km at most", entry.id);
                checked += 1;
            }
        }
    }
    assert!(checked >= 50, "only {checked} listed candidates with a commute checked");
}

#[test]
fn the_most_a_candidate_can_work_holds_and_the_least_they_wish_for_does_not() {
    let candidates = [
        profile("K1", json!({"extent_percent": {"min": 40, "max": 40}})),
        // Hopes for more hours: a 40 % job is a way in, with a note and a small penalty.
        profile("K2", json!({"extent_percent": {"min": 60, "max": 100}})),
        // Can work 30 % at most.
        profile("K3", json!({"extent_percent": {"min": 20, "max": 30}})),
    ];
    let index = index(&candidates);
    let part_time = need(json!({"extent_percent": 40}));
    let result = shortlist(&index, &part_time);
    assert_eq!(ids(&result), ["K1", "K2"], "the exact wish first, the hope for more hours still listed");
    assert!(result.candidates[1].score < result.candidates[0].score);
    assert!(result.candidates[1].score > 0.75 * result.candidates[0].score, "a small penalty, not an exclusion");
    let hours = &result.candidates[1].criteria[0];
    assert!(hours.matched);
    let said = hours.evidence.as_ref().map(|e| e.text.as_str()).unwrap_or_default();
    assert_eq!(said, "ønsker 60–100 %; stillingen på 40 % er mindre enn ønsket");
    let miss = result.near_misses.iter().find(|m| m.id == "K3").expect("K3 fails only the hours");
    assert_eq!(miss.failed, "extent 40 %");
    // The employer's room to adapt can still waive hours: down to 30 %, K3 fits.
    let adaptable = need(json!({"extent_percent": 40, "adaptable": {"extent_min_percent": 30}}));
    assert!(ids(&shortlist(&index, &adaptable)).contains(&"K3"));
}

#[test]
fn shifts_a_candidate_cannot_work_hold_unless_the_employer_adapts() {
    let candidates = [profile("K1", json!({"shifts": ["dag"]})), profile("K2", json!({"shifts": ["dag", "kveld"]}))];
    let index = index(&candidates);
    let evenings = need(json!({"criteria": [{"kind": "shift", "value": "kveld", "importance": "must"}]}));
    assert_eq!(ids(&shortlist(&index, &evenings)), ["K2"]);
    let adaptable = need(json!({"criteria": [{"kind": "shift", "value": "kveld", "importance": "must"}],
        "adaptable": {"shifts": ["kveld"]}}));
    let mut listed = ids(&shortlist(&index, &adaptable)).into_iter().map(str::to_string).collect::<Vec<_>>();
    listed.sort_unstable();
    assert_eq!(listed, ["K1", "K2"], "the employer's room to adapt waives the shift");
}
