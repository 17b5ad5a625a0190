//! Logging in and out, choosing the language before login, and changing one's password
//! (required after a one-time password).

use super::safe_return_path;
use crate::AppState;
use crate::http::auth::{
    AnyLogin, Ctx, LANG_COOKIE, RequestCtx, Secret, Via, attempt, attempt_succeeded, audit,
    with_retry_after,
};
use crate::http::error::AppError;
use crate::http::layers::urlencode;
use crate::http::page::render;
use crate::http::page::{PageCtx, Section};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_app::i18n::Tr;
use crisismap_app::password::{check_new_password, dummy_hash, verify_password};
use crisismap_core::{Email, Lang};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    ctx: PageCtx,
    email: String,
    back: String,
    error: Option<&'static str>,
    notice: Option<&'static str>,
}

#[derive(Debug, Deserialize)]
pub struct LoginQuery {
    terug: Option<String>,
    afgemeld: Option<String>,
    melding: Option<String>,
}

pub async fn login_form(Ctx(ctx): Ctx, Query(q): Query<LoginQuery>) -> Result<Response, AppError> {
    if ctx.principal.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    let tr = Tr(ctx.lang);
    let notice = q
        .afgemeld
        .is_some()
        .then(|| tr.t("login-logged_out"))
        .or_else(|| tr.flash(q.melding.as_deref(), &["logged_out_everywhere"]));
    login_page(
        &ctx,
        String::new(),
        q.terug.unwrap_or_default(),
        None,
        notice,
        StatusCode::OK,
    )
}

fn login_page(
    ctx: &RequestCtx,
    email: String,
    back: String,
    error: Option<&'static str>,
    notice: Option<&'static str>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let (token, cookie) = ctx.login_csrf();
    let mut page_ctx = PageCtx::public(ctx, Tr(ctx.lang).t("login-title"));
    page_ctx.csrf = token;
    let html = render(&LoginPage {
        ctx: page_ctx,
        email,
        back: safe_return_path(&back),
        error,
        notice,
    })?;
    let mut response = (status, html).into_response();
    if let Some(c) = cookie {
        response.headers_mut().append(header::SET_COOKIE, c);
    }
    Ok(response)
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    terug: String,
}

pub async fn login(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let tr = Tr(ctx.lang);
    let typed = form.email.trim().to_lowercase();
    let actor = format!("email:{}", typed.chars().take(254).collect::<String>());
    let mut record = ctx.audit("login", "session", "failed");
    record.actor = actor.clone();
    let user = match Email::parse(&typed) {
        Ok(email) => state.store().user_by_email(&email).await.ok(),
        Err(_) => None,
    };
    // Failed logins on an existing account are that workspace's to see; an unknown address
    // stays in the deployment log.
    record.workspace = user.as_ref().map(|u| u.workspace);
    // Counted before the password is checked, so a burst cannot slip past the count.
    if !attempt(
        &state,
        Secret::Password,
        &actor,
        user.as_ref().map(|u| u.id),
        &ctx.origin,
    )
    .await?
    {
        record.result = "throttled".into();
        audit(&state, record).await;
        let page = login_page(
            &ctx,
            typed,
            form.terug,
            Some(tr.t("login-throttled")),
            None,
            StatusCode::TOO_MANY_REQUESTS,
        )?;
        return Ok(with_retry_after(&state, page));
    }

    let stored = match &user {
        Some(u) => state.store().credential(u.id).await.ok(),
        None => None,
    };
    let cost = state.config().password_cost;
    let password = form.password;
    let (hash, must_change) = stored.unwrap_or_else(|| (String::new(), false));
    let valid = tokio::task::spawn_blocking(move || {
        // Without an account, verify against a throwaway hash so the answer takes as long.
        let hash = if hash.is_empty() {
            dummy_hash(cost)
        } else {
            hash
        };
        verify_password(&password, &hash)
    })
    .await
    .unwrap_or(false);
    let Some(user) = user.filter(|u| valid && !u.disabled) else {
        if record.workspace.is_none() {
            tracing::warn!(origin = ?ctx.origin, email = ?typed, "failed login for an unknown account");
        }
        audit(&state, record).await;
        return login_page(
            &ctx,
            typed,
            form.terug,
            Some(tr.t("login-failed")),
            None,
            StatusCode::UNAUTHORIZED,
        );
    };

    attempt_succeeded(&state, Secret::Password, &actor, &ctx.origin).await?;
    // A fresh session id at every login; any session this browser had is ended.
    end_browser_session(&state, &ctx).await;
    record.actor = format!("user:{}", user.id);
    record.workspace = Some(user.workspace);
    let second_factor = state
        .store()
        .totp(user.id)
        .await?
        .is_some_and(|t| t.confirmed);
    if second_factor {
        // The password was right; the session opens nothing until the code is given too.
        let id = crisismap_app::sessions::start_pending(&state, user.id, user.workspace).await?;
        record.result = "password_ok_code_next".into();
        audit(&state, record).await;
        let back = safe_return_path(&form.terug);
        let mut response =
            Redirect::to(&format!("/inloggen/code?terug={}", urlencode(&back))).into_response();
        response
            .headers_mut()
            .append(header::SET_COOKIE, ctx.session_cookie(&id));
        return Ok(response);
    }
    let id = crisismap_app::sessions::start(&state, user.id, user.workspace).await?;
    record.result = "ok".into();
    audit(&state, record).await;
    let target = if must_change {
        "/wachtwoord".to_owned()
    } else {
        safe_return_path(&form.terug)
    };
    let mut response = Redirect::to(&target).into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, ctx.session_cookie(&id));
    Ok(response)
}

