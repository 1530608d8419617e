//! One pass over a segment, 64 documents at a time: who qualifies, who fails exactly one
//! must-have (and which), and the best of each by score.
//!
//! Who meets every must-have and who fails exactly one come as bitsets from the must-have
//! algebra ([`super::algebra`], kept per segment for the same must-haves). The pass scores them
//! in parallel chunks, taken in document order, small ones first. Scoring is the expensive part,
//! and it is pruned against a bar: the k-th best (score, id) found so far, shared by the chunks,
//! so a chunk starts from what all before it found.
//!
//! 1. Per chunk and per 64 documents: once the bar is high, a candidate without the strongest
//!    evidence for a heavy criterion cannot reach it whatever else it has; word operations drop
//!    all such candidates, first for the whole chunk, then word by word as the bar rises (the
//!    idea of MaxScore in text retrieval). Near misses of a must-have whose near misses cannot
//!    reach the bar are dropped whole, and once a bar is as high as any bound can be, a chunk
//!    after its k-th best (in id order) has nobody who can make that list, not even by a tie.
//! 2. Per candidate: first a screen of the criteria on which it may fall short the most (a
//!    missing light wish with a weaker heavy one can already leave it below the bar), then an
//!    upper bound on its score from all the evidence it has (as if years, distance and
//!    adaptations cost nothing). Only candidates whose bound beats the bar are scored exactly.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use rayon::prelude::*;

use super::algebra::{Misses, MustAlgebra};
use super::evidence::{PARTIAL, PASS};
use super::plan::{TermTest, Test};
use super::segment::{Level, SegmentEvaluation};
use super::topk::{Bar, Scored, Threshold, TopK};
use crate::bitset::{BitIter, DocSet, nonzero_words};

/// Words (of 64 documents) per parallel task: 65,536 documents. Tests cut the small fixture
/// index into many chunks, so that what passes from chunk to chunk (the bars, ties) is checked.
pub(super) const CHUNK_WORDS: usize = if cfg!(test) { 4 } else { 1024 };

/// Words in the first chunk: 4,096 documents.
const FIRST_CHUNK_WORDS: usize = if cfg!(test) { 1 } else { 64 };

/// The near-miss floor: how many candidates for k near misses the whole segment should hold
/// above it, and the most words and near misses of the sample it is estimated from. A sample
/// takes at most a quarter of a segment's words, and a segment too small for the least sample
/// gets no floor. Tests aim low, so that floors are often too high and the second look is
/// checked too.
const FLOOR_MARGIN: usize = if cfg!(test) { 1 } else { 5 };
const FLOOR_SAMPLE_WORDS: usize = if cfg!(test) { 2 } else { 512 };
const FLOOR_SAMPLE_MIN_WORDS: usize = if cfg!(test) { 2 } else { 256 };
const FLOOR_SAMPLE_NEAR_MISSES: usize = if cfg!(test) { 32 } else { 2048 };

/// Room for rounding: bounds are summed in other orders than the exact score.
const BOUND_SLACK: f32 = 1e-4;

/// Which term criteria a candidate must have at their strongest levels to still reach a score.
#[derive(Default)]
struct Required {
    /// The shared bound these were worked out for.
    for_score: f32,
    /// Term criterion (position in `levels`) and how many of its strongest levels qualify.
    levels: Vec<(usize, usize)>,
    /// How far below `max_bound` a numerator may fall and still reach the score (with room for
    /// rounding).
    room: f32,
    /// The criteria a candidate with every required level may still fall short on, the largest
    /// possible shortfall first: their shortfalls add up.
    shortfalls: Vec<Shortfall>,
}

/// What a candidate may fall short on one criterion, as [`Required::screen`] reads it.
#[derive(Debug, Clone, Copy)]
struct Shortfall {
    criterion: usize,
    /// How many of the strongest levels to look at: one in none of them is at the next level, or
    /// has no evidence when there is none.
    looks: usize,
    /// The shortfall of one in none of the levels looked at: the largest.
    most: f32,
    /// The largest total shortfall on this criterion and those after it.
    most_from_here: f32,
}

