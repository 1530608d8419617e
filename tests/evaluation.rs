//! The evaluation suite as a regression floor (CI fails below these), and the properties the
//! issue asks the suite to show. Floors are set a little under the measured figures (README).

use jobbmatch::evaluation::{Suite, System};
use jobbmatch::matching::Matcher;
use jobbmatch::taxonomy::external::shared_data_dir;
use jobbmatch::workspace::Knowledge;

/// NDCG@10 of jobbmatch on structured criteria may not fall below this (measured 0.929).
const NDCG_FLOOR: f64 = 0.90;
/// Hidden-talent recall among those an ideal top 10 would show (measured 0.809 embedded).
const HIDDEN_FLOOR: f64 = 0.75;
/// Of those who fail one must-have narrowly (by the oracle), the share the near-miss list shows
/// (measured 0.984; 1.000 on both halves of the phrase suite).
const NEAR_MISS_FLOOR: f64 = 0.9;

fn suite() -> Suite {
    Suite::load(&crate::common::fixtures_dir().join("eval")).expect("the evaluation suite loads")
}

fn check(label: &str, evaluation: &jobbmatch::evaluation::Evaluation) {
    let structured = evaluation.summary(System::Structured);
    let free_text = evaluation.summary(System::FreeText);
    let baseline = evaluation.summary(System::FilterOnly);
    eprintln!("{label}: {structured:?}\n{label}: {free_text:?}\n{label}: {baseline:?}");
    assert_eq!(structured.must_precision, 1.0, "{label}: everyone shortlisted meets every must-have");
    assert_eq!(free_text.must_precision, 1.0, "{label}: also when the need is drafted from text");
    assert!(structured.ndcg >= NDCG_FLOOR, "{label}: NDCG@10 {} fell below {NDCG_FLOOR}", structured.ndcg);
    assert!((structured.ndcg - free_text.ndcg).abs() <= 0.1, "{label}: free text within 0.1 NDCG of structured");
    assert!(structured.hidden_recall_attainable >= HIDDEN_FLOOR, "{label}: hidden talents are found");
    assert_eq!(baseline.hidden_recall, 0.0, "{label}: the filter-only baseline never sees tags");
    assert!(structured.ndcg > baseline.ndcg + 0.5, "{label}: the lift over filter-only search");
    let near = structured.near_miss_recall.expect("the suite has narrow failures");
    assert!(near >= NEAR_MISS_FLOOR, "{label}: near-miss recall {near} fell below {NEAR_MISS_FLOOR}");
    assert_eq!(
        free_text.unwarned_must_precision, 1.0,
        "{label}: a drafted list that does not warn meets every must-have"
    );
}

#[test]
fn the_evaluation_stays_above_its_floors() {
    let suite = suite();
    assert!(suite.needs.len() >= 15 && suite.candidates.len() >= 200, "a real suite");
    assert!(suite.judgements.iter().all(|j| !j.reason.trim().is_empty()), "every judgement has a reason");
    let evaluation = suite.evaluate(Knowledge::default().taxonomy().expect("taxonomy")).expect("evaluates");
    assert!(
        evaluation.unjudged.is_empty(),
        "every candidate any system puts in a top 10 is judged: {:?}",
        evaluation.unjudged
    );
    check("embedded", &evaluation);
}

#[test]
fn the_evaluation_with_real_data_stays_above_its_floors() {
    let Some(dir) = shared_data_dir() else {
        eprintln!("skipped: ../shared/data is not here");
        return;
    };
    let knowledge = Knowledge { data_dir: Some(dir), ..Knowledge::default() };
    let evaluation = suite().evaluate(knowledge.taxonomy().expect("taxonomy")).expect("evaluates");
    check("with STYRK-08 and Norsk Ordbank", &evaluation);
}

#[test]
fn a_need_whose_must_haves_match_nobody_says_what_relaxing_would_add() {
    let suite = suite();
    let need = suite.needs.iter().find(|n| n.id == "eval-sveiser").expect("the nobody need");
    let index = jobbmatch::index::CandidateIndex::in_memory(crate::common::taxonomy()).expect("index");
    index.replace_all(&suite.pool(), &|_| {}).expect("indexing");
    let shortlist = Matcher::new(&index).shortlist(need).expect("shortlist");
    assert_eq!(shortlist.qualified, 0);
    let licence = shortlist.relaxations.iter().find(|r| r.criterion.contains("DE")).expect("the licence must-have");
    assert!(
        licence.extra_candidates >= 1,
        "dropping DE would let the welder with CE through: {:?}",
        shortlist.relaxations
    );
    assert!(shortlist.near_misses.iter().any(|m| m.id == "E1601"));
}

