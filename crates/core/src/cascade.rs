//! Cascade analysis: "if this organisation or system fails digitally, what follows, and how
//! soon?". A pure function over dense node indices (the store maps organisations, processes,
//! services and suppliers to them); the earliest time to impact is a shortest path over
//! hold-out times.

use radix::MonotoneQueue;

/// Marks "no predecessor": a failing node, or a node that is not affected. Never a node id,
/// because a graph holds at most `u32::MAX` nodes (ids `0..u32::MAX`).
const NO_NODE: u32 = u32::MAX;

/// Marks "not reached". Never a real time: a path has fewer than 2^32 steps of less than 2^32
/// minutes each, so its sum stays below 2^64 - 1.
const UNREACHED: u64 = u64::MAX;

/// The most nodes a graph can hold: ids must stay below `NO_NODE`.
pub const MAX_NODES: usize = u32::MAX as usize;

/// The most dependencies a graph can hold: the row offsets are `u32` to keep them small.
pub const MAX_DEPENDENCIES: usize = u32::MAX as usize;

/// "`dependent` depends on `dependency`": when the dependency fails, the dependent keeps
/// working for `hold_out_minutes` (emergency power, stock, a manual fallback) and then fails
/// too; 0 means at once. Ids are `u32` so a million dependencies take 12 MB, not 24.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Dependency {
    /// The node that depends, and fails once the dependency has failed and its hold-out is over.
    pub dependent: u32,
    /// The node it depends on.
    pub dependency: u32,
    /// How many minutes the dependent keeps working after the dependency fails; 0 means at once.
    pub hold_out_minutes: u32,
}

/// One entry of a node's reverse adjacency: `node` depends on it and holds out this long.
/// Node and hold-out sit side by side, so following an edge touches one cache line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Dependent {
    /// The node that depends on the one whose row this entry is in.
    pub node: u32,
    /// How many minutes `node` keeps working after that dependency fails.
    pub hold_out_minutes: u32,
}

/// Input that does not describe a graph, or a node the graph does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GraphError {
    /// The graph would hold more nodes than [`MAX_NODES`].
    #[error("{node_count} nodes is more than a dependency graph can hold ({MAX_NODES})")]
    TooManyNodes {
        /// The node count that was asked for.
        node_count: usize,
    },
    /// The graph would hold more dependencies than [`MAX_DEPENDENCIES`].
    #[error("{count} dependencies is more than a dependency graph can hold ({MAX_DEPENDENCIES})")]
    TooManyDependencies {
        /// The number of dependencies that was given.
        count: usize,
    },
    /// A dependency names a node id at or above the node count.
    #[error("dependency {index} names node {node}, but the graph has {node_count} nodes")]
    DependencyOutOfRange {
        /// The position of the offending dependency in the input.
        index: usize,
        /// The node id that is out of range.
        node: u32,
        /// The node count of the graph being built.
        node_count: usize,
    },
    /// A failing node given to [`DependencyGraph::cascade`] is not in the graph.
    #[error("failing node {node} is not in the graph ({node_count} nodes)")]
    UnknownNode {
        /// The unknown node id.
        node: u32,
        /// The node count of the graph.
        node_count: usize,
    },
}

/// Who depends on whom, stored the way the cascade walks it: for each node, the nodes that
/// depend on it (compressed sparse rows). Built once, then queried for any set of failures.
/// Cycles are allowed; a node depending on itself is allowed and changes nothing.
///
/// ```
/// use crisismap_core::cascade::{Dependency, DependencyGraph};
/// let (cloud, control, lock) = (0, 1, 2);
/// let graph = DependencyGraph::new(3, &[
///     Dependency { dependent: control, dependency: cloud, hold_out_minutes: 0 },
///     Dependency { dependent: lock, dependency: control, hold_out_minutes: 30 },
/// ])?;
/// let cascade = graph.cascade(&[cloud])?;
/// assert_eq!(cascade.time_to_impact(lock), Some(30));
/// assert_eq!(cascade.path(lock), [cloud, control, lock]);
/// # Ok::<(), crisismap_core::cascade::GraphError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DependencyGraph {
    /// `dependents[offsets[n]..offsets[n + 1]]` depend on node `n`; `offsets.len()` is the
    /// node count plus one.
    offsets: Vec<u32>,
    /// Grouped by the node they depend on, in input order within a group.
    dependents: Vec<Dependent>,
}

