//! The schema of each kind of crisis entry: its fields, the choices they offer, and the
//! checks across fields. `EntryKind::schema` hands them out.

use super::{EntryKind, text};
use crate::crisis::PARTIES;
use crate::register::RecordKind;
use crate::register::schema::{Field, FieldIssue, FieldType as T, Group, Schema};
use serde_json::{Map, Value};

const fn f(name: &'static str, ty: T, required: bool) -> Field {
    Field { name, ty, required }
}

const LINE: T = T::Text { max: 200 };
const TEXT: T = T::LongText { max: 5000 };
const LONG: T = T::LongText { max: 20000 };

/// The categories of a log line (report, picture, contact, …).
pub const LOG_CATEGORIES: &[&str] = &[
    "report",
    "incoming",
    "picture",
    "contact",
    "communication",
    "decision",
    "action",
    "other",
];
/// Legal powers a decision may rest on (kept with the register's lists, which name them too).
pub use crate::register::kinds::POWERS;
/// The statuses of an action, from new to closed.
pub const ACTION_STATUSES: &[&str] = &["new", "in_progress", "done", "closed"];
/// The cases a scenario describes: worst, real or best.
pub const CASES: &[&str] = &["worst", "real", "best"];
/// The levels of a scenario's likelihood and impact.
pub const LEVELS: &[&str] = &["low", "medium", "high"];
/// In what capacity someone attends: team member, liaison, expert or support.
pub const ATTENDANCE_KINDS: &[&str] = &["member", "liaison", "expert", "support"];
/// The roles the safety region can send in support.
pub const SUPPORT_ROLES: &[&str] = &[
    "operational_leader",
    "technical_chair",
    "information_manager",
    "communication_advisor",
    "other",
];
/// The statuses of a request for support, from requested to ended.
pub const SUPPORT_STATUSES: &[&str] = &["requested", "confirmed", "arrived", "declined", "ended"];
/// How a party was informed.
pub const CHANNELS: &[&str] = &["phone", "email", "in_person", "meeting", "message", "other"];
/// The audiences a crisis communication message is for.
pub const AUDIENCES: &[&str] = &["residents", "staff", "council", "press", "partners"];
/// The statuses of a communication message: draft, approved, published.
pub const COMMUNICATION_STATUSES: &[&str] = &["draft", "approved", "published"];
/// The nature of an item in the shared picture: fact, uncertainty or assumption.
pub const NATURES: &[&str] = &["fact", "uncertainty", "assumption"];
/// The statuses of a municipal process in the shared picture.
pub const PROCESS_STATUSES: &[&str] = &[
    "normal",
    "disrupted",
    "down",
    "workaround",
    "restored",
    "safe",
];
/// What must be true before a process or system is declared safe again (our own list after
/// the guidance's point that "safe" is hard to say): each a yes/no on the status.
pub const SAFE_CHECKS: &[&str] = &[
    "clean_backup",
    "credentials_reset",
    "monitoring",
    "supplier_confirmed",
    "ciso_signoff",
];
/// The types of duty (see `duties::catalogue`, which must list the same codes in this order).
pub const OBLIGATIONS: &[&str] = &[
    "avg_authority",
    "avg_data_subjects",
    "cbw_early_warning",
    "cbw_notification",
    "cbw_final_report",
    "insurer",
    "police_report",
    "ordinance_inform",
    "ordinance_ratify",
    "ordinance_withdraw",
    "order_report",
    "own",
    "other",
];
/// The statuses of a duty: open, done, or not applicable after all.
pub const DUTY_STATUSES: &[&str] = &["open", "done", "not_applicable"];
/// The statuses of an affected external organisation in the shared picture.
pub const EFFECT_STATUSES: &[&str] = &[
    "threatened",
    "disrupted",
    "down",
    "workaround",
    "restored",
    "safe",
];

/// Where an inject of a running exercise stands: waiting, released to the players, or
/// withheld by control.
pub const INJECT_STATUSES: &[&str] = &["pending", "released", "withheld"];

