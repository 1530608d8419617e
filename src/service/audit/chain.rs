//! The audit log's hash chain and retention. Every line carries `prev`, the SHA-256 of the line
//! before it (64 zeros for the first), so `jobbmatch audit verify` finds a line that was altered,
//! removed or inserted. Retention drops lines older than a cutoff and starts the file with a
//! `retention` line saying so; its `prev` is the hash of the last line dropped, which the first
//! line kept still carries, so the kept lines are never rewritten.
//!
//! A chain without a secret proves order and completeness only against someone who cannot
//! rewrite the whole file: anchor the head that `verify` prints somewhere else (a ticket, a
//! second log) to detect that too.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

use sha2::{Digest, Sha256};
use time::OffsetDateTime;

/// `prev` of the very first line.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash the next line's `prev` must carry.
pub fn line_hash(line: &[u8]) -> String {
    Sha256::digest(line).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The hash of the file's last complete line, or [`GENESIS`] when it has none.
pub fn head(file: &mut File) -> std::io::Result<String> {
    let length = file.seek(SeekFrom::End(0))?;
    let mut window = 4096u64;
    loop {
        let start = length.saturating_sub(window);
        file.seek(SeekFrom::Start(start))?;
        let mut tail = Vec::new();
        Read::by_ref(file).take(length - start).read_to_end(&mut tail)?;
        let body = tail.strip_suffix(b"\n").unwrap_or(&tail);
        match body.iter().rposition(|&byte| byte == b'\n') {
            Some(newline) => return Ok(line_hash(&body[newline + 1..])),
            None if start == 0 => return Ok(if body.is_empty() { GENESIS.to_string() } else { line_hash(body) }),
            None => window *= 4,
        }
    }
}

/// A chain that holds: how many lines, and the hash of the last (to anchor elsewhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub lines: usize,
    /// Lines at the start written before the log was chained (no `prev`); the chain begins
    /// after them, from the hash of the last.
    pub unchained: usize,
    pub head: String,
}

/// Where and why a chain breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Broken {
    #[error("the audit log cannot be read: {0}")]
    Unreadable(String),
    #[error("line {line}: {reason}")]
    Line { line: usize, reason: String },
}

/// Checks every line's `prev` against the line before it.
pub fn verify(path: &Path) -> Result<Verified, Broken> {
    let file = File::open(path).map_err(|error| Broken::Unreadable(format!("{}: {error}", path.display())))?;
    let mut expected = GENESIS.to_string();
    // After a retention line, the next line chains to the last line dropped — or, when every
    // line was dropped, to the retention line itself.
    let mut or_expected: Option<String> = None;
    let mut lines = 0;
    let mut unchained = 0;
    for (index, line) in BufReader::new(file).split(b'\n').enumerate() {
        let number = index + 1;
        let line = line.map_err(|error| Broken::Unreadable(error.to_string()))?;
        let broken = |reason: String| Broken::Line { line: number, reason };
        let value: serde_json::Value =
            serde_json::from_slice(&line).map_err(|error| broken(format!("not a JSON line ({error})")))?;
        let Some(prev) = value.get("prev").and_then(|prev| prev.as_str()) else {
            if lines > unchained {
                return Err(broken("no `prev` hash".into()));
            }
            unchained += 1; // written before the chain began
            expected = line_hash(&line);
            lines += 1;
            continue;
        };
        if number == 1 && value.get("action").and_then(|a| a.as_str()) == Some("retention") {
            expected = prev.to_string();
            or_expected = Some(line_hash(&line));
            lines += 1;
            continue;
        }
        if prev != expected && or_expected.take().is_none_or(|alternative| prev != alternative) {
            return Err(broken(format!(
                "`prev` is {prev}, but the line before hashes to {expected}: this line or the one before \
                 was altered, or lines between them were removed"
            )));
        }
        expected = line_hash(&line);
        or_expected = None;
        lines += 1;
    }
    Ok(Verified { lines, unchained, head: expected })
}

