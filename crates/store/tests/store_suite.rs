//! The store suite: every test runs on SQLite, and on PostgreSQL when
//! CRISISMAP_TEST_DATABASE_URL is set.

use crisismap_core::event::{Actor, ChainFault};
use crisismap_core::register::RecordKind;
use crisismap_core::workspace::{WorkspaceCommand, WorkspaceError};
use crisismap_core::{
    DisplayName, DomainEvent, Email, ManualClock, Role, StreamKind, SystemClock, UserId,
    WorkspaceId, WorkspaceName,
};
use crisismap_store::{Backend, Expected, Location, NewCredential, OpenMode, Store, StoreError};
use crisismap_testing::TestDb;
use std::sync::Arc;

/// A record as its schema checks it (only a schema makes a `Validated`); the references in
/// it are taken to exist, as the store does not judge them.
fn checked(
    schema: &crisismap_core::register::schema::Schema,
    data: &serde_json::Map<String, serde_json::Value>,
) -> crisismap_core::register::Validated {
    use crisismap_core::register::{RawRecord, RecordId, RefLookup};
    struct Everything;
    impl RefLookup for Everything {
        fn exists(&self, _: RecordKind, _: RecordId) -> bool {
            true
        }
        fn exists_any(&self, _: RecordId) -> bool {
            true
        }
        fn exists_entry(&self, _: crisismap_core::crisis::EntryKind, _: RecordId) -> bool {
            true
        }
        fn exists_user(&self, _: crisismap_core::UserId) -> bool {
            true
        }
    }
    schema
        .validate(&RawRecord::from_data(schema, data), &Everything)
        .unwrap_or_else(|issues| panic!("the test's record is valid: {issues:?}"))
}

fn cred() -> NewCredential {
    NewCredential {
        password_hash: "$argon2id$not-a-real-hash".into(),
        must_change: false,
    }
}

fn cli() -> Actor {
    Actor::System("test".into())
}

async fn open(db: &TestDb) -> Store {
    Store::open(
        &db.location,
        OpenMode::CreateIfMissing,
        Arc::new(SystemClock),
    )
    .await
    .unwrap_or_else(|e| panic!("{}: open: {e}", db.name))
}

async fn workspace(store: &Store, name: &str, admin: &str) -> (WorkspaceId, UserId) {
    store
        .create_workspace(
            &WorkspaceName::parse(name).expect("valid"),
            Some("VR06".into()),
            &Email::parse(admin).expect("valid"),
            &DisplayName::parse("Beheerder").expect("valid"),
            cred(),
            &cli(),
        )
        .await
        .expect("workspace created")
}

async fn add_user(store: &Store, ws: WorkspaceId, email: &str, role: Role) -> UserId {
    let id = UserId::new();
    store
        .handle_workspace_command(
            ws,
            &cli(),
            WorkspaceCommand::AddUser {
                user_id: id,
                email: Email::parse(email).expect("valid"),
                display_name: DisplayName::parse("Gebruiker").expect("valid"),
                role,
            },
            Some(cred()),
        )
        .await
        .expect("user added");
    id
}

async fn exec(store: &Store, sql: &str) {
    sqlx::query(sql)
        .execute(store.raw_pool())
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

async fn drop_event_triggers(store: &Store) {
    match store.backend() {
        Backend::Sqlite => {
            exec(store, "DROP TRIGGER events_are_append_only_update").await;
            exec(store, "DROP TRIGGER events_are_append_only_delete").await;
        }
        Backend::Postgres => exec(store, "DROP TRIGGER events_are_append_only ON events").await,
    }
}

#[tokio::test]
async fn a_new_workspace_has_its_streams_and_its_first_admin() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ws, admin) = workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        let streams = store.streams(ws).await.expect("streams");
        let kinds: Vec<_> = streams.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![StreamKind::Workspace, StreamKind::Preparation],
            "{}",
            db.name
        );
        assert_eq!(streams[0].head_seq, 2, "{}", db.name);
        let users = store.users(ws).await.expect("users");
        assert_eq!(users.len(), 1);
        assert_eq!(users[0].id, admin);
        assert_eq!(users[0].role, Role::Admin);
        assert_eq!(
            store
                .workspace(ws)
                .await
                .expect("ws")
                .region_code
                .as_deref(),
            Some("VR06")
        );
        let by_mail = store
            .user_by_email(&Email::parse("BEHEER@voorbeeld.nl").expect("valid"))
            .await
            .expect("found by e-mail");
        assert_eq!(by_mail.id, admin);
        assert!(
            store.verify(None).await.expect("verify").is_intact(),
            "{}",
            db.name
        );
    }
}

