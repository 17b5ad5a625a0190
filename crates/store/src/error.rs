use crisismap_core::register::RegisterError;
use crisismap_core::workspace::WorkspaceError;

/// Everything the store can refuse or fail at. "Not found" and unique-key conflicts are
/// mapped here, once, so callers never inspect database error codes.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("already exists")]
    Conflict,
    #[error("the stream changed since it was read (expected version {expected}, found {found})")]
    VersionConflict { expected: i64, found: i64 },
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    #[error(transparent)]
    Register(#[from] RegisterError),
    #[error(transparent)]
    Crisis(#[from] crisismap_core::crisis::CrisisError),
    /// A problem the user can fix (wrong path, unreachable database), said in one line.
    #[error("{0}")]
    Open(String),
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(sqlx::Error),
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
