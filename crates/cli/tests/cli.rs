//! The `crisismap` binary as an administrator uses it: set up, add users, verify, detect
//! tampering, rebuild, and clear one-line errors for mistakes.

use std::path::Path;
use std::process::{Command, Output};

fn crisismap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crisismap"))
        .args(args)
        .env_remove("CRISISMAP_DATA_DIR")
        .env_remove("CRISISMAP_DATABASE_URL")
        .env("RUST_LOG", "error")
        .output()
        .expect("the binary runs")
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn data_args(dir: &Path) -> Vec<String> {
    vec!["--data-dir".into(), dir.display().to_string()]
}

fn run(args: &[&str], dir: &Path) -> Output {
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    all.extend(data_args(dir));
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    crisismap(&refs)
}

/// A user mistake gives exactly one line on stderr, no panic and no backtrace.
fn assert_one_line_error(o: &Output, needle: &str) {
    let (_, err) = text(o);
    assert!(!o.status.success(), "should fail: {err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("crisismap: "), "{err}");
    assert!(err.contains(needle), "{needle:?} not in {err}");
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
}

#[test]
fn an_administrator_sets_up_a_workspace_and_verifies_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("data");
    let o = run(
        &[
            "init",
            "--workspace",
            "Gemeente Utrecht",
            "--admin-email",
            "Beheer@Utrecht.nl",
            "--region",
            "Utrecht",
        ],
        &dir,
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("Workspace \"Gemeente Utrecht\" created"));
    assert!(out.contains("three teams"));
    assert!(out.contains("beheer@utrecht.nl"));
    assert!(out.contains("One-time password"));

    let o = run(
        &[
            "user",
            "add",
            "--email",
            "adviseur@utrecht.nl",
            "--name",
            "Ada Adviseur",
            "--role",
            "editor",
        ],
        &dir,
    );
    assert!(o.status.success(), "{}", text(&o).1);
    let o = run(&["user", "list"], &dir);
    let (out, _) = text(&o);
    assert!(
        out.contains("adviseur@utrecht.nl") && out.contains("editor") && out.contains("active")
    );

    let o = run(&["user", "disable", "--email", "adviseur@utrecht.nl"], &dir);
    assert!(o.status.success());
    let (out, _) = text(&run(&["user", "list"], &dir));
    assert!(
        out.lines()
            .any(|l| l.starts_with("adviseur@utrecht.nl") && l.contains("disabled"))
    );

    let o = run(
        &["user", "reset-password", "--email", "beheer@utrecht.nl"],
        &dir,
    );
    assert!(text(&o).0.contains("New one-time password"));

    let o = run(&["verify"], &dir);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("All 2 streams intact."), "{out}");
    assert!(
        out.contains("workspace") && out.contains("4 events"),
        "{out}"
    );

    let pdf = tmp.path().join("crisismap.pdf");
    let o = run(
        &["print", "folder", "-o", pdf.to_str().expect("path")],
        &dir,
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        out.contains("Crisis folder of \"Gemeente Utrecht\""),
        "{out}"
    );
    assert!(std::fs::read(&pdf).expect("written").starts_with(b"%PDF"));
    assert_one_line_error(
        &run(
            &["print", "sitrep", "-o", pdf.to_str().expect("path")],
            &dir,
        ),
        "no crisis is running",
    );
    assert_one_line_error(
        &run(
            &[
                "print",
                "decisions",
                "--crisis",
                "Storing",
                "-o",
                pdf.to_str().expect("path"),
            ],
            &dir,
        ),
        "no crisis \"Storing\"",
    );

    let o = run(&["rebuild"], &dir);
    assert!(
        text(&o).0.contains("Read models rebuilt from 12 events."),
        "{}",
        text(&o).0
    );

    // The same e-mail twice, a bad role, a second workspace with the same name.
    assert_one_line_error(
        &run(
            &[
                "user",
                "add",
                "--email",
                "adviseur@utrecht.nl",
                "--name",
                "X",
                "--role",
                "viewer",
            ],
            &dir,
        ),
        "already exists",
    );
    assert_one_line_error(
        &run(
            &[
                "user",
                "add",
                "--email",
                "x@utrecht.nl",
                "--name",
                "X",
                "--role",
                "koning",
            ],
            &dir,
        ),
        "--role",
    );
    assert_one_line_error(
        &run(
            &[
                "init",
                "--workspace",
                "Gemeente Utrecht",
                "--admin-email",
                "b@utrecht.nl",
            ],
            &dir,
        ),
        "already exists",
    );
    assert_one_line_error(
        &run(
            &[
                "init",
                "--workspace",
                "Gemeente X",
                "--admin-email",
                "b@x.nl",
                "--region",
                "VR99",
            ],
            &dir,
        ),
        "unknown safety region",
    );
}

