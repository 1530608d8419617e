//! Finding what a clause asks for: licences, truck classes, languages with their level
//! (`languages`), amounts, dates and shifts (`timing`), demands, vocabulary terms (longest phrase
//! first, then typo-tolerant), and phrases that would select on age, gender, health or ethnicity,
//! which are refused.

mod conditions;
mod languages;
mod timing;

use time::Date;

use self::conditions::{befell, refusal, ruled_out, unsuited};
use self::languages::languages;
pub use self::languages::{asks_speaking, communicates, language_ability_waived};
use self::timing::{amounts_and_dates, shifts, up_at_an_hour};
use super::clauses::Clause;
use crate::model::{CriterionKind, LanguageLevel};
use crate::taxonomy::{ConceptId, ConceptKind, Taxonomy};

/// Longest vocabulary phrase tried, in content words.
const MAX_PHRASE_WORDS: usize = 4;

/// Something recognised in a clause.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A criterion, and the position of its first word in the clause.
    Criterion {
        kind: CriterionKind,
        value: String,
        min_level: Option<LanguageLevel>,
        min_years: Option<f32>,
        at: usize,
    },
    Percent(u8),
    Km(f32),
    Date(Date),
    /// A phrase that may not be a requirement, and why.
    Refused {
        phrase: String,
        reason: &'static str,
    },
    /// A formality of hiring (`politiattest kreves ved ansettelse`): a note for the advisor.
    Note(String),
}

/// What a clause holds: the findings, and which words they used.
pub struct Recognised {
    pub found: Vec<Found>,
    pub used: Vec<bool>,
    /// Where a criterion found before was named again (`Du kjører truck, så du må ha
    /// truckførerbevis`): its kind, its value and the word it was named at.
    pub again: Vec<(CriterionKind, String, usize)>,
}

/// Parts of the body a writer may say must be healthy (`rygg og skuldre må være friske`).
pub(super) const BODY: &[&str] = &[
    "rygg",
    "ryggen",
    "skulder",
    "skuldre",
    "skuldrene",
    "kne",
    "knær",
    "knea",
    "knærne",
    "hofter",
    "hoftene",
    "armer",
    "armene",
    "bein",
    "beina",
    "hender",
    "hendene",
    "fingre",
    "fingrene",
    "fingrar",
    "fingrane",
    "føtter",
    "føttene",
    "nakke",
    "nakken",
    "lunger",
    "lungene",
];

/// Why a health requirement is refused.
const HEALTH_REFUSED: &str =
    "health may not be a requirement (adaptation needs are checked against the room to adapt instead)";

/// Words that would select on grounds the law forbids (likestillings- og diskrimineringsloven).
const REFUSED_WORDS: &[(&[&str], &str)] = &[
    (&["alder", "årsalder", "ung", "yngre", "eldre", "pensjonist"], "age may not be a requirement"),
    (
        &["mann", "menn", "kvinne", "kvinner", "dame", "damer", "gutt", "gutter", "jente", "jenter", "kjønn"],
        "gender may not be a requirement",
    ),
    (
        &[
            "frisk",
            "friske",
            "sykdom",
            "sykdommer",
            "sykemelding",
            "sykmelding",
            "sykefravær",
            "diagnose",
            "diagnoser",
            "helseplager",
            "funksjonsnedsettelse",
            "gravid",
            "graviditet",
            "rusfri",
        ],
        HEALTH_REFUSED,
    ),
    (
        &[
            "etnisk",
            "etnisitet",
            "hudfarge",
            "religion",
            "religiøs",
            "muslim",
            "kristen",
            "norskfødt",
            "utlending",
            "innvandrer",
            "statsborger",
            "statsborgerskap",
            "opprinnelse",
        ],
        "ethnicity, religion or origin may not be a requirement",
    ),
];

/// Words that introduce an experience criterion.
const EXPERIENCE_CUES: &[&str] = &[
    "erfaring",
    "erfaringer",
    "erfaren",
    "jobbet",
    "jobba",
    "arbeidet",
    "arbeidd",
    "bakgrunn",
    "praksis",
    "røynsle",
    "kjørt",
    "køyrt",
    // `en som har vært trener eller speiderleder`: having been something is experience of it.
    "vært",
    "vore",
];
/// Words that introduce a skill or a tool (`kjennskap til Visma`).
const SKILL_CUES: &[&str] =
    &["kjennskap", "kunnskap", "kunnskaper", "kunnskapar", "beherske", "behersker", "vant", "van", "vand"];
/// Words that introduce an interest.
const INTEREST_CUES: &[&str] = &[
    "interesse",
    "interesser",
    "interessert",
    "liker",
    "likar",
    "like",
    "glad",
    "opptatt",
    "oppteken",
    "brenner",
    "brenn",
    // `brant for gjenbruk`: the past of `brenner for`, as a portrait of someone before tells it.
    "brant",
    "brann",
    // `helt gal etter film`, `hekta på fiske`.
    "gal",
    "hekta",
    "engasjert",
    "trives",
    "trivst",
    "elsker",
    "elskar",
    "digger",
];
/// Verbs of working on something (`reparere sykler`): with a theme after them, a skill.
const ACTIVITY_VERBS: &[&str] = &[
    "reparere",
    "fikse",
    "skru",
    "vedlikeholde",
    "montere",
    "stelle",
    "passe",
    "trene",
    "dressere",
    "klippe",
    "vaske",
    "selge",
    "reparera",
    "stella",
];
/// Words that say a condition of the job is not there (`ingen tunge løft`, `aldri alene`).
const ABSENT: &[&str] = &["ingen", "inga", "aldri", "ikke", "ikkje", "uten", "utan", "sjelden", "sjeldan"];
/// `då er du åleine på anlegget`, `du jobber alene om natta`: being alone at work, said of the
/// candidate, is the demand of working alone (never when negated: `du er aldri alene`).
fn alone(words: &[&str], out: &mut Recognised) {
    for i in 2..words.len() {
        if out.used[i] || !matches!(words[i], "alene" | "aleine" | "åleine") {
            continue;
        }
        let before = &words[i.saturating_sub(3)..i];
        let said_of_you = before.contains(&"du")
            && before.iter().any(|w| matches!(*w, "er" | "blir" | "jobber" | "jobbar" | "arbeider" | "arbeidar"));
        if said_of_you && !before.iter().any(|w| ABSENT.contains(w)) {
            out.criterion(CriterionKind::Demand, "alenearbeid".to_string(), i);
            out.take(i, i);
        }
    }
}

/// `folk som ikke blir stresset av tidsfrister`, `stressar ikkje`: not being stressed is bearing
/// pressure, a quality of the candidate — not the job's tempo asked.
fn unruffled(words: &[&str], out: &mut Recognised) {
    let stressed = |w: &str| matches!(w, "stresset" | "stressa" | "stressede" | "stresses");
    for i in 1..words.len() {
        if out.used[i] {
            continue;
        }
        let not = |at: usize| matches!(words[at], "ikke" | "ikkje" | "aldri");
        // `ikke blir stresset`, `blir ikke stresset`, `stresser ikke`.
        let from = if stressed(words[i]) {
            (i.saturating_sub(2)..i).find(|&at| not(at)).filter(|&at| {
                (at..i).all(|j| not(j) || matches!(words[j], "blir" | "bli" | "blei" | "vert" | "er" | "være" | "vere"))
            })
        } else if matches!(words[i], "stresser" | "stressar")
            && words.get(i + 1).is_some_and(|w| matches!(*w, "ikke" | "ikkje"))
        {
            Some(i)
        } else {
            None
        };
        let Some(from) = from else { continue };
        let mut last = if stressed(words[i]) { i } else { i + 1 };
        // `… av tidsfrister`, `… av mange kunder`: what would stress belongs to it.
        if words.get(last + 1) == Some(&"av") {
            last = (last + 2..(last + 4).min(words.len())).take_while(|&j| !out.used[j]).last().unwrap_or(last + 1);
        }
        out.criterion(CriterionKind::Quality, "tåler press".to_string(), from);
        out.take(from, last);
    }
}

/// `Det er ingen tunge løft`, `Du er aldri alene på vakt`, `ikke noe kaldt`: a condition of the
/// job said to be absent is not asked of the candidate (a limit said not to be had is a need,
/// read before this). Among the room to adapt the same words offer to take the task away, so
/// only the requirements drop it.
pub fn drop_absent_demands(clause: &Clause, words: &[&str], out: &mut Recognised) {
    let negation = |out: &Recognised, at: usize| !out.used[at] && ABSENT.contains(&words[at]);
    let mut kept = Vec::with_capacity(out.found.len());
    for found in std::mem::take(&mut out.found) {
        let Found::Criterion { kind: CriterionKind::Demand, at: first, ref value, .. } = found else {
            kept.push(found);
            continue;
        };
        let absent_from = first.checked_sub(1).filter(|&at| negation(out, at)).or_else(|| {
            first.checked_sub(2).filter(|&at| {
                negation(out, at) && matches!(words[at + 1], "noe" | "noko" | "mye" | "mykje" | "særlig" | "så")
            })
        });
        let in_condition = clause.turned_away.as_ref().is_some_and(|turned| turned.condition.contains(&first));
        match absent_from {
            // `Ingen allergi mot dyr`: a limit said not to be had is the demand it rules out,
            // asked; the negation belongs to it.
            Some(from) if names_a_limit(value) => {
                out.take(from, first - 1);
                kept.push(found);
            }
            Some(from) if !in_condition => out.take(from, first - 1),
            _ => kept.push(found),
        }
    }
    out.found = kept;
}

/// Whether a demand was named by a limit a person has (`allergi mot dyr`, `redd for hund`,
/// `høydeskrekk`), not by what the job holds.
pub(super) fn names_a_limit(value: &str) -> bool {
    value.split_whitespace().any(|w| {
        w.starts_with("allerg")
            || w.ends_with("allergi")
            || w.ends_with("allergisk")
            || w.ends_with("redd")
            || w.ends_with("skrekk")
            || w.ends_with("angst")
            || w.ends_with("fobi")
            || w.starts_with("plage")
            || w.ends_with("plager")
    })
}

/// Verbs of carrying: what follows them is the load (`løfter kasser`), part of the demand.
const CARRYING_VERBS: &[&str] =
    &["løfte", "løfter", "løfta", "lyfte", "lyfter", "bære", "bærer", "bera", "flytte", "flytter"];
/// Words that introduce a trade certificate.
const FAGBREV_CUES: &[&str] = &["fagbrev", "fagbrevet", "svennebrev", "fagarbeider"];

/// Finds what `clause` asks for.
pub fn recognise(clause: &Clause, taxonomy: &Taxonomy, today: Date) -> Recognised {
    let words: Vec<&str> = clause.words.iter().map(|w| w.text.as_str()).collect();
    let mut recognised = Recognised { found: Vec::new(), used: vec![false; words.len()], again: Vec::new() };
    bosses(&words, &mut recognised);
    refused(&words, &mut recognised);
    refusal(clause, &mut recognised);
    free_time(&words, &mut recognised);
    rather_than(&words, &mut recognised);
    formalities(clause, &words, &mut recognised);
    licences(clause, &words, taxonomy, &mut recognised);
    trucks(&words, taxonomy, &mut recognised);
    softened_classes(&words, taxonomy, &mut recognised);
    trades(clause, &words, taxonomy, &mut recognised);
    amounts_and_dates(&words, today, &mut recognised);
    languages(&words, taxonomy, &mut recognised);
    shifts(&words, &mut recognised);
    up_at_an_hour(&words, &mut recognised);
    walking(&words, &mut recognised);
    climbing(&words, &mut recognised);
    allergic(&words, &mut recognised);
    takes_hold(clause, &words, &mut recognised);
    in_order(&words, &mut recognised);
    tolerated(clause, &words, taxonomy, &mut recognised);
    not_borne_by_all(&words, taxonomy, &mut recognised);
    unsuited(&words, taxonomy, &mut recognised);
    unruffled(&words, &mut recognised);
    alone(&words, &mut recognised);
    exposures(&words, taxonomy, &mut recognised);
    ruled_out(clause, &words, taxonomy, &mut recognised);
    weighing(&words, &mut recognised);
    vocabulary(clause, taxonomy, &mut recognised);
    not_having(&words, taxonomy, &mut recognised);
    befell(&words, taxonomy, &mut recognised);
    courses(&words, taxonomy, &mut recognised);
    how_well_held(&mut recognised);
    loads(&words, &mut recognised);
    weights(&words, taxonomy, &mut recognised);
    typos(clause, taxonomy, &mut recognised);
    cued(&words, taxonomy, &mut recognised);
    said_again(clause, taxonomy, &mut recognised);
    recognised
}

