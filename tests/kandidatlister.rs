//! Saved needs and kandidatlister through the API: a need walked from saved to closed, the roles
//! (only the owner sets outcomes; a veileder sees only their own candidates' places; nobody sees
//! adaptation needs through this door), the report, GDPR erasure, and the audit lines.

use serde_json::{Value, json};

use crate::common::{Service, followed, profile, service};

const ADVISOR: Option<&str> = Some("dev-radgiver");
const OTHER_ADVISOR: Option<&str> = Some("dev-radgiver-2");
const VEILEDER: Option<&str> = Some("dev-veileder");
const OTHER_VEILEDER: Option<&str> = Some("dev-veileder-2");
const ADMIN: Option<&str> = Some("dev-admin");

fn fixture() -> Service {
    service(&[
        followed("K1"),
        profile("K2", json!({"veileder": "V1007", "skills": ["kundeservice", "kassearbeid"]})),
        profile("K3", json!({"skills": ["sveising"]})),
    ])
}

fn saved_need() -> String {
    json!({
        "need": {"id": "butikk-1", "title": "Butikkmedarbeider",
                 "criteria": [{"kind": "skill", "value": "kundeservice", "importance": "must"}]},
        "employer": "Butikken AS", "kontor": "NAV Kristiansand", "positions": 1, "styrk": "5223"
    })
    .to_string()
}

async fn change(service: &Service, token: Option<&str>, candidate: &str, body: Value) -> (u16, Value) {
    let uri = format!("/v1/needs/butikk-1/candidates/{candidate}");
    service.call("POST", &uri, token, Some(&body.to_string())).await
}

fn entry<'a>(view: &'a Value, candidate: &str) -> &'a Value {
    view["candidates"].as_array().and_then(|c| c.iter().find(|e| e["candidate"] == candidate)).expect("on the list")
}

