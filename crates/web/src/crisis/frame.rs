//! The frame every crisis page shares: the head with the crisis's state and tabs, the
//! page context, and reading ids and form fields from the request.

use crate::AppState;
use crate::http::error::AppError;
use crate::http::page::{PageCtx, Section};
use crate::register::{Index, Refs};
use crisismap_app::crisis::Room;
use crisismap_app::i18n::Tr;
use crisismap_core::UserId;
use crisismap_core::crisis::EntryKind;
use crisismap_core::register::RecordId;
use crisismap_core::time::local_display;
use crisismap_core::{Role, StreamId};
use crisismap_store::Entry;

pub(super) fn crisis_id(id: &str) -> Result<StreamId, AppError> {
    id.parse().map_err(|_| AppError::NotFound)
}

/// The kind at this address segment, if this user may read it (legal advice and aftercare
/// are confidential: see `EntryKind::readable_by`).
pub(super) fn kind_of(
    slug: &str,
    user: &crisismap_store::UserRecord,
) -> Result<EntryKind, AppError> {
    let kind = EntryKind::from_slug(slug).ok_or(AppError::NotFound)?;
    if kind.readable_by(user.role, user.crisis_scope.is_some()) {
        Ok(kind)
    } else {
        Err(AppError::Forbidden)
    }
}

pub(super) fn entry_id(id: &str) -> Result<RecordId, AppError> {
    id.parse().map_err(|_| AppError::NotFound)
}

pub(super) fn when(text: &str) -> String {
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
    /// Who coordinates the aftermath, once the crisis was handed over to the line.
    pub coordinator: Option<String>,
    pub tabs: Vec<Tab>,
    pub can_write: bool,
    /// May change the crisis itself (phase, GRIP, classification, teams, restore order,
    /// failing nodes, closing): a member, not a guest.
    pub can_steer: bool,
    /// A guest (liaison, expert) of this crisis: adds only the kinds a liaison needs.
    pub guest: bool,
    /// The reader's role.
    pub role: Role,
    /// Exercise control of this exercise (sees the events list; does not play).
    pub exercise_control: bool,
    /// An observer of this exercise (observes; does not play).
    pub observer: bool,
}

impl Head {
    /// An administrator (sees the aftercare).
    pub fn admin(&self) -> bool {
        self.role == Role::Admin
    }

    /// May read the confidential legal advice (administrators and editors, not guests).
    pub fn reads_legal(&self) -> bool {
        EntryKind::LegalAdvice.readable_by(self.role, self.guest)
    }

    /// Whether the user may add entries of the kind at this address segment.
    pub fn writes(&self, slug: &str) -> bool {
        self.can_write
            && EntryKind::from_slug(slug).is_some_and(|k| {
                (!self.guest || crisismap_app::crisis::GUEST_KINDS.contains(&k))
                    && k.readable_by(self.role, self.guest)
            })
    }
}

pub(super) const TABS: [(&str, &str); 17] = [
    ("", "crisis-tab-picture"),
    ("logboek", "crisis-tab-log"),
    ("besluiten", "crisis-tab-decisions"),
    ("acties", "crisis-tab-actions"),
    ("dilemmas", "crisis-tab-dilemmas"),
    ("scenarios", "crisis-tab-scenarios"),
    ("aanwezigheid", "crisis-tab-team"),
    ("informeren", "crisis-tab-informing"),
    ("plichten", "crisis-tab-duties"),
    ("bevindingen", "crisis-tab-findings"),
    ("kosten", "crisis-tab-costs"),
    ("raadsvragen", "crisis-tab-council"),
    ("communicatie", "crisis-tab-communication"),
    ("vergaderingen", "crisis-tab-meetings"),
    ("tijdlijn", "crisis-tab-timeline"),
    ("situatierapport", "crisis-tab-sitrep"),
    ("verantwoording", "accountability-title"),
];

pub(super) fn head(room: &Room, tr: Tr, current: &str, user: &crisismap_store::UserRecord) -> Head {
    let role = user.role;
    let guest = user.crisis_scope.is_some();
    let s = room.state();
    let base = crisis_href(room.id());
    let staff = s.exercise_run.as_ref().and_then(|r| r.staff(user.id));
    Head {
        id: room.id().to_string(),
        title: s.title.clone(),
        exercise: s.exercise,
        closed: s.closed,
        classification: match s.classification {
            Some(c) => tr.t(&format!("c-classification-{}", c.code())),
            None => tr.t("crisis-unclassified"),
        },
        classified: s.classification.is_some(),
        phase: tr.t(&format!("c-phase-{}", s.phase.code())),
        grip: tr.t(&format!("c-grip-{}", s.grip.code())),
        coordinator: s
            .handover
            .as_ref()
            .filter(|_| s.phase == crisismap_core::crisis::Phase::Aftermath)
            .map(|h| h.coordinator.clone()),
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
        can_write: role.allows(Role::Member) && !s.closed && staff.is_none(),
        can_steer: role.allows(Role::Member) && !s.closed && !guest && staff.is_none(),
        guest,
        role,
        exercise_control: staff == Some(crisismap_core::crisis::Staff::Control),
        observer: staff == Some(crisismap_core::crisis::Staff::Observer),
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

pub fn crisis_href(id: StreamId) -> String {
    format!("/crisis/{id}")
}

pub fn entry_href(crisis: StreamId, kind: EntryKind, id: RecordId) -> String {
    format!("/crisis/{crisis}/{}/{id}", kind.slug())
}

impl Refs for Room {
    fn index(&self) -> &Index {
        &self.index
    }

    fn entry_options(&self, kind: EntryKind) -> Vec<(String, String)> {
        self.of(kind)
            .map(|e| (e.id.to_string(), entry_label(e)))
            .collect()
    }

    fn entry_label(&self, kind: EntryKind, id: RecordId) -> Option<(String, String)> {
        self.entry(id)
            .filter(|e| e.kind == kind)
            .map(|e| (entry_label(e), entry_href(self.id(), kind, id)))
    }

    fn user_options(&self) -> Vec<(String, String)> {
        self.users
            .iter()
            .filter(|u| !u.disabled)
            .map(|u| (u.id.to_string(), u.display_name.clone()))
            .collect()
    }

    fn user_name(&self, id: UserId) -> Option<String> {
        self.users
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.display_name.clone())
    }
}

/// How an entry is named in a select or a link: its title, cut at 80 characters.
fn entry_label(e: &Entry) -> String {
    let title = e.title.lines().next().unwrap_or("");
    if title.chars().count() > 80 {
        format!("{}…", title.chars().take(79).collect::<String>())
    } else {
        title.to_owned()
    }
}

/// The log's categories as the quick line offers them, the usual one ("Melding") first.
pub(super) fn quick_categories(tr: crisismap_app::i18n::Tr) -> Vec<(&'static str, &'static str)> {
    crisismap_core::crisis::entries::LOG_CATEGORIES
        .iter()
        .map(|code| {
            (
                *code,
                crate::register::display::choice_label(tr, "category", code),
            )
        })
        .collect()
}
