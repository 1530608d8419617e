//! One pass over a segment, 64 documents at a time: who qualifies, who fails exactly one
//! must-have (and which), and the best of each by score.
//!
//! Who meets every must-have and who fails exactly one come as bitsets from the must-have
//! algebra ([`super::algebra`], kept per segment for the same must-haves): the pass's [`groups`].
//! The pass scores them in parallel chunks, taken in document order, small ones first. Scoring is
//! the expensive part, and it is pruned against a bar: the k-th best (score, id) found so far,
//! shared by the chunks, so a chunk starts from what all before it found ([`topk`]).
//!
//! 1. Per chunk and per 64 documents, the [`screen`] drops with word operations those who lack
//!    what reaching the bar requires; near misses of a must-have whose near misses cannot reach
//!    the bar are dropped whole, and once a bar is as high as any bound can be, a chunk after its
//!    k-th best (in id order) has nobody who can make that list, not even by a tie.
//! 2. Per candidate, an upper bound on its score ([`bounds`]); only candidates whose bound beats
//!    the bar are scored exactly.
//! 3. Near misses start from a [`floor`] guessed from a sample, checked once all segments are done.
//!
//! Near misses are sought among those whose gap is narrow ([`super::shortfall`]); those with a
//! wide gap only when the narrow are too few, by [`near_misses_again`].
//!
//! The sizes it works in are a [`Tuning`].

mod bounds;
mod floor;
mod groups;
mod screen;
mod topk;
mod tuning;

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use rayon::prelude::*;

use super::algebra::MustAlgebra;
use super::evaluation::SegmentEvaluation;
use super::position::{MustAt, Table};
use super::shortfall::Gaps;
use crate::model::Gap;
use bounds::{ScoreBounds, cursors_at, tied_out};
use screen::{NearWord, WorkerRequirements};
use topk::TopK;

pub use groups::PassRequest;
pub use topk::{Bar, Scored, SharedBar};
pub use tuning::Tuning;

/// The pass's findings in one segment.
pub struct SegmentResult<'a> {
    pub qualified: usize,
    /// Per must-have, how many candidates fail only it.
    pub only_failed: Table<MustAt, usize>,
    pub best: Vec<Scored<'a>>,
    pub near_misses: Vec<Scored<'a>>,
    /// The floor near misses were sought from here, if this segment guessed one: the shortlist's
    /// near misses stand only if its k-th best beats it (see [`near_misses_again`]).
    pub floor: Option<f32>,
}

/// The bars of a shortlist's two lists, shared by every segment's pass in turn.
#[derive(Debug, Default)]
pub struct SharedBars {
    pub best: SharedBar,
    pub near_misses: SharedBar,
}

/// Where the near-miss floor of a segment comes from.
pub enum FloorSource {
    /// Worked out beside the pass, when the segment is the first with near misses.
    Beside,
    /// Worked out before, by [`first_floor`], for the shortlist's first segment.
    Known(Option<f32>),
}

/// The near-miss floor of a shortlist's first segment, before its pass: work that can be done
/// while the other segments are read.
pub fn first_floor(e: &SegmentEvaluation, request: PassRequest, tuning: &Tuning) -> Option<f32> {
    // A segment too small to sample from gets no floor: spare the algebra and gaps a guess needs
    // (a reverse look-up runs thousands of plans over a segment of a few documents).
    let words = e.eligible().bits.words().len();
    if e.musts.is_empty() || request.near_misses == 0 || !floor::FloorSample::possible(words, tuning) {
        return None;
    }
    let algebra = MustAlgebra::of(e.eligible(), &e.must_sets);
    let gaps = Gaps::of(e, &algebra, algebra.misses(e.eligible()));
    let groups = groups::Groups::of(&algebra.qualified, Some(gaps.group(Gap::Narrow)));
    floor::near_floor(e, &groups, &ScoreBounds::of(e), request, tuning, Bar { score: 0.0, rank: 0 })
}

