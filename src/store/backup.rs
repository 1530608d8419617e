//! A consistent copy of an index directory while the service goes on writing to it, and bringing
//! one back.
//!
//! The directory holds tantivy's segments (immutable once written) and `meta.json` (which names
//! the segments of the last commit), the write-ahead log (appended; emptied only *after* a
//! commit), the audit log and its label keys, and the tokens. A backup reads `meta.json`, copies
//! every file — the logs up to their last complete line — and reads `meta.json` again: if no
//! commit happened in between, the copy is the last commit plus every change logged since, which
//! is exactly what the service would replay after a crash. If one did, it starts again.
//!
//! A `MANIFEST.json`, written last, lists each file's size and SHA-256: a backup without one is
//! unfinished, and restore refuses a backup whose files do not match it. Restore builds the
//! directory beside its destination and renames it into place, so it is never half there.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Attempts before a backup gives up on a service that commits faster than it can copy.
const ATTEMPTS: usize = 20;
/// The manifest's file name.
pub const MANIFEST: &str = "MANIFEST.json";

/// Why a backup or restore failed; nothing was changed at the destination.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{0} holds no index (no meta.json)")]
    NoIndex(String),
    #[error("{0} is not empty; back up into (and restore to) an empty or new directory")]
    NotEmpty(String),
    #[error("the index changed during every one of {0} attempts; try again when it is quieter")]
    Busy(usize),
    #[error("{0} is not a finished backup (no {MANIFEST})")]
    Unfinished(String),
    #[error("the backup is damaged: {0}")]
    Damaged(String),
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Io { path: path.display().to_string(), source }
}

/// What a backup holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub files: Vec<ManifestFile>,
    /// How many times the copy was started (more than one: commits happened meanwhile).
    pub attempts: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    pub name: String,
    pub bytes: u64,
    pub sha256: String,
}

/// Copies the index directory `from` into `to` (new or empty), consistently while writes go on.
pub fn backup(from: &Path, to: &Path) -> Result<Manifest, BackupError> {
    ensure_empty(to)?;
    std::fs::create_dir_all(to).map_err(io(to))?;
    let meta_path = from.join("meta.json");
    for attempt in 1..=ATTEMPTS {
        let before = read_meta(&meta_path)?;
        clear(to)?;
        let copied = copy_all(from, to, &segments_of(&before));
        let after = read_meta(&meta_path)?;
        match copied {
            Ok(mut files) if before == after => {
                // The meta.json the copy is consistent with: the one read before it.
                std::fs::write(to.join("meta.json"), &before).map_err(io(to))?;
                files.retain(|file| file.name != "meta.json");
                files.push(describe(&to.join("meta.json"), "meta.json")?);
                files.sort_by(|a, b| a.name.cmp(&b.name));
                let manifest = Manifest { files, attempts: attempt };
                write_synced(&to.join(MANIFEST), &serde_json::to_vec_pretty(&manifest).unwrap_or_default())?;
                sync_dir(to)?;
                return Ok(manifest);
            }
            // A commit happened, or a segment it named was cleaned away mid-copy: again.
            Ok(_) | Err(Retry) => continue,
        }
    }
    Err(BackupError::Busy(ATTEMPTS))
}

