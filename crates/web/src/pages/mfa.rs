//! Two-step verification: the code after the password at login, and the user's own setup
//! (enrol with a QR code, recovery codes, switch off where allowed). Administrators always
//! need it; a workspace may require it of everyone (`MfaPolicySet`).

use super::safe_return_path;
use crate::AppState;
use crate::http::auth::{
    Ctx, EnrolLogin, Principal, RequestCtx, Secret, attempt, attempt_succeeded, audit,
    mfa_required, with_retry_after,
};
use crate::http::error::AppError;
use crate::http::page::render;
use crate::http::page::{PageCtx, Section};
use crate::pages::login::end_browser_session;
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_app::i18n::Tr;
use crisismap_app::totp;
use crisismap_core::UserId;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "login_code.html")]
struct CodePage {
    ctx: PageCtx,
    back: String,
    error: Option<&'static str>,
    demo_code: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct CodeQuery {
    terug: Option<String>,
}

async fn demo_code(state: &AppState, user: UserId) -> Option<String> {
    if !state.config().demo_hints {
        return None;
    }
    let record = state.store().totp(user).await.ok()??;
    totp::next_code(&record.secret, record.last_step, state.now().as_second())
}

async fn code_page(
    state: &AppState,
    ctx: &RequestCtx,
    user: UserId,
    back: &str,
    error: Option<&'static str>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = CodePage {
        ctx: PageCtx::public(ctx, Tr(ctx.lang).t("mfa-code-title")),
        back: safe_return_path(back),
        error,
        demo_code: demo_code(state, user).await,
    };
    Ok((status, render(&page)?).into_response())
}

/// The second step of logging in; only a login whose password was right gets here.
pub async fn code_form(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Query(q): Query<CodeQuery>,
) -> Result<Response, AppError> {
    let Some(pending) = ctx.pending.clone() else {
        return Ok(Redirect::to("/inloggen").into_response());
    };
    let back = q.terug.unwrap_or_default();
    code_page(&state, &ctx, pending.user, &back, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    terug: String,
}

pub async fn submit_code(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Form(form): Form<CodeForm>,
) -> Result<Response, AppError> {
    let Some(pending) = ctx.pending.clone() else {
        return Ok(Redirect::to("/inloggen").into_response());
    };
    let tr = Tr(ctx.lang);
    let actor = format!("user:{}", pending.user);
    let mut record = ctx.audit("login_code", "session", "failed");
    record.actor = actor.clone();
    record.workspace = Some(pending.workspace);
    if !attempt(
        &state,
        Secret::Code,
        &actor,
        Some(pending.user),
        &ctx.origin,
    )
    .await?
    {
        record.result = "throttled".into();
        audit(&state, record).await;
        let page = code_page(
            &state,
            &ctx,
            pending.user,
            &form.terug,
            Some(tr.t("login-throttled")),
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await?;
        return Ok(with_retry_after(&state, page));
    }
    let Some(accepted) =
        crisismap_app::second_factor::accept(&state, pending.user, &form.code).await?
    else {
        audit(&state, record).await;
        return code_page(
            &state,
            &ctx,
            pending.user,
            &form.terug,
            Some(tr.t("mfa-code-wrong")),
            StatusCode::UNAUTHORIZED,
        )
        .await;
    };
    attempt_succeeded(&state, Secret::Code, &actor, &ctx.origin).await?;
    // The waiting session ends; a new one, with a new id, opens the workspace.
    end_browser_session(&state, &ctx).await;
    let id = crisismap_app::sessions::start(&state, pending.user, pending.workspace).await?;
    record.result = match accepted {
        crisismap_app::second_factor::Accepted::Totp => "ok",
        crisismap_app::second_factor::Accepted::RecoveryCode => "ok_recovery_code",
    }
    .into();
    audit(&state, record).await;
    let target = if pending.must_change_password {
        "/wachtwoord".to_owned()
    } else if matches!(
        accepted,
        crisismap_app::second_factor::Accepted::RecoveryCode
    ) {
        "/account/tweestaps?melding=recovery_code_used".to_owned()
    } else {
        safe_return_path(&form.terug)
    };
    let mut response = Redirect::to(&target).into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, ctx.session_cookie(&id));
    Ok(response)
}

#[derive(Template)]
#[template(path = "mfa.html")]
struct SetupPage {
    ctx: PageCtx,
    /// The user's role or workspace requires the second factor.
    required: bool,
    /// Why it is required (role or workspace).
    required_reason: &'static str,
    enrolled: bool,
    /// Enrolment started: the QR code and the secret as text.
    pending: Option<PendingSecret>,
    codes_left: i64,
    /// New recovery codes, shown exactly once.
    issued_codes: Vec<String>,
    flash: Option<&'static str>,
    /// The form (`confirm`, `codes`, `off`) whose code was wrong, with its message.
    error: Option<(&'static str, &'static str)>,
    demo_code: Option<String>,
}

impl SetupPage {
    fn error_for(&self, form: &str) -> Option<&'static str> {
        self.error.filter(|(f, _)| *f == form).map(|(_, m)| m)
    }
}