/// Ends the session (full or waiting for its code) this browser had.
pub(crate) async fn end_browser_session(state: &AppState, ctx: &RequestCtx) {
    if let Some(crate::http::auth::Principal {
        via: Via::Session { id_hash, .. },
        ..
    }) = &ctx.principal
    {
        crisismap_app::sessions::end(state, id_hash).await;
    }
    if let Some(pending) = &ctx.pending {
        crisismap_app::sessions::end(state, &pending.id_hash).await;
    }
}

pub async fn logout(
    State(state): State<AppState>,
    Ctx(request): Ctx,
    login: Result<AnyLogin, AppError>,
) -> Response {
    let Ok(AnyLogin(principal, ctx)) = login else {
        // A login that waited for its code ends here too.
        end_browser_session(&state, &request).await;
        let mut response = Redirect::to("/inloggen").into_response();
        if request.pending.is_some() {
            response
                .headers_mut()
                .append(header::SET_COOKIE, request.clear_session_cookie());
        }
        return response;
    };
    if let Via::Session { id_hash, .. } = &principal.via {
        crisismap_app::sessions::end(&state, id_hash).await;
    }
    audit(&state, ctx.audit("logout", "session", "ok")).await;
    let mut response = Redirect::to("/inloggen?afgemeld=1").into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, ctx.clear_session_cookie());
    response
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    taal: String,
    #[serde(default)]
    terug: String,
}

/// Before login the language is a cookie; after login it is the user's setting.
pub async fn set_language(Ctx(ctx): Ctx, Form(form): Form<LanguageForm>) -> Response {
    let lang: Lang = form.taal.parse().unwrap_or_default();
    let mut response = Redirect::to(&safe_return_path(&form.terug)).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        ctx.cookie(LANG_COOKIE, lang.code(), Some(365 * 24 * 3600)),
    );
    response
}

#[derive(Template)]
#[template(path = "password.html")]
struct PasswordPage {
    ctx: PageCtx,
    required: bool,
    errors: Vec<(&'static str, &'static str)>,
}

impl PasswordPage {
    fn error_for(&self, field: &str) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| *m)
    }
}

async fn password_page(
    state: &AppState,
    login: &AnyLogin,
    errors: Vec<(&'static str, &'static str)>,
) -> Result<Response, AppError> {
    let AnyLogin(principal, ctx) = login;
    let tr = Tr(ctx.lang);
    let required = matches!(
        principal.via,
        Via::Session {
            must_change_password: true,
            ..
        }
    );
    let page_ctx = PageCtx::user(
        state,
        principal,
        ctx,
        Section::Account,
        tr.t("password-title"),
    )
    .await;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        render(&PasswordPage {
            ctx: page_ctx,
            required,
            errors,
        })?,
    )
        .into_response())
}

pub async fn password_form(
    State(state): State<AppState>,
    login: AnyLogin,
) -> Result<Response, AppError> {
    password_page(&state, &login, vec![]).await
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    repeat: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    login: AnyLogin,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    let tr = Tr(login.1.lang);
    let user = login.0.user.id;
    // The same counters as the login: a stolen session cannot guess the password here.
    let account = format!("email:{}", login.0.user.email);
    if !attempt(
        &state,
        Secret::Password,
        &account,
        Some(user),
        &login.1.origin,
    )
    .await?
    {
        audit(
            &state,
            login.1.audit("password_change", "credential", "throttled"),
        )
        .await;
        let page =
            password_page(&state, &login, vec![("current", tr.t("login-throttled"))]).await?;
        let mut page = with_retry_after(&state, page);
        *page.status_mut() = StatusCode::TOO_MANY_REQUESTS;
        return Ok(page);
    }
    let (hash, _) = state.store().credential(user).await?;
    let current = form.current.clone();
    let current_ok = tokio::task::spawn_blocking(move || verify_password(&current, &hash))
        .await
        .unwrap_or(false);
    let mut errors = vec![];
    if !current_ok {
        errors.push(("current", tr.t("password-wrong_current")));
    }
    if let Err(key) = check_new_password(&form.new) {
        errors.push(("new", tr.t(key)));
    } else if form.new == form.current {
        errors.push(("new", tr.t("password-same_as_old")));
    }
    if form.new != form.repeat {
        errors.push(("repeat", tr.t("password-mismatch")));
    }
    if !errors.is_empty() {
        audit(
            &state,
            login.1.audit("password_change", "credential", "failed"),
        )
        .await;
        return password_page(&state, &login, errors).await;
    }
    // Every other session and every API token ends; this browser goes on.
    let keep = match &login.0.via {
        Via::Session { id_hash, .. } => Some(id_hash.as_str()),
        Via::Token { .. } | Via::Server => None,
    };
    crisismap_app::sessions::change_password(&state, user, form.new, keep).await?;
    attempt_succeeded(&state, Secret::Password, &account, &login.1.origin).await?;
    audit(&state, login.1.audit("password_change", "credential", "ok")).await;
    Ok(Redirect::to("/?melding=password_changed").into_response())
}
