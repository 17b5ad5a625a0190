//! The preparation register on the web: one set of generic pages and API endpoints driven by
//! each kind's schema, plus the pages that need more than a list (readiness, on-call, the
//! restore order, escalation flow, import and export, calendar feeds).

pub mod api;
pub(crate) mod cascade;
pub(crate) mod display;
mod extras;
pub(crate) mod form;
mod pages;
mod risk_io;

pub use pages::router;
pub(crate) use pages::{decode_form, form_pairs};

use crate::AppState;
use crate::auth::{Principal, audit};
use crate::error::{AppError, FieldError};
use crisismap_core::WorkspaceId;
use crisismap_core::register::{RawRecord, Record, RecordId, RecordKind, RefLookup, RegisterError};
use crisismap_store::{RecordChange, StoreError};
use std::collections::HashMap;

/// Resolves references for forms and pages: register records always; crisis entries and
/// users where the page knows them (the crisis room).
pub trait Refs {
    fn index(&self) -> &Index;

    /// (id, label) of the entries of a kind that a field may point at.
    fn entry_options(&self, kind: crisismap_core::crisis::EntryKind) -> Vec<(String, String)> {
        let _ = kind;
        vec![]
    }

    /// (label, href) of one entry.
    fn entry_label(
        &self,
        kind: crisismap_core::crisis::EntryKind,
        id: RecordId,
    ) -> Option<(String, String)> {
        let _ = (kind, id);
        None
    }

    /// (id, name) of the workspace's enabled users.
    fn user_options(&self) -> Vec<(String, String)> {
        vec![]
    }

    fn user_name(&self, id: crisismap_core::UserId) -> Option<String> {
        let _ = id;
        None
    }
}

impl Refs for Index {
    fn index(&self) -> &Index {
        self
    }
}

/// All records of a workspace, indexed, for references and derived views.
pub struct Index {
    pub records: Vec<Record>,
    by_id: HashMap<RecordId, usize>,
}

impl Index {
    pub async fn load(state: &AppState, ws: WorkspaceId) -> Result<Index, AppError> {
        let records = state.store().all_records(ws).await?;
        let by_id = records.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        Ok(Index { records, by_id })
    }

    pub fn get(&self, id: RecordId) -> Option<&Record> {
        self.by_id.get(&id).map(|i| &self.records[*i])
    }

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

    pub fn title(&self, id: RecordId) -> Option<&str> {
        self.get(id).map(|r| r.title.as_str())
    }

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
    state: &AppState,
    by: &Principal,
    origin: &str,
    kind: RecordKind,
    id: Option<RecordId>,
    expected_rev: Option<i64>,
    raw: &RawRecord,
) -> Result<RecordId, AppError> {
    let ws = by.user.workspace;
    let index = Index::load(state, ws).await?;
    if let Some(id) = id
        && index.get(id).is_none_or(|r| r.kind != kind)
    {
        return Err(AppError::NotFound);
    }
    let schema = kind.schema();
    let validated = schema.validate(raw, &index).map_err(issues_to_fields)?;
    let change = RecordChange {
        kind,
        id,
        expected_rev,
        record: validated,
    };
    let saved = state
        .store()
        .save_records(ws, &by.actor(), vec![change])
        .await;
    let id = match saved {
        Ok(ids) => ids
            .into_iter()
            .next()
            .ok_or(AppError::Internal("nothing saved".into()))?,
        Err(e) => return Err(register_error(e, schema.title)),
    };
    audit(state, audit_record(by, origin, "record_save", kind, id)).await;
    Ok(id)
}

/// The bytes of the uploaded file in form field `name` (empty when none was sent).
pub(crate) async fn read_upload(
    multipart: &mut axum::extract::Multipart,
    name: &str,
) -> Result<axum::body::Bytes, AppError> {
    let mut bytes = axum::body::Bytes::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| AppError::BadRequest(e.to_string()))?
    {
        if field.name() == Some(name) {
            bytes = field
                .bytes()
                .await
                .map_err(|e| AppError::BadRequest(e.to_string()))?;
        }
    }
    Ok(bytes)
}

/// Validation issues as the field errors both doors report.
pub(crate) fn issues_to_fields(issues: Vec<crisismap_core::register::FieldIssue>) -> AppError {
    AppError::Invalid(issues_to_field_errors(issues))
}

