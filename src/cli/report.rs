//! `jobbmatch report`: the time-to-match report from the kandidatlister, on the command line.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use jobbmatch::followup::report::{Summary, time_to_match};
use jobbmatch::followup::{FOLLOWUP_FILE, FollowUps};
use jobbmatch::workspace::DEFAULT_INDEX;
use time::OffsetDateTime;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Index directory (where the kandidatlister are kept).
    #[arg(long, env = "JOBBMATCH_INDEX", default_value = DEFAULT_INDEX)]
    index: PathBuf,
    /// The whole report as JSON.
    #[arg(long)]
    json: bool,
    /// What outcomes say about matching instead: presented, hired and set-aside candidates
    /// compared by the criteria they met and the evidence that met them (JSON).
    #[arg(long)]
    outcomes: bool,
}

pub fn run(args: ReportArgs) -> anyhow::Result<()> {
    let path = args.index.join(FOLLOWUP_FILE);
    let follow_ups =
        FollowUps::open(&path).with_context(|| format!("cannot read the kandidatlister in {}", path.display()))?;
    if args.outcomes {
        let report = follow_ups.read(jobbmatch::followup::outcomes::outcome_report);
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    let report = follow_ups.read(|ledger| time_to_match(ledger, None, None, OffsetDateTime::now_utc()));
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    println!("time to match ({} needs)", report.overall.needs);
    println!(
        "{:<22} {:>5} {:>11} {:>9} {:>11} {:>9} {:>7} {:>7}  funnel",
        "", "needs", "presented", "p90", "hired", "p90", "≤30 d", "≤90 d"
    );
    let row = |name: &str, s: &Summary| {
        let days = |d: Option<f64>| d.map_or("-".to_string(), |d| format!("{d:.1} d"));
        println!(
            "{name:<22} {:>5} {:>11} {:>9} {:>11} {:>9} {:>6.0}% {:>6.0}%  {} → {} → {} → {}",
            s.needs,
            days(s.median_days_to_presented),
            days(s.p90_days_to_presented),
            days(s.median_days_to_hired),
            days(s.p90_days_to_hired),
            s.presented_within_30_days * 100.0,
            s.presented_within_90_days * 100.0,
            s.shortlisted,
            s.contacted,
            s.presented,
            s.hired
        );
    };
    row("all", &report.overall);
    for (month, summary) in &report.by_month {
        row(&format!("month {month}"), summary);
    }
    for (kontor, summary) in &report.by_kontor {
        row(&format!("kontor {kontor}"), summary);
    }
    for (group, summary) in &report.by_industry {
        row(&format!("STYRK group {group}"), summary);
    }
    println!("(medians; p90 by nearest rank; funnel: shortlisted → contacted → presented → hired)");
    Ok(())
}
