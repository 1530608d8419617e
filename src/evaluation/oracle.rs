//! An independent check of must-haves, for the evaluation's must-have precision.
//!
//! Written apart from the matcher on purpose: plain string tests over the raw profile, its own
//! table of licence classes and levels, its own distance formula. If the matcher and this oracle
//! disagree, one of them is wrong, and the evaluation shows it.

use serde::Deserialize;

use crate::model::{Candidate, GeoPoint};

/// One hand-written must-have rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
pub enum Rule {
    Licence {
        licence: String,
    },
    Truck {
        truck: String,
    },
    Language {
        language: String,
        min: String,
    },
    Any {
        any: Vec<String>,
        #[serde(rename = "in")]
        parts: Vec<String>,
    },
    Fagbrev {
        fagbrev: String,
    },
    /// A trade certificate in any of these trades: a fagbrev in the education, or a fagbrev,
    /// svennebrev or mesterbrev (which includes the fagbrev) among the certificates.
    Trade {
        trade: Vec<String>,
    },
    /// Any one of these languages at `min` or above.
    LanguageAny {
        language_any: Vec<String>,
        min: String,
    },
    WithinKm {
        within_km: f64,
    },
    Shift {
        shift: String,
    },
    NoNeed {
        no_need: Vec<String>,
    },
    /// The candidate can work a job of this many percent: the most they can work reaches it.
    /// Wishing for more hours is no exclusion (a part-time job is a way in).
    ExtentIncludes {
        extent_includes: u8,
    },
    /// Kept for the suites that name it so: the same rule as `extent_includes`.
    ExtentReaches {
        extent_reaches: u8,
    },
    /// A job whose hours can go anywhere in `[low, high]`: the candidate can work at least `low`.
    ExtentOverlaps {
        extent_overlaps: [u8; 2],
    },
    AvailableBy {
        available_by: String,
    },
}

/// Everyday names of licence classes, as a word or the start of a compound (longest first).
const EVERYDAY: &[(&str, &str)] = &[("minibuss", "D1"), ("buss", "D"), ("lastebil", "C"), ("vogntog", "CE")];

/// Held class → the classes it satisfies (B is satisfied by BE, C1, C1E, C, CE, D1, D1E, D, DE).
const WIDER: &[(&str, &[&str])] = &[
    ("B", &["B"]),
    ("BE", &["B", "BE"]),
    ("C1", &["B", "C1"]),
    ("C1E", &["B", "BE", "C1", "C1E"]),
    ("C", &["B", "C1", "C"]),
    ("CE", &["B", "BE", "C1", "C1E", "C", "CE"]),
    ("D1", &["B", "D1"]),
    ("D1E", &["B", "BE", "D1", "D1E"]),
    ("D", &["B", "D1", "D"]),
    ("DE", &["B", "BE", "D1", "D1E", "D", "DE"]),
];

fn cefr(level: &str) -> u8 {
    match level.to_uppercase().as_str() {
        "A1" => 1,
        "A2" | "NYBEGYNNER" => 2,
        "B1" | "GODT" => 3,
        "B2" => 4,
        "C1" | "VELDIG_GODT" => 5,
        "C2" | "FOERSTESPRAAK" => 6,
        _ => 0,
    }
}

/// Whether `candidate` meets every rule for a job at `job`.
pub fn meets(candidate: &Candidate, rules: &[Rule], job: Option<GeoPoint>) -> bool {
    candidate.visible && rules.iter().all(|rule| meets_rule(candidate, rule, job))
}

/// Licence classes one step below each class, by this oracle's own reading.
const ONE_BELOW: &[(&str, &[&str])] = &[
    ("BE", &["B"]),
    ("C1", &["B"]),
    ("D1", &["B"]),
    ("C", &["C1"]),
    ("C1E", &["C1", "BE"]),
    ("CE", &["C", "C1E"]),
    ("D", &["D1"]),
    ("D1E", &["D1", "BE"]),
    ("DE", &["D", "D1E"]),
];

/// Whether `candidate` fails exactly one rule, and only narrowly: a step short that a near-miss
/// list should show (a few km over, one language level, a licence class or trade rung below, a
/// little fewer hours, a couple of weeks later). The evaluation's label for near-miss recall.
pub fn fails_narrowly(candidate: &Candidate, rules: &[Rule], job: Option<GeoPoint>) -> bool {
    let failed: Vec<&Rule> = rules.iter().filter(|rule| !meets_rule(candidate, rule, job)).collect();
    candidate.visible && matches!(failed.as_slice(), [rule] if narrowly(candidate, rule, job))
}

