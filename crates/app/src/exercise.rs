//! Exercises (Oefenen): the catalogue of learning goals and the built-in scenarios, taking
//! them into the register; starting an exercise from a script (an exercise crisis with its
//! injects copied in); the exercise clock; releasing injects to the players, by hand or when
//! due; ad-hoc injects; observations. Both doors and the server's release loop call these.

use crate::crisis::{OpenInput, crisis_error, open};
use crate::register::{Index, issues_to_fields};
use crate::{App, Error, FieldError, Principal, audit};
use crisismap_core::crisis::exercise::{self, ExerciseRun, SCRIPT_FIELDS, Staff};
use crisismap_core::crisis::{CrisisCommand, Entry, EntryKind};
use crisismap_core::event::Actor;
use crisismap_core::register::{RawRecord, RecordId, RecordKind};
use crisismap_core::{StreamId, UserId, WorkspaceId};
use crisismap_store::{EntryChange, RecordChange};
use serde::Deserialize;
use serde_json::{Map, Value};

/// One learning goal of the product's catalogue.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueGoal {
    /// The goal, in a line.
    pub name: String,
    /// Its theme (the themes of an evaluation).
    pub theme: String,
    /// What observers see when it is achieved.
    pub description: String,
}

/// One built-in scenario: a whole script with its learning goals (by name, from the
/// catalogue) and its master events list.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The script's name.
    pub name: String,
    /// Testing, developing or orienting.
    pub function: String,
    /// The form of exercise it suits.
    pub form: String,
    /// Official, administrative or both.
    pub level: String,
    /// How long it plays.
    pub duration_minutes: i64,
    /// The starting situation as the players get it.
    pub scenario: String,
    /// Background for exercise control only.
    pub background: String,
    /// The learning goals it tests, by name.
    pub goals: Vec<String>,
    /// The master events list, each inject with its goal by name.
    pub injects: Vec<Map<String, Value>>,
}

const GOALS: &str = include_str!("../exercise/goals.json");
/// The built-in scenarios by code: (code, JSON).
const SCENARIOS: [(&str, &str); 5] = [
    (
        "ransomware",
        include_str!("../exercise/scenarios/ransomware.json"),
    ),
    (
        "leverancier",
        include_str!("../exercise/scenarios/leverancier.json"),
    ),
    ("ddos", include_str!("../exercise/scenarios/ddos.json")),
    (
        "datalek",
        include_str!("../exercise/scenarios/datalek.json"),
    ),
    (
        "regionaal",
        include_str!("../exercise/scenarios/regionaal.json"),
    ),
];

/// The product's catalogue of learning goals.
pub fn catalogue() -> Vec<CatalogueGoal> {
    // The catalogue is part of the product; a test proves it parses.
    serde_json::from_str(GOALS).unwrap_or_default()
}

/// The built-in scenarios, each with its code.
pub fn scenarios() -> Vec<(&'static str, Scenario)> {
    SCENARIOS
        .iter()
        .filter_map(|(code, json)| serde_json::from_str(json).ok().map(|s| (*code, s)))
        .collect()
}

/// The learning goals of the catalogue the register does not have yet (by name), as new
/// records; `only` limits them to these names.
fn missing_goals(index: &Index, only: Option<&[String]>) -> Result<Vec<RecordChange>, Error> {
    let have: Vec<String> = index
        .live(RecordKind::LearningGoal)
        .map(|r| crisismap_core::register::title_key(&r.title))
        .collect();
    let mut changes = vec![];
    for goal in catalogue() {
        if only.is_some_and(|names| !names.contains(&goal.name))
            || have.contains(&crisismap_core::register::title_key(&goal.name))
        {
            continue;
        }
        let raw = RawRecord::from_pairs([
            ("name", goal.name.as_str()),
            ("theme", goal.theme.as_str()),
            ("description", goal.description.as_str()),
        ]);
        let record = RecordKind::LearningGoal
            .schema()
            .validate(&raw, index)
            .map_err(issues_to_fields)?;
        changes.push(RecordChange {
            kind: RecordKind::LearningGoal,
            id: None,
            expected_rev: None,
            record,
        });
    }
    Ok(changes)
}