pub(super) static INJECT: Schema = Schema {
    code: "inject",
    checks: no_checks,
    title: "text",
    fields: &[
        f("number", T::Integer { min: 1, max: 9999 }, true),
        f("at_minutes", T::Integer { min: 0, max: 1440 }, false),
        f("at_time", T::Text { max: 5 }, false),
        f("after", T::Integer { min: 1, max: 9999 }, false),
        f("after_minutes", T::Integer { min: 0, max: 1440 }, false),
        f(
            "sender",
            T::Choice(crate::register::kinds::INJECT_SENDERS),
            true,
        ),
        f("sender_name", LINE, false),
        f("to", LINE, true),
        f(
            "channel",
            T::Choice(crate::register::kinds::INJECT_CHANNELS),
            true,
        ),
        f("text", T::LongText { max: 4000 }, true),
        f("expected", TEXT, false),
        f("goal", T::Ref(RecordKind::LearningGoal), false),
        f("controller", LINE, false),
        f("contingency", T::Bool, false),
        f("ad_hoc", T::Bool, false),
        f("status", T::Choice(INJECT_STATUSES), true),
        f("released_at", T::DateTime, false),
        f(
            "released_minute",
            T::Integer {
                min: 0,
                max: 100_000,
            },
            false,
        ),
        f("log", T::Entry(EntryKind::Log), false),
        f("note", TEXT, false),
    ],
    groups: &[],
    columns: &["number", "at_minutes", "sender", "to", "status"],
};

pub(super) static OBSERVATION: Schema = Schema {
    code: "observation",
    checks: no_checks,
    title: "text",
    fields: &[
        f("observed_at", T::DateTime, true),
        f("goal", T::Ref(RecordKind::LearningGoal), false),
        f("text", TEXT, true),
        f("rating", T::Choice(crate::crisis::exercise::RATINGS), false),
        f("log", T::Entry(EntryKind::Log), false),
        f("decision", T::Entry(EntryKind::Decision), false),
        f("inject", T::Entry(EntryKind::Inject), false),
    ],
    groups: &[],
    columns: &["observed_at", "goal", "rating"],
};

pub(super) static LOG: Schema = Schema {
    code: "log",
    checks: no_checks,
    title: "text",
    fields: &[
        f("occurred_at", T::DateTime, true),
        f("category", T::Choice(LOG_CATEGORIES), true),
        f("text", TEXT, true),
        f("source", LINE, false),
        f("corrects", T::Entry(EntryKind::Log), false),
        f("background", T::Bool, false),
    ],
    groups: &[],
    columns: &["occurred_at", "category", "source"],
};

pub(super) static DECISION: Schema = Schema {
    code: "decision",
    checks: decision_checks,
    title: "title",
    fields: &[
        f("title", LINE, true),
        f("decision", TEXT, true),
        f("considerations", LONG, true),
        f("alternatives", TEXT, false),
        f("decided_by", LINE, true),
        f("capacity", LINE, false),
        f("power", T::Choice(POWERS), false),
        f("power_other", LINE, false),
        f("decided_at", T::DateTime, true),
        f("dilemma", T::Entry(EntryKind::Dilemma), false),
        f("scenario", T::Entry(EntryKind::Scenario), false),
        f("meeting", T::Entry(EntryKind::Bob), false),
        f("reevaluate_at", T::DateTime, false),
        f("supersedes", T::Entry(EntryKind::Decision), false),
    ],
    groups: &[],
    columns: &["decided_at", "decided_by", "power", "reevaluate_at"],
};

pub(super) static DUTY: Schema = Schema {
    code: "duty",
    checks: duty_checks,
    title: "obligation",
    fields: &[
        f("obligation", T::Choice(OBLIGATIONS), true),
        f("duty_type", T::Ref(RecordKind::DutyType), false),
        f("name", LINE, false),
        f("starts_at", T::DateTime, true),
        f("deadline", T::DateTime, false),
        f("status", T::Choice(DUTY_STATUSES), true),
        f("done_at", T::DateTime, false),
        f("done_by", LINE, false),
        f("evidence", TEXT, false),
        f("decision", T::Entry(EntryKind::Decision), false),
        f("note", TEXT, false),
    ],
    groups: &[],
    columns: &["duty_type", "status", "deadline", "done_at", "done_by"],
};

/// Whether a finding went well or is to improve.
pub const VERDICTS: &[&str] = &["went_well", "to_improve"];

