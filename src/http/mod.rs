//! The API door: a versioned JSON API onto the service layer, described by an OpenAPI document
//! derived from the handlers themselves. Each resource has its own module; [`routes`] lists them,
//! each with the action the audit log records for it.

mod access;
mod candidates;
pub mod error;
mod followed;
mod health;
pub mod openapi;
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
        .route("/health", get(health::health))
        .route("/metrics", get(health::metrics))
        .route("/openapi.json", get(openapi::document))
}

/// `route` with the action its requests perform, for the role extractors to audit under.
fn audited(route: MethodRouter<Arc<Service>>, action: Action) -> MethodRouter<Arc<Service>> {
    route.layer(Extension(Audited(action)))
}
