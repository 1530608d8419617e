//! Matching the other way round, for veiledere: a few candidates (one, or a caseload) against
//! every open job need — which needs they fit, which they nearly fit, and which single must-have
//! stands between them and each of the rest.
//!
//! It answers with the advisor's own engine, so a veileder sees exactly what the advisor would:
//! each open need's plan is compiled once against the main index (words weigh what they weigh
//! for the advisor; kept in [`OpenPlans`]) and run over a small index that holds only the
//! candidates asked about. A plan's evaluation reads nothing from the index but the documents
//! it is run over, so a candidate's score, explanation, near-miss gap and the must-haves they
//! fail only are the same to the bit as on the advisor's shortlist. The cost grows with the
//! number of open needs (one small run each, in parallel), not with the number of profiles.
//!
//! Most open needs are out of reach for any one candidate by two must-haves or more (a job in
//! another town fails both the employer's distance and the candidate's own commute), and such a
//! need has nothing to say about them: not a fit, not a near miss, not a door. So each distinct
//! must-have among the open needs is first tested alone over the small index (needs share most of
//! them: `førerkort B`, `norsk B1`, a town's distance), and only needs that some candidate asked
//! about fails by at most one must-have are run whole.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::compiled::{Compiled, compile_for};
use super::evaluation::SegmentEvaluation;
use super::plan::Planned;
use super::{MatchError, Matcher, Plan};
use crate::index::CandidateIndex;
use crate::model::{Candidate, JobNeed, MAX_TOP, NearMiss, ShortlistEntry};
use crate::semantic::Resemblance;

/// The compiled plans of the open needs, kept between look-ups and compiled again only when the
/// semantic layer has learned phrases since. A need's id names one need for good: a saved need is
/// never edited (a copy gets a new id), so a kept plan is found by id without hashing the need
/// (which, at 10,000 needs, cost more than the look-up).
#[derive(Default)]
pub struct OpenPlans {
    kept: Mutex<HashMap<String, (u64, OpenPlan)>>,
    /// Each distinct must-have among the kept plans as a plan of its own.
    screens: Mutex<Screens>,
    /// The set handed out last, for the same open needs asked again (assembling it anew for
    /// 10,000 needs took 5–15 ms).
    last: Mutex<Option<Arc<OpenSet>>>,
}

/// An open need's plan, ready to run.
#[derive(Clone)]
pub struct OpenPlan {
    pub need: String,
    compiled: Arc<Compiled>,
    /// Its must-haves, each as the key of its screen.
    musts: Arc<[u64]>,
}

