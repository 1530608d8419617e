//! The write-ahead log: every acknowledged change, one line each, synced to disk before the
//! caller is told it succeeded.
//!
//! A line is the CRC-32 of its record in eight hex digits, a space, and the record as JSON, so a
//! line altered on disk (a flipped bit, a bad sector) is found, not replayed. Records are whole
//! snapshots (an upsert carries the full profile), so replaying one twice is harmless. A torn
//! last line — the process died mid-write, before the change was acknowledged — is cut off when
//! the log is opened; a bad line anywhere else is an error, never skipped. Lines written before
//! checksums (bare JSON) are still read.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
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

/// Where the log's bytes go: the file itself, or — in fault tests — one that fails on cue
/// (a failing `fsync`, a full disk).
pub(crate) trait LogFile: Send {
    fn write_bytes(&mut self, bytes: &[u8]) -> std::io::Result<()>;
    fn sync(&mut self) -> std::io::Result<()>;
    fn truncate_to(&mut self, len: u64) -> std::io::Result<()>;
}

impl LogFile for File {
    fn write_bytes(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.write_all(bytes)
    }

    fn sync(&mut self) -> std::io::Result<()> {
        self.sync_data()
    }

    fn truncate_to(&mut self, len: u64) -> std::io::Result<()> {
        self.set_len(len)
    }
}

/// An append-only, synced log file of records `R` (the store's [`Record`]s by default; other
/// durable state, such as the kandidatlister, keeps its own log of its own records).
pub struct Wal<R = Record> {
    path: PathBuf,
    file: Box<dyn LogFile>,
    /// Set when a failed write could not be cut off again: appending after it would bury a torn
    /// line mid-log, so the log takes nothing more until it is reopened (which cuts the tail).
    torn: bool,
    len: u64,
    /// The length of the line [`Wal::append`] wrote last, for [`Wal::undo_last`].
    last: Option<u64>,
    records: std::marker::PhantomData<fn(R)>,
}

/// `bytes` random bytes as hex, from the system's source.
pub fn random_hex(bytes: usize) -> std::io::Result<String> {
    let mut buffer = vec![0u8; bytes];
    getrandom::fill(&mut buffer).map_err(|error| std::io::Error::other(error.to_string()))?;
    Ok(buffer.iter().map(|byte| format!("{byte:02x}")).collect())
}

/// `record` as one log line: checksum, space, JSON, newline.
fn line_of<R: Serialize>(record: &R) -> Result<Vec<u8>, serde_json::Error> {
    let json = serde_json::to_vec(record)?;
    let mut line = format!("{:08x} ", crc32fast::hash(&json)).into_bytes();
    line.extend_from_slice(&json);
    line.push(b'\n');
    Ok(line)
}

/// The record a log line (without its newline) holds.
fn record_of<R: DeserializeOwned>(line: &str) -> Result<R, String> {
    let json = match line.split_once(' ') {
        Some((checksum, json)) if checksum.len() == 8 && checksum.bytes().all(|b| b.is_ascii_hexdigit()) => {
            let found = crc32fast::hash(json.as_bytes());
            if u32::from_str_radix(checksum, 16).ok() != Some(found) {
                return Err(format!("checksum {checksum} does not match its record ({found:08x})"));
            }
            json
        }
        // Written before lines carried checksums.
        _ => line,
    };
    serde_json::from_str(json).map_err(|error| error.to_string())
}

