//! A plan read against one index segment: which documents each criterion finds, how strongly,
//! and the exact score of one candidate.
//!
//! Term criteria become document sets read from tantivy's postings (common terms come from the
//! segment cache as bitsets); column criteria (hours, distance, dates) are checked from the
//! segment's columns. Every must-have also becomes one bitset, so that qualification, near misses
//! and relaxation counts are word-at-a-time algebra ([`super::algebra`]).

use std::hash::BuildHasher;
use std::sync::{Arc, OnceLock};

use tantivy::SegmentReader;

use super::MatchError;
use super::constraints;
use super::evidence::{self, Code, EXACT, NONE, PARTIAL, PASS};
use super::plan::{Alternative, Plan, Planned, TermTest, Test};
use crate::analysis::typo;
use crate::bitset::{DocBits, DocSet};
use crate::index::{CandidateIndex, Eligible, ProfileField, SegmentCache, SegmentColumns, document};
use crate::model::{GeoPoint, MatchHow};

/// Factor applied to the score for each adaptation the employer makes (hours, start date, shifts,
/// language support, training). Adaptations of tasks for a candidate's tilretteleggingsbehov are
/// never penalised: health must not change a ranking.
pub const ADAPTATION_FACTOR: f32 = 0.9;

/// How many rings a distance limit is cut into for upper bounds on nearness.
const DISTANCE_RINGS: usize = 5;

/// A criterion's evidence across one segment.
enum Evidence {
    Terms(Arc<TermFindings>),
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

/// What one term test finds in one segment. The same test (words, fields, years) finds the same
/// documents for as long as the segment lives, so findings are kept in the segment's cache.
struct TermFindings {
    /// The test these are for.
    test: TermTest,
    /// Index terms of this segment within typo distance of the test's words.
    typos: Vec<Alternative>,
    evidence: TermEvidence,
    /// For each code found (strongest first), the documents with evidence at least that strong
    /// (as if years were enough): what upper bounds are built from.
    at_least: Vec<(Code, DocSet)>,
    /// The documents that meet the test as a must-have, once asked for.
    passing: OnceLock<Arc<DocBits>>,
}

/// One criterion's result for one candidate, as scoring needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    pub code: Code,
    pub grade: f32,
    /// The employer adapts for this candidate, and it costs score.
    pub penalised: bool,
}

/// Code, grade and whether the employer adapts, for a test read from the columns (hours,
/// distance, start date) of document `doc`. Shared with the reference engine.
pub(super) fn column_outcome(test: &Test, c: &SegmentColumns, doc: u32) -> (Code, f32, bool) {
    let d = doc as usize;
    let checked = match *test {
        Test::Extent { job_percent, adaptable_min } => {
            constraints::extent(job_percent, adaptable_min, c.extent_min[d], c.extent_max[d])
        }
        Test::Distance { origin, limit_km } => {
            constraints::distance(origin, limit_km, c.lat[d], c.lon[d], c.max_commute[d])
        }
        Test::StartDate { start, latest } => constraints::start_date(start, latest, c.available_from[d]),
        Test::Terms(_) | Test::Demand { .. } => unreachable!("term and demand tests are not column tests"),
    };
    let grade = checked.grade.unwrap_or_else(|| evidence::grade(checked.code));
    (checked.code, grade, checked.adaptation.is_some())
}

/// A criterion's outcome from its evidence: a must-have the employer made soft costs an
/// adaptation when it is not met, and the filter-only baseline grades met or not. Shared with
/// the reference engine.
pub(super) fn finish_outcome(plan: &Plan, criterion: &Planned, code: Code, grade: f32, penalised: bool) -> Outcome {
    let waived = criterion.waiver.is_some() && code < PASS;
    let grade = if plan.binary { f32::from(u8::from(code >= PASS)) } else { grade };
    Outcome { code, grade, penalised: penalised || waived }
}

