//! Everything recorded in a crisis is an entry of one of these kinds, each described by a
//! schema (the same machinery as the register's records: one description validates both
//! doors and draws the forms). Log entries and decisions are never changed: a correction or
//! a superseding decision is a new entry that points at the old one.

use super::occurrence;
use crate::register::schema::{FieldIssue, Schema};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;
use std::str::FromStr;

/// The kinds of entry recorded in a crisis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A line in the log (logboek).
    Log,
    /// A decision with its considerations (besluit).
    Decision,
    /// An action point (actiepunt).
    Action,
    /// A strategic dilemma or key decision to weigh.
    Dilemma,
    /// A worst, real or best case.
    Scenario,
    /// Who is present in a team, a liaison or an expert.
    Attendance,
    /// A request for support from the safety region.
    Support,
    /// Who was informed, when, by whom and how.
    Informing,
    /// A message to an audience.
    Communication,
    /// A meeting of a crisis team (BOB: picture, judgement, decision).
    Bob,
    /// A fact, uncertainty or assumption in the shared picture.
    Fact,
    /// The status of one of the municipality's processes in the shared picture.
    ProcessStatus,
    /// An affected external organisation and its cascade effects.
    Effect,
    /// A statutory or contractual duty with its deadline (plicht): a notification to the data
    /// protection authority, the insurer, the council after an emergency ordinance, …
    Duty,
    /// A finding of the evaluation (bevinding): what went well or is to improve, by theme,
    /// citing the record, with the lesson it teaches.
    Finding,
    /// A cost the crisis caused (kosten): amount in cents, VAT, category, status.
    Cost,
    /// A claim with the insurer (verzekeringsclaim).
    Claim,
    /// A question from the council (raadsvraag) with its answer deadline and draft answer.
    CouncilQuestion,
    /// An evaluation of the crisis or exercise (hot wash, internal, external): who led it,
    /// when, and what it concluded; its findings cite it.
    Evaluation,
    /// Legal advice sought during or after the crisis (juridisch advies): confidential,
    /// read by administrators and editors only.
    LegalAdvice,
    /// An aftercare conversation with someone who was involved (nazorg): read by
    /// administrators only, and never medical details.
    Aftercare,
    /// The advisor's own text of the account to the council (verantwoording): narrative
    /// sections beside the parts composed from the record, from draft to adopted.
    AccountText,
    /// An inject of an exercise (inject): a message from a simulated sender in the master
    /// events list, copied from the script, released to the players by exercise control.
    /// Only exercise control and observers read it.
    Inject,
    /// An observation of an exercise (observatie): what an observer saw, against a learning
    /// goal, with a rating. Only exercise control and observers read it.
    Observation,
}

impl EntryKind {
    /// Every kind of entry, in the order the crisis room lists them.
    pub const ALL: [EntryKind; 24] = [
        EntryKind::Log,
        EntryKind::Decision,
        EntryKind::Action,
        EntryKind::Dilemma,
        EntryKind::Scenario,
        EntryKind::Attendance,
        EntryKind::Support,
        EntryKind::Informing,
        EntryKind::Communication,
        EntryKind::Bob,
        EntryKind::Fact,
        EntryKind::ProcessStatus,
        EntryKind::Effect,
        EntryKind::Duty,
        EntryKind::Finding,
        EntryKind::Cost,
        EntryKind::Claim,
        EntryKind::CouncilQuestion,
        EntryKind::Evaluation,
        EntryKind::AccountText,
        EntryKind::Inject,
        EntryKind::Observation,
        EntryKind::LegalAdvice,
        EntryKind::Aftercare,
    ];

    /// The kinds every reader of the crisis may read: all but the confidential ones, which
    /// come last in [`EntryKind::ALL`].
    pub const OPEN: &[EntryKind] = EntryKind::ALL.split_at(EntryKind::ALL.len() - 4).0;

