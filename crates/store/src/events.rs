//! Appending events: lock the stream head, chain the hashes, update the read models and
//! announce the change, all in one transaction.

use crate::error::StoreError;
use crate::stream::EventRow;
pub use crate::stream::{Expected, StreamNotice};
use crate::{Backend, Store, projection};
use crisismap_core::event::Actor;
use crisismap_core::time::canonical;
use crisismap_core::{
    DomainEvent, Envelope, EventId, GENESIS_HASH, StreamId, StreamKind, WorkspaceId,
};
use sqlx::AnyConnection;

impl Store {
    /// Opens a new, empty stream.
    pub(crate) async fn open_stream_tx(
        &self,
        conn: &mut AnyConnection,
        workspace: WorkspaceId,
        kind: StreamKind,
    ) -> Result<StreamId, StoreError> {
        let id = StreamId::new();
        sqlx::query(
            "INSERT INTO streams (id, workspace_id, kind, head_seq, head_hash, created_at) \
             VALUES ($1, $2, $3, 0, $4, $5)",
        )
        .bind(id.to_string())
        .bind(workspace.to_string())
        .bind(kind.code())
        .bind(GENESIS_HASH)
        .bind(canonical(self.clock.now()))
        .execute(&mut *conn)
        .await?;
        Ok(id)
    }

    /// Takes the stream's head for this transaction before reading state to decide on, so that
    /// the state cannot go stale before the append (the write lock on SQLite, a row lock on
    /// PostgreSQL).
    pub(crate) async fn lock_stream(
        conn: &mut AnyConnection,
        stream: StreamId,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE streams SET head_seq = head_seq WHERE id = $1")
            .bind(stream.to_string())
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// Appends events to a stream and applies them to the read models, in one transaction.
    pub async fn append(
        &self,
        stream: StreamId,
        expected: Expected,
        actor: &Actor,
        events: &[DomainEvent],
    ) -> Result<Vec<Envelope>, StoreError> {
        let _writer = self.writer().await;
        let mut tx = self.pool.begin().await?;
        let envelopes = self
            .append_tx(&mut tx, stream, expected, actor, events)
            .await?;
        tx.commit().await?;
        self.announce(&envelopes);
        Ok(envelopes)
    }

    /// Serialises writers on SQLite (one writer at a time); free on PostgreSQL, where the
    /// row lock on the stream head does the same per stream.
    pub(crate) async fn writer(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match &self.write_lock {
            Some(lock) => Some(lock.lock().await),
            None => None,
        }
    }

    pub(crate) async fn append_tx(
        &self,
        conn: &mut AnyConnection,
        stream: StreamId,
        expected: Expected,
        actor: &Actor,
        events: &[DomainEvent],
    ) -> Result<Vec<Envelope>, StoreError> {
        // A write as the first statement takes the write lock at once (SQLite) or locks the
        // head row (PostgreSQL), so that concurrent appends to one stream queue up here.
        let head: Option<(String, i64, String)> = sqlx::query_as(
            "UPDATE streams SET head_seq = head_seq WHERE id = $1 \
             RETURNING workspace_id, head_seq, head_hash",
        )
        .bind(stream.to_string())
        .fetch_optional(&mut *conn)
        .await?;
        let (workspace, mut seq, mut prev_hash) = head.ok_or(StoreError::NotFound)?;
        if let Expected::Exactly(v) = expected
            && v != seq
        {
            return Err(StoreError::VersionConflict {
                expected: v,
                found: seq,
            });
        }
        let workspace: WorkspaceId = workspace
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("stream {stream} has a bad workspace id")))?;
        let recorded_at = self.clock.now();
        let mut out = Vec::with_capacity(events.len());
        for event in events {
            seq += 1;
            let env = Envelope::seal(
                EventId::new(),
                workspace,
                stream,
                seq,
                recorded_at,
                actor.to_string(),
                event.kind().to_owned(),
                event.to_payload(),
                prev_hash.clone(),
            );
            sqlx::query(
                "INSERT INTO events (id, workspace_id, stream_id, seq, recorded_at, actor, kind, payload, prev_hash, hash) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(env.id.to_string())
            .bind(env.workspace.to_string())
            .bind(env.stream.to_string())
            .bind(env.seq)
            .bind(canonical(env.recorded_at))
            .bind(&env.actor)
            .bind(&env.kind)
            .bind(&env.payload)
            .bind(&env.prev_hash)
            .bind(&env.hash)
            .execute(&mut *conn)
            .await?;
            projection::apply(conn, &env, event).await?;
            prev_hash = env.hash.clone();
            out.push(env);
        }
        if let Some(last) = out.last() {
            sqlx::query("UPDATE streams SET head_seq = $1, head_hash = $2 WHERE id = $3")
                .bind(last.seq)
                .bind(&last.hash)
                .bind(stream.to_string())
                .execute(&mut *conn)
                .await?;
            if self.backend == Backend::Postgres {
                let notice = StreamNotice {
                    workspace,
                    stream,
                    seq: last.seq,
                    kind: last.kind.clone(),
                };
                sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(crate::stream::NOTIFY_CHANNEL)
                    .bind(serde_json::to_string(&notice).unwrap_or_default())
                    .execute(&mut *conn)
                    .await?;
            }
        }
        Ok(out)
    }

    /// Tells this process's subscribers about a commit. On PostgreSQL the notification
    /// comes back through LISTEN instead, for this instance and all others alike.
    pub(crate) fn announce(&self, envelopes: &[Envelope]) {
        if self.backend == Backend::Postgres {
            return;
        }
        if let Some(last) = envelopes.last() {
            let _ = self.notices.send(StreamNotice {
                workspace: last.workspace,
                stream: last.stream,
                seq: last.seq,
                kind: last.kind.clone(),
            });
        }
    }

    /// Events of one stream after `after_seq`, oldest first, at most `limit`.
    pub async fn events(
        &self,
        stream: StreamId,
        after_seq: i64,
        limit: i64,
    ) -> Result<Vec<Envelope>, StoreError> {
        let rows: Vec<EventRow> = sqlx::query_as(
            "SELECT id, workspace_id, stream_id, seq, recorded_at, actor, kind, payload, prev_hash, hash \
             FROM events WHERE stream_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
        )
        .bind(stream.to_string())
        .bind(after_seq)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(EventRow::into_envelope).collect()
    }
}
