//! An employer's answer to the advisor's written summary, line by line (`Du skrev «fagbrev i
//! bilfaget» – det har jeg ikke sagt, stryk det`, `«Må tåle dyr» – ja, …`, `Norsk: du skrev B2,
//! men A2 holder`, `«Norsk B2» – det er for strengt; B1 held`). Read as written, every item the
//! advisor wrote was drafted again, struck or not, and the words about the summary warned as
//! requirements nobody understood.
//!
//! This module writes such an answer as the requirements that stand after the corrections: a
//! confirmed item as a statement (`Må tåle dyr, det er 90 kyr …`), a struck one not at all (or
//! what the employer says instead: `«Norsk B1» – nei, … så norsk eller engelsk på B1 holder`), a
//! level replaced by the one said to be enough, and the talk about the summary dropped. Answers
//! that correct nothing are left as written.

use super::faq::{capitalised, sentences};

/// Words that say a quoted item is struck.
const STRIKE: &[&str] = &[
    "stryk",
    "stryke",
    "strykast",
    "ta det bort",
    "ta det vekk",
    "ikke sagt",
    "ikkje sagt",
    "ikke et krav",
    "ikkje eit krav",
    "ikke noe krav",
    "ikkje noko krav",
    "det treng du ikkje",
    "det trenger du ikke",
    "det trengs ikke",
    "det gjør vi ikke",
    "det gjer vi ikkje",
    "det krever vi ikke",
    "det krev vi ikkje",
    "det er det ikke",
    "det er det ikkje",
    "ikke helt riktig",
    "ikkje heilt rett",
    "ikke riktig",
    "ikkje rett",
    "feil",
    "for strengt",
    "for høyt",
    "for høgt",
];

/// Words that say a quoted item stands.
const CONFIRM: &[&str] =
    &["det stemmer", "stemmer", "helt riktig", "også riktig", "riktig", "korrekt", "det står", "mer presist", "ja"];

/// Openings that say what the summary missed (`Det du glemte: …`), dropped before what follows.
const MISSED: &[&str] = &[
    "det du glemte:",
    "det du gløymde:",
    "det du ikke fikk med:",
    "det du ikkje fekk med:",
    "det som mangler:",
    "det som manglar:",
    "du glemte",
    "du gløymde",
];

/// Words that make a sentence talk about the summary itself (`Takk for oppsummeringen`, `Noen
/// rettelser`), asking nothing.
const ABOUT_THE_SUMMARY: &[&str] = &[
    "oppsummering",
    "rettelse",
    "rettinga",
    "retting",
    "å rette",
    "det du sendte",
    "rekkefølgen er",
    "rekkefølgja er",
    "rekkefølgja stemmer",
    "rekkefølgen stemmer",
];

/// `answer` with the advisor's summary corrected as the employer says; as written when it
/// corrects nothing.
pub fn applied(answer: &str) -> String {
    let lower = lowered(answer);
    let cued = [
        "du skrev",
        "du skreiv",
        "du satte",
        "du glemte",
        "du gløymde",
        "du ikke fikk med",
        "du ikkje fekk med",
        "det som mangler",
        "det som manglar",
        "oppsummering",
        "stryk",
        "rettelse",
        "rettinga",
        "rekkefølg",
    ]
    .iter()
    .any(|cue| lower.contains(cue));
    // `«Norsk B2» – det er for strengt`: a quoted item given its verdict.
    let sentences = sentences(answer);
    let judged_quote = sentences.iter().any(|s| {
        quoted(s).is_some_and(|(_, _, end)| {
            let after = s[end..].trim_start_matches(|c: char| !c.is_alphanumeric());
            verdict_of(after).is_some() && opens_with_verdict_or_strike(after)
        })
    });
    let corrects = cued || judged_quote;
    if !corrects {
        return answer.to_string();
    }
    let mut out: Vec<String> = Vec::new();
    let mut k = 0;
    while k < sentences.len() {
        let (told, used) = corrected(&sentences[k], sentences.get(k + 1), sentences.get(k + 2));
        if let Some(told) = told.filter(|t| !t.trim().is_empty()) {
            out.push(told);
        }
        k += used;
    }
    out.join(" ")
}

