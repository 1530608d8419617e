//! Drafting a job need from the employer's three answers, written as Norwegian prose.
//!
//! Advisors receive the reflection form as text. [`draft`] reads it: vocabulary terms
//! (occupations, skills, certificates, licences with classes, languages with a level, shifts,
//! interests, personal qualities, demands), amounts (stillingsprosent, km, years) and dates;
//! must-markers (`må`, `krav`, `absolutt`, `ufravikelig`), ranking (`1.`, `2.`, or the order
//! wishes are written in) and softeners (`helst`, `gjerne`); and the room to adapt (`kan starte
//! i 50 %`, `kan ta bort tunge løft`, `vi lærer opp`, `norsken trenger ikke være perfekt`,
//! `oppstart kan vente til mars`). Every phrase it could not place is returned as unrecognised,
//! never dropped, and phrases that would select on age, gender, health or ethnicity are refused.
//! The draft is for the advisor to review and edit.

mod ascii;
mod checklist;
mod clauses;
pub mod compare;
mod corrections;
mod dialect;
mod discussion;
mod faq;
mod feedback;
mod foreign;
mod leftovers;
mod letter;
mod portrait;
mod recognise;
mod report;
mod room;
mod scales;
mod second_thoughts;
mod shorthand;
mod statement;
mod table;
mod transcript;
mod words;

use std::ops::Range;

use time::Date;

use crate::model::{
    Adaptable, Answer, Criterion, CriterionKind, Draft, Importance, JobNeed, LanguageLevel, ReflectionAnswers, Refused,
    Shift, Unrecognised,
};
use crate::taxonomy::{ConceptKind, Taxonomy, is_class_code};
use clauses::Clause;
use recognise::{Found, Recognised, recognise};
use words::*;

/// Drafts the criteria of `context` from its answers, keeping the facts the advisor gave
/// (id, title, place, top; extent, distance and start date unless the answers state them).
/// Any criteria `context` already has are replaced by the draft.
pub fn draft_need(context: &JobNeed, taxonomy: &Taxonomy, today: Date) -> Draft {
    let mut drafted = draft(&context.id, &context.answers, taxonomy, today);
    let need = &mut drafted.need;
    need.title = context.title.clone();
    need.municipality = context.municipality.clone();
    need.location = context.location;
    need.top = context.top;
    need.extent_percent = context.extent_percent.or(need.extent_percent);
    // `Ja, vi kan auke til 80 %` in a 50 % job: how far the job can grow is no least extent.
    if need.adaptable.extent_min_percent.zip(need.extent_percent).is_some_and(|(least, extent)| least > extent) {
        need.adaptable.extent_min_percent = None;
    }
    need.max_distance_km = context.max_distance_km.or(need.max_distance_km);
    need.start_date = context.start_date.or(need.start_date);
    // `erfaring fra tilsvarende arbeid`: experience in the job itself, which its title names.
    let title = context.title.trim();
    for criterion in &mut need.criteria {
        if criterion.kind == CriterionKind::Experience && names_the_job_itself(&criterion.value) && !title.is_empty() {
            criterion.value = title.to_lowercase();
        }
    }
    if need.max_distance_km.is_some() && need.location.is_none() {
        // A distance without a place cannot be checked; say so rather than fail the need.
        need.max_distance_km = None;
        drafted.unrecognised.push(Unrecognised {
            answer: Answer::MustHave,
            text: "a distance limit (the need has no location)".into(),
        });
    }
    drafted
}

/// Drafts a need from `answers`. `today` resolves dates without a year (`1. februar`).
pub fn draft(id: &str, answers: &ReflectionAnswers, taxonomy: &Taxonomy, today: Date) -> Draft {
    let mut drafter = Drafter {
        taxonomy,
        today,
        draft: empty_draft(id, answers),
        wish_rank: 0,
        previous_language: None,
        waived_languages: None,
        enough_said: false,
    };
    let analyzer = taxonomy.analyzer();
    // Answers in Danish, Swedish or English are read as the bokmål an advisor would write; the
    // draft keeps them as written, and the advisor is told.
    let (read, neighbour) = foreign::in_norwegian(answers);
    let read = feedback::examples_read(&read, taxonomy);
    let read = checklist::ticked_read(&table::tables_read(&read));
    let read = discussion::agreed(&scales::marks_read(&portrait::told_plainly(&read)));
    if let Some(language) = neighbour {
        drafter.note(format!("svarene er skrevet på {} og lest som norsk: sjekk kriteriene", language.name()));
    }
    for clause in clauses::clauses(&read.must_have, analyzer) {
        drafter.requirement(&clause, Answer::MustHave);
    }
    for clause in clauses::clauses(&read.wishes, analyzer) {
        drafter.requirement(&clause, Answer::Wishes);
    }
    drafter.tasks_wished_as_experience();
    for clause in clauses::clauses(&read.room_to_adapt, analyzer) {
        drafter.adaptation(&clause);
    }
    drafter.draft
}

/// The workplace's own people, as the subject of a reason (`…, for arbeidslederen snakker polsk`,
/// `…, siden kollegaene snakker engelsk`); any leader (`arbeidslederen`, `formannen`) too. Not
/// `vi`: `…, da vi snakker engelsk på laget` says which language the work is done in.
const WORKPLACE_PEOPLE: &[&str] = &["laget", "teamet", "kollegaene", "kollegane", "sjefen", "formannen"];

/// What an employer is or has when it says where the job is (`Vi er et lite firma`, `Jeg har
/// butikk`), as words or the end of a compound (`jernvarebutikk`, `familiebedrift`).
const WORKPLACES: &[&str] = &[
    "firma",
    "bedrift",
    "butikk",
    "verksted",
    "gård",
    "gard",
    "kafé",
    "kafe",
    "restaurant",
    "hotell",
    "team",
    "avdeling",
    "kjede",
    "selskap",
    "fabrikk",
    "barnehage",
    "sykehjem",
    "klinikk",
    "salong",
    "kontor",
    "forretning",
    "senter",
    "foretak",
    "kiosk",
    "bakeri",
    "sagbruk",
    "byrå",
    "verft",
];

/// Whether a must-marker asks something of the candidate: `Tolmodig – nokre bilistar blir sure
/// når dei må vente` says what others must do.
fn asks_the_candidate(words: &[&str]) -> bool {
    let subordinate = |before: &[&str]| {
        before.iter().any(|w| matches!(*w, "når" | "fordi" | "da" | "hvis" | "viss" | "dersom" | "siden" | "sidan"))
    };
    (0..words.len()).any(|j| {
        let others =
            j > 0 && matches!(words[j - 1], "de" | "dei" | "han" | "hun" | "ho") && subordinate(&words[..j - 1]);
        // `boltene må trekkes til`: what must be done to a thing, asked of no one.
        let passive = clauses::done_to(Some(words[j]), words.get(j + 1).copied());
        MUST_MARKERS.contains(&words[j]) && !others && !passive
    })
}

