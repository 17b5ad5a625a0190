//! Herstel: the recovery picture of a crisis. Every process in the restore order and every
//! affected organisation, with its statuses over time (down → workaround → restored →
//! declared safe), against the moment it had to be back by its hold-out time and the moment
//! it was expected back; what is still open on top. Drawn as SVG, with the same facts in a
//! table.

use super::frame::{Head, crisis_href, crisis_id, head, room_ctx};
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::{PageCtx, render};
use crate::svg::{RecoveryRow, recovery_chart, recovery_legend};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use crisismap_app::crisis::Room;
use crisismap_app::i18n::Tr;
use crisismap_app::words::choice_label;
use crisismap_core::DomainEvent;
use crisismap_core::crisis::recovery::{Course, course};
use crisismap_core::crisis::{Entry, EntryKind};
use crisismap_core::time::local_display;
use jiff::{SignedDuration, Timestamp};

/// One process or organisation in words.
pub struct Line {
    pub name: String,
    pub href: String,
    pub organisation: bool,
    pub status: &'static str,
    pub down_at: String,
    pub due: String,
    pub expected: String,
    pub restored_at: String,
    pub safe_at: String,
    pub late: bool,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "crisis/recovery.html")]
struct RecoveryPage {
    ctx: PageCtx,
    head: Head,
    lines: Vec<Line>,
    chart: String,
    legend: Vec<(&'static str, &'static str)>,
    open: usize,
    late: usize,
    safe: usize,
}

/// The versions of an entry as (status, since, expected): `since` is the status's own
/// moment where the kind has one, else when the version was recorded.
async fn versions(
    state: &AppState,
    room: &Room,
    e: &Entry,
) -> Result<Vec<(String, Timestamp, Option<Timestamp>)>, AppError> {
    let envelopes = state.store().entry_versions(room.id(), e.id).await?;
    Ok(envelopes
        .iter()
        .filter_map(|env| match env.event().ok()? {
            DomainEvent::EntrySaved { data, .. } => {
                let field = |n: &str| data.get(n).and_then(|v| v.as_str()).unwrap_or("");
                let since = field("since").parse().unwrap_or(env.recorded_at);
                let expected = field("expected_recovery").parse().ok();
                Some((field("status").to_owned(), since, expected))
            }
            _ => None,
        })
        .collect())
}

fn moment(t: Option<Timestamp>) -> String {
    t.map(local_display).unwrap_or_default()
}

/// One process or affected organisation and the course of its recovery.
pub(crate) struct Tracked {
    pub name: String,
    pub href: String,
    pub organisation: bool,
    pub status: String,
    pub course: Course,
}

/// Every process of the restore order that has a status in this crisis, then every affected
/// organisation, with the course of its recovery until `now`.
pub(crate) async fn courses(
    state: &AppState,
    room: &Room,
    now: Timestamp,
) -> Result<Vec<Tracked>, AppError> {
    let base = crisis_href(room.id());
    let mut courses = vec![];
    for (record, status) in room.processes_in_order() {
        let Some(status) = status else { continue };
        let hold_out = record
            .data
            .get("max_downtime_hours")
            .and_then(serde_json::Value::as_i64)
            .map(SignedDuration::from_hours);
        let v = versions(state, room, status).await?;
        courses.push(Tracked {
            name: record.title.clone(),
            href: format!("{base}/{}/{}", EntryKind::ProcessStatus.slug(), status.id),
            organisation: false,
            status: status.text("status").unwrap_or("").to_owned(),
            course: course(&v, hold_out, now),
        });
    }
    for effect in room.of(EntryKind::Effect) {
        let v = versions(state, room, effect).await?;
        courses.push(Tracked {
            name: effect.title.clone(),
            href: format!("{base}/{}/{}", EntryKind::Effect.slug(), effect.id),
            organisation: true,
            status: effect.text("status").unwrap_or("").to_owned(),
            course: course(&v, None, now),
        });
    }
    Ok(courses)
}

pub(super) async fn recovery(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let id = crisis_id(&id)?;
    let ws = auth.user().workspace;
    let tr = Tr(auth.ctx.lang);
    let room = Room::load(&state, ws, id).await?;
    let now = state.now();
    let courses = courses(&state, &room, now).await?;
    // The period drawn: from the first moment anything went down to now.
    let start = courses
        .iter()
        .filter_map(|c| c.course.stretches.first().map(|s| s.from))
        .min()
        .unwrap_or(now)
        .min(now);
    // …until now while anything is still out; once all is back, until the last change or
    // deadline, with a little room after it.
    let end = if courses.iter().any(|c| c.course.open()) {
        courses
            .iter()
            .flat_map(|c| [c.course.due, c.course.expected])
            .flatten()
            .fold(now, Timestamp::max)
    } else {
        let last = courses
            .iter()
            .flat_map(|c| {
                c.course
                    .stretches
                    .iter()
                    .map(|s| Some(s.from))
                    .chain([c.course.due, c.course.expected])
            })
            .flatten()
            .fold(start, Timestamp::max);
        let room = SignedDuration::from_secs_f64(last.duration_since(start).as_secs_f64() / 10.0);
        last.checked_add(room).unwrap_or(last).min(now)
    };
    let span = end.duration_since(start).as_secs_f64().max(60.0);
    let frac = |t: Timestamp| t.duration_since(start).as_secs_f64() / span;
    let rows: Vec<RecoveryRow> = courses
        .iter()
        .map(|t| (&t.name, &t.course))
        .map(|(name, c)| RecoveryRow {
            label: name.clone(),
            stretches: c
                .stretches
                .iter()
                .map(|s| (s.status.clone(), frac(s.from), frac(s.to)))
                .collect(),
            due: c.due.map(frac),
            expected: c.expected.filter(|_| c.open()).map(frac),
        })
        .collect();
    let ticks: Vec<(f64, String)> = (0..=4)
        .map(|i| {
            let f = f64::from(i) / 4.0;
            let at = start
                .checked_add(SignedDuration::from_secs_f64(span * f))
                .unwrap_or(start);
            (f, local_display(at))
        })
        .collect();
    let chart = recovery_chart(
        "recovery",
        tr.t("recovery-chart-title"),
        tr.t("recovery-chart-desc"),
        &rows,
        &ticks,
    );
    let lines: Vec<Line> = courses
        .into_iter()
        .map(|t| (t.name, t.href, t.organisation, t.status, t.course))
        .map(|(name, href, organisation, status, c)| Line {
            name,
            href,
            organisation,
            status: choice_label(tr, "status", &status),
            down_at: moment(c.down_at),
            due: moment(c.due),
            expected: moment(c.expected),
            restored_at: moment(c.restored_at),
            safe_at: moment(c.safe_at),
            late: c.late(now),
            open: c.open(),
        })
        .collect();
    let ctx = room_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        &room,
        format!("{}: {}", tr.t("recovery-title"), room.state().title),
    )
    .await;
    render(&RecoveryPage {
        head: head(&room, tr, "herstel", &auth.principal.user),
        open: lines.iter().filter(|l| l.open).count(),
        late: lines.iter().filter(|l| l.late).count(),
        safe: lines
            .iter()
            .filter(|l| !l.safe_at.is_empty() && !l.open)
            .count(),
        lines,
        chart,
        legend: recovery_legend()
            .into_iter()
            .map(|(code, _)| (choice_label(tr, "status", code), code))
            .collect(),
        ctx,
    })
}
