//! The JSON API under `/api/v1`: the same commands as the HTML forms, authenticated by a
//! personal bearer token (or the browser session), errors as `application/problem+json`,
//! described by the OpenAPI document at `/api/v1/openapi.json`.

use crate::AppState;
use crate::http::auth::{AdminOnly, Authed, ViewerUp};
use crate::http::error::AppError;
use crate::http::json::{no_fields, strict_json};
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use crisismap_app::users::{self as commands, NewUserInput, UserChange};
use crisismap_core::crisis::EntryKind;
use crisismap_core::{StreamId, UserId, time};
use crisismap_store::UserRecord;
use serde::{Deserialize, Serialize};
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{IntoParams, Modify, OpenApi, ToSchema};

/// The API's full version, in every response's `API-Version` header and in its description.
/// The major version is the `/v1` in the address.
mod conventions;

pub const API_VERSION: &str = "1.0.0";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/me", get(me))
        .route("/streams", get(streams))
        .route("/streams/{id}/events", get(events))
        .route("/streams/{id}/verification", get(verification))
        .route("/users", get(list_users).post(add_user))
        .route("/users/{id}/disable", post(disable_user))
        .route("/users/{id}/enable", post(enable_user))
        .merge(crate::register::api::router())
        .merge(crate::crisis::api::router())
        .fallback(crate::pages::not_found)
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("api-version"),
            HeaderValue::from_static(API_VERSION),
        ))
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "crisismap API",
        version = "1",
        description = "The JSON door to the same commands as the web pages. Authenticate with a personal token: `Authorization: Bearer cm_…` (create one under Account). Errors are application/problem+json."
    ),
    paths(me, streams, events, verification, list_users, add_user, disable_user, enable_user,
        crate::register::api::list, crate::register::api::one, crate::register::api::create,
        crate::register::api::update, crate::register::api::archive, crate::register::api::oncall,
        crate::register::api::readiness,
        crate::crisis::api::list, crate::crisis::api::open, crate::crisis::api::one,
        crate::crisis::api::classify, crate::crisis::api::phase, crate::crisis::api::grip,
        crate::crisis::api::confirm, crate::crisis::api::teams, crate::crisis::api::transcribe,
        crate::crisis::api::restore_order, crate::crisis::api::close, crate::crisis::api::handover, crate::crisis::api::timeline, crate::crisis::api::recovery, crate::crisis::api::involved,
        crate::crisis::api::entries, crate::crisis::api::entry, crate::crisis::api::create,
        crate::crisis::api::update, crate::crisis::api::invite_guest,
        crate::crisis::api::set_failing, crate::crisis::api::cascade,
        crate::crisis::api::exercise::scenarios, crate::crisis::api::exercise::adopt_scenario,
        crate::crisis::api::exercise::adopt_goals, crate::crisis::api::exercise::start,
        crate::crisis::api::exercise::one, crate::crisis::api::exercise::clock,
        crate::crisis::api::exercise::staff, crate::crisis::api::exercise::release,
        crate::crisis::api::exercise::withhold, crate::crisis::api::exercise::ad_hoc,
        crate::crisis::api::exercise::observations, crate::crisis::api::exercise::observe),
    components(schemas(MeDto, TwoStepDto, UserDto, StreamDto, EventDto, VerificationDto, FaultDto, NewUserResult, crate::http::layers::Problem, crate::http::error::FieldErrorDoc,
        crate::register::api::RecordDto, crate::register::api::OnCallDto, crate::register::api::ReadinessDto,
        crate::crisis::api::CrisisDto, crate::crisis::api::EntryDto, crate::crisis::api::TimelineDto, crate::crisis::api::RecoveryDto, crate::crisis::api::StretchDto, crate::crisis::api::InvolvedDto, crate::crisis::api::GuestDto, crate::crisis::api::ImpactDto,
        crate::crisis::api::OpenBody, NewUserBody, crate::crisis::api::ClassifyInput, crate::crisis::api::ClassifiedDto,
        crate::crisis::api::ProposalDto, crate::crisis::api::ReasonedDto, crate::crisis::api::PhaseInput,
        crate::crisis::api::GripInput, crate::crisis::api::RestoreOrderInput, crate::crisis::api::CloseInput, crate::crisis::api::HandoverBody, crate::crisis::api::TransferBody,
        crate::crisis::api::TeamsInput, crate::crisis::api::ConfirmationInput, crate::crisis::api::FailingInput,
        crate::crisis::api::TranscriptionInput, crate::crisis::api::TranscriptionDto, crate::crisis::api::GuestBody,
        crate::crisis::api::ScenarioDto, crate::crisis::api::AdoptedDto, crate::crisis::api::StartBody,
        crate::crisis::api::ExerciseDto, crate::crisis::api::InjectDto, crate::crisis::api::ClockBody,
        crate::crisis::api::StaffBody, crate::crisis::api::WithholdBody, crate::crisis::api::AdHocBody,
        crate::crisis::api::ObservationDto, crate::crisis::api::ObservationBody)),
    modifiers(&BearerAuth),
    security(("bearer" = []))
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI 3 document, generated from the code and brought in line with the NL GOV API
/// Design Rules (`conventions`).
async fn openapi() -> impl IntoResponse {
    Json(openapi_document().clone())
}

