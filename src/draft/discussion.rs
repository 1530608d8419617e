//! An employer forwarding how the people at the firm talked the need over: who wanted what, and
//! what they agreed on (`Kari ville først ha en med egen erfaring fra birøkt, men det kan vi ikke
//! kreve … Det vi landet på: du kan ikke være allergisk …`, `> Anleggsleder: Kurs i
//! arbeidsvarsling må de ha. Svar: Nei, det tar vi første uka`, `Mona: du må ha trimmekurs. Der
//! sa jeg nei`). Read as written, every proposal was drafted as asked, the ones turned down too,
//! and the names and the talk warned as requirements nobody understood.
//!
//! When the answers read as such a discussion, this module keeps what was agreed: a conclusion
//! (`Det vi landet på:`, `Endte med:`, `Til slutt:`) replaces the talk before it in its answer;
//! a proposal turned down goes, or gives way to what was settled instead (`men vi landa på
//! norsk B1`, `så båtførarbevis held`); a proposal agreed to stays, without who made it; a
//! turn answered `Nei` goes, one answered `Enig` or `Stemmer` stays; and the talk about the
//! talk (`Videresender det Kari og jeg ble enige om`) is dropped. Other answers are left as
//! written.

use super::corrections::lowered;
use super::faq::{capitalised, sentences};
use crate::model::ReflectionAnswers;

/// Words that say the answers tell a discussion.
const DISCUSSION: &[&str] = &[
    "ble enige",
    "ble vi enige",
    "ble vi alle enige",
    "vart samde",
    "vart vi samde",
    "landet på",
    "landa på",
    "endte med",
    "referatet",
    "diskuterte",
    "drøfta",
    "drøftet",
    "uenige",
    "usamde",
    "svar:",
];

/// Openings that give what was settled, replacing the talk before them in the answer.
const CONCLUSIONS: &[&str] = &[
    "det vi landet på",
    "det vi landa på",
    "det vi ble enige om",
    "det vi vart samde om",
    "vi ble enige om denne rekkefølgen",
    "vi vart samde om denne rekkefølgja",
    "vi endte med",
    "vi enda med",
    "endte med",
    "enda med",
    "til slutt:",
    "konklusjon:",
    "konklusjonen:",
    "hun vant:",
    "han vant:",
    "ho vann:",
    "han vann:",
    "rangert etter at vi hadde drøfta det",
    "rangert etter at vi hadde diskutert det",
];

/// Sentences about the talk itself, which ask nothing.
const TALK: &[&str] = &[
    "videresender",
    "klippet inn",
    "klipper inn",
    "klipt inn",
    "referatet",
    "snakket om dette",
    "snakka om dette",
    "snakka med",
    "snakket med",
    "gått gjennom dette",
    "gått igjennom dette",
    "diskuterte",
    "drøfta dette",
    "uenige",
    "usamde",
    "forskjellig på dette",
    "skriver begge deler",
];

/// Verbs by which someone puts something forward (`Kari ville først ha …`, `han meinte …`).
const PROPOSE: &[&str] =
    &["ville", "vil", "mente", "meinte", "trodde", "trudde", "sa", "ønsket", "ønskte", "foreslo", "la", "satte"];

/// What turns a proposal down, after its `men` (`men det kan vi ikke kreve`).
const TURNED_DOWN: &[&str] = &[
    "kan vi ikke kreve",
    "kan vi ikkje krevje",
    "ikke krav",
    "ikkje krav",
    "ikke et krav",
    "ikkje eit krav",
    "ikke realistisk",
    "ikkje realistisk",
    "stemmer ikke",
    "stemmer ikkje",
    "treng du ikkje",
    "trenger du ikke",
    "det tar du hos oss",
    "det tek du hos oss",
    "det lærer vi deg",
    "vi lærer deg",
    "det tar vi",
    "det tek vi",
    "vi tar kurset",
    "vi tek kurset",
    "det får du hos oss",
    "det får du av oss",
    "droppet vi",
    "dropte vi",
    "sa jeg nei",
    "sa eg nei",
    " nei,",
    " nei ",
    " nei.",
];

/// What says a proposal was agreed to (`og det ble vi alle enige om`, `det går jeg med på`).
const AGREED: &[&str] = &[
    "og det ble vi",
    "og det vart vi",
    "det går jeg med på",
    "det går eg med på",
    "og det er jeg enig i",
    "og det er eg samd i",
];

