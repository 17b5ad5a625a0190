//! Users of a workspace: accounts with a one-time password, guests of one crisis, role
//! changes, password and second-factor resets, the workspace's second-factor policy.

use crate::password::{hash_password, random_password};
use crate::{App, By, Error, FieldError, Principal, audit};
use crisismap_core::workspace::{WorkspaceCommand, WorkspaceError};
use crisismap_core::{DisplayName, Email, Role, UserId};
use crisismap_store::{NewCredential, StoreError, UserRecord};

fn field(field: &str, code: &str) -> FieldError {
    FieldError::new(field, code)
}

/// Input for a new user, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct NewUserInput {
    /// The new user's e-mail address, with which they log in.
    #[serde(default)]
    pub email: String,
    /// The name others see.
    #[serde(default)]
    pub display_name: String,
    /// The role code (`admin`, `editor`, `member` or `viewer`); ignored for guests.
    #[serde(default)]
    pub role: String,
}

/// Checks the e-mail address and name of a new account; `role` when one is asked for.
fn person(
    input: &NewUserInput,
    with_role: bool,
) -> Result<(Email, DisplayName, Option<Role>), Error> {
    let email = Email::parse(&input.email);
    let name = DisplayName::parse(&input.display_name);
    let role = with_role.then(|| input.role.parse::<Role>());
    let mut errors = vec![];
    if let Err(e) = &email {
        errors.push(field("email", e.code()));
    }
    if let Err(e) = &name {
        errors.push(field("display_name", e.code()));
    }
    if let Some(Err(e)) = &role {
        errors.push(field("role", e.code()));
    }
    match (email, name, role) {
        (Ok(email), Ok(name), None) => Ok((email, name, None)),
        (Ok(email), Ok(name), Some(Ok(role))) => Ok((email, name, Some(role))),
        _ => Err(Error::Invalid(errors)),
    }
}

/// Creates the account a command describes, with a one-time password that is returned once
/// and must be changed at first login.
async fn issue_account(
    app: &App,
    by: By<'_>,
    origin: &str,
    action: &str,
    user_id: UserId,
    command: WorkspaceCommand,
) -> Result<(UserRecord, String), Error> {
    let password = random_password();
    let cost = app.password_cost();
    let pw = password.clone();
    let password_hash = tokio::task::spawn_blocking(move || hash_password(&pw, cost))
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    let result = app
        .store()
        .handle_workspace_command(
            by.workspace(),
            &by.actor(),
            command,
            Some(NewCredential {
                password_hash,
                must_change: true,
            }),
        )
        .await;
    match result {
        Ok(_) => {}
        Err(StoreError::Conflict | StoreError::Workspace(WorkspaceError::EmailTaken)) => {
            return Err(Error::Invalid(vec![field("email", "email_taken")]));
        }
        Err(e) => return Err(e.into()),
    }
    let user = app.store().user_in(by.workspace(), user_id).await?;
    audit(app, admin_record(by, origin, action, &user_id)).await;
    Ok((user, password))
}

/// Adds a user with a one-time password. Every invalid field is reported, not just the
/// first.
pub async fn add_user(
    app: &App,
    by: By<'_>,
    origin: &str,
    input: &NewUserInput,
) -> Result<(UserRecord, String), Error> {
    let (email, display_name, role) = person(input, true)?;
    let user_id = UserId::new();
    let command = WorkspaceCommand::AddUser {
        user_id,
        email,
        display_name,
        role: role.unwrap_or(Role::Viewer),
    };
    issue_account(app, by, origin, "user_add", user_id, command).await
}

/// Invites a liaison or expert as a guest of one crisis: a member who sees that crisis and
/// nothing else.
pub async fn add_guest(
    app: &App,
    by: &Principal,
    origin: &str,
    crisis: crisismap_core::StreamId,
    input: &NewUserInput,
) -> Result<(UserRecord, String), Error> {
    // Only a crisis of the inviter's own workspace.
    app.store().crisis(by.user.workspace, crisis).await?;
    let (email, display_name, _) = person(input, false)?;
    let user_id = UserId::new();
    let command = WorkspaceCommand::AddGuest {
        user_id,
        email,
        display_name,
        crisis,
    };
    issue_account(app, By::User(by), origin, "guest_add", user_id, command).await
}

