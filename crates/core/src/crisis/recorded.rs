//! What a crisis has recorded: its entries as read back ([`Entry`], with real moments), the
//! links between them ([`Entries`]: which decision supersedes which, which decision answers
//! which dilemma), and what the crisis room derives from them at a moment: overdue actions,
//! decisions due for re-evaluation, the next meeting and the guidance's staffing advice.

use super::{CrisisState, EntryKind, Transcription};
use crate::register::RecordId;
use crate::{StreamId, UserId};
use jiff::Timestamp;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// One entry of a crisis, in its latest version.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The entry's id, the same for every revision.
    pub id: RecordId,
    /// The crisis the entry belongs to.
    pub crisis: StreamId,
    /// The kind of entry.
    pub kind: EntryKind,
    /// The entry's title.
    pub title: String,
    /// The entry's fields, by field name as the kind's schema describes them.
    pub data: Map<String, Value>,
    /// The entry's revision, 1 when it was never changed.
    pub rev: i64,
    /// The stream position at which it was first recorded (the order of the log).
    pub seq: i64,
    /// When it was first recorded.
    pub created_at: Timestamp,
    /// `user:<id>` or `system:<what>`.
    pub created_by: String,
    /// When its latest version was recorded.
    pub updated_at: Timestamp,
    /// Who recorded its latest version: `user:<id>` or `system:<what>`.
    pub updated_by: String,
    /// When it happened: its own moment field, the moment given with it, or when it was
    /// first recorded.
    pub occurred_at: Timestamp,
    /// Typed back in from a paper form.
    pub transcribed: Option<Transcription>,
}

impl Entry {
    /// A text field (choices, references and moments are texts too).
    pub fn text(&self, field: &str) -> Option<&str> {
        self.data.get(field).and_then(Value::as_str)
    }

    /// A moment field.
    pub fn moment(&self, field: &str) -> Option<Timestamp> {
        self.text(field).and_then(|t| t.parse().ok())
    }

    /// Whether a moment field lies at or before `now`.
    pub fn before(&self, field: &str, now: Timestamp) -> bool {
        self.moment(field).is_some_and(|t| t <= now)
    }

    /// The user who first recorded it, when a user did.
    pub fn created_by_user(&self) -> Option<UserId> {
        self.created_by
            .strip_prefix("user:")
            .and_then(|id| id.parse().ok())
    }
}

/// The entries of a crisis in the order they were read, indexed by id, with the links
/// between decisions and what they supersede or answer.
#[derive(Debug, Clone, Default)]
pub struct Entries {
    entries: Vec<Entry>,
    by_id: HashMap<RecordId, usize>,
    /// Decision → the later decision that supersedes it.
    superseded: HashMap<RecordId, usize>,
    /// Dilemma → the decision that answers it.
    answered: HashMap<RecordId, usize>,
}

impl Entries {
    /// Adds an entry (an entry already there is kept as it is). The first decision that
    /// names another in `supersedes`, or a dilemma in `dilemma`, is the one that links.
    pub fn add(&mut self, entry: Entry) {
        if self.by_id.contains_key(&entry.id) {
            return;
        }
        let at = self.entries.len();
        if entry.kind == EntryKind::Decision {
            for (field, map) in [
                ("supersedes", &mut self.superseded),
                ("dilemma", &mut self.answered),
            ] {
                if let Some(target) = entry.text(field).and_then(|t| t.parse().ok()) {
                    map.entry(target).or_insert(at);
                }
            }
        }
        self.by_id.insert(entry.id, at);
        self.entries.push(entry);
    }

    /// The entry with this id, if the crisis has it.
    pub fn get(&self, id: RecordId) -> Option<&Entry> {
        self.by_id.get(&id).map(|i| &self.entries[*i])
    }

    /// The entries of one kind, in order.
    pub fn of(&self, kind: EntryKind) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.kind == kind)
    }

    /// All entries, in the order they were added.
    pub fn iter(&self) -> std::slice::Iter<'_, Entry> {
        self.entries.iter()
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The decision that supersedes this one, if any.
    pub fn superseded_by(&self, decision: RecordId) -> Option<&Entry> {
        self.superseded.get(&decision).map(|i| &self.entries[*i])
    }

    /// The decision that answers this dilemma, if any.
    pub fn answered_by(&self, dilemma: RecordId) -> Option<&Entry> {
        self.answered.get(&dilemma).map(|i| &self.entries[*i])
    }

    /// A decision whose re-evaluation moment has come and that no later decision supersedes.
    pub fn reevaluation_due(&self, e: &Entry, now: Timestamp) -> bool {
        e.kind == EntryKind::Decision
            && e.before("reevaluate_at", now)
            && self.superseded_by(e.id).is_none()
    }

    /// The next planned meeting: the earliest `next_meeting` of the meetings held that is
    /// still to come.
    pub fn next_meeting(&self, now: Timestamp) -> Option<Timestamp> {
        self.of(EntryKind::Bob)
            .filter_map(|m| m.moment("next_meeting"))
            .filter(|t| *t > now)
            .min()
    }

    /// The guidance's staffing advice for a crisis team, checked against who is present
    /// and who is asked: (the advice's code, whether it is met).
    pub fn staffing(&self, state: &CrisisState, now: Timestamp) -> Vec<(&'static str, bool)> {
        let present = |kind: &str| {
            self.of(EntryKind::Attendance).any(|a| {
                a.text("kind") == Some(kind)
                    && a.before("arrived_at", now)
                    && !a.before("left_at", now)
            })
        };
        let invited = |kind: &str| {
            self.of(EntryKind::Attendance)
                .any(|a| a.text("kind") == Some(kind))
        };
        vec![
            ("staff_team", !state.teams.is_empty() && present("member")),
            ("staff_liaison", invited("liaison")),
            ("staff_expert", invited("expert")),
            ("staff_region", self.of(EntryKind::Support).next().is_some()),
            (
                "staff_communication",
                self.of(EntryKind::Support)
                    .any(|s| s.text("role") == Some("communication_advisor"))
                    || self.of(EntryKind::Attendance).any(|a| {
                        a.text("capacity").is_some_and(|c| {
                            let c = c.to_lowercase();
                            c.contains("communicatie") || c.contains("communication")
                        })
                    }),
            ),
        ]
    }
}

