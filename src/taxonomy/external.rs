//! Optional real data, read at run time from a directory the user gives (never copied into the
//! repository), that makes the embedded vocabulary better:
//!
//! - `styrk/nav_yrkesbetegnelser_styrk08.csv` — NAV's occupation titles with their STYRK-08 code.
//!   Titles sharing a code become synonyms: they are added to our concept with that code, or form
//!   a new occupation concept.
//! - `styrk/nav_styrk08_category_mapping.csv` — NAV's two-level occupation categories, which
//!   become broader terms of the codes (so `bygg og anlegg` finds every code under it).
//! - `lexicon/ordbank_nob_lemmas_20220201.txt` — Norsk Ordbank's bokmål lemmas, for stemming and
//!   compound splitting.
//! - `lexicon/NOB-V_Leddanalyse_Vanlig.txt.xz` (or the `.txt`) — Norsk Ordbank's compound analysis
//!   (`barne*hage`), used instead of guessing where it has an answer.
//!
//! Attribution: STYRK-08 titles: NAV/SSB (NLOD, MIT); Norsk Ordbank, Språkbanken, CC BY 4.0.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use super::{Concept, ConceptKind, TaxonomyError, Vocabulary};
use crate::analysis::Lexicon;

const TITLES: &str = "styrk/nav_yrkesbetegnelser_styrk08.csv";
const CATEGORIES: &str = "styrk/nav_styrk08_category_mapping.csv";
const LEMMAS: &str = "lexicon/ordbank_nob_lemmas_20220201.txt";
const COMPOUNDS: &str = "lexicon/NOB-V_Leddanalyse_Vanlig.txt";

/// What was read from the data directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    pub titles: usize,
    pub codes: usize,
    pub categories: usize,
    pub lemmas: usize,
    pub compounds: usize,
    /// Files the directory did not have.
    pub missing: Vec<String>,
}

