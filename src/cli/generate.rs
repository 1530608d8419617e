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
    /// Instead of profiles, write this many saved needs with kandidatlister and two years of
    /// history (the INDEX/kandidatlister.jsonl format), for demos and benchmarks.
    #[arg(long)]
    kandidatlister: Option<usize>,
    /// Candidates on each generated list.
    #[arg(long, default_value_t = 30)]
    per_list: usize,
}

pub fn run(args: GenerateArgs) -> anyhow::Result<()> {
    if let Some(needs) = args.kandidatlister {
        let now = time::OffsetDateTime::now_utc();
        let events = jobbmatch::generate::lists::follow_up_events(args.seed, needs, args.per_list, now);
        jobbmatch::followup::FollowUps::write_new(&args.out, &events)
            .with_context(|| format!("cannot write {}", args.out.display()))?;
        eprintln!(
            "wrote {needs} saved needs of {} candidates, {} events (seed {}) to {}",
            args.per_list,
            events.len(),
            args.seed,
            args.out.display()
        );
        return Ok(());
    }
    let file = File::create(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let bar = super::progress::bar(args.count, "generating");
    write_jsonl(args.seed, args.count, &mut out, &|done| bar.set_position(done))
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    bar.finish_and_clear();
    eprintln!("wrote {} synthetic profiles (seed {}) to {}", args.count, args.seed, args.out.display());
    Ok(())
}
