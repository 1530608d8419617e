//! `jobbmatch index`: (re)build the index from a JSON Lines file, all or nothing.

use std::time::Instant;

use anyhow::Context;
use clap::Args;
use jobbmatch::index::CandidateIndex;
use jobbmatch::load::read_candidates;

use super::DataArgs;

#[derive(Debug, Args)]
pub struct IndexArgs {
    #[command(flatten)]
    data: DataArgs,
}

pub fn run(args: IndexArgs) -> anyhow::Result<()> {
    let data = &args.data;
    let started = Instant::now();
    let taxonomy = data.knowledge().taxonomy().context("cannot load the vocabulary")?;
    // Parse and validate everything first: a bad line leaves the index as it was.
    let candidates = read_candidates(&data.candidates)?;
    let index = CandidateIndex::open_or_create(&data.index, taxonomy)
        .with_context(|| format!("cannot open the index at {}", data.index.display()))?;
    let bar = super::progress::bar(candidates.len() as u64, "indexing");
    index.replace_all(&candidates, &|done| bar.set_position(done as u64))?;
    bar.finish_and_clear();
    // The file replaces everything, including changes a server logged but had not committed.
    let wal = jobbmatch::store::wal_path(&data.index);
    if wal.exists() {
        let (_, records) = jobbmatch::store::wal::Wal::open(&wal)?;
        std::fs::remove_file(&wal).with_context(|| format!("cannot remove {}", wal.display()))?;
        if !records.is_empty() {
            eprintln!(
                "note: {} uncommitted change(s) in the write-ahead log were replaced by this build",
                records.len()
            );
        }
    }
    let visible = candidates.iter().filter(|c| c.visible).count();
    let tagged = candidates.iter().filter(|c| !c.tags.is_empty()).count();
    println!(
        "indexed {} candidates from {} into {} in {:.1} s ({} visible, {} with veileder tags)",
        index.len(),
        data.candidates.display(),
        data.index.display(),
        started.elapsed().as_secs_f64(),
        visible,
        tagged
    );
    Ok(())
}
