//! An employer answering on a checklist the advisor sent: a box for each thing, ticked or left
//! blank, in whatever marks the keyboard gives (`Krav (kryss av): [x] Førerkort B – vi kjører ut
//! med varebil [ ] Truckførerbevis`, `☑ Norsk B1 ☐ Førerkort`, `✓ Helg ✗ Førerkort`, `(x)
//! Nattarbeid ( ) Helg`). Read as words, the boxes ran every item into one sentence, so a blank
//! box's `Førerkort` was drafted as asked and a ticked one's wish was lost in the run.
//!
//! When the answers hold boxes, every ticked item becomes a sentence of its own, in the order of
//! the numbers written beside the boxes when every ticked item has one (`[x] 2 …`, `Nr. 1: …`),
//! else as written, and every blank item goes: what is not ticked is not asked, in the must-have
//! answer and the wishes, and cannot be bent in the room to adapt. The instruction the advisor
//! wrote above the boxes (`Kryss av og ranger:`) goes too. Answers without boxes are left as
//! written.

use super::faq::{capitalised, lowercased};
use crate::model::ReflectionAnswers;

/// Marks of a ticked box.
const TICKED: &[&str] = &["[x]", "[X]", "[✓]", "[✔]", "(x)", "(X)", "☑", "☒", "✓", "✔"];

/// Marks of a box left blank, or crossed out as «no».
const BLANK: &[&str] = &["[ ]", "( )", "☐", "✗", "✘"];

/// Marks that can only be boxes. A tick alone (`✓`) is also a bullet; it makes a checklist only
/// beside a cross (`✗`).
const BOXES: &[&str] = &["[x]", "[X]", "[ ]", "(x)", "(X)", "( )", "☑", "☒", "☐", "[✓]", "[✔]"];

/// The advisor's instruction above the boxes (`Sett kryss og rangér:`, `Krav (kryss av):`).
const INSTRUCTIONS: &[&str] = &["kryss", "hak av", "huk av", "merk av"];

/// Words that say an item's place in a ranking rather than what is wished (`Førstehjelpskurs er
/// nummer én`, `Så erfaring med barn`, `Til slutt: sporty`).
const PLACE_OPENINGS: &[&str] = &["så ", "deretter ", "dernest ", "til slutt:", "til slutt ", "først:", "aller først "];
const PLACE_ENDINGS: &[&str] = &[
    " er nummer én",
    " er nummer en",
    " er nummer ein",
    " er nummer 1",
    " er nummer to",
    " er nummer 2",
    " er nummer tre",
    " er nummer 3",
];

/// `answers` with the ticked items of a checklist written as sentences and the blank ones gone.
pub fn ticked_read(answers: &ReflectionAnswers) -> ReflectionAnswers {
    let all = [&answers.must_have, &answers.wishes, &answers.room_to_adapt];
    let boxes = all.iter().any(|answer| BOXES.iter().any(|mark| answer.contains(mark)));
    let ticks_and_crosses =
        all.iter().any(|answer| answer.contains(['✓', '✔'])) && all.iter().any(|answer| answer.contains(['✗', '✘']));
    if !boxes && !ticks_and_crosses {
        return answers.clone();
    }
    ReflectionAnswers {
        must_have: read(&answers.must_have),
        wishes: read(&answers.wishes),
        room_to_adapt: read(&answers.room_to_adapt),
    }
}

/// One item of a checklist: whether its box is ticked, and what is written beside it.
struct Item<'a> {
    ticked: bool,
    text: &'a str,
}

/// An answer's ticked items as sentences after what stands before the first box.
fn read(answer: &str) -> String {
    let (heading, items) = items(answer);
    if items.is_empty() {
        return answer.to_string();
    }
    let mut ticked: Vec<(Option<u32>, String)> = items
        .iter()
        .filter(|item| item.ticked)
        .map(|item| numbered(item.text))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    if ticked.iter().all(|(number, _)| number.is_some()) {
        ticked.sort_by_key(|(number, _)| *number);
    }
    let mut out: Vec<String> = heading.into_iter().collect();
    out.extend(ticked.into_iter().map(|(_, text)| sentence(&text)));
    out.join(" ")
}

