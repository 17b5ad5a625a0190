//! The evaluation report of a crisis or exercise as PDF: the evaluations held, the findings
//! by theme (what went well, what is to improve) with what in the record they cite, and the
//! lessons with the improvement actions they became in the preparation register.

use super::frame::{crisis_id, when};
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use axum::extract::{Path, State};
use axum::response::Response;
use crisismap_app::crisis::Room;
use crisismap_app::i18n::Tr;
use crisismap_app::words::{choice_label, date_nl};
use crisismap_core::crisis::EntryKind;
use crisismap_core::crisis::lessons::same_lesson;
use crisismap_core::register::RecordKind;
use crisismap_core::register::kinds::THEMES;
use crisismap_report::{Block, DocumentData, Part};

pub(super) async fn evaluation_pdf(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    let ws = auth.user().workspace;
    let tr = Tr(auth.ctx.lang);
    let t = |k: &str| tr.t(k).to_owned();
    let room = Room::load(&state, ws, id).await?;
    let s = room.state();
    let mut parts = vec![];

    let evaluations: Vec<_> = room.of(EntryKind::Evaluation).collect();
    let mut held = vec![];
    if evaluations.is_empty() {
        held.push(Block::Text {
            text: t("evaluation-report-none"),
        });
    }
    for e in &evaluations {
        held.push(Block::Subheading {
            text: e.title.clone(),
        });
        held.push(Block::Facts {
            pairs: vec![
                (
                    t("f-evaluation-method"),
                    choice_label(tr, "method", e.text("method").unwrap_or("")).to_owned(),
                ),
                (
                    t("f-evaluation-held_on"),
                    e.text("held_on").map(date_nl).unwrap_or_default(),
                ),
                (
                    t("f-evaluation-led_by"),
                    e.text("led_by").unwrap_or("").to_owned(),
                ),
                (
                    t("f-evaluation-participants"),
                    e.text("participants").unwrap_or("").to_owned(),
                ),
                (
                    t("f-evaluation-scope"),
                    e.text("scope").unwrap_or("").to_owned(),
                ),
            ],
        });
        if let Some(c) = e.text("conclusions").filter(|c| !c.trim().is_empty()) {
            held.push(Block::Text { text: c.to_owned() });
        }
    }
    parts.push(Part {
        heading: t("e-evaluation-plural"),
        blocks: held,
    });
    // An exercise's own figures: for its staff while it runs, for every reader once it ended
    // (players do not see the observations while they play).
    if let Some(run) = s
        .exercise_run
        .as_ref()
        .filter(|r| r.ended_at.is_some() || r.staff(auth.user().id).is_some())
    {
        parts.extend(exercise_parts(&state, &room, run, tr).await?);
    }

    // What each finding cites, in words: a log line, a decision, a moment.
    let mut findings = vec![];
    for theme in THEMES {
        let of_theme: Vec<_> = room
            .of(EntryKind::Finding)
            .filter(|f| f.text("theme") == Some(theme))
            .collect();
        if of_theme.is_empty() {
            continue;
        }
        let mut rows = vec![];
        for f in of_theme {
            let mut cites = vec![];
            if let Some(log) = f.text("log").and_then(|l| l.parse().ok())
                && let Ok(line) = state.store().entry(ws, id, log).await
            {
                cites.push(format!(
                    "{} {}: {}",
                    t("evaluation-report-log"),
                    crisismap_core::time::local_display(line.occurred_at),
                    line.text("text").unwrap_or(&line.title)
                ));
            }
            if let Some(d) = f
                .text("decision")
                .and_then(|d| d.parse().ok())
                .and_then(|d| room.entry(d))
            {
                cites.push(format!("{}: {}", t("evaluation-report-decision"), d.title));
            }
            if let Some(m) = f.text("moment") {
                cites.push(format!("{}: {}", t("evaluation-report-moment"), when(m)));
            }
            rows.push(vec![
                choice_label(tr, "verdict", f.text("verdict").unwrap_or("")).to_owned(),
                f.title.clone(),
                cites.join("\n"),
                f.text("lesson").unwrap_or("").to_owned(),
            ]);
        }
        findings.push(Block::Subheading {
            text: choice_label(tr, "theme", theme).to_owned(),
        });
        findings.push(Block::Table {
            header: vec![
                t("f-finding-verdict"),
                t("f-finding-finding"),
                t("evaluation-report-cites"),
                t("f-finding-lesson"),
            ],
            widths: vec![1, 3, 3, 3],
            rows,
        });
    }
    if findings.is_empty() {
        findings.push(Block::Text {
            text: t("evaluation-report-no_findings"),
        });
    }
    parts.push(Part {
        heading: t("evaluation-report-findings"),
        blocks: findings,
    });

    // Each lesson with the improvement action it became, if any.
    let improvements: Vec<_> = room.index.live(RecordKind::Improvement).collect();
    let rows: Vec<Vec<String>> = room
        .of(EntryKind::Finding)
        .filter_map(|f| {
            let lesson = f.text("lesson")?.trim();
            if lesson.is_empty() {
                return None;
            }
            let action = improvements.iter().find(|i| {
                let theirs = i.data.get("lesson").and_then(|v| v.as_str()).unwrap_or("");
                theirs.trim() == lesson || same_lesson(theirs, lesson)
            });
            let field = |n: &str| {
                action
                    .and_then(|a| a.data.get(n))
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_owned()
            };
            Some(vec![
                lesson.to_owned(),
                action.map_or_else(|| t("evaluation-report-no_action"), |a| a.title.clone()),
                field("owner")
                    .parse()
                    .ok()
                    .and_then(|o| room.index.title(o))
                    .unwrap_or("")
                    .to_owned(),
                date_nl(&field("due_on")),
                if action.is_some() {
                    choice_label(tr, "status", &field("status")).to_owned()
                } else {
                    String::new()
                },
            ])
        })
        .collect();
    parts.push(Part {
        heading: t("evaluation-report-lessons"),
        blocks: vec![Block::Table {
            header: vec![
                t("f-finding-lesson"),
                t("k-improvement-one"),
                t("f-improvement-owner"),
                t("f-improvement-due_on"),
                t("f-improvement-status"),
            ],
            widths: vec![3, 3, 2, 1, 1],
            rows,
        }],
    });

    let data = DocumentData {
        lang: tr.0,
        workspace: state.store().workspace(ws).await?.name,
        printed_at: state.now(),
        exercise: s.exercise,
        kind: t("evaluation-report-title"),
        title: s.title.clone(),
        facts: vec![
            (t("crisis-phase"), t(&format!("c-phase-{}", s.phase.code()))),
            (
                t("evaluation-report-count"),
                room.of(EntryKind::Finding).count().to_string(),
            ),
        ],
        parts,
    };
    let pdf = crisismap_app::print::render_document(data).await?;
    crate::http::auth::audit(
        &state,
        auth.ctx.audit("print", &format!("evaluation:{id}"), "ok"),
    )
    .await;
    Ok(super::documents::pdf_response(pdf, "evaluatie.pdf"))
}

