//! Driving-licence and truck classes in free text, and what a held class satisfies.

use std::collections::BTreeSet;

use super::vocabulary::{LicenceRules, TruckRules};
use crate::analysis::split_words;

impl LicenceRules {
    /// The classes a text such as `førerkort klasse B og C1` or `lappen` says someone holds or
    /// asks for; empty when the text is not about a driving licence.
    pub fn classes_in(&self, text: &str) -> BTreeSet<String> {
        let words: Vec<String> = split_words(text).collect();
        let mentions_licence = words.iter().any(|word| self.words.iter().any(|w| w == word));
        let mut classes: BTreeSet<String> = BTreeSet::new();
        if mentions_licence {
            classes.extend(words.iter().filter_map(|word| self.class_named(word)));
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

    fn class_named(&self, word: &str) -> Option<String> {
        self.classes.iter().find(|class| class.eq_ignore_ascii_case(word)).cloned()
    }
}

impl TruckRules {
    /// `Some(classes)` when the text is about a truck licence (classes may be empty: any class).
    pub fn classes_in(&self, text: &str) -> Option<BTreeSet<String>> {
        let words: Vec<String> = split_words(text).collect();
        if !words.iter().any(|word| self.words.iter().any(|w| w == word)) {
            return None;
        }
        Some(
            words
                .iter()
                .filter_map(|word| self.classes.iter().find(|class| class.eq_ignore_ascii_case(word)).cloned())
                .collect(),
        )
    }
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
}
