//! The national list of vital processes (NCTV), shipped as versioned data. Each process has a
//! stable code that the register stores, so that a newer list can rename a process or drop
//! its category without breaking what organisations were linked to.

/// A or B: category A processes have larger consequences when they fail. Newer versions of the
/// list may leave the category out, hence `Option`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Category A: the larger consequences.
    A,
    /// Category B.
    B,
}

impl Category {
    /// The category's letter, `A` or `B`.
    pub fn code(self) -> &'static str {
        match self {
            Category::A => "A",
            Category::B => "B",
        }
    }
}

/// One vital process of the national list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VitalProcess {
    /// The process's stable code, as the register stores it.
    pub code: &'static str,
    /// As the list names it (Dutch).
    pub name: &'static str,
    /// The sector it belongs to, as the list names it (Dutch), e.g. `Energie`.
    pub sector: &'static str,
    /// Its category, where the list version gives one.
    pub category: Option<Category>,
}

/// One version of the list.
#[derive(Debug, Clone, Copy)]
pub struct Catalogue {
    /// The version's stable name, e.g. `nctv-2023`.
    pub version: &'static str,
    /// What the list follows, and from when.
    pub source: &'static str,
    /// The vital processes of this version.
    pub processes: &'static [VitalProcess],
}

const fn p(
    code: &'static str,
    name: &'static str,
    sector: &'static str,
    category: Option<Category>,
) -> VitalProcess {
    VitalProcess {
        code,
        name,
        sector,
        category,
    }
}

use Category::{A, B};

/// The NCTV's overview of vital processes with categories A and B, as published on nctv.nl
/// until its 2024 revision.
pub static NCTV_2023: Catalogue = Catalogue {
    version: "nctv-2023",
    source: "NCTV, Overzicht vitale processen (met categorie A/B), stand 2023",
    processes: &[
        p(
            "electricity_national",
            "Landelijk transport, distributie en productie elektriciteit",
            "Energie",
            Some(A),
        ),
        p(
            "electricity_regional",
            "Regionale distributie elektriciteit",
            "Energie",
            Some(B),
        ),
        p(
            "gas_national",
            "Gasproductie, landelijk transport en distributie gas",
            "Energie",
            Some(A),
        ),
        p(
            "gas_regional",
            "Regionale distributie gas",
            "Energie",
            Some(B),
        ),
        p("oil", "Olievoorziening", "Energie", Some(A)),
        p(
            "internet_data",
            "Internet en datadiensten",
            "ICT/Telecom",
            Some(B),
        ),
        p(
            "internet_access",
            "Internettoegang en dataverkeer",
            "ICT/Telecom",
            Some(B),
        ),
        p("voice_sms", "Spraakdienst en SMS", "ICT/Telecom", Some(B)),
        p(
            "gnss",
            "Plaats- en tijdsbepaling middels GNSS",
            "ICT/Telecom",
            Some(B),
        ),
        p(
            "drinking_water",
            "Drinkwatervoorziening",
            "Drinkwater",
            Some(A),
        ),
        p(
            "water_quantity",
            "Keren en beheren waterkwantiteit",
            "Water",
            Some(A),
        ),
        p(
            "aviation",
            "Vlucht- en vliegtuigafhandeling",
            "Transport",
            Some(B),
        ),
        p("shipping", "Scheepvaartafwikkeling", "Transport", Some(B)),
        p(
            "rail",
            "Vervoer van personen en goederen over (hoofd)spoorweginfrastructuur",
            "Transport",
            Some(B),
        ),
        p(
            "roads",
            "Vervoer over (hoofd)wegennet",
            "Transport",
            Some(B),
        ),
        p(
            "chemicals",
            "Grootschalige productie/verwerking en/of opslag (petro)chemische stoffen",
            "Chemie",
            Some(B),
        ),
        p(
            "nuclear",
            "Opslag, productie en verwerking nucleair materiaal",
            "Nucleair",
            Some(A),
        ),
        p(
            "cash_payments",
            "Toonbankbetalingsverkeer",
            "Financieel",
            Some(B),
        ),
        p(
            "mass_payments",
            "Massaal giraal betalingsverkeer",
            "Financieel",
            Some(B),
        ),
        p(
            "interbank_payments",
            "Hoogwaardig betalingsverkeer tussen banken",
            "Financieel",
            Some(B),
        ),
        p("securities", "Effectenverkeer", "Financieel", Some(B)),
        p(
            "emergency_communication",
            "Communicatie met en tussen hulpdiensten middels 112 en C2000",
            "Openbare orde en veiligheid",
            Some(B),
        ),
        p(
            "police",
            "Inzet politie",
            "Openbare orde en veiligheid",
            Some(B),
        ),
        p(
            "base_registers",
            "Basisregistraties personen en organisaties",
            "Digitale overheidsprocessen",
            Some(B),
        ),
        p(
            "interconnectivity",
            "Interconnectiviteit (transactie-infrastructuur voor informatie uit basisregistraties)",
            "Digitale overheidsprocessen",
            Some(B),
        ),
        p(
            "citizen_messaging",
            "Elektronisch berichtenverkeer en informatieverschaffing aan burgers",
            "Digitale overheidsprocessen",
            Some(B),
        ),
        p(
            "identification",
            "Identificatie en authenticatie van burgers en bedrijven",
            "Digitale overheidsprocessen",
            Some(B),
        ),
        p("defence", "Inzet defensie", "Defensie", Some(B)),
    ],
};

/// The list the product follows now.
pub fn current() -> &'static Catalogue {
    &NCTV_2023
}

/// Every code of the current list, for the schema's choice.
pub const CODES: &[&str] = &[
    "electricity_national",
    "electricity_regional",
    "gas_national",
    "gas_regional",
    "oil",
    "internet_data",
    "internet_access",
    "voice_sms",
    "gnss",
    "drinking_water",
    "water_quantity",
    "aviation",
    "shipping",
    "rail",
    "roads",
    "chemicals",
    "nuclear",
    "cash_payments",
    "mass_payments",
    "interbank_payments",
    "securities",
    "emergency_communication",
    "police",
    "base_registers",
    "interconnectivity",
    "citizen_messaging",
    "identification",
    "defence",
];

/// The vital process with this code in the current list.
pub fn find(code: &str) -> Option<&'static VitalProcess> {
    current().processes.iter().find(|p| p.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codes_are_exactly_the_current_list_once_each() {
        let listed: Vec<&str> = current().processes.iter().map(|p| p.code).collect();
        assert_eq!(listed, CODES);
        let mut unique = listed.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), listed.len());
        assert_eq!(
            find("drinking_water").and_then(|p| p.category),
            Some(Category::A)
        );
    }

    #[test]
    fn a_process_without_a_category_is_allowed() {
        // Newer lists drop the category column; the model keeps working.
        let newer = p("heat", "Warmtevoorziening", "Energie", None);
        assert_eq!(newer.category.map(Category::code), None);
    }
}
