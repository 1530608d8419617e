//! A job need compiled into a plan: each criterion becomes a test with a weight, must-haves that
//! the employer can adapt become soft, and the need's top-level facts become implied criteria.
//!
//! Weights (documented in the README): a must-have weighs 1; a ranked wish weighs 2 / (rank + 1),
//! so 1, ⅔, ½, ⅖ …; an unranked wish ½; an explicit `weight` overrides both. Nearness to the job
//! (a distance criterion, or implied when the need has a location) weighs ¼: within the limit,
//! being closer is a tie-breaker, not a wish. A job with a place always has a must-have distance
//! criterion: a candidate's own `max_commute_km` holds whether or not the employer set a limit.
//!
//! [`compile`] does the compiling; this module holds what it produces.

mod compile;
#[cfg(test)]
mod tests;

pub use compile::{CompileError, EqualRarity, Rarity};

use super::MatchError;
use super::evidence::{Coverage, Strength, Support};
use super::position::{CriterionAt, MustAt, Table};
use crate::index::ProfileField;
use crate::model::{CriterionKind, GeoPoint, Importance, JobNeed, MatchHow};
use crate::semantic::Resemblance;
use crate::taxonomy::Taxonomy;

/// Weight of a must-have, and of a must-have the employer made soft.
pub const MUST_WEIGHT: f32 = 1.0;
/// Weight of an adjustable criterion without a rank.
pub const UNRANKED_WEIGHT: f32 = 0.5;
/// Weight of nearness: a distance criterion, must or not, and the implied one within the
/// candidate's commute.
pub const PROXIMITY_WEIGHT: f32 = 0.25;

/// Label of the distance must-have a job with a place always has when the employer set no limit:
/// within the candidate's own commute, nearer being better.
pub const COMMUTE_LABEL: &str = "nærhet";

/// A job need ready to run.
#[derive(Debug, Clone)]
pub struct Plan {
    pub need_id: String,
    pub top: usize,
    pub criteria: Table<CriterionAt, Planned>,
    /// Count criteria met instead of grading evidence (the filter-only baseline).
    pub binary: bool,
}

/// One criterion as it will be tested and weighed.
#[derive(Debug, Clone)]
pub struct Planned {
    pub label: String,
    pub kind: CriterionKind,
    /// After waivers: a must-have the employer can adapt is adjustable here.
    pub importance: Importance,
    pub weight: f32,
    pub test: Test,
    /// For a must-have made soft by the employer's room to adapt: what the employer does for a
    /// candidate who does not meet it.
    pub waiver: Option<String>,
    /// Derived from the need's top-level fields rather than its criteria list.
    pub implied: bool,
}

/// How a criterion is checked.
#[derive(Debug, Clone)]
pub enum Test {
    /// Terms in profile fields; the strongest matching alternative decides the evidence.
    Terms(TermTest),
    /// A fact read from the profile's columns: hours, distance, start date.
    Column(ColumnTest),
    /// Candidates whose adaptation need conflicts with a demand of the job.
    Demand(DemandTest),
}

/// A criterion checked against a profile's columns, one candidate at a time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ColumnTest {
    /// The job's stillingsprosent against the candidate's desired range.
    Extent { job_percent: u8, adaptable_min: Option<u8> },
    /// Distance from the job to the candidate's home, within the employer's `limit_km` and, when
    /// `commute`, the candidate's own commute; nearer is better.
    Distance { origin: GeoPoint, limit_km: Option<f32>, commute: bool },
    /// The first working day against the candidate's availability (Julian days).
    StartDate { start: i32, latest: Option<i32> },
}

/// A demand of the job (`tunge løft`): candidates whose adaptation need conflicts with it fail,
/// unless the employer can take it out of the tasks.
#[derive(Debug, Clone, PartialEq)]
pub struct DemandTest {
    /// The index key of the adaptation needs that conflict (`None`: the vocabulary knows none).
    pub key: Option<String>,
    pub adaptable: bool,
    /// The demand as the employer wrote it.
    pub demand: String,
}