    /// The kind's stable code (`log`, `process_status`, …), as stored and in the API.
    pub fn code(self) -> &'static str {
        match self {
            EntryKind::Log => "log",
            EntryKind::Decision => "decision",
            EntryKind::Action => "action",
            EntryKind::Dilemma => "dilemma",
            EntryKind::Scenario => "scenario",
            EntryKind::Attendance => "attendance",
            EntryKind::Support => "support",
            EntryKind::Informing => "informing",
            EntryKind::Communication => "communication",
            EntryKind::Bob => "bob",
            EntryKind::Fact => "fact",
            EntryKind::ProcessStatus => "process_status",
            EntryKind::Effect => "effect",
            EntryKind::Duty => "duty",
            EntryKind::Finding => "finding",
            EntryKind::Cost => "cost",
            EntryKind::Claim => "claim",
            EntryKind::CouncilQuestion => "council_question",
            EntryKind::Evaluation => "evaluation",
            EntryKind::LegalAdvice => "legal_advice",
            EntryKind::Aftercare => "aftercare",
            EntryKind::AccountText => "account_text",
            EntryKind::Inject => "inject",
            EntryKind::Observation => "observation",
        }
    }

    /// The Dutch path segment under `/crisis/{id}/`.
    pub fn slug(self) -> &'static str {
        match self {
            EntryKind::Log => "logboek",
            EntryKind::Decision => "besluiten",
            EntryKind::Action => "acties",
            EntryKind::Dilemma => "dilemmas",
            EntryKind::Scenario => "scenarios",
            EntryKind::Attendance => "aanwezigheid",
            EntryKind::Support => "bijstand",
            EntryKind::Informing => "informeren",
            EntryKind::Communication => "communicatie",
            EntryKind::Bob => "vergaderingen",
            EntryKind::Fact => "feiten",
            EntryKind::ProcessStatus => "processen",
            EntryKind::Effect => "effecten",
            EntryKind::Duty => "plichten",
            EntryKind::Finding => "bevindingen",
            EntryKind::Cost => "kosten",
            EntryKind::Claim => "verzekering",
            EntryKind::CouncilQuestion => "raadsvragen",
            EntryKind::Evaluation => "evaluaties",
            EntryKind::LegalAdvice => "juridisch-advies",
            EntryKind::Aftercare => "nazorggesprekken",
            EntryKind::AccountText => "verantwoordingstekst",
            EntryKind::Inject => "injects",
            EntryKind::Observation => "observaties",
        }
    }

    /// The kind whose Dutch path segment (see [`EntryKind::slug`]) is `slug`.
    pub fn from_slug(slug: &str) -> Option<EntryKind> {
        EntryKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// The least role that may read and write entries of this kind. Legal advice is for
    /// administrators and editors, aftercare for administrators; a guest of the crisis
    /// reads neither, whatever their role. Every read path leaves them out for anyone else:
    /// the room, the timeline, prints, the account to the council, the events of the stream.
    pub fn reader(self) -> crate::Role {
        match self {
            EntryKind::LegalAdvice => crate::Role::Editor,
            EntryKind::Aftercare => crate::Role::Admin,
            _ => crate::Role::Viewer,
        }
    }

    /// Whether entries of this kind belong to exercise control: read by the exercise's
    /// control and observers only, whatever their role (see `exercise::ExerciseRun::staff`),
    /// and never through the crisis room's own pages.
    pub fn exercise_staff(self) -> bool {
        matches!(self, EntryKind::Inject | EntryKind::Observation)
    }

    /// Whether entries of this kind are kept from some readers (see [`EntryKind::reader`]).
    pub fn confidential(self) -> bool {
        self.reader() != crate::Role::Viewer || self.exercise_staff()
    }

    /// Whether someone with this role, a guest of the crisis or not, may read this kind in
    /// the crisis room. Exercise control's kinds are read on exercise control's own pages.
    pub fn readable_by(self, role: crate::Role, guest: bool) -> bool {
        role.allows(self.reader()) && !(guest && self.confidential()) && !self.exercise_staff()
    }

    /// Log entries and decisions are never changed once recorded.
    pub fn immutable(self) -> bool {
        matches!(self, EntryKind::Log | EntryKind::Decision)
    }

    /// Kinds whose title must be unique in a crisis (one status per process).
    pub fn unique_title(self) -> bool {
        matches!(self, EntryKind::ProcessStatus)
    }

    /// The field holding the entry's status, for filters and the timeline.
    pub fn tag_field(self) -> Option<&'static str> {
        match self {
            EntryKind::Log => Some("category"),
            EntryKind::Action | EntryKind::Communication | EntryKind::Support => Some("status"),
            EntryKind::Duty => Some("status"),
            EntryKind::Finding => Some("theme"),
            EntryKind::Cost => Some("category"),
            EntryKind::Claim | EntryKind::CouncilQuestion => Some("status"),
            EntryKind::Evaluation => Some("method"),
            EntryKind::Aftercare | EntryKind::AccountText => Some("status"),
            EntryKind::LegalAdvice => None,
            EntryKind::Inject => Some("status"),
            EntryKind::Observation => Some("rating"),
            EntryKind::ProcessStatus | EntryKind::Effect => Some("status"),
            EntryKind::Scenario => Some("case"),
            EntryKind::Informing => Some("party"),
            EntryKind::Fact => Some("nature"),
            EntryKind::Attendance => Some("kind"),
            EntryKind::Decision | EntryKind::Dilemma | EntryKind::Bob => None,
        }
    }

    /// The field that says when the entry happened, for kinds that have one; the others
    /// happen when they are recorded, or at the moment given with them.
    pub fn moment_field(self) -> Option<&'static str> {
        match self {
            EntryKind::Log => Some("occurred_at"),
            EntryKind::Decision => Some("decided_at"),
            EntryKind::Attendance => Some("arrived_at"),
            EntryKind::Support => Some("requested_at"),
            EntryKind::Informing => Some("informed_at"),
            EntryKind::Communication => Some("published_at"),
            EntryKind::Bob => Some("started_at"),
            EntryKind::Fact => Some("observed_at"),
            EntryKind::ProcessStatus => Some("since"),
            EntryKind::Duty => Some("starts_at"),
            EntryKind::Finding | EntryKind::Cost | EntryKind::Claim => None,
            EntryKind::CouncilQuestion | EntryKind::Evaluation => None,
            EntryKind::LegalAdvice | EntryKind::Aftercare | EntryKind::AccountText => None,
            EntryKind::Inject => Some("released_at"),
            EntryKind::Observation => Some("observed_at"),
            EntryKind::Action | EntryKind::Dilemma | EntryKind::Scenario | EntryKind::Effect => {
                None
            }
        }
    }

    /// The moments of this kind that report what already happened, each with whether it is
    /// bound to the crisis's first moment. The team's own acts (a log line, a decision,
    /// informing a party, someone arriving, a request for support) cannot predate the
    /// crisis, except log lines and facts marked as background; a process may have been
    /// down before anyone opened a crisis. Meetings and publications may be planned ahead,
    /// so they are not checked here.
    fn past_moments(self) -> &'static [(&'static str, bool)] {
        match self {
            EntryKind::Log => &[("occurred_at", true)],
            EntryKind::Decision => &[("decided_at", true)],
            EntryKind::Attendance => &[("arrived_at", true)],
            EntryKind::Support => &[("requested_at", true)],
            EntryKind::Informing => &[("informed_at", true)],
            EntryKind::Fact => &[("observed_at", true)],
            EntryKind::ProcessStatus => &[("since", false)],
            _ => &[],
        }
    }

    /// The schema that describes and validates entries of this kind.
    pub fn schema(self) -> &'static Schema {
        match self {
            EntryKind::Log => &LOG,
            EntryKind::Decision => &DECISION,
            EntryKind::Action => &ACTION,
            EntryKind::Dilemma => &DILEMMA,
            EntryKind::Scenario => &SCENARIO,
            EntryKind::Attendance => &ATTENDANCE,
            EntryKind::Support => &SUPPORT,
            EntryKind::Informing => &INFORMING,
            EntryKind::Communication => &COMMUNICATION,
            EntryKind::Bob => &BOB,
            EntryKind::Fact => &FACT,
            EntryKind::ProcessStatus => &PROCESS_STATUS,
            EntryKind::Effect => &EFFECT,
            EntryKind::Duty => &DUTY,
            EntryKind::Finding => &FINDING,
            EntryKind::Cost => &COST,
            EntryKind::Claim => &CLAIM,
            EntryKind::CouncilQuestion => &COUNCIL_QUESTION,
            EntryKind::Evaluation => &EVALUATION,
            EntryKind::LegalAdvice => &LEGAL_ADVICE,
            EntryKind::Aftercare => &AFTERCARE,
            EntryKind::AccountText => &ACCOUNT_TEXT,
            EntryKind::Inject => &INJECT,
            EntryKind::Observation => &OBSERVATION,
        }
    }
}

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for EntryKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        EntryKind::ALL
            .into_iter()
            .find(|k| k.code() == s || k.slug() == s)
            .ok_or(())
    }
}

