//! "If this fails, what follows, and how soon?": the cascade analysis over the register's
//! dependencies (what-if, for preparation and exercises), and the picture of all
//! dependencies. The crisis room uses the same rows and picture for the nodes marked failing.

use super::display::record_href;
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::PageCtx;
use crate::http::page::render;
use crate::svg::{self, Dot};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use crisismap_app::i18n::Tr;
use crisismap_app::register::Index;
use crisismap_core::cascade::Cascade;
use crisismap_core::register::RecordKind;
use crisismap_core::register::graph::{NodeKey, RegisterGraph};

pub use crisismap_app::words::duration_text;

pub fn kind_label(kind: Option<RecordKind>, tr: Tr) -> &'static str {
    match kind {
        Some(k) => tr.t(&format!("k-{k}-one")),
        None => tr.t("cascade-vital_process"),
    }
}

fn node_href(graph: &RegisterGraph, node: u32) -> Option<String> {
    let n = graph.node(node)?;
    match (&n.key, n.kind) {
        (NodeKey::Record(id), Some(kind)) => Some(record_href(kind, *id)),
        _ => None,
    }
}

/// One affected node, as the tables show it.
pub struct ImpactRow {
    pub name: String,
    pub href: Option<String>,
    pub kind: &'static str,
    pub minutes: u64,
    pub time: String,
    pub path: String,
    pub public_order: String,
    pub failing: bool,
}

/// The affected nodes of a cascade. `source`: the artificial first failure of a staggered
/// cascade (left out; the nodes it brings down count as failing).
pub fn impact_rows(
    graph: &RegisterGraph,
    cascade: &Cascade,
    source: Option<u32>,
    tr: Tr,
) -> Vec<ImpactRow> {
    cascade
        .impacts()
        .filter_map(|i| {
            let n = graph.node(i.node)?;
            let path = cascade
                .path(i.node)
                .iter()
                .filter_map(|p| graph.node(*p).map(|x| x.title.clone()))
                .collect::<Vec<_>>()
                .join(" → ");
            Some(ImpactRow {
                name: n.title.clone(),
                href: node_href(graph, i.node),
                kind: kind_label(n.kind, tr),
                minutes: i.minutes,
                time: duration_text(i.minutes, tr),
                path,
                public_order: n.public_order.clone().unwrap_or_default(),
                failing: cascade.predecessor(i.node) == source,
            })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .enumerate()
        .map(|(i, r)| ((r.minutes, !r.failing, i), r))
        .collect::<std::collections::BTreeMap<_, _>>()
        .into_values()
        .collect()
}

/// The rings the pictures use: at once, within an hour, four hours, a day, three days, later.
pub const RING_BOUNDS: [u64; 5] = [0, 60, 240, 1440, 4320];

pub fn cascade_picture(rows: &[ImpactRow], tr: Tr, id: &str) -> String {
    let labels = [
        tr.t("cascade-lane-at_once"),
        tr.t("cascade-ring-hour"),
        tr.t("cascade-ring-four_hours"),
        tr.t("cascade-ring-day"),
        tr.t("cascade-ring-three_days"),
        tr.t("cascade-ring-later"),
    ];
    let mut lanes: Vec<(String, Vec<svg::LaneBox>)> =
        labels.iter().map(|l| ((*l).to_owned(), vec![])).collect();
    for r in rows {
        let lane = RING_BOUNDS
            .iter()
            .position(|bound| r.minutes <= *bound)
            .unwrap_or(RING_BOUNDS.len());
        if let Some((_, boxes)) = lanes.get_mut(lane) {
            boxes.push(svg::LaneBox {
                label: r.name.clone(),
                note: if r.failing {
                    tr.t("cascade-failing").to_owned()
                } else {
                    r.time.clone()
                },
                class: if r.failing { "failing" } else { "affected" },
            });
        }
    }
    // Lanes beyond the last one with anything on it are left out.
    while lanes.len() > 1 && lanes.last().is_some_and(|(_, b)| b.is_empty()) {
        lanes.pop();
    }
    svg::cascade_lanes(
        id,
        tr.t("cascade-picture-title"),
        tr.t("cascade-lanes-desc"),
        &lanes,
    )
}

pub struct NodeOption {
    pub key: String,
    pub label: String,
    pub checked: bool,
}

pub struct OptionGroup {
    pub legend: &'static str,
    pub options: Vec<NodeOption>,
}

/// The nodes one can mark as failing, grouped by kind, those in `chosen` ticked.
pub fn node_options(graph: &RegisterGraph, chosen: &[NodeKey], tr: Tr) -> Vec<OptionGroup> {
    let kinds: [Option<RecordKind>; 4] = [
        Some(RecordKind::RiskObject),
        Some(RecordKind::Organisation),
        Some(RecordKind::Process),
        None,
    ];
    kinds
        .iter()
        .map(|k| {
            let mut options: Vec<NodeOption> = graph
                .nodes
                .iter()
                .filter(|n| n.kind == *k)
                .map(|n| NodeOption {
                    key: n.key.to_string(),
                    label: n.title.clone(),
                    checked: chosen.contains(&n.key),
                })
                .collect();
            if k.is_some() {
                options.sort_by_key(|o| o.label.to_lowercase());
            }
            OptionGroup {
                legend: match k {
                    Some(kind) => tr.t(&format!("k-{kind}-plural")),
                    None => tr.t("cascade-vital_processes"),
                },
                options,
            }
        })
        .filter(|g| !g.options.is_empty())
        .collect()
}

pub use crisismap_app::register::graph_of;

#[derive(Template)]
#[template(path = "register/cascade.html")]
struct AnalysisPage {
    ctx: PageCtx,
    groups: Vec<OptionGroup>,
    asked: bool,
    rows: Vec<ImpactRow>,
    picture: String,
    edges: usize,
}

/// The what-if analysis: tick what fails, see what follows and how soon.
pub async fn analysis(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Query(q): Query<Vec<(String, String)>>,
) -> Result<Html<String>, AppError> {
    let tr = Tr(auth.ctx.lang);
    let ctx = super::frame::page_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        tr.t("part-cascade-title").to_owned(),
    )
    .await?;
    let index = Index::load(&state, auth.user().workspace).await?;
    let graph = graph_of(&index)?;
    let chosen: Vec<NodeKey> = q
        .iter()
        .filter(|(k, _)| k == "failing")
        .filter_map(|(_, v)| v.parse().ok())
        .filter(|k| graph.node_of(k).is_some())
        .collect();
    let asked = !chosen.is_empty();
    let (rows, picture) = if asked {
        let cascade = graph
            .cascade(&chosen)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let rows = impact_rows(&graph, &cascade, None, tr);
        let picture = cascade_picture(&rows, tr, "cascade");
        (rows, picture)
    } else {
        (vec![], String::new())
    };
    render(&AnalysisPage {
        groups: node_options(&graph, &chosen, tr),
        asked,
        rows,
        picture,
        edges: graph.edges.len(),
        ctx,
    })
}

pub struct EdgeRow {
    pub dependent: String,
    pub dependent_href: Option<String>,
    pub dependency: String,
    pub dependency_href: Option<String>,
    pub hold_out: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "register/dependencies.html")]
