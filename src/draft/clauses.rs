//! Splitting an answer into clauses: numbered items (`1. Interesse for bil 2. …`), lines,
//! bullets and sentences, each clause with the rank its number gives.

use crate::analysis::Analyzer;
use std::ops::Range;

/// Month names, so `1. februar` is a date and not the first item of a list.
pub const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

/// Words that open a statement about the job rather than a requirement of the candidate (`vi
/// flytter kundebiler`); statements about its customers open with [`SERVED_SUBJECTS`].
pub const CONTEXT_SUBJECTS: &[&str] = &[
    "vi",
    // `…, formann e polsk`: the boss, as dialect says it without an article.
    "formann",
    "formannen",
    "sjefen",
    "arbeidslederen",
    "det",
    "dette",
    "de",
    "dei",
    "jobben",
    "arbeidet",
    "stillingen",
    "stillinga",
    "mange",
    "masse",
    "alle",
    "halvparten",
    "flesteparten",
    "han",
    "hun",
    "ho",
    // The person who had the job before, once named (see `portrait`).
    super::portrait::PERSON,
];

/// `Uten det …`, `utan ho …`: words that open with what follows without the requirement named
/// before (a pronoun for it), and so ask nothing themselves.
pub fn without_it(words: &[&str]) -> bool {
    matches!(words, ["uten" | "utan", "det" | "dette" | "den" | "dei" | "dem" | "ho" | "han" | "henne", ..])
}

/// Who at the employer asks or says what is asked, in their definite form (`sjefen krever at
/// …`, `Formannen krev òg truckførarbevis`, `Rederiet krever …`): never what is asked.
pub const BOSSES: &[&str] = &[
    "sjefen",
    "formannen",
    "formann",
    "rederiet",
    "lederen",
    "leiaren",
    "eieren",
    "eigaren",
    "bestyreren",
    "bestyraren",
    "arbeidsgiveren",
    "arbeidsgjevaren",
    "arbeidslederen",
    "arbeidsleiaren",
];

/// The verbs by which someone says something (`Arne sier han vil ha fagbrev`, `Kari skriv at
/// …`): what stands before them is a person, not a thing asked for.
pub const SAYING: &[&str] = &["sier", "seier", "sa", "skriver", "skriv", "skrev", "mener", "meiner", "synes", "syns"];

/// Whether two words open what the writer went through, told in the past (`jeg har sett folk
/// som ble sjøsyke`, `eg hadde aldri vore på sjøen`): a story, not a requirement.
pub fn writer_tells(first: Option<&str>, second: Option<&str>) -> bool {
    matches!(first, Some("jeg" | "eg" | "je" | "æ"))
        && second.is_some_and(|verb| matches!(verb, "har" | "hadde") || told_past(verb))
}

/// The people a job serves, as the subject of a statement (`…, beboerne må forstå deg`): what
/// they must do is why the requirement is made, however it is said.
pub const SERVED_SUBJECTS: &[&str] = &[
    "kundene",
    "kundane",
    "beboerne",
    "bebuarane",
    "brukerne",
    "brukarane",
    "pasientene",
    "pasientane",
    "gjestene",
    "gjestane",
    "barna",
    "elevene",
    "elevane",
    "medlemmene",
    "medlemmane",
    // The animals in the job's care (`…, for hestene skal ha mat på søndager også`).
    "dyra",
    "dyrene",
    "hestene",
    "hestane",
    "kyrne",
    "kuene",
    "hundene",
    "hundane",
    "sauene",
    "sauane",
];

/// One clause of an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// The number the employer put in front, if any.
    pub number: Option<u32>,
    pub text: String,
    pub words: Vec<Word>,
    /// Where a statement about the job starts, after a comma (`må ha førerkort B, vi flytter
    /// kundebiler`): the index of its first word.
    pub context_from: Option<usize>,
    /// A condition that turns the candidate away (`Er du høydredd, kan du like godt la være å
    /// søke`, `Har du vond rygg, går det ikke`): what it names is what the job demands.
    pub turned_away: Option<TurnedAway>,
    /// `🚧 Sommarjobb på vegen!`, `Vinter i Hemsedal?`: the answer opens with this clause, an
    /// exclamation or a question asking nobody anything (told by its punctuation, which the
    /// text has lost). In the must-have answer, if it names nothing, it is a headline naming
    /// the job.
    pub headline: bool,
    /// Where a comma, a colon or a dash between spaces breaks the clause (`Vi grev og rakar – ute
    /// i all slags vêr må du tole`): the index of the first word after each break, and the mark.
    pub breaks: Vec<(usize, char)>,
}

impl Clause {
    /// The clause in the employer's own words, for a note to the advisor.
    pub fn as_note(&self) -> String {
        self.text.trim().trim_end_matches('.').to_string()
    }
}

/// One word of a clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Lowercased as written.
    pub text: String,
    pub stem: String,
}

/// The clauses of `answer`, in order.
pub fn clauses(answer: &str, analyzer: &Analyzer) -> Vec<Clause> {
    let mut clauses = Vec::new();
    // `Ønskelig:` on a line of its own heads the list below it, as in a job ad: each item is
    // read with the heading in front (`Ønskelig: erf. fra lager`).
    let mut heading: Option<&str> = None;
    let answer = super::report::employer_spelt_out(&super::letter::unwrapped(&super::faq::answered(
        &super::transcript::employer_turns(&super::shorthand::spelt_out(&super::corrections::applied(
            &super::second_thoughts::settled(&super::report::without_said_tags(&super::ascii::with_letters(answer))),
        ))),
    )));
    for line in answer.lines() {
        let line = line.trim().trim_start_matches(['-', '•', '*', '–']).trim();
        // A blank line ends the list a heading was over.
        if line.is_empty() {
            heading = None;
            continue;
        }
        // A heading names what follows (`Krav:`, `Vi tilbyr:`); the writer speaking of themself
        // (`Je skriv fort:`) is no heading.
        let pronoun = |t: &str| {
            t.split_whitespace()
                .next()
                .is_some_and(|w| matches!(w.to_lowercase().as_str(), "jeg" | "je" | "eg" | "æ" | "du"))
        };
        if let Some(title) =
            line.strip_suffix(':').filter(|t| (1..=3).contains(&t.split_whitespace().count()) && !pronoun(t))
        {
            heading = Some(title);
            continue;
        }
        for (number, item) in numbered_items(line) {
            let item = heading.map_or(item.clone(), |title| format!("{title}: {item}"));
            let sentences = sentences(&item);
            let unframed = sentences.iter().map(|s| super::report::the_hire_as_you(super::report::without_frame(s)));
            // Whether the answer opens with an exclamation or a question.
            let exclaimed = item.find(['.', '!', '?']).is_some_and(|at| item[at..].starts_with(['!', '?']));
            for (sentence, aside) in unframed.flat_map(|s| each_importance(&s)).flat_map(|s| asides(&s)) {
                let words = words(&sentence, analyzer);
                if !words.is_empty() {
                    let headline = clauses.is_empty() && exclaimed && asks_nobody(&words);
                    let context_from = if aside { Some(0) } else { context_start(&sentence, analyzer) };
                    let turned_away = turning_away(&sentence, analyzer);
                    let number = number.or_else(|| rank_said(&words));
                    let breaks = word_breaks(&sentence, analyzer);
                    clauses.push(Clause { number, text: sentence, words, context_from, turned_away, headline, breaks });
                }
            }
        }
    }
    clauses
}

