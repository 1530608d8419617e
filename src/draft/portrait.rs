//! An employer describing the person who had the job before (`Randi, som hadde jobben i tolv
//! år, gikk av med pensjon i høst. Hun kjørte truck hver dag – truckførerbevis T4 hadde hun, og
//! uten det kommer ingen i gang her`). What that person had and did is the job, and is read as
//! such; who they were, and what they do now, asks nothing. Read as written, the name warned as a
//! requirement nobody understood, `har gått over til dagskift` drafted a day shift, and `var
//! allergisk mot ingenting – og det må du også være` drafted nothing.
//!
//! When the answers name the person (`Randi, som …`, `Vår forrige kinovert, Sara, …`), this
//! module calls them [`PERSON`] — a subject whose statements tell rather than ask, like `hun` —
//! and drops what is said of them after the job. Named or not (`hun`, `han`), what the person
//! did followed by `og det må du også være` is written as the requirement it makes (`Du må være
//! Y`), and what they did, said as the example of a wish (`Hun hadde jobbet på kafé, og det er
//! det vi helst ser: …`), gives way to the wish. Other sentences are left as written.

use super::faq::{capitalised, rewritten, sentences};
use crate::model::ReflectionAnswers;

/// What the person who had the job before is called once read: one of the subjects whose
/// statements tell of the job (see `clauses::CONTEXT_SUBJECTS`).
pub const PERSON: &str = "forgjengeren";

/// How an answer opens when it names the person by role first (`Vår forrige kinovert, Sara, …`).
const BY_ROLE: &[&str] = &["vår", "vårt", "min", "mitt", "den", "forrige", "tidligere"];

/// Verbs in the past tense that do not end as the regular ones do, with their infinitive.
const IRREGULAR_PAST: &[(&str, &str)] = &[
    ("var", "være"),
    ("hadde", "ha"),
    ("sto", "stå"),
    ("stod", "stå"),
    ("gikk", "gå"),
    ("gjekk", "gå"),
    ("tok", "ta"),
    ("bar", "bære"),
    ("kom", "komme"),
    ("fikk", "få"),
    ("gjorde", "gjøre"),
    ("kunne", "kunne"),
    ("ville", "ville"),
    ("satt", "sitte"),
    ("sat", "sitje"),
    ("lå", "ligge"),
    ("så", "se"),
    ("sa", "si"),
    ("brant", "brenne"),
    ("drog", "dra"),
    ("dro", "dra"),
];

/// Who a back-reference holds to what the person did (`… og det må du også`, `… og det må den
/// nye også gjøre`, `… og det må den som kommer etter henne også tåle`).
const SUCCESSORS: &[&str] = &["du", "den", "dei", "de", "alle", "nestemann", "neste"];

/// `answers` with the person who had the job before read as the job.
pub fn told_plainly(answers: &ReflectionAnswers) -> ReflectionAnswers {
    let all = [&answers.must_have, &answers.wishes, &answers.room_to_adapt];
    let mut names: Vec<String> = all.iter().flat_map(|answer| sentences(answer)).filter_map(|s| named(&s)).collect();
    names.sort();
    names.dedup();
    ReflectionAnswers {
        must_have: retold(&answers.must_have, &names),
        wishes: retold(&answers.wishes, &names),
        room_to_adapt: retold(&answers.room_to_adapt, &names),
    }
}

/// The name a sentence introduces the person by: `Randi, som hadde jobben …` (a name, then a
/// relative clause in the past tense) or `Vår forrige kinovert, Sara, …` (the role, then the
/// name between commas).
fn named(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let name_at =
        |at: usize| words.get(at).and_then(|w| w.strip_suffix(',')).filter(|w| is_name(w)).map(str::to_string);
    if words.get(1) == Some(&"som") && words.get(2).is_some_and(|w| past(&w.to_lowercase()).is_some()) {
        return name_at(0);
    }
    let opens_by_role = words.first().is_some_and(|w| BY_ROLE.contains(&w.to_lowercase().as_str()));
    if opens_by_role {
        return (1..words.len().min(8)).find(|&at| words[at - 1].ends_with(',')).and_then(name_at);
    }
    None
}

/// A word written as a given name: a capital, then small letters, and not the definite form of
/// a noun (`Lageret, som var nytt, …`).
pub(super) fn is_name(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 2
        && chars.all(|c| c.is_lowercase() && c.is_alphabetic())
        && !word.ends_with("et")
        && !word.ends_with("ene")
}

/// The infinitive of a verb in the past tense (`kjørte` → `kjøre`, `jobbet` → `jobbe`, nynorsk
/// `plukka` → `plukke`), if it reads as one.
fn past(word: &str) -> Option<String> {
    if let Some(&(_, infinitive)) = IRREGULAR_PAST.iter().find(|(said, _)| *said == word) {
        return Some(infinitive.to_string());
    }
    let long_enough = |base: &str| base.chars().count() >= 2;
    ["te", "de", "et", "a"]
        .iter()
        .find_map(|ending| word.strip_suffix(ending).filter(|base| long_enough(base)))
        .map(|base| format!("{base}e"))
}

