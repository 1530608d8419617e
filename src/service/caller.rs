//! Who is calling: tokens mapped to NAV roles by a tokens file.
//!
//! - A **veileder** (counsellor) reads and tags only the candidates they follow.
//! - A **rekrutteringsrådgiver** (recruitment advisor) asks for shortlists over all visible
//!   candidates and reads profiles.
//! - An **admin** upserts and deletes profiles.
//!
//! The embedded default writes a development tokens file on first start and says so.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// A caller's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub enum Role {
    #[serde(rename = "veileder")]
    Veileder,
    #[serde(rename = "rekrutteringsrådgiver")]
    Advisor,
    #[serde(rename = "admin")]
    Admin,
}

impl Role {
    /// The role's name in NAV's words, as the audit log and the tokens file write it.
    pub fn name(self) -> &'static str {
        match self {
            Role::Veileder => "veileder",
            Role::Advisor => "rekrutteringsrådgiver",
            Role::Admin => "admin",
        }
    }
}

/// An authenticated caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caller {
    /// NAV ident, e.g. `V1042`; for a veileder, what candidates' `veileder` field names.
    pub ident: String,
    pub name: String,
    pub role: Role,
}

/// One entry of the tokens file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenEntry {
    token: String,
    #[serde(flatten)]
    caller: Caller,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokensFile {
    tokens: Vec<TokenEntry>,
}

/// Why the tokens file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum TokensError {
    #[error("cannot read tokens file {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("tokens file {path} is not valid: {detail}")]
    Format { path: String, detail: String },
}

/// Known tokens.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    by_token: HashMap<String, Caller>,
}

/// Development tokens written by the embedded default. Veileder V1042 follows fixture candidates.
pub const DEV_TOKENS: [(&str, &str, &str, Role); 5] = [
    ("dev-radgiver", "R2001", "Rita Rådgiver", Role::Advisor),
    ("dev-radgiver-2", "R2002", "Rune Rådgiver", Role::Advisor),
    ("dev-veileder", "V1042", "Vera Veileder", Role::Veileder),
    ("dev-veileder-2", "V1007", "Viktor Veileder", Role::Veileder),
    ("dev-admin", "A3001", "Ada Admin", Role::Admin),
];

impl Tokens {
    /// Reads a tokens file.
    pub fn load(path: &Path) -> Result<Tokens, TokensError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| TokensError::Io { path: path.display().to_string(), source })?;
        let file: TokensFile = serde_json::from_str(&text)
            .map_err(|error| TokensError::Format { path: path.display().to_string(), detail: error.to_string() })?;
        let mut by_token = HashMap::new();
        for entry in file.tokens {
            if entry.token.len() < 8 {
                return Err(TokensError::Format {
                    path: path.display().to_string(),
                    detail: format!("the token for {} is shorter than 8 characters", entry.caller.ident),
                });
            }
            by_token.insert(entry.token, entry.caller);
        }
        Ok(Tokens { by_token })
    }

    /// Reads `path`, first writing the development tokens there if it does not exist. Returns
    /// whether the file was created.
    pub fn load_or_create_dev(path: &Path) -> Result<(Tokens, bool), TokensError> {
        let created = !path.exists();
        if created {
            let file = TokensFile { tokens: DEV_TOKENS.iter().map(Self::dev_entry).collect() };
            let text = serde_json::to_string_pretty(&file).unwrap_or_default();
            std::fs::write(path, text + "\n")
                .map_err(|source| TokensError::Io { path: path.display().to_string(), source })?;
        }
        Ok((Self::load(path)?, created))
    }

    fn dev_entry((token, ident, name, role): &(&str, &str, &str, Role)) -> TokenEntry {
        TokenEntry {
            token: token.to_string(),
            caller: Caller { ident: ident.to_string(), name: name.to_string(), role: *role },
        }
    }

    /// Tokens given directly (tests).
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, Caller)>) -> Tokens {
        Tokens { by_token: pairs.into_iter().collect() }
    }

    /// The development tokens.
    pub fn dev() -> Tokens {
        Self::from_pairs(DEV_TOKENS.iter().map(Self::dev_entry).map(|entry| (entry.token, entry.caller)))
    }

    /// Whether `ident` is a known caller with `role` (to hand a need to another advisor).
    pub fn has(&self, ident: &str, role: Role) -> bool {
        self.by_token.values().any(|caller| caller.ident == ident && caller.role == role)
    }

    /// Who holds `token`, if anyone.
    pub fn caller(&self, token: &str) -> Option<&Caller> {
        self.by_token.get(token)
    }
}
