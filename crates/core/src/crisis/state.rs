//! The crisis itself: what it is called, its phase, classification, GRIP level, active teams
//! and restore order. Commands are decided against this state; entries are not part of it.

use super::classify::{Answers, Proposal, propose};
use super::occurrence::{self, Occurrence};
use super::{Classification, Grip, Phase};
use crate::DomainEvent;
use crate::register::RecordId;
use crate::register::schema::FieldIssue;
use crate::register::views::EscalationView;
use serde::{Deserialize, Serialize};

/// The handover from the crisis organisation to the line organisation that starts the
/// aftermath: who coordinates from then on, which open actions went to which line owner, and
/// which processes were still being restored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handover {
    /// Who coordinates the aftermath (by default the municipal secretary).
    pub coordinator: String,
    /// The open actions handed to an owner in the line organisation.
    pub transfers: Vec<Transfer>,
    /// The register processes that were still being restored at the handover.
    pub restoring: Vec<RecordId>,
    /// What was agreed at the handover.
    pub reason: String,
    /// When the handover happened (canonical UTC).
    pub at: String,
}

/// One open action handed to an owner in the line organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transfer {
    /// The action entry.
    pub action: RecordId,
    /// Its owner in the line organisation, as a name or a department.
    pub owner: String,
}

/// The state of one crisis, folded from its stream's crisis events (entries not included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrisisState {
    /// The crisis's title.
    pub title: String,
    /// What was known when the crisis was opened, as free text.
    pub known: String,
    /// Canonical UTC text.
    pub started_at: String,
    /// The phase the crisis is in.
    pub phase: Phase,
    /// Whether this is an exercise rather than a real crisis.
    pub exercise: bool,
    /// Cyber incident or cyber crisis; `None` until the crisis is classified.
    pub classification: Option<Classification>,
    /// The current GRIP level; routine until changed.
    pub grip: Grip,
    /// The register teams active in the crisis.
    pub teams: Vec<RecordId>,
    /// The restore order as changed in this crisis; `None`: the register's priorities.
    pub restore_order: Option<Vec<RecordId>>,
    /// Whether the crisis was closed; a closed crisis accepts no more changes.
    pub closed: bool,
    /// The classification assistant's latest answers.
    #[serde(default)]
    pub answers: Option<Answers>,
    /// Whether the latest classification took the assistant's proposal as it was.
    #[serde(default)]
    pub proposal_accepted: bool,
    /// The advisor's reason for the latest classification (required when overriding).
    #[serde(default)]
    pub classification_reason: String,
    /// What is marked failing: the cascade follows from these.
    #[serde(default)]
    pub failing: Vec<super::FailingNode>,
    /// For each aspect of the crisis (`grip`, `phase`, `classification`, `teams`,
    /// `restore_order`, `failing`), the latest moment it was changed or confirmed
    /// (canonical UTC). A change that happened before it would not be the current state, so
    /// it is refused instead of silently rewinding the picture.
    #[serde(default)]
    pub last_at: std::collections::BTreeMap<String, String>,
    /// The moment each situation report was issued (canonical UTC); report N is the N-th.
    #[serde(default)]
    pub sitreps: Vec<String>,
    /// The handover to the line organisation that started the aftermath, once there was one.
    #[serde(default)]
    pub handover: Option<Handover>,
    /// The exercise run (clock, control, observers) when this exercise was started from a
    /// script.
    #[serde(default)]
    pub exercise_run: Option<super::ExerciseRun>,
}

/// Why a party is expected to have been informed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExpectedBy {
    /// An escalation agreement of the register (by name).
    Agreement(String),
    /// The classification assistant's proposal.
    Classification,
}

/// Why a command about a crisis was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CrisisError {
    /// The crisis is closed: nothing about it may change any more.
    #[error("the crisis is closed")]
    Closed,
    /// The input was refused; each issue names a field and what is wrong with it.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldIssue>),
}

fn invalid(field: &str, code: &'static str) -> CrisisError {
    CrisisError::Invalid(vec![FieldIssue::new(field, code)])
}