/// `Formannen krev òg truckførarbevis`: who at the employer asks is never what is asked, even
/// where a list of occupations names a foreman (STYRK-08's `Formann (vaskeri)`).
fn bosses(words: &[&str], out: &mut Recognised) {
    for (i, word) in words.iter().enumerate() {
        if super::clauses::BOSSES.contains(word) {
            out.take(i, i);
        }
    }
}

/// `Du står ute på veien i all slags vær`: a word left over that one of the clause's demands
/// already says in its own name (`ute`, of `ute i all slags vær`), or a class a certificate
/// found already holds, is that requirement said again, none of its own.
fn said_again(clause: &Clause, taxonomy: &Taxonomy, out: &mut Recognised) {
    // The stems of every label of the demands found, once for the clause.
    let demand_stems: std::collections::HashSet<String> = out
        .found
        .iter()
        .filter_map(|f| match f {
            Found::Criterion { kind: CriterionKind::Demand, value, .. } => taxonomy.demand_named(value),
            _ => None,
        })
        .flat_map(|demand| taxonomy.concept(demand).labels.iter().flat_map(|label| taxonomy.analyzer().stems(label)))
        .collect();
    // `Førarkort for minibuss, altså D1`: a class a certificate already holds, said again.
    let classes_held: Vec<String> = out
        .found
        .iter()
        .filter_map(|f| match f {
            Found::Criterion { kind: CriterionKind::Certificate, value, .. } => {
                value.rsplit(' ').next().map(str::to_lowercase)
            }
            _ => None,
        })
        .collect();
    let lexicon = taxonomy.analyzer().lexicon();
    for (i, word) in clause.words.iter().enumerate() {
        if out.used[i] || lexicon.is_stopword(&word.text) {
            continue;
        }
        if crate::taxonomy::is_class_code(&word.text) && classes_held.contains(&word.text.to_lowercase()) {
            out.take(i, i);
            continue;
        }
        if demand_stems.contains(&word.stem) {
            out.take(i, i);
        }
    }
}

/// How an announcement says a wish weighs: `det vil bli lagt stor vekt på`, `vil bli sterkt
/// vektlagt`, `vert tillagt vekt`. The words before the weight (`sterkt` is no strength asked
/// for) are the frame's, not a quality of the candidate.
fn weighing(words: &[&str], out: &mut Recognised) {
    const FRAME: &[&str] = &[
        "det",
        "vil",
        "kan",
        "bli",
        "blir",
        "vert",
        "verte",
        "sterkt",
        "særlig",
        "særleg",
        "spesielt",
        "stor",
        "lagt",
        "tillagt",
        "tillegges",
        "tilleggast",
        "legges",
        "også",
        "òg",
    ];
    for (i, word) in words.iter().enumerate() {
        // `vektløfting` is a sport and `vekter` a guard: only the weight itself frames.
        let weight = matches!(*word, "vekt" | "vektlagt" | "vektlagd" | "vektlegges" | "vektlegge" | "vektleggast");
        if !weight {
            continue;
        }
        let from = (0..i).rev().take_while(|&j| FRAME.contains(&words[j])).last().unwrap_or(i);
        let on = words.get(i + 1).is_some_and(|w| *w == "på");
        out.take(from, if on { i + 1 } else { i });
    }
}

/// `tar vi heller en sterk nybegynner enn en erfaren med vond rygg`, `vel vi deg framfor nokon
/// med berre førarkortet`, `teller mer enn noe annet`: what the employer would rather do
/// without, after `heller … enn` or `framfor`, is the comparison's other side, asked nowhere.
fn rather_than(words: &[&str], out: &mut Recognised) {
    if let Some(side) = other_side(words) {
        out.take(side.start, side.end - 1);
    }
    // `en sterk nybegynner`: a beginner preferred asks nothing.
    for (i, word) in words.iter().enumerate() {
        if matches!(*word, "heller" | "hellere" | "nybegynner" | "nybegynnar") {
            out.take(i, i);
        }
    }
}

/// The other side of a comparison (from `enn` or `framfor`), which the employer would rather
/// do without (see `rather_than`). `… enn en som kan alt om utstyr – så norsk B1 er det vi ikke
/// kan fire på`: what follows `så` or `men` is said of its own.
pub(super) fn other_side(words: &[&str]) -> Option<std::ops::Range<usize>> {
    let rather = words.iter().position(|w| matches!(*w, "heller" | "hellere"));
    let than = (0..words.len()).find(|&j| {
        let compared = rather.is_some_and(|r| r < j)
            || (j > 0 && matches!(words[j - 1], "mer" | "meir" | "mest" | "bedre" | "betre"))
            || matches!(words.get(j + 1), Some(&("noe" | "noko" | "alt" | "alle" | "ingen" | "inga")));
        (words[j] == "enn" && compared) || matches!(words[j], "framfor" | "fremfor")
    })?;
    let end = (than + 1..words.len()).find(|&j| matches!(words[j], "så" | "men")).unwrap_or(words.len());
    Some(than..end)
}

/// `sykler på fritida`: when something is done, not the leisure trade (`fritid`) asked for.
fn free_time(words: &[&str], out: &mut Recognised) {
    for i in 1..words.len() {
        if matches!(words[i], "fritida" | "fritiden" | "fritid") && matches!(words[i - 1], "på" | "i") {
            out.take(i - 1, i);
        }
    }
}

/// Words that join a cue to what it is about: `erfaring med`, `interesse for`, `lærer opp i`.
pub const CUE_JOINS: &[&str] =
    &["med", "fra", "frå", "som", "i", "innen", "innenfor", "for", "av", "på", "opp", "til", "om", "etter"];

/// The runs of words after the cue at `cue` that nothing else placed: `erfaring med sveising og
/// hydraulikk` gives `hydraulikk` when `sveising` is known. Each run is at most three words;
/// the scan ends at a word that is neither placed, joining, `og`/`eller`, nor content.
pub fn after_cue(words: &[&str], used: &[bool], cue: usize, lexicon: &crate::analysis::Lexicon) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start: Option<usize> = None;
    let mut j = cue + 1;
    while j < words.len() && j <= cue + 8 {
        let word = words[j];
        // `erfaring fra arbeid med eldre`: work, said before what it is with, is the cue's frame.
        let frame = matches!(word, "arbeid" | "arbeide" | "jobb" | "jobbing" | "arbeidet")
            && words.get(j + 1).is_some_and(|next| matches!(*next, "med" | "i" | "på" | "innen" | "innenfor"));
        // `erfaring fra bilverksted = gull`: how much it weighs ends what it is of.
        if super::words::SOFTENERS.contains(&word) || super::words::MUST_MARKERS.contains(&word) {
            break;
        }
        // `erfaring fra produksjon gjør at du kommer i gang`: the verb of what the experience
        // brings ends what it is of.
        // `har vært dykkere eller jobbet på fiskebåt`: another cue opens a phrase of its own.
        // `det hjelper ikke med erfaring hvis du ikke tåler kulde`: a condition is no subject.
        // `erfaring fra renhold veier tyngst`, `… slår alt anna`: how much it weighs, the same.
        // `Kurs i varmepumper og ventilasjon får du av oss`, `… tek vi sjølve`: the verb of who
        // gives it ends what it is in.
        if matches!(word, "gjør" | "gjer" | "gir" | "gjev" | "betyr" | "teller" | "tel" | "hjelper")
            || matches!(word, "får" | "tar" | "tek" | "lærer" | "lærar" | "betaler" | "betalar" | "ordner" | "ordnar")
            || matches!(word, "veier" | "veg" | "slår" | "trumfer")
            || matches!(word, "hvis" | "viss" | "dersom" | "når" | "fordi" | "enn")
            // `er du glad i friluftsliv og sjøen, passer du her`: the main clause after it.
            || super::clauses::suits_you(words, j)
            // `Har du jobbet i pleie og omsorg, vet du hvordan …`: what the candidate then knows.
            || (matches!(word, "vet" | "veit" | "skjønner" | "forstår") && words.get(j + 1) == Some(&"du"))
            // `Kurs i hundeatferd sender hun folk på`: a verb before the employer as its subject.
            || (j > cue + 1
                && (word.ends_with("er") || word.ends_with("ar"))
                && words.get(j + 1).is_some_and(|w| matches!(*w, "han" | "hun" | "ho" | "de" | "dei" | "vi" | "me")))
            || super::words::SUFFICES.contains(&word)
            || EXPERIENCE_CUES.contains(&word)
        {
            break;
        }
        let content = !used[j]
            && !frame
            && !lexicon.is_stopword(word)
            && !super::words::GRAMMAR.contains(&word)
            && word.parse::<f64>().is_err()
            && (word.chars().count() >= 3 || word == "øl");
        if content {
            start = start.or(Some(j));
            if j - start.unwrap_or(j) >= 2 {
                runs.push((start.unwrap_or(j), j));
                start = None;
            }
        } else {
            if let Some(from) = start.take() {
                runs.push((from, j - 1));
            }
            // `så brant hun for gjenbruk`: the subject after the cue, where a statement turns round.
            let inverted = j == cue + 1 && matches!(word, "hun" | "han" | "ho" | "du" | "de" | "dei" | "vi" | "me");
            // `stått i en byggevarebutikk eller på et lager`: an article after the preposition.
            // (`pusset opp en` is no article: `en` stands for the boat.)
            let article = matches!(word, "en" | "et" | "ei" | "ein" | "eit")
                && matches!(words[j - 1], "i" | "på" | "fra" | "frå" | "ved" | "hos" | "som" | "og" | "eller");
            let joining = used[j] || inverted || article || CUE_JOINS.contains(&word) || matches!(word, "og" | "eller");
            if !joining {
                break;
            }
        }
        j += 1;
    }
    if let Some(from) = start {
        runs.push((from, (j - 1).min(words.len() - 1)));
    }
    runs
}

/// `Har du stått i fiskeindustrien`, `stått i butikk`: having stood in a trade is having worked
/// in it.
fn stood_in(words: &[&str], at: usize) -> bool {
    words[at] == "stått" && matches!(words.get(at + 1), Some(&("i" | "på")))
}

/// What an experience or interest cue is about when the vocabulary does not know it
/// (`erfaring med hydraulikk`, `interesse for akvarium`): the employer's own words, matched as
/// words (and by the semantic layer) rather than dropped.
fn cued(words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    let lexicon = taxonomy.analyzer().lexicon();
    // `butikkerfaring`, `salgserfaring`: experience of what the compound starts with;
    // `filminteresse`: an interest in what the compound starts with.
    for i in 0..words.len() {
        let compound = experience_compound(words[i])
            .map(|what| (CriterionKind::Experience, what))
            .or_else(|| interest_compound(words[i]).map(|what| (CriterionKind::Interest, what)));
        let Some((kind, what)) = compound else { continue };
        if !out.used[i] && !taxonomy.is_filler(&taxonomy.analyzer().stem(what)) {
            let min_years = (kind == CriterionKind::Experience).then(|| years_asked(words)).flatten();
            out.add(Found::Criterion { kind, value: what.into(), min_level: None, min_years, at: i });
            out.take(i, i);
        }
    }
    for i in 0..words.len() {
        // `Det hadde ikke vært dumt om …`, `det hadde vært fint`: how a wish is weighed, not
        // where someone has been.
        let weighed = matches!(words[i], "vært" | "vore")
            && words.get(i + 1).is_some_and(|w| {
                matches!(*w, "dumt" | "fint" | "greit" | "bra" | "flott" | "lurt" | "nyttig" | "kjekt")
            });
        let kind = if the_work(words, i) || weighed {
            continue;
        } else if EXPERIENCE_CUES.contains(&words[i]) || stood_in(words, i) {
            CriterionKind::Experience
        } else if SKILL_CUES.contains(&words[i])
            || (matches!(words[i], "kjenne" | "kjenner") && words.get(i + 1) == Some(&"til"))
        {
            CriterionKind::Skill
        } else if INTEREST_CUES.contains(&words[i]) {
            CriterionKind::Interest
        } else {
            continue;
        };
        // `vi liker folk som er …`: the cue is about whom they like, the relative clause says what.
        let whom = |at: usize| {
            words.get(at).is_some_and(|w| matches!(*w, "folk" | "personer" | "noen" | "nokon" | "en" | "ein"))
        };
        let relative = words.get(i + 2) == Some(&"som") && whom(i + 1);
        // `vi har god erfaring med folk som …`: the employer's experience of whom, the same.
        let experience_of_whom =
            words.get(i + 3) == Some(&"som") && whom(i + 2) && matches!(words.get(i + 1), Some(&("med" | "av")));
        if relative || experience_of_whom {
            out.take(i, if relative { i + 2 } else { i + 3 });
            continue;
        }
        for (from, to) in after_cue(words, &out.used.clone(), i, lexicon) {
            // The years asked for stay with the experience, known to the vocabulary or not.
            let min_years = (kind == CriterionKind::Experience).then(|| years_asked(words)).flatten();
            out.add(Found::Criterion { kind, value: words[from..=to].join(" "), min_level: None, min_years, at: from });
            out.take(from, to);
            out.take(i, i);
        }
    }
}

