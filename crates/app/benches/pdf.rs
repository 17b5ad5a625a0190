//! PDF documents drawn from the demo municipality: its crisis folder grown to a large
//! workspace (500 contacts, 200 organisations, 60 processes, on-call rosters a year ahead) and
//! the decision record of its exercise with 300 decisions, beside the one-page situation report
//! as the baseline of the same run.
//!
//! `cargo bench -p crisismap-app --bench pdf` — after criterion's figures it prints the median
//! time of each stage (data serialization, compile, export) over a few extra renders.
//!
//! The data takes the user's way in: the demo (`demo/*.json`) is loaded into a temporary
//! SQLite database, then grown with copies of its own records through the register's save
//! command and the crisis room's entry command; the documents' data comes from the same
//! functions as `crisismap print`. Only the rendering is timed.
//!
//! Every render gets a new time of printing, so no render is a copy of the one before (typst
//! memoizes; an identical input would measure a cache lookup). "cold" also empties typst's
//! memo caches before each render: the first print after a start. "warm" is the same
//! workspace printed again: what a server sees when someone prints twice.

use crisismap_app::principal::Via;
use crisismap_app::{App, PasswordCost, Principal, demo, print};
use crisismap_core::Lang;
use crisismap_core::clock::SystemClock;
use crisismap_core::crisis::EntryKind;
use crisismap_core::register::RecordKind;
use crisismap_core::register::schema::RawRecord;
use crisismap_report::{DecisionRecordData, FolderData, Pdf, Renderer, ReportError, SitrepData};
use crisismap_store::{OpenMode, Store};
use criterion::{BatchSize, Criterion};
use jiff::Timestamp;
use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

type Failure = Box<dyn std::error::Error>;

/// The three documents' data, drawn from the demo and grown.
struct Documents {
    sitrep: SitrepData,
    folder: FolderData,
    record: DecisionRecordData,
}

/// Copies of the demo's own records of `kind`, numbered, until there are `target`.
async fn grow(
    app: &App,
    by: &Principal,
    kind: RecordKind,
    target: usize,
    adjust: impl Fn(&mut RawRecord, usize),
) -> Result<(), Failure> {
    let index = crisismap_app::register::Index::load(app, by.user.workspace).await?;
    let originals: Vec<RawRecord> = index
        .live(kind)
        .map(|r| RawRecord::from_data(kind.schema(), &r.data))
        .collect();
    if originals.is_empty() {
        return Err(format!("the demo has no {kind}").into());
    }
    for n in originals.len()..target {
        let mut raw = originals[n % originals.len()].clone();
        if let Some(name) = raw.fields.get_mut("name") {
            *name = format!("{name} {}", n + 1);
        }
        adjust(&mut raw, n);
        crisismap_app::register::save(app, by, "bench", kind, None, None, &raw)
            .await
            .map_err(|e| format!("{kind} {n}: {e:?}"))?;
    }
    Ok(())
}

/// A roster's shifts repeated week after week until they cover a year.
fn a_year_of_shifts(raw: &mut RawRecord) {
    let Some(shifts) = raw.groups.get("shifts").cloned() else {
        return;
    };
    let span = |row: &std::collections::BTreeMap<String, String>| {
        let start: jiff::civil::DateTime = row.get("start")?.parse().ok()?;
        let end: jiff::civil::DateTime = row.get("end")?.parse().ok()?;
        Some((start, end))
    };
    let (Some(first), Some(last)) = (shifts.first().and_then(span), shifts.last().and_then(span))
    else {
        return;
    };
    let period = last.1 - first.0;
    let mut rows = shifts.clone();
    let mut round = 1;
    while rows.len() < 52 {
        for row in &shifts {
            let Some((start, end)) = span(row) else {
                continue;
            };
            let shift = |t: jiff::civil::DateTime| {
                (0..round)
                    .try_fold(t, |t, _| t.checked_add(period))
                    .map(|t| t.strftime("%Y-%m-%dT%H:%M").to_string())
            };
            let (Ok(start), Ok(end)) = (shift(start), shift(end)) else {
                return;
            };
            let mut copy = row.clone();
            copy.insert("start".into(), start);
            copy.insert("end".into(), end);
            rows.push(copy);
        }
        round += 1;
    }
    rows.truncate(52);
    raw.groups.insert("shifts".into(), rows);
}

