//! `jobbmatch open-needs`: the veileder's reverse view on the command line — the open job needs
//! one candidate fits, nearly fits, and what would open more; or a whole caseload. Run by an
//! operator over the data directly, like `shortlist` (the service's API and pages are the
//! audited doors).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use jobbmatch::followup::{FOLLOWUP_FILE, FollowUps};
use jobbmatch::matching::reverse::{OpenPlans, standings};
use jobbmatch::service::reverse::{candidate_needs, caseload_of, open_needs};
use jobbmatch::service::{CandidateNeeds, Caseload, OpenNeed};
use jobbmatch::workspace::{DEFAULT_CANDIDATES, DEFAULT_INDEX, open_index};

use super::DataArgs;

#[derive(Debug, Args)]
#[group(id = "who", required = true, multiple = false, args = ["candidate", "veileder"])]
pub struct OpenNeedsArgs {
    /// One candidate: the open needs they fit and nearly fit, and what would open more.
    #[arg(long)]
    candidate: Option<String>,
    /// A veileder's whole caseload (by NAV ident): each candidate's best needs.
    #[arg(long)]
    veileder: Option<String>,
    /// Saved needs and kandidatlister. Default: INDEX/kandidatlister.jsonl.
    #[arg(long)]
    kandidatlister: Option<PathBuf>,
    /// Print JSON for programs instead of text for people.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    data: DataArgs,
}

pub fn run(args: OpenNeedsArgs) -> anyhow::Result<()> {
    let data = &args.data;
    let taxonomy = data.knowledge()?.taxonomy().context("cannot load the vocabulary")?;
    let is_default = data.index.as_os_str() == DEFAULT_INDEX && data.candidates.as_os_str() == DEFAULT_CANDIDATES;
    let (index, _) = open_index(&data.index, &data.candidates, taxonomy, is_default, &|_, _| {})
        .with_context(|| format!("cannot open the index at {}", data.index.display()))?;
    data.attach_semantic(&index)?;
    let lists = args.kandidatlister.clone().unwrap_or_else(|| data.index.join(FOLLOWUP_FILE));
    let follow_ups =
        FollowUps::open(&lists).with_context(|| format!("cannot read the kandidatlister in {}", lists.display()))?;
    let open = follow_ups.read(open_needs);
    let needs: Vec<_> = open.iter().map(|(o, need)| (o.need.clone(), need.clone())).collect();
    let plans = OpenPlans::default().plans(&needs, &index)?;
    let open: HashMap<String, OpenNeed> = open.into_iter().map(|(o, _)| (o.need.clone(), o)).collect();

    if let Some(id) = &args.candidate {
        let profile = index.candidate(id)?.with_context(|| format!("no candidate {id} in the index"))?;
        let standing = standings(&index, &plans, &[profile])?.pop().unwrap_or_default();
        let found = candidate_needs(&open, standing, id);
        match args.json {
            true => println!("{}", serde_json::to_string_pretty(&found)?),
            false => print!("{}", render_candidate(&found)),
        }
    } else if let Some(veileder) = &args.veileder {
        let (followed, profiles) = index.followed_by(veileder, 0, jobbmatch::service::reverse::MAX_CASELOAD)?;
        let caseload = caseload_of(&open, standings(&index, &plans, &profiles)?, followed);
        match args.json {
            true => println!("{}", serde_json::to_string_pretty(&caseload)?),
            false => print!("{}", render_caseload(veileder, &caseload)),
        }
    }
    Ok(())
}

fn render_candidate(found: &CandidateNeeds) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Open needs for {} ({} open)\n", found.candidate, found.open_needs);
    let _ = writeln!(out, "Fits ({}):", found.fits.len());
    for fit in &found.fits {
        let _ = writeln!(
            out,
            "  {:>4.0} %  {} – {} ({})",
            fit.score * 100.0,
            fit.need.title,
            fit.need.employer,
            fit.need.need
        );
    }
    let _ = writeln!(out, "\nNearly fits ({}):", found.near.len());
    for near in &found.near {
        let _ =
            writeln!(out, "  {} – {} ({}): {}", near.need.title, near.need.employer, near.need.need, near.shortfall);
    }
    let _ = writeln!(out, "\nWhat would open doors:");
    for door in &found.doors {
        let needs = if door.needs == 1 { "open need" } else { "open needs" };
        let _ = writeln!(out, "  {}: +{} {needs}", door.criterion, door.needs);
    }
    if found.doors.is_empty() {
        let _ = writeln!(out, "  (no single missing thing keeps the candidate out of an open need)");
    }
    for wish in &found.wishes_to_tag {
        let _ =
            writeln!(out, "  wish a tag could show, if true: {} (in {} needs they fit)", wish.criterion, wish.needs);
    }
    out
}

fn render_caseload(veileder: &str, caseload: &Caseload) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Caseload of {veileder} against {} open needs\n", caseload.open_needs);
    let looked = caseload.candidates.len() + caseload.fits_nothing.len();
    if looked < caseload.followed {
        let _ = writeln!(out, "(the first {looked} of {} followed candidates, by id)\n", caseload.followed);
    }
    for row in &caseload.candidates {
        let best: Vec<String> = row.best.iter().map(|b| format!("{} {:.0} %", b.need.need, b.score * 100.0)).collect();
        let _ = writeln!(
            out,
            "  {:<12} fits {:>3}, nearly {:>3}; best: {}",
            row.candidate,
            row.fits,
            row.near,
            best.join(", ")
        );
    }
    let _ = writeln!(out, "\nFits nothing open ({}):", caseload.fits_nothing.len());
    for row in &caseload.fits_nothing {
        let _ = writeln!(out, "  {:<12} nearly fits {}", row.candidate, row.near);
    }
    out
}