/// `trygg på PC`, `stødig i Excel`: a quality said of a skill is how well the skill is held, not
/// a quality asked for of its own.
fn how_well_held(out: &mut Recognised) {
    let held_at: Vec<usize> = out
        .found
        .iter()
        .filter_map(|f| match f {
            Found::Criterion { kind: CriterionKind::Skill | CriterionKind::Certificate, at, .. } => Some(*at),
            _ => None,
        })
        .collect();
    out.found.retain(|f| match f {
        Found::Criterion { kind: CriterionKind::Quality, value, at, .. } => {
            // The word after the quality is the preposition (`på`), the one after it the skill.
            let preposition = at + value.split_whitespace().count();
            !held_at.contains(&(preposition + 1))
        }
        _ => true,
    });
}

/// `bære pakker på opptil 25 kilo`: what is carried, up to a weight, belongs to the demand.
fn loads(words: &[&str], out: &mut Recognised) {
    let demands: Vec<usize> = out
        .found
        .iter()
        .filter_map(|f| match f {
            Found::Criterion { kind: CriterionKind::Demand, at, .. } => Some(*at),
            _ => None,
        })
        .collect();
    for at in demands {
        let Some(after) = (at..words.len()).find(|&j| !out.used[j]) else { continue };
        let weight = (after..words.len().min(after + 6)).find(|&j| matches!(words[j], "kilo" | "kg" | "kilogram"));
        if let Some(end) = weight.filter(|&end| (after..=end).all(|j| !out.used[j])) {
            out.take(after, end);
        }
    }
}

/// `Utedelen til en varmepumpe veier fort 40 kilo`, `melsekkene er på 25 kilo`, `kofferter på
/// tjue–tretti kilo`: a heavy weight, said of what the job handles, is heavy lifting (unless the
/// clause names lifting already); the thing weighed is its load.
fn weights(words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    let lifting = taxonomy.demand("tunge løft");
    for i in 0..words.len() {
        if out.used[i] || !matches!(words[i], "veier" | "veg" | "på" | "opptil") {
            continue;
        }
        let Some(end) = (i + 1..words.len().min(i + 5)).find(|&j| matches!(words[j], "kilo" | "kg" | "kilogram"))
        else {
            continue;
        };
        let heavy = words[i + 1..end].iter().any(|w| kilos(w).is_some_and(|kilos| kilos >= 15.0));
        if !heavy || (i..=end).any(|j| out.used[j]) {
            continue;
        }
        let named = out.found.iter().any(|f| {
            matches!(f, Found::Criterion { kind: CriterionKind::Demand, value, .. } if taxonomy.demand(value) == lifting)
        });
        if !named {
            out.criterion(CriterionKind::Demand, "tunge løft".to_string(), i);
        }
        let from =
            (0..i).rev().take_while(|&j| !out.used[j] && !matches!(words[j], "og" | "så" | "men")).last().unwrap_or(i);
        out.take(from, end);
    }
}

/// `melstøvet ligger overalt`, `fiskelukta sitter i klærne`: an exposure named in a compound
/// the vocabulary does not hold is that demand, in the employer's word.
fn exposures(words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    for (i, word) in words.iter().enumerate() {
        if !out.used[i] && word.chars().count() >= 7 && taxonomy.demand_compounded(word).is_some() {
            out.criterion(CriterionKind::Demand, word.to_string(), i);
            out.take(i, i);
        }
    }
}

/// A weight as written: a number, or a round number in words (`tjue`, `tretti`, `førti`).
fn kilos(word: &str) -> Option<f64> {
    word.parse::<f64>().ok().or(match word {
        "ti" => Some(10.0),
        "femten" => Some(15.0),
        "tjue" | "tjuge" => Some(20.0),
        "tjuefem" => Some(25.0),
        "tretti" | "tredve" => Some(30.0),
        "førti" => Some(40.0),
        "femti" => Some(50.0),
        _ => None,
    })
}

/// `Du kan ikke være redd for å ta i`, `du må tåle å ta i`: to «ta i» with nothing after it is
/// to work hard with one's body — heavy lifting (`ta i mot`, `ta i bruk` are other verbs).
fn takes_hold(clause: &Clause, words: &[&str], out: &mut Recognised) {
    for i in 1..words.len().saturating_sub(1) {
        if !matches!(words[i], "ta" | "tar" | "tek") || words[i + 1] != "i" || out.used[i] || out.used[i + 1] {
            continue;
        }
        let next = i + 2;
        let ends = next == words.len()
            || clause.breaks.iter().any(|&(at, _)| at == next)
            || matches!(words[next], "skikkelig" | "hardt" | "og" | "når" | "så");
        let borne = words[i.saturating_sub(4)..i].iter().any(|w| {
            TOLERATE.contains(w)
                || matches!(*w, "redd" | "må" | "kunne" | "klare" | "orke" | "vant" | "liker" | "likar")
        });
        if ends && borne {
            out.criterion(CriterionKind::Demand, "tunge løft".to_string(), i);
            out.take(i, i + 1);
        }
    }
}

/// `papirene må være i orden`, `alt er i orden`: «i orden» after a verb of being says a thing is
/// as it should be, no liking for order (`orden og ryddighet` still is one).
fn in_order(words: &[&str], out: &mut Recognised) {
    for i in 1..words.len().saturating_sub(1) {
        let being = matches!(words[i - 1], "være" | "vere" | "er" | "blir" | "bli" | "vera");
        if being && words[i] == "i" && words[i + 1] == "orden" && !out.used[i + 1] {
            out.take(i, i + 1);
        }
    }
}

/// `portørene går mye`, `du går langt hver dag`: much walking is a demand (`gå` alone, as in
/// `det går fint`, is not, nor time that goes: `det går mye tid til kjøring`).
fn walking(words: &[&str], out: &mut Recognised) {
    for i in 0..words.len().saturating_sub(1) {
        let time_goes = i > 0 && matches!(words[i - 1], "det" | "dette" | "som" | "tida" | "tiden");
        let walks = matches!(words[i], "går" | "gå" | "gikk")
            && matches!(words[i + 1], "mye" | "langt" | "masse")
            && !time_goes;
        if walks && !out.used[i] && !out.used[i + 1] {
            out.criterion(CriterionKind::Demand, "mye gåing".to_string(), i);
            out.take(i, i + 1);
        }
    }
}

/// `klatrer du 80 meter opp i tårnet`, `jobber 15 meter over bakken`: climbing up, or a height
/// in metres, is work at height (`klatring` alone, a pastime, is not).
fn climbing(words: &[&str], out: &mut Recognised) {
    let climbs = |w: &str| matches!(w, "klatre" | "klatrer" | "klatra" | "klatret" | "klyve" | "klyver" | "klyv");
    let up = |w: &str| matches!(w, "opp" | "over" | "oppe" | "høyt" | "høgt");
    for i in 0..words.len() {
        if out.used[i] {
            continue;
        }
        let metres = words[i].parse::<u32>().is_ok()
            && matches!(words.get(i + 1), Some(&("meter" | "m")))
            && words.get(i + 2).is_some_and(|w| up(w));
        let end = if metres {
            Some(i + 2)
        } else if climbs(words[i]) {
            (i + 1..words.len().min(i + 5)).take_while(|&j| !out.used[j]).find(|&j| up(words[j]))
        } else {
            None
        };
        if let Some(end) = end.filter(|&end| (i..=end).all(|j| !out.used[j])) {
            out.criterion(CriterionKind::Demand, "arbeid i høyden".to_string(), i);
            out.take(i, end);
        }
    }
}

/// Animals a job keeps, as written (`hester`, `kyrne`, `hundane`), by the start of the word.
const ANIMALS: &[&str] = &["hest", "hund", "katt", "dyr", "ku", "kyr", "sau", "gris", "geit", "kanin", "høns", "pels"];

/// `Du kan ikke være allergisk, for du er i stallen med hester hele dagen`: an allergy named
/// without its object is to the animals the sentence names; the demand is to bear them.
fn allergic(words: &[&str], out: &mut Recognised) {
    let Some(at) = words.iter().position(|w| matches!(*w, "allergisk" | "allergiske" | "allergi")) else {
        return;
    };
    // `allergisk mot hund` names its object; `allergisk, for du er …` gives a reason.
    let object_named = words.get(at + 1).is_some_and(|w| *w == "mot")
        || (words.get(at + 1) == Some(&"for")
            && words.get(at + 2).is_some_and(|w| !super::clauses::REASON_SUBJECTS.contains(w) && *w != "det"));
    // The animal's name and an ending, so `kunder` is no `ku`.
    let endings = ["", "a", "e", "en", "er", "ene", "ar", "ane", "ne", "r"];
    let animal = |w: &str| ANIMALS.iter().any(|a| w.strip_prefix(a).is_some_and(|rest| endings.contains(&rest)));
    // `Allergi mot katt er utelukket`: an animal the vocabulary has no allergy phrase for.
    let named = at + 2;
    if !out.used[at]
        && words.get(at + 1) == Some(&"mot")
        && named < words.len()
        && !out.used[named]
        && animal(words[named])
    {
        out.criterion(CriterionKind::Demand, format!("{} mot {}", words[at], words[named]), at);
        out.take(at, named);
        return;
    }
    if out.used[at] || object_named {
        return;
    }
    if let Some(named) = (0..words.len()).find(|&j| !out.used[j] && animal(words[j])) {
        out.criterion(CriterionKind::Demand, format!("allergisk mot {}", words[named]), at);
        out.take(at, at);
        out.take(named, named);
    }
}

/// `Arbeidet foregår ute`: the work itself, a subject, not the cue of `har arbeidet med`.
fn the_work(words: &[&str], i: usize) -> bool {
    words[i] == "arbeidet" && (i == 0 || matches!(words[i - 1], "det" | "selve"))
}

/// What an experience compound is of: `butikkerfaring` → `butikk`, `salgserfaring` → `salg`,
/// `vaktmesterbakgrunn` → `vaktmester`.
fn experience_compound(word: &str) -> Option<&str> {
    compound_of(word, &["erfaringer", "erfaring", "røynsle", "bakgrunn"])
}

/// What an interest compound is in: `filminteresse` → `film`, `naturinteressert` → `natur`.
fn interest_compound(word: &str) -> Option<&str> {
    compound_of(word, &["interessert", "interesse", "interessen"])
}

/// The first part of a compound ending in one of `heads`, without its joining `s`.
fn compound_of<'a>(word: &'a str, heads: &[&str]) -> Option<&'a str> {
    let head = heads.iter().find_map(|end| word.strip_suffix(end))?;
    let head = if head.len() > 4 { head.strip_suffix('s').unwrap_or(head) } else { head };
    (head.chars().count() >= 3).then_some(head)
}

impl Recognised {
    pub(super) fn take(&mut self, from: usize, to: usize) {
        let end = to.min(self.used.len() - 1);
        for used in &mut self.used[from..=end] {
            *used = true;
        }
    }

    /// The values found of `kind`, in the order found.
    pub(super) fn values(&self, kind: CriterionKind) -> impl Iterator<Item = &str> {
        self.found.iter().filter_map(move |f| match f {
            Found::Criterion { kind: found, value, .. } if *found == kind => Some(value.as_str()),
            _ => None,
        })
    }

