//! The second security round, as a probe tries it: tokens that are only API keys, throttles
//! that hold under bursts, sessions and tokens that end when they should, the workspace's
//! user list for administrators only, guests who add to the record but do not steer, live
//! streams with a cap that end with their session, slow clients cut off, HSTS, error bodies
//! that survive compression, and login timing that does not tell which accounts exist.

use crate::common::*;
use crisismap_core::Role;
use crisismap_testing::TestDb;
use crisismap_web::WebConfig;
use futures_util::StreamExt;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

async fn id_of(r: reqwest::Response) -> String {
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert!(status.is_success(), "{status}: {v}");
    v["id"].as_str().expect("id").to_owned()
}

/// A bearer token sent to a page route, as a script would: refused as not logged in (401,
/// which a page answers by sending the visitor to the login).
async fn refused_with_token(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: &str,
) -> bool {
    let r = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .request(method, format!("{}{path}", app.base))
        .bearer_auth(token)
        .form(&[("name", "tweede"), ("code", "123456")])
        .send()
        .await
        .expect("request");
    r.status() == StatusCode::UNAUTHORIZED
        || (r.status() == StatusCode::SEE_OTHER && location(r.headers()).starts_with("/inloggen"))
}

#[tokio::test]
async fn a_token_is_an_api_key_and_ends_when_the_user_changes() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let viewer = app.api_as(&email_for(Role::Viewer)).await;
        // Outside the API a token opens nothing: no new token, no second factor of the
        // holder's choosing, no account page.
        for (method, path) in [
            (reqwest::Method::POST, "/account/tokens"),
            (reqwest::Method::POST, "/account/tweestaps/start"),
            (reqwest::Method::POST, "/account/tweestaps/bevestigen"),
            (reqwest::Method::GET, "/account"),
            (reqwest::Method::GET, "/beheer/audit"),
        ] {
            assert!(
                refused_with_token(&app, method.clone(), path, &viewer.token).await,
                "{}: {method} {path}",
                app.db_name
            );
        }
        assert_eq!(viewer.get("/api/v1/me").await.status(), StatusCode::OK);

        // The workspace's own stream names every user: administrators only; the register's
        // stream is everyone's to read.
        let ws_stream = app
            .stream(app.ws, crisismap_core::StreamKind::Workspace)
            .await;
        let register = app
            .stream(app.ws, crisismap_core::StreamKind::Preparation)
            .await;
        for role in [Role::Viewer, Role::Member, Role::Editor, Role::Admin] {
            let api = app.api_as(&email_for(role)).await;
            let r = api
                .get(&format!("/api/v1/streams/{ws_stream}/events"))
                .await;
            let expected = if role == Role::Admin {
                StatusCode::OK
            } else {
                StatusCode::FORBIDDEN
            };
            assert_eq!(
                r.status(),
                expected,
                "{}: {role:?}, workspace stream",
                app.db_name
            );
            let r = api.get(&format!("/api/v1/streams/{register}/events")).await;
            assert_eq!(r.status(), StatusCode::OK, "{}: {role:?}", app.db_name);
        }

        // A member promoted to administrator: the old token no longer reads the user list.
        let member = app.api_as(&email_for(Role::Member)).await;
        let member_id = app.user_id(&email_for(Role::Member)).await;
        let mut boss = app.login(&email_for(Role::Admin)).await;
        boss.refresh_csrf("/beheer/gebruikers").await;
        let r = boss
            .post_form(
                &format!("/beheer/gebruikers/{member_id}/rol"),
                &[("role", "admin")],
            )
            .await;
        assert!(r.status().is_redirection(), "{}", r.status());
        assert_eq!(
            member.get("/api/v1/users").await.status(),
            StatusCode::UNAUTHORIZED,
            "{}: the promoted member's old token",
            app.db_name
        );

        // A role change of another kind: the token was issued under the old role.
        let editor = app.api_as(&email_for(Role::Editor)).await;
        let editor_id = app.user_id(&email_for(Role::Editor)).await;
        let r = boss
            .post_form(
                &format!("/beheer/gebruikers/{editor_id}/rol"),
                &[("role", "viewer")],
            )
            .await;
        assert!(r.status().is_redirection());
        assert_eq!(
            editor.get("/api/v1/crises").await.status(),
            StatusCode::UNAUTHORIZED,
            "{}: issued under another role",
            app.db_name
        );

        // A second factor for everyone: a token issued without one stops writing.
        let viewer_before = app.api_as(&email_for(Role::Viewer)).await;
        let r = boss
            .post_form("/beheer/tweestaps", &[("verplicht", "alle")])
            .await;
        assert!(r.status().is_redirection(), "{}", r.status());
        assert_eq!(
            viewer_before.get("/api/v1/crises").await.status(),
            StatusCode::UNAUTHORIZED,
            "{}: issued without the second factor the workspace now requires",
            app.db_name
        );
    }
}

