//! The commands both doors give in a crisis: opening it, changing it (phase, GRIP level,
//! teams, classification, failing nodes), recording entries and typing paper forms back in.

use super::Room;
use crate::register::{Index, graph_of, issues_to_fields};
use crate::{App, Error, FieldError, Principal, audit};
use crisismap_core::crisis::{
    CrisisCommand, CrisisError, CrisisState, EntryKind, Occurrence, Phase, Transcription,
};
use crisismap_core::register::{RawRecord, RecordId, RecordKind, RegisterError};
use crisismap_core::{StreamId, WorkspaceId};
use crisismap_store::{EntryChange, StoreError};
use serde::Deserialize;

/// A change of phase (`which = "phase"`) or GRIP level (`"grip"`), as both doors ask for it.
pub fn change_command(which: &str, value: &str, reason: &str) -> Result<CrisisCommand, Error> {
    let reason = reason.to_owned();
    match which {
        "phase" => Ok(CrisisCommand::ChangePhase {
            phase: choice("phase", value)?,
            reason,
        }),
        _ => Ok(CrisisCommand::ChangeGrip {
            grip: choice("grip", value)?,
            reason,
        }),
    }
}

/// Keeping the GRIP level (`aspect = "grip"`) or the phase (`"phase"`) as it is.
pub fn confirm_command(aspect: &str, reason: &str) -> Result<CrisisCommand, Error> {
    let reason = reason.to_owned();
    match aspect.trim() {
        "grip" => Ok(CrisisCommand::ConfirmGrip { reason }),
        "phase" => Ok(CrisisCommand::ConfirmPhase { reason }),
        _ => Err(Error::Invalid(vec![FieldError {
            field: "aspect".into(),
            code: "unknown_choice".into(),
            message: String::new(),
        }])),
    }
}

/// The teams active in a crisis (the whole new set), as both doors ask for it: every id must
/// be a team of the register; anything else is refused, naming `teams`.
pub fn teams_command(index: &Index, ids: &[String], reason: &str) -> Result<CrisisCommand, Error> {
    let mut teams = vec![];
    for text in ids {
        let team = text
            .trim()
            .parse::<RecordId>()
            .ok()
            .filter(|id| index.get(*id).is_some_and(|r| r.kind == RecordKind::Team));
        match team {
            Some(id) if !teams.contains(&id) => teams.push(id),
            Some(_) => {}
            None => {
                return Err(Error::Invalid(vec![FieldError {
                    field: "teams".into(),
                    code: "unknown_reference".into(),
                    message: String::new(),
                }]));
            }
        }
    }
    Ok(CrisisCommand::SetTeams {
        teams,
        reason: reason.to_owned(),
    })
}

/// A code from a fixed set (phase, GRIP level, …), or a field error naming the field.
pub fn choice<T: std::str::FromStr>(field: &str, text: &str) -> Result<T, Error> {
    text.trim().parse().map_err(|_| {
        Error::Invalid(vec![FieldError {
            field: field.into(),
            code: "unknown_choice".into(),
            message: String::new(),
        }])
    })
}

/// A store error from a crisis command as the doors report it: the crisis's validation issues as
/// field errors, a process already in the picture as `already_in_picture` on `process`.
pub fn crisis_error(e: StoreError) -> Error {
    match e {
        StoreError::Crisis(CrisisError::Closed) => Error::CrisisClosed,
        StoreError::Crisis(CrisisError::Invalid(issues)) => issues_to_fields(issues),
        StoreError::Register(RegisterError::Stale { .. }) => Error::StaleRevision,
        StoreError::Register(RegisterError::NameTaken) => Error::Invalid(vec![FieldError {
            field: "process".into(),
            code: "already_in_picture".into(),
            message: String::new(),
        }]),
        other => other.into(),
    }
}

