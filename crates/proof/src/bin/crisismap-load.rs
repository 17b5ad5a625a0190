//! `crisismap-load`: a bounded load test of the real `crisismap serve` on loopback. Longer
//! than 600 lines on purpose: not shipped, one program whose phases (below) share their
//! set-up and their report, read top to bottom.
//!
//! Per engine (SQLite, PostgreSQL) it sets up a fresh workspace with accounts and a running
//! crisis with some hundreds of entries, then:
//!
//! 1. **mixed**: N logged-in users for T seconds, each looping think time → one action: mostly
//!    HTML pages of the crisis room (picture, log, decisions, timeline) with the session
//!    cookie, some writes (log entries and decisions through the API);
//! 2. **write capacity**: N writers without think time for a few seconds (log entries and
//!    decisions alternately), the product's write throughput;
//! 3. **baseline**: raw inserts through sqlx into a separate database with the same
//!    durability settings and the same concurrency, one event-sized row per transaction:
//!    what the database itself can do.
//!
//! It prints p50/p90/p99/max per class, throughput and errors by kind, and exits non-zero on
//! any error or when p99 read ≥ 100 ms or p99 write ≥ 200 ms in the mixed phase.

use anyhow::{Context, bail};
use clap::{Parser, ValueEnum};
use crisismap_proof::{Account, Api, Browser, Crisismap, DEFAULT_POSTGRES_URL, Database, PASSWORD};
use hdrhistogram::Histogram;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sqlx::Executor;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Engine {
    Sqlite,
    Postgres,
}

#[derive(Debug, Parser)]
#[command(
    name = "crisismap-load",
    about = "Bounded load test of crisismap serve on loopback"
)]
struct Args {
    /// The crisismap binary to serve (default: the release build of this workspace).
    #[arg(long)]
    bin: Option<PathBuf>,
    /// Engines to test, in order.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "sqlite")]
    engine: Vec<Engine>,
    /// PostgreSQL server on which a temporary database is created (and dropped after).
    #[arg(long, default_value = DEFAULT_POSTGRES_URL)]
    postgres_url: String,
    /// Concurrent users (browser sessions) in the mixed phase, and writers in the capacity
    /// phase and the baseline.
    #[arg(long, default_value_t = 200)]
    users: usize,
    /// Seconds of the mixed phase.
    #[arg(long, default_value_t = 60)]
    duration: u64,
    /// Think time between two actions of one user, uniformly between min and max.
    #[arg(long, default_value_t = 1000)]
    think_min_ms: u64,
    #[arg(long, default_value_t = 3000)]
    think_max_ms: u64,
    /// Percentage of actions that are writes (the rest reads pages).
    #[arg(long, default_value_t = 10)]
    write_percent: u32,
    /// Accounts the sessions are spread over (besides the administrator).
    #[arg(long, default_value_t = 20)]
    accounts: usize,
    /// Log entries recorded before the test (plus a fifth of that in decisions).
    #[arg(long, default_value_t = 300)]
    seed_entries: usize,
    /// Seconds of the write-capacity phase and of the baseline.
    #[arg(long, default_value_t = 10)]
    capacity_seconds: u64,
    /// Targets for the mixed phase.
    #[arg(long, default_value_t = 100)]
    max_p99_read_ms: u64,
    #[arg(long, default_value_t = 200)]
    max_p99_write_ms: u64,
    /// Seed of the users' choices (printed; random when left out).
    #[arg(long)]
    seed: Option<u64>,
}

const TITLE: &str = "Storing zaaksysteem na ransomware";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Picture,
    Log,
    Decisions,
    Timeline,
    WriteLog,
    WriteDecision,
}

impl Class {
    const ALL: [Class; 6] = [
        Class::Picture,
        Class::Log,
        Class::Decisions,
        Class::Timeline,
        Class::WriteLog,
        Class::WriteDecision,
    ];

