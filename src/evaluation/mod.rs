//! The evaluation suite: does jobbmatch find the right people, and how much better than a
//! filter-only search?
//!
//! `fixtures/eval/` holds a small world in Trøndelag: hand-written candidate profiles, job needs
//! written as employers write them, graded relevance judgements (0–3, each with a one-line
//! reason; `hidden` marks candidates whose fit shows only in veileder tags or the CV summary),
//! and a hand-written must-have rule set per need checked by an independent [`oracle`]. Generated
//! profiles, moved to the same towns, are added as background noise; when one reaches a top 10 it
//! is judged like any other (pooling).
//!
//! Figures: NDCG@10 and recall@10 (grade ≥ 2) averaged over needs, must-have precision (the share
//! of everyone returned who truly meets every must-have), and hidden-talent recall@10.

mod metrics;
pub mod oracle;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use time::Date;
use time::macros::date;

use crate::draft::draft_need;
use crate::generate;
use crate::index::{CandidateIndex, IndexError};
use crate::matching::baseline::{Wishes, filter_only};
use crate::matching::{MatchError, Matcher, compile_for};
use crate::model::{Candidate, GeoPoint, JobNeed};
use crate::semantic::Semantic;
use crate::taxonomy::Taxonomy;
pub use metrics::{ideal_share, ndcg_at, recall_at};
use oracle::Rule;

/// Cut-off of the ranking metrics.
pub const K: usize = 10;
/// Generated background profiles added to the hand-written pool.
pub const BACKGROUND: u64 = 400;
/// Their seed.
pub const BACKGROUND_SEED: u64 = 7_300;
/// The day the free-text answers are read on (dates without a year resolve from it).
pub const TODAY: Date = date!(2026 - 11 - 27);
/// Towns of the evaluation world (Trøndelag, rounded town centres), with weights for the
/// background: a county-wide register, of which a little under half lives within commuting
/// distance of the jobs in Trondheim.
const TOWNS: [(&str, f64, f64, u32); 16] = [
    ("Trondheim", 63.4305, 10.3951, 30),
    ("Malvik", 63.4050, 10.7800, 3),
    ("Melhus", 63.2850, 10.2780, 4),
    ("Stjørdal", 63.4690, 10.9180, 5),
    ("Skaun", 63.3280, 10.0400, 2),
    ("Orkland", 63.3000, 9.8500, 4),
    ("Levanger", 63.7460, 11.2990, 8),
    ("Verdal", 63.7930, 11.4820, 7),
    ("Steinkjer", 64.0140, 11.4950, 9),
    ("Namsos", 64.4670, 11.4950, 6),
    ("Røros", 62.5750, 11.3840, 4),
    ("Oppdal", 62.5940, 9.6910, 4),
    ("Midtre Gauldal", 63.0340, 10.2870, 4),
    ("Selbu", 63.2200, 11.0400, 3),
    ("Frøya", 63.7240, 8.8300, 4),
    ("Inderøy", 63.8700, 11.2900, 3),
];

/// Why the suite could not be run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {detail}")]
    Read { path: String, detail: String },
    #[error("the evaluation suite is inconsistent: {0}")]
    Invalid(String),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error(transparent)]
    Match(#[from] MatchError),
}

/// One graded judgement.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    pub need: String,
    pub candidate: String,
    pub grade: u8,
    pub hidden: bool,
    pub reason: String,
}

/// The suite as loaded.
pub struct Suite {
    pub candidates: Vec<Candidate>,
    pub needs: Vec<JobNeed>,
    pub judgements: Vec<Judgement>,
    pub oracle: HashMap<String, Vec<Rule>>,
    layout: Layout,
}

/// Where a suite's profiles come from and where its background lives (`suite.json`, optional:
/// the first suite uses its own `candidates.jsonl` and the defaults above).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Layout {
    /// The hand-written profiles, relative to the suite (shared by a suite's two halves).
    #[serde(default = "Layout::default_candidates")]
    candidates: String,
    #[serde(default = "Layout::default_background")]
    background: u64,
    #[serde(default = "Layout::default_seed")]
    background_seed: u64,
    /// Towns of the suite's world: name, latitude, longitude, weight of the background there.
    #[serde(default = "Layout::default_towns")]
    towns: Vec<(String, f64, f64, u32)>,
}