    /// Whether something of `kind` was found at a word in `words`.
    pub(super) fn named_within(&self, kind: CriterionKind, words: std::ops::Range<usize>) -> bool {
        self.found
            .iter()
            .any(|f| matches!(f, Found::Criterion { kind: found, at, .. } if *found == kind && words.contains(at)))
    }

    fn criterion(&mut self, kind: CriterionKind, value: String, at: usize) {
        self.add(Found::Criterion { kind, value, min_level: None, min_years: None, at });
    }

    fn add(&mut self, found: Found) {
        let same = |a: &Found, b: &Found| match (a, b) {
            (Found::Criterion { kind: k1, value: v1, .. }, Found::Criterion { kind: k2, value: v2, .. }) => {
                k1 == k2 && v1 == v2
            }
            (a, b) => a == b,
        };
        match (self.found.iter().any(|f| same(f, &found)), found) {
            (true, Found::Criterion { kind, value, at, .. }) => self.again.push((kind, value, at)),
            (true, _) => {}
            (false, found) => self.found.push(found),
        }
    }

    /// Whether a criterion of `kind` and `value` is named again after word `after`.
    pub fn named_again_after(&self, kind: CriterionKind, value: &str, after: usize) -> bool {
        self.again.iter().any(|(k, v, at)| *k == kind && v == value && *at > after)
    }

    /// Whether anything of `kind` is named after word `after`, at its first mention or again.
    pub fn kind_named_after(&self, kind: CriterionKind, after: usize) -> bool {
        self.again.iter().any(|(k, _, at)| *k == kind && *at > after)
            || self.found.iter().any(|f| matches!(f, Found::Criterion { kind: k, at, .. } if *k == kind && *at > after))
    }
}

fn refused(words: &[&str], out: &mut Recognised) {
    for (i, word) in words.iter().enumerate() {
        // `barn og unge`, `ungdom` are themes, not ages.
        if *word == "unge" || (i > 0 && words[i - 1] == "og" && *word == "ung") {
            continue;
        }
        // `jobbet med eldre`, `omsorg for eldre`: the elderly as people cared for, not an age.
        let people = *word == "eldre"
            && i > 0
            && matches!(words[i - 1], "med" | "for" | "blant" | "hos" | "av" | "og" | "frå" | "fra");
        if people {
            continue;
        }
        // `ha god helse`: good health is a health requirement, not the health sector.
        let good_health = matches!(*word, "helse" | "helsa") && i > 0 && matches!(words[i - 1], "god" | "bra" | "goda");
        if good_health {
            out.add(Found::Refused { phrase: phrase_around(words, i), reason: HEALTH_REFUSED });
            out.take(i - 1, i);
            continue;
        }
        if let Some((_, reason)) = REFUSED_WORDS.iter().find(|(list, _)| list.contains(word)) {
            out.add(Found::Refused { phrase: phrase_around(words, i), reason });
            // `norsk statsborger`, `etnisk norsk`: the neighbouring word is part of it.
            let origin = reason.starts_with("ethnicity");
            // `rygg og skuldre må være friske`: the body said healthy is part of it.
            let body = (i.saturating_sub(6)..i)
                .find(|&j| {
                    words[j..i].iter().all(|w| BODY.contains(w) || matches!(*w, "og" | "må" | "være" | "vere" | "skal"))
                })
                .filter(|&j| BODY.contains(&words[j]) && *reason == HEALTH_REFUSED);
            let from = body.unwrap_or(if origin { i.saturating_sub(1) } else { i });
            out.take(from, if origin { i + 1 } else { i });
        }
        // `du må være over 20`: an age, said without `år`.
        let be = i > 0 && matches!(words[i - 1], "være" | "vere");
        let in_years = words.get(i + 2).is_some_and(|w| matches!(*w, "år" | "års"));
        if be
            && !in_years
            && matches!(*word, "over" | "under")
            && words.get(i + 1).is_some_and(|n| n.parse::<u32>().is_ok())
        {
            out.add(Found::Refused { phrase: phrase_around(words, i), reason: "age may not be a requirement" });
            out.take(i - 1, i + 1);
        }
        // `under 30 år`, `mellom 20 og 35 år`, `25 år gammel`, `fylt 18 år` — but not `over 2
        // års erfaring`.
        let is_years = matches!(*word, "år" | "års");
        let number_before = i > 0 && words[i - 1].parse::<u32>().is_ok();
        if is_years && number_before {
            let next = words.get(i + 1).copied().unwrap_or_default();
            let before = if i >= 2 { words[i - 2] } else { "" };
            let experience = matches!(next, "erfaring" | "praksis" | "ansiennitet" | "fartstid" | "med" | "i" | "som");
            // `være minst 18 år`, `vere 20 år`: what someone is, in years, is an age.
            let be = |at: Option<usize>| at.is_some_and(|at| matches!(words[at], "være" | "vere"));
            let being = be(i.checked_sub(2)) || (matches!(before, "minst" | "minimum") && be(i.checked_sub(3)));
            let age = next == "gammel"
                || (being && !experience)
                || matches!(before, "fylt" | "fyllt" | "fylle")
                || (!experience && matches!(before, "under" | "over" | "mellom" | "og" | "maks" | "yngre" | "eldre"));
            if age {
                out.add(Found::Refused { phrase: phrase_around(words, i), reason: "age may not be a requirement" });
                out.take(i.saturating_sub(3), i + 1);
            }
        }
    }
}

/// Papers asked of whoever is hired, when they are hired: not something a candidate holds
/// beforehand, so never a criterion (a must-have no job seeker meets empties the list).
const FORMALITIES: &[&str] = &[
    "politiattest",
    "politiattesten",
    "barneomsorgsattest",
    "vandelsattest",
    "vandel",
    "taushetserklæring",
    "taushetserklæringen",
    "teieplikterklæring",
    "referanser",
    "referansar",
    "sikkerhetsklarering",
    "sikkerheitsklarering",
    "helseattest",
    // `personlig egnethet vil bli vektlagt`: the employer's judgement at the interview.
    "egnethet",
    "egnetheit",
];
/// Words that only frame a formality (`kreves ved ansettelse`, `må levere`).
const FORMALITY_FRAME: &[&str] = &[
    "ren",
    "kreves",
    "krevst",
    "ved",
    "ansettelse",
    "tilsetting",
    "tilsetjing",
    "levere",
    "leveres",
    "fremvise",
    "framvise",
    "fremvises",
    "framvises",
    "framvisast",
    "fremlegges",
    "framlegges",
    "vise",
    "signere",
    "signeres",
    "skrive",
    "under",
    "gyldig",
    "uttømmende",
    "oppgi",
    "før",
    "tiltredelse",
    "tiltreding",
    "oppstart",
    "personlig",
    "vil",
    "bli",
    "vektlagt",
    "vektlegges",
    // `helseattest kan bli krevd`, `søker må kunne gjennomføre sikkerhetsklarering`,
    // `tilsetting skjer på vilkår av tilfredsstillende politiattest`.
    "krevd",
    "kravd",
    "gjennomføre",
    "gjennomgå",
    "skjer",
    "vilkår",
    "tilfredsstillende",
    "tilfredsstillande",
    // `Politiattest ordnes ved ansettelse`.
    "ordnes",
    "ordnast",
    "innhentes",
];

fn formalities(clause: &Clause, words: &[&str], out: &mut Recognised) {
    // `må ha (egen) bil (til disposisjon)`, `disponere bil`: profiles do not say who owns a car;
    // `stille på kort varsel`: nor who can come at short notice. The advisor asks.
    let ask = || Found::Note(format!("{} (står ikke i profilene: spør kandidaten)", clause.as_note()));
    // `det er naudsynt med bil`, `bil er et krav`: the same, said of the job.
    let required = words.iter().any(|w| super::words::MUST_MARKERS.contains(w) && *w != "må");
    for (i, window) in words.windows(2).enumerate() {
        // `vi har bil til deg`: the employer's car asks nothing of the candidate.
        if window == ["har", "bil"] && i > 0 && matches!(words[i - 1], "vi" | "me") {
            out.take(i + 1, i + 1);
            continue;
        }
        // `… at man har bil selv`: the candidate's own car, said with `har`.
        let own = window == ["har", "bil"] && words.get(i + 2).is_some_and(|w| matches!(*w, "selv" | "sjølv"));
        // `skrur på egen bil`: working on one's own car is a pastime, not owning one asked.
        let worked_on = matches!(window[0], "egen" | "eigen") && i > 0 && matches!(words[i - 1], "på" | "med");
        let owned =
            own || (matches!(window, ["ha" | "egen" | "eigen" | "disponere" | "disponerer", "bil"]) && !worked_on);
        let needed = required && (window == ["med", "bil"] || (i == 0 && window[0] == "bil"));
        if (owned || needed) && !out.used[i + 1] {
            out.add(ask());
            let car = if window[0] == "bil" { i } else { i + 1 };
            let at_disposal = words.get(car + 1..car + 3) == Some(&["til", "disposisjon"][..]);
            out.take(car, if at_disposal { car + 2 } else { car });
        }
        if window == ["kort", "varsel"] && !out.used[i] {
            out.add(ask());
            let verb =
                (i >= 2 && matches!(words[i - 2], "stille" | "møte" | "komme" | "jobbe") && words[i - 1] == "på")
                    .then(|| i - 2);
            out.take(verb.unwrap_or(i), i + 1);
        }
    }
    if !words.iter().any(|w| FORMALITIES.contains(w)) {
        return;
    }
    out.add(Found::Note(clause.as_note()));
    for (i, word) in words.iter().enumerate() {
        if FORMALITIES.contains(word) || FORMALITY_FRAME.contains(word) {
            out.take(i, i);
        }
    }
}

/// A few words around position `i`, for messages.
fn phrase_around(words: &[&str], i: usize) -> String {
    words[i.saturating_sub(2)..(i + 2).min(words.len())].join(" ")
}