#[test]
fn verify_names_the_tampered_stream_and_seq_and_fails() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("data");
    assert!(
        run(
            &[
                "init",
                "--workspace",
                "Gemeente Voorbeeld",
                "--admin-email",
                "a@voorbeeld.nl"
            ],
            &dir
        )
        .status
        .success()
    );
    for i in 0..3 {
        let email = format!("lid{i}@voorbeeld.nl");
        let o = run(
            &[
                "user", "add", "--email", &email, "--name", "Lid", "--role", "member",
            ],
            &dir,
        );
        assert!(o.status.success());
    }
    // Change one byte of seq 4 behind the application's back, as an attacker with file access.
    let db = dir.join("crisismap.db");
    let rt = tokio::runtime::Runtime::new().expect("rt");
    let stream = rt.block_on(async {
        use sqlx::Connection;
        let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display()))
            .await
            .expect("open");
        sqlx::query("DROP TRIGGER events_are_append_only_update")
            .execute(&mut c)
            .await
            .expect("drop");
        sqlx::query("UPDATE events SET payload = REPLACE(payload, 'lid1@', 'lid9@') WHERE seq = 4")
            .execute(&mut c)
            .await
            .expect("tamper");
        let (s,): (String,) = sqlx::query_as("SELECT stream_id FROM events WHERE seq = 4")
            .fetch_one(&mut c)
            .await
            .expect("s");
        s
    });
    let o = run(&["verify"], &dir);
    let (out, err) = text(&o);
    assert!(!o.status.success());
    assert!(
        out.contains(&format!(
            "TAMPERED  Gemeente Voorbeeld · workspace {stream}: first bad seq 4"
        )),
        "{out}"
    );
    assert!(err.contains(&format!("stream {stream} at seq 4")), "{err}");
}

#[test]
fn mistakes_give_one_clear_line_and_no_database_is_created_by_accident() {
    let tmp = tempfile::tempdir().expect("tmp");
    let missing = tmp.path().join("bestaat-niet");
    assert_one_line_error(&run(&["verify"], &missing), "no crisismap database");
    assert!(!missing.exists(), "verify must not create a database");

    let occupied = tmp.path().join("documenten");
    std::fs::create_dir_all(&occupied).expect("mkdir");
    std::fs::write(occupied.join("notulen.docx"), b"...").expect("write");
    assert_one_line_error(
        &run(
            &[
                "init",
                "--workspace",
                "Gemeente X",
                "--admin-email",
                "a@x.nl",
            ],
            &occupied,
        ),
        "not empty",
    );
    assert!(!occupied.join("crisismap.db").exists());

    let o = crisismap(&[
        "verify",
        "--database-url",
        "postgres://nobody@127.0.0.1:1/none",
    ]);
    assert_one_line_error(&o, "cannot reach PostgreSQL");
    let o = crisismap(&[
        "verify",
        "--database-url",
        "postgres://user:geheim@127.0.0.1:1/none",
    ]);
    assert!(
        !text(&o).1.contains("geheim"),
        "the password is never printed"
    );
    assert_one_line_error(
        &crisismap(&["rebuild", "--database-url", "mysql://x"]),
        "unsupported database URL",
    );

    let o = run(
        &[
            "init",
            "--workspace",
            "Gemeente X",
            "--admin-email",
            "geen-adres",
        ],
        &tmp.path().join("nieuw"),
    );
    assert_one_line_error(&o, "--admin-email");
}