/// Input for opening a crisis, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenInput {
    /// The crisis's title, one line.
    #[serde(default)]
    pub title: String,
    /// What is known so far, as free text.
    #[serde(default)]
    pub known: String,
    /// Local time in Europe/Amsterdam (`2026-11-28T09:00`) or UTC (`2026-11-28T08:00:00Z`);
    /// empty: now.
    #[serde(default)]
    pub started_at: String,
    /// lukewarm or warm.
    #[serde(default)]
    pub phase: String,
    /// Whether this is an exercise rather than a real crisis (a form's `on` counts as yes).
    #[serde(default, deserialize_with = "loose_bool")]
    pub exercise: bool,
}

/// A moment typed in Amsterdam time or given in UTC.
pub fn parse_moment(text: &str) -> Option<jiff::Timestamp> {
    let t = text.trim();
    if let Ok(ts) = t.parse::<jiff::Timestamp>() {
        return Some(ts);
    }
    t.parse::<jiff::civil::DateTime>()
        .ok()?
        .to_zoned(crisismap_core::time::amsterdam().clone())
        .ok()
        .map(|z| z.timestamp())
}

/// Opens a crisis with the guidance's strategic dilemmas, in the opener's language.
pub async fn open(
    app: &App,
    by: &Principal,
    origin: &str,
    input: &OpenInput,
    lang: crisismap_core::Lang,
) -> Result<StreamId, Error> {
    let mut errors = vec![];
    let started_at = if input.started_at.trim().is_empty() {
        Some(app.now())
    } else {
        parse_moment(&input.started_at)
    };
    if started_at.is_none() {
        errors.push(FieldError {
            field: "started_at".into(),
            code: "invalid_datetime".into(),
            message: String::new(),
        });
    }
    let phase = match input.phase.trim() {
        "" => Some(Phase::Lukewarm),
        p => p.parse::<Phase>().ok().filter(|p| *p != Phase::Aftermath),
    };
    if phase.is_none() {
        errors.push(FieldError {
            field: "phase".into(),
            code: "unknown_choice".into(),
            message: String::new(),
        });
    }
    let opening = CrisisState::open(
        &input.title,
        &input.known,
        started_at.unwrap_or_else(|| app.now()),
        phase.unwrap_or(Phase::Lukewarm),
        input.exercise,
    );
    if let Err(CrisisError::Invalid(issues)) = &opening {
        errors.extend(issues.iter().map(|i| FieldError {
            field: i.field.clone(),
            code: i.code.to_owned(),
            message: String::new(),
        }));
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let opening = opening.map_err(|e| crisis_error(e.into()))?;
    let dilemmas = crisismap_core::crisis::guidance::dilemmas(lang);
    let id = app
        .store()
        .open_crisis(
            by.user.workspace,
            &by.actor(),
            opening,
            dilemmas,
            EntryKind::Dilemma,
        )
        .await
        .map_err(crisis_error)?;
    audit(
        app,
        crisismap_store::AuditRecord {
            workspace: Some(by.user.workspace),
            actor: format!("user:{}", by.user.id),
            action: "crisis_open".to_owned(),
            object: format!("crisis:{id}"),
            result: "ok".to_owned(),
            origin: origin.to_owned(),
        },
    )
    .await;
    Ok(id)
}

/// The moment a door was told something happened: empty is now; a moment typed in
/// Amsterdam time or given in UTC; anything else is refused naming `occurred_at`.
pub fn occurrence(text: &str, background: bool) -> Result<Option<Occurrence>, Error> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let at = parse_moment(text).ok_or_else(|| {
        Error::Invalid(vec![FieldError {
            field: "occurred_at".into(),
            code: "invalid_datetime".into(),
            message: String::new(),
        }])
    })?;
    Ok(Some(Occurrence { at, background }))
}

/// The kinds of entry a guest of a crisis (a liaison, an expert) may add: the log, facts and
/// uncertainties, the status of an affected organisation (their own), and attendance. A
/// guest adds to the record; the crisis team steers.
pub const GUEST_KINDS: [EntryKind; 4] = [
    EntryKind::Log,
    EntryKind::Fact,
    EntryKind::Effect,
    EntryKind::Attendance,
];

