//! The words that steer a draft: grammar that carries no criterion, must-markers and softeners,
//! and the cue words of the room to adapt (training, taking tasks out, language support, a later
//! start, shifts to spare).

/// Words that carry no criterion of their own: markers, verbs and nouns every answer uses.
pub const GRAMMAR: &[&str] = &[
    "must",
    // `Førerkort C1 – uten det går det ikke`, `helgevakter går på omgang`, `ett av dem`.
    "ett",
    // `med maske, men likevel`, `kan vi dessverre ikke`: adverbs of concession and regret ask
    // nothing.
    "likevel",
    // `folk som alltid møter presis`: how often, said of a quality.
    "alltid",
    // `Du må ofte løfte tungt`, `Innimellom står du på stige`: how often, said of a requirement.
    "ofte",
    "innimellom",
    "iblant",
    "stundom",
    "sommetider",
    "somme",
    "dessverre",
    "diverre",
    // `derfor spør vi nå alltid: …`, `vi har lært å spørre med en gang: …`: the employer asking
    // frames what it asks, and why and when it asks.
    "derfor",
    "difor",
    "nå",
    "spør",
    "spørre",
    "spurte",
    // `og det må du sjølvsagt tole`: of course, in nynorsk.
    "sjølvsagt",
    "sjølvsagd",
    // `Kjæm rætt på sak:` (getting to the point).
    "rett",
    "sak",
    // `så det kommer vi ikke unna`: coming, said of anything, asks nothing.
    "kommer",
    // `kjøreseddel, som du må ha fått før første tur`: having got it is having it.
    "fått",
    "kjem",
    // `i uka di`, `Nei vent – …` (a correction that follows says what it is).
    "din",
    "di",
    "ditt",
    "dine",
    "nei",
    "vent",
    "uten",
    "utan",
    "omgang",
    // `tunge løft er en del av jobben`, `vi har behov for …`, `vi er avhengige av …`.
    "del",
    // `Helg er en del av pakka`: the job as a whole, as corporate Norwegian says it.
    "pakka",
    "pakken",
    "behov",
    "avhengig",
    "avhengige",
    // How a form is filled in: `min. 2 års erfaring`, `maks 40 %`, `fagbrev el. annet`,
    // `Vakter: dag/kveld/helg`, `Opplæring gis`.
    "min",
    "maks",
    "el",
    "inkl",
    "inkludert",
    "vakter",
    "vaktene",
    "gis",
    "gjevast",
    // Speech (`ja og en rolig type`, `kjefting og sånn`, `det går greit`, `selvfølgelig`).
    "ja",
    "type",
    "altså",
    "sånn",
    "selvfølgelig",
    "selvsagt",
    "greit",
    // Who is asked, as an advisor's notes name them (`vedkommende må ha truckførerbevis`, `den
    // som blir ansatt må …`, `folk som …`), who made the requirement (`et krav fra kjeden`), and
    // how the employer put it (`egentlig`, `ellers går det ikke`, `det viktigste er`, `nødt til`,
    // `minstekravet`, `ikke noe å diskutere`, `ikke til å komme utenom`).
    "vedkommende",
    "vedkommande",
    "personen",
    "kandidaten",
    "søkeren",
    "ansatt",
    "tilsett",
    "folk",
    "henne",
    "ham",
    "dem",
    "kjeden",
    "kjeda",
    "egentlig",
    "eigentleg",
    "ellers",
    "elles",
    // `Politiattest ordner vi ved ansettelse`: what the employer arranges asks nothing.
    "ordner",
    "ordnar",
    "viktigste",
    "viktigaste",
    "viktigst",
    "viktigast",
    // `det er nesten viktigast av alt`.
    "alt",
    "nødt",
    "naudt",
    "minstekrav",
    // `i alle fall så godt at …`, `i hvert fall`: a hedge, not a fall.
    "fall",
    // `Kveld og helg er travlest, så …`: when the job is busiest says when it is.
    "travlest",
    "travlast",
    // Emphasis in corporate Norwegian (`et genuint service-mindset`, `genuint interessert`).
    "genuint",
    "genuin",
    "genuine",
    "minstekravet",
    "diskutere",
    "utenom",
    "komme",
    // `… teller også` in the wishes; `det eneste som teller er …` among the requirements is no
    // softener.
    "teller",
    "eneste",
    "einaste",
    // Frames of a demand (`tåle …`, `ikke redd for høyder`, `ikke ha problemer med …`, `man må
    // regne med …`, `kulde og regn` beside work outside), and how often or when (`to ganger i
    // uka`, `i perioder`).
    "tåler",
    "tåle",
    "toler",
    "tole",
    "redd",
    "problemer",
    "problem",
    "regne",
    "regner",
    "regn",
    "tilrettelegge",
    "ganger",
    "gonger",
    "perioder",
    "periodar",
    // Where the work is not (`ikke mulig å jobbe hjemmefra, man må møte på kontoret`).
    "hjemmefra",
    "heimanfrå",
    "hjemmekontor",
    "kontoret",
    "møte",
    // What is lifted (`løfte tunge esker`; see also [`LOADS`]).
    "tunge",
    // Frames around a requirement (`tilgjengelig for kveldsvakter`, `komfortabel med å jobbe
    // alene`, `i stand til å`, `stå oppreist store deler av dagen`, `egen bil`) and what a
    // demand is measured in (`løfte 20 kilo`, `ned mot 2 grader`), or worn for it (`hørselvern`).
    "tilgjengelig",
    "tilgjengeleg",
    "komfortabel",
    "stand",
    "oppreist",
    "store",
    "deler",
    "egen",
    "eigen",
    "kilo",
    "kg",
    "grader",
    "temperatur",
    "temperaturer",
    "hørselvern",
    "verneutstyr",
    "fysisk",
    "bruke",
    // `vere saman med bebuarane` (nynorsk `sammen`).
    "saman",
    // How often (`to kvelder i uka`).
    "uka",
    "uken",
    "veka",
    "veke",
    // A job ad's headings (`Kvalifikasjoner: …`, `Språk: norsk og engelsk`) and frames
    // (`det stilles krav om`) ask nothing themselves.
    "språk",
    "stilles",
    "stillast",
    "kvalifikasjoner",
    "kvalifikasjonar",
    "kvalifikasjon",
    // An announcement's frames: who applies (`søkjar må …`), how a wish is weighed (`det vil
    // bli lagt vekt på …`, `… tillegges vekt`, `… vil bli sterkt vektlagt`, `vert tillagt
    // vekt`), what the job entails (`arbeidet innebærer tidvis tunge løft`), and the rest
    // (`det er videre ønskelig`, `dersom du oppfyller øvrige krav`).
    "søkjar",
    "søkjaren",
    "søkere",
    "søkjarar",
    "vektlagt",
    "vektlegges",
    "vektlegge",
    "vektleggast",
    "vektlegg",
    "vekt",
    "tillegges",
    "tilleggast",
    "tillagt",
    "lagt",
    "legges",
    "leggast",
    "sterkt",
    "vert",
    "stilt",
    // `i stor grad utendørs`, `kl. 15–21`.
    "grad",
    "stor",
    "kl",
    // `bruk av åndedrettsvern over tid`.
    "bruk",
    "over",
    "innebærer",
    "inneber",
    "omfatter",
    "omfattar",
    "tidvis",
    "periodevis",
    "videre",
    "vidare",
    "øvrige",
    "oppfyller",
    // `erfaring med dyr, for eksempel fra gård eller kennel`: examples follow.
    "eksempel",
    "eksempelvis",
    // `… dag og kveld, så du må kunne jobbe begge`: refers back to what was named.
    "begge",
    "båe",
    // `kjenne til Visma`: knowing of a thing is having it, when the thing is named.
    "kjenne",
    "kjenner",
    "siste",
    "innendørs",
    "hva",
    "kva",
    "påregnes",
    "påreknast",
    // The premises (`kalde lokaler`): context, and no misspelt `lojal`.
    "lokaler",
    "lokalene",
    "lokalet",
    "lokale",
    "lokala",
    // Numbers in words are amounts of something else (`de siste to årene`).
    "to",
    "tre",
    "fire",
    "fem",
    "seks",
    "foregår",
    "foregå",
    "treng",
    "trengst",
    "byrje",
    "byrja",
    "byrjar",
    "snarast",
    "munnleg",
    "naudsynt",
    "naudsynleg",
    "underveis",
    "etterpå",
    "sene",
    "seine",
    "tidlige",
    "tidlege",
    "forutsetter",
    "forutsettes",
    "forutsetning",
    "føresetnad",
    "søkere",
    "søkjarar",
    "ser",
    "gyldig",
    "gyldige",
    "minimum",
    "minst",
    "krever",
    "kreves",
    "kreve",
    "krev",
    "krevst",
    "krevjast",
    "man",
    "unna",
    "unnå",
    "beherske",
    "behersker",
    "snakke",
    "snakker",
    "snakkar",
    "snakka",
    "prater",
    "pratar",
    "skrive",
    "skriver",
    "lese",
    "leser",
    "forstå",
    "forstår",
    "muntlig",
    "skriftlig",
    "muntleg",
    "skriftleg",
    "muntlige",
    "skriftlige",
    "munnleg",
    "munnlege",
    "skriftlege",
    "begynne",
    "begynner",
    "starte",
    "før",
    "tidligere",
    "tidlegare",
    "kjøre",
    "køyre",
    "kan",
    "nokon",
    "må",
    "kan",
    "krav",
    "kravet",
    "absolutt",
    "ufravikelig",
    "ufravikelige",
    "nødvendig",
    "påkrevd",
    "viktig",
    "viktigst",
    "helst",
    "gjerne",
    "ønsker",
    "ønskelig",
    "ønske",
    "fint",
    "fordel",
    "bonus",
    "pluss",
    "også",
    "først",
    "fremst",
    "deretter",
    "ha",
    "har",
    "være",
    "kunne",
    "jobbe",
    "arbeide",
    "snakke",
    "forstå",
    "skrive",
    "lese",
    "tåle",
    "tole",
    "bestått",
    "tatt",
    "imot",
    "annenhver",
    "annakvar",
    "trenger",
    "trengs",
    "søker",
    "vil",
    "vi",
    "du",
    "deg",
    "oss",
    "stillingen",
    "jobben",
    "kandidaten",
    "personen",
    "person",
    "minst",
    "inntil",
    "opp",
    "mye",
    "god",
    "godt",
    "nok",
    "nivå",
    "gjennom",
    "hele",
    "dagen",
    "tid",
    "oppstart",
    "start",
    "starte",
    "reisevei",
    "bo",
    "bor",
    "innen",
    "maks",
    "maksimalt",
    "fra",
    "til",
    "stilling",
    "fast",
    "fulltid",
    "hos",
    "samt",
    "eventuelt",
    "evt",
    "ca",
    "rundt",
    "sammen",
    "andre",
    "alle",
    "selv",
    "fine",
    "klarer",
    "klare",
    "greie",
    "tar",
    "ta",
    "ikke",
    "veldig",
    "svært",
    "år",
    "års",
    "erfaring",
    "interesse",
    "interessert",
    "liker",
    "glad",
    "lære",
    "mulig",
    "snarest",
    "mer",
    "mest",
    "bra",
    "være",
    "tilby",
    "tilbyr",
    "instrukser",
    "instruks",
    "beskjeder",
    "trappe",
    "gradvis",
    "stillingsprosent",
    "ned",
    "deltid",
    "helt",
    "deles",
    "går",
    "vanlig",
    "selv",
    "inn",
    "etter",
    "hvert",
    "hver",
    "uke",
    "uker",
    "ukene",
    "første",
    "dager",
    "kunder",
    "kundene",
    "nesten",
    // `Truck brukes på lageret`: what is used in the job, said of the job.
    "brukes",
    "benyttes",
    "kollegaer",
    "arbeidsdag",
    "hverdag",
    // When the job is open or worked (`vi åpner 07.00`, `dagtid mandag–fredag`, `i dekksesongen i
    // april`): the shift says what is asked, these only when.
    "arbeidstid",
    "arbeidstida",
    "arbeidstiden",
    "åpner",
    "åpent",
    "åpen",
    "opnar",
    "ope",
    "stenger",
    "åpningstid",
    "åpningstider",
    "opningstid",
    "hverdager",
    "hverdagar",
    "kvardagar",
    "ukedager",
    "mandag",
    "måndag",
    "tirsdag",
    "tysdag",
    "onsdag",
    "torsdag",
    "fredag",
    "fre",
    "sesong",
    "sesongen",
    // `stå heile vakta`, `sitte mange timer i strekk`: how long, said of what is asked.
    "vakta",
    "vakten",
    "timer",
    "timar",
    "strekk",
    "mange",
    // `på egen hånd`, `godkjent vekterutdanning`, `opptil 25 kilo`, `lærer dem opp`.
    "hånd",
    "godkjent",
    "godkjend",
    "godkjente",
    "opptil",
    "dem",
    "enkelte",
    "plass",
];

