//! Crises in the store: each crisis is a stream of its own; `rm_crises` keeps its state and
//! `rm_crisis_entries` every entry recorded in it (log, decisions, actions, …). Here: the
//! commands and the projection; `read` reads them back.

mod read;

use crate::Store;
use crate::error::StoreError;
use crate::stream::Expected;
use crisismap_core::crisis::{
    CrisisCommand, CrisisError, CrisisState, EntryKind, Occurrence, Transcription, check_change,
    check_times, entries,
};
use crisismap_core::event::Actor;
use crisismap_core::register::{RecordId, RegisterError, Validated, title_key};
use crisismap_core::time::canonical;
use crisismap_core::{DomainEvent, Envelope, StreamId, StreamKind, WorkspaceId};
use serde_json::{Map, Value};
use sqlx::AnyConnection;

/// A crisis as lists and pages read it.
#[derive(Debug, Clone, PartialEq)]
pub struct CrisisRecord {
    /// The crisis's stream id.
    pub id: StreamId,
    /// The workspace it belongs to.
    pub workspace: WorkspaceId,
    /// The crisis as folded from its events.
    pub state: CrisisState,
    /// When it was opened (canonical UTC).
    pub opened_at: String,
    /// Who opened it: `user:<id>` or `system:<what>`.
    pub opened_by: String,
    /// When it last changed (canonical UTC).
    pub updated_at: String,
}

pub use crisismap_core::crisis::Entry;

/// One entry to record: a new one (`id: None`) or a change based on revision `expected_rev`.
#[derive(Debug, Clone)]
pub struct EntryChange {
    /// The kind of entry.
    pub kind: EntryKind,
    /// The entry's id; `None` for a new entry.
    pub id: Option<RecordId>,
    /// The revision the change is based on; `None` for a new entry, and `Some(0)` for a new
    /// entry with the id given (chosen before, so another change of the batch can refer to it).
    pub expected_rev: Option<i64>,
    /// The entry's validated title and fields.
    pub record: Validated,
    /// When the entry (or this change of it) happened, where the door was told; `None`: now.
    /// An entry with a moment field of its own (a log line's time, a decision's) happens at
    /// that moment (`entries::occurred_at`).
    pub occurred_at: Option<jiff::Timestamp>,
    /// Typed back in from a paper form.
    pub transcribed: Option<Transcription>,
}

/// Which entries of one kind to list, and which page of them.
#[derive(Debug, Clone, Default)]
pub struct EntryFilter {
    /// The category or status (`tag`).
    pub tag: Option<String>,
    /// `user:<id>` or `system:<what>` of who recorded it.
    pub author: Option<String>,
    /// Words that must occur (case-insensitive) anywhere in the entry.
    pub text: Option<String>,
    /// Newest first instead of oldest first.
    pub newest_first: bool,
    /// How many matching entries to skip (for paging).
    pub offset: i64,
    /// The most entries to return.
    pub limit: i64,
}

type CrisisRow = (String, String, String, String, String, String);
const CRISIS_COLUMNS: &str = "id, workspace_id, state, opened_at, opened_by, updated_at";

fn crisis_from_row(r: CrisisRow) -> Result<CrisisRecord, StoreError> {
    let (id, ws, state, opened_at, opened_by, updated_at) = r;
    let bad = |what: &str| StoreError::Corrupt(format!("crisis {id}: bad {what}"));
    Ok(CrisisRecord {
        id: id.parse().map_err(|_| bad("id"))?,
        workspace: ws.parse().map_err(|_| bad("workspace"))?,
        state: serde_json::from_str(&state).map_err(|_| bad("state"))?,
        opened_at,
        opened_by,
        updated_at,
    })
}

type EntryRow = (
    String,
    String,
    String,
    String,
    String,
    i64,
    i64,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
);
const ENTRY_COLUMNS: &str = "id, crisis_id, kind, title, data, rev, seq, created_at, created_by, updated_at, updated_by, occurred_at, transcribed";