/// Per criterion of `plan`, the key its term test's findings are kept under in each segment (0
/// for other criteria): worked out once per shortlist, as a plan may have hundreds of alternatives
/// and an index a dozen segments. A hit is not compared with the test again (that costs as much
/// as hashing it): the key is SipHash with this process's random keys, so two tests share one
/// only by a 1-in-2^64 accident, and no job need can be written to make them.
pub fn term_keys(plan: &Plan) -> Vec<u64> {
    static HASHING: OnceLock<std::hash::RandomState> = OnceLock::new();
    let hashing = HASHING.get_or_init(std::hash::RandomState::new);
    let key =
        |test: &TermTest| hashing.hash_one((&test.alternatives, &test.typo_seeds, test.min_years.map(f32::to_bits)));
    plan.criteria.iter().map(|c| if let Test::Terms(test) = &c.test { key(test) } else { 0 }).collect()
}

/// A plan evaluated on one segment.
pub struct SegmentEvaluation<'a> {
    pub plan: &'a Plan,
    pub ordinal: u32,
    pub cache: Arc<SegmentCache>,
    pub eligible: Arc<Eligible>,
    evidence: Vec<Evidence>,
    /// Plan positions of the must-haves, and for each the documents that meet it (`None`: all).
    pub musts: Vec<usize>,
    pub must_sets: Vec<Option<Arc<DocBits>>>,
    /// Per [`Level`] of each term criterion, the documents with evidence at least that strong.
    pub sets: Vec<DocSet>,
    pub levels: Vec<Vec<Level>>,
    /// Per criterion, whether its levels give its exact grade (term criteria without years).
    graded_by_level: Vec<bool>,
    /// Per criterion without levels, the most it adds to the numerator (its weight).
    pub constant_bound: Vec<Option<f32>>,
    /// Upper bound of what the criteria without levels add to the score's numerator.
    pub base_bound: f32,
    /// Upper bound of the whole numerator: every criterion met at its strongest.
    pub max_bound: f32,
    pub total_weight: f32,
}

