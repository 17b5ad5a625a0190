//! The crisis room's read model: a crisis with the register, the users and the entries its
//! pages and prints resolve references against.

use crate::register::Index;
use crate::{App, Error};
use crisismap_core::crisis::{CrisisState, Entries, Entry, EntryKind};
use crisismap_core::register::{RecordId, RecordKind, RefLookup};
use crisismap_core::{StreamId, UserId, WorkspaceId};
use crisismap_store::{CrisisRecord, UserRecord};
use std::collections::HashMap;

/// A crisis with what its pages need to resolve references: the register, the workspace's
/// users and the crisis's entries (all but the log, which can be long; log entries that are
/// pointed at are added one by one).
pub struct Room {
    /// The crisis itself: its id, workspace and current state.
    pub crisis: CrisisRecord,
    /// The workspace's preparation register, for references to teams, processes and contacts.
    pub index: Index,
    /// The workspace's users, for names and references to people.
    pub users: Vec<UserRecord>,
    /// The entries read, with the links between decisions, dilemmas and what supersedes
    /// what (core's index).
    pub entries: Entries,
}

/// Every kind but the log and the confidential kinds (legal advice, aftercare), which only
/// the pages of their own kind read, for those allowed to.
pub const LOADED_KINDS: &[EntryKind] = EntryKind::OPEN.split_at(1).1;
const _: () = assert!(matches!(EntryKind::ALL[0], EntryKind::Log));
const _: () = assert!(matches!(
    EntryKind::ALL,
    [.., EntryKind::LegalAdvice, EntryKind::Aftercare]
));

impl Room {
    /// Reads a crisis with every kind of entry but the log.
    pub async fn load(app: &App, ws: WorkspaceId, id: StreamId) -> Result<Room, Error> {
        Self::load_with(app, ws, id, LOADED_KINDS).await
    }

    /// The room with, besides, the entries of `kind`: for the pages of a confidential kind,
    /// whose reader was checked before (see `EntryKind::readable_by`).
    pub async fn load_kind(
        app: &App,
        ws: WorkspaceId,
        id: StreamId,
        kind: EntryKind,
    ) -> Result<Room, Error> {
        let mut kinds = LOADED_KINDS.to_vec();
        if !kinds.contains(&kind) && kind != EntryKind::Log {
            kinds.push(kind);
        }
        Self::load_with(app, ws, id, &kinds).await
    }

    /// A room with only the entries of these kinds (the log page needs none of them).
    pub async fn load_with(
        app: &App,
        ws: WorkspaceId,
        id: StreamId,
        kinds: &[EntryKind],
    ) -> Result<Room, Error> {
        let crisis = app.store().crisis(ws, id).await?;
        let index = Index::load(app, ws).await?;
        let users = app.store().users(ws).await?;
        let entries = app.store().entries(ws, id, kinds).await?;
        let mut room = Room {
            crisis,
            index,
            users,
            entries: Entries::default(),
        };
        for e in entries {
            room.add(e);
        }
        Ok(room)
    }

    /// The crisis's stream id.
    pub fn id(&self) -> StreamId {
        self.crisis.id
    }

    /// The crisis as it is now: title, phase, GRIP level, teams, what is failing.
    pub fn state(&self) -> &CrisisState {
        &self.crisis.state
    }

    /// Adds an entry that is not loaded by default (a log entry being corrected).
    pub fn add(&mut self, entry: Entry) {
        self.entries.add(entry);
    }

    /// The decision that supersedes this one, if any.
    pub fn superseded_by(&self, decision: RecordId) -> Option<&Entry> {
        self.entries.superseded_by(decision)
    }

    /// The decision that answers this dilemma, if any.
    pub fn answered_by(&self, dilemma: RecordId) -> Option<&Entry> {
        self.entries.answered_by(dilemma)
    }

    /// A loaded entry of any kind, by id.
    pub fn entry(&self, id: RecordId) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// The loaded entries of one kind, in the order they were recorded.
    pub fn of(&self, kind: EntryKind) -> impl Iterator<Item = &Entry> {
        self.entries.of(kind)
    }

    /// The guidance's staffing advice, checked against who is present: (code, met).
    pub fn staffing(&self, now: jiff::Timestamp) -> Vec<(&'static str, bool)> {
        self.entries.staffing(self.state(), now)
    }

