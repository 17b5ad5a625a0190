//! Contacts from CSV as Excel and Outlook export them, in Dutch or English. All or nothing:
//! either every row is a valid contact, or the import is refused with every faulty row named,
//! so a list is never half imported. Storing the drafts is the caller's business.

use super::Delimiter;
use crate::phone::{PhoneLabel, PhoneNumber};
use crate::values::{DisplayName, Email, ValueError};
use serde::Serialize;

pub(crate) mod framing;
mod headers;

use framing::{LineCounter, decode, detect_delimiter, strip_separator_line, unclosed_quote};
use headers::{Target, target_for};

/// More rows than any contact list of a municipality; a file this long is something else.
pub const MAX_ROWS: usize = 10_000;
/// Limits that match the register's contact fields.
pub const MAX_ALTERNATIVE_CHANNEL_CHARS: usize = 500;
/// The most characters of a contact's notes, as in the register.
pub const MAX_NOTES_CHARS: usize = 2000;
/// Values quoted in a [`RowError`] are cut to this many characters.
const MAX_QUOTED_CHARS: usize = 80;

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    /// UTF-8 with a byte order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-8 without a byte order mark.
    Utf8,
    /// Excel's and Outlook's plain "CSV" on Windows.
    Windows1252,
}

impl TextEncoding {
    /// The encoding's stable code, for the import report.
    pub fn code(self) -> &'static str {
        match self {
            TextEncoding::Utf8Bom => "utf8_bom",
            TextEncoding::Utf8 => "utf8",
            TextEncoding::Windows1252 => "windows_1252",
        }
    }
}

/// A file that can be imported as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactImport {
    /// The contacts to create, in file order.
    pub rows: Vec<ContactDraft>,
    /// Headers of columns that were not recognised, as written in the file.
    pub ignored_columns: Vec<String>,
    /// The field separator the file uses.
    pub delimiter: Delimiter,
    /// How the file's bytes were read.
    pub encoding: TextEncoding,
}

/// One valid row, ready to become a contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactDraft {
    /// Line in the file where the row starts, as an editor counts (the header is line 1,
    /// or 2 after a `sep=` line).
    pub line: usize,
    /// The contact's name.
    pub name: DisplayName,
    /// Their function, e.g. "CISO".
    pub function: Option<String>,
    /// The organisation they work for.
    pub organisation: Option<String>,
    /// Mobile first, then work, home, night, other; a number that appears in two columns
    /// is kept once, with the first of those labels.
    pub phones: Vec<(PhoneLabel, PhoneNumber)>,
    /// Their e-mail address.
    pub email: Option<Email>,
    /// How to reach them when mail and phones fail.
    pub alternative_channel: Option<String>,
    /// Line breaks are `\n`.
    pub notes: Option<String>,
}

/// The contact field a row error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactField {
    /// The contact's name (possibly composed of first and last name columns).
    Name,
    /// Their function.
    Function,
    /// Their organisation.
    Organisation,
    /// A phone number column.
    Phone,
    /// The e-mail address.
    Email,
    /// The fallback channel for when mail and phones fail.
    AlternativeChannel,
    /// The notes.
    Notes,
    /// The row as a whole (more cells than the header has columns).
    Row,
}

impl ContactField {
    /// The field's stable code, for the import report and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            ContactField::Name => "name",
            ContactField::Function => "function",
            ContactField::Organisation => "organisation",
            ContactField::Phone => "phone",
            ContactField::Email => "email",
            ContactField::AlternativeChannel => "alternative_channel",
            ContactField::Notes => "notes",
            ContactField::Row => "row",
        }
    }
}

/// One problem in one row: "regel 317, kolom Mobiel: telefoonnummer ongeldig".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// Line in the file where the row starts, as an editor counts.
    pub line: usize,
    /// The contact field the problem is in.
    pub field: ContactField,
    /// The header as written in the file (`Voornaam + Achternaam` for a composed name).
    pub column: String,
    /// A stable code: `required`, `too_long`, `control_characters`, `invalid_email`,
    /// `invalid_phone`, `too_many_fields`.
    pub code: &'static str,
    /// The offending value, cut to 80 characters.
    pub value: String,
}

