//! Proof that crisismap holds under load and survives a crash. Everything here drives the
//! real `crisismap` binary as an administrator and its users would: the command line to set
//! up a workspace, `crisismap serve` on loopback, and HTTP (browser sessions with cookies and
//! CSRF tokens, API tokens) to use it. Only 127.0.0.1 is ever contacted.
//!
//! `db`: a fresh database per proof; `binary`: the command line and a running server;
//! `client`: browser sessions, API tokens and the accounts that use them.

mod binary;
mod client;
mod db;

pub use binary::*;
pub use client::*;
pub use db::*;
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