impl Required {
    /// What reaching `score` requires of candidates whose numerator is at most `max_bound`: a
    /// criterion whose absence leaves it below the one needed must be met at a level that makes up
    /// the difference. `failed` is the must-have near misses fail, already counted in `max_bound`
    /// at its strongest failing level.
    fn for_score(e: &SegmentEvaluation, score: f32, scale: f32, max_bound: f32, failed: Option<usize>) -> Required {
        let mut required =
            Required { for_score: score, levels: Vec::new(), room: f32::INFINITY, shortfalls: Vec::new() };
        if score <= 0.0 || scale <= 0.0 {
            return required;
        }
        let needed = score / scale * (1.0 - BOUND_SLACK);
        required.room = max_bound - needed + max_bound * BOUND_SLACK;
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
                let met_by_passing = passing(levels);
                if count > 0 && count == met_by_passing && e.must_position(criterion).is_some() {
                    continue;
                }
                required.levels.push((criterion, count));
            }
        }
        // A requirement nobody can meet empties the word at once: check those first.
        required.levels.sort_by_key(|&(_, count)| count != 0);
        required.shortfalls = Self::shortfalls(e, &required.levels, failed);
        required
    }

    /// The shortfalls candidates with every level in `required` may have, largest first. One who
    /// meets a must-have (all but the `failed` one) is in one of its passing levels.
    fn shortfalls(e: &SegmentEvaluation, required: &[(usize, usize)], failed: Option<usize>) -> Vec<Shortfall> {
        let mut shortfalls: Vec<Shortfall> = Vec::new();
        for (criterion, levels) in e.levels.iter().enumerate() {
            let Some(strongest) = levels.first().filter(|_| failed != Some(criterion)) else { continue };
            let at_least_required = required.iter().find(|&&(c, _)| c == criterion).map(|&(_, count)| count);
            let met_by_passing = e.must_position(criterion).map(|_| passing(levels));
            let known = [at_least_required, met_by_passing].into_iter().flatten().min();
            let looks = known.map_or(levels.len(), |count| count.saturating_sub(1));
            let weakest = known.and_then(|count| levels.get(count.checked_sub(1)?));
            let most = strongest.contribution - weakest.map_or(0.0, |level| level.contribution);
            if most > 0.0 {
                shortfalls.push(Shortfall { criterion, looks, most, most_from_here: 0.0 });
            }
        }
        shortfalls.sort_by(|a, b| b.most.total_cmp(&a.most));
        let mut total = 0.0;
        for shortfall in shortfalls.iter_mut().rev() {
            total += shortfall.most;
            shortfall.most_from_here = total;
        }
        shortfalls
    }

    /// `docs` (in word `w`, every one with the required levels) less those whose shortfalls
    /// together leave them below the score: a few looks that spare most of them the full bound.
    fn screen(&self, e: &SegmentEvaluation, w: usize, mut docs: u64, cursors: &mut [usize]) -> u64 {
        // Most often no shortfalls can use up the room: nothing to look at.
        if docs == 0 || self.shortfalls.first().is_none_or(|largest| largest.most_from_here <= self.room) {
            return docs;
        }
        let mut left = [0.0f32; 64];
        BitIter(docs).for_each(|bit| left[bit as usize] = self.room);
        let mut least_left = self.room;
        for shortfall in &self.shortfalls {
            if docs == 0 || shortfall.most_from_here <= least_left {
                break;
            }
            let levels = &e.levels[shortfall.criterion];
            let strongest = levels[0].contribution;
            let looked = &levels[..shortfall.looks];
            let rest = walk_levels(e, looked, w, docs, cursors, |bit, adds| left[bit as usize] -= strongest - adds);
            BitIter(rest).for_each(|bit| left[bit as usize] -= shortfall.most);
            least_left = f32::INFINITY;
            for bit in BitIter(docs) {
                if left[bit as usize] < 0.0 {
                    docs &= !(1 << bit);
                } else {
                    least_left = least_left.min(left[bit as usize]);
                }
            }
        }
        docs
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

    /// Adds to `found` those in `words` of `only` (who fail only must-have `must`, the one these
    /// requirements are for) who have every required criterion: word operations over the whole
    /// chunk (in `scratch`), or a look-up per word when few fail only it.
    fn near_chunk(
        &self,
        e: &SegmentEvaluation,
        must: usize,
        only: &DocSet,
        words: Range<usize>,
        scratch: &mut Vec<u64>,
        found: &mut Vec<NearWord>,
    ) {
        let sets: Option<Vec<&DocSet>> = self
            .levels
            .iter()
            .map(|&(criterion, count)| Some(&e.sets[e.levels[criterion][count.checked_sub(1)?].at_least]))
            .collect();
        // None: a requirement nobody can meet.
        let Some(sets) = sets else { return };
        match only {
            DocSet::Dense(bits) => {
                // As few passes over the chunk as there are sets: the first ANDed while copied,
                // the last while the non-empty words are found.
                let only = &bits.words()[words.clone()];
                let push = |word, docs| found.push(NearWord { word, must, docs });
                match sets.as_slice() {
                    [] => nonzero_words(only, words.start, push),
                    [set] => set.and_nonzero_words(only, words.start, push),
                    [first, between @ .., last] => {
                        first.and_from(only, words.start, scratch);
                        between.iter().for_each(|set| set.and_into(scratch, words.start));
                        last.and_nonzero_words(scratch, words.start, push);
                    }
                }
            }
            DocSet::Sparse(sparse) => {
                let mut cursors: Vec<(&DocSet, usize)> =
                    sets.into_iter().map(|set| (set, set.cursor_at(words.start as u32))).collect();
                for &(index, mut docs) in sparse.entries_between(words.start as u32, words.end as u32) {
                    for (set, cursor) in &mut cursors {
                        docs &= set.word_ascending(index, cursor);
                        if docs == 0 {
                            break;
                        }
                    }
                    if docs != 0 {
                        found.push(NearWord { word: index as usize, must, docs });
                    }
                }
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

/// Whether nobody in the chunk from word `start` on can beat `bar` in a list whose candidates'
/// bounds reach at most `ceiling`: ids ascend with documents in segments built in bulk, and once a
/// bar is at the ceiling, none after its k-th best can make the list, not even by a tie.
fn tied_out(e: &SegmentEvaluation, start: usize, bar: Bar, ceiling: f32) -> bool {
    let columns = &e.cache.columns;
    columns.ids_ascending() && columns.id_rank(start as u32 * 64) > bar.rank && bar.score >= ceiling
}

/// What candidates need to beat the bars, as one worker last worked it out: once the first
/// chunks are done the bars seldom rise, and later chunks reuse it.
struct Needs {
    best: Required,
    /// Per must-have (in plan order), what the near misses who fail it need.
    near: Vec<Required>,
    /// Room for a chunk's words, kept between chunks.
    scratch: Vec<u64>,
}

impl Needs {
    fn new(musts: usize) -> Needs {
        Needs {
            best: Required::default(),
            near: (0..musts).map(|_| Required::default()).collect(),
            scratch: Vec::with_capacity(CHUNK_WORDS),
        }
    }

    /// What those who qualify need to reach `score`.
    fn best(&mut self, e: &SegmentEvaluation, limits: &Limits, score: f32) -> &Required {
        if self.best.for_score != score {
            self.best = limits.required(e, score, None);
        }
        &self.best
    }

    /// What near misses of the must-have at position `j` need to reach `score`.
    fn near(&mut self, e: &SegmentEvaluation, limits: &Limits, j: usize, score: f32) -> &Required {
        if self.near[j].for_score != score {
            self.near[j] = limits.required(e, score, Some(j));
        }
        &self.near[j]
    }

    /// Those in `words` who fail exactly one must-have and may still beat `bar` as near misses,
    /// as far as a whole chunk at a time can tell, by word.
    fn near_candidates(
        &mut self,
        e: &SegmentEvaluation,
        limits: &Limits,
        pass: &Pass,
        words: Range<usize>,
        bar: Bar,
    ) -> Vec<NearWord> {
        let mut found = Vec::new();
        for (j, only) in pass.only.iter().enumerate() {
            // Nobody fails only a must-have without a set (everyone meets it).
            let Some(only) = only else { continue };
            // None of its near misses can reach the bar, or none after it can beat the bar by a tie.
            if limits.near_ceiling[j] < bar.score || tied_out(e, words.start, bar, limits.near_ceiling[j]) {
                continue;
            }
            // Brought up to the bar first, then read beside the worker's scratch buffer.
            self.near(e, limits, j, bar.score);
            self.near[j].near_chunk(e, j, only, words.clone(), &mut self.scratch, &mut found);
        }
        // Each fails exactly one must-have: a word's entries hold different documents.
        found.sort_unstable_by_key(|near| near.word);
        found
    }
}

/// Near misses in one word who may still beat the bar, all of whom fail must-have `must`
/// (position in plan order).
struct NearWord {
    word: usize,
    must: usize,
    docs: u64,
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
    /// The floor near misses were sought from here, if this segment guessed one: the shortlist's
    /// near misses stand only if its k-th best beats it (see [`near_misses_again`]).
    pub floor: Option<f32>,
}

/// Shared lower bounds on the k-th best score, for the shortlist and for near misses.
#[derive(Debug, Default)]
pub struct Bounds {
    pub best: Threshold,
    pub near_misses: Threshold,
}

/// Where the near-miss floor of a segment comes from (see `near_floor`).
pub enum Floor {
    /// Worked out beside the pass, when the segment is the first with near misses.
    Beside,
    /// Worked out before, by [`first_floor`], for the shortlist's first segment.
    Known(Option<f32>),
}

/// The near-miss floor of a shortlist's first segment, before its pass: work that can be done
/// while the other segments are read.
pub fn first_floor(evaluation: &SegmentEvaluation, wanted: Wanted) -> Option<f32> {
    if evaluation.musts.is_empty() || wanted.near_misses == 0 {
        return None;
    }
    let algebra = MustAlgebra::of(&evaluation.eligible, &evaluation.must_sets);
    let pass = Pass::of(&algebra.qualified, Some(algebra.misses(&evaluation.eligible)));
    near_floor(evaluation, &pass, &Limits::of(evaluation), wanted, Bar { score: 0.0, rank: 0 })
}

/// Runs the pass over `evaluation`'s segment.
pub fn scan<'a>(evaluation: &'a SegmentEvaluation, wanted: Wanted, bounds: &Bounds, floor: Floor) -> Found<'a> {
    bounds.best.next_segment();
    bounds.near_misses.next_segment();
    let algebra = MustAlgebra::of(&evaluation.eligible, &evaluation.must_sets);
    let near_misses_wanted = !evaluation.musts.is_empty() && (wanted.near_misses > 0 || wanted.relaxation);
    let misses = near_misses_wanted.then(|| algebra.misses(&evaluation.eligible));
    let limits = Limits::of(evaluation);
    let pass = Pass::of(&algebra.qualified, misses);
    // Near misses start from an estimated floor (see `near_floor`), which later segments start
    // from too; it is checked once all segments are done.
    let carried = bounds.near_misses.get();
    let raise = |floor: Option<f32>| {
        if let Some(floor) = floor {
            bounds.near_misses.raise(Bar { score: floor, rank: u32::MAX });
        }
        floor
    };
    let (floor, kept) = match floor {
        Floor::Known(floor) if carried.score == 0.0 => (raise(floor), run(evaluation, &pass, &limits, wanted, bounds)),
        // Worked out beside the pass's first chunks, which start from the bar they find.
        _ => rayon::join(
            || raise(near_floor(evaluation, &pass, &limits, wanted, carried)),
            || run(evaluation, &pass, &limits, wanted, bounds),
        ),
    };
    let (best, near_misses) = kept.into_sorted();
    Found {
        qualified: algebra.qualified_count,
        only_failed: misses.map_or_else(|| vec![0; evaluation.musts.len()], |m| m.only_failed.clone()),
        best,
        near_misses,
        floor,
    }
}

/// The near misses of `evaluation`'s segment sought again without a floor, for when the floor
/// proved too high: pruning under it is sound only if the shortlist's k-th best near miss beats
/// it (every bar was then at most that k-th best). Called for every segment in order, with new
/// `bounds`.
pub fn near_misses_again<'a>(evaluation: &'a SegmentEvaluation, wanted: Wanted, bounds: &Bounds) -> Vec<Scored<'a>> {
    bounds.near_misses.next_segment();
    let algebra = MustAlgebra::of(&evaluation.eligible, &evaluation.must_sets);
    let pass = Pass::of(&algebra.qualified, Some(algebra.misses(&evaluation.eligible)));
    run(evaluation, &pass, &Limits::of(evaluation), Wanted { top: 0, ..wanted }, bounds).into_sorted().1
}

