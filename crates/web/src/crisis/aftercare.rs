//! Nazorg: who was involved in the crisis and for how long (from attendance and the log),
//! with the state of each person's aftercare conversation. Administrators only; no medical
//! details anywhere.

use super::frame::{Head, crisis_href, crisis_id, head, room_ctx};
use crate::AppState;
use crate::http::auth::{AdminOnly, Authed};
use crate::http::error::AppError;
use crate::http::page::{PageCtx, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use crisismap_app::crisis::Room;
use crisismap_app::i18n::Tr;
use crisismap_app::words::{choice_label, date_nl};
use crisismap_core::crisis::EntryKind;
use crisismap_core::crisis::aftercare::{Involved, involved, same_person};
use crisismap_core::time::local_display;

/// One person involved, in words.
pub struct PersonLine {
    pub person: String,
    pub hours: String,
    pub night: bool,
    pub first: String,
    pub last: String,
    pub log_lines: usize,
    /// The latest conversation's state and where to read it; `None`: none yet.
    pub conversation: Option<(&'static str, String)>,
}

/// One aftercare conversation.
pub struct ConversationLine {
    pub href: String,
    pub person: String,
    pub status: &'static str,
    pub when: String,
    pub held_by: String,
    pub referral: bool,
}

#[derive(Template)]
#[template(path = "crisis/aftercare.html")]
struct AftercarePage {
    ctx: PageCtx,
    head: Head,
    people: Vec<PersonLine>,
    conversations: Vec<ConversationLine>,
    base: String,
}

/// Everyone involved in the crisis, longest present first: from attendance and the log,
/// counted until the handover (or now).
pub(crate) async fn involved_in(state: &AppState, room: &Room) -> Result<Vec<Involved>, AppError> {
    let log = state
        .store()
        .entries(room.crisis.workspace, room.id(), &[EntryKind::Log])
        .await?;
    let until = room
        .state()
        .handover
        .as_ref()
        .and_then(|h| h.at.parse().ok())
        .unwrap_or_else(|| state.now())
        .min(state.now());
    Ok(involved(
        room.of(EntryKind::Attendance),
        log.iter()
            .map(|e| (room.actor_name(&e.created_by), e.occurred_at)),
        until,
    ))
}

pub(super) async fn aftercare(
    State(state): State<AppState>,
    auth: Authed<AdminOnly>,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let id = crisis_id(&id)?;
    let ws = auth.user().workspace;
    let tr = Tr(auth.ctx.lang);
    let room = Room::load_kind(&state, ws, id, EntryKind::Aftercare).await?;
    let people = involved_in(&state, &room).await?;
    let base = crisis_href(id);
    let href = |e: &crisismap_core::crisis::Entry| {
        format!("{base}/{}/{}", EntryKind::Aftercare.slug(), e.id)
    };
    let conversation_of = |person: &str| {
        room.of(EntryKind::Aftercare)
            .filter(|c| same_person(&c.title, person))
            .last()
            .map(|c| {
                (
                    choice_label(tr, "status", c.text("status").unwrap_or("")),
                    href(c),
                )
            })
    };
    let people = people
        .into_iter()
        .map(|p| PersonLine {
            hours: hours(p.present, tr.0),
            night: p.night,
            first: local_display(p.first),
            last: local_display(p.last),
            log_lines: p.log_lines,
            conversation: conversation_of(&p.person),
            person: p.person,
        })
        .collect();
    let conversations = room
        .of(EntryKind::Aftercare)
        .map(|c| ConversationLine {
            href: href(c),
            person: c.title.clone(),
            status: choice_label(tr, "status", c.text("status").unwrap_or("")),
            when: c
                .text("held_on")
                .or(c.text("planned_on"))
                .map(date_nl)
                .unwrap_or_default(),
            held_by: c.text("held_by").unwrap_or("").to_owned(),
            referral: c.data.get("referral") == Some(&serde_json::Value::Bool(true)),
        })
        .collect();
    let ctx = room_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        &room,
        format!("{}: {}", tr.t("aftercare-title"), room.state().title),
    )
    .await;
    render(&AftercarePage {
        head: head(&room, tr, "nazorg", &auth.principal.user),
        people,
        conversations,
        base,
        ctx,
    })
}

/// Hours with one decimal, in the reader's notation (12,5 in Dutch).
fn hours(d: jiff::SignedDuration, lang: crisismap_core::Lang) -> String {
    let text = format!("{:.1}", d.as_secs_f64() / 3600.0);
    match lang {
        crisismap_core::Lang::Nl => text.replace('.', ","),
        _ => text,
    }
}
