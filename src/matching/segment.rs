//! A plan read against one index segment: which documents each criterion finds, how strongly,
//! and the exact score of one candidate.
//!
//! Term criteria become document sets read from tantivy's postings (common terms come from the
//! segment cache as bitsets); column criteria (hours, distance, dates) are checked from the
//! segment's columns. Every must-have also becomes one bitset, so that qualification, near misses
//! and relaxation counts are word-at-a-time algebra ([`super::scan`]).

use std::sync::Arc;

use tantivy::SegmentReader;

use super::MatchError;
use super::constraints;
use super::evidence::{self, Code, EXACT, NONE, PARTIAL, PASS};
use super::plan::{Alternative, Plan, Test};
use crate::analysis::typo;
use crate::bitset::{DocBits, DocSet};
use crate::index::{CandidateIndex, Eligible, ProfileField, SegmentCache, document};
use crate::model::MatchHow;

/// Factor applied to the score for each adaptation the employer makes (hours, start date, shifts,
/// language support, training). Adaptations of tasks for a candidate's tilretteleggingsbehov are
/// never penalised: health must not change a ranking.
pub const ADAPTATION_FACTOR: f32 = 0.9;

/// A criterion's evidence across one segment.
enum Evidence {
    Terms(TermEvidence),
    /// Documents whose adaptation need conflicts with a demand (`None`: nobody's does).
    Conflicts(Option<DocSet>),
    /// Checked per document from the columns.
    Columns,
}

/// Where a term criterion's alternatives are found, strongest first.
struct TermEvidence {
    /// Alternatives whose code stands as it is (with a years requirement: capped at partial,
    /// since they cannot show the years).
    found: Vec<(Code, DocSet)>,
    /// With a years requirement: experience alternatives, whose years decide their code.
    experience: Vec<(Code, DocSet)>,
    min_years: Option<f32>,
    /// Hashes of the experience terms, to find the matching entries' years.
    hashes: Vec<u32>,
}

/// One strength of evidence for a term criterion, for upper bounds.
pub struct Level {
    /// What meeting the criterion at this strength adds to the score's numerator, at most.
    pub contribution: f32,
    /// The strongest evidence code at this level.
    pub code: Code,
    /// Position in [`SegmentEvaluation::sets`] of the documents with evidence at least this strong.
    pub at_least: usize,
}

/// An alternative's documents and the strongest code they can give.
struct Strength {
    code: Code,
    docs: DocSet,
    name: String,
}

/// One criterion's result for one candidate, as scoring needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    pub code: Code,
    pub grade: f32,
    /// The employer adapts for this candidate, and it costs score.
    pub penalised: bool,
}

/// A plan evaluated on one segment.
pub struct SegmentEvaluation<'a> {
    pub plan: &'a Plan,
    pub ordinal: u32,
    pub cache: Arc<SegmentCache>,
    pub eligible: Arc<Eligible>,
    /// Per criterion, the index terms of this segment within typo distance of its words.
    typos: Vec<Vec<Alternative>>,
    evidence: Vec<Evidence>,
    /// Plan positions of the must-haves, and for each the documents that meet it (`None`: all).
    pub musts: Vec<usize>,
    pub must_sets: Vec<Option<Arc<DocBits>>>,
    /// Per [`Level`] of each term criterion, the documents with evidence at least that strong.
    pub sets: Vec<DocSet>,
    pub levels: Vec<Vec<Level>>,
    /// Per criterion, whether its levels give its exact grade (term criteria without years).
    graded_by_level: Vec<bool>,
    /// Upper bound of what the criteria without levels add to the score's numerator.
    pub base_bound: f32,
    /// Upper bound of the whole numerator: every criterion met at its strongest.
    pub max_bound: f32,
    pub total_weight: f32,
}

