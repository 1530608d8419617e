//! When and how much a clause asks: percentages, distances, dates (`midten av august`, `innen
//! to uker`) and shifts (`3-skift`, `fra klokka 6`, `dag og kveld`).

use time::{Date, Month};

use super::{Found, Recognised};
use crate::draft::clauses::MONTHS;
use crate::model::{CriterionKind, Shift};

pub(super) fn amounts_and_dates(words: &[&str], today: Date, out: &mut Recognised) {
    let mut i = 0;
    while i < words.len() {
        // `Bolig på campingen -> ingen avstandskrav`: the employer waives a distance limit. The
        // advisor set the need's limit, so they are told rather than overruled.
        if i > 0 && matches!(words[i - 1], "ingen" | "inga") && words[i].starts_with("avstandskrav") {
            out.add(Found::Note("arbeidsgiveren sier ingen avstandskrav: sjekk avstanden i behovet".to_string()));
            out.take(i - 1, i);
        }
        let number = words[i].parse::<f32>().ok();
        let next = words.get(i + 1).copied().unwrap_or_default();
        match (number, next) {
            (Some(n), "%" | "prosent") if (1.0..=100.0).contains(&n) => {
                out.add(Found::Percent(n as u8));
                // `vi kan gå ned til 60 %`: how far down belongs to the number.
                let down = i >= 2 && words[i - 2..i] == ["ned", "til"];
                let verb = down && i >= 3 && matches!(words[i - 3], "gå" | "går" | "trappe");
                out.take(
                    if verb {
                        i - 3
                    } else if down {
                        i - 2
                    } else {
                        i
                    },
                    i + 1,
                );
                // `mellom 60 og 80 %`, `fra 50 til 75 prosent`, `50–75 %`: the first number is a
                // percentage too.
                let joined = i >= 2 && matches!(words[i - 1], "og" | "til");
                let first_at = if joined { Some(i - 2) } else { i.checked_sub(1) };
                if let Some(at) = first_at {
                    if let Ok(first) = words[at].parse::<f32>() {
                        if (1.0..=100.0).contains(&first) {
                            out.add(Found::Percent(first as u8));
                            out.take(at, i - 1);
                        }
                    }
                }
            }
            // `vi kan gå ned til 40 for rett person`: how far the hours may go down is a
            // percentage when no unit follows.
            (Some(n), "" | "for" | "om" | "hvis" | "dersom" | "viss" | "og" | "men" | "ved" | "med")
                if i >= 2 && words[i - 2..i] == ["ned", "til"] && (1.0..=100.0).contains(&n) =>
            {
                out.add(Found::Percent(n as u8));
                let verb = i >= 3 && matches!(words[i - 3], "gå" | "går" | "trappe");
                out.take(if verb { i - 3 } else { i - 2 }, i);
            }
            // `Hele stillingen, men 80 går`, `80 kan vi leve med`, `60 er greit`: a round number
            // the employer accepts is a percentage of full time, with no unit written.
            (Some(n), "går" | "holder" | "held" | "kan" | "er") if accepted_share(words, i, n) => {
                out.add(Found::Percent(n as u8));
                out.take(i, i + 1);
            }
            (Some(n), "km" | "kilometer") if n > 0.0 => {
                out.add(Found::Km(n));
                out.take(i, i + 1);
            }
            _ => {}
        }
        // `innen 2 uker` (written `innen to uker`): a start within that long from today.
        let within = matches!(words[i], "innen" | "om" | "senest");
        if let (true, Some(n)) = (within, words.get(i + 1).and_then(|w| w.parse::<i64>().ok())) {
            let days = match words.get(i + 2).copied().unwrap_or_default() {
                "dag" | "dager" | "dagar" => Some(n),
                "uke" | "uker" | "veke" | "veker" => Some(n * 7),
                "måned" | "måneder" | "månad" | "månader" => Some(n * 30),
                _ => None,
            };
            if let Some(date) = days.filter(|d| (0..=366).contains(d)).map(|d| today + time::Duration::days(d)) {
                out.add(Found::Date(date));
                out.take(i, i + 2);
                i += 3;
                continue;
            }
        }
        if let Some((date, width)) = date_at(words, i, today) {
            out.add(Found::Date(date));
            out.take(i, i + width - 1);
            i += width;
            continue;
        }
        if matches!(words[i], "snarest" | "snarast" | "umiddelbart" | "straks") {
            out.take(i, i);
        }
        i += 1;
    }
}

