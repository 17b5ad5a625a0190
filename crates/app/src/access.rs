//! Who may come in: sessions (with the step between password and second factor), API keys
//! checked against who their owner is now, and the throttle in front of every secret.

use crate::password::secret_hash;
use crate::{App, Error, Principal, Via, audit};
use crisismap_core::{Role, UserId};
use crisismap_store::{AuditRecord, StoreError};
use std::time::Duration;

/// How long sessions live and how many attempts at a secret are let through.
#[derive(Debug, Clone)]
pub struct AccessRules {
    /// A session ends after this long without a request.
    pub idle_timeout: Duration,
    /// A session ends this long after login, however active.
    pub absolute_timeout: Duration,
    /// Failed attempts per account from one address within the window.
    pub max_failures_per_account: i64,
    /// Failed attempts per client address within the window.
    pub max_failures_per_address: i64,
    /// Attempts on one account from all addresses together within the window before only
    /// addresses the owner logged in from before get through.
    pub max_attempts_per_account_everywhere: i64,
    /// How long a failed attempt counts against the limits above.
    pub throttle_window: Duration,
}

impl Default for AccessRules {
    fn default() -> Self {
        Self {
            idle_timeout: Duration::from_secs(30 * 60),
            absolute_timeout: Duration::from_secs(12 * 60 * 60),
            max_failures_per_account: 10,
            max_failures_per_address: 50,
            max_attempts_per_account_everywhere: 100,
            throttle_window: Duration::from_secs(15 * 60),
        }
    }
}

/// A session between the password and the second factor: it opens nothing but the code page.
#[derive(Debug, Clone)]
pub struct PendingLogin {
    /// The hash of the session id (the cookie's value itself is never stored).
    pub id_hash: String,
    /// The user whose password was right.
    pub user: crisismap_core::UserId,
    /// The workspace the user is signing in to.
    pub workspace: crisismap_core::WorkspaceId,
    /// The session's CSRF token, which the code page's form must send back.
    pub csrf: String,
    /// The user must still replace a one-time password once the second factor is given.
    pub must_change_password: bool,
}

/// The user behind a live token, checked against who they are now: a token stops working
/// when it expired, when the user's role changed since it was issued, or when a second
/// factor is required now that it was not issued with. The reason, for the audit, otherwise.
pub async fn token_principal(app: &App, token: &str) -> Result<Principal, &'static str> {
    let info = app
        .store()
        .use_api_token(&secret_hash(token))
        .await
        .map_err(|_| "unknown_token")?;
    if let Some(expires) = info.expires_at.as_deref()
        && expires <= crisismap_core::time::canonical(app.now()).as_str()
    {
        return Err("expired");
    }
    let user = app
        .store()
        .user_in(info.workspace, info.user)
        .await
        .map_err(|_| "unknown_user")?;
    if user.disabled {
        return Err("user_disabled");
    }
    if info.issued_role != user.role.code() {
        return Err("role_changed");
    }
    if mfa_required(user.role, info.mfa_required_for_all) && !info.issued_with_mfa {
        return Err("second_factor_required");
    }
    Ok(Principal {
        user,
        via: Via::Token {
            id: info.id,
            scope: info.scope,
        },
    })
}

/// The kinds of secret whose checks share their counters: a password (at login and on the
/// password page), or a code (a second-factor or recovery code, at login and on the
/// second-factor pages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Secret {
    /// A password, at login and on the password page.
    Password,
    /// A second-factor or recovery code, at login and on the second-factor pages.
    Code,
}

impl Secret {
    /// The name the attempt counters of this kind of secret are kept under.
    pub fn scope(self) -> &'static str {
        match self {
            Secret::Password => "password",
            Secret::Code => "code",
        }
    }
}

