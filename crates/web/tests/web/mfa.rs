//! Stories about two-step verification (TOTP, RFC 6238): enrolment with a QR code, the code
//! after the password, recovery codes, the administrators' requirement, the workspace
//! policy and the administrator's reset. Each runs on SQLite, and on PostgreSQL when
//! CRISISMAP_TEST_DATABASE_URL is set.

use crate::common::*;
use crisismap_core::Role;
use crisismap_testing::TestDb;
use reqwest::StatusCode;

/// The text of the first element carrying `attribute` (e.g. `data-totp-secret`).
fn marked(html: &str, attribute: &str) -> String {
    let at = html
        .find(attribute)
        .unwrap_or_else(|| panic!("{attribute} on the page:\n{html}"));
    let start = at + html[at..].find('>').expect("tag end") + 1;
    html[start..]
        .chars()
        .take_while(|c| *c != '<')
        .collect::<String>()
        .trim()
        .to_owned()
}

fn recovery_codes(html: &str) -> Vec<String> {
    let at = html
        .find("data-recovery-codes")
        .expect("recovery codes shown");
    let end = at + html[at..].find("</ol>").expect("list end");
    html[at..end]
        .split("<li>")
        .skip(1)
        .map(|li| li.split('<').next().unwrap_or("").trim().to_owned())
        .collect()
}

fn now_s(app: &TestApp) -> i64 {
    app.clock.now_us() / 1_000_000
}