enum MonthPart {
    Start,
    Middle,
    End,
}

/// A date starting at word `i` and how many words it spans: `1. februar [2027]`, `15.01.2027`,
/// `2027-01-15`, a part of a month (`midten av august`: the 15th), or a month after
/// `i`/`fra`/`til`/`innen` (its first day).
fn date_at(words: &[&str], i: usize, today: Date) -> Option<(Date, usize)> {
    let number = |j: usize| words.get(j).and_then(|w| w.parse::<i32>().ok());
    let month_at =
        |j: usize| words.get(j).and_then(|w| MONTHS.iter().position(|m| w.starts_with(m) && w.len() <= m.len() + 1));
    let build = |year: Option<i32>, month: usize, day: u8| -> Option<Date> {
        let month = Month::try_from(month as u8 + 1).ok()?;
        match year {
            Some(year) => Date::from_calendar_date(year, month, day).ok(),
            None => {
                let this_year = Date::from_calendar_date(today.year(), month, day).ok()?;
                if this_year >= today {
                    Some(this_year)
                } else {
                    Date::from_calendar_date(today.year() + 1, month, day).ok()
                }
            }
        }
    };
    if let (Some(day), Some(month)) = (number(i), month_at(i + 1)) {
        let year = number(i + 2).filter(|y| (2000..2100).contains(y));
        return Some((build(year, month, u8::try_from(day).ok()?)?, if year.is_some() { 3 } else { 2 }));
    }
    if let (Some(a), Some(b), Some(c)) = (number(i), number(i + 1), number(i + 2)) {
        if (2000..2100).contains(&a) && (1..=12).contains(&b) {
            return Some((build(Some(a), b as usize - 1, u8::try_from(c).ok()?)?, 3));
        }
        if (2000..2100).contains(&c) && (1..=12).contains(&b) {
            return Some((build(Some(c), b as usize - 1, u8::try_from(a).ok()?)?, 3));
        }
    }
    // `midten av august`, `slutten av mars`, `medio juni`: a part of a month is a day in it.
    let part = match words[i] {
        "starten" | "begynnelsen" | "primo" => Some(MonthPart::Start),
        "midten" | "medio" | "midt" => Some(MonthPart::Middle),
        "slutten" | "utgangen" | "enden" | "ultimo" => Some(MonthPart::End),
        _ => None,
    };
    if let Some(part) = part {
        let of = usize::from(matches!(words.get(i + 1).copied(), Some("av" | "i" | "på")));
        if let Some(month) = month_at(i + 1 + of) {
            let year = number(i + 2 + of).filter(|y| (2000..2100).contains(y));
            let first = build(year, month, 1)?;
            let date = match part {
                MonthPart::Start => first,
                MonthPart::Middle => first.replace_day(15).ok()?,
                MonthPart::End => first.replace_day(first.month().length(first.year())).ok()?,
            };
            return Some((date, 2 + of + usize::from(year.is_some())));
        }
    }
    if let Some(month) = month_at(i) {
        let after_preposition = i > 0 && matches!(words[i - 1], "i" | "fra" | "til" | "innen" | "etter");
        if after_preposition || i == 0 {
            let year = number(i + 1).filter(|y| (2000..2100).contains(y));
            return Some((build(year, month, 1)?, if year.is_some() { 2 } else { 1 }));
        }
    }
    None
}

