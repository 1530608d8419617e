//! Merging the segments' findings into one shortlist: the best k across segments (ties in id
//! order), the near misses checked against the floor they were sought from — narrow gaps first,
//! wide ones only to fill the list — and the counts of who fails only each must-have summed.

use super::evaluation::SegmentEvaluation;
use super::pass::{self, PassRequest, Scored, SegmentResult, SharedBars, Tuning};
use super::position::{MustAt, Table};
use crate::model::Gap;

/// A shortlist's hits before they are explained: each with its segment's ordinal.
pub struct Merged<'a> {
    pub qualified: usize,
    pub best: Vec<(u32, Scored<'a>)>,
    /// Narrow gaps first, each by score; then wide ones.
    pub near_misses: Vec<(u32, Scored<'a>, Gap)>,
    /// Per must-have, how many fail only it, in every segment.
    pub only_failed: Table<MustAt, usize>,
}

/// Merges the pass's `results`, one per evaluation in order, for a plan with `musts` must-haves.
pub fn merge<'a>(
    evaluations: &'a [SegmentEvaluation],
    mut results: Vec<SegmentResult<'a>>,
    request: PassRequest,
    tuning: &Tuning,
    musts: usize,
) -> Merged<'a> {
    // Near misses with a narrow gap were sought from a guessed floor, in every segment after the
    // one that guessed it too; should fewer than k beat it, they are sought again without it.
    let lists = |results: &[SegmentResult<'a>]| {
        evaluations.iter().zip(results).map(|(e, result)| (e.ordinal, result.near_misses.clone())).collect()
    };
    let mut narrow = top(hits(lists(&results)), request.near_misses);
    let floor = results.iter().find_map(|result| result.floor);
    let short = narrow.len() < request.near_misses;
    if floor.is_some_and(|floor| short || narrow.last().is_some_and(|(_, kth)| kth.score < floor)) {
        let bars = SharedBars::default();
        for (evaluation, result) in evaluations.iter().zip(&mut results) {
            result.near_misses = pass::near_misses_again(evaluation, request, tuning, &bars, Gap::Narrow);
        }
        narrow = top(hits(lists(&results)), request.near_misses);
    }
    let mut near_misses: Vec<(u32, Scored, Gap)> = narrow.into_iter().map(|(s, hit)| (s, hit, Gap::Narrow)).collect();
    let wanted = request.near_misses - near_misses.len();
    if wanted > 0 && musts > 0 {
        let bars = SharedBars::default();
        let request = PassRequest { near_misses: wanted, ..request };
        let wide = evaluations
            .iter()
            .map(|e| (e.ordinal, pass::near_misses_again(e, request, tuning, &bars, Gap::Wide)))
            .collect();
        near_misses.extend(top(hits(wide), wanted).into_iter().map(|(s, hit)| (s, hit, Gap::Wide)));
    }
    let best =
        top(hits(evaluations.iter().zip(&results).map(|(e, r)| (e.ordinal, r.best.clone())).collect()), request.top);
    let mut only_failed = Table::filled(0, musts);
    for result in &results {
        only_failed.iter_mut().zip(&result.only_failed).for_each(|(total, count)| *total += count);
    }
    Merged { qualified: results.iter().map(|result| result.qualified).sum(), best, near_misses, only_failed }
}

/// One list of every segment's hits, with the segment's ordinal.
fn hits<'a>(lists: Vec<(u32, Vec<Scored<'a>>)>) -> Vec<(u32, Scored<'a>)> {
    lists.into_iter().flat_map(|(ordinal, hits)| hits.into_iter().map(move |hit| (ordinal, hit))).collect()
}

/// The best `k` hits across segments, best first; equal scores in id order.
fn top<'a>(mut hits: Vec<(u32, Scored<'a>)>, k: usize) -> Vec<(u32, Scored<'a>)> {
    hits.sort_by(|a, b| a.1.rank_order(&b.1));
    hits.truncate(k);
    hits
}
