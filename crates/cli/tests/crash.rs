//! A decision that crisismap acknowledged survives a crash of the server. Ten times over,
//! the crisis team fires 1,000 decisions at the API, 64 at a time, and the server is killed
//! with SIGKILL at a random moment in the middle of it (0.1–4 s after the first
//! acknowledgement). After every crash: the SQLite file passes `PRAGMA integrity_check`,
//! `crisismap verify` finds every hash chain intact, and after a restart every decision
//! that got a 201 is there, with its title, exactly once.
//! On SQLite always; on PostgreSQL too when CRISISMAP_TEST_DATABASE_URL is set (each run in
//! a temporary database). CRISISMAP_CRASH_SEED replays the random moments of a run.

use crisismap_proof::reqwest;
use crisismap_proof::{Api, Crisismap, Database, Server};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

const ROUNDS: usize = 10;
const WRITES: usize = 1000;
const IN_FLIGHT: usize = 64;

enum Outcome {
    /// 201 Created: the id the server gave the decision.
    Acknowledged(String),
    /// No answer: the connection broke or was refused (the server was killed).
    NoAnswer,
    /// An answer that was not 201, which must never happen, crash or not.
    Refused(u16, String),
}

struct Round {
    acknowledged: Vec<(String, String)>,
    no_answer: usize,
    refused: Vec<String>,
    /// False when every write was answered before the kill came.
    killed_during_writes: bool,
}

/// Fires the writes of one round and kills the server `delay` after the first of them was
/// acknowledged, so that the kill lands in the middle of the writes.
async fn crash_round(
    server: &mut Server,
    token: &str,
    crisis: &str,
    round: usize,
    delay: Duration,
) -> Round {
    let api = Api::new(&server.base, token, Duration::from_secs(20)).expect("client");
    let permits = Arc::new(tokio::sync::Semaphore::new(IN_FLIGHT));
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(String, Outcome)>();
    for i in 0..WRITES {
        let (api, permits, tx, crisis) =
            (api.clone(), permits.clone(), tx.clone(), crisis.to_owned());
        tokio::spawn(async move {
            let Ok(_permit) = permits.acquire_owned().await else {
                return;
            };
            let title = format!("Besluit ronde {round} nummer {i}");
            let outcome = match api
                .add_entry(&crisis, "decision", &crisismap_proof::decision(&title))
                .await
            {
                Err(_) => Outcome::NoAnswer,
                Ok(r) if r.status() == reqwest::StatusCode::CREATED => {
                    match r.json::<serde_json::Value>().await {
                        Ok(body) => Outcome::Acknowledged(
                            body["id"].as_str().unwrap_or_default().to_owned(),
                        ),
                        // The status line arrived, the body did not: not an acknowledgement.
                        Err(_) => Outcome::NoAnswer,
                    }
                }
                Ok(r) => {
                    let status = r.status().as_u16();
                    Outcome::Refused(status, r.text().await.unwrap_or_default())
                }
            };
            let _ = tx.send((title, outcome));
        });
    }
    drop(tx);
    let mut result = Round {
        acknowledged: vec![],
        no_answer: 0,
        refused: vec![],
        killed_during_writes: false,
    };
    // The kill comes `delay` after the first acknowledgement, while writes are in flight.
    let mut kill_at: Option<Instant> = None;
    let mut killed_with_writes_open = false;
    let mut killed = false;
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if !killed && kill_at.is_some_and(|at| Instant::now() >= at) {
            server.kill().expect("SIGKILL the server");
            killed = true;
            killed_with_writes_open = true;
        }
        let wake = match kill_at {
            Some(at) if !killed => at.min(deadline),
            _ => deadline,
        };
        match tokio::time::timeout_at(wake.into(), rx.recv()).await {
            Ok(Some((title, outcome))) => match outcome {
                Outcome::Acknowledged(id) => {
                    result.acknowledged.push((id, title));
                    if kill_at.is_none() {
                        kill_at = Some(Instant::now() + delay);
                    }
                }
                Outcome::NoAnswer => result.no_answer += 1,
                Outcome::Refused(status, body) => result
                    .refused
                    .push(format!("{title}: HTTP {status}: {body}")),
            },
            // Every write has its answer.
            Ok(None) => break,
            Err(_) if Instant::now() >= deadline => break,
            Err(_) => {}
        }
    }
    if !killed {
        server.kill().expect("SIGKILL the server");
    }
    result.killed_during_writes = killed_with_writes_open;
    result
}

