//! An advisor's notes from a talk with the employer report what was said (`Daglig leder sa at de
//! trenger …`, `Hun var klar på at vedkommende må ha truckførerbevis`, `Sjefen trenger egentlig
//! bare en som …`). Who said it asks nothing of the candidate; what follows is the requirement.
//! Such notes name the hire in the third person (`den som begynner, må …`, `teknikaren må …`),
//! which is read as `du`, and tag what was said in passing (`Norsk B1, sa han, fordi …`,
//! `Til sist sa han at …`), which is read without the tag.

/// Verbs that report what someone said, before `at`.
const REPORTING: &[&str] = &[
    "sa",
    "sier",
    "seier",
    "nevnte",
    "nemnde",
    "nevner",
    "nemner",
    "fortalte",
    "forteller",
    "fortel",
    "fortalde",
    "understreket",
    "understreka",
    "understreker",
    "presiserte",
    "presiserer",
    "påpekte",
    "påpeker",
    "poengterte",
    "poengterer",
    "opplyste",
    "opplyser",
    "mente",
    "mener",
    "skrev",
    "skriver",
    "ønsket",
    "ønsker",
    "ønskjer",
    "ville",
    "tenkte",
    "tenker",
    "trodde",
    "tror",
    "forklarte",
    "forklarer",
];
/// `var klar på at`, `er tydelig på at`, `la vekt på at`: said firmly.
const FIRMLY: &[&str] = &["klar", "klare", "tydelig", "tydeleg", "tydelige", "vekt", "opptatt", "til"];
/// Verbs of wanting someone (`Sjefen trenger en som …`, `Hun vil ha noen som …`, `AG krever:
/// …`).
const WANTING: &[&str] =
    &["trenger", "treng", "vil", "ville", "ønsker", "ønskjer", "ser", "leter", "leitar", "søker", "krever", "krev"];
/// Who speaks: pronouns and the employer's roles.
const SPEAKERS: &[&str] = &[
    "han",
    "hun",
    "ho",
    "de",
    "dei",
    "daglig",
    "dagleg",
    "leder",
    "leiar",
    "sjefen",
    "bonden",
    "eieren",
    "eigaren",
    "arbeidsgiver",
    "arbeidsgiveren",
    "arbeidsgjevar",
    "bedriften",
    "firmaet",
    "kommunen",
    "rektor",
    "rektoren",
    "styreren",
    "kontaktpersonen",
    "virksomheten",
    "verksemda",
];

/// What is said of the hire after `den som` (`den som begynner`, `den som blir tilsett`): the
/// verb, and the word that must follow it, if any.
const HIRED: &[(&str, &str)] = &[
    ("begynner", ""),
    ("byrjar", ""),
    ("starter", ""),
    ("startar", ""),
    ("ansettes", ""),
    ("tilsettes", ""),
    ("tilsetjast", ""),
    ("blir", "ansatt"),
    ("blir", "tilsett"),
    ("vert", "tilsett"),
    ("får", "jobben"),
    ("får", "stillingen"),
    ("får", "stillinga"),
    ("kommer", "inn"),
    ("kjem", "inn"),
];

/// Words that may stand for the hire after `den nye` (`den nye medarbeideren må …`).
const NEWCOMER: &[&str] = &["medarbeideren", "medarbeidaren", "kollegaen", "personen", "vikaren"];

/// What comes after the hire as a subject: a verb of the clause.
const SUBJECT_VERBS: &[&str] = &["må", "skal", "bør", "kan", "får", "er", "har", "blir", "vil", "trenger", "treng"];

/// Who else may be a clause's subject after its verb: the one asked is named already.
const PRONOUNS: &[&str] = &["du", "dere", "dykk", "man", "vi", "me", "de", "dei", "han", "hun", "ho", "en", "ein"];

/// Definite nouns ending like a person's title that are times or things.
const NOT_PEOPLE: &[&str] = &["sommeren", "sommaren", "vinteren", "hammeren", "kjelleren", "telleren"];

