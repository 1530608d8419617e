//! A fixed-size set of document ids in one segment, with the word-level operations that make
//! must-have filtering, near misses and relaxation counts cheap.

/// Documents `0..len` as bits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocBits {
    words: Vec<u64>,
    len: u32,
}

impl DocBits {
    /// No document.
    pub fn empty(len: u32) -> Self {
        DocBits { words: vec![0; (len as usize).div_ceil(64)], len }
    }

    /// Every document.
    pub fn full(len: u32) -> Self {
        let mut bits = DocBits { words: vec![u64::MAX; (len as usize).div_ceil(64)], len };
        bits.clear_tail();
        bits
    }

    /// Number of documents the set ranges over.
    pub fn universe(&self) -> u32 {
        self.len
    }

    pub fn insert(&mut self, doc: u32) {
        debug_assert!(doc < self.len);
        self.words[(doc / 64) as usize] |= 1 << (doc % 64);
    }

    pub fn remove(&mut self, doc: u32) {
        if doc < self.len {
            self.words[(doc / 64) as usize] &= !(1 << (doc % 64));
        }
    }

    pub fn contains(&self, doc: u32) -> bool {
        doc < self.len && self.words[(doc / 64) as usize] & (1 << (doc % 64)) != 0
    }

    /// Number of documents in the set.
    pub fn count(&self) -> usize {
        self.words.iter().map(|word| word.count_ones() as usize).sum()
    }

    /// Keeps only documents also in `other`.
    pub fn intersect_with(&mut self, other: &DocBits) {
        debug_assert_eq!(self.len, other.len);
        for (word, other) in self.words.iter_mut().zip(&other.words) {
            *word &= other;
        }
    }

    /// The documents in the set, ascending.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(index, &word)| {
            let base = index as u32 * 64;
            BitIter(word).map(move |bit| base + bit)
        })
    }

    /// The raw words, for word-at-a-time algorithms.
    pub fn words(&self) -> &[u64] {
        &self.words
    }

    /// Adds every document of `other`.
    pub fn union_with(&mut self, other: &DocSet) {
        match other {
            DocSet::Dense(bits) => {
                for (word, other) in self.words.iter_mut().zip(bits.words()) {
                    *word |= other;
                }
            }
            DocSet::Sparse(sparse) => {
                for &(index, bits) in &sparse.entries {
                    self.words[index as usize] |= bits;
                }
            }
        }
    }

    /// Builds a set from raw words (extra bits past `len` are cleared).
    pub fn from_words(words: Vec<u64>, len: u32) -> Self {
        debug_assert_eq!(words.len(), (len as usize).div_ceil(64));
        let mut bits = DocBits { words, len };
        bits.clear_tail();
        bits
    }

    fn clear_tail(&mut self) {
        let used = self.len % 64;
        if used != 0 {
            if let Some(last) = self.words.last_mut() {
                *last &= (1u64 << used) - 1;
            }
        }
    }
}

/// Documents of a rare term: only the non-empty words, by word index. A few thousand documents
/// in a segment of a million take kilobytes instead of the 125 KB of a [`DocBits`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SparseBits {
    entries: Vec<(u32, u64)>,
}

impl SparseBits {
    /// The set of `docs`, which must be ascending.
    pub fn from_sorted(docs: impl IntoIterator<Item = u32>) -> Self {
        let mut entries: Vec<(u32, u64)> = Vec::new();
        for doc in docs {
            let (index, bit) = (doc / 64, 1u64 << (doc % 64));
            match entries.last_mut() {
                Some((last, word)) if *last == index => *word |= bit,
                _ => entries.push((index, bit)),
            }
        }
        SparseBits { entries }
    }

    /// The non-empty words of `words` (a bitset's raw words).
    pub fn from_words(words: &[u64]) -> Self {
        let mut entries = Vec::new();
        nonzero_words(words, 0, |index, word| entries.push((index as u32, word)));
        SparseBits { entries }
    }

    /// The non-empty words from index `start` up to `end`, by word index.
    pub fn entries_between(&self, start: u32, end: u32) -> &[(u32, u64)] {
        let from = self.entries.partition_point(|&(at, _)| at < start);
        let to = from + self.entries[from..].partition_point(|&(at, _)| at < end);
        &self.entries[from..to]
    }

