//! What is kept: saved needs, list entries with status and outcome, and the events that change
//! them. Norwegian names are the real ones NAV's recruitment tool uses.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::model::JobNeed;

/// A need's state: `åpen` (open), `fylt` (filled), `avsluttet` (closed without a hire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
pub enum NeedState {
    #[serde(rename = "åpen")]
    Open,
    #[serde(rename = "fylt")]
    Filled,
    #[serde(rename = "avsluttet")]
    Closed,
}

impl NeedState {
    pub fn name(self) -> &'static str {
        match self {
            NeedState::Open => "åpen",
            NeedState::Filled => "fylt",
            NeedState::Closed => "avsluttet",
        }
    }
}

/// Where a candidate on a list stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[serde(rename = "vurderes")]
    Considered,
    #[serde(rename = "kontaktet")]
    Contacted,
    #[serde(rename = "aktuell")]
    Relevant,
    #[serde(rename = "til_intervju")]
    Interview,
    #[serde(rename = "uaktuell")]
    Unsuitable,
    #[serde(rename = "uinteressert")]
    NotInterested,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Considered,
        Status::Contacted,
        Status::Relevant,
        Status::Interview,
        Status::Unsuitable,
        Status::NotInterested,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Status::Considered => "vurderes",
            Status::Contacted => "kontaktet",
            Status::Relevant => "aktuell",
            Status::Interview => "til_intervju",
            Status::Unsuitable => "uaktuell",
            Status::NotInterested => "uinteressert",
        }
    }
}

/// Why a candidate is `uaktuell`: a fixed list, so the reasons can be counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnsuitableReason {
    MissingQualifications,
    Distance,
    WorkingHours,
    OtherCandidateChosen,
    EmployerDeclined,
    Other,
}

/// What came of a candidate on a list. The last two are recorded when a need is closed, for the
/// candidates who were presented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub enum Outcome {
    #[serde(rename = "ikke_presentert")]
    NotPresented,
    #[serde(rename = "presentert")]
    Presented,
    #[serde(rename = "fått_jobben")]
    Hired,
    #[serde(rename = "annen_fikk_jobben")]
    SomeoneElseHired,
    #[serde(rename = "ingen_fikk_jobben")]
    NobodyHired,
}

impl Outcome {
    /// The outcome's name as logged and shown.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::NotPresented => "ikke_presentert",
            Outcome::Presented => "presentert",
            Outcome::Hired => "fått_jobben",
            Outcome::SomeoneElseHired => "annen_fikk_jobben",
            Outcome::NobodyHired => "ingen_fikk_jobben",
        }
    }

    /// Whether the candidate was presented to the employer (hired ones were too).
    pub fn presented(self) -> bool {
        !matches!(self, Outcome::NotPresented)
    }
}

/// What the candidate said, as their veileder records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub enum CandidateAnswer {
    #[serde(rename = "ønsker_å_bli_presentert")]
    WantsToBePresented,
    #[serde(rename = "ønsker_ikke")]
    DoesNotWant,
}

impl CandidateAnswer {
    pub fn name(self) -> &'static str {
        match self {
            CandidateAnswer::WantsToBePresented => "ønsker_å_bli_presentert",
            CandidateAnswer::DoesNotWant => "ønsker_ikke",
        }
    }
}

/// The most positions one saved need may have (the document's maximum says the same).
pub const MAX_POSITIONS: u32 = 1_000;

/// A need as an advisor saves it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SavedNeed {
    /// The job need (its answers and criteria as edited); its `id` is the saved need's id.
    pub need: JobNeed,
    pub employer: String,
    /// The NAV office (kontor) the need belongs to.
    pub kontor: String,
    /// Positions to fill, 1–[`MAX_POSITIONS`].
    #[schema(minimum = 1, maximum = 1000)]
    pub positions: u32,
    /// STYRK-08 code of the occupation (its first digit is the major group, the industry view).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub styrk: Option<String>,
}

/// A candidate's score and explanation as they were when added to the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Snapshot {
    pub score: f32,
    pub rank: usize,
    /// One line per criterion, as the shortlist explained it then.
    pub explanation: Vec<String>,
    /// Per criterion: its kind, whether it was met, and by what kind of evidence — what the
    /// outcome report compares between those presented and those set aside.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<SnapshotCriterion>,
}

/// One criterion of a snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SnapshotCriterion {
    pub kind: crate::model::CriterionKind,
    pub matched: bool,
    /// `exact`, `synonym`, `tag`, `semantic`, `summary`, … (`not_matched` when unmet).
    pub how: crate::model::MatchHow,
}

/// One change, as logged. Every change says who made it and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    NeedSaved {
        saved: Box<SavedNeed>,
        owner: String,
        by: String,
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
    },
    NeedState {
        need: String,
        state: NeedState,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        by: String,
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
    },
    CandidateAdded {
        need: String,
        candidate: String,
        snapshot: Snapshot,
        by: String,
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
    },
    StatusSet {
        need: String,
        candidate: String,
        status: Status,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<UnsuitableReason>,
        by: String,
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
    },
    OutcomeSet {
        need: String,
        candidate: String,
        outcome: Outcome,
        by: String,
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
    },
    Archived {
        need: String,
        candidate: String,
        archived: bool,
        by: String,
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
    },
    /// The need is handed to another advisor, who owns it from now on.
    HandedOver {
        need: String,
        to: String,
        by: String,
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
    },
    /// The candidate's own answer, recorded by their veileder.
    Answered {
        need: String,
        candidate: String,
        answer: CandidateAnswer,
        by: String,
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
    },
}

impl Event {
    /// The candidate the event is about, if any.
    pub fn candidate(&self) -> Option<&str> {
        match self {
            Event::CandidateAdded { candidate, .. }
            | Event::StatusSet { candidate, .. }
            | Event::OutcomeSet { candidate, .. }
            | Event::Archived { candidate, .. }
            | Event::Answered { candidate, .. } => Some(candidate),
            Event::NeedSaved { .. } | Event::NeedState { .. } | Event::HandedOver { .. } => None,
        }
    }

    /// The same event about `anonymous` instead of its candidate, with no snapshot: what GDPR
    /// erasure leaves, so counts stay true.
    pub fn anonymised(mut self, anonymous: &str) -> Event {
        match &mut self {
            Event::CandidateAdded { candidate, snapshot, .. } => {
                *candidate = anonymous.to_string();
                *snapshot = Snapshot { score: 0.0, rank: 0, explanation: Vec::new(), criteria: Vec::new() };
            }
            Event::StatusSet { candidate, .. }
            | Event::OutcomeSet { candidate, .. }
            | Event::Archived { candidate, .. }
            | Event::Answered { candidate, .. } => {
                *candidate = anonymous.to_string();
            }
            Event::NeedSaved { .. } | Event::NeedState { .. } | Event::HandedOver { .. } => {}
        }
        self
    }
}
