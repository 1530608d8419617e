//! The words the analyzer knows: lemmas for stemming, compound splits, function words, the
//! full forms of a dictionary (Bokmålsordboka: `gikk` → `gå`) and nynorsk words that bokmål
//! spells apart (`heim` → `hjem`).

use std::collections::{HashMap, HashSet};

/// Word knowledge behind the analyzer.
///
/// The embedded default is built from the vocabulary's own words and its nynorsk table; Norsk
/// Ordbank's lemma list and compound analysis, and a dictionary's full forms, can be added at run
/// time (see [`crate::taxonomy::external`] and [`crate::taxonomy::forms`]).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    lemmas: HashSet<Box<str>>,
    stopwords: HashSet<Box<str>>,
    splits: HashMap<Box<str>, Vec<Box<str>>>,
    /// Full form → its lemma; `None` for a form of several lemmas (`lager`), left to the rules.
    forms: HashMap<Box<str>, Option<Box<str>>>,
    /// Nynorsk word → the bokmål word it is (`heim` → `hjem`, `bebuar` → `beboer`).
    nynorsk: HashMap<Box<str>, Box<str>>,
}

/// Nynorsk inflection endings stripped to find a word in the nynorsk table (`heimetenesta`,
/// `bebuarane`), longest first.
const NYNORSK_ENDINGS: [&str; 9] = ["arane", "arar", "ane", "ene", "ar", "er", "en", "et", "a"];

impl Lexicon {
    /// Function words that carry no matching meaning, bokmål and nynorsk (`ikkje`, `eg`, `frå`,
    /// `berre`: employers and veiledere in a quarter of the country write nynorsk).
    pub const DEFAULT_STOPWORDS: &'static [&'static str] = &[
        "og",
        "i",
        "på",
        "for",
        "med",
        "til",
        "av",
        "fra",
        "som",
        "er",
        "en",
        "et",
        "ei",
        "den",
        "det",
        "de",
        "å",
        "har",
        "hadde",
        "ha",
        "kan",
        "kunne",
        "skal",
        "vil",
        "om",
        "at",
        "eller",
        "men",
        "så",
        "seg",
        "sin",
        "sitt",
        "sine",
        "han",
        "hun",
        "vi",
        "dere",
        "jeg",
        "meg",
        "oss",
        "hos",
        "ved",
        "etter",
        "mot",
        "blir",
        "ble",
        "var",
        "være",
        "vært",
        "noe",
        "noen",
        "alle",
        "mye",
        "mer",
        "også",
        "bare",
        "litt",
        "innen",
        "innenfor",
        "ikke",
        "både",
        "der",
        "her",
        "da",
        "når",
        "the",
        "and",
        "of",
        "in", // nynorsk from here
        "ikkje",
        "eg",
        "ho",
        "dei",
        "dykk",
        "me",
        "frå",
        "ein",
        "eit",
        "noko",
        "nokon",
        "mykje",
        "meir",
        "berre",
        "vere",
        "vore",
        "vart",
        "hjå",
        "kva",
        "kvar",
        "korleis",
        "kven",
        "då",
        "no",
        "òg",
        "sjølv",
        "heile",
        "medan",
        "sidan",
        "utan",
        "hennar",
        "deira",
        "kvarandre",
        "blei",
        "ville",
        "skulle",
    ];

    /// A lexicon of `words` (multi-word entries are split into words) and `stopwords`.
    pub fn from_words<'a>(words: impl Iterator<Item = &'a str>, stopwords: &[&str]) -> Self {
        let mut lexicon = Lexicon {
            stopwords: stopwords.iter().map(|w| Box::from(w.to_lowercase())).collect(),
            ..Lexicon::default()
        };
        lexicon.add_words(words);
        lexicon
    }

    /// Adds lemmas; multi-word entries are split into words, words of fewer than 2 letters skipped.
    pub fn add_words<'a>(&mut self, words: impl Iterator<Item = &'a str>) {
        for entry in words {
            for word in super::split_words(entry) {
                if word.chars().count() >= 2 && !self.stopwords.contains(word.as_str()) {
                    self.lemmas.insert(word.into_boxed_str());
                }
            }
        }
    }

    /// Records how a compound splits, e.g. `barnehage` → `barn`, `hage`.
    pub fn add_split(&mut self, compound: &str, parts: Vec<String>) {
        self.splits
            .insert(compound.to_lowercase().into_boxed_str(), parts.into_iter().map(String::into_boxed_str).collect());
    }

    pub fn is_lemma(&self, word: &str) -> bool {
        self.lemmas.contains(word)
    }

    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(word)
    }

    /// A recorded split of `word`, if any.
    pub fn split_of(&self, word: &str) -> Option<&[Box<str>]> {
        self.splits.get(word).map(Vec::as_slice)
    }

    /// Whether compound splits come from a full compound analysis (Norsk Ordbank). Then a known
    /// lemma without a recorded split is taken to be a simple word, not split by guessing.
    pub fn has_recorded_splits(&self) -> bool {
        !self.splits.is_empty()
    }

    /// Records the full forms of a dictionary: `form` is a form of `lemma`, or (`None`) of
    /// several lemmas. A form first seen with one lemma and then another becomes ambiguous.
    pub fn add_form(&mut self, form: &str, lemma: Option<&str>) {
        let lemma = lemma.map(|l| l.to_lowercase().into_boxed_str());
        self.forms
            .entry(form.to_lowercase().into_boxed_str())
            .and_modify(|known| {
                if *known != lemma {
                    *known = None;
                }
            })
            .or_insert(lemma);
    }

    /// Records that the nynorsk `word` is the bokmål `bokmål`.
    pub fn add_nynorsk(&mut self, word: &str, bokmål: &str) {
        self.nynorsk.insert(word.to_lowercase().into_boxed_str(), bokmål.to_lowercase().into_boxed_str());
    }

    /// The word `word` is a form of, as the analyzer should read it: the bokmål word for a
    /// nynorsk one (inflected or not), the lemma of a dictionary form; `None` when neither knows
    /// it (or the dictionary finds it ambiguous).
    pub fn normal_form(&self, word: &str) -> Option<&str> {
        if let Some(bokmål) = self.nynorsk.get(word) {
            return Some(bokmål);
        }
        if let Some(known) = self.forms.get(word) {
            return known.as_deref();
        }
        // Inflected: `bebuarane` is `bebuar`, and a feminine `heimetenesta` is `heimeteneste`.
        NYNORSK_ENDINGS.iter().find_map(|ending| {
            let base = word.strip_suffix(ending).filter(|base| base.chars().count() >= 3)?;
            let feminine = (*ending == "a").then(|| format!("{base}e"));
            self.nynorsk.get(base).or_else(|| feminine.and_then(|f| self.nynorsk.get(f.as_str()))).map(|b| &**b)
        })
    }

    /// Full forms known (with the nynorsk table).
    pub fn forms_len(&self) -> usize {
        self.forms.len() + self.nynorsk.len()
    }

    /// Number of lemmas known.
    pub fn len(&self) -> usize {
        self.lemmas.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lemmas.is_empty()
    }

    /// Every lemma, in no particular order.
    pub fn lemmas(&self) -> impl Iterator<Item = &str> {
        self.lemmas.iter().map(|w| &**w)
    }
}
