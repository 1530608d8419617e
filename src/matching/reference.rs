//! The matching engine as it was before it was made fast: every criterion's evidence as a code per
//! document read straight from postings, every eligible document checked and scored. Slow and
//! plain on purpose; tests check that the engine returns exactly what this returns.

use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED, Term};

use super::MatchError;
use super::evidence::{self, Code, EXACT, NONE, PARTIAL, PASS};
use super::plan::{Alternative, Plan, TermTest, Test};
use super::segment::{ADAPTATION_FACTOR, column_outcome, finish_outcome};
use crate::analysis::typo;
use crate::bitset::DocBits;
use crate::index::{CandidateIndex, ProfileField, SegmentCache, document};
use crate::model::MatchHow;

/// What a shortlist must say, in comparable form.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub considered: usize,
    pub qualified: usize,
    /// Id and score (as bits, so equality is exact), best first.
    pub candidates: Vec<(String, u32)>,
    /// Id, score bits, failed must-have.
    pub near_misses: Vec<(String, u32, String)>,
    pub relaxations: Vec<(String, usize)>,
}

enum Evaluated {
    Codes(Vec<Code>),
    Conflicts(DocBits),
    Columns,
}

/// The shortlist `plan` should give, found the slow way.
pub fn expected(index: &CandidateIndex, plan: &Plan, near_misses: usize) -> Result<Expected, MatchError> {
    let searcher = index.searcher();
    let musts = plan.musts();
    let mut considered = 0;
    let mut best: Vec<(String, f32)> = Vec::new();
    let mut near: Vec<(String, f32, usize)> = Vec::new();
    let mut only_failed = vec![0; musts.len()];
    for reader in searcher.segment_readers() {
        let (cache, eligible) = index.segment_cache(reader)?;
        let mut evaluated = Vec::new();
        for criterion in &plan.criteria {
            evaluated.push(match &criterion.test {
                Test::Terms(test) => {
                    let expanded = with_typos(test, index, reader)?;
                    Evaluated::Codes(term_codes(test, &expanded, index, reader, &cache.columns)?)
                }
                Test::Demand { key: Some(key), .. } => {
                    let mut conflicts = DocBits::empty(reader.max_doc());
                    for doc in postings(index, reader, ProfileField::Keys, key)? {
                        conflicts.insert(doc);
                    }
                    Evaluated::Conflicts(conflicts)
                }
                Test::Demand { key: None, .. } => Evaluated::Conflicts(DocBits::empty(reader.max_doc())),
                _ => Evaluated::Columns,
            });
        }
        for doc in eligible.bits.iter() {
            considered += 1;
            let outcomes: Vec<(Code, f32, bool)> =
                (0..plan.criteria.len()).map(|i| outcome(plan, &evaluated, &cache, i, doc)).collect();
            let failed: Vec<usize> = (0..musts.len()).filter(|&p| outcomes[musts[p]].0 < PASS).collect();
            let score = score(plan, &outcomes);
            let id = cache.columns.id(doc).to_string();
            match failed.as_slice() {
                [] => best.push((id, score)),
                [only] => {
                    only_failed[*only] += 1;
                    near.push((id, score, *only));
                }
                _ => {}
            }
        }
    }
    let qualified = best.len();
    best.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    best.truncate(plan.top);
    near.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    near.truncate(near_misses);
    Ok(Expected {
        considered,
        qualified,
        candidates: best.into_iter().map(|(id, score)| (id, score.to_bits())).collect(),
        near_misses: near
            .into_iter()
            .map(|(id, score, failed)| (id, score.to_bits(), plan.criteria[musts[failed]].label.clone()))
            .collect(),
        relaxations: musts.iter().zip(only_failed).map(|(&m, n)| (plan.criteria[m].label.clone(), n)).collect(),
    })
}

fn outcome(plan: &Plan, evaluated: &[Evaluated], cache: &SegmentCache, index: usize, doc: DocId) -> (Code, f32, bool) {
    let criterion = &plan.criteria[index];
    let d = doc as usize;
    let (code, grade, penalised) = match (&evaluated[index], &criterion.test) {
        (Evaluated::Codes(codes), _) => (codes[d], evidence::grade(codes[d]), false),
        (Evaluated::Conflicts(conflicts), Test::Demand { adaptable, .. }) => {
            let code = if !conflicts.contains(doc) || *adaptable { EXACT } else { NONE };
            (code, evidence::grade(code), false)
        }
        (_, test) => column_outcome(test, &cache.columns, doc),
    };
    let outcome = finish_outcome(plan, criterion, code, grade, penalised);
    (outcome.code, outcome.grade, outcome.penalised)
}

fn score(plan: &Plan, outcomes: &[(Code, f32, bool)]) -> f32 {
    let mut sum = 0.0;
    let mut adaptations = 0;
    for (criterion, (_, grade, penalised)) in plan.criteria.iter().zip(outcomes) {
        sum += criterion.weight * grade;
        adaptations += i32::from(*penalised);
    }
    let total = plan.total_weight();
    if total <= 0.0 {
        return 0.0;
    }
    sum / total * ADAPTATION_FACTOR.powi(adaptations)
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
    columns: &crate::index::SegmentColumns,
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
