//! Test databases for the store and web test suites: a temporary SQLite folder always, and a
//! fresh PostgreSQL database per test when `CRISISMAP_TEST_DATABASE_URL` is set. Each is
//! removed when dropped.

use crisismap_store::Location;

/// The environment variable that turns on the PostgreSQL half of the test suites.
pub const TEST_DATABASE_URL: &str = "CRISISMAP_TEST_DATABASE_URL";

/// Set to `postgres` to run the suites on PostgreSQL alone (CI's second pass, after the
/// first has run them on SQLite).
pub const TEST_ENGINES: &str = "CRISISMAP_TEST_ENGINES";

/// Whether the SQLite half runs (always, unless `CRISISMAP_TEST_ENGINES=postgres`).
pub fn sqlite_wanted() -> bool {
    std::env::var(TEST_ENGINES).map_or(true, |v| v.trim() != "postgres")
}

#[derive(Debug)]
pub struct TestDb {
    pub location: Location,
    pub name: &'static str,
    _dir: Option<tempfile::TempDir>,
    _pg: Option<PgCleanup>,
}

impl TestDb {
    /// SQLite, and PostgreSQL when configured: every test runs against each.
    pub async fn all() -> Vec<TestDb> {
        let mut dbs = vec![];
        if sqlite_wanted() {
            dbs.push(TestDb::sqlite());
        }
        if let Ok(url) = std::env::var(TEST_DATABASE_URL)
            && !url.trim().is_empty()
        {
            dbs.push(TestDb::postgres(url.trim()).await);
        }
        dbs
    }

    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("a temporary folder");
        TestDb {
            location: Location::DataDir(dir.path().join("data")),
            name: "sqlite",
            _dir: Some(dir),
            _pg: None,
        }
    }

    /// A new database on the server of `base_url`, dropped again at the end of the test.
    pub async fn postgres(base_url: &str) -> TestDb {
        use sqlx::Connection;
        let name = format!("crisismap_test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = sqlx::PgConnection::connect(base_url)
            .await
            .expect("CRISISMAP_TEST_DATABASE_URL must point at a reachable PostgreSQL");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .expect("create a test database");
        // A throwaway database need not wait for its log to reach the disk at each commit;
        // the crash test, which proves durability, uses databases of its own.
        sqlx::query(&format!(
            "ALTER DATABASE {name} SET synchronous_commit = off"
        ))
        .execute(&mut admin)
        .await
        .expect("configure the test database");
        let _ = admin.close().await;
        TestDb {
            location: Location::Url(replace_database(base_url, &name)),
            name: "postgres",
            _dir: None,
            _pg: Some(PgCleanup {
                base_url: base_url.to_owned(),
                name,
            }),
        }
    }
}

/// Swaps the database name in a PostgreSQL URL, keeping any query parameters.
pub fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = base[scheme_end..]
        .find('/')
        .map(|i| scheme_end + i)
        .unwrap_or(base.len());
    let mut out = format!("{}/{}", &base[..host_end], name);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

#[derive(Debug)]
struct PgCleanup {
    base_url: String,
    name: String,
}

impl Drop for PgCleanup {
    fn drop(&mut self) {
        drop_database(&self.base_url, &self.name);
    }
}

/// Drops the PostgreSQL database `name` on the server of `base_url`, and waits for it. Works
/// from anywhere, also from a `Drop` inside a runtime: the async work runs on a thread of
/// its own. A server that cannot be reached leaves the database (nothing to fail at drop).
pub fn drop_database(base_url: &str, name: &str) {
    let (base_url, name) = (base_url.to_owned(), name.to_owned());
    let _ = std::thread::spawn(move || {
        let Ok(rt) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        rt.block_on(async move {
            use sqlx::Connection;
            if let Ok(mut admin) = sqlx::PgConnection::connect(&base_url).await {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut admin)
                    .await;
                let _ = admin.close().await;
            }
        });
    })
    .join();
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_database_name_is_replaced() {
        assert_eq!(
            super::replace_database("postgres://root@127.0.0.1:5432/test", "x"),
            "postgres://root@127.0.0.1:5432/x"
        );
        assert_eq!(
            super::replace_database("postgres://127.0.0.1?sslmode=disable", "x"),
            "postgres://127.0.0.1/x?sslmode=disable"
        );
    }
}
