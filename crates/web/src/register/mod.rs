//! The preparation register on the web: one set of generic pages and API endpoints driven by
//! each kind's schema, plus the pages that need more than a list (readiness, on-call, the
//! restore order, escalation flow, import and export, calendar feeds).

pub mod api;
pub(crate) mod cascade;
pub(crate) mod display;
pub(crate) mod exports;
mod extras;
mod frame;
pub(crate) use extras::flags;
mod feeds;
pub(crate) mod form;
mod import;
mod library;
mod pages;
mod readiness;
mod risk_io;
mod scripts;

pub(crate) use frame::decode_form;
pub(crate) use pages::form_pairs;

use crate::AppState;
use axum::Router;
use axum::routing::{get, post};
pub use crisismap_app::register::Index;
pub(crate) use frame::Refs;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/voorbereiden", get(pages::overview))
        .route("/voorbereiden/gereedheid", get(readiness::readiness_page))
        .route(
            "/voorbereiden/gereedheid/{item}/bewerken",
            get(readiness::readiness_form),
        )
        .route(
            "/voorbereiden/gereedheid/{item}",
            get(readiness::readiness_item_page).post(readiness::readiness_save),
        )
        .route("/voorbereiden/bibliotheek", get(library::library))
        .route("/voorbereiden/cascade", get(cascade::analysis))
        .route(
            "/voorbereiden/risico-objecten/import",
            get(risk_io::import_form).post(risk_io::import),
        )
        .route(
            "/voorbereiden/risico-objecten/export.csv",
            get(risk_io::risk_csv),
        )
        .route(
            "/voorbereiden/risico-objecten/export.json",
            get(risk_io::exchange_json),
        )
        .route(
            "/voorbereiden/afhankelijkheden/export.csv",
            get(risk_io::dependencies_csv),
        )
        .route("/voorbereiden/afhankelijkheden", get(cascade::dependencies))
        .route(
            "/voorbereiden/contacten/import",
            get(import::import_form).post(import::import_preview),
        )
        .route(
            "/voorbereiden/contacten/import/bevestigen",
            post(import::import_confirm),
        )
        .route(
            "/voorbereiden/contacten/export.csv",
            get(exports::contacts_csv),
        )
        .route(
            "/voorbereiden/contacten/export.vcf",
            get(exports::contacts_vcard),
        )
        .route(
            "/voorbereiden/teams/{id}/export.vcf",
            get(exports::team_vcard),
        )
        .route(
            "/voorbereiden/piket/{id}/agendalink",
            post(feeds::roster_feed_link),
        )
        .route(
            "/voorbereiden/overleggen/agendalink",
            post(feeds::meetings_feed_link),
        )
        .route(
            "/voorbereiden/processen/{id}/volgorde/{direction}",
            post(extras::move_process),
        )
        .route(
            "/voorbereiden/draaiboeken/import",
            get(scripts::script_form).post(scripts::script_import),
        )
        .route(
            "/voorbereiden/draaiboeken/{id}/injects.csv",
            get(scripts::injects_csv_file),
        )
        .route(
            "/voorbereiden/draaiboeken/{id}/export.json",
            get(scripts::script_json),
        )
        .route(
            "/voorbereiden/draaiboeken/{id}/import",
            get(scripts::injects_form).post(scripts::injects_import),
        )
        .route("/agenda/{file}", get(feeds::calendar_feed))
        .route("/voorbereiden/{slug}", get(pages::list).post(pages::create))
        .route("/voorbereiden/{slug}/nieuw", get(pages::new_form))
        .route(
            "/voorbereiden/{slug}/{id}",
            get(pages::detail).post(pages::update),
        )
        .route("/voorbereiden/{slug}/{id}/bewerken", get(pages::edit_form))
        .route("/voorbereiden/{slug}/{id}/archiveren", post(pages::archive))
}
