//! Time to match: per need, the days from saved to the first candidate presented and to the
//! first hired, and the days its candidates spent in each status; across needs, the median and
//! 90th percentile of those days, the share of needs with someone presented within 30 and 90
//! days, and the funnel from shortlisted to hired — by the month the need was saved, by kontor
//! and by industry (STYRK-08 major group). The pilot measured 4.5 months from consent to start.
//!
//! Definitions: a day is 24 hours; the median of an even count is the mean of the middle two;
//! the 90th percentile is the nearest rank (the smallest value with at least 90 % at or below
//! it). A need counts in the "within N days" shares whatever its age.

use std::collections::BTreeMap;

use serde::Serialize;
use time::OffsetDateTime;

use super::ledger::{Ledger, NeedView};
use super::model::Status;

/// One need's figures.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct NeedTimes {
    pub need: String,
    pub kontor: String,
    /// `YYYY-MM` the need was saved.
    pub month: String,
    /// STYRK-08 major group (first digit), if the need named an occupation code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    pub days_to_first_presented: Option<f64>,
    pub days_to_first_hired: Option<f64>,
    /// Days the need's candidates spent in each status, summed over candidates (until now for
    /// an open need, until it closed otherwise).
    pub days_in_status: BTreeMap<String, f64>,
    pub shortlisted: usize,
    pub contacted: usize,
    pub presented: usize,
    pub hired: usize,
}

/// Figures across a group of needs.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Summary {
    pub needs: usize,
    pub median_days_to_presented: Option<f64>,
    pub p90_days_to_presented: Option<f64>,
    pub median_days_to_hired: Option<f64>,
    pub p90_days_to_hired: Option<f64>,
    /// Share of the needs with someone presented within 30 (90) days of saving.
    pub presented_within_30_days: f64,
    pub presented_within_90_days: f64,
    pub shortlisted: usize,
    pub contacted: usize,
    pub presented: usize,
    pub hired: usize,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TimeToMatch {
    pub overall: Summary,
    pub by_month: BTreeMap<String, Summary>,
    pub by_kontor: BTreeMap<String, Summary>,
    pub by_industry: BTreeMap<String, Summary>,
    pub per_need: Vec<NeedTimes>,
}

const DAY: f64 = 86_400.0;

fn days(from: OffsetDateTime, to: OffsetDateTime) -> f64 {
    (to - from).as_seconds_f64() / DAY
}

/// The figures of one need, as of `now`.
pub fn need_times(view: &NeedView, now: OffsetDateTime) -> NeedTimes {
    let saved = view.created;
    let end = if view.state == super::NeedState::Open { now } else { view.changed };
    let first = |prefixes: &[&str]| {
        view.candidates
            .iter()
            .flat_map(|entry| entry.history.iter())
            .filter(|change| prefixes.iter().any(|p| change.what == *p))
            .map(|change| change.at)
            .min()
    };
    let presented_at = first(&["outcome:presentert", "outcome:fått_jobben"]);
    let hired_at = first(&["outcome:fått_jobben"]);
    let mut days_in_status: BTreeMap<String, f64> = Status::ALL.iter().map(|s| (s.name().to_string(), 0.0)).collect();
    for entry in &view.candidates {
        let mut status = Status::Considered.name().to_string();
        let mut since = entry.added;
        for change in &entry.history {
            if let Some(next) = change.what.strip_prefix("status:") {
                *days_in_status.entry(status.clone()).or_default() += days(since, change.at).max(0.0);
                status = next.to_string();
                since = change.at;
            }
        }
        *days_in_status.entry(status).or_default() += days(since, end).max(0.0);
    }
    let ever = |test: &dyn Fn(&str) -> bool| {
        view.candidates.iter().filter(|entry| entry.history.iter().any(|change| test(&change.what))).count()
    };
    let contacted_or_beyond = |what: &str| {
        matches!(what, "status:kontaktet" | "status:aktuell" | "status:til_intervju")
            || what.starts_with("outcome:presentert")
            || what == "outcome:fått_jobben"
    };
    NeedTimes {
        need: view.id.clone(),
        kontor: view.saved.kontor.clone(),
        month: format!("{:04}-{:02}", saved.year(), u8::from(saved.month())),
        industry: view.saved.styrk.as_ref().and_then(|code| code.chars().next()).map(|c| c.to_string()),
        days_to_first_presented: presented_at.map(|at| days(saved, at)),
        days_to_first_hired: hired_at.map(|at| days(saved, at)),
        days_in_status,
        shortlisted: view.candidates.len(),
        contacted: ever(&contacted_or_beyond),
        presented: ever(&|what| what == "outcome:presentert" || what == "outcome:fått_jobben"),
        hired: ever(&|what| what == "outcome:fått_jobben"),
    }
}

