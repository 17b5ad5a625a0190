//! Content lines as vCard (RFC 2426, RFC 6350) and iCalendar (RFC 5545) share them: TEXT
//! escaping and folding at 75 octets. Everything user-supplied goes through `escape_text`, so
//! no input can end a line and start a property or component of its own.

/// Escapes a TEXT value: `\`, `,` and `;` get a backslash; every kind of line break becomes
/// `\n`; a tab becomes a space; other control characters are dropped.
pub(crate) fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line to `out`, folded so that no physical line is longer than 75
/// octets (the leading space of a continuation counts), never inside a UTF-8 character, and
/// ends it with CRLF.
pub(crate) fn push_folded(out: &mut String, line: &str) {
    const MAX_OCTETS: usize = 75;
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

/// Writes content lines: `NAME;PARAMS:value`, folded. The name and parameters come from our
/// code; the value must already be escaped (or be a value type that needs no escaping).
#[derive(Debug, Default)]
pub(crate) struct ContentLines {
    out: String,
}

impl ContentLines {
    pub(crate) fn raw(&mut self, name: &str, value: &str) {
        let mut line = String::with_capacity(name.len() + 1 + value.len());
        line.push_str(name);
        line.push(':');
        line.push_str(value);
        push_folded(&mut self.out, &line);
    }

    /// A TEXT property: the value is escaped here.
    pub(crate) fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape_text(value));
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }
}

/// Test helpers: a strict reader of what we write, independent of the writer.
#[cfg(test)]
pub(crate) mod read_back {
    /// Undoes folding (CRLF followed by one space) and splits into logical lines.
    pub(crate) fn unfold(text: &str) -> Vec<String> {
        assert!(text.ends_with("\r\n"), "output ends with CRLF");
        let unfolded = text.replace("\r\n ", "");
        let body = unfolded.strip_suffix("\r\n").unwrap_or(&unfolded);
        body.split("\r\n").map(str::to_owned).collect()
    }

    /// Splits a logical line into name (with parameters) and value at the first colon.
    pub(crate) fn split(line: &str) -> (&str, &str) {
        line.split_once(':')
            .expect("every content line has a colon")
    }

    /// Reverses TEXT escaping.
    pub(crate) fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => panic!("dangling backslash in {value:?}"),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    /// Every physical line: at most 75 octets, CRLF only, and no bare CR or LF anywhere.
    pub(crate) fn assert_well_formed(text: &str) {
        let bytes = text.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' {
                assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at {i}");
            }
            if *b == b'\r' {
                assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at {i}");
            }
        }
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_the_special_characters() {
        assert_eq!(
            escape_text("a\\b,c;d\ne\r\nf\rg\th\u{7}i"),
            "a\\\\b\\,c\\;d\\ne\\nf\\ng hi"
        );
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("NOTE:{}", "é".repeat(100));
        push_folded(&mut out, &line);
        read_back::assert_well_formed(&out);
        let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(physical.len() > 2);
        // Lines are filled: only the last may be short (a 2-octet character that did not fit
        // leaves at most one octet unused).
        for l in &physical[..physical.len() - 1] {
            assert!(l.len() >= 74, "{l:?}");
        }
        assert_eq!(read_back::unfold(&out), vec![line]);
    }

    proptest! {
        #[test]
        fn escaped_text_folds_and_reads_back(s in "\\PC{0,300}|[\\\\,;\\r\\n\\t a-z😀é]{0,300}") {
            let mut out = String::new();
            push_folded(&mut out, &format!("X:{}", escape_text(&s)));
            read_back::assert_well_formed(&out);
            let lines = read_back::unfold(&out);
            prop_assert_eq!(lines.len(), 1);
            let (_, value) = read_back::split(&lines[0]);
            let expected: String = s
                .replace("\r\n", "\n")
                .replace(['\r', '\u{85}', '\u{2028}', '\u{2029}'], "\n")
                .replace('\t', " ")
                .chars()
                .filter(|c| *c == '\n' || !c.is_control())
                .collect();
            prop_assert_eq!(read_back::unescape(value), expected);
        }
    }
}
