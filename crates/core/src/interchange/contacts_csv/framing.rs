//! From bytes to CSV text: the encoding, Excel's `sep=` line, the delimiter, quotes that
//! never close, and line numbers as an editor shows them.

use super::{ImportError, TextEncoding};
use crate::interchange::Delimiter;
use std::borrow::Cow;

pub(crate) fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, TextEncoding), ImportError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|s| (Cow::Borrowed(s), TextEncoding::Utf8Bom))
            .map_err(|_| ImportError::UnsupportedEncoding);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        // UTF-16 ("Unicode text"): decodable, but not what we were given as CSV.
        return Err(ImportError::UnsupportedEncoding);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((Cow::Borrowed(s), TextEncoding::Utf8)),
        // UTF-8 text with a stray byte would turn every accent into mojibake ("JosÃ©").
        Err(_) if contains_utf8_sequences(bytes) => Err(ImportError::UnsupportedEncoding),
        Err(_) => {
            // Every byte is a character in Windows-1252, so this cannot fail.
            let (text, _had_errors) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok((text, TextEncoding::Windows1252))
        }
    }
}

/// Whether invalid UTF-8 still holds valid multi-byte UTF-8 sequences, i.e. mixes encodings.
/// Windows-1252 text almost never does: it would take a letter like `Ã` directly followed by
/// a symbol like `©`.
fn contains_utf8_sequences(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => return !valid.is_ascii(),
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                if !valid.is_ascii() {
                    return true;
                }
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = after.get(skip..).unwrap_or_default();
            }
        }
    }
}

/// Excel understands a first line `sep=;` and some exports write one. Returns the rest of
/// the text, the declared delimiter and how many lines were taken off.
pub(crate) fn strip_separator_line(text: &str) -> (&str, Option<Delimiter>, usize) {
    let (first, rest) = match text.find('\n') {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    };
    let declared = match first.trim().to_ascii_lowercase().as_str() {
        "sep=;" => Some(Delimiter::Semicolon),
        "sep=," => Some(Delimiter::Comma),
        _ => None,
    };
    match declared {
        Some(d) => (rest, Some(d), 1),
        None => (text, None, 0),
    }
}

/// Counts commas and semicolons outside quotes on the first non-empty line. Semicolon wins
/// only when it is the more frequent; a one-column file is read with commas.
pub(crate) fn detect_delimiter(text: &str) -> Delimiter {
    let mut in_quotes = false;
    let (mut commas, mut semicolons) = (0usize, 0usize);
    for c in text.trim_start_matches(['\r', '\n']).chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => commas += 1,
            ';' if !in_quotes => semicolons += 1,
            '\r' | '\n' if !in_quotes => break,
            _ => {}
        }
    }
    if semicolons > commas {
        Delimiter::Semicolon
    } else {
        Delimiter::Comma
    }
}

/// The csv reader runs an unclosed quoted field to the end of the file, swallowing every row
/// after it; that must be refused, not imported as one long field. This follows the reader's
/// rules: a quote opens a field only as its first character, `""` inside is a quote.
/// Returns the line where the unclosed field starts.
pub(super) fn unclosed_quote(text: &str, delimiter: char) -> Option<usize> {
    let mut line = 1;
    let mut at_field_start = true;
    let mut open_since: Option<usize> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if open_since.is_some() {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    open_since = None;
                }
            }
        } else if c == '"' && at_field_start {
            open_since = Some(line);
        }
        at_field_start = open_since.is_none() && (c == delimiter || c == '\n' || c == '\r');
        if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
            line += 1;
        }
    }
    open_since
}

/// Line numbers as people see them in an editor. The csv reader's own positions point at
/// the end of the previous record, before the rest of its line break and any blank lines, so
/// they are one short after every CRLF; this counts from the first character of the record.
pub(super) struct LineCounter<'t> {
    text: &'t [u8],
    offset: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first character at or after `byte` that is not a line break.
    pub(super) fn line_at(&mut self, byte: usize) -> usize {
        let mut start = byte.min(self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if let Some(between) = self.text.get(self.offset..start) {
            self.line += line_breaks(between);
            self.offset = start;
        }
        self.line
    }
}

/// Counts LF, CRLF and a lone CR each as one line break.
fn line_breaks(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}