mod schemas;
use schemas::*;
pub use schemas::{
    ACCOUNT_STATUSES, AFTERCARE_STATUSES, CLAIM_STATUSES, COST_CATEGORIES, COST_STATUSES,
    EVALUATION_METHODS, INJECT_STATUSES, QUESTION_STATUSES, SAFE_CHECKS,
};
pub use schemas::{
    ACTION_STATUSES, ATTENDANCE_KINDS, AUDIENCES, CASES, CHANNELS, COMMUNICATION_STATUSES,
    DUTY_STATUSES, EFFECT_STATUSES, LEVELS, LOG_CATEGORIES, NATURES, OBLIGATIONS, POWERS,
    PROCESS_STATUSES, SUPPORT_ROLES, SUPPORT_STATUSES, VERDICTS,
};

fn text<'a>(data: &'a Map<String, Value>, name: &str) -> &'a str {
    data.get(name).and_then(Value::as_str).unwrap_or("")
}

/// Checks the moments of an entry against the clock and the crisis's first moment (see
/// `occurrence::check`): what already happened cannot lie in the future, and the team's own
/// acts cannot predate the crisis unless the entry is marked as background.
pub fn check_times(
    kind: EntryKind,
    data: &Map<String, Value>,
    now: Timestamp,
    first: Timestamp,
) -> Vec<FieldIssue> {
    let background = data.get("background") == Some(&Value::Bool(true));
    kind.past_moments()
        .iter()
        .filter_map(|(field, bound)| {
            let at: Timestamp = text(data, field).parse().ok()?;
            occurrence::check(field, at, now, first, background || !bound).err()
        })
        .collect()
}

