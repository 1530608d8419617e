//! Candidate-side constraints checked from plain values: hours, distance, start date.
//!
//! The same functions run in the scoring loop (over columns) and in explanations (over the stored
//! profile), so a shortlist and its explanation cannot disagree. The loop gets a compact
//! [`Checked`]; only explanations turn it into words with [`Checked::describe`].

use super::evidence::Strength;
use super::plan::ColumnTest;
use crate::model::{Candidate, Gap, GeoPoint, format_date};

/// Mean Earth radius, km.
const EARTH_RADIUS_KM: f32 = 6371.0;
/// Nearness halves every this many km.
pub const PROXIMITY_HALF_LIFE_KM: f32 = 20.0;

/// The result of one constraint for one candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Checked {
    pub strength: Strength,
    /// Grade override for graded constraints (distance); otherwise the strength's grade.
    pub grade: Option<f32>,
    /// What the employer adapts for this candidate, if the constraint holds only thanks to that.
    pub adaptation: Option<Adaptation>,
    /// What was found, for the explanation.
    pub finding: Finding,
}

/// An adaptation the employer makes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Adaptation {
    /// Hours go down to this stillingsprosent.
    Extent(u8),
    /// The start moves to this Julian day.
    Start(i32),
}

/// The fact a constraint was decided on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Finding {
    /// The candidate's desired range against a job of `job` %.
    Extent {
        min: u8,
        max: u8,
        job: u8,
    },
    /// `commute`: the candidate's own limit, when stated.
    Distance {
        km: f32,
        commute: Option<f32>,
    },
    UnknownHome,
    AvailableNow,
    AvailableFrom(i32),
    None,
}

impl Checked {
    fn new(strength: Strength, adaptation: Option<Adaptation>, finding: Finding) -> Self {
        Checked { strength, grade: if strength == Strength::None { Some(0.0) } else { None }, adaptation, finding }
    }

    /// The finding in words, for explanations.
    pub fn describe(&self) -> String {
        match self.finding {
            Finding::Extent { min, max, job } => {
                let wished = if min == max { format!("ønsker {max} %") } else { format!("ønsker {min}–{max} %") };
                if job < min {
                    format!("{wished}; stillingen på {job} % er mindre enn ønsket")
                } else if job > max {
                    format!("{wished}; kan jobbe høyst {max} %, stillingen er {job} %")
                } else {
                    wished
                }
            }
            Finding::Distance { km, commute: None } => format!("{km:.0} km fra bosted"),
            Finding::Distance { km, commute: Some(limit) } if km > limit => {
                format!("{km:.0} km fra bosted, over kandidatens pendlegrense på {limit:.0} km")
            }
            Finding::Distance { km, commute: Some(limit) } => {
                format!("{km:.0} km fra bosted, innenfor kandidatens pendlegrense på {limit:.0} km")
            }
            Finding::UnknownHome => "bosted ukjent".into(),
            Finding::AvailableNow => "tilgjengelig til oppstart".into(),
            Finding::AvailableFrom(day) => format!("tilgjengelig fra {}", julian(day)),
            Finding::None => String::new(),
        }
    }

    /// The adaptation in words, phrased from the employer's side.
    pub fn adaptation_text(&self) -> Option<String> {
        self.adaptation.map(|adaptation| match adaptation {
            Adaptation::Extent(percent) => format!("stillingsprosent ned til {percent} %"),
            Adaptation::Start(day) => format!("oppstart utsatt til {}", julian(day)),
        })
    }
}

fn julian(day: i32) -> String {
    time::Date::from_julian_day(day).map(format_date).unwrap_or_default()
}

/// What column tests read of one candidate: the same facts whether they come from a segment's
/// columns (ranking) or from the stored profile (explanations).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnFacts {
    /// Desired stillingsprosent; 0–100 when the profile states none.
    pub extent_min: u8,
    pub extent_max: u8,
    /// Home coordinates; NaN when unknown.
    pub lat: f32,
    pub lon: f32,
    /// How far the candidate can travel; infinite when unstated.
    pub max_commute: f32,
    /// Julian day the candidate is available from; `i32::MIN` for now.
    pub available_from: i32,
}

impl ColumnFacts {
    /// Nothing known: no stated range, no home, no limit, available now.
    pub const UNKNOWN: ColumnFacts = ColumnFacts {
        extent_min: 0,
        extent_max: 100,
        lat: f32::NAN,
        lon: f32::NAN,
        max_commute: f32::INFINITY,
        available_from: i32::MIN,
    };

