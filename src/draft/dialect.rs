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
    ("di", "din"),
    ("bøy", "bøye"),
    ("dæm", "de"),
    ("dom", "de"),
    ("je", "jeg"),
    ("itte", "ikke"),
    ("kjæm", "kommer"),
    ("kjeme", "kommer"),
    ("ætte", "etter"),
    ("rætt", "rett"),
    ("te", "til"),
    ("ongan", "ungene"),
    ("unga", "ungene"),
    ("daga", "dager"),
    ("kravå", "kravene"),
    ("dokker", "dere"),
    ("dokkar", "dere"),
    ("någe", "noe"),
    ("nåkke", "noe"),
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
    ("prat", "prate"),
    // Infinitives in `-a` (stavangersk, nynorsk): `du ska skriva rapportar`, `kunna roa ned folk`.
    ("kunna", "kunne"),
    ("skriva", "skrive"),
    ("lesa", "lese"),
    ("roa", "roe"),
    ("jobba", "jobbe"),
    ("bera", "bære"),
    ("læra", "lære"),
    ("vera", "være"),
];

/// Words after which only an infinitive can follow.
const BEFORE_INFINITIVE: &[&str] =
    &["må", "kan", "skal", "ska", "vil", "bør", "får", "å", "klarer", "klare", "kunne", "kunna", "måtte", "tør"];

/// Singular nouns that end in `-an` in bokmål, which [`definite_plural`] leaves alone.
const SINGULAR_IN_AN: &[&str] =
    &["pelikan", "tulipan", "marsipan", "talisman", "orangutan", "vulkan", "sultan", "turban", "kaftan", "ottoman"];

/// `passasjeran`, `foreldran`, `lørdagan`: the definite plural in `-an` (trøndersk, nordnorsk)
/// read as bokmål's `-ene`.
pub fn definite_plural(word: &str) -> Option<String> {
    let base = word.strip_suffix("an")?;
    (base.chars().count() >= 5 && !SINGULAR_IN_AN.contains(&word)).then(|| format!("{base}ene"))
}

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
    fn a_definite_plural_in_an_reads_as_ene() {
        assert_eq!(definite_plural("passasjeran").as_deref(), Some("passasjerene"));
        assert_eq!(definite_plural("lørdagan").as_deref(), Some("lørdagene"));
        assert_eq!(definite_plural("tulipan"), None, "a singular in -an stays");
        assert_eq!(definite_plural("plan"), None, "short words stay");
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
