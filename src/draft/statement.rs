//! Whether a clause of the requirements asks the candidate anything, or only says how the job
//! is: the employer's own doing (`Vi jobber på tak`), what the job is (`Jobben er telefon og
//! skranke`), an announcement's opening (`Vi søker en medarbeider`), a headline, a remark.

use super::*;

/// Whether the clause, from word `from` on, says what the employer does or is and asks the
/// candidate nothing. `…, vi flytter kundebiler`: a statement about the job, not a requirement of
/// the candidate. A condition it names stays a must-have (never weakened by how it is said);
/// the words it does not place are no requirement left unread. `vi ser etter …`, `vi krever …`
/// do ask.
/// `Vi jobber på tak.` among the requirements: a sentence that only says what the
/// employer does is about the job from its first word (in the wishes it may be how a wish
/// is put: `vi setter pris på …`).
/// `Vi er firma som gjør byggvask`, `Jeg har butikk for reparasjon av mobil`: being or
/// having, said of the employer with nobody asked, is the same.
pub(super) fn employer_does(words: &[&str], recognised: &Recognised, from: usize) -> bool {
    let employer = matches!(
        words.get(from),
        Some(&("vi" | "me" | "jeg" | "eg" | "arbeidsgiver" | "arbeidsgjevar" | "bedriften" | "firmaet"))
    );
    let asks_you = words[from..].iter().any(|w| matches!(*w, "du" | "deg" | "dere" | "de" | "dykk"));
    // Being or having a workplace (`er et lite firma`, `har butikk`), not a need (`har
    // behov for`, `er avhengige av`, `er ute etter`), which asks.
    let is_a_workplace = || {
        let named = words[from + 2..].iter().find(|w| {
            !matches!(
                **w,
                "en" | "ei" | "et" | "ein" | "eit" | "lite" | "liten" | "lita" | "stor" | "stort" | "ny" | "nytt"
            )
        });
        named.is_some_and(|w| WORKPLACES.iter().any(|place| w.ends_with(place)))
    };
    // `Vi har fugler, kaniner og akvarier`: having what nothing here names, the same.
    let names_nothing = || !recognised.found.iter().any(|f| matches!(f, Found::Criterion { at, .. } if *at >= from));
    employer
        && words.get(from + 1).is_some_and(|verb| {
            clauses::stated_doing(verb)
                || (matches!(*verb, "er" | "har") && !asks_you && is_a_workplace())
                || (*verb == "har" && !asks_you && names_nothing())
        })
}

/// Whether the clause asks something from word `from` on (a must-marker or a verb of asking).
pub(super) fn asks(words: &[&str], from: usize) -> bool {
    words[from..].iter().any(|w| MUST_MARKERS.contains(w) || ASKING.contains(w))
}

/// How a clause of the requirements stands to the job: a statement about it (what the employer
/// does, what the job is, what its people do), an opening that introduces it, a headline, or a
/// remark that reinforces what came before. None of these asks the candidate anything by itself.
pub(super) struct Standing {
    pub about_the_job: bool,
    pub introduces: bool,
    pub headline: bool,
    pub reinforces: bool,
}

