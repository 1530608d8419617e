//! The advisor's new job need: the employer's three answers in, drafted criteria out, beside the
//! answers with what the draft could not place highlighted, ready to edit.

use std::sync::Arc;

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};

use super::layout::{page, respond};
use super::need_form::{NeedForm, places};
use super::{AdvisorPage, labels};
use crate::model::{Answer, Criterion, CriterionKind, Draft, Importance, JobNeed, LanguageLevel};
use crate::service::{Caller, Service};

/// Empty rows the edit page offers for new criteria.
const NEW_ROWS: usize = 2;

pub async fn new_need(AdvisorPage(caller): AdvisorPage) -> Response {
    respond(StatusCode::OK, page("Nytt behov", Some(&caller), None, answers_form(&NeedForm::new(Vec::new()), &[])))
}

fn answers_form(form: &NeedForm, errors: &[String]) -> Markup {
    html! {
        h1 { "Nytt behov fra arbeidsgiver" }
        p.hint { "Skriv inn eller lim inn arbeidsgiverens svar på de tre spørsmålene. Du får et utkast til kriterier som du kan rette før du leter etter kandidater." }
        (error_list(errors))
        form method="post" action="/radgiver/utkast" {
            (job_fields(form))
            fieldset {
                legend { "Arbeidsgiverens tre svar" }
                label for="must_have" { "1. Hva må kandidaten kunne eller ha?" }
                textarea #must_have name="must_have" rows="4" { (form.get("must_have")) }
                label for="wishes" { "2. Hva ønsker dere i tillegg? Skriv det viktigste først." }
                textarea #wishes name="wishes" rows="4" { (form.get("wishes")) }
                label for="room_to_adapt" { "3. Hva kan dere tilpasse, eller lære opp i?" }
                textarea #room_to_adapt name="room_to_adapt" rows="4" { (form.get("room_to_adapt")) }
            }
            div.actions { button type="submit" { "Lag utkast til kriterier" } }
        }
    }
}

/// The job's own fields: title, workplace, distance, extent and how many candidates to show.
fn job_fields(form: &NeedForm) -> Markup {
    let top = if form.get("top").is_empty() { "10" } else { form.get("top") };
    html! {
        fieldset {
            legend { "Stillingen" }
            div.row {
                div {
                    label for="title" { "Stillingstittel" }
                    input #title type="text" name="title" value=(form.get("title"));
                }
                div {
                    label for="place" { "Arbeidssted" }
                    select #place name="place" {
                        option value="" { "Velg kommune" }
                        @for (name, _) in places() {
                            option value=(name) selected[form.get("place") == name] { (name) }
                        }
                    }
                }
            }
            div.row {
                div {
                    label for="distance" { "Maks reisevei for kandidaten (km)" }
                    input #distance type="number" min="1" max="500" name="distance" value=(form.get("distance"));
                }
                div {
                    label for="extent" { "Stillingsprosent" }
                    input #extent type="number" min="1" max="100" name="extent" value=(form.get("extent"));
                }
                div {
                    label for="top" { "Antall kandidater å vise" }
                    input #top type="number" min="1" max="500" name="top" value=(top);
                }
            }
        }
    }
}

fn error_list(errors: &[String]) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.errors role="alert" {
                p { strong { "Dette må rettes:" } }
                ul { @for error in errors { li { (error) } } }
            }
        }
    }
}

/// Drafts criteria from the answers, or redraws the edit page with the advisor's changes.
pub async fn draft(
    State(service): State<Arc<Service>>,
    AdvisorPage(caller): AdvisorPage,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let form = NeedForm::new(pairs);
    let editing = form.has_criteria();
    let need = match form.need(editing) {
        Ok(need) => need,
        Err(errors) if editing => return edit_page(&caller, &form, None, &errors),
        Err(errors) => {
            return respond(
                StatusCode::UNPROCESSABLE_ENTITY,
                page("Nytt behov", Some(&caller), None, answers_form(&form, &errors)),
            );
        }
    };
    let drafted = match service.draft(&caller, &need).await {
        Ok(drafted) => drafted,
        // Nothing to highlight without answers; the criteria still stand.
        Err(_) if editing => return edit_page(&caller, &form, Some((need, None)), &[]),
        Err(error) => {
            let errors = [error.to_string()];
            return respond(
                StatusCode::UNPROCESSABLE_ENTITY,
                page("Nytt behov", Some(&caller), None, answers_form(&form, &errors)),
            );
        }
    };
    // Editing keeps the advisor's criteria; the fresh draft only says what to highlight.
    let need = if editing { need } else { drafted.need.clone() };
    edit_page(&caller, &form, Some((need, Some(drafted))), &[])
}

