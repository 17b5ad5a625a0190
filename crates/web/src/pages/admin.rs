//! Beheer: users and roles, the verification of the record, and the audit log. Admins only.

use crate::AppState;
use crate::http::auth::{AdminOnly, Authed};
use crate::http::error::localize;
use crate::http::error::{AppError, FieldError};
use crate::http::page::render;
use crate::http::page::{PageCtx, Section};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use crisismap_app::audit_words::{AuditLine, AuditNames};
use crisismap_app::users::{self as commands, NewUserInput, UserChange};
use crisismap_core::{Role, UserId, time};
use crisismap_store::{AuditEntry, UserRecord};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "admin.html")]
struct AdminPage {
    ctx: PageCtx,
}

pub async fn overview(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
) -> Result<Html<String>, AppError> {
    let mut ctx = PageCtx::user(&state, &auth.principal, &auth.ctx, Section::Admin, "").await;
    ctx.title = ctx.t("admin-title").to_owned();
    render(&AdminPage { ctx })
}

pub struct RoleOption {
    pub code: &'static str,
    pub label: &'static str,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    ctx: PageCtx,
    users: Vec<UserRecord>,
    roles: Vec<RoleOption>,
    input: NewUserInput,
    errors: Vec<FieldError>,
    flash: Option<&'static str>,
    flash_error: Option<&'static str>,
    /// A one-time password, shown exactly once: (user name, e-mail, password).
    issued: Option<(String, String, String)>,
    /// The users with a confirmed second factor.
    mfa_enrolled: std::collections::BTreeSet<UserId>,
    /// The workspace requires a second factor of every user.
    mfa_required_for_all: bool,
}

impl UsersPage {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|f| f.field == field)
            .map(|f| f.message.as_str())
    }

    fn role_label(&self, role: &Role) -> &'static str {
        self.ctx.tr.role(*role)
    }

    fn has_mfa(&self, user: &UserId) -> bool {
        self.mfa_enrolled.contains(user)
    }
}

#[derive(Default)]
struct UsersView {
    input: NewUserInput,
    errors: Vec<FieldError>,
    flash: Option<&'static str>,
    flash_error: Option<&'static str>,
    issued: Option<(String, String, String)>,
}

