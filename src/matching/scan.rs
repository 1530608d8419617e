//! One pass over a segment, 64 documents at a time: who qualifies, who fails exactly one
//! must-have (and which), and the best of each by score.
//!
//! Who meets every must-have and who fails exactly one come as bitsets from the must-have
//! algebra ([`super::algebra`], kept per segment for the same must-haves). The pass scores them
//! in parallel chunks of 65,536 documents. Scoring is the expensive part, and it is pruned twice
//! against the k-th best score found so far (shared by the parallel chunks):
//!
//! 1. Per 64 documents: once the k-th best score is high, a candidate without the strongest
//!    evidence for a heavy criterion cannot reach it whatever else it has; word operations drop
//!    all such candidates, first for the whole chunk, then word by word as the score rises (the
//!    idea of MaxScore in text retrieval).
//! 2. Per candidate: an upper bound on its score from the evidence it has (as if years, distance
//!    and adaptations cost nothing). Only candidates whose bound reaches the k-th best score are
//!    scored exactly.

use std::ops::Range;

use rayon::prelude::*;

use super::algebra::MustAlgebra;
use super::evidence::{PARTIAL, PASS};
use super::plan::{TermTest, Test};
use super::segment::SegmentEvaluation;
use super::topk::{self, Scored, Threshold, TopK};
use crate::bitset::{BitIter, DocBits};

/// Words (of 64 documents) per parallel task: 65,536 documents.
pub(super) const CHUNK_WORDS: usize = 1024;

/// Room for rounding: bounds are summed in other orders than the exact score.
const BOUND_SLACK: f32 = 1e-4;

/// Which term criteria a candidate must have at their strongest levels to still reach a score.
#[derive(Default)]
struct Required {
    /// The shared bound these were worked out for.
    for_score: f32,
    /// Term criterion (position in `levels`) and how many of its strongest levels qualify.
    levels: Vec<(usize, usize)>,
}

impl Required {
    /// What reaching `score` requires of candidates whose numerator is at most `max_bound`: a
    /// criterion whose absence leaves it below the one needed must be met at a level that makes up
    /// the difference. `failed` is the must-have near misses fail, already counted in `max_bound`
    /// at its strongest failing level.
    fn for_score(e: &SegmentEvaluation, score: f32, scale: f32, max_bound: f32, failed: Option<usize>) -> Required {
        let mut required = Required { for_score: score, levels: Vec::new() };
        if score <= 0.0 || scale <= 0.0 {
            return required;
        }
        let needed = score / scale * (1.0 - BOUND_SLACK);
        for (criterion, levels) in e.levels.iter().enumerate() {
            if failed == Some(criterion) {
                continue;
            }
            let Some(strongest) = levels.first() else { continue };
            let without = max_bound - strongest.contribution;
            if without < needed {
                let least = needed - without;
                let count = levels.iter().take_while(|l| l.contribution >= least).count();
                // Candidates here meet every must-have but the failed one: a requirement that
                // meeting a must-have already fulfils (any passing level will do) needs no checking.
                let met_by_passing = levels.iter().take_while(|l| l.code >= PASS).count();
                if count > 0 && count == met_by_passing && e.musts.contains(&criterion) {
                    continue;
                }
                required.levels.push((criterion, count));
            }
        }
        // A requirement nobody can meet empties the word at once: check those first.
        required.levels.sort_by_key(|&(_, count)| count != 0);
        required
    }

    /// Keeps in `words` (the chunk's words from `start` on) only those who have every required
    /// criterion: the whole chunk at once, which vectorises.
    fn filter_chunk(&self, e: &SegmentEvaluation, words: &mut [u64], start: usize) {
        for &(criterion, count) in &self.levels {
            match count.checked_sub(1) {
                Some(weakest) => e.sets[e.levels[criterion][weakest].at_least].and_into(words, start),
                None => words.fill(0),
            }
        }
    }

    /// `docs` less those who lack a required criterion.
    fn filter(&self, e: &SegmentEvaluation, word: usize, mut docs: u64, cursors: &mut [usize]) -> u64 {
        for &(criterion, count) in &self.levels {
            if docs == 0 {
                break;
            }
            docs &= match count.checked_sub(1) {
                Some(weakest) => {
                    let set = e.levels[criterion][weakest].at_least;
                    e.sets[set].word_ascending(word as u32, &mut cursors[set])
                }
                None => 0,
            };
        }
        docs
    }
}

