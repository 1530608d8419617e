//! The parser on real-looking answers, including sentences it must refuse or flag.

use time::macros::date;

use super::*;
use crate::model::LanguageLevel;
use crate::taxonomy::Taxonomy;

const TODAY: Date = date!(2026 - 11 - 27);

/// The three answers, for the tests of the readers that rewrite them before drafting.
pub(super) fn answers(must_have: &str, wishes: &str, room_to_adapt: &str) -> ReflectionAnswers {
    ReflectionAnswers { must_have: must_have.into(), wishes: wishes.into(), room_to_adapt: room_to_adapt.into() }
}

fn draft_of(must_have: &str, wishes: &str, room_to_adapt: &str) -> Draft {
    draft("test", &answers(must_have, wishes, room_to_adapt), &Taxonomy::embedded().expect("taxonomy"), TODAY)
}

/// (kind, value, importance, rank) of each drafted criterion.
fn summary(draft: &Draft) -> Vec<(CriterionKind, String, Importance, Option<u32>)> {
    draft.need.criteria.iter().map(|c| (c.kind, c.value.clone(), c.importance, c.rank)).collect()
}

fn has(draft: &Draft, kind: CriterionKind, value: &str, importance: Importance) -> bool {
    draft.need.criteria.iter().any(|c| c.kind == kind && c.value == value && c.importance == importance)
}

#[test]
fn the_workshop_answers_from_the_domain_sketch() {
    let draft = draft_of(
        "Må ha førerkort klasse B og snakke norsk godt nok til å forstå HMS-instrukser.",
        "1. Interesse for bil 2. Erfaring fra lager eller butikk 3. Punktlig",
        "Kan starte i 60 % og trappe opp. Kan ta bort tunge løft.",
    );
    use CriterionKind::*;
    use Importance::*;
    assert_eq!(
        summary(&draft),
        [
            (Certificate, "førerkort B".into(), Must, None),
            (Language, "norsk".into(), Must, None),
            (Interest, "bil".into(), Adjustable, Some(1)),
            (Experience, "lager eller butikk".into(), Adjustable, Some(2)),
            (Quality, "punktlig".into(), Adjustable, Some(3)),
        ]
    );
    assert_eq!(draft.need.criteria[1].min_level, Some(LanguageLevel::A2), "«godt nok» is a basic level");
    assert_eq!(draft.need.adaptable.extent_min_percent, Some(60));
    assert_eq!(draft.need.adaptable.tasks, ["tunge løft"]);
    assert!(draft.refused.is_empty());
    // Understanding HMS-instrukser is what the language is for: no criterion of its own, and
    // nothing left unread.
    assert!(!draft.need.criteria.iter().any(|c| c.value.contains("hms")));
    assert!(draft.not_understood.is_empty(), "{:?}", draft.not_understood);
}

#[test]
fn must_markers_softeners_and_unnumbered_ranking() {
    let draft = draft_of(
        "Absolutt krav: truckførerbevis T4. Det er ufravikelig at du har HMS-kort. Helst sertifikat for varme arbeider.",
        "Vi ønsker først og fremst erfaring fra lager. Deretter er det fint med kundeservice, og du bør være punktlig.",
        "",
    );
    assert!(has(&draft, CriterionKind::Certificate, "truckførerbevis T4", Importance::Must));
    assert!(has(&draft, CriterionKind::Certificate, "hms kort", Importance::Must), "{:?}", summary(&draft));
    let hot_work = "sertifikat for varme arbeider";
    assert!(has(&draft, CriterionKind::Certificate, hot_work, Importance::Adjustable), "{:?}", summary(&draft));
    // A certificate for a task is no driving licence.
    assert!(!draft.need.criteria.iter().any(|c| c.value.starts_with("førerkort")), "{:?}", summary(&draft));
    let ranks: Vec<(String, Option<u32>)> =
        draft.need.criteria.iter().filter(|c| c.rank.is_some()).map(|c| (c.value.clone(), c.rank)).collect();
    assert_eq!(ranks, [("lager".into(), Some(1)), ("kundeservice".into(), Some(2)), ("punktlig".into(), Some(3))]);
    // `kjøkken/matlaging, deretter kasse`: an either-or, then the next wish.
    let draft = draft_of("", "Erfaring fra kjøkken/matlaging, deretter kasse.", "");
    let ranks: Vec<Option<u32>> = draft.need.criteria.iter().map(|c| c.rank).collect();
    assert_eq!(ranks, [Some(1), Some(2)], "{:?}", summary(&draft));
}

