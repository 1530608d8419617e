//! `jobbmatch serve`: the product's main job.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;
use jobbmatch::app::connections::ConnectionLimits;
use jobbmatch::service::{AuditLog, DEV_TOKENS, Service, Tokens};
use jobbmatch::workspace::{DEFAULT_CANDIDATES, DEFAULT_INDEX, Readiness, open_store};

use super::DataArgs;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "JOBBMATCH_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Tokens file (JSON). Default: INDEX/dev-tokens.json, created with development tokens.
    #[arg(long, env = "JOBBMATCH_TOKENS")]
    tokens: Option<PathBuf>,
    /// Audit log (JSON Lines, appended). Default: INDEX/audit.jsonl.
    #[arg(long, env = "JOBBMATCH_AUDIT_LOG")]
    audit_log: Option<PathBuf>,
    /// Saved needs and kandidatlister (their write-ahead log). Default: INDEX/kandidatlister.jsonl.
    #[arg(long, env = "JOBBMATCH_KANDIDATLISTER")]
    kandidatlister: Option<PathBuf>,
    /// Audit lines older than this many days are dropped when the service starts (the chain
    /// carries on). Default: kept for good.
    #[arg(long, env = "JOBBMATCH_AUDIT_RETENTION_DAYS",
          value_parser = clap::value_parser!(u32).range(1..))]
    audit_retention_days: Option<u32>,
    /// The typeahead offers a phrase of profiles and tags only when at least this many visible
    /// candidates hold it (at least 5).
    #[arg(long, env = "JOBBMATCH_TYPEAHEAD_MIN_CANDIDATES", default_value_t = 5,
          value_parser = clap::value_parser!(u64).range(5..))]
    typeahead_min_candidates: u64,
    /// Connections kept open at once (lowered, if need be, to what the descriptor limit allows);
    /// when full, the longest-idle connection is closed to make room.
    #[arg(long, env = "JOBBMATCH_MAX_CONNECTIONS", default_value_t = 4096)]
    max_connections: usize,
    /// Connections one address may use for anything but /health and /metrics. Behind an
    /// ingress every request shares its address: raise this, and cap clients at the ingress.
    #[arg(long, env = "JOBBMATCH_MAX_CONNECTIONS_PER_CLIENT", default_value_t = 256)]
    max_connections_per_client: usize,
    /// Seconds a connection has to send a complete request head, after opening or after its
    /// last answer (so also the idle timeout).
    #[arg(long, env = "JOBBMATCH_HEADER_TIMEOUT", default_value_t = 10,
          value_parser = clap::value_parser!(u64).range(1..=300))]
    header_timeout_secs: u64,
    #[command(flatten)]
    data: DataArgs,
}

pub fn run(args: ServeArgs) -> anyhow::Result<()> {
    let data = &args.data;
    let taxonomy = data.knowledge()?.taxonomy().context("cannot load the vocabulary")?;
    let is_default = data.index.as_os_str() == DEFAULT_INDEX && data.candidates.as_os_str() == DEFAULT_CANDIDATES;
    let bar = super::progress::bar(0, "indexing");
    let (store, readiness) = open_store(&data.index, &data.candidates, taxonomy, is_default, &|done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })
    .with_context(|| format!("cannot open the index at {}", data.index.display()))?;
    bar.finish_and_clear();
    match &readiness {
        Readiness::Built { candidates, source, reason } => {
            println!("{reason}: indexed {candidates} candidates from {}", source.display());
        }
        Readiness::Ready { candidates } => println!("index {} holds {candidates} candidates", data.index.display()),
    }
    data.attach_semantic(store.index())?;

    let tokens = match &args.tokens {
        Some(path) => Tokens::load(path)?,
        None => {
            let path = data.index.join("dev-tokens.json");
            let (tokens, created) = Tokens::load_or_create_dev(&path)?;
            if created {
                println!("created development tokens in {} (for local use only):", path.display());
                for (token, ident, _, role) in DEV_TOKENS {
                    println!("  {token:<16} {} {ident}", role.name());
                }
            } else {
                println!("tokens from {}", path.display());
            }
            tokens
        }
    };
    let audit_path = args.audit_log.clone().unwrap_or_else(|| data.index.join("audit.jsonl"));
    let (audit, dropped) = AuditLog::open_with_retention(&audit_path, args.audit_retention_days)
        .with_context(|| format!("cannot open the audit log {}", audit_path.display()))?;
    match args.audit_retention_days {
        Some(days) => println!("audit log: {} (kept {days} days; {dropped} older lines dropped)", audit_path.display()),
        None => println!("audit log: {}", audit_path.display()),
    }

    let lists_path = args.kandidatlister.clone().unwrap_or_else(|| data.index.join(jobbmatch::followup::FOLLOWUP_FILE));
    let follow_ups = jobbmatch::followup::FollowUps::open(&lists_path)
        .with_context(|| format!("cannot open the kandidatlister in {}", lists_path.display()))?;
    // Who newly qualified for an open need is kept beside the needs themselves.
    let arrivals_path = lists_path.with_file_name(jobbmatch::service::ARRIVALS_FILE);
    let arrivals = jobbmatch::service::Arrivals::open(&arrivals_path)
        .with_context(|| format!("cannot open who newly qualified in {}", arrivals_path.display()))?;
    let store = Arc::new(store);
    let committer = store.spawn_committer();
    let service = Arc::new(
        Service::new(store.clone(), tokens, audit)
            .with_typeahead_min_holders(args.typeahead_min_candidates)
            .with_follow_ups(Arc::new(follow_ups))
            .with_arrivals(arrivals),
    );
    let limits = ConnectionLimits {
        max_connections: args.max_connections.max(1),
        max_per_client: args.max_connections_per_client.max(1),
        header_timeout: std::time::Duration::from_secs(args.header_timeout_secs),
    }
    .fitted();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start tokio")?;
    let served = runtime.block_on(async {
        let listener = jobbmatch::app::connections::listen(args.addr)
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr()?;
        println!("jobbmatch listening on http://{addr}");
        println!(
            "  limits: {} connections, {} per client, {} s to send a request head",
            limits.max_connections,
            limits.max_per_client,
            limits.header_timeout.as_secs()
        );
        println!("  try: curl -s -H 'Authorization: Bearer dev-radgiver' -H 'Content-Type: application/json' \\");
        println!("         --data @fixtures/needs/bilverksted.json http://{addr}/v1/shortlists");
        println!("  API: http://{addr}/openapi.json   health: http://{addr}/health   stop: Ctrl-C");
        use std::io::Write as _;
        let _ = std::io::stdout().flush();
        jobbmatch::app::serve(listener, service, limits).await.context("the server failed")
    });
    // Commit what is left before exiting; the log would replay it anyway.
    committer.stop();
    store.commit().context("the final commit failed (the write-ahead log keeps the changes)")?;
    println!("stopped");
    served
}
