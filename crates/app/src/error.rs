//! The application's error: what a command or a read can refuse, in terms both doors
//! translate (the pages into a form shown again or an error page, the API into
//! `application/problem+json`).

use crisismap_core::crisis::CrisisError;
use crisismap_store::StoreError;
use serde::Serialize;

/// One invalid field: its name and a stable code; the doors add the human message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field's name (`rows.2.title` for a row of a paper form).
    pub field: String,
    /// The stable code of what is wrong (`required`, `name_taken`, …).
    pub code: String,
    /// The human message in the reader's language; empty until the door fills it in.
    pub message: String,
}

impl FieldError {
    /// An invalid field with its code; the message is filled in by the door that shows it.
    pub fn new(field: &str, code: &str) -> Self {
        Self {
            field: field.to_owned(),
            code: code.to_owned(),
            message: String::new(),
        }
    }
}

/// Why the application refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No such thing, or not in the caller's workspace.
    #[error("not found")]
    NotFound,
    /// The caller's role or scope does not allow this.
    #[error("forbidden")]
    Forbidden,
    /// The input was refused: every invalid field, not just the first.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// The record or stream changed since the caller read it.
    #[error("the record changed since it was read")]
    StaleRevision,
    /// Something with the same identity exists already.
    #[error("already exists")]
    AlreadyExists,
    /// The crisis is closed: its record takes nothing more.
    #[error("the crisis is closed")]
    CrisisClosed,
    /// A rule of the workspace or the crisis refused the change; the code names the rule.
    #[error("refused: {0}")]
    Refused(String),
    /// Not the caller's fault; the detail is logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// One invalid field.
    pub fn field(field: &str, code: &str) -> Self {
        Error::Invalid(vec![FieldError::new(field, code)])
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Error::NotFound,
            StoreError::Conflict => Error::AlreadyExists,
            StoreError::VersionConflict { .. } => Error::StaleRevision,
            StoreError::Crisis(CrisisError::Closed) => Error::CrisisClosed,
            StoreError::Workspace(w) => Error::Refused(w.code().into()),
            other => Error::Internal(other.to_string()),
        }
    }
}
