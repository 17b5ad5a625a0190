//! Overzicht: what needs the advisor's attention now. Until crises, rosters and readiness
//! exist, each card says so plainly.

use super::render;
use crate::AppState;
use crate::auth::{Authed, ViewerUp};
use crate::error::AppError;
use crate::view::{PageCtx, Section};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use crisismap_core::StreamKind;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    ctx: PageCtx,
    flash: Option<&'static str>,
    users: usize,
    events: i64,
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
    let admin_stream = state.store().stream_of(ws, StreamKind::Workspace).await?;
    ctx.live_stream = Some(admin_stream.id.to_string());
    let streams = state.store().streams(ws).await?;
    let flash = q
        .melding
        .as_deref()
        .filter(|m| FLASHES.contains(m))
        .map(|m| ctx.tr.t(&format!("flash.{m}")));
    render(&DashboardPage {
        flash,
        users: state.store().users(ws).await?.len(),
        events: streams.iter().map(|s| s.head_seq).sum(),
        ctx,
    })
}
