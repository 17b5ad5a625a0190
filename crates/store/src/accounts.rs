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
    /// The logged-in user.
    pub user: UserId,
    /// The workspace the session is for.
    pub workspace: WorkspaceId,
    /// The token every form of this session must carry (CSRF protection).
    pub csrf_token: String,
    /// When the session started (microseconds since the Unix epoch).
    pub created_us: i64,
    /// When the session was last used (microseconds since the Unix epoch).
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
    /// When the session started (microseconds since the Unix epoch).
    pub created_us: i64,
    /// When the session was last used (microseconds since the Unix epoch).
    pub last_seen_us: i64,
}

/// An API token as stored, without the token itself (only its hash is kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenInfo {
    /// The token's id (UUIDv7), shown in lists and used to revoke it.
    pub id: String,
    /// The user the token acts for.
    pub user: UserId,
    /// The workspace it gives access to.
    pub workspace: WorkspaceId,
    /// The name its owner gave it.
    pub name: String,
    /// When it was issued (canonical UTC).
    pub created_at: String,
    /// When it was last used (canonical UTC), if ever.
    pub last_used_at: Option<String>,
    /// When it was revoked (canonical UTC); `None` while it works.
    pub revoked_at: Option<String>,
    /// `read` (GET only) or `write` (read and write).
    pub scope: String,
    /// After this moment (canonical UTC) the token no longer works.
    pub expires_at: Option<String>,
    /// The role the user had when the token was issued (empty for tokens from before roles
    /// were kept: they no longer work).
    pub issued_role: String,
    /// Whether the user had a confirmed second factor when the token was issued.
    pub issued_with_mfa: bool,
    /// When its use was last recorded (microseconds).
    pub last_used_us: i64,
    /// The workspace requires a second factor of every user (now).
    pub mfa_required_for_all: bool,
}

/// A new API token: what it may do, until when, and under which role and second factor it
/// is issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApiToken<'a> {
    /// The name the owner gives the token.
    pub name: &'a str,
    /// The hash of the token; the token itself is never stored.
    pub token_hash: &'a str,
    /// `read` (GET only) or `write` (read and write).
    pub scope: &'a str,
    /// After this moment (canonical UTC) the token no longer works; `None`: it does not expire.
    pub expires_at: Option<String>,
    /// The user's role at the moment of issue.
    pub issued_role: &'a str,
    /// Whether the user had a confirmed second factor at the moment of issue.
    pub issued_with_mfa: bool,
}

/// One line for the audit log: who did what to what, with which result, from where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    /// The workspace it happened in; `None` before anyone is known (a failed login).
    pub workspace: Option<WorkspaceId>,
    /// Who did it: `user:<id>` (with `token:<id>` for the API), `system:<what>` or `anonymous`.
    pub actor: String,
    /// What was done, e.g. a login or saving a record.
    pub action: String,
    /// What it was done to, e.g. `contact:<id>`.
    pub object: String,
    /// How it ended, e.g. `ok`.
    pub result: String,
    /// Where the request came from (the client's address).
    pub origin: String,
}

