//! Saved job needs and their kandidatlister, the time-to-match report, and — for veiledere —
//! the lists their own candidates are on.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use time::OffsetDateTime;

use super::access::{AsAdvisor, AsVeileder};
use super::error::{ApiError, ErrorBody, parse_body};
use super::path::Path;
use crate::followup::report::TimeToMatch;
use crate::followup::{CandidateAnswer, NeedState, NeedView, Outcome, SavedNeed, Status, UnsuitableReason};
use crate::service::{EntryChange, ListPlace, NeedSummary, Service};

/// Saves a job need (the need as edited, the employer, the kontor, positions to fill, and
/// optionally its STYRK-08 code); the advisor who saves it owns it. Its state starts `åpen`.
#[utoipa::path(
    post,
    path = "/v1/needs",
    tag = "kandidatlister",
    request_body = SavedNeed,
    responses(
        (status = 201, description = "Saved; durable when this is sent", body = NeedView),
        (status = 400, description = "Invalid need, or its id is taken", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a rekrutteringsrådgiver", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "Body not sent as application/json", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn save(
    State(service): State<Arc<Service>>,
    AsAdvisor(advisor): AsAdvisor,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<NeedView>), ApiError> {
    let saved: SavedNeed = parse_body(body)?;
    Ok((StatusCode::CREATED, Json(service.save_need(&advisor, saved).await?)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct NeedFilter {
    /// Only needs in this state: `åpen`, `fylt` or `avsluttet`.
    pub state: Option<NeedState>,
    /// A kontor's needs instead of the caller's own.
    #[param(min_length = 1, max_length = 200)]
    pub kontor: Option<String>,
}

/// The caller's own needs (or a kontor's), newest first.
#[utoipa::path(
    get,
    path = "/v1/needs",
    tag = "kandidatlister",
    params(NeedFilter),
    responses(
        (status = 200, description = "The needs", body = [NeedSummary]),
        (status = 400, description = "Unknown state", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a rekrutteringsrådgiver", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn list(
    State(service): State<Arc<Service>>,
    AsAdvisor(advisor): AsAdvisor,
    filter: Result<Query<NeedFilter>, QueryRejection>,
) -> Result<Json<Vec<NeedSummary>>, ApiError> {
    let Query(filter) = filter.map_err(|rejection| ApiError::BadRequest(rejection.body_text()))?;
    if filter.kontor.as_deref().is_some_and(|kontor| kontor.is_empty() || kontor.chars().count() > 200) {
        return Err(ApiError::BadRequest("kontor: 1–200 characters".into()));
    }
    Ok(Json(service.needs(&advisor, filter.state, filter.kontor.as_deref())?))
}

/// One need with its kandidatliste: each candidate's snapshot, status, outcome and history.
#[utoipa::path(
    get,
    path = "/v1/needs/{id}",
    tag = "kandidatlister",
    params(("id" = String, Path, description = "The need's id")),
    responses(
        (status = 200, description = "The need", body = NeedView),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a rekrutteringsrådgiver", body = ErrorBody),
        (status = 404, description = "No such need", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn read(
    State(service): State<Arc<Service>>,
    AsAdvisor(advisor): AsAdvisor,
    Path(id): Path<String>,
) -> Result<Json<NeedView>, ApiError> {
    Ok(Json(service.need(&advisor, &id)?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StateChange {
    pub state: NeedState,
    /// Why; required when closing (`avsluttet`).
    #[serde(default)]
    pub reason: Option<String>,
}

/// Moves a need to `åpen`, `fylt` or `avsluttet` (the owner only). Closing it closes its list:
/// each presented candidate's outcome becomes `annen_fikk_jobben` or `ingen_fikk_jobben`.
#[utoipa::path(
    post,
    path = "/v1/needs/{id}/state",
    tag = "kandidatlister",
    params(("id" = String, Path, description = "The need's id")),
    request_body = StateChange,
    responses(
        (status = 200, description = "Changed; durable when this is sent", body = NeedView),
        (status = 400, description = "Already in that state, or no reason for closing", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "Body not sent as application/json", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not the need's owner", body = ErrorBody),
        (status = 404, description = "No such need", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn change_state(
    State(service): State<Arc<Service>>,
    AsAdvisor(advisor): AsAdvisor,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<NeedView>, ApiError> {
    let change: StateChange = parse_body(body)?;
    Ok(Json(service.set_need_state(&advisor, &id, change.state, change.reason).await?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddCandidate {
    #[schema(pattern = "^[A-Za-z0-9._-]{1,64}$")]
    pub candidate: String,
}

/// Adds a candidate from the need's shortlist (or its near misses) to its list, keeping their
/// score and explanation as they are now. The list must be open.
#[utoipa::path(
    post,
    path = "/v1/needs/{id}/candidates",
    tag = "kandidatlister",
    params(("id" = String, Path, description = "The need's id")),
    request_body = AddCandidate,
    responses(
        (status = 201, description = "Added; durable when this is sent", body = NeedView),
        (status = 400, description = "Not on the shortlist, already on the list, or the need is not open", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "Body not sent as application/json", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a rekrutteringsrådgiver", body = ErrorBody),
        (status = 404, description = "No such need", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn add(
    State(service): State<Arc<Service>>,
    AsAdvisor(advisor): AsAdvisor,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<NeedView>), ApiError> {
    let add: AddCandidate = parse_body(body)?;
    Ok((StatusCode::CREATED, Json(service.add_to_list(&advisor, &id, &add.candidate).await?)))
}

/// Exactly one of: a new status (with a reason when `uaktuell`), a new outcome (the owner
/// only), or archived (`true` removes the candidate from the list, `false` brings them back).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ListChange {
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub reason: Option<UnsuitableReason>,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    #[serde(default)]
    pub archived: Option<bool>,
}

/// Changes one candidate on a list; every change is kept in the entry's history.
#[utoipa::path(
    post,
    path = "/v1/needs/{id}/candidates/{candidate}",
    tag = "kandidatlister",
    params(
        ("id" = String, Path, description = "The need's id"),
        ("candidate" = String, Path, pattern = "^[A-Za-z0-9._-]{1,64}$", description = "The candidate's id"),
    ),
    request_body = ListChange,
    responses(
        (status = 200, description = "Changed; durable when this is sent", body = NeedView),
        (status = 400, description = "Not exactly one change, not on the list, or the need is not open", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "Body not sent as application/json", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "An outcome by someone other than the owner", body = ErrorBody),
        (status = 404, description = "No such need", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn change(
    State(service): State<Arc<Service>>,
    AsAdvisor(advisor): AsAdvisor,
    Path((id, candidate)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<NeedView>, ApiError> {
    let change: ListChange = parse_body(body)?;
    let one = match (change.status, change.outcome, change.archived) {
        (Some(status), None, None) => EntryChange::Status(status, change.reason),
        (None, Some(outcome), None) if change.reason.is_none() => EntryChange::Outcome(outcome),
        (None, None, Some(archived)) if change.reason.is_none() => EntryChange::Archived(archived),
        _ => return Err(ApiError::BadRequest("give exactly one of status (with reason), outcome, archived".into())),
    };
    Ok(Json(service.change_on_list(&advisor, &id, &candidate, one).await?))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// Needs saved on or after this day (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<String>,
    /// Needs saved before this day (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<String>,
}

/// Time to match: days from a saved need to the first candidate presented and hired (median,
/// 90th percentile), the share presented within 30 and 90 days, and the funnel — overall, by
/// month, kontor and industry, and per need.
#[utoipa::path(
    get,
    path = "/v1/reports/time-to-match",
    tag = "kandidatlister",
    params(Period),
    responses(
        (status = 200, description = "The report", body = TimeToMatch),
        (status = 400, description = "A day that is not YYYY-MM-DD", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a rekrutteringsrådgiver", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn report(
    State(service): State<Arc<Service>>,
    AsAdvisor(advisor): AsAdvisor,
    period: Result<Query<Period>, QueryRejection>,
) -> Result<Json<TimeToMatch>, ApiError> {
    let Query(period) = period.map_err(|rejection| ApiError::BadRequest(rejection.body_text()))?;
    let day = |field: &str, text: Option<String>| -> Result<Option<OffsetDateTime>, ApiError> {
        text.map(|text| {
            time::Date::parse(&text, time::macros::format_description!("[year]-[month]-[day]"))
                .map(|date| date.midnight().assume_utc())
                .map_err(|_| ApiError::BadRequest(format!("{field}: {text:?} is not a day (YYYY-MM-DD)")))
        })
        .transpose()
    };
    let (from, to) = (day("from", period.from)?, day("to", period.to)?);
    Ok(Json(service.time_to_match(&advisor, from, to)?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HandOver {
    /// The NAV ident of the advisor who will own the need.
    #[schema(min_length = 1, max_length = 64)]
    pub to: String,
}

/// Hands a need to another advisor, who owns it from now on (the owner only).
#[utoipa::path(
    post,
    path = "/v1/needs/{id}/owner",
    tag = "kandidatlister",
    params(("id" = String, Path, description = "The need's id")),
    request_body = HandOver,
    responses(
        (status = 200, description = "Handed over; durable when this is sent", body = NeedView),
        (status = 400, description = "No such advisor, or they own it already", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not the need's owner", body = ErrorBody),
        (status = 404, description = "No such need", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "Body not sent as application/json", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn hand_over(
    State(service): State<Arc<Service>>,
    AsAdvisor(advisor): AsAdvisor,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<NeedView>, ApiError> {
    let hand: HandOver = parse_body(body)?;
    Ok(Json(service.hand_over(&advisor, &id, &hand.to).await?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Copy {
    /// The copy's id.
    #[schema(pattern = "^[A-Za-z0-9._-]{1,64}$")]
    pub id: String,
}

/// Saves a copy of a need (its criteria, employer, kontor) under a new id, owned by the caller,
/// with an empty list.
#[utoipa::path(
    post,
    path = "/v1/needs/{id}/copy",
    tag = "kandidatlister",
    params(("id" = String, Path, description = "The need to copy")),
    request_body = Copy,
    responses(
        (status = 201, description = "The copy; durable when this is sent", body = NeedView),
        (status = 400, description = "The new id is taken or invalid", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a rekrutteringsrådgiver", body = ErrorBody),
        (status = 404, description = "No such need", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "Body not sent as application/json", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn copy(
    State(service): State<Arc<Service>>,
    AsAdvisor(advisor): AsAdvisor,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<NeedView>), ApiError> {
    let copy: Copy = parse_body(body)?;
    Ok((StatusCode::CREATED, Json(service.copy_need(&advisor, &id, &copy.id).await?)))
}

/// A veileder's recording of their candidate's answer. Not named `Answer`: schema names are one
/// namespace, and `Answer` is the draft's (which of the three answers a phrase came from).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerBody {
    pub answer: CandidateAnswer,
}

/// For a veileder: records their candidate's own answer to a list they are on
/// (`ønsker_å_bli_presentert` or `ønsker_ikke`); the advisor sees it on the list.
#[utoipa::path(
    post,
    path = "/v1/followed/lists/{need}/{candidate}",
    tag = "kandidatlister",
    params(
        ("need" = String, Path, description = "The need's id"),
        ("candidate" = String, Path, pattern = "^[A-Za-z0-9._-]{1,64}$", description = "The candidate's id"),
    ),
    request_body = AnswerBody,
    responses(
        (status = 204, description = "Recorded; durable when this is sent"),
        (status = 400, description = "Not on that list, or the need is not open", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a veileder, or not this candidate's", body = ErrorBody),
        (status = 404, description = "No such need", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "Body not sent as application/json", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn answer(
    State(service): State<Arc<Service>>,
    AsVeileder(veileder): AsVeileder,
    Path((need, candidate)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, ApiError> {
    let answer: AnswerBody = parse_body(body)?;
    service.record_answer(&veileder, &need, &candidate, answer.answer).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What recorded outcomes say about matching: for candidates presented, hired, and set aside,
/// the share who met each kind of criterion when added, and by which kind of evidence (tag,
/// synonym, semantic, summary, …). Nothing is re-weighted from it.
#[utoipa::path(
    get,
    path = "/v1/reports/outcomes",
    tag = "kandidatlister",
    responses(
        (status = 200, description = "The comparison", body = crate::followup::outcomes::OutcomeReport),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a rekrutteringsrådgiver", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn outcomes(
    State(service): State<Arc<Service>>,
    AsAdvisor(advisor): AsAdvisor,
) -> Result<Json<crate::followup::outcomes::OutcomeReport>, ApiError> {
    Ok(Json(service.outcome_report(&advisor)?))
}

/// The per-need figures of the time-to-match report as CSV (semicolon-separated, for spreadsheets).
#[utoipa::path(
    get,
    path = "/v1/reports/time-to-match.csv",
    tag = "kandidatlister",
    params(Period),
    responses(
        (status = 200, description = "One row per need", body = String, content_type = "text/csv"),
        (status = 400, description = "A day that is not YYYY-MM-DD", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a rekrutteringsrådgiver", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn report_csv(
    state: State<Arc<Service>>,
    advisor: AsAdvisor,
    period: Result<Query<Period>, QueryRejection>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let Json(report) = report(state, advisor, period).await?;
    let csv = crate::followup::report::per_need_csv(&report).map_err(|error| ApiError::Internal(Box::new(error)))?;
    let headers = [
        (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8"),
        (axum::http::header::CONTENT_DISPOSITION, "attachment; filename=\"tid-til-match.csv\""),
    ];
    Ok((headers, csv).into_response())
}

/// For a veileder: the lists their own candidates are on, and where each stands there — never
/// the list's other candidates.
#[utoipa::path(
    get,
    path = "/v1/followed/lists",
    tag = "kandidatlister",
    responses(
        (status = 200, description = "The places", body = [ListPlace]),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a veileder", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn places(
    State(service): State<Arc<Service>>,
    AsVeileder(veileder): AsVeileder,
) -> Result<Json<Vec<ListPlace>>, ApiError> {
    Ok(Json(service.list_places(&veileder).await?))
}
