//! Norwegian text analysis, the one place where text becomes terms.
//!
//! Indexing and matching both go through [`Analyzer`], so a word in a job need and the same word
//! in a profile always meet: lowercased (æ, ø, å kept: "ø" is not "o"), function words dropped,
//! inflections reduced to one stem (`elektriker`, `elektrikere`, `elektrikeren` → `elektriker`),
//! and compounds split so that a query word can match a part (`truck` ↔ `truckførerbevis`).
//! Typo tolerance is applied at match time, see [`typo`].

mod compound;
mod lexicon;
mod stem;
mod tokenizer;
pub mod typo;

use std::sync::{Arc, RwLock};

use rustc_hash::FxHashMap;

pub use lexicon::Lexicon;
pub use tokenizer::{NORWEGIAN, NorwegianTokenizer, word_spans};

/// The version of the analysis rules (endings, function words, compound splitting). A change to the
/// terms a text gives bumps it, so an index analysed before is rebuilt or refused. 3: a
/// dictionary form of a noun and a verb reads as the noun (the exported forms changed, not their
/// count, which the fingerprint also holds). 4: a noun in `-het` of a quality (`nøyaktighet`)
/// reads as the quality (`nøyaktig`). 5: a verb and the particle after it
/// give the compound noun's stem too (`pusset opp` → `oppussing`).
pub const VERSION: u32 = 5;

/// Particles that make a compound noun with the verb before them ([`Analyzer::particle_compound`]).
const PARTICLES: &[&str] = &["opp", "ut", "inn", "ned"];

/// Tense endings a verb's root is found under (`kjørte`, `pusset`, `vasker`).
const TENSE_ENDINGS: &[&str] = &["ete", "te", "et", "er", "de", "e", "t"];

/// A particle and a verb's root written as one word; three equal consonants are written as two
/// (`opp` + `puss` is `oppuss`).
fn joined(particle: &str, root: &str) -> String {
    let mut ending = particle.chars().rev();
    let doubled = ending.next().filter(|last| ending.next() == Some(*last));
    match doubled {
        Some(last) if root.starts_with(last) => format!("{particle}{}", &root[last.len_utf8()..]),
        _ => format!("{particle}{root}"),
    }
}

/// Prefix that marks a compound part in the index, so `~lager` (part of `lagermedarbeider`) is a
/// different term from `lager` (the whole word).
pub const PART_PREFIX: char = '~';

/// One analysed word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lowercased as written.
    pub surface: String,
    /// The stem that inflections share.
    pub stem: String,
    /// Stems of the compound's parts (empty when the word is not a compound we can split).
    pub parts: Vec<String>,
}

/// Words analysed and remembered before the shared cache starts over.
const CACHE_LIMIT: usize = 100_000;

/// Turns Norwegian text into stems and compound parts. Cheap to clone; clones share a cache of
/// analysed words, since matching sees the same vocabulary and profile words over and over.
#[derive(Debug, Clone)]
pub struct Analyzer {
    lexicon: Arc<Lexicon>,
    cache: Arc<RwLock<FxHashMap<String, Arc<Word>>>>,
}

impl Analyzer {
    /// An analyzer over the given word knowledge.
    pub fn new(lexicon: Arc<Lexicon>) -> Self {
        Analyzer { lexicon, cache: Arc::default() }
    }

    /// The words it knows.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Analyses every content word of `text`, in order.
    pub fn words(&self, text: &str) -> Vec<Arc<Word>> {
        split_words(text).filter(|word| !self.lexicon.is_stopword(word)).map(|word| self.word(&word)).collect()
    }

    /// Analyses one lowercased word.
    pub fn word(&self, surface: &str) -> Arc<Word> {
        if let Some(word) = self.cache.read().ok().and_then(|cache| cache.get(surface).cloned()) {
            return word;
        }
        let word = Arc::new(self.analyse(surface));
        if let Ok(mut cache) = self.cache.write() {
            if cache.len() >= CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(surface.to_string(), word.clone());
        }
        word
    }

    fn analyse(&self, surface: &str) -> Word {
        // A nynorsk word is read as the bokmål one, a dictionary form as its lemma: every form of
        // a lemma then ends at the same stem and parts (the rules below run on the lemma).
        let normal = self.lexicon.normal_form(surface).unwrap_or(surface);
        let stem = stem::stem(&self.lexicon, normal);
        // Split as written too: an inflected compound may split where its lemma does not
        // (`idrettslaget` → `idrett` + `laget`, while `lag` alone is no word the lexicon knows).
        let mut parts = compound::parts(&self.lexicon, normal);
        if normal != surface {
            parts.extend(compound::parts(&self.lexicon, surface));
        }
        let parts = parts.into_iter().map(|part| self.stem(&part)).filter(|part| *part != stem).collect::<Vec<_>>();
        Word { surface: surface.to_string(), stem, parts: dedup(parts) }
    }

