//! An answer written as the employer's FAQ: the questions a job seeker would ask, each answered
//! in a line (`Må jeg ha førerkort? Ja, klasse B`, `Må jeg kunne norsk? Nei, engelsk går fint`,
//! `Hva teller mest? At du har jobbet med fisk`, `Engelsk? Greit å ha`). The question holds what
//! is asked and the answer only whether: read apart, `Nei` asked for nothing and the question
//! drafted a must-have, and `Ja, klasse B` named a class of nothing. This module writes each
//! question and its answer as the one statement they make together (`Du må ha førerkort, klasse
//! B`, `Du trenger ikke kunne norsk. Engelsk går fint`), and leaves any other text as written.

use super::words::MUST_MARKERS;

/// Words that say yes to the question before them.
const YES: &[&str] = &["ja", "jo", "japp", "yes", "jepp", "absolutt", "selvsagt", "sjølvsagt"];

/// Words that say no.
const NO: &[&str] = &["nei", "no", "nope", "neida"];

/// Answers that say the asker must (`Tåler jeg høyden? Det må du`).
const MUST: &[&str] = &["det må du", "det må du også", "det må du òg", "det må du au"];

/// Answers that say the asker need not (`Har du ikke tatt taxikurs? Det trenger du ikke`).
const NEED_NOT: &[&str] = &["det trenger du ikke", "det treng du ikkje", "det trengs ikke", "det trengst ikkje"];

/// Words that open a question for information (`Hva teller mest?`, `Kor godt må eg snakke norsk?`).
const WH: &[&str] = &[
    "hva", "kva", "hvor", "kor", "når", "hvem", "kven", "hvorfor", "kvifor", "hvordan", "korleis", "hvilke", "hvilken",
];

/// Modal verbs that open a yes/no question about what the job asks (`Må jeg …`, `Kan jeg …`).
const MODALS: &[&str] = &["må", "bør", "trenger", "treng", "skal", "kan", "burde"];

/// Who a question is about, and how the answer speaks of them.
const SUBJECTS: &[(&str, &str)] = &[
    ("jeg", "du"),
    ("eg", "du"),
    ("je", "du"),
    ("du", "du"),
    ("man", "man"),
    ("en", "man"),
    ("ein", "man"),
    ("dere", "vi"),
    ("de", "vi"),
    ("det", "det"),
];

/// The asker's own words as the employer answers them (`meg` → `deg`).
const PERSON: &[(&str, &str)] =
    &[("jeg", "du"), ("eg", "du"), ("meg", "deg"), ("min", "din"), ("mitt", "ditt"), ("mine", "dine"), ("dere", "vi")];

/// Verbs whose infinitive is not the present tense less its `r`.
const IRREGULAR: &[(&str, &str)] =
    &[("er", "være"), ("har", "ha"), ("gjør", "gjøre"), ("vil", "ville"), ("veit", "vite")];

/// `answer` with each question and the answer after it written as one statement, when it reads
/// as an FAQ (two or more questions, each answered); as written otherwise.
pub fn answered(answer: &str) -> String {
    let sentences = sentences(answer);
    let answered_questions = sentences.windows(2).filter(|pair| is_question(&pair[0]) && answers(&pair[1])).count();
    if answered_questions < 2 {
        return answer.to_string();
    }
    let mut out: Vec<String> = Vec::new();
    let mut k = 0;
    while k < sentences.len() {
        let sentence = &sentences[k];
        match sentences.get(k + 1).filter(|next| is_question(sentence) && answers(next)) {
            Some(reply) => {
                out.push(statement(sentence.trim_end_matches('?').trim(), reply));
                k += 2;
            }
            None => {
                out.push(sentence.clone());
                k += 1;
            }
        }
    }
    out.join(" ")
}

/// The sentences of `text`, each with its end mark: a `.`, `?` or `!` before a space or the end.
/// A quote is never split (`«Tidligvakt fra kl. 06» – stemmer`).
pub(super) fn sentences(text: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let (mut start, mut quoted) = (0, false);
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '«' | '“' => quoted = true,
            '»' | '”' => quoted = false,
            _ => {}
        }
        let next_is_space = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
        if !quoted && matches!(c, '.' | '?' | '!') && next_is_space {
            let end = at + c.len_utf8();
            let sentence = text[start..end].trim();
            if !sentence.is_empty() {
                sentences.push(sentence.to_string());
            }
            start = end;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        sentences.push(rest.to_string());
    }
    sentences
}