/// In the must-have answer, these make a clause a wish instead.
pub const SOFTENERS: &[&str] = &[
    "helst",
    "gjerne",
    "ønskelig",
    "ynskjeleg",
    "ønskjeleg",
    "fint",
    "fordel",
    "bonus",
    "pluss",
    // `… er gull verdt`, `… er topp`, `det beste er om …`.
    "gull",
    "verdt",
    "topp",
    "supert",
    "flott",
    "beste",
    // `De som trives best hos oss`.
    "best",
    // `Båtbygger med fagbrev er drømmen`, `… gir et forsprang`, `Båtførarbevis er kjekt`.
    "drømmen",
    "draumen",
    "forsprang",
    "kjekt",
    "bør",
    "burde",
    "eventuelt",
];
/// Whether the word at `j` softens its clause: `X går fint` says X is acceptable (`norsk eller
/// engelsk, begge går fint`, `deltid går fint`), which asks no less than it names.
pub fn softens_at(words: &[&str], j: usize) -> bool {
    SOFTENERS.contains(&words[j]) && !(words[j] == "fint" && j > 0 && words[j - 1] == "går")
}

/// Softeners said before what they soften (`…, helst T4`): what came before them in a must-have
/// answer stays a must-have.
pub const SOFTENS_WHAT_FOLLOWS: &[&str] = &["helst", "gjerne", "fortrinnsvis", "bør", "burde", "eventuelt"];
/// In the wishes answer, these make a clause a must-have.
pub const MUST_MARKERS: &[&str] = &[
    "må",
    "forutsetter",
    "forutsettes",
    "forutsetning",
    "føresetnad",
    "krav",
    "kravet",
    "lovkrav",
    "lovpålagt",
    "lovpålagd",
    "kreves",
    "krever",
    "krev",
    "krevst",
    "absolutt",
    "ufravikelig",
    "ufravikelige",
    "nødvendig",
    "naudsynt",
    "påkrevd",
    "påkravd",
    // `det vert kravd at søkjar …` (nynorsk).
    "kravd",
    "must",
    "nødt",
    "naudt",
    // `Her er kravene:` opens what is asked.
    "kravene",
    "krava",
];
/// Verbs by which a statement asks something of the candidate (`vi ser etter`, `vi trenger`).
pub const ASKING: &[&str] = &[
    "ser",
    "søker",
    "trenger",
    "treng",
    "ønsker",
    "ønskjer",
    "forventer",
    "krever",
    "krev",
    "vil",
    "skal",
    "bør",
    "behov",
];
/// `det er ikke hogd i stein`, `vi er ikke firkanta`, `vi er ikke rigide`: a negation in an
/// idiom that says the employer bends, so it refuses nothing.
pub fn bends(words: &[&str], negation: usize) -> bool {
    let after = &words[(negation + 1).min(words.len())..(negation + 5).min(words.len())];
    let carved = after.iter().position(|w| matches!(*w, "stein" | "steinen"));
    let square = |w: &&str| ["firkant", "fyrkant", "rigid", "stiv"].iter().any(|stem| w.starts_with(stem));
    after.iter().any(square)
        || carved.is_some_and(|at| {
            after[..at].iter().any(|w| {
                ["hogd", "hogge", "hogg", "hugg", "spikr", "meisl", "satt", "skrev", "skriv", "støpt"]
                    .iter()
                    .any(|stem| w.starts_with(stem))
            })
        })
}

