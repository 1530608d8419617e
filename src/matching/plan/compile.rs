//! Compiling a job need against the vocabulary: each criterion's words become alternatives
//! (synonyms, narrower terms, compound parts, typo seeds), structured values become index keys or
//! column tests, the room to adapt becomes waivers, and the need's own fields imply criteria.

use std::collections::BTreeSet;

use time::Date;

use super::{
    Alternative, COMMUTE_LABEL, ColumnTest, DemandTest, MUST_WEIGHT, PROXIMITY_WEIGHT, Plan, Planned, TermTest, Test,
    UNRANKED_WEIGHT,
};
use crate::analysis::PART_PREFIX;
use crate::index::{ProfileField, Source, keys};
use crate::matching::MatchError;
use crate::matching::evidence::Coverage;
use crate::model::{Criterion, CriterionKind, Importance, JobNeed, LanguageLevel, MatchHow, Shift};
use crate::semantic::{CLOSE_Z, LEAST_Z, Resemblance};
use crate::taxonomy::trade::Rung;
use crate::taxonomy::{ConceptKind, Taxonomy};

/// How much of an experience wish an interest tag covers.
const INTEREST_FOR_EXPERIENCE: f32 = 0.6;

/// The least share of a phrase's weight that some of its words must carry to count.
const MIN_PART_SHARE: f32 = 0.3;

/// At most this many names (the value first) make up the text a wish is embedded as.
const SEMANTIC_NAMES: usize = 6;

/// Why a criterion cannot be compiled: the caller's mistake, named for them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompileError {
    #[error("value has no words to match (values are matched as words; query syntax and punctuation are not searched)")]
    NoWords,
    #[error("not a shift (dag, kveld, natt, helg, turnus)")]
    NotAShift,
    #[error("not a stillingsprosent")]
    NotAnExtent,
    #[error("a distance criterion needs the job's location")]
    DistanceWithoutLocation,
    #[error("not a distance in km")]
    NotADistance,
    #[error("not a date (YYYY-MM-DD)")]
    NotADate,
    #[error("unknown language \"{0}\"; add it to the vocabulary")]
    UnknownLanguage(String),
}

/// How much a word weighs in a phrase: its rarity among profiles (an inverse document frequency).
/// Matches on some of a phrase's words cover the share of the phrase's weight they carry.
pub trait Rarity {
    fn weight(&self, stem: &str) -> f32;

    /// How many profiles hold the semantic phrase `key`, and how many profiles there are: a
    /// phrase many profiles share word for word (`Stabil og punktlig`) is template text.
    fn phrase_holders(&self, _key: &str) -> Option<(u64, u64)> {
        None
    }
}

/// A phrase held word for word by at least this many profiles, and this share of them, is
/// boilerplate (`Motivert for å lære nye ting`): its resemblance to a wish says little about
/// anyone, so it counts for half.
const BOILERPLATE_HOLDERS: u64 = 5;
const BOILERPLATE_SHARE: f64 = 0.02;
const BOILERPLATE_FACTOR: f32 = 0.5;

/// Every word weighs the same: for plans compiled without an index.
pub struct EqualRarity;

impl Rarity for EqualRarity {
    fn weight(&self, _stem: &str) -> f32 {
        1.0
    }
}

/// One way to meet an option of a value: terms in one field, how they count, what they cover.
struct Phrase {
    terms: Vec<String>,
    how: MatchHow,
    coverage: Coverage,
}

impl Phrase {
    fn whole(terms: Vec<String>, how: MatchHow) -> Phrase {
        Phrase { terms, how, coverage: Coverage::WHOLE }
    }
}

/// Compiles `need` (already validated) against the vocabulary, weighing words by `rarity`, and
/// letting `resemblance` find profile phrases for wishes.
pub(super) fn plan(
    need: &JobNeed,
    taxonomy: &Taxonomy,
    rarity: &dyn Rarity,
    resemblance: Option<&dyn Resemblance>,
) -> Result<Plan, MatchError> {
    let compiler = Compiler { need, taxonomy, rarity, resemblance };
    if let Some(resemblance) = resemblance {
        let texts: Vec<String> =
            need.criteria.iter().filter(|c| resembles(c)).map(|c| compiler.semantic_text(c)).collect();
        resemblance.prepare(&texts.iter().map(String::as_str).collect::<Vec<_>>());
    }
    let mut criteria = crate::matching::position::Table::with_capacity(need.criteria.len());
    for (index, criterion) in need.criteria.iter().enumerate() {
        let planned = compiler.criterion(criterion).map_err(|reason| MatchError::Criterion {
            index,
            label: criterion.label(),
            reason,
        })?;
        criteria.push(planned);
    }
    for implied in compiler.implied() {
        criteria.push(implied);
    }
    Ok(Plan { need_id: need.id.clone(), top: need.top(), criteria, binary: false })
}

