//! `GET /health` (liveness and readiness) and `GET /metrics` (OpenMetrics). No token needed; no
//! candidate data in either.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::Serialize;

use crate::service::{Service, metrics};

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
    /// `lexical+semantic` when wishes are also matched by meaning (the embedding model is
    /// loaded), `lexical only` when it is not.
    pub matching: &'static str,
    /// Distinct profile phrases the semantic layer knows (0 when lexical only).
    pub semantic_phrases: usize,
}

/// Liveness and readiness. 200 when ready, 503 when the index cannot commit.
#[utoipa::path(
    get,
    path = "/health",
    tag = "operations",
    responses((status = 200, body = Health), (status = 503, body = Health))
)]
pub async fn health(State(service): State<Arc<Service>>) -> impl IntoResponse {
    let figures = service.health();
    let ready = figures.store.last_error.is_none();
    let health = Health {
        status: if ready { "ok" } else { "degraded" },
        live: true,
        ready,
        candidates: figures.store.candidates,
        uncommitted_changes: figures.store.uncommitted_changes,
        uptime_seconds: figures.uptime_seconds,
        matching: if figures.semantic_phrases.is_some() { "lexical+semantic" } else { "lexical only" },
        semantic_phrases: figures.semantic_phrases.unwrap_or(0),
    };
    (if ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE }, Json(health))
}

/// Metrics in the OpenMetrics text format: requests and latencies per route, index size, commits.
#[utoipa::path(
    get,
    path = "/metrics",
    tag = "operations",
    responses((status = 200, description = "OpenMetrics text format", content_type = "application/openmetrics-text"))
)]
pub async fn metrics(State(service): State<Arc<Service>>) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, metrics::CONTENT_TYPE)], service.metrics().render())
}
