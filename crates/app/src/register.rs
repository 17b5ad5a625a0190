//! The preparation register: the index of a workspace's records that references, pages and
//! derived views read, and the commands that save and archive a record.

use crate::{App, Error, FieldError, Principal, audit};
use crisismap_core::WorkspaceId;
use crisismap_core::register::graph::RegisterGraph;
use crisismap_core::register::{RawRecord, Record, RecordId, RecordKind, RefLookup, RegisterError};
use crisismap_store::{RecordChange, StoreError};
use std::collections::HashMap;

/// Which way a process moves in the restore order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// One place earlier: restored sooner.
    Up,
    /// One place later: restored later.
    Down,
}

/// Moves a process one place up or down in the restore order and renumbers the order 1..n.
/// Every process whose number changes is checked again by its schema, and all are saved in
/// one transaction (a stale one refuses them all).
pub async fn move_process(
    app: &App,
    by: &Principal,
    origin: &str,
    id: RecordId,
    direction: Move,
) -> Result<(), Error> {
    let ws = by.user.workspace;
    let index = Index::load(app, ws).await?;
    let mut processes = index.processes_in_restore_order();
    let pos = processes
        .iter()
        .position(|r| r.id == id)
        .ok_or(Error::NotFound)?;
    let other = match direction {
        Move::Up if pos > 0 => pos - 1,
        Move::Down if pos + 1 < processes.len() => pos + 1,
        Move::Up | Move::Down => pos,
    };
    processes.swap(pos, other);
    let schema = RecordKind::Process.schema();
    let mut changes = vec![];
    for (i, r) in processes.iter().enumerate() {
        let number = i as i64 + 1;
        if r.data.get("restore_priority").and_then(|v| v.as_i64()) == Some(number) {
            continue;
        }
        let mut raw = RawRecord::from_data(schema, &r.data);
        raw.fields
            .insert("restore_priority".into(), number.to_string());
        let record = crate::refs::validate(app, ws, None, schema, &raw)
            .await?
            .map_err(issues_to_fields)?;
        changes.push(RecordChange {
            kind: RecordKind::Process,
            id: Some(r.id),
            expected_rev: Some(r.rev),
            record,
        });
    }
    if !changes.is_empty() {
        save_all(
            app,
            by,
            origin,
            "restore_order",
            &format!("{}:{id}", RecordKind::Process),
            changes,
        )
        .await?;
    }
    Ok(())
}

/// All records of a workspace, indexed, for references and derived views.
pub struct Index {
    /// Every record of the workspace, archived ones included (references to them stay readable).
    pub records: Vec<Record>,
    by_id: HashMap<RecordId, usize>,
}

impl Index {
    /// Reads every record of a workspace.
    pub async fn load(app: &App, ws: WorkspaceId) -> Result<Index, Error> {
        let records = app.store().all_records(ws).await?;
        let by_id = records.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        Ok(Index { records, by_id })
    }

    /// The live processes in the register's restore order: by restore priority (those
    /// without one last), then by name.
    pub fn processes_in_restore_order(&self) -> Vec<&Record> {
        let mut processes: Vec<&Record> = self.live(RecordKind::Process).collect();
        processes.sort_by_key(|r| {
            (
                r.data
                    .get("restore_priority")
                    .and_then(|v| v.as_i64())
                    .unwrap_or(i64::MAX),
                r.title.to_lowercase(),
            )
        });
        processes
    }

    /// A record of any kind by id, archived or not.
    pub fn get(&self, id: RecordId) -> Option<&Record> {
        self.by_id.get(&id).map(|i| &self.records[*i])
    }

    /// The records of a kind that are not archived.
    pub fn live(&self, kind: RecordKind) -> impl Iterator<Item = &Record> {
        self.records
            .iter()
            .filter(move |r| r.kind == kind && !r.archived)
    }

    /// Typed views of the live records of a kind.
    pub fn views<T: serde::de::DeserializeOwned>(&self, kind: RecordKind) -> Vec<(RecordId, T)> {
        self.live(kind)
            .filter_map(|r| r.view().map(|v| (r.id, v)))
            .collect()
    }

    /// A record's title (its name), by id.
    pub fn title(&self, id: RecordId) -> Option<&str> {
        self.get(id).map(|r| r.title.as_str())
    }

    /// The live records the readiness checklist is judged on.
    pub fn evidence(&self) -> crisismap_core::register::readiness::Evidence {
        crisismap_core::register::readiness::Evidence {
            rosters: self.views(RecordKind::Roster),
            teams: self.views(RecordKind::Team),
            organisations: self.views(RecordKind::Organisation),
            escalations: self.views(RecordKind::Escalation),
            processes: self.views(RecordKind::Process),
            meetings: self.views(RecordKind::Meeting),
            plans: self.views(RecordKind::Plan),
            readiness: self.views(RecordKind::Readiness),
            improvements: self.views(RecordKind::Improvement),
            exercises: self.views(RecordKind::Exercise),
        }
    }
}

