//! jobbmatch: finds the few job seekers who fit an employer's need, and says why.
//!
//! Data flows load → analyse → index → match → explain (→ serve):

/// Norwegian text analysis shared by indexing and matching.
pub mod analysis;
/// Document-id sets for must-have filtering.
pub mod bitset;
/// The employer's three answers, as prose, drafted into a structured job need.
pub mod draft;
/// The evaluation suite: graded judgements, metrics, and the filter-only baseline.
pub mod evaluation;
/// Seeded synthetic candidate profiles for fixtures and benchmarks.
pub mod generate;
/// The HTTP service (axum): shortlists, profiles, tags, typeahead, health, metrics.
pub mod http;
/// The tantivy index of candidate profiles.
pub mod index;
/// Reading candidate profiles from JSON Lines.
pub mod load;
/// Job need → ranked, explained shortlist.
pub mod matching;
/// Candidate profiles, job needs and shortlists as plain serde data.
pub mod model;
/// Durable writes: write-ahead log and batched commits.
pub mod store;
/// The vocabulary of the field: concepts, synonyms, licences, levels.
pub mod taxonomy;
/// Web pages for advisors and veiledere, served beside the API.
pub mod web;
/// Where the index, fixtures and vocabulary live; building the default index.
pub mod workspace;
