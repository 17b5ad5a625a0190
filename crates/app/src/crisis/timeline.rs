//! The crisis in the order things happened, in words: every event of its stream as a line
//! of the timeline (its entries and the changes of the crisis itself), when it happened and
//! when it was recorded. The timeline page, the picture's history and the API read it here.

use super::Room;
use crate::i18n::Tr;
use crate::words::{choice_label, transcribed_words};
use crate::{App, Error};
use crisismap_core::DomainEvent;
use crisismap_core::crisis::EntryKind;
use crisismap_core::register::RecordId;
use crisismap_core::time::local_display;

/// One line of the timeline.
pub struct TimelineItem {
    /// When it happened (Amsterdam), the order of the timeline.
    pub occurred: String,
    /// When it was recorded (Amsterdam), where that differs from when it happened.
    pub recorded: String,
    /// Recorded more than half an hour after it happened.
    pub late: bool,
    /// Typed back in from paper: where it was written, by whom, who typed it in and when.
    pub transcribed: Option<crisismap_core::crisis::Transcription>,
    /// The transcription in the reader's words; empty when it was typed in directly.
    pub transcribed_text: String,
    /// When it happened, as canonical UTC text (for the API).
    pub occurred_utc: String,
    /// When it was recorded, as canonical UTC text (for the API).
    pub recorded_utc: String,
    /// The display name of who recorded it, or the system's name (such as `cli`).
    pub who: String,
    /// The kind in the reader's language: an entry kind, or the crisis itself.
    pub kind: &'static str,
    /// The kind's stable code: `log`, `decision`, …, or `crisis` for the crisis itself.
    pub kind_code: String,
    /// What happened, in one line: the entry's title and tag, or the crisis's change and reason.
    pub text: String,
    /// The entry it is about, when it is about one (kind and id).
    pub entry: Option<(EntryKind, RecordId)>,
}

/// One line of the crisis's own history (opening, classification, phase, GRIP level, …).
#[derive(Debug, Clone)]
pub struct HistoryLine {
    /// When it happened (Amsterdam).
    pub at: String,
    /// When it was recorded (Amsterdam), where that differs.
    pub recorded: String,
    /// Recorded more than half an hour after it happened.
    pub late: bool,
    /// The display name of who did it.
    pub who: String,
    /// What changed, in words (for example the new phase).
    pub what: String,
    /// The reason given with the change; empty when none was.
    pub reason: String,
}

/// Every event of the crisis in words, oldest first: log, decisions, actions, GRIP and phase
/// changes, communications, meetings.
pub async fn timeline_items(app: &App, room: &Room, tr: Tr) -> Result<Vec<TimelineItem>, Error> {
    let (events, _) = app
        .store()
        .timeline_page(room.id(), None, 0, 100_000)
        .await?;
    Ok(describe_events(room, tr, &events))
}

/// These events of the crisis's stream (a page of them) as timeline lines, leaving out the
/// events that have nothing to say in words.
pub fn describe_events(
    room: &Room,
    tr: Tr,
    events: &[crisismap_core::Envelope],
) -> Vec<TimelineItem> {
    let mut items = vec![];
    for env in events {
        let Ok(event) = env.event() else { continue };
        let moment = Moment::of(env, &event);
        let who = room.actor_name(&env.actor);
        let (kind, kind_code, text, entry, transcribed) = match &event {
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
                    format!("{}: ", tr.t("crisis-changed"))
                };
                let title = room.entry_title(*kind, title, tr);
                (
                    tr.t(&format!("e-{kind}-one")),
                    kind.code().to_owned(),
                    format!("{verb}{}{tag}", title.lines().next().unwrap_or("")),
                    Some((*kind, *id)),
                    transcribed.clone(),
                )
            }
            other => {
                let Some((what, reason)) = describe(other, room, tr) else {
                    continue;
                };
                (
                    tr.t("crisis-kind_crisis"),
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
            entry,
        });
    }
    items
}

/// The history of the crisis itself: opening, classifications, phase and GRIP changes.
pub async fn history(app: &App, room: &Room, tr: Tr) -> Result<Vec<HistoryLine>, Error> {
    let (events, _) = app
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
    /// When it happened: the moment given with the event, else when it was recorded.
    pub occurred: jiff::Timestamp,
    /// When the store recorded it.
    pub recorded: jiff::Timestamp,
}

impl Moment {
    /// The moments of one event of the stream.
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

    /// Whether it was recorded more than half an hour after it happened.
    pub fn late(&self) -> bool {
        crisismap_core::crisis::occurrence::recorded_late(self.occurred, self.recorded)
    }
}