    /// The word at `index` (0 when empty).
    pub fn word(&self, index: u32) -> u64 {
        match self.entries.binary_search_by_key(&index, |&(i, _)| i) {
            Ok(found) => self.entries[found].1,
            Err(_) => 0,
        }
    }

    /// Number of documents in the set.
    pub fn count(&self) -> usize {
        self.entries.iter().map(|(_, word)| word.count_ones() as usize).sum()
    }
}

/// A set of documents in the representation that suits its size.
#[derive(Debug, Clone)]
pub enum DocSet {
    Dense(std::sync::Arc<DocBits>),
    Sparse(std::sync::Arc<SparseBits>),
}

impl DocSet {
    pub fn contains(&self, doc: u32) -> bool {
        self.word(doc / 64) & (1 << (doc % 64)) != 0
    }

    /// The word at `index`, for random access.
    pub fn word(&self, index: u32) -> u64 {
        match self {
            DocSet::Dense(bits) => bits.words.get(index as usize).copied().unwrap_or(0),
            DocSet::Sparse(sparse) => sparse.word(index),
        }
    }

    /// The word at `index` for callers that visit words in ascending order, keeping their place in
    /// `cursor` (start it at [`DocSet::cursor_at`]).
    #[inline]
    pub fn word_ascending(&self, index: u32, cursor: &mut usize) -> u64 {
        match self {
            DocSet::Dense(bits) => bits.words[index as usize],
            DocSet::Sparse(sparse) => {
                let entries = &sparse.entries;
                while *cursor < entries.len() && entries[*cursor].0 < index {
                    *cursor += 1;
                }
                match entries.get(*cursor) {
                    Some(&(at, word)) if at == index => word,
                    _ => 0,
                }
            }
        }
    }

    /// Keeps in `words` (the words from `start` on) only the documents in the set.
    pub fn and_into(&self, words: &mut [u64], start: usize) {
        match self {
            DocSet::Dense(bits) => {
                words.iter_mut().zip(&bits.words[start..]).for_each(|(word, other)| *word &= other);
            }
            DocSet::Sparse(sparse) => {
                let end = start + words.len();
                let mut entries = sparse.entries[self.cursor_at(start as u32)..].iter().peekable();
                for (index, word) in (start..end).zip(words.iter_mut()) {
                    while entries.next_if(|&&(at, _)| (at as usize) < index).is_some() {}
                    *word &= match entries.peek() {
                        Some(&&(at, other)) if at as usize == index => other,
                        _ => 0,
                    };
                }
            }
        }
    }

    /// Puts in `out` (cleared first) `words` (the words from `start` on) and the set: one pass
    /// where a copy and [`DocSet::and_into`] would take two.
    pub fn and_from(&self, words: &[u64], start: usize, out: &mut Vec<u64>) {
        out.clear();
        match self {
            DocSet::Dense(bits) => out.extend(words.iter().zip(&bits.words[start..]).map(|(word, other)| word & other)),
            DocSet::Sparse(_) => {
                out.extend_from_slice(words);
                self.and_into(out, start);
            }
        }
    }

    /// Calls `each` with the index (counted from `start`) and value of every non-empty word of
    /// `words` and the set, ascending: [`nonzero_words`] of their intersection, without writing it.
    pub fn and_nonzero_words(&self, words: &[u64], start: usize, mut each: impl FnMut(usize, u64)) {
        match self {
            DocSet::Dense(bits) => {
                let groups = words.chunks(8).zip(bits.words[start..].chunks(8));
                for (group, (eight, others)) in groups.enumerate() {
                    if eight.iter().zip(others).fold(0, |any, (word, other)| any | (word & other)) == 0 {
                        continue;
                    }
                    for (offset, (word, other)) in eight.iter().zip(others).enumerate() {
                        if word & other != 0 {
                            each(start + group * 8 + offset, word & other);
                        }
                    }
                }
            }
            DocSet::Sparse(sparse) => {
                for &(index, other) in sparse.entries_between(start as u32, (start + words.len()) as u32) {
                    let both = words[index as usize - start] & other;
                    if both != 0 {
                        each(index as usize, both);
                    }
                }
            }
        }
    }

    /// A cursor for [`DocSet::word_ascending`] starting at word `index`.
    pub fn cursor_at(&self, index: u32) -> usize {
        match self {
            DocSet::Dense(_) => 0,
            DocSet::Sparse(sparse) => sparse.entries.partition_point(|&(at, _)| at < index),
        }
    }

