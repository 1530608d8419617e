//! The write-ahead log: every acknowledged change, one JSON line each, synced to disk before the
//! caller is told it succeeded.
//!
//! Records are whole snapshots (an upsert carries the full profile), so replaying one twice is
//! harmless. A torn last line — the process died mid-write, before the change was acknowledged —
//! is cut off when the log is opened; a bad line anywhere else is an error, never skipped.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Candidate;

/// One logged change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Increases by one per change, across restarts.
    pub seq: u64,
    #[serde(flatten)]
    pub change: Change,
}

/// What changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Change {
    /// The candidate's profile is now exactly this.
    Upsert { candidate: Box<Candidate> },
    /// The candidate is erased.
    Delete { id: String },
}

impl Change {
    /// The candidate the change is about.
    pub fn id(&self) -> &str {
        match self {
            Change::Upsert { candidate } => &candidate.id,
            Change::Delete { id } => id,
        }
    }
}

/// Why the log could not be used.
#[derive(Debug, thiserror::Error)]
pub enum WalError {
    #[error("write-ahead log {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error(
        "write-ahead log {path}, line {line} is corrupt ({detail}); it holds acknowledged changes, so it is not skipped"
    )]
    Corrupt { path: String, line: usize, detail: String },
}

/// An append-only, synced log file.
pub struct Wal {
    path: PathBuf,
    file: File,
    len: u64,
}

impl Wal {
    /// Opens (or creates) the log at `path` and returns it with the records it holds. A torn
    /// last line is cut off.
    pub fn open(path: &Path) -> Result<(Wal, Vec<Record>), WalError> {
        let io = |source| WalError::Io { path: path.display().to_string(), source };
        let mut file = OpenOptions::new().create(true).read(true).append(true).open(path).map_err(io)?;
        let mut records = Vec::new();
        let mut good_len = 0u64;
        let mut reader = BufReader::new(&file);
        let mut line = String::new();
        let mut number = 0;
        loop {
            line.clear();
            let read = reader.read_line(&mut line).map_err(io)?;
            if read == 0 {
                break;
            }
            number += 1;
            if !line.ends_with('\n') {
                break; // a torn tail: the write never finished, so it was never acknowledged
            }
            match serde_json::from_str::<Record>(line.trim_end()) {
                Ok(record) => {
                    records.push(record);
                    good_len += read as u64;
                }
                Err(error) => {
                    return Err(WalError::Corrupt {
                        path: path.display().to_string(),
                        line: number,
                        detail: error.to_string(),
                    });
                }
            }
        }
        drop(reader);
        if good_len < file.metadata().map_err(io)?.len() {
            file.set_len(good_len).map_err(io)?;
            file.sync_all().map_err(io)?;
        }
        file.seek(SeekFrom::End(0)).map_err(io)?;
        Ok((Wal { path: path.to_path_buf(), file, len: good_len }, records))
    }

    /// Appends `record` and syncs it to disk. On failure the log is cut back to where it was, so
    /// a failed write leaves nothing behind.
    pub fn append(&mut self, record: &Record) -> Result<(), WalError> {
        let mut line = serde_json::to_vec(record).map_err(|error| self.error(std::io::Error::other(error)))?;
        line.push(b'\n');
        let written = self.file.write_all(&line).and_then(|()| self.file.sync_data());
        if let Err(error) = written {
            let _ = self.file.set_len(self.len);
            return Err(self.error(error));
        }
        self.len += line.len() as u64;
        Ok(())
    }

    /// Removes the last record appended (the change it logged could not be applied).
    pub fn undo_last(&mut self, record: &Record) -> Result<(), WalError> {
        let size = serde_json::to_vec(record).map_or(0, |bytes| bytes.len() as u64 + 1);
        self.len = self.len.saturating_sub(size);
        self.file.set_len(self.len).and_then(|()| self.file.sync_data()).map_err(|error| self.error(error))
    }

    /// Empties the log once everything in it is committed to the index.
    pub fn clear(&mut self) -> Result<(), WalError> {
        self.file.set_len(0).and_then(|()| self.file.sync_data()).map_err(|error| self.error(error))?;
        self.len = 0;
        Ok(())
    }

    /// Bytes in the log.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn error(&self, source: std::io::Error) -> WalError {
        WalError::Io { path: self.path.display().to_string(), source }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upsert(seq: u64, id: &str) -> Record {
        let candidate: Candidate =
            serde_json::from_str(&format!(r#"{{"id":"{id}","municipality":"Arendal"}}"#)).expect("valid");
        Record { seq, change: Change::Upsert { candidate: Box::new(candidate) } }
    }

    #[test]
    fn records_survive_reopening_and_a_torn_tail_is_cut() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("wal.jsonl");
        let (mut wal, records) = Wal::open(&path).expect("opens");
        assert!(records.is_empty());
        wal.append(&upsert(1, "K1")).expect("append");
        wal.append(&Record { seq: 2, change: Change::Delete { id: "K1".into() } }).expect("append");
        drop(wal);
        // The process dies halfway through writing a third record.
        let mut file = OpenOptions::new().append(true).open(&path).expect("open");
        file.write_all(br#"{"seq":3,"op":"upsert","candid"#).expect("write");
        drop(file);
        let (wal, records) = Wal::open(&path).expect("reopens");
        assert_eq!(records.iter().map(|r| r.seq).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(records[1].change, Change::Delete { id: "K1".into() });
        assert_eq!(std::fs::metadata(&path).expect("meta").len(), wal.len(), "the torn tail is gone");
    }

    #[test]
    fn a_corrupt_record_in_the_middle_is_an_error_not_skipped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("wal.jsonl");
        std::fs::write(&path, "not json\n{\"seq\":2,\"op\":\"delete\",\"id\":\"K1\"}\n").expect("write");
        assert!(matches!(Wal::open(&path), Err(WalError::Corrupt { line: 1, .. })));
    }

    #[test]
    fn undo_and_clear() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("wal.jsonl");
        let (mut wal, _) = Wal::open(&path).expect("opens");
        wal.append(&upsert(1, "K1")).expect("append");
        let second = upsert(2, "K2");
        wal.append(&second).expect("append");
        wal.undo_last(&second).expect("undo");
        let (mut wal, records) = Wal::open(&path).expect("reopens");
        assert_eq!(records.len(), 1);
        wal.clear().expect("clear");
        assert!(Wal::open(&path).expect("reopens").1.is_empty());
    }
}