    /// The facts of a stored profile, as the index's columns hold them.
    pub fn of_profile(profile: &Candidate) -> ColumnFacts {
        let (extent_min, extent_max) = profile.extent_percent.map_or((0, 100), |range| (range.min, range.max));
        let (lat, lon) = profile.location.map_or((f32::NAN, f32::NAN), |home| (home.lat as f32, home.lon as f32));
        ColumnFacts {
            extent_min,
            extent_max,
            lat,
            lon,
            max_commute: profile.max_commute_km.unwrap_or(f32::INFINITY),
            available_from: profile.available_from.map_or(i32::MIN, time::Date::to_julian_day),
        }
    }
}

/// Checks `test` against one candidate's facts.
#[inline]
pub fn check(test: &ColumnTest, facts: &ColumnFacts) -> Checked {
    match *test {
        ColumnTest::Extent { job_percent, adaptable_min } => {
            extent(job_percent, adaptable_min, facts.extent_min, facts.extent_max)
        }
        ColumnTest::Distance { origin, limit_km, commute } => {
            let max_commute = if commute { facts.max_commute } else { f32::INFINITY };
            distance(origin, limit_km, facts.lat, facts.lon, max_commute)
        }
        ColumnTest::StartDate { start, latest } => start_date(start, latest, facts.available_from),
    }
}

/// Grade of an extent met by a job smaller than the candidate wishes for: a note and a small
/// penalty, never an exclusion (part-time jobs are a way in: start at 60 %, step up).
pub const SMALLER_THAN_WISHED_GRADE: f32 = 0.8;

/// Desired extent `min..=max` against a job of `job` %, which the employer can lower to
/// `adaptable_min` %. The most a candidate can work (`max`) is a limit; the least they wish for
/// (`min`) is a wish.
pub fn extent(job: u8, adaptable_min: Option<u8>, min: u8, max: u8) -> Checked {
    let finding = Finding::Extent { min, max, job };
    if job > max {
        return match adaptable_min.is_some_and(|lowest| max >= lowest) {
            true => Checked::new(Strength::Exact, Some(Adaptation::Extent(max)), finding),
            false => Checked::new(Strength::None, None, finding),
        };
    }
    let grade = (job < min).then_some(SMALLER_THAN_WISHED_GRADE);
    Checked { grade, ..Checked::new(Strength::Exact, None, finding) }
}

/// Distance from the job to a home at `lat`,`lon` (NaN when unknown), against the employer's
/// limit and the candidate's own commute, which holds whether or not the employer set a limit.
/// Nearness is graded: it halves every 20 km. An unknown home fails an employer's limit; without
/// one it passes with no nearness (nobody can say the job is out of reach).
pub fn distance(origin: GeoPoint, limit_km: Option<f32>, lat: f32, lon: f32, max_commute: f32) -> Checked {
    if lat.is_nan() || lon.is_nan() {
        let strength = if limit_km.is_some() { Strength::None } else { Strength::Exact };
        return Checked { grade: Some(0.0), ..Checked::new(strength, None, Finding::UnknownHome) };
    }
    let km = km_between(origin, lat, lon);
    let finding = Finding::Distance { km, commute: max_commute.is_finite().then_some(max_commute) };
    if limit_km.is_some_and(|limit| km > limit) || km > max_commute {
        return Checked::new(Strength::None, None, finding);
    }
    Checked { strength: Strength::Exact, grade: Some(proximity(km)), adaptation: None, finding }
}

/// How far a failed column test is from being met, and whether that gap is narrow, wide, or
/// beyond any reasonable gap (`None`: not a near miss).
///
/// Narrow: over a distance limit by at most a quarter of it (at least 5 km); at most 20 points
/// fewer hours; at most 14 days later. Wide: over by up to the limit again (at least 15 km); up
/// to 40 points; up to 60 days. Beyond that, someone is not near.
pub fn shortfall(test: &ColumnTest, facts: &ColumnFacts) -> Option<(Gap, String)> {
    let by = |over: f32, narrow: f32, wide: f32| {
        if over <= narrow {
            Some(Gap::Narrow)
        } else if over <= wide {
            Some(Gap::Wide)
        } else {
            None
        }
    };
    match *test {
        ColumnTest::Extent { job_percent, adaptable_min } => {
            let lowest = adaptable_min.unwrap_or(job_percent).min(job_percent);
            let over = f32::from(lowest.saturating_sub(facts.extent_max));
            let words = match adaptable_min {
                Some(lowest) if lowest < job_percent => format!(
                    "kan jobbe høyst {} %, stillingen er {job_percent} % og kan gå ned til {lowest} %",
                    facts.extent_max
                ),
                _ => format!("kan jobbe høyst {} %, stillingen er {job_percent} %", facts.extent_max),
            };
            Some((by(over, 20.0, 40.0)?, words))
        }
        ColumnTest::Distance { origin, limit_km, commute } => {
            if facts.lat.is_nan() || facts.lon.is_nan() {
                return Some((Gap::Wide, "bosted ukjent".into()));
            }
            let km = km_between(origin, facts.lat, facts.lon);
            let (limit, words) = match limit_km {
                Some(limit) if km > limit => {
                    (limit, format!("{:.0} km for langt ({km:.0} km, grense {limit:.0} km)", km - limit))
                }
                _ if commute && km > facts.max_commute => {
                    let own = facts.max_commute;
                    (own, format!("{:.0} km over egen pendlegrense ({km:.0} km, kan reise {own:.0} km)", km - own))
                }
                _ => return None,
            };
            Some((by(km - limit, (0.25 * limit).max(5.0), limit.max(15.0))?, words))
        }
        ColumnTest::StartDate { start, latest } => {
            let latest = latest.unwrap_or(start).max(start);
            let days = facts.available_from.saturating_sub(latest);
            let words = format!(
                "tilgjengelig {days} dager etter {}",
                if latest > start { "seneste oppstart" } else { "oppstart" }
            );
            Some((by(days as f32, 14.0, 60.0)?, words))
        }
    }
}

