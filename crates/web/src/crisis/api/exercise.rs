// Exercises through the API: the built-in scenarios and the catalogue of learning goals,
// starting an exercise from a script, and exercise control (the clock, the events list,
// releasing and withholding injects, ad-hoc injects, observations). The same commands as
// the pages; only the exercise's control (and, for observations, its observers) get in.

use super::{crisis_id, json};
use crate::AppState;
use crate::http::auth::{Authed, EditorUp, MemberUp, ViewerUp};
use crate::http::error::AppError;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use crisismap_app::crisis::Room;
use crisismap_app::exercise::{self, ClockAction};
use crisismap_core::crisis::ExerciseRun;
use crisismap_core::crisis::exercise::{Staff, first_response, plan};
use crisismap_core::register::{RawRecord, RecordId};
use crisismap_core::time::canonical;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A built-in scenario.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScenarioDto {
    /// Its code, for taking it over.
    pub code: String,
    /// The script's name.
    pub name: String,
    /// testing, developing or orienting.
    pub function: String,
    /// The form of exercise it suits.
    pub form: String,
    /// official, administrative or both.
    pub level: String,
    /// How long it plays, in minutes.
    pub duration_minutes: i64,
    /// How many injects it has.
    pub injects: usize,
    /// The learning goals it tests, by name.
    pub goals: Vec<String>,
}

#[utoipa::path(get, path = "/api/v1/exercise-scenarios", tag = "exercise",
    responses((status = 200, body = [ScenarioDto])))]
pub async fn scenarios(_auth: Authed<ViewerUp>) -> Json<Vec<ScenarioDto>> {
    Json(
        exercise::scenarios()
            .into_iter()
            .map(|(code, s)| ScenarioDto {
                code: code.to_owned(),
                injects: s.injects.len(),
                name: s.name,
                function: s.function,
                form: s.form,
                level: s.level,
                duration_minutes: s.duration_minutes,
                goals: s.goals,
            })
            .collect(),
    )
}

/// What was taken over.
#[derive(Debug, Serialize, ToSchema)]
pub struct AdoptedDto {
    /// The new script's id (register kind `exercise_script`); null for the goals.
    pub script: Option<String>,
    /// How many learning goals were added.
    pub goals_added: usize,
}

#[utoipa::path(post, path = "/api/v1/exercise-scenarios/{code}/adoption", tag = "exercise",
    params(("code" = String, Path)),
    responses((status = 201, body = AdoptedDto), (status = 404, body = crate::http::layers::Problem), (status = 422, body = crate::http::layers::Problem)))]
pub async fn adopt_scenario(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path(code): Path<String>,
    body: axum::body::Bytes,
) -> Result<(StatusCode, Json<AdoptedDto>), AppError> {
    crate::http::json::no_fields(&body)?;
    let id = exercise::adopt_scenario(&state, &auth.principal, &auth.ctx.origin, &code).await?;
    Ok((
        StatusCode::CREATED,
        Json(AdoptedDto {
            script: Some(id.to_string()),
            goals_added: 0,
        }),
    ))
}

#[utoipa::path(post, path = "/api/v1/learning-goals/adoption", tag = "exercise",
    responses((status = 201, body = AdoptedDto)))]
pub async fn adopt_goals(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    body: axum::body::Bytes,
) -> Result<(StatusCode, Json<AdoptedDto>), AppError> {
    crate::http::json::no_fields(&body)?;
    let n = exercise::adopt_catalogue(&state, &auth.principal, &auth.ctx.origin).await?;
    Ok((
        StatusCode::CREATED,
        Json(AdoptedDto {
            script: None,
            goals_added: n,
        }),
    ))
}

/// Starting an exercise from a script.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartBody {
    /// The script (register kind `exercise_script`).
    pub script: String,
    /// The exercise of the plan (register kind `exercise`) it holds.
    #[serde(default)]
    pub plan: Option<String>,
    /// Exercise control besides the one who starts it (user ids).
    #[serde(default)]
    pub control: Vec<String>,
    /// Observers (user ids).
    #[serde(default)]
    pub observers: Vec<String>,
    /// Whether injects go out by themselves when due.
    #[serde(default)]
    pub auto_release: bool,
}

/// One inject as exercise control sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct InjectDto {
    pub id: String,
    pub number: i64,
    /// released, withheld, due, upcoming, waiting or reserve.
    pub state: String,
    /// The exercise minute it is due; null while the inject it follows is not out, or when
    /// it comes at a time of day.
    pub due_minute: Option<i64>,
    /// The time of day it comes (`14:30`, Amsterdam), when it says so.
    pub at_time: Option<String>,
    pub sender: String,
    pub sender_name: String,
    pub to: String,
    pub channel: String,
    pub text: String,
    pub expected: String,
    /// The learning goal (register id).
    pub goal: Option<String>,
    pub controller: String,
    pub contingency: bool,
    /// When it went out (UTC).
    pub released_at: Option<String>,
    /// Minutes to the players' first log line, decision or action after it.
    pub response_minutes: Option<i64>,
}

