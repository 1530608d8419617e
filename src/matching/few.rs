//! A shortlist over so few documents that every one of them is wanted: the reverse view runs
//! thousands of plans over an index of the one candidate (or the caseload) it is asked about.
//!
//! The pass exists to avoid scoring: bounds, bars, a near-miss floor, wide gaps sought again.
//! When the lists can hold every eligible document, nothing can be pruned, and that machinery
//! is only cost; so is the must-have algebra's word-at-a-time bookkeeping (and keeping it for
//! the next search) when a segment holds a handful of documents. Here each document is tested
//! against each must-have, scored once and sorted into the list it belongs to, with the gaps and
//! order the pass uses — so the lists are the pass's to the bit (a test runs both on the same
//! evaluations).

use super::evaluation::SegmentEvaluation;
use super::merge::Merged;
use super::pass::{PassRequest, Scored};
use super::position::Table;
use super::shortfall::gap_of;
use crate::model::Gap;

/// Whether the lists `request` asks for can hold every eligible document of `evaluations`.
pub fn all_wanted(evaluations: &[SegmentEvaluation], request: PassRequest) -> bool {
    let documents: usize = evaluations.iter().map(|e| e.eligible().count).sum();
    documents <= request.top && (request.near_misses == 0 || documents <= request.near_misses)
}

/// What the pass and the merge would find, for evaluations where [`all_wanted`] holds, of a
/// plan with `musts` must-haves.
pub fn merged<'a>(evaluations: &'a [SegmentEvaluation], request: PassRequest, musts: usize) -> Merged<'a> {
    let mut merged =
        Merged { qualified: 0, best: Vec::new(), near_misses: Vec::new(), only_failed: Table::filled(0, musts) };
    let (mut narrow, mut wide) = (Vec::new(), Vec::new());
    let misses_wanted = request.near_misses > 0 || request.relaxation;
    for e in evaluations {
        let columns = e.columns();
        let scored = |doc: u32| (e.ordinal, Scored { score: e.score(doc), id: columns.id(doc), doc });
        for doc in e.eligible().bits.iter() {
            let mut failed = e.musts.positions().filter(|&must| !e.meets_must(must, doc));
            match (failed.next(), failed.next()) {
                (None, _) => {
                    merged.qualified += 1;
                    merged.best.push(scored(doc));
                }
                (Some(must), None) if misses_wanted => {
                    merged.only_failed[must] += 1;
                    if request.near_misses > 0 {
                        match gap_of(e, must, doc) {
                            Some(Gap::Narrow) => narrow.push(scored(doc)),
                            Some(Gap::Wide) => wide.push(scored(doc)),
                            None => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }
    for list in [&mut merged.best, &mut narrow, &mut wide] {
        list.sort_by(|a, b| a.1.rank_order(&b.1));
    }
    // Narrow gaps first, wide ones to fill the list (all fit: see `all_wanted`).
    let near = narrow
        .into_iter()
        .map(|(s, hit)| (s, hit, Gap::Narrow))
        .chain(wide.into_iter().map(|(s, hit)| (s, hit, Gap::Wide)));
    merged.near_misses = near.collect();
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::CandidateIndex;
    use crate::matching::compiled::{Compiled, compile_for};
    use crate::matching::tests::{candidates, fixtures, index};
    use crate::matching::{Matcher, Tuning, passed_and_merged, ties};
    use crate::model::{JobNeed, MAX_TOP};

    type Hits = Vec<(u32, String, u32, Option<Gap>)>;

    /// A merge's lists written out, scores as bits.
    fn written(merged: &Merged) -> (usize, Vec<usize>, Hits, Hits) {
        let hit = |(s, hit, gap): (u32, &Scored, Option<Gap>)| (s, hit.id.to_string(), hit.score.to_bits(), gap);
        (
            merged.qualified,
            merged.only_failed.iter().copied().collect(),
            merged.best.iter().map(|(s, h)| hit((*s, h, None))).collect(),
            merged.near_misses.iter().map(|(s, h, gap)| hit((*s, h, Some(*gap)))).collect(),
        )
    }

    #[test]
    fn scoring_every_document_gives_the_lists_the_pass_gives() {
        let ids = candidates().iter().step_by(13).take(60).map(|c| c.id.as_str());
        let few: Vec<_> = ids.map(|id| index().candidate(id).expect("read").expect("indexed")).collect();
        let small = CandidateIndex::of_few(index().taxonomy().clone(), &few).expect("small index");
        let (mut best, mut near) = (0, 0);
        for dir in ["needs", "eval/needs"] {
            for entry in std::fs::read_dir(fixtures().join(dir)).expect("needs") {
                let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
                let need = JobNeed::from_json(&text).expect("need");
                let compiled =
                    Compiled::new(compile_for(&JobNeed { top: Some(MAX_TOP), ..need }, index()).expect("plan"));
                let musts = compiled.plan.musts().len();
                for (near_misses, relaxation) in [(few.len(), true), (few.len(), false), (0, true), (0, false)] {
                    let request = PassRequest { top: ties::window(MAX_TOP), near_misses, relaxation };
                    let matcher = Matcher::new(&small).tuning(Tuning::SMALL);
                    let searcher = small.searcher();
                    let (evaluations, floors) = matcher.evaluate(&searcher, &compiled, request).expect("evaluated");
                    assert!(all_wanted(&evaluations, request));
                    let whole = written(&merged(&evaluations, request, musts));
                    let passed = written(&passed_and_merged(&evaluations, floors, request, &Tuning::SMALL, musts));
                    assert_eq!(whole, passed, "{}", compiled.plan.need_id);
                    (best, near) = (best + whole.2.len(), near + whole.3.len());
                }
            }
        }
        assert!(best >= 50 && near >= 50, "lists with something in them: {best} listed, {near} near misses");
    }
}