    fn name(self) -> &'static str {
        match self {
            Class::Picture => "read picture",
            Class::Log => "read log",
            Class::Decisions => "read decisions",
            Class::Timeline => "read timeline",
            Class::WriteLog => "write log entry",
            Class::WriteDecision => "write decision",
        }
    }

    fn is_write(self) -> bool {
        matches!(self, Class::WriteLog | Class::WriteDecision)
    }

    fn path(self, crisis: &str) -> String {
        match self {
            Class::Picture => format!("/crisis/{crisis}"),
            Class::Log => format!("/crisis/{crisis}/logboek"),
            Class::Decisions => format!("/crisis/{crisis}/besluiten"),
            Class::Timeline => format!("/crisis/{crisis}/tijdlijn"),
            Class::WriteLog | Class::WriteDecision => String::new(),
        }
    }
}

fn histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 120_000_000, 3).expect("valid histogram bounds")
}

/// What one user (or all, merged) saw.
struct Tally {
    hist: BTreeMap<Class, Histogram<u64>>,
    errors: BTreeMap<String, u64>,
}

impl Tally {
    fn new() -> Tally {
        Tally {
            hist: Class::ALL.iter().map(|c| (*c, histogram())).collect(),
            errors: BTreeMap::new(),
        }
    }

    fn ok(&mut self, class: Class, took: Duration) {
        let us = (took.as_micros() as u64).clamp(1, 120_000_000);
        if let Some(h) = self.hist.get_mut(&class) {
            let _ = h.record(us);
        }
    }

    fn error(&mut self, class: Class, kind: String) {
        *self
            .errors
            .entry(format!("{}: {kind}", class.name()))
            .or_default() += 1;
    }

    fn merge(&mut self, other: Tally) {
        for (c, h) in other.hist {
            if let Some(mine) = self.hist.get_mut(&c) {
                let _ = mine.add(h);
            }
        }
        for (k, n) in other.errors {
            *self.errors.entry(k).or_default() += n;
        }
    }

    fn class_sum(&self, write: bool) -> Histogram<u64> {
        let mut all = histogram();
        for (c, h) in &self.hist {
            if c.is_write() == write {
                let _ = all.add(h);
            }
        }
        all
    }

    fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }
}

fn error_kind(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timeout".into()
    } else if e.is_connect() {
        "connect".into()
    } else if e.is_body() || e.is_decode() {
        "body".into()
    } else {
        format!("request ({e})")
    }
}

fn ms(us: u64) -> f64 {
    us as f64 / 1000.0
}

fn row(name: &str, h: &Histogram<u64>, seconds: f64) -> String {
    format!(
        "| {name} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} |",
        h.len(),
        h.len() as f64 / seconds,
        ms(h.value_at_quantile(0.50)),
        ms(h.value_at_quantile(0.90)),
        ms(h.value_at_quantile(0.99)),
        ms(h.max()),
    )
}

const HEADER: &str = "| class | requests | per s | p50 ms | p90 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|";

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// One read of an HTML page of the crisis room; it must be the page (200, with the title).
async fn read(b: &Browser, class: Class, crisis: &str, tally: &mut Tally) {
    let started = Instant::now();
    let result = b
        .client
        .get(format!("{}{}", b.base, class.path(crisis)))
        .send()
        .await;
    match result {
        Err(e) => tally.error(class, error_kind(&e)),
        Ok(r) => {
            let status = r.status();
            match r.text().await {
                Err(e) => tally.error(class, error_kind(&e)),
                Ok(_) if status != reqwest::StatusCode::OK => {
                    tally.error(class, format!("HTTP {}", status.as_u16()))
                }
                Ok(body) if !body.contains(TITLE) => {
                    tally.error(class, "page without the crisis title".into())
                }
                Ok(_) => tally.ok(class, started.elapsed()),
            }
        }
    }
}