/// The report over every need saved in `[from, to)` (all when `None`), as of `now`.
pub fn time_to_match(
    ledger: &Ledger,
    from: Option<OffsetDateTime>,
    to: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> TimeToMatch {
    let per_need: Vec<NeedTimes> = ledger
        .needs()
        .filter(|view| from.is_none_or(|from| view.created >= from) && to.is_none_or(|to| view.created < to))
        .map(|view| need_times(view, now))
        .collect();
    let group = |key: &dyn Fn(&NeedTimes) -> Option<String>| {
        let mut groups: BTreeMap<String, Vec<&NeedTimes>> = BTreeMap::new();
        for times in &per_need {
            if let Some(key) = key(times) {
                groups.entry(key).or_default().push(times);
            }
        }
        groups.into_iter().map(|(key, needs)| (key, summarise(&needs))).collect()
    };
    TimeToMatch {
        overall: summarise(&per_need.iter().collect::<Vec<_>>()),
        by_month: group(&|t| Some(t.month.clone())),
        by_kontor: group(&|t| Some(t.kontor.clone())),
        by_industry: group(&|t| t.industry.clone()),
        per_need,
    }
}

fn summarise(needs: &[&NeedTimes]) -> Summary {
    let sorted = |pick: &dyn Fn(&NeedTimes) -> Option<f64>| {
        let mut values: Vec<f64> = needs.iter().filter_map(|t| pick(t)).collect();
        values.sort_by(f64::total_cmp);
        values
    };
    let presented = sorted(&|t| t.days_to_first_presented);
    let hired = sorted(&|t| t.days_to_first_hired);
    let share = |limit: f64| {
        if needs.is_empty() {
            return 0.0;
        }
        presented.iter().filter(|d| **d <= limit).count() as f64 / needs.len() as f64
    };
    Summary {
        needs: needs.len(),
        median_days_to_presented: median(&presented),
        p90_days_to_presented: nearest_rank(&presented, 0.9),
        median_days_to_hired: median(&hired),
        p90_days_to_hired: nearest_rank(&hired, 0.9),
        presented_within_30_days: share(30.0),
        presented_within_90_days: share(90.0),
        shortlisted: needs.iter().map(|t| t.shortlisted).sum(),
        contacted: needs.iter().map(|t| t.contacted).sum(),
        presented: needs.iter().map(|t| t.presented).sum(),
        hired: needs.iter().map(|t| t.hired).sum(),
    }
}

/// The median of sorted values.
pub fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// The nearest-rank `q` quantile of sorted values.
pub fn nearest_rank(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (q * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted.get(rank.min(sorted.len()) - 1).copied()
}

/// The per-need figures as CSV (semicolons, a header row; days with one decimal, empty when
/// not yet reached), for spreadsheets.
pub fn per_need_csv(report: &TimeToMatch) -> Result<String, csv::Error> {
    let mut writer =
        csv::WriterBuilder::new().delimiter(b';').terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let mut header = vec![
        "behov",
        "kontor",
        "maaned",
        "styrk_gruppe",
        "dager_til_presentert",
        "dager_til_ansatt",
        "kortliste",
        "kontaktet",
        "presentert",
        "ansatt",
    ];
    let statuses: Vec<String> = Status::ALL.iter().map(|s| format!("dager_{}", s.name())).collect();
    header.extend(statuses.iter().map(String::as_str));
    writer.write_record(&header)?;
    let days = |d: Option<f64>| d.map_or(String::new(), |d| format!("{d:.1}"));
    for times in &report.per_need {
        let mut row = vec![
            times.need.clone(),
            crate::model::spreadsheet_safe(&times.kontor).into_owned(),
            times.month.clone(),
            times.industry.clone().unwrap_or_default(),
            days(times.days_to_first_presented),
            days(times.days_to_first_hired),
            times.shortlisted.to_string(),
            times.contacted.to_string(),
            times.presented.to_string(),
            times.hired.to_string(),
        ];
        row.extend(Status::ALL.iter().map(|s| days(times.days_in_status.get(s.name()).copied())));
        writer.write_record(&row)?;
    }
    let bytes = writer.into_inner().map_err(|error| csv::Error::from(error.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_nearest_ranks_by_hand() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0]), Some(3.0));
        assert_eq!(median(&[1.0, 3.0, 10.0, 20.0]), Some(6.5));
        let ten: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(nearest_rank(&ten, 0.9), Some(9.0));
        assert_eq!(nearest_rank(&[5.0, 7.0], 0.9), Some(7.0));
        assert_eq!(nearest_rank(&[5.0], 0.9), Some(5.0));
    }

    use crate::followup::test_events::{added, day, outcome, saved, state, status};
    use crate::followup::{Event, Ledger, NeedState, Outcome, Status};

    #[test]
    fn a_need_walked_from_saved_to_filled_gives_the_figures_computed_by_hand() {
        let events = [
            // Need A (Kristiansand, STYRK 9): saved day 0, K1 presented day 10 and hired day 40.
            Event::NeedSaved {
                saved: saved("A", "Kristiansand", "9321"),
                owner: "R1".into(),
                by: "R1".into(),
                at: day(0),
            },
            added("A", "K1", 1),
            added("A", "K2", 1),
            added("A", "K4", 2),
            added("A", "K5", 2),
            status("A", "K1", Status::Contacted, 3),
            status("A", "K5", Status::Contacted, 4),
            status("A", "K1", Status::Relevant, 5),
            status("A", "K2", Status::Unsuitable, 5),
            status("A", "K4", Status::NotInterested, 6),
            status("A", "K1", Status::Interview, 8),
            outcome("A", "K1", Outcome::Presented, 10),
            outcome("A", "K5", Outcome::Presented, 20),
            outcome("A", "K1", Outcome::Hired, 40),
            state("A", NeedState::Filled, 45),
            // Need B (Arendal, STYRK 5), a month later: K3 presented day 100, closed day 120.
            Event::NeedSaved { saved: saved("B", "Arendal", "5223"), owner: "R1".into(), by: "R1".into(), at: day(31) },
            added("B", "K3", 32),
            outcome("B", "K3", Outcome::Presented, 131),
            state("B", NeedState::Closed, 151),
        ];
        let mut ledger = Ledger::default();
        for event in &events {
            ledger.check(event).unwrap_or_else(|error| panic!("{event:?}: {error}"));
            ledger.apply(event);
        }
        // Closing B closed its list: the presented K3 learns nobody got the job.
        assert_eq!(ledger.need("B").expect("B").candidates[0].outcome, Outcome::NobodyHired);
        let a = ledger.need("A").expect("A");
        assert_eq!(a.candidates[0].outcome, Outcome::Hired);
        assert_eq!(a.candidates[3].outcome, Outcome::SomeoneElseHired, "K5 was presented; K1 got the job");

        let report = time_to_match(&ledger, None, None, day(400));
        let a = &report.per_need[0];
        assert_eq!((a.days_to_first_presented, a.days_to_first_hired), (Some(10.0), Some(40.0)));
        // K1: vurderes 1→3, kontaktet 3→5, aktuell 5→8, til_intervju 8→45; K2: vurderes 1→5,
        // uaktuell 5→45; K4: vurderes 2→6, uinteressert 6→45; K5: vurderes 2→4, kontaktet 4→45.
        assert_eq!(a.days_in_status["vurderes"], 2.0 + 4.0 + 4.0 + 2.0);
        assert_eq!(a.days_in_status["kontaktet"], 2.0 + 41.0);
        assert_eq!(a.days_in_status["aktuell"], 3.0);
        assert_eq!(a.days_in_status["til_intervju"], 37.0);
        assert_eq!(a.days_in_status["uaktuell"], 40.0);
        assert_eq!(a.days_in_status["uinteressert"], 39.0);
        assert_eq!((a.shortlisted, a.contacted, a.presented, a.hired), (4, 2, 2, 1));
        let b = &report.per_need[1];
        assert_eq!((b.days_to_first_presented, b.days_to_first_hired), (Some(100.0), None));
        assert_eq!(b.days_in_status["vurderes"], 119.0, "day 32 to the close on day 151");
        assert_eq!((b.month.as_str(), b.industry.as_deref()), ("2026-04", Some("5")));

        let all = &report.overall;
        assert_eq!(all.needs, 2);
        assert_eq!(all.median_days_to_presented, Some(55.0), "(10 + 100) / 2");
        assert_eq!(all.p90_days_to_presented, Some(100.0), "nearest rank: the 2nd of 2");
        assert_eq!((all.median_days_to_hired, all.p90_days_to_hired), (Some(40.0), Some(40.0)));
        assert_eq!((all.presented_within_30_days, all.presented_within_90_days), (0.5, 0.5));
        assert_eq!((all.shortlisted, all.contacted, all.presented, all.hired), (5, 3, 3, 1));
        assert_eq!(report.by_month.keys().collect::<Vec<_>>(), ["2026-03", "2026-04"]);
        assert_eq!(report.by_kontor["Arendal"].needs, 1);
        assert_eq!(report.by_industry["9"].median_days_to_hired, Some(40.0));
        let csv = per_need_csv(&report).expect("csv");
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[0].starts_with("behov;kontor;maaned;styrk_gruppe;dager_til_presentert"), "{csv}");
        assert!(
            lines[1].starts_with("A;Kristiansand;2026-03;9;10.0;40.0;4;2;2;1;12.0;43.0;3.0;37.0;40.0;39.0"),
            "{csv}"
        );
        // A period holds only the needs saved in it.
        let april = time_to_match(&ledger, Some(day(31)), None, day(400));
        assert_eq!(april.per_need.iter().map(|t| t.need.as_str()).collect::<Vec<_>>(), ["B"]);
    }
}