#[tokio::test]
async fn events_cannot_be_changed_or_deleted_through_the_database() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        let update = sqlx::query("UPDATE events SET payload = '{}'")
            .execute(store.raw_pool())
            .await;
        assert!(update.is_err(), "{}: update must be refused", db.name);
        let delete = sqlx::query("DELETE FROM events")
            .execute(store.raw_pool())
            .await;
        assert!(delete.is_err(), "{}: delete must be refused", db.name);
        let count: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM events")
            .fetch_one(store.raw_pool())
            .await
            .expect("count");
        assert_eq!(count.0, 2, "{}", db.name);
    }
}

#[tokio::test]
async fn verify_names_the_stream_and_seq_of_a_changed_byte() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ws, _) = workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        for i in 0..4 {
            add_user(&store, ws, &format!("lid{i}@voorbeeld.nl"), Role::Member).await;
        }
        let stream = store
            .stream_of(ws, StreamKind::Workspace)
            .await
            .expect("stream")
            .id;
        drop_event_triggers(&store).await;
        // One byte of the payload of seq 4: "Gebruiker" becomes "gebruiker".
        exec(
            &store,
            &format!(
                "UPDATE events SET payload = REPLACE(payload, 'Gebruiker', 'gebruiker') \
                 WHERE stream_id = '{stream}' AND seq = 4"
            ),
        )
        .await;
        let report = store.verify(None).await.expect("verify runs");
        assert!(!report.is_intact(), "{}", db.name);
        let bad = report
            .streams
            .iter()
            .find(|s| s.fault.is_some())
            .expect("one bad stream");
        assert_eq!(bad.stream, stream, "{}", db.name);
        let fault = bad.fault.clone().expect("fault");
        assert_eq!(fault.seq, 4, "{}", db.name);
        assert_eq!(fault.fault, ChainFault::ContentChanged, "{}", db.name);
        assert_eq!(bad.length, 3, "{}", db.name);
    }
}