/// The answers with highlights beside the criteria form.
pub(super) fn edit_page(
    caller: &Caller,
    form: &NeedForm,
    need: Option<(JobNeed, Option<Draft>)>,
    errors: &[String],
) -> Response {
    // A form that could not be read is shown again as typed, with what to correct.
    let (need, drafted) = need.unwrap_or_else(|| (form.lenient(), None));
    let status = drafted.as_ref().map(|drafted| {
        format!(
            "Utkastet har {} kriterier. {} uttrykk ble ikke gjenkjent og er vist i svarene.",
            need.criteria.len(),
            drafted.unrecognised.len()
        )
    });
    // What the draft could not place, and could not find word for word in the answer to mark.
    let unplaced_elsewhere: Vec<&str> = drafted.as_ref().map_or_else(Vec::new, |drafted| {
        drafted
            .unrecognised
            .iter()
            .filter(|u| find_words(answer_text(&need, u.answer), &u.text).is_none())
            .map(|u| u.text.as_str())
            .collect()
    });
    let unresolved: Vec<String> = match &drafted {
        Some(drafted) => drafted.not_understood.iter().filter(|p| !form.is_resolved(p)).cloned().collect(),
        None => form.unresolved().to_vec(),
    };
    let content = html! {
        h1 { "Kriterier for «" (need.title) "»" }
        (error_list(errors))
        div.columns {
            section aria-labelledby="answers-heading" {
                h2 #answers-heading { "Arbeidsgiverens svar" }
                p.hint.legend {
                    mark.unrecognised { "Gult" } ": tekst utkastet ikke kunne gjøre om til et kriterium. "
                    mark.refused { "Rødt" } ": avvist fordi det ville skille på alder, kjønn, helse eller etnisitet."
                }
                @for (answer, heading, text) in [
                    (Answer::MustHave, "1. Må ha", &need.answers.must_have),
                    (Answer::Wishes, "2. Ønsker", &need.answers.wishes),
                    (Answer::RoomToAdapt, "3. Kan tilpasse", &need.answers.room_to_adapt),
                ] {
                    h3 { (heading) }
                    div.answer { (highlighted(text, answer, drafted.as_ref())) }
                }
                @if !unplaced_elsewhere.is_empty() {
                    h3 { "Ikke gjenkjent, og ikke funnet ord for ord i svarene" }
                    ul #unplaced-elsewhere { @for text in &unplaced_elsewhere { li { mark.unrecognised { (text) } } } }
                }
                @if let Some(drafted) = &drafted {
                    @if !drafted.refused.is_empty() {
                        h3 { "Avvist" }
                        ul { @for refused in &drafted.refused { li { "«" (refused.text) "»: " (refused.reason) } } }
                    }
                    @if !drafted.notes.is_empty() {
                        h3 { "Til rådgiveren (ikke kriterier)" }
                        p.hint { "Dette gjelder den som blir ansatt, ved ansettelsen, og er ikke noe kandidatene må ha fra før." }
                        ul #notes { @for note in &drafted.notes { li { (note) } } }
                    }
                }
            }
            section aria-labelledby="criteria-heading" {
                h2 #criteria-heading { "Kriterier" }
                form method="post" action="/radgiver/kortliste" {
                    (hidden_context(&need))
                    @if !unresolved.is_empty() {
                        fieldset.warning #not-understood {
                            legend { (unresolved.len()) " krav er ikke forstått" }
                            p.hint {
                                "Legg dem inn som kriterier under, eller kryss av når de er vurdert. Til da vises de ved kortlisten, "
                                "som kan inneholde kandidater som mangler dem."
                            }
                            @for (i, phrase) in unresolved.iter().enumerate() {
                                div.inline {
                                    input type="hidden" name="unresolved" value=(phrase);
                                    input type="checkbox" id=(format!("resolved-{i}")) name="resolved" value=(phrase);
                                    label for=(format!("resolved-{i}")) { "«" (phrase) "» er vurdert" }
                                }
                            }
                        }
                    }
                    (job_fields(&form_of(&need, form)))
                    p.hint { "«Må ha» er absolutte krav. Ønsker rangeres: det øverste teller mest. Flytt dem med knappene, eller endre rangen." }
                    div #criteria {
                        @for (row, criterion) in need.criteria.iter().enumerate() {
                            (criterion_row(row, Some(criterion)))
                        }
                        @for row in need.criteria.len()..need.criteria.len() + NEW_ROWS {
                            (criterion_row(row, None))
                        }
                    }
                    div.actions {
                        button type="submit" { "Finn kandidater" }
                        button.secondary type="submit" formaction="/radgiver/utkast" { "Oppdater utkastet" }
                    }
                }
            }
        }
    };
    let status_code = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    respond(status_code, page("Kriterier", Some(caller), status.as_deref(), content))
}

