//! The HTTP service through its router (no socket): the role matrix, the audit log, GDPR
//! erasure, and every class of bad input getting a 4xx with a JSON reason.

use serde_json::{Value, json};

use crate::common::{Service, followed, profile, service};

const ADVISOR: Option<&str> = Some("dev-radgiver");
const VEILEDER: Option<&str> = Some("dev-veileder");
const OTHER_VEILEDER: Option<&str> = Some("dev-veileder-2");
const ADMIN: Option<&str> = Some("dev-admin");
const NOBODY: Option<&str> = None;

fn fixture() -> Service {
    service(&[
        followed("K1"),
        profile("K2", json!({"veileder": "V1007", "skills": ["kundeservice"]})),
        profile("K3", json!({"skills": ["kundeservice"], "visible": false, "veileder": "V1042"})),
    ])
}

const NEED: &str = r#"{"id":"n1","criteria":[{"kind":"skill","value":"kundeservice","importance":"must"}]}"#;

const SAVED_NEED: &str = r#"{"need":{"id":"n1","criteria":[{"kind":"skill","value":"kundeservice","importance":"must"}]},
                             "employer":"Butikken AS","kontor":"NAV Arendal","positions":1}"#;

fn new_profile(id: &str) -> String {
    json!({"id": id, "municipality": "Arendal", "veileder": "V1042"}).to_string()
}