fn admin_record(
    by: By<'_>,
    origin: &str,
    action: &str,
    user: &UserId,
) -> crisismap_store::AuditRecord {
    crisismap_store::AuditRecord {
        workspace: Some(by.workspace()),
        actor: by.audit_name(),
        action: action.to_owned(),
        object: format!("user:{user}"),
        result: "ok".to_owned(),
        origin: origin.to_owned(),
    }
}

/// What an administrator can do to an existing user.
#[derive(Debug, Clone, Copy)]
pub enum UserChange {
    /// Gives the user this role.
    Role(Role),
    /// Disables the account: no more logins, and the user's sessions and API keys stop working.
    Disable,
    /// Enables a disabled account again.
    Enable,
}

/// Changes a user's role, or disables or enables their account, in the giver's own workspace.
pub async fn change_user(
    app: &App,
    by: By<'_>,
    origin: &str,
    user_id: UserId,
    change: UserChange,
) -> Result<(), Error> {
    // Only users of the administrator's own workspace can be named.
    app.store().user_in(by.workspace(), user_id).await?;
    let (command, action) = match change {
        UserChange::Role(role) => (WorkspaceCommand::ChangeRole { user_id, role }, "user_role"),
        UserChange::Disable => (WorkspaceCommand::DisableUser { user_id }, "user_disable"),
        UserChange::Enable => (WorkspaceCommand::EnableUser { user_id }, "user_enable"),
    };
    app.store()
        .handle_workspace_command(by.workspace(), &by.actor(), command, None)
        .await?;
    audit(app, admin_record(by, origin, action, &user_id)).await;
    Ok(())
}

/// Gives a user a new one-time password and ends their sessions.
pub async fn reset_password(
    app: &App,
    by: By<'_>,
    origin: &str,
    user_id: UserId,
) -> Result<(UserRecord, String), Error> {
    let user = app.store().user_in(by.workspace(), user_id).await?;
    let password = random_password();
    let cost = app.password_cost();
    let pw = password.clone();
    let password_hash = tokio::task::spawn_blocking(move || hash_password(&pw, cost))
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    app.store()
        .set_password(
            user_id,
            NewCredential {
                password_hash,
                must_change: true,
            },
        )
        .await?;
    audit(app, admin_record(by, origin, "password_reset", &user_id)).await;
    Ok((user, password))
}

/// Removes a user's second factor after a lost phone: their sessions and tokens end, and
/// they set it up again at their next login (required for administrators and, when the
/// workspace says so, for everyone).
pub async fn reset_mfa(
    app: &App,
    by: By<'_>,
    origin: &str,
    user_id: UserId,
) -> Result<UserRecord, Error> {
    let user = app.store().user_in(by.workspace(), user_id).await?;
    app.store().remove_totp(user_id, true).await?;
    audit(app, admin_record(by, origin, "mfa_reset", &user_id)).await;
    Ok(user)
}

/// Whether the workspace requires a second factor of every user (administrators always).
pub async fn set_mfa_policy(
    app: &App,
    by: &Principal,
    required_for_all: bool,
) -> Result<(), Error> {
    app.store()
        .handle_workspace_command(
            by.user.workspace,
            &by.actor(),
            crisismap_core::workspace::WorkspaceCommand::SetMfaPolicy { required_for_all },
            None,
        )
        .await?;
    Ok(())
}

/// The language a user reads the interface and the prints in.
pub async fn set_language(
    app: &App,
    by: &Principal,
    language: crisismap_core::Lang,
) -> Result<(), Error> {
    app.store()
        .handle_workspace_command(
            by.user.workspace,
            &by.actor(),
            WorkspaceCommand::SetLanguage {
                user_id: by.user.id,
                language,
            },
            None,
        )
        .await?;
    Ok(())
}
