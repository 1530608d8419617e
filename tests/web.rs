//! The web pages through the router (no browser; tests/browser/ drives Chromium): roles,
//! sign-in, audit, and the forms' round trips. What the pages look like and how they behave
//! with a keyboard is checked in headless Chromium by tests/browser.sh.

use serde_json::{Value, json};

use crate::common::{Service, followed, profile, service};

fn fixture() -> Service {
    service(&[
        followed("K1"),
        profile("K2", json!({"veileder": "V1007", "skills": ["kundeservice", "kassearbeid"]})),
        profile("K3", json!({"skills": ["kundeservice"], "certificates": ["førerkort B"]})),
    ])
}

#[tokio::test]
async fn signing_in_sets_a_strict_session_cookie_and_leads_to_the_roles_start_page() {
    let service = fixture();
    let (status, location, _) = service.page("GET", "/", None, None).await;
    assert_eq!((status, location.as_str()), (303, "/logg-inn"));
    let (status, location, _) = service.page("POST", "/logg-inn", None, Some("token=dev-veileder")).await;
    assert_eq!((status, location.as_str()), (303, "/veileder/kandidater"));
    let (status, _, html) = service.page("POST", "/logg-inn", None, Some("token=feil")).await;
    assert_eq!(status, 401);
    assert!(html.contains("role=\"alert\"") && html.contains("Nøkkelen er ukjent"), "{html}");
    let (status, _, html) = service.page("GET", "/logg-inn", None, None).await;
    assert_eq!(status, 200);
    assert!(html.contains("lang=\"nb\"") && html.contains("<label for=\"token\">"), "labelled, in bokmål");
}

#[tokio::test]
async fn each_role_gets_only_its_pages_and_refusals_are_audited() {
    let service = fixture();
    let (status, _, html) = service.page("GET", "/radgiver/behov", Some("dev-veileder"), None).await;
    assert_eq!(status, 403);
    assert!(html.contains("Ingen tilgang") && !html.contains("Nytt behov</a>"), "the menu does not offer it");
    let (status, _, _) = service.page("GET", "/veileder/kandidater", Some("dev-radgiver"), None).await;
    assert_eq!(status, 403);
    let (status, _, _) = service.page("POST", "/radgiver/kortliste", Some("dev-veileder"), Some("need=%7B%7D")).await;
    assert_eq!(status, 403);
    let (status, _, _) =
        service.page("POST", "/kandidat/K1/tagger", Some("dev-radgiver"), Some("kind=interest&label=fiske")).await;
    assert_eq!(status, 403);
    let (status, location, _) = service.page("GET", "/radgiver/behov", None, None).await;
    assert_eq!((status, location.as_str()), (303, "/logg-inn"), "not signed in: to the sign-in page");
    let denials =
        service.audit().into_iter().filter(|line| line["decision"] == "DENY" && line["action"] == "open_page").count();
    assert_eq!(denials, 4, "{:?}", service.audit());
}

#[tokio::test]
async fn an_advisor_drafts_edits_and_runs_a_need_through_the_forms() {
    let service = fixture();
    let answers = "title=Butikk&place=Kristiansand&top=10&must_have=M%C3%A5+ha+f%C3%B8rerkort+B.&wishes=1.+Kundeservice&room_to_adapt=";
    let (status, _, html) = service.page("POST", "/radgiver/utkast", Some("dev-radgiver"), Some(answers)).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("value=\"førerkort B\""), "the drafted must-have is a row: {html}");
    // The advisor turns the must-have into a wish and runs it: all three qualify.
    let edited = format!(
        "{answers}&c0.kind=certificate&c0.value=f%C3%B8rerkort+B&c0.importance=adjustable&c0.rank=2\
         &c1.kind=skill&c1.value=kundeservice&c1.importance=adjustable&c1.rank=1"
    );
    let (status, _, html) = service.page("POST", "/radgiver/kortliste", Some("dev-radgiver"), Some(&edited)).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("3 av 3 synlige kandidater"), "{html}");
    assert!(html.contains("K3"), "{html}");
    assert!(html.contains("id=\"lexical-only\""), "without the model the page says matching is by words only");
    assert!(!html.contains("id=\"tie\""), "K3 alone has both: no tie at the top");
    // With only the wish all three share, the page says its top is a tie, and how it is ordered.
    let tied = format!("{answers}&c0.kind=skill&c0.value=kundeservice&c0.importance=adjustable&c0.rank=1");
    let (status, _, html) = service.page("POST", "/radgiver/kortliste", Some("dev-radgiver"), Some(&tied)).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("id=\"tie\"") && html.contains("De 3 øverste har lik poengsum"), "{html}");
    let shortlists = service.audit().into_iter().filter(|line| line["action"] == "shortlist").count();
    assert_eq!(shortlists, 2, "the page's shortlists are audited like the API's");
    // A mistake comes back on the edit page with what was typed, not as a lost form.
    let broken = format!("{answers}&distance=langt&c0.kind=skill&c0.value=kundeservice&c0.importance=must");
    let (status, _, html) = service.page("POST", "/radgiver/kortliste", Some("dev-radgiver"), Some(&broken)).await;
    assert_eq!(status, 422);
    assert!(html.contains("Maks avstand") && html.contains("value=\"kundeservice\""), "{html}");
}

