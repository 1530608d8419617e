//! An employer pasting a table instead of writing sentences — from a spreadsheet, a Word
//! document or last year's job post: a row for each thing and columns such as `Krav? Ja/Nei`,
//! `Påkrevd | Ønskelig`, `MÅ/BØR/KAN`, `Prioritet` or `Kommentar`, in whatever shape the paste
//! takes (markdown pipes, tabs from Excel, semicolons from a CSV export, columns lined up with
//! spaces). Read as words, the rows ran together, the headers warned as requirements nobody
//! understood, and a row marked `Nei` (`Førerkort | Nei`) was drafted as asked.
//!
//! Each row of a table becomes a sentence, read by its columns: a row marked yes (`Ja`, `x`,
//! `MÅ`) is asked as written, a row marked as a wish (`BØR`, an `x` under `Ønskelig`) becomes a
//! wish (`Gjerne …` in the must-have answer), and a row marked no, `KAN` (it may be there, it asks
//! nothing) or left empty goes. A ranking column (`1`, `høg / middels / låg`) orders the rows,
//! and a dash or `ikke viktig` there says the row asks nothing. A comment column is kept in
//! brackets, said in passing. In the room to adapt, a row marked yes says what can be bent
//! (`Stillingsprosent: ned til 40 %`). The line introducing a table (`Kopiert fra arket vårt:`)
//! goes. Lines that are not rows of a table are left as written.

use super::faq::lowercased;
use crate::model::ReflectionAnswers;

/// Which of the three answers a table stands in; a wish in the must-have answer is said softly.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    MustHave,
    Wishes,
    Room,
}

/// What a column of a table holds, read off its header.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Column {
    /// The thing the row is about (`Hva`, `Kompetanse`, `Ønske`).
    Thing,
    /// Whether it is asked (`Krav?`, `Ja/Nei`, `Må`, `MÅ/BØR/KAN`, `Mulig?`).
    Verdict,
    /// An `x` here makes the row a wish (`Ønskelig`, `Bør`).
    Wish,
    /// Where the row ranks (`Prioritet`, `Rangering`, `Viktigheit`, `#`).
    Rank,
    /// What the employer adds (`Kommentar`, `Merknad`, `Hvordan`).
    Comment,
}

/// How a row is marked.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Verdict {
    Asked,
    Wished,
    NotAsked,
}

/// `answers` with every table in them written as sentences, one a row.
pub fn tables_read(answers: &ReflectionAnswers) -> ReflectionAnswers {
    let read = |answer: &String, part| read(answer, part).unwrap_or_else(|| answer.clone());
    ReflectionAnswers {
        must_have: read(&answers.must_have, Part::MustHave),
        wishes: read(&answers.wishes, Part::Wishes),
        room_to_adapt: read(&answers.room_to_adapt, Part::Room),
    }
}

/// `answer` with every table in it written as sentences, one a row; `None` when it holds none.
fn read(answer: &str, part: Part) -> Option<String> {
    let lines: Vec<&str> = answer.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let mut found = false;
    let mut at = 0;
    while at < lines.len() {
        let Some(table) = table_at(&lines, at) else {
            out.push(lines[at].to_string());
            at += 1;
            continue;
        };
        // `Kopiert fra arket vårt:` before the table introduces it and asks nothing.
        let blank = out.iter().rev().take_while(|line| line.trim().is_empty()).count();
        if out.len() > blank && introduces(&out[out.len() - blank - 1]) {
            out.truncate(out.len() - blank - 1);
        }
        out.extend(table.sentences(part));
        found = true;
        at = table.end;
    }
    found.then(|| out.join("\n"))
}

/// A table found in an answer: its columns, its rows, and the line after it.
struct Table {
    columns: Vec<Column>,
    rows: Vec<Vec<String>>,
    end: usize,
}

/// Words a header cell is made of.
const THING_HEADERS: &[&str] = &[
    "hva",
    "kva",
    "krav",
    "kompetanse",
    "kvalifikasjon",
    "kvalifikasjoner",
    "ønske",
    "ønsker",
    "tilpasning",
    "tilpassing",
    "kan tilpasses",
    "kan tilpassast",
    "kan dere tilpasse",
    "egenskap",
    "punkt",
];
const VERDICT_HEADERS: &[&str] = &[
    "krav",
    "krav?",
    "ja/nei",
    "må",
    "må?",
    "påkrevd",
    "påkravd",
    "mulig",
    "mulig?",
    "svar",
    "kan endres",
    "kan endres?",
    "kan vi endre",
    "må/bør/kan",
    "må ha",
    "må ha?",
];
const WISH_HEADERS: &[&str] = &["ønskelig", "ønskeleg", "bør", "ønske?"];
const RANK_HEADERS: &[&str] =
    &["#", "nr", "nr.", "rangering", "prioritet", "prio", "viktighet", "viktigheit", "rekkefølge", "rekkjefølgje"];
