//! The advisor's saved needs and kandidatlister, and the time-to-match page: save a need from its
//! shortlist, add candidates, move them through statuses and outcomes, close the need, and see
//! how long matching takes. The same use cases as the API.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};

use super::layout::{page, respond};
use super::{AdvisorPage, failure};
use crate::followup::report::{Summary, TimeToMatch};
use crate::followup::{NeedState, NeedView, Outcome, SavedNeed, Status, UnsuitableReason};
use crate::model::JobNeed;
use crate::service::{Advisor, EntryChange, NeedSummary, Service};

fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value.trim())
}

/// A form field read as one of our named values (`kontaktet`, `fylt`, …).
fn parse<T: serde::de::DeserializeOwned>(pairs: &[(String, String)], name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(field(pairs, name).to_string())).ok()
}

/// Saves the need a shortlist page carried, with the employer, kontor and positions.
pub async fn save(
    State(service): State<Arc<Service>>,
    AdvisorPage(caller): AdvisorPage,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let need = match JobNeed::from_json(field(&pairs, "need")) {
        Ok(need) => need,
        Err(error) => return failure(crate::service::ServiceError::Invalid(error.to_string()), Some(&caller)),
    };
    let positions = field(&pairs, "positions").parse().unwrap_or(1);
    let styrk = Some(field(&pairs, "styrk").to_string()).filter(|code| !code.is_empty());
    let saved = SavedNeed {
        need,
        employer: field(&pairs, "employer").to_string(),
        kontor: field(&pairs, "kontor").to_string(),
        positions,
        styrk,
    };
    match service.save_need(&caller, saved).await {
        Ok(view) => need_page(&service, &caller, &view, Some("Behovet er lagret. Legg kandidater på listen.")).await,
        Err(error) => failure(error, Some(&caller)),
    }
}

/// The advisor's saved needs.
pub async fn mine(State(service): State<Arc<Service>>, AdvisorPage(caller): AdvisorPage) -> Response {
    match service.needs(&caller, None, None) {
        Ok(needs) => respond(StatusCode::OK, page("Mine behov", Some(&caller), None, needs_table(&needs))),
        Err(error) => failure(error, Some(&caller)),
    }
}

fn needs_table(needs: &[NeedSummary]) -> Markup {
    html! {
        h1 { "Mine behov" }
        @if needs.is_empty() {
            p { "Du har ingen lagrede behov ennå. Lag en kortliste under «Nytt behov» og lagre den." }
        } @else {
            table {
                caption.visually-hidden { "Lagrede behov, nyeste først" }
                thead { tr { th scope="col" { "Behov" } th scope="col" { "Arbeidsgiver" } th scope="col" { "Status" }
                             th scope="col" { "På listen" } th scope="col" { "Presentert" } th scope="col" { "Opprettet" } } }
                tbody {
                    @for need in needs {
                        tr {
                            td { a href=(format!("/radgiver/lagret/{}", need.id)) { (need.title) } }
                            td { (need.employer) }
                            td { (need.state.name()) }
                            td { (need.candidates) }
                            td { (need.presented) }
                            td { (crate::model::format_date(need.created.date())) }
                        }
                    }
                }
            }
        }
    }
}

/// One saved need and its list.
pub async fn show(
    State(service): State<Arc<Service>>,
    AdvisorPage(caller): AdvisorPage,
    Path(id): Path<String>,
) -> Response {
    match service.need(&caller, &id) {
        Ok(view) => need_page(&service, &caller, &view, None).await,
        Err(error) => failure(error, Some(&caller)),
    }
}

