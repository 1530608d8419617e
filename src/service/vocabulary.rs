//! Typeahead for criteria and tags: names from the vocabulary first, then what profiles and tags
//! in the index actually say, most common first.

use std::sync::Arc;

use serde::Serialize;

use super::caller::Caller;
use super::{Service, ServiceError, blocking};
use crate::taxonomy::ConceptKind;

/// Longest prefix looked up.
const MAX_PREFIX_CHARS: usize = 50;
/// Most suggestions from each source.
pub const MAX_SUGGESTIONS: usize = 50;

/// Where a suggestion comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionSource {
    /// A known concept's name.
    Vocabulary,
    /// Written in profiles or tags.
    Index,
}

/// One suggestion.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Suggestion {
    pub text: String,
    pub source: SuggestionSource,
    /// For vocabulary suggestions: what the concept is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ConceptKind>,
    /// For index suggestions: how many profiles hold it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

impl Service {
    /// Up to `limit` suggestions from each source for words starting with `prefix` (case does
    /// not matter): vocabulary terms, and phrases of profiles and tags that at least
    /// [`Service::typeahead_min_holders`] visible candidates hold, so that no suggestion is
    /// about one person. Any signed-in caller.
    pub async fn suggest(
        self: &Arc<Self>,
        _caller: &Caller,
        prefix: &str,
        limit: usize,
    ) -> Result<Vec<Suggestion>, ServiceError> {
        // Length and control characters as sent (as the OpenAPI document states them), not as
        // trimmed: trimming drops leading spaces and tabs alike.
        if prefix.chars().any(char::is_control) {
            return Err(ServiceError::Invalid("prefix contains a control character".into()));
        }
        let too_long = prefix.chars().count() > MAX_PREFIX_CHARS;
        let prefix = prefix.trim().to_lowercase();
        if prefix.is_empty() || too_long {
            return Err(ServiceError::Invalid(format!("prefix must be 1–{MAX_PREFIX_CHARS} characters")));
        }
        if !(1..=MAX_SUGGESTIONS).contains(&limit) {
            return Err(ServiceError::Invalid(format!("limit must be within 1–{MAX_SUGGESTIONS}")));
        }
        let service = self.clone();
        blocking(move || {
            let index = service.store.index();
            let mut suggestions: Vec<Suggestion> = index
                .taxonomy()
                .labels_with_prefix(&prefix)
                .into_iter()
                .take(limit)
                .map(|(text, kind)| Suggestion {
                    text: text.to_string(),
                    source: SuggestionSource::Vocabulary,
                    kind: Some(kind),
                    count: None,
                })
                .collect();
            let phrases = index
                .phrases_with_prefix(&prefix, limit, service.typeahead_min_holders)
                .map_err(ServiceError::internal)?;
            for (text, count) in phrases {
                if !suggestions.iter().any(|s| s.text.eq_ignore_ascii_case(&text)) {
                    suggestions.push(Suggestion {
                        text,
                        source: SuggestionSource::Index,
                        kind: None,
                        count: Some(count),
                    });
                }
            }
            Ok(suggestions)
        })
        .await?
    }
}
