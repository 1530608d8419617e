//! A job need as the pages' forms carry it: plain fields for what the advisor edits, the rest
//! as hidden JSON, and criteria as numbered rows (`c0.kind`, `c0.value`, …).

use std::collections::HashMap;

use crate::model::{
    Adaptable, Checked, Criterion, CriterionKind, GeoPoint, Importance, JobNeed, LanguageLevel, ReflectionAnswers,
};

/// Most criterion rows a form may hold.
pub const MAX_ROWS: usize = 40;

/// Workplaces the form offers: the municipalities the fixture candidates live in, with their
/// centres' coordinates (public geodata).
pub fn places() -> Vec<(&'static str, GeoPoint)> {
    crate::taxonomy::places::AGDER.iter().map(|place| (place.name, place.centre)).collect()
}

/// A submitted form.
pub struct NeedForm {
    fields: HashMap<String, String>,
    /// Must-have phrases the draft did not understand and the advisor has not yet marked as
    /// considered (`unresolved` fields less `resolved` ones).
    unresolved: Vec<String>,
    /// Those the advisor marked as considered.
    resolved: Vec<String>,
    /// What the criteria check warned of and the advisor has checked ([`JobNeed::checked`]).
    checked: Vec<String>,
}

impl NeedForm {
    pub fn new(pairs: Vec<(String, String)>) -> Self {
        let all = |name: &str| -> Vec<String> {
            pairs.iter().filter(|(key, _)| key == name).map(|(_, value)| value.trim().to_string()).collect()
        };
        let resolved = all("resolved");
        let mut unresolved: Vec<String> =
            all("unresolved").into_iter().filter(|p| !p.is_empty() && !resolved.contains(p)).collect();
        unresolved.dedup();
        let mut checked: Vec<String> = all("checked").into_iter().filter(|c| !c.is_empty()).collect();
        checked.dedup();
        NeedForm { unresolved, resolved, checked, fields: pairs.into_iter().collect() }
    }

    /// The must-have phrases not understood that the advisor has yet to consider.
    pub fn unresolved(&self) -> &[String] {
        &self.unresolved
    }

    /// Whether the advisor marked `phrase` as considered in this form.
    pub fn is_resolved(&self, phrase: &str) -> bool {
        self.resolved.iter().any(|p| p == phrase)
    }

    /// A field, trimmed; empty when absent.
    pub fn get(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", |value| value.trim())
    }

    /// Whether the form holds criterion rows (the edit page), not only the answers.
    pub fn has_criteria(&self) -> bool {
        self.fields.keys().any(|key| key.starts_with('c') && key.ends_with(".kind"))
    }

    /// The need carried whole in the hidden `need` field (shortlist page forms).
    pub fn carried_need(&self) -> Result<JobNeed, String> {
        JobNeed::from_json(self.get("need")).map_err(|error| format!("Behovet i skjemaet kan ikke leses: {error}"))
    }

    /// The need the form describes. With `criteria`, the rows are read too; otherwise the need
    /// has none (to be drafted from the answers).
    pub fn need(&self, criteria: bool) -> Result<JobNeed, Vec<String>> {
        let (need, errors) = self.read(criteria);
        if !errors.is_empty() {
            return Err(errors);
        }
        need.validate().map_err(|error| vec![format!("Behovet kan ikke brukes: {error}")])?;
        Ok(need)
    }

    /// As much of the need as can be read, mistakes left out: to show a form with mistakes
    /// again without losing what was typed.
    pub fn lenient(&self) -> JobNeed {
        self.read(true).0
    }

