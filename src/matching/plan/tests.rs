//! Compiling needs: weights, alternatives, waivers, implied criteria, and the errors that name
//! the criterion.

use super::*;
use crate::matching::evidence::Coverage;
use crate::matching::position::{CriterionAt, Position};
use crate::model::{CriterionKind, Importance, JobNeed, MatchHow};
use crate::taxonomy::Taxonomy;

fn at(index: usize) -> CriterionAt {
    CriterionAt::from_index(index)
}

fn plan(json: &str) -> Plan {
    let need = JobNeed::from_json(json).expect("valid need");
    Plan::compile(&need, &Taxonomy::embedded().expect("taxonomy")).expect("compiles")
}

#[test]
fn ranked_wishes_weigh_by_rank_and_musts_weigh_one() {
    let plan = plan(
        r#"{"id":"n","criteria":[
            {"kind":"skill","value":"kundeservice","importance":"must"},
            {"kind":"interest","value":"bil","rank":1},
            {"kind":"experience","value":"lager","rank":2},
            {"kind":"quality","value":"punktlig","rank":3},
            {"kind":"skill","value":"kasse"}]}"#,
    );
    let weights: Vec<f32> = plan.criteria.iter().map(|c| c.weight).collect();
    assert_eq!(weights, [1.0, 1.0, 2.0 / 3.0, 0.5, 0.5]);
}

#[test]
fn synonyms_narrower_terms_and_compound_parts_become_alternatives() {
    let plan = plan(r#"{"id":"n","criteria":[{"kind":"experience","value":"lager","importance":"must"}]}"#);
    let Test::Terms(test) = &plan.criteria[at(0)].test else { panic!("a term test") };
    let has =
        |field, term: &str, how| test.alternatives.contains(&Alternative::new(field, vec![term.to_string()], how));
    assert!(has(ProfileField::Experience, "lager", MatchHow::Exact));
    assert!(has(ProfileField::Experience, "lagermedarbeider", MatchHow::Synonym));
    assert!(has(ProfileField::Experience, "truckfører", MatchHow::Synonym));
    assert!(has(ProfileField::Experience, "~lager", MatchHow::CompoundPart));
    assert!(has(ProfileField::TagSkill, "lager", MatchHow::Exact));
}

#[test]
fn a_workplace_the_lexicon_cannot_split_is_met_by_the_titles_of_those_who_work_there() {
    // `vaskeri` is no lemma the embedded lexicon knows, so `vaskerimedarbeider` is never split
    // into it: the vocabulary's laundry worker carries the titles instead.
    let plan = plan(r#"{"id":"n","criteria":[{"kind":"experience","value":"vaskeri","rank":1}]}"#);
    let Test::Terms(test) = &plan.criteria[at(0)].test else { panic!("a term test") };
    let analyzer = Taxonomy::embedded().expect("taxonomy").analyzer().clone();
    for title in ["vaskerimedarbeider", "vaskeriarbeider"] {
        let stems = analyzer.stems(title);
        assert!(
            test.alternatives.contains(&Alternative::new(ProfileField::Experience, stems, MatchHow::Synonym)),
            "{title}"
        );
    }
}

#[test]
fn room_to_adapt_softens_exactly_what_the_employer_named() {
    let plan = plan(
        r#"{"id":"n","criteria":[
            {"kind":"language","value":"norsk","min_level":"B2","importance":"must"},
            {"kind":"language","value":"engelsk","min_level":"B1","importance":"must"},
            {"kind":"skill","value":"sveising","importance":"must"},
            {"kind":"shift","value":"natt","importance":"must"}],
           "adaptable":{"languages":["norsk"],"training":["sveising"],"tasks":["tunge løft"]}}"#,
    );
    let importance: Vec<Importance> = plan.criteria.iter().map(|c| c.importance).collect();
    assert_eq!(
        importance,
        [Importance::Adjustable, Importance::Must, Importance::Adjustable, Importance::Must, Importance::Must]
    );
    assert!(plan.criteria[at(0)].waiver.is_some() && plan.criteria[at(1)].waiver.is_none());
    // The adaptable task implies a demand that is checked, with the adaptation allowed.
    assert!(matches!(&plan.criteria[at(4)].test, Test::Demand(DemandTest { adaptable: true, key: Some(_), .. })));
}

