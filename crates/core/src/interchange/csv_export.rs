//! CSV for spreadsheets, safe to open: UTF-8 with a byte order mark and `;` by default, so
//! Dutch Excel shows accents and columns right, and every cell that a spreadsheet would read
//! as a formula is neutralised (OWASP "CSV injection").
//!
//! The trade-off: a cell starting with `+` or `-` also gets the quote, so `+31 6 12345678`
//! shows as `'+31 6 12345678` in a text editor and a negative number becomes text. Export
//! Dutch phone numbers with [`PhoneNumber::display`](crate::phone::PhoneNumber::display)
//! (`06 12345678`): it starts with `0`, needs no quote, and its space keeps Excel from reading
//! it as a number and dropping the leading zero.

use super::Delimiter;
use std::borrow::Cow;

/// Why an export could not be written. Both are programming errors, not user errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// A row has a different number of cells than the header.
    #[error("row {row} has {found} cells, the header has {expected}")]
    RowLength {
        /// 1-based, not counting the header.
        row: usize,
        /// The number of cells in the header.
        expected: usize,
        /// The number of cells in the row.
        found: usize,
    },
    /// The CSV writer failed; the text is its error message.
    #[error("could not write CSV: {0}")]
    Write(String),
}

impl ExportError {
    /// A stable code for APIs and translation keys.
    pub fn code(&self) -> &'static str {
        match self {
            ExportError::RowLength { .. } => "row_length",
            ExportError::Write(_) => "write_failed",
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Characters that make a spreadsheet treat a cell as a formula (or, for tab and carriage
/// return, that let one through on some spreadsheets), plus their full-width forms, which
/// some locales of Excel normalise.
const FORMULA_TRIGGERS: &[char] = &[
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// Prefixes `'` to a cell a spreadsheet would read as a formula, and to one that already
/// starts with quotes before a formula start, so that [`restore_formula`] gives back every
/// cell exactly.
pub fn neutralise_formula(cell: &str) -> Cow<'_, str> {
    if cell.trim_start_matches('\'').starts_with(FORMULA_TRIGGERS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Undoes [`neutralise_formula`] on a cell read back: one `'` before a formula start goes,
/// any other `'` stays (`'s-Hertogenbosch`, `'t Zand`).
pub fn restore_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_TRIGGERS) => rest,
        _ => cell,
    }
}

/// Writes headers and rows with `;` (see [`write_csv_with`]).
pub fn write_csv<R, S>(headers: &[&str], rows: R) -> Result<Vec<u8>, ExportError>
where
    R: IntoIterator,
    R::Item: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    write_csv_with(Delimiter::default(), headers, rows)
}

/// Writes a byte order mark, the headers and the rows, CRLF line endings, fields quoted
/// where needed, every cell (headers too) passed through [`neutralise_formula`]. Every row
/// must have as many cells as there are headers.
pub fn write_csv_with<R, S>(
    delimiter: Delimiter,
    headers: &[&str],
    rows: R,
) -> Result<Vec<u8>, ExportError>
where
    R: IntoIterator,
    R::Item: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter.as_byte())
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(UTF8_BOM.to_vec());
    let write_err = |e: csv::Error| ExportError::Write(e.to_string());

    writer
        .write_record(headers.iter().map(|h| neutralise_formula(h).into_owned()))
        .map_err(write_err)?;
    for (index, row) in rows.into_iter().enumerate() {
        let cells: Vec<String> = row
            .into_iter()
            .map(|cell| neutralise_formula(cell.as_ref()).into_owned())
            .collect();
        if cells.len() != headers.len() {
            return Err(ExportError::RowLength {
                row: index + 1,
                expected: headers.len(),
                found: cells.len(),
            });
        }
        writer.write_record(&cells).map_err(write_err)?;
    }
    writer
        .into_inner()
        .map_err(|e| ExportError::Write(e.error().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read_back(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
        let body = bytes.strip_prefix(UTF8_BOM).expect("starts with a BOM");
        csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .from_reader(body)
            .records()
            .map(|r| r.expect("valid CSV").iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn a_neutralised_cell_is_restored_exactly() {
        for cell in [
            "=1+1",
            "'=1+1",
            "''=1+1",
            "'s-Hertogenbosch",
            "'t Zand",
            "'",
            "",
            "+31",
            "x",
        ] {
            assert_eq!(restore_formula(&neutralise_formula(cell)), cell);
        }
        assert_eq!(neutralise_formula("'=1+1"), "''=1+1");
        assert_eq!(neutralise_formula("'s-Hertogenbosch"), "'s-Hertogenbosch");
    }

    #[test]
    fn formulas_are_neutralised_and_read_back_escaped() {
        let rows = vec![
            vec!["=HYPERLINK(\"http://evil.example\",\"klik\")", "plain"],
            vec!["+31 6 12345678", "06 12345678"],
            vec!["@SUM(A1:A9)", "-2+3"],
            vec!["\tcmd", "\r=1"],
            vec!["＝1+1", "a=b"],
            vec!["Anna; \"de\" Vries\nNotitie", ""],
        ];
        let bytes = write_csv(&["Naam", "=Telefoon"], &rows).expect("writes");
        let back = read_back(&bytes, b';');
        assert_eq!(back[0], vec!["Naam", "'=Telefoon"]);
        assert_eq!(
            back[1],
            vec!["'=HYPERLINK(\"http://evil.example\",\"klik\")", "plain"]
        );
        assert_eq!(back[2], vec!["'+31 6 12345678", "06 12345678"]);
        assert_eq!(back[3], vec!["'@SUM(A1:A9)", "'-2+3"]);
        assert_eq!(back[4], vec!["'\tcmd", "'\r=1"]);
        assert_eq!(back[5], vec!["'＝1+1", "a=b"]);
        assert_eq!(back[6], vec!["Anna; \"de\" Vries\nNotitie", ""]);
        assert_eq!(back.len(), 7);
    }

    #[test]
    fn output_is_utf8_with_bom_semicolons_and_crlf() {
        let bytes = write_csv(&["Naam", "Plaats"], [["José", "Den Haag"]]).expect("writes");
        assert_eq!(bytes, "\u{FEFF}Naam;Plaats\r\nJosé;Den Haag\r\n".as_bytes());
        let comma = write_csv_with(Delimiter::Comma, &["a", "b"], [["1,5", "2"]]).expect("writes");
        assert_eq!(comma, "\u{FEFF}a,b\r\n\"1,5\",2\r\n".as_bytes());
    }

    #[test]
    fn rows_must_match_the_header() {
        let err = write_csv(&["a", "b"], [vec!["1", "2"], vec!["1"]]).expect_err("short row");
        assert_eq!(
            err,
            ExportError::RowLength {
                row: 2,
                expected: 2,
                found: 1
            }
        );
        assert_eq!(err.code(), "row_length");
    }

    proptest! {
        #[test]
        fn no_cell_reads_back_as_a_formula(cells in proptest::collection::vec("\\PC{0,20}|[=+@\\t\\r-].{0,10}", 1..6)) {
            let bytes = write_csv(&["x"], cells.iter().map(|c| [c])).expect("writes");
            let back = read_back(&bytes, b';');
            prop_assert_eq!(back.len(), cells.len() + 1);
            for (cell, row) in cells.iter().zip(&back[1..]) {
                prop_assert_eq!(&row[0], &neutralise_formula(cell).into_owned());
                prop_assert!(!row[0].starts_with(FORMULA_TRIGGERS));
            }
        }
    }
}