#[tokio::test]
async fn a_veileder_tags_and_untags_their_own_candidates_only() {
    let service = fixture();
    let form = "kind=interest&label=interessert+i+fiske";
    let (status, _, html) = service.page("POST", "/kandidat/K1/tagger", Some("dev-veileder"), Some(form)).await;
    assert_eq!(status, 200, "shown at once, with what the tag changed: {html}");
    assert!(html.contains("interessert i fiske") && html.contains("Taggen er lagt til"), "{html}");
    assert!(html.contains("Ingen åpne behov endret seg"), "{html}");
    let (_, _, again) = service.page("POST", "/kandidat/K1/tagger", Some("dev-veileder"), Some(form)).await;
    assert!(again.contains("Kandidaten hadde allerede denne taggen"), "sent twice, added once: {again}");
    let (status, _, _) = service.page("POST", "/kandidat/K2/tagger", Some("dev-veileder"), Some(form)).await;
    assert_eq!(status, 403, "K2 is followed by another veileder");
    let (status, _, html) = service
        .page("POST", "/kandidat/K1/tagger/fjern", Some("dev-veileder"), Some("label=interessert+i+fiske"))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Taggen er fjernet") && !html.contains("interessert i fiske"), "{html}");
    let actions: Vec<String> = service
        .audit()
        .into_iter()
        .filter(|line| line["candidate"] == "K1" || line["candidate"] == "K2")
        .map(|line| format!("{} {}", line["action"], line["decision"]))
        .collect();
    assert!(actions.contains(&"\"tag_add\" \"PERMIT\"".to_string()), "{actions:?}");
    assert!(actions.contains(&"\"tag_add\" \"DENY\"".to_string()), "{actions:?}");
    assert!(actions.contains(&"\"tag_remove\" \"PERMIT\"".to_string()), "{actions:?}");
    let (_, _, html) = service.page("GET", "/veileder/kandidater", Some("dev-veileder"), None).await;
    assert!(html.contains("Du følger 1 kandidater") && html.contains("/kandidat/K1"), "{html}");
}

#[tokio::test]
async fn the_pages_script_may_call_the_api_with_the_session_cookie() {
    use tower::ServiceExt;
    let service = fixture();
    let status_with = |cookie: String| {
        let request = axum::http::Request::builder()
            .uri("/v1/vocabulary?prefix=kunde")
            .header("cookie", cookie)
            .body(axum::body::Body::empty())
            .expect("request");
        let router = jobbmatch::app::router(service.state.clone());
        async move { router.oneshot(request).await.expect("infallible").status() }
    };
    let session = service.session_cookie("dev-radgiver");
    assert_eq!(status_with(format!("theme=dark; {session}")).await, 200);
    // A cookie that names no session is refused like a bad bearer token — and the token itself
    // in the cookie is not a session.
    assert_eq!(status_with("jobbmatch_okt=not-a-session".into()).await, 401);
    assert_eq!(status_with("jobbmatch_okt=dev-radgiver".into()).await, 401);
}

