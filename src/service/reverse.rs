//! The veileder's reverse view: which open job needs their candidate fits or nearly fits, what
//! single missing thing would open the most doors, which wishes a tag would lift them on, and
//! what a tag just written changed. Only the veileder's own candidates; only open needs; never
//! another candidate on a need's list. An advisor learns through this door only that one of the
//! candidates now qualifies for their need (id and score), never their adaptation needs.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::Serialize;
use time::OffsetDateTime;

use super::access::{Advisor, Veileder};
use super::arrivals::NewlyQualified;
use super::audit::{Action, Entry};
use super::{Service, ServiceError, blocking};
use crate::followup::{Ledger, NeedState};
use crate::matching::reverse::{Standings, standings};
use crate::model::{AdaptationNote, Candidate, CriterionKind, CriterionOutcome, Gap, Importance, JobNeed};

/// The most of a caseload looked at in one go.
pub const MAX_CASELOAD: usize = 2_000;

/// An open need as the veileder sees it: what, for whom, where — never who else is on its list.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct OpenNeed {
    pub need: String,
    pub title: String,
    pub employer: String,
    pub kontor: String,
}

/// An open need the candidate meets every must-have of, with the advisor's explanation.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct NeedFit {
    #[serde(flatten)]
    pub need: OpenNeed,
    /// 0–1, as on the advisor's shortlist.
    pub score: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f32>,
    pub criteria: Vec<CriterionOutcome>,
    /// What the employer would adapt (the veileder's own candidate: they know why).
    pub adaptations: Vec<AdaptationNote>,
}

/// An open need the candidate fails by one must-have whose gap could be closed.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct NeedNearFit {
    #[serde(flatten)]
    pub need: OpenNeed,
    /// The score as if the failed must-have were dropped.
    pub score: f32,
    pub failed: String,
    pub gap: Gap,
    /// The gap in words: `norsk B1, krav B2`, `mangler truckførerbevis T1`.
    pub shortfall: String,
}

/// One missing thing and the open needs it alone keeps the candidate out of.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Door {
    /// The must-have, as the API labels criteria (`certificate førerkort B`).
    pub criterion: String,
    /// How many more open needs the candidate would qualify for with it.
    pub needs: usize,
    pub need_ids: Vec<String>,
}

/// A wish the candidate does not meet in needs they already fit, which a tag could show they do.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct WishToTag {
    pub criterion: String,
    pub kind: CriterionKind,
    /// In how many of the needs they fit it is an unmet wish.
    pub needs: usize,
}

/// The open needs for one candidate.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CandidateNeeds {
    pub candidate: String,
    /// Open needs looked at.
    pub open_needs: usize,
    /// Best first.
    pub fits: Vec<NeedFit>,
    /// Narrow gaps first, then by score.
    pub near: Vec<NeedNearFit>,
    /// The missing things that would open the most needs, most first.
    pub doors: Vec<Door>,
    pub wishes_to_tag: Vec<WishToTag>,
}

/// One candidate of a caseload: their best needs and how many they nearly fit.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CaseloadRow {
    pub candidate: String,
    pub fits: usize,
    pub near: usize,
    /// Up to three best needs, with scores.
    pub best: Vec<BestNeed>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct BestNeed {
    #[serde(flatten)]
    pub need: OpenNeed,
    pub score: f32,
}

/// A veileder's caseload against the open needs.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Caseload {
    pub open_needs: usize,
    /// How many candidates the veileder follows; more than [`MAX_CASELOAD`] are not looked at
    /// in one go (the first of them by id are).
    pub followed: usize,
    /// Candidates who fit at least one open need, most needs first.
    pub candidates: Vec<CaseloadRow>,
    /// Candidates who fit no open need (some may nearly fit one: see `near`).
    pub fits_nothing: Vec<CaseloadRow>,
}

