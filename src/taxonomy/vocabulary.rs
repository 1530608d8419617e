//! The vocabulary file format: concepts of the field and the rules for licences and levels.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::TaxonomyError;

/// The vocabulary as written in a file. The embedded default is `vocabulary.json` beside this
/// module; users can extend or replace it with their own file in the same format.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    #[serde(default)]
    pub concepts: Vec<Concept>,
    #[serde(default)]
    pub licences: LicenceRules,
    #[serde(default)]
    pub truck: TruckRules,
    /// Words that mark a trade certificate: `fagbrev`, `svennebrev`.
    #[serde(default)]
    pub fagbrev_words: Vec<String>,
    /// The rest of a trade's ladder (lærling, mesterbrev) and its renamed trades.
    #[serde(default)]
    pub trades: super::trade::TradeRules,
    /// Names of education levels as people write them, mapped onto the levels of the data model.
    #[serde(default)]
    pub education_levels: BTreeMap<String, Vec<String>>,
    /// Words that frame a criterion without being its subject (`interesse`, `erfaring`, `god`):
    /// dropped when a criterion is looked up in the vocabulary.
    #[serde(default)]
    pub fillers: Vec<String>,
    /// Extra words for the analyzer's lexicon (stemming and compound splitting).
    #[serde(default)]
    pub words: Vec<String>,
    /// Nynorsk words that bokmål spells apart, with the bokmål word (`heim` → `hjem`): read as
    /// that word, inflected or not (`heimetenesta`). Words both standards share need no entry,
    /// and nynorsk endings are stripped by the analyser's rules.
    #[serde(default)]
    pub nynorsk: BTreeMap<String, String>,
}

/// A thing the field talks about, with every name it goes by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    /// Stable id, unique within the vocabulary.
    pub id: String,
    pub kind: ConceptKind,
    /// Names; the first is the preferred one. Synonyms are simply further labels.
    pub labels: Vec<String>,
    /// Ids of broader concepts: asking for a broader concept also finds this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub broader: Vec<String>,
    /// STYRK-08 occupation code, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub styrk: Option<String>,
    /// For demands: how candidates phrase an adaptation need that conflicts with the demand
    /// (e.g. `tunge løft` ← `kan ikke løfte tungt`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
}

/// What a concept is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConceptKind {
    Occupation,
    Skill,
    Certificate,
    Education,
    Language,
    /// An interest theme (bil, natur, matlaging …).
    Theme,
    Quality,
    /// A demand of the job that some candidates need adapted (tunge løft, stående arbeid …).
    Demand,
}

/// Driving licences: the words that introduce them, the classes, and which held class satisfies
/// which required class.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LicenceRules {
    pub words: Vec<String>,
    /// Words that mean a licence of `default_class` on their own (`lappen`).
    #[serde(default)]
    pub default_words: Vec<String>,
    #[serde(default)]
    pub default_class: String,
    /// Everyday names of classes, alone or in a compound with a licence word: `buss` → D
    /// (`buss-lappen`, `bussertifikat`), `lastebil` → C (`lastebillappen`).
    #[serde(default)]
    pub class_words: BTreeMap<String, String>,
    pub classes: Vec<String>,
    /// Required class → the other classes that satisfy it (NAV widens upwards: B is satisfied by
    /// BE, C1, C1E, C, CE, D1, D1E, D, DE).
    #[serde(default)]
    pub satisfied_by: BTreeMap<String, Vec<String>>,
}

/// Truck licences (truckførerbevis) and their classes T1–T8, which do not include each other.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TruckRules {
    pub words: Vec<String>,
    pub classes: Vec<String>,
}

impl Vocabulary {
    /// The embedded default vocabulary.
    pub fn embedded() -> Result<Vocabulary, TaxonomyError> {
        Self::parse(include_str!("vocabulary.json"), "embedded vocabulary")
    }

    /// Reads a vocabulary file.
    pub fn from_file(path: &Path) -> Result<Vocabulary, TaxonomyError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| TaxonomyError::Io { path: path.display().to_string(), source })?;
        Self::parse(&text, &path.display().to_string())
    }

    fn parse(text: &str, origin: &str) -> Result<Vocabulary, TaxonomyError> {
        let deserializer = &mut serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(deserializer).map_err(|error| TaxonomyError::Format {
            origin: origin.to_string(),
            detail: format!("{}: {}", error.path(), error.inner()),
        })
    }

    /// Adds `other` to this vocabulary: new concepts are appended, concepts with a known id get
    /// the new labels and broader terms, rule lists are extended.
    pub fn extend(&mut self, other: Vocabulary) {
        for concept in other.concepts {
            match self.concepts.iter_mut().find(|known| known.id == concept.id) {
                Some(known) => {
                    merge_unique(&mut known.labels, concept.labels);
                    merge_unique(&mut known.broader, concept.broader);
                    merge_unique(&mut known.needs, concept.needs);
                    if concept.styrk.is_some() {
                        known.styrk = concept.styrk;
                    }
                }
                None => self.concepts.push(concept),
            }
        }
        self.nynorsk.extend(other.nynorsk);
        merge_unique(&mut self.licences.words, other.licences.words);
        merge_unique(&mut self.licences.default_words, other.licences.default_words);
        merge_unique(&mut self.licences.classes, other.licences.classes);
        for (class, satisfied_by) in other.licences.satisfied_by {
            merge_unique(self.licences.satisfied_by.entry(class).or_default(), satisfied_by);
        }
        self.licences.class_words.extend(other.licences.class_words);
        if !other.licences.default_class.is_empty() {
            self.licences.default_class = other.licences.default_class;
        }
        merge_unique(&mut self.truck.words, other.truck.words);
        merge_unique(&mut self.truck.classes, other.truck.classes);
        merge_unique(&mut self.fagbrev_words, other.fagbrev_words);
        merge_unique(&mut self.trades.apprentice_words, other.trades.apprentice_words);
        merge_unique(&mut self.trades.master_words, other.trades.master_words);
        self.trades.same.extend(other.trades.same);
        for (level, names) in other.education_levels {
            merge_unique(self.education_levels.entry(level).or_default(), names);
        }
        merge_unique(&mut self.fillers, other.fillers);
        merge_unique(&mut self.words, other.words);
    }
}

fn merge_unique(into: &mut Vec<String>, from: Vec<String>) {
    for item in from {
        if !into.contains(&item) {
            into.push(item);
        }
    }
}
