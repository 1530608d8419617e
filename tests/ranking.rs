//! Ranking properties:
//! - a veileder's interest tag lifts a candidate whose CV says nothing about it;
//! - evidence is graded: exact > synonym > compound part > typo > tag > free-text mention;
//! - a higher-ranked wish weighs more than a lower one;
//! - the employer's room to adapt waives exactly what it names, and tilretteleggingsbehov never
//!   changes a score;
//! - the same input gives the same order; equal scores go to the nearer, then the broader
//!   evidence, and only then by id;
//! - a phrase is met by some of its words, graded by their share and named in the explanation,
//!   but a must-have only by the whole phrase;
//! - what a veileder writes someone did, in everyday words, meets the wish it speaks to.

use jobbmatch::model::{Importance, MatchHow, Shortlist};
use serde_json::json;

use crate::common::{ids, index, need, profile, shortlist};

#[test]
fn an_interest_tag_lifts_a_candidate_whose_cv_says_nothing() {
    let cv = json!({"experience": [{"occupation": "lagermedarbeider", "years": 2}]});
    let mut tagged = cv.clone();
    tagged["tags"] = json!([{"label": "interessert i bil og motor", "kind": "interest", "by": "V1042",
                             "at": "2026-10-02T09:14:00Z"}]);
    let candidates = [profile("K1", cv), profile("K2", tagged)];
    let need = need(json!({"criteria": [
        {"kind": "experience", "value": "lager", "importance": "must"},
        {"kind": "interest", "value": "bil", "rank": 1},
    ]}));
    let result = shortlist(&index(&candidates), &need);
    assert_eq!(ids(&result), ["K2", "K1"]);
    let interest = &result.candidates[0].criteria[1];
    assert_eq!(interest.how, MatchHow::Tag);
    let evidence = interest.evidence.as_ref().expect("the tag is the evidence");
    assert_eq!(evidence.text, "interessert i bil og motor");
    assert_eq!(evidence.tagged_by.as_deref(), Some("V1042"));
    assert_eq!(evidence.tagged_at.as_deref(), Some("2026-10-02T09:14:00Z"));
    assert!(!result.candidates[1].criteria[1].matched);
    assert!(result.candidates[0].score > result.candidates[1].score);
}

#[test]
fn evidence_is_graded_from_exact_to_free_text() {
    let worked_as = |occupation: &str| json!({"experience": [{"occupation": occupation, "years": 1}]});
    let candidates = [
        profile("K-exact", worked_as("truckførere")),
        profile("K-synonym", worked_as("gaffeltruckfører")),
        profile("K-compound", worked_as("truckførerlærling")),
        profile("K-typo", worked_as("trukfører")),
        profile(
            "K-tag",
            json!({"tags": [{"label": "erfaren truckfører fra Polen", "kind": "informal_skill",
                                         "by": "V1", "at": "2026-01-05T10:00:00Z"}]}),
        ),
        profile("K-summary", json!({"summary": "Har kjørt som truckfører på et lager."})),
        profile("K-nothing", json!({"summary": "Liker å gå tur."})),
    ];
    let need = need(json!({"criteria": [{"kind": "occupation", "value": "truckfører", "rank": 1}]}));
    let result = shortlist(&index(&candidates), &need);
    assert_eq!(ids(&result), ["K-exact", "K-synonym", "K-compound", "K-typo", "K-tag", "K-summary", "K-nothing"]);
    let hows: Vec<MatchHow> = result.candidates.iter().map(|e| e.criteria[0].how).collect();
    assert_eq!(
        hows,
        [
            MatchHow::Exact,
            MatchHow::Synonym,
            MatchHow::CompoundPart,
            MatchHow::Typo,
            MatchHow::Tag,
            MatchHow::Summary,
            MatchHow::NotMatched
        ]
    );
    let scores: Vec<f32> = result.candidates.iter().map(|e| e.score).collect();
    assert!(scores.windows(2).all(|pair| pair[0] > pair[1]), "{scores:?}");
}