/// One open need a tag change moved the candidate on.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct NeedMove {
    #[serde(flatten)]
    pub need: OpenNeed,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<f32>,
}

/// What a tag change did to the candidate's place among the open needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TagEffect {
    /// Needs they now fit and did not.
    pub entered: Vec<NeedMove>,
    /// Needs they fitted and no longer do.
    pub left: Vec<NeedMove>,
    pub up: Vec<NeedMove>,
    pub down: Vec<NeedMove>,
}

impl TagEffect {
    pub fn is_empty(&self) -> bool {
        self.entered.is_empty() && self.left.is_empty() && self.up.is_empty() && self.down.is_empty()
    }
}

impl Service {
    /// The open needs, each with its need and how the veileder sees it.
    fn open_needs(&self) -> Result<Vec<(OpenNeed, JobNeed)>, ServiceError> {
        Ok(self.follow_ups.as_ref().map(|follow_ups| follow_ups.read(open_needs)).unwrap_or_default())
    }

    /// `candidates` against every open need, off the async runtime.
    async fn stand(
        self: &Arc<Self>,
        candidates: Vec<Candidate>,
    ) -> Result<(HashMap<String, OpenNeed>, Vec<Standings>), ServiceError> {
        let open = self.open_needs()?;
        if open.is_empty() {
            let standings = candidates.iter().map(|c| Standings { candidate: c.id.clone(), ..Default::default() });
            return Ok((HashMap::new(), standings.collect()));
        }
        let service = self.clone();
        let found = self
            .on_cpu(move || {
                let needs: Vec<(String, JobNeed)> =
                    open.iter().map(|(o, need)| (o.need.clone(), need.clone())).collect();
                let index = service.store.index();
                let plans = service.open_plans.plans(&needs, index)?;
                let standings = standings(index, &plans, &candidates)?;
                let open: HashMap<String, OpenNeed> = open.into_iter().map(|(o, _)| (o.need.clone(), o)).collect();
                Ok::<_, crate::matching::MatchError>((open, standings))
            })
            .await??;
        Ok(found)
    }

    /// The veileder's own candidate `id`, or a refusal (audit-logged) for anyone else's.
    async fn own_candidate(
        self: &Arc<Self>,
        veileder: &Veileder,
        id: &str,
        action: Action,
    ) -> Result<Candidate, ServiceError> {
        super::profiles::check_id(id)?;
        let (service, lookup) = (self.clone(), id.to_string());
        let profile = blocking(move || service.store.candidate(&lookup)).await??;
        match profile {
            Some(profile) if profile.veileder.as_deref() == Some(veileder.ident.as_str()) => Ok(profile),
            _ => {
                let reason = "a veileder sees open needs only for the candidates they follow";
                self.refuse(veileder, action, Some(id), reason)?;
                Err(ServiceError::Forbidden(reason.into()))
            }
        }
    }

    /// Which open needs the veileder's candidate `id` fits, nearly fits, and what would open
    /// more of them.
    pub async fn needs_for_candidate(
        self: &Arc<Self>,
        veileder: &Veileder,
        id: &str,
    ) -> Result<CandidateNeeds, ServiceError> {
        let profile = self.own_candidate(veileder, id, Action::ReverseMatch).await?;
        let (open, mut found) = self.stand(vec![profile]).await?;
        let standing = found.pop().unwrap_or_default();
        let result = candidate_needs(&open, standing, id);
        let mut entry = Entry::permit(veileder, Action::ReverseMatch).candidate(id);
        entry.returned = Some(result.fits.iter().map(|f| f.need.need.clone()).collect());
        self.audit.record(&entry)?;
        Ok(result)
    }

