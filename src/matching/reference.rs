//! The matching engine as it was before it was made fast, and kept apart from it: every
//! criterion's evidence read straight from postings, hours, distance, start dates and years read
//! from the stored profile by its own plain rules, every eligible document checked and scored.
//! Slow and plain on purpose; tests check that the engine returns exactly what this returns. It
//! shares nothing with the engine but the plan, the index and the evidence strengths, so a bug in
//! the engine's columns, constraints or bounds shows as a difference.

use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, DocSet, SegmentReader, TERMINATED, Term};

use super::MatchError;
use super::evidence::{Strength, Support};
use super::plan::{Alternative, ColumnTest, Plan, TermTest, Test};
use super::position::{MustAt, Position};
use crate::analysis::typo;
use crate::index::{CandidateIndex, ProfileField};
use crate::model::{Candidate, Gap, GeoPoint, MatchHow};

/// What a shortlist must say, in comparable form.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub considered: usize,
    pub qualified: usize,
    /// Id and score (as bits, so equality is exact), best first.
    pub candidates: Vec<(String, u32)>,
    /// Id, score bits, failed must-have, how wide the gap.
    pub near_misses: Vec<(String, u32, String, Gap)>,
    pub relaxations: Vec<(String, usize)>,
}

/// The index's eligible profiles, read once for many needs.
pub struct Reference<'i> {
    index: &'i CandidateIndex,
    /// Per segment, its eligible documents and their stored profiles.
    segments: Vec<Vec<(DocId, Candidate)>>,
}

impl<'i> Reference<'i> {
    /// Reads every eligible profile of `index`.
    pub fn new(index: &'i CandidateIndex) -> Result<Self, MatchError> {
        let searcher = index.searcher();
        let mut segments = Vec::new();
        for (ordinal, reader) in searcher.segment_readers().iter().enumerate() {
            let (_, eligible) = index.segment_cache(reader)?;
            let mut profiles = Vec::new();
            for doc in eligible.bits.iter() {
                profiles.push((doc, index.profile_at(&searcher, DocAddress::new(ordinal as u32, doc))?.into_owned()));
            }
            segments.push(profiles);
        }
        Ok(Reference { index, segments })
    }

