//! The API's one error type: every failure becomes a status and a JSON body
//! `{ "error": …, "detail": … }`. Client mistakes (4xx) say what is wrong; server failures (5xx)
//! are logged with their whole chain of causes and reveal nothing.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::service::ServiceError;

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
    /// 408: the body did not arrive in time.
    #[error("the request body did not arrive within {0} seconds")]
    RequestTimeout(u64),
    /// 413: the body is over the limit.
    #[error("the request body is larger than {0} bytes")]
    PayloadTooLarge(usize),
    /// 415: a body that is not declared as JSON.
    #[error("the request body must be JSON, sent as Content-Type: application/json")]
    UnsupportedMediaType,
    /// 503: this client holds more connections than it may; not logged, as it may come in floods.
    #[error("too many connections from your address; close some and try again")]
    TooManyConnections,
    /// 503: the index cannot take writes or answer right now.
    #[error("{0}")]
    Unavailable(String),
    /// 500: our fault; the cause is logged, not returned.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// A stable code: `bad_request`, `unauthorized`, `forbidden`, `not_found`,
    /// `method_not_allowed`, `request_timeout`, `payload_too_large`, `unsupported_media_type`, `too_many_connections`, `unavailable`,
    /// `internal`.
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
            ApiError::RequestTimeout(_) => StatusCode::REQUEST_TIMEOUT,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unavailable(_) | ApiError::TooManyConnections => StatusCode::SERVICE_UNAVAILABLE,
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
            ApiError::RequestTimeout(_) => "request_timeout",
            ApiError::PayloadTooLarge(_) => "payload_too_large",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::TooManyConnections => "too_many_connections",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Internal(_) => "internal",
        }
    }

    /// Maps a body that could not be read (too large, too slow, aborted) to the right status.
    pub fn from_body(rejection: BytesRejection, limit: usize) -> Self {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge(limit)
        } else if timed_out(&rejection) {
            ApiError::RequestTimeout(super::BODY_DEADLINE.as_secs())
        } else {
            ApiError::BadRequest(format!("cannot read the request body: {}", rejection.body_text()))
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let detail = match &self {
            ApiError::Internal(_) => {
                tracing::error!(error = %chain(&self), "request failed");
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

impl From<ServiceError> for ApiError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::Invalid(detail) => ApiError::BadRequest(detail),
            ServiceError::Unauthenticated(detail) => ApiError::Unauthorized(detail),
            ServiceError::Forbidden(detail) => ApiError::Forbidden(detail),
            ServiceError::NotFound(detail) => ApiError::NotFound(detail),
            ServiceError::Unavailable(detail) => ApiError::Unavailable(detail),
            internal @ ServiceError::Internal(_) => ApiError::Internal(Box::new(internal)),
        }
    }
}

/// Whether the body failed because it missed the body deadline.
fn timed_out(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(error);
    while let Some(error) = cause {
        if error.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        cause = error.source();
    }
    false
}

/// `error` and every cause under it, for the log.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Parses a request's JSON body, or says why it could not be read.
pub fn parse_body<T: serde::de::DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Result<T, ApiError> {
    let body = body.map_err(|rejection| ApiError::from_body(rejection, super::BODY_LIMIT))?;
    parse_json(&body)
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