fn line(field: &str, value: &str, max: usize, required: bool) -> Result<String, CrisisError> {
    let v = value.trim();
    if v.is_empty() && required {
        return Err(invalid(field, "required"));
    }
    if v.chars().count() > max {
        return Err(invalid(field, "too_long"));
    }
    if v.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(invalid(field, "control_characters"));
    }
    Ok(crate::register::schema::unify_newlines(v))
}

/// A change to a crisis, as asked by a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CrisisCommand {
    /// Record the classification assistant's answers with the advisor's choice: `accept`
    /// takes the proposal as it is; otherwise `classification` and `grip` override it and a
    /// reason is required.
    Classify {
        /// The advisor's answers to the assistant's six questions.
        answers: Answers,
        /// Whether the advisor takes the proposal as it is.
        accept: bool,
        /// The classification chosen instead of the proposal's; used when not accepting.
        classification: Option<Classification>,
        /// The GRIP level chosen instead of the proposal's; used when not accepting.
        grip: Option<Grip>,
        /// Why the advisor chose this; required when overriding the proposal.
        reason: String,
        /// The register teams that match the proposed team standards.
        teams: Vec<RecordId>,
    },
    /// Moves the crisis to another phase, with the reason.
    ChangePhase {
        /// The new phase.
        phase: Phase,
        /// Why the phase changes.
        reason: String,
    },
    /// Moves the crisis to another GRIP level, with the reason.
    ChangeGrip {
        /// The new GRIP level.
        grip: Grip,
        /// Why the GRIP level changes.
        reason: String,
    },
    /// Keeps the GRIP level as it is, with the reason it was weighed and kept.
    ConfirmGrip {
        /// Why the GRIP level stays.
        reason: String,
    },
    /// Keeps the phase as it is, with the reason.
    ConfirmPhase {
        /// Why the phase stays.
        reason: String,
    },
    /// Sets the register teams active in the crisis (the whole new set), with the reason.
    SetTeams {
        /// The register teams to be active.
        teams: Vec<RecordId>,
        /// Why the teams change.
        reason: String,
    },
    /// Sets the order in which register processes are restored, with the reason.
    SetRestoreOrder {
        /// The register processes, in the order they are to be restored.
        order: Vec<RecordId>,
        /// Why the order changes.
        reason: String,
    },
    /// Hands the crisis over to the line organisation: the aftermath starts, with who
    /// coordinates it, the open actions that go to line owners and the processes still being
    /// restored.
    HandOver {
        /// Who coordinates the aftermath.
        coordinator: String,
        /// Open actions and their owners in the line organisation.
        transfers: Vec<Transfer>,
        /// The register processes still being restored.
        restoring: Vec<RecordId>,
        /// What was agreed.
        reason: String,
    },
    /// Closes the dossier at the end of the aftermath, with the reason; after that the record
    /// takes nothing more.
    Close {
        /// Why the dossier is closed.
        reason: String,
    },
    /// Marks these graph nodes failing (the whole new set); nodes already failing keep the
    /// moment they failed, new ones fail at the command's moment of occurrence.
    SetFailing {
        /// The failing graph nodes, as `register::graph::NodeKey` text.
        nodes: Vec<String>,
        /// Why the set changes.
        reason: String,
    },
    /// Issues the next situation report: it takes the next number of the crisis's series and
    /// describes the picture as of the command's moment.
    IssueSitrep,
    /// Sets the exercise run as a whole (its clock, control, observers, release by itself);
    /// only an exercise has one.
    SetExerciseRun {
        /// The run's new state.
        run: super::ExerciseRun,
    },
}

impl CrisisCommand {
    /// The aspect of the crisis the command changes (see `CrisisState::last_at`).
    fn aspect(&self) -> &'static str {
        match self {
            CrisisCommand::Classify { .. } => "classification",
            CrisisCommand::ChangePhase { .. }
            | CrisisCommand::ConfirmPhase { .. }
            | CrisisCommand::HandOver { .. } => "phase",
            CrisisCommand::ChangeGrip { .. } | CrisisCommand::ConfirmGrip { .. } => "grip",
            CrisisCommand::SetTeams { .. } => "teams",
            CrisisCommand::SetRestoreOrder { .. } => "restore_order",
            CrisisCommand::Close { .. } => "closed",
            CrisisCommand::SetFailing { .. } => "failing",
            CrisisCommand::IssueSitrep => "sitrep",
            CrisisCommand::SetExerciseRun { .. } => "exercise_run",
        }
    }
}