/// Takes the catalogue's learning goals the register lacks into it; how many were added.
pub async fn adopt_catalogue(app: &App, by: &Principal, origin: &str) -> Result<usize, Error> {
    let index = Index::load(app, by.user.workspace).await?;
    let changes = missing_goals(&index, None)?;
    let n = changes.len();
    if n > 0 {
        crate::register::save_all(app, by, origin, "goals_adopt", "learning_goal", changes).await?;
    }
    Ok(n)
}

/// Takes a built-in scenario into the register as a script of the workspace's own, with the
/// learning goals it tests (added from the catalogue where missing).
pub async fn adopt_scenario(
    app: &App,
    by: &Principal,
    origin: &str,
    code: &str,
) -> Result<RecordId, Error> {
    let (_, scenario) = scenarios()
        .into_iter()
        .find(|(c, _)| *c == code)
        .ok_or(Error::NotFound)?;
    take_in(app, by, origin, scenario).await
}

/// Takes a script in the scenario form (a built-in one, or one exported from another
/// workspace) into the register as a new script; learning goals it names that the register
/// lacks come from the catalogue, and one the catalogue does not know either is refused.
async fn take_in(
    app: &App,
    by: &Principal,
    origin: &str,
    scenario: Scenario,
) -> Result<RecordId, Error> {
    let ws = by.user.workspace;
    let index = Index::load(app, ws).await?;
    let known = |name: &str| {
        let key = crisismap_core::register::title_key(name);
        index
            .live(RecordKind::LearningGoal)
            .any(|r| crisismap_core::register::title_key(&r.title) == key)
            || catalogue()
                .iter()
                .any(|g| crisismap_core::register::title_key(&g.name) == key)
    };
    let strangers: Vec<FieldError> = scenario
        .goals
        .iter()
        .enumerate()
        .filter(|(_, g)| !known(g))
        .map(|(i, _)| FieldError {
            field: format!("goals.{i}.goal"),
            code: "unknown_reference".into(),
            message: String::new(),
        })
        .collect();
    if !strangers.is_empty() {
        return Err(Error::Invalid(strangers));
    }
    let goals = missing_goals(&index, Some(&scenario.goals))?;
    if !goals.is_empty() {
        crate::register::save_all(app, by, origin, "goals_adopt", "learning_goal", goals).await?;
    }
    let index = Index::load(app, ws).await?;
    let goal_id = |name: &str| {
        let key = crisismap_core::register::title_key(name);
        index
            .live(RecordKind::LearningGoal)
            .find(|r| crisismap_core::register::title_key(&r.title) == key)
            .map(|r| r.id.to_string())
            .unwrap_or_default()
    };
    let mut raw = RawRecord::from_pairs([
        ("name", scenario.name.as_str()),
        ("function", scenario.function.as_str()),
        ("form", scenario.form.as_str()),
        ("level", scenario.level.as_str()),
        ("scenario", scenario.scenario.as_str()),
        ("background", scenario.background.as_str()),
    ]);
    raw.fields.insert(
        "duration_minutes".into(),
        scenario.duration_minutes.to_string(),
    );
    raw.groups.insert(
        "goals".into(),
        scenario
            .goals
            .iter()
            .map(|g| [("goal".to_owned(), goal_id(g))].into())
            .collect(),
    );
    raw.groups.insert(
        "injects".into(),
        scenario
            .injects
            .iter()
            .map(|row| {
                row.iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, v)| {
                        let text = match (k.as_str(), v) {
                            ("goal", Value::String(name)) => goal_id(name),
                            (_, Value::String(s)) => s.clone(),
                            (_, other) => other.to_string(),
                        };
                        (k.clone(), text)
                    })
                    .collect()
            })
            .collect(),
    );
    crate::register::save(
        app,
        by,
        origin,
        RecordKind::ExerciseScript,
        None,
        None,
        &raw,
    )
    .await
}

