//! Tag labels in the audit log as references, not text. A veileder's tag says something about a
//! person ("redd for høyder", "liker fiske"); the log must show that a tag was added or removed,
//! and which, without keeping what it said. A label is logged as a keyed hash: SHA-256 of a
//! random key held for that candidate and the label, so the same tag added and later removed
//! carries the same reference. Erasing the candidate forgets the key, after which no reference
//! in the log can be tied to any text — the log itself is never rewritten, and its chain holds.
//!
//! The keys are a JSON Lines file beside the log (`audit-keys.jsonl`): a new key is appended
//! and synced before the line that uses it; forgetting one rewrites the file without it.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Candidates' keys for label references.
pub struct LabelReferences {
    path: PathBuf,
    keys: Mutex<HashMap<String, String>>,
}

#[derive(Serialize, Deserialize)]
struct KeyLine {
    candidate: String,
    key: String,
}

impl LabelReferences {
    /// The keys in `path` (an absent file holds none).
    pub fn open(path: &Path) -> std::io::Result<LabelReferences> {
        let mut keys = HashMap::new();
        match File::open(path) {
            Ok(file) => {
                for (index, line) in BufReader::new(file).lines().enumerate() {
                    let line = line?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    let entry: KeyLine = serde_json::from_str(&line).map_err(|error| {
                        std::io::Error::other(format!("{} line {}: {error}", path.display(), index + 1))
                    })?;
                    keys.insert(entry.candidate, entry.key);
                }
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => return Err(error),
        }
        Ok(LabelReferences { path: path.to_path_buf(), keys: Mutex::new(keys) })
    }

    /// The reference for `label` on `candidate`'s profile (case does not matter, as for tags).
    pub fn reference(&self, candidate: &str, label: &str) -> std::io::Result<String> {
        let mut keys = self.lock();
        let key = match keys.get(candidate) {
            Some(key) => key.clone(),
            None => {
                let key = random_key()?;
                let mut line = serde_json::to_vec(&KeyLine { candidate: candidate.to_string(), key: key.clone() })
                    .map_err(std::io::Error::other)?;
                line.push(b'\n');
                let mut file = OpenOptions::new().create(true).append(true).open(&self.path)?;
                file.write_all(&line)?;
                file.sync_data()?;
                keys.insert(candidate.to_string(), key.clone());
                key
            }
        };
        let digest =
            Sha256::new().chain_update(key.as_bytes()).chain_update(label.to_lowercase().as_bytes()).finalize();
        Ok(format!("tag:{}", digest.iter().take(12).map(|byte| format!("{byte:02x}")).collect::<String>()))
    }

    /// Forgets `candidate`'s key, so the references already logged for them name nothing.
    pub fn forget(&self, candidate: &str) -> std::io::Result<()> {
        let mut keys = self.lock();
        if keys.remove(candidate).is_none() {
            return Ok(());
        }
        let temporary = self.path.with_extension("jsonl.rewriting");
        {
            let mut out = File::create(&temporary)?;
            for (candidate, key) in keys.iter() {
                let mut line = serde_json::to_vec(&KeyLine { candidate: candidate.clone(), key: key.clone() })
                    .map_err(std::io::Error::other)?;
                line.push(b'\n');
                out.write_all(&line)?;
            }
            out.sync_all()?;
        }
        std::fs::rename(&temporary, &self.path)?;
        if let Some(directory) = self.path.parent().filter(|p| !p.as_os_str().is_empty()) {
            File::open(directory)?.sync_all()?;
        }
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, String>> {
        self.keys.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn random_key() -> std::io::Result<String> {
    crate::store::wal::random_hex(32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_has_one_reference_per_candidate_until_the_candidate_is_forgotten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("audit-keys.jsonl");
        let references = LabelReferences::open(&path).expect("open");
        let first = references.reference("K1", "Liker fiske").expect("reference");
        assert_eq!(first, references.reference("K1", "liker fiske").expect("reference"), "case does not matter");
        assert_ne!(first, references.reference("K2", "liker fiske").expect("reference"), "keys differ per person");
        assert!(!first.contains("fiske"));

        let reopened = LabelReferences::open(&path).expect("reopen");
        assert_eq!(reopened.reference("K1", "liker fiske").expect("reference"), first, "keys are durable");

        reopened.forget("K1").expect("forget");
        let after = LabelReferences::open(&path).expect("reopen");
        assert_ne!(after.reference("K1", "liker fiske").expect("reference"), first, "the old key is gone for good");
        assert!(!std::fs::read_to_string(&path).expect("read").is_empty(), "K2's key is kept");
    }
}
