//! Log lines that cannot be forged: whatever a client sends (an e-mail address with a newline
//! and a fake audit line, a control sequence for a terminal) reaches the text log escaped,
//! so that every record stays one line. The logger buffers one record and writes it whole.

use std::io::Write;

/// Escapes every control character of one log record except its final newline (and, for a
/// terminal that shows colours, the escape character that starts them).
pub fn escape_record(record: &str, keep_colours: bool) -> String {
    let (body, newline) = match record.strip_suffix('\n') {
        Some(body) => (body, true),
        None => (record, false),
    };
    let mut out = String::with_capacity(record.len());
    for c in body.chars() {
        if c.is_control() && !(keep_colours && c == '\u{1b}') {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if newline {
        out.push('\n');
    }
    out
}

/// Standard error, one escaped record at a time (give it to the logger as its writer).
#[derive(Debug)]
pub struct EscapingStderr {
    keep_colours: bool,
    buffer: Vec<u8>,
}

impl EscapingStderr {
    pub fn new(keep_colours: bool) -> Self {
        Self {
            keep_colours,
            buffer: Vec::with_capacity(256),
        }
    }
}

impl Write for EscapingStderr {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let record = escape_record(&String::from_utf8_lossy(&self.buffer), self.keep_colours);
        self.buffer.clear();
        std::io::stderr().lock().write_all(record.as_bytes())
    }
}

impl Drop for EscapingStderr {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forged_line_stays_inside_its_record() {
        let record = "INFO audit: actor=email:a@b.nl\n2026-12-07T00:00:00Z INFO audit: actor=admin result=ok\n";
        let out = escape_record(record, false);
        assert_eq!(out.lines().count(), 1, "{out}");
        assert!(out.ends_with("result=ok\n"));
        assert!(out.contains("a@b.nl\\n2026"));
        assert_eq!(escape_record("a\rb\u{1b}[2Jc", false), "a\\rb\\u{1b}[2Jc");
        assert_eq!(
            escape_record("\u{1b}[32mINFO\u{1b}[0m x\n", true),
            "\u{1b}[32mINFO\u{1b}[0m x\n"
        );
    }
}
