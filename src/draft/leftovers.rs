//! What the drafter could not place: the content words no finding used, kept as phrases for
//! the advisor (never dropped), minus the words that ask nothing (places, frames, the
//! employer's own things, when and how often).

use super::*;

/// Hours as words (`halv seks`, `kvart over sju`).
const TIME_NUMBERS: &[&str] = &[
    "ett", "eitt", "to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "ti", "elleve", "tolv", "over", "på",
];

/// The words of never trading a requirement away (`ikke til forhandling`, `kan ikkje rikke på`).
const NON_NEGOTIABLE: &[&str] = &["forhandling", "forhandlingsbart", "forhandlingsbar", "rikke", "rikka"];

impl Drafter<'_> {
    /// Content words no finding used, as phrases (runs of neighbouring words): recorded as
    /// unrecognised, and returned with the words each phrase spans.
    pub(super) fn leftovers(&mut self, clause: &Clause, used: &[bool], answer: Answer) -> Vec<(Range<usize>, String)> {
        let lexicon = self.taxonomy.analyzer().lexicon();
        let mut phrase: Vec<&str> = Vec::new();
        let (mut start, mut end) = (0, 0);
        let mut phrases: Vec<(Range<usize>, String)> = Vec::new();
        let mut flush = |phrase: &mut Vec<&str>, span: Range<usize>, draft: &mut Draft| {
            if !phrase.is_empty() {
                draft.unrecognised.push(Unrecognised { answer, text: phrase.join(" ") });
                phrases.push((span, phrase.join(" ")));
                phrase.clear();
            }
        };
        let texts: Vec<&str> = clause.words.iter().map(|w| w.text.as_str()).collect();
        for (i, word) in clause.words.iter().enumerate() {
            let text = word.text.as_str();
            // A statement about the job starts a phrase of its own: `norsk eller svensk holder,
            // de har mange svensker der` leaves `holder` apart from `mange`.
            if clause.context_from == Some(i) {
                flush(&mut phrase, start..end, &mut self.draft);
            }
            // `hver dag`, `kvar veke`: how often, not something asked for.
            // `en vanlig dag` the same.
            let every = i > 0
                && matches!(
                    clause.words[i - 1].text.as_str(),
                    "hver" | "kvar" | "hvert" | "kvart" | "vanlig" | "vanleg" | "første" | "fyrste" | "siste"
                );
            // `tåler støv i fjøset`, `kaldt i produksjonen`: where the job is done, not what is
            // asked. `Portørene går mye`: the job's people or things, as the subject of a
            // statement about it.
            // `står ved arbeidsbenken`, `støy fra maskinene` as well.
            let said = |at: usize| clause.words.get(at).map(|w| w.text.as_str());
            // `arbeide i private hjem`: homes, where home care is done, are a place too.
            let home =
                |w: Option<&str>| matches!(w, Some("hjem" | "heim" | "hjemmet" | "heimen" | "hjemmene" | "heimane"));
            let private = matches!(text, "private" | "privat") && home(said(i + 1));
            let at_place = |at: usize| {
                at > 0
                    && matches!(
                        clause.words[at - 1].text.as_str(),
                        "i" | "på" | "ved" | "fra" | "frå" | "rundt" | "under" | "mellom" | "langs" | "bak" | "av"
                    )
            };
            // `ved containerne`: a plural in `-erne` is definite too.
            let definite = clauses::definite_noun(text) || (text.chars().count() > 5 && text.ends_with("erne"));
            // `ned i kjellere`: where something is carried, with its direction.
            let directed =
                i >= 2 && matches!(texts[i - 1], "i" | "på") && matches!(texts[i - 2], "ned" | "opp" | "inn");
            let place = directed
                || (at_place(i) && (definite || home(Some(text)) || private))
                || (i > 0 && at_place(i - 1) && home(Some(text)));
            // `Vi kjører dag og kveld, og du må …`: what the employer does, said as its verb;
            // `Hun begynte klokka fem – du må …`: what the person before did, in the past.
            let ours_doing = i == 1
                && ((matches!(texts[0], "vi" | "me") && clauses::stated_doing(text))
                    || (clauses::PAST_TELLERS.contains(&texts[0]) && clauses::told_past(text)));
            let subject = i == 0
                && (clauses::opens_statement(text, said(1))
                    || (clauses::definite_noun(text) && clauses::done_to(said(1), said(2))));
            // `Melkingen starter halv seks`: the verb of that statement, and the half hour.
            let statement_verb = i == 1 && clauses::opens_statement(texts[0], Some(text));
            let half_hour = matches!(text, "halv" | "kvart")
                && said(i + 1).is_some_and(|n| n.parse::<u32>().is_ok() || TIME_NUMBERS.contains(&n));
            // `Stallen må måkes`: what must be done to a thing of the job asks nothing of anyone.
            let passive = i > 0 && clauses::done_to(said(i - 1), Some(text));
            // `hele tida`, `hovedarbeidstida`: when, not what.
            let when = ["tida", "tiden", "arbeidstid", "skoletid", "skiftet", "vakta", "vakten"]
                .iter()
                .any(|end| text.ends_with(end))
                // `vi har vakt kvar tredje helg`: a watch, said with how often, is when.
                || (matches!(text, "vakt" | "vakter")
                    && said(i + 1).is_some_and(|next| matches!(next, "hver" | "kvar" | "annenhver" | "annakvar")));
            // `før du starter`, `innen du begynner`, `før første tur`: when a requirement must be
            // met, not what it is.
            let starts = matches!(text, "starter" | "startar" | "begynner" | "byrjar")
                && i >= 2
                && matches!(clause.words[i - 1].text.as_str(), "du" | "dere" | "de")
                && matches!(clause.words[i - 2].text.as_str(), "før" | "innen" | "når");
            // `hele året`, `heile natta`: how long, not what.
            let whole = i > 0
                && matches!(clause.words[i - 1].text.as_str(), "hele" | "heile")
                && matches!(
                    text,
                    "året" | "dagen" | "natta" | "natten" | "uka" | "uken" | "veka" | "døgnet" | "helga" | "kvelden"
                    // `gjestene kommer fra hele verden`: from where, not what.
                    | "verden" | "verda" | "landet" | "byen" | "kommunen"
                );
            // `dagtid, men tidleg`: how early or late the shift named before it starts.
            let early = matches!(text, "tidlig" | "tidleg" | "sent" | "seint") && i >= 1 && texts[i - 1] == "men";
            // `Verkstedet er fullt av støv`: how much of what follows there is.
            let full_of = matches!(text, "full" | "fullt" | "fulle") && said(i + 1) == Some("av");
            // `her er det pels overalt`, `melstøvet ligger overalt`: how widespread what is named
            // is, not something asked.
            let everywhere = text == "overalt" || (matches!(text, "ligger" | "ligg") && said(i + 1) == Some("overalt"));
            // `Politiattest må du ha, elles kjem du ikkje inn døra`: what happens otherwise is the
            // consequence of what was asked, asked of nobody.
            let otherwise = texts[..i].iter().any(|w| matches!(*w, "ellers" | "elles"));
            // `med en gang`: at once, when.
            let at_once =
                text == "gang" && i >= 2 && matches!(texts[i - 1], "en" | "ein") && matches!(texts[i - 2], "med");
            // `inn og ut av hallen`: where things go, not what is asked.
            let in_and_out = (text == "inn" && said(i + 1) == Some("og") && said(i + 2) == Some("ut"))
                || (text == "ut" && i >= 2 && texts[i - 1] == "og" && texts[i - 2] == "inn");
            // `tidligvakter og helg hører med`: what belongs to the job, said of what came before.
            let belongs = matches!(text, "hører" | "høyrer") && said(i + 1) == Some("med");
            // `ryggen må tåle tunge løft`: the body that must bear the demand asks nothing itself.
            // `ryggen din må tåle det` the same.
            let yours = usize::from(said(i + 1).is_some_and(|w| matches!(w, "din" | "di" | "ditt")));
            // `rygg og skuldre må tåle det`: bodies joined bear it together.
            let joined =
                (i + 1..texts.len()).take_while(|&k| recognise::BODY.contains(&texts[k]) || texts[k] == "og").count();
            // `ryggen må være grei`: the body said fit for it, the same.
            let fit_for_it = |w: &str| matches!(w, "grei" | "god" | "bra" | "sterk" | "sterke");
            let after_modal = i + 2 + yours + joined;
            let fit = said(after_modal).is_some_and(|v| matches!(v, "være" | "vere"))
                && said(after_modal + 1).is_some_and(fit_for_it);
            let bearer = recognise::BODY.contains(&text)
                && said(i + 1 + yours + joined).is_some_and(|m| matches!(m, "må" | "skal"))
                && (said(after_modal).is_some_and(|v| matches!(v, "tåle" | "tole" | "klare")) || fit);
            let fit_word = fit_for_it(text)
                && i >= 3
                && matches!(texts[i - 1], "være" | "vere")
                && recognise::BODY.iter().any(|b| texts[i.saturating_sub(4)..i].contains(b));
            // `én kveldstur i uka til bygdene`: where the work goes, not what is asked.
            let where_to = matches!(text, "bygdene" | "bygdane" | "bygda" | "distriktet" | "fylket")
                && i > 0
                && matches!(texts[i - 1], "til" | "i" | "rundt" | "ut");
            // `én kveldstur i uka`: how many of a shift.
            let how_many = matches!(text, "én" | "ein" | "ei" | "éi" | "to" | "tre")
                && said(i + 1).is_some_and(|w| crate::model::Shift::parse(w).is_some());
            // `Dagtid stort sett`: mostly, a hedge.
            let mostly = (text == "stort" && said(i + 1) == Some("sett"))
                || (text == "sett" && i > 0 && texts[i - 1] == "stort");
            let first_time = i > 0
                && matches!(clause.words[i - 1].text.as_str(), "første" | "fyrste")
                && matches!(text, "tur" | "vakt" | "vakta" | "skift" | "arbeidsdag" | "økt" | "dag");
            // `Førerkort B holder`: what suffices, said of the requirement just before. `B1 held`,
            // `(A2 held, …)`: a level said to be enough, of the language named before it.
            let enough_level =
                |at: usize| clauses::level_code(texts[at]) && said(at + 1).is_some_and(|n| ENOUGH.contains(&n));
            // `A2 holder hvis du spør når du er usikker`: what suffices, on a condition.
            let condition = |w: &str| matches!(w, "hvis" | "viss" | "dersom" | "om" | "når");
            // `A2 på ett av dem holder`: a level a few words before, said to be enough.
            let level_shortly_before = (i.saturating_sub(5)..i).any(|k| clauses::level_code(texts[k]));
            let suffices = (i > 0 && ENOUGH.contains(&text) && (used[i - 1] || enough_level(i - 1) || level_shortly_before)
                && said(i + 1).is_none_or(|n| n == "og" || condition(n)))
                || (condition(text) && i > 0 && ENOUGH.contains(&texts[i - 1]))
                || enough_level(i)
                // `det ikkje held å like fjellet`: what is not enough asks nothing itself.
                || (ENOUGH.contains(&text) && i > 0 && matches!(texts[i - 1], "det" | "ikke" | "ikkje"));
            // `Vi har lært at du må …`, `Det vi har lært, er …`: what the employer learned frames
            // what it asks.
            let learned = matches!(text, "lært" | "lærte");
            // `norsk B1 eller bedre`: more than the level asked is no other requirement.
            let or_better = matches!(text, "bedre" | "betre" | "høyere" | "høgare" | "over")
                && i >= 2
                && texts[i - 1] == "eller"
                && clauses::level_code(texts[i - 2]);
            // `du blir ikke spart for storm`: not spared from it, it is the job's; what follows
            // `for` is what is asked.
            let not_spared = matches!(text, "spart" | "spares") && said(i + 1) == Some("for");
            // `Natt er ikke til forhandling`, `det vi ikkje kan rikke på`, `kan ikke bytte bort`,
            // `ikke kan gi slipp på`, `ikke kan fire på`: the frame of a must-have.
            let traded = |verb: &str| matches!(verb, "bytte" | "byte" | "bytter" | "byter");
            let non_negotiable = NON_NEGOTIABLE.contains(&text)
                || (text == "slipp" && i > 0 && matches!(texts[i - 1], "gi" | "gje"))
                || (text == "fire" && said(i + 1) == Some("på") && i > 0 && MODALS.contains(&texts[i - 1]))
                || (traded(text) && said(i + 1) == Some("bort"))
                || (text == "bort" && i > 0 && traded(texts[i - 1]));
            // `Allergi mot hund er uaktuelt`: a limit ruled out is the demand it names, asked.
            let ruled_out = matches!(text, "uaktuelt" | "uaktuell" | "utelukket" | "utelukka" | "utelukt")
                && texts.iter().any(|w| recognise::names_a_limit(w));
            // `må ta vakt én helg i måneden`: taking a turn, said with when it falls.
            let when_word = |w: &&str| {
                ["helg", "natt", "kveld", "dag", "lørdag", "søndag", "laurdag", "sundag"]
                    .iter()
                    .any(|s| w.starts_with(s))
            };
            let taking_a_turn = matches!(text, "vakt" | "vakter")
                && i > 0
                && matches!(texts[i - 1], "ta" | "tar" | "ha" | "gå")
                && texts[i + 1..texts.len().min(i + 4)].iter().any(when_word);
            // `hygienereglene følger man til punkt og prikke`: the workplace's rules, and following
            // them, are the care asked, not a requirement of their own.
            let rules = |w: &str| {
                ["regler", "reglene", "reglane", "rutiner", "rutinene", "rutinane"].iter().any(|r| w.ends_with(r))
            };
            let follows = |w: &str| matches!(w, "følge" | "følger" | "følgje" | "følgjer" | "følges" | "fulgt");
            let rule_kept =
                (rules(text) && texts.iter().any(|w| follows(w))) || (follows(text) && texts.iter().any(|w| rules(w)));
            // `Jordsekker og potter er tunge`: loads, compounded too.
            let load = LOADS.iter().any(|l| text.ends_with(l)) || matches!(text, "potter" | "pottene");
            // `uten at ryggen sier stopp`: the body giving up, said of the demand before it.
            let body_stops = (matches!(text, "sier" | "seier") && said(i + 1) == Some("stopp"))
                || (text == "stopp" && i > 0 && matches!(texts[i - 1], "sier" | "seier"))
                || (said(i + 1).is_some_and(|v| matches!(v, "sier" | "seier")) && said(i + 2) == Some("stopp"));
            // `Svarer du nei på ett av disse, …`: a condition that points back at what was asked
            // asks nothing new.
            let points_back = matches!(text, "disse" | "desse")
                || (matches!(text, "svarer" | "svarar") && said(i + 1) == Some("du") && said(i + 2) == Some("nei"));
            // `gå over tjue tusen skritt på en vakt`: how far, and over what time, the walking
            // goes.
            let number = |w: &str| {
                w.parse::<u32>().is_ok()
                    || matches!(
                        w,
                        "fem"
                            | "seks"
                            | "ti"
                            | "tolv"
                            | "femten"
                            | "tjue"
                            | "tjuge"
                            | "tretti"
                            | "førti"
                            | "femti"
                            | "hundre"
                            | "tusen"
                            | "titusen"
                    )
            };
            let paces = matches!(text, "skritt" | "steg")
                || (number(text) && (said(i + 1) == Some("skritt") || said(i + 2) == Some("skritt")))
                || (matches!(text, "vakt" | "vakta")
                    && i >= 2
                    && texts[i - 2] == "på"
                    && matches!(texts[i - 1], "en" | "ei" | "ein" | "hver" | "kvar"));
            // `Tauverket ber vi for hand`: a load carried by hand, in nynorsk too.
            let by_hand = (matches!(text, "hand" | "hånd") && i > 0 && texts[i - 1] == "for")
                || (matches!(text, "ber" | "bær" | "bærer" | "berer")
                    && texts[i.saturating_sub(2)..i].iter().any(|w| LOADS.iter().any(|l| w.ends_with(l))));
            // `stå opp tidlig`: when one gets up.
            let getting_up = matches!(text, "tidlig" | "tidleg") && i > 0 && texts[i - 1] == "opp";
            // `sliter du med hendene, går det ikke`: the body one may struggle with is the
            // condition of a need, no requirement.
            let struggles = |w: &str| matches!(w, "sliter" | "slit" | "plages" | "vondt");
            let struggling = (recognise::BODY.contains(&text)
                && texts[i.saturating_sub(3)..i].iter().any(|w| struggles(w)))
                || (struggles(text)
                    && texts[i + 1..texts.len().min(i + 4)].iter().any(|w| recognise::BODY.contains(w)));
            // `løfte hvitevarer sammen med en kollega`: whom the work is shared with.
            let shared = text.starts_with("kolleg") && texts[i.saturating_sub(3)..i].contains(&"med");
            // `det krev lova`: the law that asks it, not what is asked.
            let law = matches!(text, "lova" | "loven" | "lovpålagt" | "lovpålagd");
            // `butikkens viktigste dager`: the employer's own place, in the genitive.
            let workplaces = WORKPLACES.iter().any(|place| {
                ["ens", "ets", "s"].iter().any(|end| text.strip_suffix(end).is_some_and(|t| t.ends_with(place)))
            });
            // `I tillegg: du må …`: in addition, a frame.
            let in_addition = text == "tillegg" && i > 0 && clause.words[i - 1].text == "i";
            // `livredningsprøve for bassengbad`: what a requirement placed just before is for.
            let what_for = i >= 2 && clause.words[i - 1].text == "for" && used[i - 2];
            // `til vår bedrift`, `vårt team`: what is the employer's own is asked of nobody.
            let ours = i > 0 && matches!(clause.words[i - 1].text.as_str(), "vår" | "vårt" | "våre" | "vores");
            // `Arne sier han vil ha fagbrev`: who at the employer says it, by a name the lexicon
            // does not know (a title, `sjefen`, the recognisers take before they read).
            let name = !lexicon.is_lemma(text) && text.chars().count() > 2 && text.chars().all(char::is_alphabetic);
            let reporter = name && said(i + 1).is_some_and(|verb| clauses::SAYING.contains(&verb));
            // `B1, sier han, og det stemmer`: what the writer adds in passing.
            let in_passing = (matches!(text, "sier" | "seier" | "sa")
                && matches!(said(i + 1), Some("han" | "hun" | "ho" | "de" | "dei")))
                || (matches!(text, "stemmer" | "stemmar") && i > 0 && texts[i - 1] == "det");
            // `forstår oppskriftene og allergilistene på norsk`: what is to be understood in a
            // language asks nothing besides the language.
            let understanding = |w: &str| {
                matches!(
                    w,
                    "forstå" | "forstår" | "forstod" | "forsto" | "skjønne" | "skjønner" | "lese" | "les" | "leser"
                        // `ta imot reklamasjoner på engelsk`, `svare kundene på norsk`: a task
                        // done in the language.
                        | "imot" | "svare" | "svarer" | "forklare" | "forklarer"
                )
            };
            // Only what stands between the verb and the language, with no other verb between
            // (`forstå tegninger og ha truckførerbevis, på norsk` asks for the drawings too).
            let other_verb = |w: &str| matches!(w, "ha" | "har" | "kunne" | "kan" | "må" | "skal" | "være" | "vere");
            let verb_before = (i.saturating_sub(4)..i).rev().find(|&k| understanding(texts[k]));
            let language_after = (i + 1..texts.len().min(i + 5))
                .find(|&j| texts[j] == "på" && said(j + 1).is_some_and(|l| self.taxonomy.language(l).is_some()));
            let in_language = match (verb_before, language_after) {
                (Some(k), Some(j)) => !texts[k + 1..j].iter().any(|w| other_verb(w)),
                _ => false,
            };
            // The person who had the job before, as `portrait` names them.
            let ignorable = text == super::portrait::PERSON
                || place
                || clauses::frames_who_suits(&texts, i)
                || clauses::frames_a_wish(&texts, i)
                || passive
                || ours
                || subject
                || when
                || starts
                || ours_doing
                || what_for
                || first_time
                || whole
                || statement_verb
                || half_hour
                || in_and_out
                || non_negotiable
                || workplaces
                || load
                || body_stops
                || points_back
                || paces
                || by_hand
                || shared
                || getting_up
                || struggling
                || fit_word
                || mostly
                || where_to
                || how_many
                || law
                || belongs
                || bearer
                || suffices
                || learned
                || at_once
                || in_addition
                || reporter
                || early
                || full_of
                || everywhere
                || otherwise
                || in_passing
                || ruled_out
                || rule_kept
                || taking_a_turn
                || in_language
                || not_spared
                || or_better
                || lexicon.is_stopword(text)
                || GRAMMAR.contains(&text)
                || SOFTENERS.contains(&text)
                || MUST_MARKERS.contains(&text)
                || served(text)
                || OFFERED.contains(&text)
                || (every && (UNITS_OF_TIME.contains(&text) || ORDINALS.contains(&text)))
                // `i dekksesongen i oktober og april`: when, not what.
                || clauses::MONTHS.contains(&text)
                || SEASONS.contains(&text)
                || BUSIEST.contains(&text)
                || MODALS.contains(&text)
                || text.ends_with("sesongen")
                || self.taxonomy.is_filler(&word.stem)
                || text.chars().all(|c| c.is_ascii_digit() || c == '%');
            if used[i] || ignorable {
                if used[i] || !lexicon.is_stopword(text) {
                    flush(&mut phrase, start..end, &mut self.draft);
                }
                continue;
            }
            if phrase.is_empty() {
                start = i;
            }
            end = i + 1;
            phrase.push(text);
        }
        flush(&mut phrase, start..end, &mut self.draft);
        phrases
    }
}