pub(super) static FINDING: Schema = Schema {
    code: "finding",
    checks: no_checks,
    title: "finding",
    fields: &[
        f("theme", T::Choice(crate::register::kinds::THEMES), true),
        f("verdict", T::Choice(VERDICTS), true),
        f("finding", TEXT, true),
        f("lesson", TEXT, false),
        f("log", T::Entry(EntryKind::Log), false),
        f("decision", T::Entry(EntryKind::Decision), false),
        f("moment", T::DateTime, false),
        f("evaluation", T::Entry(EntryKind::Evaluation), false),
    ],
    groups: &[],
    columns: &["theme", "verdict", "lesson"],
};

pub(super) static ACTION: Schema = Schema {
    code: "action",
    checks: no_checks,
    title: "what",
    fields: &[
        f("what", LINE, true),
        f("owner", T::User, false),
        f("owner_name", LINE, false),
        f("team", T::Ref(RecordKind::Team), false),
        f("deadline", T::DateTime, false),
        f("decision", T::Entry(EntryKind::Decision), false),
        f("status", T::Choice(ACTION_STATUSES), true),
        f("result", TEXT, false),
    ],
    groups: &[],
    columns: &["status", "owner", "deadline", "team"],
};

pub(super) static DILEMMA: Schema = Schema {
    code: "dilemma",
    checks: no_checks,
    title: "title",
    fields: &[
        f("title", LINE, true),
        f("question", TEXT, false),
        f("options", TEXT, false),
        f("notes", TEXT, false),
    ],
    groups: &[],
    columns: &["question"],
};

pub(super) static SCENARIO: Schema = Schema {
    code: "scenario",
    checks: no_checks,
    title: "title",
    fields: &[
        f("case", T::Choice(CASES), true),
        f("title", LINE, true),
        f("description", TEXT, true),
        f("likelihood", T::Choice(LEVELS), true),
        f("impact", T::Choice(LEVELS), true),
        f("consequences", TEXT, false),
        f("indicators", TEXT, false),
        f("preparations", TEXT, false),
    ],
    groups: &[],
    columns: &["case", "likelihood", "impact"],
};

pub(super) static ATTENDANCE: Schema = Schema {
    code: "attendance",
    checks: attendance_checks,
    title: "person",
    fields: &[
        f("person", LINE, true),
        f("capacity", LINE, false),
        f("kind", T::Choice(ATTENDANCE_KINDS), true),
        f("organisation", LINE, false),
        f("team", T::Ref(RecordKind::Team), false),
        f("arrived_at", T::DateTime, false),
        f("left_at", T::DateTime, false),
    ],
    groups: &[],
    columns: &["kind", "capacity", "team", "arrived_at", "left_at"],
};

pub(super) static SUPPORT: Schema = Schema {
    code: "support",
    checks: support_checks,
    title: "role",
    fields: &[
        f("role", T::Choice(SUPPORT_ROLES), true),
        f("detail", LINE, false),
        f("requested_at", T::DateTime, true),
        f("requested_by", LINE, false),
        f("status", T::Choice(SUPPORT_STATUSES), true),
        f("who", LINE, false),
        f("note", TEXT, false),
    ],
    groups: &[],
    columns: &["status", "requested_at", "who"],
};

pub(super) static INFORMING: Schema = Schema {
    code: "informing",
    checks: no_checks,
    title: "party",
    fields: &[
        f("party", T::Choice(PARTIES), true),
        f("person", LINE, false),
        f("informed_at", T::DateTime, true),
        f("by", LINE, true),
        f("how", T::Choice(CHANNELS), true),
        f("note", TEXT, false),
    ],
    groups: &[],
    columns: &["informed_at", "person", "by", "how"],
};

pub(super) static COMMUNICATION: Schema = Schema {
    code: "communication",
    checks: communication_checks,
    title: "title",
    fields: &[
        f("title", LINE, true),
        f("audience", T::Choice(AUDIENCES), true),
        f("message", LONG, true),
        f("status", T::Choice(COMMUNICATION_STATUSES), true),
        f("approved_by", LINE, false),
        f("channel", LINE, false),
        f("published_at", T::DateTime, false),
    ],
    groups: &[],
    columns: &["audience", "status", "approved_by", "published_at"],
};

