//! Shortlist latency on the committed fixtures (2,000 candidates, every fixture need), with and
//! without near misses and relaxation counts.
//!
//! Run: `cargo bench --bench shortlist`. Figures are medians; these 2-core machines are noisy, so
//! compare ratios between runs on the same machine rather than absolute times across machines.

use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use jobbmatch::index::CandidateIndex;
use jobbmatch::matching::Matcher;
use jobbmatch::model::JobNeed;
use jobbmatch::taxonomy::Taxonomy;

fn fixture_index() -> CandidateIndex {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let candidates = jobbmatch::load::read_candidates(&root.join("candidates.jsonl")).expect("fixtures load");
    let index = CandidateIndex::in_memory(Taxonomy::embedded().expect("taxonomy")).expect("index");
    index.replace_all(&candidates, &|_| {}).expect("indexing");
    index
}

fn fixture_needs() -> Vec<(String, JobNeed)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/needs");
    let mut needs: Vec<_> = std::fs::read_dir(dir)
        .expect("needs")
        .map(|entry| entry.expect("entry").path())
        .map(|path| {
            let need = JobNeed::from_json(&std::fs::read_to_string(&path).expect("read")).expect("valid need");
            (path.file_stem().expect("stem").to_string_lossy().into_owned(), need)
        })
        .collect();
    needs.sort_by(|a, b| a.0.cmp(&b.0));
    needs
}

fn shortlist(c: &mut Criterion) {
    let index = fixture_index();
    let needs = fixture_needs();
    let mut group = c.benchmark_group("shortlist_fixtures");
    group.sample_size(30).measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(500));
    for (name, need) in &needs {
        group.bench_function(name.as_str(), |b| {
            b.iter(|| Matcher::new(&index).shortlist(need).expect("shortlist"));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("shortlist_fixtures_without_near_misses");
    group.sample_size(30).measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(500));
    for (name, need) in needs.iter().take(3) {
        group.bench_function(name.as_str(), |b| {
            b.iter(|| Matcher::new(&index).near_misses(0).relaxation(false).shortlist(need).expect("shortlist"));
        });
    }
    group.finish();
}

criterion_group!(benches, shortlist);
criterion_main!(benches);
