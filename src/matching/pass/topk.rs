//! The best k scored candidates: higher score first, equal scores in id order, so the same input
//! always gives the same list; and the bar a candidate must beat to join them.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicU64, Ordering as Atomic};

/// A lower bound on the k-th best (score, id) of a shortlist, shared by the threads scoring one
/// segment: a candidate that cannot beat it need not be scored.
///
/// Ids are compared by their rank in the segment's id column, which orders as the ids do; ranks
/// of two segments do not compare, so [`SharedBar::next_segment`] keeps only the score.
#[derive(Debug, Default)]
pub struct SharedBar(AtomicU64);

/// A k-th best (score, id rank) that a candidate must beat to make a list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub score: f32,
    /// `u32::MAX`: an equal score with any id may still make it.
    pub rank: u32,
}

impl Bar {
    /// Whether a candidate whose score is at most `most` and whose id ranks `rank` may beat it.
    pub fn admits(&self, most: f32, rank: u32) -> bool {
        most > self.score || (most == self.score && rank < self.rank)
    }

    /// Scores are never negative, and the bits of non-negative floats order as the floats do:
    /// packed, a better bar is a larger number.
    fn packed(self) -> u64 {
        (u64::from(self.score.to_bits()) << 32) | u64::from(u32::MAX - self.rank)
    }

    fn unpacked(packed: u64) -> Bar {
        Bar { score: f32::from_bits((packed >> 32) as u32), rank: u32::MAX - packed as u32 }
    }

    /// Whether this bar is higher than `other`.
    pub fn above(&self, other: &Bar) -> bool {
        self.packed() > other.packed()
    }
}

impl SharedBar {
    /// The bar; score 0 and any id until some thread has k candidates.
    pub fn get(&self) -> Bar {
        Bar::unpacked(self.0.load(Atomic::Relaxed))
    }

    /// Raises the bar to `bar` if that is higher.
    pub fn raise(&self, bar: Bar) {
        self.0.fetch_max(bar.packed(), Atomic::Relaxed);
    }

    /// Before a pass over another segment: its id ranks do not compare with this one's, so an
    /// equal score with any id may make it there.
    pub fn next_segment(&self) {
        let score = self.get().score;
        self.0.store(Bar { score, rank: u32::MAX }.packed(), Atomic::Relaxed);
    }
}

/// A scored document of one segment.
#[derive(Debug, Clone, Copy)]
pub struct Scored<'a> {
    pub score: f32,
    pub id: &'a str,
    pub doc: u32,
}

impl Scored<'_> {
    /// Best first: higher score, then lower id.
    pub fn rank_order(&self, other: &Self) -> Ordering {
        other.score.total_cmp(&self.score).then_with(|| self.id.cmp(other.id))
    }
}

/// Worse entries are greater, so the heap's top is the one to drop next.
struct Worst<'a>(Scored<'a>);

impl PartialEq for Worst<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Worst<'_> {}
impl PartialOrd for Worst<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Worst<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.rank_order(&other.0)
    }
}

/// Keeps the best `k` of what it is offered.
pub struct TopK<'a> {
    k: usize,
    heap: BinaryHeap<Worst<'a>>,
}

impl<'a> TopK<'a> {
    pub fn new(k: usize) -> Self {
        TopK { k, heap: BinaryHeap::with_capacity(k.min(1024) + 1) }
    }

    /// Whether it keeps anything at all.
    pub fn wants_any(&self) -> bool {
        self.k > 0
    }

    pub fn offer(&mut self, entry: Scored<'a>) {
        if self.heap.len() < self.k {
            self.heap.push(Worst(entry));
        } else if self.heap.peek().is_some_and(|worst| entry.rank_order(&worst.0) == Ordering::Less) {
            self.heap.pop();
            self.heap.push(Worst(entry));
        }
    }

    /// The k-th best so far, once there are k.
    pub fn kth(&self) -> Option<Scored<'a>> {
        (self.heap.len() == self.k).then(|| self.heap.peek().map(|worst| worst.0)).flatten()
    }

    /// What it kept, best first.
    pub fn into_sorted(self) -> Vec<Scored<'a>> {
        let mut kept: Vec<Scored> = self.heap.into_iter().map(|worst| worst.0).collect();
        kept.sort_by(Scored::rank_order);
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_best_with_ties_in_id_order() {
        let entries = [(0.5, "K3"), (0.9, "K9"), (0.5, "K1"), (0.7, "K2"), (0.5, "K2")];
        let scored = entries.iter().enumerate().map(|(doc, &(score, id))| Scored { score, id, doc: doc as u32 });
        let mut top = TopK::new(3);
        scored.for_each(|entry| top.offer(entry));
        let kept: Vec<(f32, &str)> = top.into_sorted().iter().map(|s| (s.score, s.id)).collect();
        assert_eq!(kept, [(0.9, "K9"), (0.7, "K2"), (0.5, "K1")]);
        let mut none = TopK::new(0);
        none.offer(Scored { score: 1.0, id: "K1", doc: 0 });
        assert!(!none.wants_any() && none.into_sorted().is_empty());
    }

    #[test]
    fn shared_bar_only_rises_and_ties_go_to_the_lower_id() {
        let shared = SharedBar::default();
        assert_eq!(shared.get(), Bar { score: 0.0, rank: u32::MAX });
        assert!(shared.get().admits(0.0, 7), "before anything is kept, anyone may make it");
        shared.raise(Bar { score: 0.4, rank: 9 });
        shared.raise(Bar { score: 0.2, rank: 1 });
        shared.raise(Bar { score: 0.4, rank: 12 });
        let bar = shared.get();
        assert_eq!(bar, Bar { score: 0.4, rank: 9 });
        assert!(bar.admits(0.5, 100) && bar.admits(0.4, 8));
        assert!(!bar.admits(0.4, 9) && !bar.admits(0.4, 10) && !bar.admits(0.39, 0));
        shared.raise(Bar { score: 0.4, rank: 3 });
        assert_eq!(shared.get().rank, 3, "an equal score with a lower id is a higher bar");
        shared.next_segment();
        assert_eq!(shared.get(), Bar { score: 0.4, rank: u32::MAX });
        assert!(shared.get().admits(0.4, 100), "another segment's ids may tie");
    }
}
