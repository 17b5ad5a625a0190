//! Spawns the real application on port 0 against a test database, with a clock the test
//! controls, and gives typed clients that log in like a browser does.

use crisismap_core::event::Actor;
use crisismap_core::workspace::WorkspaceCommand;
use crisismap_core::{
    DisplayName, Email, ManualClock, Role, StreamKind, UserId, WorkspaceId, WorkspaceName,
};
use crisismap_store::{NewCredential, OpenMode, Store};
use crisismap_testing::TestDb;
use crisismap_web::{AppState, PasswordCost, WebConfig, hash_password};
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use std::sync::Arc;

pub const PASSWORD: &str = "een lange zin als wachtwoord";

pub struct TestApp {
    pub base: String,
    pub store: Store,
    pub clock: Arc<ManualClock>,
    /// Gemeente Voorbeeld, with one user per role.
    pub ws: WorkspaceId,
    /// Gemeente Buurdorp, a neighbour with its own admin.
    pub other_ws: WorkspaceId,
    pub db_name: &'static str,
    /// The next unused recovery code of the test administrators.
    next_code: std::sync::atomic::AtomicUsize,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    _db: TestDb,
}

pub fn email_for(role: Role) -> String {
    format!("{}@voorbeeld.nl", role.code())
}

pub const OTHER_ADMIN: &str = "beheer@buurdorp.nl";

/// The TOTP secret of both test administrators (administrators need a second factor).
pub const ADMIN_TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// How many recovery codes each test administrator has; `TestApp::login` uses one per
/// login, so that logging in twice within one 30-second step still works.
const ADMIN_RECOVERY_CODES: usize = 40;

fn admin_recovery_code(i: usize) -> String {
    format!("tc{i:08}")
}

impl TestApp {
    /// Fills Gemeente Voorbeeld with the demo's register and crises (the data the demo
    /// loads), written by the test administrator (the only one who may record aftercare).
    pub async fn fill_with_demo(&self) {
        let user = self
            .store
            .users(self.ws)
            .await
            .expect("users")
            .into_iter()
            .find(|u| u.email == email_for(Role::Admin))
            .expect("the administrator");
        let by = crisismap_app::Principal {
            user,
            via: crisismap_app::Via::Server,
        };
        let app = crisismap_app::App::new(self.store.clone(), PasswordCost::Fast);
        crisismap_app::demo::fill_as(&app, &by)
            .await
            .expect("the demo data loads");
    }

    pub async fn spawn(db: TestDb) -> TestApp {
        Self::spawn_with(db, WebConfig::default()).await
    }

    pub async fn spawn_with(db: TestDb, config: WebConfig) -> TestApp {
        Self::spawn_exactly(
            db,
            WebConfig {
                password_cost: PasswordCost::Fast,
                ..config
            },
        )
        .await
    }

    /// With this configuration as it is (`spawn_with` makes password hashing fast).
    pub async fn spawn_exactly(db: TestDb, config: WebConfig) -> TestApp {
        let clock = Arc::new(ManualClock::new(
            "2026-11-28T09:00:00Z".parse().expect("ts"),
        ));
        let store = Store::open(&db.location, OpenMode::CreateIfMissing, clock.clone())
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", db.name));
        let hash = hash_password(PASSWORD, PasswordCost::Fast);
        let cred = || NewCredential {
            password_hash: hash.clone(),
            must_change: false,
        };
        let actor = Actor::System("test".into());
        let (ws, _) = store
            .create_workspace(
                &WorkspaceName::parse("Gemeente Voorbeeld").expect("valid"),
                Some("VR09".into()),
                &Email::parse(&email_for(Role::Admin)).expect("valid"),
                &DisplayName::parse("Ada Beheer").expect("valid"),
                cred(),
                &actor,
            )
            .await
            .expect("workspace");
        for (role, name) in [
            (Role::Editor, "Eddy Adviseur"),
            (Role::Member, "Mia CISO"),
            (Role::Viewer, "Vera Wethouder"),
        ] {
            store
                .handle_workspace_command(
                    ws,
                    &actor,
                    WorkspaceCommand::AddUser {
                        user_id: UserId::new(),
                        email: Email::parse(&email_for(role)).expect("valid"),
                        display_name: DisplayName::parse(name).expect("valid"),
                        role,
                    },
                    Some(cred()),
                )
                .await
                .expect("user");
        }
        let (other_ws, _) = store
            .create_workspace(
                &WorkspaceName::parse("Gemeente Buurdorp").expect("valid"),
                None,
                &Email::parse(OTHER_ADMIN).expect("valid"),
                &DisplayName::parse("Bob Buurman").expect("valid"),
                cred(),
                &actor,
            )
            .await
            .expect("other workspace");
        let codes: Vec<String> = (0..ADMIN_RECOVERY_CODES).map(admin_recovery_code).collect();
        for admin in [email_for(Role::Admin), OTHER_ADMIN.to_owned()] {
            let user = store
                .user_by_email(&Email::parse(&admin).expect("valid"))
                .await
                .expect("admin");
            crisismap_web::enrol_totp(&store, user.id, Some(ADMIN_TOTP_SECRET), &codes)
                .await
                .expect("second factor");
        }

        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let state = AppState::new(store.clone(), config);
        tokio::spawn(async move {
            let _ = crisismap_web::serve(listener, state, async {
                let _ = rx.await;
            })
            .await;
        });
        TestApp {
            base: format!("http://{addr}"),
            store,
            clock,
            ws,
            other_ws,
            db_name: db.name,
            next_code: std::sync::atomic::AtomicUsize::new(0),
            shutdown: Some(tx),
            _db: db,
        }
    }