impl DependencyGraph {
    /// Builds the graph of `node_count` nodes (ids `0..node_count`). Every id in
    /// `dependencies` must be below `node_count`; repeated dependencies are allowed (the
    /// shortest hold-out counts).
    pub fn new(node_count: usize, dependencies: &[Dependency]) -> Result<Self, GraphError> {
        if node_count > MAX_NODES {
            return Err(GraphError::TooManyNodes { node_count });
        }
        if dependencies.len() > MAX_DEPENDENCIES {
            return Err(GraphError::TooManyDependencies {
                count: dependencies.len(),
            });
        }
        // A counting sort by dependency: count each row, turn counts into offsets, fill.
        let mut offsets = vec![0u32; node_count + 1];
        for (index, d) in dependencies.iter().enumerate() {
            for node in [d.dependent, d.dependency] {
                if node as usize >= node_count {
                    return Err(GraphError::DependencyOutOfRange {
                        index,
                        node,
                        node_count,
                    });
                }
            }
            offsets[d.dependency as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut next = offsets.clone();
        let mut dependents = vec![
            Dependent {
                node: 0,
                hold_out_minutes: 0,
            };
            dependencies.len()
        ];
        for d in dependencies {
            let slot = &mut next[d.dependency as usize];
            dependents[*slot as usize] = Dependent {
                node: d.dependent,
                hold_out_minutes: d.hold_out_minutes,
            };
            *slot += 1;
        }
        Ok(Self {
            offsets,
            dependents,
        })
    }

    /// How many nodes the graph holds (ids `0..node_count`).
    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// How many dependencies the graph holds, repeated ones included.
    pub fn dependency_count(&self) -> usize {
        self.dependents.len()
    }

    /// The nodes that depend directly on `node`; empty for a node the graph does not have.
    pub fn dependents_of(&self, node: u32) -> &[Dependent] {
        let n = node as usize;
        match (self.offsets.get(n), self.offsets.get(n + 1)) {
            (Some(&start), Some(&end)) => self
                .dependents
                .get(start as usize..end as usize)
                .unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Everything that follows when the `failing` nodes fail at minute 0: each affected node
    /// with its earliest time to impact and the chain that causes it (Dijkstra over the
    /// hold-outs, with a radix heap: times only grow, so a monotone queue is enough).
    ///
    /// Repeated failing nodes count once. An unknown failing node is an error, not ignored,
    /// because a silently smaller cascade would understate the risk. Besides the result, a
    /// run holds one queue entry per improvement it finds (at most one per dependency, in
    /// practice a few per node).
    pub fn cascade(&self, failing: &[u32]) -> Result<Cascade, GraphError> {
        let node_count = self.node_count();
        if let Some(&node) = failing.iter().find(|&&f| f as usize >= node_count) {
            return Err(GraphError::UnknownNode { node, node_count });
        }
        let mut time = vec![UNREACHED; node_count];
        let mut predecessor = vec![NO_NODE; node_count];
        let mut queue = MonotoneQueue::new();
        // Nodes known to fail at the time being settled: nothing can beat a zero hold-out, so
        // they skip the queue.
        let mut now: Vec<u32> = Vec::new();
        for &f in failing {
            if time[f as usize] != 0 {
                time[f as usize] = 0;
                now.push(f);
            }
        }
        let mut affected: Vec<u32> = Vec::new();
        let mut t = 0u64;
        loop {
            while let Some(node) = now.pop() {
                affected.push(node);
                for d in self.dependents_of(node) {
                    let via = t.saturating_add(u64::from(d.hold_out_minutes));
                    let best = &mut time[d.node as usize];
                    if via < *best {
                        *best = via;
                        predecessor[d.node as usize] = node;
                        if via == t {
                            now.push(d.node);
                        } else {
                            queue.push(via, d.node);
                        }
                    }
                }
            }
            let Some((next, node)) = queue.pop() else {
                break;
            };
            // A node is queued only on a strict improvement, so an entry that no longer
            // matches is stale (a shorter way was found later) and the node is done.
            if next == time[node as usize] {
                t = next;
                now.push(node);
            }
        }
        // Settled in order of time; within one time the order follows the walk, so only
        // those runs need sorting by id.
        for run in affected.chunk_by_mut(|&a, &b| time[a as usize] == time[b as usize]) {
            run.sort_unstable();
        }
        Ok(Cascade {
            time,
            predecessor,
            affected,
        })
    }
}

/// One affected node and when it stops working, in minutes after the first failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Impact {
    /// The affected node.
    pub node: u32,
    /// Minutes from the first failure until the node stops working.
    pub minutes: u64,
}

/// The affected nodes whose time to impact is at most `until_minutes` and later than the
/// previous ring's bound; the last ring (`until_minutes: None`) holds everything later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ring<'a> {
    /// The upper bound of this ring in minutes (inclusive); `None` for the last, open ring.
    pub until_minutes: Option<u64>,
    /// Sorted by (time to impact, id).
    pub nodes: &'a [u32],
}

/// The outcome of one cascade analysis. Memory is proportional to the node count: a time
/// and a predecessor per node, plus the list of affected nodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cascade {
    /// Minutes to impact per node, [`UNREACHED`] when not affected.
    time: Vec<u64>,
    /// The node whose failure brought each node down, [`NO_NODE`] for the failing nodes.
    predecessor: Vec<u32>,
    /// Sorted by (time, id).
    affected: Vec<u32>,
}

impl Cascade {
    /// The affected nodes (the failing ones included, at 0), sorted by (time to impact, id).
    pub fn affected(&self) -> &[u32] {
        &self.affected
    }

