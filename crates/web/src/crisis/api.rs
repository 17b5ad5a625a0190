//! The crisis room's JSON door: the same commands as the pages.

use crate::AppState;
use crate::http::auth::{Authed, EditorUp, MemberUp, ViewerUp};
use crate::http::error::{AppError, FieldError};
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
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

fn kind_of(kind: &str) -> Result<EntryKind, AppError> {
    kind.parse().map_err(|_| AppError::NotFound)
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

/// The classification assistant's answers and the advisor's choice.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassifyInput {
    #[schema(value_type = Object)]
    pub answers: Answers,
    /// true: take the proposal; false: override with `classification`, `grip` and a `reason`.
    pub accept: bool,
    #[serde(default)]
    pub classification: String,
    #[serde(default)]
    pub grip: String,
    #[serde(default)]
    pub reason: String,
    /// When it was decided: Amsterdam local time or UTC; empty: now.
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

/// One part of the assistant's proposal: the code, its words, and why.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReasonedDto {
    pub value: String,
    pub label: String,
    /// The reason's code (stable).
    pub reason: String,
    /// The reason in the reader's language.
    pub explanation: String,
}

/// What the assistant proposes for the answers given.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalDto {
    pub classification: ReasonedDto,
    pub grip: ReasonedDto,
    /// Team standards: calamity_team, local_triangle, policy_team.
    pub teams: Vec<ReasonedDto>,
    pub inform: Vec<ReasonedDto>,
    /// The parties the answers do not call for, each with why not.
    pub not_inform: Vec<ReasonedDto>,
}

impl ProposalDto {
    pub fn of(p: &crisismap_core::crisis::Proposal, tr: crisismap_app::i18n::Tr) -> ProposalDto {
        let one = |value: &str, label_key: String, reason: &str| ReasonedDto {
            value: value.to_owned(),
            label: tr.t(&label_key).to_owned(),
            reason: reason.to_owned(),
            explanation: tr.t(&format!("reason.{reason}")).to_owned(),
        };
        let parties = |list: &[crisismap_core::crisis::classify::Reasoned<String>]| {
            list.iter()
                .map(|r| one(&r.value, format!("c.party.{}", r.value), &r.reason))
                .collect()
        };
        ProposalDto {
            classification: one(
                p.classification.value.code(),
                format!("c.classification.{}", p.classification.value.code()),
                &p.classification.reason,
            ),
            grip: one(
                p.grip.value.code(),
                format!("c.grip.{}", p.grip.value.code()),
                &p.grip.reason,
            ),
            teams: p
                .teams
                .iter()
                .map(|t| one(&t.value, format!("c.standard.{}", t.value), &t.reason))
                .collect(),
            inform: parties(&p.inform),
            not_inform: parties(&p.not_inform),
        }
    }
}

