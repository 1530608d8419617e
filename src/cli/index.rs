//! `jobbmatch index`: (re)build the index from a JSON Lines file, all or nothing, streaming.

use std::sync::atomic::Ordering;
use std::time::Instant;

use anyhow::Context;
use clap::Args;
use jobbmatch::index::CandidateIndex;
use jobbmatch::load::open_batches;

use super::DataArgs;

#[derive(Debug, Args)]
pub struct IndexArgs {
    #[command(flatten)]
    data: DataArgs,
}

pub fn run(args: IndexArgs) -> anyhow::Result<()> {
    let data = &args.data;
    let started = Instant::now();
    let taxonomy = data.knowledge()?.taxonomy().context("cannot load the vocabulary")?;
    let index = CandidateIndex::open_or_create(&data.index, taxonomy)
        .with_context(|| format!("cannot open the index at {}", data.index.display()))?;
    // Profiles stream in batches; a bad line rolls the build back, leaving the index as it was.
    let size = std::fs::metadata(&data.candidates).map(|meta| meta.len()).unwrap_or(0);
    let bar = super::progress::byte_bar(size, "indexing");
    let batches = open_batches(&data.candidates)?;
    let read = batches.bytes_read();
    let (mut visible, mut tagged) = (0, 0);
    let counted = batches.map(|batch| {
        let batch = batch?;
        visible += batch.iter().filter(|c| c.visible).count();
        tagged += batch.iter().filter(|c| !c.tags.is_empty()).count();
        Ok::<_, anyhow::Error>(batch)
    });
    let added = index.replace_all_from(counted, &|_| bar.set_position(read.load(Ordering::Relaxed)))?;
    bar.finish_and_clear();
    // The file replaces everything, including changes a server logged but had not committed.
    let wal = jobbmatch::store::wal_path(&data.index);
    if wal.exists() {
        let (_, records) = jobbmatch::store::wal::Wal::<jobbmatch::store::wal::Record>::open(&wal)?;
        std::fs::remove_file(&wal).with_context(|| format!("cannot remove {}", wal.display()))?;
        if !records.is_empty() {
            eprintln!(
                "note: {} uncommitted change(s) in the write-ahead log were replaced by this build",
                records.len()
            );
        }
    }
    println!(
        "indexed {} candidates from {} into {} in {:.1} s ({} visible, {} with veileder tags)",
        added,
        data.candidates.display(),
        data.index.display(),
        started.elapsed().as_secs_f64(),
        visible,
        tagged
    );
    Ok(())
}
