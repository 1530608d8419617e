//! The fast engine must return exactly what the plain one ([`super::reference`]) returns: same
//! candidates, same scores to the bit, same near misses and relaxation counts. Checked on the
//! committed and evaluation needs and on random needs, over an index with several segments,
//! deletes and hidden profiles.

use std::path::Path;
use std::sync::OnceLock;

use serde_json::{Value, json};

use super::{Matcher, Plan, reference};
use crate::generate::Rng;
use crate::index::CandidateIndex;
use crate::model::{Candidate, JobNeed};
use crate::taxonomy::Taxonomy;

pub(super) fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"))
}

fn candidates() -> &'static [Candidate] {
    static CANDIDATES: OnceLock<Vec<Candidate>> = OnceLock::new();
    CANDIDATES.get_or_init(|| crate::load::read_candidates(&fixtures().join("candidates.jsonl")).expect("fixtures"))
}

/// The fixtures in three segments, with some profiles rewritten (a delete plus an add) and the
/// rewritten ones changed: hidden, or with a tag removed.
pub(super) fn index() -> &'static CandidateIndex {
    static INDEX: OnceLock<CandidateIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = CandidateIndex::in_memory(Taxonomy::embedded().expect("taxonomy")).expect("index");
        let mut writer = index.writer(50_000_000).expect("writer");
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        let all = candidates();
        for part in [&all[..900], &all[900..]] {
            for candidate in part {
                writer.add_document(index.document(candidate)).expect("add");
            }
            writer.commit().expect("commit");
        }
        // Rewritten in reverse, so that this segment's documents are not in id order.
        for (n, candidate) in all.iter().enumerate().filter(|(n, _)| n % 7 == 3).rev() {
            let mut changed = candidate.clone();
            if n % 2 == 0 {
                changed.visible = !changed.visible;
            } else {
                changed.tags.pop();
            }
            writer.delete_term(index.id_term(&candidate.id));
            writer.add_document(index.document(&changed)).expect("re-add");
        }
        writer.commit().expect("commit");
        index.reload().expect("reload");
        assert!(index.searcher().segment_readers().len() >= 3);
        index
    })
}

/// Checks one need; false when it does not compile (a value without words, say).
fn assert_same(need: &JobNeed, what: &str) -> bool {
    let index = index();
    let Ok(plan) = Plan::compile(need, index.taxonomy()) else { return false };
    for mut plan in [plan.clone(), Plan { binary: true, ..plan }] {
        for top in [3, 25] {
            plan.top = top;
            let expected = reference::expected(index, &plan, 7).expect("reference");
            let shortlist = Matcher::new(index).near_misses(7).run(&plan).expect("shortlist");
            let actual = reference::Expected {
                considered: shortlist.considered,
                qualified: shortlist.qualified,
                candidates: shortlist.candidates.iter().map(|c| (c.id.clone(), c.score.to_bits())).collect(),
                near_misses: shortlist
                    .near_misses
                    .iter()
                    .map(|miss| (miss.id.clone(), miss.score.to_bits(), miss.failed.clone()))
                    .collect(),
                relaxations: shortlist.relaxations.iter().map(|r| (r.criterion.clone(), r.extra_candidates)).collect(),
            };
            assert_eq!(actual, expected, "{what} (binary {}, top {top})", plan.binary);
        }
    }
    true
}

