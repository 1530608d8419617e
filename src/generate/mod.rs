//! Seeded synthetic job seekers in Agder, for fixtures and benchmarks.
//!
//! No real people: ids are sequence numbers (`K0000001`), there are no names, and nothing is
//! shaped like a national identity number. Profiles follow occupational tracks with realistic
//! mixes of experience, certificates, languages and the tags veiledere write (typos included);
//! some people hold interests their CV never mentions. Item `n` depends only on the seed and `n`,
//! so the committed 2,000 are the first 2,000 of the 1,000,000 used in benchmarks.

pub mod lists;
mod rng;
mod tables;

use std::io::Write;

use time::{Date, Duration, OffsetDateTime, macros::date};

pub use rng::Rng;
use tables::*;

use crate::taxonomy::places::AGDER;

use crate::model::{
    Candidate, Education, EducationLevel, Experience, ExtentRange, GeoPoint, LanguageLevel, LanguageSkill, Shift, Tag,
    TagKind,
};

/// The seed of the committed fixtures.
pub const DEFAULT_SEED: u64 = 20_240_801;
/// Availability and tag dates are drawn around this day, not "now", so output never drifts.
const BASE_DAY: Date = date!(2026 - 12 - 01);

/// Synthetic candidate number `index` (0-based) for `seed`.
pub fn candidate(seed: u64, index: u64) -> Candidate {
    let mut rng = Rng::for_item(seed, index);
    let track = rng.weighted(&TRACKS.iter().map(|t| (t, t.weight)).collect::<Vec<_>>()).to_owned();
    let place = rng.weighted(&AGDER.iter().zip(PLACE_WEIGHTS).map(|(p, &w)| (p, w)).collect::<Vec<_>>()).to_owned();
    let veileder = format!("V{}", 1000 + rng.below(60));

    let experience = experience(&mut rng, track);
    let (languages, norwegian) = languages(&mut rng);
    let mut certificates: Vec<String> = Vec::new();
    if rng.chance(0.55) || track.name == "transport" {
        certificates.push(rng.weighted(LICENCES).to_string());
    }
    let extra = rng.below(3);
    for certificate in rng.some(track.certificates, extra) {
        if !certificates.iter().any(|c| c.starts_with("førerkort") && certificate.starts_with("førerkort")) {
            certificates.push(certificate.to_string());
        }
    }
    let skill_count = 1 + rng.below(3);
    let skills: Vec<String> = rng.some(track.skills, skill_count).into_iter().map(|s| s.to_string()).collect();
    let desired_count = 1 + rng.below(2);
    let desired_occupations = rng.some(track.desired, desired_count).into_iter().map(|s| s.to_string()).collect();
    let tags = tags(&mut rng, &veileder);
    let summary = summary(&mut rng, track, &experience, norwegian);

    Candidate {
        id: format!("K{:07}", index + 1),
        visible: !rng.chance(0.05),
        veileder: (!rng.chance(0.04)).then_some(veileder),
        municipality: place.name.to_string(),
        location: Some(GeoPoint {
            lat: round(place.centre.lat + (rng.unit() - 0.5) * 0.08, 4),
            lon: round(place.centre.lon + (rng.unit() - 0.5) * 0.14, 4),
        }),
        max_commute_km: (!rng.chance(0.1))
            .then(|| *rng.weighted(&[(10.0, 2), (15.0, 2), (20.0, 3), (30.0, 4), (40.0, 3), (60.0, 2)])),
        desired_occupations,
        experience,
        education: education(&mut rng, track),
        certificates,
        skills,
        languages,
        extent_percent: Some(*rng.weighted(&[
            (ExtentRange { min: 100, max: 100 }, 40),
            (ExtentRange { min: 50, max: 100 }, 20),
            (ExtentRange { min: 80, max: 100 }, 10),
            (ExtentRange { min: 40, max: 80 }, 10),
            (ExtentRange { min: 20, max: 60 }, 10),
            (ExtentRange { min: 50, max: 50 }, 10),
        ])),
        shifts: shifts(&mut rng),
        available_from: rng.chance(0.35).then(|| BASE_DAY + Duration::days(rng.below(150) as i64)),
        adaptation_needs: if rng.chance(0.15) { vec![rng.pick(ADAPTATION_NEEDS).to_string()] } else { Vec::new() },
        summary,
        tags,
    }
}

