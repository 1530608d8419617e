//! `GET /v1/vocabulary?prefix=…`: typeahead for criteria and tags.

use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};

use super::access::AnyCaller;
use super::error::{ApiError, ErrorBody};
use crate::service::{Service, Suggestion};

const DEFAULT_LIMIT: usize = 10;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SuggestQuery {
    /// The start of a word or phrase (case does not matter): 1–50 characters, not only spaces,
    /// no control characters.
    #[param(
        min_length = 1,
        max_length = 50,
        pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
    )]
    pub prefix: String,
    /// How many suggestions from each source, 1–50 (default 10).
    #[param(minimum = 1, maximum = 50)]
    pub limit: Option<usize>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Suggestions {
    pub suggestions: Vec<Suggestion>,
}

/// Suggests criteria and tag labels: names from the vocabulary first, then what profiles and
/// tags in the index actually say, most common first. Any authenticated caller.
#[utoipa::path(
    get,
    path = "/v1/vocabulary",
    tag = "vocabulary",
    params(SuggestQuery),
    responses(
        (status = 200, description = "Suggestions", body = Suggestions),
        (status = 400, description = "Missing or invalid prefix or limit", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn suggest(
    State(service): State<Arc<Service>>,
    AnyCaller(caller): AnyCaller,
    query: Result<Query<SuggestQuery>, QueryRejection>,
) -> Result<Json<Suggestions>, ApiError> {
    let Query(query) = query.map_err(|rejection| ApiError::BadRequest(rejection.body_text()))?;
    let suggestions = service.suggest(&caller, &query.prefix, query.limit.unwrap_or(DEFAULT_LIMIT)).await?;
    Ok(Json(Suggestions { suggestions }))
}
