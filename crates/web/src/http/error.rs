//! Errors of the web layer. A handler returns `AppError`; the response carries a marker that
//! the error layer (`layers::render_errors`) turns into a Dutch or English HTML page, or into
//! `application/problem+json` under `/api`. 5xx details are logged, never shown.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use crisismap_store::StoreError;
use serde::Serialize;

pub use crisismap_app::FieldError;

/// How a field error looks in the API's description (the application's type has no
/// OpenAPI derive: the application layer knows nothing of HTTP).
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = FieldError)]
pub struct FieldErrorDoc {
    pub field: String,
    pub code: String,
    pub message: String,
}

/// Fills in the human message of each field error in the given language.
pub fn localize(mut fields: Vec<FieldError>, tr: crisismap_app::i18n::Tr) -> Vec<FieldError> {
    for f in &mut fields {
        if f.message.is_empty() {
            f.message = tr.t(&format!("error-{}", f.code)).to_owned();
        }
    }
    fields
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
        crisismap_app::Error::from(e).into()
    }
}

impl From<crisismap_app::Error> for AppError {
    fn from(e: crisismap_app::Error) -> Self {
        use crisismap_app::Error as E;
        match e {
            E::NotFound => AppError::NotFound,
            E::Forbidden => AppError::Forbidden,
            E::Invalid(fields) => AppError::Invalid(fields),
            E::StaleRevision => AppError::Conflict("stale_revision".into()),
            E::AlreadyExists => AppError::Conflict("already exists".into()),
            E::CrisisClosed => AppError::Conflict("crisis_closed".into()),
            E::Refused(code) => AppError::Conflict(code),
            E::Internal(detail) => AppError::Internal(detail),
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
