//! The service layer: who may do what, the audit of it, and the use cases — shortlist, draft,
//! profile, tag, erase, typeahead — that both doors call: the API ([`crate::http`]) and the pages
//! ([`crate::web`]). Nothing here knows HTTP: a door turns a request into a call here and a
//! [`ServiceError`] into its own answer.
//!
//! CPU work (matching, drafting) runs on rayon and blocking I/O (profile reads, synced writes)
//! on tokio's blocking pool, never on the async workers that answer requests.

mod access;
mod arrivals;
pub mod audit;
mod caller;
mod error;
mod followup;
pub mod metrics;
mod profiles;
pub mod reverse;
pub mod session;
mod shortlists;
mod tags;
mod vocabulary;

use std::sync::Arc;
use std::time::Instant;

use session::Sessions;

use crate::followup::FollowUps;

pub use access::{Admin, Advisor, Credential, Veileder};
pub use arrivals::{ARRIVALS_FILE, Arrivals, NewlyQualified};
pub use audit::{Action, AuditLog, chain};
pub use caller::{Caller, DEV_TOKENS, Role, Tokens, TokensError};
pub use error::ServiceError;
pub use followup::{EntryChange, ListPlace, NeedSummary};
pub use metrics::Metrics;
pub use profiles::{FollowedPage, ProfileView};
pub use reverse::{
    BestNeed, CandidateNeeds, Caseload, CaseloadRow, Door, NeedFit, NeedMove, NeedNearFit, OpenNeed, TagEffect,
    WishToTag,
};
pub use tags::{NewTag, TagChange};
pub use vocabulary::{Suggestion, SuggestionSource};

use crate::store::{Store, StoreStatus};
use crate::taxonomy::Taxonomy;

/// The service: the store behind it, who may call it, and where it writes down what they did.
/// Share it through an `Arc`.
pub struct Service {
    store: Arc<Store>,
    tokens: Tokens,
    audit: AuditLog,
    metrics: Metrics,
    started: Instant,
    /// The fewest visible candidates who must hold a phrase before the typeahead offers it.
    typeahead_min_holders: u64,
    /// Permits for CPU work in hand ([`MAX_CPU_QUEUE`]).
    cpu: Arc<tokio::sync::Semaphore>,
    /// The pages' signed-in sessions.
    sessions: Sessions,
    /// Saved needs and kandidatlister, where they are kept.
    follow_ups: Option<Arc<FollowUps>>,
    /// The open needs' compiled plans, for the veileder's reverse view.
    open_plans: crate::matching::reverse::OpenPlans,
    /// Who came to qualify for which open need through a tag.
    arrivals: Arrivals,
}

/// The fewest visible candidates a typeahead phrase is held by, by default and at least.
pub const TYPEAHEAD_MIN_HOLDERS: u64 = 5;

/// Whether the service is up and sees every acknowledged change.
#[derive(Debug, Clone)]
pub struct Health {
    pub store: StoreStatus,
    pub uptime_seconds: u64,
    /// The phrases the semantic layer knows; `None` when matching is lexical only.
    pub semantic_phrases: Option<usize>,
}

impl Service {
    pub fn new(store: Arc<Store>, tokens: Tokens, audit: AuditLog) -> Service {
        let metrics = Metrics::new(store.clone());
        Service {
            store,
            tokens,
            audit,
            metrics,
            started: Instant::now(),
            typeahead_min_holders: TYPEAHEAD_MIN_HOLDERS,
            cpu: Arc::new(tokio::sync::Semaphore::new(MAX_CPU_QUEUE)),
            sessions: Sessions::default(),
            follow_ups: None,
            open_plans: Default::default(),
            arrivals: Default::default(),
        }
    }

    /// Keeps saved needs and kandidatlister in `follow_ups`.
    pub fn with_follow_ups(mut self, follow_ups: Arc<FollowUps>) -> Service {
        self.metrics.watch_follow_ups(follow_ups.clone());
        self.follow_ups = Some(follow_ups);
        self
    }

    /// Keeps who newly qualified for open needs in `arrivals` (in memory by default).
    pub fn with_arrivals(mut self, arrivals: Arrivals) -> Service {
        self.arrivals = arrivals;
        self
    }

    /// At most `permits` shortlists and drafts in hand at once (default [`MAX_CPU_QUEUE`]).
    pub fn with_cpu_queue(mut self, permits: usize) -> Service {
        self.cpu = Arc::new(tokio::sync::Semaphore::new(permits));
        self
    }

    /// Offers a typeahead phrase only when at least `k` visible candidates hold it; `k` below
    /// [`TYPEAHEAD_MIN_HOLDERS`] is raised to it.
    pub fn with_typeahead_min_holders(mut self, k: u64) -> Service {
        self.typeahead_min_holders = k.max(TYPEAHEAD_MIN_HOLDERS);
        self
    }

    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    /// The vocabulary and analyser the index was built with.
    pub fn taxonomy(&self) -> &Taxonomy {
        self.store.index().taxonomy()
    }

    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    pub fn audit_log(&self) -> &AuditLog {
        &self.audit
    }

    /// Liveness and readiness figures.
    pub fn health(&self) -> Health {
        Health {
            store: self.store.status(),
            uptime_seconds: self.started.elapsed().as_secs(),
            semantic_phrases: self.store.index().semantic().map(|semantic| semantic.phrases()),
        }
    }

    /// Whether the development tokens are in use (the sign-in page lists them then).
    pub fn has_dev_tokens(&self) -> bool {
        self.tokens.caller(DEV_TOKENS[0].0).is_some()
    }
}

/// Shortlists and drafts waiting or running at once; more are answered 503 at once rather than
/// queued behind them (the runtime and `/health` stay free either way).
pub const MAX_CPU_QUEUE: usize = 64;

impl Service {
    /// Runs CPU-bound work (matching, drafting) on rayon and awaits it without blocking the
    /// async runtime; refused while [`MAX_CPU_QUEUE`] such tasks are in hand.
    async fn on_cpu<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, ServiceError> {
        let permit = self.cpu.clone().try_acquire_owned().map_err(|_| {
            ServiceError::Unavailable("busy: too many shortlists and drafts in hand; try again shortly".into())
        })?;
        let (sender, receiver) = tokio::sync::oneshot::channel();
        rayon::spawn(move || {
            let _ = sender.send(work());
            drop(permit);
        });
        receiver.await.map_err(ServiceError::internal)
    }
}

/// Runs blocking I/O on tokio's blocking pool.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, ServiceError> {
    tokio::task::spawn_blocking(work).await.map_err(ServiceError::internal)
}
