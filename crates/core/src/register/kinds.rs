//! The schema of every kind of record in the preparation register, and the checks that span
//! several fields (a roster's shifts must not overlap).

use super::RecordKind;
use super::schema::{Field, FieldIssue, FieldType as T, Group, Schema};
use serde_json::{Map, Value};

const fn f(name: &'static str, ty: T, required: bool) -> Field {
    Field { name, ty, required }
}

const NAME: T = T::Text { max: 120 };
const LINE: T = T::Text { max: 200 };
const NOTE: T = T::LongText { max: 2000 };

/// The labels a contact's phone number can have.
pub const PHONE_LABELS: &[&str] = &["mobile", "work", "home", "night", "other"];
/// The kinds of organisation (safety region, police, supplier, …).
pub const ORG_TYPES: &[&str] = &[
    "safety_region",
    "police",
    "prosecutor",
    "ibd",
    "ncsc",
    "supplier",
    "neighbour_municipality",
    "other",
];
/// The kinds of team; `custom` is a team of the organisation's own making.
pub const TEAM_STANDARDS: &[&str] = &["calamity_team", "local_triangle", "policy_team", "custom"];
/// The roles a member can have in a team.
pub const TEAM_ROLES: &[&str] = &[
    "chair",
    "advisor",
    "secretary",
    "communication",
    "ciso",
    "liaison",
    "technical_expert",
    "member",
];
/// The duties an on-call roster can cover.
pub const DUTIES: &[&str] = &[
    "crisis_advisor",
    "ciso",
    "communication",
    "mayor",
    "municipal_secretary",
    "other",
];
/// How critical a business process is, from vital to low.
pub const CRITICALITIES: &[&str] = &["vital", "high", "medium", "low"];
/// How often a meeting recurs; `once` does not recur.
pub const FREQUENCIES: &[&str] = &[
    "weekly",
    "monthly",
    "quarterly",
    "half_yearly",
    "yearly",
    "once",
];
/// The kinds of plan.
pub const PLAN_TYPES: &[&str] = &[
    "integral_safety_plan",
    "crisis_plan",
    "continuity_plan",
    "incident_response_plan",
    "exercise_plan",
    "other",
];
/// When an escalation agreement applies: for a classification, or when the classification
/// assistant's answer to a question is yes (empty: always).
pub const ESCALATION_SCOPES: &[&str] = &[
    "cyber_incident",
    "cyber_crisis",
    "crime_suspected",
    "beyond_local",
    "vital_infrastructure",
    "national",
];
/// The kinds of risk object (Seveso site, data centre, bridge, hospital, …).
pub const RISK_TYPES: &[&str] = &[
    "seveso",
    "data_centre",
    "port",
    "logistics_hub",
    "bridge",
    "lock",
    "school",
    "hospital",
    "cultural",
    "care_home",
    "drinking_water",
    "energy",
    "telecom",
    "supplier",
    "other",
];
/// Who fights the cause of a risk object's disruption: the organisation itself, the NCSC or
/// another party.
pub const CAUSE_FIGHTERS: &[&str] = &["organisation", "ncsc", "other"];
/// What a dependency may point at: the nodes of the cascade graph.
pub const NODE_KINDS: &[RecordKind] = &[
    RecordKind::RiskObject,
    RecordKind::Process,
    RecordKind::Organisation,
];

/// "X depends on Y": a record (`on`) or a vital process (`on_vital`), with how long X holds out
/// without it.
const DEPENDS_ON: Group = Group {
    name: "depends_on",
    fields: &[
        f("on", T::RefAmong(NODE_KINDS), false),
        f("on_vital", T::Choice(super::vital::CODES), false),
        f(
            "hold_out_minutes",
            T::Integer {
                min: 0,
                max: 525_600,
            },
            true,
        ),
        f("note", LINE, false),
    ],
    blank_rows: 2,
    max_rows: 200,
};

/// The statuses of a readiness record, from not started to in order.
pub const READINESS_STATUSES: &[&str] = &["not_started", "in_progress", "in_order"];

