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
    modifiers(&BearerAuth, &ProfileViewSchema)
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

/// `GET /v1/candidates/{id}` answers `CandidateView`: the profile, where anyone but the
/// candidate's own veileder gets `adaptation_needed: true|false` in place of the needs (see
/// `ProfileView` in the service layer). Derived from `Candidate` so the two cannot drift.
struct ProfileViewSchema;

impl Modify for ProfileViewSchema {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
        use utoipa::openapi::{Ref, RefOr};
        let Some(components) = openapi.components.as_mut() else { return };
        let Some(RefOr::T(Schema::Object(mut view))) = components.schemas.get("Candidate").cloned() else { return };
        let needed = ObjectBuilder::new()
            .schema_type(Type::Boolean)
            .description(Some("Whether the candidate has adaptation needs; for anyone but their own veileder."));
        view.properties.insert("adaptation_needed".into(), needed.into());
        view.description = Some(
            "A profile as the caller may see it: the candidate's own veileder gets `adaptation_needs`, \
             everyone else `adaptation_needed`."
                .into(),
        );
        components.schemas.insert("CandidateView".into(), RefOr::T(Schema::Object(view)));
        let answer = openapi
            .paths
            .paths
            .get_mut("/v1/candidates/{id}")
            .and_then(|item| item.get.as_mut())
            .and_then(|get| get.responses.responses.get_mut("200"));
        if let Some(RefOr::T(answer)) = answer {
            for content in answer.content.values_mut() {
                let RefOr::T(content) = content else { continue };
                content.schema = Some(RefOr::Ref(Ref::from_schema_name("CandidateView")));
            }
        }
    }
}

/// `GET /openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
