//! The layer stack around every route: security headers, tracing, request timeout, body
//! limit, compression, authentication, CSRF, and the rendering of error responses as Dutch
//! (or English) pages or as `application/problem+json`.

use crate::AppState;
use crate::http::auth::{LANG_COOKIE, authenticate, cookie_value, csrf_guard};
use crate::http::error::ErrorMarker;
use crate::http::page::PageCtx;
use askama::Template;
use axum::Router;
use axum::body::to_bytes;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_app::i18n::Tr;
use crisismap_core::Lang;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// No inline script or style, nothing from another origin, never framed.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; object-src 'none'; \
base-uri 'none'; frame-ancestors 'none'";

pub fn wrap(router: Router<AppState>, state: AppState) -> Router {
    let cfg = state.config().clone();
    let headers: [(&str, &str); 7] = [
        ("content-security-policy", CONTENT_SECURITY_POLICY),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("x-frame-options", "DENY"),
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
        (
            "permissions-policy",
            "camera=(), microphone=(), geolocation=(), payment=()",
        ),
    ];
    let mut app = router
        .layer(middleware::from_fn_with_state(state.clone(), csrf_guard))
        .layer(middleware::from_fn_with_state(state.clone(), authenticate))
        .layer(DefaultBodyLimit::max(cfg.body_limit))
        // Errors are not compressed: the error layer reads and renders them, and they are
        // small.
        .layer(CompressionLayer::new().compress_when(DefaultPredicate::new().and(NotAnError)))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            cfg.request_timeout,
        ))
        .layer(middleware::from_fn(render_errors))
        .layer(middleware::from_fn_with_state(state.clone(), hsts))
        .layer(TraceLayer::new_for_http())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    for (name, value) in headers {
        app = app.layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    app.with_state(state)
}

/// Compresses only successful answers (see `wrap`).
#[derive(Debug, Clone, Copy)]
struct NotAnError;

impl Predicate for NotAnError {
    fn should_compress<B>(&self, response: &axum::http::Response<B>) -> bool
    where
        B: axum::body::HttpBody,
    {
        !(response.status().is_client_error() || response.status().is_server_error())
    }
}

/// Strict-Transport-Security when the product is served securely: always with
/// `--secure-cookies`, and behind a proxy when the proxy says the request came over HTTPS.
async fn hsts(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let secure = crate::http::auth::served_securely(state.config(), req.headers());
    let mut response = next.run(req).await;
    if secure {
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: PageCtx,
    heading: &'static str,
    explanation: &'static str,
}

/// Problem details (RFC 9457), with every invalid field listed.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(value_type = Vec<crate::http::error::FieldErrorDoc>)]
    pub errors: Vec<crate::http::error::FieldError>,
}

fn request_lang(req: &Request) -> Lang {
    cookie_value(req.headers(), LANG_COOKIE)
        .and_then(|v| v.parse().ok())
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

/// Turns every 4xx/5xx that is not already a rendered page or problem document into one,
/// whatever produced it (a handler, an extractor's rejection, the body limit, the router).
async fn render_errors(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let back = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| path.clone());
    let is_api = path.starts_with("/api/");
    let fallback_lang = request_lang(&req);
    let response = next.run(req).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("text/html") || content_type.starts_with("application/problem+json")
    {
        return response;
    }
    let lang = response
        .extensions()
        .get::<Lang>()
        .copied()
        .unwrap_or(fallback_lang);
    let marker = response.extensions().get::<ErrorMarker>().cloned();
    let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
    let set_cookies: Vec<HeaderValue> = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .cloned()
        .collect();
    let password_change = marker
        .as_ref()
        .and_then(|m| m.detail.as_deref())
        .is_some_and(|d| d == "password change required");
    let mfa_enrolment = marker
        .as_ref()
        .and_then(|m| m.detail.as_deref())
        .is_some_and(|d| d == crate::http::error::MFA_ENROLMENT_REQUIRED);

    let mut out = if !is_api && status == StatusCode::UNAUTHORIZED {
        let target = format!("/inloggen?terug={}", urlencode(&back));
        Redirect::to(&target).into_response()
    } else if !is_api && password_change {
        Redirect::to("/wachtwoord").into_response()
    } else if !is_api && mfa_enrolment {
        Redirect::to("/account/tweestaps?verplicht=1").into_response()
    } else if is_api {
        problem_response(status, marker, response, lang).await
    } else {
        html_error(status, lang)
    };
    if let Some(v) = retry_after {
        out.headers_mut().insert(header::RETRY_AFTER, v);
    }
    for c in set_cookies {
        out.headers_mut().append(header::SET_COOKIE, c);
    }
    out
}

async fn problem_response(
    status: StatusCode,
    marker: Option<ErrorMarker>,
    response: Response,
    _lang: Lang,
) -> Response {
    let (detail, fields) = match marker {
        Some(m) => (m.detail, m.fields),
        None if status.is_client_error() => {
            // An extractor's rejection: its text says what was wrong with the request.
            let body = to_bytes(response.into_body(), 8 * 1024)
                .await
                .unwrap_or_default();
            let text = String::from_utf8_lossy(&body).trim().to_owned();
            ((!text.is_empty()).then_some(text), vec![])
        }
        None => (None, vec![]),
    };
    let problem = Problem {
        kind: "about:blank".into(),
        title: status.canonical_reason().unwrap_or("Error").to_owned(),
        status: status.as_u16(),
        detail,
        errors: crate::http::error::localize(fields, Tr(Lang::En)),
    };
    let body = serde_json::to_string(&problem).unwrap_or_default();
    (
        status,
        [(header::CONTENT_TYPE, "application/problem+json")],
        body,
    )
        .into_response()
}

fn html_error(status: StatusCode, lang: Lang) -> Response {
    let tr = Tr(lang);
    let key = match status.as_u16() {
        400 | 403 | 404 | 405 | 408 | 409 | 413 | 415 | 422 | 429 => status.as_u16(),
        s if s >= 500 => 500,
        _ => 400,
    };
    let heading = tr.t(&format!("error-{key}-heading"));
    let page = ErrorPage {
        ctx: PageCtx::bare(lang, heading),
        heading,
        explanation: tr.t(&format!("error-{key}-text")),
    };
    match page.render() {
        Ok(html) => (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            html,
        )
            .into_response(),
        Err(_) => status.into_response(),
    }
}

pub(crate) fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
