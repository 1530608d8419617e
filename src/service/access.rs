//! Who may do what. A door authenticates a caller once ([`Service::authenticate`]) and asks for
//! the role an action needs ([`Service::advisor`], …) before it reads a request's body; the use
//! cases then take the proof ([`Advisor`], [`Veileder`], [`Admin`]), so none checks a role again
//! and none can be called without. Every refusal is audit-logged with the action refused.

use std::ops::Deref;

use super::audit::{Action, Entry};
use super::caller::{Caller, Role};
use super::{Service, ServiceError};

/// A caller known to be a rekrutteringsrådgiver (recruitment advisor). Only the service makes one.
#[derive(Debug, Clone)]
pub struct Advisor(Caller);

/// A caller known to be a veileder (counsellor). Only the service makes one.
#[derive(Debug, Clone)]
pub struct Veileder(Caller);

/// A caller known to be an administrator. Only the service makes one.
#[derive(Debug, Clone)]
pub struct Admin(Caller);

macro_rules! proof {
    ($name:ident) => {
        impl Deref for $name {
            type Target = Caller;

            fn deref(&self) -> &Caller {
                &self.0
            }
        }
    };
}
proof!(Advisor);
proof!(Veileder);
proof!(Admin);

/// What a caller presents: a bearer token (the API) or the id of a page session.
#[derive(Debug, Clone, Copy)]
pub enum Credential<'a> {
    /// Nothing was presented.
    Missing,
    /// An `Authorization` header that is not `Bearer <token>`.
    Malformed,
    Bearer(&'a str),
    Session(&'a str),
}

impl Service {
    /// The caller `credential` names, for `action`; a refusal is audit-logged.
    pub fn authenticate(&self, credential: Credential, action: Action) -> Result<Caller, ServiceError> {
        let known = |token: &str| self.tokens.caller(token).cloned();
        let refusal = match credential {
            Credential::Bearer(token) => match known(token) {
                Some(caller) => return Ok(caller),
                None => "unknown or invalid token",
            },
            Credential::Session(id) => match self.sessions.caller(id) {
                Some(caller) => return Ok(caller),
                None => "the session has expired; sign in again",
            },
            Credential::Missing => "missing bearer token (Authorization: Bearer …)",
            Credential::Malformed => "the Authorization header must be \"Bearer <token>\"",
        };
        self.audit.record(&Entry::deny(None, action, refusal))?;
        Err(ServiceError::Unauthenticated(refusal))
    }

    /// Signs a caller in on the pages with the token they typed and opens a session; the caller
    /// and the session's id. Audit-logged either way.
    pub fn sign_in(&self, token: &str) -> Result<(Caller, String), ServiceError> {
        let caller = self.authenticate(Credential::Bearer(token), Action::SignIn)?;
        let session = self.sessions.open(caller.clone()).map_err(|error| ServiceError::Internal(Box::new(error)))?;
        self.audit.record(&Entry::permit(&caller, Action::SignIn))?;
        Ok((caller, session))
    }

    /// Closes page session `id`, so its cookie names nobody any more (audit-logged when it
    /// was open).
    pub fn sign_out(&self, id: &str) -> Result<(), ServiceError> {
        if let Some(caller) = self.sessions.close(id) {
            self.audit.record(&Entry::permit(&caller, Action::SignOut))?;
        }
        Ok(())
    }

    /// The caller page session `id` names, if it is open (no audit: a page without a session
    /// simply asks the caller to sign in).
    pub fn session_caller(&self, id: &str) -> Option<Caller> {
        self.sessions.caller(id)
    }

    /// `caller` as an advisor, for `action` on `candidate` (if any).
    pub fn advisor(&self, caller: Caller, action: Action, candidate: Option<&str>) -> Result<Advisor, ServiceError> {
        self.require(caller, Role::Advisor, action, candidate).map(Advisor)
    }

    /// `caller` as a veileder, for `action` on `candidate` (if any).
    pub fn veileder(&self, caller: Caller, action: Action, candidate: Option<&str>) -> Result<Veileder, ServiceError> {
        self.require(caller, Role::Veileder, action, candidate).map(Veileder)
    }

    /// `caller` as an administrator, for `action` on `candidate` (if any).
    pub fn admin(&self, caller: Caller, action: Action, candidate: Option<&str>) -> Result<Admin, ServiceError> {
        self.require(caller, Role::Admin, action, candidate).map(Admin)
    }

    /// `caller` if they have `role`; otherwise a refusal, audit-logged.
    fn require(
        &self,
        caller: Caller,
        role: Role,
        action: Action,
        candidate: Option<&str>,
    ) -> Result<Caller, ServiceError> {
        if caller.role == role {
            return Ok(caller);
        }
        let reason = format!("only a {} may {}", role.name(), action.doing());
        self.refuse(&caller, action, candidate, &reason)?;
        Err(ServiceError::Forbidden(reason))
    }

    /// Records that `caller` was refused `action` (on `candidate`) because of `reason`.
    pub fn refuse(
        &self,
        caller: &Caller,
        action: Action,
        candidate: Option<&str>,
        reason: &str,
    ) -> Result<(), ServiceError> {
        let mut entry = Entry::deny(Some(caller), action, reason);
        entry.candidate = candidate.map(str::to_string);
        self.audit.record(&entry)?;
        Ok(())
    }
}
