//! Credentials, sessions, API tokens and the audit log: operational state that is not
//! domain history. Session ids and tokens arrive here already hashed; this module never
//! sees a secret in the clear.

use crate::Store;
use crate::error::StoreError;
use crate::queries::NewCredential;
use crisismap_core::{UserId, WorkspaceId};
use sqlx::AnyConnection;

/// A stored session, looked up by the hash of its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub user: UserId,
    pub workspace: WorkspaceId,
    pub csrf_token: String,
    pub created_us: i64,
    pub last_seen_us: i64,
    /// The user must choose a new password before doing anything else.
    pub must_change_password: bool,
    /// The password was right; the second factor is still to come.
    pub mfa_pending: bool,
    /// The user has a confirmed second factor.
    pub mfa_enrolled: bool,
    /// The workspace requires a second factor of every user.
    pub mfa_required_for_all: bool,
}

/// What a user sees of their own sessions (never the id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    pub created_us: i64,
    pub last_seen_us: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenInfo {
    pub id: String,
    pub user: UserId,
    pub workspace: WorkspaceId,
    pub name: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

/// One line for the audit log: who did what to what, with which result, from where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    pub workspace: Option<WorkspaceId>,
    pub actor: String,
    pub action: String,
    pub object: String,
    pub result: String,
    pub origin: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: String,
    pub record: AuditRecord,
}

fn parse_id<T: std::str::FromStr>(s: &str, what: &str) -> Result<T, StoreError> {
    s.parse()
        .map_err(|_| StoreError::Corrupt(format!("bad {what} {s:?}")))
}

impl Store {
    pub(crate) async fn set_password_tx(
        &self,
        conn: &mut AnyConnection,
        user: UserId,
        cred: &NewCredential,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO credentials (user_id, password_hash, must_change, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, \
             must_change = excluded.must_change, updated_at = excluded.updated_at",
        )
        .bind(user.to_string())
        .bind(&cred.password_hash)
        .bind(i64::from(cred.must_change))
        .bind(self.now_text())
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    /// Replaces a user's password. When an administrator resets it (`must_change`), every
    /// session of the user ends too.
    pub async fn set_password(&self, user: UserId, cred: NewCredential) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        self.set_password_tx(&mut tx, user, &cred).await?;
        if cred.must_change {
            self.end_all_access_tx(&mut tx, user).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The password hash and whether it must be changed at the next login.
    pub async fn credential(&self, user: UserId) -> Result<(String, bool), StoreError> {
        let (hash, must_change): (String, i64) =
            sqlx::query_as("SELECT password_hash, must_change FROM credentials WHERE user_id = $1")
                .bind(user.to_string())
                .fetch_one(&self.pool)
                .await?;
        Ok((hash, must_change != 0))
    }

    /// Ends every session and revokes every API token of a user.
    pub(crate) async fn end_all_access_tx(
        &self,
        conn: &mut AnyConnection,
        user: UserId,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user.to_string())
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
        )
        .bind(self.now_text())
        .bind(user.to_string())
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    pub async fn create_session(
        &self,
        id_hash: &str,
        user: UserId,
        workspace: WorkspaceId,
        csrf_token: &str,
        now_us: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, workspace_id, csrf_token, created_us, last_seen_us) \
             VALUES ($1, $2, $3, $4, $5, $5)",
        )
        .bind(id_hash)
        .bind(user.to_string())
        .bind(workspace.to_string())
        .bind(csrf_token)
        .bind(now_us)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn session(&self, id_hash: &str) -> Result<SessionRecord, StoreError> {
        type Row = (
            String,
            String,
            String,
            i64,
            i64,
            Option<i64>,
            i64,
            Option<String>,
            Option<i64>,
        );
        let row: Row = sqlx::query_as(
            "SELECT s.user_id, s.workspace_id, s.csrf_token, s.created_us, s.last_seen_us, c.must_change, \
             s.mfa_pending, t.confirmed_at, w.mfa_required_all \
             FROM sessions s LEFT JOIN credentials c ON c.user_id = s.user_id \
             LEFT JOIN mfa_totp t ON t.user_id = s.user_id \
             LEFT JOIN rm_workspaces w ON w.id = s.workspace_id WHERE s.id_hash = $1",
        )
        .bind(id_hash)
        .fetch_one(&self.pool)
        .await?;
        let (user, ws, csrf, created_us, last_seen_us, must_change, pending, confirmed, all) = row;
        Ok(SessionRecord {
            user: parse_id(&user, "user id")?,
            workspace: parse_id(&ws, "workspace id")?,
            csrf_token: csrf,
            created_us,
            last_seen_us,
            must_change_password: must_change.unwrap_or(0) != 0,
            mfa_pending: pending != 0,
            mfa_enrolled: confirmed.is_some(),
            mfa_required_for_all: all.unwrap_or(0) != 0,
        })
    }