/// Why a file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file is empty: it has no header line.
    #[error("the file holds no header line")]
    Empty,
    /// The file's bytes are neither UTF-8 nor Windows-1252 text.
    #[error("the file is neither UTF-8 nor Windows-1252 text")]
    UnsupportedEncoding,
    /// No column was recognised as holding a contact's name.
    #[error("no column holds a name; columns found: {}", .columns.join(", "))]
    NoNameColumn {
        /// The headers the file has.
        columns: Vec<String>,
    },
    /// A quoted field is never closed, so the rest of the file would be one cell.
    #[error("a quoted field that starts on line {line} is never closed")]
    UnclosedQuote {
        /// The line where the quoted field starts.
        line: usize,
    },
    /// A line could not be read as CSV.
    #[error("line {line} could not be read as CSV")]
    Malformed {
        /// The line that could not be read.
        line: usize,
    },
    /// The file has more rows than [`MAX_ROWS`].
    #[error("more than {max} rows")]
    TooManyRows {
        /// The most rows allowed.
        max: usize,
    },
    /// Some rows have problems; nothing was imported. Each problem names its row.
    #[error("{} problems in the rows; nothing was imported", .0.len())]
    Rows(Vec<RowError>),
}

impl ImportError {
    /// A stable code for APIs and translation keys.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Empty => "empty_file",
            ImportError::UnsupportedEncoding => "unsupported_encoding",
            ImportError::NoNameColumn { .. } => "no_name_column",
            ImportError::UnclosedQuote { .. } => "unclosed_quote",
            ImportError::Malformed { .. } => "malformed_csv",
            ImportError::TooManyRows { .. } => "too_many_rows",
            ImportError::Rows(_) => "invalid_rows",
        }
    }
}

/// Reads contacts from the bytes of a CSV file.
pub fn import_contacts(bytes: &[u8]) -> Result<ContactImport, ImportError> {
    let (text, encoding) = decode(bytes)?;
    let (text, declared, line_offset) = strip_separator_line(&text);
    let delimiter = declared.unwrap_or_else(|| detect_delimiter(text));
    if let Some(line) = unclosed_quote(text, delimiter.as_char()) {
        return Err(ImportError::UnclosedQuote {
            line: line + line_offset,
        });
    }

    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.as_byte())
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            None => return Err(ImportError::Empty),
            Some(Err(e)) => return Err(malformed(&e, line_offset)),
            Some(Ok(record)) if is_blank(&record) => continue,
            Some(Ok(record)) => break record,
        }
    };
    let columns = Columns::from_header(&header)?;

    let mut lines = LineCounter::new(text);
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for record in records {
        let record = record.map_err(|e| malformed(&e, line_offset))?;
        if is_blank(&record) {
            continue;
        }
        if rows.len() + errors.len() >= MAX_ROWS {
            return Err(ImportError::TooManyRows { max: MAX_ROWS });
        }
        let line = record
            .position()
            .map_or(0, |p| lines.line_at(to_usize(p.byte())))
            + line_offset;
        match columns.read_row(line, &record) {
            Ok(draft) => rows.push(draft),
            Err(row_errors) => errors.push(row_errors),
        }
    }
    if !errors.is_empty() {
        return Err(ImportError::Rows(errors.into_iter().flatten().collect()));
    }
    Ok(ContactImport {
        rows,
        ignored_columns: columns.ignored,
        delimiter,
        encoding,
    })
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// The reader only fails on I/O or invalid UTF-8, neither of which a decoded string in memory
/// can produce; its line number here is approximate.
fn malformed(e: &csv::Error, line_offset: usize) -> ImportError {
    let line = e.position().map_or(0, |p| to_usize(p.line()));
    ImportError::Malformed {
        line: line + line_offset,
    }
}

fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|f| f.trim().is_empty())
}

/// The header, understood: for each column what it holds.
#[derive(Debug)]
struct Columns {
    headers: Vec<String>,
    targets: Vec<Option<Target>>,
    ignored: Vec<String>,
}

impl Columns {
    fn from_header(header: &csv::StringRecord) -> Result<Self, ImportError> {
        let headers: Vec<String> = header.iter().map(|h| h.trim().to_owned()).collect();
        let targets: Vec<Option<Target>> = headers.iter().map(|h| target_for(h)).collect();
        let ignored = headers
            .iter()
            .zip(&targets)
            .filter(|(h, t)| t.is_none() && !h.is_empty())
            .map(|(h, _)| h.clone())
            .collect();
        let has_name = targets.iter().any(|t| {
            matches!(
                t,
                Some(Target::FullName | Target::FirstName | Target::LastName)
            )
        });
        if !has_name {
            return Err(ImportError::NoNameColumn { columns: headers });
        }
        Ok(Columns {
            headers,
            targets,
            ignored,
        })
    }

