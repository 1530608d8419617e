//! The binary: the README's main job, and clear errors that lose nothing.

use std::path::Path;
use std::process::{Command, Output};

fn jobbmatch(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jobbmatch")).args(args).current_dir(dir).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn shortlist_builds_the_default_index_once_and_prints_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixtures = crate::common::fixtures_dir();
    let index_dir = dir.path().join("index");
    let args = |json: bool| {
        let mut args = vec![
            "shortlist".to_string(),
            "--need".into(),
            fixtures.join("needs/bilverksted.json").display().to_string(),
            "--candidates".into(),
            fixtures.join("candidates.jsonl").display().to_string(),
            "--index".into(),
            index_dir.display().to_string(),
        ];
        if json {
            args.push("--json".into());
        }
        args
    };
    let first = Command::new(env!("CARGO_BIN_EXE_jobbmatch")).args(args(true)).output().expect("runs");
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(text(&first.stderr).contains("indexed 2000 candidates"), "{}", text(&first.stderr));
    let shortlist: jobbmatch::model::Shortlist = serde_json::from_slice(&first.stdout).expect("JSON output");
    assert_eq!(shortlist.candidates.len(), 10);

    let second = Command::new(env!("CARGO_BIN_EXE_jobbmatch")).args(args(false)).output().expect("runs");
    assert!(second.status.success());
    assert!(!text(&second.stderr).contains("indexed"), "the index is reused");
    let table = text(&second.stdout);
    assert!(table.contains("Shortlist for need-bilverksted"), "{table}");
    assert!(table.contains(&shortlist.candidates[0].id), "{table}");
    assert!(table.contains("Relaxing one must-have would add"), "{table}");
}

#[test]
fn a_bad_fixture_line_names_the_line_and_leaves_the_index_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.jsonl");
    let bad = dir.path().join("bad.jsonl");
    let line = |id: &str| format!("{{\"id\":\"{id}\",\"municipality\":\"Arendal\"}}\n");
    std::fs::write(&good, line("K1") + &line("K2")).expect("write");
    std::fs::write(
        &bad,
        line("K3")
            + &line("K4")
            + "{\"id\":\"K5\",\"municipality\":\"Arendal\",\"extent_percent\":{\"min\":90,\"max\":50}}\n",
    )
    .expect("write");
    let built = jobbmatch(&["index", "--candidates", "good.jsonl", "--index", "idx"], dir.path());
    assert!(built.status.success(), "{}", text(&built.stderr));
    assert!(text(&built.stdout).contains("indexed 2 candidates"));

    let refused = jobbmatch(&["index", "--candidates", "bad.jsonl", "--index", "idx"], dir.path());
    assert!(!refused.status.success());
    let message = text(&refused.stderr);
    assert!(message.contains("bad.jsonl, line 3") && message.contains("extent_percent"), "{message}");

    let index = jobbmatch::index::CandidateIndex::open_or_create(&dir.path().join("idx"), crate::common::taxonomy())
        .expect("opens");
    assert_eq!(index.len(), 2, "nothing of the bad file was applied");
    assert!(index.candidate("K1").expect("lookup").is_some());
    assert!(index.candidate("K3").expect("lookup").is_none());
}

#[test]
fn a_bad_job_need_names_the_criterion() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("need.json"),
        r#"{"id":"n","criteria":[{"kind":"skill","value":"kasse"},{"kind":"hobby","value":"bil"}]}"#,
    )
    .expect("write");
    let refused = jobbmatch(&["shortlist", "--need", "need.json", "--index", "idx"], dir.path());
    assert!(!refused.status.success());
    let message = text(&refused.stderr);
    assert!(message.contains("criteria[1].kind") && message.contains("hobby"), "{message}");
    assert!(!dir.path().join("idx").exists(), "a bad need is refused before anything is built");
}

#[test]
fn draft_turns_the_answers_into_an_editable_need() {
    let dir = tempfile::tempdir().expect("temp dir");
    let need = crate::common::fixtures_dir().join("needs/bilverksted.json");
    let out = dir.path().join("drafted.json");
    let run =
        jobbmatch(&["draft", "--need", &need.display().to_string(), "--out", &out.display().to_string()], dir.path());
    assert!(run.status.success(), "{}", text(&run.stderr));
    let drafted =
        jobbmatch::model::JobNeed::from_json(&std::fs::read_to_string(&out).expect("written")).expect("valid need");
    assert!(drafted.criteria.iter().any(|c| c.value == "førerkort B"));
    assert_eq!(drafted.adaptable.extent_min_percent, Some(60));
    assert!(text(&run.stderr).contains("not placed"), "unplaced phrases are reported: {}", text(&run.stderr));
}

#[test]
fn audit_verify_finds_an_altered_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("audit.jsonl");
    let audit = jobbmatch::service::AuditLog::open(&log).expect("open");
    let caller = jobbmatch::service::Caller {
        ident: "R2001".into(),
        name: "Rita".into(),
        role: jobbmatch::service::Role::Advisor,
    };
    for id in ["K1", "K2", "K3"] {
        let entry = jobbmatch::service::audit::Entry::permit(&caller, jobbmatch::service::Action::ReadProfile);
        audit.record(&entry.candidate(id)).expect("recorded");
    }
    drop(audit);
    let log_arg = log.to_str().expect("utf-8 path");
    let intact = jobbmatch(&["audit", "verify", "--log", log_arg], dir.path());
    assert!(intact.status.success(), "{}", text(&intact.stdout));
    assert!(text(&intact.stdout).contains("3 lines, chain intact"), "{}", text(&intact.stdout));

    let altered = std::fs::read_to_string(&log).expect("read").replace("\"K2\"", "\"K7\"");
    std::fs::write(&log, altered).expect("write");
    let broken = jobbmatch(&["audit", "verify", "--log", log_arg], dir.path());
    assert!(!broken.status.success());
    assert!(text(&broken.stdout).contains("BROKEN at line 3"), "{}", text(&broken.stdout));
}