/// `answer` with the person named [`PERSON`], what they do now dropped, and back-references
/// written as the requirement they make. Each sentence is replaced where it stands, so lines,
/// headings and lists stay as written.
fn retold(answer: &str, names: &[String]) -> String {
    rewritten(answer, |sentence| {
        let renamed = renamed(sentence, names);
        if tells_of_after(&renamed) {
            String::new()
        } else {
            as_requirement(&renamed).or_else(|| example_of(&renamed)).unwrap_or(renamed)
        }
    })
}

/// `Hun hadde jobbet på kafé før, og det er det vi helst ser: erfaring fra kiosk, kafé eller
/// butikk` → `Erfaring fra kiosk, kafé eller butikk er det vi helst ser`: what the person did is
/// the example, and what follows the colon the wish it stands for.
fn example_of(sentence: &str) -> Option<String> {
    let first = sentence.split_whitespace().next()?.to_lowercase();
    if !matches!(first.as_str(), PERSON | "hun" | "han" | "ho") {
        return None;
    }
    let lower = super::corrections::lowered(sentence);
    let at = lower.find(", og det er det ")?;
    let colon = at + lower[at..].find(':')?;
    let said = &sentence[at + ", og det er det ".len()..colon];
    let wished = sentence[colon + 1..].trim().trim_end_matches(['.', '!']);
    (!wished.is_empty()).then(|| format!("{} er det {said}.", capitalised(wished)))
}

/// `sentence` with the person as [`PERSON`]: `Randi, som hadde jobben i tolv år, gikk av` →
/// `Forgjengeren gikk av`; `Vår forrige kinovert, Sara, studerer` → `Forgjengeren studerer`.
fn renamed(sentence: &str, names: &[String]) -> String {
    let mut text = sentence.to_string();
    for name in names {
        // The role before the name.
        if let Some(at) = text.find(&format!(", {name},")) {
            let opens_by_role =
                text.split_whitespace().next().is_some_and(|w| BY_ROLE.contains(&w.to_lowercase().as_str()));
            if opens_by_role && !text[..at].contains(',') {
                text = format!("{name}{}", &text[at + name.len() + 3..]);
            }
        }
        // The relative clause after it, up to its closing comma.
        let opening = format!("{name}, som ");
        if let Some(at) = text.find(&opening) {
            let clause = at + name.len();
            if let Some(close) = text[clause + 1..].find(',') {
                text.replace_range(clause..clause + 1 + close + 1, "");
            }
        }
        text = whole_words_replaced(&text, name, PERSON);
    }
    if text.starts_with(PERSON) {
        text = capitalised(&text);
    }
    text
}

/// `text` with every whole word `word` replaced by `by`.
pub(super) fn whole_words_replaced(text: &str, word: &str, by: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(word) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + word.len()..].chars().next();
        let whole = before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric());
        out.push_str(&rest[..at]);
        out.push_str(if whole { by } else { word });
        rest = &rest[at + word.len()..];
    }
    out.push_str(rest);
    out
}

/// Whether a sentence tells what the person does now or how they left (`Forgjengeren studerer nå
/// i Bergen`, `… har gått over til dagskift`, `… gikk av med pensjon i høst`).
fn tells_of_after(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let Some(said) = lower.strip_prefix(PERSON) else {
        return false;
    };
    let words: Vec<&str> = said.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        ["er" | "har" | "bor" | "jobber" | "jobbar", ..] => true,
        ["gikk" | "gjekk", "av", ..] => true,
        ["sluttet" | "slutta" | "flyttet" | "flytta", ..] => true,
        [verb, ..] => verb.ends_with("erer") || verb.ends_with("erar"),
        [] => false,
    }
}

