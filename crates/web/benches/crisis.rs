//! The crisis room under a long crisis: the pages with 10,000 log entries and 1,000
//! decisions, and the delay from a commit to 1,000 live (SSE) subscribers. Each figure is
//! measured beside a baseline in the same run: the store's own query for the same page, and
//! the store's in-process notice to the same number of subscribers without HTTP.
//!
//! Run: `cargo bench -p crisismap-web --bench crisis` (SQLite; set
//! `CRISISMAP_BENCH_DATABASE_URL` to a PostgreSQL URL to run on PostgreSQL).

use crisismap_core::crisis::{CrisisState, EntryKind, Phase};
use crisismap_core::event::Actor;
use crisismap_core::register::{RecordId, Validated};
use crisismap_core::{DisplayName, Email, SystemClock, WorkspaceName};
use crisismap_store::{EntryChange, EntryFilter, Location, NewCredential, OpenMode, Store};
use crisismap_web::{AppState, PasswordCost, WebConfig, hash_password};
use futures_util::StreamExt;
use std::sync::Arc;
use std::time::{Duration, Instant};

const LOG_ENTRIES: usize = 10_000;
const DECISIONS: usize = 1_000;
const COSTS: usize = 500;
const SUBSCRIBERS: usize = 1_000;
const SAMPLES: usize = 25;
const PASSWORD: &str = "een lange zin als wachtwoord";

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn pct(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// An entry as its schema checks it (only a schema makes a `Validated`).
fn validated(kind: EntryKind, pairs: &[(&str, &str)]) -> Validated {
    struct NoReferences;
    impl crisismap_core::register::RefLookup for NoReferences {
        fn exists(&self, _: crisismap_core::register::RecordKind, _: RecordId) -> bool {
            false
        }
    }
    let raw = crisismap_core::register::RawRecord {
        fields: pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        groups: Default::default(),
    };
    kind.schema()
        .validate(&raw, &NoReferences)
        .unwrap_or_else(|issues| panic!("the bench's {kind} is valid: {issues:?}"))
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(run());
}

async fn run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let location = match std::env::var("CRISISMAP_BENCH_DATABASE_URL") {
        Ok(url) => Location::Url(url),
        Err(_) => Location::DataDir(dir.path().join("data")),
    };
    let store = Store::open(&location, OpenMode::CreateIfMissing, Arc::new(SystemClock))
        .await
        .expect("store");
    let actor = Actor::System("bench".into());
    let email = "adviseur@voorbeeld.nl";
    let (ws, admin) = store
        .create_workspace(
            &WorkspaceName::parse("Gemeente Bench").expect("name"),
            None,
            &Email::parse(email).expect("email"),
            &DisplayName::parse("Adviseur").expect("name"),
            NewCredential {
                password_hash: hash_password(PASSWORD, PasswordCost::Fast),
                must_change: false,
            },
            &actor,
        )
        .await
        .expect("workspace");
    // The first user is an administrator, who logs in with a second factor.
    const RECOVERY_CODE: &str = "bench-00001";
    crisismap_web::enrol_totp(&store, admin, None, &[RECOVERY_CODE.to_owned()])
        .await
        .expect("second factor");
    let opening = CrisisState::open(
        "Langdurige ransomware-crisis",
        "",
        "2026-11-28T07:00:00Z".parse().expect("ts"),
        Phase::Warm,
        false,
    )
    .expect("opening");
    let crisis = store
        .open_crisis(ws, &actor, opening, vec![], EntryKind::Dilemma)
        .await
        .expect("crisis");

    // The long crisis: 10,000 log lines and 1,000 decisions, saved in batches.
    let t = Instant::now();
    let categories = ["report", "picture", "contact", "communication", "other"];
    for batch in 0..(LOG_ENTRIES / 500) {
        let changes = (0..500)
            .map(|i| {
                let n = batch * 500 + i;
                let text = format!(
                    "Melding {n}: storing bij sluis {} gemeld door de brugwachter, doorgezet naar de CISO",
                    n % 40
                );
                EntryChange {
                    kind: EntryKind::Log,
                    id: None,
                    expected_rev: None,
                    record: validated(
                        EntryKind::Log,
                        &[
                            ("text", &text),
                            ("occurred_at", "2026-11-28T08:00:00.000000Z"),
                            ("category", categories[n % categories.len()]),
                            ("source", "Brugwachter"),
                        ],
                    ),
                    occurred_at: None,
                    transcribed: None,
                }
            })
            .collect();
        store
            .save_entries(ws, crisis, &actor, changes)
            .await
            .expect("log");
    }
    for batch in 0..(DECISIONS / 250) {
        let changes = (0..250)
            .map(|i| {
                let n = batch * 250 + i;
                let title = format!("Besluit {n}");
                EntryChange {
                    kind: EntryKind::Decision,
                    id: None,
                    expected_rev: None,
                    record: validated(
                        EntryKind::Decision,
                        &[
                            ("title", &title),
                            ("decision", "Het loket blijft dicht tot de systemen hersteld zijn."),
                            ("considerations", "Zonder zaaksysteem kan het loket niet werken; inwoners worden per brief geïnformeerd."),
                            ("decided_by", "Burgemeester"),
                            ("decided_at", "2026-11-28T09:00:00.000000Z"),
                        ],
                    ),
                    occurred_at: None,
                    transcribed: None,
                }
            })
            .collect();
        store
            .save_entries(ws, crisis, &actor, changes)
            .await
            .expect("decisions");
    }
    // 500 costs over every category, for the account to the council.
    let cost_categories = crisismap_core::crisis::entries::COST_CATEGORIES;
    let changes = (0..COSTS)
        .map(|n| {
            let amount = format!("{},{:02}", 100 + n * 37, n % 100);
            let description = format!("Factuur {n} van de forensisch onderzoeker");
            EntryChange {
                kind: EntryKind::Cost,
                id: None,
                expected_rev: None,
                record: validated(
                    EntryKind::Cost,
                    &[
                        ("description", &description),
                        ("category", cost_categories[n % cost_categories.len()]),
                        ("amount", &amount),
                        ("vat", "21,00"),
                        ("date", "2026-11-29"),
                        ("status", "invoiced"),
                    ],
                ),
                occurred_at: None,
                transcribed: None,
            }
        })
        .collect();
    store
        .save_entries(ws, crisis, &actor, changes)
        .await
        .expect("costs");
    println!(
        "seeded {LOG_ENTRIES} log entries, {DECISIONS} decisions and {COSTS} costs in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let state = AppState::new(
        store.clone(),
        WebConfig {
            password_cost: PasswordCost::Fast,
            // The bench measures fan-out to 1,000 subscribers of one user, not the per-user
            // limit that guards the server in use (20 streams).
            max_live_per_user: SUBSCRIBERS + 10,
            max_live_total: SUBSCRIBERS + 10,
            max_connections: 4 * SUBSCRIBERS,
            ..WebConfig::default()
        },
    );
    tokio::spawn(async move {
        let _ = crisismap_web::serve(listener, state, std::future::pending()).await;
    });
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(2000)
        .build()
        .expect("client");
    let login = client
        .get(format!("{base}/inloggen"))
        .send()
        .await
        .expect("login page")
        .text()
        .await
        .expect("body");
    let csrf = login
        .split("name=\"_csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("csrf")
        .to_owned();
    let r = client
        .post(format!("{base}/inloggen"))
        .form(&[
            ("_csrf", csrf.as_str()),
            ("email", email),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("login");
    assert_eq!(r.status(), 303, "password accepted");
    let code_page = client
        .get(format!("{base}/inloggen/code"))
        .send()
        .await
        .expect("code page")
        .text()
        .await
        .expect("body");
    let csrf = code_page
        .split("name=\"_csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("csrf")
        .to_owned();
    let r = client
        .post(format!("{base}/inloggen/code"))
        .form(&[("_csrf", csrf.as_str()), ("code", RECOVERY_CODE)])
        .send()
        .await
        .expect("second factor");
    assert_eq!(r.status(), 303, "logged in");

    // ---------------------------------------------------------------- pages
    let c = crisis.to_string();
    let pages: Vec<(&str, String)> = vec![
        ("Log, newest 100 of 10,000", format!("/crisis/{c}/logboek")),
        (
            "Log, filtered by text",
            format!("/crisis/{c}/logboek?q=sluis+17"),
        ),
        (
            "Log, filtered by category",
            format!("/crisis/{c}/logboek?tag=contact"),
        ),
        ("Log, last page", format!("/crisis/{c}/logboek?page=100")),
        ("Decisions, all 1,000", format!("/crisis/{c}/besluiten")),
        ("Shared picture", format!("/crisis/{c}")),
        (
            "Timeline, first 500 of 11,000",
            format!("/crisis/{c}/tijdlijn"),
        ),
        (
            "Timeline, all 11,000 on one page",
            format!("/crisis/{c}/tijdlijn?alle=ja"),
        ),
        ("Situation report", format!("/crisis/{c}/situatierapport")),
        (
            "Account to the council (1,000 decisions, 500 costs)",
            format!("/crisis/{c}/verantwoording"),
        ),
        ("Floor: /healthz", "/healthz".to_owned()),
    ];
    // The account to the council ends with the chain's verification: the first read walks the
    // whole chain of 11,500 events, later reads reuse it while the head has not moved.
    let t = Instant::now();
    let r = client
        .get(format!("{base}/crisis/{c}/verantwoording"))
        .send()
        .await
        .expect("account");
    assert_eq!(r.status(), 200);
    let _ = r.bytes().await.expect("body");
    println!(
        "first read of the account (full verification): {}",
        ms(t.elapsed())
    );
    let mut walks = vec![];
    for _ in 0..5 {
        let t = Instant::now();
        let report = store.verify_stream(crisis).await.expect("verify");
        assert!(report.fault.is_none());
        walks.push(t.elapsed());
    }
    println!(
        "baseline: store's full verification of the chain: {}",
        ms(median(walks))
    );

    println!("\n| Page | Median | p90 | Size |\n|---|---|---|---|");
    for (name, path) in &pages {
        let mut times = vec![];
        let mut size = 0;
        for i in 0..(SAMPLES + 3) {
            let t = Instant::now();
            let r = client
                .get(format!("{base}{path}"))
                .send()
                .await
                .expect("page");
            assert_eq!(r.status(), 200, "{path}");
            let body = r.bytes().await.expect("body");
            if i >= 3 {
                times.push(t.elapsed());
            }
            size = body.len();
        }
        println!(
            "| {name} | {} | {} | {} kB |",
            ms(median(times.clone())),
            ms(pct(times, 0.9)),
            size / 1024
        );
    }
    // Baseline: the store alone, the same page of the log and the whole decision list.
    let mut log_q = vec![];
    let mut dec_q = vec![];
    for _ in 0..SAMPLES {
        let t = Instant::now();
        let (page, total) = store
            .entry_page(
                ws,
                crisis,
                EntryKind::Log,
                &EntryFilter {
                    newest_first: true,
                    limit: 100,
                    ..EntryFilter::default()
                },
            )
            .await
            .expect("page");
        assert_eq!((page.len(), total), (100, LOG_ENTRIES as i64));
        log_q.push(t.elapsed());
        let t = Instant::now();
        let all = store
            .entries(ws, crisis, &[EntryKind::Decision])
            .await
            .expect("decisions");
        assert_eq!(all.len(), DECISIONS);
        dec_q.push(t.elapsed());
    }
    println!(
        "| Baseline: store query, log page of 100 | {} | {} | |",
        ms(median(log_q.clone())),
        ms(pct(log_q, 0.9))
    );
    println!(
        "| Baseline: store query, 1,000 decisions | {} | {} | |",
        ms(median(dec_q.clone())),
        ms(pct(dec_q, 0.9))
    );

    // ---------------------------------------------------------------- documents
    // The account to the council as PDF, beside the decision record of the same 1,000
    // decisions (the baseline: the account holds the record and more).
    println!("\n| Document | Median | Slowest | Size |\n|---|---|---|---|");
    for (name, path) in [
        (
            "Account to the council PDF (1,000 decisions, 500 costs)",
            format!("/crisis/{c}/verantwoording.pdf"),
        ),
        (
            "Baseline: decision record PDF (1,000 decisions)",
            format!("/crisis/{c}/besluiten.pdf"),
        ),
    ] {
        let mut times = vec![];
        let mut size = 0;
        for i in 0..6 {
            let t = Instant::now();
            let r = client
                .get(format!("{base}{path}"))
                .send()
                .await
                .expect("pdf");
            assert_eq!(r.status(), 200, "{path}");
            let body = r.bytes().await.expect("body");
            if i >= 1 {
                times.push(t.elapsed());
            }
            size = body.len();
        }
        let slowest = times.iter().max().copied().unwrap_or_default();
        println!(
            "| {name} | {} | {} | {} kB |",
            ms(median(times)),
            ms(slowest),
            size / 1024
        );
    }

    // ---------------------------------------------------------------- live updates
    let mut streams = Vec::with_capacity(SUBSCRIBERS);
    for _ in 0..SUBSCRIBERS {
        let r = client
            .get(format!("{base}/live/{c}"))
            .send()
            .await
            .expect("sse");
        assert_eq!(r.status(), 200);
        streams.push(r.bytes_stream());
    }
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(usize, i64, Instant)>();
    for (i, mut s) in streams.into_iter().enumerate() {
        let tx = tx.clone();
        tokio::spawn(async move {
            let mut buf = String::new();
            while let Some(Ok(chunk)) = s.next().await {
                buf.push_str(&String::from_utf8_lossy(&chunk));
                while let Some(end) = buf.find("\n\n") {
                    let event: String = buf.drain(..end + 2).collect();
                    if let Some(seq) = event
                        .lines()
                        .find_map(|l| l.strip_prefix("data: "))
                        .and_then(|d| d.trim().parse::<i64>().ok())
                    {
                        let _ = tx.send((i, seq, Instant::now()));
                    }
                }
            }
        });
    }
    // Let every subscription settle.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut sse_all = vec![];
    let mut sse_last = vec![];
    for round in 0..10 {
        let t = Instant::now();
        let saved = store
            .save_entries(
                ws,
                crisis,
                &actor,
                vec![EntryChange {
                    kind: EntryKind::Log,
                    id: None,
                    expected_rev: None,
                    record: validated(
                        EntryKind::Log,
                        &[
                            ("text", "Ronde"),
                            ("occurred_at", "2026-11-28T10:00:00.000000Z"),
                            ("category", "report"),
                        ],
                    ),
                    occurred_at: None,
                    transcribed: None,
                }],
            )
            .await
            .expect("commit");
        assert_eq!(saved.len(), 1);
        let commit = t.elapsed();
        let mut got = 0;
        let mut last = Duration::ZERO;
        while got < SUBSCRIBERS {
            let (_, _, at) = tokio::time::timeout(Duration::from_secs(30), rx.recv())
                .await
                .expect("every subscriber hears within 30 s")
                .expect("open");
            let d = at.duration_since(t);
            sse_all.push(d);
            last = last.max(d);
            got += 1;
        }
        sse_last.push(last);
        if round == 0 {
            println!("\nround 0: commit {} ", ms(commit));
        }
    }
    println!(
        "\n| Live update to {SUBSCRIBERS} SSE subscribers | Median | p99 | Last subscriber (median of 10 rounds) |\n|---|---|---|---|"
    );
    println!(
        "| Commit → `data:` line at each subscriber | {} | {} | {} |",
        ms(median(sse_all.clone())),
        ms(pct(sse_all, 0.99)),
        ms(median(sse_last))
    );
    // Baseline: the same commit, heard by as many in-process subscribers of the store's
    // notices, without HTTP.
    let mut receivers: Vec<_> = (0..SUBSCRIBERS).map(|_| store.subscribe()).collect();
    let mut base_all = vec![];
    let mut base_last = vec![];
    for _ in 0..10 {
        let t = Instant::now();
        store
            .save_entries(
                ws,
                crisis,
                &actor,
                vec![EntryChange {
                    kind: EntryKind::Log,
                    id: None,
                    expected_rev: None,
                    record: validated(
                        EntryKind::Log,
                        &[
                            ("text", "Ronde"),
                            ("occurred_at", "2026-11-28T10:00:00.000000Z"),
                            ("category", "report"),
                        ],
                    ),
                    occurred_at: None,
                    transcribed: None,
                }],
            )
            .await
            .expect("commit");
        let mut last = Duration::ZERO;
        for r in &mut receivers {
            loop {
                let n = r.recv().await.expect("notice");
                if n.stream == crisis {
                    break;
                }
            }
            let d = t.elapsed();
            base_all.push(d);
            last = last.max(d);
        }
        base_last.push(last);
        // Drain what the SSE subscribers got from this round.
        while rx.try_recv().is_ok() {}
    }
    println!(
        "| Baseline: commit → in-process notice at each subscriber | {} | {} | {} |",
        ms(median(base_all.clone())),
        ms(pct(base_all, 0.99)),
        ms(median(base_last))
    );
}
