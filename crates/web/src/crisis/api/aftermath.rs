// The aftermath's derived views through the API: the recovery of each process and affected
// organisation, and (administrators only) who was involved and for how long.

use super::crisis_id;
use crate::AppState;
use crate::http::auth::{AdminOnly, Authed, ViewerUp};
use crate::http::error::AppError;
use axum::Json;
use axum::extract::{Path, State};
use crisismap_app::crisis::Room;
use crisismap_core::crisis::EntryKind;
use crisismap_core::time::canonical;
use serde::Serialize;
use utoipa::ToSchema;

/// One stretch of one status.
#[derive(Debug, Serialize, ToSchema)]
pub struct StretchDto {
    /// The status's code (`down`, `workaround`, `restored`, `safe`, …).
    pub status: String,
    /// From when (UTC).
    pub from: String,
    /// Until when (UTC): the next status, or now.
    pub to: String,
}

/// The recovery of one process or affected organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecoveryDto {
    /// The process's or organisation's name.
    pub name: String,
    /// `process` or `organisation`.
    pub kind: String,
    /// Its status now.
    pub status: String,
    /// When it first went down (UTC).
    pub down_at: Option<String>,
    /// When its hold-out time required it back (UTC).
    pub due: Option<String>,
    /// When it was expected back (UTC).
    pub expected: Option<String>,
    /// When it was back (UTC).
    pub restored_at: Option<String>,
    /// When it was declared safe again (UTC).
    pub safe_at: Option<String>,
    /// Still not back.
    pub open: bool,
    /// Back later than its hold-out time, or still out after it.
    pub late: bool,
    /// Its statuses over time.
    pub stretches: Vec<StretchDto>,
}

#[utoipa::path(get, path = "/api/v1/crises/{id}/recovery", tag = "crisis",
    params(("id" = String, Path)),
    responses((status = 200, body = [RecoveryDto]), (status = 404, body = crate::http::layers::Problem)))]
pub async fn recovery(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Json<Vec<RecoveryDto>>, AppError> {
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let now = state.now();
    let courses = crate::crisis::recovery::courses(&state, &room, now).await?;
    Ok(Json(
        courses
            .into_iter()
            .map(|t| RecoveryDto {
                kind: if t.organisation {
                    "organisation"
                } else {
                    "process"
                }
                .to_owned(),
                open: t.course.open(),
                late: t.course.late(now),
                down_at: t.course.down_at.map(canonical),
                due: t.course.due.map(canonical),
                expected: t.course.expected.map(canonical),
                restored_at: t.course.restored_at.map(canonical),
                safe_at: t.course.safe_at.map(canonical),
                stretches: t
                    .course
                    .stretches
                    .into_iter()
                    .map(|s| StretchDto {
                        status: s.status,
                        from: canonical(s.from),
                        to: canonical(s.to),
                    })
                    .collect(),
                name: t.name,
                status: t.status,
            })
            .collect(),
    ))
}

/// Someone involved in the crisis, for the aftercare.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvolvedDto {
    /// The name as recorded.
    pub person: String,
    /// Minutes recorded as present, all stretches together.
    pub present_minutes: i64,
    /// Present between 23:00 and 07:00 Dutch time.
    pub night: bool,
    /// First involved (UTC).
    pub first: String,
    /// Last involved (UTC).
    pub last: String,
    /// Log lines written.
    pub log_lines: usize,
}

#[utoipa::path(get, path = "/api/v1/crises/{id}/involved", tag = "crisis",
    params(("id" = String, Path)),
    responses((status = 200, body = [InvolvedDto]), (status = 403, body = crate::http::layers::Problem)))]
pub async fn involved(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
    Path(id): Path<String>,
) -> Result<Json<Vec<InvolvedDto>>, AppError> {
    let room = Room::load_kind(
        &state,
        auth.user().workspace,
        crisis_id(&id)?,
        EntryKind::Aftercare,
    )
    .await?;
    let people = crate::crisis::aftercare::involved_in(&state, &room).await?;
    Ok(Json(
        people
            .into_iter()
            .map(|p| InvolvedDto {
                present_minutes: p.present.as_mins(),
                night: p.night,
                first: canonical(p.first),
                last: canonical(p.last),
                log_lines: p.log_lines,
                person: p.person,
            })
            .collect(),
    ))
}
