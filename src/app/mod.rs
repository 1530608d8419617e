//! The running service: both doors — the API ([`crate::http`]) and the pages ([`crate::web`]) —
//! behind one set of layers, assembled here and nowhere else, and served until Ctrl-C or SIGTERM.

pub mod connections;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::{RequestBodyDeadlineLayer, TimeoutLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::http::{ApiError, BODY_DEADLINE, BODY_LIMIT};
use crate::service::Service;

/// A request taking longer than this is answered 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Requests handled at once; more wait their turn.
pub const MAX_CONCURRENT_REQUESTS: usize = 512;

/// The whole service. Layers, outermost first: concurrency limit, compression, timeout, request
/// tracing (by route template, never with ids or bodies), metrics, security headers, body limit
/// and body deadline.
/// `/health` and `/metrics` stand outside the concurrency limit and the timeout.
pub fn router(service: Arc<Service>) -> Router {
    let operational = crate::http::operational_routes()
        .layer(axum::middleware::from_fn(security_headers))
        .layer(axum::middleware::from_fn_with_state(service.clone(), record));
    Router::new()
        .merge(crate::http::routes())
        .merge(crate::web::routes())
        .fallback(|| async { ApiError::NotFound("no such route; see /openapi.json".into()) })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestBodyDeadlineLayer::new(BODY_DEADLINE))
        .layer(axum::middleware::from_fn(security_headers))
        .layer(axum::middleware::from_fn_with_state(service.clone(), record))
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
        .merge(operational)
        .with_state(service)
}

/// The policy pages are served under: scripts and styles from this service only (the score bar
/// sets its width in a style attribute), no plugins, no framing, forms posted only here.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     style-src-attr 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// Headers a careful web service sends with every answer: no content sniffing, no referrer to
/// other sites (`no-referrer` would make browsers send `Origin: null` on our own forms), no
/// framing, the content security policy, and — for everything but the static assets, since
/// pages and API answers carry candidate data — nothing kept in caches.
async fn security_headers(request: Request, next: Next) -> Response {
    use axum::http::{HeaderValue, header};
    let assets = request.uri().path().starts_with("/static/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    if !assets {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Times every request and counts it by its route's template.
async fn record(State(service): State<Arc<Service>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", |path| path.as_str()).to_string();
    let method = request.method().to_string();
    let response = next.run(request).await;
    service.metrics().observe(&route, &method, response.status().as_u16(), started.elapsed().as_secs_f64());
    response
}

/// Serves `service` on `listener` under `limits` until Ctrl-C or SIGTERM, then lets requests in
/// flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    service: Arc<Service>,
    limits: connections::ConnectionLimits,
) -> std::io::Result<()> {
    connections::serve_with_limits(listener, router(service), limits, shutdown_signal()).await
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
