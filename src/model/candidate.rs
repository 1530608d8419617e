//! A job seeker's profile as NAV holds it, plus the tags veiledere add.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::{LanguageLevel, looks_like_national_id};

/// One job seeker. Pseudonymous: `id` is an internal key, never a national identity number.
///
/// Deliberately has no age, gender, ethnicity, religion or health fields: the law forbids ranking on
/// them, so the format cannot carry them (unknown fields are refused).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// Pseudonymous id, e.g. `K100023`: letters, digits, `-`, `_`, `.`; at most 64 characters.
    #[schema(pattern = "^[A-Za-z0-9._-]{1,64}$")]
    pub id: String,
    /// Whether the candidate has consented to be shown to employers. Invisible candidates are
    /// indexed (so veiledere can work on them) but never returned in a shortlist.
    #[serde(default = "visible_by_default")]
    pub visible: bool,
    /// The veileder (counsellor) who follows the candidate, by NAV ident, e.g. `V1042`.
    #[serde(default)]
    pub veileder: Option<String>,
    /// Home municipality (kommune).
    pub municipality: String,
    /// Home coordinates; without them distance criteria cannot be checked and fail.
    #[serde(default)]
    pub location: Option<GeoPoint>,
    /// How far the candidate can travel to work, in km.
    #[serde(default)]
    pub max_commute_km: Option<f32>,
    #[serde(default)]
    pub desired_occupations: Vec<String>,
    #[serde(default)]
    pub experience: Vec<Experience>,
    #[serde(default)]
    pub education: Vec<Education>,
    /// Certificates and licences as written, e.g. `førerkort BE`, `truckførerbevis T1, T4`, `HMS-kort`.
    #[serde(default)]
    pub certificates: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub languages: Vec<LanguageSkill>,
    /// Desired extent of work (stillingsprosent).
    #[serde(default)]
    pub extent_percent: Option<ExtentRange>,
    /// Shifts the candidate can work; empty means no stated limit.
    #[serde(default)]
    pub shifts: Vec<Shift>,
    /// First day the candidate can start; absent means now.
    #[serde(default, with = "optional_date")]
    pub available_from: Option<Date>,
    /// Tilretteleggingsbehov. Sensitive: only checked against the employer's room to adapt, never
    /// scored, and shown only to the candidate's veileder.
    #[serde(default)]
    pub adaptation_needs: Vec<String>,
    /// Free-text summary from the CV.
    #[serde(default)]
    pub summary: String,
    /// Interests, informal skills and work preferences tagged by veiledere.
    #[serde(default)]
    pub tags: Vec<Tag>,
}

fn visible_by_default() -> bool {
    true
}

/// WGS84 coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GeoPoint {
    #[schema(minimum = -90, maximum = 90)]
    pub lat: f64,
    #[schema(minimum = -180, maximum = 180)]
    pub lon: f64,
}

/// Past work: an occupation (or field) and how long.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Experience {
    pub occupation: String,
    /// Years, fractions allowed.
    #[serde(default)]
    pub years: f32,
}

/// Formal education; `fagbrev` names the trade when the candidate holds a trade certificate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Education {
    pub level: EducationLevel,
    #[serde(default)]
    pub field: String,
    /// Fagbrev (or svennebrev): the trade certificate, e.g. `rørlegger`.
    #[serde(default)]
    pub fagbrev: Option<String>,
}

/// Education levels in increasing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum EducationLevel {
    Grunnskole,
    #[serde(rename = "videregående")]
    Videregaende,
    Fagskole,
    Bachelor,
    Master,
    Doktorgrad,
}

impl EducationLevel {
    /// Every level, lowest first.
    pub const ALL: [EducationLevel; 6] =
        [Self::Grunnskole, Self::Videregaende, Self::Fagskole, Self::Bachelor, Self::Master, Self::Doktorgrad];

    /// The Norwegian name used in files.
    pub fn name(self) -> &'static str {
        match self {
            Self::Grunnskole => "grunnskole",
            Self::Videregaende => "videregående",
            Self::Fagskole => "fagskole",
            Self::Bachelor => "bachelor",
            Self::Master => "master",
            Self::Doktorgrad => "doktorgrad",
        }
    }
}

