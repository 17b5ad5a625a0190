//! The HTML pages. Every page works without JavaScript; forms post and redirect.

mod account;
mod admin;
mod aftermath;
pub(crate) mod dashboard;
mod exercise;
mod lessons;
mod login;
mod mfa;
mod sections;

use crate::AppState;
use crate::http::error::AppError;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard::overview))
        .route("/inloggen", get(login::login_form).post(login::login))
        .route("/uitloggen", post(login::logout))
        .route("/taal", post(login::set_language))
        .route("/inloggen/code", get(mfa::code_form).post(mfa::submit_code))
        .route("/account/tweestaps", get(mfa::setup))
        .route("/account/tweestaps/start", post(mfa::start))
        .route("/account/tweestaps/bevestigen", post(mfa::confirm))
        .route("/account/tweestaps/herstelcodes", post(mfa::new_codes))
        .route("/account/tweestaps/uitzetten", post(mfa::switch_off))
        .route(
            "/wachtwoord",
            get(login::password_form).post(login::change_password),
        )
        .route("/nafase", get(aftermath::aftermath))
        .route("/nafase/leerpunten", get(lessons::lessons))
        .route("/oefenen", get(exercise::exercise_page))
        .route("/oefenen/leerdoelen", post(exercise::adopt_goals))
        .route("/oefenen/scenarios/{code}", post(exercise::adopt_scenario))
        .route("/oefenen/starten", post(exercise::start))
        .route("/afdrukken", get(sections::print))
        .route("/afdrukken/crisismap.pdf", get(sections::folder_pdf))
        .route("/toegankelijkheid", get(sections::accessibility))
        .route("/beheer", get(admin::overview))
        .route(
            "/beheer/gebruikers",
            get(admin::users).post(admin::add_user),
        )
        .route("/beheer/gebruikers/{id}/rol", post(admin::change_role))
        .route(
            "/beheer/gebruikers/{id}/uitschakelen",
            post(admin::disable_user),
        )
        .route(
            "/beheer/gebruikers/{id}/inschakelen",
            post(admin::enable_user),
        )
        .route(
            "/beheer/gebruikers/{id}/wachtwoord",
            post(admin::reset_password),
        )
        .route("/beheer/gebruikers/{id}/tweestaps", post(admin::reset_mfa))
        .route("/beheer/tweestaps", post(admin::set_mfa_policy))
        .route("/beheer/controle", get(admin::verify))
        .route("/beheer/audit", get(admin::audit_log))
        .route("/account", get(account::settings))
        .route("/account/taal", post(account::set_language))
        .route("/account/tokens", post(account::create_token))
        .route(
            "/account/overal-uitloggen",
            post(account::log_out_everywhere),
        )
        .route(
            "/account/tokens/{id}/intrekken",
            post(account::revoke_token),
        )
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
}

/// The answer for every unknown address.
pub async fn not_found() -> AppError {
    AppError::NotFound
}

/// The process is alive.
async fn healthz() -> &'static str {
    "ok"
}

/// The process can serve: the database answers.
async fn readyz(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    match state.store().ping().await {
        Ok(()) => "ready".into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

/// A path inside this application to return to after login; anything else becomes `/`.
pub(crate) fn safe_return_path(p: &str) -> String {
    let ok = p.starts_with('/')
        && !p.starts_with("//")
        && !p.contains('\\')
        && !p.chars().any(char::is_control)
        && p.len() < 512;
    if ok { p.to_owned() } else { "/".to_owned() }
}

#[cfg(test)]
mod tests {
    #[test]
    fn return_paths_stay_inside_the_application() {
        assert_eq!(super::safe_return_path("/beheer"), "/beheer");
        assert_eq!(super::safe_return_path("//evil.example"), "/");
        assert_eq!(super::safe_return_path("https://evil.example"), "/");
        assert_eq!(super::safe_return_path("/\\evil"), "/");
        assert_eq!(super::safe_return_path(""), "/");
    }
}
