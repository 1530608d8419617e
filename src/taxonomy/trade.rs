//! Trade qualifications as people write them: `fagbrev som industrimekaniker`, `fagbrev i
//! logistikk`, `industrimekanikerfaget`, `svennebrev som tømrar`, `mesterbrev i malerfaget`,
//! `tømrerlærling`, `lærling i bilfaget`.
//!
//! The official name of a trade is "Xfaget" (UDIR); CVs and employers say "fagbrev som X" or
//! name the trade by its worker. Each becomes the same key: the stems of the trade's words, the
//! `-fag(et)` and a linking `s` taken off (`salgsfaget` → `salg`), nynorsk agent nouns stemmed
//! like bokmål ones (`tømrar` ~ `tømrer`). Trades renamed over the years are listed in the
//! vocabulary as the same trade (`bilmekanikerfaget` = `bilfaget, lette kjøretøy`).
//!
//! The ladder: lærling < fagbrev (= svennebrev) < mesterbrev, and a mesterbrev holds the fagbrev
//! of its trade.

use serde::{Deserialize, Serialize};

use super::Taxonomy;
use crate::analysis::split_words;

/// How far up a trade's ladder a qualification is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rung {
    /// Lærling or lærekandidat: in training, no fagbrev yet.
    Apprentice,
    /// Fagbrev or svennebrev.
    Certified,
    /// Mesterbrev.
    Master,
}

/// A qualification in one trade.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Trade {
    /// The trade's key: the stems of its name, joined by `-`.
    pub key: String,
    pub rung: Rung,
}

/// How trades are written, as data (`trades` in the vocabulary).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TradeRules {
    /// Words that say someone is in training: `lærling`, `lærekandidat`.
    #[serde(default)]
    pub apprentice_words: Vec<String>,
    /// Words for the top of the ladder: `mesterbrev`.
    #[serde(default)]
    pub master_words: Vec<String>,
    /// Names of one trade, renamed over the years; the first is today's.
    #[serde(default)]
    pub same: Vec<Vec<String>>,
}

/// Words that only join a trade's name to its qualification: `fagbrev som X`, `lærling i X`.
const JOINING: &[&str] = &["som", "i", "innen", "innenfor", "fra", "frå", "med", "for", "og", "eller"];

impl Taxonomy {
    /// The trade qualification `text` names, if it names one. A text that names a trade but no
    /// rung (`industrimekanikerfaget`, the trade of a fagbrev field) is read at `default` rung;
    /// `None` as the default asks for a qualification word (`fagbrev`, `lærling`, `-faget` …).
    pub fn trade_in(&self, text: &str, default: Option<Rung>) -> Option<Trade> {
        let rules = &self.vocabulary.trades;
        let mut rung = None;
        let mut names: Vec<String> = Vec::new();
        let mut trade_word = false;
        for word in split_words(text) {
            let stem = self.analyzer.stem(&word);
            if self.fagbrev_stems.contains(&stem) {
                rung = rung.max(Some(Rung::Certified));
            } else if rules.master_words.iter().any(|w| *w == word || self.analyzer.stem(w) == stem) {
                rung = Some(Rung::Master);
            } else if let Some(prefix) = ends_with_any(&word, &rules.apprentice_words) {
                rung = rung.or(Some(Rung::Apprentice));
                if !prefix.is_empty() {
                    names.push(prefix.to_string());
                }
            } else if JOINING.contains(&word.as_str()) || self.analyzer.lexicon().is_stopword(&word) {
                continue;
            } else if let Some(trade) = without_fag(&word) {
                trade_word = true;
                names.push(trade.to_string());
            } else {
                names.push(word);
            }
        }
        let rung = rung.or(if trade_word { Some(Rung::Certified) } else { None }).or(default)?;
        let key = self.trade_key(&names)?;
        Some(Trade { key: self.same_trade(&key), rung })
    }

    /// Whether `text` names a trade the vocabulary lists (`bilfaget, lette kjøretøy`,
    /// `gartnerfaget`), so that a name's qualifier (`lette kjøretøy`) is read as part of it.
    pub fn knows_trade(&self, text: &str) -> bool {
        self.trade_in(text, Some(Rung::Certified))
            .is_some_and(|trade| self.trade_aliases.values().any(|today| *today == trade.key))
    }

    /// Whether `word` names an apprentice (`lærling`, `lærlinger`, `tømrerlærling`).
    pub fn is_apprentice_word(&self, word: &str) -> bool {
        ends_with_any(word, &self.vocabulary.trades.apprentice_words).is_some()
    }

    /// Whether `word` names a qualification in a trade by itself: `fagbrev`, `svennebrev`,
    /// `mesterbrev`, a `…lærling`, or a trade's official name (`logistikkfaget`).
    pub fn is_qualification_word(&self, word: &str) -> bool {
        let rules = &self.vocabulary.trades;
        let stem = self.analyzer.stem(word);
        self.fagbrev_stems.contains(&stem)
            || rules.master_words.iter().any(|w| w == word || self.analyzer.stem(w) == stem)
            || ends_with_any(word, &rules.apprentice_words).is_some()
            || without_fag(word).is_some()
    }

    /// The key of a trade named by `words` (already without qualification words).
    fn trade_key(&self, words: &[String]) -> Option<String> {
        let stems: Vec<String> = words
            .iter()
            .filter(|word| !self.analyzer.lexicon().is_stopword(word))
            .map(|word| self.analyzer.stem(without_fag(word).unwrap_or(word)))
            .collect();
        (!stems.is_empty()).then(|| stems.join("-"))
    }