const COMMENT_HEADERS: &[&str] =
    &["kommentar", "kommentarer", "merknad", "merknader", "hvordan", "korleis", "forklaring", "detaljer"];

/// A line's cells, if it is a row of a table: split at pipes, tabs, semicolons or runs of
/// spaces lining up columns.
fn cells(line: &str, separator: Separator) -> Option<Vec<String>> {
    let trimmed = line.trim();
    let parts: Vec<&str> = match separator {
        Separator::Pipe => {
            if !trimmed.contains('|') {
                return None;
            }
            trimmed.trim_start_matches('|').trim_end_matches('|').split('|').collect()
        }
        Separator::Tab => line.split('\t').collect(),
        Separator::Semicolon => trimmed.split(';').collect(),
        Separator::Spaces => trimmed.split("  ").filter(|part| !part.trim().is_empty()).collect(),
    };
    let cells: Vec<String> = parts.iter().map(|cell| cell.trim().to_string()).collect();
    (cells.len() >= 2).then_some(cells)
}

#[derive(Clone, Copy, PartialEq)]
enum Separator {
    Pipe,
    Tab,
    Semicolon,
    Spaces,
}

/// A markdown rule under a header (`|---|:-:|`).
fn is_rule(cells: &[String]) -> bool {
    cells.iter().all(|cell| !cell.is_empty() && cell.chars().all(|c| matches!(c, '-' | ':' | ' ')))
}

/// The role a header cell names, if it names one.
fn role(header: &str) -> Option<Column> {
    let header = header.trim().trim_end_matches(':').to_lowercase();
    let named = |list: &[&str]| list.contains(&header.as_str());
    // A column left without a name beside the thing (`| Kan tilpasses | |`) says yes or no.
    if header.is_empty() {
        Some(Column::Verdict)
    } else if named(RANK_HEADERS) {
        Some(Column::Rank)
    } else if named(COMMENT_HEADERS) {
        Some(Column::Comment)
    } else if named(WISH_HEADERS) {
        Some(Column::Wish)
    } else if named(VERDICT_HEADERS) || header.starts_with("kan ") && header.ends_with('?') {
        Some(Column::Verdict)
    } else if named(THING_HEADERS) {
        Some(Column::Thing)
    } else {
        None
    }
}

/// The table whose header is line `at`, if there is one: a header naming its columns, then at
/// least one row cut the same way.
fn table_at(lines: &[&str], at: usize) -> Option<Table> {
    for separator in [Separator::Pipe, Separator::Tab, Separator::Semicolon, Separator::Spaces] {
        let Some(header) = cells(lines[at], separator) else { continue };
        let roles: Vec<Option<Column>> = header.iter().map(|cell| role(cell)).collect();
        // Every header cell is a column's name, and the columns say what is asked or ranked.
        if roles.iter().any(Option::is_none) {
            continue;
        }
        let mut columns: Vec<Column> = roles.into_iter().flatten().collect();
        let Some(thing) = columns.iter().position(|c| matches!(c, Column::Thing | Column::Verdict)) else { continue };
        columns[thing] = Column::Thing;
        // `| Kan tilpassast | Korleis |`: with nothing else to say yes or no, the comment does
        // (`Ja, vi tek inn lærling`, `Nei, dagtid`).
        if !columns.iter().any(|c| matches!(c, Column::Verdict | Column::Wish | Column::Rank)) {
            let Some(comment) = columns.iter().position(|c| *c == Column::Comment) else { continue };
            columns[comment] = Column::Verdict;
        }
        let mut rows = Vec::new();
        let mut end = at + 1;
        while end < lines.len() {
            let Some(row) = cells(lines[end], separator) else { break };
            if !is_rule(&row) {
                rows.push(row);
            }
            end += 1;
        }
        if !rows.is_empty() {
            return Some(Table { columns, rows, end });
        }
    }
    None
}

