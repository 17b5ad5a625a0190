//! Importing contacts from a spreadsheet (CSV): a preview that names every bad row, then
//! all or nothing.

use super::frame::page_ctx;
use crate::AppState;
use crate::http::auth::{Authed, EditorUp};
use crate::http::error::AppError;
use crate::http::page::PageCtx;
use crate::http::page::render;
use askama::Template;
use axum::extract::{Multipart, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use crisismap_app::i18n::Tr;
use crisismap_app::register::Index;
use crisismap_core::register::{RawRecord, RecordKind};
use crisismap_store::RecordChange;

#[derive(Template)]
#[template(path = "register/import.html")]
pub(super) struct ImportPage {
    ctx: PageCtx,
    problems: Vec<String>,
    preview: Vec<Vec<String>>,
    ignored: Vec<String>,
    payload: Option<String>,
    count: usize,
}

pub(super) async fn import_page(
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
        tr.t("import-title").to_owned(),
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
pub(super) struct ParsedImport {
    records: Vec<crisismap_core::register::Validated>,
    preview: Vec<Vec<String>>,
    ignored: Vec<String>,
}

pub(super) fn parse_import(
    bytes: &[u8],
    index: &Index,
    tr: Tr,
) -> Result<ParsedImport, Vec<String>> {
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
                tr.t("import-line"),
                row.line,
                tr.t("error-name_taken")
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
                        tr.t("import-line"),
                        row.line,
                        super::form::label_of(schema, &i.field, tr),
                        tr.t(&format!("error-{}", i.code))
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

pub(super) fn import_problems(
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
                    tr.t("import-line"),
                    r.line,
                    r.column,
                    tr.t(&format!("error-{}", r.code)),
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
            tr.t("import-unreadable"),
            tr.t(&format!("error-{}", other.code()))
        )],
    }
}

pub async fn import_preview(
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
    crisismap_app::register::save_all(
        &state,
        &auth.principal,
        &auth.ctx.origin,
        "contacts_import",
        &format!("{count} contacts"),
        changes,
    )
    .await?;
    Ok(Redirect::to("/voorbereiden/contacten?melding=imported").into_response())
}