/// What the bounds of one segment's candidates can come to, worked out once per pass.
struct Limits {
    /// Criteria with levels or without a constant bound come first (`..leading`); those after add
    /// their full weight (`trailing`) and are added per candidate at the end, in order, rather
    /// than to all 64 at each word.
    leading: usize,
    trailing: Vec<f32>,
    /// Per must-have (in plan order), the most a near miss that fails it can add to the numerator:
    /// it has at most failing evidence for it (a mention in the summary, say).
    near_max_bound: Vec<f32>,
    /// The highest bound the word loop can give a candidate, and a near miss of each must-have,
    /// summed in its own order (so a bar at it can only be tied).
    ceiling: f32,
    near_ceiling: Vec<f32>,
    /// Turns a score into the numerator bounds are compared with, with room for rounding.
    scale: f32,
    /// Per leading criterion, where it is a must-have, which of its levels pass: a candidate
    /// known to meet it or to fail it needs fewer looks.
    must_levels: Vec<Option<MustLevels>>,
}

/// A must-have's levels of evidence as bounds read them.
#[derive(Clone, Copy)]
struct MustLevels {
    /// Position in plan order.
    must: usize,
    /// How many of the strongest levels pass: one who meets the must-have is in one of them, so
    /// in the weakest of them if in no stronger one, without a look.
    passing: usize,
    /// Whether one who fails it may be in a passing level all the same (experience with too few
    /// years); else failing levels are all such a candidate's levels to look at.
    years: bool,
}