pub(super) fn shifts(words: &[&str], out: &mut Recognised) {
    let before = out.found.len();
    for (i, word) in words.iter().enumerate() {
        if out.used[i] {
            continue;
        }
        // `morgenmelking fra kl 05`: a morning task is day work.
        let morning_task =
            ["morgen", "morgon"].iter().any(|m| word.starts_with(m) && word.chars().count() > m.chars().count() + 3);
        if morning_task && Shift::parse(word).is_none() {
            out.criterion(CriterionKind::Shift, Shift::Dag.name().to_string(), i);
            out.take(i, i);
            continue;
        }
        // `her må du være nattugle`, `nattugler er gull`: one who is awake at night works nights.
        if word.starts_with("nattugl") {
            out.criterion(CriterionKind::Shift, Shift::Natt.name().to_string(), i);
            out.take(i, i);
            continue;
        }
        // `frå morgon til kveld`: how long the day is, no shift of its own.
        let day_long = matches!(*word, "fra" | "frå" | "fram")
            && words.get(i + 1).is_some_and(|w| w.starts_with("morg") || matches!(*w, "tidlig" | "tidleg"))
            && words.get(i + 2) == Some(&"til")
            && words
                .get(i + 3)
                .is_some_and(|w| w.starts_with("kveld") || w.starts_with("sein") || w.starts_with("sen"));
        if day_long && !out.used[i + 1] && !out.used[i + 3] {
            out.take(i, i + 3);
            continue;
        }
        // `Må jobbe dag`: day work, said with its verb.
        let works = |w: &str| matches!(w, "jobbe" | "jobbar" | "jobber" | "arbeide" | "arbeider" | "arbeida");
        // `arbeidstiden er dag, sju til halv tre`: the working hours said to be day.
        let hours_are = i > 1 && words[i - 1] == "er" && words[i - 2].starts_with("arbeidstid");
        if matches!(*word, "dag" | "dagtid")
            && i > 0
            && (works(words[i - 1]) || hours_are)
            && words.get(i + 1) != Some(&"og")
        {
            out.criterion(CriterionKind::Shift, Shift::Dag.name().to_string(), i);
            out.take(i, i);
            continue;
        }
        // `dagane må du ta`: the days, asked.
        if matches!(*word, "dagene" | "dagane") && words.get(i + 1) == Some(&"må") {
            out.criterion(CriterionKind::Shift, Shift::Dag.name().to_string(), i);
            out.take(i, i);
            continue;
        }
        // `dag, kveld og natt på rullering`: a rota, said another way.
        if matches!(*word, "rullering" | "rullerende" | "rotasjon") {
            out.criterion(CriterionKind::Shift, Shift::Turnus.name().to_string(), i);
            out.take(i, i);
            continue;
        }
        if others_move(words, i) {
            // Who comes or goes, when, and nothing asked of the candidate.
            out.take(i - 2, (i + 1).min(words.len() - 1));
            continue;
        }
        if let Some((shift, last)) = shift_of_time(words, i).or_else(|| hours_between(words, i)) {
            out.criterion(CriterionKind::Shift, shift.name().to_string(), i);
            // `vi starter klokka 7`, `møte fra kl. 6`, `går hjem kl 23`: the start or the end
            // belongs to the time.
            let from = (i.saturating_sub(3)..i)
                .find(|&at| !out.used[at] && (START_WORDS.contains(&words[at]) || END_WORDS.contains(&words[at])));
            out.take(from.unwrap_or(i), last);
            continue;
        }
        // `begynne tidlig`, `tidlige morgener`, `tidligvakter`: an early start is a day shift.
        let started_early =
            matches!(*word, "tidlig" | "tidleg") && i > 0 && START_WORDS.contains(&words[i - 1]) && !out.used[i - 1];
        // `tidlige morgener`, `Tidlig start, kl. 06`: the early start named.
        let early_mornings = matches!(*word, "tidlige" | "tidlege" | "tidlig" | "tidleg")
            && words
                .get(i + 1)
                .is_some_and(|w| w.starts_with("morg") || matches!(*w, "start" | "oppstart" | "oppmøte"));
        let early_watch =
            ["tidligvakt", "tidlegvakt", "tidligskift", "tidlegskift"].iter().any(|w| word.starts_with(w));
        // `seinskift`, `senvakt`: the late shift is the evening.
        let late_watch = ["seinskift", "senskift", "seinvakt", "senvakt"].iter().any(|w| word.starts_with(w));
        if late_watch {
            out.criterion(CriterionKind::Shift, Shift::Kveld.name().to_string(), i);
            out.take(i, i);
            continue;
        }
        if started_early || early_mornings || early_watch {
            out.criterion(CriterionKind::Shift, Shift::Dag.name().to_string(), i);
            out.take(if started_early { i - 1 } else { i }, if early_mornings { i + 1 } else { i });
            continue;
        }
        // `3-skift`, `treskift`: day, evening and night in turn; `2-skift`: day and evening;
        // shift work with no number is a rota.
        if let Some(rota) = numbered_shifts(words, i) {
            for shift in rota {
                out.criterion(CriterionKind::Shift, shift.name().to_string(), i);
            }
            let first = i.saturating_sub(usize::from(i > 0 && matches!(words[i - 1], "3" | "2" | "tre" | "to")));
            // `gå 3-skift`: the verb of working shifts, not walking.
            let verb = first > 0 && matches!(words[first - 1], "gå" | "går") && !out.used[first - 1];
            out.take(first - usize::from(verb), i);
            continue;
        }
        // `kveldsjobbing`, `helgejobb`: work at that time is that shift.
        // `Det er en nattstilling`: a position at that time, the same.
        let bare = ["sskift", "skift", "sjobbing", "jobbing", "sjobb", "jobb", "sstilling", "stilling"]
            .iter()
            .find_map(|end| word.strip_suffix(end).filter(|base| !base.is_empty()))
            .unwrap_or(word);
        let watch = word
            .strip_suffix("svakter")
            .or_else(|| word.strip_suffix("svakt"))
            .or_else(|| word.strip_suffix("vakter"))
            .or_else(|| word.strip_suffix("vakt"))
            .filter(|base| !base.is_empty());
        let shift = Shift::parse(word).or_else(|| Shift::parse(bare)).or_else(|| watch.and_then(Shift::parse));
        // `Ingen helg`, `vi jobber ikke i helgene`, `fri i helgene`: a shift the job does not have.
        if let (Some(_), Some(negation)) = (shift, spared(words, i)) {
            out.take(negation, i);
            continue;
        }
        if let Some(shift) = shift {
            // `dag` alone is too common a word to be a shift requirement; a day or morning
            // watch (`morgenvakter`), `dagtid` or an early start (`om morgenen`) is one.
            let morning = matches!(*word, "morgen" | "morgenen" | "morgonen" | "morgenskift");
            // `dag og kveld`, `kveld eller dag`: beside another shift, `dag` is one too.
            let is_shift = |at: usize| {
                words.get(at).is_some_and(|w| {
                    let bare = ["svakter", "svakt", "vakter", "vakt", "skift"]
                        .iter()
                        .find_map(|end| w.strip_suffix(end))
                        .unwrap_or(w);
                    *w != "dag" && Shift::parse(bare).is_some()
                })
            };
            let joined = |at: Option<usize>| at.is_some_and(|at| matches!(words[at], "og" | "eller"));
            // `turnus med dag, kveld og helg`: a list of shifts, joined by commas too.
            let listed = (joined(Some(i + 1).filter(|&n| n < words.len())) && is_shift(i + 2))
                || (joined(i.checked_sub(1)) && i >= 2 && is_shift(i - 2))
                || is_shift(i + 1)
                || (i > 0 && is_shift(i - 1));
            // `butikkens viktigste dager`, `de travleste dagene`: which days, not the day shift.
            let which_days = i > 0 && words[i - 1].ends_with("ste");
            let bare_day = !matches!(*word, "dagtid" | "dagskift") && !morning && watch.is_none();
            if shift == Shift::Dag && bare_day && (!listed || which_days) {
                continue;
            }
            out.criterion(CriterionKind::Shift, shift.name().to_string(), i);
            out.take(i, i);
            // `gå i turnus`, `gå nattevakter`: the verb of working a shift.
            let verb = |at: usize| matches!(words[at], "gå" | "går");
            match i.checked_sub(1) {
                Some(before) if verb(before) => out.take(before, before),
                Some(before) if words[before] == "i" && before > 0 && verb(before - 1) => out.take(before - 1, before),
                _ => {}
            }
        }
    }
    // `Lange dager man-fre`, `mandag til fredag`: weekdays, with no shift named, are day work.
    let monday = |w: &str| matches!(w, "man" | "mandag" | "måndag");
    let friday = |w: &str| matches!(w, "fre" | "fredag");
    let weekdays = (0..words.len()).find(|&i| {
        monday(words[i])
            && (words.get(i + 1).is_some_and(|w| friday(w))
                || (words.get(i + 1) == Some(&"til") && words.get(i + 2).is_some_and(|w| friday(w))))
    });
    let named = out.found[before..].iter().any(|f| matches!(f, Found::Criterion { kind: CriterionKind::Shift, .. }));
    if let (Some(at), false) = (weekdays, named) {
        out.criterion(CriterionKind::Shift, Shift::Dag.name().to_string(), at);
    }
    // `turnus med kveld og helg`, `skift dag eller kveld`: the shifts named say what the rota
    // asks. A must-have rota beside them would turn away everyone who named their shifts without
    // the word.
    let is_shift = |f: &Found, turnus: bool| matches!(f, Found::Criterion { kind: CriterionKind::Shift, value, .. } if (value == Shift::Turnus.name()) == turnus);
    if out.found[before..].iter().any(|f| is_shift(f, false)) {
        let mut at = 0;
        out.found.retain(|f| {
            at += 1;
            at <= before || !is_shift(f, true)
        });
    }
}

