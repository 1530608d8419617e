//! Evaluating a plan on one index segment: evidence per criterion per candidate, the must-have
//! query that retrieves candidates, and the per-candidate score.

use std::sync::Arc;

use tantivy::query::{BooleanQuery, EnableScoring, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Searcher, SegmentReader, TERMINATED, Term};

use super::MatchError;
use super::constraints;
use super::evidence::{self, Code, EXACT, NONE, PARTIAL, PASS};
use super::plan::{Alternative, Plan, TermTest, Test};
use crate::analysis::typo;
use crate::bitset::DocBits;
use crate::index::{CandidateIndex, ProfileField, SegmentColumns, document, keys};
use crate::model::MatchHow;

/// Factor applied to the score for each adaptation the employer makes (hours, start date, shifts,
/// language support, training). Adaptations of tasks for a candidate's tilretteleggingsbehov are
/// never penalised: health must not change a ranking.
pub const ADAPTATION_FACTOR: f32 = 0.9;

/// A criterion's evidence across one segment.
enum Evaluated {
    /// Evidence code per document.
    Codes(Vec<Code>),
    /// Documents whose adaptation need conflicts with a demand.
    Conflicts(DocBits),
    /// Checked per document from the columns.
    Columns,
}

/// One criterion's result for one candidate, as the scoring loop needs it.
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
    pub reader: &'a SegmentReader,
    pub columns: Arc<SegmentColumns>,
    /// Per criterion, the alternatives including this segment's typo expansions.
    pub alternatives: Vec<Vec<Alternative>>,
    evaluated: Vec<Evaluated>,
    total_weight: f32,
}

impl<'a> SegmentEvaluation<'a> {
    /// Reads the evidence of every criterion in `reader`'s segment.
    pub fn new(
        plan: &'a Plan,
        index: &CandidateIndex,
        reader: &'a SegmentReader,
        ordinal: u32,
    ) -> Result<Self, MatchError> {
        let columns = index.columns(reader)?;
        let mut alternatives = Vec::with_capacity(plan.criteria.len());
        let mut evaluated = Vec::with_capacity(plan.criteria.len());
        for criterion in &plan.criteria {
            match &criterion.test {
                Test::Terms(test) => {
                    let expanded = with_typos(test, index, reader)?;
                    evaluated.push(Evaluated::Codes(term_codes(test, &expanded, index, reader, &columns)?));
                    alternatives.push(expanded);
                }
                Test::Demand { key: Some(key), .. } => {
                    let mut conflicts = DocBits::empty(reader.max_doc());
                    for doc in postings(index, reader, ProfileField::Keys, key)? {
                        conflicts.insert(doc);
                    }
                    evaluated.push(Evaluated::Conflicts(conflicts));
                    alternatives.push(Vec::new());
                }
                Test::Demand { key: None, .. } => {
                    evaluated.push(Evaluated::Conflicts(DocBits::empty(reader.max_doc())));
                    alternatives.push(Vec::new());
                }
                _ => {
                    evaluated.push(Evaluated::Columns);
                    alternatives.push(Vec::new());
                }
            }
        }
        Ok(SegmentEvaluation {
            plan,
            ordinal,
            reader,
            columns,
            alternatives,
            evaluated,
            total_weight: plan.total_weight(),
        })
    }

