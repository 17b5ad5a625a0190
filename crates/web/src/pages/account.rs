//! The user's own settings: language, password, and personal API tokens.

use super::render;
use crate::AppState;
use crate::auth::{Authed, ViewerUp, audit};
use crate::error::AppError;
use crate::password::{random_token, secret_hash};
use crate::view::{PageCtx, Section};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_core::workspace::WorkspaceCommand;
use crisismap_core::{Lang, time};
use crisismap_store::ApiTokenInfo;
use serde::Deserialize;

pub struct TokenRow {
    pub id: String,
    pub name: String,
    pub created: String,
    pub last_used: String,
    pub revoked: bool,
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
}

fn local(ts: &str) -> String {
    ts.parse().map(time::local_display).unwrap_or_default()
}

fn token_row(t: ApiTokenInfo) -> TokenRow {
    TokenRow {
        created: local(&t.created_at),
        last_used: t.last_used_at.as_deref().map(local).unwrap_or_default(),
        revoked: t.revoked_at.is_some(),
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
    ctx.title = ctx.t("account.title").to_owned();
    let user = auth.user();
    let page = AccountPage {
        email: user.email.clone(),
        tokens: state
            .store()
            .api_tokens_of(user.id)
            .await?
            .into_iter()
            .map(token_row)
            .collect(),
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

const FLASHES: &[&str] = &["language_changed", "token_revoked"];

pub async fn settings(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Query(q): Query<AccountQuery>,
) -> Result<Response, AppError> {
    let tr = crate::i18n::Tr(auth.ctx.lang);
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
    let user = auth.user();
    state
        .store()
        .handle_workspace_command(
            user.workspace,
            &auth.principal.actor(),
            WorkspaceCommand::SetLanguage {
                user_id: user.id,
                language,
            },
            None,
        )
        .await?;
    Ok(Redirect::to("/account?melding=language_changed").into_response())
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
}

pub async fn create_token(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Form(form): Form<TokenForm>,
) -> Result<Response, AppError> {
    let tr = crate::i18n::Tr(auth.ctx.lang);
    let name = match crisismap_core::DisplayName::parse(&form.name) {
        Ok(n) => n,
        Err(e) => {
            let view = AccountView {
                token_error: Some(tr.t(&format!("error.{}", e.code()))),
                token_name: form.name,
                ..Default::default()
            };
            return account_page(&state, &auth, view, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let token = format!("cm_{}", random_token());
    let user = auth.user();
    let id = state
        .store()
        .create_api_token(user.id, user.workspace, name.as_str(), &secret_hash(&token))
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
    state.store().revoke_api_token(auth.user().id, &id).await?;
    audit(
        &state,
        auth.ctx
            .audit("api_token_revoke", &format!("token:{id}"), "ok"),
    )
    .await;
    Ok(Redirect::to("/account?melding=token_revoked").into_response())
}
