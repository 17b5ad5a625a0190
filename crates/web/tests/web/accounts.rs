//! Stories about logging in, sessions, CSRF, roles, workspaces and throttling. Each runs on
//! SQLite, and on PostgreSQL when CRISISMAP_TEST_DATABASE_URL is set.

use crate::common::*;
use crisismap_core::{Role, StreamKind};
use crisismap_testing::TestDb;
use reqwest::StatusCode;

#[tokio::test]
async fn the_advisor_logs_in_sees_the_dashboard_and_logs_out() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let mut b = app.browser();
        let (status, login_page) = b.page("/").await;
        assert_eq!(
            status,
            StatusCode::SEE_OTHER,
            "anonymous visitors are sent to the login page"
        );
        let (status, login_page2) = b.page("/inloggen").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            login_page2.contains("Inloggen bij crisismap"),
            "{login_page}"
        );

        let r = b.login(&email_for(Role::Editor), PASSWORD).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(r.headers()), "/");
        let cookie = r
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("cm_session="))
            .expect("a session cookie")
            .to_owned();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        let session_id = cookie
            .trim_start_matches("cm_session=")
            .split(';')
            .next()
            .expect("value")
            .to_owned();
        assert!(session_id.len() >= 32, "at least 128 bits");

        let (status, dashboard) = b.page("/").await;
        assert_eq!(status, StatusCode::OK, "{}", app.db_name);
        assert!(dashboard.contains("<h1>Overzicht</h1>"));
        assert!(dashboard.contains("Gemeente Voorbeeld"));
        assert!(dashboard.contains("Eddy Adviseur"));
        assert!(dashboard.contains("Er loopt op dit moment geen crisis of oefening."));

        let r = b.post_form("/uitloggen", &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert!(location(r.headers()).starts_with("/inloggen"));

        // The old session id, sent again by hand, is refused: logout ended it on the server.
        let replay = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
            .get(format!("{}/", app.base))
            .header("cookie", format!("cm_session={session_id}"))
            .send()
            .await
            .expect("request");
        assert_eq!(replay.status(), StatusCode::SEE_OTHER);
        assert!(location(replay.headers()).starts_with("/inloggen"));
        let audit = app.audit_text().await;
        assert!(audit.contains("action: \"login\"") && audit.contains("action: \"logout\""));
    }
}

#[tokio::test]
async fn a_session_ends_after_thirty_idle_minutes_and_after_twelve_hours() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let b = app.login(&email_for(Role::Member)).await;
        app.clock.advance_minutes(29);
        assert_eq!(
            b.get("/").await.status(),
            StatusCode::OK,
            "29 idle minutes are fine"
        );
        app.clock.advance_minutes(31);
        let r = b.get("/").await;
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "{}: 31 idle minutes end it",
            app.db_name
        );
        assert!(location(r.headers()).starts_with("/inloggen"));

        // Active all day long: still ended 12 hours after login.
        let b = app.login(&email_for(Role::Member)).await;
        for _ in 0..(12 * 60 / 20) {
            app.clock.advance_minutes(20);
            assert_eq!(b.get("/").await.status(), StatusCode::OK);
        }
        app.clock.advance_minutes(20);
        let r = b.get("/").await;
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "{}: absolute timeout",
            app.db_name
        );
        let audit = app.audit_text().await;
        assert!(
            audit.contains("expired_idle") && audit.contains("expired_absolute"),
            "{audit}"
        );
    }
}

#[tokio::test]
async fn a_form_post_without_the_csrf_token_is_refused_and_changes_nothing() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let b = app.login(&email_for(Role::Admin)).await;
        let before = app.store.users(app.ws).await.expect("users").len();
        let fields = [
            ("email", "nieuw@voorbeeld.nl"),
            ("display_name", "Nieuw"),
            ("role", "viewer"),
        ];
        let r = b.post_raw("/beheer/gebruikers", &fields).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{}", app.db_name);
        let page = r.text().await.expect("body");
        assert!(page.contains("Geen toegang"), "a Dutch error page: {page}");
        let mut wrong = fields.to_vec();
        wrong.push(("_csrf", "0000"));
        assert_eq!(
            b.post_raw("/beheer/gebruikers", &wrong).await.status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.store.users(app.ws).await.expect("users").len(),
            before,
            "nothing written"
        );

        // A login form posted from elsewhere carries no token either.
        let stranger = app.browser();
        let r = stranger
            .post_raw(
                "/inloggen",
                &[("email", &email_for(Role::Admin)), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);

        // With the token the same post works.
        let r = b.post_form("/beheer/gebruikers", &fields).await;
        assert_eq!(r.status(), StatusCode::CREATED);
        assert_eq!(
            app.store.users(app.ws).await.expect("users").len(),
            before + 1
        );
        assert!(app.audit_text().await.contains("action: \"csrf\""));
    }
}

