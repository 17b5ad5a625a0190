//! The readiness checklist: the points of attention of the VNG guidance, per phase, in our
//! own words (the texts live with the translations under `readiness.{code}`). Some items are
//! derived from the registers: they are only in order when the register proves it.

use super::RecordId;
use super::views::{
    EscalationView, MeetingView, OrganisationView, PlanView, ProcessView, ReadinessView,
    RosterView, TeamView,
};
use jiff::Timestamp;

/// The phase of the crisis a checklist item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChecklistPhase {
    /// Cold and lukewarm phase: preparation.
    Preparation,
    /// Warm phase: running the crisis.
    Warm,
    /// Aftermath: recovery, evaluation and accountability.
    Aftermath,
}

impl ChecklistPhase {
    /// Every phase, in order.
    pub const ALL: [ChecklistPhase; 3] = [
        ChecklistPhase::Preparation,
        ChecklistPhase::Warm,
        ChecklistPhase::Aftermath,
    ];

    /// The phase's stable code, for translation keys.
    pub fn code(self) -> &'static str {
        match self {
            ChecklistPhase::Preparation => "preparation",
            ChecklistPhase::Warm => "warm",
            ChecklistPhase::Aftermath => "aftermath",
        }
    }
}

/// How far a checklist item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Nothing done yet.
    NotStarted,
    /// Work has started.
    InProgress,
    /// The item is in order.
    InOrder,
}

impl Status {
    /// The status's stable code, as stored in readiness records.
    pub fn code(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::InOrder => "in_order",
        }
    }

    /// The status with this code; anything unknown counts as not started.
    pub fn from_code(code: &str) -> Status {
        match code {
            "in_order" => Status::InOrder,
            "in_progress" => Status::InProgress,
            _ => Status::NotStarted,
        }
    }
}

/// One point of attention.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    /// The item's code (texts under `readiness.{code}` in the translations).
    pub code: &'static str,
    /// The phase the item belongs to.
    pub phase: ChecklistPhase,
    /// Whether the registers can prove this item.
    pub derived: bool,
}

const fn item(code: &'static str, phase: ChecklistPhase, derived: bool) -> Item {
    Item {
        code,
        phase,
        derived,
    }
}

use ChecklistPhase::{Aftermath, Preparation, Warm};

/// Every checklist item, in order of phase.
pub const ITEMS: &[Item] = &[
    item("ivp", Preparation, true),
    item("escalation_agreements", Preparation, true),
    item("risk_organisations", Preparation, false),
    item("ciso_reachable", Preparation, true),
    item("ciso_in_crisis_org", Preparation, true),
    item("periodic_meetings", Preparation, true),
    item("stakeholder_expectations", Preparation, true),
    item("exercises", Preparation, true),
    item("triangle_exercised", Preparation, true),
    item("advise_mayor", Warm, false),
    item("shared_picture", Warm, true),
    item("decisions_documented", Warm, false),
    item("gbt_staffing", Warm, true),
    item("safety_region_support", Warm, false),
    item("timely_escalation", Warm, false),
    item("dilemmas", Warm, false),
    item("communication", Warm, false),
    item("scenarios", Warm, false),
    item("long_recovery", Aftermath, false),
    item("evaluation", Aftermath, true),
    item("accountability", Aftermath, false),
    item("legal_insurance", Aftermath, false),
    item("aftercare", Aftermath, false),
];

/// The codes of every checklist item, the choices of a readiness record's `item` field.
pub const ITEM_CODES: &[&str] = &[
    "ivp",
    "escalation_agreements",
    "risk_organisations",
    "ciso_reachable",
    "ciso_in_crisis_org",
    "periodic_meetings",
    "stakeholder_expectations",
    "exercises",
    "triangle_exercised",
    "advise_mayor",
    "shared_picture",
    "decisions_documented",
    "gbt_staffing",
    "safety_region_support",
    "timely_escalation",
    "dilemmas",
    "communication",
    "scenarios",
    "long_recovery",
    "evaluation",
    "accountability",
    "legal_insurance",
    "aftercare",
];

