//! Answers written in Danish, Swedish or English. Norway's employers include many whose first
//! language is another: a Danish hardware store writes `Du skal kunne arbejde lørdage`, a Swedish
//! recycling station `Du måste ha körkort B`, a solar installer `Driving licence class B is
//! required`. Read as they stand, such answers are strangers to the drafter and every must-have
//! falls through. This module tells which language an employer wrote in, from all three answers
//! together, and reads each answer word by word (phrases first) as the bokmål an advisor would
//! have written, so the rest of the drafter reads ordinary Norwegian. Words the tables do not
//! hold stay as written: the drafter reports them as it reports any word it does not place.

use crate::model::ReflectionAnswers;

/// A language an employer may write in instead of Norwegian.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Neighbour {
    Danish,
    Swedish,
    English,
}

impl Neighbour {
    /// How the advisor is told what the drafter did.
    pub fn name(self) -> &'static str {
        match self {
            Neighbour::Danish => "dansk",
            Neighbour::Swedish => "svensk",
            Neighbour::English => "engelsk",
        }
    }

    /// Words found in this language and not in Norwegian: what tells it apart.
    fn markers(self) -> &'static [&'static str] {
        match self {
            Neighbour::Danish => DANISH_MARKERS,
            Neighbour::Swedish => SWEDISH_MARKERS,
            Neighbour::English => ENGLISH_MARKERS,
        }
    }

    fn phrases(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Neighbour::Danish => DANISH,
            Neighbour::Swedish => SWEDISH,
            Neighbour::English => ENGLISH,
        }
    }
}

const DANISH_MARKERS: &[&str] = &[
    "arbejde",
    "arbejder",
    "arbejdet",
    "dig",
    "mig",
    "vores",
    "jeres",
    "søger",
    "medarbejder",
    "medarbejdere",
    "uddannelse",
    "værktøj",
    "vigtigste",
    "dernæst",
    "kørekort",
    "lørdage",
    "søndage",
    "weekender",
    "nogen",
    "noget",
    "hjælpe",
    "gøre",
    "lade",
    "kunderne",
    "vejr",
    "aftener",
    "udendørs",
    "løn",
    "fuld",
    "ansøgning",
    "tilbyder",
    "ønskeligt",
    "kendskab",
    "kræver",
    "krævet",
    "uddannet",
    "sprog",
];

const SWEDISH_MARKERS: &[&str] = &[
    "och",
    "inte",
    "måste",
    "körkort",
    "är",
    "att",
    "söker",
    "arbetet",
    "arbete",
    "arbeta",
    "våra",
    "erfarenhet",
    "behöver",
    "kunna",
    "prata",
    "kunderna",
    "utomhus",
    "väder",
    "även",
    "meriterande",
    "meriterar",
    "upplärning",
    "utbildning",
    "uppskattar",
    "kväll",
    "kvällar",
    "också",
    "mycket",
    "bara",
    "erbjuder",
    "lugn",
    "tjänsten",
    "ansökan",
    "svenska",
    "norska",
    "engelska",
    "kvällsöppet",
    "veckan",
    "lyft",
    "ej",
];

const ENGLISH_MARKERS: &[&str] = &[
    "the",
    "you",
    "your",
    "must",
    "and",
    "with",
    "we",
    "our",
    "is",
    "are",
    "be",
    "of",
    "have",
    "required",
    "experience",
    "work",
    "working",
    "or",
    "not",
    "an",
    "in",
    "on",
    "will",
    "should",
    "can",
    "able",
    "licence",
    "license",
    "speak",
    "english",
    "norwegian",
    "weekends",
    "evenings",
    "preferably",
    "plus",
    "nice",
    "apply",
];

/// Everyday Norwegian words none of the neighbours writes: an answer holding as many of these as
/// of a neighbour's markers is Norwegian with a loan word or two.
const NORWEGIAN: &[&str] = &[
    "ikkje",
    "jobbe",
    "jobber",
    "deg",
    "meg",
    "noen",
    "noe",
    "mye",
    "helg",
    "helger",
    "lørdager",
    "arbeide",
    "førerkort",
    "må",
    "kveld",
    "kvelder",
    "natt",
    "utdanning",
    "opplæring",
    "verktøy",
    "høyde",
    "kjøre",
    "ønskelig",
    "trenger",
    "gjerne",
];

