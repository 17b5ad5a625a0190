//! The situation report on screen and the crisis's documents as PDF.

use super::entries::{Row, row};
use super::frame::{Head, crisis_id, head, room_ctx, when};
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::PageCtx;
use crate::http::page::render;
use crate::register::display::choice_label;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use crisismap_app::crisis::Room;
use crisismap_app::i18n::{Tr, Value};
use crisismap_core::crisis::EntryKind;
use crisismap_core::time::local_display;

#[derive(Template)]
#[template(path = "crisis/sitrep.html")]
pub(super) struct SitrepPage {
    ctx: PageCtx,
    head: Head,
    /// The moment the page shows the picture at.
    as_of: String,
    /// "Situatierapport 4": the number the next issued report takes (this page is its draft).
    title: String,
    /// The issue button's words, with the number.
    issue_label: String,
    /// The reports issued before, newest first, in words.
    issued: Vec<String>,
    /// Whether the reader may issue the report.
    can_issue: bool,
    known: String,
    processes: Vec<(String, &'static str, String)>,
    decisions: Vec<(Row, String)>,
    since: Option<String>,
    sections: Vec<(&'static str, Vec<Row>)>,
    next_meeting: Option<String>,
    teams: Vec<String>,
}

pub(super) async fn sitrep(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let tr = Tr(auth.ctx.lang);
    let now = state.now();
    let ctx = room_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        &room,
        format!("{}: {}", tr.t("crisis-tab-sitrep"), room.state().title),
    )
    .await;
    let processes = room
        .processes_in_order()
        .into_iter()
        .map(|(record, st)| {
            let code = st.and_then(|e| e.text("status")).unwrap_or("normal");
            let expected = st
                .and_then(|e| e.text("expected_recovery"))
                .map(when)
                .unwrap_or_default();
            (
                record.title.clone(),
                choice_label(tr, "status", code),
                expected,
            )
        })
        .collect();
    let (since_ts, since_decisions) = room.decisions_since_last_meeting(now);
    let decisions = since_decisions
        .into_iter()
        .map(|(_, d)| {
            (
                row(&room, d, tr, now),
                d.text("decision").unwrap_or("").to_owned(),
            )
        })
        .collect();
    render(&SitrepPage {
        head: head(&room, tr, "situatierapport", auth.user()),
        as_of: local_display(now),
        title: tr.with(
            "crisis-sitrep-title",
            &[("number", Value::from(room.state().sitreps.len() + 1))],
        ),
        issue_label: tr.with(
            "crisis-sitrep-issue",
            &[("number", Value::from(room.state().sitreps.len() + 1))],
        ),
        issued: room
            .state()
            .sitreps
            .iter()
            .enumerate()
            .rev()
            .map(|(i, at)| {
                tr.with(
                    "crisis-sitrep-issued-line",
                    &[
                        ("number", Value::from(i + 1)),
                        ("at", Value::from(when(at))),
                    ],
                )
            })
            .collect(),
        can_issue: head(&room, tr, "", auth.user()).can_steer,
        known: room.state().known.clone(),
        processes,
        decisions,
        since: since_ts.map(local_display),
        sections: vec![
            (
                tr.t("e-effect-plural"),
                room.of(EntryKind::Effect)
                    .map(|e| row(&room, e, tr, now))
                    .collect(),
            ),
            (
                tr.t("crisis-facts_heading"),
                room.of(EntryKind::Fact)
                    .map(|e| row(&room, e, tr, now))
                    .collect(),
            ),
            (
                tr.t("crisis-open_actions"),
                room.of(EntryKind::Action)
                    .filter(|a| !matches!(a.text("status"), Some("closed")))
                    .map(|e| row(&room, e, tr, now))
                    .collect(),
            ),
            (
                tr.t("e-scenario-plural"),
                room.of(EntryKind::Scenario)
                    .map(|e| row(&room, e, tr, now))
                    .collect(),
            ),
            (
                tr.t("e-communication-plural"),
                room.of(EntryKind::Communication)
                    .map(|e| row(&room, e, tr, now))
                    .collect(),
            ),
        ],
        next_meeting: room.entries.next_meeting(now).map(local_display),
        teams: room
            .state()
            .teams
            .iter()
            .filter_map(|t| room.index.title(*t).map(str::to_owned))
            .collect(),
        ctx,
    })
}

// ---------------------------------------------------------------- guests

pub(super) fn pdf_response(pdf: crisismap_report::Pdf, name: &str) -> Response {
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/pdf".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        pdf.bytes,
    )
        .into_response()
}

pub(super) async fn sitrep_pdf(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    let data =
        crisismap_app::print::sitrep_data(&state, auth.user().workspace, id, auth.ctx.lang).await?;
    let pdf = crisismap_app::print::render_sitrep(data).await?;
    crate::http::auth::audit(
        &state,
        auth.ctx.audit("print", &format!("sitrep:{id}"), "ok"),
    )
    .await;
    Ok(pdf_response(pdf, "situatierapport.pdf"))
}

/// Issues the next situation report: records it in the crisis's series and answers with its
/// PDF, numbered and dated as of now.
pub(super) async fn issue_sitrep(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    state.store().crisis(auth.user().workspace, id).await?;
    crisismap_app::crisis::command(
        &state,
        &auth.principal,
        id,
        crisismap_core::crisis::CrisisCommand::IssueSitrep,
        None,
    )
    .await?;
    let data =
        crisismap_app::print::issued_sitrep_data(&state, auth.user().workspace, id, auth.ctx.lang)
            .await?;
    let number = data.number;
    let pdf = crisismap_app::print::render_sitrep(data).await?;
    crate::http::auth::audit(
        &state,
        auth.ctx.audit("print", &format!("sitrep:{id}"), "ok"),
    )
    .await;
    Ok(pdf_response(pdf, &format!("situatierapport-{number}.pdf")))
}

pub(super) async fn decisions_pdf(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    let data = crisismap_app::print::decision_record_data(
        &state,
        auth.user().workspace,
        id,
        auth.ctx.lang,
    )
    .await?;
    let pdf = crisismap_app::print::render_decisions(data).await?;
    crate::http::auth::audit(
        &state,
        auth.ctx.audit("print", &format!("decisions:{id}"), "ok"),
    )
    .await;
    Ok(pdf_response(pdf, "besluitenlijst.pdf"))
}