fn entry_from_row(r: EntryRow) -> Result<Entry, StoreError> {
    let (
        id,
        crisis,
        kind,
        title,
        data,
        rev,
        seq,
        created_at,
        created_by,
        updated_at,
        updated_by,
        occurred_at,
        transcribed,
    ) = r;
    let bad = |what: &str| StoreError::Corrupt(format!("entry {id}: bad {what}"));
    let data = match serde_json::from_str::<Value>(&data).map_err(|_| bad("data"))? {
        Value::Object(map) => map,
        _ => return Err(bad("data")),
    };
    Ok(Entry {
        id: id.parse().map_err(|_| bad("id"))?,
        crisis: crisis.parse().map_err(|_| bad("crisis"))?,
        kind: kind.parse().map_err(|_| bad("kind"))?,
        title,
        data,
        rev,
        seq,
        created_at: created_at.parse().map_err(|_| bad("created_at"))?,
        created_by,
        updated_at: updated_at.parse().map_err(|_| bad("updated_at"))?,
        updated_by,
        occurred_at: occurred_at.parse().map_err(|_| bad("occurred_at"))?,
        transcribed: match transcribed {
            Some(t) => Some(serde_json::from_str(&t).map_err(|_| bad("transcription"))?),
            None => None,
        },
    })
}

