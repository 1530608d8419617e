//! Page sessions: the pages keep the caller's token in a cookie (HttpOnly, SameSite=Strict), and
//! both doors read it back — the pages for themselves, the API for the pages' script.

/// The cookie's name.
pub const SESSION_COOKIE: &str = "jobbmatch_okt";

/// The session token among a request's `Cookie` header values, if any.
pub fn token_in_cookies<'a>(headers: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    headers
        .into_iter()
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, token)| token)
        .filter(|token| !token.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_token_is_found_among_other_cookies() {
        assert_eq!(token_in_cookies(["a=1; jobbmatch_okt=abc; b=2"]), Some("abc"));
        assert_eq!(token_in_cookies(["a=1", "jobbmatch_okt=xyz"]), Some("xyz"));
        assert_eq!(token_in_cookies(["jobbmatch_okt="]), None);
        assert_eq!(token_in_cookies(["other=1"]), None);
    }
}
