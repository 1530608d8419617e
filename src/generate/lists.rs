//! Seeded saved needs with kandidatlister and their histories, spread over two years: for demos
//! of the time-to-match page and for the kandidatliste benchmarks. Each need's events are in
//! time order and pass the ledger's checks; nothing happens after `now`.

use time::{Duration, OffsetDateTime};

use serde_json::json;

use super::rng::Rng;
use super::tables::{INTEREST_TAGS, TRACKS};
use crate::followup::{Event, NeedState, Outcome, SavedNeed, Snapshot, SnapshotCriterion, Status, UnsuitableReason};
use crate::model::{CriterionKind, JobNeed, MatchHow};
use crate::taxonomy::places::AGDER;

const KONTORER: [&str; 6] =
    ["NAV Kristiansand", "NAV Arendal", "NAV Grimstad", "NAV Lindesnes", "NAV Lister", "NAV Setesdal"];
/// Title, STYRK-08 code, and the generated profiles' track the need's criteria come from.
const JOBS: [(&str, &str, &str); 6] = [
    ("Lagermedarbeider", "9333", "lager"),
    ("Butikkmedarbeider", "5223", "butikk"),
    ("Renholder", "9112", "renhold"),
    ("Kokk", "5120", "kjøkken"),
    ("Helsefagarbeider", "5321", "helse"),
    ("Bilmekaniker", "7231", "bilverksted"),
];
const KINDS: [CriterionKind; 4] =
    [CriterionKind::Certificate, CriterionKind::Skill, CriterionKind::Interest, CriterionKind::Language];
const HOWS: [MatchHow; 5] = [MatchHow::Exact, MatchHow::Synonym, MatchHow::Tag, MatchHow::Semantic, MatchHow::Summary];
const ADVISORS: [&str; 2] = ["R2001", "R2002"];
const REASONS: [UnsuitableReason; 4] = [
    UnsuitableReason::MissingQualifications,
    UnsuitableReason::Distance,
    UnsuitableReason::WorkingHours,
    UnsuitableReason::EmployerDeclined,
];

/// `needs` needs of `per_list` candidates each (ids from the generated profiles `K0000001…`),
/// saved over the two years before `now`.
pub fn follow_up_events(seed: u64, needs: usize, per_list: usize, now: OffsetDateTime) -> Vec<Event> {
    let start = now - Duration::days(730);
    let mut events = Vec::new();
    for index in 0..needs {
        let mut rng = Rng::for_item(seed ^ 0x6b61_6e64_6964_6174, index as u64);
        let saved_at = start + Duration::minutes(rng.below(730 * 24 * 60) as i64);
        let mut need_events = need_history(&mut rng, index, per_list, saved_at);
        need_events.retain(|event| at(event) <= now);
        events.extend(need_events);
    }
    events
}

fn need_history(rng: &mut Rng, index: usize, per_list: usize, saved_at: OffsetDateTime) -> Vec<Event> {
    let (title, styrk, track) = JOBS[rng.below(JOBS.len())];
    let owner = ADVISORS[rng.below(ADVISORS.len())].to_string();
    let id = format!("behov-{index:06}");
    let need = generated_need(rng, &id, title, track);
    let saved = SavedNeed {
        need,
        employer: format!("Arbeidsgiver {}", index % 997),
        kontor: KONTORER[rng.below(KONTORER.len())].to_string(),
        positions: 1 + rng.below(2) as u32,
        styrk: Some(styrk.to_string()),
    };
    let by = owner.clone();
    let mut events = vec![Event::NeedSaved { saved: Box::new(saved), owner, by: by.clone(), at: saved_at }];
    let mut hired_at: Option<OffsetDateTime> = None;
    let mut last = saved_at;
    let mut ids: Vec<u64> = Vec::new();
    while ids.len() < per_list {
        let candidate = 1 + rng.below(2000) as u64;
        if !ids.contains(&candidate) {
            ids.push(candidate);
        }
    }
    for (rank, number) in ids.iter().enumerate() {
        let candidate = format!("K{number:07}");
        let mut when = later(rng, saved_at, 20);
        let score = 0.9 - rank as f32 * 0.01;
        let criteria = KINDS
            .iter()
            .map(|kind| {
                let how = HOWS[rng.below(HOWS.len())];
                let matched = rng.chance(0.7);
                SnapshotCriterion { kind: *kind, matched, how: if matched { how } else { MatchHow::NotMatched } }
            })
            .collect();
        let snapshot = Snapshot { score, rank: rank + 1, explanation: Vec::new(), criteria };
        events.push(Event::CandidateAdded {
            need: id.clone(),
            candidate: candidate.clone(),
            snapshot,
            by: by.clone(),
            at: when,
        });
        let status = |status: Status, reason: Option<UnsuitableReason>, at: OffsetDateTime| Event::StatusSet {
            need: id.clone(),
            candidate: candidate.clone(),
            status,
            reason,
            by: by.clone(),
            at,
        };
        let outcome = |outcome: Outcome, at: OffsetDateTime| Event::OutcomeSet {
            need: id.clone(),
            candidate: candidate.clone(),
            outcome,
            by: by.clone(),
            at,
        };
        if rng.chance(0.5) {
            continue; // considered, and left there
        }
        when = later(rng, when, 14);
        events.push(status(Status::Contacted, None, when));
        if rng.chance(0.4) {
            let reason = REASONS[rng.below(REASONS.len())];
            when = later(rng, when, 10);
            events.push(status(Status::Unsuitable, Some(reason), when));
            continue;
        }
        when = later(rng, when, 20);
        events.push(status(Status::Interview, None, when));
        when = later(rng, when, 40);
        events.push(outcome(Outcome::Presented, when));
        if hired_at.is_none() && rng.chance(0.35) {
            when = later(rng, when, 60);
            events.push(outcome(Outcome::Hired, when));
            hired_at = Some(when);
        }
        last = last.max(when);
    }
    // Each need's events in time order; then filled after a hire, or given up after half a year.
    events[1..].sort_by_key(at);
    let last = events.iter().map(at).max().unwrap_or(last);
    let (state, reason, closed_at) = match hired_at {
        Some(_) => (NeedState::Filled, None, last + Duration::days(2)),
        None => {
            (NeedState::Closed, Some("ingen passende kandidat".to_string()), last.max(saved_at + Duration::days(180)))
        }
    };
    events.push(Event::NeedState { need: id, state, reason, by, at: closed_at });
    events
}