static CONTACT: Schema = Schema {
    code: "contact",
    checks: no_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("function", NAME, false),
        f("organisation", NAME, false),
        f("email", T::Email, false),
        f("alternative_channel", T::LongText { max: 500 }, false),
        f("notes", NOTE, false),
        f("last_checked", T::Date, false),
    ],
    groups: &[Group {
        name: "phones",
        fields: &[
            f("label", T::Choice(PHONE_LABELS), true),
            f("number", T::Phone, true),
        ],
        blank_rows: 2,
        max_rows: 10,
    }],
    columns: &["function", "organisation", "phones", "last_checked"],
};

static ORGANISATION: Schema = Schema {
    code: "organisation",
    checks: dependency_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("org_type", T::Choice(ORG_TYPES), true),
        f("reachability", T::LongText { max: 500 }, false),
        f("notes", NOTE, false),
    ],
    groups: &[
        Group {
            name: "contacts",
            fields: &[
                f("contact", T::Ref(RecordKind::Contact), true),
                f("role", NAME, false),
            ],
            blank_rows: 2,
            max_rows: 50,
        },
        Group {
            name: "expectations",
            fields: &[
                f("we_expect", T::LongText { max: 1000 }, true),
                f("they_expect", T::LongText { max: 1000 }, false),
                f("agreed_on", T::Date, false),
                f("agreed_by", NAME, false),
                f("review_on", T::Date, false),
            ],
            blank_rows: 1,
            max_rows: 30,
        },
        DEPENDS_ON,
    ],
    columns: &["org_type", "reachability"],
};

static TEAM: Schema = Schema {
    code: "team",
    checks: no_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("standard", T::Choice(TEAM_STANDARDS), true),
        f("purpose", NOTE, false),
        f("civil_contact", T::Ref(RecordKind::Contact), false),
        f("administrative_contact", T::Ref(RecordKind::Contact), false),
    ],
    groups: &[Group {
        name: "members",
        fields: &[
            f("contact", T::Ref(RecordKind::Contact), true),
            f("team_role", T::Choice(TEAM_ROLES), true),
            f("deputy", T::Ref(RecordKind::Contact), false),
        ],
        blank_rows: 3,
        max_rows: 60,
    }],
    columns: &["standard", "civil_contact", "administrative_contact"],
};

static ROSTER: Schema = Schema {
    code: "roster",
    checks: roster_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("duty", T::Choice(DUTIES), true),
        f("notes", NOTE, false),
    ],
    groups: &[
        Group {
            name: "shifts",
            fields: &[
                f("person", T::Ref(RecordKind::Contact), true),
                f("start", T::DateTime, true),
                f("end", T::DateTime, true),
            ],
            blank_rows: 3,
            max_rows: 1000,
        },
        Group {
            name: "exceptions",
            fields: &[
                f("person", T::Ref(RecordKind::Contact), true),
                f("start", T::DateTime, true),
                f("end", T::DateTime, true),
                f("reason", LINE, false),
            ],
            blank_rows: 1,
            max_rows: 200,
        },
    ],
    columns: &["duty"],
};

static ESCALATION: Schema = Schema {
    code: "escalation",
    checks: no_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("step", T::Integer { min: 1, max: 99 }, true),
        f("applies_when", T::LongText { max: 1000 }, true),
        f("from_team", T::Ref(RecordKind::Team), false),
        f("to_team", T::Ref(RecordKind::Team), false),
        f("to_other", LINE, false),
        f("who_informs", T::LongText { max: 1000 }, false),
        f("line", LINE, false),
        f("who_decides", LINE, false),
        f("classification", T::Choice(ESCALATION_SCOPES), false),
    ],
    groups: &[Group {
        name: "inform",
        fields: &[f("party", T::Choice(crate::crisis::PARTIES), true)],
        blank_rows: 2,
        max_rows: 20,
    }],
    columns: &["step", "from_team", "to_team", "who_decides"],
};

static PROCESS: Schema = Schema {
    code: "process",
    checks: process_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("owner", NAME, false),
        f("criticality", T::Choice(CRITICALITIES), true),
        f(
            "max_downtime_hours",
            T::Integer { min: 0, max: 8760 },
            false,
        ),
        f("restore_priority", T::Integer { min: 1, max: 999 }, false),
        f("systems", T::LongText { max: 1000 }, false),
        f("manual_fallback", T::Bool, false),
        f("fallback_how", T::LongText { max: 1000 }, false),
        f("notes", NOTE, false),
    ],
    groups: &[
        Group {
            name: "suppliers",
            fields: &[
                f("organisation", T::Ref(RecordKind::Organisation), true),
                f("what", LINE, false),
            ],
            blank_rows: 2,
            max_rows: 30,
        },
        DEPENDS_ON,
    ],
    columns: &[
        "restore_priority",
        "criticality",
        "max_downtime_hours",
        "manual_fallback",
    ],
};

