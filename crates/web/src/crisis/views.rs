//! What the crisis pages derive from a room: the staffing check, overdue actions, decisions due for re-evaluation, the next meeting and
//! the timeline.

use super::Room;
use crate::error::AppError;
use crisismap_core::crisis::EntryKind;
use crisismap_store::Entry;

/// Whether an entry's timestamp field lies before `now`.
pub fn before(e: &Entry, field: &str, now: jiff::Timestamp) -> bool {
    e.text(field)
        .and_then(|t| t.parse::<jiff::Timestamp>().ok())
        .is_some_and(|t| t <= now)
}

/// An action that passed its deadline and is neither done nor closed.
pub fn overdue(e: &Entry, now: jiff::Timestamp) -> bool {
    e.kind == EntryKind::Action
        && !matches!(e.text("status"), Some("done" | "closed"))
        && before(e, "deadline", now)
}

/// A decision whose re-evaluation moment has come and that no later decision supersedes.
pub fn reevaluation_due(room: &Room, e: &Entry, now: jiff::Timestamp) -> bool {
    e.kind == EntryKind::Decision
        && before(e, "reevaluate_at", now)
        && room.superseded_by(e.id).is_none()
}

/// The next planned meeting: the latest meeting's `next_meeting`, when still to come.
pub fn next_meeting(room: &Room, now: jiff::Timestamp) -> Option<jiff::Timestamp> {
    room.of(EntryKind::Bob)
        .filter_map(|m| m.text("next_meeting"))
        .filter_map(|t| t.parse::<jiff::Timestamp>().ok())
        .filter(|t| *t > now)
        .min()
}

/// The guidance's staffing advice, checked against who is present: (code, met).
pub fn staffing(room: &Room, now: jiff::Timestamp) -> Vec<(&'static str, bool)> {
    let present = |kind: &str| {
        room.of(EntryKind::Attendance).any(|a| {
            a.text("kind") == Some(kind)
                && before(a, "arrived_at", now)
                && !before(a, "left_at", now)
        })
    };
    let invited = |kind: &str| {
        room.of(EntryKind::Attendance)
            .any(|a| a.text("kind") == Some(kind))
    };
    vec![
        (
            "staff_team",
            !room.state().teams.is_empty() && present("member"),
        ),
        ("staff_liaison", invited("liaison")),
        ("staff_expert", invited("expert")),
        ("staff_region", room.of(EntryKind::Support).next().is_some()),
        (
            "staff_communication",
            room.of(EntryKind::Support)
                .any(|s| s.text("role") == Some("communication_advisor"))
                || room.of(EntryKind::Attendance).any(|a| {
                    a.text("capacity").is_some_and(|c| {
                        c.to_lowercase().contains("communicatie")
                            || c.to_lowercase().contains("communication")
                    })
                }),
        ),
    ]
}

/// The cascade of what is marked failing in a crisis: each affected node with the moment it
/// is expected to stop working.
pub struct CrisisCascade {
    pub rows: Vec<(crate::register::cascade::ImpactRow, String)>,
    pub picture: String,
    /// (title, since) of each failing node.
    pub failing: Vec<(String, String)>,
}

pub fn crisis_cascade(
    room: &Room,
    graph: &crisismap_core::register::graph::RegisterGraph,
    tr: crisismap_app::i18n::Tr,
) -> Result<CrisisCascade, AppError> {
    use crisismap_core::register::graph::NodeKey;
    let failing: Vec<(NodeKey, jiff::Timestamp)> = room
        .state()
        .failing
        .iter()
        .filter_map(|f| Some((f.key.parse().ok()?, f.since.parse().ok()?)))
        .filter(|(k, _): &(NodeKey, jiff::Timestamp)| graph.node_of(k).is_some())
        .collect();
    let Some(first) = failing.iter().map(|(_, t)| *t).min() else {
        return Ok(CrisisCascade {
            rows: vec![],
            picture: String::new(),
            failing: vec![],
        });
    };
    let staggered: Vec<(NodeKey, u32)> = failing
        .iter()
        .map(|(k, t)| {
            let delay = t.duration_since(first).as_mins().max(0);
            (k.clone(), u32::try_from(delay).unwrap_or(u32::MAX))
        })
        .collect();
    let (cascade, source) = graph
        .cascade_staggered(&staggered)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let rows = crate::register::cascade::impact_rows(graph, &cascade, Some(source), tr)
        .into_iter()
        .map(|r| {
            let at = first
                .checked_add(jiff::SignedDuration::from_mins(
                    i64::try_from(r.minutes).unwrap_or(i64::MAX / 120),
                ))
                .map(crisismap_core::time::local_display)
                .unwrap_or_default();
            (r, at)
        })
        .collect();
    let picture = crate::register::cascade::cascade_picture(
        graph,
        &cascade,
        Some(source),
        tr,
        "crisis-cascade",
    );
    let failing = failing
        .iter()
        .filter_map(|(k, t)| {
            let n = graph.node(graph.node_of(k)?)?;
            Some((n.title.clone(), crisismap_core::time::local_display(*t)))
        })
        .collect();
    Ok(CrisisCascade {
        rows,
        picture,
        failing,
    })
}