/// Runs the pass over `e`'s segment.
pub fn pass<'a>(
    e: &'a SegmentEvaluation,
    request: PassRequest,
    tuning: &Tuning,
    bars: &SharedBars,
    floor: FloorSource,
) -> SegmentResult<'a> {
    bars.best.next_segment();
    bars.near_misses.next_segment();
    let algebra = MustAlgebra::of(e.eligible(), &e.must_sets);
    let near_misses_wanted = !e.musts.is_empty() && (request.near_misses > 0 || request.relaxation);
    let misses = near_misses_wanted.then(|| algebra.misses(e.eligible()));
    let bounds = ScoreBounds::of(e);
    let gaps = misses.filter(|_| request.near_misses > 0).map(|misses| Gaps::of(e, &algebra, misses));
    let groups = groups::Groups::of(&algebra.qualified, gaps.as_deref().map(|gaps| gaps.group(Gap::Narrow)));
    // Near misses start from an estimated floor, which later segments start from too; it is
    // checked once all segments are done.
    let carried = bars.near_misses.get();
    let raise = |floor: Option<f32>| {
        if let Some(floor) = floor {
            bars.near_misses.raise(Bar { score: floor, rank: u32::MAX });
        }
        floor
    };
    let (floor, lists) = match floor {
        FloorSource::Known(floor) if carried.score == 0.0 => {
            (raise(floor), drive(e, &groups, &bounds, request, tuning, bars))
        }
        // Worked out beside the pass's first chunks, which start from the bar they find.
        _ => rayon::join(
            || raise(floor::near_floor(e, &groups, &bounds, request, tuning, carried)),
            || drive(e, &groups, &bounds, request, tuning, bars),
        ),
    };
    let (best, near_misses) = lists.into_sorted();
    SegmentResult {
        qualified: algebra.qualified_count,
        only_failed: misses.map_or_else(|| Table::filled(0, e.musts.len()), |m| m.only_failed.clone()),
        best,
        near_misses,
        floor,
    }
}

/// The near misses of `e`'s segment whose gap is `gap` wide, sought without a floor: for when
/// the floor proved too high (pruning under it is sound only if the shortlist's k-th best near
/// miss beats it, every bar then being at most that k-th best), and for wide gaps when the narrow
/// are too few. Called for every segment in order, with new `bars`.
pub fn near_misses_again<'a>(
    e: &'a SegmentEvaluation,
    request: PassRequest,
    tuning: &Tuning,
    bars: &SharedBars,
    gap: Gap,
) -> Vec<Scored<'a>> {
    bars.near_misses.next_segment();
    if e.musts.is_empty() || request.near_misses == 0 {
        return Vec::new();
    }
    let algebra = MustAlgebra::of(e.eligible(), &e.must_sets);
    let gaps = Gaps::of(e, &algebra, algebra.misses(e.eligible()));
    let groups = groups::Groups::of(&algebra.qualified, Some(gaps.group(gap)));
    let request = PassRequest { top: 0, ..request };
    drive(e, &groups, &ScoreBounds::of(e), request, tuning, bars).into_sorted().1
}

/// The best of one segment so far, shared by its chunks: each list's bar is its k-th best, found
/// in whichever chunks (a chunk's own k-th best would stay below a floor it cannot fill alone).
struct SharedLists<'a> {
    best: Mutex<TopK<'a>>,
    near_misses: Mutex<TopK<'a>>,
}

impl<'a> SharedLists<'a> {
    fn into_sorted(self) -> (Vec<Scored<'a>>, Vec<Scored<'a>>) {
        let sorted = |top: Mutex<TopK<'a>>| top.into_inner().unwrap_or_else(PoisonError::into_inner).into_sorted();
        (sorted(self.best), sorted(self.near_misses))
    }
}

/// The pass over the segment's chunks, in parallel. Each worker takes the next chunk in document
/// order: the bars rise over the small first chunks, and every later chunk starts from what all
/// before it found.
fn drive<'a>(
    e: &'a SegmentEvaluation,
    groups: &groups::Groups,
    bounds: &ScoreBounds,
    request: PassRequest,
    tuning: &Tuning,
    bars: &SharedBars,
) -> SharedLists<'a> {
    let chunks = chunks(groups.qualified.len(), tuning);
    let near_misses = if groups.exactly_one.is_some() { request.near_misses } else { 0 };
    let lists =
        SharedLists { best: Mutex::new(TopK::new(request.top)), near_misses: Mutex::new(TopK::new(near_misses)) };
    let next = AtomicUsize::new(0);
    let workers = rayon::current_num_threads().clamp(1, chunks.len().max(1));
    (0..workers).into_par_iter().with_max_len(1).for_each(|_| {
        let mut requirements = WorkerRequirements::new(e.musts.len(), tuning.chunk_words);
        while let Some(chunk) = chunks.get(next.fetch_add(1, Ordering::Relaxed)) {
            pass_chunk(e, groups, bounds, chunk.clone(), bars, &lists, &mut requirements);
        }
    });
    lists
}

