//! The shared picture (Beeld): the crisis's state, processes in restore order, the cascade,
//! what asks for attention, and the history of changes in words.

use super::frame::{Head, crisis_id, head, room_ctx, when};
use super::frame::{crisis_href, entry_href};
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::{AppError, FieldError};
use crate::http::page::PageCtx;
use crate::http::page::render;
use crate::register::display::choice_label;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use crisismap_app::crisis::Room;
use crisismap_app::i18n::Tr;
use crisismap_core::StreamId;
use crisismap_core::crisis::{EntryKind, Grip, Phase};
use crisismap_core::register::RecordKind;
use crisismap_core::time::local_display;
use crisismap_store::Entry;
use serde::Deserialize;

#[derive(Clone)]
pub struct ProcessLine {
    pub id: String,
    pub position: usize,
    pub name: String,
    pub href: String,
    pub status_code: String,
    pub status: &'static str,
    pub since: String,
    pub expected: String,
    pub note: String,
    pub changed: String,
    pub edit_href: String,
}

pub struct Item {
    pub href: String,
    pub title: String,
    pub detail: String,
    pub tag: &'static str,
    pub tag_code: String,
    pub changed: String,
}

pub use crisismap_app::crisis::timeline::HistoryLine;

#[derive(Template)]
#[template(path = "crisis/picture.html")]
pub(super) struct PicturePage {
    ctx: PageCtx,
    head: Head,
    known: String,
    started: String,
    /// The moment the page shows the situation at.
    as_of: String,
    processes: Vec<ProcessLine>,
    effects: Vec<Item>,
    facts: Vec<Item>,
    uncertainties: Vec<Item>,
    assumptions: Vec<Item>,
    teams: Vec<(String, String)>,
    all_teams: Vec<(String, String, bool)>,
    next_meeting: Option<String>,
    /// Every open step, the most urgent first.
    steps: Vec<StepView>,
    history: Vec<HistoryLine>,
    phases: Vec<(&'static str, &'static str, bool)>,
    aftermath: bool,
    grips: Vec<(&'static str, &'static str, bool)>,
    flash: Option<&'static str>,
    cascade: super::views::CrisisCascade,
    node_groups: Vec<crate::register::cascade::OptionGroup>,
    retry: Option<Retry>,
    /// The processes that are down or disrupted, in restore order: the board's first part.
    down: Vec<ProcessLine>,
    /// The latest messages that came in (in an exercise: the released injects), newest first:
    /// (when, from whom and how, what).
    incoming: Vec<(String, String, String)>,
    /// The first process to restore: the first in restore order that is not working.
    restore_next: Option<String>,
    /// The processes' edit mode (status, reason, restore order) is open.
    editing: bool,
    /// The cascade's lanes as a picture.
    cascade_picture: String,
    quick_back: &'static str,
    quick_focus: bool,
    quick_categories: Vec<(&'static str, &'static str)>,
}

impl PicturePage {
    /// The reason typed into a form that was refused, to show it again.
    fn reason_for(&self, form: &str) -> &str {
        match &self.retry {
            Some(r) if r.form == form => &r.reason,
            _ => "",
        }
    }

    /// The moment typed into a form that was refused, to show it again.
    fn at_for(&self, form: &str) -> &str {
        match &self.retry {
            Some(r) if r.form == form => &r.occurred_at,
            _ => "",
        }
    }
}

pub(super) fn item(room: &Room, e: &Entry, detail: String, tr: Tr) -> Item {
    let tag_code = e
        .kind
        .tag_field()
        .and_then(|f| e.text(f))
        .unwrap_or("")
        .to_owned();
    let field = e.kind.tag_field().unwrap_or("");
    Item {
        href: entry_href(room.id(), e.kind, e.id),
        title: room.entry_title(e.kind, &e.title, tr),
        detail,
        tag: if tag_code.is_empty() {
            ""
        } else {
            choice_label(tr, field, &tag_code)
        },
        tag_code,
        changed: format!(
            "{} · {}",
            local_display(e.updated_at),
            room.actor_name(&e.updated_by)
        ),
    }
}

/// An open step as the picture and the overview list it.
pub struct StepView {
    pub urgent: bool,
    pub what: &'static str,
    pub subject: String,
    pub href: String,
}