/// A language and how well the candidate knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguageSkill {
    pub language: String,
    pub level: LanguageLevel,
}

/// Desired stillingsprosent, `min..=max`, both within 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtentRange {
    pub min: u8,
    pub max: u8,
}

/// Working-time patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Shift {
    Dag,
    Kveld,
    Natt,
    Helg,
    Turnus,
}

impl Shift {
    /// Every shift.
    pub const ALL: [Shift; 5] = [Self::Dag, Self::Kveld, Self::Natt, Self::Helg, Self::Turnus];

    /// The Norwegian name used in files.
    pub fn name(self) -> &'static str {
        match self {
            Self::Dag => "dag",
            Self::Kveld => "kveld",
            Self::Natt => "natt",
            Self::Helg => "helg",
            Self::Turnus => "turnus",
        }
    }

    /// Parses a name, accepting common inflections (`natt`, `nattskift`, `netter`, `kvelder` …)
    /// and the shift compounded with the work done in it (`helgevakter`, `kveldsjobb`).
    pub fn parse(text: &str) -> Option<Shift> {
        let lower = text.trim().to_lowercase();
        Self::named(&lower).or_else(|| {
            let first =
                SHIFT_WORK.iter().find_map(|work| lower.strip_suffix(work)).filter(|first| !first.is_empty())?;
            // `kveldsvakt`: the linking `s` is not part of the shift's name.
            let shift = Self::named(first).or_else(|| Self::named(first.strip_suffix('s')?))?;
            // `én kveldstur i uka` is evening work; a `dagstur` is an outing, not a day shift.
            let outing = shift == Self::Dag && lower.contains("tur");
            (!outing).then_some(shift)
        })
    }

    fn named(lower: &str) -> Option<Shift> {
        let word = lower.strip_suffix("skift").unwrap_or(lower);
        Some(match word {
            "dag" | "dagtid" | "dager" | "dagskift" | "morgen" | "morgenen" | "morgonen" | "morgenskift" | "morgon"
            | "formiddag" => Self::Dag,
            "kveld" | "kvelder" | "kvelden" | "kveldene" | "kveldstid" | "ettermiddag" | "ettermiddagen"
            | "kveldane" | "kveldar" => Self::Kveld,
            "natt" | "natta" | "natten" | "netter" | "nettene" | "nattevakt" | "nattevakter" | "nattarbeid"
            | "natte" | "nattestid" | "nattetid"
            // Duty round the clock (`døgnvakt hver tredje uke`) takes the nights too.
            | "døgnvakt" | "døgnvakter" | "døgnvakta" | "døgnvaktene" => Self::Natt,
            "helg" | "helger" | "helge" | "helgene" | "helgearbeid" | "helgane" | "helgar" | "lørdag" | "lørdager"
            | "søndag" | "søndager" | "laurdag" | "laurdagar" | "sundag" | "sundagar" | "helligdag" | "helligdager"
            | "lørdagene" | "søndagene" | "laurdagane" | "sundagane"
            | "heilagdagar" | "høytid" | "høytider" => Self::Helg,
            "turnus" | "turnusarbeid" | "rotasjon" => Self::Turnus,
            _ => return None,
        })
    }
}

/// The work done in a shift, as the last part of a compound (`helgevakter`, `kveldsjobb`,
/// `lørdagsarbeid`), longest first.
const SHIFT_WORK: &[&str] = &[
    "vaktene", "vakter", "vakta", "vakten", "vakt", "jobbing", "jobben", "jobb", "arbeidet", "arbeid", "økter", "økt",
    "turene", "turer", "turen", "tur",
];

/// A veileder's note about a candidate that no CV holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    /// As the veileder wrote it, e.g. `interessert i bil og motor`.
    pub label: String,
    pub kind: TagKind,
    /// The veileder who set the tag (NAV ident).
    pub by: String,
    /// When the tag was set (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// What a tag says about the candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TagKind {
    Interest,
    InformalSkill,
    WorkPreference,
}

