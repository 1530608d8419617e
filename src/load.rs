//! Reading candidate profiles from JSON Lines, all or nothing.
//!
//! One profile per line; blank lines are allowed. The whole file is parsed and validated before
//! anything is returned, so a bad line leaves the index untouched, and its error names the line.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

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

/// Reads every profile in the JSON Lines file at `path`.
pub fn read_candidates(path: &Path) -> Result<Vec<Candidate>, LoadError> {
    let io = |source| LoadError::Io { path: path.display().to_string(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    parse_candidates(std::io::BufReader::new(file), &path.display().to_string())
}

/// Parses profiles from JSON Lines; `origin` names the source in errors.
pub fn parse_candidates(reader: impl BufRead, origin: &str) -> Result<Vec<Candidate>, LoadError> {
    let mut candidates = Vec::new();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    for (index, line) in reader.lines().enumerate() {
        let number = index + 1;
        let fail = |detail: String| LoadError::Line { origin: origin.to_string(), line: number, detail };
        let line = line.map_err(|error| fail(format!("unreadable: {error}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let deserializer = &mut serde_json::Deserializer::from_str(&line);
        let candidate: Candidate = serde_path_to_error::deserialize(deserializer).map_err(|error| {
            let path = error.path().to_string();
            let detail = error.into_inner().to_string();
            fail(if path == "." { detail } else { format!("{path}: {detail}") })
        })?;
        candidate.validate().map_err(|error| fail(format!("candidate {}: {error}", candidate.id)))?;
        if let Some(earlier) = first_seen.insert(candidate.id.clone(), number) {
            return Err(fail(format!("duplicate id {} (first on line {earlier})", candidate.id)));
        }
        candidates.push(candidate);
    }
    Ok(candidates)
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
}
