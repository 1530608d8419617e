//! The veileder's reverse view: one candidate against every open need (fits, near fits and the
//! must-have each other need is failed by alone — "what would open doors" is that same run), a
//! caseload of 100, and a tag's effect (two such runs), at 100, 1,000 and 10,000 open needs, to
//! show how the cost grows with them. The cost does not grow with the number of profiles: a
//! need's plan runs over a small index of the candidates asked about; the main index is read
//! only to compile the plans (once, kept), which is timed and printed apart. Figures are
//! medians; compare ratios.

use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jobbmatch::followup::Event;
use jobbmatch::index::CandidateIndex;
use jobbmatch::matching::reverse::{OpenPlans, standings};
use jobbmatch::model::{Candidate, JobNeed};
use jobbmatch::taxonomy::Taxonomy;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

/// `count` generated needs, all open.
fn open_needs(count: usize) -> Vec<(String, JobNeed)> {
    let now = time::OffsetDateTime::now_utc();
    jobbmatch::generate::lists::follow_up_events(jobbmatch::generate::DEFAULT_SEED, count, 1, now)
        .into_iter()
        .filter_map(|event| match event {
            Event::NeedSaved { saved, .. } => Some((saved.need.id.clone(), saved.need)),
            _ => None,
        })
        .collect()
}

fn reverse(c: &mut Criterion) {
    let profiles = env("JOBBMATCH_BENCH_CANDIDATES", 20_000);
    let most = env("JOBBMATCH_BENCH_NEEDS", 10_000);
    let candidates: Vec<Candidate> =
        (1..=profiles as u64).map(|n| jobbmatch::generate::candidate(jobbmatch::generate::DEFAULT_SEED, n)).collect();
    let index = CandidateIndex::in_memory(Taxonomy::embedded().expect("taxonomy")).expect("index");
    index.replace_all(&candidates, &|_| {}).expect("indexing");
    let caseload: Vec<Candidate> = candidates.iter().step_by(profiles / 100).take(100).cloned().collect();
    let one = std::slice::from_ref(&caseload[0]);

    let mut group = c.benchmark_group(format!("reverse_{profiles}_profiles"));
    group.measurement_time(Duration::from_secs(5)).sample_size(10);
    for count in [100, 1_000, 10_000].into_iter().filter(|&n| n <= most) {
        let needs = open_needs(count);
        let kept = OpenPlans::default();
        let started = Instant::now();
        let plans = kept.plans(&needs, &index).expect("plans");
        println!("compiled {count} open needs' plans in {:.0} ms (once; kept)", started.elapsed().as_secs_f64() * 1e3);
        let found = standings(&index, &plans, one).expect("standings");
        println!(
            "  {}: fits {}, nearly {}, failed by one must-have {}",
            one[0].id,
            found[0].fits.len(),
            found[0].near.len(),
            found[0].only_failed.len()
        );
        group.bench_with_input(BenchmarkId::new("one candidate (with doors)", count), &count, |b, _| {
            b.iter(|| standings(&index, &kept.plans(&needs, &index).expect("kept"), one).expect("standings"))
        });
        group.bench_with_input(BenchmarkId::new("tag effect (before and after)", count), &count, |b, _| {
            b.iter(|| {
                let plans = kept.plans(&needs, &index).expect("kept");
                let mut after = one[0].clone();
                after.tags.push(jobbmatch::model::Tag {
                    label: "glad i dyr".into(),
                    kind: jobbmatch::model::TagKind::Interest,
                    by: "V1042".into(),
                    at: time::OffsetDateTime::now_utc(),
                });
                (standings(&index, &plans, one).expect("before"), standings(&index, &plans, &[after]).expect("after"))
            })
        });
        group.bench_with_input(BenchmarkId::new("caseload of 100", count), &count, |b, _| {
            b.iter(|| standings(&index, &kept.plans(&needs, &index).expect("kept"), &caseload).expect("standings"))
        });
    }
    group.finish();
}

criterion_group!(benches, reverse);
criterion_main!(benches);
