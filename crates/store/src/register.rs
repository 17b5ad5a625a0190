//! The preparation register in the store: saving and archiving records as events in the
//! workspace's preparation stream, and reading them back from the `rm_records` read model.

use crate::Store;
use crate::error::StoreError;
use crate::stream::Expected;
use crisismap_core::event::Actor;
use crisismap_core::register::{Record, RecordId, RecordKind, RegisterError, Validated, title_key};
use crisismap_core::{DomainEvent, Envelope, StreamKind, WorkspaceId};
use sqlx::AnyConnection;

type RecordRow = (String, String, String, String, i64, i64, String, String);
const RECORD_COLUMNS: &str = "id, kind, title, data, rev, archived, updated_at, updated_by";

fn record_from_row(r: RecordRow) -> Result<Record, StoreError> {
    let (id, kind, title, data, rev, archived, updated_at, updated_by) = r;
    let bad = |what: &str| StoreError::Corrupt(format!("record {id}: bad {what}"));
    let data = match serde_json::from_str::<serde_json::Value>(&data).map_err(|_| bad("data"))? {
        serde_json::Value::Object(map) => map,
        _ => return Err(bad("data")),
    };
    Ok(Record {
        id: id.parse().map_err(|_| bad("id"))?,
        kind: kind.parse().map_err(|_| bad("kind"))?,
        title,
        data,
        rev,
        archived: archived != 0,
        updated_at,
        updated_by,
    })
}

/// One record to save: a new one (`id: None`, or a chosen `id` with `expected_rev:
/// Some(0)`) or a change based on revision `expected_rev`.
#[derive(Debug, Clone)]
pub struct RecordChange {
    /// The kind of record.
    pub kind: RecordKind,
    /// The record's id; `None` for a new record with a fresh id.
    pub id: Option<RecordId>,
    /// The revision the change is based on; `Some(0)` for a new record with a chosen id.
    pub expected_rev: Option<i64>,
    /// The record's validated title and fields.
    pub record: Validated,
}

impl Store {
    /// The live records of one kind, by title.
    pub async fn records(
        &self,
        ws: WorkspaceId,
        kind: RecordKind,
    ) -> Result<Vec<Record>, StoreError> {
        let rows: Vec<RecordRow> = sqlx::query_as(&format!(
            "SELECT {RECORD_COLUMNS} FROM rm_records WHERE workspace_id = $1 AND kind = $2 AND archived = 0 ORDER BY title_key, id"
        ))
        .bind(ws.to_string())
        .bind(kind.code())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(record_from_row).collect()
    }

