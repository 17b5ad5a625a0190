//! The library: the guidance and the publications behind it.

use super::frame::page_ctx;
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::PageCtx;
use crate::http::page::render;
use askama::Template;
use axum::extract::State;
use axum::response::Html;
use crisismap_app::i18n::Tr;
use crisismap_core::register::library::PUBLICATIONS;

pub struct Publication {
    pub title: &'static str,
    pub publisher: &'static str,
    pub about: &'static str,
    pub address: &'static str,
}

#[derive(Template)]
#[template(path = "register/library.html")]
pub(super) struct LibraryPage {
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
        tr.t("part-library-title").to_owned(),
    )
    .await?;
    let items = PUBLICATIONS
        .iter()
        .map(|p| Publication {
            title: p.title,
            publisher: p.publisher,
            about: tr.t(p.about),
            address: p.address,
        })
        .collect();
    render(&LibraryPage { ctx, items })
}
