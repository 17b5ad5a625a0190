//! Reading the read models, and the workspace commands (decide against the folded stream,
//! append with the version that was read).

use crate::Store;
use crate::error::StoreError;
use crate::stream::Expected;
use crisismap_core::event::Actor;
use crisismap_core::time::canonical;
use crisismap_core::workspace::{WorkspaceCommand, WorkspaceState};
use crisismap_core::{
    DisplayName, DomainEvent, Email, Envelope, Lang, Role, StreamId, StreamKind, UserId,
    WorkspaceId, WorkspaceName,
};
use sqlx::AnyConnection;

/// A workspace as the read model holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceRecord {
    /// The workspace's id.
    pub id: WorkspaceId,
    /// The workspace's name.
    pub name: String,
    /// Code of its safety region (VR01–VR25), when known.
    pub region_code: Option<String>,
    /// When it was created (canonical UTC).
    pub created_at: String,
}

/// A user as the read model holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRecord {
    /// The user's id.
    pub id: UserId,
    /// The workspace the user belongs to.
    pub workspace: WorkspaceId,
    /// The user's e-mail address (lower-case), used to log in.
    pub email: String,
    /// The user's name as shown to others.
    pub display_name: String,
    /// The user's role in the workspace.
    pub role: Role,
    /// Whether the user is disabled and may not log in.
    pub disabled: bool,
    /// The language the user interface speaks to this user.
    pub language: Lang,
    /// When the user was added (canonical UTC).
    pub created_at: String,
    /// A guest's one crisis: they see and record in it and nothing else.
    pub crisis_scope: Option<StreamId>,
}

/// One event stream with its head: how long it is and the hash of its last event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamInfo {
    /// The stream's id.
    pub id: StreamId,
    /// The workspace it belongs to.
    pub workspace: WorkspaceId,
    /// What the stream holds.
    pub kind: StreamKind,
    /// The seq of its last event; 0 for an empty stream.
    pub head_seq: i64,
    /// The hash of its last event; the genesis hash for an empty stream.
    pub head_hash: String,
    /// When the stream was opened (canonical UTC).
    pub created_at: String,
}

type UserRow = (
    String,
    String,
    String,
    String,
    String,
    i64,
    String,
    String,
    Option<String>,
);
const USER_COLUMNS: &str =
    "id, workspace_id, email, display_name, role, disabled, language, created_at, crisis_scope";

fn user_from_row(r: UserRow) -> Result<UserRecord, StoreError> {
    let bad = |what: &str| StoreError::Corrupt(format!("user {}: bad {what}", r.0));
    Ok(UserRecord {
        id: r.0.parse().map_err(|_| bad("id"))?,
        workspace: r.1.parse().map_err(|_| bad("workspace"))?,
        email: r.2.clone(),
        display_name: r.3.clone(),
        role: r.4.parse().map_err(|_| bad("role"))?,
        disabled: r.5 != 0,
        language: r.6.parse().unwrap_or_default(),
        created_at: r.7.clone(),
        crisis_scope: match &r.8 {
            Some(s) => Some(s.parse().map_err(|_| bad("crisis scope"))?),
            None => None,
        },
    })
}

type StreamRow = (String, String, String, i64, String, String);

fn stream_from_row(r: StreamRow) -> Result<StreamInfo, StoreError> {
    let bad = |what: &str| StoreError::Corrupt(format!("stream {}: bad {what}", r.0));
    Ok(StreamInfo {
        id: r.0.parse().map_err(|_| bad("id"))?,
        workspace: r.1.parse().map_err(|_| bad("workspace"))?,
        kind: r.2.parse().map_err(|_| bad("kind"))?,
        head_seq: r.3,
        head_hash: r.4.clone(),
        created_at: r.5.clone(),
    })
}

/// A new user's first credential, written in the same transaction as the user.
#[derive(Debug, Clone)]
pub struct NewCredential {
    /// The password hash (never the password).
    pub password_hash: String,
    /// Whether the user must choose a new password at the next login.
    pub must_change: bool,
}