impl Limits {
    fn of(e: &SegmentEvaluation) -> Limits {
        let leading = e.constant_bound.iter().rposition(Option::is_none).map_or(0, |last| last + 1);
        let trailing: Vec<f32> = e.constant_bound[leading..].iter().flatten().copied().collect();
        let years = |m: usize| matches!(e.plan.criteria[m].test, Test::Terms(TermTest { min_years: Some(_), .. }));
        let strongest = |levels: &[Level]| levels.iter().map(|level| level.contribution).fold(0.0, f32::max);
        let failing = |m: usize| {
            let levels = &e.levels[m];
            let failing = levels.iter().find(|level| level.code < PASS).map_or(0.0, |level| level.contribution);
            // Experience without enough years fails as partial evidence, whatever its level.
            if years(m) { failing.max(e.plan.criteria[m].weight * e.grade(PARTIAL)) } else { failing }
        };
        let near_max_bound = e.musts.iter().map(|&m| e.max_bound - strongest(&e.levels[m]) + failing(m)).collect();
        // A near miss is in none of its must-have's passing levels (failing evidence is all it can
        // have), but one with too few years may be in the strongest experience level all the same.
        let leading_numerator = |failed: Option<usize>| {
            let criteria = e.levels[..leading].iter().zip(&e.constant_bound).enumerate();
            criteria.fold(0.0f32, |sum, (criterion, (levels, constant))| {
                sum + match constant {
                    Some(weight) => *weight,
                    None if failed == Some(criterion) => failing(criterion),
                    None => strongest(levels),
                }
            })
        };
        let must_levels = (0..leading)
            .map(|criterion| {
                let passing = passing(&e.levels[criterion]);
                e.must_position(criterion).map(|must| MustLevels { must, passing, years: years(criterion) })
            })
            .collect();
        let mut limits = Limits {
            scale: if e.total_weight > 0.0 { (1.0 + BOUND_SLACK) / e.total_weight } else { 0.0 },
            must_levels,
            leading,
            ceiling: 0.0,
            near_ceiling: Vec::new(),
            trailing,
            near_max_bound,
        };
        limits.ceiling = limits.most(e, leading_numerator(None));
        limits.near_ceiling =
            e.musts.iter().map(|&m| limits.most(e, leading_numerator((!years(m)).then_some(m)))).collect();
        limits
    }

