//! Errors of the web layer. A handler returns `AppError`; the response carries a marker that
//! the error layer (`layers::render_errors`) turns into a Dutch or English HTML page, or into
//! `application/problem+json` under `/api`. 5xx details are logged, never shown.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use crisismap_store::StoreError;
use serde::Serialize;

/// One invalid field: its name and a stable code (translated for HTML, listed in problem+json).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not logged in")]
    Unauthenticated,
    #[error("password change required")]
    PasswordChangeRequired,
    #[error("second factor enrolment required")]
    MfaEnrolmentRequired,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("unsupported media type: {0}")]
    UnsupportedMediaType(String),
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("too many attempts")]
    TooManyRequests,
    #[error("internal error: {0}")]
    Internal(String),
}

/// The detail of a refusal because the second factor must be set up first.
pub const MFA_ENROLMENT_REQUIRED: &str =
    "second factor required: set up two-step verification at /account/tweestaps";

/// Put on error responses so that the error layer knows the body is ours to render.
#[derive(Debug, Clone)]
pub struct ErrorMarker {
    pub detail: Option<String>,
    pub fields: Vec<FieldError>,
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict => AppError::Conflict("already exists".into()),
            StoreError::VersionConflict { .. } => AppError::Conflict(e.to_string()),
            StoreError::Workspace(w) => AppError::Conflict(w.code().into()),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::PasswordChangeRequired
            | AppError::MfaEnrolmentRequired
            | AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        let marker = match self {
            AppError::Internal(detail) => {
                tracing::error!(%detail, "request failed");
                ErrorMarker {
                    detail: None,
                    fields: vec![],
                }
            }
            AppError::Invalid(fields) => ErrorMarker {
                detail: None,
                fields,
            },
            AppError::Conflict(d) | AppError::BadRequest(d) | AppError::UnsupportedMediaType(d) => {
                ErrorMarker {
                    detail: Some(d),
                    fields: vec![],
                }
            }
            AppError::PasswordChangeRequired => ErrorMarker {
                detail: Some("password change required".into()),
                fields: vec![],
            },
            AppError::MfaEnrolmentRequired => ErrorMarker {
                detail: Some(MFA_ENROLMENT_REQUIRED.into()),
                fields: vec![],
            },
            _ => ErrorMarker {
                detail: None,
                fields: vec![],
            },
        };
        let mut response = status.into_response();
        response.extensions_mut().insert(marker);
        response
    }
}
