//! Profiles: read by those allowed to see them, written and erased by administrators, listed
//! for the veileder who follows them.

use std::sync::Arc;

use serde_json::Value;

use super::access::{Admin, Veileder};
use super::audit::{Action, Entry};
use super::caller::{Caller, Role};
use super::{Service, ServiceError, blocking};
use crate::model::Candidate;
use crate::store::Upserted;

/// A profile as one caller may see it.
#[derive(Debug, Clone)]
pub struct ProfileView {
    pub candidate: Candidate,
    /// The caller is the candidate's own veileder: they see the adaptation needs and may tag.
    pub own: bool,
}

impl ProfileView {
    /// The profile as JSON for the caller: adaptation needs only for the candidate's veileder;
    /// others see `adaptation_needed: true|false`.
    pub fn to_json(&self) -> Value {
        // Through text, not `to_value`: a value tree would widen f32 fields (10.8 becomes
        // 10.800000190734863); the text keeps the precision the profile was given.
        let text = serde_json::to_vec(&self.candidate).unwrap_or_default();
        let mut value = serde_json::from_slice(&text).unwrap_or(Value::Null);
        if !self.own {
            if let Some(object) = value.as_object_mut() {
                object.remove("adaptation_needs");
                let needed = !self.candidate.adaptation_needs.is_empty();
                object.insert("adaptation_needed".into(), Value::Bool(needed));
            }
        }
        value
    }
}

/// One page of the candidates a veileder follows.
#[derive(Debug, Clone)]
pub struct FollowedPage {
    /// How many they follow in all.
    pub total: usize,
    /// The page's profiles, in id order.
    pub candidates: Vec<Candidate>,
}

impl Service {
    /// The profile of `id` if `caller` may read it, audit-logged. Advisors and administrators read
    /// any profile (advisors only visible ones: a hidden candidate is unknown to them, even by
    /// id); a veileder reads only the candidates they follow.
    pub async fn profile(self: &Arc<Self>, caller: &Caller, id: &str) -> Result<ProfileView, ServiceError> {
        check_id(id)?;
        let (service, lookup) = (self.clone(), id.to_string());
        let candidate = blocking(move || service.store.candidate(&lookup)).await??;
        let follows = |c: &Candidate| c.veileder.as_deref() == Some(caller.ident.as_str());
        let candidate = match (candidate, caller.role) {
            (Some(c), Role::Veileder) if !follows(&c) => {
                let reason = "a veileder reads only the candidates they follow";
                self.refuse(caller, Action::ReadProfile, Some(id), reason)?;
                return Err(ServiceError::Forbidden(reason.into()));
            }
            (Some(c), Role::Advisor) if !c.visible => {
                // Answered as if unknown, but the log says what was looked up.
                self.refuse(caller, Action::ReadProfile, Some(id), "hidden from advisors (not visible)")?;
                return Err(ServiceError::NotFound(format!("candidate {id} does not exist")));
            }
            (found, _) => found,
        };
        let Some(candidate) = candidate else {
            self.refuse(caller, Action::ReadProfile, Some(id), "no such candidate")?;
            return Err(ServiceError::NotFound(format!("candidate {id} does not exist")));
        };
        self.audit.record(&Entry::permit(caller, Action::ReadProfile).candidate(id))?;
        let own = follows(&candidate);
        Ok(ProfileView { candidate, own })
    }

    /// Creates or replaces a profile (whose id is `id`), durably.
    pub async fn upsert(
        self: &Arc<Self>,
        admin: &Admin,
        id: &str,
        candidate: Candidate,
    ) -> Result<Upserted, ServiceError> {
        check_id(id)?;
        if candidate.id != id {
            return Err(ServiceError::Invalid(format!(
                "the body's id \"{}\" differs from the path's \"{id}\"",
                candidate.id
            )));
        }
        candidate.validate().map_err(|error| ServiceError::Invalid(error.to_string()))?;
        let service = self.clone();
        let outcome = blocking(move || service.store.upsert(candidate)).await??;
        self.audit.record(&Entry::permit(admin, Action::Upsert).candidate(id))?;
        Ok(outcome)
    }

    /// Erases a candidate from every store and index (GDPR), and forgets the key of their tag
    /// references in the audit log first, so no line of it can be tied to what was written about
    /// them (forgetting a key for someone who then turns out not to exist harms nothing).
    pub async fn erase(self: &Arc<Self>, admin: &Admin, id: &str) -> Result<(), ServiceError> {
        check_id(id)?;
        self.audit.forget(id)?;
        self.forget_arrivals(id)?;
        if let Some(follow_ups) = &self.follow_ups {
            let (follow_ups, target) = (follow_ups.clone(), id.to_string());
            blocking(move || follow_ups.erase(&target)).await??;
        }
        let (service, target) = (self.clone(), id.to_string());
        blocking(move || service.store.delete(&target)).await??;
        self.audit.record(&Entry::permit(admin, Action::Delete).candidate(id))?;
        Ok(())
    }

    /// A page of the candidates `veileder` follows, audit-logged with the ids shown.
    pub async fn followed(
        self: &Arc<Self>,
        veileder: &Veileder,
        offset: usize,
        limit: usize,
    ) -> Result<FollowedPage, ServiceError> {
        let (service, ident) = (self.clone(), veileder.ident.clone());
        let (total, candidates) = blocking(move || service.store.index().followed_by(&ident, offset, limit))
            .await?
            .map_err(crate::store::StoreError::from)?;
        let mut entry = Entry::permit(veileder, Action::ListFollowed);
        entry.returned = Some(candidates.iter().map(|c| c.id.clone()).collect());
        self.audit.record(&entry)?;
        Ok(FollowedPage { total, candidates })
    }
}

/// Refuses ids that no candidate can have.
pub(super) fn check_id(id: &str) -> Result<(), ServiceError> {
    crate::model::validate_id(id).map_err(|error| ServiceError::Invalid(error.to_string()))
}