impl<'a> SegmentEvaluation<'a> {
    /// Reads the evidence of every criterion in `reader`'s segment.
    pub fn new(
        plan: &'a Plan,
        index: &CandidateIndex,
        reader: &SegmentReader,
        ordinal: u32,
    ) -> Result<Self, MatchError> {
        let (cache, eligible) = index.segment_cache(reader)?;
        let mut evaluation = SegmentEvaluation {
            plan,
            ordinal,
            cache,
            eligible,
            typos: Vec::with_capacity(plan.criteria.len()),
            evidence: Vec::with_capacity(plan.criteria.len()),
            musts: plan.musts(),
            must_sets: vec![None; plan.musts().len()],
            sets: Vec::new(),
            levels: Vec::with_capacity(plan.criteria.len()),
            graded_by_level: Vec::with_capacity(plan.criteria.len()),
            base_bound: 0.0,
            max_bound: 0.0,
            total_weight: plan.total_weight(),
        };
        for criterion in &plan.criteria {
            let mut strengths = Vec::new();
            let (typos, evidence) = match &criterion.test {
                Test::Terms(test) => {
                    let typos = evaluation.typos_of(test, index, reader)?;
                    let alternatives: Vec<&Alternative> = test.alternatives.iter().chain(&typos).collect();
                    let evidence =
                        evaluation.term_evidence(test.min_years, &alternatives, index, reader, &mut strengths)?;
                    (typos, evidence)
                }
                Test::Demand { key: Some(key), .. } => {
                    let conflicts = evaluation.cache.term_docs(reader, index.fields(), ProfileField::Keys, key)?;
                    (Vec::new(), Evidence::Conflicts(conflicts))
                }
                Test::Demand { key: None, .. } => (Vec::new(), Evidence::Conflicts(None)),
                _ => (Vec::new(), Evidence::Columns),
            };
            let levels = evaluation.levels_of(strengths, criterion.weight)?;
            let by_level = matches!(&criterion.test, Test::Terms(test) if test.min_years.is_none());
            evaluation.graded_by_level.push(by_level && criterion.weight > 0.0);
            evaluation.levels.push(levels);
            evaluation.typos.push(typos);
            evaluation.evidence.push(evidence);
        }
        // Other criteria bound the score by their pass set when it is cheap to keep (distance
        // without a limit would mean a distance for everyone), else by their full weight.
        for (position, criterion) in plan.criteria.iter().enumerate() {
            let must = evaluation.musts.iter().position(|&m| m == position);
            let pass = match &criterion.test {
                Test::Terms(_) if must.is_none() => continue,
                Test::Distance { limit_km: None, .. } if must.is_none() => None,
                _ => evaluation.pass_set(position)?,
            };
            if let Some(must) = must {
                evaluation.must_sets[must] = pass.clone();
            }
            match pass {
                _ if matches!(criterion.test, Test::Terms(_)) => {}
                Some(pass) if criterion.weight > 0.0 => {
                    let contribution = criterion.weight * evaluation.grade(EXACT);
                    let at_least = evaluation.sets.len();
                    evaluation.levels[position] = vec![Level { contribution, code: EXACT, at_least }];
                    evaluation.sets.push(DocSet::Dense(pass));
                }
                _ => evaluation.base_bound += criterion.weight,
            }
        }
        evaluation.max_bound = evaluation.base_bound
            + evaluation.levels.iter().filter_map(|levels| levels.first()).map(|level| level.contribution).sum::<f32>();
        Ok(evaluation)
    }

    /// The index terms within typo distance of the test's seeds that it does not already have.
    fn typos_of(
        &self,
        test: &super::plan::TermTest,
        index: &CandidateIndex,
        reader: &SegmentReader,
    ) -> Result<Vec<Alternative>, MatchError> {
        let mut typos: Vec<Alternative> = Vec::new();
        for (field, seed) in &test.typo_seeds {
            if seed.chars().count() < typo::MIN_TYPO_CHARS {
                continue;
            }
            for term in self.cache.typos(reader, index.fields(), *field, seed)?.iter() {
                let known = |a: &Alternative| a.field == *field && a.terms.len() == 1 && *a.terms[0] == **term;
                if !test.alternatives.iter().chain(&typos).any(known) {
                    typos.push(Alternative { field: *field, terms: vec![term.to_string()], how: MatchHow::Typo });
                }
            }
        }
        Ok(typos)
    }