/// `trenger du ikke`, `ikke krav om`, `ikke nødvendig`, `ingen krav`: the employer does not need it.
pub fn says_not_needed(words: &[&str]) -> bool {
    // `det treng ikkje vere perfekt`: the level asked for is not perfection; something is
    // still needed.
    let words: Vec<&str> = (0..words.len())
        .filter(|&i| {
            // `itte noe krav om perfekt`: no demand of perfection, said with `krav`.
            let perfection_named = words.iter().skip(i + 1).take(4).any(|w| PERFECTION.contains(w));
            !(matches!(words[i], "ikke" | "ikkje") && (perfection_waived(words, i + 2) || perfection_named))
        })
        .map(|i| words[i])
        .collect();
    let words = words.as_slice();
    // `trenger noen som ikke er redd for høyder`: a negation inside a relative clause says
    // what the person is, not that nothing is needed.
    let near = |first: &[&str], second: &[&str], gap: usize| {
        words.iter().enumerate().any(|(i, w)| {
            let after = words.iter().skip(i + 1).take(gap + 1);
            first.contains(w) && after.take_while(|next| !matches!(**next, "som")).any(|next| second.contains(next))
        })
    };
    near(&["trenger", "trengs", "behøver", "treng", "trengst"], &["ikke", "ikkje"], 2)
        // `norsk er ikke avgjørende`: not what decides, so not asked.
        || near(
            &["ikke", "ikkje", "ingen", "inga"],
            &["krav", "nødvendig", "naudsynt", "påkrevd", "avgjørende", "avgjerande"],
            1,
        )
        // `kveld og helg slepp du`, `du slipper nattskift`: what one is spared is not asked; but
        // `helg slipper du ikke unna` is.
        || (0..words.len()).any(|i| {
            let you = |w: Option<&&str>| w.is_some_and(|w| matches!(*w, "du" | "dere" | "dykk"));
            matches!(words[i], "slipper" | "slepp")
                && (you(i.checked_sub(1).map(|j| &words[j])) || you(words.get(i + 1)))
                && !words[i + 1..].iter().take(3).any(|w| matches!(*w, "ikke" | "ikkje" | "unna" | "unda"))
        })
        // `du må ikke ha fagbrev`: you need not have one; but `må ikke ha allergi mot pels` names
        // what the candidate must not have.
        || (0..words.len().saturating_sub(2)).any(|i| {
            words[i] == "må"
                && matches!(words[i + 1], "ikke" | "ikkje")
                && matches!(words[i + 2], "ha" | "kunne")
                && !words.get(i + 3).is_some_and(|x| ["allergi", "problem", "plager"].iter().any(|p| x.starts_with(p)))
        })
}

