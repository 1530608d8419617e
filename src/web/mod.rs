//! Web pages for advisors and veiledere, served by `jobbmatch serve` beside the API.
//!
//! Server-rendered HTML in Norwegian bokmål (maud), plain forms that work without JavaScript,
//! and a small script (`assets/app.js`) that makes reordering wishes and finding words quicker.
//! The pages sign in with the same tokens as the API (kept in an HttpOnly, SameSite=Strict
//! cookie) and go through the same functions as the API, so roles are enforced and every action
//! is audit-logged the same way.
//!
//! - `signin`: sign in and out.
//! - `need`: the advisor's new job need: three answers → drafted criteria to edit.
//! - `shortlist`: the ranked, explained shortlist; relax a must-have; CSV export.
//! - `candidates`: the veileder's candidates, one candidate's profile and tags.

mod assets;
mod candidates;
mod labels;
mod layout;
mod need;
mod need_form;
mod shortlist;
mod signin;

use axum::Router;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use crate::http::audit::Entry;
use crate::http::auth::session_token;
use crate::http::{ApiError, AppState, Caller, Role};

/// The pages' routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/logg-inn", get(signin::show).post(signin::submit))
        .route("/logg-ut", post(signin::sign_out))
        .route("/radgiver/behov", get(need::new_need))
        .route("/radgiver/utkast", post(need::draft))
        .route("/radgiver/kortliste", post(shortlist::show))
        .route("/radgiver/kortliste.csv", post(shortlist::csv))
        .route("/veileder/kandidater", get(candidates::mine))
        .route("/kandidat/{id}", get(candidates::profile))
        .route("/kandidat/{id}/tagger", post(candidates::add_tag))
        .route("/kandidat/{id}/tagger/fjern", post(candidates::remove_tag))
        .route("/static/app.css", get(assets::css))
        .route("/static/app.js", get(assets::js))
}

/// The front page: where the signed-in caller's work starts, or the sign-in page.
async fn home(axum::extract::State(state): axum::extract::State<AppState>, headers: HeaderMap) -> Response {
    match signed_in(&state, &headers) {
        Some(caller) => Redirect::to(start_page(caller.role)).into_response(),
        None => Redirect::to("/logg-inn").into_response(),
    }
}

/// Where each role starts.
fn start_page(role: Role) -> &'static str {
    match role {
        Role::Advisor => "/radgiver/behov",
        Role::Veileder => "/veileder/kandidater",
        Role::Admin => "/logg-inn?admin",
    }
}

/// The caller the session cookie names, if any.
fn signed_in(state: &AppState, headers: &HeaderMap) -> Option<Caller> {
    session_token(headers).and_then(|token| state.tokens.caller(token).cloned())
}

/// The signed-in caller if they have `role`; otherwise what to answer instead: the sign-in page,
/// or a refusal that is audit-logged like the API's.
fn require(state: &AppState, headers: &HeaderMap, role: Role, page: &'static str) -> Result<Caller, Box<Response>> {
    let Some(caller) = signed_in(state, headers) else {
        return Err(Box::new(Redirect::to("/logg-inn").into_response()));
    };
    if caller.role != role {
        let reason = format!("the page {page} is for a {}", role.name());
        if let Err(error) = state.audit.record(&Entry::deny(&caller, "open_page", reason)) {
            return Err(Box::new(failure(error, Some(&caller))));
        }
        let message =
            format!("Denne siden er for {}e. Du er logget inn som {}.", labels::role(role), labels::role(caller.role));
        return Err(Box::new(layout::error_page(StatusCode::FORBIDDEN, Some(&caller), &message)));
    }
    Ok(caller)
}

/// An API error as a page: client mistakes say what is wrong; our own failures say only that.
fn failure(error: ApiError, caller: Option<&Caller>) -> Response {
    let status = error.status();
    let message = if status.is_server_error() {
        tracing::error!(%error, "a page failed");
        "Noe gikk galt hos oss. Prøv igjen om litt.".to_string()
    } else {
        error.to_string()
    };
    layout::error_page(status, caller, &message)
}
