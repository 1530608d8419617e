//! An employer answering with feedback on the candidates the advisor sent: who is out and why,
//! who stood out and for what (`Jonas kan vi dessverre ikke ta – han har ikke førerkort`, `Per
//! kan berre dagtid, og vi treng folk kvar tredje helg, så han fell bort`, `Stian er aktuell:
//! førerkort B, tåler støv`, `Det vi liker best, er erfaring fra kasse, slik Ewa har`). The people
//! named are examples, not the need. Read as written, each name warned as a requirement nobody
//! understood, a person's own limits were drafted as the job's (`Per kan berre dagtid` asked for
//! day shifts beside the weekends the job needs, so that nobody met both), and a name joined the
//! wish it exemplified (`kasse eller slik ewa`).
//!
//! When the answers read as such feedback — a name said to be in or out (`er aktuell`, `går
//! videre`, `fell ut`, `kan vi ikke ta`) — this module drops, from the must-have answer, the
//! verdicts, the thanks and what is said of a named person without a negation (their traits and
//! limits), and asks what they lack (`Lars har ikke førerkort` → `du må ha førerkort`) or the
//! allergy that rules them out. From the wishes it drops only the back-references to a person
//! (`slik Ewa har`, `Ole har det`, `det var Ingrid god på`): what a named person has there is the
//! wish. The room to adapt is left as written (`Mia kunne bare 80 %, og det går fint` is what can
//! be bent).

use super::faq::{capitalised, rewritten, sentences};
use crate::model::ReflectionAnswers;
use crate::taxonomy::{ConceptKind, Taxonomy};

/// Verbs a named person is the subject of in such feedback (`Ewa står med norsk A1`, `Noor
/// passar fint`, `Farid spurte om deltid`), bokmål and nynorsk.
const PERSON_VERBS: &[&str] = &[
    "er", "var", "har", "hadde", "kan", "kunne", "ville", "vil", "står", "stod", "sto", "så", "går", "gikk", "fell",
    "faller", "passar", "passer", "tek", "tar", "snakker", "snakkar", "skriver", "skriv", "spurte", "tåler", "toler",
    "mangler", "manglar", "blir", "ble", "vart", "jobbet", "jobba", "virker", "verkar",
];

/// What a verdict on a named person says after the name (`Stian er aktuell`, `Marte og Jon går
/// videre`, `Kristian fell ut`, `Hanne kan vi ikke bruke`, `Amina så bra ut`).
const VERDICTS: &[&[&str]] = &[
    &["er", "aktuell"],
    &["er", "aktuelle"],
    &["er", "ute"],
    &["går", "videre"],
    &["går", "vidare"],
    &["fell", "ut"],
    &["fell", "bort"],
    &["faller", "ut"],
    &["faller", "bort"],
    &["kan", "vi"],
    &["passar"],
    &["passer"],
    &["så", "bra"],
    &["hadde", "vore"],
    &["hadde", "vært"],
];

/// Words a verdict's tail is made of (`så det går heller ikke`, `så han fell bort`, `så han kan
/// ikke brukes`).
const VERDICT_TAIL: &[&str] = &[
    "han", "hun", "ho", "de", "dei", "det", "går", "heller", "ikke", "ikkje", "fell", "faller", "bort", "ut", "er",
    "ute", "kan", "brukes", "brukast", "aktuell", "aktuelle", "aktuelt", "holder", "held", "greit", "helt", "fint",
];

/// Words that thank for, or point at, what the advisor sent (`Takk for CV-ene!`, `Eg har sett på
/// dei tre du sende`, `Om kandidatane:`).
const SENT: &[&str] =
    &["cv", "cv-ene", "cv-ane", "cvene", "namna", "navnene", "kandidatane", "kandidatene", "sende", "sendte"];

