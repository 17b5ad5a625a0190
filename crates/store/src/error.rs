//! The one error type of the store: what it refuses, and what fails beneath it.

use crisismap_core::register::RegisterError;
use crisismap_core::workspace::WorkspaceError;

/// Everything the store can refuse or fail at. "Not found" and unique-key conflicts are
/// mapped here, once, so callers never inspect database error codes.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The row asked for does not exist (or is not in this workspace).
    #[error("not found")]
    NotFound,
    /// A unique key is taken, e.g. an e-mail address or a name.
    #[error("already exists")]
    Conflict,
    /// Another writer appended to the stream after it was read.
    #[error("the stream changed since it was read (expected version {expected}, found {found})")]
    VersionConflict {
        /// The stream version (head seq) the writer read.
        expected: i64,
        /// The stream version found when appending.
        found: i64,
    },
    /// The workspace's rules refused the command.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    /// The register's rules refused the change.
    #[error(transparent)]
    Register(#[from] RegisterError),
    /// The crisis's rules refused the command.
    #[error(transparent)]
    Crisis(#[from] crisismap_core::crisis::CrisisError),
    /// A problem the user can fix (wrong path, unreachable database), said in one line.
    #[error("{0}")]
    Open(String),
    /// Stored data could not be read back (a bad id, an unreadable event).
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    /// Any other database error.
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// Bringing the schema up to date failed.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict,
            _ => StoreError::Database(e),
        }
    }
}
