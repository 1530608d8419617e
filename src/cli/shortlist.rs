//! `jobbmatch shortlist`: the main job on the command line.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use jobbmatch::matching::Matcher;
use jobbmatch::model::{CriterionOutcome, Importance, JobNeed, MatchHow, Shortlist};
use jobbmatch::workspace::{DEFAULT_CANDIDATES, DEFAULT_INDEX, Readiness, open_index};

use super::DataArgs;

#[derive(Debug, Args)]
pub struct ShortlistArgs {
    /// The job need (JSON; see the README for the format).
    #[arg(long)]
    need: PathBuf,
    /// Shortlist length, overriding the need's `top` (1–500).
    #[arg(long)]
    top: Option<usize>,
    /// Print JSON for programs instead of a table for people.
    #[arg(long)]
    json: bool,
    /// Ignore the need's criteria and draft them from its three answers.
    #[arg(long)]
    from_answers: bool,
    #[command(flatten)]
    data: DataArgs,
}

pub fn run(args: ShortlistArgs) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&args.need).with_context(|| format!("cannot read {}", args.need.display()))?;
    let mut need =
        JobNeed::from_json(&text).with_context(|| format!("{} is not a valid job need", args.need.display()))?;
    if let Some(top) = args.top {
        need.top = Some(top);
        need.validate()?;
    }

    let data = &args.data;
    let taxonomy = data.knowledge()?.taxonomy().context("cannot load the vocabulary")?;
    let mut drafted = None;
    let today = time::OffsetDateTime::now_utc().date();
    // Criteria written by hand beside the answers: what the answers require that they lack.
    // What the need marks as checked is left out (`checked` in the need file).
    let lacking = if args.from_answers {
        Vec::new()
    } else {
        let lacking = jobbmatch::draft::compare::lacking(&need, &taxonomy, today);
        jobbmatch::draft::compare::unchecked(&lacking, &need.checked, &taxonomy)
    };
    if args.from_answers {
        let draft = jobbmatch::draft::draft_need(&need, &taxonomy, today);
        draft.need.validate().context("the drafted need is not valid")?;
        need = draft.need.clone();
        drafted = Some(Box::new(draft));
    }
    // The default index is derived from the fixtures, so it may be rebuilt freely.
    let is_default = data.index.as_os_str() == DEFAULT_INDEX && data.candidates.as_os_str() == DEFAULT_CANDIDATES;
    let bar = super::progress::bar(0, "indexing");
    let (index, readiness) = open_index(&data.index, &data.candidates, taxonomy, is_default, &|done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })
    .with_context(|| format!("cannot open the index at {}", data.index.display()))?;
    bar.finish_and_clear();
    if let Readiness::Built { candidates, source, reason } = &readiness {
        eprintln!("{reason}: indexed {candidates} candidates from {} into {}", source.display(), data.index.display());
    }

    data.attach_semantic(&index)?;
    let mut shortlist = Matcher::new(&index).shortlist(&need)?;
    shortlist.warnings.extend(drafted.as_ref().and_then(|draft| draft.warning()));
    shortlist.warnings.extend(lacking.iter().map(|named| jobbmatch::draft::compare::warning(named)));
    shortlist.unchecked = lacking;
    shortlist.drafted = drafted;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&shortlist)?);
    } else {
        print!("{}", render(&need, &shortlist));
    }
    Ok(())
}