    /// The shortlist `plan` should give, found the slow way.
    pub fn expected(&self, plan: &Plan, near_misses: usize) -> Result<Expected, MatchError> {
        let searcher = self.index.searcher();
        let musts = plan.musts();
        let mut considered = 0;
        let mut best: Vec<(String, f32, (f32, usize))> = Vec::new();
        let mut near: Vec<(String, f32, usize, Gap)> = Vec::new();
        let mut only_failed = vec![0; musts.len()];
        for (reader, profiles) in searcher.segment_readers().iter().zip(&self.segments) {
            let strengths: Vec<Option<Found>> = plan
                .criteria
                .iter()
                .map(|criterion| self.strengths(&criterion.test, reader))
                .collect::<Result<_, _>>()?;
            for (doc, profile) in profiles {
                considered += 1;
                let outcomes: Vec<(Support, f32, bool)> = plan
                    .criteria
                    .iter()
                    .zip(&strengths)
                    .map(|(criterion, found)| {
                        let (support, grade, adapted) = match (&criterion.test, found) {
                            (Test::Column(test), _) => column_outcome(test, profile),
                            (Test::Terms(test), Some(found)) => {
                                let support = with_years(test, found, *doc, profile, self.index);
                                (support, support.grade(), false)
                            }
                            (_, Some(found)) => (found.other[*doc as usize], found.other[*doc as usize].grade(), false),
                            (_, None) => unreachable!("term and demand tests read postings"),
                        };
                        // The whole requirement, at a tag or stronger, meets a must-have.
                        let passes = support.coverage.is_whole() && support.strength >= Strength::Tag;
                        let waived = criterion.waiver.is_some() && !passes;
                        let grade = if plan.binary { f32::from(u8::from(passes)) } else { grade };
                        (support, grade, adapted || waived)
                    })
                    .collect();
                let failed: Vec<usize> =
                    musts.iter().enumerate().filter(|(_, m)| !outcomes[m.index()].0.passes()).map(|(p, _)| p).collect();
                let score = score(plan, &outcomes);
                match failed.as_slice() {
                    [] => best.push((profile.id.clone(), score, tie_break(plan, profile, &outcomes))),
                    [only] => {
                        only_failed[*only] += 1;
                        let criterion = &plan.criteria[musts[MustAt::from_index(*only)]];
                        let support = outcomes[musts[MustAt::from_index(*only)].index()].0;
                        if let Some(gap) = gap(&criterion.test, support, profile) {
                            near.push((profile.id.clone(), score, *only, gap));
                        }
                    }
                    _ => {}
                }
            }
        }
        let qualified = best.len();
        // The best by score and id, in a window beyond the list; then ties by nearness and breadth.
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        best.truncate(super::ties::window(plan.top));
        best.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| a.2.0.total_cmp(&b.2.0))
                .then_with(|| b.2.1.cmp(&a.2.1))
                .then_with(|| a.0.cmp(&b.0))
        });
        best.truncate(plan.top);
        near.sort_by(|a, b| a.3.cmp(&b.3).then_with(|| b.1.total_cmp(&a.1)).then_with(|| a.0.cmp(&b.0)));
        near.truncate(near_misses);
        let musts = musts.into_vec();
        Ok(Expected {
            considered,
            qualified,
            candidates: best.into_iter().map(|(id, score, _)| (id, score.to_bits())).collect(),
            near_misses: near
                .into_iter()
                .map(|(id, score, failed, gap)| (id, score.to_bits(), plan.criteria[musts[failed]].label.clone(), gap))
                .collect(),
            relaxations: musts
                .iter()
                .zip(only_failed)
                .filter(|&(&m, _)| !Plan::is_candidate_limit(&plan.criteria[m]))
                .map(|(&m, n)| (plan.criteria[m].label.clone(), n))
                .collect(),
        })
    }

    /// What a term or demand test finds in the segment (years not yet checked); `None` for
    /// column tests.
    fn strengths(&self, test: &Test, reader: &SegmentReader) -> Result<Option<Found>, MatchError> {
        let max_doc = reader.max_doc() as usize;
        Ok(Some(match test {
            Test::Terms(test) => {
                let mut other = vec![Support::NONE; max_doc];
                let mut experience = vec![Support::NONE; max_doc];
                let alternatives = with_typos(test, self.index, reader)?;
                let experience_words = alternatives
                    .iter()
                    .filter(|a| a.field == ProfileField::Experience)
                    .flat_map(|a| a.terms.iter().cloned())
                    .collect();
                for alternative in alternatives {
                    let support = alternative.support();
                    // With a years requirement, experience is kept apart (its years decide), and
                    // evidence outside experience, which cannot show the years, counts at most as
                    // partial.
                    let (slots, support) = match (test.min_years, alternative.field) {
                        (Some(_), ProfileField::Experience) => (&mut experience, support),
                        (Some(_), _) => (&mut other, at_most_partial(support)),
                        (None, _) => (&mut other, support),
                    };
                    for doc in alternative_docs(self.index, reader, &alternative)? {
                        let slot = &mut slots[doc as usize];
                        *slot = (*slot).max(support);
                    }
                }
                Found { other, experience, experience_words }
            }
            Test::Demand(demand) => {
                let mut other = vec![Support::whole(Strength::Exact); max_doc];
                if let Some(key) = &demand.key {
                    for doc in postings(self.index, reader, ProfileField::Keys, key)? {
                        if !demand.adaptable {
                            other[doc as usize] = Support::NONE;
                        }
                    }
                }
                Found { other, experience: Vec::new(), experience_words: Vec::new() }
            }
            Test::Column(_) => return Ok(None),
        }))
    }
}

/// What a term or demand test finds in one segment.
struct Found {
    /// Per document, the strongest evidence (with a years requirement: outside experience).
    other: Vec<Support>,
    /// With a years requirement: per document, the strongest experience evidence.
    experience: Vec<Support>,
    /// The words of the test's experience alternatives, typo expansions included: an experience
    /// entry with one of them shows its years.
    experience_words: Vec<String>,
}

