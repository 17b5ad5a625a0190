//! Stories through the JSON API: tokens, problem+json, the OpenAPI document, and the same
//! command as the HTML form.

use crate::common::*;
use crisismap_core::{Role, StreamKind};
use crisismap_testing::TestDb;
use futures_util::StreamExt;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn content_type(r: &reqwest::Response) -> String {
    r.headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

#[tokio::test]
async fn an_administrator_adds_a_user_through_the_api_with_a_personal_token() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let api = app.api_as(&email_for(Role::Admin)).await;
        let me = api.get("/api/v1/me").await;
        assert_eq!(me.status(), StatusCode::OK);
        assert_eq!(
            me.headers()
                .get("api-version")
                .and_then(|v| v.to_str().ok()),
            Some("1.0.0"),
            "the full version, as the API Design Rules ask"
        );
        let me: Value = me.json().await.expect("json");
        assert_eq!(me["workspace_name"], "Gemeente Voorbeeld");
        assert_eq!(me["user"]["role"], "admin");
        assert_eq!(
            me["two_step"],
            json!({"enrolled": true, "required": true, "recovery_codes_left": 39}),
            "the administrator's second factor, one recovery code spent on the login"
        );

        let r = api
            .post_json("/api/v1/users", &json!({"email": "Liaison@Waterschap.nl", "display_name": "Wim Waterschap", "role": "member"}))
            .await;
        assert_eq!(r.status(), StatusCode::CREATED, "{}", app.db_name);
        let created: Value = r.json().await.expect("json");
        assert_eq!(created["user"]["email"], "liaison@waterschap.nl");
        let one_time = created["one_time_password"].as_str().expect("password");
        let mut wim = app.browser();
        let r = wim.login("liaison@waterschap.nl", one_time).await;
        assert_eq!(location(r.headers()), "/wachtwoord");

        // The same rule as the form: the e-mail address is taken now.
        let r = api
            .post_json("/api/v1/users", &json!({"email": "liaison@waterschap.nl", "display_name": "Nog eens", "role": "member"}))
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let problem: Value = r.json().await.expect("json");
        assert_eq!(problem["errors"][0]["field"], "email");
        assert_eq!(problem["errors"][0]["code"], "email_taken");

        let streams: Value = api.get("/api/v1/streams").await.json().await.expect("json");
        let admin_stream = app.stream(app.ws, StreamKind::Workspace).await;
        let events: Value = api
            .get(&format!(
                "/api/v1/streams/{admin_stream}/events?after=0&limit=1000"
            ))
            .await
            .json()
            .await
            .expect("json");
        let kinds: Vec<&str> = events
            .as_array()
            .expect("array")
            .iter()
            .filter_map(|e| e["kind"].as_str())
            .collect();
        assert_eq!(kinds.first(), Some(&"workspace_created"));
        assert_eq!(kinds.last(), Some(&"user_added"));
        let head = streams
            .as_array()
            .expect("array")
            .iter()
            .find(|s| s["id"] == admin_stream.as_str())
            .expect("stream listed");
        assert_eq!(
            head["head_hash"],
            events.as_array().expect("a").last().expect("e")["hash"]
        );
    }
}