#[tokio::test]
async fn a_must_have_nobody_understood_stays_beside_the_list_until_the_advisor_considers_it() {
    let service = fixture();
    // The API: a shortlist from the answers alone names what it did not understand.
    let need = json!({"id": "n", "title": "Sveiser", "answers": {
        "must_have": "Må ha sjøbein. Må ha førerkort B.", "wishes": "", "room_to_adapt": ""}});
    let (status, body) = service.call("POST", "/v1/shortlists", Some("dev-radgiver"), Some(&need.to_string())).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["warnings"], json!(["1 krav er ikke forstått: «sjøbein»"]), "{body}");
    assert_eq!(body["drafted"]["not_understood"], json!(["sjøbein"]));

    // The pages: the criteria page lists it, and the shortlist page shows it …
    let answers = "title=Sveiser&place=Kristiansand&top=10&must_have=M%C3%A5+ha+sj%C3%B8bein.+M%C3%A5+ha+f%C3%B8rerkort+B.&wishes=&room_to_adapt=";
    let (status, _, html) = service.page("POST", "/radgiver/utkast", Some("dev-radgiver"), Some(answers)).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("id=\"not-understood\"") && html.contains("«sjøbein» er vurdert"), "{html}");
    assert!(html.contains("<mark class=\"unrecognised\">sjøbein</mark>"), "marked where it stands: {html}");
    let rows = "&c0.kind=certificate&c0.value=f%C3%B8rerkort+B&c0.importance=must";
    let open = format!("{answers}{rows}&unresolved=sj%C3%B8bein");
    let (status, _, html) = service.page("POST", "/radgiver/kortliste", Some("dev-radgiver"), Some(&open)).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("1 krav er ikke forstått") && html.contains("«sjøbein»"), "{html}");
    // … until it is marked as considered.
    let considered = format!("{open}&resolved=sj%C3%B8bein");
    let (_, _, html) = service.page("POST", "/radgiver/kortliste", Some("dev-radgiver"), Some(&considered)).await;
    assert!(!html.contains("krav er ikke forstått"), "{html}");
}

#[tokio::test]
async fn a_hiring_formality_is_a_note_and_a_phrase_split_by_a_hyphen_is_still_shown() {
    let service = fixture();
    let answers = "title=Butikk&place=Kristiansand&top=10\
                   &must_have=Politiattest+kreves+ved+ansettelse.+M%C3%A5+forst%C3%A5+HMS-instrukser.&wishes=&room_to_adapt=";
    let (status, _, html) = service.page("POST", "/radgiver/utkast", Some("dev-radgiver"), Some(answers)).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("id=\"notes\"") && html.contains("Politiattest kreves ved ansettelse"), "{html}");
    assert!(!html.contains("value=\"politiattest\""), "not a criterion row: {html}");
    assert!(html.contains("<mark class=\"unrecognised\">HMS</mark>-instrukser"), "{html}");
}

#[tokio::test]
async fn pages_and_answers_carry_the_headers_of_a_careful_web_service() {
    use tower::ServiceExt;
    let service = fixture();
    let session = service.session_cookie("dev-radgiver");
    let get = |uri: &'static str| {
        let request = axum::http::Request::builder()
            .uri(uri)
            .header("cookie", session.clone())
            .body(axum::body::Body::empty())
            .expect("request");
        let router = jobbmatch::app::router(service.state.clone());
        async move { router.oneshot(request).await.expect("infallible") }
    };
    for uri in ["/radgiver/behov", "/v1/vocabulary?prefix=kunde", "/no-such-page"] {
        let response = get(uri).await;
        let headers = response.headers();
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
        assert_eq!(header("x-content-type-options"), "nosniff", "{uri}");
        assert_eq!(header("referrer-policy"), "same-origin", "{uri}");
        assert!(header("content-security-policy").contains("frame-ancestors 'none'"), "{uri}");
        assert_eq!(header("cache-control"), "no-store", "{uri}: candidate data is never cached");
    }
    let asset = get("/static/app.css").await;
    let cache = asset.headers().get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(cache.contains("max-age"), "static assets may be cached: {cache}");
}