/// Enrols `b`'s user: start, read the key from the page, confirm with the app's code.
/// Returns the key and the recovery codes.
async fn enrol(app: &TestApp, b: &mut Browser) -> (String, Vec<String>) {
    b.refresh_csrf("/account/tweestaps").await;
    let r = b.post_form("/account/tweestaps/start", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (status, page) = b.page(&location(r.headers())).await;
    assert_eq!(status, StatusCode::OK);
    let secret = marked(&page, "data-totp-secret").replace(' ', "");
    let code = crisismap_web::totp_code_at(&secret, now_s(app)).expect("code");
    let r = b
        .post_form("/account/tweestaps/bevestigen", &[("code", &code)])
        .await;
    assert_eq!(r.status(), StatusCode::OK, "{}", app.db_name);
    let page = r.text().await.expect("body");
    (secret, recovery_codes(&page))
}

#[tokio::test]
async fn the_advisor_sets_up_two_step_verification_and_logs_in_with_a_code() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let mut b = app.login(&email_for(Role::Editor)).await;
        let (_, account) = b.page("/account").await;
        assert!(
            account.contains("/account/tweestaps"),
            "the account page links the setup"
        );

        let (status, page) = b.page("/account/tweestaps").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Tweestapsverificatie instellen"));
        b.refresh_csrf("/account/tweestaps").await;
        let r = b.post_form("/account/tweestaps/start", &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, page) = b.page(&location(r.headers())).await;
        // The QR code is drawn on the server, labelled, with the key beside it as text.
        assert!(
            page.contains("<svg role=\"img\" aria-label=\"QR-code"),
            "{page}"
        );
        let svg_start = page.find("<svg role=\"img\"").expect("svg");
        let svg = &page[svg_start..svg_start + page[svg_start..].find("</svg>").expect("end")];
        assert!(
            !svg.contains("<script") && !svg.contains("href"),
            "nothing active in the QR code"
        );
        assert!(page.contains("otpauth://totp/"));
        let secret = marked(&page, "data-totp-secret").replace(' ', "");
        assert_eq!(secret.len(), 32, "160 bits in base32");

        // A wrong first code keeps the setup open, with the message at the field.
        let r = b
            .post_form("/account/tweestaps/bevestigen", &[("code", "000000")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("body");
        assert!(page.contains("Deze code klopt niet"));
        assert!(page.contains("aria-invalid=\"true\" aria-describedby=\"confirm-code-error\""));
        assert!(
            page.contains("data-totp-secret"),
            "the same key is still offered"
        );

        let code = crisismap_web::totp_code_at(&secret, now_s(&app)).expect("code");
        let r = b
            .post_form("/account/tweestaps/bevestigen", &[("code", &code)])
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let page = r.text().await.expect("body");
        let codes = recovery_codes(&page);
        assert_eq!(codes.len(), 10, "{page}");
        assert!(page.contains("Tweestapsverificatie staat aan"));
        let (_, page) = b.page("/account/tweestaps").await;
        assert_eq!(marked(&page, "data-codes-left"), "10");
        assert!(
            !page.contains(&codes[0]),
            "recovery codes are shown only once"
        );

        // The next login asks for the code; the password alone opens nothing.
        b.post_form("/uitloggen", &[]).await;
        let mut next = app.browser();
        let r = next.login(&email_for(Role::Editor), PASSWORD).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert!(location(r.headers()).starts_with("/inloggen/code"));
        let r = next.get("/").await;
        assert_eq!(location(r.headers()), "/inloggen?terug=/");
        let r = next.get("/api/v1/me").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "no API either");
        let (status, page) = next.page("/inloggen/code").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("autocomplete=\"one-time-code\""));
        assert!(
            !page.contains("data-demo-code"),
            "no demo hint outside the demo"
        );

        // The code used to confirm the setup is not accepted again (one use per step).
        let r = next.post_form("/inloggen/code", &[("code", &code)]).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{}", app.db_name);
        let page = r.text().await.expect("body");
        assert!(page.contains("is al gebruikt") && page.contains("aria-invalid=\"true\""));

        app.clock.advance_minutes(1);
        let code = crisismap_web::totp_code_at(&secret, now_s(&app)).expect("code");
        let r = next.post_form("/inloggen/code", &[("code", &code)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        let (status, dashboard) = next.page(&location(r.headers())).await;
        assert_eq!(status, StatusCode::OK);
        assert!(dashboard.contains("Eddy Adviseur"));

        // A lost phone: a recovery code works once, typed however.
        let mut third = app.browser();
        third.login(&email_for(Role::Editor), PASSWORD).await;
        third.refresh_csrf("/inloggen/code").await;
        let typed = codes[3].to_uppercase().replace('-', " ");
        let r = third.post_form("/inloggen/code", &[("code", &typed)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, page) = third.page(&location(r.headers())).await;
        assert!(page.contains("herstelcode"));
        assert_eq!(marked(&page, "data-codes-left"), "9");
        let mut fourth = app.browser();
        fourth.login(&email_for(Role::Editor), PASSWORD).await;
        fourth.refresh_csrf("/inloggen/code").await;
        let r = fourth
            .post_form("/inloggen/code", &[("code", &codes[3])])
            .await;
        assert_eq!(
            r.status(),
            StatusCode::UNAUTHORIZED,
            "a recovery code works once"
        );

        // Nothing secret reaches the audit log; the steps do.
        let audit = app.audit_text().await;
        assert!(!audit.contains(&secret) && !audit.contains(&codes[3]));
        for step in ["mfa_enrol", "login_code", "ok_recovery_code"] {
            assert!(audit.contains(step), "{step} in {audit}");
        }
    }
}

#[tokio::test]
async fn an_administrator_must_set_up_two_step_verification_before_anything_else() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let mut admin = app.login(&email_for(Role::Admin)).await;
        // The editor is made an administrator: from their next request on they must enrol.
        let editor = app.user_id(&email_for(Role::Editor)).await;
        admin.refresh_csrf("/beheer/gebruikers").await;
        let r = admin
            .post_form(
                &format!("/beheer/gebruikers/{editor}/rol"),
                &[("role", "admin")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);

        let mut eddy = app.browser();
        let r = eddy.login(&email_for(Role::Editor), PASSWORD).await;
        assert_eq!(
            location(r.headers()),
            "/",
            "no second factor yet to ask for"
        );
        for page in ["/", "/crisis", "/beheer/gebruikers", "/voorbereiden"] {
            let r = eddy.get(page).await;
            assert_eq!(
                location(r.headers()),
                "/account/tweestaps?verplicht=1",
                "{}: {page}",
                app.db_name
            );
        }
        let r = eddy.get("/api/v1/me").await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let problem: serde_json::Value = r.json().await.expect("problem+json");
        assert!(
            problem["detail"]
                .as_str()
                .is_some_and(|d| d.contains("/account/tweestaps")),
            "{problem}"
        );
        let (status, page) = eddy.page("/account/tweestaps?verplicht=1").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Voor beheerders is tweestapsverificatie verplicht"));

        let (secret, _) = enrol(&app, &mut eddy).await;
        let (status, _) = eddy.page("/beheer/gebruikers").await;
        assert_eq!(status, StatusCode::OK, "enrolled, the administration opens");

        // An administrator cannot switch it off.
        app.clock.advance_minutes(1);
        let code = crisismap_web::totp_code_at(&secret, now_s(&app)).expect("code");
        eddy.refresh_csrf("/account/tweestaps").await;
        let r = eddy
            .post_form("/account/tweestaps/uitzetten", &[("code", &code)])
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let (_, page) = eddy.page("/account/tweestaps").await;
        assert!(page.contains("Uitzetten kan niet"));
        assert_eq!(
            app.store
                .totp(editor)
                .await
                .expect("read")
                .map(|t| t.confirmed),
            Some(true)
        );
    }
}

#[tokio::test]
async fn the_workspace_requires_it_of_everyone_and_the_administrator_resets_a_lost_phone() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let mut admin = app.login(&email_for(Role::Admin)).await;
        let mut vera = app.login(&email_for(Role::Viewer)).await;
        let (status, _) = vera.page("/").await;
        assert_eq!(status, StatusCode::OK, "not required of viewers by default");

        admin.refresh_csrf("/beheer/gebruikers").await;
        let r = admin
            .post_form("/beheer/tweestaps", &[("verplicht", "iedereen-behalve")])
            .await;
        assert_eq!(
            r.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown choice"
        );
        let r = admin
            .post_form("/beheer/tweestaps", &[("verplicht", "alle")])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, users) = admin.page(&location(r.headers())).await;
        assert!(users.contains("De regel voor tweestapsverificatie is opgeslagen."));
        assert!(users.contains("id=\"mfa-all\" name=\"verplicht\" value=\"alle\" checked"));

        // Vera's open session now leads to the setup first.
        let r = vera.get("/").await;
        assert_eq!(location(r.headers()), "/account/tweestaps?verplicht=1");
        let (_, page) = vera.page("/account/tweestaps").await;
        assert!(page.contains("Uw werkruimte vraagt tweestapsverificatie"));
        let (_secret, codes) = enrol(&app, &mut vera).await;
        let (status, _) = vera.page("/").await;
        assert_eq!(status, StatusCode::OK);
        let (_, users) = admin.page("/beheer/gebruikers").await;
        assert_eq!(
            users.matches("data-mfa=\"on\"").count(),
            2,
            "the administrator and Vera"
        );

        // Vera lost her phone and her codes: the administrator resets it.
        let vera_id = app.user_id(&email_for(Role::Viewer)).await;
        let r = admin
            .post_form(&format!("/beheer/gebruikers/{vera_id}/tweestaps"), &[])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let r = vera.get("/").await;
        assert!(
            location(r.headers()).starts_with("/inloggen"),
            "her session ended with the reset"
        );
        let mut again = app.browser();
        let r = again.login(&email_for(Role::Viewer), PASSWORD).await;
        assert_eq!(location(r.headers()), "/", "no code asked: none is set up");
        let r = again.get("/").await;
        assert_eq!(
            location(r.headers()),
            "/account/tweestaps?verplicht=1",
            "but the workspace still requires one"
        );
        assert_eq!(codes.len(), 10);

        // Another workspace's administrator cannot reset ours.
        let mut bob = app.login(OTHER_ADMIN).await;
        bob.refresh_csrf("/beheer/gebruikers").await;
        let admin_id = app.user_id(&email_for(Role::Admin)).await;
        let r = bob
            .post_form(&format!("/beheer/gebruikers/{admin_id}/tweestaps"), &[])
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            app.store
                .totp(admin_id)
                .await
                .expect("read")
                .map(|t| t.confirmed),
            Some(true)
        );

        // Back to administrators only: a viewer may switch it off again.
        let r = admin
            .post_form("/beheer/tweestaps", &[("verplicht", "beheerders")])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let mut mia = app.login(&email_for(Role::Member)).await;
        let (secret, _) = enrol(&app, &mut mia).await;
        app.clock.advance_minutes(1);
        let code = crisismap_web::totp_code_at(&secret, now_s(&app)).expect("code");
        mia.refresh_csrf("/account/tweestaps").await;
        let r = mia
            .post_form("/account/tweestaps/uitzetten", &[("code", "123")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = mia
            .post_form("/account/tweestaps/uitzetten", &[("code", &code)])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let mia_id = app.user_id(&email_for(Role::Member)).await;
        assert_eq!(app.store.totp(mia_id).await.expect("read"), None);
    }
}

