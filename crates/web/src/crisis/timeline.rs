//! The timeline: every change of the crisis in the order it happened, in words.

use super::frame::entry_href;
use super::frame::{Head, crisis_id, head, room_ctx};
use super::picture::{Moment, describe};
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::PageCtx;
use crate::http::page::render;
use crate::register::display::choice_label;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use crisismap_app::crisis::Room;
use crisismap_app::i18n::Tr;
use crisismap_core::DomainEvent;
use crisismap_core::crisis::EntryKind;
use crisismap_core::time::local_display;
use serde::Deserialize;

pub struct TimelineItem {
    /// When it happened (Amsterdam), the order of the timeline.
    pub occurred: String,
    /// When it was recorded (Amsterdam), where that differs from when it happened.
    pub recorded: String,
    /// Recorded more than half an hour after it happened.
    pub late: bool,
    /// Typed back in from paper: where it was written, by whom, who typed it in and when.
    pub transcribed: Option<crisismap_core::crisis::Transcription>,
    pub transcribed_text: String,
    pub occurred_utc: String,
    pub recorded_utc: String,
    pub who: String,
    pub kind: &'static str,
    pub kind_code: String,
    pub text: String,
    pub href: Option<String>,
}

#[derive(Template)]
#[template(path = "crisis/timeline.html")]
pub(super) struct TimelinePage {
    ctx: PageCtx,
    head: Head,
    items: Vec<TimelineItem>,
    kinds: Vec<(String, &'static str)>,
    only: String,
    total: usize,
    page: usize,
    pages: usize,
    all: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct TimelineQuery {
    only: String,
    page: usize,
    /// `ja`: everything on one page, for printing.
    alle: String,
}

pub(super) const TIMELINE_PAGE: usize = 500;

/// Every event of the crisis in words, oldest first: log, decisions, actions, GRIP and phase
/// changes, communications, meetings.
pub async fn timeline_items(
    state: &AppState,
    room: &Room,
    tr: Tr,
) -> Result<Vec<TimelineItem>, AppError> {
    let (events, _) = state
        .store()
        .timeline_page(room.id(), None, 0, 100_000)
        .await?;
    Ok(describe_events(room, tr, &events))
}

pub(super) fn describe_events(
    room: &Room,
    tr: Tr,
    events: &[crisismap_core::Envelope],
) -> Vec<TimelineItem> {
    let mut items = vec![];
    for env in events {
        let Ok(event) = env.event() else { continue };
        let moment = Moment::of(env, &event);
        let who = room.actor_name(&env.actor);
        let (kind, kind_code, text, href, transcribed) = match &event {
            DomainEvent::EntrySaved {
                kind,
                id,
                rev,
                title,
                data,
                transcribed,
                ..
            } => {
                let tag = kind
                    .tag_field()
                    .and_then(|f| data.get(f).and_then(|v| v.as_str()).map(|c| (f, c)))
                    .map(|(f, c)| format!(" ({})", choice_label(tr, f, c)))
                    .unwrap_or_default();
                let verb = if *rev == 1 {
                    String::new()
                } else {
                    format!("{}: ", tr.t("crisis.changed"))
                };
                // A process status is titled by its register process: show the name.
                let title = match kind {
                    EntryKind::ProcessStatus => title
                        .parse()
                        .ok()
                        .and_then(|id| room.index.title(id))
                        .unwrap_or(title),
                    _ => title,
                };
                (
                    tr.t(&format!("e.{kind}.one")),
                    kind.code().to_owned(),
                    format!("{verb}{}{tag}", title.lines().next().unwrap_or("")),
                    Some(entry_href(room.id(), *kind, *id)),
                    transcribed.clone(),
                )
            }
            other => {
                let Some((what, reason)) = describe(other, room, tr) else {
                    continue;
                };
                (
                    tr.t("crisis.kind_crisis"),
                    "crisis".to_owned(),
                    if reason.is_empty() {
                        what
                    } else {
                        format!("{what}: {reason}")
                    },
                    None,
                    None,
                )
            }
        };
        items.push(TimelineItem {
            occurred: local_display(moment.occurred),
            recorded: moment.recorded_text(),
            late: moment.late() && transcribed.is_none(),
            transcribed_text: transcribed
                .as_ref()
                .map(|t| transcribed_words(t, &who, moment.recorded, tr))
                .unwrap_or_default(),
            transcribed,
            occurred_utc: crisismap_core::time::canonical(moment.occurred),
            recorded_utc: crisismap_core::time::canonical(moment.recorded),
            who,
            kind,
            kind_code,
            text,
            href,
        });
    }
    items
}

use crisismap_app::words::transcribed_words;

pub(super) async fn timeline(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
    Query(q): Query<TimelineQuery>,
) -> Result<Html<String>, AppError> {
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let tr = Tr(auth.ctx.lang);
    let ctx = room_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        &room,
        format!("{}: {}", tr.t("crisis.tab.timeline"), room.state().title),
    )
    .await;
    let all = q.alle == "ja";
    let only = (!q.only.is_empty()).then_some(q.only.as_str());
    let page = q.page.max(1);
    let (offset, limit) = if all {
        (0, 100_000)
    } else {
        (((page - 1) * TIMELINE_PAGE) as i64, TIMELINE_PAGE as i64)
    };
    let (events, total) = state
        .store()
        .timeline_page(room.id(), only, offset, limit)
        .await?;
    let items = describe_events(&room, tr, &events);
    let total = usize::try_from(total).unwrap_or(0);
    let pages = total.div_ceil(TIMELINE_PAGE).max(1);
    let page = page.min(pages);
    let mut kinds: Vec<(String, &'static str)> =
        vec![("crisis".into(), tr.t("crisis.kind_crisis"))];
    kinds.extend(
        EntryKind::ALL
            .iter()
            .map(|k| (k.code().to_owned(), tr.t(&format!("e.{k}.one")))),
    );
    render(&TimelinePage {
        head: head(&room, tr, "tijdlijn", auth.user()),
        items,
        kinds,
        only: q.only,
        total,
        page,
        pages,
        all,
        ctx,
    })
}
