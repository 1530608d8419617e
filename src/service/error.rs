//! Why a use case failed, in terms both doors map: the API to a status and a JSON body, the pages
//! to a page that says what to do.

use super::audit::AuditError;
use crate::matching::MatchError;
use crate::model::NeedError;
use crate::store::StoreError;

/// A failed use case.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The request is malformed or names something impossible (the caller's mistake).
    #[error("{0}")]
    Invalid(String),
    /// No credentials, or credentials nobody holds.
    #[error("{0}")]
    Unauthenticated(&'static str),
    /// The caller's role or portfolio does not allow this.
    #[error("{0}")]
    Forbidden(String),
    /// No such candidate or tag.
    #[error("{0}")]
    NotFound(String),
    /// A change was not saved, or the audit log cannot be written: nothing changed, try again.
    #[error("{0}")]
    Unavailable(String),
    /// Our fault; the source says what went wrong, for the log only.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl ServiceError {
    /// An internal failure with its cause kept.
    pub fn internal(error: impl std::error::Error + Send + Sync + 'static) -> ServiceError {
        ServiceError::Internal(Box::new(error))
    }
}

impl From<AuditError> for ServiceError {
    fn from(error: AuditError) -> Self {
        ServiceError::Unavailable(error.to_string())
    }
}

impl From<NeedError> for ServiceError {
    fn from(error: NeedError) -> Self {
        ServiceError::Invalid(error.to_string())
    }
}

impl From<MatchError> for ServiceError {
    fn from(error: MatchError) -> Self {
        match error {
            MatchError::Criterion { .. } => ServiceError::Invalid(error.to_string()),
            MatchError::Index(_) => ServiceError::internal(error),
        }
    }
}

impl From<StoreError> for ServiceError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound(id) => ServiceError::NotFound(format!("candidate {id} does not exist")),
            // A failed write changed nothing; the caller may retry.
            StoreError::Wal(error) => ServiceError::Unavailable(format!("the change was not saved: {error}")),
            other => ServiceError::internal(other),
        }
    }
}