/// The aspect of the crisis an event changed, for `CrisisState::last_at`.
fn aspect_of(event: &DomainEvent) -> Option<&'static str> {
    Some(match event {
        DomainEvent::CrisisClassified { .. } => "classification",
        DomainEvent::CrisisPhaseChanged { .. }
        | DomainEvent::CrisisPhaseConfirmed { .. }
        | DomainEvent::CrisisHandedOver { .. } => "phase",
        DomainEvent::CrisisGripChanged { .. } | DomainEvent::CrisisGripConfirmed { .. } => "grip",
        DomainEvent::CrisisTeamsChanged { .. } => "teams",
        DomainEvent::RestoreOrderChanged { .. } => "restore_order",
        DomainEvent::FailingNodesSet { .. } => "failing",
        DomainEvent::CrisisClosed { .. } => "closed",
        DomainEvent::SitrepIssued { .. } => "sitrep",
        DomainEvent::ExerciseRunSet { .. } => "exercise_run",
        _ => return None,
    })
}

impl CrisisState {
    /// Decides the opening of a new crisis.
    pub fn open(
        title: &str,
        known: &str,
        started_at: jiff::Timestamp,
        phase: Phase,
        exercise: bool,
    ) -> Result<DomainEvent, CrisisError> {
        let title = line("title", title, 200, true)?;
        if title.contains('\n') {
            return Err(invalid("title", "control_characters"));
        }
        let known = line("known", known, 20000, false)?;
        if phase == Phase::Aftermath {
            return Err(invalid("phase", "unknown_choice"));
        }
        Ok(DomainEvent::CrisisOpened {
            title,
            known,
            started_at: crate::time::canonical(started_at),
            phase,
            exercise,
        })
    }

    /// The state after the opening event, `None` for any other event.
    pub fn from_opening(event: &DomainEvent) -> Option<CrisisState> {
        match event {
            DomainEvent::CrisisOpened {
                title,
                known,
                started_at,
                phase,
                exercise,
            } => Some(CrisisState {
                title: title.clone(),
                known: known.clone(),
                started_at: started_at.clone(),
                phase: *phase,
                exercise: *exercise,
                classification: None,
                grip: Grip::Routine,
                teams: vec![],
                restore_order: None,
                closed: false,
                answers: None,
                proposal_accepted: false,
                classification_reason: String::new(),
                failing: vec![],
                last_at: Default::default(),
                sitreps: vec![],
                handover: None,
                exercise_run: None,
            }),
            _ => None,
        }
    }

    /// Folds one more event of the crisis stream into the state.
    pub fn apply(&mut self, event: &DomainEvent) {
        if let (Some(aspect), Some(at)) = (aspect_of(event), event.occurred_at()) {
            let latest = self.last_at.entry(aspect.to_owned()).or_default();
            if at > latest.as_str() {
                *latest = at.to_owned();
            }
        }
        match event {
            DomainEvent::CrisisClassified {
                answers,
                classification,
                grip,
                teams,
                accepted,
                reason,
                ..
            } => {
                self.answers = Some(*answers);
                self.proposal_accepted = *accepted;
                self.classification_reason = reason.clone();
                self.classification = Some(*classification);
                self.grip = *grip;
                self.teams = teams.clone();
            }
            DomainEvent::CrisisPhaseChanged { phase, .. } => self.phase = *phase,
            DomainEvent::CrisisGripChanged { grip, .. } => self.grip = *grip,
            DomainEvent::CrisisTeamsChanged { teams, .. } => self.teams = teams.clone(),
            DomainEvent::RestoreOrderChanged { order, .. } => {
                self.restore_order = Some(order.clone())
            }
            DomainEvent::CrisisClosed { .. } => self.closed = true,
            DomainEvent::CrisisHandedOver {
                coordinator,
                transfers,
                restoring,
                reason,
                occurred_at,
            } => {
                self.phase = Phase::Aftermath;
                self.handover = Some(Handover {
                    coordinator: coordinator.clone(),
                    transfers: transfers.clone(),
                    restoring: restoring.clone(),
                    reason: reason.clone(),
                    at: occurred_at.clone().unwrap_or_default(),
                });
            }
            DomainEvent::FailingNodesSet { nodes, .. } => self.failing = nodes.clone(),
            DomainEvent::ExerciseRunSet { run, .. } => self.exercise_run = Some(run.clone()),
            DomainEvent::SitrepIssued { occurred_at, .. } => {
                self.sitreps.push(occurred_at.clone().unwrap_or_default())
            }
            _ => {}
        }
    }