impl Layout {
    fn default_candidates() -> String {
        "candidates.jsonl".into()
    }
    fn default_background() -> u64 {
        BACKGROUND
    }
    fn default_seed() -> u64 {
        BACKGROUND_SEED
    }
    fn default_towns() -> Vec<(String, f64, f64, u32)> {
        TOWNS.iter().map(|&(name, lat, lon, weight)| (name.to_string(), lat, lon, weight)).collect()
    }
}

/// The systems compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum System {
    /// jobbmatch on the structured criteria.
    Structured,
    /// jobbmatch on criteria drafted from the three answers alone.
    FreeText,
    /// NAV's search today: every criterion a filter.
    FilterOnly,
    /// Must-haves filter, wishes counted.
    FilterCounted,
}

impl System {
    pub const ALL: [System; 4] = [System::Structured, System::FreeText, System::FilterOnly, System::FilterCounted];

    pub fn label(self) -> &'static str {
        match self {
            System::Structured => "jobbmatch, structured criteria",
            System::FreeText => "jobbmatch, drafted from the free-text answers",
            System::FilterOnly => "filter-only baseline (every criterion required)",
            System::FilterCounted => "filter-only baseline (must-haves required, wishes counted)",
        }
    }

    /// Whether the system lists near misses (filters do not).
    pub fn lists_near_misses(self) -> bool {
        matches!(self, System::Structured | System::FreeText)
    }
}

/// One system on one need.
#[derive(Debug, Clone)]
pub struct Run {
    pub need: String,
    pub system: System,
    /// Ids returned, best first (at most `K`).
    pub returned: Vec<String>,
    pub qualified: usize,
    pub ndcg: Option<f64>,
    pub recall: Option<f64>,
    /// Returned candidates the oracle says meet every must-have.
    pub meeting_musts: usize,
    pub hidden_found: usize,
    pub hidden_total: usize,
    /// Hidden talents weighted by how much they belong in an ideal top `K`: found, and all.
    pub hidden_found_share: f64,
    pub hidden_share: f64,
    /// Near misses listed (at most `K`) that the oracle says fail one must-have narrowly, and
    /// how many such the list could hold (those in the pool, at most `K`).
    pub narrow_found: usize,
    pub narrow_attainable: usize,
    /// For a need drafted from its answers: whether the shortlist warns that a must-have phrase
    /// was not understood (so the advisor knows it may hold people without it).
    pub warned: bool,
}

/// Averages for one system.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub system: System,
    pub ndcg: f64,
    pub recall: f64,
    pub must_precision: f64,
    pub hidden_recall: f64,
    /// Hidden-talent recall counting only what an ideal top `K` would show.
    pub hidden_recall_attainable: f64,
    /// Of the candidates who fail one must-have narrowly (by the oracle), the share a near-miss
    /// list of `K` shows, counting at most `K` per need; `None` when no need has any or the
    /// system lists no near misses.
    pub near_miss_recall: Option<f64>,
    /// Must-have precision over the needs whose shortlist carries no warning: what an advisor
    /// trusts without being told to check.
    pub unwarned_must_precision: f64,
    /// Needs whose shortlist carries a warning.
    pub warned: usize,
}

/// Everything one configuration measured.
pub struct Evaluation {
    pub runs: Vec<Run>,
    pub summaries: Vec<Summary>,
    /// (need, candidate) pairs some system ranked in its top `K` that nobody judged.
    pub unjudged: Vec<(String, String)>,
}

