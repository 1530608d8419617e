//! What a shortlist request returns: ranked candidates that explain themselves, near misses and
//! what relaxing each must-have would add.

use serde::{Deserialize, Serialize};

use super::{CriterionKind, Importance};

/// The answer to a job need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Shortlist {
    pub need_id: String,
    /// Visible candidates considered.
    pub considered: usize,
    /// Candidates who meet every must-have.
    pub qualified: usize,
    /// The best `top` of the qualified, best first; ties by nearness, breadth, then id.
    pub candidates: Vec<ShortlistEntry>,
    /// Candidates who fail exactly one must-have by a gap that could be closed: narrow gaps
    /// first, each by score.
    pub near_misses: Vec<NearMiss>,
    /// Per must-have: how many more candidates would qualify without it.
    pub relaxations: Vec<Relaxation>,
    /// When the need came as text alone: the criteria drafted from it, to review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafted: Option<Box<super::Draft>>,
    /// Whether wishes were also matched by meaning (the semantic layer), or by words only.
    #[serde(default)]
    pub semantic: bool,
    /// What the advisor must know before trusting the list: for a need drafted from its answers
    /// alone, the must-have phrases the draft did not understand (`1 krav er ikke forstått:
    /// «sveisesertifikat»`), since the list may hold people who lack them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// What the employer's answers require that criteria written by hand lack, and the advisor
    /// has not marked as checked (`stående arbeid`); each is also a warning. Add one to the
    /// need's `checked` once it is left out on purpose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unchecked: Vec<String>,
    /// How many at the top of the list share its score, when more than one does (0: no tie).
    /// They are ordered by nearness to the job, then breadth of evidence, then id.
    #[serde(default)]
    pub top_tied: usize,
}

/// One shortlisted candidate and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ShortlistEntry {
    pub rank: usize,
    pub id: String,
    /// 0–1: the weighted mean of criterion grades, times the adaptation factor.
    pub score: f32,
    pub municipality: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f32>,
    /// The candidate's latest occupation or first wish, for display.
    pub headline: String,
    /// One line per criterion, in the need's order (implied criteria last).
    pub criteria: Vec<CriterionOutcome>,
    /// What the employer would have to adapt for this candidate.
    pub adaptations: Vec<AdaptationNote>,
    /// The factor that adaptations apply to the score (1.0 when none).
    pub adaptation_factor: f32,
}

/// How one criterion came out for one candidate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CriterionOutcome {
    /// Human label, e.g. `certificate førerkort B`.
    pub criterion: String,
    pub kind: CriterionKind,
    pub importance: Importance,
    pub matched: bool,
    pub how: MatchHow,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// Evidence strength 0–1 (see the scoring formula in the README).
    pub grade: f32,
    /// This criterion's weight in the formula.
    pub weight: f32,
    /// Its share of the score before the adaptation factor: weight × grade / Σ weights.
    pub share: f32,
    /// For a match on some of a phrase's words: the criterion's words that carried it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
}

/// How a criterion was met, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchHow {
    /// The same word (any inflection), or a structured fact that meets the requirement.
    Exact,
    /// A synonym, a narrower term, or a licence class that includes the one asked for.
    Synonym,
    /// The word is a part of a compound in the profile (`truck` in `truckførerbevis`).
    CompoundPart,
    /// Close spelling (typo tolerance).
    Typo,
    /// A veileder's tag matches the theme.
    Tag,
    /// Met below the asked level or years: counts partly.
    Partial,
    /// Some of a phrase's words, not all (`dyr` of `arbeid med dyr`): counts by their share.
    SomeWords,
    /// A phrase of the profile that resembles the criterion (the semantic layer; wishes only).
    Semantic,
    /// A mention in the CV's free-text summary.
    Summary,
    /// Met only because the employer adapts (hours, tasks, start date, language).
    Adapted,
    NotMatched,
}

/// Where in the profile the evidence was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Evidence {
    /// The profile part: `experience`, `skills`, `certificates`, `tags`, `summary` …
    pub source: String,
    /// The profile's own words (for sensitive parts, a neutral phrase instead).
    pub text: String,
    /// For tags: the veileder who set it, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tagged_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tagged_at: Option<String>,
}

/// An adaptation the employer would make.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AdaptationNote {
    pub criterion: String,
    /// Phrased from the employer's side, e.g. `start at 60 %`; never the candidate's own need.
    pub adaptation: String,
}

/// A candidate who fails exactly one must-have, by a gap that could be closed. Near misses are
/// listed narrow gaps first, then by score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct NearMiss {
    pub id: String,
    /// Score as if the failed must-have were dropped.
    pub score: f32,
    pub municipality: String,
    /// The must-have they fail.
    pub failed: String,
    /// How wide the gap is.
    pub gap: Gap,
    /// The gap in words: `8 km for langt (48 km, grense 40 km)`, `norsk B1, krav B2`,
    /// `1 av 2 års erfaring`, `mangler truckførerbevis T1`.
    pub shortfall: String,
}

/// How wide a near miss's gap is. Someone far beyond any reasonable gap (200 km from a 40 km job,
/// half the hours) is not a near miss at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    /// A step short: a few km over, one language level or a licence class or trade rung below,
    /// some of the years, a little fewer hours, a couple of weeks later.
    Narrow,
    /// Further: the thing is missing, or the distance, hours or start are further out.
    Wide,
}

impl Gap {
    /// Both, narrowest first.
    pub const ALL: [Gap; 2] = [Gap::Narrow, Gap::Wide];

    /// Its Norwegian name on pages.
    pub fn name(self) -> &'static str {
        match self {
            Gap::Narrow => "nesten",
            Gap::Wide => "lenger unna",
        }
    }
}

/// What dropping one must-have would add.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Relaxation {
    pub criterion: String,
    /// Candidates who fail only this must-have.
    pub extra_candidates: usize,
}
