//! An employer who thinks aloud while writing and changes their mind on the way: a requirement
//! said and then taken back (`Førerkort B må du ha. Eller, vent: det holder at noen i laget
//! kjører, så det er ikke et krav likevel`), a class or a figure replaced (`T1 holder … nei,
//! vent, …, så det er T4`, `75 går – nei, la oss si 80`), a first thought reported and let go
//! (`Eg tenkte først at du måtte ha førarkort, men nei, vi hentar deg i bygda`). Read as
//! written, both thoughts were drafted, so a licence nobody asks for any more became a
//! must-have.
//!
//! This module writes such an answer as the thought that stands: what is taken back is dropped,
//! a replaced class or figure is written in place of the old one, and a first thought keeps only
//! what follows its `men`. Answers that change no mind are left as written.

use super::faq::{capitalised, sentences};
use crate::analysis::word_spans;

/// What opens a change of mind (`nei, vent`, `Eller, vent:`, `Nei, forresten –`, `nei, la oss
/// si`, `Nei, glem det`), lower-cased, commas optional.
const CHANGES: &[&str] = &[
    "nei vent",
    "eller vent",
    "nei forresten",
    "eller forresten",
    "nei glem det",
    "nei gløym det",
    "nei la oss si",
    "nei lat oss seie",
    "nei la meg si",
];

/// What says the thought taken back asked for nothing in its place.
const NOTHING_INSTEAD: &[&str] = &[
    "ikke et krav",
    "ikkje eit krav",
    "ikke noe krav",
    "ikkje noko krav",
    "ikke nødvendig",
    "ikkje naudsynt",
    "trengs ikke",
    "trengst ikkje",
    "trenger vi ikke",
    "treng vi ikkje",
    "trenger du ikke",
    "treng du ikkje",
    "ikke avgjørende",
    "ikkje avgjerande",
    // The same in a clause after `at` (`han sa at det ikke er et krav`).
    "ikke er et krav",
    "ikkje er eit krav",
    "ikke er noe krav",
    "ikkje er noko krav",
    "ikke er nødvendig",
    "ikkje er naudsynt",
    "ikke er avgjørende",
    "ikkje er avgjerande",
];

/// Words that report a thing as mentioned (`Førerkort ble nevnt`, `Hun nevnte hygienekurs`).
const MENTIONED: &[&str] = &["nevnt", "nemnt", "nevnte", "nemnde", "nevner", "nemner"];

/// What says the employer sees to a thing themselves (`men det tar de selv første uka`).
const SEEN_TO: &[&str] = &[
    "tar de selv",
    "tar vi selv",
    "tek dei sjølv",
    "tek dei sjølve",
    "tek vi sjølv",
    "tek me sjølv",
    "ordner de",
    "ordner vi",
    "ordnar dei",
    "ordnar vi",
];

/// What a writer says while thinking, which asks nothing (`Hva må du ha … la meg tenke.`).
const MUSINGS: &[&str] = &["la meg tenke", "la meg se", "lat meg tenkje", "lat meg sjå", "skal vi se", "skal vi sjå"];

/// Who reports a first thought (`Jeg tenkte først at …`, `Eg skreiv først at …`).
const THINKERS: &[&str] = &["jeg", "eg", "vi", "je", "æ"];

/// How a first thought is reported.
const THOUGHT: &[&str] = &["tenkte", "trodde", "skrev", "skreiv", "mente", "meinte", "sa", "sade", "ville"];

/// The answer with every change of mind settled.
pub(super) fn settled(answer: &str) -> String {
    answer.lines().map(settled_line).collect::<Vec<_>>().join("\n")
}

fn settled_line(line: &str) -> String {
    let mut kept: Vec<String> = Vec::new();
    let mut changed = false;
    for written in sentences(line) {
        let sentence = without_first_thought(&without_musing(&written));
        changed |= sentence != written;
        if sentence.is_empty() {
            continue;
        }
        // `Førerkort ble nevnt, men han sa selv at det ikke er et krav`: said, then not asked.
        if mentioned_not_asked(&sentence) {
            changed = true;
            continue;
        }
        let change = change_of_mind(&sentence);
        changed |= change.is_some();
        match change {
            // `Eller, vent: …` opens the sentence: the one before is what is taken back.
            Some((0, after)) => {
                let taken_back = kept.pop().unwrap_or_default();
                if let Some(settled) = settle(&taken_back, &sentence[after..]) {
                    kept.push(settled);
                }
            }
            // `T1 holder … nei, vent, …`: the part before the change, back to the last pause.
            Some((at, after)) => {
                let head = sentence[..at].trim_end_matches([' ', ',', '…', '.', '–', '-', ':']);
                let start = last_pause(head);
                let (before, taken_back) = head.split_at(start);
                let settled = settle(taken_back, &sentence[after..]).unwrap_or_default();
                let joined = format!("{} {}", before.trim_end(), settled.trim_end_matches('.')).trim().to_string();
                let joined = joined.trim_end_matches([',', ' ', '–', '-', ':']).to_string();
                if !joined.is_empty() {
                    kept.push(format!("{}.", capitalised(&joined)));
                }
            }
            None => kept.push(sentence),
        }
    }
    if !changed {
        return line.to_string();
    }
    if kept.is_empty() {
        // Nothing stands; a blank line would end the list a heading is over, so the line stays
        // with no words in it.
        return ".".to_string();
    }
    kept.join(" ")
}