#[tokio::test]
async fn a_half_finished_login_expires_and_guessing_codes_is_throttled() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let mut b = app.browser();
        let r = b.login(&email_for(Role::Admin), PASSWORD).await;
        assert!(location(r.headers()).starts_with("/inloggen/code"));
        b.refresh_csrf("/inloggen/code").await;
        app.clock.advance_minutes(11);
        let code = app.admin_totp_code();
        let r = b.post_form("/inloggen/code", &[("code", &code)]).await;
        assert_eq!(
            location(r.headers()),
            "/inloggen?terug=/inloggen/code",
            "{}: ten minutes between password and code at most",
            app.db_name
        );
        let r = b.get("/").await;
        assert!(
            location(r.headers()).starts_with("/inloggen"),
            "nothing opened"
        );

        let mut guesser = app.browser();
        guesser.login(&email_for(Role::Admin), PASSWORD).await;
        guesser.refresh_csrf("/inloggen/code").await;
        let mut statuses = vec![];
        for i in 0..12 {
            let r = guesser
                .post_form(
                    "/inloggen/code",
                    &[("code", &format!("{:06}", 100_000 + i))],
                )
                .await;
            statuses.push(r.status());
        }
        assert!(
            statuses[..10]
                .iter()
                .all(|s| *s == StatusCode::UNAUTHORIZED),
            "{statuses:?}"
        );
        assert_eq!(statuses[10], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");
        // Even the right code waits for the window to pass.
        let code = app.admin_totp_code();
        let r = guesser
            .post_form("/inloggen/code", &[("code", &code)])
            .await;
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(r.headers().get("retry-after").is_some());

        // Cancelling ends the half-finished login.
        let r = guesser.post_form("/uitloggen", &[]).await;
        assert_eq!(location(r.headers()), "/inloggen");
        let r = guesser.get("/inloggen/code").await;
        assert_eq!(location(r.headers()), "/inloggen");
    }
}
