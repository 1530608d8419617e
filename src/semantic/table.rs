//! The phrase table: every distinct phrase of the index with its embedding, and the search that
//! finds the phrases that resemble a text most.
//!
//! Closeness is read from where a phrase stands among all phrases, never from its raw cosine:
//! e5's cosines crowd into 0.78–0.90 whatever the texts, so a phrase counts when its z-score
//! (standard deviations above the mean similarity to the text) is high, and only the few highest.

/// Phrases and their embeddings, `dim` floats each, in one block.
#[derive(Debug, Clone, Default)]
pub struct PhraseTable {
    dim: usize,
    phrases: Vec<Box<str>>,
    known: rustc_hash::FxHashMap<Box<str>, u32>,
    vectors: Vec<f32>,
}

/// A phrase that resembles a text, and how much.
#[derive(Debug, Clone, PartialEq)]
pub struct Resembling {
    pub phrase: String,
    /// Standard deviations above the mean similarity of every phrase to the text.
    pub z: f32,
}

impl PhraseTable {
    pub fn new(dim: usize) -> Self {
        PhraseTable { dim, ..PhraseTable::default() }
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    pub fn contains(&self, phrase: &str) -> bool {
        self.known.contains_key(phrase)
    }

    /// Adds `phrase` with its embedding (ignored if known or of the wrong length).
    pub fn insert(&mut self, phrase: &str, vector: &[f32]) {
        if vector.len() != self.dim || self.contains(phrase) {
            return;
        }
        self.known.insert(phrase.into(), self.phrases.len() as u32);
        self.phrases.push(phrase.into());
        self.vectors.extend_from_slice(vector);
    }

    /// Every phrase with its embedding.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[f32])> {
        self.phrases.iter().map(|p| &**p).zip(self.vectors.chunks_exact(self.dim.max(1)))
    }

    /// The `most` phrases that resemble `query` (an embedding), highest first, with a z-score of
    /// at least `least_z`.
    pub fn resembling(&self, query: &[f32], least_z: f32, most: usize) -> Vec<Resembling> {
        if query.len() != self.dim || self.phrases.len() < 2 {
            return Vec::new();
        }
        let similarities: Vec<f32> = self.vectors.chunks_exact(self.dim).map(|v| dot(v, query)).collect();
        let n = similarities.len() as f32;
        let mean = similarities.iter().sum::<f32>() / n;
        let deviation = (similarities.iter().map(|s| (s - mean) * (s - mean)).sum::<f32>() / n).sqrt();
        if deviation <= f32::EPSILON {
            return Vec::new();
        }
        let mut found: Vec<Resembling> = similarities
            .iter()
            .enumerate()
            .map(|(at, s)| (at, (s - mean) / deviation))
            .filter(|&(_, z)| z >= least_z)
            .map(|(at, z)| Resembling { phrase: self.phrases[at].to_string(), z })
            .collect();
        found.sort_by(|a, b| b.z.total_cmp(&a.z).then_with(|| a.phrase.cmp(&b.phrase)));
        found.truncate(most);
        found
    }
}

/// The dot product; embeddings are L2-normalised, so it is their cosine.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Eight lanes: the compiler vectorises this.
    let mut lanes = [0.0f32; 8];
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        for lane in 0..8 {
            lanes[lane] += x[lane] * y[lane];
        }
    }
    let tail: f32 = a.chunks_exact(8).remainder().iter().zip(b.chunks_exact(8).remainder()).map(|(x, y)| x * y).sum();
    lanes.iter().sum::<f32>() + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(values: &[f32]) -> Vec<f32> {
        let norm = values.iter().map(|v| v * v).sum::<f32>().sqrt();
        values.iter().map(|v| v / norm).collect()
    }

    #[test]
    fn the_phrases_standing_out_are_found_by_z_score_not_by_raw_cosine() {
        let mut table = PhraseTable::new(3);
        // Every phrase is "similar" in raw cosine; one stands out.
        for (i, phrase) in ["a", "b", "c", "d", "e", "f"].iter().enumerate() {
            table.insert(phrase, &unit(&[1.0, 0.1 * i as f32, 0.0]));
        }
        table.insert("hund", &unit(&[1.0, 0.0, 0.8]));
        let query = unit(&[1.0, 0.0, 1.0]);
        let found = table.resembling(&query, 1.5, 3);
        assert_eq!(found.iter().map(|r| r.phrase.as_str()).collect::<Vec<_>>(), ["hund"]);
        assert!(table.resembling(&query, 10.0, 3).is_empty());
        table.insert("hund", &unit(&[0.0, 1.0, 0.0]));
        assert_eq!(table.len(), 7, "a known phrase is not added twice");
    }
}