static MEETING: Schema = Schema {
    code: "meeting",
    checks: no_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("frequency", T::Choice(FREQUENCIES), true),
        f("first_start", T::DateTime, true),
        f("duration_minutes", T::Integer { min: 15, max: 600 }, true),
        f("location", LINE, false),
        f("agenda", NOTE, false),
    ],
    groups: &[
        Group {
            name: "participants",
            fields: &[f("contact", T::Ref(RecordKind::Contact), true)],
            blank_rows: 3,
            max_rows: 60,
        },
        Group {
            name: "minutes",
            fields: &[
                f("date", T::Date, true),
                f("notes", T::LongText { max: 5000 }, true),
            ],
            blank_rows: 1,
            max_rows: 200,
        },
        Group {
            name: "actions",
            fields: &[
                f("what", LINE, true),
                f("who", T::Ref(RecordKind::Contact), false),
                f("deadline", T::Date, false),
                f("done", T::Bool, false),
            ],
            blank_rows: 2,
            max_rows: 200,
        },
    ],
    columns: &["frequency", "first_start", "location"],
};

static PLAN: Schema = Schema {
    code: "plan",
    checks: no_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("plan_type", T::Choice(PLAN_TYPES), true),
        f("owner", NAME, false),
        f("version", T::Text { max: 40 }, false),
        f("paper_copy", LINE, false),
        f("review_on", T::Date, false),
        f("notes", NOTE, false),
    ],
    groups: &[],
    columns: &["plan_type", "owner", "version", "paper_copy", "review_on"],
};

static READINESS: Schema = Schema {
    code: "readiness",
    checks: no_checks,
    title: "item",
    fields: &[
        f("item", T::Choice(super::readiness::ITEM_CODES), true),
        f("status", T::Choice(READINESS_STATUSES), true),
        f("owner", T::Ref(RecordKind::Contact), false),
        f("evidence", NOTE, false),
        f("last_reviewed", T::Date, false),
    ],
    groups: &[Group {
        name: "links",
        fields: &[f("record", T::AnyRef, true)],
        blank_rows: 2,
        max_rows: 20,
    }],
    columns: &["status", "owner", "last_reviewed"],
};

static RISK_OBJECT: Schema = Schema {
    code: "risk_object",
    checks: risk_object_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("object_type", T::Choice(RISK_TYPES), true),
        f("address", LINE, false),
        f("coordinates", T::Text { max: 40 }, false),
        f("liaison", T::Ref(RecordKind::Contact), false),
        f("reachability", T::LongText { max: 500 }, false),
        f("systems", T::LongText { max: 2000 }, false),
        f("public_order", T::LongText { max: 2000 }, false),
        f("cause_fighter", T::Choice(CAUSE_FIGHTERS), false),
        f("agreements", T::LongText { max: 2000 }, false),
        f("last_contact", T::Date, false),
        f("notes", NOTE, false),
    ],
    groups: &[
        Group {
            name: "contacts",
            fields: &[
                f("contact", T::Ref(RecordKind::Contact), true),
                f("role", NAME, false),
            ],
            blank_rows: 2,
            max_rows: 50,
        },
        Group {
            name: "vital_processes",
            fields: &[f("process", T::Choice(super::vital::CODES), true)],
            blank_rows: 1,
            max_rows: 30,
        },
        DEPENDS_ON,
    ],
    columns: &["object_type", "address", "cause_fighter", "last_contact"],
};

/// The themes an evaluation is structured by, after the guidance: alerting and escalation,
/// information position and shared picture, decision-making, communication, cooperation with
/// partners, scaling up, continuity of the municipality's own processes, recovery.
pub const THEMES: &[&str] = &[
    "alerting",
    "picture",
    "decisions",
    "communication",
    "cooperation",
    "scaling",
    "continuity",
    "recovery",
];
/// The statuses of an improvement action.
pub const IMPROVEMENT_STATUSES: &[&str] = &["open", "in_progress", "done"];

