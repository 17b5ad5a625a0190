//! What some kinds need beyond list, detail and form: who is on call now, flags for what
//! needs attention, the escalation flow, the restore order, readiness, the library, contact
//! import and export, and private calendar feeds.

use super::Index;
use super::display::{Shown, choice_label, date_nl, phone_display, record_href};
use super::pages::{form_page, form_pairs, id_of, page_ctx};
use crate::AppState;
use crate::http::auth::{Authed, EditorUp, ViewerUp, audit};
use crate::http::error::AppError;
use crate::http::page::PageCtx;
use crate::pages::render;
use askama::Template;
use axum::extract::{Multipart, Path, Query, RawForm, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use base64::Engine;
use crisismap_app::i18n::Tr;
use crisismap_app::password::{random_token, secret_hash};
use crisismap_core::register::readiness::{ChecklistPhase, scores};
use crisismap_core::register::views::{
    ContactView, MeetingView, OrganisationView, PlanView, RosterView, TeamView,
};
use crisismap_core::register::{RawRecord, Record, RecordId, RecordKind};
use crisismap_core::time::local_display;
use crisismap_store::RecordChange;
use jiff::{Timestamp, ToSpan};
use serde::Deserialize;

fn today(now: Timestamp) -> jiff::civil::Date {
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
fn phones_of(index: &Index, person: RecordId) -> String {
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
        RecordKind::Roster => vec![tr.t("oncall.now").to_owned()],
        RecordKind::Meeting => vec![tr.t("meeting.next").to_owned()],
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
                        tr.t("oncall.until"),
                        local_display(d.until),
                        if phones.is_empty() { "" } else { " · " },
                        phones
                    )
                })
                .unwrap_or_else(|| tr.t("oncall.nobody").to_owned());
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
                    None => out.push(("badge-warn", tr.t("flag.never_checked").to_owned())),
                    Some(d) if d < limit => out.push((
                        "badge-warn",
                        format!("{} {}", tr.t("flag.checked_on"), d.strftime("%d-%m-%Y")),
                    )),
                    _ => {}
                }
                if c.phones.is_empty() {
                    out.push(("badge-warn", tr.t("flag.no_phone").to_owned()));
                }
            }
        }
        RecordKind::Plan => {
            if let Some(p) = r.view::<PlanView>()
                && p.review_on.is_some_and(|d| d < today)
            {
                out.push(("badge-bad", tr.t("flag.review_overdue").to_owned()));
            }
        }
        RecordKind::Organisation => {
            if let Some(o) = r.view::<OrganisationView>()
                && o.expectations
                    .iter()
                    .any(|e| e.review_on.is_some_and(|d| d < today))
            {
                out.push(("badge-bad", tr.t("flag.agreements_overdue").to_owned()));
            }
        }
        RecordKind::Roster => {
            if let Some(roster) = r.view::<RosterView>() {
                let week = crisismap_core::register::oncall::coming_week(now);
                if let Some((from, _)) = roster.first_gap(now, week) {
                    out.push((
                        "badge-bad",
                        format!("{} {}", tr.t("flag.gap_from"), local_display(from)),
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
                out.push(("badge-bad", tr.t("flag.action_overdue").to_owned()));
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
                                format!(" ({})", tr.t("oncall.stand_in"))
                            } else {
                                String::new()
                            },
                            phones,
                            tr.t("oncall.until"),
                            local_display(d.until)
                        )
                    }
                    None => tr.t("oncall.nobody").to_owned(),
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
                    kind: tr.t(&format!("k.{}.one", r.kind)),
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
    let ws = auth.user().workspace;
    let index = Index::load(&state, ws).await?;
    let mut processes: Vec<&Record> = index.live(RecordKind::Process).collect();
    processes.sort_by_key(|r| {
        (
            r.data
                .get("restore_priority")
                .and_then(|v| v.as_i64())
                .unwrap_or(i64::MAX),
            r.title.to_lowercase(),
        )
    });
    let pos = processes
        .iter()
        .position(|r| r.id == id)
        .ok_or(AppError::NotFound)?;
    let other = match direction.as_str() {
        "omhoog" if pos > 0 => pos - 1,
        "omlaag" if pos + 1 < processes.len() => pos + 1,
        "omhoog" | "omlaag" => pos,
        _ => return Err(AppError::NotFound),
    };
    processes.swap(pos, other);
    let changes: Vec<RecordChange> = processes
        .iter()
        .enumerate()
        .filter(|(i, r)| {
            r.data.get("restore_priority").and_then(|v| v.as_i64()) != Some(*i as i64 + 1)
        })
        .map(|(i, r)| {
            let mut data = r.data.clone();
            data.insert(
                "restore_priority".into(),
                serde_json::Value::from(i as i64 + 1),
            );
            RecordChange {
                kind: RecordKind::Process,
                id: Some(r.id),
                expected_rev: Some(r.rev),
                record: crisismap_core::register::Validated {
                    title: r.title.clone(),
                    data,
                },
            }
        })
        .collect();
    if !changes.is_empty() {
        state
            .store()
            .save_records(ws, &auth.principal.actor(), changes)
            .await
            .map_err(|e| crisismap_app::register::register_error(e, "name"))?;
        audit(
            &state,
            crisismap_app::register::audit_record(
                &auth.principal,
                &auth.ctx.origin,
                "restore_order",
                RecordKind::Process,
                id,
            ),
        )
        .await;
    }
    Ok(Redirect::to(&format!(
        "/voorbereiden/processen?melding=order_changed#p-{id}"
    ))
    .into_response())
}

// ---------------------------------------------------------------- readiness

pub struct ReadinessRow {
    pub code: &'static str,
    pub text: &'static str,
    pub status_code: &'static str,
    pub status: &'static str,
    pub proof: Option<&'static str>,
    pub evidence: Vec<(String, String)>,
    pub owner: String,
    pub note: String,
    pub reviewed: String,
}

pub struct ReadinessPhase {
    pub code: &'static str,
    pub title: &'static str,
    pub done: usize,
    pub total: usize,
    pub rows: Vec<ReadinessRow>,
}

#[derive(Template)]
#[template(path = "register/readiness.html")]
struct ReadinessPage {
    ctx: PageCtx,
    can_edit: bool,
    phases: Vec<ReadinessPhase>,
    flash: Option<&'static str>,
}

#[derive(Deserialize, Default)]
pub struct FlashQuery {
    melding: Option<String>,
}

pub async fn readiness_page(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Query(q): Query<FlashQuery>,
) -> Result<Html<String>, AppError> {
    let tr = Tr(auth.ctx.lang);
    let ctx = page_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        tr.t("part.readiness.title").to_owned(),
    )
    .await?;
    let index = Index::load(&state, auth.user().workspace).await?;
    let assessments = index.evidence().assess(state.now());
    let score = scores(&assessments);
    let phases = ChecklistPhase::ALL
        .iter()
        .map(|phase| {
            let (_, done, total) = score
                .iter()
                .find(|(p, _, _)| p == phase)
                .copied()
                .unwrap_or((*phase, 0, 0));
            let rows = assessments
                .iter()
                .filter(|a| a.phase == *phase)
                .map(|a| {
                    let rec = a.record.and_then(|id| index.get(id));
                    let view = rec
                        .and_then(|r| r.view::<crisismap_core::register::views::ReadinessView>());
                    ReadinessRow {
                        code: a.code,
                        text: tr.t(&format!("readiness.{}", a.code)),
                        status_code: a.status.code(),
                        status: tr.t(&format!("c.status.{}", a.status.code())),
                        proof: a.proven.map(|ok| {
                            tr.t(&format!(
                                "readiness.{}.{}",
                                a.code,
                                if ok { "proven" } else { "missing" }
                            ))
                        }),
                        evidence: a
                            .evidence_records
                            .iter()
                            .copied()
                            .chain(view.iter().flat_map(|v| v.links.iter().map(|l| l.record)))
                            .filter_map(|id| {
                                index
                                    .get(id)
                                    .map(|r| (record_href(r.kind, r.id), r.title.clone()))
                            })
                            .collect(),
                        owner: view
                            .as_ref()
                            .and_then(|v| v.owner)
                            .and_then(|o| index.title(o))
                            .unwrap_or("")
                            .to_owned(),
                        note: view
                            .as_ref()
                            .and_then(|v| v.evidence.clone())
                            .unwrap_or_default(),
                        reviewed: view
                            .as_ref()
                            .and_then(|v| v.last_reviewed)
                            .map(|d| date_nl(&d.to_string()))
                            .unwrap_or_default(),
                    }
                })
                .collect();
            ReadinessPhase {
                code: phase.code(),
                title: tr.t(&format!("readiness.phase.{}", phase.code())),
                done,
                total,
                rows,
            }
        })
        .collect();
    render(&ReadinessPage {
        ctx,
        can_edit: auth.user().role.allows(crisismap_core::Role::Editor),
        phases,
        flash: tr.flash(q.melding.as_deref(), &["saved"]),
    })
}

