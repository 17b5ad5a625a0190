//! The `crisismap` binary: serve the application, seed a demo, set up a workspace, manage
//! users, and verify or rebuild the record. Every failure ends with one line on stderr and
//! a non-zero exit code.

mod commands;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// The version and the commit it was built from.
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("CRISISMAP_COMMIT"),
    ")"
);

#[derive(Debug, Parser)]
#[command(
    name = "crisismap",
    version = VERSION,
    about = "Crisis folder for Dutch municipalities facing digital disruption"
)]
pub struct Cli {
    /// Log format: readable text or one JSON object per line.
    #[arg(long, env = "CRISISMAP_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

/// Where the data lives. SQLite in a folder by default; PostgreSQL with a URL.
#[derive(Debug, Clone, Args)]
pub struct DbArgs {
    /// Folder that holds the embedded SQLite database (crisismap.db).
    #[arg(
        long,
        env = "CRISISMAP_DATA_DIR",
        default_value = "./crisismap-data",
        conflicts_with = "database_url"
    )]
    pub data_dir: PathBuf,
    /// PostgreSQL instead of SQLite, e.g. postgres://user@host/crisismap.
    #[arg(long, env = "CRISISMAP_DATABASE_URL")]
    pub database_url: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "CRISISMAP_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// Serving over TLS (directly or behind a proxy): cookies get Secure and the __Host- prefix.
    #[arg(long, env = "CRISISMAP_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Behind a reverse proxy: trust X-Forwarded-For and X-Forwarded-Proto.
    #[arg(long, env = "CRISISMAP_BEHIND_PROXY")]
    pub behind_proxy: bool,
    /// Seconds a client has to send a request's headers (after connecting, or after the
    /// previous response on a kept-alive connection); then the connection is closed.
    #[arg(long, env = "CRISISMAP_HEADER_TIMEOUT_SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub header_timeout_seconds: u64,
    /// Connections served at once; more wait until one is free.
    #[arg(long, env = "CRISISMAP_MAX_CONNECTIONS", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub max_connections: u64,
    /// Live-update streams one user may hold open (tabs, wall screens); more get HTTP 429.
    #[arg(long, env = "CRISISMAP_MAX_LIVE_PER_USER", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub max_live_per_user: u64,
    /// Minutes without activity after which a session ends.
    #[arg(long, env = "CRISISMAP_IDLE_TIMEOUT_MINUTES", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=1440))]
    pub idle_timeout_minutes: u64,
    /// Hours after login after which a session ends, however active.
    #[arg(long, env = "CRISISMAP_ABSOLUTE_TIMEOUT_HOURS", default_value_t = 12, value_parser = clap::value_parser!(u64).range(1..=168))]
    pub absolute_timeout_hours: u64,
    /// Months after which a contact whose details were not checked is flagged.
    #[arg(long, env = "CRISISMAP_CONTACT_REVIEW_MONTHS", default_value_t = 6, value_parser = clap::value_parser!(u64).range(1..=60))]
    pub contact_review_months: u64,
    /// Where `serve` keeps the current crisis folder PDF of each workspace (default: `print`
    /// inside the data folder, or `./crisismap-print` with PostgreSQL).
    #[arg(long, env = "CRISISMAP_PRINT_DIR")]
    pub print_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web application.
    Serve {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        web: ServeArgs,
    },
    /// Serve a demo: the fictitious "Gemeente Voorbeeld" with an account for every role.
    Demo {
        /// Folder for the demo database; kept, so that a restart keeps the demo.
        #[arg(long, env = "CRISISMAP_DEMO_DIR", default_value = "./crisismap-demo")]
        data_dir: PathBuf,
        #[command(flatten)]
        web: ServeArgs,
    },
    /// Create a workspace and its first administrator (one-time password printed once).
    Init {
        #[command(flatten)]
        db: DbArgs,
        /// Name of the workspace, e.g. "Gemeente Utrecht".
        #[arg(long)]
        workspace: String,
        /// E-mail address of the first administrator.
        #[arg(long)]
        admin_email: String,
        /// Name of the first administrator.
        #[arg(long, default_value = "Beheerder")]
        admin_name: String,
        /// Safety region, by code (VR09) or name (Utrecht).
        #[arg(long)]
        region: Option<String>,
    },
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Check every hash chain; exits non-zero when anything was tampered with.
    Verify {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Write the API's OpenAPI document (the one `/api/v1/openapi.json` serves) to stdout.
    Openapi,
    /// Rebuild every read model from the event log.
    Rebuild {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Print a document to a PDF file.
    Print {
        #[command(subcommand)]
        document: PrintCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum PrintCommand {
    /// The crisis folder: everything from preparation, with blank forms.
    Folder {
        #[command(flatten)]
        db: DbArgs,
        /// The PDF file to write.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Workspace name or id; needed when there is more than one.
        #[arg(long)]
        workspace: Option<String>,
        /// nl or en.
        #[arg(long, default_value = "nl")]
        lang: String,
    },
    /// The situation report of a crisis: its shared picture now.
    Sitrep {
        #[command(flatten)]
        db: DbArgs,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Crisis id or title; may be left out when exactly one crisis is running.
        #[arg(long)]
        crisis: Option<String>,
        /// Workspace name or id; needed when there is more than one.
        #[arg(long)]
        workspace: Option<String>,
        #[arg(long, default_value = "nl")]
        lang: String,
    },
    /// The decision record of a crisis, closed by the verification of its hash chain.
    Decisions {
        #[command(flatten)]
        db: DbArgs,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Crisis id or title; may be left out when exactly one crisis is running.
        #[arg(long)]
        crisis: Option<String>,
        /// Workspace name or id; needed when there is more than one.
        #[arg(long)]
        workspace: Option<String>,
        #[arg(long, default_value = "nl")]
        lang: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user with a one-time password.
    Add {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, editor, member or viewer.
        #[arg(long)]
        role: String,
        /// Workspace name or id; needed when there is more than one.
        #[arg(long)]
        workspace: Option<String>,
    },
    /// Disable a user: their sessions and API tokens end at once.
    Disable {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
    },
    /// Give a user a new one-time password; their sessions end.
    ResetPassword {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
    },
    /// Remove a user's two-step verification (lost phone): their sessions and tokens end,
    /// and they set it up again at their next login.
    ResetMfa {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
    },
    /// List the users.
    List {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        workspace: Option<String>,
    },
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    // Colour codes only for a person at a terminal, never in a file or a pipe.
    use std::io::IsTerminal;
    // Every record is written whole and escaped: what a client sends cannot start a line.
    let colours = std::io::stderr().is_terminal();
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(colours)
        .with_writer(move || crisismap_web::logline::EscapingStderr::new(colours));
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("crisismap: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(commands::run(cli.command)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("crisismap: {e:#}");
            ExitCode::FAILURE
        }
    }
}
