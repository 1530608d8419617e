//! The follow-up state: the events replayed. [`Ledger::check`] says whether an event may happen
//! (before it is logged); [`Ledger::apply`] makes it so (after).

use std::collections::BTreeMap;

use serde::Serialize;
use time::OffsetDateTime;

use super::FollowupError;
use super::model::{CandidateAnswer, Event, NeedState, Outcome, SavedNeed, Snapshot, Status, UnsuitableReason};

/// Every saved need, its list and their histories.
#[derive(Debug, Default, Clone)]
pub struct Ledger {
    needs: BTreeMap<String, NeedView>,
}

/// A need with its list, as its owner sees it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct NeedView {
    pub id: String,
    pub saved: SavedNeed,
    pub owner: String,
    pub state: NeedState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_reason: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub changed: OffsetDateTime,
    /// Who changed the need's state and when, oldest first.
    pub history: Vec<Change>,
    /// The kandidatliste, in the order candidates were added (archived ones included, marked).
    pub candidates: Vec<EntryView>,
}

/// One candidate on a list.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct EntryView {
    pub candidate: String,
    pub snapshot: Snapshot,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<UnsuitableReason>,
    pub outcome: Outcome,
    /// The candidate's own answer, as their veileder recorded it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<CandidateAnswer>,
    pub archived: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub added: OffsetDateTime,
    /// Every change to this entry, oldest first: an append-only history.
    pub history: Vec<Change>,
}

/// Who changed what, when.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Change {
    pub by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// `added`, `status:kontaktet`, `outcome:presentert`, `archived`, `restored`, `state:fylt`.
    pub what: String,
}

impl Ledger {
    pub fn need(&self, id: &str) -> Option<&NeedView> {
        self.needs.get(id)
    }

    pub fn needs(&self) -> impl Iterator<Item = &NeedView> {
        self.needs.values()
    }

    /// Whether `event` may happen now; nothing changes.
    pub fn check(&self, event: &Event) -> Result<(), FollowupError> {
        let need = |id: &str| self.needs.get(id).ok_or_else(|| FollowupError::NoNeed(id.to_string()));
        let open = |view: &NeedView| match view.state {
            NeedState::Open => Ok(()),
            other => Err(FollowupError::NotOpen(other.name())),
        };
        let entry = |view: &NeedView, candidate: &str| {
            if view.candidates.iter().any(|e| e.candidate == candidate) {
                Ok(())
            } else {
                Err(FollowupError::NotOnList { need: view.id.clone(), candidate: candidate.to_string() })
            }
        };
        match event {
            Event::NeedSaved { saved, .. } => {
                if self.needs.contains_key(&saved.need.id) {
                    return Err(FollowupError::NeedExists(saved.need.id.clone()));
                }
                if !(1..=super::model::MAX_POSITIONS).contains(&saved.positions) {
                    let most = super::model::MAX_POSITIONS;
                    return Err(FollowupError::Invalid(format!("positions: 1–{most}")));
                }
                Ok(())
            }
            Event::NeedState { need: id, state, by, .. } => {
                let view = need(id)?;
                if view.owner != *by {
                    return Err(FollowupError::NotOwner(view.owner.clone()));
                }
                if *state == view.state {
                    return Err(FollowupError::Invalid(format!("the need is already {}", state.name())));
                }
                Ok(())
            }
            Event::CandidateAdded { need: id, candidate, .. } => {
                let view = need(id)?;
                open(view)?;
                if view.candidates.iter().any(|e| e.candidate == *candidate) {
                    return Err(FollowupError::AlreadyOnList { need: id.clone(), candidate: candidate.clone() });
                }
                Ok(())
            }
            Event::StatusSet { need: id, candidate, status, reason, .. } => {
                let view = need(id)?;
                open(view)?;
                entry(view, candidate)?;
                match (status, reason) {
                    (Status::Unsuitable, None) => Err(FollowupError::Invalid("uaktuell needs a reason".into())),
                    (Status::Unsuitable, Some(_)) | (_, None) => Ok(()),
                    (_, Some(_)) => Err(FollowupError::Invalid("a reason goes only with uaktuell".into())),
                }
            }
            Event::OutcomeSet { need: id, candidate, outcome, by, .. } => {
                let view = need(id)?;
                open(view)?;
                entry(view, candidate)?;
                if view.owner != *by {
                    return Err(FollowupError::NotOwner(view.owner.clone()));
                }
                if matches!(outcome, Outcome::SomeoneElseHired | Outcome::NobodyHired) {
                    return Err(FollowupError::Invalid("that outcome is recorded when the need is closed".into()));
                }
                Ok(())
            }
            Event::Archived { need: id, candidate, .. } | Event::Answered { need: id, candidate, .. } => {
                let view = need(id)?;
                open(view)?;
                entry(view, candidate)
            }
            Event::HandedOver { need: id, to, by, .. } => {
                let view = need(id)?;
                if view.owner != *by {
                    return Err(FollowupError::NotOwner(view.owner.clone()));
                }
                if view.owner == *to {
                    return Err(FollowupError::Invalid(format!("{to} owns the need already")));
                }
                Ok(())
            }
        }
    }