/// The shortlist as a table with explanations, for people.
fn render(need: &JobNeed, shortlist: &Shortlist) -> String {
    let mut out = String::new();
    let place = need.municipality.as_deref().map(|m| format!(" ({m})")).unwrap_or_default();
    let _ = writeln!(out, "Shortlist for {}: {}{place}", need.id, need.title);
    let _ = writeln!(
        out,
        "{} visible candidates considered, {} meet every must-have; showing {}.\n",
        shortlist.considered,
        shortlist.qualified,
        shortlist.candidates.len()
    );
    if let Some(draft) = &shortlist.drafted {
        let _ = writeln!(out, "Criteria drafted from the employer's answers:");
        for criterion in &draft.need.criteria {
            let importance = if criterion.importance == Importance::Must { "må" } else { "ønske" };
            let _ = writeln!(out, "  {importance:<5} {}", criterion.label());
        }
        for phrase in &draft.unrecognised {
            let _ = writeln!(out, "  (not placed: «{}»)", phrase.text);
        }
        for refused in &draft.refused {
            let _ = writeln!(out, "  (refused: «{}» — {})", refused.text, refused.reason);
        }
        for note in &draft.notes {
            let _ = writeln!(out, "  (note for the advisor, not a criterion: «{note}»)");
        }
        out.push('\n');
    }
    if shortlist.candidates.is_empty() {
        let _ = writeln!(out, "Nobody meets every must-have. See what relaxing one would add below.\n");
    }
    for warning in &shortlist.warnings {
        let _ = writeln!(out, "WARNING: {warning} — the list may hold people who lack it.\n");
    }
    if shortlist.top_tied > 1 {
        let _ = writeln!(
            out,
            "The top {} share one score: ordered by distance to the job, then how many criteria they \
             have evidence for, then id.\n",
            shortlist.top_tied
        );
    }
    if !shortlist.semantic {
        let _ = writeln!(out, "(lexical only: wishes are met by their words, not by what resembles them)\n");
    }
    for entry in &shortlist.candidates {
        let km = entry.distance_km.map(|km| format!("{km:.0} km")).unwrap_or_else(|| "-".into());
        let _ = writeln!(
            out,
            "{:>3}. {}  score {:.2}  {}, {}  {}",
            entry.rank, entry.id, entry.score, entry.municipality, km, entry.headline
        );
        for outcome in &entry.criteria {
            let _ = writeln!(out, "       {}", criterion_line(outcome));
        }
        for note in &entry.adaptations {
            let _ = writeln!(out, "       ↻ arbeidsgiver tilpasser: {}", note.adaptation);
        }
        if entry.adaptation_factor < 1.0 {
            let _ = writeln!(out, "       (adaptations weigh the score by {:.2})", entry.adaptation_factor);
        }
        out.push('\n');
    }
    if !shortlist.near_misses.is_empty() {
        let _ = writeln!(out, "Near misses (fail exactly one must-have; narrow gaps first):");
        for miss in &shortlist.near_misses {
            let _ = writeln!(
                out,
                "  {}  score {:.2}  {:<14} fails: {} — {} ({})",
                miss.id,
                miss.score,
                miss.municipality,
                miss.failed,
                miss.shortfall,
                miss.gap.name()
            );
        }
        out.push('\n');
    }
    if !shortlist.relaxations.is_empty() {
        let _ = writeln!(out, "Relaxing one must-have would add:");
        for relaxation in &shortlist.relaxations {
            let _ = writeln!(out, "  {:<40} +{}", relaxation.criterion, relaxation.extra_candidates);
        }
    }
    out
}

fn criterion_line(outcome: &CriterionOutcome) -> String {
    let mark = match (outcome.matched, outcome.how) {
        (_, MatchHow::Adapted) => '↻',
        (true, _) => '✔',
        (false, _) => '✘',
    };
    let importance = if outcome.importance == Importance::Must { "må" } else { "ønske" };
    let how = serde_json::to_value(outcome.how).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    let evidence = outcome
        .evidence
        .as_ref()
        .map(|e| match &e.tagged_by {
            Some(by) => {
                format!("«{}» (tag by {by}, {})", e.text, e.tagged_at.as_deref().unwrap_or("").get(..10).unwrap_or(""))
            }
            None => format!("«{}» ({})", e.text, e.source),
        })
        .unwrap_or_default();
    format!(
        "{mark} {:<5} {:<34} {:<13} {:>3.0}%  {evidence}",
        importance,
        truncate(&outcome.criterion, 34),
        how,
        outcome.share * 100.0
    )
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        text.chars().take(width - 1).collect::<String>() + "…"
    }
}