/// Where the shift named at `i` is said to be one the job does not have: the index of a negation
/// just before it (`ingen helg`, `vi jobber ikke i helgene`, `aldri natt`) or of free time (`fri
/// i helgene`), but not of `ikke bare dag` (more than the day).
fn spared(words: &[&str], i: usize) -> Option<usize> {
    let from = i.saturating_sub(3);
    (from..i).find(|&at| {
        let negation = matches!(words[at], "ikke" | "ikkje" | "ingen" | "inga" | "aldri" | "fri" | "stengt" | "stengd");
        let only = words.get(at + 1).is_some_and(|w| matches!(*w, "bare" | "berre" | "kun" | "redd"));
        negation && !only
    })
}

/// Words that end a working day (`butikken stenger kl. 17`, `ferdig klokka 15`); `til` is not
/// one of them (`fra kl. 15 til kl. 18` is an evening).
const END_WORDS: &[&str] =
    &["stenger", "stengjer", "lukker", "stenging", "ferdig", "slutter", "sluttar", "slutt", "hjem", "heim"];

/// Words that start a working day (`vi starter klokka 7`, `begynne tidlig`).
const START_WORDS: &[&str] = &[
    "starter",
    "starte",
    "begynner",
    "begynne",
    "byrjar",
    "byrje",
    "møter",
    "møte",
    "møtetid",
    "oppmøte",
    "arbeidstid",
    "arbeidstida",
    "arbeidstiden",
    "fra",
    "frå",
];

