//! A plan evaluated on one segment: what each candidate's evidence is worth, as exact scores and
//! as the levels that bound them.
//!
//! Retrieval ([`super::retrieve`]) says which documents each criterion finds and how strongly.
//! Here that becomes, per criterion, *levels*: the documents with evidence at least so strong and
//! what that adds to a score's numerator at most. Levels are what the pass bounds candidates by
//! (a candidate outside every level of a heavy wish cannot reach a high bar); every must-have also
//! becomes one bitset, so that qualification, near misses and relaxation counts are word-at-a-time
//! algebra ([`super::algebra`]). The exact score of one candidate is worked out here too, by the
//! same levels where they give it.

use std::sync::Arc;

use super::MatchError;
use super::evidence::{Strength, Support};
use super::plan::{ColumnTest, Plan, Test};
use super::position::{CriterionAt, MustAt, SetAt, Table};
use super::retrieve::{Found, Retrieved};
use crate::bitset::{DocBits, DocSet};
use crate::index::{CandidateIndex, Eligible, SegmentColumns};
use tantivy::SegmentReader;

/// Factor applied to the score for each adaptation the employer makes (hours, start date, shifts,
/// language support, training). Adaptations of tasks for a candidate's tilretteleggingsbehov are
/// never penalised: health must not change a ranking.
pub const ADAPTATION_FACTOR: f32 = 0.9;

/// Segments of at most this many documents bound nearness by one ring: rings pay for
/// themselves by pruning many candidates, and a reverse look-up runs thousands of plans over a
/// segment of a few (a looser upper bound never changes a list, only how many are scored).
const RINGLESS_DOCS: u32 = 64;

/// One strength of evidence for a criterion, for upper bounds.
pub struct Level {
    /// What meeting the criterion at this strength adds to the score's numerator, at most.
    pub contribution: f32,
    /// The strongest evidence at this level.
    pub support: Support,
    /// The documents with evidence at least this strong.
    pub at_least: SetAt,
}

/// One criterion's result for one candidate, as scoring needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    pub support: Support,
    pub grade: f32,
    /// The employer adapts for this candidate, and it costs score.
    pub penalised: bool,
}

/// A plan evaluated on one segment.
pub struct SegmentEvaluation<'a> {
    pub retrieved: Retrieved<'a>,
    /// The segment's place among the searcher's segments.
    pub ordinal: u32,
    /// The must-haves' criteria, and for each the documents that meet it (`None`: all).
    pub musts: Table<MustAt, CriterionAt>,
    pub must_sets: Table<MustAt, Option<Arc<DocBits>>>,
    /// Per criterion, its place among the must-haves if it is one.
    must_of: Table<CriterionAt, Option<MustAt>>,
    /// Per [`Level`] of each criterion, the documents with evidence at least that strong.
    pub sets: Table<SetAt, DocSet>,
    /// Per criterion, its levels of evidence, strongest first (none for criteria that bound the
    /// score by their weight alone).
    pub levels: Table<CriterionAt, Vec<Level>>,
    /// Per criterion, whether its levels give its exact grade (term criteria without years).
    graded_by_level: Table<CriterionAt, bool>,
    /// Per criterion without levels, the most it adds to the numerator (its weight).
    pub constant_bound: Table<CriterionAt, Option<f32>>,
    /// Upper bound of the whole numerator: every criterion met at its strongest.
    pub max_bound: f32,
    pub total_weight: f32,
}

impl<'a> SegmentEvaluation<'a> {
    /// Reads `plan` against `reader`'s segment (`ordinal` among the searcher's) and works out its
    /// levels and must-have sets; `keys` are the plan's [`super::retrieve::term_keys`].
    pub fn new(
        plan: &'a Plan,
        keys: &Table<CriterionAt, u64>,
        index: &CandidateIndex,
        reader: &SegmentReader,
        ordinal: u32,
    ) -> Result<Self, MatchError> {
        let retrieved = Retrieved::new(plan, keys, index, reader)?;
        let musts = plan.musts();
        let mut must_of = Table::filled(None, plan.criteria.len());
        for (must, &criterion) in musts.enumerate() {
            must_of[criterion] = Some(must);
        }
        let mut evaluation = SegmentEvaluation {
            retrieved,
            ordinal,
            must_sets: Table::filled(None, musts.len()),
            musts,
            must_of,
            sets: Table::new(),
            levels: Table::with_capacity(plan.criteria.len()),
            graded_by_level: Table::with_capacity(plan.criteria.len()),
            constant_bound: Table::filled(None, plan.criteria.len()),
            max_bound: 0.0,
            total_weight: plan.total_weight(),
        };
        for (at, criterion) in plan.criteria.enumerate() {
            let levels = evaluation.term_levels(at, criterion.weight);
            let by_level = matches!(&criterion.test, Test::Terms(test) if test.min_years.is_none());
            evaluation.graded_by_level.push(by_level && criterion.weight > 0.0);
            evaluation.levels.push(levels);
        }
        let mut base_bound = 0.0;
        // Other criteria bound the score by their pass set when it is cheap to keep (distance
        // without a limit would mean a distance for everyone), else by their full weight.
        for (at, criterion) in plan.criteria.enumerate() {
            let must = evaluation.must_of[at];
            let pass = match &criterion.test {
                Test::Terms(_) if must.is_none() => continue,
                Test::Column(ColumnTest::Distance { limit_km: None, .. }) if must.is_none() => None,
                _ => evaluation.retrieved.pass_set(at)?,
            };
            if let Some(must) = must {
                evaluation.must_sets[must] = pass.clone();
            }
            match pass {
                _ if matches!(criterion.test, Test::Terms(_)) => {}
                Some(pass) if criterion.weight > 0.0 => {
                    let rings = match criterion.test {
                        Test::Column(ColumnTest::Distance { origin, limit_km: Some(limit), .. })
                            if !plan.binary && pass.universe() > RINGLESS_DOCS =>
                        {
                            evaluation.retrieved.distance_rings(origin, limit, &pass)?
                        }
                        _ => vec![(1.0, pass)],
                    };
                    let mut levels = Vec::with_capacity(rings.len());
                    let exact = Support::whole(Strength::Exact);
                    for (grade, docs) in rings {
                        let contribution = criterion.weight * evaluation.grade(exact) * grade;
                        let at_least = evaluation.sets.push(DocSet::Dense(docs));
                        levels.push(Level { contribution, support: exact, at_least });
                    }
                    evaluation.levels[at] = levels;
                }
                _ => {
                    base_bound += criterion.weight;
                    evaluation.constant_bound[at] = Some(criterion.weight);
                }
            }
        }
        evaluation.max_bound = base_bound
            + evaluation.levels.iter().filter_map(|levels| levels.first()).map(|level| level.contribution).sum::<f32>();
        Ok(evaluation)
    }

