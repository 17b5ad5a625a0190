//! What asks for attention in a crisis: every open step the record itself shows, each with
//! where it is resolved. The crisis room's "Vraagt aandacht" and the overview draw this list.

use super::Room;
use crate::i18n::Tr;
use crate::words::choice_label;
use crisismap_core::crisis::{EntryKind, Grip, Phase, overdue};
use crisismap_core::register::RecordId;
use jiff::Timestamp;

/// How soon a step needs doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// Late already, or something an agreement or the law expects now.
    Now,
    /// Due, or a gap the team should close.
    Soon,
}

/// Where an open step is resolved: the door turns this into an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolve {
    /// A new entry of this kind, with one field filled in (`party` = `safety_region`).
    NewEntry {
        /// The kind of entry that resolves it.
        kind: EntryKind,
        /// A field and the value it starts with.
        prefill: Option<(&'static str, String)>,
    },
    /// This entry, to change or decide on.
    Entry {
        /// Its kind.
        kind: EntryKind,
        /// The entry.
        id: RecordId,
    },
    /// The list of entries of this kind.
    List(EntryKind),
}

/// One open step, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenStep {
    /// How soon.
    pub urgency: Urgency,
    /// What kind of step ("Nog niet geïnformeerd").
    pub what: &'static str,
    /// About what ("Veiligheidsregio (meldkamer)").
    pub subject: String,
    /// Where it is resolved.
    pub resolve: Resolve,
}

/// Every open step of a crisis the record shows, the most urgent first: parties the
/// escalation agreements or the classification say to inform and nobody has informed yet, no
/// meeting planned while the crisis is warm and teams are active (or GRIP 3 and up), actions
/// past their deadline, open actions nobody owns, decisions due for re-evaluation, and open
/// dilemmas. A closed crisis has none.
pub fn open_steps(room: &Room, now: Timestamp, tr: Tr) -> Vec<OpenStep> {
    let state = room.state();
    let mut steps = vec![];
    if state.closed {
        return steps;
    }
    let escalations = room
        .index
        .views::<crisismap_core::register::views::EscalationView>(
            crisismap_core::register::RecordKind::Escalation,
        );
    for (party, _) in state.expected_parties(&escalations) {
        let informed = room
            .of(EntryKind::Informing)
            .any(|e| e.text("party") == Some(party.as_str()));
        if !informed {
            steps.push(OpenStep {
                urgency: Urgency::Now,
                what: tr.t("attention-not_informed"),
                subject: choice_label(tr, "party", &party).to_owned(),
                resolve: Resolve::NewEntry {
                    kind: EntryKind::Informing,
                    prefill: Some(("party", party)),
                },
            });
        }
    }
    let scaled_up = matches!(state.grip, Grip::Grip3 | Grip::Grip4 | Grip::Grip5);
    if state.phase == Phase::Warm
        && (scaled_up || !state.teams.is_empty())
        && room.entries.next_meeting(now).is_none()
    {
        steps.push(OpenStep {
            urgency: if scaled_up {
                Urgency::Now
            } else {
                Urgency::Soon
            },
            what: tr.t("attention-no_meeting"),
            subject: tr.t("attention-no_meeting-subject").to_owned(),
            resolve: Resolve::NewEntry {
                kind: EntryKind::Bob,
                prefill: None,
            },
        });
    }
    for e in room.of(EntryKind::Action) {
        let open = !matches!(e.text("status"), Some("done" | "closed"));
        let entry = Resolve::Entry {
            kind: e.kind,
            id: e.id,
        };
        if overdue(e, now) {
            steps.push(OpenStep {
                urgency: Urgency::Now,
                what: tr.t("attention-overdue"),
                subject: room.entry_title(e.kind, &e.title, tr),
                resolve: entry.clone(),
            });
        }
        let owned = [e.text("owner"), e.text("owner_name"), e.text("team")]
            .into_iter()
            .any(|v| v.is_some_and(|v| !v.trim().is_empty()));
        if open && !owned {
            steps.push(OpenStep {
                urgency: Urgency::Soon,
                what: tr.t("attention-no_owner"),
                subject: room.entry_title(e.kind, &e.title, tr),
                resolve: entry,
            });
        }
    }
    for e in room
        .of(EntryKind::Decision)
        .filter(|e| room.entries.reevaluation_due(e, now))
    {
        steps.push(OpenStep {
            urgency: Urgency::Soon,
            what: tr.t("attention-reevaluate"),
            subject: room.entry_title(e.kind, &e.title, tr),
            resolve: Resolve::Entry {
                kind: e.kind,
                id: e.id,
            },
        });
    }
    for e in room
        .of(EntryKind::Dilemma)
        .filter(|e| room.answered_by(e.id).is_none())
    {
        steps.push(OpenStep {
            urgency: Urgency::Soon,
            what: tr.t("attention-dilemma_open"),
            subject: room.entry_title(e.kind, &e.title, tr),
            resolve: Resolve::Entry {
                kind: e.kind,
                id: e.id,
            },
        });
    }
    // Stable: the most urgent first, within that in the order above.
    steps.sort_by_key(|s| s.urgency);
    steps
}
