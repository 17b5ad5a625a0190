//! Typed views of register records, for the rules that need to understand them. Each view
//! reads the JSON that its schema produced; fields the schema treats as optional are
//! optional here too.

use super::RecordId;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;

/// One phone number of a contact.
#[derive(Debug, Clone, Deserialize)]
pub struct PhoneEntry {
    /// What kind of line it is (`mobile`, `work`, `home`, `night`, `other`).
    pub label: String,
    /// E.164.
    pub number: String,
}

/// A contact: a person who can be reached in a crisis.
#[derive(Debug, Clone, Deserialize)]
pub struct ContactView {
    /// The person's name.
    pub name: String,
    /// Their function, e.g. "CISO".
    pub function: Option<String>,
    /// The organisation they work for, as text.
    pub organisation: Option<String>,
    /// Their e-mail address.
    pub email: Option<String>,
    /// How to reach them when mail and phones fail (satellite phone, radio, a meeting point).
    pub alternative_channel: Option<String>,
    /// Free notes.
    pub notes: Option<String>,
    /// When the contact details were last checked.
    pub last_checked: Option<Date>,
    /// Their phone numbers.
    #[serde(default)]
    pub phones: Vec<PhoneEntry>,
}

/// A stretch of time one contact is on call: a shift of a roster, or a stand-in's exception.
#[derive(Debug, Clone, Deserialize)]
pub struct Period {
    /// The contact on call.
    pub person: RecordId,
    /// When the period starts.
    pub start: Timestamp,
    /// When the period ends.
    pub end: Timestamp,
    /// Why a stand-in takes over (illness, holiday); only for exceptions.
    pub reason: Option<String>,
}

/// An on-call roster: who holds a duty when.
#[derive(Debug, Clone, Deserialize)]
pub struct RosterView {
    /// The roster's name.
    pub name: String,
    /// The duty it covers (`crisis_advisor`, `ciso`, `mayor`, …).
    pub duty: String,
    /// The regular shifts; they must not overlap.
    #[serde(default)]
    pub shifts: Vec<Period>,
    /// Stand-ins who take over part of a shift; they override the roster.
    #[serde(default)]
    pub exceptions: Vec<Period>,
}

/// One member of a team.
#[derive(Debug, Clone, Deserialize)]
pub struct Member {
    /// The contact who is a member.
    pub contact: RecordId,
    /// The member's role in the team (`chair`, `advisor`, `ciso`, …).
    pub team_role: String,
    /// The contact who stands in when this member cannot be reached.
    pub deputy: Option<RecordId>,
}

/// A crisis team and its members.
#[derive(Debug, Clone, Deserialize)]
pub struct TeamView {
    /// The team's name.
    pub name: String,
    /// The kind of team (`calamity_team`, `local_triangle`, `policy_team`, `custom`).
    pub standard: String,
    /// What the team is for.
    pub purpose: Option<String>,
    /// The team's civil-service contact point.
    pub civil_contact: Option<RecordId>,
    /// The team's administrative (political) contact point.
    pub administrative_contact: Option<RecordId>,
    /// The team's members.
    #[serde(default)]
    pub members: Vec<Member>,
}

/// One agreement with an organisation about what each side expects in a crisis.
#[derive(Debug, Clone, Deserialize)]
pub struct Expectation {
    /// What we expect of the organisation.
    pub we_expect: String,
    /// What the organisation expects of us.
    pub they_expect: Option<String>,
    /// When it was agreed.
    pub agreed_on: Option<Date>,
    /// Who agreed it.
    pub agreed_by: Option<String>,
    /// When the agreement is to be reviewed.
    pub review_on: Option<Date>,
}

/// One contact person of an organisation.
#[derive(Debug, Clone, Deserialize)]
pub struct OrgContact {
    /// The contact.
    pub contact: RecordId,
    /// Their role for us, e.g. liaison.
    pub role: Option<String>,
}

/// An organisation with its contacts and agreements.
#[derive(Debug, Clone, Deserialize)]
pub struct OrganisationView {
    /// The organisation's name.
    pub name: String,
    /// The kind of organisation (`safety_region`, `police`, `supplier`, …).
    pub org_type: String,
    /// How it can be reached day and night, e.g. a 24/7 control-room number.
    pub reachability: Option<String>,
    /// Its contact persons.
    #[serde(default)]
    pub contacts: Vec<OrgContact>,
    /// The agreements about what each side expects.
    #[serde(default)]
    pub expectations: Vec<Expectation>,
}

/// An escalation agreement: one step of the escalation scheme.
#[derive(Debug, Clone, Deserialize)]
pub struct EscalationView {
    /// The agreement's name.
    pub name: String,
    /// Its place in the escalation scheme (1 first).
    pub step: i64,
    /// When the step applies, as free text.
    pub applies_when: String,
    /// The team that escalates.
    pub from_team: Option<RecordId>,
    /// The team it escalates to.
    pub to_team: Option<RecordId>,
    /// Whom it escalates to outside the teams, e.g. the NCSC.
    pub to_other: Option<String>,
    /// Who informs whom.
    pub who_informs: Option<String>,
    /// Through which line (channel or hierarchy) the escalation goes.
    pub line: Option<String>,
    /// Who decides to escalate.
    pub who_decides: Option<String>,
    /// `cyber_incident` or `cyber_crisis`; none: applies to both.
    pub classification: Option<String>,
    /// The parties this step says must be informed.
    #[serde(default)]
    pub inform: Vec<PartyRow>,
}

