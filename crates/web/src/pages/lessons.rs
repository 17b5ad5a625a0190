//! The lessons register (leerpunten): every lesson of every crisis and exercise, by theme, the
//! newest first; a lesson an earlier crisis or exercise already taught is flagged as learned
//! again.

use crate::AppState;
use crate::crisis::crisis_href;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::{PageCtx, Section, render};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use crisismap_app::i18n::Tr;
use crisismap_app::words::choice_label;
use crisismap_core::crisis::EntryKind;
use crisismap_core::crisis::lessons::same_lesson;
use crisismap_core::register::kinds::THEMES;
use serde::Deserialize;

/// One lesson in the register.
pub struct LessonRow {
    pub lesson: String,
    pub theme: &'static str,
    theme_code: String,
    pub crisis: String,
    pub href: String,
    pub exercise: bool,
    pub started: String,
    /// The earlier crisis or exercise that taught it already, when one did.
    pub learned_before: Option<String>,
}

#[derive(Template)]
#[template(path = "lessons.html")]
struct LessonsPage {
    ctx: PageCtx,
    rows: Vec<LessonRow>,
    themes: Vec<(&'static str, &'static str)>,
    theme: String,
    again: usize,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LessonsQuery {
    thema: String,
}

pub async fn lessons(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Query(q): Query<LessonsQuery>,
) -> Result<Html<String>, AppError> {
    let tr = Tr(auth.ctx.lang);
    let ws = auth.user().workspace;
    let mut ctx = PageCtx::user(&state, &auth.principal, &auth.ctx, Section::Aftermath, "").await;
    ctx.title = tr.t("lessons-title").to_owned();
    let mut crises = state.store().crises(ws).await?;
    // A guest sees only their own crisis.
    crises.retain(|c| auth.user().crisis_scope.is_none_or(|s| s == c.id));
    crises.sort_by(|a, b| a.state.started_at.cmp(&b.state.started_at));
    // (crisis, lesson, theme, finding), oldest crisis first
    let mut all = vec![];
    for c in &crises {
        for f in state
            .store()
            .entries(ws, c.id, &[EntryKind::Finding])
            .await?
        {
            let lesson = f.text("lesson").unwrap_or("").trim().to_owned();
            if lesson.is_empty() {
                continue;
            }
            all.push((c, lesson, f.text("theme").unwrap_or("").to_owned(), f.id));
        }
    }
    let mut rows = vec![];
    for (i, (c, lesson, theme, finding)) in all.iter().enumerate() {
        let learned_before = all[..i]
            .iter()
            .find(|(earlier, l, t, _)| earlier.id != c.id && t == theme && same_lesson(l, lesson))
            .map(|(earlier, ..)| earlier.state.title.clone());
        rows.push(LessonRow {
            lesson: lesson.clone(),
            theme: choice_label(tr, "theme", theme),
            theme_code: theme.clone(),
            crisis: c.state.title.clone(),
            href: format!("{}/bevindingen/{finding}", crisis_href(c.id)),
            exercise: c.state.exercise,
            started: c
                .state
                .first_moment()
                .map(|t| {
                    t.to_zoned(crisismap_core::time::amsterdam().clone())
                        .strftime("%d-%m-%Y")
                        .to_string()
                })
                .unwrap_or_default(),
            learned_before,
        });
    }
    let theme = q.thema.trim().to_owned();
    rows.retain(|r| theme.is_empty() || r.theme_code == theme);
    rows.reverse();
    let again = rows.iter().filter(|r| r.learned_before.is_some()).count();
    render(&LessonsPage {
        rows,
        themes: THEMES
            .iter()
            .map(|t| (*t, choice_label(tr, "theme", t)))
            .collect(),
        theme,
        again,
        ctx,
    })
}
