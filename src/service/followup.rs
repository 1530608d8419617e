//! The follow-through use cases: an advisor saves a need, works its kandidatliste and reads the
//! time to match; a veileder sees which lists their own candidates are on. Every read and change
//! is audit-logged; changes are durable when acknowledged ([`FollowUps`]).

use std::sync::Arc;

use serde::Serialize;
use time::OffsetDateTime;

use super::access::{Advisor, Veileder};
use super::audit::{Action, Entry};
use super::{Service, ServiceError, blocking};
use crate::followup::outcomes::{OutcomeReport, outcome_report};
use crate::followup::report::{TimeToMatch, time_to_match};
use crate::followup::store::FollowUpsError;
use crate::followup::{
    CandidateAnswer, Event, FollowUps, FollowupError, NeedState, NeedView, Outcome, SavedNeed, Snapshot,
    SnapshotCriterion, Status, UnsuitableReason,
};
use crate::matching::Matcher;
use crate::model::Shortlist;

/// One change to a candidate on a list: exactly one of status, outcome or archived.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryChange {
    Status(Status, Option<UnsuitableReason>),
    Outcome(Outcome),
    Archived(bool),
}

/// A need in a listing: who owns it, its state and how far its list has come.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct NeedSummary {
    pub id: String,
    pub title: String,
    pub employer: String,
    pub kontor: String,
    pub owner: String,
    pub state: NeedState,
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub changed: OffsetDateTime,
    pub candidates: usize,
    pub presented: usize,
}

/// A list one of the veileder's candidates is on: the need and the candidate's place on it —
/// never the list's other candidates.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ListPlace {
    pub candidate: String,
    pub need: String,
    pub title: String,
    pub employer: String,
    pub need_state: NeedState,
    pub status: Status,
    pub outcome: Outcome,
    /// The candidate's answer, if the veileder recorded one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<CandidateAnswer>,
}

impl From<FollowUpsError> for ServiceError {
    fn from(error: FollowUpsError) -> Self {
        match error {
            FollowUpsError::Refused(FollowupError::NoNeed(id)) => ServiceError::NotFound(format!("no job need {id}")),
            FollowUpsError::Refused(FollowupError::NotOwner(owner)) => {
                ServiceError::Forbidden(format!("only the need's owner ({owner}) may do this"))
            }
            FollowUpsError::Refused(refused) => ServiceError::Invalid(refused.to_string()),
            FollowUpsError::Wal(error) => ServiceError::Unavailable(format!("the change was not saved: {error}")),
            rewrite @ FollowUpsError::Rewrite { .. } => ServiceError::Internal(Box::new(rewrite)),
        }
    }
}

impl Service {
    pub(super) fn follow_ups(&self) -> Result<&Arc<FollowUps>, ServiceError> {
        self.follow_ups.as_ref().ok_or_else(|| ServiceError::Unavailable("kandidatlister are not kept here".into()))
    }

    /// Logs `event` durably (off the async runtime: it waits for the disk).
    async fn record_follow_up(self: &Arc<Self>, event: Event) -> Result<(), ServiceError> {
        let follow_ups = self.follow_ups()?.clone();
        blocking(move || follow_ups.record(event)).await??;
        Ok(())
    }

    fn audit_need(
        &self,
        advisor: &Advisor,
        action: Action,
        need: &str,
        candidate: Option<&str>,
    ) -> Result<(), ServiceError> {
        let mut entry = Entry::permit(advisor, action);
        entry.need_id = Some(need.to_string());
        entry.candidate = candidate.map(str::to_string);
        self.audit.record(&entry)?;
        Ok(())
    }