static IMPROVEMENT: Schema = Schema {
    code: "improvement",
    checks: no_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("lesson", NOTE, true),
        f("theme", T::Choice(THEMES), true),
        f("source", LINE, false),
        f("owner", T::Ref(RecordKind::Contact), false),
        f("due_on", T::Date, false),
        f("status", T::Choice(IMPROVEMENT_STATUSES), true),
        f("changes", T::AnyRef, false),
        f("result", NOTE, false),
    ],
    groups: &[],
    columns: &["theme", "status", "owner", "due_on", "source"],
};

/// Legal powers a decision may rest on (Gemeentewet and Wet veiligheidsregio's); a duty type
/// of the workspace may name the one that starts it.
pub const POWERS: &[&str] = &[
    "gemw_172",
    "gemw_172_3",
    "gemw_174",
    "gemw_175",
    "gemw_176",
    "wvr_39",
    "other",
];

static DUTY_TYPE: Schema = Schema {
    code: "duty_type",
    checks: duty_type_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("basis", LINE, true),
        f("term_hours", T::Integer { min: 1, max: 8760 }, false),
        f("term_months", T::Integer { min: 1, max: 24 }, false),
        f("power", T::Choice(POWERS), false),
        f("to_whom", LINE, false),
        f("notes", NOTE, false),
    ],
    groups: &[],
    columns: &["basis", "term_hours", "term_months", "power"],
};

/// A term in hours or in months, not both.
fn duty_type_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    if data.get("term_hours").is_some_and(|v| !v.is_null())
        && data.get("term_months").is_some_and(|v| !v.is_null())
    {
        return vec![FieldIssue::new("term_months", "hours_or_months")];
    }
    vec![]
}

static SAFE_CHECK: Schema = Schema {
    code: "safe_check",
    checks: no_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("description", NOTE, false),
        f("process", T::Ref(RecordKind::Process), false),
    ],
    groups: &[],
    columns: &["process"],
};

static LEARNING_GOAL: Schema = Schema {
    code: "learning_goal",
    checks: no_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("theme", T::Choice(THEMES), true),
        f("description", NOTE, false),
    ],
    groups: &[],
    columns: &["theme"],
};

/// The forms an exercise takes, from a discussion to a full-scale exercise.
pub const EXERCISE_FORMS: &[&str] = &[
    "discussion",
    "tabletop",
    "functional",
    "full_scale",
    "alerting_test",
    "training",
];
/// The level an exercise is held at: official (ambtelijk), administrative (bestuurlijk), both.
pub const EXERCISE_LEVELS: &[&str] = &["official", "administrative", "both"];
/// What an exercise is for, which sets how it is judged: testing whether the organisation
/// meets a standard, developing skills, or orienting on a subject.
pub const EXERCISE_FUNCTIONS: &[&str] = &["testing", "developing", "orienting"];
/// The course of an exercise in the plan.
pub const EXERCISE_STATUSES: &[&str] = &["planned", "prepared", "held", "evaluated", "cancelled"];
/// Who an inject pretends to come from.
pub const INJECT_SENDERS: &[&str] = &[
    "supplier",
    "ibd",
    "ncsc",
    "press",
    "resident",
    "safety_region",
    "police",
    "prosecutor",
    "staff",
    "council",
    "business",
    "other",
];
/// How an inject reaches the players.
pub const INJECT_CHANNELS: &[&str] = &[
    "phone",
    "email",
    "news",
    "social_media",
    "walk_in",
    "text_message",
];

