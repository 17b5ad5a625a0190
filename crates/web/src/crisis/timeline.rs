//! The timeline: every change of the crisis in the order it happened, in words.

use super::frame::entry_href;
use super::frame::{Head, crisis_id, head, room_ctx};
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::PageCtx;
use crate::http::page::render;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use crisismap_app::crisis::Room;
use crisismap_app::i18n::Tr;
use crisismap_core::crisis::EntryKind;
use serde::Deserialize;

pub use crisismap_app::crisis::timeline::TimelineItem;

#[derive(Template)]
#[template(path = "crisis/timeline.html")]
pub(super) struct TimelinePage {
    ctx: PageCtx,
    head: Head,
    crisis: crisismap_core::StreamId,
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
        format!("{}: {}", tr.t("crisis-tab-timeline"), room.state().title),
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
    let items = crisismap_app::crisis::timeline::describe_events(&room, tr, &events);
    let total = usize::try_from(total).unwrap_or(0);
    let pages = total.div_ceil(TIMELINE_PAGE).max(1);
    let page = page.min(pages);
    let mut kinds: Vec<(String, &'static str)> =
        vec![("crisis".into(), tr.t("crisis-kind_crisis"))];
    kinds.extend(
        EntryKind::ALL
            .iter()
            .map(|k| (k.code().to_owned(), tr.t(&format!("e-{k}-one")))),
    );
    render(&TimelinePage {
        head: head(&room, tr, "tijdlijn", auth.user()),
        crisis: room.id(),
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

impl TimelinePage {
    /// Where the line's entry is read, when the line is about one.
    fn href(&self, item: &TimelineItem) -> Option<String> {
        item.entry
            .map(|(kind, id)| entry_href(self.crisis, kind, id))
    }
}
