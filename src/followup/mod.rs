//! From shortlist to hire: job needs that live on after the shortlist is shown, a kandidatliste
//! (the list of candidates an advisor works with for one need) with each candidate's status and
//! outcome, and the time it takes from a saved need to someone presented and someone hired —
//! the pilot's headline figure.
//!
//! Every change is an [`Event`] in a write-ahead log of its own ([`FollowUps`]), synced before it
//! is acknowledged; the [`Ledger`] is those events replayed, and the [`report`] reads the ledger.

mod ledger;
mod model;
pub mod outcomes;
pub mod report;
pub mod store;
#[cfg(test)]
mod test_events;

pub use ledger::{EntryView, Ledger, NeedView};
pub use model::{
    CandidateAnswer, Event, NeedState, Outcome, SavedNeed, Snapshot, SnapshotCriterion, Status, UnsuitableReason,
};
pub use store::{FOLLOWUP_FILE, FollowUps};

/// Why a follow-up change was refused; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FollowupError {
    #[error("no job need {0}")]
    NoNeed(String),
    #[error("job need {0} already exists")]
    NeedExists(String),
    #[error("candidate {candidate} is not on the list for {need}")]
    NotOnList { need: String, candidate: String },
    #[error("candidate {candidate} is already on the list for {need}")]
    AlreadyOnList { need: String, candidate: String },
    #[error("the need is {0}; its list can change only while it is open (reopen it first)")]
    NotOpen(&'static str),
    #[error("only the need's owner ({0}) may do this")]
    NotOwner(String),
    #[error("{0}")]
    Invalid(String),
}