    pub fn plan(&self) -> &'a Plan {
        self.retrieved.plan
    }

    pub fn columns(&self) -> &SegmentColumns {
        &self.retrieved.cache.columns
    }

    pub fn eligible(&self) -> &Eligible {
        &self.retrieved.eligible
    }

    /// A term criterion's levels of evidence, strongest first: supports whose grades weigh the
    /// same (met or not, for the filter-only baseline) share a level.
    fn term_levels(&mut self, at: CriterionAt, weight: f32) -> Vec<Level> {
        let Found::Terms(findings) = &self.retrieved.found[at] else { return Vec::new() };
        let findings = findings.clone();
        let mut levels: Vec<Level> = Vec::new();
        for (support, docs) in &findings.at_least {
            let contribution = weight * self.grade(*support);
            if contribution <= 0.0 {
                break;
            }
            match levels.last_mut() {
                // Documents at least this strong include the stronger ones of the same level.
                Some(level) if level.contribution == contribution => self.sets[level.at_least] = docs.clone(),
                _ => {
                    let at_least = self.sets.push(docs.clone());
                    levels.push(Level { contribution, support: *support, at_least });
                }
            }
        }
        levels
    }

    /// The grade the plan gives `support`: graded evidence, or met / not met for the baseline.
    pub fn grade(&self, support: Support) -> f32 {
        if self.plan().binary { f32::from(u8::from(support.passes())) } else { support.grade() }
    }

    /// How criterion `at` comes out for `doc`.
    pub fn outcome(&self, at: CriterionAt, doc: u32) -> Outcome {
        let criterion = &self.plan().criteria[at];
        let (support, graded, adapted) = self.retrieved.support(at, doc);
        // A must-have the employer made soft costs an adaptation when it is not met.
        let waived = criterion.waiver.is_some() && !support.passes();
        let grade = if self.plan().binary {
            f32::from(u8::from(support.passes()))
        } else {
            graded.unwrap_or_else(|| support.grade())
        };
        Outcome { support, grade, penalised: adapted || waived }
    }

    /// The score of `doc`: Σ weight × grade / Σ weight, times 0.9 per penalised adaptation.
    pub fn score(&self, doc: u32) -> f32 {
        let mut sum = 0.0;
        let mut adaptations = 0;
        for (at, criterion) in self.plan().criteria.enumerate() {
            if self.graded_by_level[at] {
                // The strongest level that has the document carries weight × grade already.
                let level = self.levels[at].iter().find(|level| self.sets[level.at_least].contains(doc));
                let (contribution, support) = level.map_or((0.0, Support::NONE), |l| (l.contribution, l.support));
                sum += contribution;
                adaptations += i32::from(criterion.waiver.is_some() && !support.passes());
            } else {
                let outcome = self.outcome(at, doc);
                sum += criterion.weight * outcome.grade;
                adaptations += i32::from(outcome.penalised);
            }
        }
        if self.total_weight <= 0.0 {
            return 0.0;
        }
        sum / self.total_weight * ADAPTATION_FACTOR.powi(adaptations)
    }

    /// Criterion `at`'s place among the must-haves, if it is one.
    pub fn must_of(&self, at: CriterionAt) -> Option<MustAt> {
        self.must_of[at]
    }

    /// Whether `doc` meets must-have `must`.
    pub fn meets_must(&self, must: MustAt, doc: u32) -> bool {
        self.must_sets[must].as_ref().is_none_or(|set| set.contains(doc))
    }
}
