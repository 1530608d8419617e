//! Must-have algebra over one segment: who meets every must-have, who fails exactly one, and how
//! many fail only each one (what relaxing it would add).
//!
//! Word operations over every document, a must-have at a time (which vectorises). The answer
//! depends only on the must-have sets and the segment's eligible documents, so it is kept with
//! those ([`Eligible`]) for the next search with the same must-haves: a need asked again, relaxed
//! on the web page, or another need that shares its must-haves.

use std::hash::{Hash, Hasher};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use super::scan::CHUNK_WORDS;
use crate::bitset::DocBits;
use crate::index::Eligible;

/// The must-have algebra of one segment for one set of must-haves.
pub struct MustAlgebra {
    /// The must-have sets it was worked out from (`None`: everyone meets it). Held, so that no
    /// other set can take their addresses while this is kept, and a hit is checked by address.
    sets: Vec<Option<Arc<DocBits>>>,
    /// Eligible documents that meet every must-have, a bit per document.
    pub qualified: Vec<u64>,
    pub qualified_count: usize,
    /// Worked out the first time near misses or relaxation counts are wanted.
    misses: OnceLock<Misses>,
}

/// Who fails exactly one must-have.
pub struct Misses {
    /// Eligible documents that fail exactly one must-have.
    pub exactly_one: Vec<u64>,
    /// Per must-have (in plan order), how many fail only it.
    pub only_failed: Vec<usize>,
}

impl MustAlgebra {
    /// The algebra of `sets` over `eligible`, from the cache when a search has worked it out.
    pub fn of(eligible: &Eligible, sets: &[Option<Arc<DocBits>>]) -> Arc<MustAlgebra> {
        let mut hasher = rustc_hash::FxHasher::default();
        for set in sets {
            set.as_ref().map_or(0, |set| Arc::as_ptr(set) as usize).hash(&mut hasher);
        }
        let key = hasher.finish();
        let same = |kept: &MustAlgebra| {
            kept.sets.len() == sets.len()
                && kept.sets.iter().zip(sets).all(|(a, b)| match (a, b) {
                    (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                    (None, None) => true,
                    _ => false,
                })
        };
        if let Some(kept) = eligible.derived.get::<MustAlgebra>(key).filter(|kept| same(kept)) {
            return kept;
        }
        let mut qualified = eligible.bits.words().to_vec();
        qualified.par_chunks_mut(CHUNK_WORDS).enumerate().for_each(|(chunk, words)| {
            let start = chunk * CHUNK_WORDS;
            for set in sets.iter().flatten() {
                words.iter_mut().zip(&set.words()[start..]).for_each(|(word, pass)| *word &= pass);
            }
        });
        let qualified_count = qualified.iter().map(|word| word.count_ones() as usize).sum();
        let algebra =
            Arc::new(MustAlgebra { sets: sets.to_vec(), qualified, qualified_count, misses: OnceLock::new() });
        eligible.derived.keep(key, algebra.clone());
        algebra
    }

    /// Who fails exactly one must-have, and how many fail only each.
    pub fn misses(&self, eligible: &Eligible) -> &Misses {
        self.misses.get_or_init(|| {
            let eligible = eligible.bits.words();
            let mut exactly_one = vec![0u64; eligible.len()];
            // Failures counted in two bit planes: failed once, failed at least twice.
            exactly_one.par_chunks_mut(CHUNK_WORDS).enumerate().for_each(|(chunk, once)| {
                let start = chunk * CHUNK_WORDS;
                let mut twice = vec![0u64; once.len()];
                for set in self.sets.iter().flatten() {
                    let chunk = eligible[start..].iter().zip(&set.words()[start..]);
                    for ((once, twice), (eligible, pass)) in once.iter_mut().zip(twice.iter_mut()).zip(chunk) {
                        let failed = eligible & !pass;
                        *twice |= *once & failed;
                        *once |= failed;
                    }
                }
                once.iter_mut().zip(&twice).for_each(|(once, twice)| *once &= !twice);
            });
            let only_failed = self
                .sets
                .iter()
                .map(|set| match set {
                    Some(set) => {
                        exactly_one.iter().zip(set.words()).map(|(one, pass)| (one & !pass).count_ones() as usize).sum()
                    }
                    None => 0,
                })
                .collect();
            Misses { exactly_one, only_failed }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(len: u32, docs: &[u32]) -> Arc<DocBits> {
        let mut bits = DocBits::empty(len);
        docs.iter().for_each(|&doc| bits.insert(doc));
        Arc::new(bits)
    }

    #[test]
    fn counts_who_meets_all_and_who_fails_only_one() {
        // 200 documents, two must-haves; document 7 is not eligible.
        let mut all = DocBits::full(200);
        all.remove(7);
        let eligible = Eligible::new(all);
        let first = bits(200, &(0..100).collect::<Vec<_>>());
        let second = bits(200, &(50..150).collect::<Vec<_>>());
        let algebra = MustAlgebra::of(&eligible, &[Some(first.clone()), None, Some(second.clone())]);
        // Both: 50..100. Only the first: 0..50 less 7 (fails the second only). Only the second: 100..150.
        assert_eq!(algebra.qualified_count, 50);
        let misses = algebra.misses(&eligible);
        assert_eq!(misses.only_failed, vec![50, 0, 49]);
        let exactly_one: usize = misses.exactly_one.iter().map(|w| w.count_ones() as usize).sum();
        assert_eq!(exactly_one, 99, "150..200 fail both, 7 is not eligible");

        // Asked again with the same sets: the kept algebra; with another set: worked out anew.
        let again = MustAlgebra::of(&eligible, &[Some(first.clone()), None, Some(second)]);
        assert!(Arc::ptr_eq(&algebra, &again));
        let other = MustAlgebra::of(&eligible, &[Some(first), None, Some(bits(200, &[60]))]);
        assert!(!Arc::ptr_eq(&algebra, &other));
        assert_eq!(other.qualified_count, 1);
    }
}
