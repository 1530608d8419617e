//! An answer typed without æ, ø and å: on a phone or a foreign keyboard people write `maa`,
//! `noeyaktig`, `opplaering`. Read as they stand, those words are strangers and whole
//! requirements fall through. This module puts the letters back where the answer has none of
//! them, so the rest of the drafter reads ordinary Norwegian.

/// Words whose `oe` or `ae` is not a stand-in for ø or æ.
const KEEP: &[&str] = &[
    "noe",
    "noen",
    "poeng",
    "poenget",
    "poet",
    "poesi",
    "koeffisient",
    "toer",
    "treer",
    "israel",
    "michael",
    "aerobic",
];

/// Everyday Norwegian words, any one of which shows an answer is Norwegian (an answer in English
/// has no æ, ø or å either, and its `does` and `goes` are no `døs`).
const NORWEGIAN: &[&str] = &[
    "og", "ikke", "ikkje", "ingen", "det", "en", "et", "du", "vi", "me", "som", "med", "er", "eller", "kan", "har",
    "til", "mye", "maa", "paa", "aa",
];

/// `answer` with `aa`, `oe` and `ae` read as å, ø and æ, when it is Norwegian and has none of
/// those letters itself (an answer that has them meant what it wrote).
pub fn with_letters(answer: &str) -> String {
    let has_letters = answer.chars().any(|c| matches!(c, 'æ' | 'ø' | 'å' | 'Æ' | 'Ø' | 'Å'));
    let lower = answer.to_lowercase();
    let norwegian = lower.split(|c: char| !c.is_alphanumeric()).any(|w| NORWEGIAN.contains(&w));
    if has_letters || !norwegian {
        return answer.to_string();
    }
    let mut out = String::with_capacity(answer.len());
    let mut word = String::new();
    for c in answer.chars() {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        out.push_str(&restored(&word));
        word.clear();
        out.push(c);
    }
    out.push_str(&restored(&word));
    out
}

/// One word with its letters back: only lowercase words (`AAS`, `Aasen` are names or codes).
fn restored(word: &str) -> String {
    let plain = !word.is_empty() && word.chars().all(|c| c.is_lowercase());
    if !plain || KEEP.contains(&word) {
        return word.to_string();
    }
    word.replace("aa", "å").replace("oe", "ø").replace("ae", "æ")
}

#[cfg(test)]
mod tests {
    use super::with_letters;

    #[test]
    fn letters_typed_as_two_are_read_as_one() {
        assert_eq!(
            with_letters("maa kunne loefte, noeyaktig. opplaering gis"),
            "må kunne løfte, nøyaktig. opplæring gis"
        );
        assert_eq!(with_letters("truckfoererbevis (T1/T4) og nivaa A2"), "truckførerbevis (T1/T4) og nivå A2");
        assert_eq!(with_letters("ikke noe tungt, noen ganger"), "ikke noe tungt, noen ganger", "noe is a word");
    }

    #[test]
    fn an_answer_with_the_letters_or_a_name_is_left_as_written() {
        assert_eq!(with_letters("Må ha førerkort, ellers maa vi se"), "Må ha førerkort, ellers maa vi se");
        assert_eq!(with_letters("Kontakt Aasen og få 5 poeng"), "Kontakt Aasen og få 5 poeng");
        assert_eq!(with_letters("Kontakt Aasen, 5 poeng og mer"), "Kontakt Aasen, 5 poeng og mer");
        assert_eq!(with_letters("Whoever does it goes home"), "Whoever does it goes home", "English stays English");
    }
}