/// What starting an exercise takes.
#[derive(Debug, Clone)]
pub struct StartInput {
    /// The script to play.
    pub script: RecordId,
    /// The exercise of the plan it holds, if any.
    pub plan: Option<RecordId>,
    /// Exercise control besides the one who starts it.
    pub control: Vec<UserId>,
    /// Observers.
    pub observers: Vec<UserId>,
    /// Whether injects go out by themselves when due.
    pub auto_release: bool,
    /// When it starts (`None`: now); the demo starts exercises in the past.
    pub started_at: Option<jiff::Timestamp>,
}

/// The rows of a script's events list.
fn script_rows(data: &Map<String, Value>) -> Vec<Map<String, Value>> {
    data.get("injects")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .cloned()
        .collect()
}

/// Starts an exercise from a script: an exercise crisis (OEFENING) whose starting situation
/// is the scenario, the run (the starter is exercise control), and the script's injects
/// copied into the exercise's stream as they are now. A script with an inject that lacks
/// its text, addressee or moment cannot start; each is named.
pub async fn start(
    app: &App,
    by: &Principal,
    origin: &str,
    input: StartInput,
    lang: crisismap_core::Lang,
) -> Result<StreamId, Error> {
    let ws = by.user.workspace;
    let index = Index::load(app, ws).await?;
    let script = index
        .get(input.script)
        .filter(|r| r.kind == RecordKind::ExerciseScript && !r.archived)
        .ok_or_else(|| Error::field("script", "unknown_reference"))?;
    if let Some(plan) = input.plan
        && index
            .get(plan)
            .is_none_or(|r| r.kind != RecordKind::Exercise)
    {
        return Err(Error::field("plan", "unknown_reference"));
    }
    let rows = script_rows(&script.data);
    if rows.is_empty() {
        return Err(Error::field("injects", "no_injects"));
    }
    let missing = exercise::unplayable(&rows);
    if !missing.is_empty() {
        return Err(Error::Invalid(
            missing
                .into_iter()
                .map(|(number, field)| FieldError {
                    field: format!("inject.{number}.{field}"),
                    code: "required_to_start".into(),
                    message: String::new(),
                })
                .collect(),
        ));
    }
    let users = app.store().users(ws).await?;
    let known = |id: &UserId| {
        users
            .iter()
            .any(|u| u.id == *id && u.crisis_scope.is_none())
    };
    if !input.control.iter().chain(&input.observers).all(known) {
        return Err(Error::field("control", "unknown_reference"));
    }
    let crisis = open(
        app,
        by,
        origin,
        &OpenInput {
            // The crisis list and the lessons register say it was an exercise.
            title: format!("Oefening: {}", script.title)
                .chars()
                .take(200)
                .collect(),
            known: script
                .data
                .get("scenario")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            started_at: input
                .started_at
                .map(crisismap_core::time::canonical)
                .unwrap_or_default(),
            phase: "warm".into(),
            exercise: true,
        },
        lang,
    )
    .await?;
    let mut control = vec![by.user.id];
    control.extend(input.control.iter().filter(|u| **u != by.user.id));
    let observers = input
        .observers
        .iter()
        .filter(|u| !control.contains(u))
        .copied()
        .collect();
    let run = ExerciseRun {
        script: script.id,
        script_rev: script.rev,
        plan: input.plan,
        control,
        observers,
        auto_release: input.auto_release,
        clock: vec![],
        ended_at: None,
    };
    app.store()
        .handle_crisis_command(
            ws,
            crisis,
            &by.actor(),
            CrisisCommand::SetExerciseRun { run },
            input
                .started_at
                .map(|at| crisismap_core::crisis::Occurrence {
                    at,
                    background: false,
                }),
        )
        .await
        .map_err(crisis_error)?;
    let mut changes = vec![];
    for row in &rows {
        let mut data: Map<String, Value> = SCRIPT_FIELDS
            .iter()
            .filter_map(|k| row.get(*k).map(|v| ((*k).to_owned(), v.clone())))
            .collect();
        data.insert("status".into(), Value::String("pending".into()));
        changes.push(inject_change(&index, None, None, data)?);
    }
    app.store()
        .save_entries(ws, crisis, &by.actor(), changes)
        .await
        .map_err(crisis_error)?;
    audit(
        app,
        crisismap_store::AuditRecord {
            workspace: Some(ws),
            actor: by.audit_actor(),
            action: "exercise_start".into(),
            object: format!("crisis:{crisis}"),
            result: "ok".into(),
            origin: origin.to_owned(),
        },
    )
    .await;
    Ok(crisis)
}