/// Whether `må` is followed by how often (`må ofte`, `må av og til`) or a welcome (`må gjerne`).
fn says_how_often(words: &[&str]) -> bool {
    words.windows(2).any(|w| {
        matches!(w[0], "må" | "skal")
            && matches!(
                w[1],
                "ofte" | "gjerne" | "innimellom" | "iblant" | "stundom" | "av" | "somme" | "noen" | "nokre"
            )
    })
}

/// Whether an experience asked for only points at the job (`tilsvarende arbeid`, `lignende
/// stilling`, `samme bransje`) rather than naming one.
fn names_the_job_itself(value: &str) -> bool {
    const POINTING: &[&str] = &["tilsvarende", "lignende", "liknende", "liknande", "samme", "relevant", "relevante"];
    const THE_JOB: &[&str] = &[
        "arbeid",
        "arbeidet",
        "stilling",
        "stillinger",
        "jobb",
        "jobber",
        "yrke",
        "bransje",
        "bransjen",
        "arbeidsoppgaver",
    ];
    let words: Vec<String> = value.split_whitespace().map(str::to_lowercase).collect();
    words.iter().any(|w| POINTING.contains(&w.as_str()))
        && words.iter().all(|w| POINTING.contains(&w.as_str()) || THE_JOB.contains(&w.as_str()))
}

fn empty_draft(id: &str, answers: &ReflectionAnswers) -> Draft {
    Draft {
        need: JobNeed {
            id: id.to_string(),
            title: String::new(),
            municipality: None,
            location: None,
            extent_percent: None,
            answers: answers.clone(),
            criteria: Vec::new(),
            adaptable: Adaptable::default(),
            max_distance_km: None,
            start_date: None,
            top: None,
            checked: Vec::new(),
        },
        unrecognised: Vec::new(),
        refused: Vec::new(),
        not_understood: Vec::new(),
        notes: Vec::new(),
    }
}

struct Drafter<'a> {
    taxonomy: &'a Taxonomy,
    today: Date,
    draft: Draft,
    wish_rank: u32,
    /// The language criterion the clause before drafted, if it drafted one (a contrast after it
    /// may say how well: `…, men du må klare å prate med gjestene`).
    previous_language: Option<usize>,
    /// The languages the room-to-adapt clause before said need not be good (`norsken treng
    /// ikkje vere god`): a `men du må forstå …` after it asks for them at the lowest level.
    waived_languages: Option<Vec<String>>,
    /// Whether the clause being read says what it names is enough (`T2 holder`).
    enough_said: bool,
}

