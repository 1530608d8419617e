//! Per-segment columns of the facts that scoring reads for every candidate.
//!
//! Loaded once per segment from tantivy's fast fields into compact vectors (see
//! [`super::cache`]): segments are immutable, so a reload after a write only loads new segments.

use tantivy::columnar::Column;
use tantivy::{DocId, SegmentReader};

use super::schema::columns;
use crate::bitset::DocBits;

/// The facts of every document in one segment, indexed by doc id.
pub struct SegmentColumns {
    ids: String,
    id_ends: Vec<u32>,
    id_of_doc: Vec<u32>,
    /// Profiles their owner lets employers see (deletes are applied separately, per commit).
    pub visible: DocBits,
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
    ids_ascending: bool,
    municipalities: Vec<String>,
    municipality_of_doc: Vec<u32>,
}

impl SegmentColumns {
    /// Reads the columns of one segment.
    pub fn load(reader: &SegmentReader) -> tantivy::Result<Self> {
        let max_doc = reader.max_doc();
        let fast = reader.fast_fields();
        let docs = 0..max_doc;

        let (ids, id_ends, id_of_doc) = load_ids(reader)?;
        let ids_ascending = id_of_doc.windows(2).all(|pair| pair[0] < pair[1]);
        let (municipalities, municipality_of_doc) = load_dictionary(reader, "municipality")?;
        let visible_column = fast.bool("visible")?;
        let mut visible = DocBits::empty(max_doc);
        for doc in docs.clone() {
            if visible_column.first(doc).unwrap_or(false) {
                visible.insert(doc);
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
            visible,
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
            ids_ascending,
            municipalities,
            municipality_of_doc,
        })
    }

    /// Whether documents are in id order (as bulk builds leave them), so that of two equal
    /// scores the earlier document wins.
    pub fn ids_ascending(&self) -> bool {
        self.ids_ascending
    }

    /// The home municipality of `doc`.
    pub fn municipality(&self, doc: DocId) -> &str {
        self.municipality_of_doc
            .get(doc as usize)
            .and_then(|&ordinal| self.municipalities.get(ordinal as usize))
            .map_or("", String::as_str)
    }

    /// Where `doc`'s id sorts among this segment's ids: within a segment, comparing these
    /// compares the ids, without reading them.
    pub fn id_rank(&self, doc: DocId) -> u32 {
        self.id_of_doc[doc as usize]
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

/// A low-cardinality string column: its distinct values, and each document's (`u32::MAX` when
/// it has none).
fn load_dictionary(reader: &SegmentReader, field: &str) -> tantivy::Result<(Vec<String>, Vec<u32>)> {
    let mut values = Vec::new();
    let mut of_doc = vec![u32::MAX; reader.max_doc() as usize];
    if let Some(column) = reader.fast_fields().str(field)? {
        let mut stream = column.dictionary().stream()?;
        while stream.advance() {
            values.push(String::from_utf8_lossy(stream.key()).into_owned());
        }
        for (doc, slot) in of_doc.iter_mut().enumerate() {
            if let Some(ordinal) = column.term_ords(doc as DocId).next() {
                *slot = ordinal as u32;
            }
        }
    }
    Ok((values, of_doc))
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