async fn users_page(
    state: &AppState,
    auth: &Authed<AdminOnly>,
    view: UsersView,
    status: StatusCode,
) -> Result<Response, AppError> {
    let mut ctx = PageCtx::user(state, &auth.principal, &auth.ctx, Section::Admin, "").await;
    ctx.title = ctx.t("users-title").to_owned();
    let admin_stream = state
        .store()
        .stream_of(auth.user().workspace, crisismap_core::StreamKind::Workspace)
        .await?;
    ctx.live_stream = Some(admin_stream.id.to_string());
    let tr = ctx.tr;
    let page = UsersPage {
        users: state.store().users(auth.user().workspace).await?,
        roles: Role::ALL
            .iter()
            .map(|r| RoleOption {
                code: r.code(),
                label: tr.role(*r),
            })
            .collect(),
        input: view.input,
        errors: localize(view.errors, tr),
        flash: view.flash,
        flash_error: view.flash_error,
        issued: view.issued,
        mfa_enrolled: state
            .store()
            .mfa_enrolled_users(auth.user().workspace)
            .await?,
        mfa_required_for_all: state
            .store()
            .mfa_required_for_all(auth.user().workspace)
            .await?,
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

#[derive(Deserialize)]
pub struct UsersQuery {
    melding: Option<String>,
}

const FLASHES: &[&str] = &[
    "role_changed",
    "user_disabled",
    "user_enabled",
    "mfa_reset",
    "mfa_policy_changed",
];

pub async fn users(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
    Query(q): Query<UsersQuery>,
) -> Result<Response, AppError> {
    let tr = crisismap_app::i18n::Tr(auth.ctx.lang);
    let flash = tr.flash(q.melding.as_deref(), FLASHES);
    let view = UsersView {
        input: NewUserInput {
            role: "member".into(),
            ..Default::default()
        },
        flash,
        ..Default::default()
    };
    users_page(&state, &auth, view, StatusCode::OK).await
}

pub async fn add_user(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
    Form(input): Form<NewUserInput>,
) -> Result<Response, AppError> {
    match commands::add_user(&state, (&auth.principal).into(), &auth.ctx.origin, &input).await {
        Ok((user, password)) => {
            let view = UsersView {
                input: NewUserInput {
                    role: "member".into(),
                    ..Default::default()
                },
                issued: Some((user.display_name, user.email, password)),
                ..Default::default()
            };
            users_page(&state, &auth, view, StatusCode::CREATED).await
        }
        Err(crisismap_app::Error::Invalid(errors)) => {
            let view = UsersView {
                input,
                errors,
                ..Default::default()
            };
            users_page(&state, &auth, view, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

fn parse_user(id: &str) -> Result<UserId, AppError> {
    id.parse().map_err(|_| AppError::NotFound)
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

async fn apply_change(
    state: &AppState,
    auth: &Authed<AdminOnly>,
    id: &str,
    change: UserChange,
    done: &str,
) -> Result<Response, AppError> {
    let user = parse_user(id)?;
    match commands::change_user(
        state,
        (&auth.principal).into(),
        &auth.ctx.origin,
        user,
        change,
    )
    .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/beheer/gebruikers?melding={done}")).into_response()),
        Err(crisismap_app::Error::Refused(code)) => {
            let tr = crisismap_app::i18n::Tr(auth.ctx.lang);
            let view = UsersView {
                flash_error: Some(tr.t(&format!("error-{code}"))),
                ..Default::default()
            };
            users_page(state, auth, view, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn change_role(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
    Path(id): Path<String>,
    Form(form): Form<RoleForm>,
) -> Result<Response, AppError> {
    let Ok(role) = form.role.parse::<Role>() else {
        let tr = crisismap_app::i18n::Tr(auth.ctx.lang);
        let view = UsersView {
            flash_error: Some(tr.t("error-unknown_role")),
            ..Default::default()
        };
        return users_page(&state, &auth, view, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    apply_change(&state, &auth, &id, UserChange::Role(role), "role_changed").await
}

pub async fn disable_user(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    apply_change(&state, &auth, &id, UserChange::Disable, "user_disabled").await
}

pub async fn enable_user(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    apply_change(&state, &auth, &id, UserChange::Enable, "user_enabled").await
}

pub async fn reset_password(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = parse_user(&id)?;
    let (user, password) =
        commands::reset_password(&state, (&auth.principal).into(), &auth.ctx.origin, user).await?;
    let view = UsersView {
        issued: Some((user.display_name, user.email, password)),
        ..Default::default()
    };
    users_page(&state, &auth, view, StatusCode::OK).await
}

pub async fn reset_mfa(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = parse_user(&id)?;
    commands::reset_mfa(&state, (&auth.principal).into(), &auth.ctx.origin, user).await?;
    Ok(Redirect::to("/beheer/gebruikers?melding=mfa_reset").into_response())
}

#[derive(Deserialize)]
pub struct MfaPolicyForm {
    #[serde(default)]
    verplicht: String,
}

pub async fn set_mfa_policy(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
    Form(form): Form<MfaPolicyForm>,
) -> Result<Response, AppError> {
    let required_for_all = match form.verplicht.as_str() {
        "alle" => true,
        "beheerders" => false,
        _ => {
            let tr = crisismap_app::i18n::Tr(auth.ctx.lang);
            let view = UsersView {
                flash_error: Some(tr.t("error-unknown_choice")),
                ..Default::default()
            };
            return users_page(&state, &auth, view, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    commands::set_mfa_policy(&state, &auth.principal, required_for_all).await?;
    Ok(Redirect::to("/beheer/gebruikers?melding=mfa_policy_changed").into_response())
}

pub struct StreamRow {
    pub kind: &'static str,
    /// The crisis's title, or the workspace's name for its own stream.
    pub name: String,
    pub id: String,
    pub length: i64,
    pub head_hash: String,
    pub problem: Option<String>,
}

#[derive(Template)]
#[template(path = "verify.html")]
struct VerifyPage {
    ctx: PageCtx,
    checked_at: String,
    intact: bool,
    streams: Vec<StreamRow>,
}

pub async fn verify(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
) -> Result<Html<String>, AppError> {
    let mut ctx = PageCtx::user(&state, &auth.principal, &auth.ctx, Section::Admin, "").await;
    ctx.title = ctx.t("verify-title").to_owned();
    let tr = ctx.tr;
    let ws = auth.user().workspace;
    let report = state.store().verify(Some(ws)).await?;
    let crises: std::collections::HashMap<String, String> = state
        .store()
        .crises(ws)
        .await?
        .into_iter()
        .map(|c| (c.id.to_string(), c.state.title))
        .collect();
    let workspace = state.store().workspace(ws).await?.name;
    let streams = report
        .streams
        .iter()
        .map(|s| StreamRow {
            kind: tr.t(&format!("stream-{}", s.kind)),
            name: crises
                .get(&s.stream.to_string())
                .cloned()
                .unwrap_or_else(|| workspace.clone()),
            id: s.stream.to_string(),
            length: s.length,
            head_hash: s.head_hash.clone(),
            problem: s
                .fault
                .as_ref()
                .map(|f| format!("{} {}: {}", tr.t("verify-at_seq"), f.seq, f.fault)),
        })
        .collect();
    render(&VerifyPage {
        checked_at: time::local_display(state.now()),
        intact: report.is_intact(),
        streams,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    ctx: PageCtx,
    entries: Vec<(String, AuditLine, AuditEntry)>,
}

pub async fn audit_log(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
) -> Result<Html<String>, AppError> {
    let mut ctx = PageCtx::user(&state, &auth.principal, &auth.ctx, Section::Admin, "").await;
    ctx.title = ctx.t("audit-title").to_owned();
    let ws = auth.user().workspace;
    let names = AuditNames::load(state.store(), ws, ctx.tr).await?;
    let entries = state
        .store()
        .audit_entries(Some(ws), 500)
        .await?
        .into_iter()
        .map(|e| {
            let local =
                e.at.parse()
                    .map(time::local_display)
                    .unwrap_or_else(|_| e.at.clone());
            (local, names.line(&e.record, ctx.tr), e)
        })
        .collect();
    render(&AuditPage { ctx, entries })
}