#[test]
fn top_level_facts_become_implied_criteria() {
    let plan = plan(
        r#"{"id":"n","location":{"lat":58.1,"lon":8.0},"extent_percent":100,"max_distance_km":40,
            "start_date":"2027-01-04","adaptable":{"extent_min_percent":60}}"#,
    );
    let kinds: Vec<CriterionKind> = plan.criteria.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [CriterionKind::Extent, CriterionKind::Distance, CriterionKind::Distance, CriterionKind::StartDate]
    );
    assert!(plan.criteria.iter().all(|c| c.implied && c.importance == Importance::Must));
    // The employer's limit weighs nearness; the candidate's own commute holds beside it.
    assert!(matches!(plan.criteria[at(1)].test, Test::Column(ColumnTest::Distance { commute: false, .. })));
    assert!(Plan::is_candidate_limit(&plan.criteria[at(2)]) && plan.criteria[at(2)].weight == 0.0);
    assert!(matches!(
        plan.criteria[at(0)].test,
        Test::Column(ColumnTest::Extent { job_percent: 100, adaptable_min: Some(60) })
    ));
}

#[test]
fn either_or_values_match_any_option() {
    let plan = plan(r#"{"id":"n","criteria":[{"kind":"experience","value":"lager eller butikk","rank":1}]}"#);
    let Test::Terms(test) = &plan.criteria[at(0)].test else { panic!("a term test") };
    let exact: Vec<&Vec<String>> = test
        .alternatives
        .iter()
        .filter(|a| a.field == ProfileField::Experience && a.how == MatchHow::Exact)
        .map(|a| &a.terms)
        .collect();
    assert!(exact.contains(&&vec!["lager".to_string()]) && exact.contains(&&vec!["butikk".to_string()]), "{exact:?}");
}

#[test]
fn values_without_words_are_refused() {
    let taxonomy = Taxonomy::embedded().expect("taxonomy");
    for value in ["*:*", "(", "og i på"] {
        let need = JobNeed::from_json(&format!(r#"{{"id":"n","criteria":[{{"kind":"skill","value":"{value}"}}]}}"#))
            .expect("valid shape");
        let error = Plan::compile(&need, &taxonomy).expect_err("no words");
        assert!(error.to_string().contains("no words to match"), "{error}");
    }
    // Query syntax among words is harmless: the words are matched, the syntax ignored.
    let need = JobNeed::from_json(r#"{"id":"n","criteria":[{"kind":"skill","value":"sveising OR title:*"}]}"#)
        .expect("valid shape");
    assert!(Plan::compile(&need, &taxonomy).is_ok());
}

#[test]
fn unknown_languages_are_refused_naming_the_criterion() {
    let need =
        JobNeed::from_json(r#"{"id":"n","criteria":[{"kind":"language","value":"klingon"}]}"#).expect("valid shape");
    let error = Plan::compile(&need, &Taxonomy::embedded().expect("taxonomy")).expect_err("unknown");
    assert!(error.to_string().contains("criteria[0]") && error.to_string().contains("klingon"), "{error}");
}

/// `stell` is common, `katt` rare.
struct Rare;

impl Rarity for Rare {
    fn weight(&self, stem: &str) -> f32 {
        if stem == "katt" { 4.0 } else { 1.0 }
    }
}

#[test]
fn a_phrase_is_met_by_some_of_its_words_the_rarer_weighing_more() {
    let need = JobNeed::from_json(r#"{"id":"n","criteria":[{"kind":"interest","value":"stell av katter","rank":1}]}"#)
        .expect("need");
    let plan = Plan::compile_with(&need, &Taxonomy::embedded().expect("taxonomy"), &Rare, None).expect("plan");
    let Test::Terms(test) = &plan.criteria[at(0)].test else { panic!("a term test") };
    let coverage = |terms: &[&str]| {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        test.alternatives.iter().find(|a| a.field == ProfileField::TagInterest && a.terms == terms).map(|a| a.coverage)
    };
    assert_eq!(coverage(&["stell", "katt"]), Some(Coverage::WHOLE), "the whole phrase");
    assert_eq!(coverage(&["katt"]), Some(Coverage::part(0.8)));
    assert_eq!(coverage(&["~katt"]), Some(Coverage::part(0.8)), "and as a part of a compound: kattepass");
    assert_eq!(coverage(&["stell"]), None, "a common word alone carries too little to count");
    assert_eq!(coverage(&["hund"]), Some(Coverage::part(0.8)), "`katt` is an animal: the theme's other labels");
    assert!(test.alternatives.iter().filter(|a| !a.coverage.is_whole()).all(|a| !a.support().passes()));
}

#[test]
fn og_joins_a_theme_area_and_a_phrase_alike_each_as_meant() {
    // An interest `klær og mote` is met by either; an experience `plukk og pakk` wholly by both,
    // in part by one.
    let plan = plan(
        r#"{"id":"n","criteria":[{"kind":"interest","value":"klær og mote","rank":1},
                                   {"kind":"experience","value":"plukk og pakk","rank":2}]}"#,
    );
    let whole = |criterion: usize, term: &str| {
        let Test::Terms(test) = &plan.criteria[at(criterion)].test else { panic!("a term test") };
        test.alternatives.iter().any(|a| a.coverage.is_whole() && a.terms == [term.to_string()])
    };
    assert!(whole(0, "klær") && whole(0, "mote"), "either word meets the theme");
    assert!(!whole(1, "plukk") && !whole(1, "pakk"), "one word covers only part of the experience");
}

/// Finds one phrase for every text, at a given z-score.
struct Finds(f32);

impl crate::semantic::Resemblance for Finds {
    fn resembling(&self, _text: &str) -> Vec<crate::semantic::Resembling> {
        vec![crate::semantic::Resembling { phrase: "går mye på fjelltur".into(), z: self.0 }]
    }

    fn version(&self) -> u64 {
        1
    }
}

#[test]
fn semantic_evidence_is_offered_for_wishes_in_words_and_never_for_a_must_have() {
    let need = JobNeed::from_json(
        r#"{"id":"n","location":{"lat":60.39,"lon":5.32},"criteria":[
            {"kind":"interest","value":"friluftsliv","importance":"must"},
            {"kind":"interest","value":"friluftsliv","rank":1},
            {"kind":"certificate","value":"førerkort B","rank":2},
            {"kind":"skill","value":"sveising","importance":"must"}],
           "adaptable":{"training":["sveising"]}}"#,
    )
    .expect("need");
    let taxonomy = Taxonomy::embedded().expect("taxonomy");
    let semantic = |plan: &Plan, criterion: usize| -> Vec<Alternative> {
        let Test::Terms(test) = &plan.criteria[at(criterion)].test else { panic!("a term test") };
        test.alternatives.iter().filter(|a| a.field == ProfileField::Phrase).cloned().collect()
    };
    let close = Plan::compile_with(&need, &taxonomy, &EqualRarity, Some(&Finds(4.0))).expect("plan");
    assert!(semantic(&close, 0).is_empty(), "a must-have is met by the requirement itself");
    assert!(semantic(&close, 3).is_empty(), "also one the employer can adapt (it is still a must-have)");
    assert!(semantic(&close, 2).is_empty(), "a certificate is a fact, not a resemblance");
    let wish = semantic(&close, 1);
    assert_eq!(wish.len(), 1);
    assert_eq!(wish[0].how, MatchHow::Semantic);
    assert_eq!(wish[0].terms, ["går mye på fjelltur"]);
    assert_eq!(wish[0].coverage, Coverage::WHOLE, "a phrase far out counts as a whole semantic match");
    assert!(!wish[0].support().passes(), "and even then could not meet a must-have");
    assert!(wish[0].support().grade() < Support::whole(Strength::Tag).grade(), "below a veileder's tag");

    let near = Plan::compile_with(&need, &taxonomy, &EqualRarity, Some(&Finds(3.0))).expect("plan");
    let wish = semantic(&near, 1);
    assert!(!wish[0].coverage.is_whole() && wish[0].support().grade() < 0.6, "a nearer miss counts less");
}

/// Every self-description resembles every quality a little (`stabil og punktlig` and `rolig og
/// respektfull`): a quality takes a phrase only when it stands well out.
#[test]
fn a_quality_asks_more_of_a_resemblance_than_an_interest() {
    let need = JobNeed::from_json(
        r#"{"id":"n","criteria":[{"kind":"quality","value":"rolig og respektfull","rank":1},
            {"kind":"interest","value":"friluftsliv","rank":2}]}"#,
    )
    .expect("need");
    let taxonomy = Taxonomy::embedded().expect("taxonomy");
    let phrases = |z: f32, criterion: usize| {
        let plan = Plan::compile_with(&need, &taxonomy, &EqualRarity, Some(&Finds(z))).expect("plan");
        let Test::Terms(test) = &plan.criteria[at(criterion)].test else { panic!("a term test") };
        test.alternatives.iter().filter(|a| a.field == ProfileField::Phrase).count()
    };
    assert_eq!((phrases(3.0, 0), phrases(3.0, 1)), (0, 1), "a middling resemblance speaks to the interest only");
    assert_eq!(phrases(3.6, 0), 1, "one that stands well out speaks to the quality too");
}

