//! Verantwoording: the account the mayor renders to the council, composed from the record
//! and nothing else: the summary, the key moments, every decision with its considerations,
//! alternatives and legal basis (replaced ones marked), the emergency powers used and the
//! state of their duties, the costs, the council's questions, the lessons, and the
//! verification of the crisis's hash chain. The record parts are read, never typed.

use super::costs::{CostTotals, cost_totals};
use super::frame::{Head, crisis_id, head, room_ctx, when};
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::{PageCtx, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use crisismap_app::crisis::Room;
use crisismap_app::crisis::timeline::HistoryLine;
use crisismap_app::i18n::Tr;
use crisismap_app::words::{choice_label, date_nl};
use crisismap_core::crisis::{EntryKind, overdue};
use crisismap_report::{ChainVerification, Decision};

/// An emergency power used, with the duties it started.
pub struct PowerUsed {
    pub decision: String,
    pub legal_basis: &'static str,
    pub at: String,
    /// Each duty: what, its status, when done, the evidence.
    pub duties: Vec<(String, &'static str, String, String)>,
}

/// A council question and where its answer stands.
pub struct QuestionLine {
    pub subject: String,
    pub asked_by: String,
    pub deadline: String,
    pub status: &'static str,
    pub late: bool,
    pub sent: String,
}

/// A lesson of the evaluation.
pub struct LessonLine {
    pub theme: &'static str,
    pub lesson: String,
}

#[derive(Template)]
#[template(path = "crisis/account.html")]
struct AccountPage {
    ctx: PageCtx,
    head: Head,
    period: String,
    handover: Option<(String, String)>,
    moments: Vec<HistoryLine>,
    decisions: Vec<Decision>,
    powers: Vec<PowerUsed>,
    costs: Option<CostTotals>,
    questions: Vec<QuestionLine>,
    lessons: Vec<LessonLine>,
    /// The evaluations held: (name, form, when, led by).
    evaluations: Vec<(String, &'static str, String, String)>,
    verification: ChainVerification,
}

/// Powers whose use starts duties towards the council and others.
const EMERGENCY_POWERS: [&str; 3] = ["gemw_175", "gemw_176", "wvr_39"];

pub(super) async fn account(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let id = crisis_id(&id)?;
    let ws = auth.user().workspace;
    let tr = Tr(auth.ctx.lang);
    let room = Room::load(&state, ws, id).await?;
    let record = crisismap_app::print::decision_record_data(&state, ws, id, auth.ctx.lang).await?;
    let moments = crisismap_app::crisis::timeline::history(&state, &room, tr).await?;
    let now = state.now();
    let ctx = room_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        &room,
        format!("{}: {}", tr.t("accountability-title"), room.state().title),
    )
    .await;
    let powers = room
        .of(EntryKind::Decision)
        .filter(|d| {
            d.text("power")
                .is_some_and(|p| EMERGENCY_POWERS.contains(&p))
        })
        .map(|d| PowerUsed {
            decision: d.title.clone(),
            legal_basis: choice_label(tr, "power", d.text("power").unwrap_or("")),
            at: d.text("decided_at").map(when).unwrap_or_default(),
            duties: room
                .of(EntryKind::Duty)
                .filter(|u| u.text("decision") == Some(d.id.to_string().as_str()))
                .map(|u| {
                    (
                        room.entry_title(EntryKind::Duty, &u.title, tr),
                        choice_label(tr, "status", u.text("status").unwrap_or("")),
                        u.text("done_at").map(when).unwrap_or_default(),
                        u.text("evidence").unwrap_or("").to_owned(),
                    )
                })
                .collect(),
        })
        .collect();
    let questions = room
        .of(EntryKind::CouncilQuestion)
        .map(|q| QuestionLine {
            subject: q.title.clone(),
            asked_by: q.text("asked_by").unwrap_or("").to_owned(),
            deadline: q.text("deadline").map(date_nl).unwrap_or_default(),
            status: choice_label(tr, "status", q.text("status").unwrap_or("")),
            late: overdue(q, now),
            sent: q.text("sent_on").map(date_nl).unwrap_or_default(),
        })
        .collect();
    let lessons = room
        .of(EntryKind::Finding)
        .filter_map(|f| {
            let lesson = f.text("lesson")?.trim();
            (!lesson.is_empty()).then(|| LessonLine {
                theme: choice_label(tr, "theme", f.text("theme").unwrap_or("")),
                lesson: lesson.to_owned(),
            })
        })
        .collect();
    let evaluations = room
        .of(EntryKind::Evaluation)
        .map(|e| {
            (
                e.title.clone(),
                choice_label(tr, "method", e.text("method").unwrap_or("")),
                e.text("held_on").map(date_nl).unwrap_or_default(),
                e.text("led_by").unwrap_or("").to_owned(),
            )
        })
        .collect();
    let handover = room
        .state()
        .handover
        .as_ref()
        .map(|h| (h.coordinator.clone(), when(&h.at)));
    render(&AccountPage {
        head: head(&room, tr, "verantwoording", &auth.principal.user),
        period: record.period,
        handover,
        moments,
        decisions: record.decisions,
        powers,
        costs: cost_totals(&room, tr),
        questions,
        lessons,
        evaluations,
        verification: record.verification,
        ctx,
    })
}
