//! Prometheus metrics: requests and latencies per route, and the index's size and health.
//! Routes are recorded by their template (`/v1/candidates/{id}`), never with ids.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use super::AppState;
use crate::store::StoreStatus;

/// Latency histogram bucket bounds, seconds.
const BUCKETS: [f64; 12] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5];

#[derive(Default)]
struct Series {
    count: u64,
    seconds: f64,
    buckets: [u64; BUCKETS.len()],
}

/// Request counters and latency histograms.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    latency: Mutex<BTreeMap<String, Series>>,
}

impl Metrics {
    fn observe(&self, route: &str, method: &str, status: u16, seconds: f64) {
        let key = (route.to_string(), method.to_string(), status);
        *self.requests.lock().unwrap_or_else(|p| p.into_inner()).entry(key).or_default() += 1;
        let mut latency = self.latency.lock().unwrap_or_else(|p| p.into_inner());
        let series = latency.entry(route.to_string()).or_default();
        series.count += 1;
        series.seconds += seconds;
        for (bucket, bound) in series.buckets.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *bucket += 1;
            }
        }
    }

    /// The Prometheus text exposition.
    pub fn render(&self, store: &StoreStatus) -> String {
        let mut out = String::new();
        out.push_str("# HELP jobbmatch_http_requests_total HTTP requests by route, method and status.\n");
        out.push_str("# TYPE jobbmatch_http_requests_total counter\n");
        for ((route, method, status), count) in self.requests.lock().unwrap_or_else(|p| p.into_inner()).iter() {
            let _ = writeln!(
                out,
                "jobbmatch_http_requests_total{{route=\"{route}\",method=\"{method}\",status=\"{status}\"}} {count}"
            );
        }
        out.push_str("# HELP jobbmatch_http_request_duration_seconds Request latency by route.\n");
        out.push_str("# TYPE jobbmatch_http_request_duration_seconds histogram\n");
        for (route, series) in self.latency.lock().unwrap_or_else(|p| p.into_inner()).iter() {
            for (bound, count) in BUCKETS.iter().zip(series.buckets) {
                let _ = writeln!(
                    out,
                    "jobbmatch_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {count}"
                );
            }
            let _ = writeln!(
                out,
                "jobbmatch_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                series.count
            );
            let _ =
                writeln!(out, "jobbmatch_http_request_duration_seconds_sum{{route=\"{route}\"}} {}", series.seconds);
            let _ =
                writeln!(out, "jobbmatch_http_request_duration_seconds_count{{route=\"{route}\"}} {}", series.count);
        }
        let gauges = [
            ("jobbmatch_index_candidates", "Candidates in the index (committed).", store.candidates),
            ("jobbmatch_index_segments", "Index segments.", store.segments as u64),
            (
                "jobbmatch_uncommitted_changes",
                "Acknowledged changes not yet visible to shortlists.",
                store.uncommitted_changes as u64,
            ),
            ("jobbmatch_wal_bytes", "Bytes in the write-ahead log.", store.wal_bytes),
        ];
        for (name, help, value) in gauges {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}");
        }
        let counters = [
            ("jobbmatch_commits_total", "Index commits.", store.commits),
            ("jobbmatch_failed_commits_total", "Index commits that failed (and were retried).", store.failed_commits),
        ];
        for (name, help, value) in counters {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}");
        }
        out
    }
}

/// Middleware that times every request.
pub async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", |path| path.as_str()).to_string();
    let method = request.method().to_string();
    let response = next.run(request).await;
    state.metrics.observe(&route, &method, response.status().as_u16(), started.elapsed().as_secs_f64());
    response
}