    /// The stem of one lowercased word; a nynorsk word stems as the bokmål one, a dictionary
    /// form as its lemma.
    pub fn stem(&self, word: &str) -> String {
        stem::stem(&self.lexicon, self.lexicon.normal_form(word).unwrap_or(word))
    }

    /// The stem a purely rule-based stemmer gives, used beside [`Self::stem`] when comparing
    /// misspelt words (which the lexicon cannot know).
    pub fn rule_stem(&self, word: &str) -> String {
        stem::rule_stem(word)
    }

    /// The index terms of `text`: each word's stem, then `~part` for each compound part, then
    /// the compound a verb makes with the particle after it ([`Self::particle_compound`]).
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut terms = Vec::new();
        let all: Vec<String> = split_words(text).collect();
        for (k, surface) in all.iter().enumerate() {
            if self.lexicon.is_stopword(surface) {
                continue;
            }
            let word = self.word(surface);
            terms.push(word.stem.clone());
            terms.extend(word.parts.iter().map(|part| format!("{PART_PREFIX}{part}")));
            terms.extend(all.get(k + 1).map(|next| self.particle_compound(&word, next)).unwrap_or_default());
        }
        terms
    }

    /// `word` (in any case) as a particle that makes a compound with the verb before it, if it
    /// is one; no allocation, since the tokenizer asks of every word.
    pub fn particle(&self, word: &str) -> Option<&'static str> {
        PARTICLES.iter().copied().find(|particle| word.eq_ignore_ascii_case(particle))
    }

    /// The stem of the noun a verb makes with the particle written after it (`pusset opp` →
    /// `oppussing`, `kjører ut` → `utkjøring`, `vaske opp` → `oppvask`), so that what a veileder
    /// writes as an activity meets the noun an employer asks for; none when `next` is no particle.
    /// The nouns the lexicon knows (`oppussing`, `oppvask`) are given; failing those, the joined
    /// root as a noun in `-ing` and bare.
    pub fn particle_compound(&self, verb: &Word, next: &str) -> Vec<String> {
        if self.particle(next).is_none() || verb.stem.chars().count() < 3 {
            return Vec::new();
        }
        // The verb's root: its stem, or the form less a tense ending (`kjørte` → `kjør`).
        let mut roots = vec![verb.stem.as_str()];
        roots.extend(TENSE_ENDINGS.iter().filter_map(|ending| verb.surface.strip_suffix(ending)));
        roots.retain(|root| root.chars().count() >= 3);
        let mut known: Vec<String> = Vec::new();
        for &root in &roots {
            let joined = joined(next, root);
            for noun in [format!("{joined}ing"), joined] {
                let stem = self.stem(&noun);
                if self.lexicon.is_lemma(&noun) && !known.contains(&stem) {
                    known.push(stem);
                }
            }
        }
        // Not in the lexicon: the shortest root, as the noun in `-ing` and bare.
        if let Some(root) = roots.iter().min_by_key(|root| root.len()).filter(|_| known.is_empty()) {
            let joined = joined(next, root);
            known.push(self.stem(&format!("{joined}ing")));
            known.push(self.stem(&joined));
            known.dedup();
        }
        known
    }

    /// The stems of the content words of `text` (no parts): the key a phrase is known by.
    pub fn stems(&self, text: &str) -> Vec<String> {
        self.words(text).into_iter().map(|word| word.stem.clone()).collect()
    }
}

/// Lowercased words: runs of letters and digits. Hyphens and punctuation separate words.
pub fn split_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_lowercase)
}

