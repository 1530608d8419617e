//! `jobbmatch draft`: the employer's three answers → a job need to review and edit.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use jobbmatch::draft::draft_need;
use jobbmatch::model::JobNeed;

use super::DataArgs;

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// A job need (JSON) whose `answers` hold the employer's text; its criteria are ignored.
    #[arg(long)]
    need: PathBuf,
    /// Write the drafted need here (JSON, ready for `shortlist --need`); default: stdout.
    #[arg(long, short)]
    out: Option<PathBuf>,
    #[command(flatten)]
    data: DataArgs,
}

pub fn run(args: DraftArgs) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&args.need).with_context(|| format!("cannot read {}", args.need.display()))?;
    let need = JobNeed::from_json(&text).with_context(|| format!("{} is not a valid job need", args.need.display()))?;
    let taxonomy = args.data.knowledge()?.taxonomy().context("cannot load the vocabulary")?;
    let draft = draft_need(&need, &taxonomy, time::OffsetDateTime::now_utc().date());
    let json = serde_json::to_string_pretty(&draft.need)?;
    match &args.out {
        Some(path) => std::fs::write(path, json + "\n").with_context(|| format!("cannot write {}", path.display()))?,
        None => println!("{json}"),
    }
    eprintln!("drafted {} criteria from the three answers", draft.need.criteria.len());
    for phrase in &draft.unrecognised {
        eprintln!("  not placed ({:?}): «{}»", phrase.answer, phrase.text);
    }
    for refused in &draft.refused {
        eprintln!("  refused ({:?}): «{}» — {}", refused.answer, refused.text, refused.reason);
    }
    for note in &draft.notes {
        eprintln!("  note for the advisor: {note}");
    }
    if let Some(warning) = draft.warning() {
        eprintln!("warning: {warning}");
    }
    Ok(())
}