#[tokio::test]
async fn a_need_walks_from_saved_to_closed_with_every_change_kept() {
    let service = fixture();
    assert_eq!(service.call("POST", "/v1/needs", VEILEDER, Some(&saved_need())).await.0, 403);
    let (status, view) = service.call("POST", "/v1/needs", ADVISOR, Some(&saved_need())).await;
    assert_eq!(status, 201, "{view}");
    assert_eq!((view["owner"].as_str(), view["state"].as_str()), (Some("R2001"), Some("åpen")));
    assert_eq!(service.call("POST", "/v1/needs", ADVISOR, Some(&saved_need())).await.0, 400, "an id once");
    // A need whose criteria cannot be matched is refused with the criterion named, and kept
    // nowhere: the caseload view of the open needs still answers.
    let unmatched = saved_need().replace("butikk-1", "butikk-2").replace(
        r#"{"importance":"must","kind":"skill","value":"kundeservice"}"#,
        r#"{"importance":"must","kind":"language","value":"(SH~s"}"#,
    );
    assert!(unmatched.contains("(SH~s"), "the criterion to refuse: {unmatched}");
    let (status, refused) = service.call("POST", "/v1/needs", ADVISOR, Some(&unmatched)).await;
    assert_eq!(status, 400, "{refused}");
    assert!(refused["detail"].as_str().is_some_and(|d| d.contains("(SH~s")), "{refused}");
    assert_eq!(service.call("GET", "/v1/needs/butikk-2", ADVISOR, None).await.0, 404, "nothing half-saved");
    assert_eq!(service.call("GET", "/v1/caseload/needs", VEILEDER, None).await.0, 200);

    let (_, mine) = service.call("GET", "/v1/needs?state=%C3%A5pen", ADVISOR, None).await;
    assert_eq!(mine.as_array().map(Vec::len), Some(1), "{mine}");
    let (_, theirs) = service.call("GET", "/v1/needs", OTHER_ADVISOR, None).await;
    assert_eq!(theirs, json!([]), "another advisor's own needs");
    let (_, kontor) = service.call("GET", "/v1/needs?kontor=NAV%20Kristiansand", OTHER_ADVISOR, None).await;
    assert_eq!(kontor.as_array().map(Vec::len), Some(1), "the kontor's needs: {kontor}");

    // Candidates come from the need's shortlist, with a snapshot of how they matched then.
    let add = |id: &str| json!({"candidate": id}).to_string();
    let (status, view) = service.call("POST", "/v1/needs/butikk-1/candidates", ADVISOR, Some(&add("K1"))).await;
    assert_eq!(status, 201, "{view}");
    assert!(entry(&view, "K1")["snapshot"]["explanation"][0].as_str().is_some_and(|e| e.contains("oppfylt")));
    assert_eq!(service.call("POST", "/v1/needs/butikk-1/candidates", ADVISOR, Some(&add("K1"))).await.0, 400);
    // A near miss may be added too, with the gap as its explanation; someone unknown may not.
    let (status, view) = service.call("POST", "/v1/needs/butikk-1/candidates", ADVISOR, Some(&add("K3"))).await;
    assert_eq!(status, 201, "{view}");
    assert_eq!(entry(&view, "K3")["snapshot"]["explanation"], json!(["nesten: mangler kundeservice"]));
    let (status, body) = service.call("POST", "/v1/needs/butikk-1/candidates", ADVISOR, Some(&add("K99"))).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(service.call("POST", "/v1/needs/butikk-1/candidates", OTHER_ADVISOR, Some(&add("K2"))).await.0, 201);

    assert_eq!(change(&service, ADVISOR, "K1", json!({"status": "kontaktet"})).await.0, 200);
    assert_eq!(change(&service, ADVISOR, "K2", json!({"status": "uaktuell"})).await.0, 400, "a reason is needed");
    let unsuitable = json!({"status": "uaktuell", "reason": "working_hours"});
    assert_eq!(change(&service, ADVISOR, "K2", unsuitable).await.0, 200);
    assert_eq!(change(&service, ADVISOR, "K1", json!({"status": "kontaktet", "outcome": "presentert"})).await.0, 400);
    let (status, body) = change(&service, OTHER_ADVISOR, "K1", json!({"outcome": "presentert"})).await;
    assert_eq!(status, 403, "only the owner sets outcomes: {body}");
    let (status, view) = change(&service, ADVISOR, "K1", json!({"outcome": "presentert"})).await;
    assert_eq!(status, 200, "{view}");
    let history: Vec<&str> = entry(&view, "K1")["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter_map(|change| change["what"].as_str())
        .collect();
    assert_eq!(history, ["added", "status:kontaktet", "outcome:presentert"]);
    assert!(!view.to_string().contains("tunge løft"), "no adaptation needs through this door: {view}");

    // Removing archives, and can be undone.
    assert_eq!(change(&service, ADVISOR, "K2", json!({"archived": true})).await.0, 200);
    let (_, view) = change(&service, ADVISOR, "K2", json!({"archived": false})).await;
    assert_eq!(entry(&view, "K2")["archived"], false);

    // Veiledere see where their own candidates stand, and no one else on the list.
    let (status, places) = service.call("GET", "/v1/followed/lists", VEILEDER, None).await;
    assert_eq!(status, 200, "{places}");
    assert_eq!(places.as_array().map(Vec::len), Some(1));
    assert_eq!((places[0]["candidate"].as_str(), places[0]["status"].as_str()), (Some("K1"), Some("kontaktet")));
    assert!(!places.to_string().contains("K2"), "{places}");
    let (_, places) = service.call("GET", "/v1/followed/lists", OTHER_VEILEDER, None).await;
    assert_eq!(places[0]["candidate"], "K2");
    assert_eq!(service.call("GET", "/v1/followed/lists", ADVISOR, None).await.0, 403);
    assert_eq!(service.call("GET", "/v1/needs/butikk-1", VEILEDER, None).await.0, 403);

    // Closing: the owner only, with a reason; the list closes and the presented candidate learns
    // that nobody got the job.
    let close = json!({"state": "avsluttet"}).to_string();
    assert_eq!(service.call("POST", "/v1/needs/butikk-1/state", ADVISOR, Some(&close)).await.0, 400);
    let close = json!({"state": "avsluttet", "reason": "stillingen ble trukket"}).to_string();
    assert_eq!(service.call("POST", "/v1/needs/butikk-1/state", OTHER_ADVISOR, Some(&close)).await.0, 403);
    let (status, view) = service.call("POST", "/v1/needs/butikk-1/state", ADVISOR, Some(&close)).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(entry(&view, "K1")["outcome"], "ingen_fikk_jobben");
    assert_eq!(change(&service, ADVISOR, "K1", json!({"status": "aktuell"})).await.0, 400, "a closed list");

    let (status, report) = service.call("GET", "/v1/reports/time-to-match", ADVISOR, None).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["overall"]["needs"], 1);
    assert_eq!(report["overall"]["presented"], 1);
    assert_eq!(report["overall"]["shortlisted"], 3);
    assert_eq!(service.call("GET", "/v1/reports/time-to-match?from=mars", ADVISOR, None).await.0, 400);
    let (status, outcomes) = service.call("GET", "/v1/reports/outcomes", ADVISOR, None).await;
    assert_eq!(status, 200, "{outcomes}");
    assert_eq!(outcomes["presented"]["candidates"], 1, "{outcomes}");
    assert_eq!(outcomes["presented"]["criteria"]["skill"]["met_share"], 1.0, "{outcomes}");
    assert_eq!(outcomes["presented"]["evidence"]["exact"], 1.0, "{outcomes}");
    assert_eq!(outcomes["set_aside"]["candidates"], 1, "K2, uaktuell: {outcomes}");
    assert_eq!(service.call("GET", "/v1/reports/outcomes", VEILEDER, None).await.0, 403);
    let (status, csv) = service.call("GET", "/v1/reports/time-to-match.csv", ADVISOR, None).await;
    assert_eq!(status, 200);
    let csv = csv.as_str().expect("text");
    assert!(
        csv.starts_with("behov;kontor;maaned;styrk_gruppe;") && csv.contains("\r\nbutikk-1;NAV Kristiansand;"),
        "{csv}"
    );
    let (_, metrics) = service.call("GET", "/metrics", None, None).await;
    let metrics = metrics.as_str().expect("text");
    assert!(
        metrics.contains("jobbmatch_needs_saved 1") && metrics.contains("jobbmatch_list_candidates_presented 1"),
        "{metrics}"
    );

    let actions: Vec<String> = service.audit().iter().map(|e| format!("{} {}", e["action"], e["decision"])).collect();
    for expected in
        ["save_need PERMIT", "change_list PERMIT", "change_need PERMIT", "read_lists PERMIT", "report PERMIT"]
    {
        let (action, decision) = expected.split_once(' ').expect("pair");
        assert!(actions.contains(&format!("\"{action}\" \"{decision}\"")), "{expected}: {actions:?}");
    }
    assert!(actions.contains(&"\"save_need\" \"DENY\"".to_string()), "the veileder's refused save: {actions:?}");
}

