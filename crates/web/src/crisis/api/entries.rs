//! The crisis room's JSON door: what is recorded in a crisis (entries, the timeline, paper
//! forms typed back in, guests).

// The door's shared imports and helpers (`crisis_id`, `kind_of`, `json`, `run`, the DTOs).
use super::*;

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
    let items = crisismap_app::crisis::timeline::timeline_items(
        &state,
        &room,
        crisismap_app::i18n::Tr(auth.ctx.lang),
    )
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
    let kind = kind_of(&kind, auth.user())?;
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
    let kind = kind_of(&kind, auth.user())?;
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
    let kind = kind_of(&kind, auth.user())?;
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
    let kind = kind_of(&kind, auth.user())?;
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
