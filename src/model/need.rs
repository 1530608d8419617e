//! An employer's job need: the three reflection answers and the criteria drawn from them.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};
use time::Date;

use super::candidate::{optional_date, validate_id};
use super::{GeoPoint, LanguageLevel, Shift};

/// Largest shortlist we return; bigger requests are refused rather than silently cut.
pub const MAX_TOP: usize = 500;
/// Shortlist length when the need does not say.
pub const DEFAULT_TOP: usize = 10;
/// Longest criterion value we accept.
const MAX_VALUE_CHARS: usize = 200;

/// What an employer needs, as an advisor records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JobNeed {
    /// Letters, digits, `-`, `_`, `.`; at most 64 characters.
    #[schema(pattern = "^[A-Za-z0-9._-]{1,64}$")]
    pub id: String,
    #[serde(default)]
    #[schema(pattern = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$")]
    pub title: String,
    #[serde(default)]
    pub municipality: Option<String>,
    /// Where the work is; needed for distance criteria.
    #[serde(default)]
    pub location: Option<GeoPoint>,
    /// The job's stillingsprosent. Becomes a must-have extent criterion unless one is given.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 100)]
    pub extent_percent: Option<u8>,
    /// The employer's three answers as written.
    #[serde(default)]
    pub answers: ReflectionAnswers,
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// What the employer said it can adapt (answer 3, structured).
    #[serde(default)]
    pub adaptable: Adaptable,
    /// Farthest home-to-work distance. Becomes a must-have distance criterion unless one is given.
    #[serde(default)]
    #[schema(exclusive_minimum = 0, maximum = 1000)]
    pub max_distance_km: Option<f32>,
    /// First working day. Becomes a must-have start-date criterion unless one is given.
    #[serde(default, with = "optional_date")]
    pub start_date: Option<Date>,
    /// Shortlist length, 1–500 (default 10).
    #[serde(default)]
    #[schema(minimum = 1, maximum = 500)]
    pub top: Option<usize>,
    /// Requirements of the answers that the advisor has checked and left out of the criteria on
    /// purpose (`stående arbeid`, as the criteria check names them): the shortlist warns of them
    /// no more. At most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schema(max_items = 100)]
    pub checked: Vec<Checked>,
}

/// A requirement of the answers, by the name a shortlist gives it (`stående arbeid`), that the
/// advisor has checked ([`JobNeed::checked`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(transparent)]
#[schema(max_length = 200, pattern = r"^[^\x00-\x1f\x7f-\x9f]*$")]
pub struct Checked(pub String);

impl Checked {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Checked {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// The reflection form: three questions, answered in the employer's words.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReflectionAnswers {
    /// 1. What must the candidate absolutely know or have?
    #[serde(default)]
    #[schema(pattern = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$")]
    pub must_have: String,
    /// 2. What else would you like, in order of importance?
    #[serde(default)]
    #[schema(pattern = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$")]
    pub wishes: String,
    /// 3. Where can you adapt the job?
    #[serde(default)]
    #[schema(pattern = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$")]
    pub room_to_adapt: String,
}

impl ReflectionAnswers {
    /// Whether all three answers are blank: there is nothing to draft.
    pub fn is_blank(&self) -> bool {
        [&self.must_have, &self.wishes, &self.room_to_adapt].iter().all(|answer| answer.trim().is_empty())
    }
}

/// The employer's room to adapt, structured. Each entry waives a candidate-side constraint.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Adaptable {
    /// Hours can go down to this stillingsprosent.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 100)]
    pub extent_min_percent: Option<u8>,
    /// Task demands the employer can take out (e.g. `tunge løft`).
    #[serde(default)]
    pub tasks: Vec<String>,
    /// Languages whose required level is negotiable: a must-have on them becomes adjustable.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Skills or experience the employer will teach: a must-have on them becomes adjustable.
    #[serde(default)]
    pub training: Vec<String>,
    /// The start date can move to this day.
    #[serde(default, with = "optional_date")]
    pub start_latest: Option<Date>,
    /// Shifts the employer can spare a candidate from.
    #[serde(default)]
    pub shifts: Vec<Shift>,
}

/// One thing the employer asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub kind: CriterionKind,
    /// What is asked for, e.g. `førerkort B`, `lager`, `40` (km) or `2027-01-15`.
    #[schema(max_length = 200, pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$")]
    #[serde(deserialize_with = "string_or_number")]
    pub value: String,
    #[serde(default)]
    pub importance: Importance,
    /// Position among the ranked wishes, 1 = most important.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1)]
    pub rank: Option<u32>,
    /// Explicit weight, overriding the rank weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(exclusive_minimum = 0, maximum = 10)]
    pub weight: Option<f32>,
    /// Language criteria: the lowest acceptable level (default A1, any level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_level: Option<LanguageLevel>,
    /// Experience criteria: the fewest years that count in full.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(exclusive_minimum = 0, maximum = 60)]
    pub min_years: Option<f32>,
}