/// Words Norwegian shares with Danish and Swedish but not with English: against English they
/// count as Norwegian too (`Must have: førerkort B, og du må …`).
const NOT_ENGLISH: &[&str] = &[
    "og", "ikke", "det", "som", "med", "er", "eller", "kan", "har", "til", "på", "du", "vi", "en", "et", "fra",
    "erfaring",
];

/// Danish as a Danish employer writes a job ad, phrase → bokmål.
const DANISH: &[(&str, &str)] = &[
    ("kan lade sig gøre", "går an"),
    ("skal kunne", "må kunne"),
    ("skal have", "må ha"),
    ("skal være", "må være"),
    ("skal", "må"),
    ("have", "ha"),
    ("der er", "det er"),
    ("er et plus", "er et pluss"),
    ("plus", "pluss"),
    ("søger", "søker"),
    ("medarbejder", "medarbeider"),
    ("medarbejdere", "medarbeidere"),
    ("vores", "vår"),
    ("dig", "deg"),
    ("mig", "meg"),
    ("arbejde", "jobbe"),
    ("arbejder", "jobber"),
    ("arbejdet", "arbeidet"),
    ("lørdage", "lørdager"),
    ("søndage", "søndager"),
    ("weekender", "helger"),
    ("weekenden", "helgen"),
    ("aften", "kveld"),
    ("aftener", "kvelder"),
    ("aftenvagter", "kveldsvakter"),
    ("nattevagter", "nattevakter"),
    ("nat", "natt"),
    ("dagtimerne", "dagtid"),
    ("tale", "snakke"),
    ("taler", "snakker"),
    ("kunderne", "kundene"),
    ("værktøj", "verktøy"),
    ("det vigtigste", "det viktigste"),
    ("vigtigste", "viktigste"),
    ("vigtigt", "viktig"),
    ("dernæst", "deretter"),
    ("bygget", "bygd"),
    ("malet", "malt"),
    ("repareret", "reparert"),
    ("truckcertifikat", "truckførerbevis"),
    ("kørekort", "førerkort"),
    ("uddannelse", "utdanning"),
    ("uddannet", "utdannet"),
    ("svendebrev", "fagbrev"),
    ("fuld tid", "full tid"),
    ("fuldtid", "heltid"),
    ("meget", "mye"),
    ("nogen", "noen"),
    ("noget", "noe"),
    ("hjælpe", "hjelpe"),
    ("udendørs", "utendørs"),
    ("al slags vejr", "all slags vær"),
    ("vejr", "vær"),
    ("sprog", "språk"),
    ("kræver", "krever"),
    ("krævet", "påkrevd"),
    ("ønskeligt", "ønskelig"),
    ("kendskab til", "kjennskap til"),
    ("tilbyder", "tilbyr"),
    ("oplæring", "opplæring"),
    ("støj", "støy"),
    ("højde", "høyde"),
    ("højden", "høyden"),
    ("gerne", "gjerne"),
];

