//! The sizes the pass works in. They decide how fast a shortlist is found, never what it holds:
//! the equivalence tests run the production sizes and small ones against the plain reference
//! engine, and both must give the same list to the bit.

/// Sizes of the pass's chunks and of the near-miss floor's sample. Set on a matcher with
/// [`super::super::Matcher::tuning`]; [`Tuning::default`] is production.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tuning {
    /// Words (of 64 documents) per parallel task (production: 1,024 = 65,536 documents).
    pub chunk_words: usize,
    /// Words in the first chunk (production: 64 = 4,096 documents); chunks double from there to
    /// `chunk_words`, so that the bars have risen by the time the big ones start.
    pub first_chunk_words: usize,
    /// How many candidates for k near misses the whole segment should hold above the near-miss
    /// floor (production: 5 × k).
    pub floor_margin: usize,
    /// The most words a floor's sample reads (production: 512). A sample takes at most a quarter
    /// of a segment's words.
    pub floor_sample_words: usize,
    /// Segments under 4 × this many words get no floor (production: 256, so 65,536 documents).
    pub floor_sample_min_words: usize,
    /// The most near misses a sample reads (production: 2,048).
    pub floor_sample_near_misses: usize,
}

impl Tuning {
    /// The sizes measured at national scale (`benches/REPORT.md`).
    pub const PRODUCTION: Tuning = Tuning {
        chunk_words: 1024,
        first_chunk_words: 64,
        floor_margin: 5,
        floor_sample_words: 512,
        floor_sample_min_words: 256,
        floor_sample_near_misses: 2048,
    };

    /// Sizes for indexes of a few thousand candidates in tests: many chunks, so that what passes
    /// from chunk to chunk (the bars, ties) is exercised, and floors aimed low, so that they are
    /// often too high and the second look for near misses is exercised too.
    pub const SMALL: Tuning = Tuning {
        chunk_words: 4,
        first_chunk_words: 1,
        floor_margin: 1,
        floor_sample_words: 2,
        floor_sample_min_words: 2,
        floor_sample_near_misses: 32,
    };
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning::PRODUCTION
    }
}
