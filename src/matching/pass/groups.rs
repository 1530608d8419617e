//! What a pass is asked for, and who it looks at: a bit per document for those who meet every
//! must-have, and (when near misses are wanted) for those who fail exactly one by a gap of the
//! width sought, by the one they fail.

use super::super::position::{MustAt, Table};
use super::super::shortfall::GapGroup;
use crate::bitset::DocSet;

/// The groups of one segment's candidates a pass scores, from the must-have algebra.
pub(super) struct Groups<'p> {
    pub qualified: &'p [u64],
    pub exactly_one: Option<&'p [u64]>,
    /// Per must-have, who fails only it (`None`: nobody; empty when near misses are not sought).
    pub only: Table<MustAt, Option<&'p DocSet>>,
}

impl<'p> Groups<'p> {
    pub fn of(qualified: &'p [u64], near: Option<&'p GapGroup>) -> Groups<'p> {
        Groups {
            qualified,
            exactly_one: near.map(|near| near.exactly_one.as_slice()),
            only: near.map_or_else(Table::new, |near| near.only.map(|only| only.as_ref())),
        }
    }
}

/// What a shortlist asks of the pass.
#[derive(Debug, Clone, Copy)]
pub struct PassRequest {
    /// How many candidates to list.
    pub top: usize,
    /// How many near misses to list.
    pub near_misses: usize,
    /// Whether to count, per must-have, those who fail only it.
    pub relaxation: bool,
}
