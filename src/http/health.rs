//! `GET /health` (liveness and readiness) and `GET /metrics` (Prometheus). No token needed; no
//! candidate data in either.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::Serialize;

use super::AppState;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok`, or `degraded` when the last commit failed (writes are safe in the log but not yet
    /// visible to shortlists).
    pub status: &'static str,
    /// The process is up.
    pub live: bool,
    /// Shortlists see every acknowledged change (up to the commit interval).
    pub ready: bool,
    pub candidates: u64,
    pub uncommitted_changes: usize,
    pub uptime_seconds: u64,
}

/// Liveness and readiness. 200 when ready, 503 when the index cannot commit.
#[utoipa::path(
    get,
    path = "/health",
    tag = "operations",
    responses((status = 200, body = Health), (status = 503, body = Health))
)]
pub async fn health(State(state): State<AppState>) -> impl IntoResponse {
    let status = state.store.status();
    let ready = status.last_error.is_none();
    let health = Health {
        status: if ready { "ok" } else { "degraded" },
        live: true,
        ready,
        candidates: status.candidates,
        uncommitted_changes: status.uncommitted_changes,
        uptime_seconds: state.started.elapsed().as_secs(),
    };
    (if ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE }, Json(health))
}

/// Prometheus metrics: requests and latencies per route, index size, commits.
#[utoipa::path(
    get,
    path = "/metrics",
    tag = "operations",
    responses((status = 200, description = "Prometheus text format", content_type = "text/plain"))
)]
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let text = state.metrics.render(&state.store.status());
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text)
}
