//! Helpers: small hand-written profiles and needs, and an in-memory index over them.

use std::sync::Arc;

use jobbmatch::index::CandidateIndex;
use jobbmatch::matching::Matcher;
use jobbmatch::model::{Candidate, JobNeed, Shortlist};
use jobbmatch::taxonomy::Taxonomy;
use serde_json::{Value, json};

/// A profile: a plain visible candidate in Kristiansand who speaks Norwegian natively, with the
/// fields of `extra` merged over it.
pub fn profile(id: &str, extra: Value) -> Candidate {
    let mut base = json!({
        "id": id,
        "municipality": "Kristiansand",
        "location": {"lat": 58.147, "lon": 7.995},
        "languages": [{"language": "norsk", "level": "C2"}],
    });
    merge(&mut base, extra);
    let candidate: Candidate = serde_json::from_value(base).expect("test profiles are valid");
    candidate.validate().expect("test profiles validate");
    candidate
}

/// A need with `id` "test" and the fields of `extra`.
pub fn need(extra: Value) -> JobNeed {
    let mut base = json!({"id": "test", "title": "Test", "top": 50});
    merge(&mut base, extra);
    JobNeed::from_json(&base.to_string()).expect("test needs are valid")
}

fn merge(base: &mut Value, extra: Value) {
    if let (Some(base), Value::Object(extra)) = (base.as_object_mut(), extra) {
        base.extend(extra);
    }
}

pub fn taxonomy() -> Arc<Taxonomy> {
    Taxonomy::embedded().expect("embedded taxonomy")
}

/// An in-memory index holding `candidates`.
pub fn index(candidates: &[Candidate]) -> CandidateIndex {
    let index = CandidateIndex::in_memory(taxonomy()).expect("in-memory index");
    index.replace_all(candidates, &|_| {}).expect("indexing succeeds");
    index
}

pub fn shortlist(index: &CandidateIndex, need: &JobNeed) -> Shortlist {
    Matcher::new(index).shortlist(need).expect("shortlist succeeds")
}

/// Ids on the shortlist, in rank order.
pub fn ids(shortlist: &Shortlist) -> Vec<&str> {
    shortlist.candidates.iter().map(|entry| entry.id.as_str()).collect()
}

/// The committed fixture candidates, indexed once per test binary.
pub fn fixture_index() -> &'static CandidateIndex {
    static INDEX: std::sync::OnceLock<CandidateIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let candidates =
            jobbmatch::load::read_candidates(&fixtures_dir().join("candidates.jsonl")).expect("fixtures load");
        index(&candidates)
    })
}

/// The committed fixture needs, by file name.
pub fn fixture_needs() -> Vec<(String, JobNeed)> {
    let mut needs: Vec<(String, JobNeed)> = std::fs::read_dir(fixtures_dir().join("needs"))
        .expect("fixtures/needs exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable need");
            let need = JobNeed::from_json(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            (path.file_name().expect("file name").to_string_lossy().into_owned(), need)
        })
        .collect();
    needs.sort_by(|a, b| a.0.cmp(&b.0));
    needs
}

pub fn fixtures_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The HTTP service over an in-memory index, with its log, audit log and dev tokens in a
/// temporary directory.
pub struct Service {
    pub state: std::sync::Arc<jobbmatch::service::Service>,
    pub store: std::sync::Arc<jobbmatch::store::Store>,
    pub dir: tempfile::TempDir,
}

pub fn service(candidates: &[Candidate]) -> Service {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = std::sync::Arc::new(
        jobbmatch::store::Store::over(index(candidates), &dir.path().join("wal.jsonl")).expect("store"),
    );
    let audit = jobbmatch::service::AuditLog::open(&dir.path().join("audit.jsonl")).expect("audit log");
    let follow_ups =
        jobbmatch::followup::FollowUps::open(&dir.path().join(jobbmatch::followup::FOLLOWUP_FILE)).expect("lists");
    let state = std::sync::Arc::new(
        jobbmatch::service::Service::new(store.clone(), jobbmatch::service::Tokens::dev(), audit)
            .with_follow_ups(std::sync::Arc::new(follow_ups)),
    );
    Service { state, store, dir }
}

impl Service {
    /// Sends one request through the router (no socket) and returns the status and JSON body.
    pub async fn call(&self, method: &str, uri: &str, token: Option<&str>, body: Option<&str>) -> (u16, Value) {
        use tower::ServiceExt;
        let mut request = axum::http::Request::builder().method(method).uri(uri);
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        let request = request
            .header("content-type", "application/json")
            .body(axum::body::Body::from(body.unwrap_or_default().to_string()))
            .expect("request");
        let response = jobbmatch::app::router(self.state.clone()).oneshot(request).await.expect("infallible");
        let status = response.status().as_u16();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body");
        let value = serde_json::from_slice(&bytes).unwrap_or(Value::String(String::from_utf8_lossy(&bytes).into()));
        (status, value)
    }

    /// Every audit entry so far.
    /// Sends a page request with the session cookie of `token` (a form body when given) and
    /// returns the status, the `location` header and the HTML.
    pub async fn page(
        &self,
        method: &str,
        uri: &str,
        token: Option<&str>,
        form: Option<&str>,
    ) -> (u16, String, String) {
        use tower::ServiceExt;
        let mut request = axum::http::Request::builder().method(method).uri(uri);
        if let Some(token) = token {
            request = request.header("cookie", self.session_cookie(token));
        }
        let request = request
            .header("content-type", "application/x-www-form-urlencoded")
            .body(axum::body::Body::from(form.unwrap_or_default().to_string()))
            .expect("request");
        let response = jobbmatch::app::router(self.state.clone()).oneshot(request).await.expect("infallible");
        let status = response.status().as_u16();
        let location = response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body");
        (status, location, String::from_utf8_lossy(&bytes).into_owned())
    }

    /// The cookie of a page session signed in with `token` (or a made-up id when the token is
    /// unknown, which names no session).
    pub fn session_cookie(&self, token: &str) -> String {
        let id = self.state.sign_in(token).map_or_else(|_| "no-such-session".to_string(), |(_, id)| id);
        format!("jobbmatch_okt={id}")
    }

    pub fn audit(&self) -> Vec<Value> {
        std::fs::read_to_string(self.dir.path().join("audit.jsonl"))
            .unwrap_or_default()
            .lines()
            .map(|line| serde_json::from_str(line).expect("audit lines are JSON"))
            .collect()
    }
}

/// A visible candidate followed by the dev veileder (V1042), with a tag and an adaptation need.
pub fn followed(id: &str) -> Candidate {
    profile(
        id,
        json!({"veileder": "V1042", "skills": ["kundeservice"], "adaptation_needs": ["ikke tunge løft"],
               "tags": [{"label": "glad i mat", "kind": "interest", "by": "V1042", "at": "2026-05-01T10:00:00Z"}]}),
    )
}
