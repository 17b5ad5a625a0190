//! What each subcommand does.

use crate::{Command, DbArgs, PrintCommand, ServeArgs, UserCommand};
use anyhow::{Context, anyhow, bail};
use crisismap_app::password::{PasswordCost, hash_password, random_password};
use crisismap_app::{App, By};
use crisismap_core::event::Actor;
use crisismap_core::{DisplayName, Email, Role, SystemClock, WorkspaceName, regions};
use crisismap_store::{Location, NewCredential, OpenMode, Store, WorkspaceRecord};
use crisismap_web::{AppState, WebConfig};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// The password of every demo account, printed at start.
const DEMO_PASSWORD: &str = "demo-crisismap";

pub async fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve { db, web } => {
            let store = open(&db, OpenMode::CreateIfMissing).await?;
            if store.workspaces().await?.is_empty() {
                tracing::warn!(
                    "no workspace yet: run `crisismap init --workspace … --admin-email …` to create one"
                );
            }
            let print_dir = web
                .print_dir
                .clone()
                .unwrap_or_else(|| match &db.database_url {
                    Some(url) if !url.trim().is_empty() => "./crisismap-print".into(),
                    _ => db.data_dir.join("print"),
                });
            serve(store, &web, None, print_dir, false).await
        }
        Command::Demo { data_dir, web } => {
            let store = open_location(
                &Location::DataDir(data_dir.clone()),
                OpenMode::CreateIfMissing,
            )
            .await?;
            let hash =
                tokio::task::spawn_blocking(|| hash_password(DEMO_PASSWORD, PasswordCost::Default))
                    .await?;
            let app = crisismap_app::App::new(store.clone(), PasswordCost::Default);
            let (_, created) = crisismap_app::demo::seed(&app, &hash)
                .await
                .map_err(|e| anyhow!("the demo could not be loaded: {e:?}"))?;
            if created {
                // The demo administrator logs in with two steps, as every administrator
                // does; the demo shows the current code on the page instead of an app.
                for user in &crisismap_app::demo::WORKSPACE.users {
                    if user.role == crisismap_core::Role::Admin {
                        let user = find_user(&store, &user.email).await?;
                        crisismap_app::totp::enrol_totp(&store, user.id, None, &[]).await?;
                    }
                }
            }
            let banner = demo_banner(&web.listen, &data_dir.display().to_string(), created);
            let print_dir = web
                .print_dir
                .clone()
                .unwrap_or_else(|| data_dir.join("print"));
            serve(store, &web, Some(banner), print_dir, true).await
        }
        Command::Init {
            db,
            workspace,
            admin_email,
            admin_name,
            region,
        } => {
            init(
                &db,
                &workspace,
                &admin_email,
                &admin_name,
                region.as_deref(),
            )
            .await
        }
        Command::User { command } => user(command).await,
        Command::Verify { db } => verify(&db).await,
        Command::Print { document } => print(document).await,
        Command::Openapi => {
            println!("{:#}", crisismap_web::api::openapi_document());
            Ok(ExitCode::SUCCESS)
        }
        Command::Rebuild { db } => {
            let store = open(&db, OpenMode::MustExist).await?;
            let n = store.rebuild().await?;
            println!("Read models rebuilt from {n} events.");
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn location(db: &DbArgs) -> Location {
    match &db.database_url {
        Some(url) if !url.trim().is_empty() => Location::Url(url.trim().to_owned()),
        _ => Location::DataDir(db.data_dir.clone()),
    }
}

async fn open(db: &DbArgs, mode: OpenMode) -> anyhow::Result<Store> {
    open_location(&location(db), mode).await
}

async fn open_location(location: &Location, mode: OpenMode) -> anyhow::Result<Store> {
    Ok(Store::open(location, mode, Arc::new(SystemClock)).await?)
}

/// What the demo says when it starts: Dutch first, like the product, then English.
fn demo_banner(listen: &str, dir: &str, created: bool) -> String {
    use crisismap_core::Role;
    let role = |r: Role| match r {
        Role::Admin => ("beheerder", "administrator"),
        Role::Editor => ("redacteur", "editor"),
        Role::Member => ("deelnemer", "member"),
        Role::Viewer => ("meelezer", "viewer"),
    };
    let mut s = String::new();
    s.push_str("\n  crisismap-demo: Gemeente Voorbeeld (veiligheidsregio Utrecht)\n");
    s.push_str(&format!(
        "  Open http://{listen}/ en log in met een van deze accounts:\n\n"
    ));
    for user in &crisismap_app::demo::WORKSPACE.users {
        let (email, name) = (&user.email, &user.name);
        s.push_str(&format!(
            "    {email:<28} {:<10} {name}\n",
            role(user.role).0
        ));
    }
    s.push_str(&format!(
        "\n  Wachtwoord van elk account: {DEMO_PASSWORD}\n"
    ));
    s.push_str(
        "  De beheerder logt in met tweestapsverificatie; de demo toont de code op de pagina.\n",
    );
    s.push_str(&format!(
        "  Gegevens: {dir} ({}). Stoppen met Ctrl+C.\n",
        if created {
            "nieuwe demo gemaakt"
        } else {
            "bestaande demo behouden"
        }
    ));
    s.push_str(&format!(
        "\n  English: open http://{listen}/ and log in with one of the accounts above \
         (roles: {}); the password of every account is {DEMO_PASSWORD}. The administrator \
         logs in with two-step verification; the demo shows the code on the page. Data: \
         {dir} ({}). Stop with Ctrl+C.\n",
        crisismap_app::demo::WORKSPACE
            .users
            .iter()
            .map(|u| format!("{} = {}", role(u.role).0, role(u.role).1))
            .collect::<Vec<_>>()
            .join(", "),
        if created {
            "new demo created"
        } else {
            "existing demo kept"
        }
    ));
    s
}

async fn serve(
    store: Store,
    web: &ServeArgs,
    banner: Option<String>,
    print_dir: std::path::PathBuf,
    demo: bool,
) -> anyhow::Result<ExitCode> {
    let config = WebConfig {
        demo_hints: demo,
        idle_timeout: Duration::from_secs(web.idle_timeout_minutes * 60),
        absolute_timeout: Duration::from_secs(web.absolute_timeout_hours * 3600),
        secure_cookies: web.secure_cookies,
        behind_proxy: web.behind_proxy,
        contact_review_months: web.contact_review_months as i64,
        header_read_timeout: Duration::from_secs(web.header_timeout_seconds),
        max_connections: usize::try_from(web.max_connections).unwrap_or(1024),
        max_live_per_user: usize::try_from(web.max_live_per_user).unwrap_or(20),
        ..WebConfig::default()
    };
    let listener = tokio::net::TcpListener::bind(&web.listen)
        .await
        .with_context(|| format!("cannot listen on {}", web.listen))?;
    let addr = listener.local_addr()?;
    match banner {
        Some(b) => println!("{b}"),
        None => println!(
            "{}",
            both_languages(
                "cli-serving",
                &[("address", format!("http://{addr}/").into())]
            )
        ),
    }
    let state = AppState::new(store, config);
    println!(
        "  {}",
        both_languages(
            "cli-print-folder",
            &[("folder", print_dir.display().to_string().into())]
        )
    );
    let printer = tokio::spawn(crisismap_app::print::keep_folders_current(
        state.app().clone(),
        print_dir,
        Duration::from_secs(5),
    ));
    crisismap_web::serve(listener, state, shutdown_signal()).await?;
    printer.abort();
    Ok(ExitCode::SUCCESS)
}

async fn print(document: PrintCommand) -> anyhow::Result<ExitCode> {
    match document {
        PrintCommand::Folder {
            db,
            output,
            workspace,
            lang,
        } => {
            let lang: crisismap_core::Lang =
                lang.parse().map_err(|_| anyhow!("--lang: use nl or en"))?;
            let store = open(&db, OpenMode::MustExist).await?;
            let ws = pick_workspace(&store, workspace.as_deref()).await?;
            let app = App::new(store, PasswordCost::Default);
            let started = std::time::Instant::now();
            let data = crisismap_app::print::folder_data(&app, ws.id, lang, None)
                .await
                .map_err(|e| anyhow!("{e}"))?;
            let pdf = crisismap_app::print::render_folder(data)
                .await
                .map_err(|e| anyhow!("{e}"))?;
            crisismap_app::print::write_atomically(&output, &pdf.bytes)
                .with_context(|| format!("cannot write {}", output.display()))?;
            println!(
                "Crisis folder of {:?}: {} pages, written to {} in {} ms.",
                ws.name,
                pdf.pages,
                output.display(),
                started.elapsed().as_millis()
            );
            Ok(ExitCode::SUCCESS)
        }
        PrintCommand::Sitrep {
            db,
            output,
            crisis,
            workspace,
            lang,
        } => print_crisis(db, output, crisis, workspace, lang, false).await,
        PrintCommand::Decisions {
            db,
            output,
            crisis,
            workspace,
            lang,
        } => print_crisis(db, output, crisis, workspace, lang, true).await,
    }
}

/// Prints a crisis's situation report or decision record.
async fn print_crisis(
    db: DbArgs,
    output: std::path::PathBuf,
    crisis: Option<String>,
    workspace: Option<String>,
    lang: String,
    decisions: bool,
) -> anyhow::Result<ExitCode> {
    let lang: crisismap_core::Lang = lang.parse().map_err(|_| anyhow!("--lang: use nl or en"))?;
    let store = open(&db, OpenMode::MustExist).await?;
    let ws = pick_workspace(&store, workspace.as_deref()).await?;
    let crises = store.crises(ws.id).await?;
    let chosen = match crisis.as_deref() {
        Some(c) => crises
            .iter()
            .find(|x| x.id.to_string() == c || x.state.title == c)
            .ok_or_else(|| anyhow!("no crisis {c:?} in {:?}", ws.name))?,
        None => {
            let running: Vec<_> = crises.iter().filter(|c| !c.state.closed).collect();
            match running.as_slice() {
                [one] => *one,
                [] => bail!("no crisis is running: name one with --crisis"),
                _ => bail!(
                    "several crises are running: name one with --crisis ({})",
                    running
                        .iter()
                        .map(|c| format!("{} {:?}", c.id, c.state.title))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        }
    };
    let app = App::new(store, PasswordCost::Default);
    let started = std::time::Instant::now();
    let pdf = if decisions {
        let data = crisismap_app::print::decision_record_data(&app, ws.id, chosen.id, lang)
            .await
            .map_err(|e| anyhow!("{e}"))?;
        crisismap_app::print::render_decisions(data).await
    } else {
        let data = crisismap_app::print::sitrep_data(&app, ws.id, chosen.id, lang)
            .await
            .map_err(|e| anyhow!("{e}"))?;
        crisismap_app::print::render_sitrep(data).await
    }
    .map_err(|e| anyhow!("{e}"))?;
    crisismap_app::print::write_atomically(&output, &pdf.bytes)
        .with_context(|| format!("cannot write {}", output.display()))?;
    println!(
        "{} of {:?}: {} pages, written to {} in {} ms.",
        if decisions {
            "Decision record"
        } else {
            "Situation report"
        },
        chosen.state.title,
        pdf.pages,
        output.display(),
        started.elapsed().as_millis()
    );
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

async fn init(
    db: &DbArgs,
    workspace: &str,
    admin_email: &str,
    admin_name: &str,
    region: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let name = WorkspaceName::parse(workspace).map_err(|e| anyhow!("--workspace: {e}"))?;
    let email = Email::parse(admin_email).map_err(|e| anyhow!("--admin-email: {e}"))?;
    let display = DisplayName::parse(admin_name).map_err(|e| anyhow!("--admin-name: {e}"))?;
    let region = match region {
        Some(r) => Some(
            regions::find(r)
                .ok_or_else(|| {
                    anyhow!(
                        "--region: unknown safety region {r:?} (use a code VR01–VR25 or its name)"
                    )
                })?
                .code
                .to_owned(),
        ),
        None => None,
    };
    let store = open(db, OpenMode::CreateIfMissing).await?;
    if store
        .workspaces()
        .await?
        .iter()
        .any(|w| w.name == name.as_str())
    {
        bail!("a workspace named {:?} already exists", name.as_str());
    }
    let password = random_password();
    let pw = password.clone();
    let password_hash =
        tokio::task::spawn_blocking(move || hash_password(&pw, PasswordCost::Default)).await?;
    let (ws, _) = store
        .create_workspace(
            &name,
            region,
            &email,
            &display,
            NewCredential {
                password_hash,
                must_change: true,
            },
            &Actor::System("cli".into()),
        )
        .await
        .map_err(|e| match e {
            crisismap_store::StoreError::Conflict => {
                anyhow!("a user with e-mail {email} already exists")
            }
            other => other.into(),
        })?;
    crisismap_store::seed::seed_defaults(&store, ws, &Actor::System("cli".into())).await?;
    println!(
        "Workspace {:?} created ({ws}) with the three teams and the escalation agreements of the guidance.",
        name.as_str()
    );
    println!("Administrator: {email}");
    println!("One-time password (shown once, must be changed at first login): {password}");
    Ok(ExitCode::SUCCESS)
}

async fn pick_workspace(store: &Store, wanted: Option<&str>) -> anyhow::Result<WorkspaceRecord> {
    let all = store.workspaces().await?;
    match wanted {
        Some(w) => all
            .into_iter()
            .find(|r| r.name == w || r.id.to_string() == w)
            .ok_or_else(|| anyhow!("no workspace named {w:?}")),
        None => match all.len() {
            0 => bail!("there is no workspace yet: run `crisismap init` first"),
            1 => Ok(all
                .into_iter()
                .next()
                .ok_or_else(|| anyhow!("no workspace"))?),
            _ => bail!("there are several workspaces: name one with --workspace"),
        },
    }
}

async fn user(command: UserCommand) -> anyhow::Result<ExitCode> {
    match command {
        UserCommand::Add {
            db,
            email,
            name,
            role,
            workspace,
        } => {
            // Checked here first, so that each mistake is named by its flag.
            Email::parse(&email).map_err(|e| anyhow!("--email: {e}"))?;
            DisplayName::parse(&name).map_err(|e| anyhow!("--name: {e}"))?;
            let role: Role = role
                .parse()
                .map_err(|_| anyhow!("--role: use admin, editor, member or viewer"))?;
            let store = open(&db, OpenMode::MustExist).await?;
            let ws = pick_workspace(&store, workspace.as_deref()).await?;
            let app = App::new(store, PasswordCost::Default);
            let input = crisismap_app::users::NewUserInput {
                email: email.clone(),
                display_name: name,
                role: role.code().to_owned(),
            };
            let added =
                crisismap_app::users::add_user(&app, By::CommandLine(ws.id), "cli", &input).await;
            let (user, password) = match added {
                Ok(done) => done,
                Err(crisismap_app::Error::Invalid(f))
                    if f.iter().any(|f| f.code == "email_taken") =>
                {
                    bail!("a user with e-mail {email} already exists")
                }
                Err(e) => return Err(anyhow!("{e}")),
            };
            println!("User {} added to {:?} as {role}.", user.email, ws.name);
            println!("One-time password (shown once, must be changed at first login): {password}");
        }
        UserCommand::Disable { db, email } => {
            let (app, user) = app_and_user(&db, &email).await?;
            crisismap_app::users::change_user(
                &app,
                By::CommandLine(user.workspace),
                "cli",
                user.id,
                crisismap_app::users::UserChange::Disable,
            )
            .await
            .map_err(|e| anyhow!("{e}"))?;
            println!(
                "User {} disabled; their sessions and tokens have ended.",
                user.email
            );
        }
        UserCommand::ResetPassword { db, email } => {
            let (app, user) = app_and_user(&db, &email).await?;
            let (user, password) = crisismap_app::users::reset_password(
                &app,
                By::CommandLine(user.workspace),
                "cli",
                user.id,
            )
            .await
            .map_err(|e| anyhow!("{e}"))?;
            println!(
                "New one-time password for {} (shown once): {password}",
                user.email
            );
        }
        UserCommand::ResetMfa { db, email } => {
            let (app, user) = app_and_user(&db, &email).await?;
            crisismap_app::users::reset_mfa(&app, By::CommandLine(user.workspace), "cli", user.id)
                .await
                .map_err(|e| anyhow!("{e}"))?;
            println!(
                "Two-step verification of {} removed; their sessions ended. They set it up again at their next login.",
                user.email
            );
        }
        UserCommand::List { db, workspace } => {
            let store = open(&db, OpenMode::MustExist).await?;
            let ws = pick_workspace(&store, workspace.as_deref()).await?;
            println!("{:<32} {:<8} {:<9} name", "e-mail", "role", "status");
            for u in store.users(ws.id).await? {
                let status = if u.disabled { "disabled" } else { "active" };
                println!(
                    "{:<32} {:<8} {:<9} {}",
                    u.email,
                    u.role.code(),
                    status,
                    u.display_name
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The application over the database, and the user with this e-mail address.
async fn app_and_user(
    db: &DbArgs,
    email: &str,
) -> anyhow::Result<(App, crisismap_store::UserRecord)> {
    let store = open(db, OpenMode::MustExist).await?;
    let user = find_user(&store, email).await?;
    Ok((App::new(store, PasswordCost::Default), user))
}

async fn find_user(store: &Store, email: &str) -> anyhow::Result<crisismap_store::UserRecord> {
    let email = Email::parse(email).map_err(|e| anyhow!("--email: {e}"))?;
    store
        .user_by_email(&email)
        .await
        .map_err(|_| anyhow!("no user with e-mail {email}"))
}

async fn verify(db: &DbArgs) -> anyhow::Result<ExitCode> {
    let store = open(db, OpenMode::MustExist).await?;
    let report = store.verify(None).await?;
    let names: std::collections::HashMap<_, _> = store
        .workspaces()
        .await?
        .into_iter()
        .map(|w| (w.id, w.name))
        .collect();
    for s in &report.streams {
        let ws = names.get(&s.workspace).map(String::as_str).unwrap_or("?");
        match &s.fault {
            None => println!(
                "ok        {ws} · {} {}: {} events, head {}",
                s.kind, s.stream, s.length, s.head_hash
            ),
            Some(bad) => println!(
                "TAMPERED  {ws} · {} {}: first bad seq {}: {}",
                s.kind, s.stream, bad.seq, bad.fault
            ),
        }
    }
    if report.is_intact() {
        println!("All {} streams intact.", report.streams.len());
        Ok(ExitCode::SUCCESS)
    } else {
        let bad: Vec<String> = report
            .streams
            .iter()
            .filter_map(|s| {
                s.fault
                    .as_ref()
                    .map(|f| format!("stream {} at seq {}", s.stream, f.seq))
            })
            .collect();
        eprintln!(
            "crisismap: the record has been tampered with: {}",
            bad.join("; ")
        );
        Ok(ExitCode::from(2))
    }
}

/// A line for the operator in Dutch and in English: "… · …".
fn both_languages(key: &str, args: &[(&str, crisismap_app::i18n::Value<'_>)]) -> String {
    crisismap_core::Lang::ALL
        .map(|lang| crisismap_app::i18n::Tr(lang).with(key, args))
        .join(" · ")
}