    /// Documents in both sets.
    pub fn intersection(&self, other: &DocSet) -> DocSet {
        match (self, other) {
            (DocSet::Dense(a), DocSet::Dense(b)) => {
                let mut both = DocBits::clone(a);
                both.intersect_with(b);
                DocSet::Dense(std::sync::Arc::new(both))
            }
            (DocSet::Sparse(sparse), other) | (other, DocSet::Sparse(sparse)) => {
                let entries = sparse
                    .entries
                    .iter()
                    .map(|&(index, word)| (index, word & other.word(index)))
                    .filter(|&(_, word)| word != 0)
                    .collect();
                DocSet::Sparse(std::sync::Arc::new(SparseBits { entries }))
            }
        }
    }

    /// Documents in any of `sets`, in a segment of `len` documents: a bitset if any of them is
    /// one, else a sparse set.
    pub fn union(sets: &[&DocSet], len: u32) -> DocSet {
        if let [only] = sets {
            return DocSet::clone(only);
        }
        if sets.iter().any(|set| matches!(set, DocSet::Dense(_))) {
            let mut bits = DocBits::empty(len);
            sets.iter().for_each(|set| bits.union_with(set));
            return DocSet::Dense(std::sync::Arc::new(bits));
        }
        let mut entries: Vec<(u32, u64)> = sets
            .iter()
            .flat_map(|set| match set {
                DocSet::Sparse(sparse) => sparse.entries.iter().copied(),
                DocSet::Dense(_) => [].iter().copied(),
            })
            .collect();
        entries.sort_unstable_by_key(|&(index, _)| index);
        entries.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                earlier.1 |= later.1;
            }
            same
        });
        DocSet::Sparse(std::sync::Arc::new(SparseBits { entries }))
    }

    /// Memory the set holds, for cache bounds.
    pub fn heap_bytes(&self) -> usize {
        match self {
            DocSet::Dense(bits) => bits.words.len() * 8,
            DocSet::Sparse(sparse) => sparse.entries.len() * 16,
        }
    }

    /// Number of documents in the set.
    pub fn count(&self) -> usize {
        match self {
            DocSet::Dense(bits) => bits.count(),
            DocSet::Sparse(sparse) => sparse.count(),
        }
    }

    /// Whether the set is held as a bitset.
    pub fn is_dense(&self) -> bool {
        matches!(self, DocSet::Dense(_))
    }

    /// The documents in the set, ascending.
    pub fn docs(&self) -> Vec<u32> {
        match self {
            DocSet::Dense(bits) => bits.iter().collect(),
            DocSet::Sparse(sparse) => sparse
                .entries
                .iter()
                .flat_map(|&(index, word)| BitIter(word).map(move |bit| index * 64 + bit))
                .collect(),
        }
    }
}

/// Calls `each` with the index (counted from `start`) and value of every non-empty word of
/// `words`, ascending. Words are tested 8 at a time, so that a run of empty ones costs one test.
pub fn nonzero_words(words: &[u64], start: usize, mut each: impl FnMut(usize, u64)) {
    for (group, eight) in words.chunks(8).enumerate() {
        if all_empty(eight) {
            continue;
        }
        for (offset, &word) in eight.iter().enumerate().filter(|(_, word)| **word != 0) {
            each(start + group * 8 + offset, word);
        }
    }
}

/// Whether every word of `words` is empty. All are read, which vectorises.
fn all_empty(words: &[u64]) -> bool {
    words.iter().fold(0, |any, &word| any | word) == 0
}

/// The positions of the set bits of a word, lowest first.
pub struct BitIter(pub u64);

impl Iterator for BitIter {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.0 == 0 {
            return None;
        }
        let bit = self.0.trailing_zeros();
        self.0 &= self.0 - 1;
        Some(bit)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::{DocBits, DocSet, SparseBits, nonzero_words};

    #[test]
    fn insert_iterate_intersect() {
        let mut a = DocBits::empty(130);
        for doc in [0, 63, 64, 129] {
            a.insert(doc);
        }
        assert_eq!(a.iter().collect::<Vec<_>>(), [0, 63, 64, 129]);
        let mut full = DocBits::full(130);
        assert_eq!(full.count(), 130);
        full.intersect_with(&a);
        assert_eq!(full, a);
        assert!(!a.contains(130));
        a.remove(63);
        assert_eq!(a.count(), 3);
    }

