//! Role extractors: a handler names the role it needs in its signature ([`AsAdvisor`],
//! [`AsVeileder`], [`AsAdmin`], or [`AnyCaller`]), and the extractor authenticates the caller and
//! asks the service for that role before any body is read. A refusal is audit-logged under the
//! action its route declares ([`Audited`]), with the candidate the path names.

use std::sync::Arc;

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;

use super::error::ApiError;
use crate::service::session::session_in_cookies;
use crate::service::{Action, Admin, Advisor, Caller, Credential, Service, Veileder};

/// The action a route performs, set on the route when the router is built and read by the
/// extractors: the audit log names what was refused from the route that matched.
#[derive(Debug, Clone, Copy)]
pub struct Audited(pub Action);

/// Any authenticated caller.
pub struct AnyCaller(pub Caller);

/// A rekrutteringsrådgiver.
pub struct AsAdvisor(pub Advisor);

/// A veileder.
pub struct AsVeileder(pub Veileder);

/// An administrator.
pub struct AsAdmin(pub Admin);

/// The route's action and the caller its credentials name.
fn authenticate(parts: &Parts, service: &Service) -> Result<(Action, Caller), ApiError> {
    // Every API route declares its action; a route that forgot would fail here, loudly, in tests.
    let Some(Audited(action)) = parts.extensions.get::<Audited>().copied() else {
        return Err(ApiError::Internal("a route without an audited action".into()));
    };
    let header = parts.headers.get(AUTHORIZATION).map(|value| value.to_str().unwrap_or_default());
    let cookies = parts.headers.get_all(COOKIE).iter().filter_map(|value| value.to_str().ok());
    let credential = match header {
        Some(value) => match value.strip_prefix("Bearer ").map(str::trim) {
            Some(token) => Credential::Bearer(token),
            None => Credential::Malformed,
        },
        // The web pages' script calls the API with the session cookie the sign-in page set.
        None => session_in_cookies(cookies).map_or(Credential::Missing, Credential::Session),
    };
    Ok((action, service.authenticate(credential, action)?))
}

/// The candidate the request's path names, if any, for the audit line of a refusal.
async fn candidate_in_path(parts: &mut Parts, service: &Arc<Service>) -> Option<String> {
    let params = RawPathParams::from_request_parts(parts, service).await.ok()?;
    params.iter().find(|(name, _)| *name == "id").map(|(_, value)| value.to_string())
}

impl FromRequestParts<Arc<Service>> for AnyCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, service: &Arc<Service>) -> Result<Self, ApiError> {
        Ok(AnyCaller(authenticate(parts, service)?.1))
    }
}

macro_rules! role_extractor {
    ($extractor:ident, $method:ident) => {
        impl FromRequestParts<Arc<Service>> for $extractor {
            type Rejection = ApiError;

            async fn from_request_parts(parts: &mut Parts, service: &Arc<Service>) -> Result<Self, ApiError> {
                let (action, caller) = authenticate(parts, service)?;
                let candidate = candidate_in_path(parts, service).await;
                Ok($extractor(service.$method(caller, action, candidate.as_deref())?))
            }
        }
    };
}
role_extractor!(AsAdvisor, advisor);
role_extractor!(AsVeileder, veileder);
role_extractor!(AsAdmin, admin);
