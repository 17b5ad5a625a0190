//! Stored event payloads (the JSON text the hash chain covers): any text. Never panics; a
//! payload that reads as an event writes back to one that reads as the same event, and
//! writing is stable.
#![no_main]

use crisismap_core::DomainEvent;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(event) = DomainEvent::from_payload(text) else {
        return;
    };
    let payload = event.to_payload();
    let again = DomainEvent::from_payload(&payload).expect("our own payload reads back");
    assert_eq!(again, event);
    assert_eq!(again.to_payload(), payload, "writing is stable");
    assert!(payload.contains(&format!("\"{}\"", event.kind())));
});