/// The crisis's open steps (`crisismap_app::crisis::attention`) with their addresses, and the
/// impacts the cascade expects within the hour. A step resolved by a new entry links to the
/// form for who may write it, else to the list where it shows.
pub(crate) fn open_steps(
    room: &Room,
    cascade: &super::views::CrisisCascade,
    head: &Head,
    now: jiff::Timestamp,
    tr: Tr,
) -> Vec<StepView> {
    use crisismap_app::crisis::attention::{Resolve, Urgency};
    let base = crisis_href(room.id());
    let mut steps: Vec<StepView> = cascade
        .within_the_hour()
        .into_iter()
        .map(|(name, at)| StepView {
            urgent: true,
            what: tr.t("attention-impact_within_hour"),
            subject: format!("{name}: {at}"),
            href: format!("{base}#cascade-heading"),
        })
        .collect();
    steps.extend(
        crisismap_app::crisis::attention::open_steps(room, now, tr)
            .into_iter()
            .map(|s| StepView {
                urgent: s.urgency == Urgency::Now,
                what: s.what,
                subject: s.subject,
                href: match s.resolve {
                    Resolve::NewEntry { kind, .. } if !head.writes(kind.slug()) => {
                        format!("{base}/{}", kind.slug())
                    }
                    Resolve::NewEntry { kind, prefill } if prefill.is_empty() => {
                        format!("{base}/{}/nieuw", kind.slug())
                    }
                    Resolve::NewEntry { kind, prefill } => format!(
                        "{base}/{}/nieuw?{}",
                        kind.slug(),
                        serde_urlencoded::to_string(&prefill).unwrap_or_default()
                    ),
                    Resolve::Entry { kind, id } => entry_href(room.id(), kind, id),
                    Resolve::List(kind) => format!("{base}/{}", kind.slug()),
                },
            }),
    );
    steps.sort_by_key(|s| !s.urgent);
    steps
}

/// The open steps of one crisis, for the overview: the room and its cascade read for it.
pub(crate) async fn open_steps_of(
    state: &AppState,
    user: &crisismap_store::UserRecord,
    crisis: crisismap_core::StreamId,
    tr: Tr,
) -> Result<Vec<StepView>, AppError> {
    let room = Room::load(state, user.workspace, crisis).await?;
    let graph = crisismap_app::register::graph_of(&room.index)?;
    let now = state.now();
    let cascade = super::views::crisis_cascade(&room, &graph, tr, now)?;
    let head = head(&room, tr, "", user);
    Ok(open_steps(&room, &cascade, &head, now, tr))
}

/// The history of the crisis itself: opening, classifications, phase and GRIP changes.
pub(super) async fn history(
    state: &AppState,
    room: &Room,
    tr: Tr,
) -> Result<Vec<HistoryLine>, AppError> {
    Ok(crisismap_app::crisis::timeline::history(state, room, tr).await?)
}

#[derive(Deserialize, Default)]
pub(super) struct FlashQuery {
    pub(super) melding: Option<String>,
    /// `processen`: the processes' edit mode.
    pub(super) bewerken: Option<String>,
}

pub(super) async fn picture(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
    Query(q): Query<FlashQuery>,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    picture_page(
        &state,
        &auth.principal,
        &auth.ctx,
        id,
        q.melding.as_deref(),
        q.bewerken.as_deref() == Some("processen"),
        None,
    )
    .await
}

/// A refused change from one of the picture's forms: which form, what was typed, and why.
pub struct Retry {
    pub form: String,
    pub reason: String,
    /// The moment typed, to show it again.
    pub occurred_at: String,
    pub errors: Vec<FieldError>,
}