/// What a sentence says once corrected, and how many sentences it used (a verdict may follow
/// in a sentence of its own: `Du skrev «…» under krav. Nei! …`).
fn corrected(sentence: &str, next: Option<&String>, after: Option<&String>) -> (Option<String>, usize) {
    let lower = lowered(sentence);
    let quote = quoted(sentence);
    if quote.is_none() && ABOUT_THE_SUMMARY.iter().any(|w| lower.contains(w)) && !lower.contains(':') {
        return (None, 1);
    }
    // `Takk!`, and `Stryk det.` after the verdict's own sentence.
    if matches!(lower.trim_end_matches(['.', '!']), "takk" | "hei" | "stryk det" | "stryk" | "stryk det òg") {
        return (None, 1);
    }
    // `Rekkefølgen: 1) …`: the heading over the order said.
    if let Some(rest) =
        ["rekkefølgen:", "rekkefølgja:"].iter().find_map(|h| lower.starts_with(h).then(|| &sentence[h.len()..]))
    {
        return (Some(rest.trim().to_string()), 1);
    }
    // `Du satte traktor øverst.`: the advisor's order, which the answer sets right.
    if lower.starts_with("du satte") {
        return (None, 1);
    }
    // `Norsk: du skrev B2, men A2 holder`: what is said instead is read in place.
    let claim = claimed(sentence).filter(|(item, _, _)| !item.contains(", men "));
    let quoted_item = quote.is_some();
    if let Some((item, from, to)) = quote.or(claim) {
        let mut verdict = sentence[to..].trim_start_matches(|c: char| !c.is_alphanumeric()).to_string();
        let mut used = 1;
        if verdict_of(&verdict).is_none() {
            if let Some(next) = next.filter(|n| verdict_of(n).is_some() && opens_with_verdict(n)) {
                verdict = next.clone();
                used = 2;
                // `Nei! Det er montøren vår som har det; hjelperen trenger det ikke.`
                let why = after.is_some_and(|a| {
                    let a = lowered(a);
                    a.contains("trenger det ikke") || a.contains("treng det ikkje")
                });
                if next.trim().trim_end_matches(['!', '.']).eq_ignore_ascii_case("nei") && why {
                    used = 3;
                }
            }
        }
        let before = sentence[..from].trim_end_matches(|c: char| !c.is_alphanumeric() && c != '%');
        let before = strip_claim_opening(before);
        // `Stillinga er 75 %, men du skreiv at det ikkje kan endrast – vi kan gå ned til 50 %`:
        // a claim inside a sentence, with no verdict, gives way to what is said around it.
        if !quoted_item && verdict_of(&verdict).is_none() && !before.is_empty() {
            let before = before.trim_end_matches(", men").trim_end_matches(" men");
            return (Some(format!("{before}, {}", verdict.trim())), 1);
        }
        return (told_after(before, &item, &verdict), used);
    }
    (Some(tidied(sentence)), 1)
}

/// What stands once the item is confirmed, struck or replaced.
fn told_after(before: &str, item: &str, verdict: &str) -> Option<String> {
    let lower = lowered(verdict);
    let end = |text: &str| format!("{}.", text.trim().trim_end_matches(['.', '!', ',']));
    match verdict_of(verdict) {
        Some(Verdict::Confirmed(said)) => {
            let rest = verdict[said..].trim_start_matches(|c: char| !c.is_alphanumeric()).trim();
            let rest = strip_confirmation(rest);
            let item = joined(before, item);
            // Two sentences: `Førerkort klasse B. De må kjøre bilene …` (a comma would make `de`
            // a licence class).
            Some(if rest.is_empty() { end(&item) } else { format!("{} {}", end(&item), end(&capitalised(rest))) })
        }
        Some(Verdict::Struck(said)) => {
            // `«Norsk B2» – det er for strengt; B1 held, …`: the level said instead.
            if lower.contains("for strengt") || lower.contains("for høyt") || lower.contains("for høgt") {
                let rest = verdict[said..].trim_start_matches(|c: char| !c.is_alphanumeric());
                let code = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
                if level(code) {
                    let after = rest[code.len()..].trim_start();
                    // `B1 held, eller engelsk på B1`: another language at that level will do.
                    let other = after.split_once(", eller ").and_then(|(enough, other)| {
                        let (language, rest) = other.split_once(' ')?;
                        let rest = rest.trim_start_matches("på ");
                        let rest = rest.strip_prefix(code)?;
                        (enough.split_whitespace().count() == 1).then(|| (language.to_string(), rest.to_string()))
                    });
                    let named: Vec<&str> = item.split_whitespace().filter(|w| !level(w)).collect();
                    if let Some((language, rest)) = other {
                        let statement =
                            format!("{} eller {language} {code} holder{rest}", joined(before, &named.join(" ")));
                        return Some(end(&statement));
                    }
                    let replaced: Vec<String> = item
                        .split_whitespace()
                        .map(|w| if level(w) { code.to_string() } else { w.to_string() })
                        .collect();
                    return Some(end(&format!(
                        "{} {}",
                        joined(before, &replaced.join(" ")),
                        &rest[code.len()..].trim()
                    )));
                }
            }
            // `… – nei, halvparten av gjestene er svenske, så norsk eller engelsk på B1 holder`,
            // `Det er ikke helt riktig: 80 % går også`: what is said instead stands.
            let rest = verdict[said..].trim_start_matches(|c: char| !c.is_alphanumeric());
            let rest = rest.split_once(':').map_or(rest, |(_, after)| after).trim();
            let asks = ["må", "holder", "held", "minst", "går", "kan", "krav"]
                .iter()
                .any(|w| rest.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|x| x == *w));
            let waived = ["det ", "den "].iter().any(|w| rest.to_lowercase().starts_with(w)) && !rest.contains(':');
            (asks && !waived && !rest.to_lowercase().contains("stryk")).then(|| end(&capitalised(rest)))
        }
        // `Du skrev 50 % hele året.`: the advisor's version, which what follows corrects.
        None => None,
    }
}

