//! "Relax this must-have": the need again, with one must-have turned into a wish. The candidates
//! who failed only that must-have now qualify — exactly the relaxation count the shortlist gave —
//! and those who meet it still rank higher for it.

use crate::model::{Criterion, CriterionKind, Importance, JobNeed};
use crate::taxonomy::Taxonomy;

use super::{MatchError, Plan};

/// `need` with the must-have labelled `label` (as in a shortlist's relaxations) made adjustable,
/// or `None` when the need has no must-have by that label.
pub fn relaxed(need: &JobNeed, label: &str, taxonomy: &Taxonomy) -> Result<Option<JobNeed>, MatchError> {
    let plan = Plan::compile(need, taxonomy)?;
    let Some(planned) = plan.criteria.iter().find(|c| c.label == label && c.importance == Importance::Must) else {
        return Ok(None);
    };
    if Plan::is_candidate_limit(planned) {
        return Ok(None);
    }
    let mut relaxed = need.clone();
    if !planned.implied {
        for criterion in relaxed.criteria.iter_mut().filter(|c| c.label() == label && c.importance == Importance::Must)
        {
            criterion.importance = Importance::Adjustable;
        }
        return Ok(Some(relaxed));
    }
    // Must-haves implied by the need's own fields are stated as explicit wishes instead, which
    // stops the field from implying them.
    let value = match planned.kind {
        CriterionKind::Extent => need.extent_percent.map(|percent| percent.to_string()),
        CriterionKind::Distance => need.max_distance_km.map(|km| km.to_string()),
        CriterionKind::StartDate => need.start_date.map(crate::model::format_date),
        CriterionKind::Demand => label.strip_prefix("demand ").map(str::to_string),
        _ => None,
    };
    let Some(value) = value else { return Ok(None) };
    relaxed.criteria.push(Criterion::wish(planned.kind, value, None));
    Ok(Some(relaxed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::Matcher;

    #[test]
    fn relaxing_a_must_have_adds_exactly_the_candidates_counted_for_it() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let candidates = crate::load::read_candidates(&dir.join("candidates.jsonl")).expect("fixtures");
        let index = crate::index::CandidateIndex::in_memory(Taxonomy::embedded().expect("taxonomy")).expect("index");
        index.replace_all(&candidates, &|_| {}).expect("build");
        let text = std::fs::read_to_string(dir.join("needs/lager.json")).expect("need");
        let need = JobNeed::from_json(&text).expect("valid");
        let shortlist = Matcher::new(&index).shortlist(&need).expect("shortlist");
        assert!(shortlist.relaxations.len() >= 3, "explicit and implied must-haves");
        for relaxation in &shortlist.relaxations {
            let relaxed = relaxed(&need, &relaxation.criterion, index.taxonomy())
                .expect("compiles")
                .unwrap_or_else(|| panic!("{} can be relaxed", relaxation.criterion));
            relaxed.validate().expect("still a valid need");
            let again = Matcher::new(&index).shortlist(&relaxed).expect("shortlist");
            assert_eq!(
                again.qualified,
                shortlist.qualified + relaxation.extra_candidates,
                "relaxing {}",
                relaxation.criterion
            );
            assert!(again.relaxations.iter().all(|r| r.criterion != relaxation.criterion), "no longer a must-have");
        }
        assert!(relaxed(&need, "no such criterion", index.taxonomy()).expect("compiles").is_none());
    }
}
