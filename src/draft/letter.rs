//! An answer written as a letter: many employers answer the three questions in an e-mail after
//! the first call, with a greeting (`Hei igjen, og takk for praten i går!`), a lead-in (`Som
//! lovet, her er kravene våre:`), English list headings (`Must have:`, `Nice to have:`,
//! `Ranked:`) and a signature (`Mvh Anders, apoteker`). None of it asks anything of the
//! candidate; read as requirements, the greeting and the signature warned on every shortlist.
//! This module takes the letter away and leaves the answer.

/// Words that open a letter, alone or doubled (`Hei hei!`, `Hi/hei!`).
const GREETINGS: &[&str] = &["hei", "hallo", "heisann", "hi", "hello", "hey", "halla", "morn"];

/// Words that open a signature; what follows them is a name and a title.
const SIGN_OFFS: &[&str] = &["mvh", "hilsen", "helsing", "hilsning", "regards", "vh", "cheers", "thanks"];

/// Words that may stand before a sign-off word (`Med vennlig hilsen`, `Best regards`).
const BEFORE_SIGN_OFF: &[&str] = &["med", "vennlig", "vennleg", "venleg", "beste", "best", "kind", "varm", "god"];

/// Sentences that lead in to the answer with a colon (`Som lovet, her er kravene våre:`, `Kort
/// fortalt: …`): the words they open with. Without a colon they are kept (`Her er det mye støv`).
const LEAD_INS: &[&[&str]] = &[
    &["som", "lovet"],
    &["som", "lova"],
    &["som", "avtalt"],
    &["her", "er"],
    &["her", "kommer"],
    &["her", "kjem"],
    &["oppsummering"],
    &["kort", "oppsummert"],
    &["kort", "fortalt"],
    &["kort", "sagt"],
    // An advisor's note: `Notat etter besøk:`, `Referat:`.
    &["notat"],
    &["referat"],
];

/// Sentences that thank for the call: the words they open with.
const THANKS: &[&[&str]] = &[&["takk", "for"], &["og", "takk", "for"], &["tusen", "takk"]];

/// English headings and the loan phrases of corporate Norwegian (`det er non-negotiable`,
/// `Big plus: …`, `et service-mindset`, `Working language er engelsk`), as the Norwegian the
/// rest of the drafter reads. Only phrases no Norwegian sentence holds: `no`, `is` and `a` are
/// Norwegian words too.
const ENGLISH: &[(&str, &str)] = &[
    ("non-negotiable", "et krav"),
    ("non negotiable", "et krav"),
    ("that's the name of the game", "et krav"),
    ("no excuses", ""),
    ("no worries", "ikke noe problem"),
    ("top of the list", "viktigst"),
    ("top priority", "viktigst"),
    ("the dream", "best"),
    ("a perfect match", "rett person"),
    ("perfect match", "rett person"),
    ("big plus", "pluss"),
    ("solid plus", "pluss"),
    ("big fordel", "stor fordel"),
    ("good enough", "godt nok"),
    ("basic", "enkel"),
    ("next", "deretter"),
    ("peak", "travlest"),
    ("working language", "arbeidsspråket"),
    ("være ok med", "tåle"),
    ("fast-paced", "travelt"),
    ("fast paced", "travelt"),
    ("team player", "lagspiller"),
    ("teamplayer", "lagspiller"),
    ("reliable", "pålitelig"),
    ("hands-on", "praktisk anlagt"),
    ("growth mindset", ""),
    ("service-mindset", "serviceinnstilt"),
    ("servicemindset", "serviceinnstilt"),
    ("service mindset", "serviceinnstilt"),
    ("service-gen", "serviceinnstilt"),
    ("servicegenet", "serviceinnstilt"),
    ("onboarding", "opplæring"),
    ("warehouse", "lager"),
    ("hospitality-erfaring", "erfaring"),
    ("shifts", "vakter"),
    ("shiftene", "vaktene"),
    ("shiftet", "vakta"),
    ("shift", "vakt"),
    ("nice to have", "ønskelig"),
    ("nice-to-have", "ønskelig"),
    ("must have", "krav"),
    ("must-have", "krav"),
    ("must haves", "krav"),
    ("must-haves", "krav"),
    ("requirements", "krav"),
    ("is a plus", "er et pluss"),
    ("a plus", "et pluss"),
    ("et plus", "et pluss"),
    ("plus", "pluss"),
];