/// Brings the backup in `from` back as the index directory `to` (new or empty): checks every
/// file against the manifest, builds the directory beside `to`, then renames it into place.
pub fn restore(from: &Path, to: &Path) -> Result<Manifest, BackupError> {
    let manifest_path = from.join(MANIFEST);
    let manifest: Manifest = match std::fs::read(&manifest_path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map_err(|error| BackupError::Damaged(format!("{}: {error}", manifest_path.display())))?,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(BackupError::Unfinished(from.display().to_string()));
        }
        Err(error) => return Err(io(&manifest_path)(error)),
    };
    ensure_empty(to)?;
    for file in &manifest.files {
        if file.name.contains(['/', '\\']) || file.name == "." || file.name == ".." {
            return Err(BackupError::Damaged(format!("a file named {:?}", file.name)));
        }
        let found = describe(&from.join(&file.name), &file.name)?;
        if &found != file {
            return Err(BackupError::Damaged(format!("{} does not match the manifest", file.name)));
        }
    }
    let parent = to.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let name = to.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "index".into());
    let staging = parent.join(format!(".{name}.restoring-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(io(&staging))?;
    for file in &manifest.files {
        let target = staging.join(&file.name);
        std::fs::copy(from.join(&file.name), &target).map_err(io(&target))?;
        File::open(&target).and_then(|f| f.sync_all()).map_err(io(&target))?;
    }
    sync_dir(&staging)?;
    if to.exists() {
        std::fs::remove_dir_all(to).map_err(io(to))?; // empty, checked above
    }
    std::fs::rename(&staging, to).map_err(io(to))?;
    sync_dir(parent)?;
    Ok(manifest)
}

/// A copy to start again.
struct Retry;

fn copy_all(from: &Path, to: &Path, segments: &[String]) -> Result<Vec<ManifestFile>, Retry> {
    let entries = std::fs::read_dir(from).map_err(|_| Retry)?;
    let mut files = Vec::new();
    for entry in entries {
        let Ok(entry) = entry else { return Err(Retry) };
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type().is_ok_and(|kind| kind.is_file()) || skipped(&name) {
            continue;
        }
        let needed = name == "meta.json" || segments.iter().any(|segment| name.starts_with(segment.as_str()));
        let source = entry.path();
        let target = to.join(&name);
        let copied = if is_log(&name) { copy_complete_lines(&source, &target) } else { copy_file(&source, &target) };
        match copied {
            Ok(()) => files.push(describe(&target, &name).map_err(|_| Retry)?),
            // An old segment cleaned away after a commit: not part of this copy.
            Err(error) if error.kind() == std::io::ErrorKind::NotFound && !needed => {}
            Err(_) => return Err(Retry),
        }
    }
    Ok(files)
}

/// Lock and temporary files, and an unfinished restore, are not part of a backup.
fn skipped(name: &str) -> bool {
    name.starts_with(".tantivy-")
        || name == ".gitkeep"
        || name == MANIFEST
        || name.ends_with(".pruning")
        || name.ends_with(".rewriting")
        || name.ends_with(".lock")
}

/// Append-only files another process may be writing to.
fn is_log(name: &str) -> bool {
    name.ends_with(".jsonl")
}

fn copy_file(source: &Path, target: &Path) -> std::io::Result<()> {
    std::fs::copy(source, target)?;
    File::open(target)?.sync_all()
}

/// Copies a log up to its last newline: a line being written is not yet acknowledged.
fn copy_complete_lines(source: &Path, target: &Path) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    File::open(source)?.read_to_end(&mut bytes)?;
    let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |newline| newline + 1);
    let mut out = File::create(target)?;
    out.write_all(&bytes[..complete])?;
    out.sync_all()
}

fn read_meta(path: &Path) -> Result<Vec<u8>, BackupError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(bytes),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            Err(BackupError::NoIndex(path.parent().unwrap_or(path).display().to_string()))
        }
        Err(error) => Err(io(path)(error)),
    }
}

/// The file-name prefixes of the segments `meta.json` names (ids without dashes).
fn segments_of(meta: &[u8]) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_slice(meta).unwrap_or_default();
    value["segments"]
        .as_array()
        .map(|segments| {
            segments.iter().filter_map(|segment| segment["segment_id"].as_str()).map(|id| id.replace('-', "")).collect()
        })
        .unwrap_or_default()
}

fn describe(path: &Path, name: &str) -> Result<ManifestFile, BackupError> {
    let mut file = File::open(path).map_err(io(path))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    let mut bytes = 0u64;
    loop {
        let read = file.read(&mut buffer).map_err(io(path))?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
        bytes += read as u64;
    }
    let sha256 = hasher.finalize().iter().map(|byte| format!("{byte:02x}")).collect();
    Ok(ManifestFile { name: name.to_string(), bytes, sha256 })
}

fn ensure_empty(dir: &Path) -> Result<(), BackupError> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            let occupied = entries.any(|entry| entry.is_ok_and(|e| e.file_name() != ".gitkeep"));
            if occupied { Err(BackupError::NotEmpty(dir.display().to_string())) } else { Ok(()) }
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(io(dir)(error)),
    }
}

fn clear(dir: &Path) -> Result<(), BackupError> {
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        std::fs::remove_file(&path).map_err(io(&path))?;
    }
    Ok(())
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), BackupError> {
    let mut file = File::create(path).map_err(io(path))?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(io(path))
}

fn sync_dir(dir: &Path) -> Result<(), BackupError> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))
}