fn readiness_item(code: &str) -> Result<&'static str, AppError> {
    crisismap_core::register::readiness::ITEM_CODES
        .iter()
        .find(|c| **c == code)
        .copied()
        .ok_or(AppError::NotFound)
}

pub async fn readiness_form(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path(item): Path<String>,
) -> Result<Response, AppError> {
    let item = readiness_item(&item)?;
    let records = state
        .store()
        .records(auth.user().workspace, RecordKind::Readiness)
        .await?;
    let existing = records.into_iter().find(|r| r.title == item);
    let mut raw = match &existing {
        Some(r) => RawRecord::from_data(RecordKind::Readiness.schema(), &r.data),
        None => RawRecord::default(),
    };
    raw.fields.insert("item".into(), item.to_owned());
    form_page(
        &state,
        &auth,
        RecordKind::Readiness,
        existing.as_ref(),
        raw,
        vec![],
        false,
        StatusCode::OK,
    )
    .await
}

/// A checklist item's own address leads to its row on the checklist.
pub async fn readiness_item_page(Path(item): Path<String>) -> Response {
    let anchor = crisismap_core::register::readiness::ITEM_CODES
        .iter()
        .find(|c| **c == item)
        .map(|c| format!("#r-{c}"))
        .unwrap_or_default();
    Redirect::to(&format!("/voorbereiden/gereedheid{anchor}")).into_response()
}

