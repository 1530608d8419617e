//! Compound splitting: `truckførerbevis` → `truck`, `fører`, `bevis` (and `truckfører`).
//!
//! Norwegian writes compounds as one word, so a query word must be able to match a part of one.
//! A recorded split (from Norsk Ordbank) is used when there is one. Otherwise a word is split only
//! when it can be fully decomposed into known lemmas of at least three letters, optionally joined
//! by the linking letters `s` or `e` (`barn-e-hage`, `anlegg-s-maskin`), the last part possibly
//! inflected. Among full decompositions the one with the fewest parts wins, and each part is split
//! again, so `barnehageassistent` yields `barnehage`, `assistent`, `barn` and `hage`. When Norsk
//! Ordbank's analysis is loaded, a lemma of fewer than 10 letters that it does not split is left
//! whole.

use super::{Lexicon, stem};

/// Shortest word we try to split, and shortest part we accept.
const MIN_COMPOUND_CHARS: usize = 6;
const MIN_PART_CHARS: usize = 3;
/// With recorded splits loaded, lemmas shorter than this are not split by guessing.
const MIN_GUESSED_LEMMA_CHARS: usize = 10;
/// Deepest recursion into parts of parts.
const MAX_DEPTH: usize = 3;

/// The parts of `word` (lemma forms), outermost first; empty when it is not a known compound.
pub(super) fn parts(lexicon: &Lexicon, word: &str) -> Vec<String> {
    let mut found = Vec::new();
    collect(lexicon, word, 0, &mut found);
    found
}

fn collect(lexicon: &Lexicon, word: &str, depth: usize, found: &mut Vec<String>) {
    if depth >= MAX_DEPTH {
        return;
    }
    let split = match lexicon.split_of(word) {
        Some(recorded) => recorded.iter().map(|part| part.to_string()).collect(),
        // With a full compound analysis loaded, a short lemma it does not split is taken to be a
        // simple word (`renholder` is not `ren` + `holder`); long lemmas are still decomposed,
        // since the analysis does not list every compound the lemma list has.
        None if lexicon.has_recorded_splits()
            && lexicon.is_lemma(word)
            && word.chars().count() < MIN_GUESSED_LEMMA_CHARS =>
        {
            return;
        }
        None => decompose(lexicon, word),
    };
    for part in split {
        if !found.contains(&part) {
            found.push(part.clone());
            collect(lexicon, &part, depth + 1, found);
        }
    }
}

/// The decomposition of `word` into the fewest known parts, or nothing.
fn decompose(lexicon: &Lexicon, word: &str) -> Vec<String> {
    // Byte offsets of character boundaries, so pieces are slices of `word`, not new strings.
    let bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).chain(std::iter::once(word.len())).collect();
    let n = bounds.len() - 1;
    if n < MIN_COMPOUND_CHARS || !word.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let is_link = |at: usize| matches!(word.as_bytes()[bounds[at]], b's' | b'e');
    // best[i]: the fewest parts that cover the characters from i on, with the parts.
    let mut best: Vec<Option<Vec<String>>> = vec![None; n + 1];
    best[n] = Some(Vec::new());
    for start in (0..n).rev() {
        let mut choice: Option<Vec<String>> = None;
        for end in (start + MIN_PART_CHARS..=n).rev() {
            if start == 0 && end == n {
                continue; // the whole word is not a part of itself
            }
            let piece = &word[bounds[start]..bounds[end]];
            let lemma = if end == n {
                final_lemma(lexicon, piece)
            } else if lexicon.is_lemma(piece) {
                Some(piece.to_string())
            } else {
                None
            };
            let Some(lemma) = lemma else { continue };
            // The rest, directly or after a linking letter.
            for rest in [Some(end), (end < n && is_link(end)).then_some(end + 1)].into_iter().flatten() {
                if let Some(tail) = &best[rest] {
                    if rest != n && tail.is_empty() {
                        continue;
                    }
                    if choice.as_ref().is_none_or(|c| tail.len() + 1 < c.len()) {
                        let mut parts = vec![lemma.clone()];
                        parts.extend(tail.iter().cloned());
                        choice = Some(parts);
                    }
                }
            }
        }
        best[start] = choice;
    }
    match best[0].take() {
        Some(parts) if parts.len() >= 2 => parts,
        _ => Vec::new(),
    }
}

/// The last part may be inflected: `barnehagene` ends in `hagene`, lemma `hage`.
fn final_lemma(lexicon: &Lexicon, piece: &str) -> Option<String> {
    if lexicon.is_lemma(piece) {
        return Some(piece.to_string());
    }
    let stemmed = stem::stem(lexicon, piece);
    lexicon.is_lemma(&stemmed).then_some(stemmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(words: &[&str]) -> Lexicon {
        Lexicon::from_words(words.iter().copied(), &[])
    }

    #[test]
    fn linking_letters_and_inflected_last_parts() {
        let lexicon = lexicon(&["anlegg", "maskin", "fører", "barn", "hage"]);
        assert_eq!(parts(&lexicon, "anleggsmaskinfører"), ["anlegg", "maskin", "fører"]);
        assert_eq!(parts(&lexicon, "barnehagene"), ["barn", "hage"]);
    }

    #[test]
    fn fewest_parts_then_parts_of_parts() {
        let lexicon = lexicon(&["barnehage", "barn", "hage", "assistent"]);
        assert_eq!(parts(&lexicon, "barnehageassistent"), ["barnehage", "barn", "hage", "assistent"]);
    }

    #[test]
    fn nothing_is_guessed_from_partial_matches() {
        let lexicon = lexicon(&["elektro", "bil"]);
        assert!(parts(&lexicon, "elektriker").is_empty());
        assert!(parts(&lexicon, "bilxyz").is_empty());
    }

    #[test]
    fn recorded_splits_take_precedence_and_known_simple_words_stay_whole() {
        let mut lexicon = lexicon(&["renholder", "ren", "holder", "truck", "fører"]);
        lexicon.add_split("truckfører", vec!["truck".into(), "fører".into()]);
        assert_eq!(parts(&lexicon, "truckfører"), ["truck", "fører"]);
        // With a full compound analysis loaded, `renholder` is a lemma without a split: not ren+holder.
        assert!(parts(&lexicon, "renholder").is_empty());
    }
}
