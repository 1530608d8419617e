//! The OpenAPI document, derived from the handlers and types themselves.

use axum::Json;
use utoipa::Modify;
use utoipa::OpenApi;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};

use super::{candidates, followed, health, needs, open_needs, shortlists, tags, vocabulary};

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
        needs::save,
        needs::list,
        needs::read,
        needs::change_state,
        needs::add,
        needs::change,
        needs::report,
        needs::report_csv,
        needs::outcomes,
        needs::places,
        needs::hand_over,
        needs::copy,
        needs::answer,
        open_needs::for_candidate,
        open_needs::caseload,
        open_needs::newly_qualified,
        health::health,
        health::metrics,
    ),
    modifiers(&BearerAuth, &ProfileViewSchema, &ServiceWideAnswers)
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

/// Answers any route may give, whatever its handler does: 503 when the service is busy, a
/// request timed out or the client holds too many connections; for routes with path
/// parameters, 400 when one cannot be read; for routes that take a body, 408 when the body does
/// not arrive in time.
struct ServiceWideAnswers;

impl Modify for ServiceWideAnswers {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
        let answer = |description: &str| {
            let body = ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build();
            RefOr::T(ResponseBuilder::new().description(description).content("application/json", body).build())
        };
        for item in openapi.paths.paths.values_mut() {
            let operations = [&mut item.get, &mut item.post, &mut item.put, &mut item.delete, &mut item.patch];
            for operation in operations.into_iter().flatten() {
                let takes_body = operation.request_body.is_some();
                let in_path = |p: &RefOr<utoipa::openapi::path::Parameter>| matches!(p, RefOr::T(p) if matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Path));
                let has_path_parameters = operation.parameters.iter().flatten().any(in_path);
                let responses = &mut operation.responses.responses;
                responses
                    .entry("503".into())
                    .or_insert_with(|| answer("Busy, timed out, or too many connections from this address; try again"));
                if has_path_parameters {
                    responses
                        .entry("400".into())
                        .or_insert_with(|| answer("A path parameter that cannot be read (not UTF-8, not an id)"));
                }
                if takes_body {
                    responses
                        .entry("408".into())
                        .or_insert_with(|| answer("The body did not arrive within 10 seconds"));
                }
            }
        }
    }
}

/// `GET /openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