/// Driving licences as people write them: `førerkort B`, `sertifikat for lastebil (C)`,
/// `buss-lappen (klasse D)`, `lappen`. The classes are read from the words around the licence
/// word by the vocabulary's rules (class letters, everyday names, compounds); none named means
/// the default class.
fn licences(clause: &Clause, words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    let rules = taxonomy.licences();
    let hyphenated = clause.text.to_lowercase();
    let is_licence = |w: &str| {
        (rules.words.iter().any(|x| x == w) && !matches!(w, "klasse" | "kl"))
            || rules.default_words.iter().any(|x| x == w)
            || !rules.classes_in(w).is_empty() && !rules.class_words.contains_key(w)
    };
    let mut i = 0;
    while i < words.len() {
        if out.used[i] || !is_licence(words[i]) {
            i += 1;
            continue;
        }
        // The licence phrase: a class just before (`buss-lappen`, `D-sertifikat`), the licence
        // word, and what follows while it still names classes (`for lastebil (C)`, `klasse B
        // eller BE`).
        let before = (i > 0 && !out.used[i - 1]).then(|| words[i - 1]);
        // Only right before it: `bilen er en lett lastebil – førerkort C1` asks for C1 alone.
        let adjacent = |word: &str| {
            [format!("{word}-{}", words[i]), format!("{word} {}", words[i])]
                .iter()
                .any(|pair| hyphenated.contains(pair))
        };
        let class_before = before.is_some_and(|word| {
            (rules.class_words.contains_key(word) || rules.class_named(word).is_some()) && adjacent(word)
        });
        if !class_before && before.is_some_and(|word| hyphenated.contains(&format!("{word}-{}", words[i]))) {
            // `ADK1-sertifikat`, `HMS-kort`: the licence word ends the name of something else.
            i += 1;
            continue;
        }
        // `sertifikat for varme arbeider`, `sertifikat som kranfører`: a certificate for a task,
        // not a driving licence.
        let generic = words[i].starts_with("sertifikat") && !class_before;
        let of = words.get(i + 1).is_some_and(|w| matches!(*w, "for" | "i" | "på" | "som" | "innen"));
        let task = (i + 3..=(i + 5).min(words.len())).any(|end| {
            let named = words[i + 2..end].join(" ");
            rules.classes_in(&named).is_empty()
                && !taxonomy
                    .find(&named, &[ConceptKind::Certificate, ConceptKind::Skill, ConceptKind::Occupation])
                    .is_empty()
        });
        // `sertifikat for lift og stillas`: for something that is no vehicle, not a licence.
        let vehicle = (i + 2..(i + 4).min(words.len()))
            .any(|j| rules.class_words.contains_key(words[j]) || rules.class_named(words[j]).is_some());
        if generic && of && (task || !vehicle) {
            i += 1;
            continue;
        }
        // `en som kan sveise, gjerne med sertifikat`: a bare certificate beside a skill is that
        // skill's, not a driving licence.
        let class_anywhere = words.iter().any(|w| rules.class_named(w).is_some() || rules.class_words.contains_key(*w));
        let beside_a_skill =
            (0..words.len()).filter(|&j| j != i).any(|j| !taxonomy.find(words[j], &[ConceptKind::Skill]).is_empty());
        if generic && !class_anywhere && beside_a_skill {
            i += 1;
            continue;
        }
        let first = if class_before { i - 1 } else { i };
        let mut last = i;
        for (j, next) in words.iter().enumerate().skip(i + 1).take(6) {
            // `for lett lastebil`: a class named in two words.
            let pair = words.get(j + 1).is_some_and(|after| rules.class_words.contains_key(&format!("{next} {after}")));
            let named_second = j > 0 && rules.class_words.contains_key(&format!("{} {next}", words[j - 1]));
            let names_class =
                rules.class_named(next).is_some() || rules.class_words.contains_key(*next) || pair || named_second;
            if names_class {
                last = j;
            } else if !matches!(*next, "klasse" | "kl" | "og" | "i" | "på" | "for" | "eller" | "til" | "med") {
                break;
            }
        }
        let phrase = words[first..=last].join(" ");
        let mut classes: Vec<String> = rules.classes_in(&phrase).into_iter().collect();
        if classes.is_empty() {
            classes.push(rules.default_class.clone());
        }
        if words[first..=last].contains(&"eller") {
            classes.truncate(1); // `B eller BE`: the lighter class is enough
        }
        out.criterion(CriterionKind::Certificate, format!("førerkort {}", classes.join(" ")), first);
        out.take(first, last);
        // `bilen er en lett lastebil – førerkort C1 må du ha`: the vehicle named for the class
        // asked is that licence's reason, read with it.
        for j in 0..words.len() {
            if out.used[j] {
                continue;
            }
            let pair = words.get(j + 1).map(|next| format!("{} {next}", words[j]));
            let named = |key: &str| rules.class_words.get(key).is_some_and(|class| classes.contains(class));
            // `bil` and `tungt` name other things too (a car to work on, heavy lifting): they are
            // left to be read as such.
            if pair.as_deref().is_some_and(&named) && !out.used[j + 1] {
                out.take(j, j + 1);
            } else if named(words[j]) && !matches!(words[j], "bil" | "tungt") {
                out.take(j, j);
            }
        }
        i = last + 1;
    }
    // `du må kunne kjøre bil`, `kjøre lastebil`: driving a vehicle asks for its licence — the
    // one named already, if any (`Førerkort C, du må kjøre lastebil`). Driving as part of the
    // work (`kjøre bil i jobben`) is a demand the vocabulary names. A tractor is driven on a
    // farm or a course without one (class T is for public roads): `kjøre traktor` is the skill.
    let named = |out: &Recognised| {
        out.found.iter().any(|f| matches!(f, Found::Criterion { value, .. } if value.starts_with("førerkort")))
    };
    for i in 1..words.len() {
        let driving = matches!(words[i - 1], "kjøre" | "kjører" | "køyre" | "køyrer");
        let Some(class) = rules.vehicle_class(words[i]).filter(|c| driving && !out.used[i] && c.as_str() != "T") else {
            continue;
        };
        if taxonomy.demand(&words[i - 1..].join(" ")).is_some() {
            continue;
        }
        if !named(out) {
            out.criterion(CriterionKind::Certificate, format!("førerkort {class}"), i - 1);
        }
        out.take(i, i);
    }
}

/// Trade qualifications: `fagbrev som industrimekaniker`, `fagbrev i logistikk`,
/// `mesterbrev i malerfaget`, `logistikkfaget`, `tømrerlærling`. The value is the phrase as
/// written; the plan reads the trade and the rung from it.
fn trades(clause: &Clause, words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    let lexicon = taxonomy.analyzer().lexicon();
    for i in 0..words.len() {
        // `autorisasjon som helsefagarbeider`: the authorisation of a trade is its fagbrev; of
        // another profession (`autorisert sykepleier`), the profession says it.
        let education_as = matches!(words[i], "utdanning" | "utdanninga" | "utdanningen" | "utdannelse")
            && words.get(i + 1) == Some(&"som");
        if (education_as || matches!(words[i], "autorisasjon" | "autorisert" | "autorisering" | "utdannet" | "utdanna"))
            && !out.used[i]
        {
            let at = if words.get(i + 1) == Some(&"som") { i + 2 } else { i + 1 };
            if let Some(&named) = words.get(at).filter(|_| !out.used[at]) {
                let as_trade = format!("fagbrev som {named}");
                if taxonomy.knows_trade(&as_trade) {
                    out.criterion(CriterionKind::Education, as_trade, i);
                    // `ferdig utdannet helsefagarbeider`
                    let done = i > 0 && matches!(words[i - 1], "ferdig" | "ferdigutdannet");
                    out.take(if done { i - 1 } else { i }, at);
                } else if matches!(words[i], "utdannet" | "utdanna") {
                    // `utdannet innen helse`: the field, read by the vocabulary.
                } else if words[i].starts_with("utdann")
                    && named.chars().count() > 3
                    && !lexicon.is_stopword(named)
                    && !super::words::GRAMMAR.contains(&named)
                {
                    // `utdanning som apotektekniker`: an education named by what it makes one.
                    out.criterion(CriterionKind::Education, named.to_string(), i);
                    out.take(i, at);
                } else if education_as {
                    // `utdanning som er relevant`: no education named; the vocabulary reads it.
                } else {
                    out.take(i, at - 1);
                }
            }
            continue;
        }
        // `Båtbygger med fagbrev er drømmen`: the trade named before its certificate.
        let with_certificate = i > 0
            && words[i] == "med"
            && words.get(i + 1).is_some_and(|w| matches!(*w, "fagbrev" | "svennebrev"))
            && !out.used[i - 1]
            && !out.used[i + 1];
        if with_certificate {
            let as_trade = format!("fagbrev som {}", words[i - 1]);
            if taxonomy.knows_trade(&as_trade) {
                out.criterion(CriterionKind::Education, as_trade, i - 1);
                out.take(i - 1, i + 1);
                continue;
            }
        }
        if out.used[i] || !taxonomy.is_qualification_word(words[i]) {
            continue;
        }
        // The trade's name follows (`fagbrev som tømrer`), unless the word holds it.
        let mut last = i;
        let mut j = i + 1;
        while j < words.len() && matches!(words[j], "som" | "i" | "innen" | "innenfor" | "fra" | "frå") {
            j += 1;
        }
        // `fagbrev som landbruksmaskinmekaniker, anleggsmaskinmekaniker eller …`: a comma
        // between two words lists trades (a name that goes on past one, `bilfaget, lette
        // kjøretøy`, is taken whole below).
        let written = clause.text.to_lowercase();
        let comma_before =
            |j: usize| j > 0 && j < words.len() && written.contains(&format!("{}, {}", words[j - 1], words[j]));
        let named_from = j;
        while j < words.len() && j <= last + 3 && !out.used[j] && !(j > named_from && comma_before(j)) {
            let word = words[j];
            // `fagbrev som kokk, hygienekurs`: a certificate after the trade is an item of its own.
            let certificate = j > i + 1 && !taxonomy.find(word, &[ConceptKind::Certificate]).is_empty();
            // `Den forrige lærlingen vår`: a person, whose possessive names no trade.
            let possessive = matches!(
                word,
                "vår" | "vårt" | "våre" | "min" | "mitt" | "mine" | "din" | "sin" | "sitt" | "sine" | "hans" | "hennes"
            );
            if lexicon.is_stopword(word)
                || super::words::GRAMMAR.contains(&word)
                || word.parse::<f64>().is_ok()
                || certificate
                || possessive
            {
                break;
            }
            last = j;
            j += 1;
            if taxonomy.is_qualification_word(word) || last > i + 2 {
                break;
            }
        }
        // `fagbrev i barne- og ungdomsarbeiderfaget`: a hyphen that leaves its ending to the next
        // word joins the two into one name.
        while words.get(last + 1) == Some(&"og")
            && last + 2 < words.len()
            && written.contains(&format!("{}- og", words[last]))
        {
            last += 2;
        }
        // A trade's full name goes on past its first word (`fagbrev i bilfaget, lette kjøretøy`),
        // in content words only (`fagbrev som elektriker er et krav` ends at the trade).
        let content = |j: usize| !lexicon.is_stopword(words[j]) && !super::words::GRAMMAR.contains(&words[j]);
        if let Some(longer) = (last + 1..(last + 4).min(words.len()))
            .take_while(|&j| !out.used[j] && !matches!(words[j], "og" | "eller") && content(j))
            .filter(|&j| taxonomy.knows_trade(&words[i..=j].join(" ")))
            .last()
        {
            last = longer;
        }
        // `vi kan ikke ta inn lærlinger nå`: no apprentice is no requirement of its own (the
        // fagbrev asked for stays as strict as it was); the advisor reads the words.
        let negated = words[..i].iter().any(|w| super::words::NOT.contains(w));
        if negated && taxonomy.is_apprentice_word(words[i]) {
            out.add(Found::Note(clause.as_note()));
            out.take(i, last);
            continue;
        }
        let mut phrase = words[i..=last].join(" ");
        let Some(trade) = taxonomy.trade_in(&phrase, None) else { continue };
        // `fagbrev som sveiser eller platearbeider`: either trade, at the same rung; the plan
        // reads the rung from the first.
        // `fagbrev i trelast eller som industrimekaniker`, `… eller i industriell
        // matproduksjon`: the second trade may come with its own `som`/`i`.
        loop {
            let or = words.get(last + 1) == Some(&"eller");
            let from = if or { last + 2 } else { last + 1 };
            if !(or || comma_before(last + 1)) || from >= words.len() || out.used[from] {
                break;
            }
            let joined = usize::from(matches!(words[from], "som" | "i" | "innen"));
            let at = from + joined;
            if at >= words.len() || out.used[at] {
                break;
            }
            // A trade of two words (`industriell matproduksjon`) is taken whole when known, or
            // when its last word names work the vocabulary knows (`… eller industriell
            // matproduksjon`, unknown as a trade, is not a skill of its own).
            let names_work =
                |word: &str| !taxonomy.find(word, &[ConceptKind::Skill, ConceptKind::Occupation]).is_empty();
            // The next `eller` lists a third trade; it is no part of the second's name.
            let two = (at + 1 < words.len() && !out.used[at + 1] && !matches!(words[at + 1], "og" | "eller"))
                .then(|| format!("{} {}", words[at], words[at + 1]))
                .filter(|name| {
                    taxonomy.knows_trade(&format!("fagbrev i {name}"))
                        || (content(at) && !EXPERIENCE_CUES.contains(&words[at]) && names_work(words[at + 1]))
                });
            let width = if two.is_some() { 2 } else { 1 };
            let other_name = two.unwrap_or_else(|| words[at].to_string());
            let other = other_name.as_str();
            let as_trade = format!("fagbrev som {other}");
            // `… eller erfaring fra bygg`, `… eller tilsvarende`: another kind of requirement.
            let not_a_trade = lexicon.is_stopword(other)
                || taxonomy.is_filler(&taxonomy.analyzer().stem(other))
                || EXPERIENCE_CUES.contains(&other)
                || EDUCATION_LEVELS.contains(&other)
                || matches!(other, "tilsvarende" | "tilsvarande" | "lignende" | "liknande" | "annen" | "anna");
            // A trade is named by a word for a tradesperson (`platearbeider`, `servitør`, `kokk`),
            // not an adjective (`lang erfaring`).
            let tradesperson = taxonomy.knows_trade(&as_trade)
                || width == 2
                || (other.chars().count() >= 5
                    && ["er", "ør", "ar", "ist", "kokk", "faget"].iter().any(|e| other.ends_with(e)));
            let names_trade =
                !not_a_trade && tradesperson && taxonomy.trade_in(&as_trade, None).is_some_and(|t| t.key != trade.key);
            if !names_trade {
                break;
            }
            phrase = format!("{phrase} eller {other}");
            last = at + width - 1;
        }
        out.criterion(CriterionKind::Education, phrase, i);
        out.take(i, last);
        // `fagbrev som kokk eller lang erfaring fra storkjøkken`: either a trade or experience,
        // which one criterion cannot say. The fagbrev stays a must-have (never weaker than
        // asked); the advisor reads the alternative and decides.
        let experience_instead = words.get(last + 1) == Some(&"eller")
            && (last + 2..(last + 5).min(words.len())).any(|j| EXPERIENCE_CUES.contains(&words[j]));
        if experience_instead {
            out.add(Found::Note(format!(
                "{} (erfaring i stedet for fagbrev er ikke tatt med: vurder selv)",
                clause.as_note()
            )));
            let end = (last + 2..(last + 9).min(words.len())).take_while(|&j| !out.used[j]).last().unwrap_or(last + 1);
            out.take(last + 1, end);
        }
    }
}

