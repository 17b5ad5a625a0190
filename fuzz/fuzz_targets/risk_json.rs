//! Risk objects and dependencies from JSON: any bytes. Never panics; what it reads, written
//! as JSON again, reads back the same.
#![no_main]

use crisismap_core::interchange::risk::parse_json;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value, json};

fuzz_target!(|data: &[u8]| {
    let Ok(first) = parse_json(data) else {
        return;
    };
    let risks: Vec<Value> = first
        .risk_objects
        .iter()
        .map(|(_, raw)| {
            let mut o: Map<String, Value> = raw
                .fields
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect();
            let vital: Vec<Value> = raw
                .groups
                .get("vital_processes")
                .map(|rows| {
                    rows.iter()
                        .filter_map(|r| r.get("process").cloned().map(Value::String))
                        .collect()
                })
                .unwrap_or_default();
            o.insert("vital_processes".into(), Value::Array(vital));
            Value::Object(o)
        })
        .collect();
    let deps: Vec<Value> = first
        .dependencies
        .iter()
        .map(|d| serde_json::to_value(d).expect("a dependency serialises"))
        .collect();
    let text = serde_json::to_vec(&json!({"risk_objects": risks, "dependencies": deps}))
        .expect("serialises");
    let again = parse_json(&text).expect("our own JSON reads back");
    assert_eq!(again, first, "risk JSON round-trips");
});