    /// The key of today's name of the trade keyed `key`.
    fn same_trade(&self, key: &str) -> String {
        self.trade_aliases.get(key).cloned().unwrap_or_else(|| key.to_string())
    }

    /// Every alias key → today's key, from the vocabulary's renamed trades.
    pub(super) fn trade_alias_keys(&self) -> Vec<(String, String)> {
        let mut aliases = Vec::new();
        for names in &self.vocabulary.trades.same {
            let keys: Vec<String> = names
                .iter()
                .filter_map(|name| {
                    let trade = self.trade_in(name, Some(Rung::Certified))?;
                    Some(trade.key)
                })
                .collect();
            // Today's name maps to itself, so that a trade listed under one name only
            // (`gartnerfaget` and `gartner` key alike) is known as well.
            if let Some(today) = keys.first() {
                aliases.extend(keys.iter().map(|key| (key.clone(), today.clone())));
            }
        }
        aliases
    }
}

/// `word` less a final `-fag`/`-faget` (and a linking `s`), when it is a trade's name.
fn without_fag(word: &str) -> Option<&str> {
    let base = ["faget", "fagene", "fag"].iter().find_map(|ending| word.strip_suffix(ending))?;
    let base = base.strip_suffix('s').filter(|b| b.chars().count() >= 3).unwrap_or(base);
    (base.chars().count() >= 3).then_some(base)
}

/// The prefix of `word` before one of `endings` (empty when `word` is the ending itself).
fn ends_with_any<'w>(word: &'w str, endings: &[String]) -> Option<&'w str> {
    endings.iter().find_map(|ending| word.strip_suffix(ending.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trade(text: &str) -> Option<(String, Rung)> {
        let taxonomy = Taxonomy::embedded().expect("taxonomy");
        taxonomy.trade_in(text, None).map(|trade| (trade.key, trade.rung))
    }

    #[test]
    fn everyday_and_official_names_of_a_trade_meet() {
        let official = trade("industrimekanikerfaget").expect("a trade");
        for text in
            ["fagbrev som industrimekaniker", "svennebrev som industrimekaniker", "fagbrev i industrimekanikerfaget"]
        {
            assert_eq!(trade(text), Some(official.clone()), "{text}");
        }
        assert_eq!(trade("fagbrev i logistikk").map(|t| t.0), trade("logistikkfaget").map(|t| t.0));
        assert_eq!(trade("fagbrev i salg").map(|t| t.0), trade("salgsfaget").map(|t| t.0), "a linking s");
        assert_eq!(trade("fagbrev som tømrar").map(|t| t.0), trade("tømrerfaget").map(|t| t.0), "nynorsk");
        assert_eq!(trade("fagbrev som helsefagarbeidar").map(|t| t.0), trade("helsefagarbeiderfaget").map(|t| t.0));
        // A drafted `barne- og ungdomsarbeiderfaget` loses its hyphen; it is still the one trade.
        let youth = trade("barne- og ungdomsarbeiderfaget").map(|t| t.0);
        assert!(youth.is_some());
        assert_eq!(trade("fagbrev i barne og ungdomsarbeiderfaget").map(|t| t.0), youth);
        assert_eq!(trade("fagbrev som barne- og ungdomsarbeider").map(|t| t.0), youth);
    }

    #[test]
    fn the_ladder_is_read_from_the_words() {
        assert_eq!(trade("mesterbrev som baker").map(|t| t.1), Some(Rung::Master));
        assert_eq!(trade("tømrerlærling").map(|t| t.1), Some(Rung::Apprentice));
        assert_eq!(trade("lærling i bilfaget").map(|t| t.1), Some(Rung::Apprentice));
        assert_eq!(trade("tømrerlærling").map(|t| t.0), trade("tømrerfaget").map(|t| t.0));
        assert_eq!(trade("fagbrev").map(|t| t.1), None, "no trade named");
        assert_eq!(trade("erfaring som baker"), None, "no qualification named");
    }

    #[test]
    fn renamed_trades_are_one_trade() {
        let today = trade("bilfaget, lette kjøretøy").expect("a trade");
        assert_eq!(trade("fagbrev som bilmekaniker"), Some(today.clone()));
        assert_eq!(trade("bilmekanikerfaget"), Some(today));
        assert_ne!(trade("bilfaget, tunge kjøretøy").map(|t| t.0), trade("bilfaget, lette kjøretøy").map(|t| t.0));
        // A trade named by what its holder is called, not by the trade's own word: a
        // `prosessoperatør` holds the fagbrev in `prosessfaget`, an `automatiker` in
        // `automatiseringsfaget`; the chemical process trade stays a trade of its own.
        let process = trade("prosessfaget").map(|t| t.0);
        assert_eq!(trade("fagbrev som prosessoperatør").map(|t| t.0), process);
        assert_eq!(trade("fagbrev som kjemiprosessoperatør").map(|t| t.0), trade("kjemiprosessfaget").map(|t| t.0));
        assert_ne!(trade("kjemiprosessfaget").map(|t| t.0), process);
        assert_eq!(trade("fagbrev som automatiker").map(|t| t.0), trade("automatiseringsfaget").map(|t| t.0));
    }

    #[test]
    fn a_trade_listed_under_one_name_is_known() {
        let taxonomy = Taxonomy::embedded().expect("taxonomy");
        // `gartnerfaget` and `gartner` key alike; it is known all the same, so `utdannet gartner`
        // reads as the trade.
        assert!(taxonomy.knows_trade("fagbrev som gartner"));
        assert!(taxonomy.knows_trade("gartnerfaget"));
        assert!(!taxonomy.knows_trade("fagbrev som astronaut"), "a trade the vocabulary does not list");
    }
}