async fn documents() -> Result<Documents, Failure> {
    let db = crisismap_testing::TestDb::sqlite();
    let store = Store::open(
        &db.location,
        OpenMode::CreateIfMissing,
        Arc::new(SystemClock),
    )
    .await?;
    let app = App::new(store, PasswordCost::Fast);
    let (ws, _) = demo::seed(&app, "not a password").await?;
    let advisor = app
        .store()
        .users(ws)
        .await?
        .into_iter()
        .next()
        .ok_or("the demo has an administrator")?;
    let by = Principal {
        user: advisor,
        via: Via::Server,
    };
    let crises = app.store().crises(ws).await?;
    let exercise = crises
        .iter()
        .find(|c| c.state.exercise && !c.state.closed)
        .ok_or("the demo has a running exercise")?
        .id;

    // The baseline: the exercise's situation report, trimmed to one page.
    let mut sitrep = print::sitrep_data(&app, ws, exercise, Lang::Nl).await?;
    sitrep.facts.truncate(2);
    sitrep.uncertainties.truncate(1);
    sitrep.decisions.truncate(1);
    sitrep.actions.truncate(1);
    sitrep.scenarios.truncate(2);
    sitrep.communications.truncate(1);
    sitrep.affected_organisations.truncate(1);

    grow(&app, &by, RecordKind::Contact, 500, |raw, n| {
        if let Some(email) = raw.fields.get_mut("email") {
            *email = email.replacen('@', &format!(".{n}@"), 1);
        }
    })
    .await?;
    grow(&app, &by, RecordKind::Organisation, 30, |_, _| {}).await?;
    grow(&app, &by, RecordKind::RiskObject, 170, |_, _| {}).await?;
    grow(&app, &by, RecordKind::Process, 60, |raw, n| {
        raw.fields
            .insert("restore_priority".into(), (n + 1).to_string());
    })
    .await?;
    let index = crisismap_app::register::Index::load(&app, ws).await?;
    for roster in index.live(RecordKind::Roster) {
        let mut raw = RawRecord::from_data(RecordKind::Roster.schema(), &roster.data);
        a_year_of_shifts(&mut raw);
        crisismap_app::register::save(
            &app,
            &by,
            "bench",
            RecordKind::Roster,
            Some(roster.id),
            None,
            &raw,
        )
        .await
        .map_err(|e| format!("roster: {e:?}"))?;
    }
    let folder = print::folder_data(&app, ws, Lang::Nl, None).await?;

    // 300 decisions: the demo's own, copied, each with its number.
    let mut originals: Vec<RawRecord> = vec![];
    for crisis in &crises {
        for e in app
            .store()
            .entries(ws, crisis.id, &[EntryKind::Decision])
            .await?
        {
            let mut raw = RawRecord::from_data(EntryKind::Decision.schema(), &e.data);
            // References into the other crisis and its moments do not travel: each copy is
            // decided now (below) and re-evaluated when its own crisis says.
            for field in [
                "dilemma",
                "meeting",
                "scenario",
                "supersedes",
                "decided_at",
                "reevaluate_at",
            ] {
                raw.fields.remove(field);
            }
            originals.push(raw);
        }
    }
    if originals.is_empty() {
        return Err("the demo has decisions".into());
    }
    let already = app
        .store()
        .entries(ws, exercise, &[EntryKind::Decision])
        .await?
        .len();
    for n in already..300 {
        let mut raw = originals[n % originals.len()].clone();
        if let Some(title) = raw.fields.get_mut("title") {
            *title = format!("{title} ({})", n + 1);
        }
        raw.fields.insert(
            "decided_at".into(),
            crisismap_core::time::local_input(app.now()),
        );
        crisismap_app::crisis::save_entry(
            &app,
            &by,
            exercise,
            EntryKind::Decision,
            None,
            None,
            &raw,
            None,
        )
        .await
        .map_err(|e| format!("decision {n}: {e:?}"))?;
    }
    let record = print::decision_record_data(&app, ws, exercise, Lang::Nl).await?;
    Ok(Documents {
        sitrep,
        folder,
        record,
    })
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

fn docs(renderer: &Renderer, data: Documents) -> Vec<Doc<'_>> {
    let Documents {
        sitrep,
        folder,
        record,
    } = data;
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
        Renderer::forget_cached_layouts();
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

fn main() -> Result<(), Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let started = Instant::now();
    let data = runtime.block_on(documents())?;
    println!(
        "Data drawn from the demo and grown in {:.1} s: {} contacts, {} partners, {} risk \
         organisations, {} processes, {} shifts, {} decisions.",
        started.elapsed().as_secs_f64(),
        data.folder.contacts.len(),
        data.folder.partners.len(),
        data.folder.risk_organisations.len(),
        data.folder.processes.len(),
        data.folder
            .rosters
            .iter()
            .map(|r| r.shifts.len())
            .sum::<usize>(),
        data.record.decisions.len(),
    );
    let renderer = Renderer::new()?;
    let docs = docs(&renderer, data);
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
