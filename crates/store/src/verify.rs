//! Walks every stream and checks its hash chain against the stored head.

use crate::Store;
use crate::error::StoreError;
use crate::stream::EventRow;
use crisismap_core::event::{BadEvent, ChainFault, ChainVerifier};
use crisismap_core::{StreamId, WorkspaceId};

/// How long a full verification of a stream whose head has not moved since is reused by
/// `verify_stream_recent`: the documents that end with the chain's verification (the account
/// to the council, the decision record) do not walk a long chain again on every read, and a
/// change made behind the store's back is still found within this time. `crisismap verify`
/// and the verification page always walk the whole chain.
pub const VERIFIED_FRESH: jiff::SignedDuration = jiff::SignedDuration::from_secs(60);

/// The latest full verification of each stream: its head then, when, and the result.
pub(crate) type Recent =
    std::collections::HashMap<StreamId, (i64, String, jiff::Timestamp, StreamReport)>;

/// The result for one stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamReport {
    /// The stream checked.
    pub stream: StreamId,
    /// The workspace it belongs to.
    pub workspace: WorkspaceId,
    /// What the stream holds (`workspace`, `preparation`, `crisis`).
    pub kind: String,
    /// Events walked before the first fault (all of them when the stream is intact).
    pub length: i64,
    /// The hash of the last event that checked out.
    pub head_hash: String,
    /// The first fault found, or `None` when the chain is intact.
    pub fault: Option<BadEvent>,
}

/// The result of verifying the hash chains of many streams.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VerifyReport {
    /// One report per stream, oldest stream first.
    pub streams: Vec<StreamReport>,
}

impl VerifyReport {
    /// Whether every stream's chain is intact.
    pub fn is_intact(&self) -> bool {
        self.streams.iter().all(|s| s.fault.is_none())
    }
}

const PAGE: i64 = 1000;

impl Store {
    /// Verifies every stream, or those of one workspace.
    pub async fn verify(&self, workspace: Option<WorkspaceId>) -> Result<VerifyReport, StoreError> {
        let streams: Vec<(String, String, String, i64, String)> = match workspace {
            Some(ws) => sqlx::query_as(
                "SELECT id, workspace_id, kind, head_seq, head_hash FROM streams WHERE workspace_id = $1 ORDER BY created_at, id",
            )
            .bind(ws.to_string())
            .fetch_all(&self.pool)
            .await?,
            None => sqlx::query_as(
                "SELECT id, workspace_id, kind, head_seq, head_hash FROM streams ORDER BY created_at, id",
            )
            .fetch_all(&self.pool)
            .await?,
        };
        let mut report = VerifyReport::default();
        for (id, ws, kind, head_seq, head_hash) in streams {
            let stream: StreamId = id
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("stream id {id:?}")))?;
            let workspace: WorkspaceId = ws
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("workspace id {ws:?}")))?;
            let (length, head, fault) = self.walk(stream, head_seq, &head_hash).await?;
            report.streams.push(StreamReport {
                stream,
                workspace,
                kind,
                length,
                head_hash: head,
                fault,
            });
        }
        Ok(report)
    }

    /// Verifies one stream (a crisis, for its decision record).
    pub async fn verify_stream(&self, stream: StreamId) -> Result<StreamReport, StoreError> {
        let (ws, kind, head_seq, head_hash): (String, String, i64, String) = sqlx::query_as(
            "SELECT workspace_id, kind, head_seq, head_hash FROM streams WHERE id = $1",
        )
        .bind(stream.to_string())
        .fetch_one(&self.pool)
        .await?;
        let workspace: WorkspaceId = ws
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("workspace id {ws:?}")))?;
        let (length, head, fault) = self.walk(stream, head_seq, &head_hash).await?;
        Ok(StreamReport {
            stream,
            workspace,
            kind,
            length,
            head_hash: head,
            fault,
        })
    }

    /// The verification of one stream and when it was made: a full walk of its chain, or the
    /// latest one when the stream's head has not moved since and it is younger than
    /// [`VERIFIED_FRESH`].
    pub async fn verify_stream_recent(
        &self,
        stream: StreamId,
    ) -> Result<(StreamReport, jiff::Timestamp), StoreError> {
        let (head_seq, head_hash): (i64, String) =
            sqlx::query_as("SELECT head_seq, head_hash FROM streams WHERE id = $1")
                .bind(stream.to_string())
                .fetch_one(&self.pool)
                .await?;
        let now = self.clock.now();
        if let Ok(recent) = self.verified.lock()
            && let Some((seq, hash, at, report)) = recent.get(&stream)
            && *seq == head_seq
            && *hash == head_hash
            && now.duration_since(*at) < VERIFIED_FRESH
            && *at <= now
        {
            return Ok((report.clone(), *at));
        }
        let report = self.verify_stream(stream).await?;
        if let Ok(mut recent) = self.verified.lock() {
            // One entry per stream; a bound against a store with very many streams.
            if recent.len() >= 4096 {
                recent.clear();
            }
            recent.insert(stream, (head_seq, head_hash, now, report.clone()));
        }
        Ok((report, now))
    }

    async fn walk(
        &self,
        stream: StreamId,
        head_seq: i64,
        head_hash: &str,
    ) -> Result<(i64, String, Option<BadEvent>), StoreError> {
        let mut verifier = ChainVerifier::new();
        let mut walked = 0;
        let mut last_hash = crisismap_core::GENESIS_HASH.to_owned();
        // Pages by seq: a deleted event leaves a gap, a renumbered or swapped one breaks the
        // links, and both are reported at the first seq where the chain goes wrong.
        let mut after_seq = 0i64;
        loop {
            let rows: Vec<EventRow> = sqlx::query_as(
                "SELECT id, workspace_id, stream_id, seq, recorded_at, actor, kind, payload, prev_hash, hash \
                 FROM events WHERE stream_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            )
            .bind(stream.to_string())
            .bind(after_seq)
            .bind(PAGE)
            .fetch_all(&self.pool)
            .await?;
            if rows.is_empty() {
                break;
            }
            for row in rows {
                after_seq = row.seq();
                let env = match row.into_envelope() {
                    Ok(env) => env,
                    Err(_) => {
                        let fault = BadEvent {
                            seq: walked + 1,
                            fault: ChainFault::ContentChanged,
                        };
                        return Ok((walked, last_hash, Some(fault)));
                    }
                };
                if let Err(bad) = verifier.push(&env) {
                    return Ok((walked, last_hash, Some(bad)));
                }
                walked += 1;
                last_hash = env.hash;
            }
        }
        match verifier.finish(head_seq, head_hash) {
            Ok((len, hash)) => Ok((len, hash, None)),
            Err(bad) => Ok((walked, last_hash, Some(bad))),
        }
    }
}
