//! Typing paper back in: when the team worked on the blank forms of the printed crisis folder
//! (log, decision list, attendance list), the rows come back into the record here, many in a
//! row, each with the time written on it, marked with the form, the page and who wrote it.
//! All rows of a sheet are saved, or none (`super::transcribe`).

use super::frame::{Head, crisis_id, field, head, pairs, room_ctx};
use crate::AppState;
use crate::http::auth::{Authed, MemberUp};
use crate::http::error::{AppError, FieldError};
use crate::http::page::PageCtx;
use crate::http::page::render;
use crate::register::display::choice_label;
use askama::Template;
use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_app::crisis::{Room, TRANSCRIBED_KINDS};
use crisismap_app::i18n::Tr;
use crisismap_core::crisis::{EntryKind, Transcription};
use crisismap_core::register::RawRecord;
use crisismap_core::register::schema::FieldType;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The fields of each paper form, in the order they are printed on it.
fn columns(kind: EntryKind) -> &'static [&'static str] {
    match kind {
        EntryKind::Log => &["occurred_at", "category", "text", "source"],
        EntryKind::Decision => &[
            "decided_at",
            "title",
            "decision",
            "considerations",
            "alternatives",
            "decided_by",
            "capacity",
            "power",
        ],
        EntryKind::Attendance => &[
            "person",
            "capacity",
            "kind",
            "organisation",
            "arrived_at",
            "left_at",
        ],
        _ => &[],
    }
}

/// The Dutch name of the form in the address (`?formulier=logboek`).
fn kind_of(slug: &str) -> Option<EntryKind> {
    TRANSCRIBED_KINDS.into_iter().find(|k| k.slug() == slug)
}

const BLANK_ROWS: usize = 10;
const MAX_ROWS: usize = 200;

pub struct Input {
    pub name: String,
    pub id: String,
    pub label: &'static str,
    /// `datetime`, `select`, `textarea` or `text`.
    pub widget: &'static str,
    pub value: String,
    pub options: Vec<(&'static str, &'static str)>,
    pub required: bool,
    pub error: String,
}

pub struct Row {
    pub number: usize,
    pub inputs: Vec<Input>,
    pub has_error: bool,
}

#[derive(Template)]
#[template(path = "crisis/transcribe.html")]
struct TranscribePage {
    ctx: PageCtx,
    head: Head,
    kinds: Vec<(&'static str, &'static str, bool)>,
    slug: &'static str,
    form: String,
    page: String,
    written_by: String,
    sheet_errors: Vec<(String, String)>,
    rows: Vec<Row>,
    more: usize,
    errors: Vec<FieldError>,
    flash: Option<&'static str>,
}

