//! Upper bounds on scores: what a candidate can score at most, from the levels of evidence it is
//! in, without working out its score. Worked out once per pass ([`ScoreBounds::of`]) and then
//! read 64 candidates at a time.
//!
//! A bound is a sum of level contributions taken in the order the exact score sums its terms;
//! float addition is monotone, so a bound is never below the exact sum. It ignores what can only
//! lower a score (years short, distance within a ring, adaptations), so it may be above it.

use super::super::evaluation::{Level, SegmentEvaluation};
use super::super::evidence::{Strength, Support};
use super::super::plan::{TermTest, Test};
use super::super::position::{CriterionAt, MustAt, SetAt, Table};
use super::topk::Bar;
use crate::bitset::BitIter;

/// Room for rounding: bounds are summed in other orders than the exact score.
pub(super) const BOUND_SLACK: f32 = 1e-4;

/// What the bounds of one segment's candidates can come to, worked out once per pass.
pub(super) struct ScoreBounds {
    /// Criteria with levels or without a constant bound come first (the first `leading` of the
    /// plan); those after add their full weight (`trailing`) and are added per candidate at the
    /// end, in order, rather than to all 64 at each word.
    leading: usize,
    trailing: Vec<f32>,
    /// Per must-have, the most a near miss that fails it can add to the numerator: it has at most
    /// failing evidence for it (a mention in the summary, say).
    pub near_max_bound: Table<MustAt, f32>,
    /// The highest bound the word loop can give a candidate, and a near miss of each must-have,
    /// summed in its own order (so a bar at it can only be tied).
    pub ceiling: f32,
    pub near_ceiling: Table<MustAt, f32>,
    /// Turns a score into the numerator bounds are compared with, with room for rounding.
    pub scale: f32,
    /// Per leading criterion, where it is a must-have, which of its levels pass: a candidate
    /// known to meet it or to fail it needs fewer looks.
    must_levels: Vec<Option<MustLevels>>,
}

/// A must-have's levels of evidence as bounds read them.
#[derive(Clone, Copy)]
struct MustLevels {
    must: MustAt,
    /// How many of the strongest levels pass: one who meets the must-have is in one of them, so
    /// in the weakest of them if in no stronger one, without a look.
    passing: usize,
    /// Whether one who fails it may be in a passing level all the same (experience with too few
    /// years); else failing levels are all such a candidate's levels to look at.
    years: bool,
}

impl ScoreBounds {
    pub fn of(e: &SegmentEvaluation) -> ScoreBounds {
        let plan = e.plan();
        let leading = e.constant_bound.iter().rposition(Option::is_none).map_or(0, |last| last + 1);
        let trailing: Vec<f32> = e.constant_bound.as_slice()[leading..].iter().flatten().copied().collect();
        let years = |m: CriterionAt| matches!(plan.criteria[m].test, Test::Terms(TermTest { min_years: Some(_), .. }));
        let strongest = |levels: &[Level]| levels.iter().map(|level| level.contribution).fold(0.0, f32::max);
        let failing = |m: CriterionAt| {
            let levels = &e.levels[m];
            let failing = levels.iter().find(|level| !level.support.passes()).map_or(0.0, |level| level.contribution);
            // Experience without enough years fails as partial evidence, whatever its level.
            let partial = Support::whole(Strength::Partial);
            if years(m) { failing.max(plan.criteria[m].weight * e.grade(partial)) } else { failing }
        };
        let near_max_bound = e.musts.map(|&m| e.max_bound - strongest(&e.levels[m]) + failing(m));
        // A near miss is in none of its must-have's passing levels (failing evidence is all it can
        // have), but one with too few years may be in the strongest experience level all the same.
        let leading_numerator = |failed: Option<CriterionAt>| {
            let criteria = e.levels.enumerate().take(leading).zip(&e.constant_bound);
            criteria.fold(0.0f32, |sum, ((criterion, levels), constant)| {
                sum + match constant {
                    Some(weight) => *weight,
                    None if failed == Some(criterion) => failing(criterion),
                    None => strongest(levels),
                }
            })
        };
        let must_levels = e
            .levels
            .enumerate()
            .take(leading)
            .map(|(criterion, levels)| {
                let passing = passing_levels(levels);
                e.must_of(criterion).map(|must| MustLevels { must, passing, years: years(criterion) })
            })
            .collect();
        let mut bounds = ScoreBounds {
            scale: if e.total_weight > 0.0 { (1.0 + BOUND_SLACK) / e.total_weight } else { 0.0 },
            must_levels,
            leading,
            ceiling: 0.0,
            near_ceiling: Table::new(),
            trailing,
            near_max_bound,
        };
        bounds.ceiling = bounds.most(e, leading_numerator(None));
        bounds.near_ceiling = e.musts.map(|&m| bounds.most(e, leading_numerator((!years(m)).then_some(m))));
        bounds
    }

    /// Upper bounds of the numerators of the documents of `target` in word `w` (the leading
    /// criteria's part), summed in the order the exact score sums its terms. `fails` holds, per
    /// must-have, those of `target` who fail it (the others meet it); `cursors` are the word's
    /// places in [`SegmentEvaluation::sets`].
    pub fn numerators(
        &self,
        e: &SegmentEvaluation,
        w: usize,
        target: u64,
        fails: &Table<MustAt, u64>,
        cursors: &mut Table<SetAt, usize>,
    ) -> [f32; 64] {
        let mut bound = [0.0f32; 64];
        let criteria = e.levels.iter().take(self.leading).zip(&e.constant_bound).zip(&self.must_levels);
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
    pub fn most(&self, e: &SegmentEvaluation, numerator: f32) -> f32 {
        let numerator = self.trailing.iter().fold(numerator, |sum, weight| sum + weight);
        if e.total_weight > 0.0 { numerator / e.total_weight } else { 0.0 }
    }
}

/// How many of a criterion's levels (strongest first) meet a must-have.
pub(super) fn passing_levels(levels: &[Level]) -> usize {
    levels.iter().take_while(|level| level.support.passes()).count()
}

/// Calls `each` with every one of `docs` in word `w` that has any of `levels` (strongest first)
/// and the contribution of the strongest it has; returns those who have none of them.
pub(super) fn walk_levels(
    e: &SegmentEvaluation,
    levels: &[Level],
    w: usize,
    mut docs: u64,
    cursors: &mut Table<SetAt, usize>,
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

/// Cursors for every set of `e`, placed at word `w`.
pub(super) fn cursors_at(e: &SegmentEvaluation, w: usize) -> Table<SetAt, usize> {
    e.sets.map(|set| set.cursor_at(w as u32))
}

/// Whether nobody from word `start` on can beat `bar` in a list whose candidates' bounds reach at
/// most `ceiling`: ids ascend with documents in segments built in bulk, and once a bar is at the
/// ceiling, none after its k-th best can make the list, not even by a tie.
pub(super) fn tied_out(e: &SegmentEvaluation, start: usize, bar: Bar, ceiling: f32) -> bool {
    let columns = e.columns();
    columns.ids_ascending() && columns.id_rank(start as u32 * 64) > bar.rank && bar.score >= ceiling
}
