//! The veileder's view of the kandidatlister: which lists their own candidates are on, where
//! each stands, and the candidate's own answer to record — never the list's other candidates.

use std::sync::Arc;

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};

use super::layout::{page, respond};
use super::{VeilederPage, failure};
use crate::followup::{CandidateAnswer, NeedState};
use crate::service::{ListPlace, Service, Veileder};

/// The lists the veileder's candidates are on.
pub async fn show(State(service): State<Arc<Service>>, VeilederPage(caller): VeilederPage) -> Response {
    render(&service, &caller, None, StatusCode::OK).await
}

/// Records a candidate's answer, then shows the lists again.
pub async fn answer(
    State(service): State<Arc<Service>>,
    VeilederPage(caller): VeilederPage,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let field = |name: &str| pairs.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value.as_str());
    let answer = match field("answer") {
        "ønsker_å_bli_presentert" => CandidateAnswer::WantsToBePresented,
        "ønsker_ikke" => CandidateAnswer::DoesNotWant,
        _ => return render(&service, &caller, Some("Velg et svar."), StatusCode::BAD_REQUEST).await,
    };
    match service.record_answer(&caller, field("need"), field("candidate"), answer).await {
        Ok(()) => render(&service, &caller, Some("Svaret er registrert."), StatusCode::OK).await,
        Err(crate::service::ServiceError::Invalid(message)) => {
            render(&service, &caller, Some(&format!("Ikke registrert: {message}")), StatusCode::BAD_REQUEST).await
        }
        Err(error) => failure(error, Some(&caller)),
    }
}

async fn render(service: &Arc<Service>, caller: &Veileder, status: Option<&str>, code: StatusCode) -> Response {
    match service.list_places(caller).await {
        Ok(places) => respond(code, page("Kandidatlister", Some(caller), status, content(&places))),
        Err(error) => failure(error, Some(caller)),
    }
}

fn answer_label(answer: Option<CandidateAnswer>) -> &'static str {
    match answer {
        Some(CandidateAnswer::WantsToBePresented) => "Ønsker å bli presentert",
        Some(CandidateAnswer::DoesNotWant) => "Ønsker ikke",
        None => "Ikke registrert",
    }
}

fn content(places: &[ListPlace]) -> Markup {
    html! {
        h1 { "Kandidatlister mine kandidater står på" }
        @if places.is_empty() {
            p { "Ingen av kandidatene dine står på en kandidatliste nå." }
        } @else {
            table {
                caption.visually-hidden { "Kandidatlister, med status og kandidatens svar" }
                thead { tr { th scope="col" { "Kandidat" } th scope="col" { "Stilling" } th scope="col" { "Status" }
                             th scope="col" { "Kandidatens svar" } } }
                tbody {
                    @for place in places {
                        tr {
                            th scope="row" { a href=(format!("/kandidat/{}", place.candidate)) { (place.candidate) } }
                            td { (place.title) " – " (place.employer) " (" (place.need_state.name()) ")" }
                            td { (place.status.name()) ", " (place.outcome.name()) }
                            td {
                                span.given-answer { (answer_label(place.answer)) }
                                @if place.need_state == NeedState::Open {
                                    @let id = format!("answer-{}-{}", place.need, place.candidate);
                                    form method="post" action="/veileder/lister" {
                                        input type="hidden" name="need" value=(place.need);
                                        input type="hidden" name="candidate" value=(place.candidate);
                                        label.visually-hidden for=(id) { "Svar fra " (place.candidate) " på " (place.title) " (" (place.employer) ")" }
                                        select id=(id) name="answer" {
                                            option value="ønsker_å_bli_presentert" { "Ønsker å bli presentert" }
                                            option value="ønsker_ikke" { "Ønsker ikke" }
                                        }
                                        button.secondary.small type="submit" { "Registrer svar" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