pub async fn readiness_save(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path(item): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let item = readiness_item(&item)?;
    let (mut raw, rev) = form_pairs(&body)?;
    raw.fields.insert("item".into(), item.to_owned());
    let existing = state
        .store()
        .records(auth.user().workspace, RecordKind::Readiness)
        .await?
        .into_iter()
        .find(|r| r.title == item);
    super::pages::save_from_form(
        &state,
        &auth,
        RecordKind::Readiness,
        existing.as_ref(),
        rev,
        raw,
        |_| format!("/voorbereiden/gereedheid?melding=saved#r-{item}"),
    )
    .await
}

// ---------------------------------------------------------------- library

pub struct Publication {
    pub title: &'static str,
    pub publisher: &'static str,
    pub about: &'static str,
    pub address: &'static str,
}

/// The publications the VNG guidance points to (title, publisher, address), shipped as data.
const LIBRARY: &[(&str, &str, &str, &str)] = &[
    (
        "Landelijk Crisisplan Digitaal",
        "NCTV",
        "lib.lcpd",
        "https://www.nctv.nl/documenten/publicaties/2022/12/23/landelijk-crisisplan-digitaal",
    ),
    (
        "Cyber-introductie voor nieuwe OOV'ers",
        "CCV / VNG",
        "lib.intro",
        "https://hetccv.nl/cyber-introductie-voor-nieuwe-oover/",
    ),
    (
        "Cyberwegenkaart 2.0",
        "CCV / VNG",
        "lib.roadmap",
        "https://hetccv.nl/app/uploads/2023/09/Cyberwegenkaart_-_route_2__JH17.03.2022_.pdf",
    ),
    (
        "VNG Cyber oefenpakket",
        "VNG",
        "lib.exercise_pack",
        "https://vng.nl/artikelen/interactieve-cyberoefening",
    ),
    (
        "VNG Cyberoefendriehoek",
        "VNG",
        "lib.triangle",
        "https://vng.nl/sites/default/files/2024-03/ben_jij_voorbereid_op_een_cybercrisis.pdf",
    ),
    (
        "Gehackt, hoe nu verder?",
        "IBD",
        "lib.hacked",
        "https://www.informatiebeveiligingsdienst.nl/wp-content/uploads/2021/06/202106-IBD-Factsheet-gehackt-hoe-nu-verder.pdf",
    ),
    (
        "Kennis en kunde voor regionale cybergevolgbestrijding",
        "NIPV",
        "lib.regional",
        "https://nipv.nl/wp-content/uploads/2022/03/20211228-IFV-Kennis-en-kunde-voor-regionale-cybergevolgbestrijding.pdf",
    ),
    (
        "Bestuurlijke bevoegdheden cyber",
        "NIPV",
        "lib.powers",
        "https://nipv.nl/wp-content/uploads/2023/01/20220930-NIPV-Bestuurlijke-bevoegdheden-cyber.pdf",
    ),
    (
        "Crisiscommunicatietips voor incidenten met een cybercomponent",
        "NIPV (IFV)",
        "lib.communication",
        "https://nipv.nl/wp-content/uploads/2022/04/20190425-IFV-Crisiscommunicatietips-voor-incidenten-met-een-cybercomponent.pdf",
    ),
    (
        "Cyberscenario's voor veiligheidsregio's",
        "NIPV (IFV)",
        "lib.scenarios",
        "https://nipv.nl/wp-content/uploads/2022/03/20210616-IFV-Cyberscenarios-voor-veiligheidsregios.pdf",
    ),
    (
        "De burgemeester als boegbeeld",
        "NGB",
        "lib.mayor",
        "https://www.burgemeesters.nl/assets/Uploads/2017-NGB-publicatie-De-burgemeester-als-boegbeeld_interactief.pdf",
    ),
    (
        "Focusblad Digitale Veiligheid",
        "VNG",
        "lib.focus",
        "https://vng.nl/publicaties/focusblad-digitale-veiligheid",
    ),
    (
        "Digitale ontwrichting",
        "WRR",
        "lib.wrr",
        "http://www.wrr.nl/adviesprojecten/digitale-ontwrichting",
    ),
    (
        "Dreigingsbeeld 2023-2024",
        "IBD",
        "lib.threat",
        "http://www.informatiebeveiligingsdienst.nl/wp-content/uploads/2022/10/IBD_dreigingsbeeld_2023-2024_DEF-versie.pdf",
    ),
];

