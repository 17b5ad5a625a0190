//! The store: the event log with its hash chain, the read models derived from it, and the
//! operational tables (credentials, sessions, API tokens, audit). One implementation over
//! sqlx's `Any` driver speaks the SQL that SQLite and PostgreSQL share; what differs per
//! engine (connecting, pragmas, migrations, change notification) lives in `backend`.

#![warn(missing_docs)]

mod accounts;
mod backend;
mod crisis;
mod error;
mod events;
mod mfa;
mod projection;
mod queries;
mod register;
pub mod seed;
mod stream;
mod verify;

pub use accounts::{
    ApiTokenInfo, AuditEntry, AuditRecord, NewApiToken, SessionInfo, SessionRecord,
};
pub use backend::{Backend, Location, OpenMode};
pub use crisis::{CrisisRecord, Entry, EntryChange, EntryFilter, search_text as search_text_of};
pub use error::StoreError;
pub use events::{Expected, StreamNotice};
pub use mfa::TotpRecord;
pub use queries::{NewCredential, StreamInfo, UserRecord, WorkspaceRecord};
pub use register::RecordChange;
pub use verify::{StreamReport, VERIFIED_FRESH, VerifyReport};

use crisismap_core::Clock;
use std::sync::Arc;
use tokio::sync::{Mutex, broadcast};

/// A handle to the database. Cheap to clone; all clones share one pool.
#[derive(Clone)]
pub struct Store {
    pool: sqlx::AnyPool,
    backend: Backend,
    /// SQLite has one writer: appends queue here instead of spinning on the busy timeout.
    write_lock: Option<Arc<Mutex<()>>>,
    notices: broadcast::Sender<StreamNotice>,
    clock: Arc<dyn Clock>,
    /// The latest full verification of each stream, reused while its head has not moved
    /// (see `verify_stream_recent`).
    verified: Arc<std::sync::Mutex<verify::Recent>>,
    /// Ends the PostgreSQL notification listener when the last clone is dropped.
    _listener: Option<Arc<ListenerGuard>>,
}

struct ListenerGuard(tokio::task::AbortHandle);

impl Drop for ListenerGuard {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .finish()
    }
}

impl Store {
    /// Opens (and, when allowed, creates) the database and brings its schema up to date.
    pub async fn open(
        location: &Location,
        mode: OpenMode,
        clock: Arc<dyn Clock>,
    ) -> Result<Store, StoreError> {
        let (pool, backend) = backend::connect(location, mode).await?;
        let (notices, _) = broadcast::channel(1024);
        let listener = match (backend, location) {
            (Backend::Postgres, Location::Url(url)) => {
                let handle = backend::spawn_pg_listener(url.clone(), notices.clone()).await?;
                Some(Arc::new(ListenerGuard(handle)))
            }
            _ => None,
        };
        let store = Store {
            pool,
            backend,
            write_lock: (backend == Backend::Sqlite).then(|| Arc::new(Mutex::new(()))),
            notices,
            clock,
            verified: Arc::default(),
            _listener: listener,
        };
        store.rebuild_if_migrated().await?;
        Ok(store)
    }

    /// Which database engine this store runs on.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The clock the store reads "now" from (injected, so tests can move time).
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// Committed appends, from this process and (on PostgreSQL) from every other instance.
    pub fn subscribe(&self) -> broadcast::Receiver<StreamNotice> {
        self.notices.subscribe()
    }

    /// A cheap query that proves the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// The raw pool, for tools and tests that must reach past the domain (e.g. to prove
    /// that tampering is detected). Application code never uses it.
    pub fn raw_pool(&self) -> &sqlx::AnyPool {
        &self.pool
    }

    /// Closes the pool: waits for queries in flight, then refuses new ones.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
