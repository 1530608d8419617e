//! The tantivy schema: which parts of a profile are searchable, and how.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis::NORWEGIAN;

/// Parts of a profile that criteria search, each its own tantivy field so that evidence can say
/// where it was found and tags can be told apart from the CV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProfileField {
    Experience,
    DesiredOccupation,
    Education,
    Fagbrev,
    Certificate,
    Skill,
    TagInterest,
    TagSkill,
    TagPreference,
    Summary,
    /// Exact structured facts (see [`super::keys`]).
    Keys,
    /// Whole phrases of a profile (tags, skills, experience, summary sentences), normalised, as
    /// the semantic layer embeds them.
    Phrase,
}

/// Where evidence comes from, which decides how much it can weigh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The CV's structured parts.
    Cv,
    /// A veileder's tag.
    Tag,
    /// The CV's free-text summary.
    Summary,
    /// A phrase of any part of the profile, found by resemblance (the semantic layer).
    Semantic,
}

impl ProfileField {
    /// Every field.
    pub const ALL: [ProfileField; 12] = [
        Self::Experience,
        Self::DesiredOccupation,
        Self::Education,
        Self::Fagbrev,
        Self::Certificate,
        Self::Skill,
        Self::TagInterest,
        Self::TagSkill,
        Self::TagPreference,
        Self::Summary,
        Self::Keys,
        Self::Phrase,
    ];

    /// The tantivy field name, also shown in explanations as the evidence's source.
    pub fn name(self) -> &'static str {
        match self {
            Self::Experience => "experience",
            Self::DesiredOccupation => "desired_occupations",
            Self::Education => "education",
            Self::Fagbrev => "fagbrev",
            Self::Certificate => "certificates",
            Self::Skill => "skills",
            Self::TagInterest => "tags_interest",
            Self::TagSkill => "tags_informal_skill",
            Self::TagPreference => "tags_work_preference",
            Self::Summary => "summary",
            Self::Keys => "keys",
            Self::Phrase => "semantic_phrases",
        }
    }

    pub fn source(self) -> Source {
        match self {
            Self::TagInterest | Self::TagSkill | Self::TagPreference => Source::Tag,
            Self::Summary => Source::Summary,
            Self::Phrase => Source::Semantic,
            _ => Source::Cv,
        }
    }
}

/// Handles to every field of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    pub id: Field,
    pub visible: Field,
    pub veileder: Field,
    /// Home municipality, as a column: near misses show it without reading the stored profile.
    pub municipality: Field,
    pub profile: Field,
    /// Profile entries as written (lowercased), for typeahead suggestions from the index.
    pub phrases: Field,
    pub lat: Field,
    pub lon: Field,
    pub max_commute: Field,
    pub extent_min: Field,
    pub extent_max: Field,
    pub available_from: Field,
    pub experience_years: Field,
    text: [Field; ProfileField::ALL.len()],
}

/// Fast-field (column) names, read into per-segment columns for scoring.
pub mod columns {
    pub const LAT: &str = "lat";
    pub const LON: &str = "lon";
    pub const MAX_COMMUTE: &str = "max_commute_km";
    pub const EXTENT_MIN: &str = "extent_min";
    pub const EXTENT_MAX: &str = "extent_max";
    pub const AVAILABLE_FROM: &str = "available_from";
    /// Multi-valued: per experience term, `hash << 32 | tenths of a year`.
    pub const EXPERIENCE_YEARS: &str = "experience_years";
}

impl Fields {
    pub fn text(&self, field: ProfileField) -> Field {
        self.text[field as usize]
    }
}

/// The schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let id = builder.add_text_field("id", STRING | STORED | FAST);
    let visible = builder.add_bool_field("visible", INDEXED | FAST);
    let veileder = builder.add_text_field("veileder", STRING | FAST);
    let municipality = builder.add_text_field("municipality", STRING | FAST);
    let profile = builder.add_text_field("profile", STORED);
    let phrases = builder.add_text_field("phrases", STRING);
    let analysed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(NORWEGIAN).set_index_option(IndexRecordOption::Basic),
    );
    let text = ProfileField::ALL.map(|field| match field {
        ProfileField::Keys | ProfileField::Phrase => builder.add_text_field(field.name(), STRING),
        _ => builder.add_text_field(field.name(), analysed.clone()),
    });
    let fields = Fields {
        id,
        visible,
        veileder,
        municipality,
        profile,
        phrases,
        lat: builder.add_f64_field(columns::LAT, FAST),
        lon: builder.add_f64_field(columns::LON, FAST),
        max_commute: builder.add_f64_field(columns::MAX_COMMUTE, FAST),
        extent_min: builder.add_u64_field(columns::EXTENT_MIN, FAST),
        extent_max: builder.add_u64_field(columns::EXTENT_MAX, FAST),
        available_from: builder.add_i64_field(columns::AVAILABLE_FROM, FAST),
        experience_years: builder.add_u64_field(columns::EXPERIENCE_YEARS, FAST),
        text,
    };
    (builder.build(), fields)
}
