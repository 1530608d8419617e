//! Must-have algebra over one segment: who meets every must-have, who fails exactly one, and who
//! fails only each one (the near misses a must-have has; how many is what relaxing it would add).
//!
//! Word operations over every document, a must-have at a time (which vectorises). The answer
//! depends only on the must-have sets and the segment's eligible documents, so it is kept with
//! those ([`Eligible`]) for the next search with the same must-haves: a need asked again, relaxed
//! on the web page, or another need that shares its must-haves.

use std::hash::{Hash, Hasher};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use super::position::{MustAt, Table};
use crate::bitset::{DocBits, DocSet, SparseBits};
use crate::index::Eligible;

/// Words (of 64 documents) per parallel task: 65,536 documents.
const CHUNK_WORDS: usize = 1024;

/// The must-have algebra of one segment for one set of must-haves.
pub struct MustAlgebra {
    /// The must-have sets it was worked out from (`None`: everyone meets it). Held, so that no
    /// other set can take their addresses while this is kept, and a hit is checked by address.
    sets: Table<MustAt, Option<Arc<DocBits>>>,
    /// The hash of the sets' addresses it is kept under: what is derived from it can be kept by
    /// the same sets (see [`super::shortfall`]).
    pub key: u64,
    /// Eligible documents that meet every must-have, a bit per document.
    pub qualified: Vec<u64>,
    pub qualified_count: usize,
    /// Worked out the first time near misses or relaxation counts are wanted.
    misses: OnceLock<Misses>,
}

/// Who fails exactly one must-have.
pub struct Misses {
    /// Per must-have, who fails only it (`None`: nobody), and how many.
    pub only: Table<MustAt, Option<DocSet>>,
    pub only_failed: Table<MustAt, usize>,
}

/// Sets with non-empty words in fewer than one in this many are kept sparse.
const SPARSE_ONE_IN: usize = 8;

impl MustAlgebra {
    /// The algebra of `sets` over `eligible`, from the cache when a search has worked it out.
    pub fn of(eligible: &Eligible, sets: &Table<MustAt, Option<Arc<DocBits>>>) -> Arc<MustAlgebra> {
        let mut hasher = rustc_hash::FxHasher::default();
        for set in sets {
            set.as_ref().map_or(0, |set| Arc::as_ptr(set) as usize).hash(&mut hasher);
        }
        let key = hasher.finish();
        let same = |kept: &MustAlgebra| {
            kept.sets.len() == sets.len()
                && kept.sets.iter().zip(sets.iter()).all(|(a, b)| match (a, b) {
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
            Arc::new(MustAlgebra { sets: sets.clone(), key, qualified, qualified_count, misses: OnceLock::new() });
        eligible.derived.keep(key, algebra.clone());
        algebra
    }

    /// Who fails exactly one must-have, and how many fail only each.
    pub fn misses(&self, eligible: &Eligible) -> &Misses {
        // Worked out before taking the cell, never inside it: the work is parallel, and a rayon
        // thread waiting for its parts may meanwhile run another shortlist that asks for the same
        // cell, which would then wait for itself for ever. Two that race both work it out; the
        // first to finish is kept.
        if let Some(misses) = self.misses.get() {
            return misses;
        }
        let misses = self.work_out_misses(eligible);
        self.misses.get_or_init(|| misses)
    }

    /// Who fails exactly one must-have (two bit planes: failed once, failed at least twice), and
    /// how many fail only each.
    fn work_out_misses(&self, eligible: &Eligible) -> Misses {
        let eligible = eligible.bits.words();
        let mut exactly_one = vec![0u64; eligible.len()];
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
        let only: Table<MustAt, Option<DocSet>> = self.sets.map(|set| {
            let set = set.as_ref()?;
            let words: Vec<u64> = exactly_one.iter().zip(set.words()).map(|(one, pass)| one & !pass).collect();
            let used = words.iter().filter(|&&word| word != 0).count();
            Some(if used * SPARSE_ONE_IN < words.len() {
                DocSet::Sparse(Arc::new(SparseBits::from_words(&words)))
            } else {
                DocSet::Dense(Arc::new(DocBits::from_words(words, set.universe())))
            })
        });
        let only_failed = only.map(|set| set.as_ref().map_or(0, DocSet::count));
        Misses { only, only_failed }
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
        let algebra = MustAlgebra::of(&eligible, &Table::from(vec![Some(first.clone()), None, Some(second.clone())]));
        // Both: 50..100. Only the first: 0..50 less 7 (fails the second only). Only the second: 100..150.
        assert_eq!(algebra.qualified_count, 50);
        let misses = algebra.misses(&eligible);
        assert_eq!(misses.only_failed.as_slice(), [50, 0, 49]);
        let only: Vec<Option<Vec<u32>>> = misses.only.iter().map(|set| set.as_ref().map(DocSet::docs)).collect();
        let first_only: Vec<u32> = (0..50).filter(|&doc| doc != 7).collect();
        assert_eq!(only, [Some((100..150).collect()), None, Some(first_only)]);
        let exactly_one: usize = misses.only_failed.iter().sum();
        assert_eq!(exactly_one, 99, "150..200 fail both, 7 is not eligible");

        // Asked again with the same sets: the kept algebra; with another set: worked out anew.
        let again = MustAlgebra::of(&eligible, &Table::from(vec![Some(first.clone()), None, Some(second)]));
        assert!(Arc::ptr_eq(&algebra, &again));
        let other = MustAlgebra::of(&eligible, &Table::from(vec![Some(first), None, Some(bits(200, &[60]))]));
        assert!(!Arc::ptr_eq(&algebra, &other));
        assert_eq!(other.qualified_count, 1);
    }

    #[test]
    fn many_concurrent_askers_of_the_same_misses_do_not_wait_for_themselves() {
        // Large enough to be worked out in parallel parts, and asked by many shortlists at once,
        // each spawned on rayon as the service does. A rayon thread waiting for its parts runs
        // other spawned work meanwhile: were the misses worked out inside the cell's lock, that
        // thread could run another asker and wait for itself for ever.
        let len = 2_000_000;
        let eligible = Arc::new(Eligible::new(DocBits::full(len)));
        let half = bits(len, &(0..len).step_by(2).collect::<Vec<_>>());
        let third = bits(len, &(0..len).step_by(3).collect::<Vec<_>>());
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().expect("pool");
        let (answer, answers) = std::sync::mpsc::channel();
        let mut expected = Vec::new();
        for round in 0..8 {
            // Each round's third must-have is met by one document only: a new algebra each round,
            // whose misses are worked out anew.
            let sets = Table::from(vec![Some(half.clone()), Some(third.clone()), Some(bits(len, &[round]))]);
            let algebra = MustAlgebra::of(&eligible, &sets);
            expected.push(algebra.work_out_misses(&eligible).only_failed);
            for _ in 0..32 {
                let (algebra, eligible, answer) = (algebra.clone(), eligible.clone(), answer.clone());
                pool.spawn(move || {
                    let _ = answer.send((round, algebra.misses(&eligible).only_failed.clone()));
                });
            }
        }
        for _ in 0..256 {
            let (round, counts) =
                answers.recv_timeout(std::time::Duration::from_secs(60)).expect("every asker is answered");
            assert_eq!(counts, expected[round as usize]);
        }
    }
}
