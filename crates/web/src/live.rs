//! Live updates: one Server-Sent Events stream per event stream the user may read. Each
//! committed append sends a `change` event with the new seq; the page script then refreshes.

use crate::AppState;
use crate::auth::{Authed, ViewerUp};
use crate::error::AppError;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use crisismap_core::StreamId;
use futures_util::{Stream, StreamExt};
use std::convert::Infallible;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::wrappers::errors::BroadcastStreamRecvError;

pub fn router() -> Router<AppState> {
    Router::new().route("/live/{stream}", get(live))
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
    let notices = BroadcastStream::new(state.store().subscribe());
    let mut shutdown = state.shutting_down();
    let events = notices
        .filter_map(move |n| {
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
            let _ = shutdown.wait_for(|stopping| *stopping).await;
        });
    Ok(Sse::new(events).keep_alive(KeepAlive::default()))
}
