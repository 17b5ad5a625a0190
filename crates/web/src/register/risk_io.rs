//! Risk objects and dependencies in and out of the register: CSV (for spreadsheets) and
//! JSON. An import is one transaction: every row is checked, names are resolved against the
//! register and the file, and one problem anywhere imports nothing.

use crate::AppState;
use crate::http::auth::{Authed, EditorUp, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::PageCtx;
use crate::http::page::render;
use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_app::i18n::Tr;
use crisismap_app::register::Index;
use crisismap_core::interchange::risk::{self, DependencyRow, Exchange, RowIssue};
use crisismap_core::register::kinds::NODE_KINDS;
use crisismap_core::register::{RawRecord, Record, RecordId, RecordKind, RefLookup, title_key};
use crisismap_store::RecordChange;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};

use super::exports::download;

fn node_name(index: &Index, value: &Value) -> Option<String> {
    let text = value.as_str()?;
    Some(
        match text.parse::<RecordId>().ok().and_then(|id| index.get(id)) {
            Some(r) => r.title.clone(),
            None => text.to_owned(),
        },
    )
}

/// Every "depends on" row of the register, by name.
fn dependency_rows(index: &Index) -> Vec<DependencyRow> {
    let mut rows = vec![];
    for r in index
        .records
        .iter()
        .filter(|r| !r.archived && NODE_KINDS.contains(&r.kind))
    {
        for d in r
            .data
            .get("depends_on")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            let on = match (d.get("on"), d.get("on_vital").and_then(Value::as_str)) {
                (Some(on), _) => node_name(index, on),
                (None, Some(code)) => Some(format!("vital:{code}")),
                _ => None,
            };
            if let Some(on) = on {
                rows.push(DependencyRow {
                    row: 0,
                    dependent: r.title.clone(),
                    depends_on: on,
                    hold_out_minutes: d
                        .get("hold_out_minutes")
                        .map(|v| v.to_string())
                        .unwrap_or_default(),
                    note: d
                        .get("note")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_owned(),
                });
            }
        }
    }
    rows
}

fn risk_fields(r: &Record) -> (BTreeMap<String, String>, Vec<String>) {
    let fields = risk::RISK_COLUMNS
        .iter()
        .filter_map(|c| r.text(c).map(|v| ((*c).to_owned(), v.to_owned())))
        .collect();
    let vital = r
        .data
        .get("vital_processes")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.get("process").and_then(Value::as_str))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    (fields, vital)
}