#[test]
fn committed_and_evaluation_needs_match_the_plain_engine() {
    let mut checked = 0;
    for dir in ["needs", "eval/needs"] {
        for entry in std::fs::read_dir(fixtures().join(dir)).expect("needs") {
            let path = entry.expect("entry").path();
            let need = JobNeed::from_json(&std::fs::read_to_string(&path).expect("read")).expect("need");
            assert!(assert_same(&need, &path.display().to_string()), "{} compiles", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 20);
}

#[test]
fn random_needs_match_the_plain_engine() {
    let mut rng = Rng::new(4242);
    let mut checked = 0;
    for n in 0..250 {
        let text = random_need(&mut rng).to_string();
        // Some random combinations are invalid (room to adapt beyond the job's hours): skipped.
        let Ok(need) = JobNeed::from_json(&text) else { continue };
        checked += usize::from(assert_same(&need, &format!("random need {n}: {text}")));
    }
    assert!(checked >= 170, "only {checked} random needs compiled");
}

/// A need with criteria drawn from what the fixture profiles say, some misspelt, with random
/// importance, ranks, limits and room to adapt.
fn random_need(rng: &mut Rng) -> Value {
    let people = candidates();
    let mut criteria = Vec::new();
    for _ in 0..1 + rng.below(6) {
        let person = rng.pick(people);
        let (kind, value) = match rng.below(10) {
            0 if !person.skills.is_empty() => ("skill", rng.pick(&person.skills).clone()),
            1 if !person.certificates.is_empty() => ("certificate", rng.pick(&person.certificates).clone()),
            2 if !person.experience.is_empty() => ("experience", rng.pick(&person.experience).occupation.clone()),
            3 if !person.tags.is_empty() => ("interest", rng.pick(&person.tags).label.clone()),
            4 if !person.tags.is_empty() => ("quality", rng.pick(&person.tags).label.clone()),
            5 if !person.desired_occupations.is_empty() => {
                ("occupation", rng.pick(&person.desired_occupations).clone())
            }
            6 => ("language", rng.pick(&["norsk", "engelsk", "polsk", "arabisk"]).to_string()),
            7 => ("shift", rng.pick(&["dag", "kveld", "natt", "helg", "turnus"]).to_string()),
            8 => ("demand", rng.pick(&["tunge løft", "stå lenge", "kundekontakt"]).to_string()),
            _ => ("skill", misspelt(rng, &person.skills.first().cloned().unwrap_or_else(|| "kundeservice".into()))),
        };
        let mut criterion = json!({"kind": kind, "value": value});
        criterion["importance"] = json!(if rng.chance(0.4) { "must" } else { "adjustable" });
        if rng.chance(0.6) {
            criterion["rank"] = json!(1 + rng.below(5));
        }
        if kind == "language" {
            criterion["min_level"] = json!(rng.pick(&["A2", "B1", "B2", "C1"]));
        }
        if kind == "experience" && rng.chance(0.5) {
            criterion["min_years"] = json!(1 + rng.below(4));
        }
        criteria.push(criterion);
    }
    let mut need = json!({"id": "random", "title": "Tilfeldig", "criteria": criteria});
    if rng.chance(0.8) {
        let place = rng.pick(people).location;
        need["location"] = json!(place);
        if rng.chance(0.6) {
            need["max_distance_km"] = json!(5 + rng.below(50));
        }
    }
    if rng.chance(0.5) {
        need["extent_percent"] = json!(rng.pick(&[50, 80, 100]));
    }
    if rng.chance(0.3) {
        need["start_date"] = json!("2027-01-04");
    }
    let mut adaptable = json!({});
    if rng.chance(0.4) {
        adaptable["extent_min_percent"] = json!(rng.pick(&[40, 60, 80]));
    }
    if rng.chance(0.3) {
        adaptable["start_latest"] = json!("2027-03-01");
    }
    if rng.chance(0.3) {
        adaptable["tasks"] = json!(["tunge løft"]);
    }
    if rng.chance(0.3) {
        adaptable["languages"] = json!(["norsk"]);
    }
    need["adaptable"] = adaptable;
    need
}

/// `word` with two neighbouring letters swapped (past the first two).
fn misspelt(rng: &mut Rng, word: &str) -> String {
    let mut letters: Vec<char> = word.chars().collect();
    if letters.len() > 4 {
        let at = 2 + rng.below(letters.len() - 3);
        letters.swap(at, at + 1);
    }
    letters.into_iter().collect()
}

#[test]
fn distance_rings_bound_nearness_from_above() {
    let index = index();
    let need = JobNeed::from_json(
        r#"{"id": "ringar", "title": "Ringar", "location": {"lat": 58.147, "lon": 7.995}, "max_distance_km": 30,
            "criteria": [{"kind": "skill", "value": "kundeservice", "rank": 1}]}"#,
    )
    .expect("need");
    let plan = Plan::compile(&need, index.taxonomy()).expect("plan");
    let position = plan.criteria.iter().position(|c| matches!(c.test, super::Test::Distance { .. })).expect("distance");
    let super::Test::Distance { origin, .. } = plan.criteria[position].test else { unreachable!() };
    let weight = plan.criteria[position].weight;
    let searcher = index.searcher();
    let mut checked = 0;
    for (ordinal, reader) in searcher.segment_readers().iter().enumerate() {
        let evaluation = super::segment::SegmentEvaluation::new(
            &plan,
            &super::segment::term_keys(&plan),
            index,
            reader,
            ordinal as u32,
        )
        .expect("evaluation");
        let levels = &evaluation.levels[position];
        assert_eq!(levels.len(), 5, "a limit is cut into rings");
        assert!(levels.windows(2).all(|pair| pair[0].contribution > pair[1].contribution), "nearest ring first");
        let columns = &evaluation.cache.columns;
        for doc in 0..reader.max_doc() {
            let Some(level) = levels.iter().find(|level| evaluation.sets[level.at_least].contains(doc)) else {
                continue;
            };
            let km = super::constraints::km_between(origin, columns.lat[doc as usize], columns.lon[doc as usize]);
            assert!(km <= 30.0);
            assert!(weight * super::constraints::proximity(km) <= level.contribution, "doc {doc} at {km} km");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} candidates within 30 km");
}