/// The shared picture; with `retry`, the refused form's messages and typed reason (422).
pub(super) async fn picture_page(
    state: &AppState,
    principal: &crate::http::auth::Principal,
    rctx: &crate::http::auth::RequestCtx,
    id: StreamId,
    melding: Option<&str>,
    editing: bool,
    retry: Option<Retry>,
) -> Result<Response, AppError> {
    let room = Room::load(state, principal.user.workspace, id).await?;
    let tr = Tr(rctx.lang);
    let now = state.now();
    let s = room.state();
    let ctx = room_ctx(state, principal, rctx, &room, s.title.clone()).await;
    let processes = room
        .processes_in_order()
        .into_iter()
        .enumerate()
        .map(|(i, (record, status))| {
            let pid = record.id;
            let code = status
                .and_then(|e| e.text("status"))
                .unwrap_or("normal")
                .to_owned();
            ProcessLine {
                id: pid.to_string(),
                position: i + 1,
                name: record.title.clone(),
                href: crate::register::display::record_href(RecordKind::Process, pid),
                status: choice_label(tr, "status", &code),
                status_code: code,
                since: status
                    .and_then(|e| e.text("since"))
                    .map(when)
                    .unwrap_or_default(),
                expected: status
                    .and_then(|e| e.text("expected_recovery"))
                    .map(when)
                    .unwrap_or_default(),
                note: status.and_then(|e| e.text("note")).unwrap_or("").to_owned(),
                changed: status
                    .map(|e| {
                        format!(
                            "{} · {}",
                            local_display(e.updated_at),
                            room.actor_name(&e.updated_by)
                        )
                    })
                    .unwrap_or_default(),
                edit_href: match status {
                    Some(e) => format!(
                        "{}/bewerken",
                        entry_href(room.id(), EntryKind::ProcessStatus, e.id)
                    ),
                    None => format!("{}/processen/nieuw?process={pid}", crisis_href(room.id())),
                },
            }
        })
        .collect::<Vec<ProcessLine>>();
    let down: Vec<ProcessLine> = processes
        .iter()
        .filter(|p| matches!(p.status_code.as_str(), "down" | "disrupted" | "workaround"))
        .cloned()
        .collect();
    let restore_next = down.first().map(|p| p.name.clone());
    let effects = room
        .of(EntryKind::Effect)
        .map(|e| item(&room, e, e.text("effect").unwrap_or("").to_owned(), tr))
        .collect();
    let facts_of = |nature: &str| -> Vec<Item> {
        room.of(EntryKind::Fact)
            .filter(|e| e.text("nature") == Some(nature))
            .map(|e| {
                let mut detail = e.text("source").unwrap_or("").to_owned();
                if let Some(at) = e.text("observed_at") {
                    detail = format!("{detail} ({})", when(at));
                }
                item(&room, e, detail, tr)
            })
            .collect()
    };
    let teams = s
        .teams
        .iter()
        .filter_map(|t| {
            room.index.get(*t).map(|r| {
                (
                    r.title.clone(),
                    crate::register::display::record_href(RecordKind::Team, r.id),
                )
            })
        })
        .collect();
    let all_teams = room
        .index
        .live(RecordKind::Team)
        .map(|t| (t.id.to_string(), t.title.clone(), s.teams.contains(&t.id)))
        .collect();
    let graph = crisismap_app::register::graph_of(&room.index)?;
    let cascade = super::views::crisis_cascade(&room, &graph, tr, now)?;
    let cascade_picture = if cascade.rows.is_empty() {
        String::new()
    } else {
        cascade.lanes_picture(tr)
    };
    let steps = open_steps(
        &room,
        &cascade,
        &head(&room, tr, "", &principal.user),
        now,
        tr,
    );
    let chosen: Vec<crisismap_core::register::graph::NodeKey> = s
        .failing
        .iter()
        .filter_map(|f| f.key.parse().ok())
        .collect();
    let node_groups = crate::register::cascade::node_options(&graph, &chosen, tr);
    let incoming = state
        .store()
        .entry_page(
            principal.user.workspace,
            id,
            EntryKind::Log,
            &crisismap_store::EntryFilter {
                tag: Some("incoming".into()),
                newest_first: true,
                limit: 5,
                ..Default::default()
            },
        )
        .await?
        .0
        .iter()
        .map(|e| {
            (
                crisismap_core::time::local_display(e.occurred_at),
                e.text("source").unwrap_or("").to_owned(),
                e.text("text").unwrap_or("").to_owned(),
            )
        })
        .collect();
    let page = PicturePage {
        incoming,
        cascade,
        node_groups,
        head: head(&room, tr, "", &principal.user),
        known: s.known.clone(),
        started: when(&s.started_at),
        as_of: local_display(now),
        processes,
        effects,
        facts: facts_of("fact"),
        uncertainties: facts_of("uncertainty"),
        assumptions: facts_of("assumption"),
        teams,
        all_teams,
        next_meeting: room.entries.next_meeting(now).map(local_display),
        steps,
        history: history(state, &room, tr).await?,
        aftermath: s.phase == Phase::Aftermath,
        phases: Phase::ALL
            .iter()
            // The aftermath starts with a handover, not with a bare change of phase.
            .filter(|p| **p != Phase::Aftermath || s.phase == Phase::Aftermath)
            .map(|p| {
                (
                    p.code(),
                    tr.t(&format!("c-phase-{}", p.code())),
                    *p == s.phase,
                )
            })
            .collect(),
        grips: Grip::ALL
            .iter()
            .map(|g| {
                (
                    g.code(),
                    tr.t(&format!("c-grip-{}", g.code())),
                    *g == s.grip,
                )
            })
            .collect(),
        flash: tr.flash(
            melding,
            &[
                "saved",
                "logged",
                "phase",
                "grip",
                "teams",
                "order",
                "closed",
                "handover",
                "failing",
                "confirmed",
            ],
        ),
        editing: editing || retry.as_ref().is_some_and(|r| r.form.starts_with("order-")),
        retry,
        down,
        restore_next,
        cascade_picture,
        quick_back: "beeld",
        quick_focus: melding == Some("logged"),
        quick_categories: super::frame::quick_categories(tr),
        ctx,
    };
    let status = if page.retry.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, render(&page)?).into_response())
}
