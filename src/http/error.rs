//! The API's one error type: every failure becomes a status and a JSON body
//! `{ "error": …, "detail": … }`. Client mistakes (4xx) say what is wrong; server failures (5xx)
//! are logged and reveal nothing.

use axum::Json;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::matching::MatchError;
use crate::model::NeedError;
use crate::store::StoreError;

/// A failed request.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400: the request is malformed or names something impossible.
    #[error("{0}")]
    BadRequest(String),
    /// 401: no token, or a token we do not know.
    #[error("{0}")]
    Unauthorized(&'static str),
    /// 403: the caller's role or portfolio does not allow this.
    #[error("{0}")]
    Forbidden(String),
    /// 404: no such candidate, tag or route.
    #[error("{0}")]
    NotFound(String),
    /// 405: the route exists, the method does not.
    #[error("method not allowed on this route")]
    MethodNotAllowed,
    /// 413: the body is over the limit.
    #[error("the request body is larger than {0} bytes")]
    PayloadTooLarge(usize),
    /// 503: the index cannot take writes or answer right now.
    #[error("{0}")]
    Unavailable(String),
    /// 500: our fault; the detail is logged, not returned.
    #[error("internal error")]
    Internal(String),
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// A stable code: `bad_request`, `unauthorized`, `forbidden`, `not_found`,
    /// `method_not_allowed`, `payload_too_large`, `unavailable`, `internal`.
    pub error: &'static str,
    /// What was wrong, for people.
    pub detail: String,
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "bad_request",
            ApiError::Unauthorized(_) => "unauthorized",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::NotFound(_) => "not_found",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::PayloadTooLarge(_) => "payload_too_large",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Internal(_) => "internal",
        }
    }

    /// Maps a body that could not be read (too large, aborted) to the right status.
    pub fn from_body(rejection: BytesRejection, limit: usize) -> Self {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge(limit)
        } else {
            ApiError::BadRequest(format!("cannot read the request body: {}", rejection.body_text()))
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let detail = match &self {
            ApiError::Internal(detail) => {
                tracing::error!(%detail, "request failed");
                "internal error".to_string()
            }
            ApiError::Unavailable(detail) => {
                tracing::warn!(%detail, "service unavailable");
                detail.clone()
            }
            other => other.to_string(),
        };
        let mut response = (self.status(), Json(ErrorBody { error: self.code(), detail })).into_response();
        if matches!(self, ApiError::Unauthorized(_)) {
            response.headers_mut().insert("www-authenticate", axum::http::HeaderValue::from_static("Bearer"));
        }
        response
    }
}

impl From<NeedError> for ApiError {
    fn from(error: NeedError) -> Self {
        ApiError::BadRequest(error.to_string())
    }
}

impl From<MatchError> for ApiError {
    fn from(error: MatchError) -> Self {
        match error {
            MatchError::Criterion { .. } => ApiError::BadRequest(error.to_string()),
            MatchError::Index(error) => ApiError::Internal(error.to_string()),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound(id) => ApiError::NotFound(format!("candidate {id} does not exist")),
            // A failed write changed nothing; the caller may retry.
            StoreError::Wal(error) => ApiError::Unavailable(format!("the change was not saved: {error}")),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

/// Parses a JSON body with the path of the offending value in the error, e.g.
/// `criteria[1].min_level: unknown language level "B7" …`.
pub fn parse_json<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let deserializer = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        let broken = matches!(inner.classify(), serde_json::error::Category::Syntax | serde_json::error::Category::Eof);
        ApiError::BadRequest(if broken || path == "." {
            format!("invalid JSON: {inner}")
        } else {
            format!("{path}: {inner}")
        })
    })
}
