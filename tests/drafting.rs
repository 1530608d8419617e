//! The drafting corpus (fixtures/drafting/corpus.jsonl): real-looking answer sentences, each
//! with the draft it must give — criteria with their importance, level and years; waivers,
//! tasks, shifts and languages the room to adapt gives; notes for the advisor; refused and
//! not-understood phrases. A third are adversarial: negations, `ikke krav om`, waivers that
//! name something else, two requirements in one sentence, nynorsk, dialect and typos.

use std::collections::BTreeSet;

use jobbmatch::draft::draft;
use jobbmatch::model::{Draft, Importance, ReflectionAnswers};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Case {
    answer: String,
    text: String,
    /// The must-have answer a wish or an adaptation is read beside.
    #[serde(default)]
    context: Context,
    expect: Vec<String>,
    #[serde(default)]
    adversarial: bool,
    training: Option<Vec<String>>,
    tasks: Option<Vec<String>>,
    shifts: Option<Vec<String>>,
    languages: Option<Vec<String>>,
    not_understood: Option<Vec<String>>,
    notes: Option<usize>,
    refused: Option<usize>,
    extent: Option<u8>,
    km: Option<f32>,
    extent_min: Option<u8>,
    start_latest: Option<bool>,
    /// The job's start date the answer gives (ISO), e.g. from `innen to uker`.
    start: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Context {
    #[serde(default)]
    must_have: String,
}

fn corpus() -> Vec<Case> {
    let text = std::fs::read_to_string(crate::common::fixtures_dir().join("drafting/corpus.jsonl")).expect("corpus");
    text.lines()
        .enumerate()
        .map(|(n, line)| serde_json::from_str(line).unwrap_or_else(|e| panic!("corpus line {}: {e}", n + 1)))
        .collect()
}

fn drafted(case: &Case) -> Draft {
    let mut answers = ReflectionAnswers::default();
    match case.answer.as_str() {
        "must_have" => answers.must_have = case.text.clone(),
        "wishes" => {
            answers.must_have = case.context.must_have.clone();
            answers.wishes = case.text.clone();
        }
        "room_to_adapt" => {
            answers.must_have = case.context.must_have.clone();
            answers.room_to_adapt = case.text.clone();
        }
        other => panic!("unknown answer {other}"),
    }
    let today = time::macros::date!(2026 - 11 - 27);
    draft("corpus", &answers, &crate::common::taxonomy(), today)
}

/// `must certificate førerkort B`, `wish experience lager years=2`, `must language norsk level=B1`.
fn rendered(draft: &Draft) -> BTreeSet<String> {
    draft
        .need
        .criteria
        .iter()
        .map(|c| {
            let importance = if c.importance == Importance::Must { "must" } else { "wish" };
            let mut text = format!("{importance} {} {}", c.kind.name(), c.value);
            if let Some(level) = c.min_level {
                text.push_str(&format!(" level={}", level.code()));
            }
            if let Some(years) = c.min_years {
                text.push_str(&format!(" years={years}"));
            }
            text
        })
        .collect()
}

#[test]
fn every_sentence_of_the_corpus_drafts_as_written_down() {
    let corpus = corpus();
    assert!(corpus.len() >= 80, "at least 80 sentences: {}", corpus.len());
    assert!(corpus.iter().filter(|c| c.adversarial).count() >= 25, "at least 25 adversarial");
    let mut failures = Vec::new();
    for case in &corpus {
        let draft = drafted(case);
        let mut wrong = Vec::new();
        let expected: BTreeSet<String> = case.expect.iter().cloned().collect();
        let got = rendered(&draft);
        if got != expected {
            wrong.push(format!("criteria {got:?}, expected {expected:?}"));
        }
        let adaptable = &draft.need.adaptable;
        let mut check = |what: &str, got: Vec<String>, expected: &Option<Vec<String>>| {
            if let Some(expected) = expected {
                if got != *expected {
                    wrong.push(format!("{what} {got:?}, expected {expected:?}"));
                }
            }
        };
        check("training", adaptable.training.clone(), &case.training);
        check("tasks", adaptable.tasks.clone(), &case.tasks);
        check("shifts", adaptable.shifts.iter().map(|s| s.name().to_string()).collect(), &case.shifts);
        check("languages", adaptable.languages.clone(), &case.languages);
        check("not understood", draft.not_understood.clone(), &case.not_understood.clone().or(Some(Vec::new())));
        let counts = [
            ("notes", draft.notes.len(), case.notes.unwrap_or(0)),
            ("refused", draft.refused.len(), case.refused.unwrap_or(0)),
        ];
        for (what, got, expected) in counts {
            if got != expected {
                wrong.push(format!("{what}: {got}, expected {expected} ({:?} {:?})", draft.notes, draft.refused));
            }
        }
        if case.extent.is_some() && draft.need.extent_percent != case.extent {
            wrong.push(format!("extent {:?}, expected {:?}", draft.need.extent_percent, case.extent));
        }
        if case.km.is_some() && draft.need.max_distance_km != case.km {
            wrong.push(format!("km {:?}, expected {:?}", draft.need.max_distance_km, case.km));
        }
        if case.extent_min.is_some() && adaptable.extent_min_percent != case.extent_min {
            wrong.push(format!("extent min {:?}, expected {:?}", adaptable.extent_min_percent, case.extent_min));
        }
        if let Some(start) = &case.start {
            let got = draft.need.start_date.map(|date| date.to_string());
            if got.as_deref() != Some(start.as_str()) {
                wrong.push(format!("start {got:?}, expected {start}"));
            }
        }
        match (case.start_latest, adaptable.start_latest) {
            (Some(true), None) => wrong.push("no later start".into()),
            (Some(false), Some(latest)) => wrong.push(format!("a later start {latest}, expected none")),
            _ => {}
        }
        if !wrong.is_empty() {
            failures.push(format!("«{}» ({}): {}", case.text, case.answer, wrong.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} sentences draft wrongly:\n{}",
        failures.len(),
        corpus.len(),
        failures.join("\n")
    );
}

/// With NAV's STYRK-08 titles and Norsk Ordbank loaded, thousands of occupation titles stand
/// near everyday words. A nynorsk verb (`snakkar`, not a misspelt `snekkar`), what the people a
/// job serves do (`medlemmene trener`), the foreman who asks (`Formann (vaskeri)` is a title)
/// and what the employer does after a dash (`– vi slakter …`) had become must-have occupations.
#[test]
fn with_real_data_a_verb_or_what_the_served_do_is_no_occupation_asked() {
    let Some(dir) = jobbmatch::taxonomy::external::shared_data_dir() else {
        eprintln!("skipped: ../shared/data is not here");
        return;
    };
    let knowledge = jobbmatch::workspace::Knowledge { data_dir: Some(dir), ..Default::default() };
    let taxonomy = knowledge.taxonomy().expect("taxonomy");
    let today = time::macros::date!(2026 - 11 - 27);
    for (must_have, expected) in [
        ("Du snakkar godt norsk.", vec!["must language norsk level=B2"]),
        ("Du må jobbe kveld og helg – det er da medlemmene trener.", vec!["must shift kveld", "must shift helg"]),
        ("Formannen krev òg truckførarbevis, for alt går på pall.", vec!["must certificate truckførerbevis"]),
        // `Slakter` is a title; after a dash and a pronoun it is what the employer does.
        (
            "Det andre er kveldsskiftet – vi slakter fra tre til halv ett om natta, og det må du kunne.",
            vec!["must shift kveld"],
        ),
    ] {
        let answers = ReflectionAnswers { must_have: must_have.into(), ..Default::default() };
        let got = rendered(&draft("real-data", &answers, &taxonomy, today));
        let expected: BTreeSet<String> = expected.into_iter().map(String::from).collect();
        assert_eq!(got, expected, "{must_have}");
    }
}