impl<'a> IntoIterator for &'a Entries {
    type Item = &'a Entry;
    type IntoIter = std::slice::Iter<'a, Entry>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

/// An action that passed its deadline and is neither done nor closed; a council question
/// whose answer was not sent by the end of its deadline's day (in Amsterdam).
pub fn overdue(e: &Entry, now: Timestamp) -> bool {
    match e.kind {
        EntryKind::Action => {
            !matches!(e.text("status"), Some("done" | "closed")) && e.before("deadline", now)
        }
        EntryKind::CouncilQuestion => {
            let today = now.to_zoned(crate::time::amsterdam().clone()).date();
            e.text("status") != Some("sent")
                && e.text("deadline")
                    .and_then(|d| d.parse::<jiff::civil::Date>().ok())
                    .is_some_and(|d| d < today)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().expect("a moment")
    }

    fn entry(kind: EntryKind, fields: &[(&str, &str)]) -> Entry {
        Entry {
            id: RecordId::new(),
            crisis: StreamId::new(),
            kind,
            title: String::new(),
            data: fields
                .iter()
                .map(|(k, v)| ((*k).to_owned(), Value::from(*v)))
                .collect(),
            rev: 1,
            seq: 1,
            created_at: at("2026-12-07T08:00:00Z"),
            created_by: "user:x".into(),
            updated_at: at("2026-12-07T08:00:00Z"),
            updated_by: "user:x".into(),
            occurred_at: at("2026-12-07T08:00:00Z"),
            transcribed: None,
        }
    }

    #[test]
    fn an_action_is_overdue_after_its_deadline_until_it_is_done() {
        let now = at("2026-12-07T10:00:00Z");
        let late = entry(
            EntryKind::Action,
            &[("deadline", "2026-12-07T09:00:00Z"), ("status", "new")],
        );
        assert!(overdue(&late, now));
        let question = |status: &str| {
            entry(
                EntryKind::CouncilQuestion,
                &[("deadline", "2026-12-06"), ("status", status)],
            )
        };
        assert!(
            overdue(&question("drafting"), now),
            "the day after its deadline"
        );
        assert!(!overdue(&question("sent"), now));
        let on_the_day = entry(
            EntryKind::CouncilQuestion,
            &[("deadline", "2026-12-07"), ("status", "received")],
        );
        assert!(!overdue(&on_the_day, now), "still its day");
        let done = entry(
            EntryKind::Action,
            &[("deadline", "2026-12-07T09:00:00Z"), ("status", "done")],
        );
        assert!(!overdue(&done, now));
        let later = entry(EntryKind::Action, &[("deadline", "2026-12-07T11:00:00Z")]);
        assert!(!overdue(&later, now));
    }

    #[test]
    fn a_superseded_decision_is_never_due_for_reevaluation() {
        let now = at("2026-12-07T10:00:00Z");
        let first = entry(
            EntryKind::Decision,
            &[("reevaluate_at", "2026-12-07T09:00:00Z")],
        );
        let mut entries = Entries::default();
        entries.add(first.clone());
        assert!(entries.reevaluation_due(&first, now));
        let id = first.id.to_string();
        let second = entry(EntryKind::Decision, &[("supersedes", id.as_str())]);
        entries.add(second.clone());
        assert_eq!(
            entries.superseded_by(first.id).map(|e| e.id),
            Some(second.id)
        );
        assert!(!entries.reevaluation_due(&first, now));
    }

    #[test]
    fn the_next_meeting_is_the_earliest_one_still_to_come() {
        let now = at("2026-12-07T10:00:00Z");
        let mut entries = Entries::default();
        for next in [
            "2026-12-07T09:00:00Z",
            "2026-12-07T14:00:00Z",
            "2026-12-07T12:00:00Z",
        ] {
            entries.add(entry(EntryKind::Bob, &[("next_meeting", next)]));
        }
        assert_eq!(entries.next_meeting(now), Some(at("2026-12-07T12:00:00Z")));
    }

    #[test]
    fn a_dilemma_is_answered_by_the_decision_that_names_it() {
        let dilemma = entry(EntryKind::Dilemma, &[]);
        let id = dilemma.id.to_string();
        let mut entries = Entries::default();
        entries.add(dilemma.clone());
        assert!(entries.answered_by(dilemma.id).is_none());
        let decision = entry(EntryKind::Decision, &[("dilemma", id.as_str())]);
        entries.add(decision.clone());
        assert_eq!(
            entries.answered_by(dilemma.id).map(|e| e.id),
            Some(decision.id)
        );
    }
}