/// An exercise run, for its control.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExerciseDto {
    /// The exercise crisis.
    pub crisis: String,
    /// The script it plays, and its revision when it started.
    pub script: String,
    pub script_rev: i64,
    /// The exercise of the plan it holds.
    pub plan: Option<String>,
    /// Exercise control (user ids).
    pub control: Vec<String>,
    /// Observers (user ids).
    pub observers: Vec<String>,
    pub auto_release: bool,
    pub started: bool,
    pub running: bool,
    /// When it ended (UTC).
    pub ended_at: Option<String>,
    /// Exercise time so far, pauses left out.
    pub elapsed_seconds: i64,
    pub injects: Vec<InjectDto>,
}

fn run_of(
    room: &Room,
    user: crisismap_core::UserId,
    control_only: bool,
) -> Result<ExerciseRun, AppError> {
    let run = room
        .state()
        .exercise_run
        .clone()
        .ok_or(crisismap_app::Error::NotFound)?;
    match run.staff(user) {
        Some(Staff::Control) => Ok(run),
        Some(Staff::Observer) if !control_only => Ok(run),
        _ => Err(crisismap_app::Error::Forbidden.into()),
    }
}

async fn exercise_dto(
    state: &AppState,
    room: &Room,
    run: &ExerciseRun,
) -> Result<ExerciseDto, AppError> {
    let ws = room.crisis.workspace;
    let injects = exercise::injects(state, ws, room.id()).await?;
    let record = state
        .store()
        .entries(
            ws,
            room.id(),
            &[
                crisismap_core::crisis::EntryKind::Log,
                crisismap_core::crisis::EntryKind::Decision,
                crisismap_core::crisis::EntryKind::Action,
            ],
        )
        .await?;
    let now = state.now();
    let text = |e: &crisismap_core::crisis::Entry, f: &str| e.text(f).unwrap_or("").to_owned();
    Ok(ExerciseDto {
        crisis: room.id().to_string(),
        script: run.script.to_string(),
        script_rev: run.script_rev,
        plan: run.plan.map(|p| p.to_string()),
        control: run.control.iter().map(ToString::to_string).collect(),
        observers: run.observers.iter().map(ToString::to_string).collect(),
        auto_release: run.auto_release,
        started: run.started(),
        running: run.running(),
        ended_at: run.ended_at.clone(),
        elapsed_seconds: run.elapsed_seconds(now),
        injects: plan(run, &injects, now)
            .iter()
            .map(|p| {
                let e = p.entry;
                let released = e.moment("released_at");
                InjectDto {
                    id: e.id.to_string(),
                    number: p.number,
                    state: p.state.code().to_owned(),
                    due_minute: p.due_minute,
                    at_time: e.text("at_time").map(str::to_owned),
                    sender: text(e, "sender"),
                    sender_name: text(e, "sender_name"),
                    to: text(e, "to"),
                    channel: text(e, "channel"),
                    text: text(e, "text"),
                    expected: text(e, "expected"),
                    goal: e.text("goal").map(str::to_owned),
                    controller: text(e, "controller"),
                    contingency: e.data.get("contingency") == Some(&serde_json::Value::Bool(true)),
                    released_at: released.map(canonical),
                    response_minutes: released
                        .and_then(|at| first_response(run, at, &record))
                        .map(|(_, m)| m),
                }
            })
            .collect(),
    })
}

fn user_ids(ids: &[String], field: &str) -> Result<Vec<crisismap_core::UserId>, AppError> {
    ids.iter()
        .map(|s| {
            s.parse()
                .map_err(|_| crisismap_app::Error::field(field, "unknown_reference").into())
        })
        .collect()
}