#[test]
fn amounts_distances_dates_and_shifts() {
    let draft = draft_of(
        "Stillingen er 100 %. Du må bo innen 30 km. Oppstart 1. februar. Må kunne jobbe kveld og helg.",
        "",
        "Oppstart kan vente til mars. Du slipper nattskift. Deltid fra 50 prosent går fint.",
    );
    assert_eq!(draft.need.extent_percent, Some(100));
    assert_eq!(draft.need.max_distance_km, Some(30.0));
    assert_eq!(draft.need.start_date, Some(date!(2027 - 02 - 01)), "no year: the next 1 February");
    assert_eq!(draft.need.adaptable.start_latest, Some(date!(2027 - 03 - 01)));
    assert_eq!(draft.need.adaptable.extent_min_percent, Some(50));
    assert_eq!(draft.need.adaptable.shifts, [Shift::Natt]);
    assert!(has(&draft, CriterionKind::Shift, "kveld", Importance::Must));
    assert!(has(&draft, CriterionKind::Shift, "helg", Importance::Must));
}

#[test]
fn languages_with_levels_and_room_to_relax_them() {
    let draft = draft_of(
        "Du må snakke svært god norsk, og engelsk på B1-nivå.",
        "",
        "Norsken trenger ikke være perfekt i starten, vi hjelper til.",
    );
    let level = |language: &str| draft.need.criteria.iter().find(|c| c.value == language).and_then(|c| c.min_level);
    assert_eq!(level("norsk"), Some(LanguageLevel::C1), "NAV's «veldig godt» is C1");
    assert_eq!(level("engelsk"), Some(LanguageLevel::B1));
    assert_eq!(draft.need.adaptable.languages, ["norsk"]);
    let english_is_enough = draft_of("Må snakke godt norsk.", "", "Engelsk holder om du er i gang med norsk.");
    assert_eq!(english_is_enough.need.adaptable.languages, ["norsk"]);
}

#[test]
fn training_and_unadaptable_demands() {
    let draft = draft_of(
        "Må ha erfaring med kassearbeid. Jobben har mye tunge løft.",
        "",
        "Vi gir opplæring i kassesystemet. Tunge løft kan vi dessverre ikke ta bort.",
    );
    assert_eq!(draft.need.adaptable.training, ["kassesystemet"]);
    assert!(draft.need.adaptable.tasks.is_empty(), "a negated adaptation is no adaptation");
    assert!(has(&draft, CriterionKind::Demand, "tunge løft", Importance::Must));
    // Training that names experience covers the required experience …
    let generic = draft_of("Må ha erfaring fra lager.", "", "Vi lærer deg opp, erfaring trenger du ikke.");
    assert_eq!(generic.need.adaptable.training, ["lager"]);
    // … and a sentence that only mentions training waives nothing.
    let hours = draft_of("Må ha minst 2 års erfaring fra lager.", "", "Du kan jobbe 80 % etter opplæringen.");
    assert!(hours.need.adaptable.training.is_empty(), "{:?}", hours.need.adaptable);
}

#[test]
fn typos_in_employer_text_find_the_concept() {
    let draft = draft_of("Må ha erfaring med kundeservis. Må ha jobbet som trukfører.", "", "");
    assert!(draft.need.criteria.iter().any(|c| c.value == "kundeservice"), "{:?}", summary(&draft));
    assert!(draft.need.criteria.iter().any(|c| c.value == "truckfører"), "{:?}", summary(&draft));
}

