//! Printable documents of crisismap: the crisis folder, the situation report and the decision
//! record, as PDF. "Works when everything else is down": the templates and fonts are compiled
//! into the binary, nothing is fetched at run time, and paper witnesses the digital record by
//! printing the head hash of each stream.
//!
//! Documents are typeset in-process by typst. User data goes in only as data (`data.json`,
//! read by the template with `json()`), never as markup, so a name such as `#read("/etc/passwd")`
//! or `*bold*` prints literally. Any typst warning (an unknown font, a layout problem) fails
//! the render: a document is never silently degraded.
//!
//! ```no_run
//! use crisismap_report::{FolderData, Renderer};
//! # fn data() -> FolderData { unimplemented!() }
//! let folder_data: FolderData = data(); // the app's print data (crisismap-app)
//! let renderer = Renderer::new()?; // once; share it (it is Send + Sync)
//! let pdf = renderer.crisis_folder(&folder_data)?;
//! std::fs::write("crisismap.pdf", &pdf.bytes)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

mod model;
/// The sample documents of the tests; not part of the library.
#[cfg(test)]
#[path = "../tests/support/sample.rs"]
mod sample;
mod sanitize;
mod world;

pub use model::*;

use crate::sanitize::Coverage;
use crate::world::{DATA_PATH, DocWorld, RAW_PATH, Shared, TEMPLATES, file_id};
use jiff::Timestamp;
use serde::Serialize;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};
use typst::diag::SourceDiagnostic;
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, Source};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

/// The PDF standards every document conforms to. PDF/A-2a is archival (fonts embedded, no
/// external resources, tagged with a logical structure and a language) and PDF/UA-1 is
/// accessible (title, headings, outline, table headers); typst verifies both on export.
const STANDARDS: &[PdfStandard] = &[PdfStandard::A_2a, PdfStandard::Ua_1];

/// Human-readable name of `STANDARDS`.
pub const CONFORMANCE: &str = "PDF/A-2a, PDF/UA-1";

/// A rendered document.
#[derive(Debug, Clone)]
pub struct Pdf {
    /// The PDF file's bytes.
    pub bytes: Vec<u8>,
    /// How many pages the document has.
    pub pages: usize,
    /// How long each stage of the render took.
    pub timings: StageTimings,
}

/// Where the time of one render went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageTimings {
    /// Serializing and cleaning the document data (`data.json`).
    pub data: Duration,
    /// Evaluating the template and laying out the pages.
    pub compile: Duration,
    /// Writing (and validating) the PDF.
    pub export: Duration,
}

impl StageTimings {
    /// The time of the whole render.
    pub fn total(&self) -> Duration {
        self.data + self.compile + self.export
    }
}

/// Why a document could not be rendered. The messages are meant for a log: they name the
/// template line that failed and typst's hints.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The fonts or templates could not be loaded, or the PDF standards not set up.
    #[error("the renderer could not be set up: {0}")]
    Setup(String),
    /// The document data could not be turned into `data.json`.
    #[error("the document data could not be serialized: {0}")]
    Data(#[from] serde_json::Error),
    /// typst reported errors; each text names the template line and typst's hints.
    #[error("the document could not be typeset: {}", .0.join("; "))]
    Typeset(Vec<String>),
    /// typst warned; a warning (e.g. an unknown font family) fails the document instead of
    /// printing something other than what the template asks for.
    #[error("typesetting the document gave warnings, which are not accepted: {}", .0.join("; "))]
    Warnings(Vec<String>),
    /// typst could not write a PDF that meets the standards; each text is one of its errors.
    #[error("the PDF could not be written: {}", .0.join("; "))]
    Export(Vec<String>),
    /// typst panicked; the panic was caught and its message kept.
    #[error("the PDF engine failed unexpectedly: {0}")]
    Panicked(String),
}

/// Which template a document uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Template {
    Folder,
    Sitrep,
    Decisions,
    Document,
}

impl Template {
    fn path(self) -> &'static str {
        match self {
            Template::Folder => "/folder.typ",
            Template::Sitrep => "/sitrep.typ",
            Template::Decisions => "/decisions.typ",
            Template::Document => "/document.typ",
        }
    }
}

/// The PDF engine: fonts, templates and the typst standard library, built once and shared.
/// Rendering takes `&self`, so one renderer serves many threads at once.
pub struct Renderer {
    shared: Shared,
    coverage: Coverage,
    standards: PdfStandards,
    raw_id: FileId,
}