/// What a criterion is about. Each kind looks at its own parts of a profile (see the README).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CriterionKind {
    /// Works, worked or wants to work as (yrke).
    Occupation,
    /// Has worked with, optionally for `min_years`.
    Experience,
    Skill,
    /// Certificates and licences (førerkort, truckførerbevis, HMS-kort …).
    Certificate,
    /// Education level, field or fagbrev.
    Education,
    /// A language at `min_level` or better.
    Language,
    /// An interest, usually known only to the veileder.
    Interest,
    /// A personal quality (punktlig, serviceinnstilt …).
    Quality,
    /// A shift the candidate must be able to work (dag, kveld, natt, helg, turnus).
    Shift,
    /// The job's stillingsprosent against the candidate's wish.
    Extent,
    /// Greatest home-to-work distance in km.
    Distance,
    /// First working day against the candidate's availability.
    StartDate,
    /// A demand of the job (e.g. `tunge løft`) that conflicts with some adaptation needs.
    Demand,
}

impl CriterionKind {
    /// Every kind.
    pub const ALL: [CriterionKind; 13] = [
        Self::Occupation,
        Self::Experience,
        Self::Skill,
        Self::Certificate,
        Self::Education,
        Self::Language,
        Self::Interest,
        Self::Quality,
        Self::Shift,
        Self::Extent,
        Self::Distance,
        Self::StartDate,
        Self::Demand,
    ];

    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            Self::Occupation => "occupation",
            Self::Experience => "experience",
            Self::Skill => "skill",
            Self::Certificate => "certificate",
            Self::Education => "education",
            Self::Language => "language",
            Self::Interest => "interest",
            Self::Quality => "quality",
            Self::Shift => "shift",
            Self::Extent => "extent",
            Self::Distance => "distance",
            Self::StartDate => "start_date",
            Self::Demand => "demand",
        }
    }
}

impl fmt::Display for CriterionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Must-haves are hard filters; adjustable criteria are weighted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Importance {
    Must,
    #[default]
    Adjustable,
}

impl Criterion {
    /// A short human label, e.g. `language norsk ≥ B1`.
    pub fn label(&self) -> String {
        let mut label = format!("{} {}", self.kind, self.value);
        if let Some(level) = self.min_level {
            label.push_str(&format!(" ≥ {level}"));
        }
        if let Some(years) = self.min_years {
            label.push_str(&format!(" ≥ {years} år"));
        }
        label
    }

    /// A must-have criterion of `kind` with `value`.
    pub fn must(kind: CriterionKind, value: impl Into<String>) -> Self {
        Self::new(kind, value, Importance::Must, None)
    }

    /// An adjustable criterion, optionally ranked.
    pub fn wish(kind: CriterionKind, value: impl Into<String>, rank: Option<u32>) -> Self {
        Self::new(kind, value, Importance::Adjustable, rank)
    }

    fn new(kind: CriterionKind, value: impl Into<String>, importance: Importance, rank: Option<u32>) -> Self {
        Criterion { kind, value: value.into(), importance, rank, weight: None, min_level: None, min_years: None }
    }

    /// The numeric value of an extent (%) or distance (km) criterion, e.g. from `"40 km"`.
    pub fn number(&self) -> Option<f32> {
        let digits: String = self
            .value
            .trim()
            .trim_end_matches(|c: char| c.is_alphabetic() || c == '%' || c.is_whitespace())
            .replace(',', ".");
        digits.trim().parse().ok().filter(|n: &f32| n.is_finite())
    }

    /// The date of a start-date criterion.
    pub fn date(&self) -> Option<Date> {
        optional_date::parse(&self.value).ok()
    }
}

/// Why a job need was refused. Messages name the field or criterion at fault.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NeedError {
    /// Not JSON, or JSON of the wrong shape; `path` points at the offending value.
    #[error("{path}: {reason}")]
    Format { path: String, reason: String },
    /// A criterion that cannot be used.
    #[error("criteria[{index}] ({kind} \"{value}\"): {reason}")]
    Criterion { index: usize, kind: CriterionKind, value: String, reason: String },
    /// Another field that cannot be used.
    #[error("{field}: {reason}")]
    Field { field: String, reason: String },
}

/// The most requirements a need may mark as checked ([`JobNeed::checked`]).
pub const MAX_CHECKED: usize = 100;

impl JobNeed {
    /// Parses and validates a job need from JSON.
    pub fn from_json(text: &str) -> Result<JobNeed, NeedError> {
        let deserializer = &mut serde_json::Deserializer::from_str(text);
        let need: JobNeed = serde_path_to_error::deserialize(deserializer).map_err(|error| {
            let path = error.path().to_string();
            NeedError::Format {
                path: if path == "." { "need".to_string() } else { path },
                reason: error.into_inner().to_string(),
            }
        })?;
        need.validate()?;
        Ok(need)
    }

