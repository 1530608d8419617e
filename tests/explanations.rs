//! Every shortlisted candidate explains itself, and the explanation agrees with the ranking.

use jobbmatch::model::{Importance, MatchHow};

use crate::common::{fixture_index, fixture_needs, shortlist};

#[test]
fn every_fixture_shortlist_explains_every_criterion() {
    let index = fixture_index();
    for (name, need) in fixture_needs() {
        let result = shortlist(index, &need);
        if result.candidates.is_empty() {
            // A need whose must-haves match nobody must say what relaxing each would add.
            assert!(result.relaxations.iter().any(|r| r.extra_candidates > 0), "{name}: nobody and no way out");
            continue;
        }
        for entry in &result.candidates {
            let shares: f32 = entry.criteria.iter().map(|c| c.share).sum();
            assert!(
                (shares * entry.adaptation_factor - entry.score).abs() < 1e-4,
                "{name} {}: the shares ({shares}) times the adaptation factor make the score ({})",
                entry.id,
                entry.score
            );
            for outcome in &entry.criteria {
                if outcome.importance == Importance::Must {
                    assert!(outcome.matched, "{name} {}: must-have {} is met", entry.id, outcome.criterion);
                }
                let needs_evidence = outcome.grade > 0.0 && outcome.kind != jobbmatch::model::CriterionKind::Demand;
                assert!(
                    !needs_evidence || outcome.evidence.is_some(),
                    "{name} {}: {} has grade {} but no evidence",
                    entry.id,
                    outcome.criterion,
                    outcome.grade
                );
                if outcome.how == MatchHow::Tag {
                    let evidence = outcome.evidence.as_ref().expect("tag evidence");
                    assert!(evidence.tagged_by.is_some() && evidence.tagged_at.is_some(), "tags say who and when");
                }
            }
            assert_eq!(
                entry.adaptations.len(),
                entry.criteria.iter().filter(|c| c.how == MatchHow::Adapted).count(),
                "{name} {}: one adaptation note per adapted criterion",
                entry.id
            );
        }
        let scores: Vec<f32> = result.candidates.iter().map(|e| e.score).collect();
        assert!(scores.windows(2).all(|pair| pair[0] >= pair[1]), "{name}: best first");
    }
}
