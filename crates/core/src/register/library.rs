//! The library: the publications the VNG guidance on digital disruption points to, shipped
//! as data so that the list is there when the network is not.

/// One publication: its title, publisher, the key of its description in the interface's
/// words, and its address.
#[derive(Debug, Clone, Copy)]
pub struct Publication {
    /// The publication's title, as published.
    pub title: &'static str,
    /// Who published it, e.g. NCTV.
    pub publisher: &'static str,
    /// The key of the description (`lib.*`), in both languages.
    pub about: &'static str,
    /// Where it can be read (a URL).
    pub address: &'static str,
}

/// The publications, in the order the library shows them.
pub const PUBLICATIONS: &[Publication] = &[
    Publication {
        title: "Landelijk Crisisplan Digitaal",
        publisher: "NCTV",
        about: "lib-lcpd",
        address: "https://www.nctv.nl/documenten/publicaties/2022/12/23/landelijk-crisisplan-digitaal",
    },
    Publication {
        title: "Cyber-introductie voor nieuwe OOV'ers",
        publisher: "CCV / VNG",
        about: "lib-intro",
        address: "https://hetccv.nl/cyber-introductie-voor-nieuwe-oover/",
    },
    Publication {
        title: "Cyberwegenkaart 2.0",
        publisher: "CCV / VNG",
        about: "lib-roadmap",
        address: "https://hetccv.nl/app/uploads/2023/09/Cyberwegenkaart_-_route_2__JH17.03.2022_.pdf",
    },
    Publication {
        title: "VNG Cyber oefenpakket",
        publisher: "VNG",
        about: "lib-exercise_pack",
        address: "https://vng.nl/artikelen/interactieve-cyberoefening",
    },
    Publication {
        title: "VNG Cyberoefendriehoek",
        publisher: "VNG",
        about: "lib-triangle",
        address: "https://vng.nl/sites/default/files/2024-03/ben_jij_voorbereid_op_een_cybercrisis.pdf",
    },
    Publication {
        title: "Gehackt, hoe nu verder?",
        publisher: "IBD",
        about: "lib-hacked",
        address: "https://www.informatiebeveiligingsdienst.nl/wp-content/uploads/2021/06/202106-IBD-Factsheet-gehackt-hoe-nu-verder.pdf",
    },
    Publication {
        title: "Kennis en kunde voor regionale cybergevolgbestrijding",
        publisher: "NIPV",
        about: "lib-regional",
        address: "https://nipv.nl/wp-content/uploads/2022/03/20211228-IFV-Kennis-en-kunde-voor-regionale-cybergevolgbestrijding.pdf",
    },
    Publication {
        title: "Bestuurlijke bevoegdheden cyber",
        publisher: "NIPV",
        about: "lib-powers",
        address: "https://nipv.nl/wp-content/uploads/2023/01/20220930-NIPV-Bestuurlijke-bevoegdheden-cyber.pdf",
    },
    Publication {
        title: "Crisiscommunicatietips voor incidenten met een cybercomponent",
        publisher: "NIPV (IFV)",
        about: "lib-communication",
        address: "https://nipv.nl/wp-content/uploads/2022/04/20190425-IFV-Crisiscommunicatietips-voor-incidenten-met-een-cybercomponent.pdf",
    },
    Publication {
        title: "Cyberscenario's voor veiligheidsregio's",
        publisher: "NIPV (IFV)",
        about: "lib-scenarios",
        address: "https://nipv.nl/wp-content/uploads/2022/03/20210616-IFV-Cyberscenarios-voor-veiligheidsregios.pdf",
    },
    Publication {
        title: "De burgemeester als boegbeeld",
        publisher: "NGB",
        about: "lib-mayor",
        address: "https://www.burgemeesters.nl/assets/Uploads/2017-NGB-publicatie-De-burgemeester-als-boegbeeld_interactief.pdf",
    },
    Publication {
        title: "Focusblad Digitale Veiligheid",
        publisher: "VNG",
        about: "lib-focus",
        address: "https://vng.nl/publicaties/focusblad-digitale-veiligheid",
    },
    Publication {
        title: "Digitale ontwrichting",
        publisher: "WRR",
        about: "lib-wrr",
        address: "http://www.wrr.nl/adviesprojecten/digitale-ontwrichting",
    },
    Publication {
        title: "Dreigingsbeeld 2023-2024",
        publisher: "IBD",
        about: "lib-threat",
        address: "http://www.informatiebeveiligingsdienst.nl/wp-content/uploads/2022/10/IBD_dreigingsbeeld_2023-2024_DEF-versie.pdf",
    },
];
