//! The API door: a versioned JSON API onto the service layer, described by an OpenAPI document
//! derived from the handlers themselves. Each resource has its own module; [`routes`] lists them,
//! each with the action the audit log records for it.

mod access;
mod candidates;
pub mod error;
mod followed;
mod health;
mod needs;
mod open_needs;
pub mod openapi;
mod path;
mod shortlists;
mod tags;
mod vocabulary;

use std::sync::Arc;

use axum::routing::{MethodRouter, delete, get, post};
use axum::{Extension, Router};

pub use access::Audited;
pub use error::ApiError;

use crate::service::{Action, Service};

/// Largest request body accepted (a job need or a profile is a few KiB).
pub const BODY_LIMIT: usize = 256 * 1024;
/// A request body must arrive whole within this, or the request is answered 408: a client
/// sending a byte at a time cannot hold a request slot for long.
pub const BODY_DEADLINE: std::time::Duration = std::time::Duration::from_secs(10);

/// The API's routes.
pub fn routes() -> Router<Arc<Service>> {
    Router::new()
        .route("/v1/shortlists", audited(post(shortlists::create), Action::Shortlist))
        .route("/v1/needs/draft", audited(post(shortlists::draft), Action::Draft))
        .route(
            "/v1/candidates/{id}",
            audited(get(candidates::read), Action::ReadProfile)
                .merge(audited(axum::routing::put(candidates::upsert), Action::Upsert))
                .merge(audited(delete(candidates::erase), Action::Delete)),
        )
        .route("/v1/candidates/{id}/tags", audited(post(tags::add), Action::TagAdd))
        .route("/v1/candidates/{id}/tags/{tag}", audited(delete(tags::remove), Action::TagRemove))
        .route("/v1/followed", audited(get(followed::list), Action::ListFollowed))
        .route("/v1/vocabulary", audited(get(vocabulary::suggest), Action::Vocabulary))
        .route(
            "/v1/needs",
            audited(post(needs::save), Action::SaveNeed).merge(audited(get(needs::list), Action::ReadNeed)),
        )
        .route("/v1/needs/{id}", audited(get(needs::read), Action::ReadNeed))
        .route("/v1/needs/{id}/state", audited(post(needs::change_state), Action::ChangeNeed))
        .route("/v1/needs/{id}/candidates", audited(post(needs::add), Action::ChangeList))
        .route("/v1/needs/{id}/candidates/{candidate}", audited(post(needs::change), Action::ChangeList))
        .route("/v1/reports/time-to-match", audited(get(needs::report), Action::Report))
        .route("/v1/reports/time-to-match.csv", audited(get(needs::report_csv), Action::Report))
        .route("/v1/reports/outcomes", audited(get(needs::outcomes), Action::Report))
        .route("/v1/needs/{id}/owner", audited(post(needs::hand_over), Action::ChangeNeed))
        .route("/v1/needs/{id}/copy", audited(post(needs::copy), Action::SaveNeed))
        .route("/v1/followed/lists", audited(get(needs::places), Action::ReadLists))
        .route("/v1/followed/lists/{need}/{candidate}", audited(post(needs::answer), Action::RecordAnswer))
        .route("/v1/candidates/{id}/needs", audited(get(open_needs::for_candidate), Action::ReverseMatch))
        .route("/v1/caseload/needs", audited(get(open_needs::caseload), Action::ReverseMatch))
        .route("/v1/needs/{id}/newly-qualified", audited(get(open_needs::newly_qualified), Action::ReadNeed))
        .route_layer(axum::middleware::from_fn(json_only))
        .route("/openapi.json", get(openapi::document))
}

/// `/health` and `/metrics`: what operators and probes ask, served outside the request limit so
/// that a flood of slow requests cannot hide the service's state.
pub fn operational_routes() -> Router<Arc<Service>> {
    Router::new().route("/health", get(health::health)).route("/metrics", get(health::metrics))
}

/// Refuses an API body that is not declared as JSON (415): a form or `text/plain` post from
/// another site, which a browser sends without asking, never reaches a handler.
async fn json_only(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    use axum::response::IntoResponse;
    let has_body =
        matches!(*request.method(), axum::http::Method::POST | axum::http::Method::PUT | axum::http::Method::PATCH);
    let declared = request.headers().get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
    let json = declared.is_some_and(|value| {
        let essence = value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
        essence == "application/json" || essence.ends_with("+json")
    });
    if has_body && !json {
        return ApiError::UnsupportedMediaType.into_response();
    }
    next.run(request).await
}

/// `route` with the action its requests perform, for the role extractors to audit under.
fn audited(route: MethodRouter<Arc<Service>>, action: Action) -> MethodRouter<Arc<Service>> {
    route.layer(Extension(Audited(action)))
}
