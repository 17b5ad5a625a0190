//! The shapes a stream's events take between the database and the rest of the store: the
//! version a writer expects, an event row as stored, and the notice told to subscribers
//! after a commit (and the channel it travels on between instances).

use crate::error::StoreError;
use crisismap_core::{Envelope, StreamId, WorkspaceId};
use serde::{Deserialize, Serialize};

/// The PostgreSQL channel on which committed appends are announced.
pub(crate) const NOTIFY_CHANNEL: &str = "crisismap_events";

/// The version a writer read before deciding. `Exactly` refuses the append when someone
/// else appended in between (no silent overwrite between two editors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// Append whatever the stream's version is.
    Any,
    /// Append only when the stream's head seq is still exactly this.
    Exactly(i64),
}

/// Told to subscribers after a commit: which stream moved, and to which seq.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreamNotice {
    /// The workspace the stream belongs to.
    pub workspace: WorkspaceId,
    /// The stream that moved.
    pub stream: StreamId,
    /// The seq of the last event appended.
    pub seq: i64,
    /// The kind of the last event appended.
    pub kind: String,
}

#[derive(sqlx::FromRow)]
pub(crate) struct EventRow {
    id: String,
    workspace_id: String,
    stream_id: String,
    seq: i64,
    recorded_at: String,
    actor: String,
    kind: String,
    payload: String,
    prev_hash: String,
    hash: String,
}

impl EventRow {
    pub(crate) fn seq(&self) -> i64 {
        self.seq
    }

    pub(crate) fn into_envelope(self) -> Result<Envelope, StoreError> {
        let bad = |what: &str| StoreError::Corrupt(format!("event {}: bad {what}", self.id));
        Ok(Envelope {
            id: self.id.parse().map_err(|_| bad("id"))?,
            workspace: self.workspace_id.parse().map_err(|_| bad("workspace id"))?,
            stream: self.stream_id.parse().map_err(|_| bad("stream id"))?,
            seq: self.seq,
            recorded_at: self.recorded_at.parse().map_err(|_| bad("recorded_at"))?,
            actor: self.actor,
            kind: self.kind,
            payload: self.payload,
            prev_hash: self.prev_hash,
            hash: self.hash,
        })
    }
}
