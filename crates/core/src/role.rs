//! Roles within a workspace. Each role includes every permission of the roles below it.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Ordered from least to most rights: `Viewer < Member < Editor < Admin`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads everything of the workspace, changes nothing.
    Viewer,
    /// Takes part in a crisis: writes log entries, actions, picture updates.
    Member,
    /// Also maintains the preparation register and runs crises.
    Editor,
    /// Also manages users, tokens, backups and settings.
    Admin,
}

impl Role {
    /// Every role, from most to least rights.
    pub const ALL: [Role; 4] = [Role::Admin, Role::Editor, Role::Member, Role::Viewer];

    /// The role's stable lowercase name, as stored and as accepted by `FromStr`.
    pub fn code(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Member => "member",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// True when this role has at least the rights of `needed`.
    pub fn allows(self, needed: Role) -> bool {
        self >= needed
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Role {
    type Err = crate::ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "viewer" => Ok(Role::Viewer),
            "member" => Ok(Role::Member),
            "editor" => Ok(Role::Editor),
            "admin" => Ok(Role::Admin),
            _ => Err(crate::ValueError::UnknownRole),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_nest() {
        assert!(Role::Admin.allows(Role::Editor));
        assert!(Role::Editor.allows(Role::Member));
        assert!(Role::Member.allows(Role::Viewer));
        assert!(!Role::Viewer.allows(Role::Member));
        assert!(!Role::Editor.allows(Role::Admin));
        for r in Role::ALL {
            assert_eq!(r.code().parse::<Role>().ok(), Some(r));
        }
    }
}
