//! The HTTP service: shortlists for advisors, tags from veiledere, profiles for those allowed.
//!
//! [`router`] builds the whole app so tests can call it without a socket; [`serve`] runs it with
//! graceful shutdown. CPU work (matching) runs on rayon and blocking I/O (profile reads, synced
//! writes) on tokio's blocking pool, never on the async workers.

pub mod audit;
pub mod auth;
pub(crate) mod candidates;
pub mod error;
pub(crate) mod followed;
mod health;
pub mod metrics;
pub mod openapi;
pub(crate) mod shortlists;
pub(crate) mod tags;
mod vocabulary;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

pub use audit::AuditLog;
pub use auth::{Caller, Role, Tokens};
pub use error::ApiError;
pub use metrics::Metrics;

use crate::store::Store;

/// Largest request body accepted (a job need or a profile is a few KiB).
pub const BODY_LIMIT: usize = 256 * 1024;
/// A request taking longer than this is answered 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Requests handled at once; more wait their turn.
pub const MAX_CONCURRENT_REQUESTS: usize = 512;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    pub tokens: Arc<Tokens>,
    pub audit: Arc<AuditLog>,
    pub metrics: Arc<Metrics>,
    pub started: Instant,
    pub body_limit: usize,
}

impl AppState {
    pub fn new(store: Arc<Store>, tokens: Tokens, audit: AuditLog) -> Self {
        AppState {
            store,
            tokens: Arc::new(tokens),
            audit: Arc::new(audit),
            metrics: Arc::default(),
            started: Instant::now(),
            body_limit: BODY_LIMIT,
        }
    }
}

/// The whole service. Layers, outermost first: concurrency limit, compression, timeout, request
/// tracing (by route template, never with ids or bodies), metrics, body limit.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/v1/shortlists", post(shortlists::create))
        .route("/v1/needs/draft", post(shortlists::draft))
        .route("/v1/candidates/{id}", get(candidates::read).put(candidates::upsert).delete(candidates::erase))
        .route("/v1/candidates/{id}/tags", post(tags::add))
        .route("/v1/candidates/{id}/tags/{tag}", delete(tags::remove))
        .route("/v1/followed", get(followed::list))
        .route("/v1/vocabulary", get(vocabulary::suggest))
        .route("/health", get(health::health))
        .route("/metrics", get(health::metrics))
        .route("/openapi.json", get(openapi::document))
        .merge(crate::web::routes())
        .fallback(|| async { ApiError::NotFound("no such route; see /openapi.json".into()) })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(DefaultBodyLimit::max(state.body_limit))
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::record))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request| {
                    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", |p| p.as_str());
                    tracing::info_span!("request", method = %request.method(), route)
                })
                .on_response(DefaultOnResponse::new().level(tracing::Level::DEBUG)),
        )
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, REQUEST_TIMEOUT))
        .layer(CompressionLayer::new())
        .layer(GlobalConcurrencyLimitLayer::new(MAX_CONCURRENT_REQUESTS))
        .with_state(state)
}

/// Runs CPU-bound work on rayon and awaits it without blocking the async runtime.
pub async fn on_rayon<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, ApiError> {
    let (sender, receiver) = tokio::sync::oneshot::channel();
    rayon::spawn(move || {
        let _ = sender.send(work());
    });
    receiver.await.map_err(|_| ApiError::Internal("the matching task ended without an answer".into()))
}

/// Runs blocking I/O on tokio's blocking pool.
pub async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|error| ApiError::Internal(format!("blocking task failed: {error}")))
}

/// Serves `state` on `listener` until Ctrl-C or SIGTERM, then lets requests in flight finish.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown_signal()).await
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