impl Suite {
    /// Reads `dir` (candidates.jsonl, needs/*.json, judgements.jsonl, oracle.json, and the
    /// optional suite.json) and checks it.
    pub fn load(dir: &Path) -> Result<Suite, EvalError> {
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name)).map_err(|error| EvalError::Read {
                path: dir.join(name).display().to_string(),
                detail: error.to_string(),
            })
        };
        let layout: Layout = match dir.join("suite.json").exists() {
            true => serde_json::from_str(&read("suite.json")?)
                .map_err(|error| EvalError::Invalid(format!("suite.json: {error}")))?,
            false => serde_json::from_str("{}").map_err(|error| EvalError::Invalid(error.to_string()))?,
        };
        let candidates = crate::load::read_candidates(&dir.join(&layout.candidates))
            .map_err(|error| EvalError::Read { path: dir.display().to_string(), detail: error.to_string() })?;
        let mut needs = Vec::new();
        let entries = std::fs::read_dir(dir.join("needs")).map_err(|error| EvalError::Read {
            path: dir.join("needs").display().to_string(),
            detail: error.to_string(),
        })?;
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
            let text = std::fs::read_to_string(path)
                .map_err(|error| EvalError::Read { path: path.display().to_string(), detail: error.to_string() })?;
            needs.push(
                JobNeed::from_json(&text)
                    .map_err(|error| EvalError::Read { path: path.display().to_string(), detail: error.to_string() })?,
            );
        }
        let mut judgements = Vec::new();
        for (number, line) in read("judgements.jsonl")?.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let judgement: Judgement = serde_json::from_str(line)
                .map_err(|error| EvalError::Invalid(format!("judgements.jsonl line {}: {error}", number + 1)))?;
            judgements.push(judgement);
        }
        let oracle: HashMap<String, Vec<Rule>> = serde_json::from_str(&read("oracle.json")?)
            .map_err(|error| EvalError::Invalid(format!("oracle.json: {error}")))?;
        let suite = Suite { candidates, needs, judgements, oracle, layout };
        suite.check()?;
        Ok(suite)
    }

    fn check(&self) -> Result<(), EvalError> {
        let known: std::collections::HashSet<String> =
            self.candidates.iter().map(|c| c.id.clone()).chain(self.background().into_iter().map(|c| c.id)).collect();
        for judgement in &self.judgements {
            if !self.needs.iter().any(|n| n.id == judgement.need) {
                return Err(EvalError::Invalid(format!("a judgement names the unknown need {}", judgement.need)));
            }
            if !known.contains(&judgement.candidate) {
                return Err(EvalError::Invalid(format!(
                    "a judgement names the unknown candidate {}",
                    judgement.candidate
                )));
            }
            if judgement.grade > 3 || judgement.reason.trim().is_empty() {
                return Err(EvalError::Invalid(format!(
                    "judgement {}/{} needs a grade 0–3 and a reason",
                    judgement.need, judgement.candidate
                )));
            }
        }
        if let Some(need) = self.needs.iter().find(|n| !self.oracle.contains_key(&n.id)) {
            return Err(EvalError::Invalid(format!("need {} has no must-have rules in oracle.json", need.id)));
        }
        Ok(())
    }

    /// How many generated profiles the pool adds as background.
    pub fn background_count(&self) -> u64 {
        self.layout.background
    }

    /// Generated profiles moved to the evaluation's towns, ids `B00001`….
    pub fn background(&self) -> Vec<Candidate> {
        let layout = &self.layout;
        let weights: Vec<((&str, f64, f64), u32)> =
            layout.towns.iter().map(|(n, la, lo, w)| ((n.as_str(), *la, *lo), *w)).collect();
        (0..layout.background)
            .map(|index| {
                let mut candidate = generate::candidate(layout.background_seed, index);
                let mut rng = generate::Rng::for_item(layout.background_seed ^ 0x7041, index);
                let (town, lat, lon) = *rng.weighted(&weights);
                candidate.id = format!("B{:05}", index + 1);
                candidate.municipality = town.to_string();
                candidate.location =
                    Some(GeoPoint { lat: lat + (rng.unit() - 0.5) * 0.06, lon: lon + (rng.unit() - 0.5) * 0.12 });
                candidate.veileder = candidate.veileder.map(|v| v.replacen("V1", "V3", 1));
                candidate
            })
            .collect()
    }

    /// The hand-written profiles and the background.
    pub fn pool(&self) -> Vec<Candidate> {
        self.candidates.iter().cloned().chain(self.background()).collect()
    }

    /// Runs every system on every need with the given word knowledge, lexically only.
    pub fn evaluate(&self, taxonomy: Arc<Taxonomy>) -> Result<Evaluation, EvalError> {
        self.evaluate_with(taxonomy, None)
    }

    /// Runs every system on every need with the given word knowledge and, if given, a semantic
    /// layer (fresh: it learns this suite's phrases).
    pub fn evaluate_with(&self, taxonomy: Arc<Taxonomy>, semantic: Option<Semantic>) -> Result<Evaluation, EvalError> {
        let pool = self.pool();
        let by_id: HashMap<&str, &Candidate> = pool.iter().map(|c| (c.id.as_str(), c)).collect();
        let index = CandidateIndex::in_memory(taxonomy.clone())?;
        index.replace_all(&pool, &|_| {})?;
        if let Some(semantic) = semantic {
            index.attach_semantic(Arc::new(semantic))?;
        }
        let mut runs = Vec::new();
        let mut unjudged = Vec::new();
        for need in &self.needs {
            let grades: HashMap<String, u8> =
                self.judgements.iter().filter(|j| j.need == need.id).map(|j| (j.candidate.clone(), j.grade)).collect();
            let relevant: Vec<String> = self
                .judgements
                .iter()
                .filter(|j| j.need == need.id && j.grade >= 2)
                .map(|j| j.candidate.clone())
                .collect();
            let hidden: Vec<String> = self
                .judgements
                .iter()
                .filter(|j| j.need == need.id && j.grade >= 2 && j.hidden)
                .map(|j| j.candidate.clone())
                .collect();
            let shares = ideal_share(K, &grades);
            let hidden_share: f64 = hidden.iter().map(|id| shares.get(id).copied().unwrap_or(0.0)).sum();
            let rules = &self.oracle[&need.id];
            let narrow: Vec<&str> = pool
                .iter()
                .filter(|c| oracle::fails_narrowly(c, rules, need.location))
                .map(|c| c.id.as_str())
                .collect();
            for system in System::ALL {
                let (returned, qualified, near_misses, warned) = self.run(system, need, &index, &taxonomy)?;
                let hidden_found_share: f64 = hidden
                    .iter()
                    .filter(|id| returned.contains(id))
                    .map(|id| shares.get(id).copied().unwrap_or(0.0))
                    .sum();
                for id in &returned {
                    if !grades.contains_key(id) && !unjudged.contains(&(need.id.clone(), id.clone())) {
                        unjudged.push((need.id.clone(), id.clone()));
                    }
                }
                let meeting_musts = returned
                    .iter()
                    .filter(|id| by_id.get(id.as_str()).is_some_and(|c| oracle::meets(c, rules, need.location)))
                    .count();
                runs.push(Run {
                    need: need.id.clone(),
                    system,
                    ndcg: ndcg_at(K, &returned, &grades),
                    recall: recall_at(K, &returned, &relevant),
                    meeting_musts,
                    hidden_found: hidden.iter().filter(|id| returned.contains(id)).count(),
                    hidden_total: hidden.len(),
                    hidden_found_share,
                    hidden_share,
                    narrow_found: near_misses.iter().filter(|id| narrow.contains(&id.as_str())).count(),
                    narrow_attainable: if system.lists_near_misses() { narrow.len().min(K) } else { 0 },
                    warned,
                    returned,
                    qualified,
                });
            }
        }
        let summaries = System::ALL.iter().map(|&system| summarise(system, &runs)).collect();
        Ok(Evaluation { runs, summaries, unjudged })
    }

    fn run(
        &self,
        system: System,
        need: &JobNeed,
        index: &CandidateIndex,
        taxonomy: &Taxonomy,
    ) -> Result<(Vec<String>, usize, Vec<String>, bool), EvalError> {
        let mut need = need.clone();
        need.top = Some(K);
        let mut warned = false;
        if system == System::FreeText {
            let draft = draft_need(&need, taxonomy, TODAY);
            warned = draft.warning().is_some();
            need = draft.need;
        }
        let mut plan = compile_for(&need, index)?;
        match system {
            System::FilterOnly => plan = filter_only(&plan, Wishes::Required),
            System::FilterCounted => plan = filter_only(&plan, Wishes::Counted),
            System::Structured | System::FreeText => {}
        }
        let near_misses = if system.lists_near_misses() { K } else { 0 };
        let shortlist = Matcher::new(index).near_misses(near_misses).relaxation(false).run(&plan)?;
        let near = shortlist.near_misses.into_iter().map(|miss| miss.id).collect();
        Ok((shortlist.candidates.into_iter().map(|c| c.id).collect(), shortlist.qualified, near, warned))
    }
}

