//! Phone numbers: parsed once from whatever people type (Dutch forms by default), stored in
//! E.164, shown in a readable grouping. Validation uses the `phonenumber` crate (a port of
//! libphonenumber); this module decides which of its answers we trust.

use phonenumber::{Mode, country, metadata::DATABASE};
use serde::{Deserialize, Serialize};
use std::{fmt, hash, str::FromStr};

/// Why a phone number was refused. The web layer turns each code into a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// The input is empty or only whitespace.
    #[error("required")]
    Required,
    /// The input has too many characters or digits to be one phone number.
    #[error("too long")]
    TooLong,
    /// The input is not a number we can dial: letters, an extension, or a wrong length.
    #[error("not a valid phone number")]
    Invalid,
}

impl PhoneError {
    /// A stable code for APIs and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            PhoneError::Required => "required",
            PhoneError::TooLong => "too_long",
            PhoneError::Invalid => "invalid_phone",
        }
    }
}

/// A phone number that can be dialled: E.164 inside (`+31612345678`).
///
/// Dutch numbers must be valid according to the numbering plan (so `06-1234567`, one digit
/// short, is refused). Foreign numbers need only a possible length for their country: the
/// metadata for other countries is less certain, and refusing a real number in a crisis
/// register is worse than accepting an unusual one.
///
/// `Display` shows the readable form ([`PhoneNumber::display`]); serde and `String::from`
/// use E.164.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber {
    e164: String,
    display: String,
}

impl PhoneNumber {
    /// Longer input is refused before it reaches the parser.
    pub const MAX_INPUT_CHARS: usize = 40;

    /// Parses Dutch national forms (`06-12345678`, `(030) 123 45 67`, `0031 6 12345678`,
    /// `+31 (0)6 12345678`) and international ones (`+44 20 7946 0958`). Letters (vanity
    /// numbers, `ext.`) and extensions are refused.
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let number = Self::parse_once(input)?;
        // The parser has quirks with unusual foreign numbers (`+4300000000001` comes out as
        // `+43000000001`). A number we store must read back as itself from both its forms;
        // one that does not was not understood, so it is refused.
        let stable = |form: &str| Self::parse_once(form).is_ok_and(|again| again == number);
        if stable(&number.e164) && stable(&number.display) {
            Ok(number)
        } else {
            Err(PhoneError::Invalid)
        }
    }

    fn parse_once(input: &str) -> Result<Self, PhoneError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneError::Required);
        }
        if trimmed.chars().count() > Self::MAX_INPUT_CHARS {
            return Err(PhoneError::TooLong);
        }
        let cleaned = clean(strip_tel_scheme(trimmed))?;

        let number = phonenumber::parse(Some(country::NL), &cleaned).map_err(|e| match e {
            phonenumber::ParseError::TooLong => PhoneError::TooLong,
            _ => PhoneError::Invalid,
        })?;
        if number.extension().is_some() {
            return Err(PhoneError::Invalid);
        }
        let dutch = number.code().value() == DUTCH_COUNTRY_CODE;
        let acceptable = if dutch {
            number.is_valid()
        } else {
            number.is_valid() || (number.national().zeros() == 0 && has_possible_length(&number))
        };
        if !acceptable {
            return Err(PhoneError::Invalid);
        }

        let e164 = number.format().mode(Mode::E164).to_string();
        let digits = e164.strip_prefix('+').unwrap_or_default();
        if digits.len() > E164_MAX_DIGITS {
            return Err(PhoneError::TooLong);
        }
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PhoneError::Invalid);
        }
        let display = if dutch {
            number.format().mode(Mode::National).to_string()
        } else {
            number.format().mode(Mode::International).to_string()
        };
        Ok(PhoneNumber { e164, display })
    }

    /// `+31612345678`: for storage, links and machines.
    pub fn e164(&self) -> &str {
        &self.e164
    }

    /// For people: Dutch numbers in national grouping (`06 12345678`, `020 123 4567`,
    /// `0800 1234`), others in international grouping (`+44 20 7946 0958`). Parses back to
    /// the same number.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// `tel:+31612345678`, for links that dial on a phone.
    pub fn tel_uri(&self) -> String {
        format!("tel:{}", self.e164)
    }

    /// Whether this is a Dutch (+31) number.
    pub fn is_dutch(&self) -> bool {
        self.e164.starts_with("+31")
    }
}