/// `Førerkort ble nevnt, men han sa selv at det ikke er et krav`, `Hun nevnte mattrygghetskurs,
/// men sa at det tar de selv første uka`: a thing reported as mentioned, then said not to be
/// asked or to be seen to by the employer, asks nothing.
fn mentioned_not_asked(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let Some(but) = words.iter().position(|w| *w == "men") else {
        return false;
    };
    let after = words[but + 1..].join(" ");
    words[..but].iter().any(|w| MENTIONED.contains(w))
        && (NOTHING_INSTEAD.iter().chain(SEEN_TO).any(|p| after.contains(p)))
}

/// What stands of `taken_back` once `instead` is said: nothing, the old thought with the new
/// class or figure in it, or the new thought alone.
fn settle(taken_back: &str, instead: &str) -> Option<String> {
    let instead = instead.trim_start_matches([' ', ',', ':', '–', '-', '…']).trim();
    let lower = instead.to_lowercase();
    if instead.is_empty() || NOTHING_INSTEAD.iter().any(|p| lower.contains(p)) {
        return None;
    }
    let new = instead.split(|c: char| !c.is_alphanumeric()).find_map(|w| Some(w).filter(|w| kind(w).is_some()));
    let old =
        taken_back.split(|c: char| !c.is_alphanumeric()).find(|w| kind(w).is_some() && kind(w) == new.and_then(kind));
    match (old, new) {
        (Some(old), Some(new)) => {
            let replaced = replace_word(taken_back, old, new);
            Some(format!("{}.", replaced.trim().trim_end_matches(['.', ',', ' ', '…'])))
        }
        _ => Some(capitalised(instead)),
    }
}

/// The kind of a class or figure that a change of mind replaces: a number, a truck class
/// (`T4`), or a language level or licence class (`B1`, `C1E`).
fn kind(word: &str) -> Option<u8> {
    let upper = word.to_uppercase();
    let bytes = upper.as_bytes();
    if !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) {
        return Some(0);
    }
    if bytes.len() == 2 && bytes[0] == b'T' && bytes[1].is_ascii_digit() {
        return Some(1);
    }
    let class =
        matches!(upper.as_str(), "A1" | "A2" | "B1" | "B2" | "C1" | "C2" | "BE" | "C1E" | "CE" | "D1" | "D1E" | "DE");
    class.then_some(2)
}

/// `text` with its first whole word `old` written `new`.
fn replace_word(text: &str, old: &str, new: &str) -> String {
    let mut from = 0;
    while let Some(found) = text[from..].find(old).map(|i| i + from) {
        let end = found + old.len();
        let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if bounded(text[..found].chars().next_back()) && bounded(text[end..].chars().next()) {
            return format!("{}{}{}", &text[..found], new, &text[end..]);
        }
        from = end;
    }
    text.to_string()
}

/// Where the last pause of `head` ends (after a comma, dash, ellipsis or colon): the start of
/// the thought a change of mind in the middle of a sentence takes back.
fn last_pause(head: &str) -> usize {
    head.char_indices()
        .filter(|&(_, c)| matches!(c, ',' | '–' | '…' | ':' | ';'))
        .map(|(i, c)| i + c.len_utf8())
        .next_back()
        .unwrap_or(0)
}

/// Where a change of mind opens in `sentence` (byte offset of its first word, at the start or
/// after a pause) and where what follows it begins.
fn change_of_mind(sentence: &str) -> Option<(usize, usize)> {
    let words = word_spans(sentence);
    for start in 0..words.len() {
        let paused = start == 0 || sentence[..words[start].0].trim_end().ends_with([',', '–', '-', '…', '.', ':']);
        if !paused {
            continue;
        }
        for change in CHANGES {
            let parts: Vec<&str> = change.split(' ').collect();
            let matched = parts
                .iter()
                .enumerate()
                .all(|(k, part)| words.get(start + k).is_some_and(|&(s, e)| sentence[s..e].to_lowercase() == *part));
            if matched {
                let end = words[start + parts.len() - 1].1;
                return Some((words[start].0, end));
            }
        }
    }
    None
}

