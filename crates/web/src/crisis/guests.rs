//! Guests of one crisis: liaisons and experts invited to the room.

use super::frame::{Head, crisis_id, field, head, pairs, room_ctx};
use crate::AppState;
use crate::http::auth::{Authed, EditorUp};
use crate::http::error::{AppError, FieldError};
use crate::http::page::PageCtx;
use crate::http::page::render;
use askama::Template;
use axum::extract::{Path, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use crisismap_app::crisis::Room;
use crisismap_app::i18n::Tr;
use crisismap_core::StreamId;

#[derive(Template)]
#[template(path = "crisis/guests.html")]
pub(super) struct GuestsPage {
    ctx: PageCtx,
    head: Head,
    guests: Vec<(String, String, bool)>,
    issued: Option<(String, String, String)>,
    errors: Vec<FieldError>,
    name: String,
    email: String,
}

pub(super) async fn guests_page(
    state: &AppState,
    auth: &Authed<EditorUp>,
    id: StreamId,
    issued: Option<(String, String, String)>,
    errors: Vec<FieldError>,
    input: crisismap_app::users::NewUserInput,
    status: StatusCode,
) -> Result<Response, AppError> {
    let room = Room::load(state, auth.user().workspace, id).await?;
    let tr = Tr(auth.ctx.lang);
    let ctx = room_ctx(
        state,
        &auth.principal,
        &auth.ctx,
        &room,
        tr.t("crisis-guests").to_owned(),
    )
    .await;
    let guests = room
        .users
        .iter()
        .filter(|u| u.crisis_scope == Some(id))
        .map(|u| (u.display_name.clone(), u.email.clone(), u.disabled))
        .collect();
    let page = GuestsPage {
        head: head(&room, tr, "aanwezigheid", auth.user()),
        guests,
        issued,
        errors: crate::http::error::localize(errors, tr),
        name: input.display_name,
        email: input.email,
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

pub(super) async fn guests(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    guests_page(
        &state,
        &auth,
        crisis_id(&id)?,
        None,
        vec![],
        Default::default(),
        StatusCode::OK,
    )
    .await
}

pub(super) async fn invite_guest(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    let p = pairs(&body)?;
    let input = crisismap_app::users::NewUserInput {
        email: field(&p, "email").to_owned(),
        display_name: field(&p, "display_name").to_owned(),
        role: "member".into(),
    };
    match crisismap_app::users::add_guest(&state, &auth.principal, &auth.ctx.origin, id, &input)
        .await
    {
        Ok((user, password)) => {
            guests_page(
                &state,
                &auth,
                id,
                Some((user.display_name, user.email, password)),
                vec![],
                Default::default(),
                StatusCode::CREATED,
            )
            .await
        }
        Err(crisismap_app::Error::Invalid(errors)) => {
            guests_page(
                &state,
                &auth,
                id,
                None,
                errors,
                input,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
