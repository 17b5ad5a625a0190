//! Overzicht: what needs the advisor's attention now. Until crises, rosters and readiness
//! exist, each card says so plainly.

use super::render;
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::{PageCtx, Section};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use crisismap_core::StreamKind;
use serde::Deserialize;

pub struct OnCallRow {
    pub href: String,
    pub roster: String,
    pub duty: &'static str,
    pub person: Option<String>,
    pub person_href: Option<String>,
    pub phones: Vec<(String, String)>,
    pub until: String,
    pub stand_in: bool,
    pub gap: Option<String>,
}

pub struct Due {
    pub href: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    ctx: PageCtx,
    flash: Option<&'static str>,
    users: usize,
    events: i64,
    oncall: Vec<OnCallRow>,
    readiness: Vec<(&'static str, usize, usize)>,
    due: Vec<Due>,
    upcoming: Vec<Due>,
    crises: Vec<crate::crisis::CrisisRow>,
}

#[derive(Deserialize)]
pub struct DashboardQuery {
    melding: Option<String>,
}

/// Messages a redirect may ask the dashboard to show: keys only, never user text.
const FLASHES: &[&str] = &["password_changed"];

pub async fn overview(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Query(q): Query<DashboardQuery>,
) -> Result<Html<String>, AppError> {
    let ws = auth.user().workspace;
    let mut ctx = PageCtx::user(&state, &auth.principal, &auth.ctx, Section::Overview, "").await;
    ctx.title = ctx.t("dashboard.title").to_owned();
    let prep_stream = state.store().stream_of(ws, StreamKind::Preparation).await?;
    ctx.live_stream = Some(prep_stream.id.to_string());
    let streams = state.store().streams(ws).await?;
    let flash = ctx.tr.flash(q.melding.as_deref(), FLASHES);
    let tr = ctx.tr;
    let index = crate::register::Index::load(&state, ws).await?;
    let now = state.now();
    let crate::register::DashboardRegister {
        oncall,
        readiness,
        due,
        upcoming,
    } = crate::register::dashboard(&index, now, state.config().contact_review_months, tr);
    let (crises, _) = crate::crisis::crisis_rows(&state.store().crises(ws).await?, tr);
    render(&DashboardPage {
        crises,
        flash,
        users: state.store().users(ws).await?.len(),
        events: streams.iter().map(|s| s.head_seq).sum(),
        oncall,
        readiness,
        due,
        upcoming,
        ctx,
    })
}