fn narrowly(c: &Candidate, rule: &Rule, job: Option<GeoPoint>) -> bool {
    let lower = |s: &str| s.to_lowercase();
    let apprentice = |trades: &[String]| {
        let texts = c.experience.iter().map(|e| lower(&e.occupation)).chain(c.certificates.iter().map(|t| lower(t)));
        texts.filter(|text| text.contains("lærling")).any(|text| trades.iter().any(|t| text.contains(t.as_str())))
    };
    match rule {
        Rule::Licence { licence } => ONE_BELOW
            .iter()
            .filter(|(class, _)| class == licence)
            .flat_map(|(_, below)| below.iter())
            .any(|below| meets_rule(c, &Rule::Licence { licence: below.to_string() }, job)),
        Rule::Language { language, min } => {
            c.languages.iter().any(|l| lower(&l.language) == *language && l.level.rank() + 1 == cefr(min))
        }
        Rule::LanguageAny { language_any, min } => {
            c.languages.iter().any(|l| language_any.contains(&lower(&l.language)) && l.level.rank() + 1 == cefr(min))
        }
        Rule::Fagbrev { fagbrev } => apprentice(std::slice::from_ref(fagbrev)),
        Rule::Trade { trade } => apprentice(trade),
        Rule::WithinKm { within_km } => match (job, c.location) {
            (Some(job), Some(home)) => {
                let km = haversine(job, home);
                let own = c.max_commute_km.map_or(f64::INFINITY, f64::from);
                let limit = within_km.min(own);
                km - limit <= (limit / 4.0).max(5.0)
            }
            _ => false,
        },
        Rule::ExtentIncludes { extent_includes: percent } | Rule::ExtentReaches { extent_reaches: percent } => {
            c.extent_percent.is_some_and(|r| r.max + 20 >= *percent)
        }
        Rule::ExtentOverlaps { extent_overlaps: [low, _] } => c.extent_percent.is_some_and(|r| r.max + 20 >= *low),
        Rule::AvailableBy { available_by } => match (c.available_from, crate::model::parse_date(available_by)) {
            (Some(day), Ok(by)) => (day - by).whole_days() <= 14,
            _ => false,
        },
        Rule::Truck { .. } | Rule::Any { .. } | Rule::Shift { .. } | Rule::NoNeed { .. } => false,
    }
}

fn meets_rule(c: &Candidate, rule: &Rule, job: Option<GeoPoint>) -> bool {
    let lower = |s: &str| s.to_lowercase();
    match rule {
        Rule::Licence { licence } => c.certificates.iter().any(|text| {
            let text = lower(text);
            let words: Vec<&str> = text.split(|ch: char| !ch.is_alphanumeric()).collect();
            let paper = ["førerkort", "førarkort", "sertifikat", "lappen", "klasse"];
            let is_licence = words.iter().any(|w| paper.iter().any(|p| w.contains(p)));
            // Everyday names: `buss-lappen`, `bussertifikat`, `lastebillappen`, `sertifikat for lastebil`.
            let everyday: Vec<String> = EVERYDAY
                .iter()
                .filter(|(name, _)| words.iter().any(|w| w.starts_with(name)))
                .map(|(_, class)| class.to_string())
                .collect();
            let mut held: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
            held.extend(everyday.iter().cloned());
            if words.contains(&"lappen")
                && everyday.is_empty()
                && !held.iter().any(|h| WIDER.iter().any(|(c, _)| c == h))
            {
                held.push("B".into());
            }
            is_licence
                && held
                    .iter()
                    .any(|h| WIDER.iter().any(|(class, covers)| class == h && covers.contains(&licence.as_str())))
        }),
        Rule::Truck { truck } => c.certificates.iter().any(|text| {
            let text = lower(text);
            text.contains("truck") && truck_classes(&text).contains(&lower(truck))
        }),
        Rule::Language { language, min } => {
            c.languages.iter().any(|l| lower(&l.language) == *language && l.level.rank() >= cefr(min))
        }
        Rule::Any { any, parts } => parts.iter().any(|part| {
            let texts: Vec<String> = match part.as_str() {
                "certificates" => c.certificates.clone(),
                "skills" => c.skills.clone(),
                "tags" => c.tags.iter().map(|t| t.label.clone()).collect(),
                "experience" => c.experience.iter().map(|e| e.occupation.clone()).collect(),
                _ => Vec::new(),
            };
            texts.iter().any(|text| any.iter().any(|wanted| lower(text).contains(wanted.as_str())))
        }),
        Rule::Fagbrev { fagbrev } => {
            c.education.iter().any(|e| e.fagbrev.as_deref().is_some_and(|f| lower(f).contains(fagbrev.as_str())))
        }
        Rule::Trade { trade } => {
            let in_education = c.education.iter().filter_map(|e| e.fagbrev.as_deref()).map(lower);
            let letters = ["fagbrev", "svennebrev", "mesterbrev"];
            let certificates =
                c.certificates.iter().map(|t| lower(t)).filter(|t| letters.iter().any(|l| t.contains(l)));
            in_education.chain(certificates).any(|text| trade.iter().any(|t| text.contains(t.as_str())))
        }
        Rule::LanguageAny { language_any, min } => c
            .languages
            .iter()
            .any(|l| language_any.iter().any(|wanted| lower(&l.language) == *wanted) && l.level.rank() >= cefr(min)),
        Rule::WithinKm { within_km } => match (job, c.location) {
            (Some(job), Some(home)) => {
                let km = haversine(job, home);
                km <= *within_km && km <= c.max_commute_km.map_or(f64::INFINITY, f64::from)
            }
            _ => false,
        },
        Rule::Shift { shift } => {
            let listed = c.shifts.is_empty() || c.shifts.iter().any(|s| s.name() == shift);
            listed && !c.adaptation_needs.iter().any(|need| refuses_shift(need, shift))
        }
        Rule::NoNeed { no_need } => {
            !c.adaptation_needs.iter().any(|need| no_need.iter().any(|word| lower(need).contains(word.as_str())))
        }
        Rule::ExtentIncludes { extent_includes: percent } | Rule::ExtentReaches { extent_reaches: percent } => {
            c.extent_percent.is_none_or(|r| r.max >= *percent)
        }
        Rule::ExtentOverlaps { extent_overlaps: [low, _] } => c.extent_percent.is_none_or(|r| r.max >= *low),
        Rule::AvailableBy { available_by } => {
            c.available_from.is_none_or(|day| crate::model::format_date(day).as_str() <= available_by.as_str())
        }
    }
}