    /// Criterion `index`'s alternatives, including this segment's typo expansions.
    pub fn alternatives(&self, index: usize) -> Vec<&Alternative> {
        let planned = match &self.plan.criteria[index].test {
            Test::Terms(test) => test.alternatives.as_slice(),
            _ => &[],
        };
        planned.iter().chain(&self.typos[index]).collect()
    }

    /// The documents of each alternative that any document has, strongest first. `strengths`
    /// gets each alternative's documents with the strongest code they can give (as if years
    /// were enough), named for caching.
    fn term_evidence(
        &self,
        min_years: Option<f32>,
        alternatives: &[&Alternative],
        index: &CandidateIndex,
        reader: &SegmentReader,
        strengths: &mut Vec<Strength>,
    ) -> Result<Evidence, MatchError> {
        let mut found = Vec::new();
        let mut experience = Vec::new();
        for alternative in alternatives {
            let Some(docs) = self.alternative_docs(alternative, index, reader)? else { continue };
            let code = evidence::code(alternative.field, alternative.how);
            let strongest = if min_years.is_some() && alternative.field != ProfileField::Experience {
                code.min(PARTIAL)
            } else {
                code
            };
            let name = format!("{:?} {:?}", alternative.field, alternative.terms);
            strengths.push(Strength { code: strongest, docs: docs.clone(), name });
            match (min_years, alternative.field) {
                (Some(_), ProfileField::Experience) => experience.push((code, docs)),
                (Some(_), _) => found.push((code.min(PARTIAL), docs)),
                (None, _) => found.push((code, docs)),
            }
        }
        found.sort_by_key(|(code, _)| std::cmp::Reverse(*code));
        experience.sort_by_key(|(code, _)| std::cmp::Reverse(*code));
        let hashes = alternatives
            .iter()
            .filter(|a| a.field == ProfileField::Experience)
            .flat_map(|a| a.terms.iter().map(|t| document::term_hash(t)))
            .collect();
        Ok(Evidence::Terms(TermEvidence { found, experience, min_years, hashes }))
    }

    /// Documents that have every term of `alternative`; `None` when none has.
    fn alternative_docs(
        &self,
        alternative: &Alternative,
        index: &CandidateIndex,
        reader: &SegmentReader,
    ) -> Result<Option<DocSet>, MatchError> {
        let mut docs: Option<DocSet> = None;
        for term in &alternative.terms {
            let Some(these) = self.cache.term_docs(reader, index.fields(), alternative.field, term)? else {
                return Ok(None);
            };
            docs = Some(match docs {
                None => these,
                Some(so_far) => so_far.intersection(&these),
            });
        }
        Ok(docs)
    }

    /// Groups a term criterion's alternatives by strength, strongest first, each level with the
    /// documents at least that strong. Unions that are bitsets are kept in the segment cache.
    fn levels_of(&mut self, mut strengths: Vec<Strength>, weight: f32) -> Result<Vec<Level>, MatchError> {
        strengths.sort_by(|a, b| b.code.cmp(&a.code).then_with(|| a.name.cmp(&b.name)));
        let mut levels: Vec<Level> = Vec::new();
        let mut key = String::from("at least");
        let mut start = 0;
        while start < strengths.len() {
            let contribution = weight * self.grade(strengths[start].code);
            let end =
                start + strengths[start..].iter().take_while(|s| weight * self.grade(s.code) == contribution).count();
            if contribution <= 0.0 {
                break;
            }
            for strength in &strengths[start..end] {
                key.push_str(" | ");
                key.push_str(&strength.name);
            }
            let members: Vec<&DocSet> = strengths[..end].iter().map(|s| &s.docs).collect();
            let max_doc = self.cache.max_doc();
            let at_least = if members.len() > 1 && members.iter().any(|set| set.is_dense()) {
                DocSet::Dense(self.cache.set::<MatchError>(&key, || {
                    let mut bits = DocBits::empty(max_doc);
                    members.iter().for_each(|set| bits.union_with(set));
                    Ok(bits)
                })?)
            } else {
                DocSet::union(&members, max_doc)
            };
            levels.push(Level { contribution, code: strengths[start].code, at_least: self.sets.len() });
            self.sets.push(at_least);
            start = end;
        }
        Ok(levels)
    }

