//! `GET`, `PUT` and `DELETE /v1/candidates/{id}`: one profile, for the people allowed to see it.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use serde_json::Value;

use super::access::{AnyCaller, AsAdmin};
use super::error::{ApiError, ErrorBody, parse_body};
use super::path::Path;
use crate::model::Candidate;
use crate::service::Service;
use crate::store::Upserted;

/// Reads one profile.
///
/// A rekrutteringsrådgiver and an admin read any visible profile; a veileder only the candidates
/// they follow. Adaptation needs are shown only to the candidate's own veileder; others see
/// `adaptation_needed: true|false` instead. Every read is audit-logged.
#[utoipa::path(
    get,
    path = "/v1/candidates/{id}",
    tag = "candidates",
    params(("id" = String, Path, pattern = "^[A-Za-z0-9._-]{1,64}$", description = "Pseudonymous candidate id")),
    responses(
        (status = 200, description = "The profile", body = Candidate),
        (status = 400, description = "An id no candidate can have", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "A veileder who does not follow the candidate", body = ErrorBody),
        (status = 404, description = "No such candidate", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn read(
    State(service): State<Arc<Service>>,
    AnyCaller(caller): AnyCaller,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(service.profile(&caller, &id).await?.to_json()))
}

/// Creates or replaces a profile. Admins only.
#[utoipa::path(
    put,
    path = "/v1/candidates/{id}",
    tag = "candidates",
    params(("id" = String, Path, pattern = "^[A-Za-z0-9._-]{1,64}$", description = "Pseudonymous candidate id; must equal the body's id")),
    request_body = Candidate,
    responses(
        (status = 201, description = "Created; durable when this is sent", body = Candidate),
        (status = 200, description = "Replaced; durable when this is sent", body = Candidate),
        (status = 400, description = "Invalid profile", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "Body not sent as application/json", body = ErrorBody),
        (status = 503, description = "Not saved; nothing changed", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn upsert(
    State(service): State<Arc<Service>>,
    AsAdmin(admin): AsAdmin,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<Candidate>), ApiError> {
    let candidate: Candidate = parse_body(body)?;
    let outcome = service.upsert(&admin, &id, candidate.clone()).await?;
    let status = if outcome == Upserted::Created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(candidate)))
}

/// Erases a candidate from every store and index (GDPR). Admins only.
///
/// Gone from look-ups at once, from shortlists within a second, and from the index files and the
/// write-ahead log shortly after.
#[utoipa::path(
    delete,
    path = "/v1/candidates/{id}",
    tag = "candidates",
    params(("id" = String, Path, pattern = "^[A-Za-z0-9._-]{1,64}$", description = "Pseudonymous candidate id")),
    responses(
        (status = 204, description = "Erased; durable when this is sent"),
        (status = 400, description = "An id no candidate can have", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such candidate", body = ErrorBody),
        (status = 503, description = "Not erased; nothing changed", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn erase(
    State(service): State<Arc<Service>>,
    AsAdmin(admin): AsAdmin,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    service.erase(&admin, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