/// A verdict and where its words end.
enum Verdict {
    Confirmed(usize),
    Struck(usize),
}

fn verdict_of(text: &str) -> Option<Verdict> {
    let lower = lowered(text);
    let at = |phrase: &str| {
        lower.match_indices(phrase).find(|(at, _)| {
            let before = lower[..*at].chars().next_back();
            let after = lower[at + phrase.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
        })
    };
    if let Some((found, phrase)) = STRIKE.iter().find_map(|p| at(p)) {
        return Some(Verdict::Struck(found + phrase.len()));
    }
    let first = lower.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    if first == "nei" {
        return Some(Verdict::Struck(lower.find("nei").map_or(3, |at| at + 3)));
    }
    // A confirmation is said first (`– ja, …`, `– stemmer, …`), not somewhere after.
    CONFIRM
        .iter()
        .find_map(|p| at(p).filter(|(found, _)| *found < 12))
        .map(|(found, phrase)| Verdict::Confirmed(found + phrase.len()))
}

/// Whether a sentence opens with its verdict (`Nei!`, `Det er det ikke – …`, `Det stemmer.`).
fn opens_with_verdict(sentence: &str) -> bool {
    let lower = lowered(sentence);
    [
        "nei",
        "det er det ikke",
        "det er det ikkje",
        "det er ikke helt riktig",
        "det er ikkje heilt rett",
        "det stemmer",
        "stemmer",
        "ja",
        "mer presist",
        "også riktig",
        "riktig",
    ]
    .iter()
    .any(|v| lower.starts_with(v))
}

/// Whether text after a quote opens with its verdict, or strikes it (`det er for strengt`).
fn opens_with_verdict_or_strike(text: &str) -> bool {
    opens_with_verdict(text) || matches!(verdict_of(text), Some(Verdict::Struck(_)))
}

/// The item in quotes, with where the quote starts and ends.
fn quoted(sentence: &str) -> Option<(String, usize, usize)> {
    let open = sentence.find(['«', '“', '"'])?;
    let inner = open + sentence[open..].chars().next()?.len_utf8();
    let close = inner + sentence[inner..].find(['»', '”', '"'])?;
    let end = close + sentence[close..].chars().next()?.len_utf8();
    Some((sentence[inner..close].to_string(), open, end))
}

/// `Du skrev at norsk B1 er et krav`, `Du skrev 100 % uten unntak`, `… men du skreiv at det
/// ikkje kan endrast –`: the advisor's claim, unquoted, up to a dash or the end.
fn claimed(sentence: &str) -> Option<(String, usize, usize)> {
    let lower = lowered(sentence);
    let (at, cue) = ["du skrev", "du skreiv"].iter().find_map(|cue| lower.find(cue).map(|at| (at, cue.len())))?;
    let from = at + cue;
    let to = sentence[from..].find(['–', '—', ';']).map_or(sentence.len(), |end| from + end);
    let item = sentence[from..to].trim().trim_start_matches("at ").trim_end_matches(['.', ',']).to_string();
    Some((item, at, to))
}

/// `Du skrev` or `men du skreiv` before the item, which names the advisor, not the job.
fn strip_claim_opening(before: &str) -> &str {
    let lower = lowered(before);
    for cue in ["men du skrev", "men du skreiv", "du skrev", "du skreiv"] {
        if let Some(at) = lower.rfind(cue) {
            return before[..at].trim_end_matches(|c: char| !c.is_alphanumeric() && c != '%');
        }
    }
    before
}

/// `Norsk` and `A2`: what came before the item, and the item, as one statement.
fn joined(before: &str, item: &str) -> String {
    if before.is_empty() { capitalised(item) } else { format!("{before} {item}") }
}

/// `ja, det står` and `det stemmer` said again after the verdict add nothing.
fn strip_confirmation(rest: &str) -> &str {
    let lower = lowered(rest);
    for said in ["det stemmer", "det står"] {
        if lower.starts_with(said) {
            return rest[said.len()..].trim_start_matches(|c: char| !c.is_alphanumeric()).trim();
        }
    }
    rest
}

/// A sentence that corrects nothing, with the talk of what the summary missed or got right
/// taken out (`Det du glemte: annenhver helg` → `annenhver helg`, `Norsk B1 er riktig: de må …`
/// → `Norsk B1: de må …`, `…, det fikk du ikke med` → `…`).
fn tidied(sentence: &str) -> String {
    let mut text = sentence.to_string();
    let lower = lowered(&text);
    if let Some(missed) = MISSED.iter().find(|m| lower.starts_with(*m)) {
        text = capitalised(text[missed.len()..].trim());
    }
    // `Øverst skal stå erfaring fra bilverksted`: where an item goes in the order, not standing.
    for (said, put) in [("Øverst skal stå ", "Øverst: "), ("Øvst skal stå ", "Øvst: ")] {
        if let Some(rest) = text.strip_prefix(said) {
            text = format!("{put}{rest}");
        }
    }
    for told in [
        ", det fikk du ikke med",
        ", det fekk du ikkje med",
        " er riktig",
        " er rett",
        ", det stemmer",
        " stemmer",
        ", det står riktig",
        ", og det står fast",
        ", det står fast",
    ] {
        if let Some(at) = lowered(&text).find(told) {
            text.replace_range(at..at + told.len(), "");
        }
    }
    // `Norsk: du skrev B2, men A2 holder`: the level written before gives way.
    if let Some((item, from, to)) = claimed(&text) {
        let rest = text[to..].to_string();
        if let Some(men) = item.find(", men ") {
            let instead = &item[men + ", men ".len()..];
            text = format!("{}{instead}{rest}", &text[..from]);
        }
    }
    if sentence.ends_with('.') && !text.ends_with('.') {
        text.push('.');
    }
    text
}

/// `text` in lower case, letter for letter where that keeps the letter's length in bytes, so that
/// a position found in it is the same position in `text` (`İ` lowercases to two letters).
pub(super) fn lowered(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(one), None) if one.len_utf8() == c.len_utf8() => one,
                _ => c,
            }
        })
        .collect()
}