fn pass_chunk<'a>(
    e: &'a SegmentEvaluation,
    groups: &groups::Groups,
    bounds: &ScoreBounds,
    words: Range<usize>,
    bars: &SharedBars,
    lists: &SharedLists<'a>,
    requirements: &mut WorkerRequirements,
) {
    let mut cursors = cursors_at(e, words.start);
    let both = [&lists.best, &lists.near_misses];
    let [best_wanted, near_wanted] = both.map(|list| lock(list).wants_any());
    let columns = e.columns();
    let start = words.start;
    let all = &groups.qualified[words.clone()];

    // Who can still make either list, as far as the bars known now tell, a whole chunk at a time;
    // the loop below narrows further as they rise. Ids ascend with documents in segments built in
    // bulk: once a bar is at the highest bound a list's candidates can have, none after its k-th
    // best can make it, not even by a tie.
    let mut candidates = all.to_vec();
    let bar = bars.best.get();
    if best_wanted && !tied_out(e, start, bar, bounds.ceiling) {
        requirements.best(e, bounds, bar.score).filter_chunk(e, &mut candidates, start);
    } else {
        candidates.fill(0);
    }
    let mut near = Vec::new();
    if groups.exactly_one.is_some() && near_wanted {
        near = requirements.near_candidates(e, bounds, groups, words.clone(), bars.near_misses.get());
    }
    let mut near = near.into_iter().peekable();

    // Per must-have, who of the word's near misses fails it (those who qualify fail none).
    let mut fails: Table<MustAt, u64> = Table::filled(0, e.musts.len());
    for w in words {
        let all = candidates[w - start];
        let near_here = near.peek().is_some_and(|near| near.word == w);
        if all == 0 && !near_here {
            continue;
        }

        let mut target = 0;
        if best_wanted && all != 0 {
            let shared = bars.best.get().score;
            let required = requirements.best(e, bounds, shared);
            let docs = required.filter(e, w, all, &mut cursors);
            target |= required.screen(e, w, docs, &mut cursors);
        }
        fails.iter_mut().for_each(|word| *word = 0);
        if near_here {
            let shared = bars.near_misses.get().score;
            while let Some(NearWord { must, docs, .. }) = near.next_if(|near| near.word == w) {
                fails[must] = docs;
                let required = requirements.near(e, bounds, must, shared);
                let docs = required.filter(e, w, docs, &mut cursors);
                target |= required.screen(e, w, docs, &mut cursors);
            }
        }
        if target == 0 {
            continue;
        }
        let bound = bounds.numerators(e, w, target, &fails, &mut cursors);
        // The bars as of this word (another thread may raise them meanwhile; using a value a
        // little old only means scoring a few more candidates).
        let mut needed = [bars.best.get(), bars.near_misses.get()];
        for bit in crate::bitset::BitIter(target) {
            let which = usize::from(all & (1 << bit) == 0);
            let shared = if which == 0 { &bars.best } else { &bars.near_misses };
            let most = bounds.most(e, bound[bit as usize]);
            // A candidate that can at most tie the k-th best makes the list only with a lower id.
            let doc = w as u32 * 64 + bit;
            if !needed[which].admits(most, columns.id_rank(doc)) {
                continue;
            }
            let scored = Scored { score: e.score(doc), id: columns.id(doc), doc };
            let kth = {
                let mut top = lock(both[which]);
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

/// The pass's chunks of words, in document order: a few small ones first, so that the bars have
/// risen by the time the big ones start.
fn chunks(words: usize, tuning: &Tuning) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let (mut start, mut size) = (0, tuning.first_chunk_words.max(1));
    while start < words {
        chunks.push(start..(start + size).min(words));
        start += size;
        size = (size * 2).min(tuning.chunk_words.max(1));
    }
    chunks
}

/// The list behind `mutex`, even if a thread panicked holding it (the list is whole either way).
fn lock<'m, T>(mutex: &'m Mutex<T>) -> MutexGuard<'m, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests;
