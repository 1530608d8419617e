//! The analyzer as a tantivy tokenizer, registered under [`NORWEGIAN`].
//!
//! tantivy does not store custom tokenizers in the index, so every index is opened through
//! [`crate::index::open`], which registers this one.

use std::collections::HashMap;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::{Analyzer, PART_PREFIX};

/// The name our text fields refer to in the schema.
pub const NORWEGIAN: &str = "jobbmatch_norwegian";

/// Words analysed per tokenizer before the cache is cleared; keeps memory flat on huge builds.
const CACHE_LIMIT: usize = 200_000;

/// Emits each word's stem, and its compound parts (prefixed `~`) at the same position.
pub struct NorwegianTokenizer {
    analyzer: Analyzer,
    /// Terms per lowercased word: indexing sees the same few thousand words over and over.
    cache: HashMap<String, Box<[String]>>,
    tokens: Vec<Token>,
}

impl NorwegianTokenizer {
    pub fn new(analyzer: Analyzer) -> Self {
        NorwegianTokenizer { analyzer, cache: HashMap::new(), tokens: Vec::new() }
    }
}

impl Clone for NorwegianTokenizer {
    /// Each indexing thread gets its own clone, starting with an empty cache.
    fn clone(&self) -> Self {
        NorwegianTokenizer::new(self.analyzer.clone())
    }
}

impl Tokenizer for NorwegianTokenizer {
    type TokenStream<'a> = NorwegianTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> NorwegianTokenStream<'a> {
        self.tokens.clear();
        if self.cache.len() > CACHE_LIMIT {
            self.cache.clear();
        }
        let mut position = 0;
        let spans = word_spans(text);
        for (k, &(start, end)) in spans.iter().enumerate() {
            let word = text[start..end].to_lowercase();
            if self.analyzer.lexicon().is_stopword(&word) {
                continue;
            }
            let analyzer = &self.analyzer;
            // `pusset opp`: the verb and the particle after it give the compound noun too.
            let particle = spans.get(k + 1).and_then(|&(from, to)| analyzer.particle(&text[from..to]));
            let compound =
                particle.map(|next| analyzer.particle_compound(&analyzer.word(&word), next)).unwrap_or_default();
            let terms = self.cache.entry(word).or_insert_with_key(|word| {
                let analysed = analyzer.word(word);
                std::iter::once(analysed.stem.clone())
                    .chain(analysed.parts.iter().map(|part| format!("{PART_PREFIX}{part}")))
                    .collect()
            });
            for term in terms.iter().chain(&compound) {
                self.tokens.push(Token {
                    offset_from: start,
                    offset_to: end,
                    position,
                    text: term.clone(),
                    position_length: 1,
                });
            }
            position += 1;
        }
        NorwegianTokenStream { tokens: &mut self.tokens, next: 0 }
    }
}

/// Byte spans of the words (runs of letters and digits) in `text`.
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (index, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(index),
            (false, Some(begin)) => {
                spans.push((begin, index));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(begin) = start {
        spans.push((begin, text.len()));
    }
    spans
}

/// Walks the tokens prepared by [`NorwegianTokenizer::token_stream`].
pub struct NorwegianTokenStream<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl TokenStream for NorwegianTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_agree_with_the_analyzer() {
        let analyzer = crate::analysis::tests::analyzer();
        let mut tokenizer = NorwegianTokenizer::new(analyzer.clone());
        let text = "Truckførerbevis T1 og erfaring fra lageret";
        let mut stream = tokenizer.token_stream(text);
        let mut seen = Vec::new();
        while stream.advance() {
            seen.push(stream.token().text.clone());
        }
        assert_eq!(seen, analyzer.terms(text));
        assert!(seen.contains(&"lager".to_string()));
    }

    #[test]
    fn spans_handle_norwegian_letters() {
        let text = "Sjåfør, søker";
        let words: Vec<_> = word_spans(text).into_iter().map(|(a, b)| &text[a..b]).collect();
        assert_eq!(words, ["Sjåfør", "søker"]);
    }
}
