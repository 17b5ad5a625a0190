//! What every new workspace starts with: the three teams of the guidance and the escalation
//! agreements that follow from it, in our own words and editable afterwards.

use crate::Store;
use crate::error::StoreError;
use crate::register::RecordChange;
use crisismap_core::WorkspaceId;
use crisismap_core::event::Actor;
use crisismap_core::register::{RawRecord, RecordId, RecordKind, RefLookup};
use std::collections::{BTreeMap, HashMap};

/// A record's raw fields from pairs, for seeding.
pub(crate) fn raw(fields: &[(&str, &str)]) -> RawRecord {
    RawRecord {
        fields: fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        groups: BTreeMap::new(),
    }
}

/// An escalation agreement with the parties it says must be informed.
fn informing(mut record: RawRecord, parties: &[&str]) -> RawRecord {
    record.groups.insert(
        "inform".to_owned(),
        parties
            .iter()
            .map(|p| BTreeMap::from([("party".to_owned(), (*p).to_owned())]))
            .collect(),
    );
    record
}

/// References known while seeding (records saved earlier in the same seeding).
#[derive(Default)]
pub(crate) struct Known(pub HashMap<RecordId, RecordKind>);

impl RefLookup for Known {
    fn exists(&self, kind: RecordKind, id: RecordId) -> bool {
        self.0.get(&id) == Some(&kind)
    }
}

/// Validates and saves records of one kind in one transaction, returning their ids.
pub(crate) async fn save_all(
    store: &Store,
    ws: WorkspaceId,
    actor: &Actor,
    kind: RecordKind,
    records: Vec<RawRecord>,
    known: &mut Known,
) -> Result<Vec<RecordId>, StoreError> {
    let mut changes = vec![];
    for r in &records {
        let validated = kind
            .schema()
            .validate(r, known)
            .map_err(|issues| StoreError::Corrupt(format!("seed data for {kind}: {issues:?}")))?;
        changes.push(RecordChange {
            kind,
            id: None,
            expected_rev: None,
            record: validated,
        });
    }
    let ids = store.save_records(ws, actor, changes).await?;
    for id in &ids {
        known.0.insert(*id, kind);
    }
    Ok(ids)
}

/// The name of the default municipal calamity team.
pub const CALAMITY_TEAM: &str = "Gemeentelijk calamiteitenteam";
/// The name of the default local triangle (mayor, police and public prosecutor).
pub const LOCAL_TRIANGLE: &str = "Lokale driehoek";
/// The name of the default municipal policy team.
pub const POLICY_TEAM: &str = "Gemeentelijk Beleidsteam (GBT)";

/// The three teams and five escalation agreements. Returns the team ids (calamity team,
/// local triangle, policy team).
pub async fn seed_defaults(
    store: &Store,
    ws: WorkspaceId,
    actor: &Actor,
) -> Result<[RecordId; 3], StoreError> {
    let mut known = Known::default();
    seed_defaults_with(store, ws, actor, &mut known).await
}

