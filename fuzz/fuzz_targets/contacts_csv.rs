//! Contact CSV import (Excel, Outlook): any bytes. Never panics; every row it accepts is a
//! contact the register accepts too, and line numbers rise.
#![no_main]

use crisismap_core::interchange::contacts_csv::import_contacts;
use crisismap_core::register::{RawRecord, RecordKind};
use crisismap_fuzz::AllRefs;
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;

fuzz_target!(|data: &[u8]| {
    let Ok(import) = import_contacts(data) else {
        return;
    };
    let mut last_line = 0;
    for draft in &import.rows {
        assert!(draft.line > last_line, "lines rise: {draft:?}");
        last_line = draft.line;
        let mut raw = RawRecord::default();
        let mut put = |k: &str, v: Option<&str>| {
            if let Some(v) = v {
                raw.fields.insert(k.to_owned(), v.to_owned());
            }
        };
        put("name", Some(draft.name.as_str()));
        put("function", draft.function.as_deref());
        put("organisation", draft.organisation.as_deref());
        put("email", draft.email.as_ref().map(|e| e.as_str()));
        put("alternative_channel", draft.alternative_channel.as_deref());
        put("notes", draft.notes.as_deref());
        raw.groups.insert(
            "phones".into(),
            draft
                .phones
                .iter()
                .map(|(label, number)| {
                    BTreeMap::from([
                        ("label".to_owned(), label.code().to_owned()),
                        ("number".to_owned(), number.e164().to_owned()),
                    ])
                })
                .collect(),
        );
        if let Err(issues) = RecordKind::Contact.schema().validate(&raw, &AllRefs) {
            panic!("imported a contact the register refuses: {issues:?} {draft:?}");
        }
    }
});