pub(crate) fn issues_to_field_errors(
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

pub fn register_error(e: StoreError, title_field: &str) -> AppError {
    match e {
        StoreError::Register(RegisterError::NameTaken) => AppError::Invalid(vec![FieldError {
            field: title_field.to_owned(),
            code: "name_taken".into(),
            message: String::new(),
        }]),
        StoreError::Register(RegisterError::Stale { .. }) => {
            AppError::Conflict("stale_revision".into())
        }
        StoreError::Register(RegisterError::NotFound) => AppError::NotFound,
        other => other.into(),
    }
}

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

/// Archives one record: the command behind both doors.
pub async fn archive(
    state: &AppState,
    by: &Principal,
    origin: &str,
    kind: RecordKind,
    id: RecordId,
    expected_rev: Option<i64>,
) -> Result<(), AppError> {
    let ws = by.user.workspace;
    let record = state.store().record(ws, id).await?;
    if record.kind != kind {
        return Err(AppError::NotFound);
    }
    state
        .store()
        .archive_record(ws, &by.actor(), kind, id, expected_rev)
        .await
        .map_err(|e| register_error(e, kind.schema().title))?;
    audit(state, audit_record(by, origin, "record_archive", kind, id)).await;
    Ok(())
}

/// What the dashboard shows of the register.
pub struct DashboardRegister {
    /// Who is reachable now, per duty.
    pub oncall: Vec<crate::pages::dashboard::OnCallRow>,
    /// Per phase: (title, items in order, items).
    pub readiness: Vec<(&'static str, usize, usize)>,
    pub due: Vec<crate::pages::dashboard::Due>,
    /// Meetings of the coming six weeks.
    pub upcoming: Vec<crate::pages::dashboard::Due>,
}

pub fn dashboard(
    index: &Index,
    now: jiff::Timestamp,
    review_months: i64,
    tr: crate::i18n::Tr,
) -> DashboardRegister {
    use crate::pages::dashboard::{Due, OnCallRow};
    use crisismap_core::register::readiness::scores;
    use crisismap_core::register::views::{ContactView, MeetingView, RosterView};
    use crisismap_core::time::local_display;
    use display::{phone_display, record_href};

    let oncall = index
        .views::<RosterView>(RecordKind::Roster)
        .into_iter()
        .map(|(id, r)| {
            let duty = r.on_duty(now);
            let contact = duty.as_ref().and_then(|d| index.get(d.person));
            let view = contact.and_then(|c| c.view::<ContactView>());
            OnCallRow {
                href: record_href(RecordKind::Roster, id),
                duty: tr.t(&format!("c.duty.{}", r.duty)),
                person: view.as_ref().map(|c| c.name.clone()),
                person_href: contact.map(|c| record_href(RecordKind::Contact, c.id)),
                phones: view
                    .map(|c| {
                        c.phones
                            .iter()
                            .map(|p| (format!("tel:{}", p.number), phone_display(&p.number)))
                            .collect()
                    })
                    .unwrap_or_default(),
                until: duty
                    .as_ref()
                    .map(|d| local_display(d.until))
                    .unwrap_or_default(),
                stand_in: duty.as_ref().is_some_and(|d| d.stand_in),
                gap: r
                    .first_gap(now, crisismap_core::register::oncall::coming_week(now))
                    .map(|(from, _)| local_display(from)),
                roster: r.name,
            }
        })
        .collect();

    let readiness = scores(&index.evidence().assess(now))
        .into_iter()
        .map(|(phase, done, total)| {
            (
                tr.t(&format!("readiness.phase.{}", phase.code())),
                done,
                total,
            )
        })
        .collect();

    let mut due = vec![];
    for kind in [
        RecordKind::Contact,
        RecordKind::Roster,
        RecordKind::Plan,
        RecordKind::Organisation,
        RecordKind::Meeting,
    ] {
        let flagged = index
            .live(kind)
            .filter(|r| !extras::flags(kind, r, now, review_months, tr).is_empty())
            .count();
        if flagged > 0 {
            due.push(Due {
                href: format!("/voorbereiden/{}?filter=aandacht", kind.slug()),
                text: format!(
                    "{}: {flagged} {}",
                    tr.t(&format!("k.{kind}.plural")),
                    tr.t("dashboard.due.flagged")
                ),
            });
        }
    }

    let horizon = now
        .saturating_add(jiff::SignedDuration::from_hours(6 * 7 * 24))
        .unwrap_or(now);
    let mut upcoming: Vec<(jiff::Timestamp, Due)> = index
        .views::<MeetingView>(RecordKind::Meeting)
        .into_iter()
        .filter_map(|(id, m)| {
            let next = m.next_occurrence(now)?;
            (next <= horizon).then(|| {
                (
                    next,
                    Due {
                        href: record_href(RecordKind::Meeting, id),
                        text: format!("{} — {}", local_display(next), m.name),
                    },
                )
            })
        })
        .collect();
    upcoming.sort_by_key(|(t, _)| *t);
    DashboardRegister {
        oncall,
        readiness,
        due,
        upcoming: upcoming.into_iter().map(|(_, d)| d).collect(),
    }
}
