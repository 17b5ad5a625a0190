//! The crisis cascade as the crisis room draws it: each affected node with the moment it
//! is expected to stop working, as rows and as a picture.

use crate::http::error::AppError;
use crate::svg::LaneBox;
use crisismap_app::crisis::Room;
use crisismap_app::i18n::{Tr, Value};
use crisismap_app::words::duration_text;

/// The cascade of what is marked failing in a crisis: each affected node with the moment it
/// is expected to stop working.
pub struct CrisisCascade {
    pub rows: Vec<(crate::register::cascade::ImpactRow, String)>,
    /// (title, since) of each failing node.
    pub failing: Vec<(String, String)>,
    /// The same rows in time lanes counted from now: already hit, within the hour, within
    /// four hours, later. Empty when nothing is marked failing.
    pub lanes: Vec<Lane>,
    /// For each row, when it is hit counted from now in words; empty for what is failing.
    pub whens: Vec<String>,
}

/// A period of the cascade counted from now, with what it hits.
pub struct Lane {
    /// `reached`, `hour`, `four_hours` or `later`.
    pub code: &'static str,
    pub label: &'static str,
    pub items: Vec<LaneItem>,
}

/// One affected thing on a lane: its name, where it is described, and when it is hit in words
/// ("over 35 min (04:15)", "2 u 10 min geleden").
pub struct LaneItem {
    pub name: String,
    pub href: Option<String>,
    pub when: String,
    pub minutes_from_now: i64,
}

impl CrisisCascade {
    /// When row `i` is hit, counted from now, in words.
    pub fn when_of(&self, i: &usize) -> &str {
        self.whens.get(*i).map_or("", String::as_str)
    }

    /// The affected nodes (not failing themselves) expected to stop working after now and
    /// no later than an hour from it: (name, when in words).
    pub fn within_the_hour(&self) -> Vec<(String, String)> {
        self.lanes
            .iter()
            .filter(|l| l.code == "hour")
            .flat_map(|l| &l.items)
            .map(|i| (i.name.clone(), i.when.clone()))
            .collect()
    }

    /// The lanes as a picture: boxes with full names in bands, nothing overlapping.
    pub fn lanes_picture(&self, tr: Tr) -> String {
        let mut lanes = vec![(
            tr.t("cascade-lane-failing").to_owned(),
            self.rows
                .iter()
                .filter(|(r, _)| r.failing)
                .map(|(r, _)| LaneBox {
                    label: r.name.clone(),
                    note: String::new(),
                    class: "failing",
                })
                .collect::<Vec<_>>(),
        )];
        lanes.extend(self.lanes.iter().map(|l| {
            (
                l.label.to_owned(),
                l.items
                    .iter()
                    .map(|i| LaneBox {
                        label: i.name.clone(),
                        note: i.when.clone(),
                        class: if l.code == "reached" {
                            "reached"
                        } else {
                            "affected"
                        },
                    })
                    .collect(),
            )
        }));
        crate::svg::cascade_lanes(
            "crisis-cascade",
            tr.t("cascade-picture-title"),
            tr.t("cascade-lanes-desc"),
            &lanes,
        )
    }
}

/// The rows in lanes counted from `now`.
fn lanes(
    rows: &[(crate::register::cascade::ImpactRow, String)],
    c: &crisismap_app::crisis::cascade::CrisisCascade,
    now: jiff::Timestamp,
    tr: Tr,
) -> (Vec<Lane>, Vec<String>) {
    let mut lanes: Vec<Lane> = [
        ("reached", "cascade-lane-reached"),
        ("hour", "cascade-lane-hour"),
        ("four_hours", "cascade-lane-four_hours"),
        ("later", "cascade-lane-later"),
    ]
    .into_iter()
    .map(|(code, key)| Lane {
        code,
        label: tr.t(key),
        items: vec![],
    })
    .collect();
    let mut whens = vec![String::new(); rows.len()];
    for (k, (r, at)) in rows.iter().enumerate().filter(|(_, (r, _))| !r.failing) {
        let from_now = c.minutes_from(r.minutes, now);
        let (lane, when) = if from_now <= 0 {
            let ago = duration_text(from_now.unsigned_abs(), tr);
            (0, tr.with("time-ago", &[("time", Value::from(ago))]))
        } else {
            let lane = match from_now {
                ..=60 => 1,
                61..=240 => 2,
                _ => 3,
            };
            let time = duration_text(from_now.unsigned_abs(), tr);
            (
                lane,
                tr.with(
                    "time-in-at",
                    &[
                        ("time", Value::from(time)),
                        ("at", Value::from(at.as_str())),
                    ],
                ),
            )
        };
        if let Some(w) = whens.get_mut(k) {
            w.clone_from(&when);
        }
        if let Some(l) = lanes.get_mut(lane) {
            l.items.push(LaneItem {
                name: r.name.clone(),
                href: r.href.clone(),
                when,
                minutes_from_now: from_now,
            });
        }
    }
    // What was hit most recently first: that is what the team still feels.
    if let Some(l) = lanes.first_mut() {
        l.items
            .sort_by_key(|i| std::cmp::Reverse(i.minutes_from_now));
    }
    (lanes, whens)
}

pub fn crisis_cascade(
    room: &Room,
    graph: &crisismap_core::register::graph::RegisterGraph,
    tr: Tr,
    now: jiff::Timestamp,
) -> Result<CrisisCascade, AppError> {
    let Some(c) = crisismap_app::crisis::cascade::CrisisCascade::of(room, graph)? else {
        return Ok(CrisisCascade {
            rows: vec![],
            failing: vec![],
            lanes: vec![],
            whens: vec![],
        });
    };
    let rows: Vec<_> = crate::register::cascade::impact_rows(graph, &c.cascade, Some(c.source), tr)
        .into_iter()
        .map(|r| {
            let at = crisismap_core::time::local_display(c.at(r.minutes));
            (r, at)
        })
        .collect();
    let failing = c
        .failing
        .iter()
        .filter_map(|(n, t)| {
            let n = graph.node(*n)?;
            Some((n.title.clone(), crisismap_core::time::local_display(*t)))
        })
        .collect();
    let (lanes, whens) = lanes(&rows, &c, now, tr);
    Ok(CrisisCascade {
        lanes,
        whens,
        rows,
        failing,
    })
}