fn trucks(words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    let rules = taxonomy.truck();
    for (i, word) in words.iter().enumerate() {
        if out.used[i] || !rules.words.iter().any(|w| w == word) {
            continue;
        }
        // The classes that follow: `T4`, `T1 og T4`, a range `T1-T4` (split into `t1 t4` here,
        // so the range is read from the words' own text).
        let mut last = i;
        for (j, next) in words.iter().enumerate().skip(i + 1).take(6) {
            let is_class = |w: &str| rules.classes.iter().any(|c| c.eq_ignore_ascii_case(w));
            // `for motvektstruck (T4)`: the kind of truck the class is named by.
            let kind_of_truck = words[j - 1] == "for" && words.get(j + 1).is_some_and(|w| is_class(w));
            if is_class(next) {
                last = j;
            } else if !kind_of_truck
                && !matches!(*next, "og" | "klasse" | "klassene" | "eller" | "til" | "for" | "minst" | "min")
            {
                break;
            }
        }
        // `truckførerbevis, minst T1`: the least class asked is the class asked.
        let named: Vec<&str> = words[i..=last].iter().filter(|w| !matches!(**w, "minst" | "min")).copied().collect();
        let span = named.join(" ");
        let range = if named.len() > 1 && named.iter().all(|w| !matches!(*w, "og" | "eller")) {
            // `t1 t4` from `T1-T4`: a range of its ends.
            span.replacen(&format!(" {}", words[last]), &format!("-{}", words[last]), 1)
        } else {
            span
        };
        let mut classes: Vec<String> = rules.classes_in(&range).unwrap_or_default().into_iter().collect();
        // `Truck må du ha, T4`: a class said later in the clause, alone, is the truck's.
        let is_class = |w: &str| rules.classes.iter().any(|c| c.eq_ignore_ascii_case(w));
        // Not one wished for beyond it (`truckførerbevis, helst T4`).
        let softened =
            |j: usize| words[j.saturating_sub(2)..j].iter().any(|w| super::words::SOFTENS_WHAT_FOLLOWS.contains(w));
        let later = (last + 1..words.len()).find(|&j| !out.used[j] && is_class(words[j]) && !softened(j));
        if let (true, Some(j)) = (classes.is_empty(), later) {
            // `Truckpapirene må være i orden – T1 til T4`: a range said later is read whole.
            let to =
                (words.get(j + 1) == Some(&"til") && words.get(j + 2).is_some_and(|w| is_class(w))).then_some(j + 2);
            match to.and_then(|to| rules.classes_in(&format!("truckførerbevis {}-{}", words[j], words[to]))) {
                Some(range) => classes.extend(range),
                None => classes.push(words[j].to_uppercase()),
            }
            out.take(j, to.unwrap_or(j));
        }
        let value = if classes.is_empty() {
            "truckførerbevis".to_string()
        } else {
            format!("truckførerbevis {}", classes.join(" "))
        };
        out.criterion(CriterionKind::Certificate, value, i);
        out.take(i, last);
    }
    // `T2 holder`: a class said to be enough, with no truck named, is the truck's class asked.
    for i in 0..words.len().saturating_sub(1) {
        let is_class = rules.classes.iter().any(|c| c.eq_ignore_ascii_case(words[i]));
        if is_class && !out.used[i] && super::words::SUFFICES.contains(&words[i + 1]) {
            out.criterion(CriterionKind::Certificate, format!("truckførerbevis {}", words[i].to_uppercase()), i);
            out.take(i, i + 1);
        }
    }
}

/// `truckførerbevis, helst T4`, `førerkort, helst klasse C`: a class wished for beyond the
/// certificate required. It stays a wish of its own (the draft makes what follows a softener
/// adjustable), and the certificate before it a must-have.
fn softened_classes(words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    let placed = |prefix: &str| {
        out.found.iter().any(|f| matches!(f, Found::Criterion { kind: CriterionKind::Certificate, value, .. } if value.starts_with(prefix)))
    };
    let (truck, licence) = (placed("truckførerbevis"), placed("førerkort"));
    for i in 0..words.len() {
        if !super::words::SOFTENS_WHAT_FOLLOWS.contains(&words[i]) {
            continue;
        }
        let at = if words.get(i + 1).is_some_and(|w| matches!(*w, "klasse" | "kl")) { i + 2 } else { i + 1 };
        let Some(&class) = words.get(at) else { continue };
        if out.used[at] {
            continue;
        }
        let truck_class = taxonomy.truck().classes.iter().find(|c| c.eq_ignore_ascii_case(class));
        let licence_class = taxonomy.licences().class_named(class);
        let value = match (truck_class, licence_class) {
            (Some(c), _) if truck => format!("truckførerbevis {}", c.to_uppercase()),
            (_, Some(c)) if licence => format!("førerkort {c}"),
            _ => continue,
        };
        out.criterion(CriterionKind::Certificate, value, at);
        out.take(i + 1, at);
    }
}

/// What one stands on that makes it work at height (`står du på stige`, `på taket`).
const HEIGHTS: &[&str] = &["stige", "tak", "stillas", "lift"];

/// What a form of «stå» or «gå» says where it is not standing work.
enum StandingIdiom {
    /// `står selv på ski` (skiing), `T4-en står mest i ro` (a thing standing idle), `gå om bord`
    /// (said of no length of time).
    NoStanding,
    /// `du må vær rask og stå på`: «stå på» with nothing after it is to work hard.
    WorksHard,
}

fn standing_idiom(words: &[&str], at: usize) -> Option<StandingIdiom> {
    let stands = matches!(words[at], "står" | "stå" | "sto" | "stod");
    if !stands && !matches!(words[at], "gå" | "går" | "gikk") {
        return None;
    }
    let next: Vec<&str> = words.iter().skip(at + 1).take(3).copied().collect();
    let sport = |w: &str| matches!(w, "ski" | "snowboard" | "skøyter" | "slalåm" | "langrenn" | "brett" | "rulleski");
    let on_skis = next.windows(2).any(|w| w[0] == "på" && sport(w[1]));
    // `uten bil står du igjen på fortauet`: left behind, not standing work.
    let idle = next.windows(2).any(|w| w == ["i", "ro"]) || next.iter().take(2).any(|w| *w == "igjen");
    // `uten at noen står over deg`: someone else standing, or standing over the candidate, is
    // no standing work of theirs.
    let someone_else = at > 0 && matches!(words[at - 1], "noen" | "nokon" | "ingen" | "andre" | "sjefen" | "folk")
        || next.first() == Some(&"over");
    // `Står du gjerne opp klokka fem?`: getting up is no standing work.
    let gets_up = next.iter().position(|w| *w == "opp").is_some_and(|up| {
        next[..up].iter().all(|w| matches!(*w, "du" | "dere" | "man" | "gjerne" | "tidlig" | "tidleg"))
    });
    let clause_goes_on = |w: &str| matches!(w, "og" | "eller" | "når" | "så" | "vi" | "me" | "det" | "du");
    let works_hard = matches!(words[at], "står" | "stå")
        && next.first() == Some(&"på")
        && next.get(1).is_none_or(|w| clause_goes_on(w));
    // `står du på stige eller på et tak`: where one stands is the height, not standing work.
    let up_high = |w: &str| HEIGHTS.iter().any(|h| w.starts_with(h));
    let on_high = next.windows(2).any(|w| w[0] == "på" && up_high(w[1])) || next.get(2).is_some_and(|w| up_high(w));
    // `før du kan gå om bord`: walking is standing work only when said to last (`går hele
    // dagen`; `går mye` is read by `walking`) or to be borne (`tåle å gå`).
    let lasts = |w: &str| {
        matches!(w, "mye" | "lenge" | "hele" | "heile" | "langt" | "masse" | "dagen" | "timer" | "skritt" | "mil")
    };
    let borne = |w: &str| TOLERATE.contains(&w) || matches!(w, "tolar" | "klare" | "klarer" | "orke" | "orker");
    let said_to_last =
        words[at + 1..].iter().any(|w| lasts(w)) || words[at.saturating_sub(3)..at].iter().any(|w| borne(w));
    if stands && works_hard {
        Some(StandingIdiom::WorksHard)
    } else if (stands && (on_skis || idle || on_high || gets_up || someone_else)) || (!stands && !said_to_last) {
        Some(StandingIdiom::NoStanding)
    } else {
        None
    }
}

/// The criterion kind a concept gives in this clause, from the concept and the words before it.
fn kind_for(concept: ConceptKind, cues_before: &[&str]) -> CriterionKind {
    let has = |list: &[&str]| cues_before.iter().any(|w| list.contains(w));
    let workable = matches!(concept, ConceptKind::Occupation | ConceptKind::Skill | ConceptKind::Theme);
    match concept {
        _ if workable && has(INTEREST_CUES) => CriterionKind::Interest,
        _ if workable && has(FAGBREV_CUES) => CriterionKind::Education,
        _ if workable && has(EXPERIENCE_CUES) => CriterionKind::Experience,
        ConceptKind::Theme => CriterionKind::Interest,
        ConceptKind::Quality => CriterionKind::Quality,
        ConceptKind::Certificate => CriterionKind::Certificate,
        ConceptKind::Education => CriterionKind::Education,
        ConceptKind::Language => CriterionKind::Language,
        ConceptKind::Demand => CriterionKind::Demand,
        ConceptKind::Occupation => CriterionKind::Occupation,
        ConceptKind::Skill => CriterionKind::Skill,
    }
}

/// `ikke høydeskrekk`: a limit a candidate must not have is the demand that limit rules out (a
/// candidate's adaptation need, read from the employer's side), as the vocabulary pairs them.
/// Read after the vocabulary, which places a limit said with the demand's own words (`ikke redd
/// for høyder`).
fn not_having(words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    for i in 0..words.len() {
        if !matches!(words[i], "ikke" | "ikkje") || out.used[i] {
            continue;
        }
        let frame = ["være", "vere", "ha", "noen", "nokon", "med", "lide", "av"];
        let from = (i + 1..words.len()).find(|&j| !frame.contains(&words[j])).unwrap_or(words.len());
        let Some((demand, end)) = limit_named(words, from, words.len(), taxonomy, out) else { continue };
        let Some(label) = taxonomy.concept(demand).labels.first() else { continue };
        out.criterion(CriterionKind::Demand, label.clone(), i);
        out.take(i, end - 1);
    }
}

/// The fewest words from `from`, before `end` and not yet used, that name a limit a candidate
/// may have (`høydeskrekk`, `redd for hund`): the demand it rules out, and where the words end.
fn limit_named(
    words: &[&str],
    from: usize,
    end: usize,
    taxonomy: &Taxonomy,
    out: &Recognised,
) -> Option<(ConceptId, usize)> {
    const LIMIT_WORDS: usize = 4;
    (from + 1..=end.min(from + LIMIT_WORDS))
        .take_while(|&to| !out.used[to - 1])
        .find_map(|to| taxonomy.demand_for_need(&words[from..to].join(" ")).map(|demand| (demand, to)))
}

