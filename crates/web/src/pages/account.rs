//! The user's own settings: language, password, and personal API tokens.

use crate::AppState;
use crate::http::auth::{Authed, ViewerUp, audit};
use crate::http::error::AppError;
use crate::http::page::render;
use crate::http::page::{PageCtx, Section};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_core::{Lang, time};
use crisismap_store::ApiTokenInfo;
use serde::Deserialize;

pub struct TokenRow {
    pub id: String,
    pub name: String,
    pub created: String,
    pub last_used: String,
    pub revoked: bool,
    /// `read` or `write`.
    pub scope: String,
    pub expires: String,
    pub expired: bool,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    ctx: PageCtx,
    email: String,
    tokens: Vec<TokenRow>,
    sessions: usize,
    mfa_enrolled: bool,
    flash: Option<&'static str>,
    token_error: Option<&'static str>,
    token_name: String,
    issued_token: Option<String>,
    /// Failed logins for this account since the session began: how many, and the latest
    /// moment and address.
    failed_logins: i64,
    last_failed: Option<(String, String)>,
}

fn local(ts: &str) -> String {
    ts.parse().map(time::local_display).unwrap_or_default()
}

fn token_row(t: ApiTokenInfo, now: &str) -> TokenRow {
    TokenRow {
        created: local(&t.created_at),
        last_used: t.last_used_at.as_deref().map(local).unwrap_or_default(),
        revoked: t.revoked_at.is_some(),
        expires: t.expires_at.as_deref().map(local).unwrap_or_default(),
        expired: t.expires_at.as_deref().is_some_and(|e| e <= now),
        scope: t.scope,
        id: t.id,
        name: t.name,
    }
}

#[derive(Default)]
struct AccountView {
    flash: Option<&'static str>,
    token_error: Option<&'static str>,
    token_name: String,
    issued_token: Option<String>,
}

async fn account_page(
    state: &AppState,
    auth: &Authed<ViewerUp>,
    view: AccountView,
    status: StatusCode,
) -> Result<Response, AppError> {
    let mut ctx = PageCtx::user(state, &auth.principal, &auth.ctx, Section::Account, "").await;
    ctx.title = ctx.t("account-title").to_owned();
    let user = auth.user();
    let now = time::canonical(state.now());
    // Failed logins since this session began tell the owner someone tried their account.
    let since = state
        .store()
        .sessions_of(user.id)
        .await?
        .iter()
        .map(|s| s.created_us)
        .max()
        .unwrap_or(0);
    let (failed_logins, last_failed) = state
        .store()
        .failed_logins_since(&user.email, since - 24 * 3600 * 1_000_000)
        .await?;
    let page = AccountPage {
        email: user.email.clone(),
        tokens: state
            .store()
            .api_tokens_of(user.id)
            .await?
            .into_iter()
            .map(|t| token_row(t, &now))
            .collect(),
        failed_logins,
        last_failed: last_failed.map(|(at, origin)| (local(&at), origin)),
        sessions: state.store().sessions_of(user.id).await?.len(),
        mfa_enrolled: state
            .store()
            .totp(user.id)
            .await?
            .is_some_and(|t| t.confirmed),
        flash: view.flash,
        token_error: view.token_error,
        token_name: view.token_name,
        issued_token: view.issued_token,
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

#[derive(Deserialize)]
pub struct AccountQuery {
    melding: Option<String>,
}

const FLASHES: &[&str] = &["language_changed", "token_revoked", "password_changed"];

pub async fn settings(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Query(q): Query<AccountQuery>,
) -> Result<Response, AppError> {
    let tr = crisismap_app::i18n::Tr(auth.ctx.lang);
    let flash = tr.flash(q.melding.as_deref(), FLASHES);
    let view = AccountView {
        flash,
        ..Default::default()
    };
    account_page(&state, &auth, view, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    taal: String,
}

pub async fn set_language(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Form(form): Form<LanguageForm>,
) -> Result<Response, AppError> {
    let Ok(language) = form.taal.parse::<Lang>() else {
        return Err(AppError::BadRequest("unknown language".into()));
    };
    crisismap_app::users::set_language(&state, &auth.principal, language).await?;
    Ok(Redirect::to("/account?melding=language_changed").into_response())
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    /// `read` or `write`.
    #[serde(default)]
    scope: String,
    /// Days until it expires; empty: it does not.
    #[serde(default)]
    days: String,
}

/// The expiries offered when a token is made (days; 0: none).
pub const TOKEN_DAYS: [i64; 5] = [0, 7, 30, 90, 365];

pub async fn create_token(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Form(form): Form<TokenForm>,
) -> Result<Response, AppError> {
    let tr = crisismap_app::i18n::Tr(auth.ctx.lang);
    let name = match crisismap_core::DisplayName::parse(&form.name) {
        Ok(n) => n,
        Err(e) => {
            let view = AccountView {
                token_error: Some(tr.t(&format!("error-{}", e.code()))),
                token_name: form.name,
                ..Default::default()
            };
            return account_page(&state, &auth, view, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let scope = match form.scope.as_str() {
        "read" => crisismap_app::sessions::KeyScope::Read,
        _ => crisismap_app::sessions::KeyScope::Write,
    };
    let days: i64 = form.days.trim().parse().unwrap_or(0);
    if !TOKEN_DAYS.contains(&days) {
        return Err(AppError::BadRequest("unknown expiry".into()));
    }
    let (id, token) =
        crisismap_app::sessions::issue_api_key(&state, auth.user(), name.as_str(), scope, days)
            .await?;
    audit(
        &state,
        auth.ctx
            .audit("api_token_create", &format!("token:{id}"), "ok"),
    )
    .await;
    let view = AccountView {
        issued_token: Some(token),
        ..Default::default()
    };
    account_page(&state, &auth, view, StatusCode::CREATED).await
}

pub async fn revoke_token(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    crisismap_app::sessions::revoke_api_key(&state, auth.user().id, &id).await?;
    audit(
        &state,
        auth.ctx
            .audit("api_token_revoke", &format!("token:{id}"), "ok"),
    )
    .await;
    Ok(Redirect::to("/account?melding=token_revoked").into_response())
}

/// Ends every session of this user (this one too) and revokes every API token: for a lost or
/// shared device, or when someone else may have logged in.
pub async fn log_out_everywhere(
    State(state): State<AppState>,
    login: crate::http::auth::AnyLogin,
) -> Result<Response, AppError> {
    let crate::http::auth::AnyLogin(principal, ctx) = login;
    if matches!(principal.via, crate::http::auth::Via::Token { .. }) {
        return Err(AppError::Forbidden);
    }
    crisismap_app::sessions::end_other_access(&state, principal.user.id, None).await?;
    let mut record = ctx.audit("log_out_everywhere", "session", "ok");
    record.actor = format!("user:{}", principal.user.id);
    record.workspace = Some(principal.user.workspace);
    audit(&state, record).await;
    let mut response = Redirect::to("/inloggen?melding=logged_out_everywhere").into_response();
    response
        .headers_mut()
        .append(axum::http::header::SET_COOKIE, ctx.clear_session_cookie());
    Ok(response)
}