impl Store {
    /// Creates a workspace with its administration and preparation streams and its first
    /// administrator, in one transaction.
    pub async fn create_workspace(
        &self,
        name: &WorkspaceName,
        region_code: Option<String>,
        admin_email: &Email,
        admin_name: &DisplayName,
        credential: NewCredential,
        actor: &Actor,
    ) -> Result<(WorkspaceId, UserId), StoreError> {
        let workspace = WorkspaceId::new();
        let admin = UserId::new();
        let _writer = self.writer().await;
        let mut tx = self.pool.begin().await?;
        let stream = self
            .open_stream_tx(&mut tx, workspace, StreamKind::Workspace)
            .await?;
        self.open_stream_tx(&mut tx, workspace, StreamKind::Preparation)
            .await?;
        let events = [
            DomainEvent::WorkspaceCreated {
                name: name.as_str().to_owned(),
                region_code,
            },
            DomainEvent::UserAdded {
                user_id: admin,
                email: admin_email.as_str().to_owned(),
                display_name: admin_name.as_str().to_owned(),
                role: Role::Admin,
            },
        ];
        let envelopes = self
            .append_tx(&mut tx, stream, Expected::Exactly(0), actor, &events)
            .await?;
        self.set_password_tx(&mut tx, admin, &credential).await?;
        tx.commit().await?;
        self.announce(&envelopes);
        Ok((workspace, admin))
    }