/// The crisis after classifying, with the proposal the answers led to.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClassifiedDto {
    #[serde(flatten)]
    pub crisis: CrisisDto,
    pub proposal: ProposalDto,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/classification", tag = "crisis",
    params(("id" = String, Path)), request_body = ClassifyInput,
    responses((status = 200, body = ClassifiedDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn classify(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<ClassifiedDto>, AppError> {
    let input: ClassifyInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let command = crisismap_app::crisis::classify_command(
        &room,
        input.answers,
        input.accept,
        &input.classification,
        &input.grip,
        &input.reason,
    );
    let Json(crisis) = run(&state, &auth, room.id(), command, at).await?;
    let proposal = crisismap_core::crisis::propose(&input.answers);
    Ok(Json(ClassifiedDto {
        crisis,
        proposal: ProposalDto::of(&proposal, crisismap_app::i18n::Tr(auth.ctx.lang)),
    }))
}

/// A new phase, with the reason.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PhaseInput {
    /// lukewarm, warm or aftermath.
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub reason: String,
    /// When it happened: Amsterdam local time or UTC; empty: now.
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

/// A new GRIP level, with the reason.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GripInput {
    /// routine, grip1 … grip5 or rijk.
    #[serde(default)]
    pub grip: String,
    #[serde(default)]
    pub reason: String,
    /// When it happened: Amsterdam local time or UTC; empty: now.
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

/// The order in which the register's processes are restored in this crisis.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RestoreOrderInput {
    /// Register process ids, first to restore first.
    #[serde(default)]
    pub order: Vec<String>,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

/// Closing the crisis, with the reason.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseInput {
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

/// The teams active in the crisis (the whole new set).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamsInput {
    /// Register team ids.
    #[serde(default)]
    pub teams: Vec<String>,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

/// Keeping the GRIP level or the phase as it is, with the reason it was weighed and kept.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmationInput {
    /// grip or phase.
    #[serde(default)]
    pub aspect: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/phase", tag = "crisis",
    params(("id" = String, Path)), request_body = PhaseInput,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn phase(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: PhaseInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    let command = crisismap_app::crisis::change_command("phase", &input.phase, &input.reason)?;
    run(&state, &auth, crisis_id(&id)?, command, at).await
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/grip", tag = "crisis",
    params(("id" = String, Path)), request_body = GripInput,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn grip(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: GripInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    let command = crisismap_app::crisis::change_command("grip", &input.grip, &input.reason)?;
    run(&state, &auth, crisis_id(&id)?, command, at).await
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/confirmations", tag = "crisis",
    params(("id" = String, Path)), request_body = ConfirmationInput,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn confirm(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: ConfirmationInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    let command = crisismap_app::crisis::confirm_command(&input.aspect, &input.reason)?;
    run(&state, &auth, crisis_id(&id)?, command, at).await
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/teams", tag = "crisis",
    params(("id" = String, Path)), request_body = TeamsInput,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn teams(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: TeamsInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    let index = crate::register::Index::load(&state, auth.user().workspace).await?;
    let command = crisismap_app::crisis::teams_command(&index, &input.teams, &input.reason)?;
    run(&state, &auth, crisis_id(&id)?, command, at).await
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/restore-order", tag = "crisis",
    params(("id" = String, Path)), request_body = RestoreOrderInput,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn restore_order(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: RestoreOrderInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
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
    run(&state, &auth, crisis_id(&id)?, command, at).await
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/close", tag = "crisis",
    params(("id" = String, Path)), request_body = CloseInput,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn close(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: CloseInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    run(
        &state,
        &auth,
        crisis_id(&id)?,
        CrisisCommand::Close {
            reason: input.reason,
        },
        at,
    )
    .await
}

/// One moment of the crisis, in the order things happened.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineDto {
    /// When it happened (UTC).
    pub occurred_at: String,
    /// When it was recorded (UTC); never changes.
    pub recorded_at: String,
    /// Recorded more than half an hour after it happened.
    pub recorded_late: bool,
    /// Typed back in from a paper form: which form, page, and who wrote it.
    pub transcribed: Option<TranscriptionDto>,
    pub who: String,
    /// `crisis` for the crisis's own events, else the entry's kind.
    pub kind: String,
    pub text: String,
}

/// Where a transcribed entry was written on paper.
#[derive(Debug, Serialize, ToSchema)]
pub struct TranscriptionDto {
    pub form: String,
    pub page: u32,
    pub written_by: String,
}

impl From<&crisismap_core::crisis::Transcription> for TranscriptionDto {
    fn from(t: &crisismap_core::crisis::Transcription) -> Self {
        TranscriptionDto {
            form: t.form.clone(),
            page: t.page,
            written_by: t.written_by.clone(),
        }
    }
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
    let items =
        super::timeline::timeline_items(&state, &room, crisismap_app::i18n::Tr(auth.ctx.lang))
            .await?;
    Ok(Json(
        items
            .into_iter()
            .map(|i| TimelineDto {
                occurred_at: i.occurred_utc,
                recorded_at: i.recorded_utc,
                recorded_late: i.late,
                transcribed: i.transcribed.as_ref().map(TranscriptionDto::from),
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
    responses((status = 200, body = EntryDto), (status = 404, body = crate::http::layers::Problem)))]
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
    responses((status = 201, body = EntryDto), (status = 422, body = crate::http::layers::Problem), (status = 409, body = crate::http::layers::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, kind)): Path<(String, String)>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<impl IntoResponse, AppError> {
    let kind = kind_of(&kind)?;
    let EntryBody { raw, at, .. } = entry_body(kind, body)?;
    let crisis = crisis_id(&id)?;
    let saved = crisismap_app::crisis::save_entry(
        &state,
        &auth.principal,
        crisis,
        kind,
        None,
        None,
        &raw,
        at,
    )
    .await?;
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
    responses((status = 200, body = EntryDto), (status = 409, body = crate::http::layers::Problem), (status = 422, body = crate::http::layers::Problem)))]
pub async fn update(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, kind, entry)): Path<(String, String, String)>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<EntryDto>, AppError> {
    let kind = kind_of(&kind)?;
    let entry: RecordId = entry.parse().map_err(|_| AppError::NotFound)?;
    let EntryBody { raw, rev, at } = entry_body(kind, body)?;
    let Some(rev) = rev else {
        return Err(AppError::Invalid(vec![FieldError {
            field: "rev".into(),
            code: "required".into(),
            message: String::new(),
        }]));
    };
    let crisis = crisis_id(&id)?;
    crisismap_app::crisis::save_entry(
        &state,
        &auth.principal,
        crisis,
        kind,
        Some(entry),
        Some(rev),
        &raw,
        at,
    )
    .await?;
    let e = state
        .store()
        .entry(auth.user().workspace, crisis, entry)
        .await?;
    Ok(Json(EntryDto::from(&e)))
}

/// An entry's body: the fields of its kind, `rev` for a change, and, for kinds without a
/// time field of their own, `occurred_at`: when it happened (empty: now).
fn entry_body(
    kind: EntryKind,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<EntryBody, AppError> {
    let own = kind.schema().field("occurred_at").is_some();
    let meta: &[&str] = if own { &[] } else { &["occurred_at"] };
    let mut b = crate::register::api::body_with_meta(kind.schema(), body, meta)?;
    let at = match b.meta.remove("occurred_at") {
        Some(text) => crisismap_app::crisis::occurrence(&text, false)?.map(|o| o.at),
        None => None,
    };
    Ok(EntryBody {
        raw: b.raw,
        rev: b.rev,
        at,
    })
}

struct EntryBody {
    raw: crisismap_core::register::RawRecord,
    rev: Option<i64>,
    at: Option<jiff::Timestamp>,
}

/// A paper form typed back in: which form and page, who wrote it, and its rows.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TranscriptionInput {
    /// log, decision or attendance.
    pub kind: String,
    /// The form's id as printed at its top (or as written on improvised paper).
    #[serde(default)]
    pub form: String,
    /// The page number on the sheet.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub page: serde_json::Value,
    /// Who wrote the rows on paper.
    #[serde(default)]
    pub written_by: String,
    /// The rows, each with the fields of an entry of the kind (its time as written).
    #[serde(default)]
    #[schema(value_type = Vec<Object>)]
    pub rows: Vec<serde_json::Value>,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/transcriptions", tag = "crisis",
    params(("id" = String, Path)), request_body = TranscriptionInput,
    responses((status = 201, body = [EntryDto]), (status = 422, body = crate::http::layers::Problem)))]
pub async fn transcribe(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<impl IntoResponse, AppError> {
    let input: TranscriptionInput = json(body)?;
    let kind: EntryKind = input.kind.parse().map_err(|_| {
        AppError::Invalid(vec![FieldError {
            field: "kind".into(),
            code: "unknown_choice".into(),
            message: String::new(),
        }])
    })?;
    if !crisismap_app::crisis::TRANSCRIBED_KINDS.contains(&kind) {
        return Err(AppError::Invalid(vec![FieldError {
            field: "kind".into(),
            code: "unknown_choice".into(),
            message: String::new(),
        }]));
    }
    let page = match &input.page {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.clone(),
        _ => String::new(),
    };
    let mut errors = vec![];
    let transcription =
        crisismap_core::crisis::Transcription::new(&input.form, &page, &input.written_by)
            .map_err(|issues| {
                errors.extend(crisismap_app::register::issues_to_field_errors(issues));
            })
            .ok();
    let mut rows = vec![];
    for (i, row) in input.rows.into_iter().enumerate() {
        match crate::register::api::body_with_meta(kind.schema(), Ok(Json(row)), &[]) {
            Ok(b) => rows.push(b.raw),
            Err(AppError::Invalid(fields)) => {
                errors.extend(fields.into_iter().map(|f| FieldError {
                    field: format!("rows.{i}.{}", f.field),
                    ..f
                }))
            }
            Err(e) => return Err(e),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let Some(transcription) = transcription else {
        return Err(AppError::Internal("transcription checked above".into()));
    };
    let crisis = crisis_id(&id)?;
    let ids = crisismap_app::crisis::transcribe(
        &state,
        &auth.principal,
        crisis,
        kind,
        transcription,
        &rows,
    )
    .await?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let e = state
            .store()
            .entry(auth.user().workspace, crisis, id)
            .await?;
        out.push(EntryDto::from(&e));
    }
    Ok((StatusCode::CREATED, Json(out)))
}

/// A liaison or expert to invite: these fields and no others.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GuestBody {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
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
    params(("id" = String, Path)), request_body = GuestBody,
    responses((status = 201, body = GuestDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn invite_guest(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<impl IntoResponse, AppError> {
    let input: GuestBody = json(body)?;
    let input = crisismap_app::users::NewUserInput {
        email: input.email,
        display_name: input.display_name,
        role: String::new(),
    };
    let crisis = crisis_id(&id)?;
    let (user, password) =
        crisismap_app::users::add_guest(&state, &auth.principal, &auth.ctx.origin, crisis, &input)
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

/// The whole set of failing nodes of the dependency graph.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FailingInput {
    /// Graph nodes: register record ids, or `vital:<code>` for a vital process.
    #[serde(default)]
    pub nodes: Vec<String>,
    #[serde(default)]
    pub reason: String,
    /// When the nodes newly in the set failed (Amsterdam local time or UTC; empty: now);
    /// the cascade counts from then. Nodes already failing keep their moment.
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/failing", tag = "crisis",
    params(("id" = String, Path)), request_body = FailingInput,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn set_failing(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: FailingInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    let command =
        crisismap_app::crisis::failing_command(&state, &auth.principal, input.nodes, &input.reason)
            .await?;
    run(&state, &auth, crisis_id(&id)?, command, at).await
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
    let graph = crisismap_app::register::graph_of(&room.index)?;
    let c = super::views::crisis_cascade(&room, &graph, crisismap_app::i18n::Tr(auth.ctx.lang))?;
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