/// The register, and the log line the same append records (an inject points at the log
/// line it became).
struct Released<'a> {
    index: &'a Index,
    log: Option<RecordId>,
}

impl crisismap_core::register::RefLookup for Released<'_> {
    fn exists(&self, kind: RecordKind, id: RecordId) -> bool {
        self.index.exists(kind, id)
    }

    fn exists_any(&self, id: RecordId) -> bool {
        self.index.exists_any(id)
    }

    fn exists_entry(&self, kind: EntryKind, id: RecordId) -> bool {
        kind == EntryKind::Log && self.log == Some(id)
    }
}

/// An inject's data as a validated change (new when `id` is `None`).
fn inject_change(
    index: &Index,
    id: Option<RecordId>,
    rev: Option<i64>,
    data: Map<String, Value>,
) -> Result<EntryChange, Error> {
    let raw = RawRecord::from_json(&Value::Object(data)).map_err(|i| issues_to_fields(vec![i]))?;
    let log = raw.field("log").parse().ok();
    let record = EntryKind::Inject
        .schema()
        .validate(&raw, &Released { index, log })
        .map_err(issues_to_fields)?;
    Ok(EntryChange {
        kind: EntryKind::Inject,
        id,
        expected_rev: rev,
        record,
        occurred_at: None,
        transcribed: None,
    })
}

/// The run of an exercise, and who `user` is in it; refused unless the user is staff of it
/// (control, or an observer where `observer_may` says so).
async fn run_for(
    app: &App,
    ws: WorkspaceId,
    crisis: StreamId,
    user: Option<UserId>,
    observer_may: bool,
) -> Result<ExerciseRun, Error> {
    let c = app.store().crisis(ws, crisis).await?;
    let run = c.state.exercise_run.ok_or(Error::NotFound)?;
    if let Some(user) = user {
        match run.staff(user) {
            Some(Staff::Control) => {}
            Some(Staff::Observer) if observer_may => {}
            _ => return Err(Error::Forbidden),
        }
    }
    if c.state.closed {
        return Err(Error::CrisisClosed);
    }
    Ok(run)
}

/// Who someone is in an exercise (control, observer or neither); `None` also for a crisis
/// that is no exercise run.
pub async fn staff_of(
    app: &App,
    ws: WorkspaceId,
    crisis: StreamId,
    user: UserId,
) -> Result<Option<Staff>, Error> {
    let c = app.store().crisis(ws, crisis).await?;
    Ok(c.state.exercise_run.and_then(|r| r.staff(user)))
}

/// The clock's buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockAction {
    /// Start, or resume after a pause.
    Run,
    /// Pause.
    Pause,
    /// End the exercise: the clock stops for good.
    End,
}

/// Starts, pauses, resumes or ends the exercise clock (exercise control only).
pub async fn clock(
    app: &App,
    by: &Principal,
    crisis: StreamId,
    action: ClockAction,
) -> Result<(), Error> {
    clock_at(app, by, crisis, action, app.now()).await
}

/// The clock's button pressed at `now` (the demo plays exercises in the past).
pub async fn clock_at(
    app: &App,
    by: &Principal,
    crisis: StreamId,
    action: ClockAction,
    now: jiff::Timestamp,
) -> Result<(), Error> {
    let ws = by.user.workspace;
    let run = run_for(app, ws, crisis, Some(by.user.id), false).await?;
    let next = match action {
        ClockAction::Run => run.mark(true, now),
        ClockAction::Pause => run.mark(false, now),
        ClockAction::End => {
            if run.ended_at.is_some() {
                Err("exercise_ended")
            } else {
                let mut next = run.clone();
                next.ended_at = Some(crisismap_core::time::canonical(now));
                Ok(next)
            }
        }
    }
    .map_err(|code| Error::field("clock", code))?;
    set_run(app, ws, crisis, &by.actor(), next, Some(now)).await
}