    pub async fn touch_session(&self, id_hash: &str, now_us: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen_us = $1 WHERE id_hash = $2")
            .bind(now_us)
            .bind(id_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn delete_session(&self, id_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Removes sessions idle since before `idle_cutoff_us` or created before `absolute_cutoff_us`.
    pub async fn delete_expired_sessions(
        &self,
        idle_cutoff_us: i64,
        absolute_cutoff_us: i64,
    ) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE last_seen_us < $1 OR created_us < $2")
            .bind(idle_cutoff_us)
            .bind(absolute_cutoff_us)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    pub async fn sessions_of(&self, user: UserId) -> Result<Vec<SessionInfo>, StoreError> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT created_us, last_seen_us FROM sessions WHERE user_id = $1 ORDER BY created_us",
        )
        .bind(user.to_string())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(created_us, last_seen_us)| SessionInfo {
                created_us,
                last_seen_us,
            })
            .collect())
    }

    pub async fn create_api_token(
        &self,
        user: UserId,
        workspace: WorkspaceId,
        name: &str,
        token_hash: &str,
    ) -> Result<String, StoreError> {
        let id = uuid::Uuid::now_v7().to_string();
        sqlx::query(
            "INSERT INTO api_tokens (id, user_id, workspace_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(user.to_string())
        .bind(workspace.to_string())
        .bind(name)
        .bind(token_hash)
        .bind(self.now_text())
        .execute(&self.pool)
        .await?;
        Ok(id)
    }

    /// The live (not revoked) token with this hash; marks it used.
    pub async fn use_api_token(&self, token_hash: &str) -> Result<ApiTokenInfo, StoreError> {
        let token = self
            .api_tokens_where("token_hash = $1 AND revoked_at IS NULL", token_hash)
            .await?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound)?;
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(self.now_text())
            .bind(&token.id)
            .execute(&self.pool)
            .await?;
        Ok(token)
    }

    pub async fn api_tokens_of(&self, user: UserId) -> Result<Vec<ApiTokenInfo>, StoreError> {
        self.api_tokens_where("user_id = $1", &user.to_string())
            .await
    }

    async fn api_tokens_where(
        &self,
        condition: &'static str,
        value: &str,
    ) -> Result<Vec<ApiTokenInfo>, StoreError> {
        type Row = (
            String,
            String,
            String,
            String,
            String,
            Option<String>,
            Option<String>,
        );
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT id, user_id, workspace_id, name, created_at, last_used_at, revoked_at \
             FROM api_tokens WHERE {condition} ORDER BY created_at DESC, id"
        ))
        .bind(value)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(
                |(id, user, ws, name, created_at, last_used_at, revoked_at)| {
                    Ok(ApiTokenInfo {
                        id,
                        user: parse_id(&user, "user id")?,
                        workspace: parse_id(&ws, "workspace id")?,
                        name,
                        created_at,
                        last_used_at,
                        revoked_at,
                    })
                },
            )
            .collect()
    }

    /// Revokes one of the user's own tokens. Not found when it is somebody else's.
    pub async fn revoke_api_token(&self, user: UserId, id: &str) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
        )
        .bind(self.now_text())
        .bind(id)
        .bind(user.to_string())
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    pub async fn audit(&self, record: &AuditRecord) -> Result<(), StoreError> {
        let now = self.clock.now();
        sqlx::query(
            "INSERT INTO audit_log (at, at_us, workspace_id, actor, action, object, result, origin) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(crisismap_core::time::canonical(now))
        .bind(now.as_microsecond())
        .bind(record.workspace.map(|w| w.to_string()))
        .bind(&record.actor)
        .bind(&record.action)
        .bind(&record.object)
        .bind(&record.result)
        .bind(&record.origin)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// How often `action` failed for this actor, and from this origin, since `since_us`.
    pub async fn recent_failures(
        &self,
        action: &str,
        actor: &str,
        origin: &str,
        since_us: i64,
    ) -> Result<(i64, i64), StoreError> {
        let counts: (i64, i64) = sqlx::query_as(
            "SELECT \
               (SELECT COUNT(*) FROM audit_log WHERE action = $1 AND actor = $2 AND at_us >= $4 AND result = 'failed'), \
               (SELECT COUNT(*) FROM audit_log WHERE action = $1 AND origin = $3 AND at_us >= $4 AND result = 'failed')",
        )
        .bind(action)
        .bind(actor)
        .bind(origin)
        .bind(since_us)
        .fetch_one(&self.pool)
        .await?;
        Ok(counts)
    }

    /// The newest audit lines of a workspace (all workspaces when `None`).
    pub async fn audit_entries(
        &self,
        workspace: Option<WorkspaceId>,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        type Row = (
            String,
            Option<String>,
            String,
            String,
            String,
            String,
            String,
        );
        let rows: Vec<Row> =
            match workspace {
                Some(ws) => sqlx::query_as(
                    "SELECT at, workspace_id, actor, action, object, result, origin FROM audit_log \
                 WHERE workspace_id = $1 ORDER BY id DESC LIMIT $2",
                )
                .bind(ws.to_string())
                .bind(limit)
                .fetch_all(&self.pool)
                .await?,
                None => sqlx::query_as(
                    "SELECT at, workspace_id, actor, action, object, result, origin FROM audit_log \
                 ORDER BY id DESC LIMIT $1",
                )
                .bind(limit)
                .fetch_all(&self.pool)
                .await?,
            };
        rows.into_iter()
            .map(|(at, ws, actor, action, object, result, origin)| {
                Ok(AuditEntry {
                    at,
                    record: AuditRecord {
                        workspace: ws.map(|w| parse_id(&w, "workspace id")).transpose()?,
                        actor,
                        action,
                        object,
                        result,
                        origin,
                    },
                })
            })
            .collect()
    }
}
