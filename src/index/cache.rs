//! What a segment keeps between searches. Segments are immutable, so everything here is derived
//! once and reused, the way a search engine's query cache works: the scoring columns, bitsets of
//! common terms, typo expansions, a geo grid, and bitsets of must-haves. Deletes change with every
//! commit and are applied separately ([`Eligible`]), which keeps what searches derive from the
//! documents still searched (the must-have algebra) until the next delete.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use rustc_hash::FxHashMap;

use tantivy::index::SegmentId;
use tantivy::postings::TermInfo;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet as _, InvertedIndexReader, Opstamp, SegmentReader, TERMINATED, Term};

use super::columns::SegmentColumns;
use super::geo::GeoGrid;
use super::schema::{Fields, ProfileField};
use crate::bitset::{DocBits, DocSet, SparseBits};

/// A term in at least one in this many of a segment's documents is held as a bitset.
const DENSE_SHARE: u32 = 256;
/// What the caches may hold before they start over: a bound on memory, not an LRU.
const MAX_TERM_BYTES: usize = 256 << 20;
const MAX_TYPO_SEEDS: usize = 100_000;
const MAX_BITSETS: usize = 512;
const MAX_DERIVED: usize = 4096;
/// Segments of at most this many documents have their whole term dictionary read when first
/// used: the reverse view runs thousands of plans, hundreds of alternatives each, over a
/// segment of one candidate (or a caseload of up to a hundred), and nearly every term it asks
/// for is absent — a hash miss here instead of a walk of tantivy's term dictionary.
const WHOLE_DICTIONARY_DOCS: u32 = 128;

type TermKey = (ProfileField, Box<str>);

/// Documents per term as read, by field then term (so that a look-up needs no allocation);
/// `None` for a term the segment does not have.
#[derive(Default)]
struct TermSets {
    by_field: FxHashMap<ProfileField, FxHashMap<Box<str>, Option<DocSet>>>,
    bytes: usize,
    /// Every term of the segment is here (a tiny segment): one not found is not in it.
    whole: bool,
}

impl TermSets {
    /// Every term of every profile field of `reader`'s segment, with its documents.
    fn whole(reader: &SegmentReader, fields: &Fields) -> tantivy::Result<TermSets> {
        let mut sets = TermSets { whole: true, ..TermSets::default() };
        for field in ProfileField::ALL {
            let inverted = reader.inverted_index(fields.text(field))?;
            let mut stream = inverted.terms().stream()?;
            let terms = sets.by_field.entry(field).or_default();
            while stream.advance() {
                let Ok(term) = std::str::from_utf8(stream.key()) else { continue };
                terms.insert(Box::from(term), Some(docs_of(&inverted, stream.value(), reader.max_doc())?));
            }
        }
        Ok(sets)
    }
}

/// One segment's reusable data.
pub struct SegmentCache {
    pub columns: SegmentColumns,
    pub grid: GeoGrid,
    max_doc: u32,
    terms: RwLock<TermSets>,
    typos: RwLock<FxHashMap<TermKey, Arc<[Box<str>]>>>,
    /// Bitsets of must-haves, by a hash of the test and its parameters.
    sets: RwLock<FxHashMap<u64, Arc<DocBits>>>,
    /// What callers derived from this segment, by a hash of what they derived it from.
    derived: RwLock<FxHashMap<u64, Arc<dyn Any + Send + Sync>>>,
}

impl SegmentCache {
    pub fn load(reader: &SegmentReader, fields: &Fields) -> tantivy::Result<SegmentCache> {
        let columns = SegmentColumns::load(reader)?;
        let grid = GeoGrid::build(&columns.lat, &columns.lon);
        let terms = if reader.max_doc() <= WHOLE_DICTIONARY_DOCS {
            TermSets::whole(reader, fields)?
        } else {
            TermSets::default()
        };
        Ok(SegmentCache {
            columns,
            grid,
            max_doc: reader.max_doc(),
            terms: RwLock::new(terms),
            typos: RwLock::default(),
            sets: RwLock::default(),
            derived: RwLock::default(),
        })
    }