#[tokio::test]
async fn verify_finds_a_deleted_event_and_a_swapped_pair() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ws, _) = workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        for i in 0..5 {
            add_user(&store, ws, &format!("lid{i}@voorbeeld.nl"), Role::Member).await;
        }
        let stream = store
            .stream_of(ws, StreamKind::Workspace)
            .await
            .expect("stream")
            .id;
        drop_event_triggers(&store).await;

        exec(
            &store,
            &format!("DELETE FROM events WHERE stream_id = '{stream}' AND seq = 3"),
        )
        .await;
        let report = store.verify(Some(ws)).await.expect("verify");
        let fault = report.streams[0]
            .fault
            .clone()
            .expect("deleted event found");
        assert_eq!(fault.seq, 3, "{}", db.name);
        assert!(
            matches!(
                fault.fault,
                ChainFault::SeqGap {
                    expected: 3,
                    found: 4
                }
            ),
            "{}",
            db.name
        );

        // Put seq 3 back out of reach and swap 5 and 6 instead (via a free number).
        exec(
            &store,
            &format!("UPDATE events SET seq = 3 WHERE stream_id = '{stream}' AND seq = 4"),
        )
        .await;
        exec(
            &store,
            &format!("UPDATE events SET seq = 4 WHERE stream_id = '{stream}' AND seq = 5"),
        )
        .await;
        exec(
            &store,
            &format!("UPDATE events SET seq = 5 WHERE stream_id = '{stream}' AND seq = 6"),
        )
        .await;
        exec(
            &store,
            &format!("UPDATE events SET seq = 6 WHERE stream_id = '{stream}' AND seq = 4"),
        )
        .await;
        exec(
            &store,
            &format!("UPDATE events SET seq = 4 WHERE stream_id = '{stream}' AND seq = 5"),
        )
        .await;
        exec(
            &store,
            &format!("UPDATE events SET seq = 5 WHERE stream_id = '{stream}' AND seq = 6"),
        )
        .await;
        let report = store.verify(Some(ws)).await.expect("verify");
        let fault = report.streams[0]
            .fault
            .clone()
            .expect("renumbered events found");
        assert_eq!(fault.seq, 3, "{}: the first renumbered event", db.name);

        // Deleting the newest event leaves the head pointing past the end.
        let fresh = TestDb::sqlite();
        let store2 = open(&fresh).await;
        let (ws2, _) = workspace(&store2, "Gemeente Twee", "beheer@twee.nl").await;
        add_user(&store2, ws2, "lid@twee.nl", Role::Member).await;
        drop_event_triggers(&store2).await;
        exec(&store2, "DELETE FROM events WHERE seq = 3").await;
        let fault = store2.verify(None).await.expect("verify").streams[0]
            .fault
            .clone()
            .expect("tail");
        assert!(matches!(
            fault.fault,
            ChainFault::TailMissing {
                head_seq: 3,
                last_seq: 2
            }
        ));
    }
}

#[tokio::test]
async fn verify_finds_two_events_whose_contents_were_swapped() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ws, _) = workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        add_user(&store, ws, "een@voorbeeld.nl", Role::Member).await;
        add_user(&store, ws, "twee@voorbeeld.nl", Role::Viewer).await;
        let stream = store
            .stream_of(ws, StreamKind::Workspace)
            .await
            .expect("stream")
            .id;
        drop_event_triggers(&store).await;
        // Swap the order of seq 3 and 4 by exchanging their seq numbers.
        exec(
            &store,
            &format!("UPDATE events SET seq = 100 WHERE stream_id = '{stream}' AND seq = 3"),
        )
        .await;
        exec(
            &store,
            &format!("UPDATE events SET seq = 3 WHERE stream_id = '{stream}' AND seq = 4"),
        )
        .await;
        exec(
            &store,
            &format!("UPDATE events SET seq = 4 WHERE stream_id = '{stream}' AND seq = 100"),
        )
        .await;
        let report = store.verify(None).await.expect("verify");
        let bad = report
            .streams
            .iter()
            .find(|s| s.fault.is_some())
            .expect("swap found");
        assert_eq!(bad.stream, stream);
        assert_eq!(bad.fault.clone().expect("fault").seq, 3, "{}", db.name);
    }
}