/// Sets control, observers and release by itself (exercise control only). The one who
/// changes it stays in control.
pub async fn set_staff(
    app: &App,
    by: &Principal,
    crisis: StreamId,
    control: Vec<UserId>,
    observers: Vec<UserId>,
    auto_release: bool,
) -> Result<(), Error> {
    let ws = by.user.workspace;
    let run = run_for(app, ws, crisis, Some(by.user.id), false).await?;
    let users = app.store().users(ws).await?;
    let known = |id: &UserId| {
        users
            .iter()
            .any(|u| u.id == *id && u.crisis_scope.is_none())
    };
    if !control.iter().chain(&observers).all(known) {
        return Err(Error::field("control", "unknown_reference"));
    }
    let mut next = run.clone();
    next.control = vec![by.user.id];
    next.control
        .extend(control.into_iter().filter(|u| *u != by.user.id));
    next.observers = observers
        .into_iter()
        .filter(|u| !next.control.contains(u))
        .collect();
    next.auto_release = auto_release;
    set_run(app, ws, crisis, &by.actor(), next, None).await
}

async fn set_run(
    app: &App,
    ws: WorkspaceId,
    crisis: StreamId,
    actor: &Actor,
    run: ExerciseRun,
    at: Option<jiff::Timestamp>,
) -> Result<(), Error> {
    let at = at.map(|at| crisismap_core::crisis::Occurrence {
        at,
        background: false,
    });
    app.store()
        .handle_crisis_command(ws, crisis, actor, CrisisCommand::SetExerciseRun { run }, at)
        .await
        .map_err(crisis_error)?;
    Ok(())
}

/// The injects of an exercise, in the order they were copied in.
pub async fn injects(app: &App, ws: WorkspaceId, crisis: StreamId) -> Result<Vec<Entry>, Error> {
    Ok(app
        .store()
        .entries(ws, crisis, &[EntryKind::Inject])
        .await?)
}

/// Releases one inject to the players (exercise control only): it arrives in the exercise's
/// log as a message from its simulated sender, and the inject records when it went out.
pub async fn release(
    app: &App,
    by: &Principal,
    crisis: StreamId,
    inject: RecordId,
) -> Result<RecordId, Error> {
    release_at(app, by, crisis, inject, app.now()).await
}

/// Releases one inject at `now` (the demo plays exercises in the past).
pub async fn release_at(
    app: &App,
    by: &Principal,
    crisis: StreamId,
    inject: RecordId,
    now: jiff::Timestamp,
) -> Result<RecordId, Error> {
    let ws = by.user.workspace;
    let run = run_for(app, ws, crisis, Some(by.user.id), false).await?;
    let all = injects(app, ws, crisis).await?;
    let entry = all.iter().find(|e| e.id == inject).ok_or(Error::NotFound)?;
    release_entries(app, ws, crisis, &by.actor(), &run, &[entry], now).await?;
    Ok(inject)
}

/// Releases what is due in every open exercise of every workspace (the server's release
/// loop); how many injects went out.
pub async fn release_all_due(app: &App) -> Result<usize, Error> {
    let mut n = 0;
    for (ws, crisis) in app.store().open_exercises().await? {
        n += release_due(app, ws, crisis).await?;
    }
    Ok(n)
}

/// Releases every inject that is due at this moment in an exercise whose clock runs and
/// releases by itself; how many went out.
pub async fn release_due(app: &App, ws: WorkspaceId, crisis: StreamId) -> Result<usize, Error> {
    let c = app.store().crisis(ws, crisis).await?;
    let Some(run) = c.state.exercise_run.filter(|_| !c.state.closed) else {
        return Ok(0);
    };
    let all = injects(app, ws, crisis).await?;
    let due = exercise::due_for_release(&run, &all, app.now());
    if due.is_empty() {
        return Ok(0);
    }
    let actor = Actor::System("exercise-clock".into());
    release_entries(app, ws, crisis, &actor, &run, &due, app.now()).await?;
    Ok(due.len())
}