fn summarise(system: System, runs: &[Run]) -> Summary {
    let mine: Vec<&Run> = runs.iter().filter(|r| r.system == system).collect();
    let mean =
        |values: Vec<f64>| if values.is_empty() { 0.0 } else { values.iter().sum::<f64>() / values.len() as f64 };
    let returned: usize = mine.iter().map(|r| r.returned.len()).sum();
    let meeting: usize = mine.iter().map(|r| r.meeting_musts).sum();
    let unwarned_returned: usize = mine.iter().filter(|r| !r.warned).map(|r| r.returned.len()).sum();
    let unwarned_meeting: usize = mine.iter().filter(|r| !r.warned).map(|r| r.meeting_musts).sum();
    let hidden_total: usize = mine.iter().map(|r| r.hidden_total).sum();
    let hidden_found: usize = mine.iter().map(|r| r.hidden_found).sum();
    let share_total: f64 = mine.iter().map(|r| r.hidden_share).sum();
    let share_found: f64 = mine.iter().map(|r| r.hidden_found_share).sum();
    let narrow_attainable: usize = mine.iter().map(|r| r.narrow_attainable).sum();
    let narrow_found: usize = mine.iter().map(|r| r.narrow_found).sum();
    // `+ 0.0` turns the negative zero of an empty float sum into a plain zero.
    Summary {
        system,
        ndcg: mean(mine.iter().filter_map(|r| r.ndcg).collect()) + 0.0,
        recall: mean(mine.iter().filter_map(|r| r.recall).collect()),
        must_precision: if returned == 0 { 1.0 } else { meeting as f64 / returned as f64 },
        hidden_recall: if hidden_total == 0 { 0.0 } else { hidden_found as f64 / hidden_total as f64 },
        hidden_recall_attainable: if share_total == 0.0 { 0.0 } else { share_found / share_total + 0.0 },
        near_miss_recall: (narrow_attainable > 0).then(|| narrow_found as f64 / narrow_attainable as f64),
        unwarned_must_precision: if unwarned_returned == 0 {
            1.0
        } else {
            unwarned_meeting as f64 / unwarned_returned as f64
        },
        warned: mine.iter().filter(|r| r.warned).count(),
    }
}

