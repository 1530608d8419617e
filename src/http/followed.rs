//! `GET /v1/followed`: the candidates the calling veileder follows.

use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};

use super::access::AsVeileder;
use super::error::{ApiError, ErrorBody};
use crate::model::Candidate;
use crate::service::{ProfileView, Service};

const DEFAULT_LIMIT: usize = 50;
const MAX_LIMIT: usize = 500;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// How many to skip (default 0).
    pub offset: Option<usize>,
    /// How many to return, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
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
    State(service): State<Arc<Service>>,
    AsVeileder(veileder): AsVeileder,
    page: Result<Query<Page>, QueryRejection>,
) -> Result<Json<Followed>, ApiError> {
    let Query(page) = page.map_err(|rejection| ApiError::BadRequest(rejection.body_text()))?;
    let limit = page.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::BadRequest(format!("limit: must be 1–{MAX_LIMIT}")));
    }
    let offset = page.offset.unwrap_or(0);
    let found = service.followed(&veileder, offset, limit).await?;
    let candidates =
        found.candidates.into_iter().map(|candidate| ProfileView { candidate, own: true }.to_json()).collect();
    Ok(Json(Followed { total: found.total, offset, candidates }))
}
