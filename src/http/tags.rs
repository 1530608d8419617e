//! `POST /v1/candidates/{id}/tags` and `DELETE /v1/candidates/{id}/tags/{tag}`: a veileder records
//! what no CV holds — interests, informal skills, work preferences.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use time::OffsetDateTime;

use super::audit::Entry;
use super::auth::{Caller, Role};
use super::candidates::check_id;
use super::error::{ApiError, ErrorBody, parse_json};
use super::{AppState, blocking};
use crate::model::{Tag, TagKind};
use crate::store::{Edit, UpdateError};

/// Longest tag label.
const MAX_LABEL_CHARS: usize = 120;

/// A tag to add; who and when are filled in from the caller and the clock.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTag {
    /// As the veileder would say it, e.g. `interessert i bil og motor`.
    pub label: String,
    pub kind: TagKind,
}

/// Why a tag edit was refused.
#[derive(Debug, thiserror::Error)]
enum Refusal {
    #[error("a veileder tags only the candidates they follow")]
    NotFollowed,
    #[error("the candidate has no tag \"{0}\"")]
    NoSuchTag(String),
}

/// Adds a tag. Veiledere only, on the candidates they follow.
///
/// Returns 201 with the tag, or 200 if the candidate already had it. Durable when the response
/// is sent; lifts the candidate in shortlists within a second.
#[utoipa::path(
    post,
    path = "/v1/candidates/{id}/tags",
    tag = "tags",
    params(("id" = String, Path, description = "Pseudonymous candidate id")),
    request_body = NewTag,
    responses(
        (status = 201, description = "Added", body = Tag),
        (status = 200, description = "Already there", body = Tag),
        (status = 400, description = "Invalid tag", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a veileder, or not this candidate's", body = ErrorBody),
        (status = 404, description = "No such candidate", body = ErrorBody),
        (status = 503, description = "Not saved; nothing changed", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn add(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<Tag>), ApiError> {
    // Refused before the body is read; add_for checks again for the web page.
    require_veileder(&state, &caller, "tag_add", &id)?;
    let body = body.map_err(|rejection| ApiError::from_body(rejection, state.body_limit))?;
    let new: NewTag = parse_json(&body)?;
    let (status, tag) = add_for(&state, &caller, &id, new).await?;
    Ok((status, Json(tag)))
}

/// Adds `new` to `id`'s tags as `caller` (their own candidates only), audit-logged: the API's and
/// the web page's one way to tag.
pub(crate) async fn add_for(
    state: &AppState,
    caller: &Caller,
    id: &str,
    new: NewTag,
) -> Result<(StatusCode, Tag), ApiError> {
    require_veileder(state, caller, "tag_add", id)?;
    check_id(id)?;
    let label = check_label(&new.label, state)?;
    let tag = Tag { label: label.clone(), kind: new.kind, by: caller.ident.clone(), at: now() };
    let (store, ident, target) = (state.store.clone(), caller.ident.clone(), id.to_string());
    let result = blocking(move || {
        store.update(&target, |candidate| {
            if candidate.veileder.as_deref() != Some(ident.as_str()) {
                return Err(Refusal::NotFollowed);
            }
            let same = |t: &Tag| t.kind == tag.kind && t.label.trim().eq_ignore_ascii_case(tag.label.trim());
            if let Some(existing) = candidate.tags.iter().find(|t| same(t)) {
                return Ok(Edit::Unchanged((StatusCode::OK, existing.clone())));
            }
            candidate.tags.push(tag.clone());
            Ok(Edit::Changed((StatusCode::CREATED, tag)))
        })
    })
    .await?;
    settle(state, caller, "tag_add", id, &label, result)
}

/// Removes a tag by its label. Veiledere only, on the candidates they follow.
#[utoipa::path(
    delete,
    path = "/v1/candidates/{id}/tags/{tag}",
    tag = "tags",
    params(
        ("id" = String, Path, description = "Pseudonymous candidate id"),
        ("tag" = String, Path, description = "The tag's label (URL-encoded; case does not matter)"),
    ),
    responses(
        (status = 204, description = "Removed; durable when this is sent"),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a veileder, or not this candidate's", body = ErrorBody),
        (status = 404, description = "No such candidate or tag", body = ErrorBody),
        (status = 503, description = "Not saved; nothing changed", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn remove(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, label)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    remove_for(&state, &caller, &id, &label).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes the tag labelled `label` from `id` as `caller`, audit-logged.
pub(crate) async fn remove_for(state: &AppState, caller: &Caller, id: &str, label: &str) -> Result<(), ApiError> {
    require_veileder(state, caller, "tag_remove", id)?;
    check_id(id)?;
    let (store, ident, target, wanted) = (state.store.clone(), caller.ident.clone(), id.to_string(), label.to_string());
    let result = blocking(move || {
        store.update(&target, |candidate| {
            if candidate.veileder.as_deref() != Some(ident.as_str()) {
                return Err(Refusal::NotFollowed);
            }
            let before = candidate.tags.len();
            candidate.tags.retain(|t| !t.label.trim().eq_ignore_ascii_case(wanted.trim()));
            if candidate.tags.len() == before {
                return Err(Refusal::NoSuchTag(wanted.clone()));
            }
            Ok(Edit::Changed(()))
        })
    })
    .await?;
    settle(state, caller, "tag_remove", id, label, result)
}

fn require_veileder(state: &AppState, caller: &Caller, action: &'static str, id: &str) -> Result<(), ApiError> {
    if caller.role == Role::Veileder {
        return Ok(());
    }
    let reason = "only a veileder may change tags";
    state.audit.record(&Entry::deny(caller, action, reason).candidate(id))?;
    Err(ApiError::Forbidden(reason.into()))
}

/// Audits the outcome of a tag edit and turns refusals into responses.
fn settle<T>(
    state: &AppState,
    caller: &Caller,
    action: &'static str,
    id: &str,
    label: &str,
    result: Result<T, UpdateError<Refusal>>,
) -> Result<T, ApiError> {
    match result {
        Ok(value) => {
            state.audit.record(&Entry::permit(caller, action).candidate(id).tag(label))?;
            Ok(value)
        }
        Err(UpdateError::Edit(refusal @ Refusal::NotFollowed)) => {
            state.audit.record(&Entry::deny(caller, action, refusal.to_string()).candidate(id).tag(label))?;
            Err(ApiError::Forbidden(refusal.to_string()))
        }
        Err(UpdateError::Edit(refusal @ Refusal::NoSuchTag(_))) => Err(ApiError::NotFound(refusal.to_string())),
        Err(UpdateError::Store(error)) => Err(error.into()),
    }
}

/// A label must hold words, no control characters, nothing shaped like a national id number.
fn check_label(label: &str, state: &AppState) -> Result<String, ApiError> {
    let label = label.trim();
    let bad = |detail: &str| Err(ApiError::BadRequest(format!("label: {detail}")));
    if label.is_empty() {
        return bad("is empty");
    }
    if label.chars().count() > MAX_LABEL_CHARS {
        return bad(&format!("is longer than {MAX_LABEL_CHARS} characters"));
    }
    if let Some(c) = label.chars().find(|c| c.is_control()) {
        return bad(&format!("contains the control character U+{:04X}", c as u32));
    }
    if crate::model::looks_like_national_id(label) {
        return bad("looks like it holds a national identity number");
    }
    if state.store.index().taxonomy().analyzer().stems(label).is_empty() {
        return bad("has no words");
    }
    Ok(label.to_string())
}

fn now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}
