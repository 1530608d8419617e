//! The vocabulary of the field, compiled for lookups: which concept a phrase names, what its
//! synonyms and narrower terms are, and how licences, languages and education levels compare.
//!
//! The embedded default (`vocabulary.json`) is written by us for the fixture domain. A user's file
//! in the same format can extend or replace it, and NAV's STYRK-08 titles and Norsk Ordbank's
//! lemmas and compound analysis can be added from a data directory at run time ([`external`]).

mod course;
pub mod external;
pub mod forms;
mod licence;
pub mod places;
pub mod trade;
mod vocabulary;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

pub use licence::is_class_code;
pub use vocabulary::{Concept, ConceptKind, LicenceRules, TruckRules, Vocabulary};

use crate::analysis::{Analyzer, Lexicon};
use crate::model::EducationLevel;

/// Why a vocabulary or data file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum TaxonomyError {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{origin} is not a valid vocabulary: {detail}")]
    Format { origin: String, detail: String },
    #[error("vocabulary is inconsistent: {0}")]
    Invalid(String),
    #[error("{path}, line {line}: {detail}")]
    Data { path: String, line: usize, detail: String },
}

/// Index of a concept in the vocabulary.
pub type ConceptId = usize;

/// The vocabulary with its analyzer and lookup tables. Build once, share through an `Arc`.
#[derive(Debug)]
pub struct Taxonomy {
    vocabulary: Vocabulary,
    analyzer: Analyzer,
    /// Concepts by the stems of each label, joined by spaces.
    by_phrase: HashMap<String, Vec<ConceptId>>,
    /// The stems of each concept's labels, in label order.
    label_stems: Vec<Vec<Vec<String>>>,
    /// Direct narrower concepts of each concept.
    narrower: Vec<Vec<ConceptId>>,
    fillers: HashSet<String>,
    /// Adaptation-need phrases and the demand each conflicts with.
    need_phrases: Vec<NeedPhrase>,
    education_levels: Vec<(Vec<String>, EducationLevel)>,
    fagbrev_stems: HashSet<String>,
    /// Keys of renamed trades → the key of today's name.
    trade_aliases: HashMap<String, String>,
    fingerprint: u64,
}

impl Taxonomy {
    /// The embedded default vocabulary with the embedded lexicon.
    pub fn embedded() -> Result<Arc<Taxonomy>, TaxonomyError> {
        Ok(Arc::new(Self::build(Vocabulary::embedded()?, Lexicon::default())?))
    }

    /// Compiles `vocabulary`; `extra` adds lemmas and compound splits (e.g. from Norsk Ordbank).
    pub fn build(vocabulary: Vocabulary, extra: Lexicon) -> Result<Taxonomy, TaxonomyError> {
        let ids = check_concepts(&vocabulary)?;
        let analyzer = Analyzer::new(Arc::new(lexicon_for(&vocabulary, extra)));
        let phrase = |text: &str| analyzer.stems(text).join(" ");

        let mut by_phrase: HashMap<String, Vec<ConceptId>> = HashMap::new();
        let mut narrower = vec![Vec::new(); vocabulary.concepts.len()];
        let mut need_phrases = Vec::new();
        let label_stems: Vec<Vec<Vec<String>>> = vocabulary
            .concepts
            .iter()
            .map(|concept| concept.labels.iter().map(|label| analyzer.stems(label)).collect())
            .collect();
        for (id, concept) in vocabulary.concepts.iter().enumerate() {
            for label in &concept.labels {
                let key = phrase(label);
                if !key.is_empty() {
                    let entry = by_phrase.entry(key).or_default();
                    if !entry.contains(&id) {
                        entry.push(id);
                    }
                }
            }
            for broader in &concept.broader {
                narrower[ids[broader.as_str()]].push(id);
            }
            if concept.kind == ConceptKind::Demand {
                for text in &concept.needs {
                    let asks = !crate::analysis::split_words(text)
                        .any(|w| NEGATIVE.contains(&w.as_str()) || WEAK.contains(&w.as_str()));
                    // Weak words read as `ikke` on both sides (`dårlig rygg` is `ikke rygg`).
                    need_phrases.push(NeedPhrase {
                        stems: analyzer.stems(&weakened(text).join(" ")),
                        demand: id,
                        asks,
                    });
                }
                for text in &concept.labels {
                    need_phrases.push(NeedPhrase { stems: analyzer.stems(text), demand: id, asks: false });
                }
            }
        }
        // Longer phrases first, so "ikke tunge løft" is tried before "løft".
        need_phrases.sort_by_key(|phrase| std::cmp::Reverse(phrase.stems.len()));

        let fillers = vocabulary.fillers.iter().map(|w| analyzer.stem(&w.to_lowercase())).collect();
        let mut education_levels = Vec::new();
        for level in EducationLevel::ALL {
            for name in vocabulary.education_levels.get(level.name()).into_iter().flatten() {
                education_levels.push((analyzer.stems(name), level));
            }
        }
        education_levels.sort_by_key(|(stems, _)| std::cmp::Reverse(stems.len()));
        let fagbrev_stems = vocabulary.fagbrev_words.iter().map(|w| analyzer.stem(&w.to_lowercase())).collect();
        let fingerprint = fingerprint(&vocabulary, analyzer.lexicon());
        let mut taxonomy = Taxonomy {
            vocabulary,
            analyzer,
            by_phrase,
            label_stems,
            narrower,
            fillers,
            need_phrases,
            education_levels,
            fagbrev_stems,
            trade_aliases: HashMap::new(),
            fingerprint,
        };
        taxonomy.trade_aliases = taxonomy.trade_alias_keys().into_iter().collect();
        Ok(taxonomy)
    }

    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    pub fn concept(&self, id: ConceptId) -> &Concept {
        &self.vocabulary.concepts[id]
    }