    /// A browser: keeps cookies, does not follow redirects (tests look at them).
    pub fn browser(&self) -> Browser {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        Browser {
            client,
            base: self.base.clone(),
            csrf: String::new(),
        }
    }

    pub async fn login(&self, email: &str) -> Browser {
        let mut b = self.browser();
        let r = b.login(email, PASSWORD).await;
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "{}: login of {email}",
            self.db_name
        );
        if location(r.headers()).starts_with("/inloggen/code") {
            // Administrators give their second factor: here one of their recovery codes.
            let i = self
                .next_code
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            assert!(
                i < ADMIN_RECOVERY_CODES,
                "test administrators ran out of codes"
            );
            b.refresh_csrf("/inloggen/code").await;
            let r = b
                .post_form("/inloggen/code", &[("code", &admin_recovery_code(i))])
                .await;
            assert_eq!(
                r.status(),
                StatusCode::SEE_OTHER,
                "{}: second factor of {email}",
                self.db_name
            );
        }
        b.refresh_csrf("/account").await;
        b
    }

    /// The code the test administrators' app shows at the test clock's time.
    pub fn admin_totp_code(&self) -> String {
        crisismap_web::totp_code_at(ADMIN_TOTP_SECRET, self.clock.now_us() / 1_000_000)
            .expect("code")
    }

    /// A second server on the same database, as a second instance behind a load balancer.
    /// Returns its base URL; it stops when the returned sender is dropped.
    pub async fn another_instance(&self) -> (String, tokio::sync::oneshot::Sender<()>) {
        let store = Store::open(&self._db.location, OpenMode::MustExist, self.clock.clone())
            .await
            .expect("second instance opens the same database");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let config = WebConfig {
            password_cost: PasswordCost::Fast,
            ..WebConfig::default()
        };
        tokio::spawn(async move {
            let _ = crisismap_web::serve(listener, AppState::new(store, config), async {
                let _ = rx.await;
            })
            .await;
        });
        (format!("http://{addr}"), tx)
    }

    pub async fn stream(&self, ws: WorkspaceId, kind: StreamKind) -> String {
        self.store
            .stream_of(ws, kind)
            .await
            .expect("stream")
            .id
            .to_string()
    }

    pub async fn user_id(&self, email: &str) -> UserId {
        self.store
            .user_by_email(&Email::parse(email).expect("valid"))
            .await
            .expect("user")
            .id
    }

    pub async fn audit_text(&self) -> String {
        self.store
            .audit_entries(None, 10_000)
            .await
            .expect("audit")
            .iter()
            .map(|e| format!("{:?}\n", e.record))
            .collect()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
    /// The CSRF token of the last page read.
    pub csrf: String,
}

pub fn csrf_in(html: &str) -> Option<String> {
    let marker = "name=\"_csrf\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}

impl Browser {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("request")
    }

    /// Reads a page and returns (status, body), remembering its CSRF token.
    pub async fn page(&mut self, path: &str) -> (StatusCode, String) {
        let r = self.get(path).await;
        let status = r.status();
        let body = r.text().await.expect("body");
        if let Some(t) = csrf_in(&body) {
            self.csrf = t;
        }
        (status, body)
    }

    pub async fn refresh_csrf(&mut self, path: &str) {
        let (status, _) = self.page(path).await;
        assert!(
            status.is_success() || status.is_redirection(),
            "{path}: {status}"
        );
    }

    pub async fn login(&mut self, email: &str, password: &str) -> reqwest::Response {
        self.page("/inloggen").await;
        self.post_form("/inloggen", &[("email", email), ("password", password)])
            .await
    }

    /// Posts a form with the current CSRF token, as the page's form would.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut all: Vec<(&str, &str)> = vec![("_csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// Posts exactly these fields (no token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .form(fields)
            .send()
            .await
            .expect("request")
    }
}

