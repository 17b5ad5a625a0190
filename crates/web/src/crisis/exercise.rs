//! Exercise control (oefenleiding) and observation (observaties) of an exercise started from
//! a script: the clock, the master events list with what is due, releasing and withholding
//! injects, ad-hoc injects, what the players record, observations with ratings, and the
//! figures for the evaluation (response times, ratings per learning goal). Only the
//! exercise's control sees the events list; observers see their own page; players see
//! neither.

use super::frame::{crisis_href, crisis_id, field, head, pairs, room_ctx};
use crate::AppState;
use crate::http::auth::{Authed, MemberUp, MinRole, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::{PageCtx, render};
use askama::Template;
use axum::extract::{Path, Query, RawForm, State};
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_app::crisis::Room;
use crisismap_app::exercise::{self, ClockAction};
use crisismap_app::i18n::Tr;
use crisismap_app::words::choice_label;
use crisismap_core::crisis::exercise::{InjectState, Staff, first_response, plan};
use crisismap_core::crisis::{Entry, EntryKind, ExerciseRun};
use crisismap_core::register::{RawRecord, RecordId, RecordKind};
use crisismap_core::time::local_display;
use serde::Deserialize;

/// One inject on the control page.
pub struct InjectLine {
    pub id: String,
    pub number: i64,
    /// "min 30", "14:30", "10 min na 4".
    pub moment: String,
    pub state_code: &'static str,
    pub state: &'static str,
    /// From whom and how, as the players will see it.
    pub source: String,
    pub to: String,
    pub text: String,
    pub expected: String,
    pub goal: String,
    pub controller: String,
    pub pending: bool,
    pub released_at: String,
    /// Minutes to the players' first response, once there was one.
    pub response: Option<i64>,
}

/// A learning goal with its ratings and observations, for control and the evaluation.
pub struct GoalLine {
    pub name: String,
    pub ratings: Vec<(&'static str, String)>,
    pub observations: usize,
}

/// A line of what the players recorded.
pub struct PlayerLine {
    pub at: String,
    pub who: String,
    pub text: String,
    pub incoming: bool,
}

/// An observation in a list.
pub struct ObservationLine {
    pub at: String,
    pub goal: String,
    pub rating: &'static str,
    pub text: String,
    pub by: String,
}

#[derive(Template)]
#[template(path = "crisis/exercise_control.html")]
struct ControlPage {
    ctx: PageCtx,
    head: super::frame::Head,
    base: String,
    flash: Option<&'static str>,
    clock: String,
    started: bool,
    running: bool,
    ended: bool,
    auto_release: bool,
    due: usize,
    injects: Vec<InjectLine>,
    players: Vec<PlayerLine>,
    goals: Vec<GoalLine>,
    observers: Vec<(String, String, bool)>,
    controllers: Vec<(String, String, bool)>,
    goal_options: Vec<(String, String)>,
    senders: Vec<(&'static str, &'static str)>,
    channels: Vec<(&'static str, &'static str)>,
    errors: Vec<crisismap_app::FieldError>,
    median_response: Option<i64>,
}

#[derive(Deserialize, Default)]
pub(super) struct FlashQuery {
    melding: Option<String>,
}

const FLASHES: &[&str] = &[
    "released", "withheld", "clock", "staff", "ad_hoc", "observed",
];

fn flash(q: &FlashQuery) -> Option<&'static str> {
    q.melding
        .as_deref()
        .and_then(|m| FLASHES.iter().find(|f| **f == m))
        .copied()
}

/// The run and who the user is in it; 403 for anyone who is not staff (or not the kind of
/// staff asked for), 404 for a crisis that is no exercise run.
fn staff_run<R: MinRole>(
    auth: &Authed<R>,
    room: &Room,
    control_only: bool,
) -> Result<(ExerciseRun, Staff), AppError> {
    let run = room
        .state()
        .exercise_run
        .clone()
        .ok_or(crisismap_app::Error::NotFound)?;
    match run.staff(auth.user().id) {
        Some(Staff::Control) => Ok((run, Staff::Control)),
        Some(Staff::Observer) if !control_only => Ok((run, Staff::Observer)),
        _ => Err(crisismap_app::Error::Forbidden.into()),
    }
}

fn moment_words(p: &crisismap_core::crisis::exercise::Planned<'_>, tr: Tr) -> String {
    let int = |f: &str| p.entry.data.get(f).and_then(serde_json::Value::as_i64);
    if let Some(m) = int("at_minutes") {
        return tr.with("exercise-at_minute", &[("minute", m.into())]);
    }
    if let Some(t) = p.entry.text("at_time") {
        return t.to_owned();
    }
    if let Some(after) = int("after") {
        return tr.with(
            "exercise-after",
            &[
                ("minutes", int("after_minutes").unwrap_or(0).into()),
                ("number", after.into()),
            ],
        );
    }
    String::new()
}

/// The words the players get for an inject: from whom and how.
fn source_of(e: &Entry, tr: Tr) -> String {
    let channel = e
        .text("channel")
        .map(|c| choice_label(tr, "channel", c))
        .unwrap_or("");
    crisismap_core::crisis::exercise::released_source(e.text("sender_name").unwrap_or(""), channel)
}

/// The player entries that can answer an inject (log, decisions, actions), oldest first.
async fn player_record(state: &AppState, room: &Room) -> Result<Vec<Entry>, AppError> {
    Ok(state
        .store()
        .entries(
            room.crisis.workspace,
            room.id(),
            &[EntryKind::Log, EntryKind::Decision, EntryKind::Action],
        )
        .await?)
}

/// Response times and ratings, shared by the control page and the evaluation.
pub(crate) struct Figures {
    pub injects: Vec<InjectLine>,
    pub goals: Vec<GoalLine>,
    pub median_response: Option<i64>,
}

pub(crate) async fn figures(
    state: &AppState,
    room: &Room,
    run: &ExerciseRun,
    tr: Tr,
) -> Result<Figures, AppError> {
    let ws = room.crisis.workspace;
    let injects = exercise::injects(state, ws, room.id()).await?;
    let record = player_record(state, room).await?;
    let observations = exercise::observations(state, ws, room.id()).await?;
    let goal_name = |id: Option<&str>| {
        id.and_then(|g| g.parse::<RecordId>().ok())
            .and_then(|g| room.index.title(g))
            .unwrap_or("")
            .to_owned()
    };
    let now = state.now();
    let mut responses = vec![];
    let lines: Vec<InjectLine> = plan(run, &injects, now)
        .iter()
        .map(|p| {
            let released = p.entry.moment("released_at");
            let response = released
                .and_then(|at| first_response(run, at, &record))
                .map(|(_, minutes)| minutes);
            if let Some(m) = response {
                responses.push(m);
            }
            InjectLine {
                id: p.entry.id.to_string(),
                number: p.number,
                moment: moment_words(p, tr),
                state_code: p.state.code(),
                state: tr.t(&format!("c-inject_state-{}", p.state.code())),
                source: source_of(p.entry, tr),
                to: p.entry.text("to").unwrap_or("").to_owned(),
                text: p.entry.text("text").unwrap_or("").to_owned(),
                expected: p.entry.text("expected").unwrap_or("").to_owned(),
                goal: goal_name(p.entry.text("goal")),
                controller: p.entry.text("controller").unwrap_or("").to_owned(),
                pending: matches!(
                    p.state,
                    InjectState::Due
                        | InjectState::Upcoming
                        | InjectState::Waiting
                        | InjectState::Reserve
                ),
                released_at: released.map(local_display).unwrap_or_default(),
                response,
            }
        })
        .collect();
    responses.sort_unstable();
    let median_response = (!responses.is_empty()).then(|| responses[responses.len() / 2]);
    // The goals of the script (and any an inject or observation names), with ratings.
    let mut goal_ids: Vec<RecordId> = vec![];
    let script = room.index.get(run.script);
    let mut note = |id: Option<RecordId>| {
        if let Some(id) = id
            && !goal_ids.contains(&id)
        {
            goal_ids.push(id);
        }
    };
    if let Some(script) = script {
        for row in script
            .data
            .get("goals")
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
        {
            note(row.get("goal").and_then(|g| g.as_str()?.parse().ok()));
        }
    }
    for o in &observations {
        note(o.text("goal").and_then(|g| g.parse().ok()));
    }
    let goals = goal_ids
        .into_iter()
        .map(|g| {
            let about: Vec<&Entry> = observations
                .iter()
                .filter(|o| o.text("goal") == Some(g.to_string().as_str()))
                .collect();
            GoalLine {
                name: room.index.title(g).unwrap_or("").to_owned(),
                ratings: about
                    .iter()
                    .filter_map(|o| {
                        o.text("rating")
                            .map(|r| (choice_label(tr, "rating", r), o.title.clone()))
                    })
                    .collect(),
                observations: about.len(),
            }
        })
        .collect();
    Ok(Figures {
        injects: lines,
        goals,
        median_response,
    })
}

fn users_of(room: &Room, chosen: &[crisismap_core::UserId]) -> Vec<(String, String, bool)> {
    room.users
        .iter()
        .filter(|u| {
            u.crisis_scope.is_none() && !u.disabled && u.role.allows(crisismap_core::Role::Member)
        })
        .map(|u| {
            (
                u.id.to_string(),
                u.display_name.to_string(),
                chosen.contains(&u.id),
            )
        })
        .collect()
}

pub(super) async fn control(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
    Query(q): Query<FlashQuery>,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    control_page(&state, &auth, id, flash(&q), vec![]).await
}

async fn control_page<R: MinRole>(
    state: &AppState,
    auth: &Authed<R>,
    id: crisismap_core::StreamId,
    flash: Option<&'static str>,
    errors: Vec<crisismap_app::FieldError>,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let room = Room::load(state, auth.user().workspace, id).await?;
    let (run, _) = staff_run(auth, &room, true)?;
    let now = state.now();
    let figures = figures(state, &room, &run, tr).await?;
    let log = state
        .store()
        .entry_page(
            room.crisis.workspace,
            id,
            EntryKind::Log,
            &crisismap_store::EntryFilter {
                newest_first: true,
                limit: 15,
                ..Default::default()
            },
        )
        .await?
        .0;
    let players = log
        .iter()
        .map(|e| PlayerLine {
            at: local_display(e.occurred_at),
            who: if e.text("category") == Some("incoming") {
                e.text("source").unwrap_or("").to_owned()
            } else {
                room.actor_name(&e.created_by)
            },
            text: e.text("text").unwrap_or("").to_owned(),
            incoming: e.text("category") == Some("incoming"),
        })
        .collect();
    let seconds = run.elapsed_seconds(now);
    let clock = format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        (seconds / 60) % 60,
        seconds % 60
    );
    let goal_options = room
        .index
        .live(RecordKind::LearningGoal)
        .map(|r| (r.id.to_string(), r.title.clone()))
        .collect();
    let options = |codes: &'static [&'static str], field: &str| {
        codes
            .iter()
            .map(|c| (*c, choice_label(tr, field, c)))
            .collect::<Vec<_>>()
    };
    let ctx = room_ctx(
        state,
        &auth.principal,
        &auth.ctx,
        &room,
        format!("{}: {}", tr.t("exercise-control-title"), room.state().title),
    )
    .await;
    render(&ControlPage {
        head: head(&room, tr, "oefenleiding", &auth.principal.user),
        base: crisis_href(id),
        flash,
        clock,
        started: run.started(),
        running: run.running(),
        ended: run.ended_at.is_some(),
        auto_release: run.auto_release,
        due: figures
            .injects
            .iter()
            .filter(|i| i.state_code == "due")
            .count(),
        injects: figures.injects,
        players,
        goals: figures.goals,
        median_response: figures.median_response,
        observers: users_of(&room, &run.observers),
        controllers: users_of(&room, &run.control),
        goal_options,
        senders: options(crisismap_core::register::kinds::INJECT_SENDERS, "sender"),
        channels: options(crisismap_core::register::kinds::INJECT_CHANNELS, "channel"),
        errors: crate::http::error::localize(errors, tr),
        ctx,
    })
    .map(IntoResponse::into_response)
}

