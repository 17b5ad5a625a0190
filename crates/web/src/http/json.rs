//! Reading JSON input: strictly (every unknown field, missing field and wrong type named),
//! and the refusals of a body that cannot be read at all.

use crate::http::error::AppError;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;

/// A command that takes no input: an empty body or an empty JSON object; any field is
/// refused by name, like everywhere else.
pub fn no_fields(body: &[u8]) -> Result<(), AppError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| AppError::BadRequest(format!("malformed JSON: {e}")))?;
    let field = match &value {
        serde_json::Value::Object(map) => match map.keys().next() {
            None => return Ok(()),
            Some(key) => (key.clone(), "unknown_field"),
        },
        _ => ("body".to_owned(), "wrong_type"),
    };
    Err(AppError::Invalid(vec![crate::http::error::FieldError {
        field: field.0,
        code: field.1.into(),
        message: String::new(),
    }]))
}

/// A JSON body read strictly into `T`: every field `T` does not have, a missing required
/// field and every value of the wrong type is refused with 422, naming the field (`answers.
/// national`, `rows.3`), so that a typing error in a client never drops data silently.
pub fn strict_json<T: serde::de::DeserializeOwned>(
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<T, AppError> {
    let Json(value) = body.map_err(json_error)?;
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = e.inner().to_string();
        let quoted = message.split('`').nth(1).unwrap_or("").to_owned();
        let join = |name: &str| match path.as_str() {
            "." | "" => name.to_owned(),
            p if p.ends_with(name) => p.to_owned(),
            p => format!("{p}.{name}"),
        };
        let (field, code) = if message.starts_with("unknown field") {
            (join(&quoted), "unknown_field")
        } else if message.starts_with("missing field") {
            (join(&quoted), "required")
        } else {
            let field = if path == "." { "body".to_owned() } else { path };
            (field, "wrong_type")
        };
        AppError::Invalid(vec![crate::http::error::FieldError {
            field,
            code: code.into(),
            message: String::new(),
        }])
    })
}

/// A JSON body that cannot be read: 415 for the wrong content type, 400 for broken JSON,
/// 422 for JSON of the wrong shape, each with what was wrong.
pub fn json_error(rejection: JsonRejection) -> AppError {
    let text = rejection.body_text();
    match rejection.status() {
        StatusCode::UNSUPPORTED_MEDIA_TYPE => AppError::UnsupportedMediaType(text),
        StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge,
        StatusCode::UNPROCESSABLE_ENTITY => {
            AppError::Invalid(vec![crate::http::error::FieldError {
                field: "body".into(),
                code: "invalid_json_shape".into(),
                message: text,
            }])
        }
        _ => AppError::BadRequest(text),
    }
}