    /// The shortlist length asked for.
    pub fn top(&self) -> usize {
        self.top.unwrap_or(DEFAULT_TOP)
    }

    /// Checks everything the format alone cannot.
    pub fn validate(&self) -> Result<(), NeedError> {
        let field = |field: &str, reason: String| NeedError::Field { field: field.to_string(), reason };
        validate_id(&self.id).map_err(|error| field("id", error.to_string()))?;
        for (name, text) in [
            ("title", self.title.as_str()),
            ("answers.must_have", self.answers.must_have.as_str()),
            ("answers.wishes", self.answers.wishes.as_str()),
            ("answers.room_to_adapt", self.answers.room_to_adapt.as_str()),
        ] {
            if let Some(c) = text.chars().find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
                return Err(field(name, format!("contains the control character U+{:04X}", c as u32)));
            }
        }
        // A name on one line, as its schema says.
        if let Some(c) = self.checked.iter().flat_map(|checked| checked.0.chars()).find(|c| c.is_control()) {
            return Err(field("checked", format!("contains the control character U+{:04X}", c as u32)));
        }
        if self.checked.len() > MAX_CHECKED {
            return Err(field("checked", format!("{} entries; at most {MAX_CHECKED}", self.checked.len())));
        }
        if let Some(long) = self.checked.iter().find(|c| c.0.chars().count() > MAX_VALUE_CHARS) {
            return Err(field(
                "checked",
                format!(
                    "«{}…» is longer than {MAX_VALUE_CHARS} characters",
                    long.0.chars().take(20).collect::<String>()
                ),
            ));
        }
        let top = self.top();
        if top == 0 || top > MAX_TOP {
            return Err(field("top", format!("{top} is not within 1–{MAX_TOP}")));
        }
        if let Some(point) = self.location {
            if !(-90.0..=90.0).contains(&point.lat) || !(-180.0..=180.0).contains(&point.lon) {
                return Err(field("location", "latitude or longitude out of range".into()));
            }
        }
        if let Some(extent) = self.extent_percent {
            if extent == 0 || extent > 100 {
                return Err(field("extent_percent", format!("{extent} is not within 1–100")));
            }
        }
        if let Some(minimum) = self.adaptable.extent_min_percent {
            let extent = self.extent_percent.unwrap_or(100);
            if minimum == 0 || minimum > extent {
                return Err(field(
                    "adaptable.extent_min_percent",
                    format!("{minimum} must be within 1–{extent} (the job's extent)"),
                ));
            }
        }
        if let Some(km) = self.max_distance_km {
            if !(km > 0.0 && km <= 1000.0) {
                return Err(field("max_distance_km", format!("{km} is not within 0–1000 km")));
            }
            if self.location.is_none() {
                return Err(field("max_distance_km", "needs the job's location".into()));
            }
        }
        for (index, criterion) in self.criteria.iter().enumerate() {
            self.validate_criterion(criterion).map_err(|reason| NeedError::Criterion {
                index,
                kind: criterion.kind,
                value: criterion.value.clone(),
                reason,
            })?;
        }
        Ok(())
    }

    fn validate_criterion(&self, criterion: &Criterion) -> Result<(), String> {
        use CriterionKind::*;
        let value = criterion.value.trim();
        if value.is_empty() {
            return Err("value is empty".into());
        }
        if value.chars().count() > MAX_VALUE_CHARS {
            return Err(format!("value is longer than {MAX_VALUE_CHARS} characters"));
        }
        if let Some(c) = value.chars().find(|c| c.is_control()) {
            return Err(format!("value contains the control character U+{:04X}", c as u32));
        }
        if criterion.min_level.is_some() && criterion.kind != Language {
            return Err("min_level applies only to language criteria".into());
        }
        if let Some(years) = criterion.min_years {
            if !matches!(criterion.kind, Experience | Occupation) {
                return Err("min_years applies only to experience and occupation criteria".into());
            }
            if !(years > 0.0 && years <= 60.0) {
                return Err(format!("min_years {years} is not within 0–60"));
            }
        }
        if criterion.rank == Some(0) {
            return Err("rank starts at 1".into());
        }
        if let Some(weight) = criterion.weight {
            if !(weight > 0.0 && weight <= 10.0) {
                return Err(format!("weight {weight} is not within 0–10"));
            }
        }
        match criterion.kind {
            Extent => match criterion.number() {
                Some(percent) if percent > 0.0 && percent <= 100.0 => {}
                _ => return Err("value must be a stillingsprosent within 1–100".into()),
            },
            Distance => match criterion.number() {
                Some(km) if km > 0.0 && km <= 1000.0 => {
                    if self.location.is_none() {
                        return Err("a distance criterion needs the job's location".into());
                    }
                }
                _ => return Err("value must be a distance in km within 0–1000".into()),
            },
            StartDate => {
                optional_date::parse(value)?;
            }
            Shift if super::Shift::parse(value).is_none() => {
                return Err("value must be one of dag, kveld, natt, helg, turnus".into());
            }
            _ => {}
        }
        Ok(())
    }
}

