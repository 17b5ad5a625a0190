//! The cascade analysis on a seeded random register of 100,000 nodes and 1,000,000
//! dependencies, measured beside a plain breadth-first search over the same graph, because
//! the machine is shared and the ratio is steadier than the times.
//!
//! `cargo bench -p crisismap-core --bench cascade`

use crisismap_core::cascade::{Dependency, DependencyGraph};
use criterion::{Criterion, criterion_group, criterion_main};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::hint::black_box;
use std::time::Duration;

const NODES: u32 = 100_000;
const DEPENDENCIES: usize = 1_000_000;
/// Energy, telecom, cloud suppliers: the few nodes that many others depend on.
const HUBS: u32 = 1_000;
/// Share of dependencies that point at a hub.
const HUB_SHARE: f64 = 0.3;
/// The rings the picture draws, in minutes.
const RINGS: [u64; 5] = [0, 60, 240, 1440, 4320];

/// A seeded random register. Hold-outs: 8% immediate, 22% up to half an hour (a UPS, a
/// cache), 40% half an hour to four hours (a manual fallback for a shift), 30% one to three
/// days (emergency power, stock). With ten dependencies per node, a zero share much above
/// 10% joins the zero hold-outs into one giant component: nearly every node would then fail
/// at minute 0, which no register looks like and which leaves the heap idle.
fn register() -> DependencyGraph {
    let mut rng = StdRng::seed_from_u64(0x00C4_15E5);
    let dependencies: Vec<Dependency> = (0..DEPENDENCIES)
        .map(|_| {
            let dependent = rng.gen_range(0..NODES);
            let dependency = if rng.gen_bool(HUB_SHARE) {
                rng.gen_range(0..HUBS)
            } else {
                rng.gen_range(0..NODES)
            };
            let hold_out_minutes = match rng.gen_range(0..100) {
                0..8 => 0,
                8..30 => rng.gen_range(1..=30),
                30..70 => rng.gen_range(30..=240),
                _ => rng.gen_range(1440..=4320),
            };
            Dependency {
                dependent,
                dependency,
                hold_out_minutes,
            }
        })
        .collect();
    match DependencyGraph::new(NODES as usize, &dependencies) {
        Ok(graph) => graph,
        Err(e) => panic!("the generated register is not a graph: {e}"),
    }
}

/// Reachability only, over the same compressed rows: the floor any cascade analysis stands on.
fn breadth_first(graph: &DependencyGraph, from: u32) -> usize {
    let mut seen = vec![false; graph.node_count()];
    let mut queue = vec![from];
    seen[from as usize] = true;
    let mut head = 0;
    while let Some(&node) = queue.get(head) {
        head += 1;
        for d in graph.dependents_of(node) {
            if !seen[d.node as usize] {
                seen[d.node as usize] = true;
                queue.push(d.node);
            }
        }
    }
    queue.len()
}

fn bench(c: &mut Criterion) {
    let graph = register();
    // One hub (an energy supplier), then nine more failures spread over the register.
    let one = [0u32];
    let ten: Vec<u32> = (0..10).map(|i| i * 9_973).collect();
    for (name, failing) in [
        ("one failing node", &one[..]),
        ("ten failing nodes", &ten[..]),
    ] {
        match graph.cascade(failing) {
            Ok(cascade) => {
                let last = cascade.impacts().last().map_or(0, |i| i.minutes);
                let rings: Vec<usize> = cascade
                    .rings(&RINGS)
                    .iter()
                    .map(|r| r.nodes.len())
                    .collect();
                println!(
                    "{name}: {} of {NODES} nodes affected, the last after {last} minutes; \
                     per ring (0, 60, 240, 1440, 4320 minutes, later): {rings:?}",
                    cascade.len()
                );
            }
            Err(e) => panic!("{e}"),
        }
    }
    println!(
        "breadth-first from one node: {} nodes reached",
        breadth_first(&graph, one[0])
    );

    let mut group = c.benchmark_group("cascade");
    // 25 samples of a 20–30 ms run need about ten seconds; fewer samples would be too noisy
    // on a shared machine.
    group
        .sample_size(25)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("one failing node", |b| {
        b.iter(|| graph.cascade(black_box(&one)).map(|c| c.len()))
    });
    group.bench_function("ten failing nodes", |b| {
        b.iter(|| graph.cascade(black_box(&ten)).map(|c| c.len()))
    });
    group.bench_function("breadth-first baseline", |b| {
        b.iter(|| breadth_first(&graph, black_box(one[0])))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