#[utoipa::path(post, path = "/api/v1/exercises", tag = "exercise", request_body = StartBody,
    responses((status = 201, body = ExerciseDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn start(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<(StatusCode, Json<ExerciseDto>), AppError> {
    let input: StartBody = json(body)?;
    let script: RecordId = input
        .script
        .parse()
        .map_err(|_| crisismap_app::Error::field("script", "unknown_reference"))?;
    let plan = match input
        .plan
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(p) => Some(
            p.parse::<RecordId>()
                .map_err(|_| crisismap_app::Error::field("plan", "unknown_reference"))?,
        ),
        None => None,
    };
    let start = exercise::StartInput {
        script,
        plan,
        control: user_ids(&input.control, "control")?,
        observers: user_ids(&input.observers, "observers")?,
        auto_release: input.auto_release,
        started_at: None,
    };
    let id = exercise::start(
        &state,
        &auth.principal,
        &auth.ctx.origin,
        start,
        auth.ctx.lang,
    )
    .await?;
    let room = Room::load(&state, auth.user().workspace, id).await?;
    let run = run_of(&room, auth.user().id, true)?;
    Ok((
        StatusCode::CREATED,
        Json(exercise_dto(&state, &room, &run).await?),
    ))
}

#[utoipa::path(get, path = "/api/v1/crises/{id}/exercise", tag = "exercise",
    params(("id" = String, Path)),
    responses((status = 200, body = ExerciseDto), (status = 403, body = crate::http::layers::Problem), (status = 404, body = crate::http::layers::Problem)))]
pub async fn one(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Json<ExerciseDto>, AppError> {
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let run = run_of(&room, auth.user().id, true)?;
    Ok(Json(exercise_dto(&state, &room, &run).await?))
}

async fn reread<R: crate::http::auth::MinRole>(
    state: &AppState,
    auth: &Authed<R>,
    id: crisismap_core::StreamId,
) -> Result<Json<ExerciseDto>, AppError> {
    let room = Room::load(state, auth.user().workspace, id).await?;
    let run = run_of(&room, auth.user().id, true)?;
    Ok(Json(exercise_dto(state, &room, &run).await?))
}

/// A button of the exercise clock.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClockBody {
    /// run (start or resume), pause or end.
    pub action: String,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/exercise/clock", tag = "exercise",
    params(("id" = String, Path)), request_body = ClockBody,
    responses((status = 200, body = ExerciseDto), (status = 403, body = crate::http::layers::Problem), (status = 422, body = crate::http::layers::Problem)))]
pub async fn clock(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<ExerciseDto>, AppError> {
    let id = crisis_id(&id)?;
    let input: ClockBody = json(body)?;
    let action = match input.action.as_str() {
        "run" => ClockAction::Run,
        "pause" => ClockAction::Pause,
        "end" => ClockAction::End,
        _ => return Err(crisismap_app::Error::field("action", "unknown_choice").into()),
    };
    exercise::clock(&state, &auth.principal, id, action).await?;
    reread(&state, &auth, id).await
}

/// Control, observers and release by itself.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffBody {
    /// Exercise control besides the one who changes it (user ids).
    #[serde(default)]
    pub control: Vec<String>,
    /// Observers (user ids).
    #[serde(default)]
    pub observers: Vec<String>,
    /// Whether injects go out by themselves when due.
    #[serde(default)]
    pub auto_release: bool,
}

#[utoipa::path(put, path = "/api/v1/crises/{id}/exercise/staff", tag = "exercise",
    params(("id" = String, Path)), request_body = StaffBody,
    responses((status = 200, body = ExerciseDto), (status = 403, body = crate::http::layers::Problem), (status = 422, body = crate::http::layers::Problem)))]
pub async fn staff(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<ExerciseDto>, AppError> {
    let id = crisis_id(&id)?;
    let input: StaffBody = json(body)?;
    exercise::set_staff(
        &state,
        &auth.principal,
        id,
        user_ids(&input.control, "control")?,
        user_ids(&input.observers, "observers")?,
        input.auto_release,
    )
    .await?;
    reread(&state, &auth, id).await
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/exercise/injects/{inject}/release", tag = "exercise",
    params(("id" = String, Path), ("inject" = String, Path)),
    responses((status = 200, body = ExerciseDto), (status = 403, body = crate::http::layers::Problem), (status = 422, body = crate::http::layers::Problem)))]
pub async fn release(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, inject)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Result<Json<ExerciseDto>, AppError> {
    crate::http::json::no_fields(&body)?;
    let id = crisis_id(&id)?;
    let inject: RecordId = inject.parse().map_err(|_| crisismap_app::Error::NotFound)?;
    exercise::release(&state, &auth.principal, id, inject).await?;
    reread(&state, &auth, id).await
}

/// Why an inject is withheld.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithholdBody {
    /// A note for the evaluation.
    #[serde(default)]
    pub note: String,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/exercise/injects/{inject}/withhold", tag = "exercise",
    params(("id" = String, Path), ("inject" = String, Path)), request_body = WithholdBody,
    responses((status = 200, body = ExerciseDto), (status = 403, body = crate::http::layers::Problem), (status = 422, body = crate::http::layers::Problem)))]
