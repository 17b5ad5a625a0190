//! An exercise script's master events list in and out as CSV, for people who write scripts
//! in a spreadsheet: one row per inject, the learning goal by its name (so a script travels
//! between workspaces), every cell safe from spreadsheet formulas and read back exactly.
//! Reading is all or nothing: the caller validates every row and names each bad line.

use super::contacts_csv::framing;
use super::csv_export::{ExportError, restore_formula, write_csv};
use super::risk::{MAX_ROWS, RowIssue};
use std::collections::BTreeMap;

/// The columns of an events list, in order: the inject's fields, `goal` by name and
/// `contingency` as `ja` or `nee`.
pub const INJECT_COLUMNS: &[&str] = &[
    "number",
    "at_minutes",
    "at_time",
    "after",
    "after_minutes",
    "sender",
    "sender_name",
    "to",
    "channel",
    "text",
    "expected",
    "goal",
    "controller",
    "contingency",
];

/// An inject as read from a file: its line, and its cells by column.
pub type InjectRow = (usize, BTreeMap<String, String>);

/// One row per inject, cells in [`INJECT_COLUMNS`] order (absent cells empty).
pub fn injects_csv(rows: &[BTreeMap<String, String>]) -> Result<Vec<u8>, ExportError> {
    write_csv(
        INJECT_COLUMNS,
        rows.iter().map(|row| {
            INJECT_COLUMNS
                .iter()
                .map(|c| row.get(*c).cloned().unwrap_or_default())
                .collect::<Vec<_>>()
        }),
    )
}

/// Reads an events list: each non-empty row with its line in the file. A column the list
/// does not have, or a file without `number` and `text`, refuses the whole file. Cells are
/// kept as they are (only the formula guard of the export is undone).
pub fn parse_injects_csv(bytes: &[u8]) -> Result<Vec<InjectRow>, Vec<RowIssue>> {
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
    let unknown: Vec<&str> = headers
        .iter()
        .filter(|h| !INJECT_COLUMNS.contains(&h.as_str()))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty()
        || !headers.iter().any(|h| h == "number")
        || !headers.iter().any(|h| h == "text")
    {
        return Err(vec![RowIssue::new(
            0,
            "unknown_columns",
            headers.join(", "),
        )]);
    }
    let mut out = vec![];
    let mut issues = vec![];
    for (i, record) in reader.records().enumerate() {
        let row = i + 2 + skipped;
        if i >= MAX_ROWS {
            return Err(vec![RowIssue::new(
                0,
                "too_many_rows",
                MAX_ROWS.to_string(),
            )]);
        }
        let Ok(record) = record else {
            issues.push(RowIssue::new(row, "malformed_csv", ""));
            continue;
        };
        if record.len() > headers.len() {
            issues.push(RowIssue::new(row, "too_many_cells", ""));
            continue;
        }
        let cells: BTreeMap<String, String> = headers
            .iter()
            .cloned()
            .zip(record.iter().map(|c| restore_formula(c).to_owned()))
            .collect();
        if cells.values().all(|v| v.trim().is_empty()) {
            continue;
        }
        out.push((row, cells));
    }
    if issues.is_empty() {
        Ok(out)
    } else {
        Err(issues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_events_list_reads_back_exactly_formulas_quotes_and_newlines_included() {
        let rows: Vec<BTreeMap<String, String>> = vec![
            [
                ("number", "1"),
                ("at_minutes", "0"),
                ("to", "Crisisadviseur"),
                (
                    "text",
                    "=HYPERLINK(\"x\");\n's-Hertogenbosch belt; \"dringend\"",
                ),
                ("contingency", "nee"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
            [
                ("number", "2"),
                ("after", "1"),
                ("text", "-5 graden en +3"),
                ("contingency", "ja"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        ];
        let bytes = injects_csv(&rows).expect("csv");
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(";=HYPERLINK"),
            "no formula reaches a spreadsheet"
        );
        let back = parse_injects_csv(&bytes).expect("reads");
        assert_eq!(back.len(), 2);
        for ((line, cells), row) in back.iter().zip(&rows) {
            assert!(*line >= 2);
            for (k, v) in row {
                assert_eq!(cells.get(k), Some(v), "{k}");
            }
        }
        assert_eq!(
            injects_csv(&back.into_iter().map(|(_, c)| c).collect::<Vec<_>>()).expect("again"),
            bytes
        );
    }

    #[test]
    fn a_file_with_a_column_the_list_does_not_have_is_refused_whole() {
        let refused =
            parse_injects_csv(b"number;text;wachtwoord\n1;Bericht;geheim\n").expect_err("refused");
        assert_eq!(refused[0].code, "unknown_columns");
        assert!(refused[0].detail.contains("wachtwoord"));
    }
}