fn dedup(mut items: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items.retain(|item| seen.insert(item.clone()));
    items
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An analyzer over a small hand-picked lexicon, like the embedded vocabulary's.
    pub(crate) fn analyzer() -> Analyzer {
        let words = [
            "elektriker",
            "utvikler",
            "truck",
            "fører",
            "bevis",
            "truckfører",
            "barnehage",
            "barn",
            "hage",
            "assistent",
            "lager",
            "medarbeider",
            "arbeider",
            "sveis",
            "erfaring",
            "kunde",
            "service",
            "kundeservice",
            "bil",
            "motor",
            "butikk",
            "renhold",
            "renholder",
            "kokk",
            "frisør",
            "helse",
            "fag",
            "rør",
            "legger",
            "rørlegger",
            "kort",
            "hms",
            "vekter",
            "jobb",
        ];
        Analyzer::new(Arc::new(Lexicon::from_words(words.iter().copied(), Lexicon::DEFAULT_STOPWORDS)))
    }

    fn stems(text: &str) -> Vec<String> {
        analyzer().stems(text)
    }

    #[test]
    fn inflections_share_a_stem() {
        let a = analyzer();
        for family in [
            &["elektriker", "elektrikere", "elektrikeren", "elektrikerne"][..],
            &["utvikler", "utviklere", "utvikleren", "utviklerne"],
            &["bil", "bilen", "biler", "bilene"],
            &["kunde", "kunden", "kunder", "kundene"],
            &["lager", "lageret", "lagere"],
            &["barnehage", "barnehagen", "barnehager", "barnehagene"],
            &["jobb", "jobben", "jobber", "jobbet"],
        ] {
            let first = a.stem(family[0]);
            for word in family {
                assert_eq!(a.stem(word), first, "{word} should stem like {}", family[0]);
            }
        }
    }

    #[test]
    fn unknown_agent_nouns_still_agree() {
        // Not in the lexicon: the rule stemmer must still give one stem for all forms.
        let a = analyzer();
        let forms = ["programmerer", "programmerere", "programmereren", "programmererne"];
        let stems: Vec<_> = forms.iter().map(|w| a.stem(w)).collect();
        assert!(stems.windows(2).all(|pair| pair[0] == pair[1]), "{stems:?}");
    }

    #[test]
    fn letters_aeoeaa_are_kept() {
        assert_eq!(stems("Frisør på Sørlandet"), vec!["frisør", "sørland"]);
        assert_ne!(analyzer().stem("sør"), analyzer().stem("sor"));
    }

    #[test]
    fn function_words_are_dropped_and_text_is_lowercased() {
        assert_eq!(stems("Interessert i BIL og motor"), vec!["interessert", "bil", "motor"]);
    }

    #[test]
    fn compounds_expose_their_parts() {
        let a = analyzer();
        let word = a.word("truckførerbevis");
        assert!(word.parts.contains(&"truck".to_string()), "{word:?}");
        assert!(word.parts.contains(&a.stem("bevis")), "{word:?}");
        let word = a.word("barnehageassistenten");
        assert!(word.parts.contains(&a.stem("barnehage")), "{word:?}");
        assert!(word.parts.contains(&"assistent".to_string()), "{word:?}");
        let word = a.word("lagermedarbeider");
        assert!(word.parts.contains(&"lager".to_string()), "{word:?}");
        let word = a.word("sveiseerfaring");
        assert!(word.parts.contains(&"sveis".to_string()), "{word:?}");
    }

    #[test]
    fn short_and_unknown_words_are_not_split() {
        let a = analyzer();
        assert!(a.word("bil").parts.is_empty());
        assert!(a.word("kundeservis").parts.is_empty() || !a.word("kundeservis").parts.contains(&"kund".into()));
        assert!(a.word("elektriker").parts.is_empty());
    }

    #[test]
    fn index_terms_mark_parts() {
        let terms = analyzer().terms("truckførerbevis T1");
        assert!(terms.contains(&"~truck".to_string()), "{terms:?}");
        assert!(terms.contains(&"t1".to_string()), "{terms:?}");
    }

    #[test]
    fn a_verb_and_its_particle_meet_the_compound_noun() {
        let taxonomy = crate::taxonomy::Taxonomy::embedded().expect("taxonomy");
        let analyzer = taxonomy.analyzer();
        for (activity, noun) in [
            ("pusset opp huset", "oppussing"),
            ("kjørte ut varer", "utkjøring"),
            ("vasker opp", "oppvask"),
            ("lærte opp nye", "opplæring"),
            ("kjøper inn", "innkjøp"),
        ] {
            let noun_stem = analyzer.stem(noun);
            assert!(
                analyzer.terms(activity).contains(&noun_stem),
                "{activity}: {:?} lacks {noun_stem}",
                analyzer.terms(activity)
            );
        }
        assert!(!analyzer.terms("gikk opp trappa").contains(&analyzer.stem("oppussing")));
    }
}