    /// The veileder's caseload against the open needs: each candidate's best needs, and who fits
    /// nothing open.
    pub async fn caseload(self: &Arc<Self>, veileder: &Veileder) -> Result<Caseload, ServiceError> {
        let (service, ident) = (self.clone(), veileder.ident.clone());
        let (followed, profiles) = blocking(move || service.store.index().followed_by(&ident, 0, MAX_CASELOAD))
            .await?
            .map_err(crate::store::StoreError::from)?;
        let ids: Vec<String> = profiles.iter().map(|c| c.id.clone()).collect();
        let (open, found) = self.stand(profiles).await?;
        let caseload = caseload_of(&open, found, followed);
        let mut entry = Entry::permit(veileder, Action::ReverseMatch);
        entry.returned = Some(ids);
        self.audit.record(&entry)?;
        Ok(caseload)
    }

    /// What changing the veileder's candidate from `before` to how they stand now did among the
    /// open needs; the needs they entered are remembered for their owners.
    async fn tag_effect(self: &Arc<Self>, veileder: &Veileder, before: Candidate) -> Result<TagEffect, ServiceError> {
        let id = before.id.clone();
        let after = self.own_candidate(veileder, &id, Action::ReverseMatch).await?;
        let (_, mut before) = self.stand(vec![before]).await?;
        let (open, mut after) = self.stand(vec![after]).await?;
        let (before, after) = (before.pop().unwrap_or_default(), after.pop().unwrap_or_default());
        let effect = effect_of(&open, &before, &after);
        let entered = effect.entered.iter().map(|moved| (moved.need.need.clone(), moved.after.unwrap_or(0.0)));
        let left = effect.left.iter().map(|moved| moved.need.need.clone());
        if let Err(error) = self.arrivals.record(&id, entered, left, OffsetDateTime::now_utc()) {
            // The tag is saved and its effect shown; only the needs' owners will not hear of it.
            tracing::warn!(%error, "a tag's arrivals on open needs could not be kept");
        }
        if open.is_empty() {
            return Ok(effect); // no need was looked at
        }
        let mut entry = Entry::permit(veileder, Action::ReverseMatch).candidate(&id);
        entry.returned = Some(effect.entered.iter().chain(&effect.left).map(|m| m.need.need.clone()).collect());
        self.audit.record(&entry)?;
        Ok(effect)
    }

    /// Adds a tag as [`Service::add_tag`] does, and says what it changed among the open needs
    /// (`None` when that could not be worked out: the tag is saved all the same).
    pub async fn add_tag_showing_effect(
        self: &Arc<Self>,
        veileder: &Veileder,
        id: &str,
        new: super::NewTag,
    ) -> Result<(super::TagChange, crate::model::Tag, Option<TagEffect>), ServiceError> {
        // No read and no matching when nothing is open: nothing open can change.
        let before = if self.has_open_needs() { self.profile_if_followed(veileder, id).await } else { None };
        let (change, tag) = self.add_tag(veileder, id, new).await?;
        let effect = match before {
            Some(before) if change == super::TagChange::Added => self.effect_or_none(veileder, before).await,
            _ => Some(TagEffect::default()),
        };
        Ok((change, tag, effect))
    }

    /// Removes a tag as [`Service::remove_tag`] does, and says what it changed.
    pub async fn remove_tag_showing_effect(
        self: &Arc<Self>,
        veileder: &Veileder,
        id: &str,
        label: &str,
    ) -> Result<Option<TagEffect>, ServiceError> {
        let open = self.has_open_needs();
        let before = if open { self.profile_if_followed(veileder, id).await } else { None };
        self.remove_tag(veileder, id, label).await?;
        Ok(match before {
            Some(before) => self.effect_or_none(veileder, before).await,
            None if !open => Some(TagEffect::default()),
            None => None,
        })
    }

    /// Whether any need is open (without copying them, as [`Service::open_needs`] does).
    fn has_open_needs(&self) -> bool {
        let any_open = |ledger: &Ledger| ledger.needs().any(|view| view.state == NeedState::Open);
        self.follow_ups.as_ref().is_some_and(|follow_ups| follow_ups.read(any_open))
    }