    /// The affected nodes with their time to impact, in the order of [`Cascade::affected`].
    pub fn impacts(&self) -> impl ExactSizeIterator<Item = Impact> + '_ {
        self.affected.iter().map(|&node| Impact {
            node,
            minutes: self.minutes(node),
        })
    }

    /// How many nodes are affected, the failing nodes included.
    pub fn len(&self) -> usize {
        self.affected.len()
    }

    /// Whether nothing is affected (no failing nodes were given).
    pub fn is_empty(&self) -> bool {
        self.affected.is_empty()
    }

    /// Whether `node` is affected by the failure at all.
    pub fn is_affected(&self, node: u32) -> bool {
        self.minutes(node) != UNREACHED
    }

    /// Minutes from the first failure until `node` stops working; `None` when it never does
    /// (or is not in the graph).
    pub fn time_to_impact(&self, node: u32) -> Option<u64> {
        Some(self.minutes(node)).filter(|&m| m != UNREACHED)
    }

    /// The dependency whose failure brings `node` down; `None` for a failing node and for a
    /// node that is not affected.
    pub fn predecessor(&self, node: u32) -> Option<u32> {
        self.predecessor
            .get(node as usize)
            .copied()
            .filter(|&p| p != NO_NODE)
    }

    /// The chain from a failing node to `node` (both included), each node depending on the
    /// one before it; empty when `node` is not affected. The hold-outs along it add up to
    /// the time to impact.
    pub fn path(&self, node: u32) -> Vec<u32> {
        if !self.is_affected(node) {
            return Vec::new();
        }
        let mut path = vec![node];
        let mut at = node;
        // Each predecessor was settled before its successor, so the links form a tree and the
        // walk ends at a failing node; the length bound only guards that invariant.
        while let Some(before) = self.predecessor(at) {
            if path.len() > self.time.len() {
                break;
            }
            path.push(before);
            at = before;
        }
        path.reverse();
        path
    }

    /// Groups the affected nodes into rings by time to impact for the picture: `rings(&[60,
    /// 240])` gives the nodes hit within an hour, then after an hour but within four, then
    /// later. Bounds are sorted and repeats dropped, so there is one ring more than there are
    /// distinct bounds; a ring may be empty.
    pub fn rings(&self, bounds: &[u64]) -> Vec<Ring<'_>> {
        let mut bounds = bounds.to_vec();
        bounds.sort_unstable();
        bounds.dedup();
        let mut rings = Vec::with_capacity(bounds.len() + 1);
        let mut rest = self.affected.as_slice();
        for bound in bounds {
            let split = rest.partition_point(|&node| self.minutes(node) <= bound);
            let (inside, later) = rest.split_at(split);
            rings.push(Ring {
                until_minutes: Some(bound),
                nodes: inside,
            });
            rest = later;
        }
        rings.push(Ring {
            until_minutes: None,
            nodes: rest,
        });
        rings
    }

    fn minutes(&self, node: u32) -> u64 {
        self.time.get(node as usize).copied().unwrap_or(UNREACHED)
    }
}