impl TagKind {
    /// Every kind, in the order forms offer them.
    pub const ALL: [TagKind; 3] = [TagKind::Interest, TagKind::InformalSkill, TagKind::WorkPreference];

    /// The kind called `name` (see [`TagKind::name`]).
    pub fn parse(name: &str) -> Option<TagKind> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// The name used in files and URLs.
    pub fn name(self) -> &'static str {
        match self {
            Self::Interest => "interest",
            Self::InformalSkill => "informal_skill",
            Self::WorkPreference => "work_preference",
        }
    }
}

/// Why a profile was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CandidateError {
    #[error("id \"{0}\" is not a valid pseudonymous id (1–64 letters, digits, '-', '_' or '.')")]
    InvalidId(String),
    #[error("{field} looks like it holds a national identity number; only synthetic, pseudonymous data is accepted")]
    NationalId { field: &'static str },
    #[error("{field} is empty")]
    Empty { field: String },
    #[error("{field} is out of range: {detail}")]
    OutOfRange { field: String, detail: String },
}

/// Words that rule out what follows them in an adaptation need (`kan ikke jobbe natt`, `ingen
/// nattevakter`, `må ha fri i helgene`).
const RULING_OUT: &[&str] = &["ikke", "ikkje", "ingen", "inga", "unngå", "uten", "utan", "fri"];

/// The shifts an adaptation need rules out: a shift named at most three words after a word
/// that rules it out, within one part of the need (`kan jobbe natt, men ikke helg` rules out
/// only the weekend).
pub fn shifts_ruled_out(need: &str) -> Vec<Shift> {
    let mut out = Vec::new();
    for part in need.split([',', ';', '.']) {
        let words: Vec<String> =
            part.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        for (i, word) in words.iter().enumerate() {
            let ruled = (i.saturating_sub(3)..i).any(|j| RULING_OUT.contains(&words[j].as_str()));
            if let Some(shift) = Shift::parse(word).filter(|shift| ruled && !out.contains(shift)) {
                out.push(shift);
            }
        }
    }
    out
}

impl Candidate {
    /// The shifts the candidate can work, or `None` for no limit: the shifts listed, less those
    /// an adaptation need rules out. A veileder may write `kan ikke jobbe natt` there and leave
    /// the list of shifts empty; a night-shift must-have is then not met.
    pub fn workable_shifts(&self) -> Option<Vec<Shift>> {
        let ruled_out: Vec<Shift> = self.adaptation_needs.iter().flat_map(|need| shifts_ruled_out(need)).collect();
        if ruled_out.is_empty() {
            return (!self.shifts.is_empty()).then(|| self.shifts.clone());
        }
        let listed = if self.shifts.is_empty() { Shift::ALL.to_vec() } else { self.shifts.clone() };
        Some(listed.into_iter().filter(|shift| !ruled_out.contains(shift)).collect())
    }

    /// Checks what serde cannot: ids, ranges, empty labels, and that nothing looks like a national
    /// identity number.
    pub fn validate(&self) -> Result<(), CandidateError> {
        validate_id(&self.id)?;
        if self.municipality.trim().is_empty() {
            return Err(CandidateError::Empty { field: "municipality".into() });
        }
        if let Some(point) = self.location {
            check_range("location.lat", point.lat, -90.0, 90.0)?;
            check_range("location.lon", point.lon, -180.0, 180.0)?;
        }
        if let Some(km) = self.max_commute_km {
            check_range("max_commute_km", f64::from(km), 0.0, 1000.0)?;
        }
        if let Some(range) = self.extent_percent {
            if range.max > 100 || range.min > range.max {
                return Err(CandidateError::OutOfRange {
                    field: "extent_percent".into(),
                    detail: format!("min {} and max {} must satisfy 0 ≤ min ≤ max ≤ 100", range.min, range.max),
                });
            }
        }
        for (i, entry) in self.experience.iter().enumerate() {
            non_empty(&format!("experience[{i}].occupation"), &entry.occupation)?;
            check_range(&format!("experience[{i}].years"), f64::from(entry.years), 0.0, 70.0)?;
        }
        for (i, language) in self.languages.iter().enumerate() {
            non_empty(&format!("languages[{i}].language"), &language.language)?;
        }
        for (i, tag) in self.tags.iter().enumerate() {
            non_empty(&format!("tags[{i}].label"), &tag.label)?;
            non_empty(&format!("tags[{i}].by"), &tag.by)?;
        }
        let free_text = [("summary", self.summary.as_str()), ("municipality", self.municipality.as_str())];
        for (field, text) in free_text {
            if looks_like_national_id(text) {
                return Err(CandidateError::NationalId { field });
            }
        }
        if self.tags.iter().any(|tag| looks_like_national_id(&tag.label)) {
            return Err(CandidateError::NationalId { field: "tags" });
        }
        Ok(())
    }

