//! The committed fixtures are what the generator produces, and the needs cover the pilot.

use std::collections::BTreeSet;

use crate::common::{fixture_needs, fixtures_dir};

#[test]
fn committed_candidates_are_the_generators_output() {
    let committed = std::fs::read_to_string(fixtures_dir().join("candidates.jsonl")).expect("fixtures exist");
    let lines: Vec<&str> = committed.lines().collect();
    assert_eq!(lines.len(), 2000);
    for (index, line) in lines.iter().enumerate().step_by(97) {
        assert_eq!(*line, jobbmatch::generate::candidate_line(jobbmatch::generate::DEFAULT_SEED, index as u64));
    }
}

#[test]
fn needs_cover_the_pilots_industries_with_all_three_answers() {
    let needs = fixture_needs();
    let names: BTreeSet<&str> = needs.iter().map(|(name, _)| name.trim_end_matches(".json")).collect();
    for industry in [
        "bygg-og-anlegg",
        "salg-og-service",
        "bilverksted",
        "rorlegger",
        "vaktselskap",
        "kantine",
        "skole",
        "fritidsvirksomhet",
        "frisor",
        "helse",
    ] {
        assert!(names.contains(industry), "a need for {industry}");
    }
    for (name, need) in &needs {
        let answers = &need.answers;
        assert!(
            !answers.must_have.is_empty() && !answers.wishes.is_empty() && !answers.room_to_adapt.is_empty(),
            "{name} has all three answers"
        );
    }
}
