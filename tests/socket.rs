//! The service over a real socket on 127.0.0.1, and the real binary killed mid-burst.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

use jobbmatch::app::connections::{ConnectionLimits, serve_with_limits};

use crate::common::{followed, profile, service};

/// One HTTP/1.1 request on a fresh connection; the status and the body as JSON (or a string).
fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: &str,
) -> std::io::Result<(u16, Value)> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let auth = token.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let status = response
        .get(9..12)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status line"))?;
    let body = response.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    Ok((status, serde_json::from_str(body).unwrap_or_else(|_| Value::String(body.to_string()))))
}

/// Runs the router on an ephemeral port in its own runtime thread, as `jobbmatch serve` does.
fn spawn_server(state: std::sync::Arc<jobbmatch::service::Service>) -> SocketAddr {
    spawn_limited(state, ConnectionLimits::default())
}

fn spawn_limited(state: std::sync::Arc<jobbmatch::service::Service>, limits: ConnectionLimits) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("address");
    listener.set_nonblocking(true).expect("nonblocking");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            let router = jobbmatch::app::router(state);
            let _ = serve_with_limits(listener, router, limits, std::future::pending()).await;
        });
    });
    addr
}

#[test]
fn a_connection_that_says_nothing_is_closed_after_the_header_timeout() {
    let service = service(&[followed("K1")]);
    let limits = ConnectionLimits { header_timeout: Duration::from_secs(1), ..ConnectionLimits::default() };
    let addr = spawn_limited(service.state.clone(), limits);
    let mut silent = TcpStream::connect(addr).expect("connect");
    silent.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
    let mut byte = [0u8; 1];
    let read = silent.read(&mut byte);
    assert!(matches!(read, Ok(0)), "the server closes a silent connection, got {read:?}");

    // So does an idle keep-alive connection after its last answer.
    let mut kept = TcpStream::connect(addr).expect("connect");
    kept.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
    kept.write_all(b"GET /health HTTP/1.1\r\nHost: t\r\n\r\n").expect("write");
    let mut answer = Vec::new();
    let read = kept.read_to_end(&mut answer);
    assert!(read.is_ok(), "closed, not timed out on our side: {read:?}");
    assert!(answer.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&answer));
}

#[test]
fn connections_beyond_the_per_client_cap_may_only_ask_for_health() {
    let service = service(&[followed("K1")]);
    let limits = ConnectionLimits { max_per_client: 1, ..ConnectionLimits::default() };
    let addr = spawn_limited(service.state.clone(), limits);
    let first = TcpStream::connect(addr).expect("connect");
    // The first connection is surely registered before the next are accepted.
    std::thread::sleep(Duration::from_millis(200));
    let (status, body) = request(addr, "GET", "/v1/vocabulary?prefix=kunde", Some("dev-radgiver"), "").expect("answer");
    assert_eq!((status, body["error"].as_str()), (503, Some("too_many_connections")), "{body}");
    let (status, body) = request(addr, "GET", "/health", None, "").expect("answer");
    assert_eq!(status, 200, "a probe always gets through: {body}");
    drop(first);
    std::thread::sleep(Duration::from_millis(200));
    let (status, body) = request(addr, "GET", "/v1/vocabulary?prefix=kunde", Some("dev-radgiver"), "").expect("answer");
    assert_eq!(status, 200, "{body}");
}

const FISHING_NEED: &str = r#"{"id":"fiske","criteria":[{"kind":"skill","value":"kundeservice","importance":"must"},
                                                    {"kind":"interest","value":"fiske","rank":1}]}"#;

