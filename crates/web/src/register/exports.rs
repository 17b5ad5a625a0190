//! Exports of the register: contacts and teams as vCard and CSV.

use super::display::phone_display;
use super::frame::id_of;
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use crisismap_app::i18n::Tr;
use crisismap_app::register::Index;
use crisismap_core::register::views::{ContactView, TeamView};
use crisismap_core::register::{Record, RecordId, RecordKind};

pub(super) fn contact_vcards(records: &[&Record]) -> String {
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

/// A file to download under this name.
pub(crate) fn download(body: Vec<u8>, mime: &str, filename: &str) -> Response {
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

pub(super) fn slugify(s: &str) -> String {
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
    .map(|f| tr.t(&format!("f-contact-{f}")))
    .chain([tr.t("g-contact-phones")])
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
