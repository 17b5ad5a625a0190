//! Who is asking: sessions (cookie) and API tokens (bearer), resolved once per request by
//! `authenticate`; role checks by the `Authed<R>` extractor; CSRF checks by `csrf_guard`.

use crate::AppState;
use crate::http::error::AppError;
use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_app::password::{random_token, same_secret};
use crisismap_core::{Lang, Role};
use crisismap_store::{AuditRecord, UserRecord};
use std::marker::PhantomData;
use std::net::SocketAddr;

pub const SESSION_COOKIE: &str = "cm_session";
pub const SESSION_COOKIE_SECURE: &str = "__Host-cm_session";
const CSRF_COOKIE: &str = "cm_csrf";
const CSRF_COOKIE_SECURE: &str = "__Host-cm_csrf";
pub const LANG_COOKIE: &str = "cm_lang";
pub const CSRF_FIELD: &str = "_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

pub use crisismap_app::access::{
    PendingLogin, Secret, SessionLookup, attempt, attempt_succeeded, mfa_required,
    session_principal, token_principal,
};
pub use crisismap_app::{Principal, Via, audit};

/// What every handler may know about the request.
#[derive(Debug, Clone)]
pub struct RequestCtx {
    pub principal: Option<Principal>,
    pub lang: Lang,
    /// The client address, for the audit log and throttling.
    pub origin: String,
    /// Cookies get `Secure` and the `__Host-` prefix.
    pub secure: bool,
    /// The pre-login CSRF token from its cookie, if any.
    pub pre_csrf: Option<String>,
    /// An `Authorization` header was sent but did not hold a live token.
    pub bad_token: bool,
    /// A login whose password was right and whose second factor is still to come.
    pub pending: Option<PendingLogin>,
    /// The request carried a session cookie whose session has ended (expired, logged out
    /// elsewhere, user disabled): a form posted with it asks for a new login.
    pub session_ended: bool,
}

impl RequestCtx {
    pub fn session_cookie_name(&self) -> &'static str {
        if self.secure {
            SESSION_COOKIE_SECURE
        } else {
            SESSION_COOKIE
        }
    }

    fn csrf_cookie_name(&self) -> &'static str {
        if self.secure {
            CSRF_COOKIE_SECURE
        } else {
            CSRF_COOKIE
        }
    }

    pub fn cookie(&self, name: &str, value: &str, max_age: Option<i64>) -> HeaderValue {
        let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
        if self.secure {
            c.push_str("; Secure");
        }
        if let Some(age) = max_age {
            c.push_str(&format!("; Max-Age={age}"));
        }
        HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static(""))
    }

    pub fn session_cookie(&self, id: &str) -> HeaderValue {
        self.cookie(self.session_cookie_name(), id, None)
    }

    pub fn clear_session_cookie(&self) -> HeaderValue {
        self.cookie(self.session_cookie_name(), "", Some(0))
    }

    /// The token for the login form, with the cookie to set when it is new.
    pub fn login_csrf(&self) -> (String, Option<HeaderValue>) {
        match &self.pre_csrf {
            Some(t) => (t.clone(), None),
            None => {
                let t = random_token();
                let cookie = self.cookie(self.csrf_cookie_name(), &t, None);
                (t, Some(cookie))
            }
        }
    }

    /// The CSRF token forms on this page must carry.
    pub fn csrf(&self) -> String {
        match (&self.principal, &self.pending) {
            (Some(p), _) => p.csrf().to_owned(),
            (None, Some(pending)) => pending.csrf.clone(),
            (None, None) => self.pre_csrf.clone().unwrap_or_default(),
        }
    }

    pub fn audit(&self, action: &str, object: &str, result: &str) -> AuditRecord {
        let (workspace, actor) = match &self.principal {
            Some(Principal {
                user,
                via: Via::Token { id, .. },
            }) => (Some(user.workspace), format!("user:{} token:{id}", user.id)),
            Some(p) => (Some(p.user.workspace), format!("user:{}", p.user.id)),
            None => (None, "anonymous".to_owned()),
        };
        AuditRecord {
            workspace,
            actor,
            action: action.to_owned(),
            object: object.to_owned(),
            result: result.to_owned(),
            origin: self.origin.clone(),
        }
    }
}

pub fn cookie_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

