//! Risk objects and dependencies in and out: CSV for spreadsheets (one file of risk objects,
//! one of dependencies) and JSON holding both. Import is all or nothing: every problem is
//! reported with its row, and references are by name (or `vital:<code>`), resolved by the
//! caller against the register and the file itself.

use super::contacts_csv::framing;
use super::csv_export::{ExportError, restore_formula, write_csv};
use crate::register::RawRecord;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The plain fields of a risk object, in CSV column order (the list of vital processes
/// follows as `vital_processes`, codes separated by `;`).
pub const RISK_COLUMNS: &[&str] = &[
    "name",
    "object_type",
    "address",
    "coordinates",
    "reachability",
    "systems",
    "public_order",
    "cause_fighter",
    "agreements",
    "last_contact",
    "notes",
];

/// The columns of a dependency file, in CSV column order.
pub const DEPENDENCY_COLUMNS: &[&str] = &["dependent", "depends_on", "hold_out_minutes", "note"];

/// The most rows one file may hold.
pub const MAX_ROWS: usize = 10_000;

/// "X depends on Y", by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DependencyRow {
    /// The row in the file (CSV line, or position in the JSON list from 1).
    #[serde(skip)]
    pub row: usize,
    /// The name of the risk object, process or organisation that depends.
    pub dependent: String,
    /// A name, or `vital:<code>`.
    pub depends_on: String,
    /// How many minutes the dependent holds out without it, as typed (checked by the caller).
    #[serde(deserialize_with = "text_or_number")]
    pub hold_out_minutes: String,
    /// A note on the dependency.
    #[serde(default)]
    pub note: String,
}

fn text_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => s,
        Value::Number(n) => n.to_string(),
        Value::Null => String::new(),
        other => other.to_string(),
    })
}

/// What a file holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Exchange {
    /// Each with its row.
    pub risk_objects: Vec<(usize, RawRecord)>,
    /// The dependencies, each with its row.
    pub dependencies: Vec<DependencyRow>,
}

/// A problem with the file or with one row (row 0: the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowIssue {
    /// The row the problem is in, from 1 (the header); 0 for the file as a whole.
    pub row: usize,
    /// What is wrong, as a stable code (`malformed_csv`, `unknown_columns`, …).
    pub code: String,
    /// Details for the reader, such as the columns found; may be empty.
    pub detail: String,
}

impl RowIssue {
    /// A problem of `row`, with its code and details.
    pub fn new(row: usize, code: &str, detail: impl Into<String>) -> Self {
        RowIssue {
            row,
            code: code.to_owned(),
            detail: detail.into(),
        }
    }
}

fn risk_record(fields: impl IntoIterator<Item = (String, String)>, vital: &str) -> RawRecord {
    let mut raw = RawRecord::default();
    for (k, v) in fields {
        if RISK_COLUMNS.contains(&k.as_str()) {
            raw.fields.insert(k, v);
        }
    }
    raw.groups.insert(
        "vital_processes".into(),
        vital
            .split([';', ','])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|c| BTreeMap::from([("process".to_owned(), c.to_owned())]))
            .collect(),
    );
    raw
}

/// Reads a CSV file of risk objects (it has a `name` and an `object_type` column) or of
/// dependencies (`dependent` and `depends_on`).
pub fn parse_csv(bytes: &[u8]) -> Result<Exchange, Vec<RowIssue>> {
    let (text, _) =
        framing::decode(bytes).map_err(|e| vec![RowIssue::new(0, e.code(), e.to_string())])?;
    let (text, declared, skipped) = framing::strip_separator_line(&text);
    let delimiter = declared.unwrap_or_else(|| framing::detect_delimiter(text));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.as_byte())
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|_| vec![RowIssue::new(0, "malformed_csv", "")])?
        .iter()
        .map(|h| restore_formula(h.trim()).to_lowercase())
        .collect();
    let has = |h: &str| headers.iter().any(|x| x == h);
    let is_risk = has("name") && has("object_type");
    let is_deps = has("dependent") && has("depends_on");
    if !is_risk && !is_deps {
        return Err(vec![RowIssue::new(
            0,
            "unknown_columns",
            headers.join(", "),
        )]);
    }
    let mut out = Exchange::default();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2 + skipped;
        if i >= MAX_ROWS {
            return Err(vec![RowIssue::new(
                0,
                "too_many_rows",
                MAX_ROWS.to_string(),
            )]);
        }
        let record = record.map_err(|_| vec![RowIssue::new(row, "malformed_csv", "")])?;
        let cells: BTreeMap<String, String> = headers
            .iter()
            .cloned()
            .zip(record.iter().map(|c| restore_formula(c.trim()).to_owned()))
            .collect();
        if cells.values().all(|v| v.is_empty()) {
            continue;
        }
        let cell = |k: &str| cells.get(k).cloned().unwrap_or_default();
        if is_risk {
            let vital = cell("vital_processes");
            out.risk_objects
                .push((row, risk_record(cells.clone(), &vital)));
        } else {
            out.dependencies.push(DependencyRow {
                row,
                dependent: cell("dependent"),
                depends_on: cell("depends_on"),
                hold_out_minutes: cell("hold_out_minutes"),
                note: cell("note"),
            });
        }
    }
    Ok(out)
}