/// Drops the lines written before `cutoff`, keeping the chain: the file is rewritten (to a
/// temporary file, synced, then renamed over it) starting with a `retention` line. Returns how
/// many lines were dropped.
pub fn prune(path: &Path, cutoff: OffsetDateTime) -> std::io::Result<usize> {
    let reader = BufReader::new(File::open(path)?);
    let mut kept: Vec<Vec<u8>> = Vec::new();
    let mut dropped = 0;
    let mut last_dropped = GENESIS.to_string();
    for line in reader.split(b'\n') {
        let line = line?;
        let at = serde_json::from_slice::<serde_json::Value>(&line)
            .ok()
            .and_then(|value| value.get("at").and_then(|at| at.as_str()).map(str::to_string))
            .and_then(|at| OffsetDateTime::parse(&at, &time::format_description::well_known::Rfc3339).ok());
        if kept.is_empty() && at.is_some_and(|at| at < cutoff) {
            dropped += 1;
            last_dropped = line_hash(&line);
        } else {
            kept.push(line);
        }
    }
    if dropped == 0 {
        return Ok(0);
    }
    let checkpoint = serde_json::json!({
        "at": OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
        "action": "retention",
        "dropped": dropped,
        "before": cutoff.format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
        "prev": last_dropped,
    });
    let temporary = path.with_extension("jsonl.pruning");
    {
        let mut out = File::create(&temporary)?;
        let mut first = serde_json::to_vec(&checkpoint).map_err(std::io::Error::other)?;
        first.push(b'\n');
        out.write_all(&first)?;
        for line in &kept {
            out.write_all(line)?;
            out.write_all(b"\n")?;
        }
        out.sync_all()?;
    }
    std::fs::rename(&temporary, path)?;
    if let Some(directory) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        File::open(directory)?.sync_all()?;
    }
    Ok(dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chained(lines: &[&str]) -> String {
        let mut previous = GENESIS.to_string();
        let mut text = String::new();
        for body in lines {
            let line = format!("{{{body},\"prev\":\"{previous}\"}}");
            previous = line_hash(line.as_bytes());
            text.push_str(&line);
            text.push('\n');
        }
        text
    }

    #[test]
    fn an_intact_chain_verifies_and_an_altered_or_removed_line_is_found() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("audit.jsonl");
        let text = chained(&["\"n\":1", "\"n\":2", "\"n\":3"]);
        std::fs::write(&path, &text).expect("write");
        let verified = verify(&path).expect("intact");
        assert_eq!(verified.lines, 3);
        assert_eq!(verified.head, head(&mut File::open(&path).expect("open")).expect("head"));

        std::fs::write(&path, text.replace("\"n\":2", "\"n\":9")).expect("write");
        assert!(matches!(verify(&path), Err(Broken::Line { line: 3, .. })), "{:?}", verify(&path));
        let without_second: Vec<&str> = text.lines().enumerate().filter(|(i, _)| *i != 1).map(|(_, l)| l).collect();
        std::fs::write(&path, without_second.join("\n") + "\n").expect("write");
        assert!(matches!(verify(&path), Err(Broken::Line { line: 2, .. })));
        std::fs::write(&path, text.lines().skip(1).collect::<Vec<_>>().join("\n") + "\n").expect("write");
        assert!(matches!(verify(&path), Err(Broken::Line { line: 1, .. })), "a removed first line is found");

        // Lines from before the chain began are counted as such; the chain starts after them.
        let legacy = "{\"n\":0}";
        let mut previous = line_hash(legacy.as_bytes());
        let mut text = format!("{legacy}\n");
        for n in 1..3 {
            let line = format!("{{\"n\":{n},\"prev\":\"{previous}\"}}");
            previous = line_hash(line.as_bytes());
            text.push_str(&line);
            text.push('\n');
        }
        std::fs::write(&path, &text).expect("write");
        let verified = verify(&path).expect("a chain after one legacy line");
        assert_eq!((verified.lines, verified.unchained), (3, 1));
        std::fs::write(&path, format!("{text}{legacy}\n")).expect("write");
        assert!(matches!(verify(&path), Err(Broken::Line { line: 4, .. })), "no unchained line after the chain began");
    }

    #[test]
    fn retention_drops_old_lines_and_keeps_the_chain() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("audit.jsonl");
        let text = chained(&[
            "\"at\":\"2020-01-01T00:00:00Z\"",
            "\"at\":\"2020-06-01T00:00:00Z\"",
            "\"at\":\"2026-01-01T00:00:00Z\"",
            "\"at\":\"2026-02-01T00:00:00Z\"",
        ]);
        std::fs::write(&path, &text).expect("write");
        let cutoff = OffsetDateTime::parse("2025-01-01T00:00:00Z", &time::format_description::well_known::Rfc3339)
            .expect("date");
        assert_eq!(prune(&path, cutoff).expect("pruned"), 2);
        let pruned = std::fs::read_to_string(&path).expect("read");
        assert!(!pruned.contains("2020-"), "{pruned}");
        assert!(pruned.lines().next().is_some_and(|first| first.contains("\"retention\"")), "{pruned}");
        assert_eq!(verify(&path).expect("still a chain").lines, 3);
        assert_eq!(prune(&path, cutoff).expect("nothing more"), 0);

        // Everything dropped: the next line written chains to the retention line.
        let everything = OffsetDateTime::now_utc() + time::Duration::days(1);
        assert_eq!(prune(&path, everything).expect("pruned"), 3, "the old retention line goes too");
        let log = crate::service::AuditLog::open(&path).expect("open");
        let caller =
            crate::service::Caller { ident: "R2001".into(), name: "Rita".into(), role: crate::service::Role::Advisor };
        log.record(&super::super::Entry::permit(&caller, super::super::Action::ReadProfile)).expect("recorded");
        assert_eq!(verify(&path).expect("a chain").lines, 2);
    }

    #[test]
    fn the_head_of_an_empty_log_is_genesis() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("audit.jsonl");
        std::fs::write(&path, "").expect("write");
        assert_eq!(head(&mut File::open(&path).expect("open")).expect("head"), GENESIS);
    }
}
