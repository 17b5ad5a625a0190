//! The crisis room's JSON door: the same commands as the pages.

use super::{OpenInput, Room, choice, crisis_error};
use crate::AppState;
use crate::auth::{Authed, EditorUp, MemberUp, ViewerUp};
use crate::error::{AppError, FieldError};
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use crisismap_core::StreamId;
use crisismap_core::crisis::{Answers, CrisisCommand, EntryKind};
use crisismap_core::register::RecordId;
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
        .route("/crises/{id}/restore-order", post(restore_order))
        .route("/crises/{id}/close", post(close))
        .route("/crises/{id}/timeline", get(timeline))
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
    pub closed: bool,
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
    pub created_at: String,
    pub created_by: String,
    pub updated_at: String,
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
            created_at: e.created_at.clone(),
            created_by: e.created_by.clone(),
            updated_at: e.updated_at.clone(),
            data: serde_json::Value::Object(e.data.clone()),
        }
    }
}

fn crisis_id(id: &str) -> Result<StreamId, AppError> {
    id.parse().map_err(|_| AppError::NotFound)
}

fn kind_of(kind: &str) -> Result<EntryKind, AppError> {
    kind.parse().map_err(|_| AppError::NotFound)
}

fn json<T: serde::de::DeserializeOwned>(
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<T, AppError> {
    let Json(value) = body.map_err(crate::api::json_error)?;
    serde_json::from_value(value).map_err(|e| {
        AppError::Invalid(vec![FieldError {
            field: "body".into(),
            code: "invalid_json".into(),
            message: e.to_string(),
        }])
    })
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

#[utoipa::path(post, path = "/api/v1/crises", tag = "crisis", request_body = OpenInput,
    responses((status = 201, body = CrisisDto), (status = 422, body = crate::layers::Problem)))]
pub async fn open(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<impl IntoResponse, AppError> {
    let input: OpenInput = json(body)?;
    let id = super::open(
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
    responses((status = 200, body = CrisisDto), (status = 404, body = crate::layers::Problem)))]
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
) -> Result<Json<CrisisDto>, AppError> {
    state.store().crisis(auth.user().workspace, id).await?;
    super::command(state, &auth.principal, id, command).await?;
    let room = Room::load(state, auth.user().workspace, id).await?;
    Ok(Json(dto(&room.crisis, room.restore_order())))
}

#[derive(Debug, Deserialize)]
pub struct ClassifyInput {
    pub answers: Answers,
    /// true: take the proposal; false: override with `classification`, `grip` and a `reason`.
    pub accept: bool,
    #[serde(default)]
    pub classification: String,
    #[serde(default)]
    pub grip: String,
    #[serde(default)]
    pub reason: String,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/classification", tag = "crisis",
    params(("id" = String, Path)), request_body(content = Object, description = "answers (six booleans), accept, and when overriding: classification, grip, reason"),
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::layers::Problem)))]
pub async fn classify(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: ClassifyInput = json(body)?;
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let command = super::pages::classify_command(
        &room,
        input.answers,
        input.accept,
        &input.classification,
        &input.grip,
        &input.reason,
    );
    run(&state, &auth, room.id(), command).await
}