impl TranscribePage {
    fn sheet_error(&self, name: &str) -> &str {
        self.sheet_errors
            .iter()
            .find(|(f, _)| f == name)
            .map(|(_, m)| m.as_str())
            .unwrap_or("")
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TranscribeQuery {
    formulier: String,
    regels: usize,
    melding: Option<String>,
    nummer: String,
    blad: String,
    door: String,
}

/// What was typed (or is offered) on one sheet.
struct Sheet {
    form: String,
    page: String,
    written_by: String,
    rows: Vec<BTreeMap<String, String>>,
}

#[allow(clippy::too_many_arguments)]
async fn show(
    state: &AppState,
    auth: &Authed<MemberUp>,
    room: &Room,
    kind: EntryKind,
    sheet: Sheet,
    errors: Vec<FieldError>,
    flash: Option<&'static str>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let ctx = room_ctx(
        state,
        &auth.principal,
        &auth.ctx,
        room,
        format!("{}: {}", tr.t("transcribe-title"), room.state().title),
    )
    .await;
    let errors = crate::http::error::localize(errors, tr);
    let message = |name: &str| {
        errors
            .iter()
            .filter(|e| e.field == name)
            .map(|e| e.message.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let schema = kind.schema();
    let rows: Vec<Row> = sheet
        .rows
        .iter()
        .enumerate()
        .map(|(i, typed)| {
            let inputs: Vec<Input> = columns(kind)
                .iter()
                .filter_map(|name| schema.field(name))
                .map(|f| {
                    let name = format!("rows.{i}.{}", f.name);
                    let (widget, options) = match f.ty {
                        FieldType::DateTime => ("datetime", vec![]),
                        FieldType::Choice(codes) => (
                            "select",
                            codes
                                .iter()
                                .map(|c| (*c, choice_label(tr, f.name, c)))
                                .collect(),
                        ),
                        FieldType::LongText { .. } => ("textarea", vec![]),
                        _ => ("text", vec![]),
                    };
                    Input {
                        error: message(&name),
                        id: format!("r{i}-{}", f.name),
                        label: tr.t(&format!("f-{}-{}", kind.code(), f.name)),
                        widget,
                        value: typed.get(f.name).cloned().unwrap_or_default(),
                        options,
                        required: f.required,
                        name,
                    }
                })
                .collect();
            Row {
                number: i + 1,
                has_error: inputs.iter().any(|x| !x.error.is_empty()),
                inputs,
            }
        })
        .collect();
    let page = TranscribePage {
        head: head(room, tr, "", auth.user()),
        kinds: TRANSCRIBED_KINDS
            .iter()
            .map(|k| {
                (
                    k.slug(),
                    tr.t(&format!("transcribe-kind-{}", k.code())),
                    *k == kind,
                )
            })
            .collect(),
        slug: kind.slug(),
        form: sheet.form,
        page: sheet.page,
        written_by: sheet.written_by,
        sheet_errors: ["form", "page", "written_by", "rows"]
            .iter()
            .map(|f| (f.to_string(), message(f)))
            .filter(|(_, m)| !m.is_empty())
            .collect(),
        more: (rows.len() + BLANK_ROWS).min(MAX_ROWS),
        rows,
        errors,
        flash,
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

/// The transcription page of one paper form, with blank rows to type into.
pub async fn page(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    Query(q): Query<TranscribeQuery>,
) -> Result<Response, AppError> {
    let room = Room::load_with(&state, auth.user().workspace, crisis_id(&id)?, &[]).await?;
    let kind = kind_of(&q.formulier).unwrap_or(EntryKind::Log);
    crisismap_app::crisis::guest_may_write(&auth.principal, Some(kind))?;
    let count = q.regels.clamp(BLANK_ROWS, MAX_ROWS);
    let flash = Tr(auth.ctx.lang).flash(q.melding.as_deref(), &["saved"]);
    let sheet = Sheet {
        form: q.nummer,
        page: q.blad,
        written_by: q.door,
        rows: vec![BTreeMap::new(); count],
    };
    let flash = flash.map(|_| Tr(auth.ctx.lang).t("transcribe-saved"));
    show(
        &state,
        &auth,
        &room,
        kind,
        sheet,
        vec![],
        flash,
        StatusCode::OK,
    )
    .await
}

/// Saves every row of one sheet, or none of them.
pub async fn save(
    State(state): State<AppState>,
    auth: Authed<MemberUp>,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let p = pairs(&body)?;
    let crisis = crisis_id(&id)?;
    let kind = kind_of(field(&p, "formulier")).ok_or(AppError::NotFound)?;
    // Rows as typed, by their number on the page.
    let mut typed: BTreeMap<usize, BTreeMap<String, String>> = BTreeMap::new();
    for (key, value) in &p {
        let mut parts = key.splitn(3, '.');
        if let (Some("rows"), Some(i), Some(name)) = (parts.next(), parts.next(), parts.next())
            && let Ok(i) = i.parse::<usize>()
            && i < MAX_ROWS
            && columns(kind).contains(&name)
        {
            typed
                .entry(i)
                .or_default()
                .insert(name.to_owned(), value.clone());
        }
    }
    let shown: Vec<BTreeMap<String, String>> = typed.values().cloned().collect();
    // A row with nothing written in it (a select keeps its first choice) is not a row.
    let schema = kind.schema();
    let written = |row: &BTreeMap<String, String>| {
        row.iter().any(|(name, value)| {
            !value.trim().is_empty()
                && !matches!(schema.field(name).map(|f| f.ty), Some(FieldType::Choice(_)))
        })
    };
    let mut rows = vec![];
    let mut positions = vec![];
    for (position, row) in shown.iter().enumerate() {
        if written(row) {
            rows.push(RawRecord::from_pairs(
                row.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            ));
            positions.push(position);
        }
    }
    let sheet = Sheet {
        form: field(&p, "form").to_owned(),
        page: field(&p, "page").to_owned(),
        written_by: field(&p, "written_by").to_owned(),
        rows: shown.clone(),
    };
    let outcome = match Transcription::new(&sheet.form, &sheet.page, &sheet.written_by) {
        Err(issues) => Err(crisismap_app::register::issues_to_fields(issues)),
        Ok(t) => crisismap_app::crisis::transcribe(
            &state,
            &auth.principal,
            crisis,
            kind,
            t.clone(),
            &rows,
        )
        .await
        .map(|_| t),
    };
    match outcome {
        Ok(t) => {
            let next = format!(
                "{}/overnemen?formulier={}&melding=saved&nummer={}&blad={}&door={}",
                super::frame::crisis_href(crisis),
                kind.slug(),
                urlencode(&t.form),
                t.page.saturating_add(1),
                urlencode(&t.written_by),
            );
            Ok(Redirect::to(&next).into_response())
        }
        Err(crisismap_app::Error::Invalid(errors)) => {
            // The errors name rows among those written; point them at the rows as shown.
            let errors = errors
                .into_iter()
                .map(|mut e| {
                    if let Some(rest) = e.field.strip_prefix("rows.")
                        && let Some((i, name)) = rest.split_once('.')
                        && let Ok(i) = i.parse::<usize>()
                        && let Some(at) = positions.get(i)
                    {
                        e.field = format!("rows.{at}.{name}");
                    }
                    e
                })
                .collect();
            let room = Room::load_with(&state, auth.user().workspace, crisis, &[]).await?;
            let mut sheet = sheet;
            let len = sheet.rows.len().max(BLANK_ROWS);
            sheet.rows.resize(len, BTreeMap::new());
            show(
                &state,
                &auth,
                &room,
                kind,
                sheet,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

fn urlencode(text: &str) -> String {
    serde_urlencoded::to_string([("", text)])
        .map(|s| s.trim_start_matches('=').to_owned())
        .unwrap_or_default()
}