    #[test]
    fn nonzero_words_are_all_found_in_order() {
        // Empty groups of 8, a lone word at a group's edges and a short last group.
        let mut words = vec![0u64; 21];
        for (index, word) in [(7, 1), (8, u64::MAX), (15, 1 << 63), (20, 5)] {
            words[index] = word;
        }
        let mut found = Vec::new();
        nonzero_words(&words, 100, |index, word| found.push((index, word)));
        assert_eq!(found, [(107, 1), (108, u64::MAX), (115, 1 << 63), (120, 5)]);
        nonzero_words(&[0; 9], 0, |index, _| panic!("word {index} is empty"));
    }

    #[test]
    fn word_operations_in_one_pass_agree_with_two() {
        // Words from 3 on: a start that is not a multiple of 8, a last group that is short.
        let words: Vec<u64> =
            (0..29u64).map(|i| if i % 3 == 0 { 0 } else { i.wrapping_mul(0x9E37_79B9_7F4A_7C15) }).collect();
        let docs: Vec<u32> = (0..32 * 64).filter(|doc| doc % 7 == 0 || doc % 64 == 5).collect();
        let mut dense = DocBits::empty(32 * 64);
        docs.iter().for_each(|&doc| dense.insert(doc));
        for set in [DocSet::Dense(Arc::new(dense)), DocSet::Sparse(Arc::new(SparseBits::from_sorted(docs.clone())))] {
            let mut expected = words.clone();
            set.and_into(&mut expected, 3);
            let mut from = vec![1, 2, 3];
            set.and_from(&words, 3, &mut from);
            assert_eq!(from, expected);
            let (mut found, mut both) = (Vec::new(), Vec::new());
            nonzero_words(&expected, 3, |index, word| both.push((index, word)));
            set.and_nonzero_words(&words, 3, |index, word| found.push((index, word)));
            assert_eq!(found, both);
            assert!(both.len() > 10, "{} words", both.len());
        }
    }

    #[test]
    fn sparse_and_dense_sets_agree() {
        let docs = [1, 2, 64, 200, 4095];
        let mut dense = DocBits::empty(4096);
        docs.iter().for_each(|&doc| dense.insert(doc));
        let sparse = DocSet::Sparse(Arc::new(SparseBits::from_sorted(docs)));
        let dense = DocSet::Dense(Arc::new(dense));
        for doc in 0..4096 {
            assert_eq!(sparse.contains(doc), dense.contains(doc), "{doc}");
        }
        assert_eq!(sparse.docs(), docs);
        let (mut a, mut b) = (sparse.cursor_at(1), dense.cursor_at(1));
        for index in 1..64 {
            assert_eq!(sparse.word_ascending(index, &mut a), dense.word_ascending(index, &mut b));
        }
        let mut few = DocBits::empty(4096);
        few.insert(64);
        few.insert(7);
        let both = sparse.intersection(&DocSet::Dense(Arc::new(few)));
        assert_eq!(both.docs(), [64]);
        for set in [&sparse, &dense] {
            let mut words = vec![u64::MAX; 10];
            set.and_into(&mut words, 1);
            let expected: Vec<u64> = (1..11).map(|index| set.word(index)).collect();
            assert_eq!(words, expected);
        }
        // Kept sparse from raw words: the same documents, and those of a range of words.
        let words: Vec<u64> = (0..64).map(|index| dense.word(index)).collect();
        let from_words = SparseBits::from_words(&words);
        assert_eq!(DocSet::Sparse(Arc::new(from_words.clone())).docs(), docs);
        assert_eq!(from_words.count(), docs.len());
        let between: Vec<u32> = from_words.entries_between(1, 14).iter().map(|&(index, _)| index).collect();
        assert_eq!(between, [1, 3], "the words of documents 64 and 200");
        assert!(from_words.entries_between(4, 14).is_empty());
        assert_eq!(dense.count(), docs.len());
        let mut union = DocBits::empty(4096);
        union.union_with(&sparse);
        assert_eq!(union.count(), docs.len());
        let other = DocSet::Sparse(Arc::new(SparseBits::from_sorted([2, 3, 5000 % 4096])));
        let merged = DocSet::union(&[&sparse, &other], 4096);
        assert!(!merged.is_dense());
        assert_eq!(merged.docs(), [1, 2, 3, 64, 200, 904, 4095]);
        assert_eq!(DocSet::union(&[&sparse, &dense, &other], 4096).docs(), merged.docs());
    }
}
