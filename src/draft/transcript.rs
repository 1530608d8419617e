//! An answer typed as a transcript of the advisor's conversation with the employer: each turn
//! opened by a dash, the advisor's questions between the employer's answers (`– Hva må folk ha
//! for å klare seg hos dere? – Norsk, i alle fall … – Og arbeidstida? – Lørdag må de jobbe`).
//! Read as requirements, the questions drafted what they ask about (`Hva må folk ha` asked for
//! nothing, yet warned), and a bare `Nei.` warned too. This module keeps the employer's turns,
//! one to a line, and leaves every other answer as it is.

/// The dashes that open a turn.
const DASHES: [char; 3] = ['–', '—', '-'];

/// Words that only answer the question before them (`– Noko anna? – Nei.`).
const YES_NO: &[&str] = &["ja", "nei", "jo", "japp", "nope", "yes", "no"];

/// `answer` without the advisor's questions when it is a transcript (it opens with a dash and
/// holds a turn that is a question); as written otherwise.
pub fn employer_turns(answer: &str) -> String {
    let trimmed = answer.trim_start();
    if !trimmed.starts_with(DASHES) {
        return answer.to_string();
    }
    let turns = turns(trimmed);
    if !turns.iter().any(|turn| is_question(turn)) {
        return answer.to_string();
    }
    turns
        .iter()
        .filter(|turn| !is_question(turn))
        .map(|turn| without_yes_or_no(turn))
        .filter(|turn| !turn.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The turns of a transcript, without their dashes: a dash opens a turn at the start or after
/// the end of a sentence (`?`, `.`, `!`), with a space after it.
fn turns(text: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut starts = Vec::new();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let spaced_after = chars.get(k + 1).is_some_and(|&(_, n)| n.is_whitespace());
        let before = chars[..k].iter().rev().map(|&(_, p)| p).find(|p| !p.is_whitespace());
        let opens = before.is_none_or(|p| matches!(p, '?' | '.' | '!'));
        if DASHES.contains(&c) && spaced_after && opens {
            starts.push(at);
        }
    }
    starts
        .iter()
        .enumerate()
        .map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(text.len());
            text[start..end].trim_start_matches(DASHES).trim().to_string()
        })
        .filter(|turn| !turn.is_empty())
        .collect()
}

fn is_question(turn: &str) -> bool {
    turn.trim_end().ends_with('?')
}

/// `Nei. Vi har brakke` → `Vi har brakke`; `Ja, i den rekkefølgen` stays (it says something).
fn without_yes_or_no(turn: &str) -> String {
    let first = turn.split_whitespace().next().unwrap_or_default();
    let word = first.trim_end_matches(['.', '!']);
    if first.len() > word.len() && YES_NO.contains(&word.to_lowercase().as_str()) {
        turn[first.len()..].trim().to_string()
    } else {
        turn.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::employer_turns;

    #[test]
    fn the_advisors_questions_are_no_answer() {
        let answer = "– Hva må folk ha for å klare seg hos dere? – Norsk, så godt at de skjønner kunden. \
                      – Og arbeidstida? – Lørdag må de jobbe.";
        assert_eq!(employer_turns(answer), "Norsk, så godt at de skjønner kunden.\nLørdag må de jobbe.");
        assert_eq!(employer_turns("– Noko anna? – Nei. Vi har brakke."), "Vi har brakke.");
    }

    #[test]
    fn an_answer_that_is_no_transcript_stays() {
        // A dash inside a sentence, a question the employer asks the reader, a list of dashes.
        for answer in [
            "Du må jobbe helg – det er da vi har mest å gjøre.",
            "Baker du brød hjemme? Da vil vi høre fra deg!",
            "- Førerkort B\n- Truckførerbevis",
        ] {
            assert_eq!(employer_turns(answer), answer);
        }
    }
}