/// What a shortlist asks of the pass.
#[derive(Debug, Clone, Copy)]
pub struct Wanted {
    pub top: usize,
    pub near_misses: usize,
    pub relaxation: bool,
}

/// The pass's findings in one segment.
pub struct Found<'a> {
    pub qualified: usize,
    /// Per must-have (in plan order), how many candidates fail only it.
    pub only_failed: Vec<usize>,
    pub best: Vec<Scored<'a>>,
    pub near_misses: Vec<Scored<'a>>,
}

/// Shared lower bounds on the k-th best score, for the shortlist and for near misses.
#[derive(Debug, Default)]
pub struct Bounds {
    pub best: Threshold,
    pub near_misses: Threshold,
}

/// Runs the pass over `evaluation`'s segment.
pub fn scan<'a>(evaluation: &'a SegmentEvaluation, wanted: Wanted, bounds: &Bounds) -> Found<'a> {
    let algebra = MustAlgebra::of(&evaluation.eligible, &evaluation.must_sets);
    let near_misses_wanted = !evaluation.musts.is_empty() && (wanted.near_misses > 0 || wanted.relaxation);
    let misses = near_misses_wanted.then(|| algebra.misses(&evaluation.eligible));
    let pass = Pass { qualified: &algebra.qualified, exactly_one: misses.map(|m| m.exactly_one.as_slice()) };
    let words = pass.qualified.len();
    let chunks: Vec<Range<usize>> =
        (0..words).step_by(CHUNK_WORDS).map(|start| start..(start + CHUNK_WORDS).min(words)).collect();
    let found: Vec<Chunk> =
        chunks.into_par_iter().map(|chunk| scan_chunk(evaluation, &pass, chunk, wanted, bounds)).collect();
    Found {
        qualified: algebra.qualified_count,
        only_failed: misses.map_or_else(|| vec![0; evaluation.musts.len()], |m| m.only_failed.clone()),
        best: topk::best(found.iter().flat_map(|chunk| chunk.best.iter().copied()), wanted.top),
        near_misses: topk::best(found.iter().flat_map(|chunk| chunk.near_misses.iter().copied()), wanted.near_misses),
    }
}

/// Who the pass looks at, a bit per document: those who meet every must-have, and (when near
/// misses are wanted) those who fail exactly one.
struct Pass<'p> {
    qualified: &'p [u64],
    exactly_one: Option<&'p [u64]>,
}

/// The best of one chunk.
struct Chunk<'a> {
    best: Vec<Scored<'a>>,
    near_misses: Vec<Scored<'a>>,
}