/// A guest may add only `GUEST_KINDS`, and never changes the crisis itself.
pub fn guest_may_write(by: &Principal, kind: Option<EntryKind>) -> Result<(), Error> {
    match (by.user.crisis_scope, kind) {
        (None, _) => Ok(()),
        (Some(_), Some(k)) if GUEST_KINDS.contains(&k) => Ok(()),
        (Some(_), _) => Err(Error::Forbidden),
    }
}

/// Exercise control and observers do not play: while the exercise runs they add to the
/// players' record only through injects (and observe on their own pages). Once it has ended
/// they take part in the evaluation (findings, evaluations) and may wind the exercise up.
fn exercise_staff_may_not_play(
    by: &Principal,
    state: &crisismap_core::crisis::CrisisState,
    kind: Option<EntryKind>,
) -> Result<(), Error> {
    let Some(run) = &state.exercise_run else {
        return Ok(());
    };
    if run.staff(by.user.id).is_none() {
        return Ok(());
    }
    let evaluating = matches!(
        kind,
        None | Some(EntryKind::Finding | EntryKind::Evaluation)
    );
    if run.ended_at.is_some() && evaluating {
        return Ok(());
    }
    Err(Error::Forbidden)
}

/// Decides and records a change to the crisis itself, that happened at `at` (`None`: now).
pub async fn command(
    app: &App,
    by: &Principal,
    crisis: StreamId,
    command: CrisisCommand,
    at: Option<Occurrence>,
) -> Result<(), Error> {
    guest_may_write(by, None)?;
    let current = app.store().crisis(by.user.workspace, crisis).await?;
    exercise_staff_may_not_play(by, &current.state, None)?;
    app.store()
        .handle_crisis_command(by.user.workspace, crisis, &by.actor(), command, at)
        .await
        .map_err(crisis_error)?;
    Ok(())
}

/// Validates and records one entry: the command behind both the form and the API.
/// `occurred_at` is the moment given with it, for kinds without a moment field of their own
/// (`None`: now).
#[allow(clippy::too_many_arguments)]
pub async fn save_entry(
    app: &App,
    by: &Principal,
    crisis: StreamId,
    kind: EntryKind,
    id: Option<RecordId>,
    expected_rev: Option<i64>,
    raw: &RawRecord,
    occurred_at: Option<jiff::Timestamp>,
) -> Result<RecordId, Error> {
    let ws = by.user.workspace;
    guest_may_write(by, Some(kind))?;
    if !kind.readable_by(by.user.role, by.user.crisis_scope.is_some()) {
        return Err(Error::Forbidden);
    }
    // Another workspace's crisis is not there at all (404 before any field is judged).
    let current = app.store().crisis(ws, crisis).await?;
    if current.state.closed {
        return Err(Error::CrisisClosed);
    }
    exercise_staff_may_not_play(by, &current.state, Some(kind))?;
    if let Some(id) = id {
        let existing = app.store().entry(ws, crisis, id).await?;
        if existing.kind != kind {
            return Err(Error::NotFound);
        }
    }
    let raw = &with_deadline(app, ws, kind, raw).await;
    // Only what the entry refers to is read, not the whole crisis (see `refs`).
    let validated = crate::refs::validate(app, ws, Some(crisis), kind.schema(), raw)
        .await?
        .map_err(issues_to_fields)?;
    own_checks_done(app, ws, kind, validated.data()).await?;
    let ids = app
        .store()
        .save_entries(
            ws,
            crisis,
            &by.actor(),
            vec![EntryChange {
                kind,
                id,
                expected_rev,
                record: validated,
                occurred_at,
                transcribed: None,
            }],
        )
        .await
        .map_err(crisis_error)?;
    ids.into_iter()
        .next()
        .ok_or(Error::Internal("nothing saved".into()))
}

