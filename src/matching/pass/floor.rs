//! The near-miss floor: a score most likely below the k-th best near miss's, for a pass to start
//! from. Near misses far outnumber those who qualify, and from a bar of 0 the first chunks would
//! score many of them before the bar rises.
//!
//! Of the near misses in a sample of the segment's words, the floor is the bound of the one with
//! as many above it as the whole segment should hold [`Tuning::floor_margin`] × k. A floor is only
//! a guess: the shortlist checks that its k near misses beat it, and seeks them again without it
//! if they do not ([`super::near_misses_again`]).

use super::super::evaluation::SegmentEvaluation;
use super::super::position::{MustAt, Table};
use super::bounds::{ScoreBounds, cursors_at};
use super::groups::{Groups, PassRequest};
use super::screen::Requirements;
use super::topk::Bar;
use super::tuning::Tuning;
use crate::bitset::{BitIter, DocSet};

/// The floor for a pass over `e` that starts from bar `carried`. Only a shortlist's first segment
/// with near misses guesses (`carried` is 0): later ones start from the floor and what that
/// segment found. `None`: no guess.
pub(super) fn near_floor(
    e: &SegmentEvaluation,
    groups: &Groups,
    bounds: &ScoreBounds,
    request: PassRequest,
    tuning: &Tuning,
    carried: Bar,
) -> Option<f32> {
    let exactly_one = groups.exactly_one.filter(|_| carried.score == 0.0)?;
    let FloorSample { start, words, above } = FloorSample::of(exactly_one, request, tuning)?;
    // The sample's near misses a must-have at a time, those whose bounds can reach highest
    // first: once `above` bounds are as high as the next must-have's near misses can reach, the
    // others cannot change the floor.
    let mut musts: Vec<(MustAt, &DocSet)> =
        groups.only.enumerate().filter_map(|(must, only)| only.map(|only| (must, only))).collect();
    musts.sort_by(|(a, _), (b, _)| bounds.near_ceiling[*b].total_cmp(&bounds.near_ceiling[*a]));
    // The `above` highest bounds so far, highest first; once there are as many, a near miss
    // without what reaching the lowest of them requires cannot change them.
    let mut highest: Vec<f32> = Vec::with_capacity(above + 1);
    let mut floor = None;
    let mut failing: Table<MustAt, u64> = Table::filled(0, groups.only.len());
    for (position, &(must, only)) in musts.iter().enumerate() {
        let mut cursors = cursors_at(e, start);
        let mut only_cursor = only.cursor_at(start as u32);
        let mut required = Requirements::unknown();
        for w in start..start + words {
            // Those who fail this must-have meet every other.
            let mut fails = only.word_ascending(w as u32, &mut only_cursor);
            if let Some(&lowest) = highest.get(above - 1).filter(|_| fails != 0) {
                if required.for_score != lowest {
                    required = Requirements::to_reach(e, bounds, lowest, Some(must));
                }
                fails = required.filter(e, w, fails, &mut cursors);
                fails = required.screen(e, w, fails, &mut cursors);
            }
            if fails == 0 {
                continue;
            }
            failing[must] = fails;
            let numerators = bounds.numerators(e, w, fails, &failing, &mut cursors);
            for bit in BitIter(fails) {
                let bound = bounds.most(e, numerators[bit as usize]);
                let at = highest.partition_point(|&high| high >= bound);
                if at < above {
                    highest.insert(at, bound);
                    highest.truncate(above);
                }
            }
        }
        failing[must] = 0;
        if let Some(&kth) = highest.get(above - 1) {
            floor = Some(kth);
            let next = musts.get(position + 1).map_or(f32::NEG_INFINITY, |&(must, _)| bounds.near_ceiling[must]);
            if kth >= next {
                break;
            }
        }
    }
    floor.filter(|&floor| floor > 0.0)
}

/// The words a near-miss floor is estimated from, and how many of their near misses should have
/// bounds at least as high as the floor.
pub(super) struct FloorSample {
    pub start: usize,
    pub words: usize,
    pub above: usize,
}

impl FloorSample {
    /// Whether a segment of `words` words is large enough to sample a floor from.
    pub fn possible(words: usize, tuning: &Tuning) -> bool {
        words >= 4 * tuning.floor_sample_min_words
    }

    pub fn of(exactly_one: &[u64], request: PassRequest, tuning: &Tuning) -> Option<FloorSample> {
        let words = exactly_one.len();
        if request.near_misses == 0 || !FloorSample::possible(words, tuning) {
            return None;
        }
        // Documents are in id order, which says nothing of what profiles hold: any run of words
        // will do, long enough to hold enough near misses.
        let start = words / 2;
        let (mut sampled, mut near_misses) = (0, 0);
        for &word in &exactly_one[start..start + tuning.floor_sample_words.min(words / 4)] {
            sampled += 1;
            near_misses += word.count_ones() as usize;
            if near_misses >= tuning.floor_sample_near_misses {
                break;
            }
        }
        let above = (tuning.floor_margin * request.near_misses * sampled).div_ceil(words).max(1);
        Some(FloorSample { start, words: sampled, above })
    }
}