/// Words that say a candidate must bear what follows (`tåle å jobbe ute i all slags vær`).
const TOLERATE: &[&str] = &["tåle", "tåler", "tole", "toler", "takle", "takler", "tåla"];
/// The same, told of someone before (`han som ikke tålte høy musikk, varte én kveld`): borne or
/// not, what they met is what the job demands.
const TOLERATED_ONCE: &[&str] = &["tålte", "tolte", "tålde", "taklet", "takla"];

/// `kjemikaliene tåles ikke av alle`, `støyen toles ikkje av alle`: what not everyone bears,
/// said in the passive, is what the job demands of whoever takes it.
fn not_borne_by_all(words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    for i in 1..words.len().saturating_sub(1) {
        let passive = matches!(words[i], "tåles" | "tålast" | "toles" | "tolast");
        if !passive || out.used[i] || out.used[i - 1] || !super::words::NOT.contains(&words[i + 1]) {
            continue;
        }
        if taxonomy.find(words[i - 1], &[ConceptKind::Demand]).is_empty() {
            continue;
        }
        out.criterion(CriterionKind::Demand, words[i - 1].to_string(), i - 1);
        let by_all = words.get(i + 2..i + 4) == Some(&["av", "alle"][..]);
        out.take(i - 1, if by_all { i + 3 } else { i + 1 });
    }
}

/// What a candidate must tolerate is a demand, even where its words also name an interest:
/// `tåle å jobbe ute på merdene i all slags vær` is work outside in all weather, not a liking
/// for the outdoors. The phrase runs from the cue to the end of the demand it names.
fn tolerated(clause: &Clause, words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    for i in 0..words.len() {
        // `Tåler du ikke dyr, blir det ingenting av`: not bearing it turns one away, so it is
        // borne.
        let turned_away = clause.turned_away.as_ref().is_some_and(|turned| turned.condition.contains(&i));
        // `har ikke noe imot å løfte`, `kan ikkje ha noko i vegen for å jobbe alene`: to mind
        // nothing is to bear it; the idiom opens at its negation.
        let idiom = minds_nothing(words, i);
        let told = TOLERATED_ONCE.contains(&words[i]);
        let negated = idiom.is_none()
            && !turned_away
            && !told
            && words[i.saturating_sub(2)..i].iter().any(|w| super::words::NOT.contains(w));
        if !(TOLERATE.contains(&words[i]) || told || idiom.is_some()) || out.used[i] || negated {
            continue;
        }
        // `tåle å jobbe ute`, `tåle at det er varmt`: what is borne starts after the frame.
        let frame = ["å", "at", "det", "er", "blir", "kan", "være", "vere"];
        let asked = |w: &str| {
            (turned_away && matches!(w, "du" | "dere")) || ((turned_away || told) && super::words::NOT.contains(&w))
        };
        let from =
            (i + 1..words.len()).find(|&j| !frame.contains(&words[j]) && !asked(words[j])).unwrap_or(words.len());
        if from >= words.len() {
            continue;
        }
        let end_of = |joined: bool| {
            (from..words.len().min(from + 8))
                // `tåle kulda, det e kaldt i slakteriet`: what is borne ends where a statement starts.
                .take_while(|&j| clause.context_from.is_none_or(|context| context <= from || j < context))
                .take_while(|&j| !out.used[j] && (joined || !matches!(words[j], "og" | "eller")))
                // `tåle kulde, så du må ha gode klær`: a new clause says something else.
                .take_while(|&j| !matches!(words[j], "så" | "du" | "vi" | "men" | "fordi" | "når" | "dersom" | "hvis"))
                .last()
                .map_or(from, |last| last + 1)
        };
        // The longest demand named by its own words (`kulde og fukt`, `stå i stige`) …
        let phrase = |end: usize| words[from..end].join(" ");
        let lexicon = taxonomy.analyzer().lexicon();
        let ends_in_content = |end: usize| {
            let last = words[end - 1];
            !lexicon.is_stopword(last) && !taxonomy.is_filler(&taxonomy.analyzer().stem(last))
        };
        let named = (from + 1..=end_of(true))
            .rev()
            .filter(|&end| ends_in_content(end))
            .find(|&end| !taxonomy.find(&phrase(end), &[ConceptKind::Demand]).is_empty());
        // … and on to the end of the phrase around it (`jobbe ute på merdene i all slags vær`
        // holds more than `jobbe ute`).
        let held = (from + 1..=end_of(false))
            .rev()
            .filter(|&end| !lexicon.is_stopword(words[end - 1]))
            .find(|&end| taxonomy.demand(&phrase(end)).is_some());
        // Past the demand named only where another is named (`tunge løft hver dag` is `tunge
        // løft`).
        let to = match (named, held) {
            (Some(named), Some(held)) if held > named && taxonomy.demand(&words[named..held].join(" ")).is_some() => {
                held
            }
            (Some(named), _) => named,
            (None, Some(held)) => held,
            // `tåle dyr`: what is borne, named alone, is the demand that bears it.
            (None, None) => match (from + 1..=end_of(false).min(from + 2))
                .rev()
                .filter(|&end| ends_in_content(end))
                .find(|&end| taxonomy.demand_borne(&phrase(end)).is_some())
            {
                Some(borne) => borne,
                None => continue,
            },
        };
        let limit = end_of(true);
        // `tåle varme, støy og …` (the comma is gone by now): each word a demand of its own is
        // one demand each.
        let each = &words[from..to];
        if each.len() > 1 && each.iter().all(|w| !taxonomy.find(w, &[ConceptKind::Demand]).is_empty()) {
            for (offset, word) in each.iter().enumerate() {
                out.criterion(CriterionKind::Demand, word.to_string(), from + offset);
            }
        } else {
            out.criterion(CriterionKind::Demand, each.join(" "), from);
        }
        // `tåle at det blir varmt i produksjonslokalet`: where it is borne belongs to it too.
        let mut next = held.unwrap_or(to).max(to);
        out.take(idiom.unwrap_or(i), next - 1);
        // `tåler støv, løsemidler og arbeid i høyden`: the list goes on, a demand to an item.
        loop {
            let start = (next..limit).find(|&j| !matches!(words[j], "og" | "eller" | "å")).unwrap_or(limit);
            // An item opens with what is borne (`kunne jobbe i kalde lokaler` is for the
            // vocabulary to read whole).
            if start >= limit || lexicon.is_stopword(words[start]) {
                break;
            }
            let opens = !taxonomy.is_filler(&taxonomy.analyzer().stem(words[start]));
            let exactly = |end: usize| {
                let stems = taxonomy.analyzer().stems(&words[start..end].join(" "));
                !taxonomy.find_stems(&stems, &[ConceptKind::Demand]).is_empty()
            };
            let item = (start + 1..=limit).rev().filter(|&end| ends_in_content(end)).find(|&end| {
                exactly(end)
                    || (opens && !taxonomy.find(&words[start..end].join(" "), &[ConceptKind::Demand]).is_empty())
            });
            let Some(end) = item else { break };
            out.criterion(CriterionKind::Demand, words[start..end].join(" "), start);
            out.take(start, end - 1);
            next = end;
        }
    }
}

/// Where `ikke noe imot` / `ikkje noko i vegen for` starts, when it ends at `words[i]`.
fn minds_nothing(words: &[&str], i: usize) -> Option<usize> {
    // `ikke noe`, `ikke ha noe`: where the negation stands before `noe` at `j`.
    let not_before = |j: usize| match j.checked_sub(1).map(|k| words[k]) {
        Some("ikke" | "ikkje") => Some(j - 1),
        Some("ha") if j >= 2 && matches!(words[j - 2], "ikke" | "ikkje") => Some(j - 2),
        _ => None,
    };
    let nothing = |j: usize| matches!(words[j], "noe" | "noko" | "noen");
    match words[i] {
        "imot" if i >= 1 && nothing(i - 1) => not_before(i - 1),
        "for" if i >= 3 && matches!(words[i - 1], "veien" | "vegen") && words[i - 2] == "i" && nothing(i - 3) => {
            not_before(i - 3)
        }
        _ => None,
    }
}

/// `sikkerhetskurs`, `sveisesertifikat`: a course or a certificate the vocabulary does not know
/// is still one, in the employer's word (profiles meet it by its subject, see
/// [`Taxonomy::course_subjects`]). An attest (`politiattest`) is a paper anyone orders once
/// hired, not a qualification: it is left for the advisor to read.
fn courses(words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    for i in 0..words.len() {
        let not_a_course = words[i].contains("attest") || words[i] == "konkurs";
        if out.used[i] || not_a_course || taxonomy.course_subjects(words[i]).is_empty() {
            continue;
        }
        let qualified = i > 0
            && !out.used[i - 1]
            && matches!(words[i - 1], "grunnleggende" | "grunnleggjande" | "godkjent" | "godkjend" | "gyldig");
        let first = if qualified { i - 1 } else { i };
        out.criterion(CriterionKind::Certificate, words[first..=i].join(" "), first);
        out.take(first, i);
    }
}

/// Levels of schooling, which no profile field holds.
const EDUCATION_LEVELS: &[&str] = &[
    "videregående",
    "vgs",
    "grunnskole",
    "fagskole",
    "høyskole",
    "høgskole",
    "universitet",
    "bachelor",
    "bachelorgrad",
    "master",
    "mastergrad",
    "studiekompetanse",
];

/// Years of experience asked for in the clause (`minst 2 års erfaring`).
fn years_asked(words: &[&str]) -> Option<f32> {
    // `minst 2 års erfaring`, and `erfaring fra betongarbeid, minst ett år` (a number of years
    // no age could be: an age is refused before this is read).
    // `fra 2 til 5 års erfaring`, `2-5 års erfaring`: the lower end is what is asked.
    let range = words.windows(5).find_map(|w| match w {
        ["fra" | "frå", low, "til", _, "år" | "års"] => low.parse::<f32>().ok(),
        _ => None,
    });
    let said = words.windows(3).find_map(|w| match w {
        [n, "år" | "års", "erfaring" | "praksis"] => n.parse::<f32>().ok(),
        _ => None,
    });
    range.or(said).or_else(|| {
        words.windows(3).find_map(|w| match w {
            ["minst" | "minimum" | "over", n, "år" | "års"] => n.parse::<f32>().ok().filter(|years| *years <= 15.0),
            _ => None,
        })
    })
}