/// Declaring a process safe again also takes every check the workspace added to the product's
/// own (register: veiligheidscontroles) that applies to it (to every process, or to this one),
/// each ticked as done.
async fn own_checks_done(
    app: &App,
    ws: WorkspaceId,
    kind: EntryKind,
    data: &serde_json::Map<String, serde_json::Value>,
) -> Result<(), Error> {
    let text = |n: &str| {
        data.get(n)
            .and_then(serde_json::Value::as_str)
            .unwrap_or("")
    };
    if kind != EntryKind::ProcessStatus || text("status") != "safe" {
        return Ok(());
    }
    let done: Vec<&str> = data
        .get("own_checks")
        .and_then(serde_json::Value::as_array)
        .into_iter()
        .flatten()
        .filter(|row| row.get("done") == Some(&serde_json::Value::Bool(true)))
        .filter_map(|row| row.get("check").and_then(serde_json::Value::as_str))
        .collect();
    let missing = app
        .store()
        .records(ws, RecordKind::SafeCheck)
        .await?
        .into_iter()
        .filter(|c| !c.archived)
        .filter(|c| c.text("process").is_none_or(|p| p == text("process")))
        .any(|c| !done.contains(&c.id.to_string().as_str()));
    if missing {
        return Err(issues_to_fields(vec![
            crisismap_core::register::FieldIssue::new("own_checks", "own_checks_missing"),
        ]));
    }
    Ok(())
}

/// A duty without a deadline gets the one its type's fixed term gives (72 hours from the moment
/// the municipality became aware, a month, …; for one of the workspace's own types, the term
/// its register record sets); one the team typed is kept.
async fn with_deadline(app: &App, ws: WorkspaceId, kind: EntryKind, raw: &RawRecord) -> RawRecord {
    let mut raw = raw.clone();
    if kind != EntryKind::Duty || !raw.field("deadline").trim().is_empty() {
        return raw;
    }
    let Some(start) = crisismap_core::time::parse_moment(raw.field("starts_at").trim()) else {
        return raw;
    };
    let due = if raw.field("obligation") == "own" {
        match raw.field("duty_type").trim().parse() {
            Ok(id) => match app.store().record(ws, id).await {
                Ok(r) if r.kind == crisismap_core::register::RecordKind::DutyType => {
                    let int = |n: &str| r.data.get(n).and_then(serde_json::Value::as_i64);
                    crisismap_core::crisis::duties::own_deadline(
                        int("term_hours"),
                        int("term_months"),
                        start,
                    )
                }
                _ => None,
            },
            Err(_) => None,
        }
    } else {
        crisismap_core::crisis::duties::deadline(raw.field("obligation"), start)
    };
    if let Some(due) = due {
        raw.fields
            .insert("deadline".into(), crisismap_core::time::canonical(due));
    }
    raw
}

/// The kinds of paper form in the printed folder that can be typed back in.
pub const TRANSCRIBED_KINDS: [EntryKind; 3] =
    [EntryKind::Log, EntryKind::Decision, EntryKind::Attendance];