/// Counts an attempt at a secret *before* it is checked, and says whether it may be
/// checked (false: throttled). `account` names the account (`email:…` for a password,
/// `user:…` for a code), `user` its owner when known. Counted, each atomically: the account
/// from this address (the lock falls on the failing address, not the account), this address
/// over all accounts, and the account from everywhere (beyond its limit only addresses the
/// owner logged in from before get through: a stranger slows the account down for other
/// strangers without locking the owner out).
pub async fn attempt(
    app: &App,
    secret: Secret,
    account: &str,
    user: Option<UserId>,
    origin: &str,
) -> Result<bool, Error> {
    let cfg = app.access_rules();
    let window = i64::try_from(cfg.throttle_window.as_micros()).unwrap_or(i64::MAX);
    let scope = secret.scope();
    let store = app.store();
    let pair = store
        .count_attempt(scope, &format!("{account}|{origin}"), window)
        .await?;
    let address = store
        .count_attempt(scope, &format!("address:{origin}"), window)
        .await?;
    let everywhere = store
        .count_attempt(scope, &format!("account:{account}"), window)
        .await?;
    if pair > cfg.max_failures_per_account || address > cfg.max_failures_per_address {
        return Ok(false);
    }
    if everywhere > cfg.max_attempts_per_account_everywhere {
        return Ok(match user {
            Some(u) => store.known_origin(u, origin).await?,
            None => false,
        });
    }
    Ok(true)
}

/// After the right secret: this account's attempts from this address are forgotten, and
/// the right attempt is not held against the address or the account (a town hall's many
/// users share one address).
pub async fn attempt_succeeded(
    app: &App,
    secret: Secret,
    account: &str,
    origin: &str,
) -> Result<(), Error> {
    let scope = secret.scope();
    let store = app.store();
    store
        .clear_attempts(scope, &format!("{account}|{origin}"))
        .await?;
    store
        .uncount_attempt(scope, &format!("address:{origin}"))
        .await?;
    store
        .uncount_attempt(scope, &format!("account:{account}"))
        .await?;
    Ok(())
}

/// Who must log in with a second factor: administrators always, everyone when the
/// workspace requires it.
pub fn mfa_required(role: Role, required_for_all: bool) -> bool {
    role == Role::Admin || required_for_all
}

/// What a session cookie stands for.
pub enum SessionLookup {
    /// A complete login: the signed-in user.
    Full(Principal),
    /// Password right, second factor still to come.
    Pending(PendingLogin),
}

/// How long the step between password and second factor may take.
const PENDING_LOGIN_MICROS: i64 = 10 * 60 * 1_000_000;

/// A live session: not idle too long, not too old, its user still enabled.
pub async fn session_principal(app: &App, id: &str) -> Option<SessionLookup> {
    let id_hash = secret_hash(id);
    let session = match app.store().session(&id_hash).await {
        Ok(s) => s,
        Err(StoreError::NotFound) => return None,
        Err(e) => {
            tracing::error!(error = %e, "session lookup failed");
            return None;
        }
    };
    let now = app.now().as_microsecond();
    let cfg = app.access_rules();
    let idle = now - session.last_seen_us > cfg.idle_timeout.as_micros() as i64;
    let old = now - session.created_us > cfg.absolute_timeout.as_micros() as i64
        || (session.mfa_pending && now - session.created_us > PENDING_LOGIN_MICROS);
    let user = app
        .store()
        .user_in(session.workspace, session.user)
        .await
        .ok();
    let Some(user) = user.filter(|u| !u.disabled && !idle && !old) else {
        let _ = app.store().delete_session(&id_hash).await;
        let record = AuditRecord {
            workspace: Some(session.workspace),
            actor: format!("user:{}", session.user),
            action: "session".into(),
            object: "session".into(),
            result: if idle {
                "expired_idle"
            } else if old {
                "expired_absolute"
            } else {
                "ended_user_disabled"
            }
            .into(),
            origin: String::new(),
        };
        audit(app, record).await;
        return None;
    };
    if session.mfa_pending {
        return Some(SessionLookup::Pending(PendingLogin {
            id_hash,
            user: user.id,
            workspace: user.workspace,
            csrf: session.csrf_token,
            must_change_password: session.must_change_password,
        }));
    }
    // Recording activity at most every 30 seconds keeps reads from turning into writes.
    if now - session.last_seen_us > 30_000_000 {
        let _ = app.store().touch_session(&id_hash, now).await;
    }
    let mfa_required = mfa_required(user.role, session.mfa_required_for_all);
    Some(SessionLookup::Full(Principal {
        user,
        via: Via::Session {
            id_hash,
            csrf: session.csrf_token,
            must_change_password: session.must_change_password,
            mfa_enrolment_required: mfa_required && !session.mfa_enrolled,
        },
    }))
}