    /// The grade the plan gives `code`: graded evidence, or met / not met for the baseline.
    pub fn grade(&self, code: Code) -> f32 {
        if self.plan.binary { f32::from(u8::from(code >= PASS)) } else { evidence::grade(code) }
    }

    /// The documents that meet criterion `position` (`None`: every document does).
    fn pass_set(&self, position: usize) -> Result<Option<Arc<DocBits>>, MatchError> {
        let criterion = &self.plan.criteria[position];
        let cache = &self.cache;
        let max_doc = cache.max_doc();
        let c = &cache.columns;
        let by_column = |key: String, meets: &dyn Fn(usize) -> bool| {
            cache.set::<MatchError>(&key, || {
                let mut bits = DocBits::empty(max_doc);
                (0..max_doc).filter(|&doc| meets(doc as usize)).for_each(|doc| bits.insert(doc));
                Ok(bits)
            })
        };
        let set = match (&criterion.test, &self.evidence[position]) {
            (Test::Terms(_), Evidence::Terms(terms)) => match terms.min_years {
                None => {
                    let mut bits = DocBits::empty(max_doc);
                    terms.found.iter().filter(|(code, _)| *code >= PASS).for_each(|(_, docs)| bits.union_with(docs));
                    Arc::new(bits)
                }
                // Years are read per document: worth keeping for the next search.
                Some(min_years) => {
                    let passing: Vec<&(Code, DocSet)> =
                        terms.experience.iter().filter(|(code, _)| *code >= PASS).collect();
                    let mut key = format!("years {min_years}");
                    for alternative in self.alternatives(position) {
                        if alternative.field == ProfileField::Experience {
                            key.push_str(&format!(" | {:?}", alternative.terms));
                        }
                    }
                    cache.set::<MatchError>(&key, || {
                        let mut bits = DocBits::empty(max_doc);
                        for (_, docs) in passing {
                            for doc in docs.docs() {
                                if !bits.contains(doc) && c.experience_years(doc, &terms.hashes) >= min_years {
                                    bits.insert(doc);
                                }
                            }
                        }
                        Ok(bits)
                    })?
                }
            },
            (Test::Demand { adaptable: false, key: Some(key), .. }, Evidence::Conflicts(Some(conflicts))) => {
                cache.set::<MatchError>(&format!("demand {key}"), || {
                    let mut bits = DocBits::full(max_doc);
                    conflicts.docs().into_iter().for_each(|doc| bits.remove(doc));
                    Ok(bits)
                })?
            }
            (Test::Demand { .. }, _) => return Ok(None),
            (&Test::Extent { job_percent, adaptable_min }, _) => {
                by_column(format!("extent {job_percent} {adaptable_min:?}"), &|d| {
                    constraints::extent(job_percent, adaptable_min, c.extent_min[d], c.extent_max[d]).code >= PASS
                })?
            }
            (&Test::StartDate { start, latest }, _) => by_column(format!("start {start} {latest:?}"), &|d| {
                constraints::start_date(start, latest, c.available_from[d]).code >= PASS
            })?,
            (&Test::Distance { origin, limit_km: Some(limit) }, _) => {
                cache.set::<MatchError>(&format!("distance {} {} {limit}", origin.lat, origin.lon), || {
                    let mut bits = DocBits::empty(max_doc);
                    for doc in cache.grid.near(origin.lat, origin.lon, f64::from(limit)) {
                        let d = doc as usize;
                        let checked = constraints::distance(origin, Some(limit), c.lat[d], c.lon[d], c.max_commute[d]);
                        if checked.code >= PASS {
                            bits.insert(doc);
                        }
                    }
                    Ok(bits)
                })?
            }
            (&Test::Distance { origin, limit_km: None }, _) => {
                by_column(format!("distance {} {} any", origin.lat, origin.lon), &|d| {
                    constraints::distance(origin, None, c.lat[d], c.lon[d], c.max_commute[d]).code >= PASS
                })?
            }
            (Test::Terms(_), _) => unreachable!("term tests always have term evidence"),
        };
        Ok(Some(set))
    }