/// `Tåle varme (asfalten er 160 grader), støy og …`, `Sikkerheitskurs (STCW) er lovkrav`: a
/// parenthesis inside a sentence is said in passing. The sentence is read without it, and the
/// parenthesis after it as a statement about the job (`true`), whose unread words ask nothing.
/// A code (`Norsk (B2)`), an alternative (`(eller erfaring)`) and a closing parenthesis (see
/// [`context_start`]) stay where they are.
fn asides(sentence: &str) -> Vec<(String, bool)> {
    let inside = sentence.find('(').zip(sentence.find(')')).filter(|(open, close)| open < close);
    let Some((open, close)) = inside else { return vec![(sentence.to_string(), false)] };
    let (before, aside, after) = (&sentence[..open], &sentence[open + 1..close], &sentence[close + 1..]);
    let closes = after.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '?')).is_empty();
    let tokens = lowercase_words(aside);
    // `(B2 minimum)`, `(minst B1)`, `(A2 holder)`: a level code, said with how it is meant, is
    // a code too.
    let level_filler = |w: &String| {
        matches!(
            w.as_str(),
            "minimum"
                | "min"
                | "minst"
                | "nivå"
                | "eller"
                | "høyere"
                | "bedre"
                | "holder"
                | "held"
                | "er"
                | "nok"
                | "greit"
        )
    };
    let code = (tokens.len() == 1 && (crate::taxonomy::is_class_code(&tokens[0]) || tokens[0].len() == 2))
        || (tokens.iter().filter(|w| level_code(w)).count() == 1
            && tokens.iter().all(|w| level_code(w) || level_filler(w)));
    let alternative = tokens.first().is_some_and(|w| matches!(w.as_str(), "eller" | "evt" | "og" | "el"));
    // `førerkort B (m/tilhenger er et pluss)`: a wish said in passing is a wish of its own; the
    // requirement before it stays one.
    let wish = tokens.iter().any(|w| matches!(w.as_str(), "pluss" | "ønskelig" | "ønskeleg" | "fordel" | "bonus"));
    if wish && !before.trim().is_empty() && !tokens.is_empty() {
        let rest = format!("{}{}", before.trim_end(), after);
        let mut out = asides(rest.trim());
        // `(m/tilhenger er et pluss)` after a licence is a licence too.
        let licence = |w: &String| matches!(w.as_str(), "førerkort" | "førarkort" | "sertifikat" | "lappen");
        let carried = lowercase_words(before).iter().any(licence) && !tokens.iter().any(licence);
        let aside = if carried { format!("førerkort {}", aside.trim()) } else { aside.trim().to_string() };
        out.push((aside, false));
        return out;
    }
    if closes || before.trim().is_empty() || tokens.is_empty() || code || alternative {
        return vec![(sentence.to_string(), false)];
    }
    let rest = format!("{}{}", before.trim_end(), after);
    let mut out = asides(rest.trim());
    out.push((aside.trim().to_string(), true));
    out
}

/// Words a main clause opens with after a condition (`…, kan du like godt la være å søke`,
/// `…, er ikkje dette staden`, `…, går det ikke`): a verb, then its subject.
const MAIN_SUBJECTS: &[&str] = &["du", "dere", "de", "det", "dette", "vi", "jobben", "stillingen", "stillinga"];
/// Words before `du` that do not make a condition (`så du må …`).
const NOT_CONDITIONS: &[&str] = &["så", "og", "men", "da", "då", "når", "der", "som", "at", "ellers", "elles"];
/// Words of a main clause that turn a candidate away (besides `ikke`).
const REFUSING: &[&str] = &[
    "feil",
    "ingenting",
    "nei",
    "uaktuelt",
    "uaktuell",
    "glem",
    "glemme",
    "gløyme",
    "glømme",
    "vits",
    "vanskelig",
    "vanskeleg",
    "umulig",
    "umogleg",
];

/// What a job is too much of for someone (`blir det for tungt`).
const TOO_MUCH: &[&str] =
    &["tungt", "hardt", "krevende", "krevjande", "slitsomt", "mye", "vanskelig", "vanskeleg", "tøft", "tyngt"];

/// A condition on the candidate and the main clause that turns them away, as word ranges of
/// the clause: `Er du høydredd` / `kan du like godt la være å søke`.
#[derive(Debug, Clone, PartialEq)]
pub struct TurnedAway {
    pub condition: Range<usize>,
    pub refusal: Range<usize>,
}

/// `Er du høydredd, kan du like godt la være å søke`, `Tåler du ikke dyr – eller er du
/// allergisk mot ull – blir det ingenting av`, `…, så har du vond rygg, går det ikke`: a part of
/// a sentence that opens with a condition on the candidate (a verb or `hvis` before `du`),
/// then a main clause that turns them away.
fn turning_away(sentence: &str, analyzer: &Analyzer) -> Option<TurnedAway> {
    whoever_turned_away(&words(sentence, analyzer)).or_else(|| conditionally_turned_away(sentence, analyzer))
}

/// `Folk som fryser lett, holder ikke`, `den som har vondt i knea klarer det ikkje`: whoever has
/// a limit, named in a relative clause, does not do — the limit is the condition.
fn whoever_turned_away(said: &[Word]) -> Option<TurnedAway> {
    let text: Vec<&str> = said.iter().map(|w| w.text.as_str()).collect();
    // The refusal closes the sentence: a verb, perhaps `det`, and a negation.
    let last = text.len().checked_sub(1)?;
    if !super::words::NOT.contains(&text[last]) || last < 2 {
        return None;
    }
    let verb = if matches!(text[last - 1], "det" | "seg" | "jobben") { last - 2 } else { last - 1 };
    let doing =
        matches!(text[verb], "holder" | "held" | "klarer" | "klarar" | "passer" | "passar" | "går" | "fungerer");
    let who = (0..verb.saturating_sub(1)).find(|&k| {
        matches!(text[k], "folk" | "den" | "de" | "dei" | "personer" | "alle" | "ein" | "en" | "noen" | "nokon")
            && text[k + 1] == "som"
    });
    // `…, så høydeskrekk går ikkje`, `…, og svimmelhet går ikke`: the limit itself, after `så`
    // or `og`, is the subject.
    let limit_from = who.map(|k| k + 2).or_else(|| {
        (0..verb)
            .rev()
            .find(|&k| matches!(text[k], "så" | "og"))
            .map(|k| k + 1)
            .filter(|&from| (1..=3).contains(&(verb - from)))
    })?;
    (doing && verb > limit_from).then(|| TurnedAway { condition: limit_from..verb, refusal: verb..last + 1 })
}

