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

struct BitIter(u64);

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
    use super::DocBits;

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
    }
}