fn client_origin(req: &Request, behind_proxy: bool) -> String {
    if behind_proxy
        && let Some(first) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
    {
        return first.trim().chars().take(64).collect();
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ci| ci.0.ip().to_string())
        .unwrap_or_else(|| "local".to_owned())
}

/// Whether this request reached us over TLS: always with `--secure-cookies`, and behind a
/// proxy when the proxy says so.
pub fn served_securely(cfg: &crate::WebConfig, headers: &HeaderMap) -> bool {
    cfg.secure_cookies
        || (cfg.behind_proxy
            && headers
                .get("x-forwarded-proto")
                .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https")))
}

/// Resolves the session or token of every request and puts a `RequestCtx` in its extensions.
pub async fn authenticate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let cfg = state.config();
    let secure = served_securely(cfg, req.headers());
    let mut ctx = RequestCtx {
        principal: None,
        lang: Lang::Nl,
        origin: client_origin(&req, cfg.behind_proxy),
        secure,
        pre_csrf: None,
        bad_token: false,
        pending: None,
        session_ended: false,
    };
    ctx.pre_csrf = cookie_value(req.headers(), ctx.csrf_cookie_name()).map(str::to_owned);
    let mut clear_cookie = false;

    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .map(|v| v.to_str().unwrap_or("").to_owned());
    if let Some(auth) = bearer {
        // A token is an API key: it opens the API and nothing else (no account, password,
        // second-factor or token page, no live page stream).
        let in_api = req.uri().path().starts_with("/api/v1/");
        let mut reason = "denied";
        match auth.strip_prefix("Bearer ").map(str::trim) {
            Some(_) if !in_api => {
                ctx.bad_token = true;
                reason = "outside_api";
            }
            Some(token) if !token.is_empty() => match token_principal(&state, token).await {
                Ok(p) => ctx.principal = Some(p),
                Err(why) => {
                    ctx.bad_token = true;
                    reason = why;
                }
            },
            _ => ctx.bad_token = true,
        }
        if ctx.bad_token {
            audit(&state, ctx.audit("api_token", "authorization", reason)).await;
        }
        // A read-only token reads.
        if let Some(Principal {
            via: Via::Token { scope, .. },
            ..
        }) = &ctx.principal
            && scope != "write"
            && !matches!(*req.method(), Method::GET | Method::HEAD)
        {
            audit(&state, ctx.audit("api_token", "write", "read_only_token")).await;
            let mut response = AppError::Forbidden.into_response();
            response.extensions_mut().insert(ctx.lang);
            return response;
        }
    } else if let Some(id) =
        cookie_value(req.headers(), ctx.session_cookie_name()).map(str::to_owned)
    {
        match session_principal(&state, &id).await {
            Some(SessionLookup::Full(p)) => ctx.principal = Some(p),
            Some(SessionLookup::Pending(p)) => ctx.pending = Some(p),
            None => clear_cookie = true,
        }
        ctx.session_ended = clear_cookie;
    }

    ctx.lang = match &ctx.principal {
        Some(p) => p.user.language,
        None => cookie_value(req.headers(), LANG_COOKIE)
            .and_then(|v| v.parse().ok())
            .or_else(|| {
                req.headers()
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .map(Lang::from_accept_language)
            })
            .unwrap_or_default(),
    };
    let clear = clear_cookie.then(|| ctx.clear_session_cookie());
    let lang = ctx.lang;
    // A guest sees one crisis and nothing else: every other address is refused here, once,
    // for every route the router has or will have.
    let guest = ctx.principal.as_ref().and_then(|p| p.user.crisis_scope);
    if let Some(crisis) = guest {
        let path = req.uri().path().to_owned();
        if path == "/" {
            let mut response = Redirect::to(&format!("/crisis/{crisis}")).into_response();
            response.extensions_mut().insert(lang);
            return response;
        }
        if !guest_may_visit(&path, crisis) {
            audit(&state, ctx.audit("guest_scope", &path, "denied")).await;
            let mut response = AppError::Forbidden.into_response();
            response.extensions_mut().insert(lang);
            return response;
        }
    }
    req.extensions_mut().insert(ctx);
    let mut response = next.run(req).await;
    // The error layer renders its pages in the user's language.
    response.extensions_mut().insert(lang);
    if let Some(c) = clear {
        response.headers_mut().append(header::SET_COOKIE, c);
    }
    response
}