fn conditionally_turned_away(sentence: &str, analyzer: &Analyzer) -> Option<TurnedAway> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, c) in breaks(sentence) {
        parts.push(start..at);
        start = at + c.len_utf8();
    }
    parts.push(start..sentence.len());
    // `Blir du sjøsyk på ferja så e det ikkje nåkka vits`: spoken, the condition may end at `så`
    // with no comma.
    if parts.len() == 1 {
        if let Some(at) = sentence.find(" så ").filter(|&at| at > 0) {
            parts = vec![0..at, at + 1..sentence.len()];
        }
    }
    let said: Vec<Vec<String>> = parts.iter().map(|part| lowercase_words(&sentence[part.clone()])).collect();
    let condition = |k: usize| {
        let part = &said[k];
        let from = usize::from(part.first().is_some_and(|w| matches!(w.as_str(), "så" | "og" | "men" | "eller")));
        part.get(from + 1).is_some_and(|w| matches!(w.as_str(), "du" | "dere"))
            && part.get(from).is_some_and(|w| !NOT_CONDITIONS.contains(&w.as_str()))
    };
    let refusal = |k: usize| {
        let part = &said[k];
        // `…, så er det ingen vits`: the main clause may open with `så`.
        let from = usize::from(part.first().is_some_and(|w| w == "så"));
        let subject = |i: usize| part.get(from + i).is_some_and(|w| MAIN_SUBJECTS.contains(&w.as_str()));
        let negated = part.get(from + 1).is_some_and(|w| super::words::NOT.contains(&w.as_str()));
        let main = part.get(from).is_some_and(|w| !matches!(w.as_str(), "og" | "eller"))
            && (subject(1) || (negated && subject(2)));
        // `…, blir det for tungt`: too much for the candidate turns them away as well.
        let too_much = |pair: &[String]| pair[0] == "for" && TOO_MUCH.contains(&pair[1].as_str());
        let refuses = part.iter().any(|w| super::words::NOT.contains(&w.as_str()) || REFUSING.contains(&w.as_str()))
            || part.windows(2).any(|pair| pair[0] == "la" && matches!(pair[1].as_str(), "være" | "vere"))
            || part.windows(2).any(too_much);
        main && refuses
    };
    let main = (1..parts.len()).find(|&k| refusal(k) && (0..k).any(condition))?;
    // The condition may list what it names over commas (`Er du redd for varme, støv og støy,
    // …`) and hold more than one (`Tåler du ikke dyr – eller er du allergisk mot ull – …`).
    let mut first = (0..main).rev().find(|&k| condition(k))?;
    while first > 0 && condition(first - 1) {
        first -= 1;
    }
    let index = |byte: usize| words(&sentence[..byte], analyzer).len();
    Some(TurnedAway {
        condition: index(parts[first].start)..index(parts[main - 1].end),
        refusal: index(parts[main].start)..index(parts[main].end),
    })
}

/// Where a sentence breaks inside (byte index and mark): a comma, a colon, or a dash between
/// spaces (`norsk skriftlig – vi skriver rapporter`).
fn breaks(sentence: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = sentence.as_bytes();
    sentence.char_indices().filter(move |&(at, c)| {
        let spaced = at > 0 && bytes[at - 1] == b' ' && bytes.get(at + c.len_utf8()) == Some(&b' ');
        matches!(c, ',' | ':' | ';') || (matches!(c, '–' | '—' | '-') && spaced)
    })
}

/// The first word after each break of the sentence, and its mark (see [`Clause::breaks`]).
fn word_breaks(sentence: &str, analyzer: &Analyzer) -> Vec<(usize, char)> {
    breaks(sentence).map(|(at, c)| (words(&sentence[..at], analyzer).len(), c)).filter(|&(at, _)| at > 0).collect()
}

/// Splits `1. A 2. B` into (1, "A"), (2, "B"); text before the first number has none.
fn numbered_items(line: &str) -> Vec<(Option<u32>, String)> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let mut items: Vec<(Option<u32>, String)> = vec![(None, String::new())];
    for (i, token) in tokens.iter().enumerate() {
        let marker = token
            .strip_suffix('.')
            .or_else(|| token.strip_suffix(')'))
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| (1..=20).contains(n));
        let next = tokens.get(i + 1).map(|w| w.to_lowercase());
        let is_date = next.as_deref().is_some_and(|w| MONTHS.iter().any(|m| w.starts_with(m)));
        // A list number is followed by words (`15.` at the end of `kl. 7 til 15.` is a time).
        let before_words = next.as_deref().is_some_and(|w| w.chars().next().is_some_and(char::is_alphabetic));
        // A list starts the line or goes on from the number before (`1. A 2. B`); `klokka 7.`
        // at the end of a sentence is a time, not the seventh item.
        let expected = items.last().and_then(|(n, _)| *n).map_or(1, |n| n + 1);
        let in_list = |number: u32| i == 0 || number == expected;
        match marker {
            Some(number) if !is_date && before_words && in_list(number) => items.push((Some(number), String::new())),
            _ => {
                let current = &mut items.last_mut().expect("items starts non-empty").1;
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(token);
            }
        }
    }
    items.retain(|(_, text)| !text.trim().is_empty());
    items
}

/// Sentences of an item: split at `.`, `!`, `?` and `;` that end a word (not `1.5` or `kl.`).
fn sentences(item: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = item.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        // `…, men du må kunne jobbe helg`: a contrast starts a clause of its own (the first half
        // may say what is not needed, the second what is).
        let contrast = c == ',' && {
            let rest = chars[i + 1..].iter().collect::<String>().to_lowercase();
            rest.split_whitespace().next() == Some("men") && !language_accepted_instead(&rest)
        };
        let ends = matches!(c, '!' | '?' | ';')
            || contrast
            || (c == '.' && chars.get(i + 1).is_none_or(|n| n.is_whitespace()) && !abbreviation(&current))
            // `… fra klokka 7. Du må …`: a number before a capital ends the sentence (an ordinal
            // goes on in lower case: `1. februar`).
            || (c == '.' && ordinal(&current) && chars[i + 1..].iter().find(|n| !n.is_whitespace()).is_some_and(|n| n.is_uppercase()));
        if ends {
            sentences.push(current.trim().trim_end_matches(['.', '!', '?', ';', ',']).trim().to_string());
            current.clear();
        }
    }
    sentences.push(current.trim().trim_end_matches(['.', '!', '?', ';']).trim().to_string());
    sentences.retain(|s| !s.is_empty());
    sentences.iter().flat_map(|s| spoken_breaks(s)).collect()
}

/// `…, men engelsk er OK`, `…, men svensk går fint`: after a language asked for, another accepted
/// in its place is part of the same requirement, not a contrast of its own. A language's name
/// ends in `-sk` (`norsk`, `engelsk`, `polsk`, `ukrainsk`).
pub fn language_accepted_instead(rest: &str) -> bool {
    let words: Vec<&str> = rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(5).collect();
    matches!(
        words.as_slice(),
        ["men", language, "er" | "går", "ok" | "okei" | "greit" | "fint" | "også", ..] if language.ends_with("sk") && language.len() > 3
    )
}

/// Speech typed as said, or through speech-to-text, has no commas or full stops: `helst
/// førerkort b fordi noen ganger kjører vi mellom områdene og så er det fint om du har jobbet
/// med kundeservice … ja og en rolig type`. A long run without punctuation is broken where a
/// speaker starts a new thought (`og så`, `og du`, `ja`, `altså`), so a reason or a statement
/// about the job does not swallow the requirements said after it.
fn spoken_breaks(sentence: &str) -> Vec<String> {
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let punctuated = sentence.contains([',', '(', ':', '–']);
    if punctuated || tokens.len() < 12 {
        return vec![sentence.to_string()];
    }
    let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let starts_thought = |i: usize| {
        let next = lower.get(i + 1).map(String::as_str);
        match lower[i].as_str() {
            "og" => matches!(next, Some("så" | "du")),
            "ja" | "altså" => true,
            _ => false,
        }
    };
    let mut parts = Vec::new();
    let mut from = 0;
    for i in 1..tokens.len() {
        if starts_thought(i) && !(lower[i - 1] == "ja" || lower[i - 1] == "altså") && i - from >= 3 {
            parts.push(tokens[from..i].join(" "));
            from = i;
        }
    }
    parts.push(tokens[from..].join(" "));
    parts
}

