//! A record or crisis entry as a form sends it: any pairs of names and values, for every
//! schema. Validation never panics; a record it accepts keeps its limits (no control
//! character in a one-line text, none but line breaks and tabs in a long text), and the edit
//! form filled from it saves again without a complaint and without a change (except the
//! seconds, which a form does not show, and the repeated hour at the end of summer time).
#![no_main]

use arbitrary::Arbitrary;
use crisismap_core::register::RawRecord;
use crisismap_core::register::schema::FieldType;
use crisismap_fuzz::{AllRefs, schemas};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

#[derive(Debug, Arbitrary)]
struct Input {
    schema: u8,
    pairs: Vec<(String, String)>,
}

fn check_text(ty: FieldType, v: &Value) {
    match (ty, v) {
        (FieldType::Text { max }, Value::String(s)) => {
            assert!(s.chars().count() <= max);
            assert!(!s.chars().any(char::is_control), "{s:?}");
            assert_eq!(s.as_str(), s.trim());
        }
        (FieldType::LongText { max }, Value::String(s)) => {
            assert!(s.chars().count() <= max);
            assert!(
                !s.chars()
                    .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')),
                "{s:?}"
            );
            assert!(!s.contains("\r\n"));
        }
        _ => {}
    }
}

/// Moments as a form shows them: to the minute, in Amsterdam wall-clock time.
fn to_the_minute(v: &Value) -> Value {
    match v {
        Value::String(s) => match s.parse::<jiff::Timestamp>() {
            Ok(ts) => Value::String(
                ts.to_zoned(crisismap_core::time::amsterdam().clone())
                    .strftime("%Y-%m-%dT%H:%M")
                    .to_string(),
            ),
            Err(_) => v.clone(),
        },
        Value::Array(rows) => Value::Array(rows.iter().map(to_the_minute).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| (k.clone(), to_the_minute(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fuzz_target!(|input: Input| {
    let all = schemas();
    let schema = all[usize::from(input.schema) % all.len()];
    let raw = RawRecord::from_pairs(
        input
            .pairs
            .iter()
            .take(64)
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    let Ok(valid) = schema.validate(&raw, &AllRefs) else {
        return;
    };
    for f in schema.fields {
        if let Some(v) = valid.data().get(f.name) {
            check_text(f.ty, v);
        }
    }
    for g in schema.groups {
        let rows = valid
            .data()
            .get(g.name)
            .and_then(Value::as_array)
            .expect("every group is there");
        assert!(rows.len() <= g.max_rows);
        for row in rows {
            for f in g.fields {
                if let Some(v) = row.get(f.name) {
                    check_text(f.ty, v);
                }
            }
        }
    }
    // The edit form, filled from the stored record and sent back unchanged.
    let form = RawRecord::from_data(schema, valid.data());
    let again = match schema.validate(&form, &AllRefs) {
        Ok(v) => v,
        Err(issues) => panic!("the edit form of a stored record is refused: {issues:?}"),
    };
    assert_eq!(again.title(), valid.title());
    assert_eq!(
        to_the_minute(&Value::Object(again.data().clone())),
        to_the_minute(&Value::Object(valid.data().clone())),
        "the edit form keeps the record"
    );
});