#[test]
fn discriminating_requirements_are_refused_not_drafted() {
    let draft = draft_of(
        "Må være under 30 år og frisk, helst en ung mann. Må ha førerkort B.",
        "Norsk statsborger er en fordel.",
        "",
    );
    let reasons: Vec<&str> = draft.refused.iter().map(|r| r.reason.as_str()).collect();
    assert!(reasons.iter().any(|r| r.starts_with("age")), "{reasons:?}");
    assert!(reasons.iter().any(|r| r.starts_with("health")), "{reasons:?}");
    assert!(reasons.iter().any(|r| r.starts_with("gender")), "{reasons:?}");
    assert!(reasons.iter().any(|r| r.starts_with("ethnicity")), "{reasons:?}");
    assert_eq!(summary(&draft), [(CriterionKind::Certificate, "førerkort B".into(), Importance::Must, None)]);
    // Years of experience are not an age.
    let experience = draft_of("Må ha over 2 års erfaring som kokk.", "", "");
    assert!(experience.refused.is_empty(), "{:?}", experience.refused);
    assert_eq!(experience.need.criteria[0].min_years, Some(2.0));
}

#[test]
fn what_cannot_be_placed_is_returned_not_dropped() {
    let draft = draft_of(
        "Må ha sans for humor og tåle en røff tone.",
        "Gjerne interessert i fluefiske.",
        "Vi har gode parkeringsforhold.",
    );
    let texts: Vec<&str> = draft.unrecognised.iter().map(|u| u.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.contains("sans")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("røff")), "{texts:?}");
    assert!(draft.unrecognised.iter().any(|u| u.answer == Answer::RoomToAdapt && u.text.contains("parkeringsforhold")));
    // `fluefiske` is a compound of a known theme word: found, not left over.
    assert!(draft.need.criteria.iter().all(|c| c.kind == CriterionKind::Interest), "{:?}", summary(&draft));
}

#[test]
fn enumerations_share_their_cue_and_wishes_become_either_or() {
    let draft = draft_of(
        "Må ha førerkort B og HMS-kort. Må forstå norsk eller engelsk.",
        "1. Erfaring fra skole, SFO eller barnehage 2. Serviceinnstilt og blid",
        "",
    );
    use CriterionKind::*;
    use Importance::*;
    assert_eq!(
        summary(&draft),
        [
            (Certificate, "førerkort B".into(), Must, None),
            (Certificate, "hms kort".into(), Must, None),
            (Language, "norsk eller engelsk".into(), Must, None),
            (Experience, "skole eller sfo eller barnehage".into(), Adjustable, Some(1)),
            (Quality, "serviceinnstilt eller blid".into(), Adjustable, Some(2)),
        ]
    );
}

#[test]
fn not_needed_is_not_a_requirement() {
    let draft = draft_of("Førerkort trenger du ikke. Må kunne norsk.", "", "");
    assert!(draft.need.criteria.iter().all(|c| c.kind == CriterionKind::Language), "{:?}", summary(&draft));
}

#[test]
fn licences_by_their_everyday_names_and_trades_as_written() {
    use CriterionKind::*;
    use Importance::*;
    let draft = draft_of(
        "Sertifikat for lastebil (C) må du ha. Du må ha buss-lappen (klasse D). Fagbrev som industrimekaniker er et krav.",
        "Gjerne mesterbrev i malerfaget, eller fagbrev i logistikk.",
        "",
    );
    assert!(has(&draft, Certificate, "førerkort C", Must), "{:?}", summary(&draft));
    assert!(has(&draft, Certificate, "førerkort D", Must), "{:?}", summary(&draft));
    assert!(!has(&draft, Certificate, "førerkort B", Must), "no class is guessed where one is named");
    assert!(has(&draft, Education, "fagbrev som industrimekaniker", Must), "{:?}", summary(&draft));
    assert!(
        has(&draft, Education, "mesterbrev i malerfaget eller fagbrev i logistikk", Adjustable),
        "either qualification, one wish: {:?}",
        summary(&draft)
    );
    let plain = draft_of("Du må ha lappen.", "", "");
    assert!(has(&plain, Certificate, "førerkort B", Must), "`lappen` alone is the default class");
}

#[test]
fn weekend_days_and_early_mornings_are_shifts() {
    let draft = draft_of("Du må kunne jobbe lørdager, og begynne klokka fem om morgenen.", "", "");
    assert!(has(&draft, CriterionKind::Shift, "helg", Importance::Must), "{:?}", summary(&draft));
    assert!(has(&draft, CriterionKind::Shift, "dag", Importance::Must), "{:?}", summary(&draft));
    let nynorsk = draft_of("Du må kunne jobbe nokre laurdagar.", "", "");
    assert!(has(&nynorsk, CriterionKind::Shift, "helg", Importance::Must), "{:?}", summary(&nynorsk));
}

