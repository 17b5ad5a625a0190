//! The crisis room's JSON door: the same commands as the pages. This file holds the router,
//! the crisis itself (list, open, read) and what the others share; `changes` the commands
//! that change the crisis (classification, phase, GRIP level, teams, restore order, failing
//! nodes, closing) and its cascade; `entries` what is recorded in it (entries, timeline,
//! transcriptions, guests).

mod aftermath;
mod changes;
mod entries;
pub mod exercise;

pub use aftermath::*;
pub use changes::*;
pub use entries::*;
pub use exercise::{
    AdHocBody, AdoptedDto, ClockBody, ExerciseDto, InjectDto, ObservationBody, ObservationDto,
    ScenarioDto, StaffBody, StartBody, WithholdBody,
};

use crate::AppState;
use crate::http::auth::{Authed, EditorUp, MemberUp, ViewerUp};
use crate::http::error::{AppError, FieldError};
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use crisismap_app::crisis::{OpenInput, Room, choice, crisis_error};
use crisismap_core::StreamId;
use crisismap_core::crisis::{Answers, CrisisCommand, EntryKind};
use crisismap_core::register::RecordId;
use crisismap_core::time::canonical;
use crisismap_store::{CrisisRecord, Entry, EntryFilter};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/crises", get(list).post(open))
        .route("/crises/{id}", get(one))
        .route("/crises/{id}/classification", post(classify))
        .route("/crises/{id}/phase", post(phase))
        .route("/crises/{id}/grip", post(grip))
        .route("/crises/{id}/confirmations", post(confirm))
        .route("/crises/{id}/teams", post(teams))
        .route("/crises/{id}/transcriptions", post(transcribe))
        .route("/crises/{id}/restore-order", post(restore_order))
        .route("/crises/{id}/close", post(close))
        .route("/crises/{id}/handover", post(handover))
        .route("/crises/{id}/timeline", get(timeline))
        .route("/crises/{id}/recovery", get(recovery))
        .route("/crises/{id}/involved", get(involved))
        .route("/exercise-scenarios", get(exercise::scenarios))
        .route(
            "/exercise-scenarios/{code}/adoption",
            post(exercise::adopt_scenario),
        )
        .route("/learning-goals/adoption", post(exercise::adopt_goals))
        .route("/exercises", post(exercise::start))
        .route("/crises/{id}/exercise", get(exercise::one))
        .route("/crises/{id}/exercise/clock", post(exercise::clock))
        .route("/crises/{id}/exercise/staff", put(exercise::staff))
        .route("/crises/{id}/exercise/injects", post(exercise::ad_hoc))
        .route(
            "/crises/{id}/exercise/injects/{inject}/release",
            post(exercise::release),
        )
        .route(
            "/crises/{id}/exercise/injects/{inject}/withhold",
            post(exercise::withhold),
        )
        .route(
            "/crises/{id}/exercise/observations",
            get(exercise::observations).post(exercise::observe),
        )
        .route("/crises/{id}/guests", post(invite_guest))
        .route("/crises/{id}/failing", post(set_failing))
        .route("/crises/{id}/cascade", get(cascade))
        .route("/crises/{id}/entries/{kind}", get(entries).post(create))
        .route(
            "/crises/{id}/entries/{kind}/{entry}",
            get(entry).put(update),
        )
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CrisisDto {
    pub id: String,
    pub title: String,
    pub known: String,
    pub started_at: String,
    /// lukewarm, warm or aftermath.
    pub phase: String,
    pub exercise: bool,
    /// cyber_incident or cyber_crisis; null until classified.
    pub classification: Option<String>,
    /// routine, grip1 … grip5 or rijk.
    pub grip: String,
    /// Register team ids.
    pub teams: Vec<String>,
    /// Register process ids in the order this crisis restores them.
    pub restore_order: Vec<String>,
    /// Whether the dossier is closed (the record takes nothing more).
    pub closed: bool,
    /// Who coordinates the aftermath, from the handover on; null before it.
    pub coordinator: Option<String>,
    pub opened_at: String,
    pub updated_at: String,
}