/// The API's OpenAPI 3 document as it is served, built once.
pub fn openapi_document() -> &'static serde_json::Value {
    static DOC: std::sync::LazyLock<serde_json::Value> =
        std::sync::LazyLock::new(|| conventions::apply(ApiDoc::openapi()));
    &DOC
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserDto {
    pub id: String,
    pub email: String,
    pub display_name: String,
    /// admin, editor, member or viewer.
    pub role: String,
    pub disabled: bool,
    /// nl or en.
    pub language: String,
}

impl From<UserRecord> for UserDto {
    fn from(u: UserRecord) -> Self {
        UserDto {
            id: u.id.to_string(),
            email: u.email,
            display_name: u.display_name,
            role: u.role.code().to_owned(),
            disabled: u.disabled,
            language: u.language.code().to_owned(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeDto {
    pub user: UserDto,
    pub workspace_id: String,
    pub workspace_name: String,
    pub two_step: TwoStepDto,
}

/// The user's two-step verification (TOTP), as the account page shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct TwoStepDto {
    /// An authenticator app is set up and confirmed.
    pub enrolled: bool,
    /// Required of this user: administrators always, everyone when the workspace says so.
    pub required: bool,
    /// Unused recovery codes (0 when not enrolled).
    pub recovery_codes_left: i64,
}

#[utoipa::path(get, path = "/api/v1/me", tag = "account",
    responses((status = 200, body = MeDto), (status = 401, body = crate::http::layers::Problem)))]
async fn me(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Json<MeDto>, AppError> {
    let user = &auth.principal.user;
    let store = state.store();
    let ws = store.workspace(user.workspace).await?;
    let enrolled = store.totp(user.id).await?.is_some_and(|t| t.confirmed);
    let two_step = TwoStepDto {
        enrolled,
        required: crate::http::auth::mfa_required(
            user.role,
            store.mfa_required_for_all(user.workspace).await?,
        ),
        recovery_codes_left: if enrolled {
            store.recovery_codes_left(user.id).await?
        } else {
            0
        },
    };
    Ok(Json(MeDto {
        user: user.clone().into(),
        workspace_id: ws.id.to_string(),
        workspace_name: ws.name,
        two_step,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StreamDto {
    pub id: String,
    /// workspace, preparation or crisis.
    pub kind: String,
    pub head_seq: i64,
    pub head_hash: String,
}

#[utoipa::path(get, path = "/api/v1/streams", tag = "record",
    responses((status = 200, body = [StreamDto]), (status = 401, body = crate::http::layers::Problem)))]
async fn streams(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Json<Vec<StreamDto>>, AppError> {
    let streams = state.store().streams(auth.user().workspace).await?;
    Ok(Json(
        streams
            .into_iter()
            .map(|s| StreamDto {
                id: s.id.to_string(),
                kind: s.kind.code().to_owned(),
                head_seq: s.head_seq,
                head_hash: s.head_hash,
            })
            .collect(),
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventDto {
    pub id: String,
    pub seq: i64,
    /// UTC, RFC 3339 with microseconds.
    pub recorded_at: String,
    pub actor: String,
    pub kind: String,
    /// The exact payload text that the hash covers.
    pub payload: String,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventsQuery {
    /// Return events after this seq (default 0).
    after: Option<i64>,
    /// At most this many (default 100, at most 1000).
    limit: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/streams/{id}/events", tag = "record",
    params(("id" = String, Path, description = "Stream id"), EventsQuery),
    responses((status = 200, body = [EventDto]), (status = 404, body = crate::http::layers::Problem)))]
async fn events(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
    Query(q): Query<EventsQuery>,
) -> Result<Json<Vec<EventDto>>, AppError> {
    let id: StreamId = id.parse().map_err(|_| AppError::NotFound)?;
    let stream = state.store().stream_in(auth.user().workspace, id).await?;
    // The workspace's own stream names every user (e-mail address and role): it is the
    // administrators' to read, like the user list.
    if stream.kind == crisismap_core::StreamKind::Workspace
        && auth.user().role != crisismap_core::Role::Admin
    {
        crate::http::auth::audit(
            &state,
            auth.ctx.audit("access", &format!("stream:{id}"), "denied"),
        )
        .await;
        return Err(AppError::Forbidden);
    }
    let limit = q.limit.unwrap_or(100).clamp(1, 1000);
    let after = q.after.unwrap_or(0).max(0);
    let events = state.store().events(id, after, limit).await?;
    let (role, guest) = (auth.user().role, auth.user().crisis_scope.is_some());
    Ok(Json(
        events
            .into_iter()
            .map(|e| EventDto {
                id: e.id.to_string(),
                seq: e.seq,
                recorded_at: time::canonical(e.recorded_at),
                payload: withheld(&e.kind, e.payload, role, guest),
                actor: e.actor,
                kind: e.kind,
                prev_hash: e.prev_hash,
                hash: e.hash,
            })
            .collect(),
    ))
}

/// Where a stream's chain first goes wrong.
#[derive(Debug, Serialize, ToSchema)]
pub struct FaultDto {
    /// The seq of the first event that does not check out.
    pub seq: i64,
    /// What is wrong there.
    pub problem: String,
}

/// The verification of one stream's hash chain.
#[derive(Debug, Serialize, ToSchema)]
pub struct VerificationDto {
    pub stream: String,
    /// `workspace`, `preparation` or `crisis`.
    pub kind: String,
    /// Whether every event checks out, from the first to the head.
    pub intact: bool,
    /// Events walked before the first fault (all of them when intact).
    pub length: i64,
    /// The hash of the last event that checked out: the record's check value.
    pub head_hash: String,
    /// The first fault, when there is one.
    pub fault: Option<FaultDto>,
    /// When the chain was walked (UTC); a verification of the same head less than a minute
    /// old is reused.
    pub verified_at: String,
}

#[utoipa::path(get, path = "/api/v1/streams/{id}/verification", tag = "record",
    params(("id" = String, Path, description = "Stream id")),
    responses((status = 200, body = VerificationDto), (status = 403, body = crate::http::layers::Problem), (status = 404, body = crate::http::layers::Problem)))]
async fn verification(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Json<VerificationDto>, AppError> {
    let id: StreamId = id.parse().map_err(|_| AppError::NotFound)?;
    let stream = state.store().stream_in(auth.user().workspace, id).await?;
    if stream.kind == crisismap_core::StreamKind::Workspace
        && auth.user().role != crisismap_core::Role::Admin
    {
        return Err(AppError::Forbidden);
    }
    let (report, at) = state.store().verify_stream_recent(id).await?;
    Ok(Json(VerificationDto {
        stream: id.to_string(),
        kind: report.kind,
        intact: report.fault.is_none(),
        length: report.length,
        head_hash: report.head_hash,
        fault: report.fault.map(|f| FaultDto {
            seq: f.seq,
            problem: f.fault.to_string(),
        }),
        verified_at: time::canonical(at),
    }))
}

/// An event's payload as this reader may see it: a confidential entry's (legal advice,
/// aftercare) is withheld from those who may not read its kind. The event itself stays in
/// the list, with its sequence number and hashes, so the chain can still be followed.
fn withheld(kind: &str, payload: String, role: crisismap_core::Role, guest: bool) -> String {
    if kind != "entry_saved" {
        return payload;
    }
    let entry_kind = serde_json::from_str::<serde_json::Value>(&payload)
        .ok()
        .and_then(|v| v.get("kind")?.as_str()?.parse::<EntryKind>().ok());
    match entry_kind {
        Some(k) if !k.readable_by(role, guest) => {
            serde_json::json!({ "type": kind, "kind": k.code(), "withheld": "confidential" })
                .to_string()
        }
        _ => payload,
    }
}

#[utoipa::path(get, path = "/api/v1/users", tag = "users",
    responses((status = 200, body = [UserDto]), (status = 403, body = crate::http::layers::Problem)))]
async fn list_users(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
) -> Result<Json<Vec<UserDto>>, AppError> {
    let users = state.store().users(auth.user().workspace).await?;
    Ok(Json(users.into_iter().map(UserDto::from).collect()))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NewUserResult {
    pub user: UserDto,
    /// Shown once; the user must choose a new password at first login.
    pub one_time_password: String,
}

#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = NewUserBody,
    responses((status = 201, body = NewUserResult), (status = 422, body = crate::http::layers::Problem),
              (status = 403, body = crate::http::layers::Problem)))]
async fn add_user(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<impl IntoResponse, AppError> {
    let input: NewUserBody = strict_json(body)?;
    let input = NewUserInput {
        email: input.email,
        display_name: input.display_name,
        role: input.role,
    };
    let (user, password) =
        commands::add_user(&state, (&auth.principal).into(), &auth.ctx.origin, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(NewUserResult {
            user: user.into(),
            one_time_password: password,
        }),
    ))
}

#[utoipa::path(post, path = "/api/v1/users/{id}/disable", tag = "users",
    params(("id" = String, Path, description = "User id")),
    responses((status = 204), (status = 404, body = crate::http::layers::Problem), (status = 409, body = crate::http::layers::Problem)))]
async fn disable_user(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<StatusCode, AppError> {
    no_fields(&body)?;
    change_user(&state, &auth, &id, UserChange::Disable).await
}

#[utoipa::path(post, path = "/api/v1/users/{id}/enable", tag = "users",
    params(("id" = String, Path, description = "User id")),
    responses((status = 204), (status = 404, body = crate::http::layers::Problem)))]
async fn enable_user(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<StatusCode, AppError> {
    no_fields(&body)?;
    change_user(&state, &auth, &id, UserChange::Enable).await
}

/// Both doors' user change, answered as the API does: 204, or 404 for a user of another
/// workspace (or none), 409 when the last administrator would go.
async fn change_user(
    state: &AppState,
    auth: &Authed<AdminOnly>,
    id: &str,
    change: UserChange,
) -> Result<StatusCode, AppError> {
    let id: UserId = id.parse().map_err(|_| AppError::NotFound)?;
    commands::change_user(
        state,
        (&auth.principal).into(),
        &auth.ctx.origin,
        id,
        change,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A new user as the API takes it: these fields and no others.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewUserBody {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    /// admin, editor, member or viewer (not asked when inviting a guest).
    #[serde(default)]
    pub role: String,
}