    /// The cells of the columns holding `target`, with their headers, in column order.
    fn cells<'r>(
        &'r self,
        record: &'r csv::StringRecord,
        target: Target,
    ) -> impl Iterator<Item = (&'r str, &'r str)> + 'r {
        self.targets
            .iter()
            .enumerate()
            .filter(move |(_, t)| **t == Some(target))
            .map(move |(i, _)| {
                let header = self.headers.get(i).map_or("", String::as_str);
                (header, record.get(i).unwrap_or("").trim())
            })
    }

    /// The first non-empty cell for a single-valued target.
    fn first<'r>(
        &'r self,
        record: &'r csv::StringRecord,
        target: Target,
    ) -> Option<(&'r str, &'r str)> {
        self.cells(record, target).find(|(_, v)| !v.is_empty())
    }

    fn read_row(
        &self,
        line: usize,
        record: &csv::StringRecord,
    ) -> Result<ContactDraft, Vec<RowError>> {
        let mut errors = Vec::new();
        let mut fail = |field, column: &str, code, value: &str| {
            errors.push(RowError {
                line,
                field,
                column: column.to_owned(),
                code,
                value: excerpt(value),
            });
        };

        if let Some(extra) = record
            .iter()
            .skip(self.headers.len())
            .find(|v| !v.trim().is_empty())
        {
            fail(ContactField::Row, "", "too_many_fields", extra);
        }

        let (name_column, name_value) = self.name(record);
        let name = DisplayName::parse(&name_value)
            .map_err(|e| fail(ContactField::Name, &name_column, e.code(), &name_value))
            .ok();

        let mut optional = |target, field, check: fn(&str) -> Result<String, ValueError>| {
            let (column, value) = self.first(record, target)?;
            check(value)
                .map_err(|e| fail(field, column, e.code(), value))
                .ok()
        };
        let function = optional(Target::Function, ContactField::Function, single_line);
        let organisation = optional(
            Target::Organisation,
            ContactField::Organisation,
            single_line,
        );
        let alternative_channel = optional(
            Target::AlternativeChannel,
            ContactField::AlternativeChannel,
            |v| long_text(v, MAX_ALTERNATIVE_CHANNEL_CHARS),
        );
        let notes = optional(Target::Notes, ContactField::Notes, |v| {
            long_text(v, MAX_NOTES_CHARS)
        });

        let email = self
            .first(record, Target::Email)
            .and_then(|(column, value)| {
                Email::parse(value)
                    .map_err(|e| fail(ContactField::Email, column, e.code(), value))
                    .ok()
            });

        let mut phones: Vec<(PhoneLabel, PhoneNumber)> = Vec::new();
        for label in PhoneLabel::ALL {
            for (column, value) in self.cells(record, Target::Phone(label)) {
                if value.is_empty() {
                    continue;
                }
                match PhoneNumber::parse(value) {
                    Ok(number) => {
                        if !phones.iter().any(|(_, known)| *known == number) {
                            phones.push((label, number));
                        }
                    }
                    Err(e) => fail(ContactField::Phone, column, e.code(), value),
                }
            }
        }

        match name {
            Some(name) if errors.is_empty() => Ok(ContactDraft {
                line,
                name,
                function,
                organisation,
                phones,
                email,
                alternative_channel,
                notes,
            }),
            _ => Err(errors),
        }
    }

    /// The full name if a column gives one, else first, middle and last name joined.
    /// Returns the column(s) it came from and the name.
    fn name(&self, record: &csv::StringRecord) -> (String, String) {
        if let Some((column, value)) = self.first(record, Target::FullName) {
            return (column.to_owned(), value.to_owned());
        }
        let parts = [Target::FirstName, Target::MiddleName, Target::LastName];
        let mut columns = Vec::new();
        let mut words = Vec::new();
        for target in parts {
            if let Some((column, _)) = self.cells(record, target).next() {
                columns.push(column);
            }
            if let Some((_, value)) = self.first(record, target) {
                words.push(value);
            }
        }
        if columns.is_empty() {
            // Only a full-name column exists, and it is empty in this row.
            let column = self
                .cells(record, Target::FullName)
                .next()
                .map_or("", |(c, _)| c);
            return (column.to_owned(), String::new());
        }
        (columns.join(" + "), words.join(" "))
    }
}