/// Reads the JSON form: `{"risk_objects": [...], "dependencies": [...]}` (either may be
/// left out).
pub fn parse_json(bytes: &[u8]) -> Result<Exchange, Vec<RowIssue>> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| vec![RowIssue::new(0, "invalid_json", e.to_string())])?;
    let Some(obj) = value.as_object() else {
        return Err(vec![RowIssue::new(0, "invalid_json", "not an object")]);
    };
    let mut out = Exchange::default();
    let mut issues = vec![];
    let list = |key: &str| {
        obj.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let risks = list("risk_objects");
    let deps = list("dependencies");
    if risks.len() + deps.len() > MAX_ROWS {
        return Err(vec![RowIssue::new(
            0,
            "too_many_rows",
            MAX_ROWS.to_string(),
        )]);
    }
    for (i, item) in risks.iter().enumerate() {
        let Some(o) = item.as_object() else {
            issues.push(RowIssue::new(i + 1, "not_an_object", ""));
            continue;
        };
        let fields = o.iter().filter_map(|(k, v)| match v {
            Value::String(s) => Some((k.clone(), s.clone())),
            Value::Null => None,
            other if !other.is_array() => Some((k.clone(), other.to_string())),
            _ => None,
        });
        let vital = o
            .get("vital_processes")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(";")
            })
            .unwrap_or_default();
        out.risk_objects.push((i + 1, risk_record(fields, &vital)));
    }
    for (i, item) in deps.into_iter().enumerate() {
        match serde_json::from_value::<DependencyRow>(item) {
            Ok(mut d) => {
                d.row = i + 1;
                out.dependencies.push(d);
            }
            Err(e) => issues.push(RowIssue::new(i + 1, "invalid_json", e.to_string())),
        }
    }
    if issues.is_empty() {
        Ok(out)
    } else {
        Err(issues)
    }
}

/// Risk objects as CSV rows: the plain fields, then the vital process codes.
pub fn risk_csv(rows: &[(BTreeMap<String, String>, Vec<String>)]) -> Result<Vec<u8>, ExportError> {
    let mut headers: Vec<&str> = RISK_COLUMNS.to_vec();
    headers.push("vital_processes");
    write_csv(
        &headers,
        rows.iter().map(|(fields, vital)| {
            let mut cells: Vec<String> = RISK_COLUMNS
                .iter()
                .map(|c| fields.get(*c).cloned().unwrap_or_default())
                .collect();
            cells.push(vital.join(";"));
            cells
        }),
    )
}

/// Dependencies as CSV rows, in the columns of [`DEPENDENCY_COLUMNS`].
pub fn dependency_csv(rows: &[DependencyRow]) -> Result<Vec<u8>, ExportError> {
    write_csv(
        DEPENDENCY_COLUMNS,
        rows.iter().map(|d| {
            [
                d.dependent.clone(),
                d.depends_on.clone(),
                d.hold_out_minutes.clone(),
                d.note.clone(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_risk_csv_from_dutch_excel_reads_with_its_vital_processes() {
        let csv = "name;object_type;public_order;vital_processes\r\nWaterbedrijf Vallei;drinking_water;Geen drinkwater;drinking_water; \r\n;;;\r\n";
        let x = parse_csv(csv.as_bytes()).expect("parsed");
        assert_eq!(x.risk_objects.len(), 1, "blank rows are skipped");
        let (row, raw) = &x.risk_objects[0];
        assert_eq!(*row, 2);
        assert_eq!(raw.field("name"), "Waterbedrijf Vallei");
        assert_eq!(raw.groups["vital_processes"].len(), 1);
    }

    #[test]
    fn a_dependency_csv_and_json_say_the_same() {
        let csv =
            "dependent,depends_on,hold_out_minutes,note\nSluis Zuid,BrugSturing B.V.,30,cloud\n";
        let json = br#"{"dependencies":[{"dependent":"Sluis Zuid","depends_on":"BrugSturing B.V.","hold_out_minutes":30,"note":"cloud"}]}"#;
        let a = parse_csv(csv.as_bytes()).expect("csv");
        let b = parse_json(json).expect("json");
        assert_eq!(a.dependencies[0].depends_on, b.dependencies[0].depends_on);
        assert_eq!(a.dependencies[0].hold_out_minutes, "30");
        assert_eq!(b.dependencies[0].hold_out_minutes, "30");
    }

    #[test]
    fn unknown_files_and_bad_json_are_refused_with_a_reason() {
        assert_eq!(
            parse_csv(b"a;b\n1;2\n").expect_err("refused")[0].code,
            "unknown_columns"
        );
        assert_eq!(
            parse_json(b"{").expect_err("refused")[0].code,
            "invalid_json"
        );
        let bad = br#"{"dependencies":[{"dependent":"X"}]}"#;
        assert_eq!(parse_json(bad).expect_err("refused")[0].row, 1);
    }

    #[test]
    fn a_name_that_starts_with_an_apostrophe_survives_export_and_import() {
        // Found by fuzzing: import took off every leading quote and kept the spaces behind
        // them, so `'s-Hertogenbosch` lost its apostrophe and a second round trip changed
        // a name again.
        let names = ["'s-Hertogenbosch", "'t Zand", "'''' B.", "=1+1", "'=1+1"];
        let rows: Vec<_> = names
            .iter()
            .map(|n| {
                (
                    BTreeMap::from([("name".to_owned(), (*n).to_owned())]),
                    vec![],
                )
            })
            .collect();
        let back = parse_csv(&risk_csv(&rows).expect("csv")).expect("reads back");
        let read: Vec<&str> = back
            .risk_objects
            .iter()
            .map(|(_, r)| r.field("name"))
            .collect();
        assert_eq!(read, names);
    }

    #[test]
    fn exported_cells_cannot_become_formulas() {
        let row = (
            BTreeMap::from([("name".to_owned(), "=HYPERLINK(\"x\")".to_owned())]),
            vec![],
        );
        let bytes = risk_csv(&[row]).expect("csv");
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("'=HYPERLINK"), "{text}");
    }
}