/// The sentence with the hire, named in the third person, written as `du`: `den som begynner,
/// må tåle varme` → `du må tåle varme`, `den nye må kunne …`, and a title as the subject before
/// a modal (`teknikaren må jobbe kveld`, `vaktmesteren må ha førerkort B`) — the title is who
/// is asked, not an occupation asked for. The employer's own roles (`sjefen`, `arbeidsgiveren`)
/// stay.
pub fn the_hire_as_you(sentence: &str) -> String {
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let bare = super::letter::bare;
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let word = bare(tokens[i]);
        let next = |k: usize| tokens.get(i + k).map(|t| bare(t)).unwrap_or_default();
        let plain = |k: usize| tokens.get(i + k).is_some_and(|t| t.ends_with(|c: char| c.is_alphanumeric()));
        let capital = tokens[i].starts_with(char::is_uppercase);
        let you = if capital { "Du" } else { "du" };
        // `den som begynner(,)`, `den som blir tilsett(,)`.
        if word == "den" && next(1) == "som" && plain(0) && plain(1) {
            let hired = HIRED.iter().find_map(|(verb, then)| {
                (next(2) == *verb && (then.is_empty() || next(3) == *then)).then_some(if then.is_empty() {
                    2
                } else {
                    3
                })
            });
            if let Some(last) = hired {
                // What closes the phrase stays, but the comma after it (`den som begynner, må`).
                let closing = tokens[i + last].trim_start_matches(|c: char| c.is_alphanumeric());
                let closing = if closing == "," { "" } else { closing };
                out.push(format!("{you}{closing}"));
                i += last + 1;
                continue;
            }
        }
        // `den nye (medarbeideren) må …`.
        if word == "den" && next(1) == "nye" && plain(0) && plain(1) {
            let noun = usize::from(NEWCOMER.contains(&next(2).as_str()) && plain(2));
            if SUBJECT_VERBS.contains(&next(2 + noun).as_str()) {
                out.push(you.to_string());
                i += 2 + noun;
                continue;
            }
        }
        // `teknikaren må jobbe kveld`: a title opening the sentence before a modal, with no
        // other subject after it.
        let title = i == 0
            && plain(0)
            && ["eren", "aren", "øren"].iter().any(|end| word.len() > end.len() + 2 && word.ends_with(end))
            && !NOT_PEOPLE.contains(&word.as_str())
            && !speaker(&word, false);
        if title && matches!(next(1).as_str(), "må" | "skal" | "bør") && !PRONOUNS.contains(&next(2).as_str()) {
            out.push(you.to_string());
            i += 1;
            continue;
        }
        out.push(tokens[i].to_string());
        i += 1;
    }
    out.join(" ")
}

