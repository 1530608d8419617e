//! Web pages for advisors and veiledere, served by `jobbmatch serve` beside the API.
//!
//! Server-rendered HTML in Norwegian bokmål (maud), plain forms that work without JavaScript,
//! and a small script (`assets/app.js`) that makes reordering wishes and finding words quicker.
//! The pages sign in with the same tokens as the API (kept in an HttpOnly, SameSite=Strict
//! cookie) and call the same service layer as the API, so roles are enforced and every action is
//! audit-logged the same way.
//!
//! - `signin`: sign in and out.
//! - `need`: the advisor's new job need: three answers → drafted criteria to edit.
//! - `shortlist`: the ranked, explained shortlist; relax a must-have; CSV export.
//! - `candidates`: the veileder's candidates, one candidate's profile and tags.
//! - `lists`, `places`: saved needs and kandidatlister, for the advisor and the veileder.
//! - `open_needs`: the veileder's reverse view — the open needs their candidates fit.

mod assets;
mod candidates;
mod labels;
mod layout;
mod lists;
mod need;
mod need_form;
mod open_needs;
mod places;
mod shortlist;
mod signin;

use std::sync::Arc;

use axum::Router;
use axum::extract::{FromRequestParts, State};
use axum::http::header::COOKIE;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use crate::service::session::session_in_cookies;
use crate::service::{Action, Advisor, Caller, Role, Service, ServiceError, Veileder};

/// The pages' routes.
pub fn routes() -> Router<Arc<Service>> {
    Router::new()
        .route("/", get(home))
        .route("/logg-inn", get(signin::show).post(signin::submit))
        .route("/logg-ut", post(signin::sign_out))
        .route("/radgiver/behov", get(need::new_need))
        .route("/radgiver/utkast", post(need::draft))
        .route("/radgiver/kortliste", post(shortlist::show))
        .route("/radgiver/kortliste.csv", post(shortlist::csv))
        .route("/radgiver/lagre", post(lists::save))
        .route("/radgiver/lagrede", get(lists::mine))
        .route("/radgiver/lagret/{id}", get(lists::show).post(lists::change))
        .route("/radgiver/tid-til-match", get(lists::report))
        .route("/veileder/kandidater", get(candidates::mine))
        .route("/veileder/lister", get(places::show).post(places::answer))
        .route("/veileder/behov", get(open_needs::caseload))
        .route("/veileder/kandidat/{id}/behov", get(open_needs::candidate))
        .route("/kandidat/{id}", get(candidates::profile))
        .route("/kandidat/{id}/tagger", post(candidates::add_tag))
        .route("/kandidat/{id}/tagger/fjern", post(candidates::remove_tag))
        .route_layer(axum::middleware::from_fn(same_origin))
        .route("/static/app.css", get(assets::css))
        .route("/static/app.js", get(assets::js))
}

/// Refuses a form posted from another site (403): the browser says where a post comes from in
/// `Origin` (and `Sec-Fetch-Site`), and only this service's own pages may change anything. A
/// client that sends neither (not a browser) is let through; the session cookie is `SameSite`
/// besides.
async fn same_origin(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let safe = matches!(*request.method(), axum::http::Method::GET | axum::http::Method::HEAD);
    let headers = request.headers();
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let cross_site = header("sec-fetch-site").is_some_and(|site| site == "cross-site");
    let foreign_origin = header("origin").is_some_and(|origin| {
        let host = header("host").unwrap_or_default();
        let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
        origin == "null" || !origin_host.eq_ignore_ascii_case(host)
    });
    if !safe && (cross_site || foreign_origin) {
        let body = "Skjemaet kom fra et annet nettsted og ble ikke tatt imot.";
        return (axum::http::StatusCode::FORBIDDEN, body).into_response();
    }
    next.run(request).await
}

/// The front page: where the signed-in caller's work starts, or the sign-in page.
async fn home(State(service): State<Arc<Service>>, headers: HeaderMap) -> Response {
    match signed_in(&service, &headers) {
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
fn signed_in(service: &Service, headers: &HeaderMap) -> Option<Caller> {
    let cookies = headers.get_all(COOKIE).into_iter().filter_map(|value| value.to_str().ok());
    session_in_cookies(cookies).and_then(|id| service.session_caller(id))
}

/// The signed-in advisor, as a page handler's argument; a request without one is answered with
/// the sign-in page, or a refusal that is audit-logged like the API's.
pub struct AdvisorPage(pub Advisor);

/// The signed-in veileder, as a page handler's argument; otherwise the sign-in page or an
/// audit-logged refusal.
pub struct VeilederPage(pub Veileder);

impl FromRequestParts<Arc<Service>> for AdvisorPage {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, service: &Arc<Service>) -> Result<Self, Response> {
        page_caller(service, parts, Role::Advisor, |caller| service.advisor(caller, Action::OpenPage, None))
            .map(AdvisorPage)
            .map_err(|refusal| *refusal)
    }
}

impl FromRequestParts<Arc<Service>> for VeilederPage {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, service: &Arc<Service>) -> Result<Self, Response> {
        page_caller(service, parts, Role::Veileder, |caller| service.veileder(caller, Action::OpenPage, None))
            .map(VeilederPage)
            .map_err(|refusal| *refusal)
    }
}

/// The signed-in caller in `role` (checked, and audited when refused, by `check`); otherwise
/// the sign-in page or the refusal page.
fn page_caller<T>(
    service: &Service,
    parts: &Parts,
    role: Role,
    check: impl FnOnce(Caller) -> Result<T, ServiceError>,
) -> Result<T, Box<Response>> {
    let caller = signed_in(service, &parts.headers).ok_or_else(|| Box::new(sign_in()))?;
    check(caller.clone()).map_err(|error| Box::new(refused(error, &caller, role)))
}

fn sign_in() -> Response {
    Redirect::to("/logg-inn").into_response()
}

/// The page for a caller refused a page that is for `role`.
fn refused(error: ServiceError, caller: &Caller, role: Role) -> Response {
    if !matches!(error, ServiceError::Forbidden(_)) {
        return failure(error, Some(caller));
    }
    let message =
        format!("Denne siden er for {}e. Du er logget inn som {}.", labels::role(role), labels::role(caller.role));
    layout::error_page(StatusCode::FORBIDDEN, Some(caller), &message)
}

/// The status a page answers a failed use case with.
fn status_of(error: &ServiceError) -> StatusCode {
    match error {
        ServiceError::Invalid(_) => StatusCode::BAD_REQUEST,
        ServiceError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
        ServiceError::Forbidden(_) => StatusCode::FORBIDDEN,
        ServiceError::NotFound(_) => StatusCode::NOT_FOUND,
        ServiceError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        ServiceError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A failed use case as a page: client mistakes say what is wrong; our own failures say only that.
fn failure(error: ServiceError, caller: Option<&Caller>) -> Response {
    let status = status_of(&error);
    let message = if status.is_server_error() {
        tracing::error!(error = %error, source = ?std::error::Error::source(&error), "a page failed");
        "Noe gikk galt hos oss. Prøv igjen om litt.".to_string()
    } else {
        error.to_string()
    };
    layout::error_page(status, caller, &message)
}