/// The log lines of released injects and the injects' new state, in one append.
async fn release_entries(
    app: &App,
    ws: WorkspaceId,
    crisis: StreamId,
    actor: &Actor,
    run: &ExerciseRun,
    entries: &[&Entry],
    now: jiff::Timestamp,
) -> Result<(), Error> {
    let index = Index::load(app, ws).await?;
    let tr = crate::i18n::Tr(crisismap_core::Lang::Nl);
    let mut changes = vec![];
    for entry in entries {
        if entry.text("status") != Some("pending") {
            return Err(Error::field("inject", "already_released"));
        }
        let log_id = RecordId::new();
        let channel = entry
            .text("channel")
            .map(|c| crate::words::choice_label(tr, "channel", c))
            .unwrap_or("");
        let source = exercise::released_source(entry.text("sender_name").unwrap_or(""), channel);
        let mut log = Map::new();
        log.insert(
            "occurred_at".into(),
            Value::String(crisismap_core::time::canonical(now)),
        );
        log.insert("category".into(), Value::String("incoming".into()));
        log.insert(
            "text".into(),
            Value::String(entry.text("text").unwrap_or("").to_owned()),
        );
        log.insert("source".into(), Value::String(source));
        let raw =
            RawRecord::from_json(&Value::Object(log)).map_err(|i| issues_to_fields(vec![i]))?;
        let record = EntryKind::Log
            .schema()
            .validate(&raw, &index)
            .map_err(issues_to_fields)?;
        changes.push(EntryChange {
            kind: EntryKind::Log,
            id: Some(log_id),
            expected_rev: Some(0),
            record,
            occurred_at: None,
            transcribed: None,
        });
        let mut data = entry.data.clone();
        data.insert("status".into(), Value::String("released".into()));
        data.insert(
            "released_at".into(),
            Value::String(crisismap_core::time::canonical(now)),
        );
        data.insert(
            "released_minute".into(),
            Value::from(run.elapsed_minutes(now)),
        );
        data.insert("log".into(), Value::String(log_id.to_string()));
        changes.push(inject_change(
            &index,
            Some(entry.id),
            Some(entry.rev),
            data,
        )?);
    }
    app.store()
        .save_entries(ws, crisis, actor, changes)
        .await
        .map_err(crisis_error)?;
    Ok(())
}

/// Withholds a pending inject (exercise control only): it will not go out.
pub async fn withhold(
    app: &App,
    by: &Principal,
    crisis: StreamId,
    inject: RecordId,
    note: &str,
) -> Result<(), Error> {
    let ws = by.user.workspace;
    run_for(app, ws, crisis, Some(by.user.id), false).await?;
    let all = injects(app, ws, crisis).await?;
    let entry = all.iter().find(|e| e.id == inject).ok_or(Error::NotFound)?;
    if entry.text("status") != Some("pending") {
        return Err(Error::field("inject", "already_released"));
    }
    let index = Index::load(app, ws).await?;
    let mut data = entry.data.clone();
    data.insert("status".into(), Value::String("withheld".into()));
    if !note.trim().is_empty() {
        data.insert("note".into(), Value::String(note.to_owned()));
    }
    let change = inject_change(&index, Some(entry.id), Some(entry.rev), data)?;
    app.store()
        .save_entries(ws, crisis, &by.actor(), vec![change])
        .await
        .map_err(crisis_error)?;
    Ok(())
}

