//! The register as a dependency graph: risk objects, the municipality's processes and
//! organisations (suppliers, partners) are nodes, and so is every vital process of the
//! national list. Each "depends on" row is an edge with its hold-out time; an organisation
//! that takes part in a vital process brings that process down with it (hold-out 0).

use super::vital;
use super::{Record, RecordId, RecordKind};
use crate::cascade::{Cascade, Dependency, DependencyGraph, GraphError};
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

/// A node of the graph: a register record or a vital process (by code).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKey {
    /// A register record: a risk object, process or organisation.
    Record(RecordId),
    /// A vital process of the national list, by its code.
    Vital(String),
}

impl fmt::Display for NodeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NodeKey::Record(id) => write!(f, "{id}"),
            NodeKey::Vital(code) => write!(f, "vital:{code}"),
        }
    }
}

impl FromStr for NodeKey {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().strip_prefix("vital:") {
            Some(code) if vital::find(code).is_some() => Ok(NodeKey::Vital(code.to_owned())),
            Some(_) => Err(()),
            None => s.parse().map(NodeKey::Record).map_err(|_| ()),
        }
    }
}

/// One node of the register's dependency graph, as shown to people.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Which record or vital process the node is.
    pub key: NodeKey,
    /// `None` for a vital process.
    pub kind: Option<RecordKind>,
    /// The record's title, or the vital process's name.
    pub title: String,
    /// What its disruption means for public order and safety (risk objects).
    pub public_order: Option<String>,
}

/// One edge as the register states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// The node that depends (an index into `RegisterGraph::nodes`).
    pub dependent: u32,
    /// The node it depends on (an index into `RegisterGraph::nodes`).
    pub dependency: u32,
    /// How many minutes the dependent keeps working after the dependency fails.
    pub hold_out_minutes: u32,
    /// The note the register gives with the dependency.
    pub note: Option<String>,
}

/// The register's dependency graph (risk objects, processes, organisations and vital
/// processes), ready for cascade analysis.
#[derive(Debug, Clone)]
pub struct RegisterGraph {
    /// The nodes; a node's id is its index here.
    pub nodes: Vec<Node>,
    /// The dependencies as the register states them.
    pub edges: Vec<Edge>,
    index: HashMap<NodeKey, u32>,
    graph: DependencyGraph,
}