pub(crate) async fn seed_defaults_with(
    store: &Store,
    ws: WorkspaceId,
    actor: &Actor,
    known: &mut Known,
) -> Result<[RecordId; 3], StoreError> {
    let teams = vec![
        raw(&[
            ("name", CALAMITY_TEAM),
            ("standard", "calamity_team"),
            (
                "purpose",
                "Beperkt de gevolgen van een cyberincident binnen de gemeentelijke organisatie en brengt de bedrijfsvoering weer op gang. Ambtelijk aanspreekpunt: de CISO of de gemeentesecretaris; bestuurlijk: de portefeuillehouder ICT.",
            ),
        ]),
        raw(&[
            ("name", LOCAL_TRIANGLE),
            ("standard", "local_triangle"),
            (
                "purpose",
                "Burgemeester, officier van justitie en teamchef politie besluiten samen over opsporingsbevoegdheden en bestuurlijke noodbevoegdheden, bijvoorbeeld bij (een vermoeden van) opzet of een strafbaar feit. Ambtelijk aanspreekpunt: de adviseur OOV/crisisbeheersing; bestuurlijk: de burgemeester.",
            ),
        ]),
        raw(&[
            ("name", POLICY_TEAM),
            ("standard", "policy_team"),
            (
                "purpose",
                "Adviseert de burgemeester over (nood)bevoegdheden en strategische besluiten voor openbare orde en veiligheid, over bijstandsaanvragen, de maatschappelijke impact, de afstemming met externe partijen, scenario's en de communicatiestrategie. Ambtelijk aanspreekpunt: de adviseur crisisbeheersing; bestuurlijk: de burgemeester.",
            ),
        ]),
    ];
    let ids = save_all(store, ws, actor, RecordKind::Team, teams, known).await?;
    let [calamity, triangle, policy] = [ids[0], ids[1], ids[2]];
    let (calamity_s, triangle_s, policy_s) = (
        calamity.to_string(),
        triangle.to_string(),
        policy.to_string(),
    );
    let escalations = vec![
        informing(
            raw(&[
                ("name", "Alleen de eigen organisatie geraakt"),
                ("step", "1"),
                (
                    "applies_when",
                    "Een cyberincident raakt alleen de gemeentelijke organisatie, zonder gevolgen daarbuiten.",
                ),
                ("to_team", &calamity_s),
                (
                    "who_informs",
                    "De CISO informeert de gemeentesecretaris en de portefeuillehouder ICT, en houdt contact met de IBD.",
                ),
                ("line", "Piketnummer CISO"),
                ("who_decides", "CISO en gemeentesecretaris"),
                ("classification", "cyber_incident"),
            ]),
            &["municipal_secretary", "alderman_ict", "ibd"],
        ),
        informing(
            raw(&[
                ("name", "Gevolgen buiten de organisatie"),
                ("step", "2"),
                (
                    "applies_when",
                    "Het incident heeft gevolgen buiten de gemeentelijke organisatie: cascade-effecten in de fysieke wereld of voor openbare orde en veiligheid.",
                ),
                ("from_team", &calamity_s),
                ("to_team", &policy_s),
                (
                    "who_informs",
                    "De CISO informeert de adviseur crisisbeheersing; die informeert de burgemeester en de gemeentesecretaris.",
                ),
                ("line", "Piketnummer adviseur crisisbeheersing"),
                ("who_decides", "Burgemeester"),
                ("classification", "cyber_crisis"),
            ]),
            &["mayor", "municipal_secretary", "safety_region"],
        ),
        informing(
            raw(&[
                ("name", "Vermoeden van opzet of een strafbaar feit"),
                ("step", "3"),
                (
                    "applies_when",
                    "Er is (een vermoeden van) opzet of criminele activiteit, bijvoorbeeld ransomware of afpersing.",
                ),
                ("from_team", &calamity_s),
                ("to_team", &triangle_s),
                (
                    "who_informs",
                    "De adviseur crisisbeheersing informeert de burgemeester, die de driehoek bijeenroept; aangifte bij de politie.",
                ),
                ("line", "Burgemeester via de adviseur OOV"),
                (
                    "who_decides",
                    "Burgemeester, officier van justitie en politie",
                ),
                ("classification", "crime_suspected"),
            ]),
            &["mayor", "police", "prosecutor"],
        ),
        informing(
            raw(&[
                ("name", "Meer dan plaatselijke betekenis"),
                ("step", "4"),
                (
                    "applies_when",
                    "De crisis heeft meer dan plaatselijke betekenis, of dat dreigt: voorstel aan de voorzitter veiligheidsregio om GRIP 4 af te kondigen.",
                ),
                ("from_team", &policy_s),
                ("to_other", "Voorzitter veiligheidsregio (GRIP 4)"),
                (
                    "who_informs",
                    "De burgemeester informeert de voorzitter van de veiligheidsregio.",
                ),
                ("line", "Burgemeester naar voorzitter veiligheidsregio"),
                ("who_decides", "Voorzitter veiligheidsregio"),
                ("classification", "beyond_local"),
            ]),
            &["safety_region"],
        ),
        informing(
            raw(&[
                ("name", "Vitale infrastructuur geraakt"),
                ("step", "5"),
                (
                    "applies_when",
                    "Vitale infrastructuur is geraakt (drinkwater, elektriciteit, telecom, betalingsverkeer): het NCSC leidt de bestrijding van de digitale oorzaak, de gemeente bestrijdt de gevolgen.",
                ),
                ("from_team", &policy_s),
                (
                    "to_other",
                    "NCSC (digitale oorzaak); veiligheidsregio (gevolgen)",
                ),
                (
                    "who_informs",
                    "De adviseur crisisbeheersing legt contact met het NCSC en de veiligheidsregio.",
                ),
                ("line", "Veiligheidsregio via de ROL"),
                (
                    "who_decides",
                    "NCSC voor de oorzaak, burgemeester voor de gevolgen",
                ),
                ("classification", "vital_infrastructure"),
            ]),
            &["ncsc", "safety_region"],
        ),
    ];
    save_all(store, ws, actor, RecordKind::Escalation, escalations, known).await?;
    Ok([calamity, triangle, policy])
}