#[tokio::test]
async fn a_rebuild_gives_identical_read_models() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ws, _) = workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        let (ws2, _) = workspace(&store, "Gemeente Buurdorp", "beheer@buurdorp.nl").await;
        let a = add_user(&store, ws, "a@voorbeeld.nl", Role::Editor).await;
        let b = add_user(&store, ws2, "b@buurdorp.nl", Role::Viewer).await;
        for (w, cmd) in [
            (
                ws,
                WorkspaceCommand::ChangeRole {
                    user_id: a,
                    role: Role::Member,
                },
            ),
            (ws, WorkspaceCommand::DisableUser { user_id: a }),
            (
                ws2,
                WorkspaceCommand::SetLanguage {
                    user_id: b,
                    language: crisismap_core::Lang::En,
                },
            ),
        ] {
            store
                .handle_workspace_command(w, &cli(), cmd, None)
                .await
                .expect("accepted");
        }
        // The register: the guidance's teams and agreements, then a team renamed and one archived.
        let [calamity, triangle, _] = crisismap_store::seed::seed_defaults(&store, ws, &cli())
            .await
            .expect("defaults");
        let team = store.record(ws, calamity).await.expect("team");
        let mut data = team.data.clone();
        data.insert("name".into(), "Calamiteitenteam ICT".into());
        store
            .save_records(
                ws,
                &cli(),
                vec![crisismap_store::RecordChange {
                    kind: RecordKind::Team,
                    id: Some(calamity),
                    expected_rev: Some(1),
                    record: checked(RecordKind::Team.schema(), &data),
                }],
            )
            .await
            .expect("renamed");
        store
            .archive_record(ws, &cli(), RecordKind::Team, triangle, Some(1))
            .await
            .expect("archived");
        // A crisis: opened, classified, one log entry.
        let opening = crisismap_core::crisis::CrisisState::open(
            "Storing",
            "",
            "2026-11-28T08:00:00Z".parse().expect("ts"),
            crisismap_core::crisis::Phase::Warm,
            false,
        )
        .expect("valid");
        let crisis = store
            .open_crisis(
                ws,
                &cli(),
                opening,
                vec![],
                crisismap_core::crisis::EntryKind::Dilemma,
            )
            .await
            .expect("opened");
        store
            .handle_crisis_command(
                ws,
                crisis,
                &cli(),
                crisismap_core::crisis::state::CrisisCommand::ChangeGrip {
                    grip: crisismap_core::crisis::Grip::Grip3,
                    reason: "Gevolgen voor inwoners".into(),
                },
                None,
            )
            .await
            .expect("grip");
        let mut log = serde_json::Map::new();
        log.insert("text".into(), "Melding".into());
        log.insert("category".into(), "report".into());
        log.insert("occurred_at".into(), "2026-11-28T08:30:00.000000Z".into());
        store
            .save_entries(
                ws,
                crisis,
                &cli(),
                vec![crisismap_store::EntryChange {
                    kind: crisismap_core::crisis::EntryKind::Log,
                    id: None,
                    expected_rev: None,
                    record: checked(crisismap_core::crisis::EntryKind::Log.schema(), &log),
                    occurred_at: None,
                    transcribed: None,
                }],
            )
            .await
            .expect("logged");
        let before = store.read_model_snapshot().await.expect("snapshot");
        assert!(before.iter().all(|(_, rows)| !rows.is_empty()));
        let replayed = store.rebuild().await.expect("rebuild");
        assert_eq!(replayed, 22, "{}", db.name);
        let after = store.read_model_snapshot().await.expect("snapshot");
        assert_eq!(before, after, "{}", db.name);
        let user = store.user(a).await.expect("user");
        assert!(user.disabled);
        assert_eq!(user.role, Role::Member);
    }
}

#[tokio::test]
async fn two_hundred_parallel_appends_to_one_stream_are_gapless() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ws, _) = workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        let stream = store
            .stream_of(ws, StreamKind::Preparation)
            .await
            .expect("stream")
            .id;
        let tasks: Vec<_> = (0..200)
            .map(|_| {
                let store = store.clone();
                tokio::spawn(async move {
                    let ev = DomainEvent::UserEnabled {
                        user_id: UserId::new(),
                    };
                    store.append(stream, Expected::Any, &cli(), &[ev]).await
                })
            })
            .collect();
        let mut seqs = Vec::new();
        for t in tasks {
            let envs = t
                .await
                .expect("task")
                .unwrap_or_else(|e| panic!("{}: append: {e}", db.name));
            seqs.extend(envs.iter().map(|e| e.seq));
        }
        seqs.sort_unstable();
        assert_eq!(seqs, (1..=200).collect::<Vec<i64>>(), "{}", db.name);
        let report = store.verify(Some(ws)).await.expect("verify");
        assert!(report.is_intact(), "{}: {report:?}", db.name);
        let prep = report
            .streams
            .iter()
            .find(|s| s.stream == stream)
            .expect("stream");
        assert_eq!(prep.length, 200);
    }
}

