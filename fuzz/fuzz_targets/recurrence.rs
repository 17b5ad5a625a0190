//! Recurrence rules (RRULE) as typed: any text. Never panics; an accepted rule is short,
//! holds no character that could end its line, and parses again to itself.
#![no_main]

use crisismap_core::interchange::ical::Recurrence;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(rule) = Recurrence::parse(text) else {
        return;
    };
    let s = rule.as_str();
    assert!(s.len() <= Recurrence::MAX_CHARS);
    assert!(s.starts_with("FREQ="), "{s:?}");
    assert!(
        s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"=;,+-".contains(&b)),
        "{s:?}"
    );
    assert_eq!(
        Recurrence::parse(s).as_ref(),
        Ok(&rule),
        "parse(display(x)) == x"
    );
    let json = serde_json::to_string(&rule).expect("serialises");
    let back: Recurrence = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, rule);
});
