//! Durable changes to candidates: upserts, erasures and tag edits that survive a crash the moment
//! they are acknowledged, and reach shortlists within a second.
//!
//! A change is (1) checked, (2) appended to the [write-ahead log](wal) and synced to disk,
//! (3) handed to the tantivy writer, and only then acknowledged. A committer thread commits the
//! writer every 200 ms when something changed, recording the last applied sequence number in the
//! commit, then empties the log. On start, log records newer than the index's commit are
//! replayed. Reads see acknowledged changes at once (an overlay of changes not yet committed);
//! shortlists see them after the next commit. Searches never wait for writes: each runs on the
//! snapshot it started with.
//!
//! Erasure (GDPR): a deleted candidate disappears from lookups at once and from shortlists at the
//! next commit; the committer then rewrites the segments that still hold deleted documents and
//! the log is emptied, so no store keeps the profile. Each commit records whether erasures wait
//! to be purged, so a restart purges only then: a tag edit also deletes the profile's old version,
//! and rewriting a million-profile segment for that on every start would cost seconds.

pub mod backup;
pub mod wal;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use tantivy::IndexWriter;

use crate::index::{CandidateIndex, IndexError};
use crate::model::Candidate;
use wal::{Change, Record, Wal, WalError};

/// File name of the write-ahead log inside the index directory.
pub const WAL_FILE: &str = "jobbmatch-wal.jsonl";
/// How often the committer looks for changes to commit.
pub const COMMIT_INTERVAL: Duration = Duration::from_millis(200);
/// Deletes are purged from segment files in batches, at most this often.
const PURGE_DELAY: Duration = Duration::from_secs(2);
/// Memory for incremental indexing.
const WRITER_HEAP_BYTES: usize = 50_000_000;

/// Why a change or look-up failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("candidate {0} does not exist")]
    NotFound(String),
    #[error(transparent)]
    Wal(#[from] WalError),
    #[error(transparent)]
    Index(#[from] IndexError),
}

impl From<tantivy::TantivyError> for StoreError {
    fn from(error: tantivy::TantivyError) -> Self {
        StoreError::Index(IndexError::Tantivy(error))
    }
}

/// An edit's verdict: whether it changed the profile, and what it returns.
pub enum Edit<T> {
    Changed(T),
    Unchanged(T),
}

/// Why an edit failed: the store, or the edit itself.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError<E> {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Edit(E),
}

/// What an upsert did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upserted {
    Created,
    Replaced,
}

/// A change acknowledged but not yet committed, overlaying the index for reads.
#[derive(Debug, Clone)]
struct Pending {
    seq: u64,
    candidate: Option<Candidate>,
}

struct WriterState {
    writer: IndexWriter,
    wal: Wal,
    /// Last sequence number written to the log.
    written: u64,
    /// Last sequence number committed to the index.
    committed: u64,
    /// Erasures not yet purged from segment files, since when.
    purge_since: Option<Instant>,
    /// Erasures written since the store opened: a purge that saw fewer leaves the rest due.
    erasures: u64,
}

/// Candidates with durable writes. Share it through an `Arc`.
pub struct Store {
    index: CandidateIndex,
    state: Mutex<WriterState>,
    pending: RwLock<HashMap<String, Pending>>,
    commits: AtomicU64,
    failed_commits: AtomicU64,
    last_error: Mutex<Option<String>>,
}

/// Counters for health checks and metrics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreStatus {
    pub candidates: u64,
    pub segments: usize,
    pub uncommitted_changes: usize,
    pub wal_bytes: u64,
    pub commits: u64,
    pub failed_commits: u64,
    /// The last commit error, if the last commit failed.
    pub last_error: Option<String>,
}