impl RefLookup for Index {
    fn exists(&self, kind: RecordKind, id: RecordId) -> bool {
        self.get(id).is_some_and(|r| r.kind == kind && !r.archived)
    }

    fn exists_any(&self, id: RecordId) -> bool {
        self.get(id).is_some_and(|r| !r.archived)
    }
}

/// Validates and saves one record: the command behind both the form and the API.
pub async fn save(
    app: &App,
    by: &Principal,
    origin: &str,
    kind: RecordKind,
    id: Option<RecordId>,
    expected_rev: Option<i64>,
    raw: &RawRecord,
) -> Result<RecordId, Error> {
    let ws = by.user.workspace;
    let index = Index::load(app, ws).await?;
    if let Some(id) = id
        && index.get(id).is_none_or(|r| r.kind != kind)
    {
        return Err(Error::NotFound);
    }
    let schema = kind.schema();
    let validated = schema.validate(raw, &index).map_err(issues_to_fields)?;
    let change = RecordChange {
        kind,
        id,
        expected_rev,
        record: validated,
    };
    let saved = app
        .store()
        .save_records(ws, &by.actor(), vec![change])
        .await;
    let id = match saved {
        Ok(ids) => ids
            .into_iter()
            .next()
            .ok_or(Error::Internal("nothing saved".into()))?,
        Err(e) => return Err(register_error(e, schema.title)),
    };
    audit(app, audit_record(by, origin, "record_save", kind, id)).await;
    Ok(id)
}

/// Validation issues as the field errors both doors report.
pub fn issues_to_fields(issues: Vec<crisismap_core::register::FieldIssue>) -> Error {
    Error::Invalid(issues_to_field_errors(issues))
}

/// Validation issues as field errors, one each; the doors add the messages.
pub fn issues_to_field_errors(
    issues: Vec<crisismap_core::register::FieldIssue>,
) -> Vec<FieldError> {
    issues
        .into_iter()
        .map(|i| FieldError {
            field: i.field,
            code: i.code.to_owned(),
            message: String::new(),
        })
        .collect()
}

/// A store error from a register command as the doors report it; a name already taken is
/// reported on the field `title_field`.
pub fn register_error(e: StoreError, title_field: &str) -> Error {
    match e {
        StoreError::Register(RegisterError::NameTaken) => Error::field(title_field, "name_taken"),
        StoreError::Register(RegisterError::Stale { .. }) => Error::StaleRevision,
        StoreError::Register(RegisterError::NotFound) => Error::NotFound,
        other => other.into(),
    }
}

/// The audit line of a successful command on one register record.
pub fn audit_record(
    by: &Principal,
    origin: &str,
    action: &str,
    kind: RecordKind,
    id: RecordId,
) -> crisismap_store::AuditRecord {
    crisismap_store::AuditRecord {
        workspace: Some(by.user.workspace),
        actor: format!("user:{}", by.user.id),
        action: action.to_owned(),
        object: format!("{kind}:{id}"),
        result: "ok".to_owned(),
        origin: origin.to_owned(),
    }
}

/// Saves several validated records in one transaction (an import, a new restore order):
/// all or none. `action` and `object` name it in the audit log.
pub async fn save_all(
    app: &App,
    by: &Principal,
    origin: &str,
    action: &str,
    object: &str,
    changes: Vec<RecordChange>,
) -> Result<Vec<RecordId>, Error> {
    let ids = app
        .store()
        .save_records(by.user.workspace, &by.actor(), changes)
        .await
        .map_err(|e| register_error(e, "name"))?;
    audit(
        app,
        crisismap_store::AuditRecord {
            workspace: Some(by.user.workspace),
            actor: by.audit_actor(),
            action: action.to_owned(),
            object: object.to_owned(),
            result: "ok".to_owned(),
            origin: origin.to_owned(),
        },
    )
    .await;
    Ok(ids)
}

/// Archives one record: the command behind both doors.
pub async fn archive(
    app: &App,
    by: &Principal,
    origin: &str,
    kind: RecordKind,
    id: RecordId,
    expected_rev: Option<i64>,
) -> Result<(), Error> {
    let ws = by.user.workspace;
    let record = app.store().record(ws, id).await?;
    if record.kind != kind {
        return Err(Error::NotFound);
    }
    app.store()
        .archive_record(ws, &by.actor(), kind, id, expected_rev)
        .await
        .map_err(|e| register_error(e, kind.schema().title))?;
    audit(app, audit_record(by, origin, "record_archive", kind, id)).await;
    Ok(())
}

/// The dependency graph of the register (organisations, processes, systems and who depends
/// on whom), for the cascade.
pub fn graph_of(index: &Index) -> Result<RegisterGraph, Error> {
    RegisterGraph::build(&index.records).map_err(|e| Error::Internal(e.to_string()))
}