impl<R: Serialize + DeserializeOwned> Wal<R> {
    /// Opens (or creates) the log at `path` and returns it with the records it holds. A torn
    /// last line is cut off.
    pub fn open(path: &Path) -> Result<(Wal<R>, Vec<R>), WalError> {
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
            match record_of(line.trim_end_matches('\n')) {
                Ok(record) => {
                    records.push(record);
                    good_len += read as u64;
                }
                Err(detail) => {
                    return Err(WalError::Corrupt { path: path.display().to_string(), line: number, detail });
                }
            }
        }
        drop(reader);
        if good_len < file.metadata().map_err(io)?.len() {
            file.set_len(good_len).map_err(io)?;
            file.sync_all().map_err(io)?;
        }
        file.seek(SeekFrom::End(0)).map_err(io)?;
        let wal = Wal {
            path: path.to_path_buf(),
            file: Box::new(file),
            torn: false,
            len: good_len,
            last: None,
            records: std::marker::PhantomData,
        };
        Ok((wal, records))
    }

    /// Appends `record` and syncs it to disk. On failure the log is cut back to where it was, so
    /// a failed write leaves nothing behind.
    pub fn append(&mut self, record: &R) -> Result<(), WalError> {
        if self.torn {
            let detail = "an earlier failed write could not be cut off; restart to recover the log";
            return Err(self.error(std::io::Error::other(detail)));
        }
        let line = line_of(record).map_err(|error| self.error(std::io::Error::other(error)))?;
        let written = self.file.write_bytes(&line).and_then(|()| self.file.sync());
        if let Err(error) = written {
            // Not acknowledged: cut what reached the file, so the log holds whole records only.
            self.torn = self.file.truncate_to(self.len).is_err();
            return Err(self.error(error));
        }
        self.len += line.len() as u64;
        self.last = Some(line.len() as u64);
        Ok(())
    }

    /// Removes the record appended last (the change it logged could not be applied); nothing if
    /// it was already removed or the log emptied since.
    pub fn undo_last(&mut self) -> Result<(), WalError> {
        let Some(size) = self.last.take() else { return Ok(()) };
        self.len = self.len.saturating_sub(size);
        self.file.truncate_to(self.len).and_then(|()| self.file.sync()).map_err(|error| self.error(error))
    }

    /// Empties the log once everything in it is committed to the index.
    pub fn clear(&mut self) -> Result<(), WalError> {
        self.file.truncate_to(0).and_then(|()| self.file.sync()).map_err(|error| self.error(error))?;
        self.len = 0;
        self.last = None;
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

/// Writes `records` as a whole new log at `path` (replacing what was there) and syncs it once:
/// for rewriting a log and for generated data, where a sync per record would take minutes.
pub fn write_batch<R: Serialize>(path: &Path, records: &[R]) -> Result<(), WalError> {
    let io = |source| WalError::Io { path: path.display().to_string(), source };
    let mut out = std::io::BufWriter::new(File::create(path).map_err(io)?);
    for record in records {
        let line = line_of(record).map_err(|error| io(std::io::Error::other(error)))?;
        out.write_all(&line).map_err(io)?;
    }
    let file = out.into_inner().map_err(|error| io(error.into_error()))?;
    file.sync_all().map_err(io)
}

/// Replaces the log at `path` with `records` (an erasure, a compaction): written aside and
/// synced, renamed over the log, the directory synced — a crash leaves the old log or the new
/// one, never a mix. Returns the new log, open for appending.
pub fn replace<R: Serialize + DeserializeOwned>(path: &Path, records: &[R]) -> Result<Wal<R>, WalError> {
    let io = |source| WalError::Io { path: path.display().to_string(), source };
    let aside = path.with_extension("jsonl.rewriting");
    write_batch(&aside, records)?;
    std::fs::rename(&aside, path).map_err(io)?;
    if let Some(directory) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        File::open(directory).and_then(|d| d.sync_all()).map_err(io)?;
    }
    Ok(Wal::open(path)?.0)
}

#[cfg(test)]
impl<R> Wal<R> {
    /// Swaps the file the log writes to, for fault tests.
    pub(crate) fn replace_file(&mut self, file: Box<dyn LogFile>) {
        self.file = file;
    }
}

/// A log file that fails on cue: `fsync` failing, or the disk full after some bytes.
#[cfg(test)]
pub(crate) mod faults {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

    use super::LogFile;

    #[derive(Clone, Default)]
    pub(crate) struct Faults {
        pub fail_sync: Arc<AtomicBool>,
        /// Bytes that still fit on the disk; negative: no limit.
        pub space: Arc<AtomicI64>,
    }

    impl Faults {
        pub(crate) fn new() -> Faults {
            let faults = Faults::default();
            faults.space.store(-1, Ordering::SeqCst);
            faults
        }
    }

    pub(crate) struct FaultyFile {
        pub inner: std::fs::File,
        pub faults: Faults,
    }

    impl LogFile for FaultyFile {
        fn write_bytes(&mut self, bytes: &[u8]) -> std::io::Result<()> {
            let space = self.faults.space.load(Ordering::SeqCst);
            if space >= 0 && (bytes.len() as i64) > space {
                // A short write, then "No space left on device", as a full disk gives.
                let fits = usize::try_from(space).unwrap_or(0);
                std::io::Write::write_all(&mut self.inner, &bytes[..fits])?;
                self.faults.space.store(0, Ordering::SeqCst);
                return Err(std::io::Error::from_raw_os_error(28));
            }
            if space >= 0 {
                self.faults.space.fetch_sub(bytes.len() as i64, Ordering::SeqCst);
            }
            std::io::Write::write_all(&mut self.inner, bytes)
        }

        fn sync(&mut self) -> std::io::Result<()> {
            if self.faults.fail_sync.load(Ordering::SeqCst) {
                return Err(std::io::Error::from_raw_os_error(5)); // EIO, as a failing fsync reports
            }
            self.inner.sync_data()
        }