const DUTCH_COUNTRY_CODE: u16 = 31;
const E164_MAX_DIGITS: usize = 15;
/// More digits than this is not a typo but something else (two numbers in one cell).
const MAX_INPUT_DIGITS: usize = 20;

fn strip_tel_scheme(s: &str) -> &str {
    match s.get(..4) {
        Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => s.get(4..).unwrap_or_default(),
        _ => s,
    }
}

/// Keeps digits, one leading `+` and parentheses; turns the separators people use (spaces,
/// dashes of every kind, dots, slashes) into spaces; refuses everything else. The parser
/// would otherwise read letters as keypad digits (`06-12a45678` as `06-12245678`).
fn clean(s: &str) -> Result<String, PhoneError> {
    let mut out = String::with_capacity(s.len());
    let mut digits = 0usize;
    let mut plus_seen = false;
    for c in s.chars() {
        match c {
            '0'..='9' => {
                digits += 1;
                out.push(c);
            }
            '+' if !plus_seen && digits == 0 => {
                plus_seen = true;
                out.push(c);
            }
            '(' | ')' => out.push(c),
            ' '
            | '\u{a0}'
            | '\u{2007}'
            | '\u{202f}'
            | '-'
            | '\u{2010}'..='\u{2014}'
            | '\u{2212}'
            | '.'
            | '/' => out.push(' '),
            _ => return Err(PhoneError::Invalid),
        }
    }
    if digits > MAX_INPUT_DIGITS {
        return Err(PhoneError::TooLong);
    }
    Ok(out)
}

/// Whether the national number has a length some number of its country can have.
fn has_possible_length(number: &phonenumber::PhoneNumber) -> bool {
    let Ok(len) = u16::try_from(number.national().to_string().len()) else {
        return false;
    };
    let regions = match number.metadata(&DATABASE) {
        Some(meta) => vec![meta],
        None => DATABASE.by_code(&number.code().value()).unwrap_or_default(),
    };
    // The general descriptor's lengths are empty in this crate's data: take the union of the
    // number types a contact can have (not short codes or emergency numbers).
    regions.iter().any(|meta| {
        let d = meta.descriptors();
        [
            Some(d.general()),
            d.fixed_line(),
            d.mobile(),
            d.toll_free(),
            d.premium_rate(),
            d.shared_cost(),
            d.personal_number(),
            d.voip(),
            d.pager(),
            d.uan(),
            d.voicemail(),
        ]
        .into_iter()
        .flatten()
        .any(|desc| desc.possible_length().contains(&len))
    })
}

impl PartialEq for PhoneNumber {
    fn eq(&self, other: &Self) -> bool {
        self.e164 == other.e164
    }
}

impl Eq for PhoneNumber {}

impl hash::Hash for PhoneNumber {
    fn hash<H: hash::Hasher>(&self, state: &mut H) {
        self.e164.hash(state);
    }
}

impl FromStr for PhoneNumber {
    type Err = PhoneError;
    fn from_str(s: &str) -> Result<Self, PhoneError> {
        PhoneNumber::parse(s)
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneError;
    fn try_from(s: String) -> Result<Self, PhoneError> {
        PhoneNumber::parse(&s)
    }
}

impl From<PhoneNumber> for String {
    fn from(p: PhoneNumber) -> String {
        p.e164
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display)
    }
}

/// What kind of line a number is. The codes match the register's phone labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneLabel {
    /// A mobile phone.
    Mobile,
    /// A work (office) line.
    Work,
    /// A private line at home.
    Home,
    /// The number to call outside office hours.
    Night,
    /// Any other line.
    Other,
}

