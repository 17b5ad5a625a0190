//! The preparation register (Voorbereiden): contacts, organisations, teams, on-call rosters,
//! escalation agreements, processes, meetings, plans and readiness. Each kind of record is
//! described once by a schema (`kinds`); the schema validates input from both doors (HTML
//! forms and JSON) into a record, and typed views (`views`) read records for the rules that
//! need meaning (who is on call now, readiness).

pub mod graph;
pub mod kinds;
pub mod library;
pub mod oncall;
pub mod readiness;
pub mod schema;
pub mod views;
pub mod vital;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

pub use schema::{FieldIssue, RawRecord, RefLookup, Validated};

/// The kinds of record in the preparation register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A person who can be reached in a crisis.
    Contact,
    /// An organisation to work with in a crisis: safety region, police, supplier, IBD, ….
    Organisation,
    /// A crisis team, such as the calamity team or the policy team.
    Team,
    /// An on-call roster: who is on call when.
    Roster,
    /// An escalation agreement: when to scale up and whom to inform.
    Escalation,
    /// A business process of the municipality, with its criticality and maximum downtime.
    Process,
    /// A recurring meeting of the crisis organisation, with its schedule and agenda.
    Meeting,
    /// A plan, with its owner, version, review date and where its paper copy lies.
    Plan,
    /// One point of the readiness checklist, with its status and evidence.
    Readiness,
    /// An organisation or object in the territory with cascade effects when disrupted.
    RiskObject,
    /// An improvement action (verbeteractie): a lesson of a crisis or exercise turned into a
    /// change of the preparation, with an owner and a due date.
    Improvement,
    /// A duty of the municipality's own (plichttype) beside the product's catalogue: a
    /// supervisor's notification term, a contract's, with its legal basis and term.
    DutyType,
    /// A check of the municipality's own (veiligheidscontrole) before a process or system is
    /// declared safe again, beside the product's five.
    SafeCheck,
    /// A learning goal (leerdoel) of the catalogue exercises test, by the same themes as the
    /// evaluation of a real crisis.
    LearningGoal,
    /// An exercise of the training and exercise plan (oefenplan): its form, level, teams and
    /// partners, learning goals, date and status.
    Exercise,
    /// An exercise script (draaiboek): the scenario, background for control, and the master
    /// events list of timed injects.
    ExerciseScript,
}

impl RecordKind {
    /// Every kind of record, in the order the register lists them.
    pub const ALL: [RecordKind; 16] = [
        RecordKind::Contact,
        RecordKind::Organisation,
        RecordKind::Team,
        RecordKind::Roster,
        RecordKind::Escalation,
        RecordKind::Process,
        RecordKind::Meeting,
        RecordKind::Plan,
        RecordKind::Readiness,
        RecordKind::RiskObject,
        RecordKind::Improvement,
        RecordKind::DutyType,
        RecordKind::SafeCheck,
        RecordKind::LearningGoal,
        RecordKind::Exercise,
        RecordKind::ExerciseScript,
    ];

    /// The kind's stable code (`contact`, `risk_object`, …), as stored and in the API.
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Contact => "contact",
            RecordKind::Organisation => "organisation",
            RecordKind::Team => "team",
            RecordKind::Roster => "roster",
            RecordKind::Escalation => "escalation",
            RecordKind::Process => "process",
            RecordKind::Meeting => "meeting",
            RecordKind::Plan => "plan",
            RecordKind::Readiness => "readiness",
            RecordKind::RiskObject => "risk_object",
            RecordKind::Improvement => "improvement",
            RecordKind::DutyType => "duty_type",
            RecordKind::SafeCheck => "safe_check",
            RecordKind::LearningGoal => "learning_goal",
            RecordKind::Exercise => "exercise",
            RecordKind::ExerciseScript => "exercise_script",
        }
    }

    /// The Dutch path segment under `/voorbereiden/`.
    pub fn slug(self) -> &'static str {
        match self {
            RecordKind::Contact => "contacten",
            RecordKind::Organisation => "organisaties",
            RecordKind::Team => "teams",
            RecordKind::Roster => "piket",
            RecordKind::Escalation => "opschaling",
            RecordKind::Process => "processen",
            RecordKind::Meeting => "overleggen",
            RecordKind::Plan => "plannen",
            RecordKind::Readiness => "gereedheid",
            RecordKind::RiskObject => "risico-objecten",
            RecordKind::Improvement => "verbeteracties",
            RecordKind::DutyType => "plichttypen",
            RecordKind::SafeCheck => "veiligheidscontroles",
            RecordKind::LearningGoal => "leerdoelen",
            RecordKind::Exercise => "oefeningen",
            RecordKind::ExerciseScript => "draaiboeken",
        }
    }

    /// The kind whose Dutch path segment (see [`RecordKind::slug`]) is `slug`.
    pub fn from_slug(slug: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// The schema that describes and validates records of this kind.
    pub fn schema(self) -> &'static schema::Schema {
        kinds::schema(self)
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for RecordKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        RecordKind::ALL
            .into_iter()
            .find(|k| k.code() == s || k.slug() == s)
            .ok_or(())
    }
}

/// The id of a register record (UUIDv7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RecordId(pub uuid::Uuid);

impl RecordId {
    /// A fresh, time-ordered (UUIDv7) record id.
    pub fn new() -> Self {
        Self(uuid::Uuid::now_v7())
    }
}

impl Default for RecordId {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for RecordId {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        uuid::Uuid::parse_str(s.trim()).map(Self)
    }
}

/// A stored register record: its kind, title (unique per kind), validated data and revision.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The record's id, the same for every revision.
    pub id: RecordId,
    /// The kind of record.
    pub kind: RecordKind,
    /// The record's title, unique per kind (see [`title_key`]).
    pub title: String,
    /// The record's validated fields, by field name as the kind's schema describes them.
    pub data: serde_json::Map<String, serde_json::Value>,
    /// Starts at 1 and rises with every save; a save based on an older revision is refused.
    pub rev: i64,
    /// Whether the record was archived: gone from the lists, still readable by reference.
    pub archived: bool,
    /// When the record was last saved or archived (canonical UTC).
    pub updated_at: String,
    /// Who last saved or archived it, as an actor string (`user:<id>`, `system:<what>`).
    pub updated_by: String,
}

impl Record {
    /// The text value of `field`; `None` when absent or not text.
    pub fn text(&self, field: &str) -> Option<&str> {
        self.data.get(field).and_then(|v| v.as_str())
    }

    /// The typed view of this record's data.
    pub fn view<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_value(serde_json::Value::Object(self.data.clone())).ok()
    }
}

/// The key that makes titles unique per kind: case and surrounding spaces do not count.
pub fn title_key(title: &str) -> String {
    title.trim().to_lowercase()
}

/// Why a register change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RegisterError {
    /// Another record of the same kind already has this title.
    #[error("another record of this kind already has this name")]
    NameTaken,
    /// The save was based on an older revision than the stored one.
    #[error(
        "the record was changed by someone else since it was opened (now at revision {current})"
    )]
    Stale {
        /// The stored record's current revision.
        current: i64,
    },
    /// No record with this id exists (in this workspace).
    #[error("no such record")]
    NotFound,
}

impl RegisterError {
    /// A stable code for APIs and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            RegisterError::NameTaken => "name_taken",
            RegisterError::Stale { .. } => "stale_revision",
            RegisterError::NotFound => "not_found",
        }
    }
}
