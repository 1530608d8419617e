//! The veileder's reverse view through the API: the open needs a candidate fits and nearly fits,
//! what would open more, a caseload, a tag's effect, and who newly qualifies for an advisor's
//! need — with the roles (a veileder's own candidates only, open needs only, never another
//! candidate on a list, no adaptation needs for the advisor). That the rankings and counts are
//! exactly what each need's own shortlist says is checked against the plain engine in
//! `matching::reverse`.

use serde_json::{Value, json};

use crate::common::{Service, followed, profile, service};

const ADVISOR: Option<&str> = Some("dev-radgiver");
const OTHER_ADVISOR: Option<&str> = Some("dev-radgiver-2");
const VEILEDER: Option<&str> = Some("dev-veileder");
const OTHER_VEILEDER: Option<&str> = Some("dev-veileder-2");

fn fixture() -> Service {
    service(&[
        followed("K1"),
        profile("K2", json!({"veileder": "V1007", "skills": ["kundeservice"], "certificates": ["førerkort B"]})),
        profile("K4", json!({"veileder": "V1042", "skills": ["sveising"]})),
    ])
}

/// Saves a need with `criteria` (kind, value, importance) as the advisor.
async fn save(service: &Service, id: &str, criteria: &[(&str, &str, &str)]) {
    let criteria: Vec<Value> = criteria
        .iter()
        .map(|(kind, value, importance)| json!({"kind": kind, "value": value, "importance": importance}))
        .collect();
    let body = json!({
        "need": {"id": id, "title": format!("Stilling {id}"), "criteria": criteria},
        "employer": format!("Arbeidsgiver {id}"), "kontor": "NAV Kristiansand", "positions": 1
    });
    let (status, view) = service.call("POST", "/v1/needs", ADVISOR, Some(&body.to_string())).await;
    assert_eq!(status, 201, "{view}");
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array().expect("a list").iter().map(|n| n["need"].as_str().expect("need id")).collect()
}

