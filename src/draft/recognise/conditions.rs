//! Conditions that turn a candidate away (`Er du høydredd, kan du like godt la være å søke`,
//! `Har du vond rygg, går det ikke`): the limit a condition names is the demand of the job, as
//! the vocabulary pairs a candidate's adaptation needs with the demands they rule out. The same
//! holds for the story of someone the job did not suit (`Han vi hadde før, ble svimmel i toppen
//! første uka`).

use super::{Found, Recognised, limit_named};
use crate::draft::clauses::Clause;
use crate::model::CriterionKind;
use crate::taxonomy::{ConceptId, ConceptKind, Taxonomy};

/// `kan du like godt la være å søke`, `er det ingen vits å søkje`: the refusal asks nothing.
pub fn refusal(clause: &Clause, out: &mut Recognised) {
    let Some(turned) = &clause.turned_away else { return };
    let end = turned.refusal.end.min(out.used.len());
    if turned.refusal.start < end {
        out.take(turned.refusal.start, end - 1);
    }
}

/// `Er du allergisk mot hest eller redd for store dyr, er dette feil sted`: each limit the
/// condition names is a demand (here one, once); the rest of the condition only says where
/// the limit bites (`Blir du svimmel i en lift eller på en stige`). Read after what is borne
/// (`Tåler du ikke kulde`), which names its demand in the job's words.
pub fn ruled_out(clause: &Clause, words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    let Some(turned) = &clause.turned_away else { return };
    let end = turned.condition.end.min(words.len());
    let mut named = false;
    let mut at = turned.condition.start;
    while at < end {
        let Some((demand, to)) = limit_named(words, at, end, taxonomy, out) else {
            at += 1;
            continue;
        };
        named = true;
        if !rules_out_asked(&words[at..to], taxonomy, out) {
            ask_demand(demand, at, taxonomy, out);
        }
        at = to;
    }
    if named && turned.condition.start < end {
        out.take(turned.condition.start, end - 1);
    }
}

/// Conditions of the airways: each rules out whatever is in the air where the work is done.
const AIRWAYS: &[&str] = &["astma", "astmatiker", "kols", "lungesykdom", "pustebesvær"];
/// What is in the air where the work is done (the vocabulary's demand ids).
const AIRBORNE: &[&str] = &["stov", "lukt", "kjemikalier"];

/// `melstøvet ligger overalt, så med astma går det ikke`: whether the limit in `words` rules out
/// a demand the clause names already — then it says whom that demand turns away, and adds none.
/// A condition of the airways rules out any airborne demand named (dust, smell, chemicals).
fn rules_out_asked(words: &[&str], taxonomy: &Taxonomy, out: &Recognised) -> bool {
    let ruled_out = taxonomy.demands_for_need(&words.join(" "));
    let airways = words.iter().any(|w| AIRWAYS.contains(w));
    asked_demands(taxonomy, out)
        .any(|asked| ruled_out.contains(&asked) || (airways && AIRBORNE.contains(&taxonomy.concept(asked).id.as_str())))
}

/// The demands the clause asks so far, as the vocabulary names them.
fn asked_demands<'a>(taxonomy: &'a Taxonomy, out: &'a Recognised) -> impl Iterator<Item = ConceptId> + 'a {
    out.found.iter().filter_map(|found| match found {
        Found::Criterion { kind: CriterionKind::Demand, value, .. } => taxonomy.demand_named(value),
        _ => None,
    })
}

/// Asks `demand` (by its first label, found at word `at`) unless the clause asks it already.
fn ask_demand(demand: ConceptId, at: usize, taxonomy: &Taxonomy, out: &mut Recognised) {
    let asked = asked_demands(taxonomy, out).any(|asked| asked == demand);
    if let Some(label) = taxonomy.concept(demand).labels.first().filter(|_| !asked) {
        out.criterion(CriterionKind::Demand, label.clone(), at);
    }
}

/// Words after which a limit is what befell or marked a person (`ble svimmel`, `fikk vondt i
/// ryggen`, `folk med hørselsplager`).
const BEFELL: &[&str] = &["ble", "blei", "vart", "fikk", "fekk", "med", "hadde"];
/// Words between [`BEFELL`] and the limit that say only how much (`ble fort svimmel`).
const DEGREE: &[&str] = &["fort", "raskt", "så", "veldig", "litt", "helt", "skikkelig"];
/// The opening words of a need that is an arrangement, not a limit a person has (`rolig
/// tempo`, `lette løft`, `skjermet for støy`): `en jobb med lette løft` describes the job.
const ARRANGED: &[&str] = &[
    "rolig",
    "roleg",
    "lett",
    "lette",
    "ikke",
    "ikkje",
    "ingen",
    "skjermet",
    "skjerma",
    "tilrettelagt",
    "tilrettelagd",
    "kortere",
    "kortare",
    "redusert",
    "gradert",
    "unngå",
    "må",
    "kan",
    "trenger",
    "treng",
    "behov",
    "lavt",
    "lågt",
];

