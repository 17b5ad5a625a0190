//! The handover to the line organisation that starts the aftermath: who coordinates from now
//! on, which open actions go to which line owner, which processes are still being restored.

use super::frame::{Head, crisis_href, crisis_id, field, head, pairs, room_ctx, when};
use crate::AppState;
use crate::http::auth::Steerer;
use crate::http::error::{AppError, FieldError};
use crate::http::page::{PageCtx, render};
use crate::register::Refs;
use askama::Template;
use axum::extract::{Path, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_app::crisis::{HandoverInput, Room, TransferInput, action_open};
use crisismap_app::i18n::Tr;
use crisismap_core::crisis::{EntryKind, Phase};

/// An open action as the form offers it.
pub struct OpenAction {
    pub id: String,
    pub what: String,
    pub owner: String,
    pub deadline: String,
    pub new_owner: String,
}

/// A process of the restore order as the form offers it.
pub struct ProcessChoice {
    pub id: String,
    pub name: String,
    pub status: &'static str,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "crisis/handover.html")]
struct HandoverPage {
    ctx: PageCtx,
    head: Head,
    already: bool,
    coordinator: String,
    reason: String,
    occurred_at: String,
    actions: Vec<OpenAction>,
    processes: Vec<ProcessChoice>,
    errors: Vec<FieldError>,
}

impl HandoverPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// What the form was sent with (or nothing yet).
#[derive(Default)]
struct Typed {
    coordinator: Option<String>,
    reason: String,
    occurred_at: String,
    owners: Vec<(String, String)>,
    restoring: Option<Vec<String>>,
}

fn owner_of(room: &Room, e: &crisismap_core::crisis::Entry) -> String {
    match e.text("owner_name").map(str::trim) {
        Some(named) if !named.is_empty() => named.to_owned(),
        _ => e
            .text("owner")
            .and_then(|u| u.parse().ok())
            .and_then(|u| room.user_name(u))
            .unwrap_or_default(),
    }
}

async fn view(
    state: &AppState,
    auth: &Steerer,
    room: &Room,
    typed: Typed,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let auth = &auth.0;
    let tr = Tr(auth.ctx.lang);
    let ctx = room_ctx(
        state,
        &auth.principal,
        &auth.ctx,
        room,
        tr.t("crisis-handover-heading").to_owned(),
    )
    .await;
    let actions = room
        .of(EntryKind::Action)
        .filter(|e| action_open(e))
        .map(|e| OpenAction {
            id: e.id.to_string(),
            what: e.title.clone(),
            owner: owner_of(room, e),
            deadline: e.text("deadline").map(when).unwrap_or_default(),
            new_owner: typed
                .owners
                .iter()
                .find(|(id, _)| *id == e.id.to_string())
                .map(|(_, o)| o.clone())
                .unwrap_or_default(),
        })
        .collect();
    let processes = room
        .processes_in_order()
        .into_iter()
        .map(|(p, status)| {
            let code = status.and_then(|s| s.text("status")).unwrap_or("normal");
            let id = p.id.to_string();
            ProcessChoice {
                checked: match &typed.restoring {
                    Some(ids) => ids.contains(&id),
                    None => matches!(code, "down" | "disrupted" | "workaround"),
                },
                id,
                name: p.title.clone(),
                status: crisismap_app::words::choice_label(tr, "status", code),
            }
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = HandoverPage {
        head: head(room, tr, "", &auth.principal.user),
        already: room.state().phase == Phase::Aftermath,
        coordinator: typed
            .coordinator
            .unwrap_or_else(|| tr.t("crisis-handover-coordinator-default").to_owned()),
        reason: typed.reason,
        occurred_at: typed.occurred_at,
        actions,
        processes,
        errors: crate::http::error::localize(errors, tr),
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

/// The handover form: the open actions, the processes (those not working checked).
pub(super) async fn page(
    State(state): State<AppState>,
    auth: Steerer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let room = Room::load(&state, auth.0.user().workspace, crisis_id(&id)?).await?;
    if room.state().closed {
        return Err(crisismap_app::Error::CrisisClosed.into());
    }
    view(&state, &auth, &room, Typed::default(), vec![]).await
}

/// Records the handover; refused, the form again with the reasons and what was typed.
pub(super) async fn save(
    State(state): State<AppState>,
    auth: Steerer,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let p = pairs(&body)?;
    let crisis = crisis_id(&id)?;
    let owners: Vec<(String, String)> = p
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix("owner-")
                .map(|id| (id.to_owned(), v.clone()))
        })
        .collect();
    let restoring: Vec<String> = p
        .iter()
        .filter(|(k, _)| k == "restoring")
        .map(|(_, v)| v.clone())
        .collect();
    let input = HandoverInput {
        coordinator: field(&p, "coordinator").to_owned(),
        reason: field(&p, "reason").to_owned(),
        // An action left without a new owner stays where it is.
        transfers: owners
            .iter()
            .filter(|(_, owner)| !owner.trim().is_empty())
            .map(|(action, owner)| TransferInput {
                action: action.clone(),
                owner: owner.clone(),
            })
            .collect(),
        restoring: restoring.clone(),
    };
    let outcome = match crisismap_app::crisis::occurrence(field(&p, "occurred_at"), false) {
        Ok(at) => {
            crisismap_app::crisis::hand_over(&state, &auth.0.principal, crisis, &input, at).await
        }
        Err(e) => Err(e),
    };
    match outcome {
        Ok(()) => {
            Ok(Redirect::to(&format!("{}?melding=handover", crisis_href(crisis))).into_response())
        }
        Err(crisismap_app::Error::Invalid(errors)) => {
            let room = Room::load(&state, auth.0.user().workspace, crisis).await?;
            // Name the form's own field for a transfer's problem (`owner-{action}`).
            let errors = errors
                .into_iter()
                .map(|mut e| {
                    if let Some(rest) = e.field.strip_prefix("transfers.") {
                        let i: usize = rest
                            .split('.')
                            .next()
                            .and_then(|i| i.parse().ok())
                            .unwrap_or(0);
                        if let Some(t) = input.transfers.get(i) {
                            e.field = format!("owner-{}", t.action);
                        }
                    }
                    e
                })
                .collect();
            let typed = Typed {
                coordinator: Some(input.coordinator.clone()),
                reason: input.reason.clone(),
                occurred_at: field(&p, "occurred_at").to_owned(),
                owners,
                restoring: Some(restoring),
            };
            view(&state, &auth, &room, typed, errors).await
        }
        Err(e) => Err(e.into()),
    }
}
