//! The `crisismap` binary as an operator runs it: its command line, and `crisismap serve`
//! running on loopback.

// The crate's shared imports and constants.
use super::*;

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
