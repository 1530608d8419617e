//! An employer rating what matters on a scale of their own and saying which mark means «must»
//! (`Du får poengene mine fra 1 til 10, der 10 betyr at det er et absolutt krav. … Tidlig
//! start, kl. 06: 10`, `★★★★★ = må`, `høg betyr krav … Norsk: låg`, `Prioritet A betyr krav.
//! A: norsk B2`). Read as written, the marks were words nobody understood (`poengene mine`,
//! `høg`, `a`), and what was marked lowest was drafted as asked.
//!
//! When a sentence declares the scale, every thing marked on it is written plainly. In the
//! must-have answer, the must mark keeps the thing a requirement, a mark from the middle up makes
//! it a wish (`Gjerne …`), and a lower one asks nothing. In the wishes, the marks rank the wishes,
//! and the bottom of a scale of numbers or stars (`Førerkort: 1, spiller ingen rolle`) asks
//! nothing; words and letters only rank. In the room to adapt, the bottom mark says the thing is
//! not needed, and the sentence goes. The declaration itself is dropped. Answers without a
//! declared scale are left as written.

use super::faq::{capitalised, lowercased, sentences};
use crate::model::ReflectionAnswers;

/// The words that make a mark the must mark (`10 betyr at det er et absolutt krav`, `= må`).
const MUST_WORDS: &[&str] = &["krav", "må", "must", "absolutt", "ufravikelig"];

/// Words that say a sentence is about a scale of points.
const POINT_WORDS: &[&str] = &["poeng", "poenga", "poengene", "poengi", "skala", "skalaen", "karakter"];

/// Abbreviations whose full stop does not end a sentence (`Tidlig start, kl. 06: 10`).
const ABBREVIATIONS: &[&str] = &["kl.", "ca.", "f.eks.", "bl.a.", "evt.", "nr."];

/// The kind of scale an employer declared, with its must mark.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Scale {
    /// Points from 1 (or 0) to `top`, the must mark.
    Points { top: u32 },
    /// Stars, `top` of them the must mark.
    Stars { top: usize },
    /// `høg` / `middels` / `låg`.
    Levels,
    /// Priority `A` / `B` / `C`.
    Letters,
}

/// A mark read off a sentence: its weight on the scale (1.0 the must mark, 0.0 the bottom), and
/// whether it is the bottom of a scale of numbers or stars, which says «not at all».
#[derive(Clone, Copy, Debug, PartialEq)]
struct Mark {
    weight: f64,
    nothing: bool,
}

impl Scale {
    /// The mark `token` stands for on this scale, if it is one.
    fn mark(self, token: &str) -> Option<Mark> {
        let token = token.trim_end_matches([',', '.', ';', ')', '!']).to_lowercase();
        match self {
            Scale::Points { top } => {
                let points: u32 = token.parse().ok()?;
                (points <= top).then(|| Mark {
                    weight: f64::from(points.saturating_sub(1)) / f64::from(top.saturating_sub(1).max(1)),
                    nothing: points <= 1,
                })
            }
            Scale::Stars { top } => {
                let stars = token.chars().take_while(|&c| c == '★').count();
                let rest_empty = token.chars().skip(stars).all(|c| c == '☆');
                (stars > 0 && rest_empty).then(|| Mark {
                    weight: (stars.saturating_sub(1)) as f64 / (top.saturating_sub(1).max(1)) as f64,
                    nothing: stars <= 1,
                })
            }
            Scale::Levels => {
                let weight = match token.as_str() {
                    "høg" | "høy" | "høgt" | "høyt" => 1.0,
                    "middels" => 0.5,
                    "låg" | "lav" | "lågt" | "lavt" => 0.0,
                    _ => return None,
                };
                Some(Mark { weight, nothing: false })
            }
            Scale::Letters => {
                let weight = match token.as_str() {
                    "a" => 1.0,
                    "b" => 0.5,
                    "c" => 0.0,
                    _ => return None,
                };
                Some(Mark { weight, nothing: false })
            }
        }
    }
}