/// `sentence` without what the writer says while thinking (`Hva må du ha … la meg tenke.` →
/// `Hva må du ha.`).
fn without_musing(sentence: &str) -> String {
    let lower = sentence.to_lowercase();
    let Some((at, musing)) = MUSINGS.iter().find_map(|m| lower.find(m).map(|at| (at, m))) else {
        return sentence.to_string();
    };
    let head = sentence[..at].trim_end_matches([' ', ',', '…', '.', '–', '-']);
    let tail = sentence[at + musing.len()..].trim_start_matches([' ', ',', '…', '.', '–', '-', ':']);
    match (head.is_empty(), tail.is_empty()) {
        (true, true) => String::new(),
        (true, false) => capitalised(tail),
        (false, true) => format!("{head}."),
        (false, false) => format!("{head}, {tail}"),
    }
}

/// `sentence` without a first thought it reports and lets go (`Eg tenkte først at du måtte ha
/// førarkort, men nei, vi hentar deg i bygda` → `Vi hentar deg i bygda`): empty when nothing
/// follows the `men`.
fn without_first_thought(sentence: &str) -> String {
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let reported = words.windows(3).any(|w| {
        THINKERS.contains(&w[0]) && THOUGHT.contains(&w[1]) && w[2] == "først"
            || THOUGHT.contains(&w[0]) && w[1] == "først" && w[2] == "at"
    });
    if !reported {
        return sentence.to_string();
    }
    let Some(but) = lower.find(", men ").map(|i| i + ", men ".len()) else {
        return sentence.to_string();
    };
    let rest = sentence[but..].trim_start();
    let rest = ["nei,", "nei –", "nei"]
        .iter()
        .find_map(|no| rest.to_lowercase().starts_with(no).then(|| rest[no.len()..].trim_start()))
        .unwrap_or(rest);
    if rest.trim_end_matches('.').trim().is_empty() {
        return String::new();
    }
    capitalised(rest)
}

#[cfg(test)]
mod tests {
    use super::settled;

    #[test]
    fn a_requirement_taken_back_is_dropped_with_the_words_that_take_it_back() {
        let answer = "Du må tåle regn. Førerkort B må du ha, vi flytter hver uke. Eller, vent: det holder at noen i \
                      laget kjører, så det er ikke et krav likevel. Kvelder må du kunne jobbe.";
        assert_eq!(settled(answer), "Du må tåle regn. Kvelder må du kunne jobbe.");
    }

    #[test]
    fn a_class_or_a_figure_replaced_is_written_in_place_of_the_old_one() {
        let truck =
            "Truck må du ha, T1 holder … nei, vent, vi har gått over til motvektstruck, så det er T4. Norsk A2.";
        assert_eq!(settled(truck), "Truck må du ha, T4 holder. Norsk A2.");
        let hours = "Fulltid helst. 75 går – nei, la oss si 80, ellers blir det for få vakter.";
        assert_eq!(settled(hours), "Fulltid helst. 80 går.");
    }

    #[test]
    fn a_new_thought_with_nothing_to_replace_stands_alone() {
        let answer = "Hundre prosent hele sesongen, det er sånn det er. Nei, forresten – 80 kan vi leve med.";
        assert_eq!(settled(answer), "80 kan vi leve med.");
        let question = "Førerkort? Nei, glem det, alt skjer i butikken. Norsk B1.";
        assert_eq!(settled(question), "Alt skjer i butikken. Norsk B1.");
    }

    #[test]
    fn a_first_thought_keeps_only_what_follows_its_but() {
        let answer = "Eg tenkte først at du måtte ha førarkort, men nei, vi hentar deg i bygda. Helg må du ta.";
        assert_eq!(settled(answer), "Vi hentar deg i bygda. Helg må du ta.");
        let gone = "Jeg tenkte først at vi kunne ta lappen for deg, men nei. Norsk B2.";
        assert_eq!(settled(gone), "Norsk B2.");
    }

    #[test]
    fn a_thing_mentioned_and_then_not_asked_is_dropped() {
        let answer = "Norsk B1. Truckførerbevis ble nevnt, men hun sa selv at det ikke er noe krav. Helg.";
        assert_eq!(settled(answer), "Norsk B1. Helg.");
        let seen_to = "Han nemnde hygienekurs, men sa at det tek dei sjølve. Natt må du ta.";
        assert_eq!(settled(seen_to), "Natt må du ta.");
        let asked = "Hun nevnte truck, men sa at T4 må du ha.";
        assert_eq!(settled(asked), asked);
    }

    #[test]
    fn answers_that_change_no_mind_are_left_as_written() {
        for answer in [
            "Nei, du trenger ikke førerkort. Norsk B1 må du ha.",
            "Truck må du ha, T1 holder.",
            "Førerkort B, ja – du skal rundt i hele distriktet.",
            "Norsk B1. Nei, nei, du trenger ikke førerkort.",
        ] {
            assert_eq!(settled(answer), answer);
        }
    }
}