static EXERCISE: Schema = Schema {
    code: "exercise",
    checks: no_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("form", T::Choice(EXERCISE_FORMS), true),
        f("level", T::Choice(EXERCISE_LEVELS), true),
        f("function", T::Choice(EXERCISE_FUNCTIONS), true),
        f("planned_on", T::Date, true),
        f("status", T::Choice(EXERCISE_STATUSES), true),
        f("owner", T::Ref(RecordKind::Contact), false),
        f("script", T::Ref(RecordKind::ExerciseScript), false),
        f("external", LINE, false),
        f("notes", NOTE, false),
    ],
    groups: &[
        Group {
            name: "teams",
            fields: &[f("team", T::Ref(RecordKind::Team), true)],
            blank_rows: 2,
            max_rows: 20,
        },
        Group {
            name: "parties",
            fields: &[f("organisation", T::Ref(RecordKind::Organisation), true)],
            blank_rows: 2,
            max_rows: 30,
        },
        Group {
            name: "goals",
            fields: &[f("goal", T::Ref(RecordKind::LearningGoal), true)],
            blank_rows: 3,
            max_rows: 40,
        },
    ],
    columns: &["planned_on", "form", "level", "status", "owner"],
};

static EXERCISE_SCRIPT: Schema = Schema {
    code: "exercise_script",
    checks: script_checks,
    title: "name",
    fields: &[
        f("name", NAME, true),
        f("function", T::Choice(EXERCISE_FUNCTIONS), false),
        f("form", T::Choice(EXERCISE_FORMS), false),
        f("level", T::Choice(EXERCISE_LEVELS), false),
        f("duration_minutes", T::Integer { min: 15, max: 1440 }, false),
        f("scenario", T::LongText { max: 5000 }, false),
        f("background", T::LongText { max: 8000 }, false),
        f("version_note", LINE, false),
    ],
    groups: &[
        Group {
            name: "goals",
            fields: &[f("goal", T::Ref(RecordKind::LearningGoal), true)],
            blank_rows: 2,
            max_rows: 40,
        },
        Group {
            name: "injects",
            fields: &[
                f("number", T::Integer { min: 1, max: 9999 }, true),
                f("at_minutes", T::Integer { min: 0, max: 1440 }, false),
                f("at_time", T::Text { max: 5 }, false),
                f("after", T::Integer { min: 1, max: 9999 }, false),
                f("after_minutes", T::Integer { min: 0, max: 1440 }, false),
                f("sender", T::Choice(INJECT_SENDERS), false),
                f("sender_name", NAME, false),
                f("to", NAME, false),
                f("channel", T::Choice(INJECT_CHANNELS), false),
                f("text", T::LongText { max: 4000 }, false),
                f("expected", NOTE, false),
                f("goal", T::Ref(RecordKind::LearningGoal), false),
                f("controller", NAME, false),
                f("contingency", T::Bool, false),
            ],
            blank_rows: 2,
            max_rows: 600,
        },
    ],
    columns: &["function", "duration_minutes", "version_note"],
};

/// An inject's number is unique, a time of day reads `HH:MM`, an inject follows only another
/// inject of the script (not itself), and says at most one way when it comes.
fn script_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    let mut issues = vec![];
    let rows = data
        .get("injects")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let numbers: Vec<Option<i64>> = rows
        .iter()
        .map(|r| r.get("number").and_then(Value::as_i64))
        .collect();
    for (i, row) in rows.iter().enumerate() {
        let number = numbers[i];
        if numbers[..i].contains(&number) {
            issues.push(FieldIssue::new(
                format!("injects.{i}.number"),
                "duplicate_number",
            ));
        }
        if let Some(t) = row.get("at_time").and_then(Value::as_str)
            && parse_time_of_day(t).is_none()
        {
            issues.push(FieldIssue::new(
                format!("injects.{i}.at_time"),
                "invalid_time_of_day",
            ));
        }
        let after = row.get("after").and_then(Value::as_i64);
        if let Some(a) = after
            && (Some(a) == number || !numbers.contains(&Some(a)))
        {
            issues.push(FieldIssue::new(
                format!("injects.{i}.after"),
                "unknown_inject",
            ));
        }
        let ways = ["at_minutes", "at_time", "after"]
            .iter()
            .filter(|k| row.get(**k).is_some_and(|v| !v.is_null()))
            .count();
        if ways > 1 {
            issues.push(FieldIssue::new(
                format!("injects.{i}.at_minutes"),
                "one_moment",
            ));
        }
        if row.get("after_minutes").is_some_and(|v| !v.is_null()) && after.is_none() {
            issues.push(FieldIssue::new(
                format!("injects.{i}.after"),
                "required_with_delay",
            ));
        }
    }
    issues
}