    /// Saves a need; the advisor who saves it owns it.
    pub async fn save_need(self: &Arc<Self>, advisor: &Advisor, saved: SavedNeed) -> Result<NeedView, ServiceError> {
        saved.need.validate()?;
        // A need whose criteria cannot be matched (`unknown language "(SH~s"`) is refused when
        // saved, with the criterion named, rather than kept to fail every view of it later.
        crate::matching::compile_for(&saved.need, self.store.index())?;
        for (field, text) in [("employer", &saved.employer), ("kontor", &saved.kontor)] {
            if text.trim().is_empty() || text.chars().count() > 200 || text.chars().any(char::is_control) {
                return Err(ServiceError::Invalid(format!("{field}: 1–200 characters, no control characters")));
            }
        }
        if saved.styrk.as_ref().is_some_and(|code| code.is_empty() || !code.chars().all(|c| c.is_ascii_digit())) {
            return Err(ServiceError::Invalid("styrk: a STYRK-08 code is digits".into()));
        }
        let id = saved.need.id.clone();
        let now = OffsetDateTime::now_utc();
        let event = Event::NeedSaved {
            saved: Box::new(saved),
            owner: advisor.ident.clone(),
            by: advisor.ident.clone(),
            at: now,
        };
        self.record_follow_up(event).await?;
        self.audit_need(advisor, Action::SaveNeed, &id, None)?;
        self.need_view(&id)
    }

    fn need_view(&self, id: &str) -> Result<NeedView, ServiceError> {
        self.follow_ups()?
            .read(|ledger| ledger.need(id).cloned())
            .ok_or_else(|| ServiceError::NotFound(format!("no job need {id}")))
    }

    /// One need with its list; any advisor may read it.
    pub fn need(&self, advisor: &Advisor, id: &str) -> Result<NeedView, ServiceError> {
        let view = self.need_view(id)?;
        self.audit_need(advisor, Action::ReadNeed, id, None)?;
        Ok(view)
    }

    /// The advisor's own needs, or a kontor's, optionally in one state, newest first.
    pub fn needs(
        &self,
        advisor: &Advisor,
        state: Option<NeedState>,
        kontor: Option<&str>,
    ) -> Result<Vec<NeedSummary>, ServiceError> {
        let mut needs: Vec<NeedSummary> = self.follow_ups()?.read(|ledger| {
            ledger
                .needs()
                .filter(|view| match kontor {
                    Some(kontor) => view.saved.kontor == kontor,
                    None => view.owner == advisor.ident,
                })
                .filter(|view| state.is_none_or(|state| view.state == state))
                .map(|view| NeedSummary {
                    id: view.id.clone(),
                    title: view.saved.need.title.clone(),
                    employer: view.saved.employer.clone(),
                    kontor: view.saved.kontor.clone(),
                    owner: view.owner.clone(),
                    state: view.state,
                    created: view.created,
                    changed: view.changed,
                    candidates: view.candidates.iter().filter(|e| !e.archived).count(),
                    presented: view.candidates.iter().filter(|e| e.outcome.presented()).count(),
                })
                .collect()
        });
        needs.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
        let mut entry = Entry::permit(advisor, Action::ReadNeed);
        entry.returned = Some(needs.iter().map(|n| n.id.clone()).collect());
        self.audit.record(&entry)?;
        Ok(needs)
    }

