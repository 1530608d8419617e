//! The measuring tool of the national scale run (`benches/scale.sh` drives it; it is not a
//! criterion bench, and does nothing when `cargo bench` runs it without a command).
//!
//! ```text
//! cargo bench --bench national -- latency --index DIR NEED.json…
//! cargo bench --bench national -- pg-export --candidates FILE --out FILE
//! cargo bench --bench national -- peer --index DIR --psql "psql -h … -p … -d …" NEED.json…
//! cargo bench --bench national -- semantic --index DIR NEED.json
//! ```
//!
//! `semantic` attaches the semantic layer (embedding the index's distinct phrases, or reading
//! them from the cache beside the index) and prints phrases per second, memory, shortlist
//! latency for a need asked before and for needs never seen (their wishes embedded), and the
//! time from a veileder's tag to its semantic evidence in a shortlist.
//!
//! `latency` prints p50/p95/p99 per need, with and without near misses, and the first (cold)
//! run. `pg-export` writes every profile's analysed terms per field for PostgreSQL's COPY, the
//! same terms tantivy indexed. `peer` runs each need's deterministic core (exact words only, see
//! `Plan::exact_terms_only`) in jobbmatch and as the SQL a competent developer would write, checks
//! that both return the same top-k, and prints the ratio of their medians.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use clap::{Parser, Subcommand};
use jobbmatch::index::{CandidateIndex, ProfileField, document};
use jobbmatch::matching::evidence::Strength;
use jobbmatch::matching::plan::TermTest;
use jobbmatch::matching::{Matcher, Plan, Test};
use jobbmatch::model::{Candidate, JobNeed};
use jobbmatch::taxonomy::Taxonomy;
use rayon::prelude::*;

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Option<Tool>,
}