impl<'a> SegmentEvaluation<'a> {
    /// Reads the evidence of every criterion in `reader`'s segment; `keys` are the plan's
    /// [`term_keys`].
    pub fn new(
        plan: &'a Plan,
        keys: &[u64],
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
            evidence: Vec::with_capacity(plan.criteria.len()),
            musts: plan.musts(),
            must_sets: vec![None; plan.musts().len()],
            sets: Vec::new(),
            levels: Vec::with_capacity(plan.criteria.len()),
            graded_by_level: Vec::with_capacity(plan.criteria.len()),
            constant_bound: vec![None; plan.criteria.len()],
            base_bound: 0.0,
            max_bound: 0.0,
            total_weight: plan.total_weight(),
        };
        for (criterion, &key) in plan.criteria.iter().zip(keys) {
            let evidence = match &criterion.test {
                Test::Terms(test) => Evidence::Terms(evaluation.term_findings(test, key, index, reader)?),
                Test::Demand { key: Some(key), .. } => {
                    Evidence::Conflicts(evaluation.cache.term_docs(reader, index.fields(), ProfileField::Keys, key)?)
                }
                Test::Demand { key: None, .. } => Evidence::Conflicts(None),
                _ => Evidence::Columns,
            };
            let levels = evaluation.levels_of(&evidence, criterion.weight);
            let by_level = matches!(&criterion.test, Test::Terms(test) if test.min_years.is_none());
            evaluation.graded_by_level.push(by_level && criterion.weight > 0.0);
            evaluation.levels.push(levels);
            evaluation.evidence.push(evidence);
        }
        // Other criteria bound the score by their pass set when it is cheap to keep (distance
        // without a limit would mean a distance for everyone), else by their full weight.
        for (position, criterion) in plan.criteria.iter().enumerate() {
            let must = evaluation.must_position(position);
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
                    let rings = match criterion.test {
                        Test::Distance { origin, limit_km: Some(limit) } if !plan.binary => {
                            evaluation.distance_rings(origin, limit, &pass)?
                        }
                        _ => vec![(1.0, pass)],
                    };
                    let mut levels = Vec::with_capacity(rings.len());
                    for (grade, docs) in rings {
                        let contribution = criterion.weight * evaluation.grade(EXACT) * grade;
                        levels.push(Level { contribution, code: EXACT, at_least: evaluation.sets.len() });
                        evaluation.sets.push(DocSet::Dense(docs));
                    }
                    evaluation.levels[position] = levels;
                }
                _ => {
                    evaluation.base_bound += criterion.weight;
                    evaluation.constant_bound[position] = Some(criterion.weight);
                }
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
        match &self.evidence[index] {
            Evidence::Terms(findings) => findings.test.alternatives.iter().chain(&findings.typos).collect(),
            _ => Vec::new(),
        }
    }

    /// What `test` (whose [`term_keys`] key is `key`) finds in this segment, from the cache when
    /// the segment has seen it before.
    fn term_findings(
        &self,
        test: &TermTest,
        key: u64,
        index: &CandidateIndex,
        reader: &SegmentReader,
    ) -> Result<Arc<TermFindings>, MatchError> {
        if let Some(found) = self.cache.derived::<TermFindings>(key) {
            return Ok(found);
        }
        let typos = self.typos_of(test, index, reader)?;
        let alternatives: Vec<&Alternative> = test.alternatives.iter().chain(&typos).collect();
        let (evidence, mut strengths) = self.term_evidence(test.min_years, &alternatives, index, reader)?;
        strengths.sort_by_key(|(code, _)| std::cmp::Reverse(*code));
        let mut at_least: Vec<(Code, DocSet)> = Vec::new();
        let mut start = 0;
        while start < strengths.len() {
            let code = strengths[start].0;
            let end = start + strengths[start..].iter().take_while(|(c, _)| *c == code).count();
            let mut members: Vec<&DocSet> = strengths[start..end].iter().map(|(_, docs)| docs).collect();
            if let Some((_, stronger)) = at_least.last() {
                members.push(stronger);
            }
            at_least.push((code, DocSet::union(&members, self.cache.max_doc())));
            start = end;
        }
        let findings =
            Arc::new(TermFindings { test: test.clone(), typos, evidence, at_least, passing: OnceLock::new() });
        self.cache.keep_derived(key, findings.clone());
        Ok(findings)
    }

    /// The documents of each alternative that any document has, strongest first, and each
    /// alternative's documents with the strongest code they can give (as if years were enough).
    fn term_evidence(
        &self,
        min_years: Option<f32>,
        alternatives: &[&Alternative],
        index: &CandidateIndex,
        reader: &SegmentReader,
    ) -> Result<(TermEvidence, Vec<(Code, DocSet)>), MatchError> {
        let mut found = Vec::new();
        let mut experience = Vec::new();
        let mut strengths = Vec::new();
        for alternative in alternatives {
            let Some(docs) = self.alternative_docs(alternative, index, reader)? else { continue };
            let code = evidence::code(alternative.field, alternative.how);
            match (min_years, alternative.field) {
                (Some(_), ProfileField::Experience) => {
                    strengths.push((code, docs.clone()));
                    experience.push((code, docs));
                }
                (Some(_), _) => {
                    strengths.push((code.min(PARTIAL), docs.clone()));
                    found.push((code.min(PARTIAL), docs));
                }
                (None, _) => {
                    strengths.push((code, docs.clone()));
                    found.push((code, docs));
                }
            }
        }
        found.sort_by_key(|(code, _)| std::cmp::Reverse(*code));
        experience.sort_by_key(|(code, _)| std::cmp::Reverse(*code));
        let hashes = alternatives
            .iter()
            .filter(|a| a.field == ProfileField::Experience)
            .flat_map(|a| a.terms.iter().map(|t| document::term_hash(t)))
            .collect();
        Ok((TermEvidence { found, experience, min_years, hashes }, strengths))
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

    /// A term criterion's levels of evidence, strongest first: codes whose grades weigh the same
    /// (met or not, for the filter-only baseline) share a level.
    fn levels_of(&mut self, evidence: &Evidence, weight: f32) -> Vec<Level> {
        let Evidence::Terms(findings) = evidence else { return Vec::new() };
        let mut levels: Vec<Level> = Vec::new();
        for (code, docs) in &findings.at_least {
            let contribution = weight * self.grade(*code);
            if contribution <= 0.0 {
                break;
            }
            match levels.last_mut() {
                // Documents at least this strong include the stronger ones of the same level.
                Some(level) if level.contribution == contribution => self.sets[level.at_least] = docs.clone(),
                _ => {
                    levels.push(Level { contribution, code: *code, at_least: self.sets.len() });
                    self.sets.push(docs.clone());
                }
            }
        }
        levels
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
            (Test::Terms(_), Evidence::Terms(findings)) => findings
                .passing
                .get_or_init(|| {
                    let terms = &findings.evidence;
                    let mut bits = DocBits::empty(max_doc);
                    match terms.min_years {
                        None => terms
                            .found
                            .iter()
                            .filter(|(code, _)| *code >= PASS)
                            .for_each(|(_, docs)| bits.union_with(docs)),
                        Some(min_years) => {
                            for (_, docs) in terms.experience.iter().filter(|(code, _)| *code >= PASS) {
                                for doc in docs.docs() {
                                    if !bits.contains(doc) && c.experience_years(doc, &terms.hashes) >= min_years {
                                        bits.insert(doc);
                                    }
                                }
                            }
                        }
                    }
                    Arc::new(bits)
                })
                .clone(),
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

    /// The documents of `pass` (those within `limit` km of `origin`) in [`DISTANCE_RINGS`] widening
    /// rings, each with the highest nearness grade a document first found in it can have: upper
    /// bounds then tell a candidate at the door from one at the limit.
    fn distance_rings(
        &self,
        origin: GeoPoint,
        limit: f32,
        pass: &Arc<DocBits>,
    ) -> Result<Vec<(f32, Arc<DocBits>)>, MatchError> {
        let c = &self.cache.columns;
        let radius = |ring: usize| limit * ring as f32 / DISTANCE_RINGS as f32;
        let mut rings = Vec::with_capacity(DISTANCE_RINGS);
        for ring in 1..=DISTANCE_RINGS {
            let grade = constraints::proximity(radius(ring - 1));
            let docs = if ring == DISTANCE_RINGS {
                pass.clone()
            } else {
                let key = format!("distance {} {} {limit} ring {ring}", origin.lat, origin.lon);
                self.cache.set::<MatchError>(&key, || {
                    let mut bits = DocBits::empty(pass.universe());
                    let within = |doc: &u32| {
                        constraints::km_between(origin, c.lat[*doc as usize], c.lon[*doc as usize]) <= radius(ring)
                    };
                    pass.iter().filter(within).for_each(|doc| bits.insert(doc));
                    Ok(bits)
                })?
            };
            rings.push((grade, docs));
        }
        Ok(rings)
    }

    /// How criterion `index` comes out for `doc`.
    pub fn outcome(&self, index: usize, doc: u32) -> Outcome {
        let criterion = &self.plan.criteria[index];
        let (code, grade, penalised) = match (&self.evidence[index], &criterion.test) {
            (Evidence::Terms(findings), _) => {
                let code = self.term_code(findings, doc);
                (code, evidence::grade(code), false)
            }
            (Evidence::Conflicts(conflicts), Test::Demand { adaptable, .. }) => {
                let conflicting = conflicts.as_ref().is_some_and(|docs| docs.contains(doc));
                let code = if !conflicting || *adaptable { EXACT } else { NONE };
                (code, evidence::grade(code), false)
            }
            (_, test) => column_outcome(test, &self.cache.columns, doc),
        };
        finish_outcome(self.plan, criterion, code, grade, penalised)
    }

    /// The strongest evidence `doc` has for a term criterion.
    fn term_code(&self, findings: &TermFindings, doc: u32) -> Code {
        // `at_least` holds a set per code, each with all stronger ones: the last is everyone with
        // any evidence, and without a years requirement the first that has `doc` gives its code.
        // A few set look-ups instead of one per alternative (a plan may have hundreds).
        let Some((_, anyone)) = findings.at_least.last() else { return NONE };
        if !anyone.contains(doc) {
            return NONE;
        }
        let terms = &findings.evidence;
        if terms.min_years.is_none() {
            return findings.at_least.iter().find(|(_, docs)| docs.contains(doc)).map_or(NONE, |(code, _)| *code);
        }
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

    /// Where criterion `criterion` stands in [`SegmentEvaluation::musts`], if it is a must-have.
    pub fn must_position(&self, criterion: usize) -> Option<usize> {
        self.musts.iter().position(|&m| m == criterion)
    }

    /// Whether `doc` meets the must-have at `position` in [`SegmentEvaluation::musts`].
    pub fn meets_must(&self, position: usize, doc: u32) -> bool {
        self.must_sets[position].as_ref().is_none_or(|set| set.contains(doc))
    }
}