pub(super) static BOB: Schema = Schema {
    code: "bob",
    checks: no_checks,
    title: "title",
    fields: &[
        f("title", LINE, true),
        f("team", T::Ref(RecordKind::Team), false),
        f("started_at", T::DateTime, true),
        f("picture", LONG, false),
        f("judgement", LONG, false),
        f("options", TEXT, false),
        f("next_meeting", T::DateTime, false),
    ],
    groups: &[Group {
        name: "attendees",
        fields: &[f("person", LINE, true), f("capacity", LINE, false)],
        blank_rows: 4,
        max_rows: 60,
    }],
    columns: &["started_at", "team", "next_meeting"],
};

pub(super) static FACT: Schema = Schema {
    code: "fact",
    checks: no_checks,
    title: "statement",
    fields: &[
        f("statement", TEXT, true),
        f("nature", T::Choice(NATURES), true),
        f("source", LINE, false),
        f("observed_at", T::DateTime, false),
        f("background", T::Bool, false),
    ],
    groups: &[],
    columns: &["nature", "source", "observed_at"],
};

pub(super) static PROCESS_STATUS: Schema = Schema {
    code: "process_status",
    checks: process_status_checks,
    title: "process",
    fields: &[
        f("process", T::Ref(RecordKind::Process), true),
        f("status", T::Choice(PROCESS_STATUSES), true),
        f("since", T::DateTime, false),
        f("expected_recovery", T::DateTime, false),
        f("note", TEXT, false),
        f("clean_backup", T::Bool, false),
        f("credentials_reset", T::Bool, false),
        f("monitoring", T::Bool, false),
        f("supplier_confirmed", T::Bool, false),
        f("ciso_signoff", T::Bool, false),
        f("declared_by", LINE, false),
        f("declared_at", T::DateTime, false),
        f("evidence", TEXT, false),
    ],
    // The workspace's own checks (register: veiligheidscontroles), each ticked when done.
    groups: &[Group {
        name: "own_checks",
        fields: &[
            f("check", T::Ref(RecordKind::SafeCheck), true),
            f("done", T::Bool, false),
        ],
        blank_rows: 2,
        max_rows: 30,
    }],
    columns: &["status", "since", "expected_recovery"],
};

pub(super) static EFFECT: Schema = Schema {
    code: "effect",
    checks: no_checks,
    title: "name",
    fields: &[
        f("name", LINE, true),
        f("organisation", T::Ref(RecordKind::Organisation), false),
        f("status", T::Choice(EFFECT_STATUSES), true),
        f("effect", TEXT, true),
        f("cascade", TEXT, false),
    ],
    groups: &[],
    columns: &["status", "organisation"],
};

fn no_checks(_: &Map<String, Value>) -> Vec<FieldIssue> {
    vec![]
}

fn decision_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    if text(data, "power") == "other" && text(data, "power_other").trim().is_empty() {
        return vec![FieldIssue::new("power_other", "required_with_other")];
    }
    if !text(data, "reevaluate_at").is_empty()
        && text(data, "reevaluate_at") <= text(data, "decided_at")
    {
        return vec![FieldIssue::new("reevaluate_at", "before_decision")];
    }
    vec![]
}

fn duty_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    let mut issues = vec![];
    if text(data, "obligation") == "other" && text(data, "name").trim().is_empty() {
        issues.push(FieldIssue::new("name", "required_with_other"));
    }
    if text(data, "obligation") == "own" && text(data, "duty_type").is_empty() {
        issues.push(FieldIssue::new("duty_type", "required_with_own"));
    }
    let deadline = text(data, "deadline");
    if !deadline.is_empty() && deadline < text(data, "starts_at") {
        issues.push(FieldIssue::new("deadline", "end_before_start"));
    }
    if text(data, "status") == "done" && text(data, "done_at").is_empty() {
        issues.push(FieldIssue::new("done_at", "required_when_done"));
    }
    issues
}

/// How a crisis or exercise is evaluated: a hot wash right after, an internal evaluation, or
/// an external evaluator.
pub const EVALUATION_METHODS: &[&str] = &["hot_wash", "internal", "external"];

