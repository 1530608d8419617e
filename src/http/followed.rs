//! `GET /v1/followed`: the candidates the calling veileder follows.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};

use super::audit::Entry;
use super::auth::{Caller, Role};
use super::candidates::view;
use super::error::{ApiError, ErrorBody};
use super::{AppState, blocking};
use crate::model::Candidate;

const DEFAULT_LIMIT: usize = 50;
const MAX_LIMIT: usize = 500;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// How many to skip (default 0).
    pub offset: Option<usize>,
    /// How many to return, 1–500 (default 50).
    pub limit: Option<usize>,
}

/// One page of a veileder's candidates.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Followed {
    /// How many candidates the veileder follows in all.
    pub total: usize,
    pub offset: usize,
    /// The profiles, in id order.
    #[schema(value_type = Vec<Candidate>)]
    pub candidates: Vec<serde_json::Value>,
}

/// The candidates the calling veileder follows, in id order. Veiledere only; audit-logged.
#[utoipa::path(
    get,
    path = "/v1/followed",
    tag = "candidates",
    params(Page),
    responses(
        (status = 200, description = "A page of the veileder's candidates", body = Followed),
        (status = 400, description = "Invalid offset or limit", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a veileder", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    page: Result<Query<Page>, QueryRejection>,
) -> Result<Json<Followed>, ApiError> {
    let Query(page) = page.map_err(|rejection| ApiError::BadRequest(rejection.body_text()))?;
    let limit = page.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::BadRequest(format!("limit: must be 1–{MAX_LIMIT}")));
    }
    let offset = page.offset.unwrap_or(0);
    let (total, candidates) = followed_for(&state, &caller, offset, limit).await?;
    let candidates = candidates.iter().map(|candidate| view(candidate, true)).collect();
    Ok(Json(Followed { total, offset, candidates }))
}

/// A page of the candidates `caller` follows (veiledere only), audit-logged with the ids shown.
pub(crate) async fn followed_for(
    state: &AppState,
    caller: &Caller,
    offset: usize,
    limit: usize,
) -> Result<(usize, Vec<Candidate>), ApiError> {
    if caller.role != Role::Veileder {
        let reason = "only a veileder has candidates they follow";
        state.audit.record(&Entry::deny(caller, "list_followed", reason))?;
        return Err(ApiError::Forbidden(reason.into()));
    }
    let (store, ident) = (state.store.clone(), caller.ident.clone());
    let (total, candidates) = blocking(move || store.index().followed_by(&ident, offset, limit))
        .await?
        .map_err(crate::store::StoreError::from)?;
    let mut entry = Entry::permit(caller, "list_followed");
    entry.returned = Some(candidates.iter().map(|c| c.id.clone()).collect());
    state.audit.record(&entry)?;
    Ok((total, candidates))
}