    /// How criterion `index` comes out for `doc`.
    pub fn outcome(&self, index: usize, doc: DocId) -> Outcome {
        let criterion = &self.plan.criteria[index];
        let d = doc as usize;
        let (code, grade, penalised) = match (&self.evaluated[index], &criterion.test) {
            (Evaluated::Codes(codes), _) => (codes[d], evidence::grade(codes[d]), false),
            (Evaluated::Conflicts(conflicts), Test::Demand { adaptable, .. }) => {
                let code = if !conflicts.contains(doc) || *adaptable { EXACT } else { NONE };
                (code, evidence::grade(code), false)
            }
            (_, test) => {
                let c = &self.columns;
                let checked = match *test {
                    Test::Extent { job_percent, adaptable_min } => {
                        constraints::extent(job_percent, adaptable_min, c.extent_min[d], c.extent_max[d])
                    }
                    Test::Distance { origin, limit_km } => {
                        constraints::distance(origin, limit_km, c.lat[d], c.lon[d], c.max_commute[d])
                    }
                    Test::StartDate { start, latest } => constraints::start_date(start, latest, c.available_from[d]),
                    _ => unreachable!("term and demand tests are evaluated above"),
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

    /// Whether `doc` meets must-have `index`.
    pub fn meets(&self, index: usize, doc: DocId) -> bool {
        self.outcome(index, doc).code >= PASS
    }

    /// The score of `doc`: Σ weight × grade / Σ weight, times 0.9 per penalised adaptation.
    pub fn score(&self, doc: DocId) -> f32 {
        let mut sum = 0.0;
        let mut adaptations = 0;
        for (index, criterion) in self.plan.criteria.iter().enumerate() {
            let outcome = self.outcome(index, doc);
            sum += criterion.weight * outcome.grade;
            adaptations += i32::from(outcome.penalised);
        }
        if self.total_weight <= 0.0 {
            return 0.0;
        }
        sum / self.total_weight * ADAPTATION_FACTOR.powi(adaptations)
    }

    /// Candidates who meet every must-have: retrieved with the must-have query, then checked
    /// against every must-have (years, hours, distance and dates are not in the query).
    pub fn qualified(&self, index: &CandidateIndex, searcher: &Searcher) -> Result<Vec<DocId>, MatchError> {
        let musts = self.plan.musts();
        let mut retrieved = Vec::new();
        match self.must_query(index) {
            Some(query) => {
                let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
                let mut scorer = weight.scorer(self.reader, 1.0)?;
                let mut doc = scorer.doc();
                while doc != TERMINATED {
                    retrieved.push(doc);
                    doc = scorer.advance();
                }
            }
            None => retrieved.extend(self.columns.eligible.iter()),
        }
        let qualified: Vec<DocId> = retrieved
            .into_iter()
            .filter(|&doc| self.columns.eligible.contains(doc) && musts.iter().all(|&m| self.meets(m, doc)))
            .collect();
        debug_assert!(
            self.columns.eligible.iter().filter(|&doc| musts.iter().all(|&m| self.meets(m, doc))).count()
                == qualified.len(),
            "the must-have query must retrieve every candidate who meets the must-haves"
        );
        Ok(qualified)
    }

    /// The tantivy query of the term-based must-haves, built from terms (never from query-parser
    /// syntax): visible, every must-have met by one of its passing alternatives, and no
    /// unadaptable conflict with a demand. `None` when no must-have is term-based.
    fn must_query(&self, index: &CandidateIndex) -> Option<Box<dyn Query>> {
        let keys_field = index.fields().text(ProfileField::Keys);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for m in self.plan.musts() {
            let criterion = &self.plan.criteria[m];
            match &criterion.test {
                Test::Terms(test) => {
                    let passing = self.alternatives[m]
                        .iter()
                        .filter(|alt| evidence::code(alt.field, alt.how) >= PASS)
                        .filter(|alt| test.min_years.is_none() || alt.field == ProfileField::Experience)
                        .map(|alt| alternative_query(index, alt))
                        .collect::<Vec<_>>();
                    clauses.push((Occur::Must, Box::new(BooleanQuery::union(passing))));
                }
                Test::Demand { key: Some(key), adaptable: false, .. } => {
                    clauses.push((Occur::MustNot, term_query(Term::from_field_text(keys_field, key))));
                }
                _ => {}
            }
        }
        if !clauses.iter().any(|(occur, _)| *occur == Occur::Must) {
            return None;
        }
        clauses.push((Occur::Must, term_query(Term::from_field_text(keys_field, &keys::visible()))));
        Some(Box::new(BooleanQuery::new(clauses)))
    }
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
}

fn alternative_query(index: &CandidateIndex, alternative: &Alternative) -> Box<dyn Query> {
    let field = index.fields().text(alternative.field);
    let mut terms: Vec<Box<dyn Query>> =
        alternative.terms.iter().map(|term| term_query(Term::from_field_text(field, term))).collect();
    if terms.len() == 1 { terms.remove(0) } else { Box::new(BooleanQuery::intersection(terms)) }
}

/// The test's alternatives plus the index terms within typo distance of its seeds.
fn with_typos(test: &TermTest, index: &CandidateIndex, reader: &SegmentReader) -> Result<Vec<Alternative>, MatchError> {
    let mut alternatives = test.alternatives.clone();
    for (field, seed) in &test.typo_seeds {
        if seed.chars().count() < typo::MIN_TYPO_CHARS {
            continue;
        }
        let inverted = reader.inverted_index(index.fields().text(*field))?;
        let prefix = typo::prefix(seed);
        let mut stream = inverted.terms().range().ge(prefix.as_bytes()).into_stream()?;
        while stream.advance() {
            let Ok(term) = std::str::from_utf8(stream.key()) else { continue };
            if !term.starts_with(prefix) {
                break;
            }
            if typo::is_typo_of(seed, term) {
                let candidate = Alternative { field: *field, terms: vec![term.to_string()], how: MatchHow::Typo };
                if !alternatives.iter().any(|a| a.field == *field && a.terms == candidate.terms) {
                    alternatives.push(candidate);
                }
            }
        }
    }
    Ok(alternatives)
}

/// Documents containing `term` in `field` (deleted ones included; callers filter).
fn postings(
    index: &CandidateIndex,
    reader: &SegmentReader,
    field: ProfileField,
    term: &str,
) -> Result<Vec<DocId>, MatchError> {
    let tantivy_field = index.fields().text(field);
    let inverted = reader.inverted_index(tantivy_field)?;
    let mut docs = Vec::new();
    if let Some(mut postings) =
        inverted.read_postings(&Term::from_field_text(tantivy_field, term), IndexRecordOption::Basic)?
    {
        let mut doc = postings.doc();
        while doc != TERMINATED {
            docs.push(doc);
            doc = postings.advance();
        }
    }
    Ok(docs)
}

/// Strongest evidence code per document for a term test.
fn term_codes(
    test: &TermTest,
    alternatives: &[Alternative],
    index: &CandidateIndex,
    reader: &SegmentReader,
    columns: &SegmentColumns,
) -> Result<Vec<Code>, MatchError> {
    let max_doc = reader.max_doc() as usize;
    let mut codes = vec![NONE; max_doc];
    // With a years requirement, experience evidence is kept apart so its years can be checked.
    let mut experience = test.min_years.map(|_| vec![NONE; max_doc]);
    for alternative in alternatives {
        let code = evidence::code(alternative.field, alternative.how);
        let target = match (&mut experience, alternative.field) {
            (Some(experience), ProfileField::Experience) => experience,
            _ => &mut codes,
        };
        for doc in alternative_docs(index, reader, alternative)? {
            let slot = &mut target[doc as usize];
            *slot = (*slot).max(code);
        }
    }
    if let (Some(min_years), Some(experience)) = (test.min_years, experience) {
        let hashes: Vec<u32> = alternatives
            .iter()
            .filter(|a| a.field == ProfileField::Experience)
            .flat_map(|a| a.terms.iter().map(|t| document::term_hash(t)))
            .collect();
        for (doc, code) in codes.iter_mut().enumerate() {
            // Evidence that cannot show the years counts only partly.
            let mut best = (*code).min(PARTIAL);
            let found = experience[doc];
            if found != NONE {
                let enough = columns.experience_years(doc as DocId, &hashes) >= min_years;
                best = best.max(if enough { found } else { found.min(PARTIAL) });
            }
            *code = best;
        }
    }
    Ok(codes)
}

/// Documents that have every term of `alternative`.
fn alternative_docs(
    index: &CandidateIndex,
    reader: &SegmentReader,
    alternative: &Alternative,
) -> Result<Vec<DocId>, MatchError> {
    let mut terms = alternative.terms.iter();
    let Some(first) = terms.next() else { return Ok(Vec::new()) };
    let mut docs = postings(index, reader, alternative.field, first)?;
    for term in terms {
        let other = postings(index, reader, alternative.field, term)?;
        docs.retain(|doc| other.binary_search(doc).is_ok());
    }
    Ok(docs)
}
