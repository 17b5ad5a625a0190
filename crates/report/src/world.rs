//! The closed little world a document is compiled in: the compiled-in templates, the embedded
//! fonts and one `data.json`. Nothing is read from disk or the network.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_kit::fonts::FontStore;

/// The templates, compiled into the binary. Their paths are the only file ids this crate
/// ever creates (typst never frees a file id), so rendering many documents leaks nothing.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    ("/common.typ", include_str!("../templates/common.typ")),
    ("/folder.typ", include_str!("../templates/folder.typ")),
    ("/sitrep.typ", include_str!("../templates/sitrep.typ")),
    ("/decisions.typ", include_str!("../templates/decisions.typ")),
    ("/document.typ", include_str!("../templates/document.typ")),
];

/// The path of the document data every template reads with `json("/data.json")`.
pub(crate) const DATA_PATH: &str = "/data.json";

/// The path under which [`crate::Renderer::render_raw_for_tests`] compiles its source.
pub(crate) const RAW_PATH: &str = "/raw.typ";

pub(crate) fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// What every render shares: built once by the renderer.
pub(crate) struct Shared {
    pub library: LazyHash<Library>,
    pub fonts: FontStore,
    pub sources: Vec<Source>,
    pub data_id: FileId,
}

impl Shared {
    fn source(&self, id: FileId) -> Option<&Source> {
        self.sources.iter().find(|s| s.id() == id)
    }
}

/// One compilation: the shared parts, the main template and this document's data.
pub(crate) struct DocWorld<'a> {
    pub shared: &'a Shared,
    pub main: Source,
    pub data: Bytes,
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.shared.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        match self.shared.source(id) {
            Some(source) => Ok(source.clone()),
            None => Err(not_found(id)),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.shared.data_id {
            return Ok(self.data.clone());
        }
        self.source(id).map(Bytes::from_string)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.font(index)
    }

    /// No clock inside a document: every time it prints comes from the data.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}
