//! Typed views of register records, for the rules that need to understand them. Each view
//! reads the JSON that its schema produced; fields the schema treats as optional are
//! optional here too.

use super::RecordId;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct PhoneEntry {
    pub label: String,
    /// E.164.
    pub number: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ContactView {
    pub name: String,
    pub function: Option<String>,
    pub organisation: Option<String>,
    pub email: Option<String>,
    pub alternative_channel: Option<String>,
    pub notes: Option<String>,
    pub last_checked: Option<Date>,
    #[serde(default)]
    pub phones: Vec<PhoneEntry>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Period {
    pub person: RecordId,
    pub start: Timestamp,
    pub end: Timestamp,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RosterView {
    pub name: String,
    pub duty: String,
    #[serde(default)]
    pub shifts: Vec<Period>,
    #[serde(default)]
    pub exceptions: Vec<Period>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Member {
    pub contact: RecordId,
    pub team_role: String,
    pub deputy: Option<RecordId>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TeamView {
    pub name: String,
    pub standard: String,
    pub purpose: Option<String>,
    pub civil_contact: Option<RecordId>,
    pub administrative_contact: Option<RecordId>,
    #[serde(default)]
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Expectation {
    pub we_expect: String,
    pub they_expect: Option<String>,
    pub agreed_on: Option<Date>,
    pub agreed_by: Option<String>,
    pub review_on: Option<Date>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct OrgContact {
    pub contact: RecordId,
    pub role: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct OrganisationView {
    pub name: String,
    pub org_type: String,
    pub reachability: Option<String>,
    #[serde(default)]
    pub contacts: Vec<OrgContact>,
    #[serde(default)]
    pub expectations: Vec<Expectation>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EscalationView {
    pub name: String,
    pub step: i64,
    pub applies_when: String,
    pub from_team: Option<RecordId>,
    pub to_team: Option<RecordId>,
    pub to_other: Option<String>,
    pub who_informs: Option<String>,
    pub line: Option<String>,
    pub who_decides: Option<String>,
    /// `cyber_incident` or `cyber_crisis`; none: applies to both.
    pub classification: Option<String>,
    /// The parties this step says must be informed.
    #[serde(default)]
    pub inform: Vec<PartyRow>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PartyRow {
    pub party: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ProcessView {
    pub name: String,
    pub owner: Option<String>,
    pub criticality: String,
    pub max_downtime_hours: Option<i64>,
    pub restore_priority: Option<i64>,
    pub systems: Option<String>,
    #[serde(default)]
    pub manual_fallback: bool,
    pub fallback_how: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MeetingAction {
    pub what: String,
    pub who: Option<RecordId>,
    pub deadline: Option<Date>,
    #[serde(default)]
    pub done: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MeetingView {
    pub name: String,
    pub frequency: String,
    pub first_start: Timestamp,
    pub duration_minutes: i64,
    pub location: Option<String>,
    pub agenda: Option<String>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub actions: Vec<MeetingAction>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Participant {
    pub contact: RecordId,
}

impl MeetingView {
    /// The `RRULE` of the recurrence, if it recurs.
    pub fn rrule(&self) -> Option<&'static str> {
        match self.frequency.as_str() {
            "weekly" => Some("FREQ=WEEKLY"),
            "monthly" => Some("FREQ=MONTHLY"),
            "quarterly" => Some("FREQ=MONTHLY;INTERVAL=3"),
            "half_yearly" => Some("FREQ=MONTHLY;INTERVAL=6"),
            "yearly" => Some("FREQ=YEARLY"),
            _ => None,
        }
    }

    /// The first occurrence at or after `from` (in Dutch local time, so a 10:00 meeting stays
    /// at 10:00 across daylight-saving changes).
    pub fn next_occurrence(&self, from: Timestamp) -> Option<Timestamp> {
        use jiff::ToSpan;
        let step = match self.frequency.as_str() {
            "weekly" => 1.week(),
            "monthly" => 1.month(),
            "quarterly" => 3.months(),
            "half_yearly" => 6.months(),
            "yearly" => 1.year(),
            _ => {
                return (self.first_start >= from).then_some(self.first_start);
            }
        };
        let start = self.first_start.to_zoned(crate::time::amsterdam().clone());
        let mut n: i64 = 0;
        // Bounded: a weekly meeting over 20 years is about a thousand steps.
        while n < 5000 {
            let span = step.checked_mul(n).ok()?;
            let at = start.checked_add(span).ok()?.timestamp();
            if at >= from {
                return Some(at);
            }
            n += 1;
        }
        None
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct PlanView {
    pub name: String,
    pub plan_type: String,
    pub owner: Option<String>,
    pub version: Option<String>,
    pub paper_copy: Option<String>,
    pub review_on: Option<Date>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ReadinessView {
    pub item: String,
    pub status: String,
    pub owner: Option<RecordId>,
    pub evidence: Option<String>,
    pub last_reviewed: Option<Date>,
    /// Register pages that show the item is in order.
    #[serde(default)]
    pub links: Vec<EvidenceLink>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EvidenceLink {
    pub record: RecordId,
}
