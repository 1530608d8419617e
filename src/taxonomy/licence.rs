//! Driving-licence and truck classes in free text, and what a held class satisfies.

use std::collections::BTreeSet;

use super::vocabulary::{LicenceRules, TruckRules};
use crate::analysis::split_words;

impl LicenceRules {
    /// The classes a text such as `førerkort klasse B og C1`, `lappen`, `buss-lappen` or
    /// `sertifikat for lastebil` says someone holds or asks for; empty when the text is not
    /// about a driving licence.
    pub fn classes_in(&self, text: &str) -> BTreeSet<String> {
        let words: Vec<String> = split_words(text).collect();
        let licence_word = |word: &str| self.words.iter().chain(&self.default_words).any(|w| w == word);
        // A licence word may end a compound whose first part names the class (`bussertifikat`).
        let compound_class = |word: &str| {
            self.words.iter().chain(&self.default_words).find_map(|suffix| {
                let first = word.strip_suffix(suffix.as_str())?.trim_end_matches('-');
                // With or without a linking s, which may be the class word's own (`buss|sertifikat`).
                let unlinked = first.strip_suffix('s').unwrap_or(first);
                [first.to_string(), unlinked.to_string(), format!("{first}s")]
                    .iter()
                    .find_map(|candidate| self.class_words.get(candidate).cloned())
            })
        };
        let mentions_licence = words.iter().any(|word| licence_word(word) || compound_class(word).is_some());
        let mut classes: BTreeSet<String> = BTreeSet::new();
        if mentions_licence {
            classes.extend(words.iter().filter_map(|word| self.class_named(word)));
            let mut i = 0;
            while i < words.len() {
                // Two words first (`lett lastebil`), then one.
                let pair = words.get(i + 1).and_then(|next| self.class_words.get(&format!("{} {next}", words[i])));
                if let Some(class) = pair {
                    classes.insert(class.clone());
                    i += 2;
                    continue;
                }
                classes.extend(self.class_words.get(&words[i]).cloned().or_else(|| compound_class(&words[i])));
                i += 1;
            }
        }
        if classes.is_empty() && words.iter().any(|word| self.default_words.iter().any(|w| w == word)) {
            classes.insert(self.default_class.clone());
        }
        classes
    }

    /// Every required class that holding `held` satisfies: the held classes themselves plus each
    /// class they widen upwards into.
    pub fn satisfied(&self, held: &BTreeSet<String>) -> BTreeSet<String> {
        let mut satisfied = held.clone();
        for (required, by) in &self.satisfied_by {
            if by.iter().any(|class| held.contains(class)) {
                satisfied.insert(required.clone());
            }
        }
        satisfied
    }

    /// The class a vehicle needs, named as a word (`lastebil`) or at the end of a compound
    /// (`hestehenger`, `skolebuss`: the vehicle word long enough to say so alone).
    pub fn vehicle_class(&self, word: &str) -> Option<&String> {
        self.class_words.get(word).or_else(|| {
            self.class_words
                .iter()
                .filter(|(vehicle, _)| {
                    vehicle.chars().count() >= 4 && word.len() > vehicle.len() && word.ends_with(vehicle.as_str())
                })
                // The longest vehicle word; between two as long, the first by name, so the
                // class never depends on the map's order.
                .max_by(|(a, _), (b, _)| a.len().cmp(&b.len()).then_with(|| b.cmp(a)))
                .map(|(_, class)| class)
        })
    }

    /// The class `word` is (`b`, `CE`), if it is one.
    pub fn class_named(&self, word: &str) -> Option<String> {
        self.classes.iter().find(|class| class.eq_ignore_ascii_case(word)).cloned()
    }
}

impl TruckRules {
    /// `Some(classes)` when the text is about a truck licence (classes may be empty: any class).
    /// A range stands for every class inside it: `T1–T4` is T1, T2, T3 and T4.
    pub fn classes_in(&self, text: &str) -> Option<BTreeSet<String>> {
        let words: Vec<String> = split_words(text).collect();
        if !words.iter().any(|word| self.words.iter().any(|w| w == word)) {
            return None;
        }
        let mut classes: BTreeSet<String> = words
            .iter()
            .filter_map(|word| self.classes.iter().find(|class| class.eq_ignore_ascii_case(word)).cloned())
            .collect();
        for (from, to) in ranges(text) {
            classes.extend((from..=to).map(|n| format!("T{n}")).filter(|class| self.classes.contains(class)));
        }
        Some(classes)
    }
}

