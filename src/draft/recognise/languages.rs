//! Languages and the level asked for, as employers put it (`godt norsk`, `B1`, `godt nok til å
//! hjelpe kunder`, `behersker norsk muntlig og skriftlig`).

use super::{Found, Recognised};
use crate::draft::words::{SERVED, perfection_waived};
use crate::model::{CriterionKind, LanguageLevel};
use crate::taxonomy::Taxonomy;

/// Language-level words: explicit CEFR codes, NAV's scale, and how employers put it.
fn level_word(words: &[&str], j: usize) -> Option<(LanguageLevel, usize)> {
    use LanguageLevel::*;
    let word = words[j];
    let next = words.get(j + 1).copied().unwrap_or_default();
    // `det treng ikkje vere perfekt`: no level is asked by saying which one is not.
    if perfection_waived(words, j) {
        return None;
    }
    if let Ok(level) = word.parse::<LanguageLevel>() {
        if word.len() == 2 || matches!(word, "nybegynner" | "førstespråk" | "morsmål") {
            return Some((level, 1));
        }
    }
    Some(match (word, next) {
        ("veldig" | "svært" | "meget" | "særdeles", "god" | "godt" | "gode") => (C1, 2),
        ("god" | "godt" | "gode", "nok") => (A2, 2),
        ("ganske" | "rimelig" | "nokså", "god" | "godt" | "gode") => (B2, 2),
        // `norsk på høyt nivå`, as `godt norsk`.
        ("høyt" | "høgt", "nivå") => (B2, 2),
        // `engelsk på et profesjonelt nivå`: CEFR's B2 is the level of professional work.
        ("profesjonelt" | "profesjonell" | "profesjonelle", "nivå") => (B2, 2),
        // `norsk uten problemer`: talking without strain is CEFR's B2.
        ("uten" | "utan", "problemer" | "problem" | "vansker" | "vanskar") => (B2, 2),
        // CEFR's C1 speaks «fluently and spontaneously»; B2 only «with a degree of fluency».
        ("flytende" | "flytande" | "utmerket", _) => (C1, 1),
        ("perfekt" | "perfekte", _) => (C1, 1),
        // `gode norskkunnskaper` in a job ad is B2 (what health and school employers ask);
        // said of speech alone (`god norsk muntlig`) it is B1, see `languages`.
        ("god" | "godt" | "gode", _) => (B2, 1),
        // `du må være stødig i norsken`, `vere stø på engelsk`: steady in it, as one who gets
        // along at work.
        ("stø" | "stødig" | "stødige" | "trygg" | "trygt", "i" | "på") => (B1, 2),
        // `norsken må være grei`: decent, enough to get along at work.
        ("grei", _) => (B1, 1),
        ("grunnleggende" | "grunnleggande" | "enkel" | "enkelt" | "enkle" | "litt" | "noe" | "basis", _) => (A2, 1),
        _ => return None,
    })
}

/// What a country's adjective (`norsk`, `svensk`) may be said of without naming a language.
const ISSUED_THINGS: &[&str] = &[
    "autorisasjon",
    "statsborgerskap",
    "arbeidstillatelse",
    "oppholdstillatelse",
    "personnummer",
    "førerkort",
    "førarkort",
    "fagbrev",
    "vitnemål",
    "godkjenning",
    "sertifikat",
];

/// What is read in a language at work: understanding it asks no more than reading it.
const INSTRUCTIONS: &[&str] = &["instruks", "instrukser", "arbeidsordre", "arbeidsordrer", "plukkliste", "plukklister"];

/// Verbs of doing something in a language (`kommunisere med pasienter på norsk`).
const COMMUNICATING: &[&str] = &[
    "kommunisere",
    "kommunisera",
    "snakke",
    "snakka",
    "prate",
    // Spoken short (`og prat med passasjeran`).
    "prat",
    "snakk",
    "forklare",
    "forklara",
    "lese",
    "les",
    "skrive",
    "fylle",
    "svare",
    "forstå",
    "skjønne",
    "skjønner",
    "skjøne",
];

/// Of [`COMMUNICATING`], the verbs that do not by themselves raise a level left unsaid (reading,
/// filling in a form, answering, understanding); speaking and writing do (B1).
const UNDERSTANDING: &[&str] = &["lese", "les", "fylle", "svare", "forstå", "skjønne", "skjønner", "skjøne"];