#[test]
fn typos_in_tags_and_cv_are_tolerated() {
    let candidates = [
        profile("K1", json!({"skills": ["kundeservis"]})),
        profile(
            "K2",
            json!({"tags": [{"label": "god på kundeservis", "kind": "informal_skill", "by": "V7",
                                      "at": "2026-03-01T08:00:00Z"}]}),
        ),
        profile("K3", json!({"skills": ["kundeservice"]})),
        profile("K4", json!({"skills": ["kassearbeid"]})),
    ];
    let need = need(json!({"criteria": [{"kind": "skill", "value": "kundeservice", "importance": "must"}]}));
    let result = shortlist(&index(&candidates), &need);
    assert_eq!(ids(&result), ["K3", "K1", "K2"]);
    let hows: Vec<MatchHow> = result.candidates.iter().map(|e| e.criteria[0].how).collect();
    assert_eq!(hows, [MatchHow::Exact, MatchHow::Typo, MatchHow::Tag]);
    // And the employer's own typo finds the right concept.
    let misspelt =
        crate::common::need(json!({"criteria": [{"kind": "skill", "value": "kundeservis", "importance": "must"}]}));
    assert_eq!(shortlist(&index(&candidates), &misspelt).candidates.len(), 3);
}

#[test]
fn a_higher_ranked_wish_weighs_more_than_a_lower_one() {
    let candidates = [
        profile("K-kasse", json!({"skills": ["kassearbeid"]})),
        profile("K-kunde", json!({"skills": ["kundeservice"]})),
    ];
    let index = index(&candidates);
    let ranked = |first: &str, second: &str| {
        need(json!({"criteria": [
            {"kind": "skill", "value": first, "rank": 1},
            {"kind": "skill", "value": second, "rank": 2},
        ]}))
    };
    assert_eq!(ids(&shortlist(&index, &ranked("kassearbeid", "kundeservice"))), ["K-kasse", "K-kunde"]);
    assert_eq!(ids(&shortlist(&index, &ranked("kundeservice", "kassearbeid"))), ["K-kunde", "K-kasse"]);
}

#[test]
fn room_to_adapt_waives_extent_down_to_the_named_minimum_only() {
    let candidates = [
        profile("K-full", json!({"extent_percent": {"min": 80, "max": 100}})),
        profile("K-60", json!({"extent_percent": {"min": 40, "max": 60}})),
        profile("K-40", json!({"extent_percent": {"min": 20, "max": 40}})),
    ];
    let index = index(&candidates);
    let with_minimum = |minimum: Option<u8>| {
        let adaptable = minimum.map_or(json!({}), |m| json!({"extent_min_percent": m}));
        need(json!({"extent_percent": 100, "adaptable": adaptable, "criteria": [{"kind": "skill", "value": "kasse"}]}))
    };
    let result = shortlist(&index, &with_minimum(Some(60)));
    assert_eq!(ids(&result), ["K-full", "K-60"]);
    let adapted = &result.candidates[1];
    assert_eq!(adapted.adaptations.len(), 1);
    assert_eq!(adapted.adaptations[0].adaptation, "stillingsprosent ned til 60 %");
    assert!(adapted.adaptation_factor < 1.0);
    assert!(result.candidates[0].adaptations.is_empty());
    assert_eq!(ids(&shortlist(&index, &with_minimum(None))), ["K-full"]);
    assert_eq!(
        ids(&shortlist(&index, &with_minimum(Some(40)))),
        ["K-full", "K-40", "K-60"],
        "equal adaptations tie by id"
    );
}