impl Drafter<'_> {
    /// A clause of the must-have or wishes answer.
    fn requirement(&mut self, clause: &Clause, answer: Answer) {
        let words: Vec<&str> = clause.words.iter().map(|w| w.text.as_str()).collect();
        // `Vi tilbyr konkurransedyktig lønn`, `Lønn etter avtale`: what the employer offers asks
        // nothing of the candidate.
        let offers = matches!(
            words.as_slice(),
            ["vi" | "me", "tilbyr" | "tilbyd" | "gir", ..] | ["vi" | "me", "kan", "tilby", ..]
        ) || matches!(words.as_slice(), ["tilbyr" | "tilbyd", ..] | ["lønn" | "løn", "etter", ..]);
        if offers {
            return;
        }
        // `Alle må ta truckkurs, men det betaler de`: after a contrast, the employer giving or
        // paying for it is room to adapt, said among the requirements.
        let employer_gives = words.first() == Some(&"men")
            && words.iter().any(|w| EMPLOYER.contains(w))
            && words.iter().any(|w| TRAINING.contains(w))
            && !words.iter().any(|w| NEGATION.contains(w));
        if answer == Answer::MustHave && employer_gives {
            self.adaptation(clause);
            return;
        }
        let mut recognised = recognise(clause, self.taxonomy, self.today);
        recognise::drop_absent_demands(clause, &words, &mut recognised);
        if answer == Answer::MustHave && taken_later(&words) && self.taught_once_hired(&words, &mut recognised) {
            return;
        }
        self.enough_said = words.iter().any(|w| SUFFICES.contains(w));
        let previous_language = self.previous_language.take();
        // `Norsk eller engelsk holder, men du må klare å prate med gjestene`: speaking, asked in a
        // contrast right after a language was named, is asked of that language (B1).
        let names_language =
            recognised.found.iter().any(|f| matches!(f, Found::Criterion { kind: CriterionKind::Language, .. }));
        if let (Some(&"men"), false, Some(verb)) = (words.first(), names_language, recognise::asks_speaking(&words)) {
            if let Some(language) = previous_language.and_then(|at| self.draft.need.criteria.get_mut(at)) {
                if language.min_level.is_none_or(|level| level < LanguageLevel::B1) {
                    language.min_level = Some(LanguageLevel::B1);
                }
                recognised.take(verb, verb);
            }
        } else if let (Some(&"men"), false, Some(_)) = (words.first(), names_language, previous_language) {
            // `…, men du må forstå en arbeidsordre`: what is understood or read in it, asked in a
            // contrast right after a language, is what that language is for (its level stays).
            let understands = (1..words.len())
                .find(|&j| recognise::communicates(words[j]) && matches!(words[j - 1], "må" | "kunne" | "å"));
            if let Some(verb) = understands.filter(|&verb| (verb..words.len()).all(|j| !recognised.used[j])) {
                recognised.take(verb, words.len() - 1);
            }
        }
        // `Norsk eller engelsk, men du må kunne rope en beskjed og forstå den (B1)`: a level code
        // in a contrast right after a language is that language's level; so is one the clause
        // opens with to say it is enough (`… forstå deg på norsk; B1 er nok`).
        // `…; B1 i ett av dem må du ha`: a level in one of the languages named before, the same.
        let in_one_of = matches!(words.get(1..3), Some(["i" | "på", "ett" | "eitt" | "ein" | "en" | "begge"]));
        let level_enough = words.first().is_some_and(|w| clauses::level_code(w))
            && (words.len() == 1
                || in_one_of
                || words[1..].iter().take(3).any(|w| SUFFICES.contains(w) || ENOUGH.contains(w)));
        if !names_language && (words.first() == Some(&"men") || level_enough) {
            let code = (0..words.len()).find(|&j| !recognised.used[j] && clauses::level_code(words[j]));
            let language = previous_language.and_then(|at| self.draft.need.criteria.get_mut(at));
            if let (Some(code), Some(language)) = (code, language) {
                if let Ok(level) = words[code].parse::<LanguageLevel>() {
                    language.min_level = Some(level);
                    // What the contrast asks before the code is what the language is for.
                    let from = if code > 0 && (1..code).all(|j| !recognised.used[j]) { 1 } else { code };
                    recognised.take(from, code);
                }
            }
        }
        let drafted_before = self.draft.need.criteria.len();
        // `Du trenger ikke snakke mye med gjestene, så norsk på A2 er nok`: what `så` says is
        // enough is still asked; what the first half waives is not.
        let enough_after = (0..words.len()).find(|&so| {
            words[so] == "så"
                && says_not_needed(&words[..so])
                && !says_not_needed(&words[so..])
                && words[so..].iter().any(|w| ENOUGH.contains(w) || SUFFICES.contains(w))
        });
        if let Some(so) = enough_after {
            recognised.found.retain(|f| !matches!(f, Found::Criterion { at, .. } if *at < so));
        }
        let not_needed = enough_after.is_none()
            && says_not_needed(&words)
            && !recognise::language_ability_waived(&words, self.taxonomy);
        let employer_does = |from: usize| statement::employer_does(&words, &recognised, from);
        let asks = |from: usize| statement::asks(&words, from);
        let asks_before = |until: usize, from: usize| statement::asks(&words[..until], from);
        let statement::Standing { about_the_job, introduces, headline, reinforces } =
            statement::standing(clause, &words, &recognised, answer);
        // `Førerkort B, vi kjører mellom anleggene`: the same, said after a comma.
        let ours_from = clause.context_from.filter(|&from| employer_does(from) && !asks(from));
        let context = about_the_job.then_some(0).or(clause.context_from).filter(|&from| {
            let statement = &words[from..];
            // A reason is context however it is said (`fordi du skal svare på telefon`), as is a
            // parenthesis saying what the candidate will do (`førerkort B (du skal flytte
            // bilene)`; only a parenthesis starts a statement with `du skal`).
            let will_do = clause.context_from == Some(from) && statement.starts_with(&["du", "skal"]);
            let reason = will_do
                || statement.first().is_some_and(|w| {
                    clauses::BECAUSE.contains(w)
                        || clauses::BECAUSE_BEFORE_SUBJECT.contains(w)
                        || clauses::SERVED_SUBJECTS.contains(w)
                });
            answer == Answer::MustHave
                && (reason || !asks(from) || (from == 0 && (introduces || headline || reinforces)))
        });
        // A closing parenthesis in the wishes gives examples of the wish (`kan fikse litt av kvart
        // (vedhogst, småreparasjonar)`): what it names is wished for too.
        let examples = clause.text.trim_end_matches(['.', ' ']).ends_with(')');
        // `Førerkort B, vi henter hunder med bil`: in the wishes too, a statement about the job
        // names no wish of its own.
        let statement_from = clause.context_from.filter(|&from| answer == Answer::Wishes && !examples && !asks(from));
        // `Vi bruker Tripletex, så du må kunne bruke et regnskapsprogram`: a statement about the
        // job before `så du må` is the reason for what is asked after it. A demand, a shift or a
        // language it names stays asked (`vi går i toskift, dag og kveld, så du må kunne jobbe
        // begge`); a skill or a certificate in it is what the job uses, and the second half says
        // what is asked of the candidate.
        // `…, og det må du kunne forklare dem på norsk`: `og det` before what is asked, the same.
        // `…, og sjefen krever at du …`: `og` before who at the employer asks it, the same.
        let so_or_and_that = |at: usize| {
            words[at] == "så"
                || (words[at] == "og"
                    && matches!(words.get(at + 1), Some(&("det" | "dette" | "da" | "då" | "dem" | "dei" | "den")))
                    && words.get(at + 2).is_some_and(|w| MUST_MARKERS.contains(w)))
                || (words[at] == "og"
                    && words.get(at + 1).is_some_and(|w| clauses::BOSSES.contains(w))
                    && matches!(words.get(at + 2), Some(&("krever" | "krev" | "forventer" | "forventar"))))
        };
        // `Du må jobbe helg, gudstenester er ofte laurdag, så du må …`, `…, senteret er åpent
        // lørdag, og du må ta annenhver`: a statement between a comma and what is asked after it
        // tells why; what it names warns of nothing.
        let asked_after = |at: usize| {
            so_or_and_that(at)
                || (words[at] == "og"
                    && matches!(words.get(at + 1), Some(&("du" | "dere")))
                    && words.get(at + 2).is_some_and(|w| MUST_MARKERS.contains(w)))
        };
        let told_before_so = clause.context_from.and_then(|from| {
            (from + 1..words.len()).find(|&at| asked_after(at)).filter(|&so| !asks_before(so, from)).map(|so| from..so)
        });
        let reason_until = (0..words.len()).find(|&at| so_or_and_that(at)).filter(|&so| {
            // `Frokosten starter 06.30, så du må møte tidlig`: a noun and its verb say how the
            // job is, as `vi …` does.
            // `All dokumentasjon er på engelsk, så …`: a quantity may open the noun.
            let noun = usize::from(matches!(words[0], "all" | "alle" | "alt" | "mye" | "mykje" | "halvparten"));
            // `Helgene er hektiske, så de må du kunne jobbe`: a time of the job may be the noun.
            let a_time = recognised
                .found
                .iter()
                .any(|f| matches!(f, Found::Criterion { kind: CriterionKind::Shift, at, .. } if *at == noun));
            let said_of_the_job = words.len() > noun + 2
                && (!recognised.used[noun] || a_time)
                && !matches!(words[noun], "du" | "dere" | "de" | "man")
                && (words[noun + 1].ends_with("er")
                    || words[noun + 1].ends_with("ar")
                    || matches!(words[noun + 1], "er" | "har" | "går"));
            let subject =
                words.first().is_some_and(|w| clauses::CONTEXT_SUBJECTS.contains(w) && *w != "det") || said_of_the_job;
            let you = |w: &&str| matches!(*w, "du" | "dere" | "man" | "me" | "det" | "personen" | "vedkommende");
            // `så nattskift må du kunne ta`: what is asked may come before who is asked.
            let asked_of_you = (words.get(so + 1).is_some_and(you)
                && words.iter().skip(so + 2).take(2).any(|w| MUST_MARKERS.contains(w)))
                || (words.get(so + 2).is_some_and(|w| MUST_MARKERS.contains(w)) && words.get(so + 3).is_some_and(you));
            // `Vi kjører rundt til kundene i varebil, så førerkort B er et must`, `Forrige sommer
            // snakket vi mer engelsk enn norsk med gjestene, så engelsken må sitte (minst B1)`:
            // whatever opens the sentence, a first half that asks nothing before a second half
            // that asks something named is the reason for it.
            let named_after = recognised.found.iter().any(|f| matches!(f, Found::Criterion { at, .. } if *at > so))
                || (so + 1..words.len()).any(|j| recognised.used[j]);
            let says_how = words.get(so + 1).is_some_and(|w| matches!(*w, "lenge" | "godt" | "mye" | "at" | "snart"));
            let asks_after =
                words[so + 1..].iter().any(|w| MUST_MARKERS.contains(w) || matches!(*w, "trenger" | "treng"));
            let plain_reason = so > 1
                && answer == Answer::MustHave
                && named_after
                && asks_after
                && !says_how
                && !words[..so].iter().any(|w| MUST_MARKERS.contains(w) || SOFTENERS.contains(w));
            (subject && asked_of_you) || plain_reason
        });
        // `Om morgenen flytter vi paller med potteplanter – tunge løft må du tåle`, `Vi er ute
        // heile dagen og grev, klipper og rakar – ute i all slags vêr må du tole`: how the day
        // goes, told before a dash or a colon, is the reason for what is asked after it, as
        // before `så`.
        let told_then_asked =
            clause.breaks.iter().rev().filter(|(_, c)| !matches!(c, ',' | ';')).map(|b| b.0).find(|&at| {
                answer == Answer::MustHave
                && clause.turned_away.is_none()
                && at < words.len()
                && clauses::tells_how_it_is(&words[..at])
                && !asks_before(at, 0)
                && !words[..at].iter().any(|w| SOFTENERS.contains(w))
                && words[at..].iter().any(|w| MUST_MARKERS.contains(w))
                // `… førerkort klasse B – hun flyttet bilene …, så det er et krav`: what `det`
                // asks for was named before the break.
                && !(at..words.len()).any(|k| {
                    MUST_MARKERS.contains(&words[k])
                        && words[k.saturating_sub(3).max(at)..k].iter().any(|w| matches!(*w, "det" | "dette"))
                })
                // What is asked is named after the break, or is the level of a language named
                // before it (`…, på norsk eller engelsk – du må forstå dem, minst B1`).
                && (recognised.found.iter().any(|f| matches!(f, Found::Criterion { at: named, .. } if *named >= at))
                    || words[at..].iter().any(|w| clauses::level_code(w)))
            });
        // `Før du får stå på kanten, må du ha bestått livredningsprøva`: when the requirement
        // must be met, said first, asks nothing itself; what it names is not asked.
        let when_first = matches!(words.as_slice(), ["før" | "innen" | "når", "du" | "dere", ..])
            .then(|| clause.breaks.iter().find(|(_, c)| *c == ',').map(|b| b.0))
            .flatten()
            .filter(|&at| !asks_before(at, 0) && words[at..].iter().any(|w| MUST_MARKERS.contains(w)));
        // The reason's words, up to where what is asked starts (after `så`, or after the break;
        // the later of the two, `Vi åpner 06.30, så du møter 05.45 …: helg må du kunne`).
        let reason_part = [reason_until.map(|so| (so, so + 1)), told_then_asked.map(|at| (at, at))]
            .into_iter()
            .flatten()
            .max_by_key(|&(_, asked)| asked);
        // A language named only in the reason (`mer engelsk enn norsk`) is not asked where the
        // second half asks another (`så engelsken må sitte`).
        let named_from = |asked: usize, language: &str| words[asked..].iter().any(|w| w.starts_with(language));
        let languages: Vec<&str> = recognised.values(CriterionKind::Language).collect();
        let only_in_reason = |asked: usize, language: &str| {
            !named_from(asked, language) && languages.iter().any(|l| named_from(asked, l))
        };
        // `Beboerne er familier fra Syria`, `Vi har hatt folk som sovnet på vakt`: a sentence that
        // only tells how the job is, asking the candidate nothing, leaves no requirement unread.
        // What it names is read as ever (a condition of the job stays asked).
        let addressed = words.windows(2).any(|pair| match pair {
            [who, modal] | [modal, who] if matches!(*who, "du" | "dere" | "man" | "de") => MODALS.contains(modal),
            _ => false,
        }) || words.windows(2).any(|pair| matches!(pair, ["du" | "deg" | "dere", "som"]));
        let only_tells = answer == Answer::MustHave
            && !asks(0)
            && clause.turned_away.is_none()
            && !addressed
            && !words.iter().any(|w| SOFTENERS.contains(w))
            && clauses::tells_how_it_is(&words);
        // What a language is needed for (`norsk godt nok til å ta imot bestillinger`) asks
        // nothing more, up to the next `og` (which may add a requirement).
        // A language named twice (`på engelsk, så … engelsken god nok til …`) is found at its
        // first mention, so the words themselves are looked at too.
        let language_before = |from: usize| {
            let near = from.saturating_sub(7)..from;
            recognised.named_within(CriterionKind::Language, near.clone())
                || words[near].iter().any(|w| self.taxonomy.language(w).is_some())
        };
        // `så godt norsk at du kan svare kunder` says the same with `at du`, `norsk eller
        // engelsk holder, så lenge du forstår instruksene` with `så lenge`, `på et nivå der du kan
        // forklare en leiekontrakt` with `der du`, and `norsk (B2), du skal forklare …` with `du
        // skal`.
        let purpose = words
            .windows(2)
            .enumerate()
            .position(|(at, w)| {
                // `fordi du skal svare på telefon` is a reason, whose task is still asked.
                let reason = at > 0
                    && clauses::BECAUSE.iter().chain(clauses::BECAUSE_BEFORE_SUBJECT).any(|b| *b == words[at - 1]);
                matches!(
                    w,
                    ["til" | "for", "å"]
                        // `engelsken god nok til en omvisning`.
                        | ["nok", "til"]
                        // `A2 holder, bare de forstår en beskjed`: as long as.
                        | ["bare" | "berre", "du" | "de" | "dei" | "dere"]
                        | ["at", "du" | "dere" | "de" | "dei"]
                        | ["så" | "slik", "at"]
                        | ["så", "lenge"]
                        | ["der", "du"]
                ) || (matches!(w, ["du" | "de" | "dei", "skal"]) && !reason)
                    // `…, men du må forstå en arbeidsordre`: what is done in it.
                    // `Norsk: du er inne i folks hjem og må forklare …` the same.
                    || (matches!(w, ["du" | "de" | "dei" | "og", "må"])
                        && recognised.named_within(CriterionKind::Language, 0..at)
                        && words.get(at + 2).is_some_and(|v| {
                            recognise::communicates(v)
                                || (*v == "kunne" && words.get(at + 3).is_some_and(|v| recognise::communicates(v)))
                        }))
            })
            .filter(|&from| language_before(from) || words[from..].starts_with(&["du", "må"]));
        // `… til å lese oppskrifter og snakke med kollegaene`, `de skal gi råd om fôr og stell`:
        // an `og` that joins another purpose goes on; one before another requirement ends it.
        let requirement_after = |og: usize| {
            words.get(og + 1).is_some_and(|w| {
                MUST_MARKERS.contains(w)
                    || matches!(*w, "du" | "dere" | "ha" | "kunne" | "kan" | "være" | "vere" | "tåle" | "tole")
            }) || recognised.found.iter().any(|f| {
                matches!(f, Found::Criterion { kind, at, .. } if (og + 1..og + 4).contains(at)
                        && !matches!(kind, CriterionKind::Skill | CriterionKind::Occupation | CriterionKind::Interest))
            })
        };
        // `Norsk B1 (kundekontakt i butikk)`, `Norsk B1 – publikumskontakt`: a closing
        // parenthesis after a language, or what follows its level, says what it is for.
        let purpose = purpose.or_else(|| {
            let ends_in_aside = clause.text.trim_end_matches(['.', ' ']).ends_with(')');
            let after_level = |from: usize| from > 0 && clauses::level_code(words[from - 1]);
            clause.context_from.filter(|&from| {
                (ends_in_aside || after_level(from)) && answer == Answer::MustHave && language_before(from)
            })
        });
        let purpose = purpose.map(|from| {
            from..(from..words.len()).find(|&j| words[j] == "og" && requirement_after(j)).unwrap_or(words.len())
        });
        // `Båtbygger med fagbrev er drømmen, men ikke et krav`: what is named before `men ikke
        // (et) krav` is wished for, not waived.
        let wished_not_required = words.windows(4).position(|w| {
            w[0] == "men" && matches!(w[1], "ikke" | "ikkje") && (w[2].starts_with("krav") || w[3].starts_with("krav"))
        });
        let importance = match answer {
            _ if not_needed && wished_not_required.is_some_and(|at| at > 0) => Some(Importance::Adjustable),
            _ if not_needed => None,
            Answer::MustHave if (0..words.len()).any(|j| softens_at(&words, j)) => Some(Importance::Adjustable),
            Answer::MustHave => Some(Importance::Must),
            // `Nummer to: at du kan skru på maskiner`: a wish given its rank asks nothing.
            Answer::Wishes if clause.number.is_some() => Some(Importance::Adjustable),
            // `Du må ofte fikse småting selv` among the wishes says how the job goes, and `du må
            // gjerne ha …` welcomes: neither asks.
            _ if asks_the_candidate(&words) && !says_how_often(&words) => Some(Importance::Must),
            _ => Some(Importance::Adjustable),
        };
        let mut found = recognised.found.clone();
        found.sort_by_key(|f| match f {
            Found::Criterion { at, .. } => *at,
            _ => usize::MAX,
        });
        // `Førerkort B for utkjøring`: what a licence or course is for is no requirement of its own.
        let certificate_ends: Vec<usize> = found
            .iter()
            .filter_map(|f| match f {
                Found::Criterion { kind: CriterionKind::Certificate, value, at, .. } => {
                    Some(at + value.split_whitespace().count())
                }
                _ => None,
            })
            .collect();
        found.retain(|f| {
            !matches!(f, Found::Criterion { kind: CriterionKind::Skill | CriterionKind::Experience | CriterionKind::Occupation, at, .. }
                if *at > 0 && words[*at - 1] == "for" && certificate_ends.contains(&(*at - 1)))
        });
        let found = enumerations(
            found,
            &words,
            answer == Answer::Wishes || importance == Some(Importance::Adjustable),
            asks_one_of(&words),
        );
        // `vi trenger truckførerbevis, helst T4`: a softener said before what it softens leaves
        // the requirement already made a must-have. One said after the thing (`… er en
        // fordel`) softens the whole clause, as before.
        let softened_from = words.iter().position(|w| SOFTENS_WHAT_FOLLOWS.contains(w));
        let said_after = (0..words.len()).any(|j| softens_at(&words, j) && !SOFTENS_WHAT_FOLLOWS.contains(&words[j]));
        let required_before = softened_from.filter(|_| answer == Answer::MustHave && !said_after);
        // `Vi er døgnåpne, og nattugler er gull: du må kunne ta nattskift`: praise before a colon
        // or a dash, then a plain requirement after it — what is asked after the break stands
        // (named before it too, as here); what only the praise names stays a wish.
        let asked_after_praise = clause.breaks.iter().filter(|(_, c)| !matches!(c, ',' | ';')).find_map(|&(at, _)| {
            (answer == Answer::MustHave
                && at < words.len()
                && (0..at).any(|j| softens_at(&words, j))
                && !(at..words.len()).any(|j| softens_at(&words, j))
                && words[at..].iter().any(|w| MUST_MARKERS.contains(w)))
            .then_some(at)
        });
        // Whether the word at `at` stands in a reason after a comma whose subject `subject`
        // accepts (`…, da stillingen omfatter brøyting`, `…, for arbeidslederen snakker polsk`).
        let in_reason_of = |at: usize, subject: &dyn Fn(&str) -> bool| {
            clause.context_from.is_some_and(|from| {
                at >= from
                    && clauses::BECAUSE.iter().chain(clauses::BECAUSE_BEFORE_SUBJECT).any(|b| *b == words[from])
                    && words.get(from + 1).is_some_and(|w| subject(w))
            })
        };
        let mut previous: Option<usize> = None;
        for found in found {
            match found {
                Found::Criterion { kind, value, min_level, min_years, at } => {
                    let Some(mut importance) = importance else { continue };
                    let for_the_language =
                        kind != CriterionKind::Language && purpose.as_ref().is_some_and(|p| p.contains(&at));
                    let facts_of_the_job =
                        matches!(kind, CriterionKind::Demand | CriterionKind::Shift | CriterionKind::Language);
                    // `Du kjører truck, så du må ha truckførerbevis`: named again after `så`, it is
                    // asked there.
                    // `Vi har åpent til tre om natta i helgene, så du må kunne jobbe kveld og helg`:
                    // a shift the reason names is not asked where the second half names the
                    // shifts it asks.
                    let shifts_asked_after =
                        |asked: usize| recognised.kind_named_after(CriterionKind::Shift, asked.saturating_sub(1));
                    let reason = reason_part.is_some_and(|(end, asked)| {
                        at < end
                            && (!facts_of_the_job
                                || (kind == CriterionKind::Language && only_in_reason(asked, &value))
                                || (kind == CriterionKind::Shift && shifts_asked_after(asked)))
                            && !recognised.named_again_after(kind, &value, asked - 1)
                    });
                    // `Portørene går mye`: the job's people, as the subject of a statement about
                    // it, are no occupation asked of the candidate.
                    let subject = at == 0
                        && kind == CriterionKind::Occupation
                        && clauses::opens_statement(words[0], words.get(1).copied());
                    // `Vi lager kjøkken og møbler på bestilling`: what the employer makes or the
                    // job is made of names its own work, not a trade, a skill or experience asked
                    // of the candidate. Its conditions (dust, nights, a language) stay asked.
                    // `når togene står`: a thing of the job that stands asks no standing of the
                    // candidate (its people do: `ekspeditørene står hele dagen`).
                    let people = |before: usize| {
                        recognised.found.iter().any(|f| {
                            matches!(f, Found::Criterion { kind: CriterionKind::Occupation, at, .. } if *at == before)
                        }) || clauses::SERVED_SUBJECTS.contains(&words[before])
                    };
                    let things_posture = kind == CriterionKind::Demand
                        && at > 0
                        && words[at] == "står"
                        && clauses::definite_noun(words[at - 1])
                        && !people(at - 1);
                    // `norsk B1 pga. HMS`, `forstå norsk ifht sikkerhet`: what a requirement is
                    // about asks no trade or skill of its own.
                    let topic =
                        clause.context_from.is_some_and(|from| at >= from && clauses::names_a_topic(&words[from..]));
                    // `…, da stillingen omfatter brøyting`: the job, as the subject of the reason
                    // for a requirement, names its own work there.
                    let jobs_reason = in_reason_of(at, &|w| JOB_ITSELF.contains(&w));
                    // `…, det er da medlemmene trener`: what the people the job serves do, said
                    // after what is asked, names nothing asked of the candidate either.
                    let served_do = context.is_some_and(|from| {
                        at >= from
                            && words[from..].iter().any(|w| clauses::SERVED_SUBJECTS.contains(w))
                            && !words[from..].iter().any(|w| matches!(*w, "du" | "deg" | "dere"))
                    });
                    // A headline's theme (`gi elektronikk et nytt liv!`) stays a liking that fits.
                    let headline_theme = headline && kind == CriterionKind::Interest;
                    let the_jobs_own = (about_the_job && !headline_theme)
                        || topic
                        || jobs_reason
                        || served_do
                        || ours_from.is_some_and(|from| at >= from);
                    // `snakke med pleierne`, `samarbeide med kokkene`: the workplace's own people,
                    // named as whom one talks or works with, are no occupation asked.
                    // `… må forstå kva sjukepleiarane ber om`: any occupation in the definite plural
                    // names the workplace's people, not the trade asked.
                    let definite_plural =
                        ["ene", "ane", "erne", "arne", "rane"].iter().any(|end| words[at].ends_with(end));
                    let colleagues = kind == CriterionKind::Occupation
                        && words[at].chars().count() > 5
                        && ((at > 0
                            && words[at - 1] == "med"
                            && (words[at].ends_with("ne") || words[at].ends_with("na")))
                            || definite_plural);
                    // `norsk er et krav, da du tar imot kunder på telefon`: in the reason for a
                    // language, `på telefon` is the way it is spoken, no skill asked of its own.
                    let channel = kind == CriterionKind::Skill
                        && at > 0
                        && words[at - 1] == "på"
                        && context.is_some_and(|from| {
                            at >= from && recognised.named_within(CriterionKind::Language, 0..from)
                        });
                    // `Lørdag må de jobbe, det er da vi selger mest`: a statement about the job that
                    // asks nothing names no occupation asked (`selger` is what the shop does).
                    // `Du kan jobbe kveld, bestillingene plukkes fra fire til midnatt`: nor is the
                    // work a statement after the comma says a thing of the job goes through.
                    let occupation_told = context.is_some_and(|from| {
                        at >= from
                            && !matches!(words[from], "du" | "dere")
                            && (kind == CriterionKind::Occupation
                                || (matches!(kind, CriterionKind::Experience | CriterionKind::Skill)
                                    && clauses::opens_statement(words[from], words.get(from + 1).copied())))
                    });
                    // `…, for arbeidslederen snakker både norsk og polsk`: a language the
                    // workplace's own people speak, named in the reason, is why less is asked.
                    let spoken_by_colleagues = kind == CriterionKind::Language
                        && in_reason_of(at, &|w| {
                            WORKPLACE_PEOPLE.contains(&w) || w.ends_with("lederen") || w.ends_with("leiaren")
                        });
                    // `Bestillingene plukkes fra fire til midnatt`: a sentence that only tells how
                    // the job goes names its work, not experience, a skill or a trade asked.
                    let work_told = only_tells
                        && clauses::tells_how_it_is(&words[..words.len().min(3)])
                        && matches!(kind, CriterionKind::Experience | CriterionKind::Skill | CriterionKind::Occupation);
                    // `ta imot bestillinger på norsk`: a task said in a language is what that
                    // language is for.
                    let in_a_language = matches!(kind, CriterionKind::Skill | CriterionKind::Experience)
                        && (at + 1..words.len().min(at + 5)).any(|j| {
                            words[j] == "på"
                                && words.get(j + 1).is_some_and(|w| self.taxonomy.language(w).is_some())
                                && !words[at..j].iter().any(|w| matches!(*w, "og" | "eller"))
                        });
                    if subject
                        || work_told
                        || in_a_language
                        || spoken_by_colleagues
                        || things_posture
                        || colleagues
                        || channel
                        || occupation_told
                        || (the_jobs_own && !facts_of_the_job)
                    {
                        continue;
                    }
                    // `…, beboerne må forstå deg`: the people a statement is about are no liking
                    // or quality asked of the candidate.
                    let liking = matches!(kind, CriterionKind::Interest | CriterionKind::Quality);
                    // `kjøre bilene inn og ut av hallen`: the job's things, handled, are no liking.
                    let handled = liking
                        && at > 0
                        && clauses::definite_noun(words[at])
                        && matches!(
                            words[at - 1],
                            "kjøre"
                                | "køyre"
                                | "flytte"
                                | "vaske"
                                | "bære"
                                | "løfte"
                                | "hente"
                                | "levere"
                                | "parkere"
                                | "sortere"
                                | "pakke"
                                | "stable"
                                | "rydde"
                        );
                    if handled {
                        continue;
                    }
                    // `Beboerne er familier fra Syria`: nor are the people a statement tells of.
                    let reason = reason
                        || (liking && !headline_theme && context.is_some_and(|from| at >= from))
                        || (liking && told_before_so.as_ref().is_some_and(|told| told.contains(&at)))
                        || (liking && only_tells);
                    let when_said = when_first
                        .is_some_and(|until| at < until && !recognised.named_again_after(kind, &value, until - 1));
                    if for_the_language || reason || when_said || statement_from.is_some_and(|from| at >= from) {
                        continue;
                    }
                    if required_before.is_some_and(|from| at < from) {
                        importance = Importance::Must;
                    }
                    if asked_after_praise
                        .is_some_and(|from| at >= from || recognised.named_again_after(kind, &value, from - 1))
                    {
                        importance = Importance::Must;
                    }
                    // An interest or a quality is never a wall: few profiles hold one (they come
                    // from veiledere's tags), so a drafted must-have of that kind would empty the
                    // list. `du må like å jobbe ute` becomes a wish.
                    // The advisor is told, so that nothing asked as a requirement is weakened unseen.
                    // `Lagerarbeid hele dagen`, `Stillasarbeid hver dag`: work named with how long or
                    // how often it is done describes the job; experience of it is welcome, not a wall.
                    let the_work_described = kind == CriterionKind::Occupation
                        && answer == Answer::MustHave
                        && !asks(0)
                        && !words.iter().any(|w| EXPERIENCE_WORDS.contains(w))
                        && (words.windows(2).any(|pair| {
                            matches!(pair, ["hele" | "heile", "dagen" | "tida" | "tiden" | "dag" | "skiftet"])
                                || (matches!(pair[0], "hver" | "kvar") && UNITS_OF_TIME.contains(&pair[1]))
                        }) || words.iter().any(|w| matches!(*w, "daglig" | "dagleg")));
                    // `Hun viste folk rundt på tunet alle helger – helgejobb er et krav`: the work the
                    // person before did, told, the same.
                    let the_person_did = kind == CriterionKind::Occupation
                        && answer == Answer::MustHave
                        && words.first().is_some_and(|w| clauses::PAST_TELLERS.contains(w))
                        && words.get(1).is_some_and(|w| clauses::told_past(w));
                    if matches!(kind, CriterionKind::Interest | CriterionKind::Quality)
                        || the_work_described
                        || the_person_did
                    {
                        if importance == Importance::Must {
                            self.note(format!("«{value}» står blant kravene, men er lagt inn som ønske"));
                        }
                        importance = Importance::Adjustable;
                    }
                    let ranked = importance == Importance::Adjustable && answer == Answer::Wishes;
                    // Wishes rank in the order written; a number sets the rank for its item, and
                    // `lager eller butikk` shares one.
                    // `kjøkken/matlaging, deretter kasse`: what comes next ranks next, whatever
                    // the `eller` before it joined.
                    let next = |w: &&str| matches!(*w, "deretter" | "dernest" | "derefter" | "sekundært");
                    let either =
                        previous.is_some_and(|p| words[p..at].contains(&"eller") && !words[p..at].iter().any(next));
                    // `jobba med born før, i barnehage, SFO eller som dagmamma`, `stått på eit
                    // kjøkken før, gjerne i ein kantine`: where, after a comma, says where the
                    // wish before it may have been met — the same wish.
                    let where_it_was = |w: &&str| {
                        matches!(
                            *w,
                            "gjerne"
                                | "helst"
                                | "i"
                                | "på"
                                | "som"
                                | "ved"
                                | "hos"
                                | "for"
                                | "en"
                                | "et"
                                | "ei"
                                | "ein"
                                | "eit"
                        )
                    };
                    // (`gjerne på maskin` says how, not where: `på` alone opens no place.)
                    // `gjerne for eit band` says whom it was done for: the same wish.
                    let place = |w: &&str| matches!(*w, "i" | "som" | "ved" | "hos" | "for");
                    // `fikser ting hjemme – sykkel, bil, hva som helst`: what a dash lists after a
                    // wish are its examples.
                    let example = previous.is_some_and(|p| {
                        clause.breaks.iter().any(|&(b, c)| {
                            (c == ','
                                && p < b
                                && b < at
                                && words[b..at].iter().all(where_it_was)
                                && words[b..at].iter().any(place))
                                || (matches!(c, '–' | '—' | '-') && p < b && b == at)
                        })
                    });
                    // `nøyaktig er nest viktigst – butikk kommer sist`: what is said to come last
                    // ranks after everything before it, whatever number its clause has.
                    let segment_start = clause.breaks.iter().map(|b| b.0).filter(|&b| b <= at).max().unwrap_or(0);
                    let segment_end =
                        clause.breaks.iter().map(|b| b.0).filter(|&b| b > at).min().unwrap_or(words.len());
                    let said_last = words[segment_start..segment_end.min(words.len())]
                        .windows(2)
                        .any(|pair| matches!(pair, ["kommer" | "kjem", "sist"]));
                    let rank = ranked.then(|| {
                        if said_last {
                            self.wish_rank = self.wish_rank.max(clause.number.unwrap_or(0)) + 1;
                        } else if !(either || example || (clause.number.is_some() && previous.is_some())) {
                            self.wish_rank =
                                clause.number.map_or(self.wish_rank + 1, |said| said.max(self.wish_rank.max(1)));
                        }
                        self.wish_rank
                    });
                    if ranked {
                        previous = Some(at);
                    }
                    let criterion = Criterion { kind, value, importance, rank, weight: None, min_level, min_years };
                    self.push(criterion);
                }
                Found::Percent(percent) => {
                    let current = self.draft.need.extent_percent.unwrap_or(0);
                    self.draft.need.extent_percent = Some(current.max(percent));
                }
                Found::Km(km) => self.draft.need.max_distance_km = Some(km),
                Found::Date(date) => self.draft.need.start_date = Some(date),
                Found::Refused { phrase, reason } => self.refuse(answer, phrase, reason),
                Found::Note(note) => self.note(note),
            }
        }
        // Reported on the page either way; only what may be a requirement warns.
        let unplaced = self.leftovers(clause, &recognised.used, answer);
        let unplaced = unplaced
            .into_iter()
            .filter(|_| !only_tells)
            .filter(|(words, _)| context.or(statement_from).is_none_or(|from| words.start < from))
            .filter(|(words, _)| reason_part.is_none_or(|(_, asked)| words.start >= asked))
            .filter(|(words, _)| when_first.is_none_or(|until| words.start >= until))
            .filter(|(words, _)| {
                !told_before_so.as_ref().is_some_and(|told| told.start <= words.start && words.end <= told.end)
            })
            .filter(|(words, _)| {
                !purpose.as_ref().is_some_and(|purpose| purpose.start <= words.start && words.end <= purpose.end)
            })
            .map(|(_, phrase)| phrase);
        if importance == Some(Importance::Must) {
            // A requirement nobody understood must not vanish from the shortlist unnoticed.
            self.draft.not_understood.extend(unplaced);
        }
        let criteria = &self.draft.need.criteria;
        self.previous_language =
            (drafted_before..criteria.len()).find(|&at| criteria[at].kind == CriterionKind::Language);
    }

    fn note(&mut self, note: String) {
        if !self.draft.notes.contains(&note) {
            self.draft.notes.push(note);
        }
    }

    /// `du må kunne stå i kassa og ta betalt` with `kasseerfaring er fint` among the wishes: the
    /// must-have named a task of the job, and the wish says that having done it before is not
    /// required. The must-have goes, the wish stays (a must-have would turn away everyone who has
    /// never stood at a till), and the advisor is told.
    fn tasks_wished_as_experience(&mut self) {
        let kinds = [ConceptKind::Skill, ConceptKind::Occupation];
        let criteria = &self.draft.need.criteria;
        let wished: Vec<Vec<crate::taxonomy::ConceptId>> = criteria
            .iter()
            .filter(|c| c.kind == CriterionKind::Experience && c.importance == Importance::Adjustable)
            .map(|c| self.taxonomy.find(&c.value, &kinds))
            .collect();
        let demoted: Vec<usize> = criteria
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind == CriterionKind::Skill && c.importance == Importance::Must)
            .filter(|(_, c)| {
                let task = self.taxonomy.find(&c.value, &kinds);
                wished.iter().any(|concepts| concepts.iter().any(|concept| task.contains(concept)))
            })
            .map(|(at, _)| at)
            .collect();
        for at in demoted.into_iter().rev() {
            let task = self.draft.need.criteria.remove(at);
            self.note(format!(
                "«{}» står blant kravene, men erfaring med det er et ønske: lagt inn som ønske",
                task.value
            ));
        }
    }

    fn push(&mut self, criterion: Criterion) {
        if criterion.value.trim().is_empty() {
            return;
        }
        // `Truck må du ha, T4. … T2 holder.`: a truck class said to be enough replaces the class
        // asked before.
        if let Some(class) = criterion.value.strip_prefix("truckførerbevis ").filter(|_| self.enough_said) {
            let truck = self
                .draft
                .need
                .criteria
                .iter_mut()
                .find(|c| c.kind == CriterionKind::Certificate && c.value.starts_with("truckførerbevis"));
            if let Some(truck) = truck {
                truck.value = format!("truckførerbevis {class}");
                return;
            }
        }
        // `et støyende miljø, så du må tåle støy`: one demand, named twice.
        let demand =
            |c: &Criterion| (c.kind == CriterionKind::Demand).then(|| self.taxonomy.demand(&c.value)).flatten();
        // `praktisk anlagt og kunne bruke vanlig verktøy`: one quality, said two ways.
        let quality = |c: &Criterion| {
            if c.kind != CriterionKind::Quality {
                return None;
            }
            match self.taxonomy.find(&c.value, &[ConceptKind::Quality])[..] {
                [one] => Some(one),
                _ => None,
            }
        };
        // `livredningsprøven` and `livredningsprøve`: one certificate, in two forms.
        let stems = |c: &Criterion| self.taxonomy.analyzer().stems(&c.value);
        let one_certificate = |c: &Criterion| c.kind == CriterionKind::Certificate && stems(c) == stems(&criterion);
        let same = |c: &Criterion| {
            c.kind == criterion.kind
                && (c.value.eq_ignore_ascii_case(&criterion.value)
                    || one_certificate(c)
                    || demand(c).is_some_and(|d| demand(&criterion) == Some(d))
                    || quality(c).is_some_and(|q| quality(&criterion) == Some(q)))
        };
        if let Some(existing) = self.draft.need.criteria.iter_mut().find(|c| same(c)) {
            // Said twice: the stronger reading wins.
            if criterion.importance == Importance::Must {
                existing.importance = Importance::Must;
                existing.rank = None;
            }
            return;
        }
        self.draft.need.criteria.push(criterion);
    }

    fn refuse(&mut self, answer: Answer, text: String, reason: &str) {
        self.draft.refused.push(Refused { answer, text, reason: reason.to_string() });
    }
}