/// One party an escalation step says must be informed.
#[derive(Debug, Clone, Deserialize)]
pub struct PartyRow {
    /// The party's code (see `crate::crisis::PARTIES`).
    pub party: String,
}

/// A business process of the municipality and how to restore it.
#[derive(Debug, Clone, Deserialize)]
pub struct ProcessView {
    /// The process's name.
    pub name: String,
    /// Who owns the process.
    pub owner: Option<String>,
    /// How critical it is (`vital`, `high`, `medium`, `low`).
    pub criticality: String,
    /// The maximum tolerable downtime in hours.
    pub max_downtime_hours: Option<i64>,
    /// Its place in the restore order (1 is restored first).
    pub restore_priority: Option<i64>,
    /// The systems it depends on, as free text.
    pub systems: Option<String>,
    /// Whether a manual fallback is available.
    #[serde(default)]
    pub manual_fallback: bool,
    /// How the manual fallback works.
    pub fallback_how: Option<String>,
}

/// An action agreed in a meeting.
#[derive(Debug, Clone, Deserialize)]
pub struct MeetingAction {
    /// What is to be done.
    pub what: String,
    /// The contact who does it.
    pub who: Option<RecordId>,
    /// The date it must be done by, if a deadline was set.
    pub deadline: Option<Date>,
    /// Whether it is done.
    #[serde(default)]
    pub done: bool,
}

/// A recurring meeting of the crisis organisation.
#[derive(Debug, Clone, Deserialize)]
pub struct MeetingView {
    /// The meeting's name.
    pub name: String,
    /// How often it recurs (`weekly` … `yearly`, or `once`).
    pub frequency: String,
    /// When it is first held.
    pub first_start: Timestamp,
    /// How long it lasts, in minutes.
    pub duration_minutes: i64,
    /// Where it is held.
    pub location: Option<String>,
    /// The standing agenda.
    pub agenda: Option<String>,
    /// Who takes part.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// The actions agreed in it.
    #[serde(default)]
    pub actions: Vec<MeetingAction>,
}

/// One participant of a meeting.
#[derive(Debug, Clone, Deserialize)]
pub struct Participant {
    /// The contact who takes part.
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

/// A plan of the crisis organisation (crisis plan, continuity plan, …).
#[derive(Debug, Clone, Deserialize)]
pub struct PlanView {
    /// The plan's name.
    pub name: String,
    /// The kind of plan (`crisis_plan`, `continuity_plan`, …).
    pub plan_type: String,
    /// Who owns the plan.
    pub owner: Option<String>,
    /// The plan's version.
    pub version: Option<String>,
    /// Where the printed copy is kept, e.g. "crisis advisor's folder, cabinet B2".
    pub paper_copy: Option<String>,
    /// The date the plan must be reviewed by.
    pub review_on: Option<Date>,
}

/// An exercise of the training and exercise plan.
#[derive(Debug, Clone, Deserialize)]
pub struct ExerciseView {
    /// The exercise's name.
    pub name: String,
    /// `official`, `administrative` or `both`.
    pub level: String,
    /// `planned`, `prepared`, `held`, `evaluated` or `cancelled`.
    pub status: String,
    /// The day it is (or was) held.
    pub planned_on: Date,
    /// The teams taking part.
    #[serde(default)]
    pub teams: Vec<ExerciseTeam>,
}

/// A team taking part in an exercise.
#[derive(Debug, Clone, Deserialize)]
pub struct ExerciseTeam {
    /// The register team.
    pub team: RecordId,
}

impl ExerciseView {
    /// Held (or held and evaluated) within the twelve months up to `today`.
    pub fn held_within_a_year(&self, today: Date) -> bool {
        matches!(self.status.as_str(), "held" | "evaluated")
            && self.planned_on <= today
            && today
                .checked_sub(jiff::Span::new().years(1))
                .is_ok_and(|year_ago| self.planned_on >= year_ago)
    }
}

/// An improvement action: a lesson turned into a change of the preparation.
#[derive(Debug, Clone, Deserialize)]
pub struct ImprovementView {
    /// What is to change.
    pub name: String,
    /// `open`, `in_progress` or `done`.
    pub status: String,
    /// The date it is to be done by.
    pub due_on: Option<Date>,
}

impl ImprovementView {
    /// Not done and past its date on `today`.
    pub fn overdue(&self, today: Date) -> bool {
        self.status != "done" && self.due_on.is_some_and(|d| d < today)
    }
}

/// One point of the readiness checklist and how it stands.
#[derive(Debug, Clone, Deserialize)]
pub struct ReadinessView {
    /// The checklist item's code.
    pub item: String,
    /// How far it is (`not_started`, `in_progress`, `in_order`).
    pub status: String,
    /// The contact who owns it.
    pub owner: Option<RecordId>,
    /// Why it is in order (or not), as free text.
    pub evidence: Option<String>,
    /// When it was last reviewed.
    pub last_reviewed: Option<Date>,
    /// Register pages that show the item is in order.
    #[serde(default)]
    pub links: Vec<EvidenceLink>,
}

/// A register page that shows a readiness item is in order.
#[derive(Debug, Clone, Deserialize)]
pub struct EvidenceLink {
    /// The record that shows it.
    pub record: RecordId,
}
