//! The crisis room's pages: the list of crises, opening one, the shared picture, the
//! classification assistant, every kind of entry (list, detail with its versions, forms),
//! the timeline and the situation report. Every page follows its crisis live.

use super::{OpenInput, Room, crisis_href, entry_href};
use crate::AppState;
use crate::http::auth::{Authed, EditorUp, MemberUp, ViewerUp};
use crate::http::error::{AppError, FieldError};
use crate::http::page::{PageCtx, Section};
use crate::pages::render;
use crate::register::display::{Shown, choice_label, show};
use crate::register::form::{self, FormView};
use crate::register::form_pairs;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use crisismap_app::crisis::{next_meeting, overdue, reevaluation_due};
use crisismap_app::i18n::Tr;
use crisismap_core::crisis::{
    Answers, Classification, CrisisCommand, EntryKind, Grip, Phase, propose,
};
use crisismap_core::register::{RawRecord, RecordId, RecordKind};
use crisismap_core::time::local_display;
use crisismap_core::{DomainEvent, Role, StreamId, WorkspaceId};
use crisismap_store::{Entry, EntryFilter};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/crisis", get(list))
        .route("/crisis/nieuw", get(open_form).post(open))
        .route("/crisis/{id}", get(picture))
        .route(
            "/crisis/{id}/classificatie",
            get(classify_page).post(classify),
        )
        .route("/crisis/{id}/fase", post(change_phase))
        .route("/crisis/{id}/grip", post(change_grip))
        .route("/crisis/{id}/teams", post(set_teams))
        .route("/crisis/{id}/herstelvolgorde", post(move_process))
        .route("/crisis/{id}/afsluiten", post(close))
        .route("/crisis/{id}/uitval", post(set_failing))
        .route("/crisis/{id}/gasten", get(guests).post(invite_guest))
        .route("/crisis/{id}/tijdlijn", get(timeline))
        .route(
            "/crisis/{id}/overnemen",
            get(super::transcribe::page).post(super::transcribe::save),
        )
        .route("/crisis/{id}/situatierapport", get(sitrep))
        .route("/crisis/{id}/situatierapport.pdf", get(sitrep_pdf))
        .route("/crisis/{id}/besluiten.pdf", get(decisions_pdf))
        .route("/crisis/{id}/{slug}", get(entries).post(create))
        .route("/crisis/{id}/{slug}/nieuw", get(new_form))
        .route("/crisis/{id}/{slug}/{entry}", get(detail).post(update))
        .route("/crisis/{id}/{slug}/{entry}/bewerken", get(edit_form))
}

pub(super) fn crisis_id(id: &str) -> Result<StreamId, AppError> {
    id.parse().map_err(|_| AppError::NotFound)
}

fn kind_of(slug: &str) -> Result<EntryKind, AppError> {
    EntryKind::from_slug(slug).ok_or(AppError::NotFound)
}

fn entry_id(id: &str) -> Result<RecordId, AppError> {
    id.parse().map_err(|_| AppError::NotFound)
}

fn when(text: &str) -> String {
    text.parse::<jiff::Timestamp>()
        .map(local_display)
        .unwrap_or_default()
}

/// One tab of the crisis room.
pub struct Tab {
    pub href: String,
    pub label: &'static str,
    pub current: bool,
}

/// What every crisis page shows on top: title, exercise, classification, phase, GRIP, tabs.
pub struct Head {
    pub id: String,
    pub title: String,
    pub exercise: bool,
    pub closed: bool,
    pub classification: &'static str,
    pub classified: bool,
    pub phase: &'static str,
    pub grip: &'static str,
    pub tabs: Vec<Tab>,
    pub can_write: bool,
    /// May change the crisis itself (phase, GRIP, classification, teams, restore order,
    /// failing nodes, closing): a member, not a guest.
    pub can_steer: bool,
    /// A guest (liaison, expert) of this crisis: adds only the kinds a liaison needs.
    pub guest: bool,
}

impl Head {
    /// Whether the user may add entries of the kind at this address segment.
    pub fn writes(&self, slug: &str) -> bool {
        self.can_write
            && EntryKind::from_slug(slug)
                .is_some_and(|k| !self.guest || super::GUEST_KINDS.contains(&k))
    }
}

const TABS: [(&str, &str); 12] = [
    ("", "crisis.tab.picture"),
    ("logboek", "crisis.tab.log"),
    ("besluiten", "crisis.tab.decisions"),
    ("acties", "crisis.tab.actions"),
    ("dilemmas", "crisis.tab.dilemmas"),
    ("scenarios", "crisis.tab.scenarios"),
    ("aanwezigheid", "crisis.tab.team"),
    ("informeren", "crisis.tab.informing"),
    ("communicatie", "crisis.tab.communication"),
    ("vergaderingen", "crisis.tab.meetings"),
    ("tijdlijn", "crisis.tab.timeline"),
    ("situatierapport", "crisis.tab.sitrep"),
];

pub(super) fn head(room: &Room, tr: Tr, current: &str, user: &crisismap_store::UserRecord) -> Head {
    let role = user.role;
    let guest = user.crisis_scope.is_some();
    let s = room.state();
    let base = crisis_href(room.id());
    Head {
        id: room.id().to_string(),
        title: s.title.clone(),
        exercise: s.exercise,
        closed: s.closed,
        classification: match s.classification {
            Some(c) => tr.t(&format!("c.classification.{}", c.code())),
            None => tr.t("crisis.unclassified"),
        },
        classified: s.classification.is_some(),
        phase: tr.t(&format!("c.phase.{}", s.phase.code())),
        grip: tr.t(&format!("c.grip.{}", s.grip.code())),
        tabs: TABS
            .iter()
            .map(|(slug, key)| Tab {
                href: if slug.is_empty() {
                    base.clone()
                } else {
                    format!("{base}/{slug}")
                },
                label: tr.t(key),
                current: *slug == current,
            })
            .collect(),
        can_write: role.allows(Role::Member) && !s.closed,
        can_steer: role.allows(Role::Member) && !s.closed && !guest,
        guest,
    }
}

pub(super) async fn room_ctx(
    state: &AppState,
    principal: &crate::http::auth::Principal,
    ctx: &crate::http::auth::RequestCtx,
    room: &Room,
    title: String,
) -> PageCtx {
    let mut page = PageCtx::user(state, principal, ctx, Section::Crisis, "").await;
    page.title = title;
    page.live_stream = Some(room.id().to_string());
    page.exercise = room.state().exercise;
    page
}

// ---------------------------------------------------------------- list and opening

pub struct CrisisRow {
    pub href: String,
    pub title: String,
    pub exercise: bool,
    pub closed: bool,
    pub phase: &'static str,
    pub classification: &'static str,
    pub grip: &'static str,
    pub started: String,
}

#[derive(Template)]
#[template(path = "crisis/list.html")]
struct ListPage {
    ctx: PageCtx,
    running: Vec<CrisisRow>,
    closed: Vec<CrisisRow>,
    can_open: bool,
}

pub(crate) fn crisis_rows(
    crises: &[crisismap_store::CrisisRecord],
    tr: Tr,
) -> (Vec<CrisisRow>, Vec<CrisisRow>) {
    let rows = crises.iter().map(|c| CrisisRow {
        href: crisis_href(c.id),
        title: c.state.title.clone(),
        exercise: c.state.exercise,
        closed: c.state.closed,
        phase: tr.t(&format!("c.phase.{}", c.state.phase.code())),
        classification: match c.state.classification {
            Some(cl) => tr.t(&format!("c.classification.{}", cl.code())),
            None => tr.t("crisis.unclassified"),
        },
        grip: tr.t(&format!("c.grip.{}", c.state.grip.code())),
        started: when(&c.state.started_at),
    });
    rows.partition(|r| !r.closed)
}

