//! jobbmatch: finds the few job seekers who fit an employer's need, and says why.
//!
//! Modules are listed in the order data flows: profiles are loaded and analysed, indexed, matched
//! and explained; drafts turn the employer's prose into a need; the store keeps writes durable;
//! the service layer decides who may do what; two doors — the API and the pages — serve it, and
//! one place assembles them.

/// Norwegian text analysis shared by indexing and matching.
pub mod analysis;
/// Both doors behind one set of layers, served.
pub mod app;
/// Document-id sets for must-have filtering.
pub mod bitset;
/// The employer's three answers, as prose, drafted into a structured job need.
pub mod draft;
/// The evaluation suite: graded judgements, metrics, and the filter-only baseline.
pub mod evaluation;
/// From shortlist to hire: saved needs, kandidatlister with statuses and outcomes, time to match.
pub mod followup;
/// Seeded synthetic candidate profiles for fixtures and benchmarks.
pub mod generate;
/// The API door (axum): shortlists, drafts, profiles, tags, typeahead, health, metrics.
pub mod http;
/// The tantivy index of candidate profiles.
pub mod index;
/// Reading candidate profiles from JSON Lines.
pub mod load;
/// Job need → ranked, explained shortlist: evaluate → pass → merge → explain.
pub mod matching;
/// Candidate profiles, job needs, drafts and shortlists as plain serde data.
pub mod model;
/// Which profile phrases resemble a criterion: sentence embeddings (multilingual-e5-small).
pub mod semantic;
/// Who may do what, the audit log, and the use cases both doors call.
pub mod service;
/// Durable writes: write-ahead log and batched commits.
pub mod store;
/// The vocabulary of the field: concepts, synonyms, licences, levels, places.
pub mod taxonomy;
/// The pages door: web pages for advisors and veiledere.
pub mod web;
/// Where the index, fixtures and vocabulary live; building the default index.
pub mod workspace;

/// The service, the CLI, the tests and the benchmarks all allocate with mimalloc, so what the
/// benchmarks measure is what users meet: matching makes many small, short-lived allocations on
/// every core at once, where glibc's malloc spent its time in arena locks.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
