//! The register's JSON door: the same save and archive commands as the forms.

use crate::AppState;
use crate::http::auth::{Authed, EditorUp, ViewerUp};
use crate::http::error::{AppError, FieldError};
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use crisismap_app::register::Index;
use crisismap_core::register::schema::Schema;
use crisismap_core::register::views::{ContactView, RosterView};
use crisismap_core::register::{RawRecord, Record, RecordId, RecordKind};
use crisismap_core::time::canonical;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use utoipa::ToSchema;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/register/{kind}", get(list).post(create))
        .route(
            "/register/{kind}/{id}",
            get(one).put(update).delete(archive),
        )
        .route("/oncall", get(oncall))
        .route("/readiness", get(readiness))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RecordDto {
    pub id: String,
    /// contact, organisation, team, roster, escalation, process, meeting, plan or readiness.
    pub kind: String,
    pub title: String,
    /// Send this back when changing the record; a change based on an older revision is refused (409).
    pub rev: i64,
    pub archived: bool,
    pub updated_at: String,
    /// The record's fields, as described by its kind (see the HTML form for the meaning).
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
}

impl From<&Record> for RecordDto {
    fn from(r: &Record) -> Self {
        RecordDto {
            id: r.id.to_string(),
            kind: r.kind.code().to_owned(),
            title: r.title.clone(),
            rev: r.rev,
            archived: r.archived,
            updated_at: r.updated_at.clone(),
            data: serde_json::Value::Object(r.data.clone()),
        }
    }
}

fn kind_of(kind: &str) -> Result<RecordKind, AppError> {
    kind.parse().map_err(|_| AppError::NotFound)
}

/// The record (or entry) in a JSON body, and the revision it is based on. Every field that
/// the kind does not have, and every value of the wrong shape (an object or a list for a
/// field, anything but a list of objects for a group), is refused by name (422), so that a
/// typing error in a client never drops data silently.
pub(crate) fn body_of(
    schema: &Schema,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<(RawRecord, Option<i64>), AppError> {
    let b = body_with_meta(schema, body, &[])?;
    Ok((b.raw, b.rev))
}

/// A record's body, its revision, and the keys about it that are not in it.
pub(crate) struct Body {
    pub raw: RawRecord,
    pub rev: Option<i64>,
    pub meta: BTreeMap<String, String>,
}

/// `body_of` with more keys beside `rev` that are about the record rather than in it (e.g.
/// when an entry happened), each a string or null, returned apart.
pub(crate) fn body_with_meta(
    schema: &Schema,
    body: Result<Json<serde_json::Value>, JsonRejection>,
    meta: &[&str],
) -> Result<Body, AppError> {
    let Json(mut value) = body.map_err(crate::http::json::json_error)?;
    let mut extra = BTreeMap::new();
    let mut errors = vec![];
    if let Some(obj) = value.as_object_mut() {
        for key in meta {
            match obj.remove(*key) {
                Some(Value::String(s)) => {
                    extra.insert((*key).to_owned(), s);
                }
                Some(Value::Null) | None => {}
                Some(_) => errors.push(FieldError {
                    field: (*key).to_owned(),
                    code: "wrong_type".into(),
                    message: String::new(),
                }),
            }
        }
    }
    errors.extend(shape_errors(schema, &value));
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let rev = value.get("rev").and_then(|v| v.as_i64());
    let mut raw = RawRecord::from_json(&value).map_err(|issue| {
        AppError::Invalid(vec![FieldError {
            field: issue.field,
            code: issue.code.to_owned(),
            message: String::new(),
        }])
    })?;
    raw.fields.remove("rev");
    Ok(Body {
        raw,
        rev,
        meta: extra,
    })
}

fn shape_errors(schema: &Schema, value: &Value) -> Vec<FieldError> {
    use Value::{Array, Null, Object};
    let error = |field: String, code: &str| FieldError {
        field,
        code: code.to_owned(),
        message: String::new(),
    };
    let Some(obj) = value.as_object() else {
        return vec![]; // RawRecord::from_json names the body
    };
    let mut errors = vec![];
    for (key, v) in obj {
        if key == "rev" {
            if !matches!(v, Value::Number(_) | Null) {
                errors.push(error(key.clone(), "wrong_type"));
            }
        } else if let Some(group) = schema.group(key) {
            match v {
                Array(rows) => {
                    for (i, row) in rows.iter().enumerate() {
                        let Object(row) = row else {
                            continue; // RawRecord::from_json names the row
                        };
                        for (k, v) in row {
                            let name = format!("{key}.{i}.{k}");
                            if !group.fields.iter().any(|f| f.name == k) {
                                errors.push(error(name, "unknown_field"));
                            } else if matches!(v, Array(_) | Object(_)) {
                                errors.push(error(name, "wrong_type"));
                            }
                        }
                    }
                }
                Null => {}
                _ => errors.push(error(key.clone(), "wrong_type")),
            }
        } else if schema.field(key).is_some() {
            if matches!(v, Array(_) | Object(_)) {
                errors.push(error(key.clone(), "wrong_type"));
            }
        } else {
            errors.push(error(key.clone(), "unknown_field"));
        }
    }
    errors
}

#[utoipa::path(get, path = "/api/v1/register/{kind}", tag = "register",
    params(("kind" = String, Path, description = "contact, organisation, team, roster, escalation, process, meeting, plan or readiness")),
    responses((status = 200, body = [RecordDto]), (status = 404, body = crate::http::layers::Problem)))]
