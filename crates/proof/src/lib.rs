//! Proof that crisismap holds under load and survives a crash. Everything here drives the
//! real `crisismap` binary as an administrator and its users would: the command line to set
//! up a workspace, `crisismap serve` on loopback, and HTTP (browser sessions with cookies and
//! CSRF tokens, API tokens) to use it. Only 127.0.0.1 is ever contacted.
//!
//! Longer than 600 lines on purpose: not shipped, it is the one harness both proofs share
//! (the server's life cycle, the accounts, the HTTP client), read top to bottom.

pub use reqwest;

use anyhow::{Context, anyhow, bail};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The PostgreSQL server the proofs use unless told otherwise.
pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// The password every prepared account ends up with (after changing its one-time password).
pub const PASSWORD: &str = "een lange zin als wachtwoord voor de crisisruimte";

/// A database for one proof: a fresh SQLite folder, or a fresh PostgreSQL database that is
/// dropped again when this value is dropped.
#[derive(Debug)]
pub struct Database {
    /// `--data-dir …` or `--database-url …`.
    args: Vec<String>,
    /// Scratch folder: the SQLite data, the server log, the print folder.
    work: tempfile::TempDir,
    sqlite_file: Option<PathBuf>,
    postgres: Option<PgDatabase>,
}

#[derive(Debug)]
struct PgDatabase {
    base_url: String,
    name: String,
    url: String,
}

impl Database {
    pub fn sqlite() -> anyhow::Result<Database> {
        let work = tempfile::tempdir().context("a temporary folder")?;
        let dir = work.path().join("data");
        Ok(Database {
            args: vec!["--data-dir".into(), dir.display().to_string()],
            sqlite_file: Some(dir.join("crisismap.db")),
            work,
            postgres: None,
        })
    }

    /// Creates a new, empty database on the server of `base_url`.
    pub async fn postgres(base_url: &str) -> anyhow::Result<Database> {
        let name = format!("crisismap_proof_{}", uuid::Uuid::new_v4().simple());
        create_pg_database(base_url, &name).await?;
        let url = crisismap_testing::replace_database(base_url, &name);
        Ok(Database {
            args: vec!["--database-url".into(), url.clone()],
            work: tempfile::tempdir().context("a temporary folder")?,
            sqlite_file: None,
            postgres: Some(PgDatabase {
                base_url: base_url.to_owned(),
                name,
                url,
            }),
        })
    }

    pub fn engine(&self) -> &'static str {
        if self.postgres.is_some() {
            "postgres"
        } else {
            "sqlite"
        }
    }

    /// The arguments that point a `crisismap` command at this database.
    pub fn args(&self) -> &[String] {
        &self.args
    }

    pub fn work_dir(&self) -> &Path {
        self.work.path()
    }

    /// The SQLite file, when this is SQLite.
    pub fn sqlite_file(&self) -> Option<&Path> {
        self.sqlite_file.as_deref()
    }

    /// The PostgreSQL URL, when this is PostgreSQL.
    pub fn postgres_url(&self) -> Option<&str> {
        self.postgres.as_ref().map(|p| p.url.as_str())
    }

    /// `PRAGMA integrity_check` on the SQLite file (with no server running): the lines it
    /// returns, `["ok"]` when the file is sound.
    pub async fn sqlite_integrity(&self) -> anyhow::Result<Vec<String>> {
        use sqlx::Connection;
        let file = self
            .sqlite_file()
            .ok_or_else(|| anyhow!("not an SQLite database"))?;
        let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", file.display()))
            .await
            .with_context(|| format!("open {}", file.display()))?;
        let rows: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check")
            .fetch_all(&mut c)
            .await?;
        let _ = c.close().await;
        Ok(rows.into_iter().map(|(s,)| s).collect())
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        let Some(pg) = self.postgres.take() else {
            return;
        };
        // Drop may run inside a runtime: do the async cleanup on a thread of its own.
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async move {
                let _ = drop_pg_database(&pg.base_url, &pg.name).await;
            });
        })
        .join();
    }
}

