//! Language proficiency on the CEFR scale, accepting NAV's CV scale as input.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A CEFR level, A1 (lowest) to C2 (highest).
///
/// NAV's CV records languages on its own four-step scale. We map it onto CEFR so that both can be
/// compared: `NYBEGYNNER` = A2, `GODT` = B1, `VELDIG_GODT` = C1, `FOERSTESPRAAK` (first language) = C2.
/// Input accepts either scale (case-insensitive, `førstespråk` too); output is always CEFR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LanguageLevel {
    A1 = 1,
    A2 = 2,
    B1 = 3,
    B2 = 4,
    C1 = 5,
    C2 = 6,
}

impl LanguageLevel {
    /// Every level, lowest first.
    pub const ALL: [LanguageLevel; 6] = [Self::A1, Self::A2, Self::B1, Self::B2, Self::C1, Self::C2];

    /// The CEFR code, e.g. `"B1"`.
    pub fn code(self) -> &'static str {
        match self {
            Self::A1 => "A1",
            Self::A2 => "A2",
            Self::B1 => "B1",
            Self::B2 => "B2",
            Self::C1 => "C1",
            Self::C2 => "C2",
        }
    }

    /// 1 for A1 up to 6 for C2.
    pub fn rank(self) -> u8 {
        self as u8
    }

    /// The level one step below, if any.
    pub fn below(self) -> Option<Self> {
        Self::ALL.get((self.rank() as usize).checked_sub(2)?).copied()
    }
}

/// A level string that is on neither scale.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown language level \"{0}\": expected a CEFR level (A1, A2, B1, B2, C1, C2) or NAV's scale \
     (NYBEGYNNER, GODT, VELDIG_GODT, FOERSTESPRAAK)"
)]
pub struct UnknownLevel(pub String);

impl FromStr for LanguageLevel {
    type Err = UnknownLevel;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let normalised = text.trim().to_uppercase().replace([' ', '-'], "_");
        Ok(match normalised.as_str() {
            "A1" => Self::A1,
            "A2" | "NYBEGYNNER" => Self::A2,
            "B1" | "GODT" => Self::B1,
            "B2" => Self::B2,
            "C1" | "VELDIG_GODT" => Self::C1,
            "C2" | "FOERSTESPRAAK" | "FØRSTESPRÅK" | "MORSMÅL" => Self::C2,
            _ => return Err(UnknownLevel(text.to_string())),
        })
    }
}

impl fmt::Display for LanguageLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for LanguageLevel {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl utoipa::PartialSchema for LanguageLevel {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some([
                "A1",
                "A2",
                "B1",
                "B2",
                "C1",
                "C2",
                "NYBEGYNNER",
                "GODT",
                "VELDIG_GODT",
                "FOERSTESPRAAK",
            ]))
            .description(Some(
                "CEFR level; NAV's scale is accepted on input (NYBEGYNNER = A2, GODT = B1, VELDIG_GODT = C1, \
                 FOERSTESPRAAK = C2) and answered as CEFR.",
            ))
            .into()
    }
}

impl utoipa::ToSchema for LanguageLevel {}

impl<'de> Deserialize<'de> for LanguageLevel {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::LanguageLevel::{self, *};

    fn level(text: &str) -> LanguageLevel {
        text.parse().expect("valid level")
    }

    #[test]
    fn cefr_levels_are_ordered() {
        assert!(A1 < A2 && A2 < B1 && B1 < B2 && B2 < C1 && C1 < C2);
    }

    #[test]
    fn nav_scale_maps_onto_cefr_in_order() {
        let nav = ["NYBEGYNNER", "GODT", "VELDIG_GODT", "FOERSTESPRAAK"].map(level);
        assert!(nav.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(level("godt"), B1);
        assert_eq!(level("Veldig godt"), C1);
        assert_eq!(level("førstespråk"), C2);
        // A first-language speaker satisfies any requirement; a beginner does not satisfy B1.
        assert!(level("FOERSTESPRAAK") >= C1);
        assert!(level("NYBEGYNNER") < B1);
    }

    #[test]
    fn impossible_levels_are_refused_with_the_valid_ones_listed() {
        let error = "B3".parse::<LanguageLevel>().expect_err("B3 does not exist");
        assert!(error.to_string().contains("B3"));
        assert!(error.to_string().contains("VELDIG_GODT"));
    }

    #[test]
    fn one_step_below() {
        assert_eq!(B1.below(), Some(A2));
        assert_eq!(A1.below(), None);
    }
}
