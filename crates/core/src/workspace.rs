//! The workspace's administration: its users and their roles. Commands are decided against
//! the state folded from the workspace stream; the result is a list of events to append.

use crate::event::DomainEvent;
use crate::ids::UserId;
use crate::values::{DisplayName, Email};
use crate::{Lang, Role};
use std::collections::BTreeMap;

/// One user of the workspace as the administration knows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserState {
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
    /// A guest's one crisis.
    pub crisis_scope: Option<crate::StreamId>,
}

/// Everything the administration rules need to know, folded from the workspace stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkspaceState {
    /// The workspace's name; `None` before the workspace was created.
    pub name: Option<String>,
    /// Every user ever added, disabled ones included, by id.
    pub users: BTreeMap<UserId, UserState>,
    /// Every user needs a second factor at login (administrators always do).
    pub mfa_required_for_all: bool,
}

/// What an administrator (or the user for their own settings) asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkspaceCommand {
    /// Adds a user with a role; the e-mail address must not be taken yet.
    AddUser {
        /// The id the new user gets.
        user_id: UserId,
        /// The user's e-mail address, used to log in.
        email: Email,
        /// The user's name as shown to others.
        display_name: DisplayName,
        /// The role the user starts with.
        role: Role,
    },
    /// Gives a user another role; the last active administrator cannot lose theirs.
    ChangeRole {
        /// The user whose role changes.
        user_id: UserId,
        /// The new role.
        role: Role,
    },
    /// Disables a user so they can no longer log in; the last active administrator cannot be.
    DisableUser {
        /// The user to disable.
        user_id: UserId,
    },
    /// Lets a disabled user log in again.
    EnableUser {
        /// The user to enable.
        user_id: UserId,
    },
    /// Sets the language the user interface speaks to a user.
    SetLanguage {
        /// The user whose language changes.
        user_id: UserId,
        /// The chosen language.
        language: Lang,
    },
    /// Require a second factor of every user, or only of administrators.
    SetMfaPolicy {
        /// True: every user needs a second factor; false: only administrators do.
        required_for_all: bool,
    },
    /// A liaison or expert who may record in one crisis and see nothing else (a member of
    /// that crisis only).
    AddGuest {
        /// The id the guest gets.
        user_id: UserId,
        /// The guest's e-mail address, used to log in.
        email: Email,
        /// The guest's name as shown to others.
        display_name: DisplayName,
        /// The one crisis the guest may see and record in.
        crisis: crate::StreamId,
    },
}

/// Why a command was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WorkspaceError {
    /// Another user already has this e-mail address.
    #[error("a user with this e-mail address already exists")]
    EmailTaken,
    /// The user is not in this workspace.
    #[error("no such user in this workspace")]
    UnknownUser,
    /// The change would leave the workspace without an active administrator.
    #[error("the workspace must keep at least one active administrator")]
    LastAdmin,
}

impl WorkspaceError {
    /// A stable code for APIs and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            WorkspaceError::EmailTaken => "email_taken",
            WorkspaceError::UnknownUser => "unknown_user",
            WorkspaceError::LastAdmin => "last_admin",
        }
    }
}