/// The addresses a guest of `crisis` may visit: that crisis (pages, live updates, API), their
/// own account and password, the language switch, the assets, and the public pages.
pub fn guest_may_visit(path: &str, crisis: crisismap_core::StreamId) -> bool {
    let within = |base: String| path == base || path.starts_with(&format!("{base}/"));
    within(format!("/crisis/{crisis}"))
        || within(format!("/api/v1/crises/{crisis}"))
        || path == format!("/live/{crisis}")
        || path.starts_with("/assets/")
        || matches!(
            path,
            "/uitloggen"
                | "/inloggen"
                | "/wachtwoord"
                | "/taal"
                | "/account"
                | "/account/taal"
                | "/account/tweestaps"
                | "/account/tweestaps/start"
                | "/account/tweestaps/bevestigen"
                | "/account/tweestaps/herstelcodes"
                | "/account/tweestaps/uitzetten"
                | "/account/overal-uitloggen"
                | "/api/v1/me"
                | "/toegankelijkheid"
                | "/healthz"
                | "/readyz"
                | "/favicon.ico"
        )
}

/// Tells a throttled client when it may try again.
pub fn with_retry_after(state: &AppState, mut response: Response) -> Response {
    let wait = state.config().throttle_window.as_secs().to_string();
    if let Ok(v) = HeaderValue::from_str(&wait) {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    response
}

/// The least role a route needs.
pub trait MinRole: Send + Sync + 'static {
    const ROLE: Role;
}

#[derive(Debug)]
pub struct ViewerUp;
/// Members and up: those who record in a crisis (log, decisions, actions, picture).
#[derive(Debug)]
pub struct MemberUp;
#[derive(Debug)]
pub struct EditorUp;
#[derive(Debug)]
pub struct AdminOnly;

impl MinRole for ViewerUp {
    const ROLE: Role = Role::Viewer;
}
impl MinRole for MemberUp {
    const ROLE: Role = Role::Member;
}
impl MinRole for EditorUp {
    const ROLE: Role = Role::Editor;
}
impl MinRole for AdminOnly {
    const ROLE: Role = Role::Admin;
}

/// A logged-in user with at least role `R`. Refusals are audited.
#[derive(Debug)]
pub struct Authed<R: MinRole> {
    pub principal: Principal,
    pub ctx: RequestCtx,
    _role: PhantomData<R>,
}

impl<R: MinRole> Authed<R> {
    pub fn user(&self) -> &UserRecord {
        &self.principal.user
    }
}

/// A member who may steer a crisis (change its phase, GRIP level, classification, teams,
/// restore order, failing nodes, or close it): not a guest. Checked before the body is read.
#[derive(Debug)]
pub struct Steerer(pub Authed<MemberUp>);

impl FromRequestParts<AppState> for Steerer {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let authed = Authed::<MemberUp>::from_request_parts(parts, state).await?;
        if authed.principal.user.crisis_scope.is_some() {
            let object = format!("{} {}", parts.method, parts.uri.path());
            audit(state, authed.ctx.audit("steer", &object, "denied_guest")).await;
            return Err(AppError::Forbidden);
        }
        Ok(Steerer(authed))
    }
}

/// The request context for pages that do not need a login.
#[derive(Debug, Clone)]
pub struct Ctx(pub RequestCtx);

impl FromRequestParts<AppState> for Ctx {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, AppError> {
        parts
            .extensions
            .get::<RequestCtx>()
            .cloned()
            .map(Ctx)
            .ok_or(AppError::Internal("authentication layer missing".into()))
    }
}

/// Logged in, whatever the pending password change or second-factor enrolment (for the
/// password page itself and for logging out).
#[derive(Debug)]
pub struct AnyLogin(pub Principal, pub RequestCtx);

impl FromRequestParts<AppState> for AnyLogin {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let Ctx(ctx) = Ctx::from_request_parts(parts, state).await?;
        match ctx.principal.clone() {
            Some(p) => Ok(AnyLogin(p, ctx)),
            None => Err(AppError::Unauthenticated),
        }
    }
}

/// Logged in with the password changed when it had to be, whatever the second factor's
/// enrolment: for the pages that set up the second factor.
#[derive(Debug)]
pub struct EnrolLogin(pub Principal, pub RequestCtx);

impl FromRequestParts<AppState> for EnrolLogin {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let AnyLogin(principal, ctx) = AnyLogin::from_request_parts(parts, state).await?;
        if let Via::Session {
            must_change_password: true,
            ..
        } = principal.via
        {
            return Err(AppError::PasswordChangeRequired);
        }
        Ok(EnrolLogin(principal, ctx))
    }
}