/// How perfect a language need not be (`det trenger ikke være perfekt`).
const PERFECTION: &[&str] =
    &["perfekt", "perfekte", "feilfri", "feilfritt", "flytende", "flytande", "god", "godt", "bra", "flink"];

/// Whether the word at `at` says how perfect something need not be (`ikke være perfekt`).
pub fn perfection_waived(words: &[&str], at: usize) -> bool {
    if !words.get(at).is_some_and(|w| PERFECTION.contains(w)) {
        return false;
    }
    let need_not_be =
        at >= 2 && matches!(words[at - 1], "være" | "vere" | "vera") && matches!(words[at - 2], "ikke" | "ikkje");
    // `ikke noe krav om perfekt`, `ingen krav til perfekt norsk`.
    let no_demand = at >= 2
        && matches!(words[at - 1], "om" | "til")
        && matches!(words[at - 2], "krav")
        && words[at.saturating_sub(4)..at - 2].iter().any(|w| matches!(*w, "ikke" | "ikkje" | "ingen" | "inga"));
    // `Vi krever ikke perfekt norsk`: perfection is what is not demanded.
    let not_demanded = at >= 2
        && matches!(words[at - 1], "ikke" | "ikkje")
        && matches!(words[at - 2], "krever" | "krev" | "kreves" | "forventer" | "forventar" | "forventes");
    need_not_be || no_demand || not_demanded
}