/// The shifts a shift system at word `i` names: `3-skift`/`treskift` day, evening and night;
/// `2-skift`/`toskift` day and evening; `skift`/`skiftarbeid` alone a rota.
fn numbered_shifts(words: &[&str], i: usize) -> Option<Vec<Shift>> {
    let before = i.checked_sub(1).map(|b| words[b]);
    let count = match (words[i], before) {
        ("treskift" | "tredelt", _) | ("skift" | "skiftarbeid" | "skiftordning", Some("3" | "tre")) => 3,
        ("toskift" | "todelt", _) | ("skift" | "skiftarbeid" | "skiftordning", Some("2" | "to")) => 2,
        ("skift" | "skiftarbeid" | "skiftordning" | "skiftarbeidet", _) => 0,
        _ => return None,
    };
    Some(match count {
        3 => vec![Shift::Dag, Shift::Kveld, Shift::Natt],
        2 => vec![Shift::Dag, Shift::Kveld],
        _ => vec![Shift::Turnus],
    })
}

/// `fra klokka 6`, `kl. 22`, `klokken 15`: the shift that hour starts (day before 14, evening
/// before 22, night otherwise).
/// Hours in words, one to twelve, bokmål and nynorsk (`klokka fem om morgenen`).
const HOUR_WORDS: [&[&str]; 12] = [
    &["ett", "eitt", "en", "ein"],
    &["to"],
    &["tre"],
    &["fire"],
    &["fem"],
    &["seks"],
    &["sju", "syv"],
    &["åtte"],
    &["ni"],
    &["ti"],
    &["elleve"],
    &["tolv"],
];