#[tokio::test]
async fn an_erased_candidate_leaves_every_list_and_the_counts_stay_true() {
    let service = fixture();
    assert_eq!(service.call("POST", "/v1/needs", ADVISOR, Some(&saved_need())).await.0, 201);
    let add = json!({"candidate": "K1"}).to_string();
    assert_eq!(service.call("POST", "/v1/needs/butikk-1/candidates", ADVISOR, Some(&add)).await.0, 201);
    assert_eq!(change(&service, ADVISOR, "K1", json!({"outcome": "presentert"})).await.0, 200);
    assert_eq!(service.call("DELETE", "/v1/candidates/K1", ADMIN, None).await.0, 204);

    let (_, view) = service.call("GET", "/v1/needs/butikk-1", ADVISOR, None).await;
    let only = &view["candidates"][0];
    assert!(only["candidate"].as_str().is_some_and(|id| id.starts_with("slettet-")), "{view}");
    assert_eq!(only["snapshot"]["explanation"], json!([]), "no snapshot kept");
    assert_eq!(only["outcome"], "presentert", "the count stays true");
    let log = std::fs::read_to_string(service.dir.path().join(jobbmatch::followup::FOLLOWUP_FILE)).expect("log");
    assert!(!log.contains("\"K1\""), "the log no longer names K1: {log}");
    let (_, report) = service.call("GET", "/v1/reports/time-to-match", ADVISOR, None).await;
    assert_eq!(report["overall"]["presented"], 1);
}

