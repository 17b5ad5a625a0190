//! Risk objects and dependencies from CSV: any bytes. Never panics; what it reads, written
//! out again by the exporter (formulas neutralised) and read back, is the same.
#![no_main]

use crisismap_core::interchange::risk::{dependency_csv, parse_csv, risk_csv};
use crisismap_core::register::RawRecord;
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;

fn plain(raw: &RawRecord) -> (BTreeMap<String, String>, Vec<String>) {
    let fields = raw
        .fields
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let vital = raw
        .groups
        .get("vital_processes")
        .map(|rows| {
            rows.iter()
                .filter_map(|r| r.get("process").cloned())
                .collect()
        })
        .unwrap_or_default();
    (fields, vital)
}

fn exported_cells_are_inert(bytes: &[u8]) {
    let text = String::from_utf8(bytes.to_vec()).expect("exports are UTF-8");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    for record in reader.records() {
        let record = record.expect("exports are CSV");
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a formula start in an exported cell: {cell:?}"
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(first) = parse_csv(data) else {
        return;
    };
    let risks: Vec<_> = first
        .risk_objects
        .iter()
        .map(|(_, raw)| plain(raw))
        .filter(|(fields, vital)| !fields.is_empty() || !vital.is_empty())
        .collect();
    if !risks.is_empty() {
        let bytes = risk_csv(&risks).expect("export");
        exported_cells_are_inert(&bytes);
        let again = parse_csv(&bytes).expect("our own export reads back");
        let back: Vec<_> = again.risk_objects.iter().map(|(_, r)| plain(r)).collect();
        assert_eq!(back, risks, "risk objects round-trip");
    }
    let deps: Vec<_> = first
        .dependencies
        .iter()
        .filter(|d| {
            !(d.dependent.is_empty()
                && d.depends_on.is_empty()
                && d.hold_out_minutes.is_empty()
                && d.note.is_empty())
        })
        .cloned()
        .collect();
    if !deps.is_empty() {
        let bytes = dependency_csv(&deps).expect("export");
        exported_cells_are_inert(&bytes);
        let again = parse_csv(&bytes).expect("our own export reads back");
        let strip = |v: &[crisismap_core::interchange::risk::DependencyRow]| {
            v.iter()
                .map(|d| {
                    (
                        d.dependent.clone(),
                        d.depends_on.clone(),
                        d.hold_out_minutes.clone(),
                        d.note.clone(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            strip(&again.dependencies),
            strip(&deps),
            "dependencies round-trip"
        );
    }
});
