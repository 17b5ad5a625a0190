//! The demo workspace, loaded from the data files in `crates/app/demo/` (see the README
//! there) through the same commands a user's data takes: the new workspace gets the
//! guidance's teams and escalation agreements as every workspace does, the register is
//! validated and saved record by record, and each crisis is opened, classified, written
//! and closed step by step, each step at its moment relative to now.

use crate::register::save;
use crate::{App, Error, Principal, Via};
use crisismap_core::crisis::{Answers, EntryKind, Transcription};
use crisismap_core::event::Actor;
use crisismap_core::register::{RawRecord, RecordId, RecordKind};
use crisismap_core::workspace::WorkspaceCommand;
use crisismap_core::{DisplayName, Email, Role, UserId, WorkspaceId, WorkspaceName};
use crisismap_store::NewCredential;
use jiff::{Span, Timestamp, Zoned, civil};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// Who works in the demo workspace: one account per role.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    #[serde(rename = "about")]
    _about: String,
    /// The workspace's name: the made-up municipality.
    pub name: String,
    /// The code of its safety region (`VR09`).
    pub region: String,
    /// Its accounts, one per role; the first is the administrator who creates the workspace.
    pub users: Vec<DemoUser>,
}

/// A demo account: every one has the demo password.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoUser {
    /// The account's e-mail address; the demo data names who acted by it.
    pub email: String,
    /// The name shown for the account.
    pub name: String,
    /// The account's role in the demo workspace.
    pub role: Role,
}

/// The demo workspace and its accounts (the first is the administrator who creates it).
pub static WORKSPACE: LazyLock<Workspace> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../demo/workspace.json"))
        .unwrap_or_else(|e| panic!("crates/app/demo/workspace.json: {e}"))
});

const REGISTER: &str = include_str!("../demo/register.json");
const CRISES: &str = include_str!("../demo/crises.json");
const EXERCISES: &str = include_str!("../demo/exercises.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Exercises {
    #[serde(rename = "about")]
    _about: String,
    by: String,
    plan: Vec<Item>,
    runs: Vec<Run>,
    improvements: Vec<Item>,
}

