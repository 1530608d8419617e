//! The veileder's reverse view through the API: the open needs one candidate fits and what
//! would open more, the whole caseload against the open needs, and — for a need's owner — who
//! newly qualifies through a tag.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;

use super::access::{AsAdvisor, AsVeileder};
use super::error::{ApiError, ErrorBody};
use super::path::Path;
use crate::service::{CandidateNeeds, Caseload, NewlyQualified, Service};

/// The open job needs the veileder's candidate fits (best first, with the advisor's per-criterion
/// explanation), nearly fits (one must-have short, with the gap), the single missing things that
/// would open the most needs, and the unmet wishes a tag could show. Veiledere only, on the
/// candidates they follow; audit-logged. Never another candidate on a need's list.
#[utoipa::path(
    get,
    path = "/v1/candidates/{id}/needs",
    tag = "reverse",
    params(("id" = String, Path, pattern = "^[A-Za-z0-9._-]{1,64}$", description = "Pseudonymous candidate id")),
    responses(
        (status = 200, description = "The candidate against every open need", body = CandidateNeeds),
        (status = 400, description = "An id no candidate can have", body = ErrorBody),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a veileder, or not this candidate's", body = ErrorBody),
        (status = 503, description = "Busy; try again shortly", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn for_candidate(
    State(service): State<Arc<Service>>,
    AsVeileder(veileder): AsVeileder,
    Path(id): Path<String>,
) -> Result<Json<CandidateNeeds>, ApiError> {
    Ok(Json(service.needs_for_candidate(&veileder, &id).await?))
}

/// Every candidate the veileder follows against the open needs: each one's best needs, and who
/// fits nothing open. Veiledere only; audit-logged.
#[utoipa::path(
    get,
    path = "/v1/caseload/needs",
    tag = "reverse",
    responses(
        (status = 200, description = "The caseload against the open needs", body = Caseload),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not a veileder", body = ErrorBody),
        (status = 503, description = "Busy; try again shortly", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn caseload(
    State(service): State<Arc<Service>>,
    AsVeileder(veileder): AsVeileder,
) -> Result<Json<Caseload>, ApiError> {
    Ok(Json(service.caseload(&veileder).await?))
}

/// Candidates who came to qualify for the need through a veileder's tag since the owner last
/// asked (id, score, when — nothing else about them). The need's owner only; asking counts as
/// looking. Kept in memory: a restart forgets it.
#[utoipa::path(
    get,
    path = "/v1/needs/{id}/newly-qualified",
    tag = "reverse",
    params(("id" = String, Path, description = "The need")),
    responses(
        (status = 200, description = "Newly qualified since the last look", body = Vec<NewlyQualified>),
        (status = 401, description = "No or unknown token", body = ErrorBody),
        (status = 403, description = "Not the need's owner", body = ErrorBody),
        (status = 404, description = "No such need", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn newly_qualified(
    State(service): State<Arc<Service>>,
    AsAdvisor(advisor): AsAdvisor,
    Path(id): Path<String>,
) -> Result<Json<Vec<NewlyQualified>>, ApiError> {
    Ok(Json(service.newly_qualified(&advisor, &id)?))
}