    pub fn max_doc(&self) -> u32 {
        self.max_doc
    }

    /// The documents with `term` in `field` (deleted ones included), `None` when no document has
    /// it. Common terms come as bitsets, rare ones as word lists; both are kept once read.
    pub fn term_docs(
        &self,
        reader: &SegmentReader,
        fields: &Fields,
        field: ProfileField,
        term: &str,
    ) -> tantivy::Result<Option<DocSet>> {
        {
            let terms = read(&self.terms);
            if let Some(found) = terms.by_field.get(&field).and_then(|terms| terms.get(term)) {
                return Ok(found.clone());
            }
            if terms.whole {
                return Ok(None);
            }
        }
        let inverted = reader.inverted_index(fields.text(field))?;
        let docs = match inverted.get_term_info(&Term::from_field_text(fields.text(field), term))? {
            None => None,
            Some(info) => Some(docs_of(&inverted, &info, self.max_doc)?),
        };
        let mut terms = write(&self.terms);
        let bytes = term.len() + 64 + docs.as_ref().map_or(0, DocSet::heap_bytes);
        if terms.bytes + bytes > MAX_TERM_BYTES {
            *terms = TermSets::default();
        }
        terms.bytes += bytes;
        terms.by_field.entry(field).or_default().insert(Box::from(term), docs.clone());
        Ok(docs)
    }

    /// Index terms of `field` within typo distance of `seed`.
    pub fn typos(
        &self,
        reader: &SegmentReader,
        fields: &Fields,
        field: ProfileField,
        seed: &str,
    ) -> tantivy::Result<Arc<[Box<str>]>> {
        let prefix = crate::analysis::typo::prefix(seed);
        {
            let terms = read(&self.terms);
            if terms.whole {
                // As the term dictionary would give them: in byte order.
                let mut found: Vec<Box<str>> = terms.by_field.get(&field).map_or_else(Vec::new, |terms| {
                    let near = terms.keys().filter(|term| term.starts_with(prefix));
                    near.filter(|term| crate::analysis::typo::is_typo_of(seed, term)).cloned().collect()
                });
                found.sort_unstable();
                return Ok(found.into());
            }
        }
        let key: TermKey = (field, Box::from(seed));
        if let Some(found) = read(&self.typos).get(&key) {
            return Ok(found.clone());
        }
        let inverted = reader.inverted_index(fields.text(field))?;
        let mut stream = inverted.terms().range().ge(prefix.as_bytes()).into_stream()?;
        let mut found = Vec::new();
        while stream.advance() {
            let Ok(term) = std::str::from_utf8(stream.key()) else { continue };
            if !term.starts_with(prefix) {
                break;
            }
            if crate::analysis::typo::is_typo_of(seed, term) {
                found.push(Box::from(term));
            }
        }
        let found: Arc<[Box<str>]> = found.into();
        let mut typos = write(&self.typos);
        if typos.len() >= MAX_TYPO_SEEDS {
            typos.clear();
        }
        typos.insert(key, found.clone());
        Ok(found)
    }

    /// What a caller kept under `key` with [`SegmentCache::keep_derived`], if it is a `T`. Keys
    /// are hashes: the caller checks that the value is for what it asks about.
    pub fn derived<T: Any + Send + Sync>(&self, key: u64) -> Option<Arc<T>> {
        read(&self.derived).get(&key).cloned().and_then(|value| value.downcast::<T>().ok())
    }

    /// Keeps `value` under `key` for as long as the segment lives (or the map starts over).
    pub fn keep_derived<T: Any + Send + Sync>(&self, key: u64, value: Arc<T>) {
        let mut derived = write(&self.derived);
        if derived.len() >= MAX_DERIVED {
            derived.clear();
        }
        derived.insert(key, value);
    }