    /// Moves a need to `state` (the owner only); closing it closes its list.
    pub async fn set_need_state(
        self: &Arc<Self>,
        advisor: &Advisor,
        id: &str,
        state: NeedState,
        reason: Option<String>,
    ) -> Result<NeedView, ServiceError> {
        if state == NeedState::Closed && reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            return Err(ServiceError::Invalid("reason: closing a need without a hire needs a reason".into()));
        }
        let event = Event::NeedState {
            need: id.to_string(),
            state,
            reason,
            by: advisor.ident.clone(),
            at: OffsetDateTime::now_utc(),
        };
        self.record_follow_up(event).await?;
        self.audit_need(advisor, Action::ChangeNeed, id, None)?;
        self.need_view(id)
    }

    /// Adds a candidate from the need's shortlist (or its near misses) to its list, with their
    /// score and explanation as they are now.
    pub async fn add_to_list(
        self: &Arc<Self>,
        advisor: &Advisor,
        id: &str,
        candidate: &str,
    ) -> Result<NeedView, ServiceError> {
        super::profiles::check_id(candidate)?;
        let mut need = self.need_view(id)?.saved.need;
        need.top = Some(crate::model::MAX_TOP);
        let service = self.clone();
        let shortlist = self.on_cpu(move || Matcher::new(service.store.index()).shortlist(&need)).await??;
        let snapshot = snapshot_of(&shortlist, candidate).ok_or_else(|| {
            ServiceError::Invalid(format!("candidate {candidate} is neither on this need's shortlist nor a near miss"))
        })?;
        let event = Event::CandidateAdded {
            need: id.to_string(),
            candidate: candidate.to_string(),
            snapshot,
            by: advisor.ident.clone(),
            at: OffsetDateTime::now_utc(),
        };
        self.record_follow_up(event).await?;
        self.audit_need(advisor, Action::ChangeList, id, Some(candidate))?;
        self.need_view(id)
    }

    /// Changes one candidate's status, outcome (the owner only) or archived mark.
    pub async fn change_on_list(
        self: &Arc<Self>,
        advisor: &Advisor,
        id: &str,
        candidate: &str,
        change: EntryChange,
    ) -> Result<NeedView, ServiceError> {
        let (need, candidate_id, by, at) =
            (id.to_string(), candidate.to_string(), advisor.ident.clone(), OffsetDateTime::now_utc());
        let event = match change {
            EntryChange::Status(status, reason) => {
                Event::StatusSet { need, candidate: candidate_id, status, reason, by, at }
            }
            EntryChange::Outcome(outcome) => Event::OutcomeSet { need, candidate: candidate_id, outcome, by, at },
            EntryChange::Archived(archived) => Event::Archived { need, candidate: candidate_id, archived, by, at },
        };
        self.record_follow_up(event).await?;
        self.audit_need(advisor, Action::ChangeList, id, Some(candidate))?;
        self.need_view(id)
    }

    /// Hands a need to another advisor, who owns it from now on (the owner only).
    pub async fn hand_over(self: &Arc<Self>, advisor: &Advisor, id: &str, to: &str) -> Result<NeedView, ServiceError> {
        if !self.tokens.has(to, super::Role::Advisor) {
            return Err(ServiceError::Invalid(format!("to: no rekrutteringsrådgiver {to}")));
        }
        let event = Event::HandedOver {
            need: id.to_string(),
            to: to.to_string(),
            by: advisor.ident.clone(),
            at: OffsetDateTime::now_utc(),
        };
        self.record_follow_up(event).await?;
        self.audit_need(advisor, Action::ChangeNeed, id, None)?;
        self.need_view(id)
    }

    /// Saves a copy of a need under `new_id`, owned by the caller, with an empty list.
    pub async fn copy_need(
        self: &Arc<Self>,
        advisor: &Advisor,
        id: &str,
        new_id: &str,
    ) -> Result<NeedView, ServiceError> {
        let mut saved = self.need_view(id)?.saved;
        saved.need.id = new_id.to_string();
        self.save_need(advisor, saved).await
    }

    /// Records the candidate's own answer to a list they are on (their veileder only).
    pub async fn record_answer(
        self: &Arc<Self>,
        veileder: &Veileder,
        id: &str,
        candidate: &str,
        answer: CandidateAnswer,
    ) -> Result<(), ServiceError> {
        super::profiles::check_id(candidate)?;
        let (service, lookup) = (self.clone(), candidate.to_string());
        let profile = blocking(move || service.store.candidate(&lookup)).await??;
        if profile.and_then(|c| c.veileder).as_deref() != Some(veileder.ident.as_str()) {
            let reason = "a veileder records answers only for the candidates they follow";
            self.refuse(veileder, Action::RecordAnswer, Some(candidate), reason)?;
            return Err(ServiceError::Forbidden(reason.into()));
        }
        let event = Event::Answered {
            need: id.to_string(),
            candidate: candidate.to_string(),
            answer,
            by: veileder.ident.clone(),
            at: OffsetDateTime::now_utc(),
        };
        self.record_follow_up(event).await?;
        let mut entry = Entry::permit(veileder, Action::RecordAnswer).candidate(candidate);
        entry.need_id = Some(id.to_string());
        self.audit.record(&entry)?;
        Ok(())
    }

    /// The time-to-match report over needs saved in `[from, to)`.
    pub fn time_to_match(
        &self,
        advisor: &Advisor,
        from: Option<OffsetDateTime>,
        to: Option<OffsetDateTime>,
    ) -> Result<TimeToMatch, ServiceError> {
        let report = self.follow_ups()?.read(|ledger| time_to_match(ledger, from, to, OffsetDateTime::now_utc()));
        self.audit.record(&Entry::permit(advisor, Action::Report))?;
        Ok(report)
    }

    /// What recorded outcomes say about matching: presented, hired and set-aside candidates
    /// compared by the criteria they met and the evidence that met them.
    pub fn outcome_report(&self, advisor: &Advisor) -> Result<OutcomeReport, ServiceError> {
        let report = self.follow_ups()?.read(outcome_report);
        self.audit.record(&Entry::permit(advisor, Action::Report))?;
        Ok(report)
    }

    /// The lists the veileder's own candidates are on, and where they stand.
    pub async fn list_places(self: &Arc<Self>, veileder: &Veileder) -> Result<Vec<ListPlace>, ServiceError> {
        let entries: Vec<(String, ListPlace)> = self.follow_ups()?.read(|ledger| {
            ledger
                .needs()
                .flat_map(|view| {
                    view.candidates.iter().filter(|entry| !entry.archived).map(move |entry| {
                        let place = ListPlace {
                            candidate: entry.candidate.clone(),
                            need: view.id.clone(),
                            title: view.saved.need.title.clone(),
                            employer: view.saved.employer.clone(),
                            need_state: view.state,
                            status: entry.status,
                            outcome: entry.outcome,
                            answer: entry.answer,
                        };
                        (entry.candidate.clone(), place)
                    })
                })
                .collect()
        });
        let (service, ident) = (self.clone(), veileder.ident.clone());
        let mine = blocking(move || {
            // Each candidate on any list is looked up once, however many lists they are on.
            let distinct: std::collections::BTreeSet<&str> = entries.iter().map(|(c, _)| c.as_str()).collect();
            let followed: std::collections::HashSet<&str> = distinct
                .into_iter()
                .filter(|candidate| {
                    let found = service.store.candidate(candidate).ok().flatten();
                    found.is_some_and(|c| c.veileder.as_deref() == Some(&ident))
                })
                .collect();
            entries
                .iter()
                .filter(|(candidate, _)| followed.contains(candidate.as_str()))
                .map(|(_, place)| place.clone())
                .collect::<Vec<_>>()
        })
        .await?;
        let mut entry = Entry::permit(veileder, Action::ReadLists);
        entry.returned = Some(mine.iter().map(|p| p.candidate.clone()).collect());
        self.audit.record(&entry)?;
        Ok(mine)
    }
}

/// The candidate's score and explanation on `shortlist`, as a list keeps them.
fn snapshot_of(shortlist: &Shortlist, candidate: &str) -> Option<Snapshot> {
    if let Some(entry) = shortlist.candidates.iter().find(|entry| entry.id == candidate) {
        let explanation = entry
            .criteria
            .iter()
            .map(|outcome| {
                format!("{}: {}", outcome.criterion, if outcome.matched { "oppfylt" } else { "ikke oppfylt" })
            })
            .collect();
        let criteria = entry
            .criteria
            .iter()
            .map(|outcome| SnapshotCriterion { kind: outcome.kind, matched: outcome.matched, how: outcome.how })
            .collect();
        return Some(Snapshot { score: entry.score, rank: entry.rank, explanation, criteria });
    }
    let miss = shortlist.near_misses.iter().find(|miss| miss.id == candidate)?;
    let explanation = vec![format!("nesten: {}", miss.shortfall)];
    Some(Snapshot { score: miss.score, rank: 0, explanation, criteria: Vec::new() })
}