/// Subjects that are never a name, though written with a capital at the start of a sentence.
const NOT_NAMES: &[&str] = &[
    "eg", "jeg", "du", "vi", "han", "hun", "ho", "de", "dei", "det", "den", "dette", "alle", "ingen", "begge", "noen",
    "nokon", "man", "ein", "en", "om", "av", "takk", "hei", "så", "og", "men", "nest", "nummer", "deretter", "dernest",
    "sist", "til",
];

const NEGATIONS: &[&str] = &["ikke", "ikkje", "aldri", "ingen", "inga"];

/// `answers` with the people named in feedback read as examples, when the answers are such
/// feedback; as written otherwise.
pub fn examples_read(answers: &ReflectionAnswers, taxonomy: &Taxonomy) -> ReflectionAnswers {
    // Written as names first, then only those the vocabulary does not know: most answers name
    // nobody, and stop at the first, cheap look.
    let judged = |names: &[String]| {
        !names.is_empty()
            && [&answers.must_have, &answers.wishes].iter().flat_map(|answer| sentences(answer)).any(|sentence| {
                parts(sentence.trim_end_matches(['.', '!', '?']))
                    .iter()
                    .any(|part| after_names(&lower_words(&part.text), names).is_some_and(is_verdict))
            })
    };
    let mut names = names(answers);
    if !judged(&names) {
        return answers.clone();
    }
    names.retain(|name| unknown(taxonomy, &name.to_lowercase()));
    if !judged(&names) {
        return answers.clone();
    }
    ReflectionAnswers {
        must_have: rewritten(&answers.must_have, |sentence| must_have_read(sentence, &names)),
        wishes: rewritten(&answers.wishes, |sentence| wishes_read(sentence, &names)),
        room_to_adapt: answers.room_to_adapt.clone(),
    }
}

/// Whether the words after a name give a verdict on the person (`er aktuell`, `går videre`):
/// a verdict that is not followed by more (`er ute`, not `er ute i all slags vær`), unless it
/// opens one (`kan vi ikke ta`, `så bra ut, men …`).
fn is_verdict(said: &[String]) -> bool {
    VERDICTS.iter().any(|verdict| {
        let opens = matches!(verdict[0], "kan" | "så" | "hadde" | "passar" | "passer");
        verdict.len() <= said.len()
            && (opens || verdict.len() == said.len())
            && verdict.iter().zip(said).all(|(v, w)| w.to_lowercase() == *v)
    })
}

/// The words of `text` as written (capitals kept), without the punctuation around them.
fn words_of(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether a word names nothing the vocabulary knows (`Førerkort er …` is no person).
fn unknown(taxonomy: &Taxonomy, word: &str) -> bool {
    let all = [ConceptKind::Occupation, ConceptKind::Skill, ConceptKind::Certificate, ConceptKind::Language];
    taxonomy.find(word, &all).is_empty() && taxonomy.language(word).is_none()
}

/// The words in the answers written as given names: a capital, the subject of a person's verb
/// (or joined to such a name by `og`).
fn names(answers: &ReflectionAnswers) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for answer in [&answers.must_have, &answers.wishes, &answers.room_to_adapt] {
        let words = words_of(answer);
        for (at, word) in words.iter().enumerate() {
            let lower = word.to_lowercase();
            let looks = super::portrait::is_name(word)
                && !NOT_NAMES.contains(&lower.as_str())
                && !super::clauses::CONTEXT_SUBJECTS.contains(&lower.as_str());
            let next = words.get(at + 1).map(|w| w.to_lowercase());
            let acts = next.as_deref().is_some_and(|n| PERSON_VERBS.contains(&n));
            let paired = next.as_deref() == Some("og")
                && words.get(at + 2).is_some_and(|w| super::portrait::is_name(w))
                && words.get(at + 3).is_some_and(|w| PERSON_VERBS.contains(&w.to_lowercase().as_str()));
            let second = at >= 2 && words[at - 1] == "og" && super::portrait::is_name(&words[at - 2]) && acts;
            if looks && (acts || paired || second) && !names.contains(word) {
                names.push(word.clone());
            }
        }
    }
    names
}