impl WorkspaceState {
    /// The state after all these workspace events, in order.
    pub fn fold<'a>(events: impl IntoIterator<Item = &'a DomainEvent>) -> Self {
        let mut s = Self::default();
        for e in events {
            s.apply(e);
        }
        s
    }

    /// Folds one more event of the workspace stream into the state.
    pub fn apply(&mut self, event: &DomainEvent) {
        match event {
            DomainEvent::WorkspaceCreated { name, .. } => self.name = Some(name.clone()),
            DomainEvent::UserAdded {
                user_id,
                email,
                display_name,
                role,
            } => {
                self.users.insert(
                    *user_id,
                    UserState {
                        email: email.clone(),
                        display_name: display_name.clone(),
                        role: *role,
                        disabled: false,
                        language: Lang::Nl,
                        crisis_scope: None,
                    },
                );
            }
            DomainEvent::UserRoleChanged { user_id, role } => {
                if let Some(u) = self.users.get_mut(user_id) {
                    u.role = *role;
                }
            }
            DomainEvent::UserDisabled { user_id } => {
                if let Some(u) = self.users.get_mut(user_id) {
                    u.disabled = true;
                }
            }
            DomainEvent::UserEnabled { user_id } => {
                if let Some(u) = self.users.get_mut(user_id) {
                    u.disabled = false;
                }
            }
            DomainEvent::UserLanguageChanged { user_id, language } => {
                if let Some(u) = self.users.get_mut(user_id) {
                    u.language = *language;
                }
            }
            DomainEvent::UserScopedToCrisis { user_id, crisis } => {
                if let Some(u) = self.users.get_mut(user_id) {
                    u.crisis_scope = Some(*crisis);
                }
            }
            DomainEvent::MfaPolicySet { required_for_all } => {
                self.mfa_required_for_all = *required_for_all;
            }
            // Register records and crises live in streams of their own, not here.
            _ => {}
        }
    }

    fn active_admins(&self) -> usize {
        self.users
            .values()
            .filter(|u| !u.disabled && u.role == Role::Admin)
            .count()
    }

    fn user(&self, id: &UserId) -> Result<&UserState, WorkspaceError> {
        self.users.get(id).ok_or(WorkspaceError::UnknownUser)
    }

    /// Decides a command. An empty list means "nothing changes" (e.g. disabling a user who is
    /// already disabled), which is not an error.
    pub fn decide(&self, cmd: WorkspaceCommand) -> Result<Vec<DomainEvent>, WorkspaceError> {
        match cmd {
            WorkspaceCommand::AddUser {
                user_id,
                email,
                display_name,
                role,
            } => {
                if self.users.values().any(|u| u.email == email.as_str()) {
                    return Err(WorkspaceError::EmailTaken);
                }
                Ok(vec![DomainEvent::UserAdded {
                    user_id,
                    email: email.into(),
                    display_name: display_name.into(),
                    role,
                }])
            }
            WorkspaceCommand::AddGuest {
                user_id,
                email,
                display_name,
                crisis,
            } => {
                if self.users.values().any(|u| u.email == email.as_str()) {
                    return Err(WorkspaceError::EmailTaken);
                }
                Ok(vec![
                    DomainEvent::UserAdded {
                        user_id,
                        email: email.into(),
                        display_name: display_name.into(),
                        role: Role::Member,
                    },
                    DomainEvent::UserScopedToCrisis { user_id, crisis },
                ])
            }
            WorkspaceCommand::ChangeRole { user_id, role } => {
                let u = self.user(&user_id)?;
                if u.role == role {
                    return Ok(vec![]);
                }
                if u.role == Role::Admin && !u.disabled && self.active_admins() == 1 {
                    return Err(WorkspaceError::LastAdmin);
                }
                Ok(vec![DomainEvent::UserRoleChanged { user_id, role }])
            }
            WorkspaceCommand::DisableUser { user_id } => {
                let u = self.user(&user_id)?;
                if u.disabled {
                    return Ok(vec![]);
                }
                if u.role == Role::Admin && self.active_admins() == 1 {
                    return Err(WorkspaceError::LastAdmin);
                }
                Ok(vec![DomainEvent::UserDisabled { user_id }])
            }
            WorkspaceCommand::EnableUser { user_id } => {
                let u = self.user(&user_id)?;
                if !u.disabled {
                    return Ok(vec![]);
                }
                Ok(vec![DomainEvent::UserEnabled { user_id }])
            }
            WorkspaceCommand::SetLanguage { user_id, language } => {
                let u = self.user(&user_id)?;
                if u.language == language {
                    return Ok(vec![]);
                }
                Ok(vec![DomainEvent::UserLanguageChanged { user_id, language }])
            }
            WorkspaceCommand::SetMfaPolicy { required_for_all } => {
                if self.mfa_required_for_all == required_for_all {
                    return Ok(vec![]);
                }
                Ok(vec![DomainEvent::MfaPolicySet { required_for_all }])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(state: &mut WorkspaceState, email: &str, role: Role) -> UserId {
        let id = UserId::new();
        let events = state
            .decide(WorkspaceCommand::AddUser {
                user_id: id,
                email: Email::parse(email).expect("valid"),
                display_name: DisplayName::parse("Iemand").expect("valid"),
                role,
            })
            .expect("accepted");
        for e in &events {
            state.apply(e);
        }
        id
    }

    #[test]
    fn the_mfa_policy_changes_only_when_it_differs() {
        let mut s = WorkspaceState::default();
        let on = s
            .decide(WorkspaceCommand::SetMfaPolicy {
                required_for_all: true,
            })
            .expect("accepted");
        assert_eq!(
            on,
            vec![DomainEvent::MfaPolicySet {
                required_for_all: true
            }]
        );
        s.apply(&on[0]);
        assert!(s.mfa_required_for_all);
        let again = s
            .decide(WorkspaceCommand::SetMfaPolicy {
                required_for_all: true,
            })
            .expect("accepted");
        assert!(again.is_empty(), "setting the same policy records nothing");
    }

    #[test]
    fn the_same_email_cannot_be_added_twice() {
        let mut s = WorkspaceState::default();
        add(&mut s, "adviseur@voorbeeld.nl", Role::Editor);
        let again = s.decide(WorkspaceCommand::AddUser {
            user_id: UserId::new(),
            email: Email::parse("ADVISEUR@voorbeeld.nl").expect("valid"),
            display_name: DisplayName::parse("Ander").expect("valid"),
            role: Role::Viewer,
        });
        assert_eq!(again, Err(WorkspaceError::EmailTaken));
    }

    #[test]
    fn a_guest_is_a_member_of_one_crisis_only_and_needs_a_new_address() {
        let mut s = WorkspaceState::default();
        add(&mut s, "adviseur@voorbeeld.nl", Role::Editor);
        let crisis = crate::StreamId::new();
        let guest = UserId::new();
        let events = s
            .decide(WorkspaceCommand::AddGuest {
                user_id: guest,
                email: Email::parse("liaison@brugsturing.nl").expect("valid"),
                display_name: DisplayName::parse("Ilse van Dam").expect("valid"),
                crisis,
            })
            .expect("accepted");
        for e in &events {
            s.apply(e);
        }
        let u = &s.users[&guest];
        assert_eq!((u.role, u.crisis_scope), (Role::Member, Some(crisis)));
        let again = s.decide(WorkspaceCommand::AddGuest {
            user_id: UserId::new(),
            email: Email::parse("adviseur@voorbeeld.nl").expect("valid"),
            display_name: DisplayName::parse("Ander").expect("valid"),
            crisis,
        });
        assert_eq!(again, Err(WorkspaceError::EmailTaken));
    }

    #[test]
    fn the_last_admin_cannot_be_disabled_or_demoted() {
        let mut s = WorkspaceState::default();
        let admin = add(&mut s, "beheer@voorbeeld.nl", Role::Admin);
        assert_eq!(
            s.decide(WorkspaceCommand::DisableUser { user_id: admin }),
            Err(WorkspaceError::LastAdmin)
        );
        assert_eq!(
            s.decide(WorkspaceCommand::ChangeRole {
                user_id: admin,
                role: Role::Viewer
            }),
            Err(WorkspaceError::LastAdmin)
        );
        let second = add(&mut s, "tweede@voorbeeld.nl", Role::Admin);
        let events = s
            .decide(WorkspaceCommand::DisableUser { user_id: admin })
            .expect("a second admin remains");
        events.iter().for_each(|e| s.apply(e));
        assert!(s.users[&admin].disabled);
        assert_eq!(
            s.decide(WorkspaceCommand::DisableUser { user_id: second }),
            Err(WorkspaceError::LastAdmin)
        );
    }

    #[test]
    fn repeating_a_change_records_nothing() {
        let mut s = WorkspaceState::default();
        add(&mut s, "a@voorbeeld.nl", Role::Admin);
        let v = add(&mut s, "v@voorbeeld.nl", Role::Viewer);
        assert_eq!(
            s.decide(WorkspaceCommand::ChangeRole {
                user_id: v,
                role: Role::Viewer
            }),
            Ok(vec![])
        );
        assert_eq!(
            s.decide(WorkspaceCommand::EnableUser { user_id: v }),
            Ok(vec![])
        );
        assert_eq!(
            s.decide(WorkspaceCommand::DisableUser {
                user_id: UserId::new()
            }),
            Err(WorkspaceError::UnknownUser)
        );
    }
}