/// The truck-class ranges in `text`: `T1–T4`, `T1-T4`, `T1 til T4`, `T1–4`.
fn ranges(text: &str) -> Vec<(u32, u32)> {
    let lower = text.to_lowercase().replace(['–', '—'], "-");
    let chars: Vec<char> = lower.chars().collect();
    let digit_after_t = |i: usize| {
        (chars.get(i) == Some(&'t') && (i == 0 || !chars[i - 1].is_alphanumeric()))
            .then(|| chars.get(i + 1).and_then(|c| c.to_digit(10)))
            .flatten()
    };
    let mut found = Vec::new();
    for start in 0..chars.len() {
        let Some(from) = digit_after_t(start) else { continue };
        let mut i = start + 2;
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
        let rest: String = chars[i.min(chars.len())..].iter().take(4).collect();
        let skip = if rest.starts_with('-') {
            1
        } else if rest.starts_with("til ") {
            4
        } else {
            continue;
        };
        i += skip;
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
        if chars.get(i) == Some(&'t') {
            i += 1;
        }
        if let Some(to) = chars.get(i).and_then(|c| c.to_digit(10)).filter(|&to| to > from) {
            found.push((from, to));
        }
    }
    found
}

/// A class code as certificates name them: a letter and one or two digits (`g4` of
/// `kranførerbevis G4`, `t2`). Lowercase, as the analyser and the drafter see words.
pub fn is_class_code(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && (2..=3).contains(&word.len())
        && chars.all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use crate::taxonomy::Vocabulary;

    fn set(classes: &[&str]) -> std::collections::BTreeSet<String> {
        classes.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn licence_text_is_read_as_classes() {
        let rules = Vocabulary::embedded().expect("embedded vocabulary").licences;
        assert_eq!(rules.classes_in("Førerkort klasse B"), set(&["B"]));
        assert_eq!(rules.classes_in("sertifikat B og C1E"), set(&["B", "C1E"]));
        assert_eq!(rules.classes_in("lappen"), set(&["B"]));
        assert!(rules.classes_in("truckførerbevis T1").is_empty());
        assert!(rules.classes_in("B-menneske").is_empty(), "a B without a licence word is no licence");
    }

    #[test]
    fn everyday_names_of_classes_are_read() {
        let rules = Vocabulary::embedded().expect("embedded vocabulary").licences;
        assert_eq!(rules.classes_in("buss-lappen"), set(&["D"]));
        assert_eq!(rules.classes_in("bussertifikat"), set(&["D"]));
        assert_eq!(rules.classes_in("lastebillappen (C)"), set(&["C"]));
        assert_eq!(rules.classes_in("sertifikat for lastebil"), set(&["C"]));
        assert_eq!(rules.classes_in("førerkort for lett lastebil"), set(&["C1"]));
        assert_eq!(rules.classes_in("lappen"), set(&["B"]), "lappen alone is still B");
        assert!(rules.classes_in("erfaring med buss").is_empty(), "a bus without a licence word is no licence");
    }

    #[test]
    fn b_is_satisfied_by_heavier_classes_but_not_by_a() {
        let rules = Vocabulary::embedded().expect("embedded vocabulary").licences;
        for held in ["B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"] {
            assert!(rules.satisfied(&set(&[held])).contains("B"), "{held} should satisfy B");
        }
        for held in ["A", "A1", "A2", "AM146", "T"] {
            assert!(!rules.satisfied(&set(&[held])).contains("B"), "{held} must not satisfy B");
        }
        assert!(!rules.satisfied(&set(&["B"])).contains("C"), "B does not satisfy C");
        assert!(rules.satisfied(&set(&["CE"])).contains("C"), "CE satisfies C");
    }

    #[test]
    fn truck_classes_do_not_include_each_other() {
        let rules = Vocabulary::embedded().expect("embedded vocabulary").truck;
        assert_eq!(rules.classes_in("Truckførerbevis T1, T4"), Some(set(&["T1", "T4"])));
        assert_eq!(rules.classes_in("truckkort"), Some(set(&[])));
        assert_eq!(rules.classes_in("førerkort B"), None);
    }

    #[test]
    fn a_truck_range_is_every_class_inside_it() {
        let rules = Vocabulary::embedded().expect("embedded vocabulary").truck;
        let t1_t4 = Some(set(&["T1", "T2", "T3", "T4"]));
        for text in ["truckførerbevis T1–T4", "truckførerbevis T1-T4", "Truck T1 til T4", "truckførerbevis T1–4"]
        {
            assert_eq!(rules.classes_in(text), t1_t4, "{text}");
        }
        assert_eq!(rules.classes_in("truckførerbevis T1-T4, T8"), Some(set(&["T1", "T2", "T3", "T4", "T8"])));
    }
}