/// A time of day typed as `HH:MM` (00:00–23:59): minutes since midnight.
pub fn parse_time_of_day(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// The schema of a kind of record.
pub fn schema(kind: RecordKind) -> &'static Schema {
    match kind {
        RecordKind::Contact => &CONTACT,
        RecordKind::Organisation => &ORGANISATION,
        RecordKind::Team => &TEAM,
        RecordKind::Roster => &ROSTER,
        RecordKind::Escalation => &ESCALATION,
        RecordKind::Process => &PROCESS,
        RecordKind::Meeting => &MEETING,
        RecordKind::Plan => &PLAN,
        RecordKind::Readiness => &READINESS,
        RecordKind::RiskObject => &RISK_OBJECT,
        RecordKind::Improvement => &IMPROVEMENT,
        RecordKind::DutyType => &DUTY_TYPE,
        RecordKind::SafeCheck => &SAFE_CHECK,
        RecordKind::LearningGoal => &LEARNING_GOAL,
        RecordKind::Exercise => &EXERCISE,
        RecordKind::ExerciseScript => &EXERCISE_SCRIPT,
    }
}

/// Checks across fields, run once every field is valid on its own.
pub fn no_checks(_: &Map<String, Value>) -> Vec<FieldIssue> {
    vec![]
}

fn roster_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    let mut issues = periods(data, "shifts", true);
    issues.extend(periods(data, "exceptions", false));
    issues
}

/// Each dependency points at exactly one thing: a record or a vital process.
fn dependency_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    let mut issues = vec![];
    let rows = data
        .get("depends_on")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    for (i, row) in rows.iter().enumerate() {
        let on = row.get("on").and_then(Value::as_str).is_some();
        let vital = row.get("on_vital").and_then(Value::as_str).is_some();
        if on == vital {
            issues.push(FieldIssue::new(
                format!("depends_on.{i}.on"),
                if on { "one_target" } else { "required" },
            ));
        }
    }
    issues
}

fn risk_object_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    let mut issues = dependency_checks(data);
    if let Some(text) = data.get("coordinates").and_then(Value::as_str)
        && parse_coordinates(text).is_none()
    {
        issues.push(FieldIssue::new("coordinates", "invalid_coordinates"));
    }
    issues
}

/// "52.0907, 5.1214" (latitude, longitude in degrees, WGS84).
pub fn parse_coordinates(text: &str) -> Option<(f64, f64)> {
    let (lat, lon) = text.split_once(',')?;
    let lat: f64 = lat.trim().parse().ok()?;
    let lon: f64 = lon.trim().parse().ok()?;
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

fn process_checks(data: &Map<String, Value>) -> Vec<FieldIssue> {
    let mut issues = dependency_checks(data);
    let fallback = data
        .get("manual_fallback")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let how = data
        .get("fallback_how")
        .and_then(Value::as_str)
        .unwrap_or("");
    if fallback && how.trim().is_empty() {
        issues.push(FieldIssue::new("fallback_how", "required_with_fallback"));
    }
    issues
}

/// Each period must end after it starts; shifts of one roster must not overlap.
fn periods(data: &Map<String, Value>, group: &str, no_overlap: bool) -> Vec<FieldIssue> {
    let mut issues = vec![];
    let rows = data
        .get(group)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut spans: Vec<(usize, jiff::Timestamp, jiff::Timestamp)> = vec![];
    for (i, row) in rows.iter().enumerate() {
        let ts = |k: &str| {
            row.get(k)
                .and_then(Value::as_str)
                .and_then(|s| s.parse::<jiff::Timestamp>().ok())
        };
        if let (Some(start), Some(end)) = (ts("start"), ts("end")) {
            if end <= start {
                issues.push(FieldIssue::new(
                    format!("{group}.{i}.end"),
                    "end_before_start",
                ));
            } else {
                spans.push((i, start, end));
            }
        }
    }
    if no_overlap {
        spans.sort_by_key(|(_, start, _)| *start);
        for pair in spans.windows(2) {
            let (_, _, end_a) = pair[0];
            let (j, start_b, _) = pair[1];
            if start_b < end_a {
                issues.push(FieldIssue::new(
                    format!("{group}.{j}.start"),
                    "overlapping_shift",
                ));
            }
        }
    }
    issues
}
