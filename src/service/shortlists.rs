//! Shortlists and drafts: the advisor's use cases.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use time::OffsetDateTime;

use super::access::Advisor;
use super::audit::{Action, Entry};
use super::{Service, ServiceError};
use crate::draft::{compare, draft_need};
use crate::index::CandidateIndex;
use crate::matching::Matcher;
use crate::model::{Draft, JobNeed, Shortlist};

impl Service {
    /// The shortlist for `need`, audit-logged with its criteria and the ids it returned. A need
    /// with answers and no criteria is drafted from the answers first, and the draft comes back
    /// beside the shortlist.
    pub async fn shortlist(self: &Arc<Self>, advisor: &Advisor, mut need: JobNeed) -> Result<Shortlist, ServiceError> {
        need.validate()?;
        let mut drafted = None;
        if need.criteria.is_empty() && !need.answers.is_blank() {
            let draft = self.draft_off_runtime(need.clone()).await?;
            draft.need.validate()?;
            need = draft.need.clone();
            drafted = Some(Box::new(draft));
        }
        // Criteria written by hand beside the answers: what the answers require that the
        // criteria lack is told, not added (the advisor may have left it out on purpose).
        let compared = drafted.is_none() && !need.answers.is_blank();
        let criteria: Vec<String> = need.criteria.iter().map(|c| c.label()).collect();
        let need_id = need.id.clone();
        // What the advisor has checked is left out after the warnings are kept, so that marking
        // one drafts nothing again.
        let checked = need.checked.clone();
        let service = self.clone();
        let (mut shortlist, lacking) = self
            .on_cpu(move || {
                let index = service.store.index();
                let lacking = if compared { kept_lacking(index, &need) } else { Arc::default() };
                Matcher::new(index).shortlist(&need).map(|shortlist| (shortlist, lacking))
            })
            .await??;
        shortlist.warnings.extend(drafted.as_ref().and_then(|draft| draft.warning()));
        shortlist.unchecked = compare::unchecked(&lacking, &checked, self.taxonomy());
        shortlist.warnings.extend(shortlist.unchecked.iter().map(|named| compare::warning(named)));
        shortlist.drafted = drafted;

        let mut entry = Entry::permit(advisor, Action::Shortlist);
        entry.need_id = Some(need_id);
        entry.criteria = Some(criteria);
        let near_misses = shortlist.near_misses.iter().map(|m| m.id.clone());
        entry.returned = Some(shortlist.candidates.iter().map(|c| c.id.clone()).chain(near_misses).collect());
        self.audit.record(&entry)?;
        Ok(shortlist)
    }

    /// The draft of `need`'s three answers, for the advisor to review.
    pub async fn draft(self: &Arc<Self>, advisor: &Advisor, need: &JobNeed) -> Result<Draft, ServiceError> {
        need.validate()?;
        if need.answers.is_blank() {
            return Err(ServiceError::Invalid("answers: all three answers are empty; nothing to draft".into()));
        }
        let draft = self.draft_off_runtime(need.clone()).await?;
        let mut entry = Entry::permit(advisor, Action::Draft);
        entry.need_id = Some(need.id.clone());
        self.audit.record(&entry)?;
        Ok(draft)
    }
}

/// What [`compare::lacking`] found for a need, and the answers and criteria it was found for
/// (keys are hashes; a hit is checked against it).
struct KeptLacking {
    asked: String,
    warnings: Arc<Vec<String>>,
}

/// What the answers of `need` require that its criteria lack, kept beside the index's plans: a
/// saved need is shortlisted again and again, and its answers are drafted once.
fn kept_lacking(index: &CandidateIndex, need: &JobNeed) -> Arc<Vec<String>> {
    let asked = serde_json::to_string(&(&need.answers, &need.criteria)).unwrap_or_default();
    let mut hasher = rustc_hash::FxHasher::default();
    ("lacking", &asked).hash(&mut hasher);
    let key = hasher.finish();
    if let Some(kept) = index.derived().get::<KeptLacking>(key).filter(|kept| kept.asked == asked) {
        return kept.warnings.clone();
    }
    let warnings = Arc::new(compare::lacking(need, index.taxonomy(), OffsetDateTime::now_utc().date()));
    index.derived().keep(key, Arc::new(KeptLacking { asked, warnings: warnings.clone() }));
    warnings
}

impl Service {
    /// Drafting is CPU work on long answers: done on rayon, never on a request thread.
    async fn draft_off_runtime(self: &Arc<Self>, need: JobNeed) -> Result<Draft, ServiceError> {
        let service = self.clone();
        self.on_cpu(move || draft_need(&need, service.taxonomy(), OffsetDateTime::now_utc().date())).await
    }
}
