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
}