/// Types rows of a paper form back into the record: every row is validated, and either all
/// are recorded (marked as transcribed) or none, with every bad row's problems named
/// `rows.{i}.{field}` (rows count from 0).
pub async fn transcribe(
    app: &App,
    by: &Principal,
    crisis: StreamId,
    kind: EntryKind,
    transcription: Transcription,
    rows: &[RawRecord],
) -> Result<Vec<RecordId>, Error> {
    let ws = by.user.workspace;
    if !TRANSCRIBED_KINDS.contains(&kind) {
        return Err(Error::NotFound);
    }
    guest_may_write(by, Some(kind))?;
    let current = app.store().crisis(ws, crisis).await?;
    if current.state.closed {
        return Err(Error::CrisisClosed);
    }
    if rows.is_empty() {
        return Err(Error::Invalid(vec![FieldError {
            field: "rows".into(),
            code: "required".into(),
            message: String::new(),
        }]));
    }
    let mut changes = Vec::with_capacity(rows.len());
    let mut errors = vec![];
    let now = app.now();
    let first = current.state.first_moment().unwrap_or(now);
    let row_error = |i: usize, issue: crisismap_core::register::FieldIssue| FieldError {
        field: format!("rows.{i}.{}", issue.field),
        code: issue.code.to_owned(),
        message: String::new(),
    };
    for (i, raw) in rows.iter().enumerate() {
        match crate::refs::validate(app, ws, Some(crisis), kind.schema(), raw).await? {
            // Every bad row is named at once: its times too, not only after the rest is
            // mended.
            Ok(record)
                if !crisismap_core::crisis::check_times(kind, record.data(), now, first)
                    .is_empty() =>
            {
                errors.extend(
                    crisismap_core::crisis::check_times(kind, record.data(), now, first)
                        .into_iter()
                        .map(|issue| row_error(i, issue)),
                );
            }
            Ok(record) => changes.push(EntryChange {
                kind,
                id: None,
                expected_rev: None,
                record,
                occurred_at: None,
                transcribed: Some(transcription.clone()),
            }),
            Err(issues) => errors.extend(issues.into_iter().map(|issue| row_error(i, issue))),
        }
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    // Every row's times were checked above, with the names of the rows.
    app.store()
        .save_entries(ws, crisis, &by.actor(), changes)
        .await
        .map_err(crisis_error)
}

/// The command that marks graph nodes failing, after checking that each is a node of this
/// workspace's register.
pub async fn failing_command(
    app: &App,
    by: &Principal,
    nodes: Vec<String>,
    reason: &str,
) -> Result<CrisisCommand, Error> {
    let index = Index::load(app, by.user.workspace).await?;
    let graph = graph_of(&index)?;
    let mut keys = vec![];
    for n in nodes {
        let key: crisismap_core::register::graph::NodeKey = n.parse().map_err(|_| {
            Error::Invalid(vec![FieldError {
                field: "nodes".into(),
                code: "unknown_reference".into(),
                message: String::new(),
            }])
        })?;
        if graph.node_of(&key).is_none() {
            return Err(Error::Invalid(vec![FieldError {
                field: "nodes".into(),
                code: "unknown_reference".into(),
                message: String::new(),
            }]));
        }
        keys.push(key.to_string());
    }
    Ok(CrisisCommand::SetFailing {
        nodes: keys,
        reason: reason.to_owned(),
    })
}

/// Accepts `true`/`false`, and the form values `on`, `true`, `1`, `ja`.
pub fn loose_bool<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum B {
        Bool(bool),
        Text(String),
    }
    Ok(match B::deserialize(d)? {
        B::Bool(b) => b,
        B::Text(t) => matches!(t.trim(), "on" | "true" | "1" | "ja" | "yes"),
    })
}

/// The register teams that carry the proposed standards.
fn teams_for(room: &Room, standards: &[String]) -> Vec<RecordId> {
    room.index
        .live(RecordKind::Team)
        .filter(|t| {
            t.text("standard")
                .is_some_and(|s| standards.iter().any(|x| x == s))
        })
        .map(|t| t.id)
        .collect()
}

/// The classification as both doors give it: the answers, whether the proposal is
/// accepted (else the classification and GRIP level chosen), and the register teams that
/// carry the proposed standards.
pub fn classify_command(
    room: &Room,
    answers: crisismap_core::crisis::Answers,
    accept: bool,
    classification: &str,
    grip: &str,
    reason: &str,
) -> crisismap_core::crisis::CrisisCommand {
    let proposal = crisismap_core::crisis::propose(&answers);
    let standards: Vec<String> = proposal.teams.iter().map(|t| t.value.clone()).collect();
    CrisisCommand::Classify {
        answers,
        accept,
        classification: classification.parse().ok(),
        grip: grip.parse().ok(),
        reason: reason.to_owned(),
        teams: teams_for(room, &standards),
    }
}

