//! A user's second factor: checking a code (each time step once) or a recovery code (each
//! once), setting it up, new recovery codes, and turning it off.

use crate::totp;
use crate::{App, Error};
use crisismap_core::UserId;
use crisismap_store::StoreError;

/// Which kind of code was accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accepted {
    /// The current code of the user's authenticator app.
    Totp,
    /// One of the user's recovery codes, now used up.
    RecoveryCode,
}

/// Checks a typed code against the user's confirmed secret (each time step once) or their
/// unused recovery codes (each once).
pub async fn accept(app: &App, user: UserId, typed: &str) -> Result<Option<Accepted>, Error> {
    if totp::looks_like_recovery_code(typed) {
        let hash = totp::recovery_code_hash(typed);
        let used = app.store().use_recovery_code(user, &hash).await?;
        return Ok(used.then_some(Accepted::RecoveryCode));
    }
    let Some(record) = app.store().totp(user).await?.filter(|t| t.confirmed) else {
        return Ok(None);
    };
    let Some(step) = totp::check(&record.secret, typed, app.now().as_second()) else {
        return Ok(None);
    };
    let fresh = app.store().use_totp_step(user, step).await?;
    Ok(fresh.then_some(Accepted::Totp))
}

/// Starts setting up with a new secret (again, when a started one was never confirmed);
/// false when a second factor is set up already.
pub async fn begin(app: &App, user: UserId) -> Result<bool, Error> {
    match app.store().begin_totp(user, &totp::new_secret()).await {
        Ok(()) => Ok(true),
        Err(StoreError::Conflict) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

fn hashed(codes: &[String]) -> Vec<String> {
    codes.iter().map(|c| totp::recovery_code_hash(c)).collect()
}

/// Confirms the secret being set up with the code of time step `step`; returns the new
/// recovery codes, shown once.
pub async fn confirm(app: &App, user: UserId, step: i64) -> Result<Vec<String>, Error> {
    let codes = totp::new_recovery_codes();
    app.store()
        .confirm_totp(user, step, &hashed(&codes))
        .await?;
    Ok(codes)
}

/// New recovery codes in place of the old ones; returned once.
pub async fn replace_recovery_codes(app: &App, user: UserId) -> Result<Vec<String>, Error> {
    let codes = totp::new_recovery_codes();
    app.store()
        .replace_recovery_codes(user, &hashed(&codes))
        .await?;
    Ok(codes)
}

/// Turns the user's own second factor off.
pub async fn turn_off(app: &App, user: UserId) -> Result<(), Error> {
    app.store().remove_totp(user, false).await?;
    Ok(())
}
