//! What asks for attention in a crisis: every open step the record itself shows, each with
//! where it is resolved. The crisis room's "Vraagt aandacht" and the overview draw this list.

use super::Room;
use crate::i18n::Tr;
use crate::words::choice_label;
use crisismap_core::crisis::{EntryKind, Grip, Phase, overdue};
use crisismap_core::register::{RecordId, RecordKind};
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
        /// The fields it starts with, and their values.
        prefill: Vec<(&'static str, String)>,
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
                    prefill: vec![("party", party)],
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
                prefill: vec![],
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
    steps.extend(duty_steps(room, now, tr));
    steps.extend(question_steps(room, now, tr));
    // Stable: the most urgent first, within that in the order above.
    steps.sort_by_key(|s| s.urgency);
    steps
}

/// Council questions whose answer has not been sent: late ones and those due within two days
/// first.
fn question_steps(room: &Room, now: Timestamp, tr: Tr) -> Vec<OpenStep> {
    let today = now
        .to_zoned(crisismap_core::time::amsterdam().clone())
        .date();
    room.of(EntryKind::CouncilQuestion)
        .filter(|e| e.text("status") != Some("sent"))
        .map(|e| {
            let due = e
                .text("deadline")
                .and_then(|d| d.parse::<jiff::civil::Date>().ok());
            let late = overdue(e, now);
            let soon = due.is_some_and(|d| d <= today.saturating_add(jiff::Span::new().days(2)));
            OpenStep {
                urgency: if late || soon {
                    Urgency::Now
                } else {
                    Urgency::Soon
                },
                what: tr.t(if late {
                    "attention-question_overdue"
                } else {
                    "attention-question_due"
                }),
                subject: match e.text("deadline") {
                    Some(d) => format!("{} ({})", e.title, crate::words::date_nl(d)),
                    None => e.title.clone(),
                },
                resolve: Resolve::Entry {
                    kind: e.kind,
                    id: e.id,
                },
            }
        })
        .collect()
}

/// The duties that run: each open one by its deadline (late, within a day, later, due at once
/// or still to be set), and the duties a decision's emergency power starts that nobody has
/// recorded yet.
fn duty_steps(room: &Room, now: Timestamp, tr: Tr) -> Vec<OpenStep> {
    use crate::i18n::Value;
    use crisismap_core::crisis::duties;
    let mut steps = vec![];
    let name = |e: &crisismap_core::crisis::Entry| match e.text("name") {
        Some(n) if !n.trim().is_empty() => n.to_owned(),
        _ => room.entry_title(EntryKind::Duty, &e.title, tr),
    };
    for e in room
        .of(EntryKind::Duty)
        .filter(|e| e.text("status") == Some("open"))
    {
        let due = e.text("deadline").and_then(|d| d.parse::<Timestamp>().ok());
        let (urgency, what, subject) = match due {
            Some(due) => {
                let minutes = due.duration_since(now).as_mins();
                let words = |key: &str| {
                    tr.with(
                        key,
                        &[
                            (
                                "time",
                                Value::from(crate::words::duration_text(
                                    minutes.unsigned_abs(),
                                    tr,
                                )),
                            ),
                            ("at", Value::from(crisismap_core::time::local_display(due))),
                        ],
                    )
                };
                if minutes <= 0 {
                    (Urgency::Now, "attention-duty_overdue", words("duty-late"))
                } else {
                    let urgency = if minutes <= 24 * 60 {
                        Urgency::Now
                    } else {
                        Urgency::Soon
                    };
                    (urgency, "attention-duty_due", words("duty-left"))
                }
            }
            None if duties::due_at_once(e.text("obligation").unwrap_or("")) => {
                (Urgency::Now, "attention-duty_at_once", String::new())
            }
            None => (Urgency::Soon, "attention-duty_due", String::new()),
        };
        steps.push(OpenStep {
            urgency,
            what: tr.t(what),
            subject: if subject.is_empty() {
                name(e)
            } else {
                format!("{}: {subject}", name(e))
            },
            resolve: Resolve::Entry {
                kind: e.kind,
                id: e.id,
            },
        });
    }
    for decision in room.of(EntryKind::Decision) {
        let Some(power) = decision.text("power") else {
            continue;
        };
        // The duties this power starts: the catalogue's, and the workspace's own types that
        // name it, each as (its name, obligation code, own type).
        let expected = duties::started_by(power)
            .map(|duty| {
                (
                    choice_label(tr, "obligation", &duty.code).to_owned(),
                    duty.code.clone(),
                    None,
                )
            })
            .chain(
                room.index
                    .live(RecordKind::DutyType)
                    .filter(|own| own.text("power") == Some(power))
                    .map(|own| {
                        (
                            own.title.clone(),
                            "own".to_owned(),
                            Some(own.id.to_string()),
                        )
                    }),
            );
        let me = decision.id.to_string();
        let starts = decision
            .text("decided_at")
            .and_then(|t| t.parse::<Timestamp>().ok())
            .map(crisismap_core::time::local_input)
            .unwrap_or_default();
        for (name, obligation, own) in expected {
            let recorded = room.of(EntryKind::Duty).any(|d| {
                d.text("obligation") == Some(obligation.as_str())
                    && d.text("duty_type") == own.as_deref()
                    && d.text("decision") == Some(me.as_str())
            });
            if recorded {
                continue;
            }
            let mut prefill = vec![("obligation", obligation)];
            prefill.extend(own.map(|id| ("duty_type", id)));
            prefill.extend([
                ("decision", me.clone()),
                ("starts_at", starts.clone()),
                ("status", "open".to_owned()),
            ]);
            steps.push(OpenStep {
                urgency: Urgency::Now,
                what: tr.t("attention-duty_expected"),
                subject: format!(
                    "{name} ({})",
                    room.entry_title(decision.kind, &decision.title, tr)
                ),
                resolve: Resolve::NewEntry {
                    kind: EntryKind::Duty,
                    prefill,
                },
            });
        }
    }
    steps
}
