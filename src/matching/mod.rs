//! Matching: a job need → a ranked, explained shortlist with near misses and relaxation counts.
//!
//! [`Matcher::shortlist`] reads as the four steps it takes:
//!
//! 1. **evaluate** — the need is compiled into a [`plan`] (kept for needs asked again:
//!    [`compiled`]); each index segment is read against it ([`retrieve`]: postings and columns →
//!    document sets) and turned into levels of graded [`evidence`] and must-have sets
//!    ([`evaluation`]);
//! 2. **pass** — per segment, the must-have [`algebra`] says who qualifies and who fails only each
//!    must-have; the [`pass`] scores them 64 documents at a time, in parallel chunks, exactly only
//!    where an upper bound can still make a list (a segment so small that the lists hold every
//!    document is scored whole instead: [`few`]);
//! 3. **merge** — the segments' best become one list, equal scores ordered by nearness and
//!    breadth of evidence before the id ([`ties`]), and the near misses are checked against the
//!    floor they were sought from ([`merge`]);
//! 4. **explain** — each shortlisted candidate says why, per criterion; near misses name the
//!    must-have they fail and by how much ([`shortfall`]: narrow gaps listed first, those far
//!    beyond any reasonable gap not at all), relaxations how many more would qualify without each
//!    ([`explain`]).

mod algebra;
pub mod baseline;
mod compiled;
pub mod constraints;
mod evaluation;
pub mod evidence;
mod explain;
mod few;
mod merge;
pub mod pass;
pub mod plan;
pub mod position;
#[cfg(test)]
pub(crate) mod reference;
pub mod relax;
mod retrieve;
pub mod reverse;
mod shortfall;
#[cfg(test)]
mod tests;
mod ties;

use rayon::prelude::*;

pub use compiled::{IndexRarity, compile_for};
pub use evaluation::ADAPTATION_FACTOR;
pub use pass::Tuning;
pub use plan::{ColumnTest, CompileError, DemandTest, Plan, Planned, Rarity, Test};

use crate::index::{CandidateIndex, IndexError};
use crate::model::{JobNeed, Shortlist};
use compiled::Compiled;
use evaluation::SegmentEvaluation;
use pass::{FloorSource, PassRequest};

/// Near misses reported by default.
pub const DEFAULT_NEAR_MISSES: usize = 10;

/// Why a shortlist could not be made.
#[derive(Debug, thiserror::Error)]
pub enum MatchError {
    /// A criterion the vocabulary cannot use (the caller's mistake: a 4xx).
    #[error("criteria[{index}] ({label}): {reason}")]
    Criterion {
        index: usize,
        label: String,
        #[source]
        reason: CompileError,
    },
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
    tuning: Tuning,
}