/// Adds what `dir` offers to `vocabulary` and returns the lexicon to analyse with.
pub fn load(dir: &Path, vocabulary: &mut Vocabulary) -> Result<(Lexicon, Loaded), TaxonomyError> {
    if !dir.is_dir() {
        return Err(TaxonomyError::Io {
            path: dir.display().to_string(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory"),
        });
    }
    let mut loaded = Loaded::default();
    let present = |name: &str| {
        let path = dir.join(name);
        path.exists().then_some(path)
    };
    let categories = match present(CATEGORIES) {
        Some(path) => read_categories(&path)?,
        None => {
            loaded.missing.push(CATEGORIES.into());
            HashMap::new()
        }
    };
    match present(TITLES) {
        Some(path) => add_titles(&path, &categories, vocabulary, &mut loaded)?,
        None => loaded.missing.push(TITLES.into()),
    }
    let mut lexicon = Lexicon::from_words(std::iter::empty(), Lexicon::DEFAULT_STOPWORDS);
    match present(LEMMAS) {
        Some(path) => {
            let text = read_text(&path)?;
            lexicon.add_words(text.lines());
            loaded.lemmas = text.lines().count();
        }
        None => loaded.missing.push(LEMMAS.into()),
    }
    let compounds = present(&format!("{COMPOUNDS}.xz")).or_else(|| present(COMPOUNDS));
    match compounds {
        Some(path) => loaded.compounds = add_compounds(&path, &mut lexicon)?,
        None => loaded.missing.push(format!("{COMPOUNDS}(.xz)")),
    }
    if loaded.titles == 0 && loaded.lemmas == 0 && loaded.compounds == 0 {
        return Err(TaxonomyError::Invalid(format!(
            "{} holds none of the known data files ({TITLES}, {LEMMAS}, {COMPOUNDS}.xz)",
            dir.display()
        )));
    }
    Ok((lexicon, loaded))
}

/// STYRK code → (category level 1, category level 2).
fn read_categories(path: &Path) -> Result<HashMap<String, (String, String)>, TaxonomyError> {
    let mut categories = HashMap::new();
    for record in csv_records(path, &read_text(path)?, b';') {
        let (line, record) = record?;
        let fields: Vec<&str> = record.iter().map(str::trim).collect();
        let [code, _, first, second] = fields[..] else {
            return Err(data_error(path, line, "expected 4 ';'-separated fields"));
        };
        if code != "0000" && !first.is_empty() && !second.is_empty() {
            categories.insert(code.to_string(), (first.to_string(), second.to_string()));
        }
    }
    Ok(categories)
}

/// Adds occupation titles, grouped by code, and the categories above them.
fn add_titles(
    path: &Path,
    categories: &HashMap<String, (String, String)>,
    vocabulary: &mut Vocabulary,
    loaded: &mut Loaded,
) -> Result<(), TaxonomyError> {
    let mut by_code: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    let mut codes_of: HashMap<String, std::collections::BTreeSet<String>> = HashMap::new();
    for record in csv_records(path, &read_text(path)?, b',') {
        let (line, record) = record?;
        let fields: Vec<String> = record.iter().map(str::to_string).collect();
        let [code, group, title, ..] = &fields[..] else {
            return Err(data_error(path, line, "expected at least 3 ','-separated fields"));
        };
        if code == "0000" || title.starts_with("Lærling") {
            continue;
        }
        let Some(title) = clean_title(title) else { continue };
        codes_of.entry(title.clone()).or_default().insert(code.clone());
        let entry = by_code.entry(code.clone()).or_insert_with(|| (group.to_lowercase(), Vec::new()));
        if !entry.1.contains(&title) {
            entry.1.push(title);
        }
    }
    // A bare title found under several codes (`hjelpearbeider`, `kasserer`, `assistent` once the
    // qualifier in parentheses is gone) says too little to be anyone's synonym.
    for (_, titles) in by_code.values_mut() {
        titles.retain(|title| codes_of.get(title).is_some_and(|codes| codes.len() == 1));
        loaded.titles += titles.len();
    }
    by_code.retain(|_, (_, titles)| !titles.is_empty());
    let mut category_ids: BTreeMap<String, String> = BTreeMap::new();
    let mut category_concept = |vocabulary: &mut Vocabulary, label: &str, broader: Option<String>| -> String {
        let id = format!("styrk-kategori-{}", slug(label));
        if !category_ids.contains_key(&id) {
            vocabulary.concepts.push(Concept {
                id: id.clone(),
                kind: ConceptKind::Occupation,
                labels: vec![label.to_lowercase()],
                broader: broader.into_iter().collect(),
                styrk: None,
                needs: Vec::new(),
            });
            category_ids.insert(id.clone(), label.to_string());
        }
        id
    };
    for (code, (group, titles)) in by_code {
        let broader = categories.get(&code).map(|(first, second)| {
            let top = category_concept(vocabulary, first, None);
            category_concept(vocabulary, second, Some(top))
        });
        let known = vocabulary.concepts.iter_mut().filter(|c| c.styrk.as_deref() == Some(code.as_str()));
        let mut found = false;
        for concept in known {
            found = true;
            for title in &titles {
                if !concept.labels.contains(title) {
                    concept.labels.push(title.clone());
                }
            }
            if let Some(broader) = &broader {
                if !concept.broader.contains(broader) {
                    concept.broader.push(broader.clone());
                }
            }
        }
        if !found {
            let mut labels = titles;
            labels.push(group);
            vocabulary.concepts.push(Concept {
                id: format!("styrk-{code}"),
                kind: ConceptKind::Occupation,
                labels,
                broader: broader.into_iter().collect(),
                styrk: Some(code),
                needs: Vec::new(),
            });
        }
        loaded.codes += 1;
    }
    loaded.categories = category_ids.len();
    Ok(())
}

/// `Kasserer (bank)` → `kasserer`; qualifiers in parentheses and very short titles are dropped.
fn clean_title(title: &str) -> Option<String> {
    let bare = title.split('(').next().unwrap_or_default().trim().trim_end_matches(['/', '-']).trim();
    (bare.chars().count() >= 4).then(|| bare.to_lowercase())
}

/// Reads recorded compound splits; returns how many.
fn add_compounds(path: &Path, lexicon: &mut Lexicon) -> Result<usize, TaxonomyError> {
    let text = read_text(path)?;
    let mut count = 0;
    for (number, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 12 {
            if line.trim().is_empty() {
                continue;
            }
            return Err(data_error(path, number + 1, "expected at least 12 tab-separated fields"));
        }
        let (head, head_form, first, status, word) = (fields[2], fields[3], fields[4], fields[9], fields[11]);
        if status != "ok" || word.contains('-') || first.contains('-') || head.is_empty() || first.is_empty() {
            continue;
        }
        lexicon.add_split(word, vec![first.to_lowercase(), head.to_lowercase()]);
        // A few compounds are listed in an inflected form (`godvenner`, Noun+M+Pl+Indef): taken as
        // lemmas, they would stop `venner` from stemming to `venn`.
        let inflected = head_form.split('+').any(|tag| tag == "Pl" || tag == "Def");
        if !inflected {
            lexicon.add_words([word, first, head].into_iter());
        }
        count += 1;
    }
    Ok(count)
}

/// The file as text, decompressing `.xz`.
fn read_text(path: &Path) -> Result<String, TaxonomyError> {
    let io = |source| TaxonomyError::Io { path: path.display().to_string(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut text = String::new();
    if path.extension().is_some_and(|ext| ext == "xz") {
        let mut bytes = Vec::new();
        lzma_rs::xz_decompress(&mut BufReader::new(file), &mut bytes)
            .map_err(|error| io(std::io::Error::other(error.to_string())))?;
        text = String::from_utf8(bytes).map_err(|error| io(std::io::Error::other(error.to_string())))?;
    } else {
        BufReader::new(file).read_to_string(&mut text).map_err(io)?;
    }
    Ok(text.trim_start_matches('\u{feff}').to_string())
}

/// The records of a CSV text after its header line, each with the line it starts on. Quoted
/// fields may hold the delimiter, doubled quotes and line breaks (NAV's files have all three).
fn csv_records<'t>(
    path: &'t Path,
    text: &'t str,
    delimiter: u8,
) -> impl Iterator<Item = Result<(usize, csv::StringRecord), TaxonomyError>> + 't {
    let reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    reader.into_records().map(move |record| {
        let record = record.map_err(|error| {
            let line = error.position().map_or(0, |position| position.line() as usize);
            data_error(path, line, &error.to_string())
        })?;
        let line = record.position().map_or(0, |position| position.line() as usize);
        Ok((line, record))
    })
}

fn slug(text: &str) -> String {
    crate::analysis::split_words(text).collect::<Vec<_>>().join("-")
}

fn data_error(path: &Path, line: usize, detail: &str) -> TaxonomyError {
    TaxonomyError::Data { path: path.display().to_string(), line, detail: detail.to_string() }
}

/// The data directory beside this repository, where the development machine keeps it; tests
/// and the evaluation use it when present.
pub fn shared_data_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    dir.is_dir().then_some(dir)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::Taxonomy;

    #[test]
    fn csv_fields_with_quotes_and_line_breaks() {
        let text = "styrk08,styrk08_navn,yrkesbetegnelse\n4211,\"Kundebehandlere, bank\nog postkontor\",Kasserer (bank)\n4212,Bingoverter,\"Verter \"\"bingo\"\"\"\n";
        let records: Vec<(usize, csv::StringRecord)> =
            csv_records(Path::new("test.csv"), text, b',').collect::<Result<_, _>>().expect("records");
        assert_eq!(records.len(), 2, "a quoted line break does not end a record");
        assert_eq!(&records[0].1[1], "Kundebehandlere, bank\nog postkontor");
        assert_eq!((records[1].0, &records[1].1[2]), (4, "Verter \"bingo\""), "the line a record starts on");
        assert_eq!(clean_title("Kasserer (bank)").as_deref(), Some("kasserer"));
        assert_eq!(clean_title("Bud"), None);
    }

    #[test]
    fn real_data_makes_the_vocabulary_better() {
        let Some(dir) = shared_data_dir() else {
            eprintln!("skipped: ../shared/data is not here");
            return;
        };
        let mut vocabulary = Vocabulary::embedded().expect("embedded");
        let (lexicon, loaded) = load(&dir, &mut vocabulary).expect("the shared data loads");
        assert!(
            loaded.titles > 2500 && loaded.codes > 300 && loaded.lemmas > 100_000 && loaded.compounds > 100_000,
            "{loaded:?}"
        );
        assert!(loaded.missing.is_empty());
        let taxonomy = Taxonomy::build(vocabulary, lexicon).expect("compiles");
        // Titles sharing a code are synonyms: a «Depotarbeider» is a lagermedarbeider (4321).
        let found = taxonomy.find("depotarbeider", &[ConceptKind::Occupation]);
        assert!(found.iter().any(|&id| taxonomy.concept(id).id == "lagermedarbeider"), "{found:?}");
        let found = taxonomy.find("fugearbeider", &[ConceptKind::Occupation]);
        assert!(found.iter().any(|&id| taxonomy.concept(id).id == "murer"));
        // Ordbank splits a compound the embedded vocabulary cannot.
        let parts = taxonomy.analyzer().word("anleggsmaskinreparatør").parts.clone();
        assert!(parts.contains(&"anlegg".to_string()), "{parts:?}");
        let parts = taxonomy.analyzer().word("gaffeltruck").parts.clone();
        assert!(parts.contains(&"truck".to_string()), "{parts:?}");
        // Compounds listed inflected (`godvenner`) do not make their inflected head a lemma.
        assert_eq!(taxonomy.analyzer().stem("venner"), "venn");
        assert_eq!(taxonomy.analyzer().stem("vennene"), "venn");
    }
}
