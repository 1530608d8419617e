//! The audit log: who did what to whom, and whether it was allowed. Kept apart from the
//! application log, append-only JSON Lines, each line written and flushed before the response is
//! sent — if it cannot be written, the request fails rather than go unrecorded.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use axum::http::Method;
use serde::Serialize;
use time::OffsetDateTime;

use super::auth::Caller;
use super::error::ApiError;

/// PERMIT or DENY.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Decision {
    #[serde(rename = "PERMIT")]
    Permit,
    #[serde(rename = "DENY")]
    Deny,
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
    /// `shortlist`, `read_profile`, `upsert`, `delete`, `tag_add`, `tag_remove`.
    pub action: &'static str,
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
    pub fn permit(caller: &Caller, action: &'static str) -> Entry {
        Self::new(Some(caller), action, Decision::Permit)
    }

    /// A denied `action` by `caller`, and why.
    pub fn deny(caller: &Caller, action: &'static str, reason: impl Into<String>) -> Entry {
        let mut entry = Self::new(Some(caller), action, Decision::Deny);
        entry.reason = Some(reason.into());
        entry
    }

    fn new(caller: Option<&Caller>, action: &'static str, decision: Decision) -> Entry {
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

    pub fn candidate(mut self, id: &str) -> Entry {
        self.candidate = Some(id.to_string());
        self
    }

    pub fn tag(mut self, label: &str) -> Entry {
        self.tag = Some(label.to_string());
        self
    }
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
    pub fn record(&self, entry: &Entry) -> Result<(), ApiError> {
        let mut line = serde_json::to_vec(entry).map_err(|error| ApiError::Internal(error.to_string()))?;
        line.push(b'\n');
        let mut file = self.file.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        file.write_all(&line)
            .and_then(|()| file.flush())
            .map_err(|error| ApiError::Unavailable(format!("the audit log cannot be written: {error}")))
    }

    /// Records a request refused before the caller was known (no or bad token).
    pub fn deny_unauthenticated(&self, action: &'static str, reason: &str) {
        let mut entry = Entry::new(None, action, Decision::Deny);
        entry.reason = Some(reason.to_string());
        if let Err(error) = self.record(&entry) {
            tracing::error!(%error, "audit entry for an unauthenticated request was not written");
        }
    }
}

/// The audited action a request would perform, from its method and path.
pub fn action_of(method: &Method, path: &str) -> &'static str {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    match (method.as_str(), parts.as_slice()) {
        ("POST", ["v1", "shortlists"]) => "shortlist",
        ("GET", ["v1", "candidates", _]) => "read_profile",
        ("PUT", ["v1", "candidates", _]) => "upsert",
        ("DELETE", ["v1", "candidates", _]) => "delete",
        ("POST", ["v1", "candidates", _, "tags"]) => "tag_add",
        ("DELETE", ["v1", "candidates", _, "tags", _]) => "tag_remove",
        ("GET", ["v1", "vocabulary"]) => "vocabulary",
        ("GET", ["v1", "followed"]) => "list_followed",
        _ => "other",
    }
}