/// Swedish as a Swedish employer writes a job ad, phrase → bokmål.
const SWEDISH: &[(&str, &str)] = &[
    ("erfarenhet av", "erfaring fra"),
    ("erfarenhet från", "erfaring fra"),
    ("erfarenhet", "erfaring"),
    ("arbetet sker", "arbeidet foregår"),
    ("i alla väder", "i all slags vær"),
    ("alla väder", "all slags vær"),
    ("väder", "vær"),
    ("utomhus", "utendørs"),
    ("inomhus", "innendørs"),
    ("även", "også"),
    ("vintertid", "om vinteren"),
    ("måste", "må"),
    ("behöver kunna", "må kunne"),
    ("behöver", "må"),
    ("kunna", "kunne"),
    ("körkort", "førerkort"),
    ("b-körkort", "førerkort B"),
    ("truckkort", "truckførerbevis"),
    ("truckutbildningen", "truckkurset"),
    ("truckutbildning", "truckkurs"),
    ("prata", "snakke"),
    ("tala", "snakke"),
    ("norska", "norsk"),
    ("svenska", "svensk"),
    ("engelska", "engelsk"),
    ("danska", "dansk"),
    ("tyska", "tysk"),
    ("kunderna", "kundene"),
    ("och", "og"),
    ("inte", "ikke"),
    ("ej", "ikke"),
    ("är", "er"),
    ("är ett plus", "er et pluss"),
    ("meriterande", "ønskelig"),
    ("meriterar", "er ønskelig"),
    ("det är meriterande", "det er ønskelig"),
    ("söker", "søker"),
    ("medarbetare", "medarbeider"),
    ("till", "til"),
    ("våra", "våre"),
    ("arbeta", "jobbe"),
    ("arbetar", "jobber"),
    ("arbete", "arbeid"),
    ("arbetet", "arbeidet"),
    ("helgerna", "helgene"),
    ("lördagar", "lørdager"),
    ("söndagar", "søndager"),
    ("kväll", "kveld"),
    ("kvällar", "kvelder"),
    ("kvällstid", "kveldstid"),
    ("nätter", "netter"),
    ("tunga lyft", "tunge løft"),
    ("lyfta", "løfte"),
    ("bära", "bære"),
    ("tåla", "tåle"),
    ("damm", "støv"),
    ("buller", "støy"),
    ("höjd", "høyde"),
    ("höjden", "høyden"),
    ("avfallshantering", "avfallshåndtering"),
    ("serviceinriktad", "serviceinnstilt"),
    ("lugn", "rolig"),
    ("noggrann", "nøyaktig"),
    ("sorterar", "sorterer"),
    ("rätt", "riktig"),
    ("när", "når"),
    ("förstå", "forstå"),
    ("förstår", "forstår"),
    ("pålitlig", "pålitelig"),
    ("vi uppskattar", "vi ønsker oss"),
    ("vi erbjuder", "vi tilbyr"),
    ("erbjuder", "tilbyr"),
    ("upplärning", "opplæring"),
    ("introduktion", "opplæring"),
    ("utbildning", "utdanning"),
    ("betalar", "betaler"),
    ("kvällsöppet", "kveldsåpent"),
    ("veckan", "uken"),
    ("annars", "ellers"),
    ("mycket", "mye"),
    ("också", "også"),
    ("bara", "bare"),
    ("gärna", "gjerne"),
    ("fördel", "fordel"),
    ("ett krav", "et krav"),
];