#[derive(Template)]
#[template(path = "register/library.html")]
struct LibraryPage {
    ctx: PageCtx,
    items: Vec<Publication>,
}

pub async fn library(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Html<String>, AppError> {
    let tr = Tr(auth.ctx.lang);
    let ctx = page_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        tr.t("part.library.title").to_owned(),
    )
    .await?;
    let items = LIBRARY
        .iter()
        .map(|(title, publisher, about, address)| Publication {
            title,
            publisher,
            about: tr.t(about),
            address,
        })
        .collect();
    render(&LibraryPage { ctx, items })
}

// ---------------------------------------------------------------- contacts import / export

#[derive(Template)]
#[template(path = "register/import.html")]
struct ImportPage {
    ctx: PageCtx,
    problems: Vec<String>,
    preview: Vec<Vec<String>>,
    ignored: Vec<String>,
    payload: Option<String>,
    count: usize,
}

async fn import_page(
    state: &AppState,
    auth: &Authed<EditorUp>,
    problems: Vec<String>,
    preview: Vec<Vec<String>>,
    ignored: Vec<String>,
    payload: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let ctx = page_ctx(
        state,
        &auth.principal,
        &auth.ctx,
        tr.t("import.title").to_owned(),
    )
    .await?;
    let count = preview.len();
    Ok((
        status,
        render(&ImportPage {
            ctx,
            problems,
            preview,
            ignored,
            payload,
            count,
        })?,
    )
        .into_response())
}