fn dto(c: &CrisisRecord, order: Vec<RecordId>) -> CrisisDto {
    let s = &c.state;
    CrisisDto {
        id: c.id.to_string(),
        title: s.title.clone(),
        known: s.known.clone(),
        started_at: s.started_at.clone(),
        phase: s.phase.code().to_owned(),
        exercise: s.exercise,
        classification: s.classification.map(|c| c.code().to_owned()),
        grip: s.grip.code().to_owned(),
        teams: s.teams.iter().map(ToString::to_string).collect(),
        restore_order: order.iter().map(ToString::to_string).collect(),
        closed: s.closed,
        coordinator: s.handover.as_ref().map(|h| h.coordinator.clone()),
        opened_at: c.opened_at.clone(),
        updated_at: c.updated_at.clone(),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EntryDto {
    pub id: String,
    /// log, decision, action, dilemma, scenario, attendance, support, informing,
    /// communication, bob, fact, process_status or effect.
    pub kind: String,
    pub title: String,
    /// Send this back when changing the entry; a change based on an older revision is refused (409).
    pub rev: i64,
    /// When it was first recorded (UTC).
    pub created_at: String,
    pub created_by: String,
    pub updated_at: String,
    /// When it happened (UTC): its own time field, or the moment given when it was recorded.
    pub occurred_at: String,
    /// Typed back in from a paper form.
    pub transcribed: Option<TranscriptionDto>,
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
}

impl From<&Entry> for EntryDto {
    fn from(e: &Entry) -> Self {
        EntryDto {
            id: e.id.to_string(),
            kind: e.kind.code().to_owned(),
            title: e.title.clone(),
            rev: e.rev,
            created_at: canonical(e.created_at),
            created_by: e.created_by.clone(),
            updated_at: canonical(e.updated_at),
            occurred_at: canonical(e.occurred_at),
            transcribed: e.transcribed.as_ref().map(TranscriptionDto::from),
            data: serde_json::Value::Object(e.data.clone()),
        }
    }
}

fn crisis_id(id: &str) -> Result<StreamId, AppError> {
    id.parse().map_err(|_| AppError::NotFound)
}

/// The kind named, if this user may read it (legal advice and aftercare are confidential:
/// see `EntryKind::readable_by`).
fn kind_of(kind: &str, user: &crisismap_store::UserRecord) -> Result<EntryKind, AppError> {
    let kind: EntryKind = kind.parse().map_err(|_| AppError::NotFound)?;
    if kind.readable_by(user.role, user.crisis_scope.is_some()) {
        Ok(kind)
    } else {
        Err(AppError::Forbidden)
    }
}

fn json<T: serde::de::DeserializeOwned>(
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<T, AppError> {
    crate::http::json::strict_json(body)
}

#[utoipa::path(get, path = "/api/v1/crises", tag = "crisis",
    responses((status = 200, body = [CrisisDto])))]
pub async fn list(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Json<Vec<CrisisDto>>, AppError> {
    let crises = state.store().crises(auth.user().workspace).await?;
    Ok(Json(
        crises
            .iter()
            .map(|c| dto(c, c.state.restore_order.clone().unwrap_or_default()))
            .collect(),
    ))
}

/// Opening a crisis, as the API takes it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenBody {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub known: String,
    /// Local time in Europe/Amsterdam (`2026-11-28T09:00`) or UTC (`2026-11-28T08:00:00Z`);
    /// empty: now.
    #[serde(default)]
    pub started_at: String,
    /// lukewarm or warm.
    #[serde(default)]
    pub phase: String,
    #[serde(default, deserialize_with = "crisismap_app::crisis::loose_bool")]
    pub exercise: bool,
}

impl From<OpenBody> for OpenInput {
    fn from(b: OpenBody) -> Self {
        OpenInput {
            title: b.title,
            known: b.known,
            started_at: b.started_at,
            phase: b.phase,
            exercise: b.exercise,
        }
    }
}

#[utoipa::path(post, path = "/api/v1/crises", tag = "crisis", request_body = OpenBody,
    responses((status = 201, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn open(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<impl IntoResponse, AppError> {
    let input: OpenInput = json::<OpenBody>(body)?.into();
    let id = crisismap_app::crisis::open(
        &state,
        &auth.principal,
        &auth.ctx.origin,
        &input,
        auth.ctx.lang,
    )
    .await?;
    let room = Room::load(&state, auth.user().workspace, id).await?;
    Ok((
        StatusCode::CREATED,
        Json(dto(&room.crisis, room.restore_order())),
    ))
}

#[utoipa::path(get, path = "/api/v1/crises/{id}", tag = "crisis",
    params(("id" = String, Path)),
    responses((status = 200, body = CrisisDto), (status = 404, body = crate::http::layers::Problem)))]
pub async fn one(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Json<CrisisDto>, AppError> {
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    Ok(Json(dto(&room.crisis, room.restore_order())))
}

async fn run(
    state: &AppState,
    auth: &Authed<MemberUp>,
    id: StreamId,
    command: CrisisCommand,
    at: Option<crisismap_core::crisis::Occurrence>,
) -> Result<Json<CrisisDto>, AppError> {
    state.store().crisis(auth.user().workspace, id).await?;
    crisismap_app::crisis::command(state, &auth.principal, id, command, at).await?;
    let room = Room::load(state, auth.user().workspace, id).await?;
    Ok(Json(dto(&room.crisis, room.restore_order())))
}