#[test]
fn an_interest_tag_speaks_to_a_wish_for_experience_but_only_in_part() {
    let plan = plan(r#"{"id":"n","criteria":[{"kind":"experience","value":"arbeid med ungdom","rank":1}]}"#);
    let Test::Terms(test) = &plan.criteria[at(0)].test else { panic!("a term test") };
    let from_interest: Vec<&Alternative> =
        test.alternatives.iter().filter(|a| a.field == ProfileField::TagInterest).collect();
    assert!(from_interest.iter().any(|a| a.terms == ["ungdom"]), "{from_interest:?}");
    assert!(from_interest.iter().all(|a| !a.coverage.is_whole() && !a.support().passes()));
}

#[test]
fn a_must_have_demand_the_vocabulary_does_not_know_is_said_not_passed_silently() {
    let plan = plan(
        r#"{"id":"n","criteria":[
            {"kind":"demand","value":"høyt lydnivå","importance":"must"},
            {"kind":"demand","value":"arbeid med vibrerende verktøy","importance":"must"},
            {"kind":"demand","value":"lange dager på sjøen","rank":1}]}"#,
    );
    assert!(matches!(&plan.criteria[at(0)].test, Test::Demand(DemandTest { key: Some(_), .. })), "noise is known");
    let unchecked = plan.unchecked();
    assert_eq!(unchecked.len(), 1, "only the unknown must-have is named: {unchecked:?}");
    assert!(unchecked[0].contains("«arbeid med vibrerende verktøy»"), "{unchecked:?}");
}

