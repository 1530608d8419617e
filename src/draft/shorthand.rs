//! A recruiter's shorthand, as typed into a CRM: `Krav: fk kl. B. Arb. i høyden -> ikke
//! høydeskrekk. No. el. eng. min. A2`. Read as they stand, `fk`, `no.` and `arb.` are strangers,
//! and their full stops end sentences in the middle of a requirement. This module spells the
//! shorthand out, so the rest of the drafter reads ordinary Norwegian: `Krav: førerkort klasse
//! B. Arbeid i høyden – ikke høydeskrekk. Norsk el. engelsk minst A2`.

/// Abbreviations written with a full stop, and what they stand for.
const DOTTED: &[(&str, &str)] = &[
    ("arb", "arbeid"),
    ("utl", "utenlandske"),
    ("ift", "i forhold til"),
    ("oppl", "opplæring"),
    ("utd", "utdanning"),
    ("bakgr", "bakgrunn"),
    ("min", "minst"),
    ("prio", "prioritert"),
    ("m", "med"),
    ("eng", "engelsk"),
    ("jan", "januar"),
    ("feb", "februar"),
    ("aug", "august"),
    ("sept", "september"),
    ("okt", "oktober"),
    ("nov", "november"),
    ("des", "desember"),
];

/// Abbreviations that are also words (`min`, `eng`, `m`): read as shorthand only inside a
/// sentence.
const AMBIGUOUS: &[&str] = &["min", "eng", "m"];

/// Abbreviated ends of compounds (`nattarb.`, `industrimek.`, `sykkelrep.`, `serviceinnst.`).
const DOTTED_ENDS: &[(&str, &str)] =
    &[("arb", "arbeid"), ("mek", "mekaniker"), ("rep", "reparasjon"), ("bakgr", "bakgrunn"), ("innst", "innstilt")];

/// Arrows that say «so» or «therefore» (`Kjølerom -> tåle kulde`): a break between two clauses.
const ARROWS: &[&str] = &["->", "-->", "→", "=>"];

/// `answer` with its shorthand spelt out; an answer without shorthand comes back as it was.
pub fn spelt_out(answer: &str) -> String {
    let pieces: Vec<&str> = answer.split_inclusive(char::is_whitespace).collect();
    let mut out = String::with_capacity(answer.len() + 32);
    for (i, piece) in pieces.iter().enumerate() {
        let token = piece.trim_end_matches(char::is_whitespace);
        let next = pieces[i + 1..].iter().map(|p| p.trim()).find(|t| !t.is_empty());
        let previous = pieces[..i].iter().rev().map(|p| p.trim()).find(|t| !t.is_empty());
        out.push_str(&token_spelt_out(token, previous, next));
        out.push_str(&piece[token.len()..]);
    }
    out
}

/// One whitespace-separated token; `No./eng.` is read part by part.
fn token_spelt_out(token: &str, previous: Option<&str>, next: Option<&str>) -> String {
    if ARROWS.contains(&token) {
        return "–".to_string();
    }
    let parts: Vec<&str> = token.split('/').collect();
    if parts.len() > 1 && parts.iter().all(|p| !p.is_empty()) {
        let spelt: Vec<String> = (0..parts.len())
            .map(|j| {
                let before = if j == 0 { previous } else { Some(parts[j - 1]) };
                let after = parts.get(j + 1).copied().or(next);
                // Inside `No./eng.` a full stop ends nothing.
                let inner = j + 1 < parts.len();
                part_spelt_out(parts[j], before, after, inner)
            })
            .collect();
        return spelt.join("/");
    }
    part_spelt_out(token, previous, next, false)
}

/// One word with the punctuation around it (`(fk`, `Arb.`, `utd.)`).
fn part_spelt_out(part: &str, previous: Option<&str>, next: Option<&str>, inner: bool) -> String {
    let body_start = part.find(char::is_alphanumeric).unwrap_or(part.len());
    let (lead, rest) = part.split_at(body_start);
    let body_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    let (body, after) = rest.split_at(body_end);
    if body.is_empty() {
        return part.to_string();
    }
    let word = body.to_lowercase();
    let dotted = after.starts_with('.');
    let next_word = next.map(bare).unwrap_or_default();
    // The full stop of an abbreviation ends the sentence only before a capital that is no code
    // (`… utd. Oppstart snarest`), or at the very end.
    let ends_sentence = !inner
        && next.is_none_or(|n| {
            n.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase) && !code(&next_word)
        });
    // `jobben min.`, `på en eng.`: at the end of a sentence these are the words themselves.
    if dotted && ends_sentence && AMBIGUOUS.contains(&word.as_str()) {
        return part.to_string();
    }
    let long = if dotted { dotted_long(&word, previous, next, &next_word) } else { bare_long(&word, &next_word) };
    let Some(long) = long else {
        return part.to_string();
    };
    let long = if body.chars().next().is_some_and(char::is_uppercase) { capitalised(&long) } else { long };
    let after = if dotted && !ends_sentence { &after[1..] } else { after };
    format!("{lead}{long}{after}")
}