#[derive(Debug, Deserialize)]
pub struct ChangeInput {
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub grip: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub order: Vec<String>,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/phase", tag = "crisis",
    params(("id" = String, Path)), request_body(content = Object, description = "phase (lukewarm, warm, aftermath) and reason"),
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::layers::Problem)))]
pub async fn phase(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: ChangeInput = json(body)?;
    let command = super::change_command("phase", &input.phase, &input.reason)?;
    run(&state, &auth, crisis_id(&id)?, command).await
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/grip", tag = "crisis",
    params(("id" = String, Path)), request_body(content = Object, description = "grip (routine, grip1 … grip5, rijk) and reason"),
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::layers::Problem)))]
pub async fn grip(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: ChangeInput = json(body)?;
    let command = super::change_command("grip", &input.grip, &input.reason)?;
    run(&state, &auth, crisis_id(&id)?, command).await
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/restore-order", tag = "crisis",
    params(("id" = String, Path)), request_body(content = Object, description = "order (register process ids) and reason"),
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::layers::Problem)))]
pub async fn restore_order(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: ChangeInput = json(body)?;
    let index = crate::register::Index::load(&state, auth.user().workspace).await?;
    let mut order = vec![];
    for text in &input.order {
        let id: RecordId = choice("order", text)?;
        if index
            .get(id)
            .is_none_or(|r| r.kind != crisismap_core::register::RecordKind::Process)
        {
            return Err(AppError::Invalid(vec![FieldError {
                field: "order".into(),
                code: "unknown_reference".into(),
                message: String::new(),
            }]));
        }
        order.push(id);
    }
    let command = CrisisCommand::SetRestoreOrder {
        order,
        reason: input.reason,
    };
    run(&state, &auth, crisis_id(&id)?, command).await
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/close", tag = "crisis",
    params(("id" = String, Path)), request_body(content = Object, description = "reason"),
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::layers::Problem)))]
pub async fn close(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: ChangeInput = json(body)?;
    run(
        &state,
        &auth,
        crisis_id(&id)?,
        CrisisCommand::Close {
            reason: input.reason,
        },
    )
    .await
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineDto {
    pub recorded_at: String,
    pub occurred: String,
    pub who: String,
    pub kind: String,
    pub text: String,
}

#[utoipa::path(get, path = "/api/v1/crises/{id}/timeline", tag = "crisis",
    params(("id" = String, Path)),
    responses((status = 200, body = [TimelineDto])))]