/// What settles instead of a proposal turned down (`men vi landa på norsk B1`, `så båtførarbevis
/// held`), each followed by what was settled.
const INSTEAD: &[&str] = &[
    "vi landet på ",
    "vi landa på ",
    "det ble ",
    "det vart ",
    "vi sier ",
    "vi seier ",
    "vi ble enige om at ",
    "vi vart samde om at ",
    "det holder med ",
    "det held med ",
    " så ",
];

/// Languages a proposal may name before the level settled for it (`god norsk, men det holder
/// med A2`).
const LANGUAGES: &[&str] = &["norsk", "engelsk", "svensk", "dansk", "tysk", "polsk", "spansk", "fransk"];

/// Sentences that turn down the one before (`Det er ikke realistisk, og vi ble enige om at det
/// ikke er krav.`).
const THAT_TURNED_DOWN: &[&str] = &[
    "det er ikke realistisk",
    "det er ikkje realistisk",
    "det stemmer ikke",
    "det stemmer ikkje",
    "det kan vi ikke kreve",
    "det kan vi ikkje krevje",
];

/// Answers to a turn that agree (`Enig.`, `Svar: Stemmer, …`) or disagree (`Svar: Nei, …`).
const YES: &[&str] = &[
    "det ble vi enige om",
    "vi ble enige om dette",
    "det vart vi samde om",
    "enige",
    "enig",
    "helt enig",
    "samde",
    "samd",
    "stemmer",
    "ja",
    "greit",
    "ok",
];
const NO: &[&str] = &["nei", "der sa jeg nei", "der sa eg nei", "uenig", "usamd", "ikke krav", "ikkje krav"];

/// Who may speak a turn (`Jeg: …`, `Svar: …`), besides the names and roles the answers use.
const SPEAKERS: &[&str] = &[
    "jeg",
    "eg",
    "svar",
    "far",
    "mor",
    "far min",
    "faren min",
    "mor mi",
    "mora mi",
    "broren min",
    "bror min",
    "søstera mi",
    "søster mi",
    "søsteren min",
];

/// `answers` as what the people at the firm agreed on, when they tell a discussion.
pub fn agreed(answers: &ReflectionAnswers) -> ReflectionAnswers {
    let all = format!("{} {} {}", answers.must_have, answers.wishes, answers.room_to_adapt);
    let lower = lowered(&all);
    if !DISCUSSION.iter().any(|cue| lower.contains(cue)) {
        return answers.clone();
    }
    let speakers = speakers(&all);
    ReflectionAnswers {
        must_have: agreed_in(&answers.must_have, &speakers),
        wishes: agreed_in(&answers.wishes, &speakers),
        room_to_adapt: agreed_in(&answers.room_to_adapt, &speakers),
    }
}