#[test]
fn a_tag_lifts_a_candidate_in_the_next_shortlist_over_a_socket() {
    let service = service(&[profile("K1", json!({"skills": ["kundeservice"], "veileder": "V1007"})), followed("K2")]);
    let _committer = service.store.spawn_committer();
    let addr = spawn_server(service.state.clone());

    let (status, before) =
        request(addr, "POST", "/v1/shortlists", Some("dev-radgiver"), FISHING_NEED).expect("request");
    assert_eq!(status, 200, "{before}");
    assert_eq!(before["candidates"][0]["id"], "K1", "equal scores: ties by id");
    assert_eq!(request(addr, "POST", "/v1/shortlists", None, FISHING_NEED).expect("request").0, 401);
    assert_eq!(request(addr, "POST", "/v1/shortlists", Some("dev-veileder"), FISHING_NEED).expect("request").0, 403);

    let tag = r#"{"label":"går mye på fjelltur og fisker","kind":"interest"}"#;
    let (status, added) = request(addr, "POST", "/v1/candidates/K2/tags", Some("dev-veileder"), tag).expect("request");
    assert_eq!(status, 201, "{added}");
    assert_eq!(added["by"], "V1042");

    // Acknowledged changes reach shortlists within a second (the committer runs every 200 ms).
    std::thread::sleep(Duration::from_secs(1));
    let (_, after) = request(addr, "POST", "/v1/shortlists", Some("dev-radgiver"), FISHING_NEED).expect("request");
    assert_eq!(after["candidates"][0]["id"], "K2", "{after}");
    let interest = &after["candidates"][0]["criteria"][1];
    assert_eq!(interest["how"], "tag");
    assert_eq!(interest["evidence"]["tagged_by"], "V1042");
}

