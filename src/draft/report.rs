//! An advisor's notes from a talk with the employer report what was said (`Daglig leder sa at de
//! trenger …`, `Hun var klar på at vedkommende må ha truckførerbevis`, `Sjefen trenger egentlig
//! bare en som …`). Who said it asks nothing of the candidate; what follows is the requirement.

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
    "understreket",
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
}
