//! Reading candidate profiles from JSON Lines, all or nothing.
//!
//! One profile per line; blank lines are allowed. The whole file is parsed and validated before
//! anything is returned, so a bad line leaves the index untouched, and its error names the line.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use crate::model::Candidate;

/// Why a file of profiles was refused.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{origin}, line {line}: {detail}")]
    Line { origin: String, line: usize, detail: String },
}

impl LoadError {
    /// The 1-based line at fault, if the error is about one line.
    pub fn line(&self) -> Option<usize> {
        match self {
            LoadError::Line { line, .. } => Some(*line),
            LoadError::Io { .. } => None,
        }
    }
}

/// Profiles per batch: enough to keep both cores busy parsing, small enough to stream.
pub const BATCH: usize = 10_000;

/// Reads every profile in the JSON Lines file at `path`.
pub fn read_candidates(path: &Path) -> Result<Vec<Candidate>, LoadError> {
    let mut candidates = Vec::new();
    for batch in open_batches(path)? {
        candidates.extend(batch?);
    }
    Ok(candidates)
}

/// Parses profiles from JSON Lines; `origin` names the source in errors.
pub fn parse_candidates(reader: impl BufRead, origin: &str) -> Result<Vec<Candidate>, LoadError> {
    let mut candidates = Vec::new();
    for batch in Batches::new(reader, origin) {
        candidates.extend(batch?);
    }
    Ok(candidates)
}

/// The profiles of the file at `path` in batches, for files too big to hold at once.
pub fn open_batches(path: &Path) -> Result<Batches<std::io::BufReader<std::fs::File>>, LoadError> {
    let file =
        std::fs::File::open(path).map_err(|source| LoadError::Io { path: path.display().to_string(), source })?;
    Ok(Batches::new(std::io::BufReader::new(file), &path.display().to_string()))
}

/// Validated profiles in file order, [`BATCH`] at a time, each batch parsed in parallel. The
/// first bad line ends the stream with its error; a caller that has not committed anything
/// yet (see [`crate::index::CandidateIndex::replace_all_from`]) then loses nothing.
pub struct Batches<R> {
    lines: std::io::Lines<R>,
    origin: String,
    line: usize,
    bytes: Arc<AtomicU64>,
    first_seen: HashMap<String, usize>,
    failed: bool,
}

impl<R: BufRead> Batches<R> {
    pub fn new(reader: R, origin: &str) -> Self {
        Batches {
            lines: reader.lines(),
            origin: origin.to_string(),
            line: 0,
            bytes: Arc::default(),
            first_seen: HashMap::new(),
            failed: false,
        }
    }

    /// How many bytes have been read so far, for progress bars; shared, so it can be watched
    /// while the batches are consumed elsewhere.
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        self.bytes.clone()
    }

    fn fail(&self, line: usize, detail: String) -> LoadError {
        LoadError::Line { origin: self.origin.clone(), line, detail }
    }
}

impl<R: BufRead> Iterator for Batches<R> {
    type Item = Result<Vec<Candidate>, LoadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let mut texts: Vec<(usize, String)> = Vec::with_capacity(BATCH);
        while texts.len() < BATCH {
            let Some(line) = self.lines.next() else { break };
            self.line += 1;
            let length = line.as_ref().map_or(0, |text| text.len() as u64 + 1);
            self.bytes.fetch_add(length, Ordering::Relaxed);
            match line {
                Ok(text) if text.trim().is_empty() => {}
                Ok(text) => texts.push((self.line, text)),
                Err(error) => {
                    self.failed = true;
                    return Some(Err(self.fail(self.line, format!("unreadable: {error}"))));
                }
            }
        }
        if texts.is_empty() {
            return None;
        }
        let parsed: Vec<Result<Candidate, String>> = texts.par_iter().map(|(_, text)| parse_line(text)).collect();
        let mut batch = Vec::with_capacity(parsed.len());
        for ((number, _), result) in texts.iter().zip(parsed) {
            let checked = result.and_then(|candidate| match self.first_seen.insert(candidate.id.clone(), *number) {
                Some(earlier) => Err(format!("duplicate id {} (first on line {earlier})", candidate.id)),
                None => Ok(candidate),
            });
            match checked {
                Ok(candidate) => batch.push(candidate),
                Err(detail) => {
                    self.failed = true;
                    return Some(Err(self.fail(*number, detail)));
                }
            }
        }
        Some(Ok(batch))
    }
}

/// One line as a validated profile, or what is wrong with it.
fn parse_line(text: &str) -> Result<Candidate, String> {
    // Tracking the path costs a third of parsing, so it is done only to explain a failure.
    let candidate: Candidate = match serde_json::from_str(text) {
        Ok(candidate) => candidate,
        Err(_) => {
            let deserializer = &mut serde_json::Deserializer::from_str(text);
            let error = serde_path_to_error::deserialize::<_, Candidate>(deserializer).err().map_or_else(
                || "unreadable".to_string(),
                |error| {
                    let path = error.path().to_string();
                    let detail = error.into_inner().to_string();
                    if path == "." { detail } else { format!("{path}: {detail}") }
                },
            );
            return Err(error);
        }
    };
    candidate.validate().map_err(|error| format!("candidate {}: {error}", candidate.id))?;
    Ok(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"id":"K1","municipality":"Arendal"}"#;

    fn parse(text: &str) -> Result<Vec<Candidate>, LoadError> {
        parse_candidates(text.as_bytes(), "test.jsonl")
    }

    #[test]
    fn good_lines_and_blank_lines() {
        let candidates = parse(&format!("{GOOD}\n\n{}\n", GOOD.replace("K1", "K2"))).expect("valid");
        assert_eq!(candidates.len(), 2);
    }

    #[test]
    fn a_bad_line_is_reported_with_its_number_and_reason() {
        let text = format!(
            "{GOOD}\n{}\n",
            r#"{"id":"K2","municipality":"Arendal","languages":[{"language":"norsk","level":"B7"}]}"#
        );
        let error = parse(&text).expect_err("B7 is not a level");
        assert_eq!(error.line(), Some(2));
        let message = error.to_string();
        assert!(message.starts_with("test.jsonl, line 2: languages[0].level"), "{message}");
        assert!(message.contains("B7"), "{message}");
    }

    #[test]
    fn broken_json_duplicates_and_invalid_values_are_refused() {
        assert_eq!(parse(&format!("{GOOD}\n{{\"id\":")).expect_err("truncated").line(), Some(2));
        let duplicate = parse(&format!("{GOOD}\n{GOOD}")).expect_err("duplicate");
        assert!(duplicate.to_string().contains("first on line 1"), "{duplicate}");
        let national_id = parse(r#"{"id":"12345678901","municipality":"Arendal"}"#).expect_err("fnr");
        assert_eq!(national_id.line(), Some(1));
    }

    #[test]
    fn errors_across_batches_keep_their_line_numbers_and_end_the_stream() {
        let mut text: String = (1..=BATCH + 5).map(|n| format!("{}\n", GOOD.replace("K1", &format!("K{n}")))).collect();
        text.push_str("\n{\"id\":\"K1\",\"municipality\":\"Arendal\"}\n");
        let mut batches = Batches::new(text.as_bytes(), "big.jsonl");
        assert_eq!(batches.next().map(|batch| batch.map(|b| b.len()).ok()), Some(Some(BATCH)));
        let error = batches.next().and_then(Result::err).expect("the duplicate is refused");
        assert_eq!(error.line(), Some(BATCH + 7), "{error}");
        assert!(error.to_string().contains("first on line 1"), "{error}");
        assert!(batches.next().is_none());
    }
}
