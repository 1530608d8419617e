//! Kandidatliste benchmarks at the issue's scale: 10,000 saved needs of 30 candidates each with
//! two years of generated history. A list page (the need and its list, as the API answers it), a
//! status change acknowledged durably (synced to disk), and the time-to-match report for a year.
//! Also prints how long replaying the log on start takes. Figures are medians; compare ratios.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use jobbmatch::followup::report::time_to_match;
use jobbmatch::followup::{Event, FOLLOWUP_FILE, FollowUps, SavedNeed, Snapshot, Status};

fn needs() -> usize {
    std::env::var("JOBBMATCH_BENCH_NEEDS").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000)
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(FOLLOWUP_FILE);
    let now = time::OffsetDateTime::now_utc();
    let count = needs();
    let events = jobbmatch::generate::lists::follow_up_events(jobbmatch::generate::DEFAULT_SEED, count, 30, now);
    FollowUps::write_new(&path, &events).expect("written");
    let started = Instant::now();
    let follow_ups = FollowUps::open(&path).expect("replayed");
    println!("replayed {} events of {count} needs in {:.0} ms", events.len(), started.elapsed().as_secs_f64() * 1e3);

    // An open need of 30 to change statuses on.
    let need = jobbmatch::model::JobNeed::from_json(r#"{"id":"bench-open","title":"Lager"}"#).expect("need");
    let saved = SavedNeed { need, employer: "Lager AS".into(), kontor: "NAV Test".into(), positions: 1, styrk: None };
    follow_ups
        .record(Event::NeedSaved { saved: Box::new(saved), owner: "R1".into(), by: "R1".into(), at: now })
        .expect("saved");
    for n in 0..30 {
        let snapshot = Snapshot { score: 0.5, rank: n + 1, explanation: Vec::new(), criteria: Vec::new() };
        let added = Event::CandidateAdded {
            need: "bench-open".into(),
            candidate: format!("K{n:07}"),
            snapshot,
            by: "R1".into(),
            at: now,
        };
        follow_ups.record(added).expect("added");
    }

    let mut group = c.benchmark_group(format!("kandidatlister_{count}_needs"));
    group.measurement_time(Duration::from_secs(5));
    let mut which = 0usize;
    group.bench_function("list page (need + 30 candidates as JSON)", |b| {
        b.iter(|| {
            which = (which + 7919) % count;
            let id = format!("behov-{which:06}");
            let view = follow_ups.read(|ledger| ledger.need(&id).cloned()).expect("a need");
            serde_json::to_vec(&view).expect("json").len()
        })
    });
    let mut n = 0usize;
    group.bench_function("status change, synced", |b| {
        b.iter(|| {
            n += 1;
            let status = [Status::Contacted, Status::Relevant, Status::Interview][n % 3];
            let event = Event::StatusSet {
                need: "bench-open".into(),
                candidate: format!("K{:07}", n % 30),
                status,
                reason: None,
                by: "R1".into(),
                at: time::OffsetDateTime::now_utc(),
            };
            follow_ups.record(event).expect("acknowledged")
        })
    });
    let year_ago = now - time::Duration::days(365);
    group.bench_function("time-to-match report for a year", |b| {
        b.iter(|| follow_ups.read(|ledger| time_to_match(ledger, Some(year_ago), Some(now), now)).overall.needs)
    });
    group.finish();
}

criterion_group!(kandidatlister, benches);
criterion_main!(kandidatlister);
