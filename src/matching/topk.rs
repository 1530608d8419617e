//! The best k scored candidates: higher score first, equal scores in id order, so the same input
//! always gives the same list.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicU32, Ordering as Atomic};

/// A lower bound on the k-th best score, shared by the threads scoring one shortlist: a candidate
/// whose score cannot reach it need not be scored.
#[derive(Debug, Default)]
pub struct Threshold(AtomicU32);

impl Threshold {
    /// The bound; 0 until some thread has k candidates.
    pub fn get(&self) -> f32 {
        f32::from_bits(self.0.load(Atomic::Relaxed))
    }

    /// Raises the bound to `score` if that is higher. Scores are never negative, and the bits of
    /// non-negative floats order as the floats do.
    pub fn raise(&self, score: f32) {
        if score > 0.0 {
            self.0.fetch_max(score.to_bits(), Atomic::Relaxed);
        }
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

    /// The k-th best score so far, once there are k.
    pub fn kth_score(&self) -> Option<f32> {
        self.kth().map(|kth| kth.score)
    }

    /// What it kept, best first.
    pub fn into_sorted(self) -> Vec<Scored<'a>> {
        let mut kept: Vec<Scored> = self.heap.into_iter().map(|worst| worst.0).collect();
        kept.sort_by(Scored::rank_order);
        kept
    }
}

/// The best `k` of `entries`, best first.
pub fn best<'a>(entries: impl IntoIterator<Item = Scored<'a>>, k: usize) -> Vec<Scored<'a>> {
    let mut top = TopK::new(k);
    entries.into_iter().for_each(|entry| top.offer(entry));
    top.into_sorted()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_best_with_ties_in_id_order() {
        let entries = [(0.5, "K3"), (0.9, "K9"), (0.5, "K1"), (0.7, "K2"), (0.5, "K2")];
        let scored = entries.iter().enumerate().map(|(doc, &(score, id))| Scored { score, id, doc: doc as u32 });
        let kept: Vec<(f32, &str)> = best(scored, 3).iter().map(|s| (s.score, s.id)).collect();
        assert_eq!(kept, [(0.9, "K9"), (0.7, "K2"), (0.5, "K1")]);
        assert!(best(std::iter::empty(), 0).is_empty());
    }

    #[test]
    fn threshold_only_rises() {
        let threshold = Threshold::default();
        assert_eq!(threshold.get(), 0.0);
        threshold.raise(0.4);
        threshold.raise(0.2);
        assert_eq!(threshold.get(), 0.4);
    }
}
