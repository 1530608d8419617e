//! jobbmatch: finds the few job seekers who fit an employer's need, and says why.
//!
//! Data flows load → analyse → index → match → explain (→ serve):

/// Candidate profiles, job needs and shortlists as plain serde data.
pub mod model;
/// Norwegian text analysis shared by indexing and matching.
pub mod analysis;
/// The vocabulary of the field: concepts, synonyms, licences, levels.
pub mod taxonomy;
