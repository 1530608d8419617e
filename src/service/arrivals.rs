//! Who newly qualified for which open need through a veileder's tag, and when each advisor last
//! looked at each need: what the need's page shows its owner as "new since you last looked".
//!
//! Durable when opened on a file (the service does, beside the kandidatlister): each change is
//! appended to its own write-ahead log and synced before it is applied, so a restart forgets
//! neither an arrival nor a look, and a change the disk refuses is not applied. The log is
//! rewritten from what is held when it is opened (it only ever needs the newest
//! [`MAX_ARRIVALS`] per need) and when a candidate is erased, so an erased candidate's id is
//! gone from the disk too.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::store::wal::{Wal, WalError, replace};

/// The log's file name, beside the kandidatlister.
pub const ARRIVALS_FILE: &str = "arrivals.jsonl";

/// How many arrivals a need keeps (the newest).
const MAX_ARRIVALS: usize = 200;

/// A candidate who came to qualify for an open need through a veileder's tag, for the need's
/// owner to see on the need's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct NewlyQualified {
    pub candidate: String,
    pub score: f32,
    #[serde(with = "time::serde::rfc3339")]
    pub since: OffsetDateTime,
}

/// One logged change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Change {
    /// `arrival.candidate` came to qualify for `need`.
    Entered { need: String, arrival: NewlyQualified },
    /// `candidate` no longer qualifies for `need`.
    Left { need: String, candidate: String },
    /// `advisor` looked at who newly qualified for `need`.
    Looked {
        advisor: String,
        need: String,
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
    },
}

/// Arrivals and looks, in memory or kept in a log.
#[derive(Default)]
pub struct Arrivals {
    /// The log's path, when kept in one.
    path: Option<PathBuf>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    wal: Option<Wal<Change>>,
    by_need: HashMap<String, Vec<NewlyQualified>>,
    looked: HashMap<(String, String), OffsetDateTime>,
}

impl State {
    fn apply(&mut self, change: Change) {
        match change {
            Change::Entered { need, arrival } => {
                let list = self.by_need.entry(need).or_default();
                list.retain(|kept| kept.candidate != arrival.candidate);
                list.push(arrival);
                if list.len() > MAX_ARRIVALS {
                    list.remove(0);
                }
            }
            Change::Left { need, candidate } => {
                if let Some(list) = self.by_need.get_mut(&need) {
                    list.retain(|kept| kept.candidate != candidate);
                }
            }
            Change::Looked { advisor, need, at } => {
                self.looked.insert((advisor, need), at);
            }
        }
    }

    /// Logs `changes` (when kept in a log) and applies them; a change the log refuses is not
    /// applied, nor any after it.
    fn make(&mut self, changes: Vec<Change>) -> Result<(), WalError> {
        for change in changes {
            if let Some(wal) = &mut self.wal {
                wal.append(&change)?;
            }
            self.apply(change);
        }
        Ok(())
    }

    /// What is held, as the changes that make it. A look at a need nobody has arrived at is
    /// left out: any later arrival is newer than it, so it changes nothing a look shows.
    fn snapshot(&self) -> Vec<Change> {
        let mut changes: Vec<Change> = self
            .by_need
            .iter()
            .flat_map(|(need, list)| list.iter().map(|a| Change::Entered { need: need.clone(), arrival: a.clone() }))
            .collect();
        let arrived = |need: &String| self.by_need.get(need).is_some_and(|list| !list.is_empty());
        let looks = self.looked.iter().filter(|((_, need), _)| arrived(need));
        changes.extend(looks.map(|((advisor, need), at)| Change::Looked {
            advisor: advisor.clone(),
            need: need.clone(),
            at: *at,
        }));
        changes
    }
}