    /// The bitset cached under `key`, or the one `build` makes (then kept). Keys are hashes that
    /// name the test (the caller's to make: no two tests may share one).
    pub fn set<E>(&self, key: u64, build: impl FnOnce() -> Result<DocBits, E>) -> Result<Arc<DocBits>, E> {
        if let Some(bits) = read(&self.sets).get(&key) {
            return Ok(bits.clone());
        }
        let bits = Arc::new(build()?);
        let mut sets = write(&self.sets);
        if sets.len() >= MAX_BITSETS {
            sets.clear();
        }
        sets.insert(key, bits.clone());
        Ok(bits)
    }
}

/// The documents of the term `info` describes: common terms as a bitset, rare ones as a list.
fn docs_of(inverted: &InvertedIndexReader, info: &TermInfo, max_doc: u32) -> tantivy::Result<DocSet> {
    let mut postings = inverted.read_postings_from_terminfo(info, IndexRecordOption::Basic)?;
    let docs = std::iter::from_fn(|| {
        let doc = postings.doc();
        (doc != TERMINATED).then(|| {
            postings.advance();
            doc
        })
    });
    Ok(if info.doc_freq < (max_doc / DENSE_SHARE).max(64) {
        DocSet::Sparse(Arc::new(SparseBits::from_sorted(docs)))
    } else {
        let mut bits = DocBits::empty(max_doc);
        docs.for_each(|doc| bits.insert(doc));
        DocSet::Dense(Arc::new(bits))
    })
}

/// Searches that derive something from [`Eligible`] documents may keep this many such things.
const MAX_ELIGIBLE_DERIVED: usize = 32;

/// A few values derived by callers, by a hash of what they were derived from; the least recently
/// used is dropped when full. For things that are few and large, or costly to make again.
pub struct KeptDerived {
    capacity: usize,
    entries: Mutex<Vec<(u64, Arc<dyn Any + Send + Sync>)>>,
}

impl KeptDerived {
    pub fn new(capacity: usize) -> KeptDerived {
        KeptDerived { capacity, entries: Mutex::default() }
    }

    /// What a caller kept under `key`, if it is a `T`. Keys are hashes: the caller checks that the
    /// value is for what it asks about.
    pub fn get<T: Any + Send + Sync>(&self, key: u64) -> Option<Arc<T>> {
        let mut entries = lock(&self.entries);
        let position = entries.iter().position(|(k, _)| *k == key)?;
        let entry = entries.remove(position);
        let value = entry.1.clone();
        entries.push(entry);
        value.downcast::<T>().ok()
    }

    /// Keeps `value` under `key`, dropping the least recently used when full.
    pub fn keep<T: Any + Send + Sync>(&self, key: u64, value: Arc<T>) {
        let mut entries = lock(&self.entries);
        entries.retain(|(k, _)| *k != key);
        if entries.len() >= self.capacity {
            entries.remove(0);
        }
        entries.push((key, value));
    }
}

/// The documents a search may return in one segment: visible and not deleted.
pub struct Eligible {
    pub bits: DocBits,
    pub count: usize,
    /// What searches derived from exactly these documents (who meets a set of must-haves, say).
    pub derived: KeptDerived,
}

impl Eligible {
    pub fn new(bits: DocBits) -> Eligible {
        let count = bits.count();
        Eligible { bits, count, derived: KeptDerived::new(MAX_ELIGIBLE_DERIVED) }
    }
}

impl std::fmt::Debug for Eligible {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Eligible").field("count", &self.count).finish_non_exhaustive()
    }
}

type SegmentKey = (SegmentId, Option<Opstamp>);

/// Per-segment caches of the segments in use, shared by all searches.
#[derive(Default)]
pub struct CacheRegistry {
    segments: Mutex<HashMap<SegmentId, Arc<SegmentCache>>>,
    eligible: Mutex<HashMap<SegmentKey, Arc<Eligible>>>,
}

impl CacheRegistry {
    /// The cache of `reader`'s segment, loading it on first use.
    pub fn segment(&self, reader: &SegmentReader, fields: &Fields) -> tantivy::Result<Arc<SegmentCache>> {
        if let Some(cache) = lock(&self.segments).get(&reader.segment_id()) {
            return Ok(cache.clone());
        }
        let cache = Arc::new(SegmentCache::load(reader, fields)?);
        lock(&self.segments).insert(reader.segment_id(), cache.clone());
        Ok(cache)
    }