fn score(plan: &Plan, outcomes: &[(Support, f32, bool)]) -> f32 {
    let mut sum = 0.0;
    let mut adaptations = 0;
    for (criterion, (_, grade, penalised)) in plan.criteria.iter().zip(outcomes) {
        sum += criterion.weight * grade;
        adaptations += i32::from(*penalised);
    }
    let total = plan.total_weight();
    if total <= 0.0 {
        return 0.0;
    }
    sum / total * 0.9f32.powi(adaptations)
}

/// A term test's evidence for `profile` once its years are checked: experience evidence counts in
/// full only if an experience entry that shares a word with the test's experience alternatives
/// lasted long enough (years kept to a tenth, as the profile's CV states them).
fn with_years(test: &TermTest, found: &Found, doc: DocId, profile: &Candidate, index: &CandidateIndex) -> Support {
    let other = found.other[doc as usize];
    let Some(min_years) = test.min_years else { return other };
    let experience = found.experience[doc as usize];
    if experience == Support::NONE {
        return other;
    }
    let analyzer = index.taxonomy().analyzer();
    let years = profile
        .experience
        .iter()
        .filter(|entry| analyzer.terms(&entry.occupation).iter().any(|term| found.experience_words.contains(term)))
        .map(|entry| (entry.years.max(0.0) * 10.0).round() / 10.0)
        .fold(0.0, f32::max);
    other.max(if years >= min_years { experience } else { at_most_partial(experience) })
}

fn at_most_partial(support: Support) -> Support {
    Support { strength: support.strength.min(Strength::Partial), ..support }
}

/// Hours, distance and start date for one profile, by the README's rules: strength, grade and
/// whether the employer adapts.
fn column_outcome(test: &ColumnTest, profile: &Candidate) -> (Support, f32, bool) {
    let exact = Support::whole(Strength::Exact);
    let (met, unmet) = ((exact, 1.0, false), (Support::NONE, 0.0, false));
    match *test {
        ColumnTest::Extent { job_percent, adaptable_min } => {
            let (min, max) = profile.extent_percent.map_or((0, 100), |range| (range.min, range.max));
            if job_percent < min {
                // Fewer hours than wished for: a small penalty, never an exclusion.
                (exact, 0.8, false)
            } else if job_percent <= max {
                met
            } else if adaptable_min.is_some_and(|lowest| max >= lowest) {
                (exact, 1.0, true)
            } else {
                unmet
            }
        }
        ColumnTest::Distance { origin, limit_km, commute } => {
            let Some(home) = profile.location else {
                return if limit_km.is_some() { unmet } else { (exact, 0.0, false) };
            };
            let km = equirectangular_km(origin, home);
            let commute = if commute { profile.max_commute_km.unwrap_or(f32::INFINITY) } else { f32::INFINITY };
            if limit_km.is_some_and(|limit| km > limit) || km > commute {
                unmet
            } else {
                (exact, (-km / 20.0 * std::f32::consts::LN_2).exp(), false)
            }
        }
        ColumnTest::StartDate { start, latest } => match profile.available_from.map(|day| day.to_julian_day()) {
            None => met,
            Some(day) if day <= start => met,
            Some(day) if latest.is_some_and(|latest| day <= latest) => (exact, 1.0, true),
            Some(_) => unmet,
        },
    }
}

/// Distance in km, in single precision as the README states it: x = Δlon·cos(mean lat),
/// y = Δlat, both in radians, times the Earth's mean radius.
/// How wide the gap is by which `profile` fails a must-have tested by `test` (`support`: its
/// evidence), by the README's rules; `None`: not a near miss.
fn gap(test: &Test, support: Support, profile: &Candidate) -> Option<Gap> {
    let by = |over: f32, narrow: f32, wide: f32| match over {
        over if over <= narrow => Some(Gap::Narrow),
        over if over <= wide => Some(Gap::Wide),
        _ => None,
    };
    match *test {
        Test::Demand(_) => None,
        Test::Terms(_) if support == Support::whole(Strength::Partial) => Some(Gap::Narrow),
        Test::Terms(_) => Some(Gap::Wide),
        Test::Column(ColumnTest::Extent { job_percent, adaptable_min }) => {
            let most = profile.extent_percent.map_or(100, |range| range.max);
            let lowest = adaptable_min.map_or(job_percent, |lowest| lowest.min(job_percent));
            by(f32::from(lowest.saturating_sub(most)), 20.0, 40.0)
        }
        Test::Column(ColumnTest::Distance { origin, limit_km, commute }) => {
            let Some(home) = profile.location else { return Some(Gap::Wide) };
            let km = equirectangular_km(origin, home);
            let limit = match (limit_km, profile.max_commute_km) {
                (Some(limit), _) if km > limit => limit,
                (_, Some(own)) if commute && km > own => own,
                _ => return None,
            };
            by(km - limit, (limit / 4.0).max(5.0), limit.max(15.0))
        }
        Test::Column(ColumnTest::StartDate { start, latest }) => {
            let available = profile.available_from?.to_julian_day();
            by((available - latest.unwrap_or(start).max(start)) as f32, 14.0, 60.0)
        }
    }
}

