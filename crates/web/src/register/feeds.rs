//! Private calendar feeds (iCal) of the on-call roster and the meetings, each behind its
//! own secret link.

use super::display::{phone_display, record_href};
use super::exports::download;
use super::frame::{id_of, page_ctx};
use crate::AppState;
use crate::http::auth::{Authed, EditorUp, audit};
use crate::http::error::AppError;
use crate::http::page::PageCtx;
use crate::http::page::render;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use crisismap_app::i18n::Tr;
use crisismap_app::password::secret_hash;
use crisismap_app::register::Index;
use crisismap_core::register::views::{ContactView, MeetingView, RosterView};
use crisismap_core::register::{RecordId, RecordKind};
use jiff::ToSpan;

#[derive(Template)]
#[template(path = "register/feed_link.html")]
pub(super) struct FeedLinkPage {
    ctx: PageCtx,
    url: String,
    back: String,
}

pub(super) async fn issue_feed(
    state: &AppState,
    auth: &Authed<EditorUp>,
    headers: &axum::http::HeaderMap,
    feed: &str,
    back: String,
) -> Result<Response, AppError> {
    let token =
        crisismap_app::sessions::issue_feed_link(state, auth.user().workspace, feed).await?;
    audit(state, auth.ctx.audit("feed_link", feed, "ok")).await;
    let tr = Tr(auth.ctx.lang);
    let ctx = page_ctx(
        state,
        &auth.principal,
        &auth.ctx,
        tr.t("feed-title").to_owned(),
    )
    .await?;
    Ok(render(&FeedLinkPage {
        ctx,
        url: {
            // The address as the browser reached this server, so the link works when pasted.
            let host = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .filter(|h| {
                    h.chars()
                        .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
                })
                .unwrap_or("localhost");
            let scheme = if auth.ctx.secure { "https" } else { "http" };
            format!("{scheme}://{host}/agenda/{token}.ics")
        },
        back,
    })?
    .into_response())
}

pub async fn roster_feed_link(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    headers: axum::http::HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = id_of(&id)?;
    let record = state.store().record(auth.user().workspace, id).await?;
    if record.kind != RecordKind::Roster {
        return Err(AppError::NotFound);
    }
    issue_feed(
        &state,
        &auth,
        &headers,
        &format!("roster:{id}"),
        record_href(RecordKind::Roster, id),
    )
    .await
}

pub async fn meetings_feed_link(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    headers: axum::http::HeaderMap,
) -> Result<Response, AppError> {
    issue_feed(
        &state,
        &auth,
        &headers,
        "meetings",
        "/voorbereiden/overleggen".into(),
    )
    .await
}

/// A private calendar feed: no login, the unguessable link is the key.
pub async fn calendar_feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    use crisismap_core::interchange::ical::{CalendarEvent, calendar};
    let token = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    let (ws, feed) = state.store().feed_of_token(&secret_hash(token)).await?;
    let index = Index::load(&state, ws).await?;
    let (name, events) = if let Some(id) = feed.strip_prefix("roster:") {
        let id: RecordId = id.parse().map_err(|_| AppError::NotFound)?;
        let record = index
            .get(id)
            .filter(|r| !r.archived)
            .ok_or(AppError::NotFound)?;
        let roster = record.view::<RosterView>().ok_or(AppError::NotFound)?;
        let describe = |person: RecordId| -> String {
            let contact = index.get(person).and_then(|c| c.view::<ContactView>());
            match contact {
                Some(c) => {
                    let phones: Vec<String> =
                        c.phones.iter().map(|p| phone_display(&p.number)).collect();
                    format!("{} {}", c.name, phones.join(", "))
                }
                None => String::new(),
            }
        };
        let events = roster
            .shifts
            .iter()
            .enumerate()
            .map(|(i, s)| CalendarEvent {
                uid: format!("{id}-shift-{i}@crisismap"),
                start: s.start,
                end: s.end,
                summary: format!(
                    "Piket {}: {}",
                    roster.name,
                    index.title(s.person).unwrap_or("?")
                ),
                description: Some(describe(s.person)),
                location: None,
                rrule: None,
            })
            .chain(
                roster
                    .exceptions
                    .iter()
                    .enumerate()
                    .map(|(i, s)| CalendarEvent {
                        uid: format!("{id}-standin-{i}@crisismap"),
                        start: s.start,
                        end: s.end,
                        summary: format!(
                            "Piket {} (vervanging): {}",
                            roster.name,
                            index.title(s.person).unwrap_or("?")
                        ),
                        description: Some(format!(
                            "{} {}",
                            describe(s.person),
                            s.reason.clone().unwrap_or_default()
                        )),
                        location: None,
                        rrule: None,
                    }),
            )
            .collect::<Vec<_>>();
        (roster.name, events)
    } else if feed == "meetings" {
        let events = index
            .views::<MeetingView>(RecordKind::Meeting)
            .into_iter()
            .map(|(id, m)| CalendarEvent {
                uid: format!("{id}@crisismap"),
                start: m.first_start,
                end: m
                    .first_start
                    .checked_add(m.duration_minutes.minutes())
                    .unwrap_or(m.first_start),
                summary: m.name.clone(),
                description: m.agenda.clone(),
                location: m.location.clone(),
                rrule: m
                    .rrule()
                    .and_then(|r| crisismap_core::interchange::ical::Recurrence::parse(r).ok()),
            })
            .collect();
        ("Overleggen".to_owned(), events)
    } else {
        return Err(AppError::NotFound);
    };
    Ok(download(
        calendar(&name, state.now(), &events).into_bytes(),
        "text/calendar; charset=utf-8",
        "crisismap.ics",
    ))
}