#[test]
fn the_only_administrator_lost_their_phone_and_the_cli_removes_the_second_factor() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("data");
    let o = run(
        &[
            "init",
            "--workspace",
            "Gemeente Utrecht",
            "--admin-email",
            "beheer@utrecht.nl",
        ],
        &dir,
    );
    assert!(o.status.success(), "{}", text(&o).1);
    // The administrator had enrolled an app and has a session.
    let db = dir.join("crisismap.db");
    let rt = tokio::runtime::Runtime::new().expect("rt");
    let count = |sql: &'static str| {
        rt.block_on(async {
            use sqlx::Connection;
            let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display()))
                .await
                .expect("open");
            let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&mut c).await.expect("count");
            n
        })
    };
    rt.block_on(async {
        use sqlx::Connection;
        let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display()))
            .await
            .expect("open");
        let (user,): (String,) =
            sqlx::query_as("SELECT id FROM rm_users WHERE email = 'beheer@utrecht.nl'")
                .fetch_one(&mut c)
                .await
                .expect("admin");
        for sql in [
            "INSERT INTO mfa_totp (user_id, secret, confirmed_at, last_step, created_at) VALUES ($1, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', '2026-12-01T08:00:00Z', 0, '2026-12-01T08:00:00Z')",
            "INSERT INTO mfa_recovery_codes (user_id, code_hash) VALUES ($1, 'abc')",
            "INSERT INTO sessions (id_hash, user_id, workspace_id, csrf_token, created_us, last_seen_us) SELECT 'h', id, workspace_id, 'c', 1, 1 FROM rm_users WHERE id = $1",
        ] {
            sqlx::query(sql)
                .bind(&user)
                .execute(&mut c)
                .await
                .expect("seed");
        }
    });
    assert_eq!(count("SELECT COUNT(*) FROM mfa_totp"), 1);

    let o = run(&["user", "reset-mfa", "--email", "Beheer@Utrecht.nl"], &dir);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        out.contains("Two-step verification of beheer@utrecht.nl removed"),
        "{out}"
    );
    assert_eq!(count("SELECT COUNT(*) FROM mfa_totp"), 0);
    assert_eq!(count("SELECT COUNT(*) FROM mfa_recovery_codes"), 0);
    assert_eq!(
        count("SELECT COUNT(*) FROM sessions"),
        0,
        "their sessions ended"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM audit_log WHERE action = 'mfa_reset'"),
        1
    );
    assert_one_line_error(
        &run(
            &["user", "reset-mfa", "--email", "niemand@utrecht.nl"],
            &dir,
        ),
        "niemand@utrecht.nl",
    );
}