/// A handover to the line organisation, as both doors ask for it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandoverInput {
    /// Who coordinates the aftermath (the municipal secretary, usually).
    #[serde(default)]
    pub coordinator: String,
    /// What was agreed at the handover.
    #[serde(default)]
    pub reason: String,
    /// The open actions that go to an owner in the line organisation.
    #[serde(default)]
    pub transfers: Vec<TransferInput>,
    /// The register processes still being restored (ids).
    #[serde(default)]
    pub restoring: Vec<String>,
}

/// One open action and its new owner in the line organisation.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferInput {
    /// The action entry's id.
    #[serde(default)]
    pub action: String,
    /// Its owner in the line organisation: a name or a department.
    #[serde(default)]
    pub owner: String,
}

/// Whether an action is still open (new or in progress).
pub fn action_open(e: &crisismap_core::crisis::Entry) -> bool {
    matches!(e.text("status"), Some("new" | "in_progress"))
}

/// Hands the crisis over to the line organisation: the aftermath starts, and each action
/// handed over gets its line owner in the same transaction (all of it, or nothing). Every
/// action must be an open action of this crisis and every process one of the register's.
pub async fn hand_over(
    app: &App,
    by: &Principal,
    crisis: StreamId,
    input: &HandoverInput,
    at: Option<Occurrence>,
) -> Result<(), Error> {
    guest_may_write(by, None)?;
    let ws = by.user.workspace;
    let room = Room::load_with(app, ws, crisis, &[EntryKind::Action]).await?;
    if room.state().closed {
        return Err(Error::CrisisClosed);
    }
    let mut errors = vec![];
    let mut transfers = vec![];
    let mut changes = vec![];
    for (i, t) in input.transfers.iter().enumerate() {
        let action = t
            .action
            .trim()
            .parse::<RecordId>()
            .ok()
            .and_then(|id| room.entry(id))
            .filter(|e| e.kind == EntryKind::Action && action_open(e));
        let Some(action) = action else {
            errors.push(FieldError {
                field: format!("transfers.{i}.action"),
                code: "unknown_reference".into(),
                message: String::new(),
            });
            continue;
        };
        let schema = EntryKind::Action.schema();
        let mut raw = RawRecord::from_data(schema, &action.data);
        raw.fields.insert("owner".into(), String::new());
        raw.fields
            .insert("owner_name".into(), t.owner.trim().to_owned());
        match crate::refs::validate(app, ws, Some(crisis), schema, &raw).await? {
            Ok(record) => changes.push(EntryChange {
                kind: EntryKind::Action,
                id: Some(action.id),
                expected_rev: Some(action.rev),
                record,
                occurred_at: None,
                transcribed: None,
            }),
            Err(issues) => errors.extend(issues.into_iter().map(|issue| FieldError {
                field: format!(
                    "transfers.{i}.{}",
                    if issue.field == "owner_name" {
                        "owner"
                    } else {
                        issue.field.as_str()
                    }
                ),
                code: issue.code.to_owned(),
                message: String::new(),
            })),
        }
        transfers.push(crisismap_core::crisis::Transfer {
            action: action.id,
            owner: t.owner.clone(),
        });
    }
    let mut restoring = vec![];
    for text in &input.restoring {
        match text.trim().parse::<RecordId>().ok().filter(|id| {
            room.index
                .get(*id)
                .is_some_and(|r| r.kind == RecordKind::Process)
        }) {
            Some(id) => restoring.push(id),
            None => errors.push(FieldError {
                field: "restoring".into(),
                code: "unknown_reference".into(),
                message: String::new(),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let command = CrisisCommand::HandOver {
        coordinator: input.coordinator.clone(),
        transfers,
        restoring,
        reason: input.reason.clone(),
    };
    app.store()
        .handle_crisis_command_with(ws, crisis, &by.actor(), command, at, changes)
        .await
        .map_err(crisis_error)?;
    Ok(())
}
