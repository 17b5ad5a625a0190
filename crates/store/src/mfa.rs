//! The second factor at login: a TOTP secret per user (RFC 6238), its recovery codes, and
//! sessions that wait for the code. Operational state like passwords: never in the event
//! log. Recovery codes arrive here already hashed.

use crate::Store;
use crate::error::StoreError;
use crisismap_core::{UserId, WorkspaceId};
use std::collections::BTreeSet;

/// A user's TOTP secret (base32) and whether they finished enrolment with a valid code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotpRecord {
    /// The TOTP secret, base32.
    pub secret: String,
    /// Whether enrolment was finished with a valid code.
    pub confirmed: bool,
    /// The last time step whose code was accepted.
    pub last_step: i64,
}

impl Store {
    /// The user's TOTP secret, confirmed or still being enrolled.
    pub async fn totp(&self, user: UserId) -> Result<Option<TotpRecord>, StoreError> {
        let row: Option<(String, Option<String>, i64)> = sqlx::query_as(
            "SELECT secret, confirmed_at, last_step FROM mfa_totp WHERE user_id = $1",
        )
        .bind(user.to_string())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(secret, confirmed_at, last_step)| TotpRecord {
            secret,
            confirmed: confirmed_at.is_some(),
            last_step,
        }))
    }

    /// Starts (or restarts) enrolment with a new secret. A confirmed secret is never replaced
    /// here: it must be removed first.
    pub async fn begin_totp(&self, user: UserId, secret: &str) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        // A write first: on SQLite it takes the write lock at once (waiting its turn), where
        // a read first would have to upgrade its snapshot and fail when another write (an
        // audit line, a session touch) committed in between.
        sqlx::query("DELETE FROM mfa_totp WHERE user_id = $1 AND confirmed_at IS NULL")
            .bind(user.to_string())
            .execute(&mut *tx)
            .await?;
        let confirmed: Option<(Option<String>,)> =
            sqlx::query_as("SELECT confirmed_at FROM mfa_totp WHERE user_id = $1")
                .bind(user.to_string())
                .fetch_optional(&mut *tx)
                .await?;
        if confirmed.is_some() {
            return Err(StoreError::Conflict);
        }
        sqlx::query(
            "INSERT INTO mfa_totp (user_id, secret, confirmed_at, last_step, created_at) VALUES ($1, $2, NULL, 0, $3)",
        )
        .bind(user.to_string())
        .bind(secret)
        .bind(self.now_text())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Finishes enrolment: the code of `step` was valid. Replaces the recovery codes.
    pub async fn confirm_totp(
        &self,
        user: UserId,
        step: i64,
        recovery_hashes: &[String],
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE mfa_totp SET confirmed_at = $1, last_step = $2 WHERE user_id = $3 AND confirmed_at IS NULL",
        )
        .bind(self.now_text())
        .bind(step)
        .bind(user.to_string())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict);
        }
        Self::replace_recovery_codes_tx(&mut tx, user, recovery_hashes).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Accepts the code of `step` once: false when that step (or a later one) was used.
    pub async fn use_totp_step(&self, user: UserId, step: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE mfa_totp SET last_step = $1 WHERE user_id = $2 AND last_step < $1 AND confirmed_at IS NOT NULL",
        )
        .bind(step)
        .bind(user.to_string())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn replace_recovery_codes_tx(
        conn: &mut sqlx::AnyConnection,
        user: UserId,
        hashes: &[String],
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM mfa_recovery_codes WHERE user_id = $1")
            .bind(user.to_string())
            .execute(&mut *conn)
            .await?;
        for hash in hashes {
            sqlx::query(
                "INSERT INTO mfa_recovery_codes (user_id, code_hash, used_at) VALUES ($1, $2, NULL)",
            )
            .bind(user.to_string())
            .bind(hash)
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }

    /// New recovery codes; the old ones stop working.
    pub async fn replace_recovery_codes(
        &self,
        user: UserId,
        hashes: &[String],
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        Self::replace_recovery_codes_tx(&mut tx, user, hashes).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Uses up one recovery code: false when it is unknown or was used before.
    pub async fn use_recovery_code(&self, user: UserId, hash: &str) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE mfa_recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(self.now_text())
        .bind(user.to_string())
        .bind(hash)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// How many recovery codes the user has left.
    pub async fn recovery_codes_left(&self, user: UserId) -> Result<i64, StoreError> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL",
        )
        .bind(user.to_string())
        .fetch_one(&self.pool)
        .await?;
        Ok(n)
    }

    /// Removes the user's second factor and recovery codes. With `end_access` (an
    /// administrator's reset after a lost phone) every session and token of the user ends too.
    pub async fn remove_totp(&self, user: UserId, end_access: bool) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM mfa_totp WHERE user_id = $1")
            .bind(user.to_string())
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM mfa_recovery_codes WHERE user_id = $1")
            .bind(user.to_string())
            .execute(&mut *tx)
            .await?;
        if end_access {
            self.end_all_access_tx(&mut tx, user).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The users of a workspace who have a confirmed second factor.
    pub async fn mfa_enrolled_users(
        &self,
        workspace: WorkspaceId,
    ) -> Result<BTreeSet<UserId>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT t.user_id FROM mfa_totp t JOIN rm_users u ON u.id = t.user_id \
             WHERE u.workspace_id = $1 AND t.confirmed_at IS NOT NULL",
        )
        .bind(workspace.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id,)| {
                id.parse()
                    .map_err(|_| StoreError::Corrupt(format!("bad user id {id:?}")))
            })
            .collect()
    }

    /// Whether the workspace requires a second factor of every user (administrators always
    /// need one).
    pub async fn mfa_required_for_all(&self, workspace: WorkspaceId) -> Result<bool, StoreError> {
        let (required,): (i64,) =
            sqlx::query_as("SELECT mfa_required_all FROM rm_workspaces WHERE id = $1")
                .bind(workspace.to_string())
                .fetch_one(&self.pool)
                .await?;
        Ok(required != 0)
    }

    /// A session whose password was right and whose second factor is still to come. It
    /// gives no access: only the code page accepts it.
    pub async fn create_pending_session(
        &self,
        id_hash: &str,
        user: UserId,
        workspace: WorkspaceId,
        csrf_token: &str,
        now_us: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, workspace_id, csrf_token, created_us, last_seen_us, mfa_pending) \
             VALUES ($1, $2, $3, $4, $5, $5, 1)",
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
}