/// Every endpoint × every role (and no token): the status each gets.
#[tokio::test]
async fn the_role_matrix() {
    let tag = r#"{"label":"liker fiske","kind":"interest"}"#;
    // (method, uri, body, [advisor, veileder (follows K1), other veileder, admin, no token])
    let cases: Vec<(&str, String, Option<String>, [u16; 5])> = vec![
        ("POST", "/v1/shortlists".into(), Some(NEED.into()), [200, 403, 403, 403, 401]),
        ("GET", "/v1/candidates/K1".into(), None, [200, 200, 403, 200, 401]),
        ("PUT", "/v1/candidates/K9".into(), Some(new_profile("K9")), [403, 403, 403, 201, 401]),
        ("POST", "/v1/candidates/K1/tags".into(), Some(tag.into()), [403, 201, 403, 403, 401]),
        ("DELETE", "/v1/candidates/K1/tags/liker%20fiske".into(), None, [403, 204, 403, 403, 401]),
        ("DELETE", "/v1/candidates/K9".into(), None, [403, 403, 403, 204, 401]),
        ("GET", "/v1/vocabulary?prefix=kunde".into(), None, [200, 200, 200, 200, 401]),
        ("GET", "/v1/followed".into(), None, [403, 200, 200, 403, 401]),
        ("POST", "/v1/needs".into(), Some(SAVED_NEED.into()), [201, 403, 403, 403, 401]),
        ("GET", "/v1/needs".into(), None, [200, 403, 403, 403, 401]),
        ("GET", "/v1/needs/n1".into(), None, [200, 403, 403, 403, 401]),
        ("POST", "/v1/needs/n1/candidates".into(), Some(r#"{"candidate":"K1"}"#.into()), [201, 403, 403, 403, 401]),
        (
            "POST",
            "/v1/needs/n1/candidates/K1".into(),
            Some(r#"{"status":"kontaktet"}"#.into()),
            [200, 403, 403, 403, 401],
        ),
        (
            "POST",
            "/v1/followed/lists/n1/K1".into(),
            Some(r#"{"answer":"ønsker_ikke"}"#.into()),
            [403, 204, 403, 403, 401],
        ),
        ("POST", "/v1/needs/n1/copy".into(), Some(r#"{"id":"n2"}"#.into()), [201, 403, 403, 403, 401]),
        ("POST", "/v1/needs/n1/state".into(), Some(r#"{"state":"fylt"}"#.into()), [200, 403, 403, 403, 401]),
        ("GET", "/v1/reports/time-to-match".into(), None, [200, 403, 403, 403, 401]),
        ("GET", "/v1/followed/lists".into(), None, [403, 200, 200, 403, 401]),
        ("GET", "/health".into(), None, [200, 200, 200, 200, 200]),
        ("GET", "/metrics".into(), None, [200, 200, 200, 200, 200]),
        ("GET", "/openapi.json".into(), None, [200, 200, 200, 200, 200]),
    ];
    let service = fixture();
    for (method, uri, body, expected) in cases {
        // The permitted caller goes last for writes, so a create or delete does not change
        // what the others see.
        let order = [4usize, 0, 2, 1, 3];
        for who in order {
            let token = [ADVISOR, VEILEDER, OTHER_VEILEDER, ADMIN, NOBODY][who];
            let (status, body_seen) = service.call(method, &uri, token, body.as_deref()).await;
            assert_eq!(
                status, expected[who],
                "{method} {uri} as {token:?}: expected {} got {status} {body_seen}",
                expected[who]
            );
            if status >= 400 {
                assert!(body_seen["error"].is_string() && body_seen["detail"].is_string(), "{body_seen}");
            }
        }
    }
}

#[tokio::test]
async fn profiles_hide_adaptation_needs_from_all_but_the_candidates_veileder() {
    let service = fixture();
    let (_, as_veileder) = service.call("GET", "/v1/candidates/K1", VEILEDER, None).await;
    assert_eq!(as_veileder["adaptation_needs"], json!(["ikke tunge løft"]));
    for token in [ADVISOR, ADMIN] {
        let (_, seen) = service.call("GET", "/v1/candidates/K1", token, None).await;
        assert!(seen.get("adaptation_needs").is_none(), "{seen}");
        assert_eq!(seen["adaptation_needed"], json!(true));
    }
    // Hidden candidates never appear to advisors, not even by id.
    assert_eq!(service.call("GET", "/v1/candidates/K3", ADVISOR, None).await.0, 404);
    assert_eq!(service.call("GET", "/v1/candidates/K3", VEILEDER, None).await.0, 200);
}

#[tokio::test]
async fn every_action_writes_an_audit_line_with_its_decision() {
    let service = fixture();
    let tag = r#"{"label":"liker fiske","kind":"interest"}"#;
    service.call("POST", "/v1/shortlists", ADVISOR, Some(NEED)).await;
    service.call("POST", "/v1/shortlists", VEILEDER, Some(NEED)).await;
    service.call("POST", "/v1/shortlists", NOBODY, Some(NEED)).await;
    service.call("GET", "/v1/candidates/K1", ADVISOR, None).await;
    service.call("GET", "/v1/candidates/K1", OTHER_VEILEDER, None).await;
    service.call("POST", "/v1/candidates/K1/tags", VEILEDER, Some(tag)).await;
    service.call("POST", "/v1/candidates/K2/tags", VEILEDER, Some(tag)).await;
    service.call("DELETE", "/v1/candidates/K1/tags/liker%20fiske", VEILEDER, None).await;
    service.call("PUT", "/v1/candidates/K9", ADMIN, Some(&new_profile("K9"))).await;
    service.call("PUT", "/v1/candidates/K9", ADVISOR, Some(&new_profile("K9"))).await;
    service.call("DELETE", "/v1/candidates/K9", ADMIN, None).await;
    service.call("POST", "/v1/needs/draft", VEILEDER, Some(NEED)).await;
    service.call("DELETE", "/v1/candidates/K1/tags/x", None, None).await;

    let audit = service.audit();
    let find = |action: &str, decision: &str, actor: Option<&str>| -> Value {
        audit
            .iter()
            .find(|e| e["action"] == action && e["decision"] == decision && e["actor"].as_str() == actor)
            .unwrap_or_else(|| panic!("no {decision} {action} by {actor:?} in {audit:#?}"))
            .clone()
    };
    let shortlist = find("shortlist", "PERMIT", Some("R2001"));
    assert_eq!(shortlist["need_id"], "n1");
    assert_eq!(shortlist["criteria"], json!(["skill kundeservice"]));
    assert_eq!(shortlist["returned"], json!(["K1", "K2"]), "the ids returned, never hidden ones");
    assert!(shortlist["at"].as_str().is_some_and(|at| at.starts_with("20")));
    find("shortlist", "DENY", Some("V1042"));
    assert!(find("shortlist", "DENY", None)["reason"].as_str().is_some_and(|r| r.contains("bearer")));
    assert_eq!(find("read_profile", "PERMIT", Some("R2001"))["candidate"], "K1");
    assert_eq!(find("read_profile", "DENY", Some("V1007"))["candidate"], "K1");
    // A tag is logged as a reference, never as what it says; adding and removing it match.
    let added = find("tag_add", "PERMIT", Some("V1042"))["tag"].clone();
    assert!(added.as_str().is_some_and(|r| r.starts_with("tag:")), "{added}");
    assert_eq!(find("tag_remove", "PERMIT", Some("V1042"))["tag"], added);
    assert!(!std::fs::read_to_string(service.dir.path().join("audit.jsonl")).expect("log").contains("fiske"));
    assert_eq!(find("tag_add", "DENY", Some("V1042"))["candidate"], "K2");
    find("tag_remove", "PERMIT", Some("V1042"));
    assert_eq!(find("upsert", "PERMIT", Some("A3001"))["candidate"], "K9");
    // A refusal by role is recorded under the matched route's action, with the candidate its
    // path names, before the body is read.
    assert_eq!(find("upsert", "DENY", Some("R2001"))["candidate"], "K9");
    assert_eq!(find("delete", "PERMIT", Some("A3001"))["candidate"], "K9");
    assert!(
        find("draft", "DENY", Some("V1042"))["reason"].as_str().is_some_and(|r| r.contains("rekrutteringsrådgiver"))
    );
    find("tag_remove", "DENY", None);
    assert_eq!(audit.len(), 13, "one line per request");
}

#[tokio::test]
async fn an_erased_candidate_is_gone_from_every_store_and_index() {
    let service = fixture();
    // A tag write first, so the profile also sits in the write-ahead log.
    let tag = r#"{"label":"liker fiske","kind":"interest"}"#;
    assert_eq!(service.call("POST", "/v1/candidates/K1/tags", VEILEDER, Some(tag)).await.0, 201);
    assert_eq!(service.call("DELETE", "/v1/candidates/K1", ADMIN, None).await.0, 204);
    assert_eq!(service.call("GET", "/v1/candidates/K1", ADMIN, None).await.0, 404, "gone from look-ups at once");
    assert_eq!(service.call("DELETE", "/v1/candidates/K1", ADMIN, None).await.0, 404);
    assert_eq!(service.call("POST", "/v1/candidates/K1/tags", VEILEDER, Some(tag)).await.0, 404);

    service.store.flush().expect("commit and purge");
    let (status, shortlist) = service.call("POST", "/v1/shortlists", ADVISOR, Some(NEED)).await;
    assert_eq!(status, 200);
    assert_eq!(shortlist["candidates"].as_array().map(Vec::len), Some(1));
    assert_ne!(shortlist["candidates"][0]["id"], "K1");
    // Not in any segment file's term dictionary, no deleted document left behind, not in the log.
    let index = service.store.index();
    let searcher = index.searcher();
    for segment in searcher.segment_readers() {
        assert!(!segment.has_deletes(), "deleted documents are purged from segment files");
        let ids = segment.inverted_index(index.fields().id).expect("id field");
        assert!(ids.terms().get("K1").expect("term lookup").is_none(), "K1 is in no term dictionary");
    }
    let wal = std::fs::read_to_string(service.dir.path().join("wal.jsonl")).expect("wal");
    assert!(!wal.contains("K1"), "the write-ahead log no longer holds the profile");
    // The audit log names no tag text, and the key that tied its references to labels is gone,
    // while the chain still holds.
    let log = service.dir.path().join("audit.jsonl");
    assert!(!std::fs::read_to_string(&log).expect("log").contains("fiske"));
    let keys = std::fs::read_to_string(service.dir.path().join("audit.keys.jsonl")).expect("keys");
    assert!(!keys.contains("\"K1\""), "K1's reference key is forgotten: {keys}");
    assert!(jobbmatch::service::chain::verify(&log).is_ok());
}

/// Each class of bad input: a 4xx with `{error, detail}` naming the problem, never a 500.
#[tokio::test]
async fn bad_input_gets_a_4xx_with_a_json_reason() {
    let service = fixture();
    let need = |criteria: &str, extra: &str| format!(r#"{{"id":"n"{extra},"criteria":[{criteria}]}}"#);
    let skill = |value: &str| format!(r#"{{"kind":"skill","value":"{value}"}}"#);
    let huge = format!(r#"{{"id":"n","title":"{}"}}"#, "x".repeat(300 * 1024));
    // (what, uri, token, body, expected status, words the detail must contain)
    type Case<'a> = (&'a str, &'a str, Option<&'a str>, String, u16, &'a str);
    let cases: Vec<Case> = vec![
        ("malformed JSON", "/v1/shortlists", ADVISOR, r#"{"id":"n","criteria":["#.into(), 400, "invalid JSON"),
        ("not JSON at all", "/v1/shortlists", ADVISOR, "kokk med fagbrev".into(), 400, "invalid JSON"),
        ("wrong type", "/v1/shortlists", ADVISOR, r#"{"id":"n","top":"ten"}"#.into(), 400, "top: invalid type"),
        (
            "unknown kind",
            "/v1/shortlists",
            ADVISOR,
            need(r#"{"kind":"hobby","value":"bil"}"#, ""),
            400,
            "criteria[0].kind: unknown variant `hobby`",
        ),
        (
            "impossible level",
            "/v1/shortlists",
            ADVISOR,
            need(r#"{"kind":"language","value":"norsk","min_level":"B7"}"#, ""),
            400,
            "criteria[0].min_level",
        ),
        (
            "unknown language",
            "/v1/shortlists",
            ADVISOR,
            need(r#"{"kind":"language","value":"klingon"}"#, ""),
            400,
            "unknown language",
        ),
        ("negative top", "/v1/shortlists", ADVISOR, need(&skill("kasse"), r#","top":-1"#), 400, "top"),
        (
            "huge top",
            "/v1/shortlists",
            ADVISOR,
            need(&skill("kasse"), r#","top":100000"#),
            400,
            "top: 100000 is not within 1–500",
        ),
        ("body over the limit", "/v1/shortlists", ADVISOR, huge, 413, "larger than"),
        ("query syntax alone", "/v1/shortlists", ADVISOR, need(&skill("*:*"), ""), 400, "no words to match"),
        ("control character", "/v1/shortlists", ADVISOR, need(&skill("kasse\\u0007"), ""), 400, "control character"),
        ("empty value", "/v1/shortlists", ADVISOR, need(&skill(" "), ""), 400, "value is empty"),
        ("unknown field", "/v1/shortlists", ADVISOR, r#"{"id":"n","alder":40}"#.into(), 400, "unknown field `alder`"),
        ("profile id mismatch", "/v1/candidates/K7", ADMIN, new_profile("K8"), 400, "differs from the path"),
        (
            "invalid profile",
            "/v1/candidates/K7",
            ADMIN,
            r#"{"id":"K7","municipality":"Arendal","extent_percent":{"min":90,"max":10}}"#.into(),
            400,
            "extent_percent",
        ),
        (
            "national id",
            "/v1/candidates/K7",
            ADMIN,
            r#"{"id":"K7","municipality":"Arendal","summary":"fnr 01019012345"}"#.into(),
            400,
            "national identity number",
        ),
        (
            "tag with no words",
            "/v1/candidates/K1/tags",
            VEILEDER,
            r#"{"label":"***","kind":"interest"}"#.into(),
            400,
            "no words",
        ),
        (
            "tag of unknown kind",
            "/v1/candidates/K1/tags",
            VEILEDER,
            r#"{"label":"fisker","kind":"hobby"}"#.into(),
            400,
            "kind: unknown variant",
        ),
        (
            "tag on someone else's candidate",
            "/v1/candidates/K2/tags",
            VEILEDER,
            r#"{"label":"fisker","kind":"interest"}"#.into(),
            403,
            "only the candidates they follow",
        ),
        (
            "tag on a candidate that does not exist",
            "/v1/candidates/K404/tags",
            VEILEDER,
            r#"{"label":"fisker","kind":"interest"}"#.into(),
            404,
            "does not exist",
        ),
    ];
    for (what, uri, token, body, expected, detail) in cases {
        let method = if uri.starts_with("/v1/candidates/K7") { "PUT" } else { "POST" };
        let (status, seen) = service.call(method, uri, token, Some(&body)).await;
        assert_eq!(status, expected, "{what}: {seen}");
        assert!(seen["error"].is_string(), "{what}: {seen}");
        let text = seen["detail"].as_str().unwrap_or_default();
        assert!(text.contains(detail), "{what}: detail {text:?} should mention {detail:?}");
    }
    // Query syntax among words is matched as words, not parsed: a normal answer.
    let (status, _) =
        service.call("POST", "/v1/shortlists", ADVISOR, Some(&need(&skill("kundeservice OR title:*"), ""))).await;
    assert_eq!(status, 200);

    let gets: Vec<(&str, &str, Option<&str>, u16)> = vec![
        ("GET", "/v1/candidates/K404", ADVISOR, 404),
        ("DELETE", "/v1/candidates/K404", ADMIN, 404),
        ("DELETE", "/v1/candidates/K1/tags/finnes%20ikke", VEILEDER, 404),
        ("GET", "/v1/candidates/bad%20id%20%3B%20drop", ADVISOR, 400),
        ("GET", "/v1/vocabulary", ADVISOR, 400),
        ("GET", "/v1/vocabulary?prefix=", ADVISOR, 400),
        ("GET", "/v1/vocabulary?prefix=kunde&limit=0", ADVISOR, 400),
        // 55 characters as sent (the document's maxLength is 50), 45 once trimmed: schemathesis found it.
        (
            "GET",
            "/v1/vocabulary?prefix=%20%20%20%20%20%20%20%20%20%20aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            ADVISOR,
            400,
        ),
        ("GET", "/v1/nowhere", ADVISOR, 404),
        ("PATCH", "/v1/shortlists", ADVISOR, 405),
        ("GET", "/v1/shortlists", Some("not-a-token"), 405),
    ];
    for (method, uri, token, expected) in gets {
        let (status, seen) = service.call(method, uri, token, None).await;
        assert_eq!(status, expected, "{method} {uri}: {seen}");
        assert!(seen["error"].is_string() && seen["detail"].is_string(), "{method} {uri}: {seen}");
    }
    let (status, _) = service.call("GET", "/v1/candidates/K1", Some("not-a-token"), None).await;
    assert_eq!(status, 401);
    // And nothing was half-applied by any of it.
    assert_eq!(service.call("GET", "/v1/candidates/K7", ADMIN, None).await.0, 404);
}

#[tokio::test]
async fn the_openapi_document_lists_every_route() {
    let service = fixture();
    let (status, document) = service.call("GET", "/openapi.json", None, None).await;
    assert_eq!(status, 200);
    // Schema names are one namespace: a request body once named `Answer` replaced the draft's
    // `Answer`, and a drafted shortlist then broke its own schema.
    let answer = &document["components"]["schemas"]["Answer"];
    assert_eq!(answer["enum"], serde_json::json!(["must_have", "wishes", "room_to_adapt"]), "{answer}");
    let paths = document["paths"].as_object().expect("paths");
    for path in [
        "/v1/shortlists",
        "/v1/candidates/{id}",
        "/v1/candidates/{id}/tags",
        "/v1/candidates/{id}/tags/{tag}",
        "/v1/vocabulary",
        "/v1/needs",
        "/v1/needs/{id}",
        "/v1/needs/{id}/state",
        "/v1/needs/{id}/candidates",
        "/v1/needs/{id}/candidates/{candidate}",
        "/v1/reports/time-to-match",
        "/v1/reports/outcomes",
        "/v1/followed/lists",
        "/v1/followed/lists/{need}/{candidate}",
        "/v1/needs/{id}/owner",
        "/v1/needs/{id}/copy",
        "/health",
        "/metrics",
    ] {
        assert!(paths.contains_key(path), "{path} is documented");
    }
    assert!(document["components"]["schemas"]["JobNeed"].is_object());
    assert!(document["components"]["securitySchemes"]["bearer"].is_object());
    // Query parameters are declared as such, not as path parameters.
    for path in ["/v1/vocabulary", "/v1/followed"] {
        let parameters = document["paths"][path]["get"]["parameters"].as_array().expect("parameters");
        assert!(parameters.iter().all(|p| p["in"] == "query"), "{path}: {parameters:?}");
    }
    // What an advisor receives for a profile is what the document says they receive.
    let answer = &document["paths"]["/v1/candidates/{id}"]["get"]["responses"]["200"];
    let view = &document["components"]["schemas"]["CandidateView"];
    assert_eq!(answer["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/CandidateView");
    assert_eq!(view["properties"]["adaptation_needed"]["type"], "boolean");
    assert!(view["properties"]["adaptation_needs"].is_object() && view["properties"]["skills"].is_object());
    // Answers any route may give are declared on every route.
    let shortlist = &document["paths"]["/v1/shortlists"]["post"]["responses"];
    assert!(shortlist["503"].is_object() && shortlist["408"].is_object(), "{shortlist}");
    let need = &document["paths"]["/v1/needs/{id}"]["get"]["responses"];
    assert!(need["400"].is_object(), "a path parameter that cannot be read is a documented 400: {need}");
}

#[tokio::test]
async fn a_path_parameter_that_is_not_utf8_gets_a_json_reason() {
    let service = fixture();
    for (uri, token) in [("/v1/needs/%FF", ADVISOR), ("/v1/candidates/%FF/tags/x", VEILEDER)] {
        let method = if uri.contains("tags") { "DELETE" } else { "GET" };
        let (status, body) = service.call(method, uri, token, None).await;
        assert_eq!(status, 400, "{uri}: {body}");
        assert_eq!(body["error"], "bad_request", "{uri}: {body}");
        assert!(body["detail"].as_str().is_some_and(|d| d.contains("UTF-8")), "{uri}: {body}");
    }
}

#[tokio::test]
async fn numbers_keep_the_precision_they_were_given() {
    let service = fixture();
    let profile = json!({"id": "K9", "municipality": "Arendal", "veileder": "V1042", "max_commute_km": 12.3,
                         "experience": [{"occupation": "kokk", "years": 10.8}]});
    assert_eq!(service.call("PUT", "/v1/candidates/K9", ADMIN, Some(&profile.to_string())).await.0, 201);
    for token in [ADVISOR, VEILEDER] {
        let (status, seen) = service.call("GET", "/v1/candidates/K9", token, None).await;
        assert_eq!(status, 200, "{seen}");
        assert_eq!(seen["experience"][0]["years"], json!(10.8), "{seen}");
        assert_eq!(seen["max_commute_km"], json!(12.3), "{seen}");
    }
}

#[tokio::test]
async fn metrics_count_requests_by_route_without_ids() {
    let service = fixture();
    service.call("GET", "/v1/candidates/K1", ADVISOR, None).await;
    service.call("GET", "/v1/candidates/K2", ADVISOR, None).await;
    let (status, text) = service.call("GET", "/metrics", None, None).await;
    assert_eq!(status, 200);
    let text = text.as_str().expect("plain text").to_string();
    assert!(
        text.contains(r#"jobbmatch_http_requests_total{route="/v1/candidates/{id}",method="GET",status="200"} 2"#),
        "{text}"
    );
    assert!(text.contains("jobbmatch_index_candidates 3"), "{text}");
    assert!(!text.contains("K1"), "no candidate ids in metrics");
}

#[tokio::test]
async fn advisors_draft_needs_from_the_three_answers_and_shortlist_from_text_alone() {
    let service = fixture();
    let answers = json!({"id": "tekst", "answers": {
        "must_have": "Må ha erfaring med kundeservice. Må være under 30 år.",
        "wishes": "Gjerne blid og imøtekommende.",
        "room_to_adapt": "Vi har gode parkeringsforhold."}})
    .to_string();
    let (status, draft) = service.call("POST", "/v1/needs/draft", ADVISOR, Some(&answers)).await;
    assert_eq!(status, 200, "{draft}");
    assert_eq!(draft["need"]["criteria"][0]["value"], "kundeservice");
    assert_eq!(draft["need"]["criteria"][0]["importance"], "must");
    assert!(draft["refused"][0]["reason"].as_str().is_some_and(|r| r.starts_with("age")), "{draft}");
    assert!(
        draft["unrecognised"].as_array().is_some_and(|u| u.iter().any(|p| p["text"] == "parkeringsforhold")),
        "{draft}"
    );
    assert_eq!(service.call("POST", "/v1/needs/draft", VEILEDER, Some(&answers)).await.0, 403);
    let (status, empty) = service.call("POST", "/v1/needs/draft", ADVISOR, Some(r#"{"id":"x"}"#)).await;
    assert_eq!(status, 400, "{empty}");

    // A need with answers and no criteria is drafted, run, and the draft returned beside it.
    let (status, shortlist) = service.call("POST", "/v1/shortlists", ADVISOR, Some(&answers)).await;
    assert_eq!(status, 200, "{shortlist}");
    assert_eq!(shortlist["drafted"]["need"]["criteria"][0]["value"], "kundeservice");
    assert_eq!(shortlist["qualified"], 2, "K1 and K2 have customer service; K3 is hidden");
}

#[tokio::test]
async fn the_typeahead_offers_only_phrases_many_visible_candidates_hold() {
    let tagged = |id: &str, label: &str, visible: bool| {
        let mut candidate = profile(
            id,
            json!({"tags": [{"label": label, "kind": "interest", "by": "V2001", "at": "2026-05-01T10:00:00Z"}]}),
        );
        candidate.visible = visible;
        candidate
    };
    let mut candidates: Vec<_> = (0..5).map(|n| tagged(&format!("K{n}"), "glad i fotball", true)).collect();
    // Held by four visible candidates and three who may not be shown: about too few people.
    candidates.extend((5..9).map(|n| tagged(&format!("K{n}"), "går til behandling hos fastlegen", true)));
    candidates.extend((9..12).map(|n| tagged(&format!("K{n}"), "går til behandling hos fastlegen", false)));
    let service = service(&candidates);
    let texts = |body: &Value| -> Vec<String> {
        body["suggestions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s["text"].as_str().map(str::to_string))
            .collect()
    };
    for (token, who) in [(ADVISOR, "advisor"), (VEILEDER, "veileder")] {
        let (status, body) = service.call("GET", "/v1/vocabulary?prefix=glad", token, None).await;
        assert_eq!(status, 200, "{body}");
        let offered = body["suggestions"].as_array().into_iter().flatten().find(|s| s["text"] == "glad i fotball");
        assert_eq!(offered.map(|s| s["count"].clone()), Some(json!(5)), "{who}: five visible hold it: {body}");
        let (_, body) = service.call("GET", "/v1/vocabulary?prefix=g%C3%A5r%20til", token, None).await;
        assert!(!texts(&body).iter().any(|t| t.contains("behandling")), "{who}: never offered: {body}");
    }
}

#[tokio::test]
async fn labels_that_look_the_same_are_the_same_and_hidden_characters_are_refused() {
    let service = service(&[followed("K1")]);
    let post = |label: &str| json!({"label": label, "kind": "interest"}).to_string();
    // `é` written as `e` and a combining accent is the same label as `é`.
    assert_eq!(service.call("POST", "/v1/candidates/K1/tags", VEILEDER, Some(&post("liker kafé"))).await.0, 201);
    let (status, _) = service.call("POST", "/v1/candidates/K1/tags", VEILEDER, Some(&post("liker kafe\u{301}"))).await;
    assert_eq!(status, 200, "already there once normalised");
    for sneaky in ["liker\u{200B} kafé", "liker \u{202E}éfak", "\u{2066}liker fiske\u{2069}", "\u{FEFF}liker fiske"] {
        let (status, body) = service.call("POST", "/v1/candidates/K1/tags", VEILEDER, Some(&post(sneaky))).await;
        assert_eq!(status, 400, "{sneaky:?}: {body}");
        assert!(body.to_string().contains("invisible or direction-changing"), "{body}");
    }
    let (_, body) = service.call("GET", "/v1/candidates/K1", VEILEDER, None).await;
    let labels: Vec<&str> = body["tags"].as_array().into_iter().flatten().filter_map(|t| t["label"].as_str()).collect();
    assert_eq!(labels.iter().filter(|l| l.contains("kaf")).count(), 1, "{labels:?}");
}

#[tokio::test]
async fn an_api_body_not_sent_as_json_changes_nothing() {
    use tower::ServiceExt;
    let service = service(&[followed("K1")]);
    let tag = json!({"label": "liker fiske", "kind": "interest"}).to_string();
    // A cross-site form or a `text/plain` post: the browser sends those without asking first.
    for content_type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"] {
        let request = axum::http::Request::builder()
            .method("POST")
            .uri("/v1/candidates/K1/tags")
            .header("authorization", "Bearer dev-veileder")
            .header("content-type", content_type)
            .body(axum::body::Body::from(tag.clone()))
            .expect("request");
        let response = jobbmatch::app::router(service.state.clone()).oneshot(request).await.expect("infallible");
        assert_eq!(response.status(), 415, "{content_type}");
    }
    let (_, body) = service.call("GET", "/v1/candidates/K1", VEILEDER, None).await;
    assert!(!body.to_string().contains("liker fiske"), "nothing was added: {body}");
    assert_eq!(service.call("POST", "/v1/candidates/K1/tags", VEILEDER, Some(&tag)).await.0, 201, "JSON is taken");
}

#[tokio::test]
async fn when_matching_is_busy_a_shortlist_is_refused_at_once_and_health_still_answers() {
    let mut busy = service(&[followed("K1")]);
    // No room for CPU work at all: as if every permit were held by long drafts.
    let state = std::sync::Arc::try_unwrap(busy.state).ok().expect("only this handle").with_cpu_queue(0);
    busy.state = std::sync::Arc::new(state);
    let need = json!({"id": "n", "title": "t", "answers": {"must_have": "Må ha førerkort B.", "wishes": "", "room_to_adapt": ""}});
    let (status, body) = busy.call("POST", "/v1/shortlists", ADVISOR, Some(&need.to_string())).await;
    assert_eq!(status, 503, "{body}");
    assert!(body["detail"].as_str().is_some_and(|d| d.contains("busy")), "{body}");
    let (status, _) = busy.call("POST", "/v1/needs/draft", ADVISOR, Some(&need.to_string())).await;
    assert_eq!(status, 503, "drafting is CPU work too");
    assert_eq!(busy.call("GET", "/health", None, None).await.0, 200);
}

#[tokio::test]
async fn a_look_up_of_a_hidden_or_unknown_candidate_is_audited_and_answered_alike() {
    let mut hidden = followed("K2");
    hidden.visible = false;
    let service = service(&[followed("K1"), hidden]);
    let (hidden_status, hidden_body) = service.call("GET", "/v1/candidates/K2", ADVISOR, None).await;
    let (unknown_status, unknown_body) = service.call("GET", "/v1/candidates/K9", ADVISOR, None).await;
    assert_eq!((hidden_status, unknown_status), (404, 404));
    assert_eq!(
        hidden_body["detail"].as_str().map(|d| d.replace("K2", "K9")),
        unknown_body["detail"].as_str().map(str::to_string),
        "the answer does not tell hidden from unknown"
    );
    let denials: Vec<(String, String)> = service
        .audit()
        .into_iter()
        .filter(|line| line["decision"] == "DENY" && line["action"] == "read_profile")
        .map(|line| {
            (
                line["candidate"].as_str().unwrap_or_default().to_string(),
                line["reason"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(denials.len(), 2, "{denials:?}");
    assert!(denials[0].0 == "K2" && denials[0].1.contains("hidden"), "{denials:?}");
    assert!(denials[1].0 == "K9" && denials[1].1.contains("no such"), "{denials:?}");
}