    /// The visible, undeleted documents of `reader`'s segment as of its delete generation.
    pub fn eligible(&self, reader: &SegmentReader, cache: &SegmentCache) -> Arc<Eligible> {
        let key = (reader.segment_id(), reader.delete_opstamp());
        if let Some(eligible) = lock(&self.eligible).get(&key) {
            return eligible.clone();
        }
        let mut bits = cache.columns.visible.clone();
        if let Some(alive) = reader.alive_bitset() {
            for doc in cache.columns.visible.iter() {
                if alive.is_deleted(doc) {
                    bits.remove(doc);
                }
            }
        }
        let eligible = Arc::new(Eligible::new(bits));
        lock(&self.eligible).insert(key, eligible.clone());
        eligible
    }

    /// Forgets segments and delete generations no longer searched.
    pub fn retain(&self, live: &[SegmentKey]) {
        lock(&self.segments).retain(|id, _| live.iter().any(|(live, _)| live == id));
        lock(&self.eligible).retain(|key, _| live.contains(key));
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn write<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_derived_drops_the_least_recently_used() {
        let kept = KeptDerived::new(2);
        kept.keep(1, Arc::new("one"));
        kept.keep(2, Arc::new("two"));
        assert_eq!(kept.get::<&str>(1).as_deref(), Some(&"one"), "asked for: now the most recent");
        kept.keep(3, Arc::new("three"));
        assert!(kept.get::<&str>(2).is_none(), "the least recently used went");
        assert_eq!(kept.get::<&str>(1).as_deref(), Some(&"one"));
        assert!(kept.get::<u32>(3).is_none(), "a value of another type is not returned");
        kept.keep(3, Arc::new("drei"));
        assert_eq!(kept.get::<&str>(3).as_deref(), Some(&"drei"), "kept again under a key: replaced");
    }

    #[test]
    fn a_tiny_segment_read_whole_answers_as_its_term_dictionary_does() {
        let taxonomy = crate::taxonomy::Taxonomy::embedded().expect("taxonomy");
        let few: Vec<_> = (1..=12).map(|n| crate::generate::candidate(crate::generate::DEFAULT_SEED, n)).collect();
        let index = crate::index::CandidateIndex::of_few(taxonomy, &few).expect("index");
        let searcher = index.searcher();
        let reader = &searcher.segment_readers()[0];
        let fields = index.fields();
        let whole = SegmentCache::load(reader, fields).expect("cache");
        let asked = SegmentCache { terms: RwLock::default(), ..SegmentCache::load(reader, fields).expect("cache") };
        assert!(read(&whole.terms).whole && !read(&asked.terms).whole);
        let (mut present, mut typos) = (0, 0);
        for field in ProfileField::ALL {
            let terms: Vec<Box<str>> =
                read(&whole.terms).by_field.get(&field).into_iter().flatten().map(|(t, _)| t.clone()).collect();
            for term in &terms {
                // The term itself, a letter changed, one dropped, and something nobody has.
                let mut changed: Vec<char> = term.chars().collect();
                let last = changed.len() - 1;
                changed[last] = if changed[last] == 'e' { 'a' } else { 'e' };
                let dropped: String = term.chars().skip(1).collect();
                for word in [term.to_string(), changed.into_iter().collect(), dropped, format!("{term}zzq")] {
                    let docs = |cache: &SegmentCache| {
                        cache.term_docs(reader, fields, field, &word).expect("docs").map(|set| set.docs())
                    };
                    assert_eq!(docs(&whole), docs(&asked), "{field:?} {word}");
                    present += usize::from(docs(&whole).is_some());
                    let typos_of = |cache: &SegmentCache| cache.typos(reader, fields, field, &word).expect("typos");
                    assert_eq!(typos_of(&whole), typos_of(&asked), "{field:?} {word}");
                    typos += typos_of(&whole).len();
                }
            }
        }
        assert!(present > 100 && typos > 10, "a test with something in it: {present} terms, {typos} typos");
    }
}