/// Whether a line only introduces what follows (`Kopiert fra arket vårt:`, `Se tabellen. I
/// tillegg, i rekkefølge:`).
fn introduces(line: &str) -> bool {
    line.trim().ends_with(':')
}

/// How a verdict cell marks its row, and what else it says (`Ja, A2` → A2).
fn verdict(cell: &str) -> (Verdict, String) {
    let cell = cell.trim();
    let lower = cell.to_lowercase();
    let word = lower.split([' ', ',', '.', '–', '-']).next().unwrap_or("");
    let rest = |marker: &str| {
        let after: String = cell.chars().skip(marker.chars().count()).collect();
        after.trim_start_matches([',', '.', ' ', '–', '-', ':']).to_string()
    };
    match word {
        "" if lower.trim_matches(['-', '–', ' ']).is_empty() => (Verdict::NotAsked, String::new()),
        "ja" | "x" | "må" | "krav" | "påkrevd" | "yes" | "✓" | "✔" => (Verdict::Asked, rest(word)),
        "bør" | "ønskelig" | "ønskeleg" | "gjerne" => (Verdict::Wished, rest(word)),
        "nei" | "no" | "kan" | "ikke" | "ikkje" | "✗" => (Verdict::NotAsked, String::new()),
        _ => (Verdict::Asked, cell.to_string()),
    }
}

/// Where a rank cell puts its row (lower first), or `None` when it says the row asks nothing
/// (`-`, `ikke viktig`).
fn rank(cell: &str) -> Option<f64> {
    let lower = cell.trim().to_lowercase();
    let word = lower.split([' ', '.', ')']).next().unwrap_or("");
    if let Ok(number) = word.parse::<f64>() {
        return Some(number);
    }
    match word {
        "høg" | "høy" | "høgt" | "høyt" | "a" => Some(1.0),
        "middels" | "b" => Some(2.0),
        "låg" | "lav" | "lågt" | "lavt" | "c" => Some(3.0),
        _ if lower.contains("ikke viktig") || lower.contains("ikkje viktig") => None,
        "" | "-" | "–" => None,
        _ => Some(f64::MAX),
    }
}

impl Table {
    /// The rows as sentences, asked and wished ones only, in the order the ranking gives.
    fn sentences(&self, part: Part) -> Vec<String> {
        let mut read: Vec<(f64, String)> = Vec::new();
        for row in &self.rows {
            let cell = |column: Column| {
                self.columns.iter().position(|c| *c == column).and_then(|at| row.get(at)).map(String::as_str)
            };
            let Some(thing) = cell(Column::Thing).map(str::trim).filter(|t| !t.is_empty()) else { continue };
            let (mut marked, mut said) = match cell(Column::Verdict) {
                Some(text) => verdict(text),
                None if self.columns.contains(&Column::Verdict) => (Verdict::NotAsked, String::new()),
                None => (Verdict::Asked, String::new()),
            };
            if let Some(wish) = cell(Column::Wish) {
                if marked == Verdict::NotAsked && verdict(wish).0 == Verdict::Asked {
                    marked = Verdict::Wished;
                }
            }
            let place = match cell(Column::Rank) {
                Some(text) => match rank(text) {
                    Some(place) => place,
                    None => continue,
                },
                None if self.columns.contains(&Column::Rank) => continue,
                None => f64::MAX,
            };
            if marked == Verdict::NotAsked {
                continue;
            }
            if let Some(comment) = cell(Column::Comment).map(str::trim).filter(|c| !c.is_empty()) {
                said = if said.is_empty() { comment.to_string() } else { format!("{said}, {comment}") };
            }
            read.push((place, sentence(thing, &said, marked, part)));
        }
        read.sort_by(|a, b| a.0.total_cmp(&b.0));
        read.into_iter().map(|(_, sentence)| sentence).collect()
    }
}