struct Compiler<'a> {
    need: &'a JobNeed,
    taxonomy: &'a Taxonomy,
    rarity: &'a dyn Rarity,
    resemblance: Option<&'a dyn Resemblance>,
}

/// How far out a phrase must stand to count for a personal quality: every self-description
/// (`stabil og punktlig`) resembles every quality asked for (`rolig og respektfull`) a little.
const QUALITY_LEAST_Z: f32 = 3.25;

/// Whether the semantic layer may give evidence for `criterion`: a wish in words (occupation,
/// experience, skill, interest, quality). Never a must-have, even one the employer can adapt:
/// a must-have is met by the requirement itself.
fn resembles(criterion: &Criterion) -> bool {
    criterion.importance == Importance::Adjustable
        && matches!(
            criterion.kind,
            CriterionKind::Occupation
                | CriterionKind::Experience
                | CriterionKind::Skill
                | CriterionKind::Interest
                | CriterionKind::Quality
        )
}

impl Compiler<'_> {
    fn criterion(&self, criterion: &Criterion) -> Result<Planned, CompileError> {
        let mut test = self.test(criterion)?;
        if let (Test::Terms(terms), Some(resemblance)) = (&mut test, self.resemblance) {
            if resembles(criterion) {
                let least = if criterion.kind == CriterionKind::Quality { QUALITY_LEAST_Z } else { LEAST_Z };
                terms.alternatives.extend(semantic_alternatives(
                    resemblance,
                    self.rarity,
                    &self.semantic_text(criterion),
                    least,
                ));
            }
        }
        let waiver = if criterion.importance == Importance::Must { self.waiver(criterion) } else { None };
        let importance = if waiver.is_some() { Importance::Adjustable } else { criterion.importance };
        let weight = criterion.weight.unwrap_or(match (criterion.importance, criterion.rank) {
            _ if criterion.kind == CriterionKind::Distance => PROXIMITY_WEIGHT,
            (Importance::Must, _) => MUST_WEIGHT,
            (Importance::Adjustable, Some(rank)) => 2.0 / (rank as f32 + 1.0),
            (Importance::Adjustable, None) => UNRANKED_WEIGHT,
        });
        Ok(Planned { label: criterion.label(), kind: criterion.kind, importance, weight, test, waiver, implied: false })
    }

    /// What the semantic layer looks for a wish by: its value, followed by the names the
    /// vocabulary has for the concepts it names (`friluftsliv, natur, fjelltur, …`). Their common
    /// meaning outvotes a quirk of one word (`friluftsliv` lies near `frisør` by its letters alone).
    fn semantic_text(&self, criterion: &Criterion) -> String {
        let value = criterion.value.trim();
        let mut names: Vec<&str> = vec![value];
        for concept in self.taxonomy.find(value, &[ConceptKind::Theme, ConceptKind::Occupation, ConceptKind::Skill]) {
            for label in &self.taxonomy.concept(concept).labels {
                if names.len() < SEMANTIC_NAMES && !names.contains(&label.as_str()) {
                    names.push(label);
                }
            }
        }
        names.join(", ")
    }

    fn test(&self, criterion: &Criterion) -> Result<Test, CompileError> {
        use ProfileField as F;
        let value = criterion.value.trim();
        let with_years = |mut test: TermTest| {
            test.min_years = criterion.min_years;
            Test::Terms(test)
        };
        Ok(match criterion.kind {
            CriterionKind::Occupation => with_years(self.text(
                value,
                &[ConceptKind::Occupation],
                &[
                    F::Experience,
                    F::DesiredOccupation,
                    F::Education,
                    F::Fagbrev,
                    F::TagInterest,
                    F::TagSkill,
                    F::Summary,
                ],
            )?),
            CriterionKind::Experience => {
                let mut test = self.text(
                    value,
                    &[ConceptKind::Occupation, ConceptKind::Skill],
                    &[F::Experience, F::Skill, F::TagSkill, F::Summary],
                )?;
                // A veileder's interest tag (`interessert i barn og ungdom`) speaks to a wish for
                // experience (`arbeid med ungdom`) too, but as a part of it: interest is not practice.
                let from_interest: Vec<Alternative> = test
                    .alternatives
                    .iter()
                    .filter(|a| a.field == F::TagSkill)
                    .map(|a| Alternative {
                        field: F::TagInterest,
                        coverage: Coverage::part(a.coverage.share() * INTEREST_FOR_EXPERIENCE),
                        ..a.clone()
                    })
                    .collect();
                test.alternatives.extend(from_interest);
                with_years(test)
            }
            CriterionKind::Skill => Test::Terms(self.text(
                value,
                &[ConceptKind::Skill],
                &[F::Skill, F::Experience, F::Certificate, F::TagSkill, F::TagInterest, F::Summary],
            )?),
            CriterionKind::Certificate => Test::Terms(self.certificate(value)?),
            CriterionKind::Education => Test::Terms(self.education(value)?),
            CriterionKind::Language => Test::Terms(self.language(value, criterion)?),
            CriterionKind::Interest => Test::Terms(self.text_with(
                value,
                &[ConceptKind::Theme, ConceptKind::Occupation, ConceptKind::Skill],
                &[
                    F::TagInterest,
                    F::TagPreference,
                    F::TagSkill,
                    F::DesiredOccupation,
                    F::Experience,
                    F::Skill,
                    F::Education,
                    F::Summary,
                ],
                true,
            )?),
            CriterionKind::Quality => Test::Terms(self.text_with(
                value,
                &[ConceptKind::Quality],
                &[F::TagSkill, F::TagPreference, F::TagInterest, F::Skill, F::Summary],
                true,
            )?),
            CriterionKind::Shift => {
                let shift = Shift::parse(value).ok_or(CompileError::NotAShift)?;
                Test::Terms(keys_test(&[keys::shift(shift), keys::shift_unstated()], MatchHow::Exact))
            }
            CriterionKind::Extent => {
                let percent = criterion.number().ok_or(CompileError::NotAnExtent)?;
                Test::Column(ColumnTest::Extent {
                    job_percent: percent.round() as u8,
                    adaptable_min: self.need.adaptable.extent_min_percent,
                })
            }
            CriterionKind::Distance => Test::Column(ColumnTest::Distance {
                origin: self.need.location.ok_or(CompileError::DistanceWithoutLocation)?,
                limit_km: Some(criterion.number().ok_or(CompileError::NotADistance)?),
                commute: false,
            }),
            CriterionKind::StartDate => Test::Column(ColumnTest::StartDate {
                start: criterion.date().ok_or(CompileError::NotADate)?.to_julian_day(),
                latest: self.need.adaptable.start_latest.map(Date::to_julian_day),
            }),
            CriterionKind::Demand => self.demand(value),
        })
    }

    /// Term alternatives for free text: the words themselves, the concept's other labels and
    /// narrower concepts, compound parts, some of a phrase's words, and seeds for typo tolerance.
    fn text(&self, value: &str, kinds: &[ConceptKind], fields: &[ProfileField]) -> Result<TermTest, CompileError> {
        self.text_with(value, kinds, fields, false)
    }

    /// Interests and qualities (`theme`) live in tags and summaries. A CV shows them only when it
    /// names the theme itself (a `bilmekaniker` is interested in cars); a loose CV match
    /// (`lastebilsjåfør` contains `bil`) must not outrank a veileder's tag, so compound parts and
    /// typos count only in tags and summaries. And a theme `X og Y` is an area where either
    /// counts (`klær og mote`), as `X eller Y` is for every kind.
    fn text_with(
        &self,
        value: &str,
        kinds: &[ConceptKind],
        fields: &[ProfileField],
        theme: bool,
    ) -> Result<TermTest, CompileError> {
        // `lager eller butikk`, `lager/butikk` and `lager, butikk` each mean either.
        let options: Vec<&str> = value
            .split(" eller ")
            .flat_map(|part| part.split(['/', ',']))
            .flat_map(|part| if theme { part.split(" og ").collect::<Vec<_>>() } else { vec![part] })
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect();
        let mut phrases: Vec<Phrase> = Vec::new();
        let mut seeds: BTreeSet<String> = BTreeSet::new();
        for option in options {
            let (option_phrases, option_seeds) = self.option_phrases(option, kinds)?;
            phrases.extend(option_phrases);
            seeds.extend(option_seeds);
        }
        if phrases.is_empty() {
            return Err(CompileError::NoWords);
        }
        let mut test = TermTest::default();
        for &field in fields {
            let loose = !(theme && field.source() == Source::Cv);
            for phrase in &phrases {
                if loose || matches!(phrase.how, MatchHow::Exact | MatchHow::Synonym) {
                    let alternative = Alternative::new(field, phrase.terms.clone(), phrase.how);
                    test.alternatives.push(Alternative { coverage: phrase.coverage, ..alternative });
                }
            }
            if loose {
                test.typo_seeds.extend(seeds.iter().map(|seed| (field, seed.clone())));
            }
        }
        test.alternatives.sort();
        test.alternatives.dedup();
        Ok(test)
    }

    /// The phrases that meet one option of a value, with how each counts, and the typo seeds.
    fn option_phrases(
        &self,
        value: &str,
        kinds: &[ConceptKind],
    ) -> Result<(Vec<Phrase>, BTreeSet<String>), CompileError> {
        let analyzer = self.taxonomy.analyzer();
        let words = analyzer.stems(value);
        if words.is_empty() {
            return Err(CompileError::NoWords);
        }
        let own = self.taxonomy.without_fillers(&words);
        let mut phrases: Vec<Phrase> = vec![Phrase::whole(own.clone(), MatchHow::Exact)];

        let mut concepts = self.taxonomy.find(value, kinds);
        let concept_how = if concepts.is_empty() {
            concepts = self.taxonomy.find_by_typo(value, kinds);
            MatchHow::Typo
        } else {
            MatchHow::Synonym
        };
        let mut related = concepts.clone();
        for &concept in &concepts {
            related.extend(self.taxonomy.descendants(concept));
        }
        for concept in related {
            for stems in self.taxonomy.label_stems(concept) {
                if !stems.is_empty() && *stems != own {
                    phrases.push(Phrase::whole(stems.clone(), concept_how));
                }
            }
        }
        // `flytting`: an action noun is met by its verb (`hjulpet mange å flytte`).
        if let [word] = own.as_slice() {
            for verb in self.verb_of(word) {
                phrases.push(Phrase::whole(vec![verb], MatchHow::Synonym));
            }
        }
        // A single word may also be a part of a compound in the profile.
        let singles: Vec<(String, MatchHow)> =
            phrases.iter().filter(|p| p.terms.len() == 1).map(|p| (p.terms[0].clone(), p.how)).collect();
        for (word, how) in &singles {
            if word.chars().count() >= 3 {
                let how = if *how == MatchHow::Typo { MatchHow::Typo } else { MatchHow::CompoundPart };
                phrases.push(Phrase::whole(vec![format!("{PART_PREFIX}{word}")], how));
            }
        }
        phrases.extend(self.some_words(&own, if concepts.is_empty() { kinds } else { &[] }));
        // Typo tolerance looks for misspellings of the criterion's own words and of the names of
        // the concept it names, not of every narrower term (which would multiply dictionary scans
        // for little gain).
        let mut seeds: BTreeSet<String> = own.iter().cloned().collect();
        seeds.extend(own.iter().map(|word| analyzer.rule_stem(word)));
        for &concept in &concepts {
            for stems in self.taxonomy.label_stems(concept) {
                if let [word] = stems.as_slice() {
                    seeds.insert(word.clone());
                }
            }
        }
        Ok((phrases, seeds))
    }

    /// The forms of the verb an action noun in `-ing` or `-asjon` names, as the index holds them
    /// (`flytting` → `flytte`, `flytter`, `flyttet`; `reparasjon` → `reparere`, `reparert`):
    /// profiles tell what someone did with the verb.
    fn verb_of(&self, stem: &str) -> Vec<String> {
        let long_enough = |base: &&str| base.chars().count() >= 3;
        let forms: Vec<String> = if let Some(base) = stem.strip_suffix("ing").filter(long_enough) {
            ["e", "er", "et", "te", "a", "ar"].iter().map(|end| format!("{base}{end}")).collect()
        } else if let Some(base) = stem.strip_suffix("asjon").filter(long_enough) {
            ["ere", "erer", "erte", "ert"].iter().map(|end| format!("{base}{end}")).collect()
        } else {
            return Vec::new();
        };
        let analyzer = self.taxonomy.analyzer();
        let mut verbs: Vec<String> = forms.iter().map(|form| analyzer.stem(form)).filter(|verb| verb != stem).collect();
        verbs.sort();
        verbs.dedup();
        verbs
    }

    /// Matches on some of a phrase's words (`dyr` of `arbeid med dyr`), each covering the share
    /// of the phrase's weight its words carry: a word's weight is its rarity in the index, so
    /// `dyr` carries more than `arbeid`. Single words, and pairs of a phrase of three or four;
    /// each word as itself and as a part of a compound (`dyrepasser`).
    ///
    /// When the whole phrase names no concept, a word that does (`dyr`, a theme) brings the
    /// concept's labels and narrower ones with it (`hund`, `hest`), at that word's share: the
    /// profile says `passer hunder`, not `dyr`.
    fn some_words(&self, own: &[String], kinds: &[ConceptKind]) -> Vec<Phrase> {
        if own.len() < 2 {
            return Vec::new();
        }
        let weights: Vec<f32> = own.iter().map(|word| self.rarity.weight(word).max(f32::EPSILON)).collect();
        let total: f32 = weights.iter().sum();
        let mut subsets: Vec<Vec<usize>> = (0..own.len()).map(|i| vec![i]).collect();
        if own.len() <= 4 {
            for i in 0..own.len() {
                subsets.extend((i + 1..own.len()).map(|j| vec![i, j]));
            }
            subsets.retain(|subset| subset.len() < own.len());
        }
        let mut phrases = Vec::new();
        for subset in subsets {
            let share = subset.iter().map(|&i| weights[i]).sum::<f32>() / total;
            // A common word alone (`arbeid` of `arbeid med ungdom`) says too little to count: it
            // would lift everyone whose summary says `praktisk arbeid`.
            if share < MIN_PART_SHARE {
                continue;
            }
            let coverage = Coverage::part(share);
            let words: Vec<String> = subset.iter().map(|&i| own[i].clone()).collect();
            phrases.push(Phrase { terms: words.clone(), how: MatchHow::Exact, coverage });
            if let [word] = words.as_slice() {
                if word.chars().count() >= 3 {
                    let part = vec![format!("{PART_PREFIX}{word}")];
                    phrases.push(Phrase { terms: part, how: MatchHow::CompoundPart, coverage });
                }
                for verb in self.verb_of(word) {
                    phrases.push(Phrase { terms: vec![verb], how: MatchHow::Synonym, coverage });
                }
                let concepts = if kinds.is_empty() { Vec::new() } else { self.taxonomy.find_stems(&words, kinds) };
                let related = concepts.iter().flat_map(|&c| std::iter::once(c).chain(self.taxonomy.descendants(c)));
                for concept in related.collect::<BTreeSet<_>>() {
                    for stems in self.taxonomy.label_stems(concept) {
                        if !stems.is_empty() && *stems != words {
                            phrases.push(Phrase { terms: stems.clone(), how: MatchHow::Synonym, coverage });
                        }
                    }
                }
            }
        }
        phrases
    }

    fn certificate(&self, value: &str) -> Result<TermTest, CompileError> {
        let classes = self.taxonomy.licences().classes_in(value);
        if !classes.is_empty() {
            // Asking for several classes asks for all of them.
            let held: Vec<String> = classes.iter().map(|c| keys::licence_held(c)).collect();
            let satisfied: Vec<String> = classes.iter().map(|c| keys::licence(c)).collect();
            let mut test = keys_test(&[], MatchHow::Exact);
            test.alternatives.push(Alternative::new(ProfileField::Keys, held, MatchHow::Exact));
            test.alternatives.push(Alternative::new(ProfileField::Keys, satisfied, MatchHow::Synonym));
            // A class one step below (C1 for C) counts partly: never a must-have met, but a near miss.
            if let (1, Some(class)) = (classes.len(), classes.first()) {
                for below in licence_classes_below(class) {
                    test.alternatives.push(Alternative::new(
                        ProfileField::Keys,
                        vec![keys::licence(below)],
                        MatchHow::Partial,
                    ));
                }
            }
            return Ok(test);
        }
        if let Some(classes) = self.taxonomy.truck().classes_in(value) {
            let terms = if classes.is_empty() {
                vec![keys::truck_any()]
            } else {
                classes.iter().map(|c| keys::truck_class(c)).collect()
            };
            return Ok(TermTest {
                alternatives: vec![Alternative::new(ProfileField::Keys, terms, MatchHow::Exact)],
                ..TermTest::default()
            });
        }
        let mut test =
            self.text(value, &[ConceptKind::Certificate], &[ProfileField::Certificate, ProfileField::Education])?;
        // A class named with the certificate (`kranførerbevis G4`) is asked for too: every way to
        // meet it holds the class, and another class (`G11`) is another certificate.
        let class =
            value.split_whitespace().last().map(str::to_lowercase).filter(|w| crate::taxonomy::is_class_code(w));
        if let Some(class) = class {
            for alternative in &mut test.alternatives {
                if !alternative.terms.contains(&class) {
                    alternative.terms.push(class.clone());
                }
            }
            test.alternatives.retain(|a| a.field != ProfileField::Keys);
            test.alternatives.sort();
            test.alternatives.dedup();
            return Ok(test);
        }
        // The same course named with another course word (`hygienebevis` for `hygienekurs`).
        for subject in self.taxonomy.course_subjects(value) {
            let alternative = Alternative::new(ProfileField::Keys, vec![keys::course(&subject)], MatchHow::Synonym);
            if !test.alternatives.contains(&alternative) {
                test.alternatives.push(alternative);
            }
        }
        Ok(test)
    }

    fn education(&self, value: &str) -> Result<TermTest, CompileError> {
        // `fagbrev som tømrer eller snekker`, `fagbrev som A, B eller C`: any of the trades, each
        // at the rung the first names (`bilfaget, lette kjøretøy` is one trade's name).
        let mut parts: Vec<&str> = Vec::new();
        for part in value.split(" eller ") {
            if self.taxonomy.knows_trade(part) {
                parts.push(part);
            } else {
                parts.extend(part.split(", "));
            }
        }
        parts = parts.into_iter().map(str::trim).filter(|part| !part.is_empty()).collect();
        let rung = parts.first().and_then(|first| self.taxonomy.trade_in(first, None)).map(|trade| trade.rung);
        if parts.len() > 1 && rung.is_some() {
            let mut either = TermTest::default();
            for part in parts {
                let test = self.one_education(part, rung)?;
                for alternative in test.alternatives {
                    if !either.alternatives.contains(&alternative) {
                        either.alternatives.push(alternative);
                    }
                }
                either.typo_seeds.extend(test.typo_seeds);
            }
            return Ok(either);
        }
        self.one_education(value, None)
    }

    /// One education asked for; a trade named without its rung (`snekker` after `fagbrev som
    /// tømrer eller`) is at `rung`.
    fn one_education(&self, value: &str, rung: Option<Rung>) -> Result<TermTest, CompileError> {
        // A trade at its rung (`fagbrev som X`, `Xfaget`, `mesterbrev i X`, `X-lærling`): the
        // key every way of writing it gives, and the words of the trade in a fagbrev field.
        if let Some(trade) = self.taxonomy.trade_in(value, rung) {
            let key = match trade.rung {
                Rung::Apprentice => keys::trade_apprentice(&trade.key),
                Rung::Certified => keys::trade(&trade.key),
                Rung::Master => keys::trade_master(&trade.key),
            };
            let mut test = keys_test(&[key], MatchHow::Exact);
            // The rung below in the same trade (a lærling for a fagbrev, a fagbrev for a
            // mesterbrev) counts partly: never a must-have met, but a near miss.
            let below = match trade.rung {
                Rung::Apprentice => None,
                Rung::Certified => Some(keys::trade_apprentice(&trade.key)),
                Rung::Master => Some(keys::trade(&trade.key)),
            };
            test.alternatives
                .extend(below.map(|key| Alternative::new(ProfileField::Keys, vec![key], MatchHow::Partial)));
            let name =
                self.taxonomy.fagbrev_trade(value).filter(|name| !self.taxonomy.analyzer().stems(name).is_empty());
            if let Some(words) = name.and_then(|name| {
                self.text(&name, &[ConceptKind::Occupation, ConceptKind::Education], &[ProfileField::Fagbrev]).ok()
            }) {
                test.alternatives.extend(words.alternatives);
                test.typo_seeds = words.typo_seeds;
            }
            return Ok(test);
        }
        if let Some(trade) = self.taxonomy.fagbrev_trade(value) {
            let trade = trade.trim();
            if trade.is_empty() || self.taxonomy.analyzer().stems(trade).is_empty() {
                return Ok(keys_test(&[keys::fagbrev_any()], MatchHow::Exact));
            }
            return self.text(trade, &[ConceptKind::Occupation, ConceptKind::Education], &[ProfileField::Fagbrev]);
        }
        if let Some(level) = self.taxonomy.education_level(value) {
            return Ok(keys_test(&[keys::education(level)], MatchHow::Exact));
        }
        self.text(
            value,
            &[ConceptKind::Education, ConceptKind::Occupation],
            &[ProfileField::Education, ProfileField::Fagbrev],
        )
    }

    /// A language at a level; `norsk eller engelsk` accepts either.
    fn language(&self, value: &str, criterion: &Criterion) -> Result<TermTest, CompileError> {
        let level = criterion.min_level.unwrap_or(LanguageLevel::A1);
        let mut test = TermTest::default();
        for option in value.split(" eller ").flat_map(|part| part.split(['/', ','])).map(str::trim) {
            let language =
                self.taxonomy.language(option).ok_or_else(|| CompileError::UnknownLanguage(option.to_string()))?;
            test.alternatives.push(Alternative::new(
                ProfileField::Keys,
                vec![keys::language(language, level)],
                MatchHow::Exact,
            ));
            if let Some(below) = level.below() {
                test.alternatives.push(Alternative::new(
                    ProfileField::Keys,
                    vec![keys::language(language, below)],
                    MatchHow::Partial,
                ));
            }
        }
        Ok(test)
    }

    fn demand(&self, value: &str) -> Test {
        let demand = self.taxonomy.demand_named(value);
        let adaptable = self.need.adaptable.tasks.iter().any(|task| {
            let named = self.taxonomy.demand(task).or_else(|| self.taxonomy.demand_for_need(task));
            named.is_some() && named == demand
                || self.taxonomy.analyzer().stems(task) == self.taxonomy.analyzer().stems(value)
        });
        Test::Demand(DemandTest {
            key: demand.map(|id| keys::adaptation(&self.taxonomy.concept(id).id)),
            adaptable,
            demand: value.to_string(),
        })
    }

    /// What the employer adapts for a candidate who lacks this must-have, if anything.
    fn waiver(&self, criterion: &Criterion) -> Option<String> {
        let adaptable = &self.need.adaptable;
        let analyzer = self.taxonomy.analyzer();
        // The same words, or names of the same concept (`kassesystem` ~ `kassearbeid`).
        let every_kind = [
            ConceptKind::Occupation,
            ConceptKind::Skill,
            ConceptKind::Certificate,
            ConceptKind::Education,
            ConceptKind::Theme,
            ConceptKind::Quality,
        ];
        let same = |a: &str, b: &str| {
            let (a_stems, b_stems) = (analyzer.stems(a), analyzer.stems(b));
            let same_words = !a_stems.is_empty()
                && (a_stems == b_stems
                    || self.taxonomy.without_fillers(&a_stems) == self.taxonomy.without_fillers(&b_stems));
            let a_concepts = self.taxonomy.find(a, &every_kind);
            same_words || self.taxonomy.find(b, &every_kind).iter().any(|c| a_concepts.contains(c))
        };
        match criterion.kind {
            CriterionKind::Language => {
                let relaxed = |option: &str| {
                    let language = self.taxonomy.language(option);
                    language.is_some() && adaptable.languages.iter().any(|l| self.taxonomy.language(l) == language)
                };
                criterion
                    .value
                    .split(" eller ")
                    .any(relaxed)
                    .then(|| format!("språkkravet i {} tilpasses med støtte og opplæring", criterion.value.trim()))
            }
            CriterionKind::Shift => {
                let shift = Shift::parse(&criterion.value)?;
                adaptable.shifts.contains(&shift).then(|| format!("slipper {}skift", shift.name()))
            }
            _ => adaptable
                .training
                .iter()
                .any(|trained| same(trained, &criterion.value))
                .then(|| format!("arbeidsgiver gir opplæring i {}", criterion.value.trim())),
        }
    }

    /// Criteria implied by the need's top-level fields, unless its list already has that kind.
    fn implied(&self) -> Vec<Planned> {
        let need = self.need;
        let has = |kind: CriterionKind| need.criteria.iter().any(|c| c.kind == kind);
        let mut implied = Vec::new();
        let mut add = |label: String, kind, importance, weight, test| {
            implied.push(Planned { label, kind, importance, weight, test, waiver: None, implied: true });
        };
        if let (Some(percent), false) = (need.extent_percent, has(CriterionKind::Extent)) {
            let test = Test::Column(ColumnTest::Extent {
                job_percent: percent,
                adaptable_min: need.adaptable.extent_min_percent,
            });
            add(format!("extent {percent} %"), CriterionKind::Extent, Importance::Must, MUST_WEIGHT, test);
        }
        if let Some(origin) = need.location {
            let mut nearness_weighed = has(CriterionKind::Distance);
            if let (Some(km), false) = (need.max_distance_km, nearness_weighed) {
                let test = Test::Column(ColumnTest::Distance { origin, limit_km: Some(km), commute: false });
                add(format!("distance ≤ {km} km"), CriterionKind::Distance, Importance::Must, PROXIMITY_WEIGHT, test);
                nearness_weighed = true;
            }
            // The candidate's own commute holds whenever the job has a place, whether or not the
            // employer set a limit; it weighs nearness only when nothing else does.
            let weight = if nearness_weighed { 0.0 } else { PROXIMITY_WEIGHT };
            let test = Test::Column(ColumnTest::Distance { origin, limit_km: None, commute: true });
            add(COMMUTE_LABEL.to_string(), CriterionKind::Distance, Importance::Must, weight, test);
        }
        if let (Some(start), false) = (need.start_date, has(CriterionKind::StartDate)) {
            let test = Test::Column(ColumnTest::StartDate {
                start: start.to_julian_day(),
                latest: need.adaptable.start_latest.map(Date::to_julian_day),
            });
            let label = format!("start_date {}", crate::model::format_date(start));
            add(label, CriterionKind::StartDate, Importance::Must, MUST_WEIGHT, test);
        }
        // `kaldt og vått arbeidsmiljø`: a must-have demand naming two demands checks both; the
        // criterion itself checks the first.
        for criterion in
            need.criteria.iter().filter(|c| c.kind == CriterionKind::Demand && c.importance == Importance::Must)
        {
            for id in self.taxonomy.demands(&criterion.value).into_iter().skip(1) {
                let name = self.taxonomy.concept(id).labels.first().cloned().unwrap_or_default();
                let test = self.demand(&name);
                add(format!("demand {name}"), CriterionKind::Demand, Importance::Must, MUST_WEIGHT, test);
            }
        }
        for task in &need.adaptable.tasks {
            let stated = need.criteria.iter().any(|c| {
                c.kind == CriterionKind::Demand && {
                    let analyzer = self.taxonomy.analyzer();
                    analyzer.stems(&c.value) == analyzer.stems(task)
                        || self.taxonomy.demand(&c.value).is_some_and(|d| Some(d) == self.taxonomy.demand(task))
                }
            });
            if !stated {
                // The employer can take this out of the job, so the job has it: check it.
                let test = self.demand(task);
                add(format!("demand {task}"), CriterionKind::Demand, Importance::Must, MUST_WEIGHT, test);
            }
        }
        implied
    }
}