/// One write through the API; it must be acknowledged with 201.
async fn write(api: &Api, class: Class, crisis: &str, n: u64, tally: &mut Tally) {
    let (kind, body) = match class {
        Class::WriteDecision => (
            "decision",
            crisismap_proof::decision(&format!("Besluit {n}: geen losgeld")),
        ),
        _ => (
            "log",
            crisismap_proof::log_entry(&format!(
                "Melding {n}: medewerkers kunnen het zaaksysteem niet openen"
            )),
        ),
    };
    let started = Instant::now();
    match api.add_entry(crisis, kind, &body).await {
        Err(e) => tally.error(class, error_kind(&e)),
        Ok(r) => {
            let status = r.status();
            match r.bytes().await {
                Err(e) => tally.error(class, error_kind(&e)),
                Ok(_) if status != reqwest::StatusCode::CREATED => {
                    tally.error(class, format!("HTTP {}", status.as_u16()))
                }
                Ok(_) => tally.ok(class, started.elapsed()),
            }
        }
    }
}

struct Setup {
    crisis: String,
    browsers: Vec<Browser>,
    apis: Vec<Api>,
}

async fn prepare(args: &Args, base: &str, accounts: &[Account]) -> anyhow::Result<Setup> {
    use futures_util::StreamExt;
    let timeout = Duration::from_secs(30);
    let apis: Vec<Api> = accounts
        .iter()
        .map(|a| Api::new(base, &a.token, timeout))
        .collect::<anyhow::Result<_>>()?;
    let crisis = apis[0]
        .open_crisis(
            TITLE,
            "Sinds 06:40 versleutelde bestanden op de fileserver; het zaaksysteem is onbereikbaar.",
        )
        .await?;
    // Some hundreds of entries, as a crisis that has been running for a while.
    let n = args.seed_entries;
    let seeded: Vec<anyhow::Result<()>> = futures_util::stream::iter(0..n + n / 5)
        .map(|i| {
            let api = apis[i % apis.len()].clone();
            let crisis = crisis.clone();
            async move {
                let (kind, body) = if i < n {
                    (
                        "log",
                        crisismap_proof::log_entry(&format!("Logregel {i} van de voorbereiding")),
                    )
                } else {
                    (
                        "decision",
                        crisismap_proof::decision(&format!("Eerder besluit {i}")),
                    )
                };
                let r = api.add_entry(&crisis, kind, &body).await?;
                if r.status() != reqwest::StatusCode::CREATED {
                    bail!("seed {kind}: HTTP {}", r.status());
                }
                Ok(())
            }
        })
        .buffer_unordered(8)
        .collect()
        .await;
    seeded.into_iter().collect::<anyhow::Result<()>>()?;
    // One browser session per user, spread over the accounts.
    let logins: Vec<anyhow::Result<Browser>> = futures_util::stream::iter(0..args.users)
        .map(|i| {
            let email = accounts[1 + i % (accounts.len() - 1)].email.clone();
            async move {
                let mut b = Browser::new(base, timeout)?;
                let next = b.login(&email, PASSWORD).await?;
                if next != "/" {
                    bail!("{email}: after login went to {next}");
                }
                Ok(b)
            }
        })
        .buffer_unordered(4)
        .collect()
        .await;
    let browsers = logins.into_iter().collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Setup {
        crisis,
        browsers,
        apis,
    })
}

/// Phase 1: users with think time, mostly reading.
async fn mixed(args: &Args, setup: &Setup, seed: u64) -> (Tally, f64) {
    let deadline = Instant::now() + Duration::from_secs(args.duration);
    let counter = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = vec![];
    for (i, b) in setup.browsers.iter().enumerate() {
        let b = b.clone();
        // Writes go through the API token of an account (not the administrator's).
        let api = setup.apis[1 + i % (setup.apis.len() - 1)].clone();
        let crisis = setup.crisis.clone();
        let counter = counter.clone();
        let (tmin, tmax, wp) = (
            args.think_min_ms,
            args.think_max_ms.max(args.think_min_ms + 1),
            args.write_percent,
        );
        tasks.push(tokio::spawn(async move {
            let mut rng = StdRng::seed_from_u64(seed.wrapping_add(i as u64));
            let mut tally = Tally::new();
            // Users do not all arrive in the same millisecond.
            tokio::time::sleep(Duration::from_millis(rng.gen_range(0..tmax))).await;
            while Instant::now() < deadline {
                let roll = rng.gen_range(0..100u32);
                let class = if roll < wp {
                    if roll < wp * 7 / 10 {
                        Class::WriteLog
                    } else {
                        Class::WriteDecision
                    }
                } else {
                    match rng.gen_range(0..20u32) {
                        0..=7 => Class::Picture,
                        8..=12 => Class::Log,
                        13..=15 => Class::Decisions,
                        _ => Class::Timeline,
                    }
                };
                if class.is_write() {
                    let n = counter.fetch_add(1, Ordering::Relaxed);
                    write(&api, class, &crisis, n, &mut tally).await;
                } else {
                    read(&b, class, &crisis, &mut tally).await;
                }
                let think = Duration::from_millis(rng.gen_range(tmin..tmax));
                if Instant::now() + think >= deadline {
                    break;
                }
                tokio::time::sleep(think).await;
            }
            tally
        }));
    }
    let mut all = Tally::new();
    for t in tasks {
        if let Ok(tally) = t.await {
            all.merge(tally);
        }
    }
    (all, started.elapsed().as_secs_f64())
}