impl OpenPlans {
    /// The plans of `needs` (id and need, each valid), compiling those not kept; plans of needs
    /// no longer given (closed, filled) are let go.
    pub fn plans(&self, needs: &[(String, JobNeed)], index: &CandidateIndex) -> Result<Arc<OpenSet>, MatchError> {
        let version = index.semantic().map_or(0, |semantic| semantic.version().wrapping_add(1));
        if let Some(last) = lock(&self.last).as_ref().filter(|last| last.version == version && last.is_for(needs)) {
            return Ok(last.clone());
        }
        let missing: Vec<&(String, JobNeed)> = {
            let kept = lock(&self.kept);
            needs.iter().filter(|(id, _)| kept.get(id).is_none_or(|(kept, _)| *kept != version)).collect()
        };
        let compiled: Vec<Fresh> = missing
            .par_iter()
            .map(|(id, need)| -> Result<Option<Fresh>, MatchError> {
                // Every candidate asked about must be able to make the list.
                let need = JobNeed { top: Some(MAX_TOP), ..need.clone() };
                // A need the vocabulary no longer knows the words of (a language removed since
                // it was saved) is left out of the reverse view rather than failing it for all.
                let plan = match compile_for(&need, index) {
                    Ok(plan) => plan,
                    Err(error @ MatchError::Criterion { .. }) => {
                        tracing::warn!(need = %id, %error, "an open need that does not compile is left out");
                        return Ok(None);
                    }
                    Err(error) => return Err(error),
                };
                let screens: Vec<(String, Plan)> = plan
                    .musts()
                    .iter()
                    .map(|&at| {
                        let mut alone = plan.clone();
                        alone.criteria = std::iter::once(plan.criteria[at].clone()).collect();
                        (must_key(&plan.criteria[at]), alone)
                    })
                    .collect();
                Ok(Some((id.clone(), Arc::new(Compiled::new(plan)), screens)))
            })
            .filter_map(Result::transpose)
            .collect::<Result<_, MatchError>>()?;
        let mut kept = lock(&self.kept);
        let mut screens = lock(&self.screens);
        for (need, compiled, alone) in compiled {
            let musts = alone.into_iter().map(|(test, screen)| screens.key(test, screen)).collect();
            kept.insert(need.clone(), (version, OpenPlan { need, compiled, musts }));
        }
        if kept.len() > needs.len() {
            let open: HashSet<&str> = needs.iter().map(|(id, _)| id.as_str()).collect();
            kept.retain(|id, _| open.contains(id.as_str()));
            let used: HashSet<u64> = kept.values().flat_map(|(_, plan)| plan.musts.iter().copied()).collect();
            screens.retain(&used);
        }
        let plans: Vec<OpenPlan> =
            needs.iter().filter_map(|(id, _)| kept.get(id).map(|(_, plan)| plan.clone())).collect();
        let keys: HashSet<u64> = plans.iter().flat_map(|plan| plan.musts.iter().copied()).collect();
        let screens =
            keys.into_iter().filter_map(|key| screens.get(&key).map(|screen| (key, screen.clone()))).collect();
        let set = Arc::new(OpenSet { plans, screens, version });
        *lock(&self.last) = Some(set.clone());
        Ok(set)
    }
}

/// The open needs' plans for one look-up, with the screens of their must-haves.
pub struct OpenSet {
    plans: Vec<OpenPlan>,
    screens: Vec<(u64, Arc<Compiled>)>,
    version: u64,
}

impl OpenSet {
    /// Whether it holds the plans of exactly `needs`, in their order.
    fn is_for(&self, needs: &[(String, JobNeed)]) -> bool {
        self.plans.len() == needs.len() && self.plans.iter().zip(needs).all(|(plan, (id, _))| plan.need == *id)
    }

    /// How many open needs.
    pub fn len(&self) -> usize {
        self.plans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.plans.is_empty()
    }
}

/// A need's plan just compiled, with each of its must-haves (its test written out) alone.
type Fresh = (String, Arc<Compiled>, Vec<(String, Plan)>);

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What makes two must-haves the same test: their kind and test (terms and their alternatives,
/// or the column and its bounds, place and limit), written out in full.
fn must_key(criterion: &Planned) -> String {
    format!("{:?}|{:?}", criterion.kind, criterion.test)
}

/// The distinct must-haves, each a small number standing for its whole test (so two different
/// tests never share one) and a plan of that must-have alone.
#[derive(Default)]
struct Screens {
    keys: HashMap<String, u64>,
    plans: HashMap<u64, Arc<Compiled>>,
    /// The next key: never one given before, even after must-haves are let go.
    next: u64,
}

impl Screens {
    /// The key of `test`, keeping `alone` as its screen if it is new.
    fn key(&mut self, test: String, alone: Plan) -> u64 {
        let key = *self.keys.entry(test).or_insert_with(|| {
            self.next += 1;
            self.next
        });
        self.plans.entry(key).or_insert_with(|| Arc::new(Compiled::new(alone)));
        key
    }

    fn get(&self, key: &u64) -> Option<&Arc<Compiled>> {
        self.plans.get(key)
    }

    /// Lets go of the must-haves no kept plan has.
    fn retain(&mut self, used: &HashSet<u64>) {
        self.plans.retain(|key, _| used.contains(key));
        self.keys.retain(|_, key| used.contains(key));
    }
}

/// How one candidate stands with the open needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Standings {
    pub candidate: String,
    /// The needs whose every must-have the candidate meets, with the advisor's entry for them.
    pub fits: Vec<(String, ShortlistEntry)>,
    /// The needs the candidate fails by one must-have whose gap could be closed.
    pub near: Vec<(String, NearMiss)>,
    /// Per need the candidate fails by exactly one of the employer's must-haves (near or not):
    /// that must-have's label. The candidate's own limits (their commute, hours, shifts) are not
    /// counted: they are the candidate's to keep. Only worked out when one candidate is asked
    /// about.
    pub only_failed: Vec<(String, String)>,
}