/// A CEFR level code (`B1`).
fn level(word: &str) -> bool {
    super::clauses::level_code(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::applied;

    #[test]
    fn what_stands_after_the_corrections_is_asked() {
        let said = applied(
            "Takk for oppsummeringen! Noen rettelser. Du skrev «førerkort klasse B» – det stemmer, de må kjøre \
             bilene. Du skrev «fagbrev i bilfaget» – det har jeg ikke sagt, stryk det. Norsk: du skrev B2, men A2 \
             holder.",
        );
        assert_eq!(said, "Førerkort klasse B. De må kjøre bilene. Norsk: A2 holder.");
        let replaced = applied("«Norsk B2» – det er for strengt; B1 held, eller engelsk på B1.");
        assert_eq!(replaced, "Norsk eller engelsk B1 holder.");
        assert_eq!(applied("«Norsk B2» – det er for strengt; B1 held."), "Norsk B1 held.");
        assert_eq!(
            applied("«Norsk B1» – nei, gjestene er svenske, så norsk eller engelsk på B1 holder."),
            "Gjestene er svenske, så norsk eller engelsk på B1 holder."
        );
        assert_eq!(applied("Du skrev 100 % uten unntak. Det er ikke helt riktig: 80 % går også."), "80 % går også.");
        let struck = "Men du skrev «fagbrev som elektriker» under krav. Nei! Det er montøren som har det; hjelperen \
                      trenger det ikke. Førerkort B.";
        assert_eq!(applied(struck), "Førerkort B.");
        let inside = "Stillinga er 75 %, men du skreiv at det ikkje kan endrast – vi kan gå ned til 50 %.";
        assert_eq!(applied(inside), "Stillinga er 75 %, vi kan gå ned til 50 %.");
    }

    #[test]
    fn odd_text_never_breaks_the_reading() {
        for text in
            ["Du skrev «", "«»", "du skrev", "İSTANBUL du skrev «İ» – stryk det.", "«Å» – nei", "Nei! Nei!", "«x» – ja"]
        {
            let _ = applied(text);
        }
        assert_eq!(applied("Du skrev «İ» – det stemmer, du må ha førerkort."), "İ. Du må ha førerkort.");
    }

    #[test]
    fn answers_that_correct_nothing_are_left_as_written() {
        let text = "Du må ha førerkort B.\nØnskelig:\n1. truck";
        assert_eq!(applied(text), text);
    }
}
