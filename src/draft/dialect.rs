//! Dialect as employers write it (trøndersk and nordnorsk above all, often typed as said or
//! through speech-to-text): `Æ treng nån som kan jobbe kvelda`, `du må tål høyden`, `det e et
//! absolutt krav`, `du treng itj førerkort`. Each word is read as the bokmål word it stands for,
//! so the rest of the drafter — negation above all — sees what the employer meant.

/// Dialect words whose meaning is the same wherever they stand.
const WORDS: &[(&str, &str)] = &[
    ("æ", "jeg"),
    ("e", "er"),
    ("mæ", "meg"),
    ("dæ", "deg"),
    ("nån", "noen"),
    ("nånn", "noen"),
    ("nåkka", "noe"),
    ("nokka", "noe"),
    ("itj", "ikke"),
    ("ittj", "ikke"),
    ("ikkj", "ikke"),
    ("ente", "ikke"),
    ("ska", "skal"),
    ("ka", "hva"),
    ("førr", "for"),
    ("kvelda", "kvelder"),
    ("kveldan", "kveldene"),
    ("helgan", "helgene"),
    ("morran", "morgenen"),
    ("tidli", "tidlig"),
    ("helga", "helger"),
];

/// Infinitives that lose their last vowel in speech (apocope: `må tål`, `klar å bær`), read
/// as infinitives only after a modal verb or `å`, where no noun can stand (`all slags vær` is
/// the weather, `må vær` is `må være`).
const APOCOPE: &[(&str, &str)] = &[
    ("tål", "tåle"),
    ("bær", "bære"),
    ("vær", "være"),
    ("klar", "klare"),
    ("løft", "løfte"),
    ("kjør", "kjøre"),
    ("snakk", "snakke"),
    ("jobb", "jobbe"),
    ("lær", "lære"),
    ("hjelp", "hjelpe"),
    ("begynn", "begynne"),
    ("stell", "stelle"),
    ("lag", "lage"),
    ("rydd", "rydde"),
    ("vask", "vaske"),
    ("pass", "passe"),
    ("bruk", "bruke"),
    ("skriv", "skrive"),
    ("les", "lese"),
    ("kom", "komme"),
    ("mål", "måle"),
];

/// Words after which only an infinitive can follow.
const BEFORE_INFINITIVE: &[&str] =
    &["må", "kan", "skal", "ska", "vil", "bør", "får", "å", "klarer", "klare", "kunne", "måtte", "tør"];

/// The bokmål word `word` stands for after `previous`, if it is dialect.
pub fn standard(word: &str, previous: Option<&str>) -> Option<&'static str> {
    if let Some((_, standard)) = WORDS.iter().find(|(dialect, _)| *dialect == word) {
        return Some(standard);
    }
    let after_modal = previous.is_some_and(|p| BEFORE_INFINITIVE.contains(&p) || standard(p, None) == Some("skal"));
    APOCOPE.iter().find(|(short, _)| after_modal && *short == word).map(|(_, full)| *full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialect_words_read_as_bokmal() {
        assert_eq!(standard("æ", None), Some("jeg"));
        assert_eq!(standard("itj", Some("treng")), Some("ikke"));
        assert_eq!(standard("kvelda", Some("jobbe")), Some("kvelder"));
        assert_eq!(standard("kveld", None), None, "bokmål is left alone");
    }

    #[test]
    fn a_shortened_infinitive_is_read_only_where_an_infinitive_stands() {
        assert_eq!(standard("tål", Some("må")), Some("tåle"));
        assert_eq!(standard("bær", Some("å")), Some("bære"));
        assert_eq!(standard("vær", Some("ska")), Some("være"));
        assert_eq!(standard("vær", Some("slags")), None, "all slags vær is the weather");
        assert_eq!(standard("bær", Some("plukke")), None, "berries stay berries");
    }
}