    /// The stems of each label of concept `id` (the key the label is known by).
    pub fn label_stems(&self, id: ConceptId) -> &[Vec<String>] {
        &self.label_stems[id]
    }

    /// Identifies the vocabulary and lexicon an index was built with: an index built with other
    /// word knowledge splits and stems differently and must be rebuilt.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Concepts of the given kinds that `text` names, first by its exact words, then with framing
    /// words (`interesse for`, `erfaring fra`) dropped.
    pub fn find(&self, text: &str, kinds: &[ConceptKind]) -> Vec<ConceptId> {
        let stems = self.analyzer.stems(text);
        let found = self.find_stems(&stems, kinds);
        if !found.is_empty() {
            return found;
        }
        self.find_stems(&self.without_fillers(&stems), kinds)
    }

    /// Concepts whose label is `text` misspelt (`kundeservis` → kundeservice), for text that
    /// names no concept exactly. Uses the typo threshold of [`crate::analysis::typo`].
    pub fn find_by_typo(&self, text: &str, kinds: &[ConceptKind]) -> Vec<ConceptId> {
        use crate::analysis::typo::is_typo_of;
        let analyzer = &self.analyzer;
        let words = analyzer.words(text);
        let kept: Vec<_> = words.iter().filter(|w| !self.fillers.contains(&w.stem)).collect();
        let kept = if kept.is_empty() { words.iter().collect() } else { kept };
        let wanted = kept.iter().map(|w| w.stem.as_str()).collect::<Vec<_>>().join(" ");
        // Misspelt words miss the lexicon, so compare rule stems of both sides as well.
        let wanted_rule = kept.iter().map(|w| analyzer.rule_stem(&w.surface)).collect::<Vec<_>>().join(" ");
        let mut found: Vec<ConceptId> = Vec::new();
        for (phrase, ids) in &self.by_phrase {
            let phrase_rule = phrase.split(' ').map(|w| analyzer.rule_stem(w)).collect::<Vec<_>>().join(" ");
            // Rule stems are short; comparing them is only safe for longer words (`snakk` is not `snekk`).
            let rules_comparable = wanted_rule.chars().count() >= 6 && phrase_rule.chars().count() >= 6;
            if is_typo_of(phrase, &wanted) || (rules_comparable && is_typo_of(&phrase_rule, &wanted_rule)) {
                found.extend(ids.iter().copied().filter(|&id| kinds.contains(&self.concept(id).kind)));
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Concepts of the given kinds whose label has exactly these stems.
    pub fn find_stems(&self, stems: &[String], kinds: &[ConceptKind]) -> Vec<ConceptId> {
        self.by_phrase
            .get(&stems.join(" "))
            .map(|ids| ids.iter().copied().filter(|&id| kinds.contains(&self.concept(id).kind)).collect())
            .unwrap_or_default()
    }

    /// Whether `stem` frames a criterion rather than naming one (`erfaring`, `interesse`).
    pub fn is_filler(&self, stem: &str) -> bool {
        self.fillers.contains(stem)
    }

    /// `stems` without framing words; the original when nothing else would remain.
    pub fn without_fillers(&self, stems: &[String]) -> Vec<String> {
        let kept: Vec<String> = stems.iter().filter(|s| !self.fillers.contains(*s)).cloned().collect();
        if kept.is_empty() { stems.to_vec() } else { kept }
    }

    /// Every concept below `id` (narrower, narrower's narrower …), without `id` itself.
    pub fn descendants(&self, id: ConceptId) -> Vec<ConceptId> {
        let mut found = Vec::new();
        let mut stack = self.narrower[id].clone();
        while let Some(next) = stack.pop() {
            if next != id && !found.contains(&next) {
                found.push(next);
                stack.extend(self.narrower[next].iter().copied());
            }
        }
        found
    }

    /// The canonical id of the language `text` names (`bokmål` → `norsk`).
    pub fn language(&self, text: &str) -> Option<&str> {
        let id = *self.find(text, &[ConceptKind::Language]).first()?;
        Some(&self.concept(id).id)
    }

    /// The demand an adaptation need conflicts with (`kan ikke løfte tungt` → `tunge-loft`).
    pub fn demand_for_need(&self, need: &str) -> Option<ConceptId> {
        self.demands_for_need(need).first().copied()
    }

    /// Every demand an adaptation need conflicts with, the one its longest phrase names first:
    /// `tåler ikke kulde` rules out cold rooms and work outside in all weather alike.
    ///
    /// A need that names a demand (`allergi mot støv`) rules it out; people write the same limit
    /// many ways, so a weak word reads as `ikke` (`tåler dårlig kulde` is `tåler ikke kulde`), and a
    /// part that says there is no problem (`ingen problemer med løft`) rules nothing out.
    pub fn demands_for_need(&self, need: &str) -> Vec<ConceptId> {
        // `ingen problemer med løft` says there is no limit.
        let free = |words: &[String]| {
            words.windows(2).any(|pair| {
                matches!(pair[0].as_str(), "ingen" | "uten" | "utan")
                    && ["problem", "plage", "vansk", "begrens"].iter().any(|p| pair[1].starts_with(p))
            })
        };
        // A part that asks for something (`treng sittande arbeid`, `trenger å jobbe alene`)
        // rules out only what a need asking for that names (`sittende arbeid` rules out standing),
        // never the thing it asks for.
        let asking = |words: &[String]| {
            words.iter().any(|w| ASKING.contains(&w.as_str())) && !words.iter().any(|w| NEGATIVE.contains(&w.as_str()))
        };
        // The need read whole (a phrase may run past a comma), or, where one part says there is no
        // problem or asks for something, the parts one by one.
        let parts: Vec<Vec<String>> = need.split([',', ';', '.']).map(weakened).collect();
        let read: Vec<(bool, Vec<String>)> = if parts.iter().any(|part| free(part) || asking(part)) {
            parts.into_iter().filter(|part| !free(part)).map(|part| (asking(&part), part)).collect()
        } else {
            vec![(false, weakened(need))]
        };
        let mut demands = Vec::new();
        for (asks, words) in read {
            let stems = self.analyzer.stems(&words.join(" "));
            for phrase in &self.need_phrases {
                let counts = phrase.asks || !asks;
                if counts
                    && !phrase.stems.is_empty()
                    && contains_run(&stems, &phrase.stems)
                    && !demands.contains(&phrase.demand)
                {
                    demands.push(phrase.demand);
                }
            }
        }
        demands
    }

    /// The demand a criterion names: `tunge løft`, or the longest demand named inside an
    /// everyday phrase (`utearbeid i all slags vær` → work outside in all weather).
    pub fn demand(&self, text: &str) -> Option<ConceptId> {
        if let Some(&exact) = self.find(text, &[ConceptKind::Demand]).first() {
            return Some(exact);
        }
        let stems = self.analyzer.stems(text);
        let demands = self.vocabulary.concepts.iter().enumerate().filter(|(_, c)| c.kind == ConceptKind::Demand);
        demands
            .flat_map(|(id, _)| self.label_stems[id].iter().map(move |label| (id, label)))
            .filter(|(_, label)| !label.is_empty() && contains_run(&stems, label))
            .max_by_key(|(id, label)| (label.len(), std::cmp::Reverse(*id)))
            .map(|(id, _)| id)
    }

    /// The demand a criterion's value names, however the advisor wrote it: by a label
    /// ([`Taxonomy::demand`]), by what is borne alone ([`Taxonomy::demand_borne`]), or as a list
    /// no label holds whole (`dyr og dyrehår`), by its first part that names one.
    pub fn demand_named(&self, value: &str) -> Option<ConceptId> {
        let named =
            |text: &str| self.demand(text).or_else(|| self.demand_borne(text)).or_else(|| self.demand_compounded(text));
        named(value).or_else(|| {
            value
                .split([',', '/'])
                .flat_map(|part| part.split(" og "))
                .flat_map(|part| part.split(" eller "))
                .map(str::trim)
                .filter(|part| !part.is_empty())
                .find_map(named)
        })
    }

    /// The exposure a one-word compound ends in (`melstøv` is dust, `fiskelukt` smell,
    /// `motorstøy` noise): the longest one-word label of at least four letters, of a demand one is
    /// exposed to in the air or the room ([`EXPOSURES`]), that the word's stem ends with after a
    /// first part of at least three. Other demands are not read inside compounds (`brainstorm`
    /// is no weather).
    pub fn demand_compounded(&self, text: &str) -> Option<ConceptId> {
        let [stem] = self.analyzer.stems(text).try_into().ok()?;
        let demands = self
            .vocabulary
            .concepts
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind == ConceptKind::Demand && EXPOSURES.contains(&c.id.as_str()));
        demands
            .flat_map(|(id, _)| self.label_stems[id].iter().map(move |label| (id, label)))
            .filter_map(|(id, label)| match label.as_slice() {
                [head] if head.chars().count() >= 4 && stem.chars().count() >= head.chars().count() + 3 => {
                    stem.ends_with(head.as_str()).then_some((id, head.chars().count()))
                }
                _ => None,
            })
            .max_by_key(|&(id, length)| (length, std::cmp::Reverse(id)))
            .map(|(id, _)| id)
    }

    /// The demand an advisor names by what is borne alone (`dyr`, `hunder` for an animal
    /// allergy's demand): the shortest demand label holding those words. Only for text already
    /// known to be a demand — elsewhere `dyr` is an interest.
    pub fn demand_borne(&self, text: &str) -> Option<ConceptId> {
        let stems = self.without_fillers(&self.analyzer.stems(text));
        if stems.is_empty() {
            return None;
        }
        let demands = self.vocabulary.concepts.iter().enumerate().filter(|(_, c)| c.kind == ConceptKind::Demand);
        let named = demands
            .flat_map(|(id, _)| self.label_stems[id].iter().map(move |label| (id, label)))
            .filter(|(_, label)| contains_run(label, &stems))
            .min_by_key(|(id, label)| (label.len(), *id))
            .map(|(id, _)| id);
        // `hest`: named by no demand, but by a limit it causes (`allergisk mot hest`).
        named.or_else(|| {
            self.need_phrases
                .iter()
                .filter(|phrase| contains_run(&phrase.stems, &stems))
                .min_by_key(|phrase| (phrase.stems.len(), phrase.demand))
                .map(|phrase| phrase.demand)
        })
    }

    /// Every demand a criterion names, the one [`Taxonomy::demand`] reads first: `kaldt og vått
    /// arbeidsmiljø` is cold and wet work, and a candidate who cannot take either cannot take it.
    pub fn demands(&self, text: &str) -> Vec<ConceptId> {
        let Some(first) = self.demand(text) else { return Vec::new() };
        let stems = self.analyzer.stems(text);
        let mut demands = vec![first];
        for (id, concept) in self.vocabulary.concepts.iter().enumerate() {
            let named = concept.kind == ConceptKind::Demand
                && self.label_stems[id].iter().any(|label| !label.is_empty() && contains_run(&stems, label));
            if named && !demands.contains(&id) {
                demands.push(id);
            }
        }
        demands
    }

    /// The education level a text names (`videregående skole`, `høyere utdanning`).
    pub fn education_level(&self, text: &str) -> Option<EducationLevel> {
        let stems = self.analyzer.stems(text);
        self.education_levels.iter().find(|(phrase, _)| contains_run(&stems, phrase)).map(|(_, level)| *level)
    }

    /// Whether the text speaks of a fagbrev, and the words that name the trade.
    pub fn fagbrev_trade(&self, text: &str) -> Option<String> {
        let words: Vec<String> = crate::analysis::split_words(text).collect();
        let mentions = words.iter().any(|w| self.fagbrev_stems.contains(&self.analyzer.stem(w)));
        mentions.then(|| {
            words
                .into_iter()
                .filter(|w| !self.fagbrev_stems.contains(&self.analyzer.stem(w)))
                .collect::<Vec<_>>()
                .join(" ")
        })
    }

    /// Driving-licence rules.
    pub fn licences(&self) -> &LicenceRules {
        &self.vocabulary.licences
    }

    /// Truck-licence rules.
    pub fn truck(&self) -> &TruckRules {
        &self.vocabulary.truck
    }

    /// Concept labels starting with `prefix` (case-insensitive), for typeahead.
    pub fn labels_with_prefix(&self, prefix: &str) -> Vec<(&str, ConceptKind)> {
        let prefix = prefix.trim().to_lowercase();
        let mut found: Vec<(&str, ConceptKind)> = self
            .vocabulary
            .concepts
            .iter()
            .flat_map(|c| c.labels.iter().map(move |label| (label.as_str(), c.kind)))
            .filter(|(label, _)| label.to_lowercase().starts_with(&prefix))
            .collect();
        found.sort();
        found.dedup();
        found
    }
}

/// Words that weaken a tolerance to nothing, in an adaptation need (`tåler dårlig kulde`).
const WEAK: &[&str] = &["dårlig", "dårleg", "vanskelig", "vanskeleg", "ikkje", "lite", "vondt"];

/// The words of a need with each weak word read as `ikke` (`tåler dårlig kulde` is `tåler ikke
/// kulde`).
fn weakened(text: &str) -> Vec<String> {
    crate::analysis::split_words(text)
        .map(|word| if WEAK.contains(&word.as_str()) { "ikke".to_string() } else { word })
        .collect()
}

/// Demands one is exposed to where the work is done, the ones a compound names by its last part
/// (see [`Taxonomy::demand_compounded`]).
const EXPOSURES: &[&str] = &["stov", "stoy", "lukt", "kulde", "varme", "fukt"];

/// Words that say a need is a limit (`unngå støv`, `ingen nattevakter`).
const NEGATIVE: &[&str] = &["ikke", "ikkje", "ingen", "inga", "unngå", "unngår", "uten", "utan", "aldri", "tåler"];

/// Words that ask for something (`trenger sittende arbeid`, `ønsker å jobbe alene`).
const ASKING: &[&str] =
    &["trenger", "treng", "ønsker", "ønskjer", "foretrekker", "føretrekk", "liker", "likar", "vil", "behov", "må"];

/// A phrase in an adaptation need that rules out a demand; `asks` when it asks for something
/// (`sittende arbeid`, `rolig tempo`) rather than naming the demand or a limit.
#[derive(Debug)]
struct NeedPhrase {
    stems: Vec<String>,
    demand: ConceptId,
    asks: bool,
}

/// Whether `phrase` occurs as a contiguous run in `words`.
fn contains_run(words: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|window| window == phrase)
}

/// Checks ids are unique, labels present and broader terms known; returns ids → index.
fn check_concepts(vocabulary: &Vocabulary) -> Result<HashMap<&str, ConceptId>, TaxonomyError> {
    let mut ids = HashMap::new();
    for (index, concept) in vocabulary.concepts.iter().enumerate() {
        if concept.labels.iter().all(|label| label.trim().is_empty()) {
            return Err(TaxonomyError::Invalid(format!("concept \"{}\" has no label", concept.id)));
        }
        if ids.insert(concept.id.as_str(), index).is_some() {
            return Err(TaxonomyError::Invalid(format!("concept id \"{}\" is used twice", concept.id)));
        }
    }
    for concept in &vocabulary.concepts {
        if let Some(unknown) = concept.broader.iter().find(|id| !ids.contains_key(id.as_str())) {
            return Err(TaxonomyError::Invalid(format!(
                "concept \"{}\" names an unknown broader concept \"{unknown}\"",
                concept.id
            )));
        }
    }
    Ok(ids)
}

/// The analyzer's lexicon: every word of the vocabulary plus `extra`.
fn lexicon_for(vocabulary: &Vocabulary, mut lexicon: Lexicon) -> Lexicon {
    if lexicon.is_empty() && lexicon.forms_len() == 0 {
        lexicon = Lexicon::from_words(std::iter::empty(), Lexicon::DEFAULT_STOPWORDS);
    }
    let labels = vocabulary.concepts.iter().flat_map(|c| c.labels.iter().chain(&c.needs));
    let rules = vocabulary.licences.words.iter().chain(&vocabulary.truck.words).chain(&vocabulary.fagbrev_words);
    let levels = vocabulary.education_levels.values().flatten();
    lexicon.add_words(
        labels.chain(rules).chain(levels).chain(&vocabulary.fillers).chain(&vocabulary.words).map(String::as_str),
    );
    for (word, bokmål) in &vocabulary.nynorsk {
        lexicon.add_nynorsk(word, bokmål);
    }
    lexicon
}

/// FNV-1a over the vocabulary and the lexicon's size: stable across builds and platforms.
fn fingerprint(vocabulary: &Vocabulary, lexicon: &Lexicon) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(&crate::analysis::VERSION.to_le_bytes());
    feed(serde_json::to_string(vocabulary).unwrap_or_default().as_bytes());
    feed(&(lexicon.len() as u64).to_le_bytes());
    feed(&(lexicon.forms_len() as u64).to_le_bytes());
    feed(&[u8::from(lexicon.has_recorded_splits())]);
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taxonomy() -> Arc<Taxonomy> {
        Taxonomy::embedded().expect("embedded vocabulary compiles")
    }