fn equirectangular_km(origin: GeoPoint, home: GeoPoint) -> f32 {
    let (lat0, lon0, lat, lon) = (origin.lat as f32, origin.lon as f32, home.lat as f32, home.lon as f32);
    let x = (lon - lon0).to_radians() * ((lat0 + lat) / 2.0).to_radians().cos();
    let y = (lat - lat0).to_radians();
    (x * x + y * y).sqrt() * 6371.0
}

/// The test's alternatives plus the index terms within typo distance of its seeds.
fn with_typos(test: &TermTest, index: &CandidateIndex, reader: &SegmentReader) -> Result<Vec<Alternative>, MatchError> {
    let mut alternatives = test.alternatives.clone();
    for (field, seed) in &test.typo_seeds {
        if seed.chars().count() < typo::MIN_TYPO_CHARS {
            continue;
        }
        let inverted = reader.inverted_index(index.fields().text(*field))?;
        let prefix = typo::prefix(seed);
        let mut stream = inverted.terms().range().ge(prefix.as_bytes()).into_stream()?;
        while stream.advance() {
            let Ok(term) = std::str::from_utf8(stream.key()) else { continue };
            if !term.starts_with(prefix) {
                break;
            }
            if typo::is_typo_of(seed, term) {
                let candidate = Alternative::new(*field, vec![term.to_string()], MatchHow::Typo);
                if !alternatives.iter().any(|a| a.field == *field && a.terms == candidate.terms) {
                    alternatives.push(candidate);
                }
            }
        }
    }
    Ok(alternatives)
}

/// Documents containing `term` in `field` (deleted ones included; callers filter).
fn postings(
    index: &CandidateIndex,
    reader: &SegmentReader,
    field: ProfileField,
    term: &str,
) -> Result<Vec<DocId>, MatchError> {
    let tantivy_field = index.fields().text(field);
    let inverted = reader.inverted_index(tantivy_field)?;
    let mut docs = Vec::new();
    if let Some(mut postings) =
        inverted.read_postings(&Term::from_field_text(tantivy_field, term), IndexRecordOption::Basic)?
    {
        let mut doc = postings.doc();
        while doc != TERMINATED {
            docs.push(doc);
            doc = postings.advance();
        }
    }
    Ok(docs)
}

/// Documents that have every term of `alternative`.
fn alternative_docs(
    index: &CandidateIndex,
    reader: &SegmentReader,
    alternative: &Alternative,
) -> Result<Vec<DocId>, MatchError> {
    let mut terms = alternative.terms.iter();
    let Some(first) = terms.next() else { return Ok(Vec::new()) };
    let mut docs = postings(index, reader, alternative.field, first)?;
    for term in terms {
        let other = postings(index, reader, alternative.field, term)?;
        docs.retain(|doc| other.binary_search(doc).is_ok());
    }
    Ok(docs)
}

/// Kilometres from the job to the profile's home (infinite when unknown) and how many criteria
/// have any evidence: what orders equal scores.
fn tie_break(plan: &Plan, profile: &Candidate, outcomes: &[(Support, f32, bool)]) -> (f32, usize) {
    let km = plan
        .criteria
        .iter()
        .filter_map(|criterion| match (&criterion.test, profile.location) {
            (Test::Column(ColumnTest::Distance { origin, .. }), Some(home)) => {
                Some(super::constraints::km_between(*origin, home.lat as f32, home.lon as f32))
            }
            _ => None,
        })
        .fold(f32::INFINITY, f32::min);
    (km, outcomes.iter().filter(|(support, _, _)| support.strength > Strength::None).count())
}