#[test]
fn adaptable_tasks_admit_candidates_who_need_them_without_costing_score() {
    let candidates = [
        profile("K-needs", json!({"adaptation_needs": ["kan ikke løfte tungt"], "skills": ["varemottak"]})),
        profile("K-plain", json!({"skills": ["varemottak"]})),
    ];
    let index = index(&candidates);
    let demand = |adaptable: bool| {
        let tasks = if adaptable { json!(["tunge løft"]) } else { json!([]) };
        need(json!({"adaptable": {"tasks": tasks}, "criteria": [
            {"kind": "demand", "value": "tunge løft", "importance": "must"},
            {"kind": "skill", "value": "varemottak", "rank": 1},
        ]}))
    };
    assert_eq!(ids(&shortlist(&index, &demand(false))), ["K-plain"]);
    let result = shortlist(&index, &demand(true));
    assert_eq!(ids(&result), ["K-needs", "K-plain"], "equal scores, ordered by id");
    assert_eq!(result.candidates[0].score, result.candidates[1].score, "health must not change a ranking");
    let needs = &result.candidates[0];
    assert_eq!(needs.adaptations[0].adaptation, "tunge løft tas ut av arbeidsoppgavene");
    assert_eq!(needs.criteria[0].how, MatchHow::Adapted);
    // The need itself is never shown, only that adaptation is needed.
    let evidence = needs.criteria[0].evidence.as_ref().expect("evidence");
    assert_eq!(evidence.text, "tilrettelegging nødvendig");
    assert!(!serde_json::to_string(&result).expect("json").contains("løfte tungt"));
}

#[test]
fn an_adaptable_language_requirement_becomes_soft_but_others_stay_hard() {
    let candidates = [
        profile(
            "K-B2",
            json!({"languages": [{"language": "norsk", "level": "B2"}, {"language": "engelsk", "level": "B1"}]}),
        ),
        profile(
            "K-A2",
            json!({"languages": [{"language": "norsk", "level": "A2"}, {"language": "engelsk", "level": "B1"}]}),
        ),
        profile("K-no-english", json!({"languages": [{"language": "norsk", "level": "C2"}]})),
    ];
    let need = need(json!({"adaptable": {"languages": ["norsk"]}, "criteria": [
        {"kind": "language", "value": "norsk", "min_level": "B2", "importance": "must"},
        {"kind": "language", "value": "engelsk", "min_level": "B1", "importance": "must"},
    ]}));
    let result = shortlist(&index(&candidates), &need);
    assert_eq!(ids(&result), ["K-B2", "K-A2"]);
    let soft = &result.candidates[1];
    assert_eq!(soft.criteria[0].importance, Importance::Adjustable);
    assert_eq!(soft.criteria[0].how, MatchHow::Adapted);
    assert!(soft.adaptations[0].adaptation.contains("språkkravet i norsk"));
    assert!(result.relaxations.iter().all(|r| !r.criterion.contains("norsk")), "norsk is no longer a must");
}

#[test]
fn the_same_input_gives_the_same_order_and_a_tie_otherwise_equal_falls_to_the_id() {
    let candidates: Vec<_> =
        ["K9", "K3", "K7", "K1"].iter().map(|id| profile(id, json!({"skills": ["kundeservice"]}))).collect();
    let index = index(&candidates);
    let need = need(json!({"criteria": [{"kind": "skill", "value": "kundeservice", "rank": 1}]}));
    let first = shortlist(&index, &need);
    assert_eq!(ids(&first), ["K1", "K3", "K7", "K9"]);
    assert_eq!(first.top_tied, 4, "the list says its top is a tie");
    for _ in 0..5 {
        assert_eq!(shortlist(&index, &need), first);
    }
}

#[test]
fn equal_scores_go_to_broader_evidence_before_the_id() {
    // Nearness is part of the score whenever the job has a place, so equal scores come without
    // one. K1's tag meets the first wish (0.7 × 1); K2 has a summary mention of it (0.35 × 1)
    // and a tag for the second (0.7 × ½): the same score, from evidence for two criteria.
    let tag =
        |label: &str| json!({"label": label, "kind": "informal_skill", "by": "V1042", "at": "2026-10-02T09:14:00Z"});
    let candidates = [
        profile("K1", json!({"tags": [tag("kundeservice")]})),
        profile("K2", json!({"summary": "Har jobbet med kundeservice.", "tags": [tag("sveising")]})),
    ];
    let wishes = need(json!({"criteria": [
        {"kind": "skill", "value": "kundeservice", "weight": 1.0},
        {"kind": "skill", "value": "sveising", "weight": 0.5}]}));
    let result = shortlist(&index(&candidates), &wishes);
    assert_eq!(result.candidates[0].score, result.candidates[1].score, "a tie: {result:?}");
    assert_eq!(ids(&result), ["K2", "K1"], "broader evidence first, not the lower id");
    assert_eq!(result.top_tied, 2);
}