    fn ids(taxonomy: &Taxonomy, found: Vec<ConceptId>) -> Vec<String> {
        found.into_iter().map(|id| taxonomy.concept(id).id.clone()).collect()
    }

    #[test]
    fn an_exposure_is_read_at_the_end_of_a_compound_and_nothing_else_is() {
        let t = taxonomy();
        let named = |value: &str| t.demand_named(value).map(|id| t.concept(id).id.clone());
        assert_eq!(named("melstøv").as_deref(), Some("stov"));
        assert_eq!(named("sagstøvet").as_deref(), Some("stov"));
        assert_eq!(named("motorstøy").as_deref(), Some("stoy"));
        // Only exposures: a storm inside a word is no weather, and a short head is no part.
        assert_eq!(named("brainstorm"), None);
        assert_eq!(named("hårlim"), None);
    }

    #[test]
    fn synonyms_name_the_same_concept_in_any_inflection() {
        let t = taxonomy();
        let kinds = [ConceptKind::Occupation];
        assert_eq!(ids(&t, t.find("renholdsoperatør", &kinds)), ["renholder"]);
        assert_eq!(ids(&t, t.find("vaskehjelp", &kinds)), ["renholder"]);
        assert_eq!(ids(&t, t.find("Elektrikere", &kinds)), ["elektriker"]);
        assert_eq!(ids(&t, t.find("truckførerbevis", &[ConceptKind::Certificate])), ["truckforerbevis"]);
    }