pub async fn withhold(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, inject)): Path<(String, String)>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<ExerciseDto>, AppError> {
    let id = crisis_id(&id)?;
    let input: WithholdBody = json(body)?;
    let inject: RecordId = inject.parse().map_err(|_| crisismap_app::Error::NotFound)?;
    exercise::withhold(&state, &auth.principal, id, inject, &input.note).await?;
    reread(&state, &auth, id).await
}

/// An inject made up during the exercise, released at once.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdHocBody {
    /// Who it pretends to come from (a sender code).
    pub sender: String,
    #[serde(default)]
    pub sender_name: String,
    /// The team or role it goes to.
    pub to: String,
    /// How it reaches the players (a channel code).
    pub channel: String,
    /// What the players get.
    pub text: String,
    #[serde(default)]
    pub expected: String,
    /// The learning goal it tests (register id).
    #[serde(default)]
    pub goal: String,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/exercise/injects", tag = "exercise",
    params(("id" = String, Path)), request_body = AdHocBody,
    responses((status = 201, body = ExerciseDto), (status = 403, body = crate::http::layers::Problem), (status = 422, body = crate::http::layers::Problem)))]
pub async fn ad_hoc(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<(StatusCode, Json<ExerciseDto>), AppError> {
    let id = crisis_id(&id)?;
    let input: AdHocBody = json(body)?;
    let raw = RawRecord::from_pairs([
        ("sender", input.sender.as_str()),
        ("sender_name", input.sender_name.as_str()),
        ("to", input.to.as_str()),
        ("channel", input.channel.as_str()),
        ("text", input.text.as_str()),
        ("expected", input.expected.as_str()),
        ("goal", input.goal.as_str()),
    ]);
    exercise::ad_hoc(&state, &auth.principal, id, &raw).await?;
    Ok((StatusCode::CREATED, reread(&state, &auth, id).await?))
}

/// An observation.
#[derive(Debug, Serialize, ToSchema)]
pub struct ObservationDto {
    pub id: String,
    /// When it was seen (UTC).
    pub observed_at: String,
    /// The learning goal (register id).
    pub goal: Option<String>,
    pub text: String,
    /// not, partly, largely or fully (achieved).
    pub rating: Option<String>,
    /// The released inject it is about.
    pub inject: Option<String>,
    /// Who recorded it (`user:<id>`).
    pub by: String,
}

/// A new observation.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ObservationBody {
    /// The learning goal (register id).
    #[serde(default)]
    pub goal: String,
    /// What was seen.
    pub text: String,
    /// not, partly, largely or fully (achieved).
    #[serde(default)]
    pub rating: String,
    /// The released inject it is about.
    #[serde(default)]
    pub inject: String,
    /// When it was seen (empty: now).
    #[serde(default)]
    pub observed_at: String,
}

#[utoipa::path(get, path = "/api/v1/crises/{id}/exercise/observations", tag = "exercise",
    params(("id" = String, Path)),
    responses((status = 200, body = [ObservationDto]), (status = 403, body = crate::http::layers::Problem), (status = 404, body = crate::http::layers::Problem)))]
pub async fn observations(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Json<Vec<ObservationDto>>, AppError> {
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    run_of(&room, auth.user().id, false)?;
    Ok(Json(observation_dtos(&state, &room).await?))
}

async fn observation_dtos(state: &AppState, room: &Room) -> Result<Vec<ObservationDto>, AppError> {
    let list = exercise::observations(state, room.crisis.workspace, room.id()).await?;
    Ok(list
        .iter()
        .map(|o| ObservationDto {
            id: o.id.to_string(),
            observed_at: o.moment("observed_at").map(canonical).unwrap_or_default(),
            goal: o.text("goal").map(str::to_owned),
            text: o.title.clone(),
            rating: o.text("rating").map(str::to_owned),
            inject: o.text("inject").map(str::to_owned),
            by: o.created_by.clone(),
        })
        .collect())
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/exercise/observations", tag = "exercise",
    params(("id" = String, Path)), request_body = ObservationBody,
    responses((status = 201, body = [ObservationDto]), (status = 403, body = crate::http::layers::Problem), (status = 422, body = crate::http::layers::Problem)))]
pub async fn observe(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<(StatusCode, Json<Vec<ObservationDto>>), AppError> {
    let crisis = crisis_id(&id)?;
    let input: ObservationBody = json(body)?;
    let raw = RawRecord::from_pairs([
        ("goal", input.goal.as_str()),
        ("text", input.text.as_str()),
        ("rating", input.rating.as_str()),
        ("inject", input.inject.as_str()),
        ("observed_at", input.observed_at.as_str()),
    ]);
    exercise::observe(&state, &auth.principal, crisis, &raw).await?;
    let room = Room::load(&state, auth.user().workspace, crisis).await?;
    Ok((
        StatusCode::CREATED,
        Json(observation_dtos(&state, &room).await?),
    ))
}
