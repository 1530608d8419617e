//! The veileder's reverse view: which open job needs their candidates fit, nearly fit, and what
//! would open more — for the whole caseload and for one candidate — and what a tag just written
//! changed. The same use cases as the API; never another candidate on a need's list.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};

use super::layout::{page, respond};
use super::{VeilederPage, failure, labels};
use crate::model::Gap;
use crate::service::{CandidateNeeds, Caseload, NeedMove, OpenNeed, Service, TagEffect};

fn percent(score: f32) -> String {
    format!("{:.0} %", score * 100.0)
}

fn need_name(need: &OpenNeed) -> Markup {
    html! { (need.title) " – " (need.employer) span.hint { " (" (need.kontor) ")" } }
}

/// The caseload against the open needs.
pub async fn caseload(State(service): State<Arc<Service>>, VeilederPage(caller): VeilederPage) -> Response {
    match service.caseload(&caller).await {
        Ok(caseload) => respond(StatusCode::OK, page("Åpne behov", Some(&caller), None, caseload_content(&caseload))),
        Err(error) => failure(error, Some(&caller)),
    }
}

fn caseload_content(caseload: &Caseload) -> Markup {
    html! {
        h1 { "Åpne behov for mine kandidater" }
        p {
            (caseload.open_needs) " åpne behov hos rekrutteringsrådgiverne. Under står, for hver av kandidatene dine, "
            "de behovene de oppfyller alle krav i, best først. Åpne en kandidat for forklaringen, behovene de nesten "
            "passer, og hva som ville åpnet flest dører."
        }
        @let looked = caseload.candidates.len() + caseload.fits_nothing.len();
        @if looked < caseload.followed {
            p.hint #cut { "Viser de første " (looked) " av " (caseload.followed) " kandidater du følger (etter id)." }
        }
        @if caseload.candidates.is_empty() {
            p { "Ingen av kandidatene dine oppfyller alle krav i et åpent behov nå." }
        } @else {
            table {
                caption { "Kandidater som passer minst ett åpent behov" }
                thead { tr {
                    th scope="col" { "Kandidat" } th scope="col" { "Passer" } th scope="col" { "Nesten" }
                    th scope="col" { "Beste behov" }
                } }
                tbody {
                    @for row in &caseload.candidates {
                        tr {
                            th scope="row" { a href=(format!("/veileder/kandidat/{}/behov", row.candidate)) { (row.candidate) } }
                            td { (row.fits) }
                            td { (row.near) }
                            td { ul.plain { @for best in &row.best { li { (need_name(&best.need)) " · " (percent(best.score)) } } } }
                        }
                    }
                }
            }
        }
        h2 #nothing-heading { "Passer ingen åpne behov" }
        @if caseload.fits_nothing.is_empty() {
            p { "Alle kandidatene dine passer minst ett åpent behov." }
        } @else {
            ul aria-labelledby="nothing-heading" {
                @for row in &caseload.fits_nothing {
                    li {
                        a href=(format!("/veileder/kandidat/{}/behov", row.candidate)) { (row.candidate) }
                        @if row.near > 0 { " – passer nesten " (row.near) " behov" }
                    }
                }
            }
        }
    }
}

/// One candidate against the open needs.
pub async fn candidate(
    State(service): State<Arc<Service>>,
    VeilederPage(caller): VeilederPage,
    Path(id): Path<String>,
) -> Response {
    match service.needs_for_candidate(&caller, &id).await {
        Ok(needs) => respond(
            StatusCode::OK,
            page(&format!("Åpne behov for {id}"), Some(&caller), None, candidate_content(&needs)),
        ),
        Err(error) => failure(error, Some(&caller)),
    }
}

fn gap_words(gap: Gap) -> &'static str {
    match gap {
        Gap::Narrow => "Et lite steg",
        Gap::Wide => "Lenger unna",
    }
}