    /// The parties that should have been informed by now, each with why: the escalation
    /// agreements of the register that apply (by classification or by an answer of the
    /// classification assistant), then the parties the assistant's proposal names.
    pub fn expected_parties(
        &self,
        escalations: &[(RecordId, EscalationView)],
    ) -> Vec<(String, Vec<ExpectedBy>)> {
        let mut out: Vec<(String, Vec<ExpectedBy>)> = vec![];
        fn add(out: &mut Vec<(String, Vec<ExpectedBy>)>, party: &str, why: ExpectedBy) {
            match out.iter_mut().find(|(p, _)| p == party) {
                Some((_, whys)) => {
                    if !whys.contains(&why) {
                        whys.push(why)
                    }
                }
                None => out.push((party.to_owned(), vec![why])),
            }
        }
        let Some(classification) = self.classification else {
            return out;
        };
        let answers = self.answers.unwrap_or_default();
        let mut sorted: Vec<&(RecordId, EscalationView)> = escalations.iter().collect();
        sorted.sort_by_key(|(_, e)| e.step);
        for (_, e) in sorted {
            let applies = match e.classification.as_deref() {
                None | Some("") => true,
                Some(c) if c == classification.code() => true,
                Some(q) => answers.get(q),
            };
            if applies {
                for p in &e.inform {
                    add(&mut out, &p.party, ExpectedBy::Agreement(e.name.clone()));
                }
            }
        }
        for p in propose(&answers).inform {
            if !out.iter().any(|(x, _)| *x == p.value) {
                add(&mut out, &p.value, ExpectedBy::Classification);
            }
        }
        out
    }

    /// The crisis's first moment: when it started, as given at opening.
    pub fn first_moment(&self) -> Option<jiff::Timestamp> {
        self.started_at.parse().ok()
    }