impl std::fmt::Debug for Renderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Renderer")
            .field("fonts", &self.shared.fonts.book().families().count())
            .field("templates", &self.shared.sources.len())
            .finish_non_exhaustive()
    }
}

impl Renderer {
    /// Empties typst's memo caches, so that the next render starts from nothing, as the first
    /// print after a start does (benches measure that case this way).
    pub fn forget_cached_layouts() {
        typst::comemo::evict(0);
    }

    /// Loads the embedded fonts and parses the compiled-in templates.
    pub fn new() -> Result<Self, ReportError> {
        let mut fonts = FontStore::new();
        fonts.extend(typst_kit::fonts::embedded());
        if fonts.book().families().next().is_none() {
            return Err(ReportError::Setup("no embedded fonts".to_owned()));
        }
        let coverage = Coverage::of(&fonts);

        let mut sources = Vec::with_capacity(TEMPLATES.len());
        for (path, text) in TEMPLATES {
            let id = file_id(path)
                .ok_or_else(|| ReportError::Setup(format!("bad template path {path}")))?;
            sources.push(Source::new(id, (*text).to_owned()));
        }
        let data_id = file_id(DATA_PATH)
            .ok_or_else(|| ReportError::Setup(format!("bad data path {DATA_PATH}")))?;
        let raw_id =
            file_id(RAW_PATH).ok_or_else(|| ReportError::Setup(format!("bad path {RAW_PATH}")))?;

        let standards = PdfStandards::new(STANDARDS)
            .map_err(|e| ReportError::Setup(format!("PDF standards: {}", e.message())))?;

        Ok(Renderer {
            shared: Shared {
                library: LazyHash::new(Library::default()),
                fonts,
                sources,
                data_id,
            },
            coverage,
            standards,
            raw_id,
        })
    }

    /// The crisis folder (`crisismap.pdf`).
    pub fn crisis_folder(&self, data: &FolderData) -> Result<Pdf, ReportError> {
        self.render(Template::Folder, data, data.printed_at)
    }

    /// A situation report of one crisis.
    pub fn situation_report(&self, data: &SitrepData) -> Result<Pdf, ReportError> {
        self.render(Template::Sitrep, data, data.printed_at)
    }

    /// The decision record of one crisis, closed by the verification of its hash chain.
    pub fn decision_record(&self, data: &DecisionRecordData) -> Result<Pdf, ReportError> {
        self.render(Template::Decisions, data, data.printed_at)
    }

    /// A document of the aftermath: the account to the council, the evaluation report.
    pub fn document(&self, data: &DocumentData) -> Result<Pdf, ReportError> {
        self.render(Template::Document, data, data.printed_at)
    }

    /// Renders an arbitrary typst source with `data` as `/data.json`, under the same rules as
    /// the documents (embedded fonts only, warnings fail, same PDF standards). For tests of
    /// the engine itself; the source may `#import "/common.typ"`.
    #[doc(hidden)]
    pub fn render_raw_for_tests<T: Serialize>(
        &self,
        source: &str,
        data: &T,
    ) -> Result<Pdf, ReportError> {
        let main = Source::new(self.raw_id, source.to_owned());
        let printed_at = Timestamp::UNIX_EPOCH;
        self.render_source(main, data, printed_at)
    }

    fn render<T: Serialize>(
        &self,
        template: Template,
        data: &T,
        printed_at: Timestamp,
    ) -> Result<Pdf, ReportError> {
        let main = file_id(template.path())
            .and_then(|id| self.shared.sources.iter().find(|s| s.id() == id))
            .cloned()
            .ok_or_else(|| ReportError::Setup(format!("missing template {}", template.path())))?;
        self.render_source(main, data, printed_at)
    }

