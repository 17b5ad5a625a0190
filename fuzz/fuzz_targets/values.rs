//! E-mail addresses, display names and workspace names as typed: any text. Never panics;
//! an accepted value is trimmed, has no control character, keeps its limit, and parses
//! (and deserialises) again to itself.
#![no_main]

use crisismap_core::{DisplayName, Email, WorkspaceName};
use libfuzzer_sys::fuzz_target;

fn check(value: &str, max: usize) {
    assert_eq!(value, value.trim(), "trimmed");
    assert!(!value.is_empty());
    assert!(value.chars().count() <= max);
    assert!(!value.chars().any(char::is_control), "{value:?}");
}

fuzz_target!(|text: &str| {
    if let Ok(email) = Email::parse(text) {
        check(email.as_str(), 254);
        assert_eq!(email.as_str(), email.as_str().to_lowercase());
        assert_eq!(email.as_str().matches('@').count(), 1);
        assert_eq!(Email::parse(email.as_str()).as_ref(), Ok(&email));
        let json = serde_json::to_string(&email).expect("serialises");
        assert_eq!(
            serde_json::from_str::<Email>(&json).ok().as_ref(),
            Some(&email)
        );
    }
    if let Ok(name) = DisplayName::parse(text) {
        check(name.as_str(), DisplayName::MAX_CHARS);
        assert_eq!(DisplayName::parse(name.as_str()).as_ref(), Ok(&name));
        let json = serde_json::to_string(&name).expect("serialises");
        assert_eq!(
            serde_json::from_str::<DisplayName>(&json).ok().as_ref(),
            Some(&name)
        );
    }
    if let Ok(name) = WorkspaceName::parse(text) {
        check(name.as_str(), WorkspaceName::MAX_CHARS);
        assert_eq!(WorkspaceName::parse(name.as_str()).as_ref(), Ok(&name));
    }
    // Deserialising goes through the same checks: no way around them.
    let json = serde_json::to_string(text).expect("serialises");
    assert_eq!(
        serde_json::from_str::<Email>(&json).is_ok(),
        Email::parse(text).is_ok()
    );
});
