//! The embedding cache on disk: phrase → embedding, so that reopening an index embeds only the
//! phrases it has never seen.
//!
//! One file: a header line naming the model and the length of an embedding, then records of
//! `byte length (u32) · CRC-32 · phrase · dim × f32`, little-endian, appended as phrases are
//! learned. It is a cache: a torn or corrupt tail (a crash mid-append) is cut off and those
//! phrases are embedded again; a file for another model is started afresh.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::SemanticError;

const MAGIC: &str = "jobbmatch semantic cache 1";

/// Phrase → embedding.
type Stored = HashMap<String, Vec<f32>>;

pub struct DiskCache {
    path: PathBuf,
    header: String,
    dim: usize,
    /// What the file held when opened, until the index has learned it (see [`DiskCache::rewrite`]).
    stored: Stored,
    file: File,
}

impl DiskCache {
    /// Opens (or starts) the cache at `path` for the model `identity`.
    pub fn open(path: &Path, identity: &str, dim: usize) -> Result<DiskCache, SemanticError> {
        let error = |detail: String| SemanticError::Cache { path: path.display().to_string(), detail };
        let header = format!("{MAGIC}\t{identity}\t{dim}\n");
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| error(e.to_string()))?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|e| error(e.to_string()))?;
        let (stored, good_until) = read_records(&mut file, &header, dim).map_err(|e| error(e.to_string()))?;
        let good_until = match good_until {
            Some(offset) => offset,
            None => {
                // Empty, or another model's: start afresh.
                file.set_len(0).map_err(|e| error(e.to_string()))?;
                file.seek(SeekFrom::Start(0)).map_err(|e| error(e.to_string()))?;
                file.write_all(header.as_bytes()).map_err(|e| error(e.to_string()))?;
                header.len() as u64
            }
        };
        file.set_len(good_until).map_err(|e| error(e.to_string()))?;
        file.seek(SeekFrom::End(0)).map_err(|e| error(e.to_string()))?;
        Ok(DiskCache { path: path.to_path_buf(), header, dim, stored, file })
    }

    /// The stored embedding of `phrase`.
    pub fn get(&self, phrase: &str) -> Option<&[f32]> {
        self.stored.get(phrase).map(Vec::as_slice)
    }

    /// Appends embeddings just made.
    pub fn append<'a>(&mut self, entries: impl Iterator<Item = (&'a str, &'a [f32])>) -> Result<(), SemanticError> {
        let mut writer = BufWriter::new(&mut self.file);
        for (phrase, vector) in entries {
            write_record(&mut writer, phrase, vector).map_err(|e| cache_error(&self.path, e))?;
        }
        writer.flush().map_err(|e| cache_error(&self.path, e))
    }

    /// Replaces the file by exactly `entries` (written aside, then renamed over it), and forgets
    /// what it held: from now on the phrase table is the source.
    pub fn rewrite<'a>(&mut self, entries: impl Iterator<Item = (&'a str, &'a [f32])>) -> Result<(), SemanticError> {
        // Unique, so two processes compacting one cache never take each other's file.
        let aside = self.path.with_extension(format!("new-{}-{:p}", std::process::id(), self));
        let write = || -> std::io::Result<File> {
            let mut writer = BufWriter::new(File::create(&aside)?);
            writer.write_all(self.header.as_bytes())?;
            for (phrase, vector) in entries {
                write_record(&mut writer, phrase, vector)?;
            }
            let file = writer.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
            std::fs::rename(&aside, &self.path)?;
            let mut file = OpenOptions::new().read(true).write(true).open(&self.path)?;
            file.seek(SeekFrom::End(0))?;
            Ok(file)
        };
        self.file = write().map_err(|e| cache_error(&self.path, e))?;
        self.stored = HashMap::new();
        debug_assert!(self.dim > 0);
        Ok(())
    }
}

fn cache_error(path: &Path, error: std::io::Error) -> SemanticError {
    SemanticError::Cache { path: path.display().to_string(), detail: error.to_string() }
}

