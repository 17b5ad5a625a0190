//! Changes to the crisis itself from the picture's forms: phase, GRIP level, teams, restore
//! order, failing systems and closing; each form shown again with its errors when refused.

use super::frame::crisis_href;
use super::frame::{crisis_id, field, pairs};
use super::picture::{Retry, picture_page};
use crate::AppState;
use crate::http::auth::{Authed, MemberUp};
use crate::http::error::AppError;
use axum::extract::{Path, RawForm, State};
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_app::crisis::Room;
use crisismap_app::i18n::Tr;
use crisismap_core::StreamId;
use crisismap_core::crisis::CrisisCommand;
use crisismap_core::register::RecordId;

/// Decides a change asked for by one of the picture's forms: back to the picture with a
/// message; when refused, the picture again with the reasons beside the form and what was
/// typed kept.
pub(super) async fn crisis_command_from_form(
    state: &AppState,
    auth: &Authed<MemberUp>,
    id: StreamId,
    command: Result<CrisisCommand, crisismap_app::Error>,
    (form, reason, p): (String, &str, &[(String, String)]),
    done: &str,
) -> Result<Response, AppError> {
    // The crisis must be this workspace's before anything is decided.
    state.store().crisis(auth.user().workspace, id).await?;
    let typed_at = field(p, "occurred_at");
    let at = crisismap_app::crisis::occurrence(typed_at, field(p, "background") == "on");
    let outcome = match (command, at) {
        (Ok(command), Ok(at)) => {
            crisismap_app::crisis::command(state, &auth.principal, id, command, at).await
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    match outcome {
        // Reordering keeps the processes' edit mode open, at the processes.
        Ok(()) if done == "order" => Ok(Redirect::to(&format!(
            "{}?bewerken=processen&melding=order#processes-heading",
            crisis_href(id)
        ))
        .into_response()),
        Ok(()) => Ok(Redirect::to(&format!("{}?melding={done}", crisis_href(id))).into_response()),
        Err(crisismap_app::Error::Invalid(errors)) => {
            let retry = Retry {
                form,
                reason: reason.to_owned(),
                occurred_at: typed_at.to_owned(),
                errors: crate::http::error::localize(errors, Tr(auth.ctx.lang)),
            };
            picture_page(
                state,
                &auth.principal,
                &auth.ctx,
                id,
                None,
                false,
                Some(retry),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// Phase and GRIP level: a choice and a reason.
pub(super) async fn change_level(
    state: &AppState,
    auth: &Authed<MemberUp>,
    id: &str,
    body: &[u8],
    which: &'static str,
) -> Result<Response, AppError> {
    let p = pairs(body)?;
    let reason = field(&p, "reason");
    // The same form keeps the level as it is ("GRIP 3 stays") with its second button.
    let (command, done) = if field(&p, "confirm") == "1" {
        (
            crisismap_app::crisis::confirm_command(which, reason),
            "confirmed",
        )
    } else {
        (
            crisismap_app::crisis::change_command(which, field(&p, which), reason),
            which,
        )
    };
    crisis_command_from_form(
        state,
        auth,
        crisis_id(id)?,
        command,
        (which.to_owned(), reason, &p),
        done,
    )
    .await
}

pub(super) async fn change_phase(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    change_level(&state, &auth, &id, &body, "phase").await
}

pub(super) async fn change_grip(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    change_level(&state, &auth, &id, &body, "grip").await
}

pub(super) async fn set_teams(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let p = pairs(&body)?;
    let index = crate::register::Index::load(&state, auth.user().workspace).await?;
    let teams: Vec<String> = p
        .iter()
        .filter(|(k, _)| k == "team")
        .map(|(_, v)| v.clone())
        .collect();
    let reason = field(&p, "reason");
    let command = crisismap_app::crisis::teams_command(&index, &teams, reason);
    let form = ("teams".to_owned(), reason, p.as_slice());
    crisis_command_from_form(&state, &auth, crisis_id(&id)?, command, form, "teams").await
}

pub(super) async fn move_process(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let p = pairs(&body)?;
    let id = crisis_id(&id)?;
    let room = Room::load(&state, auth.user().workspace, id).await?;
    let mut order = room.restore_order();
    let process: RecordId = field(&p, "process")
        .parse()
        .map_err(|_| AppError::NotFound)?;
    let pos = order
        .iter()
        .position(|x| *x == process)
        .ok_or(AppError::NotFound)?;
    match field(&p, "direction") {
        "up" if pos > 0 => order.swap(pos, pos - 1),
        "down" if pos + 1 < order.len() => order.swap(pos, pos + 1),
        _ => {}
    }
    let reason = field(&p, "reason");
    let command = Ok(CrisisCommand::SetRestoreOrder {
        order,
        reason: reason.to_owned(),
    });
    let form = (format!("order-{process}"), reason, p.as_slice());
    crisis_command_from_form(&state, &auth, id, command, form, "order").await
}

pub(super) async fn set_failing(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let p = pairs(&body)?;
    let nodes = p
        .iter()
        .filter(|(k, _)| k == "failing")
        .map(|(_, v)| v.clone())
        .collect();
    let reason = field(&p, "reason");
    let command =
        crisismap_app::crisis::failing_command(&state, &auth.principal, nodes, reason).await;
    let form = ("failing".to_owned(), reason, p.as_slice());
    crisis_command_from_form(&state, &auth, crisis_id(&id)?, command, form, "failing").await
}

pub(super) async fn close(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let p = pairs(&body)?;
    let reason = field(&p, "reason");
    let command = Ok(CrisisCommand::Close {
        reason: reason.to_owned(),
    });
    let form = ("close".to_owned(), reason, p.as_slice());
    crisis_command_from_form(&state, &auth, crisis_id(&id)?, command, form, "closed").await
}

// ---------------------------------------------------------------- classification