/// English as an employer writes a job ad, phrase → bokmål.
const ENGLISH: &[(&str, &str)] = &[
    ("must have", "må ha"),
    ("must be comfortable working", "må tåle å jobbe"),
    ("must be comfortable with", "må tåle"),
    ("be comfortable working", "tåle å jobbe"),
    ("comfortable working", "tåle å jobbe"),
    ("must be able to", "må kunne"),
    ("be able to", "kunne"),
    ("you must have", "du må ha"),
    ("have", "ha"),
    ("be", "være"),
    ("part of the job", "en del av jobben"),
    ("you must", "du må"),
    ("must be", "må være"),
    ("must", "må"),
    ("able to", "kunne"),
    ("have to", "må"),
    ("you need to", "du må"),
    ("need to", "må"),
    ("needs to", "må"),
    ("you need", "du må ha"),
    ("you", "du"),
    ("your", "din"),
    ("we", "vi"),
    ("our", "vår"),
    ("is required", "er et krav"),
    ("are required", "er et krav"),
    ("is not required", "er ikke et krav"),
    ("not required", "ikke et krav"),
    ("required", "påkrevd"),
    ("is a plus", "er et pluss"),
    ("a plus", "et pluss"),
    ("nice to have", "ønskelig"),
    ("is an advantage", "er en fordel"),
    ("an advantage", "en fordel"),
    ("preferably", "helst"),
    ("in order", "i prioritert rekkefølge"),
    ("driving licence", "førerkort"),
    ("driving license", "førerkort"),
    ("driver's licence", "førerkort"),
    ("driver's license", "førerkort"),
    ("drivers licence", "førerkort"),
    ("drivers license", "førerkort"),
    ("motorcycle licence", "førerkort for motorsykkel"),
    ("motorcycle license", "førerkort for motorsykkel"),
    ("motorcycle", "motorsykkel"),
    ("forklift licence", "truckførerbevis"),
    ("forklift license", "truckførerbevis"),
    ("forklift certificate", "truckførerbevis"),
    ("class", "klasse"),
    // The article `a` is dropped; the licence class A is not.
    ("class a", "klasse A"),
    ("category a", "klasse A"),
    ("category", "klasse"),
    ("trade certificate", "fagbrev"),
    ("journeyman's certificate", "fagbrev"),
    ("first aid course", "førstehjelpskurs"),
    ("first aid", "førstehjelp"),
    ("police certificate", "politiattest"),
    ("at height", "i høyden"),
    ("at heights", "i høyden"),
    ("on roofs", "på tak"),
    ("outdoors", "ute"),
    ("outside", "ute"),
    ("in all weather", "i all slags vær"),
    ("all weather", "all slags vær"),
    ("in the cold", "i kulde"),
    ("heavy lifting", "tunge løft"),
    ("lift", "løfte"),
    ("carry", "bære"),
    ("on your feet all day", "stå hele dagen"),
    ("standing", "ståing"),
    ("dust", "støv"),
    ("noise", "støy"),
    ("work", "jobbe"),
    ("working", "jobbe"),
    ("weekends", "helger"),
    ("weekend", "helg"),
    ("evenings", "kvelder"),
    ("evening", "kveld"),
    ("nights", "netter"),
    ("night shifts", "nattskift"),
    ("night", "natt"),
    ("day shift", "dagskift"),
    ("daytime", "dagtid"),
    ("all day", "hele dagen"),
    ("shifts", "skift"),
    ("full-time", "heltid"),
    ("full time", "heltid"),
    ("part-time", "deltid"),
    ("part time", "deltid"),
    ("speak", "snakke"),
    ("understand", "forstå"),
    ("read", "lese"),
    ("write", "skrive"),
    ("english", "engelsk"),
    ("norwegian", "norsk"),
    ("swedish", "svensk"),
    ("danish", "dansk"),
    ("german", "tysk"),
    ("polish", "polsk"),
    ("well enough", "godt nok"),
    ("fluent", "flytende"),
    ("basic", "enkel"),
    ("good", "god"),
    ("experience with", "erfaring med"),
    ("experience in", "erfaring fra"),
    ("experience from", "erfaring fra"),
    ("experience", "erfaring"),
    ("background", "bakgrunn"),
    ("as", "som"),
    ("an electrician", "elektriker"),
    ("electrician", "elektriker"),
    ("carpenter", "snekker"),
    ("plumber", "rørlegger"),
    ("welder", "sveiser"),
    ("cook", "kokk"),
    ("chef", "kokk"),
    ("cleaning", "renhold"),
    ("cleaner", "renholder"),
    ("construction", "bygg"),
    ("roofing", "tak"),
    ("warehouse", "lager"),
    ("customer service", "kundeservice"),
    ("customers", "kunder"),
    ("sales", "salg"),
    ("retail", "butikk"),
    ("kitchen", "kjøkken"),
    ("cooking", "matlaging"),
    ("elderly", "eldre"),
    ("children", "barn"),
    ("animals", "dyr"),
    ("dogs", "hunder"),
    ("handy with tools", "flink med verktøy"),
    ("tools", "verktøy"),
    ("accurate", "nøyaktig"),
    ("reliable", "pålitelig"),
    ("patient", "tålmodig"),
    ("apprentices", "lærlinger"),
    ("apprentice", "lærling"),
    ("are welcome", "er velkommen"),
    ("is welcome", "er velkommen"),
    ("welcome", "velkommen"),
    ("we train you", "vi lærer deg opp"),
    ("training", "opplæring"),
    ("we offer", "vi tilbyr"),
    ("we install", "vi installerer"),
    ("we drive", "vi kjører"),
    ("we build", "vi bygger"),
    ("we deliver", "vi leverer"),
    ("we clean", "vi vasker"),
    ("we sell", "vi selger"),
    ("we make", "vi lager"),
    ("we produce", "vi produserer"),
    ("we repair", "vi reparerer"),
    ("we serve", "vi serverer"),
    ("we work", "vi jobber"),
    ("we are", "vi er"),
    ("we have", "vi har"),
    ("well enough to", "godt nok til å"),
    ("enough to", "nok til å"),
    ("and", "og"),
    ("or", "eller"),
    ("not", "ikke"),
    ("no", "ingen"),
    ("with", "med"),
    ("from", "fra"),
    ("in", "i"),
    ("is", "er"),
    ("are", "er"),
    ("if", "hvis"),
    ("the", ""),
    ("a", ""),
    ("an", ""),
];

