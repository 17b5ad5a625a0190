//! What some kinds need beyond list, detail and form: who is on call now, flags for what
//! needs attention, the escalation flow and the restore order.

use super::display::{Shown, choice_label, phone_display, record_href};
use super::frame::id_of;
use crate::AppState;
use crate::http::auth::{Authed, EditorUp, ViewerUp};
use crate::http::error::AppError;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_app::i18n::Tr;
use crisismap_app::register::{Index, Move};
use crisismap_core::register::views::{
    ContactView, MeetingView, OrganisationView, PlanView, RosterView,
};
use crisismap_core::register::{Record, RecordId, RecordKind};
use crisismap_core::time::local_display;
use jiff::{Timestamp, ToSpan};

pub(super) fn today(now: Timestamp) -> jiff::civil::Date {
    now.to_zoned(crisismap_core::time::amsterdam().clone())
        .date()
}

/// A cell drawn from a group (the first phone number of a contact).
pub fn group_cell(r: &Record, column: &str, _tr: Tr) -> Shown {
    if column == "phones"
        && let Some(c) = r.view::<ContactView>()
        && let Some(p) = c.phones.first()
    {
        return Shown {
            text: phone_display(&p.number),
            href: Some(format!("tel:{}", p.number)),
            multiline: false,
        };
    }
    Shown::plain("")
}

