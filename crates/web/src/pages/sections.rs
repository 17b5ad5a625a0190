//! Afdrukken (the printed crisis folder) and the public accessibility statement.

use crate::AppState;
use crate::http::auth::{Authed, Ctx, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::render;
use crate::http::page::{PageCtx, Section};
use askama::Template;
use axum::extract::State;
use axum::response::Html;

#[derive(Template)]
#[template(path = "print.html")]
struct PrintPage {
    ctx: PageCtx,
    crises: Vec<crate::crisis::CrisisRow>,
}

/// Afdrukken: the crisis folder as PDF, and what each printout holds.
pub async fn print(
    State(s): State<AppState>,
    a: Authed<ViewerUp>,
) -> Result<Html<String>, AppError> {
    let mut ctx = PageCtx::user(&s, &a.principal, &a.ctx, Section::Print, "").await;
    ctx.title = ctx.t("section-print-title").to_owned();
    let all = s.store().crises(a.user().workspace).await?;
    let (mut crises, closed) = crate::crisis::crisis_rows(&all, ctx.tr);
    crises.extend(closed);
    render(&PrintPage { ctx, crises })
}

/// The crisis folder of the user's workspace, as it is now.
pub async fn folder_pdf(
    State(s): State<AppState>,
    a: Authed<ViewerUp>,
) -> Result<axum::response::Response, AppError> {
    use axum::response::IntoResponse;
    let data = crisismap_app::print::folder_data(
        &s,
        a.user().workspace,
        a.ctx.lang,
        Some(a.user().display_name.clone()),
    )
    .await?;
    let pdf = crisismap_app::print::render_folder(data).await?;
    crate::http::auth::audit(&s, a.ctx.audit("print", "crisis_folder", "ok")).await;
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "application/pdf"),
            (
                axum::http::header::CONTENT_DISPOSITION,
                "attachment; filename=\"crisismap.pdf\"",
            ),
        ],
        pdf.bytes,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "accessibility.html")]
struct AccessibilityPage {
    ctx: PageCtx,
    /// The statement belongs to this version of the product.
    version: &'static str,
}

/// The accessibility statement; public, like on every Dutch government site.
pub async fn accessibility(
    State(s): State<AppState>,
    Ctx(ctx): Ctx,
) -> Result<Html<String>, AppError> {
    let title = crisismap_app::i18n::Tr(ctx.lang).t("a11y-title");
    let page = match &ctx.principal {
        Some(p) => PageCtx::user(&s, p, &ctx, Section::None, title).await,
        None => PageCtx::public(&ctx, title),
    };
    render(&AccessibilityPage {
        ctx: page,
        version: env!("CARGO_PKG_VERSION"),
    })
}