/// Nearness grade for `km`: 1 at the door, ½ at 20 km, ¼ at 40 km.
pub fn proximity(km: f32) -> f32 {
    (-km / PROXIMITY_HALF_LIFE_KM * std::f32::consts::LN_2).exp()
}

/// Great-circle distance by the equirectangular approximation: within 0.5 % of haversine at
/// commuting distances, and a few times cheaper in the scoring loop.
pub fn km_between(origin: GeoPoint, lat: f32, lon: f32) -> f32 {
    let (lat0, lon0) = (origin.lat as f32, origin.lon as f32);
    let mean_lat = ((lat0 + lat) / 2.0).to_radians();
    let x = (lon - lon0).to_radians() * mean_lat.cos();
    let y = (lat - lat0).to_radians();
    (x * x + y * y).sqrt() * EARTH_RADIUS_KM
}

/// Availability (Julian day; `i32::MIN` for now) against the start day, which the employer can
/// move to `latest`.
pub fn start_date(start: i32, latest: Option<i32>, available: i32) -> Checked {
    if available <= start {
        let finding = if available == i32::MIN { Finding::AvailableNow } else { Finding::AvailableFrom(available) };
        return Checked::new(Strength::Exact, None, finding);
    }
    let adapted = latest.is_some_and(|latest| available <= latest);
    let strength = if adapted { Strength::Exact } else { Strength::None };
    Checked::new(strength, adapted.then_some(Adaptation::Start(available)), Finding::AvailableFrom(available))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extent_is_waived_exactly_down_to_the_employers_minimum() {
        // A candidate who wants at most 60 % fits a 100 % job whose hours can go down to 60 %.
        let checked = extent(100, Some(60), 40, 60);
        assert_eq!(checked.strength, Strength::Exact);
        assert_eq!(checked.adaptation_text().as_deref(), Some("stillingsprosent ned til 60 %"));
        // … but not one that can only go down to 80 %, nor one that cannot adapt at all.
        assert_eq!(extent(100, Some(80), 40, 60).strength, Strength::None);
        assert_eq!(extent(100, None, 40, 60).strength, Strength::None);
        let met = extent(100, None, 50, 100);
        assert_eq!((met.strength, met.adaptation, met.describe().as_str()), (Strength::Exact, None, "ønsker 50–100 %"));
        // Wanting more hours than the job offers is a wish, not a wall: a note and a small penalty.
        let smaller = extent(50, Some(40), 80, 100);
        assert_eq!((smaller.strength, smaller.grade), (Strength::Exact, Some(SMALLER_THAN_WISHED_GRADE)));
        assert_eq!(smaller.describe(), "ønsker 80–100 %; stillingen på 50 % er mindre enn ønsket");
        assert_eq!(extent(100, None, 40, 60).describe(), "ønsker 40–60 %; kan jobbe høyst 60 %, stillingen er 100 %");
    }

    #[test]
    fn distance_respects_both_limits_and_decays() {
        let kristiansand = GeoPoint { lat: 58.146, lon: 7.996 };
        let (grimstad_lat, grimstad_lon) = (58.34, 8.59);
        let km = km_between(kristiansand, grimstad_lat, grimstad_lon);
        assert!((38.0..42.0).contains(&km), "{km}");
        assert_eq!(distance(kristiansand, Some(30.0), grimstad_lat, grimstad_lon, 100.0).strength, Strength::None);
        let over = distance(kristiansand, Some(50.0), grimstad_lat, grimstad_lon, 20.0);
        assert_eq!(over.strength, Strength::None);
        assert!(over.describe().contains("pendlegrense på 20 km"), "{}", over.describe());
        let near = distance(kristiansand, Some(50.0), grimstad_lat, grimstad_lon, f32::INFINITY);
        assert!(near.strength == Strength::Exact && (0.2..0.3).contains(&near.grade.unwrap_or_default()));
        assert_eq!(distance(kristiansand, Some(50.0), f32::NAN, f32::NAN, 10.0).strength, Strength::None);
        // Without the employer's limit the candidate's own commute still holds; an unknown home
        // cannot be said to be out of reach.
        let bergen = distance(kristiansand, None, 60.39, 5.32, 60.0);
        assert_eq!(bergen.strength, Strength::None);
        assert!(bergen.describe().contains("over kandidatens pendlegrense på 60 km"), "{}", bergen.describe());
        let within = distance(kristiansand, None, grimstad_lat, grimstad_lon, 60.0);
        assert_eq!(within.strength, Strength::Exact);
        assert!(within.describe().contains("innenfor kandidatens pendlegrense på 60 km"), "{}", within.describe());
        let unknown = distance(kristiansand, None, f32::NAN, f32::NAN, 10.0);
        assert_eq!((unknown.strength, unknown.grade), (Strength::Exact, Some(0.0)));
        assert!((proximity(20.0) - 0.5).abs() < 1e-6);
    }

    #[test]
    fn shortfalls_are_narrow_wide_or_beyond_any_reasonable_gap() {
        let kristiansand = GeoPoint { lat: 58.146, lon: 7.996 };
        let at = |lat: f32, lon: f32, max_commute: f32| ColumnFacts { lat, lon, max_commute, ..ColumnFacts::UNKNOWN };
        let limit = ColumnTest::Distance { origin: kristiansand, limit_km: Some(30.0), commute: false };
        // Grimstad, 41 km away: 11 km over a 30 km limit is wide (narrow is a quarter of the limit, at least 5 km).
        let grimstad = at(58.34, 8.59, f32::INFINITY);
        let (gap, words) = shortfall(&limit, &grimstad).expect("near");
        assert_eq!(gap, Gap::Wide, "{words}");
        let forty = ColumnTest::Distance { origin: kristiansand, limit_km: Some(35.0), commute: false };
        let (gap, words) = shortfall(&forty, &grimstad).expect("near");
        assert_eq!((gap, words.as_str()), (Gap::Narrow, "6 km for langt (41 km, grense 35 km)"));
        // Bergen, over 300 km away, is not a near miss of either limit.
        let bergen = at(60.39, 5.32, 60.0);
        assert_eq!(shortfall(&limit, &bergen), None);
        let own = ColumnTest::Distance { origin: kristiansand, limit_km: None, commute: true };
        assert_eq!(shortfall(&own, &bergen), None);
        let (gap, words) = shortfall(&own, &at(58.34, 8.59, 35.0)).expect("near");
        assert_eq!((gap, words.as_str()), (Gap::Narrow, "6 km over egen pendlegrense (41 km, kan reise 35 km)"));

        let hours = |max: u8| ColumnFacts { extent_min: 0, extent_max: max, ..ColumnFacts::UNKNOWN };
        let full = ColumnTest::Extent { job_percent: 100, adaptable_min: None };
        assert_eq!(shortfall(&full, &hours(80)).map(|s| s.0), Some(Gap::Narrow));
        assert_eq!(shortfall(&full, &hours(60)).map(|s| s.0), Some(Gap::Wide));
        assert_eq!(shortfall(&full, &hours(50)), None, "half the hours is beyond a reasonable gap");
        let adaptable = ColumnTest::Extent { job_percent: 100, adaptable_min: Some(60) };
        let (gap, words) = shortfall(&adaptable, &hours(50)).expect("near");
        assert_eq!(
            (gap, words.as_str()),
            (Gap::Narrow, "kan jobbe høyst 50 %, stillingen er 100 % og kan gå ned til 60 %")
        );

        let start = time::macros::date!(2027 - 01 - 04).to_julian_day();
        let later = |days: i32| ColumnFacts { available_from: start + days, ..ColumnFacts::UNKNOWN };
        let test = ColumnTest::StartDate { start, latest: None };
        assert_eq!(shortfall(&test, &later(10)), Some((Gap::Narrow, "tilgjengelig 10 dager etter oppstart".into())));
        assert_eq!(shortfall(&test, &later(45)).map(|s| s.0), Some(Gap::Wide));
        assert_eq!(shortfall(&test, &later(120)), None);
    }

    #[test]
    fn start_date_can_be_postponed_to_the_latest_day() {
        let start = time::macros::date!(2027 - 01 - 04).to_julian_day();
        let later = start + 30;
        assert_eq!(start_date(start, None, i32::MIN).strength, Strength::Exact);
        assert_eq!(start_date(start, None, later).strength, Strength::None);
        let postponed = start_date(start, Some(later), later);
        assert_eq!(postponed.adaptation_text().as_deref(), Some("oppstart utsatt til 2027-02-03"));
    }
}
