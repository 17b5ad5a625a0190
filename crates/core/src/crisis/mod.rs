//! The crisis room (lukewarm, warm and aftermath phase): one stream per crisis or exercise.
//! The crisis itself (title, phase, classification, GRIP level, active teams, restore order)
//! changes by its own events; everything recorded in it (log entries, decisions, actions,
//! dilemmas, scenarios, …) is an *entry*, described once by a schema like the register's
//! records, with rules about what may change (`entries::check_change`).

pub mod aftercare;
pub mod classify;
pub mod costs;
pub mod duties;
pub mod entries;
pub mod exercise;
pub mod guidance;
pub mod lessons;
pub mod occurrence;
pub mod recorded;
pub mod recovery;
pub mod state;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

pub use classify::{Answers, Proposal, propose};
pub use entries::{EntryKind, check_change, check_times};
pub use exercise::{ExerciseRun, Staff};
pub use occurrence::{Occurrence, Transcription};
pub use recorded::{Entries, Entry, overdue};
pub use state::{CrisisCommand, CrisisError, CrisisState, Handover, Transfer};
/// The phase of a crisis. The cold phase is the preparation register, not a crisis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// A threat or attack is known, no physical effects yet.
    Lukewarm,
    /// The crisis is under way.
    Warm,
    /// Recovery, evaluation and rendering account.
    Aftermath,
}

impl Phase {
    /// Every phase a crisis can be in, in order.
    pub const ALL: [Phase; 3] = [Phase::Lukewarm, Phase::Warm, Phase::Aftermath];

    /// The phase's stable code, as stored and in translation keys.
    pub fn code(self) -> &'static str {
        match self {
            Phase::Lukewarm => "lukewarm",
            Phase::Warm => "warm",
            Phase::Aftermath => "aftermath",
        }
    }
}

impl FromStr for Phase {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Phase::ALL
            .into_iter()
            .find(|p| p.code() == s.trim())
            .ok_or(())
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The two categories of the guidance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Classification {
    /// A harmful effect on network and information systems, handled inside the organisation.
    CyberIncident,
    /// Significant consequences for society, with cascade effects in the physical domain or
    /// on public order and safety.
    CyberCrisis,
}

impl Classification {
    /// Both classifications, incident first.
    pub const ALL: [Classification; 2] =
        [Classification::CyberIncident, Classification::CyberCrisis];

    /// The classification's stable code, as stored and in translation keys.
    pub fn code(self) -> &'static str {
        match self {
            Classification::CyberIncident => "cyber_incident",
            Classification::CyberCrisis => "cyber_crisis",
        }
    }
}

impl FromStr for Classification {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Classification::ALL
            .into_iter()
            .find(|c| c.code() == s.trim())
            .ok_or(())
    }
}

/// The level of the Coordinated Regional Incident Management Procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grip {
    /// No GRIP: routine, the organisation's own structure.
    Routine,
    /// GRIP 1: an incident at the scene, coordinated on site.
    Grip1,
    /// GRIP 2: effects beyond the scene; a regional operational team coordinates.
    Grip2,
    /// GRIP 3: the population of one municipality is affected; the mayor's policy team leads.
    Grip3,
    /// GRIP 4: more than one municipality is affected; the regional policy team leads.
    Grip4,
    /// GRIP 5: more than one safety region is affected.
    Grip5,
    /// GRIP Rijk: the national crisis structure.
    Rijk,
}

impl Grip {
    /// Every GRIP level, from routine to GRIP Rijk.
    pub const ALL: [Grip; 7] = [
        Grip::Routine,
        Grip::Grip1,
        Grip::Grip2,
        Grip::Grip3,
        Grip::Grip4,
        Grip::Grip5,
        Grip::Rijk,
    ];

    /// The level's stable code (`routine`, `grip1` … `grip5`, `rijk`), as stored.
    pub fn code(self) -> &'static str {
        match self {
            Grip::Routine => "routine",
            Grip::Grip1 => "grip1",
            Grip::Grip2 => "grip2",
            Grip::Grip3 => "grip3",
            Grip::Grip4 => "grip4",
            Grip::Grip5 => "grip5",
            Grip::Rijk => "rijk",
        }
    }
}

impl FromStr for Grip {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Grip::ALL
            .into_iter()
            .find(|g| g.code() == s.trim())
            .ok_or(())
    }
}

/// The parties that may have to be informed (escalation and informing).
pub const PARTIES: &[&str] = &[
    "municipal_secretary",
    "mayor",
    "alderman_ict",
    "safety_region",
    "ibd",
    "ncsc",
    "police",
    "prosecutor",
    "council",
    "other",
];

/// The standard teams a classification can activate (register teams carry these codes).
pub const TEAM_STANDARDS: &[&str] = &["calamity_team", "local_triangle", "policy_team"];

/// A node of the register's dependency graph (`register::graph::NodeKey` as text) that is
/// failing in a crisis, and since when (canonical UTC).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FailingNode {
    /// The failing node, as `register::graph::NodeKey` text.
    pub key: String,
    /// Since when it is failing (canonical UTC).
    pub since: String,
}