    /// The profile of one of the veileder's own candidates, or nothing (the tag edit that
    /// follows refuses anyone else's, and logs it).
    async fn profile_if_followed(self: &Arc<Self>, veileder: &Veileder, id: &str) -> Option<Candidate> {
        super::profiles::check_id(id).ok()?;
        let (service, lookup) = (self.clone(), id.to_string());
        let profile = blocking(move || service.store.candidate(&lookup)).await.ok()?.ok()??;
        (profile.veileder.as_deref() == Some(veileder.ident.as_str())).then_some(profile)
    }

    async fn effect_or_none(self: &Arc<Self>, veileder: &Veileder, before: Candidate) -> Option<TagEffect> {
        match self.tag_effect(veileder, before).await {
            Ok(effect) => Some(effect),
            Err(error) => {
                tracing::warn!(error = %error, "a tag was saved; its effect on open needs was not worked out");
                None
            }
        }
    }

    /// Candidates who came to qualify for `need` through a veileder's tag since `advisor` last
    /// asked (the need's owner only): their id, score and when — nothing else about them.
    pub fn newly_qualified(&self, advisor: &Advisor, need: &str) -> Result<Vec<NewlyQualified>, ServiceError> {
        let owner = self
            .follow_ups()?
            .read(|ledger| ledger.need(need).map(|view| view.owner.clone()))
            .ok_or_else(|| ServiceError::NotFound(format!("no job need {need}")))?;
        if advisor.ident != owner {
            let reason = "only the need's owner sees who newly qualifies for it";
            self.refuse(advisor, Action::ReadNeed, None, reason)?;
            return Err(ServiceError::Forbidden(reason.into()));
        }
        let arrivals = self
            .arrivals
            .since_last_look(&advisor.ident, need, OffsetDateTime::now_utc())
            .map_err(|error| ServiceError::Unavailable(error.to_string()))?;
        if arrivals.is_empty() {
            return Ok(arrivals); // nobody's id was shown: the need's own read is audited already
        }
        let mut entry = Entry::permit(advisor, Action::ReadNeed);
        entry.need_id = Some(need.to_string());
        entry.returned = Some(arrivals.iter().map(|a| a.candidate.clone()).collect());
        self.audit.record(&entry)?;
        Ok(arrivals)
    }

    /// Forgets an erased candidate's arrivals, on disk too.
    pub(super) fn forget_arrivals(&self, candidate: &str) -> Result<(), ServiceError> {
        self.arrivals.forget(candidate).map_err(|error| ServiceError::Unavailable(error.to_string()))
    }
}

/// The open needs in `ledger`, each as the veileder sees it and as it is matched.
pub fn open_needs(ledger: &Ledger) -> Vec<(OpenNeed, JobNeed)> {
    ledger
        .needs()
        .filter(|view| view.state == NeedState::Open)
        .map(|view| {
            let need = OpenNeed {
                need: view.id.clone(),
                title: view.saved.need.title.clone(),
                employer: view.saved.employer.clone(),
                kontor: view.saved.kontor.clone(),
            };
            (need, view.saved.need.clone())
        })
        .collect()
}

/// A caseload's standings (of some of the `followed` candidates): each candidate's three best
/// needs, those who fit nothing open apart.
pub fn caseload_of(open: &HashMap<String, OpenNeed>, found: Vec<Standings>, followed: usize) -> Caseload {
    let mut caseload = Caseload { open_needs: open.len(), followed, candidates: Vec::new(), fits_nothing: Vec::new() };
    for standing in found {
        let best = standing
            .fits
            .iter()
            .take(3)
            .filter_map(|(need, entry)| open.get(need).map(|o| BestNeed { need: o.clone(), score: entry.score }))
            .collect();
        let row =
            CaseloadRow { candidate: standing.candidate, fits: standing.fits.len(), near: standing.near.len(), best };
        if row.fits == 0 { caseload.fits_nothing.push(row) } else { caseload.candidates.push(row) }
    }
    caseload.candidates.sort_by(|a, b| b.fits.cmp(&a.fits).then_with(|| a.candidate.cmp(&b.candidate)));
    caseload.fits_nothing.sort_by(|a, b| b.near.cmp(&a.near).then_with(|| a.candidate.cmp(&b.candidate)));
    caseload
}