    fn render_source<T: Serialize>(
        &self,
        main: Source,
        data: &T,
        printed_at: Timestamp,
    ) -> Result<Pdf, ReportError> {
        let started = Instant::now();
        let mut value = serde_json::to_value(data)?;
        self.coverage.clean(&mut value);
        if let serde_json::Value::Object(fields) = &mut value {
            // The labels, in the document's language, from the same words as the pages.
            let lang = fields
                .get("lang")
                .and_then(|l| l.as_str())
                .and_then(|l| l.parse::<crisismap_core::Lang>().ok())
                .unwrap_or_default();
            let words = crisismap_i18n::Tr(lang).all_with_prefix("pdf-");
            fields.insert("words".to_owned(), serde_json::to_value(words)?);
        }
        let json = serde_json::to_vec(&value)?;
        let data_done = Instant::now();

        let world = DocWorld {
            shared: &self.shared,
            main,
            data: Bytes::new(json),
        };
        let options = PdfOptions {
            ident: Smart::Auto,
            creator: Smart::Custom(Some(format!("crisismap {}", env!("CARGO_PKG_VERSION")))),
            timestamp: pdf_timestamp(printed_at),
            page_ranges: None,
            standards: self.standards.clone(),
            tagged: true,
            pretty: false,
        };

        // typst is a large library; should it ever panic on some input, the caller gets an
        // error for this document instead of losing the thread (a web server keeps serving).
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let warned = typst::compile::<PagedDocument>(&world);
            let compiled = Instant::now();
            if !warned.warnings.is_empty() {
                return Err(ReportError::Warnings(describe(&world, &warned.warnings)));
            }
            let document = warned
                .output
                .map_err(|errors| ReportError::Typeset(describe(&world, &errors)))?;
            let bytes = typst_pdf::pdf(&document, &options)
                .map_err(|errors| ReportError::Export(describe(&world, &errors)))?;
            Ok((bytes, document.pages().len(), compiled))
        }));
        // Keep typst's memo caches from growing without bound in a long-running server:
        // entries unused in the last few renders are dropped.
        typst::comemo::evict(10);

        let (bytes, pages, compiled) = match outcome {
            Ok(result) => result?,
            Err(panic) => return Err(ReportError::Panicked(panic_message(panic.as_ref()))),
        };
        let exported = Instant::now();
        Ok(Pdf {
            bytes,
            pages,
            timings: StageTimings {
                data: data_done - started,
                compile: compiled - data_done,
                export: exported - compiled,
            },
        })
    }
}

/// The PDF's creation date (PDF/A requires one): the time of printing, in UTC.
fn pdf_timestamp(ts: Timestamp) -> Option<typst_pdf::Timestamp> {
    let utc = ts.to_zoned(jiff::tz::TimeZone::UTC);
    let datetime = Datetime::from_ymd_hms(
        i32::from(utc.year()),
        u8::try_from(utc.month()).ok()?,
        u8::try_from(utc.day()).ok()?,
        u8::try_from(utc.hour()).ok()?,
        u8::try_from(utc.minute()).ok()?,
        u8::try_from(utc.second()).ok()?,
    )?;
    Some(typst_pdf::Timestamp::new_utc(datetime))
}

/// One line per diagnostic: the message, where in which template, and typst's hints.
fn describe(world: &DocWorld<'_>, diagnostics: &[SourceDiagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| {
            let mut line = d.message.to_string();
            if let Some(id) = d.span.id() {
                let path = id.vpath().get_with_slash().to_owned();
                let at = world
                    .range(d.span)
                    .zip(world.source(id).ok())
                    .and_then(|(range, source)| source.lines().byte_to_line(range.start));
                match at {
                    Some(l) => line.push_str(&format!(" ({path}:{})", l + 1)),
                    None => line.push_str(&format!(" ({path})")),
                }
            }
            for hint in &d.hints {
                line.push_str(&format!(" [hint: {}]", hint.v));
            }
            line
        })
        .collect()
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renderer_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Renderer>();
    }

    #[test]
    fn the_standards_are_compatible() {
        assert!(PdfStandards::new(STANDARDS).is_ok());
    }

    /// typst never frees a file id; rendering must not mint new ones.
    #[test]
    fn rendering_creates_no_new_file_ids() {
        let probe = |path: &str| file_id(path).map(|id| id.into_raw().get());
        let renderer = Renderer::new().expect("builds");
        let folder = crate::sample::folder(crisismap_core::Lang::Nl);
        renderer.crisis_folder(&folder).expect("renders");
        let before = probe("/probe-before.typ").expect("id");
        for _ in 0..3 {
            renderer.crisis_folder(&folder).expect("renders");
            let sitrep = crate::sample::sitrep(crisismap_core::Lang::En);
            renderer.situation_report(&sitrep).expect("renders");
        }
        let after = probe("/probe-after.typ").expect("id");
        assert_eq!(after, before + 1);
    }

    #[test]
    fn the_pdf_date_is_the_time_of_printing() {
        let ts: Timestamp = "2026-11-28T12:03:37Z".parse().expect("valid");
        assert!(pdf_timestamp(ts).is_some());
    }
}