    /// Decides a command that happened at `at` (checked against `now`, the crisis's first
    /// moment, and the latest change of the same aspect).
    pub fn decide(
        &self,
        command: CrisisCommand,
        at: Occurrence,
        now: jiff::Timestamp,
    ) -> Result<Vec<DomainEvent>, CrisisError> {
        if self.closed {
            return Err(CrisisError::Closed);
        }
        let first = self.first_moment().unwrap_or(at.at);
        // A node may have failed before anyone opened a crisis; the team's own acts cannot.
        let may_predate = at.background || matches!(command, CrisisCommand::SetFailing { .. });
        occurrence::check("occurred_at", at.at, now, first, may_predate)
            .map_err(|i| CrisisError::Invalid(vec![i]))?;
        if let Some(latest) = self.last_at.get(command.aspect())
            && crate::time::canonical(at.at).as_str() < latest.as_str()
        {
            return Err(invalid("occurred_at", "before_later_change"));
        }
        let occurred_at = Some(crate::time::canonical(at.at));
        match command {
            CrisisCommand::Classify {
                answers,
                accept,
                classification,
                grip,
                reason,
                teams,
            } => {
                let proposal: Proposal = propose(&answers);
                let reason = line("reason", &reason, 2000, !accept)?;
                let (classification, grip) = if accept {
                    (proposal.classification.value, proposal.grip.value)
                } else {
                    let c = classification.ok_or_else(|| invalid("classification", "required"))?;
                    let g = grip.ok_or_else(|| invalid("grip", "required"))?;
                    (c, g)
                };
                Ok(vec![DomainEvent::CrisisClassified {
                    answers,
                    proposal,
                    classification,
                    grip,
                    teams,
                    accepted: accept,
                    reason,
                    occurred_at,
                }])
            }
            CrisisCommand::ChangePhase { phase, reason } => {
                if phase == self.phase {
                    return Err(invalid("phase", "unchanged"));
                }
                // The aftermath starts with a handover to the line organisation.
                if phase == Phase::Aftermath {
                    return Err(invalid("phase", "handover_required"));
                }
                let reason = line("reason", &reason, 2000, true)?;
                Ok(vec![DomainEvent::CrisisPhaseChanged {
                    phase,
                    reason,
                    occurred_at,
                }])
            }
            CrisisCommand::ChangeGrip { grip, reason } => {
                if grip == self.grip {
                    return Err(invalid("grip", "unchanged"));
                }
                let reason = line("reason", &reason, 2000, true)?;
                Ok(vec![DomainEvent::CrisisGripChanged {
                    grip,
                    reason,
                    occurred_at,
                }])
            }
            CrisisCommand::ConfirmGrip { reason } => {
                let reason = line("reason", &reason, 2000, true)?;
                Ok(vec![DomainEvent::CrisisGripConfirmed {
                    grip: self.grip,
                    reason,
                    occurred_at,
                }])
            }
            CrisisCommand::ConfirmPhase { reason } => {
                let reason = line("reason", &reason, 2000, true)?;
                Ok(vec![DomainEvent::CrisisPhaseConfirmed {
                    phase: self.phase,
                    reason,
                    occurred_at,
                }])
            }
            CrisisCommand::SetTeams { teams, reason } => {
                let reason = line("reason", &reason, 2000, false)?;
                Ok(vec![DomainEvent::CrisisTeamsChanged {
                    teams,
                    reason,
                    occurred_at,
                }])
            }
            CrisisCommand::SetRestoreOrder { order, reason } => {
                let reason = line("reason", &reason, 2000, true)?;
                let mut seen = std::collections::HashSet::new();
                if !order.iter().all(|id| seen.insert(*id)) {
                    return Err(invalid("order", "duplicate"));
                }
                Ok(vec![DomainEvent::RestoreOrderChanged {
                    order,
                    reason,
                    occurred_at,
                }])
            }
            CrisisCommand::SetFailing { nodes, reason } => {
                let reason = line("reason", &reason, 2000, false)?;
                let mut seen = std::collections::HashSet::new();
                let failing: Vec<super::FailingNode> = nodes
                    .into_iter()
                    .filter(|k| seen.insert(k.clone()))
                    .map(|key| {
                        let since = self
                            .failing
                            .iter()
                            .find(|f| f.key == key)
                            .map(|f| f.since.clone())
                            .unwrap_or_else(|| crate::time::canonical(at.at));
                        super::FailingNode { key, since }
                    })
                    .collect();
                if failing == self.failing {
                    return Err(invalid("nodes", "unchanged"));
                }
                Ok(vec![DomainEvent::FailingNodesSet {
                    nodes: failing,
                    reason,
                    occurred_at,
                }])
            }
            CrisisCommand::SetExerciseRun { run } => {
                if !self.exercise {
                    return Err(invalid("exercise", "not_an_exercise"));
                }
                if run.control.is_empty() {
                    return Err(invalid("control", "required"));
                }
                if self.exercise_run.as_ref() == Some(&run) {
                    return Err(invalid("exercise", "unchanged"));
                }
                Ok(vec![DomainEvent::ExerciseRunSet { run, occurred_at }])
            }
            CrisisCommand::IssueSitrep => Ok(vec![DomainEvent::SitrepIssued {
                number: u32::try_from(self.sitreps.len() + 1).unwrap_or(u32::MAX),
                occurred_at,
            }]),
            CrisisCommand::HandOver {
                coordinator,
                transfers,
                restoring,
                reason,
            } => {
                if self.phase == Phase::Aftermath {
                    return Err(invalid("phase", "unchanged"));
                }
                let coordinator = line("coordinator", &coordinator, 200, true)?;
                if coordinator.contains('\n') {
                    return Err(invalid("coordinator", "control_characters"));
                }
                let reason = line("reason", &reason, 2000, false)?;
                let mut transferred = vec![];
                for (i, t) in transfers.into_iter().enumerate() {
                    let owner = line(&format!("transfers.{i}.owner"), &t.owner, 200, true)?;
                    if owner.contains('\n') {
                        return Err(invalid(
                            &format!("transfers.{i}.owner"),
                            "control_characters",
                        ));
                    }
                    if transferred.iter().any(|x: &Transfer| x.action == t.action) {
                        return Err(invalid(
                            &format!("transfers.{i}.action"),
                            "duplicate_action",
                        ));
                    }
                    transferred.push(Transfer {
                        action: t.action,
                        owner,
                    });
                }
                let mut seen = std::collections::HashSet::new();
                if !restoring.iter().all(|id| seen.insert(*id)) {
                    return Err(invalid("restoring", "duplicate"));
                }
                Ok(vec![DomainEvent::CrisisHandedOver {
                    coordinator,
                    transfers: transferred,
                    restoring,
                    reason,
                    occurred_at,
                }])
            }
            CrisisCommand::Close { reason } => {
                // The dossier closes when the aftermath is done, not during the acute phase.
                if self.phase != Phase::Aftermath {
                    return Err(invalid("phase", "not_in_aftermath"));
                }
                let reason = line("reason", &reason, 2000, true)?;
                Ok(vec![DomainEvent::CrisisClosed {
                    reason,
                    occurred_at,
                }])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2026-11-28T10:00:00Z";

    trait DecideNow {
        fn decide_now(&self, c: CrisisCommand) -> Result<Vec<DomainEvent>, CrisisError>;
    }

    impl DecideNow for CrisisState {
        fn decide_now(&self, c: CrisisCommand) -> Result<Vec<DomainEvent>, CrisisError> {
            let now = NOW.parse().expect("valid");
            self.decide(c, Occurrence::now(now), now)
        }
    }

    fn at(s: &str) -> Occurrence {
        Occurrence {
            at: s.parse().expect("valid"),
            background: false,
        }
    }

    #[test]
    fn a_command_happens_at_its_own_moment_within_the_crisis() {
        let mut s = opened();
        let now = NOW.parse().expect("valid");
        let grip3 = |reason: &str| CrisisCommand::ChangeGrip {
            grip: Grip::Grip3,
            reason: reason.into(),
        };
        assert_eq!(
            s.decide(grip3("x"), at("2026-11-28T11:00:00Z"), now),
            Err(invalid("occurred_at", "in_future"))
        );
        assert_eq!(
            s.decide(grip3("x"), at("2026-11-28T07:00:00Z"), now),
            Err(invalid("occurred_at", "before_crisis_start"))
        );
        let events = s
            .decide(
                grip3("Sluizen op handbediening"),
                at("2026-11-28T09:00:00Z"),
                now,
            )
            .expect("valid");
        assert_eq!(events[0].occurred_at(), Some("2026-11-28T09:00:00.000000Z"));
        s.apply(&events[0]);
        // An earlier GRIP change would not be the current level.
        assert_eq!(
            s.decide(
                CrisisCommand::ChangeGrip {
                    grip: Grip::Grip2,
                    reason: "x".into()
                },
                at("2026-11-28T08:30:00Z"),
                now
            ),
            Err(invalid("occurred_at", "before_later_change"))
        );
        // A supplier may have failed before the crisis was opened; its impacts count
        // from then.
        let failing = s
            .decide(
                CrisisCommand::SetFailing {
                    nodes: vec!["vital:drinkwater".into()],
                    reason: String::new(),
                },
                at("2026-11-28T06:30:00Z"),
                now,
            )
            .expect("valid");
        s.apply(&failing[0]);
        assert_eq!(s.failing[0].since, "2026-11-28T06:30:00.000000Z");
    }

    #[test]
    fn keeping_the_grip_level_is_recorded_with_its_reason() {
        let mut s = opened();
        assert_eq!(
            s.decide_now(CrisisCommand::ConfirmGrip { reason: " ".into() }),
            Err(invalid("reason", "required"))
        );
        let kept = s
            .decide_now(CrisisCommand::ConfirmGrip {
                reason: "Geen effecten buiten de gemeente: geen GRIP 4.".into(),
            })
            .expect("valid");
        assert!(matches!(
            &kept[0],
            DomainEvent::CrisisGripConfirmed { grip: Grip::Routine, reason, .. } if reason.starts_with("Geen effecten")
        ));
        s.apply(&kept[0]);
        assert_eq!(s.grip, Grip::Routine);
        let phase = s
            .decide_now(CrisisCommand::ConfirmPhase {
                reason: "Nog geen fysieke gevolgen.".into(),
            })
            .expect("valid");
        assert!(matches!(
            phase[0],
            DomainEvent::CrisisPhaseConfirmed {
                phase: Phase::Lukewarm,
                ..
            }
        ));
    }

    fn opened() -> CrisisState {
        let e = CrisisState::open(
            "Ransomware bij de gemeente",
            "Medewerkers zien een losgeldbericht.",
            "2026-11-28T08:00:00Z".parse().expect("valid"),
            Phase::Lukewarm,
            false,
        )
        .expect("valid");
        CrisisState::from_opening(&e).expect("valid")
    }

    #[test]
    fn opening_needs_a_title_on_one_line() {
        let at = "2026-11-28T08:00:00Z".parse().expect("valid");
        assert!(matches!(
            CrisisState::open("  ", "", at, Phase::Warm, false),
            Err(CrisisError::Invalid(_))
        ));
        assert!(CrisisState::open("a\nb", "", at, Phase::Warm, false).is_err());
        assert!(CrisisState::open("Storing", "", at, Phase::Aftermath, false).is_err());
    }

    #[test]
    fn accepting_takes_the_proposal_and_overriding_needs_a_reason() {
        let s = opened();
        let answers = Answers {
            own_organisation: true,
            societal_effects: true,
            ..Answers::default()
        };
        let accept = s
            .decide_now(CrisisCommand::Classify {
                answers,
                accept: true,
                classification: None,
                grip: None,
                reason: String::new(),
                teams: vec![],
            })
            .expect("valid");
        let mut after = s.clone();
        after.apply(&accept[0]);
        assert_eq!(after.classification, Some(Classification::CyberCrisis));
        assert_eq!(after.grip, Grip::Grip3);
        assert!(after.proposal_accepted);

        let overridden = s
            .decide_now(CrisisCommand::Classify {
                answers,
                accept: false,
                classification: Some(Classification::CyberIncident),
                grip: Some(Grip::Routine),
                reason: "Alleen de eigen systemen; de sluizen draaien op handbediening.".into(),
                teams: vec![],
            })
            .expect("valid");
        after.apply(&overridden[0]);
        assert!(!after.proposal_accepted);
        assert_eq!(after.classification, Some(Classification::CyberIncident));
        assert!(
            after
                .classification_reason
                .starts_with("Alleen de eigen systemen")
        );

        let err = s
            .decide_now(CrisisCommand::Classify {
                answers,
                accept: false,
                classification: Some(Classification::CyberIncident),
                grip: Some(Grip::Routine),
                reason: " ".into(),
                teams: vec![],
            })
            .expect_err("refused");
        assert_eq!(err, invalid("reason", "required"));
    }

    #[test]
    fn the_agreements_and_the_proposal_say_who_must_be_informed() {
        let mut s = opened();
        let answers = Answers {
            crime_suspected: true,
            societal_effects: true,
            ..Answers::default()
        };
        let events = s
            .decide_now(CrisisCommand::Classify {
                answers,
                accept: true,
                classification: None,
                grip: None,
                reason: String::new(),
                teams: vec![],
            })
            .expect("accepted");
        s.apply(&events[0]);
        let agreement: EscalationView = serde_json::from_value(serde_json::json!({
            "name": "Vermoeden van opzet", "step": 3, "applies_when": "x",
            "classification": "crime_suspected", "inform": [{"party": "police"}]
        }))
        .expect("view");
        let unrelated: EscalationView = serde_json::from_value(serde_json::json!({
            "name": "Vitaal", "step": 5, "applies_when": "x",
            "classification": "vital_infrastructure", "inform": [{"party": "ncsc"}]
        }))
        .expect("view");
        let expected =
            s.expected_parties(&[(RecordId::new(), agreement), (RecordId::new(), unrelated)]);
        let police = expected
            .iter()
            .find(|(p, _)| p == "police")
            .expect("police");
        assert_eq!(
            police.1,
            [ExpectedBy::Agreement("Vermoeden van opzet".into())]
        );
        assert!(
            !expected.iter().any(|(p, _)| p == "ncsc"),
            "that agreement does not apply"
        );
        let region = expected
            .iter()
            .find(|(p, _)| p == "safety_region")
            .expect("from the proposal");
        assert_eq!(region.1, [ExpectedBy::Classification]);
    }

    #[test]
    fn a_grip_change_needs_a_reason_and_a_closed_crisis_takes_no_more_changes() {
        let mut s = opened();
        assert!(
            s.decide_now(CrisisCommand::ChangeGrip {
                grip: Grip::Grip3,
                reason: String::new()
            })
            .is_err()
        );
        assert_eq!(
            s.decide_now(CrisisCommand::ChangeGrip {
                grip: Grip::Routine,
                reason: "x".into()
            }),
            Err(invalid("grip", "unchanged"))
        );
        let handover = s
            .decide_now(CrisisCommand::HandOver {
                coordinator: "Gemeentesecretaris".into(),
                transfers: vec![],
                restoring: vec![],
                reason: String::new(),
            })
            .expect("valid");
        s.apply(&handover[0]);
        let close = s
            .decide_now(CrisisCommand::Close {
                reason: "Afgeschaald".into(),
            })
            .expect("valid");
        s.apply(&close[0]);
        assert_eq!(
            s.decide_now(CrisisCommand::ChangePhase {
                phase: Phase::Warm,
                reason: "x".into()
            }),
            Err(CrisisError::Closed)
        );
    }

    #[test]
    fn the_aftermath_starts_with_a_handover_and_only_the_aftermath_closes_the_dossier() {
        let mut s = opened();
        // Closing during the acute phase is refused: the aftermath is not done.
        assert_eq!(
            s.decide_now(CrisisCommand::Close {
                reason: "Klaar".into()
            }),
            Err(invalid("phase", "not_in_aftermath"))
        );
        // A bare phase change to the aftermath skips the handover.
        assert_eq!(
            s.decide_now(CrisisCommand::ChangePhase {
                phase: Phase::Aftermath,
                reason: "Klaar".into()
            }),
            Err(invalid("phase", "handover_required"))
        );
        let action = RecordId::new();
        let process = RecordId::new();
        let twice = s.decide_now(CrisisCommand::HandOver {
            coordinator: "Gemeentesecretaris".into(),
            transfers: vec![
                Transfer {
                    action,
                    owner: "Afdeling ICT".into(),
                },
                Transfer {
                    action,
                    owner: "Burgerzaken".into(),
                },
            ],
            restoring: vec![process],
            reason: String::new(),
        });
        assert_eq!(
            twice,
            Err(invalid("transfers.1.action", "duplicate_action"))
        );
        assert_eq!(
            s.decide_now(CrisisCommand::HandOver {
                coordinator: " ".into(),
                transfers: vec![],
                restoring: vec![],
                reason: String::new(),
            }),
            Err(invalid("coordinator", "required"))
        );
        let events = s
            .decide_now(CrisisCommand::HandOver {
                coordinator: "Gemeentesecretaris".into(),
                transfers: vec![Transfer {
                    action,
                    owner: " Afdeling ICT ".into(),
                }],
                restoring: vec![process],
                reason: "Herstel loopt via de lijn".into(),
            })
            .expect("valid");
        s.apply(&events[0]);
        assert_eq!(s.phase, Phase::Aftermath);
        let h = s.handover.clone().expect("recorded");
        assert_eq!(h.coordinator, "Gemeentesecretaris");
        assert_eq!(h.transfers[0].owner, "Afdeling ICT");
        assert_eq!(h.restoring, [process]);
        assert_eq!(h.at, "2026-11-28T10:00:00.000000Z");
        let close = s
            .decide_now(CrisisCommand::Close {
                reason: "Nafase afgerond".into(),
            })
            .expect("valid");
        s.apply(&close[0]);
        assert!(s.closed);
    }
}