pub async fn risk_csv(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Response, AppError> {
    let index = Index::load(&state, auth.user().workspace).await?;
    let rows: Vec<_> = index
        .live(RecordKind::RiskObject)
        .map(risk_fields)
        .collect();
    let bytes = risk::risk_csv(&rows).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(download(
        bytes,
        "text/csv; charset=utf-8",
        "risico-objecten.csv",
    ))
}

pub async fn dependencies_csv(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Response, AppError> {
    let index = Index::load(&state, auth.user().workspace).await?;
    let bytes = risk::dependency_csv(&dependency_rows(&index))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(download(
        bytes,
        "text/csv; charset=utf-8",
        "afhankelijkheden.csv",
    ))
}

pub async fn exchange_json(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Response, AppError> {
    let index = Index::load(&state, auth.user().workspace).await?;
    let risk_objects: Vec<Value> = index
        .live(RecordKind::RiskObject)
        .map(|r| {
            let (fields, vital) = risk_fields(r);
            let mut o: serde_json::Map<String, Value> = fields
                .into_iter()
                .map(|(k, v)| (k, Value::String(v)))
                .collect();
            o.insert("vital_processes".into(), json!(vital));
            Value::Object(o)
        })
        .collect();
    let body = json!({
        "format": "crisismap-risk-exchange",
        "version": 1,
        "vital_process_list": crisismap_core::register::vital::current().version,
        "risk_objects": risk_objects,
        "dependencies": dependency_rows(&index),
    });
    let bytes = serde_json::to_vec_pretty(&body).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(download(bytes, "application/json", "risico-objecten.json"))
}

/// One row of a repeated group, as a form would post it.
type FormRow = BTreeMap<String, String>;

/// References known during an import: the register, and the risk objects the file creates.
struct ImportRefs<'a> {
    index: &'a Index,
    new: &'a HashMap<RecordId, RecordKind>,
}

impl RefLookup for ImportRefs<'_> {
    fn exists(&self, kind: RecordKind, id: RecordId) -> bool {
        self.index.exists(kind, id) || self.new.get(&id) == Some(&kind)
    }
}

/// Checks and prepares the whole file: the changes to save, or every problem.
fn plan(
    index: &Index,
    x: Exchange,
    tr: Tr,
) -> Result<(Vec<RecordChange>, usize, usize), Vec<String>> {
    let mut issues: Vec<RowIssue> = vec![];
    // Names of the graph's nodes: the register's, then the file's new risk objects.
    let mut names: HashMap<String, Vec<(RecordId, RecordKind)>> = HashMap::new();
    for r in index
        .records
        .iter()
        .filter(|r| !r.archived && NODE_KINDS.contains(&r.kind))
    {
        names
            .entry(title_key(&r.title))
            .or_default()
            .push((r.id, r.kind));
    }
    // Risk objects: an existing name is updated (its contacts and dependencies kept).
    let mut drafts: BTreeMap<RecordId, (usize, RecordKind, RawRecord, Option<i64>)> =
        BTreeMap::new();
    let mut new: HashMap<RecordId, RecordKind> = HashMap::new();
    let mut seen_names: HashMap<String, usize> = HashMap::new();
    for (row, raw) in x.risk_objects {
        let key = title_key(raw.field("name"));
        if let Some(first) = seen_names.insert(key.clone(), row) {
            issues.push(RowIssue::new(row, "duplicate_in_file", first.to_string()));
            continue;
        }
        let existing = index
            .live(RecordKind::RiskObject)
            .find(|r| title_key(&r.title) == key);
        match existing {
            Some(r) => {
                let mut merged = RawRecord::from_data(RecordKind::RiskObject.schema(), &r.data);
                merged.fields.extend(raw.fields);
                merged.groups.extend(raw.groups);
                drafts.insert(r.id, (row, RecordKind::RiskObject, merged, Some(r.rev)));
            }
            None => {
                let id = RecordId::new();
                new.insert(id, RecordKind::RiskObject);
                names
                    .entry(key)
                    .or_default()
                    .push((id, RecordKind::RiskObject));
                drafts.insert(id, (row, RecordKind::RiskObject, raw, Some(0)));
            }
        }
    }
    // Dependencies: the file's rows replace the dependent's "depends on" list.
    let mut by_dependent: BTreeMap<RecordId, Vec<(usize, FormRow)>> = BTreeMap::new();
    let resolve =
        |name: &str, row: usize, issues: &mut Vec<RowIssue>| -> Option<(RecordId, RecordKind)> {
            match names.get(&title_key(name)).map(Vec::as_slice) {
                Some([one]) => Some(*one),
                Some([_, _, ..]) => {
                    issues.push(RowIssue::new(row, "ambiguous_name", name));
                    None
                }
                _ => {
                    issues.push(RowIssue::new(row, "unknown_name", name));
                    None
                }
            }
        };
    for d in &x.dependencies {
        let Some((dependent, _)) = resolve(&d.dependent, d.row, &mut issues) else {
            continue;
        };
        let mut out = BTreeMap::new();
        match d.depends_on.trim().strip_prefix("vital:") {
            Some(code) => {
                out.insert("on_vital".to_owned(), code.to_owned());
            }
            None => match resolve(&d.depends_on, d.row, &mut issues) {
                Some((target, _)) => {
                    out.insert("on".to_owned(), target.to_string());
                }
                None => continue,
            },
        }
        out.insert(
            "hold_out_minutes".to_owned(),
            d.hold_out_minutes.trim().to_owned(),
        );
        out.insert("note".to_owned(), d.note.clone());
        by_dependent
            .entry(dependent)
            .or_default()
            .push((d.row, out));
    }
    // The file row of each dependency, per record, for messages about it.
    let mut dependency_rows: HashMap<RecordId, Vec<usize>> = HashMap::new();
    for (dependent, rows) in by_dependent {
        let (row_numbers, rows): (Vec<usize>, Vec<_>) = rows.into_iter().unzip();
        let entry = match drafts.get_mut(&dependent) {
            Some(draft) => draft,
            None => {
                let Some(r) = index.get(dependent) else {
                    continue;
                };
                let raw = RawRecord::from_data(r.kind.schema(), &r.data);
                drafts.entry(dependent).or_insert((
                    row_numbers.first().copied().unwrap_or(0),
                    r.kind,
                    raw,
                    Some(r.rev),
                ))
            }
        };
        entry.2.groups.insert("depends_on".into(), rows);
        dependency_rows.insert(dependent, row_numbers);
    }
    // Validate every changed record against its schema.
    let refs = ImportRefs { index, new: &new };
    let mut changes = vec![];
    let (mut created, mut updated) = (0, 0);
    for (id, (row, kind, raw, rev)) in drafts {
        let dep_rows = dependency_rows.get(&id).map(Vec::as_slice).unwrap_or(&[]);
        match kind.schema().validate(&raw, &refs) {
            Ok(record) => {
                if rev == Some(0) {
                    created += 1;
                } else {
                    updated += 1;
                }
                changes.push(RecordChange {
                    kind,
                    id: Some(id),
                    expected_rev: rev,
                    record,
                });
            }
            Err(field_issues) => {
                for i in field_issues {
                    // `depends_on.2.hold_out_minutes` came from the file row of that dependency.
                    let at = i
                        .field
                        .strip_prefix("depends_on.")
                        .and_then(|r| r.split('.').next())
                        .and_then(|n| n.parse::<usize>().ok())
                        .and_then(|n| dep_rows.get(n).copied())
                        .unwrap_or(row);
                    let label = super::form::label_of(kind.schema(), &i.field, tr);
                    issues.push(RowIssue::new(at, i.code, label));
                }
            }
        }
    }
    if issues.is_empty() {
        Ok((changes, created, updated))
    } else {
        issues.sort_by_key(|i| i.row);
        Err(issues.iter().map(|i| issue_text(i, tr)).collect())
    }
}

fn issue_text(i: &RowIssue, tr: Tr) -> String {
    let what = tr
        .try_t(&format!("riskio-{}", i.code))
        .or_else(|| tr.try_t(&format!("error-{}", i.code)))
        .unwrap_or(tr.t("riskio-invalid"));
    let detail = if i.detail.is_empty() {
        String::new()
    } else {
        format!(" ({})", i.detail)
    };
    if i.row == 0 {
        format!("{what}{detail}")
    } else {
        format!("{} {}: {what}{detail}", tr.t("form-row"), i.row)
    }
}

#[derive(Template)]
#[template(path = "register/risk_import.html")]
struct ImportPage {
    ctx: PageCtx,
    problems: Vec<String>,
}

async fn import_page(
    state: &AppState,
    auth: &Authed<EditorUp>,
    problems: Vec<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let ctx = super::frame::page_ctx(
        state,
        &auth.principal,
        &auth.ctx,
        tr.t("riskio-title").to_owned(),
    )
    .await?;
    Ok((status, render(&ImportPage { ctx, problems })?).into_response())
}

pub async fn import_form(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
) -> Result<Response, AppError> {
    import_page(&state, &auth, vec![], StatusCode::OK).await
}

pub async fn import(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let bytes = Some(super::frame::read_upload(&mut multipart, "bestand").await?);
    let Some(bytes) = bytes.filter(|b| !b.is_empty()) else {
        return import_page(
            &state,
            &auth,
            vec![tr.t("import-no_file").to_owned()],
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let trimmed = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&bytes)
        .trim_ascii_start();
    let parsed = if trimmed.starts_with(b"{") {
        risk::parse_json(trimmed)
    } else {
        risk::parse_csv(&bytes)
    };
    let index = Index::load(&state, auth.user().workspace).await?;
    let planned = match parsed {
        Ok(x) => plan(&index, x, tr),
        Err(issues) => Err(issues.iter().map(|i| issue_text(i, tr)).collect()),
    };
    let (changes, created, updated) = match planned {
        Ok(p) => p,
        Err(problems) => {
            return import_page(&state, &auth, problems, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    if changes.is_empty() {
        return import_page(
            &state,
            &auth,
            vec![tr.t("riskio-nothing").to_owned()],
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let object = format!("created:{created} updated:{updated}");
    let saved = crisismap_app::register::save_all(
        &state,
        &auth.principal,
        &auth.ctx.origin,
        "risk_import",
        &object,
        changes,
    )
    .await;
    match saved {
        Ok(_) => {}
        // Someone changed the register between the preview and the confirmation.
        Err(
            crisismap_app::Error::StaleRevision
            | crisismap_app::Error::AlreadyExists
            | crisismap_app::Error::NotFound
            | crisismap_app::Error::Invalid(_),
        ) => {
            return import_page(
                &state,
                &auth,
                vec![tr.t("riskio-changed_meanwhile").to_owned()],
                StatusCode::CONFLICT,
            )
            .await;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to("/voorbereiden/risico-objecten?melding=imported").into_response())
}