/// Whether a clause says any one of what it lists will do (`norsk og engelsk, du må klare en
/// av dem`, `enten norsk eller engelsk`).
fn asks_one_of(words: &[&str]) -> bool {
    let one = |w: &str| matches!(w, "en" | "ett" | "én" | "ei" | "eitt" | "eit");
    let them = |w: &str| matches!(w, "dem" | "dei" | "de" | "disse" | "desse" | "språkene" | "språka" | "delene");
    words.windows(3).any(|w| one(w[0]) && w[1] == "av" && them(w[2]))
}

/// Joins enumerations: `erfaring fra skole, SFO eller barnehage` is one experience criterion
/// (`skole eller sfo eller barnehage`, any of them), the cue word carrying over the list. Lists
/// joined by `og` stay separate must-haves (all are required), but become one either-or wish —
/// or one either-or must-have where the clause says one of them will do (`one_of`).
fn enumerations(found: Vec<Found>, words: &[&str], wish: bool, one_of: bool) -> Vec<Found> {
    let mut merged: Vec<Found> = Vec::new();
    let mut last_end: Option<usize> = None;
    for item in found {
        let Found::Criterion { kind, ref value, at, min_level: level, .. } = item else {
            merged.push(item);
            continue;
        };
        let width = value.split_whitespace().count().max(1);
        let previous = merged.iter_mut().rev().find(|f| matches!(f, Found::Criterion { .. }));
        if let (
            Some(Found::Criterion { kind: previous_kind, value: previous_value, min_level: previous_level, .. }),
            Some(end),
        ) = (previous, last_end)
        {
            let between: Vec<&str> = words.get(end..at).unwrap_or_default().to_vec();
            // `stell av hunder`: an activity and what it is done to are one thing asked for.
            if between == ["av"] && *previous_kind != CriterionKind::Language && kind != CriterionKind::Language {
                previous_value.push_str(" av ");
                previous_value.push_str(value);
                last_end = Some(at + width);
                continue;
            }
            let either = between.contains(&"eller") || one_of;
            // `som barista eller fra kafé`: a cue word may repeat after `eller`.
            let cue = |w: &str| matches!(w, "fra" | "frå" | "som" | "i" | "med" | "på" | "innen");
            let joined = between.iter().all(|w| matches!(*w, "eller" | "og" | "samt") || (either && cue(w)));
            let list_kind = matches!(
                previous_kind,
                CriterionKind::Experience
                    | CriterionKind::Interest
                    | CriterionKind::Occupation
                    | CriterionKind::Skill
                    | CriterionKind::Quality
            ) && matches!(
                kind,
                CriterionKind::Experience
                    | CriterionKind::Interest
                    | CriterionKind::Occupation
                    | CriterionKind::Skill
                    | CriterionKind::Quality
            );
            let same_kind = *previous_kind == kind || list_kind;
            let language_pair = *previous_kind == CriterionKind::Language && kind == CriterionKind::Language;
            // `fagbrev som tømrer eller snekker`: either trade.
            let either_trade = either && *previous_kind == CriterionKind::Education && kind == CriterionKind::Education;
            if joined
                && same_kind
                && (either || wish || between.is_empty())
                && (list_kind || language_pair || either_trade)
            {
                // `norsk eller engelsk på B1`: the level said once holds for either.
                *previous_level = (*previous_level).max(level);
                // `Service og kundebehandling`: a line of work and a skill, either of which
                // shows as experience.
                let pair = [*previous_kind, kind];
                if pair.contains(&CriterionKind::Occupation) && pair.contains(&CriterionKind::Skill) {
                    *previous_kind = CriterionKind::Experience;
                }
                if !previous_value.split(" eller ").any(|v| v == value) {
                    previous_value.push_str(" eller ");
                    previous_value.push_str(value);
                }
                last_end = Some(at + width);
                continue;
            }
        }
        last_end = Some(at + width);
        merged.push(item);
    }
    merged
}

/// Passives of getting a certificate (`kan tas`, `kan fås`).
const TAKEN_PASSIVE: &[&str] = &["tas", "takast", "fås", "fåast", "skaffes", "ordnes", "avlegges"];

/// Whether a clause says something may be got after hiring (`det kan tas etter oppstart`,
/// `kan tas underveis`); `må tas før oppstart` says the opposite.
fn taken_later(words: &[&str]) -> bool {
    words.windows(3).any(|w| w[0] == "kan" && TAKEN_PASSIVE.contains(&w[1]) && (later(w[2]) || w[2] == "i"))
        && words.iter().any(|w| later(w))
}

/// Words for «after hiring» (`etter oppstart`, `underveis`, `i etterkant`).
fn later(word: &str) -> bool {
    matches!(word, "etter" | "etterpå" | "senere" | "seinare" | "underveis" | "etterkant")
}

#[cfg(test)]
mod tests;
