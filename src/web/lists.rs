//! The advisor's saved needs and kandidatlister, and the time-to-match page: save a need from its
//! shortlist, add candidates, move them through statuses and outcomes, close the need, and see
//! how long matching takes. The same use cases as the API.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};

use super::layout::{page, respond};
use super::{AdvisorPage, failure, labels};
use std::collections::BTreeSet;

use crate::followup::outcomes::OutcomeReport;
use crate::followup::report::{Summary, TimeToMatch};
use crate::followup::{NeedState, NeedView, Outcome, SavedNeed, Status, UnsuitableReason};
use crate::model::{CriterionKind, JobNeed, MatchHow};
use crate::service::{Advisor, EntryChange, NeedSummary, NewlyQualified, Service};

fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value.trim())
}

/// A form field read as one of our named values (`kontaktet`, `fylt`, …).
fn parse<T: serde::de::DeserializeOwned>(pairs: &[(String, String)], name: &str) -> Option<T> {
    named(field(pairs, name))
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
        Ok(view) => {
            need_page(&service, &caller, &view, Some("Behovet er lagret. Legg kandidater på listen."), true).await
        }
        Err(error) => failure(error, Some(&caller)),
    }
}

/// What "Mine behov" lists: the advisor's own needs, or a kontor's, in one state or all.
#[derive(Debug, Default, serde::Deserialize)]
pub struct NeedFilter {
    #[serde(default)]
    state: String,
    #[serde(default)]
    kontor: String,
}

/// The advisor's saved needs, or a kontor's, filtered by state.
pub async fn mine(
    State(service): State<Arc<Service>>,
    AdvisorPage(caller): AdvisorPage,
    Query(filter): Query<NeedFilter>,
) -> Response {
    let state: Option<NeedState> = named(&filter.state);
    let kontor = Some(filter.kontor.trim()).filter(|k| !k.is_empty());
    match service.needs(&caller, state, kontor) {
        Ok(needs) => {
            respond(StatusCode::OK, page("Mine behov", Some(&caller), None, needs_table(&needs, state, kontor)))
        }
        Err(error) => failure(error, Some(&caller)),
    }
}

