//! What the fuzz targets share: a reader for the content lines we write (vCard, iCalendar),
//! every schema of the product, and a reference lookup that knows every id.

use crisismap_core::UserId;
use crisismap_core::crisis::EntryKind;
use crisismap_core::register::schema::Schema;
use crisismap_core::register::{RecordId, RecordKind, RefLookup};

/// Every schema: the register's kinds, then the crisis entries'.
pub fn schemas() -> Vec<&'static Schema> {
    RecordKind::ALL
        .iter()
        .map(|k| k.schema())
        .chain(EntryKind::ALL.iter().map(|k| k.schema()))
        .collect()
}

/// Says every reference exists, so that validation reaches every other rule.
pub struct AllRefs;

impl RefLookup for AllRefs {
    fn exists(&self, _: RecordKind, _: RecordId) -> bool {
        true
    }
    fn exists_any(&self, _: RecordId) -> bool {
        true
    }
    fn exists_entry(&self, _: EntryKind, _: RecordId) -> bool {
        true
    }
    fn exists_user(&self, _: UserId) -> bool {
        true
    }
}

/// Every physical line ends in CRLF, holds no other CR or LF and is at most 75 octets.
pub fn assert_well_formed(text: &str) {
    let bytes = text.as_bytes();
    assert!(text.ends_with("\r\n"), "output ends with CRLF");
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at {i}: {text:?}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at {i}: {text:?}");
        }
    }
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
        assert!(
            !line.chars().any(|c| c.is_control()),
            "a control character in {line:?}"
        );
    }
}

/// Undoes folding (CRLF and one space) and splits into logical lines.
pub fn unfold(text: &str) -> Vec<String> {
    let unfolded = text.replace("\r\n ", "");
    let body = unfolded.strip_suffix("\r\n").unwrap_or(&unfolded);
    body.split("\r\n").map(str::to_owned).collect()
}

/// Name (with parameters) and value of a logical line.
pub fn split(line: &str) -> (&str, &str) {
    line.split_once(':')
        .expect("every content line has a colon")
}

/// Reverses TEXT escaping; panics on an escape we never write.
pub fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(c @ ('\\' | ',' | ';')) => out.push(c),
                other => panic!("unexpected escape {other:?} in {value:?}"),
            }
        } else {
            assert!(
                !matches!(c, ',' | ';'),
                "an unescaped {c:?} in a text value {value:?}"
            );
            out.push(c);
        }
    }
    out
}

/// What a TEXT value reads back as after escaping: line breaks as `\n`, a tab as a space,
/// other control characters gone.
pub fn text_as_written(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace(['\r', '\u{85}', '\u{2028}', '\u{2029}'], "\n")
        .replace('\t', " ")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}