#[tokio::test]
async fn a_need_is_handed_over_and_copied_and_a_veileder_records_their_candidates_answer() {
    let service = fixture();
    assert_eq!(service.call("POST", "/v1/needs", ADVISOR, Some(&saved_need())).await.0, 201);
    let add = json!({"candidate": "K1"}).to_string();
    assert_eq!(service.call("POST", "/v1/needs/butikk-1/candidates", ADVISOR, Some(&add)).await.0, 201);

    // The candidate's own answer, by their own veileder only.
    let answer = json!({"answer": "ønsker_å_bli_presentert"}).to_string();
    let uri = "/v1/followed/lists/butikk-1/K1";
    assert_eq!(service.call("POST", uri, OTHER_VEILEDER, Some(&answer)).await.0, 403);
    assert_eq!(service.call("POST", uri, ADVISOR, Some(&answer)).await.0, 403);
    assert_eq!(service.call("POST", uri, VEILEDER, Some(&answer)).await.0, 204);
    let (_, view) = service.call("GET", "/v1/needs/butikk-1", ADVISOR, None).await;
    assert_eq!(entry(&view, "K1")["answer"], "ønsker_å_bli_presentert", "the advisor sees it");
    let (_, places) = service.call("GET", "/v1/followed/lists", VEILEDER, None).await;
    assert_eq!(places[0]["answer"], "ønsker_å_bli_presentert");

    // Handing over: the owner only, to a known advisor; then the new owner sets outcomes.
    let to = |ident: &str| json!({"to": ident}).to_string();
    assert_eq!(service.call("POST", "/v1/needs/butikk-1/owner", OTHER_ADVISOR, Some(&to("R2002"))).await.0, 403);
    assert_eq!(service.call("POST", "/v1/needs/butikk-1/owner", ADVISOR, Some(&to("R9999"))).await.0, 400);
    let (status, view) = service.call("POST", "/v1/needs/butikk-1/owner", ADVISOR, Some(&to("R2002"))).await;
    assert_eq!((status, view["owner"].as_str()), (200, Some("R2002")), "{view}");
    assert_eq!(change(&service, ADVISOR, "K1", json!({"outcome": "presentert"})).await.0, 403);
    assert_eq!(change(&service, OTHER_ADVISOR, "K1", json!({"outcome": "presentert"})).await.0, 200);

    // A copy is a new need, the caller's, with an empty list.
    let copy = json!({"id": "butikk-2"}).to_string();
    let (status, view) = service.call("POST", "/v1/needs/butikk-1/copy", ADVISOR, Some(&copy)).await;
    assert_eq!(status, 201, "{view}");
    assert_eq!((view["owner"].as_str(), view["candidates"].as_array().map(Vec::len)), (Some("R2001"), Some(0)));
    assert_eq!(view["saved"]["employer"], "Butikken AS");
    assert_eq!(service.call("POST", "/v1/needs/butikk-1/copy", ADVISOR, Some(&copy)).await.0, 400, "id taken");
}