/// A row as a sentence: `Norsk B1 (du gir råd til kundene).`, `Gjerne førerkort B.`,
/// `Stillingsprosent: ned til 40 %.`
fn sentence(thing: &str, said: &str, marked: Verdict, part: Part) -> String {
    let thing = thing.trim().trim_end_matches(['.', ':', ',']);
    let said = said.trim().trim_end_matches('.');
    let level = said.split([' ', ',', '–']).next().is_some_and(super::clauses::level_code);
    let text = match (part, said.is_empty()) {
        (_, true) => thing.to_string(),
        (Part::Room, false) => format!("{thing}: {said}"),
        // `Norsk | Ja | B1 – du gir råd`: a level belongs to the language.
        (_, false) if level => {
            let (code, rest) = said.split_once([' ', ',']).unwrap_or((said, ""));
            let rest = rest.trim_start_matches([',', '–', ' ']).trim();
            if rest.is_empty() { format!("{thing} {code}") } else { format!("{thing} {code} ({rest})") }
        }
        (_, false) => format!("{thing} ({said})"),
    };
    if marked == Verdict::Wished && part == Part::MustHave {
        format!("Gjerne {}.", lowercased(&text))
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::tests::answers;

    #[test]
    fn a_row_marked_no_or_left_empty_is_not_asked() {
        let answer = "| Hva | Krav? | Kommentar |\n|---|---|---|\n| Norsk | Ja | B1 – du gir råd |\n| Førerkort | Nei | |\n| Lørdag | Ja | annenhver uke |";
        assert_eq!(read(answer, Part::MustHave).as_deref(), Some("Norsk B1 (du gir råd).\nLørdag (annenhver uke)."));
        let boxes = "| Krav | Må | Kommentar |\n|---|:-:|---|\n| Førerkort B | x | firmabil |\n| Fagbrev | | |";
        assert_eq!(read(boxes, Part::MustHave).as_deref(), Some("Førerkort B (firmabil)."));
    }

    #[test]
    fn tabs_semicolons_and_lined_up_columns_are_tables_too() {
        let tabs = "Kopiert fra arket vårt:\nKompetanse\tKrav\tKommentar\nFørerkort B\tJa\tfirmabil\nTruck\tNei";
        assert_eq!(read(tabs, Part::MustHave).as_deref(), Some("Førerkort B (firmabil)."));
        let csv = "Kva;Krav;Merknad\nFørarkort B;Ja;\nNorsk;Nei;engelsk går fint";
        assert_eq!(read(csv, Part::MustHave).as_deref(), Some("Førarkort B."));
        let spaces =
            "KRAV        MÅ/BØR/KAN   KOMMENTAR\nKveld       MÅ           til kl. 23\nFørerkort   KAN\nKasse       BØR";
        assert_eq!(read(spaces, Part::MustHave).as_deref(), Some("Kveld (til kl. 23).\nGjerne kasse."));
    }

    #[test]
    fn a_ranking_column_orders_the_wishes_and_a_dash_asks_nothing() {
        let wishes = "Ønske\tPrioritet\nNøyaktig\t2\nErfaring fra bygg\t1\nEngelsk\t-";
        assert_eq!(read(wishes, Part::Wishes).as_deref(), Some("Erfaring fra bygg.\nNøyaktig."));
        let levels = "Kva;Viktigheit\nSveising;låg\nErfaring med sau;høg\nKassesystem;ikke viktig";
        assert_eq!(read(levels, Part::Wishes).as_deref(), Some("Erfaring med sau.\nSveising."));
    }

    #[test]
    fn a_wish_column_in_the_must_have_answer_is_a_wish() {
        let answer = "| Kvalifikasjon | Påkrevd | Ønskelig |\n|---|---|---|\n| Helg | x | |\n| Førerkort B | | x |\n| Norsk | | |";
        assert_eq!(read(answer, Part::MustHave).as_deref(), Some("Helg.\nGjerne førerkort B."));
    }

    #[test]
    fn the_room_to_adapt_says_what_can_be_bent() {
        let room =
            "| Kan dere tilpasse? | Svar |\n|---|---|\n| Stillingsprosent | Ja, ned til 40 % |\n| Lørdagene | Nei |";
        assert_eq!(read(room, Part::Room).as_deref(), Some("Stillingsprosent: ned til 40 %."));
    }

    #[test]
    fn prose_is_left_as_written() {
        for text in ["Førerkort B; helst truck.", "Norsk | engelsk går også", "Vi jobber  kveld og helg."] {
            assert_eq!(read(text, Part::MustHave), None);
            assert_eq!(tables_read(&answers(text, text, text)), answers(text, text, text));
        }
    }

    #[test]
    fn odd_text_is_read_without_panicking() {
        for text in ["|", "||", "|---|", "Krav;Ja/Nei\n;", "Hva\tKrav\n\t\t", "KRAV  MÅ\n  ", "# | Ønske\n| 1 |"] {
            for part in [Part::MustHave, Part::Wishes, Part::Room] {
                let _ = read(text, part);
            }
        }
    }
}
