//! Ties: candidates with the same score are ordered by nearness to the job, then by breadth of
//! evidence (how many criteria have any), and only then by id — so that when no wish is met the
//! top of a list is not decided by who was registered first.
//!
//! The pass finds the best by (score, id); to order a tie well it is asked for a window beyond
//! the list ([`window`]), and the window is ordered here before it is cut.

use std::cmp::Ordering;

use super::constraints;
use super::evaluation::SegmentEvaluation;
use super::pass::Scored;
use super::plan::{ColumnTest, Test};
use super::retrieve::column_facts;

/// How far beyond the list the pass looks for candidates tied with its last: as many again as
/// the list holds, up to 50 more.
pub fn window(top: usize) -> usize {
    top + top.min(50)
}

/// What orders candidates whose scores are equal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TieBreak {
    /// Kilometres to the job (infinite when the need has no location or the profile no home).
    pub km: f32,
    /// Criteria with any evidence at all.
    pub breadth: usize,
}

impl TieBreak {
    /// The tie-break of `doc` in `evaluation`.
    pub fn of(evaluation: &SegmentEvaluation, doc: u32) -> TieBreak {
        let mut tie = TieBreak { km: f32::INFINITY, breadth: 0 };
        for (at, criterion) in evaluation.plan().criteria.enumerate() {
            if let Test::Column(test @ ColumnTest::Distance { origin, .. }) = &criterion.test {
                let facts = column_facts(evaluation.columns(), doc, test);
                if facts.lat.is_finite() && facts.lon.is_finite() {
                    tie.km = tie.km.min(constraints::km_between(*origin, facts.lat, facts.lon));
                }
            }
            tie.breadth += usize::from(evaluation.outcome(at, doc).support.strength > super::evidence::Strength::None);
        }
        tie
    }
}

/// The first `top` of `window` (the merged best by score and id) once equal scores are ordered
/// by [`order`], and how many share the top score when more than one does (0 otherwise).
pub fn settle<'a>(
    evaluations: &[SegmentEvaluation],
    window: &[(u32, Scored<'a>)],
    top: usize,
) -> (Vec<(u32, Scored<'a>)>, usize) {
    let mut keyed: Vec<((u32, Scored<'a>), TieBreak)> = window
        .iter()
        .map(|&(segment, hit)| ((segment, hit), TieBreak::of(&evaluations[segment as usize], hit.doc)))
        .collect();
    keyed.sort_by(|a, b| order((&a.0.1, &a.1), (&b.0.1, &b.1)));
    keyed.truncate(top);
    let first = keyed.first().map(|((_, hit), _)| hit.score);
    let tied = keyed.iter().take_while(|((_, hit), _)| Some(hit.score) == first).count();
    (keyed.into_iter().map(|(hit, _)| hit).collect(), if tied > 1 { tied } else { 0 })
}

/// Best first: higher score; for equal scores nearer, then broader evidence, then lower id.
pub fn order(a: (&Scored, &TieBreak), b: (&Scored, &TieBreak)) -> Ordering {
    b.0.score
        .total_cmp(&a.0.score)
        .then_with(|| a.1.km.total_cmp(&b.1.km))
        .then_with(|| b.1.breadth.cmp(&a.1.breadth))
        .then_with(|| a.0.id.cmp(b.0.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(score: f32, id: &str) -> Scored<'_> {
        Scored { score, id, doc: 0 }
    }

    #[test]
    fn equal_scores_go_to_the_nearer_then_the_broader_then_the_lower_id() {
        let near = TieBreak { km: 2.0, breadth: 1 };
        let far = TieBreak { km: 9.0, breadth: 3 };
        let (a, b) = (hit(0.5, "B"), hit(0.5, "A"));
        assert_eq!(order((&a, &near), (&b, &far)), Ordering::Less, "nearness before id");
        assert_eq!(order((&a, &far), (&b, &near)), Ordering::Greater);
        let broad = TieBreak { km: 2.0, breadth: 3 };
        assert_eq!(order((&a, &broad), (&b, &near)), Ordering::Less, "then breadth");
        assert_eq!(order((&a, &near), (&b, &near)), Ordering::Greater, "then the id");
        let better = hit(0.6, "Z");
        assert_eq!(order((&better, &far), (&a, &near)), Ordering::Less, "a higher score always first");
    }
}