/// A crisis-level event in words: (what happened, the reason given).
pub fn describe(event: &DomainEvent, room: &Room, tr: Tr) -> Option<(String, String)> {
    Some(match event {
        DomainEvent::CrisisOpened {
            phase, exercise, ..
        } => (
            format!(
                "{} ({}{})",
                tr.t("crisis-h-opened"),
                tr.t(&format!("c-phase-{}", phase.code())),
                if *exercise {
                    format!(", {}", tr.t("crisis-exercise"))
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
                tr.t("crisis-h-classified"),
                tr.t(&format!("c-classification-{}", classification.code())),
                tr.t(&format!("c-grip-{}", grip.code())),
                tr.t(if *accepted {
                    "crisis-proposal_accepted"
                } else {
                    "crisis-proposal_overridden"
                })
            ),
            reason.clone(),
        ),
        DomainEvent::CrisisPhaseChanged { phase, reason, .. } => (
            format!(
                "{}: {}",
                tr.t("crisis-h-phase"),
                tr.t(&format!("c-phase-{}", phase.code()))
            ),
            reason.clone(),
        ),
        DomainEvent::CrisisGripChanged { grip, reason, .. } => (
            format!(
                "{}: {}",
                tr.t("crisis-h-grip"),
                tr.t(&format!("c-grip-{}", grip.code()))
            ),
            reason.clone(),
        ),
        DomainEvent::CrisisGripConfirmed { grip, reason, .. } => (
            format!(
                "{}: {}",
                tr.t("crisis-h-grip_confirmed"),
                tr.t(&format!("c-grip-{}", grip.code()))
            ),
            reason.clone(),
        ),
        DomainEvent::CrisisPhaseConfirmed { phase, reason, .. } => (
            format!(
                "{}: {}",
                tr.t("crisis-h-phase_confirmed"),
                tr.t(&format!("c-phase-{}", phase.code()))
            ),
            reason.clone(),
        ),
        DomainEvent::CrisisTeamsChanged { teams, reason, .. } => (
            format!(
                "{}: {}",
                tr.t("crisis-h-teams"),
                teams
                    .iter()
                    .filter_map(|t| room.index.title(*t))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            reason.clone(),
        ),
        DomainEvent::RestoreOrderChanged { reason, .. } => {
            (tr.t("crisis-h-restore_order").to_owned(), reason.clone())
        }
        DomainEvent::CrisisClosed { reason, .. } => {
            (tr.t("crisis-h-closed").to_owned(), reason.clone())
        }
        DomainEvent::CrisisHandedOver {
            coordinator,
            transfers,
            restoring,
            reason,
            ..
        } => {
            let mut detail = vec![];
            if !reason.is_empty() {
                detail.push(reason.clone());
            }
            if !transfers.is_empty() {
                let list: Vec<String> = transfers
                    .iter()
                    .map(|t| match room.entry(t.action) {
                        Some(a) => format!("{} ({})", a.title, t.owner),
                        None => t.owner.clone(),
                    })
                    .collect();
                detail.push(tr.with(
                    "crisis-h-handover-actions",
                    &[("list", crate::i18n::Value::from(list.join("; ")))],
                ));
            }
            let names: Vec<String> = restoring
                .iter()
                .filter_map(|p| room.index.title(*p))
                .map(str::to_owned)
                .collect();
            if !names.is_empty() {
                detail.push(tr.with(
                    "crisis-h-handover-restoring",
                    &[("list", crate::i18n::Value::from(names.join(", ")))],
                ));
            }
            (
                tr.with(
                    "crisis-h-handover",
                    &[("coordinator", crate::i18n::Value::from(coordinator.clone()))],
                ),
                detail
                    .iter()
                    .map(|d| {
                        let d = d.trim();
                        if d.ends_with(['.', '!', '?']) {
                            d.to_owned()
                        } else {
                            format!("{d}.")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        }
        DomainEvent::SitrepIssued { number, .. } => (
            tr.with(
                "crisis-h-sitrep",
                &[("number", crate::i18n::Value::from(*number))],
            ),
            String::new(),
        ),
        DomainEvent::FailingNodesSet { nodes, reason, .. } => {
            let names: Vec<String> = nodes.iter().map(|f| node_title(room, &f.key)).collect();
            (
                format!(
                    "{}: {}",
                    tr.t("crisis-h-failing"),
                    if names.is_empty() {
                        tr.t("crisis-nothing_failing").to_owned()
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
pub fn node_title(room: &Room, key: &str) -> String {
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
