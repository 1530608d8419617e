//! A grid over home locations, so that a distance must-have looks only at the candidates who live
//! near the job instead of computing a distance for everyone in the country.

use std::collections::HashMap;

use tantivy::DocId;

/// Cell size in degrees: about 5.5 km north–south and 5 km east–west in southern Norway.
const CELL_LAT: f64 = 0.05;
const CELL_LON: f64 = 0.1;

/// Documents of one segment bucketed by grid cell.
pub struct GeoGrid {
    cells: HashMap<(i32, i32), (u32, u32)>,
    docs: Vec<DocId>,
}

fn cell(lat: f64, lon: f64) -> (i32, i32) {
    ((lat / CELL_LAT).floor() as i32, (lon / CELL_LON).floor() as i32)
}

impl GeoGrid {
    /// Buckets the documents with a known home (`lat`/`lon` NaN when unknown).
    pub fn build(lat: &[f32], lon: &[f32]) -> GeoGrid {
        let mut keyed: Vec<((i32, i32), DocId)> = lat
            .iter()
            .zip(lon)
            .enumerate()
            .filter(|(_, (la, lo))| !la.is_nan() && !lo.is_nan())
            .map(|(doc, (&la, &lo))| (cell(f64::from(la), f64::from(lo)), doc as DocId))
            .collect();
        keyed.sort_unstable();
        let mut cells = HashMap::new();
        let mut docs = Vec::with_capacity(keyed.len());
        let mut start = 0;
        for (i, (key, doc)) in keyed.iter().enumerate() {
            docs.push(*doc);
            if keyed.get(i + 1).is_none_or(|(next, _)| next != key) {
                cells.insert(*key, (start as u32, (i + 1) as u32));
                start = i + 1;
            }
        }
        GeoGrid { cells, docs }
    }

    /// Every document in a cell that a circle of `radius_km` around (`lat`, `lon`) touches:
    /// a superset of those within the radius, to be checked exactly by the caller.
    pub fn near(&self, lat: f64, lon: f64, radius_km: f64) -> Vec<DocId> {
        // Generous on purpose: a degree is 111.2 km, and east–west degrees shrink towards the pole,
        // so the box is sized at the latitude nearest the pole it reaches, plus a kilometre.
        let radius_km = radius_km + 1.0;
        let dlat = radius_km / 111.0;
        let poleward = (lat.abs() + dlat).min(89.0);
        let dlon = radius_km / (111.0 * poleward.to_radians().cos());
        let (low, high) = (cell(lat - dlat, lon - dlon), cell(lat + dlat, lon + dlon));
        let mut found = Vec::new();
        for a in low.0..=high.0 {
            for b in low.1..=high.1 {
                if let Some(&(start, end)) = self.cells.get(&(a, b)) {
                    found.extend_from_slice(&self.docs[start as usize..end as usize]);
                }
            }
        }
        found.sort_unstable();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_returns_a_superset_of_the_circle_and_nothing_far() {
        let lat = [58.15f32, 58.16, 58.46, 60.0, f32::NAN];
        let lon = [8.0f32, 8.02, 8.77, 10.0, 1.0];
        let grid = GeoGrid::build(&lat, &lon);
        let near = grid.near(58.15, 8.0, 10.0);
        assert!(near.contains(&0) && near.contains(&1));
        assert!(!near.contains(&3) && !near.contains(&4));
        assert!(grid.near(58.15, 8.0, 60.0).contains(&2), "Arendal is within 60 km of Kristiansand");
    }
}