/// `answer` with each sentence replaced by `read` of it, where it stands; a sentence read as
/// nothing goes with the space after it.
pub(super) fn rewritten(answer: &str, read: impl Fn(&str) -> String) -> String {
    let mut text = answer.to_string();
    let mut from = 0;
    for sentence in sentences(answer) {
        let Some(at) = text[from..].find(&sentence).map(|at| from + at) else { continue };
        let told = read(&sentence);
        let mut end = at + sentence.len();
        if told.is_empty() {
            end += text[end..].len() - text[end..].trim_start_matches(' ').len();
        }
        text.replace_range(at..end, &told);
        from = at + told.len();
    }
    text
}

fn is_question(sentence: &str) -> bool {
    sentence.ends_with('?')
}

/// Whether `sentence` answers the question before it: a question does not, nor does a
/// condition put to the reader (`Har du astma eller tåler du ikke os, blir det vanskelig`),
/// which asks something of its own.
fn answers(sentence: &str) -> bool {
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let bare = |at: usize| {
        tokens.get(at).map_or(String::new(), |w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
    };
    let (first, second) = (bare(0), bare(1));
    // A verb and `du`, then the main clause after a break (`Godt, du møter folk …` answers).
    let condition = tokens.first().is_some_and(|w| w.chars().all(char::is_alphanumeric))
        && tokens.iter().skip(1).any(|w| w.ends_with(','))
        && matches!(second.as_str(), "du" | "dere")
        && !YES.contains(&first.as_str())
        && !NO.contains(&first.as_str())
        && !matches!(first.as_str(), "det" | "da" | "då" | "så" | "men" | "og" | "at");
    !is_question(sentence) && !condition
}

/// How an answer answers a yes/no question, with what it says besides.
enum Reply<'a> {
    Yes(&'a str),
    No(&'a str),
    Other(&'a str),
}

impl<'a> Reply<'a> {
    /// What the answer says besides its yes or no.
    fn said(&self) -> &'a str {
        match self {
            Reply::Yes(said) | Reply::No(said) | Reply::Other(said) => said,
        }
    }
}

fn reply(answer: &str) -> Reply<'_> {
    let lower = answer.to_lowercase();
    let after = |len: usize| answer[len..].trim_start_matches([',', '.', '!', ';', ':', '–', '—', '-', ' ']);
    if let Some(said) = MUST.iter().find(|p| starts_with_words(&lower, p)) {
        return Reply::Yes(after(said.len()));
    }
    if let Some(said) = NEED_NOT.iter().find(|p| starts_with_words(&lower, p)) {
        return Reply::No(after(said.len()));
    }
    let first = lower.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    if YES.contains(&first) {
        Reply::Yes(after(first.len()))
    } else if NO.contains(&first) {
        Reply::No(after(first.len()))
    } else {
        Reply::Other(answer)
    }
}

/// Whether `text` opens with the words of `phrase`, whole.
fn starts_with_words(text: &str, phrase: &str) -> bool {
    text.strip_prefix(phrase).is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// The statement a question and its answer make together.
fn statement(question: &str, answer: &str) -> String {
    let words: Vec<&str> = question.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let Some(first) = lower.first() else {
        return answer.to_string();
    };
    let subject = lower.get(1).and_then(|w| SUBJECTS.iter().find(|(asked, _)| asked == w)).map(|&(_, said)| said);
    if WH.contains(&first.as_str()) {
        return asked_how_well(&lower).map_or_else(|| answer.to_string(), |said| joined(&said, answer, false));
    }
    // What is asked about, past the verb and its subject.
    let rest = person_swapped(words.get(2..).unwrap_or_default());
    if MODALS.contains(&first.as_str()) {
        // `Må jeg …?` of the asker; `Kan stillingen bli større?` of the job.
        let (who, asked_of_the_job) = match (subject, words.get(1)) {
            (Some(subject), _) => (capitalised(subject), false),
            (None, Some(noun)) => (capitalised(noun), true),
            (None, None) => return answer.to_string(),
        };
        let modal = if first == "treng" { "trenger" } else { first.as_str() };
        let (yes, no) = if modal == "kan" || asked_of_the_job {
            (format!("{who} {modal} {rest}"), format!("{who} {modal} ikke {rest}"))
        } else {
            (format!("{who} {modal} {rest}"), format!("{who} trenger ikke {rest}"))
        };
        return replied(&yes, &no, answer, &rest);
    }
    if let Some(subject) = subject {
        // `Tåler jeg høyden?`, `Står man mye?`, `Er det kaldt?`, `Har du ikke tatt taxikurs?`
        let verb = first.as_str();
        // `Står du gjerne opp klokka fem?`: `gjerne` after the subject asks whether one is glad
        // to, and softens nothing.
        let glad = |k: usize, w: &str| k == 0 && w == "gjerne";
        let asked: Vec<&str> = words[2..]
            .iter()
            .enumerate()
            .filter(|&(k, w)| !matches!(*w, "ikke" | "ikkje") && !glad(k, w))
            .map(|(_, w)| *w)
            .collect();
        let rest = person_swapped(&asked);
        // `Har du noe imot kulde?`: whoever minds it cannot have the job, whatever the answer.
        if let (Some(["noe" | "noko", "imot" | "mot", minded @ ..]), "du") = (asked.get(..), subject) {
            if !minded.is_empty() {
                return joined(&format!("Du må tåle {}", person_swapped(minded)), reply(answer).said(), false);
            }
        }
        let (yes, no) = if subject == "du" {
            (format!("Du må {} {rest}", infinitive(verb)), format!("Du trenger ikke {} {rest}", infinitive(verb)))
        } else {
            (format!("{} {verb} {rest}", capitalised(subject)), format!("{} {verb} ikke {rest}", capitalised(subject)))
        };
        // `Har du jobbet i butikk? Det er det vi ønsker oss mest`: the question asks of the
        // reader, not whether they must; an answer that says neither yes nor no says how much it
        // counts (`Å ha jobbet i butikk, det er det vi ønsker oss mest`), and the answer it
        // stands in tells a must-have from a wish.
        if let (Reply::Other(said), "du") = (reply(answer), subject) {
            // `B2 må du ha` still says the reader must.
            let asks = said.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| MUST_MARKERS.contains(&w));
            if !asks && !names_what_was_asked(said, &rest) {
                return joined(&format!("Å {} {rest}", infinitive(verb)), said, false);
            }
        }
        return replied(&yes, &no, answer, &rest);
    }
    // `Førerkort B?`, `Engelsk?`, `Fagbrev i stillasbyggerfaget?`: a thing named alone.
    match reply(answer) {
        Reply::Yes(said) => joined(question, said, false),
        Reply::No(said) => joined(&format!("Du trenger ikke {}", lowercased(question)), said, true),
        Reply::Other(said) => match said.split_once(' ').filter(|(first, _)| matches!(*first, "Det" | "Den" | "Dét")) {
            Some((_, told)) => format!("{question} {told}"),
            None => format!("{question} – {}", lowercased(said)),
        },
    }
}

/// The statement for a yes/no question whose yes is `yes` and no is `no`; an answer that says
/// neither stands alone when it names what was asked (`Må jeg snakke norsk? Norsk eller
/// engelsk …`), and is read as a yes otherwise (`Må jeg kunne norsk? Litt – A2 holder`).
fn replied(yes: &str, no: &str, answer: &str, asked: &str) -> String {
    match reply(answer) {
        Reply::Yes(said) => joined(yes, said, false),
        Reply::No(said) => joined(no, said, true),
        Reply::Other(said) if names_what_was_asked(said, asked) => said.to_string(),
        Reply::Other(said) => joined(yes, said, false),
    }
}

/// `Hvor godt må jeg snakke norsk?` → `Du må snakke norsk`; `Kor godt må norsken vere?` →
/// `Norsken må vere`. Other questions for information ask nothing themselves.
fn asked_how_well(lower: &[String]) -> Option<String> {
    let [wh, how, modal, who, rest @ ..] = lower else {
        return None;
    };
    if !matches!(wh.as_str(), "hvor" | "kor") || how != "godt" || !MODALS.contains(&modal.as_str()) {
        return None;
    }
    let who = SUBJECTS.iter().find(|(asked, _)| asked == who).map_or(who.as_str(), |&(_, said)| said);
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    Some(format!("{} {modal} {}", capitalised(who), person_swapped(&rest)))
}

/// Whether an answer's first phrase names a content word of what was asked (a word of four
/// letters or more): `Norsk eller engelsk, men …` does; `Litt – A2 holder, for arbeidslederen
/// snakker norsk` does not (its reason names the language, its answer only how much).
fn names_what_was_asked(answer: &str, asked: &str) -> bool {
    let first_phrase = answer.split([',', '–', '—', '(', ';', ':']).next().unwrap_or(answer);
    let answer = first_phrase.to_lowercase();
    asked
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .any(|w| answer.split(|c: char| !c.is_alphanumeric()).any(|a| a == w))
}

/// The asker's words as the employer answers them.
fn person_swapped(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| PERSON.iter().find(|(asked, _)| w.eq_ignore_ascii_case(asked)).map_or(*w, |&(_, said)| said))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `tåler` → `tåle`, `står` → `stå`, `har` → `ha`.
fn infinitive(verb: &str) -> String {
    if let Some(&(_, said)) = IRREGULAR.iter().find(|(present, _)| *present == verb) {
        return said.to_string();
    }
    verb.strip_suffix('r').unwrap_or(verb).to_string()
}

/// The statement and what the answer says besides: as one sentence, or as two when `apart`
/// (a `Nei` that waives, then what the answer offers instead).
fn joined(statement: &str, said: &str, apart: bool) -> String {
    let (statement, said) = (statement.trim(), said.trim());
    match (said.is_empty(), apart) {
        (true, _) => format!("{statement}."),
        (false, false) => format!("{statement}, {}", lowercased(said)),
        (false, true) => format!("{statement}. {}", capitalised(said)),
    }
}

pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The first letter in lower case, unless the first word is a code or a name in capitals (`B1`).
pub(super) fn lowercased(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or_default();
    if first.chars().filter(|c| c.is_alphabetic()).count() <= 1
        || first.chars().skip(1).any(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return text.to_string();
    }
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::answered;

    #[test]
    fn a_yes_asks_what_the_question_named() {
        assert_eq!(
            answered(
                "Må jeg ha førerkort? Ja, klasse B – og kjøreseddel. Må jeg jobbe kveld? Ja, det er hele poenget."
            ),
            "Du må ha førerkort, klasse B – og kjøreseddel. Du må jobbe kveld, det er hele poenget."
        );
    }

    #[test]
    fn a_no_says_it_is_not_needed() {
        assert_eq!(
            answered("Må jeg kunne norsk? Nei, engelsk går fint. Må jeg ha stillaskurs? Nei, det tar vi."),
            "Du trenger ikke kunne norsk. Engelsk går fint. Du trenger ikke ha stillaskurs. Det tar vi."
        );
    }

    #[test]
    fn an_answer_that_names_the_thing_stands_alone() {
        assert_eq!(
            answered("Må jeg snakke norsk? Norsk eller engelsk holder (B1). Må jeg kunne norsk? Litt – A2 holder."),
            "Norsk eller engelsk holder (B1). Du må kunne norsk, litt – A2 holder."
        );
    }

    #[test]
    fn the_asker_and_the_job_are_told_apart() {
        assert_eq!(
            answered("Tåler jeg høyden? Det må du – opp til 40 meter. Er det mye løfting? Nei, vi har traller."),
            "Du må tåle høyden, opp til 40 meter. Det er ikke mye løfting. Vi har traller."
        );
        assert_eq!(
            answered("Har du ikke tatt taxikurs? Det trenger du ikke. Står man mye? Ja, hele dagen."),
            "Du trenger ikke ha tatt taxikurs. Man står mye, hele dagen."
        );
    }

    #[test]
    fn questions_for_information_ask_only_how_well() {
        assert_eq!(
            answered("Hva teller mest? At du har jobbet med fisk. Hvor godt må jeg snakke norsk? Godt nok – B1."),
            "At du har jobbet med fisk. Du må snakke norsk, godt nok – B1."
        );
    }

    #[test]
    fn a_thing_named_alone_is_what_the_answer_speaks_of() {
        assert_eq!(
            answered("Engelsk? Greit å ha. Fagbrev i stillasfaget? Det er gull. Førerkort? Nei, det går buss."),
            "Engelsk – greit å ha. Fagbrev i stillasfaget er gull. Du trenger ikke førerkort. Det går buss."
        );
    }

    #[test]
    fn an_answer_that_weighs_the_question_makes_no_must() {
        assert_eq!(
            answered("Har du jobbet i butikk før? Det er det vi ønsker oss mest. Liker du å sykle? Nest viktigst."),
            "Å ha jobbet i butikk før, det er det vi ønsker oss mest. Å like å sykle, nest viktigst."
        );
        // An answer that says «må» is still a yes.
        assert_eq!(
            answered("Snakker du engelsk? B1 må du ha. Kan du jobbe helg? Ja."),
            "Du må snakke engelsk, B1 må du ha. Du kan jobbe helg."
        );
    }

    #[test]
    fn a_condition_put_to_the_reader_answers_nothing() {
        assert_eq!(
            answered(
                "Tåler du varme? Har du astma, blir det vanskelig. Kan du jobbe kveld? Ja. Kan du jobbe helg? Ja."
            ),
            "Tåler du varme? Har du astma, blir det vanskelig. Du kan jobbe kveld. Du kan jobbe helg."
        );
    }

    #[test]
    fn minding_and_gladly_are_read_for_what_they_ask() {
        assert_eq!(
            answered("Har du noe imot kulde? Nei. Står du gjerne opp klokka fem? Det må du."),
            "Du må tåle kulde. Du må stå opp klokka fem."
        );
    }

    #[test]
    fn one_question_is_no_faq() {
        let ad = "Baker du brød hjemme i helgene? Da vil vi høre fra deg!";
        assert_eq!(answered(ad), ad);
    }
}
