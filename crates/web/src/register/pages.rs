//! The register's pages: overview, list, detail, new/edit forms, archive. Everything a
//! viewer may read; editors and administrators may change.

use super::display::{Shown, record_href, show};
use super::extras;
use super::form::{self, FormView};
use super::frame::{decode_form, id_of, kind_of, page_ctx};
use crate::AppState;
use crate::http::auth::{Authed, EditorUp, ViewerUp};
use crate::http::error::{AppError, FieldError};
use crate::http::page::PageCtx;
use crate::http::page::render;
use askama::Template;
use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use crisismap_app::i18n::Tr;
use crisismap_app::register::Index;
use crisismap_core::register::{RawRecord, Record, RecordId, RecordKind};
use serde::Deserialize;

pub struct OverviewCard {
    pub href: String,
    pub title: &'static str,
    pub description: &'static str,
    pub count: Option<usize>,
}

#[derive(Template)]
#[template(path = "register/overview.html")]
struct OverviewPage {
    ctx: PageCtx,
    cards: Vec<OverviewCard>,
}

pub(super) async fn overview(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Html<String>, AppError> {
    let tr = Tr(auth.ctx.lang);
    let ctx = page_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        tr.t("section-prepare-title").to_owned(),
    )
    .await?;
    let index = Index::load(&state, auth.user().workspace).await?;
    let part = |kind: RecordKind| -> (&'static str, &'static str) {
        match kind {
            RecordKind::Contact => ("part-contacts-title", "part-contacts-desc"),
            RecordKind::Organisation => ("part-organisations-title", "part-organisations-desc"),
            RecordKind::Team => ("part-teams-title", "part-teams-desc"),
            RecordKind::Roster => ("part-oncall-title", "part-oncall-desc"),
            RecordKind::Escalation => ("part-escalation-title", "part-escalation-desc"),
            RecordKind::Process => ("part-processes-title", "part-processes-desc"),
            RecordKind::Meeting => ("part-meetings-title", "part-meetings-desc"),
            RecordKind::Plan => ("part-plans-title", "part-plans-desc"),
            RecordKind::Readiness => ("part-readiness-title", "part-readiness-desc"),
            RecordKind::RiskObject => ("part-risk_objects-title", "part-risk_objects-desc"),
            RecordKind::Improvement => ("part-improvements-title", "part-improvements-desc"),
            RecordKind::DutyType => ("part-duty_types-title", "part-duty_types-desc"),
            RecordKind::SafeCheck => ("part-safe_checks-title", "part-safe_checks-desc"),
            RecordKind::LearningGoal => ("k-learning_goal-plural", "k-learning_goal-lead"),
            RecordKind::Exercise => ("exercise-plan", "k-exercise-lead"),
            RecordKind::ExerciseScript => ("k-exercise_script-plural", "k-exercise_script-lead"),
        }
    };
    let mut cards: Vec<OverviewCard> = RecordKind::ALL
        .iter()
        .filter(|k| **k != RecordKind::Readiness)
        .map(|k| OverviewCard {
            href: format!("/voorbereiden/{}", k.slug()),
            title: tr.t(part(*k).0),
            description: tr.t(part(*k).1),
            count: Some(index.live(*k).count()),
        })
        .collect();
    cards.push(OverviewCard {
        href: "/voorbereiden/cascade".into(),
        title: tr.t("part-cascade-title"),
        description: tr.t("part-cascade-desc"),
        count: None,
    });
    cards.push(OverviewCard {
        href: "/voorbereiden/gereedheid".into(),
        title: tr.t("part-readiness-title"),
        description: tr.t("part-readiness-desc"),
        count: None,
    });
    cards.push(OverviewCard {
        href: "/voorbereiden/bibliotheek".into(),
        title: tr.t("part-library-title"),
        description: tr.t("part-library-desc"),
        count: None,
    });
    render(&OverviewPage { ctx, cards })
}

