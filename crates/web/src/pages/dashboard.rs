//! Overzicht: what needs the advisor's attention now. Until crises, rosters and readiness
//! exist, each card says so plainly.

use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::render;
use crate::http::page::{PageCtx, Section};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use crisismap_app::register::Index;
use crisismap_core::StreamKind;
use crisismap_core::register::RecordKind;
use serde::Deserialize;

pub struct OnCallRow {
    pub href: String,
    pub roster: String,
    pub duty: &'static str,
    pub person: Option<String>,
    pub person_href: Option<String>,
    pub phones: Vec<(String, String)>,
    pub until: String,
    pub stand_in: bool,
    pub gap: Option<String>,
    /// Who takes over after the gap.
    pub after_gap: Option<NextOnCall>,
}

/// Who takes over after a gap in a roster.
pub struct NextOnCall {
    pub name: String,
    /// From when (Amsterdam time).
    pub from: String,
    /// Their phones, as (`tel:` address, number as dialled).
    pub phones: Vec<(String, String)>,
}

pub struct Due {
    pub href: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    ctx: PageCtx,
    flash: Option<&'static str>,
    users: usize,
    events: i64,
    oncall: Vec<OnCallRow>,
    fallback: Vec<(String, String)>,
    readiness: Vec<(&'static str, usize, usize)>,
    due: Vec<Due>,
    upcoming: Vec<Due>,
    crises: Vec<RunningCrisis>,
}

/// A running crisis on the overview, with what asks for attention in it.
pub struct RunningCrisis {
    pub row: crate::crisis::CrisisRow,
    /// The most urgent open steps (at most five).
    pub steps: Vec<crate::crisis::StepView>,
    /// How many more there are.
    pub more: usize,
}

#[derive(Deserialize)]
pub struct DashboardQuery {
    melding: Option<String>,
}

/// Messages a redirect may ask the dashboard to show: keys only, never user text.
const FLASHES: &[&str] = &["password_changed"];

pub async fn overview(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Query(q): Query<DashboardQuery>,
) -> Result<Html<String>, AppError> {
    let ws = auth.user().workspace;
    let mut ctx = PageCtx::user(&state, &auth.principal, &auth.ctx, Section::Overview, "").await;
    ctx.title = ctx.t("dashboard-title").to_owned();
    let prep_stream = state.store().stream_of(ws, StreamKind::Preparation).await?;
    ctx.live_stream = Some(prep_stream.id.to_string());
    let streams = state.store().streams(ws).await?;
    let flash = ctx.tr.flash(q.melding.as_deref(), FLASHES);
    let tr = ctx.tr;
    let index = crate::register::Index::load(&state, ws).await?;
    let now = state.now();
    let DashboardRegister {
        oncall,
        fallback,
        readiness,
        due,
        upcoming,
    } = dashboard(&index, now, state.config().contact_review_months, tr);
    let records = state.store().crises(ws).await?;
    let (rows, _) = crate::crisis::crisis_rows(&records, tr);
    let mut crises = vec![];
    for (row, record) in rows
        .into_iter()
        .zip(records.iter().filter(|c| !c.state.closed))
    {
        let mut steps = crate::crisis::open_steps_of(&state, auth.user(), record.id, tr).await?;
        let more = steps.len().saturating_sub(5);
        steps.truncate(5);
        crises.push(RunningCrisis { row, steps, more });
    }
    render(&DashboardPage {
        crises,
        flash,
        users: state.store().users(ws).await?.len(),
        events: streams.iter().map(|s| s.head_seq).sum(),
        oncall,
        fallback,
        readiness,
        due,
        upcoming,
        ctx,
    })
}

/// What the dashboard shows of the register.
pub struct DashboardRegister {
    /// Who is reachable now, per duty.
    pub oncall: Vec<OnCallRow>,
    /// Who to call when a duty has nobody now or a gap this week: the safety region's control
    /// room, day and night, from the register's organisations (name, how to reach it); empty
    /// when every duty is covered.
    pub fallback: Vec<(String, String)>,
    /// Per phase: (title, items in order, items).
    pub readiness: Vec<(&'static str, usize, usize)>,
    pub due: Vec<Due>,
    /// Meetings of the coming six weeks.
    pub upcoming: Vec<Due>,
}

pub fn dashboard(
    index: &Index,
    now: jiff::Timestamp,
    review_months: i64,
    tr: crisismap_app::i18n::Tr,
) -> DashboardRegister {
    use crate::register::display::{phone_display, record_href};
    use crisismap_core::register::readiness::scores;
    use crisismap_core::register::views::{ContactView, MeetingView, RosterView};
    use crisismap_core::time::local_display;

    let phones_of = |person: crisismap_core::register::RecordId| -> Vec<(String, String)> {
        index
            .get(person)
            .and_then(|c| c.view::<ContactView>())
            .map(|c| {
                c.phones
                    .iter()
                    .map(|p| (format!("tel:{}", p.number), phone_display(&p.number)))
                    .collect()
            })
            .unwrap_or_default()
    };
    let oncall: Vec<OnCallRow> = index
        .views::<RosterView>(RecordKind::Roster)
        .into_iter()
        .map(|(id, r)| {
            let gap = r.first_gap(now, crisismap_core::register::oncall::coming_week(now));
            let after_gap = gap.and_then(|(_, to)| {
                let next = r.on_duty(to)?;
                Some(NextOnCall {
                    name: index.title(next.person)?.to_owned(),
                    from: local_display(to),
                    phones: phones_of(next.person),
                })
            });
            let duty = r.on_duty(now);
            let contact = duty.as_ref().and_then(|d| index.get(d.person));
            let view = contact.and_then(|c| c.view::<ContactView>());
            OnCallRow {
                href: record_href(RecordKind::Roster, id),
                duty: tr.t(&format!("c-duty-{}", r.duty)),
                person: view.as_ref().map(|c| c.name.clone()),
                person_href: contact.map(|c| record_href(RecordKind::Contact, c.id)),
                phones: duty
                    .as_ref()
                    .map(|d| phones_of(d.person))
                    .unwrap_or_default(),
                until: duty
                    .as_ref()
                    .map(|d| local_display(d.until))
                    .unwrap_or_default(),
                stand_in: duty.as_ref().is_some_and(|d| d.stand_in),
                gap: gap.map(|(from, _)| local_display(from)),
                after_gap,
                roster: r.name,
            }
        })
        .collect();

    let readiness = scores(&index.evidence().assess(now))
        .into_iter()
        .map(|(phase, done, total)| {
            (
                tr.t(&format!("readiness-phase-{}", phase.code())),
                done,
                total,
            )
        })
        .collect();

    let mut due = vec![];
    for kind in [
        RecordKind::Contact,
        RecordKind::Roster,
        RecordKind::Improvement,
        RecordKind::Plan,
        RecordKind::Organisation,
        RecordKind::Meeting,
    ] {
        let flagged = index
            .live(kind)
            .filter(|r| !crate::register::flags(kind, r, now, review_months, tr).is_empty())
            .count();
        if flagged > 0 {
            due.push(Due {
                href: format!("/voorbereiden/{}?filter=aandacht", kind.slug()),
                text: format!(
                    "{}: {}",
                    tr.t(&format!("k-{kind}-plural")),
                    tr.count("dashboard-due-flagged", flagged)
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
    // Only asked for when a duty has nobody now or a gap this week.
    let someone_missing = oncall
        .iter()
        .any(|o: &OnCallRow| o.person.is_none() || o.gap.is_some());
    let fallback = index
        .views::<crisismap_core::register::views::OrganisationView>(RecordKind::Organisation)
        .into_iter()
        .filter(|(_, o)| someone_missing && o.org_type == "safety_region")
        .filter_map(|(_, o)| Some((o.name, o.reachability.filter(|r| !r.trim().is_empty())?)))
        .collect();
    DashboardRegister {
        oncall,
        fallback,
        readiness,
        due,
        upcoming: upcoming.into_iter().map(|(_, d)| d).collect(),
    }
}
