//! `POST /v1/candidates/{id}/tags` and `DELETE /v1/candidates/{id}/tags/{tag}`: a veileder records
//! what no CV holds — interests, informal skills, work preferences.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;

use super::access::AsVeileder;
use super::error::{ApiError, ErrorBody, parse_body};
use super::path::Path;
use crate::model::{Tag, TagKind};
use crate::service::{NewTag, Service, TagChange, TagEffect};

/// Adds a tag. Veiledere only, on the candidates they follow.
///
/// Returns 201 with the tag, or 200 if the candidate already had it, and which open job needs
/// it changed for the candidate (entered, left, moved up or down). Durable when the response is
/// sent; lifts the candidate in shortlists within a second.
#[utoipa::path(
    post,
    path = "/v1/candidates/{id}/tags",
    tag = "tags",
    params(("id" = String, Path, pattern = "^[A-Za-z0-9._-]{1,64}$", description = "Pseudonymous candidate id")),
    request_body = NewTag,
    responses(
        (status = 201, description = "Added, with what it changed among the open needs", body = TagWritten),
        (status = 200, description = "Already there", body = TagWritten),
        (status = 400, description = "Invalid tag", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a veileder, or not this candidate's", body = ErrorBody),
        (status = 404, description = "No such candidate", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "Body not sent as application/json", body = ErrorBody),
        (status = 503, description = "Not saved; nothing changed", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn add(
    State(service): State<Arc<Service>>,
    AsVeileder(veileder): AsVeileder,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<TagWritten>), ApiError> {
    let new: NewTag = parse_body(body)?;
    let (change, tag, open_needs) = service.add_tag_showing_effect(&veileder, &id, new).await?;
    let status = if change == TagChange::Added { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(TagWritten::of(tag, open_needs))))
}

/// A tag as saved (the fields of `Tag`), and what it changed among the open needs. Spelled out
/// rather than flattened: `Tag` allows no other fields, so a flattened schema would forbid
/// `open_needs`.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct TagWritten {
    pub label: String,
    pub kind: TagKind,
    pub by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
    /// Absent when it could not be worked out (the tag is saved all the same).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open_needs: Option<TagEffect>,
}

impl TagWritten {
    fn of(tag: Tag, open_needs: Option<TagEffect>) -> Self {
        TagWritten { label: tag.label, kind: tag.kind, by: tag.by, at: tag.at, open_needs }
    }
}

/// Removes a tag by its label. Veiledere only, on the candidates they follow.
#[utoipa::path(
    delete,
    path = "/v1/candidates/{id}/tags/{tag}",
    tag = "tags",
    params(
        ("id" = String, Path, pattern = "^[A-Za-z0-9._-]{1,64}$", description = "Pseudonymous candidate id"),
        ("tag" = String, Path, description = "The tag's label (URL-encoded; case does not matter)"),
    ),
    responses(
        (status = 204, description = "Removed; durable when this is sent"),
        (status = 400, description = "An id no candidate can have", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a veileder, or not this candidate's", body = ErrorBody),
        (status = 404, description = "No such candidate or tag", body = ErrorBody),
        (status = 503, description = "Not saved; nothing changed", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn remove(
    State(service): State<Arc<Service>>,
    AsVeileder(veileder): AsVeileder,
    Path((id, label)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    // The advisors whose needs the candidate leaves learn it; the veileder asks
    // `GET /v1/candidates/{id}/needs` for where the candidate stands now.
    service.remove_tag_showing_effect(&veileder, &id, &label).await?;
    Ok(StatusCode::NO_CONTENT)
}