#[test]
fn shortlists_keep_working_while_writes_happen() {
    let candidates: Vec<_> = (0..40).map(|i| followed(&format!("K{i:02}"))).collect();
    let service = service(&candidates);
    let _committer = service.store.spawn_committer();
    let addr = spawn_server(service.state.clone());
    let writing = Arc::new(AtomicBool::new(true));
    let answered = Arc::new(AtomicUsize::new(0));
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let (writing, answered) = (writing.clone(), answered.clone());
            std::thread::spawn(move || {
                while writing.load(Ordering::Relaxed) {
                    let (status, body) =
                        request(addr, "POST", "/v1/shortlists", Some("dev-radgiver"), FISHING_NEED).expect("request");
                    assert_eq!(status, 200, "{body}");
                    assert_eq!(body["qualified"], 40);
                    answered.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for i in 0..40 {
        let tag = format!(r#"{{"label":"fisker på tur {i}","kind":"interest"}}"#);
        let (status, body) = request(addr, "POST", &format!("/v1/candidates/K{i:02}/tags"), Some("dev-veileder"), &tag)
            .expect("request");
        assert_eq!(status, 201, "{body}");
    }
    writing.store(false, Ordering::Relaxed);
    for reader in readers {
        reader.join().expect("reader thread");
    }
    assert!(answered.load(Ordering::Relaxed) > 0);
    service.store.commit().expect("commit");
    let index = service.store.index();
    let tagged = (0..40).filter(|i| {
        let candidate = index.candidate(&format!("K{i:02}")).expect("lookup").expect("present");
        candidate.tags.iter().any(|t| t.label == format!("fisker på tur {i}"))
    });
    assert_eq!(tagged.count(), 40, "every acknowledged tag is in the index");
}

/// The real binary, serving a copy of the fixtures from `dir`; returns it and its address.
fn start_binary(dir: &std::path::Path) -> (Child, SocketAddr) {
    let fixtures = crate::common::fixtures_dir();
    let mut child = Command::new(env!("CARGO_BIN_EXE_jobbmatch"))
        .args(["serve", "--addr", "127.0.0.1:0", "--index"])
        .arg(dir.join("index"))
        .arg("--candidates")
        .arg(fixtures.join("candidates.jsonl"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let addr = loop {
        let line = lines.next().expect("the server says where it listens").expect("readable stdout");
        if let Some(rest) = line.strip_prefix("jobbmatch listening on http://") {
            break rest.trim().parse().expect("an address");
        }
    };
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, addr)
}

/// SIGKILL trials in `cargo test`; CI runs 50 (`JOBBMATCH_SIGKILL_TRIALS`).
fn sigkill_trials() -> usize {
    std::env::var("JOBBMATCH_SIGKILL_TRIALS").ok().and_then(|n| n.parse().ok()).unwrap_or(3)
}

#[test]
fn acknowledged_tag_writes_survive_sigkill_and_nothing_is_half_applied() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut child, mut addr) = start_binary(dir.path());
    // Candidates the dev veileder (V1042) follows.
    let ids: Vec<String> = std::fs::read_to_string(crate::common::fixtures_dir().join("candidates.jsonl"))
        .expect("fixtures")
        .lines()
        .filter(|line| line.contains(r#""veileder":"V1042""#))
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter_map(|value| value["id"].as_str().map(str::to_string))
        .collect();
    assert!(ids.len() >= 10);

    // Over every trial: what was acknowledged, and what was sent at all.
    let acknowledged: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let sent: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let trials = sigkill_trials();
    for trial in 0..trials {
        let before = acknowledged.lock().expect("lock").len();
        let writers: Vec<_> = (0..4)
            .map(|writer| {
                let (ids, acknowledged, sent) = (ids.clone(), acknowledged.clone(), sent.clone());
                std::thread::spawn(move || {
                    for n in 0..10_000 {
                        let id = &ids[(writer * 7 + n + trial * 3) % ids.len()];
                        let label = format!("burst {trial}-{writer}-{n}");
                        sent.lock().expect("lock").push((id.clone(), label.clone()));
                        let body = format!(r#"{{"label":"{label}","kind":"informal_skill"}}"#);
                        let path = format!("/v1/candidates/{id}/tags");
                        match request(addr, "POST", &path, Some("dev-veileder"), &body) {
                            Ok((201, _)) => acknowledged.lock().expect("lock").push((id.clone(), label)),
                            Ok((status, body)) => panic!("unexpected {status}: {body}"),
                            Err(_) => return, // the server is gone
                        }
                    }
                })
            })
            .collect();
        // Kill it mid-burst, without warning, at a different point each trial.
        let kill_after = before + 20 + (trial * 37) % 80;
        while acknowledged.lock().expect("lock").len() < kill_after {
            std::thread::sleep(Duration::from_millis(2));
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        for writer in writers {
            writer.join().expect("writer thread");
        }
        (child, addr) = start_binary(dir.path());
        check_after_crash(addr, &ids, &acknowledged.lock().expect("lock"), &sent.lock().expect("lock"), trial);
    }
    child.kill().expect("stop");
    child.wait().expect("reaped");
    println!("{trials} SIGKILL trials, {} acknowledged writes, none lost", acknowledged.lock().expect("lock").len());
}

/// Every acknowledged tag is present and whole, nothing unsent appears, nothing twice, and at
/// most the writes in flight at each kill were applied without being acknowledged.
fn check_after_crash(
    addr: SocketAddr,
    ids: &[String],
    acknowledged: &[(String, String)],
    sent: &[(String, String)],
    trial: usize,
) {
    let mut present = Vec::new();
    for id in ids {
        let (status, profile) =
            request(addr, "GET", &format!("/v1/candidates/{id}"), Some("dev-veileder"), "").expect("request");
        assert_eq!(status, 200, "{profile}");
        let candidate: jobbmatch::model::Candidate = serde_json::from_value(profile).expect("a whole, valid profile");
        for tag in candidate.tags.iter().filter(|t| t.label.starts_with("burst ")) {
            assert_eq!(
                (tag.by.as_str(), tag.kind),
                ("V1042", jobbmatch::model::TagKind::InformalSkill),
                "tags are whole"
            );
            present.push((id.clone(), tag.label.clone()));
        }
    }
    let sent: std::collections::HashSet<_> = sent.iter().collect();
    let present_set: std::collections::HashSet<_> = present.iter().collect();
    for write in acknowledged {
        assert!(present_set.contains(write), "trial {trial}: acknowledged {write:?} is present after the crash");
    }
    for write in &present {
        assert!(sent.contains(write), "{write:?} was sent");
    }
    assert_eq!(present_set.len(), present.len(), "no write applied twice");
    assert!(
        present.len() <= acknowledged.len() + 4 * (trial + 1),
        "at most the writes in flight when killed were applied unacknowledged"
    );
}

#[test]
fn acknowledged_status_changes_survive_sigkill() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut child, addr) = start_binary(dir.path());
    let need = json!({"need": {"id": "lager", "title": "Lager"}, "employer": "Lager AS", "kontor": "NAV Test",
                      "positions": 2});
    let (status, body) = request(addr, "POST", "/v1/needs", Some("dev-radgiver"), &need.to_string()).expect("save");
    assert_eq!(status, 201, "{body}");
    let (_, shortlist) =
        request(addr, "POST", "/v1/shortlists", Some("dev-radgiver"), r#"{"id":"lager","top":8}"#).expect("shortlist");
    let ids: Vec<String> = shortlist["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .filter_map(|c| c["id"].as_str().map(str::to_string))
        .collect();
    assert_eq!(ids.len(), 8);
    for id in &ids {
        let body = json!({"candidate": id}).to_string();
        assert_eq!(
            request(addr, "POST", "/v1/needs/lager/candidates", Some("dev-radgiver"), &body).expect("add").0,
            201
        );
    }

    // Four writers, two candidates each, cycling through statuses until the server dies.
    const CYCLE: [&str; 3] = ["kontaktet", "aktuell", "til_intervju"];
    let acknowledged: Arc<Mutex<Vec<Vec<&'static str>>>> = Arc::new(Mutex::new(vec![Vec::new(); ids.len()]));
    let total = Arc::new(AtomicUsize::new(0));
    let writers: Vec<_> = (0..4)
        .map(|writer| {
            let (ids, acknowledged, total) = (ids.clone(), acknowledged.clone(), total.clone());
            std::thread::spawn(move || {
                for n in 0..100_000 {
                    let slot = writer * 2 + n % 2;
                    let status = CYCLE[(n / 2) % CYCLE.len()];
                    let body = json!({"status": status}).to_string();
                    let path = format!("/v1/needs/lager/candidates/{}", ids[slot]);
                    match request(addr, "POST", &path, Some("dev-radgiver"), &body) {
                        Ok((200, _)) => {
                            acknowledged.lock().expect("lock")[slot].push(status);
                            total.fetch_add(1, Ordering::SeqCst);
                        }
                        Ok((status, body)) => panic!("unexpected {status}: {body}"),
                        Err(_) => return,
                    }
                }
            })
        })
        .collect();
    while total.load(Ordering::SeqCst) < 150 {
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    for writer in writers {
        writer.join().expect("writer");
    }
    let (mut child, addr) = start_binary(dir.path());
    let (status, view) = request(addr, "GET", "/v1/needs/lager", Some("dev-radgiver"), "").expect("read");
    assert_eq!(status, 200, "{view}");
    let acknowledged = acknowledged.lock().expect("lock").clone();
    for (slot, id) in ids.iter().enumerate() {
        let entry =
            view["candidates"].as_array().and_then(|c| c.iter().find(|e| e["candidate"] == id.as_str())).expect("kept");
        let kept: Vec<&str> = entry["history"]
            .as_array()
            .expect("history")
            .iter()
            .filter_map(|change| change["what"].as_str()?.strip_prefix("status:"))
            .collect();
        let acked = &acknowledged[slot];
        assert!(
            kept.len() >= acked.len() && kept[..acked.len()] == acked[..],
            "{id}: every acknowledged change kept, in order"
        );
        assert!(kept.len() <= acked.len() + 1, "{id}: at most the change in flight was applied unacknowledged");
    }
    child.kill().expect("stop");
    child.wait().expect("reaped");
}
