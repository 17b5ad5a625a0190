//! The demo workspace "Gemeente Voorbeeld": a fictitious municipality in a real safety
//! region, with an account for every role. Features add their demo data here.

use crate::Store;
use crate::error::StoreError;
use crate::queries::NewCredential;
use crisismap_core::event::Actor;
use crisismap_core::workspace::WorkspaceCommand;
use crisismap_core::{DisplayName, Email, Role, UserId, WorkspaceId, WorkspaceName};

pub const DEMO_WORKSPACE: &str = "Gemeente Voorbeeld";
/// Utrecht: a real region for a fictitious municipality.
pub const DEMO_REGION: &str = "VR09";

/// (e-mail, name and function, role)
pub const DEMO_USERS: &[(&str, &str, Role)] = &[
    (
        "beheer@voorbeeld.nl",
        "Fatima el Idrissi (functioneel beheer)",
        Role::Admin,
    ),
    (
        "adviseur@voorbeeld.nl",
        "Jeroen Bakker (adviseur crisisbeheersing)",
        Role::Editor,
    ),
    ("ciso@voorbeeld.nl", "Sanne de Vries (CISO)", Role::Member),
    (
        "burgemeester@voorbeeld.nl",
        "Marleen Hoekstra (burgemeester)",
        Role::Member,
    ),
    (
        "wethouder@voorbeeld.nl",
        "Pieter Smit (wethouder ICT)",
        Role::Viewer,
    ),
];

/// Seeds the demo workspace unless the database already has one. Every demo account gets
/// the same password (its hash is passed in, hashing is not the store's job). Returns the
/// workspace, and whether it was created now.
pub async fn seed(store: &Store, password_hash: &str) -> Result<(WorkspaceId, bool), StoreError> {
    if let Some(ws) = store
        .workspaces()
        .await?
        .into_iter()
        .find(|w| w.name == DEMO_WORKSPACE)
    {
        return Ok((ws.id, false));
    }
    let actor = Actor::System("demo".into());
    let cred = || NewCredential {
        password_hash: password_hash.to_owned(),
        must_change: false,
    };
    let bad = |e| StoreError::Corrupt(format!("demo data: {e}"));
    let (admin_email, admin_name, _) = DEMO_USERS[0];
    let (ws, _) = store
        .create_workspace(
            &WorkspaceName::parse(DEMO_WORKSPACE).map_err(bad)?,
            Some(DEMO_REGION.to_owned()),
            &Email::parse(admin_email).map_err(bad)?,
            &DisplayName::parse(admin_name).map_err(bad)?,
            cred(),
            &actor,
        )
        .await?;
    for (email, name, role) in &DEMO_USERS[1..] {
        store
            .handle_workspace_command(
                ws,
                &actor,
                WorkspaceCommand::AddUser {
                    user_id: UserId::new(),
                    email: Email::parse(email).map_err(bad)?,
                    display_name: DisplayName::parse(name).map_err(bad)?,
                    role: *role,
                },
                Some(cred()),
            )
            .await?;
    }
    Ok((ws, true))
}