#[tokio::test]
async fn the_pages_filter_needs_hand_them_over_copy_them_and_show_what_outcomes_say() {
    let service = fixture();
    let (status, _) = service.call("POST", "/v1/needs", ADVISOR, Some(&saved_need())).await;
    assert_eq!(status, 201);
    let (status, _) =
        service.call("POST", "/v1/needs/butikk-1/candidates", ADVISOR, Some(r#"{"candidate":"K2"}"#)).await;
    assert_eq!(status, 201);
    let shortlists = |service: &Service| service.audit().into_iter().filter(|l| l["action"] == "shortlist").count();

    // Visiting the need page runs no shortlist; asking for suggestions does.
    let before = shortlists(&service);
    let (status, _, html) = service.page("GET", "/radgiver/lagret/butikk-1", ADVISOR, None).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("?forslag") && !html.contains("Fra kortlisten"), "{html}");
    assert_eq!(shortlists(&service), before, "a visit is not a search");
    let (_, _, html) = service.page("GET", "/radgiver/lagret/butikk-1?forslag", ADVISOR, None).await;
    assert!(html.contains("Fra kortlisten"), "{html}");
    assert_eq!(shortlists(&service), before + 1);

    // Filters: by state, and a kontor's needs (with their owner).
    let (_, _, html) = service.page("GET", "/radgiver/lagrede?state=fylt", ADVISOR, None).await;
    assert!(html.contains("Ingen behov passer filteret") && !html.contains("butikk-1"), "{html}");
    let (_, _, html) = service.page("GET", "/radgiver/lagrede?state=%C3%A5pen", ADVISOR, None).await;
    assert!(html.contains("/radgiver/lagret/butikk-1"), "{html}");
    let (_, _, html) = service.page("GET", "/radgiver/lagrede", OTHER_ADVISOR, None).await;
    assert!(!html.contains("butikk-1"), "not theirs: {html}");
    let (_, _, html) =
        service.page("GET", "/radgiver/lagrede?state=&kontor=NAV+Kristiansand", OTHER_ADVISOR, None).await;
    assert!(html.contains("Behov ved NAV Kristiansand") && html.contains("/radgiver/lagret/butikk-1"), "{html}");

    // Another advisor may copy it (owning the copy), but not hand it over.
    let (status, _, html) =
        service.page("POST", "/radgiver/lagret/butikk-1", OTHER_ADVISOR, Some("action=handover&to=R2002")).await;
    assert_eq!(status, 403, "{html}");
    let (status, _, html) =
        service.page("POST", "/radgiver/lagret/butikk-1", OTHER_ADVISOR, Some("action=copy&copy_id=butikk-2")).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Kopien er lagret") && html.contains("Ingen kandidater på listen"), "{html}");
    let (_, copy) = service.call("GET", "/v1/needs/butikk-2", OTHER_ADVISOR, None).await;
    assert_eq!(copy["owner"], "R2002", "{copy}");

    // The owner hands the original over; the page now says who owns it and offers no owner controls.
    let (status, _, html) =
        service.page("POST", "/radgiver/lagret/butikk-1", ADVISOR, Some("action=handover&to=nobody")).await;
    assert_eq!(status, 400, "an unknown advisor: {html}");
    let (status, _, html) =
        service.page("POST", "/radgiver/lagret/butikk-1", ADVISOR, Some("action=handover&to=R2002")).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Behovet er gitt videre") && html.contains("Behovet eies av R2002"), "{html}");
    assert!(!html.contains("name=\"outcome\""), "no longer the owner: {html}");

    // The time-to-match page also shows what outcomes say, by evidence and criterion kind.
    let (_, _, html) = service.page("GET", "/radgiver/tid-til-match", ADVISOR, None).await;
    assert!(html.contains("Ingen kandidater er presentert eller satt til side ennå"), "{html}");
    let (status, _) = change(&service, OTHER_ADVISOR, "K2", json!({"outcome": "presentert"})).await;
    assert_eq!(status, 200);
    let (status, _, html) = service.page("GET", "/radgiver/tid-til-match", ADVISOR, None).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Hva utfallene sier om matchingen") && html.contains("Kriterium møtt: Ferdighet"), "{html}");
    assert!(html.contains("<th scope=\"col\">Presentert (1)</th>") && html.contains("100 % av 1"), "{html}");
}