    /// An entry's title as a person reads it. Most kinds are titled by what was typed; a kind
    /// titled by a choice (informing: the party, support: the role) shows the choice's words,
    /// one titled by a register record (a process status: the process) the record's name.
    pub fn entry_title(&self, kind: EntryKind, title: &str, tr: crate::i18n::Tr) -> String {
        use crisismap_core::register::schema::FieldType;
        let schema = kind.schema();
        let first_line = title.lines().next().unwrap_or("");
        match schema.field(schema.title).map(|f| &f.ty) {
            Some(FieldType::Choice(_)) => {
                crate::words::choice_label(tr, schema.title, first_line).to_owned()
            }
            Some(FieldType::Ref(_) | FieldType::AnyRef | FieldType::RefAmong(_)) => first_line
                .parse()
                .ok()
                .and_then(|id| self.index.title(id))
                .unwrap_or(first_line)
                .to_owned(),
            Some(FieldType::Entry(_)) => first_line
                .parse()
                .ok()
                .and_then(|id| self.entry(id))
                .map(|e| e.title.lines().next().unwrap_or("").to_owned())
                .unwrap_or_else(|| first_line.to_owned()),
            _ => title.to_owned(),
        }
    }

    /// The name of who did something (`user:<id>` → display name).
    pub fn actor_name(&self, actor: &str) -> String {
        actor
            .strip_prefix("user:")
            .and_then(|id| id.parse::<UserId>().ok())
            .and_then(|id| self.users.iter().find(|u| u.id == id))
            .map(|u| u.display_name.clone())
            .unwrap_or_else(|| actor.trim_start_matches("system:").to_owned())
    }

    /// The register's processes in the order this crisis restores them: the order the team
    /// set here, then any process not in it by the register's priority.
    pub fn restore_order(&self) -> Vec<RecordId> {
        let registered = self.index.processes_in_restore_order();
        let mut order: Vec<RecordId> = self
            .state()
            .restore_order
            .clone()
            .unwrap_or_default()
            .into_iter()
            .filter(|id| registered.iter().any(|r| r.id == *id))
            .collect();
        for r in registered {
            if !order.contains(&r.id) {
                order.push(r.id);
            }
        }
        order
    }
}

impl Room {
    /// The register's processes in restore order, each with its status in this crisis.
    pub fn processes_in_order(&self) -> Vec<(&crisismap_core::register::Record, Option<&Entry>)> {
        let statuses: HashMap<&str, &Entry> = self
            .of(EntryKind::ProcessStatus)
            .filter_map(|e| e.text("process").map(|p| (p, e)))
            .collect();
        self.restore_order()
            .into_iter()
            .filter_map(|pid| {
                let record = self.index.get(pid)?;
                Some((record, statuses.get(pid.to_string().as_str()).copied()))
            })
            .collect()
    }

    /// The decisions a situation report lists: those since the latest meeting began (all of
    /// them when none was held), each with its number in the decision list.
    pub fn decisions_since_last_meeting(
        &self,
        now: jiff::Timestamp,
    ) -> (Option<jiff::Timestamp>, Vec<(usize, &Entry)>) {
        let since = self
            .of(EntryKind::Bob)
            .filter_map(|m| m.text("started_at"))
            .filter_map(|t| t.parse::<jiff::Timestamp>().ok())
            .filter(|t| *t <= now)
            .max();
        let decisions = self
            .of(EntryKind::Decision)
            .enumerate()
            .map(|(i, d)| (i + 1, d))
            .filter(|(_, d)| {
                since.is_none_or(|s| {
                    d.text("decided_at")
                        .and_then(|t| t.parse::<jiff::Timestamp>().ok())
                        .is_some_and(|t| t >= s)
                })
            })
            .collect();
        (since, decisions)
    }
}

impl RefLookup for Room {
    fn exists(&self, kind: RecordKind, id: RecordId) -> bool {
        self.index.exists(kind, id)
    }

    fn exists_entry(&self, kind: EntryKind, id: RecordId) -> bool {
        self.entry(id).is_some_and(|e| e.kind == kind)
    }

    fn exists_user(&self, id: UserId) -> bool {
        self.users.iter().any(|u| u.id == id && !u.disabled)
    }
}
