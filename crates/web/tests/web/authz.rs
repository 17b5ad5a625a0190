//! The authorisation matrix: every route the router has (read from the code that builds it,
//! not from a list kept by hand), for every kind of visitor, with real ids filled in. The
//! rules that must hold everywhere: nobody sees another workspace's data, a guest stays in
//! their crisis, a viewer changes nothing but their own account, a member does not edit the
//! register or administer, and a visitor who is not logged in reaches only the public pages.

use crate::common::*;
use crisismap_core::Role;
use crisismap_testing::TestDb;
use reqwest::{Method, StatusCode};
use serde_json::json;
use std::collections::BTreeSet;

/// (method, path) of every route, from the `.route("…", get(…).post(…))` calls in the
/// web crate's sources; routes built in the API modules are nested under `/api/v1`.
pub(crate) fn routes() -> BTreeSet<(String, String)> {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![];
    let mut dirs = vec![src];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).expect("src").flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files.push(p);
            }
        }
    }
    let mut out = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        let api = file.ends_with("api/mod.rs")
            || file.ends_with("register/api.rs")
            || file.ends_with("crisis/api.rs");
        let mut rest = text.as_str();
        while let Some(at) = rest.find(".route(") {
            rest = &rest[at + ".route(".len()..];
            let Some(start) = rest.find('"') else { break };
            let Some(len) = rest[start + 1..].find('"') else {
                break;
            };
            let path = &rest[start + 1..start + 1 + len];
            // The method calls up to the closing parenthesis of `.route(`.
            let mut depth = 1;
            let mut end = 0;
            for (i, c) in rest.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let call = &rest[..end];
            let full = if api {
                format!("/api/v1{path}")
            } else {
                path.to_owned()
            };
            for (name, method) in [
                ("get(", "GET"),
                ("post(", "POST"),
                ("put(", "PUT"),
                ("delete(", "DELETE"),
            ] {
                if call.contains(name) {
                    out.insert((method.to_owned(), full.clone()));
                }
            }
        }
    }
    out
}

pub(crate) struct Ids {
    pub crisis: String,
    pub other_crisis: String,
    pub log: String,
    pub contact: String,
    pub team: String,
    pub roster: String,
    pub process: String,
    pub user: String,
    pub stream: String,
}

/// The path with real ids of this workspace in place of its parameters.
pub(crate) fn fill(path: &str, ids: &Ids, crisis: &str) -> String {
    let mut out = vec![];
    let parts: Vec<&str> = path.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let before = if i > 0 { parts[i - 1] } else { "" };
        let value = match *part {
            "{id}" => match before {
                "crisis" | "crises" => crisis.to_owned(),
                "gebruikers" | "users" => ids.user.clone(),
                "streams" => ids.stream.clone(),
                "teams" => ids.team.clone(),
                "piket" => ids.roster.clone(),
                "processen" => ids.process.clone(),
                "tokens" => "0".to_owned(),
                _ => ids.contact.clone(),
            },
            "{slug}" => if parts.get(1) == Some(&"crisis") {
                "logboek"
            } else {
                "contacten"
            }
            .to_owned(),
            "{kind}" => if path.contains("/entries/") {
                "log"
            } else {
                "contact"
            }
            .to_owned(),
            "{entry}" => ids.log.clone(),
            "{stream}" => crisis.to_owned(),
            "{item}" => "ciso_reachable".to_owned(),
            "{direction}" => "omhoog".to_owned(),
            "{file}" => "onbekend.ics".to_owned(),
            other => other.to_owned(),
        };
        out.push(value);
    }
    out.join("/")
}

async fn call(b: &Browser, method: &str, path: &str) -> (StatusCode, String) {
    let url = format!("{}{path}", b.base);
    let req = b
        .client
        .request(Method::from_bytes(method.as_bytes()).expect("method"), &url)
        .header("x-csrf-token", b.csrf.clone());
    let req = if method == "GET" {
        req
    } else if path.starts_with("/api/") {
        req.json(&json!({}))
    } else {
        req.form(&[("_csrf", b.csrf.as_str())])
    };
    let r = req.send().await.expect("request");
    let status = r.status();
    // A live stream never ends: its status is the answer.
    if path.starts_with("/live/") && status.is_success() {
        return (status, String::new());
    }
    (status, r.text().await.unwrap_or_default())
}