/// A part of a sentence between separators (`,`, `:`, `;`, a dash), with the separator after it.
struct Part {
    text: String,
    separator: String,
}

fn parts(sentence: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = sentence.chars().peekable();
    while let Some(c) = chars.next() {
        let spaced_dash = matches!(c, '–' | '—' | '-') && current.ends_with(' ') && chars.peek() == Some(&' ');
        if matches!(c, ',' | ':' | ';') || spaced_dash {
            let separator = if spaced_dash { format!(" {c}") } else { c.to_string() };
            let text = if spaced_dash { current.trim_end().to_string() } else { current.clone() };
            parts.push(Part { text, separator });
            current.clear();
        } else {
            current.push(c);
        }
    }
    parts.push(Part { text: current, separator: String::new() });
    parts
}

/// The sentence with only the parts `keep` says yes to, each as `keep` rewrote it; empty when
/// none is kept.
fn kept(sentence: &str, keep: impl Fn(&str) -> Option<String>) -> String {
    let ends = sentence.trim_end().chars().next_back().filter(|c| matches!(c, '.' | '!' | '?'));
    let body = sentence.trim_end().trim_end_matches(['.', '!', '?']);
    let parts = parts(body);
    let mut out: Vec<(String, String)> = Vec::new();
    let mut changed = false;
    for part in &parts {
        match keep(part.text.trim()) {
            Some(text) => {
                changed |= text != part.text.trim();
                out.push((text, part.separator.clone()));
            }
            None => changed = true,
        }
    }
    if !changed {
        return sentence.to_string();
    }
    let Some(last) = out.len().checked_sub(1) else { return String::new() };
    let mut text = String::new();
    for (i, (part, separator)) in out.iter().enumerate() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(part);
        if i < last {
            text.push_str(separator);
        }
    }
    let text = text.trim().trim_start_matches(|c: char| c == '–' || c == '—' || c.is_whitespace());
    let text = text.strip_prefix("men ").or_else(|| text.strip_prefix("og ")).unwrap_or(text);
    format!("{}{}", capitalised(text), ends.map(String::from).unwrap_or_default())
}

fn lower_words(part: &str) -> Vec<String> {
    words_of(part).iter().map(|w| w.to_lowercase()).collect()
}

/// A part that opens with a name, or with two names joined by `og`: the words after them.
fn after_names<'a>(words: &'a [String], names: &[String]) -> Option<&'a [String]> {
    let is = |w: Option<&String>| w.is_some_and(|w| names.iter().any(|n| n.to_lowercase() == *w));
    match words {
        [first, rest @ ..] if is(Some(first)) => {
            if rest.first().map(String::as_str) == Some("og") && is(rest.get(1)) {
                Some(&rest[2..])
            } else {
                Some(rest)
            }
        }
        _ => None,
    }
}

fn must_have_read(sentence: &str, names: &[String]) -> String {
    let words = lower_words(sentence);
    // `Takk for CV-ene!`, `Eg har sett på dei tre du sende.`: thanks for what was sent.
    let about_sent = words.iter().any(|w| SENT.contains(&w.as_str()));
    if about_sent && words.len() <= 9 && !words.iter().any(|w| NEGATIONS.contains(&w.as_str())) {
        return String::new();
    }
    if let Some(allergen) = ruled_out_by_allergy(&words, names) {
        return format!("Du kan ikke være allergisk mot {allergen}.");
    }
    kept(sentence, |part| {
        let words = lower_words(part);
        let negated = words.iter().any(|w| NEGATIONS.contains(&w.as_str()));
        // `Om de tre:`, `Av de fem:` — which candidates the answer is about.
        if words.len() <= 4 && matches!(words.first().map(String::as_str), Some("om" | "av")) {
            return None;
        }
        // `så han fell bort`, `så det går heller ikke`; `det holder ikke`, `det held` of what a
        // person had.
        let tail = match words.first().map(String::as_str) {
            Some("så") => &words[1..],
            Some("det") => &words[..],
            _ => &[][..],
        };
        if !tail.is_empty() && tail.len() <= 4 && tail.iter().all(|w| VERDICT_TAIL.contains(&w.as_str())) {
            return None;
        }
        if let Some(asked) = lacked(part, names) {
            return Some(asked);
        }
        let named = words.iter().any(|w| names.iter().any(|n| n.to_lowercase() == *w));
        if !named {
            return Some(part.to_string());
        }
        let Some(said) = after_names(&words, names) else {
            // `men norsken til Pavel er for svak til kassa`: the person is not the subject, and
            // what is said is of the job.
            return Some(without_names(part, names));
        };
        if is_verdict(said) {
            return None;
        }
        // What a named person lacks is what the job asks; anything else said of them is theirs.
        negated.then(|| with_names_as_pronoun(part, names))
    })
}