/// Words for being able in a language (`flink i norsk`, `stø på engelsk`).
const ABLE: &[&str] = &["flink", "flinke", "god", "stø", "sterk", "sterke"];

/// Whether the language at `i` is said with how able one need not be in it (`ikke være flink i
/// norsk`): the language is still named, at no level of its own.
fn ability_waived(words: &[&str], i: usize) -> bool {
    i >= 4
        && matches!(words[i - 1], "i" | "på")
        && ABLE.contains(&words[i - 2])
        && matches!(words[i - 3], "være" | "vere" | "vera")
        && matches!(words[i - 4], "ikke" | "ikkje")
}

/// `Du trenger ikke være flink i norsk, men …`: a clause that waives only how able one must be
/// in a language does not say the language is not needed.
pub fn language_ability_waived(words: &[&str], taxonomy: &Taxonomy) -> bool {
    (4..words.len()).any(|i| taxonomy.language(words[i]).is_some() && ability_waived(words, i))
}

/// Whether `word` is a verb of doing something in a language (`forstå`, `lese`, `forklare`).
pub fn communicates(word: &str) -> bool {
    COMMUNICATING.contains(&word)
}

/// `men du må klare å prate med gjestene`: where a clause asks for speaking (a speaking verb
/// after `å`, `kan`, `skal` or `må`), the index of the verb.
pub fn asks_speaking(words: &[&str]) -> Option<usize> {
    (1..words.len()).find(|&j| {
        let speaks = COMMUNICATING.contains(&words[j]) && !UNDERSTANDING.contains(&words[j]);
        speaks && matches!(words[j - 1], "å" | "kan" | "skal" | "må")
    })
}

/// `gi beskjed`, `gi råd`, `informere`: telling others, which is speaking at work.
fn tells_at(words: &[&str], j: usize) -> bool {
    let told = words.get(j + 1).is_some_and(|w| w.starts_with("beskje") || w.starts_with("råd"));
    (matches!(words[j], "gi" | "gje") && told)
        || matches!(words[j], "informere" | "informera" | "instruere" | "instruera")
}

