//! Cleans user text before it reaches the template, so that every character can be drawn by
//! an embedded font. PDF/A and PDF/UA forbid the "missing glyph" box, so one emoji in a name
//! would otherwise make the whole crisis folder unprintable; instead that one character
//! prints as `�` (or `?`), visibly, and the rest of the document prints.

use serde_json::Value;
use typst_kit::fonts::FontStore;

/// The characters the embedded fonts can draw.
pub(crate) struct Coverage {
    /// One bit per code point of the Basic Multilingual Plane.
    bmp: Vec<u64>,
    /// Covered code points above the BMP, sorted.
    astral: Vec<u32>,
    replacement: char,
}

impl Coverage {
    pub(crate) fn of(fonts: &FontStore) -> Coverage {
        let mut bmp = vec![0u64; 0x10000 / 64];
        let mut astral = Vec::new();
        let mut index = 0;
        while let Some(info) = fonts.book().info(index) {
            for c in info.coverage.iter() {
                match usize::try_from(c) {
                    Ok(c) if c < 0x10000 => bmp[c / 64] |= 1u64 << (c % 64),
                    _ => astral.push(c),
                }
            }
            index += 1;
        }
        astral.sort_unstable();
        astral.dedup();
        let mut coverage = Coverage {
            bmp,
            astral,
            replacement: '?',
        };
        if coverage.covers('\u{FFFD}') {
            coverage.replacement = '\u{FFFD}';
        }
        coverage
    }

    fn covers(&self, c: char) -> bool {
        let c = u32::from(c);
        match usize::try_from(c) {
            Ok(i) if i < 0x10000 => self.bmp[i / 64] & (1u64 << (i % 64)) != 0,
            _ => self.astral.binary_search(&c).is_ok(),
        }
    }

    /// Cleans every string in a JSON value in place.
    pub(crate) fn clean(&self, value: &mut Value) {
        match value {
            Value::String(s) => {
                if s.chars().any(|c| !self.fine(c)) {
                    *s = self.clean_str(s);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.clean(v)),
            Value::Object(map) => map.values_mut().for_each(|v| self.clean(v)),
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }

    fn fine(&self, c: char) -> bool {
        c == '\n' || c == ' ' || (!c.is_control() && self.covers(c))
    }

    fn clean_str(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' if chars.peek() == Some(&'\n') => {}
                '\r' | '\n' => out.push('\n'),
                c if self.fine(c) => out.push(c),
                c if c.is_whitespace() || c.is_control() => out.push(' '),
                _ => out.push(self.replacement),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coverage() -> Coverage {
        let mut fonts = FontStore::new();
        fonts.extend(typst_kit::fonts::embedded());
        Coverage::of(&fonts)
    }

    #[test]
    fn dutch_text_passes_unchanged() {
        let c = coverage();
        let mut v = Value::String("Café ‘De Brug’ – ijs, één, €12,50\nregel 2".to_owned());
        let before = v.clone();
        c.clean(&mut v);
        assert_eq!(v, before);
    }

    #[test]
    fn undrawable_characters_become_visible_replacements() {
        let c = coverage();
        let mut v = serde_json::json!({"name": ["Jan 🔥 de\u{7}Vries\r\n"]});
        c.clean(&mut v);
        let name = v["name"][0].as_str().expect("string");
        assert!(name.starts_with("Jan "), "{name}");
        assert!(!name.contains('🔥'), "{name}");
        assert!(name.ends_with("de Vries\n"), "{name}");
    }
}
