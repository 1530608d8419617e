//! `GET /v1/vocabulary?prefix=…`: typeahead for criteria and tags.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};

use super::auth::Caller;
use super::error::{ApiError, ErrorBody};
use super::{AppState, blocking};
use crate::taxonomy::ConceptKind;

const DEFAULT_LIMIT: usize = 10;
const MAX_LIMIT: usize = 50;
const MAX_PREFIX_CHARS: usize = 50;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct SuggestQuery {
    /// The start of a word or phrase (case does not matter).
    pub prefix: String,
    /// How many suggestions from each source, 1–50 (default 10).
    pub limit: Option<usize>,
}

/// One suggestion.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Suggestion {
    pub text: String,
    /// `vocabulary` (a known concept's name) or `index` (written in profiles or tags).
    pub source: &'static str,
    /// For vocabulary suggestions: what the concept is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ConceptKind>,
    /// For index suggestions: how many profiles hold it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
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
    State(state): State<AppState>,
    _caller: Caller,
    query: Result<Query<SuggestQuery>, QueryRejection>,
) -> Result<Json<Suggestions>, ApiError> {
    let Query(query) = query.map_err(|rejection| ApiError::BadRequest(rejection.body_text()))?;
    let prefix = query.prefix.trim().to_lowercase();
    if prefix.is_empty() || prefix.chars().count() > MAX_PREFIX_CHARS {
        return Err(ApiError::BadRequest(format!("prefix must be 1–{MAX_PREFIX_CHARS} characters")));
    }
    if prefix.chars().any(char::is_control) {
        return Err(ApiError::BadRequest("prefix contains a control character".into()));
    }
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::BadRequest(format!("limit must be within 1–{MAX_LIMIT}")));
    }
    let store = state.store.clone();
    let suggestions = blocking(move || -> Result<Vec<Suggestion>, ApiError> {
        let index = store.index();
        let mut suggestions: Vec<Suggestion> = index
            .taxonomy()
            .labels_with_prefix(&prefix)
            .into_iter()
            .take(limit)
            .map(|(text, kind)| Suggestion {
                text: text.to_string(),
                source: "vocabulary",
                kind: Some(kind),
                count: None,
            })
            .collect();
        let phrases = index.phrases_with_prefix(&prefix, limit).map_err(|e| ApiError::Internal(e.to_string()))?;
        for (text, count) in phrases {
            if !suggestions.iter().any(|s| s.text.eq_ignore_ascii_case(&text)) {
                suggestions.push(Suggestion { text, source: "index", kind: None, count: Some(count) });
            }
        }
        Ok(suggestions)
    })
    .await??;
    Ok(Json(Suggestions { suggestions }))
}
