//! `GET`, `PUT` and `DELETE /v1/candidates/{id}`: one profile, for the people allowed to see it.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::Value;

use super::audit::Entry;
use super::auth::{Caller, Role};
use super::error::{ApiError, ErrorBody, parse_json};
use super::{AppState, blocking};
use crate::model::Candidate;
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
    params(("id" = String, Path, description = "Pseudonymous candidate id")),
    responses(
        (status = 200, description = "The profile", body = Candidate),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "A veileder who does not follow the candidate", body = ErrorBody),
        (status = 404, description = "No such candidate", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn read(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let (candidate, own) = read_for(&state, &caller, &id).await?;
    Ok(Json(view(&candidate, own)))
}

/// The profile of `id` if `caller` may read it, audit-logged, and whether the caller is the
/// candidate's own veileder: the API's and the web page's one way to a profile.
pub(crate) async fn read_for(state: &AppState, caller: &Caller, id: &str) -> Result<(Candidate, bool), ApiError> {
    check_id(id)?;
    let store = state.store.clone();
    let lookup = id.to_string();
    let candidate = blocking(move || store.candidate(&lookup)).await??;
    let follows = |c: &Candidate| c.veileder.as_deref() == Some(caller.ident.as_str());
    let candidate = match (candidate, caller.role) {
        (Some(c), Role::Veileder) if !follows(&c) => {
            let reason = "a veileder reads only the candidates they follow";
            state.audit.record(&Entry::deny(caller, "read_profile", reason).candidate(id))?;
            return Err(ApiError::Forbidden(reason.into()));
        }
        // Hidden candidates never appear to advisors, not even by id.
        (Some(c), Role::Advisor) if !c.visible => None,
        (found, _) => found,
    };
    let candidate = candidate.ok_or_else(|| ApiError::NotFound(format!("candidate {id} does not exist")))?;
    state.audit.record(&Entry::permit(caller, "read_profile").candidate(id))?;
    let own = follows(&candidate);
    Ok((candidate, own))
}

/// The profile as a caller may see it: adaptation needs only for the candidate's veileder.
pub fn view(candidate: &Candidate, own_veileder: bool) -> Value {
    let mut value = serde_json::to_value(candidate).unwrap_or(Value::Null);
    if !own_veileder {
        if let Some(object) = value.as_object_mut() {
            object.remove("adaptation_needs");
            object.insert("adaptation_needed".into(), Value::Bool(!candidate.adaptation_needs.is_empty()));
        }
    }
    value
}

/// Creates or replaces a profile. Admins only.
#[utoipa::path(
    put,
    path = "/v1/candidates/{id}",
    tag = "candidates",
    params(("id" = String, Path, description = "Pseudonymous candidate id; must equal the body's id")),
    request_body = Candidate,
    responses(
        (status = 201, description = "Created; durable when this is sent", body = Candidate),
        (status = 200, description = "Replaced; durable when this is sent", body = Candidate),
        (status = 400, description = "Invalid profile", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 503, description = "Not saved; nothing changed", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn upsert(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<Candidate>), ApiError> {
    if caller.role != Role::Admin {
        let reason = "only an admin may create or replace profiles";
        state.audit.record(&Entry::deny(&caller, "upsert", reason).candidate(&id))?;
        return Err(ApiError::Forbidden(reason.into()));
    }
    check_id(&id)?;
    let body = body.map_err(|rejection| ApiError::from_body(rejection, state.body_limit))?;
    let candidate: Candidate = parse_json(&body)?;
    if candidate.id != id {
        return Err(ApiError::BadRequest(format!(
            "the body's id \"{}\" differs from the path's \"{id}\"",
            candidate.id
        )));
    }
    candidate.validate().map_err(|error| ApiError::BadRequest(error.to_string()))?;
    let store = state.store.clone();
    let saved = candidate.clone();
    let outcome = blocking(move || store.upsert(saved)).await??;
    state.audit.record(&Entry::permit(&caller, "upsert").candidate(&id))?;
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
    params(("id" = String, Path, description = "Pseudonymous candidate id")),
    responses(
        (status = 204, description = "Erased; durable when this is sent"),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such candidate", body = ErrorBody),
        (status = 503, description = "Not erased; nothing changed", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn erase(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if caller.role != Role::Admin {
        let reason = "only an admin may delete profiles";
        state.audit.record(&Entry::deny(&caller, "delete", reason).candidate(&id))?;
        return Err(ApiError::Forbidden(reason.into()));
    }
    check_id(&id)?;
    let store = state.store.clone();
    let target = id.clone();
    blocking(move || store.delete(&target)).await??;
    state.audit.record(&Entry::permit(&caller, "delete").candidate(&id))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Refuses ids that no candidate can have.
pub fn check_id(id: &str) -> Result<(), ApiError> {
    crate::model::validate_id(id).map_err(|error| ApiError::BadRequest(error.to_string()))
}
