//! What recorded outcomes say about matching: the list entries replayed as judgements. For the
//! candidates who were presented (and, within them, hired) and those set aside (`uaktuell`,
//! `uinteressert`, or removed, never presented), how often each kind of criterion was met when
//! they were added, and by which kind of evidence — so the team can see, for instance, whether
//! candidates found through a veileder's tag get presented as often as those found by their CV.
//! Nothing is re-weighted from it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::ledger::{EntryView, Ledger};
use super::model::Status;
use crate::model::MatchHow;

/// One group of candidates.
#[derive(Debug, Clone, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Group {
    pub candidates: usize,
    /// Per criterion kind: how many of the group's candidates had that criterion, and the share
    /// of them who met it.
    pub criteria: BTreeMap<String, KindShare>,
    /// Per kind of evidence (`tag`, `synonym`, `semantic`, …): the share of the group's
    /// candidates with at least one criterion met that way.
    pub evidence: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct KindShare {
    pub had: usize,
    pub met_share: f64,
}

/// The groups compared.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct OutcomeReport {
    pub presented: Group,
    pub hired: Group,
    pub set_aside: Group,
}

/// The report over every list entry with a snapshot of its criteria.
pub fn outcome_report(ledger: &Ledger) -> OutcomeReport {
    let entries: Vec<&EntryView> =
        ledger.needs().flat_map(|need| need.candidates.iter()).filter(|e| !e.snapshot.criteria.is_empty()).collect();
    let set_aside = |e: &EntryView| {
        !e.outcome.presented() && (matches!(e.status, Status::Unsuitable | Status::NotInterested) || e.archived)
    };
    OutcomeReport {
        presented: group(entries.iter().copied().filter(|e| e.outcome.presented())),
        hired: group(entries.iter().copied().filter(|e| e.outcome == super::Outcome::Hired)),
        set_aside: group(entries.iter().copied().filter(|e| set_aside(e))),
    }
}

fn group<'a>(entries: impl Iterator<Item = &'a EntryView>) -> Group {
    let mut candidates = 0;
    let mut had: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut evidence: BTreeMap<String, usize> = BTreeMap::new();
    for entry in entries {
        candidates += 1;
        let mut hows: Vec<String> = Vec::new();
        for criterion in &entry.snapshot.criteria {
            let counts = had.entry(criterion.kind.name().to_string()).or_default();
            counts.0 += 1;
            if criterion.matched {
                counts.1 += 1;
                let how = how_name(criterion.how);
                if !hows.contains(&how) {
                    hows.push(how);
                }
            }
        }
        for how in hows {
            *evidence.entry(how).or_default() += 1;
        }
    }
    let share = |part: usize, whole: usize| if whole == 0 { 0.0 } else { part as f64 / whole as f64 };
    Group {
        candidates,
        criteria: had
            .into_iter()
            .map(|(kind, (had, met))| (kind, KindShare { had, met_share: share(met, had) }))
            .collect(),
        evidence: evidence.into_iter().map(|(how, count)| (how, share(count, candidates))).collect(),
    }
}

fn how_name(how: MatchHow) -> String {
    serde_json::to_value(how).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::followup::{Event, Outcome, SavedNeed, Snapshot, SnapshotCriterion};
    use crate::model::CriterionKind;

    fn snapshot(tag: bool) -> Snapshot {
        let how = if tag { MatchHow::Tag } else { MatchHow::NotMatched };
        let criteria = vec![
            SnapshotCriterion { kind: CriterionKind::Skill, matched: true, how: MatchHow::Exact },
            SnapshotCriterion { kind: CriterionKind::Interest, matched: tag, how },
        ];
        Snapshot { score: 0.5, rank: 1, explanation: vec![], criteria }
    }

    #[test]
    fn presented_and_set_aside_candidates_are_compared_by_what_met_their_criteria() {
        let at = datetime!(2026-01-05 10:00 UTC);
        let need = crate::model::JobNeed::from_json(r#"{"id":"A"}"#).expect("need");
        let saved = SavedNeed { need, employer: "E".into(), kontor: "K".into(), positions: 1, styrk: None };
        let by = || "R1".to_string();
        let mut events = vec![Event::NeedSaved { saved: Box::new(saved), owner: by(), by: by(), at }];
        for (candidate, tag) in [("K1", true), ("K2", true), ("K3", false), ("K4", false)] {
            events.push(Event::CandidateAdded {
                need: "A".into(),
                candidate: candidate.into(),
                snapshot: snapshot(tag),
                by: by(),
                at,
            });
        }
        events.push(Event::OutcomeSet {
            need: "A".into(),
            candidate: "K1".into(),
            outcome: Outcome::Hired,
            by: by(),
            at,
        });
        events.push(Event::OutcomeSet {
            need: "A".into(),
            candidate: "K3".into(),
            outcome: Outcome::Presented,
            by: by(),
            at,
        });
        let reason = Some(crate::followup::UnsuitableReason::Distance);
        events.push(Event::StatusSet {
            need: "A".into(),
            candidate: "K4".into(),
            status: Status::Unsuitable,
            reason,
            by: by(),
            at,
        });
        let mut ledger = Ledger::default();
        for event in &events {
            ledger.check(event).expect("valid");
            ledger.apply(event);
        }
        let report = outcome_report(&ledger);
        assert_eq!((report.presented.candidates, report.hired.candidates, report.set_aside.candidates), (2, 1, 1));
        assert_eq!(report.presented.criteria["interest"], KindShare { had: 2, met_share: 0.5 });
        assert_eq!(report.presented.evidence["tag"], 0.5, "one of the two presented was found by a tag");
        assert_eq!(report.hired.evidence["tag"], 1.0);
        assert_eq!(report.set_aside.criteria["interest"].met_share, 0.0);
        assert!(!report.set_aside.evidence.contains_key("tag"));
        assert_eq!(report.set_aside.evidence["exact"], 1.0);
    }
}