    fn read(&self, criteria: bool) -> (JobNeed, Vec<String>) {
        let mut errors = Vec::new();
        let number = |name: &str, label: &str, errors: &mut Vec<String>| -> Option<f64> {
            let text = self.get(name).replace(',', ".");
            if text.is_empty() {
                return None;
            }
            match text.parse::<f64>() {
                Ok(value) if value.is_finite() && value >= 0.0 => Some(value),
                _ => {
                    errors.push(format!("{label}: «{}» er ikke et tall.", self.get(name)));
                    None
                }
            }
        };
        let place = self.get("place");
        let location = places().into_iter().find(|(name, _)| *name == place).map(|(_, point)| point);
        if !place.is_empty() && location.is_none() {
            errors.push(format!("Arbeidssted: «{place}» er ikke et kjent arbeidssted."));
        }
        let distance = number("distance", "Maks avstand", &mut errors);
        let extent = number("extent", "Stillingsprosent", &mut errors);
        let top = number("top", "Antall kandidater", &mut errors);
        let adaptable: Adaptable = match self.get("adaptable") {
            "" => Adaptable::default(),
            text => serde_json::from_str(text).unwrap_or_else(|error| {
                errors.push(format!("Tilpasninger i skjemaet kan ikke leses: {error}"));
                Adaptable::default()
            }),
        };
        let start_date = match self.get("start_date") {
            "" => None,
            text => match crate::model::parse_date(text) {
                Ok(date) => Some(date),
                Err(_) => {
                    errors.push(format!("Oppstart: «{text}» er ikke en dato (ÅÅÅÅ-MM-DD)."));
                    None
                }
            },
        };
        let rows = if criteria { self.criteria(&mut errors) } else { Vec::new() };
        let id = match self.get("id") {
            "" => format!("behov-{}", time::OffsetDateTime::now_utc().unix_timestamp()),
            id => id.to_string(),
        };
        let need = JobNeed {
            id,
            title: match self.get("title") {
                "" => "Uten tittel".to_string(),
                title => title.to_string(),
            },
            municipality: location.map(|_| place.to_string()),
            location,
            extent_percent: extent.map(|percent| percent.round().min(255.0) as u8),
            answers: ReflectionAnswers {
                must_have: self.get("must_have").to_string(),
                wishes: self.get("wishes").to_string(),
                room_to_adapt: self.get("room_to_adapt").to_string(),
            },
            criteria: rows,
            adaptable,
            max_distance_km: distance.map(|km| km as f32),
            start_date,
            top: top.map(|top| top.round() as usize),
            checked: self.checked.iter().cloned().map(Checked).collect(),
        };
        (need, errors)
    }

    /// The criterion rows, in form order, less those marked for removal and empty ones.
    fn criteria(&self, errors: &mut Vec<String>) -> Vec<Criterion> {
        let mut criteria = Vec::new();
        for row in 0..MAX_ROWS {
            let field = |name: &str| self.get(&format!("c{row}.{name}"));
            let (kind, value) = (field("kind"), field("value"));
            if kind.is_empty() || value.is_empty() || field("remove") == "on" {
                continue;
            }
            let Some(kind) = CriterionKind::ALL.into_iter().find(|k| k.name() == kind) else {
                errors.push(format!("Kriterium {}: ukjent type «{kind}».", row + 1));
                continue;
            };
            let importance = if field("importance") == "must" { Importance::Must } else { Importance::Adjustable };
            let mut criterion = match importance {
                Importance::Must => Criterion::must(kind, value),
                Importance::Adjustable => Criterion::wish(kind, value, field("rank").parse().ok().filter(|&r| r > 0)),
            };
            criterion.min_level = LanguageLevel::ALL.into_iter().find(|level| level.code() == field("level"));
            criterion.min_years = field("years").replace(',', ".").parse().ok().filter(|y: &f32| *y > 0.0);
            criteria.push(criterion);
        }
        criteria
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> NeedForm {
        NeedForm::new(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn rows_become_criteria_in_order_less_removed_ones() {
        let form = form(&[
            ("title", "Lager"),
            ("place", "Kristiansand"),
            ("distance", "30"),
            ("c0.kind", "certificate"),
            ("c0.value", "truckførerbevis T4"),
            ("c0.importance", "must"),
            ("c1.kind", "language"),
            ("c1.value", "norsk"),
            ("c1.importance", "must"),
            ("c1.level", "B1"),
            ("c2.kind", "skill"),
            ("c2.value", "pakking"),
            ("c2.importance", "adjustable"),
            ("c2.remove", "on"),
            ("c3.kind", "experience"),
            ("c3.value", "lager"),
            ("c3.importance", "adjustable"),
            ("c3.rank", "1"),
        ]);
        assert!(form.has_criteria());
        let need = form.need(true).expect("valid");
        let labels: Vec<String> = need.criteria.iter().map(Criterion::label).collect();
        assert_eq!(labels, ["certificate truckførerbevis T4", "language norsk ≥ B1", "experience lager"]);
        assert_eq!(need.criteria[2].rank, Some(1));
        assert_eq!(need.max_distance_km, Some(30.0));
        assert!(need.location.is_some());
    }

    #[test]
    fn mistakes_are_named_in_norwegian() {
        let errors = form(&[("distance", "langt"), ("place", "Atlantis")]).need(false).expect_err("invalid");
        assert!(errors.iter().any(|e| e.contains("Maks avstand")), "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("Atlantis")), "{errors:?}");
    }
}