impl Arrivals {
    /// Opens (or creates) the log at `path`, replays it and rewrites it compact.
    pub fn open(path: &Path) -> Result<Arrivals, WalError> {
        let (_, changes) = Wal::<Change>::open(path)?;
        let mut state = State::default();
        changes.into_iter().for_each(|change| state.apply(change));
        let arrivals = Arrivals { path: Some(path.to_path_buf()), state: Mutex::new(state) };
        arrivals.rewrite(&mut arrivals.lock())?;
        Ok(arrivals)
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Replaces the log with what `state` holds.
    fn rewrite(&self, state: &mut State) -> Result<(), WalError> {
        let Some(path) = &self.path else { return Ok(()) };
        state.wal = Some(replace(path, &state.snapshot())?);
        Ok(())
    }

    /// `candidate` came to qualify for the needs `entered` (with their score there) and no longer
    /// qualifies for those `left`, at `at`.
    pub fn record(
        &self,
        candidate: &str,
        entered: impl IntoIterator<Item = (String, f32)>,
        left: impl IntoIterator<Item = String>,
        at: OffsetDateTime,
    ) -> Result<(), WalError> {
        let arrival = |score| NewlyQualified { candidate: candidate.to_string(), score, since: at };
        let mut changes: Vec<Change> =
            entered.into_iter().map(|(need, score)| Change::Entered { need, arrival: arrival(score) }).collect();
        let mut state = self.lock();
        let listed =
            |need: &String| state.by_need.get(need).is_some_and(|l| l.iter().any(|a| a.candidate == candidate));
        let left: Vec<Change> = left
            .into_iter()
            .filter(listed)
            .map(|need| Change::Left { need, candidate: candidate.to_string() })
            .collect();
        changes.extend(left);
        state.make(changes)
    }

    /// Those who arrived at `need` since `advisor` last looked; now counts as a look (logged only
    /// when it shows someone: a look that shows nobody changes what any later look shows).
    pub fn since_last_look(
        &self,
        advisor: &str,
        need: &str,
        now: OffsetDateTime,
    ) -> Result<Vec<NewlyQualified>, WalError> {
        let mut state = self.lock();
        let last = state.looked.get(&(advisor.to_string(), need.to_string())).copied();
        let arrivals = state.by_need.get(need).map(Vec::as_slice).unwrap_or_default();
        let new: Vec<NewlyQualified> =
            arrivals.iter().filter(|a| last.is_none_or(|last| a.since > last)).cloned().collect();
        if !new.is_empty() {
            state.make(vec![Change::Looked { advisor: advisor.to_string(), need: need.to_string(), at: now }])?;
        }
        Ok(new)
    }

    /// Forgets an erased candidate, on disk too (the log is rewritten whether or not they are
    /// held now: lines about an arrival they have since left may still name them).
    pub fn forget(&self, candidate: &str) -> Result<(), WalError> {
        let mut state = self.lock();
        state.by_need.values_mut().for_each(|list| list.retain(|a| a.candidate != candidate));
        self.rewrite(&mut state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: i64) -> OffsetDateTime {
        OffsetDateTime::UNIX_EPOCH + time::Duration::minutes(minute)
    }

    #[test]
    fn arrivals_and_looks_survive_a_restart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(ARRIVALS_FILE);
        let kept = Arrivals::open(&path).expect("open");
        kept.record("K1", [("N1".to_string(), 0.8)], [], at(1)).expect("recorded");
        kept.record("K2", [("N1".to_string(), 0.6), ("N2".to_string(), 0.5)], [], at(2)).expect("recorded");
        let seen = kept.since_last_look("R1", "N1", at(3)).expect("look");
        assert_eq!(seen.iter().map(|a| a.candidate.as_str()).collect::<Vec<_>>(), ["K1", "K2"]);
        kept.record("K3", [("N1".to_string(), 0.7)], [], at(4)).expect("recorded");
        kept.record("K2", [], ["N2".to_string()], at(5)).expect("recorded");
        drop(kept);

        let again = Arrivals::open(&path).expect("reopened");
        let seen = again.since_last_look("R1", "N1", at(6)).expect("look");
        assert_eq!(seen.iter().map(|a| a.candidate.as_str()).collect::<Vec<_>>(), ["K3"], "R1's look was kept");
        assert!(again.since_last_look("R1", "N2", at(6)).expect("look").is_empty(), "K2 left N2");
        assert_eq!(again.since_last_look("R9", "N1", at(6)).expect("look").len(), 3, "another advisor's first look");
        assert_eq!(seen[0], NewlyQualified { candidate: "K3".into(), score: 0.7, since: at(4) });
    }

    #[test]
    fn an_erased_candidate_is_gone_from_the_disk() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(ARRIVALS_FILE);
        let kept = Arrivals::open(&path).expect("open");
        kept.record("K-ERASED", [("N1".to_string(), 0.8), ("N2".to_string(), 0.4)], [], at(1)).expect("recorded");
        kept.record("K-KEPT", [("N1".to_string(), 0.6)], [], at(2)).expect("recorded");
        kept.record("K-LEFT", [("N2".to_string(), 0.6)], [], at(2)).expect("recorded");
        kept.record("K-LEFT", [], ["N2".to_string()], at(3)).expect("recorded");
        for erased in ["K-ERASED", "K-LEFT"] {
            kept.forget(erased).expect("forgotten");
        }
        let text = std::fs::read_to_string(&path).expect("log");
        assert!(!text.contains("K-ERASED") && !text.contains("K-LEFT") && text.contains("K-KEPT"), "{text}");
        kept.record("K-NEW", [("N1".to_string(), 0.5)], [], at(3)).expect("the log takes changes after");
        drop(kept);
        let seen = Arrivals::open(&path).expect("reopened").since_last_look("R1", "N1", at(4)).expect("look");
        assert_eq!(seen.iter().map(|a| a.candidate.as_str()).collect::<Vec<_>>(), ["K-KEPT", "K-NEW"]);
    }

    #[test]
    fn a_change_the_disk_refuses_is_not_applied() {
        use crate::store::wal::faults::{Faults, FaultyFile};
        use std::sync::atomic::Ordering;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(ARRIVALS_FILE);
        let kept = Arrivals::open(&path).expect("open");
        let faults = Faults::new();
        let inner = std::fs::OpenOptions::new().append(true).open(&path).expect("open");
        if let Some(wal) = &mut kept.lock().wal {
            wal.replace_file(Box::new(FaultyFile { inner, faults: faults.clone() }));
        }
        faults.fail_sync.store(true, Ordering::SeqCst);
        assert!(kept.record("K1", [("N1".to_string(), 0.8)], [], at(1)).is_err());
        assert!(kept.since_last_look("R1", "N1", at(2)).expect("look").is_empty(), "nothing applied");
    }
}
