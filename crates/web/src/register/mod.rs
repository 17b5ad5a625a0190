//! The preparation register on the web: one set of generic pages and API endpoints driven by
//! each kind's schema, plus the pages that need more than a list (readiness, on-call, the
//! restore order, escalation flow, import and export, calendar feeds).

pub mod api;
pub(crate) mod cascade;
pub(crate) mod display;
mod exports;
mod extras;
mod feeds;
pub(crate) mod form;
mod import;
mod library;
mod pages;
mod readiness;
mod risk_io;

pub use pages::router;
pub(crate) use pages::{decode_form, form_pairs};

use crate::http::error::AppError;
pub use crisismap_app::register::Index;
use crisismap_core::register::{RecordId, RecordKind};

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
    tr: crisismap_app::i18n::Tr,
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
