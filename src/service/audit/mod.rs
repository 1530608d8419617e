//! The audit log: who did what to whom, and whether it was allowed. Kept apart from the
//! application log, append-only JSON Lines, each line written and flushed before the caller is
//! answered — if it cannot be written, the request fails rather than go unrecorded. Lines are
//! hash-chained ([`chain`]), tag labels are logged as references that an erasure makes
//! meaningless ([`references`]), and lines older than the retention period are dropped.

pub mod chain;
mod references;

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use references::LabelReferences;
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
    SignOut,
    SaveNeed,
    ReadNeed,
    ChangeNeed,
    ChangeList,
    Report,
    ReadLists,
    RecordAnswer,
    ReverseMatch,
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
            Action::SignOut => "sign out",
            Action::SaveNeed => "save job needs",
            Action::ReadNeed => "read job needs",
            Action::ChangeNeed | Action::ChangeList => "change job needs and kandidatlister",
            Action::Report => "read the time-to-match report",
            Action::ReadLists => "see which lists their candidates are on",
            Action::RecordAnswer => "record their candidates' answers",
            Action::ReverseMatch => "see which open needs their candidates fit",
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
    /// The tag changed, as a reference (`tag:…`), never its text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// The tag's label, turned into [`Entry::tag`]'s reference when the line is written.
    #[serde(skip)]
    tag_label: Option<String>,
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
            tag_label: None,
            reason: None,
        }
    }

    /// The candidate acted on.
    pub fn candidate(mut self, id: &str) -> Entry {
        self.candidate = Some(id.to_string());
        self
    }

    /// The tag changed (logged as a reference to its label, see [`references`]).
    pub fn tag(mut self, label: &str) -> Entry {
        self.tag_label = Some(label.to_string());
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
    /// The file and the hash of its last line, which the next line's `prev` carries.
    chain: Mutex<(File, String)>,
    references: LabelReferences,
}

/// A line as written: the entry and the hash of the line before it.
#[derive(Serialize)]
struct Chained<'a> {
    #[serde(flatten)]
    entry: &'a Entry,
    prev: &'a str,
}

impl AuditLog {
    /// Opens `path` for appending, creating it if needed; the label keys live beside it
    /// (`audit.keys.jsonl` for `audit.jsonl`).
    pub fn open(path: &Path) -> std::io::Result<AuditLog> {
        let mut file = OpenOptions::new().create(true).read(true).append(true).open(path)?;
        let head = chain::head(&mut file)?;
        let references = LabelReferences::open(&Self::keys_path(path))?;
        Ok(AuditLog { path: path.to_path_buf(), chain: Mutex::new((file, head)), references })
    }

    /// Opens `path` after dropping the lines older than `retention_days` (none dropped when
    /// `None`); how many were dropped.
    pub fn open_with_retention(path: &Path, retention_days: Option<u32>) -> std::io::Result<(AuditLog, usize)> {
        let dropped = match retention_days {
            Some(days) if path.exists() => {
                chain::prune(path, OffsetDateTime::now_utc() - time::Duration::days(i64::from(days)))?
            }
            _ => 0,
        };
        Ok((Self::open(path)?, dropped))
    }

    fn keys_path(path: &Path) -> PathBuf {
        path.with_extension("keys.jsonl")
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes and flushes one entry; a request whose audit entry cannot be written fails.
    pub fn record(&self, entry: &Entry) -> Result<(), AuditError> {
        let error = |source| AuditError { path: self.path.display().to_string(), source };
        let mut entry = entry.clone();
        if let (Some(label), Some(candidate)) = (entry.tag_label.take(), entry.candidate.as_deref()) {
            entry.tag = Some(self.references.reference(candidate, &label).map_err(error)?);
        }
        let mut chain = self.chain.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let (file, head) = &mut *chain;
        let mut line =
            serde_json::to_vec(&Chained { entry: &entry, prev: head }).map_err(|e| error(std::io::Error::other(e)))?;
        let hash = chain::line_hash(&line);
        line.push(b'\n');
        file.write_all(&line).and_then(|()| file.flush()).map_err(error)?;
        *head = hash;
        Ok(())
    }

    /// Forgets the key of `candidate`'s label references: after an erasure nothing in the log
    /// can be tied to what was written about them.
    pub fn forget(&self, candidate: &str) -> Result<(), AuditError> {
        self.references
            .forget(candidate)
            .map_err(|source| AuditError { path: Self::keys_path(&self.path).display().to_string(), source })
    }
}
