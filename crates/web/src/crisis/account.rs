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
use axum::response::{Html, Response};
use crisismap_app::crisis::Room;
use crisismap_app::crisis::timeline::HistoryLine;
use crisismap_app::i18n::Tr;
use crisismap_app::words::{choice_label, date_nl};
use crisismap_core::DomainEvent;
use crisismap_core::crisis::{Entry, EntryKind, overdue};
use crisismap_report::{Block, ChainVerification, Decision, DocumentData, Part};

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

/// The advisor's own text of the account, as its latest version reads, with every version
/// from draft to adopted.
pub struct AccountText {
    pub href: String,
    pub title: String,
    pub status: &'static str,
    pub adopted: bool,
    /// The narrative sections that are filled in: (heading, text).
    pub sections: Vec<(&'static str, String)>,
    /// Every version, oldest first: (number, state, recorded at, by whom, adopted by and on).
    pub versions: Vec<(i64, &'static str, String, String, String)>,
}

/// The account, composed once for the page and the PDF.
struct Account {
    title: String,
    exercise: bool,
    classification: &'static str,
    grip: &'static str,
    phase: &'static str,
    closed: bool,
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
    text: Option<AccountText>,
    verification: ChainVerification,
}

#[derive(Template)]
#[template(path = "crisis/account.html")]
struct AccountPage {
    ctx: PageCtx,
    head: Head,
    a: Account,
    /// May write the account's own text.
    can_write_text: bool,
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
    let a = compose(&state, &room, tr).await?;
    let ctx = room_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        &room,
        format!("{}: {}", tr.t("accountability-title"), room.state().title),
    )
    .await;
    let head = head(&room, tr, "verantwoording", &auth.principal.user);
    render(&AccountPage {
        can_write_text: head.writes(EntryKind::AccountText.slug()) && !head.closed,
        head,
        a,
        ctx,
    })
}

/// The account to the council as a PDF, the same parts as the page.
pub(super) async fn account_pdf(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    let ws = auth.user().workspace;
    let tr = Tr(auth.ctx.lang);
    let room = Room::load(&state, ws, id).await?;
    let a = compose(&state, &room, tr).await?;
    let workspace = state.store().workspace(ws).await?.name;
    let data = document(a, tr, workspace, state.now());
    let pdf = crisismap_app::print::render_document(data).await?;
    crate::http::auth::audit(
        &state,
        auth.ctx.audit("print", &format!("account:{id}"), "ok"),
    )
    .await;
    Ok(super::documents::pdf_response(pdf, "verantwoording.pdf"))
}

async fn compose(state: &AppState, room: &Room, tr: Tr) -> Result<Account, AppError> {
    let record = crisismap_app::print::decision_record_of(state, room, tr.0).await?;
    let moments = crisismap_app::crisis::timeline::history(state, room, tr).await?;
    let now = state.now();
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
    let text = match room.of(EntryKind::AccountText).last() {
        None => None,
        Some(t) => Some(account_text(state, room, t, tr).await?),
    };
    let s = room.state();
    Ok(Account {
        title: s.title.clone(),
        exercise: s.exercise,
        classification: match s.classification {
            Some(c) => tr.t(&format!("c-classification-{}", c.code())),
            None => tr.t("crisis-unclassified"),
        },
        grip: tr.t(&format!("c-grip-{}", s.grip.code())),
        phase: tr.t(&format!("c-phase-{}", s.phase.code())),
        closed: s.closed,
        period: record.period,
        handover,
        moments,
        decisions: record.decisions,
        powers,
        costs: cost_totals(room, tr),
        questions,
        lessons,
        evaluations,
        text,
        verification: record.verification,
    })
}

const SECTIONS: [(&str, &str); 4] = [
    ("introduction", "f-account_text-introduction"),
    ("course", "f-account_text-course"),
    ("reflection", "f-account_text-reflection"),
    ("conclusions", "f-account_text-conclusions"),
];

async fn account_text(
    state: &AppState,
    room: &Room,
    t: &Entry,
    tr: Tr,
) -> Result<AccountText, AppError> {
    let versions = state.store().entry_versions(room.id(), t.id).await?;
    let versions = versions
        .iter()
        .filter_map(|env| match env.event().ok()? {
            DomainEvent::EntrySaved { rev, data, .. } => {
                let field = |n: &str| data.get(n).and_then(|v| v.as_str()).unwrap_or("");
                let adopted = if field("status") == "adopted" {
                    format!("{}, {}", field("adopted_by"), date_nl(field("adopted_on")))
                } else {
                    String::new()
                };
                Some((
                    rev,
                    choice_label(tr, "status", field("status")),
                    crisismap_core::time::local_display(env.recorded_at),
                    room.actor_name(&env.actor),
                    adopted,
                ))
            }
            _ => None,
        })
        .collect();
    Ok(AccountText {
        href: format!(
            "{}/{}/{}",
            super::frame::crisis_href(room.id()),
            EntryKind::AccountText.slug(),
            t.id
        ),
        title: t.title.clone(),
        status: choice_label(tr, "status", t.text("status").unwrap_or("")),
        adopted: t.text("status") == Some("adopted"),
        sections: SECTIONS
            .iter()
            .filter_map(|(field, label)| {
                let text = t.text(field)?.trim();
                (!text.is_empty()).then(|| (tr.t(label), text.to_owned()))
            })
            .collect(),
        versions,
    })
}

/// The account as a printed document: the same parts, in the same order, as the page.
fn document(a: Account, tr: Tr, workspace: String, now: jiff::Timestamp) -> DocumentData {
    let t = |k: &str| tr.t(k).to_owned();
    let mut facts = vec![
        (t("accountability-period"), a.period.clone()),
        (t("crisis-classification"), a.classification.to_owned()),
        (t("crisis-grip"), a.grip.to_owned()),
        (
            t("crisis-phase"),
            if a.closed {
                format!("{} ({})", a.phase, t("crisis-closed"))
            } else {
                a.phase.to_owned()
            },
        ),
    ];
    if let Some((who, at)) = &a.handover {
        facts.push((
            t("accountability-handover"),
            format!("{at}; {}: {who}", t("crisis-coordinator")),
        ));
    }
    if let Some(text) = &a.text {
        let state = match text.versions.last() {
            Some((n, status, _, _, adopted)) if !adopted.is_empty() => {
                format!("{} {n}: {status}, {adopted}", t("accountability-version"))
            }
            Some((n, status, _, _, _)) => format!("{} {n}: {status}", t("accountability-version")),
            None => text.status.to_owned(),
        };
        facts.push((t("f-account_text-status"), state));
    }
    let mut parts = vec![];
    if let Some(text) = &a.text {
        for (heading, body) in &text.sections {
            parts.push(Part {
                heading: (*heading).to_owned(),
                blocks: vec![Block::Text { text: body.clone() }],
            });
        }
    }
    parts.push(Part {
        heading: t("accountability-moments"),
        blocks: vec![Block::Table {
            header: vec![
                t("accountability-when"),
                t("accountability-what"),
                t("accountability-who"),
            ],
            widths: vec![1, 3, 1],
            rows: a
                .moments
                .iter()
                .map(|m| {
                    let what = if m.reason.is_empty() {
                        m.what.clone()
                    } else {
                        format!("{}: {}", m.what, m.reason)
                    };
                    vec![m.at.clone(), what, m.who.clone()]
                })
                .collect(),
        }],
    });
    parts.push(Part {
        heading: t("accountability-decisions"),
        blocks: vec![Block::Decisions {
            decisions: a.decisions,
        }],
    });
    let mut powers = vec![];
    if a.powers.is_empty() {
        powers.push(Block::Text {
            text: t("accountability-no_powers"),
        });
    }
    for p in a.powers {
        powers.push(Block::Subheading {
            text: format!("{}: {} ({})", p.legal_basis, p.decision, p.at),
        });
        powers.push(Block::Table {
            header: vec![
                t("accountability-duty"),
                t("f-duty-status"),
                t("f-duty-done_at"),
                t("f-duty-evidence"),
            ],
            widths: vec![3, 1, 1, 3],
            rows: p
                .duties
                .into_iter()
                .map(|(duty, status, done, evidence)| vec![duty, status.to_owned(), done, evidence])
                .collect(),
        });
    }
    parts.push(Part {
        heading: t("accountability-powers"),
        blocks: powers,
    });
    parts.push(Part {
        heading: t("e-cost-plural"),
        blocks: vec![match a.costs {
            None => Block::Text {
                text: t("accountability-no_costs"),
            },
            Some(c) => Block::Table {
                header: vec![
                    t("costs-category"),
                    t("costs-amount"),
                    t("costs-vat"),
                    t("costs-total"),
                ],
                widths: vec![3, 2, 2, 2],
                rows: c
                    .lines
                    .into_iter()
                    .chain(std::iter::once(c.all))
                    .map(|l| vec![l.label.to_owned(), l.amount, l.vat, l.total])
                    .collect(),
            },
        }],
    });
    parts.push(Part {
        heading: t("e-council_question-plural"),
        blocks: vec![Block::Table {
            header: vec![
                t("f-council_question-subject"),
                t("f-council_question-asked_by"),
                t("f-council_question-deadline"),
                t("f-council_question-status"),
            ],
            widths: vec![3, 2, 1, 2],
            rows: a
                .questions
                .into_iter()
                .map(|q| {
                    let status = if q.sent.is_empty() {
                        q.status.to_owned()
                    } else {
                        format!("{} {}", q.status, q.sent)
                    };
                    vec![q.subject, q.asked_by, q.deadline, status]
                })
                .collect(),
        }],
    });
    let mut lessons = vec![];
    if !a.evaluations.is_empty() {
        lessons.push(Block::Table {
            header: vec![
                t("e-evaluation-one"),
                t("f-evaluation-method"),
                t("f-evaluation-held_on"),
                t("f-evaluation-led_by"),
            ],
            widths: vec![3, 2, 1, 2],
            rows: a
                .evaluations
                .into_iter()
                .map(|(name, method, held, led)| vec![name, method.to_owned(), held, led])
                .collect(),
        });
    }
    lessons.push(Block::Table {
        header: vec![t("f-finding-theme"), t("f-finding-lesson")],
        widths: vec![1, 3],
        rows: a
            .lessons
            .into_iter()
            .map(|l| vec![l.theme.to_owned(), l.lesson])
            .collect(),
    });
    parts.push(Part {
        heading: t("accountability-lessons"),
        blocks: lessons,
    });
    parts.push(Part {
        heading: t("accountability-verification"),
        blocks: vec![
            Block::Verification {
                verification: a.verification,
            },
            Block::Text {
                text: t("accountability-verify_hint"),
            },
        ],
    });
    DocumentData {
        lang: tr.0,
        workspace,
        printed_at: now,
        exercise: a.exercise,
        kind: t("accountability-document"),
        title: a.title,
        facts,
        parts,
    }
}