#[test]
fn the_version_names_the_commit_and_logs_in_a_file_carry_no_colour_codes() {
    let o = crismap_version();
    let (out, _) = text(&o);
    assert!(o.status.success());
    assert!(
        out.starts_with(&format!("crisismap {} (commit ", env!("CARGO_PKG_VERSION"))),
        "{out}"
    );
    let commit = out
        .split("(commit ")
        .nth(1)
        .and_then(|r| r.split(')').next())
        .unwrap_or("");
    assert!(
        commit == "unknown"
            || (commit.len() == 12 && commit.chars().all(|c| c.is_ascii_hexdigit())),
        "{commit}"
    );

    // Logging to a pipe (here: captured output), as a service manager or a log file gets it.
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let o = Command::new(env!("CARGO_BIN_EXE_crisismap"))
        .args([
            "init",
            "--workspace",
            "Gemeente Logtest",
            "--admin-email",
            "beheer@logtest.nl",
        ])
        .arg("--data-dir")
        .arg(&data)
        .env("RUST_LOG", "info")
        .output()
        .expect("the binary runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(!log.trim().is_empty(), "info lines were logged");
    assert!(!log.contains('\u{1b}'), "no escape codes: {log:?}");
}

fn crismap_version() -> Output {
    crisismap(&["--version"])
}

/// One HTTP/1.1 exchange over a plain socket: (head, body).
fn http(addr: &str, request: &str) -> (String, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).expect("connect");
    s.write_all(request.as_bytes()).expect("send");
    let mut bytes = vec![];
    let mut buf = [0u8; 8192];
    // Read until the server closes; a reset after the answer still leaves the answer.
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => bytes.extend_from_slice(&buf[..n]),
            Err(e) if !bytes.is_empty() => {
                let _ = e;
                break;
            }
            Err(e) => panic!("read {request:?}: {e}"),
        }
    }
    let out = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = out.split_once("\r\n\r\n").unwrap_or((&out, ""));
    (head.to_owned(), body.to_owned())
}

#[test]
fn a_forged_log_line_from_the_login_form_stays_inside_its_record() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let o = run(
        &[
            "init",
            "--workspace",
            "Gemeente Logtest",
            "--admin-email",
            "beheer@logtest.nl",
        ],
        &data,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let log_path = dir.path().join("serve.log");
    let log = std::fs::File::create(&log_path).expect("log file");
    let mut server = Command::new(env!("CARGO_BIN_EXE_crisismap"))
        .args(["serve", "--listen", "127.0.0.1:0", "--print-dir"])
        .arg(dir.path().join("print"))
        .arg("--data-dir")
        .arg(&data)
        .env_remove("CRISISMAP_DATABASE_URL")
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::piped())
        .stderr(log)
        .spawn()
        .expect("serve");
    let stdout = server.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    // Reads the address from the banner and keeps draining what the server prints.
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(rest) = line.split("serves on http://").nth(1) {
                let _ = tx.send(rest.split('/').next().unwrap_or("").to_owned());
            }
        }
    });
    let addr = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the server said where it listens");

    let (head, body) = http(
        &addr,
        &format!("GET /inloggen HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    );
    let cookie = head
        .lines()
        .filter_map(|l| {
            l.strip_prefix("set-cookie: ")
                .or_else(|| l.strip_prefix("Set-Cookie: "))
        })
        .map(|c| c.split(';').next().unwrap_or("").to_owned())
        .collect::<Vec<_>>()
        .join("; ");
    let marker = "name=\"_csrf\" value=\"";
    let start = body.find(marker).expect("csrf") + marker.len();
    let csrf = &body[start..start + body[start..].find('"').expect("end")];
    // An e-mail address with a newline and a fake audit line after it.
    let forged = "aanvaller%40x.nl%0A2026-12-07T00%3A00%3A00Z%20INFO%20audit%3A%20actor%3Dbeheer%40logtest.nl%20result%3Dok";
    let form = format!("_csrf={csrf}&email={forged}&password=geraden");
    let (head, _) = http(
        &addr,
        &format!(
            "POST /inloggen HTTP/1.1\r\nHost: {addr}\r\nCookie: {cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{form}",
            form.len()
        ),
    );
    assert!(head.starts_with("HTTP/1.1 401"), "{head}");
    let _ = server.kill();
    let _ = server.wait();
    let log = std::fs::read_to_string(&log_path).expect("log");
    assert!(
        log.lines().all(|l| !l.starts_with("2026-12-07T00:00:00Z")),
        "a forged line: {log}"
    );
    assert!(
        log.contains("aanvaller@x.nl\\n2026-12-07"),
        "the attempt is logged, escaped: {log}"
    );
}
