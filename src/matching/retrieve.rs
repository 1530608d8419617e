//! Retrieval: which documents of one segment each criterion of a plan finds, and how strongly.
//!
//! Term criteria become document sets read from tantivy's postings (common terms come from the
//! segment cache as bitsets, typo expansions from its term dictionary); what a term test finds is
//! kept in the segment's cache, as a segment never changes. Column criteria (hours, distance,
//! dates) are read from the segment's columns, and their must-have sets are kept too. Nothing here
//! scores: [`super::evaluation`] turns what is found into levels of evidence and scores.

use std::hash::{BuildHasher, Hash};
use std::sync::{Arc, OnceLock};

use tantivy::SegmentReader;

use super::MatchError;
use super::constraints::{self, ColumnFacts};
use super::evidence::{Strength, Support};
use super::plan::{Alternative, ColumnTest, DemandTest, Plan, TermTest, Test};
use super::position::{CriterionAt, Table};
use crate::analysis::typo;
use crate::bitset::{DocBits, DocSet};
use crate::index::{CandidateIndex, Eligible, ProfileField, SegmentCache, SegmentColumns, document};
use crate::model::{GeoPoint, MatchHow};

/// How many rings a distance limit is cut into for upper bounds on nearness.
pub const DISTANCE_RINGS: usize = 5;

/// What one criterion finds across a segment.
pub enum Found {
    Terms(Arc<TermFindings>),
    /// A demand, and the documents whose adaptation need conflicts with it (`None`: nobody's).
    Demand {
        test: DemandTest,
        conflicts: Option<DocSet>,
    },
    /// Checked per document from the columns.
    Columns(ColumnTest),
}

/// What one term test finds in one segment. The same test (words, fields, years) finds the same
/// documents for as long as the segment lives, so findings are kept in the segment's cache.
pub struct TermFindings {
    /// The test these are for.
    test: TermTest,
    /// Index terms of this segment within typo distance of the test's words.
    typos: Vec<Alternative>,
    /// Alternatives' documents whose support stands as it is (with a years requirement: capped
    /// at partial, since they cannot show the years), strongest first.
    found: Vec<(Support, DocSet)>,
    /// With a years requirement: experience alternatives' documents, whose years decide their
    /// support, strongest first.
    experience: Vec<(Support, DocSet)>,
    min_years: Option<f32>,
    /// Hashes of the experience terms, to find the matching entries' years.
    hashes: Vec<u32>,
    /// For each support found (strongest first), the documents with evidence at least that
    /// strong (as if years were enough): what upper bounds are built from.
    pub at_least: Vec<(Support, DocSet)>,
    /// The documents that meet the test as a must-have, once asked for.
    passing: OnceLock<Arc<DocBits>>,
}

/// Per criterion of `plan`, the key its term test's findings are kept under in each segment (0
/// for other criteria): worked out once per plan, as a plan may have hundreds of alternatives
/// and an index a dozen segments. A hit is not compared with the test again (that costs as much
/// as hashing it): the key is SipHash with this process's random keys, so two tests share one
/// only by a 1-in-2^64 accident, and no job need can be written to make them.
pub fn term_keys(plan: &Plan) -> Table<CriterionAt, u64> {
    let key = |test: &TermTest| key_of((&test.alternatives, &test.typo_seeds, test.min_years.map(f32::to_bits)));
    plan.criteria.map(|c| if let Test::Terms(test) = &c.test { key(test) } else { 0 })
}

/// The key a test's findings or bitset are kept under in a segment's cache: SipHash, with this
/// process's random keys, of what names the test (see [`term_keys`] for why a hash suffices).
/// Numbers go in as they are (coordinates by their bits): writing them out as text cost more
/// than the rest of a small segment's evaluation.
fn key_of(what: impl Hash) -> u64 {
    static HASHING: OnceLock<std::hash::RandomState> = OnceLock::new();
    HASHING.get_or_init(std::hash::RandomState::new).hash_one(what)
}

/// A plan's criteria read against one segment.
pub struct Retrieved<'a> {
    pub plan: &'a Plan,
    pub cache: Arc<SegmentCache>,
    /// The segment's documents that may be shown: visible, not deleted.
    pub eligible: Arc<Eligible>,
    pub found: Table<CriterionAt, Found>,
}

