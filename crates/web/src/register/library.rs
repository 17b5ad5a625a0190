//! The library: the guidance and the publications behind it.

use super::pages::page_ctx;
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use crate::http::page::PageCtx;
use crate::pages::render;
use askama::Template;
use axum::extract::State;
use axum::response::Html;
use crisismap_app::i18n::Tr;

pub struct Publication {
    pub title: &'static str,
    pub publisher: &'static str,
    pub about: &'static str,
    pub address: &'static str,
}

/// The publications the VNG guidance points to (title, publisher, address), shipped as data.
pub(super) const LIBRARY: &[(&str, &str, &str, &str)] = &[
    (
        "Landelijk Crisisplan Digitaal",
        "NCTV",
        "lib.lcpd",
        "https://www.nctv.nl/documenten/publicaties/2022/12/23/landelijk-crisisplan-digitaal",
    ),
    (
        "Cyber-introductie voor nieuwe OOV'ers",
        "CCV / VNG",
        "lib.intro",
        "https://hetccv.nl/cyber-introductie-voor-nieuwe-oover/",
    ),
    (
        "Cyberwegenkaart 2.0",
        "CCV / VNG",
        "lib.roadmap",
        "https://hetccv.nl/app/uploads/2023/09/Cyberwegenkaart_-_route_2__JH17.03.2022_.pdf",
    ),
    (
        "VNG Cyber oefenpakket",
        "VNG",
        "lib.exercise_pack",
        "https://vng.nl/artikelen/interactieve-cyberoefening",
    ),
    (
        "VNG Cyberoefendriehoek",
        "VNG",
        "lib.triangle",
        "https://vng.nl/sites/default/files/2024-03/ben_jij_voorbereid_op_een_cybercrisis.pdf",
    ),
    (
        "Gehackt, hoe nu verder?",
        "IBD",
        "lib.hacked",
        "https://www.informatiebeveiligingsdienst.nl/wp-content/uploads/2021/06/202106-IBD-Factsheet-gehackt-hoe-nu-verder.pdf",
    ),
    (
        "Kennis en kunde voor regionale cybergevolgbestrijding",
        "NIPV",
        "lib.regional",
        "https://nipv.nl/wp-content/uploads/2022/03/20211228-IFV-Kennis-en-kunde-voor-regionale-cybergevolgbestrijding.pdf",
    ),
    (
        "Bestuurlijke bevoegdheden cyber",
        "NIPV",
        "lib.powers",
        "https://nipv.nl/wp-content/uploads/2023/01/20220930-NIPV-Bestuurlijke-bevoegdheden-cyber.pdf",
    ),
    (
        "Crisiscommunicatietips voor incidenten met een cybercomponent",
        "NIPV (IFV)",
        "lib.communication",
        "https://nipv.nl/wp-content/uploads/2022/04/20190425-IFV-Crisiscommunicatietips-voor-incidenten-met-een-cybercomponent.pdf",
    ),
    (
        "Cyberscenario's voor veiligheidsregio's",
        "NIPV (IFV)",
        "lib.scenarios",
        "https://nipv.nl/wp-content/uploads/2022/03/20210616-IFV-Cyberscenarios-voor-veiligheidsregios.pdf",
    ),
    (
        "De burgemeester als boegbeeld",
        "NGB",
        "lib.mayor",
        "https://www.burgemeesters.nl/assets/Uploads/2017-NGB-publicatie-De-burgemeester-als-boegbeeld_interactief.pdf",
    ),
    (
        "Focusblad Digitale Veiligheid",
        "VNG",
        "lib.focus",
        "https://vng.nl/publicaties/focusblad-digitale-veiligheid",
    ),
    (
        "Digitale ontwrichting",
        "WRR",
        "lib.wrr",
        "http://www.wrr.nl/adviesprojecten/digitale-ontwrichting",
    ),
    (
        "Dreigingsbeeld 2023-2024",
        "IBD",
        "lib.threat",
        "http://www.informatiebeveiligingsdienst.nl/wp-content/uploads/2022/10/IBD_dreigingsbeeld_2023-2024_DEF-versie.pdf",
    ),
];

#[derive(Template)]
#[template(path = "register/library.html")]
pub(super) struct LibraryPage {
    ctx: PageCtx,
    items: Vec<Publication>,
}

pub async fn library(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
) -> Result<Html<String>, AppError> {
    let tr = Tr(auth.ctx.lang);
    let ctx = page_ctx(
        &state,
        &auth.principal,
        &auth.ctx,
        tr.t("part.library.title").to_owned(),
    )
    .await?;
    let items = LIBRARY
        .iter()
        .map(|(title, publisher, about, address)| Publication {
            title,
            publisher,
            about: tr.t(about),
            address,
        })
        .collect();
    render(&LibraryPage { ctx, items })
}
