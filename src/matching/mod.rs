//! Matching: a job need → a ranked, explained shortlist with near misses and relaxation counts.
//!
//! 1. [`plan`] compiles the need against the vocabulary (synonyms, narrower terms, licence
//!    classes, levels, waivers from the employer's room to adapt); the index keeps the plans of
//!    needs asked again ([`compiled`]).
//! 2. [`segment`] reads the plan against each index segment: the documents each alternative is
//!    found in (tantivy postings; common terms as cached bitsets), one bitset per must-have, and
//!    the graded [`evidence`] and exact score of any one candidate.
//! 3. [`algebra`] works out, per segment, who meets every must-have and who fails only each one
//!    (kept for the next search with the same must-haves); [`scan`] passes over them 64 documents
//!    at a time, in parallel chunks (rayon), for the best of each, scoring exactly only the
//!    candidates whose upper bound can still make the list. Ties are broken by id ([`topk`]).
//! 4. [`explain`] says why each shortlisted candidate is there; near misses and relaxation counts
//!    come from the same must-have bitsets.

mod algebra;
pub mod baseline;
mod compiled;
pub mod constraints;
pub mod evidence;
mod explain;
pub mod plan;
#[cfg(test)]
pub(crate) mod reference;
pub mod relax;
mod scan;
mod segment;
#[cfg(test)]
mod tests;
mod topk;

use rayon::prelude::*;
use tantivy::DocAddress;

pub use plan::{Plan, Planned, Test};
pub use segment::ADAPTATION_FACTOR;

use crate::index::{CandidateIndex, IndexError};
use crate::model::{JobNeed, NearMiss, Relaxation, Shortlist};
use scan::{Bounds, Floor, Found, Wanted, scan};
use segment::SegmentEvaluation;
use topk::Scored;

/// Near misses reported by default.
pub const DEFAULT_NEAR_MISSES: usize = 10;

/// Why a shortlist could not be made.
#[derive(Debug, thiserror::Error)]
pub enum MatchError {
    /// A criterion the vocabulary cannot use (the caller's mistake: a 4xx).
    #[error("criteria[{index}] ({label}): {reason}")]
    Criterion { index: usize, label: String, reason: String },
    /// The index failed (our problem: a 5xx).
    #[error(transparent)]
    Index(#[from] IndexError),
}

impl From<tantivy::TantivyError> for MatchError {
    fn from(error: tantivy::TantivyError) -> Self {
        MatchError::Index(IndexError::Tantivy(error))
    }
}

impl From<std::io::Error> for MatchError {
    fn from(error: std::io::Error) -> Self {
        MatchError::Index(IndexError::Io(error))
    }
}

/// Runs job needs against an index. Configure with the setters, then call [`Matcher::shortlist`].
pub struct Matcher<'a> {
    index: &'a CandidateIndex,
    near_misses: usize,
    relaxation: bool,
}

impl<'a> Matcher<'a> {
    /// A matcher over `index`, reporting 10 near misses and relaxation counts.
    pub fn new(index: &'a CandidateIndex) -> Self {
        Matcher { index, near_misses: DEFAULT_NEAR_MISSES, relaxation: true }
    }

    /// How many near misses to report (default 10).
    pub fn near_misses(mut self, count: usize) -> Self {
        self.near_misses = count;
        self
    }

    /// Whether to count, per must-have, the candidates that fail only it (default on).
    pub fn relaxation(mut self, enabled: bool) -> Self {
        self.relaxation = enabled;
        self
    }

    /// The shortlist for `need` (which must be valid; see [`JobNeed::validate`]). Its compiled
    /// plan is kept by the index for the next time it is asked.
    pub fn shortlist(&self, need: &JobNeed) -> Result<Shortlist, MatchError> {
        let compiled = compiled::plan_for(need, self.index)?;
        self.run_keyed(&compiled.plan, &compiled.term_keys)
    }

    /// The shortlist for a compiled plan.
    pub fn run(&self, plan: &Plan) -> Result<Shortlist, MatchError> {
        self.run_keyed(plan, &segment::term_keys(plan))
    }

    /// `keys`: the plan's [`segment::term_keys`].
    fn run_keyed(&self, plan: &Plan, keys: &[u64]) -> Result<Shortlist, MatchError> {
        // On one of rayon's threads throughout: a caller outside the pool would otherwise hand
        // each parallel step (a segment's pass, the explanations) over and wait for it.
        rayon::scope(|_| self.run_on_pool(plan, keys))
    }