/// When a saved entry (or this change of it) happened: a new entry at its own moment field
/// when it has one, else at the moment given with it; a change at the moment given with it,
/// or, for a process whose status changed, at the moment of that change.
pub fn occurred_at(
    kind: EntryKind,
    old: Option<&Map<String, Value>>,
    new: &Map<String, Value>,
    given: Timestamp,
) -> Timestamp {
    let own = |data: &Map<String, Value>| {
        kind.moment_field()
            .and_then(|f| text(data, f).parse::<Timestamp>().ok())
    };
    match old {
        None => own(new).unwrap_or(given),
        Some(old) if kind == EntryKind::ProcessStatus && own(old) != own(new) => {
            own(new).unwrap_or(given)
        }
        Some(_) => given,
    }
}

/// Rules about how an entry may change, given what it was (`None` for a new entry).
pub fn check_change(
    kind: EntryKind,
    old: Option<&Map<String, Value>>,
    new: &Map<String, Value>,
) -> Vec<FieldIssue> {
    let Some(old) = old else {
        return match kind {
            EntryKind::Action if text(new, "status") == "closed" => {
                vec![FieldIssue::new("status", "closed_needs_done")]
            }
            _ => vec![],
        };
    };
    if kind.immutable() {
        return vec![FieldIssue::new("entry", "immutable")];
    }
    let (from, to) = (text(old, "status"), text(new, "status"));
    match kind {
        EntryKind::Action if to == "closed" && !matches!(from, "done" | "closed") => {
            vec![FieldIssue::new("status", "closed_needs_done")]
        }
        EntryKind::Communication if from == "published" && to != "published" => {
            vec![FieldIssue::new("status", "already_published")]
        }
        EntryKind::ProcessStatus if text(old, "process") != text(new, "process") => {
            vec![FieldIssue::new("process", "process_fixed")]
        }
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn slugs_and_codes_are_unique_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for k in EntryKind::ALL {
            assert!(seen.insert(k.slug()));
            assert!(seen.insert(k.code()) || k.code() == k.slug());
            assert_eq!(EntryKind::from_slug(k.slug()), Some(k));
            assert_eq!(k.code().parse::<EntryKind>(), Ok(k));
            assert_eq!(k.schema().code, k.code());
            assert!(k.schema().field(k.schema().title).is_some());
        }
    }

    #[test]
    fn what_happened_cannot_lie_ahead_and_the_team_cannot_act_before_the_crisis() {
        let now: Timestamp = "2026-11-28T12:00:00Z".parse().expect("valid");
        let first: Timestamp = "2026-11-28T08:00:00Z".parse().expect("valid");
        let future = map(json!({"occurred_at": "2026-11-28T13:00:00.000000Z"}));
        assert_eq!(
            check_times(EntryKind::Log, &future, now, first)[0].code,
            "in_future"
        );
        let before = map(json!({"decided_at": "2026-11-27T08:00:00.000000Z"}));
        assert_eq!(
            check_times(EntryKind::Decision, &before, now, first)[0].code,
            "before_crisis_start"
        );
        let background =
            map(json!({"occurred_at": "2026-11-01T08:00:00.000000Z", "background": true}));
        assert!(check_times(EntryKind::Log, &background, now, first).is_empty());
        // A process may have gone down before the crisis was opened.
        let down = map(json!({"since": "2026-11-28T06:00:00.000000Z"}));
        assert!(check_times(EntryKind::ProcessStatus, &down, now, first).is_empty());
        // A meeting may be planned ahead.
        let planned = map(json!({"started_at": "2026-11-29T08:00:00.000000Z"}));
        assert!(check_times(EntryKind::Bob, &planned, now, first).is_empty());
    }

    #[test]
    fn an_entry_happens_at_its_own_moment_or_the_one_given() {
        let given: Timestamp = "2026-11-28T12:00:00Z".parse().expect("valid");
        let log = map(json!({"occurred_at": "2026-11-28T09:30:00.000000Z"}));
        assert_eq!(
            occurred_at(EntryKind::Log, None, &log, given).to_string(),
            "2026-11-28T09:30:00Z"
        );
        let action = map(json!({"what": "Bel de leverancier"}));
        assert_eq!(occurred_at(EntryKind::Action, None, &action, given), given);
        let was = map(json!({"status": "down", "since": "2026-11-28T06:00:00.000000Z"}));
        let back = map(json!({"status": "restored", "since": "2026-11-28T11:00:00.000000Z"}));
        assert_eq!(
            occurred_at(EntryKind::ProcessStatus, Some(&was), &back, given).to_string(),
            "2026-11-28T11:00:00Z"
        );
        assert_eq!(
            occurred_at(EntryKind::ProcessStatus, Some(&was), &was, given),
            given
        );
    }

    #[test]
    fn logs_and_decisions_are_never_changed() {
        let old = map(json!({"text": "a"}));
        for kind in [EntryKind::Log, EntryKind::Decision] {
            let issues = check_change(kind, Some(&old), &old);
            assert_eq!(issues[0].code, "immutable");
        }
        assert!(check_change(EntryKind::Log, None, &old).is_empty());
    }

    #[test]
    fn an_action_is_closed_only_after_it_was_done() {
        let new = map(json!({"status": "new"}));
        let closed = map(json!({"status": "closed"}));
        let done = map(json!({"status": "done"}));
        assert_eq!(
            check_change(EntryKind::Action, Some(&new), &closed)[0].code,
            "closed_needs_done"
        );
        assert_eq!(
            check_change(EntryKind::Action, None, &closed)[0].code,
            "closed_needs_done"
        );
        assert!(check_change(EntryKind::Action, Some(&done), &closed).is_empty());
    }

    #[test]
    fn publishing_needs_an_approver_a_channel_and_a_time() {
        let issues = communication_checks(&map(json!({"status": "published"})));
        let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["approved_by", "channel", "published_at"]);
        let published = map(json!({"status": "published"}));
        let draft = map(json!({"status": "draft"}));
        assert_eq!(
            check_change(EntryKind::Communication, Some(&published), &draft)[0].code,
            "already_published"
        );
    }
}