impl RegisterGraph {
    /// Builds the graph from the register's records (archived records and edges to them are
    /// left out).
    pub fn build(records: &[Record]) -> Result<RegisterGraph, GraphError> {
        let mut nodes: Vec<Node> = records
            .iter()
            .filter(|r| !r.archived && super::kinds::NODE_KINDS.contains(&r.kind))
            .map(|r| Node {
                key: NodeKey::Record(r.id),
                kind: Some(r.kind),
                title: r.title.clone(),
                public_order: r
                    .text("public_order")
                    .filter(|t| !t.trim().is_empty())
                    .map(str::to_owned),
            })
            .collect();
        nodes.extend(vital::current().processes.iter().map(|p| Node {
            key: NodeKey::Vital(p.code.to_owned()),
            kind: None,
            title: p.name.to_owned(),
            public_order: None,
        }));
        let index: HashMap<NodeKey, u32> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.key.clone(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let mut edges = vec![];
        for r in records.iter().filter(|r| !r.archived) {
            let Some(&me) = index.get(&NodeKey::Record(r.id)) else {
                continue;
            };
            let rows = r
                .data
                .get("depends_on")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            for row in rows {
                let target = row
                    .get("on")
                    .and_then(Value::as_str)
                    .and_then(|id| id.parse().ok())
                    .map(NodeKey::Record)
                    .or_else(|| {
                        row.get("on_vital")
                            .and_then(Value::as_str)
                            .map(|c| NodeKey::Vital(c.to_owned()))
                    });
                let Some(&dependency) = target.and_then(|t| index.get(&t)) else {
                    continue;
                };
                let hold_out = row
                    .get("hold_out_minutes")
                    .and_then(Value::as_u64)
                    .and_then(|m| u32::try_from(m).ok())
                    .unwrap_or(0);
                edges.push(Edge {
                    dependent: me,
                    dependency,
                    hold_out_minutes: hold_out,
                    note: row.get("note").and_then(Value::as_str).map(str::to_owned),
                });
            }
            // Taking part in a vital process: the process fails with the organisation.
            let vitals = r
                .data
                .get("vital_processes")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            for row in vitals {
                if let Some(&process) = row
                    .get("process")
                    .and_then(Value::as_str)
                    .and_then(|c| index.get(&NodeKey::Vital(c.to_owned())))
                {
                    edges.push(Edge {
                        dependent: process,
                        dependency: me,
                        hold_out_minutes: 0,
                        note: None,
                    });
                }
            }
        }
        let graph = DependencyGraph::new(
            nodes.len(),
            &edges
                .iter()
                .map(|e| Dependency {
                    dependent: e.dependent,
                    dependency: e.dependency,
                    hold_out_minutes: e.hold_out_minutes,
                })
                .collect::<Vec<_>>(),
        )?;
        Ok(RegisterGraph {
            nodes,
            edges,
            index,
            graph,
        })
    }

    /// The id of the node for this key, if the graph has it.
    pub fn node_of(&self, key: &NodeKey) -> Option<u32> {
        self.index.get(key).copied()
    }

    /// The node with this id, if the graph has it.
    pub fn node(&self, id: u32) -> Option<&Node> {
        self.nodes.get(id as usize)
    }

    /// The cascade from the failing nodes; unknown keys are ignored.
    pub fn cascade(&self, failing: &[NodeKey]) -> Result<Cascade, GraphError> {
        let ids: Vec<u32> = failing.iter().filter_map(|k| self.node_of(k)).collect();
        self.graph.cascade(&ids)
    }

    /// The cascade when the failing nodes went down at different moments: each with its
    /// delay in minutes after the first. A source node (id `nodes.len()`, not a node of the
    /// register) fails at 0 and brings each failing node down after its delay, so every time
    /// counts from the first failure. Returns the cascade and that source's id.
    pub fn cascade_staggered(
        &self,
        failing: &[(NodeKey, u32)],
    ) -> Result<(Cascade, u32), GraphError> {
        let source = u32::try_from(self.nodes.len()).unwrap_or(u32::MAX);
        let mut deps: Vec<Dependency> = self
            .edges
            .iter()
            .map(|e| Dependency {
                dependent: e.dependent,
                dependency: e.dependency,
                hold_out_minutes: e.hold_out_minutes,
            })
            .collect();
        deps.extend(failing.iter().filter_map(|(k, delay)| {
            self.node_of(k).map(|n| Dependency {
                dependent: n,
                dependency: source,
                hold_out_minutes: *delay,
            })
        }));
        let graph = DependencyGraph::new(self.nodes.len() + 1, &deps)?;
        Ok((graph.cascade(&[source])?, source))
    }

    /// Nodes that take part in some dependency (the rest are left out of pictures).
    pub fn connected(&self) -> Vec<u32> {
        let mut seen = vec![false; self.nodes.len()];
        for e in &self.edges {
            seen[e.dependent as usize] = true;
            seen[e.dependency as usize] = true;
        }
        (0..self.nodes.len())
            .filter(|i| seen[*i])
            .filter_map(|i| u32::try_from(i).ok())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(kind: RecordKind, title: &str, data: Value) -> Record {
        Record {
            id: RecordId::new(),
            kind,
            title: title.to_owned(),
            data: data.as_object().cloned().unwrap_or_default(),
            rev: 1,
            archived: false,
            updated_at: String::new(),
            updated_by: String::new(),
        }
    }

    #[test]
    fn the_lock_follows_its_suppliers_cloud_and_the_hospital_follows_the_grid() {
        let supplier = record(RecordKind::Organisation, "BrugSturing", json!({}));
        let lock = record(
            RecordKind::RiskObject,
            "Sluis Zuid",
            json!({"public_order": "Scheepvaart stil",
                   "depends_on": [{"on": supplier.id.to_string(), "hold_out_minutes": 30}]}),
        );
        let grid = record(
            RecordKind::RiskObject,
            "Netbeheerder",
            json!({"vital_processes": [{"process": "electricity_regional"}]}),
        );
        let hospital = record(
            RecordKind::RiskObject,
            "Ziekenhuis",
            json!({"depends_on": [{"on_vital": "electricity_regional", "hold_out_minutes": 1440}]}),
        );
        let g = RegisterGraph::build(&[
            supplier.clone(),
            lock.clone(),
            grid.clone(),
            hospital.clone(),
        ])
        .expect("graph");
        let c = g.cascade(&[NodeKey::Record(supplier.id)]).expect("cascade");
        let lock_node = g.node_of(&NodeKey::Record(lock.id)).expect("node");
        assert_eq!(c.time_to_impact(lock_node), Some(30));
        let hospital_node = g.node_of(&NodeKey::Record(hospital.id)).expect("node");
        assert_eq!(
            c.time_to_impact(hospital_node),
            None,
            "not through the supplier"
        );
        let c = g.cascade(&[NodeKey::Record(grid.id)]).expect("cascade");
        assert_eq!(
            c.time_to_impact(hospital_node),
            Some(1440),
            "a day on emergency power"
        );
        assert_eq!(
            c.path(hospital_node).len(),
            3,
            "grid → regional electricity → hospital"
        );
    }

    #[test]
    fn a_later_failure_counts_from_its_own_moment() {
        let a = record(RecordKind::Organisation, "Leverancier A", json!({}));
        let b = record(RecordKind::Organisation, "Leverancier B", json!({}));
        let x = record(
            RecordKind::RiskObject,
            "Zorginstelling",
            json!({"depends_on": [
                {"on": a.id.to_string(), "hold_out_minutes": 600},
                {"on": b.id.to_string(), "hold_out_minutes": 60}
            ]}),
        );
        let g = RegisterGraph::build(&[a.clone(), b.clone(), x.clone()]).expect("graph");
        // B fails two hours after A: X goes down at 120 + 60, before A's 600.
        let (c, source) = g
            .cascade_staggered(&[(NodeKey::Record(a.id), 0), (NodeKey::Record(b.id), 120)])
            .expect("cascade");
        let xn = g.node_of(&NodeKey::Record(x.id)).expect("node");
        assert_eq!(c.time_to_impact(xn), Some(180));
        assert_eq!(c.path(xn)[0], source);
        assert_eq!(g.node(source), None, "the source is not a register node");
    }

    #[test]
    fn keys_read_back_and_unknown_vital_codes_are_refused() {
        let id = RecordId::new();
        assert_eq!(
            NodeKey::Record(id).to_string().parse(),
            Ok(NodeKey::Record(id))
        );
        assert_eq!(
            "vital:drinking_water".parse(),
            Ok(NodeKey::Vital("drinking_water".into()))
        );
        assert_eq!("vital:unknown".parse::<NodeKey>(), Err(()));
    }
}