pub fn location(headers: &HeaderMap) -> String {
    headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

/// A client for the API with a bearer token.
pub struct Api {
    pub client: reqwest::Client,
    pub base: String,
    pub token: String,
}

impl Api {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .send()
            .await
            .expect("request")
    }

    pub async fn put_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .put(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .expect("request")
    }
}

impl TestApp {
    /// Logs in as `email`, creates a personal API token on the account page, and returns an
    /// API client that uses it.
    pub async fn api_as(&self, email: &str) -> Api {
        let b = self.login(email).await;
        let r = b.post_form("/account/tokens", &[("name", "test")]).await;
        assert_eq!(r.status(), StatusCode::CREATED);
        let body = r.text().await.expect("body");
        let start = body.find("cm_").expect("token shown once");
        let token: String = body[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        Api {
            client: reqwest::Client::new(),
            base: self.base.clone(),
            token,
        }
    }
}

/// The text of a PDF, read back by poppler's pdftotext (the README's test command installs it).
pub fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).expect("write");
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext must be installed (Debian package poppler-utils)");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The JSON body of a successful API answer; anything else fails the test with the body.
pub async fn created(r: reqwest::Response) -> serde_json::Value {
    let status = r.status();
    let body: serde_json::Value = r.json().await.expect("json");
    assert!(status.is_success(), "{status}: {body}");
    body
}

/// A page's visible text with its white space squeezed to single spaces.
pub fn words_of(html: &str) -> String {
    visible_text(html)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a person reads on a page: the text between the tags (no scripts, styles or
/// attributes, so addresses in links do not count), with the common entities decoded.
pub fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        let tag = &rest[open..];
        let skip_to = ["<script", "<style", "<svg"]
            .iter()
            .find(|t| tag.starts_with(**t))
            .and_then(|t| {
                let close = format!("</{}>", &t[1..]);
                tag.find(&close).map(|at| at + close.len())
            });
        let next = match skip_to {
            // An SVG's labels are text a person reads; its markup is not.
            Some(end) if tag.starts_with("<svg") => {
                out.push_str(&visible_text(
                    &tag[4..end - "</svg>".len()].replace('>', "> "),
                ));
                end
            }
            Some(end) => end,
            None => tag.find('>').map(|e| e + 1).unwrap_or(tag.len()),
        };
        rest = &tag[next..];
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
}

/// Everything on a page that is not a word for people: an untranslated text, a code or key
/// (`municipal_secretary`), an id (a UUID outside an address), or a separator with nothing
/// on one side ("Marleen Hoekstra · · )").
pub fn not_for_people(text: &str) -> Vec<String> {
    let mut found = vec![];
    if text.contains("⟦?⟧") {
        found.push("⟦?⟧".to_owned());
    }
    for word in text.split(|c: char| c.is_whitespace() || ",;:()[]{}\"'«»“”‘’".contains(c))
    {
        let w = word.trim_matches(|c: char| ".!?·–—".contains(c));
        let code_like = w.contains('_')
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && w.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if code_like {
            found.push(format!("code {w:?}"));
        }
        let hex_groups: Vec<&str> = w.split('-').collect();
        let uuid = hex_groups.len() == 5
            && hex_groups
                .iter()
                .zip([8, 4, 4, 4, 12])
                .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()));
        if uuid && !w.contains('/') {
            found.push(format!("id {w:?}"));
        }
    }
    let squashed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for empty in ["· ·", "· )", "( ·", "()", "( )", ", ,", ": ·"] {
        if let Some(at) = squashed.find(empty) {
            let from = squashed[..at]
                .char_indices()
                .rev()
                .nth(30)
                .map(|(i, _)| i)
                .unwrap_or(0);
            let to = squashed[at..]
                .char_indices()
                .nth(30)
                .map(|(i, _)| at + i)
                .unwrap_or(squashed.len());
            found.push(format!("empty {empty:?} in {:?}", &squashed[from..to]));
        }
    }
    found
}