/// A need for `title` with criteria drawn from the profiles' `track`, as advisors write them: one
/// or two must-haves (a skill, often a certificate or Norwegian at a level), a few ranked wishes
/// (experience, skills, an interest), and mostly a place with a distance limit.
fn generated_need(rng: &mut Rng, id: &str, title: &str, track: &str) -> JobNeed {
    let track = TRACKS.iter().find(|t| t.name == track).unwrap_or(&TRACKS[0]);
    let mut criteria = vec![json!({"kind": "skill", "value": rng.pick(track.skills), "importance": "must"})];
    if rng.chance(0.4) && !track.certificates.is_empty() {
        criteria.push(json!({"kind": "certificate", "value": track.certificates[0], "importance": "must"}));
    }
    if rng.chance(0.5) {
        let level = *rng.pick(&["A2", "B1", "B2"]);
        criteria.push(json!({"kind": "language", "value": "norsk", "min_level": level, "importance": "must"}));
    }
    let wishes = [
        ("experience", *rng.pick(track.experience)),
        ("skill", *rng.pick(track.skills)),
        ("interest", *rng.pick(INTEREST_TAGS)),
    ];
    for (rank, (kind, value)) in wishes.iter().enumerate() {
        criteria.push(json!({"kind": kind, "value": value, "importance": "adjustable", "rank": rank + 1}));
    }
    let mut need = json!({"id": id, "title": title, "criteria": criteria});
    if rng.chance(0.8) {
        let place = &AGDER[rng.below(8)];
        need["municipality"] = json!(place.name);
        need["location"] = json!({"lat": place.centre.lat, "lon": place.centre.lon});
        need["max_distance_km"] = json!(*rng.pick(&[30, 50, 80]));
    }
    JobNeed::from_json(&need.to_string()).unwrap_or_else(|error| unreachable!("a generated need is valid: {error}"))
}

/// Up to `days` days after `when`, to the hour.
fn later(rng: &mut Rng, when: OffsetDateTime, days: usize) -> OffsetDateTime {
    when + Duration::hours(1 + rng.below(days * 24) as i64)
}

fn at(event: &Event) -> OffsetDateTime {
    match event {
        Event::NeedSaved { at, .. }
        | Event::NeedState { at, .. }
        | Event::CandidateAdded { at, .. }
        | Event::StatusSet { at, .. }
        | Event::OutcomeSet { at, .. }
        | Event::Archived { at, .. }
        | Event::HandedOver { at, .. }
        | Event::Answered { at, .. } => *at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::followup::Ledger;

    #[test]
    fn generated_histories_pass_every_check_and_are_the_same_for_the_same_seed() {
        let now = time::macros::datetime!(2026-12-01 12:00 UTC);
        let events = follow_up_events(7, 40, 30, now);
        assert_eq!(events, follow_up_events(7, 40, 30, now));
        let mut ledger = Ledger::default();
        for event in &events {
            ledger.check(event).unwrap_or_else(|error| panic!("{event:?}: {error}"));
            ledger.apply(event);
        }
        assert_eq!(ledger.needs().count(), 40);
        let report = crate::followup::report::time_to_match(&ledger, None, None, now);
        assert!(report.overall.presented > 0 && report.overall.hired > 0, "{:?}", report.overall);
        assert!(ledger.needs().all(|need| need.candidates.len() == 30));
    }
}
