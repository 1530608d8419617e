//! Where the product finds its data: the index directory, the candidate file it is built from,
//! and the word knowledge (vocabulary and optional data directory).
//!
//! The embedded default needs no set-up: the index lives in `index/` and is built from
//! `fixtures/candidates.jsonl` the first time it is found empty.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::index::{CandidateIndex, IndexError};
use crate::load::{LoadError, read_candidates};
use crate::semantic::{Semantic, SemanticError};
use crate::store::{Store, StoreError, wal_path};
use crate::taxonomy::{Taxonomy, TaxonomyError, Vocabulary};

/// The committed synthetic candidates.
pub const DEFAULT_CANDIDATES: &str = "fixtures/candidates.jsonl";
/// The default on-disk index.
pub const DEFAULT_INDEX: &str = "index";

/// Why the workspace could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(transparent)]
    Taxonomy(#[from] TaxonomyError),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Semantic(#[from] SemanticError),
}

/// Which word knowledge to use: vocabulary and optional real data.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    /// A vocabulary file in the embedded format.
    pub vocabulary: Option<PathBuf>,
    /// Use only that file instead of extending the embedded vocabulary.
    pub replace_vocabulary: bool,
    /// A directory with NAV's STYRK-08 titles and Norsk Ordbank (see `taxonomy::external`).
    pub data_dir: Option<PathBuf>,
    /// A dictionary's full forms (see `taxonomy::forms`): Bokmålsordboka's, as the build
    /// exported them, or another file of the same shape.
    pub forms: Option<PathBuf>,
}

impl Knowledge {
    /// Builds the taxonomy these options describe.
    pub fn taxonomy(&self) -> Result<Arc<Taxonomy>, TaxonomyError> {
        let mut vocabulary = match (&self.vocabulary, self.replace_vocabulary) {
            (Some(path), true) => Vocabulary::from_file(path)?,
            (Some(path), false) => {
                let mut vocabulary = Vocabulary::embedded()?;
                vocabulary.extend(Vocabulary::from_file(path)?);
                vocabulary
            }
            (None, _) => Vocabulary::embedded()?,
        };
        let mut lexicon = match &self.data_dir {
            Some(dir) => crate::taxonomy::external::load(dir, &mut vocabulary)?.0,
            None => {
                crate::analysis::Lexicon::from_words(std::iter::empty(), crate::analysis::Lexicon::DEFAULT_STOPWORDS)
            }
        };
        if let Some(forms) = &self.forms {
            crate::taxonomy::forms::load(forms, &mut lexicon)?;
        }
        Ok(Arc::new(Taxonomy::build(vocabulary, lexicon)?))
    }
}

/// How an index was made ready, for the caller to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readiness {
    /// It already held current data.
    Ready { candidates: u64 },
    /// It was (re)built from `source`.
    Built { candidates: u64, source: PathBuf, reason: &'static str },
}

/// Opens the index at `dir`; when it is empty, or was built with other word knowledge and
/// `rebuild_stale` allows it, builds it from `candidates` first. `progress` sees (done, total).
pub fn open_index(
    dir: &Path,
    candidates: &Path,
    taxonomy: Arc<Taxonomy>,
    rebuild_stale: bool,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<(CandidateIndex, Readiness), WorkspaceError> {
    let index = match CandidateIndex::open_or_create(dir, taxonomy.clone()) {
        Err(IndexError::Stale { .. }) if rebuild_stale => {
            // The schema changed: start the directory afresh (it only holds a derived index).
            clear_index_dir(dir)?;
            CandidateIndex::open_or_create(dir, taxonomy)?
        }
        other => other?,
    };
    let reason = if index.is_empty() && index.stamp()?.is_none() {
        "the index was empty"
    } else if !index.is_current()? {
        if !rebuild_stale {
            return Err(IndexError::Stale { path: dir.display().to_string() }.into());
        }
        "the index was built with other word knowledge"
    } else {
        let candidates = index.len();
        return Ok((index, Readiness::Ready { candidates }));
    };
    let profiles = read_candidates(candidates)?;
    let total = profiles.len();
    index.replace_all(&profiles, &|done| progress(done, total))?;
    let readiness = Readiness::Built { candidates: index.len(), source: candidates.to_path_buf(), reason };
    Ok((index, readiness))
}

/// Opens the index in `dir` as [`open_index`] does, with its store: the write-ahead log beside
/// it is replayed and committed.
pub fn open_store(
    dir: &Path,
    candidates: &Path,
    taxonomy: Arc<Taxonomy>,
    rebuild_stale: bool,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<(Store, Readiness), WorkspaceError> {
    let (index, readiness) = open_index(dir, candidates, taxonomy, rebuild_stale, progress)?;
    Ok((Store::over(index, &wal_path(dir))?, readiness))
}

fn clear_index_dir(dir: &Path) -> Result<(), IndexError> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.file_name().is_some_and(|name| name == ".gitkeep") {
            continue;
        }
        if path.is_dir() { std::fs::remove_dir_all(&path)? } else { std::fs::remove_file(&path)? }
    }
    Ok(())
}

/// Whether to match with the semantic layer as well as lexically.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SemanticChoice {
    /// The model the build fetched, if it did (lexical only otherwise).
    #[default]
    BuiltIn,
    /// This model file (an error if it cannot be loaded).
    Model(PathBuf),
    /// Lexical only.
    Off,
}

/// What the semantic layer came to, for the caller to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SemanticReadiness {
    /// Attached: the model, the phrases it knows, how many it embedded now (the rest came from
    /// the cache), in how many milliseconds.
    On { model: String, phrases: usize, embedded: usize, millis: u128 },
    /// Lexical only, and why.
    Off { reason: String },
}

impl std::fmt::Display for SemanticReadiness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SemanticReadiness::On { model, phrases, embedded, millis } => write!(
                f,
                "semantic layer on: {model}, {phrases} phrases ({embedded} embedded now, in {:.1} s)",
                *millis as f64 / 1000.0
            ),
            SemanticReadiness::Off { reason } => write!(f, "lexical only: {reason}"),
        }
    }
}

/// Attaches the semantic layer `choice` names to `index`, caching embeddings in `cache_file`.
/// Without a built-in model this is not an error: matching is lexical only, and says so.
pub fn attach_semantic(
    index: &CandidateIndex,
    choice: &SemanticChoice,
    cache_file: Option<&Path>,
) -> Result<SemanticReadiness, WorkspaceError> {
    let started = std::time::Instant::now();
    let semantic = match choice {
        SemanticChoice::Off => return Ok(SemanticReadiness::Off { reason: "turned off (--lexical-only)".into() }),
        SemanticChoice::Model(path) => Semantic::load(path, cache_file)?,
        SemanticChoice::BuiltIn => match Semantic::built_in(cache_file) {
            Ok(semantic) => semantic,
            Err(error @ (SemanticError::NotBuilt | SemanticError::Model(_))) => {
                return Ok(SemanticReadiness::Off { reason: error.to_string() });
            }
            Err(other) => return Err(other.into()),
        },
    };
    let semantic = Arc::new(semantic);
    index.attach_semantic(semantic.clone())?;
    Ok(SemanticReadiness::On {
        model: semantic.model().to_string(),
        phrases: semantic.phrases(),
        embedded: semantic.embedded(),
        millis: started.elapsed().as_millis(),
    })
}