/// Adds an inject control makes up during the exercise and releases it at once.
pub async fn ad_hoc(
    app: &App,
    by: &Principal,
    crisis: StreamId,
    raw: &RawRecord,
) -> Result<RecordId, Error> {
    let ws = by.user.workspace;
    let run = run_for(app, ws, crisis, Some(by.user.id), false).await?;
    let all = injects(app, ws, crisis).await?;
    let number = all
        .iter()
        .filter_map(|e| e.data.get("number").and_then(Value::as_i64))
        .max()
        .unwrap_or(0)
        + 1;
    let mut data: Map<String, Value> = [
        "sender",
        "sender_name",
        "to",
        "channel",
        "text",
        "expected",
        "goal",
    ]
    .iter()
    .filter_map(|k| {
        let v = raw.field(k).trim();
        (!v.is_empty()).then(|| ((*k).to_owned(), Value::String(v.to_owned())))
    })
    .collect();
    data.insert("number".into(), Value::from(number));
    data.insert(
        "at_minutes".into(),
        Value::from(run.elapsed_minutes(app.now())),
    );
    data.insert("ad_hoc".into(), Value::Bool(true));
    data.insert("status".into(), Value::String("pending".into()));
    let index = Index::load(app, ws).await?;
    let change = inject_change(&index, None, None, data)?;
    let ids = app
        .store()
        .save_entries(ws, crisis, &by.actor(), vec![change])
        .await
        .map_err(crisis_error)?;
    let id = ids
        .into_iter()
        .next()
        .ok_or(Error::Internal("nothing saved".into()))?;
    let all = injects(app, ws, crisis).await?;
    let entry = all.iter().find(|e| e.id == id).ok_or(Error::NotFound)?;
    release_entries(app, ws, crisis, &by.actor(), &run, &[entry], app.now()).await?;
    Ok(id)
}

/// Records an observation (exercise control or an observer).
pub async fn observe(
    app: &App,
    by: &Principal,
    crisis: StreamId,
    raw: &RawRecord,
) -> Result<RecordId, Error> {
    let ws = by.user.workspace;
    run_for(app, ws, crisis, Some(by.user.id), true).await?;
    let mut raw = raw.clone();
    if raw.field("observed_at").trim().is_empty() {
        raw.fields.insert(
            "observed_at".into(),
            crisismap_core::time::canonical(app.now()),
        );
    }
    let validated =
        crate::refs::validate(app, ws, Some(crisis), EntryKind::Observation.schema(), &raw)
            .await?
            .map_err(issues_to_fields)?;
    let ids = app
        .store()
        .save_entries(
            ws,
            crisis,
            &by.actor(),
            vec![EntryChange {
                kind: EntryKind::Observation,
                id: None,
                expected_rev: None,
                record: validated,
                occurred_at: None,
                transcribed: None,
            }],
        )
        .await
        .map_err(crisis_error)?;
    ids.into_iter()
        .next()
        .ok_or(Error::Internal("nothing saved".into()))
}

/// The observations of an exercise (for its control, its observers and the report).
pub async fn observations(
    app: &App,
    ws: WorkspaceId,
    crisis: StreamId,
) -> Result<Vec<Entry>, Error> {
    Ok(app
        .store()
        .entries(ws, crisis, &[EntryKind::Observation])
        .await?)
}

/// A script in the scenario form, for another workspace to take in: its fields, the learning
/// goals by name, the events list with each inject's goal by name.
pub fn export_scenario(index: &Index, script: &crisismap_core::register::Record) -> Scenario {
    let text = |k: &str| script.text(k).unwrap_or("").to_owned();
    let goal_name = |v: &Value| {
        v.as_str()
            .and_then(|g| g.parse().ok())
            .and_then(|g| index.title(g))
            .unwrap_or("")
            .to_owned()
    };
    Scenario {
        name: script.title.clone(),
        function: text("function"),
        form: text("form"),
        level: text("level"),
        duration_minutes: script
            .data
            .get("duration_minutes")
            .and_then(Value::as_i64)
            .unwrap_or(0),
        scenario: text("scenario"),
        background: text("background"),
        goals: script
            .data
            .get("goals")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|row| row.get("goal"))
            .map(goal_name)
            .filter(|n| !n.is_empty())
            .collect(),
        injects: script_rows(&script.data)
            .into_iter()
            .map(|mut row| {
                if let Some(g) = row.get("goal").map(goal_name) {
                    row.insert("goal".into(), Value::String(g));
                }
                row
            })
            .collect(),
    }
}

