//! The veileder's candidates, and one candidate's page: the profile and its tags, which the
//! candidate's own veileder can add to and remove from.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::layout::{page, respond};
use super::{VeilederPage, failure, labels, signed_in};
use crate::model::{Candidate, TagKind};
use crate::service::{Caller, NewTag, ProfileView, Service, ServiceError, TagChange, TagEffect};

/// Candidates per page of the list.
const PAGE: usize = 50;

#[derive(Deserialize)]
pub struct ListQuery {
    side: Option<usize>,
}

pub async fn mine(
    State(service): State<Arc<Service>>,
    VeilederPage(caller): VeilederPage,
    Query(query): Query<ListQuery>,
) -> Response {
    let page_number = query.side.unwrap_or(1).max(1);
    let (total, candidates) = match service.followed(&caller, (page_number - 1) * PAGE, PAGE).await {
        Ok(found) => (found.total, found.candidates),
        Err(error) => return failure(error, Some(&caller)),
    };
    let pages = total.div_ceil(PAGE).max(1);
    let content = html! {
        h1 { "Mine kandidater" }
        p { "Du følger " (total) " kandidater. Åpne en kandidat for å se profilen og legge til det du vet som ikke står i CV-en." }
        table {
            caption.visually-hidden { "Kandidater du følger" }
            thead {
                tr {
                    th scope="col" { "Kandidat" }
                    th scope="col" { "Kommune" }
                    th scope="col" { "Ønsker å jobbe som" }
                    th scope="col" { "Tagger" }
                    th scope="col" { "Synlig for arbeidsgivere" }
                }
            }
            tbody {
                @for candidate in &candidates {
                    tr {
                        td { a href=(format!("/kandidat/{}", candidate.id)) { (candidate.id) } }
                        td { (candidate.municipality) }
                        td { (candidate.desired_occupations.join(", ")) }
                        td { (candidate.tags.len()) }
                        td { @if candidate.visible { "Ja" } @else { "Nei" } }
                    }
                }
            }
        }
        @if pages > 1 {
            nav aria-label="Sider" {
                p {
                    "Side " (page_number) " av " (pages) ". "
                    @if page_number > 1 { a href=(format!("/veileder/kandidater?side={}", page_number - 1)) { "Forrige side" } " " }
                    @if page_number < pages { a href=(format!("/veileder/kandidater?side={}", page_number + 1)) { "Neste side" } }
                }
            }
        }
    };
    respond(StatusCode::OK, page("Mine kandidater", Some(&caller), None, content))
}

pub async fn profile(State(service): State<Arc<Service>>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let Some(caller) = signed_in(&service, &headers) else { return Redirect::to("/logg-inn").into_response() };
    profile_page(&service, &caller, &id, None, None, StatusCode::OK, None).await
}

async fn profile_page(
    service: &Arc<Service>,
    caller: &Caller,
    id: &str,
    status: Option<&str>,
    error: Option<&str>,
    code: StatusCode,
    effect: Option<&TagEffect>,
) -> Response {
    let (candidate, own) = match service.profile(caller, id).await {
        Ok(ProfileView { candidate, own }) => (candidate, own),
        Err(error) => return failure(error, Some(caller)),
    };
    let content = html! {
        h1 { "Kandidat " (candidate.id) }
        @if let Some(error) = error { p.error role="alert" { (error) } }
        @if let Some(effect) = effect { (super::open_needs::effect_content(effect)) }
        @if own {
            p { a href=(format!("/veileder/kandidat/{}/behov", candidate.id)) { "Åpne behov som passer, og hva som ville åpnet flere" } }
        }
        (profile_facts(&candidate, own))
        (tags(&candidate, own))
    };
    respond(code, page(&format!("Kandidat {}", candidate.id), Some(caller), status, content))
}

fn profile_facts(candidate: &Candidate, own: bool) -> Markup {
    html! {
        section aria-labelledby="profile-heading" {
            h2 #profile-heading { "Profil" }
            dl.profile {
                dt { "Kommune" } dd { (candidate.municipality) }
                dt { "Ønsker å jobbe som" } dd { (candidate.desired_occupations.join(", ")) }
                dt { "Erfaring" }
                dd { (candidate.experience.iter().map(|e| format!("{} ({} år)", e.occupation, e.years)).collect::<Vec<_>>().join(", ")) }
                dt { "Utdanning" }
                dd { (candidate.education.iter().map(|e| format!("{} {}", e.level.name(), e.field)).collect::<Vec<_>>().join(", ")) }
                dt { "Sertifikater og kurs" } dd { (candidate.certificates.join(", ")) }
                dt { "Ferdigheter" } dd { (candidate.skills.join(", ")) }
                dt { "Språk" }
                dd { (candidate.languages.iter().map(|l| format!("{} {}", l.language, l.level)).collect::<Vec<_>>().join(", ")) }
                dt { "Stillingsprosent" }
                dd {
                    @match candidate.extent_percent {
                        Some(range) if range.min == range.max => { (range.max) " %" }
                        Some(range) => { (range.min) "–" (range.max) " %" }
                        None => { "Ikke oppgitt" }
                    }
                }
                dt { "Skift" }
                dd {
                    @if candidate.shifts.is_empty() { "Ingen begrensning" }
                    @else { (candidate.shifts.iter().map(|s| s.name()).collect::<Vec<_>>().join(", ")) }
                }
                dt { "Tilgjengelig fra" }
                dd { (candidate.available_from.map(crate::model::format_date).unwrap_or_else(|| "Nå".into())) }
                @if own && !candidate.adaptation_needs.is_empty() {
                    dt { "Tilrettelegging (bare du ser dette)" } dd { (candidate.adaptation_needs.join(", ")) }
                }
                dt { "Sammendrag" } dd { (candidate.summary) }
            }
        }
    }
}