/// One line, trimmed, without control characters, at most 120 characters (the rule of
/// [`DisplayName`], which the register also applies to function and organisation).
fn single_line(value: &str) -> Result<String, ValueError> {
    DisplayName::parse(value).map(String::from)
}

/// Text that may span lines: line breaks become `\n`, tabs are kept, other control
/// characters are refused.
fn long_text(value: &str, max_chars: usize) -> Result<String, ValueError> {
    let text = value.trim().replace("\r\n", "\n").replace('\r', "\n");
    if text.chars().count() > max_chars {
        return Err(ValueError::TooLong);
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        return Err(ValueError::ControlCharacters);
    }
    Ok(text)
}

fn excerpt(value: &str) -> String {
    if value.chars().count() <= MAX_QUOTED_CHARS {
        value.to_owned()
    } else {
        let mut cut: String = value.chars().take(MAX_QUOTED_CHARS - 1).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn import(text: &str) -> Result<ContactImport, ImportError> {
        import_contacts(text.as_bytes())
    }

    fn phone(s: &str) -> PhoneNumber {
        PhoneNumber::parse(s).expect("valid number")
    }

    #[test]
    fn a_dutch_excel_file_is_read() {
        let file = "Naam;Functie;Organisatie;Mobiel;Telefoon op werk;E-mail;Noodkanaal;Opmerkingen;Kamer\r\n\
                    Anna de Vries;Burgemeester;Gemeente Voorbeeld;06-12345678;020-1234567;A.deVries@Voorbeeld.nl;Portofoon kanaal 3;Alleen in nood;2.14\r\n\
                    \r\n\
                    ;;;;;;;;\r\n\
                    Piet Jansen;;;;;;;;\r\n";
        let import = import(file).expect("valid file");
        assert_eq!(import.delimiter, Delimiter::Semicolon);
        assert_eq!(import.encoding, TextEncoding::Utf8);
        assert_eq!(import.ignored_columns, vec!["Kamer"]);
        assert_eq!(import.rows.len(), 2);
        let anna = &import.rows[0];
        assert_eq!(anna.line, 2);
        assert_eq!(anna.name.as_str(), "Anna de Vries");
        assert_eq!(anna.function.as_deref(), Some("Burgemeester"));
        assert_eq!(anna.organisation.as_deref(), Some("Gemeente Voorbeeld"));
        assert_eq!(
            anna.phones,
            vec![
                (PhoneLabel::Mobile, phone("+31612345678")),
                (PhoneLabel::Work, phone("+31201234567"))
            ]
        );
        assert_eq!(
            anna.email.as_ref().map(Email::as_str),
            Some("a.devries@voorbeeld.nl")
        );
        assert_eq!(
            anna.alternative_channel.as_deref(),
            Some("Portofoon kanaal 3")
        );
        assert_eq!(anna.notes.as_deref(), Some("Alleen in nood"));
        let piet = &import.rows[1];
        assert_eq!(piet.line, 5);
        assert_eq!(
            (
                piet.function.as_ref(),
                piet.email.as_ref(),
                piet.phones.len()
            ),
            (None, None, 0)
        );
    }

    #[test]
    fn one_bad_row_in_500_refuses_the_whole_file_and_names_its_line() {
        let mut file = String::from("Naam,Mobiel,E-mail\n");
        for line in 2..=501 {
            if line == 317 {
                file.push_str("Kees Bakker,06-1234567,kees@voorbeeld.nl\n");
            } else {
                file.push_str(&format!(
                    "Persoon {line},06 1234 {line:04},p{line}@voorbeeld.nl\n"
                ));
            }
        }
        let Err(ImportError::Rows(errors)) = import(&file) else {
            panic!("must be refused");
        };
        assert_eq!(
            errors,
            vec![RowError {
                line: 317,
                field: ContactField::Phone,
                column: "Mobiel".into(),
                code: "invalid_phone",
                value: "06-1234567".into(),
            }]
        );
        let fixed = file.replace("06-1234567,", "06-12345678,");
        assert_eq!(import(&fixed).map(|i| i.rows.len()), Ok(500));
    }

    #[test]
    fn every_bad_row_is_listed() {
        let file = "Naam;Mobiel;E-mail;Notities\n\
                    ;0612345678;;\n\
                    Jan;nee;jan@;\n\
                    Marie;;;ok\n\
                    X\u{7}Y;;;\n";
        let Err(ImportError::Rows(errors)) = import(file) else {
            panic!("must be refused");
        };
        let summary: Vec<(usize, &str, &str)> = errors
            .iter()
            .map(|e| (e.line, e.field.code(), e.code))
            .collect();
        assert_eq!(
            summary,
            vec![
                (2, "name", "required"),
                (3, "email", "invalid_email"),
                (3, "phone", "invalid_phone"),
                (5, "name", "control_characters"),
            ]
        );
        assert_eq!(ImportError::Rows(errors).code(), "invalid_rows");
    }

    #[test]
    fn windows_1252_with_semicolons_is_decoded() {
        let bytes = b"Naam;Functie;Organisatie\r\nJos\xE9 Mu\xF1oz;Co\xF6rdinator;Ge\xEBvacueerd \x80 Caf\xE9\r\n";
        let import = import_contacts(bytes).expect("valid file");
        assert_eq!(import.encoding, TextEncoding::Windows1252);
        assert_eq!(import.delimiter, Delimiter::Semicolon);
        assert_eq!(import.rows[0].name.as_str(), "José Muñoz");
        assert_eq!(import.rows[0].function.as_deref(), Some("Coördinator"));
        assert_eq!(
            import.rows[0].organisation.as_deref(),
            Some("Geëvacueerd € Café")
        );
    }

    #[test]
    fn utf8_with_bom_is_decoded_and_the_bom_is_not_part_of_the_header() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice("Naam,Functie\nZoë Çelik,Veiligheidsregio\n".as_bytes());
        let import = import_contacts(&bytes).expect("valid file");
        assert_eq!(import.encoding, TextEncoding::Utf8Bom);
        assert_eq!(import.delimiter, Delimiter::Comma);
        assert_eq!(import.rows[0].name.as_str(), "Zoë Çelik");
        assert!(import.ignored_columns.is_empty());
        assert_eq!(
            import_contacts(b"\xEF\xBB\xBFNaam\nJos\xE9\n"),
            Err(ImportError::UnsupportedEncoding)
        );
        assert_eq!(
            import_contacts(b"\xFF\xFEN\0a\0"),
            Err(ImportError::UnsupportedEncoding)
        );
    }

    #[test]
    fn a_mix_of_utf8_and_another_encoding_is_refused() {
        assert_eq!(
            import_contacts("Naam\nJosé\nRen\u{e9}".as_bytes()).map(|i| i.encoding),
            Ok(TextEncoding::Utf8)
        );
        let mut mixed = "Naam\nJosé\n".as_bytes().to_vec();
        mixed.extend_from_slice(b"Ren\xE9\n");
        assert_eq!(
            import_contacts(&mixed),
            Err(ImportError::UnsupportedEncoding)
        );
        let mut mixed = b"Naam\nRen\xE9\n".to_vec();
        mixed.extend_from_slice("José\n".as_bytes());
        assert_eq!(
            import_contacts(&mixed),
            Err(ImportError::UnsupportedEncoding)
        );
    }

    #[test]
    fn google_contacts_headers_are_recognised() {
        let file = "First Name,Middle Name,Last Name,Organization Name,Organization Title,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\n\
                    Sanne,,Visser,Rijkswaterstaat,Wegverkeersleider,sanne@example.org,Mobile,+31 6 11122233\n";
        let result = import(file).expect("valid file");
        assert_eq!(result.ignored_columns, vec!["Phone 1 - Label"]);
        let sanne = &result.rows[0];
        assert_eq!(sanne.name.as_str(), "Sanne Visser");
        assert_eq!(sanne.function.as_deref(), Some("Wegverkeersleider"));
        assert_eq!(sanne.organisation.as_deref(), Some("Rijkswaterstaat"));
        assert_eq!(sanne.phones, vec![(PhoneLabel::Other, phone("0611122233"))]);
    }

    #[test]
    fn outlook_english_export_combines_first_middle_and_last_name() {
        let file = "\"Title\",\"First Name\",\"Middle Name\",\"Last Name\",\"Company\",\"Job Title\",\
                    \"Business Phone\",\"Home Phone\",\"Mobile Phone\",\"Primary Phone\",\"E-mail Address\",\
                    \"E-mail Display Name\",\"E-mail 2 Address\",\"Notes\"\r\n\
                    \"Mrs.\",\"Anna\",\"van der\",\"Berg\",\"Waterschap Rivierenland\",\"Dijkgraaf\",\
                    \"+31 (0)30 123 45 67\",\"\",\"+31 6 12345678\",\"06-12345678\",\"anna@example.org\",\
                    \"Anna (anna@example.org)\",\"\",\"\"\r\n\
                    \"\",\"\",\"\",\"Meldkamer\",\"\",\"\",\"\",\"\",\"\",\"+44 20 7946 0958\",\"\",\"\",\"\",\"\"\r\n";
        let import = import(file).expect("valid file");
        assert_eq!(import.delimiter, Delimiter::Comma);
        assert_eq!(
            import.ignored_columns,
            vec!["Title", "E-mail Display Name", "E-mail 2 Address"]
        );
        let anna = &import.rows[0];
        assert_eq!(anna.name.as_str(), "Anna van der Berg");
        assert_eq!(anna.function.as_deref(), Some("Dijkgraaf"));
        assert_eq!(
            anna.organisation.as_deref(),
            Some("Waterschap Rivierenland")
        );
        // The primary phone repeats the mobile number and is kept once.
        assert_eq!(
            anna.phones,
            vec![
                (PhoneLabel::Mobile, phone("0612345678")),
                (PhoneLabel::Work, phone("0301234567")),
            ]
        );
        assert_eq!(import.rows[1].name.as_str(), "Meldkamer");
        assert_eq!(
            import.rows[1].phones,
            vec![(PhoneLabel::Other, phone("+442079460958"))]
        );
    }

    #[test]
    fn dutch_outlook_headers_are_recognised() {
        let file = "Voornaam;Middelste naam;Achternaam;Bedrijf;Functie;Telefoon op werk;Telefoon thuis;Mobiele telefoon;E-mailadres;Notities\n\
                    Jan;de;Boer;GGD;Arts;010-1234567;;06 8765 4321;jan@ggd.nl;Bereikbaar via meldkamer\n";
        let import = import(file).expect("valid file");
        assert!(import.ignored_columns.is_empty());
        let jan = &import.rows[0];
        assert_eq!(jan.name.as_str(), "Jan de Boer");
        assert_eq!(jan.phones.len(), 2);
        assert_eq!(jan.phones[0].0, PhoneLabel::Mobile);
        assert_eq!(jan.email.as_ref().map(Email::as_str), Some("jan@ggd.nl"));
    }

    #[test]
    fn quoted_fields_keep_delimiters_and_newlines_and_lines_stay_right() {
        let file = "Naam;Notities;Mobiel\r\n\
                    \"Vries; Anna de\";\"regel 1\r\nregel 2; met , en \"\"quotes\"\"\";06-12345678\r\n\
                    Piet;;0612345679\r\n\
                    \"Kees\";\"a\nb\nc\";\r\n\
                    Bram;;nee\r\n";
        let Err(ImportError::Rows(errors)) = import(file) else {
            panic!("Bram has a bad number");
        };
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 8, "Bram starts on line 8");

        let import = import(&file.replace("nee", "")).expect("valid file");
        let lines: Vec<usize> = import.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 4, 5, 8]);
        assert_eq!(import.rows[0].name.as_str(), "Vries; Anna de");
        assert_eq!(
            import.rows[0].notes.as_deref(),
            Some("regel 1\nregel 2; met , en \"quotes\"")
        );
        assert_eq!(import.rows[2].notes.as_deref(), Some("a\nb\nc"));
    }

    #[test]
    fn delimiters_inside_quoted_headers_do_not_count() {
        let file = "\"Opmerking; intern\",Naam,\"Telefoon\"\n\"a;b;c\",Anna,0612345678\n";
        let result = import(file).expect("valid file");
        assert_eq!(result.delimiter, Delimiter::Comma);
        assert_eq!(result.ignored_columns, vec!["Opmerking; intern"]);
        assert_eq!(result.rows[0].phones.len(), 1);
    }

    #[test]
    fn line_numbers_hold_for_every_kind_of_line_break() {
        for (file, bad_line) in [
            ("Naam;Mobiel\rAnna;0612345678\r\rPiet;nee\r", 4),
            ("Naam;Mobiel\nAnna;0612345678\n\nPiet;nee\n", 4),
            ("Naam;Mobiel\r\n\r\nAnna;0612345678\r\nPiet;nee", 4),
            (
                "\r\nNaam;Mobiel;Notities\r\nAnna;;\"a\r\nb\"\r\nPiet;nee",
                5,
            ),
        ] {
            let Err(ImportError::Rows(errors)) = import(file) else {
                panic!("Piet has a bad number in {file:?}");
            };
            let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
            assert_eq!(lines, vec![bad_line], "{file:?}");
        }
    }

    #[test]
    fn an_excel_sep_line_sets_the_delimiter_and_counts_as_a_line() {
        let file = "sep=,\r\nNaam,Functie\r\nAnna;de Vries,Wethouder\r\n";
        let import = import(file).expect("valid file");
        assert_eq!(import.delimiter, Delimiter::Comma);
        assert_eq!(import.rows[0].name.as_str(), "Anna;de Vries");
        assert_eq!(import.rows[0].line, 3);
    }

    #[test]
    fn files_without_a_name_column_or_header_are_refused() {
        assert_eq!(
            import("Functie;Mobiel\nBurgemeester;0612345678\n"),
            Err(ImportError::NoNameColumn {
                columns: vec!["Functie".into(), "Mobiel".into()]
            })
        );
        assert_eq!(import(""), Err(ImportError::Empty));
        assert_eq!(import("\r\n\r\n"), Err(ImportError::Empty));
        assert_eq!(import("Naam\n").map(|i| i.rows.len()), Ok(0));
    }

    #[test]
    fn an_unclosed_quote_is_refused_instead_of_swallowing_rows() {
        let file = "Naam;Notities\nAnna;\"begint hier\nPiet;x\nKees;y\n";
        assert_eq!(import(file), Err(ImportError::UnclosedQuote { line: 2 }));
        // Quotes inside an unquoted field are text, not the start of a quoted field.
        let file = "Naam;Notities\nAnna;scherm 24\" breed\nPiet;x\n";
        assert_eq!(import(file).map(|i| i.rows.len()), Ok(2));
    }

    #[test]
    fn too_many_cells_and_limits_are_reported() {
        let long_note = "x".repeat(MAX_NOTES_CHARS + 1);
        let file = format!(
            "Naam,Notities,Functie\nAnna,ok,Wethouder,,\nPiet,ok,Wethouder,extra\nKees,{long_note},{}\n",
            "f".repeat(121)
        );
        let Err(ImportError::Rows(errors)) = import(&file) else {
            panic!("must be refused");
        };
        let summary: Vec<(usize, &str, &str)> = errors
            .iter()
            .map(|e| (e.line, e.field.code(), e.code))
            .collect();
        assert_eq!(
            summary,
            vec![
                (3, "row", "too_many_fields"),
                (4, "function", "too_long"),
                (4, "notes", "too_long"),
            ]
        );
        assert_eq!(errors[2].value.chars().count(), 80);
        assert!(errors[2].value.ends_with('…'));
    }

    #[test]
    fn notes_may_hold_line_breaks_and_tabs_but_names_may_not() {
        let file = "Naam;Notities\n\"Anna\nde Vries\";x\nPiet;\"a\tb\r\nc\"\n";
        let Err(ImportError::Rows(errors)) = import(file) else {
            panic!("a name with a line break is refused");
        };
        assert_eq!(
            (errors.len(), errors[0].line, errors[0].code),
            (1, 2, "control_characters")
        );
    }

    #[test]
    fn too_many_rows_are_refused() {
        let mut file = String::from("Naam\n");
        for i in 0..=MAX_ROWS {
            file.push_str(&format!("P{i}\n"));
        }
        assert_eq!(
            import(&file),
            Err(ImportError::TooManyRows { max: MAX_ROWS })
        );
    }

    proptest! {
        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = import_contacts(&bytes);
        }

        #[test]
        fn never_panics_on_csv_like_text(body in "[a-zA-Z0-9 ;,\"\\r\\n@+().-]{0,300}") {
            let file = format!("Naam;Voornaam;Achternaam;Mobiel;E-mail;Notities\n{body}");
            if let Ok(import) = import(&file) {
                for row in import.rows {
                    prop_assert!(row.line >= 2);
                    prop_assert!(!row.name.as_str().is_empty());
                }
            }
        }
    }
}