#[tokio::test]
async fn viewers_and_editors_cannot_reach_the_administrators_forms_or_endpoints() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        for role in [Role::Viewer, Role::Member, Role::Editor] {
            let b = app.login(&email_for(role)).await;
            assert_eq!(
                b.get("/beheer/gebruikers").await.status(),
                StatusCode::FORBIDDEN,
                "{role}"
            );
            let r = b
                .post_form(
                    "/beheer/gebruikers",
                    &[
                        ("email", "x@voorbeeld.nl"),
                        ("display_name", "X"),
                        ("role", "admin"),
                    ],
                )
                .await;
            assert_eq!(r.status(), StatusCode::FORBIDDEN, "{role}");
            let victim = app.user_id(&email_for(Role::Admin)).await;
            let r = b
                .post_form(&format!("/beheer/gebruikers/{victim}/uitschakelen"), &[])
                .await;
            assert_eq!(r.status(), StatusCode::FORBIDDEN, "{role}");
            let (_, dashboard) = {
                let mut b2 = app.login(&email_for(role)).await;
                b2.page("/").await
            };
            assert!(
                !dashboard.contains("href=\"/beheer\""),
                "{role} sees no Beheer in the menu"
            );

            let api = app.api_as(&email_for(role)).await;
            let r = api
                .post_json("/api/v1/users", &serde_json::json!({"email": "y@voorbeeld.nl", "display_name": "Y", "role": "admin"}))
                .await;
            assert_eq!(r.status(), StatusCode::FORBIDDEN, "{role}");
            assert_eq!(
                r.headers()
                    .get("content-type")
                    .and_then(|v| v.to_str().ok()),
                Some("application/problem+json")
            );
        }
        let users = app.store.users(app.ws).await.expect("users");
        assert_eq!(users.len(), 4, "{}: nobody was added", app.db_name);
        assert!(users.iter().all(|u| !u.disabled));
        let audit = app.audit_text().await;
        assert!(audit.contains("action: \"access\"") && audit.contains("result: \"denied\""));
    }
}

#[tokio::test]
async fn a_user_of_one_workspace_cannot_read_or_write_anything_of_another() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let neighbour = app.login(OTHER_ADMIN).await;
        let victim = app.user_id(&email_for(Role::Editor)).await;
        let stream = app.stream(app.ws, StreamKind::Workspace).await;

        for action in ["uitschakelen", "wachtwoord", "rol"] {
            let r = neighbour
                .post_form(
                    &format!("/beheer/gebruikers/{victim}/{action}"),
                    &[("role", "viewer")],
                )
                .await;
            assert_eq!(
                r.status(),
                StatusCode::NOT_FOUND,
                "{}: {action}",
                app.db_name
            );
        }
        assert_eq!(
            neighbour.get(&format!("/live/{stream}")).await.status(),
            StatusCode::NOT_FOUND
        );
        let (_, users_page) = {
            let mut n = app.login(OTHER_ADMIN).await;
            n.page("/beheer/gebruikers").await
        };
        assert!(
            !users_page.contains("voorbeeld.nl"),
            "no users of Voorbeeld are listed"
        );

        let api = app.api_as(OTHER_ADMIN).await;
        let r = api.get(&format!("/api/v1/streams/{stream}/events")).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let r = api
            .post_json(
                &format!("/api/v1/users/{victim}/disable"),
                &serde_json::json!({}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let listed: serde_json::Value = api.get("/api/v1/users").await.json().await.expect("json");
        let emails: Vec<&str> = listed
            .as_array()
            .expect("array")
            .iter()
            .filter_map(|u| u["email"].as_str())
            .collect();
        assert_eq!(emails, vec![OTHER_ADMIN]);
        let streams: serde_json::Value =
            api.get("/api/v1/streams").await.json().await.expect("json");
        assert!(!streams.to_string().contains(&stream));

        let user = app.store.user(victim).await.expect("user");
        assert!(
            !user.disabled && user.role == Role::Editor,
            "nothing of Voorbeeld changed"
        );
    }
}

