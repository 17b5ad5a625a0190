//! What every page and API route stands on: the layers around each request, errors as
//! responses, who is asking (sessions, API tokens, CSRF, roles), the embedded assets, live
//! updates, the page frame and the reading of JSON input.

pub mod assets;
pub mod auth;
pub mod error;
pub mod form;
pub mod json;
pub mod layers;
pub mod live;
pub mod logline;
pub mod page;