impl<'a> Retrieved<'a> {
    /// Reads every criterion of `plan` in `reader`'s segment; `keys` are the plan's [`term_keys`].
    pub fn new(
        plan: &'a Plan,
        keys: &Table<CriterionAt, u64>,
        index: &CandidateIndex,
        reader: &SegmentReader,
    ) -> Result<Self, MatchError> {
        let (cache, eligible) = index.segment_cache(reader)?;
        let mut found = Table::with_capacity(plan.criteria.len());
        for (at, criterion) in plan.criteria.enumerate() {
            found.push(match &criterion.test {
                Test::Terms(test) => Found::Terms(term_findings(&cache, test, keys[at], index, reader)?),
                Test::Demand(test) => {
                    let conflicts = match &test.key {
                        Some(key) => cache.term_docs(reader, index.fields(), ProfileField::Keys, key)?,
                        None => None,
                    };
                    Found::Demand { test: test.clone(), conflicts }
                }
                Test::Column(test) => Found::Columns(*test),
            });
        }
        Ok(Retrieved { plan, cache, eligible, found })
    }

    /// Criterion `at`'s alternatives, including this segment's typo expansions.
    pub fn alternatives(&self, at: CriterionAt) -> Vec<&Alternative> {
        match &self.found[at] {
            Found::Terms(findings) => findings.test.alternatives.iter().chain(&findings.typos).collect(),
            _ => Vec::new(),
        }
    }

    /// The strongest evidence `doc` has for criterion `at`, a grade that overrides its own (a
    /// distance), and whether it holds only because the employer adapts (a column test the room
    /// to adapt waives).
    pub fn support(&self, at: CriterionAt, doc: u32) -> (Support, Option<f32>, bool) {
        match &self.found[at] {
            Found::Terms(findings) => (findings.support(doc, &self.cache.columns), None, false),
            Found::Demand { test, conflicts } => {
                let conflicting = conflicts.as_ref().is_some_and(|docs| docs.contains(doc));
                let strength = if !conflicting || test.adaptable { Strength::Exact } else { Strength::None };
                (Support::whole(strength), None, false)
            }
            Found::Columns(test) => {
                let checked = constraints::check(test, &column_facts(&self.cache.columns, doc, test));
                (Support::whole(checked.strength), checked.grade, checked.adaptation.is_some())
            }
        }
    }

    /// The documents that meet criterion `at` as a must-have (`None`: every document does).
    pub fn pass_set(&self, at: CriterionAt) -> Result<Option<Arc<DocBits>>, MatchError> {
        let cache = &self.cache;
        let max_doc = cache.max_doc();
        let c = &cache.columns;
        let by_column = |key: u64, test: &ColumnTest| {
            cache.set::<MatchError>(key, || {
                let mut bits = DocBits::empty(max_doc);
                let passes = |doc: &u32| constraints::check(test, &column_facts(c, *doc, test)).strength.passes();
                (0..max_doc).filter(passes).for_each(|doc| bits.insert(doc));
                Ok(bits)
            })
        };
        let set = match &self.found[at] {
            Found::Terms(findings) => findings.passing(c, max_doc),
            Found::Demand { test: DemandTest { adaptable: false, key: Some(key), .. }, conflicts: Some(conflicts) } => {
                cache.set::<MatchError>(key_of(("demand", key)), || {
                    let mut bits = DocBits::full(max_doc);
                    conflicts.docs().into_iter().for_each(|doc| bits.remove(doc));
                    Ok(bits)
                })?
            }
            Found::Demand { .. } => return Ok(None),
            Found::Columns(test) => match *test {
                ColumnTest::Extent { job_percent, adaptable_min } => {
                    by_column(key_of(("extent", job_percent, adaptable_min)), test)?
                }
                ColumnTest::StartDate { start, latest } => by_column(key_of(("start", start, latest)), test)?,
                ColumnTest::Distance { origin, limit_km: None, commute } => {
                    by_column(key_of(("distance", origin.lat.to_bits(), origin.lon.to_bits(), commute)), test)?
                }
                ColumnTest::Distance { origin, limit_km: Some(limit), commute } => {
                    // Only homes near the job can pass: the geo grid finds them.
                    let key =
                        key_of(("distance", origin.lat.to_bits(), origin.lon.to_bits(), limit.to_bits(), commute));
                    cache.set::<MatchError>(key, || {
                        let mut bits = DocBits::empty(max_doc);
                        for doc in cache.grid.near(origin.lat, origin.lon, f64::from(limit)) {
                            if constraints::check(test, &column_facts(c, doc, test)).strength.passes() {
                                bits.insert(doc);
                            }
                        }
                        Ok(bits)
                    })?
                }
            },
        };
        Ok(Some(set))
    }