async fn survives_crashes(db: Database, seed: u64) {
    let engine = db.engine();
    let started = Instant::now();
    let cm = Crisismap::new(env!("CARGO_BIN_EXE_crisismap"));
    let created = crisismap_proof::create_accounts(&cm, &db, 1).expect("workspace and a member");
    let mut server = cm.serve(&db).await.expect("serve");
    let accounts = crisismap_proof::activate(&server.base, &created)
        .await
        .expect("first login of both accounts");
    let token = accounts[1].token.clone();
    let crisis = Api::new(&server.base, &token, Duration::from_secs(20))
        .expect("client")
        .open_crisis(
            "Storing zaaksysteem",
            "Versleutelde bestanden op de fileserver.",
        )
        .await
        .expect("crisis opened");

    let mut rng = StdRng::seed_from_u64(seed);
    let mut acknowledged: HashMap<String, String> = HashMap::new();
    let mut sent_titles = 0usize;
    for round in 1..=ROUNDS {
        let delay = Duration::from_millis(rng.gen_range(100..4_000));
        let r = crash_round(&mut server, &token, &crisis, round, delay).await;
        sent_titles += WRITES;
        assert!(
            r.refused.is_empty(),
            "{engine} round {round}: writes refused: {:?}",
            &r.refused[..r.refused.len().min(3)]
        );
        for (id, title) in &r.acknowledged {
            assert!(!id.is_empty(), "{engine}: an acknowledgement without an id");
            acknowledged.insert(id.clone(), title.clone());
        }

        // The database as the crash left it.
        if db.sqlite_file().is_some() {
            let check = db.sqlite_integrity().await.expect("integrity check runs");
            assert_eq!(
                check,
                vec!["ok".to_owned()],
                "{engine} round {round}: integrity_check"
            );
        }
        let (code, out) = cm.verify(&db).expect("verify runs");
        assert_eq!(code, 0, "{engine} round {round}: crisismap verify: {out}");

        server = cm
            .serve(&db)
            .await
            .expect("the server starts again after the crash");
        let api = Api::new(&server.base, &token, Duration::from_secs(60)).expect("client");
        let present = api
            .all_entries(&crisis, "decision")
            .await
            .expect("the decisions can be read after the restart");
        let mut by_id: HashMap<&str, &str> = HashMap::new();
        let mut titles = std::collections::HashSet::new();
        for (id, title) in &present {
            by_id.insert(id, title);
            assert!(
                titles.insert(title.as_str()),
                "{engine}: {title} recorded twice"
            );
        }
        let missing: Vec<&String> = acknowledged
            .iter()
            .filter(|(id, title)| by_id.get(id.as_str()) != Some(&title.as_str()))
            .map(|(_, t)| t)
            .collect();
        assert!(
            missing.is_empty(),
            "{engine} round {round}: {} acknowledged decisions are gone, e.g. {:?}",
            missing.len(),
            &missing[..missing.len().min(3)]
        );
        assert!(present.len() <= sent_titles);
        println!(
            "{engine} round {round:2}: SIGKILL {} ms after the first acknowledgement{}: \
             {} acknowledged, {} without answer, {} committed without acknowledgement; \
             all {} acknowledged so far present; {}verify ok",
            delay.as_millis(),
            if r.killed_during_writes {
                ""
            } else {
                " (all writes answered before)"
            },
            r.acknowledged.len(),
            r.no_answer,
            present.len() - acknowledged.len(),
            acknowledged.len(),
            if db.sqlite_file().is_some() {
                "integrity_check ok, "
            } else {
                ""
            }
        );
    }
    server.stop(Duration::from_secs(20)).expect("stop");
    let (code, out) = cm.verify(&db).expect("verify runs");
    assert_eq!(code, 0, "{engine}: final verify: {out}");
    println!(
        "{engine}: {ROUNDS} crashes, {} acknowledged decisions, all present; {:.1} s",
        acknowledged.len(),
        started.elapsed().as_secs_f64()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_decisions_survive_sigkill_of_the_server() {
    let seed = std::env::var("CRISISMAP_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random::<u64>);
    println!("crash seed {seed} (CRISISMAP_CRASH_SEED={seed} replays the kill moments)");
    if crisismap_testing::sqlite_wanted() {
        survives_crashes(Database::sqlite().expect("a temporary folder"), seed).await;
    }
    if let Ok(url) = std::env::var("CRISISMAP_TEST_DATABASE_URL")
        && !url.trim().is_empty()
    {
        let db = Database::postgres(url.trim())
            .await
            .expect("CRISISMAP_TEST_DATABASE_URL must point at a reachable PostgreSQL");
        survives_crashes(db, seed).await;
    }
}
