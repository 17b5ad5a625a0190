//! The web application: server-rendered Dutch pages, the JSON API under `/api/v1`, sessions
//! and API tokens, live updates over Server-Sent Events, and the layer stack that puts
//! security headers and friendly error pages on every response.
//!
//! The router is built apart from serving it (`app`), so that tests run the real
//! application on port 0.

mod api;
mod assets;
mod auth;
mod commands;
mod crisis;
mod error;
mod i18n;
mod i18n_account;
mod i18n_crisis;
mod i18n_record;
mod i18n_register;
mod layers;
mod live;
mod pages;
mod password;
pub mod print;
mod refs;
mod register;
mod svg;
mod totp;
mod view;

pub use auth::{SESSION_COOKIE, SESSION_COOKIE_SECURE, guest_may_visit};
pub use error::AppError;
pub use password::{PasswordCost, hash_password, random_password};
pub use totp::{code_at as totp_code_at, enrol_totp};

use axum::Router;
use crisismap_store::Store;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

/// Settings of the web application; the command line fills them from flags and `CRISISMAP_*`
/// environment variables.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// A session ends after this long without a request.
    pub idle_timeout: Duration,
    /// A session ends this long after login, however active.
    pub absolute_timeout: Duration,
    /// Mark cookies `Secure` with the `__Host-` prefix (serving over TLS, or behind a proxy
    /// that terminates it).
    pub secure_cookies: bool,
    /// Trust `X-Forwarded-For` and `X-Forwarded-Proto` from a reverse proxy.
    pub behind_proxy: bool,
    /// Failed logins per account within the window before further attempts get HTTP 429.
    pub max_failures_per_account: i64,
    /// Failed logins per client address within the window before HTTP 429.
    pub max_failures_per_address: i64,
    pub throttle_window: Duration,
    pub password_cost: PasswordCost,
    /// Largest accepted request body.
    pub body_limit: usize,
    pub request_timeout: Duration,
    /// A contact not checked for this many months is flagged.
    pub contact_review_months: i64,
    /// The demo shows the current second-factor code on the code and enrolment pages, so
    /// that it can be tried without an authenticator app. Never set outside the demo.
    pub demo_hints: bool,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            idle_timeout: Duration::from_secs(30 * 60),
            absolute_timeout: Duration::from_secs(12 * 60 * 60),
            secure_cookies: false,
            behind_proxy: false,
            max_failures_per_account: 10,
            max_failures_per_address: 50,
            throttle_window: Duration::from_secs(15 * 60),
            password_cost: PasswordCost::Default,
            body_limit: 2 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            contact_review_months: 6,
            demo_hints: false,
        }
    }
}

/// Shared by every request.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    config: WebConfig,
    /// Flips to true when the server begins to shut down, ending live streams so that
    /// graceful shutdown does not wait for them.
    shutdown: tokio::sync::watch::Sender<bool>,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig) -> Self {
        Self {
            inner: Arc::new(Inner {
                store,
                config,
                shutdown: tokio::sync::watch::channel(false).0,
            }),
        }
    }

    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    pub fn config(&self) -> &WebConfig {
        &self.inner.config
    }

    pub(crate) fn shutting_down(&self) -> tokio::sync::watch::Receiver<bool> {
        self.inner.shutdown.subscribe()
    }

    pub(crate) fn now(&self) -> jiff::Timestamp {
        self.inner.store.clock().now()
    }
}

/// The whole application with its layers.
pub fn app(state: AppState) -> Router {
    layers::wrap(
        Router::new()
            .merge(pages::router())
            .merge(register::router())
            .merge(crisis::router())
            .nest("/api/v1", api::router())
            .merge(live::router())
            .merge(assets::router())
            .fallback(pages::not_found),
        state,
    )
}

/// Serves until `shutdown` completes; in-flight requests are finished first.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let store = state.store().clone();
    let sweeper = tokio::spawn(sweep_sessions(state.clone()));
    let signal_state = state.clone();
    let shutdown = async move {
        shutdown.await;
        tracing::info!("shutting down: finishing requests in flight");
        let _ = signal_state.inner.shutdown.send(true);
    };
    let result = axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    sweeper.abort();
    store.close().await;
    result
}

/// Removes expired sessions every few minutes (they are refused on use anyway).
async fn sweep_sessions(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(300));
    loop {
        tick.tick().await;
        let now = state.now().as_microsecond();
        let idle = now - state.config().idle_timeout.as_micros() as i64;
        let absolute = now - state.config().absolute_timeout.as_micros() as i64;
        if let Err(e) = state.store().delete_expired_sessions(idle, absolute).await {
            tracing::warn!(error = %e, "could not remove expired sessions");
        }
    }
}