/// The employer as the subject of an advisor's note or an answer (`det betaler de`, `det kan vi
/// lære deg`).
pub const EMPLOYER: &[&str] = &["de", "dei", "vi", "me"];
/// The job itself as the subject of a sentence (`Jobben er telefon og skranke`).
pub const JOB_ITSELF: &[&str] = &[
    "jobben",
    "arbeidet",
    "stillingen",
    "stillinga",
    "arbeidsdagen",
    "oppgavene",
    "arbeidsoppgavene",
    "arbeidsoppgåvene",
];
/// Room-to-adapt cues.
pub const TRAINING: &[&str] = &[
    "opplæring",
    "lærer",
    "lære",
    "kurs",
    "kurset",
    "sende",
    "ordne",
    "ordner",
    "tar",
    "gi",
    "gir",
    "betaler",
    "dekker",
    // `Hygienekurs betales av arbeidsgiver`.
    "betales",
    "betalast",
    "dekkes",
    "dekkast",
    "hjelper",
    "hjelpe",
];
/// An apprentice is welcome: a missing fagbrev can be earned on the job.
pub const APPRENTICE: &[&str] = &["lærling", "lærlinger", "lærlingplass", "læretid"];
/// An employer who will only consider something (`kan vurdere lærling`) has not promised it: a
/// must-have stays, and the advisor is told.
/// Inviting apprentices to apply (`lærlinger … kan også søke`) promises no more than considering
/// them.
pub const HEDGES: &[&str] = &[
    "vurdere",
    "vurdera",
    "vurderer",
    "kanskje",
    "muligens",
    "eventuelt",
    "evt",
    "aktuelt",
    "aktuell",
    "aktuelle",
    "søke",
    "søkje",
    "søknad",
];
pub const TAKE_OUT: &[&str] = &[
    "bort",
    "vekk",
    "slippe",
    "slipper",
    "sleppe",
    "unngå",
    "hjelpemidler",
    "hjelpemiddel",
    "tilrettelegge",
    "tilretteleggje",
    "tilpasse",
    "tilpasses",
    "tilpassast",
];
pub const LANGUAGE_EASY: &[&str] = &[
    "perfekt",
    "perfekte",
    "holder",
    "held",
    "enkel",
    "enkelt",
    "gang",
    "hjelper",
    "hjelper",
    "tilpasses",
    "greit",
    "nok",
];
/// Words by which a level is said to be enough (`B1 er nok`, `A2 er greit`).
pub const ENOUGH: &[&str] = &["nok", "holder", "held", "greit", "tilstrekkelig", "tilstrekkeleg"];
/// Verbs saying that what comes before them is enough (`norsk holder`, `T2 holder`).
pub const SUFFICES: &[&str] = &["holder", "held", "rekker", "strekker", "duger"];
/// A certificate taken (`kan tas etter oppstart`).
pub const TAKEN: &[&str] = &["tas", "ta", "takast", "tatt"];
/// Words by which the employer accepts less than asked (`vi kan godta B1`).
pub const ACCEPT: &[&str] = &["godta", "godtar", "godtek", "akseptere", "aksepterer", "aksepterast", "holder"];
pub const LATER: &[&str] = &[
    "vente", "venter", "venta", "ventar", "utsette", "utsettes", "utsetje", "senere", "seinere", "seinare", "flyttes",
];
pub const SPARE: &[&str] = &["slippe", "slipper", "sleppe", "slepp", "ikke", "ikkje", "kun", "bare", "berre", "unngå"];
pub const NEGATION: &[&str] = &["ikke", "ikkje", "dessverre", "diverre", "umulig", "uråd"];
/// What is carried (`løfte tunge esker`, `det er paller og kasser hele natta`): the load of a
/// demand, never a skill (`kasser` are crates here, not the till).
pub const LOADS: &[&str] = &[
    "esker",
    "eske",
    "kasser",
    "kassene",
    "sekker",
    "sekkene",
    "paller",
    "pallene",
    "pall",
    "plater",
    "platene",
    "kofferter",
    "koffertene",
    "hvitevarer",
    "hvitevarene",
    "møbler",
    "møblene",
    "tauverk",
    "tauverket",
    "senger",
    "sengene",
    "rullestoler",
    "rullestolene",
    "bokkasser",
    "bokkassene",
    "kjeler",
    "kjelene",
    "kjelar",
    "kjelane",
    "verktøy",
    "verktøyet",
    "høyttalere",
    "høyttalerne",
    "høgtalarar",
    "høgtalarane",
];