/// `Forgjengeren var allergisk mot ingenting – og det må du også være, for …` → `Du kan ikke være
/// allergisk, for …`; `Forgjengeren jobbet natt – avisa trykkes om natta – og det må den nye også
/// gjøre` → `Du må jobbe natt. Avisa trykkes om natta.`; `Hun sto ute i all slags vær, og det må
/// den som kommer etter henne også tåle` → `Du må tåle å stå ute i all slags vær`.
fn as_requirement(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    if !matches!(bare(words.first()?).as_str(), PERSON | "hun" | "han" | "ho") {
        return None;
    }
    // `det må <who> også [verb]`.
    let det = (2..words.len().saturating_sub(2)).find(|&k| {
        bare(words[k]) == "det" && bare(words[k + 1]) == "må" && SUCCESSORS.contains(&bare(words[k + 2]).as_str())
    })?;
    let also = (det + 2..words.len().min(det + 10)).find(|&k| matches!(bare(words[k]).as_str(), "også" | "òg"))?;
    // The verb said after `også` (`være`, `tåle`), unless the clause ends with it.
    let ends = |w: &str| w.ends_with([',', '.', '!', ';']);
    let second = words.get(also + 1).filter(|_| !ends(words[also]));
    let rest = words[(also + 1 + usize::from(second.is_some())).min(words.len())..].join(" ");
    let tail = match second {
        Some(verb) if verb.ends_with(',') && !rest.is_empty() => format!(", {rest}"),
        _ if rest.is_empty() => String::new(),
        _ => format!(" {rest}"),
    };
    let tail = tail.trim_end_matches(['.', '!']);
    // What the person did, up to a comma or a dash; an aside between it and the back-reference
    // stays after it.
    let told_until = if bare(words[det - 1]) == "og" { det - 1 } else { det };
    let dash = |w: &str| matches!(w, "–" | "—" | "-");
    let told = &words[1..told_until];
    let core_end = told.iter().position(|w| ends(w) || dash(w)).map_or(told.len(), |at| at + 1);
    let core: Vec<&str> =
        told[..core_end].iter().filter(|w| !dash(w)).map(|w| w.trim_end_matches([',', ';'])).collect();
    let aside: Vec<&str> = told[core_end..].iter().copied().filter(|w| !dash(w)).collect();
    let aside = aside.join(" ");
    let aside = aside.trim_end_matches([',', ';']);
    // The aside is a statement of its own (`Avisa trykkes om natta.`), which asks nothing.
    let aside = if aside.is_empty() { String::new() } else { format!(" {}.", capitalised(aside)) };
    let (verb, object) = core.split_first()?;
    let verb = verb.to_lowercase();
    let infinitive = past(&verb)?;
    let object = object.join(" ");
    let asked = match (second.map(|w| bare(w)).as_deref(), verb.as_str()) {
        // Allergic to nothing is no allergy at all.
        (Some("være" | "vere"), "var") if object.starts_with("allergisk mot ingenting") => {
            let besides = &object["allergisk mot ingenting".len()..];
            return Some(format!("Du kan ikke være allergisk{besides}{tail}.{aside}"));
        }
        (Some(be @ ("være" | "vere")), "var") => format!("{be} {object}"),
        (Some("ha"), "hadde") => format!("ha {object}"),
        // `sto ute i regn og sludd, og det må du også tåle`: being out, not standing.
        (Some(bear @ ("tåle" | "tole" | "klare")), "sto" | "stod" | "var") if object.starts_with("ute") => {
            format!("{bear} å være {object}")
        }
        (Some(bear @ ("tåle" | "tole" | "klare" | "kunne")), _) => format!("{bear} å {infinitive} {object}"),
        _ => format!("{infinitive} {object}"),
    };
    Some(format!("Du må {}{tail}.{aside}", asked.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn told(must_have: &str) -> String {
        let answers =
            ReflectionAnswers { must_have: must_have.into(), wishes: String::new(), room_to_adapt: String::new() };
        told_plainly(&answers).must_have
    }

    #[test]
    fn the_person_named_is_read_as_the_job_they_did() {
        assert_eq!(
            told("Randi, som hadde jobben i tolv år, gikk av med pensjon i høst. Hun kjørte truck."),
            "Hun kjørte truck."
        );
        assert_eq!(
            told("Vår forrige kinovert, Sara, studerer nå i Bergen. Sara jobbet kveldene."),
            "Forgjengeren jobbet kveldene."
        );
        assert_eq!(
            told("Jonas, som var her før, var allergisk mot ingenting – og det må du også være, for du er i stallen."),
            "Du kan ikke være allergisk, for du er i stallen."
        );
        assert_eq!(
            told(
                "Trond, som sto ved pressa, har gått over til dagskift. Han jobbet natt – avisa trykkes om natta – og det må den nye også gjøre."
            ),
            "Du må jobbe natt. Avisa trykkes om natta."
        );
        assert_eq!(
            told(
                "Randi, som hadde jobben før, sto ute i regn og sludd, og det må den som kommer etter henne også tåle."
            ),
            "Du må tåle å være ute i regn og sludd."
        );
        assert_eq!(told("Mona, som hadde skranken, jobbet kveld – det må du også."), "Du må jobbe kveld.");
    }

    #[test]
    fn odd_text_never_breaks_the_reading() {
        for text in [
            "Randi, som",
            "Vår forrige, Sara,",
            "Hun, og det må du også",
            "İ, som var her, var İ – og det må du også være.",
        ] {
            let _ = told(text);
        }
        assert_eq!(told("Hun var İrsk, og det må du også være."), "Du må være İrsk.");
    }

    #[test]
    fn answers_naming_nobody_are_left_as_written() {
        let text = "Han vi hadde før, ble svimmel i toppen. Lageret, som ligger i Drammen, har mye støv.";
        assert_eq!(told(text), text);
    }
}