/// The hour a word names, one to twelve (`sju` is 7).
fn hour_in_words(word: &str) -> Option<u32> {
    HOUR_WORDS.iter().position(|names| names.contains(&word)).map(|h| h as u32 + 1)
}

/// `gjestene reiser kl 11, nye kommer kl 16`: when others than the staff come or go (the time
/// at word `i`) is no working hour.
fn others_move(words: &[&str], i: usize) -> bool {
    i >= 2
        && matches!(words[i], "klokka" | "klokken" | "kl" | "klokkja")
        && matches!(words[i - 1], "kommer" | "kjem" | "reiser" | "ankommer" | "drar" | "dreg" | "går")
        && !matches!(words[i - 2], "vi" | "me" | "du" | "jeg" | "eg" | "dere" | "de")
}

/// The shift a time of day names (`klokka 6`, `klokka ti om kvelden`), and the index of its last
/// word.
fn shift_of_time(words: &[&str], i: usize) -> Option<(Shift, usize)> {
    if !matches!(words[i], "klokka" | "klokken" | "kl" | "klokkja") {
        return None;
    }
    let next = *words.get(i + 1)?;
    let mut hour: u32 = next.parse().ok().or_else(|| hour_in_words(next))?;
    // `klokka ti om kvelden`: the afternoon and evening count from noon.
    let part_of_day = |names: &[&str]| (i + 2..(i + 4).min(words.len())).find(|&at| names.contains(&words[at]));
    let evening = part_of_day(&["kvelden", "kvelds", "kvelda", "ettermiddagen"]);
    let morning = part_of_day(&["morgenen", "morgonen", "formiddagen"]);
    let night = part_of_day(&["natta", "natten", "natt"]);
    if hour < 12 && evening.is_some() {
        hour += 12;
    }
    // `ferdig klokka to`: a working day that ends at two ends in the afternoon, unless the
    // night is said.
    let ends = (i.saturating_sub(2)..i).any(|at| END_WORDS.contains(&words[at]));
    if ends && (1..=4).contains(&hour) && night.is_none() && morning.is_none() {
        hour += 12;
    }
    // `… opp og ned tre etasjer til klokka tre`: an end at one to four, with no night said and
    // no start before it, may end a day or a night; it names no shift.
    let open_end = i > 0 && words[i - 1] == "til" && (1..=4).contains(&hour) && night.is_none() && morning.is_none();
    let start_before = words[..i - usize::from(i > 0)]
        .iter()
        .any(|w| matches!(*w, "klokka" | "klokken" | "kl" | "klokkja" | "fra" | "frå"));
    if open_end && !start_before {
        return None;
    }
    let last = evening.or(morning).or(night).unwrap_or(i + 1);
    // `butikken stenger kl. 17`: a day that ends in the afternoon is day work.
    let shift = match hour {
        _ if night.is_some() && hour < 5 => Shift::Natt,
        14..=18 if ends => Shift::Dag,
        5..=13 => Shift::Dag,
        14..=21 => Shift::Kveld,
        // Working until ten or eleven is an evening; starting then, a night.
        22..=23 if ends || (i > 0 && words[i - 1] == "til") => Shift::Kveld,
        0..=4 | 22..=24 => Shift::Natt,
        _ => return None,
    };
    Some((shift, last))
}

