//! The shortlist page: ranked candidates with a score bar and an explanation per criterion,
//! the adaptations the employer would make, near misses, "relax this must-have", CSV export.

use std::sync::Arc;

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use super::layout::{page, respond};
use super::need::edit_page;
use super::need_form::NeedForm;
use super::{AdvisorPage, failure, labels};
use crate::matching::relax::relaxed;
use crate::model::{Checked, Gap, Importance, JobNeed, MatchHow, Shortlist, ShortlistEntry};
use crate::service::{Service, ServiceError};

/// Runs the need the form describes (the edit page's fields, or a carried need, relaxed if asked)
/// and shows the shortlist.
pub async fn show(
    State(service): State<Arc<Service>>,
    AdvisorPage(caller): AdvisorPage,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let form = NeedForm::new(pairs);
    let (need, status) = match need_of(&service, &form) {
        Ok(found) => found,
        Err(errors) => return edit_page(&caller, &form, None, &errors),
    };
    let shortlist = match service.shortlist(&caller, need.clone()).await {
        Ok(shortlist) => shortlist,
        Err(ServiceError::Invalid(message)) => return edit_page(&caller, &form, Some((need, None)), &[message]),
        Err(error) => return failure(error, Some(&caller)),
    };
    // A relaxed shortlist says so in the live region; a first one is simply the new page.
    let status = status.map(|status| format!("{status} {}", summary(&shortlist)));
    // Must-have phrases nobody understood stay beside the list until the advisor considers them.
    let mut unresolved = form.unresolved().to_vec();
    if let Some(drafted) = &shortlist.drafted {
        for phrase in &drafted.not_understood {
            if !unresolved.contains(phrase) {
                unresolved.push(phrase.clone());
            }
        }
    }
    let content = content(&need, &shortlist, &unresolved);
    respond(StatusCode::OK, page("Kortliste", Some(&caller), status.as_deref(), content))
}

/// The need to run: a carried one (relaxed when the advisor asked), or the edit page's fields.
fn need_of(service: &Service, form: &NeedForm) -> Result<(JobNeed, Option<String>), Vec<String>> {
    if form.get("need").is_empty() {
        return form.need(true).map(|need| (need, None));
    }
    let mut need = form.carried_need().map_err(|error| vec![error])?;
    // `«stående arbeid» er vurdert`: a requirement of the answers the criteria leave out on
    // purpose is warned of no more.
    let checked = form.get("check");
    if !checked.is_empty() {
        if !need.checked.iter().any(|c| c.as_str() == checked) {
            need.checked.push(Checked(checked.to_string()));
        }
        let status = format!("«{checked}» er merket som vurdert, og listen varsler ikke lenger om det.");
        return Ok((need, Some(status)));
    }
    let label = form.get("relax");
    if label.is_empty() {
        return Ok((need, None));
    }
    let taxonomy = service.taxonomy();
    match relaxed(&need, label, taxonomy) {
        Ok(Some(relaxed)) => {
            let status = format!("«{}» er nå et ønske i stedet for et krav.", labels::criterion(label));
            Ok((relaxed, Some(status)))
        }
        Ok(None) => Err(vec![format!("«{label}» er ikke et krav i dette behovet.")]),
        Err(error) => Err(vec![error.to_string()]),
    }
}

fn summary(shortlist: &Shortlist) -> String {
    format!(
        "{} av {} synlige kandidater oppfyller alle krav. Viser de {} beste.",
        shortlist.qualified,
        shortlist.considered,
        shortlist.candidates.len()
    )
}