/// `Førerkort C er et krav, CE er en fordel`: halves of a sentence that each say how much they
/// matter are two clauses, so a softener after the comma softens only its own half.
fn each_importance(sentence: &str) -> Vec<String> {
    use super::words::{MUST_MARKERS, SOFTENS_WHAT_FOLLOWS, softens_at};
    let required = |text: &str| lowercase_words(text).iter().any(|w| MUST_MARKERS.contains(&w.as_str()));
    let softened = |text: &str| {
        let words = lowercase_words(text);
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        (0..words.len()).any(|j| softens_at(&words, j) && !SOFTENS_WHAT_FOLLOWS.contains(&words[j]))
    };
    let split = sentence.match_indices(',').map(|(at, _)| at).find(|&at| {
        let (left, right) = (&sentence[..at], &sentence[at + 1..]);
        (required(left) && softened(right) && !required(right))
            || (softened(left) && !required(left) && required(right))
    });
    let Some(at) = split else { return vec![sentence.to_string()] };
    let (left, right) = (sentence[..at].trim(), sentence[at + 1..].trim());
    [left.to_string(), carried(left, right)].into_iter().filter(|part| !part.is_empty()).collect()
}

/// The second half of `førerkort C er et krav, CE er en fordel` or `svennebrev som tømrer er et
/// krav, mesterbrev er en fordel`, with what it leaves unsaid carried over from the first: the
/// licence word before a bare class, the trade after a bare rung of the ladder.
fn carried(left: &str, right: &str) -> String {
    let (before, after) = (lowercase_words(left), lowercase_words(right));
    let licence = |w: &String| matches!(w.as_str(), "førerkort" | "førarkort" | "sertifikat" | "lappen");
    let class = |w: &String| {
        matches!(w.as_str(), "a" | "a1" | "a2" | "b" | "be" | "c1" | "c1e" | "c" | "ce" | "d1" | "d1e" | "d" | "de")
    };
    if after.first().is_some_and(class) && before.iter().any(licence) && !after.iter().any(licence) {
        return format!("førerkort {right}");
    }
    let rung = |w: &String| matches!(w.as_str(), "fagbrev" | "svennebrev" | "mesterbrev" | "meisterbrev");
    let trade_at =
        before.iter().position(rung).map(|r| r + 1).filter(|&t| {
            before.get(t).is_some_and(|w| matches!(w.as_str(), "som" | "i")) && before.get(t + 1).is_some()
        });
    match (after.first(), trade_at) {
        (Some(first), Some(t)) if rung(first) && !after.get(1).is_some_and(|w| matches!(w.as_str(), "som" | "i")) => {
            let first_word = right.split_whitespace().next().unwrap_or_default();
            let rest = right[first_word.len()..].trim_start();
            format!("{first_word} {} {} {rest}", before[t], before[t + 1])
        }
        _ => right.to_string(),
    }
}

/// The words of `text`, lowercased, without punctuation.
fn lowercase_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Words after a comma that give the reason for what came before (`…, for vi kjører ut til
/// hogstfeltene selv`, `…, fordi kundene ringer`). `for` and `siden` do so only before a
/// statement's subject (`for eksempel` lists).
pub const BECAUSE: &[&str] = &["fordi", "ettersom", "sidan", "når"];
pub const BECAUSE_BEFORE_SUBJECT: &[&str] = &["for", "siden", "da", "då"];
/// Shorthand that gives what a requirement is about or why it is made, whatever follows
/// (`norsk B1 pga. HMS`, `forstå norsk ifht sikkerhet`); [`REASON_PHRASES`] in full.
const REASON_WORDS: &[&str] = &["pga", "ifht", "iht", "mtp", "grunnet", "grunna"];
const REASON_PHRASES: &[[&str; 3]] =
    &[["på", "grunn", "av"], ["i", "forhold", "til"], ["med", "tanke", "på"], ["av", "hensyn", "til"]];

/// Whether `words` open with what a requirement is about (`pga. HMS`, `i forhold til
/// sikkerhet`): a topic, which names nothing asked of the candidate.
pub fn names_a_topic(words: &[&str]) -> bool {
    words.first().is_some_and(|w| REASON_WORDS.contains(w))
        || REASON_PHRASES.iter().any(|phrase| words.len() >= 3 && words[..3] == phrase[..])
}

