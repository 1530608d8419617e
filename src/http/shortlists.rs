//! `POST /v1/shortlists`: a job need in, a ranked and explained shortlist out.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;

use super::audit::Entry;
use super::auth::{Caller, Role};
use super::error::{ApiError, ErrorBody, parse_json};
use super::{AppState, on_rayon};
use crate::matching::Matcher;
use crate::model::{JobNeed, Shortlist};

/// Ranks candidates for a job need.
///
/// Must-haves are hard; adjustable criteria are weighted (ranked wishes by rank). Every shortlisted
/// candidate explains itself per criterion; near misses fail exactly one must-have; relaxation
/// counts say how many more would qualify without each must-have. Only a rekrutteringsrådgiver
/// may ask; each shortlist is audit-logged with its criteria and the ids it returned.
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
    ),
    security(("bearer" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Shortlist>, ApiError> {
    if caller.role != Role::Advisor {
        let reason = "only a rekrutteringsrådgiver may ask for shortlists";
        state.audit.record(&Entry::deny(&caller, "shortlist", reason))?;
        return Err(ApiError::Forbidden(reason.into()));
    }
    let body = body.map_err(|rejection| ApiError::from_body(rejection, state.body_limit))?;
    let need: JobNeed = parse_json(&body)?;
    need.validate()?;
    let store = state.store.clone();
    let criteria: Vec<String> = need.criteria.iter().map(|c| c.label()).collect();
    let need_id = need.id.clone();
    let shortlist = on_rayon(move || Matcher::new(store.index()).shortlist(&need)).await??;

    let mut entry = Entry::permit(&caller, "shortlist");
    entry.need_id = Some(need_id);
    entry.criteria = Some(criteria);
    entry.returned = Some(
        shortlist
            .candidates
            .iter()
            .map(|c| c.id.clone())
            .chain(shortlist.near_misses.iter().map(|m| m.id.clone()))
            .collect(),
    );
    state.audit.record(&entry)?;
    Ok(Json(shortlist))
}