/// The language the employer wrote the three answers in, when it is one of Norway's
/// neighbours' and not Norwegian.
pub fn neighbour(answers: &ReflectionAnswers) -> Option<Neighbour> {
    let text =
        [&answers.must_have, &answers.wishes, &answers.room_to_adapt].map(|answer| answer.to_lowercase()).join(" ");
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
    let norwegian = words.iter().filter(|w| NORWEGIAN.contains(w)).count();
    let shared = words.iter().filter(|w| NOT_ENGLISH.contains(w)).count();
    [Neighbour::Danish, Neighbour::Swedish, Neighbour::English]
        .into_iter()
        .map(|language| (language, words.iter().filter(|w| language.markers().contains(w)).count()))
        .filter(|&(language, found)| match language {
            // English headings and loan words are common in Norwegian answers (`Nice to have:
            // fagbrev som kokk. Maskinførerbevis er a plus.`): English must hold the answer.
            Neighbour::English => found >= 4 && found > 2 * (norwegian + shared),
            _ => found >= 3 && found > norwegian,
        })
        .max_by_key(|&(_, found)| found)
        .map(|(language, _)| language)
}

/// `answers` read as bokmål when they are written in a neighbour's language; as written
/// otherwise.
pub fn in_norwegian(answers: &ReflectionAnswers) -> (ReflectionAnswers, Option<Neighbour>) {
    let Some(language) = neighbour(answers) else {
        return (answers.clone(), None);
    };
    let read = ReflectionAnswers {
        must_have: translated(&answers.must_have, language),
        wishes: translated(&answers.wishes, language),
        room_to_adapt: translated(&answers.room_to_adapt, language),
    };
    (read, Some(language))
}

/// The longest phrase a table holds.
const LONGEST: usize = 4;

/// One answer read word by word, the longest phrase first; a capital stays a capital.
fn translated(answer: &str, language: Neighbour) -> String {
    let reordered;
    let answer = if language == Neighbour::English {
        reordered = experience_first(answer);
        reordered.as_str()
    } else {
        answer
    };
    let pieces = pieces(answer);
    let words: Vec<usize> = (0..pieces.len()).filter(|&i| pieces[i].is_word).collect();
    let mut out = String::with_capacity(answer.len());
    let mut piece = 0;
    let mut w = 0;
    // A capital on a dropped article (`A driving licence`) goes to the word after it.
    let mut capital_next = false;
    while piece < pieces.len() {
        if !pieces[piece].is_word {
            out.push_str(&pieces[piece].text);
            piece += 1;
            continue;
        }
        let (taken, norwegian) = if language == Neighbour::Swedish && pieces[piece].text.eq_ignore_ascii_case("att") {
            (1, Some(infinitive_mark(pieces.get(piece + 2).map_or("", |next| next.text.as_str()))))
        } else {
            longest_phrase(&pieces, &words[w..], language)
        };
        match norwegian {
            Some(norwegian) => {
                let capital = capital_next || pieces[piece].text.chars().next().is_some_and(char::is_uppercase);
                capital_next = capital && norwegian.is_empty();
                out.push_str(&if capital { capitalised(norwegian) } else { norwegian.to_string() });
                let last = words[w + taken - 1];
                piece = last + 1;
                w += taken;
                if norwegian.is_empty() {
                    // A dropped article takes the space after it along.
                    if pieces.get(piece).is_some_and(|p| p.text == " ") {
                        piece += 1;
                    }
                }
            }
            None => {
                let word = &pieces[piece].text;
                out.push_str(&if std::mem::take(&mut capital_next) { capitalised(word) } else { word.clone() });
                piece += 1;
                w += 1;
            }
        }
    }
    out
}