pub async fn create_pg_database(base_url: &str, name: &str) -> anyhow::Result<()> {
    use sqlx::Connection;
    let mut admin = sqlx::PgConnection::connect(base_url)
        .await
        .with_context(|| format!("cannot reach PostgreSQL at {base_url}"))?;
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .with_context(|| format!("create database {name}"))?;
    let _ = admin.close().await;
    Ok(())
}

pub async fn drop_pg_database(base_url: &str, name: &str) -> anyhow::Result<()> {
    use sqlx::Connection;
    let mut admin = sqlx::PgConnection::connect(base_url).await?;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut admin)
        .await?;
    let _ = admin.close().await;
    Ok(())
}

/// The `crisismap` binary.
#[derive(Debug, Clone)]
pub struct Crisismap {
    pub bin: PathBuf,
}

impl Crisismap {
    pub fn new(bin: impl Into<PathBuf>) -> Crisismap {
        Crisismap { bin: bin.into() }
    }

    fn command(&self) -> Command {
        let mut c = Command::new(&self.bin);
        for var in [
            "CRISISMAP_DATA_DIR",
            "CRISISMAP_DATABASE_URL",
            "CRISISMAP_LISTEN",
            "CRISISMAP_PRINT_DIR",
        ] {
            c.env_remove(var);
        }
        c.env("RUST_LOG", "warn,sqlx=error");
        c
    }

    /// Runs one command against the database and returns what it printed.
    pub fn run(&self, args: &[&str], db: &Database) -> anyhow::Result<Output> {
        self.command()
            .args(args)
            .args(db.args())
            .output()
            .with_context(|| format!("run {}", self.bin.display()))
    }

    fn run_ok(&self, args: &[&str], db: &Database) -> anyhow::Result<String> {
        let o = self.run(args, db)?;
        if !o.status.success() {
            bail!(
                "crisismap {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&o.stderr).trim()
            );
        }
        Ok(String::from_utf8_lossy(&o.stdout).into_owned())
    }

    /// `crisismap init`: returns the administrator's one-time password.
    pub fn init(
        &self,
        db: &Database,
        workspace: &str,
        admin_email: &str,
    ) -> anyhow::Result<String> {
        let out = self.run_ok(
            &[
                "init",
                "--workspace",
                workspace,
                "--admin-email",
                admin_email,
                "--region",
                "VR09",
            ],
            db,
        )?;
        one_time_password(&out)
    }

    /// `crisismap user add`: returns the new user's one-time password.
    pub fn add_user(
        &self,
        db: &Database,
        email: &str,
        name: &str,
        role: &str,
    ) -> anyhow::Result<String> {
        let out = self.run_ok(
            &[
                "user", "add", "--email", email, "--name", name, "--role", role,
            ],
            db,
        )?;
        one_time_password(&out)
    }

    /// `crisismap verify`: (exit code, what it printed).
    pub fn verify(&self, db: &Database) -> anyhow::Result<(i32, String)> {
        let o = self.run(&["verify"], db)?;
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        Ok((o.status.code().unwrap_or(-1), text))
    }

    /// Starts `crisismap serve` on a free loopback port and waits until it is ready.
    pub async fn serve(&self, db: &Database) -> anyhow::Result<Server> {
        let log_path = db
            .work_dir()
            .join(format!("serve-{}.log", uuid::Uuid::new_v4().simple()));
        let log = std::fs::File::create(&log_path).context("server log")?;
        let mut child = self
            .command()
            .arg("serve")
            .args(db.args())
            .args(["--listen", "127.0.0.1:0", "--print-dir"])
            .arg(db.work_dir().join("print"))
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .with_context(|| format!("start {}", self.bin.display()))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| anyhow!("no stdout of the server"))?;
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        // Reads the banner for the address and keeps draining stdout afterwards.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(rest) = line.split("serves on ").nth(1) {
                    let url = rest.split_whitespace().next().unwrap_or("");
                    let _ = tx.send(url.trim_end_matches('/').to_owned());
                }
            }
        });
        let mut server = Server {
            child,
            base: String::new(),
            log: log_path,
        };
        let base = tokio::task::spawn_blocking(move || rx.recv_timeout(Duration::from_secs(60)))
            .await?
            .map_err(|_| anyhow!("the server did not start: {}", server.log_tail()));
        server.base = base?;
        server.wait_ready(Duration::from_secs(60)).await?;
        Ok(server)
    }
}

