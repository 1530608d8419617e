//! Inflection stripping for bokmål, guided by the lexicon.
//!
//! Snowball's Norwegian stemmer is weak on agent nouns (`utvikler` → `utvikl` but
//! `utviklere` → `utvikler`), which are most of the occupation titles we match. So we first try
//! to reduce a word to a lemma the lexicon knows (`elektrikerne` → `elektriker`, `bilene` → `bil`)
//! and only when that fails apply a small rule stemmer that strips the same endings from every
//! form (`programmerere` and `programmerer` both → `programmer`).
//!
//! Nynorsk endings are stripped as well (`tømrar`, `tømrarar` → `tømr`, like bokmål `tømrer`;
//! `bebuarane` → `bebu`; `jobbar` → `jobb`), so nynorsk forms meet bokmål ones where the word is
//! shared; words the two standards spell apart (`heim` / `hjem`) need a lexicon.

use super::Lexicon;

/// Inflection endings tried against the lexicon, longest first (nynorsk `-arane`, `-arar`, `-ar`
/// among them).
const LEMMA_ENDINGS: [&str; 14] =
    ["arane", "arar", "ene", "ane", "ar", "et", "en", "er", "ne", "a", "e", "r", "n", "t"];
/// Nynorsk agent-noun endings whose bokmål form ends in `-er`.
const NYNORSK_AGENT_ENDINGS: [&str; 4] = ["arane", "arar", "aren", "ar"];
/// Endings the rule stemmer strips, longest first.
const RULE_ENDINGS: [&str; 14] =
    ["arane", "erne", "eren", "arar", "aren", "ere", "ene", "ane", "ar", "er", "en", "et", "e", "a"];
/// Shortest stem the rule stemmer leaves.
const MIN_RULE_STEM: usize = 3;

/// The stem of a lowercased word.
pub(super) fn stem(lexicon: &Lexicon, word: &str) -> String {
    if let Some(quality) = quality_of(word) {
        return quality.to_string();
    }
    if !worth_stemming(word) || lexicon.is_lemma(word) {
        return word.to_string();
    }
    // A nynorsk agent noun (`tømrar`, `tømrarar`, `arbeidarane`) is the bokmål one in `-er`.
    for ending in NYNORSK_AGENT_ENDINGS {
        if let Some(base) = word.strip_suffix(ending) {
            let bokmål = format!("{base}er");
            if base.chars().count() >= 2 && lexicon.is_lemma(&bokmål) {
                return bokmål;
            }
        }
    }
    for ending in LEMMA_ENDINGS {
        if let Some(base) = word.strip_suffix(ending) {
            if base.chars().count() >= 2 && lexicon.is_lemma(base) {
                return base.to_string();
            }
        }
    }
    rule_stem(word)
}

/// The rule stemmer alone.
pub(super) fn rule_stem(word: &str) -> String {
    if let Some(quality) = quality_of(word) {
        return quality.to_string();
    }
    if !worth_stemming(word) {
        return word.to_string();
    }
    for ending in RULE_ENDINGS {
        if let Some(base) = word.strip_suffix(ending) {
            if base.chars().count() >= MIN_RULE_STEM {
                return base.to_string();
            }
        }
    }
    word.to_string()
}

/// The quality a noun in `-het` names (`nøyaktighet`, `punktligheten` → `nøyaktig`,
/// `punktlig`): employers ask for `nøyaktighet` where veiledere tag `nøyaktig`. Only adjectives
/// that end as qualities do (`-ig`, `-lig`, `-som`, `-bar`), so `sikkerhet` stays itself.
fn quality_of(word: &str) -> Option<&str> {
    let base = ["heten", "heter", "het"].iter().find_map(|end| word.strip_suffix(end))?;
    let adjective = ["ig", "som", "bar"].iter().any(|end| base.ends_with(end));
    (adjective && base.chars().count() >= 4).then_some(base)
}

/// Short words and codes (`b`, `t1`, `c1e`) are left alone.
fn worth_stemming(word: &str) -> bool {
    word.chars().count() >= 4 && word.chars().all(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quality_noun_is_its_quality_with_or_without_a_lexicon() {
        let lexicon = Lexicon::from_words(["nøyaktighet", "nøyaktig", "sikkerhet"].into_iter(), &[]);
        assert_eq!(stem(&lexicon, "nøyaktighet"), "nøyaktig");
        assert_eq!(stem(&lexicon, "punktligheten"), "punktlig");
        assert_eq!(rule_stem("tålmodighet"), "tålmodig");
        assert_eq!(stem(&lexicon, "sikkerhet"), "sikkerhet");
    }

    #[test]
    fn codes_and_short_words_are_untouched() {
        let lexicon = Lexicon::from_words(["bil"].into_iter(), &[]);
        for word in ["t1", "c1e", "be", "bil", "dag"] {
            assert_eq!(stem(&lexicon, word), word);
        }
    }

    #[test]
    fn lexicon_lemmas_win_over_rules() {
        let lexicon = Lexicon::from_words(["lager", "lærer"].into_iter(), &[]);
        assert_eq!(stem(&lexicon, "lager"), "lager");
        assert_eq!(stem(&lexicon, "lærere"), "lærer");
        assert_eq!(stem(&lexicon, "lærerne"), "lærer");
        // Without the lexicon, the rules still agree among the forms.
        assert_eq!(rule_stem("lærere"), rule_stem("lærer"));
    }
}