/// Words that negate what follows them in a requirement (`vi kan ikke ta inn lærlinger`).
pub const NOT: &[&str] = &["ikke", "ikkje", "ingen", "inga"];

/// Everyday words the typo tolerance must not read as misspelt vocabulary: `stille` (to turn up)
/// is no `stell`, nor is `stallen`; `språket` is no `sprek`; `spart` is no `sport`. An adjective in `-isk`
/// (`mekanisk arbeid`, `teknisk bakgrunn`) is no misspelt noun (`mekanikk`).
pub fn never_misspelt(word: &str) -> bool {
    word.starts_with("språk")
        || word.starts_with("stall")
        || matches!(word, "stille" | "stiller" | "stilla" | "spart" | "spare" | "sparer")
        || word.ends_with("isk")
        || word.ends_with("iske")
}

/// Ordinals said with `hver`/`kvar` (`kvar tredje helg`): how often, not something asked for.
pub const ORDINALS: &[&str] = &["andre", "annen", "tredje", "fjerde", "femte", "sjette"];

/// Stretches of time said with `hver`/`kvar` (`hver dag`): how often something happens.
pub const UNITS_OF_TIME: &[&str] =
    &["dag", "dagen", "uke", "veke", "måned", "månad", "år", "helg", "morgen", "kveld", "vakt", "time"];

