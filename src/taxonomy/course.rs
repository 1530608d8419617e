//! Courses and certificates as people name them: `hygienekurs`, `hygienebevis` and `kurs i
//! mattrygghet` differ by the word for the paper, not by what was learnt. A certificate's
//! *subject* — what is left when the course word is taken off — is what two names share.

use super::Taxonomy;
use crate::analysis::split_words;

/// Words for the paper a course gives, longest first; alone or ending a compound.
const COURSE_HEADS: &[&str] = &[
    "godkjenningen",
    "godkjenning",
    "opplæringen",
    "opplæring",
    "sertifikatet",
    "sertifikat",
    "beviset",
    "bevis",
    "prøven",
    "prøve",
    // Nynorsk and feminine definite forms (`livredningsprøva`, `opplæringa`).
    "prøva",
    "opplæringa",
    "godkjenninga",
    "kurset",
    "kurs",
    "attesten",
    "attest",
];

/// The first part of a machine operator's certificate (`maskinførerbevis`), which names the
/// machine after it (`maskinførerbevis hjullaster`). Class codes (`M4`) are not read as machines.
const OPERATOR: &[&str] = &["maskinfører", "maskinførar"];

impl Taxonomy {
    /// The subjects of the courses and certificates `text` names, as stems: `hygienekurs`,
    /// `hygienebevis` → `hygien`; `kurs i mattrygghet`, `mattrygghetskurs` → `mattrygghet`.
    /// Empty when no course word is in the text.
    pub fn course_subjects(&self, text: &str) -> Vec<String> {
        let words: Vec<String> = split_words(text).filter(|w| !self.analyzer.lexicon().is_stopword(w)).collect();
        let is_head = |word: &str| COURSE_HEADS.contains(&word);
        let mut subjects = Vec::new();
        let mut operator = false;
        for word in &words {
            let first = COURSE_HEADS.iter().find_map(|head| word.strip_suffix(head).filter(|first| !first.is_empty()));
            if let Some(first) = first {
                let first = first.trim_end_matches('-');
                let first = first.strip_suffix('s').filter(|f| f.chars().count() >= 3).unwrap_or(first);
                operator |= OPERATOR.contains(&first);
                if first.chars().count() >= 3 {
                    subjects.push(self.analyzer.stem(first));
                }
            }
        }
        // `maskinførerbevis hjullaster` is a `hjullasterbevis`.
        if operator {
            for word in words.iter().filter(|w| !is_head(w) && !COURSE_HEADS.iter().any(|h| w.ends_with(h))) {
                if word.chars().count() >= 4 && word.chars().all(char::is_alphabetic) {
                    subjects.push(self.analyzer.stem(word));
                }
            }
        }
        // `kurs i X`: the course word stands alone, and the other words are its subject.
        if subjects.is_empty() && words.iter().any(|word| is_head(word)) {
            let rest: Vec<String> = words.iter().filter(|w| !is_head(w)).map(|w| self.analyzer.stem(w)).collect();
            if !rest.is_empty() {
                subjects.push(rest.join("-"));
            }
        }
        subjects
    }
}

#[cfg(test)]
mod tests {
    use crate::taxonomy::Taxonomy;

    #[test]
    fn names_that_differ_by_the_course_word_share_a_subject() {
        let taxonomy = Taxonomy::embedded().expect("taxonomy");
        let subject = |text: &str| taxonomy.course_subjects(text);
        assert_eq!(subject("hygienekurs"), subject("hygienebevis"));
        assert_eq!(subject("kurs i mattrygghet"), subject("mattrygghetskurs"));
        assert_eq!(subject("truckførerbevis"), subject("truckførerkurs"));
        assert_eq!(subject("sveisesertifikat"), subject("sveiseprøve"));
        assert_eq!(subject("livredningsprøva"), subject("livredningsprøve"));
        assert!(!subject("hygienekurs").is_empty());
        let wheel_loader = &subject("hjullasterbevis")[0];
        assert!(subject("maskinførerbevis hjullaster").contains(wheel_loader));
        assert!(!subject("maskinførerbevis gravemaskin").contains(wheel_loader));
        assert!(subject("førerkort B").is_empty() && subject("kundeservice").is_empty());
    }
}