    /// How criterion `index` comes out for `doc`.
    pub fn outcome(&self, index: usize, doc: u32) -> Outcome {
        let criterion = &self.plan.criteria[index];
        let d = doc as usize;
        let (code, grade, penalised) = match (&self.evidence[index], &criterion.test) {
            (Evidence::Terms(terms), _) => {
                let code = self.term_code(terms, doc);
                (code, evidence::grade(code), false)
            }
            (Evidence::Conflicts(conflicts), Test::Demand { adaptable, .. }) => {
                let conflicting = conflicts.as_ref().is_some_and(|docs| docs.contains(doc));
                let code = if !conflicting || *adaptable { EXACT } else { NONE };
                (code, evidence::grade(code), false)
            }
            (_, test) => {
                let c = &self.cache.columns;
                let checked = match *test {
                    Test::Extent { job_percent, adaptable_min } => {
                        constraints::extent(job_percent, adaptable_min, c.extent_min[d], c.extent_max[d])
                    }
                    Test::Distance { origin, limit_km } => {
                        constraints::distance(origin, limit_km, c.lat[d], c.lon[d], c.max_commute[d])
                    }
                    Test::StartDate { start, latest } => constraints::start_date(start, latest, c.available_from[d]),
                    Test::Terms(_) | Test::Demand { .. } => unreachable!("term and demand tests are evaluated above"),
                };
                let grade = checked.grade.unwrap_or_else(|| evidence::grade(checked.code));
                (checked.code, grade, checked.adaptation.is_some())
            }
        };
        // A must-have the employer made soft costs an adaptation when it is not met.
        let waived = criterion.waiver.is_some() && code < PASS;
        let grade = if self.plan.binary { f32::from(u8::from(code >= PASS)) } else { grade };
        Outcome { code, grade, penalised: penalised || waived }
    }

    /// The strongest evidence `doc` has for a term criterion.
    fn term_code(&self, terms: &TermEvidence, doc: u32) -> Code {
        let strongest =
            |sets: &[(Code, DocSet)]| sets.iter().find(|(_, docs)| docs.contains(doc)).map(|(code, _)| *code);
        let mut best = strongest(&terms.found).unwrap_or(NONE);
        if let Some(min_years) = terms.min_years {
            if let Some(found) = strongest(&terms.experience) {
                let enough = self.cache.columns.experience_years(doc, &terms.hashes) >= min_years;
                best = best.max(if enough { found } else { found.min(PARTIAL) });
            }
        }
        best
    }

    /// The score of `doc`: Σ weight × grade / Σ weight, times 0.9 per penalised adaptation.
    pub fn score(&self, doc: u32) -> f32 {
        let mut sum = 0.0;
        let mut adaptations = 0;
        for (index, criterion) in self.plan.criteria.iter().enumerate() {
            if self.graded_by_level[index] {
                // The strongest level that has the document carries weight × grade already.
                let level = self.levels[index].iter().find(|level| self.sets[level.at_least].contains(doc));
                let (contribution, code) = level.map_or((0.0, NONE), |level| (level.contribution, level.code));
                sum += contribution;
                adaptations += i32::from(criterion.waiver.is_some() && code < PASS);
            } else {
                let outcome = self.outcome(index, doc);
                sum += criterion.weight * outcome.grade;
                adaptations += i32::from(outcome.penalised);
            }
        }
        if self.total_weight <= 0.0 {
            return 0.0;
        }
        sum / self.total_weight * ADAPTATION_FACTOR.powi(adaptations)
    }

    /// Whether `doc` meets the must-have at `position` in [`SegmentEvaluation::musts`].
    pub fn meets_must(&self, position: usize, doc: u32) -> bool {
        self.must_sets[position].as_ref().is_none_or(|set| set.contains(doc))
    }
}