/// Seasons (`glatte veier om vinteren`, `ferier og sommeren`): when, not what.
pub const SEASONS: &[&str] = &[
    "vinter",
    "vinteren",
    "vintrane",
    "vintrene",
    "sommer",
    "sommeren",
    "sommaren",
    "høst",
    "høsten",
    "hausten",
    "vår",
    "våren",
    "ferier",
    "feriene",
    "feriar",
    "ferie",
    "ferien",
    "høytider",
    "høgtider",
];

/// Words between a verb of seeking and the title sought (`søker en ny dyrepasser`, `ser etter
/// flere sjåfører`).
pub const TITLE_FRAME: &[&str] = &["etter", "en", "ei", "et", "ein", "eit", "ny", "nye", "flere", "fleire", "ekstra"];

/// Words that ask for experience of work (`erfaring som`, `har jobbet som`).
pub const EXPERIENCE_WORDS: &[&str] =
    &["erfaring", "erfaren", "røynsle", "bakgrunn", "jobbet", "jobba", "arbeidet", "praksis", "fartstid"];

/// Modal verbs: said with the candidate (`du må`, `kan du`), a sentence asks of them.
pub const MODALS: &[&str] =
    &["må", "skal", "kan", "bør", "burde", "trenger", "treng", "får", "vil", "klarer", "greier"];