/// Makes a token on the account page, as its owner does, and returns it.
async fn issue_token(b: &Browser, scope: &str, days: &str) -> String {
    let r = b
        .post_form(
            "/account/tokens",
            &[("name", "script"), ("scope", scope), ("days", days)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let body = r.text().await.expect("body");
    let start = body.find("cm_").expect("token shown once");
    body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

#[tokio::test]
async fn tokens_have_a_scope_and_an_expiry_and_all_access_ends_with_a_new_password() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let email = email_for(Role::Editor);
        let b = app.login(&email).await;
        let issue = |scope: &'static str, days: &'static str| issue_token(&b, scope, days);
        let client = reqwest::Client::new();
        let call = |method: reqwest::Method, path: &str, token: &str| {
            client
                .request(method, format!("{}{path}", app.base))
                .bearer_auth(token)
                .json(&json!({"title": "Proef", "phase": "warm"}))
                .send()
        };
        let reader = issue("read", "7").await;
        assert_eq!(
            call(reqwest::Method::GET, "/api/v1/crises", &reader)
                .await
                .expect("r")
                .status(),
            StatusCode::OK
        );
        assert_eq!(
            call(reqwest::Method::POST, "/api/v1/crises", &reader)
                .await
                .expect("r")
                .status(),
            StatusCode::FORBIDDEN,
            "{}: a read-only token does not write",
            app.db_name
        );
        let writer = issue("write", "0").await;
        assert_eq!(
            call(reqwest::Method::POST, "/api/v1/crises", &writer)
                .await
                .expect("r")
                .status(),
            StatusCode::CREATED
        );
        // Eight days on, the seven-day token has expired; the other never does.
        app.clock.advance_minutes(8 * 24 * 60);
        assert_eq!(
            call(reqwest::Method::GET, "/api/v1/crises", &reader)
                .await
                .expect("r")
                .status(),
            StatusCode::UNAUTHORIZED,
            "{}: expired",
            app.db_name
        );
        assert_eq!(
            call(reqwest::Method::GET, "/api/v1/crises", &writer)
                .await
                .expect("r")
                .status(),
            StatusCode::OK
        );

        // A new password ends every other session and every token; this browser goes on.
        let mut here = app.login(&email).await;
        let elsewhere = app.login(&email).await;
        let token = issue_token(&here, "write", "0").await;
        here.refresh_csrf("/wachtwoord").await;
        let r = here
            .post_form(
                "/wachtwoord",
                &[
                    ("current", PASSWORD),
                    ("new", "een heel ander lang wachtwoord"),
                    ("repeat", "een heel ander lang wachtwoord"),
                ],
            )
            .await;
        assert!(r.status().is_redirection(), "{}", r.status());
        let (status, _) = here.page("/account").await;
        assert_eq!(
            status,
            StatusCode::OK,
            "{}: this browser goes on",
            app.db_name
        );
        let r = elsewhere.get("/account").await;
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "{}: the other session ended",
            app.db_name
        );
        assert_eq!(
            call(reqwest::Method::GET, "/api/v1/crises", &token)
                .await
                .expect("r")
                .status(),
            StatusCode::UNAUTHORIZED
        );

        // Log out everywhere: this session too.
        let r = here.post_form("/account/overal-uitloggen", &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert!(location(r.headers()).starts_with("/inloggen"));
        let r = here.get("/account").await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        assert!(app.audit_text().await.contains("log_out_everywhere"));
    }
}

/// A client behind a proxy that names its address, so that tests can speak from several.
fn from(address: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        "x-forwarded-for",
        reqwest::header::HeaderValue::from_str(address).expect("header"),
    );
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .expect("client")
}

