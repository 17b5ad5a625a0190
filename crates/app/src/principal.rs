//! Who is acting, how they proved it, and the audit log of what they did.

use crate::App;
use crisismap_store::{AuditRecord, UserRecord};

/// How the principal proved who they are.
#[derive(Debug, Clone)]
pub enum Via {
    /// A session cookie from a login in the browser.
    Session {
        /// The hash of the session id, by which the session is found and ended.
        id_hash: String,
        /// The session's CSRF token, which its forms must send back.
        csrf: String,
        /// The user must replace a one-time password before doing anything else.
        must_change_password: bool,
        /// The user's role or workspace requires a second factor that is not set up yet.
        mfa_enrolment_required: bool,
    },
    /// An API key.
    Token {
        /// The key's id, named in the audit log.
        id: String,
        /// `read` tokens may only read (GET); `write` tokens read and write.
        scope: String,
    },
    /// The server itself, acting for this user without a request: the demo loader.
    Server,
}

/// A signed-in user and how they signed in.
#[derive(Debug, Clone)]
pub struct Principal {
    /// The signed-in user as they are now.
    pub user: UserRecord,
    /// How they proved who they are.
    pub via: Via,
}

impl Principal {
    /// The actor the events name: this user.
    pub fn actor(&self) -> crisismap_core::event::Actor {
        crisismap_core::event::Actor::User(self.user.id)
    }

    /// The CSRF token the session's forms must carry; empty for API keys and the server.
    pub fn csrf(&self) -> &str {
        match &self.via {
            Via::Session { csrf, .. } => csrf,
            Via::Token { .. } | Via::Server => "",
        }
    }

    /// The actor as the audit log names it (with the token, when one was used).
    pub fn audit_actor(&self) -> String {
        match &self.via {
            Via::Token { id, .. } => format!("user:{} token:{id}", self.user.id),
            Via::Session { .. } => format!("user:{}", self.user.id),
            Via::Server => format!("user:{} via:server", self.user.id),
        }
    }
}

/// Writes an audit line and mirrors it to the log (never with secrets: callers pass ids).
pub async fn audit(app: &App, record: AuditRecord) {
    tracing::info!(
        target: "audit",
        actor = ?record.actor,
        action = %record.action,
        object = ?record.object,
        result = %record.result,
        origin = ?record.origin,
    );
    if let Err(e) = app.store().audit(&record).await {
        tracing::error!(error = %e, "could not write the audit log");
    }
}

/// Who gives a command: a signed-in user, or the command line on the server acting for a
/// workspace (its operator has the database itself, so no login is asked).
#[derive(Debug, Clone, Copy)]
pub enum By<'a> {
    /// A signed-in user, in their own workspace.
    User(&'a Principal),
    /// The command line on the server, acting in this workspace.
    CommandLine(crisismap_core::WorkspaceId),
}

impl By<'_> {
    /// The workspace the command is given in.
    pub fn workspace(&self) -> crisismap_core::WorkspaceId {
        match self {
            By::User(p) => p.user.workspace,
            By::CommandLine(ws) => *ws,
        }
    }

    /// The actor the events name.
    pub fn actor(&self) -> crisismap_core::event::Actor {
        match self {
            By::User(p) => p.actor(),
            By::CommandLine(_) => crisismap_core::event::Actor::System("cli".into()),
        }
    }

    /// The actor the audit log names.
    pub fn audit_name(&self) -> String {
        match self {
            By::User(p) => format!("user:{}", p.user.id),
            By::CommandLine(_) => "system:cli".to_owned(),
        }
    }
}

impl<'a> From<&'a Principal> for By<'a> {
    fn from(p: &'a Principal) -> Self {
        By::User(p)
    }
}