/// A change from the need page: add a candidate, change one on the list, or the need's state.
pub async fn change(
    State(service): State<Arc<Service>>,
    AdvisorPage(caller): AdvisorPage,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let candidate = field(&pairs, "candidate");
    let result = match field(&pairs, "action") {
        "add" => service.add_to_list(&caller, &id, candidate).await.map(|v| (v, "Kandidaten er lagt på listen.")),
        "status" => {
            let status: Option<Status> = parse(&pairs, "status");
            let reason: Option<UnsuitableReason> =
                parse(&pairs, "reason").filter(|_| status == Some(Status::Unsuitable));
            match status {
                Some(status) => service
                    .change_on_list(&caller, &id, candidate, EntryChange::Status(status, reason))
                    .await
                    .map(|v| (v, "Status er endret.")),
                None => Err(crate::service::ServiceError::Invalid("velg en status".into())),
            }
        }
        "outcome" => match parse(&pairs, "outcome") {
            Some(outcome) => service
                .change_on_list(&caller, &id, candidate, EntryChange::Outcome(outcome))
                .await
                .map(|v| (v, "Utfallet er endret.")),
            None => Err(crate::service::ServiceError::Invalid("velg et utfall".into())),
        },
        "archive" | "restore" => {
            let archived = field(&pairs, "action") == "archive";
            let done = if archived { "Kandidaten er fjernet fra listen." } else { "Kandidaten er tilbake på listen." };
            service.change_on_list(&caller, &id, candidate, EntryChange::Archived(archived)).await.map(|v| (v, done))
        }
        "state" => match parse(&pairs, "state") {
            Some(state) => {
                let reason = Some(field(&pairs, "state_reason").to_string()).filter(|r| !r.is_empty());
                service.set_need_state(&caller, &id, state, reason).await.map(|v| (v, "Behovet har ny status."))
            }
            None => Err(crate::service::ServiceError::Invalid("velg en status for behovet".into())),
        },
        other => Err(crate::service::ServiceError::Invalid(format!("ukjent handling «{other}»"))),
    };
    match result {
        Ok((view, done)) => need_page(&service, &caller, &view, Some(done)).await,
        Err(crate::service::ServiceError::Invalid(message)) => match service.need(&caller, &id) {
            Ok(view) => {
                let mut response = need_page(&service, &caller, &view, Some(&format!("Ikke endret: {message}"))).await;
                *response.status_mut() = StatusCode::BAD_REQUEST;
                response
            }
            Err(error) => failure(error, Some(&caller)),
        },
        Err(error) => failure(error, Some(&caller)),
    }
}

async fn need_page(service: &Arc<Service>, caller: &Advisor, view: &NeedView, status: Option<&str>) -> Response {
    // Candidates from the need's shortlist who are not on the list yet, to add.
    let mut need = view.saved.need.clone();
    need.top = Some(10);
    let on_list: Vec<&str> = view.candidates.iter().map(|e| e.candidate.as_str()).collect();
    let suggestions: Vec<(String, f32)> = match service.shortlist(caller, need).await {
        Ok(shortlist) => shortlist
            .candidates
            .iter()
            .filter(|entry| !on_list.contains(&entry.id.as_str()))
            .map(|entry| (entry.id.clone(), entry.score))
            .collect(),
        Err(_) => Vec::new(),
    };
    let owner = view.owner == caller.ident;
    let content = need_content(view, &suggestions, owner);
    respond(StatusCode::OK, page(&format!("Behov: {}", view.saved.need.title), Some(caller), status, content))
}

const STATUS_LABELS: [(Status, &str); 6] = [
    (Status::Considered, "Vurderes"),
    (Status::Contacted, "Kontaktet"),
    (Status::Relevant, "Aktuell"),
    (Status::Interview, "Til intervju"),
    (Status::Unsuitable, "Uaktuell"),
    (Status::NotInterested, "Uinteressert"),
];

const REASON_LABELS: [(UnsuitableReason, &str, &str); 6] = [
    (UnsuitableReason::MissingQualifications, "missing_qualifications", "Mangler kvalifikasjoner"),
    (UnsuitableReason::Distance, "distance", "For lang reisevei"),
    (UnsuitableReason::WorkingHours, "working_hours", "Arbeidstiden passer ikke"),
    (UnsuitableReason::OtherCandidateChosen, "other_candidate_chosen", "En annen ble valgt"),
    (UnsuitableReason::EmployerDeclined, "employer_declined", "Arbeidsgiver takket nei"),
    (UnsuitableReason::Other, "other", "Annet"),
];

fn outcome_label(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::NotPresented => "Ikke presentert",
        Outcome::Presented => "Presentert",
        Outcome::Hired => "Fått jobben",
        Outcome::SomeoneElseHired => "En annen fikk jobben",
        Outcome::NobodyHired => "Ingen fikk jobben",
    }
}