/// `Han vi hadde før, ble svimmel i toppen første uka, og da var det slutt`, `vi har hatt folk
/// med hørselsplager som ikke holdt ut`: a limit that befell someone in the job, told as what
/// happened, is what the job demands.
pub fn befell(words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    let mut at = 0;
    while at < words.len() {
        let cue = match at {
            0 => false,
            1 => BEFELL.contains(&words[0]),
            _ => {
                BEFELL.contains(&words[at - 1]) || (DEGREE.contains(&words[at - 1]) && BEFELL.contains(&words[at - 2]))
            }
        };
        if !cue || out.used[at] || ARRANGED.contains(&words[at]) {
            at += 1;
            continue;
        }
        let Some((demand, to)) = limit_named(words, at, words.len(), taxonomy, out) else {
            at += 1;
            continue;
        };
        if let Some(label) = taxonomy.concept(demand).labels.first() {
            if !rules_out_asked(&words[at..to], taxonomy, out) {
                out.criterion(CriterionKind::Demand, label.clone(), at);
            }
            out.take(at, to - 1);
        }
        // `med astma eller melallergi`: an allergy listed beside the limit, to what the
        // vocabulary does not name, says the same of the same people.
        let allergy = |w: &str| w.ends_with("allergi") || w.ends_with("allergiker");
        let listed = matches!(words.get(to), Some(&("eller" | "og"))) && words.get(to + 1).is_some_and(|w| allergy(w));
        if listed && !out.used[to + 1] {
            out.take(to, to + 1);
        }
        at = to;
    }
}

/// Who a job is for, after a negation (`det er ikke en jobb for deg som fryser lett`, `Passer
/// ikke for deg som synes det er slitsomt med mye lyd`).
const FOR_WHOM: &[&str] = &["deg", "dykk", "dere", "folk", "dei", "de", "personer"];
/// Words that end a relative clause (`…, men`, `…, så`).
const CLAUSE_ENDS: &[&str] = &["men", "så", "fordi", "for", "og", "eller", "da", "då", "når"];

/// `det er ikke en jobb for deg som fryser lett`, `Passer ikke for deg som synes det er
/// slitsomt med mye lyd og mange barn rundt seg`: whom the job does not suit is named by a limit
/// (a candidate's need, `fryser lett`) or by what the job holds (`mye lyd`); either is the
/// demand asked, and the rest of the relative clause only says how it feels.
pub fn unsuited(words: &[&str], taxonomy: &Taxonomy, out: &mut Recognised) {
    let Some(k) = (0..words.len().saturating_sub(3)).find(|&k| {
        words[k] == "for"
            && FOR_WHOM.contains(&words[k + 1])
            && words[k + 2] == "som"
            && words[k.saturating_sub(6)..k]
                .iter()
                .any(|w| matches!(*w, "ikke" | "ikkje" | "ingen" | "inga" | "dårlig" | "dårleg"))
    }) else {
        return;
    };
    let start = k + 3;
    // The clause runs on past `og`/`eller` that join what it names, not past a new clause.
    let end = (start + 1..words.len())
        .find(|&j| CLAUSE_ENDS.contains(&words[j]) && !matches!(words[j], "og" | "eller"))
        .unwrap_or(words.len());
    // A demand already read inside it (`… som ikke tåler varme`) names it too.
    let mut named = out
        .found
        .iter()
        .any(|f| matches!(f, Found::Criterion { kind: CriterionKind::Demand, at, .. } if (k..end).contains(at)));
    let mut at = start;
    while at < end {
        if out.used[at] {
            at += 1;
            continue;
        }
        let by_need = limit_named(words, at, end, taxonomy, out);
        let by_label = || {
            (at + 1..=(at + 3).min(end)).rev().take_while(|&to| !out.used[to - 1]).find_map(|to| {
                taxonomy.find(&words[at..to].join(" "), &[ConceptKind::Demand]).first().map(|&demand| (demand, to))
            })
        };
        let Some((demand, to)) = by_need.or_else(by_label) else {
            at += 1;
            continue;
        };
        ask_demand(demand, at, taxonomy, out);
        named = true;
        at = to;
    }
    if named {
        out.take(k, end - 1);
    }
}