/// Everything of the register that the derivations read.
#[derive(Debug, Default)]
pub struct Evidence {
    /// The on-call rosters.
    pub rosters: Vec<(RecordId, RosterView)>,
    /// The crisis teams.
    pub teams: Vec<(RecordId, TeamView)>,
    /// The organisations.
    pub organisations: Vec<(RecordId, OrganisationView)>,
    /// The escalation agreements.
    pub escalations: Vec<(RecordId, EscalationView)>,
    /// The business processes.
    pub processes: Vec<(RecordId, ProcessView)>,
    /// The meetings.
    pub meetings: Vec<(RecordId, MeetingView)>,
    /// The plans.
    pub plans: Vec<(RecordId, PlanView)>,
    /// The readiness records, the team's own judgement per item.
    pub readiness: Vec<(RecordId, ReadinessView)>,
    /// The improvement actions that lessons of crises and exercises became.
    pub improvements: Vec<(RecordId, super::views::ImprovementView)>,
    /// The exercises of the training and exercise plan.
    pub exercises: Vec<(RecordId, super::views::ExerciseView)>,
}

/// The state of one item: what the team recorded, what the registers prove, and the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// The item's code.
    pub code: &'static str,
    /// The phase it belongs to.
    pub phase: ChecklistPhase,
    /// The resulting status: for a derived item, in order only when the registers prove it.
    pub status: Status,
    /// The status the team recorded in the readiness record, if any.
    pub manual: Option<Status>,
    /// For derived items: whether the registers prove it.
    pub proven: Option<bool>,
    /// The records that prove (or would prove) it.
    pub evidence_records: Vec<RecordId>,
    /// The readiness record holding owner, evidence note and review date, if any.
    pub record: Option<RecordId>,
}

impl Evidence {
    fn derive(&self, code: &str, now: Timestamp) -> (bool, Vec<RecordId>) {
        let week = crate::register::oncall::coming_week(now);
        let plan = |ty: &str| -> Vec<RecordId> {
            self.plans
                .iter()
                .filter(|(_, p)| p.plan_type == ty)
                .map(|(id, _)| *id)
                .collect()
        };
        let team_ids = |std: &str| -> Vec<RecordId> {
            self.teams
                .iter()
                .filter(|(_, t)| t.standard == std)
                .map(|(id, _)| *id)
                .collect()
        };
        let ids: Vec<RecordId> = match code {
            "ivp" => plan("integral_safety_plan"),
            // A cyber exercise held in the last twelve months at the official and at the
            // administrative level (one exercise at both, or one at each).
            "exercises" => {
                let today = now.to_zoned(crate::time::amsterdam().clone()).date();
                let held: Vec<&(RecordId, super::views::ExerciseView)> = self
                    .exercises
                    .iter()
                    .filter(|(_, e)| e.held_within_a_year(today))
                    .collect();
                let at = |level: &str| {
                    held.iter()
                        .any(|(_, e)| e.level == level || e.level == "both")
                };
                let ids = held.iter().map(|(id, _)| *id).collect();
                return (at("official") && at("administrative"), ids);
            }
            // The local triangle (mayor, police, public prosecutor) took part in an exercise
            // held in the last twelve months.
            "triangle_exercised" => {
                let today = now.to_zoned(crate::time::amsterdam().clone()).date();
                let triangle = team_ids("local_triangle");
                self.exercises
                    .iter()
                    .filter(|(_, e)| {
                        e.held_within_a_year(today)
                            && e.teams.iter().any(|t| triangle.contains(&t.team))
                    })
                    .map(|(id, _)| *id)
                    .collect()
            }
            "escalation_agreements" => {
                let (from, to) = (team_ids("calamity_team"), team_ids("policy_team"));
                self.escalations
                    .iter()
                    .filter(|(_, e)| {
                        e.from_team.is_some_and(|t| from.contains(&t))
                            && e.to_team.is_some_and(|t| to.contains(&t))
                    })
                    .map(|(id, _)| *id)
                    .collect()
            }
            "ciso_reachable" => {
                let ciso: Vec<_> = self
                    .rosters
                    .iter()
                    .filter(|(_, r)| r.duty == "ciso")
                    .collect();
                let complete: Vec<RecordId> = ciso
                    .iter()
                    .filter(|(_, r)| r.first_gap(now, week).is_none())
                    .map(|(id, _)| *id)
                    .collect();
                if complete.is_empty() {
                    return (false, ciso.iter().map(|(id, _)| *id).collect());
                }
                complete
            }
            "ciso_in_crisis_org" => self
                .teams
                .iter()
                .filter(|(_, t)| t.members.iter().any(|m| m.team_role == "ciso"))
                .map(|(id, _)| *id)
                .collect(),
            "periodic_meetings" => self
                .meetings
                .iter()
                .filter(|(_, m)| m.frequency != "once")
                .map(|(id, _)| *id)
                .collect(),
            "stakeholder_expectations" => {
                let kinds = ["safety_region", "police", "prosecutor", "ibd"];
                let with: Vec<&(RecordId, OrganisationView)> = self
                    .organisations
                    .iter()
                    .filter(|(_, o)| {
                        kinds.contains(&o.org_type.as_str()) && !o.expectations.is_empty()
                    })
                    .collect();
                let all = kinds
                    .iter()
                    .all(|k| with.iter().any(|(_, o)| o.org_type == *k));
                let ids = with.iter().map(|(id, _)| *id).collect();
                return (all, ids);
            }
            "shared_picture" => self
                .processes
                .iter()
                .filter(|(_, p)| p.restore_priority.is_some())
                .map(|(id, _)| *id)
                .collect(),
            // Lessons are carried through: improvement actions exist and none is past its date.
            "evaluation" => {
                let today = now.to_zoned(crate::time::amsterdam().clone()).date();
                let ids: Vec<RecordId> = self.improvements.iter().map(|(id, _)| *id).collect();
                let on_time = !self.improvements.iter().any(|(_, i)| i.overdue(today));
                return (!ids.is_empty() && on_time, ids);
            }
            "gbt_staffing" => self
                .teams
                .iter()
                .filter(|(_, t)| t.standard == "policy_team" && !t.members.is_empty())
                .map(|(id, _)| *id)
                .collect(),
            _ => vec![],
        };
        (!ids.is_empty(), ids)
    }