fn one_time_password(out: &str) -> anyhow::Result<String> {
    out.lines()
        .find(|l| l.contains("One-time password"))
        .and_then(|l| l.rsplit(": ").next())
        .map(|p| p.trim().to_owned())
        .ok_or_else(|| anyhow!("no one-time password in: {out}"))
}

/// A running `crisismap serve`. Killed (SIGKILL) when dropped.
#[derive(Debug)]
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    log: PathBuf,
}

impl Server {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    async fn wait_ready(&mut self, within: Duration) -> anyhow::Result<()> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()?;
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                bail!("the server exited ({status}): {}", self.log_tail());
            }
            if let Ok(r) = client.get(format!("{}/readyz", self.base)).send().await
                && r.status().is_success()
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        bail!("the server was not ready within {within:?}")
    }

    /// SIGKILL: the process ends at once, as on a crash or power cut of the process.
    pub fn kill(&mut self) -> anyhow::Result<()> {
        self.child.kill().context("kill the server")?;
        self.child.wait().context("reap the server")?;
        Ok(())
    }

    /// SIGTERM, then waits up to `within` for a graceful stop (SIGKILL after that).
    pub fn stop(&mut self, within: Duration) -> anyhow::Result<()> {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if self.child.try_wait()?.is_some() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.kill()
    }

    /// The last lines the server logged, for error messages.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(10)..].join("\n")
    }

    /// Lines of the server log at level ERROR or WARN (text format).
    pub fn log_problems(&self) -> Vec<String> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains(" ERROR ") || l.contains(" WARN "))
            .map(str::to_owned)
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A logged-in browser: keeps its session cookie, reads CSRF tokens from forms, does not
/// follow redirects.
#[derive(Debug, Clone)]
pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
    pub csrf: String,
}

