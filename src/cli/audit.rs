//! `jobbmatch audit verify`: checks the audit log's hash chain.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use jobbmatch::service::chain;
use jobbmatch::workspace::DEFAULT_INDEX;

#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    command: AuditCommand,
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Check that no line was altered, removed or inserted; print the head hash to anchor
    /// elsewhere. Exits 1 at the first broken line.
    Verify {
        /// The audit log. Default: INDEX/audit.jsonl.
        #[arg(long, env = "JOBBMATCH_AUDIT_LOG")]
        log: Option<PathBuf>,
        /// Index directory (where the default audit log lives).
        #[arg(long, env = "JOBBMATCH_INDEX", default_value = DEFAULT_INDEX)]
        index: PathBuf,
    },
}

pub fn run(args: AuditArgs) -> anyhow::Result<bool> {
    match args.command {
        AuditCommand::Verify { log, index } => {
            let path = log.unwrap_or_else(|| index.join("audit.jsonl"));
            match chain::verify(&path) {
                Ok(verified) => {
                    println!("{}: {} lines, chain intact; head {}", path.display(), verified.lines, verified.head);
                    if verified.unchained > 0 {
                        println!("  (the first {} lines were written before the log was chained)", verified.unchained);
                    }
                    Ok(true)
                }
                Err(broken) => {
                    println!("{}: BROKEN at {broken}", path.display());
                    Ok(false)
                }
            }
        }
    }
}
