//! Metrics for operators, in the OpenMetrics text format Prometheus scrapes: requests and latency
//! by route template (never with ids), and the index's size and health read at each scrape.
//! `prometheus-client` does the encoding (escaping, `_total` suffixes, histogram buckets).

use std::sync::Arc;

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use crate::followup::report::time_to_match;
use crate::followup::{FollowUps, NeedState};
use crate::store::Store;

/// Latency histogram bucket bounds, seconds.
const BUCKETS: [f64; 12] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5];

/// The content type of [`Metrics::render`]'s text.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: String,
    status: u16,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

type LatencyFamily = Family<RouteLabels, Histogram, fn() -> Histogram>;

/// Request counters and latency histograms, and the store's figures at each scrape.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: LatencyFamily,
}

impl Metrics {
    /// Metrics that read `store`'s figures when rendered.
    pub fn new(store: Arc<Store>) -> Metrics {
        let mut registry = Registry::default();
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = LatencyFamily::new_with_constructor(|| Histogram::new(BUCKETS));
        registry.register("jobbmatch_http_requests", "HTTP requests by route, method and status", requests.clone());
        registry.register("jobbmatch_http_request_duration_seconds", "Request latency by route", latency.clone());
        registry.register_collector(Box::new(StoreFigures(store)));
        Metrics { registry, requests, latency }
    }

    /// Also reports the kandidatlister's time-to-match figures at each scrape.
    pub fn watch_follow_ups(&mut self, follow_ups: Arc<FollowUps>) {
        self.registry.register_collector(Box::new(FollowUpFigures(follow_ups)));
    }

    /// Counts one request to `route` (its template) answered with `status` in `seconds`.
    pub fn observe(&self, route: &str, method: &str, status: u16, seconds: f64) {
        let labels = RequestLabels { route: route.to_string(), method: method.to_string(), status };
        self.requests.get_or_create(&labels).inc();
        self.latency.get_or_create(&RouteLabels { route: route.to_string() }).observe(seconds);
    }

    /// The OpenMetrics text exposition.
    pub fn render(&self) -> String {
        let mut text = String::new();
        if let Err(error) = prometheus_client::encoding::text::encode(&mut text, &self.registry) {
            tracing::error!(%error, "metrics could not be encoded");
        }
        text
    }
}

/// The store's figures, read at each scrape.
struct StoreFigures(Arc<Store>);

impl std::fmt::Debug for StoreFigures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StoreFigures")
    }
}

impl Collector for StoreFigures {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let status = self.0.status();
        let gauges = [
            ("jobbmatch_index_candidates", "Candidates in the index (committed)", status.candidates as i64),
            ("jobbmatch_index_segments", "Index segments", status.segments as i64),
            (
                "jobbmatch_uncommitted_changes",
                "Acknowledged changes not yet visible to shortlists",
                status.uncommitted_changes as i64,
            ),
            ("jobbmatch_wal_bytes", "Bytes in the write-ahead log", status.wal_bytes as i64),
        ];
        for (name, help, value) in gauges {
            let gauge = ConstGauge::new(value);
            gauge.encode(encoder.encode_descriptor(name, help, None, gauge.metric_type())?)?;
        }
        let counters = [
            ("jobbmatch_commits", "Index commits", status.commits),
            ("jobbmatch_failed_commits", "Index commits that failed (and were retried)", status.failed_commits),
        ];
        for (name, help, value) in counters {
            let counter = ConstCounter::new(value);
            counter.encode(encoder.encode_descriptor(name, help, None, counter.metric_type())?)?;
        }
        Ok(())
    }
}

/// The time-to-match figures over every saved need, read at each scrape (the same as the
/// report's `overall`).
struct FollowUpFigures(Arc<FollowUps>);

impl std::fmt::Debug for FollowUpFigures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FollowUpFigures")
    }
}

impl Collector for FollowUpFigures {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let now = time::OffsetDateTime::now_utc();
        let (report, open) = self.0.read(|ledger| {
            let open = ledger.needs().filter(|need| need.state == NeedState::Open).count();
            (time_to_match(ledger, None, None, now), open)
        });
        let all = &report.overall;
        let figures: [(&str, &str, Option<f64>); 10] = [
            ("jobbmatch_needs_saved", "Saved job needs", Some(all.needs as f64)),
            ("jobbmatch_needs_open", "Saved job needs still open", Some(open as f64)),
            (
                "jobbmatch_days_to_first_presented_median",
                "Median days from saved need to first candidate presented",
                all.median_days_to_presented,
            ),
            (
                "jobbmatch_days_to_first_presented_p90",
                "90th percentile (nearest rank) of the same",
                all.p90_days_to_presented,
            ),
            (
                "jobbmatch_days_to_first_hired_median",
                "Median days from saved need to first hire",
                all.median_days_to_hired,
            ),
            ("jobbmatch_days_to_first_hired_p90", "90th percentile (nearest rank) of the same", all.p90_days_to_hired),
            (
                "jobbmatch_needs_presented_within_30_days_ratio",
                "Share of needs with someone presented within 30 days",
                Some(all.presented_within_30_days),
            ),
            (
                "jobbmatch_needs_presented_within_90_days_ratio",
                "Share of needs with someone presented within 90 days",
                Some(all.presented_within_90_days),
            ),
            ("jobbmatch_list_candidates_presented", "Candidates presented, over all lists", Some(all.presented as f64)),
            ("jobbmatch_list_candidates_hired", "Candidates hired, over all lists", Some(all.hired as f64)),
        ];
        for (name, help, value) in figures {
            if let Some(value) = value {
                let gauge = ConstGauge::new(value);
                gauge.encode(encoder.encode_descriptor(name, help, None, gauge.metric_type())?)?;
            }
        }
        Ok(())
    }
}