/// Alternatives that count as evidence for a term-based criterion.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermTest {
    pub alternatives: Vec<Alternative>,
    /// Experience criteria: only experience entries of at least this many years count in full.
    pub min_years: Option<f32>,
    /// Words to look for misspelt in the index (typo tolerance), per field.
    pub typo_seeds: Vec<(ProfileField, String)>,
}

/// One way to meet a criterion: every term present in one field.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Alternative {
    pub field: ProfileField,
    pub terms: Vec<String>,
    pub how: MatchHow,
    /// How much of the criterion the terms cover: all of it, or some of a phrase's words.
    pub coverage: Coverage,
}

impl Alternative {
    /// An alternative that covers the whole criterion.
    pub fn new(field: ProfileField, terms: Vec<String>, how: MatchHow) -> Alternative {
        Alternative { field, terms, how, coverage: Coverage::WHOLE }
    }

    /// The support a document with every term has.
    pub fn support(&self) -> Support {
        Support { strength: Strength::of(self.field, self.how), coverage: self.coverage }
    }
}

impl Plan {
    /// Compiles `need` (already validated) against the vocabulary, every word weighing the same,
    /// without semantic evidence.
    pub fn compile(need: &JobNeed, taxonomy: &Taxonomy) -> Result<Plan, MatchError> {
        compile::plan(need, taxonomy, &EqualRarity, None)
    }

    /// Compiles `need` with words weighed by their `rarity` among profiles, and wishes also met
    /// by the profile phrases that `resemblance` finds for them.
    pub fn compile_with(
        need: &JobNeed,
        taxonomy: &Taxonomy,
        rarity: &dyn Rarity,
        resemblance: Option<&dyn Resemblance>,
    ) -> Result<Plan, MatchError> {
        compile::plan(need, taxonomy, rarity, resemblance)
    }

    /// Sum of all weights: the score's denominator.
    pub fn total_weight(&self) -> f32 {
        self.criteria.iter().map(|c| c.weight).sum()
    }

    /// The deterministic core of this plan, for checking another engine against this one: term
    /// criteria only, each matched on its own words alone (no synonyms, narrower terms, compound
    /// parts or typos), without waivers. Grades still follow where the words are found.
    pub fn exact_terms_only(&self) -> Plan {
        let criteria = self
            .criteria
            .iter()
            .filter_map(|criterion| match &criterion.test {
                Test::Terms(test) => {
                    let alternatives =
                        test.alternatives.iter().filter(|alternative| alternative.how == MatchHow::Exact).cloned();
                    let test = TermTest {
                        alternatives: alternatives.collect(),
                        min_years: test.min_years,
                        typo_seeds: Vec::new(),
                    };
                    Some(Planned { test: Test::Terms(test), waiver: None, ..criterion.clone() })
                }
                _ => None,
            })
            .collect();
        Plan { criteria, ..self.clone() }
    }

    /// The must-haves that are the candidate's own limits (their commute), which no employer can
    /// relax: not offered as relaxations.
    pub fn is_candidate_limit(criterion: &Planned) -> bool {
        matches!(criterion.test, Test::Column(ColumnTest::Distance { commute: true, .. }))
    }

    /// The hard criteria, in plan order.
    pub fn musts(&self) -> Table<MustAt, CriterionAt> {
        self.criteria.enumerate().filter(|(_, c)| c.importance == Importance::Must).map(|(at, _)| at).collect()
    }

    /// What the plan cannot check and the advisor must: a must-have demand the vocabulary does
    /// not know (`høyt lydnivå` before noise had that name) is met by everyone, since no
    /// adaptation need is known to conflict with it — said, not silently passed.
    pub fn unchecked(&self) -> Vec<String> {
        self.criteria
            .iter()
            .filter(|c| c.importance == Importance::Must)
            .filter_map(|c| match &c.test {
                Test::Demand(DemandTest { key: None, demand, .. }) => Some(format!(
                    "Kravet «{demand}» kjenner ikke jobbmatch: ingen tilretteleggingsbehov er sjekket mot det. \
                     Sjekk det selv for kandidatene på listen."
                )),
                _ => None,
            })
            .collect()
    }
}