#[tokio::test]
async fn a_stale_version_is_refused_and_writes_nothing() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ws, _) = workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        let stream = store
            .stream_of(ws, StreamKind::Preparation)
            .await
            .expect("stream")
            .id;
        let ev = DomainEvent::UserEnabled {
            user_id: UserId::new(),
        };
        store
            .append(
                stream,
                Expected::Exactly(0),
                &cli(),
                std::slice::from_ref(&ev),
            )
            .await
            .expect("first");
        let stale = store
            .append(stream, Expected::Exactly(0), &cli(), &[ev])
            .await;
        assert!(
            matches!(
                stale,
                Err(StoreError::VersionConflict {
                    expected: 0,
                    found: 1
                })
            ),
            "{}: {stale:?}",
            db.name
        );
        assert_eq!(store.events(stream, 0, 10).await.expect("events").len(), 1);
    }
}

#[tokio::test]
async fn the_last_admin_stays_and_a_taken_email_is_refused() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ws, admin) = workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        let (ws2, _) = workspace(&store, "Gemeente Buurdorp", "beheer@buurdorp.nl").await;
        let r = store
            .handle_workspace_command(
                ws,
                &cli(),
                WorkspaceCommand::DisableUser { user_id: admin },
                None,
            )
            .await;
        assert!(
            matches!(r, Err(StoreError::Workspace(WorkspaceError::LastAdmin))),
            "{r:?}"
        );
        // Taken in another workspace: refused by the read model's unique key, nothing written.
        let head_before = store
            .stream_of(ws2, StreamKind::Workspace)
            .await
            .expect("s")
            .head_seq;
        let r = store
            .handle_workspace_command(
                ws2,
                &cli(),
                WorkspaceCommand::AddUser {
                    user_id: UserId::new(),
                    email: Email::parse("beheer@voorbeeld.nl").expect("valid"),
                    display_name: DisplayName::parse("Dubbel").expect("valid"),
                    role: Role::Viewer,
                },
                Some(cred()),
            )
            .await;
        assert!(matches!(r, Err(StoreError::Conflict)), "{}: {r:?}", db.name);
        let head_after = store
            .stream_of(ws2, StreamKind::Workspace)
            .await
            .expect("s")
            .head_seq;
        assert_eq!(head_before, head_after, "{}: nothing half-written", db.name);
        assert!(store.verify(None).await.expect("verify").is_intact());
    }
}

#[tokio::test]
async fn disabling_a_user_ends_their_sessions_and_tokens() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ws, _) = workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        let u = add_user(&store, ws, "lid@voorbeeld.nl", Role::Member).await;
        store
            .create_session("h1", u, ws, "csrf", 1)
            .await
            .expect("session");
        store
            .create_api_token(u, ws, &token("th1", Role::Member))
            .await
            .expect("token");
        assert!(store.session("h1").await.is_ok());
        assert!(store.use_api_token("th1").await.is_ok());
        store
            .handle_workspace_command(
                ws,
                &cli(),
                WorkspaceCommand::DisableUser { user_id: u },
                None,
            )
            .await
            .expect("disabled");
        assert!(
            matches!(store.session("h1").await, Err(StoreError::NotFound)),
            "{}",
            db.name
        );
        assert!(
            matches!(store.use_api_token("th1").await, Err(StoreError::NotFound)),
            "{}",
            db.name
        );
    }
}

fn token(hash: &str, role: Role) -> crisismap_store::NewApiToken<'_> {
    crisismap_store::NewApiToken {
        name: "script",
        token_hash: hash,
        scope: "write",
        expires_at: None,
        issued_role: role.code(),
        issued_with_mfa: false,
    }
}

