//! The room to adapt: what the employer will teach, take away, wait for or accept instead
//! (`vi lærer opp`, `kan ta bort tunge løft`, `norsken trenger ikke være perfekt`), and the
//! requirements that answer lets through (a language asked at its lowest, a lesser licence).

use super::*;

impl Drafter<'_> {
    /// A clause of the room-to-adapt answer.
    pub(super) fn adaptation(&mut self, clause: &Clause) {
        let recognised = recognise(clause, self.taxonomy, self.today);
        let words: Vec<&str> = clause.words.iter().map(|w| w.text.as_str()).collect();
        // `…, men erfaring med kasse er et must`: a requirement written in the room to adapt is
        // one, not a silence — when the clause says so plainly and adapts nothing.
        let adapts = [TRAINING, APPRENTICE, TAKE_OUT, LATER, SPARE, LANGUAGE_EASY, ACCEPT]
            .iter()
            .any(|cues| words.iter().any(|w| cues.contains(w)))
            || recognised.found.iter().any(|f| matches!(f, Found::Percent(_) | Found::Date(_)));
        // `…, men du må forstå enkle beskjeder på norsk`: after a contrast, `må` asks too.
        let requires = words.iter().any(|w| MUST_MARKERS.contains(w) && *w != "må")
            || (words.first() == Some(&"men") && words.contains(&"må"));
        let names_something = recognised.found.iter().any(|f| matches!(f, Found::Criterion { .. }));
        let mut used = recognised.used.clone();
        if self.lesser_licence(&words, &recognised, &mut used) {
            self.leftovers(clause, &used, Answer::RoomToAdapt);
            return;
        }
        if requires && names_something && !adapts && !says_not_needed(&words) {
            self.requirement(clause, Answer::MustHave);
            return;
        }
        let mark = |list: &[&str], used: &mut Vec<bool>| {
            let mut found = false;
            for (i, word) in words.iter().enumerate() {
                if list.contains(word) {
                    used[i] = true;
                    found = true;
                }
            }
            found
        };
        // `Har du ikke kjøreseddel ennå, kan vi hjelpe deg med kurset`: the negation names what a
        // candidate may lack, the clause still adapts.
        let lacking =
            words.windows(3).any(|w| matches!(w, ["har", "du", "ikke" | "ikkje"] | ["du", "ikke" | "ikkje", "har"]));
        // `Vi tek heller ein på 60 %, enn ein på 100 % som ikkje gjer det`: a negation on the
        // other side of a comparison negates nothing adapted.
        let other_side = recognise::other_side(&words).unwrap_or_default();
        let negated = (0..words.len())
            .any(|j| NEGATION.contains(&words[j]) && !other_side.contains(&j) && !bends(&words, j))
            && !says_not_needed(&words)
            && !lacking
            && !words.windows(2).any(|w| matches!(w, ["ikke", "være"]));
        // `vi venter til du er ferdig med YSK-kurset`: the candidate finishes it; nobody teaches it.
        let finishing = words.windows(2).any(|w| w == ["ferdig", "med"])
            || words.iter().any(|w| matches!(*w, "fullført" | "fullfører" | "bestått" | "består"));
        // `truckførerbevis kan tas etter oppstart`: not needed to be hired, so no must-have.
        let after_start = words.iter().any(|w| matches!(*w, "underveis" | "etterpå"))
            || words.windows(2).any(|w| {
                w[0] == "etter" && matches!(w[1], "oppstart" | "start" | "ansettelse" | "tilsetting" | "tilsetjing")
            });
        let taken_later = after_start && words.iter().any(|w| TAKEN.contains(w));
        if taken_later {
            mark(TAKEN, &mut used);
        }
        let training = (mark(TRAINING, &mut used) || taken_later) && !finishing;
        let mut apprentice = mark(APPRENTICE, &mut used);
        if apprentice && mark(HEDGES, &mut used) && !negated {
            // `kan vurdere lærling på siste året`: the fagbrev stays a must-have (an apprentice
            // shows among the near misses); the advisor reads the employer's own words.
            self.note(clause.as_note());
            apprentice = false;
        }
        let take_out = mark(TAKE_OUT, &mut used);
        let later = mark(LATER, &mut used);
        let mut named: Vec<(CriterionKind, String)> = Vec::new();
        // `Sesong fra april til september`: a season, from one date to another, is when the job
        // runs, not how long a start can wait.
        let from = words.iter().position(|w| matches!(*w, "fra" | "frå"));
        let to = words.iter().rposition(|w| *w == "til");
        let season = !later && from.zip(to).is_some_and(|(from, to)| from < to);
        for found in &recognised.found {
            match found.clone() {
                Found::Percent(percent) if !negated => {
                    let lowest = self.draft.need.adaptable.extent_min_percent.unwrap_or(100).min(percent);
                    self.draft.need.adaptable.extent_min_percent = Some(lowest);
                }
                Found::Date(date) if (later || words.contains(&"til")) && !season => {
                    self.draft.need.adaptable.start_latest = Some(date)
                }
                Found::Refused { phrase, reason } => self.refuse(Answer::RoomToAdapt, phrase, reason),
                Found::Note(note) => self.note(note),
                Found::Criterion { kind: CriterionKind::Demand, value, at, .. } => {
                    // `det er ikke tunge løft i jobben`: the negation is of the demand itself, so
                    // the job lacks it and nobody is turned away for it.
                    let absent = words[at.saturating_sub(2)..at].iter().any(|w| NOT.contains(w));
                    if negated && !absent {
                        // `tunge løft kan vi ikke ta bort`: the job has the demand, unadaptable.
                        self.push(Criterion::must(CriterionKind::Demand, value));
                    } else {
                        self.draft.need.adaptable.tasks.push(value);
                    }
                }
                // `Helgene kan ingen slippe`, `Lørdagene kan vi ikke flytte`: a shift nobody is
                // spared is asked of everyone.
                Found::Criterion { kind: CriterionKind::Shift, value, .. } if unbendable(&words) => {
                    self.push(Criterion::must(CriterionKind::Shift, value));
                }
                Found::Criterion { kind: CriterionKind::Shift, value, .. }
                    if words.iter().any(|w| SPARE.contains(w)) =>
                {
                    if let Some(shift) = Shift::parse(&value) {
                        self.draft.need.adaptable.shifts.push(shift);
                    }
                }
                Found::Criterion { kind, value, .. } => named.push((kind, value)),
                Found::Percent(_) | Found::Km(_) | Found::Date(_) => {}
            }
        }
        if self.lowest_language(&words, &named) {
            for (i, word) in words.iter().enumerate() {
                used[i] = used[i] || self.taxonomy.language(word).is_some();
            }
            self.leftovers(clause, &used, Answer::RoomToAdapt);
            return;
        }
        if self.either_language(&words, &named) {
            for (i, word) in words.iter().enumerate() {
                used[i] = used[i] || self.taxonomy.language(word).is_some();
            }
            self.leftovers(clause, &used, Answer::RoomToAdapt);
            return;
        }
        let code = words.iter().position(|w| w.len() == 2 && w.parse::<LanguageLevel>().is_ok());
        if let (Some(at), false) = (code, negated) {
            if words.iter().any(|w| ENOUGH.contains(w)) {
                self.level_enough(&words, at, &named);
                used[at] = true;
                mark(ENOUGH, &mut used);
                for (i, word) in words.iter().enumerate() {
                    if word.starts_with("språk") || *word == "norsken" {
                        used[i] = true;
                    }
                }
                self.leftovers(clause, &used, Answer::RoomToAdapt);
                return;
            }
        }
        // `vi kan godta B1 for rett person`: the level the employer will accept, and no lower —
        // the language stays a must-have at that level.
        let accepts = words.iter().any(|w| ACCEPT.contains(w));
        if let (true, Some(at), false) = (accepts, code, negated) {
            let level = words[at].parse::<LanguageLevel>().ok();
            let named_languages: Vec<&String> =
                named.iter().filter(|(k, _)| *k == CriterionKind::Language).map(|(_, v)| v).collect();
            for criterion in &mut self.draft.need.criteria {
                let asked = criterion.kind == CriterionKind::Language && criterion.importance == Importance::Must;
                let this_one = named_languages.is_empty() || named_languages.contains(&&criterion.value);
                if asked && this_one && criterion.min_level > level {
                    criterion.min_level = level;
                }
            }
            used[at] = true;
            mark(ACCEPT, &mut used);
        }
        // `vi tilbyr norskopplæring`, `språkkurs i arbeidstida`: the employer teaches the language.
        let taught = |word: &str| {
            let course = ["opplæring", "opplæringa", "kurs", "kurset", "undervisning", "trening"]
                .iter()
                .any(|end| word.len() > end.len() && word.ends_with(end));
            course && (word.starts_with("norsk") || word.starts_with("språk"))
        };
        let easy_language = words.iter().any(|w| LANGUAGE_EASY.contains(w) || taught(w));
        let norwegian = "norsk".to_string();
        let mut languages: Vec<&String> =
            named.iter().filter(|(k, _)| *k == CriterionKind::Language).map(|(_, v)| v).collect();
        if words.iter().any(|w| taught(w) && w.starts_with("norsk")) {
            languages.push(&norwegian);
        }
        // `Kurs i språkarbeid tek vi`: work on the children's language is no language of the
        // candidate's.
        let childrens = |w: &str| {
            ["språkarbeid", "språkutvikling", "språkstimulering", "språklek", "språkleik"]
                .iter()
                .any(|work| w.starts_with(work))
        };
        let the_language = words.iter().any(|w| (w.starts_with("språk") && !childrens(w)) || *w == "norsken");
        let mentions_language = !languages.is_empty() || the_language;
        // `språket kan du lære underveis`: the employer teaches it.
        let easy_language = easy_language || (the_language && training);
        if mentions_language && easy_language && !negated {
            mark(LANGUAGE_EASY, &mut used);
            for (i, word) in words.iter().enumerate() {
                if word.starts_with("språk") || *word == "norsken" || taught(word) {
                    used[i] = true;
                }
            }
            // `engelsk holder`: the required languages other than the one named become soft.
            let required = self.required_languages();
            let named_required: Vec<String> =
                languages.iter().filter(|l| required.contains(l)).map(|l| l.to_string()).collect();
            let relaxed = if named_required.is_empty() { required } else { named_required };
            for language in relaxed {
                if !self.draft.need.adaptable.languages.contains(&language) {
                    self.draft.need.adaptable.languages.push(language);
                }
            }
        }
        if (training || take_out || apprentice) && !negated {
            // The cue words themselves (`vi lærer deg opp`) are not what is taught, nor is a
            // shift (`Håndskanneren lærer du på første skift` says when).
            let mut named_skills: Vec<String> = named
                .iter()
                .filter(|(k, v)| {
                    !matches!(k, CriterionKind::Language | CriterionKind::Shift) && !TRAINING.contains(&v.as_str())
                })
                .map(|(_, v)| v.clone())
                .collect();
            // `truckkurset kan de ordne`: a course named after a certificate asked for is training
            // for it.
            if named_skills.is_empty() {
                for (i, word) in words.iter().enumerate() {
                    let Some(prefix) = ["kurset", "kurs", "kurse"].iter().find_map(|end| word.strip_suffix(end)) else {
                        continue;
                    };
                    let prefix = prefix.trim_end_matches('-');
                    let asked = self.draft.need.criteria.iter().find(|c| {
                        c.kind == CriterionKind::Certificate
                            && c.importance == Importance::Must
                            && prefix.chars().count() >= 4
                            && c.value.to_lowercase().starts_with(prefix)
                    });
                    if let Some(asked) = asked {
                        named_skills.push(asked.value.clone());
                        used[i] = true;
                    }
                }
            }
            // `vi lærer opp i truckkjøring`: what the training is in, known to the vocabulary or not.
            if named_skills.is_empty() {
                let lexicon = self.taxonomy.analyzer().lexicon();
                for (i, word) in words.iter().enumerate() {
                    if TRAINING.contains(word) {
                        for (from, to) in recognise::after_cue(&words, &used, i, lexicon) {
                            named_skills.push(words[from..=to].join(" "));
                            for flag in &mut used[from..=to] {
                                *flag = true;
                            }
                        }
                    }
                }
            }
            // `Håndskanneren lærer du på første skift`: what is taught may open the sentence.
            let opens_with_taught = words.len() > 2
                && TRAINING.contains(&words[1])
                && !used[0]
                && clauses::definite_noun(words[0])
                && matches!(words[2], "du" | "dere" | "vi" | "me");
            if named_skills.is_empty() && opens_with_taught {
                named_skills.push(words[0].to_string());
                used[0] = true;
            }
            // A waiver binds to what it names: a skill (`vi lærer opp i truckkjøring`), experience
            // as such (`erfaring trenger du ikke`), or the fagbrev ladder (`vi tar inn en
            // lærling`: the fagbrev can be earned). A sentence that only mentions training
            // (`… etter opplæringen`) waives nothing.
            let names_experience =
                words.iter().any(|w| matches!(*w, "erfaring" | "erfaringen" | "røynsle" | "røynsla"));
            // `…, men det betaler de`, `det kan vi lære deg`: `det` is what was just asked for —
            // as the object, with the employer giving it (`men den tar tre måneder` and `det er
            // greit, vi lærer opp` name nothing).
            let that = (0..2).any(|i| {
                words.get(i).is_some_and(|w| matches!(*w, "det" | "dette" | "den"))
                    && words.get(i + 2).is_some_and(|w| EMPLOYER.contains(w))
            });
            if named_skills.is_empty() && that && !names_experience && !apprentice {
                let last = self.draft.need.criteria.iter().rev().find(|c| {
                    c.importance == Importance::Must
                        && matches!(
                            c.kind,
                            CriterionKind::Certificate | CriterionKind::Skill | CriterionKind::Education
                        )
                });
                named_skills.extend(last.map(|c| c.value.clone()));
            }
            let trained = if named_skills.is_empty() {
                self.draft
                    .need
                    .criteria
                    .iter()
                    .filter(|c| c.importance == Importance::Must)
                    .filter(|c| {
                        (names_experience && c.kind == CriterionKind::Experience)
                            || (apprentice && c.kind == CriterionKind::Education)
                    })
                    .map(|c| c.value.clone())
                    .collect()
            } else {
                named_skills
            };
            // `vi lærer opp en som mangler sertifikat` beside two certificates: the bare word, with
            // no class named (`klasse C`), names no one of them (a driving licence, everyday, or
            // the truck certificate), so nothing is waived; the advisor reads the words.
            let names_class = |w: &str| w.len() <= 3 && self.taxonomy.licences().classes_in(w).len() == 1;
            let bare_licence_word = words.iter().any(|w| matches!(*w, "sertifikat" | "sertifikatet" | "lappen"))
                && !words.iter().any(|w| names_class(w));
            let certificates_asked = self
                .draft
                .need
                .criteria
                .iter()
                .filter(|c| c.importance == Importance::Must && c.kind == CriterionKind::Certificate)
                .count();
            let trained = if bare_licence_word && certificates_asked > 1 {
                self.note(clause.as_note());
                Vec::new()
            } else {
                trained
            };
            for value in trained {
                self.teach(value);
            }
        }
        self.leftovers(clause, &used, Answer::RoomToAdapt);
    }

    /// The employer teaches `value` (or pays for it): room to adapt.
    fn teach(&mut self, value: String) {
        if !self.draft.need.adaptable.training.contains(&value) {
            self.draft.need.adaptable.training.push(value);
        }
    }

    /// `Hygienekurs må du ha – arbeidsgiver sier det kan tas etter`: a certificate the candidate
    /// may take once hired is taught, not asked first — room to adapt, said among the
    /// requirements — for the certificate the clause names (whose cue words are then read) or
    /// the one asked just before. True when the clause has said all it says.
    pub(super) fn taught_once_hired(&mut self, words: &[&str], recognised: &mut Recognised) -> bool {
        let named: Vec<String> = recognised.values(CriterionKind::Certificate).map(str::to_string).collect();
        if named.is_empty() {
            let mut asked = self.draft.need.criteria.iter().rev();
            let before = asked.find(|c| c.importance == Importance::Must && c.kind == CriterionKind::Certificate);
            let Some(value) = before.map(|c| c.value.clone()) else { return false };
            self.teach(value);
            return true;
        }
        for value in named {
            self.teach(value);
        }
        for (i, word) in words.iter().enumerate() {
            if later(word) || *word == "kan" || TAKEN_PASSIVE.contains(word) {
                recognised.used[i] = true;
            }
        }
        false
    }

    /// `Har du bare førerkort B, hjelper vi deg med BE`: a candidate holding only a lesser class
    /// of a licence asked for is welcome, so the lesser class is the must-have and the class asked
    /// for a wish. True when the clause said so (its words are then used).
    fn lesser_licence(&mut self, words: &[&str], recognised: &Recognised, used: &mut [bool]) -> bool {
        let only = |w: &&str| matches!(*w, "bare" | "berre" | "kun");
        // `Søkere med klasse B som vil ta klasse C for arbeidsgivers regning, kan bli vurdert`:
        // those who hold the lesser class and will take the wider one are taken too.
        let will_take = words.contains(&"med") && words.iter().any(|w| TAKEN.contains(w) || *w == "regning");
        let holding = (words.contains(&"har") && words.iter().any(only)) || will_take;
        if !holding {
            return false;
        }
        let licences = self.taxonomy.licences();
        let held = recognised.found.iter().find_map(|found| match found {
            Found::Criterion { kind: CriterionKind::Certificate, value, .. } => {
                Some((value.clone(), licences.classes_in(value))).filter(|(_, classes)| !classes.is_empty())
            }
            _ => None,
        });
        // `om du berre har klasse B`: a class on its own, beside a licence asked for.
        let held = held.or_else(|| {
            let class = words.iter().find_map(|w| licences.class_named(w))?;
            Some((format!("førerkort {class}"), [class].into_iter().collect()))
        });
        let Some((lesser, held)) = held else { return false };
        let satisfied = licences.satisfied(&held);
        let wider = self.draft.need.criteria.iter().position(|c| {
            c.kind == CriterionKind::Certificate && c.importance == Importance::Must && {
                let asked = licences.classes_in(&c.value);
                !asked.is_empty() && !asked.is_subset(&satisfied) && held.is_subset(&licences.satisfied(&asked))
            }
        });
        let Some(wider) = wider else { return false };
        let asked = &mut self.draft.need.criteria[wider];
        asked.importance = Importance::Adjustable;
        let note = format!("«{}» er lagt inn som ønske: arbeidsgiver tar også den som bare har {lesser}", asked.value);
        self.push(Criterion::must(CriterionKind::Certificate, lesser));
        self.note(note);
        for (flag, word) in used.iter_mut().zip(words) {
            *flag = *flag
                || TRAINING.contains(word)
                || TAKEN.contains(word)
                || only(word)
                || is_class_code(word)
                || *word == "klasse";
        }
        true
    }

    /// `Norsk er ikke krav hvis du forstår engelsk`: the first language is not needed where the
    /// second is there, so one or the other is the must-have (at the level asked of the first,
    /// or A2: understanding). Returns whether the clause said so.
    fn either_language(&mut self, words: &[&str], named: &[(CriterionKind, String)]) -> bool {
        let languages: Vec<&String> =
            named.iter().filter(|(k, _)| *k == CriterionKind::Language).map(|(_, v)| v).collect();
        let conditional = words.iter().any(|w| matches!(*w, "hvis" | "om" | "dersom" | "viss" | "bare" | "berre"))
            || words.windows(2).any(|w| w == ["så", "lenge"]);
        let [first, second] = languages.as_slice() else { return false };
        if !(conditional && says_not_needed(words)) {
            return false;
        }
        let either = format!("{first} eller {second}");
        // `You must speak English or Norwegian` before `Norwegian is not required if your English
        // is good`: the must-have already takes either.
        if self.requires_language(&[first.as_str(), second.as_str()]) {
            return true;
        }
        let asked = self
            .draft
            .need
            .criteria
            .iter_mut()
            .find(|c| c.kind == CriterionKind::Language && c.importance == Importance::Must && c.value == **first);
        match asked {
            Some(criterion) => criterion.value = either,
            None => {
                let mut criterion = Criterion::must(CriterionKind::Language, either);
                criterion.min_level = Some(LanguageLevel::A2);
                self.push(criterion);
            }
        }
        true
    }

    /// `Norsk trenger ikke være perfekt, bare forstå enkle beskjeder`, `norsken treng ikkje vere
    /// god, men du må forstå tryggleiksreglane`: how good a language need not be, with what it
    /// must still do, asks for it at the lowest level (A2) — unless it is asked already.
    fn lowest_language(&mut self, words: &[&str], named: &[(CriterionKind, String)]) -> bool {
        let waived = (0..words.len()).any(|j| perfection_waived(words, j))
            || words
                .windows(3)
                .any(|w| matches!(w, ["ikke" | "ikkje", "være" | "vere" | "vera", "god" | "godt" | "gode" | "bra"]));
        let still = words.iter().position(|w| matches!(*w, "bare" | "berre" | "men")).is_some_and(|from| {
            words[from + 1..]
                .iter()
                .take(4)
                .any(|w| w.starts_with("forstå") || matches!(*w, "skjønne" | "snakke" | "lese"))
        });
        let after_waiver = words.first() == Some(&"men") && still;
        let languages_waived = self.waived_languages.take();
        if !(waived || after_waiver) {
            return false;
        }
        if after_waiver && !waived {
            // `…, men du må forstå tryggleiksreglane`, said after the waiver as a clause of its own.
            let Some(languages) = languages_waived else { return false };
            self.ask_lowest(languages);
            return true;
        }
        let mut languages: Vec<String> =
            named.iter().filter(|(k, _)| *k == CriterionKind::Language).map(|(_, v)| v.clone()).collect();
        if languages.is_empty() {
            // `norsken`: the language, named with its article.
            languages = words
                .iter()
                .filter_map(|w| w.strip_suffix("en").and_then(|base| self.taxonomy.language(base)))
                .map(str::to_string)
                .collect();
        }
        if languages.is_empty() {
            return false;
        }
        if !still {
            // Nothing asked yet: a `men …` clause may follow.
            self.waived_languages = Some(languages);
            return false;
        }
        self.ask_lowest(languages);
        true
    }

    /// Each of `languages` as a must-have at A2, where it is not asked already.
    fn ask_lowest(&mut self, languages: Vec<String>) {
        for language in languages {
            if !self.requires_language(&[language.as_str()]) {
                let mut criterion = Criterion::must(CriterionKind::Language, language);
                criterion.min_level = Some(LanguageLevel::A2);
                self.push(criterion);
            }
        }
    }

    /// Whether one drafted must-have names every one of `languages` (`norsk eller engelsk`
    /// names both).
    fn requires_language(&self, languages: &[&str]) -> bool {
        let names = |value: &str, language: &str| value.split([' ', ',']).any(|word| word == language);
        self.draft.need.criteria.iter().any(|c| {
            c.kind == CriterionKind::Language
                && c.importance == Importance::Must
                && languages.iter().all(|language| names(&c.value, language))
        })
    }

    /// The languages drafted as must-haves so far.
    fn required_languages(&self) -> Vec<String> {
        let criteria = self.draft.need.criteria.iter();
        criteria
            .filter(|c| c.kind == CriterionKind::Language && c.importance == Importance::Must)
            .map(|c| c.value.clone())
            .collect()
    }

    /// `norsk på B1 er nok`, `A2 er greit`: the level said to be enough (the code at `at`) is the
    /// lowest the employer takes — the language named, or the languages already required, are
    /// must-haves at that level, not waived.
    fn level_enough(&mut self, words: &[&str], at: usize, named: &[(CriterionKind, String)]) {
        let level = words[at].parse::<LanguageLevel>().ok();
        let mut languages: Vec<String> =
            named.iter().filter(|(k, _)| *k == CriterionKind::Language).map(|(_, v)| v.clone()).collect();
        if languages.is_empty() {
            languages = self.required_languages();
        }
        for language in languages {
            let existing = self
                .draft
                .need
                .criteria
                .iter_mut()
                .find(|c| c.kind == CriterionKind::Language && c.value.split(" eller ").any(|v| v == language));
            match existing {
                Some(criterion) => {
                    criterion.importance = Importance::Must;
                    criterion.rank = None;
                    criterion.min_level = level;
                }
                None => {
                    let mut criterion = Criterion::must(CriterionKind::Language, language);
                    criterion.min_level = level;
                    self.push(criterion);
                }
            }
        }
    }
}

/// Whether a clause in the room to adapt says what it names cannot be bent for anyone
/// (`Helgene kan ingen slippe`, `den kan vi ikke flytte for noen`, `Kveld og helg kan vi ikkje
/// endre på`, `Helgevaktene kan vi ikkje ta bort for nokon`).
fn unbendable(words: &[&str]) -> bool {
    const CHANGE: &[&str] = &["flytte", "flytta", "endre", "endra", "fjerne", "fjerna", "bytte", "bort", "unntak"];
    // `kan vi ikke`, not `du trenger ikke jobbe helg, det kan vi bytte`.
    let refused = words.windows(3).position(|w| matches!(w, ["kan", "vi" | "me", "ikke" | "ikkje"]));
    let nobody_spared = words.windows(2).any(|w| matches!(w, ["ingen", "slippe" | "sleppe" | "slipper" | "slepp"]));
    nobody_spared || refused.is_some_and(|at| words[at + 3..].iter().any(|w| CHANGE.contains(w)))
}