/// Reads how `clause` stands to the job; see [`Standing`].
pub(super) fn standing(clause: &Clause, words: &[&str], recognised: &Recognised, answer: Answer) -> Standing {
    // `Hver kveld serverer vi middag til 80 gjester`: the same with the time first and the
    // verb before `vi`.
    let inverted = (2..words.len().min(5)).any(|at| {
        matches!(words[at], "vi" | "me")
            && clauses::stated_doing(words[at - 1])
            && !words[..at].iter().any(|w| matches!(*w, "du" | "dere" | "deg"))
    });
    let ours = answer == Answer::MustHave && (employer_does(words, recognised, 0) || inverted);
    // `Jobben er telefon og skranke.`: a sentence that says what the job is, the same.
    let the_job_is = answer == Answer::MustHave
        && words.first().is_some_and(|w| JOB_ITSELF.contains(w))
        && words.get(1).is_some_and(|verb| {
            matches!(
                *verb,
                "er" | "består" | "handlar" | "handler" | "blir" | "innebærer" | "inneber" | "omfatter" | "omfattar"
            )
        });
    // `Vi søker en medarbeider til vår jernvarebutikk.`: an announcement's opening names the
    // job, and asks nothing until it names something.
    // The employer may be named by its place in the definite (`Bakeriet vårt trenger deg!`,
    // `Hundepensjonatet søker dyrepasser!`), and may say what it does first (`Vi bygger båter
    // – og trenger flere hender!`).
    let seeks = |from: usize| {
        matches!(words.get(from..), Some(["søker" | "søkjer" | "trenger" | "treng", ..] | ["ser", "etter", ..]))
    };
    let employer_named = match words {
        ["vi" | "me", ..] => Some(1),
        [place, "vår" | "vårt" | "våre", ..] if clauses::definite_noun(place) => Some(2),
        [place, ..] if clauses::definite_noun(place) => Some(1),
        _ => None,
    };
    let does_then_seeks = |from: usize| {
        clauses::stated_doing(words[from]) && (from + 1..words.len()).any(|at| words[at - 1] == "og" && seeks(at))
    };
    // `… trenger deg!` asks nothing more; `… deg som har førerkort` does.
    let you_asked = words
        .iter()
        .enumerate()
        .any(|(at, w)| matches!(*w, "som" | "med" | "du") || (*w == "deg" && at + 1 < words.len()));
    let introduces = answer == Answer::MustHave
        && employer_named.is_some_and(|from| seeks(from) || (from < words.len() && does_then_seeks(from)))
        && !words.iter().any(|w| MUST_MARKERS.contains(w))
        && !you_asked
        && !recognised.found.iter().any(|f| {
            // What follows `til`, `i`, `ved` is where (`til vårt lager`), not whom.
            let workplace = |at: usize| words[..at].iter().any(|w| matches!(*w, "til" | "i" | "ved" | "hos" | "på"));
            // `Hundepensjonatet søker dyrepasser!`: the occupation sought, in a headline, is the
            // job's title (`Vi søker en sjåfør til vår bedrift.` asks for one).
            let title = |at: usize| {
                clause.headline
                    && ((0..at)
                        .rev()
                        .take_while(|&j| TITLE_FRAME.contains(&words[j]))
                        .last()
                        .is_some_and(|j| j > 0 && seeks(j - 1))
                        || (at > 0 && seeks(at - 1)))
            };
            matches!(f, Found::Criterion { kind, at, .. }
                if !(workplace(*at) || (*kind == CriterionKind::Occupation && title(*at))))
        });
    // `Gjestene reiser kl 11`, `Kundene kommer innom`: what the job's people or things do,
    // told as a story of the working day, the same.
    let others_do = answer == Answer::MustHave
        && words.first().is_some_and(|w| clauses::definite_noun(w))
        && words.get(1).is_some_and(|verb| clauses::stated_doing(verb))
        && !words.iter().any(|w| matches!(*w, "du" | "deg" | "dere"));
    // `Uten det slipper vi ingen løs på lageret`: what the requirement before is for, said as
    // what happens without it. `Den siste vi hadde, fikk panikk …`: a story of a hire.
    // `Je skriv fort:`: the employer's remark about themself, asking nobody.
    let remark = matches!(words.first(), Some(&("jeg" | "eg")))
        && !words.iter().any(|w| matches!(*w, "du" | "deg" | "dere" | "de" | "dei"))
        && !asks(words, 0);
    let reinforces = answer == Answer::MustHave
        && (clauses::without_it(words)
            || matches!(words, ["den" | "han" | "hun" | "ho", "siste" | "forrige", ..])
            || remark)
        && !recognised.found.iter().any(|f| matches!(f, Found::Criterion { .. }));
    // `🚧 Sommarjobb på vegen!`: a headline opening the requirements, naming nothing.
    let headline = answer == Answer::MustHave
        && clause.headline
        && !recognised.found.iter().any(|f| {
            // `Bli med og gi elektronikk et nytt liv!`: a liking named there is no requirement.
            matches!(f, Found::Criterion { kind, .. } if *kind != CriterionKind::Interest)
        });
    // `Jeg har sett folk som ble sjøsyke over Stadt`: what the writer went through, told in
    // the past. A condition it names stays asked; its other words are no requirement left
    // unread.
    let own_story = answer == Answer::MustHave
        && clauses::writer_tells(words.first().copied(), words.get(1).copied())
        && !words.iter().any(|w| matches!(*w, "du" | "deg" | "dere" | "dykk"));
    let about_the_job =
        ((ours || the_job_is || others_do || own_story) && !asks(words, 0)) || introduces || headline || reinforces;
    Standing { about_the_job, introduces, headline, reinforces }
}