    fn run_on_pool(&self, plan: &Plan, keys: &[u64]) -> Result<Shortlist, MatchError> {
        let searcher = self.index.searcher();
        let readers = searcher.segment_readers();
        let evaluate =
            |ordinal: usize| SegmentEvaluation::new(plan, keys, self.index, &readers[ordinal], ordinal as u32);
        let wanted = Wanted { top: plan.top, near_misses: self.near_misses, relaxation: self.relaxation };
        // The first segment's near-miss floor is worked out while the other segments are read.
        let (first, rest) = rayon::join(
            || {
                let first = readers.first().map(|_| evaluate(0)).transpose()?;
                Ok::<_, MatchError>(first.map(|first| (scan::first_floor(&first, wanted), first)))
            },
            || (1..readers.len()).map(evaluate).collect::<Result<Vec<_>, _>>(),
        );
        let (first, rest) = (first?, rest?);
        let floors = first.as_ref().map(|(floor, _)| Floor::Known(*floor));
        let floors = floors.into_iter().chain(std::iter::repeat_with(|| Floor::Beside));
        let evaluations: Vec<SegmentEvaluation> = first.map(|(_, first)| first).into_iter().chain(rest).collect();

        let bounds = Bounds::default();
        let mut found: Vec<Found> = evaluations
            .iter()
            .zip(floors)
            .map(|(evaluation, floor)| scan(evaluation, wanted, &bounds, floor))
            .collect();
        // Near misses were sought from a guessed floor, in every segment after the one that
        // guessed it too; should fewer than k beat it, they are sought again without it.
        let mut near_misses = top(hits(&evaluations, &found, true), self.near_misses);
        let floor = found.iter().find_map(|segment| segment.floor);
        let short = near_misses.len() < self.near_misses;
        if floor.is_some_and(|floor| short || near_misses.last().is_some_and(|(_, kth)| kth.score < floor)) {
            let bounds = Bounds::default();
            for (evaluation, segment) in evaluations.iter().zip(&mut found) {
                segment.near_misses = scan::near_misses_again(evaluation, wanted, &bounds);
            }
            near_misses = top(hits(&evaluations, &found, true), self.near_misses);
        }

        let best = top(hits(&evaluations, &found, false), plan.top);
        let candidates = best
            .par_iter()
            .enumerate()
            .map(|(rank, &(segment, hit))| {
                let evaluation = &evaluations[segment as usize];
                let profile = self.index.profile_at(&searcher, DocAddress::new(segment, hit.doc))?;
                Ok(explain::entry(evaluation, self.index.taxonomy(), hit.doc, &profile, rank + 1, hit.score))
            })
            .collect::<Result<Vec<_>, MatchError>>()?;

        let musts = plan.musts();
        let relaxations = if self.relaxation {
            let mut only_failed = vec![0; musts.len()];
            for segment in &found {
                only_failed.iter_mut().zip(&segment.only_failed).for_each(|(total, count)| *total += count);
            }
            musts
                .iter()
                .zip(only_failed)
                .map(|(&m, count)| Relaxation { criterion: plan.criteria[m].label.clone(), extra_candidates: count })
                .collect()
        } else {
            Vec::new()
        };
        // Near misses are told from the columns alone: no stored profile is read for them.
        let near_misses = near_misses
            .into_iter()
            .map(|(segment, hit)| {
                let evaluation = &evaluations[segment as usize];
                let failed = (0..musts.len()).find(|&position| !evaluation.meets_must(position, hit.doc)).unwrap_or(0);
                NearMiss {
                    id: hit.id.to_string(),
                    score: hit.score,
                    municipality: evaluation.cache.columns.municipality(hit.doc).to_string(),
                    failed: plan.criteria[musts[failed]].label.clone(),
                }
            })
            .collect();

        Ok(Shortlist {
            need_id: plan.need_id.clone(),
            considered: evaluations.iter().map(|e| e.eligible.count).sum(),
            qualified: found.iter().map(|f| f.qualified).sum(),
            candidates,
            near_misses,
            relaxations,
            drafted: None,
        })
    }
}

/// Each segment's best (or near misses), with the segment's ordinal.
fn hits<'a>(evaluations: &[SegmentEvaluation], found: &[Found<'a>], near_misses: bool) -> Vec<(u32, Scored<'a>)> {
    let mut hits = Vec::new();
    for (evaluation, segment) in evaluations.iter().zip(found) {
        let scored = if near_misses { &segment.near_misses } else { &segment.best };
        hits.extend(scored.iter().map(|hit| (evaluation.ordinal, *hit)));
    }
    hits
}

/// The best `k` hits across segments, best first; equal scores in id order.
fn top<'a>(mut hits: Vec<(u32, Scored<'a>)>, k: usize) -> Vec<(u32, Scored<'a>)> {
    hits.sort_by(|a, b| a.1.rank_order(&b.1));
    hits.truncate(k);
    hits
}