#[test]
fn a_part_of_a_month_is_a_day_in_it() {
    let start = |room: &str| draft_of("Førerkort B.", "", room).need.adaptable.start_latest;
    assert_eq!(start("Vi kan vente på deg til midten av august."), Some(date!(2027 - 08 - 15)));
    assert_eq!(start("Oppstart kan vente til slutten av februar."), Some(date!(2027 - 02 - 28)));
    assert_eq!(start("Vi kan vente til begynnelsen av mars."), Some(date!(2027 - 03 - 01)));
    assert_eq!(start("Oppstart kan vente til medio januar."), Some(date!(2027 - 01 - 15)));
    // A season is when the job runs, not how long the start can wait.
    assert_eq!(start("Sesong fra april til september, 100 %."), None);
    assert_eq!(start("Sesong frå mai til oktober."), None);
}

#[test]
fn experience_from_a_similar_job_is_experience_in_the_job_the_title_names() {
    let mut need = JobNeed::from_json(r#"{"id":"n","title":"Lagermedarbeider"}"#).expect("need");
    need.answers.must_have = "Erfaring fra tilsvarende arbeid er en fordel.".into();
    need.answers.wishes = "Erfaring fra butikk.".into();
    let drafted = draft_need(&need, &Taxonomy::embedded().expect("taxonomy"), TODAY);
    assert!(
        has(&drafted, CriterionKind::Experience, "lagermedarbeider", Importance::Adjustable),
        "{:?}",
        summary(&drafted)
    );
    assert!(has(&drafted, CriterionKind::Experience, "butikk", Importance::Adjustable), "a named one stays");
    // Without a title there is nothing to point at: the words stay as written.
    need.title = String::new();
    let untitled = draft_need(&need, &Taxonomy::embedded().expect("taxonomy"), TODAY);
    assert!(has(&untitled, CriterionKind::Experience, "tilsvarende arbeid", Importance::Adjustable));
}

#[test]
fn holders_of_the_lesser_licence_who_will_take_the_wider_one_are_taken() {
    let draft = draft_of(
        "Det stilles krav om førerkort klasse C, da stillingen omfatter brøyting.",
        "",
        "Søkere med førerkort klasse B som er villige til å ta klasse C for arbeidsgivers regning, kan bli vurdert \
         dersom de oppfyller øvrige krav.",
    );
    use CriterionKind::Certificate;
    assert!(has(&draft, Certificate, "førerkort B", Importance::Must), "{:?}", summary(&draft));
    assert!(has(&draft, Certificate, "førerkort C", Importance::Adjustable), "{:?}", summary(&draft));
    assert!(!draft.need.criteria.iter().any(|c| c.kind == CriterionKind::Skill), "brøyting is the job's work");
}

#[test]
fn how_far_a_job_can_grow_is_no_least_extent() {
    let mut need = JobNeed::from_json(r#"{"id":"n","title":"Kyrkjetenar","extent_percent":50}"#).expect("need");
    need.answers.room_to_adapt = "Kan stillinga bli større? Ja, vi kan auke til 80 % for rett person.".into();
    let taxonomy = Taxonomy::embedded().expect("taxonomy");
    let drafted = draft_need(&need, &taxonomy, TODAY);
    assert_eq!(drafted.need.extent_percent, Some(50));
    assert_eq!(drafted.need.adaptable.extent_min_percent, None, "80 % is where it may grow to");
    need.answers.room_to_adapt = "Vi kan gå ned til 30 %.".into();
    assert_eq!(draft_need(&need, &taxonomy, TODAY).need.adaptable.extent_min_percent, Some(30));
}

#[test]
fn a_rank_said_in_words_ranks_the_wish() {
    let draft = draft_of("", "At du har jobbet på lager. Nummer to: truckførerbevis (T4). Stabile folk.", "");
    let ranks: Vec<_> = summary(&draft).into_iter().map(|(_, value, _, rank)| (value, rank)).collect();
    assert_eq!(
        ranks,
        [("lager".to_string(), Some(1)), ("truckførerbevis T4".to_string(), Some(2)), ("stabile".to_string(), Some(3))]
    );
}

#[test]
fn what_is_said_to_come_last_ranks_last_whatever_its_clause_says() {
    let draft = draft_of(
        "",
        "Helst erfaring fra lager. At du er punktlig, er nest viktigst – truckførerbevis kommer sist.",
        "",
    );
    let ranks: Vec<_> = summary(&draft).into_iter().map(|(_, value, _, rank)| (value, rank)).collect();
    assert_eq!(
        ranks,
        [("lager".to_string(), Some(1)), ("punktlig".to_string(), Some(2)), ("truckførerbevis".to_string(), Some(3))]
    );
}

#[test]
fn second_and_least_are_no_first() {
    let draft = draft_of(
        "",
        "Har du stått i bakeri før, er det best. Førerkort B er nest viktigst. Hygienekurs er det minst viktige.",
        "",
    );
    let ranks: Vec<_> = summary(&draft).into_iter().map(|(_, value, _, rank)| (value, rank)).collect();
    assert_eq!(
        ranks,
        [("bakeri".to_string(), Some(1)), ("førerkort B".to_string(), Some(2)), ("hygienekurs".to_string(), Some(3))]
    );
}

#[test]
fn a_shift_nobody_is_spared_is_asked() {
    let draft = draft_of("Stian er aktuell: han kan jobbe lørdag.", "", "Lørdagene kan vi ikke flytte.");
    let saturday = draft.need.criteria.iter().find(|c| c.value == "helg").expect("the weekend asked");
    assert_eq!(saturday.importance, Importance::Must);
    assert!(draft.need.adaptable.shifts.is_empty(), "nothing bent: {:?}", draft.need.adaptable.shifts);
}

#[test]
fn a_letter_to_the_new_hire_asks_what_it_asks() {
    let draft = draft_of(
        "Kjære deg som blir vår nye lagermedarbeider! Før du kan gå om bord, må du ha førerkort B. \
         Innimellom står du på stige. Arbeidsdagen er fra sju til tre. Kundene må forstå deg på norsk; B1 er nok.",
        "",
        "",
    );
    let found = summary(&draft);
    assert!(!found.iter().any(|(kind, ..)| *kind == CriterionKind::Occupation), "the greeting asks nothing: {found:?}");
    assert!(has(&draft, CriterionKind::Certificate, "førerkort B", Importance::Must));
    assert!(has(&draft, CriterionKind::Shift, "dag", Importance::Must), "hours in words: {found:?}");
    let demands: Vec<_> = found.iter().filter(|(kind, ..)| *kind == CriterionKind::Demand).map(|f| &f.1).collect();
    assert_eq!(demands, ["stige"], "walking on board and standing on a ladder are no standing work");
    let norwegian = draft.need.criteria.iter().find(|c| c.value == "norsk").expect("norsk asked");
    assert_eq!(norwegian.min_level, Some(LanguageLevel::B1));
    assert!(!draft.not_understood.iter().any(|u| u.contains("b1")), "the level is placed: {:?}", draft.not_understood);
    // Said to last, standing is still standing work.
    let standing = draft_of("Du står hele dagen.", "", "");
    assert!(summary(&standing).iter().any(|(kind, ..)| *kind == CriterionKind::Demand));
}

#[test]
fn where_a_wish_was_met_after_a_comma_ranks_with_it() {
    let draft = draft_of(
        "",
        "Helst ein som har jobba med born før, i barnehage eller SFO. Deretter ein som likar å gå på tur.",
        "",
    );
    let ranks: Vec<(String, Option<u32>)> = draft.need.criteria.iter().map(|c| (c.value.clone(), c.rank)).collect();
    let rank_of = |value: &str| ranks.iter().find(|(v, _)| v.contains(value)).and_then(|(_, rank)| *rank);
    assert_eq!(rank_of("born"), Some(1), "{ranks:?}");
    assert_eq!(rank_of("barnehage"), Some(1), "where it was met is the same wish: {ranks:?}");
    assert_eq!(rank_of("tur"), Some(2), "what comes next ranks next: {ranks:?}");
}