impl PhoneLabel {
    /// Every label, in the order they are offered.
    pub const ALL: [PhoneLabel; 5] = [
        PhoneLabel::Mobile,
        PhoneLabel::Work,
        PhoneLabel::Home,
        PhoneLabel::Night,
        PhoneLabel::Other,
    ];

    /// A stable code for storage, APIs and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            PhoneLabel::Mobile => "mobile",
            PhoneLabel::Work => "work",
            PhoneLabel::Home => "home",
            PhoneLabel::Night => "night",
            PhoneLabel::Other => "other",
        }
    }

    /// The label with this stable code; `None` for an unknown code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn e164(s: &str) -> Result<String, PhoneError> {
        PhoneNumber::parse(s).map(|p| p.e164)
    }

    #[test]
    fn dutch_national_forms_are_normalised() {
        for (input, expected) in [
            ("06-12345678", "+31612345678"),
            ("06 1234 5678", "+31612345678"),
            ("0612345678", "+31612345678"),
            ("06.12.34.56.78", "+31612345678"),
            ("020-1234567", "+31201234567"),
            ("020/1234567", "+31201234567"),
            ("020 – 123 45 67", "+31201234567"),
            ("0031 6 12345678", "+31612345678"),
            ("+31 (0)6 12345678", "+31612345678"),
            ("+31-(0)20-1234567", "+31201234567"),
            ("+31 6 12345678", "+31612345678"),
            ("(030) 123 45 67", "+31301234567"),
            ("  tel:+31612345678 ", "+31612345678"),
            ("0800-1234", "+318001234"),
            ("088 123 4567", "+31881234567"),
            ("14 020", "+3114020"),
            ("0570 123 456", "+31570123456"),
        ] {
            assert_eq!(e164(input).as_deref(), Ok(expected), "{input:?}");
        }
    }

    #[test]
    fn international_forms_are_normalised() {
        for (input, expected) in [
            ("+44 20 7946 0958", "+442079460958"),
            ("+44 (0)20 7946 0958", "+442079460958"),
            ("0044 20 7946 0958", "+442079460958"),
            ("+32 2 123 45 67", "+3221234567"),
            ("+32 470 12 34 56", "+32470123456"),
            ("+49 30 123456", "+4930123456"),
            ("+1 212 555 0100", "+12125550100"),
        ] {
            assert_eq!(e164(input).as_deref(), Ok(expected), "{input:?}");
        }
    }

    #[test]
    fn display_is_readable_and_tel_uri_dials() {
        let shown = |s: &str| PhoneNumber::parse(s).map(|p| p.display().to_owned());
        assert_eq!(shown("+31612345678").as_deref(), Ok("06 12345678"));
        assert_eq!(shown("0201234567").as_deref(), Ok("020 123 4567"));
        assert_eq!(shown("0301234567").as_deref(), Ok("030 123 4567"));
        assert_eq!(shown("08001234").as_deref(), Ok("0800 1234"));
        assert_eq!(shown("0570-123456").as_deref(), Ok("0570 123 456"));
        assert_eq!(shown("+3114020").as_deref(), Ok("14 020"));
        assert_eq!(shown("+442079460958").as_deref(), Ok("+44 20 7946 0958"));
        assert_eq!(shown("+3221234567").as_deref(), Ok("+32 2 123 45 67"));
        let p = PhoneNumber::parse("06-12345678").expect("valid");
        assert_eq!(p.tel_uri(), "tel:+31612345678");
        assert_eq!(p.to_string(), "06 12345678");
        assert!(p.is_dutch());
    }

    #[test]
    fn refuses_what_cannot_be_dialled() {
        for (input, code) in [
            ("", "required"),
            ("   ", "required"),
            ("abc", "invalid_phone"),
            ("06-12a45678", "invalid_phone"),
            ("0800-FLOWERS", "invalid_phone"),
            ("06 12345678 ext 12", "invalid_phone"),
            ("0612345678;ext=1", "invalid_phone"),
            ("06-1234567", "invalid_phone"),
            ("06-123456789", "invalid_phone"),
            ("112", "invalid_phone"),
            ("1234", "invalid_phone"),
            ("+", "invalid_phone"),
            ("+31", "invalid_phone"),
            ("++31612345678", "invalid_phone"),
            ("06+12345678", "invalid_phone"),
            ("+999 123456", "invalid_phone"),
            ("+4300000000001", "invalid_phone"),
            ("06\u{7}12345678", "invalid_phone"),
            ("+3161234567890123456789", "too_long"),
            ("06 1234 5678 / 06 8765 4321", "too_long"),
            (&"0".repeat(41), "too_long"),
        ] {
            assert_eq!(
                PhoneNumber::parse(input).map_err(PhoneError::code).err(),
                Some(code),
                "{input:?}"
            );
        }
    }

    #[test]
    fn serde_uses_e164_and_validates() {
        let p = PhoneNumber::parse("06-12345678").expect("valid");
        assert_eq!(
            serde_json::to_string(&p).expect("serialises"),
            "\"+31612345678\""
        );
        let back: PhoneNumber = serde_json::from_str("\"+31612345678\"").expect("valid");
        assert_eq!(back, p);
        assert!(serde_json::from_str::<PhoneNumber>("\"06-1234\"").is_err());
    }

    #[test]
    fn labels_have_the_register_codes() {
        for label in PhoneLabel::ALL {
            assert_eq!(PhoneLabel::from_code(label.code()), Some(label));
        }
        assert_eq!(
            serde_json::to_string(&PhoneLabel::Night).expect("serialises"),
            "\"night\""
        );
    }

    /// Candidate numbers: Dutch national forms and international ones with random digits;
    /// the tests keep those that parse.
    fn candidates() -> impl Strategy<Value = String> {
        prop_oneof![
            "0[1-9][0-9]{7,9}",
            "06[ -]?[1-9][0-9]{7}",
            "0[1-7][0-9] ?[0-9]{3} ?[0-9]{4}",
            "\\+[1-9][0-9]{6,14}",
            "\\+(44|32|49|33|1) ?[1-9][0-9]{5,11}",
        ]
    }

    proptest! {
        #[test]
        fn display_and_e164_parse_back_to_the_same_number(s in candidates()) {
            if let Ok(p) = PhoneNumber::parse(&s) {
                let from_display = PhoneNumber::parse(p.display());
                prop_assert_eq!(from_display.as_ref(), Ok(&p), "display {:?}", p.display());
                prop_assert_eq!(from_display.map(|q| q.display), Ok(p.display.clone()));
                prop_assert_eq!(PhoneNumber::parse(p.e164()), Ok(p.clone()));
                prop_assert_eq!(PhoneNumber::parse(&p.tel_uri()), Ok(p.clone()));
                prop_assert!(p.e164().starts_with('+'));
                prop_assert!(p.e164().len() <= 16);
            }
        }

        #[test]
        fn parsing_never_panics(s in "\\PC{0,60}|[0-9+()./ -]{0,45}|\\+[0-9 ]{0,30}|tel:[0-9+;=a-z-]{0,30}") {
            let _ = PhoneNumber::parse(&s);
        }

        #[test]
        fn parsing_arbitrary_strings_never_panics(s in any::<String>()) {
            let _ = PhoneNumber::parse(&s);
        }
    }

    #[test]
    fn a_good_share_of_candidates_parse() {
        // Guards the property test above against testing nothing.
        use proptest::strategy::ValueTree;
        use proptest::test_runner::TestRunner;
        let mut runner = TestRunner::deterministic();
        let strategy = candidates();
        let parsed = (0..300)
            .filter(|_| {
                let s = strategy.new_tree(&mut runner).expect("strategy").current();
                PhoneNumber::parse(&s).is_ok()
            })
            .count();
        assert!(parsed > 100, "only {parsed} of 300 parsed");
    }
}