fn write_record(writer: &mut impl Write, phrase: &str, vector: &[f32]) -> std::io::Result<()> {
    let mut record = Vec::with_capacity(phrase.len() + vector.len() * 4);
    record.extend_from_slice(phrase.as_bytes());
    for value in vector {
        record.extend_from_slice(&value.to_le_bytes());
    }
    writer.write_all(&(phrase.len() as u32).to_le_bytes())?;
    writer.write_all(&crc32fast::hash(&record).to_le_bytes())?;
    writer.write_all(&record)
}

/// The records of a file with `header`, and the offset after the last good one; `None` when the
/// file is empty or for another model.
fn read_records(file: &mut File, header: &str, dim: usize) -> std::io::Result<(Stored, Option<u64>)> {
    let mut reader = BufReader::new(file);
    let mut found = vec![0u8; header.len()];
    if reader.read_exact(&mut found).is_err() || found != header.as_bytes() {
        return Ok((HashMap::new(), None));
    }
    let mut stored = HashMap::new();
    let mut offset = header.len() as u64;
    let mut head = [0u8; 8];
    while reader.read_exact(&mut head).is_ok() {
        let length = u32::from_le_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let checksum = u32::from_le_bytes([head[4], head[5], head[6], head[7]]);
        if length > 4096 {
            break;
        }
        let mut record = vec![0u8; length + dim * 4];
        if reader.read_exact(&mut record).is_err() || crc32fast::hash(&record) != checksum {
            break;
        }
        let Ok(phrase) = std::str::from_utf8(&record[..length]) else { break };
        let vector = record[length..].chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
        stored.insert(phrase.to_string(), vector);
        offset += 8 + record.len() as u64;
    }
    Ok((stored, Some(offset)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_survive_a_reopen_and_a_torn_tail_is_cut_off() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("c");
        let mut cache = DiskCache::open(&path, "m", 2).expect("open");
        cache.append([("hund", &[0.5f32, 0.25][..]), ("katt", &[1.0, 0.0][..])].into_iter()).expect("append");
        drop(cache);
        let length = std::fs::metadata(&path).expect("meta").len();
        // A crash mid-append leaves half a record.
        let mut file = OpenOptions::new().append(true).open(&path).expect("open");
        file.write_all(&[9, 0, 0, 0, 1, 2]).expect("write");
        drop(file);

        let mut cache = DiskCache::open(&path, "m", 2).expect("reopen");
        assert_eq!(cache.get("hund"), Some(&[0.5f32, 0.25][..]));
        assert_eq!(cache.get("katt"), Some(&[1.0f32, 0.0][..]));
        assert_eq!(std::fs::metadata(&path).expect("meta").len(), length, "the torn tail is cut off");
        cache.append([("ku", &[0.0f32, 1.0][..])].into_iter()).expect("append");
        drop(cache);
        assert_eq!(DiskCache::open(&path, "m", 2).expect("reopen").get("ku"), Some(&[0.0f32, 1.0][..]));

        let other_model = DiskCache::open(&path, "another model", 2).expect("reopen");
        assert_eq!(other_model.get("hund"), None, "another model's embeddings are never read");
    }

    #[test]
    fn a_rewrite_keeps_only_what_it_is_given() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("c");
        let mut cache = DiskCache::open(&path, "m", 1).expect("open");
        cache.append([("erased", &[1.0f32][..]), ("kept", &[2.0][..])].into_iter()).expect("append");
        cache.rewrite([("kept", &[2.0f32][..])].into_iter()).expect("rewrite");
        cache.append([("new", &[3.0f32][..])].into_iter()).expect("append");
        drop(cache);
        let cache = DiskCache::open(&path, "m", 1).expect("reopen");
        assert_eq!(cache.get("erased"), None);
        assert_eq!(cache.get("kept"), Some(&[2.0f32][..]));
        assert_eq!(cache.get("new"), Some(&[3.0f32][..]));
    }
}
