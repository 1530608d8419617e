//! National-scale benchmarks on generated candidates: index build, shortlist latency for a
//! selective, a broad and a rank-everyone need (with and without near misses and relaxation
//! counts), drafting criteria from free text, and the time from a veileder's tag to a shortlist
//! seeing it.
//!
//! `JOBBMATCH_BENCH_CANDIDATES` sets the number of candidates (default 100,000, which CI runs in
//! about a minute once built); `benches/scale.sh` runs the full million and writes the report.
//! Figures are medians; these 2-core machines are noisy, so compare ratios on one machine.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use jobbmatch::index::CandidateIndex;
use jobbmatch::matching::Matcher;
use jobbmatch::model::{Candidate, JobNeed, Tag, TagKind};
use jobbmatch::store::{Edit, Store};
use jobbmatch::taxonomy::Taxonomy;
use rayon::prelude::*;

/// Candidates in a bulk-build sample: a build of all of them would take minutes per sample.
const BUILD_SAMPLE: usize = 20_000;

fn candidate_count() -> usize {
    std::env::var("JOBBMATCH_BENCH_CANDIDATES").ok().and_then(|n| n.parse().ok()).unwrap_or(100_000)
}

fn generated(count: usize) -> Vec<Candidate> {
    (0..count as u64)
        .into_par_iter()
        .map(|n| jobbmatch::generate::candidate(jobbmatch::generate::DEFAULT_SEED, n))
        .collect()
}

fn bench_need(name: &str) -> JobNeed {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bench").join(format!("{name}.json"));
    JobNeed::from_json(&std::fs::read_to_string(&path).expect("bench need")).expect("valid bench need")
}

fn taxonomy() -> Arc<Taxonomy> {
    Taxonomy::embedded().expect("taxonomy")
}

fn scale(c: &mut Criterion) {
    let count = candidate_count();
    let candidates = generated(count);
    let label = |what: &str| format!("{what}_{}k", count / 1000);

    let mut group = c.benchmark_group("build");
    let sample = &candidates[..BUILD_SAMPLE.min(count)];
    group.sample_size(10).throughput(Throughput::Elements(sample.len() as u64));
    group.bench_function(format!("{}_candidates", sample.len()), |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("temp dir"),
            |dir| {
                let index = CandidateIndex::open_or_create(dir.path(), taxonomy()).expect("index");
                index.replace_all(sample, &|_| {}).expect("build");
                dir
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();

    let dir = tempfile::tempdir().expect("temp dir");
    let index = CandidateIndex::open_or_create(dir.path(), taxonomy()).expect("index");
    index.replace_all(&candidates, &|_| {}).expect("build");
    let needs: Vec<(&str, JobNeed)> =
        ["selective", "broad", "everyone"].into_iter().map(|name| (name, bench_need(name))).collect();
    for (name, need) in &needs {
        let shortlist = Matcher::new(&index).shortlist(need).expect("shortlist");
        println!("{name}: {} of {} candidates qualify", shortlist.qualified, shortlist.considered);
    }
    for (group_name, near_misses) in [("shortlist", true), ("shortlist_without_near_misses", false)] {
        let mut group = c.benchmark_group(label(group_name));
        group.sample_size(60).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
        for (name, need) in &needs {
            group.bench_function(*name, |b| {
                let matcher = if near_misses {
                    Matcher::new(&index)
                } else {
                    Matcher::new(&index).near_misses(0).relaxation(false)
                };
                b.iter(|| matcher.shortlist(need).expect("shortlist"));
            });
        }
        group.finish();
    }

    let pilot_needs: Vec<JobNeed> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/needs"))
        .expect("fixture needs")
        .map(|entry| entry.expect("entry").path())
        .map(|path| JobNeed::from_json(&std::fs::read_to_string(path).expect("read")).expect("valid need"))
        .collect();
    let mut group = c.benchmark_group("draft");
    group.sample_size(30).throughput(Throughput::Elements(pilot_needs.len() as u64));
    let drafting = taxonomy();
    let today = time::macros::date!(2026 - 11 - 27);
    group.bench_function("three_answers_of_11_pilot_needs", |b| {
        b.iter(|| {
            for need in &pilot_needs {
                jobbmatch::draft::draft_need(need, &drafting, today);
            }
        });
    });
    group.finish();

    // Tags go through the store as over HTTP: log, apply, commit, reload. The server's committer
    // adds up to its interval (200 ms) of batching on top; this is the work itself.
    let store = Store::over(index, &dir.path().join("bench-wal.jsonl")).expect("store");
    let mut group = c.benchmark_group(label("tag_write_to_visible"));
    group.sample_size(20).measurement_time(Duration::from_secs(5));
    let mut written = 0u64;
    group.bench_function("add_tag_commit_and_see_it", |b| {
        b.iter(|| {
            written += 1;
            let id = format!("K{:07}", 1 + (written * 7919) % count as u64);
            let label = format!("interessert i benkmerking {written}");
            let tag = Tag {
                label: label.clone(),
                kind: TagKind::Interest,
                by: "V1042".into(),
                at: time::OffsetDateTime::now_utc(),
            };
            store
                .update(&id, |candidate| {
                    candidate.tags.push(tag);
                    Ok::<_, std::convert::Infallible>(Edit::Changed(()))
                })
                .expect("tag");
            store.commit().expect("commit");
            let seen = store.index().candidate(&id).expect("lookup").expect("present");
            assert!(seen.tags.iter().any(|tag| tag.label == label), "the tag is visible after the commit");
        });
    });
    group.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