fn vocabulary(clause: &Clause, taxonomy: &Taxonomy, out: &mut Recognised) {
    let words: Vec<&str> = clause.words.iter().map(|w| w.text.as_str()).collect();
    let lexicon = taxonomy.analyzer().lexicon();
    // Content words (not function words) with their positions.
    let content: Vec<usize> = (0..words.len()).filter(|&i| !lexicon.is_stopword(words[i])).collect();
    let all_kinds = [
        ConceptKind::Demand,
        ConceptKind::Certificate,
        ConceptKind::Education,
        ConceptKind::Occupation,
        ConceptKind::Skill,
        ConceptKind::Theme,
        ConceptKind::Quality,
    ];
    let years = years_asked(&words);
    // `Førerkort B er et must`: the words that frame a requirement are never what is required,
    // whatever a long list of titles holds.
    let frame = |w: &str| super::words::MUST_MARKERS.contains(&w) || super::words::SOFTENERS.contains(&w);
    for length in (1..=MAX_PHRASE_WORDS).rev() {
        for window in content.windows(length) {
            // `Helg må du jobbe, det er da folk kommer`: a phrase is not put together from words
            // three or more function words apart (`jobbe … folk` is no `jobbe med folk`).
            let apart = window.windows(2).any(|pair| pair[1] - pair[0] > 3);
            if apart || window.iter().any(|&i| out.used[i]) {
                continue;
            }
            let stems: Vec<String> = window.iter().map(|&i| clause.words[i].stem.clone()).collect();
            if length == 1 && taxonomy.is_filler(&stems[0]) {
                continue;
            }
            if length == 1 && (frame(words[window[0]]) || super::words::LOADS.contains(&words[window[0]])) {
                continue;
            }
            // `videregående skole`, `bachelor i sykepleie`: a level of schooling, which profiles
            // do not hold, is left for the warning — its last word is no workplace or subject.
            let level_before = window[0].checked_sub(1).is_some_and(|i| EDUCATION_LEVELS.contains(&words[i]));
            if level_before || window.iter().any(|&i| EDUCATION_LEVELS.contains(&words[i])) {
                continue;
            }
            let found = taxonomy.find_stems(&stems, &all_kinds);
            let (first, mut last) = (window[0], window[length - 1]);
            let cues: Vec<&str> = (first.saturating_sub(4)..first)
                .filter(|&at| !the_work(&words, at))
                .map(|at| if stood_in(&words, at) { "jobbet" } else { words[at] })
                .collect();
            // `vi jobber ute i all slags vær`: words that name both a demand of the job and a
            // theme one may like are the demand, unless a cue asks for the liking (`liker å
            // jobbe ute`) or the experience.
            let cued = cues.iter().any(|w| [EXPERIENCE_CUES, INTEREST_CUES, SKILL_CUES].iter().any(|l| l.contains(w)));
            let demand = found.iter().find(|&&id| taxonomy.concept(id).kind == ConceptKind::Demand);
            // `Arbeid i høyden hver dag`: words that name both a demand and the course for it are
            // the work itself, unless the clause asks for the course (`må ha`, `kurs i`, `bevis`).
            let course_asked = cues.iter().any(|w| matches!(*w, "ha" | "har" | "gyldig" | "godkjent"))
                || words.iter().any(|w| ["kurs", "bevis", "sertifikat"].iter().any(|c| w.contains(c)));
            let beside_demand = |kind: ConceptKind| {
                matches!(kind, ConceptKind::Demand | ConceptKind::Theme)
                    || (kind == ConceptKind::Certificate && demand.is_some() && !course_asked)
            };
            let only_themes_beside = found.iter().all(|&id| beside_demand(taxonomy.concept(id).kind));
            let chosen = if cued || !only_themes_beside {
                found.iter().find(|&&id| taxonomy.concept(id).kind != ConceptKind::Demand).or(found.first())
            } else {
                demand.or(found.first())
            };
            let Some(&concept) = chosen else { continue };
            // `det er positivt om du …`: a word that softens what follows, not a quality asked for.
            let predicative = first > 0
                && words[first - 1] == "er"
                && words.get(last + 1).is_some_and(|w| matches!(*w, "om" | "at" | "med" | "hvis" | "dersom"));
            // `folk som er nøye med detaljene`, `du er nøye med …`: said of a person, it is.
            let of_a_person = first >= 2 && matches!(words[first - 2], "du" | "dere" | "som" | "man" | "de" | "dei");
            // `praktisk erfaring`: a quality word before experience says what kind it is.
            let of_experience = words.get(last + 1).is_some_and(|w| matches!(*w, "erfaring" | "bakgrunn"));
            if ((predicative && !of_a_person) || of_experience)
                && taxonomy.concept(concept).kind == ConceptKind::Quality
            {
                out.take(first, last);
                continue;
            }
            let mut kind = kind_for(taxonomy.concept(concept).kind, &cues);
            // `Vi bygger båter`, `vi baker alt selv`: right after a pronoun that opens a clause
            // stands its verb, whatever noun it also spells. `Bakeriet vårt trenger deg`: the
            // employer's own place, named with a possessive, is asked of nobody.
            // `Det andre er kveldsskiftet – vi slakter …`: a dash, a colon or a comma opens a
            // clause too.
            let opens = |at: usize| {
                at == 0
                    || matches!(words[at - 1], "og" | "men" | "så" | "fordi" | "at" | "der")
                    || clause.breaks.iter().any(|&(after, _)| after == at)
            };
            let pronoun = |w: &str| matches!(w, "vi" | "me" | "jeg" | "eg" | "du" | "de" | "dei" | "dere" | "dykk");
            let place_word = |at: usize| {
                matches!(words[at], "fra" | "frå" | "på" | "i" | "som" | "med" | "av" | "til" | "ved" | "hos")
            };
            // `Baker du brød hjemme?`: a question opens with its verb. `vaflene og lefsene lager
            // vi selv`, `kassa lærer du på en dag`, `det lærer man fort`: with the object first,
            // the verb stands right before its pronoun.
            let verb_of_subject = first == last
                && ((first > 0 && pronoun(words[first - 1]) && opens(first - 1))
                    || (first == 0 && words.get(1).is_some_and(|w| matches!(*w, "du" | "dere" | "dykk")))
                    || (first > 0
                        && !place_word(first - 1)
                        && words.get(first + 1).is_some_and(|w| matches!(*w, "vi" | "me" | "du" | "dere" | "man"))));
            // `terminalen går fra ti om kvelden`: a place named as the subject of how it runs.
            let runs = |w: &str| matches!(w, "går" | "holder" | "ligger" | "stenger" | "åpner" | "åpnar");
            let ours = first == last
                && super::clauses::definite_noun(words[first])
                && words.get(last + 1).is_some_and(|w| matches!(*w, "vår" | "vårt" | "våre" | "vores") || runs(w));
            match standing_idiom(&words, first).filter(|_| first == last && kind == CriterionKind::Demand) {
                Some(StandingIdiom::NoStanding) => {
                    out.take(first, first);
                    continue;
                }
                Some(StandingIdiom::WorksHard) => {
                    out.criterion(CriterionKind::Quality, "stå-på-vilje".to_string(), first);
                    out.take(first, first + 1);
                    continue;
                }
                None => {}
            }
            // `en som baker hjemme for moro skyld`: a trade's word right after `som`, done at home
            // or in free time, is the verb of a pastime — a liking, not the trade.
            let at_home = |w: &str| matches!(w, "hjemme" | "heime" | "fritida" | "fritiden");
            let pastime = first == last
                && first > 0
                && words[first - 1] == "som"
                && kind == CriterionKind::Occupation
                && (words.get(last + 1).is_some_and(|w| at_home(w))
                    || words.get(last + 1..last + 3).is_some_and(|w| w[0] == "på" && at_home(w[1])));
            if pastime {
                out.criterion(CriterionKind::Interest, words[first].to_string(), first);
                out.take(first, last + 1);
                continue;
            }
            if (verb_of_subject || ours) && matches!(kind, CriterionKind::Occupation | CriterionKind::Experience) {
                out.take(first, if ours { last + 1 } else { last });
                continue;
            }
            // `reparere sykler`, `stelle hester`: doing something to a theme is a skill asked for,
            // not a liking for it.
            let doing =
                first.checked_sub(1).filter(|&verb| !out.used[verb] && ACTIVITY_VERBS.contains(&words[verb]) && !cued);
            if let (Some(verb), ConceptKind::Theme) = (doing, taxonomy.concept(concept).kind) {
                kind = CriterionKind::Skill;
                out.add(Found::Criterion {
                    kind,
                    value: words[verb..=last].join(" "),
                    min_level: None,
                    min_years: None,
                    at: verb,
                });
                out.take(verb, last);
                continue;
            }
            // `løfter kasser`, `bære varer`: what is carried is part of the demand, not a skill.
            let carried = first > 0
                && CARRYING_VERBS.contains(&words[first - 1])
                && !cued
                && taxonomy.concept(concept).kind != ConceptKind::Demand;
            if carried {
                out.take(first, last);
                continue;
            }
            // `tåle å jobbe ute og i kaldt verksted`: where a demand is borne is no workplace
            // asked for; nor is the job's own place, named in the definite (`Truck brukes på
            // lageret`).
            let place = |at: usize| matches!(words[at], "i" | "på");
            let the_place = first == last
                && super::clauses::definite_noun(words[first])
                && matches!(kind, CriterionKind::Occupation | CriterionKind::Experience);
            let where_borne = first > 0
                && (place(first - 1) || (first > 1 && out.used[first - 1] && place(first - 2)))
                && !cued
                && matches!(kind, CriterionKind::Occupation | CriterionKind::Experience | CriterionKind::Interest)
                && (the_place
                    || out.found.iter().any(|f| matches!(f, Found::Criterion { kind: CriterionKind::Demand, .. })));
            if where_borne {
                out.take(first, last);
                continue;
            }
            // A certificate's class follows it (`kranførerbevis G4`, `maskinførerbevis for
            // gravemaskin (M2)`): part of what is asked.
            let mut surface = words[first..=last].join(" ");
            if kind == CriterionKind::Certificate {
                let class_at =
                    |at: usize| words.get(at).is_some_and(|w| crate::taxonomy::is_class_code(w)) && !out.used[at];
                let machine = words.get(last + 1) == Some(&"for") && !out.used.get(last + 2).copied().unwrap_or(true);
                let class = if class_at(last + 1) {
                    Some(last + 1)
                } else {
                    (machine && class_at(last + 3)).then_some(last + 3)
                };
                if let Some(class) = class {
                    surface = format!("{surface} {}", words[class]);
                    last = class;
                }
                // `kurs i førstehjelp`: the course word before what it is in.
                if first >= 2 && matches!(words[first - 1], "i" | "om") && words[first - 2].ends_with("kurs") {
                    out.take(first - 2, first - 1);
                }
            }
            let value = if kind == CriterionKind::Education && cues.iter().any(|w| FAGBREV_CUES.contains(w)) {
                format!("fagbrev {surface}")
            } else {
                surface
            };
            let min_years = (kind == CriterionKind::Experience).then_some(years).flatten();
            out.add(Found::Criterion { kind, value, min_level: None, min_years, at: first });
            out.take(first, last);
            // `tålmodig med engstelige pasienter`: whom a quality is shown to says no more.
            if kind == CriterionKind::Quality
                && words.get(last + 1).is_some_and(|w| matches!(*w, "med" | "mot" | "overfor"))
            {
                let whom = (last + 2..words.len().min(last + 5))
                    .take_while(|&j| !out.used[j] && !matches!(words[j], "og" | "eller"))
                    .last();
                // `tålmodighet med folk som ikke er vant til teknikk`: a relative clause says more
                // of whom, to the clause's end.
                let relative = whom.is_some_and(|end| words[last + 2..=end].contains(&"som"));
                let whom = if relative { (last + 2..words.len()).take_while(|&j| !out.used[j]).last() } else { whom };
                if let Some(end) = whom {
                    out.take(last + 1, end);
                }
            }
            // The cue words belong to this criterion too.
            for (offset, cue) in cues.iter().enumerate().rev() {
                let at = first - cues.len() + offset;
                let cue_word =
                    [EXPERIENCE_CUES, INTEREST_CUES, FAGBREV_CUES, SKILL_CUES].iter().any(|list| list.contains(cue));
                if cue_word {
                    out.take(at, at);
                }
            }
        }
    }
}

fn typos(clause: &Clause, taxonomy: &Taxonomy, out: &mut Recognised) {
    let words: Vec<&str> = clause.words.iter().map(|w| w.text.as_str()).collect();
    let lexicon = taxonomy.analyzer().lexicon();
    for (i, word) in words.iter().enumerate() {
        // A word the lexicon knows as written, or a season, is spelt right (`vinteren` is no
        // `binder`, however many titles there are to be near).
        // So is a verb's present or past of a lemma it knows (`snakkar` of `snakke`, nynorsk, is
        // no misspelt `snekkar`).
        let inflected = ["ar", "er", "a", "te", "de"].iter().any(|ending| {
            word.strip_suffix(ending)
                .filter(|base| base.chars().count() >= 3)
                .is_some_and(|base| lexicon.is_lemma(&format!("{base}e")))
        });
        let known = lexicon.is_lemma(word) || lexicon.normal_form(word).is_some() || inflected;
        let common = super::words::GRAMMAR.contains(word)
            || super::words::LOADS.contains(word)
            || super::words::SEASONS.contains(word)
            || known
            || taxonomy.is_filler(&clause.words[i].stem)
            || super::words::never_misspelt(word);
        if out.used[i] || common || word.chars().count() < crate::analysis::typo::MIN_TYPO_CHARS {
            continue;
        }
        let kinds = [
            ConceptKind::Occupation,
            ConceptKind::Skill,
            ConceptKind::Certificate,
            ConceptKind::Theme,
            ConceptKind::Quality,
        ];
        let found = taxonomy.find_by_typo(word, &kinds);
        if let Some(&concept) = found.first() {
            let cues: Vec<&str> = words[i.saturating_sub(4)..i].to_vec();
            let kind = kind_for(taxonomy.concept(concept).kind, &cues);
            let value = taxonomy.concept(concept).labels.first().cloned().unwrap_or_else(|| word.to_string());
            let min_years = (kind == CriterionKind::Experience).then(|| years_asked(&words)).flatten();
            out.add(Found::Criterion { kind, value, min_level: None, min_years, at: i });
            out.take(i, i);
        }
    }
}