impl<R: MinRole> FromRequestParts<AppState> for Authed<R> {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let AnyLogin(principal, ctx) = AnyLogin::from_request_parts(parts, state).await?;
        if let Via::Session {
            must_change_password: true,
            ..
        } = principal.via
        {
            return Err(AppError::PasswordChangeRequired);
        }
        if let Via::Session {
            mfa_enrolment_required: true,
            ..
        } = principal.via
        {
            return Err(AppError::MfaEnrolmentRequired);
        }
        if !principal.user.role.allows(R::ROLE) {
            let object = format!("{} {}", parts.method, parts.uri.path());
            audit(state, ctx.audit("access", &object, "denied")).await;
            return Err(AppError::Forbidden);
        }
        Ok(Authed {
            principal,
            ctx,
            _role: PhantomData,
        })
    }
}

/// Refuses every state-changing request that does not carry the CSRF token of its session
/// (or, before login, of its CSRF cookie). Requests authenticated by a bearer token carry
/// no cookies' authority and need none.
pub async fn csrf_guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let Some(ctx) = req.extensions().get::<RequestCtx>().cloned() else {
        return AppError::Internal("authentication layer missing".into()).into_response();
    };
    if matches!(
        ctx.principal,
        Some(Principal {
            via: Via::Token { .. },
            ..
        })
    ) {
        return next.run(req).await;
    }
    if ctx.bad_token {
        return AppError::Unauthenticated.into_response();
    }
    // A form from a session that has ended since: log in again (the form changes nothing).
    if ctx.session_ended && ctx.principal.is_none() && ctx.pending.is_none() {
        return AppError::Unauthenticated.into_response();
    }
    let cross_site = req
        .headers()
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site");
    let expected = match (&ctx.principal, &ctx.pending) {
        (Some(p), _) => Some(p.csrf().to_owned()),
        (None, Some(pending)) => Some(pending.csrf.clone()),
        (None, None) => ctx.pre_csrf.clone(),
    };
    let header_token = req
        .headers()
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let is_form = content_type.starts_with("application/x-www-form-urlencoded");
    let boundary = content_type
        .starts_with("multipart/form-data")
        .then(|| multipart_boundary(&content_type))
        .flatten();
    let (parts, body) = req.into_parts();
    let (supplied, body) = match (header_token, is_form || boundary.is_some()) {
        (Some(t), _) => (Some(t), body),
        (None, true) => {
            let bytes = match to_bytes(body, state.config().body_limit).await {
                Ok(b) => b,
                Err(_) => return axum::http::StatusCode::PAYLOAD_TOO_LARGE.into_response(),
            };
            let token = match &boundary {
                Some(b) => multipart_value(&bytes, b, CSRF_FIELD),
                None => form_urlencoded_value(&bytes, CSRF_FIELD),
            };
            (token, Body::from(bytes))
        }
        (None, false) => (None, body),
    };
    let ok = !cross_site
        && matches!((&expected, &supplied), (Some(e), Some(s)) if !e.is_empty() && same_secret(e, s));
    if !ok {
        let object = format!("{} {}", parts.method, parts.uri.path());
        audit(&state, ctx.audit("csrf", &object, "denied")).await;
        return AppError::Forbidden.into_response();
    }
    next.run(Request::from_parts(parts, body)).await
}

fn form_urlencoded_value(body: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

fn multipart_boundary(content_type: &str) -> Option<String> {
    content_type.split(';').map(str::trim).find_map(|p| {
        p.strip_prefix("boundary=")
            .map(|b| b.trim_matches('"').to_owned())
            .filter(|b| !b.is_empty() && b.len() <= 200)
    })
}

/// The value of one small text part of a multipart body (the CSRF token sits in the first
/// part of our upload forms).
fn multipart_value(body: &[u8], boundary: &str, name: &str) -> Option<String> {
    let delimiter = format!("--{boundary}");
    let text = String::from_utf8_lossy(body);
    let wanted = format!("name=\"{name}\"");
    for part in text.split(delimiter.as_str()) {
        let Some((headers, value)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let is_wanted = headers.lines().any(|l| {
            l.to_ascii_lowercase().starts_with("content-disposition:") && l.contains(&wanted)
        });
        if is_wanted {
            return Some(value.trim_end_matches("\r\n").to_owned());
        }
    }
    None
}
