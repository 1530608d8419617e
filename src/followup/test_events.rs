//! Events for the follow-up tests, built in a line each.

use time::OffsetDateTime;

use super::{Event, NeedState, Outcome, SavedNeed, Snapshot, Status, UnsuitableReason};

pub fn day(n: i64) -> OffsetDateTime {
    time::macros::datetime!(2026-03-02 09:00 UTC) + time::Duration::days(n)
}

pub fn saved(id: &str, kontor: &str, styrk: &str) -> Box<SavedNeed> {
    let need = crate::model::JobNeed::from_json(&format!(r#"{{"id":"{id}","title":"Lager"}}"#)).expect("need");
    Box::new(SavedNeed {
        need,
        employer: "Lager AS".into(),
        kontor: kontor.into(),
        positions: 1,
        styrk: Some(styrk.into()),
    })
}

pub fn added(need: &str, candidate: &str, at: i64) -> Event {
    let snapshot = Snapshot { score: 0.5, rank: 1, explanation: vec![], criteria: vec![] };
    Event::CandidateAdded { need: need.into(), candidate: candidate.into(), snapshot, by: "R1".into(), at: day(at) }
}

pub fn status(need: &str, candidate: &str, status: Status, at: i64) -> Event {
    let reason = (status == Status::Unsuitable).then_some(UnsuitableReason::OtherCandidateChosen);
    Event::StatusSet { need: need.into(), candidate: candidate.into(), status, reason, by: "R1".into(), at: day(at) }
}

pub fn outcome(need: &str, candidate: &str, outcome: Outcome, at: i64) -> Event {
    Event::OutcomeSet { need: need.into(), candidate: candidate.into(), outcome, by: "R1".into(), at: day(at) }
}

pub fn state(need: &str, state: NeedState, at: i64) -> Event {
    Event::NeedState { need: need.into(), state, reason: Some("ferdig".into()), by: "R1".into(), at: day(at) }
}