/// The routes that change the crisis itself (phase, GRIP, classification, teams, restore
/// order, failing nodes, closing, confirmations), through either door.
fn steers(path: &str) -> bool {
    const PAGES: &[&str] = &[
        "/fase",
        "/grip",
        "/teams",
        "/herstelvolgorde",
        "/afsluiten",
        "/overdracht",
        "/uitval",
        "/classificatie",
        "/situatierapport",
    ];
    const API: &[&str] = &[
        "/phase",
        "/grip",
        "/teams",
        "/restore-order",
        "/close",
        "/handover",
        "/failing",
        "/classification",
        "/confirmations",
    ];
    (path.starts_with("/crisis/{id}") && PAGES.iter().any(|s| path.ends_with(s)))
        || (path.starts_with("/api/v1/crises/{id}") && API.iter().any(|s| path.ends_with(s)))
}

const PUBLIC: &[&str] = &[
    "/inloggen",
    "/toegankelijkheid",
    "/healthz",
    "/readyz",
    "/favicon.ico",
    "/taal",
    "/api/v1/openapi.json",
];

/// What anyone logged in may change about themselves.
const OWN_ACCOUNT: &[&str] = &[
    "/uitloggen",
    "/taal",
    "/account/taal",
    "/account/tokens",
    "/account/tweestaps/start",
    "/account/tweestaps/bevestigen",
    "/account/tweestaps/herstelcodes",
    "/account/tweestaps/uitzetten",
    "/account/overal-uitloggen",
    "/wachtwoord",
    "/inloggen",
    "/inloggen/code",
];

