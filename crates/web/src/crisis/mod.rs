//! The crisis room on the web. Its pages, one file each: the list and opening (`list`), the
//! shared picture (`picture`), changes to the crisis (`changes`), the classification
//! assistant (`classify`), entries (`entries`, `entry_form`), the timeline (`timeline`),
//! documents (`documents`), guests (`guests`), typing paper back in (`transcribe`); what
//! they share (`frame`); and the JSON door (`api`). The commands behind both doors live in
//! `crisismap_app::crisis`.

mod account;
pub(crate) mod aftercare;
pub mod api;
mod changes;
mod classify;
mod costs;
mod documents;
mod entries;
mod entry_form;
mod evaluation;
mod exercise;
mod frame;
mod guests;
mod handover;
mod list;
mod picture;
pub(crate) mod recovery;
mod timeline;
mod transcribe;
mod views;

pub(crate) use frame::crisis_href;
pub(crate) use list::{CrisisRow, crisis_rows};
pub(crate) use picture::{StepView, open_steps_of};

use crate::AppState;
use axum::Router;
use axum::routing::{get, post};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/crisis", get(list::list))
        .route("/crisis/nieuw", get(list::open_form).post(list::open))
        .route("/crisis/{id}", get(picture::picture))
        .route(
            "/crisis/{id}/classificatie",
            get(classify::classify_page).post(classify::classify),
        )
        .route("/crisis/{id}/fase", post(changes::change_phase))
        .route("/crisis/{id}/grip", post(changes::change_grip))
        .route("/crisis/{id}/teams", post(changes::set_teams))
        .route("/crisis/{id}/herstelvolgorde", post(changes::move_process))
        .route("/crisis/{id}/afsluiten", post(changes::close))
        .route(
            "/crisis/{id}/overdracht",
            get(handover::page).post(handover::save),
        )
        .route("/crisis/{id}/uitval", post(changes::set_failing))
        .route(
            "/crisis/{id}/gasten",
            get(guests::guests).post(guests::invite_guest),
        )
        .route("/crisis/{id}/tijdlijn", get(timeline::timeline))
        .route(
            "/crisis/{id}/overnemen",
            get(transcribe::page).post(transcribe::save),
        )
        .route(
            "/crisis/{id}/situatierapport",
            get(documents::sitrep).post(documents::issue_sitrep),
        )
        .route(
            "/crisis/{id}/situatierapport.pdf",
            get(documents::sitrep_pdf),
        )
        .route("/crisis/{id}/besluiten.pdf", get(documents::decisions_pdf))
        .route("/crisis/{id}/kosten.csv", get(costs::costs_csv))
        .route("/crisis/{id}/verantwoording", get(account::account))
        .route("/crisis/{id}/verantwoording.pdf", get(account::account_pdf))
        .route(
            "/crisis/{id}/evaluatie.pdf",
            get(evaluation::evaluation_pdf),
        )
        .route("/crisis/{id}/herstel", get(recovery::recovery))
        .route("/crisis/{id}/nazorg", get(aftercare::aftercare))
        .route("/crisis/{id}/oefenleiding", get(exercise::control))
        .route("/crisis/{id}/oefenleiding/klok", post(exercise::clock))
        .route("/crisis/{id}/oefenleiding/bezetting", post(exercise::staff))
        .route("/crisis/{id}/oefenleiding/ad-hoc", post(exercise::ad_hoc))
        .route(
            "/crisis/{id}/oefenleiding/injects/{inject}/uitzetten",
            post(exercise::release),
        )
        .route(
            "/crisis/{id}/oefenleiding/injects/{inject}/tegenhouden",
            post(exercise::withhold),
        )
        .route(
            "/crisis/{id}/observaties",
            get(exercise::observations).post(exercise::observe),
        )
        .route(
            "/crisis/{id}/{slug}",
            get(entries::entries).post(entry_form::create),
        )
        .route("/crisis/{id}/{slug}/nieuw", get(entry_form::new_form))
        .route(
            "/crisis/{id}/{slug}/{entry}",
            get(entries::detail).post(entry_form::update),
        )
        .route(
            "/crisis/{id}/{slug}/{entry}/bewerken",
            get(entry_form::edit_form),
        )
}