pub(super) static EVALUATION: Schema = Schema {
    code: "evaluation",
    checks: no_checks,
    title: "title",
    fields: &[
        f("title", LINE, true),
        f("method", T::Choice(EVALUATION_METHODS), true),
        f("held_on", T::Date, true),
        f("led_by", LINE, true),
        f("participants", TEXT, false),
        f("scope", TEXT, false),
        f("conclusions", LONG, false),
    ],
    groups: &[],
    columns: &["method", "held_on", "led_by"],
};

/// The categories of a crisis's costs.
pub const COST_CATEGORIES: &[&str] = &[
    "external_expertise",
    "overtime",
    "hardware_software",
    "lost_income",
    "third_party_claims",
    "communication",
    "other",
];
/// Where a cost stands: committed, invoiced, paid.
pub const COST_STATUSES: &[&str] = &["committed", "invoiced", "paid"];
/// The most a single amount may be: ten million euro, in cents.
const MAX_AMOUNT: i64 = 1_000_000_000;
const MONEY: T = T::Money { max: MAX_AMOUNT };

pub(super) static COST: Schema = Schema {
    code: "cost",
    checks: no_checks,
    title: "description",
    fields: &[
        f("description", LINE, true),
        f("category", T::Choice(COST_CATEGORIES), true),
        f("amount", MONEY, true),
        f("vat", MONEY, false),
        f("date", T::Date, true),
        f("supplier", LINE, false),
        f("invoice", LINE, false),
        f("status", T::Choice(COST_STATUSES), true),
        f("insured", T::Bool, false),
        f("note", TEXT, false),
    ],
    groups: &[],
    columns: &["category", "amount", "vat", "status", "date"],
};

/// Where an insurance claim stands.
pub const CLAIM_STATUSES: &[&str] = &["preparing", "notified", "assessed", "paid", "rejected"];

pub(super) static CLAIM: Schema = Schema {
    code: "claim",
    checks: claim_checks,
    title: "insurer",
    fields: &[
        f("insurer", LINE, true),
        f("policy", LINE, false),
        f("claim_number", LINE, false),
        f("notified_at", T::DateTime, false),
        f("status", T::Choice(CLAIM_STATUSES), true),
        f("claimed", MONEY, false),
        f("paid", MONEY, false),
        f("note", TEXT, false),
    ],
    groups: &[],
    columns: &["status", "notified_at", "claimed", "paid"],
};

fn claim_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    if text(data, "status") != "preparing" && text(data, "notified_at").is_empty() {
        return vec![FieldIssue::new("notified_at", "required_when_notified")];
    }
    vec![]
}

/// Where a council question stands, from received to answered.
pub const QUESTION_STATUSES: &[&str] = &["received", "drafting", "adopted", "sent"];

pub(super) static COUNCIL_QUESTION: Schema = Schema {
    code: "council_question",
    checks: question_checks,
    title: "subject",
    fields: &[
        f("subject", LINE, true),
        f("question", TEXT, true),
        f("asked_by", LINE, true),
        f("asked_on", T::Date, true),
        f("deadline", T::Date, true),
        f("answer", LONG, false),
        f("decision", T::Entry(EntryKind::Decision), false),
        f("log", T::Entry(EntryKind::Log), false),
        f("status", T::Choice(QUESTION_STATUSES), true),
        f("sent_on", T::Date, false),
    ],
    groups: &[],
    columns: &["status", "asked_by", "deadline", "sent_on"],
};

fn question_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    let mut issues = vec![];
    if text(data, "deadline") < text(data, "asked_on") {
        issues.push(FieldIssue::new("deadline", "end_before_start"));
    }
    if text(data, "status") == "sent" && text(data, "sent_on").is_empty() {
        issues.push(FieldIssue::new("sent_on", "required_when_sent"));
    }
    if matches!(text(data, "status"), "adopted" | "sent") && text(data, "answer").trim().is_empty()
    {
        issues.push(FieldIssue::new("answer", "required_to_adopt"));
    }
    issues
}