/// `fra 15 til 23`, `fra 7-15`, `arbeidstiden er 08-16`: working hours without `klokka`, as the
/// shift the first hour starts, and the index of the last hour.
fn hours_between(words: &[&str], i: usize) -> Option<(Shift, usize)> {
    let hour = |at: usize| words.get(at).and_then(|w| w.parse::<u32>().ok()).filter(|h| *h <= 24);
    // `fra sju til tre`: hours in words, read from a morning start (`tre` is then 15). `fra ti
    // om kvelden til seks om morgenen`, `frå tre til halv ett om natta`: the part of the day said
    // after an hour is the hour's, and the shift is the start's.
    let word_hour = |at: usize| words.get(at).and_then(|word| hour_in_words(word));
    let part_of_day = |at: usize| {
        let part = words.get(at + 1).filter(|_| matches!(words.get(at), Some(&("om" | "på"))))?;
        match *part {
            "morgenen" | "morgonen" | "formiddagen" => Some(Shift::Dag),
            "kvelden" | "kvelds" | "kvelda" | "ettermiddagen" => Some(Shift::Kveld),
            "natta" | "natten" | "natt" => Some(Shift::Natt),
            _ => None,
        }
    };
    // `Dagtid, sju til halv fire`: the hours may open without `fra` after a time of work.
    let opens = matches!(words[i], "fra" | "frå");
    let bare = !opens
        && i > 0
        && matches!(words[i - 1], "dagtid" | "arbeidstid" | "arbeidstiden" | "arbeidstida")
        && word_hour(i).is_some();
    let first = if bare { i } else { i + 1 };
    if let (true, Some(start)) = (opens || bare, word_hour(first)) {
        let start_part = part_of_day(first + 1);
        let until = if start_part.is_some() { first + 3 } else { first + 1 };
        let end = until + 1 + usize::from(words.get(until + 1) == Some(&"halv"));
        if words.get(until) == Some(&"til") && word_hour(end).is_some() {
            let end_part = part_of_day(end + 1);
            // `Fra sju til elleve tar du imot …`: a verb after the hours, not a unit.
            let verb = |w: &str| {
                crate::draft::clauses::stated_doing(w) || matches!(w, "tar" | "tek" | "går" | "står" | "er" | "gjør")
            };
            let unit = end_part.is_none()
                && words.get(end + 1).is_some_and(|w| !matches!(*w, "om" | "på" | "og" | "hver" | "kvar") && !verb(w));
            let start = match start_part {
                Some(Shift::Kveld) if start < 12 => start + 12,
                Some(Shift::Natt) if (6..12).contains(&start) => start + 12,
                None if start < 5 => start + 12,
                _ => start,
            };
            let shift = match start {
                5..=13 => Shift::Dag,
                14..=21 => Shift::Kveld,
                _ => Shift::Natt,
            };
            return (!unit).then_some((shift, if end_part.is_some() { end + 2 } else { end }));
        }
    }
    // `fra 15 til 23`, or `arbeidstiden er 08-16` (written `08 16` here).
    let (start_at, last) = if words[i] == "mellom" {
        // `mellom 02 og 06`: the hours between, as `fra … til`.
        match words.get(i + 2) {
            Some(&("og" | "til")) if hour(i + 1).is_some() && hour(i + 3).is_some() => (i + 1, i + 3),
            _ => return None,
        }
    } else if matches!(words[i], "fra" | "frå") {
        match words.get(i + 2) {
            Some(&"til") if hour(i + 3).is_some() => (i + 1, i + 3),
            _ if hour(i + 2).is_some() => (i + 1, i + 2),
            _ => return None,
        }
    } else if i > 0
        && matches!(words[i - 1], "er" | "arbeidstid" | "arbeidstiden" | "arbeidstida")
        && hour(i + 1).is_some()
    {
        (i, i + 1)
    } else {
        return None;
    };
    let start = hour(start_at)?;
    // `fra 2 til 5 års erfaring`, `fra 50 til 80 %`: amounts, not hours.
    let unit = words.get(last + 1).is_some_and(|w| {
        matches!(*w, "år" | "års" | "åra" | "%" | "prosent" | "km" | "uker" | "dager" | "måneder" | "timer" | "timar")
    });
    if unit {
        return None;
    }
    let shift = match start {
        5..=13 => Shift::Dag,
        14..=21 => Shift::Kveld,
        _ => Shift::Natt,
    };
    Some((shift, last))
}