/// The priority queue of the cascade: a radix heap. Dijkstra only ever pushes times at or
/// after the last one taken, which lets entries sit in 65 buckets by the highest bit in which
/// they differ from it; pushes and pops are then plain `Vec` operations, two to three times
/// as fast as a binary heap on a million dependencies (docs/PERFORMANCE.md).
mod radix {
    /// Bucket 0 holds entries equal to `last`; bucket `i` those whose highest bit differing
    /// from `last` is bit `i - 1`.
    #[derive(Debug)]
    pub(super) struct MonotoneQueue {
        last: u64,
        buckets: [Vec<(u64, u32)>; 65],
    }

    impl MonotoneQueue {
        pub(super) fn new() -> Self {
            Self {
                last: 0,
                buckets: std::array::from_fn(|_| Vec::new()),
            }
        }

        /// `key` must not be below the last key popped (Dijkstra never does that); if it is,
        /// entries may come out of order, but none is lost and nothing panics.
        pub(super) fn push(&mut self, key: u64, value: u32) {
            self.buckets[bucket(self.last, key)].push((key, value));
        }

        /// An entry with the smallest key; ties in no particular order.
        pub(super) fn pop(&mut self) -> Option<(u64, u32)> {
            if self.buckets[0].is_empty() {
                let i = self.buckets.iter().position(|b| !b.is_empty())?;
                let mut spill = std::mem::take(&mut self.buckets[i]);
                self.last = spill.iter().map(|&(key, _)| key).min()?;
                // Every entry of bucket i agrees with the new minimum above bit i - 1, so
                // they all land in lower buckets and bucket i can keep its allocation.
                for &(key, value) in &spill {
                    self.buckets[bucket(self.last, key)].push((key, value));
                }
                if self.buckets[i].is_empty() {
                    spill.clear();
                    self.buckets[i] = spill;
                }
            }
            self.buckets[0].pop()
        }
    }

    fn bucket(last: u64, key: u64) -> usize {
        (u64::BITS - (key ^ last).leading_zeros()) as usize
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Pushes at or after the last pop, interleaved with pops, come out in key order.
            #[test]
            fn pops_come_out_in_key_order(
                steps in proptest::collection::vec((any::<bool>(), 0u64..3000), 0..300),
            ) {
                let mut queue = MonotoneQueue::new();
                let mut reference: Vec<u64> = Vec::new();
                let mut last = 0u64;
                for (i, (pop, offset)) in steps.into_iter().enumerate() {
                    if pop {
                        reference.sort_unstable_by(|a, b| b.cmp(a));
                        let expected = reference.pop();
                        prop_assert_eq!(queue.pop().map(|(key, _)| key), expected);
                        last = expected.unwrap_or(last);
                    } else {
                        // Large offsets now and then cross many bits at once.
                        let key = last + if offset % 7 == 0 { offset << 20 } else { offset };
                        queue.push(key, i as u32);
                        reference.push(key);
                    }
                }
                reference.sort_unstable();
                let mut rest = Vec::new();
                while let Some((key, _)) = queue.pop() {
                    rest.push(key);
                }
                prop_assert_eq!(rest, reference);
            }
        }

        #[test]
        fn extreme_keys_are_handled() {
            let mut queue = MonotoneQueue::new();
            queue.push(u64::MAX, 1);
            queue.push(0, 0);
            queue.push(u64::MAX - 1, 2);
            assert_eq!(queue.pop(), Some((0, 0)));
            assert_eq!(queue.pop(), Some((u64::MAX - 1, 2)));
            assert_eq!(queue.pop(), Some((u64::MAX, 1)));
            assert_eq!(queue.pop(), None);
        }

