//! Typo tolerance: when two words count as the same word misspelt.
//!
//! Threshold (documented in the README): Damerau–Levenshtein distance (`strsim`) of at most
//! 1 edit for words of 5–9 letters and 2 edits for words of 10 letters or more; words shorter than
//! 5 letters must match exactly; and the first two letters must agree, since people rarely
//! misspell the start of a word and it keeps unrelated words apart (`maler` ≠ `baker`).
//! A trade's word run on into its place is a word of its own (`bakeri` ≁ `baker`).
//! So `kundeservis` ~ `kundeservice` and `trukfører` ~ `truckfører`, but `bil` ≁ `bel`.

/// Shortest word that may carry a typo.
pub const MIN_TYPO_CHARS: usize = 5;
/// From this length two edits are allowed.
pub const TWO_EDITS_FROM_CHARS: usize = 10;

/// Most edits allowed for a word of `chars` letters.
pub fn max_edits(chars: usize) -> usize {
    match chars {
        n if n < MIN_TYPO_CHARS => 0,
        n if n < TWO_EDITS_FROM_CHARS => 1,
        _ => 2,
    }
}

/// The first two letters, which a typo-tolerant match must share.
pub fn prefix(word: &str) -> &str {
    match word.char_indices().nth(2) {
        Some((index, _)) => &word[..index],
        None => word,
    }
}

/// Whether `candidate` is `wanted` misspelt (and not the same word).
pub fn is_typo_of(wanted: &str, candidate: &str) -> bool {
    if wanted == candidate {
        return false;
    }
    let wanted_chars = wanted.chars().count();
    let allowed = max_edits(wanted_chars.min(candidate.chars().count()));
    if allowed == 0 || wanted_chars.abs_diff(candidate.chars().count()) > allowed {
        return false;
    }
    if prefix(wanted) != prefix(candidate) {
        return false;
    }
    // A trade's word run on into the place it is done (`bakeri` from `baker`, `fiskeri` from
    // `fisker`) is a word of its own, not that word misspelt.
    if wanted.ends_with("er") && candidate.strip_prefix(wanted).is_some_and(|rest| rest.starts_with('i')) {
        return false;
    }
    strsim::damerau_levenshtein(wanted, candidate) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_typos_from_tags_and_employer_text() {
        assert!(is_typo_of("kundeservice", "kundeservis"));
        assert!(is_typo_of("truckfører", "trukfører"));
        assert!(is_typo_of("sveiser", "svieser"));
        assert!(is_typo_of("barnehage", "barnhage"));
    }

    #[test]
    fn a_trade_run_on_into_its_place_is_no_typo() {
        assert!(!is_typo_of("baker", "bakeri"));
        assert!(!is_typo_of("fisker", "fiskeri"));
        assert!(is_typo_of("bakeri", "baker"), "a letter left off is still a typo");
    }

    #[test]
    fn different_words_are_not_typos() {
        assert!(!is_typo_of("bil", "bel"), "short words must match exactly");
        assert!(!is_typo_of("maler", "baker"), "first letters differ");
        assert!(!is_typo_of("lager", "lærer"), "two edits in a five-letter word");
        assert!(!is_typo_of("kokk", "kokk"), "the same word is not a typo");
        assert!(!is_typo_of("aktivitør", "aktivitet"), "two edits in nine letters is another word");
    }

    #[test]
    fn prefixes_respect_multibyte_letters() {
        assert_eq!(prefix("ørret"), "ør");
        assert_eq!(prefix("å"), "å");
    }
}
