//! The requirement screen: what a candidate must have to still reach a score, checked with word
//! operations before any bound is summed.
//!
//! Once a bar is high, a candidate without the strongest evidence for a heavy criterion cannot
//! reach it whatever else it has: [`Requirements::filter`] drops all such candidates 64 at a time
//! (the idea of MaxScore in text retrieval), for a whole chunk at once when the chunk starts.
//! Those left are screened on the criteria on which they may fall short the most
//! ([`Requirements::screen`]): a missing light wish with a weaker heavy one can already leave a
//! candidate below the bar, and a few looks spare most of them the full bound.

use std::ops::Range;

use super::super::evaluation::SegmentEvaluation;
use super::super::position::{CriterionAt, MustAt, SetAt, Table};
use super::bounds::{BOUND_SLACK, ScoreBounds, passing_levels, tied_out, walk_levels};
use super::groups::Groups;
use super::topk::Bar;
use crate::bitset::{BitIter, DocSet, nonzero_words};

/// Which criteria a candidate must have at their strongest levels to still reach a score.
#[derive(Default)]
pub(super) struct Requirements {
    /// The score these were worked out for.
    pub for_score: f32,
    /// A criterion and how many of its strongest levels qualify (0: none can).
    levels: Vec<(CriterionAt, usize)>,
    /// How far below the most a numerator can be it may fall and still reach the score (with
    /// room for rounding).
    room: f32,
    /// The criteria a candidate with every required level may still fall short on, the largest
    /// possible shortfall first: their shortfalls add up.
    shortfalls: Vec<Shortfall>,
}

/// What a candidate may fall short on one criterion, as [`Requirements::screen`] reads it.
#[derive(Debug, Clone, Copy)]
struct Shortfall {
    criterion: CriterionAt,
    /// How many of the strongest levels to look at: one in none of them is at the next level, or
    /// has no evidence when there is none.
    looks: usize,
    /// The shortfall of one in none of the levels looked at: the largest.
    most: f32,
    /// The largest total shortfall on this criterion and those after it.
    most_from_here: f32,
}

impl Requirements {
    /// Requirements that hold nobody back, for a score not yet known.
    pub fn unknown() -> Requirements {
        Requirements { for_score: f32::NAN, ..Requirements::default() }
    }

    /// What a candidate needs to still reach `score`: one who qualifies (`near_miss_of: None`),
    /// or a near miss who fails that must-have.
    pub fn to_reach(
        e: &SegmentEvaluation,
        bounds: &ScoreBounds,
        score: f32,
        near_miss_of: Option<MustAt>,
    ) -> Requirements {
        match near_miss_of {
            None => Self::for_score(e, score, bounds.scale, e.max_bound, None),
            Some(must) => Self::for_score(e, score, bounds.scale, bounds.near_max_bound[must], Some(e.musts[must])),
        }
    }

