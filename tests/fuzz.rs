//! Property-based fuzzing on stable Rust (proptest): the job-need and candidate parsers, the
//! drafter, the analyser and the matcher take any input — arbitrary Unicode, Norwegian-looking
//! word salad, fixture JSON with bytes flipped, cut or repeated — without panicking and within a
//! generous time bound per input. `cargo test` runs 48 cases per target; a longer run:
//! `PROPTEST_CASES=5000 cargo test --release --test tests fuzz`.

use std::time::{Duration, Instant};

use jobbmatch::model::{JobNeed, ReflectionAnswers};
use proptest::prelude::*;

use crate::common::{fixture_index, fixtures_dir, taxonomy};

/// Far above what any input takes (milliseconds); it catches a runaway, not a slow path.
const RUNAWAY: Duration = Duration::from_secs(10);

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48),
        ..Default::default()
    }
}

/// Words employers and veiledere write, words the vocabulary knows, and trouble.
const WORDS: &[&str] = &[
    "må",
    "ha",
    "ikke",
    "ikkje",
    "krav",
    "om",
    "førerkort",
    "B",
    "C1E",
    "truckførerbevis",
    "T1–T4",
    "minst",
    "2",
    "års",
    "erfaring",
    "som",
    "kokk",
    "fagbrev",
    "i",
    "logistikkfaget",
    "mesterbrev",
    "norsk",
    "B2",
    "på",
    "nivå",
    "klokka",
    "fem",
    "morgenen",
    "kvelden",
    "til",
    "fra",
    "kl.",
    "06:00",
    "helg",
    "turnus",
    "vi",
    "lærer",
    "opp",
    "etter",
    "opplæringen",
    "og",
    "eller",
    ",",
    ".",
    ";",
    "(",
    ")",
    "«",
    "»",
    "-",
    "—",
    "/",
    "politiattest",
    "kreves",
    "ved",
    "ansettelse",
    "tolmodig",
    "bebuarar",
    "eldre",
    "dyr",
    "speiderleder",
    "tilrettelegging",
    "alder",
    "under",
    "30",
    "frisk",
    "🙂",
    "\u{202E}",
    "\u{200B}",
    "ß",
    "İ",
    "ﬁ",
    "\t",
    "\n",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "100%",
    "60 %",
    "stillingsprosent",
];

fn word_salad() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..80).prop_map(|words| words.join(" "))
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![word_salad(), any::<String>(), "\\PC{0,400}"]
}

/// A fixture file's bytes with a few flipped, cut or repeated.
fn mutated(original: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = original.len().max(1);
    prop::collection::vec((0..len, any::<u8>(), 0u8..4), 1..8).prop_map(move |edits| {
        let mut bytes = original.clone();
        for (at, byte, how) in edits {
            let at = at.min(bytes.len().saturating_sub(1));
            match how {
                0 if !bytes.is_empty() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                2 => bytes.truncate(at),
                _ => {
                    let tail = bytes[at..].to_vec();
                    bytes.extend_from_slice(&tail);
                }
            }
        }
        bytes
    })
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(fixtures_dir().join(path)).expect("fixture")
}

fn bounded<T>(what: &str, input: &str, run: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let value = run();
    assert!(started.elapsed() < RUNAWAY, "{what} ran away ({:?}) on {input:?}", started.elapsed());
    value
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_analyser_takes_any_text(text in any_text()) {
        let taxonomy = taxonomy();
        let analyzer = taxonomy.analyzer();
        bounded("the analyser", &text, || {
            let _ = analyzer.words(&text);
            let _ = analyzer.terms(&text);
            let _ = analyzer.stems(&text);
        });
    }

    #[test]
    fn the_drafter_takes_any_answers(must in any_text(), wishes in word_salad(), adapt in any_text()) {
        let taxonomy = taxonomy();
        let answers = ReflectionAnswers { must_have: must.clone(), wishes, room_to_adapt: adapt };
        let today = time::macros::date!(2026 - 12 - 03);
        let draft = bounded("the drafter", &must, || jobbmatch::draft::draft("fuzz", &answers, &taxonomy, today));
        // Whatever it drafts is a need the service accepts or refuses with a reason.
        let _ = draft.need.validate();
    }

    #[test]
    fn the_need_parser_and_the_matcher_take_any_json(bytes in mutated(fixture("needs/bilverksted.json"))) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let parsed = bounded("the need parser", &text, || JobNeed::from_json(&text));
        if let Ok(need) = parsed {
            let matcher = jobbmatch::matching::Matcher::new(fixture_index());
            let _ = bounded("the matcher", &text, || matcher.shortlist(&need));
        }
    }

    #[test]
    fn the_candidate_parser_takes_any_lines(bytes in mutated(fixture("candidates.jsonl")[..4000].to_vec())) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let _ = bounded("the candidate parser", &text, || {
            jobbmatch::load::parse_candidates(std::io::Cursor::new(bytes.clone()), "fuzz")
        });
    }
}