/// The answer to one of control's buttons: back to the control page with a message, or the
/// page again with what was refused.
async fn after(
    state: &AppState,
    auth: &Authed<MemberUp>,
    id: crisismap_core::StreamId,
    outcome: Result<(), crisismap_app::Error>,
    done: &str,
) -> Result<Response, AppError> {
    match outcome {
        Ok(()) => Ok(
            Redirect::to(&format!("{}/oefenleiding?melding={done}", crisis_href(id)))
                .into_response(),
        ),
        Err(crisismap_app::Error::Invalid(errors)) => {
            let mut page = control_page(state, auth, id, None, errors).await?;
            *page.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(page)
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn clock(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    let p = pairs(&body)?;
    let action = match field(&p, "action") {
        "run" => ClockAction::Run,
        "pause" => ClockAction::Pause,
        "end" => ClockAction::End,
        _ => return Err(crisismap_app::Error::field("action", "unknown_choice").into()),
    };
    let outcome = exercise::clock(&state, &auth.principal, id, action).await;
    after(&state, &auth, id, outcome, "clock").await
}

pub(super) async fn staff(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    let p = pairs(&body)?;
    let ids = |name: &str| {
        p.iter()
            .filter(|(k, _)| k == name)
            .filter_map(|(_, v)| v.parse().ok())
            .collect::<Vec<_>>()
    };
    let outcome = exercise::set_staff(
        &state,
        &auth.principal,
        id,
        ids("control"),
        ids("observer"),
        field(&p, "auto_release") == "on",
    )
    .await;
    after(&state, &auth, id, outcome, "staff").await
}

pub(super) async fn release(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, inject)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    let inject: RecordId = inject.parse().map_err(|_| crisismap_app::Error::NotFound)?;
    let outcome = exercise::release(&state, &auth.principal, id, inject)
        .await
        .map(|_| ());
    after(&state, &auth, id, outcome, "released").await
}

pub(super) async fn withhold(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, inject)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    let p = pairs(&body)?;
    let inject: RecordId = inject.parse().map_err(|_| crisismap_app::Error::NotFound)?;
    let outcome = exercise::withhold(&state, &auth.principal, id, inject, field(&p, "note")).await;
    after(&state, &auth, id, outcome, "withheld").await
}

pub(super) async fn ad_hoc(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    let p = pairs(&body)?;
    let raw = RawRecord::from_pairs(p.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let outcome = exercise::ad_hoc(&state, &auth.principal, id, &raw)
        .await
        .map(|_| ());
    after(&state, &auth, id, outcome, "ad_hoc").await
}

#[derive(Template)]
#[template(path = "crisis/exercise_observe.html")]
struct ObservePage {
    ctx: PageCtx,
    head: super::frame::Head,
    base: String,
    flash: Option<&'static str>,
    control: bool,
    goal_options: Vec<(String, String)>,
    ratings: Vec<(&'static str, &'static str)>,
    released: Vec<(String, String)>,
    observations: Vec<ObservationLine>,
    errors: Vec<crisismap_app::FieldError>,
    typed: Vec<(String, String)>,
}

impl ObservePage {
    fn typed(&self, name: &str) -> &str {
        field(&self.typed, name)
    }
}

pub(super) async fn observations(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
    Query(q): Query<FlashQuery>,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    observe_page(&state, &auth, id, flash(&q), vec![], vec![]).await
}

async fn observe_page<R: MinRole>(
    state: &AppState,
    auth: &Authed<R>,
    id: crisismap_core::StreamId,
    flash: Option<&'static str>,
    errors: Vec<crisismap_app::FieldError>,
    typed: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let room = Room::load(state, auth.user().workspace, id).await?;
    let (run, who) = staff_run(auth, &room, false)?;
    let ws = room.crisis.workspace;
    let injects = exercise::injects(state, ws, id).await?;
    let released = plan(&run, &injects, state.now())
        .iter()
        .filter(|p| p.state == InjectState::Released)
        .map(|p| {
            (
                p.entry.id.to_string(),
                format!("{}. {}", p.number, source_of(p.entry, tr)),
            )
        })
        .collect();
    let mut observations: Vec<ObservationLine> = exercise::observations(state, ws, id)
        .await?
        .iter()
        .map(|o| ObservationLine {
            at: o
                .moment("observed_at")
                .map(local_display)
                .unwrap_or_default(),
            goal: o
                .text("goal")
                .and_then(|g| g.parse().ok())
                .and_then(|g| room.index.title(g))
                .unwrap_or("")
                .to_owned(),
            rating: o
                .text("rating")
                .map(|r| choice_label(tr, "rating", r))
                .unwrap_or(""),
            text: o.title.clone(),
            by: room.actor_name(&o.created_by),
        })
        .collect();
    observations.reverse();
    let ctx = room_ctx(
        state,
        &auth.principal,
        &auth.ctx,
        &room,
        format!("{}: {}", tr.t("exercise-observe-title"), room.state().title),
    )
    .await;
    render(&ObservePage {
        head: head(&room, tr, "observaties", &auth.principal.user),
        base: crisis_href(id),
        flash,
        control: who == Staff::Control,
        goal_options: room
            .index
            .live(RecordKind::LearningGoal)
            .map(|r| (r.id.to_string(), r.title.clone()))
            .collect(),
        ratings: crisismap_core::crisis::exercise::RATINGS
            .iter()
            .map(|r| (*r, choice_label(tr, "rating", r)))
            .collect(),
        released,
        observations,
        errors: crate::http::error::localize(errors, tr),
        typed,
        ctx,
    })
    .map(IntoResponse::into_response)
}

pub(super) async fn observe(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    let p = pairs(&body)?;
    let raw = RawRecord::from_pairs(
        p.iter()
            .filter(|(k, _)| {
                ["goal", "text", "rating", "inject", "observed_at"].contains(&k.as_str())
            })
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    match exercise::observe(&state, &auth.principal, id, &raw).await {
        Ok(_) => Ok(
            Redirect::to(&format!("{}/observaties?melding=observed", crisis_href(id)))
                .into_response(),
        ),
        Err(crisismap_app::Error::Invalid(errors)) => {
            let mut page = observe_page(&state, &auth, id, None, errors, p).await?;
            *page.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(page)
        }
        Err(e) => Err(e.into()),
    }
}
