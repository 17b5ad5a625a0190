//! The entry forms: new, edit, and saving from a form (shown again on 422 or 409).

use super::frame::{Head, crisis_id, entry_id, head, kind_of, room_ctx};
use super::frame::{crisis_href, entry_href};
use crate::AppState;
use crate::http::auth::{Authed, MemberUp};
use crate::http::error::{AppError, FieldError};
use crate::http::page::PageCtx;
use crate::http::page::render;
use crate::register::display::choice_label;
use crate::register::form::{self, FormView};
use crate::register::form_pairs;
use askama::Template;
use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use crisismap_app::crisis::Room;
use crisismap_app::i18n::Tr;
use crisismap_core::crisis::EntryKind;
use crisismap_core::register::RawRecord;
use crisismap_core::{StreamId, WorkspaceId};
use crisismap_store::Entry;

#[derive(Template)]
#[template(path = "crisis/form.html")]
pub(super) struct FormPage {
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
pub(super) async fn form_page(
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
            tr.t("form-edit"),
            room.entry_title(e.kind, &e.title, tr)
        ),
        None => tr.t(&format!("e-{kind}-new")).to_owned(),
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
    let mut form = form::build(kind.schema(), &raw, &errors, room, tr);
    if kind == EntryKind::Decision {
        // The mayor or the chair decides, not whoever types: offer the active teams' members
        // with their role in the team, prefill nobody.
        let (people, capacities) = decision_makers(room, tr);
        for f in &mut form.fields {
            match f.name.as_str() {
                "decided_by" => f.suggestions = people.clone(),
                "capacity" => f.suggestions = capacities.clone(),
                _ => {}
            }
        }
    }
    let page = FormPage {
        head: head(room, tr, kind.slug(), auth.user()),
        action,
        cancel,
        rev: entry.map(|e| e.rev),
        form,
        conflict: conflict.then(|| tr.t("error-stale_revision")),
        // A note above the form: what never changes once recorded, or who alone reads a
        // confidential kind (and, for aftercare, that nothing medical belongs here).
        immutable_note: if kind.immutable() {
            Some(tr.t(&format!("e-{kind}-immutable")))
        } else if kind.confidential() {
            Some(tr.t(&format!("e-{kind}-confidential")))
        } else {
            None
        },
        occurred,
        occurred_error,
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

/// Values a text field offers while typing: (value, what it is).
type Suggestions = Vec<(String, String)>;

/// Who may have taken a decision: the members of the crisis's active teams, as (name, "role,
/// team"), and the capacities they hold ("Voorzitter, Gemeentelijk beleidsteam").
pub(super) fn decision_makers(room: &Room, tr: Tr) -> (Suggestions, Suggestions) {
    let mut people: Suggestions = vec![];
    let mut capacities: Suggestions = vec![];
    for team in room.state().teams.iter().filter_map(|t| room.index.get(*t)) {
        let members = team
            .data
            .get("members")
            .and_then(|m| m.as_array())
            .cloned()
            .unwrap_or_default();
        for m in members {
            let text = |k: &str| m.get(k).and_then(|v| v.as_str()).unwrap_or("").to_owned();
            let Some(name) = text("contact")
                .parse()
                .ok()
                .and_then(|id| room.index.title(id))
            else {
                continue;
            };
            let role = choice_label(tr, "team_role", &text("team_role"));
            let mut letters = role.chars();
            let role: String = letters
                .next()
                .map(|first| first.to_uppercase().chain(letters).collect())
                .unwrap_or_default();
            let capacity = format!("{role}, {}", team.title);
            if !people.iter().any(|(n, _)| n == name) {
                people.push((name.to_owned(), capacity.clone()));
            }
            if !capacities.iter().any(|(c, _)| *c == capacity) {
                capacities.push((capacity, name.to_owned()));
            }
        }
    }
    (people, capacities)
}

/// A text for the meeting's picture step: the shared picture as it is at the start.
pub(super) fn picture_snapshot(room: &Room, tr: Tr) -> String {
    let s = room.state();
    let mut out = format!(
        "{}: {} · {}: {} · {}: {}\n",
        tr.t("crisis-classification"),
        s.classification
            .map(|c| tr.t(&format!("c-classification-{}", c.code())))
            .unwrap_or(tr.t("crisis-unclassified")),
        tr.t("crisis-phase"),
        tr.t(&format!("c-phase-{}", s.phase.code())),
        tr.t("crisis-grip"),
        tr.t(&format!("c-grip-{}", s.grip.code())),
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

pub(super) async fn new_form(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, slug)): Path<(String, String)>,
    Query(q): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let kind = kind_of(&slug, auth.user())?;
    crisismap_app::crisis::guest_may_write(&auth.principal, Some(kind))?;
    let mut room = Room::load_kind(&state, auth.user().workspace, crisis_id(&id)?, kind).await?;
    if room.state().closed {
        return Err(AppError::Conflict("crisis_closed".into()));
    }
    let tr = Tr(auth.ctx.lang);
    let now_local = crisismap_core::time::local_input(state.now());
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
        EntryKind::Duty => &[("starts_at", "now"), ("status", "open")],
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

pub(super) async fn edit_form(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, slug, entry)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let kind = kind_of(&slug, auth.user())?;
    crisismap_app::crisis::guest_may_write(&auth.principal, Some(kind))?;
    let room = Room::load_kind(&state, auth.user().workspace, crisis_id(&id)?, kind).await?;
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
pub(super) async fn add_corrected(
    state: &AppState,
    ws: WorkspaceId,
    room: &mut Room,
    raw: &RawRecord,
) {
    if let Some(target) = raw.fields.get("corrects").and_then(|t| t.parse().ok())
        && let Ok(t) = state.store().entry(ws, room.id(), target).await
    {
        room.add(t);
    }
}

/// Saves the form. The crisis room is read only when the form comes back (with its errors,
/// or with a newer revision): a save that succeeds reads just what the entry refers to.
/// `editing` is the entry being changed with the revision the form was based on; `back` is
/// where a line from the quick line leads after it is saved.
pub(super) async fn save_from_form(
    state: &AppState,
    auth: &Authed<MemberUp>,
    crisis: StreamId,
    kind: EntryKind,
    editing: Option<(Entry, Option<i64>)>,
    raw: RawRecord,
    back: Option<String>,
) -> Result<Response, AppError> {
    let (existing, rev) = match editing {
        Some((entry, rev)) => (Some(entry), rev),
        None => (None, None),
    };
    let id = existing.as_ref().map(|e| e.id);
    let ws = auth.user().workspace;
    // Kinds without a time field of their own take the moment typed beside the form.
    let at = match kind.moment_field() {
        Some(_) => Ok(None),
        None => crisismap_app::crisis::occurrence(
            raw.fields
                .get("occurred_at")
                .map(String::as_str)
                .unwrap_or(""),
            false,
        )
        .map(|o| o.map(|o| o.at)),
    };
    let saved = match at {
        Ok(at) => {
            crisismap_app::crisis::save_entry(
                state,
                &auth.principal,
                crisis,
                kind,
                id,
                rev,
                &raw,
                at,
            )
            .await
        }
        Err(e) => Err(e),
    };
    let done = |saved| match (back, kind) {
        (Some(back), _) => back,
        (None, EntryKind::Fact | EntryKind::ProcessStatus | EntryKind::Effect) => {
            format!("{}?melding=saved", crisis_href(crisis))
        }
        (None, _) => format!("{}?melding=saved", entry_href(crisis, kind, saved)),
    };
    crate::http::form::answer(saved, Tr(auth.ctx.lang), done, async |again| {
        // After a conflict the form is based on the newer version, keeping what was typed.
        let current = match id {
            Some(id) if again.conflict => Some(state.store().entry(ws, crisis, id).await?),
            _ => existing,
        };
        let mut room = Room::load_kind(state, ws, crisis, kind).await?;
        add_corrected(state, ws, &mut room, &raw).await;
        form_page(
            state,
            auth,
            &room,
            kind,
            current.as_ref(),
            raw,
            again.errors,
            again.conflict,
            again.status,
        )
        .await
    })
    .await
}

pub(super) async fn create(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, slug)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let kind = kind_of(&slug, auth.user())?;
    let crisis = crisis_id(&id)?;
    let (mut raw, _) = form_pairs(&body)?;
    // "The full form" from the quick decision line: what was typed, in the whole form, unsaved.
    if raw.fields.remove("volledig").is_some() {
        raw.fields.remove("snel");
        raw.fields.retain(|k, _| kind.schema().field(k).is_some());
        let room = Room::load_kind(&state, auth.user().workspace, crisis, kind).await?;
        return form_page(
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
        .await;
    }
    let back = quick_line(&state, kind, &mut raw).map(|page| match page {
        QuickBack::Picture => format!("{}?melding=logged", crisis_href(crisis)),
        QuickBack::Log => format!("{}/logboek?melding=logged", crisis_href(crisis)),
        QuickBack::Decisions => format!("{}/besluiten?melding=decided", crisis_href(crisis)),
    });
    save_from_form(&state, &auth, crisis, kind, None, raw, back).await
}

/// Where a line typed into the quick line leads back to.
enum QuickBack {
    Picture,
    Log,
    Decisions,
}

/// A log line from the quick line (`snel` names the page it was typed on): the time is now
/// unless one was typed, the category "Melding" unless one was chosen. A full form is
/// unchanged.
fn quick_line(state: &AppState, kind: EntryKind, raw: &mut RawRecord) -> Option<QuickBack> {
    let from = raw.fields.remove("snel")?;
    let blank = |v: Option<&String>| v.is_none_or(|v| v.trim().is_empty());
    if kind == EntryKind::Decision {
        // The quick decision: taken now unless a time was typed, titled by its first words.
        if blank(raw.fields.get("decided_at")) {
            let now = crisismap_core::time::local_input(state.now());
            raw.fields.insert("decided_at".into(), now);
        }
        if blank(raw.fields.get("title")) {
            let decision = raw.fields.get("decision").map(String::as_str).unwrap_or("");
            raw.fields.insert("title".into(), short_title(decision));
        }
        return Some(QuickBack::Decisions);
    }
    if kind != EntryKind::Log {
        return None;
    }
    if blank(raw.fields.get("occurred_at")) {
        let now = crisismap_core::time::local_input(state.now());
        raw.fields.insert("occurred_at".into(), now);
    }
    if blank(raw.fields.get("category")) {
        raw.fields.insert("category".into(), "report".into());
    }
    Some(if from == "beeld" {
        QuickBack::Picture
    } else {
        QuickBack::Log
    })
}

/// A title from a decision's words: its first line, cut at a word before 100 characters.
fn short_title(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    if line.chars().count() <= 100 {
        return line.to_owned();
    }
    let mut out = String::new();
    for word in line.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > 99 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = line.chars().take(99).collect();
    }
    format!("{out}…")
}

pub(super) async fn update(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path((id, slug, entry)): Path<(String, String, String)>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let kind = kind_of(&slug, auth.user())?;
    let crisis = crisis_id(&id)?;
    let e = state
        .store()
        .entry(auth.user().workspace, crisis, entry_id(&entry)?)
        .await?;
    if e.kind != kind {
        return Err(AppError::NotFound);
    }
    let (raw, rev) = form_pairs(&body)?;
    save_from_form(&state, &auth, crisis, kind, Some((e, rev)), raw, None).await
}

// ---------------------------------------------------------------- timeline and sitrep
