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