async fn login_from(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> StatusCode {
    let page = client
        .get(format!("{}/inloggen", app.base))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    let csrf = csrf_in(&page).expect("csrf");
    client
        .post(format!("{}/inloggen", app.base))
        .form(&[
            ("_csrf", csrf.as_str()),
            ("email", email),
            ("password", password),
        ])
        .send()
        .await
        .expect("login")
        .status()
}

#[tokio::test]
async fn a_burst_of_guesses_is_counted_before_any_is_checked() {
    for db in TestDb::all().await {
        let config = WebConfig {
            behind_proxy: true,
            ..WebConfig::default()
        };
        let app = TestApp::spawn_with(db, config).await;
        let email = email_for(Role::Member);
        let b = Browser {
            client: from("203.0.113.10"),
            base: app.base.clone(),
            csrf: String::new(),
        };
        let page = b.get("/inloggen").await.text().await.expect("body");
        let csrf = csrf_in(&page).expect("csrf");
        let guesses = (0..100).map(|i| {
            let (client, base, csrf, email) = (
                b.client.clone(),
                b.base.clone(),
                csrf.clone(),
                email.clone(),
            );
            async move {
                client
                    .post(format!("{base}/inloggen"))
                    .form(&[
                        ("_csrf", csrf.as_str()),
                        ("email", email.as_str()),
                        ("password", format!("fout wachtwoord {i}").as_str()),
                    ])
                    .send()
                    .await
                    .expect("guess")
                    .status()
            }
        });
        let statuses = futures_util::future::join_all(guesses).await;
        let checked = statuses
            .iter()
            .filter(|s| **s == StatusCode::UNAUTHORIZED)
            .count();
        let refused = statuses
            .iter()
            .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
            .count();
        assert_eq!(checked + refused, 100, "{}: {statuses:?}", app.db_name);
        assert!(
            checked <= 10,
            "{}: {checked} guesses were checked",
            app.db_name
        );

        // Forty codes at once for a password-checked administrator.
        let mut admin = Browser {
            client: from("198.51.100.20"),
            base: app.base.clone(),
            csrf: String::new(),
        };
        let r = admin.login(&email_for(Role::Admin), PASSWORD).await;
        assert!(location(r.headers()).starts_with("/inloggen/code"));
        admin.refresh_csrf("/inloggen/code").await;
        let codes = (0..40).map(|i| {
            let (client, base, csrf) =
                (admin.client.clone(), admin.base.clone(), admin.csrf.clone());
            async move {
                client
                    .post(format!("{base}/inloggen/code"))
                    .form(&[
                        ("_csrf", csrf.as_str()),
                        ("code", format!("{:06}", i * 7919 % 1_000_000).as_str()),
                    ])
                    .send()
                    .await
                    .expect("code")
                    .status()
            }
        });
        let statuses = futures_util::future::join_all(codes).await;
        let checked = statuses
            .iter()
            .filter(|s| **s == StatusCode::UNAUTHORIZED)
            .count();
        assert!(
            checked <= 10,
            "{}: {checked} codes were checked",
            app.db_name
        );
    }
}

#[tokio::test]
async fn a_stranger_cannot_lock_the_owner_out_and_the_owner_is_told() {
    for db in TestDb::all().await {
        let config = WebConfig {
            behind_proxy: true,
            ..WebConfig::default()
        };
        let app = TestApp::spawn_with(db, config).await;
        let email = email_for(Role::Member);
        let stranger = from("203.0.113.66");
        for _ in 0..10 {
            assert_eq!(
                login_from(&app, &stranger, &email, "geraden").await,
                StatusCode::UNAUTHORIZED
            );
        }
        assert_eq!(
            login_from(&app, &stranger, &email, PASSWORD).await,
            StatusCode::TOO_MANY_REQUESTS,
            "{}: the failing address is locked, even with the right password",
            app.db_name
        );
        let owner = from("198.51.100.7");
        assert_eq!(
            login_from(&app, &owner, &email, PASSWORD).await,
            StatusCode::SEE_OTHER,
            "{}: the owner gets in from their own address",
            app.db_name
        );
        // The owner is told; the administrators see it in the audit log.
        let account = owner
            .get(format!("{}/account", app.base))
            .send()
            .await
            .expect("account")
            .text()
            .await
            .expect("body");
        assert!(
            account.contains("Mislukte inlogpogingen"),
            "{}",
            app.db_name
        );
        assert!(account.contains("203.0.113.66"));
        let mut admin = app.login(&email_for(Role::Admin)).await;
        let (_, audit) = admin.page("/beheer/audit").await;
        assert!(
            audit.contains(&format!("email:{email}")),
            "{}: failed logins visible",
            app.db_name
        );
        // An unknown account stays out of every workspace's audit log.
        login_from(&app, &stranger, "niemand@nergens.nl", "x").await;
        let (_, audit) = admin.page("/beheer/audit").await;
        assert!(!audit.contains("niemand@nergens.nl"));
    }
}

#[tokio::test]
async fn password_and_code_checks_inside_the_account_are_throttled_too() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let mut b = app.login(&email_for(Role::Editor)).await;
        b.refresh_csrf("/wachtwoord").await;
        let mut last = StatusCode::OK;
        for i in 0..11 {
            let r = b
                .post_form(
                    "/wachtwoord",
                    &[
                        ("current", format!("geraden {i}").as_str()),
                        ("new", "een heel ander lang wachtwoord"),
                        ("repeat", "een heel ander lang wachtwoord"),
                    ],
                )
                .await;
            last = r.status();
        }
        assert_eq!(last, StatusCode::TOO_MANY_REQUESTS, "{}", app.db_name);
        let r = b
            .post_form(
                "/wachtwoord",
                &[
                    ("current", PASSWORD),
                    ("new", "een heel ander lang wachtwoord"),
                    ("repeat", "een heel ander lang wachtwoord"),
                ],
            )
            .await;
        assert_eq!(
            r.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "{}: not even the right one",
            app.db_name
        );

        let mut admin = app.login(&email_for(Role::Admin)).await;
        admin.refresh_csrf("/account/tweestaps").await;
        let mut last = StatusCode::OK;
        for i in 0..11 {
            let r = admin
                .post_form(
                    "/account/tweestaps/herstelcodes",
                    &[("code", format!("{:06}", 100_000 + i).as_str())],
                )
                .await;
            last = r.status();
        }
        assert_eq!(last, StatusCode::TOO_MANY_REQUESTS, "{}", app.db_name);
        let code = app.admin_totp_code();
        let r = admin
            .post_form(
                "/account/tweestaps/herstelcodes",
                &[("code", code.as_str())],
            )
            .await;
        assert_eq!(
            r.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "{}: not even the right one",
            app.db_name
        );
    }
}