async fn seeded() -> Service {
    let service = fixture();
    save(&service, "kafe", &[("skill", "kundeservice", "must"), ("interest", "friluftsliv", "adjustable")]).await;
    save(&service, "butikk", &[("skill", "kundeservice", "must"), ("certificate", "førerkort B", "must")]).await;
    save(&service, "bud", &[("certificate", "førerkort B", "must"), ("skill", "kundeservice", "adjustable")]).await;
    save(&service, "fiske", &[("skill", "kundeservice", "must"), ("interest", "fiske", "must")]).await;
    save(&service, "lager", &[("skill", "lagerarbeid", "must"), ("certificate", "truckførerbevis T1", "must")]).await;
    save(&service, "gammel", &[("skill", "kundeservice", "must")]).await;
    let (status, _) = service.call("POST", "/v1/needs/kafe/candidates", ADVISOR, Some(r#"{"candidate":"K2"}"#)).await;
    assert_eq!(status, 201);
    let closed = r#"{"state":"avsluttet","reason":"Arbeidsgiver ansatte selv"}"#;
    let (status, _) = service.call("POST", "/v1/needs/gammel/state", ADVISOR, Some(closed)).await;
    assert_eq!(status, 200);
    service
}

#[tokio::test]
async fn a_veileder_sees_the_open_needs_their_candidate_fits_and_what_would_open_more() {
    let service = seeded().await;
    let (status, found) = service.call("GET", "/v1/candidates/K1/needs", VEILEDER, None).await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(found["open_needs"], 5, "the closed need is not looked at: {found}");
    assert_eq!(ids(&found["fits"]), ["kafe"], "{found}");
    let kafe = &found["fits"][0];
    assert_eq!(kafe["employer"], "Arbeidsgiver kafe");
    assert!(kafe["criteria"].as_array().expect("criteria").iter().any(|c| c["criterion"] == "skill kundeservice"));
    assert_eq!(
        found["doors"],
        json!([
            {"criterion": "certificate førerkort B", "needs": 2, "need_ids": ["bud", "butikk"]},
            {"criterion": "interest fiske", "needs": 1, "need_ids": ["fiske"]},
        ]),
        "lager needs two things K1 lacks: not a door"
    );
    assert_eq!(found["wishes_to_tag"], json!([{"criterion": "interest friluftsliv", "kind": "interest", "needs": 1}]));
    assert!(!found.to_string().contains("K2"), "never another candidate on a need's list: {found}");

    let (status, caseload) = service.call("GET", "/v1/caseload/needs", VEILEDER, None).await;
    assert_eq!(status, 200, "{caseload}");
    assert_eq!(caseload["followed"], 2, "K1 and K4, all looked at");
    assert_eq!(caseload["candidates"][0]["candidate"], "K1");
    assert_eq!(ids(&caseload["candidates"][0]["best"]), ["kafe"]);
    assert_eq!(caseload["fits_nothing"][0]["candidate"], "K4", "{caseload}");
    assert!(!caseload.to_string().contains("K2"), "only the veileder's own candidates");
    let looked =
        service.audit().into_iter().filter(|l| l["action"] == "reverse_match" && l["decision"] == "PERMIT").count();
    assert_eq!(looked, 2, "every look-up audit-logged");
}

#[tokio::test]
async fn only_the_candidates_own_veileder_looks_and_an_advisor_never_does() {
    let service = seeded().await;
    for (token, id) in [(OTHER_VEILEDER, "K1"), (VEILEDER, "K2"), (ADVISOR, "K1")] {
        let (status, body) = service.call("GET", &format!("/v1/candidates/{id}/needs"), token, None).await;
        assert_eq!(status, 403, "{token:?} on {id}: {body}");
    }
    let (status, _) = service.call("GET", "/v1/caseload/needs", ADVISOR, None).await;
    assert_eq!(status, 403);
    let denied =
        service.audit().into_iter().filter(|l| l["action"] == "reverse_match" && l["decision"] == "DENY").count();
    assert_eq!(denied, 4);
}

#[tokio::test]
async fn a_tag_shows_which_needs_it_opens_and_the_needs_owner_sees_who_newly_qualifies() {
    let service = seeded().await;
    let (status, _) = service.call("GET", "/v1/needs/fiske/newly-qualified", ADVISOR, None).await;
    assert_eq!(status, 200, "a first look");
    let tag = r#"{"label": "fiske", "kind": "interest"}"#;
    let (status, written) = service.call("POST", "/v1/candidates/K1/tags", VEILEDER, Some(tag)).await;
    assert_eq!(status, 201, "{written}");
    assert_eq!(written["label"], "fiske");
    assert_eq!(ids(&written["open_needs"]["entered"]), ["fiske"], "{written}");
    assert!(written["open_needs"]["left"].as_array().expect("left").is_empty());

    let (status, arrivals) = service.call("GET", "/v1/needs/fiske/newly-qualified", ADVISOR, None).await;
    assert_eq!(status, 200);
    let arrivals = arrivals.as_array().expect("a list");
    assert_eq!(arrivals.len(), 1);
    assert_eq!(arrivals[0]["candidate"], "K1");
    assert!(
        arrivals[0].get("adaptations").is_none() && !arrivals[0].to_string().contains("løft"),
        "nothing but id, score, when"
    );
    let (_, again) = service.call("GET", "/v1/needs/fiske/newly-qualified", ADVISOR, None).await;
    assert_eq!(again, json!([]), "seen since the last look");
    let (status, _) = service.call("GET", "/v1/needs/fiske/newly-qualified", OTHER_ADVISOR, None).await;
    assert_eq!(status, 403, "the owner's alone");

    let (_, found) = service.call("GET", "/v1/candidates/K1/needs", VEILEDER, None).await;
    let scores: Vec<f64> =
        found["fits"].as_array().expect("fits").iter().map(|f| f["score"].as_f64().expect("score")).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first: {scores:?}");
    assert!(ids(&found["fits"]).contains(&"fiske"), "{found}");
    let (status, _) = service.call("DELETE", "/v1/candidates/K1/tags/fiske", VEILEDER, None).await;
    assert_eq!(status, 204);
    let (_, found) = service.call("GET", "/v1/candidates/K1/needs", VEILEDER, None).await;
    assert!(!ids(&found["fits"]).contains(&"fiske"), "{found}");
}

#[tokio::test]
async fn the_pages_show_the_caseload_a_candidates_needs_a_tags_effect_and_the_owners_new_arrivals() {
    let service = seeded().await;
    let (status, _, html) = service.page("GET", "/veileder/behov", VEILEDER, None).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("5 åpne behov") && html.contains("/veileder/kandidat/K1/behov"), "{html}");
    assert!(html.contains("Passer ingen åpne behov") && html.contains("/veileder/kandidat/K4/behov"), "{html}");
    let (status, _, html) = service.page("GET", "/veileder/kandidat/K1/behov", VEILEDER, None).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Sertifikat eller kurs: førerkort B</strong>: +2 åpne behov"), "{html}");
    assert!(html.contains("Stilling kafe") && !html.contains("Stilling gammel") && !html.contains("K2"), "{html}");
    let (status, _, _) = service.page("GET", "/veileder/kandidat/K2/behov", VEILEDER, None).await;
    assert_eq!(status, 403, "not theirs");
    let (status, _, _) = service.page("GET", "/veileder/behov", ADVISOR, None).await;
    assert_eq!(status, 403);

    // The owner looks at the need once; a veileder's tag then qualifies K1 for it.
    let (_, _, html) = service.page("GET", "/radgiver/lagret/fiske", ADVISOR, None).await;
    assert!(!html.contains("Nye som kvalifiserer"), "{html}");
    let (status, _, html) =
        service.page("POST", "/kandidat/K1/tagger", VEILEDER, Some("kind=interest&label=fiske")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Passer nå") && html.contains("Stilling fiske"), "the tag's effect: {html}");
    let (_, _, html) = service.page("GET", "/radgiver/lagret/fiske", OTHER_ADVISOR, None).await;
    assert!(!html.contains("Nye som kvalifiserer"), "not the owner: {html}");
    let (_, _, html) = service.page("GET", "/radgiver/lagret/fiske", ADVISOR, None).await;
    assert!(html.contains("Nye som kvalifiserer siden du sist så") && html.contains("Legg på listen: K1"), "{html}");
    assert!(!html.contains("løft"), "an advisor never sees adaptation needs through this door");
    let (_, _, html) = service.page("GET", "/radgiver/lagret/fiske", ADVISOR, None).await;
    assert!(!html.contains("Nye som kvalifiserer"), "seen: {html}");
}
