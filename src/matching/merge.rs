//! Merging the segments' findings into one shortlist: the best k across segments (ties in id
//! order), the near misses checked against the floor they were sought from, and the counts of who
//! fails only each must-have summed.

use super::evaluation::SegmentEvaluation;
use super::pass::{self, PassRequest, Scored, SegmentResult, SharedBars, Tuning};
use super::position::{MustAt, Table};

/// A shortlist's hits before they are explained: each with its segment's ordinal.
pub struct Merged<'a> {
    pub qualified: usize,
    pub best: Vec<(u32, Scored<'a>)>,
    pub near_misses: Vec<(u32, Scored<'a>)>,
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
    // Near misses were sought from a guessed floor, in every segment after the one that guessed it
    // too; should fewer than k beat it, they are sought again without it.
    let mut near_misses = top(hits(evaluations, &results, |result| &result.near_misses), request.near_misses);
    let floor = results.iter().find_map(|result| result.floor);
    let short = near_misses.len() < request.near_misses;
    if floor.is_some_and(|floor| short || near_misses.last().is_some_and(|(_, kth)| kth.score < floor)) {
        let bars = SharedBars::default();
        for (evaluation, result) in evaluations.iter().zip(&mut results) {
            result.near_misses = pass::near_misses_again(evaluation, request, tuning, &bars);
        }
        near_misses = top(hits(evaluations, &results, |result| &result.near_misses), request.near_misses);
    }
    let best = top(hits(evaluations, &results, |result| &result.best), request.top);
    let mut only_failed = Table::filled(0, musts);
    for result in &results {
        only_failed.iter_mut().zip(&result.only_failed).for_each(|(total, count)| *total += count);
    }
    Merged { qualified: results.iter().map(|result| result.qualified).sum(), best, near_misses, only_failed }
}

/// One list of every segment's results, with the segment's ordinal.
fn hits<'a>(
    evaluations: &[SegmentEvaluation],
    results: &[SegmentResult<'a>],
    list: impl for<'r> Fn(&'r SegmentResult<'a>) -> &'r [Scored<'a>],
) -> Vec<(u32, Scored<'a>)> {
    let mut hits = Vec::new();
    for (evaluation, result) in evaluations.iter().zip(results) {
        hits.extend(list(result).iter().map(|hit| (evaluation.ordinal, *hit)));
    }
    hits
}

/// The best `k` hits across segments, best first; equal scores in id order.
fn top<'a>(mut hits: Vec<(u32, Scored<'a>)>, k: usize) -> Vec<(u32, Scored<'a>)> {
    hits.sort_by(|a, b| a.1.rank_order(&b.1));
    hits.truncate(k);
    hits
}