/// The form's own job fields, or the need's when the form has none yet.
fn form_of(need: &JobNeed, form: &NeedForm) -> NeedForm {
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut keep = |name: &str, fallback: String| {
        let value = if form.get(name).is_empty() { fallback } else { form.get(name).to_string() };
        pairs.push((name.to_string(), value));
    };
    keep("title", need.title.clone());
    keep("place", need.municipality.clone().unwrap_or_default());
    keep("distance", need.max_distance_km.map(|km| km.to_string()).unwrap_or_default());
    keep("extent", need.extent_percent.map(|p| p.to_string()).unwrap_or_default());
    keep("top", need.top.map(|top| top.to_string()).unwrap_or_default());
    NeedForm::new(pairs)
}

/// What the edit page carries but does not show as fields.
fn hidden_context(need: &JobNeed) -> Markup {
    let adaptable = serde_json::to_string(&need.adaptable).unwrap_or_default();
    let start = need.start_date.map(crate::model::format_date).unwrap_or_default();
    html! {
        input type="hidden" name="id" value=(need.id);
        input type="hidden" name="must_have" value=(need.answers.must_have);
        input type="hidden" name="wishes" value=(need.answers.wishes);
        input type="hidden" name="room_to_adapt" value=(need.answers.room_to_adapt);
        input type="hidden" name="adaptable" value=(adaptable);
        input type="hidden" name="start_date" value=(start);
        @for checked in &need.checked { input type="hidden" name="checked" value=(checked.as_str()); }
    }
}

/// One editable criterion; `None` gives an empty row for a new one.
fn criterion_row(row: usize, criterion: Option<&Criterion>) -> Markup {
    let id = |name: &str| format!("c{row}-{name}");
    let name = |name: &str| format!("c{row}.{name}");
    let importance = criterion.map_or(Importance::Adjustable, |c| c.importance);
    let value = criterion.map_or("", |c| c.value.as_str());
    let title = match criterion {
        Some(criterion) => format!("Kriterium {}: {}", row + 1, criterion.value),
        None => "Nytt kriterium".to_string(),
    };
    html! {
        fieldset.criterion.must[importance == Importance::Must && criterion.is_some()] {
            legend { (title) }
            div.row {
                div {
                    label for=(id("kind")) { "Type" }
                    select id=(id("kind")) name=(name("kind")) {
                        @if criterion.is_none() { option value="" { "Velg type" } }
                        @for kind in CriterionKind::ALL {
                            option value=(kind.name()) selected[criterion.is_some_and(|c| c.kind == kind)] { (labels::kind(kind)) }
                        }
                    }
                }
                div {
                    label for=(id("value")) { "Hva" }
                    input type="text" id=(id("value")) name=(name("value")) value=(value) list=(id("suggestions"))
                        data-suggest data-value autocomplete="off";
                    datalist id=(id("suggestions")) {}
                }
            }
            div.row {
                fieldset.importance {
                    legend { "Viktighet" }
                    input type="radio" id=(id("must")) name=(name("importance")) value="must" checked[importance == Importance::Must];
                    label for=(id("must")) { "Må ha" }
                    input type="radio" id=(id("wish")) name=(name("importance")) value="adjustable" checked[importance == Importance::Adjustable];
                    label for=(id("wish")) { "Ønske" }
                }
                div {
                    label for=(id("rank")) { "Rang (ønsker)" }
                    input type="number" min="1" max="99" id=(id("rank")) name=(name("rank")) data-rank
                        value=[criterion.and_then(|c| c.rank)];
                }
                div {
                    label for=(id("level")) { "Minste språknivå" }
                    select id=(id("level")) name=(name("level")) {
                        option value="" { "Ingen" }
                        @for level in LanguageLevel::ALL {
                            option value=(level.code()) selected[criterion.and_then(|c| c.min_level) == Some(level)] { (level.code()) }
                        }
                    }
                }
                div {
                    label for=(id("years")) { "Minst år erfaring" }
                    input type="number" min="0" max="50" step="0.5" id=(id("years")) name=(name("years"))
                        value=[criterion.and_then(|c| c.min_years)];
                }
            }
            @if criterion.is_some() {
                div.actions {
                    button.secondary.small type="button" data-move="up" { "Flytt opp" span.visually-hidden { ": " (value) } }
                    button.secondary.small type="button" data-move="down" { "Flytt ned" span.visually-hidden { ": " (value) } }
                    span.inline {
                        input type="checkbox" id=(id("remove")) name=(name("remove"));
                        label for=(id("remove")) { "Fjern dette kriteriet" }
                    }
                }
            }
        }
    }
}