/// Whether the bare number at `at` is a share of full time the employer accepts: a round
/// figure from 10 to 100 that is no clock time, followed by `går`, `holder`, `kan gå`, `kan vi
/// leve med` or `er greit`.
fn accepted_share(words: &[&str], at: usize, n: f32) -> bool {
    let round = (10.0..=100.0).contains(&n) && n.fract() == 0.0 && (n as u32) % 5 == 0;
    let clock =
        at > 0 && matches!(words[at - 1], "klokka" | "klokken" | "kl" | "fra" | "frå" | "til" | "etter" | "før");
    let after = |k: usize| words.get(at + k).copied().unwrap_or_default();
    let accepts = match after(1) {
        "går" | "holder" | "held" => true,
        // `men 50 kan gå`, `50 kan gå an`.
        "kan" => {
            matches!(after(2), "gå")
                || matches!(after(2), "vi" | "eg" | "jeg")
                    && matches!(after(3), "leve" | "godta" | "godt" | "akseptere")
        }
        "er" => matches!(after(2), "greit" | "grei" | "ok" | "nok" | "fint" | "bra" | "godt"),
        _ => false,
    };
    round && !clock && accepts
}

/// `Du må vere oppe klokka fem og mjølke`, `stå opp tidlig og bake`: up at an hour, and the work
/// done then. The hour is the shift (read by [`shifts`]); getting up and the work are the job's
/// own, asked of nobody as a skill.
pub(super) fn up_at_an_hour(words: &[&str], out: &mut Recognised) {
    for up in 0..words.len() {
        let hour = words.get(up + 1).is_some_and(|w| matches!(*w, "klokka" | "klokken" | "kl" | "tidlig" | "tidleg"));
        if !matches!(words[up], "oppe" | "opp") || !hour {
            continue;
        }
        out.take(up, up);
        let and = (up + 2..words.len().min(up + 6)).find(|&k| words[k] == "og");
        if let Some(work) = and.map(|k| k + 1).filter(|&k| k < words.len() && !out.used[k]) {
            // The work and what it is done to (`bake brød`), up to the next clause.
            let ends = |w: &str| matches!(w, "og" | "eller" | "men" | "så" | "du" | "må" | "skal");
            let last = (work..words.len().min(work + 3)).take_while(|&k| !ends(words[k]) && !out.used[k]).last();
            out.take(work - 1, last.unwrap_or(work));
        }
    }
}