    /// What a candidate needs to still reach `score`: one who qualifies (`near_miss_of: None`),
    /// or a near miss who fails the must-have at that position.
    fn required(&self, e: &SegmentEvaluation, score: f32, near_miss_of: Option<usize>) -> Required {
        match near_miss_of {
            None => Required::for_score(e, score, self.scale, e.max_bound, None),
            Some(j) => Required::for_score(e, score, self.scale, self.near_max_bound[j], Some(e.musts[j])),
        }
    }

    /// Upper bounds of the numerators of the documents of `target` in word `w` (the leading
    /// criteria's part), summed in the order the exact score sums its terms: float addition is
    /// monotone, so a bound is never below the exact sum. `fails` holds, per must-have, those of
    /// `target` who fail it (the others meet it); `cursors` are the word's places in
    /// [`SegmentEvaluation::sets`].
    fn numerators(
        &self,
        e: &SegmentEvaluation,
        w: usize,
        target: u64,
        fails: &[u64],
        cursors: &mut [usize],
    ) -> [f32; 64] {
        let mut bound = [0.0f32; 64];
        let criteria = e.levels[..self.leading].iter().zip(&e.constant_bound).zip(&self.must_levels);
        for ((levels, constant), must) in criteria {
            if let Some(weight) = constant {
                BitIter(target).for_each(|bit| bound[bit as usize] += weight);
                continue;
            }
            let Some(must) = must else {
                walk_levels(e, levels, w, target, cursors, |bit, adds| bound[bit as usize] += adds);
                continue;
            };
            let failing = target & fails[must.must];
            if let Some((weakest, stronger)) = levels[..must.passing].split_last() {
                let meets = target & !failing;
                let rest = walk_levels(e, stronger, w, meets, cursors, |bit, adds| bound[bit as usize] += adds);
                BitIter(rest).for_each(|bit| bound[bit as usize] += weakest.contribution);
            }
            let from = if must.years { 0 } else { must.passing };
            walk_levels(e, &levels[from..], w, failing, cursors, |bit, adds| bound[bit as usize] += adds);
        }
        bound
    }

    /// The most a candidate can score whose leading criteria add at most `numerator`.
    fn most(&self, e: &SegmentEvaluation, numerator: f32) -> f32 {
        let numerator = self.trailing.iter().fold(numerator, |sum, weight| sum + weight);
        if e.total_weight > 0.0 { numerator / e.total_weight } else { 0.0 }
    }
}

/// How many of a criterion's levels (strongest first) meet a must-have: those of code [`PASS`] or
/// more.
fn passing(levels: &[Level]) -> usize {
    levels.iter().take_while(|level| level.code >= PASS).count()
}

/// Calls `each` with every one of `docs` in word `w` that has any of `levels` (strongest first)
/// and the contribution of the strongest it has; returns those who have none of them.
fn walk_levels(
    e: &SegmentEvaluation,
    levels: &[Level],
    w: usize,
    mut docs: u64,
    cursors: &mut [usize],
    mut each: impl FnMut(u32, f32),
) -> u64 {
    for level in levels {
        if docs == 0 {
            break;
        }
        let set = level.at_least;
        let hit = e.sets[set].word_ascending(w as u32, &mut cursors[set]) & docs;
        BitIter(hit).for_each(|bit| each(bit, level.contribution));
        docs &= !hit;
    }
    docs
}

/// The pass's chunks of words, in document order: a few small ones first, so that the bars have
/// risen by the time the big ones start.
fn chunks(words: usize) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let (mut start, mut size) = (0, FIRST_CHUNK_WORDS);
    while start < words {
        chunks.push(start..(start + size).min(words));
        start += size;
        size = (size * 2).min(CHUNK_WORDS);
    }
    chunks
}

