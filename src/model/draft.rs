//! A drafted job need: the criteria read from the employer's three answers, and what could not
//! be read, for the advisor to review. [`crate::draft`] makes one.

use serde::{Deserialize, Serialize};

use super::JobNeed;

/// Which of the three answers a phrase came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    MustHave,
    Wishes,
    RoomToAdapt,
}

/// A phrase the draft did not turn into anything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Unrecognised {
    pub answer: Answer,
    pub text: String,
}

/// A phrase refused because it would select on a ground the law forbids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Refused {
    pub answer: Answer,
    pub text: String,
    pub reason: String,
}

/// A drafted need, for the advisor to review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Draft {
    pub need: JobNeed,
    pub unrecognised: Vec<Unrecognised>,
    pub refused: Vec<Refused>,
    /// Phrases of the must-have answer the draft could not place. While any is left the draft
    /// is incomplete: a shortlist drawn from it may hold people who lack what the phrase asks
    /// for, and says so.
    #[serde(default)]
    pub not_understood: Vec<String>,
    /// What the employer asks of whoever is hired, not of candidates (`politiattest kreves ved
    /// ansettelse`): for the advisor, never a criterion.
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Draft {
    /// Whether every must-have phrase was placed.
    pub fn is_complete(&self) -> bool {
        self.not_understood.is_empty()
    }

    /// The warning a shortlist drawn from an incomplete draft carries, naming the phrases:
    /// `1 krav er ikke forstått: «sveisesertifikat»`.
    pub fn warning(&self) -> Option<String> {
        if self.is_complete() {
            return None;
        }
        let phrases: Vec<String> = self.not_understood.iter().map(|p| format!("«{p}»")).collect();
        Some(format!("{} krav er ikke forstått: {}", phrases.len(), phrases.join(", ")))
    }
}