/// The answer without the tags that say who said what in passing: `Norsk B1, sa han, fordi …` →
/// `Norsk B1, fordi …`, `Det nest viktigste, sa han, er at …` → `Det nest viktigste er at …`,
/// `(A2 holder, sa hun)` → `(A2 holder)`, and after an adverb that ranks (`Til sist sa han at
/// …`, `Deretter nevnte hun at …`) the adverb is kept and the tag dropped (`Til sist at …`).
pub fn without_said_tags(answer: &str) -> String {
    let tokens: Vec<&str> = answer.split(' ').collect();
    let bare = super::letter::bare;
    let saying = |t: &str| matches!(bare(t).as_str(), "sa" | "sier" | "seier" | "nevnte" | "nemnde" | "la");
    let pronoun = |t: &str| matches!(bare(t).as_str(), "han" | "hun" | "ho" | "de" | "dei");
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let after_comma = out.last().is_some_and(|t: &String| t.ends_with(',') || t.ends_with('('));
        // `…, sa han(,|.|))`: the tag, with `selv` and what ends it.
        if after_comma && saying(tokens[i]) && tokens[i].ends_with(char::is_alphanumeric) {
            let mut end = i + 1;
            if tokens.get(end).is_some_and(|t| pronoun(t)) {
                if tokens[end].ends_with(char::is_alphanumeric)
                    && tokens.get(end + 1).is_some_and(|t| matches!(bare(t).as_str(), "selv" | "sjølv"))
                {
                    end += 1;
                }
                let closing = tokens[end].trim_start_matches(|c: char| c.is_alphanumeric());
                if !closing.is_empty() || end + 1 == tokens.len() {
                    let last = out.pop().unwrap_or_default();
                    let kept = last.strip_suffix(',').unwrap_or(&last).to_string();
                    // `Nummer tre, sa han, er at …`: the commas went with the tag.
                    let verb_next = closing == ","
                        && tokens.get(end + 1).is_some_and(|t| matches!(bare(t).as_str(), "er" | "var" | "blir"));
                    let closing = if verb_next { "" } else { closing };
                    out.push(format!("{kept}{closing}"));
                    i = end + 1;
                    continue;
                }
            }
        }
        // `Til sist sa han at …`, `Deretter nevnte hun at …`: the ranking adverb stays.
        let ranks = |k: usize| {
            let word = bare(tokens[k]);
            matches!(word.as_str(), "deretter" | "dernest" | "sist" | "etterpå" | "dessuten")
                || (word == "slutt" && k > 0 && bare(tokens[k - 1]) == "til")
        };
        if i > 0
            && ranks(i - 1)
            && tokens[i - 1].ends_with(char::is_alphanumeric)
            && saying(tokens[i])
            && tokens.get(i + 1).is_some_and(|t| pronoun(t) && t.ends_with(char::is_alphanumeric))
        {
            let mut skip = i + 2;
            if tokens.get(skip).is_some_and(|t| bare(t) == "til") && bare(tokens[i]) == "la" {
                skip += 1;
            }
            if tokens.get(skip).is_some_and(|t| bare(t) == "at") {
                i = skip;
                continue;
            }
        }
        out.push(tokens[i].to_string());
        i += 1;
    }
    out.join(" ")
}

