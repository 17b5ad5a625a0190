//! Oefenen: the training and exercise plan by year (and over the years), the exercises
//! running now, starting one from a script, the scripts and the built-in scenarios, the
//! learning goals, and the evaluations of exercises held. The plan, scripts and goals are
//! register records (`/voorbereiden/oefeningen`, `draaiboeken`, `leerdoelen`); running an
//! exercise happens in the crisis room, under the OEFENING banner.

use crate::AppState;
use crate::http::auth::{Authed, EditorUp, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::{PageCtx, Section, render};
use askama::Template;
use axum::extract::{Path, Query, RawForm, State};
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_app::exercise;
use crisismap_app::i18n::Tr;
use crisismap_app::register::Index;
use crisismap_app::words::{choice_label, date_nl};
use crisismap_core::register::{RecordId, RecordKind};
use serde::Deserialize;

/// One exercise of the plan.
pub struct PlanLine {
    pub href: String,
    pub name: String,
    pub date: String,
    pub form: &'static str,
    pub level: &'static str,
    pub status: &'static str,
    /// The exercise crisis that holds it, when it was started.
    pub run: Option<String>,
}

/// A year of the plan.
pub struct Year {
    pub year: i16,
    pub lines: Vec<PlanLine>,
    pub official: usize,
    pub administrative: usize,
}

/// An exercise crisis.
pub struct RunLine {
    pub href: String,
    pub title: String,
    pub closed: bool,
    pub control: bool,
    pub observer: bool,
}

#[derive(Template)]
#[template(path = "exercise.html")]
struct ExercisePage {
    ctx: PageCtx,
    can_edit: bool,
    flash: Option<&'static str>,
    years: Vec<Year>,
    runs: Vec<RunLine>,
    scripts: Vec<(String, String, usize)>,
    plans: Vec<(String, String)>,
    scenarios: Vec<(&'static str, String, usize)>,
    goals: usize,
    catalogue_missing: usize,
    errors: Vec<crisismap_app::FieldError>,
}

#[derive(Deserialize, Default)]
pub struct FlashQuery {
    melding: Option<String>,
}

const FLASHES: &[&str] = &["goals_adopted", "scenario_adopted"];

pub async fn exercise_page(
    State(s): State<AppState>,
    a: Authed<ViewerUp>,
    Query(q): Query<FlashQuery>,
) -> Result<Response, AppError> {
    let flash = q
        .melding
        .as_deref()
        .and_then(|m| FLASHES.iter().find(|f| **f == m))
        .copied();
    page(&s, &a.principal, &a.ctx, flash, vec![]).await
}

async fn page(
    s: &AppState,
    principal: &crate::http::auth::Principal,
    rctx: &crate::http::auth::RequestCtx,
    flash: Option<&'static str>,
    errors: Vec<crisismap_app::FieldError>,
) -> Result<Response, AppError> {
    let mut ctx = PageCtx::user(s, principal, rctx, Section::Exercise, "").await;
    let tr = Tr(rctx.lang);
    ctx.title = tr.t("section-exercise-title").to_owned();
    let user = &principal.user;
    let ws = user.workspace;
    let index = Index::load(s, ws).await?;
    let crises = s.store().crises(ws).await?;
    let run_of = |plan: RecordId| {
        crises
            .iter()
            .find(|c| {
                c.state
                    .exercise_run
                    .as_ref()
                    .is_some_and(|r| r.plan == Some(plan))
            })
            .map(|c| format!("/crisis/{}", c.id))
    };
    let mut years: Vec<Year> = vec![];
    let mut plan: Vec<&crisismap_core::register::Record> =
        index.live(RecordKind::Exercise).collect();
    plan.sort_by(|x, y| x.text("planned_on").cmp(&y.text("planned_on")));
    for r in plan {
        let date = r.text("planned_on").unwrap_or("");
        let year: i16 = date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
        let level = r.text("level").unwrap_or("");
        let line = PlanLine {
            href: format!("/voorbereiden/{}/{}", RecordKind::Exercise.slug(), r.id),
            name: r.title.clone(),
            date: date_nl(date),
            form: choice_label(tr, "form", r.text("form").unwrap_or("")),
            level: choice_label(tr, "level", level),
            status: choice_label(tr, "status", r.text("status").unwrap_or("")),
            run: run_of(r.id),
        };
        let held = matches!(r.text("status"), Some("held" | "evaluated"));
        let y = match years.iter_mut().find(|y| y.year == year) {
            Some(y) => y,
            None => {
                years.push(Year {
                    year,
                    lines: vec![],
                    official: 0,
                    administrative: 0,
                });
                years.last_mut().expect("just pushed")
            }
        };
        if held || r.text("status") != Some("cancelled") {
            if matches!(level, "official" | "both") {
                y.official += 1;
            }
            if matches!(level, "administrative" | "both") {
                y.administrative += 1;
            }
        }
        y.lines.push(line);
    }
    let me = user.id;
    let runs = crises
        .iter()
        .filter(|c| c.state.exercise)
        .map(|c| {
            let staff = c.state.exercise_run.as_ref().and_then(|r| r.staff(me));
            RunLine {
                href: format!("/crisis/{}", c.id),
                title: c.state.title.clone(),
                closed: c.state.closed,
                control: staff == Some(crisismap_core::crisis::Staff::Control),
                observer: staff == Some(crisismap_core::crisis::Staff::Observer),
            }
        })
        .collect();
    let scripts = index
        .live(RecordKind::ExerciseScript)
        .map(|r| {
            let n = r
                .data
                .get("injects")
                .and_then(serde_json::Value::as_array)
                .map_or(0, Vec::len);
            (r.id.to_string(), r.title.clone(), n)
        })
        .collect();
    let plans = index
        .live(RecordKind::Exercise)
        .filter(|r| matches!(r.text("status"), Some("planned" | "prepared")))
        .map(|r| (r.id.to_string(), r.title.clone()))
        .collect();
    let have: Vec<String> = index
        .live(RecordKind::ExerciseScript)
        .map(|r| crisismap_core::register::title_key(&r.title))
        .collect();
    let scenarios = exercise::scenarios()
        .into_iter()
        .filter(|(_, sc)| !have.contains(&crisismap_core::register::title_key(&sc.name)))
        .map(|(code, sc)| (code, sc.name, sc.injects.len()))
        .collect();
    let goal_names: Vec<String> = index
        .live(RecordKind::LearningGoal)
        .map(|r| crisismap_core::register::title_key(&r.title))
        .collect();
    let catalogue_missing = exercise::catalogue()
        .iter()
        .filter(|g| !goal_names.contains(&crisismap_core::register::title_key(&g.name)))
        .count();
    render(&ExercisePage {
        can_edit: user.role.allows(crisismap_core::Role::Editor) && user.crisis_scope.is_none(),
        flash,
        years,
        runs,
        scripts,
        plans,
        scenarios,
        goals: goal_names.len(),
        catalogue_missing,
        errors: crate::http::error::localize(errors, tr),
        ctx,
    })
    .map(IntoResponse::into_response)
}

/// Takes the catalogue's learning goals into the register.
pub async fn adopt_goals(
    State(s): State<AppState>,
    a: Authed<EditorUp>,
) -> Result<Redirect, AppError> {
    exercise::adopt_catalogue(&s, &a.principal, &a.ctx.origin).await?;
    Ok(Redirect::to("/oefenen?melding=goals_adopted"))
}

/// Takes a built-in scenario into the register as a script.
pub async fn adopt_scenario(
    State(s): State<AppState>,
    a: Authed<EditorUp>,
    Path(code): Path<String>,
) -> Result<Redirect, AppError> {
    let id = exercise::adopt_scenario(&s, &a.principal, &a.ctx.origin, &code).await?;
    Ok(Redirect::to(&format!(
        "/voorbereiden/{}/{id}?melding=saved",
        RecordKind::ExerciseScript.slug()
    )))
}

/// Starts an exercise from a script: to its control page.
pub async fn start(
    State(s): State<AppState>,
    a: Authed<EditorUp>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let p = crate::register::decode_form(&body)?;
    let field = |n: &str| {
        p.iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.trim())
            .unwrap_or("")
    };
    let script = match field("script").parse() {
        Ok(id) => id,
        Err(_) => {
            let errors = vec![crisismap_app::FieldError {
                field: "script".into(),
                code: "required".into(),
                message: String::new(),
            }];
            let mut page = page(&s, &a.principal, &a.ctx, None, errors).await?;
            *page.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(page);
        }
    };
    let input = exercise::StartInput {
        script,
        plan: field("plan").parse().ok(),
        control: vec![],
        observers: vec![],
        auto_release: field("auto_release") == "on",
        started_at: None,
    };
    match exercise::start(&s, &a.principal, &a.ctx.origin, input, a.ctx.lang).await {
        Ok(id) => Ok(Redirect::to(&format!("/crisis/{id}/oefenleiding")).into_response()),
        Err(crisismap_app::Error::Invalid(errors)) => {
            let mut page = page(&s, &a.principal, &a.ctx, None, errors).await?;
            *page.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(page)
        }
        Err(e) => Err(e.into()),
    }
}