/// One candidate's standings as the veileder sees them: fits, near fits, doors, wishes to tag.
pub fn candidate_needs(open: &HashMap<String, OpenNeed>, standing: Standings, id: &str) -> CandidateNeeds {
    let fits: Vec<NeedFit> = standing
        .fits
        .into_iter()
        .filter_map(|(need, entry)| {
            Some(NeedFit {
                need: open.get(&need)?.clone(),
                score: entry.score,
                distance_km: entry.distance_km,
                criteria: entry.criteria,
                adaptations: entry.adaptations,
            })
        })
        .collect();
    let near = standing
        .near
        .into_iter()
        .filter_map(|(need, miss)| {
            Some(NeedNearFit {
                need: open.get(&need)?.clone(),
                score: miss.score,
                failed: miss.failed,
                gap: miss.gap,
                shortfall: miss.shortfall,
            })
        })
        .collect();
    let mut doors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (need, criterion) in standing.only_failed {
        // A need's implied demands follow from the candidate's adaptation needs: not a thing to
        // acquire, and not for this view.
        if criterion.starts_with(CriterionKind::Demand.name()) {
            continue;
        }
        doors.entry(criterion).or_default().push(need);
    }
    let mut doors: Vec<Door> =
        doors.into_iter().map(|(criterion, need_ids)| Door { criterion, needs: need_ids.len(), need_ids }).collect();
    doors.sort_by(|a, b| b.needs.cmp(&a.needs).then_with(|| a.criterion.cmp(&b.criterion)));
    let mut wishes: BTreeMap<String, (CriterionKind, usize)> = BTreeMap::new();
    for fit in &fits {
        for outcome in &fit.criteria {
            let taggable =
                matches!(outcome.kind, CriterionKind::Interest | CriterionKind::Skill | CriterionKind::Quality);
            if outcome.importance == Importance::Adjustable && !outcome.matched && taggable {
                wishes.entry(outcome.criterion.clone()).or_insert((outcome.kind, 0)).1 += 1;
            }
        }
    }
    let mut wishes_to_tag: Vec<WishToTag> =
        wishes.into_iter().map(|(criterion, (kind, needs))| WishToTag { criterion, kind, needs }).collect();
    wishes_to_tag.sort_by(|a, b| b.needs.cmp(&a.needs).then_with(|| a.criterion.cmp(&b.criterion)));
    CandidateNeeds { candidate: id.to_string(), open_needs: open.len(), fits, near, doors, wishes_to_tag }
}

/// The needs entered, left, and moved on between two standings of one candidate.
fn effect_of(open: &HashMap<String, OpenNeed>, before: &Standings, after: &Standings) -> TagEffect {
    let scores =
        |s: &Standings| -> BTreeMap<String, f32> { s.fits.iter().map(|(n, e)| (n.clone(), e.score)).collect() };
    let (before, after) = (scores(before), scores(after));
    let mut effect = TagEffect::default();
    let needs: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    for need in needs {
        let Some(open_need) = open.get(need) else { continue };
        let moved =
            NeedMove { need: open_need.clone(), before: before.get(need).copied(), after: after.get(need).copied() };
        match (moved.before, moved.after) {
            (None, Some(_)) => effect.entered.push(moved),
            (Some(_), None) => effect.left.push(moved),
            (Some(b), Some(a)) if a > b => effect.up.push(moved),
            (Some(b), Some(a)) if a < b => effect.down.push(moved),
            _ => {}
        }
    }
    effect
}