/// A score most likely below the k-th best near miss's, for the pass to start from: near misses
/// far outnumber those who qualify, and from a bar of 0 the first chunks would score many of
/// them before the bar rises. Of the near misses in a sample of the segment's words, it is the
/// bound of the one with as many above it as the whole segment should hold [`FLOOR_MARGIN`] × k.
/// A floor is only a guess: the shortlist checks that its k near misses beat it. Only a
/// shortlist's first segment with near misses guesses (`carried`, the bar it starts with, is 0):
/// later ones start from the floor and what that segment found. The first segment's guess is
/// made while the others are read ([`first_floor`]); a later segment's beside its pass. `None`:
/// no guess.
fn near_floor(e: &SegmentEvaluation, pass: &Pass, limits: &Limits, wanted: Wanted, carried: Bar) -> Option<f32> {
    let exactly_one = pass.exactly_one.filter(|_| carried.score == 0.0)?;
    let FloorSample { start, words, above } = FloorSample::of(exactly_one, wanted)?;
    // The sample's near misses a must-have at a time, those whose bounds can reach highest
    // first: once `above` bounds are as high as the next must-have's near misses can reach, the
    // others cannot change the floor.
    let mut musts: Vec<(usize, &DocSet)> =
        pass.only.iter().enumerate().filter_map(|(j, only)| only.map(|only| (j, only))).collect();
    musts.sort_by(|(a, _), (b, _)| limits.near_ceiling[*b].total_cmp(&limits.near_ceiling[*a]));
    // The `above` highest bounds so far, highest first; once there are as many, a near miss
    // without what reaching the lowest of them requires cannot change them.
    let mut highest: Vec<f32> = Vec::with_capacity(above + 1);
    let mut floor = None;
    let mut failing = vec![0u64; pass.only.len()];
    for (position, &(j, only)) in musts.iter().enumerate() {
        let mut cursors: Vec<usize> = e.sets.iter().map(|set| set.cursor_at(start as u32)).collect();
        let mut only_cursor = only.cursor_at(start as u32);
        let mut required = Required { for_score: f32::NAN, ..Required::default() };
        for w in start..start + words {
            // Those who fail this must-have meet every other.
            let mut fails = only.word_ascending(w as u32, &mut only_cursor);
            if let Some(&lowest) = highest.get(above - 1).filter(|_| fails != 0) {
                if required.for_score != lowest {
                    required = limits.required(e, lowest, Some(j));
                }
                fails = required.filter(e, w, fails, &mut cursors);
                fails = required.screen(e, w, fails, &mut cursors);
            }
            if fails == 0 {
                continue;
            }
            failing[j] = fails;
            let numerators = limits.numerators(e, w, fails, &failing, &mut cursors);
            for bit in BitIter(fails) {
                let bound = limits.most(e, numerators[bit as usize]);
                let at = highest.partition_point(|&high| high >= bound);
                if at < above {
                    highest.insert(at, bound);
                    highest.truncate(above);
                }
            }
        }
        failing[j] = 0;
        if let Some(&kth) = highest.get(above - 1) {
            floor = Some(kth);
            let next = musts.get(position + 1).map_or(f32::NEG_INFINITY, |&(j, _)| limits.near_ceiling[j]);
            if kth >= next {
                break;
            }
        }
    }
    floor.filter(|&floor| floor > 0.0)
}

/// The words a near-miss floor is estimated from, and how many of their near misses should have
/// bounds at least as high as the floor.
struct FloorSample {
    start: usize,
    words: usize,
    above: usize,
}

impl FloorSample {
    fn of(exactly_one: &[u64], wanted: Wanted) -> Option<FloorSample> {
        let words = exactly_one.len();
        if wanted.near_misses == 0 || words < 4 * FLOOR_SAMPLE_MIN_WORDS {
            return None;
        }
        // Documents are in id order, which says nothing of what profiles hold: any run of words
        // will do, long enough to hold enough near misses.
        let start = words / 2;
        let (mut sampled, mut near_misses) = (0, 0);
        for &word in &exactly_one[start..start + FLOOR_SAMPLE_WORDS.min(words / 4)] {
            sampled += 1;
            near_misses += word.count_ones() as usize;
            if near_misses >= FLOOR_SAMPLE_NEAR_MISSES {
                break;
            }
        }
        let above = (FLOOR_MARGIN * wanted.near_misses * sampled).div_ceil(words).max(1);
        Some(FloorSample { start, words: sampled, above })
    }
}

/// Who the pass looks at, a bit per document: those who meet every must-have, and (when near
/// misses are wanted) those who fail exactly one.
struct Pass<'p> {
    qualified: &'p [u64],
    exactly_one: Option<&'p [u64]>,
    /// Per must-have (in plan order), who fails only it (`None`: nobody; empty without near misses).
    only: Vec<Option<&'p DocSet>>,
}

impl<'p> Pass<'p> {
    fn of(qualified: &'p [u64], misses: Option<&'p Misses>) -> Pass<'p> {
        Pass {
            qualified,
            exactly_one: misses.map(|misses| misses.exactly_one.as_slice()),
            only: misses.map_or_else(Vec::new, |misses| misses.only.iter().map(Option::as_ref).collect()),
        }
    }
}