#[test]
fn a_phrase_is_met_by_some_of_its_words_but_a_must_have_only_by_all() {
    let candidates = [
        profile("K1", tagged("interest", "har to kaniner hjemme")),
        profile("K2", tagged("interest", "liker stell av kaniner")),
        profile("K3", tagged("interest", "liker å lese")),
    ];
    let wish = need(json!({"criteria": [{"kind": "interest", "value": "stell av kaniner", "rank": 1}]}));
    let result = shortlist(&index(&candidates), &wish);
    assert_eq!(ids(&result), ["K2", "K1", "K3"], "the whole phrase, then some of its words, then none");
    let some = &result.candidates[1].criteria[0];
    assert_eq!(some.how, MatchHow::SomeWords);
    assert_eq!(some.words, ["kaniner"], "the explanation names the word that carried the match");
    assert!(some.grade > 0.0 && some.grade < result.candidates[0].criteria[0].grade);

    let must = need(json!({"criteria": [{"kind": "interest", "value": "stell av kaniner", "importance": "must"}]}));
    let result = shortlist(&index(&candidates), &must);
    assert_eq!(ids(&result), ["K2"], "some of the words do not meet a must-have");
}

#[test]
fn work_with_something_asks_for_the_something() {
    // `arbeid med dyr`: `arbeid` frames the wish, it is not half of it. A veileder's tag about
    // dogs (nynorsk) meets it as a tag does, and so does a CV line about cats and dogs.
    let candidates = [
        profile("K1", tagged("interest", "har passa hundar for naboane i fleire år")),
        profile("K2", json!({"skills": ["stell av katter og hunder"]})),
        profile("K3", tagged("interest", "liker praktisk arbeid")),
    ];
    let wish = need(json!({"criteria": [{"kind": "interest", "value": "arbeid med dyr", "rank": 1}]}));
    let result = shortlist(&index(&candidates), &wish);
    let grade = |id: &str| {
        let entry = result.candidates.iter().find(|c| c.id == id).expect("listed");
        (entry.criteria[0].grade, entry.criteria[0].how)
    };
    assert_eq!(grade("K1").1, MatchHow::Tag, "{result:?}");
    assert!(grade("K2").0 >= grade("K1").0, "a CV line about animals counts at least as a tag does");
    assert_eq!(grade("K3").0, 0.0, "`arbeid` alone is no evidence");
}

#[test]
fn playing_football_is_no_interest_in_computer_games() {
    let candidates = [
        profile("K1", tagged("interest", "spiller fotball og gitar")),
        profile("K2", tagged("interest", "gaming og data")),
    ];
    let wish = need(json!({"criteria": [{"kind": "interest", "value": "data og teknologi", "rank": 1}]}));
    let result = shortlist(&index(&candidates), &wish);
    let grade = |id: &str| result.candidates.iter().find(|c| c.id == id).map(|c| c.criteria[0].grade);
    assert_eq!(grade("K1"), Some(0.0), "`spiller` is no `spill`: {result:?}");
    assert!(grade("K2").is_some_and(|g| g > 0.5));
}

#[test]
fn what_someone_did_meets_the_wish_it_speaks_to() {
    // Tags tell of doings, not of the employer's words: a flea market is reuse, fixing things
    // for the neighbours is maintenance, cooking for a scout troop is kitchen work, chopping
    // wood is forestry (nynorsk as bokmål). Learning to weld on a farm is no interest in animals.
    let candidates = [
        profile("K-reuse", tagged("informal_skill", "har drevet loppemarkedet for skolekorpset i fire år")),
        profile("K-fix", tagged("informal_skill", "har fiksa ting for naboane i årevis")),
        profile("K-cook", tagged("informal_skill", "har laga mat til heile speidargruppa på leirane")),
        profile("K-wood", tagged("informal_skill", "hogde ved og stelte dyrene på gården til onkelen hver sommer")),
        profile("K-weld", tagged("informal_skill", "Kan sveise, lært på gården")),
    ];
    let wishes = need(json!({"criteria": [
        {"kind": "interest", "value": "gjenbruk", "rank": 1},
        {"kind": "experience", "value": "vedlikehold", "rank": 2},
        {"kind": "experience", "value": "kjøkken", "rank": 3},
        {"kind": "experience", "value": "skogbruk eller gårdsarbeid", "rank": 4},
        {"kind": "interest", "value": "dyr", "rank": 5},
    ]}));
    let result = shortlist(&index(&candidates), &wishes);
    let met = |id: &str| met_by_tag(&result, id);
    assert_eq!(met("K-reuse"), [0], "{result:?}");
    assert_eq!(met("K-fix"), [1]);
    assert_eq!(met("K-cook"), [2]);
    assert!(met("K-wood").contains(&3));
    assert!(met("K-weld").is_empty(), "a farm is where the welding was learned");
}