/// What a dotted abbreviation stands for, where it is one.
fn dotted_long(word: &str, previous: Option<&str>, next: Option<&str>, next_word: &str) -> Option<String> {
    // `No. min. A2`, `No. el. eng.`, `No./eng.`: Norwegian, when a level or another language
    // follows (`no.` is also nynorsk for «now»).
    if word == "no" {
        let language_follows = level(next_word)
            || matches!(next_word, "min" | "el" | "eller" | "og" | "eng" | "engelsk")
            || next.is_some_and(|n| n.contains('/'));
        return language_follows.then(|| "norsk".to_string());
    }
    // `fk kl. B`: the class of a licence, not a time (`kl. 22`).
    if word == "kl" {
        return licence_class(next_word).then(|| "klasse".to_string());
    }
    // `m. mulighet for fast`: «med» before a word, not metres after a number.
    if word == "m" && (previous.is_some_and(|p| p.chars().any(|c| c.is_ascii_digit())) || !starts_lower(next)) {
        return None;
    }
    if let Some((_, long)) = DOTTED.iter().find(|(short, _)| *short == word) {
        return Some(long.to_string());
    }
    DOTTED_ENDS.iter().find_map(|(end, long)| {
        let stem = word.strip_suffix(end)?;
        (stem.chars().count() >= 3).then(|| format!("{stem}{long}"))
    })
}

/// What an abbreviation written without a full stop stands for: `fk B`, `eng B2`, `no B1`.
fn bare_long(word: &str, next_word: &str) -> Option<String> {
    match word {
        "fk" if licence_class(next_word) || matches!(next_word, "kl" | "klasse") => Some("førerkort".to_string()),
        "eng" if level(next_word) => Some("engelsk".to_string()),
        "no" if level(next_word) => Some("norsk".to_string()),
        _ => None,
    }
}

/// The word of a token without the punctuation around it, lowercased.
fn bare(token: &str) -> String {
    token.trim_matches(|c: char| !c.is_alphanumeric()).split(['/', '.']).next().unwrap_or_default().to_lowercase()
}

fn starts_lower(token: Option<&str>) -> bool {
    token.and_then(|t| t.chars().find(|c| c.is_alphanumeric())).is_some_and(char::is_lowercase)
}

/// A language level (`A2`, `b1`).
fn level(word: &str) -> bool {
    matches!(word, "a1" | "a2" | "b1" | "b2" | "c1" | "c2")
}

/// A driving licence class (`B`, `BE`, `C1E`, `D`).
fn licence_class(word: &str) -> bool {
    matches!(word, "b" | "be" | "c" | "c1" | "c1e" | "ce" | "d" | "d1" | "d1e" | "de")
}

/// A code that stands in a sentence in capitals without opening one (`B`, `A2`, `T4`, `HMS`).
fn code(word: &str) -> bool {
    level(word) || licence_class(word) || (word.len() == 2 && word.starts_with('t') && word[1..].parse::<u8>().is_ok())
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::spelt_out;

    #[test]
    fn a_recruiters_shorthand_is_spelt_out() {
        assert_eq!(
            spelt_out("Krav: fk kl. B (firmabil). Arb. i høyden hver dag -> ikke høydeskrekk. No. min. A2, må forstå"),
            "Krav: førerkort klasse B (firmabil). Arbeid i høyden hver dag – ikke høydeskrekk. Norsk minst A2, må forstå"
        );
        assert_eq!(spelt_out("Må: no. el. eng. B1 (kundekontakt)"), "Må: norsk el. engelsk B1 (kundekontakt)");
        assert_eq!(spelt_out("No./eng. min. A2 ift. sikkerhet"), "Norsk/engelsk minst A2 i forhold til sikkerhet");
        assert_eq!(spelt_out("Nattarb. kl. 22–06"), "Nattarbeid kl. 22–06");
        assert_eq!(
            spelt_out("erf. sykkelrep./mekanisk arb.; interesse"),
            "erf. sykkelreparasjon/mekanisk arbeid; interesse"
        );
        assert_eq!(spelt_out("Ingen krav til utd."), "Ingen krav til utdanning.");
        assert_eq!(spelt_out("Vikariat 6 mnd, m. mulighet for fast."), "Vikariat 6 mnd, med mulighet for fast.");
    }

    #[test]
    fn words_that_only_look_like_shorthand_stay() {
        // Nynorsk «no» (now), a time after `kl.`, metres after a number, football clubs, and
        // words that end a sentence as themselves.
        for text in [
            "Det e T2 vi bruke mest no. T2 holder.",
            "Fra kl. 7 til 15.",
            "Over 2 m. Du må tåle høyde.",
            "Glad i Molde FK",
            "Ring sjefen min. Han svarer.",
            "Vi slår gresset på en eng.",
        ] {
            assert_eq!(spelt_out(text), text);
        }
    }
}
