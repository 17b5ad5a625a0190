//! The readiness checklist: the guidance's items by phase, scored from the register and
//! from what the advisor marks.

use super::display::{date_nl, record_href};
use super::frame::page_ctx;
use super::pages::{form_page, form_pairs};
use crate::AppState;
use crate::http::auth::{Authed, EditorUp, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::PageCtx;
use crate::http::page::render;
use askama::Template;
use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use crisismap_app::i18n::Tr;
use crisismap_app::register::Index;
use crisismap_core::register::readiness::{ChecklistPhase, scores};
use crisismap_core::register::{RawRecord, RecordKind};
use serde::Deserialize;

pub struct ReadinessRow {
    pub code: &'static str,
    pub text: &'static str,
    pub status_code: &'static str,
    pub status: &'static str,
    pub proof: Option<&'static str>,
    pub evidence: Vec<(String, String)>,
    pub owner: String,
    pub note: String,
    pub reviewed: String,
}

pub struct ReadinessPhase {
    pub code: &'static str,
    pub title: &'static str,
    pub done: usize,
    pub total: usize,
    pub rows: Vec<ReadinessRow>,
}

#[derive(Template)]
#[template(path = "register/readiness.html")]
pub(super) struct ReadinessPage {
    ctx: PageCtx,
    can_edit: bool,
    phases: Vec<ReadinessPhase>,
    flash: Option<&'static str>,
}

#[derive(Deserialize, Default)]
pub struct FlashQuery {
    melding: Option<String>,
}

pub async fn readiness_page(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Query(q): Query<FlashQuery>,
) -> Result<Html<String>, AppError> {
    let tr = Tr(auth.ctx.lang);
    let ctx = page_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        tr.t("part-readiness-title").to_owned(),
    )
    .await?;
    let index = Index::load(&state, auth.user().workspace).await?;
    let assessments = index.evidence().assess(state.now());
    let score = scores(&assessments);
    let phases = ChecklistPhase::ALL
        .iter()
        .map(|phase| {
            let (_, done, total) = score
                .iter()
                .find(|(p, _, _)| p == phase)
                .copied()
                .unwrap_or((*phase, 0, 0));
            let rows = assessments
                .iter()
                .filter(|a| a.phase == *phase)
                .map(|a| {
                    let rec = a.record.and_then(|id| index.get(id));
                    let view = rec
                        .and_then(|r| r.view::<crisismap_core::register::views::ReadinessView>());
                    ReadinessRow {
                        code: a.code,
                        text: tr.t(&format!("readiness-{}", a.code)),
                        status_code: a.status.code(),
                        status: tr.t(&format!("c-status-{}", a.status.code())),
                        proof: a.proven.map(|ok| {
                            tr.t(&format!(
                                "readiness-{}-{}",
                                a.code,
                                if ok { "proven" } else { "missing" }
                            ))
                        }),
                        evidence: a
                            .evidence_records
                            .iter()
                            .copied()
                            .chain(view.iter().flat_map(|v| v.links.iter().map(|l| l.record)))
                            .filter_map(|id| {
                                index
                                    .get(id)
                                    .map(|r| (record_href(r.kind, r.id), r.title.clone()))
                            })
                            .collect(),
                        owner: view
                            .as_ref()
                            .and_then(|v| v.owner)
                            .and_then(|o| index.title(o))
                            .unwrap_or("")
                            .to_owned(),
                        note: view
                            .as_ref()
                            .and_then(|v| v.evidence.clone())
                            .unwrap_or_default(),
                        reviewed: view
                            .as_ref()
                            .and_then(|v| v.last_reviewed)
                            .map(|d| date_nl(&d.to_string()))
                            .unwrap_or_default(),
                    }
                })
                .collect();
            ReadinessPhase {
                code: phase.code(),
                title: tr.t(&format!("readiness-phase-{}", phase.code())),
                done,
                total,
                rows,
            }
        })
        .collect();
    render(&ReadinessPage {
        ctx,
        can_edit: auth.user().role.allows(crisismap_core::Role::Editor),
        phases,
        flash: tr.flash(q.melding.as_deref(), &["saved"]),
    })
}

pub(super) fn readiness_item(code: &str) -> Result<&'static str, AppError> {
    crisismap_core::register::readiness::ITEM_CODES
        .iter()
        .find(|c| **c == code)
        .copied()
        .ok_or(AppError::NotFound)
}

pub async fn readiness_form(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path(item): Path<String>,
) -> Result<Response, AppError> {
    let item = readiness_item(&item)?;
    let records = state
        .store()
        .records(auth.user().workspace, RecordKind::Readiness)
        .await?;
    let existing = records.into_iter().find(|r| r.title == item);
    let mut raw = match &existing {
        Some(r) => RawRecord::from_data(RecordKind::Readiness.schema(), &r.data),
        None => RawRecord::default(),
    };
    raw.fields.insert("item".into(), item.to_owned());
    form_page(
        &state,
        &auth,
        RecordKind::Readiness,
        existing.as_ref(),
        raw,
        vec![],
        false,
        StatusCode::OK,
    )
    .await
}

/// A checklist item's own address leads to its row on the checklist.
pub async fn readiness_item_page(Path(item): Path<String>) -> Response {
    let anchor = crisismap_core::register::readiness::ITEM_CODES
        .iter()
        .find(|c| **c == item)
        .map(|c| format!("#r-{c}"))
        .unwrap_or_default();
    Redirect::to(&format!("/voorbereiden/gereedheid{anchor}")).into_response()
}

pub async fn readiness_save(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path(item): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let item = readiness_item(&item)?;
    let (mut raw, rev) = form_pairs(&body)?;
    raw.fields.insert("item".into(), item.to_owned());
    let existing = state
        .store()
        .records(auth.user().workspace, RecordKind::Readiness)
        .await?
        .into_iter()
        .find(|r| r.title == item);
    super::pages::save_from_form(
        &state,
        &auth,
        RecordKind::Readiness,
        existing.as_ref(),
        rev,
        raw,
        |_| format!("/voorbereiden/gereedheid?melding=saved#r-{item}"),
    )
    .await
}
