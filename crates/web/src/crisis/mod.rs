//! The crisis room on the web: the pages (`pages`) and the JSON door (`api`) share the
//! commands here, so both validate and record the same way.

pub mod api;
mod pages;
mod transcribe;
mod views;

pub use pages::router;
pub(crate) use pages::{CrisisRow, crisis_rows};

use crate::register::{Index, Refs};
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