/// A contact's phone numbers, readable, comma-separated (empty when none).
pub(super) fn phones_of(index: &Index, person: RecordId) -> String {
    index
        .get(person)
        .and_then(|c| c.view::<ContactView>())
        .map(|c| {
            c.phones
                .iter()
                .map(|p| phone_display(&p.number))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

pub fn extra_headers(kind: RecordKind, tr: Tr) -> Vec<String> {
    match kind {
        RecordKind::Roster => vec![tr.t("oncall-now").to_owned()],
        RecordKind::Meeting => vec![tr.t("meeting-next").to_owned()],
        _ => vec![],
    }
}

pub fn extra_cells(
    kind: RecordKind,
    r: &Record,
    index: &Index,
    now: Timestamp,
    tr: Tr,
) -> Vec<Shown> {
    match kind {
        RecordKind::Roster => {
            let text = r
                .view::<RosterView>()
                .and_then(|roster| roster.on_duty(now))
                .map(|d| {
                    let phones = phones_of(index, d.person);
                    format!(
                        "{} ({} {}){}{}",
                        index.title(d.person).unwrap_or("?"),
                        tr.t("oncall-until"),
                        local_display(d.until),
                        if phones.is_empty() { "" } else { " · " },
                        phones
                    )
                })
                .unwrap_or_else(|| tr.t("oncall-nobody").to_owned());
            vec![Shown::plain(text)]
        }
        RecordKind::Meeting => {
            let next = r
                .view::<MeetingView>()
                .and_then(|m| m.next_occurrence(now))
                .map(local_display)
                .unwrap_or_default();
            vec![Shown::plain(next)]
        }
        _ => vec![],
    }
}

/// Badges for what needs attention.
pub fn flags(
    kind: RecordKind,
    r: &Record,
    now: Timestamp,
    review_months: i64,
    tr: Tr,
) -> Vec<(&'static str, String)> {
    let today = today(now);
    let mut out = vec![];
    match kind {
        RecordKind::Contact => {
            if let Some(c) = r.view::<ContactView>() {
                let limit = today.checked_sub(review_months.months()).unwrap_or(today);
                match c.last_checked {
                    None => out.push(("badge-warn", tr.t("flag-never_checked").to_owned())),
                    Some(d) if d < limit => out.push((
                        "badge-warn",
                        format!("{} {}", tr.t("flag-checked_on"), d.strftime("%d-%m-%Y")),
                    )),
                    _ => {}
                }
                if c.phones.is_empty() {
                    out.push(("badge-warn", tr.t("flag-no_phone").to_owned()));
                }
            }
        }
        RecordKind::Improvement => {
            let due = r
                .data
                .get("due_on")
                .and_then(|v| v.as_str())
                .and_then(|d| d.parse::<jiff::civil::Date>().ok());
            let done = r.data.get("status").and_then(|v| v.as_str()) == Some("done");
            if !done && due.is_some_and(|d| d < today) {
                out.push(("badge-bad", tr.t("flag-improvement_overdue").to_owned()));
            }
        }
        RecordKind::Plan => {
            if let Some(p) = r.view::<PlanView>()
                && p.review_on.is_some_and(|d| d < today)
            {
                out.push(("badge-bad", tr.t("flag-review_overdue").to_owned()));
            }
        }
        RecordKind::Organisation => {
            if let Some(o) = r.view::<OrganisationView>()
                && o.expectations
                    .iter()
                    .any(|e| e.review_on.is_some_and(|d| d < today))
            {
                out.push(("badge-bad", tr.t("flag-agreements_overdue").to_owned()));
            }
        }
        RecordKind::Roster => {
            if let Some(roster) = r.view::<RosterView>() {
                let week = crisismap_core::register::oncall::coming_week(now);
                if let Some((from, _)) = roster.first_gap(now, week) {
                    out.push((
                        "badge-bad",
                        format!("{} {}", tr.t("flag-gap_from"), local_display(from)),
                    ));
                }
            }
        }
        RecordKind::Meeting => {
            if let Some(m) = r.view::<MeetingView>()
                && m.actions
                    .iter()
                    .any(|a| !a.done && a.deadline.is_some_and(|d| d < today))
            {
                out.push(("badge-bad", tr.t("flag-action_overdue").to_owned()));
            }
        }
        _ => {}
    }
    out
}

pub struct FlowStep {
    pub step: i64,
    pub name: String,
    pub href: String,
    pub from: String,
    pub to: String,
    pub applies_when: String,
    pub who_decides: String,
    pub who_informs: String,
    pub line: String,
}

#[derive(Default)]
pub struct ListExtras {
    pub flow: Vec<FlowStep>,
    pub process_order: bool,
    pub contacts_tools: bool,
    pub risk_tools: bool,
    pub meetings_feed: bool,
    pub meetings_feed_exists: bool,
    pub attention: usize,
    /// Exercise scripts: take one in from a file of another workspace.
    pub script_tools: bool,
}

pub async fn list_extras(
    state: &AppState,
    auth: &Authed<ViewerUp>,
    kind: RecordKind,
    index: &Index,
    now: Timestamp,
    tr: Tr,
) -> Result<ListExtras, AppError> {
    let review = state.config().contact_review_months;
    let mut extras = ListExtras {
        attention: index
            .live(kind)
            .filter(|r| !flags(kind, r, now, review, tr).is_empty())
            .count(),
        ..Default::default()
    };
    match kind {
        RecordKind::Escalation => {
            let mut steps: Vec<(RecordId, crisismap_core::register::views::EscalationView)> =
                index.views(kind);
            steps.sort_by_key(|(_, e)| e.step);
            let team =
                |id: Option<RecordId>| id.and_then(|id| index.title(id)).unwrap_or("").to_owned();
            extras.flow = steps
                .into_iter()
                .map(|(id, e)| FlowStep {
                    step: e.step,
                    href: record_href(kind, id),
                    from: team(e.from_team),
                    to: {
                        let t = team(e.to_team);
                        match (t.is_empty(), e.to_other) {
                            (true, Some(o)) => o,
                            (false, Some(o)) => format!("{t} · {o}"),
                            (_, None) => t,
                        }
                    },
                    applies_when: e.applies_when,
                    who_decides: e.who_decides.unwrap_or_default(),
                    who_informs: e.who_informs.unwrap_or_default(),
                    line: e.line.unwrap_or_default(),
                    name: e.name,
                })
                .collect();
        }
        RecordKind::Process => extras.process_order = true,
        RecordKind::Contact => extras.contacts_tools = true,
        RecordKind::RiskObject => extras.risk_tools = true,
        RecordKind::ExerciseScript => extras.script_tools = true,
        RecordKind::Meeting => {
            extras.meetings_feed = true;
            extras.meetings_feed_exists = state
                .store()
                .has_feed_token(auth.user().workspace, "meetings")
                .await?;
        }
        _ => {}
    }
    Ok(extras)
}

pub struct UsedIn {
    pub kind: &'static str,
    pub title: String,
    pub href: String,
}

#[derive(Default)]
pub struct DetailExtras {
    /// A roster: who is on duty now, and the first gap in the coming week.
    pub on_duty: Option<String>,
    pub gap: Option<String>,
    pub roster_feed: Option<bool>,
    pub team_vcard: bool,
    /// An exercise script: its events list as CSV, the whole script as JSON, and the PDF.
    pub script_tools: bool,
    pub used_in: Vec<UsedIn>,
}

pub async fn detail_extras(
    state: &AppState,
    auth: &Authed<ViewerUp>,
    record: &Record,
    index: &Index,
    tr: Tr,
) -> Result<DetailExtras, AppError> {
    let now = state.now();
    let mut extras = DetailExtras::default();
    match record.kind {
        RecordKind::Roster => {
            if let Some(roster) = record.view::<RosterView>() {
                extras.on_duty = Some(match roster.on_duty(now) {
                    Some(d) => {
                        let phones = phones_of(index, d.person);
                        format!(
                            "{}{} — {} {} {}",
                            index.title(d.person).unwrap_or("?"),
                            if d.stand_in {
                                format!(" ({})", tr.t("oncall-stand_in"))
                            } else {
                                String::new()
                            },
                            phones,
                            tr.t("oncall-until"),
                            local_display(d.until)
                        )
                    }
                    None => tr.t("oncall-nobody").to_owned(),
                });
                let week = crisismap_core::register::oncall::coming_week(now);
                extras.gap = roster
                    .first_gap(now, week)
                    .map(|(a, b)| format!("{} – {}", local_display(a), local_display(b)));
            }
            let feed = format!("roster:{}", record.id);
            extras.roster_feed = Some(
                state
                    .store()
                    .has_feed_token(auth.user().workspace, &feed)
                    .await?,
            );
        }
        RecordKind::Team => extras.team_vcard = true,
        RecordKind::ExerciseScript => extras.script_tools = true,
        RecordKind::Contact => {
            let id = record.id.to_string();
            extras.used_in = index
                .records
                .iter()
                .filter(|r| !r.archived && r.id != record.id)
                .filter(|r| {
                    serde_json::to_string(&r.data)
                        .unwrap_or_default()
                        .contains(&id)
                })
                .map(|r| UsedIn {
                    kind: tr.t(&format!("k-{}-one", r.kind)),
                    title: if r.kind == RecordKind::Readiness {
                        choice_label(tr, "item", &r.title).to_owned()
                    } else {
                        r.title.clone()
                    },
                    href: record_href(r.kind, r.id),
                })
                .collect();
        }
        _ => {}
    }
    Ok(extras)
}

/// Moves a process one place up or down in the restore order and renumbers 1..n.
pub async fn move_process(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path((id, direction)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = id_of(&id)?;
    let direction = match direction.as_str() {
        "omhoog" => Move::Up,
        "omlaag" => Move::Down,
        _ => return Err(AppError::NotFound),
    };
    crisismap_app::register::move_process(&state, &auth.principal, &auth.ctx.origin, id, direction)
        .await?;
    Ok(Redirect::to(&format!(
        "/voorbereiden/processen?melding=order_changed#p-{id}"
    ))
    .into_response())
}