#[tokio::test]
async fn logging_in_takes_as_long_for_an_account_that_does_not_exist() {
    // Real password hashing, as in production: the difference would otherwise drown.
    let config = WebConfig {
        password_cost: crisismap_web::PasswordCost::Default,
        // Each sample from its own address (X-Forwarded-For), so that no throttle answers
        // in its place.
        behind_proxy: true,
        ..WebConfig::default()
    };
    let app = TestApp::spawn_exactly(TestDb::sqlite(), config).await;
    let known = email_for(Role::Viewer);
    let user = app.user_id(&known).await;
    app.store
        .set_password(
            user,
            crisismap_store::NewCredential {
                password_hash: crisismap_web::hash_password(
                    PASSWORD,
                    crisismap_web::PasswordCost::Default,
                ),
                must_change: false,
            },
        )
        .await
        .expect("password");
    let client = from("192.0.2.1");
    // Warm up both paths.
    login_from(&app, &client, "onbekend@voorbeeld.nl", "x").await;
    login_from(&app, &client, &known, "x").await;
    // Interleaved samples. Whatever else the machine does (the other tests of this suite
    // run beside this one) only ever adds time, so the fastest of each kind is its own
    // work: those are compared, and the medians are reported beside them.
    let (mut existing, mut unknown) = (vec![], vec![]);
    for i in 0..21 {
        let c = from(&format!("192.0.2.{}", 10 + i));
        let t = Instant::now();
        login_from(&app, &c, &known, "fout").await;
        existing.push(t.elapsed());
        let t = Instant::now();
        login_from(&app, &c, &format!("onbekend{i}@voorbeeld.nl"), "fout").await;
        unknown.push(t.elapsed());
    }
    existing.sort();
    unknown.sort();
    let ratio = unknown[0].as_secs_f64() / existing[0].as_secs_f64();
    // Before: an unknown account hashed a new dummy and then verified it, twice the work.
    assert!(
        (0.67..1.5).contains(&ratio),
        "fastest unknown {:?} / fastest existing {:?} = {ratio:.2} (medians {:?} and {:?})",
        unknown[0],
        existing[0],
        unknown[10],
        existing[10]
    );
}