        fn truncate_to(&mut self, len: u64) -> std::io::Result<()> {
            self.inner.set_len(len)
        }
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
        let (mut wal, records) = Wal::<Record>::open(&path).expect("opens");
        assert!(records.is_empty());
        wal.append(&upsert(1, "K1")).expect("append");
        wal.append(&Record { seq: 2, change: Change::Delete { id: "K1".into() } }).expect("append");
        drop(wal);
        // The process dies halfway through writing a third record.
        let mut file = OpenOptions::new().append(true).open(&path).expect("open");
        file.write_all(br#"1234abcd {"seq":3,"op":"upsert","candid"#).expect("write");
        drop(file);
        let (wal, records) = Wal::<Record>::open(&path).expect("reopens");
        assert_eq!(records.iter().map(|r| r.seq).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(records[1].change, Change::Delete { id: "K1".into() });
        assert_eq!(std::fs::metadata(&path).expect("meta").len(), wal.len(), "the torn tail is gone");
    }

    #[test]
    fn an_altered_line_fails_its_checksum_and_old_lines_without_one_are_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("wal.jsonl");
        let (mut wal, _) = Wal::<Record>::open(&path).expect("opens");
        wal.append(&upsert(1, "K1")).expect("append");
        wal.append(&upsert(2, "K2")).expect("append");
        drop(wal);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.lines().all(|line| line.len() > 9 && line.as_bytes()[8] == b' '), "{text}");
        std::fs::write(&path, text.replacen("K1", "K7", 1)).expect("alter");
        let error = Wal::<Record>::open(&path).err().expect("an altered line is an error");
        assert!(matches!(&error, WalError::Corrupt { line: 1, detail, .. } if detail.contains("checksum")), "{error}");

        std::fs::write(&path, "{\"seq\":1,\"op\":\"delete\",\"id\":\"K1\"}\n").expect("write");
        assert_eq!(Wal::<Record>::open(&path).expect("a line without a checksum is read").1.len(), 1);
    }

    #[test]
    fn a_corrupt_record_in_the_middle_is_an_error_not_skipped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("wal.jsonl");
        std::fs::write(&path, "not json\n{\"seq\":2,\"op\":\"delete\",\"id\":\"K1\"}\n").expect("write");
        assert!(matches!(Wal::<Record>::open(&path), Err(WalError::Corrupt { line: 1, .. })));
    }

    #[test]
    fn undo_and_clear() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("wal.jsonl");
        let (mut wal, _) = Wal::<Record>::open(&path).expect("opens");
        wal.append(&upsert(1, "K1")).expect("append");
        wal.append(&upsert(2, "K2")).expect("append");
        wal.undo_last().expect("undo");
        wal.undo_last().expect("a second undo removes nothing");
        let (mut wal, records) = Wal::<Record>::open(&path).expect("reopens");
        assert_eq!(records.len(), 1);
        wal.clear().expect("clear");
        assert!(Wal::<Record>::open(&path).expect("reopens").1.is_empty());
    }

    fn faulty(path: &Path) -> (Box<dyn LogFile>, faults::Faults) {
        let faults = faults::Faults::new();
        let inner = OpenOptions::new().append(true).open(path).expect("open");
        (Box::new(faults::FaultyFile { inner, faults: faults.clone() }), faults)
    }

    #[test]
    fn a_failed_fsync_or_a_full_disk_acknowledges_nothing_and_leaves_whole_records() {
        use std::sync::atomic::Ordering;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("wal.jsonl");
        let (mut wal, _) = Wal::<Record>::open(&path).expect("opens");
        let (file, faults) = faulty(&path);
        wal.replace_file(file);
        wal.append(&upsert(1, "K1")).expect("acknowledged");

        faults.fail_sync.store(true, Ordering::SeqCst);
        let error = wal.append(&upsert(2, "K2")).expect_err("fsync failed: not acknowledged");
        assert!(error.to_string().contains("Input/output error"), "{error}");
        faults.fail_sync.store(false, Ordering::SeqCst);

        faults.space.store(40, Ordering::SeqCst); // the next record does not fit
        let error = wal.append(&upsert(3, "K3")).expect_err("disk full: not acknowledged");
        assert!(error.to_string().contains("No space left"), "{error}");
        assert_eq!(std::fs::metadata(&path).expect("meta").len(), wal.len(), "the short write was cut off");

        faults.space.store(-1, Ordering::SeqCst); // space freed
        wal.append(&upsert(4, "K4")).expect("acknowledged");
        drop(wal);
        let (_, records) = Wal::<Record>::open(&path).expect("reopens cleanly");
        assert_eq!(records.iter().map(|r| r.seq).collect::<Vec<_>>(), [1, 4], "exactly the acknowledged ones");
    }
}