impl Store {
    /// A store over an open index, with its log at `wal_path`.
    pub fn over(index: CandidateIndex, wal_path: &Path) -> Result<Store, StoreError> {
        let stamp = index.stamp()?;
        let applied = stamp.as_ref().map_or(0, |stamp| stamp.applied_sequence);
        // Erasures from an earlier run may still sit in segment files. An index written before
        // they were recorded tells only by its deleted documents.
        let mut erasures_pending = match stamp.and_then(|stamp| stamp.erasures_pending) {
            Some(pending) => pending,
            None => index.searcher().segment_readers().iter().any(|segment| segment.has_deletes()),
        };
        let (wal, records) = Wal::<Record>::open(wal_path)?;
        let mut writer = index.writer(WRITER_HEAP_BYTES)?;
        let mut written = applied;
        for record in records.iter().filter(|record| record.seq > applied) {
            apply(&index, &mut writer, &record.change)?;
            erasures_pending |= matches!(record.change, Change::Delete { .. });
            written = record.seq;
        }
        // Due at once (in `PURGE_DELAY` right after boot, when the clock cannot reach back that far).
        let purge_since =
            erasures_pending.then(|| Instant::now().checked_sub(PURGE_DELAY).unwrap_or_else(Instant::now));
        let state = WriterState { writer, wal, written, committed: applied, purge_since, erasures: 0 };
        let store = Store {
            index,
            state: Mutex::new(state),
            pending: RwLock::default(),
            commits: AtomicU64::new(0),
            failed_commits: AtomicU64::new(0),
            last_error: Mutex::new(None),
        };
        store.commit()?;
        Ok(store)
    }

    pub fn index(&self) -> &CandidateIndex {
        &self.index
    }

    /// The current profile of `id`, including acknowledged changes not yet committed.
    pub fn candidate(&self, id: &str) -> Result<Option<Candidate>, StoreError> {
        if let Some(pending) = self.read_pending().get(id) {
            return Ok(pending.candidate.clone());
        }
        Ok(self.index.candidate(id)?)
    }

    /// Creates or replaces a profile (already validated).
    pub fn upsert(&self, candidate: Candidate) -> Result<Upserted, StoreError> {
        let mut state = self.lock_state();
        let existed = self.current(&candidate.id)?.is_some();
        self.write(&mut state, Change::Upsert { candidate: Box::new(candidate) })?;
        Ok(if existed { Upserted::Replaced } else { Upserted::Created })
    }

