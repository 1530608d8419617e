//! The audit log: who did what to whom, and whether it was allowed. Kept apart from the
//! application log, append-only JSON Lines, each line written and flushed before the caller is
//! answered — if it cannot be written, the request fails rather than go unrecorded.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use time::OffsetDateTime;

use super::caller::Caller;

/// PERMIT or DENY.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Decision {
    #[serde(rename = "PERMIT")]
    Permit,
    #[serde(rename = "DENY")]
    Deny,
}

/// What a caller did or tried to do. Each route of both doors names its action; the audit line
/// carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Shortlist,
    Draft,
    ReadProfile,
    Upsert,
    Delete,
    TagAdd,
    TagRemove,
    Vocabulary,
    ListFollowed,
    OpenPage,
    SignIn,
}

impl Action {
    /// What the action does, for refusals: "only a veileder may change tags".
    pub fn doing(self) -> &'static str {
        match self {
            Action::Shortlist => "ask for shortlists",
            Action::Draft => "draft job needs",
            Action::ReadProfile => "read profiles",
            Action::Upsert => "create or replace profiles",
            Action::Delete => "delete profiles",
            Action::TagAdd | Action::TagRemove => "change tags",
            Action::Vocabulary => "look up words",
            Action::ListFollowed => "list the candidates they follow",
            Action::OpenPage => "open this page",
            Action::SignIn => "sign in",
        }
    }
}

/// One audited action. Optional parts are left out of the line when absent.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// NAV ident of the caller; absent when the caller could not be identified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'static str>,
    pub action: Action,
    pub decision: Decision,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub candidate: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub need_id: Option<String>,
    /// The shortlist's criteria, as labels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Vec<String>>,
    /// The ids a shortlist returned (candidates, then near misses).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub returned: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Why a request was denied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Entry {
    /// A permitted `action` by `caller`.
    pub fn permit(caller: &Caller, action: Action) -> Entry {
        Self::new(Some(caller), action, Decision::Permit)
    }

    /// A denied `action` by `caller` (`None`: not identified), and why.
    pub fn deny(caller: Option<&Caller>, action: Action, reason: impl Into<String>) -> Entry {
        let mut entry = Self::new(caller, action, Decision::Deny);
        entry.reason = Some(reason.into());
        entry
    }

    fn new(caller: Option<&Caller>, action: Action, decision: Decision) -> Entry {
        Entry {
            at: OffsetDateTime::now_utc(),
            actor: caller.map(|c| c.ident.clone()),
            role: caller.map(|c| c.role.name()),
            action,
            decision,
            candidate: None,
            need_id: None,
            criteria: None,
            returned: None,
            tag: None,
            reason: None,
        }
    }

    /// The candidate acted on.
    pub fn candidate(mut self, id: &str) -> Entry {
        self.candidate = Some(id.to_string());
        self
    }

    /// The tag changed.
    pub fn tag(mut self, label: &str) -> Entry {
        self.tag = Some(label.to_string());
        self
    }
}

/// The audit log could not be written.
#[derive(Debug, thiserror::Error)]
#[error("the audit log {path} cannot be written: {source}")]
pub struct AuditError {
    path: String,
    #[source]
    source: std::io::Error,
}

/// The audit log file.
pub struct AuditLog {
    path: PathBuf,
    file: Mutex<File>,
}

impl AuditLog {
    /// Opens `path` for appending, creating it if needed.
    pub fn open(path: &Path) -> std::io::Result<AuditLog> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(AuditLog { path: path.to_path_buf(), file: Mutex::new(file) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes and flushes one entry; a request whose audit entry cannot be written fails.
    pub fn record(&self, entry: &Entry) -> Result<(), AuditError> {
        let error = |source| AuditError { path: self.path.display().to_string(), source };
        let mut line = serde_json::to_vec(entry).map_err(|e| error(std::io::Error::other(e)))?;
        line.push(b'\n');
        let mut file = self.file.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        file.write_all(&line).and_then(|()| file.flush()).map_err(error)
    }
}
