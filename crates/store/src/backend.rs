//! What differs between the engines: where the database is, how to open it, which migrations
//! apply, and how committed appends reach other instances (PostgreSQL LISTEN/NOTIFY).

use crate::error::StoreError;
use crate::stream::{NOTIFY_CHANNEL, StreamNotice};
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::sync::broadcast;

/// The file inside `--data-dir` that holds the SQLite database.
pub const SQLITE_FILE: &str = "crisismap.db";

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// The database engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite database in the data folder.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// Where the data lives: a folder with an embedded SQLite database, or a database URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A folder holding the SQLite database file.
    DataDir(PathBuf),
    /// A database URL (`postgres://…`).
    Url(String),
}

impl Location {
    /// A description that is safe to print (no password).
    pub fn describe(&self) -> String {
        match self {
            Location::DataDir(dir) => dir.join(SQLITE_FILE).display().to_string(),
            Location::Url(url) => redact_url(url),
        }
    }
}

/// Whether opening may create a new, empty database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// `serve`, `init`, `demo`: create the database when the folder is new or empty.
    CreateIfMissing,
    /// `verify`, `rebuild`, `user …`: the database must already exist.
    MustExist,
}

pub(crate) async fn connect(
    location: &Location,
    mode: OpenMode,
) -> Result<(AnyPool, Backend), StoreError> {
    sqlx::any::install_default_drivers();
    match location {
        Location::DataDir(dir) => {
            let file = dir.join(SQLITE_FILE);
            check_data_dir(dir, &file, mode)?;
            let pool = open_sqlite(&file).await?;
            ensure_crisismap_schema(&pool, Backend::Sqlite, &file.display().to_string()).await?;
            SQLITE_MIGRATIONS.run(&pool).await?;
            Ok((pool, Backend::Sqlite))
        }
        Location::Url(url)
            if url.starts_with("postgres://") || url.starts_with("postgresql://") =>
        {
            let pool = AnyPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(5))
                .connect(url)
                .await
                .map_err(|e| {
                    StoreError::Open(format!(
                        "cannot reach PostgreSQL at {}: {}",
                        redact_url(url),
                        one_line(&e.to_string())
                    ))
                })?;
            if mode == OpenMode::MustExist {
                ensure_crisismap_schema(&pool, Backend::Postgres, &redact_url(url)).await?;
            }
            POSTGRES_MIGRATIONS.run(&pool).await?;
            Ok((pool, Backend::Postgres))
        }
        Location::Url(url) => Err(StoreError::Open(format!(
            "unsupported database URL {}: use postgres://… or --data-dir for SQLite",
            redact_url(url)
        ))),
    }
}

/// Refuses to create a fresh database where the user probably mistyped a path: the folder
/// must be new or empty, and commands that need existing data never create any.
fn check_data_dir(dir: &Path, file: &Path, mode: OpenMode) -> Result<(), StoreError> {
    if dir.exists() && !dir.is_dir() {
        return Err(StoreError::Open(format!(
            "{} is a file, not a folder: --data-dir must name a folder",
            dir.display()
        )));
    }
    if file.exists() {
        return Ok(());
    }
    match mode {
        OpenMode::MustExist => Err(StoreError::Open(format!(
            "no crisismap database in {} (expected {}): check --data-dir, or run `crisismap init` first",
            dir.display(),
            file.display()
        ))),
        OpenMode::CreateIfMissing => {
            let non_empty = std::fs::read_dir(dir)
                .map(|mut entries| entries.next().is_some())
                .unwrap_or(false);
            if non_empty {
                return Err(StoreError::Open(format!(
                    "{} exists and is not empty, but holds no crisismap database: refusing to create a new one there (mistyped path?)",
                    dir.display()
                )));
            }
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::Open(format!("cannot create folder {}: {e}", dir.display()))
            })
        }
    }
}

async fn open_sqlite(file: &Path) -> Result<AnyPool, StoreError> {
    let url = format!("sqlite://{}?mode=rwc", file.display());
    let pool = AnyPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                // Waits for another process's write instead of failing at once.
                conn.execute("PRAGMA busy_timeout = 5000").await?;
                conn.execute("PRAGMA foreign_keys = ON").await?;
                // FULL: an acknowledged decision survives a power cut, not only a crash of
                // the process. The cost is one extra fsync per commit (docs/PERFORMANCE.md).
                conn.execute("PRAGMA synchronous = FULL").await?;
                Ok(())
            })
        })
        .connect(&url)
        .await
        .map_err(|e| {
            StoreError::Open(format!(
                "cannot open {}: {}",
                file.display(),
                one_line(&e.to_string())
            ))
        })?;
    // Readers never block the writer, and the writer never blocks readers.
    sqlx::query("PRAGMA journal_mode = WAL")
        .execute(&pool)
        .await?;
    Ok(pool)
}

/// A database that has tables but none of ours is somebody else's: never migrate into it.
async fn ensure_crisismap_schema(
    pool: &AnyPool,
    backend: Backend,
    what: &str,
) -> Result<(), StoreError> {
    let (ours, any): (i64, i64) = match backend {
        Backend::Sqlite => sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'), \
                    (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table')",
        )
        .fetch_one(pool)
        .await?,
        Backend::Postgres => sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_sqlx_migrations'), \
                    (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema())",
        )
        .fetch_one(pool)
        .await?,
    };
    if ours == 0 && any > 0 {
        return Err(StoreError::Open(format!(
            "{what} holds tables, but it is not a crisismap database: refusing to use it"
        )));
    }
    if ours == 0 && backend == Backend::Postgres {
        return Err(StoreError::Open(format!(
            "{what} holds no crisismap data yet: run `crisismap init` first"
        )));
    }
    Ok(())
}

/// Forwards PostgreSQL notifications about committed appends to this process's subscribers,
/// so that viewers connected to any instance see every change. Ends when the store is dropped.
pub(crate) async fn spawn_pg_listener(
    url: String,
    sender: broadcast::Sender<StreamNotice>,
) -> Result<tokio::task::AbortHandle, StoreError> {
    let mut listener = sqlx::postgres::PgListener::connect(&url).await?;
    listener.listen(NOTIFY_CHANNEL).await?;
    let task = tokio::spawn(async move {
        loop {
            match listener.recv().await {
                Ok(n) => match serde_json::from_str::<StreamNotice>(n.payload()) {
                    Ok(notice) => {
                        let _ = sender.send(notice);
                    }
                    Err(e) => tracing::warn!(error = %e, "unreadable change notification"),
                },
                Err(e) => {
                    tracing::warn!(error = %e, "change notifications interrupted; reconnecting");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    });
    Ok(task.abort_handle())
}

/// Hides the password in a database URL.
pub fn redact_url(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://")
        && let Some((userinfo, host)) = rest.rsplit_once('@')
    {
        let user = userinfo.split(':').next().unwrap_or("");
        return format!("{scheme}://{user}:***@{host}");
    }
    url.to_owned()
}

fn one_line(s: &str) -> String {
    s.lines().next().unwrap_or("").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_appear_in_descriptions() {
        assert_eq!(
            redact_url("postgres://crisis:geheim@db.example:5432/cm"),
            "postgres://crisis:***@db.example:5432/cm"
        );
        assert_eq!(
            redact_url("postgres://localhost/cm"),
            "postgres://localhost/cm"
        );
    }
}