/// What stands before the first box (unless it only tells how to fill the list in), and the
/// items after it.
fn items(answer: &str) -> (Option<String>, Vec<Item<'_>>) {
    let mut marks: Vec<(usize, usize, bool)> = Vec::new();
    let mut at = 0;
    while at < answer.len() {
        let rest = &answer[at..];
        let found = TICKED
            .iter()
            .map(|m| (m, true))
            .chain(BLANK.iter().map(|m| (m, false)))
            .find(|(m, _)| rest.starts_with(**m));
        match found {
            Some((mark, ticked)) => {
                marks.push((at, at + mark.len(), ticked));
                at += mark.len();
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    let Some(&(first, _, _)) = marks.first() else {
        return (None, Vec::new());
    };
    let items = marks
        .iter()
        .enumerate()
        .map(|(n, &(_, end, ticked))| {
            let until = marks.get(n + 1).map_or(answer.len(), |next| next.0);
            Item { ticked, text: answer[end..until].trim() }
        })
        .collect();
    (heading(&answer[..first]), items)
}

/// The text before the first box, without the advisor's instruction; a bare label (`Ønsker:`,
/// `Hva kan dere tilpasse?`) goes too.
fn heading(text: &str) -> Option<String> {
    let text = text.trim();
    // Offsets found in the lower case are offsets in the text when both are as long.
    let lower = text.to_lowercase();
    let cut = (lower.len() == text.len()).then(|| INSTRUCTIONS.iter().filter_map(|i| lower.find(i)).min()).flatten();
    let kept = match cut {
        // `Krav (kryss av):` → `Krav`; `Kryss av det som er krav:` → nothing.
        Some(at) => text[..at].trim_end_matches(['(', '–', '-', ' ', ',']),
        None => text,
    };
    let kept = kept.trim();
    let bare_label = (kept.ends_with(':') || kept.ends_with('?')) && kept.split_whitespace().count() <= 4;
    if kept.is_empty() || bare_label || (cut.is_some() && kept.split_whitespace().count() <= 2) {
        return None;
    }
    Some(sentence(kept))
}

/// An item's number, if one is written beside the box (`1 Erfaring …`, `2. Rolig`, `Nr. 3:
/// Ryddig`), and its text without it or the words that only say its place.
fn numbered(text: &str) -> (Option<u32>, String) {
    let mut rest = text.trim();
    let lower = lowercased(rest);
    for prefix in ["nr. ", "nr ", "nummer "] {
        if lower.starts_with(prefix) {
            rest = rest[prefix.len()..].trim_start();
            break;
        }
    }
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let number = if digits > 0 && digits <= 2 {
        let after = &rest[digits..];
        let separated = after.is_empty() || after.starts_with([' ', '.', ')', ':']);
        let number = rest[..digits].parse().ok().filter(|_| separated);
        if number.is_some() {
            rest = after.trim_start_matches(['.', ')', ':']).trim_start();
        }
        number
    } else {
        None
    };
    (number, without_place_words(rest))
}

/// `Så erfaring med barn` → `Erfaring med barn`; `Førstehjelpskurs er nummer én` →
/// `Førstehjelpskurs`.
fn without_place_words(text: &str) -> String {
    let mut rest = text.trim();
    let lower = lowercased(rest);
    if let Some(opening) = PLACE_OPENINGS.iter().find(|o| lower.starts_with(*o)) {
        rest = rest[opening.len()..].trim_start();
    }
    let lower = lowercased(rest);
    if let Some(ending) = PLACE_ENDINGS.iter().find(|e| lower.trim_end_matches('.').ends_with(*e)) {
        rest = rest.trim_end_matches('.');
        rest = &rest[..rest.len() - ending.len()];
    }
    capitalised(rest.trim())
}

/// `text` ending as a sentence does.
fn sentence(text: &str) -> String {
    let text = text.trim().trim_end_matches([',', ';', '–', '-']).trim_end();
    if text.ends_with(['.', '!', '?', ':']) { text.to_string() } else { format!("{text}.") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::tests::answers;

    #[test]
    fn ticked_items_are_asked_and_blank_ones_are_not() {
        let read = ticked_read(&answers(
            "Krav (kryss av): [x] Førerkort B – vi kjører ut med varebil [ ] Truckførerbevis [x] Norsk, A2 holder",
            "☑ Kundeservice ☐ Tysk",
            "( ) Dagvakter (x) Vi kan starte med 80 %",
        ));
        assert_eq!(read.must_have, "Førerkort B – vi kjører ut med varebil. Norsk, A2 holder.");
        assert_eq!(read.wishes, "Kundeservice.");
        assert_eq!(read.room_to_adapt, "Vi kan starte med 80 %.");
    }

    #[test]
    fn numbers_beside_the_boxes_rank_the_wishes() {
        let read = ticked_read(&answers("", "Kryss av og ranger: [x] 2 God form [ ] Truck [x] Nr. 1: Skogsarbeid", ""));
        assert_eq!(read.wishes, "Skogsarbeid. God form.");
        let read = ticked_read(&answers(
            "",
            "✓ Førstehjelpskurs er nummer én ✓ Så erfaring med barn ✗ Salg ✓ Til slutt: sporty",
            "",
        ));
        assert_eq!(read.wishes, "Førstehjelpskurs. Erfaring med barn. Sporty.");
    }

    #[test]
    fn a_sentence_before_the_boxes_stays_and_an_instruction_goes() {
        let read = ticked_read(&answers("", "", "Sesong fra mai til september. ☑ 100 %, men 80 % er ok"));
        assert_eq!(read.room_to_adapt, "Sesong fra mai til september. 100 %, men 80 % er ok.");
        let read = ticked_read(&answers("Kryss av det som er krav: [x] Motorsagkurs", "", ""));
        assert_eq!(read.must_have, "Motorsagkurs.");
    }

    #[test]
    fn ticks_alone_are_bullets_and_answers_without_boxes_stay_as_written() {
        let bullets = answers("✓ Førerkort B ✓ Helg", "Gjerne truck", "");
        assert_eq!(ticked_read(&bullets), bullets);
        let plain = answers("Førerkort B (x = må).", "", "");
        assert_eq!(ticked_read(&plain), plain);
    }

    #[test]
    fn odd_text_is_read_without_panicking() {
        for text in ["[x]", "[ ]", "☑☐☑", "(x)(x)( )", "[x] 1", "[x] Nr. ", "✓✗", "[x] 99999 ting", "☐ [x] æøå [ ]"]
        {
            let _ = ticked_read(&answers(text, text, text));
        }
    }
}