struct DependenciesPage {
    ctx: PageCtx,
    picture: String,
    rows: Vec<EdgeRow>,
}

/// Every dependency in the register: a picture and the same as a table.
pub async fn dependencies(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Html<String>, AppError> {
    let tr = Tr(auth.ctx.lang);
    let ctx = super::frame::page_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        tr.t("cascade-dependencies-title").to_owned(),
    )
    .await?;
    let index = Index::load(&state, auth.user().workspace).await?;
    let graph = graph_of(&index)?;
    let connected = graph.connected();
    let position: std::collections::HashMap<u32, usize> =
        connected.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let dots: Vec<Dot> = connected
        .iter()
        .filter_map(|n| graph.node(*n))
        .map(|n| Dot {
            label: n.title.clone(),
            class: match n.kind {
                Some(RecordKind::RiskObject) => "risk",
                Some(RecordKind::Process) => "process",
                Some(_) => "organisation",
                None => "vital",
            },
        })
        .collect();
    let edges: Vec<(usize, usize, String)> = graph
        .edges
        .iter()
        .filter_map(|e| {
            Some((
                *position.get(&e.dependency)?,
                *position.get(&e.dependent)?,
                duration_text(u64::from(e.hold_out_minutes), tr),
            ))
        })
        .collect();
    let picture = if dots.is_empty() {
        String::new()
    } else {
        svg::dependency_graph(
            "deps",
            tr.t("cascade-dependencies-title"),
            tr.t("cascade-dependencies-desc"),
            &dots,
            &edges,
        )
    };
    let mut rows: Vec<EdgeRow> = graph
        .edges
        .iter()
        .filter_map(|e| {
            let a = graph.node(e.dependent)?;
            let b = graph.node(e.dependency)?;
            Some(EdgeRow {
                dependent: a.title.clone(),
                dependent_href: node_href(&graph, e.dependent),
                dependency: b.title.clone(),
                dependency_href: node_href(&graph, e.dependency),
                hold_out: duration_text(u64::from(e.hold_out_minutes), tr),
                note: e.note.clone().unwrap_or_default(),
            })
        })
        .collect();
    rows.sort_by(|x, y| {
        (x.dependent.to_lowercase(), x.dependency.to_lowercase())
            .cmp(&(y.dependent.to_lowercase(), y.dependency.to_lowercase()))
    });
    render(&DependenciesPage { ctx, picture, rows })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crisismap_core::Lang;

    #[test]
    fn durations_read_like_people_say_them() {
        let tr = Tr(Lang::Nl);
        assert_eq!(duration_text(0, tr), "direct");
        assert_eq!(duration_text(30, tr), "30 min");
        assert_eq!(duration_text(270, tr), "4 u 30 min");
        assert_eq!(duration_text(1440, tr), "1 d");
        assert_eq!(duration_text(3060, tr), "2 d 3 u");
    }
}
