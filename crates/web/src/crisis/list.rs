//! The list of crises and opening a new one.

use super::frame::crisis_href;
use super::frame::{field, pairs, when};
use crate::AppState;
use crate::http::auth::{Authed, MemberUp, ViewerUp};
use crate::http::error::{AppError, FieldError};
use crate::http::page::render;
use crate::http::page::{PageCtx, Section};
use askama::Template;
use axum::extract::{RawForm, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use crisismap_app::crisis::OpenInput;
use crisismap_app::i18n::Tr;
use crisismap_core::Role;

pub struct CrisisRow {
    pub href: String,
    pub title: String,
    pub exercise: bool,
    pub closed: bool,
    pub phase: &'static str,
    /// Who coordinates the aftermath, once handed over to the line.
    pub coordinator: Option<String>,
    pub classification: &'static str,
    pub grip: &'static str,
    pub started: String,
}

#[derive(Template)]
#[template(path = "crisis/list.html")]
pub(super) struct ListPage {
    ctx: PageCtx,
    running: Vec<CrisisRow>,
    closed: Vec<CrisisRow>,
    can_open: bool,
}

pub(crate) fn crisis_rows(
    crises: &[crisismap_store::CrisisRecord],
    tr: Tr,
) -> (Vec<CrisisRow>, Vec<CrisisRow>) {
    let rows = crises.iter().map(|c| CrisisRow {
        href: crisis_href(c.id),
        title: c.state.title.clone(),
        exercise: c.state.exercise,
        closed: c.state.closed,
        phase: tr.t(&format!("c-phase-{}", c.state.phase.code())),
        coordinator: c
            .state
            .handover
            .as_ref()
            .filter(|_| {
                c.state.phase == crisismap_core::crisis::Phase::Aftermath && !c.state.closed
            })
            .map(|h| h.coordinator.clone()),
        classification: match c.state.classification {
            Some(cl) => tr.t(&format!("c-classification-{}", cl.code())),
            None => tr.t("crisis-unclassified"),
        },
        grip: tr.t(&format!("c-grip-{}", c.state.grip.code())),
        started: when(&c.state.started_at),
    });
    rows.partition(|r| !r.closed)
}

pub(super) async fn list(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Html<String>, AppError> {
    let tr = Tr(auth.ctx.lang);
    let mut ctx = PageCtx::user(&state, &auth.principal, &auth.ctx, Section::Crisis, "").await;
    ctx.title = tr.t("section-crisis-title").to_owned();
    let crises = state.store().crises(auth.user().workspace).await?;
    let (running, closed) = crisis_rows(&crises, tr);
    render(&ListPage {
        ctx,
        running,
        closed,
        can_open: auth.user().role.allows(Role::Member),
    })
}

#[derive(Template)]
#[template(path = "crisis/open.html")]
pub(super) struct OpenPage {
    ctx: PageCtx,
    input: OpenInput,
    errors: Vec<FieldError>,
}

impl OpenPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

pub(super) async fn open_page(
    state: &AppState,
    auth: &Authed<MemberUp>,
    input: OpenInput,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let mut ctx = PageCtx::user(state, &auth.principal, &auth.ctx, Section::Crisis, "").await;
    ctx.title = tr.t("crisis-open").to_owned();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let errors = crate::http::error::localize(errors, tr);
    Ok((status, render(&OpenPage { ctx, input, errors })?).into_response())
}

pub(super) async fn open_form(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
) -> Result<Response, AppError> {
    let input = OpenInput {
        started_at: crisismap_core::time::local_input(state.now()),
        phase: "lukewarm".into(),
        ..OpenInput::default()
    };
    open_page(&state, &auth, input, vec![]).await
}

pub(super) async fn open(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let p = pairs(&body)?;
    let input = OpenInput {
        title: field(&p, "title").to_owned(),
        known: field(&p, "known").to_owned(),
        started_at: field(&p, "started_at").to_owned(),
        phase: field(&p, "phase").to_owned(),
        exercise: matches!(field(&p, "exercise"), "on" | "true"),
    };
    match crisismap_app::crisis::open(
        &state,
        &auth.principal,
        &auth.ctx.origin,
        &input,
        auth.ctx.lang,
    )
    .await
    {
        Ok(id) => Ok(Redirect::to(&format!("{}/classificatie", crisis_href(id))).into_response()),
        Err(crisismap_app::Error::Invalid(errors)) => open_page(&state, &auth, input, errors).await,
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- the shared picture
