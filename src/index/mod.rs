//! The tantivy index of candidate profiles: schema, opening (with our analyzers registered),
//! bulk builds, look-ups, and the per-segment caches matching reads.

mod cache;
mod columns;
pub mod document;
mod geo;
pub mod keys;
mod schema;

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use std::sync::{Arc, Mutex, OnceLock, RwLock};
use tantivy::index::SegmentId;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::directory::MmapDirectory;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, SegmentReader, TantivyDocument, Term,
};

pub use cache::{Eligible, KeptDerived, SegmentCache};
pub use columns::SegmentColumns;
pub use schema::{Fields, ProfileField, Source};

use crate::analysis::{NORWEGIAN, NorwegianTokenizer};
use crate::model::Candidate;
use crate::semantic::{Semantic, SemanticError};
use crate::taxonomy::Taxonomy;

/// Memory for a bulk build's indexing threads; bigger means fewer segments to merge.
const BULK_HEAP_BYTES: usize = 600_000_000;
/// Documents handed to the writer per batch during a bulk build (progress is reported per batch).
const BULK_BATCH: usize = 10_000;
/// Phrases a typeahead reads per segment at most: a short prefix must not read the whole field.
const MAX_PHRASES_SCANNED: usize = 2_000;

/// Why the index could not be used.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("cannot use the index directory {path}: {detail}")]
    Directory { path: String, detail: String },
    #[error(
        "the index at {path} was built by another version or with other word knowledge \
         (vocabulary, data directory); rebuild it with `jobbmatch index`"
    )]
    Stale { path: String },
    #[error("index i/o: {0}")]
    Io(#[from] std::io::Error),
    #[error("the stored profile of {id} is unreadable: {detail}")]
    Corrupt { id: String, detail: String },
    #[error("semantic layer: {0}")]
    Semantic(#[from] SemanticError),
}

/// What an index remembers about how it was built, stored in tantivy's commit payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BuildStamp {
    /// [`Taxonomy::fingerprint`] of the word knowledge used for analysis.
    pub fingerprint: String,
    /// Last write-ahead-log sequence number applied (0 for bulk builds).
    #[serde(default)]
    pub applied_sequence: u64,
    /// Whether erased profiles may still sit in segment files, to be purged. Deleted documents
    /// alone do not tell: a tag edit deletes the profile's old version too. `None` in indexes
    /// written before this was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erasures_pending: Option<bool>,
}

/// How many values derived from the whole index are kept (compiled job needs, say).
const MAX_DERIVED: usize = 256;

/// Candidate profiles in tantivy, opened with our analyzers. One per process; cheap to share.
pub struct CandidateIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    taxonomy: Arc<Taxonomy>,
    caches: cache::CacheRegistry,
    /// What searches derived from the whole index and its vocabulary (compiled job needs).
    derived: KeptDerived,
    /// The searcher requests use: swapped only once the caches of new segments are loaded, so no
    /// request pays for loading them.
    current: RwLock<Searcher>,
    reloading: Mutex<()>,
    location: String,
    /// The semantic layer, once attached: it learns the phrases of every segment the index loads.
    semantic: OnceLock<Arc<Semantic>>,
    /// Segments whose phrases the semantic layer has learned.
    learned: Mutex<HashSet<SegmentId>>,
    /// For an index of a few profiles ([`CandidateIndex::of_few`]): the profiles by document.
    few: Vec<Candidate>,
}

impl CandidateIndex {
    /// Opens the index in `dir`, creating an empty one if there is none.
    pub fn open_or_create(dir: &Path, taxonomy: Arc<Taxonomy>) -> Result<Self, IndexError> {
        let location = dir.display().to_string();
        let directory_error = |detail: String| IndexError::Directory { path: location.clone(), detail };
        std::fs::create_dir_all(dir).map_err(|error| directory_error(error.to_string()))?;
        let directory = MmapDirectory::open(dir).map_err(|error| directory_error(error.to_string()))?;
        let (schema, fields) = schema::build();
        let index =
            Index::builder().schema(schema).tokenizers(Self::tokenizers(&taxonomy)).open_or_create(directory).map_err(
                |error| match error {
                    tantivy::TantivyError::SchemaError(_) => IndexError::Stale { path: location.clone() },
                    other => IndexError::Tantivy(other),
                },
            )?;
        Self::from_index(index, fields, taxonomy, location)
    }