/// `answers` with the marks of a declared scale written as plain requirements, wishes and waivers.
pub fn marks_read(answers: &ReflectionAnswers) -> ReflectionAnswers {
    let all = [&answers.must_have, &answers.wishes, &answers.room_to_adapt];
    let Some(scale) = all.iter().flat_map(|answer| split(answer)).flatten().find_map(|s| declared(&s)) else {
        return answers.clone();
    };
    ReflectionAnswers {
        must_have: rewritten(&answers.must_have, scale, Part::MustHave),
        wishes: rewritten(&answers.wishes, scale, Part::Wishes),
        room_to_adapt: rewritten(&answers.room_to_adapt, scale, Part::Room),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Part {
    MustHave,
    Wishes,
    Room,
}

/// An answer's lines, each split into sentences, with an abbreviation's full stop not ending one.
fn split(answer: &str) -> Vec<Vec<String>> {
    answer
        .lines()
        .map(|line| {
            let mut joined: Vec<String> = Vec::new();
            for sentence in sentences(line) {
                match joined.last_mut() {
                    Some(last) if ABBREVIATIONS.iter().any(|a| last.to_lowercase().ends_with(&format!(" {a}"))) => {
                        last.push(' ');
                        last.push_str(&sentence);
                    }
                    _ => joined.push(sentence),
                }
            }
            joined
        })
        .collect()
}

/// The scale a sentence declares, with its must mark: `der 10 betyr at det er et absolutt krav`,
/// `Skala 1–5, der 5 = må ha`, `fem stjerner er et must`, `★★★★★ = må`, `høg betyr krav`,
/// `Prioritet A betyr krav`.
fn declared(sentence: &str) -> Option<Scale> {
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '.' | ':' | ';' | '(' | ')' | '!')))
        .filter(|w| !w.is_empty())
        .collect();
    let about_points =
        words.iter().any(|w| POINT_WORDS.contains(w)) || lower.contains("fra 1 til") || lower.contains("frå 1 til");
    let prioritised = words.iter().any(|w| matches!(*w, "prioritet" | "prio"));
    (0..words.len()).find_map(|at| {
        let link = *words.get(at + 1)?;
        let said_must = words[at + 2..].iter().take(6).any(|w| MUST_WORDS.contains(w));
        if !said_must || !matches!(link, "=" | "betyr" | "er") {
            return None;
        }
        let mark = words[at];
        let stars = mark.chars().filter(|&c| c == '★').count();
        if stars > 0 && mark.chars().all(|c| c == '★') {
            return Some(Scale::Stars { top: stars });
        }
        if mark == "stjerner" && at > 0 {
            let top = match words[at - 1] {
                "fem" | "5" => 5,
                "fire" | "4" => 4,
                "tre" | "3" => 3,
                _ => return None,
            };
            return Some(Scale::Stars { top });
        }
        if let Ok(top) = mark.parse::<u32>() {
            return (about_points && (2..=100).contains(&top)).then_some(Scale::Points { top });
        }
        if matches!(mark, "høg" | "høy") && (link != "er" || words.iter().any(|w| w.starts_with("viktigh"))) {
            return Some(Scale::Levels);
        }
        (mark == "a" && prioritised).then_some(Scale::Letters)
    })
}

