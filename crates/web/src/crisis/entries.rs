//! Every kind of entry as a list (with the checks its kind needs) and as a detail page with
//! its versions and links.

use super::frame::{Head, crisis_id, entry_id, head, kind_of, room_ctx, when};
use super::frame::{crisis_href, entry_href};
use super::picture::FlashQuery;
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::PageCtx;
use crate::http::page::render;
use crate::register::display::{Shown, choice_label, show};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use crisismap_app::crisis::Room;
use crisismap_app::i18n::Tr;
use crisismap_app::words::transcribed_words;
use crisismap_core::crisis::EntryKind;
use crisismap_core::crisis::overdue;
use crisismap_core::register::RecordKind;
use crisismap_core::time::local_display;
use crisismap_core::{DomainEvent, Role};
use crisismap_store::{Entry, EntryFilter};
use serde::Deserialize;

pub struct Row {
    pub href: String,
    pub title: String,
    pub cells: Vec<Shown>,
    pub flags: Vec<(&'static str, &'static str)>,
    pub meta: String,
    pub body: String,
}

pub struct ScenarioColumn {
    pub label: &'static str,
    pub case: &'static str,
    pub rows: Vec<Row>,
}

pub struct PartyCheck {
    pub party: &'static str,
    pub why: String,
    pub informed: Option<String>,
}