/// The phrase-first suite (fixtures/eval/phrases): needs and profiles written in employers' and
/// veiledere's words before the vocabulary was looked at: the tuned half, the earlier held-out
/// halves (each opened once a newer one was written) and the held-out half. Floors a
/// little under the figures measured with the semantic layer (README); the held-out half's say
/// what users may expect rather than what we tuned.
#[cfg(jobbmatch_e5)]
#[test]
fn the_phrase_suite_stays_above_its_floors() {
    use jobbmatch::semantic::{Semantic, scratch_cache};
    // (half, structured NDCG, drafted NDCG, structured hidden-talent recall, structured must-have
    // precision, must-have precision of the drafted lists that carry no warning, structured
    // near-miss recall)
    for (half, ndcg, drafted, hidden, must, unwarned, near_floor) in [
        ("tuned", 0.85, 0.82, 0.55, 1.0, 1.0, 0.9),
        ("opened", 0.87, 0.87, 0.70, 1.0, 1.0, 0.9),
        ("opened2", 0.90, 0.90, 0.70, 1.0, 1.0, 0.9),
        ("opened3", 0.90, 0.90, 0.80, 1.0, 1.0, 0.9),
        ("opened4", 0.87, 0.87, 0.75, 1.0, 1.0, 0.9),
        ("opened5", 0.90, 0.82, 0.85, 1.0, 1.0, 0.9),
        ("opened6", 0.90, 0.85, 0.80, 1.0, 1.0, 0.9),
        // The seventh half, opened once the eighth existed; it still misses the bars (README).
        ("opened7", 0.94, 0.85, 0.80, 0.98, 0.94, 0.9),
        // The eighth half, opened once the ninth existed. Its drafted NDCG here was 0.734 when
        // frozen, 0.706 when opened and 0.918 after the round that opened it (README).
        ("opened8", 0.90, 0.88, 0.90, 1.0, 1.0, 0.9),
        // The ninth half, opened once the tenth existed: drafted NDCG 0.849 when frozen, 0.921
        // after the round that opened it; hidden talents 0.696 → 0.870 (README). Its refuse
        // collection list drafts førerkort C as a wish, as the employer's room answer takes B
        // holders as loaders while they take C; the judge asks C. A warning on a dialect word in
        // a sentence that only tells (`løfting av dunka`) kept that list out of the unwarned
        // figure until the twenty-first round stopped it.
        ("opened9", 0.91, 0.87, 0.80, 0.98, 0.93, 0.9),
        // The tenth half (employers' e-mails), opened once the eleventh existed: drafted NDCG
        // 0.654 when frozen, 0.658 when opened, 0.893 after the round that opened it and 0.937
        // after the next (README).
        ("opened10", 0.90, 0.90, 0.80, 1.0, 1.0, 0.85),
        // The eleventh half (forms typed on a phone, advisors' notes), opened once the twelfth
        // existed: drafted NDCG 0.660 when frozen, 0.663 when opened and 0.865 after the round
        // that opened it; hidden talents 0.762 → 0.857 (README).
        ("opened11", 0.90, 0.83, 0.80, 1.0, 1.0, 0.9),
        // The twelfth half (employers writing in a second language, Danish, Swedish or English;
        // a working day told as a story), opened once the thirteenth existed: drafted NDCG 0.370
        // when frozen, every drafted list warning; 0.904 after the round that opened it (README).
        ("opened12", 0.94, 0.88, 0.80, 0.98, 1.0, 0.73),
        // The thirteenth half (formal announcements: «Det stilles krav om …»), opened once the
        // fourteenth existed: drafted NDCG 0.550 when frozen, nine drafted lists of ten warning,
        // structured must-have precision 0.947; 0.940 and 1.000 after the round that opened it
        // (README).
        ("opened13", 0.92, 0.90, 0.85, 1.0, 1.0, 0.98),
        // The fourteenth half (conditions and exclusions: «Er du redd for høyder, er dette ikke
        // jobben for deg»), opened once the fifteenth existed: drafted NDCG 0.825 when frozen,
        // every drafted list warning, structured must-have precision 0.963; 0.845, five lists
        // warning and 1.000 after the round that opened it (README).
        ("opened14", 0.95, 0.78, 0.85, 0.97, 1.0, 0.98),
        // The fifteenth half (corporate Norwegian with English mixed in: «Must have: …», «Nice
        // to have … big plus»), opened once the sixteenth existed: structured NDCG 0.796 when
        // frozen; drafted 0.623, nine drafted lists of ten warning; 0.955, 0.921 and four after
        // the round that opened it (README).
        ("opened15", 0.94, 0.90, 0.85, 1.0, 1.0, 0.98),
        // The sixteenth half (the advisor's conversation with the employer as a transcript:
        // «– Hva må folk ha? – Norsk, …»), opened once the seventeenth existed: structured NDCG
        // 0.900 and drafted 0.605 when frozen, every drafted list warning; 0.907 and 0.773 after
        // the round that opened it, every drafted list still warning; drafted 0.862 after the
        // next (README).
        ("opened16", 0.90, 0.84, 0.85, 1.0, 1.0, 0.94),
        // The seventeenth half (a job post for social media: emoji bullets, hashtags), opened
        // once the eighteenth existed: structured NDCG 0.895 and must-have precision 0.971,
        // drafted 0.827, every drafted list warning, when frozen; 0.930, 0.986 and 0.879 when
        // opened; no drafted list warns after the round that opened it, and one holds a
        // candidate at A2 where the judge read B1 from a language named with no level (README).
        ("opened17", 0.92, 0.86, 0.85, 0.98, 0.98, 0.90),
        // The eighteenth half (chat messages typed in dialect: «Du må tål sjøen», «Dom må jobbe
        // natt»), opened once the nineteenth existed: structured must-have precision 0.967 and
        // drafted NDCG 0.630, every drafted list warning, when frozen; 1.000 and 0.864 after the
        // round that opened it (README).
        ("opened18", 0.94, 0.82, 0.75, 1.0, 1.0, 0.80),
        // The nineteenth half (a recruiter's shorthand: «Krav: fk kl. B», «No. min. A2»), opened
        // once the twentieth existed: drafted NDCG 0.714 and drafted must-have precision 0.680,
        // every drafted list warning, when frozen; 0.958 and 1.000 after the round that opened
        // it (README).
        ("opened19", 0.92, 0.92, 0.85, 1.0, 1.0, 0.85),
        // The twentieth half (the answers told as stories: «Han vi hadde før, ble svimmel i
        // toppen første uka, og da var det slutt»), opened once the twenty-first existed: drafted
        // must-have precision 0.970, every drafted list warning, when frozen; 1.000 and none
        // after the round that opened it (README).
        ("opened20", 0.95, 0.94, 0.95, 1.0, 1.0, 0.95),
        // The twenty-first half (who the job does not suit, and what is not asked: «Passer ikke
        // for deg som …», «Du trenger ikke …»), opened once the twenty-second existed: drafted
        // hidden recall 0.750 and drafted must-have precision 0.974, every drafted list warning,
        // when frozen; drafted NDCG 0.921, must-have precision 1.000 and no list warning after
        // the round that opened it (README).
        ("opened21", 0.91, 0.90, 0.80, 1.0, 1.0, 0.98),
        // The twenty-second half (the employer's own FAQ: «Må jeg ha førerkort? Ja, klasse B»),
        // opened once the twenty-third existed: drafted NDCG 0.637 and drafted hidden recall
        // 0.41, every drafted list warning, when frozen; drafted NDCG 0.90 and no list warning
        // after the round that opened it (README).
        ("opened22", 0.91, 0.89, 0.80, 1.0, 1.0, 0.95),
        // The twenty-third half (the person who had the job before: «Randi kjørte truck hver
        // dag – truckførerbevis T4 hadde hun»), opened once the twenty-fourth existed: drafted
        // NDCG 0.734 and drafted hidden recall 0.706, every drafted list warning, when frozen
        // (README); drafted NDCG 0.961 and one list warning after the round that opened it.
        ("opened23", 0.93, 0.93, 0.80, 1.0, 1.0, 0.98),
        // The twenty-fourth half (the employer's corrections to the advisor's summary: «Du skrev
        // «fagbrev i bilfaget» – det har jeg ikke sagt, stryk det»), opened once the
        // twenty-fifth existed: drafted NDCG 0.266 and drafted hidden recall 0.118, every drafted
        // list warning, when frozen (README); drafted NDCG 0.920 and two lists warning after the
        // round that opened it.
        ("opened24", 0.92, 0.90, 0.65, 1.0, 1.0, 0.80),
        // The twenty-fifth half (importance as the employer's own marks: «10 betyr at det er et
        // absolutt krav», «★★★★★ = må», «høg = krav»), opened once the twenty-sixth existed:
        // drafted NDCG 0.608, drafted hidden recall 0.300 and drafted must-have precision 0.986,
        // 7 of 8 drafted lists warning, when frozen (README); drafted NDCG 0.931 and no list
        // warning after the round that opened it.
        ("opened25", 0.92, 0.92, 0.75, 1.0, 1.0, 0.95),
        // The twenty-sixth half (the firm's own talk forwarded: «Kari ville først ha …, men det
        // kan vi ikke kreve», «Det vi landet på: …»), opened once the twenty-seventh existed:
        // structured must-have precision 0.984 and drafted NDCG 0.000, every drafted list
        // warning, when frozen (README); drafted NDCG 0.96 and three lists warning after the
        // round that opened it.
        ("opened26", 0.95, 0.93, 0.70, 1.0, 1.0, 0.95),
        // The twenty-seventh half (a checklist ticked: «[x] Førerkort B», «[ ] Truckførerbevis»),
        // opened once the twenty-eighth existed: drafted NDCG 0.645 and drafted must-have
        // precision 0.770 (0.647 on the lists that do not warn) when frozen (README); drafted
        // NDCG 0.97, must-have precision 1.000 and one list warning after the round that
        // opened it.
        ("opened27", 0.93, 0.95, 0.75, 1.0, 1.0, 0.95),
        // The twenty-eighth half (a table pasted from a spreadsheet: «Førerkort B | Ja»,
        // «MÅ/BØR/KAN»), opened once the twenty-ninth existed: structured NDCG 0.825 and drafted
        // 0.165, seven drafted lists of eight warning, when frozen (README); 0.96, 0.98 and one
        // list warning after the round that opened it.
        ("opened28", 0.93, 0.94, 0.85, 1.0, 1.0, 0.95),
        // The twenty-ninth half (the employer's feedback on the candidates sent: «Jonas kan vi
        // dessverre ikke ta – han har ikke førerkort»), opened once the thirtieth existed:
        // drafted NDCG 0.52 and drafted must-have precision 0.88 (0.60 on the lists that do not
        // warn) when frozen (README); drafted NDCG 0.95, must-have precision 1.000 and two lists
        // warning after the round that opened it.
        ("opened29", 0.93, 0.92, 0.95, 1.0, 1.0, 0.95),
        // The thirtieth half (a letter to the person the employer hopes to hire: «Kjære deg som
        // blir vår nye montørhjelper! … førerkort B må du ha med deg fra første dag»), opened
        // once the thirty-first existed: drafted NDCG 0.75, eight drafted lists of eight
        // warning, and structured must-have precision 0.93 when frozen (README); drafted NDCG
        // 0.93 and must-have precision 1.000 after the round that opened it.
        ("opened30", 0.93, 0.91, 0.85, 1.0, 1.0, 0.80),
        // The thirty-first half (the employer weighs things against each other: «Heller en uten
        // erfaring som tåler høyder, enn en erfaren som blir svimmel på stigen»), opened once
        // the thirty-second existed: drafted NDCG 0.60, seven drafted lists of eight warning,
        // and structured must-have precision 0.987 when frozen (README); drafted NDCG 0.96,
        // must-have precision 1.000 and three lists warning after the round that opened it.
        ("opened31", 0.95, 0.93, 0.95, 1.0, 1.0, 0.90),
        // The thirty-second half (what the employer learned from earlier hires: «Vi har ansatt
        // to uten førerkort … Det gjør vi ikke igjen»), opened once the thirty-third existed:
        // structured hidden recall 0.50 and six drafted lists of eight warning when frozen
        // (README); structured hidden recall 1.000 and three lists warning after the round that
        // opened it. The test's configuration holds one candidate the oracle fails, structured.
        ("opened32", 0.92, 0.95, 0.95, 0.98, 1.0, 0.85),
        // The thirty-third half (a handover note to whoever takes over the job: «Til deg som tar
        // over etter meg: Rederiet krever …», «Sjefen skriver fulltid, men …»), opened once the
        // thirty-fourth existed: seven drafted lists of eight warning and hidden recall 0.625
        // both ways when frozen (README); hidden recall 1.000 / 0.875 and no list warning after
        // the round that opened it.
        ("opened33", 0.95, 0.92, 0.95, 1.0, 1.0, 0.70),
        // The thirty-fourth half (an ordinary day at work, hour by hour: «Kl. 07.00 starter vi
        // …», «Det som gjør dagen lettest, er …»), opened once the thirty-fifth existed: drafted
        // NDCG 0.77, hidden recall 0.75 and seven drafted lists of eight warning when frozen
        // (README); 0.97 / 0.97, hidden recall 1.000 and no list warning after the round that
        // opened it.
        ("opened34", 0.95, 0.95, 0.95, 1.0, 1.0, 0.90),
        // The thirty-fifth half (the employer talks in idioms: «Lappen må du ha», «her er det
        // ingen sukkerbiter», «Her må du være nattugle»), opened once the thirty-sixth existed:
        // structured must-have precision 0.984, drafted NDCG 0.85 and six drafted lists of eight
        // warning when frozen (README); 1.000, 0.95 and one list warning after the round that
        // opened it. Its kindergarten's «Politiattest må du ha» is drafted as a note, not a
        // must-have (README, footnote ³), so a drafted list without a warning holds candidates
        // its oracle fails: that floor is what the note costs, not a tolerance.
        ("opened35", 0.93, 0.93, 0.75, 1.0, 0.90, 0.95),
        // The thirty-sixth half (job-ad questions put to the reader: «Tåler du å stå ute i regn
        // og sludd? Det må du.», «Har du lappen?», «Er fulltid for mye? 60 % går.»), opened once
        // the thirty-seventh existed: drafted NDCG 0.47 with every drafted list warning, and
        // structured must-have precision 0.986, when frozen (README); 0.96 / 0.96, must-have
        // precision 1.000 and no list warning after the round that opened it.
        ("opened36", 0.95, 0.93, 0.95, 1.0, 1.0, 0.95),
        // The thirty-seventh half (the employer thinking aloud and taking things back: «Førerkort
        // B må du ha … Eller, vent: … det er ikke et krav likevel», «T1 holder … nei, vent, …
        // T4»), opened once the thirty-eighth existed: structured NDCG 0.93 with hidden recall
        // 0.75 and must-have precision 0.984, drafted 0.56 with six drafted lists of eight
        // warning, when frozen in this configuration (README); 0.94 / 0.93, hidden recall 0.875,
        // must-have precision 1.000 and one list warning after the round that opened it.
        ("opened37", 0.92, 0.90, 0.85, 1.0, 1.0, 0.95),
        // The thirty-eighth half (an advisor's report from a workplace visit, in indirect speech
        // with the hire in the third person: «Daglig leder forteller at den som begynner, må tåle
        // …», «Det viktigste for ham er at personen …»), opened once the thirty-ninth existed:
        // structured NDCG 0.94 with must-have precision 0.986, drafted 0.47 with every drafted
        // list warning, when frozen in this configuration (README); 0.95 / 0.95, must-have
        // precision 1.000 and no list warning after the round that opened it.
        ("opened38", 0.93, 0.93, 0.95, 1.0, 1.0, 0.95),
        // The held-out half (what the employer cannot teach and what they will: «Det vi ikke kan
        // lære deg, er å tåle tunge løft», «Resten lærer vi deg»): structured NDCG 0.93 with
        // hidden recall 0.75 and must-have precision 0.987, drafted 0.90 with seven drafted lists
        // of eight warning, when frozen in this configuration (README). These floors only keep it
        // from getting worse.
        ("heldout", 0.90, 0.87, 0.70, 0.98, 1.0, 0.90),
    ] {
        let suite = Suite::load(&crate::common::fixtures_dir().join("eval/phrases").join(half)).expect("suite");
        assert!(suite.needs.len() >= 8 && suite.candidates.len() >= 60, "a real suite");
        let semantic =
            Semantic::built_in(scratch_cache(&format!("test-phrases-{half}.cache")).as_deref()).expect("model");
        let taxonomy = Knowledge::default().taxonomy().expect("taxonomy");
        let evaluation = suite.evaluate_with(taxonomy, Some(semantic)).expect("evaluates");
        let structured = evaluation.summary(System::Structured);
        let free_text = evaluation.summary(System::FreeText);
        eprintln!("{half}: {structured:?}\n{half}: {free_text:?}");
        assert!(structured.ndcg >= ndcg, "{half}: NDCG@10 {} fell below {ndcg}", structured.ndcg);
        assert!(free_text.ndcg >= drafted, "{half}: drafted NDCG@10 {} fell below {drafted}", free_text.ndcg);
        assert!(
            structured.hidden_recall >= hidden,
            "{half}: hidden recall {} fell below {hidden}",
            structured.hidden_recall
        );
        let near = structured.near_miss_recall.expect("narrow failures");
        assert!(near >= near_floor, "{half}: near-miss recall {near} fell below {near_floor}");
        assert!(
            structured.must_precision >= must,
            "{half}: must-have precision {} fell below {must}",
            structured.must_precision
        );
        assert!(
            free_text.unwarned_must_precision >= unwarned,
            "{half}: a drafted list without a warning fell below must-have precision {unwarned}"
        );
    }
}
