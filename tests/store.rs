//! Durable writes at the store level: reads see acknowledged changes at once, the log replays
//! after a crash, a refused edit changes nothing, and a restart purges erasures only.

use jobbmatch::index::CandidateIndex;
use jobbmatch::store::{Edit, Store, UpdateError, wal_path};
use serde_json::json;

use crate::common::{followed, profile, taxonomy};

fn open(dir: &std::path::Path) -> Store {
    let index = CandidateIndex::open_or_create(dir, taxonomy()).expect("index");
    Store::over(index, &wal_path(dir)).expect("store")
}

#[test]
fn acknowledged_changes_are_read_at_once_and_replayed_after_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let store = open(dir.path());
        store.upsert(followed("K1")).expect("upsert");
        store.commit().expect("commit");
        store.upsert(profile("K2", json!({}))).expect("upsert");
        store
            .update("K1", |c| {
                c.skills.push("sveising".into());
                Ok::<_, ()>(Edit::Changed(()))
            })
            .expect("edit");
        // Readers see both at once; shortlists (the committed index) do not yet.
        assert!(store.candidate("K2").expect("read").is_some());
        assert!(store.candidate("K1").expect("read").expect("present").skills.contains(&"sveising".to_string()));
        assert!(store.index().candidate("K2").expect("read").is_none());
        // The process dies here: nothing committed (dropping the writer discards what it held).
        drop(store);
    }
    let store = open(dir.path());
    assert!(store.index().candidate("K2").expect("read").is_some(), "replayed from the log");
    let k1 = store.index().candidate("K1").expect("read").expect("present");
    assert!(k1.skills.contains(&"sveising".to_string()));
    assert_eq!(std::fs::metadata(wal_path(dir.path())).expect("wal").len(), 0, "the log is emptied once committed");
}

#[test]
fn a_refused_edit_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = open(dir.path());
    store.upsert(followed("K1")).expect("upsert");
    store.commit().expect("commit");
    let before = store.candidate("K1").expect("read");
    let result = store.update("K1", |candidate| {
        candidate.tags.clear();
        Err::<Edit<()>, _>("not allowed")
    });
    assert!(matches!(result, Err(UpdateError::Edit("not allowed"))));
    assert_eq!(store.candidate("K1").expect("read"), before);
    assert_eq!(store.status().uncommitted_changes, 0);
    assert!(matches!(store.delete("K404"), Err(jobbmatch::store::StoreError::NotFound(_))));
    assert!(!store.commit().expect("commit"), "nothing to commit");
}

#[test]
fn a_restart_purges_erasures_but_not_the_old_versions_of_edited_profiles() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let store = open(dir.path());
        for id in ["K1", "K2", "K3"] {
            store.upsert(followed(id)).expect("upsert");
        }
        store.commit().expect("commit");
        // A tag edit deletes the profile's old version: a deleted document, not an erasure.
        store
            .update("K1", |c| {
                c.skills.push("sveising".into());
                Ok::<_, ()>(Edit::Changed(()))
            })
            .expect("edit");
        store.commit().expect("commit");
        assert!(store.has_deleted_documents());
    }
    {
        let store = open(dir.path());
        assert!(!store.purge(true).expect("purge"), "nothing erased: the segments are left as they are");
        assert!(store.has_deleted_documents());
        // An erasure, committed; the process stops before the purge.
        store.delete("K2").expect("erase");
        store.commit().expect("commit");
    }
    {
        let store = open(dir.path());
        assert!(store.purge(true).expect("purge"), "the erasure from the last run is purged on start");
        assert!(!store.has_deleted_documents());
        assert!(store.index().candidate("K2").expect("read").is_none());
    }
    let store = open(dir.path());
    assert!(!store.purge(true).expect("purge"), "once purged, a restart has nothing to do");
}

/// The round a candidate was last written in (its summary says "runde N").
fn round_of(store: &Store, id: &str) -> u64 {
    let candidate = store.candidate(id).expect("read").expect("present");
    candidate.summary.trim_start_matches("runde ").parse().expect("a round")
}

#[test]
fn a_backup_taken_while_writes_go_on_restores_every_acknowledged_change() {
    use jobbmatch::store::backup::{BackupError, backup, restore};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

    const PEOPLE: usize = 12;
    let ids: Vec<String> = (0..PEOPLE).map(|i| format!("K{i:02}")).collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let live = dir.path().join("index");
    std::fs::create_dir_all(&live).expect("dir");
    let store = Arc::new(open(&live));
    for id in &ids {
        store.upsert(profile(id, json!({"summary": "runde 0"}))).expect("upsert");
    }
    store.commit().expect("commit");
    let committer = store.spawn_committer();

    // A writer that keeps going: round N rewrites every profile; `done` is the last round
    // acknowledged for everyone.
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicU64::new(0));
    let writer = {
        let (store, stop, done, ids) = (store.clone(), stop.clone(), done.clone(), ids.clone());
        std::thread::spawn(move || {
            let mut round = 0;
            while !stop.load(Ordering::SeqCst) {
                round += 1;
                for id in &ids {
                    store.upsert(profile(id, json!({"summary": format!("runde {round}")}))).expect("acknowledged");
                }
                done.store(round, Ordering::SeqCst);
            }
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(400));
    let acknowledged_before = done.load(Ordering::SeqCst);
    let copy = dir.path().join("backup");
    let manifest = backup(&live, &copy).expect("a consistent copy while writes go on");
    std::thread::sleep(std::time::Duration::from_millis(200));
    stop.store(true, Ordering::SeqCst);
    writer.join().expect("writer");
    assert!(acknowledged_before > 0 && manifest.files.iter().any(|f| f.name == "meta.json"));

    let restored_dir = dir.path().join("restored");
    restore(&copy, &restored_dir).expect("restored");
    let restored = open(&restored_dir);
    let last = done.load(Ordering::SeqCst);
    for id in &ids {
        let round = round_of(&restored, id);
        assert!(round >= acknowledged_before, "{id}: round {round}, but {acknowledged_before} was acknowledged before");
        assert!(round <= last + 1, "{id}: round {round} was never written");
    }
    drop(restored);

    // Once quiet, a backup restores exactly what the service holds.
    committer.stop();
    store.commit().expect("commit");
    let quiet = dir.path().join("backup-quiet");
    backup(&live, &quiet).expect("backup");
    let again = dir.path().join("restored-quiet");
    restore(&quiet, &again).expect("restored");
    let restored = open(&again);
    for id in &ids {
        assert_eq!(restored.candidate(id).expect("read"), store.candidate(id).expect("read"), "{id}");
    }

    // Restore refuses what it cannot trust, and touches nothing when it does.
    assert!(matches!(restore(&quiet, &again), Err(BackupError::NotEmpty(_))), "never over an index");
    let damaged = quiet.join("meta.json");
    let mut bytes = std::fs::read(&damaged).expect("read");
    bytes[0] ^= 0x20;
    std::fs::write(&damaged, bytes).expect("write");
    let fresh = dir.path().join("fresh");
    assert!(matches!(restore(&quiet, &fresh), Err(BackupError::Damaged(_))));
    assert!(!fresh.exists(), "nothing half restored");
    std::fs::remove_file(quiet.join(jobbmatch::store::backup::MANIFEST)).expect("remove");
    assert!(matches!(restore(&quiet, &fresh), Err(BackupError::Unfinished(_))));
}