/// The text an entry is searched by: every string in it, lower-cased.
pub fn search_text(data: &Map<String, Value>) -> String {
    fn walk(v: &Value, out: &mut String) {
        match v {
            Value::String(s) => {
                out.push_str(&s.to_lowercase());
                out.push('\n');
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            Value::Object(map) => map.values().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    data.values().for_each(|v| walk(v, &mut out));
    out
}

/// A `LIKE` pattern matching `text` literally anywhere.
fn like_pattern(text: &str) -> String {
    let escaped = text
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

impl Store {
    /// Opens a crisis: a new stream starting with `CrisisOpened`, followed by the entries it
    /// starts with (the guidance's dilemmas), in one transaction.
    pub async fn open_crisis(
        &self,
        ws: WorkspaceId,
        actor: &Actor,
        opening: DomainEvent,
        initial: Vec<Validated>,
        initial_kind: EntryKind,
    ) -> Result<StreamId, StoreError> {
        if !matches!(opening, DomainEvent::CrisisOpened { .. }) {
            return Err(StoreError::Corrupt(
                "a crisis opens with CrisisOpened".into(),
            ));
        }
        let _writer = self.writer().await;
        let mut tx = self.pool.begin().await?;
        let stream = self.open_stream_tx(&mut tx, ws, StreamKind::Crisis).await?;
        let mut events = vec![opening];
        events.extend(initial.into_iter().map(|v| {
            let (title, data) = v.into_parts();
            DomainEvent::EntrySaved {
                kind: initial_kind,
                id: RecordId::new(),
                rev: 1,
                title,
                data,
                occurred_at: None,
                transcribed: None,
            }
        }));
        let envelopes = self
            .append_tx(&mut tx, stream, Expected::Exactly(0), actor, &events)
            .await?;
        tx.commit().await?;
        self.announce(&envelopes);
        Ok(stream)
    }

    async fn crisis_state_tx(
        conn: &mut AnyConnection,
        ws: WorkspaceId,
        id: StreamId,
    ) -> Result<CrisisState, StoreError> {
        let row: CrisisRow = sqlx::query_as(&format!(
            "SELECT {CRISIS_COLUMNS} FROM rm_crises WHERE workspace_id = $1 AND id = $2"
        ))
        .bind(ws.to_string())
        .bind(id.to_string())
        .fetch_one(&mut *conn)
        .await?;
        Ok(crisis_from_row(row)?.state)
    }

    /// Decides a command against the crisis as it is inside the transaction and appends
    /// what it decided.
    pub async fn handle_crisis_command(
        &self,
        ws: WorkspaceId,
        crisis: StreamId,
        actor: &Actor,
        command: CrisisCommand,
        at: Option<Occurrence>,
    ) -> Result<Vec<Envelope>, StoreError> {
        self.handle_crisis_command_with(ws, crisis, actor, command, at, vec![])
            .await
    }

    /// Decides a command about the crisis and records it together with entry changes that
    /// belong to it (a handover gives open actions to their line owners): all of it, or none.
    pub async fn handle_crisis_command_with(
        &self,
        ws: WorkspaceId,
        crisis: StreamId,
        actor: &Actor,
        command: CrisisCommand,
        at: Option<Occurrence>,
        changes: Vec<EntryChange>,
    ) -> Result<Vec<Envelope>, StoreError> {
        let _writer = self.writer().await;
        let mut tx = self.pool.begin().await?;
        Self::lock_stream(&mut tx, crisis).await?;
        let state = Self::crisis_state_tx(&mut tx, ws, crisis).await?;
        let now = self.clock.now();
        let mut events = state.decide(command, at.unwrap_or(Occurrence::now(now)), now)?;
        let (entry_events, _) =
            Self::entry_events_tx(&mut tx, &state, crisis, changes, now).await?;
        events.extend(entry_events);
        let envelopes = self
            .append_tx(&mut tx, crisis, Expected::Any, actor, &events)
            .await?;
        tx.commit().await?;
        self.announce(&envelopes);
        Ok(envelopes)
    }

    /// Records entries in one transaction: all of them, or none. A change based on an older
    /// revision is refused, and so is a change that the entry's kind does not allow.
    pub async fn save_entries(
        &self,
        ws: WorkspaceId,
        crisis: StreamId,
        actor: &Actor,
        changes: Vec<EntryChange>,
    ) -> Result<Vec<RecordId>, StoreError> {
        let _writer = self.writer().await;
        let mut tx = self.pool.begin().await?;
        Self::lock_stream(&mut tx, crisis).await?;
        let state = Self::crisis_state_tx(&mut tx, ws, crisis).await?;
        if state.closed {
            return Err(CrisisError::Closed.into());
        }
        let now = self.clock.now();
        let (events, ids) = Self::entry_events_tx(&mut tx, &state, crisis, changes, now).await?;
        let envelopes = match self
            .append_tx(&mut tx, crisis, Expected::Any, actor, &events)
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

    /// The events that record entry changes, each checked against its kind's rules, its
    /// older revision and the crisis's times.
    async fn entry_events_tx(
        tx: &mut AnyConnection,
        state: &CrisisState,
        crisis: StreamId,
        changes: Vec<EntryChange>,
        now: jiff::Timestamp,
    ) -> Result<(Vec<DomainEvent>, Vec<RecordId>), StoreError> {
        let first = state.first_moment().unwrap_or(now);
        let mut events = Vec::with_capacity(changes.len());
        let mut ids = Vec::with_capacity(changes.len());
        for change in changes {
            let (id, rev, old) = match change.id {
                None => (RecordId::new(), 1, None),
                // A new entry whose id was chosen before (so another change of the same batch
                // can point at it): revision 0 means it must not exist yet.
                Some(id) if change.expected_rev == Some(0) => {
                    if let Ok(old) = Self::entry_tx(&mut *tx, crisis, id).await {
                        return Err(StoreError::Register(RegisterError::Stale {
                            current: old.rev,
                        }));
                    }
                    (id, 1, None)
                }
                Some(id) => {
                    let old = Self::entry_tx(&mut *tx, crisis, id).await?;
                    if old.kind != change.kind {
                        return Err(StoreError::NotFound);
                    }
                    if let Some(expected) = change.expected_rev
                        && expected != old.rev
                    {
                        return Err(StoreError::Register(RegisterError::Stale {
                            current: old.rev,
                        }));
                    }
                    (id, old.rev + 1, Some(old.data))
                }
            };
            let mut issues = check_change(change.kind, old.as_ref(), change.record.data());
            issues.extend(check_times(change.kind, change.record.data(), now, first));
            if let Some(given) = change.occurred_at
                && let Err(issue) = crisismap_core::crisis::occurrence::check(
                    "occurred_at",
                    given,
                    now,
                    first,
                    change.record.data().get("background") == Some(&Value::Bool(true)),
                )
            {
                issues.push(issue);
            }
            if !issues.is_empty() {
                return Err(CrisisError::Invalid(issues).into());
            }
            let occurred = entries::occurred_at(
                change.kind,
                old.as_ref(),
                change.record.data(),
                change.occurred_at.unwrap_or(now),
            );
            ids.push(id);
            let (title, data) = change.record.into_parts();
            events.push(DomainEvent::EntrySaved {
                kind: change.kind,
                id,
                rev,
                title,
                data,
                occurred_at: Some(canonical(occurred)),
                transcribed: change.transcribed,
            });
        }
        Ok((events, ids))
    }

    async fn entry_tx(
        conn: &mut AnyConnection,
        crisis: StreamId,
        id: RecordId,
    ) -> Result<Entry, StoreError> {
        let row: EntryRow = sqlx::query_as(&format!(
            "SELECT {ENTRY_COLUMNS} FROM rm_crisis_entries WHERE crisis_id = $1 AND id = $2"
        ))
        .bind(crisis.to_string())
        .bind(id.to_string())
        .fetch_one(&mut *conn)
        .await?;
        entry_from_row(row)
    }
}

pub(crate) async fn project_crisis(
    conn: &mut AnyConnection,
    env: &Envelope,
    event: &DomainEvent,
    at: &str,
) -> Result<(), StoreError> {
    if let Some(state) = CrisisState::from_opening(event) {
        let json = serde_json::to_string(&state)
            .map_err(|e| StoreError::Corrupt(format!("crisis {}: {e}", env.stream)))?;
        sqlx::query(
            "INSERT INTO rm_crises (id, workspace_id, title, state, phase, exercise, closed, opened_at, opened_by, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, $7)",
        )
        .bind(env.stream.to_string())
        .bind(env.workspace.to_string())
        .bind(&state.title)
        .bind(json)
        .bind(state.phase.code())
        .bind(i64::from(state.exercise))
        .bind(at)
        .bind(&env.actor)
        .execute(&mut *conn)
        .await?;
        return Ok(());
    }
    let (json,): (String,) = sqlx::query_as("SELECT state FROM rm_crises WHERE id = $1")
        .bind(env.stream.to_string())
        .fetch_one(&mut *conn)
        .await?;
    let mut state: CrisisState = serde_json::from_str(&json)
        .map_err(|e| StoreError::Corrupt(format!("crisis {}: {e}", env.stream)))?;
    state.apply(event);
    let json = serde_json::to_string(&state)
        .map_err(|e| StoreError::Corrupt(format!("crisis {}: {e}", env.stream)))?;
    sqlx::query(
        "UPDATE rm_crises SET state = $1, phase = $2, closed = $3, updated_at = $4 WHERE id = $5",
    )
    .bind(json)
    .bind(state.phase.code())
    .bind(i64::from(state.closed))
    .bind(at)
    .bind(env.stream.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// An `EntrySaved` event as the projection reads it.
pub(crate) struct EntryEvent<'a> {
    pub kind: EntryKind,
    pub id: RecordId,
    pub rev: i64,
    pub title: &'a str,
    pub data: &'a Map<String, Value>,
    /// When this version happened (canonical UTC).
    pub occurred_at: &'a str,
    pub transcribed: Option<&'a Transcription>,
}

pub(crate) async fn project_entry(
    conn: &mut AnyConnection,
    env: &Envelope,
    e: &EntryEvent<'_>,
    at: &str,
) -> Result<(), StoreError> {
    let id = e.id;
    let data = e.data;
    let json =
        serde_json::to_string(data).map_err(|e| StoreError::Corrupt(format!("entry {id}: {e}")))?;
    let tag = e
        .kind
        .tag_field()
        .and_then(|f| data.get(f))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let transcribed = e
        .transcribed
        .map(|t| serde_json::to_string(t).unwrap_or_default());
    // The entry's moment: its own moment field as it is now, else when it was first said to
    // have happened (kept from the first version).
    let own = e
        .kind
        .moment_field()
        .and_then(|f| data.get(f))
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty());
    sqlx::query(
        "INSERT INTO rm_crisis_entries (id, workspace_id, crisis_id, kind, title, title_key, tag, search, data, rev, seq, created_at, created_by, updated_at, updated_by, occurred_at, transcribed) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $12, $13, $14, $15) \
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, title_key = excluded.title_key, tag = excluded.tag, \
         search = excluded.search, data = excluded.data, rev = excluded.rev, updated_at = excluded.updated_at, \
         updated_by = excluded.updated_by, \
         occurred_at = CASE WHEN $16 = 1 THEN excluded.occurred_at ELSE rm_crisis_entries.occurred_at END",
    )
    .bind(id.to_string())
    .bind(env.workspace.to_string())
    .bind(env.stream.to_string())
    .bind(e.kind.code())
    .bind(e.title)
    .bind(title_key(e.title))
    .bind(tag)
    .bind(search_text(data))
    .bind(json)
    .bind(e.rev)
    .bind(env.seq)
    .bind(at)
    .bind(&env.actor)
    .bind(own.unwrap_or(e.occurred_at))
    .bind(transcribed)
    .bind(i64::from(own.is_some()))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Places a crisis event on the timeline at the moment it happened (when it was recorded,
/// for events that do not say). Confidential entries (legal advice, aftercare) never reach
/// the timeline, which every reader of the crisis sees.
pub(crate) async fn project_timeline(
    conn: &mut AnyConnection,
    env: &Envelope,
    kind: &str,
    occurred_at: Option<&str>,
    at: &str,
) -> Result<(), StoreError> {
    if kind
        .parse::<EntryKind>()
        .is_ok_and(crisismap_core::crisis::EntryKind::confidential)
    {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO rm_timeline (event_id, crisis_id, seq, occurred_at, kind) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(env.id.to_string())
    .bind(env.stream.to_string())
    .bind(env.seq)
    .bind(occurred_at.unwrap_or(at))
    .bind(kind)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