#[tokio::test]
async fn making_a_user_an_administrator_ends_their_sessions_and_tokens() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ws, _) = workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        let u = add_user(&store, ws, "lid@voorbeeld.nl", Role::Member).await;
        store
            .create_session("h1", u, ws, "csrf", 1)
            .await
            .expect("session");
        store
            .create_api_token(u, ws, &token("th1", Role::Member))
            .await
            .expect("token");
        // Another role than administrator: the token stays (it stops working at the door,
        // which compares the role it was issued under).
        store
            .handle_workspace_command(
                ws,
                &cli(),
                WorkspaceCommand::ChangeRole {
                    user_id: u,
                    role: Role::Editor,
                },
                None,
            )
            .await
            .expect("editor");
        assert!(store.session("h1").await.is_ok(), "{}", db.name);
        store
            .handle_workspace_command(
                ws,
                &cli(),
                WorkspaceCommand::ChangeRole {
                    user_id: u,
                    role: Role::Admin,
                },
                None,
            )
            .await
            .expect("admin");
        assert!(
            matches!(store.session("h1").await, Err(StoreError::NotFound)),
            "{}: an administrator logs in anew, with a second factor",
            db.name
        );
        assert!(
            matches!(store.use_api_token("th1").await, Err(StoreError::NotFound)),
            "{}",
            db.name
        );
    }
}

#[tokio::test]
async fn every_attempt_at_a_secret_is_counted_even_in_a_burst() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let window = 15 * 60 * 1_000_000;
        let attempts = (0..40).map(|_| {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .count_attempt("password", "email:lid@voorbeeld.nl|10.0.0.1", window)
                    .await
                    .expect("counted")
            })
        });
        let mut counts: Vec<i64> = futures_util::future::join_all(attempts)
            .await
            .into_iter()
            .map(|r| r.expect("task"))
            .collect();
        counts.sort_unstable();
        assert_eq!(
            counts,
            (1..=40).collect::<Vec<i64>>(),
            "{}: each attempt got its own count",
            db.name
        );
        store
            .clear_attempts("password", "email:lid@voorbeeld.nl|10.0.0.1")
            .await
            .expect("cleared");
        let again = store
            .count_attempt("password", "email:lid@voorbeeld.nl|10.0.0.1", window)
            .await
            .expect("counted");
        assert_eq!(again, 1, "{}", db.name);
    }
}

#[tokio::test]
async fn committed_appends_reach_subscribers() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ws, _) = workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        // A second handle, as a second server instance would have.
        let other = open(&db).await;
        let mut rx = other.subscribe();
        let stream = store
            .stream_of(ws, StreamKind::Preparation)
            .await
            .expect("stream")
            .id;
        let ev = DomainEvent::UserEnabled {
            user_id: UserId::new(),
        };
        store
            .append(stream, Expected::Any, &cli(), &[ev])
            .await
            .expect("append");
        if store.backend() == Backend::Sqlite {
            // SQLite is one process: the notice goes to the handle that wrote.
            rx = store.subscribe();
            let ev = DomainEvent::UserEnabled {
                user_id: UserId::new(),
            };
            store
                .append(stream, Expected::Any, &cli(), &[ev])
                .await
                .expect("append");
        }
        let notice = tokio::time::timeout(std::time::Duration::from_secs(5), rx.recv())
            .await
            .unwrap_or_else(|_| panic!("{}: no notice within 5 s", db.name))
            .expect("notice");
        assert_eq!(notice.stream, stream);
        assert_eq!(notice.workspace, ws);
    }
}

#[tokio::test]
async fn the_audit_log_counts_recent_failed_logins_of_an_account() {
    for db in TestDb::all().await {
        let clock = Arc::new(ManualClock::new(
            "2026-11-28T12:00:00Z".parse().expect("ts"),
        ));
        let store = Store::open(&db.location, OpenMode::CreateIfMissing, clock.clone())
            .await
            .expect("open");
        let rec = |result: &str| crisismap_store::AuditRecord {
            workspace: None,
            actor: "email:a@voorbeeld.nl".into(),
            action: "login".into(),
            object: "session".into(),
            result: result.into(),
            origin: "127.0.0.1".into(),
        };
        let start = clock.now_us();
        for _ in 0..3 {
            store.audit(&rec("failed")).await.expect("audit");
        }
        store.audit(&rec("ok")).await.expect("audit");
        let (failed, last) = store
            .failed_logins_since("a@voorbeeld.nl", start - 1)
            .await
            .expect("count");
        assert_eq!(failed, 3, "{}", db.name);
        assert_eq!(last.map(|(_, origin)| origin).as_deref(), Some("127.0.0.1"));
        clock.advance_minutes(20);
        let later = clock.now_us() - 15 * 60 * 1_000_000;
        let (failed, last) = store
            .failed_logins_since("a@voorbeeld.nl", later)
            .await
            .expect("count");
        assert_eq!((failed, last), (0, None), "{}", db.name);
        let audit_delete = sqlx::query("DELETE FROM audit_log")
            .execute(store.raw_pool())
            .await;
        assert!(
            audit_delete.is_err(),
            "{}: the audit log is append-only",
            db.name
        );
    }
}