fn scan_chunk<'a>(
    e: &'a SegmentEvaluation,
    pass: &Pass,
    words: Range<usize>,
    wanted: Wanted,
    bounds: &Bounds,
) -> Chunk<'a> {
    let must_words: Vec<Option<&[u64]>> = e.must_sets.iter().map(|set| set.as_deref().map(DocBits::words)).collect();
    let mut cursors: Vec<usize> = e.sets.iter().map(|set| set.cursor_at(words.start as u32)).collect();
    let mut best = TopK::new(wanted.top);
    let mut near = TopK::new(if pass.exactly_one.is_some() { wanted.near_misses } else { 0 });
    let scale = if e.total_weight > 0.0 { (1.0 + BOUND_SLACK) / e.total_weight } else { 0.0 };
    let columns = &e.cache.columns;
    let ids_ascending = columns.ids_ascending();
    // Criteria that add their full weight and come after every criterion with levels are added
    // per candidate at the end, in order, rather than to all 64 at each word.
    let leading = e.constant_bound.iter().rposition(Option::is_none).map_or(0, |last| last + 1);
    let trailing: Vec<f32> = e.constant_bound[leading..].iter().flatten().copied().collect();
    // A near miss has at most failing evidence for the must-have it fails (a mention in the
    // summary, say), so each failed must-have has its own requirements.
    let near_max_bound: Vec<f32> = e
        .musts
        .iter()
        .map(|&m| {
            let levels = &e.levels[m];
            let strongest = levels.first().map_or(0.0, |level| level.contribution);
            let mut failing = levels.iter().find(|level| level.code < PASS).map_or(0.0, |level| level.contribution);
            // Experience without enough years fails as partial evidence, whatever its level.
            if let Test::Terms(TermTest { min_years: Some(_), .. }) = e.plan.criteria[m].test {
                failing = failing.max(e.plan.criteria[m].weight * e.grade(PARTIAL));
            }
            e.max_bound - strongest + failing
        })
        .collect();
    let mut required_best = Required::default();
    let mut required_near: Vec<Required> = (0..must_words.len()).map(|_| Required::default()).collect();
    let start = words.start;
    let all = &pass.qualified[words.clone()];

    // Who can still make either list, as far as the k-th best scores known now tell, a whole
    // chunk at a time; the loop below narrows further as they rise.
    let mut candidates = all.to_vec();
    if best.wants_any() {
        required_best = Required::for_score(e, bounds.best.get(), scale, e.max_bound, None);
        required_best.filter_chunk(e, &mut candidates, start);
    } else {
        candidates.fill(0);
    }
    let mut near_candidates = vec![0u64; if near.wants_any() { all.len() } else { 0 }];
    if let Some(exactly_one) = pass.exactly_one.filter(|_| near.wants_any()) {
        let shared = bounds.near_misses.get();
        for (j, set) in must_words.iter().enumerate() {
            let Some(set) = set else { continue };
            required_near[j] = Required::for_score(e, shared, scale, near_max_bound[j], Some(e.musts[j]));
            let mut only: Vec<u64> =
                exactly_one[words.clone()].iter().zip(&set[words.clone()]).map(|(one, pass)| one & !pass).collect();
            required_near[j].filter_chunk(e, &mut only, start);
            near_candidates.iter_mut().zip(&only).for_each(|(near, only)| *near |= only);
        }
    }

    for w in words {
        let (all, near_word) = (candidates[w - start], near_candidates.get(w - start).copied().unwrap_or(0));
        if all == 0 && near_word == 0 {
            continue;
        }

        let mut target = 0;
        if best.wants_any() && all != 0 {
            let shared = bounds.best.get();
            if shared != required_best.for_score {
                required_best = Required::for_score(e, shared, scale, e.max_bound, None);
            }
            target |= required_best.filter(e, w, all, &mut cursors);
        }
        if near.wants_any() && near_word != 0 {
            let shared = bounds.near_misses.get();
            for (j, set) in must_words.iter().enumerate() {
                let only = set.map_or(0, |set| near_word & !set[w]);
                if only == 0 {
                    continue;
                }
                if shared != required_near[j].for_score {
                    required_near[j] = Required::for_score(e, shared, scale, near_max_bound[j], Some(e.musts[j]));
                }
                target |= required_near[j].filter(e, w, only, &mut cursors);
            }
        }
        if target == 0 {
            continue;
        }
        // Upper bounds of each candidate's numerator, summed in the order the exact score sums
        // its terms: float addition is monotone, so the bound is never below the exact sum.
        let mut bound = [0.0f32; 64];
        for (levels, constant) in e.levels[..leading].iter().zip(&e.constant_bound) {
            if let Some(weight) = constant {
                BitIter(target).for_each(|bit| bound[bit as usize] += weight);
                continue;
            }
            let mut rest = target;
            for level in levels {
                let set = level.at_least;
                let hit = e.sets[set].word_ascending(w as u32, &mut cursors[set]) & rest;
                for bit in BitIter(hit) {
                    bound[bit as usize] += level.contribution;
                }
                rest &= !hit;
                if rest == 0 {
                    break;
                }
            }
        }
        // The bounds as of this word (another thread may raise them meanwhile; using a value a
        // little old only means scoring a few more candidates).
        let mut needed = [required_best.for_score, bounds.near_misses.get()];
        for bit in BitIter(target) {
            let which = usize::from(all & (1 << bit) == 0);
            let (top, shared) = if which == 0 { (&mut best, &bounds.best) } else { (&mut near, &bounds.near_misses) };
            let numerator = trailing.iter().fold(bound[bit as usize], |sum, weight| sum + weight);
            let most = if e.total_weight > 0.0 { numerator / e.total_weight } else { 0.0 };
            if most < needed[which] {
                continue;
            }
            // A candidate that can at most tie this chunk's k-th best makes the list only with a
            // lower id; in id order, it comes after (has a higher id than) all of those kept.
            let doc = w as u32 * 64 + bit;
            if let Some(kth) = top.kth() {
                let can_only_tie =
                    most == kth.score && (ids_ascending || columns.id_rank(doc) > columns.id_rank(kth.doc));
                if most < kth.score || can_only_tie {
                    continue;
                }
            }
            top.offer(Scored { score: e.score(doc), id: columns.id(doc), doc });
            if let Some(kth) = top.kth_score().filter(|&kth| kth > needed[which]) {
                needed[which] = kth;
                shared.raise(kth);
            }
        }
    }
    Chunk { best: best.into_sorted(), near_misses: near.into_sorted() }
}