pub async fn import_form(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
) -> Result<Response, AppError> {
    import_page(&state, &auth, vec![], vec![], vec![], None, StatusCode::OK).await
}

/// Turns the file into records, or says what is wrong, row by row. All or nothing.
/// A contacts file that passed every check.
struct ParsedImport {
    records: Vec<crisismap_core::register::Validated>,
    preview: Vec<Vec<String>>,
    ignored: Vec<String>,
}

fn parse_import(bytes: &[u8], index: &Index, tr: Tr) -> Result<ParsedImport, Vec<String>> {
    use crisismap_core::interchange::contacts_csv;
    let import = contacts_csv::import_contacts(bytes).map_err(|e| import_problems(e, tr))?;
    let schema = RecordKind::Contact.schema();
    let mut records = vec![];
    let mut preview = vec![];
    let mut problems = vec![];
    let mut names = std::collections::HashSet::new();
    let existing: std::collections::HashSet<String> = index
        .live(RecordKind::Contact)
        .map(|r| crisismap_core::register::title_key(&r.title))
        .collect();
    for row in import.rows {
        let mut raw = RawRecord::default();
        let name = row.name.as_str().to_owned();
        raw.fields.insert("name".into(), name.clone());
        for (k, v) in [
            ("function", &row.function),
            ("organisation", &row.organisation),
            ("alternative_channel", &row.alternative_channel),
            ("notes", &row.notes),
        ] {
            if let Some(v) = v {
                raw.fields.insert(k.into(), v.clone());
            }
        }
        if let Some(e) = &row.email {
            raw.fields.insert("email".into(), e.as_str().to_owned());
        }
        raw.groups.insert(
            "phones".into(),
            row.phones
                .iter()
                .map(|(label, number)| {
                    [
                        ("label".to_owned(), label.code().to_owned()),
                        ("number".to_owned(), number.e164().to_owned()),
                    ]
                    .into_iter()
                    .collect()
                })
                .collect(),
        );
        let key = crisismap_core::register::title_key(&name);
        if existing.contains(&key) || !names.insert(key) {
            problems.push(format!(
                "{} {}: {}",
                tr.t("import.line"),
                row.line,
                tr.t("error.name_taken")
            ));
            continue;
        }
        match schema.validate(&raw, index) {
            Ok(v) => {
                preview.push(vec![
                    row.line.to_string(),
                    name.clone(),
                    row.function.clone().unwrap_or_default(),
                    row.organisation.clone().unwrap_or_default(),
                    row.phones
                        .iter()
                        .map(|(_, p)| p.display().to_owned())
                        .collect::<Vec<_>>()
                        .join(", "),
                    row.email
                        .as_ref()
                        .map(|e| e.as_str().to_owned())
                        .unwrap_or_default(),
                ]);
                records.push(v);
            }
            Err(issues) => {
                for i in issues {
                    problems.push(format!(
                        "{} {}: {}: {}",
                        tr.t("import.line"),
                        row.line,
                        super::form::label_of(schema, &i.field, tr),
                        tr.t(&format!("error.{}", i.code))
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(ParsedImport {
            records,
            preview,
            ignored: import.ignored_columns,
        })
    } else {
        Err(problems)
    }
}

fn import_problems(
    e: crisismap_core::interchange::contacts_csv::ImportError,
    tr: Tr,
) -> Vec<String> {
    use crisismap_core::interchange::contacts_csv::ImportError;
    match e {
        ImportError::Rows(rows) => rows
            .into_iter()
            .map(|r| {
                format!(
                    "{} {}: {}: {}{}",
                    tr.t("import.line"),
                    r.line,
                    r.column,
                    tr.t(&format!("error.{}", r.code)),
                    if r.value.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", r.value)
                    }
                )
            })
            .collect(),
        other => vec![format!(
            "{}: {}",
            tr.t("import.unreadable"),
            tr.t(&format!("error.{}", other.code()))
        )],
    }
}

pub async fn import_preview(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let bytes = Some(super::read_upload(&mut multipart, "bestand").await?);
    let Some(bytes) = bytes.filter(|b| !b.is_empty()) else {
        return import_page(
            &state,
            &auth,
            vec![tr.t("import.no_file").to_owned()],
            vec![],
            vec![],
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let index = Index::load(&state, auth.user().workspace).await?;
    match parse_import(&bytes, &index, tr) {
        Ok(ParsedImport {
            preview, ignored, ..
        }) => {
            let payload = base64::engine::general_purpose::STANDARD.encode(&bytes);
            import_page(
                &state,
                &auth,
                vec![],
                preview,
                ignored,
                Some(payload),
                StatusCode::OK,
            )
            .await
        }
        Err(problems) => {
            import_page(
                &state,
                &auth,
                problems,
                vec![],
                vec![],
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub async fn import_confirm(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_bytes(&body).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let payload = pairs
        .iter()
        .find(|(k, _)| k == "bestand")
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(payload.trim())
        .map_err(|_| AppError::BadRequest("the import file was not sent back intact".into()))?;
    let ws = auth.user().workspace;
    let index = Index::load(&state, ws).await?;
    let records = match parse_import(&bytes, &index, tr) {
        Ok(parsed) => parsed.records,
        Err(problems) => {
            return import_page(
                &state,
                &auth,
                problems,
                vec![],
                vec![],
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let count = records.len();
    let changes = records
        .into_iter()
        .map(|record| RecordChange {
            kind: RecordKind::Contact,
            id: None,
            expected_rev: None,
            record,
        })
        .collect();
    state
        .store()
        .save_records(ws, &auth.principal.actor(), changes)
        .await
        .map_err(|e| crisismap_app::register::register_error(e, "name"))?;
    audit(
        &state,
        auth.ctx
            .audit("contacts_import", &format!("{count} contacts"), "ok"),
    )
    .await;
    Ok(Redirect::to("/voorbereiden/contacten?melding=imported").into_response())
}

fn contact_vcards(records: &[&Record]) -> String {
    use crisismap_core::interchange::vcard::{VCardContact, vcards};
    let contacts: Vec<VCardContact> = records
        .iter()
        .filter_map(|r| r.view::<ContactView>())
        .map(|c| VCardContact {
            phones: c
                .phones
                .iter()
                .filter_map(|p| {
                    let label = crisismap_core::phone::PhoneLabel::from_code(&p.label)
                        .unwrap_or(crisismap_core::phone::PhoneLabel::Other);
                    crisismap_core::phone::PhoneNumber::parse(&p.number)
                        .ok()
                        .map(|n| (label, n))
                })
                .collect(),
            name: c.name,
            organisation: c.organisation,
            function: c.function,
            email: c.email.and_then(|e| crisismap_core::Email::parse(&e).ok()),
            alternative_channel: c.alternative_channel,
            note: c.notes,
        })
        .collect();
    vcards(&contacts)
}

fn download(body: Vec<u8>, mime: &'static str, filename: &str) -> Response {
    let disposition = format!("attachment; filename=\"{filename}\"");
    (
        [
            (header::CONTENT_TYPE, mime.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

pub async fn contacts_vcard(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Response, AppError> {
    let index = Index::load(&state, auth.user().workspace).await?;
    let records: Vec<&Record> = index.live(RecordKind::Contact).collect();
    Ok(download(
        contact_vcards(&records).into_bytes(),
        "text/vcard; charset=utf-8",
        "contacten.vcf",
    ))
}

pub async fn team_vcard(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let index = Index::load(&state, auth.user().workspace).await?;
    let team = index
        .get(id_of(&id)?)
        .filter(|r| r.kind == RecordKind::Team)
        .ok_or(AppError::NotFound)?;
    let view = team.view::<TeamView>().ok_or(AppError::NotFound)?;
    let mut ids: Vec<RecordId> = view
        .members
        .iter()
        .flat_map(|m| [Some(m.contact), m.deputy])
        .flatten()
        .collect();
    ids.extend(view.civil_contact);
    ids.extend(view.administrative_contact);
    ids.sort();
    ids.dedup();
    let records: Vec<&Record> = ids.iter().filter_map(|id| index.get(*id)).collect();
    let name = format!("{}.vcf", slugify(&team.title));
    Ok(download(
        contact_vcards(&records).into_bytes(),
        "text/vcard; charset=utf-8",
        &name,
    ))
}

fn slugify(s: &str) -> String {
    let out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let out = out.trim_matches('-').to_owned();
    if out.is_empty() {
        "team".to_owned()
    } else {
        out
    }
}

pub async fn contacts_csv(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let index = Index::load(&state, auth.user().workspace).await?;
    let headers: Vec<&str> = [
        "name",
        "function",
        "organisation",
        "email",
        "alternative_channel",
        "notes",
        "last_checked",
    ]
    .iter()
    .map(|f| tr.t(&format!("f.contact.{f}")))
    .chain([tr.t("g.contact.phones")])
    .collect();
    let rows: Vec<Vec<String>> = index
        .live(RecordKind::Contact)
        .filter_map(|r| r.view::<ContactView>())
        .map(|c| {
            vec![
                c.name,
                c.function.unwrap_or_default(),
                c.organisation.unwrap_or_default(),
                c.email.unwrap_or_default(),
                c.alternative_channel.unwrap_or_default(),
                c.notes.unwrap_or_default(),
                c.last_checked.map(|d| d.to_string()).unwrap_or_default(),
                c.phones
                    .iter()
                    .map(|p| phone_display(&p.number))
                    .collect::<Vec<_>>()
                    .join(" / "),
            ]
        })
        .collect();
    let body = crisismap_core::interchange::csv_export::write_csv(&headers, rows)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(download(body, "text/csv; charset=utf-8", "contacten.csv"))
}

// ---------------------------------------------------------------- calendar feeds

#[derive(Template)]
#[template(path = "register/feed_link.html")]
struct FeedLinkPage {
    ctx: PageCtx,
    url: String,
    back: String,
}

async fn issue_feed(
    state: &AppState,
    auth: &Authed<EditorUp>,
    headers: &axum::http::HeaderMap,
    feed: &str,
    back: String,
) -> Result<Response, AppError> {
    let token = random_token();
    state
        .store()
        .set_feed_token(auth.user().workspace, feed, &secret_hash(&token))
        .await?;
    audit(state, auth.ctx.audit("feed_link", feed, "ok")).await;
    let tr = Tr(auth.ctx.lang);
    let ctx = page_ctx(
        state,
        &auth.principal,
        &auth.ctx,
        tr.t("feed.title").to_owned(),
    )
    .await?;
    Ok(render(&FeedLinkPage {
        ctx,
        url: {
            // The address as the browser reached this server, so the link works when pasted.
            let host = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .filter(|h| {
                    h.chars()
                        .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
                })
                .unwrap_or("localhost");
            let scheme = if auth.ctx.secure { "https" } else { "http" };
            format!("{scheme}://{host}/agenda/{token}.ics")
        },
        back,
    })?
    .into_response())
}

pub async fn roster_feed_link(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    headers: axum::http::HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = id_of(&id)?;
    let record = state.store().record(auth.user().workspace, id).await?;
    if record.kind != RecordKind::Roster {
        return Err(AppError::NotFound);
    }
    issue_feed(
        &state,
        &auth,
        &headers,
        &format!("roster:{id}"),
        record_href(RecordKind::Roster, id),
    )
    .await
}

pub async fn meetings_feed_link(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    headers: axum::http::HeaderMap,
) -> Result<Response, AppError> {
    issue_feed(
        &state,
        &auth,
        &headers,
        "meetings",
        "/voorbereiden/overleggen".into(),
    )
    .await
}

/// A private calendar feed: no login, the unguessable link is the key.
pub async fn calendar_feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    use crisismap_core::interchange::ical::{CalendarEvent, calendar};
    let token = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    let (ws, feed) = state.store().feed_of_token(&secret_hash(token)).await?;
    let index = Index::load(&state, ws).await?;
    let (name, events) = if let Some(id) = feed.strip_prefix("roster:") {
        let id: RecordId = id.parse().map_err(|_| AppError::NotFound)?;
        let record = index
            .get(id)
            .filter(|r| !r.archived)
            .ok_or(AppError::NotFound)?;
        let roster = record.view::<RosterView>().ok_or(AppError::NotFound)?;
        let describe = |person: RecordId| -> String {
            let contact = index.get(person).and_then(|c| c.view::<ContactView>());
            match contact {
                Some(c) => {
                    let phones: Vec<String> =
                        c.phones.iter().map(|p| phone_display(&p.number)).collect();
                    format!("{} {}", c.name, phones.join(", "))
                }
                None => String::new(),
            }
        };
        let events = roster
            .shifts
            .iter()
            .enumerate()
            .map(|(i, s)| CalendarEvent {
                uid: format!("{id}-shift-{i}@crisismap"),
                start: s.start,
                end: s.end,
                summary: format!(
                    "Piket {}: {}",
                    roster.name,
                    index.title(s.person).unwrap_or("?")
                ),
                description: Some(describe(s.person)),
                location: None,
                rrule: None,
            })
            .chain(
                roster
                    .exceptions
                    .iter()
                    .enumerate()
                    .map(|(i, s)| CalendarEvent {
                        uid: format!("{id}-standin-{i}@crisismap"),
                        start: s.start,
                        end: s.end,
                        summary: format!(
                            "Piket {} (vervanging): {}",
                            roster.name,
                            index.title(s.person).unwrap_or("?")
                        ),
                        description: Some(format!(
                            "{} {}",
                            describe(s.person),
                            s.reason.clone().unwrap_or_default()
                        )),
                        location: None,
                        rrule: None,
                    }),
            )
            .collect::<Vec<_>>();
        (roster.name, events)
    } else if feed == "meetings" {
        let events = index
            .views::<MeetingView>(RecordKind::Meeting)
            .into_iter()
            .map(|(id, m)| CalendarEvent {
                uid: format!("{id}@crisismap"),
                start: m.first_start,
                end: m
                    .first_start
                    .checked_add(m.duration_minutes.minutes())
                    .unwrap_or(m.first_start),
                summary: m.name.clone(),
                description: m.agenda.clone(),
                location: m.location.clone(),
                rrule: m
                    .rrule()
                    .and_then(|r| crisismap_core::interchange::ical::Recurrence::parse(r).ok()),
            })
            .collect();
        ("Overleggen".to_owned(), events)
    } else {
        return Err(AppError::NotFound);
    };
    Ok(download(
        calendar(&name, state.now(), &events).into_bytes(),
        "text/calendar; charset=utf-8",
        "crisismap.ics",
    ))
}