    /// Every record of the workspace, archived ones included (references to them must stay
    /// readable).
    pub async fn all_records(&self, ws: WorkspaceId) -> Result<Vec<Record>, StoreError> {
        let rows: Vec<RecordRow> = sqlx::query_as(&format!(
            "SELECT {RECORD_COLUMNS} FROM rm_records WHERE workspace_id = $1 ORDER BY kind, title_key, id"
        ))
        .bind(ws.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(record_from_row).collect()
    }

    /// One record of the workspace (also when archived).
    pub async fn record(&self, ws: WorkspaceId, id: RecordId) -> Result<Record, StoreError> {
        let row: RecordRow = sqlx::query_as(&format!(
            "SELECT {RECORD_COLUMNS} FROM rm_records WHERE workspace_id = $1 AND id = $2"
        ))
        .bind(ws.to_string())
        .bind(id.to_string())
        .fetch_one(&self.pool)
        .await?;
        record_from_row(row)
    }

    async fn current_rev(
        conn: &mut AnyConnection,
        ws: WorkspaceId,
        kind: RecordKind,
        id: RecordId,
    ) -> Result<(i64, bool), StoreError> {
        let row: Option<(i64, i64)> = sqlx::query_as(
            "SELECT rev, archived FROM rm_records WHERE workspace_id = $1 AND kind = $2 AND id = $3",
        )
        .bind(ws.to_string())
        .bind(kind.code())
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?;
        row.map(|(rev, archived)| (rev, archived != 0))
            .ok_or(StoreError::Register(RegisterError::NotFound))
    }

    /// Saves records in one transaction: all of them, or none (an import of 500 contacts with
    /// one duplicate name writes nothing). Returns the saved records' ids.
    pub async fn save_records(
        &self,
        ws: WorkspaceId,
        actor: &Actor,
        changes: Vec<RecordChange>,
    ) -> Result<Vec<RecordId>, StoreError> {
        let stream = self.stream_of(ws, StreamKind::Preparation).await?.id;
        let _writer = self.writer().await;
        let mut tx = self.pool.begin().await?;
        Self::lock_stream(&mut tx, stream).await?;
        let mut events = Vec::with_capacity(changes.len());
        let mut ids = Vec::with_capacity(changes.len());
        for change in changes {
            let (id, rev) = match change.id {
                None => (RecordId::new(), 1),
                // A new record whose id the caller chose (so that others in the same batch
                // can point at it); an existing id is a conflict.
                Some(id) if change.expected_rev == Some(0) => {
                    match Self::current_rev(&mut tx, ws, change.kind, id).await {
                        Err(StoreError::Register(RegisterError::NotFound)) => (id, 1),
                        Ok(_) => return Err(StoreError::Conflict),
                        Err(e) => return Err(e),
                    }
                }
                Some(id) => {
                    let (current, _) = Self::current_rev(&mut tx, ws, change.kind, id).await?;
                    if let Some(expected) = change.expected_rev
                        && expected != current
                    {
                        return Err(StoreError::Register(RegisterError::Stale { current }));
                    }
                    (id, current + 1)
                }
            };
            ids.push(id);
            let (title, data) = change.record.into_parts();
            events.push(DomainEvent::RecordSaved {
                kind: change.kind,
                id,
                rev,
                title,
                data,
            });
        }
        let envelopes = match self
            .append_tx(&mut tx, stream, Expected::Any, actor, &events)
            .await
        {
            Err(StoreError::Conflict) => {
                return Err(StoreError::Register(RegisterError::NameTaken));
            }
            other => other?,
        };
        tx.commit().await?;
        self.announce(&envelopes);
        Ok(ids)
    }

    /// Archives a record based on revision `expected_rev`.
    pub async fn archive_record(
        &self,
        ws: WorkspaceId,
        actor: &Actor,
        kind: RecordKind,
        id: RecordId,
        expected_rev: Option<i64>,
    ) -> Result<Vec<Envelope>, StoreError> {
        let stream = self.stream_of(ws, StreamKind::Preparation).await?.id;
        let _writer = self.writer().await;
        let mut tx = self.pool.begin().await?;
        Self::lock_stream(&mut tx, stream).await?;
        let (current, archived) = Self::current_rev(&mut tx, ws, kind, id).await?;
        if archived {
            return Ok(vec![]);
        }
        if let Some(expected) = expected_rev
            && expected != current
        {
            return Err(StoreError::Register(RegisterError::Stale { current }));
        }
        let event = DomainEvent::RecordArchived {
            kind,
            id,
            rev: current + 1,
        };
        let envelopes = self
            .append_tx(&mut tx, stream, Expected::Any, actor, &[event])
            .await?;
        tx.commit().await?;
        self.announce(&envelopes);
        Ok(envelopes)
    }

    /// Replaces the private link of a calendar feed (`roster:<id>` or `meetings`).
    pub async fn set_feed_token(
        &self,
        ws: WorkspaceId,
        feed: &str,
        token_hash: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM feed_tokens WHERE workspace_id = $1 AND feed = $2")
            .bind(ws.to_string())
            .bind(feed)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO feed_tokens (token_hash, workspace_id, feed, created_at) VALUES ($1, $2, $3, $4)")
            .bind(token_hash)
            .bind(ws.to_string())
            .bind(feed)
            .bind(self.now_text())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The workspace and feed of a private calendar link.
    pub async fn feed_of_token(
        &self,
        token_hash: &str,
    ) -> Result<(WorkspaceId, String), StoreError> {
        let (ws, feed): (String, String) =
            sqlx::query_as("SELECT workspace_id, feed FROM feed_tokens WHERE token_hash = $1")
                .bind(token_hash)
                .fetch_one(&self.pool)
                .await?;
        let ws = ws
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("feed token workspace {ws:?}")))?;
        Ok((ws, feed))
    }

    /// Whether a feed has a private link (without revealing it).
    pub async fn has_feed_token(&self, ws: WorkspaceId, feed: &str) -> Result<bool, StoreError> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM feed_tokens WHERE workspace_id = $1 AND feed = $2",
        )
        .bind(ws.to_string())
        .bind(feed)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }
}

pub(crate) fn title_key_of(title: &str) -> String {
    title_key(title)
}
