//! The languages of the user interface: Dutch first, English second.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language the user interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, Dutch first.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The language's two-letter code (`nl`, `en`), as stored and kept in the language cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Picks the first supported language from an `Accept-Language` header; Dutch otherwise.
    pub fn from_accept_language(header: &str) -> Lang {
        for part in header.split(',') {
            let tag = part
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            if tag.starts_with("nl") {
                return Lang::Nl;
            }
            if tag.starts_with("en") {
                return Lang::En;
            }
        }
        Lang::Nl
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().to_ascii_lowercase().as_str() {
            "nl" => Ok(Lang::Nl),
            "en" => Ok(Lang::En),
            _ => Err(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_the_first_supported_tag() {
        assert_eq!(
            Lang::from_accept_language("de-DE,en;q=0.8,nl;q=0.5"),
            Lang::En
        );
        assert_eq!(Lang::from_accept_language("nl-NL,nl;q=0.9"), Lang::Nl);
        assert_eq!(Lang::from_accept_language("fr"), Lang::Nl);
        assert_eq!(Lang::from_accept_language(""), Lang::Nl);
    }
}