    /// Applies a checked event.
    pub fn apply(&mut self, event: &Event) {
        match event {
            Event::NeedSaved { saved, owner, by, at } => {
                let id = saved.need.id.clone();
                let view = NeedView {
                    id: id.clone(),
                    saved: (**saved).clone(),
                    owner: owner.clone(),
                    state: NeedState::Open,
                    state_reason: None,
                    created: *at,
                    changed: *at,
                    history: vec![Change { by: by.clone(), at: *at, what: "saved".into() }],
                    candidates: Vec::new(),
                };
                self.needs.insert(id, view);
            }
            Event::NeedState { need, state, reason, by, at } => {
                let Some(view) = self.needs.get_mut(need) else { return };
                view.state = *state;
                view.state_reason = reason.clone();
                view.changed = *at;
                view.history.push(Change { by: by.clone(), at: *at, what: format!("state:{}", state.name()) });
                if *state != NeedState::Open {
                    // Closing closes the list: each presented candidate learns who got the job.
                    let someone_hired = view.candidates.iter().any(|e| e.outcome == Outcome::Hired);
                    for entry in view.candidates.iter_mut().filter(|e| e.outcome == Outcome::Presented) {
                        entry.outcome = if someone_hired { Outcome::SomeoneElseHired } else { Outcome::NobodyHired };
                        let what = format!("outcome:{}", entry.outcome.name());
                        entry.history.push(Change { by: by.clone(), at: *at, what });
                    }
                }
            }
            Event::CandidateAdded { need, candidate, snapshot, by, at } => {
                let Some(view) = self.needs.get_mut(need) else { return };
                view.changed = *at;
                view.candidates.push(EntryView {
                    candidate: candidate.clone(),
                    snapshot: snapshot.clone(),
                    status: Status::Considered,
                    reason: None,
                    outcome: Outcome::NotPresented,
                    answer: None,
                    archived: false,
                    added: *at,
                    history: vec![Change { by: by.clone(), at: *at, what: "added".into() }],
                });
            }
            Event::StatusSet { need, candidate, status, reason, by, at } => {
                if let Some((changed, entry)) = self.entry_mut(need, candidate) {
                    entry.status = *status;
                    entry.reason = *reason;
                    entry.history.push(Change { by: by.clone(), at: *at, what: format!("status:{}", status.name()) });
                    *changed = *at;
                }
            }
            Event::OutcomeSet { need, candidate, outcome, by, at } => {
                if let Some((changed, entry)) = self.entry_mut(need, candidate) {
                    entry.outcome = *outcome;
                    let what = format!("outcome:{}", outcome.name());
                    entry.history.push(Change { by: by.clone(), at: *at, what });
                    *changed = *at;
                }
            }
            Event::HandedOver { need, to, by, at } => {
                let Some(view) = self.needs.get_mut(need) else { return };
                view.owner = to.clone();
                view.changed = *at;
                view.history.push(Change { by: by.clone(), at: *at, what: format!("owner:{to}") });
            }
            Event::Answered { need, candidate, answer, by, at } => {
                if let Some((changed, entry)) = self.entry_mut(need, candidate) {
                    entry.answer = Some(*answer);
                    entry.history.push(Change { by: by.clone(), at: *at, what: format!("answer:{}", answer.name()) });
                    *changed = *at;
                }
            }
            Event::Archived { need, candidate, archived, by, at } => {
                if let Some((changed, entry)) = self.entry_mut(need, candidate) {
                    entry.archived = *archived;
                    let what = if *archived { "archived" } else { "restored" };
                    entry.history.push(Change { by: by.clone(), at: *at, what: what.into() });
                    *changed = *at;
                }
            }
        }
    }