fn candidate_content(needs: &CandidateNeeds) -> Markup {
    html! {
        h1 { "Åpne behov for " (needs.candidate) }
        p { "Sett mot " (needs.open_needs) " åpne behov. " a href=(format!("/kandidat/{}", needs.candidate)) { "Til profilen og taggene" } }
        section aria-labelledby="doors-heading" {
            h2 #doors-heading { "Hva ville åpnet flest dører" }
            @if needs.doors.is_empty() {
                p { "Ingen enkelt ting mangler i noe åpent behov: der kandidaten ikke passer, mangler mer enn ett krav." }
            } @else {
                ul {
                    @for door in &needs.doors {
                        li { strong { (labels::criterion(&door.criterion)) } ": +" (door.needs) (if door.needs == 1 { " åpent behov" } else { " åpne behov" }) }
                    }
                }
            }
            @if !needs.wishes_to_tag.is_empty() {
                h3 { "Ønsker en tagg kunne vist at kandidaten oppfyller" }
                p.hint { "Bare hvis det stemmer: det arbeidsgiveren ønsker seg i behov kandidaten alt passer." }
                ul {
                    @for wish in &needs.wishes_to_tag {
                        li { (labels::criterion(&wish.criterion)) " (i " (wish.needs) " behov)" }
                    }
                }
            }
        }
        section aria-labelledby="fits-heading" {
            h2 #fits-heading { "Passer (" (needs.fits.len()) ")" }
            @if needs.fits.is_empty() { p { "Kandidaten oppfyller ikke alle krav i noe åpent behov." } }
            @for fit in &needs.fits {
                details {
                    summary { (need_name(&fit.need)) " · " (percent(fit.score)) }
                    table {
                        caption.visually-hidden { "Kriteriene i " (fit.need.title) }
                        thead { tr { th scope="col" { "Kriterium" } th scope="col" { "Viktighet" } th scope="col" { "Oppfylt" } } }
                        tbody {
                            @for outcome in &fit.criteria {
                                tr {
                                    th scope="row" { (labels::criterion(&outcome.criterion)) }
                                    td { (labels::importance(outcome.importance)) }
                                    td { (labels::how(outcome.how)) }
                                }
                            }
                        }
                    }
                    @if !fit.adaptations.is_empty() {
                        p { "Arbeidsgiver tilpasser: " (fit.adaptations.iter().map(|a| a.adaptation.as_str()).collect::<Vec<_>>().join(", ")) }
                    }
                }
            }
        }
        section aria-labelledby="near-heading" {
            h2 #near-heading { "Passer nesten (" (needs.near.len()) ")" }
            @if needs.near.is_empty() { p { "Ingen åpne behov der bare ett krav mangler, med et gap som kan tettes." } }
            @else {
                table aria-labelledby="near-heading" {
                    thead { tr { th scope="col" { "Behov" } th scope="col" { "Mangler" } th scope="col" { "Hvor langt" } th scope="col" { "Treff ellers" } } }
                    tbody {
                        @for near in &needs.near {
                            tr {
                                th scope="row" { (need_name(&near.need)) }
                                td { (near.shortfall) }
                                td { (gap_words(near.gap)) }
                                td { (percent(near.score)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// What a tag change did among the open needs, for the candidate's page.
pub fn effect_content(effect: &TagEffect) -> Markup {
    let group = |title: &str, moves: &[NeedMove]| {
        html! {
            @if !moves.is_empty() {
                h3 { (title) }
                ul {
                    @for moved in moves {
                        li {
                            (need_name(&moved.need))
                            @match (moved.before, moved.after) {
                                (Some(before), Some(after)) => { " · " (percent(before)) " → " (percent(after)) }
                                (None, Some(after)) => { " · " (percent(after)) }
                                _ => {}
                            }
                        }
                    }
                }
            }
        }
    };
    html! {
        section #tag-effect aria-labelledby="effect-heading" {
            h2 #effect-heading { "Hva endringen gjorde i åpne behov" }
            @if effect.is_empty() {
                p { "Ingen åpne behov endret seg for kandidaten." }
            } @else {
                (group("Passer nå", &effect.entered))
                (group("Passer ikke lenger", &effect.left))
                (group("Høyere treff", &effect.up))
                (group("Lavere treff", &effect.down))
            }
        }
    }
}
