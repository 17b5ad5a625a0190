//! Exercise scripts in and out: the events list as CSV (for people who write scripts in a
//! spreadsheet; formula-safe, all or nothing, every bad line named) and the whole script as
//! JSON, to copy a script to another workspace.

use super::exports::download;
use super::frame::{id_of, page_ctx, read_upload};
use crate::AppState;
use crate::http::auth::{Authed, EditorUp, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::{PageCtx, render};
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_app::exercise;
use crisismap_app::i18n::Tr;
use crisismap_app::register::Index;
use crisismap_core::interchange::script::{injects_csv, parse_injects_csv};
use crisismap_core::register::{Record, RecordKind};

#[derive(Template)]
#[template(path = "register/script_import.html")]
struct ImportPage {
    ctx: PageCtx,
    /// The script whose events list is replaced; `None`: a new script from a JSON file.
    script: Option<(String, String)>,
    problems: Vec<String>,
}

fn script_of(index: &Index, id: &str) -> Result<Record, AppError> {
    let id = id_of(id)?;
    index
        .get(id)
        .filter(|r| r.kind == RecordKind::ExerciseScript)
        .cloned()
        .ok_or(AppError::NotFound)
}

fn file_name(title: &str, ext: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!(
        "draaiboek-{}.{ext}",
        stem.chars().take(60).collect::<String>()
    )
}

pub(super) async fn injects_csv_file(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let index = Index::load(&state, auth.user().workspace).await?;
    let script = script_of(&index, &id)?;
    let rows = exercise::export_injects(&index, &script);
    let bytes = injects_csv(&rows).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(download(
        bytes,
        "text/csv; charset=utf-8",
        &file_name(&script.title, "csv"),
    ))
}

pub(super) async fn script_json(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let index = Index::load(&state, auth.user().workspace).await?;
    let script = script_of(&index, &id)?;
    let body = serde_json::to_vec_pretty(&exercise::export_scenario(&index, &script))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(download(
        body,
        "application/json",
        &file_name(&script.title, "json"),
    ))
}

async fn import_page(
    state: &AppState,
    auth: &Authed<EditorUp>,
    script: Option<&Record>,
    problems: Vec<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let title = match script {
        Some(s) => format!("{}: {}", tr.t("script-import_csv"), s.title),
        None => tr.t("script-import_json").to_owned(),
    };
    let ctx = page_ctx(state, &auth.principal, &auth.ctx, title).await?;
    let mut page = render(&ImportPage {
        ctx,
        script: script.map(|s| (s.id.to_string(), s.title.clone())),
        problems,
    })?
    .into_response();
    *page.status_mut() = status;
    Ok(page)
}

pub(super) async fn injects_form(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let index = Index::load(&state, auth.user().workspace).await?;
    let script = script_of(&index, &id)?;
    import_page(&state, &auth, Some(&script), vec![], StatusCode::OK).await
}

/// The problems of a refused file in words: each with its line and the field's name.
fn problem_words(error: crisismap_app::Error, tr: Tr) -> Result<Vec<String>, AppError> {
    let crisismap_app::Error::Invalid(fields) = error else {
        return Err(error.into());
    };
    Ok(crate::http::error::localize(fields, tr)
        .into_iter()
        .map(|f| {
            let mut parts = f.field.splitn(3, '.');
            match (parts.next(), parts.next(), parts.next()) {
                (Some("line"), Some(line), Some(field)) => {
                    let label = tr
                        .try_t(&format!("f-exercise_script-injects-{field}"))
                        .unwrap_or(field);
                    format!("{} {line}, {label}: {}", tr.t("script-line"), f.message)
                }
                _ => f.message,
            }
        })
        .collect())
}

pub(super) async fn injects_import(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let index = Index::load(&state, auth.user().workspace).await?;
    let script = script_of(&index, &id)?;
    let bytes = read_upload(&mut multipart, "bestand").await?;
    if bytes.is_empty() {
        let problems = vec![tr.t("import-no_file").to_owned()];
        return import_page(
            &state,
            &auth,
            Some(&script),
            problems,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let rows = match parse_injects_csv(&bytes) {
        Ok(rows) => rows,
        Err(issues) => {
            let problems = issues
                .iter()
                .map(|i| {
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
                        format!("{} {}: {what}{detail}", tr.t("script-line"), i.row)
                    }
                })
                .collect();
            return import_page(
                &state,
                &auth,
                Some(&script),
                problems,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    match exercise::import_injects(&state, &auth.principal, &auth.ctx.origin, script.id, rows).await
    {
        Ok(()) => Ok(Redirect::to(&format!(
            "/voorbereiden/{}/{}?melding=imported",
            RecordKind::ExerciseScript.slug(),
            script.id
        ))
        .into_response()),
        Err(e) => {
            let problems = problem_words(e, tr)?;
            import_page(
                &state,
                &auth,
                Some(&script),
                problems,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub(super) async fn script_form(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
) -> Result<Response, AppError> {
    import_page(&state, &auth, None, vec![], StatusCode::OK).await
}

pub(super) async fn script_import(
    State(state): State<AppState>,
    auth: Authed<EditorUp>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let tr = Tr(auth.ctx.lang);
    let bytes = read_upload(&mut multipart, "bestand").await?;
    if bytes.is_empty() {
        let problems = vec![tr.t("import-no_file").to_owned()];
        return import_page(
            &state,
            &auth,
            None,
            problems,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    match exercise::import_scenario(&state, &auth.principal, &auth.ctx.origin, &bytes).await {
        Ok(id) => Ok(Redirect::to(&format!(
            "/voorbereiden/{}/{id}?melding=imported",
            RecordKind::ExerciseScript.slug()
        ))
        .into_response()),
        Err(e) => {
            let problems = problem_words(e, tr)?;
            import_page(
                &state,
                &auth,
                None,
                problems,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