#[test]
fn a_must_have_demand_naming_two_demands_checks_both() {
    let plan =
        plan(r#"{"id":"n","criteria":[{"kind":"demand","value":"kaldt og vått arbeidsmiljø","importance":"must"}]}"#);
    let keys: Vec<&str> = plan
        .criteria
        .iter()
        .filter_map(|c| match &c.test {
            Test::Demand(DemandTest { key: Some(key), .. }) => Some(key.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(keys.len(), 2, "cold and wet are each checked: {keys:?}");
    assert_ne!(keys[0], keys[1]);
}

/// Holds the semantic phrase in `.0` of `.1` profiles.
struct Held(u64, u64);

impl Rarity for Held {
    fn weight(&self, _stem: &str) -> f32 {
        1.0
    }

    fn phrase_holders(&self, _key: &str) -> Option<(u64, u64)> {
        Some((self.0, self.1))
    }
}

/// A sentence many profiles share word for word (`Stabil og punktlig`) is template text: its
/// resemblance to a wish counts for half, however far out it stands.
#[test]
fn a_phrase_many_profiles_share_word_for_word_counts_for_half() {
    let need = JobNeed::from_json(r#"{"id":"n","criteria":[{"kind":"interest","value":"friluftsliv","rank":1}]}"#)
        .expect("need");
    let taxonomy = Taxonomy::embedded().expect("taxonomy");
    let coverage = |holders: &Held| {
        let plan = Plan::compile_with(&need, &taxonomy, holders, Some(&Finds(4.0))).expect("plan");
        let Test::Terms(test) = &plan.criteria[at(0)].test else { panic!("a term test") };
        test.alternatives.iter().find(|a| a.field == ProfileField::Phrase).map(|a| a.coverage)
    };
    assert_eq!(coverage(&Held(1, 1000)), Some(Coverage::WHOLE), "one profile's own words");
    assert_eq!(coverage(&Held(4, 10)), Some(Coverage::WHOLE), "too few holders to call it a template");
    assert_eq!(coverage(&Held(10, 1000)), Some(Coverage::WHOLE), "1 % of the profiles");
    assert_eq!(coverage(&Held(40, 1000)), Some(Coverage::part(0.5)), "4 %: boilerplate");
}
