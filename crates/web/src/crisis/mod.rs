//! The crisis room on the web. Its pages, one file each: the list and opening (`list`), the
//! shared picture (`picture`), changes to the crisis (`changes`), the classification
//! assistant (`classify`), entries (`entries`, `entry_form`), the timeline (`timeline`),
//! documents (`documents`), guests (`guests`), typing paper back in (`transcribe`); what
//! they share (`frame`); and the JSON door (`api`). The commands behind both doors live in
//! `crisismap_app::crisis`.

pub mod api;
mod changes;
mod classify;
mod documents;
mod entries;
mod entry_form;
mod frame;
mod guests;
mod list;
mod picture;
mod timeline;
mod transcribe;
mod views;

pub(crate) use list::{CrisisRow, crisis_rows};

use crate::AppState;
use crate::register::{Index, Refs};
use axum::Router;
use axum::routing::{get, post};
pub use crisismap_app::crisis::{
    GUEST_KINDS, OpenInput, Room, TRANSCRIBED_KINDS, change_command, choice, command,
    confirm_command, crisis_error, failing_command, guest_may_write, occurrence, open,
    parse_moment, save_entry, teams_command, transcribe,
};
use crisismap_core::StreamId;
use crisismap_core::UserId;
use crisismap_core::crisis::EntryKind;
use crisismap_core::register::RecordId;
use crisismap_store::Entry;

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

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/crisis", get(list::list))
        .route("/crisis/nieuw", get(list::open_form).post(list::open))
        .route("/crisis/{id}", get(picture::picture))
        .route(
            "/crisis/{id}/classificatie",
            get(classify::classify_page).post(classify::classify),
        )
        .route("/crisis/{id}/fase", post(changes::change_phase))
        .route("/crisis/{id}/grip", post(changes::change_grip))
        .route("/crisis/{id}/teams", post(changes::set_teams))
        .route("/crisis/{id}/herstelvolgorde", post(changes::move_process))
        .route("/crisis/{id}/afsluiten", post(changes::close))
        .route("/crisis/{id}/uitval", post(changes::set_failing))
        .route(
            "/crisis/{id}/gasten",
            get(guests::guests).post(guests::invite_guest),
        )
        .route("/crisis/{id}/tijdlijn", get(timeline::timeline))
        .route(
            "/crisis/{id}/overnemen",
            get(transcribe::page).post(transcribe::save),
        )
        .route("/crisis/{id}/situatierapport", get(documents::sitrep))
        .route(
            "/crisis/{id}/situatierapport.pdf",
            get(documents::sitrep_pdf),
        )
        .route("/crisis/{id}/besluiten.pdf", get(documents::decisions_pdf))
        .route(
            "/crisis/{id}/{slug}",
            get(entries::entries).post(entry_form::create),
        )
        .route("/crisis/{id}/{slug}/nieuw", get(entry_form::new_form))
        .route(
            "/crisis/{id}/{slug}/{entry}",
            get(entries::detail).post(entry_form::update),
        )
        .route(
            "/crisis/{id}/{slug}/{entry}/bewerken",
            get(entry_form::edit_form),
        )
}