/// `Lars har ikke førerkort` → `du må ha førerkort`, `hun kan ikkje kveld` → `du må kunne
/// kveld`, `ho tåler ikke støv` → `du må tåle støv`: what a person (named, or `han`/`hun`) lacks,
/// asked of the candidate.
fn lacked(part: &str, names: &[String]) -> Option<String> {
    // The words as written, aligned with `lower_words` (a lone dash is no word in either).
    let written: Vec<&str> = part.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).collect();
    let words = lower_words(part);
    let subject =
        |w: &String| matches!(w.as_str(), "han" | "hun" | "ho") || names.iter().any(|n| n.to_lowercase() == *w);
    let (verb, rest) = match words.as_slice() {
        [who, verb, not, ..] if subject(who) && matches!(not.as_str(), "ikke" | "ikkje") => {
            (verb.as_str(), &written[3..])
        }
        _ => return None,
    };
    let asked = match verb {
        "har" => "ha",
        "kan" => "kunne",
        "tåler" | "toler" => "tåle",
        _ => return None,
    };
    (!rest.is_empty()).then(|| format!("du må {asked} {}", rest.join(" ")))
}

/// `Farid har astma og allergi mot katt, så det går heller ikke`: what a person named is
/// allergic to, when that rules them out, is in the job.
fn ruled_out_by_allergy(words: &[String], names: &[String]) -> Option<String> {
    let named = words.first().is_some_and(|w| names.iter().any(|n| n.to_lowercase() == *w));
    let out = words.iter().position(|w| w == "så").is_some_and(|at| {
        words[at + 1..].iter().any(|w| NEGATIONS.contains(&w.as_str()))
            && words[at + 1..].iter().all(|w| VERDICT_TAIL.contains(&w.as_str()))
    });
    let at = words.iter().position(|w| matches!(w.as_str(), "allergi" | "allergisk"))?;
    (named && out && words.get(at + 1).map(String::as_str) == Some("mot")).then(|| words.get(at + 2).cloned())?
}

fn wishes_read(sentence: &str, names: &[String]) -> String {
    kept(sentence, |part| {
        let words = lower_words(part);
        let is_name = |w: &String| names.iter().any(|n| n.to_lowercase() == *w);
        match words.as_slice() {
            // `slik Ewa har`, `som Leila hadde`: the example of the wish just said.
            [first, name, ..] if matches!(first.as_str(), "slik" | "som") && is_name(name) => None,
            // `Ole har det`, `det var Ingrid god på`.
            [name, verb, object]
                if is_name(name)
                    && matches!(verb.as_str(), "har" | "hadde" | "var")
                    && matches!(object.as_str(), "det" | "den" | "dei" | "de") =>
            {
                None
            }
            [det, _, name, ..] if det == "det" && is_name(name) => None,
            _ => Some(part.to_string()),
        }
    })
}