#[tokio::test]
async fn a_guest_adds_to_the_record_but_does_not_steer_the_crisis() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let advisor = app.api_as(&email_for(Role::Editor)).await;
        let crisis = id_of(
            advisor
                .post_json(
                    "/api/v1/crises",
                    &json!({"title": "Aanval op BrugSturing", "phase": "warm", "started_at": "2026-11-28T08:00"}),
                )
                .await,
        )
        .await;
        let r = advisor
            .post_json(
                &format!("/api/v1/crises/{crisis}/guests"),
                &json!({"email": "liaison@brugsturing.nl", "display_name": "Liaison BrugSturing"}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::CREATED);
        let guest_id = app.user_id("liaison@brugsturing.nl").await;
        app.store
            .set_password(
                guest_id,
                crisismap_store::NewCredential {
                    password_hash: crisismap_web::hash_password(
                        PASSWORD,
                        crisismap_web::PasswordCost::Fast,
                    ),
                    must_change: false,
                },
            )
            .await
            .expect("password");
        let mut guest = app.login("liaison@brugsturing.nl").await;
        guest.refresh_csrf(&format!("/crisis/{crisis}")).await;
        // Steering: refused through both doors.
        for (path, fields) in [
            ("grip", vec![("grip", "grip4"), ("reason", "x")]),
            ("fase", vec![("phase", "aftermath"), ("reason", "x")]),
            ("afsluiten", vec![("reason", "x")]),
            ("overdracht", vec![("coordinator", "x")]),
            ("teams", vec![("reason", "x")]),
            ("uitval", vec![("reason", "x")]),
            ("classificatie", vec![("choice", "accept")]),
        ] {
            let r = guest
                .post_form(&format!("/crisis/{crisis}/{path}"), &fields)
                .await;
            assert_eq!(
                r.status(),
                StatusCode::FORBIDDEN,
                "{}: guest {path}",
                app.db_name
            );
        }
        let r = guest
            .post_form(
                &format!("/crisis/{crisis}/besluiten"),
                &[
                    ("title", "x"),
                    ("decision", "x"),
                    ("considerations", "x"),
                    ("decided_by", "x"),
                    ("decided_at", "2026-11-28T09:30"),
                ],
            )
            .await;
        assert_eq!(
            r.status(),
            StatusCode::FORBIDDEN,
            "{}: a guest does not decide",
            app.db_name
        );
        // Adding to the record: a log line, a fact, their organisation's status, attendance.
        let r = guest
            .post_form(
                &format!("/crisis/{crisis}/logboek"),
                &[
                    ("occurred_at", "2026-11-28T09:30"),
                    ("category", "contact"),
                    ("text", "Cloud draait weer"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        let r = guest
            .post_form(
                &format!("/crisis/{crisis}/feiten"),
                &[("statement", "Back-ups zijn intact"), ("nature", "fact")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        let (_, picture) = guest.page(&format!("/crisis/{crisis}")).await;
        assert!(
            !picture.contains(&format!("action=\"/crisis/{crisis}/grip\"")),
            "no steering forms for a guest"
        );
        assert!(picture.contains("Back-ups zijn intact"));
    }
}

#[tokio::test]
async fn live_streams_have_a_cap_and_end_with_their_session() {
    for db in TestDb::all().await {
        let config = WebConfig {
            max_live_per_user: 3,
            max_live_total: 4,
            live_recheck: Duration::from_millis(200),
            ..WebConfig::default()
        };
        let app = TestApp::spawn_with(db, config).await;
        let stream = app
            .stream(app.ws, crisismap_core::StreamKind::Preparation)
            .await;
        let b = app.login(&email_for(Role::Viewer)).await;
        let mut open = vec![];
        for _ in 0..3 {
            let r = b.get(&format!("/live/{stream}")).await;
            assert_eq!(r.status(), StatusCode::OK);
            open.push(r);
        }
        let r = b.get(&format!("/live/{stream}")).await;
        assert_eq!(
            r.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "{}: the fourth",
            app.db_name
        );
        drop(r);
        // The instance holds four at most: another user gets one, then 429.
        let other = app.login(&email_for(Role::Member)).await;
        let fourth = other.get(&format!("/live/{stream}")).await;
        assert_eq!(fourth.status(), StatusCode::OK);
        let r = other.get(&format!("/live/{stream}")).await;
        assert_eq!(
            r.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "{}: the instance's cap",
            app.db_name
        );
        drop(r);
        drop(fourth);
        // Logging out ends the streams of that session.
        let first = open.remove(0);
        let r = b.post_form("/uitloggen", &[]).await;
        assert!(r.status().is_redirection());
        let mut body = first.bytes_stream();
        let ended = tokio::time::timeout(Duration::from_secs(5), async {
            while let Some(chunk) = body.next().await {
                if chunk.is_err() {
                    break;
                }
            }
        })
        .await;
        assert!(
            ended.is_ok(),
            "{}: the stream ended with its session",
            app.db_name
        );
        drop(open);
        // A closed stream gives its place back.
        let c = app.login(&email_for(Role::Viewer)).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let r = c.get(&format!("/live/{stream}")).await;
        assert_eq!(r.status(), StatusCode::OK, "{}", app.db_name);
    }
}

#[tokio::test]
async fn silent_and_half_sent_connections_are_closed() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let config = WebConfig {
        header_read_timeout: Duration::from_millis(800),
        max_connections: 64,
        ..WebConfig::default()
    };
    let app = TestApp::spawn_with(TestDb::sqlite(), config).await;
    let addr = app.base.trim_start_matches("http://").to_owned();
    let mut sockets = vec![];
    for i in 0..60 {
        let mut s = tokio::net::TcpStream::connect(&addr)
            .await
            .expect("connect");
        if i % 2 == 0 {
            s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
                .await
                .expect("half");
        }
        sockets.push(s);
    }
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let mut closed = 0;
    for s in &mut sockets {
        let mut buf = [0u8; 64];
        match tokio::time::timeout(Duration::from_millis(200), s.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => closed += 1,
            Ok(Ok(_)) => closed += 1, // an error answer (408) counts: the server gave up on it
            Err(_) => {}
        }
    }
    assert_eq!(
        closed, 60,
        "every silent or half-sent connection was closed"
    );
    // The server still answers.
    let r = reqwest::get(format!("{}/healthz", app.base))
        .await
        .expect("health");
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn hsts_when_served_securely_and_error_bodies_survive_compression() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    let r = app.browser().get("/inloggen").await;
    assert!(r.headers().get("strict-transport-security").is_none());
    let secure = TestApp::spawn_with(
        TestDb::sqlite(),
        WebConfig {
            behind_proxy: true,
            ..WebConfig::default()
        },
    )
    .await;
    let r = reqwest::Client::new()
        .get(format!("{}/inloggen", secure.base))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .expect("page");
    assert!(
        r.headers()
            .get("strict-transport-security")
            .is_some_and(|v| v.to_str().unwrap_or("").starts_with("max-age=")),
        "HSTS behind a TLS proxy"
    );
    // A problem document asked for with gzip: readable JSON, whatever the encoding.
    let api = app.api_as(&email_for(Role::Editor)).await;
    let r = api
        .client
        .post(format!("{}/api/v1/crises", app.base))
        .bearer_auth(&api.token)
        .header("accept-encoding", "gzip")
        .header("content-type", "application/json")
        .body("{\"title\": 5}")
        .send()
        .await
        .expect("problem");
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let encoded = r.headers().get("content-encoding").is_some();
    let body = r.bytes().await.expect("body");
    assert!(!encoded, "errors are not compressed");
    let problem: Value = serde_json::from_slice(&body).expect("a readable problem document");
    assert_eq!(problem["errors"][0]["field"], "title");
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_for_a_free_one() {
    let config = WebConfig {
        header_read_timeout: Duration::from_millis(1500),
        max_connections: 2,
        ..WebConfig::default()
    };
    let app = TestApp::spawn_with(TestDb::sqlite(), config).await;
    let addr = app.base.trim_start_matches("http://").to_owned();
    let silent = [
        tokio::net::TcpStream::connect(&addr)
            .await
            .expect("connect"),
        tokio::net::TcpStream::connect(&addr)
            .await
            .expect("connect"),
    ];
    tokio::time::sleep(Duration::from_millis(200)).await;
    let t = Instant::now();
    let r = reqwest::Client::new()
        .get(format!("{}/healthz", app.base))
        .timeout(Duration::from_secs(10))
        .send()
        .await
        .expect("served once a place is free");
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        t.elapsed() >= Duration::from_millis(1000),
        "the third connection waited for the silent two to be closed: {:?}",
        t.elapsed()
    );
    drop(silent);
}
