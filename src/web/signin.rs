//! Sign in with a token, sign out.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::layout::{page, respond};
use super::{signed_in, start_page};
use crate::service::session::{LIFETIME, SESSION_COOKIE, session_in_cookies};
use crate::service::{Role, Service, ServiceError};

#[derive(Deserialize)]
pub struct SignIn {
    token: String,
}

/// The sign-in page (an administrator who signed in is told the pages are not for them).
pub async fn show(
    State(service): State<Arc<Service>>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let caller = signed_in(&service, &headers);
    let admin = caller.as_ref().is_some_and(|caller| caller.role == Role::Admin);
    let status = (admin && query.iter().any(|(key, _)| key == "admin"))
        .then_some("Administratorer bruker API-et (se /openapi.json); sidene er for rådgivere og veiledere.");
    respond(StatusCode::OK, page("Logg inn", caller.as_ref(), status, form(&service, None)))
}

fn form(service: &Service, error: Option<&str>) -> Markup {
    let dev = service.has_dev_tokens();
    html! {
        h1 { "Logg inn" }
        @if let Some(error) = error { p.error role="alert" #feil { (error) } }
        form method="post" action="/logg-inn" {
            label for="token" { "Tilgangsnøkkel" }
            p.hint #token-hint { "Nøkkelen du har fått for din rolle som rekrutteringsrådgiver eller veileder." }
            input #token type="password" name="token" required autocomplete="current-password"
                aria-describedby=(if error.is_some() { "token-hint feil" } else { "token-hint" });
            div.actions { button type="submit" { "Logg inn" } }
        }
        @if dev {
            aside aria-labelledby="dev-heading" {
                h2 #dev-heading { "Utviklingsnøkler" }
                p.hint { "Denne installasjonen bruker utviklingsnøklene fra standardoppsettet:" }
                ul {
                    li { code { "dev-radgiver" } " – Rita Rådgiver, rekrutteringsrådgiver" }
                    li { code { "dev-radgiver-2" } " – Rune Rådgiver, rekrutteringsrådgiver" }
                    li { code { "dev-veileder" } " – Vera Veileder, veileder (V1042)" }
                    li { code { "dev-veileder-2" } " – Viktor Veileder, veileder (V1007)" }
                }
            }
        }
    }
}

pub async fn submit(State(service): State<Arc<Service>>, Form(sign_in): Form<SignIn>) -> Response {
    let (caller, session) = match service.sign_in(sign_in.token.trim()) {
        Ok(signed_in) => signed_in,
        Err(ServiceError::Unauthenticated(_)) => {
            let unknown = "Nøkkelen er ukjent. Sjekk at du har skrevet den riktig.";
            return respond(StatusCode::UNAUTHORIZED, page("Logg inn", None, None, form(&service, Some(unknown))));
        }
        Err(error) => return super::failure(error, None),
    };
    // The session id is hex; the cookie lives no longer than the session may.
    let cookie =
        format!("{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}", LIFETIME.as_secs());
    let mut response = Redirect::to(start_page(caller.role)).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// Closes the session on the server, then clears the cookie.
pub async fn sign_out(State(service): State<Arc<Service>>, headers: HeaderMap) -> Response {
    let cookies = headers.get_all(header::COOKIE).into_iter().filter_map(|value| value.to_str().ok());
    if let Some(id) = session_in_cookies(cookies) {
        if let Err(error) = service.sign_out(id) {
            return super::failure(error, None);
        }
    }
    let mut response = Redirect::to("/logg-inn").into_response();
    let cookie = format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}