fn need_content(view: &NeedView, suggestions: &[(String, f32)], owner: bool) -> Markup {
    let open = view.state == NeedState::Open;
    let action = format!("/radgiver/lagret/{}", view.id);
    html! {
        h1 { "Behov: " (view.saved.need.title) }
        p {
            (view.saved.employer) " · " (view.saved.kontor) " · " (view.saved.positions) " stilling(er) · status: "
            strong #need-state { (view.state.name()) }
            @if let Some(reason) = &view.state_reason { " (" (reason) ")" }
        }
        @if owner {
            form.actions method="post" action=(action) {
                input type="hidden" name="action" value="state";
                label for="state" { "Endre status på behovet" }
                select #state name="state" {
                    option value="åpen" { "Åpen" }
                    option value="fylt" { "Fylt" }
                    option value="avsluttet" { "Avsluttet" }
                }
                label for="state_reason" { "Begrunnelse (må fylles ut ved avslutning)" }
                input #state_reason type="text" name="state_reason";
                button.secondary type="submit" { "Lagre status" }
            }
        }
        h2 #list-heading { "Kandidatliste" }
        @if view.candidates.is_empty() {
            p { "Ingen kandidater på listen ennå." }
        } @else {
            table aria-labelledby="list-heading" {
                thead { tr { th scope="col" { "Kandidat" } th scope="col" { "Treff da" } th scope="col" { "Status" }
                             th scope="col" { "Utfall" } th scope="col" { "Historikk" } } }
                tbody {
                    @for entry in &view.candidates {
                        tr.archived[entry.archived] {
                            th scope="row" {
                                (entry.candidate)
                                @if entry.archived { span.hint { " (fjernet)" } }
                                @if let Some(answer) = entry.answer {
                                    br; span.hint { "Kandidatens svar: " (answer.name().replace('_', " ")) }
                                }
                            }
                            td {
                                (format!("{:.0} %", entry.snapshot.score * 100.0))
                                ul.hint { @for line in &entry.snapshot.explanation { li { (line) } } }
                            }
                            td {
                                @if open && !entry.archived {
                                    form method="post" action=(action) {
                                        input type="hidden" name="action" value="status";
                                        input type="hidden" name="candidate" value=(entry.candidate);
                                        label.visually-hidden for=(format!("status-{}", entry.candidate)) { "Status for " (entry.candidate) }
                                        select id=(format!("status-{}", entry.candidate)) name="status" {
                                            @for (status, label) in STATUS_LABELS {
                                                option value=(status.name()) selected[status == entry.status] { (label) }
                                            }
                                        }
                                        label.visually-hidden for=(format!("reason-{}", entry.candidate)) { "Grunn hvis uaktuell" }
                                        select id=(format!("reason-{}", entry.candidate)) name="reason" {
                                            option value="" { "(grunn hvis uaktuell)" }
                                            @for (reason, value, label) in REASON_LABELS {
                                                option value=(value) selected[entry.reason == Some(reason)] { (label) }
                                            }
                                        }
                                        button.secondary.small type="submit" { "Lagre" }
                                    }
                                } @else {
                                    (STATUS_LABELS.iter().find(|(s, _)| *s == entry.status).map_or("", |(_, l)| l))
                                }
                            }
                            td {
                                @if open && owner && !entry.archived {
                                    form method="post" action=(action) {
                                        input type="hidden" name="action" value="outcome";
                                        input type="hidden" name="candidate" value=(entry.candidate);
                                        label.visually-hidden for=(format!("outcome-{}", entry.candidate)) { "Utfall for " (entry.candidate) }
                                        select id=(format!("outcome-{}", entry.candidate)) name="outcome" {
                                            @for outcome in [Outcome::NotPresented, Outcome::Presented, Outcome::Hired] {
                                                option value=(outcome.name()) selected[outcome == entry.outcome] { (outcome_label(outcome)) }
                                            }
                                        }
                                        button.secondary.small type="submit" { "Lagre" }
                                    }
                                } @else {
                                    (outcome_label(entry.outcome))
                                }
                                @if open {
                                    form method="post" action=(action) {
                                        input type="hidden" name="action" value=(if entry.archived { "restore" } else { "archive" });
                                        input type="hidden" name="candidate" value=(entry.candidate);
                                        button.link type="submit" { (if entry.archived { "Angre fjerning" } else { "Fjern fra listen" }) }
                                    }
                                }
                            }
                            td {
                                details {
                                    summary { (entry.history.len()) " endringer" }
                                    ul { @for change in &entry.history {
                                        li { (crate::model::format_date(change.at.date())) " " (change.what) " (" (change.by) ")" }
                                    } }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if open && !suggestions.is_empty() {
            h2 #add-heading { "Fra kortlisten" }
            ul aria-labelledby="add-heading" {
                @for (candidate, score) in suggestions {
                    li {
                        form.inline method="post" action=(action) {
                            input type="hidden" name="action" value="add";
                            input type="hidden" name="candidate" value=(candidate);
                            (candidate) " (" (format!("{:.0} %", score * 100.0)) ") "
                            button.secondary.small type="submit" aria-label=(format!("Legg på listen: {candidate}")) { "Legg på listen" }
                        }
                    }
                }
            }
        }
        p { a href="/radgiver/lagrede" { "Alle mine behov" } " · " a href="/radgiver/tid-til-match" { "Tid til match" } }
    }
}

/// The time-to-match page: the figures, and bars of the median days by month.
pub async fn report(State(service): State<Arc<Service>>, AdvisorPage(caller): AdvisorPage) -> Response {
    match service.time_to_match(&caller, None, None) {
        Ok(report) => respond(StatusCode::OK, page("Tid til match", Some(&caller), None, report_content(&report))),
        Err(error) => failure(error, Some(&caller)),
    }
}

fn days(value: Option<f64>) -> String {
    value.map_or("–".to_string(), |d| format!("{d:.0} dager"))
}

fn report_content(report: &TimeToMatch) -> Markup {
    let row = |name: &str, s: &Summary| {
        html! {
            tr {
                th scope="row" { (name) }
                td { (s.needs) }
                td { (days(s.median_days_to_presented)) }
                td { (days(s.p90_days_to_presented)) }
                td { (days(s.median_days_to_hired)) }
                td { (days(s.p90_days_to_hired)) }
                td { (format!("{:.0} %", s.presented_within_30_days * 100.0)) }
                td { (format!("{:.0} %", s.presented_within_90_days * 100.0)) }
                td { (s.shortlisted) " → " (s.contacted) " → " (s.presented) " → " (s.hired) }
            }
        }
    };
    html! {
        h1 { "Tid til match" }
        p.hint { "Fra behovet ble lagret til første kandidat ble presentert og til første ble ansatt. Piloten målte 4,5 måneder fra samtykke til oppstart." }
        (month_chart(report))
        table {
            caption.visually-hidden { "Tid til match, samlet og per måned, kontor og yrkesgruppe" }
            thead { tr {
                th scope="col" { "" } th scope="col" { "Behov" } th scope="col" { "Til presentert (median)" }
                th scope="col" { "90. persentil" } th scope="col" { "Til ansatt (median)" } th scope="col" { "90. persentil" }
                th scope="col" { "Presentert innen 30 d" } th scope="col" { "innen 90 d" }
                th scope="col" { "Kortliste → kontaktet → presentert → ansatt" }
            } }
            tbody {
                (row("Alle", &report.overall))
                @for (month, s) in &report.by_month { (row(&format!("Måned {month}"), s)) }
                @for (kontor, s) in &report.by_kontor { (row(kontor, s)) }
                @for (group, s) in &report.by_industry { (row(&format!("STYRK-gruppe {group}"), s)) }
            }
        }
        p { a href="/v1/reports/time-to-match.csv" download { "Last ned tallene per behov som CSV" } }
    }
}

/// Bars of the median days to first presentation per month (server-rendered SVG).
fn month_chart(report: &TimeToMatch) -> Markup {
    let months: Vec<(&String, f64)> =
        report.by_month.iter().filter_map(|(month, s)| s.median_days_to_presented.map(|d| (month, d))).collect();
    if months.is_empty() {
        return html! { p { "Ingen kandidater er presentert ennå." } };
    }
    let most = months.iter().map(|(_, d)| *d).fold(1.0, f64::max);
    let (bar, gap, height, top) = (48.0, 16.0, 160.0, 24.0);
    let width = months.len() as f64 * (bar + gap) + gap;
    html! {
        figure.chart {
            // Scales to the page's width (the viewBox keeps its proportions).
            svg role="img" aria-labelledby="chart-title" viewBox=(format!("0 0 {width} {}", top + height + 30.0)) width="100%" {
                title #chart-title { "Median dager til første presentasjon per måned" }
                @for (i, (month, d)) in months.iter().enumerate() {
                    @let h = (d / most * height).max(1.0);
                    @let x = gap + i as f64 * (bar + gap);
                    rect x=(x) y=(top + height - h) width=(bar) height=(h) fill="#005b82" {}
                    text x=(x + bar / 2.0) y=(top + height - h - 6.0) text-anchor="middle" font-size="12" { (format!("{d:.0}")) }
                    text x=(x + bar / 2.0) y=(top + height + 18.0) text-anchor="middle" font-size="11" { (month) }
                }
            }
            figcaption { "Median dager fra lagret behov til første presentasjon, per måned behovet ble lagret." }
        }
    }
}
