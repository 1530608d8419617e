//! `jobbmatch evaluate`: the evaluation table (README), reproducible.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use jobbmatch::evaluation::{self, Suite, System};
use jobbmatch::semantic::{self, Semantic};
use jobbmatch::workspace::Knowledge;

#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// The suite: candidates, needs, judgements and must-have rules.
    #[arg(long, default_value = "fixtures/eval")]
    suite: PathBuf,
    /// Also measure with NAV's STYRK-08 titles and Norsk Ordbank from this directory.
    #[arg(long, env = "JOBBMATCH_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Show each need's figures and top 10 per system.
    #[arg(long)]
    details: bool,
    /// Write the pool (hand-written profiles and the generated background) as JSON Lines, to
    /// read when judging candidates that reach a top 10.
    #[arg(long)]
    write_pool: Option<PathBuf>,
    /// Measure lexical matching only (skip the semantic configuration).
    #[arg(long)]
    lexical_only: bool,
}

pub fn run(args: EvaluateArgs) -> anyhow::Result<()> {
    let suite =
        Suite::load(&args.suite).with_context(|| format!("cannot load the suite in {}", args.suite.display()))?;
    if let Some(path) = &args.write_pool {
        let lines: Vec<String> = suite.pool().iter().map(|c| serde_json::to_string(c).unwrap_or_default()).collect();
        std::fs::write(path, lines.join("\n") + "\n").with_context(|| format!("cannot write {}", path.display()))?;
    }
    let embedded = Knowledge::default().taxonomy()?;
    let mut configurations = vec![("lexical (embedded vocabulary)", suite.evaluate(embedded.clone())?)];
    let mut richest = embedded;
    let mut knowledge = Knowledge::default();
    if let Some(dir) = &args.data_dir {
        knowledge.data_dir = Some(dir.clone());
        let taxonomy = knowledge.taxonomy().with_context(|| format!("cannot read the data in {}", dir.display()))?;
        configurations.push(("+ STYRK-08 and Norsk Ordbank", suite.evaluate(taxonomy.clone())?));
        richest = taxonomy;
    }
    match jobbmatch::taxonomy::forms::built_in() {
        Some(forms) => {
            knowledge.forms = Some(forms);
            let taxonomy = knowledge.taxonomy().context("cannot read Bokmålsordboka's forms")?;
            configurations.push(("+ lexicon (Bokmålsordboka's forms)", suite.evaluate(taxonomy.clone())?));
            richest = taxonomy;
        }
        None => eprintln!("lexicon configuration left out: this build has no Bokmålsordboka forms"),
    }
    if !args.lexical_only {
        let cache = semantic::scratch_cache("evaluation.cache");
        match Semantic::built_in(cache.as_deref()) {
            Ok(model) => configurations.push(("+ semantic", suite.evaluate_with(richest, Some(model))?)),
            Err(error) => eprintln!("semantic configuration left out: {error}"),
        }
    }
    let labelled: Vec<(&str, &evaluation::Evaluation)> = configurations.iter().map(|(l, e)| (*l, e)).collect();
    print!("{}", evaluation::render(&labelled, &suite));
    for (label, evaluation) in &configurations {
        if args.details {
            println!("\n{label}:");
            for run in &evaluation.runs {
                println!(
                    "  {:<18} {:<14} ndcg {:>5} recall {:>5} musts {}/{} hidden {}/{}  {}",
                    run.need,
                    format!("{:?}", run.system),
                    run.ndcg.map_or("-".into(), |v| format!("{v:.2}")),
                    run.recall.map_or("-".into(), |v| format!("{v:.2}")),
                    run.meeting_musts,
                    run.returned.len(),
                    run.hidden_found,
                    run.hidden_total,
                    run.returned.join(" ")
                );
            }
        }
        if !evaluation.unjudged.is_empty() {
            eprintln!(
                "\n{label}: {} (need, candidate) pairs in some top 10 are not judged:",
                evaluation.unjudged.len()
            );
            let pool = suite.pool();
            for (need, candidate) in &evaluation.unjudged {
                // Whether the oracle says the candidate meets the need's must-haves: a start for judging.
                let meets = suite.needs.iter().find(|n| &n.id == need).is_some_and(|n| {
                    let profile = pool.iter().find(|c| &c.id == candidate);
                    profile.is_some_and(|c| evaluation::oracle::meets(c, &suite.oracle[need], n.location))
                });
                eprintln!("  {need} {candidate} {}", if meets { "meets-musts" } else { "fails-musts" });
            }
        }
        let structured = evaluation.summary(System::Structured);
        eprintln!(
            "{label}: jobbmatch NDCG@10 {:.3}, must-have precision {:.3}",
            structured.ndcg, structured.must_precision
        );
        let drafted = evaluation.summary(System::FreeText);
        eprintln!(
            "{label}: drafted, {} of {} shortlists warn of a must-have not understood; must-have precision of the rest {:.3}",
            drafted.warned,
            suite.needs.len(),
            drafted.unwarned_must_precision
        );
    }
    Ok(())
}