fn csrf_in(html: &str) -> Option<String> {
    let marker = "name=\"_csrf\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}

impl Browser {
    pub fn new(base: &str, timeout: Duration) -> anyhow::Result<Browser> {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .gzip(true)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .build()?;
        Ok(Browser {
            client,
            base: base.to_owned(),
            csrf: String::new(),
        })
    }

    /// Reads a page: (status, body), remembering its CSRF token.
    pub async fn page(&mut self, path: &str) -> anyhow::Result<(StatusCode, String)> {
        let r = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await?;
        let status = r.status();
        let body = r.text().await?;
        if let Some(t) = csrf_in(&body) {
            self.csrf = t;
        }
        Ok((status, body))
    }

    /// Posts a form with the current CSRF token.
    pub async fn post_form(
        &self,
        path: &str,
        fields: &[(&str, &str)],
    ) -> anyhow::Result<reqwest::Response> {
        let mut all: Vec<(&str, &str)> = vec![("_csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        Ok(self
            .client
            .post(format!("{}{path}", self.base))
            .form(&all)
            .send()
            .await?)
    }

    /// Logs in; returns where the server sends the browser next (`/wachtwoord` when the
    /// password must be changed first).
    pub async fn login(&mut self, email: &str, password: &str) -> anyhow::Result<String> {
        self.page("/inloggen").await?;
        let r = self
            .post_form("/inloggen", &[("email", email), ("password", password)])
            .await?;
        if r.status() != StatusCode::SEE_OTHER {
            bail!("login of {email}: HTTP {}", r.status());
        }
        let next = r
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("/")
            .to_owned();
        self.page(&next).await?;
        Ok(next)
    }

    /// Replaces the one-time password, as the first login demands.
    pub async fn change_password(&mut self, current: &str, new: &str) -> anyhow::Result<()> {
        self.page("/wachtwoord").await?;
        let r = self
            .post_form(
                "/wachtwoord",
                &[("current", current), ("new", new), ("repeat", new)],
            )
            .await?;
        if r.status() != StatusCode::SEE_OTHER {
            bail!("password change: HTTP {}", r.status());
        }
        Ok(())
    }

    /// Sets up two-step verification when the product asks for it first (administrators
    /// always): start, read the key from the page, confirm with the code an authenticator
    /// app would show now.
    pub async fn enrol_second_factor_if_asked(&mut self) -> anyhow::Result<()> {
        let r = self.client.get(format!("{}/", self.base)).send().await?;
        let to = r
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !to.starts_with("/account/tweestaps") {
            return Ok(());
        }
        self.page("/account/tweestaps").await?;
        let r = self.post_form("/account/tweestaps/start", &[]).await?;
        if r.status() != StatusCode::SEE_OTHER {
            bail!("two-step setup: HTTP {}", r.status());
        }
        let (_, html) = self.page("/account/tweestaps").await?;
        let at = html
            .find("data-totp-secret>")
            .ok_or_else(|| anyhow::anyhow!("the setup page shows no key"))?;
        let key: String = html[at + "data-totp-secret>".len()..]
            .chars()
            .take_while(|c| *c != '<')
            .filter(|c| !c.is_whitespace())
            .collect();
        let secret = totp_rs::Secret::try_from_base32(&key)
            .map_err(|e| anyhow::anyhow!("key {key:?}: {e:?}"))?;
        let totp = totp_rs::Builder::new()
            .with_secret(secret)
            .build()
            .map_err(|e| anyhow::anyhow!("key {key:?}: {e:?}"))?;
        let now = {
            use crisismap_core::Clock;
            u64::try_from(crisismap_core::SystemClock.now().as_second())?
        };
        let code = totp.generate(now).to_string();
        let r = self
            .post_form("/account/tweestaps/bevestigen", &[("code", &code)])
            .await?;
        if r.status() != StatusCode::OK {
            bail!("two-step confirmation: HTTP {}", r.status());
        }
        Ok(())
    }

    /// Creates a personal API token on the account page; returns it (shown once).
    pub async fn create_token(&mut self, name: &str) -> anyhow::Result<String> {
        self.page("/account").await?;
        let r = self.post_form("/account/tokens", &[("name", name)]).await?;
        if r.status() != StatusCode::CREATED {
            bail!("token: HTTP {}", r.status());
        }
        let body = r.text().await?;
        let mut rest = body.as_str();
        while let Some(i) = rest.find("cm_") {
            let candidate: String = rest[i + 3..]
                .chars()
                .take_while(char::is_ascii_hexdigit)
                .collect();
            if candidate.len() == 64 {
                return Ok(format!("cm_{candidate}"));
            }
            rest = &rest[i + 3..];
        }
        bail!("the account page shows no new token")
    }
}

/// A client of the JSON API with a bearer token.
#[derive(Debug, Clone)]
pub struct Api {
    pub client: reqwest::Client,
    pub base: String,
    pub token: String,
}

impl Api {
    pub fn new(base: &str, token: &str, timeout: Duration) -> anyhow::Result<Api> {
        Ok(Api {
            client: reqwest::Client::builder().timeout(timeout).build()?,
            base: base.to_owned(),
            token: token.to_owned(),
        })
    }

    pub async fn post(&self, path: &str, body: &Value) -> reqwest::Result<reqwest::Response> {
        self.client
            .post(format!("{}/api/v1{path}", self.base))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
    }

    pub async fn get(&self, path: &str) -> reqwest::Result<reqwest::Response> {
        self.client
            .get(format!("{}/api/v1{path}", self.base))
            .bearer_auth(&self.token)
            .send()
            .await
    }

    /// Opens a running (warm) crisis; returns its id.
    pub async fn open_crisis(&self, title: &str, known: &str) -> anyhow::Result<String> {
        let r = self
            .post(
                "/crises",
                &json!({"title": title, "known": known, "phase": "warm"}),
            )
            .await?;
        let status = r.status();
        let body: Value = r.json().await?;
        if status != StatusCode::CREATED {
            bail!("open crisis: HTTP {status}: {body}");
        }
        body["id"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| anyhow!("no crisis id in {body}"))
    }

    /// Records an entry (`log`, `decision`, …); the response as it came.
    pub async fn add_entry(
        &self,
        crisis: &str,
        kind: &str,
        body: &Value,
    ) -> reqwest::Result<reqwest::Response> {
        self.post(&format!("/crises/{crisis}/entries/{kind}"), body)
            .await
    }

    /// Every entry of one kind of the crisis: (id, title), oldest first.
    pub async fn all_entries(
        &self,
        crisis: &str,
        kind: &str,
    ) -> anyhow::Result<Vec<(String, String)>> {
        let mut out = vec![];
        for page in 0..10_000 {
            let r = self
                .get(&format!(
                    "/crises/{crisis}/entries/{kind}?limit=1000&offset={}",
                    page * 1000
                ))
                .await?;
            if !r.status().is_success() {
                bail!("entries: HTTP {}", r.status());
            }
            let rows: Vec<Value> = r.json().await?;
            let n = rows.len();
            for row in rows {
                out.push((
                    row["id"].as_str().unwrap_or_default().to_owned(),
                    row["title"].as_str().unwrap_or_default().to_owned(),
                ));
            }
            if n < 1000 {
                break;
            }
        }
        Ok(out)
    }
}

/// Now, in UTC, as the API takes it.
pub fn now_utc() -> String {
    use crisismap_core::Clock;
    let now = crisismap_core::SystemClock.now();
    now.round(jiff::Unit::Second)
        .map_or_else(|_| now.to_string(), |t| t.to_string())
}

/// A decision as the crisis team records one.
pub fn decision(title: &str) -> Value {
    json!({
        "title": title,
        "decision": "De gemeente betaalt geen losgeld en herstelt het zaaksysteem vanaf de back-up van gisteren.",
        "considerations": "De back-up is gecontroleerd; herstel kost naar schatting zes uur. Betalen garandeert niets.",
        "decided_by": "Burgemeester",
        "decided_at": now_utc(),
    })
}

/// A log entry as the note-taker writes one.
pub fn log_entry(text: &str) -> Value {
    json!({
        "occurred_at": now_utc(),
        "category": "report",
        "text": text,
        "source": "Servicedesk",
    })
}

/// One person of the crisis team: an account, a password, an API token.
#[derive(Debug, Clone)]
pub struct Account {
    pub email: String,
    pub token: String,
}

/// Creates the workspace "Gemeente Belasting" and `members` members through the command
/// line, before the server runs. Returns (e-mail, one-time password), the administrator first.
pub fn create_accounts(
    cm: &Crisismap,
    db: &Database,
    members: usize,
) -> anyhow::Result<Vec<(String, String)>> {
    let admin = "beheer@belasting.nl".to_owned();
    let otp = cm.init(db, "Gemeente Belasting", &admin)?;
    let mut out = vec![(admin, otp)];
    for i in 1..=members {
        let email = format!("lid{i}@belasting.nl");
        let role = if i.is_multiple_of(4) {
            "editor"
        } else {
            "member"
        };
        let otp = cm.add_user(db, &email, &format!("Teamlid {i}"), role)?;
        out.push((email, otp));
    }
    Ok(out)
}

/// The first login of each account, as its owner would: replace the one-time password by
/// [`PASSWORD`] and make a personal API token.
pub async fn activate(base: &str, accounts: &[(String, String)]) -> anyhow::Result<Vec<Account>> {
    use futures_util::StreamExt;
    let results: Vec<anyhow::Result<Account>> = futures_util::stream::iter(accounts.iter())
        .map(|(email, otp)| async move {
            let mut b = Browser::new(base, Duration::from_secs(60))?;
            let next = b.login(email, otp).await?;
            if next != "/wachtwoord" {
                bail!("{email}: expected to be asked for a new password, went to {next}");
            }
            b.change_password(otp, PASSWORD).await?;
            b.enrol_second_factor_if_asked().await?;
            let token = b.create_token("proef").await?;
            Ok(Account {
                email: email.clone(),
                token,
            })
        })
        .buffered(4)
        .collect()
        .await;
    results.into_iter().collect()
}