    /// An index held in memory (tests, evaluation, benchmarks).
    pub fn in_memory(taxonomy: Arc<Taxonomy>) -> Result<Self, IndexError> {
        let (schema, fields) = schema::build();
        let index = Index::builder().schema(schema).tokenizers(Self::tokenizers(&taxonomy)).create_in_ram()?;
        Self::from_index(index, fields, taxonomy, "memory".into())
    }

    /// An index of just `candidates`, in memory, in one segment written without the writer's
    /// threads: for matching a few profiles against many needs (the veileder's reverse view),
    /// where a normal writer's commit (~7 ms) would cost more than the matching.
    pub fn of_few(taxonomy: Arc<Taxonomy>, candidates: &[Candidate]) -> Result<Self, IndexError> {
        let (schema, fields) = schema::build();
        let budget = 4_000_000 + candidates.len() * 20_000;
        let mut writer = Index::builder()
            .schema(schema)
            .tokenizers(Self::tokenizers(&taxonomy))
            .single_segment_index_writer(tantivy::directory::RamDirectory::create(), budget)?;
        for candidate in candidates {
            writer.add_document(document::build(candidate, &taxonomy, &fields))?;
        }
        let index = writer.finalize()?;
        let mut few = Self::from_index(index, fields, taxonomy, "memory".into())?;
        // Its one segment holds them in this order; explanations read them from here, not from
        // the document store (which parses each again).
        few.few = candidates.to_vec();
        Ok(few)
    }

    fn from_index(index: Index, fields: Fields, taxonomy: Arc<Taxonomy>, location: String) -> Result<Self, IndexError> {
        let reader: IndexReader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let current = RwLock::new(reader.searcher());
        let opened = CandidateIndex {
            index,
            reader,
            fields,
            taxonomy,
            caches: cache::CacheRegistry::default(),
            derived: KeptDerived::new(MAX_DERIVED),
            current,
            reloading: Mutex::new(()),
            location,
            semantic: OnceLock::new(),
            learned: Mutex::default(),
            few: Vec::new(),
        };
        opened.reload()?;
        Ok(opened)
    }

    /// The analyzers every index is opened with. tantivy does not store custom tokenizers, so
    /// this is the one place they are registered.
    pub fn tokenizers(taxonomy: &Taxonomy) -> TokenizerManager {
        let manager = TokenizerManager::default();
        manager.register(NORWEGIAN, TextAnalyzer::from(NorwegianTokenizer::new(taxonomy.analyzer().clone())));
        manager
    }

