//! PDF documents: the crisis folder of a large workspace (500 contacts, 200 organisations,
//! 52 weeks of rosters) and the decision record of a crisis with 300 decisions, beside the
//! one-page situation report as the baseline of the same run.
//!
//! `cargo bench -p crisismap-report` — after criterion's figures it prints the median time of
//! each stage (data serialization, compile, export) over a few extra renders.
//!
//! Every render gets a new time of printing, so no render is a copy of the one before (typst
//! memoizes; an identical input would measure a cache lookup). "cold" also empties typst's
//! memo caches before each render: the first print after a start. "warm" is the same
//! workspace printed again: what a server sees when someone prints twice.

// The sample documents (tests/support/sample.rs) read the report's data types from here.
#[allow(unused_imports)]
use crisismap_report::*;
#[path = "../tests/support/sample.rs"]
mod sample;

use crisismap_core::Lang;
use crisismap_report::{DecisionRecordData, FolderData, Pdf, Renderer, ReportError, SitrepData};
use criterion::{BatchSize, Criterion};
use jiff::Timestamp;
use std::hint::black_box;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

/// The baseline: a situation report that fits on one page.
fn one_page_sitrep() -> SitrepData {
    let mut d = sample::sitrep(Lang::Nl);
    d.facts.truncate(2);
    d.uncertainties.truncate(1);
    d.decisions.truncate(1);
    d.actions.truncate(1);
    d.scenarios.truncate(2);
    d.communications.truncate(1);
    d.affected_organisations.truncate(1);
    d
}

/// How a render meets typst's memo caches.
#[derive(Clone, Copy)]
enum Cache {
    /// Every cache emptied first: the first print after a start, or after everything changed.
    Cold,
    /// The same workspace printed again a second later: only the time of printing differs.
    Warm,
}

impl Cache {
    fn name(self) -> &'static str {
        match self {
            Cache::Cold => "cold",
            Cache::Warm => "warm",
        }
    }
}

/// A document and how to render it with a given time of printing.
struct Doc<'a> {
    name: &'static str,
    render: Box<dyn Fn(Timestamp) -> Result<Pdf, ReportError> + 'a>,
}

fn docs(renderer: &Renderer) -> Vec<Doc<'_>> {
    let sitrep = one_page_sitrep();
    let folder = sample::large_folder();
    let record = sample::large_decisions();
    vec![
        Doc {
            name: "situation_report_1_page",
            render: Box::new(move |at| {
                let mut d = sitrep.clone();
                d.printed_at = at;
                renderer.situation_report(&d)
            }),
        },
        Doc {
            name: "crisis_folder_large",
            render: Box::new(move |at| {
                let mut d = folder.clone();
                d.printed_at = at;
                renderer.crisis_folder(&d)
            }),
        },
        Doc {
            name: "decision_record_300",
            render: Box::new(move |at| {
                let mut d = record.clone();
                d.printed_at = at;
                renderer.decision_record(&d)
            }),
        },
    ]
}

/// A new time of printing (a minute later: the pages show minutes) for every render, so that
/// no render is a copy of the one before.
fn next_time() -> Timestamp {
    static SECONDS: AtomicI64 = AtomicI64::new(1_795_867_380);
    let s = SECONDS.fetch_add(60, Ordering::Relaxed);
    Timestamp::from_second(s).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn prepare(cache: Cache) -> Timestamp {
    if let Cache::Cold = cache {
        typst::comemo::evict(0);
    }
    next_time()
}

fn benches(c: &mut Criterion, docs: &[Doc<'_>]) {
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    for cache in [Cache::Cold, Cache::Warm] {
        for doc in docs {
            group.bench_function(format!("{}/{}", doc.name, cache.name()), |b| {
                b.iter_batched(
                    || prepare(cache),
                    |at| black_box((doc.render)(at).map(|p| p.pages)),
                    BatchSize::PerIteration,
                )
            });
        }
    }
    group.finish();
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs.get(xs.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Median per stage over `n` renders, printed as a table row.
fn split(doc: &Doc<'_>, cache: Cache, n: usize) -> Result<Duration, ReportError> {
    let mut total = Vec::new();
    let mut data = Vec::new();
    let mut compile = Vec::new();
    let mut export = Vec::new();
    let mut pages = 0;
    let mut bytes = 0;
    for _ in 0..n {
        let at = prepare(cache);
        let started = Instant::now();
        let pdf = (doc.render)(at)?;
        total.push(started.elapsed());
        data.push(pdf.timings.data);
        compile.push(pdf.timings.compile);
        export.push(pdf.timings.export);
        pages = pdf.pages;
        bytes = pdf.bytes.len();
    }
    let t = median(total);
    println!(
        "| {} | {} | {pages} | {} KiB | {} | {} | {} | {} |",
        doc.name,
        cache.name(),
        bytes / 1024,
        ms(t),
        ms(median(data)),
        ms(median(compile)),
        ms(median(export)),
    );
    Ok(t)
}

fn main() -> Result<(), ReportError> {
    let renderer = Renderer::new()?;
    let docs = docs(&renderer);
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c, &docs);
    c.final_summary();

    println!();
    println!("Per-stage medians (11 renders each):");
    println!("| document | cache | pages | size | total | data | compile | export |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for cache in [Cache::Cold, Cache::Warm] {
        let mut totals = Vec::new();
        for doc in &docs {
            totals.push(split(doc, cache, 11)?);
        }
        let base = totals[0].as_secs_f64().max(f64::EPSILON);
        println!(
            "{} ratios to the baseline: folder {:.0}x, decision record {:.0}x, both {:.0}x",
            cache.name(),
            totals[1].as_secs_f64() / base,
            totals[2].as_secs_f64() / base,
            (totals[1] + totals[2]).as_secs_f64() / base,
        );
    }
    Ok(())
}