/// English puts what the experience is in before it (`construction or roofing experience`,
/// `3) warehouse experience`); Norwegian after it (`erfaring fra bygg eller tak`). A list item
/// or a part of a sentence ending in `experience` is turned round, unless what stands before
/// it says how much or which (`relevant experience`, `2 years of experience`).
fn experience_first(answer: &str) -> String {
    const HOW: &[&str] = &[
        "previous",
        "relevant",
        "prior",
        "some",
        "any",
        "no",
        "good",
        "solid",
        "little",
        "extensive",
        "work",
        "professional",
        "of",
        "years",
        "year",
        "your",
        "with",
        "have",
        "has",
        "and",
        "similar",
        "practical",
    ];
    let mut out = String::with_capacity(answer.len() + 16);
    let mut rest = answer;
    while !rest.is_empty() {
        let end = rest.find(['.', ',', ';', ':', '(', ')', '\n']).map_or(rest.len(), |at| at + 1);
        let (part, after) = rest.split_at(end);
        rest = after;
        let mut body = part.trim_end_matches(['.', ',', ';', ':', '(', ')', '\n']);
        // `… roofing experience 3) handy`: the next item's number ends this one.
        if let Some((before, number)) = body.trim_end().rsplit_once(' ') {
            if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
                body = before;
            }
        }
        let tail = &part[body.len()..];
        let words: Vec<&str> = body.split_whitespace().collect();
        let Some((last, before)) = words.split_last() else {
            out.push_str(part);
            continue;
        };
        let plain = last.eq_ignore_ascii_case("experience")
            && (1..=4).contains(&before.len())
            && !before
                .iter()
                .any(|w| HOW.contains(&w.to_lowercase().as_str()) || w.chars().any(|c| c.is_ascii_digit()));
        if !plain {
            out.push_str(part);
            continue;
        }
        let lead = &body[..body.len() - body.trim_start().len()];
        out.push_str(&format!("{lead}experience in {}{tail}", before.join(" ")));
    }
    out
}

/// The longest phrase starting at `words[0]`, its words apart only by spaces: how many words
/// it takes and what it reads as.
fn longest_phrase(pieces: &[Piece], words: &[usize], language: Neighbour) -> (usize, Option<&'static str>) {
    for length in (1..=LONGEST.min(words.len())).rev() {
        let spaced = words[..length].windows(2).all(|pair| pair[1] == pair[0] + 2 && pieces[pair[0] + 1].text == " ");
        if !spaced {
            continue;
        }
        let phrase = words[..length].iter().map(|&i| pieces[i].text.to_lowercase()).collect::<Vec<_>>().join(" ");
        if let Some((_, norwegian)) = language.phrases().iter().find(|(written, _)| *written == phrase) {
            return (length, Some(norwegian));
        }
    }
    (1, None)
}

/// Swedish `att` is `å` before an infinitive (`att arbeta`, `att kunna`) and `at` before a
/// clause (`så att kunderna sorterar rätt`, `så att de förstår`): an infinitive ends in `a`, and
/// a noun's definite plural in `-rna`.
fn infinitive_mark(next: &str) -> &'static str {
    const SUBJECTS: &[&str] = &["de", "vi", "du", "ni", "jag", "han", "hon", "man", "det", "den", "alla", "ingen"];
    let next = next.to_lowercase();
    let infinitive = next.ends_with('a') && !next.ends_with("rna") && !SUBJECTS.contains(&next.as_str());
    if infinitive { "å" } else { "at" }
}

struct Piece {
    text: String,
    is_word: bool,
}