pub struct ListRow {
    pub href: String,
    pub title: String,
    pub cells: Vec<Shown>,
    /// (badge class, text)
    pub flags: Vec<(&'static str, String)>,
    pub id: String,
}

#[derive(Template)]
#[template(path = "register/list.html")]
struct ListPage {
    ctx: PageCtx,
    slug: &'static str,
    add_first: &'static str,
    title_header: &'static str,
    lead: &'static str,
    can_edit: bool,
    q: String,
    headers: Vec<String>,
    rows: Vec<ListRow>,
    total: usize,
    flash: Option<&'static str>,
    extras: extras::ListExtras,
    /// On-call rosters: the moment asked about, as typed (empty: now), and whether it could
    /// not be read.
    at: String,
    at_invalid: bool,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    filter: String,
    melding: Option<String>,
    /// Rosters: who is on call at this moment (`2026-12-08T02:00`, Amsterdam) instead of now.
    #[serde(default)]
    op: String,
}

const FLASHES: &[&str] = &["saved", "archived", "imported", "order_changed"];

pub(super) async fn list(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Html<String>, AppError> {
    let kind = kind_of(&slug)?;
    let tr = Tr(auth.ctx.lang);
    let ctx = page_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        tr.t(&format!("k-{kind}-plural")).to_owned(),
    )
    .await?;
    let index = Index::load(&state, auth.user().workspace).await?;
    let schema = kind.schema();
    let now = state.now();
    let asked = (!q.op.trim().is_empty()).then(|| crisismap_app::crisis::parse_moment(&q.op));
    let at = asked.flatten().unwrap_or(now);
    let needle = q.q.trim().to_lowercase();
    let mut records: Vec<&Record> = if kind == RecordKind::Process {
        index.processes_in_restore_order()
    } else {
        index.live(kind).collect()
    };
    let total = records.len();
    if kind == RecordKind::Escalation {
        records.sort_by_key(|r| {
            r.data
                .get("step")
                .and_then(|v| v.as_i64())
                .unwrap_or(i64::MAX)
        });
    }
    let review_months = state.config().contact_review_months;
    let rows: Vec<ListRow> = records
        .into_iter()
        .filter(|r| {
            needle.is_empty()
                || serde_json::to_string(&r.data)
                    .unwrap_or_default()
                    .to_lowercase()
                    .contains(&needle)
        })
        .map(|r| {
            let mut cells: Vec<Shown> = schema
                .columns
                .iter()
                .map(|c| match schema.field(c) {
                    Some(f) => show(f, r.data.get(*c), &index, tr),
                    None => extras::group_cell(r, c, tr),
                })
                .collect();
            cells.extend(extras::extra_cells(kind, r, &index, at, tr));
            ListRow {
                href: record_href(kind, r.id),
                title: r.title.clone(),
                flags: extras::flags(kind, r, now, review_months, tr),
                id: r.id.to_string(),
                cells,
            }
        })
        .filter(|row| q.filter != "aandacht" || !row.flags.is_empty())
        .collect();
    let mut headers: Vec<String> = schema
        .columns
        .iter()
        .map(|c| {
            if schema.group(c).is_some() {
                tr.t(&format!("g-{kind}-{c}")).to_owned()
            } else {
                tr.t(&format!("f-{kind}-{c}")).to_owned()
            }
        })
        .collect();
    headers.extend(extras::extra_headers(kind, tr));
    if kind == RecordKind::Roster && at != now {
        // The column says the moment it answers for.
        if let Some(last) = headers.last_mut() {
            *last = format!(
                "{} {}",
                tr.t("oncall-at"),
                crisismap_core::time::local_display(at)
            );
        }
    }
    let flash = tr.flash(q.melding.as_deref(), FLASHES);
    let extras = extras::list_extras(&state, &auth, kind, &index, now, tr).await?;
    render(&ListPage {
        ctx,
        slug: kind.slug(),
        add_first: tr.t(&format!("k-{kind}-add_first")),
        title_header: tr.t(&format!("f-{kind}-{}", schema.title)),
        lead: tr.t(&format!("k-{kind}-lead")),
        can_edit: auth.user().role.allows(crisismap_core::Role::Editor),
        q: q.q,
        headers,
        rows,
        total,
        flash,
        extras,
        at_invalid: matches!(asked, Some(None)),
        at: q.op,
    })
}

use super::display::{DetailField, DetailGroup};

#[derive(Template)]
#[template(path = "register/detail.html")]
struct DetailPage {
    ctx: PageCtx,
    slug: &'static str,
    kind_label: &'static str,
    id: String,
    rev: i64,
    archived: bool,
    can_edit: bool,
    fields: Vec<DetailField>,
    groups: Vec<DetailGroup>,
    updated: String,
    extras: extras::DetailExtras,
    flash: Option<&'static str>,
}

pub(super) async fn detail(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<ListQuery>,
) -> Result<Html<String>, AppError> {
    let kind = kind_of(&slug)?;
    let id = id_of(&id)?;
    let tr = Tr(auth.ctx.lang);
    let index = Index::load(&state, auth.user().workspace).await?;
    let record = index
        .get(id)
        .filter(|r| r.kind == kind)
        .ok_or(AppError::NotFound)?;
    let title = if kind == RecordKind::Readiness {
        tr.t(&format!("readiness-{}", record.title)).to_owned()
    } else {
        record.title.clone()
    };
    let ctx = page_ctx(&state, &auth.principal, &auth.ctx, title).await?;
    let (fields, groups) = super::display::detail(kind.schema(), &record.data, &index, tr);
    let updated = record
        .updated_at
        .parse()
        .map(crisismap_core::time::local_display)
        .unwrap_or_default();
    let extras = extras::detail_extras(&state, &auth, record, &index, tr).await?;
    let flash = tr.flash(q.melding.as_deref(), &["saved"]);
    render(&DetailPage {
        ctx,
        slug: kind.slug(),
        kind_label: tr.t(&format!("k-{kind}-one")),
        id: record.id.to_string(),
        rev: record.rev,
        archived: record.archived,
        can_edit: auth.user().role.allows(crisismap_core::Role::Editor) && !record.archived,
        fields,
        groups,
        updated,
        extras,
        flash,
    })
}

#[derive(Template)]
#[template(path = "register/form.html")]
pub(super) struct FormPage {
    pub ctx: PageCtx,
    pub action: String,
    pub cancel: String,
    pub rev: Option<i64>,
    pub form: FormView,
    pub conflict: Option<&'static str>,
}

#[allow(clippy::too_many_arguments)] // the form's whole state, passed by the handlers that own it
pub(super) async fn form_page(
    state: &AppState,
    auth: &Authed<EditorUp>,
    kind: RecordKind,
    record: Option<&Record>,
    raw: RawRecord,
    errors: Vec<FieldError>,
    conflict: bool,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let index = Index::load(state, auth.user().workspace).await?;
    let title = match record {
        Some(r) if kind == RecordKind::Readiness => {
            tr.t(&format!("readiness-{}", r.title)).to_owned()
        }
        Some(r) => format!("{}: {}", tr.t("form-edit"), r.title),
        None => tr.t(&format!("k-{kind}-new")).to_owned(),
    };
    let ctx = page_ctx(state, &auth.principal, &auth.ctx, title).await?;
    let (action, cancel) = match record {
        _ if kind == RecordKind::Readiness => (
            format!("/voorbereiden/gereedheid/{}", raw.field("item")),
            "/voorbereiden/gereedheid".to_owned(),
        ),
        Some(r) => (record_href(kind, r.id), record_href(kind, r.id)),
        None => (
            format!("/voorbereiden/{}", kind.slug()),
            format!("/voorbereiden/{}", kind.slug()),
        ),
    };
    let form = form::build(kind.schema(), &raw, &errors, &index, tr);
    let page = FormPage {
        ctx,
        action,
        cancel,
        rev: record.map(|r| r.rev),
        form,
        conflict: conflict.then(|| tr.t("error-stale_revision")),
    };
    Ok((status, render(&page)?).into_response())
}

pub(super) async fn new_form(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path(slug): Path<String>,
    Query(q): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let kind = kind_of(&slug)?;
    // Prefilled from the address (an improvement action made from a finding's lesson): only
    // the kind's own fields, and nothing is saved until the form is sent.
    let mut raw = RawRecord::default();
    for (k, v) in q {
        if kind.schema().field(&k).is_some() {
            raw.fields.insert(k, v);
        }
    }
    form_page(
        &state,
        &auth,
        kind,
        None,
        raw,
        vec![],
        false,
        StatusCode::OK,
    )
    .await
}

pub(super) async fn edit_form(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let kind = kind_of(&slug)?;
    let record = state
        .store()
        .record(auth.user().workspace, id_of(&id)?)
        .await?;
    if record.kind != kind || record.archived {
        return Err(AppError::NotFound);
    }
    let raw = RawRecord::from_data(kind.schema(), &record.data);
    form_page(
        &state,
        &auth,
        kind,
        Some(&record),
        raw,
        vec![],
        false,
        StatusCode::OK,
    )
    .await
}

/// Form pairs without the CSRF token and revision.
pub(crate) fn form_pairs(body: &[u8]) -> Result<(RawRecord, Option<i64>), AppError> {
    let pairs = decode_form(body)?;
    let rev = pairs
        .iter()
        .find(|(k, _)| k == "rev")
        .and_then(|(_, v)| v.parse().ok());
    let raw = RawRecord::from_pairs(
        pairs
            .iter()
            .filter(|(k, _)| k != "_csrf" && k != "rev")
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    Ok((raw, rev))
}

/// Saves a record from a form and answers as the form does: to the saved record, or back to
/// the form with every message (422), or with the newer version's revision when someone saved
/// in between (409). `done` says where a successful save leads.
pub(super) async fn save_from_form(
    state: &AppState,
    auth: &Authed<EditorUp>,
    kind: RecordKind,
    existing: Option<&Record>,
    rev: Option<i64>,
    raw: RawRecord,
    done: impl FnOnce(RecordId) -> String,
) -> Result<Response, AppError> {
    let id = existing.map(|r| r.id);
    let saved = crisismap_app::register::save(
        state,
        &auth.principal,
        &auth.ctx.origin,
        kind,
        id,
        rev,
        &raw,
    )
    .await;
    crate::http::form::answer(saved, Tr(auth.ctx.lang), done, async |again| {
        // After a conflict the form is based on the newer version, keeping what was typed.
        let current = match id {
            Some(id) if again.conflict => {
                Some(state.store().record(auth.user().workspace, id).await?)
            }
            _ => None,
        };
        form_page(
            state,
            auth,
            kind,
            if again.conflict {
                current.as_ref()
            } else {
                existing
            },
            raw,
            again.errors,
            again.conflict,
            again.status,
        )
        .await
    })
    .await
}

pub(super) async fn create(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path(slug): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let kind = kind_of(&slug)?;
    let (raw, _) = form_pairs(&body)?;
    save_from_form(&state, &auth, kind, None, None, raw, |id| {
        format!("{}?melding=saved", record_href(kind, id))
    })
    .await
}

pub(super) async fn update(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path((slug, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let kind = kind_of(&slug)?;
    let id = id_of(&id)?;
    let (raw, rev) = form_pairs(&body)?;
    let record = state.store().record(auth.user().workspace, id).await?;
    if record.kind != kind || record.archived {
        return Err(AppError::NotFound);
    }
    save_from_form(&state, &auth, kind, Some(&record), rev, raw, |id| {
        format!("{}?melding=saved", record_href(kind, id))
    })
    .await
}

pub(super) async fn archive(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path((slug, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let kind = kind_of(&slug)?;
    let (_, rev) = form_pairs(&body)?;
    crisismap_app::register::archive(
        &state,
        &auth.principal,
        &auth.ctx.origin,
        kind,
        id_of(&id)?,
        rev,
    )
    .await?;
    Ok(Redirect::to(&format!("/voorbereiden/{}?melding=archived", kind.slug())).into_response())
}

#[cfg(test)]
mod tests {
    use super::decode_form;

    #[test]
    fn a_form_reads_as_the_browser_encoded_it() {
        let pairs = decode_form(b"_csrf=abc&name=Sanne+de+Vries&notes=a%0D%0Ab%26c%3D&empty=&bare")
            .expect("valid");
        let expected = [
            ("_csrf", "abc"),
            ("name", "Sanne de Vries"),
            ("notes", "a\r\nb&c="),
            ("empty", ""),
            ("bare", ""),
        ];
        let got: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(got, expected);
        for body in [
            "name=Caf%C3%A9+%F0%9F%98%80",
            "a=%&b=%2&c=%zz&d=100%",
            "x=1&&y=2&",
        ] {
            let lenient: Vec<(String, String)> =
                serde_urlencoded::from_bytes(body.as_bytes()).expect("valid");
            assert_eq!(
                decode_form(body.as_bytes()).expect("valid"),
                lenient,
                "{body}"
            );
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_refuse_the_form_instead_of_turning_into_question_marks() {
        for body in [
            b"name=Sanne\xff".as_slice(),
            b"name=%FF%FE",
            b"name=Caf%C3",
            b"notes=%ED%A0%80",
            b"na%80me=x",
        ] {
            assert!(decode_form(body).is_err(), "{body:?}");
        }
    }
}