#[tokio::test]
async fn twenty_wrong_passwords_give_429_and_the_audit_log_keeps_no_password() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let mut b = app.browser();
        let mut statuses = vec![];
        for i in 0..20 {
            let r = b
                .login(&email_for(Role::Admin), &format!("fout-wachtwoord-{i}"))
                .await;
            statuses.push(r.status());
        }
        assert!(
            statuses[..10]
                .iter()
                .all(|s| *s == StatusCode::UNAUTHORIZED),
            "{statuses:?}"
        );
        assert!(
            statuses[10..]
                .iter()
                .all(|s| *s == StatusCode::TOO_MANY_REQUESTS),
            "{}: {statuses:?}",
            app.db_name
        );
        // Even the right password is refused while the account is throttled.
        let r = b.login(&email_for(Role::Admin), PASSWORD).await;
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(r.headers().get("retry-after").is_some());
        let page = r.text().await.expect("body");
        assert!(page.contains("Te veel mislukte pogingen"));

        let audit = app.audit_text().await;
        assert_eq!(audit.matches("result: \"failed\"").count(), 10, "{audit}");
        assert!(audit.matches("result: \"throttled\"").count() >= 10);
        assert!(
            !audit.contains("fout-wachtwoord"),
            "no password in the audit log"
        );
        assert!(!audit.contains(PASSWORD));

        // A quarter of an hour later the account may try again.
        app.clock.advance_minutes(16);
        let r = b.login(&email_for(Role::Admin), PASSWORD).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
    }
}

#[tokio::test]
async fn a_new_user_must_replace_the_one_time_password_first() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let mut admin = app.login(&email_for(Role::Admin)).await;
        admin.refresh_csrf("/beheer/gebruikers").await;
        let r = admin
            .post_form(
                "/beheer/gebruikers",
                &[
                    ("email", "lid@voorbeeld.nl"),
                    ("display_name", "Lisa Liaison"),
                    ("role", "member"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::CREATED);
        let page = r.text().await.expect("body");
        let start = page.find("<span class=\"mono\">").expect("password shown")
            + "<span class=\"mono\">".len();
        let one_time: String = page[start..].chars().take_while(|c| *c != '<').collect();
        assert_eq!(one_time.len(), 19);

        let mut lisa = app.browser();
        let r = lisa.login("lid@voorbeeld.nl", &one_time).await;
        assert_eq!(location(r.headers()), "/wachtwoord");
        let r = lisa.get("/").await;
        assert_eq!(
            location(r.headers()),
            "/wachtwoord",
            "nothing else before the password is changed"
        );
        let (_, form) = lisa.page("/wachtwoord").await;
        assert!(form.contains("Kies eerst een eigen wachtwoord"));
        let r = lisa
            .post_form(
                "/wachtwoord",
                &[("current", &one_time), ("new", "kort"), ("repeat", "kort")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = r.text().await.expect("body");
        assert!(body.contains("minstens 12 tekens") && body.contains("aria-invalid=\"true\""));
        assert!(
            body.contains("aria-describedby=\"new-error new-hint\""),
            "a screen reader hears the error and the rules it breaks"
        );
        let new = "mijn eigen lange wachtzin";
        let r = lisa
            .post_form(
                "/wachtwoord",
                &[("current", &one_time), ("new", new), ("repeat", new)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (status, dashboard) = lisa.page(&location(r.headers())).await;
        assert_eq!(status, StatusCode::OK);
        assert!(dashboard.contains("Uw wachtwoord is gewijzigd."));
    }
}

#[tokio::test]
async fn disabling_a_user_ends_their_open_session_at_once() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let member = app.login(&email_for(Role::Member)).await;
        assert_eq!(member.get("/").await.status(), StatusCode::OK);
        let mut admin = app.login(&email_for(Role::Admin)).await;
        admin.refresh_csrf("/beheer/gebruikers").await;
        let id = app.user_id(&email_for(Role::Member)).await;
        let r = admin
            .post_form(&format!("/beheer/gebruikers/{id}/uitschakelen"), &[])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let r = member.get("/").await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        assert!(location(r.headers()).starts_with("/inloggen"));
        let mut again = app.browser();
        assert_eq!(
            again
                .login(&email_for(Role::Member), PASSWORD)
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
    }
}

#[tokio::test]
async fn the_last_administrator_cannot_be_disabled() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let mut admin = app.login(&email_for(Role::Admin)).await;
        admin.refresh_csrf("/beheer/gebruikers").await;
        let me = app.user_id(&email_for(Role::Admin)).await;
        let r = admin
            .post_form(&format!("/beheer/gebruikers/{me}/uitschakelen"), &[])
            .await;
        assert_eq!(r.status(), StatusCode::CONFLICT);
        assert!(
            r.text()
                .await
                .expect("body")
                .contains("minstens één actieve beheerder")
        );
        assert!(!app.store.user(me).await.expect("user").disabled);
    }
}
