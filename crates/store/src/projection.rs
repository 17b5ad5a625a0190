//! Read models: tables derived from events. `apply` runs inside the append's transaction;
//! `rebuild` empties them and replays the whole log.

use crate::Store;
use crate::error::StoreError;
use crate::stream::EventRow;
use crisismap_core::time::canonical;
use crisismap_core::{DomainEvent, Envelope};
use futures_util::TryStreamExt;
use sqlx::AnyConnection;

/// Every read-model table with the column that orders its rows, for rebuild and comparison.
pub const READ_MODELS: &[(&str, &str)] = &[
    ("rm_workspaces", "id"),
    ("rm_users", "id"),
    ("rm_records", "id"),
    ("rm_crises", "id"),
    ("rm_crisis_entries", "id"),
    ("rm_timeline", "event_id"),
];

pub(crate) async fn apply(
    conn: &mut AnyConnection,
    env: &Envelope,
    event: &DomainEvent,
) -> Result<(), StoreError> {
    let at = canonical(env.recorded_at);
    match event {
        DomainEvent::WorkspaceCreated { name, region_code } => {
            sqlx::query(
                "INSERT INTO rm_workspaces (id, name, region_code, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(env.workspace.to_string())
            .bind(name)
            .bind(region_code.clone())
            .bind(&at)
            .execute(&mut *conn)
            .await?;
        }
        DomainEvent::UserAdded {
            user_id,
            email,
            display_name,
            role,
        } => {
            sqlx::query(
                "INSERT INTO rm_users (id, workspace_id, email, display_name, role, disabled, language, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, 0, 'nl', $6, $6)",
            )
            .bind(user_id.to_string())
            .bind(env.workspace.to_string())
            .bind(email)
            .bind(display_name)
            .bind(role.code())
            .bind(&at)
            .execute(&mut *conn)
            .await?;
        }
        DomainEvent::UserRoleChanged { user_id, role } => {
            sqlx::query("UPDATE rm_users SET role = $1, updated_at = $2 WHERE id = $3")
                .bind(role.code())
                .bind(&at)
                .bind(user_id.to_string())
                .execute(&mut *conn)
                .await?;
        }
        DomainEvent::UserDisabled { user_id } | DomainEvent::UserEnabled { user_id } => {
            let disabled = i64::from(matches!(event, DomainEvent::UserDisabled { .. }));
            sqlx::query("UPDATE rm_users SET disabled = $1, updated_at = $2 WHERE id = $3")
                .bind(disabled)
                .bind(&at)
                .bind(user_id.to_string())
                .execute(&mut *conn)
                .await?;
        }
        DomainEvent::RecordSaved {
            kind,
            id,
            rev,
            title,
            data,
        } => {
            let json = serde_json::to_string(data)
                .map_err(|e| StoreError::Corrupt(format!("record {id}: {e}")))?;
            sqlx::query(
                "INSERT INTO rm_records (id, workspace_id, kind, title, title_key, data, rev, archived, created_at, updated_at, updated_by) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $8, $9) \
                 ON CONFLICT (id) DO UPDATE SET title = excluded.title, title_key = excluded.title_key, \
                 data = excluded.data, rev = excluded.rev, archived = 0, updated_at = excluded.updated_at, \
                 updated_by = excluded.updated_by",
            )
            .bind(id.to_string())
            .bind(env.workspace.to_string())
            .bind(kind.code())
            .bind(title)
            .bind(crate::register::title_key_of(title))
            .bind(json)
            .bind(*rev)
            .bind(&at)
            .bind(&env.actor)
            .execute(&mut *conn)
            .await?;
        }
        DomainEvent::RecordArchived { id, rev, .. } => {
            sqlx::query(
                "UPDATE rm_records SET archived = 1, rev = $1, updated_at = $2, updated_by = $3 WHERE id = $4 AND workspace_id = $5",
            )
            .bind(*rev)
            .bind(&at)
            .bind(&env.actor)
            .bind(id.to_string())
            .bind(env.workspace.to_string())
            .execute(&mut *conn)
            .await?;
        }
        DomainEvent::MfaPolicySet { required_for_all } => {
            sqlx::query("UPDATE rm_workspaces SET mfa_required_all = $1 WHERE id = $2")
                .bind(i64::from(*required_for_all))
                .bind(env.workspace.to_string())
                .execute(&mut *conn)
                .await?;
        }
        DomainEvent::UserScopedToCrisis { user_id, crisis } => {
            sqlx::query("UPDATE rm_users SET crisis_scope = $1, updated_at = $2 WHERE id = $3")
                .bind(crisis.to_string())
                .bind(&at)
                .bind(user_id.to_string())
                .execute(&mut *conn)
                .await?;
        }
        DomainEvent::CrisisOpened { .. }
        | DomainEvent::CrisisClassified { .. }
        | DomainEvent::CrisisPhaseChanged { .. }
        | DomainEvent::CrisisGripChanged { .. }
        | DomainEvent::CrisisGripConfirmed { .. }
        | DomainEvent::CrisisPhaseConfirmed { .. }
        | DomainEvent::CrisisTeamsChanged { .. }
        | DomainEvent::RestoreOrderChanged { .. }
        | DomainEvent::CrisisClosed { .. }
        | DomainEvent::SitrepIssued { .. }
        | DomainEvent::CrisisHandedOver { .. }
        | DomainEvent::FailingNodesSet { .. } => {
            crate::crisis::project_crisis(conn, env, event, &at).await?;
            crate::crisis::project_timeline(conn, env, "crisis", event.occurred_at(), &at).await?;
        }
        // Exercise control's clock and staff are not part of the players' timeline.
        DomainEvent::ExerciseRunSet { .. } => {
            crate::crisis::project_crisis(conn, env, event, &at).await?;
        }
        DomainEvent::EntrySaved {
            kind,
            id,
            rev,
            title,
            data,
            occurred_at,
            transcribed,
        } => {
            let entry = crate::crisis::EntryEvent {
                kind: *kind,
                id: *id,
                rev: *rev,
                title,
                data,
                occurred_at: occurred_at.as_deref().unwrap_or(&at),
                transcribed: transcribed.as_ref(),
            };
            crate::crisis::project_entry(conn, env, &entry, &at).await?;
            crate::crisis::project_timeline(conn, env, kind.code(), occurred_at.as_deref(), &at)
                .await?;
            sqlx::query("UPDATE rm_crises SET updated_at = $1 WHERE id = $2")
                .bind(&at)
                .bind(env.stream.to_string())
                .execute(&mut *conn)
                .await?;
        }
        DomainEvent::UserLanguageChanged { user_id, language } => {
            sqlx::query("UPDATE rm_users SET language = $1, updated_at = $2 WHERE id = $3")
                .bind(language.code())
                .bind(&at)
                .bind(user_id.to_string())
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

impl Store {
    /// Empties every read model and replays the whole log into it, in one transaction.
    /// Returns the number of events replayed.
    pub async fn rebuild(&self) -> Result<u64, StoreError> {
        let _writer = self.writer().await;
        let mut tx = self.pool.begin().await?;
        for (table, _) in READ_MODELS {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&mut *tx)
                .await?;
        }
        let rows: Vec<EventRow> = sqlx::query_as(
            "SELECT id, workspace_id, stream_id, seq, recorded_at, actor, kind, payload, prev_hash, hash \
             FROM events ORDER BY pos",
        )
        .fetch(&mut *tx)
        .try_collect()
        .await?;
        sqlx::query("DELETE FROM store_meta WHERE key = 'rebuild_read_models'")
            .execute(&mut *tx)
            .await?;
        let mut count = 0;
        for row in rows {
            let env = row.into_envelope()?;
            let event = env
                .event()
                .map_err(|e| StoreError::Corrupt(format!("event {}: {e}", env.id)))?;
            apply(&mut tx, &env, &event).await?;
            count += 1;
        }
        tx.commit().await?;
        Ok(count)
    }

    /// Rebuilds the read models when a migration asked for it (it changed what they hold).
    pub(crate) async fn rebuild_if_migrated(&self) -> Result<(), StoreError> {
        let asked: Option<(String,)> =
            sqlx::query_as("SELECT value FROM store_meta WHERE key = 'rebuild_read_models'")
                .fetch_optional(&self.pool)
                .await?;
        if let Some((migration,)) = asked {
            let events = self.rebuild().await?;
            tracing::info!(migration, events, "read models rebuilt after a migration");
        }
        Ok(())
    }

    /// Every read-model row as JSON text, table by table in a stable order: what a rebuild
    /// must reproduce exactly.
    pub async fn read_model_snapshot(&self) -> Result<Vec<(String, Vec<String>)>, StoreError> {
        let mut out = Vec::new();
        for (table, order) in READ_MODELS {
            let rows = sqlx::query(&format!("SELECT * FROM {table} ORDER BY {order}"))
                .fetch_all(&self.pool)
                .await?;
            let rows = rows.iter().map(row_to_json).collect();
            out.push(((*table).to_owned(), rows));
        }
        Ok(out)
    }
}

fn row_to_json(row: &sqlx::any::AnyRow) -> String {
    use sqlx::{Column, Row, ValueRef};
    let mut map = serde_json::Map::new();
    for (i, col) in row.columns().iter().enumerate() {
        let null = row.try_get_raw(i).map(|v| v.is_null()).unwrap_or(true);
        let value = if null {
            serde_json::Value::Null
        } else if let Ok(s) = row.try_get::<String, _>(i) {
            serde_json::Value::String(s)
        } else if let Ok(n) = row.try_get::<i64, _>(i) {
            serde_json::Value::from(n)
        } else if let Ok(f) = row.try_get::<f64, _>(i) {
            serde_json::Value::from(f)
        } else {
            serde_json::Value::String("<unreadable>".into())
        };
        map.insert(col.name().to_owned(), value);
    }
    serde_json::Value::Object(map).to_string()
}