/// When the work is busiest (`helgene er de travleste`): when, not what is asked.
pub const BUSIEST: &[&str] = &["travleste", "travlaste", "travlest", "travlast", "roligste", "roligaste"];

/// What the employer offers the candidate (`Bolig på campingen`): no candidate lacks it, so
/// left unread it asks nothing.
pub const OFFERED: &[&str] = &["bolig", "boligen", "bustad", "hybel", "hybelen", "husvære", "losji", "overnatting"];

/// People a job serves, in bokmål and nynorsk: a language good enough to talk with them is B1,
/// and left unread they say why a requirement is made, not what is asked (`Engelsk B1 minst,
/// nesten bare turister`). After a cue they are what experience is with (`erfaring med turister`).
pub const SERVED: &[&str] = &[
    "kunde",
    "kunden",
    "kunder",
    "kundene",
    "kundar",
    "kundane",
    "bruker",
    "brukere",
    "brukerne",
    "brukar",
    "brukarar",
    "brukarane",
    "pasient",
    "pasienter",
    "pasientene",
    "pasientar",
    "pasientane",
    "gjest",
    "gjester",
    "gjestene",
    "gjestar",
    "gjestane",
    "beboere",
    "beboerne",
    "bebuarar",
    "bebuarane",
    "foreldre",
    "foreldrene",
    "trenere",
    "trenerne",
    "trenarar",
    "trenarane",
    "publikum",
    "turister",
    "turistene",
    "turistar",
    "turistane",
    "elever",
    "elevene",
    "elevar",
    "elevane",
    "skoleklasser",
    "skoleklassene",
];

/// Whether `word` names people a job serves, compounded too (`badegjestane`,
/// `hotellgjestene`, `sykehjemsbeboerne`): see [`SERVED`].
pub fn served(word: &str) -> bool {
    SERVED.contains(&word)
        || SERVED.iter().any(|people| {
            people.chars().count() >= 6 && word.strip_suffix(people).is_some_and(|first| first.chars().count() >= 3)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfection_waived_is_read_where_it_is_said_and_nowhere_past_the_end() {
        let said = ["norsk", "holder", "ikke", "noe", "krav", "om", "perfekt"];
        assert!(perfection_waived(&said, 6));
        assert!(!says_not_needed(&said), "waiving perfection still asks for the language");
        assert!(perfection_waived(&["det", "treng", "ikkje", "vere", "perfekt"], 4));
        assert!(!perfection_waived(&["norsk", "perfekt"], 1), "perfect Norwegian asked is no waiver");
        assert!(!perfection_waived(&said, 7) && !perfection_waived(&said, 9), "past the end is nothing");
    }

    #[test]
    fn an_idiom_of_bending_negates_nothing() {
        let carved = ["det", "er", "ikke", "hogd", "i", "stein"];
        let square = ["vi", "er", "ikkje", "firkanta", "på", "det"];
        assert!(bends(&carved, 2) && bends(&square, 2));
        // A plain refusal bends nothing, nor does a stone named without being carved.
        assert!(!bends(&["vi", "kan", "ikke", "gå", "under", "80"], 2));
        assert!(!bends(&["du", "skal", "ikke", "bære", "stein"], 2));
    }

    #[test]
    fn people_served_are_known_compounded_too() {
        assert!(served("gjestane") && served("badegjestane") && served("sykehjemsbeboerne"));
        assert!(!served("kundeservice") && !served("gjesterom"));
        // A short word compounded may name something else (`arbeidsgjest`).
        assert!(!served("arbeidsgjest"));
    }

    #[test]
    fn accepting_is_no_softening() {
        assert!(!softens_at(&["begge", "går", "fint"], 2));
        assert!(softens_at(&["det", "er", "fint", "om"], 2));
    }
}