    /// What reaching `score` requires of candidates whose numerator is at most `max_bound`: a
    /// criterion whose absence leaves it below the one needed must be met at a level that makes up
    /// the difference. `failed` is the must-have near misses fail, already counted in `max_bound`
    /// at its strongest failing level.
    fn for_score(
        e: &SegmentEvaluation,
        score: f32,
        scale: f32,
        max_bound: f32,
        failed: Option<CriterionAt>,
    ) -> Requirements {
        let mut required =
            Requirements { for_score: score, levels: Vec::new(), room: f32::INFINITY, shortfalls: Vec::new() };
        if score <= 0.0 || scale <= 0.0 {
            return required;
        }
        let needed = score / scale * (1.0 - BOUND_SLACK);
        required.room = max_bound - needed + max_bound * BOUND_SLACK;
        for (criterion, levels) in e.levels.enumerate() {
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
                if count > 0 && count == passing_levels(levels) && e.must_of(criterion).is_some() {
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
    fn shortfalls(
        e: &SegmentEvaluation,
        required: &[(CriterionAt, usize)],
        failed: Option<CriterionAt>,
    ) -> Vec<Shortfall> {
        let mut shortfalls: Vec<Shortfall> = Vec::new();
        for (criterion, levels) in e.levels.enumerate() {
            let Some(strongest) = levels.first().filter(|_| failed != Some(criterion)) else { continue };
            let at_least_required = required.iter().find(|&&(c, _)| c == criterion).map(|&(_, count)| count);
            let met_by_passing = e.must_of(criterion).map(|_| passing_levels(levels));
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
    /// together leave them below the score.
    pub fn screen(&self, e: &SegmentEvaluation, w: usize, mut docs: u64, cursors: &mut Table<SetAt, usize>) -> u64 {
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

    /// The set holding those at the weakest required level of each requirement; `None` when a
    /// requirement is one nobody can meet.
    fn required_sets<'e>(&self, e: &'e SegmentEvaluation) -> Option<Vec<&'e DocSet>> {
        self.levels
            .iter()
            .map(|&(criterion, count)| Some(&e.sets[e.levels[criterion][count.checked_sub(1)?].at_least]))
            .collect()
    }

    /// Keeps in `words` (the chunk's words from `start` on) only those who have every required
    /// criterion: the whole chunk at once, which vectorises.
    pub fn filter_chunk(&self, e: &SegmentEvaluation, words: &mut [u64], start: usize) {
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
        must: MustAt,
        only: &DocSet,
        words: Range<usize>,
        scratch: &mut Vec<u64>,
        found: &mut Vec<NearWord>,
    ) {
        let Some(sets) = self.required_sets(e) else { return };
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
    pub fn filter(&self, e: &SegmentEvaluation, word: usize, mut docs: u64, cursors: &mut Table<SetAt, usize>) -> u64 {
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

/// Near misses in one word who may still beat the bar, all of whom fail must-have `must`.
pub(super) struct NearWord {
    pub word: usize,
    pub must: MustAt,
    pub docs: u64,
}

/// What candidates need to beat the bars, as one worker last worked it out: once the first
/// chunks are done the bars seldom rise, and later chunks reuse it.
pub(super) struct WorkerRequirements {
    best: Requirements,
    /// Per must-have, what the near misses who fail it need.
    near: Table<MustAt, Requirements>,
    /// Room for a chunk's words, kept between chunks.
    scratch: Vec<u64>,
}

impl WorkerRequirements {
    pub fn new(musts: usize, chunk_words: usize) -> WorkerRequirements {
        WorkerRequirements {
            best: Requirements::default(),
            near: (0..musts).map(|_| Requirements::default()).collect(),
            scratch: Vec::with_capacity(chunk_words),
        }
    }

    /// What those who qualify need to reach `score`.
    pub fn best(&mut self, e: &SegmentEvaluation, bounds: &ScoreBounds, score: f32) -> &Requirements {
        if self.best.for_score != score {
            self.best = Requirements::to_reach(e, bounds, score, None);
        }
        &self.best
    }

    /// What near misses of must-have `must` need to reach `score`.
    pub fn near(&mut self, e: &SegmentEvaluation, bounds: &ScoreBounds, must: MustAt, score: f32) -> &Requirements {
        if self.near[must].for_score != score {
            self.near[must] = Requirements::to_reach(e, bounds, score, Some(must));
        }
        &self.near[must]
    }

    /// Those in `words` who fail exactly one must-have and may still beat `bar` as near misses,
    /// as far as a whole chunk at a time can tell, by word.
    pub fn near_candidates(
        &mut self,
        e: &SegmentEvaluation,
        bounds: &ScoreBounds,
        groups: &Groups,
        words: Range<usize>,
        bar: Bar,
    ) -> Vec<NearWord> {
        let mut found = Vec::new();
        for (must, only) in groups.only.enumerate() {
            // Nobody fails only a must-have without a set (everyone meets it).
            let Some(only) = only else { continue };
            // None of its near misses can reach the bar, or none after it can beat the bar by a tie.
            let ceiling = bounds.near_ceiling[must];
            if ceiling < bar.score || tied_out(e, words.start, bar, ceiling) {
                continue;
            }
            // Brought up to the bar first, then read beside the worker's scratch buffer.
            self.near(e, bounds, must, bar.score);
            self.near[must].near_chunk(e, must, only, words.clone(), &mut self.scratch, &mut found);
        }
        // Each fails exactly one must-have: a word's entries hold different documents.
        found.sort_unstable_by_key(|near| near.word);
        found
    }
}
