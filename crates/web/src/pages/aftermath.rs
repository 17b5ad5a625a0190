//! Nafase: the crises in their aftermath or closed, with their evaluation and the duties that
//! still run, and the improvement actions their lessons became.

use crate::AppState;
use crate::crisis::crisis_href;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::{PageCtx, Section, render};
use askama::Template;
use axum::extract::State;
use axum::response::Html;
use crisismap_app::i18n::Tr;
use crisismap_app::register::Index;
use crisismap_core::Role;
use crisismap_core::crisis::{EntryKind, Phase};
use crisismap_core::register::RecordKind;

/// One crisis in the aftermath (or closed), as the Nafase page lists it.
pub struct AftermathCrisis {
    pub title: String,
    pub href: String,
    pub exercise: bool,
    pub closed: bool,
    pub phase: &'static str,
    /// Findings that went well and that are to improve.
    pub went_well: usize,
    pub to_improve: usize,
    /// Duties still open.
    pub open_duties: usize,
    /// Who coordinates the aftermath (while it runs).
    pub coordinator: Option<String>,
    /// Council questions not yet answered, and how many of them are late.
    pub open_questions: usize,
    pub late_questions: usize,
    /// What the crisis cost so far, including VAT; empty when nothing was recorded.
    pub costs: String,
}

/// An improvement action in the list: overdue ones first.
pub struct ImprovementLine {
    pub title: String,
    pub href: String,
    pub due: String,
    pub overdue: bool,
    pub status: &'static str,
}

#[derive(Template)]
#[template(path = "aftermath.html")]
struct AftermathPage {
    ctx: PageCtx,
    crises: Vec<AftermathCrisis>,
    improvements: Vec<ImprovementLine>,
    open_improvements: usize,
    overdue_improvements: usize,
    done_improvements: usize,
    can_edit: bool,
    /// Administrators also see the aftercare of each crisis.
    admin: bool,
}

pub async fn aftermath(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Html<String>, AppError> {
    let tr = Tr(auth.ctx.lang);
    let ws = auth.user().workspace;
    let mut ctx = PageCtx::user(&state, &auth.principal, &auth.ctx, Section::Aftermath, "").await;
    ctx.title = tr.t("section-aftermath-title").to_owned();
    let mut crises = vec![];
    for c in state.store().crises(ws).await? {
        if !(c.state.closed || c.state.phase == Phase::Aftermath) {
            continue;
        }
        // A guest sees only their own crisis; the aftermath lists only what they may open.
        if auth.user().crisis_scope.is_some_and(|s| s != c.id) {
            continue;
        }
        let entries = state
            .store()
            .entries(
                ws,
                c.id,
                &[
                    EntryKind::Finding,
                    EntryKind::Duty,
                    EntryKind::Cost,
                    EntryKind::CouncilQuestion,
                ],
            )
            .await?;
        let now = state.now();
        let open_questions: Vec<_> = entries
            .iter()
            .filter(|e| e.kind == EntryKind::CouncilQuestion && e.text("status") != Some("sent"))
            .collect();
        let costs = crisismap_core::crisis::costs::totals(&entries);
        let verdict = |v: &str| {
            entries
                .iter()
                .filter(|e| e.kind == EntryKind::Finding && e.text("verdict") == Some(v))
                .count()
        };
        crises.push(AftermathCrisis {
            title: c.state.title.clone(),
            href: crisis_href(c.id),
            exercise: c.state.exercise,
            closed: c.state.closed,
            phase: tr.t(&format!("c-phase-{}", c.state.phase.code())),
            went_well: verdict("went_well"),
            to_improve: verdict("to_improve"),
            open_duties: entries
                .iter()
                .filter(|e| e.kind == EntryKind::Duty && e.text("status") == Some("open"))
                .count(),
            coordinator: c
                .state
                .handover
                .as_ref()
                .filter(|_| !c.state.closed && c.state.phase == Phase::Aftermath)
                .map(|h| h.coordinator.clone()),
            open_questions: open_questions.len(),
            late_questions: open_questions
                .iter()
                .filter(|e| crisismap_core::crisis::overdue(e, now))
                .count(),
            costs: if costs.all.items == 0 {
                String::new()
            } else {
                crisismap_core::money::display(costs.all.total(), tr.0)
            },
        });
    }
    let index = Index::load(&state, ws).await?;
    let today = state
        .now()
        .to_zoned(crisismap_core::time::amsterdam().clone())
        .date();
    let mut lines: Vec<(bool, String, ImprovementLine)> = index
        .live(RecordKind::Improvement)
        .map(|r| {
            let status = r
                .data
                .get("status")
                .and_then(|v| v.as_str())
                .unwrap_or("open");
            let due = r
                .data
                .get("due_on")
                .and_then(|v| v.as_str())
                .and_then(|d| d.parse::<jiff::civil::Date>().ok());
            let overdue = status != "done" && due.is_some_and(|d| d < today);
            (
                status == "done",
                due.map(|d| d.to_string()).unwrap_or_else(|| "9999".into()),
                ImprovementLine {
                    title: r.title.clone(),
                    href: crate::register::display::record_href(RecordKind::Improvement, r.id),
                    due: due
                        .map(|d| d.strftime("%d-%m-%Y").to_string())
                        .unwrap_or_default(),
                    overdue,
                    status: crate::register::display::choice_label(tr, "status", status),
                },
            )
        })
        .collect();
    // Overdue first, then by due date; done ones last.
    lines.sort_by(|a, b| (a.0, !a.2.overdue, &a.1).cmp(&(b.0, !b.2.overdue, &b.1)));
    let open_improvements = lines.iter().filter(|l| !l.0).count();
    let overdue_improvements = lines.iter().filter(|l| l.2.overdue).count();
    let done_improvements = lines.iter().filter(|l| l.0).count();
    render(&AftermathPage {
        crises,
        improvements: lines.into_iter().filter(|l| !l.0).map(|l| l.2).collect(),
        open_improvements,
        overdue_improvements,
        done_improvements,
        can_edit: auth.user().role.allows(Role::Editor),
        admin: auth.user().role == Role::Admin,
        ctx,
    })
}