#[tokio::test]
async fn a_form_posted_from_another_site_changes_nothing() {
    use tower::ServiceExt;
    let service = fixture();
    let session = service.session_cookie("dev-veileder");
    let post = |origin: Option<&'static str>, site: Option<&'static str>| {
        let mut request = axum::http::Request::builder()
            .method("POST")
            .uri("/kandidat/K1/tagger")
            .header("host", "jobbmatch.nav.test")
            .header("cookie", session.clone())
            .header("content-type", "application/x-www-form-urlencoded");
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        if let Some(site) = site {
            request = request.header("sec-fetch-site", site);
        }
        let request = request.body(axum::body::Body::from("kind=interest&label=fiske")).expect("request");
        let router = jobbmatch::app::router(service.state.clone());
        async move { router.oneshot(request).await.expect("infallible").status().as_u16() }
    };
    assert_eq!(post(Some("https://evil.example"), None).await, 403);
    assert_eq!(post(None, Some("cross-site")).await, 403);
    assert_eq!(post(Some("null"), None).await, 403);
    let (_, body) = service.call("GET", "/v1/candidates/K1", Some("dev-veileder"), None).await;
    assert!(!body.to_string().contains("fiske"), "nothing was added: {body}");
    // The service's own page posts from its own origin.
    assert_eq!(post(Some("https://jobbmatch.nav.test"), Some("same-origin")).await, 200);
    let (_, body) = service.call("GET", "/v1/candidates/K1", Some("dev-veileder"), None).await;
    assert!(body.to_string().contains("fiske"), "{body}");
}

#[tokio::test]
async fn signing_out_closes_the_session_on_the_server() {
    use tower::ServiceExt;
    let service = fixture();
    let send = |method: &'static str, uri: &'static str, cookie: Option<String>, body: &'static str| {
        let mut request = axum::http::Request::builder()
            .method(method)
            .uri(uri)
            .header("content-type", "application/x-www-form-urlencoded");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let request = request.body(axum::body::Body::from(body)).expect("request");
        let router = jobbmatch::app::router(service.state.clone());
        async move { router.oneshot(request).await.expect("infallible") }
    };
    let signed_in = send("POST", "/logg-inn", None, "token=dev-radgiver").await;
    assert_eq!(signed_in.status(), 303);
    let set_cookie = signed_in.headers().get("set-cookie").and_then(|v| v.to_str().ok()).expect("a cookie");
    let cookie = set_cookie.split(';').next().expect("name=value").to_string();
    let id = cookie.strip_prefix("jobbmatch_okt=").expect("the session cookie");
    assert!(id.len() == 64 && id.chars().all(|c| c.is_ascii_hexdigit()), "a random id: {id}");
    assert!(!set_cookie.contains("dev-radgiver"), "the token never leaves in the cookie: {set_cookie}");
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"), "{set_cookie}");

    assert_eq!(send("GET", "/radgiver/behov", Some(cookie.clone()), "").await.status(), 200);
    assert_eq!(send("POST", "/logg-ut", Some(cookie.clone()), "").await.status(), 303);
    // The old cookie, replayed, names nobody: the page asks to sign in, the API refuses.
    let replayed = send("GET", "/radgiver/behov", Some(cookie.clone()), "").await;
    assert_eq!(replayed.status(), 303);
    assert_eq!(send("GET", "/v1/vocabulary?prefix=kunde", Some(cookie), "").await.status(), 401);
    let actions: Vec<String> = service.audit().iter().map(|e| format!("{} {}", e["action"], e["decision"])).collect();
    assert!(actions.contains(&"\"sign_out\" \"PERMIT\"".to_string()), "{actions:?}");
}

#[tokio::test]
async fn a_must_have_demand_jobbmatch_does_not_know_is_named_on_the_shortlist() {
    let service = fixture();
    let form = "title=Lager&place=Kristiansand&top=10&must_have=&wishes=&room_to_adapt=\
                &c0.kind=demand&c0.value=arbeid+med+vibrerende+verkt%C3%B8y&c0.importance=must";
    let (status, _, html) = service.page("POST", "/radgiver/kortliste", Some("dev-radgiver"), Some(form)).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("id=\"unchecked\"") && html.contains("«arbeid med vibrerende verktøy»"), "{html}");
    let known = form.replace("arbeid+med+vibrerende+verkt%C3%B8y", "tunge+l%C3%B8ft");
    let (_, _, html) = service.page("POST", "/radgiver/kortliste", Some("dev-radgiver"), Some(&known)).await;
    assert!(!html.contains("id=\"unchecked\""), "a known demand is checked: {html}");
}