fn answer_text(need: &JobNeed, answer: Answer) -> &str {
    match answer {
        Answer::MustHave => &need.answers.must_have,
        Answer::Wishes => &need.answers.wishes,
        Answer::RoomToAdapt => &need.answers.room_to_adapt,
    }
}

/// Where the words of `phrase` stand in `text` one after another, whatever separates them
/// there (`hms instrukser` in «HMS-instrukser»): byte range of the first to the last.
fn find_words(text: &str, phrase: &str) -> Option<(usize, usize)> {
    let wanted: Vec<String> = crate::analysis::split_words(phrase).collect();
    if wanted.is_empty() {
        return None;
    }
    let words = crate::analysis::word_spans(text);
    words.windows(wanted.len()).find_map(|run| {
        let same = run.iter().zip(&wanted).all(|(&(s, e), w)| text[s..e].to_lowercase() == *w);
        same.then(|| (run[0].0, run[run.len() - 1].1))
    })
}

/// `text` with the draft's unplaced and refused phrases of `answer` marked.
fn highlighted(text: &str, answer: Answer, drafted: Option<&Draft>) -> Markup {
    let mut marks: Vec<(usize, usize, &'static str)> = Vec::new();
    if let Some(drafted) = drafted {
        let phrases = drafted
            .unrecognised
            .iter()
            .filter(|u| u.answer == answer)
            .map(|u| (u.text.as_str(), "unrecognised"))
            .chain(drafted.refused.iter().filter(|r| r.answer == answer).map(|r| (r.text.as_str(), "refused")));
        for (phrase, class) in phrases {
            if let Some((start, end)) = find_words(text, phrase) {
                if marks.iter().all(|&(s, e, _)| end <= s || start >= e) {
                    marks.push((start, end, class));
                }
            }
        }
    }
    marks.sort();
    let mut pieces: Vec<(&str, Option<&str>)> = Vec::with_capacity(2 * marks.len() + 1);
    let mut at = 0;
    for (start, end, class) in marks {
        pieces.push((&text[at..start], None));
        pieces.push((&text[start..end], Some(class)));
        at = end;
    }
    pieces.push((&text[at..], None));
    html! {
        @for (piece, class) in pieces {
            @if let Some(class) = class { mark class=(class) { (piece) } } @else { (piece) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Refused, Unrecognised};

    #[test]
    fn unplaced_and_refused_phrases_are_marked_and_the_rest_escaped() {
        let draft = Draft {
            need: JobNeed::from_json(r#"{"id": "x", "title": "x", "criteria": []}"#).expect("need"),
            unrecognised: vec![Unrecognised { answer: Answer::MustHave, text: "Sjonglering".into() }],
            refused: vec![Refused { answer: Answer::MustHave, text: "under 30".into(), reason: "alder".into() }],
            not_understood: vec!["sjonglering".into()],
            notes: Vec::new(),
        };
        let text = "Må kunne sjonglering <b>, helst under 30 år";
        assert_eq!(find_words("Må forstå HMS-instrukser.", "hms instrukser"), Some((12, 26)), "across a hyphen");
        let html = highlighted(text, Answer::MustHave, Some(&draft)).into_string();
        assert_eq!(
            html,
            "Må kunne <mark class=\"unrecognised\">sjonglering</mark> &lt;b&gt;, helst \
             <mark class=\"refused\">under 30</mark> år"
        );
        // Another answer's phrases are not marked here.
        assert_eq!(
            highlighted(text, Answer::Wishes, Some(&draft)).into_string(),
            "Må kunne sjonglering &lt;b&gt;, helst under 30 år"
        );
    }
}