pub(super) fn languages(words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    // (where, which language, the level said of it, whether that level is a code written)
    let mut said: Vec<(usize, &str, Option<LanguageLevel>, bool)> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if out.used[i] {
            continue;
        }
        // `gode engelskkunnskaper`, `norskferdigheter`: the language, with what is said of it.
        let compound = || {
            ["kunnskaper", "kunnskapar", "kunnskap", "ferdigheter", "ferdigheiter", "kompetanse"]
                .iter()
                .find_map(|end| word.strip_suffix(end))
                .and_then(|base| taxonomy.language(base))
        };
        let Some(language) = taxonomy.language(word).or_else(compound) else { continue };
        // `gjestene er svenske og danske`: people said to be of a country, no language asked.
        // (Back over the other adjectives joined to it, to the verb.)
        let of_people = |at: usize| {
            let mut j = at;
            while j > 0 && (matches!(words[j - 1], "og" | "eller") || (j - 1 != at && words[j - 1].ends_with('e'))) {
                j -= 1;
            }
            words[at].ends_with('e') && j > 0 && matches!(words[j - 1], "er" | "var" | "blir" | "vert")
        };
        if of_people(i) {
            out.take(i, i);
            continue;
        }
        // `du må snakke norsk, ikke bare engelsk`: a language said not to be enough is no
        // requirement of its own.
        let not_enough = i >= 2
            && matches!(words[i - 1], "bare" | "berre" | "kun")
            && matches!(words[i - 2], "ikke" | "ikkje")
            && !out.used[i - 2];
        if not_enough {
            out.take(i - 2, i);
            continue;
        }
        // `norsk autorisasjon`, `norsk førerkort`: issued in Norway, not a language asked for.
        if words.get(i + 1).is_some_and(|next| ISSUED_THINGS.iter().any(|thing| next.starts_with(thing))) {
            if out.used[i + 1] {
                out.take(i, i); // part of what was placed (`norsk førerkort klasse B`)
            }
            continue;
        }
        // The level words next to this language, not past another language (`god norsk, og
        // engelsk på B1-nivå`). A code the employer wrote (`godt norsk, minst B1`) is the level;
        // the words around it only say it again.
        let is_language = |j: usize| j != i && taxonomy.language(words[j]).is_some();
        let start = (i.saturating_sub(4)..i).rev().take_while(|&j| !is_language(j)).last().unwrap_or(i);
        let end = (i + 1..(i + 8).min(words.len())).take_while(|&j| !is_language(j)).last().unwrap_or(i);
        let is_code = |word: &str| word.len() == 2 && word.parse::<LanguageLevel>().is_ok();
        let (mut described, mut written) = (None, None);
        for j in start..=end {
            if j == i || out.used[j] {
                continue;
            }
            if let Some((found, width)) = level_word(words, j) {
                let slot = if is_code(words[j]) { &mut written } else { &mut described };
                *slot = Some(slot.map_or(found, |l: LanguageLevel| l.max(found)));
                out.take(j, j + width - 1);
            }
        }
        // `norsk godt nok til å svare på spørsmål om allergener (B1)`: a code written further on,
        // before any other language, is still this language's level.
        if written.is_none() {
            let next_language = (end + 1..words.len()).find(|&j| is_language(j)).unwrap_or(words.len());
            if let Some(j) = (end + 1..next_language).find(|&j| !out.used[j] && is_code(words[j])) {
                written = words[j].parse().ok();
                out.take(j, j);
            }
        }
        // `Vi krever ikke perfekt norsk`: perfection waived before the language, the same.
        if let Some(j) = (start..i).find(|&j| !out.used[j] && perfection_waived(words, j)) {
            out.take(j - 2, j);
        }
        // `Du trenger ikke være flink i norsk`: how able one need not be says no level.
        if ability_waived(words, i) {
            out.take(i - 4, i - 1);
        }
        for j in (i + 1..(i + 3).min(words.len())).filter(|&j| words[j] == "nivå") {
            out.take(j, j);
        }
        // `norsk på et enkelt nivå holder`: the level is enough, nothing more is asked.
        let enough = |j: usize| crate::draft::words::SUFFICES.contains(&words[j]);
        // … also where a statement about the job or a reason follows (`norsk eller svensk holder,
        // de har mange svensker der`, `A2 holder, for formannen snakker polsk`).
        let ends_there = |j: usize| {
            words.get(j + 1).is_none_or(|next| {
                matches!(
                    *next,
                    "fint" | "og" | "lenge" | "så" | "ikke" | "ikkje" | "ingen" | "for" | "fordi" | "men" | "bare" | "berre"
                )
                    || crate::draft::clauses::CONTEXT_SUBJECTS.contains(next)
                    // `A2 holder, appen er på begge`: a thing of the job, and what it is.
                    || crate::draft::clauses::definite_noun(next)
            })
        };
        for j in (i + 1..(end + 2).min(words.len())).filter(|&j| enough(j) && ends_there(j)) {
            let last = if words.get(j + 1) == Some(&"fint") { j + 1 } else { j };
            out.take(j, last);
        }
        // `engelsk må sitte`: the language must be there, firmly — spoken at work, B1.
        // `norsken må holde til det`: be enough for what is said, the same.
        let firm = (i + 2 < words.len() && matches!(words[i + 1], "må" | "skal"))
            .then_some(i + 2)
            .filter(|&j| matches!(words[j], "sitte" | "sitja" | "sitter" | "holde" | "holda") && !out.used[j]);
        if let Some(j) = firm {
            described = Some(described.map_or(LanguageLevel::B1, |l| l.max(LanguageLevel::B1)));
            out.take(i + 1, j);
        }
        let near = |wanted: &dyn Fn(&str) -> bool| (start..=end).any(|j| wanted(words[j]));
        // Mastering a language (`behersker norsk`) is B2, as good Norwegian is.
        if described.is_none() && near(&|w| w.starts_with("behersk") || w.starts_with("meistr")) {
            described = Some(LanguageLevel::B2);
        }
        // Good speech is not good Norwegian all round: `norsk muntlig godt` is B1, unless the
        // writing is asked for too.
        let spoken_only =
            near(&|w| matches!(w, "muntlig" | "munnleg")) && !near(&|w| matches!(w, "skriftlig" | "skriftleg"));
        // `engelsk muntlig på godt nivå`: a level named as a level stays what it says.
        let at_a_level = near(&|w| w == "nivå");
        if described == Some(LanguageLevel::B2) && spoken_only && !at_a_level {
            described = Some(LanguageLevel::B1);
        }
        // Being understood, with no level said (`så kundene forstår deg`), is B1; understanding
        // instructions (`forstå arbeidsinstrukser på norsk`) is no more than reading them, A2.
        let instructions = words.iter().any(|w| INSTRUCTIONS.iter().any(|i| w.ends_with(i)));
        if described.is_none() && !instructions && near(&|w| w.starts_with("forstå") || w.starts_with("forstår")) {
            described = Some(LanguageLevel::B1);
        }
        // `godt nok til å hjelpe kunder`: good enough to serve people is B1; good enough to read
        // a work order or follow instructions stays A2.
        let serves = words[i..].iter().any(|w| SERVED.contains(w));
        // `godt nok til å gi beskjed til sjåførane`: good enough to tell others what to do is
        // speaking at work, B1, whoever is told (`Norsk, de skal gi råd om fôr` likewise).
        let tells = (i + 1..end.min(words.len() - 1)).any(|j| tells_at(words, j));
        if described == Some(LanguageLevel::A2) && near(&|w| w == "nok") && (serves || tells) {
            described = Some(LanguageLevel::B1);
        }
        // `engelsk, fordi en del av kundene er utenlandske`: asked because the people served
        // speak it, with no level said, it is spoken with them — B1.
        let because = words.get(i + 1).is_some_and(|w| {
            crate::draft::clauses::BECAUSE.contains(w) || crate::draft::clauses::BECAUSE_BEFORE_SUBJECT.contains(w)
        });
        if described.is_none() && because && serves {
            described = Some(LanguageLevel::B1);
        }
        // `så godt norsk at du kan svare kunder`: the same, said with `så … at`.
        // `norsk, i alle fall så godt at de skjønner kunden`: said after the language too.
        let so_good_after = (i + 1..(i + 6).min(words.len()))
            .any(|j| words[j] == "så" && matches!(words.get(j + 1..j + 3), Some(["godt" | "bra", "at"])));
        let so_good = ((i.saturating_sub(3)..i).any(|j| words[j] == "så")
            && words.iter().skip(i + 1).take(2).any(|w| *w == "at"))
            || so_good_after;
        if described == Some(LanguageLevel::B2) && so_good && serves {
            described = Some(LanguageLevel::B1);
        }
        // `kommunisere med pasienter og pårørende på norsk`, `lese arbeidsordre på norsk`: what
        // is done in the language belongs to it; talking with the people a job serves is B1.
        // `gi råd til kundene på norsk` the same.
        let done_in = (i >= 2 && words[i - 1] == "på")
            .then(|| {
                (i.saturating_sub(8)..i - 1).rev().find(|&j| COMMUNICATING.contains(&words[j]) || tells_at(words, j))
            })
            .flatten()
            .filter(|&verb| (verb..i - 1).all(|j| !out.used[j] || COMMUNICATING.contains(&words[j])));
        // `Sikkerhetsreglene på plassen må du forstå, på norsk`: with the object opening the
        // clause, it is what is done in the language.
        let object_first = done_in.filter(|&verb| {
            (3..=7).contains(&verb)
                && matches!(words[verb - 1], "du" | "dere" | "de" | "dei")
                && matches!(words[verb - 2], "må" | "skal")
                && (0..verb - 2).all(|j| !out.used[j])
        });
        if let Some(verb) = object_first {
            out.take(0, verb - 3);
        }
        if let Some(verb) = done_in {
            // `trygg på å snakke med folk på norsk`: at ease talking is B2, as `uten problemer`.
            let at_ease = verb >= 3
                && words[verb - 1] == "å"
                && words[verb - 2] == "på"
                && matches!(words[verb - 3], "trygg" | "trygt" | "sikker" | "stø" | "komfortabel");
            if at_ease {
                described = Some(described.map_or(LanguageLevel::B2, |l| l.max(LanguageLevel::B2)));
                out.take(verb - 3, verb - 1);
            }
            let talks = !matches!(words[verb], "lese" | "les" | "skrive" | "fylle");
            if described.is_none() && talks && words[verb..i].iter().any(|w| SERVED.contains(w)) {
                described = Some(LanguageLevel::B1);
            }
            out.take(verb, i - 1);
        }
        // `Engelsk eller norsk, du må kunne snakke med publikum`, `norsk munnleg, du må forstå
        // kundane`: talking with the people the job serves, said after the language, is what the
        // language is for (B1 when no level is said).
        let with_served = (i + 1..(i + 10).min(words.len()))
            .filter(|&j| COMMUNICATING.contains(&words[j]) && !out.used[j])
            .find_map(|verb| {
                (verb + 1..(verb + 4).min(words.len()))
                    .take_while(|&k| !out.used[k])
                    .find(|&k| SERVED.contains(&words[k]))
                    .filter(|&k| words[verb + 1..k].iter().all(|w| matches!(*w, "med" | "til" | "alle")))
                    .map(|k| (verb, k))
            });
        // `… snakke med beboerne på deres eget språk – arabisk, tigrinja eller ukrainsk`: said
        // before the language too.
        let with_served = with_served.or_else(|| {
            (i.saturating_sub(12)..i).filter(|&j| COMMUNICATING.contains(&words[j]) && !out.used[j]).find_map(|verb| {
                (verb + 1..(verb + 4).min(i))
                    .take_while(|&k| !out.used[k])
                    .find(|&k| SERVED.contains(&words[k]))
                    .filter(|&k| words[verb + 1..k].iter().all(|w| matches!(*w, "med" | "til" | "alle")))
                    .map(|k| (verb, k))
            })
        });
        if let Some((verb, served)) = with_served {
            if described.is_none() {
                described = Some(LanguageLevel::B1);
            }
            out.take(verb, served);
        }
        // `nok norsk til å lese plukklister og varenavn`, `engelsk så gjestene forstår
        // sikkerhetsinstruksen`: what the language is for, said right after it, belongs to it.
        // `norsk godt nok til å svare på spørsmål`: past the level said of it.
        let past_level = (i + 1..words.len()).find(|&j| !out.used[j]).unwrap_or(words.len());
        let purpose = match words.get(i + 1..(i + 3).min(words.len())) {
            Some(["til", "å"]) => Some(i + 3),
            Some(["så", _]) => Some(i + 2),
            _ if words.get(past_level..(past_level + 2).min(words.len())) == Some(&["til", "å"][..]) => {
                Some(past_level + 2)
            }
            _ => None,
        };
        let communicates = |j: usize| {
            words
                .get(j)
                .is_some_and(|w| COMMUNICATING.contains(w) || UNDERSTANDING.contains(w) || w.starts_with("forstå"))
        };
        // `norsk så du kan ta bestillinga og prat med passasjeran`: `du kan` may come first.
        if let Some(from) = purpose.filter(|&from| (from..from + 6).any(communicates)) {
            // Past the level said, `og` may join another requirement (`… til å lese arbeidsordrer
            // og dykkersertifikat`).
            let joins_another = |j: usize| from > i + 3 && words[j] == "og";
            let ends = |j: usize| {
                matches!(words[j], "men" | "fordi" | "dersom" | "hvis" | "viss") || is_language(j) || joins_another(j)
            };
            // `norsk, så godt at du skjønner …`: past the level words, already read.
            let free = (from..words.len()).find(|&j| !out.used[j]).unwrap_or(from);
            let last = (free..(free + 12).min(words.len())).take_while(|&j| !out.used[j] && !ends(j)).last();
            if let Some(last) = last {
                out.take(i + 1, last);
            }
        }
        // Speaking or writing a language at work (`du må snakke engelsk`, `norsk muntlig`,
        // `skrive norsk`) with no level said is B1 — CEFR's A2 only gets by in simple, routine
        // exchanges. Understanding instructions or reading stays at A2 (`forstå enkle beskjeder
        // på norsk`, `lese norsk`).
        let speaking = |w: &str| {
            let produces = COMMUNICATING.contains(&w) && !UNDERSTANDING.contains(&w);
            produces
                || w.starts_with("kommuniser")
                || matches!(
                    w,
                    "snakker"
                        | "prata"
                        | "skriva"
                        | "muntlig"
                        | "munnleg"
                        | "skriftlig"
                        | "skriftleg"
                        | "muntlige"
                        | "munnlege"
                        | "skriftlige"
                        | "skriftlege"
                )
        };
        // The verb may be said once for two languages (`snakke norsk og engelsk`).
        let joined = |w: &str| matches!(w, "og" | "eller" | "både") || taxonomy.language(w).is_some();
        let spoken_before =
            (i.saturating_sub(6)..i).rev().find(|&j| !joined(words[j])).is_some_and(|j| speaking(words[j]));
        if described.is_none() && (near(&speaking) || spoken_before) {
            described = Some(LanguageLevel::B1);
        }
        // `norsk på et nivå der du kan forklare en leiekontrakt`, `engelsk, du skal prate med
        // turistene`: speaking, said as what the language is for, is B1 as well.
        let next_language = (i + 1..words.len()).find(|&j| is_language(j)).unwrap_or(words.len());
        let spoken_for = (i + 2..(i + 12).min(next_language))
            .any(|j| (speaking(words[j]) || tells_at(words, j)) && matches!(words[j - 1], "å" | "kan" | "skal" | "må"));
        if described.is_none() && spoken_for {
            described = Some(LanguageLevel::B1);
        }
        // `det treng ikkje vere perfekt`: how good the language need not be is said of it.
        let waived = (i + 3..(i + 12).min(next_language)).find(|&j| perfection_waived(words, j));
        if let Some(j) = waived {
            let from = if matches!(words[j - 3], "trenger" | "treng" | "må" | "behøver") { j - 3 } else { j - 2 };
            out.take(from, j);
        }
        // `snakke norsk ok`: well enough to get along with customers, B1; `enkel norsk er ok`
        // says the level named is enough.
        let fine = |j: usize| words.get(j).is_some_and(|w| matches!(*w, "ok" | "okei" | "greit")) && !out.used[j];
        if fine(i + 1) {
            described = Some(described.unwrap_or(LanguageLevel::B1));
            out.take(i + 1, i + 1);
        } else if words.get(i + 1) == Some(&"er") && fine(i + 2) {
            out.take(i + 1, i + 2);
        }
        said.push((i, language, written.or(described), written.is_some()));
        out.take(i, i);
    }
    // `norsk og engelsk – begge på et nivå der …`, `norsk eller engelsk, du må prate med
    // gjestene`: a level said of one of two languages joined by `og` or `eller` is said of both.
    for k in 1..said.len() {
        let (before, after) = (said[k - 1], said[k]);
        let joined = after.0 == before.0 + 2 && matches!(words[before.0 + 1], "og" | "eller");
        // `både norsk og engelsk godt`: said of both together, the level is both's.
        let both = joined && before.0 > 0 && words[before.0 - 1] == "både";
        if joined && (both || before.2.is_none() || after.2.is_none()) {
            let (level, written) = (before.2.max(after.2), before.3 || after.3);
            (said[k - 1].2, said[k - 1].3) = (level, written);
            (said[k].2, said[k].3) = (level, written);
        }
    }
    // `Arbeidsspråket er norsk, men engelsk er OK`: the second language is accepted instead of
    // the first, at the level the first asks; a working language asks B1 when no level is said.
    let working = |at: usize| (at.saturating_sub(3)..at).any(|j| words[j].starts_with("arbeidsspråk"));
    let mut read: Vec<(usize, String, Option<LanguageLevel>, bool)> = Vec::new();
    for (at, language, level, written) in said {
        let level = level.or(working(at).then_some(LanguageLevel::B1));
        let accepted = at > 0 && crate::draft::clauses::language_accepted_instead(&words[at - 1..].join(" "));
        // `… er på engelsk, så du må snakke engelsk på et profesjonelt nivå`: a language named
        // twice is asked once, at the higher level said of it — or at the level written as a code
        // (`Turnéfolka snakker engelsk, så du må klare deg på engelsk (A2 holder)`).
        if let Some(again) = read.iter_mut().find(|(_, named, _, _)| named == language) {
            again.2 = match (again.3, written) {
                (true, false) => again.2,
                (false, true) => level,
                _ => again.2.max(level),
            };
            again.3 |= written;
            continue;
        }
        match read.last_mut() {
            Some((_, first, first_level, _)) if accepted && !first.contains(" eller ") => {
                *first = format!("{first} eller {language}");
                *first_level = (*first_level).or(level);
                out.take(at - 1, at + 2);
            }
            _ => read.push((at, language.to_string(), level, written)),
        }
    }
    for (at, language, level, _) in read {
        out.add(Found::Criterion {
            kind: CriterionKind::Language,
            value: language,
            min_level: Some(level.unwrap_or(LanguageLevel::A2)),
            min_years: None,
            at,
        });
    }
}