        #[test]
        fn a_key_below_the_last_pop_is_not_lost() {
            let mut queue = MonotoneQueue::new();
            queue.push(12, 0);
            assert_eq!(queue.pop(), Some((12, 0)));
            queue.push(3, 1);
            queue.push(14, 2);
            queue.push(13, 3);
            let mut rest = Vec::new();
            while let Some((key, _)) = queue.pop() {
                rest.push(key);
            }
            rest.sort_unstable();
            assert_eq!(rest, [3, 13, 14]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SUPPLIER_CLOUD: u32 = 0;
    const LOCK_CONTROL: u32 = 1;
    const LOCK: u32 = 2;
    const ELECTRICITY: u32 = 3;
    const CARE_HOME: u32 = 4;

    fn dep(dependent: u32, dependency: u32, hold_out_minutes: u32) -> Dependency {
        Dependency {
            dependent,
            dependency,
            hold_out_minutes,
        }
    }

    /// The lock's control system runs on a supplier's cloud; the care home has 24 hours of
    /// emergency power.
    fn region() -> DependencyGraph {
        DependencyGraph::new(
            5,
            &[
                dep(LOCK_CONTROL, SUPPLIER_CLOUD, 0),
                dep(LOCK, LOCK_CONTROL, 30),
                dep(CARE_HOME, ELECTRICITY, 1440),
            ],
        )
        .expect("valid graph")
    }

    #[test]
    fn the_lock_stops_half_an_hour_after_the_suppliers_cloud_goes_down() {
        let c = region().cascade(&[SUPPLIER_CLOUD]).expect("known node");
        assert_eq!(c.time_to_impact(SUPPLIER_CLOUD), Some(0));
        assert_eq!(c.time_to_impact(LOCK_CONTROL), Some(0));
        assert_eq!(c.time_to_impact(LOCK), Some(30));
        assert_eq!(c.path(LOCK), vec![SUPPLIER_CLOUD, LOCK_CONTROL, LOCK]);
        assert!(!c.is_affected(CARE_HOME));
        assert_eq!(c.time_to_impact(CARE_HOME), None);
        assert!(c.path(CARE_HOME).is_empty());
        assert_eq!(c.affected(), &[SUPPLIER_CLOUD, LOCK_CONTROL, LOCK]);
    }

    #[test]
    fn the_care_home_rides_out_a_day_on_emergency_power_when_the_grid_fails_too() {
        let c = region()
            .cascade(&[SUPPLIER_CLOUD, ELECTRICITY])
            .expect("known nodes");
        assert_eq!(c.time_to_impact(CARE_HOME), Some(1440));
        assert_eq!(c.path(CARE_HOME), vec![ELECTRICITY, CARE_HOME]);
        assert_eq!(c.time_to_impact(LOCK), Some(30));
        assert_eq!(c.len(), 5);
        let rings = c.rings(&[60, 240, 1440]);
        assert_eq!(rings.len(), 4);
        assert_eq!(
            rings[0].nodes,
            &[SUPPLIER_CLOUD, LOCK_CONTROL, ELECTRICITY, LOCK]
        );
        assert!(rings[1].nodes.is_empty());
        assert_eq!(rings[2].until_minutes, Some(1440));
        assert_eq!(rings[2].nodes, &[CARE_HOME]);
        assert_eq!(rings[3].until_minutes, None);
        assert!(rings[3].nodes.is_empty());
    }

    #[test]
    fn the_faster_of_two_routes_decides() {
        // The municipal counter depends on the network directly (4 hours of paper forms) and
        // on the case system, which itself depends on the network with 30 minutes of cache.
        let (network, case_system, counter) = (0, 1, 2);
        let g = DependencyGraph::new(
            3,
            &[
                dep(counter, network, 240),
                dep(case_system, network, 30),
                dep(counter, case_system, 30),
            ],
        )
        .expect("valid graph");
        let c = g.cascade(&[network]).expect("known node");
        assert_eq!(c.time_to_impact(counter), Some(60));
        assert_eq!(c.path(counter), vec![network, case_system, counter]);
    }

    #[test]
    fn mutual_dependencies_end_the_cascade_instead_of_looping() {
        // Telecom needs power for its masts; the power grid's control room needs telecom.
        let (power, telecom, water) = (0, 1, 2);
        let g = DependencyGraph::new(
            3,
            &[
                dep(telecom, power, 0),
                dep(power, telecom, 0),
                dep(water, power, 120),
                dep(water, water, 0),
            ],
        )
        .expect("valid graph");
        let c = g.cascade(&[telecom]).expect("known node");
        assert_eq!(c.affected(), &[power, telecom, water]);
        assert_eq!(c.path(water), vec![telecom, power, water]);
        assert_eq!(c.path(telecom), vec![telecom]);
    }

    #[test]
    fn naming_a_failing_node_twice_changes_nothing() {
        let g = region();
        let once = g.cascade(&[SUPPLIER_CLOUD]).expect("known node");
        let twice = g
            .cascade(&[SUPPLIER_CLOUD, SUPPLIER_CLOUD])
            .expect("known node");
        assert_eq!(once, twice);
    }

    #[test]
    fn bad_input_is_refused_and_unknown_nodes_are_never_affected() {
        assert_eq!(
            DependencyGraph::new(2, &[dep(0, 1, 0), dep(2, 0, 5)]),
            Err(GraphError::DependencyOutOfRange {
                index: 1,
                node: 2,
                node_count: 2
            })
        );
        let g = region();
        assert_eq!(
            g.cascade(&[SUPPLIER_CLOUD, 5]),
            Err(GraphError::UnknownNode {
                node: 5,
                node_count: 5
            })
        );
        let c = g.cascade(&[SUPPLIER_CLOUD]).expect("known node");
        assert!(!c.is_affected(u32::MAX));
        assert_eq!(c.time_to_impact(u32::MAX), None);
        assert!(c.path(u32::MAX).is_empty());
        assert!(g.dependents_of(u32::MAX).is_empty());
    }

    #[test]
    fn nothing_failing_and_an_empty_graph_affect_nothing() {
        let c = region().cascade(&[]).expect("no nodes");
        assert!(c.is_empty());
        assert_eq!(
            c.rings(&[60]).iter().map(|r| r.nodes.len()).sum::<usize>(),
            0
        );
        let empty = DependencyGraph::new(0, &[]).expect("valid graph");
        assert_eq!(empty.node_count(), 0);
        assert!(empty.cascade(&[]).expect("no nodes").is_empty());
    }

    #[test]
    fn rings_accept_bounds_in_any_order() {
        let c = region()
            .cascade(&[SUPPLIER_CLOUD, ELECTRICITY])
            .expect("known nodes");
        assert_eq!(c.rings(&[1440, 60, 60]), c.rings(&[60, 1440]));
    }

    /// The times by repeated relaxation of every dependency (Bellman-Ford): slow, obviously
    /// right, and independent of the heap.
    fn reference_times(
        node_count: usize,
        deps: &[Dependency],
        failing: &[u32],
    ) -> Vec<Option<u64>> {
        let mut time = vec![None; node_count];
        for &f in failing {
            time[f as usize] = Some(0);
        }
        for _ in 0..node_count {
            for d in deps {
                if let Some(t) = time[d.dependency as usize] {
                    let via = t + u64::from(d.hold_out_minutes);
                    let best: &mut Option<u64> = &mut time[d.dependent as usize];
                    if best.is_none_or(|b| via < b) {
                        *best = Some(via);
                    }
                }
            }
        }
        time
    }

    /// Which nodes any chain of dependencies leads to, hold-outs ignored.
    fn reachable(node_count: usize, deps: &[Dependency], failing: &[u32]) -> Vec<bool> {
        let mut seen = vec![false; node_count];
        let mut stack = failing.to_vec();
        while let Some(n) = stack.pop() {
            if !std::mem::replace(&mut seen[n as usize], true) {
                stack.extend(
                    deps.iter()
                        .filter(|d| d.dependency == n)
                        .map(|d| d.dependent),
                );
            }
        }
        seen
    }

    /// Up to 30 nodes and 100 dependencies, cycles and repeats included; many zero and tiny
    /// hold-outs so that ties, where ordering bugs hide, are common.
    fn scenario() -> impl Strategy<Value = (usize, Vec<Dependency>, Vec<u32>, u32)> {
        (1usize..=30).prop_flat_map(|n| {
            let node = 0..n as u32;
            let hold_out = prop_oneof![Just(0u32), 1u32..5, 30u32..=240, 1440u32..=4320];
            let dependency = (node.clone(), node.clone(), hold_out)
                .prop_map(|(dependent, dependency, h)| dep(dependent, dependency, h));
            (
                Just(n),
                proptest::collection::vec(dependency, 0..=100),
                proptest::collection::vec(node.clone(), 1..=4),
                node,
            )
        })
    }

    proptest! {
        #[test]
        fn times_are_the_shortest_paths((n, deps, failing, _) in scenario()) {
            let g = DependencyGraph::new(n, &deps).expect("valid graph");
            let c = g.cascade(&failing).expect("known nodes");
            let expected = reference_times(n, &deps, &failing);
            for node in 0..n as u32 {
                prop_assert_eq!(c.time_to_impact(node), expected[node as usize], "node {}", node);
            }
            prop_assert_eq!(c.len(), expected.iter().flatten().count());
        }

        #[test]
        fn a_node_without_a_chain_from_a_failure_is_never_affected(
            (n, deps, failing, _) in scenario()
        ) {
            let c = DependencyGraph::new(n, &deps)
                .and_then(|g| g.cascade(&failing))
                .expect("valid input");
            let seen = reachable(n, &deps, &failing);
            for node in 0..n as u32 {
                prop_assert_eq!(c.is_affected(node), seen[node as usize], "node {}", node);
            }
        }

        #[test]
        fn each_path_is_a_real_chain_whose_hold_outs_add_up((n, deps, failing, _) in scenario()) {
            let c = DependencyGraph::new(n, &deps)
                .and_then(|g| g.cascade(&failing))
                .expect("valid input");
            for impact in c.impacts() {
                let path = c.path(impact.node);
                prop_assert!(failing.contains(&path[0]));
                prop_assert_eq!(path.last(), Some(&impact.node));
                let mut distinct = path.clone();
                distinct.sort_unstable();
                distinct.dedup();
                prop_assert_eq!(distinct.len(), path.len(), "no node twice in {:?}", path);
                let mut total = 0u64;
                for step in path.windows(2) {
                    let shortest = deps
                        .iter()
                        .filter(|d| d.dependency == step[0] && d.dependent == step[1])
                        .map(|d| u64::from(d.hold_out_minutes))
                        .min();
                    prop_assert!(shortest.is_some(), "{} does not depend on {}", step[1], step[0]);
                    total += shortest.unwrap_or_default();
                }
                prop_assert_eq!(total, impact.minutes);
            }
        }

        #[test]
        fn another_failure_never_shrinks_the_cascade_nor_delays_it(
            (n, deps, failing, extra) in scenario()
        ) {
            let g = DependencyGraph::new(n, &deps).expect("valid graph");
            let before = g.cascade(&failing).expect("known nodes");
            let mut more = failing.clone();
            more.push(extra);
            let after = g.cascade(&more).expect("known nodes");
            for impact in before.impacts() {
                let later = after.time_to_impact(impact.node);
                prop_assert!(later.is_some_and(|t| t <= impact.minutes), "node {}", impact.node);
            }
            prop_assert!(after.is_affected(extra));
        }

        #[test]
        fn affected_nodes_are_listed_once_by_time_and_rings_partition_them(
            (n, deps, failing, _) in scenario(),
            bounds in proptest::collection::vec(0u64..5000, 0..5),
        ) {
            let c = DependencyGraph::new(n, &deps)
                .and_then(|g| g.cascade(&failing))
                .expect("valid input");
            let keys: Vec<(u64, u32)> = c.impacts().map(|i| (i.minutes, i.node)).collect();
            prop_assert!(keys.windows(2).all(|w| w[0] < w[1]), "{:?}", keys);
            let rings = c.rings(&bounds);
            let joined: Vec<u32> = rings.iter().flat_map(|r| r.nodes.iter().copied()).collect();
            prop_assert_eq!(joined.as_slice(), c.affected());
            let mut floor = None;
            for ring in &rings {
                for &node in ring.nodes {
                    let t = c.time_to_impact(node).unwrap_or(u64::MAX);
                    prop_assert!(floor.is_none_or(|f| t > f));
                    prop_assert!(ring.until_minutes.is_none_or(|u| t <= u));
                }
                floor = ring.until_minutes;
            }
        }
    }
}
