//! Per-segment columns of the facts that scoring reads for every candidate.
//!
//! Loaded once per segment from tantivy's fast fields into compact vectors and cached by segment
//! id and delete generation: segments are immutable, so a reload after a write only loads the new
//! segments.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::{DocId, Opstamp, SegmentReader};

use super::schema::columns;
use crate::bitset::DocBits;

/// The facts of every document in one segment, indexed by doc id.
pub struct SegmentColumns {
    ids: String,
    id_ends: Vec<u32>,
    id_of_doc: Vec<u32>,
    /// Alive and visible: the only documents any shortlist may return.
    pub eligible: DocBits,
    /// Home coordinates; NaN when unknown.
    pub lat: Vec<f32>,
    pub lon: Vec<f32>,
    /// Greatest commute in km; infinite when not stated.
    pub max_commute: Vec<f32>,
    /// Desired extent; 0–100 when not stated.
    pub extent_min: Vec<u8>,
    pub extent_max: Vec<u8>,
    /// First day available as a Julian day; `i32::MIN` when available now.
    pub available_from: Vec<i32>,
    experience_years: Column<u64>,
}

impl SegmentColumns {
    /// Reads the columns of one segment.
    pub fn load(reader: &SegmentReader) -> tantivy::Result<Self> {
        let max_doc = reader.max_doc();
        let fast = reader.fast_fields();
        let docs = 0..max_doc;

        let (ids, id_ends, id_of_doc) = load_ids(reader)?;
        let visible = fast.bool("visible")?;
        let mut eligible = DocBits::empty(max_doc);
        for doc in docs.clone() {
            if !reader.is_deleted(doc) && visible.first(doc).unwrap_or(false) {
                eligible.insert(doc);
            }
        }
        let f64s = |name: &str, missing: f32| -> tantivy::Result<Vec<f32>> {
            let column = fast.f64(name)?;
            Ok(docs.clone().map(|doc| column.first(doc).map_or(missing, |v| v as f32)).collect())
        };
        let u8s = |name: &str, missing: u8| -> tantivy::Result<Vec<u8>> {
            let column = fast.u64(name)?;
            Ok(docs.clone().map(|doc| column.first(doc).map_or(missing, |v| v.min(255) as u8)).collect())
        };
        let available = fast.i64(columns::AVAILABLE_FROM)?;
        Ok(SegmentColumns {
            ids,
            id_ends,
            id_of_doc,
            eligible,
            lat: f64s(columns::LAT, f32::NAN)?,
            lon: f64s(columns::LON, f32::NAN)?,
            max_commute: f64s(columns::MAX_COMMUTE, f32::INFINITY)?,
            extent_min: u8s(columns::EXTENT_MIN, 0)?,
            extent_max: u8s(columns::EXTENT_MAX, 100)?,
            available_from: docs
                .clone()
                .map(|doc| {
                    available.first(doc).map_or(i32::MIN, |day| day.clamp(i32::MIN.into(), i32::MAX.into()) as i32)
                })
                .collect(),
            experience_years: fast.u64(columns::EXPERIENCE_YEARS)?,
        })
    }

    /// The candidate id of `doc`.
    pub fn id(&self, doc: DocId) -> &str {
        let ord = self.id_of_doc[doc as usize] as usize;
        let start = if ord == 0 { 0 } else { self.id_ends[ord - 1] as usize };
        &self.ids[start..self.id_ends[ord] as usize]
    }

    /// Most years the candidate has in an experience entry containing one of `term_hashes`.
    pub fn experience_years(&self, doc: DocId, term_hashes: &[u32]) -> f32 {
        self.experience_years
            .values_for_doc(doc)
            .filter(|value| term_hashes.contains(&((value >> 32) as u32)))
            .map(|value| (value & 0xffff_ffff) as f32 / 10.0)
            .fold(0.0, f32::max)
    }
}

/// Ids in term order as one string plus end offsets, and each document's term ordinal.
fn load_ids(reader: &SegmentReader) -> tantivy::Result<(String, Vec<u32>, Vec<u32>)> {
    let mut ids = String::new();
    let mut ends = Vec::new();
    let mut of_doc = vec![0; reader.max_doc() as usize];
    if let Some(column) = reader.fast_fields().str("id")? {
        let mut stream = column.dictionary().stream()?;
        while stream.advance() {
            ids.push_str(&String::from_utf8_lossy(stream.key()));
            ends.push(ids.len() as u32);
        }
        for (doc, slot) in of_doc.iter_mut().enumerate() {
            *slot = column.term_ords(doc as DocId).next().unwrap_or(0) as u32;
        }
    }
    if ends.is_empty() {
        ends.push(0);
    }
    Ok((ids, ends, of_doc))
}

/// A segment as it is after a given delete generation.
type SegmentKey = (SegmentId, Option<Opstamp>);

/// Columns of the segments in use, shared by all searches.
#[derive(Default)]
pub struct ColumnCache {
    segments: Mutex<HashMap<SegmentKey, Arc<SegmentColumns>>>,
}

impl ColumnCache {
    /// The columns of `reader`'s segment, loading them on first use.
    pub fn get(&self, reader: &SegmentReader) -> tantivy::Result<Arc<SegmentColumns>> {
        let key = (reader.segment_id(), reader.delete_opstamp());
        if let Some(columns) = self.lock().get(&key) {
            return Ok(columns.clone());
        }
        let columns = Arc::new(SegmentColumns::load(reader)?);
        self.lock().insert(key, columns.clone());
        Ok(columns)
    }

    /// Forgets segments that are no longer searched.
    pub fn retain(&self, live: &[SegmentKey]) {
        self.lock().retain(|key, _| live.contains(key));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SegmentKey, Arc<SegmentColumns>>> {
        // A panic while holding the lock cannot leave the map half-updated: recover it.
        self.segments.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