    /// The documents of `pass` (those within `limit` km of `origin`) in [`DISTANCE_RINGS`] widening
    /// rings, each with the highest nearness grade a document first found in it can have: upper
    /// bounds then tell a candidate at the door from one at the limit.
    pub fn distance_rings(
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
                let key = key_of(("ring", origin.lat.to_bits(), origin.lon.to_bits(), limit.to_bits(), ring));
                self.cache.set::<MatchError>(key, || {
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
}

/// The facts `test` reads, for document `doc` of a segment: only those columns are read (a
/// column look-up is a cache miss for a candidate scored in the pass), the others left unknown.
pub fn column_facts(c: &SegmentColumns, doc: u32, test: &ColumnTest) -> ColumnFacts {
    let d = doc as usize;
    let mut facts = ColumnFacts::UNKNOWN;
    match test {
        ColumnTest::Extent { .. } => (facts.extent_min, facts.extent_max) = (c.extent_min[d], c.extent_max[d]),
        ColumnTest::Distance { .. } => {
            (facts.lat, facts.lon, facts.max_commute) = (c.lat[d], c.lon[d], c.max_commute[d])
        }
        ColumnTest::StartDate { .. } => facts.available_from = c.available_from[d],
    }
    facts
}

impl TermFindings {
    /// The strongest evidence `doc` has.
    fn support(&self, doc: u32, columns: &SegmentColumns) -> Support {
        // `at_least` holds a set per support, each with all stronger ones: the last is everyone
        // with any evidence, and without a years requirement the first that has `doc` gives its
        // support. A few set look-ups instead of one per alternative (a plan may have hundreds).
        let Some((_, anyone)) = self.at_least.last() else { return Support::NONE };
        if !anyone.contains(doc) {
            return Support::NONE;
        }
        let strongest = |sets: &[(Support, DocSet)]| sets.iter().find(|(_, docs)| docs.contains(doc)).map(|s| s.0);
        let Some(min_years) = self.min_years else {
            return strongest(&self.at_least).unwrap_or_default();
        };
        let mut best = strongest(&self.found).unwrap_or_default();
        if let Some(found) = strongest(&self.experience) {
            let enough = columns.experience_years(doc, &self.hashes) >= min_years;
            best = best.max(if enough { found } else { capped(found) });
        }
        best
    }

    /// The documents that meet the test as a must-have.
    fn passing(&self, columns: &SegmentColumns, max_doc: u32) -> Arc<DocBits> {
        self.passing
            .get_or_init(|| {
                let mut bits = DocBits::empty(max_doc);
                match self.min_years {
                    None => self
                        .found
                        .iter()
                        .filter(|(support, _)| support.passes())
                        .for_each(|(_, docs)| bits.union_with(docs)),
                    Some(min_years) => {
                        for (_, docs) in self.experience.iter().filter(|(support, _)| support.passes()) {
                            for doc in docs.docs() {
                                if !bits.contains(doc) && columns.experience_years(doc, &self.hashes) >= min_years {
                                    bits.insert(doc);
                                }
                            }
                        }
                    }
                }
                Arc::new(bits)
            })
            .clone()
    }
}

/// What `test` (whose [`term_keys`] key is `key`) finds in the segment, from the cache when the
/// segment has seen it before.
fn term_findings(
    cache: &SegmentCache,
    test: &TermTest,
    key: u64,
    index: &CandidateIndex,
    reader: &SegmentReader,
) -> Result<Arc<TermFindings>, MatchError> {
    if let Some(found) = cache.derived::<TermFindings>(key) {
        return Ok(found);
    }
    let typos = typos_of(cache, test, index, reader)?;
    let alternatives: Vec<&Alternative> = test.alternatives.iter().chain(&typos).collect();
    let mut found = Vec::new();
    let mut experience = Vec::new();
    let mut supports = Vec::new();
    for alternative in &alternatives {
        let Some(docs) = alternative_docs(cache, alternative, index, reader)? else { continue };
        let support = alternative.support();
        match (test.min_years, alternative.field) {
            (Some(_), ProfileField::Experience) => {
                supports.push((support, docs.clone()));
                experience.push((support, docs));
            }
            (Some(_), _) => {
                let capped = capped(support);
                supports.push((capped, docs.clone()));
                found.push((capped, docs));
            }
            (None, _) => {
                supports.push((support, docs.clone()));
                found.push((support, docs));
            }
        }
    }
    found.sort_by_key(|(support, _)| std::cmp::Reverse(*support));
    experience.sort_by_key(|(support, _)| std::cmp::Reverse(*support));
    let hashes = alternatives
        .iter()
        .filter(|a| a.field == ProfileField::Experience)
        .flat_map(|a| a.terms.iter().map(|t| document::term_hash(t)))
        .collect();
    let at_least = at_least(supports, cache.max_doc());
    let findings = Arc::new(TermFindings {
        test: test.clone(),
        typos,
        found,
        experience,
        min_years: test.min_years,
        hashes,
        at_least,
        passing: OnceLock::new(),
    });
    cache.keep_derived(key, findings.clone());
    Ok(findings)
}

/// For each support among `supports` (strongest first), the documents at least that strong.
fn at_least(mut supports: Vec<(Support, DocSet)>, max_doc: u32) -> Vec<(Support, DocSet)> {
    supports.sort_by_key(|(support, _)| std::cmp::Reverse(*support));
    let mut at_least: Vec<(Support, DocSet)> = Vec::new();
    let mut start = 0;
    while start < supports.len() {
        let support = supports[start].0;
        let end = start + supports[start..].iter().take_while(|(s, _)| *s == support).count();
        let mut members: Vec<&DocSet> = supports[start..end].iter().map(|(_, docs)| docs).collect();
        if let Some((_, stronger)) = at_least.last() {
            members.push(stronger);
        }
        at_least.push((support, DocSet::union(&members, max_doc)));
        start = end;
    }
    at_least
}

/// Evidence that cannot show an experience's years counts at most as partial.
fn capped(support: Support) -> Support {
    Support { strength: support.strength.min(Strength::Partial), ..support }
}

/// The index terms within typo distance of the test's seeds that it does not already have.
fn typos_of(
    cache: &SegmentCache,
    test: &TermTest,
    index: &CandidateIndex,
    reader: &SegmentReader,
) -> Result<Vec<Alternative>, MatchError> {
    let mut typos: Vec<Alternative> = Vec::new();
    for (field, seed) in &test.typo_seeds {
        if seed.chars().count() < typo::MIN_TYPO_CHARS {
            continue;
        }
        for term in cache.typos(reader, index.fields(), *field, seed)?.iter() {
            let known = |a: &Alternative| a.field == *field && a.terms.len() == 1 && *a.terms[0] == **term;
            if !test.alternatives.iter().chain(&typos).any(known) {
                typos.push(Alternative::new(*field, vec![term.to_string()], MatchHow::Typo));
            }
        }
    }
    Ok(typos)
}

/// Documents that have every term of `alternative`; `None` when none has.
fn alternative_docs(
    cache: &SegmentCache,
    alternative: &Alternative,
    index: &CandidateIndex,
    reader: &SegmentReader,
) -> Result<Option<DocSet>, MatchError> {
    let mut docs: Option<DocSet> = None;
    for term in &alternative.terms {
        let Some(these) = cache.term_docs(reader, index.fields(), alternative.field, term)? else {
            return Ok(None);
        };
        docs = Some(match docs {
            None => these,
            Some(so_far) => so_far.intersection(&these),
        });
    }
    Ok(docs)
}
