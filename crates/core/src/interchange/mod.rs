//! Reading and writing the formats people exchange contacts and calendars in: CSV from Excel
//! and Outlook, vCard for phones, iCalendar for agendas. Pure functions: bytes or values in,
//! values or text out; the web layer does the uploading and downloading.

pub mod contacts_csv;
mod content_line;
pub mod csv_export;
pub mod ical;
pub mod risk;
pub mod script;
pub mod vcard;

use serde::Serialize;

/// The field separator of a CSV file. Dutch Excel writes and expects `;`, because the comma
/// is the decimal separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Delimiter {
    /// `,`: the international default.
    Comma,
    /// `;`: what Dutch Excel writes and expects (the default).
    #[default]
    Semicolon,
}

impl Delimiter {
    /// The separator as a byte, for the CSV reader and writer.
    pub fn as_byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
        }
    }

    /// The separator as a character.
    pub fn as_char(self) -> char {
        char::from(self.as_byte())
    }
}