impl<'a> Matcher<'a> {
    /// A matcher over `index`, reporting 10 near misses and relaxation counts.
    pub fn new(index: &'a CandidateIndex) -> Self {
        Matcher { index, near_misses: DEFAULT_NEAR_MISSES, relaxation: true, tuning: Tuning::default() }
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

    /// The sizes the pass works in (default [`Tuning::PRODUCTION`]); they change the speed, never
    /// the shortlist.
    pub fn tuning(mut self, tuning: Tuning) -> Self {
        self.tuning = tuning;
        self
    }

    /// The shortlist for `need` (which must be valid; see [`JobNeed::validate`]). Its compiled
    /// plan is kept by the index for the next time it is asked.
    pub fn shortlist(&self, need: &JobNeed) -> Result<Shortlist, MatchError> {
        let compiled = compiled::plan_for(need, self.index)?;
        self.run_compiled(&compiled)
    }

    /// The shortlist for a compiled plan.
    pub fn run(&self, plan: &Plan) -> Result<Shortlist, MatchError> {
        self.run_compiled(&Compiled::new(plan.clone()))
    }

    fn run_compiled(&self, compiled: &Compiled) -> Result<Shortlist, MatchError> {
        // On one of rayon's threads throughout: a caller outside the pool would otherwise hand
        // each parallel step (a segment's pass, the explanations) over and wait for it.
        rayon::scope(|_| self.run_on_pool(compiled))
    }

    fn run_on_pool(&self, compiled: &Compiled) -> Result<Shortlist, MatchError> {
        let searcher = self.index.searcher();
        let request = PassRequest {
            top: ties::window(compiled.plan.top),
            near_misses: self.near_misses,
            relaxation: self.relaxation,
        };
        let (evaluations, floors) = self.evaluate(&searcher, compiled, request)?;
        let musts = compiled.plan.musts().len();
        let merged = if few::all_wanted(&evaluations, request) {
            few::merged(&evaluations, request, musts)
        } else {
            passed_and_merged(&evaluations, floors, request, &self.tuning, musts)
        };
        let (best, top_tied) = ties::settle(&evaluations, &merged.best, compiled.plan.top);

        let candidates = best
            .par_iter()
            .enumerate()
            .map(|(rank, &(segment, hit))| {
                let evaluation = &evaluations[segment as usize];
                let address = tantivy::DocAddress::new(segment, hit.doc);
                let profile = self.index.profile_at(&searcher, address)?;
                Ok(explain::entry(evaluation, self.index.taxonomy(), hit.doc, &profile, rank + 1, hit.score))
            })
            .collect::<Result<Vec<_>, MatchError>>()?;
        let near_misses = merged
            .near_misses
            .par_iter()
            .map(|&(segment, hit, gap)| {
                let evaluation = &evaluations[segment as usize];
                let profile = || self.index.profile_at(&searcher, tantivy::DocAddress::new(segment, hit.doc));
                Ok(explain::near_miss(evaluation, self.index.taxonomy(), hit, gap, profile)?)
            })
            .collect::<Result<Vec<_>, MatchError>>()?;
        let relaxations =
            if self.relaxation { explain::relaxations(&compiled.plan, &merged.only_failed) } else { Vec::new() };
        Ok(Shortlist {
            need_id: compiled.plan.need_id.clone(),
            considered: evaluations.iter().map(|e| e.eligible().count).sum(),
            qualified: merged.qualified,
            candidates,
            near_misses,
            relaxations,
            drafted: None,
            semantic: self.index.semantic().is_some(),
            warnings: compiled.plan.unchecked(),
            unchecked: Vec::new(),
            top_tied,
        })
    }

    /// Every segment of `searcher` evaluated against the plan, each with where its near-miss floor
    /// comes from: the first segment's floor is worked out while the other segments are read.
    fn evaluate<'p>(
        &self,
        searcher: &tantivy::Searcher,
        compiled: &'p Compiled,
        request: PassRequest,
    ) -> Result<(Vec<SegmentEvaluation<'p>>, Vec<FloorSource>), MatchError> {
        let readers = searcher.segment_readers();
        let evaluate = |ordinal: usize| {
            SegmentEvaluation::new(&compiled.plan, &compiled.term_keys, self.index, &readers[ordinal], ordinal as u32)
        };
        let (first, rest) = rayon::join(
            || {
                let first = readers.first().map(|_| evaluate(0)).transpose()?;
                Ok::<_, MatchError>(first.map(|first| (pass::first_floor(&first, request, &self.tuning), first)))
            },
            || (1..readers.len()).map(evaluate).collect::<Result<Vec<_>, _>>(),
        );
        let (first, rest) = (first?, rest?);
        let mut floors = Vec::with_capacity(readers.len());
        let mut evaluations = Vec::with_capacity(readers.len());
        if let Some((floor, first)) = first {
            floors.push(FloorSource::Known(floor));
            evaluations.push(first);
        }
        floors.extend(rest.iter().map(|_| FloorSource::Beside));
        evaluations.extend(rest);
        Ok((evaluations, floors))
    }
}

/// Each segment's pass, merged into one shortlist's hits.
fn passed_and_merged<'a>(
    evaluations: &'a [SegmentEvaluation],
    floors: Vec<FloorSource>,
    request: PassRequest,
    tuning: &Tuning,
    musts: usize,
) -> merge::Merged<'a> {
    let bars = pass::SharedBars::default();
    let results: Vec<_> = evaluations
        .iter()
        .zip(floors)
        .map(|(evaluation, floor)| pass::pass(evaluation, request, tuning, &bars, floor))
        .collect();
    merge::merge(evaluations, results, request, tuning, musts)
}