    /// The need's change time and the candidate's entry, to change both.
    fn entry_mut(&mut self, need: &str, candidate: &str) -> Option<(&mut OffsetDateTime, &mut EntryView)> {
        let NeedView { changed, candidates, .. } = self.needs.get_mut(need)?;
        let entry = candidates.iter_mut().find(|e| e.candidate == candidate)?;
        Some((changed, entry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::followup::model::MAX_POSITIONS;
    use crate::followup::test_events::{added, day, saved, state, status};
    use crate::followup::{NeedState, Outcome, Status};

    #[test]
    fn a_need_fills_one_to_a_thousand_positions() {
        let ledger = Ledger::default();
        for (positions, allowed) in [(0, false), (1, true), (MAX_POSITIONS, true), (MAX_POSITIONS + 1, false)] {
            let mut need = saved("A", "K", "9");
            need.positions = positions;
            let save = Event::NeedSaved { saved: need, owner: "R1".into(), by: "R1".into(), at: day(0) };
            assert_eq!(ledger.check(&save).is_ok(), allowed, "{positions} positions");
        }
    }

    #[test]
    fn a_closed_list_refuses_changes_and_only_the_owner_sets_outcomes() {
        let mut ledger = Ledger::default();
        let save = Event::NeedSaved { saved: saved("A", "K", "9"), owner: "R1".into(), by: "R1".into(), at: day(0) };
        ledger.apply(&save);
        assert!(ledger.check(&save).is_err(), "an id is saved once");
        ledger.apply(&added("A", "K1", 1));
        assert!(ledger.check(&added("A", "K1", 2)).is_err(), "once on a list");
        let by_other = Event::OutcomeSet {
            need: "A".into(),
            candidate: "K1".into(),
            outcome: Outcome::Presented,
            by: "R2".into(),
            at: day(2),
        };
        assert!(matches!(ledger.check(&by_other), Err(crate::followup::FollowupError::NotOwner(_))));
        let without_reason = Event::StatusSet {
            need: "A".into(),
            candidate: "K1".into(),
            status: Status::Unsuitable,
            reason: None,
            by: "R2".into(),
            at: day(2),
        };
        assert!(ledger.check(&without_reason).is_err(), "uaktuell needs a reason");
        assert!(ledger.check(&status("A", "K9", Status::Contacted, 2)).is_err(), "not on the list");
        ledger.apply(&state("A", NeedState::Filled, 3));
        assert!(matches!(
            ledger.check(&status("A", "K1", Status::Contacted, 4)),
            Err(crate::followup::FollowupError::NotOpen(_))
        ));
        ledger.apply(&state("A", NeedState::Open, 5));
        assert!(ledger.check(&status("A", "K1", Status::Contacted, 6)).is_ok(), "reopened");
    }
}