    /// Values searches derived from the vocabulary (compiled job needs): they stay valid for as
    /// long as the index is open, whatever is written to it.
    pub fn derived(&self) -> &KeptDerived {
        &self.derived
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    pub fn taxonomy(&self) -> &Arc<Taxonomy> {
        &self.taxonomy
    }

    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    /// Where the index lives, for messages.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// A consistent view for one request.
    pub fn searcher(&self) -> Searcher {
        self.current.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Picks up the latest commit: loads the caches of its new segments and delete generations,
    /// then makes it the view requests get, and forgets what no longer is in use.
    pub fn reload(&self) -> Result<(), IndexError> {
        let _one_at_a_time = self.reloading.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        self.reader.reload()?;
        let searcher = self.reader.searcher();
        for segment in searcher.segment_readers() {
            self.segment_cache(segment)?;
        }
        let live: Vec<_> = searcher.segment_readers().iter().map(|r| (r.segment_id(), r.delete_opstamp())).collect();
        if let Err(error) = self.learn_phrases(&searcher) {
            // Semantic evidence is extra: matching goes on without the new phrases.
            tracing::warn!(%error, "the semantic layer did not learn the new phrases");
        }
        *self.current.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = searcher;
        self.caches.retain(&live);
        Ok(())
    }

    /// Attaches the semantic layer: it learns every phrase in the index now (from its disk cache,
    /// or by embedding them), and those of every segment loaded from now on. Once per index.
    pub fn attach_semantic(&self, semantic: Arc<Semantic>) -> Result<(), IndexError> {
        let _one_at_a_time = self.reloading.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if self.semantic.set(semantic.clone()).is_err() {
            return Ok(());
        }
        self.learn_phrases(&self.searcher())?;
        semantic.compact_cache()?;
        Ok(())
    }

    /// The semantic layer, if attached.
    pub fn semantic(&self) -> Option<&Arc<Semantic>> {
        self.semantic.get()
    }

    /// Teaches the semantic layer the phrases of `searcher`'s segments it has not seen.
    fn learn_phrases(&self, searcher: &Searcher) -> Result<(), IndexError> {
        let Some(semantic) = self.semantic.get() else { return Ok(()) };
        let mut learned = self.learned.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let field = self.fields.text(ProfileField::Phrase);
        let mut phrases: Vec<String> = Vec::new();
        let mut segments = Vec::new();
        for reader in searcher.segment_readers() {
            if learned.contains(&reader.segment_id()) {
                continue;
            }
            let inverted = reader.inverted_index(field)?;
            let mut terms = inverted.terms().stream()?;
            while terms.advance() {
                if let Ok(phrase) = std::str::from_utf8(terms.key()) {
                    phrases.push(phrase.to_string());
                }
            }
            segments.push(reader.segment_id());
        }
        semantic.learn(phrases.iter().map(String::as_str))?;
        learned.extend(segments);
        Ok(())
    }

    /// What a search reads of one segment: its cache, and which documents it may return.
    pub fn segment_cache(&self, segment: &SegmentReader) -> Result<(Arc<SegmentCache>, Arc<Eligible>), IndexError> {
        let cache = self.caches.segment(segment, &self.fields)?;
        let eligible = self.caches.eligible(segment, &cache);
        Ok((cache, eligible))
    }

    /// How the index was built, if it has been committed to.
    pub fn stamp(&self) -> Result<Option<BuildStamp>, IndexError> {
        let payload = self.index.load_metas()?.payload;
        Ok(payload.and_then(|text| serde_json::from_str(&text).ok()))
    }

    /// Whether the index holds documents analysed with this taxonomy.
    pub fn is_current(&self) -> Result<bool, IndexError> {
        Ok(self.stamp()?.is_some_and(|stamp| stamp.fingerprint == self.stamp_for(0, false).fingerprint))
    }

    /// The stamp a commit made now should carry.
    pub fn stamp_for(&self, applied_sequence: u64, erasures_pending: bool) -> BuildStamp {
        BuildStamp {
            fingerprint: format!("{:016x}.{}", self.taxonomy.fingerprint(), document::VERSION),
            applied_sequence,
            erasures_pending: Some(erasures_pending),
        }
    }

    /// Candidates in the index (visible or not).
    pub fn len(&self) -> u64 {
        self.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The tantivy document for `candidate`.
    pub fn document(&self, candidate: &Candidate) -> TantivyDocument {
        document::build(candidate, &self.taxonomy, &self.fields)
    }

    /// The term that identifies `id`'s document, for deletes.
    pub fn id_term(&self, id: &str) -> Term {
        Term::from_field_text(self.fields.id, id)
    }

    /// A writer for incremental changes. One indexing thread: changes come a few at a time, and
    /// each thread would leave its own small segment at every commit, which every shortlist then
    /// reads until it is merged.
    pub fn writer(&self, heap_bytes: usize) -> Result<IndexWriter, IndexError> {
        Ok(self.index.writer_with_num_threads(1, heap_bytes)?)
    }

    /// Replaces everything in the index by `candidates` in one commit: readers see either the old
    /// or the new set, never a mix. `progress` is told how many documents have been added.
    pub fn replace_all(&self, candidates: &[Candidate], progress: &(dyn Fn(usize) + Sync)) -> Result<(), IndexError> {
        self.replace_all_from(candidates.chunks(BULK_BATCH).map(Ok::<_, IndexError>), progress)?;
        Ok(())
    }

    /// Replaces everything in the index by the candidates `batches` yields, in one commit, and
    /// returns how many there were. If a batch is an error, nothing is committed: the index stays
    /// as it was and the error is returned. Batches stream, so a national build never holds every
    /// profile in memory.
    pub fn replace_all_from<B, E>(
        &self,
        batches: impl IntoIterator<Item = Result<B, E>>,
        progress: &(dyn Fn(usize) + Sync),
    ) -> Result<usize, E>
    where
        B: AsRef<[Candidate]>,
        E: From<IndexError>,
    {
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 4);
        let mut writer: IndexWriter =
            self.index.writer_with_num_threads(threads, BULK_HEAP_BYTES).map_err(IndexError::from)?;
        writer.delete_all_documents().map_err(IndexError::from)?;
        let mut added = 0;
        for batch in batches {
            let batch = match batch {
                Ok(batch) => batch,
                Err(error) => {
                    // Nothing was committed; dropping the uncommitted documents is all there is to undo.
                    writer.rollback().map_err(IndexError::from)?;
                    return Err(error);
                }
            };
            let documents: Vec<TantivyDocument> = batch.as_ref().par_iter().map(|c| self.document(c)).collect();
            for document in documents {
                writer.add_document(document).map_err(IndexError::from)?;
            }
            added += batch.as_ref().len();
            progress(added);
        }
        let mut commit = writer.prepare_commit().map_err(IndexError::from)?;
        commit.set_payload(&serde_json::to_string(&self.stamp_for(0, false)).unwrap_or_default());
        commit.commit().map_err(IndexError::from)?;
        writer.wait_merging_threads().map_err(IndexError::from)?;
        self.reload()?;
        Ok(added)
    }

    /// Profile entries in the index that start with `prefix` (lowercase) and that at least
    /// `min_holders` candidates who may be shown (visible, not deleted) hold, with how many, most
    /// common first. A phrase few people hold (a tag about one person's treatment, say) says
    /// something about them; one many hold does not, and invisible candidates never count.
    pub fn phrases_with_prefix(
        &self,
        prefix: &str,
        limit: usize,
        min_holders: u64,
    ) -> Result<Vec<(String, u64)>, IndexError> {
        use tantivy::DocSet as _;
        let searcher = self.searcher();
        let mut counts: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
        for segment in searcher.segment_readers() {
            let (_, eligible) = self.segment_cache(segment)?;
            let inverted = segment.inverted_index(self.fields.phrases)?;
            let mut stream = inverted.terms().range().ge(prefix.as_bytes()).into_stream()?;
            let mut scanned = 0;
            while stream.advance() && scanned < MAX_PHRASES_SCANNED {
                let Ok(phrase) = std::str::from_utf8(stream.key()) else { continue };
                if !phrase.starts_with(prefix) {
                    break;
                }
                scanned += 1;
                let info = stream.value();
                let mut postings = inverted.read_postings_from_terminfo(info, IndexRecordOption::Basic)?;
                let mut holders = 0;
                let mut doc = postings.doc();
                while doc != tantivy::TERMINATED {
                    holders += u64::from(eligible.bits.contains(doc));
                    doc = postings.advance();
                }
                if holders > 0 {
                    *counts.entry(phrase.to_string()).or_default() += holders;
                }
            }
        }
        counts.retain(|_, holders| *holders >= min_holders);
        let mut phrases: Vec<(String, u64)> = counts.into_iter().collect();
        phrases.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        phrases.truncate(limit);
        Ok(phrases)
    }

    /// Where `id`'s document is, if it is in the index.
    pub fn address(&self, searcher: &Searcher, id: &str) -> Result<Option<DocAddress>, IndexError> {
        let term = self.id_term(id);
        for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
            let inverted = segment.inverted_index(self.fields.id)?;
            if let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::Basic)? {
                use tantivy::DocSet;
                let mut doc = postings.doc();
                while doc != tantivy::TERMINATED {
                    if !segment.is_deleted(doc) {
                        return Ok(Some(DocAddress::new(ordinal as u32, doc)));
                    }
                    doc = postings.advance();
                }
            }
        }
        Ok(None)
    }