/// Headings that only say the list below is ranked: the numbers say it already.
const RANKING_HEADINGS: &[&str] = &["ranked", "prioritert", "prioritet", "i prioritert rekkefølge", "prioritized"];

/// `answer` without the letter around it: greeting, lead-in, ranking headings and signature
/// removed, English headings in Norwegian. Lines are kept, so lists stay lists.
pub fn unwrapped(answer: &str) -> String {
    let mut lines = Vec::new();
    let mut first = true;
    for line in answer.lines() {
        let mut line = english_as_norwegian(line);
        if first && !line.trim().is_empty() {
            line = without_greeting(&line);
            first = false;
        }
        let (kept, signed) = before_signature(&line);
        let kept = without_lead_ins(&kept);
        let bare = kept.trim().trim_end_matches(':').trim().to_lowercase();
        // A line that was all signature leaves no blank line behind.
        let nothing_left = RANKING_HEADINGS.contains(&bare.as_str()) || (signed && bare.is_empty());
        if !nothing_left {
            lines.push(kept);
        }
        if signed {
            break;
        }
    }
    lines.join("\n")
}

/// The lowercase letters of `token`, without punctuation around it.
pub(super) fn bare(token: &str) -> String {
    token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

fn english_as_norwegian(line: &str) -> String {
    let line = &shift_compounds(line);
    let lower = line.to_lowercase();
    // Offsets into the lowercase copy are offsets into the line only where lowercasing kept
    // every length (always so for Norwegian and English letters).
    if lower.len() != line.len() {
        return line.to_string();
    }
    for (english, norwegian) in ENGLISH {
        let whole_word = |at: usize| {
            let end = at + english.len();
            lower[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                && lower[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
        };
        if let Some(at) = lower.match_indices(english).map(|(at, _)| at).find(|&at| whole_word(at)) {
            let replaced = format!("{}{norwegian}{}", &line[..at], &line[at + english.len()..]);
            return english_as_norwegian(&replaced);
        }
    }
    line.to_string()
}

/// `nattshift`, `kveldsshifts`, `kveldsshiftet` as the Norwegian compounds `nattskift` and
/// `kveldsskift`: the shift is the compound's first part.
fn shift_compounds(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("shift") {
        let before = &rest[..at];
        let after = &rest[at + "shift".len()..];
        let compound = before.chars().next_back().is_some_and(char::is_alphabetic);
        let ending = after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len());
        let inflected = matches!(&after[..ending], "" | "s" | "et" | "ene");
        out.push_str(before);
        if compound && inflected {
            out.push_str("skift");
            rest = &after[ending..];
        } else {
            out.push_str("shift");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Words that address the reader of a letter (`Kjære deg som blir vår nye montørhjelper!`).
const ADDRESSES: &[&str] = &["kjære", "kjæraste", "dear"];

/// The first line without the words that greet (`Hei igjen, og takk …` keeps `og takk …`,
/// which [`without_lead_ins`] then drops), and without the person it greets: a letter to the
/// one they hope to hire opens `Kjære nye kollega!` or `Hei, du som skal bli mannskap hos oss!`,
/// and what names the job there (`montørhjelper`, `mannskap`) asks nothing.
fn without_greeting(line: &str) -> String {
    let trimmed = line.trim_start();
    let first = trimmed.split_whitespace().next().map(bare).unwrap_or_default();
    if ADDRESSES.contains(&first.as_str()) {
        if let Some(end) = trimmed.find(['!', ',', '.']) {
            return trimmed[end + 1..].trim_start().to_string();
        }
    }
    // `Til deg som tar over etter meg på mottaket: …`, a handover note's opening: whom it is to,
    // up to its colon, names the job and asks nothing. (`Til deg som har fagbrev: …` addresses
    // whoever meets a requirement, and stays.)
    let lower = trimmed.to_lowercase();
    let to_whoever =
        ["til deg som", "til dykk som", "til dere som", "til den som"].iter().any(|to| lower.starts_with(to));
    if let Some(end) = trimmed.find([':', '!']).filter(|_| to_whoever) {
        let takes_over =
            ["etter meg", "overtar", "tek over", "tar over", "tar du over"].iter().any(|w| lower[..end].contains(w));
        if takes_over {
            return trimmed[end + 1..].trim_start().to_string();
        }
    }
    let mut rest = trimmed;
    let mut greeted = false;
    loop {
        let token = rest.split_whitespace().next().unwrap_or_default();
        // `Hi/hei!`: a greeting in two languages is one greeting.
        let greets = !token.is_empty() && token.split('/').all(|part| GREETINGS.contains(&bare(part).as_str()));
        let again = greeted && matches!(bare(token).as_str(), "igjen" | "igjén" | "again" | "alle" | "dere");
        if !(greets || again) {
            break;
        }
        greeted = true;
        rest = rest[token.len()..].trim_start();
        // A name after the greeting (`Hei Kari,`) ends at the comma.
        if !token.ends_with([',', '!', '.']) {
            if let Some((name, after)) = rest.split_once(',') {
                if name.split_whitespace().count() == 1 && name.chars().next().is_some_and(char::is_uppercase) {
                    rest = after.trim_start();
                }
            }
        }
    }
    if !greeted {
        return line.to_string();
    }
    // `Hei, du som blir den nye på verkstedet vårt!`: whom the greeting is to, up to its `!`.
    let lower = rest.to_lowercase();
    let addressee = ["du som", "deg som", "dere som", "de som"].iter().any(|who| lower.starts_with(who));
    match rest.find(['!', '.', '?']) {
        Some(end) if addressee && rest[end..].starts_with('!') => rest[end + 1..].trim_start().to_string(),
        _ => rest.to_string(),
    }
}

/// The line up to a signature, and whether one was found.
fn before_signature(line: &str) -> (String, bool) {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    for (i, token) in tokens.iter().enumerate() {
        if !SIGN_OFFS.contains(&bare(token).as_str()) {
            continue;
        }
        // Only where a sentence starts, possibly after `Med vennlig`, `Best`.
        let mut start = i;
        while start > 0 && BEFORE_SIGN_OFF.contains(&bare(tokens[start - 1]).as_str()) && i - start < 3 {
            start -= 1;
        }
        let sentence_starts = start == 0 || tokens[start - 1].ends_with(['.', '!', '?', ')', ':']);
        if sentence_starts {
            return (tokens[..start].join(" "), true);
        }
    }
    (line.to_string(), false)
}

/// The line without sentences that only lead in or thank; `Kort fortalt: du må …` keeps what
/// follows the colon.
fn without_lead_ins(line: &str) -> String {
    let mut kept = Vec::new();
    for sentence in split_sentences(line) {
        let words: Vec<String> = sentence.split_whitespace().map(bare).filter(|w| !w.is_empty()).collect();
        let opens = |openings: &[&[&str]]| {
            openings.iter().any(|lead| words.len() >= lead.len() && words.iter().zip(lead.iter()).all(|(w, l)| w == l))
        };
        match sentence.split_once(':') {
            Some((_, after)) if opens(LEAD_INS) => {
                if !after.trim().is_empty() {
                    kept.push(after.trim().to_string());
                }
            }
            _ if opens(THANKS) => {}
            _ => kept.push(sentence.to_string()),
        }
    }
    kept.join(" ")
}

/// Sentences ending in `.`, `!` or `?`, with their punctuation.
fn split_sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, n)| n);
        if matches!(c, '.' | '!' | '?') && next.is_none_or(char::is_whitespace) {
            let before = &line[start..at];
            // `f.eks.`, `ca.`, `kl.`: an abbreviation's dot ends no sentence.
            let last = before.split_whitespace().next_back().unwrap_or_default();
            if c == '.' && (last.len() <= 3 || last.contains('.')) && !last.is_empty() && next.is_some() {
                continue;
            }
            out.push(line[start..at + 1].trim());
            start = at + 1;
        }
    }
    if !line[start..].trim().is_empty() {
        out.push(line[start..].trim());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::unwrapped;

    #[test]
    fn a_greeting_a_lead_in_and_a_signature_are_no_answer() {
        let answer = "Hei! Som lovet, her er kravene våre:\n- Norsk på høyt nivå\n- Kveldsvakter\nMvh Anders, apoteker";
        assert_eq!(unwrapped(answer), "\n- Norsk på høyt nivå\n- Kveldsvakter");
        assert_eq!(unwrapped("Hei igjen, og takk for praten i går! Du må tåle kulde."), "Du må tåle kulde.");
        assert_eq!(unwrapped("Hi/hei! Sesongen er lang."), "Sesongen er lang.");
        assert_eq!(
            unwrapped("Til deg som tek over etter meg på mottaket: Det er kaldt heile dagen."),
            "Det er kaldt heile dagen."
        );
        assert_eq!(unwrapped("Til deg som har fagbrev: søk nå."), "Til deg som har fagbrev: søk nå.");
        assert_eq!(unwrapped("Deltid går fint. Vennlig hilsen stasjonssjef"), "Deltid går fint.");
        assert_eq!(unwrapped("Kurs tar vi internt. Best regards, Tomasz (anleggsleder)"), "Kurs tar vi internt.");
        assert_eq!(unwrapped("Hei hei! Kort fortalt: du må kunne jobbe kvelder."), "du må kunne jobbe kvelder.");
    }

    #[test]
    fn a_letter_to_the_new_hire_greets_them_and_asks_nothing_by_it() {
        let kjære = "Kjære deg som blir vår nye montørhjelper! Du kommer til å kjøre mye, så førerkort B må du ha.";
        assert_eq!(unwrapped(kjære), "Du kommer til å kjøre mye, så førerkort B må du ha.");
        assert_eq!(unwrapped("Kjære nye kollega! Helgene må du ha."), "Helgene må du ha.");
        let hei = "Hei, du som skal bli mannskap hos oss på «Nordkyn»! Før du kan gå om bord, må du ha sikkerhetskurs.";
        assert_eq!(unwrapped(hei), "Før du kan gå om bord, må du ha sikkerhetskurs.");
        // A greeting followed by what is asked keeps what is asked.
        assert_eq!(unwrapped("Hei, du må ha førerkort B."), "du må ha førerkort B.");
        assert_eq!(unwrapped("Hei! Du som søker, må ha fagbrev."), "Du som søker, må ha fagbrev.");
    }

    #[test]
    fn what_only_looks_like_a_letter_stays() {
        // `hilsen` inside a sentence, a greeting word later in the answer, `takk` as a task.
        assert_eq!(unwrapped("Du må kunne ta imot hilsen fra kunder."), "Du må kunne ta imot hilsen fra kunder.");
        assert_eq!(unwrapped("Førerkort B.\nDu sier hei til alle."), "Førerkort B.\nDu sier hei til alle.");
        assert_eq!(unwrapped("Ca. 20 timer i uka. Førerkort B."), "Ca. 20 timer i uka. Førerkort B.");
        // A lead-in's words without its colon describe the job.
        assert_eq!(unwrapped("Her er det mye støv, så du må tåle det."), "Her er det mye støv, så du må tåle det.");
    }

    #[test]
    fn english_headings_read_as_norwegian() {
        assert_eq!(unwrapped("Must have:\n* førerkort B"), "krav:\n* førerkort B");
        assert_eq!(unwrapped("Nice to have: fagbrev som kokk."), "ønskelig: fagbrev som kokk.");
        assert_eq!(unwrapped("Ranked:\n1) fagbrev"), "1) fagbrev");
        assert_eq!(unwrapped("Maskinførerbevis er a plus."), "Maskinførerbevis er et pluss.");
    }

    #[test]
    fn corporate_loan_phrases_read_as_norwegian() {
        assert_eq!(
            unwrapped("Helg er en del av pakka, det er non-negotiable."),
            "Helg er en del av pakka, det er et krav."
        );
        assert_eq!(unwrapped("Big plus: erfaring fra lager."), "pluss: erfaring fra lager.");
        assert_eq!(unwrapped("Du har et service-mindset."), "Du har et serviceinnstilt.");
        assert_eq!(unwrapped("Vi trenger deg på kveldsshiftet."), "Vi trenger deg på kveldsskift.");
        assert_eq!(unwrapped("Nattshift må du kunne ta."), "Nattskift må du kunne ta.");
        assert_eq!(unwrapped("Du står og går hele shiftet."), "Du står og går hele vakta.");
        // Norwegian words that look like English stay: `no` (nynorsk `nå`), `is`, `plusser`.
        assert_eq!(unwrapped("Vi treng folk no. Is på vegen."), "Vi treng folk no. Is på vegen.");
    }
}