pub async fn timeline(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Json<Vec<TimelineDto>>, AppError> {
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let items = super::pages::timeline_items(&state, &room, crate::i18n::Tr(auth.ctx.lang)).await?;
    Ok(Json(
        items
            .into_iter()
            .map(|i| TimelineDto {
                recorded_at: i.at,
                occurred: i.occurred,
                who: i.who,
                kind: i.kind_code,
                text: i.text,
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct EntryQuery {
    q: String,
    tag: String,
    offset: i64,
    limit: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/crises/{id}/entries/{kind}", tag = "crisis",
    params(("id" = String, Path), ("kind" = String, Path), ("q" = Option<String>, Query), ("tag" = Option<String>, Query), ("offset" = Option<i64>, Query), ("limit" = Option<i64>, Query)),
    responses((status = 200, body = [EntryDto])))]
pub async fn entries(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path((id, kind)): Path<(String, String)>,
    Query(q): Query<EntryQuery>,
) -> Result<Json<Vec<EntryDto>>, AppError> {
    let kind = kind_of(&kind)?;
    let ws = auth.user().workspace;
    let crisis = state.store().crisis(ws, crisis_id(&id)?).await?;
    let (found, _) = state
        .store()
        .entry_page(
            ws,
            crisis.id,
            kind,
            &EntryFilter {
                tag: Some(q.tag),
                text: Some(q.q),
                offset: q.offset,
                limit: q.limit.unwrap_or(1000),
                ..EntryFilter::default()
            },
        )
        .await?;
    Ok(Json(found.iter().map(EntryDto::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/crises/{id}/entries/{kind}/{entry}", tag = "crisis",
    params(("id" = String, Path), ("kind" = String, Path), ("entry" = String, Path)),
    responses((status = 200, body = EntryDto), (status = 404, body = crate::layers::Problem)))]
pub async fn entry(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path((id, kind, entry)): Path<(String, String, String)>,
) -> Result<Json<EntryDto>, AppError> {
    let kind = kind_of(&kind)?;
    let entry: RecordId = entry.parse().map_err(|_| AppError::NotFound)?;
    let e = state
        .store()
        .entry(auth.user().workspace, crisis_id(&id)?, entry)
        .await?;
    if e.kind != kind {
        return Err(AppError::NotFound);
    }
    Ok(Json(EntryDto::from(&e)))
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/entries/{kind}", tag = "crisis",
    params(("id" = String, Path), ("kind" = String, Path)),
    request_body(content = Object, description = "The entry's fields (see the HTML form for their meaning); times in UTC or Amsterdam local time"),
    responses((status = 201, body = EntryDto), (status = 422, body = crate::layers::Problem), (status = 409, body = crate::layers::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, kind)): Path<(String, String)>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<impl IntoResponse, AppError> {
    let kind = kind_of(&kind)?;
    let (raw, _) = crate::register::api::body_of(kind.schema(), body)?;
    let crisis = crisis_id(&id)?;
    let saved = super::save_entry(&state, &auth.principal, crisis, kind, None, None, &raw).await?;
    let e = state
        .store()
        .entry(auth.user().workspace, crisis, saved)
        .await
        .map_err(crisis_error)?;
    Ok((StatusCode::CREATED, Json(EntryDto::from(&e))))
}

#[utoipa::path(put, path = "/api/v1/crises/{id}/entries/{kind}/{entry}", tag = "crisis",
    params(("id" = String, Path), ("kind" = String, Path), ("entry" = String, Path)),
    request_body(content = Object, description = "All fields of the entry, and `rev`: the revision the change is based on"),
    responses((status = 200, body = EntryDto), (status = 409, body = crate::layers::Problem), (status = 422, body = crate::layers::Problem)))]
pub async fn update(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, kind, entry)): Path<(String, String, String)>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<EntryDto>, AppError> {
    let kind = kind_of(&kind)?;
    let entry: RecordId = entry.parse().map_err(|_| AppError::NotFound)?;
    let (raw, rev) = crate::register::api::body_of(kind.schema(), body)?;
    let Some(rev) = rev else {
        return Err(AppError::Invalid(vec![FieldError {
            field: "rev".into(),
            code: "required".into(),
            message: String::new(),
        }]));
    };
    let crisis = crisis_id(&id)?;
    super::save_entry(
        &state,
        &auth.principal,
        crisis,
        kind,
        Some(entry),
        Some(rev),
        &raw,
    )
    .await?;
    let e = state
        .store()
        .entry(auth.user().workspace, crisis, entry)
        .await?;
    Ok(Json(EntryDto::from(&e)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GuestDto {
    pub id: String,
    pub email: String,
    pub display_name: String,
    /// The crisis this guest sees, and nothing else.
    pub crisis: String,
    /// Shown once; the guest must change it at first login.
    pub one_time_password: String,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/guests", tag = "crisis",
    params(("id" = String, Path)), request_body(content = Object, description = "email and display_name of the liaison or expert"),
    responses((status = 201, body = GuestDto), (status = 422, body = crate::layers::Problem)))]
pub async fn invite_guest(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<impl IntoResponse, AppError> {
    let input: crate::commands::NewUserInput = json(body)?;
    let crisis = crisis_id(&id)?;
    let (user, password) =
        crate::commands::add_guest(&state, &auth.principal, &auth.ctx.origin, crisis, &input)
            .await?;
    Ok((
        StatusCode::CREATED,
        Json(GuestDto {
            id: user.id.to_string(),
            email: user.email,
            display_name: user.display_name,
            crisis: crisis.to_string(),
            one_time_password: password,
        }),
    ))
}

#[derive(Debug, Deserialize)]
pub struct FailingInput {
    /// Graph nodes: register record ids, or `vital:<code>` for a vital process.
    #[serde(default)]
    pub nodes: Vec<String>,
    #[serde(default)]
    pub reason: String,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/failing", tag = "crisis",
    params(("id" = String, Path)), request_body(content = Object, description = "nodes: the whole set of failing graph nodes (record ids or vital:<code>); reason"),
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::layers::Problem)))]
pub async fn set_failing(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: FailingInput = json(body)?;
    let command =
        super::failing_command(&state, &auth.principal, input.nodes, &input.reason).await?;
    run(&state, &auth, crisis_id(&id)?, command).await
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImpactDto {
    pub node: String,
    pub kind: String,
    /// Minutes after the first failure.
    pub minutes: u64,
    /// The expected moment it stops working (Europe/Amsterdam).
    pub expected_at: String,
    pub path: String,
    pub public_order: String,
    pub failing: bool,
}

#[utoipa::path(get, path = "/api/v1/crises/{id}/cascade", tag = "crisis",
    params(("id" = String, Path)),
    responses((status = 200, body = [ImpactDto])))]
pub async fn cascade(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Json<Vec<ImpactDto>>, AppError> {
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let graph = crate::register::cascade::graph_of(&room.index)?;
    let c = super::views::crisis_cascade(&room, &graph, crate::i18n::Tr(auth.ctx.lang))?;
    Ok(Json(
        c.rows
            .into_iter()
            .map(|(r, at)| ImpactDto {
                node: r.name,
                kind: r.kind.to_owned(),
                minutes: r.minutes,
                expected_at: at,
                path: r.path,
                public_order: r.public_order,
                failing: r.failing,
            })
            .collect(),
    ))
}