/// How `candidates` stand with each of the `open` needs. With one candidate, also the must-have
/// each need is failed by alone (the relaxation count of a one-profile index is exactly that).
pub fn standings(
    index: &CandidateIndex,
    open: &OpenSet,
    candidates: &[Candidate],
) -> Result<Vec<Standings>, MatchError> {
    let (plans, screens) = (&open.plans, &open.screens);
    let mut all: Vec<Standings> =
        candidates.iter().map(|c| Standings { candidate: c.id.clone(), ..Standings::default() }).collect();
    for (part, chunk) in candidates.chunks(MAX_TOP).enumerate() {
        let small = small_index(index, chunk)?;
        let one = candidates.len() == 1;
        // Sizes for a few hundred documents at most (they change the speed, never the result).
        let matcher = Matcher::new(&small).near_misses(chunk.len()).relaxation(one).tuning(super::Tuning::SMALL);
        let at: HashMap<&str, usize> =
            chunk.iter().enumerate().map(|(n, c)| (c.id.as_str(), part * MAX_TOP + n)).collect();
        // Who in the chunk passes each distinct must-have, by position in the chunk (looked up
        // for every must-have of every open need: a fast hash).
        let passes: FxHashMap<u64, Vec<bool>> = screens
            .par_iter()
            .map(|(key, screen)| Ok((*key, who_passes(&small, screen, &at, part * MAX_TOP, chunk.len())?)))
            .collect::<Result<_, MatchError>>()?;
        // A must-have without a screen (none is) would count as passed: run rather than skip.
        let within_one = |plan: &OpenPlan| {
            (0..chunk.len())
                .any(|n| plan.musts.iter().filter(|key| passes.get(key).is_some_and(|passed| !passed[n])).count() <= 1)
        };
        let runs: Vec<_> = plans
            .par_iter()
            .filter(|plan| within_one(plan))
            .map(|plan| matcher.run_compiled(&plan.compiled).map(|shortlist| (plan, shortlist)))
            .collect::<Result<_, MatchError>>()?;
        for (plan, shortlist) in runs {
            for entry in shortlist.candidates {
                if let Some(&n) = at.get(entry.id.as_str()) {
                    all[n].fits.push((plan.need.clone(), entry));
                }
            }
            for miss in shortlist.near_misses {
                if let Some(&n) = at.get(miss.id.as_str()) {
                    all[n].near.push((plan.need.clone(), miss));
                }
            }
            if one {
                for relaxation in shortlist.relaxations.into_iter().filter(|r| r.extra_candidates == 1) {
                    all[0].only_failed.push((plan.need.clone(), relaxation.criterion));
                }
            }
        }
    }
    for standing in &mut all {
        standing.fits.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then_with(|| a.0.cmp(&b.0)));
        standing.near.sort_by(|a, b| a.1.gap.cmp(&b.1.gap).then(b.1.score.total_cmp(&a.1.score)).then(a.0.cmp(&b.0)));
        standing.only_failed.sort();
    }
    Ok(all)
}