fn content(need: &JobNeed, shortlist: &Shortlist, unresolved: &[String]) -> Markup {
    let carried = serde_json::to_string(need).unwrap_or_default();
    let carried_unresolved =
        html! { @for phrase in unresolved { input type="hidden" name="unresolved" value=(phrase); } };
    html! {
        h1 { "Kortliste: " (need.title) }
        @if !unresolved.is_empty() {
            div.warning #not-understood role="alert" {
                p {
                    strong { (unresolved.len()) " krav er ikke forstått: " }
                    (unresolved.iter().map(|p| format!("«{p}»")).collect::<Vec<_>>().join(", "))
                }
                p.hint { "Listen kan inneholde kandidater som ikke oppfyller dem. Legg dem inn som kriterier, eller merk dem som vurdert, under «Endre kriteriene»." }
            }
        }
        // What the criteria ask that jobbmatch cannot check (a demand it does not know).
        @if !shortlist.warnings.is_empty() && shortlist.drafted.is_none() {
            div.warning #unchecked role="alert" {
                @for warning in &shortlist.warnings { p { (warning) } }
                // What the answers require and the criteria lack: the advisor may have left it
                // out on purpose, and says so once.
                @for named in &shortlist.unchecked {
                    form method="post" action="/radgiver/kortliste" {
                        input type="hidden" name="need" value=(carried);
                        input type="hidden" name="check" value=(named);
                        (carried_unresolved)
                        button.secondary.small type="submit" { "«" (named) "» er vurdert og utelatt med vilje" }
                    }
                }
            }
        }
        p #qualified { (summary(shortlist)) }
        @if shortlist.top_tied > 1 {
            p.hint #tie {
                "De " (shortlist.top_tied) " øverste har lik poengsum. De står etter avstand til arbeidsstedet, "
                "så etter hvor mange kriterier de har treff på, så etter kandidatnummer."
            }
        }
        @if !shortlist.semantic {
            p.hint #lexical-only {
                "Bare ordtreff: språkmodellen er ikke lastet, så ønsker møtes bare av ordene selv, ikke av det som ligner."
            }
        }
        div.actions {
            form method="post" action="/radgiver/utkast" {
                (carry_fields(need))
                (carried_unresolved)
                button.secondary type="submit" { "Endre kriteriene" }
            }
            form method="post" action="/radgiver/kortliste.csv" {
                input type="hidden" name="need" value=(carried);
                button.secondary type="submit" { "Last ned som CSV" }
            }
        }
        details #save-need {
            summary { "Lagre behovet og følg kandidatene videre" }
            form method="post" action="/radgiver/lagre" {
                input type="hidden" name="need" value=(carried);
                div.row {
                    div { label for="employer" { "Arbeidsgiver" } input #employer type="text" name="employer" required; }
                    div { label for="kontor" { "NAV-kontor" } input #kontor type="text" name="kontor" required; }
                    div { label for="positions" { "Antall stillinger" } input #positions type="number" name="positions" min="1" value="1"; }
                    div { label for="styrk" { "STYRK-kode (valgfri)" } input #styrk type="text" name="styrk" inputmode="numeric"; }
                }
                button type="submit" { "Lagre behovet" }
            }
        }
        @if !shortlist.relaxations.is_empty() {
            section aria-labelledby="relax-heading" {
                h2 #relax-heading { "Krav som stenger ute kandidater" }
                p.hint { "Hvor mange flere som ville kvalifisere om kravet ble et ønske i stedet." }
                ul.relax {
                    @for relaxation in &shortlist.relaxations {
                        li {
                            form method="post" action="/radgiver/kortliste" {
                                input type="hidden" name="need" value=(carried);
                                input type="hidden" name="relax" value=(relaxation.criterion);
                                (carried_unresolved)
                                button.secondary.small type="submit" disabled[relaxation.extra_candidates == 0] {
                                    "Løsne «" (labels::criterion(&relaxation.criterion)) "»: +" (relaxation.extra_candidates) " kandidater"
                                }
                            }
                        }
                    }
                }
            }
        }
        section aria-labelledby="candidates-heading" {
            h2 #candidates-heading { "Kandidater" }
            @if shortlist.candidates.is_empty() {
                p { "Ingen kandidater oppfyller alle krav. Se kandidatene som mangler ett krav nedenfor, eller løsne et krav." }
            }
            ol.shortlist {
                @for entry in &shortlist.candidates { li { (candidate(entry)) } }
            }
        }
        @if !shortlist.near_misses.is_empty() {
            section aria-labelledby="near-heading" {
                h2 #near-heading { "Nesten: mangler ett krav" }
                p.hint { "De som bare mangler litt står først. Den som er langt unna et krav, er ikke med." }
                table {
                    caption.visually-hidden { "Kandidater som mangler ett krav, de nærmeste først" }
                    thead { tr { th scope="col" { "Kandidat" } th scope="col" { "Kommune" } th scope="col" { "Poeng" } th scope="col" { "Mangler" } th scope="col" { "Hvor mye" } } }
                    tbody {
                        @for miss in &shortlist.near_misses {
                            tr.(format!("gap-{}", if miss.gap == Gap::Narrow { "narrow" } else { "wide" })) {
                                td { (miss.id) } td { (miss.municipality) } td { (percent(miss.score)) }
                                td { (labels::criterion(&miss.failed)) }
                                td { (miss.shortfall) " " span.gap { "(" (miss.gap.name()) ")" } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The edit page's fields for `need`, so "change the criteria" opens it as it was.
fn carry_fields(need: &JobNeed) -> Markup {
    html! {
        input type="hidden" name="id" value=(need.id);
        input type="hidden" name="title" value=(need.title);
        input type="hidden" name="place" value=(need.municipality.clone().unwrap_or_default());
        input type="hidden" name="distance" value=(need.max_distance_km.map(|km| km.to_string()).unwrap_or_default());
        input type="hidden" name="extent" value=(need.extent_percent.map(|p| p.to_string()).unwrap_or_default());
        input type="hidden" name="top" value=(need.top.map(|t| t.to_string()).unwrap_or_default());
        input type="hidden" name="must_have" value=(need.answers.must_have);
        input type="hidden" name="wishes" value=(need.answers.wishes);
        input type="hidden" name="room_to_adapt" value=(need.answers.room_to_adapt);
        input type="hidden" name="adaptable" value=(serde_json::to_string(&need.adaptable).unwrap_or_default());
        input type="hidden" name="start_date" value=(need.start_date.map(crate::model::format_date).unwrap_or_default());
        @for checked in &need.checked { input type="hidden" name="checked" value=(checked.as_str()); }
        @for (row, criterion) in need.criteria.iter().enumerate() {
            input type="hidden" name=(format!("c{row}.kind")) value=(criterion.kind.name());
            input type="hidden" name=(format!("c{row}.value")) value=(criterion.value);
            input type="hidden" name=(format!("c{row}.importance")) value=(if criterion.importance == Importance::Must { "must" } else { "adjustable" });
            input type="hidden" name=(format!("c{row}.rank")) value=[criterion.rank];
            input type="hidden" name=(format!("c{row}.level")) value=[criterion.min_level.map(|l| l.code())];
            input type="hidden" name=(format!("c{row}.years")) value=[criterion.min_years];
        }
    }
}

fn percent(score: f32) -> String {
    format!("{:.0} %", score * 100.0)
}

fn candidate(entry: &ShortlistEntry) -> Markup {
    let heading = format!("candidate-{}", entry.id);
    html! {
        article aria-labelledby=(heading) {
            div.candidate-head {
                h3 id=(heading) { (entry.rank) ". " (entry.id) }
                span { (entry.municipality) @if let Some(km) = entry.distance_km { ", " (format!("{km:.0}")) " km unna" } }
                span { (entry.headline) }
                div.score {
                    span.bar aria-hidden="true" { span style=(format!("width: {:.0}%", entry.score * 100.0)) {} }
                    span { "Poeng " (percent(entry.score)) }
                }
            }
            details {
                summary { "Hvorfor " (entry.id) " er på listen" }
                table {
                    caption.visually-hidden { "Kriterier for " (entry.id) }
                    thead {
                        tr {
                            th scope="col" { "Kriterium" }
                            th scope="col" { "Viktighet" }
                            th scope="col" { "Oppfylt" }
                            th scope="col" { "Hvordan" }
                            th scope="col" { "Fra profilen" }
                            th scope="col" { "Andel av poeng" }
                        }
                    }
                    tbody {
                        @for outcome in &entry.criteria {
                            tr {
                                td { (labels::criterion(&outcome.criterion)) }
                                td { (labels::importance(outcome.importance)) }
                                td {
                                    @if outcome.matched || outcome.how == MatchHow::Adapted { span.met { "Ja" } } @else { span.unmet { "Nei" } }
                                }
                                td { (labels::how(outcome.how)) }
                                td {
                                    @if let Some(evidence) = &outcome.evidence {
                                        (labels::source(&evidence.source)) ": «" (evidence.text) "»"
                                        @if let Some(by) = &evidence.tagged_by {
                                            br; span.hint { "tagget av " (by) @if let Some(at) = &evidence.tagged_at { " " (at.get(..10).unwrap_or(at)) } }
                                        }
                                    }
                                }
                                td { (percent(outcome.share)) }
                            }
                        }
                    }
                }
                @if !entry.adaptations.is_empty() {
                    p { strong { "Arbeidsgiver tilpasser: " } }
                    ul { @for note in &entry.adaptations { li { (labels::criterion(&note.criterion)) ": " (note.adaptation) } } }
                }
            }
        }
    }
}

/// The shortlist of a carried need as CSV (one row per candidate), for the employer meeting.
pub async fn csv(
    State(service): State<Arc<Service>>,
    AdvisorPage(caller): AdvisorPage,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let form = NeedForm::new(pairs);
    let need = match form.carried_need() {
        Ok(need) => need,
        Err(error) => return failure(ServiceError::Invalid(error), Some(&caller)),
    };
    match service.shortlist(&caller, need.clone()).await {
        Ok(shortlist) => csv_response(&need, &shortlist),
        Err(error) => failure(error, Some(&caller)),
    }
}

fn csv_response(need: &JobNeed, shortlist: &Shortlist) -> Response {
    let mut out =
        String::from("rang;kandidat;poeng;kommune;avstand_km;oppfylte_kriterier;ikke_oppfylt;tilpasninger\r\n");
    for entry in &shortlist.candidates {
        let met: Vec<&str> = entry.criteria.iter().filter(|c| c.matched).map(|c| c.criterion.as_str()).collect();
        let unmet: Vec<&str> = entry.criteria.iter().filter(|c| !c.matched).map(|c| c.criterion.as_str()).collect();
        let adaptations: Vec<String> =
            entry.adaptations.iter().map(|a| format!("{}: {}", a.criterion, a.adaptation)).collect();
        let row = [
            entry.rank.to_string(),
            entry.id.clone(),
            format!("{:.3}", entry.score),
            entry.municipality.clone(),
            entry.distance_km.map(|km| format!("{km:.1}")).unwrap_or_default(),
            met.join(" | "),
            unmet.join(" | "),
            adaptations.join(" | "),
        ];
        out.push_str(&row.iter().map(|cell| csv_cell(cell)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    let file = format!("kortliste-{}.csv", need.id.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_"));
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{file}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        out,
    )
        .into_response()
}

/// A CSV cell, quoted when it holds the separator, a quote or a line break; cells that a
/// spreadsheet would run as a formula are prefixed with an apostrophe.
fn csv_cell(cell: &str) -> String {
    let cell = crate::model::spreadsheet_safe(cell);
    if cell.contains([';', '"', '\n', '\r']) { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell.into_owned() }
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn csv_cells_are_quoted_and_never_formulas() {
        assert_eq!(csv_cell("Kristiansand"), "Kristiansand");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("si \"hei\""), "\"si \"\"hei\"\"\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
    }
}
