//! `jobbmatch generate`: synthetic profiles for fixtures and benchmarks.

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use jobbmatch::generate::{DEFAULT_SEED, write_jsonl};

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many profiles.
    #[arg(long, default_value_t = 2000)]
    count: u64,
    /// Seed; the same seed gives the same profiles everywhere.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Output file (JSON Lines).
    #[arg(long, short)]
    out: PathBuf,
}

pub fn run(args: GenerateArgs) -> anyhow::Result<()> {
    let file = File::create(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let bar = super::progress::bar(args.count, "generating");
    write_jsonl(args.seed, args.count, &mut out, &|done| bar.set_position(done))
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    bar.finish_and_clear();
    eprintln!("wrote {} synthetic profiles (seed {}) to {}", args.count, args.seed, args.out.display());
    Ok(())
}
