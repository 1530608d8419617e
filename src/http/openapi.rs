//! The OpenAPI document, derived from the handlers and types themselves.

use axum::Json;
use utoipa::Modify;
use utoipa::OpenApi;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};

use super::{candidates, followed, health, shortlists, tags, vocabulary};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "jobbmatch",
        description = "Ranked, explained shortlists for NAV recruitment advisors, and tags from veiledere. \
                       Roles come from bearer tokens: veileder, rekrutteringsrådgiver, admin."
    ),
    paths(
        shortlists::create,
        shortlists::draft,
        candidates::read,
        candidates::upsert,
        candidates::erase,
        tags::add,
        tags::remove,
        followed::list,
        vocabulary::suggest,
        health::health,
        health::metrics,
    ),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

/// `GET /openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