fn needs_table(needs: &[NeedSummary], state: Option<NeedState>, kontor: Option<&str>) -> Markup {
    let heading = match kontor {
        Some(kontor) => format!("Behov ved {kontor}"),
        None => "Mine behov".to_string(),
    };
    html! {
        h1 { (heading) }
        form.actions method="get" action="/radgiver/lagrede" {
            label for="filter-state" { "Status" }
            select #filter-state name="state" {
                option value="" selected[state.is_none()] { "Alle" }
                @for (value, label) in [(NeedState::Open, "Åpne"), (NeedState::Filled, "Fylte"), (NeedState::Closed, "Avsluttede")] {
                    option value=(value.name()) selected[state == Some(value)] { (label) }
                }
            }
            label for="filter-kontor" { "NAV-kontor (tomt: bare mine)" }
            input #filter-kontor type="text" name="kontor" value=(kontor.unwrap_or(""));
            button.secondary type="submit" { "Vis" }
        }
        @if needs.is_empty() {
            @if state.is_none() && kontor.is_none() {
                p { "Du har ingen lagrede behov ennå. Lag en kortliste under «Nytt behov» og lagre den." }
            } @else {
                p { "Ingen behov passer filteret." }
            }
        } @else {
            table {
                caption.visually-hidden { "Lagrede behov, nyeste først" }
                thead { tr { th scope="col" { "Behov" } th scope="col" { "Arbeidsgiver" } th scope="col" { "Eier" }
                             th scope="col" { "Status" } th scope="col" { "På listen" } th scope="col" { "Presentert" }
                             th scope="col" { "Opprettet" } } }
                tbody {
                    @for need in needs {
                        tr {
                            td { a href=(format!("/radgiver/lagret/{}", need.id)) { (need.title) } }
                            td { (need.employer) }
                            td { (need.owner) }
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

/// Whether the need page also shows the need's current shortlist to add from (`?forslag`):
/// asked for, not run on every visit, since a shortlist is a search and an audited look-up.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ShowNeed {
    forslag: Option<String>,
}

/// One saved need and its list.
pub async fn show(
    State(service): State<Arc<Service>>,
    AdvisorPage(caller): AdvisorPage,
    Path(id): Path<String>,
    Query(show): Query<ShowNeed>,
) -> Response {
    match service.need(&caller, &id) {
        Ok(view) => need_page(&service, &caller, &view, None, show.forslag.is_some()).await,
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
        "handover" => {
            service.hand_over(&caller, &id, field(&pairs, "to")).await.map(|v| (v, "Behovet er gitt videre."))
        }
        "copy" => service.copy_need(&caller, &id, field(&pairs, "copy_id")).await.map(|v| (v, "Kopien er lagret.")),
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
    // After adding or copying, the advisor is most likely to add more: show the shortlist again.
    let suggest = matches!(field(&pairs, "action"), "add" | "copy");
    match result {
        Ok((view, done)) => need_page(&service, &caller, &view, Some(done), suggest).await,
        Err(crate::service::ServiceError::Invalid(message)) => match service.need(&caller, &id) {
            Ok(view) => {
                let message = format!("Ikke endret: {message}");
                let mut response = need_page(&service, &caller, &view, Some(&message), false).await;
                *response.status_mut() = StatusCode::BAD_REQUEST;
                response
            }
            Err(error) => failure(error, Some(&caller)),
        },
        Err(error) => failure(error, Some(&caller)),
    }
}

async fn need_page(
    service: &Arc<Service>,
    caller: &Advisor,
    view: &NeedView,
    status: Option<&str>,
    suggest: bool,
) -> Response {
    // Candidates from the need's shortlist who are not on the list yet, to add (when asked).
    let suggestions: Option<Vec<(String, f32)>> = match suggest && view.state == NeedState::Open {
        false => None,
        true => {
            let mut need = view.saved.need.clone();
            need.top = Some(10);
            let on_list: Vec<&str> = view.candidates.iter().map(|e| e.candidate.as_str()).collect();
            Some(match service.shortlist(caller, need).await {
                Ok(shortlist) => shortlist
                    .candidates
                    .iter()
                    .filter(|entry| !on_list.contains(&entry.id.as_str()))
                    .map(|entry| (entry.id.clone(), entry.score))
                    .collect(),
                Err(_) => Vec::new(),
            })
        }
    };
    let owner = view.owner == caller.ident;
    let mut arrivals = match owner && view.state == NeedState::Open {
        true => service.newly_qualified(caller, &view.id).unwrap_or_default(),
        false => Vec::new(),
    };
    arrivals.retain(|arrival| !view.candidates.iter().any(|entry| entry.candidate == arrival.candidate));
    let content = html! {
        (need_content(view, suggestions.as_deref(), owner))
        (arrivals_content(view, &arrivals))
    };
    respond(StatusCode::OK, page(&format!("Behov: {}", view.saved.need.title), Some(caller), status, content))
}

/// Candidates who came to qualify through a veileder's tag since the owner last looked: id,
/// score and when — nothing else about them — with a button to add them.
fn arrivals_content(view: &NeedView, arrivals: &[NewlyQualified]) -> Markup {
    let action = format!("/radgiver/lagret/{}", view.id);
    html! {
        @if !arrivals.is_empty() {
            section #arrivals aria-labelledby="arrivals-heading" {
                h2 #arrivals-heading { "Nye som kvalifiserer siden du sist så" }
                p.hint { "Etter at en veileder la til en tagg oppfyller de nå alle krav." }
                ul {
                    @for arrival in arrivals {
                        li {
                            form.inline method="post" action=(action) {
                                input type="hidden" name="action" value="add";
                                input type="hidden" name="candidate" value=(arrival.candidate);
                                (arrival.candidate) " (" (format!("{:.0} %", arrival.score * 100.0)) ", "
                                (crate::model::format_date(arrival.since.date())) ") "
                                button.secondary.small type="submit" aria-label=(format!("Legg på listen: {}", arrival.candidate)) { "Legg på listen" }
                            }
                        }
                    }
                }
            }
        }
    }
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

fn need_content(view: &NeedView, suggestions: Option<&[(String, f32)]>, owner: bool) -> Markup {
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
            form.actions method="post" action=(action) {
                input type="hidden" name="action" value="handover";
                label for="handover-to" { "Gi behovet til rådgiver (ident)" }
                input #handover-to type="text" name="to" required autocomplete="off";
                button.secondary type="submit" { "Gi videre" }
            }
        } @else {
            p.hint { "Behovet eies av " (view.owner) ". Bare eieren kan endre utfall og status på behovet." }
        }
        form.actions method="post" action=(action) {
            input type="hidden" name="action" value="copy";
            label for="copy-id" { "Kopier behovet til et nytt, med id" }
            input #copy-id type="text" name="copy_id" required value=(format!("{}-kopi", view.id));
            button.secondary type="submit" { "Kopier" }
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
        @if open && suggestions.is_none() {
            p { a href=(format!("/radgiver/lagret/{}?forslag", view.id)) { "Vis kandidater fra kortlisten som ikke er på listen" } }
        }
        @if let Some(suggestions) = suggestions.filter(|s| open && !s.is_empty()) {
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
    let reports = service.time_to_match(&caller, None, None).and_then(|t| Ok((t, service.outcome_report(&caller)?)));
    match reports {
        Ok((times, outcomes)) => {
            let content = html! { (report_content(&times)) (outcomes_content(&outcomes)) };
            respond(StatusCode::OK, page("Tid til match", Some(&caller), None, content))
        }
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

/// One of our named values (`tag`, `skill`, …) read back from its name.
fn named<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
}

fn share(value: f64) -> String {
    format!("{:.0} %", value * 100.0)
}

/// What outcomes say about matching: the presented, hired and set-aside candidates compared by
/// the evidence that met their criteria, and by the criteria they met.
fn outcomes_content(report: &OutcomeReport) -> Markup {
    let groups =
        [("Presentert", &report.presented), ("Fått jobben", &report.hired), ("Satt til side", &report.set_aside)];
    let (mut evidence, mut criteria) = (BTreeSet::new(), BTreeSet::new());
    for group in [&report.presented, &report.hired, &report.set_aside] {
        evidence.extend(group.evidence.keys());
        criteria.extend(group.criteria.keys());
    }
    html! {
        h2 #outcomes-heading { "Hva utfallene sier om matchingen" }
        p.hint {
            "Kandidatene slik de sto da de ble lagt på listen. «Satt til side» er uaktuelle, uinteresserte og fjernede "
            "som aldri ble presentert. Ingenting vektes om automatisk ut fra dette."
        }
        @if evidence.is_empty() && criteria.is_empty() {
            p { "Ingen kandidater er presentert eller satt til side ennå." }
        } @else {
        table aria-labelledby="outcomes-heading" {
            thead { tr {
                th scope="col" { "" }
                @for (name, group) in &groups { th scope="col" { (name) " (" (group.candidates) ")" } }
            } }
            tbody {
                @for kind in &evidence {
                    tr {
                        th scope="row" { "Minst ett krav møtt: " (named::<MatchHow>(kind).map(labels::how).unwrap_or(kind)) }
                        @for (_, group) in &groups { td { (group.evidence.get(*kind).map_or("–".into(), |v| share(*v))) } }
                    }
                }
                @for kind in &criteria {
                    tr {
                        th scope="row" { "Kriterium møtt: " (named::<CriterionKind>(kind).map(labels::kind).unwrap_or(kind)) }
                        @for (_, group) in &groups {
                            td { (group.criteria.get(*kind).map_or("–".into(), |k| format!("{} av {}", share(k.met_share), k.had))) }
                        }
                    }
                }
            }
        }
    }
    }
}
