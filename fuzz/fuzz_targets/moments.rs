//! Dates and moments as typed into a form or sent to the API: any text, through the
//! schema's date and date-time fields. Never panics; an accepted moment is stored in the
//! canonical UTC form, which parses back to itself, and shows in Amsterdam time.
#![no_main]

use crisismap_core::register::RawRecord;
use crisismap_core::register::kinds::no_checks;
use crisismap_core::register::schema::{Field, FieldType, Schema};
use crisismap_core::time::{canonical, local_display};
use crisismap_fuzz::AllRefs;
use libfuzzer_sys::fuzz_target;

static MOMENTS: Schema = Schema {
    code: "moments",
    checks: no_checks,
    title: "at",
    fields: &[
        Field {
            name: "at",
            ty: FieldType::DateTime,
            required: false,
        },
        Field {
            name: "on",
            ty: FieldType::Date,
            required: false,
        },
    ],
    groups: &[],
    columns: &[],
};

fuzz_target!(|text: &str| {
    let raw = RawRecord::from_pairs([("at", text), ("on", text)]);
    let valid = match MOMENTS.validate(&raw, &AllRefs) {
        Ok(v) => v,
        Err(issues) => {
            assert!(
                issues
                    .iter()
                    .all(|i| matches!(i.code, "invalid_datetime" | "invalid_date"))
            );
            return;
        }
    };
    if let Some(at) = valid.data().get("at").and_then(|v| v.as_str()) {
        let ts: jiff::Timestamp = at.parse().expect("stored moments parse");
        assert_eq!(canonical(ts), at, "stored in the canonical form");
        let _ = local_display(ts);
    }
    if let Some(on) = valid.data().get("on").and_then(|v| v.as_str()) {
        let d: jiff::civil::Date = on.parse().expect("stored dates parse");
        assert_eq!(d.to_string(), on);
    }
});