/// Accepts `"40"` and `40` alike for criterion values.
fn string_or_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Value {
        Text(String),
        Number(serde_json::Number),
    }
    match Value::deserialize(deserializer) {
        Ok(Value::Text(text)) => Ok(text),
        Ok(Value::Number(number)) => Ok(number.to_string()),
        Err(_) => Err(serde::de::Error::custom("value must be a string or a number")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKETCH: &str = r#"{"id":"need-verksted-1","title":"Verkstedmedarbeider","municipality":"Kristiansand",
 "location":{"lat":58.15,"lon":8.0},"extent_percent":100,
 "answers":{"must_have":"Må ha førerkort klasse B og snakke norsk godt nok til å forstå HMS-instrukser.",
            "wishes":"1. Interesse for bil 2. Erfaring fra lager eller butikk 3. Punktlig",
            "room_to_adapt":"Kan starte i 60 % og trappe opp. Kan ta bort tunge løft."},
 "criteria":[{"kind":"certificate","value":"førerkort B","importance":"must"},
             {"kind":"language","value":"norsk","min_level":"A2","importance":"must"},
             {"kind":"interest","value":"bil","importance":"adjustable","rank":1},
             {"kind":"experience","value":"lager","importance":"adjustable","rank":2}],
 "adaptable":{"extent_min_percent":60,"tasks":["tunge løft"]},
 "max_distance_km":40,"top":10}"#;

    #[test]
    fn the_domain_sketch_parses_and_validates() {
        let need = JobNeed::from_json(SKETCH).expect("sketch is valid");
        assert_eq!(need.criteria.len(), 4);
        assert_eq!(need.criteria[1].min_level, Some(LanguageLevel::A2));
        assert_eq!(need.adaptable.extent_min_percent, Some(60));
    }

    #[test]
    fn an_unknown_kind_names_the_criterion_and_the_valid_kinds() {
        let text = SKETCH.replacen("\"kind\":\"interest\"", "\"kind\":\"hobby\"", 1);
        let error = JobNeed::from_json(&text).expect_err("hobby is not a kind").to_string();
        assert!(error.starts_with("criteria[2].kind"), "{error}");
        assert!(error.contains("hobby") && error.contains("occupation"), "{error}");
    }

    #[test]
    fn a_level_that_does_not_exist_names_the_criterion() {
        let text = SKETCH.replacen("\"A2\"", "\"D4\"", 1);
        let error = JobNeed::from_json(&text).expect_err("D4 is no level").to_string();
        assert!(error.starts_with("criteria[1].min_level"), "{error}");
        assert!(error.contains("D4"), "{error}");
    }

    #[test]
    fn an_empty_value_names_the_criterion() {
        let text = SKETCH.replacen("\"value\":\"lager\"", "\"value\":\"  \"", 1);
        let error = JobNeed::from_json(&text).expect_err("empty value");
        assert!(matches!(error, NeedError::Criterion { index: 3, .. }), "{error}");
        assert_eq!(error.to_string(), "criteria[3] (experience \"  \"): value is empty");
    }

    #[test]
    fn top_must_be_sensible() {
        for bad in ["0", "501", "-3", "1e9"] {
            let text = SKETCH.replacen("\"top\":10", &format!("\"top\":{bad}"), 1);
            let error = JobNeed::from_json(&text).expect_err("bad top").to_string();
            assert!(error.starts_with("top"), "{bad}: {error}");
        }
    }

    #[test]
    fn misplaced_options_are_refused() {
        let text = SKETCH.replacen(
            "{\"kind\":\"experience\",\"value\":\"lager\"",
            "{\"kind\":\"experience\",\"value\":\"lager\",\"min_level\":\"B1\"",
            1,
        );
        let error = JobNeed::from_json(&text).expect_err("min_level on experience").to_string();
        assert!(error.contains("min_level applies only to language"), "{error}");
    }

    #[test]
    fn numbers_and_units_in_values() {
        let criterion = Criterion::must(CriterionKind::Distance, "40 km");
        assert_eq!(criterion.number(), Some(40.0));
        assert_eq!(Criterion::must(CriterionKind::Extent, "60 %").number(), Some(60.0));
        let need: JobNeed =
            serde_json::from_str(r#"{"id":"n","criteria":[{"kind":"extent","value":80,"importance":"must"}]}"#)
                .expect("numbers are accepted as values");
        assert_eq!(need.criteria[0].value, "80");
    }
}