/// The profile as one JSON line. Some language levels are written on NAV's CV scale, as NAV's
/// own data would have them.
pub fn candidate_line(seed: u64, index: u64) -> String {
    let candidate = candidate(seed, index);
    let mut line = serde_json::to_string(&candidate).unwrap_or_default();
    let mut rng = Rng::for_item(seed ^ 0x5eed, index);
    for language in &candidate.languages {
        let nav = match language.level {
            LanguageLevel::A2 => "NYBEGYNNER",
            LanguageLevel::B1 => "GODT",
            LanguageLevel::C1 => "VELDIG_GODT",
            LanguageLevel::C2 => "FOERSTESPRAAK",
            _ => continue,
        };
        if rng.chance(0.3) {
            let cefr = serde_json::to_string(language).unwrap_or_default();
            let written = cefr.replace(&format!("\"level\":\"{}\"", language.level), &format!("\"level\":\"{nav}\""));
            line = line.replacen(&cefr, &written, 1);
        }
    }
    line
}

/// Writes `count` profiles as JSON Lines, reporting progress every 10,000.
pub fn write_jsonl(seed: u64, count: u64, out: &mut impl Write, progress: &dyn Fn(u64)) -> std::io::Result<()> {
    for index in 0..count {
        writeln!(out, "{}", candidate_line(seed, index))?;
        if (index + 1) % 10_000 == 0 {
            progress(index + 1);
        }
    }
    progress(count);
    out.flush()
}

fn experience(rng: &mut Rng, track: &Track) -> Vec<Experience> {
    // People far from the labour market often have little or none.
    let entries = *rng.weighted(&[(0usize, 15), (1, 40), (2, 30), (3, 15)]);
    let mut experience: Vec<Experience> = Vec::new();
    for _ in 0..entries {
        let occupation = if rng.chance(0.15) {
            let other = rng.pick(TRACKS);
            rng.pick(other.experience).to_string()
        } else {
            rng.pick(track.experience).to_string()
        };
        if experience.iter().any(|e| e.occupation == occupation) {
            continue;
        }
        let years = *rng.weighted(&[
            (0.3, 10),
            (0.5, 15),
            (1.0, 20),
            (1.5, 10),
            (2.0, 15),
            (3.0, 10),
            (5.0, 10),
            (8.0, 6),
            (12.0, 4),
        ]);
        experience.push(Experience { occupation, years });
    }
    experience
}

fn languages(rng: &mut Rng) -> (Vec<LanguageSkill>, LanguageLevel) {
    use LanguageLevel::*;
    let norwegian = *rng.weighted(&[(C2, 40), (C1, 12), (B2, 14), (B1, 16), (A2, 12), (A1, 6)]);
    let mut languages = vec![LanguageSkill { language: "norsk".into(), level: norwegian }];
    if norwegian < C2 && rng.chance(0.9) {
        // A first language besides Norwegian.
        let language = rng.weighted(LANGUAGES);
        languages.push(LanguageSkill { language: language.to_string(), level: C2 });
    }
    if rng.chance(0.5) && !languages.iter().any(|l| l.language == "engelsk") {
        languages.push(LanguageSkill { language: "engelsk".into(), level: *rng.pick(&[A2, B1, B2, C1]) });
    }
    (languages, norwegian)
}

fn education(rng: &mut Rng, track: &Track) -> Vec<Education> {
    let (field, fagbrev) = *rng.pick(track.education);
    let level = if field.starts_with("bachelor") {
        EducationLevel::Bachelor
    } else if field.is_empty() {
        *rng.weighted(&[(EducationLevel::Grunnskole, 3), (EducationLevel::Videregaende, 1)])
    } else {
        EducationLevel::Videregaende
    };
    let fagbrev = fagbrev.filter(|_| rng.chance(0.6)).map(str::to_string);
    vec![Education { level, field: field.to_string(), fagbrev }]
}