/// The truck classes a certificate's text names: each `tN`, and every class inside a range
/// (`T1-T4`, `T1–T4`).
fn truck_classes(text: &str) -> Vec<String> {
    let number = |word: &str| word.strip_prefix('t').and_then(|n| n.parse::<u32>().ok());
    let words: Vec<&str> = text.split(|ch: char| !ch.is_alphanumeric() && ch != '-' && ch != '–').collect();
    let mut classes = Vec::new();
    for word in words {
        let mut ends = word.split(['-', '–']).filter(|part| !part.is_empty()).map(number);
        match (ends.next(), ends.next(), ends.next()) {
            (Some(Some(low)), Some(Some(high)), None) if low <= high => {
                classes.extend((low..=high).map(|n| format!("t{n}")))
            }
            (Some(Some(one)), None, None) => classes.push(format!("t{one}")),
            _ => {}
        }
    }
    classes
}

fn haversine(a: GeoPoint, b: GeoPoint) -> f64 {
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    let (dlat, dlon) = ((b.lat - a.lat).to_radians(), (b.lon - a.lon).to_radians());
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Whether an adaptation need says no to a shift (`kan ikke jobbe natt`, `ingen helgevakter`):
/// a negation and a word for the shift in it. The oracle's own plain reading, not the matcher's.
fn refuses_shift(need: &str, shift: &str) -> bool {
    let words: Vec<String> = need.to_lowercase().split(|c: char| !c.is_alphanumeric()).map(str::to_string).collect();
    let negated = words
        .iter()
        .any(|w| matches!(w.as_str(), "ikke" | "ikkje" | "ingen" | "inga" | "unngå" | "fri" | "uten" | "utan"));
    let names = |w: &String| match shift {
        // `lange dager` is no day shift.
        "dag" => matches!(w.as_str(), "dag" | "dagtid" | "dagvakt" | "dagvakter" | "dagskift"),
        other => w.starts_with(other),
    };
    negated && words.iter().any(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_truck_range_names_every_class_inside_it() {
        assert_eq!(truck_classes("truckførerbevis t1–t4"), ["t1", "t2", "t3", "t4"]);
        assert_eq!(truck_classes("truckførerbevis t1-t4, t8"), ["t1", "t2", "t3", "t4", "t8"]);
        assert_eq!(truck_classes("truck t1, t2"), ["t1", "t2"]);
        assert!(truck_classes("truckførerbevis t4-t1").is_empty(), "a range running backwards names nothing");
    }

    #[test]
    fn a_nynorsk_licence_is_a_licence() {
        let mut candidate: Candidate =
            serde_json::from_str(r#"{"id":"X1","municipality":"Frøya","certificates":["førarkort B"]}"#)
                .expect("profile");
        assert!(meets_rule(&candidate, &Rule::Licence { licence: "B".into() }, None));
        candidate.certificates = vec!["kranførarbevis".into()];
        assert!(!meets_rule(&candidate, &Rule::Licence { licence: "B".into() }, None));
    }

    #[test]
    fn an_adaptation_need_can_refuse_a_shift() {
        let mut candidate: Candidate =
            serde_json::from_str(r#"{"id":"X1","municipality":"Frøya","adaptation_needs":["kan ikke jobbe natt"]}"#)
                .expect("profile");
        let night = Rule::Shift { shift: "natt".into() };
        assert!(!meets_rule(&candidate, &night, None));
        assert!(meets_rule(&candidate, &Rule::Shift { shift: "kveld".into() }, None));
        candidate.adaptation_needs = vec!["orker ikke lange dager".into()];
        assert!(meets_rule(&candidate, &Rule::Shift { shift: "dag".into() }, None), "long days are no day shift");
    }
}
