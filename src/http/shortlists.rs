//! `POST /v1/shortlists` and `POST /v1/needs/draft`: the advisor's job needs.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;

use super::access::AsAdvisor;
use super::error::{ApiError, ErrorBody, parse_body};
use crate::model::{Draft, JobNeed, Shortlist};
use crate::service::Service;

/// Ranks candidates for a job need.
///
/// Must-haves are hard; adjustable criteria are weighted (ranked wishes by rank). Every shortlisted
/// candidate explains itself per criterion; near misses fail exactly one must-have; relaxation
/// counts say how many more would qualify without each must-have. A need with answers but no
/// criteria is drafted from the answers first, and the draft is returned beside the shortlist.
/// Only a rekrutteringsrådgiver may ask; each shortlist is audit-logged with its criteria and the
/// ids it returned.
#[utoipa::path(
    post,
    path = "/v1/shortlists",
    tag = "shortlists",
    request_body = JobNeed,
    responses(
        (status = 200, description = "The shortlist", body = Shortlist),
        (status = 400, description = "Malformed or impossible need", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a rekrutteringsrådgiver", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "Body not sent as application/json", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn create(
    State(service): State<Arc<Service>>,
    AsAdvisor(advisor): AsAdvisor,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Shortlist>, ApiError> {
    let need: JobNeed = parse_body(body)?;
    Ok(Json(service.shortlist(&advisor, need).await?))
}

/// Drafts a job need from the employer's three answers, for the advisor to review and edit.
///
/// The body is a job need whose `answers` hold the employer's text; its `criteria` are ignored
/// and drafted from the answers. The response holds the drafted need, every phrase that could
/// not be placed, and phrases refused because they would select on age, gender, health or
/// ethnicity. Only a rekrutteringsrådgiver may ask.
#[utoipa::path(
    post,
    path = "/v1/needs/draft",
    tag = "shortlists",
    request_body = JobNeed,
    responses(
        (status = 200, description = "The draft", body = Draft),
        (status = 400, description = "Malformed need", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a rekrutteringsrådgiver", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "Body not sent as application/json", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn draft(
    State(service): State<Arc<Service>>,
    AsAdvisor(advisor): AsAdvisor,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Draft>, ApiError> {
    let need: JobNeed = parse_body(body)?;
    Ok(Json(service.draft(&advisor, &need).await?))
}