    /// Every workspace, oldest first.
    pub async fn workspaces(&self) -> Result<Vec<WorkspaceRecord>, StoreError> {
        let rows: Vec<(String, String, Option<String>, String)> = sqlx::query_as(
            "SELECT id, name, region_code, created_at FROM rm_workspaces ORDER BY created_at, id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, name, region_code, created_at)| {
                Ok(WorkspaceRecord {
                    id: id
                        .parse()
                        .map_err(|_| StoreError::Corrupt(format!("workspace id {id:?}")))?,
                    name,
                    region_code,
                    created_at,
                })
            })
            .collect()
    }

    /// The workspace with this id.
    pub async fn workspace(&self, id: WorkspaceId) -> Result<WorkspaceRecord, StoreError> {
        self.workspaces()
            .await?
            .into_iter()
            .find(|w| w.id == id)
            .ok_or(StoreError::NotFound)
    }

    /// The first stream of a kind in a workspace (its administration or preparation stream).
    pub async fn stream_of(
        &self,
        workspace: WorkspaceId,
        kind: StreamKind,
    ) -> Result<StreamInfo, StoreError> {
        let row: StreamRow = sqlx::query_as(
            "SELECT id, workspace_id, kind, head_seq, head_hash, created_at FROM streams \
             WHERE workspace_id = $1 AND kind = $2 ORDER BY created_at, id LIMIT 1",
        )
        .bind(workspace.to_string())
        .bind(kind.code())
        .fetch_one(&self.pool)
        .await?;
        stream_from_row(row)
    }

    /// The streams of a workspace, oldest first.
    pub async fn streams(&self, workspace: WorkspaceId) -> Result<Vec<StreamInfo>, StoreError> {
        let rows: Vec<StreamRow> = sqlx::query_as(
            "SELECT id, workspace_id, kind, head_seq, head_hash, created_at FROM streams \
             WHERE workspace_id = $1 ORDER BY created_at, id",
        )
        .bind(workspace.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(stream_from_row).collect()
    }

    /// One stream, only when it belongs to the workspace (no reads across workspaces).
    pub async fn stream_in(
        &self,
        workspace: WorkspaceId,
        id: StreamId,
    ) -> Result<StreamInfo, StoreError> {
        let row: StreamRow = sqlx::query_as(
            "SELECT id, workspace_id, kind, head_seq, head_hash, created_at FROM streams \
             WHERE workspace_id = $1 AND id = $2",
        )
        .bind(workspace.to_string())
        .bind(id.to_string())
        .fetch_one(&self.pool)
        .await?;
        stream_from_row(row)
    }

    /// The users of a workspace, by name.
    pub async fn users(&self, workspace: WorkspaceId) -> Result<Vec<UserRecord>, StoreError> {
        let rows: Vec<UserRow> = sqlx::query_as(&format!(
            "SELECT {USER_COLUMNS} FROM rm_users WHERE workspace_id = $1 ORDER BY display_name, email"
        ))
        .bind(workspace.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(user_from_row).collect()
    }

    /// One user, only when it belongs to the workspace.
    pub async fn user_in(
        &self,
        workspace: WorkspaceId,
        id: UserId,
    ) -> Result<UserRecord, StoreError> {
        let row: UserRow = sqlx::query_as(&format!(
            "SELECT {USER_COLUMNS} FROM rm_users WHERE workspace_id = $1 AND id = $2"
        ))
        .bind(workspace.to_string())
        .bind(id.to_string())
        .fetch_one(&self.pool)
        .await?;
        user_from_row(row)
    }

    /// The user with this id, in any workspace.
    pub async fn user(&self, id: UserId) -> Result<UserRecord, StoreError> {
        let row: UserRow = sqlx::query_as(&format!(
            "SELECT {USER_COLUMNS} FROM rm_users WHERE id = $1"
        ))
        .bind(id.to_string())
        .fetch_one(&self.pool)
        .await?;
        user_from_row(row)
    }

    /// The user with this e-mail address, in any workspace.
    pub async fn user_by_email(&self, email: &Email) -> Result<UserRecord, StoreError> {
        let row: UserRow = sqlx::query_as(&format!(
            "SELECT {USER_COLUMNS} FROM rm_users WHERE email = $1"
        ))
        .bind(email.as_str())
        .fetch_one(&self.pool)
        .await?;
        user_from_row(row)
    }

    /// The administration state, folded from the workspace stream, with the version read.
    async fn workspace_state_tx(
        conn: &mut AnyConnection,
        stream: StreamId,
    ) -> Result<(WorkspaceState, i64), StoreError> {
        let rows: Vec<(i64, String)> =
            sqlx::query_as("SELECT seq, payload FROM events WHERE stream_id = $1 ORDER BY seq")
                .bind(stream.to_string())
                .fetch_all(&mut *conn)
                .await?;
        let mut state = WorkspaceState::default();
        let mut version = 0;
        for (seq, payload) in rows {
            let event = DomainEvent::from_payload(&payload)
                .map_err(|e| StoreError::Corrupt(format!("event {seq} of {stream}: {e}")))?;
            state.apply(&event);
            version = seq;
        }
        Ok((state, version))
    }

    /// Decides and applies an administration command. Disabling a user also ends their
    /// sessions and revokes their API tokens, in the same transaction. A new user's first
    /// password is stored with them.
    pub async fn handle_workspace_command(
        &self,
        workspace: WorkspaceId,
        actor: &Actor,
        command: WorkspaceCommand,
        credential: Option<NewCredential>,
    ) -> Result<Vec<Envelope>, StoreError> {
        let stream = self.stream_of(workspace, StreamKind::Workspace).await?.id;
        let _writer = self.writer().await;
        let mut tx = self.pool.begin().await?;
        // Lock the head first so that the state read below cannot go stale before the append.
        Self::lock_stream(&mut tx, stream).await?;
        let (state, version) = Self::workspace_state_tx(&mut tx, stream).await?;
        // Disabling a user, and making a user an administrator (who must then log in with a
        // second factor), ends every session and token the user had.
        let disabled_user = match &command {
            WorkspaceCommand::DisableUser { user_id } => Some(*user_id),
            WorkspaceCommand::ChangeRole {
                user_id,
                role: crisismap_core::Role::Admin,
            } if state.users.get(user_id).map(|u| u.role) != Some(crisismap_core::Role::Admin) => {
                Some(*user_id)
            }
            _ => None,
        };
        let added_user = match &command {
            WorkspaceCommand::AddUser { user_id, .. }
            | WorkspaceCommand::AddGuest { user_id, .. } => Some(*user_id),
            _ => None,
        };
        let events = state.decide(command)?;
        if events.is_empty() {
            return Ok(vec![]);
        }
        let envelopes = self
            .append_tx(&mut tx, stream, Expected::Exactly(version), actor, &events)
            .await?;
        if let Some(user) = disabled_user {
            self.end_all_access_tx(&mut tx, user).await?;
        }
        if let (Some(user), Some(cred)) = (added_user, credential) {
            self.set_password_tx(&mut tx, user, &cred).await?;
        }
        tx.commit().await?;
        self.announce(&envelopes);
        Ok(envelopes)
    }

    pub(crate) fn now_text(&self) -> String {
        canonical(self.clock.now())
    }
}