/// `answer` with its declaration dropped and its marks written out, line by line.
fn rewritten(answer: &str, scale: Scale, part: Part) -> String {
    let lines: Vec<String> = split(answer)
        .into_iter()
        .map(|line| {
            let mut marked: Vec<(Mark, String)> = Vec::new();
            let mut kept: Vec<Option<String>> = Vec::new();
            for sentence in line {
                if declared(&sentence).is_some() {
                    continue;
                }
                match read_mark(&sentence, scale) {
                    Some((mark, plain)) => {
                        marked.push((mark, plain));
                        kept.push(None);
                    }
                    None => kept.push(Some(sentence)),
                }
            }
            if part == Part::Wishes {
                // The marks rank the wishes, whatever order they are written in.
                marked.sort_by(|a, b| b.0.weight.total_cmp(&a.0.weight));
            }
            let mut marked = marked.into_iter();
            kept.into_iter()
                .filter_map(|sentence| match sentence {
                    Some(sentence) => Some(sentence),
                    None => marked.next().and_then(|(mark, plain)| placed(mark, plain, part)),
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    lines.join("\n")
}

/// A marked sentence as the answer it stands in makes it: kept, made a wish, or dropped.
fn placed(mark: Mark, plain: String, part: Part) -> Option<String> {
    match part {
        Part::MustHave if mark.weight >= 1.0 => Some(plain),
        Part::MustHave if mark.weight >= 0.5 => Some(format!("Gjerne {}", lowercased(&plain))),
        Part::MustHave => None,
        Part::Wishes => (!mark.nothing).then_some(plain),
        Part::Room => (mark.weight > 0.0).then_some(plain),
    }
}

/// The mark in a sentence and the sentence without it: `Førerkort B: ★★★★★.` → `Førerkort B.`,
/// `Norsk: 5, minst B1 – …` → `Norsk, minst B1 – …`, `A: norsk B2 – …` → `Norsk B2 – …`.
fn read_mark(sentence: &str, scale: Scale) -> Option<(Mark, String)> {
    // The mark first: `A: norsk B2`, `Prioritet B: erfaring fra …`.
    if let Some((head, item)) = sentence.split_once(':') {
        let head = head.trim();
        let head = head
            .strip_prefix("Prioritet ")
            .or_else(|| head.strip_prefix("prioritet "))
            .or_else(|| head.strip_prefix("Prio "))
            .unwrap_or(head);
        if let Some(mark) = scale.mark(head).filter(|_| !head.contains(' ')) {
            let item = item.trim();
            return (!item.is_empty()).then(|| (mark, capitalised(item)));
        }
    }
    // The mark after the thing: `Helg: 10.`, `Norsk: låg, engelsk går like bra.`
    let mut from = 0;
    while let Some(colon) = sentence[from..].find(':').map(|at| from + at) {
        let after = sentence[colon + 1..].trim_start();
        let token = after.split_whitespace().next().unwrap_or_default();
        let (token, after) = if token.eq_ignore_ascii_case("prioritet") {
            let rest = after["prioritet".len()..].trim_start();
            (rest.split_whitespace().next().unwrap_or_default(), rest)
        } else {
            (token, after)
        };
        let not_a_share = !after[token.len().min(after.len())..].trim_start().starts_with('%');
        if let Some(mark) = scale.mark(token).filter(|_| not_a_share) {
            let item = sentence[..colon].trim();
            let said = token.trim_end_matches([',', '.', ';', ')', '!']);
            let rest = after[said.len()..].trim_start();
            let plain = if rest.is_empty() || rest == "." {
                format!("{item}.")
            } else if rest.starts_with(',') || rest.starts_with('.') {
                format!("{item}{rest}")
            } else {
                format!("{item} {rest}")
            };
            return (!item.is_empty()).then_some((mark, plain));
        }
        from = colon + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::tests::answers;

    #[test]
    fn points_keep_the_must_mark_and_drop_the_bottom() {
        let read = marks_read(&answers(
            "Du får poengene mine fra 1 til 10, der 10 betyr at det er et absolutt krav. Tidlig start, kl. 06: 10. Norsk eller engelsk: 10 – A2 holder.",
            "Truckførerbevis: 6. Erfaring fra pakkeri: 8. Førerkort: 1, spiller ingen rolle.",
            "Stillingsprosent: 100, men 80 er ok. Erfaring: 0 – vi lærer deg opp.",
        ));
        assert_eq!(read.must_have, "Tidlig start, kl. 06. Norsk eller engelsk – A2 holder.");
        assert_eq!(read.wishes, "Erfaring fra pakkeri. Truckførerbevis.");
        assert_eq!(read.room_to_adapt, "Stillingsprosent: 100, men 80 er ok.");
    }

    #[test]
    fn stars_levels_and_letters_are_scales_too() {
        let stars = marks_read(&answers(
            "★★★★★ = må. Førerkort B: ★★★★★. Norsk: ★★ – ikke viktig, engelsk går fint.",
            "Salgserfaring: ★★★★. Engelsk: ★★.",
            "Erfaring som sjåfør: ★ – trengs ikke.",
        ));
        assert_eq!(stars.must_have, "Førerkort B.");
        assert_eq!(stars.wishes, "Salgserfaring. Engelsk.");
        assert_eq!(stars.room_to_adapt, "");
        let levels = marks_read(&answers(
            "Eg set det opp etter viktigheit, og høg betyr krav. Tole støy: høg, sagene bråkar. Norsk: låg.",
            "Vedlikehald av maskiner: middels. Erfaring frå sagbruk: høg. Førarkort B: låg.",
            "100 %. Fagbrev: låg, det krev vi ikkje.",
        ));
        assert_eq!(levels.must_have, "Tole støy, sagene bråkar.");
        assert_eq!(levels.wishes, "Erfaring frå sagbruk. Vedlikehald av maskiner. Førarkort B.");
        assert_eq!(levels.room_to_adapt, "100 %.");
        let letters = marks_read(&answers(
            "Prioritet A betyr krav. A: norsk B2 – kundene vil ha råd. A: lørdager.",
            "Prioritet B: erfaring fra blomsterbutikk. C: førerkort B for utkjøring.",
            "Fagbrev som florist: prioritet C – ikke nødvendig.",
        ));
        assert_eq!(letters.must_have, "Norsk B2 – kundene vil ha råd. Lørdager.");
        assert_eq!(letters.wishes, "Erfaring fra blomsterbutikk. Førerkort B for utkjøring.");
        assert_eq!(letters.room_to_adapt, "");
    }

    #[test]
    fn a_mark_from_the_middle_up_in_the_must_answer_is_a_wish() {
        let read = marks_read(&answers("Skala 1–5, der 5 = må ha. Helg: 5. Truckførerbevis: 4. Norsk: 2.", "", ""));
        assert_eq!(read.must_have, "Helg. Gjerne truckførerbevis.");
    }

    #[test]
    fn answers_without_a_declared_scale_are_left_as_written() {
        let plain = answers("Førerkort B er et krav. Stillingsprosent: 100.", "Helg: gjerne.", "Klasse A er krav.");
        assert_eq!(marks_read(&plain), plain);
        // A licence class A is no priority.
        let licence = answers("Førerkort klasse A er et absolutt krav. A: motorsykkel.", "", "");
        assert_eq!(marks_read(&licence), licence);
    }

    #[test]
    fn odd_text_is_read_without_panicking() {
        for text in ["Skala 1–5, der 5 = må ha. :", "★★★★★ = må. ★: ", "Prioritet A betyr krav. A:", "İ: 10 høg"]
        {
            let _ = marks_read(&answers(text, text, text));
        }
    }
}