    /// Everything the candidate is known by in text: used for summaries and typeahead.
    pub fn headline(&self) -> String {
        self.experience
            .first()
            .map(|entry| entry.occupation.clone())
            .or_else(|| self.desired_occupations.first().cloned())
            .unwrap_or_default()
    }
}

/// Checks a pseudonymous id: short, plain characters, and not shaped like a national id.
pub(crate) fn validate_id(id: &str) -> Result<(), CandidateError> {
    let plain = id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if id.is_empty() || id.len() > 64 || !plain {
        return Err(CandidateError::InvalidId(id.to_string()));
    }
    if looks_like_national_id(id) {
        return Err(CandidateError::NationalId { field: "id" });
    }
    Ok(())
}

fn non_empty(field: &str, text: &str) -> Result<(), CandidateError> {
    if text.trim().is_empty() {
        return Err(CandidateError::Empty { field: field.to_string() });
    }
    Ok(())
}

fn check_range(field: &str, value: f64, min: f64, max: f64) -> Result<(), CandidateError> {
    if !(min..=max).contains(&value) {
        return Err(CandidateError::OutOfRange {
            field: field.to_string(),
            detail: format!("{value} is not within {min}–{max}"),
        });
    }
    Ok(())
}

/// `YYYY-MM-DD` dates, optional.
pub mod optional_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;
    use time::macros::format_description;

    const FORMAT: &[time::format_description::FormatItem<'static>] = format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => {
                let text = date.format(FORMAT).map_err(serde::ser::Error::custom)?;
                serializer.serialize_some(&text)
            }
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Date>, D::Error> {
        let text: Option<String> = Option::deserialize(deserializer)?;
        text.map(|text| parse(&text).map_err(serde::de::Error::custom)).transpose()
    }

    /// Parses `YYYY-MM-DD` with a readable error.
    pub fn parse(text: &str) -> Result<Date, String> {
        Date::parse(text.trim(), FORMAT).map_err(|_| format!("\"{text}\" is not a date (YYYY-MM-DD)"))
    }

    /// Formats as `YYYY-MM-DD`.
    pub fn format(date: Date) -> String {
        date.format(FORMAT).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKETCH: &str = r#"{"id":"K100023","visible":true,"veileder":"V1042","municipality":"Kristiansand",
 "location":{"lat":58.146,"lon":7.996},"max_commute_km":30,
 "desired_occupations":["lagermedarbeider"],
 "experience":[{"occupation":"butikkmedarbeider","years":1.5}],
 "education":[{"level":"videregående","field":"restaurant- og matfag","fagbrev":null}],
 "certificates":["førerkort B","truckførerbevis T1"],
 "skills":["kassearbeid","varemottak"],
 "languages":[{"language":"norsk","level":"B1"},{"language":"arabisk","level":"C2"}],
 "extent_percent":{"min":50,"max":100},"shifts":["dag","kveld"],"available_from":"2026-12-01",
 "adaptation_needs":["ikke tunge løft"],
 "tags":[{"label":"interessert i bil og motor","kind":"interest","by":"V1042","at":"2026-10-02T09:14:00Z"}],
 "summary":"Har jobbet i butikk og på lager. Liker å skru på mopeder."}"#;

    #[test]
    fn an_adaptation_need_can_rule_out_a_shift() {
        use Shift::*;
        assert_eq!(shifts_ruled_out("kan ikke jobbe natt pga. medisiner"), vec![Natt]);
        assert_eq!(shifts_ruled_out("ingen nattevakter, må ha fri i helgene"), vec![Natt, Helg]);
        assert_eq!(shifts_ruled_out("kan jobbe natt, men ikke helg"), vec![Helg]);
        assert_eq!(shifts_ruled_out("ikke tunge løft"), vec![]);
        assert_eq!(shifts_ruled_out("ingen helgevakter – deler omsorgen for barna"), vec![Helg]);
        assert_eq!(shifts_ruled_out("ingen helgejobb, har samvær med barna i helgene"), vec![Helg]);
        let mut candidate: Candidate = serde_json::from_str(SKETCH).expect("sketch");
        assert_eq!(candidate.workable_shifts(), Some(vec![Dag, Kveld]));
        candidate.adaptation_needs.push("kan ikke jobbe kveld".into());
        assert_eq!(candidate.workable_shifts(), Some(vec![Dag]));
        candidate.shifts.clear();
        assert_eq!(candidate.workable_shifts(), Some(vec![Dag, Natt, Helg, Turnus]));
        candidate.adaptation_needs.clear();
        assert_eq!(candidate.workable_shifts(), None);
    }

    #[test]
    fn tag_kinds_parse_from_the_names_serde_uses() {
        for kind in TagKind::ALL {
            assert_eq!(TagKind::parse(kind.name()), Some(kind));
            assert_eq!(serde_json::to_value(kind).expect("serialises"), kind.name());
        }
        assert_eq!(TagKind::parse("hobby"), None);
    }

    #[test]
    fn the_domain_sketch_parses_and_validates() {
        let candidate: Candidate = serde_json::from_str(SKETCH).expect("sketch parses");
        candidate.validate().expect("sketch is valid");
        assert_eq!(candidate.tags[0].kind, TagKind::Interest);
        assert_eq!(candidate.languages[1].level, LanguageLevel::C2);
        assert_eq!(candidate.education[0].level, EducationLevel::Videregaende);
        let round_trip: Candidate =
            serde_json::from_str(&serde_json::to_string(&candidate).expect("serialises")).expect("parses");
        assert_eq!(round_trip, candidate);
    }

    #[test]
    fn sensitive_fields_cannot_sneak_in() {
        let with_age = SKETCH.replacen("\"visible\":true", "\"visible\":true,\"age\":44", 1);
        let error = serde_json::from_str::<Candidate>(&with_age).expect_err("age is not a field");
        assert!(error.to_string().contains("unknown field `age`"));
    }

    #[test]
    fn national_id_numbers_are_refused() {
        let mut candidate: Candidate = serde_json::from_str(SKETCH).expect("sketch parses");
        candidate.summary = "fnr 24057812345".into();
        assert_eq!(candidate.validate(), Err(CandidateError::NationalId { field: "summary" }));
        candidate.summary.clear();
        candidate.id = "24057812345".into();
        assert!(candidate.validate().is_err());
    }

    #[test]
    fn impossible_extent_is_refused() {
        let mut candidate: Candidate = serde_json::from_str(SKETCH).expect("sketch parses");
        candidate.extent_percent = Some(ExtentRange { min: 80, max: 60 });
        assert!(matches!(candidate.validate(), Err(CandidateError::OutOfRange { .. })));
    }

    #[test]
    fn shifts_parse_from_inflected_words() {
        assert_eq!(Shift::parse("nattskift"), Some(Shift::Natt));
        assert_eq!(Shift::parse("Kvelder"), Some(Shift::Kveld));
        assert_eq!(Shift::parse("lunsj"), None);
        assert_eq!(Shift::parse("helgevakter"), Some(Shift::Helg));
        assert_eq!(Shift::parse("helgejobb"), Some(Shift::Helg));
        assert_eq!(Shift::parse("kveldsvakt"), Some(Shift::Kveld));
        assert_eq!(Shift::parse("lørdagsjobb"), Some(Shift::Helg));
        assert_eq!(Shift::parse("vakt"), None);
        assert_eq!(Shift::parse("deltidsjobb"), None);
        assert_eq!(Shift::parse("kveldstur"), Some(Shift::Kveld));
        assert_eq!(Shift::parse("dagstur"), None);
    }
}
