//! Matching: a job need → a ranked, explained shortlist with near misses and relaxation counts.
//!
//! 1. [`plan`] compiles the need against the vocabulary (synonyms, narrower terms, licence
//!    classes, levels, waivers from the employer's room to adapt).
//! 2. [`segment`] evaluates the plan on each index segment: must-haves retrieve candidates through
//!    a tantivy query built from terms; every criterion gets graded [`evidence`] per candidate.
//! 3. Survivors are scored in parallel with rayon; the best `top` are kept, ties broken by id.
//! 4. [`explain`] says why each shortlisted candidate is there; near misses and relaxation counts
//!    come from the same per-criterion outcomes.

pub mod baseline;
pub mod constraints;
pub mod evidence;
mod explain;
pub mod plan;
mod segment;

use rayon::prelude::*;
use tantivy::{DocAddress, DocId};

pub use plan::{Plan, Planned, Test};
pub use segment::ADAPTATION_FACTOR;

use crate::index::{CandidateIndex, IndexError};
use crate::model::{JobNeed, NearMiss, Relaxation, Shortlist};
use segment::SegmentEvaluation;

/// Candidates per parallel task: smaller jobs are not worth waking another thread for.
const PARALLEL_CHUNK: usize = 8192;

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

/// A scored candidate: where it is, and its score.
#[derive(Debug, Clone, Copy)]
struct Hit {
    score: f32,
    segment: u32,
    doc: DocId,
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

    /// The shortlist for `need` (which must be valid; see [`JobNeed::validate`]).
    pub fn shortlist(&self, need: &JobNeed) -> Result<Shortlist, MatchError> {
        let plan = Plan::compile(need, self.index.taxonomy())?;
        self.run(&plan)
    }

    /// The shortlist for a compiled plan.
    pub fn run(&self, plan: &Plan) -> Result<Shortlist, MatchError> {
        let searcher = self.index.searcher();
        let evaluations: Vec<SegmentEvaluation> = searcher
            .segment_readers()
            .iter()
            .enumerate()
            .map(|(ordinal, reader)| SegmentEvaluation::new(plan, self.index, reader, ordinal as u32))
            .collect::<Result<_, _>>()?;

        let considered = evaluations.iter().map(|e| e.columns.eligible.count()).sum();
        let mut hits = Vec::new();
        for evaluation in &evaluations {
            let qualified = evaluation.qualified(self.index, &searcher)?;
            hits.par_extend(qualified.into_par_iter().with_min_len(PARALLEL_CHUNK).map(|doc| Hit {
                score: evaluation.score(doc),
                segment: evaluation.ordinal,
                doc,
            }));
        }
        let qualified = hits.len();
        let best = top(hits, plan.top, &evaluations);

        let mut candidates = Vec::with_capacity(best.len());
        for (rank, hit) in best.iter().enumerate() {
            let evaluation = &evaluations[hit.segment as usize];
            let profile = self.index.profile_at(&searcher, DocAddress::new(hit.segment, hit.doc))?;
            candidates.push(explain::entry(evaluation, self.index.taxonomy(), hit.doc, &profile, rank + 1, hit.score));
        }

        let (near_misses, relaxations) = if self.near_misses > 0 || self.relaxation {
            self.find_near_misses(plan, &evaluations, &searcher)?
        } else {
            (Vec::new(), Vec::new())
        };
        Ok(Shortlist {
            need_id: plan.need_id.clone(),
            considered,
            qualified,
            candidates,
            near_misses,
            relaxations,
            drafted: None,
        })
    }

    /// Candidates who fail exactly one must-have (the best few, with the one they fail), and per
    /// must-have how many candidates fail only it: those are the ones that relaxing it would add.
    fn find_near_misses(
        &self,
        plan: &Plan,
        evaluations: &[SegmentEvaluation],
        searcher: &tantivy::Searcher,
    ) -> Result<(Vec<NearMiss>, Vec<Relaxation>), MatchError> {
        let musts = plan.musts();
        let mut only_failed = vec![0usize; musts.len()];
        let mut misses: Vec<(Hit, usize)> = Vec::new();
        for evaluation in evaluations {
            let eligible: Vec<DocId> = evaluation.columns.eligible.iter().collect();
            let found: Vec<(DocId, usize)> = eligible
                .par_iter()
                .with_min_len(PARALLEL_CHUNK)
                .filter_map(|&doc| {
                    let mut failed = musts.iter().enumerate().filter(|(_, m)| !evaluation.meets(**m, doc));
                    match (failed.next(), failed.next()) {
                        (Some((position, _)), None) => Some((doc, position)),
                        _ => None,
                    }
                })
                .collect();
            for (doc, position) in found {
                only_failed[position] += 1;
                let hit = Hit { score: evaluation.score(doc), segment: evaluation.ordinal, doc };
                misses.push((hit, position));
            }
        }
        let relaxations = if self.relaxation {
            musts
                .iter()
                .zip(&only_failed)
                .map(|(&m, &count)| Relaxation { criterion: plan.criteria[m].label.clone(), extra_candidates: count })
                .collect()
        } else {
            Vec::new()
        };
        let failed_of: std::collections::HashMap<(u32, DocId), usize> =
            misses.iter().map(|(hit, position)| ((hit.segment, hit.doc), *position)).collect();
        let best = top(misses.into_iter().map(|(hit, _)| hit).collect(), self.near_misses, evaluations);
        let mut near_misses = Vec::with_capacity(best.len());
        for hit in best {
            let profile = self.index.profile_at(searcher, DocAddress::new(hit.segment, hit.doc))?;
            let position = failed_of[&(hit.segment, hit.doc)];
            near_misses.push(NearMiss {
                id: profile.id,
                score: hit.score,
                municipality: profile.municipality,
                failed: plan.criteria[musts[position]].label.clone(),
            });
        }
        Ok((near_misses, relaxations))
    }
}

/// The best `k` hits, best first; equal scores in id order, so the same input always gives the
/// same order.
fn top(mut hits: Vec<Hit>, k: usize, evaluations: &[SegmentEvaluation]) -> Vec<Hit> {
    let id = |hit: &Hit| evaluations[hit.segment as usize].columns.id(hit.doc);
    let order = |a: &Hit, b: &Hit| b.score.total_cmp(&a.score).then_with(|| id(a).cmp(id(b)));
    if hits.len() > k && k > 0 {
        hits.select_nth_unstable_by(k - 1, order);
        hits.truncate(k);
    }
    hits.truncate(k);
    hits.sort_by(order);
    hits
}