fn shifts(rng: &mut Rng) -> Vec<Shift> {
    if rng.chance(0.15) {
        return Vec::new();
    }
    let mut shifts = vec![Shift::Dag];
    for (shift, p) in [(Shift::Kveld, 0.5), (Shift::Helg, 0.35), (Shift::Natt, 0.15), (Shift::Turnus, 0.2)] {
        if rng.chance(p) {
            shifts.push(shift);
        }
    }
    if rng.chance(0.05) {
        shifts.retain(|s| *s != Shift::Dag);
    }
    shifts
}

fn tags(rng: &mut Rng, veileder: &str) -> Vec<Tag> {
    if !rng.chance(0.45) {
        return Vec::new();
    }
    let count = 1 + rng.below(3);
    let mut tags = Vec::new();
    for _ in 0..count {
        let (label, kind) = match rng.below(10) {
            0..=4 => (rng.pick(INTEREST_TAGS), TagKind::Interest),
            5..=7 => (rng.pick(SKILL_TAGS), TagKind::InformalSkill),
            _ => (rng.pick(PREFERENCE_TAGS), TagKind::WorkPreference),
        };
        if tags.iter().any(|t: &Tag| t.label == *label) {
            continue;
        }
        let by = if rng.chance(0.85) { veileder.to_string() } else { format!("V{}", 1000 + rng.below(60)) };
        let at = OffsetDateTime::new_utc(BASE_DAY - Duration::days(1 + rng.below(330) as i64), time::Time::MIDNIGHT)
            + Duration::minutes(8 * 60 + rng.below(9 * 60) as i64);
        tags.push(Tag { label: label.to_string(), kind, by, at });
    }
    tags
}

fn summary(rng: &mut Rng, track: &Track, experience: &[Experience], norwegian: LanguageLevel) -> String {
    let mut sentences = Vec::new();
    if experience.is_empty() {
        sentences.push(
            rng.pick(&[
                "Har lite arbeidserfaring i Norge",
                "Ønsker å komme i jobb",
                "Har vært ute av arbeidslivet en periode",
            ])
            .to_string(),
        );
    } else {
        sentences.push(rng.pick(track.summary).to_string());
    }
    if norwegian <= LanguageLevel::B1 {
        sentences
            .push(rng.pick(&["Går på norskkurs", "Lærer norsk og vil bli bedre", "Snakker litt norsk"]).to_string());
    }
    if rng.chance(0.12) {
        // Interests the CV mentions only in passing: free-text evidence.
        sentences.push(
            rng.pick(&[
                "Liker å skru på mopeder",
                "Er glad i matlaging",
                "Er mye ute i naturen",
                "Trener mye på fritiden",
                "Hjelper venner med data",
            ])
            .to_string(),
        );
    }
    sentences.push(
        rng.pick(&[
            "Motivert for å lære nye ting",
            "Stabil og punktlig",
            "Trives best med praktisk arbeid",
            "Ønsker fast jobb",
            "Er åpen for ulike stillinger",
        ])
        .to_string(),
    );
    sentences.join(". ") + "."
}

fn round(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_are_valid_deterministic_and_synthetic() {
        for index in 0..500 {
            let candidate = candidate(DEFAULT_SEED, index);
            candidate.validate().expect("generated profiles validate");
            assert_eq!(candidate, super::candidate(DEFAULT_SEED, index));
            let line = candidate_line(DEFAULT_SEED, index);
            let parsed: Candidate = serde_json::from_str(&line).expect("lines parse back");
            assert_eq!(parsed.id, candidate.id);
            assert!(!crate::model::looks_like_national_id(&line));
        }
    }

    #[test]
    fn the_mix_is_realistic() {
        let sample: Vec<Candidate> = (0..2000).map(|i| candidate(DEFAULT_SEED, i)).collect();
        let share = |f: &dyn Fn(&Candidate) -> bool| sample.iter().filter(|c| f(c)).count() as f64 / 2000.0;
        assert!((0.3..0.6).contains(&share(&|c| !c.tags.is_empty())), "tagged");
        assert!((0.02..0.09).contains(&share(&|c| !c.visible)), "invisible");
        assert!((0.1..0.2).contains(&share(&|c| !c.adaptation_needs.is_empty())), "adaptation needs");
        assert!(share(&|c| c.municipality == "Kristiansand") > 0.25);
    }
}
