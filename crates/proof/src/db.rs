//! A fresh database for each proof: a SQLite folder, or a PostgreSQL database dropped again
//! when the proof ends.

// The crate's shared imports and constants.
use super::*;

/// A database for one proof: a fresh SQLite folder, or a fresh PostgreSQL database that is
/// dropped again when this value is dropped.
#[derive(Debug)]
pub struct Database {
    /// `--data-dir …` or `--database-url …`.
    args: Vec<String>,
    /// Scratch folder: the SQLite data, the server log, the print folder.
    work: tempfile::TempDir,
    sqlite_file: Option<PathBuf>,
    postgres: Option<PgDatabase>,
}

#[derive(Debug)]
struct PgDatabase {
    base_url: String,
    name: String,
    url: String,
}

impl Database {
    pub fn sqlite() -> anyhow::Result<Database> {
        let work = tempfile::tempdir().context("a temporary folder")?;
        let dir = work.path().join("data");
        Ok(Database {
            args: vec!["--data-dir".into(), dir.display().to_string()],
            sqlite_file: Some(dir.join("crisismap.db")),
            work,
            postgres: None,
        })
    }

    /// Creates a new, empty database on the server of `base_url`.
    pub async fn postgres(base_url: &str) -> anyhow::Result<Database> {
        let name = format!("crisismap_proof_{}", uuid::Uuid::new_v4().simple());
        create_pg_database(base_url, &name).await?;
        let url = crisismap_testing::replace_database(base_url, &name);
        Ok(Database {
            args: vec!["--database-url".into(), url.clone()],
            work: tempfile::tempdir().context("a temporary folder")?,
            sqlite_file: None,
            postgres: Some(PgDatabase {
                base_url: base_url.to_owned(),
                name,
                url,
            }),
        })
    }

    pub fn engine(&self) -> &'static str {
        if self.postgres.is_some() {
            "postgres"
        } else {
            "sqlite"
        }
    }

    /// The arguments that point a `crisismap` command at this database.
    pub fn args(&self) -> &[String] {
        &self.args
    }

    pub fn work_dir(&self) -> &Path {
        self.work.path()
    }

    /// The SQLite file, when this is SQLite.
    pub fn sqlite_file(&self) -> Option<&Path> {
        self.sqlite_file.as_deref()
    }

    /// The PostgreSQL URL, when this is PostgreSQL.
    pub fn postgres_url(&self) -> Option<&str> {
        self.postgres.as_ref().map(|p| p.url.as_str())
    }

    /// `PRAGMA integrity_check` on the SQLite file (with no server running): the lines it
    /// returns, `["ok"]` when the file is sound.
    pub async fn sqlite_integrity(&self) -> anyhow::Result<Vec<String>> {
        use sqlx::Connection;
        let file = self
            .sqlite_file()
            .ok_or_else(|| anyhow!("not an SQLite database"))?;
        let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", file.display()))
            .await
            .with_context(|| format!("open {}", file.display()))?;
        let rows: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check")
            .fetch_all(&mut c)
            .await?;
        let _ = c.close().await;
        Ok(rows.into_iter().map(|(s,)| s).collect())
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        let Some(pg) = self.postgres.take() else {
            return;
        };
        crisismap_testing::drop_database(&pg.base_url, &pg.name);
    }
}

pub async fn create_pg_database(base_url: &str, name: &str) -> anyhow::Result<()> {
    use sqlx::Connection;
    let mut admin = sqlx::PgConnection::connect(base_url)
        .await
        .with_context(|| format!("cannot reach PostgreSQL at {base_url}"))?;
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .with_context(|| format!("create database {name}"))?;
    let _ = admin.close().await;
    Ok(())
}
