//! A record or crisis entry as the API receives it: any bytes as JSON, for every schema, and
//! the crisis's change rules on the result. Never panics; a record it accepts, read back
//! from the API and sent again unchanged, is accepted and stays the same.
#![no_main]

use crisismap_core::crisis::{EntryKind, check_change};
use crisismap_core::register::RawRecord;
use crisismap_fuzz::{AllRefs, schemas};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Some((&which, body)) = data.split_first() else {
        return;
    };
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return;
    };
    let Ok(raw) = RawRecord::from_json(&value) else {
        return;
    };
    let all = schemas();
    let schema = all[usize::from(which) % all.len()];
    let Ok(valid) = schema.validate(&raw, &AllRefs) else {
        return;
    };
    let stored = Value::Object(valid.data().clone());
    let raw_again = RawRecord::from_json(&stored).expect("stored data is an object");
    let again = match schema.validate(&raw_again, &AllRefs) {
        Ok(v) => v,
        Err(issues) => panic!("a stored record sent back is refused: {issues:?}"),
    };
    assert_eq!(again, valid, "GET then PUT keeps the record");
    if let Some(kind) = EntryKind::ALL.iter().find(|k| k.code() == schema.code) {
        let _ = check_change(*kind, None, valid.data());
        let _ = check_change(*kind, Some(valid.data()), again.data());
        if kind.immutable() {
            assert!(!check_change(*kind, Some(valid.data()), again.data()).is_empty());
        }
    }
});