/// One line of the audit log as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// When it was written (canonical UTC).
    pub at: String,
    /// What was recorded.
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

    /// Stores a new session under the hash of its id, with its CSRF token.
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

    /// The session with this id hash, with what the login rules need about its user.
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

    /// Records that the session was used at `now_us`.
    pub async fn touch_session(&self, id_hash: &str, now_us: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen_us = $1 WHERE id_hash = $2")
            .bind(now_us)
            .bind(id_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends one session (logout).
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

    /// The sessions of a user, oldest first.
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

    /// Stores a new API token for a user and returns its id.
    pub async fn create_api_token(
        &self,
        user: UserId,
        workspace: WorkspaceId,
        token: &NewApiToken<'_>,
    ) -> Result<String, StoreError> {
        let id = uuid::Uuid::now_v7().to_string();
        sqlx::query(
            "INSERT INTO api_tokens (id, user_id, workspace_id, name, token_hash, created_at, scope, expires_at, issued_role, issued_with_mfa) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&id)
        .bind(user.to_string())
        .bind(workspace.to_string())
        .bind(token.name)
        .bind(token.token_hash)
        .bind(self.now_text())
        .bind(token.scope)
        .bind(token.expires_at.clone())
        .bind(token.issued_role)
        .bind(i64::from(token.issued_with_mfa))
        .execute(&self.pool)
        .await?;
        Ok(id)
    }

    /// The live (not revoked) token with this hash. Its use is recorded at most once a
    /// minute, so that API requests do not each take a write transaction for bookkeeping.
    pub async fn use_api_token(&self, token_hash: &str) -> Result<ApiTokenInfo, StoreError> {
        let token = self
            .api_tokens_where("token_hash = $1 AND t.revoked_at IS NULL", token_hash)
            .await?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound)?;
        let now = self.clock.now();
        if now.as_microsecond() - token.last_used_us > 60_000_000 {
            sqlx::query("UPDATE api_tokens SET last_used_at = $1, last_used_us = $2 WHERE id = $3")
                .bind(crisismap_core::time::canonical(now))
                .bind(now.as_microsecond())
                .bind(&token.id)
                .execute(&self.pool)
                .await?;
        }
        Ok(token)
    }

    /// The API tokens of a user, revoked ones included, newest first.
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
            String,
            Option<String>,
            String,
            i64,
            i64,
            i64,
        );
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT t.id, t.user_id, t.workspace_id, t.name, t.created_at, t.last_used_at, t.revoked_at, \
             t.scope, t.expires_at, t.issued_role, t.issued_with_mfa, t.last_used_us, \
             COALESCE(w.mfa_required_all, 0) \
             FROM api_tokens t LEFT JOIN rm_workspaces w ON w.id = t.workspace_id \
             WHERE t.{condition} ORDER BY t.created_at DESC, t.id"
        ))
        .bind(value)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(ApiTokenInfo {
                    id: r.0,
                    user: parse_id(&r.1, "user id")?,
                    workspace: parse_id(&r.2, "workspace id")?,
                    name: r.3,
                    created_at: r.4,
                    last_used_at: r.5,
                    revoked_at: r.6,
                    scope: r.7,
                    expires_at: r.8,
                    issued_role: r.9,
                    issued_with_mfa: r.10 != 0,
                    last_used_us: r.11,
                    mfa_required_for_all: r.12 != 0,
                })
            })
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

    /// Writes one line to the audit log, stamped with the store's clock.
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

    /// Counts one attempt at a secret under `key` (the account and address, the address, …)
    /// and returns how many attempts the key has in the current window, this one included.
    /// One statement inserts or increments, so concurrent attempts are each counted.
    pub async fn count_attempt(
        &self,
        scope: &str,
        key: &str,
        window_us: i64,
    ) -> Result<i64, StoreError> {
        let now = self.clock.now().as_microsecond();
        let (count,): (i64,) = sqlx::query_as(
            "INSERT INTO auth_attempts (scope, key, window_start_us, count) VALUES ($1, $2, $3, 1) \
             ON CONFLICT (scope, key) DO UPDATE SET \
               count = CASE WHEN auth_attempts.window_start_us < $4 THEN 1 ELSE auth_attempts.count + 1 END, \
               window_start_us = CASE WHEN auth_attempts.window_start_us < $4 THEN $3 ELSE auth_attempts.window_start_us END \
             RETURNING count",
        )
        .bind(scope)
        .bind(key)
        .bind(now)
        .bind(now - window_us)
        .fetch_one(&self.pool)
        .await?;
        Ok(count)
    }

    /// Forgets the attempts under `key` (after the right secret from that account and
    /// address).
    pub async fn clear_attempts(&self, scope: &str, key: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM auth_attempts WHERE scope = $1 AND key = $2")
            .bind(scope)
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Takes back one counted attempt under `key`: an attempt that turned out right is not
    /// held against the address (many colleagues log in from one office address).
    pub async fn uncount_attempt(&self, scope: &str, key: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE auth_attempts SET count = count - 1 WHERE scope = $1 AND key = $2 AND count > 0",
        )
        .bind(scope)
        .bind(key)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Whether this user ever logged in successfully from this address in the last 90 days
    /// (a known address is not locked out by strangers failing elsewhere).
    pub async fn known_origin(&self, user: UserId, origin: &str) -> Result<bool, StoreError> {
        let since = self.clock.now().as_microsecond() - 90 * 24 * 3600 * 1_000_000;
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action IN ('login', 'login_code') \
             AND result IN ('ok', 'ok_recovery_code') AND origin = $2 AND at_us >= $3",
        )
        .bind(format!("user:{user}"))
        .bind(origin)
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    /// Failed logins for this account (by e-mail address) since `since_us`: how many, the
    /// latest moment and address.
    pub async fn failed_logins_since(
        &self,
        email: &str,
        since_us: i64,
    ) -> Result<(i64, Option<(String, String)>), StoreError> {
        let actor = format!("email:{email}");
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND actor = $1 AND at_us > $2 \
             AND result IN ('failed', 'throttled')",
        )
        .bind(&actor)
        .bind(since_us)
        .fetch_one(&self.pool)
        .await?;
        let last: Option<(String, String)> = sqlx::query_as(
            "SELECT at, origin FROM audit_log WHERE action = 'login' AND actor = $1 AND at_us > $2 \
             AND result IN ('failed', 'throttled') ORDER BY at_us DESC LIMIT 1",
        )
        .bind(&actor)
        .bind(since_us)
        .fetch_optional(&self.pool)
        .await?;
        Ok((n, last))
    }

    /// Ends every session of a user but `keep` (the hash of the session that asked) and
    /// revokes every API token: after a password change, or "log out everywhere" (then
    /// `keep` is `None`).
    pub async fn end_other_access(
        &self,
        user: UserId,
        keep: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
            .bind(user.to_string())
            .bind(keep.unwrap_or(""))
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
        )
        .bind(self.now_text())
        .bind(user.to_string())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
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
