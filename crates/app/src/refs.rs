//! Validating a record against only what it refers to.
//!
//! A schema's validation asks a [`RefLookup`] whether each referenced record, entry or user
//! exists. Loading the whole register, every user and every entry of the crisis to answer the
//! two or three questions one new log entry asks made each write cost as much as a page of the
//! crisis room, and more as the crisis grew. Here validation runs twice instead: first against
//! `Asked`, which answers yes to every question and writes down the ids it was asked about;
//! then, once exactly those rows are read, against `Found`, which gives the real answers.
//! The first pass asks at least every question the second can ask, since a yes never skips a
//! check that a no would make.

use crate::{App, Error};
use crisismap_core::crisis::EntryKind;
use crisismap_core::register::schema::Schema;
use crisismap_core::register::{
    FieldIssue, RawRecord, Record, RecordId, RecordKind, RefLookup, Validated,
};
use crisismap_core::{StreamId, UserId, WorkspaceId};
use crisismap_store::{Entry, StoreError, UserRecord};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

/// Above this many distinct references, the rows are read in three bulk queries instead of
/// one query each (a meeting's attendance list with a hundred names, a hostile form).
const ONE_BY_ONE: usize = 32;

/// The ids the first pass was asked about.
#[derive(Default)]
struct Asked {
    records: RefCell<BTreeSet<RecordId>>,
    entries: RefCell<BTreeSet<RecordId>>,
    users: RefCell<BTreeSet<UserId>>,
}

impl RefLookup for Asked {
    fn exists(&self, _kind: RecordKind, id: RecordId) -> bool {
        self.records.borrow_mut().insert(id);
        true
    }

    fn exists_any(&self, id: RecordId) -> bool {
        self.records.borrow_mut().insert(id);
        true
    }

    fn exists_entry(&self, _kind: EntryKind, id: RecordId) -> bool {
        self.entries.borrow_mut().insert(id);
        true
    }

    fn exists_user(&self, id: UserId) -> bool {
        self.users.borrow_mut().insert(id);
        true
    }
}

/// The rows behind the ids that were asked about: register records of the workspace, entries
/// of this crisis, users of the workspace. What is missing does not exist.
#[derive(Default)]
struct Found {
    records: HashMap<RecordId, Record>,
    entries: HashMap<RecordId, Entry>,
    users: HashMap<UserId, UserRecord>,
}

impl RefLookup for Found {
    fn exists(&self, kind: RecordKind, id: RecordId) -> bool {
        self.records
            .get(&id)
            .is_some_and(|r| r.kind == kind && !r.archived)
    }

    fn exists_any(&self, id: RecordId) -> bool {
        self.records.get(&id).is_some_and(|r| !r.archived)
    }

    fn exists_entry(&self, kind: EntryKind, id: RecordId) -> bool {
        self.entries.get(&id).is_some_and(|e| e.kind == kind)
    }

    fn exists_user(&self, id: UserId) -> bool {
        self.users.get(&id).is_some_and(|u| !u.disabled)
    }
}

/// A row that is not there is an answer (no), not an error.
fn absent_is_none<T>(r: Result<T, StoreError>) -> Result<Option<T>, Error> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Validates `raw` against `schema`, reading only the records, entries (of `crisis`) and users
/// it refers to. Entries are looked up only when a crisis is given.
pub async fn validate(
    app: &App,
    ws: WorkspaceId,
    crisis: Option<StreamId>,
    schema: &Schema,
    raw: &RawRecord,
) -> Result<Result<Validated, Vec<FieldIssue>>, Error> {
    let asked = Asked::default();
    // The first pass's verdict does not matter: only its questions do. A record without any
    // reference is done here, its first verdict being the real one.
    let first = schema.validate(raw, &asked);
    let Asked {
        records,
        entries,
        users,
    } = asked;
    let (records, entries, users) = (
        records.into_inner(),
        entries.into_inner(),
        users.into_inner(),
    );
    if records.is_empty() && entries.is_empty() && users.is_empty() {
        return Ok(first);
    }
    let store = app.store();
    let mut found = Found::default();
    if records.len() + entries.len() + users.len() > ONE_BY_ONE {
        found.records = store
            .all_records(ws)
            .await?
            .into_iter()
            .filter(|r| records.contains(&r.id))
            .map(|r| (r.id, r))
            .collect();
        if let Some(crisis) = crisis.filter(|_| !entries.is_empty()) {
            found.entries = store
                .entries(ws, crisis, &EntryKind::ALL)
                .await?
                .into_iter()
                .filter(|e| entries.contains(&e.id))
                .map(|e| (e.id, e))
                .collect();
        }
        found.users = store
            .users(ws)
            .await?
            .into_iter()
            .filter(|u| users.contains(&u.id))
            .map(|u| (u.id, u))
            .collect();
    } else {
        for id in records {
            if let Some(r) = absent_is_none(store.record(ws, id).await)? {
                found.records.insert(id, r);
            }
        }
        if let Some(crisis) = crisis {
            for id in entries {
                if let Some(e) = absent_is_none(store.entry(ws, crisis, id).await)? {
                    found.entries.insert(id, e);
                }
            }
        }
        for id in users {
            if let Some(u) = absent_is_none(store.user_in(ws, id).await)? {
                found.users.insert(id, u);
            }
        }
    }
    Ok(schema.validate(raw, &found))
}
