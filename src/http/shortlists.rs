//! `POST /v1/shortlists`: a job need in, a ranked and explained shortlist out.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;

use super::audit::Entry;
use super::auth::{Caller, Role};
use super::error::{ApiError, ErrorBody, parse_json};
use super::{AppState, on_rayon};
use time::OffsetDateTime;

use crate::draft::{Draft, draft_need};
use crate::matching::Matcher;
use crate::model::{JobNeed, Shortlist};

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
    ),
    security(("bearer" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Shortlist>, ApiError> {
    // Refused before the body is read, so a caller without the role learns nothing from it;
    // shortlist_for checks again for the web page, which has no body to read first.
    refuse_unless_advisor(&state, &caller)?;
    let body = body.map_err(|rejection| ApiError::from_body(rejection, state.body_limit))?;
    let need: JobNeed = parse_json(&body)?;
    Ok(Json(shortlist_for(&state, &caller, need).await?))
}

fn refuse_unless_advisor(state: &AppState, caller: &Caller) -> Result<(), ApiError> {
    if caller.role == Role::Advisor {
        return Ok(());
    }
    let reason = "only a rekrutteringsrådgiver may ask for shortlists";
    state.audit.record(&Entry::deny(caller, "shortlist", reason))?;
    Err(ApiError::Forbidden(reason.into()))
}

/// The shortlist for `need` as `caller` may have it (advisors only), audit-logged: the API's
/// and the web page's one way to a shortlist.
pub(crate) async fn shortlist_for(state: &AppState, caller: &Caller, mut need: JobNeed) -> Result<Shortlist, ApiError> {
    refuse_unless_advisor(state, caller)?;
    need.validate()?;
    let mut drafted = None;
    if need.criteria.is_empty() && !answers_empty(&need) {
        let draft = draft_need(&need, state.store.index().taxonomy(), OffsetDateTime::now_utc().date());
        draft.need.validate()?;
        need = draft.need.clone();
        drafted = Some(Box::new(draft));
    }
    let store = state.store.clone();
    let criteria: Vec<String> = need.criteria.iter().map(|c| c.label()).collect();
    let need_id = need.id.clone();
    let mut shortlist = on_rayon(move || Matcher::new(store.index()).shortlist(&need)).await??;
    shortlist.drafted = drafted;

    let mut entry = Entry::permit(caller, "shortlist");
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
    Ok(shortlist)
}

fn answers_empty(need: &JobNeed) -> bool {
    let answers = &need.answers;
    answers.must_have.trim().is_empty() && answers.wishes.trim().is_empty() && answers.room_to_adapt.trim().is_empty()
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
    ),
    security(("bearer" = []))
)]
pub async fn draft(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Draft>, ApiError> {
    if caller.role != Role::Advisor {
        return Err(ApiError::Forbidden("only a rekrutteringsrådgiver drafts job needs".into()));
    }
    let body = body.map_err(|rejection| ApiError::from_body(rejection, state.body_limit))?;
    let need: JobNeed = parse_json(&body)?;
    Ok(Json(draft_for(&state, &need)?))
}

/// The draft of `need`'s answers (the caller has been checked to be an advisor).
pub(crate) fn draft_for(state: &AppState, need: &JobNeed) -> Result<Draft, ApiError> {
    need.validate()?;
    if answers_empty(need) {
        return Err(ApiError::BadRequest("answers: all three answers are empty; nothing to draft".into()));
    }
    Ok(draft_need(need, state.store.index().taxonomy(), OffsetDateTime::now_utc().date()))
}