pub async fn list(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(kind): Path<String>,
) -> Result<Json<Vec<RecordDto>>, AppError> {
    let kind = kind_of(&kind)?;
    let records = state.store().records(auth.user().workspace, kind).await?;
    Ok(Json(records.iter().map(RecordDto::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/register/{kind}/{id}", tag = "register",
    params(("kind" = String, Path), ("id" = String, Path)),
    responses((status = 200, body = RecordDto), (status = 404, body = crate::http::layers::Problem)))]
pub async fn one(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path((kind, id)): Path<(String, String)>,
) -> Result<Json<RecordDto>, AppError> {
    let kind = kind_of(&kind)?;
    let id: RecordId = id.parse().map_err(|_| AppError::NotFound)?;
    let record = state.store().record(auth.user().workspace, id).await?;
    if record.kind != kind {
        return Err(AppError::NotFound);
    }
    Ok(Json(RecordDto::from(&record)))
}

#[utoipa::path(post, path = "/api/v1/register/{kind}", tag = "register",
    params(("kind" = String, Path)),
    request_body(content = Object, description = "The record's fields; repeated groups (phones, members, shifts, …) as arrays of objects"),
    responses((status = 201, body = RecordDto), (status = 422, body = crate::http::layers::Problem), (status = 403, body = crate::http::layers::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path(kind): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<impl IntoResponse, AppError> {
    let kind = kind_of(&kind)?;
    let (raw, _) = body_of(kind.schema(), body)?;
    let id = crisismap_app::register::save(
        &state,
        &auth.principal,
        &auth.ctx.origin,
        kind,
        None,
        None,
        &raw,
    )
    .await?;
    let record = state.store().record(auth.user().workspace, id).await?;
    Ok((StatusCode::CREATED, Json(RecordDto::from(&record))))
}

#[utoipa::path(put, path = "/api/v1/register/{kind}/{id}", tag = "register",
    params(("kind" = String, Path), ("id" = String, Path)),
    request_body(content = Object, description = "All fields of the record, and `rev`: the revision the change is based on"),
    responses((status = 200, body = RecordDto), (status = 409, body = crate::http::layers::Problem), (status = 422, body = crate::http::layers::Problem)))]
pub async fn update(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path((kind, id)): Path<(String, String)>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<RecordDto>, AppError> {
    let kind = kind_of(&kind)?;
    let id: RecordId = id.parse().map_err(|_| AppError::NotFound)?;
    let (raw, rev) = body_of(kind.schema(), body)?;
    let Some(rev) = rev else {
        return Err(AppError::Invalid(vec![FieldError {
            field: "rev".into(),
            code: "required".into(),
            message: String::new(),
        }]));
    };
    crisismap_app::register::save(
        &state,
        &auth.principal,
        &auth.ctx.origin,
        kind,
        Some(id),
        Some(rev),
        &raw,
    )
    .await?;
    let record = state.store().record(auth.user().workspace, id).await?;
    Ok(Json(RecordDto::from(&record)))
}

#[utoipa::path(delete, path = "/api/v1/register/{kind}/{id}", tag = "register",
    params(("kind" = String, Path), ("id" = String, Path)),
    responses((status = 204, description = "Archived"), (status = 404, body = crate::http::layers::Problem)))]
pub async fn archive(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path((kind, id)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    let kind = kind_of(&kind)?;
    let id: RecordId = id.parse().map_err(|_| AppError::NotFound)?;
    crisismap_app::register::archive(&state, &auth.principal, &auth.ctx.origin, kind, id, None)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OnCallDto {
    pub roster: String,
    pub roster_id: String,
    /// crisis_advisor, ciso, communication, mayor, municipal_secretary or other.
    pub duty: String,
    pub person: Option<String>,
    /// E.164 numbers of the person on duty.
    pub phones: Vec<String>,
    pub until: Option<String>,
    pub stand_in: bool,
    /// The first moment in the week from the moment asked about when nobody is on duty.
    pub gap_from: Option<String>,
    /// The moment asked about (UTC).
    pub at: String,
}

/// Which moment to ask about.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default, deny_unknown_fields)]
pub struct OnCallQuery {
    /// Amsterdam local time (`2026-12-08T02:00`) or UTC; empty: now.
    pub at: String,
}

#[utoipa::path(get, path = "/api/v1/oncall", tag = "register",
    params(OnCallQuery),
    responses((status = 200, body = [OnCallDto]), (status = 422, body = crate::http::layers::Problem)))]
pub async fn oncall(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    query: Result<axum::extract::Query<OnCallQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<OnCallDto>>, AppError> {
    let axum::extract::Query(q) = query.map_err(|e| {
        AppError::Invalid(vec![FieldError {
            field: "query".into(),
            code: "unknown_field".into(),
            message: e.body_text(),
        }])
    })?;
    let now = if q.at.trim().is_empty() {
        state.now()
    } else {
        crisismap_app::crisis::parse_moment(&q.at).ok_or_else(|| {
            AppError::Invalid(vec![FieldError {
                field: "at".into(),
                code: "invalid_datetime".into(),
                message: String::new(),
            }])
        })?
    };
    let index = Index::load(&state, auth.user().workspace).await?;
    let week = crisismap_core::register::oncall::coming_week(now);
    let out = index
        .views::<RosterView>(RecordKind::Roster)
        .into_iter()
        .map(|(id, r)| {
            let duty = r.on_duty(now);
            let contact = duty
                .as_ref()
                .and_then(|d| index.get(d.person))
                .and_then(|c| c.view::<ContactView>());
            OnCallDto {
                roster_id: id.to_string(),
                duty: r.duty.clone(),
                person: contact.as_ref().map(|c| c.name.clone()),
                phones: contact
                    .map(|c| c.phones.into_iter().map(|p| p.number).collect())
                    .unwrap_or_default(),
                until: duty.as_ref().map(|d| canonical(d.until)),
                stand_in: duty.as_ref().is_some_and(|d| d.stand_in),
                gap_from: r.first_gap(now, week).map(|(from, _)| canonical(from)),
                at: canonical(now),
                roster: r.name,
            }
        })
        .collect();
    Ok(Json(out))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReadinessDto {
    pub item: String,
    /// preparation, warm or aftermath.
    pub phase: String,
    /// not_started, in_progress or in_order.
    pub status: String,
    /// For items the registers can prove: whether they do.
    pub proven: Option<bool>,
}

#[utoipa::path(get, path = "/api/v1/readiness", tag = "register",
    responses((status = 200, body = [ReadinessDto])))]
pub async fn readiness(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Json<Vec<ReadinessDto>>, AppError> {
    let index = Index::load(&state, auth.user().workspace).await?;
    Ok(Json(
        index
            .evidence()
            .assess(state.now())
            .into_iter()
            .map(|a| ReadinessDto {
                item: a.code.to_owned(),
                phase: a.phase.code().to_owned(),
                status: a.status.code().to_owned(),
                proven: a.proven,
            })
            .collect(),
    ))
}