/// A need whose criteria the advisor wrote by hand, leaving out the standing the employer's
/// answers ask for.
fn standing_left_out() -> Value {
    json!({"id": "n", "title": "Pakker", "answers": {
            "must_have": "Må ha førerkort B. Du står hele dagen ved linja.", "wishes": "", "room_to_adapt": ""},
        "criteria": [{"kind": "certificate", "value": "førerkort B", "importance": "must"}]})
}

#[tokio::test]
async fn a_requirement_the_answers_state_and_the_criteria_lack_is_told_beside_the_list() {
    let service = fixture();
    let need = standing_left_out();
    let (status, body) = service.call("POST", "/v1/shortlists", Some("dev-radgiver"), Some(&need.to_string())).await;
    assert_eq!(status, 200, "{body}");
    let warnings = body["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 1, "the standing, and not the licence the criteria hold: {body}");
    let warning = warnings[0].as_str().expect("text");
    assert!(warning.starts_with("svarene stiller krav om «stående arbeid»"), "{warning}");
    assert!(body["drafted"].is_null(), "the criteria are the advisor's; nothing is added to them");

    // With the standing among the criteria, nothing is told.
    let mut covered = need.clone();
    covered["criteria"]
        .as_array_mut()
        .expect("criteria")
        .push(json!({"kind": "demand", "value": "stå hele dagen", "importance": "must"}));
    let (status, body) = service.call("POST", "/v1/shortlists", Some("dev-radgiver"), Some(&covered.to_string())).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.get("warnings").is_none_or(|w| w == &json!([])), "{body}");
}

#[tokio::test]
async fn a_requirement_left_out_on_purpose_is_marked_checked_once_on_either_door() {
    let service = fixture();
    let need = standing_left_out();
    let (_, body) = service.call("POST", "/v1/shortlists", Some("dev-radgiver"), Some(&need.to_string())).await;
    assert_eq!(body["unchecked"], json!(["stående arbeid"]), "{body}");

    // The API: the need says it is checked (in any case), and the list warns of it no more.
    let mut checked = need.clone();
    checked["checked"] = json!(["Stående arbeid"]);
    let (status, body) = service.call("POST", "/v1/shortlists", Some("dev-radgiver"), Some(&checked.to_string())).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.get("warnings").is_none_or(|w| w == &json!([])), "{body}");
    assert!(body.get("unchecked").is_none(), "{body}");
    let mut bad = need.clone();
    bad["checked"] = json!(["stående\u{0007}arbeid"]);
    let bad = bad.to_string();
    let (status, body) = service.call("POST", "/v1/shortlists", Some("dev-radgiver"), Some(&bad)).await;
    assert_eq!(status, 400, "a control character is refused with its field: {body}");
    assert!(body.to_string().contains("checked"), "{body}");

    // The page: the warning has a button that marks it, and the list comes back without it.
    let form = "title=Pakker&place=Kristiansand&top=10&must_have=M%C3%A5+ha+f%C3%B8rerkort+B.+Du+st%C3%A5r+hele+dagen+ved+linja.\
                &wishes=&room_to_adapt=&c0.kind=certificate&c0.value=f%C3%B8rerkort+B&c0.importance=must";
    let (status, _, html) = service.page("POST", "/radgiver/kortliste", Some("dev-radgiver"), Some(form)).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("name=\"check\" value=\"stående arbeid\""), "a button marks it: {html}");
    let carried = html.split("name=\"need\" value=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("need");
    let carried = carried.replace("&quot;", "\"").replace("&amp;", "&");
    let mark = format!("need={}&check=st%C3%A5ende+arbeid", urlencode(&carried));
    let (status, _, html) = service.page("POST", "/radgiver/kortliste", Some("dev-radgiver"), Some(&mark)).await;
    assert_eq!(status, 200, "{html}");
    assert!(!html.contains("id=\"unchecked\""), "no warning once it is checked: {html}");
    assert!(html.contains("er merket som vurdert"), "the page says what changed: {html}");
    assert!(html.contains("name=\"checked\" value=\"stående arbeid\""), "«Endre kriteriene» keeps it: {html}");
}

/// `text` as a form value.
fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