/// The exercise's part of the report: how its function sets the judgement, the learning
/// goals with their ratings and observations, and each inject with the players' first
/// response measured from the record.
async fn exercise_parts(
    state: &AppState,
    room: &Room,
    run: &crisismap_core::crisis::ExerciseRun,
    tr: Tr,
) -> Result<Vec<Part>, AppError> {
    let t = |k: &str| tr.t(k).to_owned();
    let figures = super::exercise::figures(state, room, run, tr).await?;
    let function = room
        .index
        .get(run.script)
        .and_then(|r| r.text("function"))
        .unwrap_or("developing");
    let mut goals = vec![Block::Text {
        text: t(&format!("exercise-judged-{function}")),
    }];
    goals.push(Block::Table {
        header: vec![
            t("f-observation-goal"),
            t("f-observation-rating"),
            t("exercise-observations"),
        ],
        widths: vec![3, 4, 1],
        rows: figures
            .goals
            .iter()
            .map(|g| {
                vec![
                    g.name.clone(),
                    g.ratings
                        .iter()
                        .map(|(rating, why)| format!("{rating}: {why}"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                    g.observations.to_string(),
                ]
            })
            .collect(),
    });
    let mut injects = vec![];
    if let Some(m) = figures.median_response {
        injects.push(Block::Facts {
            pairs: vec![(
                t("exercise-median_response"),
                format!("{m} {}", t("cascade-minutes_short")),
            )],
        });
    }
    injects.push(Block::Table {
        header: vec![
            t("f-inject-number"),
            t("exercise-moment"),
            t("f-inject-sender"),
            t("f-inject-to"),
            t("f-inject-status"),
            t("f-inject-released_at"),
            t("exercise-response"),
        ],
        widths: vec![1, 2, 3, 2, 2, 2, 2],
        rows: figures
            .injects
            .iter()
            .map(|i| {
                vec![
                    i.number.to_string(),
                    i.moment.clone(),
                    i.source.clone(),
                    i.to.clone(),
                    i.state.to_owned(),
                    i.released_at.clone(),
                    i.response
                        .map(|m| format!("{m} {}", t("cascade-minutes_short")))
                        .unwrap_or_default(),
                ]
            })
            .collect(),
    });
    Ok(vec![
        Part {
            heading: t("exercise-goals_rated"),
            blocks: goals,
        },
        Part {
            heading: t("exercise-injects_responses"),
            blocks: injects,
        },
    ])
}
