//! The crisis cascade as the crisis room draws it: each affected node with the moment it
//! is expected to stop working, as rows and as a picture.

use crate::http::error::AppError;
use crisismap_app::crisis::Room;

/// The cascade of what is marked failing in a crisis: each affected node with the moment it
/// is expected to stop working.
pub struct CrisisCascade {
    pub rows: Vec<(crate::register::cascade::ImpactRow, String)>,
    pub picture: String,
    /// (title, since) of each failing node.
    pub failing: Vec<(String, String)>,
    /// The first failure: each row's time to impact counts from here.
    pub first: Option<jiff::Timestamp>,
}

impl CrisisCascade {
    /// The affected nodes (not failing themselves) expected to stop working after `now` and
    /// no later than an hour from it: (name, when).
    pub fn within_the_hour(&self, now: jiff::Timestamp) -> Vec<(String, String)> {
        let Some(first) = self.first else {
            return vec![];
        };
        let hour = now
            .checked_add(jiff::SignedDuration::from_hours(1))
            .unwrap_or(now);
        self.rows
            .iter()
            .filter(|(r, _)| !r.failing)
            .filter_map(|(r, at)| {
                let minutes = i64::try_from(r.minutes).ok()?;
                let when = first
                    .checked_add(jiff::SignedDuration::from_mins(minutes))
                    .ok()?;
                (when > now && when <= hour).then(|| (r.name.clone(), at.clone()))
            })
            .collect()
    }
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
            first: None,
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
        first: Some(first),
    })
}
