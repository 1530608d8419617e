//! Follow-up changes, durable: each [`Event`] is checked against the ledger, appended to its own
//! write-ahead log and synced, then applied — so an acknowledged change survives SIGKILL and a
//! refused one touches nothing. The log is the store: replayed on start, small (a status change
//! is one short line), and rewritten only by a GDPR erasure.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use super::FollowupError;
use super::ledger::Ledger;
use super::model::Event;
use crate::store::wal::{Wal, WalError};

/// The log's file name in the index directory.
pub const FOLLOWUP_FILE: &str = "kandidatlister.jsonl";

/// Why a change was not made.
#[derive(Debug, thiserror::Error)]
pub enum FollowUpsError {
    #[error(transparent)]
    Refused(#[from] FollowupError),
    #[error(transparent)]
    Wal(#[from] WalError),
    #[error("rewriting {path} for an erasure: {source}")]
    Rewrite { path: String, source: std::io::Error },
}

/// Saved needs and kandidatlister.
pub struct FollowUps {
    path: PathBuf,
    state: Mutex<(Wal<Event>, Ledger)>,
}

impl FollowUps {
    /// Opens (or creates) the log at `path` and replays it.
    pub fn open(path: &Path) -> Result<FollowUps, FollowUpsError> {
        let (wal, events) = Wal::<Event>::open(path)?;
        let mut ledger = Ledger::default();
        for event in &events {
            ledger.apply(event);
        }
        Ok(FollowUps { path: path.to_path_buf(), state: Mutex::new((wal, ledger)) })
    }

    /// Makes `event` happen, durably, or says why not (and changes nothing).
    pub fn record(&self, event: Event) -> Result<(), FollowUpsError> {
        let mut state = self.lock();
        let (wal, ledger) = &mut *state;
        ledger.check(&event)?;
        wal.append(&event)?;
        ledger.apply(&event);
        Ok(())
    }

    /// Writes `events` as a new log at `path` (generated data for demos and benchmarks); the
    /// events must be consistent, as [`crate::generate::lists`] makes them.
    pub fn write_new(path: &Path, events: &[Event]) -> Result<(), FollowUpsError> {
        Ok(crate::store::wal::write_batch(path, events)?)
    }

    /// Reads the ledger.
    pub fn read<T>(&self, read: impl FnOnce(&Ledger) -> T) -> T {
        read(&self.lock().1)
    }

    /// GDPR erasure: `candidate` leaves every list and snapshot; their entries stay as an
    /// anonymous `slettet-…` row without a snapshot, so counts stay true. Returns whether they
    /// were on any list.
    pub fn erase(&self, candidate: &str) -> Result<bool, FollowUpsError> {
        let mut state = self.lock();
        let rewrite = |source| FollowUpsError::Rewrite { path: self.path.display().to_string(), source };
        let (_, events) = Wal::<Event>::open(&self.path)?;
        if !events.iter().any(|event| event.candidate() == Some(candidate)) {
            return Ok(false);
        }
        let anonymous = format!("slettet-{}", &crate::store::wal::random_hex(4).map_err(rewrite)?);
        let events: Vec<Event> = events
            .into_iter()
            .map(|event| if event.candidate() == Some(candidate) { event.anonymised(&anonymous) } else { event })
            .collect();
        let wal = crate::store::wal::replace(&self.path, &events)?;
        let mut ledger = Ledger::default();
        for event in &events {
            ledger.apply(event);
        }
        *state = (wal, ledger);
        Ok(true)
    }

    fn lock(&self) -> MutexGuard<'_, (Wal<Event>, Ledger)> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::Ordering;

    use super::*;
    use crate::followup::{NeedState, SavedNeed};
    use crate::store::wal::faults::{Faults, FaultyFile};

    fn saved(id: &str) -> Event {
        let need = crate::model::JobNeed::from_json(&format!(r#"{{"id":"{id}"}}"#)).expect("need");
        let saved = SavedNeed { need, employer: "E".into(), kontor: "K".into(), positions: 1, styrk: None };
        Event::NeedSaved {
            saved: Box::new(saved),
            owner: "R1".into(),
            by: "R1".into(),
            at: time::OffsetDateTime::now_utc(),
        }
    }

    #[test]
    fn a_change_the_disk_refuses_is_an_error_and_changes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FOLLOWUP_FILE);
        let follow_ups = FollowUps::open(&path).expect("open");
        follow_ups.record(saved("A")).expect("acknowledged");
        let faults = Faults::new();
        let inner = std::fs::OpenOptions::new().append(true).open(&path).expect("open");
        follow_ups.lock().0.replace_file(Box::new(FaultyFile { inner, faults: faults.clone() }));

        faults.fail_sync.store(true, Ordering::SeqCst);
        assert!(matches!(follow_ups.record(saved("B")), Err(FollowUpsError::Wal(_))), "fsync failed");
        faults.fail_sync.store(false, Ordering::SeqCst);
        faults.space.store(20, Ordering::SeqCst);
        let close = Event::NeedState {
            need: "A".into(),
            state: NeedState::Filled,
            reason: None,
            by: "R1".into(),
            at: time::OffsetDateTime::now_utc(),
        };
        assert!(matches!(follow_ups.record(close), Err(FollowUpsError::Wal(_))), "disk full");
        // Nothing half-applied in memory or on disk.
        assert!(follow_ups.read(|ledger| ledger.need("B").is_none()));
        assert_eq!(follow_ups.read(|ledger| ledger.need("A").map(|n| n.state)), Some(NeedState::Open));
        faults.space.store(-1, Ordering::SeqCst);
        follow_ups.record(saved("C")).expect("acknowledged once there is room");
        drop(follow_ups);
        let reopened = FollowUps::open(&path).expect("replays cleanly");
        let ids: Vec<String> = reopened.read(|ledger| ledger.needs().map(|n| n.id.clone()).collect());
        assert_eq!(ids, ["A", "C"], "exactly the acknowledged changes");
    }
}
