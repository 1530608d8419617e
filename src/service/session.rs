//! Page sessions. Signing in on the pages opens a session on the server: a random id, held in a
//! cookie (HttpOnly, SameSite=Strict), that names the caller until it expires or they sign out.
//! The cookie never holds the token itself, so signing out revokes it, and a stolen cookie dies
//! with its session. Both doors read it — the pages for themselves, the API for the pages' script.
//!
//! Sessions live in memory: a restart signs everyone out, which is safe and cheap.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::caller::Caller;

/// The cookie's name.
pub const SESSION_COOKIE: &str = "jobbmatch_okt";
/// A session unused this long is closed.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(30 * 60);
/// No session lives longer than a working day.
pub const LIFETIME: Duration = Duration::from_secs(10 * 60 * 60);
/// Sessions open at once; the stalest goes when a new one would pass this.
const MAX_SESSIONS: usize = 10_000;

/// The session id among a request's `Cookie` header values, if any.
pub fn session_in_cookies<'a>(headers: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    headers
        .into_iter()
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, id)| id)
        .filter(|id| !id.is_empty())
}

/// The open sessions.
#[derive(Debug)]
pub struct Sessions {
    open: Mutex<HashMap<String, Session>>,
    idle_timeout: Duration,
    lifetime: Duration,
}

#[derive(Debug)]
struct Session {
    caller: Caller,
    opened: Instant,
    last_used: Instant,
}

impl Default for Sessions {
    fn default() -> Self {
        Sessions::with_timeouts(IDLE_TIMEOUT, LIFETIME)
    }
}

/// The system's random source failed; no session can be opened safely.
#[derive(Debug, thiserror::Error)]
#[error("no random session id could be made: {0}")]
pub struct NoRandomness(String);

impl Sessions {
    pub fn with_timeouts(idle_timeout: Duration, lifetime: Duration) -> Sessions {
        Sessions { open: Mutex::new(HashMap::new()), idle_timeout, lifetime }
    }

    /// Opens a session for `caller` and returns its id (256 random bits, hex).
    pub fn open(&self, caller: Caller) -> Result<String, NoRandomness> {
        let id = crate::store::wal::random_hex(32).map_err(|error| NoRandomness(error.to_string()))?;
        let now = Instant::now();
        let mut open = self.lock();
        open.retain(|_, session| self.alive(session, now));
        if open.len() >= MAX_SESSIONS {
            if let Some(stalest) = open.iter().min_by_key(|(_, s)| s.last_used).map(|(id, _)| id.clone()) {
                open.remove(&stalest);
            }
        }
        open.insert(id.clone(), Session { caller, opened: now, last_used: now });
        Ok(id)
    }

    /// The caller session `id` names, if it is open and alive; using it keeps it alive.
    pub fn caller(&self, id: &str) -> Option<Caller> {
        let now = Instant::now();
        let mut open = self.lock();
        let alive = open.get(id).is_some_and(|session| self.alive(session, now));
        if !alive {
            open.remove(id);
            return None;
        }
        let session = open.get_mut(id)?;
        session.last_used = now;
        Some(session.caller.clone())
    }

    /// Closes session `id`; the caller it named, if it was open.
    pub fn close(&self, id: &str) -> Option<Caller> {
        self.lock().remove(id).map(|session| session.caller)
    }

    fn alive(&self, session: &Session, now: Instant) -> bool {
        now.duration_since(session.last_used) < self.idle_timeout && now.duration_since(session.opened) < self.lifetime
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Session>> {
        self.open.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::Role;

    fn caller() -> Caller {
        Caller { ident: "R2001".into(), name: "Rita".into(), role: Role::Advisor }
    }

    #[test]
    fn the_session_id_is_found_among_other_cookies() {
        assert_eq!(session_in_cookies(["a=1; jobbmatch_okt=abc; b=2"]), Some("abc"));
        assert_eq!(session_in_cookies(["a=1", "jobbmatch_okt=xyz"]), Some("xyz"));
        assert_eq!(session_in_cookies(["jobbmatch_okt="]), None);
        assert_eq!(session_in_cookies(["other=1"]), None);
    }

    #[test]
    fn a_session_names_its_caller_until_closed_and_ids_are_random() {
        let sessions = Sessions::default();
        let id = sessions.open(caller()).expect("random");
        let other = sessions.open(caller()).expect("random");
        assert_eq!(id.len(), 64);
        assert_ne!(id, other);
        assert_eq!(sessions.caller(&id).map(|c| c.ident), Some("R2001".into()));
        assert_eq!(sessions.close(&id).map(|c| c.ident), Some("R2001".into()));
        assert!(sessions.caller(&id).is_none(), "closed means gone");
        assert!(sessions.close(&id).is_none());
        assert!(sessions.caller(&other).is_some(), "other sessions live on");
    }

    #[test]
    fn an_idle_or_old_session_expires() {
        let idle = Sessions::with_timeouts(Duration::ZERO, LIFETIME);
        let id = idle.open(caller()).expect("random");
        assert!(idle.caller(&id).is_none());
        let old = Sessions::with_timeouts(IDLE_TIMEOUT, Duration::ZERO);
        let id = old.open(caller()).expect("random");
        assert!(old.caller(&id).is_none());
    }
}