#[tokio::test]
async fn every_route_for_every_visitor() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let all = routes();
        assert!(all.len() > 80, "the routes are found: {}", all.len());
        assert_eq!(
            all.iter().filter(|(m, p)| m == "POST" && steers(p)).count(),
            18,
            "every steering route is known to the matrix"
        );
        assert!(all.contains(&("POST".into(), "/crisis/{id}/{slug}".into())));
        assert!(all.contains(&(
            "PUT".into(),
            "/api/v1/crises/{id}/entries/{kind}/{entry}".into()
        )));

        // Data of this workspace, with names that must never show elsewhere.
        let api = app.api_as(&email_for(Role::Editor)).await;
        let post = |path: &'static str, body: serde_json::Value| {
            let api = &api;
            async move {
                let r = api.post_json(path, &body).await;
                assert!(r.status().is_success(), "{path}: {}", r.status());
                r.json::<serde_json::Value>().await.expect("json")["id"]
                    .as_str()
                    .expect("id")
                    .to_owned()
            }
        };
        let contact = post(
            "/api/v1/register/contact",
            json!({"name": "Geheim Contactpersoon"}),
        )
        .await;
        let team = post(
            "/api/v1/register/team",
            json!({"name": "Geheim Team", "standard": "custom"}),
        )
        .await;
        let roster = post(
            "/api/v1/register/roster",
            json!({"name": "Geheim Piket", "duty": "ciso"}),
        )
        .await;
        let process = post(
            "/api/v1/register/process",
            json!({"name": "Geheim Proces", "criticality": "high"}),
        )
        .await;
        let crisis = post(
            "/api/v1/crises",
            json!({"title": "Geheime Crisis Alfa", "phase": "warm"}),
        )
        .await;
        let other_crisis = post(
            "/api/v1/crises",
            json!({"title": "Geheime Crisis Bravo", "phase": "warm"}),
        )
        .await;
        let r = api
            .post_json(&format!("/api/v1/crises/{crisis}/entries/log"), &json!({"occurred_at": "2026-11-28T09:00:00Z", "category": "report", "text": "Geheime logregel"}))
            .await;
        let log = r.json::<serde_json::Value>().await.expect("json")["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let r = api
            .post_json(
                &format!("/api/v1/crises/{crisis}/guests"),
                &json!({"email": "gast@extern.nl", "display_name": "Gast Extern"}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::CREATED);
        let guest_id = app.user_id("gast@extern.nl").await;
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
        let ids = Ids {
            crisis: crisis.clone(),
            other_crisis: other_crisis.clone(),
            log,
            contact,
            team,
            roster,
            process,
            user: app.user_id(&email_for(Role::Viewer)).await.to_string(),
            stream: app
                .stream(app.ws, crisismap_core::StreamKind::Preparation)
                .await,
        };
        let secrets = [
            "Geheim Contactpersoon",
            "Geheim Team",
            "Geheime Crisis",
            "Geheime logregel",
            "Geheim Proces",
        ];

        // Writes run last, so that a refused write that wrongly succeeded cannot hide a read.
        let mut ordered: Vec<&(String, String)> = all.iter().filter(|(m, _)| m == "GET").collect();
        ordered.extend(
            all.iter()
                .filter(|(m, p)| m != "GET" && !p.contains("uitloggen")),
        );

        // A neighbour's administrator: nothing of ours, ever.
        let neighbour = app.login(OTHER_ADMIN).await;
        for (method, path) in &ordered {
            let url = fill(path, &ids, &ids.crisis);
            let (status, body) = call(&neighbour, method, &url).await;
            for s in secrets {
                assert!(
                    !body.contains(s),
                    "{}: {method} {url} showed {s:?} to another workspace",
                    app.db_name
                );
            }
            if url.contains(&ids.crisis) || url.contains(&ids.contact) || url.contains(&ids.log) {
                assert!(
                    !status.is_success(),
                    "{}: {method} {url} gave {status} to another workspace",
                    app.db_name
                );
            }
        }

        // A guest of crisis Alfa: Alfa only.
        let guest = app.login("gast@extern.nl").await;
        for (method, path) in &ordered {
            for crisis in [&ids.crisis, &ids.other_crisis] {
                let url = fill(path, &ids, crisis);
                let allowed = crisismap_web::guest_may_visit(&url, ids.crisis.parse().expect("id"));
                let (status, body) = call(&guest, method, &url).await;
                if !allowed && url != "/" {
                    assert_eq!(
                        status,
                        StatusCode::FORBIDDEN,
                        "{}: guest {method} {url}",
                        app.db_name
                    );
                }
                // In their own crisis a guest adds to the record but never steers it.
                if method == "POST" && steers(path) {
                    assert_eq!(
                        status,
                        StatusCode::FORBIDDEN,
                        "{}: guest steered with {method} {url}",
                        app.db_name
                    );
                }
                assert!(
                    !body.contains("Geheime Crisis Bravo"),
                    "guest saw the other crisis at {url}"
                );
                assert!(
                    !body.contains("Geheim Contactpersoon"),
                    "guest saw the register at {url}"
                );
            }
        }

        // A viewer changes nothing but their own account; a member does not edit the
        // register, invite guests or administer.
        let viewer = app.login(&email_for(Role::Viewer)).await;
        let member = app.login(&email_for(Role::Member)).await;
        for (method, path) in ordered.iter().filter(|(m, _)| m != "GET") {
            let url = fill(path, &ids, &ids.crisis);
            if OWN_ACCOUNT.iter().any(|p| url == *p) || url.starts_with("/account/tokens/") {
                continue;
            }
            let (status, _) = call(&viewer, method, &url).await;
            assert_eq!(
                status,
                StatusCode::FORBIDDEN,
                "{}: viewer {method} {url}",
                app.db_name
            );
            let editor_only = url.starts_with("/voorbereiden")
                || url.starts_with("/api/v1/register")
                || url.starts_with("/beheer")
                || url.starts_with("/api/v1/users")
                || url.ends_with("/gasten")
                || url.ends_with("/guests");
            if editor_only {
                let (status, _) = call(&member, method, &url).await;
                assert_eq!(
                    status,
                    StatusCode::FORBIDDEN,
                    "{}: member {method} {url}",
                    app.db_name
                );
            }
        }
        for (method, path) in ordered.iter().filter(|(_, p)| p.starts_with("/beheer")) {
            let url = fill(path, &ids, &ids.crisis);
            for who in [&viewer, &member] {
                let (status, _) = call(who, method, &url).await;
                assert_eq!(
                    status,
                    StatusCode::FORBIDDEN,
                    "{}: {method} {url}",
                    app.db_name
                );
            }
        }

        // Not logged in: only the public pages.
        let mut anonymous = app.browser();
        anonymous.refresh_csrf("/inloggen").await;
        for (method, path) in &ordered {
            let url = fill(path, &ids, &ids.crisis);
            let public = PUBLIC.contains(&url.as_str())
                || url.starts_with("/assets/")
                || url.starts_with("/agenda/");
            let (status, body) = call(&anonymous, method, &url).await;
            for s in secrets {
                assert!(
                    !body.contains(s),
                    "{method} {url} showed {s:?} to a stranger"
                );
            }
            if !public {
                assert!(
                    matches!(
                        status,
                        StatusCode::UNAUTHORIZED | StatusCode::SEE_OTHER | StatusCode::FORBIDDEN
                    ),
                    "{}: anonymous {method} {url} gave {status}",
                    app.db_name
                );
            }
        }
    }
}
