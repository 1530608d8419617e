//! The filter-only baseline: how NAV's candidate search behaves today, for comparison.
//!
//! Every criterion is a filter (or, in the milder variant, must-haves filter and wishes are
//! counted); evidence is exact words and synonyms in the CV's structured parts only — no compound
//! parts, typos, tags or summaries; the employer's room to adapt is unknown, and so are
//! adaptation needs; results are sorted by the number of criteria met, then id.

use super::plan::{ColumnTest, Plan, Test};
use crate::index::Source;
use crate::model::{CriterionKind, Importance, MatchHow};

/// How the baseline treats wishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wishes {
    /// Every criterion is required, as in NAV's search filters.
    Required,
    /// Must-haves filter; wishes are counted for the order ("most criteria met").
    Counted,
}

/// The baseline version of `plan`.
pub fn filter_only(plan: &Plan, wishes: Wishes) -> Plan {
    let mut baseline = plan.clone();
    baseline.binary = true;
    // NAV's search knows no adaptation needs and does not rank by distance.
    let kept = |criterion: &super::Planned| {
        criterion.kind != CriterionKind::Demand
            && !(criterion.implied && criterion.importance == Importance::Adjustable)
    };
    baseline.criteria = plan.criteria.iter().filter(|criterion| kept(criterion)).cloned().collect();
    for criterion in &mut baseline.criteria {
        let was_must = criterion.importance == Importance::Must || criterion.waiver.is_some();
        criterion.importance =
            if was_must || wishes == Wishes::Required { Importance::Must } else { Importance::Adjustable };
        criterion.waiver = None;
        criterion.weight = 1.0;
        match &mut criterion.test {
            Test::Terms(test) => {
                test.alternatives.retain(|alternative| {
                    alternative.field.source() == Source::Cv
                        && matches!(alternative.how, MatchHow::Exact | MatchHow::Synonym)
                });
                test.typo_seeds.clear();
            }
            Test::Column(ColumnTest::Extent { adaptable_min, .. }) => *adaptable_min = None,
            Test::Column(ColumnTest::StartDate { latest, .. }) => *latest = None,
            Test::Column(ColumnTest::Distance { .. }) | Test::Demand(_) => {}
        }
    }
    baseline
}