/// `part` without its names, and the preposition that tied each to the rest (`norsken til
/// Pavel` → `norsken`).
fn without_names(part: &str, names: &[String]) -> String {
    const TIES: &[&str] = &["til", "hos", "for", "av", "med", "frå", "fra"];
    let words: Vec<&str> = part.split_whitespace().collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let is_name = |w: &str| names.iter().any(|n| *n == bare(w));
    let mut kept: Vec<&str> = Vec::new();
    for (at, word) in words.iter().enumerate() {
        let tie = TIES.contains(word) && words.get(at + 1).is_some_and(|next| is_name(next));
        if !tie && !is_name(word) {
            kept.push(word);
        }
    }
    // `norsken er for svak til kassa`: the person's level judged, and the thing it is of kept.
    let weak = kept.windows(3).position(|w| {
        matches!(w[0], "er" | "var") && w[1] == "for" && matches!(w[2], "svak" | "dårlig" | "dårleg" | "svakt")
    });
    match weak {
        Some(at) if at > 0 => kept[..at].join(" "),
        _ => kept.join(" "),
    }
}

/// `part` with each name (and `X og Y`) written `han`, as the drafter reads a third person.
fn with_names_as_pronoun(part: &str, names: &[String]) -> String {
    let mut text = part.to_string();
    for name in names {
        for other in names {
            text = text.replace(&format!("{name} og {other}"), "de");
        }
    }
    for name in names {
        text = super::portrait::whole_words_replaced(&text, name, "han");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::tests::answers;

    fn read(must: &str, wishes: &str) -> ReflectionAnswers {
        let taxonomy = Taxonomy::embedded().expect("taxonomy");
        examples_read(&answers(must, wishes, ""), &taxonomy)
    }

    #[test]
    fn a_named_persons_own_limits_are_not_the_jobs() {
        let read = read(
            "Takk for namna. Per kan berre dagtid, og vi treng folk kvar tredje helg, så han fell bort. Ali er aktuell – han har kurset.",
            "",
        );
        assert_eq!(read.must_have, "Vi treng folk kvar tredje helg. Han har kurset.");
    }

    #[test]
    fn what_a_named_person_lacks_is_asked() {
        let read = read("Jonas kan vi dessverre ikke ta – han har ikke førerkort. Lars har ikke truckførerbevis.", "");
        assert_eq!(read.must_have, "Du må ha førerkort. Du må ha truckførerbevis.");
    }

    #[test]
    fn a_persons_example_leaves_the_wish() {
        let read = read(
            "Stian er aktuell: førerkort B.",
            "Det vi liker best, er erfaring fra kasse, slik Ewa har. Fagbrev som flislegger – Ole har det.",
        );
        assert_eq!(read.must_have, "Førerkort B.");
        assert_eq!(read.wishes, "Det vi liker best, er erfaring fra kasse. Fagbrev som flislegger.");
    }

    #[test]
    fn an_allergy_that_rules_a_person_out_is_the_jobs_demand() {
        let read = read("Hanne kan vi ikke bruke. Farid har astma og allergi mot katt, så det går heller ikke.", "");
        assert_eq!(read.must_have, "Du kan ikke være allergisk mot katt.");
    }

    #[test]
    fn odd_text_is_read_without_panicking() {
        for must in [
            "",
            "Ola er aktuell",
            "Ola er aktuell: – , ;",
            "Ola kan vi ikke ta –",
            "Ola har ikke – ",
            "– Ola – går videre –",
        ] {
            let _ = read(must, "slik Ola,, – Ola har det");
        }
        let read = read("Ola er aktuell. Kari har ikke førerkort – det må alle ha.", "");
        assert_eq!(read.must_have, "Du må ha førerkort – det må alle ha.");
    }

    #[test]
    fn answers_without_a_verdict_on_a_name_are_left_as_written() {
        let read = read("Arbeidstida er 07–15, og Per kan berre dagtid.", "Slik Ewa har.");
        assert_eq!(read.must_have, "Arbeidstida er 07–15, og Per kan berre dagtid.");
        assert_eq!(read.wishes, "Slik Ewa har.");
    }
}