fn tags(candidate: &Candidate, own: bool) -> Markup {
    html! {
        section aria-labelledby="tags-heading" {
            h2 #tags-heading { "Tagger fra veileder" }
            @if candidate.tags.is_empty() { p { "Ingen tagger ennå." } }
            ul.tags {
                @for tag in &candidate.tags {
                    li {
                        strong { (labels::tag_kind(tag.kind)) ": " } (tag.label)
                        span.hint { " (" (tag.by) ", " (crate::model::format_date(tag.at.date())) ")" }
                        @if own {
                            form method="post" action=(format!("/kandidat/{}/tagger/fjern", candidate.id)) {
                                input type="hidden" name="label" value=(tag.label);
                                button.secondary.small type="submit" { "Fjern" span.visually-hidden { " taggen «" (tag.label) "»" } }
                            }
                        }
                    }
                }
            }
            @if own {
                h3 { "Legg til en tagg" }
                form method="post" action=(format!("/kandidat/{}/tagger", candidate.id)) {
                    div.row {
                        div {
                            label for="tag-kind" { "Hva slags" }
                            select #tag-kind name="kind" {
                                @for kind in TagKind::ALL {
                                    option value=(kind.name()) { (labels::tag_kind(kind)) }
                                }
                            }
                        }
                        div {
                            label for="tag-label" { "Tagg" }
                            input #tag-label type="text" name="label" required maxlength="120" list="tag-suggestions"
                                data-suggest autocomplete="off" aria-describedby="tag-hint";
                            datalist #tag-suggestions {}
                            p.hint #tag-hint { "For eksempel «interessert i bil og motor» eller «god med kunder». Ikke skriv helseopplysninger." }
                        }
                    }
                    div.actions { button type="submit" { "Legg til tagg" } }
                }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct TagForm {
    kind: String,
    label: String,
}

pub async fn add_tag(
    State(service): State<Arc<Service>>,
    VeilederPage(caller): VeilederPage,
    Path(id): Path<String>,
    Form(form): Form<TagForm>,
) -> Response {
    let Some(kind) = TagKind::parse(&form.kind) else {
        return profile_page(
            &service,
            &caller,
            &id,
            None,
            Some("Velg hva slags tagg det er."),
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        )
        .await;
    };
    // Shown at once rather than redirected to: the page says what the tag changed among the open
    // needs, which a redirect would lose. Sending the form again changes nothing.
    match service.add_tag_showing_effect(&caller, &id, NewTag { label: form.label, kind }).await {
        Ok((change, _, effect)) => {
            let status = match change {
                TagChange::Added => "Taggen er lagt til. Den er med i kortlister innen et sekund.",
                TagChange::AlreadyThere => "Kandidaten hadde allerede denne taggen.",
            };
            let effect = effect.filter(|_| change == TagChange::Added);
            profile_page(&service, &caller, &id, Some(status), None, StatusCode::OK, effect.as_ref()).await
        }
        Err(error @ ServiceError::Invalid(_)) => {
            let message = format!("Taggen kan ikke brukes: {error}");
            profile_page(&service, &caller, &id, None, Some(&message), StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        Err(error) => failure(error, Some(&caller)),
    }
}

#[derive(Deserialize)]
pub struct RemoveForm {
    label: String,
}

pub async fn remove_tag(
    State(service): State<Arc<Service>>,
    VeilederPage(caller): VeilederPage,
    Path(id): Path<String>,
    Form(form): Form<RemoveForm>,
) -> Response {
    match service.remove_tag_showing_effect(&caller, &id, &form.label).await {
        Ok(effect) => {
            let status = Some("Taggen er fjernet.");
            profile_page(&service, &caller, &id, status, None, StatusCode::OK, effect.as_ref()).await
        }
        Err(error) => failure(error, Some(&caller)),
    }
}