#[tokio::test]
async fn opening_refuses_a_mistyped_or_foreign_location() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("notes.txt"), "mine").expect("write");
    let clock = Arc::new(SystemClock);
    let err = Store::open(
        &Location::DataDir(dir.path().to_path_buf()),
        OpenMode::CreateIfMissing,
        clock.clone(),
    )
    .await
    .expect_err("a non-empty folder without a database is refused");
    assert!(err.to_string().contains("not empty"), "{err}");
    assert!(
        !dir.path().join("crisismap.db").exists(),
        "nothing was created"
    );

    let missing = dir.path().join("nieuw");
    let err = Store::open(
        &Location::DataDir(missing.clone()),
        OpenMode::MustExist,
        clock.clone(),
    )
    .await
    .expect_err("verify on a missing folder is refused");
    assert!(err.to_string().contains("no crisismap database"), "{err}");
    assert!(!missing.exists());

    let file = dir.path().join("notes.txt");
    let err = Store::open(
        &Location::DataDir(file),
        OpenMode::CreateIfMissing,
        clock.clone(),
    )
    .await
    .expect_err("a file is not a folder");
    assert!(err.to_string().contains("not a folder"), "{err}");

    let err = Store::open(
        &Location::Url("mysql://x".into()),
        OpenMode::CreateIfMissing,
        clock,
    )
    .await
    .expect_err("unsupported URL");
    assert!(err.to_string().contains("unsupported"), "{err}");
}

fn contact(name: &str) -> crisismap_store::RecordChange {
    let raw = crisismap_core::register::RawRecord::from_pairs([
        ("name", name),
        ("phones.0.label", "mobile"),
        ("phones.0.number", "06-12345678"),
    ]);
    struct NoRefs;
    impl crisismap_core::register::RefLookup for NoRefs {
        fn exists(&self, _: RecordKind, _: crisismap_core::register::RecordId) -> bool {
            false
        }
    }
    crisismap_store::RecordChange {
        kind: RecordKind::Contact,
        id: None,
        expected_rev: None,
        record: RecordKind::Contact
            .schema()
            .validate(&raw, &NoRefs)
            .expect("valid"),
    }
}

#[tokio::test]
async fn register_names_are_unique_per_kind_and_a_batch_is_all_or_nothing() {
    use crisismap_core::register::RegisterError;
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ws, _) = workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        let ids = store
            .save_records(ws, &cli(), vec![contact("Sanne de Vries")])
            .await
            .expect("saved");
        let dup = store
            .save_records(ws, &cli(), vec![contact("  sanne DE vries ")])
            .await;
        assert!(
            matches!(dup, Err(StoreError::Register(RegisterError::NameTaken))),
            "{}: {dup:?}",
            db.name
        );
        // 3 new contacts, the last a duplicate of the first: none are saved.
        let batch = store
            .save_records(
                ws,
                &cli(),
                vec![contact("Anna"), contact("Bram"), contact("anna")],
            )
            .await;
        assert!(matches!(
            batch,
            Err(StoreError::Register(RegisterError::NameTaken))
        ));
        let names: Vec<String> = store
            .records(ws, RecordKind::Contact)
            .await
            .expect("records")
            .into_iter()
            .map(|r| r.title)
            .collect();
        assert_eq!(names, vec!["Sanne de Vries"], "{}", db.name);
        // Another workspace may use the same name; an archived name may be used again.
        let (ws2, _) = workspace(&store, "Gemeente Buurdorp", "beheer@buurdorp.nl").await;
        store
            .save_records(ws2, &cli(), vec![contact("Sanne de Vries")])
            .await
            .expect("other workspace");
        store
            .archive_record(ws, &cli(), RecordKind::Contact, ids[0], Some(1))
            .await
            .expect("archived");
        store
            .save_records(ws, &cli(), vec![contact("Sanne de Vries")])
            .await
            .expect("name free again");
        assert!(store.verify(None).await.expect("verify").is_intact());
    }
}