    /// Erases a candidate from every store and index.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        let mut state = self.lock_state();
        if self.current(id)?.is_none() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        self.write(&mut state, Change::Delete { id: id.to_string() })?;
        state.erasures += 1;
        state.purge_since.get_or_insert_with(Instant::now);
        Ok(())
    }

    /// Reads, edits and writes one profile atomically: no other write to the store interleaves.
    pub fn update<T, E>(
        &self,
        id: &str,
        edit: impl FnOnce(&mut Candidate) -> Result<Edit<T>, E>,
    ) -> Result<T, UpdateError<E>> {
        let mut state = self.lock_state();
        let mut candidate = self.current(id)?.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        match edit(&mut candidate).map_err(UpdateError::Edit)? {
            Edit::Unchanged(value) => Ok(value),
            Edit::Changed(value) => {
                self.write(&mut state, Change::Upsert { candidate: Box::new(candidate) })?;
                Ok(value)
            }
        }
    }

    /// Logs, applies and overlays one change. Nothing is changed if any step fails.
    fn write(&self, state: &mut WriterState, change: Change) -> Result<(), StoreError> {
        let record = Record { seq: state.written + 1, change };
        state.wal.append(&record)?;
        if let Err(error) = apply(&self.index, &mut state.writer, &record.change) {
            state.wal.undo_last()?;
            return Err(error);
        }
        state.written = record.seq;
        let id = record.change.id().to_string();
        let candidate = match record.change {
            Change::Upsert { candidate } => Some(*candidate),
            Change::Delete { .. } => None,
        };
        self.write_pending().insert(id, Pending { seq: record.seq, candidate });
        Ok(())
    }

    /// The profile as the writer sees it (the caller holds the writer lock).
    fn current(&self, id: &str) -> Result<Option<Candidate>, StoreError> {
        self.candidate(id)
    }

    /// Commits what was written since the last commit and makes it visible to shortlists.
    /// Returns whether there was anything to commit.
    pub fn commit(&self) -> Result<bool, StoreError> {
        let mut state = self.lock_state();
        if state.written == state.committed && state.wal.is_empty() {
            return Ok(false);
        }
        self.commit_locked(&mut state).map(|()| true)
    }

    /// Commits what the writer holds (perhaps nothing, to record that no erasure waits), with
    /// the last applied sequence number and whether erasures wait to be purged.
    fn commit_locked(&self, state: &mut WriterState) -> Result<(), StoreError> {
        let target = state.written;
        let erasures_pending = state.purge_since.is_some();
        let result = (|| -> Result<(), StoreError> {
            let mut prepared = state.writer.prepare_commit()?;
            let stamp = self.index.stamp_for(target, erasures_pending);
            prepared.set_payload(&serde_json::to_string(&stamp).unwrap_or_default());
            prepared.commit()?;
            state.committed = target;
            self.index.reload()?;
            self.write_pending().retain(|_, pending| pending.seq > target);
            // Everything logged is now in the index, and no write can interleave: start afresh.
            state.wal.clear()?;
            Ok(())
        })();
        match &result {
            Ok(()) => {
                self.commits.fetch_add(1, Ordering::Relaxed);
                *self.lock_error() = None;
            }
            Err(error) => {
                self.failed_commits.fetch_add(1, Ordering::Relaxed);
                *self.lock_error() = Some(error.to_string());
            }
        }
        result
    }

    /// Rewrites the segments that still hold deleted documents, so erased profiles leave the
    /// files too, once deletes have waited `PURGE_DELAY` (or at once when `now`).
    pub fn purge(&self, now: bool) -> Result<bool, StoreError> {
        let mut state = self.lock_state();
        let due = state.purge_since.is_some_and(|since| now || since.elapsed() >= PURGE_DELAY);
        if !due || state.written != state.committed {
            return Ok(false);
        }
        let segments: Vec<_> = self
            .index
            .tantivy()
            .searchable_segment_metas()?
            .into_iter()
            .filter(|meta| meta.has_deletes())
            .map(|meta| meta.id())
            .collect();
        let erasures_before = state.erasures;
        if !segments.is_empty() {
            let merge = state.writer.merge(&segments);
            drop(state);
            // Searches and writes go on while the segments are rewritten; on failure, try again later.
            merge.wait()?;
            state = self.lock_state();
            state.writer.garbage_collect_files().wait()?;
        }
        // An erasure written during the rewrite waits for the next purge.
        state.purge_since = (state.erasures != erasures_before).then(Instant::now);
        // Record whether any still waits (and show the rewritten segments to searches), so that a
        // restart does not rewrite them again.
        self.commit_locked(&mut state)?;
        Ok(!segments.is_empty())
    }

    /// Commits and purges now (shutdown, tests).
    pub fn flush(&self) -> Result<(), StoreError> {
        self.commit()?;
        self.purge(true)?;
        Ok(())
    }

    /// Whether a segment still holds deleted documents.
    pub fn has_deleted_documents(&self) -> bool {
        self.index.searcher().segment_readers().iter().any(|segment| segment.has_deletes())
    }

    /// Starts the thread that commits every [`COMMIT_INTERVAL`] and purges erasures. It stops,
    /// committing what is left, when the returned handle is stopped or dropped.
    pub fn spawn_committer(self: &Arc<Self>) -> Committer {
        let (stop, stopped) = mpsc::channel::<()>();
        let store = Arc::clone(self);
        let thread = std::thread::Builder::new()
            .name("jobbmatch-committer".into())
            .spawn(move || {
                loop {
                    let stopping = !matches!(stopped.recv_timeout(COMMIT_INTERVAL), Err(RecvTimeoutError::Timeout));
                    if let Err(error) = store.commit() {
                        tracing::error!(%error, "commit failed; will retry");
                    }
                    if !stopping {
                        if let Err(error) = store.purge(false) {
                            tracing::error!(%error, "purging deleted documents failed; will retry");
                        }
                    }
                    if stopping {
                        break;
                    }
                }
            })
            .ok();
        Committer { stop: Some(stop), thread }
    }

    /// Counters for health and metrics.
    pub fn status(&self) -> StoreStatus {
        let searcher = self.index.searcher();
        let wal_bytes = self.state.try_lock().map_or(0, |state| state.wal.len());
        StoreStatus {
            candidates: searcher.num_docs(),
            segments: searcher.segment_readers().len(),
            uncommitted_changes: self.read_pending().len(),
            wal_bytes,
            commits: self.commits.load(Ordering::Relaxed),
            failed_commits: self.failed_commits.load(Ordering::Relaxed),
            last_error: self.lock_error().clone(),
        }
    }

    fn lock_state(&self) -> MutexGuard<'_, WriterState> {
        // Every step under this lock either completes or leaves the state as it was.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn lock_error(&self) -> MutexGuard<'_, Option<String>> {
        self.last_error.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn read_pending(&self) -> std::sync::RwLockReadGuard<'_, HashMap<String, Pending>> {
        self.pending.read().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write_pending(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<String, Pending>> {
        self.pending.write().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Applies one change to the tantivy writer (not yet committed).
fn apply(index: &CandidateIndex, writer: &mut IndexWriter, change: &Change) -> Result<(), StoreError> {
    writer.delete_term(index.id_term(change.id()));
    if let Change::Upsert { candidate } = change {
        writer.add_document(index.document(candidate))?;
    }
    Ok(())
}

/// The committer thread; stopping it commits what is left.
pub struct Committer {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Committer {
    /// Stops the thread after a last commit.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Committer {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// Where the write-ahead log of the index in `dir` lives.
pub fn wal_path(dir: &Path) -> PathBuf {
    dir.join(WAL_FILE)
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::Ordering;

    use super::wal::faults::{Faults, FaultyFile};
    use super::*;

    fn candidate(id: &str, summary: &str) -> Candidate {
        serde_json::from_value(serde_json::json!({"id": id, "municipality": "Arendal", "summary": summary}))
            .expect("valid")
    }

    fn open(dir: &Path) -> Store {
        let taxonomy = crate::taxonomy::Taxonomy::embedded().expect("vocabulary");
        let index = CandidateIndex::open_or_create(dir, taxonomy).expect("index");
        Store::over(index, &wal_path(dir)).expect("store")
    }

    #[test]
    fn a_write_the_disk_refuses_is_an_error_and_changes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = open(dir.path());
        store.upsert(candidate("K1", "før")).expect("acknowledged");
        let faults = Faults::new();
        {
            let inner = std::fs::OpenOptions::new().append(true).open(wal_path(dir.path())).expect("open");
            store.lock_state().wal.replace_file(Box::new(FaultyFile { inner, faults: faults.clone() }));
        }
        faults.fail_sync.store(true, Ordering::SeqCst);
        assert!(matches!(store.upsert(candidate("K1", "etter")), Err(StoreError::Wal(_))));
        faults.fail_sync.store(false, Ordering::SeqCst);
        faults.space.store(10, Ordering::SeqCst);
        assert!(matches!(store.upsert(candidate("K2", "ny")), Err(StoreError::Wal(_))));
        // Nothing half-applied: reads, the overlay and the next commit hold only what was acknowledged.
        assert_eq!(store.candidate("K1").expect("read").map(|c| c.summary), Some("før".into()));
        assert!(store.candidate("K2").expect("read").is_none());
        faults.space.store(-1, Ordering::SeqCst);
        store.upsert(candidate("K3", "etterpå")).expect("acknowledged once there is room");
        store.commit().expect("commit");
        assert!(store.index().candidate("K2").expect("read").is_none());
        drop(store);

        let store = open(dir.path());
        assert_eq!(store.candidate("K1").expect("read").map(|c| c.summary), Some("før".into()));
        assert!(store.candidate("K2").expect("read").is_none());
        assert!(store.candidate("K3").expect("read").is_some());
    }
}