/// Declaring a process safe again takes every check of the list, who declared it, when, and
/// on what evidence.
fn process_status_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    if text(data, "status") != "safe" {
        return vec![];
    }
    let mut issues: Vec<FieldIssue> = SAFE_CHECKS
        .iter()
        .filter(|c| data.get(**c) != Some(&Value::Bool(true)))
        .map(|c| FieldIssue::new(*c, "required_to_declare_safe"))
        .collect();
    for field in ["declared_by", "declared_at", "evidence"] {
        if text(data, field).trim().is_empty() {
            issues.push(FieldIssue::new(field, "required_to_declare_safe"));
        }
    }
    issues
}

fn attendance_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    let (a, l) = (text(data, "arrived_at"), text(data, "left_at"));
    if !a.is_empty() && !l.is_empty() && l <= a {
        return vec![FieldIssue::new("left_at", "end_before_start")];
    }
    vec![]
}

fn support_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    if text(data, "role") == "other" && text(data, "detail").trim().is_empty() {
        return vec![FieldIssue::new("detail", "required_with_other")];
    }
    vec![]
}

pub(super) fn communication_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    let mut issues = vec![];
    let status = text(data, "status");
    if matches!(status, "approved" | "published") && text(data, "approved_by").trim().is_empty() {
        issues.push(FieldIssue::new("approved_by", "required_to_approve"));
    }
    if status == "published" {
        if text(data, "channel").trim().is_empty() {
            issues.push(FieldIssue::new("channel", "required_to_publish"));
        }
        if text(data, "published_at").is_empty() {
            issues.push(FieldIssue::new("published_at", "required_to_publish"));
        }
    }
    issues
}

pub(super) static LEGAL_ADVICE: Schema = Schema {
    code: "legal_advice",
    checks: no_checks,
    title: "subject",
    fields: &[
        f("subject", LINE, true),
        f("adviser", LINE, true),
        f("asked_on", T::Date, false),
        f("given_on", T::Date, true),
        f("question", TEXT, false),
        f("advice", LONG, true),
        f("decision", T::Entry(EntryKind::Decision), false),
    ],
    groups: &[],
    columns: &["adviser", "given_on"],
};

/// Where an aftercare conversation stands.
pub const AFTERCARE_STATUSES: &[&str] = &["planned", "held", "waived"];

pub(super) static AFTERCARE: Schema = Schema {
    code: "aftercare",
    checks: aftercare_checks,
    title: "person",
    fields: &[
        f("person", LINE, true),
        f("capacity", LINE, false),
        f("status", T::Choice(AFTERCARE_STATUSES), true),
        f("planned_on", T::Date, false),
        f("held_on", T::Date, false),
        f("held_by", LINE, false),
        f("referral", T::Bool, false),
        f("note", T::LongText { max: 1000 }, false),
    ],
    groups: &[],
    columns: &["status", "planned_on", "held_on", "held_by"],
};

fn aftercare_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    let mut issues = vec![];
    if text(data, "status") == "held" {
        if text(data, "held_on").is_empty() {
            issues.push(FieldIssue::new("held_on", "required_when_held"));
        }
        if text(data, "held_by").trim().is_empty() {
            issues.push(FieldIssue::new("held_by", "required_when_held"));
        }
    }
    issues
}

/// Where the account's own text stands: a draft, or adopted (by whom, when).
pub const ACCOUNT_STATUSES: &[&str] = &["draft", "adopted"];

pub(super) static ACCOUNT_TEXT: Schema = Schema {
    code: "account_text",
    checks: account_checks,
    title: "title",
    fields: &[
        f("title", LINE, true),
        f("status", T::Choice(ACCOUNT_STATUSES), true),
        f("introduction", LONG, false),
        f("course", LONG, false),
        f("reflection", LONG, false),
        f("conclusions", LONG, false),
        f("adopted_by", LINE, false),
        f("adopted_on", T::Date, false),
    ],
    groups: &[],
    columns: &["status", "adopted_by", "adopted_on"],
};

fn account_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    let mut issues = vec![];
    if text(data, "status") == "adopted" {
        if text(data, "adopted_by").trim().is_empty() {
            issues.push(FieldIssue::new("adopted_by", "required_when_adopted"));
        }
        if text(data, "adopted_on").is_empty() {
            issues.push(FieldIssue::new("adopted_on", "required_when_adopted"));
        }
    }
    issues
}