/// An advisor's note with its shorthand for the employer spelt out: `AG` (arbeidsgiver) is the
/// employer, and a parenthesis right after it says what kind of employer (`AG (meieri) ønsker
/// …`), which asks nothing. Only the capitalised abbreviation is read so; `ag` is left alone.
pub fn employer_spelt_out(answer: &str) -> String {
    let mut out = String::with_capacity(answer.len() + 16);
    let mut rest = answer;
    while let Some(at) = rest.find("AG") {
        let before_ok = rest[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = &rest[at + 2..];
        let after_ok = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
        out.push_str(&rest[..at]);
        if !(before_ok && after_ok) {
            out.push_str("AG");
            rest = after;
            continue;
        }
        out.push_str("arbeidsgiver");
        let trimmed = after.trim_start();
        rest = match trimmed.strip_prefix('(').and_then(|inner| inner.find(')').map(|close| &inner[close + 1..])) {
            Some(past) => past,
            None => after,
        };
    }
    out.push_str(rest);
    out
}

/// Whether `word` (as written) names who speaks: a pronoun, a role (`butikksjefen`,
/// `avdelingslederen`) or, when `names` (before a verb of saying), a name.
fn speaker(word: &str, names: bool) -> bool {
    let lower = word.to_lowercase();
    // Before a verb of saying, a name or a person with where they work (`Dama på kontoret sa at`).
    let named = word.chars().next().is_some_and(char::is_uppercase) && word.chars().skip(1).all(char::is_lowercase);
    let definite = ["en", "et", "a"].iter().any(|end| lower.len() > 3 && lower.ends_with(end));
    SPEAKERS.contains(&lower.as_str())
        || ["sjefen", "lederen", "leiaren", "ansvarlig", "ansvarleg"].iter().any(|end| lower.ends_with(end))
        || names && (named || definite || matches!(lower.as_str(), "på" | "i" | "hos"))
}

/// The sentence without its frame: `Daglig leder sa at de trenger en som kan stå i kassa` →
/// `de trenger en som kan stå i kassa`; `Sjefen trenger en som …` → `trenger en som …`.
pub fn without_frame(sentence: &str) -> &str {
    let tokens: Vec<(usize, &str)> = sentence
        .split_whitespace()
        .map(|token| (token.as_ptr() as usize - sentence.as_ptr() as usize, token))
        .collect();
    let bare = super::letter::bare;
    let speaks =
        |upto: usize, names: bool| upto > 0 && upto <= 3 && tokens[..upto].iter().all(|(_, t)| speaker(t, names));
    // `X sa (rett ut) at …`, `X var klar på at …`: up to and including `at`.
    if let Some(that) = tokens.iter().take(9).position(|(_, t)| bare(t) == "at") {
        let verb = tokens[..that].iter().position(|(_, t)| {
            let word = bare(t);
            REPORTING.contains(&word.as_str()) || FIRMLY.contains(&word.as_str())
        });
        let firm_verb = |at: usize| at > 0 && matches!(bare(tokens[at - 1].1).as_str(), "var" | "er" | "la" | "legger");
        if let Some(verb) = verb {
            let subject_ends =
                if FIRMLY.contains(&bare(tokens[verb].1).as_str()) && firm_verb(verb) { verb - 1 } else { verb };
            let said = REPORTING.contains(&bare(tokens[verb].1).as_str());
            if speaks(subject_ends, said) {
                return tokens.get(that + 1).map_or("", |(at, _)| &sentence[*at..]);
            }
        }
    }
    // `Han sier de trenger …`: a verb of saying with no `at`, before who is meant.
    if let Some(verb) = tokens.iter().take(4).position(|(_, t)| REPORTING.contains(&bare(t).as_str())) {
        let next = tokens.get(verb + 1).map(|(_, t)| bare(t)).unwrap_or_default();
        if speaks(verb, true) && matches!(next.as_str(), "de" | "dei" | "vi" | "man" | "det" | "han" | "hun" | "ho") {
            return &sentence[tokens[verb + 1].0..];
        }
    }
    // `Ifølge daglig leder må man …`: who said it, up to the verb.
    if tokens.first().is_some_and(|(_, t)| matches!(bare(t).as_str(), "ifølge" | "iflg" | "ifylgje")) {
        let verb = tokens
            .iter()
            .skip(1)
            .take(4)
            .position(|(_, t)| matches!(bare(t).as_str(), "må" | "er" | "skal" | "bør" | "trenger"));
        if let Some(verb) = verb.map(|v| v + 1) {
            if tokens[1..verb].iter().all(|(_, t)| speaker(t, true)) {
                return &sentence[tokens[verb].0..];
            }
        }
    }
    // `Sjefen trenger (egentlig bare) en som …`: the speaker only; the verb still asks.
    if let Some(verb) = tokens.iter().take(4).position(|(_, t)| WANTING.contains(&bare(t).as_str())) {
        if speaks(verb, false) {
            return &sentence[tokens[verb].0..];
        }
    }
    sentence
}

#[cfg(test)]
mod tests {
    use super::without_frame;

    #[test]
    fn who_said_it_is_not_asked() {
        assert_eq!(without_frame("Daglig leder sa at de trenger en kokk"), "de trenger en kokk");
        assert_eq!(without_frame("Bonden sa rett ut at han trenger en"), "han trenger en");
        assert_eq!(without_frame("Hun var klar på at vedkommende må ha truck"), "vedkommende må ha truck");
        assert_eq!(without_frame("Han la vekt på at personen er blid"), "personen er blid");
        assert_eq!(without_frame("Kari nevnte at det er fint med polsk"), "det er fint med polsk");
        assert_eq!(without_frame("Butikksjefen trenger egentlig bare en"), "trenger egentlig bare en");
        assert_eq!(without_frame("Han sier de trenger folk"), "de trenger folk");
        assert_eq!(without_frame("Ifølge daglig leder må man ha erfaring"), "må man ha erfaring");
        assert_eq!(without_frame("Dama på kontoret sa at norsk B1 holder"), "norsk B1 holder");
        assert_eq!(without_frame("Han la til at man må jobbe natt"), "man må jobbe natt");
    }

    #[test]
    fn an_advisors_shorthand_for_the_employer_is_spelt_out() {
        use super::employer_spelt_out;
        assert_eq!(employer_spelt_out("AG (meieri) ønsker kandidat"), "arbeidsgiver ønsker kandidat");
        assert_eq!(employer_spelt_out("Hygienekurs betales av AG."), "Hygienekurs betales av arbeidsgiver.");
        assert_eq!(employer_spelt_out("AGRI og lag"), "AGRI og lag");
        assert_eq!(without_frame("arbeidsgiver sier det kan tas etter"), "det kan tas etter");
        assert_eq!(without_frame("arbeidsgiver krever: førerkort B"), "krever: førerkort B");
    }

    #[test]
    fn a_requirement_that_opens_the_sentence_is_kept() {
        for kept in [
            "Truckførerbevis trenger du ikke",
            "Du må kunne si at du har fagbrev",
            "Vi trenger en som kan kjøre truck",
            "Førerkort B er et krav, sa hun",
            "Det er et krav at alle har hygienekurs",
        ] {
            assert_eq!(without_frame(kept), kept);
        }
    }

    #[test]
    fn the_hire_in_the_third_person_is_you() {
        use super::the_hire_as_you;
        assert_eq!(the_hire_as_you("den som begynner, må tåle varme"), "du må tåle varme");
        assert_eq!(the_hire_as_you("Den som blir tilsett, må tole kulde"), "Du må tole kulde");
        assert_eq!(the_hire_as_you("så må den som ansettes ta helg"), "så må du ta helg");
        assert_eq!(the_hire_as_you("den nye må tåle å stå"), "du må tåle å stå");
        assert_eq!(the_hire_as_you("opplæring får den som begynner."), "opplæring får du.");
        assert_eq!(the_hire_as_you("teknikaren må jobbe kveld"), "du må jobbe kveld");
        assert_eq!(the_hire_as_you("vaktmesteren må ha førerkort B"), "du må ha førerkort B");
        for kept in [
            "sjefen må godkjenne det",
            "sommeren må du jobbe",
            "norsken må være god",
            "vaktmesteren må du kunne avløse",
            "den som har vondt i ryggen, klarer det ikke",
            "den nye maskinen",
        ] {
            assert_eq!(the_hire_as_you(kept), kept);
        }
    }

    #[test]
    fn a_tag_of_who_said_it_is_dropped() {
        use super::without_said_tags;
        assert_eq!(without_said_tags("Norsk B1, sa han, fordi kundene spør."), "Norsk B1, fordi kundene spør.");
        assert_eq!(
            without_said_tags("Det nest viktigste, sa han, er at du er blid."),
            "Det nest viktigste er at du er blid."
        );
        assert_eq!(without_said_tags("Salg kommer deretter, sa han."), "Salg kommer deretter.");
        assert_eq!(without_said_tags("norsk (A2 holder, sa hun)"), "norsk (A2 holder)");
        assert_eq!(without_said_tags("Til sist sa han at det er kjekt om"), "Til sist at det er kjekt om");
        assert_eq!(without_said_tags("Deretter nevnte hun at det er en fordel"), "Deretter at det er en fordel");
        for kept in ["Han sa at du må ha B", "Hun sa selv at det holder", "Vi sa nei, han får ikke", "Truck, sa vi"] {
            assert_eq!(without_said_tags(kept), kept);
        }
    }
}