impl Evaluation {
    pub fn summary(&self, system: System) -> &Summary {
        self.summaries.iter().find(|s| s.system == system).expect("every system is summarised")
    }
}

/// The evaluation table in Markdown, one block per configuration.
pub fn render(configurations: &[(&str, &Evaluation)], suite: &Suite) -> String {
    let mut out = String::new();
    let judged = suite.judgements.len();
    let _ = writeln!(
        out,
        "{} needs, {} hand-written profiles + {} generated background, {} judgements.\n",
        suite.needs.len(),
        suite.candidates.len(),
        suite.background_count(),
        judged
    );
    let _ = writeln!(
        out,
        "| word knowledge | system | NDCG@10 | recall@10 | must-have precision | hidden-talent recall@10 | … of those an ideal top 10 holds | near-miss recall@10 |"
    );
    let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|---:|");
    for (label, evaluation) in configurations {
        for summary in &evaluation.summaries {
            let _ = writeln!(
                out,
                "| {label} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {} |",
                summary.system.label(),
                summary.ndcg,
                summary.recall,
                summary.must_precision,
                summary.hidden_recall,
                summary.hidden_recall_attainable,
                summary.near_miss_recall.map_or_else(|| "–".to_string(), |recall| format!("{recall:.3}"))
            );
        }
    }
    out
}
