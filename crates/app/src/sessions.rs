//! Sessions and the other ways in that a user holds: starting one (fully, or waiting for the
//! second factor), ending one, ending all others (after a password change, or on request),
//! API keys and private calendar links.

use crate::password::{hash_password, random_token, secret_hash};
use crate::{App, Error};
use crisismap_core::time;
use crisismap_core::{UserId, WorkspaceId};
use crisismap_store::{NewApiToken, NewCredential};

/// A new full session with fresh id and CSRF token; returns the id for the cookie.
pub async fn start(app: &App, user: UserId, workspace: WorkspaceId) -> Result<String, Error> {
    let id = random_token();
    app.store()
        .create_session(
            &secret_hash(&id),
            user,
            workspace,
            &random_token(),
            app.now().as_microsecond(),
        )
        .await?;
    Ok(id)
}

/// A session after the right password that opens nothing until the second factor is given;
/// returns the id for the cookie.
pub async fn start_pending(
    app: &App,
    user: UserId,
    workspace: WorkspaceId,
) -> Result<String, Error> {
    let id = random_token();
    app.store()
        .create_pending_session(
            &secret_hash(&id),
            user,
            workspace,
            &random_token(),
            app.now().as_microsecond(),
        )
        .await?;
    Ok(id)
}

/// Ends one session (by the hash of its id); an unknown one is already ended.
pub async fn end(app: &App, id_hash: &str) {
    if let Err(e) = app.store().delete_session(id_hash).await {
        tracing::warn!(error = %e, "could not end a session");
    }
}

/// Ends every session of the user but `keep` (none: all) and revokes every API key.
pub async fn end_other_access(app: &App, user: UserId, keep: Option<&str>) -> Result<(), Error> {
    app.store().end_other_access(user, keep).await?;
    Ok(())
}

/// Removes sessions that have expired (they are refused on use anyway).
pub async fn remove_expired(app: &App) -> Result<(), Error> {
    let rules = app.access_rules();
    let now = app.now().as_microsecond();
    let idle = now - i64::try_from(rules.idle_timeout.as_micros()).unwrap_or(i64::MAX);
    let absolute = now - i64::try_from(rules.absolute_timeout.as_micros()).unwrap_or(i64::MAX);
    app.store().delete_expired_sessions(idle, absolute).await?;
    Ok(())
}

/// The user's own new password (already checked against the rules): every other session
/// and every API key ends; the session `keep` goes on.
pub async fn change_password(
    app: &App,
    user: UserId,
    new_password: String,
    keep: Option<&str>,
) -> Result<(), Error> {
    let cost = app.password_cost();
    let password_hash = tokio::task::spawn_blocking(move || hash_password(&new_password, cost))
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    app.store()
        .set_password(
            user,
            NewCredential {
                password_hash,
                must_change: false,
            },
        )
        .await?;
    end_other_access(app, user, keep).await
}

/// What a new API key may do and how long it lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyScope {
    /// Reads only (GET requests).
    Read,
    /// Reads and writes.
    Write,
}

/// Issues an API key for the user under their role and second factor as they are now (when
/// either changes, the key stops working); `days` 0 is without end. Returns (id, key); the
/// key is shown once and only its hash is kept.
pub async fn issue_api_key(
    app: &App,
    user: &crisismap_store::UserRecord,
    name: &str,
    scope: KeyScope,
    days: i64,
) -> Result<(String, String), Error> {
    let expires_at = (days > 0).then(|| {
        time::canonical(
            app.now()
                .saturating_add(jiff::SignedDuration::from_hours(24 * days))
                .unwrap_or_else(|_| app.now()),
        )
    });
    let key = format!("cm_{}", random_token());
    let with_mfa = app
        .store()
        .totp(user.id)
        .await?
        .is_some_and(|t| t.confirmed);
    let hash = secret_hash(&key);
    let id = app
        .store()
        .create_api_token(
            user.id,
            user.workspace,
            &NewApiToken {
                name,
                token_hash: &hash,
                scope: match scope {
                    KeyScope::Read => "read",
                    KeyScope::Write => "write",
                },
                expires_at,
                issued_role: user.role.code(),
                issued_with_mfa: with_mfa,
            },
        )
        .await?;
    Ok((id, key))
}

/// Revokes one of the user's own API keys.
pub async fn revoke_api_key(app: &App, user: UserId, id: &str) -> Result<(), Error> {
    app.store().revoke_api_token(user, id).await?;
    Ok(())
}

/// A new secret link for a workspace's calendar feed (`feed`); the one before stops working.
pub async fn issue_feed_link(
    app: &App,
    workspace: WorkspaceId,
    feed: &str,
) -> Result<String, Error> {
    let token = random_token();
    app.store()
        .set_feed_token(workspace, feed, &secret_hash(&token))
        .await?;
    Ok(token)
}