async fn list(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Html<String>, AppError> {
    let tr = Tr(auth.ctx.lang);
    let mut ctx = PageCtx::user(&state, &auth.principal, &auth.ctx, Section::Crisis, "").await;
    ctx.title = tr.t("section.crisis.title").to_owned();
    let crises = state.store().crises(auth.user().workspace).await?;
    let (running, closed) = crisis_rows(&crises, tr);
    render(&ListPage {
        ctx,
        running,
        closed,
        can_open: auth.user().role.allows(Role::Member),
    })
}

#[derive(Template)]
#[template(path = "crisis/open.html")]
struct OpenPage {
    ctx: PageCtx,
    input: OpenInput,
    errors: Vec<FieldError>,
}

impl OpenPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

async fn open_page(
    state: &AppState,
    auth: &Authed<MemberUp>,
    input: OpenInput,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let mut ctx = PageCtx::user(state, &auth.principal, &auth.ctx, Section::Crisis, "").await;
    ctx.title = tr.t("crisis.open").to_owned();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let errors = crate::http::error::localize(errors, tr);
    Ok((status, render(&OpenPage { ctx, input, errors })?).into_response())
}

async fn open_form(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
) -> Result<Response, AppError> {
    let input = OpenInput {
        started_at: state
            .now()
            .to_zoned(crisismap_core::time::amsterdam().clone())
            .strftime("%Y-%m-%dT%H:%M")
            .to_string(),
        phase: "lukewarm".into(),
        ..OpenInput::default()
    };
    open_page(&state, &auth, input, vec![]).await
}

pub(super) fn pairs(body: &[u8]) -> Result<Vec<(String, String)>, AppError> {
    crate::register::decode_form(body)
}

pub(super) fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

async fn open(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let p = pairs(&body)?;
    let input = OpenInput {
        title: field(&p, "title").to_owned(),
        known: field(&p, "known").to_owned(),
        started_at: field(&p, "started_at").to_owned(),
        phase: field(&p, "phase").to_owned(),
        exercise: matches!(field(&p, "exercise"), "on" | "true"),
    };
    match super::open(
        &state,
        &auth.principal,
        &auth.ctx.origin,
        &input,
        auth.ctx.lang,
    )
    .await
    {
        Ok(id) => Ok(Redirect::to(&format!("{}/classificatie", crisis_href(id))).into_response()),
        Err(crisismap_app::Error::Invalid(errors)) => open_page(&state, &auth, input, errors).await,
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- the shared picture

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

pub struct HistoryLine {
    /// When it happened (Amsterdam).
    pub at: String,
    /// When it was recorded, where that differs from when it happened.
    pub recorded: String,
    pub late: bool,
    pub who: String,
    pub what: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "crisis/picture.html")]
struct PicturePage {
    ctx: PageCtx,
    head: Head,
    known: String,
    started: String,
    processes: Vec<ProcessLine>,
    effects: Vec<Item>,
    facts: Vec<Item>,
    uncertainties: Vec<Item>,
    assumptions: Vec<Item>,
    teams: Vec<(String, String)>,
    all_teams: Vec<(String, String, bool)>,
    next_meeting: Option<String>,
    overdue: Vec<Item>,
    reevaluate: Vec<Item>,
    open_dilemmas: usize,
    history: Vec<HistoryLine>,
    phases: Vec<(&'static str, &'static str, bool)>,
    grips: Vec<(&'static str, &'static str, bool)>,
    flash: Option<&'static str>,
    cascade: super::views::CrisisCascade,
    node_groups: Vec<crate::register::cascade::OptionGroup>,
    retry: Option<Retry>,
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

fn item(room: &Room, e: &Entry, detail: String, tr: Tr) -> Item {
    let tag_code = e
        .kind
        .tag_field()
        .and_then(|f| e.text(f))
        .unwrap_or("")
        .to_owned();
    let field = e.kind.tag_field().unwrap_or("");
    Item {
        href: entry_href(room.id(), e.kind, e.id),
        title: e.title.clone(),
        detail,
        tag: if tag_code.is_empty() {
            ""
        } else {
            choice_label(tr, field, &tag_code)
        },
        tag_code,
        changed: format!(
            "{} · {}",
            when(&e.updated_at),
            room.actor_name(&e.updated_by)
        ),
    }
}

/// The history of the crisis itself: opening, classifications, phase and GRIP changes.
async fn history(state: &AppState, room: &Room, tr: Tr) -> Result<Vec<HistoryLine>, AppError> {
    let (events, _) = state
        .store()
        .timeline_page(room.id(), Some("crisis"), 0, 100_000)
        .await?;
    Ok(events
        .iter()
        .filter_map(|env| {
            let event = env.event().ok()?;
            let (what, reason) = describe(&event, room, tr)?;
            let moment = Moment::of(env, &event);
            Some(HistoryLine {
                at: local_display(moment.occurred),
                recorded: moment.recorded_text(),
                late: moment.late(),
                who: room.actor_name(&env.actor),
                what,
                reason,
            })
        })
        .collect())
}

/// When an event happened and when it was recorded.
pub struct Moment {
    pub occurred: jiff::Timestamp,
    pub recorded: jiff::Timestamp,
}

impl Moment {
    pub fn of(env: &crisismap_core::Envelope, event: &DomainEvent) -> Moment {
        Moment {
            occurred: event
                .occurred_at()
                .and_then(|t| t.parse().ok())
                .unwrap_or(env.recorded_at),
            recorded: env.recorded_at,
        }
    }

    /// The recorded time in Amsterdam, when it differs (by the minute) from when it happened.
    pub fn recorded_text(&self) -> String {
        let (o, r) = (local_display(self.occurred), local_display(self.recorded));
        if o == r { String::new() } else { r }
    }

    pub fn late(&self) -> bool {
        crisismap_core::crisis::occurrence::recorded_late(self.occurred, self.recorded)
    }
}

/// A crisis-level event in words: (what happened, the reason given).
fn describe(event: &DomainEvent, room: &Room, tr: Tr) -> Option<(String, String)> {
    Some(match event {
        DomainEvent::CrisisOpened {
            phase, exercise, ..
        } => (
            format!(
                "{} ({}{})",
                tr.t("crisis.h.opened"),
                tr.t(&format!("c.phase.{}", phase.code())),
                if *exercise {
                    format!(", {}", tr.t("crisis.exercise"))
                } else {
                    String::new()
                }
            ),
            String::new(),
        ),
        DomainEvent::CrisisClassified {
            classification,
            grip,
            accepted,
            reason,
            ..
        } => (
            format!(
                "{}: {}, {} ({})",
                tr.t("crisis.h.classified"),
                tr.t(&format!("c.classification.{}", classification.code())),
                tr.t(&format!("c.grip.{}", grip.code())),
                tr.t(if *accepted {
                    "crisis.proposal_accepted"
                } else {
                    "crisis.proposal_overridden"
                })
            ),
            reason.clone(),
        ),
        DomainEvent::CrisisPhaseChanged { phase, reason, .. } => (
            format!(
                "{}: {}",
                tr.t("crisis.h.phase"),
                tr.t(&format!("c.phase.{}", phase.code()))
            ),
            reason.clone(),
        ),
        DomainEvent::CrisisGripChanged { grip, reason, .. } => (
            format!(
                "{}: {}",
                tr.t("crisis.h.grip"),
                tr.t(&format!("c.grip.{}", grip.code()))
            ),
            reason.clone(),
        ),
        DomainEvent::CrisisGripConfirmed { grip, reason, .. } => (
            format!(
                "{}: {}",
                tr.t("crisis.h.grip_confirmed"),
                tr.t(&format!("c.grip.{}", grip.code()))
            ),
            reason.clone(),
        ),
        DomainEvent::CrisisPhaseConfirmed { phase, reason, .. } => (
            format!(
                "{}: {}",
                tr.t("crisis.h.phase_confirmed"),
                tr.t(&format!("c.phase.{}", phase.code()))
            ),
            reason.clone(),
        ),
        DomainEvent::CrisisTeamsChanged { teams, reason, .. } => (
            format!(
                "{}: {}",
                tr.t("crisis.h.teams"),
                teams
                    .iter()
                    .filter_map(|t| room.index.title(*t))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            reason.clone(),
        ),
        DomainEvent::RestoreOrderChanged { reason, .. } => {
            (tr.t("crisis.h.restore_order").to_owned(), reason.clone())
        }
        DomainEvent::CrisisClosed { reason, .. } => {
            (tr.t("crisis.h.closed").to_owned(), reason.clone())
        }
        DomainEvent::FailingNodesSet { nodes, reason, .. } => {
            let names: Vec<String> = nodes.iter().map(|f| node_title(room, &f.key)).collect();
            (
                format!(
                    "{}: {}",
                    tr.t("crisis.h.failing"),
                    if names.is_empty() {
                        tr.t("crisis.nothing_failing").to_owned()
                    } else {
                        names.join(", ")
                    }
                ),
                reason.clone(),
            )
        }
        _ => return None,
    })
}

/// The name of a node of the dependency graph (a register record or a vital process).
fn node_title(room: &Room, key: &str) -> String {
    use crisismap_core::register::graph::NodeKey;
    match key.parse::<NodeKey>() {
        Ok(NodeKey::Record(id)) => room.index.title(id).map(str::to_owned),
        Ok(NodeKey::Vital(code)) => {
            crisismap_core::register::vital::find(&code).map(|p| p.name.to_owned())
        }
        Err(()) => None,
    }
    .unwrap_or_else(|| key.to_owned())
}

#[derive(Deserialize, Default)]
struct FlashQuery {
    melding: Option<String>,
}

async fn picture(
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
async fn picture_page(
    state: &AppState,
    principal: &crate::http::auth::Principal,
    rctx: &crate::http::auth::RequestCtx,
    id: StreamId,
    melding: Option<&str>,
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
                            when(&e.updated_at),
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
        .collect();
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
    let overdue_items = room
        .of(EntryKind::Action)
        .filter(|e| overdue(e, now))
        .map(|e| {
            item(
                &room,
                e,
                e.text("deadline").map(when).unwrap_or_default(),
                tr,
            )
        })
        .collect();
    let reevaluate = room
        .of(EntryKind::Decision)
        .filter(|e| reevaluation_due(&room, e, now))
        .map(|e| {
            item(
                &room,
                e,
                e.text("reevaluate_at").map(when).unwrap_or_default(),
                tr,
            )
        })
        .collect();
    let open_dilemmas = room
        .of(EntryKind::Dilemma)
        .filter(|d| room.answered_by(d.id).is_none())
        .count();
    let graph = crisismap_app::register::graph_of(&room.index)?;
    let cascade = super::views::crisis_cascade(&room, &graph, tr)?;
    let chosen: Vec<crisismap_core::register::graph::NodeKey> = s
        .failing
        .iter()
        .filter_map(|f| f.key.parse().ok())
        .collect();
    let node_groups = crate::register::cascade::node_options(&graph, &chosen, tr);
    let page = PicturePage {
        cascade,
        node_groups,
        head: head(&room, tr, "", &principal.user),
        known: s.known.clone(),
        started: when(&s.started_at),
        processes,
        effects,
        facts: facts_of("fact"),
        uncertainties: facts_of("uncertainty"),
        assumptions: facts_of("assumption"),
        teams,
        all_teams,
        next_meeting: next_meeting(&room, now).map(local_display),
        overdue: overdue_items,
        reevaluate,
        open_dilemmas,
        history: history(state, &room, tr).await?,
        phases: Phase::ALL
            .iter()
            .map(|p| {
                (
                    p.code(),
                    tr.t(&format!("c.phase.{}", p.code())),
                    *p == s.phase,
                )
            })
            .collect(),
        grips: Grip::ALL
            .iter()
            .map(|g| {
                (
                    g.code(),
                    tr.t(&format!("c.grip.{}", g.code())),
                    *g == s.grip,
                )
            })
            .collect(),
        flash: tr.flash(
            melding,
            &[
                "saved",
                "phase",
                "grip",
                "teams",
                "order",
                "closed",
                "failing",
                "confirmed",
            ],
        ),
        retry,
        ctx,
    };
    let status = if page.retry.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, render(&page)?).into_response())
}

/// Decides a change asked for by one of the picture's forms: back to the picture with a
/// message; when refused, the picture again with the reasons beside the form and what was
/// typed kept.
async fn crisis_command_from_form(
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
    let at = super::occurrence(typed_at, field(p, "background") == "on");
    let outcome = match (command, at) {
        (Ok(command), Ok(at)) => super::command(state, &auth.principal, id, command, at).await,
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!("{}?melding={done}", crisis_href(id))).into_response()),
        Err(crisismap_app::Error::Invalid(errors)) => {
            let retry = Retry {
                form,
                reason: reason.to_owned(),
                occurred_at: typed_at.to_owned(),
                errors: crate::http::error::localize(errors, Tr(auth.ctx.lang)),
            };
            picture_page(state, &auth.principal, &auth.ctx, id, None, Some(retry)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Phase and GRIP level: a choice and a reason.
async fn change_level(
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
        (super::confirm_command(which, reason), "confirmed")
    } else {
        (
            super::change_command(which, field(&p, which), reason),
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

async fn change_phase(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    change_level(&state, &auth, &id, &body, "phase").await
}

async fn change_grip(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    change_level(&state, &auth, &id, &body, "grip").await
}

async fn set_teams(
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
    let command = super::teams_command(&index, &teams, reason);
    let form = ("teams".to_owned(), reason, p.as_slice());
    crisis_command_from_form(&state, &auth, crisis_id(&id)?, command, form, "teams").await
}

async fn move_process(
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

async fn set_failing(
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
    let command = super::failing_command(&state, &auth.principal, nodes, reason).await;
    let form = ("failing".to_owned(), reason, p.as_slice());
    crisis_command_from_form(&state, &auth, crisis_id(&id)?, command, form, "failing").await
}

async fn close(
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

pub struct Question {
    pub code: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub yes: bool,
}

pub struct ProposalLine {
    pub what: String,
    pub reason: &'static str,
}

#[derive(Template)]
#[template(path = "crisis/classify.html")]
struct ClassifyPage {
    ctx: PageCtx,
    head: Head,
    questions: Vec<Question>,
    asked: bool,
    classification: ProposalLine,
    grip: ProposalLine,
    teams: Vec<ProposalLine>,
    inform: Vec<ProposalLine>,
    not_inform: Vec<ProposalLine>,
    classifications: Vec<(&'static str, &'static str)>,
    grips: Vec<(&'static str, &'static str)>,
    history: Vec<HistoryLine>,
    errors: Vec<FieldError>,
}

fn answers_from(pairs: &[(String, String)]) -> Answers {
    let mut a = Answers::default();
    for q in Answers::QUESTIONS {
        a.set(q, field(pairs, q) == "yes");
    }
    a
}

async fn classify_view(
    state: &AppState,
    principal: &crate::http::auth::Principal,
    rctx: &crate::http::auth::RequestCtx,
    room: &Room,
    answers: Answers,
    asked: bool,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let tr = Tr(rctx.lang);
    let ctx = room_ctx(
        state,
        principal,
        rctx,
        room,
        tr.t("crisis.classify").to_owned(),
    )
    .await;
    let p = propose(&answers);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ClassifyPage {
        head: head(room, tr, "", &principal.user),
        questions: Answers::QUESTIONS
            .iter()
            .map(|q| Question {
                code: q,
                label: tr.t(&format!("q.{q}")),
                hint: tr.t(&format!("q.{q}.hint")),
                yes: answers.get(q),
            })
            .collect(),
        asked,
        classification: ProposalLine {
            what: tr
                .t(&format!(
                    "c.classification.{}",
                    p.classification.value.code()
                ))
                .to_owned(),
            reason: tr.t(&format!("reason.{}", p.classification.reason)),
        },
        grip: ProposalLine {
            what: tr.t(&format!("c.grip.{}", p.grip.value.code())).to_owned(),
            reason: tr.t(&format!("reason.{}", p.grip.reason)),
        },
        teams: p
            .teams
            .iter()
            .map(|t| ProposalLine {
                what: tr.t(&format!("c.standard.{}", t.value)).to_owned(),
                reason: tr.t(&format!("reason.{}", t.reason)),
            })
            .collect(),
        inform: p
            .inform
            .iter()
            .map(|t| ProposalLine {
                what: tr.t(&format!("c.party.{}", t.value)).to_owned(),
                reason: tr.t(&format!("reason.{}", t.reason)),
            })
            .collect(),
        not_inform: p
            .not_inform
            .iter()
            .map(|t| ProposalLine {
                what: tr.t(&format!("c.party.{}", t.value)).to_owned(),
                reason: tr.t(&format!("reason.{}", t.reason)),
            })
            .collect(),
        classifications: Classification::ALL
            .iter()
            .map(|c| (c.code(), tr.t(&format!("c.classification.{}", c.code()))))
            .collect(),
        grips: Grip::ALL
            .iter()
            .map(|g| (g.code(), tr.t(&format!("c.grip.{}", g.code()))))
            .collect(),
        history: history(state, room, tr).await?.into_iter().collect(),
        errors: crate::http::error::localize(errors, tr),
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

async fn classify_page(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
    Query(q): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let asked = q
        .iter()
        .any(|(k, _)| Answers::QUESTIONS.contains(&k.as_str()));
    let answers = if asked {
        answers_from(&q)
    } else {
        room.state().answers.unwrap_or_default()
    };
    classify_view(
        &state,
        &auth.principal,
        &auth.ctx,
        &room,
        answers,
        asked,
        vec![],
    )
    .await
}

/// The register teams that carry the proposed standards.
fn teams_for(room: &Room, standards: &[String]) -> Vec<RecordId> {
    room.index
        .live(RecordKind::Team)
        .filter(|t| {
            t.text("standard")
                .is_some_and(|s| standards.iter().any(|x| x == s))
        })
        .map(|t| t.id)
        .collect()
}

pub fn classify_command(
    room: &Room,
    answers: Answers,
    accept: bool,
    classification: &str,
    grip: &str,
    reason: &str,
) -> CrisisCommand {
    let proposal = propose(&answers);
    let standards: Vec<String> = proposal.teams.iter().map(|t| t.value.clone()).collect();
    CrisisCommand::Classify {
        answers,
        accept,
        classification: classification.parse().ok(),
        grip: grip.parse().ok(),
        reason: reason.to_owned(),
        teams: teams_for(room, &standards),
    }
}

async fn classify(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let p = pairs(&body)?;
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let answers = answers_from(&p);
    let accept = field(&p, "choice") != "override";
    let command = classify_command(
        &room,
        answers,
        accept,
        field(&p, "classification"),
        field(&p, "grip"),
        field(&p, "reason"),
    );
    let outcome = match super::occurrence(field(&p, "occurred_at"), false) {
        Ok(at) => super::command(&state, &auth.principal, room.id(), command, at).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(()) => {
            Ok(Redirect::to(&format!("{}?melding=saved", crisis_href(room.id()))).into_response())
        }
        Err(crisismap_app::Error::Invalid(errors)) => {
            classify_view(
                &state,
                &auth.principal,
                &auth.ctx,
                &room,
                answers,
                true,
                errors,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- entries

pub struct Row {
    pub href: String,
    pub title: String,
    pub cells: Vec<Shown>,
    pub flags: Vec<(&'static str, &'static str)>,
    pub meta: String,
    pub body: String,
}

pub struct ScenarioColumn {
    pub label: &'static str,
    pub case: &'static str,
    pub rows: Vec<Row>,
}

pub struct PartyCheck {
    pub party: &'static str,
    pub why: String,
    pub informed: Option<String>,
}

#[derive(Template)]
#[template(path = "crisis/entries.html")]
struct EntriesPage {
    ctx: PageCtx,
    head: Head,
    slug: &'static str,
    heading: &'static str,
    new_label: &'static str,
    lead: &'static str,
    title_header: &'static str,
    headers: Vec<String>,
    rows: Vec<Row>,
    total: i64,
    shown_from: i64,
    page: i64,
    pages: i64,
    filter: ListQuery,
    tags: Vec<(&'static str, &'static str)>,
    authors: Vec<(String, String)>,
    is_log: bool,
    is_action: bool,
    scenarios: Vec<ScenarioColumn>,
    parties: Vec<PartyCheck>,
    staffing: Vec<(&'static str, bool)>,
    support: Vec<Row>,
    teams: Vec<(String, String)>,
    flash: Option<&'static str>,
    query_base: String,
    can_invite: bool,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub tag: String,
    pub author: String,
    pub mine: String,
    pub page: i64,
    pub melding: Option<String>,
}

const PAGE_SIZE: i64 = 100;

/// Whether an entry (not from paper) was recorded much later than it happened.
fn entry_late(e: &Entry) -> bool {
    match (
        e.occurred_at.parse::<jiff::Timestamp>(),
        e.created_at.parse::<jiff::Timestamp>(),
    ) {
        (Ok(o), Ok(r)) => {
            e.transcribed.is_none() && crisismap_core::crisis::occurrence::recorded_late(o, r)
        }
        _ => false,
    }
}

fn row(room: &Room, e: &Entry, tr: Tr, now: jiff::Timestamp) -> Row {
    let schema = e.kind.schema();
    let cells = schema
        .columns
        .iter()
        .filter_map(|c| schema.field(c))
        .map(|f| show(f, e.data.get(f.name), room, tr))
        .collect();
    let mut flags = vec![];
    if overdue(e, now) {
        flags.push(("badge-bad", tr.t("crisis.overdue")));
    }
    if e.kind == EntryKind::Decision {
        if room.superseded_by(e.id).is_some() {
            flags.push(("badge-muted", tr.t("crisis.superseded")));
        } else if reevaluation_due(room, e, now) {
            flags.push(("badge-warn", tr.t("crisis.reevaluate_due")));
        }
    }
    if e.kind == EntryKind::Dilemma {
        if room.answered_by(e.id).is_some() {
            flags.push(("badge-ok", tr.t("crisis.dilemma_closed")));
        } else {
            flags.push(("badge-warn", tr.t("crisis.dilemma_open")));
        }
    }
    if e.kind == EntryKind::Log && e.text("corrects").is_some() {
        flags.push(("badge-warn", tr.t("crisis.correction")));
    }
    if e.transcribed.is_some() {
        flags.push(("badge-muted", tr.t("crisis.transcribed")));
    } else if entry_late(e) {
        flags.push(("badge-muted", tr.t("crisis.recorded_late")));
    }
    Row {
        href: entry_href(room.id(), e.kind, e.id),
        title: e.title.clone(),
        cells,
        flags,
        meta: format!(
            "{} · {}",
            when(&e.created_at),
            room.actor_name(&e.created_by)
        ),
        body: match e.kind {
            EntryKind::Scenario => e.text("description").unwrap_or("").to_owned(),
            EntryKind::Log => e.text("text").unwrap_or("").to_owned(),
            _ => String::new(),
        },
    }
}

async fn entries(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path((id, slug)): Path<(String, String)>,
    Query(q): Query<ListQuery>,
) -> Result<Html<String>, AppError> {
    let kind = kind_of(&slug)?;
    // The log links only to other log entries: the rest of the room is not needed.
    let mut room = if kind == EntryKind::Log {
        Room::load_with(&state, auth.user().workspace, crisis_id(&id)?, &[]).await?
    } else {
        Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?
    };
    let tr = Tr(auth.ctx.lang);
    let now = state.now();
    let ctx = room_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        &room,
        format!(
            "{}: {}",
            tr.t(&format!("e.{kind}.plural")),
            room.state().title
        ),
    )
    .await;
    let schema = kind.schema();
    let page = q.page.max(1);
    let (entries, total): (Vec<Entry>, i64) = if kind == EntryKind::Log {
        let filter = EntryFilter {
            tag: Some(q.tag.clone()),
            author: Some(q.author.clone()),
            text: Some(q.q.clone()),
            newest_first: true,
            offset: (page - 1) * PAGE_SIZE,
            limit: PAGE_SIZE,
        };
        let (entries, total) = state
            .store()
            .entry_page(auth.user().workspace, room.id(), kind, &filter)
            .await?;
        // Corrections point at earlier entries: load those for their links.
        for e in &entries {
            if let Some(target) = e.text("corrects").and_then(|t| t.parse().ok())
                && room.entry(target).is_none()
                && let Ok(t) = state
                    .store()
                    .entry(auth.user().workspace, room.id(), target)
                    .await
            {
                room.add(t);
            }
        }
        (entries, total)
    } else {
        let needle = q.q.trim().to_lowercase();
        let me = auth.user().id.to_string();
        let list: Vec<Entry> = room
            .of(kind)
            .filter(|e| {
                needle.is_empty() || crisismap_store::search_text_of(&e.data).contains(&needle)
            })
            .filter(|e| {
                q.tag.is_empty() || kind.tag_field().and_then(|f| e.text(f)) == Some(q.tag.as_str())
            })
            .filter(|e| q.mine.is_empty() || e.text("owner") == Some(me.as_str()))
            .cloned()
            .collect();
        let total = list.len() as i64;
        (list, total)
    };
    let mut rows: Vec<Row> = entries.iter().map(|e| row(&room, e, tr, now)).collect();
    if kind == EntryKind::Action {
        // Overdue first, then by deadline.
        rows.sort_by_key(|r| r.flags.is_empty());
    }
    let headers = schema
        .columns
        .iter()
        .filter(|c| schema.field(c).is_some())
        .map(|c| tr.t(&format!("f.{kind}.{c}")).to_owned())
        .collect();
    let tags = kind
        .tag_field()
        .and_then(|f| schema.field(f))
        .map(|f| match f.ty {
            crisismap_core::register::schema::FieldType::Choice(codes) => codes
                .iter()
                .map(|c| (*c, choice_label(tr, f.name, c)))
                .collect(),
            _ => vec![],
        })
        .unwrap_or_default();
    let scenarios = if kind == EntryKind::Scenario {
        crisismap_core::crisis::entries::CASES
            .iter()
            .map(|case| ScenarioColumn {
                label: choice_label(tr, "case", case),
                case,
                rows: room
                    .of(kind)
                    .filter(|e| e.text("case") == Some(case))
                    .map(|e| row(&room, e, tr, now))
                    .collect(),
            })
            .collect()
    } else {
        vec![]
    };
    let parties = if kind == EntryKind::Informing {
        let escalations = room
            .index
            .views::<crisismap_core::register::views::EscalationView>(RecordKind::Escalation);
        room.state()
            .expected_parties(&escalations)
            .into_iter()
            .map(|(party, why)| PartyCheck {
                party: choice_label(tr, "party", &party),
                why: why
                    .into_iter()
                    .map(|w| match w {
                        crisismap_core::crisis::state::ExpectedBy::Agreement(name) => name,
                        crisismap_core::crisis::state::ExpectedBy::Classification => {
                            tr.t("crisis.by_classification").to_owned()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                informed: room
                    .of(EntryKind::Informing)
                    .filter(|e| e.text("party") == Some(party.as_str()))
                    .filter_map(|e| e.text("informed_at"))
                    .min()
                    .map(when),
            })
            .collect()
    } else {
        vec![]
    };
    let (staffing, support, teams) = if kind == EntryKind::Attendance {
        (
            crisismap_app::crisis::staffing(&room, now),
            room.of(EntryKind::Support)
                .map(|e| row(&room, e, tr, now))
                .collect(),
            room.state()
                .teams
                .iter()
                .filter_map(|t| room.index.get(*t))
                .map(|t| {
                    (
                        t.title.clone(),
                        crate::register::display::record_href(RecordKind::Team, t.id),
                    )
                })
                .collect(),
        )
    } else {
        (vec![], vec![], vec![])
    };
    let authors = if kind == EntryKind::Log {
        room.users
            .iter()
            .map(|u| (format!("user:{}", u.id), u.display_name.clone()))
            .collect()
    } else {
        vec![]
    };
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let query_base = format!(
        "{}?{}",
        format_args!("{}/{}", crisis_href(room.id()), kind.slug()),
        serde_urlencoded::to_string([
            ("q", q.q.as_str()),
            ("tag", q.tag.as_str()),
            ("author", q.author.as_str()),
        ])
        .unwrap_or_default()
    );
    let tab = match kind {
        EntryKind::Support => "aanwezigheid",
        EntryKind::Fact | EntryKind::ProcessStatus | EntryKind::Effect => "",
        other => other.slug(),
    };
    render(&EntriesPage {
        head: head(&room, tr, tab, auth.user()),
        slug: kind.slug(),
        heading: tr.t(&format!("e.{kind}.plural")),
        new_label: tr.t(&format!("e.{kind}.new")),
        lead: tr.t(&format!("e.{kind}.lead")),
        title_header: tr.t(&format!("f.{kind}.{}", schema.title)),
        headers,
        rows,
        total,
        shown_from: (page - 1) * PAGE_SIZE,
        page,
        pages,
        flash: tr.flash(q.melding.as_deref(), &["saved"]),
        filter: q,
        tags,
        authors,
        is_log: kind == EntryKind::Log,
        is_action: kind == EntryKind::Action,
        scenarios,
        parties,
        staffing,
        support,
        teams,
        query_base,
        can_invite: auth.user().role.allows(Role::Editor)
            && auth.user().crisis_scope.is_none()
            && !room.state().closed,
        ctx,
    })
}

use crate::register::display::{DetailField, DetailGroup};

pub struct Version {
    pub rev: i64,
    pub at: String,
    pub who: String,
    pub summary: String,
}

pub struct Link {
    pub label: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "crisis/entry.html")]
struct EntryPage {
    ctx: PageCtx,
    head: Head,
    slug: &'static str,
    kind_label: &'static str,
    id: String,
    rev: i64,
    fields: Vec<DetailField>,
    groups: Vec<DetailGroup>,
    recorded: String,
    /// When it happened, where that differs from when it was recorded.
    occurred: String,
    late: bool,
    transcribed: String,
    versions: Vec<Version>,
    related: Vec<(&'static str, Vec<Link>)>,
    actions: Vec<Link>,
    can_edit: bool,
    flash: Option<&'static str>,
}

async fn detail(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path((id, slug, entry)): Path<(String, String, String)>,
    Query(q): Query<FlashQuery>,
) -> Result<Html<String>, AppError> {
    let kind = kind_of(&slug)?;
    let ws = auth.user().workspace;
    let mut room = Room::load(&state, ws, crisis_id(&id)?).await?;
    let e = state
        .store()
        .entry(ws, room.id(), entry_id(&entry)?)
        .await?;
    if e.kind != kind {
        return Err(AppError::NotFound);
    }
    let tr = Tr(auth.ctx.lang);
    // Log entries this one corrects, or that correct it.
    let mut corrections = vec![];
    if kind == EntryKind::Log {
        if let Some(target) = e.text("corrects").and_then(|t| t.parse().ok())
            && let Ok(t) = state.store().entry(ws, room.id(), target).await
        {
            room.add(t);
        }
        let (found, _) = state
            .store()
            .entry_page(
                ws,
                room.id(),
                EntryKind::Log,
                &EntryFilter {
                    text: Some(e.id.to_string()),
                    limit: 100,
                    ..EntryFilter::default()
                },
            )
            .await?;
        corrections = found
            .into_iter()
            .filter(|c| c.text("corrects") == Some(e.id.to_string().as_str()))
            .collect();
    }
    room.add(e.clone());
    let title = e.title.lines().next().unwrap_or("").to_owned();
    let ctx = room_ctx(&state, &auth.principal, &auth.ctx, &room, title).await;
    let (fields, groups) = crate::register::display::detail(kind.schema(), &e.data, &room, tr);
    let versions = state
        .store()
        .entry_versions(room.id(), e.id)
        .await?
        .iter()
        .filter_map(|env| match env.event().ok()? {
            DomainEvent::EntrySaved { rev, data, .. } => Some(Version {
                rev,
                at: local_display(env.recorded_at),
                who: room.actor_name(&env.actor),
                summary: kind
                    .tag_field()
                    .and_then(|f| {
                        data.get(f)
                            .and_then(|v| v.as_str())
                            .map(|c| choice_label(tr, f, c).to_owned())
                    })
                    .unwrap_or_default(),
            }),
            _ => None,
        })
        .collect();
    let base = crisis_href(room.id());
    let link = |x: &Entry| Link {
        label: x.title.lines().next().unwrap_or("").to_owned(),
        href: entry_href(room.id(), x.kind, x.id),
    };
    let me = e.id.to_string();
    let mut related: Vec<(&'static str, Vec<Link>)> = vec![];
    let mut actions = vec![];
    let writer = auth.user().role.allows(Role::Member)
        && !room.state().closed
        && super::guest_may_write(&auth.principal, Some(kind)).is_ok();
    match kind {
        EntryKind::Log => {
            related.push((
                tr.t("crisis.corrections"),
                corrections.iter().map(link).collect(),
            ));
            if writer {
                actions.push(Link {
                    label: tr.t("crisis.correct").to_owned(),
                    href: format!("{base}/logboek/nieuw?corrects={me}"),
                });
            }
        }
        EntryKind::Decision => {
            let superseded: Vec<Link> = room.superseded_by(e.id).into_iter().map(link).collect();
            related.push((tr.t("crisis.superseded_by"), superseded));
            let acts = room
                .of(EntryKind::Action)
                .filter(|a| a.text("decision") == Some(me.as_str()))
                .map(link)
                .collect();
            related.push((tr.t("e.action.plural"), acts));
            if writer {
                actions.push(Link {
                    label: tr.t("crisis.supersede").to_owned(),
                    href: format!("{base}/besluiten/nieuw?supersedes={me}"),
                });
                actions.push(Link {
                    label: tr.t("e.action.new").to_owned(),
                    href: format!("{base}/acties/nieuw?decision={me}"),
                });
            }
        }
        EntryKind::Dilemma => {
            let closing: Vec<Link> = room.answered_by(e.id).into_iter().map(link).collect();
            related.push((tr.t("crisis.closed_by"), closing));
            if writer {
                actions.push(Link {
                    label: tr.t("crisis.decide_dilemma").to_owned(),
                    href: format!("{base}/besluiten/nieuw?dilemma={me}"),
                });
            }
        }
        EntryKind::Bob => {
            let decided = room
                .of(EntryKind::Decision)
                .filter(|d| d.text("meeting") == Some(me.as_str()))
                .map(link)
                .collect();
            related.push((tr.t("crisis.meeting_decisions"), decided));
            if writer {
                actions.push(Link {
                    label: tr.t("e.decision.new").to_owned(),
                    href: format!("{base}/besluiten/nieuw?meeting={me}"),
                });
            }
        }
        EntryKind::Scenario => {
            let decided = room
                .of(EntryKind::Decision)
                .filter(|d| d.text("scenario") == Some(me.as_str()))
                .map(link)
                .collect();
            related.push((tr.t("e.decision.plural"), decided));
        }
        _ => {}
    }
    render(&EntryPage {
        head: head(&room, tr, kind.slug(), auth.user()),
        slug: kind.slug(),
        kind_label: tr.t(&format!("e.{kind}.one")),
        id: me,
        rev: e.rev,
        fields,
        groups,
        recorded: format!(
            "{} · {}",
            when(&e.created_at),
            room.actor_name(&e.created_by)
        ),
        occurred: {
            let (o, r) = (when(&e.occurred_at), when(&e.created_at));
            if o == r { String::new() } else { o }
        },
        late: entry_late(&e),
        transcribed: e
            .transcribed
            .as_ref()
            .map(|t| {
                let at = e.created_at.parse().unwrap_or_else(|_| state.now());
                transcribed_words(t, &room.actor_name(&e.created_by), at, tr)
            })
            .unwrap_or_default(),
        versions,
        related,
        actions,
        can_edit: writer && !kind.immutable(),
        flash: tr.flash(q.melding.as_deref(), &["saved"]),
        ctx,
    })
}

#[derive(Template)]
#[template(path = "crisis/form.html")]
struct FormPage {
    ctx: PageCtx,
    head: Head,
    action: String,
    cancel: String,
    rev: Option<i64>,
    form: FormView,
    conflict: Option<&'static str>,
    immutable_note: Option<&'static str>,
    /// For kinds without a time field of their own: when it happened, as typed (empty: now).
    occurred: Option<String>,
    occurred_error: Option<String>,
}

#[allow(clippy::too_many_arguments)] // the form's whole state, passed by the handlers that own it
async fn form_page(
    state: &AppState,
    auth: &Authed<MemberUp>,
    room: &Room,
    kind: EntryKind,
    entry: Option<&Entry>,
    raw: RawRecord,
    errors: Vec<FieldError>,
    conflict: bool,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let title = match entry {
        Some(e) => format!(
            "{}: {}",
            tr.t("form.edit"),
            e.title.lines().next().unwrap_or("")
        ),
        None => tr.t(&format!("e.{kind}.new")).to_owned(),
    };
    let ctx = room_ctx(state, &auth.principal, &auth.ctx, room, title).await;
    let base = format!("{}/{}", crisis_href(room.id()), kind.slug());
    let (action, cancel) = match entry {
        Some(e) => (
            entry_href(room.id(), kind, e.id),
            entry_href(room.id(), kind, e.id),
        ),
        None => (base.clone(), base),
    };
    let occurred = kind
        .moment_field()
        .is_none()
        .then(|| raw.fields.get("occurred_at").cloned().unwrap_or_default());
    let occurred_error = errors
        .iter()
        .find(|e| e.field == "occurred_at")
        .map(|e| e.message.clone());
    let form = form::build(kind.schema(), &raw, &errors, room, tr);
    let page = FormPage {
        head: head(room, tr, kind.slug(), auth.user()),
        action,
        cancel,
        rev: entry.map(|e| e.rev),
        form,
        conflict: conflict.then(|| tr.t("error.stale_revision")),
        immutable_note: kind
            .immutable()
            .then(|| tr.t(&format!("e.{kind}.immutable"))),
        occurred,
        occurred_error,
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

/// A text for the meeting's picture step: the shared picture as it is at the start.
fn picture_snapshot(room: &Room, tr: Tr) -> String {
    let s = room.state();
    let mut out = format!(
        "{}: {} · {}: {} · {}: {}\n",
        tr.t("crisis.classification"),
        s.classification
            .map(|c| tr.t(&format!("c.classification.{}", c.code())))
            .unwrap_or(tr.t("crisis.unclassified")),
        tr.t("crisis.phase"),
        tr.t(&format!("c.phase.{}", s.phase.code())),
        tr.t("crisis.grip"),
        tr.t(&format!("c.grip.{}", s.grip.code())),
    );
    for e in room.of(EntryKind::ProcessStatus) {
        let name = e
            .text("process")
            .and_then(|p| p.parse().ok())
            .and_then(|p| room.index.title(p))
            .unwrap_or("");
        out.push_str(&format!(
            "- {name}: {}\n",
            choice_label(tr, "status", e.text("status").unwrap_or(""))
        ));
    }
    for e in room.of(EntryKind::Effect) {
        out.push_str(&format!(
            "- {}: {}\n",
            e.title,
            choice_label(tr, "status", e.text("status").unwrap_or(""))
        ));
    }
    for e in room.of(EntryKind::Fact) {
        out.push_str(&format!(
            "- [{}] {}\n",
            choice_label(tr, "nature", e.text("nature").unwrap_or("")),
            e.title
        ));
    }
    out
}

async fn new_form(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, slug)): Path<(String, String)>,
    Query(q): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let kind = kind_of(&slug)?;
    super::guest_may_write(&auth.principal, Some(kind))?;
    let mut room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    if room.state().closed {
        return Err(AppError::Conflict("crisis_closed".into()));
    }
    let tr = Tr(auth.ctx.lang);
    let now_local = state
        .now()
        .to_zoned(crisismap_core::time::amsterdam().clone())
        .strftime("%Y-%m-%dT%H:%M")
        .to_string();
    let mut raw = RawRecord::default();
    let schema = kind.schema();
    let defaults: &[(&str, &str)] = match kind {
        EntryKind::Log => &[("occurred_at", "now"), ("category", "report")],
        EntryKind::Decision => &[("decided_at", "now")],
        EntryKind::Action => &[("status", "new")],
        EntryKind::Communication => &[("status", "draft")],
        EntryKind::Support => &[("requested_at", "now"), ("status", "requested")],
        EntryKind::Informing => &[("informed_at", "now")],
        EntryKind::Bob => &[("started_at", "now")],
        EntryKind::Attendance => &[("arrived_at", "now"), ("kind", "member")],
        EntryKind::Fact => &[("observed_at", "now"), ("nature", "fact")],
        EntryKind::ProcessStatus => &[("since", "now"), ("status", "disrupted")],
        EntryKind::Effect => &[("status", "disrupted")],
        _ => &[],
    };
    for (k, v) in defaults {
        let v = if *v == "now" { now_local.as_str() } else { v };
        raw.fields.insert((*k).to_owned(), v.to_owned());
    }
    if kind == EntryKind::Bob {
        raw.fields
            .insert("picture".into(), picture_snapshot(&room, tr));
    }
    if kind == EntryKind::Decision || kind == EntryKind::Log {
        raw.fields
            .insert("decided_by".into(), auth.user().display_name.clone());
    }
    // Prefill from the address: links like "decide this dilemma" carry the reference.
    for (k, v) in q {
        if schema.field(&k).is_some() {
            raw.fields.insert(k, v);
        }
    }
    add_corrected(&state, auth.user().workspace, &mut room, &raw).await;
    raw.fields.retain(|k, _| schema.field(k).is_some());
    form_page(
        &state,
        &auth,
        &room,
        kind,
        None,
        raw,
        vec![],
        false,
        StatusCode::OK,
    )
    .await
}

async fn edit_form(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, slug, entry)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let kind = kind_of(&slug)?;
    super::guest_may_write(&auth.principal, Some(kind))?;
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let e = state
        .store()
        .entry(auth.user().workspace, room.id(), entry_id(&entry)?)
        .await?;
    if e.kind != kind || kind.immutable() {
        return Err(AppError::NotFound);
    }
    let raw = RawRecord::from_data(kind.schema(), &e.data);
    form_page(
        &state,
        &auth,
        &room,
        kind,
        Some(&e),
        raw,
        vec![],
        false,
        StatusCode::OK,
    )
    .await
}

/// A log entry that corrects another names it; the corrected one is not loaded with the room,
/// so it is added for the form to show.
async fn add_corrected(state: &AppState, ws: WorkspaceId, room: &mut Room, raw: &RawRecord) {
    if let Some(target) = raw.fields.get("corrects").and_then(|t| t.parse().ok())
        && let Ok(t) = state.store().entry(ws, room.id(), target).await
    {
        room.add(t);
    }
}

/// Saves the form. The crisis room is read only when the form comes back (with its errors,
/// or with a newer revision): a save that succeeds reads just what the entry refers to.
async fn save_from_form(
    state: &AppState,
    auth: &Authed<MemberUp>,
    crisis: StreamId,
    kind: EntryKind,
    existing: Option<Entry>,
    rev: Option<i64>,
    raw: RawRecord,
) -> Result<Response, AppError> {
    let id = existing.as_ref().map(|e| e.id);
    let ws = auth.user().workspace;
    // Kinds without a time field of their own take the moment typed beside the form.
    let at = match kind.moment_field() {
        Some(_) => Ok(None),
        None => super::occurrence(
            raw.fields
                .get("occurred_at")
                .map(String::as_str)
                .unwrap_or(""),
            false,
        )
        .map(|o| o.map(|o| o.at)),
    };
    let saved = match at {
        Ok(at) => super::save_entry(state, &auth.principal, crisis, kind, id, rev, &raw, at).await,
        Err(e) => Err(e),
    };
    match saved {
        Ok(saved) => {
            let to = match kind {
                EntryKind::Fact | EntryKind::ProcessStatus | EntryKind::Effect => {
                    format!("{}?melding=saved", crisis_href(crisis))
                }
                _ => format!("{}?melding=saved", entry_href(crisis, kind, saved)),
            };
            Ok(Redirect::to(&to).into_response())
        }
        Err(crisismap_app::Error::Invalid(errors)) => {
            let errors = crate::http::error::localize(errors, Tr(auth.ctx.lang));
            let mut room = Room::load(state, ws, crisis).await?;
            add_corrected(state, ws, &mut room, &raw).await;
            form_page(
                state,
                auth,
                &room,
                kind,
                existing.as_ref(),
                raw,
                errors,
                false,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(crisismap_app::Error::StaleRevision) => {
            // Keep what this user typed; the form now carries the newer revision.
            let current = match id {
                Some(id) => Some(state.store().entry(ws, crisis, id).await?),
                None => None,
            };
            let mut room = Room::load(state, ws, crisis).await?;
            add_corrected(state, ws, &mut room, &raw).await;
            form_page(
                state,
                auth,
                &room,
                kind,
                current.as_ref(),
                raw,
                vec![],
                true,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn create(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, slug)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let kind = kind_of(&slug)?;
    let crisis = crisis_id(&id)?;
    let (raw, _) = form_pairs(&body)?;
    save_from_form(&state, &auth, crisis, kind, None, None, raw).await
}

async fn update(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, slug, entry)): Path<(String, String, String)>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let kind = kind_of(&slug)?;
    let crisis = crisis_id(&id)?;
    let e = state
        .store()
        .entry(auth.user().workspace, crisis, entry_id(&entry)?)
        .await?;
    if e.kind != kind {
        return Err(AppError::NotFound);
    }
    let (raw, rev) = form_pairs(&body)?;
    save_from_form(&state, &auth, crisis, kind, Some(e), rev, raw).await
}

// ---------------------------------------------------------------- timeline and sitrep

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
struct TimelinePage {
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
struct TimelineQuery {
    only: String,
    page: usize,
    /// `ja`: everything on one page, for printing.
    alle: String,
}

const TIMELINE_PAGE: usize = 500;

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

fn describe_events(room: &Room, tr: Tr, events: &[crisismap_core::Envelope]) -> Vec<TimelineItem> {
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

pub use crisismap_app::words::transcribed_words;

async fn timeline(
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

#[derive(Template)]
#[template(path = "crisis/sitrep.html")]
struct SitrepPage {
    ctx: PageCtx,
    head: Head,
    printed: String,
    known: String,
    processes: Vec<(String, &'static str, String)>,
    decisions: Vec<(Row, String)>,
    since: Option<String>,
    sections: Vec<(&'static str, Vec<Row>)>,
    next_meeting: Option<String>,
    teams: Vec<String>,
}

async fn sitrep(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let tr = Tr(auth.ctx.lang);
    let now = state.now();
    let ctx = room_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        &room,
        format!("{}: {}", tr.t("crisis.tab.sitrep"), room.state().title),
    )
    .await;
    let processes = room
        .processes_in_order()
        .into_iter()
        .map(|(record, st)| {
            let code = st.and_then(|e| e.text("status")).unwrap_or("normal");
            let expected = st
                .and_then(|e| e.text("expected_recovery"))
                .map(when)
                .unwrap_or_default();
            (
                record.title.clone(),
                choice_label(tr, "status", code),
                expected,
            )
        })
        .collect();
    let (since_ts, since_decisions) = room.decisions_since_last_meeting(now);
    let decisions = since_decisions
        .into_iter()
        .map(|(_, d)| {
            (
                row(&room, d, tr, now),
                d.text("decision").unwrap_or("").to_owned(),
            )
        })
        .collect();
    render(&SitrepPage {
        head: head(&room, tr, "situatierapport", auth.user()),
        printed: local_display(now),
        known: room.state().known.clone(),
        processes,
        decisions,
        since: since_ts.map(local_display),
        sections: vec![
            (
                tr.t("e.effect.plural"),
                room.of(EntryKind::Effect)
                    .map(|e| row(&room, e, tr, now))
                    .collect(),
            ),
            (
                tr.t("crisis.facts_heading"),
                room.of(EntryKind::Fact)
                    .map(|e| row(&room, e, tr, now))
                    .collect(),
            ),
            (
                tr.t("crisis.open_actions"),
                room.of(EntryKind::Action)
                    .filter(|a| !matches!(a.text("status"), Some("closed")))
                    .map(|e| row(&room, e, tr, now))
                    .collect(),
            ),
            (
                tr.t("e.scenario.plural"),
                room.of(EntryKind::Scenario)
                    .map(|e| row(&room, e, tr, now))
                    .collect(),
            ),
            (
                tr.t("e.communication.plural"),
                room.of(EntryKind::Communication)
                    .map(|e| row(&room, e, tr, now))
                    .collect(),
            ),
        ],
        next_meeting: next_meeting(&room, now).map(local_display),
        teams: room
            .state()
            .teams
            .iter()
            .filter_map(|t| room.index.title(*t).map(str::to_owned))
            .collect(),
        ctx,
    })
}

// ---------------------------------------------------------------- guests

#[derive(Template)]
#[template(path = "crisis/guests.html")]
struct GuestsPage {
    ctx: PageCtx,
    head: Head,
    guests: Vec<(String, String, bool)>,
    issued: Option<(String, String, String)>,
    errors: Vec<FieldError>,
    name: String,
    email: String,
}

async fn guests_page(
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
        tr.t("crisis.guests").to_owned(),
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

async fn guests(
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

async fn invite_guest(
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

fn pdf_response(pdf: crisismap_report::Pdf, name: &str) -> Response {
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/pdf".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        pdf.bytes,
    )
        .into_response()
}

async fn sitrep_pdf(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    let data =
        crisismap_app::print::sitrep_data(&state, auth.user().workspace, id, auth.ctx.lang).await?;
    let pdf = crisismap_app::print::render_sitrep(data).await?;
    crate::http::auth::audit(
        &state,
        auth.ctx.audit("print", &format!("sitrep:{id}"), "ok"),
    )
    .await;
    Ok(pdf_response(pdf, "situatierapport.pdf"))
}

async fn decisions_pdf(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = crisis_id(&id)?;
    let data = crisismap_app::print::decision_record_data(
        &state,
        auth.user().workspace,
        id,
        auth.ctx.lang,
    )
    .await?;
    let pdf = crisismap_app::print::render_decisions(data).await?;
    crate::http::auth::audit(
        &state,
        auth.ctx.audit("print", &format!("decisions:{id}"), "ok"),
    )
    .await;
    Ok(pdf_response(pdf, "besluitenlijst.pdf"))
}
