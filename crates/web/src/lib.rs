//! The web application: server-rendered Dutch pages, the JSON API under `/api/v1`, sessions
//! and API tokens, live updates over Server-Sent Events, and the layer stack that puts
//! security headers and friendly error pages on every response.
//!
//! The router is built apart from serving it (`app`), so that tests run the real
//! application on port 0.

pub mod api;
mod crisis;
mod http;
mod pages;
mod register;
mod svg;

pub use crisismap_app::password::{PasswordCost, hash_password, random_password};
pub use crisismap_app::totp::{code_at as totp_code_at, enrol_totp};
pub use http::auth::{SESSION_COOKIE, SESSION_COOKIE_SECURE, guest_may_visit};
pub use http::error::AppError;
pub use http::logline;

use axum::Router;
use crisismap_app::App;
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
    /// Attempts on one account from all addresses together within the window before
    /// addresses the owner never logged in from get HTTP 429 (a stranger cannot lock the
    /// owner out of a known address).
    pub max_attempts_per_account_everywhere: i64,
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
    /// Live update streams one user may hold open at once (tabs, screens); more get 429.
    pub max_live_per_user: usize,
    /// Live update streams this instance holds open at once; more get 429.
    pub max_live_total: usize,
    /// How often an open live stream checks that its session still exists; it ends when
    /// the session has ended (logout, disable, password change).
    pub live_recheck: Duration,
    /// A client has this long to send a request's headers, counted from the moment the
    /// connection opens or the previous response went out: a silent, half-sent or idle
    /// connection is closed after it.
    pub header_read_timeout: Duration,
    /// Connections served at once; more wait in the operating system's queue.
    pub max_connections: usize,
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
            max_attempts_per_account_everywhere: 100,
            throttle_window: Duration::from_secs(15 * 60),
            password_cost: PasswordCost::Default,
            body_limit: 2 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            contact_review_months: 6,
            demo_hints: false,
            max_live_per_user: 20,
            max_live_total: 2000,
            live_recheck: Duration::from_secs(15),
            header_read_timeout: Duration::from_secs(30),
            max_connections: 1024,
        }
    }
}

/// Shared by every request.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    app: App,
    config: WebConfig,
    /// Flips to true when the server begins to shut down, ending live streams so that
    /// graceful shutdown does not wait for them.
    shutdown: tokio::sync::watch::Sender<bool>,
    /// Open live streams, per user and in all (see `live`).
    live: std::sync::Mutex<http::live::Open>,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig) -> Self {
        Self {
            inner: Arc::new(Inner {
                app: App::new(store, config.password_cost).with_access_rules(
                    crisismap_app::access::AccessRules {
                        idle_timeout: config.idle_timeout,
                        absolute_timeout: config.absolute_timeout,
                        max_failures_per_account: config.max_failures_per_account,
                        max_failures_per_address: config.max_failures_per_address,
                        max_attempts_per_account_everywhere: config
                            .max_attempts_per_account_everywhere,
                        throttle_window: config.throttle_window,
                    },
                ),
                config,
                shutdown: tokio::sync::watch::channel(false).0,
                live: std::sync::Mutex::new(http::live::Open::default()),
            }),
        }
    }

    /// The application behind the doors (also reachable through `Deref`).
    pub fn app(&self) -> &App {
        &self.inner.app
    }

    pub fn config(&self) -> &WebConfig {
        &self.inner.config
    }

    pub(crate) fn shutting_down(&self) -> tokio::sync::watch::Receiver<bool> {
        self.inner.shutdown.subscribe()
    }

    pub(crate) fn live_streams(&self) -> &std::sync::Mutex<http::live::Open> {
        &self.inner.live
    }
}

/// Every command and read of the application goes through [`App`]; a handler passes
/// `&state` where the application is asked for.
impl std::ops::Deref for AppState {
    type Target = App;

    fn deref(&self) -> &App {
        &self.inner.app
    }
}

/// The whole application with its layers.
pub fn app(state: AppState) -> Router {
    http::layers::wrap(
        Router::new()
            .merge(pages::router())
            .merge(register::router())
            .merge(crisis::router())
            .nest("/api/v1", api::router())
            .merge(http::live::router())
            .merge(http::assets::router())
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
    let releaser = tokio::spawn(release_injects(state.clone()));
    let signal_state = state.clone();
    let shutdown = async move {
        shutdown.await;
        tracing::info!("shutting down: finishing requests in flight");
        let _ = signal_state.inner.shutdown.send(true);
    };
    let result = accept_loop(listener, state, shutdown).await;
    sweeper.abort();
    releaser.abort();
    store.close().await;
    result
}

/// Accepts connections up to `max_connections` at once and serves each with hyper, with a
/// header-read timeout that also closes idle keep-alive connections; on shutdown it stops
/// accepting and waits for the connections in flight.
async fn accept_loop(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let cfg = state.config().clone();
    let app = app(state);
    let slots = Arc::new(tokio::sync::Semaphore::new(cfg.max_connections.max(1)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    // HTTP/1.1 (behind a proxy that speaks HTTP/2 to browsers, or directly): its header-read
    // timer starts when a connection opens and again after every response, so a silent,
    // half-sent or idle connection is closed.
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(cfg.header_read_timeout);
    tokio::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, addr) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment, go on.
                    tracing::warn!(error = %e, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let app = app.clone();
        let service =
            hyper::service::service_fn(move |mut req: hyper::Request<hyper::body::Incoming>| {
                req.extensions_mut()
                    .insert(axum::extract::ConnectInfo::<SocketAddr>(addr));
                tower::ServiceExt::oneshot(app.clone(), req)
            });
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // A client that went away or timed out ends its connection; nothing to report.
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// How often the server looks for injects that are due in exercises that release by
/// themselves.
const RELEASE_EVERY: Duration = Duration::from_secs(5);

/// Releases the injects that are due in running exercises, every few seconds.
async fn release_injects(state: AppState) {
    let mut tick = tokio::time::interval(RELEASE_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match crisismap_app::exercise::release_all_due(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(released = n, "injects released by the exercise clock"),
            Err(e) => tracing::warn!(error = %e, "could not release injects that are due"),
        }
    }
}

/// Removes expired sessions every few minutes (they are refused on use anyway).
async fn sweep_sessions(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(300));
    loop {
        tick.tick().await;
        if let Err(e) = crisismap_app::sessions::remove_expired(&state).await {
            tracing::warn!(error = %e, "could not remove expired sessions");
        }
    }
}