/// The profile phrases that resemble `text`, as alternatives graded by how far they stand out.
fn semantic_alternatives(
    resemblance: &dyn Resemblance,
    rarity: &dyn Rarity,
    text: &str,
    least: f32,
) -> Vec<Alternative> {
    resemblance
        .resembling(text)
        .into_iter()
        .filter(|found| found.z >= least)
        .map(|found| {
            let closeness = ((found.z - LEAST_Z) / (CLOSE_Z - LEAST_Z)).clamp(0.0, 1.0);
            let boilerplate = rarity.phrase_holders(&found.phrase).is_some_and(|(holders, profiles)| {
                holders >= BOILERPLATE_HOLDERS && holders as f64 >= BOILERPLATE_SHARE * profiles as f64
            });
            let coverage = match (closeness >= 1.0, boilerplate) {
                (_, true) => Coverage::part((0.6 + 0.4 * closeness) * BOILERPLATE_FACTOR),
                (true, false) => Coverage::WHOLE,
                (false, false) => Coverage::part(0.6 + 0.4 * closeness),
            };
            let alternative = Alternative::new(ProfileField::Phrase, vec![found.phrase], MatchHow::Semantic);
            Alternative { coverage, ..alternative }
        })
        .collect()
}

/// The driving-licence classes one step below `class`: what a holder lacks one class of.
fn licence_classes_below(class: &str) -> &'static [&'static str] {
    match class {
        "BE" | "C1" | "D1" => &["B"],
        "C" => &["C1"],
        "C1E" => &["C1", "BE"],
        "CE" => &["C", "C1E"],
        "D" => &["D1"],
        "D1E" => &["D1", "BE"],
        "DE" => &["D", "D1E"],
        _ => &[],
    }
}

/// A test that looks for exact keys, any one of which counts.
fn keys_test(terms: &[String], how: MatchHow) -> TermTest {
    TermTest {
        alternatives: terms.iter().map(|term| Alternative::new(ProfileField::Keys, vec![term.clone()], how)).collect(),
        ..TermTest::default()
    }
}