    #[test]
    fn nynorsk_words_meet_their_bokmål_ones_inflected_or_not() {
        let t = taxonomy();
        let same = |nynorsk: &str, bokmål: &str| {
            assert_eq!(t.analyzer().stems(nynorsk), t.analyzer().stems(bokmål), "{nynorsk} ~ {bokmål}");
        };
        same("heimetenesta", "hjemmetjenesten");
        same("sjukeheimen", "sykehjem");
        same("bebuarane", "beboerne");
        same("tolmodig", "tålmodig");
        same("vaktmeister", "vaktmester");
        same("røyrleggjar", "rørlegger");
        same("eldreomsorg i heimetenesta", "eldreomsorg i hjemmetjenesten");
        same("snikra", "snekret");
        same("fiksar", "fikser");
        assert_eq!(
            ids(&t, t.find("sjukepleiar", &[ConceptKind::Occupation])),
            ids(&t, t.find("sykepleier", &[ConceptKind::Occupation]))
        );
    }

    /// With Bokmålsordboka's forms (the build exports them), irregular forms meet their lemma
    /// while a form of two words is left to the rules.
    #[test]
    fn a_dictionarys_forms_reach_their_lemmas() {
        let Some(forms) = crate::taxonomy::forms::built_in() else {
            assert!(std::env::var_os("JOBBMATCH_NO_FETCH").is_some(), "the build exports Bokmålsordboka's forms");
            return;
        };
        let mut lexicon = Lexicon::from_words(std::iter::empty(), Lexicon::DEFAULT_STOPWORDS);
        crate::taxonomy::forms::load(&forms, &mut lexicon).expect("forms");
        let t = Taxonomy::build(Vocabulary::embedded().expect("vocabulary"), lexicon).expect("taxonomy");
        let stems = |text: &str| t.analyzer().stems(text);
        assert_eq!(stems("gikk"), stems("gå"));
        assert_eq!(stems("sykehjemmet"), stems("sykehjem"));
        assert_eq!(stems("elektrikerne"), stems("elektriker"));
        assert_eq!(stems("lager"), taxonomy().analyzer().stems("lager"), "ambiguous: as without the lexicon");
        assert_ne!(t.fingerprint(), taxonomy().fingerprint(), "an index built with it is told apart");
    }

