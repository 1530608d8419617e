//! The pass's parts checked on their own: the screen drops only candidates who cannot reach a
//! score, and a floor sought a must-have at a time is the floor of the whole sample.

use std::sync::Arc;

use super::bounds::ScoreBounds;
use super::floor::{FloorSample, near_floor};
use super::groups::Groups;
use super::screen::Requirements;
use super::*;
use crate::bitset::{BitIter, DocBits, DocSet};
use crate::matching::compiled;
use crate::matching::tests::{fixtures, index};
use crate::model::JobNeed;

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
        let algebra = MustAlgebra::of(e.eligible(), &e.must_sets);
        let gaps = Gaps::of(e, &algebra, algebra.misses(e.eligible()));
        let bounds = ScoreBounds::of(e);
        let qualified = DocBits::from_words(algebra.qualified.clone(), e.eligible().bits.universe());
        let all = std::iter::once((None, DocSet::Dense(Arc::new(qualified))));
        let near = Gap::ALL.into_iter().flat_map(|gap| {
            let groups = Groups::of(&algebra.qualified, Some(gaps.group(gap)));
            groups.only.enumerate().filter_map(|(must, only)| Some((Some(must), (*only)?.clone()))).collect::<Vec<_>>()
        });
        for (near_miss_of, docs) in all.chain(near) {
            for score in [0.3, 0.5, 0.6, 0.7, 0.8, 0.9] {
                let required = Requirements::to_reach(e, &bounds, score, near_miss_of);
                let mut cursors = bounds::cursors_at(e, 0);
                for w in 0..algebra.qualified.len() {
                    let group = docs.word(w as u32);
                    let mut fails: Table<MustAt, u64> = Table::filled(0, e.musts.len());
                    if let Some(must) = near_miss_of {
                        fails[must] = group;
                    }
                    let required_levels = required.filter(e, w, group, &mut cursors);
                    let screened = required.screen(e, w, required_levels, &mut cursors);
                    assert_eq!(screened & !required_levels, 0, "the screen adds nobody");
                    let numerators = bounds.numerators(e, w, required_levels, &fails, &mut cursors);
                    for bit in BitIter(required_levels) {
                        let most = bounds.most(e, numerators[bit as usize]);
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
    let request = PassRequest { top: 10, near_misses: 3, relaxation: false };
    let tuning = Tuning::SMALL;
    let mut floors = 0;
    evaluated(index(), |text, e| {
        let algebra = MustAlgebra::of(e.eligible(), &e.must_sets);
        let gaps = Gaps::of(e, &algebra, algebra.misses(e.eligible()));
        for gap in Gap::ALL {
            let exactly_one = gaps.group(gap).exactly_one.as_slice();
            let groups = Groups::of(&algebra.qualified, Some(gaps.group(gap)));
            let bounds = ScoreBounds::of(e);
            let floor = near_floor(e, &groups, &bounds, request, &tuning, Bar { score: 0.0, rank: 0 });

            let Some(sample) = FloorSample::of(exactly_one, request, &tuning) else { continue };
            let mut cursors = bounds::cursors_at(e, sample.start);
            let mut found = Vec::new();
            for (w, &target) in exactly_one.iter().enumerate().skip(sample.start).take(sample.words) {
                let fails = groups.only.map(|only| only.map_or(0, |only| only.word(w as u32)));
                let numerators = bounds.numerators(e, w, target, &fails, &mut cursors);
                found.extend(BitIter(target).map(|bit| bounds.most(e, numerators[bit as usize])));
            }
            found.sort_by(|a, b| b.total_cmp(a));
            let whole = found.get(sample.above - 1).copied().filter(|&floor| floor > 0.0);
            assert_eq!(floor, whole, "{text} ({gap:?})");
            floors += usize::from(floor.is_some());
        }
    });
    assert!(floors >= 5, "only {floors} floors");
}
