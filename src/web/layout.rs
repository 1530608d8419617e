//! The page shell every page shares: language, skip link, header with who is signed in and what
//! they may open, a live region for status messages, and the error page.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use super::labels;
use crate::service::{Caller, Role};

/// A whole page.
pub fn page(title: &str, caller: Option<&Caller>, status: Option<&str>, content: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="nb" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – jobbmatch" }
                link rel="stylesheet" href="/static/app.css";
                script src="/static/app.js" defer {}
            }
            body {
                a.skip-link href="#innhold" { "Hopp til innholdet" }
                header.site {
                    div.brand { a href="/" { "jobbmatch" } }
                    @if let Some(caller) = caller {
                        nav aria-label="Hovedmeny" {
                            ul {
                                @if caller.role == Role::Advisor {
                                    li { a href="/radgiver/behov" { "Nytt behov" } }
                                    li { a href="/radgiver/lagrede" { "Mine behov" } }
                                    li { a href="/radgiver/tid-til-match" { "Tid til match" } }
                                }
                                @if caller.role == Role::Veileder {
                                    li { a href="/veileder/kandidater" { "Mine kandidater" } }
                                    li { a href="/veileder/lister" { "Kandidatlister" } }
                                    li { a href="/veileder/behov" { "Åpne behov" } }
                                }
                            }
                        }
                        div.who {
                            span { (caller.name) " (" (labels::role(caller.role)) ", " (caller.ident) ")" }
                            form method="post" action="/logg-ut" {
                                button.link type="submit" { "Logg ut" }
                            }
                        }
                    }
                }
                main #innhold tabindex="-1" {
                    div #status role="status" aria-live="polite" {
                        @if let Some(status) = status { p.status { (status) } }
                    }
                    (content)
                }
            }
        }
    }
}

/// A page as a response with `status`.
pub fn respond(status: StatusCode, markup: Markup) -> Response {
    (status, Html(markup.into_string())).into_response()
}

/// A page that says what went wrong, with the status that says it to programs.
pub fn error_page(status: StatusCode, caller: Option<&Caller>, message: &str) -> Response {
    let title = match status {
        StatusCode::FORBIDDEN => "Ingen tilgang",
        StatusCode::NOT_FOUND => "Finnes ikke",
        StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => "Noe er feil i skjemaet",
        StatusCode::UNAUTHORIZED => "Ikke logget inn",
        _ => "Noe gikk galt",
    };
    let content = html! {
        h1 { (title) }
        p.error role="alert" { (message) }
        p { a href="/" { "Til forsiden" } }
    };
    respond(status, page(title, caller, None, content))
}
