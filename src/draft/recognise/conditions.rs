//! Conditions that turn a candidate away (`Er du høydredd, kan du like godt la være å søke`,
//! `Har du vond rygg, går det ikke`): the limit a condition names is the demand of the job, as
//! the vocabulary pairs a candidate's adaptation needs with the demands they rule out.

use super::{Found, Recognised, limit_named};
use crate::draft::clauses::Clause;
use crate::model::CriterionKind;
use crate::taxonomy::Taxonomy;

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
    let asked_already = |out: &Recognised, demand| {
        out.found.iter().any(|found| {
            matches!(found, Found::Criterion { kind: CriterionKind::Demand, value, .. }
                if taxonomy.demand_named(value) == Some(demand))
        })
    };
    let mut named = false;
    let mut at = turned.condition.start;
    while at < end {
        let Some((demand, to)) = limit_named(words, at, end, taxonomy, out) else {
            at += 1;
            continue;
        };
        named = true;
        if let Some(label) = taxonomy.concept(demand).labels.first().filter(|_| !asked_already(out, demand)) {
            out.criterion(CriterionKind::Demand, label.clone(), at);
        }
        at = to;
    }
    if named && turned.condition.start < end {
        out.take(turned.condition.start, end - 1);
    }
}
