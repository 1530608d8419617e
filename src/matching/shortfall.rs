//! Near misses graded by how near they are. Of those who fail only one must-have, who falls short
//! by a narrow gap (a few km, one language level, a licence class or trade rung below, some of
//! the years, a little fewer hours, a couple of weeks later), who by a wide one (the thing is
//! missing, or further out), and who is no near miss at all: far beyond any reasonable gap, or
//! failing a demand of the job, which would tie them to an adaptation need.
//!
//! The pass seeks near misses among the narrow first and the wide only when they are too few
//! ([`super::merge`]). Who is in which group depends only on the must-have sets (which name the
//! tests they come from), so the groups are kept beside the must-have algebra for the next search.

use std::sync::Arc;

use rayon::prelude::*;

use super::algebra::{Misses, MustAlgebra};
use super::constraints;
use super::evaluation::SegmentEvaluation;
use super::evidence::{Strength, Support};
use super::plan::Test;
use super::position::{MustAt, Table};
use super::retrieve::{Found, column_facts};
use crate::bitset::{BitIter, DocBits, DocSet, SparseBits};
use crate::model::Gap;

/// Words (of 64 documents) per parallel task when column tests are read.
const CHUNK_WORDS: usize = 1024;

/// Sets with non-empty words in fewer than one in this many are kept sparse.
const SPARSE_ONE_IN: usize = 8;

/// Added to the must-have algebra's key to keep the gaps under their own.
const KEY_SALT: u64 = 0x5DEE_CE66_D1CE_4E5B;

/// One segment's near misses by the width of their gap.
pub struct Gaps {
    /// The algebra these were worked out from (held, so a kept value is checked by address).
    algebra: Arc<MustAlgebra>,
    groups: [GapGroup; 2],
}

/// Those whose gap is of one width.
pub struct GapGroup {
    /// A bit per document that fails exactly one must-have by a gap of this width.
    pub exactly_one: Vec<u64>,
    /// Per must-have, who fails only it by such a gap (`None`: nobody).
    pub only: Table<MustAt, Option<DocSet>>,
}

impl Gaps {
    /// The gaps of `e`'s near misses, whose algebra is `algebra` (and its `misses`): kept by the
    /// segment's eligible documents for the next search with the same must-haves.
    pub fn of(e: &SegmentEvaluation, algebra: &Arc<MustAlgebra>, misses: &Misses) -> Arc<Gaps> {
        let key = algebra.key.wrapping_add(KEY_SALT);
        let derived = &e.eligible().derived;
        if let Some(kept) = derived.get::<Gaps>(key).filter(|kept| Arc::ptr_eq(&kept.algebra, algebra)) {
            return kept;
        }
        let len = e.eligible().bits.universe();
        let words = e.eligible().bits.words().len();
        let mut narrow: Table<MustAt, Option<DocSet>> = Table::filled(None, misses.only.len());
        let mut wide: Table<MustAt, Option<DocSet>> = Table::filled(None, misses.only.len());
        for (must, only) in misses.only.enumerate() {
            let Some(only) = only else { continue };
            let (n, w) = split(e, must, only, words);
            narrow[must] = set_of(n, len);
            wide[must] = set_of(w, len);
        }
        let gaps = Arc::new(Gaps { algebra: algebra.clone(), groups: [group(narrow, words), group(wide, words)] });
        derived.keep(key, gaps.clone());
        gaps
    }

    /// Those whose gap is `gap` wide.
    pub fn group(&self, gap: Gap) -> &GapGroup {
        &self.groups[gap as usize]
    }
}

/// The gap `doc`, who fails only must-have `must`, falls short of it by; `None`: not a near miss.
pub fn gap_of(e: &SegmentEvaluation, must: MustAt, doc: u32) -> Option<Gap> {
    let at = e.musts[must];
    match &e.plan().criteria[at].test {
        Test::Demand(_) => None,
        Test::Column(test) => constraints::shortfall(test, &column_facts(e.columns(), doc, test)).map(|(gap, _)| gap),
        // A language one level below, fewer years, a licence class or trade rung below.
        Test::Terms(_) if e.outcome(at, doc).support == Support::whole(Strength::Partial) => Some(Gap::Narrow),
        Test::Terms(_) => Some(Gap::Wide),
    }
}

/// Those of `only` (who fail only `must`) whose gap is narrow, and those whose gap is wide, as
/// words of the segment.
fn split(e: &SegmentEvaluation, must: MustAt, only: &DocSet, words: usize) -> (Vec<u64>, Vec<u64>) {
    let at = e.musts[must];
    let all = || {
        let mut bits = vec![0u64; words];
        only.and_nonzero_words(&vec![u64::MAX; words], 0, |index, word| bits[index] = word);
        bits
    };
    match &e.plan().criteria[at].test {
        Test::Demand(_) => (vec![0; words], vec![0; words]),
        Test::Column(_) => {
            // Read from the columns, a chunk of words at a time in parallel.
            let all = all();
            let mut narrow = vec![0u64; words];
            let mut wide = vec![0u64; words];
            narrow.par_chunks_mut(CHUNK_WORDS).zip(wide.par_chunks_mut(CHUNK_WORDS)).enumerate().for_each(
                |(chunk, (narrow, wide))| {
                    let start = chunk * CHUNK_WORDS;
                    for (offset, &word) in all[start..start + narrow.len()].iter().enumerate() {
                        for bit in BitIter(word) {
                            let doc = ((start + offset) * 64) as u32 + bit;
                            match gap_of(e, must, doc) {
                                Some(Gap::Narrow) => narrow[offset] |= 1 << bit,
                                Some(Gap::Wide) => wide[offset] |= 1 << bit,
                                None => {}
                            }
                        }
                    }
                },
            );
            (narrow, wide)
        }
        Test::Terms(_) => {
            // Only those with some evidence at partial or above can be a step short; the rest
            // lack the thing.
            let mut wide = all();
            let mut narrow = vec![0u64; words];
            let Found::Terms(findings) = &e.retrieved.found[at] else { return (narrow, wide) };
            let partial = Support::whole(Strength::Partial);
            let Some((_, some)) = findings.at_least.iter().rev().find(|(support, _)| *support >= partial) else {
                return (narrow, wide);
            };
            for doc in only.intersection(some).docs() {
                if gap_of(e, must, doc) == Some(Gap::Narrow) {
                    let (index, bit) = ((doc / 64) as usize, doc % 64);
                    narrow[index] |= 1 << bit;
                    wide[index] &= !(1 << bit);
                }
            }
            (narrow, wide)
        }
    }
}

/// A group from its per-must-have sets: who fails exactly one must-have by such a gap.
fn group(only: Table<MustAt, Option<DocSet>>, words: usize) -> GapGroup {
    let mut exactly_one = vec![0u64; words];
    for set in only.iter().flatten() {
        set.and_nonzero_words(&vec![u64::MAX; words], 0, |index, word| exactly_one[index] |= word);
    }
    GapGroup { exactly_one, only }
}

/// `words` as a set (`None` when empty), sparse when few words are used.
fn set_of(words: Vec<u64>, len: u32) -> Option<DocSet> {
    let used = words.iter().filter(|&&word| word != 0).count();
    if used == 0 {
        None
    } else if used * SPARSE_ONE_IN < words.len() {
        Some(DocSet::Sparse(Arc::new(SparseBits::from_words(&words))))
    } else {
        Some(DocSet::Dense(Arc::new(DocBits::from_words(words, len))))
    }
}
