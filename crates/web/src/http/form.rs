//! How a page answers a form that saves something, the same for register records and crisis
//! entries: saved → on to where the form leads; refused → the same form again with every
//! message (422); someone saved in between → the same form again with what this user typed,
//! now based on the newer version (409). Nothing typed is lost.

use super::error::{AppError, FieldError, localize};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_app::i18n::Tr;

/// Why the form comes back, and with which status.
pub struct Again {
    /// Every message, in the reader's language (empty for a conflict).
    pub errors: Vec<FieldError>,
    /// Someone saved a newer version: the form must be based on that one.
    pub conflict: bool,
    pub status: StatusCode,
}

/// Answers a save that came from a form: `done` gives where a saved form leads, `again`
/// draws the form once more.
pub async fn answer<T>(
    saved: Result<T, crisismap_app::Error>,
    tr: Tr,
    done: impl FnOnce(T) -> String,
    again: impl AsyncFnOnce(Again) -> Result<Response, AppError>,
) -> Result<Response, AppError> {
    match saved {
        Ok(v) => Ok(Redirect::to(&done(v)).into_response()),
        Err(crisismap_app::Error::Invalid(errors)) => {
            again(Again {
                errors: localize(errors, tr),
                conflict: false,
                status: StatusCode::UNPROCESSABLE_ENTITY,
            })
            .await
        }
        Err(crisismap_app::Error::StaleRevision | crisismap_app::Error::AlreadyExists) => {
            again(Again {
                errors: vec![],
                conflict: true,
                status: StatusCode::CONFLICT,
            })
            .await
        }
        Err(e) => Err(e.into()),
    }
}