#[tokio::test]
async fn a_register_change_based_on_an_old_revision_is_refused() {
    use crisismap_core::register::RegisterError;
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ws, _) = workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        let id = store
            .save_records(ws, &cli(), vec![contact("Sanne de Vries")])
            .await
            .expect("saved")[0];
        let edit = |rev: i64, name: &str| {
            let mut c = contact(name);
            c.id = Some(id);
            c.expected_rev = Some(rev);
            c
        };
        store
            .save_records(ws, &cli(), vec![edit(1, "Sanne de Vries-Bakker")])
            .await
            .expect("first editor");
        let second = store
            .save_records(ws, &cli(), vec![edit(1, "S. de Vries")])
            .await;
        assert!(
            matches!(
                second,
                Err(StoreError::Register(RegisterError::Stale { current: 2 }))
            ),
            "{}: {second:?}",
            db.name
        );
        let record = store.record(ws, id).await.expect("record");
        assert_eq!(
            (record.title.as_str(), record.rev),
            ("Sanne de Vries-Bakker", 2)
        );
    }
}

/// The documents that end with the chain's verification reuse a verification only while the
/// stream's head has not moved and for at most a minute; a change behind the store's back is
/// found once it is older than that, and a new event always walks the chain again.
#[tokio::test]
async fn a_recent_verification_is_reused_only_while_the_head_stands_and_for_a_minute() {
    for db in TestDb::all().await {
        let clock = Arc::new(crisismap_core::ManualClock::new(
            "2026-11-28T08:00:00Z".parse().expect("ts"),
        ));
        let store = Store::open(&db.location, OpenMode::CreateIfMissing, clock.clone())
            .await
            .expect("open");
        let (ws, _) = workspace(&store, "Gemeente Voorbeeld", "beheer@voorbeeld.nl").await;
        let stream = store
            .stream_of(ws, StreamKind::Workspace)
            .await
            .expect("stream")
            .id;
        let (first, at) = store.verify_stream_recent(stream).await.expect("verify");
        assert!(first.fault.is_none(), "{}", db.name);
        // Changed behind the store's back: within the minute the earlier walk stands…
        drop_event_triggers(&store).await;
        exec(
            &store,
            &format!(
                "UPDATE events SET payload = REPLACE(payload, 'Gemeente Voorbeeld', 'Gemeente Anders') \
                 WHERE stream_id = '{stream}' AND seq = 1"
            ),
        )
        .await;
        let (again, when) = store.verify_stream_recent(stream).await.expect("verify");
        assert_eq!((again.fault.is_none(), when), (true, at), "{}", db.name);
        // …and a minute later the chain is walked again and the change is found.
        clock.advance_minutes(1);
        let (later, when) = store.verify_stream_recent(stream).await.expect("verify");
        assert!(later.fault.is_some(), "{}: found after a minute", db.name);
        assert!(when > at);
        // A new event moves the head: walked again at once.
        let (ws2, _) = workspace(&store, "Gemeente Twee", "beheer@twee.nl").await;
        let other = store
            .stream_of(ws2, StreamKind::Workspace)
            .await
            .expect("stream")
            .id;
        let (before, t1) = store.verify_stream_recent(other).await.expect("verify");
        add_user(&store, ws2, "lid@twee.nl", Role::Member).await;
        let (fresh, t2) = store.verify_stream_recent(other).await.expect("verify");
        assert_eq!(t1, t2, "the clock stood still");
        assert_eq!(
            fresh.length,
            before.length + 1,
            "{}: the new head was walked to",
            db.name
        );
    }
}