/// The answer as words (letters, digits, `'` and inner hyphens: `b-körkort`, `full-time`) and
/// what stands between them.
fn pieces(answer: &str) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let chars: Vec<char> = answer.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let inner = (c == '-' || c == '\'')
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        let is_word = c.is_alphanumeric() || inner;
        match pieces.last_mut() {
            Some(last) if last.is_word == is_word => last.text.push(c),
            _ => pieces.push(Piece { text: c.to_string(), is_word }),
        }
    }
    pieces
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::tests::answers;

    #[test]
    fn tells_the_neighbours_from_norwegian() {
        let danish = answers("Du skal kunne arbejde aftener. Vi søger en medarbejder med kørekort.", "", "");
        assert_eq!(neighbour(&danish), Some(Neighbour::Danish));
        let swedish = answers("Du måste ha körkort och kunna arbeta kvällar.", "", "");
        assert_eq!(neighbour(&swedish), Some(Neighbour::Swedish));
        let english = answers("You must have a driving licence and be able to work weekends.", "", "");
        assert_eq!(neighbour(&english), Some(Neighbour::English));
        let norwegian = answers("Du må ha førerkort og kunne jobbe kvelder. Vi søker en medarbeider.", "", "");
        assert_eq!(neighbour(&norwegian), None);
        let email = answers(
            "Must have: førerkort B og truckførerbevis. Du må kunne jobbe helger, og det er tunge løft.",
            "Nice to have: erfaring fra lager",
            "",
        );
        assert_eq!(neighbour(&email), None, "Norwegian with English headings stays Norwegian");
        let loans = answers("", "Nice to have: fagbrev som kokk. Maskinførerbevis er a plus.", "");
        assert_eq!(neighbour(&loans), None, "English loan words in a Norwegian answer");
    }

    #[test]
    fn reads_each_neighbour_as_bokmal() {
        let (read, language) = in_norwegian(&answers(
            "Du skal kunne arbejde lørdage. Der er tunge løft.",
            "Truckcertifikat er et plus.",
            "Vi lærer dig kassesystemet.",
        ));
        assert_eq!(language, Some(Neighbour::Danish));
        assert_eq!(read.must_have, "Du må kunne jobbe lørdager. Det er tunge løft.");
        assert_eq!(read.wishes, "Truckførerbevis er et pluss.");
        let (read, _) = in_norwegian(&answers(
            "Arbetet sker utomhus i alla väder. Du måste ha körkort B och kunna prata norska, så att kunderna förstår.",
            "",
            "",
        ));
        assert_eq!(
            read.must_have,
            "Arbeidet foregår utendørs i all slags vær. Du må ha førerkort B og kunne snakke norsk, så at kundene forstår."
        );
        let (read, _) =
            in_norwegian(&answers("You must be comfortable working at height. A driving licence is required.", "", ""));
        assert_eq!(read.must_have, "Du må tåle å jobbe i høyden. Førerkort er et krav.");
        let (read, _) = in_norwegian(&answers(
            "You need to have a driving licence class A and you must be able to work evenings.",
            "",
            "",
        ));
        assert_eq!(read.must_have, "Du må ha førerkort klasse A og du må kunne jobbe kvelder.");
    }

    #[test]
    fn english_experience_is_turned_round() {
        assert_eq!(
            experience_first("In order: 2) construction or roofing experience 3) handy."),
            "In order: 2) experience in construction or roofing 3) handy."
        );
        assert_eq!(experience_first("Warehouse experience, a plus."), "experience in Warehouse, a plus.");
        assert_eq!(experience_first("2 years of experience."), "2 years of experience.");
        assert_eq!(experience_first("Relevant experience"), "Relevant experience");
    }

    #[test]
    fn swedish_att_marks_an_infinitive_or_a_clause() {
        let (read, _) = in_norwegian(&answers("Du måste kunna att arbeta och inte vara rädd, så att de ser.", "", ""));
        assert!(read.must_have.contains("å jobbe"), "{}", read.must_have);
        assert!(read.must_have.contains("så at de"), "{}", read.must_have);
    }
}
