//! Places jobbmatch knows without a data directory: the municipalities (kommuner) of Agder, where
//! the pilot ran and the synthetic candidates live, with their centres (public geodata, rounded to
//! town centres). The job form offers them as workplaces; the generator places candidates in them.

use crate::model::GeoPoint;

/// A municipality and its centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Municipality {
    pub name: &'static str,
    pub centre: GeoPoint,
}

const fn at(name: &'static str, lat: f64, lon: f64) -> Municipality {
    Municipality { name, centre: GeoPoint { lat, lon } }
}

/// Agder's municipalities, largest first.
pub const AGDER: &[Municipality] = &[
    at("Kristiansand", 58.147, 7.995),
    at("Arendal", 58.461, 8.767),
    at("Grimstad", 58.341, 8.593),
    at("Lindesnes", 58.029, 7.456),
    at("Vennesla", 58.272, 7.972),
    at("Lillesand", 58.249, 8.378),
    at("Lyngdal", 58.138, 7.071),
    at("Farsund", 58.095, 6.804),
    at("Flekkefjord", 58.297, 6.663),
    at("Froland", 58.525, 8.630),
    at("Tvedestrand", 58.622, 8.932),
    at("Risør", 58.721, 9.233),
    at("Birkenes", 58.334, 8.234),
    at("Kvinesdal", 58.313, 6.957),
    at("Evje og Hornnes", 58.589, 7.800),
    at("Iveland", 58.451, 7.962),
    at("Vegårshei", 58.763, 8.843),
    at("Gjerstad", 58.873, 9.029),
    at("Åmli", 58.776, 8.496),
    at("Hægebostad", 58.450, 7.200),
    at("Sirdal", 58.666, 6.720),
    at("Åseral", 58.617, 7.420),
    at("Bygland", 58.832, 7.800),
    at("Valle", 59.201, 7.533),
    at("Bykle", 59.353, 7.354),
];

/// The municipality called `name` (as written, case and all), if known.
pub fn municipality(name: &str) -> Option<&'static Municipality> {
    AGDER.iter().find(|place| place.name == name)
}