/// The index of the first word of a statement about the job after a comma, if the sentence has
/// one: a statement with the job or its people as subject, or the reason for a requirement.
fn context_start(sentence: &str, analyzer: &Analyzer) -> Option<usize> {
    // A comma, a colon or a dash between spaces (`norsk skriftlig – vi skriver rapporter`) ends
    // what is asked.
    let after_comma = breaks(sentence).map(|(at, c)| (at, c, c == ':')).find_map(|(at, mark, colon)| {
        let width = mark.len_utf8();
        let dash = matches!(mark, '–' | '—' | '-');
        // `Norsk B1 – publikumskontakt`: after a language's level, a dash says what it is for.
        let level_before = sentence[..at].split_whitespace().next_back().is_some_and(level_code);
        if level_before && !colon && sentence[at..].starts_with(['–', '—', '-']) {
            return Some(words(&sentence[..at], analyzer).len());
        }
        let mut after = sentence[at + width..].split_whitespace().map(str::to_lowercase);
        let next = after.next()?;
        let subject = |word: &str| CONTEXT_SUBJECTS.contains(&word) || SERVED_SUBJECTS.contains(&word);
        // `…, da mange kunder er utenlandske`, `…, for du kjører alene`.
        // `…, da tjenesten utføres i brukernes hjem`: a thing of the job, named in its definite
        // form, as well.
        let reason_subject = |word: &str| subject(word) || REASON_SUBJECTS.contains(&word) || definite_noun(word);
        // `…, for halve gjengen og alle kapteinene snakker den`: a quantity may open the subject.
        let quantity =
            |word: &str| matches!(word, "halve" | "alle" | "mange" | "fleire" | "flere" | "begge" | "mesteparten");
        let reason = BECAUSE.contains(&next.as_str())
            || (BECAUSE_BEFORE_SUBJECT.contains(&next.as_str())
                && after.next().is_some_and(|w| {
                    reason_subject(&w)
                        || (quantity(&w)
                            && sentence[at + width..]
                                .split_whitespace()
                                .nth(2)
                                .is_some_and(|noun| reason_subject(&noun.to_lowercase())))
                }));
        // `…, du kjører servicebil alene ut til kundene`: what the candidate will do, said as a
        // fact (a present verb, not `du må`), is why the requirement before it is made.
        let verb = after.next();
        // `…: du skal klatre opp til 15 meter`, `… – du skal rundt i hele distriktet`: what the
        // candidate will do, said after a colon or a dash.
        let doing =
            next == "du" && verb.as_deref().is_some_and(|v| stated_doing(v) || ((colon || dash) && v == "skal"));
        // `…, gården ligger langt unna bussen`: a thing of the job, named in its definite form,
        // and what it does or is.
        // `…, isen og fisken kjem rett frå båtane`: two such things, joined.
        let joined = verb.as_deref() == Some("og")
            && definite_noun(&next)
            && after.next().is_some_and(|noun| opens_statement(&noun, after.next().as_deref()));
        let thing = opens_statement(&next, verb.as_deref()) || joined;
        let rest: Vec<String> = sentence[at + width..]
            .split_whitespace()
            .map(|w| w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .collect();
        let following: Vec<&str> = rest.iter().map(String::as_str).collect();
        // `…, lørdag og søndag er de travleste dagene`: when the work is, said to be something.
        let when = following.iter().position(|w| matches!(*w, "er" | "blir" | "var")).is_some_and(|verb| {
            let times = &following[..verb];
            (1..=4).contains(&verb)
                && verb + 1 < following.len()
                && times.iter().any(|w| time_of_week(w))
                && times.iter().all(|w| time_of_week(w) || *w == "og")
        });
        // `…, gudstenester og vigslar er ofte laurdag og søndag`: what happens, said to fall on
        // days of the week.
        let on_days = following.iter().position(|w| matches!(*w, "er" | "blir" | "var")).is_some_and(|verb| {
            let mut after = following[verb + 1..]
                .iter()
                .skip_while(|w| matches!(**w, "ofte" | "mest" | "alltid" | "gjerne" | "helst" | "på" | "om"));
            (1..=5).contains(&verb) && after.next().is_some_and(|w| time_of_week(w))
        });
        // `… – uten den får vi ikke lov å sette deg på vakt`: what follows without it.
        let without_it = without_it(&following);
        // `…, hørselvern får du`: what the candidate is given is no requirement.
        let given = following.get(1..3) == Some(&["får", "du"][..]);
        // `…, da er det fullt her`: then it is so; `…, det er det kundene husker`: that is it;
        // `…, det er da folk kommer`: that is when.
        let so_then = matches!(following.as_slice(), ["da" | "då", "er" | "blir", ..])
            || matches!(following.as_slice(), ["det", "er", "det" | "derfor" | "dette" | "da" | "då" | "når", ..]);
        // `…: vi kryper i krypkjellere`: what the employer does, after a colon too.
        let ours_doing =
            matches!(following.first(), Some(&("vi" | "me"))) && following.get(1).is_some_and(|v| stated_doing(v));
        // `…, folk e trøtt og sultne`, `…, og det bles godt her`: people in general, or `og`
        // before a statement's subject, and what they do or are.
        let stating = |verb: Option<&&str>| verb.is_some_and(|v| STATING.contains(v) || stated_doing(v));
        let people = following.first() == Some(&"folk") && stating(following.get(1));
        let and_then = following.first() == Some(&"og")
            && matches!(following.get(1), Some(&("det" | "vi" | "me")))
            && following.get(2).is_some_and(|v| !matches!(*v, "må" | "skal" | "bør" | "trenger" | "treng"));
        // `…, og anlegget ligg ti km frå bygda`: `og` before a thing of the job, named in its
        // definite form, and what it does or is.
        let and_thing = following.first() == Some(&"og")
            && following.get(1).is_some_and(|noun| opens_statement(noun, following.get(2).copied()));
        // `…, og hun startet klokka seks`: what the person before did, told.
        let and_she_did = following.first() == Some(&"og")
            && following.get(1).is_some_and(|w| PAST_TELLERS.contains(w))
            && following.get(2).is_some_and(|v| told_past(v));
        // `…; jeg har sett folk som ble sjøsyke`: what the writer went through, told.
        let own_story = writer_tells(following.first().copied(), following.get(1).copied());
        // After a colon, only what the candidate will do (`Krav: …` lists what is asked).
        let stated = if colon {
            doing || ours_doing
        } else {
            subject(&next)
                || reason
                || doing
                || thing
                || when
                || on_days
                || without_it
                || given
                || so_then
                || people
                || and_then
                || and_thing
                || and_she_did
                || own_story
        };
        stated.then(|| words(&sentence[..at], analyzer).len())
    });
    // `må snakke flytende norsk fordi du skal svare på telefon`, `norsk B2 siden du skal skrive
    // rapporter`: a reason needs no comma.
    let said = words(sentence, analyzer);
    // `norsk må du kunne ganske godt for du skal forklare reglene`: `for` gives a reason without
    // a comma only before a person and what they will do.
    let will = |at: usize| said.get(at).is_some_and(|w| matches!(w.text.as_str(), "skal" | "må" | "vil" | "får"));
    // `Førerkort B trenger du for å flytte kundebilene`: `for å` says what a requirement is for.
    let because = (1..said.len()).find(|&at| {
        let word = said[at].text.as_str();
        let person = said.get(at + 1).is_some_and(|w| REASON_SUBJECTS.contains(&w.text.as_str()));
        let purpose = word == "for" && said.get(at + 1).is_some_and(|w| w.text == "å");
        let phrase = REASON_PHRASES
            .iter()
            .any(|phrase| phrase.iter().enumerate().all(|(k, part)| said.get(at + k).is_some_and(|w| w.text == *part)));
        BECAUSE.contains(&word)
            || REASON_WORDS.contains(&word)
            || phrase
            || (BECAUSE_BEFORE_SUBJECT.contains(&word) && word != "for" && person)
            || (word == "for" && person && will(at + 2))
            || purpose
    });
    // `Førerkort kl. B (flytte biler, kjøre deleløp)`: a closing parenthesis says what the
    // requirement before it is for. What it names is still read; the rest asks nothing.
    let trimmed = sentence.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    let aside = trimmed
        .strip_suffix(')')
        .and_then(|inner| inner.rfind('('))
        .filter(|&open| open > 0)
        .map(|open| words(&sentence[..open], analyzer).len())
        .filter(|&at| at > 0);
    [after_comma, because, aside].into_iter().flatten().min()
}

/// Whether no word asks anything of anyone (no `må`, `krav`, `du`, `ikke` …).
fn asks_nobody(words: &[Word]) -> bool {
    let asks = |w: &str| {
        super::words::MUST_MARKERS.contains(&w)
            || matches!(w, "du" | "deg" | "dere" | "de" | "dei" | "dykk" | "ikke" | "ikkje" | "ingen" | "inga")
    };
    !words.iter().any(|w| asks(&w.text))
}

/// Days `Shift::parse` does not read as a shift: working days by name, and two forms of the
/// weekend. The rest of the weekend and the times of day are what it reads.
const DAYS: &[&str] = &[
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "måndag",
    "tysdag",
    "fredagene",
    "helga",
    "helgen",
    "laurdag",
    "laurdagar",
    "lørdager",
    "søndager",
    "sundag",
];

/// A day or a time of the week, which a statement may say something of (`lørdag og søndag er
/// de travleste dagene`).
fn time_of_week(word: &str) -> bool {
    DAYS.contains(&word) || crate::model::Shift::parse(word).is_some()
}

/// Verbs that state how a thing is (`gården ligger langt unna`, `lageret er kaldt`).
const STATING: &[&str] =
    &["er", "e", "ligger", "ligg", "har", "går", "blir", "står", "trenger", "treng", "kommer", "kjem"];

/// `vi setter pris på folk som …`, `er du et steg foran`, `kommer du fortere i gang`: the words by
/// which an employer says a wish counts ask nothing themselves.
pub fn frames_a_wish(words: &[&str], i: usize) -> bool {
    let at = |j: usize| words.get(j).copied().unwrap_or_default();
    let before = |j: usize| i.checked_sub(j).map_or("", |k| words[k]);
    match words[i] {
        "setter" | "set" => at(i + 1) == "pris" && at(i + 2) == "på",
        "pris" => matches!(before(1), "setter" | "set") && at(i + 1) == "på",
        "steg" => at(i + 1) == "foran",
        "foran" => before(1) == "steg",
        "fortere" | "raskere" | "fort" => at(i + 1) == "i" && at(i + 2) == "gang",
        "gang" => before(1) == "i" && matches!(before(2), "fortere" | "raskere" | "fort"),
        // `er du glad i friluftsliv, passer du her`: the job suits whoever has the wish.
        "passer" | "passar" => suits_you(words, i) && matches!(at(i + 2), "her" | "hos" | "inn"),
        // `Det hadde ikke vært dumt om …`, `Ikkje dumt om …`: a wish in understatement.
        "dumt" => (i.saturating_sub(3)..i).any(|j| matches!(words[j], "ikke" | "ikkje")),
        _ => false,
    }
}

/// `…, passer du her`: the job said to suit the reader, the main clause after a wish put as a
/// condition (`er du glad i friluftsliv og sjøen, passer du her`).
pub fn suits_you(words: &[&str], i: usize) -> bool {
    matches!(words[i], "passer" | "passar") && matches!(words.get(i + 1), Some(&("du" | "dere" | "dykk")))
}

/// `Jobben passer ikke for deg som …`, `Ikke søk hvis …`, `er ikke dette stedet for deg`,
/// `Dette er ikkje jobben for deg om …`: the words by which an employer says whom the job does
/// not suit frame the requirement that follows; they ask nothing themselves.
pub fn frames_who_suits(words: &[&str], i: usize) -> bool {
    let at = |j: usize| words.get(j).copied().unwrap_or_default();
    let negated_before = (i.saturating_sub(3)..i).any(|j| matches!(words[j], "ikke" | "ikkje" | "ingen" | "inga"));
    let for_you = |j: usize| at(j) == "for" && matches!(at(j + 1), "deg" | "dykk" | "dere" | "folk" | "den" | "alle");
    match words[i] {
        "passer" | "passar" | "passa" => {
            matches!(at(i + 1), "ikke" | "ikkje" | "dårlig" | "dårleg" | "best" | "godt" | "bra") || for_you(i + 1)
        }
        // `Ikke søk hvis …`, `bør ikke søke`, `ingen vits å søke`.
        "søk" | "søke" | "søkje" | "søker" => negated_before,
        "hvis" | "om" | "dersom" | "viss" => i > 0 && matches!(words[i - 1], "søk" | "søke" | "søkje"),
        "vits" | "poeng" => negated_before,
        // `Uten politiattest kan vi ikke ansette deg`: not hiring is the refusal.
        "ansette" | "ansetta" | "tilsette" | "tilsetje" => negated_before,
        "ingen" | "inga" => matches!(at(i + 1), "vits" | "poeng"),
        "dårlig" | "dårleg" => i > 0 && matches!(words[i - 1], "passer" | "passar" | "passa"),
        // `er ikke dette stedet for deg`, `Dette er ikkje jobben for deg`.
        "stedet" | "staden" | "plassen" | "jobben" | "jobb" | "arbeidsplassen" => for_you(i + 1),
        "dette" | "det" | "denne" | "den" => {
            (1..=3).any(|gap| for_you(i + gap + 1) && matches!(at(i + gap), "stedet" | "staden" | "jobben" | "plassen"))
                // `Denne jobben passer ikke for …`: the job pointed at.
                || matches!(at(i + 1), "jobben" | "stillingen" | "stillinga" | "jobb" | "stilling")
        }
        _ => false,
    }
}

/// Whether a word and the one after it open a statement about a thing of the job: a definite
/// noun and what it does or is (`gården ligger`, `portørene går`).
pub fn opens_statement(noun: &str, verb: Option<&str>) -> bool {
    // A passive too: `bestillingene plukkes`, `nøtene vaskast`.
    let passive = |verb: &str| verb.chars().count() > 5 && (verb.ends_with("es") || verb.ends_with("ast"));
    definite_noun(noun) && verb.is_some_and(|verb| stated_doing(verb) || STATING.contains(&verb) || passive(verb))
}

/// Who states how the job is, as a sentence's subject (`vi har hatt folk`, `det er kveld`,
/// `han ble svimmel`).
const TELLERS: &[&str] = &[
    "vi",
    "me",
    "det",
    "de",
    "dei",
    "han",
    "hun",
    "ho",
    "man",
    "folk",
    "dette",
    "den",
    "dyra",
    // `alt skjer i butikken`: everything the job holds.
    "alt",
    super::portrait::PERSON,
];

/// Who a portrait of the person before is told of, as the subject of a verb in the past (`Hun
/// begynte klokka fem`, `Forgjengeren jobbet natt`): what they did tells how the job is.
pub const PAST_TELLERS: &[&str] = &["han", "hun", "ho", super::portrait::PERSON];

/// Who tells of the past in a statement: the person before (`Hun begynte klokka fem`), or the
/// employer (`Vi mistet to etter første helg`).
fn past_teller(word: &str) -> bool {
    PAST_TELLERS.contains(&word) || matches!(word, "vi" | "me")
}

/// Whether a word reads as a verb in the past tense (`begynte`, `jobbet`, `prøvde`, `sto`).
pub fn told_past(word: &str) -> bool {
    let regular = word.chars().count() > 4 && ["te", "de", "et"].iter().any(|end| word.ends_with(end));
    regular
        || matches!(
            word,
            "var" | "hadde" | "sto" | "stod" | "gikk" | "gjekk" | "tok" | "bar" | "kom" | "fikk" | "gjorde"
        )
}
/// Verbs that tell how something is or was, besides the verbs of doing.
const TELLING: &[&str] = &[
    "er", "e", "var", "ble", "blei", "vart", "blir", "har", "hadde", "går", "gikk", "kom", "kommer", "står", "sto",
    "ligger", "ligg", "låg", "skjer", "skjedde", "tar",
];
/// Quantities before a noun subject (`mange vinduer skiftes`, `alle rapporter går`).
const QUANTITIES: &[&str] =
    &["mange", "alle", "noen", "flere", "fleire", "de", "halvparten", "første", "fyrste", "siste"];

/// Whether `words` state how the job is, a subject with its verb — `Beboerne er familier fra
/// Syria`, `Om natta er det bare deg og én til på huset`, `Mange vinduer skiftes fra stige`,
/// `Han vi hadde før, ble svimmel` — rather than list or ask what is wanted (`Truckførerbevis`,
/// `Du må tåle kulde`).
pub fn tells_how_it_is(words: &[&str]) -> bool {
    let verb = |w: &str| {
        TELLING.contains(&w)
            || stated_doing(w)
            // A passive (`skiftes`, `loggførast`).
            || (w.chars().count() > 5 && (w.ends_with("es") || w.ends_with("ast")))
    };
    let possessive = |w: &str| matches!(w, "vår" | "vårt" | "våre" | "vores");
    // `Beboerne`, `Teknikerne`: a plural in `-erne` is definite too.
    let definite =
        |w: &str| definite_noun(w) || (w.chars().count() > 5 && (w.ends_with("erne") || w.ends_with("arne")));
    // A subject and its verb: `vi har`, `Hytta ligger`, `Teknikerne våre er`, `Mange vinduer skiftes`.
    let subject_then_verb = (1..words.len()).any(|at| TELLERS.contains(&words[at - 1]) && verb(words[at]))
        || (1..words.len()).any(|at| past_teller(words[at - 1]) && told_past(words[at]))
        || (definite(words[0]) && words.get(1).is_some_and(|w| verb(w)))
        || (definite(words[0]) && words.get(1).is_some_and(|w| possessive(w)) && words.get(2).is_some_and(|w| verb(w)))
        // `Dagen i veksthuset begynner 06.30`: the subject with where it is.
        || (definite(words[0])
            && matches!(words.get(1), Some(&("i" | "på" | "ved" | "hos")))
            && words.get(2).is_some_and(|w| definite(w))
            && words.get(3).is_some_and(|w| verb(w)))
        // `Alle sikkerhetsrunder og loggføring er på norsk`: a quantity, a noun or two, the verb.
        || (QUANTITIES.contains(&words[0]) && (2..words.len().min(6)).any(|at| verb(words[at])));
    // The verb before its subject, after what opens the sentence (`Skjer det noe`, `Fra april
    // til juni er det kaos`).
    // `Forrige sommer mistet vi …`: what the employer went through, told in the past.
    let verb_then_subject = (0..words.len().min(8).saturating_sub(1)).any(|at| {
        (verb(words[at]) && TELLERS.contains(&words[at + 1]) && words[at + 1] != "de")
            || (told_past(words[at]) && matches!(words[at + 1], "vi" | "me"))
    });
    // `Etterpå står du i utstillingen og forteller`, `du kjører ut varer`: what the candidate
    // does, told, not asked (never `du har`, `du er`, which may ask).
    let doing = |w: &str| stated_doing(w) || matches!(w, "står" | "går" | "sitter" | "tar" | "tek");
    let you_do = (1..words.len().min(8))
        .any(|at| (words[at - 1] == "du" && doing(words[at])) || (doing(words[at - 1]) && words[at] == "du"));
    subject_then_verb || verb_then_subject || you_do
}

/// `må måkes`, `skal vaskast`: what must be done, in the passive (a modal, then a verb in `-es`
/// or nynorsk `-ast`).
pub fn done_to(modal: Option<&str>, verb: Option<&str>) -> bool {
    modal.is_some_and(|m| matches!(m, "må" | "skal"))
        && verb.is_some_and(|v| v.chars().count() > 4 && (v.ends_with("es") || v.ends_with("ast")))
}

/// A noun in its definite form (`gården`, `lageret`, `maskina`, `kundene`), as far as its ending
/// tells: long enough not to be a pronoun or a particle.
pub fn definite_noun(word: &str) -> bool {
    let long = word.chars().count() > 4;
    long && ["en", "et", "ene", "ane", "a"].iter().any(|end| word.ends_with(end)) && !CONTEXT_SUBJECTS.contains(&word)
}

/// A present-tense verb of doing (`kjører`, `jobber`, `møter`), not a modal or a copula, which
/// would ask or describe (`du må`, `du er`).
pub fn stated_doing(word: &str) -> bool {
    let modal = matches!(word, "må" | "skal" | "bør" | "kan" | "trenger" | "treng" | "er" | "har" | "vil" | "får");
    !modal && word.chars().count() > 4 && (word.ends_with("er") || word.ends_with("ar"))
}

/// Who a reason after `da`, `for` or `siden` may be about besides the job (`…, da mange kunder er
/// utenlandske`).
pub(super) const REASON_SUBJECTS: &[&str] = &[
    "du", "dere", "de", "dei", "vi", "me", "mange", "noen", "nokon", "alle", "alt", "flere", "fleire", "kunder",
    "kundar", "folk",
];

/// Whether the text ends with an abbreviation or a day number (`kl.`, `bl.a.`, `15.`).
fn abbreviation(text: &str) -> bool {
    let last = text.trim_end_matches('.').rsplit(char::is_whitespace).next().unwrap_or_default().to_lowercase();
    matches!(
        last.as_str(),
        "kl" | "el"
            | "ca"
            | "bl.a"
            | "f.eks"
            | "evt"
            | "ev"
            | "erf"
            | "mht"
            | "ifm"
            | "dvs"
            | "nr"
            | "mv"
            | "osv"
            | "t.o.m"
            | "o.l"
            | "pga"
            | "ifht"
            | "iht"
            | "mtp"
            | "inkl"
            | "nødv"
            | "mnd"
            | "ang"
            | "min"
            | "maks"
    ) || ordinal(text)
}

/// A language level as a word (`B1`, `a2`).
pub fn level_code(word: &str) -> bool {
    word.len() == 2 && word.parse::<crate::model::LanguageLevel>().is_ok()
}

/// Whether `text` ends in a number of one or two digits and a full stop (`1.` of `1. februar`).
fn ordinal(text: &str) -> bool {
    let last = text.trim_end_matches('.').rsplit(char::is_whitespace).next().unwrap_or_default();
    !last.is_empty() && last.chars().all(|c| c.is_ascii_digit()) && last.len() <= 2
}

/// Words with their stems; keeps digits, `%` and codes like `b1` or `t4`.
fn words(text: &str, analyzer: &Analyzer) -> Vec<Word> {
    // `kokk el. servitør`: the abbreviation of `eller`.
    let spaced =
        format!("{} ", slashes_as_or(&hyphens_shared(text, analyzer))).replace(" el. ", " eller ").replace('%', " % ");
    let lowered: Vec<String> = spaced
        .split(|c: char| !(c.is_alphanumeric() || c == '%'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (0..lowered.len())
        .map(|i| {
            let counted = lowered.get(i + 1).is_some_and(|next| UNITS.contains(&next.as_str()));
            let text = counted.then(|| number_word(&lowered[i])).flatten().unwrap_or_else(|| lowered[i].clone());
            let text =
                ABBREVIATIONS.iter().find(|(short, _)| *short == text).map_or(text, |(_, long)| long.to_string());
            // `må du vær blid`: after a modal and its subject, an infinitive too.
            let subject = |j: usize| matches!(lowered[j].as_str(), "du" | "dere" | "de" | "dei" | "dæm" | "dom");
            let previous = i
                .checked_sub(1)
                .map(|j| if j > 0 && subject(j) { lowered[j - 1].as_str() } else { lowered[j].as_str() });
            let text = super::dialect::standard(&text, previous).map_or(text, str::to_string);
            let text = if analyzer.lexicon().is_lemma(&text) {
                text
            } else {
                super::dialect::definite_plural(&text).unwrap_or(text)
            };
            let stem = analyzer.stem(&text);
            Word { text, stem }
        })
        .collect()
}

/// `Salgs- eller kundeserviceerfaring`, `lager- og truckerfaring`: a first part written before a
/// hyphen shares the last part of the compound after `og`/`eller` (`salgserfaring eller
/// kundeserviceerfaring`). Where that compound cannot be split, or its last part names a person
/// (`barne- og ungdomsarbeider`, a trade's name, is no `barnearbeider`), the text stays as written.
fn hyphens_shared(text: &str, analyzer: &Analyzer) -> String {
    let tokens: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    for (at, token) in tokens.iter().enumerate() {
        let joined = tokens.get(at + 1).is_some_and(|w| matches!(w.to_lowercase().as_str(), "og" | "eller"));
        let first = token.strip_suffix('-').filter(|first| joined && first.chars().all(char::is_alphabetic));
        let whole = tokens.get(at + 2).map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase());
        let shared = first.zip(whole).and_then(|(first, whole)| {
            let word = analyzer.word(&whole);
            let last = word
                .parts
                .iter()
                .filter(|p| whole.ends_with(p.as_str()) && p.len() < whole.len())
                .max_by_key(|p| p.len())?;
            let person = ["er", "ar", "ør"].iter().any(|end| last.ends_with(end));
            (!person).then(|| format!("{first}{last}"))
        });
        out.push(shared.unwrap_or_else(|| token.to_string()));
    }
    out.join(" ")
}

/// `erfaring fra kontor/arkiv`, `snekker/montør`: a slash between words is `eller`. Classes and
/// codes (`T1/T4`, `B/BE`) and `og/eller` are left as written.
fn slashes_as_or(text: &str) -> String {
    let word = |part: &str| {
        part.chars().count() >= 3 && part.chars().all(char::is_alphabetic) && !matches!(part, "og" | "eller")
    };
    text.split(' ')
        .map(|token| {
            let core = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
            let parts: Vec<&str> = core.split('/').collect();
            if parts.len() > 1 && parts.iter().all(|part| word(part)) {
                token.replace(core, &parts.join(" eller "))
            } else {
                token.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Shorthand of job ads, read as the words they stand for (`erf. fra butikk`, `ev. fagbrev`,
/// `fleksibel mht. arbeidstid`).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("erf", "erfaring"),
    ("ev", "eventuelt"),
    ("evt", "eventuelt"),
    ("mht", "om"),
    ("ifm", "om"),
    ("nødv", "nødvendig"),
    ("mnd", "måneder"),
];

/// Units a number is written before in a requirement (`tre års erfaring`, `innen to uker`).
const UNITS: &[&str] = &[
    "år",
    "års",
    "åra",
    "uke",
    "uker",
    "ukers",
    "veke",
    "veker",
    "måned",
    "måneder",
    "måneders",
    "månad",
    "månader",
    "dag",
    "dager",
    "dagar",
    "km",
    "kilometer",
    "timer",
    "timar",
];

/// The rank a clause gives itself in words (`Nummer to: truckførerbevis`, `Er du flink med
/// kunder, er det nummer to`, `… kommer som nummer 3`), or the first when it says it is wanted
/// most (`det vi ønsker mest`, `det viktigste vi ser etter`, `det vi ser etter først`).
fn rank_said(words: &[Word]) -> Option<u32> {
    let text: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    let most = text.windows(2).any(|pair| {
        matches!(
            pair,
            ["ønsker" | "ønskjer" | "savner" | "saknar" | "ser" | "oss" | "verdsetter" | "verdset", "mest"]
                | ["etter", "først"]
        )
    }) || (0..text.len()).any(|j| {
        // `nest viktigst`, `det minst viktige`: second, and last, are no first.
        let qualified = j > 0 && matches!(text[j - 1], "nest" | "minst");
        matches!(text[j], "viktigst" | "viktigste" | "øverst" | "øvst") && !qualified
    });
    // `Truckførerbevis er nest viktigst`, `… er nest best`: the second.
    let second = text.windows(2).any(|pair| {
        pair[0] == "nest" && matches!(pair[1], "viktigst" | "viktigste" | "viktigast" | "best" | "beste" | "mest")
    });
    let Some(at) = words.iter().position(|w| w.text == "nummer" || w.text == "nr") else {
        return if second { Some(2) } else { most.then_some(1) };
    };
    let said = words.get(at + 1)?.text.as_str();
    said.parse().ok().or_else(|| number_word(said)?.parse().ok()).filter(|&rank| (1..=9).contains(&rank))
}

/// A number written as a word (bokmål or nynorsk), as digits: `tre` → `3`. Only read before a
/// unit, where `en`, `ei` and `ett` cannot be articles.
fn number_word(word: &str) -> Option<String> {
    let number = match word {
        "en" | "ei" | "ett" | "ein" | "eitt" | "én" | "éin" => 1,
        "to" | "tvo" => 2,
        "tre" => 3,
        "fire" => 4,
        "fem" => 5,
        "seks" => 6,
        "sju" | "syv" => 7,
        "åtte" => 8,
        "ni" => 9,
        "ti" => 10,
        "elleve" => 11,
        "tolv" => 12,
        "femten" => 15,
        "tjue" | "tjuge" => 20,
        "tretti" => 30,
        "femti" => 50,
        _ => return None,
    };
    Some(number.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_condition_is_turned_away_only_by_a_refusal_after_it() {
        let analyzer = crate::analysis::tests::analyzer();
        let turned = |text: &str| turning_away(text, &analyzer).map(|t| (t.condition, t.refusal));
        assert_eq!(turned("Er du høydredd, kan du like godt la være å søke"), Some((0..3, 3..11)));
        // A condition listing over commas, and one after `så` in the middle of a sentence.
        assert_eq!(turned("Er du redd for varme, støv og støy, er ikkje dette staden"), Some((0..8, 8..12)));
        assert_eq!(turned("Det er paller hele natta, så har du vond rygg, går det ikke"), Some((5..10, 10..13)));
        assert_eq!(turned("Har du vond rygg, kan vi tilrettelegge"), None, "no refusal");
        assert_eq!(turned("Så du må ha førerkort, ikke noe annet"), None, "no condition");
    }

    #[test]
    fn numbers_written_as_words_before_a_unit_are_read_as_numbers() {
        let analyzer = crate::analysis::tests::analyzer();
        let read = |text: &str| words(text, &analyzer).into_iter().map(|w| w.text).collect::<Vec<_>>().join(" ");
        assert_eq!(read("minst tre års erfaring"), "minst 3 års erfaring");
        assert_eq!(read("ett år som kokk, eitt år i butikk"), "1 år som kokk 1 år i butikk");
        assert_eq!(read("innen to uker"), "innen 2 uker");
        assert_eq!(read("en kokk med fire barn"), "en kokk med fire barn", "not before a unit: an article, a count");
    }

    #[test]
    fn a_sentence_tells_how_the_job_is_by_a_subject_and_its_verb() {
        let tells = |text: &str| {
            let said: Vec<String> = lowercase_words(text);
            tells_how_it_is(&said.iter().map(String::as_str).collect::<Vec<_>>())
        };
        assert!(tells("Beboerne er familier fra Syria"));
        assert!(tells("Om natta er det bare deg og én til på huset"));
        assert!(tells("Mange vinduer skiftes fra stige"));
        assert!(tells("Teknikerne våre er fra Danmark"));
        assert!(tells("Han vi hadde før ble svimmel"));
        assert!(tells("Etterpå står du i utstillingen"));
        assert!(!tells("Truckførerbevis og førerkort B"), "a list item has no verb");
        assert!(!tells("Gode norskkunnskaper"));
        assert!(!tells("Du har førerkort B"), "«du har» may ask");
    }

    fn texts(answer: &str) -> Vec<(Option<u32>, String)> {
        let analyzer = crate::analysis::tests::analyzer();
        clauses(answer, &analyzer).into_iter().map(|c| (c.number, c.text)).collect()
    }

    #[test]
    fn numbered_wishes_on_one_line() {
        assert_eq!(
            texts("1. Interesse for bil 2. Erfaring fra lager eller butikk 3. Punktlig"),
            [
                (Some(1), "Interesse for bil".to_string()),
                (Some(2), "Erfaring fra lager eller butikk".to_string()),
                (Some(3), "Punktlig".to_string())
            ]
        );
    }

    #[test]
    fn dates_and_abbreviations_do_not_split() {
        assert_eq!(
            texts("Oppstart 1. februar. Kl. 7 til 15."),
            [(None, "Oppstart 1. februar".to_string()), (None, "Kl. 7 til 15".to_string())]
        );
    }

    #[test]
    fn a_time_that_ends_a_sentence_is_no_list_number() {
        assert_eq!(
            texts("Du må kunne begynne fra klokka 7. Du må lese norsk."),
            [(None, "Du må kunne begynne fra klokka 7".to_string()), (None, "Du må lese norsk".to_string())]
        );
    }

    #[test]
    fn lines_bullets_and_sentences() {
        let found = texts("- Må ha førerkort B\n- Må snakke norsk. Gjerne erfaring!");
        assert_eq!(found.len(), 3);
        assert_eq!(found[2].1, "Gjerne erfaring");
    }
}