/// Phase 2: as many writes as the server takes, `users` at a time.
async fn capacity(args: &Args, setup: &Setup) -> (Tally, f64) {
    let deadline = Instant::now() + Duration::from_secs(args.capacity_seconds);
    let counter = Arc::new(AtomicU64::new(1_000_000));
    let started = Instant::now();
    let mut tasks = vec![];
    for i in 0..args.users {
        let api = setup.apis[1 + i % (setup.apis.len() - 1)].clone();
        let crisis = setup.crisis.clone();
        let counter = counter.clone();
        tasks.push(tokio::spawn(async move {
            let mut tally = Tally::new();
            while Instant::now() < deadline {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                let class = if n.is_multiple_of(2) {
                    Class::WriteLog
                } else {
                    Class::WriteDecision
                };
                write(&api, class, &crisis, n, &mut tally).await;
            }
            tally
        }));
    }
    let mut all = Tally::new();
    for t in tasks {
        if let Ok(tally) = t.await {
            all.merge(tally);
        }
    }
    (all, started.elapsed().as_secs_f64())
}

/// Phase 3: raw inserts with the product's durability settings, `users` at a time, one row
/// of an event's size per transaction.
async fn baseline(args: &Args, db: &Database) -> anyhow::Result<(Histogram<u64>, u64, f64)> {
    use sqlx::any::AnyPoolOptions;
    sqlx::any::install_default_drivers();
    let (pool, serialise) = match (db.sqlite_file(), db.postgres_url()) {
        (Some(file), _) => {
            let path = file.with_file_name("baseline.db");
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let pool = AnyPoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(60))
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        conn.execute("PRAGMA busy_timeout = 5000").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA synchronous = FULL").await?;
                        Ok(())
                    })
                })
                .connect(&format!("sqlite://{}?mode=rwc", path.display()))
                .await?;
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
            // One writer at a time, as SQLite allows and as the product does.
            (pool, Some(Arc::new(tokio::sync::Mutex::new(()))))
        }
        (None, Some(url)) => {
            let pool = AnyPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(60))
                .connect(url)
                .await?;
            (pool, None)
        }
        (None, None) => bail!("no database"),
    };
    sqlx::query(
        "CREATE TABLE baseline_events (id TEXT PRIMARY KEY, stream_id TEXT NOT NULL, seq BIGINT NOT NULL, \
         recorded_at TEXT NOT NULL, actor TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL, \
         prev_hash TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream_id, seq))",
    )
    .execute(&pool)
    .await?;
    // About the size of a decision event: the JSON of its fields.
    let payload = serde_json::to_string(&crisismap_proof::decision("Besluit 1234: geen losgeld"))?;
    let stream = uuid::Uuid::new_v4().to_string();
    let seq = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(args.capacity_seconds);
    let started = Instant::now();
    let mut tasks = vec![];
    for _ in 0..args.users {
        let (pool, serialise, payload, stream, seq, errors) = (
            pool.clone(),
            serialise.clone(),
            payload.clone(),
            stream.clone(),
            seq.clone(),
            errors.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut h = histogram();
            while Instant::now() < deadline {
                let t0 = Instant::now();
                let _guard = match &serialise {
                    Some(m) => Some(m.lock().await),
                    None => None,
                };
                let n = seq.fetch_add(1, Ordering::Relaxed) as i64 + 1;
                let result = async {
                    let mut tx = pool.begin().await?;
                    sqlx::query(
                        "INSERT INTO baseline_events (id, stream_id, seq, recorded_at, actor, kind, payload, prev_hash, hash) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    )
                    .bind(uuid::Uuid::now_v7().to_string())
                    .bind(&stream)
                    .bind(n)
                    .bind(crisismap_proof::now_utc())
                    .bind("user:0190f0d2-7d1c-7e4a-9a3e-2f1b6c8d9e0f")
                    .bind("entry_saved")
                    .bind(&payload)
                    .bind("0".repeat(64))
                    .bind("f".repeat(64))
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await
                }
                .await;
                drop(_guard);
                match result {
                    Ok(()) => {
                        let _ = h.record((t0.elapsed().as_micros() as u64).max(1));
                    }
                    Err(_) => {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
            h
        }));
    }
    let mut all = histogram();
    for t in tasks {
        if let Ok(h) = t.await {
            let _ = all.add(h);
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    pool.close().await;
    Ok((all, errors.load(Ordering::Relaxed), seconds))
}

/// Runs all three phases on one engine; true when every target was met.
async fn run_engine(
    args: &Args,
    cm: &Crisismap,
    engine: Engine,
    seed: u64,
) -> anyhow::Result<bool> {
    let db = match engine {
        Engine::Sqlite => Database::sqlite()?,
        Engine::Postgres => Database::postgres(&args.postgres_url).await?,
    };
    println!("\n## {} ({})", db.engine(), crisismap_proof::now_utc());
    let t0 = Instant::now();
    let created = crisismap_proof::create_accounts(cm, &db, args.accounts.max(1))?;
    let mut server = cm.serve(&db).await?;
    let accounts = crisismap_proof::activate(&server.base, &created).await?;
    let setup = prepare(args, &server.base, &accounts).await?;
    println!(
        "Prepared in {:.1} s: {} accounts, {} browser sessions, crisis with {} log entries and {} decisions.",
        t0.elapsed().as_secs_f64(),
        accounts.len(),
        setup.browsers.len(),
        args.seed_entries,
        args.seed_entries / 5
    );

    let (mixed_tally, mixed_s) = mixed(args, &setup, seed).await;
    let load_mixed = load_average();
    let reads = mixed_tally.class_sum(false);
    let writes = mixed_tally.class_sum(true);
    println!(
        "\n### Mixed: {} users, {} s, think time {}–{} ms, {}% writes (load average after: {load_mixed})\n",
        args.users, args.duration, args.think_min_ms, args.think_max_ms, args.write_percent
    );
    println!("{HEADER}");
    for c in Class::ALL {
        println!("{}", row(c.name(), &mixed_tally.hist[&c], mixed_s));
    }
    println!("{}", row("**all reads**", &reads, mixed_s));
    println!("{}", row("**all writes**", &writes, mixed_s));
    println!("\nErrors: {}", describe_errors(&mixed_tally));

    let (cap, cap_s) = capacity(args, &setup).await;
    let load_cap = load_average();
    let cap_writes = cap.class_sum(true);
    println!(
        "\n### Write capacity: {} writers without think time, {} s (load average after: {load_cap})\n",
        args.users, args.capacity_seconds
    );
    println!("{HEADER}");
    for c in [Class::WriteLog, Class::WriteDecision] {
        println!("{}", row(c.name(), &cap.hist[&c], cap_s));
    }
    println!("{}", row("**all writes**", &cap_writes, cap_s));
    println!("\nErrors: {}", describe_errors(&cap));

    let problems = server.log_problems();
    server.stop(Duration::from_secs(20))?;
    let (code, verify_out) = cm.verify(&db)?;
    let verify_line = verify_out
        .lines()
        .find(|l| l.contains("intact") || l.contains("TAMPERED"))
        .unwrap_or("")
        .to_owned();
    println!("\n`crisismap verify` after the load: exit {code}: {verify_line}");
    if !problems.is_empty() {
        println!(
            "Server log warnings/errors ({}), first: {}",
            problems.len(),
            problems[0]
        );
    }

    let (base, base_errors, base_s) = baseline(args, &db).await?;
    println!(
        "\n### Baseline: raw inserts through sqlx, {} concurrent, {} s, same durability settings\n",
        args.users, args.capacity_seconds
    );
    println!("{HEADER}");
    println!("{}", row("raw insert (1 row/transaction)", &base, base_s));
    println!("\nErrors: {base_errors}");
    let product_rate = cap_writes.len() as f64 / cap_s;
    let raw_rate = base.len() as f64 / base_s;
    let ratio = if raw_rate > 0.0 {
        product_rate / raw_rate
    } else {
        0.0
    };
    println!(
        "\nRatio product writes / raw inserts: {product_rate:.0} / {raw_rate:.0} per s = {ratio:.2} \
         (p50 {:.1} ms vs {:.1} ms)",
        ms(cap_writes.value_at_quantile(0.5)),
        ms(base.value_at_quantile(0.5))
    );

    let mut ok = true;
    let mut verdict = vec![];
    let total_errors = mixed_tally.error_count() + cap.error_count() + base_errors;
    if total_errors > 0 {
        ok = false;
        verdict.push(format!("{total_errors} errors"));
    }
    let p99r = reads.value_at_quantile(0.99);
    let p99w = writes.value_at_quantile(0.99);
    if reads.is_empty() || ms(p99r) >= args.max_p99_read_ms as f64 {
        ok = false;
        verdict.push(format!(
            "p99 read {:.1} ms (target < {} ms)",
            ms(p99r),
            args.max_p99_read_ms
        ));
    }
    if writes.is_empty() || ms(p99w) >= args.max_p99_write_ms as f64 {
        ok = false;
        verdict.push(format!(
            "p99 write {:.1} ms (target < {} ms)",
            ms(p99w),
            args.max_p99_write_ms
        ));
    }
    if code != 0 {
        ok = false;
        verdict.push("crisismap verify failed".into());
    }
    if ok {
        println!(
            "\nPASS {}: zero errors, p99 read {:.1} ms < {} ms, p99 write {:.1} ms < {} ms, verify ok.",
            db.engine(),
            ms(p99r),
            args.max_p99_read_ms,
            ms(p99w),
            args.max_p99_write_ms
        );
    } else {
        println!("\nFAIL {}: {}", db.engine(), verdict.join("; "));
    }
    Ok(ok)
}

fn describe_errors(t: &Tally) -> String {
    if t.errors.is_empty() {
        return "none".into();
    }
    t.errors
        .iter()
        .map(|(k, n)| format!("{k} ×{n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn default_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/release/crisismap")
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let bin = args.bin.clone().unwrap_or_else(default_bin);
    if !bin.exists() {
        eprintln!(
            "crisismap-load: {} not found: build it first (cargo build --release -p crisismap) or pass --bin",
            bin.display()
        );
        return ExitCode::FAILURE;
    }
    if args.users == 0 || args.accounts == 0 || args.duration == 0 {
        eprintln!("crisismap-load: --users, --accounts and --duration must be at least 1");
        return ExitCode::FAILURE;
    }
    let seed = args.seed.unwrap_or_else(rand::random);
    println!(
        "crisismap-load: {} on {} (seed {seed}, load average before: {})",
        bin.display(),
        std::fs::read_to_string("/proc/cpuinfo")
            .map(|s| format!("{} cores", s.matches("processor\t:").count()))
            .unwrap_or_default(),
        load_average()
    );
    let cm = Crisismap::new(bin);
    let mut all_ok = true;
    for engine in &args.engine {
        match run_engine(&args, &cm, *engine, seed)
            .await
            .with_context(|| format!("{engine:?}"))
        {
            Ok(ok) => all_ok &= ok,
            Err(e) => {
                eprintln!("crisismap-load: {e:#}");
                all_ok = false;
            }
        }
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