    /// The stored profile at `address` (borrowed from an index of a few, which holds them: the
    /// reverse view explains thousands of runs over one profile).
    pub fn profile_at(&self, searcher: &Searcher, address: DocAddress) -> Result<Cow<'_, Candidate>, IndexError> {
        if let Some(profile) = self.few.get(address.doc_id as usize).filter(|_| address.segment_ord == 0) {
            return Ok(Cow::Borrowed(profile));
        }
        let document: TantivyDocument = searcher.doc(address)?;
        let text = document.get_first(self.fields.profile).and_then(|value| value.as_str()).unwrap_or_default();
        serde_json::from_str(text)
            .map(Cow::Owned)
            .map_err(|error| IndexError::Corrupt { id: format!("document {address:?}"), detail: error.to_string() })
    }

    /// The candidates veileder `ident` follows, in id order: how many there are, and the profiles
    /// of `limit` of them from `offset`.
    pub fn followed_by(&self, ident: &str, offset: usize, limit: usize) -> Result<(usize, Vec<Candidate>), IndexError> {
        use tantivy::DocSet;
        let searcher = self.searcher();
        let term = Term::from_field_text(self.fields.veileder, ident);
        let mut found: Vec<(String, DocAddress)> = Vec::new();
        for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
            let (cache, _) = self.segment_cache(segment)?;
            let inverted = segment.inverted_index(self.fields.veileder)?;
            if let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::Basic)? {
                let mut doc = postings.doc();
                while doc != tantivy::TERMINATED {
                    if !segment.is_deleted(doc) {
                        found.push((cache.columns.id(doc).to_string(), DocAddress::new(ordinal as u32, doc)));
                    }
                    doc = postings.advance();
                }
            }
        }
        found.sort();
        let page = found.iter().skip(offset).take(limit);
        let profiles = page
            .map(|(_, address)| self.profile_at(&searcher, *address).map(Cow::into_owned))
            .collect::<Result<_, _>>()?;
        Ok((found.len(), profiles))
    }

    /// The profile of `id`, if present.
    pub fn candidate(&self, id: &str) -> Result<Option<Candidate>, IndexError> {
        let searcher = self.searcher();
        match self.address(&searcher, id)? {
            Some(address) => Ok(Some(self.profile_at(&searcher, address)?.into_owned())),
            None => Ok(None),
        }
    }
}

/// The default on-disk index directory, `index/` beside the fixtures.
pub fn default_dir() -> PathBuf {
    PathBuf::from("index")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: &str) -> Candidate {
        serde_json::from_value(serde_json::json!({"id": id, "municipality": "Arendal"})).expect("valid")
    }

    #[test]
    fn a_failing_batch_after_others_were_added_leaves_the_index_as_it_was() {
        let index = CandidateIndex::in_memory(Taxonomy::embedded().expect("taxonomy")).expect("index");
        index.replace_all(&[candidate("K1"), candidate("K2")], &|_| {}).expect("first build");
        let batches = vec![
            Ok(vec![candidate("K3"), candidate("K4")]),
            Err(IndexError::Io(std::io::ErrorKind::InvalidData.into())),
        ];
        assert!(index.replace_all_from(batches, &|_| {}).is_err());
        index.reload().expect("reload");
        assert_eq!(index.len(), 2);
        assert!(index.candidate("K1").expect("lookup").is_some());
        assert!(index.candidate("K3").expect("lookup").is_none());
        // The index is still writable afterwards.
        index.replace_all(&[candidate("K5")], &|_| {}).expect("rebuild");
        assert_eq!(index.len(), 1);
    }
}