/// The pass over the segment's chunks, in parallel. Each worker takes the next chunk in document
/// order: the bars rise over the small first chunks, and every later chunk starts from what all
/// before it found.
fn run<'a>(e: &'a SegmentEvaluation, pass: &Pass, limits: &Limits, wanted: Wanted, bounds: &Bounds) -> Kept<'a> {
    let chunks = chunks(pass.qualified.len());
    let near_misses = if pass.exactly_one.is_some() { wanted.near_misses } else { 0 };
    let kept = Kept { best: Mutex::new(TopK::new(wanted.top)), near_misses: Mutex::new(TopK::new(near_misses)) };
    let next = AtomicUsize::new(0);
    let workers = rayon::current_num_threads().clamp(1, chunks.len().max(1));
    (0..workers).into_par_iter().with_max_len(1).for_each(|_| {
        let mut needs = Needs::new(e.musts.len());
        while let Some(chunk) = chunks.get(next.fetch_add(1, Ordering::Relaxed)) {
            scan_chunk(e, pass, limits, chunk.clone(), bounds, &kept, &mut needs);
        }
    });
    kept
}

/// The best of one segment so far, shared by its chunks: each list's bar is its k-th best, found
/// in whichever chunks (a chunk's own k-th best would stay below a floor it cannot fill alone).
struct Kept<'a> {
    best: Mutex<TopK<'a>>,
    near_misses: Mutex<TopK<'a>>,
}

impl<'a> Kept<'a> {
    fn into_sorted(self) -> (Vec<Scored<'a>>, Vec<Scored<'a>>) {
        let sorted = |top: Mutex<TopK<'a>>| top.into_inner().unwrap_or_else(PoisonError::into_inner).into_sorted();
        (sorted(self.best), sorted(self.near_misses))
    }
}

fn scan_chunk<'a>(
    e: &'a SegmentEvaluation,
    pass: &Pass,
    limits: &Limits,
    words: Range<usize>,
    bounds: &Bounds,
    kept: &Kept<'a>,
    needs: &mut Needs,
) {
    let mut cursors: Vec<usize> = e.sets.iter().map(|set| set.cursor_at(words.start as u32)).collect();
    let lists = [&kept.best, &kept.near_misses];
    let [best_wanted, near_wanted] = lists.map(|list| lock(list).wants_any());
    let columns = &e.cache.columns;
    let start = words.start;
    let all = &pass.qualified[words.clone()];

    // Who can still make either list, as far as the bars known now tell, a whole chunk at a time;
    // the loop below narrows further as they rise. Ids ascend with documents in segments built in
    // bulk: once a bar is at the highest bound a list's candidates can have, none after its k-th
    // best can make it, not even by a tie.
    let mut candidates = all.to_vec();
    let bar = bounds.best.get();
    if best_wanted && !tied_out(e, start, bar, limits.ceiling) {
        needs.best(e, limits, bar.score).filter_chunk(e, &mut candidates, start);
    } else {
        candidates.fill(0);
    }
    let mut near = Vec::new();
    if pass.exactly_one.is_some() && near_wanted {
        near = needs.near_candidates(e, limits, pass, words.clone(), bounds.near_misses.get());
    }
    let mut near = near.into_iter().peekable();

    // Per must-have, who of the word's near misses fails it (those who qualify fail none).
    let mut fails = vec![0u64; e.musts.len()];
    for w in words {
        let all = candidates[w - start];
        let near_here = near.peek().is_some_and(|near| near.word == w);
        if all == 0 && !near_here {
            continue;
        }

        let mut target = 0;
        if best_wanted && all != 0 {
            let shared = bounds.best.get().score;
            let required = needs.best(e, limits, shared);
            let docs = required.filter(e, w, all, &mut cursors);
            target |= required.screen(e, w, docs, &mut cursors);
        }
        fails.fill(0);
        if near_here {
            let shared = bounds.near_misses.get().score;
            while let Some(NearWord { must, docs, .. }) = near.next_if(|near| near.word == w) {
                fails[must] = docs;
                let required = needs.near(e, limits, must, shared);
                let docs = required.filter(e, w, docs, &mut cursors);
                target |= required.screen(e, w, docs, &mut cursors);
            }
        }
        if target == 0 {
            continue;
        }
        let bound = limits.numerators(e, w, target, &fails, &mut cursors);
        // The bounds as of this word (another thread may raise them meanwhile; using a value a
        // little old only means scoring a few more candidates).
        let mut needed = [bounds.best.get(), bounds.near_misses.get()];
        for bit in BitIter(target) {
            let which = usize::from(all & (1 << bit) == 0);
            let shared = if which == 0 { &bounds.best } else { &bounds.near_misses };
            let most = limits.most(e, bound[bit as usize]);
            // A candidate that can at most tie the k-th best makes the list only with a lower id.
            let doc = w as u32 * 64 + bit;
            if !needed[which].admits(most, columns.id_rank(doc)) {
                continue;
            }
            let scored = Scored { score: e.score(doc), id: columns.id(doc), doc };
            let kth = {
                let mut top = lock(lists[which]);
                top.offer(scored);
                top.kth()
            };
            if let Some(kth) = kth {
                let bar = Bar { score: kth.score, rank: columns.id_rank(kth.doc) };
                if bar.above(&needed[which]) {
                    needed[which] = bar;
                    shared.raise(bar);
                }
            }
        }
    }
}

