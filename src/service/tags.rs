//! Tags: what a veileder knows about the candidates they follow that no CV holds — interests,
//! informal skills, work preferences.

use std::sync::Arc;

use serde::Deserialize;
use time::OffsetDateTime;

use super::access::Veileder;
use super::audit::{Action, Entry};
use super::profiles::check_id;
use super::{Service, ServiceError, blocking};
use crate::model::{Tag, TagKind};
use crate::store::{Edit, UpdateError};

/// Longest tag label.
const MAX_LABEL_CHARS: usize = 120;

/// A tag to add; who and when are filled in from the caller and the clock.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTag {
    /// As the veileder would say it, e.g. `interessert i bil og motor`.
    pub label: String,
    pub kind: TagKind,
}

/// What adding a tag did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagChange {
    Added,
    /// The candidate already had it.
    AlreadyThere,
}

/// Why a tag edit was refused.
#[derive(Debug, thiserror::Error)]
enum Refusal {
    #[error("a veileder tags only the candidates they follow")]
    NotFollowed,
    #[error("the candidate has no tag \"{0}\"")]
    NoSuchTag(String),
}

impl Service {
    /// Adds `new` to `id`'s tags (the veileder's own candidates only), durably, audit-logged.
    pub async fn add_tag(
        self: &Arc<Self>,
        veileder: &Veileder,
        id: &str,
        new: NewTag,
    ) -> Result<(TagChange, Tag), ServiceError> {
        check_id(id)?;
        let label = self.check_label(&new.label)?;
        let tag = Tag { label: label.clone(), kind: new.kind, by: veileder.ident.clone(), at: now() };
        let (service, ident, target) = (self.clone(), veileder.ident.clone(), id.to_string());
        let result = blocking(move || {
            service.store.update(&target, |candidate| {
                if candidate.veileder.as_deref() != Some(ident.as_str()) {
                    return Err(Refusal::NotFollowed);
                }
                let same = |t: &Tag| t.kind == tag.kind && t.label.trim().eq_ignore_ascii_case(tag.label.trim());
                if let Some(existing) = candidate.tags.iter().find(|t| same(t)) {
                    return Ok(Edit::Unchanged((TagChange::AlreadyThere, existing.clone())));
                }
                candidate.tags.push(tag.clone());
                Ok(Edit::Changed((TagChange::Added, tag)))
            })
        })
        .await?;
        self.settle(veileder, Action::TagAdd, id, &label, result)
    }

    /// Removes the tag labelled `label` (any case) from `id`, durably, audit-logged.
    pub async fn remove_tag(self: &Arc<Self>, veileder: &Veileder, id: &str, label: &str) -> Result<(), ServiceError> {
        check_id(id)?;
        use unicode_normalization::UnicodeNormalization;
        let wanted: String = label.trim().nfc().collect();
        let (service, ident, target) = (self.clone(), veileder.ident.clone(), id.to_string());
        let result = blocking(move || {
            service.store.update(&target, |candidate| {
                if candidate.veileder.as_deref() != Some(ident.as_str()) {
                    return Err(Refusal::NotFollowed);
                }
                let before = candidate.tags.len();
                candidate.tags.retain(|t| !t.label.trim().nfc().collect::<String>().eq_ignore_ascii_case(&wanted));
                if candidate.tags.len() == before {
                    return Err(Refusal::NoSuchTag(wanted.clone()));
                }
                Ok(Edit::Changed(()))
            })
        })
        .await?;
        self.settle(veileder, Action::TagRemove, id, label, result)
    }

    /// Audits the outcome of a tag edit and turns refusals into errors.
    fn settle<T>(
        &self,
        veileder: &Veileder,
        action: Action,
        id: &str,
        label: &str,
        result: Result<T, UpdateError<Refusal>>,
    ) -> Result<T, ServiceError> {
        match result {
            Ok(value) => {
                self.audit.record(&Entry::permit(veileder, action).candidate(id).tag(label))?;
                Ok(value)
            }
            Err(UpdateError::Edit(refusal @ Refusal::NotFollowed)) => {
                let entry = Entry::deny(Some(veileder), action, refusal.to_string()).candidate(id).tag(label);
                self.audit.record(&entry)?;
                Err(ServiceError::Forbidden(refusal.to_string()))
            }
            Err(UpdateError::Edit(refusal @ Refusal::NoSuchTag(_))) => Err(ServiceError::NotFound(refusal.to_string())),
            Err(UpdateError::Store(error)) => Err(error.into()),
        }
    }

    /// A label must hold words, no control characters, nothing shaped like a national id number.
    fn check_label(&self, label: &str) -> Result<String, ServiceError> {
        use unicode_normalization::UnicodeNormalization;
        // One way to write what looks the same: `e` + combining acute and `é` are one label.
        let normalised: String = label.trim().nfc().collect();
        let label = normalised.as_str();
        let bad = |detail: &str| Err(ServiceError::Invalid(format!("label: {detail}")));
        if let Some(c) = label.chars().find(|&c| invisible_or_bidi(c)) {
            return bad(&format!(
                "contains the invisible or direction-changing character U+{:04X}, which would make two labels that look the same differ, or text display out of order",
                c as u32
            ));
        }
        if label.is_empty() {
            return bad("is empty");
        }
        if label.chars().count() > MAX_LABEL_CHARS {
            return bad(&format!("is longer than {MAX_LABEL_CHARS} characters"));
        }
        if let Some(c) = label.chars().find(|c| c.is_control()) {
            return bad(&format!("contains the control character U+{:04X}", c as u32));
        }
        if crate::model::looks_like_national_id(label) {
            return bad("looks like it holds a national identity number");
        }
        if self.taxonomy().analyzer().stems(label).is_empty() {
            return bad("has no words");
        }
        Ok(label.to_string())
    }
}

/// Characters that change nothing a reader sees, or the direction text is shown in: zero-width
/// spaces and joiners, direction marks, embeddings, overrides and isolates, the byte order mark
/// and the soft hyphen.
fn invisible_or_bidi(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}