#[derive(Template)]
#[template(path = "crisis/entries.html")]
pub(super) struct EntriesPage {
    ctx: PageCtx,
    head: Head,
    slug: &'static str,
    heading: &'static str,
    new_label: &'static str,
    lead: &'static str,
    title_header: &'static str,
    headers: Vec<String>,
    rows: Vec<Row>,
    total: i64,
    shown_from: i64,
    page: i64,
    pages: i64,
    filter: ListQuery,
    tags: Vec<(&'static str, &'static str)>,
    authors: Vec<(String, String)>,
    is_log: bool,
    is_action: bool,
    scenarios: Vec<ScenarioColumn>,
    parties: Vec<PartyCheck>,
    staffing: Vec<(&'static str, bool)>,
    support: Vec<Row>,
    teams: Vec<(String, String)>,
    flash: Option<&'static str>,
    query_base: String,
    can_invite: bool,
    quick_back: &'static str,
    quick_focus: bool,
    quick_categories: Vec<(&'static str, &'static str)>,
    is_decision: bool,
    /// The quick decision line's suggestions: the active teams' members and their roles.
    quick_people: Vec<(String, String)>,
    quick_capacities: Vec<(String, String)>,
    /// On the costs: the totals by category and in all.
    costs: Option<super::costs::CostTotals>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub tag: String,
    pub author: String,
    pub mine: String,
    pub page: i64,
    pub melding: Option<String>,
}

impl Row {
    /// The row's filled-in cells as one line ("28-11-2026 15:00 · Marleen Hoekstra"): an empty
    /// cell leaves no separator behind.
    pub fn cells_line(&self) -> String {
        self.cells
            .iter()
            .map(|c| c.text.as_str())
            .filter(|t| !t.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

pub(super) const PAGE_SIZE: i64 = 100;

/// Whether an entry (not from paper) was recorded much later than it happened.
pub(super) fn entry_late(e: &Entry) -> bool {
    e.transcribed.is_none()
        && crisismap_core::crisis::occurrence::recorded_late(e.occurred_at, e.created_at)
}

pub(super) fn row(room: &Room, e: &Entry, tr: Tr, now: jiff::Timestamp) -> Row {
    let schema = e.kind.schema();
    let cells = schema
        .columns
        .iter()
        .filter_map(|c| schema.field(c))
        .map(|f| show(f, e.data.get(f.name), room, tr))
        .collect();
    let mut flags = vec![];
    if overdue(e, now) {
        flags.push(("badge-bad", tr.t("crisis-overdue")));
    }
    if e.kind == EntryKind::Decision {
        if room.superseded_by(e.id).is_some() {
            flags.push(("badge-muted", tr.t("crisis-superseded")));
        } else if room.entries.reevaluation_due(e, now) {
            flags.push(("badge-warn", tr.t("crisis-reevaluate_due")));
        }
    }
    if e.kind == EntryKind::Dilemma {
        if room.answered_by(e.id).is_some() {
            flags.push(("badge-ok", tr.t("crisis-dilemma_closed")));
        } else {
            flags.push(("badge-warn", tr.t("crisis-dilemma_open")));
        }
    }
    if e.kind == EntryKind::Log && e.text("corrects").is_some() {
        flags.push(("badge-warn", tr.t("crisis-correction")));
    }
    if e.transcribed.is_some() {
        flags.push(("badge-muted", tr.t("crisis-transcribed")));
    } else if entry_late(e) {
        flags.push(("badge-muted", tr.t("crisis-recorded_late")));
    }
    Row {
        href: entry_href(room.id(), e.kind, e.id),
        title: room.entry_title(e.kind, &e.title, tr),
        cells,
        flags,
        meta: format!(
            "{} · {}",
            local_display(e.created_at),
            room.actor_name(&e.created_by)
        ),
        body: match e.kind {
            EntryKind::Scenario => e.text("description").unwrap_or("").to_owned(),
            EntryKind::Log => e.text("text").unwrap_or("").to_owned(),
            _ => String::new(),
        },
    }
}

pub(super) async fn entries(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path((id, slug)): Path<(String, String)>,
    Query(q): Query<ListQuery>,
) -> Result<Html<String>, AppError> {
    let kind = kind_of(&slug, auth.user())?;
    // The log links only to other log entries: the rest of the room is not needed.
    let mut room = if kind == EntryKind::Log {
        Room::load_with(&state, auth.user().workspace, crisis_id(&id)?, &[]).await?
    } else {
        Room::load_kind(&state, auth.user().workspace, crisis_id(&id)?, kind).await?
    };
    let tr = Tr(auth.ctx.lang);
    let now = state.now();
    let ctx = room_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        &room,
        format!(
            "{}: {}",
            tr.t(&format!("e-{kind}-plural")),
            room.state().title
        ),
    )
    .await;
    let schema = kind.schema();
    let page = q.page.max(1);
    let (entries, total): (Vec<Entry>, i64) = if kind == EntryKind::Log {
        let filter = EntryFilter {
            tag: Some(q.tag.clone()),
            author: Some(q.author.clone()),
            text: Some(q.q.clone()),
            newest_first: true,
            offset: (page - 1) * PAGE_SIZE,
            limit: PAGE_SIZE,
        };
        let (entries, total) = state
            .store()
            .entry_page(auth.user().workspace, room.id(), kind, &filter)
            .await?;
        // Corrections point at earlier entries: load those for their links.
        for e in &entries {
            if let Some(target) = e.text("corrects").and_then(|t| t.parse().ok())
                && room.entry(target).is_none()
                && let Ok(t) = state
                    .store()
                    .entry(auth.user().workspace, room.id(), target)
                    .await
            {
                room.add(t);
            }
        }
        (entries, total)
    } else {
        let needle = q.q.trim().to_lowercase();
        let me = auth.user().id.to_string();
        let list: Vec<Entry> = room
            .of(kind)
            .filter(|e| {
                needle.is_empty() || crisismap_store::search_text_of(&e.data).contains(&needle)
            })
            .filter(|e| {
                q.tag.is_empty() || kind.tag_field().and_then(|f| e.text(f)) == Some(q.tag.as_str())
            })
            .filter(|e| q.mine.is_empty() || e.text("owner") == Some(me.as_str()))
            .cloned()
            .collect();
        let total = list.len() as i64;
        (list, total)
    };
    let mut rows: Vec<Row> = entries.iter().map(|e| row(&room, e, tr, now)).collect();
    if matches!(kind, EntryKind::Action | EntryKind::CouncilQuestion) {
        // Overdue first, then by deadline.
        rows.sort_by_key(|r| r.flags.is_empty());
    }
    let headers = schema
        .columns
        .iter()
        .filter(|c| schema.field(c).is_some())
        .map(|c| tr.t(&format!("f-{kind}-{c}")).to_owned())
        .collect();
    let tags = kind
        .tag_field()
        .and_then(|f| schema.field(f))
        .map(|f| match f.ty {
            crisismap_core::register::schema::FieldType::Choice(codes) => codes
                .iter()
                .map(|c| (*c, choice_label(tr, f.name, c)))
                .collect(),
            _ => vec![],
        })
        .unwrap_or_default();
    let scenarios = if kind == EntryKind::Scenario {
        crisismap_core::crisis::entries::CASES
            .iter()
            .map(|case| ScenarioColumn {
                label: choice_label(tr, "case", case),
                case,
                rows: room
                    .of(kind)
                    .filter(|e| e.text("case") == Some(case))
                    .map(|e| row(&room, e, tr, now))
                    .collect(),
            })
            .collect()
    } else {
        vec![]
    };
    let parties = if kind == EntryKind::Informing {
        let escalations = room
            .index
            .views::<crisismap_core::register::views::EscalationView>(RecordKind::Escalation);
        room.state()
            .expected_parties(&escalations)
            .into_iter()
            .map(|(party, why)| PartyCheck {
                party: choice_label(tr, "party", &party),
                why: why
                    .into_iter()
                    .map(|w| match w {
                        crisismap_core::crisis::state::ExpectedBy::Agreement(name) => name,
                        crisismap_core::crisis::state::ExpectedBy::Classification => {
                            tr.t("crisis-by_classification").to_owned()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                informed: room
                    .of(EntryKind::Informing)
                    .filter(|e| e.text("party") == Some(party.as_str()))
                    .filter_map(|e| e.text("informed_at"))
                    .min()
                    .map(when),
            })
            .collect()
    } else {
        vec![]
    };
    let (staffing, support, teams) = if kind == EntryKind::Attendance {
        (
            room.staffing(now),
            room.of(EntryKind::Support)
                .map(|e| row(&room, e, tr, now))
                .collect(),
            room.state()
                .teams
                .iter()
                .filter_map(|t| room.index.get(*t))
                .map(|t| {
                    (
                        t.title.clone(),
                        crate::register::display::record_href(RecordKind::Team, t.id),
                    )
                })
                .collect(),
        )
    } else {
        (vec![], vec![], vec![])
    };
    let authors = if kind == EntryKind::Log {
        room.users
            .iter()
            .map(|u| (format!("user:{}", u.id), u.display_name.clone()))
            .collect()
    } else {
        vec![]
    };
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let query_base = format!(
        "{}?{}",
        format_args!("{}/{}", crisis_href(room.id()), kind.slug()),
        serde_urlencoded::to_string([
            ("q", q.q.as_str()),
            ("tag", q.tag.as_str()),
            ("author", q.author.as_str()),
        ])
        .unwrap_or_default()
    );
    let tab = match kind {
        EntryKind::Support => "aanwezigheid",
        EntryKind::Evaluation => "bevindingen",
        EntryKind::Claim => "kosten",
        EntryKind::Fact | EntryKind::ProcessStatus | EntryKind::Effect => "",
        other => other.slug(),
    };
    let (people, capacities) = if kind == EntryKind::Decision {
        super::entry_form::decision_makers(&room, tr)
    } else {
        (vec![], vec![])
    };
    let costs = if kind == EntryKind::Cost {
        super::costs::cost_totals(&room, tr)
    } else {
        None
    };
    render(&EntriesPage {
        costs,
        head: head(&room, tr, tab, auth.user()),
        slug: kind.slug(),
        heading: tr.t(&format!("e-{kind}-plural")),
        new_label: tr.t(&format!("e-{kind}-new")),
        lead: tr.t(&format!("e-{kind}-lead")),
        title_header: tr.t(&format!("f-{kind}-{}", schema.title)),
        headers,
        rows,
        total,
        shown_from: (page - 1) * PAGE_SIZE,
        page,
        pages,
        flash: tr.flash(q.melding.as_deref(), &["saved", "logged", "decided"]),
        is_decision: kind == EntryKind::Decision,
        quick_people: people,
        quick_capacities: capacities,
        quick_back: "logboek",
        // On the log the line is the page's first task: the cursor starts there.
        quick_focus: kind == EntryKind::Log && q.page <= 1,
        quick_categories: super::frame::quick_categories(tr),
        filter: q,
        tags,
        authors,
        is_log: kind == EntryKind::Log,
        is_action: kind == EntryKind::Action,
        scenarios,
        parties,
        staffing,
        support,
        teams,
        query_base,
        can_invite: auth.user().role.allows(Role::Editor)
            && auth.user().crisis_scope.is_none()
            && !room.state().closed,
        ctx,
    })
}

use crate::register::display::{DetailField, DetailGroup};

pub struct Version {
    pub rev: i64,
    pub at: String,
    pub who: String,
    pub summary: String,
}

pub struct Link {
    pub label: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "crisis/entry.html")]
pub(super) struct EntryPage {
    ctx: PageCtx,
    head: Head,
    slug: &'static str,
    kind_label: &'static str,
    id: String,
    rev: i64,
    fields: Vec<DetailField>,
    groups: Vec<DetailGroup>,
    recorded: String,
    /// When it happened, where that differs from when it was recorded.
    occurred: String,
    late: bool,
    transcribed: String,
    versions: Vec<Version>,
    related: Vec<(&'static str, Vec<Link>)>,
    actions: Vec<Link>,
    can_edit: bool,
    flash: Option<&'static str>,
}

pub(super) async fn detail(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path((id, slug, entry)): Path<(String, String, String)>,
    Query(q): Query<FlashQuery>,
) -> Result<Html<String>, AppError> {
    let kind = kind_of(&slug, auth.user())?;
    let ws = auth.user().workspace;
    let mut room = Room::load_kind(&state, ws, crisis_id(&id)?, kind).await?;
    let e = state
        .store()
        .entry(ws, room.id(), entry_id(&entry)?)
        .await?;
    if e.kind != kind {
        return Err(AppError::NotFound);
    }
    let tr = Tr(auth.ctx.lang);
    // The room holds no log lines (they are paged): a log line a finding cites is read here.
    if kind == EntryKind::Finding
        && let Some(cited) = e.text("log").and_then(|t| t.parse().ok())
        && let Ok(t) = state.store().entry(ws, room.id(), cited).await
    {
        room.add(t);
    }
    // Log entries this one corrects, or that correct it.
    let mut corrections = vec![];
    if kind == EntryKind::Log {
        if let Some(target) = e.text("corrects").and_then(|t| t.parse().ok())
            && let Ok(t) = state.store().entry(ws, room.id(), target).await
        {
            room.add(t);
        }
        let (found, _) = state
            .store()
            .entry_page(
                ws,
                room.id(),
                EntryKind::Log,
                &EntryFilter {
                    text: Some(e.id.to_string()),
                    limit: 100,
                    ..EntryFilter::default()
                },
            )
            .await?;
        corrections = found
            .into_iter()
            .filter(|c| c.text("corrects") == Some(e.id.to_string().as_str()))
            .collect();
    }
    room.add(e.clone());
    let title = room.entry_title(e.kind, &e.title, tr);
    let ctx = room_ctx(&state, &auth.principal, &auth.ctx, &room, title).await;
    let (fields, groups) = crate::register::display::detail(kind.schema(), &e.data, &room, tr);
    let versions = state
        .store()
        .entry_versions(room.id(), e.id)
        .await?
        .iter()
        .filter_map(|env| match env.event().ok()? {
            DomainEvent::EntrySaved { rev, data, .. } => Some(Version {
                rev,
                at: local_display(env.recorded_at),
                who: room.actor_name(&env.actor),
                summary: kind
                    .tag_field()
                    .and_then(|f| {
                        data.get(f)
                            .and_then(|v| v.as_str())
                            .map(|c| choice_label(tr, f, c).to_owned())
                    })
                    .unwrap_or_default(),
            }),
            _ => None,
        })
        .collect();
    let base = crisis_href(room.id());
    let link = |x: &Entry| Link {
        label: room.entry_title(x.kind, &x.title, tr),
        href: entry_href(room.id(), x.kind, x.id),
    };
    let me = e.id.to_string();
    let mut related: Vec<(&'static str, Vec<Link>)> = vec![];
    let mut actions = vec![];
    let writer = auth.user().role.allows(Role::Member)
        && !room.state().closed
        && crisismap_app::crisis::guest_may_write(&auth.principal, Some(kind)).is_ok();
    match kind {
        EntryKind::Log => {
            related.push((
                tr.t("crisis-corrections"),
                corrections.iter().map(link).collect(),
            ));
            if writer {
                actions.push(Link {
                    label: tr.t("crisis-correct").to_owned(),
                    href: format!("{base}/logboek/nieuw?corrects={me}"),
                });
            }
        }
        EntryKind::Decision => {
            let superseded: Vec<Link> = room.superseded_by(e.id).into_iter().map(link).collect();
            related.push((tr.t("crisis-superseded_by"), superseded));
            let acts = room
                .of(EntryKind::Action)
                .filter(|a| a.text("decision") == Some(me.as_str()))
                .map(link)
                .collect();
            related.push((tr.t("e-action-plural"), acts));
            if writer {
                actions.push(Link {
                    label: tr.t("crisis-supersede").to_owned(),
                    href: format!("{base}/besluiten/nieuw?supersedes={me}"),
                });
                actions.push(Link {
                    label: tr.t("e-action-new").to_owned(),
                    href: format!("{base}/acties/nieuw?decision={me}"),
                });
            }
        }
        EntryKind::Dilemma => {
            let closing: Vec<Link> = room.answered_by(e.id).into_iter().map(link).collect();
            related.push((tr.t("crisis-closed_by"), closing));
            if writer {
                actions.push(Link {
                    label: tr.t("crisis-decide_dilemma").to_owned(),
                    href: format!("{base}/besluiten/nieuw?dilemma={me}"),
                });
            }
        }
        EntryKind::Bob => {
            let decided = room
                .of(EntryKind::Decision)
                .filter(|d| d.text("meeting") == Some(me.as_str()))
                .map(link)
                .collect();
            related.push((tr.t("crisis-meeting_decisions"), decided));
            if writer {
                actions.push(Link {
                    label: tr.t("e-decision-new").to_owned(),
                    href: format!("{base}/besluiten/nieuw?meeting={me}"),
                });
            }
        }
        EntryKind::Finding => {
            // A lesson outlives the crisis: it becomes an improvement action in the register,
            // for whoever may change the preparation.
            let lesson = e.text("lesson").unwrap_or("").trim();
            if !lesson.is_empty() && auth.user().role.allows(Role::Editor) {
                let source = tr.with(
                    "finding-source",
                    &[(
                        "crisis",
                        crisismap_app::i18n::Value::from(room.state().title.as_str()),
                    )],
                );
                let query = serde_urlencoded::to_string([
                    ("name", lesson.lines().next().unwrap_or(lesson)),
                    ("lesson", lesson),
                    ("theme", e.text("theme").unwrap_or("")),
                    ("source", source.as_str()),
                    ("status", "open"),
                ])
                .unwrap_or_default();
                actions.push(Link {
                    label: tr.t("finding-to_improvement").to_owned(),
                    href: format!("/voorbereiden/verbeteracties/nieuw?{query}"),
                });
            }
        }
        EntryKind::Scenario => {
            let decided = room
                .of(EntryKind::Decision)
                .filter(|d| d.text("scenario") == Some(me.as_str()))
                .map(link)
                .collect();
            related.push((tr.t("e-decision-plural"), decided));
        }
        _ => {}
    }
    render(&EntryPage {
        head: head(&room, tr, kind.slug(), auth.user()),
        slug: kind.slug(),
        kind_label: tr.t(&format!("e-{kind}-one")),
        id: me,
        rev: e.rev,
        fields,
        groups,
        recorded: format!(
            "{} · {}",
            local_display(e.created_at),
            room.actor_name(&e.created_by)
        ),
        occurred: {
            let (o, r) = (local_display(e.occurred_at), local_display(e.created_at));
            if o == r { String::new() } else { o }
        },
        late: entry_late(&e),
        transcribed: e
            .transcribed
            .as_ref()
            .map(|t| transcribed_words(t, &room.actor_name(&e.created_by), e.created_at, tr))
            .unwrap_or_default(),
        versions,
        related,
        actions,
        can_edit: writer && !kind.immutable(),
        flash: tr.flash(q.melding.as_deref(), &["saved"]),
        ctx,
    })
}
