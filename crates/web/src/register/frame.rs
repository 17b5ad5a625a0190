//! What the register's pages share: reading a kind or id from the address, the page frame
//! with its live stream, reading a posted form or an upload, and how pages resolve
//! references (`Refs`).

use crate::AppState;
use crate::http::error::AppError;
use crate::http::page::{PageCtx, Section};
use crisismap_app::register::Index;
use crisismap_core::StreamKind;
use crisismap_core::register::{RecordId, RecordKind};

pub(super) fn kind_of(slug: &str) -> Result<RecordKind, AppError> {
    RecordKind::from_slug(slug).ok_or(AppError::NotFound)
}

pub(super) fn id_of(id: &str) -> Result<RecordId, AppError> {
    id.parse().map_err(|_| AppError::NotFound)
}

pub(super) async fn page_ctx(
    state: &AppState,
    auth_principal: &crate::http::auth::Principal,
    ctx: &crate::http::auth::RequestCtx,
    title: String,
) -> Result<PageCtx, AppError> {
    let mut page = PageCtx::user(state, auth_principal, ctx, Section::Prepare, "").await;
    page.title = title;
    let stream = state
        .store()
        .stream_of(auth_principal.user.workspace, StreamKind::Preparation)
        .await?;
    page.live_stream = Some(stream.id.to_string());
    Ok(page)
}

/// The pairs of a form body. Bytes that are not UTF-8, raw or percent-encoded, refuse the
/// whole form (400): a lenient decoder would store U+FFFD in their place without a word.
pub fn decode_form(body: &[u8]) -> Result<Vec<(String, String)>, AppError> {
    fn part(bytes: &[u8]) -> Result<String, AppError> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' => match (
                    bytes.get(i + 1).copied().and_then(hex),
                    bytes.get(i + 2).copied().and_then(hex),
                ) {
                    (Some(h), Some(l)) => {
                        out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                        i += 2;
                    }
                    _ => out.push(b'%'),
                },
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8(out)
            .map_err(|_| AppError::BadRequest("the form holds bytes that are not UTF-8".into()))
    }
    body.split(|b| *b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = match pair.iter().position(|b| *b == b'=') {
                Some(at) => (&pair[..at], &pair[at + 1..]),
                None => (pair, &pair[pair.len()..]),
            };
            Ok((part(k)?, part(v)?))
        })
        .collect()
}

/// Resolves references for forms and pages: register records always; crisis entries and
/// users where the page knows them (the crisis room).
pub trait Refs {
    fn index(&self) -> &Index;

    /// (id, label) of the entries of a kind that a field may point at.
    fn entry_options(&self, kind: crisismap_core::crisis::EntryKind) -> Vec<(String, String)> {
        let _ = kind;
        vec![]
    }

    /// (label, href) of one entry.
    fn entry_label(
        &self,
        kind: crisismap_core::crisis::EntryKind,
        id: RecordId,
    ) -> Option<(String, String)> {
        let _ = (kind, id);
        None
    }

    /// (id, name) of the workspace's enabled users.
    fn user_options(&self) -> Vec<(String, String)> {
        vec![]
    }

    fn user_name(&self, id: crisismap_core::UserId) -> Option<String> {
        let _ = id;
        None
    }
}

impl Refs for Index {
    fn index(&self) -> &Index {
        self
    }
}

/// The bytes of the uploaded file in form field `name` (empty when none was sent).
pub(crate) async fn read_upload(
    multipart: &mut axum::extract::Multipart,
    name: &str,
) -> Result<axum::body::Bytes, AppError> {
    let mut bytes = axum::body::Bytes::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| AppError::BadRequest(e.to_string()))?
    {
        if field.name() == Some(name) {
            bytes = field
                .bytes()
                .await
                .map_err(|e| AppError::BadRequest(e.to_string()))?;
        }
    }
    Ok(bytes)
}