/// The list behind `mutex`, even if a thread panicked holding it (the list is whole either way).
fn lock<'m, T>(mutex: &'m Mutex<T>) -> MutexGuard<'m, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bitset::DocBits;
    use crate::matching::compiled;
    use crate::matching::tests::{fixtures, index};
    use crate::model::JobNeed;
    use std::sync::Arc;

    /// The needs of the fixtures, each with its evaluation of each segment of the fixture index.
    fn evaluated(index: &'static crate::index::CandidateIndex, mut each: impl FnMut(&str, &SegmentEvaluation)) {
        let searcher = index.searcher();
        for entry in std::fs::read_dir(fixtures().join("needs")).expect("needs") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
            let compiled = compiled::plan_for(&JobNeed::from_json(&text).expect("need"), index).expect("plan");
            for (ordinal, reader) in searcher.segment_readers().iter().enumerate() {
                let e = SegmentEvaluation::new(&compiled.plan, &compiled.term_keys, index, reader, ordinal as u32)
                    .expect("evaluation");
                each(&text, &e);
            }
        }
    }

    /// The screen drops only candidates whose bound is below the score, and it does drop some:
    /// those who qualify and the near misses of each must-have, at bars from low to high.
    #[test]
    fn the_screen_drops_only_those_who_cannot_reach_the_score() {
        let (mut kept, mut dropped) = (0, 0);
        evaluated(index(), |text, e| {
            let algebra = MustAlgebra::of(&e.eligible, &e.must_sets);
            let misses = algebra.misses(&e.eligible);
            let pass = Pass::of(&algebra.qualified, Some(misses));
            let limits = Limits::of(e);
            let groups = std::iter::once((
                None,
                DocSet::Dense(Arc::new(DocBits::from_words(algebra.qualified.clone(), e.eligible.bits.universe()))),
            ))
            .chain(pass.only.iter().enumerate().filter_map(|(j, only)| Some((Some(j), (*only)?.clone()))));
            for (near_miss_of, docs) in groups {
                for score in [0.3, 0.5, 0.6, 0.7, 0.8, 0.9] {
                    let required = limits.required(e, score, near_miss_of);
                    let mut cursors: Vec<usize> = e.sets.iter().map(|set| set.cursor_at(0)).collect();
                    for w in 0..algebra.qualified.len() {
                        let group = docs.word(w as u32);
                        let mut fails = vec![0; e.musts.len()];
                        if let Some(j) = near_miss_of {
                            fails[j] = group;
                        }
                        let required_levels = required.filter(e, w, group, &mut cursors);
                        let screened = required.screen(e, w, required_levels, &mut cursors);
                        assert_eq!(screened & !required_levels, 0, "the screen adds nobody");
                        let numerators = limits.numerators(e, w, required_levels, &fails, &mut cursors);
                        for bit in BitIter(required_levels) {
                            let most = limits.most(e, numerators[bit as usize]);
                            if screened & (1 << bit) == 0 {
                                assert!(most < score, "{text}: dropped a bound of {most} for {score}");
                                dropped += 1;
                            } else {
                                kept += 1;
                            }
                        }
                    }
                }
            }
        });
        assert!(dropped > 100 && kept > 100, "dropped {dropped}, kept {kept}");
    }

    /// Seeking the floor a must-have at a time and stopping early gives the floor of all the
    /// sample's near misses.
    #[test]
    fn the_floor_is_that_of_the_whole_sample() {
        let wanted = Wanted { top: 10, near_misses: 3, relaxation: false };
        let mut floors = 0;
        evaluated(index(), |text, e| {
            let algebra = MustAlgebra::of(&e.eligible, &e.must_sets);
            let misses = algebra.misses(&e.eligible);
            let exactly_one = misses.exactly_one.as_slice();
            let pass = Pass::of(&algebra.qualified, Some(misses));
            let limits = Limits::of(e);
            let floor = near_floor(e, &pass, &limits, wanted, Bar { score: 0.0, rank: 0 });

            let Some(sample) = FloorSample::of(exactly_one, wanted) else { return };
            let mut cursors: Vec<usize> = e.sets.iter().map(|set| set.cursor_at(sample.start as u32)).collect();
            let mut bounds = Vec::new();
            for (w, &target) in exactly_one.iter().enumerate().skip(sample.start).take(sample.words) {
                let fails: Vec<u64> = pass.only.iter().map(|only| only.map_or(0, |only| only.word(w as u32))).collect();
                let numerators = limits.numerators(e, w, target, &fails, &mut cursors);
                bounds.extend(BitIter(target).map(|bit| limits.most(e, numerators[bit as usize])));
            }
            bounds.sort_by(|a, b| b.total_cmp(a));
            let whole = bounds.get(sample.above - 1).copied().filter(|&floor| floor > 0.0);
            assert_eq!(floor, whole, "{text}");
            floors += usize::from(floor.is_some());
        });
        assert!(floors >= 5, "only {floors} floors");
    }
}