/// Who of the `count` candidates in `small` (numbered by `at` from `first`) meets the one
/// must-have of `screen`: eligible and in its must-have set, as a shortlist of it would say,
/// without the shortlist (its explanations would cost more than the test).
fn who_passes(
    small: &CandidateIndex,
    screen: &Compiled,
    at: &HashMap<&str, usize>,
    first: usize,
    count: usize,
) -> Result<Vec<bool>, MatchError> {
    let mut passed = vec![false; count];
    let searcher = small.searcher();
    for (ordinal, reader) in searcher.segment_readers().iter().enumerate() {
        let e = SegmentEvaluation::new(&screen.plan, &screen.term_keys, small, reader, ordinal as u32)?;
        for doc in e.eligible().bits.iter() {
            if e.musts.positions().all(|must| e.meets_must(must, doc)) {
                if let Some(n) = at.get(e.columns().id(doc)) {
                    passed[n - first] = true;
                }
            }
        }
    }
    Ok(passed)
}

/// An index holding only `candidates`, analysed with `index`'s vocabulary.
fn small_index(index: &CandidateIndex, candidates: &[Candidate]) -> Result<CandidateIndex, MatchError> {
    Ok(CandidateIndex::of_few(index.taxonomy().clone(), candidates)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::tests::{candidates, fixtures, index, reference};
    use crate::model::Importance;

    /// Every `step`th fixture profile as the index holds it (some are rewritten there).
    fn profiles(step: usize) -> Vec<Candidate> {
        let ids = candidates().iter().step_by(step).map(|c| c.id.as_str());
        ids.map(|id| index().candidate(id).expect("read").expect("indexed")).collect()
    }

    /// Every committed need, by file name.
    fn open_needs() -> Vec<(String, JobNeed)> {
        let mut needs = Vec::new();
        for dir in ["needs", "eval/needs"] {
            for entry in std::fs::read_dir(fixtures().join(dir)).expect("needs") {
                let path = entry.expect("entry").path();
                let need = JobNeed::from_json(&std::fs::read_to_string(&path).expect("read")).expect("need");
                let id = path.file_stem().and_then(|s| s.to_str()).expect("name").to_string();
                needs.push((id, need));
            }
        }
        needs.sort_by(|a, b| a.0.cmp(&b.0));
        needs
    }

    /// What the plain engine says, need by need, about `who`: the needs they qualify for (score
    /// bits), those they nearly miss (failed must-have, gap), and for each need the must-haves
    /// that alone keep them out — found by making each must-have a wish in turn.
    #[allow(clippy::type_complexity)]
    fn tried_need_by_need(
        who: &[&str],
    ) -> (Vec<(String, String, u32)>, Vec<(String, String, String)>, Vec<(String, String, String)>) {
        let (mut fits, mut near, mut only) = (Vec::new(), Vec::new(), Vec::new());
        for (id, need) in open_needs() {
            let mut plan = compile_for(&JobNeed { top: Some(MAX_TOP), ..need }, index()).expect("plan");
            plan.top = 100_000;
            let expected = reference().expected(&plan, 100_000).expect("reference");
            let qualified: Vec<&str> = expected.candidates.iter().map(|(c, _)| c.as_str()).collect();
            for (candidate, score) in &expected.candidates {
                if who.contains(&candidate.as_str()) {
                    fits.push((candidate.clone(), id.clone(), *score));
                }
            }
            for (candidate, _, failed, _) in &expected.near_misses {
                if who.contains(&candidate.as_str()) {
                    near.push((candidate.clone(), id.clone(), failed.clone()));
                }
            }
            // The candidate's own limits (commute, hours, shifts) are theirs to keep: never a door.
            let musts: Vec<_> = plan
                .criteria
                .positions()
                .filter(|&at| plan.criteria[at].importance == Importance::Must)
                .filter(|&at| !crate::matching::Plan::is_candidate_limit(&plan.criteria[at]))
                .collect();
            for at in musts {
                let mut without = plan.clone();
                without.criteria[at].importance = Importance::Adjustable;
                for (candidate, _) in reference().expected(&without, 0).expect("reference").candidates {
                    if who.contains(&candidate.as_str()) && !qualified.contains(&candidate.as_str()) {
                        only.push((candidate, id.clone(), plan.criteria[at].label.clone()));
                    }
                }
            }
        }
        (fits, near, only)
    }

    #[test]
    fn an_open_need_that_does_not_compile_is_left_out_and_the_rest_still_answer() {
        let mut needs = open_needs();
        let mut broken = needs[0].1.clone();
        broken.criteria.push(crate::model::Criterion {
            kind: crate::model::CriterionKind::Language,
            value: "(SH~s".into(),
            importance: Importance::Must,
            rank: None,
            weight: None,
            min_level: None,
            min_years: None,
        });
        needs.push(("broken".into(), broken));
        let plans = OpenPlans::default().plans(&needs, index()).expect("the other needs still plan");
        assert_eq!(plans.len(), needs.len() - 1, "only the need that does not compile is left out");
    }

    #[test]
    fn a_caseload_fits_and_nearly_fits_exactly_the_needs_each_needs_shortlist_says() {
        let caseload = profiles(41);
        let who: Vec<&str> = caseload.iter().map(|c| c.id.as_str()).collect();
        let kept = OpenPlans::default();
        let plans = kept.plans(&open_needs(), index()).expect("plans");
        let found = standings(index(), &plans, &caseload).expect("standings");

        let (mut fits, mut near, _) = tried_need_by_need(&who);
        let mut found_fits: Vec<_> = found
            .iter()
            .flat_map(|s| s.fits.iter().map(|(need, e)| (s.candidate.clone(), need.clone(), e.score.to_bits())))
            .collect();
        let mut found_near: Vec<_> = found
            .iter()
            .flat_map(|s| s.near.iter().map(|(need, m)| (s.candidate.clone(), need.clone(), m.failed.clone())))
            .collect();
        for list in [&mut fits, &mut found_fits] {
            list.sort();
        }
        for list in [&mut near, &mut found_near] {
            list.sort();
        }
        assert!(fits.len() >= 20 && near.len() >= 10, "a test with something in it: {fits:?} {near:?}");
        assert_eq!(found_fits, fits, "the same needs, the same scores to the bit");
        assert_eq!(found_near, near);
        for standing in &found {
            let scores: Vec<f32> = standing.fits.iter().map(|(_, e)| e.score).collect();
            assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first: {scores:?}");
        }
    }

    #[test]
    fn for_one_candidate_the_must_have_each_need_is_failed_by_alone_is_exact() {
        let kept = OpenPlans::default();
        let plans = kept.plans(&open_needs(), index()).expect("plans");
        let mut checked = 0;
        for candidate in profiles(97).iter().take(12) {
            let found = standings(index(), &plans, std::slice::from_ref(candidate)).expect("standings");
            let (_, _, only) = tried_need_by_need(&[candidate.id.as_str()]);
            let only: Vec<(String, String)> = only.into_iter().map(|(_, need, label)| (need, label)).collect();
            assert_eq!(found[0].only_failed, only, "{}", candidate.id);
            checked += only.len();
        }
        assert!(checked >= 10, "doors to count: {checked}");
    }

    #[test]
    fn a_plan_is_compiled_once_and_let_go_when_its_need_closes() {
        let plans = OpenPlans::default();
        let needs = open_needs();
        let first = plans.plans(&needs, index()).expect("plans");
        let again = plans.plans(&needs, index()).expect("plans");
        assert!(Arc::ptr_eq(&first, &again), "the same open needs: the same set");
        assert!(
            !first.screens.is_empty() && first.screens.len() < first.plans.iter().map(|p| p.musts.len()).sum::<usize>(),
            "needs share must-haves"
        );
        let fewer = plans.plans(&needs[1..], index()).expect("plans");
        assert!(fewer.plans.iter().zip(&first.plans[1..]).all(|(a, b)| Arc::ptr_eq(&a.compiled, &b.compiled)));
        assert_eq!(fewer.len(), needs.len() - 1);
        assert_eq!(lock(&plans.kept).len(), needs.len() - 1, "the closed need's plan is let go");
    }
}