#[derive(Subcommand)]
enum Tool {
    /// Shortlist latency percentiles per need.
    Latency {
        #[arg(long)]
        index: PathBuf,
        #[arg(long, default_value_t = 300)]
        runs: usize,
        needs: Vec<PathBuf>,
    },
    /// Analysed terms per profile field, as PostgreSQL COPY text.
    PgExport {
        #[arg(long)]
        candidates: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// The same needs in jobbmatch and PostgreSQL: identical top-k, and the time ratio.
    Peer {
        #[arg(long)]
        index: PathBuf,
        /// The psql command line to run SQL with, e.g. "psql -h /tmp/pg -p 54329 -d postgres".
        #[arg(long)]
        psql: String,
        #[arg(long, default_value_t = 9)]
        runs: usize,
        needs: Vec<PathBuf>,
    },
    /// The semantic layer at scale: embedding, memory, latency, a tag to its evidence.
    Semantic {
        #[arg(long)]
        index: PathBuf,
        #[arg(long, default_value_t = 300)]
        runs: usize,
        /// A need with wishes in words; its first wish is varied to make needs never seen.
        need: PathBuf,
    },
}

type Failure = Box<dyn std::error::Error>;

fn main() -> Result<(), Failure> {
    // `cargo bench` passes `--bench`; it means nothing here.
    let args = std::env::args().filter(|arg| arg != "--bench");
    match Cli::parse_from(args).command {
        None => println!("national: nothing to do without a command (benches/scale.sh runs it)"),
        Some(Tool::Latency { index, runs, needs }) => latency(&open(&index)?, runs, &needs)?,
        Some(Tool::PgExport { candidates, out }) => pg_export(&candidates, &out)?,
        Some(Tool::Peer { index, psql, runs, needs }) => peer(&open(&index)?, &psql, runs, &needs)?,
        Some(Tool::Semantic { index, runs, need }) => semantic(&index, runs, &need)?,
    }
    Ok(())
}

fn open(dir: &Path) -> Result<CandidateIndex, Failure> {
    Ok(CandidateIndex::open_or_create(dir, Taxonomy::embedded()?)?)
}

fn read_need(path: &Path) -> Result<(String, JobNeed), Failure> {
    let name = path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
    Ok((name, JobNeed::from_json(&std::fs::read_to_string(path)?)?))
}

/// Milliseconds at the given percentile (0–100) of sorted `times`.
fn percentile(sorted: &[f64], at: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((at / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

/// Milliseconds one call of `run` takes.
fn elapsed_ms(run: &mut dyn FnMut() -> Result<(), Failure>) -> Result<f64, Failure> {
    let started = Instant::now();
    run()?;
    Ok(started.elapsed().as_secs_f64() * 1000.0)
}

/// Milliseconds per run, sorted.
fn timed(runs: usize, mut run: impl FnMut() -> Result<(), Failure>) -> Result<Vec<f64>, Failure> {
    let mut times = (0..runs).map(|_| elapsed_ms(&mut run)).collect::<Result<Vec<_>, _>>()?;
    times.sort_by(f64::total_cmp);
    Ok(times)
}

/// Milliseconds per run of `first` and of `second`, sorted, taken in turns so that both see the
/// same machine: on a shared virtual machine, noise comes in bursts.
fn timed_in_turns(
    runs: usize,
    mut first: impl FnMut() -> Result<(), Failure>,
    mut second: impl FnMut() -> Result<(), Failure>,
) -> Result<(Vec<f64>, Vec<f64>), Failure> {
    let (mut firsts, mut seconds) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    for _ in 0..runs {
        firsts.push(elapsed_ms(&mut first)?);
        seconds.push(elapsed_ms(&mut second)?);
    }
    firsts.sort_by(f64::total_cmp);
    seconds.sort_by(f64::total_cmp);
    Ok((firsts, seconds))
}

fn latency(index: &CandidateIndex, runs: usize, needs: &[PathBuf]) -> Result<(), Failure> {
    println!("| need | qualify | cold | p50 | p95 | p99 | p99/p50 | p50 without near misses | near misses add |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let (mut mix, mut mix_plain) = (Vec::new(), Vec::new());
    for path in needs {
        let (name, need) = read_need(path)?;
        let full = Matcher::new(index);
        let plain = Matcher::new(index).near_misses(0).relaxation(false);
        let started = Instant::now();
        let qualified = full.shortlist(&need)?.qualified;
        let cold = started.elapsed().as_secs_f64() * 1000.0;
        let (with, without) = timed_in_turns(
            runs,
            || full.shortlist(&need).map(drop).map_err(Into::into),
            || plain.shortlist(&need).map(drop).map_err(Into::into),
        )?;
        let (p50, p50_plain) = (percentile(&with, 50.0), percentile(&without, 50.0));
        println!(
            "| {name} | {qualified} | {cold:.2} ms | {p50:.2} ms | {:.2} ms | {:.2} ms | {:.1} | {p50_plain:.2} ms | {:+.1} % |",
            percentile(&with, 95.0),
            percentile(&with, 99.0),
            percentile(&with, 99.0) / p50,
            (p50 / p50_plain - 1.0) * 100.0
        );
        mix.extend(with);
        mix_plain.extend(without);
    }
    mix.sort_by(f64::total_cmp);
    mix_plain.sort_by(f64::total_cmp);
    let p50 = percentile(&mix, 50.0);
    println!(
        "| **all of the above, mixed** | | | {p50:.2} ms | {:.2} ms | {:.2} ms | {:.1} | {:.2} ms | {:+.1} % |",
        percentile(&mix, 95.0),
        percentile(&mix, 99.0),
        percentile(&mix, 99.0) / p50,
        percentile(&mix_plain, 50.0),
        (p50 / percentile(&mix_plain, 50.0) - 1.0) * 100.0
    );
    Ok(())
}

/// The table's columns after `id` and `visible`: one `text[]` per profile field.
fn columns() -> impl Iterator<Item = ProfileField> {
    // Whole phrases are the semantic layer's (off here): the comparison is of words.
    ProfileField::ALL.into_iter().filter(|field| *field != ProfileField::Phrase)
}

fn pg_export(candidates: &Path, out: &Path) -> Result<(), Failure> {
    let taxonomy = Taxonomy::embedded()?;
    let mut file = BufWriter::new(std::fs::File::create(out)?);
    let mut rows = 0;
    for batch in jobbmatch::load::open_batches(candidates)? {
        let lines: Vec<String> = batch?.par_iter().map(|candidate| copy_line(candidate, &taxonomy)).collect();
        for line in &lines {
            file.write_all(line.as_bytes())?;
        }
        rows += lines.len();
    }
    file.flush()?;
    eprintln!("exported {rows} profiles to {}", out.display());
    Ok(())
}

/// One COPY text line: id, visible, then each field's terms as an array literal.
fn copy_line(candidate: &Candidate, taxonomy: &Taxonomy) -> String {
    let mut line = format!("{}\t{}", candidate.id, if candidate.visible { "t" } else { "f" });
    for field in columns() {
        let mut terms: Vec<String> = if field == ProfileField::Keys {
            document::fact_keys(candidate, taxonomy).into_iter().collect()
        } else {
            document::field_entries(candidate, field).iter().flat_map(|text| taxonomy.analyzer().terms(text)).collect()
        };
        terms.sort();
        terms.dedup();
        let quoted: Vec<String> = terms
            .iter()
            .filter(|term| !term.contains(['\t', '\n', '\\']))
            .map(|term| format!("\"{}\"", term.replace('"', "\\\\\"")))
            .collect();
        line.push('\t');
        line.push('{');
        line.push_str(&quoted.join(","));
        line.push('}');
    }
    line.push('\n');
    line
}

/// The need with only its term criteria: location, hours and dates are column tests, compared
/// elsewhere; the peer check is about the retrieval and scoring of words.
fn terms_only(mut need: JobNeed) -> JobNeed {
    need.location = None;
    need.max_distance_km = None;
    need.extent_percent = None;
    need.start_date = None;
    need.adaptable = Default::default();
    need.criteria.retain(|criterion| {
        use jobbmatch::model::CriterionKind::*;
        !matches!(criterion.kind, Extent | Distance | StartDate | Demand)
    });
    need
}

fn sql_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn real(value: f32) -> String {
    format!("'{value:?}'::real")
}

/// The SQL a competent developer would write for a plan of exact term criteria: must-haves as
/// WHERE clauses the GIN indexes serve, wishes as a weighted CASE sum, best first.
fn sql(plan: &Plan) -> String {
    let condition = |field: ProfileField, terms: &[String]| {
        let array: Vec<String> = terms.iter().map(|term| sql_literal(term)).collect();
        format!("{} @> ARRAY[{}]::text[]", field.name(), array.join(","))
    };
    let mut score = String::from("'0'::real");
    let mut musts = Vec::new();
    for criterion in &plan.criteria {
        let Test::Terms(TermTest { alternatives, .. }) = &criterion.test else { continue };
        let mut by_strength: Vec<(Strength, String)> = alternatives
            .iter()
            .map(|alternative| {
                (Strength::of(alternative.field, alternative.how), condition(alternative.field, &alternative.terms))
            })
            .collect();
        by_strength.sort_by_key(|(strength, _)| std::cmp::Reverse(*strength));
        let mut case = String::from("CASE");
        for (strength, condition) in &by_strength {
            case.push_str(&format!(" WHEN {condition} THEN {}", real(strength.grade())));
        }
        case.push_str(" ELSE '0'::real END");
        score.push_str(&format!(" + {} * ({case})", real(criterion.weight)));
        if criterion.importance == jobbmatch::model::Importance::Must {
            let passing: Vec<&String> = by_strength.iter().filter(|(s, _)| s.passes()).map(|(_, c)| c).collect();
            musts.push(if passing.is_empty() {
                "false".to_string()
            } else {
                format!("({})", passing.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" OR "))
            });
        }
    }
    let mut sql =
        format!("SELECT id, ({score}) / {} AS score FROM candidates WHERE visible", real(plan.total_weight()));
    for must in musts {
        sql.push_str(" AND ");
        sql.push_str(&must);
    }
    sql.push_str(&format!(" ORDER BY score DESC, id COLLATE \"C\" LIMIT {}", plan.top));
    sql
}

fn psql(command: &str, sql: &str) -> Result<String, Failure> {
    let mut parts = command.split_whitespace();
    let program = parts.next().ok_or("--psql is empty")?;
    let output = Command::new(program)
        .args(parts)
        .args(["-X", "-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1", "-c", sql])
        .output()?;
    if !output.status.success() {
        return Err(format!("psql failed: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    Ok(String::from_utf8(output.stdout)?)
}

fn peer(index: &CandidateIndex, psql_command: &str, runs: usize, needs: &[PathBuf]) -> Result<(), Failure> {
    println!(
        "| need (exact words only) | qualify | same top-k | PostgreSQL p50 | jobbmatch p50 | PostgreSQL / jobbmatch |"
    );
    println!("|---|---:|---|---:|---:|---:|");
    for path in needs {
        let (name, need) = read_need(path)?;
        let plan = Plan::compile(&terms_only(need), index.taxonomy())?.exact_terms_only();
        let matcher = Matcher::new(index).near_misses(0).relaxation(false);
        let shortlist = matcher.run(&plan)?;
        let ours: Vec<String> = shortlist.candidates.iter().map(|c| format!("{}|{:?}", c.id, c.score)).collect();
        let query = sql(&plan);
        let theirs: Vec<String> = psql(psql_command, &query)?.lines().map(str::to_string).collect();
        let same = ours == theirs;
        if !same {
            eprintln!("{name}: top-k differs\n  jobbmatch:  {ours:?}\n  PostgreSQL: {theirs:?}\n  SQL: {query}");
        }
        let ours_ms = percentile(&timed(runs.max(50), || matcher.run(&plan).map(drop).map_err(Into::into))?, 50.0);
        let mut theirs_ms = Vec::with_capacity(runs);
        for _ in 0..runs {
            let plan_text = psql(psql_command, &format!("EXPLAIN (ANALYZE, TIMING OFF) {query}"))?;
            let execution = plan_text
                .lines()
                .find_map(|line| line.trim().strip_prefix("Execution Time: "))
                .and_then(|rest| rest.trim_end_matches(" ms").parse::<f64>().ok())
                .ok_or("no execution time in EXPLAIN ANALYZE")?;
            theirs_ms.push(execution);
        }
        theirs_ms.sort_by(f64::total_cmp);
        let theirs_p50 = percentile(&theirs_ms, 50.0);
        println!(
            "| {name} | {} | {} | {theirs_p50:.1} ms | {ours_ms:.2} ms | {:.0}× |",
            shortlist.qualified,
            if same { "yes" } else { "**no**" },
            theirs_p50 / ours_ms
        );
    }
    Ok(())
}

/// Resident memory of this process, in MiB (Linux).
fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next().and_then(|n| n.parse::<f64>().ok()));
    kib.unwrap_or(f64::NAN) / 1024.0
}

/// Wishes as employers write them, each one a need never seen before when it replaces the first
/// wish of the measured need.
const NEW_WISHES: &[&str] = &[
    "liker å jobbe med folk",
    "glad i å lage mat",
    "har kjørt traktor",
    "interessert i data og spill",
    "erfaring med eldre",
    "jobbet i barnehage",
    "god på kundebehandling",
    "liker orden og system",
    "vant med tungt arbeid",
    "flink med verktøy",
    "har passet dyr",
    "går mye på tur i skogen",
    "erfaring fra butikk og kasse",
    "kan sveise og skru",
    "har vasket på hotell",
    "liker å male og pusse opp",
    "har vært trener for barn",
    "kan lage kaffe",
    "trives med rutiner",
    "vil jobbe ute",
    "kjørt varebil",
    "har erfaring fra fiskeindustri",
    "stell av syke",
    "jobbet på lager med truck",
    "kan snakke med kunder på telefon",
    "hjelper naboen med hagen",
    "reparerer sykler",
    "har erfaring fra kantine",
    "liker å bake brød",
    "rydder og organiserer",
    "frivillig i idrettslag",
    "har sydd klær",
    "flink med barn",
    "vant til skiftarbeid",
    "kan ta imot gjester",
    "liker musikk og sang",
    "jobbet som vaktmester",
    "har erfaring med snømåking",
    "kan lage pizza",
    "liker å hjelpe eldre med handling",
];

fn semantic(dir: &Path, runs: usize, need_path: &Path) -> Result<(), Failure> {
    let index = open(dir)?;
    let (name, need) = read_need(need_path)?;
    let wish = need.criteria.iter().position(|c| c.importance == jobbmatch::model::Importance::Adjustable);
    let wish = wish.ok_or("the need has no wish to vary")?;
    let never_seen = |matcher: &Matcher, runs: usize| -> Result<Vec<f64>, Failure> {
        let mut times = Vec::new();
        for text in NEW_WISHES.iter().take(runs) {
            let mut new = need.clone();
            new.criteria[wish].value = (*text).to_string();
            times.push(elapsed_ms(&mut || matcher.shortlist(&new).map(drop).map_err(Into::into))?);
        }
        times.sort_by(f64::total_cmp);
        Ok(times)
    };
    // Lexical only first: what a never-seen need costs without embedding its wish.
    let lexical = never_seen(&Matcher::new(&index), runs)?;
    let before = rss_mib();
    let cache = jobbmatch::semantic::cache_path(dir);
    let cached = cache.exists();
    let started = Instant::now();
    let readiness =
        jobbmatch::workspace::attach_semantic(&index, &jobbmatch::workspace::SemanticChoice::BuiltIn, Some(&cache))?;
    let seconds = started.elapsed().as_secs_f64();
    let jobbmatch::workspace::SemanticReadiness::On { phrases, embedded, .. } = readiness else {
        return Err(format!("{readiness}").into());
    };
    println!("| figure | value |");
    println!("|---|---:|");
    println!("| candidates | {} |", index.len());
    println!("| distinct phrases | {phrases} |");
    println!("| embedded now ({}) | {embedded} in {seconds:.1} s |", if cached { "cache present" } else { "cold" });
    if embedded > 0 {
        println!("| phrases per second | {:.0} |", embedded as f64 / seconds);
    }
    println!("| RSS before / after the layer | {before:.0} / {:.0} MiB |", rss_mib());

    let matcher = Matcher::new(&index);
    let shortlist = matcher.shortlist(&need)?;
    let semantic_evidence = shortlist
        .candidates
        .iter()
        .flat_map(|c| &c.criteria)
        .filter(|o| o.how == jobbmatch::model::MatchHow::Semantic)
        .count();
    let repeat = timed(runs, || matcher.shortlist(&need).map(drop).map_err(Into::into))?;
    println!(
        "| {name}, asked before: p50 / p95 | {:.2} / {:.2} ms ({semantic_evidence} semantic outcomes in its top {}) |",
        percentile(&repeat, 50.0),
        percentile(&repeat, 95.0),
        shortlist.candidates.len()
    );
    let fresh = never_seen(&matcher, runs)?;
    println!(
        "| {name}, never seen (a new wish embedded): p50 / p95 of {} | {:.2} / {:.2} ms (lexical only: {:.2} / {:.2} ms) |",
        fresh.len(),
        percentile(&fresh, 50.0),
        percentile(&fresh, 95.0),
        percentile(&lexical, 50.0),
        percentile(&lexical, 95.0)
    );

    // A veileder tags a candidate; the time until a shortlist shows the tag as semantic evidence.
    let store = jobbmatch::store::Store::over(index, &dir.join("semantic-bench-wal.jsonl"))?;
    let mut waits = Vec::new();
    for round in 0..5u32 {
        let id = format!("K{:07}", 1 + round * 104_729);
        let marker = format!("benkmerking{round}");
        let tag = |label: &str, kind| jobbmatch::model::Tag {
            label: label.to_string(),
            kind,
            by: "V1042".into(),
            at: time::OffsetDateTime::now_utc(),
        };
        const SMALL_MACHINES: [&str; 5] = [
            "små maskiner",
            "kjører små maskiner",
            "bruker små maskiner",
            "reparerer små maskiner",
            "vedlikehold av små maskiner",
        ];
        let tags = [
            tag(SMALL_MACHINES[round as usize], jobbmatch::model::TagKind::InformalSkill),
            tag(&marker, jobbmatch::model::TagKind::InformalSkill),
        ];
        let probe = JobNeed::from_json(&format!(
            r#"{{"id":"probe","criteria":[{{"kind":"skill","value":"{marker}","importance":"must"}},
                {{"kind":"experience","value":"småmaskiner","rank":1}}]}}"#
        ))?;
        let started = Instant::now();
        store.update(&id, |candidate| {
            candidate.tags.extend(tags);
            Ok::<_, std::convert::Infallible>(jobbmatch::store::Edit::Changed(()))
        })?;
        store.commit()?;
        let shown = Matcher::new(store.index()).shortlist(&probe)?;
        let wait = started.elapsed().as_secs_f64() * 1000.0;
        let semantic =
            shown.candidates.first().is_some_and(|c| c.criteria[1].how == jobbmatch::model::MatchHow::Semantic);
        if !semantic {
            return Err(format!("round {round}: the tag is not semantic evidence: {shown:?}").into());
        }
        waits.push(wait);
    }
    waits.sort_by(f64::total_cmp);
    println!(
        "| a tag written to its semantic evidence in a shortlist (commit included), median of 5 | {:.0} ms |",
        percentile(&waits, 50.0)
    );
    let _ = std::fs::remove_file(dir.join("semantic-bench-wal.jsonl"));
    Ok(())
}