    /// Assesses every item. A derived item is in order exactly when the registers prove it;
    /// without proof it is at most "in progress", whatever was ticked by hand.
    pub fn assess(&self, now: Timestamp) -> Vec<Assessment> {
        ITEMS
            .iter()
            .map(|item| {
                let recorded = self.readiness.iter().find(|(_, r)| r.item == item.code);
                let manual = recorded.map(|(_, r)| Status::from_code(&r.status));
                let (status, proven, evidence_records) = if item.derived {
                    let (ok, ids) = self.derive(item.code, now);
                    let status = if ok {
                        Status::InOrder
                    } else {
                        manual.unwrap_or(Status::NotStarted).min(Status::InProgress)
                    };
                    (status, Some(ok), ids)
                } else {
                    (manual.unwrap_or(Status::NotStarted), None, vec![])
                };
                Assessment {
                    code: item.code,
                    phase: item.phase,
                    status,
                    manual,
                    proven,
                    evidence_records,
                    record: recorded.map(|(id, _)| *id),
                }
            })
            .collect()
    }
}

/// Per phase: (items in order, total).
pub fn scores(assessments: &[Assessment]) -> Vec<(ChecklistPhase, usize, usize)> {
    ChecklistPhase::ALL
        .iter()
        .map(|phase| {
            let of_phase: Vec<_> = assessments.iter().filter(|a| a.phase == *phase).collect();
            let done = of_phase
                .iter()
                .filter(|a| a.status == Status::InOrder)
                .count();
            (*phase, done, of_phase.len())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::views::Period;

    #[test]
    fn every_item_has_a_code_in_the_choice_list() {
        assert_eq!(ITEMS.len(), ITEM_CODES.len());
        for (item, code) in ITEMS.iter().zip(ITEM_CODES) {
            assert_eq!(item.code, *code);
        }
    }

    #[test]
    fn ciso_reachability_is_in_order_only_without_gaps_in_the_coming_week() {
        let now: Timestamp = "2026-11-28T12:00:00Z".parse().expect("ts");
        let mut ev = Evidence::default();
        let first = ev.assess(now);
        let ciso = first
            .iter()
            .find(|a| a.code == "ciso_reachable")
            .expect("item");
        assert_eq!(
            (ciso.status, ciso.proven),
            (Status::NotStarted, Some(false))
        );

        let person = RecordId::new();
        let mut roster = RosterView {
            name: "CISO".into(),
            duty: "ciso".into(),
            shifts: vec![Period {
                person,
                start: "2026-11-27T07:00:00Z".parse().expect("ts"),
                end: "2026-12-02T07:00:00Z".parse().expect("ts"),
                reason: None,
            }],
            exceptions: vec![],
        };
        ev.rosters.push((RecordId::new(), roster.clone()));
        let partial = ev.assess(now);
        assert_eq!(
            partial
                .iter()
                .find(|a| a.code == "ciso_reachable")
                .map(|a| a.status),
            Some(Status::NotStarted)
        );

        roster.shifts.push(Period {
            person,
            start: "2026-12-02T07:00:00Z".parse().expect("ts"),
            end: "2026-12-09T07:00:00Z".parse().expect("ts"),
            reason: None,
        });
        ev.rosters = vec![(RecordId::new(), roster)];
        let full = ev.assess(now);
        let ciso = full
            .iter()
            .find(|a| a.code == "ciso_reachable")
            .expect("item");
        assert_eq!((ciso.status, ciso.proven), (Status::InOrder, Some(true)));
        let prep = scores(&full)[0];
        assert_eq!(
            (prep.0, prep.1, prep.2),
            (ChecklistPhase::Preparation, 1, 9)
        );
    }

    #[test]
    fn ticking_a_derived_item_by_hand_does_not_make_it_in_order() {
        let now: Timestamp = "2026-11-28T12:00:00Z".parse().expect("ts");
        let ev = Evidence {
            readiness: vec![(
                RecordId::new(),
                ReadinessView {
                    item: "ivp".into(),
                    status: "in_order".into(),
                    owner: None,
                    evidence: None,
                    last_reviewed: None,
                    links: vec![],
                },
            )],
            ..Default::default()
        };
        let a = ev.assess(now);
        let ivp = a.iter().find(|a| a.code == "ivp").expect("item");
        assert_eq!(ivp.status, Status::InProgress);
        assert_eq!(ivp.manual, Some(Status::InOrder));
    }

    #[test]
    fn lessons_are_in_order_when_improvement_actions_exist_and_none_is_late() {
        use crate::register::views::ImprovementView;
        let now: Timestamp = "2026-11-28T12:00:00Z".parse().expect("ts");
        let action = |status: &str, due: &str| {
            (
                RecordId::new(),
                ImprovementView {
                    name: "Piketnummers bij de servicedesk".into(),
                    status: status.into(),
                    due_on: Some(due.parse().expect("date")),
                },
            )
        };
        let status = |improvements| {
            Evidence {
                improvements,
                ..Evidence::default()
            }
            .assess(now)
            .into_iter()
            .find(|a| a.code == "evaluation")
            .map(|a| a.status)
        };
        assert_eq!(status(vec![]), Some(Status::NotStarted), "no lessons yet");
        assert_eq!(
            status(vec![
                action("open", "2026-12-15"),
                action("done", "2026-11-01")
            ]),
            Some(Status::InOrder)
        );
        assert_eq!(
            status(vec![
                action("open", "2026-12-15"),
                action("in_progress", "2026-11-27")
            ]),
            Some(Status::NotStarted),
            "one past its date: not in order (and nothing was ticked by hand)"
        );
    }

    #[test]
    fn exercising_is_in_order_after_a_cyber_exercise_at_both_levels_within_a_year() {
        use crate::register::views::{ExerciseTeam, ExerciseView};
        let now: Timestamp = "2026-12-08T10:00:00Z".parse().expect("now");
        let exercise = |level: &str, status: &str, on: &str, teams: Vec<RecordId>| {
            (
                RecordId::new(),
                ExerciseView {
                    name: format!("{level} {status} {on}"),
                    level: level.into(),
                    status: status.into(),
                    planned_on: on.parse().expect("date"),
                    teams: teams
                        .into_iter()
                        .map(|team| ExerciseTeam { team })
                        .collect(),
                },
            )
        };
        let item = |ev: &Evidence, code: &str| {
            ev.assess(now)
                .into_iter()
                .find(|a| a.code == code)
                .expect("item")
                .proven
        };
        // Only the official level, a cancelled administrative one, one too long ago, and one
        // still planned: not yet.
        let mut ev = Evidence {
            exercises: vec![
                exercise("official", "held", "2026-03-10", vec![]),
                exercise("administrative", "cancelled", "2026-04-10", vec![]),
                exercise("administrative", "evaluated", "2025-11-30", vec![]),
                exercise("administrative", "planned", "2026-12-01", vec![]),
            ],
            ..Evidence::default()
        };
        assert_eq!(item(&ev, "exercises"), Some(false));
        // The administrative level held since: in order.
        ev.exercises
            .push(exercise("administrative", "held", "2026-10-01", vec![]));
        assert_eq!(item(&ev, "exercises"), Some(true));
        // The local triangle took part in none of them, until one at both levels.
        let triangle = RecordId::new();
        ev.teams = vec![(
            triangle,
            serde_json::from_value(
                serde_json::json!({"name": "Driehoek", "standard": "local_triangle"}),
            )
            .expect("team"),
        )];
        assert_eq!(item(&ev, "triangle_exercised"), Some(false));
        ev.exercises
            .push(exercise("both", "evaluated", "2026-11-20", vec![triangle]));
        assert_eq!(item(&ev, "triangle_exercised"), Some(true));
    }
}