pub struct PendingSecret {
    pub qr_svg: String,
    pub grouped: String,
    pub uri: String,
}

#[derive(Default)]
struct SetupView {
    issued_codes: Vec<String>,
    flash: Option<&'static str>,
    error: Option<(&'static str, &'static str)>,
}

/// Whether `principal` must have a second factor, and the words for why.
async fn requirement(state: &AppState, principal: &Principal) -> (bool, &'static str) {
    if mfa_required(principal.user.role, false) {
        return (true, "mfa-required-admin");
    }
    let all = state
        .store()
        .mfa_required_for_all(principal.user.workspace)
        .await
        .unwrap_or(true);
    (
        mfa_required(principal.user.role, all),
        "mfa-required-workspace",
    )
}

async fn setup_page(
    state: &AppState,
    login: &EnrolLogin,
    view: SetupView,
    status: StatusCode,
) -> Result<Response, AppError> {
    let EnrolLogin(principal, ctx) = login;
    let tr = Tr(ctx.lang);
    let page_ctx = PageCtx::user(state, principal, ctx, Section::Account, tr.t("mfa-title")).await;
    let (required, reason) = requirement(state, principal).await;
    let record = state.store().totp(principal.user.id).await?;
    let enrolled = record.as_ref().is_some_and(|t| t.confirmed);
    let mut demo = None;
    let pending = match record.filter(|t| !t.confirmed) {
        Some(t) => {
            let issuer = format!(
                "crisismap {}",
                page_ctx.workspace.clone().unwrap_or_default()
            );
            let uri = totp::otpauth_uri(&t.secret, &principal.user.email, &issuer)
                .ok_or_else(|| AppError::Internal("stored TOTP secret unreadable".into()))?;
            if state.config().demo_hints {
                demo = totp::code_at(&t.secret, state.now().as_second());
            }
            Some(PendingSecret {
                qr_svg: totp::qr_svg(&uri, tr.t("mfa-qr-label"))
                    .ok_or_else(|| AppError::Internal("QR code".into()))?,
                grouped: totp::grouped(&t.secret),
                uri,
            })
        }
        None => None,
    };
    let codes_left = if enrolled {
        state.store().recovery_codes_left(principal.user.id).await?
    } else {
        0
    };
    if enrolled && state.config().demo_hints {
        demo = demo_code(state, principal.user.id).await;
    }
    let page = SetupPage {
        ctx: page_ctx,
        required,
        required_reason: reason,
        enrolled,
        pending,
        codes_left,
        issued_codes: view.issued_codes,
        flash: view.flash,
        error: view.error,
        demo_code: demo,
    };
    Ok((status, render(&page)?).into_response())
}

#[derive(Debug, Deserialize)]
pub struct SetupQuery {
    melding: Option<String>,
    verplicht: Option<String>,
}

const FLASHES: &[&str] = &["mfa_off", "recovery_code_used", "mfa_started"];

pub async fn setup(
    State(state): State<AppState>,
    login: EnrolLogin,
    Query(q): Query<SetupQuery>,
) -> Result<Response, AppError> {
    let tr = Tr(login.1.lang);
    let flash = tr.flash(q.melding.as_deref(), FLASHES).or_else(|| {
        q.verplicht
            .is_some()
            .then(|| tr.t("mfa-flash-required_first"))
    });
    let view = SetupView {
        flash,
        ..Default::default()
    };
    setup_page(&state, &login, view, StatusCode::OK).await
}

/// Starts enrolment with a new secret (again, when a started one was never confirmed).
pub async fn start(State(state): State<AppState>, login: EnrolLogin) -> Result<Response, AppError> {
    let user = login.0.user.id;
    if !crisismap_app::second_factor::begin(&state, user).await? {
        // Already set up: the page says so.
        return Ok(Redirect::to("/account/tweestaps").into_response());
    }
    audit(&state, login.1.audit("mfa_enrol", "totp", "started")).await;
    Ok(Redirect::to("/account/tweestaps?melding=mfa_started").into_response())
}

#[derive(Deserialize)]
pub struct CodeOnly {
    #[serde(default)]
    code: String,
}

