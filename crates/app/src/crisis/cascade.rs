//! The cascade of a crisis: what is marked failing, each at its own moment, and everything
//! that goes down after it, counted from the first failure. The room, the situation report
//! and the API read it from here.

use super::Room;
use crate::Error;
use crisismap_core::cascade::Cascade;
use crisismap_core::register::graph::{NodeKey, RegisterGraph};
use jiff::{SignedDuration, Timestamp};

/// A crisis's cascade: the graph search and the moment its minute 0 stands for.
pub struct CrisisCascade {
    /// The search over the register's graph, from an artificial source node.
    pub cascade: Cascade,
    /// The artificial source: the nodes it brings down are the ones marked failing.
    pub source: u32,
    /// The first failure: every time to impact counts from here.
    pub first: Timestamp,
    /// Each failing node with the moment it failed.
    pub failing: Vec<(u32, Timestamp)>,
}

impl CrisisCascade {
    /// The cascade of what the crisis marks failing; `None` when nothing is.
    pub fn of(room: &Room, graph: &RegisterGraph) -> Result<Option<Self>, Error> {
        let failing: Vec<(NodeKey, Timestamp)> = room
            .state()
            .failing
            .iter()
            .filter_map(|f| Some((f.key.parse().ok()?, f.since.parse().ok()?)))
            .filter(|(k, _): &(NodeKey, Timestamp)| graph.node_of(k).is_some())
            .collect();
        let Some(first) = failing.iter().map(|(_, t)| *t).min() else {
            return Ok(None);
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
            .map_err(|e| Error::Internal(e.to_string()))?;
        Ok(Some(CrisisCascade {
            cascade,
            source,
            first,
            failing: failing
                .iter()
                .filter_map(|(k, t)| Some((graph.node_of(k)?, *t)))
                .collect(),
        }))
    }

    /// The moment a node `minutes` after the first failure is hit.
    pub fn at(&self, minutes: u64) -> Timestamp {
        self.first
            .checked_add(SignedDuration::from_mins(
                i64::try_from(minutes).unwrap_or(i64::MAX / 120),
            ))
            .unwrap_or(self.first)
    }

    /// Minutes from `now` until a node `minutes` after the first failure is hit; zero or
    /// less when it is hit already.
    pub fn minutes_from(&self, minutes: u64, now: Timestamp) -> i64 {
        i64::try_from(minutes)
            .unwrap_or(i64::MAX / 2)
            .saturating_sub(now.duration_since(self.first).as_mins())
    }

    /// Every node the failures bring down (not those marked failing themselves), with the
    /// moment it is hit, the earliest first: (node, minutes after the first failure).
    pub fn affected(&self) -> impl Iterator<Item = (u32, u64)> + '_ {
        self.cascade
            .impacts()
            .filter(|i| self.cascade.predecessor(i.node) != Some(self.source))
            .map(|i| (i.node, i.minutes))
    }
}