/// The names and roles that speak or propose in the answers (`Mona: …`, `Kari ville …`,
/// `feiermesteren ville ha det`), lower-cased.
fn speakers(all: &str) -> Vec<String> {
    let mut found: Vec<String> = SPEAKERS.iter().map(|s| s.to_string()).collect();
    let lower_all = lowered(all);
    for sentence in sentences(all) {
        if let Some((written, _)) = unquoted(&sentence).split_once(':') {
            let label = lowered(written.trim());
            let forwarded = sentence.trim_start().starts_with('>');
            // `Mona: …` more than once: a person's turns, not a heading such as `Norsk:`.
            let repeated = label.split_whitespace().count() == 1
                && is_person(written.trim())
                && lower_all.matches(&format!("{label}:")).count() >= 2;
            if (forwarded || repeated) && !label.is_empty() {
                found.push(label);
            }
        }
        let words: Vec<&str> = sentence.split_whitespace().collect();
        for pair in words.windows(2) {
            let person = pair[0].trim_start_matches(['>', '–', '-']).trim_end_matches(',');
            if PROPOSE.contains(&lowered(pair[1]).as_str()) && !person.is_empty() && is_person(person) {
                found.push(lowered(person));
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// A name (`Kari`) or a role in the definite (`butikksjefen`, `styreleiaren`): someone at the firm.
fn is_person(word: &str) -> bool {
    // Written as a given name (`portrait` reads them the same way), of three letters or more:
    // `Så`, `Om` open sentences.
    let name = super::portrait::is_name(word) && word.chars().count() >= 3;
    let lower = lowered(word);
    let role = ["sjefen", "mesteren", "lederen", "leiaren", "leiren", "formannen", "eieren", "eigaren"]
        .iter()
        .any(|end| lower.ends_with(end));
    let pronoun = matches!(lower.as_str(), "han" | "hun" | "ho");
    (name && !matches!(lower.as_str(), "det" | "vi" | "du" | "jeg" | "eg" | "me" | "dere")) || role || pronoun
}

/// A sentence without the quote mark of a forwarded message and a list dash before it.
fn unquoted(sentence: &str) -> &str {
    sentence.trim_start().trim_start_matches(['>', '–', '-', ' '])
}

/// One answer as what was agreed.
fn agreed_in(answer: &str, speakers: &[String]) -> String {
    let mut said: Vec<String> = sentences(answer).iter().flat_map(|s| after_quotes(s)).collect();
    // A conclusion replaces the talk before it.
    if let Some((at, rest)) = said.iter().enumerate().rev().find_map(|(at, s)| concluded(s).map(|rest| (at, rest))) {
        said.drain(..at);
        said[0] = rest;
    }
    let mut kept: Vec<String> = Vec::new();
    for sentence in said {
        let Some(sentence) = without_heading(&sentence) else { continue };
        let bare = unquoted(&sentence).to_string();
        let lower = lowered(&bare);
        // The answer to the turn before: `Enige.`, `Jeg: helt enig.`, `Svar: Nei, det tar vi …`.
        let (speaker, content) = spoken(&bare, speakers);
        let content = content.trim().trim_start_matches(['«', '“']);
        let content_lower = lowered(content);
        if speaker.is_none() && THAT_TURNED_DOWN.iter().any(|t| lower.starts_with(t)) {
            kept.pop();
            continue;
        }
        let verdict = |list: &[&'static str]| -> Option<&'static str> {
            list.iter().copied().find(|w| {
                content_lower.starts_with(w)
                    && content_lower[w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
            })
        };
        // Said by no one in particular, a `no` turns down the sentence before only when it is
        // all there is (`Ikke krav.`) or says so (`Der sa jeg nei`); `Ikke krav om fagbrev` is
        // a statement of its own.
        if let Some(no) = verdict(NO) {
            if speaker.is_some() || content_lower.trim_end_matches(['.', '!']) == no || no.starts_with("der sa") {
                kept.pop();
                continue;
            }
        }
        if let Some(yes) = verdict(YES) {
            // `Svar: Stemmer, førerkort BE er krav.`: what follows the yes is said too.
            let after = content[yes.len()..].trim_start_matches([',', '.', ' ', '!', '–', '-']);
            let after = after.trim_start_matches("og så ").trim_start_matches("og ");
            // `Svar: Enig, det står øverst.`: a back-reference to the turn adds nothing.
            let back = lowered(after).starts_with("det ");
            if !back && !after.trim_end_matches(['.', '»', '”']).trim().is_empty() {
                kept.push(capitalised(after.trim_end_matches(['»', '”'])));
            }
            continue;
        }
        if TALK.iter().any(|cue| lower.contains(cue)) {
            continue;
        }
        let content = content.trim_end_matches(['»', '”']);
        let Some(told) = proposal(content, speakers) else {
            kept.push(if speaker.is_some() { capitalised(content) } else { sentence.clone() });
            continue;
        };
        if !told.is_empty() {
            kept.push(told);
        }
    }
    kept.join(" ")
}

/// A sentence without the minutes' heading before it (`Punkt 1, krav: – Høyder: …` → `Høyder:
/// …`); `None` when the heading is all there is (`Punkt 2, ønsker.`).
fn without_heading(sentence: &str) -> Option<String> {
    let bare = unquoted(sentence);
    let lower = lowered(bare);
    let Some(rest) = lower.strip_prefix("punkt ") else { return Some(sentence.to_string()) };
    let number = rest.chars().take_while(char::is_ascii_digit).count();
    if number == 0 {
        return Some(sentence.to_string());
    }
    let mut at = bare.len() - rest.len() + number;
    let after = &lower[at..];
    let label = [", krav:", ", krav", ", ønsker:", ", ønsker", ", ønske:", ":", ","]
        .iter()
        .find(|l| after.starts_with(*l))
        .map_or(0, |l| l.len());
    at += label;
    let told = bare[at..].trim_start_matches([' ', '.', ':', '–', '-']).trim();
    (!told.is_empty()).then(|| capitalised(told))
}

/// A sentence split after a quoted turn that ends it (`Jeg: «Enig, …» Til slutt: …`): the
/// sentence splitter keeps quotes whole, and a turn's quote ends the turn.
fn after_quotes(sentence: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut from = 0;
    for (at, c) in sentence.char_indices() {
        let closes = matches!(c, '»' | '”') && sentence[..at].trim_end().ends_with(['.', '!', '?']);
        let next = sentence[at + c.len_utf8()..].trim_start().chars().next();
        if closes && next.is_some_and(char::is_uppercase) {
            let end = at + c.len_utf8();
            parts.push(sentence[from..end].trim().to_string());
            from = end;
        }
    }
    parts.push(sentence[from..].trim().to_string());
    parts.retain(|p| !p.is_empty());
    parts
}

/// A level settled for a language the proposal named, as the level that is enough: `god norsk,
/// men det holder med A2, vi har …` → `Norsk A2 holder. Vi har …`; `… – vi landa på A2` → `A2
/// holder.` Other settlements are returned as they are.
fn level_settled(proposed: &str, told: &str) -> String {
    let code = told.get(..2).filter(|c| c.parse::<crate::model::LanguageLevel>().is_ok());
    let Some(code) = code.filter(|_| told[2..].chars().next().is_none_or(|c| !c.is_alphanumeric())) else {
        return told.to_string();
    };
    let rest = told[2..].trim_start_matches([',', '.', ' ']).trim();
    let lower = lowered(proposed);
    let language = LANGUAGES.iter().find(|l| lower.split_whitespace().any(|w| w.trim_matches(',') == **l));
    let enough = match language {
        Some(language) => format!("{} {code} holder.", capitalised(language)),
        None => format!("{code} holder."),
    };
    if rest.is_empty() { enough } else { format!("{enough} {}", capitalised(rest)) }
}

/// What follows a conclusion's opening (`Det vi landet på: du kan ikke …` → `Du kan ikke …`).
fn concluded(sentence: &str) -> Option<String> {
    let bare = unquoted(sentence);
    let lower = lowered(bare);
    let marker = CONCLUSIONS.iter().find(|m| lower.starts_with(*m))?;
    let rest = bare[marker.len()..].trim_start_matches([':', ' ', ',']);
    (!rest.is_empty()).then(|| ranked(rest).unwrap_or_else(|| capitalised(rest)))
}

/// A ranking said in words as a numbered list: `skogsarbeid først, salg nummer to, og at du er
/// sterk i ryggen som nummer tre` → `1) skogsarbeid, 2) salg, 3) at du er sterk i ryggen.`
fn ranked(text: &str) -> Option<String> {
    const PLACES: &[&str] = &[
        " som nummer tre",
        " nummer tre",
        " som nummer to",
        " nummer to",
        " som nummer 3",
        " nummer 3",
        " som nummer 2",
        " nummer 2",
        " først",
    ];
    let lower = lowered(text);
    if !(lower.contains("nummer to") || lower.contains("nummer 2")) {
        return None;
    }
    let items: Vec<String> = text
        .trim_end_matches('.')
        .split(", ")
        .map(|item| item.trim().trim_start_matches("og ").trim())
        .map(|item| {
            let lower = lowered(item);
            PLACES.iter().find(|p| lower.ends_with(*p)).map_or(item, |p| &item[..item.len() - p.len()]).to_string()
        })
        .filter(|item| !item.is_empty())
        .collect();
    (items.len() >= 2).then(|| {
        let listed: Vec<String> = items.iter().enumerate().map(|(n, item)| format!("{}) {item}", n + 1)).collect();
        format!("{}.", listed.join(", "))
    })
}

/// The speaker of a turn (`Mona: …`, `> Anleggsleder: …`, `Svar: …`) and what is said in it.
fn spoken<'a>(sentence: &'a str, speakers: &[String]) -> (Option<String>, &'a str) {
    if let Some((label, content)) = sentence.split_once(':') {
        let label = lowered(label.trim());
        if speakers.contains(&label) {
            return (Some(label), content);
        }
    }
    (None, sentence)
}

/// A proposal made by someone at the firm, as what stands after it: nothing when it was turned
/// down (`Kari ville først ha …, men det kan vi ikke kreve`), what was settled instead (`…, men
/// vi landa på norsk B1 – …` → `Norsk B1 – …`), or the thing itself when it was agreed to (`Far
/// ville ha motorsagkurs – …, og det ble vi alle enige om at er et krav` → `Motorsagkurs.`).
/// `None` when the sentence proposes nothing.
fn proposal(sentence: &str, speakers: &[String]) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let lower_words: Vec<String> = words.iter().map(|w| lowered(w.trim_end_matches([',', ':']))).collect();
    // Where the proposer stands: a speaker or a person, then a verb of proposing.
    let at = (0..words.len().saturating_sub(1)).find(|&i| {
        let person = lowered(words[i].trim_start_matches(['–', '-']).trim_end_matches(','));
        let person = person.as_str();
        let proposer = speakers.iter().any(|s| s == person) && !matches!(person, "jeg" | "eg" | "svar");
        let possessed = i > 0 && speakers.iter().any(|s| *s == format!("{} {}", lower_words[i - 1], person));
        (proposer || possessed || (is_person(words[i]) && person != "jeg"))
            && PROPOSE.contains(&lower_words[i + 1].as_str())
    })?;
    // `Butikksjefen la til engelsk til slutt, for …`: what someone added to the agreed list.
    if lower_words[at + 1] == "la" && lower_words.get(at + 2).is_some_and(|w| w == "til") {
        let added = words[at + 3..].join(" ");
        return (!added.is_empty()).then(|| capitalised(&added));
    }
    let start = if at > 0 && speakers.iter().any(|s| *s == format!("{} {}", lower_words[at - 1], lower_words[at])) {
        at - 1
    } else {
        at
    };
    let prefix: String = {
        let before = words[..start].join(" ");
        before.trim_end_matches(['–', '-', ' ', ',']).to_string()
    };
    let rest = words[start..].join(" ");
    let lower = lowered(&rest);
    let agreed_at = AGREED.iter().find_map(|a| lower.find(a));
    let turn = lower.find(" men ").or_else(|| lower.find(" – det stemmer")).or_else(|| {
        // `mor mi ville ha B1, eg meinte A2 held – vi landa på A2`: settled with no `men`.
        let settled = INSTEAD[..INSTEAD.len() - 1].iter().filter_map(|m| lower.find(m)).min();
        settled.filter(|_| agreed_at.is_none()).map(|at| at.saturating_sub(1))
    });
    let settled = if let Some(but) = turn {
        let after = &rest[but..];
        let after_lower = lowered(after);
        let instead = INSTEAD.iter().filter_map(|m| after_lower.find(*m).map(|at| (at, m))).min_by_key(|(at, _)| *at);
        match instead {
            Some((at, marker)) => {
                let told = after[at + marker.len()..].trim();
                let told = told.strip_prefix("vanlig ").unwrap_or(told);
                // `så det treng du ikkje`: what is settled is that nothing is asked.
                let nothing =
                    lowered(told).starts_with("det ") && TURNED_DOWN.iter().any(|t| lowered(told).contains(t));
                let told = &level_settled(&rest[..but], told);
                // `norsk B1 – engelsk er berre ein fordel`: the aside is a sentence of its own.
                let told = match told.split_once(" – ") {
                    Some((settled, aside)) => format!("{settled}. {}", capitalised(aside)),
                    None => told.to_string(),
                };
                if nothing { String::new() } else { capitalised(&told) }
            }
            None if TURNED_DOWN.iter().any(|t| after_lower.contains(t)) => String::new(),
            None => return None,
        }
    } else if let Some(agreed) = agreed_at {
        // `Far ville ha motorsagkurs – … – og det ble vi alle enige om at er et krav`.
        let wanted = rest[..agreed].trim_end_matches([' ', ',', '–', '-']);
        let wanted = wanted.strip_suffix(" og").unwrap_or(wanted).trim_end_matches([' ', ',', '–', '-']);
        let thing = wanted.split_once(" ha ").map(|(_, thing)| thing).unwrap_or_default();
        let thing = thing.split(" – ").next().unwrap_or(thing).trim();
        let thing =
            [" øverst", " først", " aller først"].iter().fold(thing, |t, rank| t.strip_suffix(rank).unwrap_or(t));
        if thing.is_empty() {
            return None;
        }
        format!("{}.", capitalised(thing.trim_end_matches('.')))
    } else {
        return None;
    };
    let prefix = prefix.trim();
    Some(match (prefix.is_empty(), settled.is_empty()) {
        (true, _) => settled,
        (false, true) => format!("{}.", prefix.trim_end_matches(':')),
        // `Norsk: mor mi ville ha B1, …` → `Norsk: A2.`
        (false, false) if prefix.ends_with(':') => format!("{prefix} {settled}"),
        (false, false) => format!("{prefix}. {settled}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::tests::answers;

    #[test]
    fn a_conclusion_replaces_the_talk_before_it() {
        let read = agreed(&answers(
            "Videresender det Kari og jeg ble enige om. Kari ville først ha erfaring fra birøkt, men det kan vi ikke kreve. Det vi landet på: du må ha førerkort B.",
            "Her var vi uenige. Kari satte gårdsarbeid først. Hun vant: 1) gårdsarbeid, 2) rolig.",
            "",
        ));
        assert_eq!(read.must_have, "Du må ha førerkort B.");
        assert_eq!(read.wishes, "1) gårdsarbeid, 2) rolig.");
    }

    #[test]
    fn a_proposal_turned_down_goes_or_gives_way_to_what_was_settled() {
        let read = agreed(&answers(
            "Styreleiaren ville ha engelsk for turistane, men vi landa på norsk B1 – engelsk er berre ein fordel. Ho sa førarkort B, men du bur på garden, så det treng du ikkje. Broren min ville ha traktorførerkort, men vi ble enige om at vanlig førerkort B holder, og det må du ha.",
            "",
            "Vi diskuterte om helgevakt skulle være med, men det droppet vi.",
        ));
        assert_eq!(read.must_have, "Norsk B1. Engelsk er berre ein fordel. Førerkort B holder, og det må du ha.");
        assert_eq!(read.room_to_adapt, "");
    }

    #[test]
    fn turns_answered_no_go_and_turns_answered_yes_stay() {
        let read = agreed(&answers(
            "> Anleggsleder: Vi må ha BE. Svar: Stemmer, førerkort BE er krav. > Anleggsleder: Kurs i arbeidsvarsling må de ha. Svar: Nei, det tar vi første uka, det ble vi enige om.",
            "",
            "",
        ));
        assert_eq!(read.must_have, "Vi må ha BE. Førerkort BE er krav.");
        let mona = agreed(&answers(
            "Mona: allergi mot hund er uaktuelt. Jeg: helt enig. Mona: du må ha trimmekurs. Der sa jeg nei – det lærer vi deg. Mona: du må stå. Enig.",
            "",
            "Vi ble enige om 60 %.",
        ));
        assert_eq!(mona.must_have, "Allergi mot hund er uaktuelt. Du må stå.");
    }

    #[test]
    fn a_statement_that_asks_nothing_turns_down_nothing_before_it() {
        let read = agreed(&answers("Vi ble enige om dette. Du må ha førerkort B. Ikke krav om fagbrev.", "", ""));
        assert_eq!(read.must_have, "Du må ha førerkort B. Ikke krav om fagbrev.");
    }

    #[test]
    fn a_proposal_agreed_to_stays_without_who_made_it() {
        let read = agreed(&answers(
            "Far ville ha motorsagkurs – vi feller med motorsag – og det ble vi alle enige om at er et krav.",
            "Så førstehjelpskurs – styreleiaren ville ha det som krav, men vi tek kurset med alle nytilsette.",
            "",
        ));
        assert_eq!(read.must_have, "Motorsagkurs.");
        assert_eq!(read.wishes, "Så førstehjelpskurs.");
    }

    #[test]
    fn answers_that_tell_no_discussion_are_left_as_written() {
        let plain = answers("Kari vil ha førerkort B, men det er ikke krav.", "Til slutt: punktlig.", "");
        assert_eq!(agreed(&plain), plain);
    }

    #[test]
    fn odd_text_is_read_without_panicking() {
        for text in
            ["ble enige: :", "Svar:", "> : Nei", "Endte med:", "Kari ville", "İ ble enige Kari ville ha – men så"]
        {
            let _ = agreed(&answers(text, text, text));
        }
    }
}