/// A typed code that did not prove the second factor: audited, and the setup page again
/// with the message at the form (`confirm`, `codes` or `off`) it came from.
async fn wrong_code(
    state: &AppState,
    login: &EnrolLogin,
    action: &str,
    form: &'static str,
) -> Result<Response, AppError> {
    audit(state, login.1.audit(action, "totp", "failed")).await;
    let view = SetupView {
        error: Some((form, Tr(login.1.lang).t("mfa-code-wrong"))),
        ..Default::default()
    };
    setup_page(state, login, view, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// Hands out new recovery codes on the setup page, once.
async fn show_codes(
    state: &AppState,
    login: &EnrolLogin,
    action: &str,
    codes: Vec<String>,
    flash: &str,
) -> Result<Response, AppError> {
    audit(state, login.1.audit(action, "totp", "ok")).await;
    let view = SetupView {
        issued_codes: codes,
        flash: Some(Tr(login.1.lang).t(flash)),
        ..Default::default()
    };
    setup_page(state, login, view, StatusCode::OK).await
}

/// Finishes enrolment with the first code from the app, and hands out the recovery codes.
pub async fn confirm(
    State(state): State<AppState>,
    login: EnrolLogin,
    Form(form): Form<CodeOnly>,
) -> Result<Response, AppError> {
    let user = login.0.user.id;
    let Some(record) = state.store().totp(user).await?.filter(|t| !t.confirmed) else {
        return Ok(Redirect::to("/account/tweestaps").into_response());
    };
    let account = format!("user:{user}");
    if !attempt(&state, Secret::Code, &account, Some(user), &login.1.origin).await? {
        return throttled(&state, &login, "mfa_enrol", "confirm").await;
    }
    let Some(step) = totp::check(&record.secret, &form.code, state.now().as_second()) else {
        return wrong_code(&state, &login, "mfa_enrol", "confirm").await;
    };
    let codes = crisismap_app::second_factor::confirm(&state, user, step).await?;
    show_codes(&state, &login, "mfa_enrol", codes, "mfa-flash-enrolled").await
}

/// A current code proves the user holds the second factor before it is changed. Counted
/// with the login's codes before it is checked: a stolen session cannot guess here either.
async fn proves_second_factor(
    state: &AppState,
    login: &EnrolLogin,
    typed: &str,
) -> Result<Proof, AppError> {
    let user = login.0.user.id;
    let account = format!("user:{user}");
    if !attempt(state, Secret::Code, &account, Some(user), &login.1.origin).await? {
        return Ok(Proof::Throttled);
    }
    if crisismap_app::second_factor::accept(state, user, typed)
        .await?
        .is_none()
    {
        return Ok(Proof::Wrong);
    }
    attempt_succeeded(state, Secret::Code, &account, &login.1.origin).await?;
    Ok(Proof::Proved)
}

enum Proof {
    Proved,
    Wrong,
    Throttled,
}

/// Too many codes tried: audited, and the setup page with 429 and when to try again.
async fn throttled(
    state: &AppState,
    login: &EnrolLogin,
    action: &str,
    form: &'static str,
) -> Result<Response, AppError> {
    audit(state, login.1.audit(action, "totp", "throttled")).await;
    let view = SetupView {
        error: Some((form, Tr(login.1.lang).t("login-throttled"))),
        ..Default::default()
    };
    let page = setup_page(state, login, view, StatusCode::TOO_MANY_REQUESTS).await?;
    Ok(crate::http::auth::with_retry_after(state, page))
}

/// New recovery codes (the old ones stop working), after a current code.
pub async fn new_codes(
    State(state): State<AppState>,
    login: EnrolLogin,
    Form(form): Form<CodeOnly>,
) -> Result<Response, AppError> {
    let user = login.0.user.id;
    match proves_second_factor(&state, &login, &form.code).await? {
        Proof::Proved => {}
        Proof::Wrong => return wrong_code(&state, &login, "mfa_recovery_codes", "codes").await,
        Proof::Throttled => return throttled(&state, &login, "mfa_recovery_codes", "codes").await,
    }
    let codes = crisismap_app::second_factor::replace_recovery_codes(&state, user).await?;
    show_codes(
        &state,
        &login,
        "mfa_recovery_codes",
        codes,
        "mfa-flash-new_codes",
    )
    .await
}

/// Switches the second factor off, after a current code, where neither role nor workspace
/// requires it.
pub async fn switch_off(
    State(state): State<AppState>,
    login: EnrolLogin,
    Form(form): Form<CodeOnly>,
) -> Result<Response, AppError> {
    let tr = Tr(login.1.lang);
    let user = login.0.user.id;
    let (required, _) = requirement(&state, &login.0).await;
    if required {
        let view = SetupView {
            error: Some(("off", tr.t("mfa-off-refused"))),
            ..Default::default()
        };
        return setup_page(&state, &login, view, StatusCode::FORBIDDEN).await;
    }
    match proves_second_factor(&state, &login, &form.code).await? {
        Proof::Proved => {}
        Proof::Wrong => return wrong_code(&state, &login, "mfa_off", "off").await,
        Proof::Throttled => return throttled(&state, &login, "mfa_off", "off").await,
    }
    crisismap_app::second_factor::turn_off(&state, user).await?;
    audit(&state, login.1.audit("mfa_off", "totp", "ok")).await;
    Ok(Redirect::to("/account/tweestaps?melding=mfa_off").into_response())
}
