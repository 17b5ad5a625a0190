//! Stylesheet, script and icon, compiled into the binary and served under content-hashed
//! names so that browsers may cache them forever and no request ever leaves the machine.

use axum::Router;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

struct Asset {
    url: String,
    body: &'static [u8],
    mime: &'static str,
}

fn asset(stem: &str, ext: &str, body: &'static [u8], mime: &'static str) -> Asset {
    let hash = hex::encode(&Sha256::digest(body)[..6]);
    Asset {
        url: format!("/assets/{stem}.{hash}.{ext}"),
        body,
        mime,
    }
}

static ASSETS: LazyLock<[Asset; 3]> = LazyLock::new(|| {
    [
        asset(
            "app",
            "css",
            include_bytes!("../../assets/app.css"),
            "text/css; charset=utf-8",
        ),
        asset(
            "live",
            "js",
            include_bytes!("../../assets/live.js"),
            "text/javascript; charset=utf-8",
        ),
        asset(
            "icon",
            "svg",
            include_bytes!("../../assets/icon.svg"),
            "image/svg+xml",
        ),
    ]
});

pub fn css_url() -> &'static str {
    &ASSETS[0].url
}

pub fn js_url() -> &'static str {
    &ASSETS[1].url
}

pub fn icon_url() -> &'static str {
    &ASSETS[2].url
}

pub fn router() -> Router<crate::AppState> {
    Router::new()
        .route("/assets/{file}", get(serve_asset))
        .route(
            "/favicon.ico",
            get(|| async { serve_asset(Path(icon_url()["/assets/".len()..].to_owned())).await }),
        )
}

async fn serve_asset(Path(file): Path<String>) -> Response {
    let wanted = format!("/assets/{file}");
    match ASSETS.iter().find(|a| a.url == wanted) {
        Some(a) => (
            [
                (header::CONTENT_TYPE, a.mime),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            a.body,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