    #[test]
    fn framing_words_are_dropped_when_needed() {
        let t = taxonomy();
        assert_eq!(ids(&t, t.find("interesse for bil", &[ConceptKind::Theme])), ["theme-bil"]);
        assert_eq!(ids(&t, t.find("motor", &[ConceptKind::Theme])), ["theme-bil"]);
        assert_eq!(ids(&t, t.find("bilmekanikk", &[ConceptKind::Theme])), ["theme-bil"]);
    }

    /// Golden: real vocabulary through the analyzer the product ships with.
    #[test]
    fn the_embedded_analyzer_handles_real_vocabulary() {
        let t = taxonomy();
        let a = t.analyzer();
        let families: [&[&str]; 6] = [
            &["elektriker", "elektrikere", "elektrikeren", "elektrikerne"],
            &["utvikler", "utviklere", "utvikleren", "utviklerne"],
            &["renholder", "renholdere", "renholderen"],
            &["sjåfør", "sjåfører", "sjåføren", "sjåførene"],
            &["barnehage", "barnehager", "barnehagen", "barnehagene"],
            &["lærer", "lærere", "læreren", "lærerne"],
        ];
        for family in families {
            let stems: Vec<String> = family.iter().map(|w| a.stem(w)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{family:?} → {stems:?}");
        }
        let parts = |word: &str| a.word(word).parts.clone();
        assert!(parts("truckførerbevis").contains(&"truck".to_string()));
        assert!(parts("barnehageassistent").contains(&a.stem("barnehage")));
        assert!(parts("lagermedarbeider").contains(&"lager".to_string()));
        // `sveise` (a known word now, the verb of welding) or its stem `sveis`.
        assert!(parts("sveiseerfaring").iter().any(|part| part.starts_with("sveis")), "{:?}", parts("sveiseerfaring"));
        assert!(parts("anleggsmaskinfører").contains(&"anlegg".to_string()));
        assert!(parts("kundeservis").is_empty(), "a misspelt word is not split into nonsense");
        assert!(crate::analysis::typo::is_typo_of(&a.stem("kundeservice"), &a.stem("kundeservis")));
    }

    #[test]
    fn misspelt_concepts_are_found_by_typo_tolerance() {
        let t = taxonomy();
        assert!(t.find("kundeservis", &[ConceptKind::Skill]).is_empty());
        assert_eq!(ids(&t, t.find_by_typo("kundeservis", &[ConceptKind::Skill])), ["kundeservice"]);
        assert_eq!(ids(&t, t.find_by_typo("trukfører", &[ConceptKind::Occupation])), ["truckforer"]);
    }

    #[test]
    fn broader_terms_reach_narrower_ones() {
        let t = taxonomy();
        let lager = t.find("lager", &[ConceptKind::Occupation])[0];
        let below = ids(&t, t.descendants(lager));
        assert!(below.contains(&"lagermedarbeider".to_string()) && below.contains(&"truckforer".to_string()));
        let bil = t.find("bil", &[ConceptKind::Theme])[0];
        assert!(ids(&t, t.descendants(bil)).contains(&"bilmekaniker".to_string()));
        // A veileder's `køyrde minigravar for naboen` is construction work: the digger is a
        // machine operator's, in bokmål and nynorsk.
        let anlegg = t.find("anlegg", &[ConceptKind::Occupation])[0];
        let operator = t.find("minigravar", &[ConceptKind::Occupation]);
        assert_eq!(ids(&t, operator.clone()), ["anleggsmaskinforer"]);
        assert!(t.descendants(anlegg).contains(&operator[0]));
        assert_eq!(t.find("minigraver", &[ConceptKind::Occupation]), operator);
        // Experience with horses (`erfaring med hest`) is what a stable hand or a riding
        // instructor has, and it is work with animals.
        let horses = t.find("hest", &[ConceptKind::Skill]);
        assert_eq!(ids(&t, horses.clone()), ["hestestell"]);
        assert_eq!(t.find("stallmedarbeider", &[ConceptKind::Skill]), horses);
        assert_eq!(t.find("rideinstruktør", &[ConceptKind::Skill]), horses);
        let animals = t.find("dyr", &[ConceptKind::Theme])[0];
        assert!(t.descendants(animals).contains(&horses[0]));
        // A veileder's `pusser opp hus` or `bygde hytta selv` is building work, and handicraft.
        let renovating = t.find("pusser opp", &[ConceptKind::Skill]);
        assert_eq!(ids(&t, renovating.clone()), ["oppussing"]);
        let building = t.find("bygg", &[ConceptKind::Occupation])[0];
        assert!(t.descendants(building).contains(&renovating[0]));
        let handicraft = t.find("håndverk", &[ConceptKind::Theme])[0];
        assert!(t.descendants(handicraft).contains(&renovating[0]));
    }

    #[test]
    fn languages_adaptation_needs_and_levels() {
        let t = taxonomy();
        assert_eq!(t.language("Bokmål"), Some("norsk"));
        assert_eq!(t.language("klingon"), None);
        let demand = t.demand_for_need("Kan ikke løfte tungt etter skade").expect("a demand");
        assert_eq!(t.concept(demand).id, "tunge-loft");
        assert_eq!(t.education_level("videregående skole"), Some(EducationLevel::Videregaende));
        assert_eq!(t.fagbrev_trade("fagbrev som rørlegger").as_deref(), Some("som rørlegger"));
        assert_eq!(t.fagbrev_trade("rørlegger"), None);
    }

    #[test]
    fn a_demand_is_found_inside_everyday_words_and_a_need_rules_out_every_demand_it_names() {
        let t = taxonomy();
        let id = |demand: Option<ConceptId>| demand.map(|d| t.concept(d).id.clone());
        assert_eq!(id(t.demand("tunge løft")).as_deref(), Some("tunge-loft"));
        // A structured criterion in everyday words still names its demand, the longest one.
        assert_eq!(id(t.demand("utearbeid i all slags vær")).as_deref(), Some("vaerutsatt"));
        assert_eq!(id(t.demand("jobbe ute på merdene i all slags vær")).as_deref(), Some("vaerutsatt"));
        assert_eq!(t.demand("kundeservice"), None);
        // Cold rules out cold rooms and work outside in all weather alike.
        let demands: Vec<String> =
            t.demands_for_need("tåler ikke kulde over tid").into_iter().map(|d| t.concept(d).id.clone()).collect();
        assert!(demands.contains(&"kulde".to_string()) && demands.contains(&"vaerutsatt".to_string()), "{demands:?}");
        // A beekeeper's «bie- og vepsestikk» is ruled out by an allergy to wasps and bees.
        assert_eq!(id(t.demand("bie- og vepsestikk")).as_deref(), Some("insektstikk"));
        let stings: Vec<String> = t
            .demands_for_need("allergisk mot veps og bier, har adrenalinpenn")
            .into_iter()
            .map(|d| t.concept(d).id.clone())
            .collect();
        assert!(stings.contains(&"insektstikk".to_string()), "{stings:?}");
    }

    #[test]
    fn a_demand_named_by_what_is_borne_finds_its_concept() {
        let t = taxonomy();
        let id = |demand: Option<ConceptId>| demand.map(|d| t.concept(d).id.clone());
        // An advisor's structured demand `dyr` or `hunder` is the animal allergy's demand.
        assert_eq!(id(t.demand_borne("dyr")).as_deref(), Some("dyr-og-pels"));
        assert_eq!(id(t.demand_borne("hunder")).as_deref(), Some("dyr-og-pels"));
        assert_eq!(id(t.demand_borne("hest")).as_deref(), Some("dyr-og-pels"), "named by the limit it causes");
        assert_eq!(t.demand_borne("kundeservice"), None);
        let demands: Vec<String> =
            t.demands_for_need("allergi mot katt").into_iter().map(|d| t.concept(d).id.clone()).collect();
        assert_eq!(demands, ["dyr-og-pels"]);
    }

    #[test]
    fn a_limit_said_with_a_weak_word_rules_out_its_demand() {
        let t = taxonomy();
        let first = |need: &str| t.demand_for_need(need).map(|d| t.concept(d).id.clone());
        // `dårlig rygg` in the vocabulary and in a candidate's words alike read as `ikke rygg`.
        assert_eq!(first("dårlig rygg").as_deref(), Some("tunge-loft"));
        assert_eq!(first("har vondt i ryggen").as_deref(), Some("tunge-loft"));
        assert_eq!(first("klaustrofobi").as_deref(), Some("trange-rom"));
        assert_eq!(first("høydredd").as_deref(), Some("hoydearbeid"));
        // At sea: seasickness, and a limit on bad weather, rule out work outside in all weather.
        assert_eq!(first("blir sjøsjuk, kan ikkje vere på sjøen i dårleg vêr").as_deref(), Some("vaerutsatt"));
        assert_eq!(first("sjøsyk").as_deref(), Some("vaerutsatt"));
        // Read as `ikke`, a weak word leaves the limit's subject: a back named in a limit is a
        // bad back, and poor sight rules out fine work with small parts.
        assert_eq!(first("dårlig syn").as_deref(), Some("finarbeid"));
        assert_eq!(first("skjelving i hendene, klarer ikke smått arbeid").as_deref(), Some("finarbeid"));
        assert_eq!(first("tolar ikkje kulde, må vere inne").as_deref(), Some("vaerutsatt"));
        assert_eq!(first("ikke tunge løft"), Some("tunge-loft".to_string()));
    }

    #[test]
    fn a_vehicle_named_at_the_end_of_a_compound_asks_for_its_class() {
        let t = taxonomy();
        let rules = t.licences();
        assert_eq!(rules.vehicle_class("hestehenger").map(String::as_str), Some("BE"));
        assert_eq!(rules.vehicle_class("skolebuss").map(String::as_str), Some("D"));
        assert_eq!(rules.vehicle_class("lastebil").map(String::as_str), Some("C"));
        assert_eq!(rules.vehicle_class("mobil"), None, "too short a vehicle word to end a compound");
    }

    #[test]
    fn a_limit_said_in_other_words_still_rules_out_its_demand() {
        let t = taxonomy();
        let ids = |need: &str| -> Vec<String> {
            t.demands_for_need(need).into_iter().map(|d| t.concept(d).id.clone()).collect()
        };
        // A weak word reads as `ikke`: the same limit as `tåler ikke kulde`.
        let cold = ids("tåler dårlig kulde, astma");
        assert!(cold.contains(&"kulde".to_string()) && cold.contains(&"vaerutsatt".to_string()), "{cold:?}");
        // A part that names a demand rules it out.
        assert!(ids("nattblind, kan ikke kjøre i mørke").contains(&"morke".to_string()));
        assert!(ids("har vondt i ryggen, må unngå tunge løft").contains(&"tunge-loft".to_string()));
        // No limit said, nothing ruled out.
        assert!(ids("ingen problemer med tunge løft").is_empty(), "{:?}", ids("ingen problemer med tunge løft"));
        // Sitting, cycling and working alone are demands a limit can rule out too …
        assert!(ids("kan ikke sitte mer enn en halvtime, må bevege seg").contains(&"stillesittende".to_string()));
        assert!(ids("dårlige knær, kan ikke sykle langt").contains(&"sykling".to_string()));
        assert!(ids("treng å jobbe saman med andre, kan ikkje vere åleine").contains(&"alenearbeid".to_string()));
        // … but a need that asks for the thing does not rule it out.
        let sitting = ids("kan ikkje stå meir enn ein time om gongen, treng sittande arbeid");
        assert!(
            sitting.contains(&"staende-arbeid".to_string()) && !sitting.contains(&"stillesittende".to_string()),
            "{sitting:?}"
        );
        assert!(!ids("trenger å jobbe alene, i et eget rom").contains(&"alenearbeid".to_string()));
    }

    /// An occupation holds the activity that is its work: a cook can `lage mat`, a cleaner
    /// `rengjøre`. A hairdresser does not stand for `klippe hår` (the title covers apprentices who
    /// do not cut yet), nor a waiter for `barista`.
    #[test]
    fn an_occupation_brings_the_activity_that_is_its_work() {
        let t = taxonomy();
        let concept = |kind: ConceptKind, text: &str| *t.find(text, &[kind]).first().expect(text);
        let holds = |activity: &str, occupation: &str| {
            t.descendants(concept(ConceptKind::Skill, activity)).contains(&concept(ConceptKind::Occupation, occupation))
        };
        assert!(holds("lage mat", "kokk") && holds("rengjøre", "renholder") && holds("kjøre truck", "truckfører"));
        assert!(holds("reparere biler", "bilmekaniker") && holds("passe barn", "barnehageassistent"));
        assert!(!holds("klippe hår", "frisør") && !holds("servering", "servitør"));
    }

    #[test]
    fn broken_vocabularies_are_refused_with_the_reason() {
        let mut vocabulary = Vocabulary::embedded().expect("embedded");
        vocabulary.concepts[0].broader.push("nowhere".into());
        let error = Taxonomy::build(vocabulary, Lexicon::default()).expect_err("unknown broader");
        assert!(error.to_string().contains("nowhere"));
    }

    #[test]
    fn a_users_file_extends_the_default() {
        let mut vocabulary = Vocabulary::embedded().expect("embedded");
        let extra: Vocabulary = serde_json::from_str(
            r#"{"concepts":[{"id":"renholder","kind":"occupation","labels":["vaskemester"]},
                            {"id":"droneoperator","kind":"occupation","labels":["droneoperatør"]}]}"#,
        )
        .expect("valid extension");
        vocabulary.extend(extra);
        let t = Taxonomy::build(vocabulary, Lexicon::default()).expect("compiles");
        assert_eq!(ids(&t, t.find("vaskemester", &[ConceptKind::Occupation])), ["renholder"]);
        assert_eq!(ids(&t, t.find("droneoperatør", &[ConceptKind::Occupation])), ["droneoperator"]);
    }
}
