//! Live updates: one Server-Sent Events stream per event stream the user may read. Each
//! committed append sends a `change` event with the new seq; the page script then refreshes.
//! A user holds a limited number of streams open (and the instance in all); each stream ends
//! with its session: it checks every `live_recheck` that the session still exists.

use crate::AppState;
use crate::http::auth::{Authed, Via, ViewerUp, audit};
use crate::http::error::AppError;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use crisismap_core::{StreamId, UserId};
use futures_util::{Stream, StreamExt};
use std::collections::HashMap;
use std::convert::Infallible;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::wrappers::errors::BroadcastStreamRecvError;

pub fn router() -> Router<AppState> {
    Router::new().route("/live/{stream}", get(live))
}

/// The live streams open on this instance.
#[derive(Debug, Default)]
pub struct Open {
    per_user: HashMap<UserId, usize>,
    total: usize,
}

/// One open stream, counted while it lives.
struct Slot {
    state: AppState,
    user: UserId,
}

impl Slot {
    /// A place for one more stream of `user`, or `None` when the user or the instance has
    /// as many open as allowed.
    fn take(state: &AppState, user: UserId) -> Option<Slot> {
        let cfg = state.config();
        let mut open = state.live_streams().lock().ok()?;
        let mine = open.per_user.get(&user).copied().unwrap_or(0);
        if mine >= cfg.max_live_per_user || open.total >= cfg.max_live_total {
            return None;
        }
        open.per_user.insert(user, mine + 1);
        open.total += 1;
        Some(Slot {
            state: state.clone(),
            user,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.state.live_streams().lock() {
            open.total = open.total.saturating_sub(1);
            if let Some(n) = open.per_user.get_mut(&self.user) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    open.per_user.remove(&self.user);
                }
            }
        }
    }
}

async fn live(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(stream): Path<String>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    let stream: StreamId = stream.parse().map_err(|_| AppError::NotFound)?;
    // Only streams of the user's own workspace.
    state
        .store()
        .stream_in(auth.user().workspace, stream)
        .await?;
    let Some(slot) = Slot::take(&state, auth.user().id) else {
        audit(
            &state,
            auth.ctx
                .audit("live", &format!("stream:{stream}"), "too_many"),
        )
        .await;
        return Err(AppError::TooManyRequests);
    };
    let session = match &auth.principal.via {
        Via::Session { id_hash, .. } => Some(id_hash.clone()),
        Via::Token { .. } | Via::Server => None,
    };
    let notices = BroadcastStream::new(state.store().subscribe());
    let mut shutdown = state.shutting_down();
    let check = state.clone();
    let ended = async move {
        let every = check.config().live_recheck;
        loop {
            tokio::time::sleep(every).await;
            let alive = match &session {
                Some(id_hash) => check.store().session(id_hash).await.is_ok(),
                None => true,
            };
            if !alive {
                break;
            }
        }
    };
    let events = notices
        .filter_map(move |n| {
            // The slot lives as long as the stream.
            let _held = &slot;
            let event = match n {
                Ok(n) if n.stream == stream => {
                    Some(Ok(Event::default().event("change").data(n.seq.to_string())))
                }
                // Missed notices: the page refreshes anyway, which catches up.
                Err(BroadcastStreamRecvError::Lagged(_)) => {
                    Some(Ok(Event::default().event("change").data("lagged")))
                }
                Ok(_) => None,
            };
            async move { event }
        })
        .take_until(async move {
            tokio::select! {
                _ = shutdown.wait_for(|stopping| *stopping) => {}
                () = ended => {}
            }
        });
    Ok(Sse::new(events).keep_alive(KeepAlive::default()))
}
