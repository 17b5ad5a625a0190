//! Validated values: parsed once at the edge, trusted everywhere after.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a value was refused. The web layer turns each into a message for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    /// The input is empty or only whitespace.
    #[error("required")]
    Required,
    /// The input has more characters than the value allows.
    #[error("too long")]
    TooLong,
    /// The input contains control characters (line breaks, tabs, escapes).
    #[error("contains control characters")]
    ControlCharacters,
    /// The input does not look like an e-mail address.
    #[error("not a valid e-mail address")]
    InvalidEmail,
    /// The input names no known role.
    #[error("unknown role")]
    UnknownRole,
}

impl ValueError {
    /// A stable code for APIs and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            ValueError::Required => "required",
            ValueError::TooLong => "too_long",
            ValueError::ControlCharacters => "control_characters",
            ValueError::InvalidEmail => "invalid_email",
            ValueError::UnknownRole => "unknown_role",
        }
    }
}

/// Trims, refuses empty, over-long and control-character input.
fn single_line(input: &str, max_chars: usize) -> Result<String, ValueError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ValueError::Required);
    }
    if trimmed.chars().count() > max_chars {
        return Err(ValueError::TooLong);
    }
    if trimmed.chars().any(char::is_control) {
        return Err(ValueError::ControlCharacters);
    }
    Ok(trimmed.to_owned())
}

/// An e-mail address, stored lower-case. Deliberately simple: one `@`, a dot in the domain,
/// no spaces; the real check is that mail arrives.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// Trims and lower-cases `input` and checks that it looks like an e-mail address.
    pub fn parse(input: &str) -> Result<Self, ValueError> {
        let s = single_line(input, 254)?.to_lowercase();
        let (local, domain) = s.split_once('@').ok_or(ValueError::InvalidEmail)?;
        let ok = !local.is_empty()
            && local.len() <= 64
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !s
                .chars()
                .any(|c| c.is_whitespace() || matches!(c, '<' | '>' | '"' | ',' | ';'));
        if ok {
            Ok(Email(s))
        } else {
            Err(ValueError::InvalidEmail)
        }
    }

    /// The address, lower-case.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = ValueError;
    fn try_from(s: String) -> Result<Self, ValueError> {
        Email::parse(&s)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! text_value {
    ($(#[$doc:meta])* $name:ident, $max:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The most characters the value may hold, after trimming.
            pub const MAX_CHARS: usize = $max;

            /// Trims `input` and refuses it when empty, too long or holding control characters.
            pub fn parse(input: &str) -> Result<Self, ValueError> {
                single_line(input, $max).map(Self)
            }

            /// The trimmed text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = ValueError;
            fn try_from(s: String) -> Result<Self, ValueError> {
                Self::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

text_value!(
    /// A person's name as shown to others.
    DisplayName,
    120
);
text_value!(
    /// The name of a workspace, e.g. "Gemeente Voorbeeld".
    WorkspaceName,
    120
);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  CISO@Voorbeeld.NL ").map(|e| e.0),
            Ok("ciso@voorbeeld.nl".to_owned())
        );
        for bad in [
            "",
            "ciso",
            "ciso@",
            "@voorbeeld.nl",
            "a@b",
            "a b@c.nl",
            "a@b..nl",
            "a@@b.nl",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn names_refuse_control_characters_and_length() {
        assert_eq!(DisplayName::parse("  "), Err(ValueError::Required));
        assert_eq!(
            DisplayName::parse("a\u{7}b"),
            Err(ValueError::ControlCharacters)
        );
        assert_eq!(
            DisplayName::parse(&"x".repeat(121)),
            Err(ValueError::TooLong)
        );
        assert_eq!(
            DisplayName::parse(" Anna de Vries ").map(|n| n.0),
            Ok("Anna de Vries".into())
        );
    }

    proptest! {
        #[test]
        fn a_parsed_email_parses_again_to_itself(s in "\\PC{0,80}") {
            if let Ok(e) = Email::parse(&s) {
                prop_assert_eq!(Email::parse(e.as_str()), Ok(e.clone()));
                prop_assert!(e.as_str().contains('@'));
                prop_assert_eq!(e.as_str().to_lowercase(), e.as_str());
            }
        }

        #[test]
        fn display_names_never_panic_and_hold_no_control_chars(s in "\\PC{0,200}|[\\x00-\\x1f]{0,5}") {
            if let Ok(n) = DisplayName::parse(&s) {
                prop_assert!(!n.as_str().chars().any(char::is_control));
                prop_assert!(n.as_str().chars().count() <= DisplayName::MAX_CHARS);
                prop_assert_eq!(n.as_str().trim(), n.as_str());
            }
        }
    }
}