#[test]
fn work_told_by_its_place_and_its_tools_meets_the_wish_it_speaks_to() {
    // A hotel's housekeeping is cleaning, a gutting line at a salmon slaughterhouse is work with
    // fish, a sewing room and an overlock machine are sewing. Fishing in one's spare time is no
    // experience from the fish industry.
    let candidates = [
        profile(
            "K-rooms",
            tagged("informal_skill", "Arbeidstrening hos housekeeping på hotellet, re opp senger og gjøre klar rom"),
        ),
        profile("K-fish", tagged("informal_skill", "Arbeidstrening på sløyelinja i eit lakseslakteri")),
        profile(
            "K-sew",
            tagged("informal_skill", "Frivillig i systua, lapper og legger opp klær; kan symaskin og overlock"),
        ),
        profile("K-angler", tagged("interest", "går mye på fjelltur og fisker")),
    ];
    let wishes = need(json!({"criteria": [
        {"kind": "experience", "value": "hotellrenhold", "rank": 1},
        {"kind": "experience", "value": "fisk", "rank": 2},
        {"kind": "skill", "value": "sying", "rank": 3},
        {"kind": "experience", "value": "fiskeindustri", "rank": 4},
    ]}));
    let result = shortlist(&index(&candidates), &wishes);
    let met = |id: &str| met_by_tag(&result, id);
    assert_eq!(met("K-rooms"), [0], "{result:?}");
    assert_eq!(met("K-fish"), [1, 3]);
    assert_eq!(met("K-sew"), [2]);
    assert!(!met("K-angler").contains(&3), "fishing as a pastime is no fish industry");
}

#[test]
fn an_action_noun_is_met_by_its_verb() {
    // `flytting` and `reparasjon` are wished for; veiledere write what people did: helped friends
    // move, repaired bikes. A tag that tells of neither meets neither.
    let candidates = [
        profile("K-move", tagged("informal_skill", "har hjulpet halve menigheten å flytte de siste fem årene")),
        profile("K-repair", tagged("informal_skill", "har reparert sykler og mopeder for naboene i tre år")),
        profile("K-sing", tagged("interest", "synger i kor og går på ski")),
    ];
    let wishes = need(json!({"criteria": [
        {"kind": "experience", "value": "lager eller flytting", "rank": 1},
        {"kind": "experience", "value": "mekaniker eller reparasjon", "rank": 2},
    ]}));
    let result = shortlist(&index(&candidates), &wishes);
    let met = |id: &str| met_by_tag(&result, id);
    assert_eq!(met("K-move"), [0], "{result:?}");
    assert_eq!(met("K-repair"), [1]);
    assert!(met("K-sing").is_empty());
}

/// The positions of the criteria a listed candidate meets by a veileder's tag.
fn met_by_tag(result: &Shortlist, id: &str) -> Vec<usize> {
    let entry = result.candidates.iter().find(|c| c.id == id).expect("listed");
    entry.criteria.iter().enumerate().filter(|(_, c)| c.how == MatchHow::Tag).map(|(at, _)| at).collect()
}

/// A profile with one veileder tag of `kind`.
fn tagged(kind: &str, label: &str) -> serde_json::Value {
    json!({"tags": [{"label": label, "kind": kind, "by": "V1042", "at": "2026-10-02T09:14:00Z"}]})
}
