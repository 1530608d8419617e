//! `jobbmatch backup` and `jobbmatch restore`: a consistent copy of the index directory (the
//! index, the write-ahead log, the audit log and its keys, the tokens) while the service runs,
//! and bringing it back.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use jobbmatch::store::backup;
use jobbmatch::workspace::DEFAULT_INDEX;

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// A new or empty directory for the copy.
    #[arg(long)]
    to: PathBuf,
    /// The index directory to copy (the service may go on writing to it).
    #[arg(long, env = "JOBBMATCH_INDEX", default_value = DEFAULT_INDEX)]
    index: PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// A directory `jobbmatch backup` wrote.
    #[arg(long)]
    from: PathBuf,
    /// Where to restore it: a new or empty directory (stop the service first if it is the one
    /// the service uses).
    #[arg(long, env = "JOBBMATCH_INDEX", default_value = DEFAULT_INDEX)]
    index: PathBuf,
}

pub fn run_backup(args: BackupArgs) -> anyhow::Result<()> {
    let manifest = backup::backup(&args.index, &args.to)
        .with_context(|| format!("cannot back up {} to {}", args.index.display(), args.to.display()))?;
    let bytes: u64 = manifest.files.iter().map(|file| file.bytes).sum();
    println!(
        "backed up {} to {}: {} files, {:.1} MB, consistent as of one commit plus the changes logged since{}",
        args.index.display(),
        args.to.display(),
        manifest.files.len(),
        bytes as f64 / 1e6,
        if manifest.attempts > 1 {
            format!(" ({} attempts: commits happened meanwhile)", manifest.attempts)
        } else {
            String::new()
        }
    );
    Ok(())
}

pub fn run_restore(args: RestoreArgs) -> anyhow::Result<()> {
    let manifest = backup::restore(&args.from, &args.index)
        .with_context(|| format!("cannot restore {} to {}", args.from.display(), args.index.display()))?;
    println!(
        "restored {} files to {}; `jobbmatch serve --index {}` replays the logged changes on start",
        manifest.files.len(),
        args.index.display(),
        args.index.display()
    );
    Ok(())
}