/// Takes in a script exported as JSON (the scenario form) as a new script.
pub async fn import_scenario(
    app: &App,
    by: &Principal,
    origin: &str,
    bytes: &[u8],
) -> Result<RecordId, Error> {
    let scenario: Scenario = serde_json::from_slice(bytes).map_err(|e| {
        Error::Invalid(vec![FieldError {
            field: "file".into(),
            code: "malformed_json".into(),
            message: e.to_string(),
        }])
    })?;
    take_in(app, by, origin, scenario).await
}

/// A script's events list as rows for a file: each inject's fields as text, its goal by
/// name, `contingency` as `ja` or `nee`.
pub fn export_injects(
    index: &Index,
    script: &crisismap_core::register::Record,
) -> Vec<std::collections::BTreeMap<String, String>> {
    export_scenario(index, script)
        .injects
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|(k, v)| {
                    let text = match (k.as_str(), &v) {
                        ("contingency", Value::Bool(b)) => if *b { "ja" } else { "nee" }.to_owned(),
                        (_, Value::String(s)) => s.clone(),
                        (_, Value::Null) => String::new(),
                        (_, other) => other.to_string(),
                    };
                    (k, text)
                })
                .collect()
        })
        .collect()
}

/// Replaces a script's events list with the rows of a file, all or nothing: every row is
/// checked as the form checks it, and every problem is named by its line in the file
/// (`line.{n}.{field}`). Goals are named; one the register does not have is a problem.
pub async fn import_injects(
    app: &App,
    by: &Principal,
    origin: &str,
    script: RecordId,
    rows: Vec<crisismap_core::interchange::script::InjectRow>,
) -> Result<(), Error> {
    let index = Index::load(app, by.user.workspace).await?;
    let record = index
        .get(script)
        .filter(|r| r.kind == RecordKind::ExerciseScript)
        .ok_or(Error::NotFound)?;
    let goal_by_name = |name: &str| {
        let key = crisismap_core::register::title_key(name);
        index
            .live(RecordKind::LearningGoal)
            .find(|r| crisismap_core::register::title_key(&r.title) == key)
            .map(|r| r.id.to_string())
    };
    let mut problems = vec![];
    let mut raw = RawRecord::from_data(RecordKind::ExerciseScript.schema(), &record.data);
    let mut lines = vec![];
    let mut group = vec![];
    for (line, mut cells) in rows {
        if let Some(goal) = cells.get("goal").filter(|g| !g.trim().is_empty()).cloned() {
            match goal_by_name(&goal) {
                Some(id) => {
                    cells.insert("goal".into(), id);
                }
                None => problems.push(FieldError {
                    field: format!("line.{line}.goal"),
                    code: "unknown_reference".into(),
                    message: String::new(),
                }),
            }
        }
        lines.push(line);
        group.push(cells);
    }
    if group.is_empty() {
        return Err(Error::field("file", "no_injects"));
    }
    raw.groups.insert("injects".into(), group);
    if let Err(issues) = RecordKind::ExerciseScript.schema().validate(&raw, &index) {
        for issue in issues {
            let mut parts = issue.field.splitn(3, '.');
            match (
                parts.next(),
                parts.next().and_then(|i| i.parse::<usize>().ok()),
                parts.next(),
            ) {
                (Some("injects"), Some(i), Some(field)) => problems.push(FieldError {
                    field: format!("line.{}.{field}", lines.get(i).copied().unwrap_or(0)),
                    code: issue.code.to_owned(),
                    message: String::new(),
                }),
                _ => problems.push(FieldError {
                    field: issue.field,
                    code: issue.code.to_owned(),
                    message: String::new(),
                }),
            }
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    crate::register::save(
        app,
        by,
        origin,
        RecordKind::ExerciseScript,
        Some(script),
        Some(record.rev),
        &raw,
    )
    .await
    .map(|_| ())
}