/// An exercise played from a built-in scenario's script.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Run {
    key: String,
    /// The built-in scenario's code.
    script: String,
    /// The key of the plan's exercise it holds.
    plan: String,
    start: String,
    auto_release: bool,
    observers: Vec<String>,
    steps: Vec<RunStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RunStep {
    at: String,
    by: String,
    #[serde(flatten)]
    what: RunWhat,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RunWhat {
    /// `run`, `pause` or `end`.
    ExerciseClock(String),
    /// The number of the inject control releases.
    Release(i64),
    /// An observation.
    Observe(Item),
    /// A player's entry (or, after the end, the evaluation's).
    Entry(Entry),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Register {
    saves: Vec<Save>,
}

/// Records of one kind: new ones (`records`) or changes to ones already there (`change`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Save {
    kind: RecordKind,
    #[serde(default)]
    records: Vec<Item>,
    #[serde(default)]
    change: Vec<Item>,
}

/// A record or entry as data: its key (how other items refer to it) and its fields.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    key: String,
    #[serde(default)]
    fields: BTreeMap<String, String>,
    #[serde(default)]
    groups: BTreeMap<String, Vec<BTreeMap<String, String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Crises {
    crises: Vec<Crisis>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Crisis {
    #[serde(rename = "key")]
    _key: String,
    /// When it started, relative to now (`-120d`).
    start: String,
    by: String,
    title: String,
    known: String,
    phase: String,
    exercise: bool,
    steps: Vec<Step>,
}

/// One thing that happened in a crisis: `at` is relative to its start, `by` an e-mail.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    at: String,
    by: String,
    #[serde(flatten)]
    what: What,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum What {
    Classify {
        answers: Answers,
        accept: bool,
        reason: String,
    },
    Phase {
        phase: String,
        reason: String,
    },
    Failing {
        nodes: Vec<String>,
        reason: String,
    },
    Close {
        reason: String,
    },
    Handover {
        coordinator: String,
        reason: String,
        #[serde(default)]
        transfers: Vec<DemoTransfer>,
        #[serde(default)]
        restoring: Vec<String>,
    },
    Entry(Entry),
    Change(Entry),
    Transcribe {
        kind: EntryKind,
        form: String,
        page: u32,
        written_by: String,
        rows: Vec<Item>,
    },
}

/// An open action handed to a line owner at the handover (`action` is a `$ref:`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoTransfer {
    action: String,
    owner: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    kind: EntryKind,
    key: String,
    #[serde(default)]
    fields: BTreeMap<String, String>,
    #[serde(default)]
    groups: BTreeMap<String, Vec<BTreeMap<String, String>>>,
}

/// What the data's values may refer to, and the moments they are relative to.
struct Context {
    now: Zoned,
    /// The start of the crisis being loaded.
    start: Option<Zoned>,
    keys: HashMap<String, RecordId>,
    users: HashMap<String, UserId>,
}

fn bad(what: impl std::fmt::Display) -> Error {
    Error::Internal(format!("demo data: {what}"))
}

fn span(text: &str) -> Result<Span, Error> {
    text.trim()
        .parse::<Span>()
        .map_err(|e| bad(format!("{text:?} is not a span: {e}")))
}

impl Context {
    fn today(&self) -> civil::Date {
        self.now.date()
    }

    /// This week's Monday.
    fn monday(&self) -> civil::Date {
        let today = self.today();
        today
            .checked_sub(Span::new().days(i64::from(today.weekday().to_monday_zero_offset())))
            .unwrap_or(today)
    }

    fn at(&self, relative: &str) -> Result<Zoned, Error> {
        let start = self
            .start
            .as_ref()
            .ok_or_else(|| bad("a moment outside a crisis"))?;
        start
            .checked_add(span(relative)?)
            .map_err(|e| bad(format!("{relative}: {e}")))
    }

    /// `<span> <HH:MM>` from `base`, as a local date and time.
    fn local(base: civil::Date, text: &str) -> Result<String, Error> {
        let (span_text, time) = text
            .rsplit_once(' ')
            .ok_or_else(|| bad(format!("{text:?}: expected a span and a time")))?;
        let date = base
            .checked_add(span(span_text)?)
            .map_err(|e| bad(format!("{text}: {e}")))?;
        let time: civil::Time = time.parse().map_err(|e| bad(format!("{text:?}: {e}")))?;
        Ok(format!("{date}T{}", time.strftime("%H:%M")))
    }

    /// A value as the data writes it, with its references and moments filled in.
    fn value(&self, text: &str) -> Result<String, Error> {
        let Some((token, arg)) = text.strip_prefix('$').and_then(|rest| rest.split_once(':'))
        else {
            return Ok(text.to_owned());
        };
        Ok(match token {
            "ref" => self
                .keys
                .get(arg)
                .ok_or_else(|| bad(format!("nothing has the key {arg:?} (yet)")))?
                .to_string(),
            "user" => self
                .users
                .get(arg)
                .ok_or_else(|| bad(format!("no demo account {arg:?}")))?
                .to_string(),
            "date" => self
                .today()
                .checked_add(span(arg)?)
                .map_err(|e| bad(format!("{arg}: {e}")))?
                .to_string(),
            "local" => Self::local(self.today(), arg)?,
            "monday" => Self::local(self.monday(), arg)?,
            "at" => crisismap_core::time::canonical(self.at(arg)?.timestamp()),
            "day" => self.at(arg)?.date().to_string(),
            "form" => format!("LB-{}", self.at(arg)?.strftime("%y%m%d%H%M")),
            _ => return Err(bad(format!("unknown value {text:?}"))),
        })
    }

    fn raw(
        &self,
        fields: &BTreeMap<String, String>,
        groups: &BTreeMap<String, Vec<BTreeMap<String, String>>>,
    ) -> Result<RawRecord, Error> {
        let row = |r: &BTreeMap<String, String>| -> Result<BTreeMap<String, String>, Error> {
            r.iter()
                .map(|(k, v)| Ok((k.clone(), self.value(v)?)))
                .collect()
        };
        Ok(RawRecord {
            fields: row(fields)?,
            groups: groups
                .iter()
                .map(|(g, rows)| Ok((g.clone(), rows.iter().map(row).collect::<Result<_, _>>()?)))
                .collect::<Result<_, Error>>()?,
        })
    }

    fn key(&mut self, key: &str, id: RecordId) -> Result<(), Error> {
        if self.keys.insert(key.to_owned(), id).is_some() {
            return Err(bad(format!("the key {key:?} is used twice")));
        }
        Ok(())
    }
}

/// Who does each step: the demo account the data names, or one principal for everything.
enum Actors {
    Each(HashMap<String, Principal>),
    One(Principal),
}

impl Actors {
    fn get(&self, email: &str) -> Result<&Principal, Error> {
        match self {
            Actors::Each(each) => each
                .get(email)
                .ok_or_else(|| bad(format!("no demo account {email:?}"))),
            Actors::One(one) => Ok(one),
        }
    }
}

const ORIGIN: &str = "demo";

/// Creates the demo workspace unless the database already has one, with every account's
/// password hash `password_hash`. Returns the workspace, and whether it was created now.
pub async fn seed(app: &App, password_hash: &str) -> Result<(WorkspaceId, bool), Error> {
    let store = app.store();
    let demo = &*WORKSPACE;
    if let Some(ws) = store
        .workspaces()
        .await?
        .into_iter()
        .find(|w| w.name == demo.name)
    {
        return Ok((ws.id, false));
    }
    let system = Actor::System("demo".into());
    let cred = || NewCredential {
        password_hash: password_hash.to_owned(),
        must_change: false,
    };
    let admin = demo.users.first().ok_or_else(|| bad("no accounts"))?;
    let (ws, _) = store
        .create_workspace(
            &WorkspaceName::parse(&demo.name).map_err(bad)?,
            Some(demo.region.clone()),
            &Email::parse(&admin.email).map_err(bad)?,
            &DisplayName::parse(&admin.name).map_err(bad)?,
            cred(),
            &system,
        )
        .await?;
    for user in &demo.users[1..] {
        store
            .handle_workspace_command(
                ws,
                &system,
                WorkspaceCommand::AddUser {
                    user_id: UserId::new(),
                    email: Email::parse(&user.email).map_err(bad)?,
                    display_name: DisplayName::parse(&user.name).map_err(bad)?,
                    role: user.role,
                },
                Some(cred()),
            )
            .await?;
    }
    let actors = Actors::Each(
        store
            .users(ws)
            .await?
            .into_iter()
            .map(|user| {
                (
                    user.email.clone(),
                    Principal {
                        user,
                        via: Via::Server,
                    },
                )
            })
            .collect(),
    );
    fill(app, ws, &admin.email, actors).await?;
    Ok((ws, true))
}

/// Loads the demo's register and crises into `by`'s workspace, every step done by `by`: for
/// tests and samples, in a workspace that has people of its own. References to demo
/// accounts that the workspace does not have point at `by`.
pub async fn fill_as(app: &App, by: &Principal) -> Result<(), Error> {
    let ws = by.user.workspace;
    fill(app, ws, "", Actors::One(by.clone())).await
}

async fn fill(app: &App, ws: WorkspaceId, admin: &str, actors: Actors) -> Result<(), Error> {
    let store = app.store();
    // What every new workspace starts with (as `crisismap init` gives it), unless it has it.
    let mut index = crate::register::Index::load(app, ws).await?;
    if index.live(RecordKind::Team).next().is_none() {
        crisismap_store::seed::seed_defaults(store, ws, &Actor::System("demo".into())).await?;
        index = crate::register::Index::load(app, ws).await?;
    }
    let users = store.users(ws).await?;
    let mut context = Context {
        now: app
            .now()
            .to_zoned(crisismap_core::time::amsterdam().clone()),
        start: None,
        keys: HashMap::new(),
        users: users.iter().map(|u| (u.email.clone(), u.id)).collect(),
    };
    if let Actors::One(one) = &actors {
        for user in &WORKSPACE.users {
            context
                .users
                .entry(user.email.clone())
                .or_insert(one.user.id);
        }
    }
    // The data names the guidance's teams by their standard.
    for team in index.live(RecordKind::Team) {
        if let Some(standard) = team.text("standard") {
            context.keys.entry(standard.to_owned()).or_insert(team.id);
        }
    }
    load_register(app, actors.get(admin)?, &mut context).await?;
    load_crises(app, &actors, &mut context).await?;
    load_exercises(app, &actors, &mut context).await
}

/// The learning goals and built-in scenarios taken over, the plan, the exercises played
/// (one held and evaluated, one running now) and what their lessons became.
async fn load_exercises(app: &App, actors: &Actors, context: &mut Context) -> Result<(), Error> {
    use crate::exercise;
    let data: Exercises = serde_json::from_str(EXERCISES).map_err(bad)?;
    let by = actors.get(&data.by)?;
    exercise::adopt_catalogue(app, by, ORIGIN).await?;
    let index = crate::register::Index::load(app, by.user.workspace).await?;
    for (i, goal) in exercise::catalogue().iter().enumerate() {
        let id = index
            .live(RecordKind::LearningGoal)
            .find(|r| r.title == goal.name)
            .map(|r| r.id)
            .ok_or_else(|| bad(format!("the goal {:?} was not taken over", goal.name)))?;
        context.key(&format!("goal:{}", i + 1), id)?;
    }
    for (code, _) in exercise::scenarios() {
        let id = exercise::adopt_scenario(app, by, ORIGIN, code).await?;
        context.key(&format!("script:{code}"), id)?;
    }
    for item in &data.plan {
        let raw = context.raw(&item.fields, &item.groups)?;
        let id = save(app, by, ORIGIN, RecordKind::Exercise, None, None, &raw)
            .await
            .map_err(|e| bad(format!("exercise {}: {e:?}", item.key)))?;
        context.key(&item.key, id)?;
    }
    for run in data.runs {
        let start = context.now.checked_add(span(&run.start)?).map_err(bad)?;
        context.start = Some(start.clone());
        let script = *context
            .keys
            .get(&format!("script:{}", run.script))
            .ok_or_else(|| bad(format!("no scenario {:?}", run.script)))?;
        let plan = context.keys.get(&run.plan).copied();
        let observers = run
            .observers
            .iter()
            .map(|e| actors.get(e).map(|p| p.user.id))
            .collect::<Result<Vec<_>, _>>()?;
        let crisis = exercise::start(
            app,
            by,
            ORIGIN,
            exercise::StartInput {
                script,
                plan,
                control: vec![],
                observers,
                auto_release: run.auto_release,
                started_at: Some(start.timestamp()),
            },
            crisismap_core::Lang::Nl,
        )
        .await
        .map_err(|e| bad(format!("exercise {}: {e:?}", run.key)))?;
        let injects = exercise::injects(app, by.user.workspace, crisis).await?;
        for step in run.steps {
            let who = actors.get(&step.by)?;
            let at = context.at(&step.at)?.timestamp();
            let done = match step.what {
                RunWhat::ExerciseClock(action) => {
                    let action = match action.as_str() {
                        "run" => exercise::ClockAction::Run,
                        "pause" => exercise::ClockAction::Pause,
                        "end" => exercise::ClockAction::End,
                        other => return Err(bad(format!("no clock button {other:?}"))),
                    };
                    exercise::clock_at(app, who, crisis, action, at).await
                }
                RunWhat::Release(number) => {
                    let inject = injects
                        .iter()
                        .find(|e| e.data.get("number").and_then(|n| n.as_i64()) == Some(number))
                        .ok_or_else(|| bad(format!("no inject {number} in {}", run.key)))?;
                    exercise::release_at(app, who, crisis, inject.id, at)
                        .await
                        .map(|_| ())
                }
                RunWhat::Observe(item) => {
                    let mut raw = context.raw(&item.fields, &item.groups)?;
                    raw.fields
                        .insert("observed_at".into(), crisismap_core::time::canonical(at));
                    let id = exercise::observe(app, who, crisis, &raw).await?;
                    context.key(&item.key, id)
                }
                RunWhat::Entry(entry) => {
                    // Loaded as one account (the tests), control would be playing: its
                    // players' entries are left out.
                    let staff = exercise::staff_of(app, who.user.workspace, crisis, who.user.id)
                        .await?
                        .is_some();
                    let evaluating =
                        matches!(entry.kind, EntryKind::Finding | EntryKind::Evaluation);
                    let one = matches!(actors, Actors::One(_));
                    if one && staff && !evaluating {
                        continue;
                    }
                    let mut entry = entry;
                    if one {
                        // What it cites of the players' entries left out goes too.
                        entry.fields.retain(|_, v| {
                            v.strip_prefix("$ref:")
                                .is_none_or(|k| context.keys.contains_key(k))
                        });
                    }
                    run_step(app, who, crisis, at, What::Entry(entry), context).await
                }
            };
            done.map_err(|e| bad(format!("exercise {} at {}: {e:?}", run.key, step.at)))?;
        }
    }
    context.start = None;
    for item in &data.improvements {
        let raw = context.raw(&item.fields, &item.groups)?;
        let id = save(app, by, ORIGIN, RecordKind::Improvement, None, None, &raw)
            .await
            .map_err(|e| bad(format!("improvement {}: {e:?}", item.key)))?;
        context.key(&item.key, id)?;
    }
    Ok(())
}

async fn load_register(app: &App, by: &Principal, context: &mut Context) -> Result<(), Error> {
    let register: Register = serde_json::from_str(REGISTER).map_err(bad)?;
    for batch in register.saves {
        for item in &batch.records {
            let raw = context.raw(&item.fields, &item.groups)?;
            let id = save(app, by, ORIGIN, batch.kind, None, None, &raw)
                .await
                .map_err(|e| bad(format!("{} {}: {e:?}", batch.kind, item.key)))?;
            context.key(&item.key, id)?;
        }
        for item in &batch.change {
            let id = *context
                .keys
                .get(&item.key)
                .ok_or_else(|| bad(format!("nothing has the key {:?}", item.key)))?;
            let raw = context.raw(&item.fields, &item.groups)?;
            save(app, by, ORIGIN, batch.kind, Some(id), None, &raw)
                .await
                .map_err(|e| bad(format!("{} {}: {e:?}", batch.kind, item.key)))?;
        }
    }
    Ok(())
}

async fn load_crises(app: &App, actors: &Actors, context: &mut Context) -> Result<(), Error> {
    let crises: Crises = serde_json::from_str(CRISES).map_err(bad)?;
    for crisis in crises.crises {
        let start = context.now.checked_add(span(&crisis.start)?).map_err(bad)?;
        context.start = Some(start.clone());
        let by = actors.get(&crisis.by)?;
        let input = crate::crisis::OpenInput {
            title: crisis.title,
            known: crisis.known,
            started_at: crisismap_core::time::canonical(start.timestamp()),
            phase: crisis.phase,
            exercise: crisis.exercise,
        };
        let id = crate::crisis::open(app, by, ORIGIN, &input, crisismap_core::Lang::Nl).await?;
        for step in crisis.steps {
            let by = actors.get(&step.by)?;
            let at = context.at(&step.at)?.timestamp();
            run_step(app, by, id, at, step.what, context)
                .await
                .map_err(|e| bad(format!("crisis {:?} at {}: {e:?}", input.title, step.at)))?;
        }
    }
    context.start = None;
    Ok(())
}

async fn run_step(
    app: &App,
    by: &Principal,
    crisis: crisismap_core::StreamId,
    at: Timestamp,
    what: What,
    context: &mut Context,
) -> Result<(), Error> {
    use crate::crisis::{change_command, classify_command, command, failing_command};
    let moment = Some(crisismap_core::crisis::Occurrence {
        at,
        background: false,
    });
    match what {
        What::Classify {
            answers,
            accept,
            reason,
        } => {
            let room = crate::crisis::Room::load(app, by.user.workspace, crisis).await?;
            let c = classify_command(&room, answers, accept, "", "", &reason);
            command(app, by, crisis, c, moment).await
        }
        What::Phase { phase, reason } => {
            command(
                app,
                by,
                crisis,
                change_command("phase", &phase, &reason)?,
                moment,
            )
            .await
        }
        What::Failing { nodes, reason } => {
            let nodes = nodes
                .iter()
                .map(|n| context.value(n))
                .collect::<Result<Vec<_>, _>>()?;
            let c = failing_command(app, by, nodes, &reason).await?;
            command(app, by, crisis, c, moment).await
        }
        What::Handover {
            coordinator,
            reason,
            transfers,
            restoring,
        } => {
            let input = crate::crisis::HandoverInput {
                coordinator,
                reason,
                transfers: transfers
                    .iter()
                    .map(|t| {
                        Ok(crate::crisis::TransferInput {
                            action: context.value(&t.action)?,
                            owner: t.owner.clone(),
                        })
                    })
                    .collect::<Result<_, Error>>()?,
                restoring: restoring
                    .iter()
                    .map(|r| context.value(r))
                    .collect::<Result<_, _>>()?,
            };
            crate::crisis::hand_over(app, by, crisis, &input, moment).await
        }
        What::Close { reason } => {
            let c = crisismap_core::crisis::CrisisCommand::Close { reason };
            command(app, by, crisis, c, moment).await
        }
        What::Entry(entry) => {
            let raw = context.raw(&entry.fields, &entry.groups)?;
            let id =
                crate::crisis::save_entry(app, by, crisis, entry.kind, None, None, &raw, Some(at))
                    .await?;
            context.key(&entry.key, id)
        }
        What::Change(entry) => {
            let id = *context
                .keys
                .get(&entry.key)
                .ok_or_else(|| bad(format!("nothing has the key {:?}", entry.key)))?;
            let raw = context.raw(&entry.fields, &entry.groups)?;
            crate::crisis::save_entry(app, by, crisis, entry.kind, Some(id), None, &raw, Some(at))
                .await
                .map(|_| ())
        }
        What::Transcribe {
            kind,
            form,
            page,
            written_by,
            rows,
        } => {
            let sheet = Transcription {
                form: context.value(&form)?,
                page,
                written_by,
            };
            let raws = rows
                .iter()
                .map(|r| context.raw(&r.fields, &r.groups))
                .collect::<Result<Vec<_>, _>>()?;
            let ids = crate::crisis::transcribe(app, by, crisis, kind, sheet, &raws).await?;
            for (row, id) in rows.iter().zip(ids) {
                context.key(&row.key, id)?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PasswordCost;
    use crate::crisis::Room;
    use crisismap_core::clock::ManualClock;
    use crisismap_store::{OpenMode, Store};
    use crisismap_testing::TestDb;
    use std::sync::Arc;

    #[test]
    fn the_data_files_read() {
        assert_eq!(WORKSPACE.users[0].role, Role::Admin);
        let register: Register = serde_json::from_str(REGISTER).expect("register.json");
        assert!(register.saves.len() > 5);
        let crises: Crises = serde_json::from_str(CRISES).expect("crises.json");
        assert_eq!(crises.crises.len(), 2);
    }

    /// A new demo: its people, its register and its two crises, through the commands a
    /// user's data takes; started again, it keeps what is there.
    #[tokio::test]
    async fn the_demo_municipality_loads_from_its_data_on_each_engine() {
        for db in TestDb::all().await {
            let clock = Arc::new(ManualClock::new(
                "2026-12-09T09:00:00Z".parse().expect("moment"),
            ));
            let store = Store::open(&db.location, OpenMode::CreateIfMissing, clock)
                .await
                .expect("store");
            let app = App::new(store, PasswordCost::Fast);
            let (ws, created) = seed(&app, "a hash").await.expect("the demo loads");
            assert!(created, "{}", db.name);

            let users = app.store().users(ws).await.expect("users");
            assert_eq!(users.len(), WORKSPACE.users.len());
            let mayor = users
                .iter()
                .find(|u| u.email == "burgemeester@voorbeeld.nl")
                .expect("the mayor");
            assert_eq!(mayor.role, Role::Member);

            let index = crate::register::Index::load(&app, ws)
                .await
                .expect("register");
            let count = |kind| index.live(kind).count();
            assert_eq!(count(RecordKind::Team), 3, "the guidance's three teams");
            assert_eq!(count(RecordKind::Contact), 15);
            assert_eq!(count(RecordKind::Roster), 3);
            assert_eq!(count(RecordKind::Process), 7);
            let calamity = index
                .live(RecordKind::Team)
                .find(|t| t.text("standard") == Some("calamity_team"))
                .expect("the calamity team");
            assert!(
                calamity
                    .data
                    .get("members")
                    .is_some_and(|m| m.as_array().is_some_and(|m| !m.is_empty())),
                "the demo gives the teams their members: {:?}",
                calamity.data
            );

            let crises = app.store().crises(ws).await.expect("crises");
            assert_eq!(
                crises.len(),
                4,
                "two crises and two exercises played from scripts"
            );
            let past = crises
                .iter()
                .find(|c| c.state.closed && !c.state.exercise)
                .expect("a closed crisis");
            let exercise = crises
                .iter()
                .find(|c| !c.state.closed && c.state.exercise && c.state.exercise_run.is_none())
                .expect("the exercise of the bridge control");
            let room = Room::load(&app, ws, past.id).await.expect("the room");
            let logs = app
                .store()
                .entries(ws, past.id, &[EntryKind::Log])
                .await
                .expect("the log");
            assert_eq!(
                logs.iter().filter(|e| e.transcribed.is_some()).count(),
                4,
                "the log kept on paper during the outage, typed back in"
            );
            assert!(
                room.of(EntryKind::Decision)
                    .any(|d| d.title.contains("We betalen geen losgeld"))
            );
            assert!(
                room.of(EntryKind::Dilemma).count() > 1,
                "the guidance's dilemmas and the crisis's own"
            );
            let started: Timestamp = past.state.started_at.parse().expect("start");
            assert_eq!(
                started,
                "2026-08-11T08:00:00Z".parse::<Timestamp>().expect("moment"),
                "120 days before now, at the same time of day in Amsterdam (summer time then)"
            );
            let drill = Room::load(&app, ws, exercise.id)
                .await
                .expect("the exercise");
            assert!(!drill.state().failing.is_empty(), "the supplier is down");

            // Oefenen: the catalogue, the five scenarios as scripts, the plan of this year and
            // next, one exercise held and evaluated, one running that releases by itself.
            assert_eq!(count(RecordKind::LearningGoal), 28);
            assert_eq!(count(RecordKind::ExerciseScript), 5);
            assert_eq!(count(RecordKind::Exercise), 6);
            let runs: Vec<_> = crises
                .iter()
                .filter_map(|c| c.state.exercise_run.as_ref().map(|r| (c, r)))
                .collect();
            let (held, held_run) = runs
                .iter()
                .find(|(_, r)| r.ended_at.is_some())
                .expect("a held exercise");
            let (running, running_run) = runs
                .iter()
                .find(|(_, r)| r.running())
                .expect("a running exercise");
            assert!(running_run.auto_release);
            let observations = crate::exercise::observations(&app, ws, held.id)
                .await
                .expect("observations");
            assert_eq!(observations.len(), 3);
            let injects = crate::exercise::injects(&app, ws, held.id)
                .await
                .expect("injects");
            let record = app
                .store()
                .entries(
                    ws,
                    held.id,
                    &[EntryKind::Log, EntryKind::Decision, EntryKind::Action],
                )
                .await
                .expect("record");
            let first = injects
                .iter()
                .find(|i| i.data.get("number") == Some(&serde_json::json!(1)))
                .expect("inject 1");
            let released = first.moment("released_at").expect("released");
            let (_, minutes) =
                crisismap_core::crisis::exercise::first_response(held_run, released, &record)
                    .expect("the players answered");
            assert_eq!(
                minutes, 6,
                "the first log line came six minutes after the inject"
            );
            let running_injects = crate::exercise::injects(&app, ws, running.id)
                .await
                .expect("injects");
            assert!(
                !crisismap_core::crisis::exercise::due_for_release(
                    running_run,
                    &running_injects,
                    app.now()
                )
                .is_empty(),
                "the running exercise has injects due, for the server to release as the demo runs"
            );

            let (again, created) = seed(&app, "a hash").await.expect("again");
            assert_eq!((again, created), (ws, false), "an existing demo is kept");
        }
    }
}
