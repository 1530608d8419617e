//! A bounded load run against the real binary: while 1,100 clients open connections and say
//! nothing, and 600 send a sign-in form a byte every 5 seconds (each reconnecting a quarter of a
//! second after the server closes it), a probe asks `/health` five times a second. The server runs with a
//! file-descriptor limit of 1,024, as in the report that found the flaw.
//!
//! Prints the probe's latency (median, 90th percentile, worst) and how often the attackers were
//! turned away, and exits non-zero if any probe failed or took a second or more.
//! `JOBBMATCH_LOAD_SECONDS` sets how long the attack lasts (default 30).

use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const IDLE_CLIENTS: usize = 1_100;
const SLOW_CLIENTS: usize = 600;
const PROBE_EVERY: Duration = Duration::from_millis(200);
/// An attacker closed on comes back after this (a tight reconnect loop is a SYN flood, which is
/// the ingress's to stop).
const RECONNECT_AFTER: Duration = Duration::from_millis(250);
const PROBE_LIMIT: Duration = Duration::from_secs(1);

fn main() {
    // `cargo bench` passes `--bench`; a filter that names another bench skips this one.
    if std::env::args().skip(1).any(|arg| !arg.starts_with('-') && !"hostile_clients".contains(&arg)) {
        return;
    }
    let _ = rlimit::increase_nofile_limit(u64::MAX);
    let seconds = std::env::var("JOBBMATCH_LOAD_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(30);
    let (mut server, addr) = start_server();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a tokio runtime");
    let outcome = runtime.block_on(attack(addr, Duration::from_secs(seconds)));
    let _ = server.kill();
    let _ = server.wait();
    std::process::exit(i32::from(!outcome));
}

/// Starts `jobbmatch serve` on a free port with a 1,024 descriptor limit and a fresh index.
fn start_server() -> (Child, SocketAddr) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let index = std::env::temp_dir().join(format!("jobbmatch-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&index);
    let command = format!(
        "ulimit -n 1024 && exec '{}' serve --addr 127.0.0.1:0 --lexical-only --index '{}' --candidates '{}'",
        env!("CARGO_BIN_EXE_jobbmatch"),
        index.display(),
        root.join("fixtures/candidates.jsonl").display()
    );
    let mut child = Command::new("sh")
        .args(["-c", &command])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start jobbmatch serve");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(stdout));
    let addr = loop {
        let line = lines.next().expect("the server said where it listens").expect("a line");
        println!("server: {line}");
        if let Some(rest) = line.strip_prefix("jobbmatch listening on http://") {
            break rest.trim().parse().expect("a socket address");
        }
    };
    std::thread::spawn(move || lines.for_each(drop)); // keep the pipe drained
    (child, addr)
}

#[derive(Default)]
struct Pressure {
    idle_connects: AtomicUsize,
    slow_connects: AtomicUsize,
    refused: AtomicUsize,
}

async fn attack(addr: SocketAddr, duration: Duration) -> bool {
    let pressure = Arc::new(Pressure::default());
    let until = Instant::now() + duration;
    for _ in 0..IDLE_CLIENTS {
        tokio::spawn(idle_client(addr, until, pressure.clone()));
    }
    for _ in 0..SLOW_CLIENTS {
        tokio::spawn(slow_client(addr, until, pressure.clone()));
    }
    tokio::time::sleep(Duration::from_secs(2)).await; // let the attackers connect
    let mut latencies = Vec::new();
    let mut failures = Vec::new();
    while Instant::now() < until {
        let started = Instant::now();
        match tokio::time::timeout(Duration::from_secs(5), probe(addr)).await {
            Ok(Ok(())) => latencies.push(started.elapsed()),
            Ok(Err(error)) => failures.push(error.to_string()),
            Err(_) => failures.push("no answer within 5 s".into()),
        }
        tokio::time::sleep(PROBE_EVERY.saturating_sub(started.elapsed())).await;
    }
    latencies.sort();
    let at = |q: f64| latencies.get(((latencies.len() as f64 - 1.0) * q).round() as usize).copied();
    let ms = |d: Option<Duration>| d.map_or("-".into(), |d| format!("{:.1} ms", d.as_secs_f64() * 1000.0));
    println!(
        "/health under {IDLE_CLIENTS} idle and {SLOW_CLIENTS} slow clients for {} s: {} probes, median {}, p90 {}, worst {}; {} failed",
        duration.as_secs(),
        latencies.len(),
        ms(at(0.5)),
        ms(at(0.9)),
        ms(latencies.last().copied()),
        failures.len()
    );
    println!(
        "attackers: {} idle and {} slow connections made, {} turned away or closed on",
        pressure.idle_connects.load(Ordering::Relaxed),
        pressure.slow_connects.load(Ordering::Relaxed),
        pressure.refused.load(Ordering::Relaxed)
    );
    for failure in failures.iter().take(5) {
        println!("  failed probe: {failure}");
    }
    let slow = latencies.iter().filter(|d| **d >= PROBE_LIMIT).count();
    if slow > 0 || !failures.is_empty() || latencies.is_empty() {
        println!("FAIL: {slow} probes took {} or more, {} failed", PROBE_LIMIT.as_secs(), failures.len());
        return false;
    }
    println!("ok: every probe answered within {} s", PROBE_LIMIT.as_secs());
    true
}

async fn probe(addr: SocketAddr) -> std::io::Result<()> {
    let mut stream = TcpStream::connect(addr).await?;
    stream.write_all(b"GET /health HTTP/1.1\r\nHost: jobbmatch\r\nConnection: close\r\n\r\n").await?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await?;
    if answer.starts_with(b"HTTP/1.1 200") {
        Ok(())
    } else {
        let head = String::from_utf8_lossy(&answer[..answer.len().min(80)]).into_owned();
        Err(std::io::Error::other(format!("answer: {head:?}")))
    }
}

/// Connects and says nothing; reconnects when the server lets go.
async fn idle_client(addr: SocketAddr, until: Instant, pressure: Arc<Pressure>) {
    while Instant::now() < until {
        let Ok(mut stream) = TcpStream::connect(addr).await else {
            pressure.refused.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        pressure.idle_connects.fetch_add(1, Ordering::Relaxed);
        let mut byte = [0u8; 1];
        let _ = tokio::time::timeout_at(until.into(), stream.read(&mut byte)).await;
        pressure.refused.fetch_add(1, Ordering::Relaxed);
        tokio::time::sleep(RECONNECT_AFTER).await;
    }
}

/// Sends a sign-in form's head, then its body a byte every 5 seconds; reconnects when closed on.
async fn slow_client(addr: SocketAddr, until: Instant, pressure: Arc<Pressure>) {
    const HEAD: &[u8] = b"POST /logg-inn HTTP/1.1\r\nHost: jobbmatch\r\n\
        Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n";
    while Instant::now() < until {
        let Ok(mut stream) = TcpStream::connect(addr).await else {
            pressure.refused.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        pressure.slow_connects.fetch_add(1, Ordering::Relaxed);
        if stream.write_all(HEAD).await.is_ok() {
            let mut answer = [0u8; 64];
            loop {
                tokio::select! {
                    read = stream.read(&mut answer) => {
                        if matches!(read, Ok(0) | Err(_)) { break; }
                    }
                    () = tokio::time::sleep(Duration::from_secs(5)) => {
                        if stream.write_all(b"a").await.is_err() { break; }
                    }
                }
                if Instant::now() >= until {
                    return;
                }
            }
        }
        pressure.refused.fetch_add(1, Ordering::Relaxed);
        tokio::time::sleep(RECONNECT_AFTER).await;
    }
}