#[tokio::test]
async fn every_invalid_field_is_listed_in_problem_json() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let api = app.api_as(&email_for(Role::Admin)).await;
        let r = api
            .post_json(
                "/api/v1/users",
                &json!({"email": "geen-adres", "display_name": "  ", "role": "koning"}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(content_type(&r), "application/problem+json");
        let problem: Value = r.json().await.expect("json");
        let fields: Vec<&str> = problem["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .filter_map(|e| e["field"].as_str())
            .collect();
        assert_eq!(fields, vec!["email", "display_name", "role"]);
        assert_eq!(problem["status"], 422);

        let broken = api
            .client
            .post(format!("{}/api/v1/users", app.base))
            .bearer_auth(&api.token)
            .header("content-type", "application/json")
            .body("{\"email\": ")
            .send()
            .await
            .expect("request");
        assert_eq!(broken.status(), StatusCode::BAD_REQUEST);
        assert_eq!(content_type(&broken), "application/problem+json");
        let problem: Value = broken.json().await.expect("json");
        assert!(
            problem["detail"].as_str().unwrap_or("").contains("EOF"),
            "{problem}"
        );

        let wrong_type = api
            .client
            .post(format!("{}/api/v1/users", app.base))
            .bearer_auth(&api.token)
            .header("content-type", "text/plain")
            .body("email=x")
            .send()
            .await
            .expect("request");
        assert_eq!(wrong_type.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(content_type(&wrong_type), "application/problem+json");

        let huge = "x".repeat(3 * 1024 * 1024);
        let too_big = api
            .client
            .post(format!("{}/api/v1/users", app.base))
            .bearer_auth(&api.token)
            .header("content-type", "application/json")
            .body(format!("{{\"email\": \"{huge}\"}}"))
            .send()
            .await
            .expect("request");
        assert_eq!(too_big.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(content_type(&too_big), "application/problem+json");
        assert_eq!(
            app.store.users(app.ws).await.expect("users").len(),
            4,
            "nothing written"
        );
    }
}

#[tokio::test]
async fn a_revoked_or_made_up_token_is_refused() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let api = app.api_as(&email_for(Role::Viewer)).await;
        assert_eq!(api.get("/api/v1/me").await.status(), StatusCode::OK);
        let mut owner = app.login(&email_for(Role::Viewer)).await;
        let (_, account) = owner.page("/account").await;
        let start =
            account.find("/account/tokens/").expect("revoke form") + "/account/tokens/".len();
        let id: String = account[start..].chars().take_while(|c| *c != '/').collect();
        let r = owner
            .post_form(&format!("/account/tokens/{id}/intrekken"), &[])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let r = api.get("/api/v1/me").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{}", app.db_name);
        assert_eq!(content_type(&r), "application/problem+json");

        let fake = Api {
            token: "cm_verzonnen".into(),
            ..api
        };
        assert_eq!(
            fake.get("/api/v1/me").await.status(),
            StatusCode::UNAUTHORIZED
        );
        let no_token = reqwest::get(format!("{}/api/v1/me", app.base))
            .await
            .expect("request");
        assert_eq!(no_token.status(), StatusCode::UNAUTHORIZED);
        let audit = app.audit_text().await;
        assert!(audit.contains("api_token_revoke") && audit.contains("action: \"api_token\""));
        assert!(!audit.contains("cm_verzonnen"), "no token in the audit log");
    }
}

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    let r = reqwest::get(format!("{}/api/v1/openapi.json", app.base))
        .await
        .expect("request");
    assert_eq!(r.status(), StatusCode::OK);
    let doc: Value = r.json().await.expect("json");
    assert!(doc["openapi"].as_str().unwrap_or("").starts_with("3."));
    // The server carries the major version; the paths are relative to it.
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    assert_eq!(doc["info"]["version"], "1.0.0");
    let paths = doc["paths"].as_object().expect("paths");
    for p in [
        "/me",
        "/streams",
        "/streams/{id}/events",
        "/users",
        "/users/{id}/disable",
        "/register/{kind}",
        "/register/{kind}/{id}",
        "/oncall",
        "/readiness",
    ] {
        assert!(paths.contains_key(p), "{p} missing");
    }
    // Every success says the version; every error is a problem report; every operation that
    // takes input says what a 400 is; no operation id is used twice.
    let mut ids = std::collections::HashSet::new();
    for (path, item) in paths {
        for (method, op) in item.as_object().expect("operations") {
            let id = op["operationId"].as_str().expect("an id");
            assert!(ids.insert(id.to_owned()), "{id} used twice");
            for (status, r) in op["responses"].as_object().expect("responses") {
                if status.starts_with('2') {
                    assert!(
                        r["headers"]["API-Version"].is_object(),
                        "{method} {path} {status}"
                    );
                } else if status.starts_with('4') || status.starts_with('5') {
                    assert!(
                        r["content"]["application/problem+json"].is_object(),
                        "{method} {path} {status}"
                    );
                }
            }
            if method == "post" || method == "put" {
                assert!(
                    op["responses"]["400"].is_object(),
                    "{method} {path} has no 400"
                );
            }
        }
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    assert!(doc["components"]["schemas"]["Problem"].is_object());
}

#[tokio::test]
async fn a_change_reaches_a_second_viewer_over_server_sent_events() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let viewer = app.login(&email_for(Role::Viewer)).await;
        let stream = app.stream(app.ws, StreamKind::Workspace).await;
        let r = viewer.get(&format!("/live/{stream}")).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(content_type(&r), "text/event-stream");
        let mut body = r.bytes_stream();

        let api = app.api_as(&email_for(Role::Admin)).await;
        let created = api
            .post_json(
                "/api/v1/users",
                &json!({"email": "nieuw@voorbeeld.nl", "display_name": "Nieuw", "role": "viewer"}),
            )
            .await;
        assert_eq!(created.status(), StatusCode::CREATED);
        let head = app
            .store
            .stream_of(app.ws, StreamKind::Workspace)
            .await
            .expect("s")
            .head_seq;

        let mut seen = String::new();
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
        while !seen.contains(&format!("data: {head}")) {
            let chunk = tokio::time::timeout_at(deadline, body.next())
                .await
                .unwrap_or_else(|_| {
                    panic!("{}: no change event within 10 s; got {seen:?}", app.db_name)
                })
                .expect("stream open")
                .expect("chunk");
            seen.push_str(&String::from_utf8_lossy(&chunk));
        }
        assert!(seen.contains("event: change"));
    }
}

#[tokio::test]
async fn on_postgresql_a_change_on_one_instance_reaches_viewers_on_another() {
    for db in TestDb::all().await {
        if db.name != "postgres" {
            // SQLite is one process by design; several instances need PostgreSQL.
            continue;
        }
        let app = TestApp::spawn(db).await;
        let (second, _stop) = app.another_instance().await;
        let mut viewer = app.login(&email_for(Role::Viewer)).await;
        viewer.base = second;
        let stream = app.stream(app.ws, StreamKind::Workspace).await;
        let r = viewer.get(&format!("/live/{stream}")).await;
        assert_eq!(
            r.status(),
            StatusCode::OK,
            "the session is valid on the second instance too"
        );
        let mut body = r.bytes_stream();
        let api = app.api_as(&email_for(Role::Admin)).await;
        let created = api
            .post_json("/api/v1/users", &json!({"email": "elders@voorbeeld.nl", "display_name": "Elders", "role": "viewer"}))
            .await;
        assert_eq!(created.status(), StatusCode::CREATED);
        let head = app
            .store
            .stream_of(app.ws, StreamKind::Workspace)
            .await
            .expect("s")
            .head_seq;
        let mut seen = String::new();
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
        while !seen.contains(&format!("data: {head}")) {
            let chunk = tokio::time::timeout_at(deadline, body.next())
                .await
                .unwrap_or_else(|_| panic!("no change event on the second instance; got {seen:?}"))
                .expect("stream open")
                .expect("chunk");
            seen.push_str(&String::from_utf8_lossy(&chunk));
        }
    }
}
