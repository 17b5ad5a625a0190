//! The demo workspace "Gemeente Voorbeeld": a fictitious municipality in a real safety
//! region, with an account for every role. Features add their demo data here.

use crate::Store;
use crate::error::StoreError;
use crate::queries::NewCredential;
use crisismap_core::event::Actor;
use crisismap_core::workspace::WorkspaceCommand;
use crisismap_core::{DisplayName, Email, Role, UserId, WorkspaceId, WorkspaceName};

pub const DEMO_WORKSPACE: &str = "Gemeente Voorbeeld";
/// Utrecht: a real region for a fictitious municipality.
pub const DEMO_REGION: &str = "VR09";

/// (e-mail, name and function, role)
pub const DEMO_USERS: &[(&str, &str, Role)] = &[
    (
        "beheer@voorbeeld.nl",
        "Fatima el Idrissi (functioneel beheer)",
        Role::Admin,
    ),
    (
        "adviseur@voorbeeld.nl",
        "Jeroen Bakker (adviseur crisisbeheersing)",
        Role::Editor,
    ),
    ("ciso@voorbeeld.nl", "Sanne de Vries (CISO)", Role::Member),
    (
        "burgemeester@voorbeeld.nl",
        "Marleen Hoekstra (burgemeester)",
        Role::Member,
    ),
    (
        "wethouder@voorbeeld.nl",
        "Pieter Smit (wethouder ICT)",
        Role::Viewer,
    ),
];

/// Seeds the demo workspace unless the database already has one. Every demo account gets
/// the same password (its hash is passed in, hashing is not the store's job). Returns the
/// workspace, and whether it was created now.
pub async fn seed(store: &Store, password_hash: &str) -> Result<(WorkspaceId, bool), StoreError> {
    if let Some(ws) = store
        .workspaces()
        .await?
        .into_iter()
        .find(|w| w.name == DEMO_WORKSPACE)
    {
        return Ok((ws.id, false));
    }
    let actor = Actor::System("demo".into());
    let cred = || NewCredential {
        password_hash: password_hash.to_owned(),
        must_change: false,
    };
    let bad = |e| StoreError::Corrupt(format!("demo data: {e}"));
    let (admin_email, admin_name, _) = DEMO_USERS[0];
    let (ws, _) = store
        .create_workspace(
            &WorkspaceName::parse(DEMO_WORKSPACE).map_err(bad)?,
            Some(DEMO_REGION.to_owned()),
            &Email::parse(admin_email).map_err(bad)?,
            &DisplayName::parse(admin_name).map_err(bad)?,
            cred(),
            &actor,
        )
        .await?;
    for (email, name, role) in &DEMO_USERS[1..] {
        store
            .handle_workspace_command(
                ws,
                &actor,
                WorkspaceCommand::AddUser {
                    user_id: UserId::new(),
                    email: Email::parse(email).map_err(bad)?,
                    display_name: DisplayName::parse(name).map_err(bad)?,
                    role: *role,
                },
                Some(cred()),
            )
            .await?;
    }
    seed_register(store, ws, &actor).await?;
    crate::demo_crisis::seed_crises(store, ws).await?;
    Ok((ws, true))
}

/// The demo's two crises: a closed ransomware crisis and a running exercise.
pub async fn seed_crises(store: &Store, ws: WorkspaceId) -> Result<(), StoreError> {
    crate::demo_crisis::seed_crises(store, ws).await
}

/// A believable preparation register for Gemeente Voorbeeld.
pub async fn seed_register(
    store: &Store,
    ws: WorkspaceId,
    actor: &Actor,
) -> Result<(), StoreError> {
    use crate::seed::{Known, raw, rows, save_all};
    use crisismap_core::register::RecordKind as K;
    let mut known = Known::default();
    let today = store
        .clock()
        .now()
        .to_zoned(crisismap_core::time::amsterdam().clone())
        .date();
    let recent = today
        .checked_sub(jiff::ToSpan::months(2))
        .unwrap_or(today)
        .to_string();
    let long_ago = today
        .checked_sub(jiff::ToSpan::months(9))
        .unwrap_or(today)
        .to_string();

    let contact = |name: &str,
                   function: &str,
                   org: &str,
                   email: &str,
                   phones: &[(&str, &str)],
                   alt: &str,
                   checked: &str| {
        let mut r = raw(&[
            ("name", name),
            ("function", function),
            ("organisation", org),
            ("email", email),
            ("alternative_channel", alt),
            ("last_checked", checked),
        ]);
        r.groups.insert(
            "phones".into(),
            phones
                .iter()
                .map(|(l, n)| {
                    [
                        ("label".to_owned(), (*l).to_owned()),
                        ("number".to_owned(), (*n).to_owned()),
                    ]
                    .into_iter()
                    .collect()
                })
                .collect(),
        );
        r
    };
    let contacts = vec![
        contact(
            "Jeroen Bakker",
            "Adviseur crisisbeheersing",
            "Gemeente Voorbeeld",
            "adviseur@voorbeeld.nl",
            &[("mobile", "06-12345001"), ("work", "030 123 4501")],
            "Satelliettelefoon in de crisiskamer; verzamelplek stadhuis, ingang Markt",
            &recent,
        ),
        contact(
            "Sanne de Vries",
            "CISO",
            "Gemeente Voorbeeld",
            "ciso@voorbeeld.nl",
            &[("mobile", "06-12345002"), ("night", "06-12345099")],
            "Portofoon kanaal 3",
            &recent,
        ),
        contact(
            "Marleen Hoekstra",
            "Burgemeester",
            "Gemeente Voorbeeld",
            "burgemeester@voorbeeld.nl",
            &[("mobile", "06-12345003")],
            "Via de bode: stadhuis, kamer 1.01",
            &recent,
        ),
        contact(
            "Pieter Smit",
            "Wethouder ICT",
            "Gemeente Voorbeeld",
            "wethouder@voorbeeld.nl",
            &[("mobile", "06-12345004")],
            "",
            &recent,
        ),
        contact(
            "Anouk Jansen",
            "Gemeentesecretaris",
            "Gemeente Voorbeeld",
            "secretaris@voorbeeld.nl",
            &[("mobile", "06-12345005"), ("work", "030 123 4505")],
            "",
            &recent,
        ),
        contact(
            "Ruud Mulder",
            "Communicatieadviseur",
            "Gemeente Voorbeeld",
            "communicatie@voorbeeld.nl",
            &[("mobile", "06-12345006")],
            "",
            &long_ago,
        ),
        contact(
            "Ilse van Dam",
            "Informatiebeveiliger (plv. CISO)",
            "Gemeente Voorbeeld",
            "ilse.vandam@voorbeeld.nl",
            &[("mobile", "06-12345007")],
            "",
            &recent,
        ),
        contact(
            "Koen Visser",
            "Adviseur crisisbeheersing (piket)",
            "Gemeente Voorbeeld",
            "koen.visser@voorbeeld.nl",
            &[("mobile", "06-12345008")],
            "",
            &recent,
        ),
        contact(
            "Meldkamer veiligheidsregio",
            "Dag en nacht",
            "Veiligheidsregio Utrecht",
            "",
            &[("work", "088 878 1000")],
            "Via C2000 (politie, brandweer)",
            &recent,
        ),
        contact(
            "Hanneke de Boer",
            "Officier van dienst bevolkingszorg",
            "Veiligheidsregio Utrecht",
            "h.deboer@vru.example",
            &[("mobile", "06-23456001")],
            "",
            &recent,
        ),
        contact(
            "Bas Kramer",
            "Teamchef",
            "Politie Midden-Nederland",
            "bas.kramer@politie.example",
            &[("mobile", "06-23456002")],
            "",
            &long_ago,
        ),
        contact(
            "mr. Eva Peters",
            "Officier van justitie",
            "Openbaar Ministerie Midden-Nederland",
            "e.peters@om.example",
            &[("work", "088 699 1000")],
            "",
            &recent,
        ),
        contact(
            "IBD meldpunt",
            "CERT gemeenten",
            "Informatiebeveiligingsdienst (IBD)",
            "meldpunt@ibd.example",
            &[("work", "070 373 8011")],
            "",
            &recent,
        ),
        contact(
            "Lotte Hendriks",
            "Servicemanager",
            "BrugSturing B.V.",
            "lotte@brugsturing.example",
            &[("mobile", "06-34567001"), ("night", "+31 6 34567099")],
            "Storingsnummer leverancier, ook bij uitval van e-mail",
            &long_ago,
        ),
        contact(
            "Tom Willems",
            "Locatiemanager",
            "Zorgcentrum De Linde",
            "tom@delinde.example",
            &[("mobile", "06-34567002")],
            "Noodstroom en portofoons aanwezig",
            &recent,
        ),
    ];
    let c = save_all(store, ws, actor, K::Contact, contacts, &mut known).await?;
    let id = |i: usize| c[i].to_string();

    let teams = crate::seed::seed_defaults_with(store, ws, actor, &mut known).await?;

    let org = |name: &str,
               ty: &str,
               reach: &str,
               contacts: &[(String, &str)],
               expectations: &[&[(&str, &str)]]| {
        let mut r = raw(&[("name", name), ("org_type", ty), ("reachability", reach)]);
        r.groups.insert(
            "contacts".into(),
            contacts
                .iter()
                .map(|(c, role)| {
                    [
                        ("contact".to_owned(), c.clone()),
                        ("role".to_owned(), (*role).to_owned()),
                    ]
                    .into_iter()
                    .collect()
                })
                .collect(),
        );
        r.groups.insert("expectations".into(), rows(expectations));
        r
    };
    let review = today
        .checked_add(jiff::ToSpan::months(4))
        .unwrap_or(today)
        .to_string();
    let overdue = today
        .checked_sub(jiff::ToSpan::weeks(3))
        .unwrap_or(today)
        .to_string();
    let orgs = vec![
        org(
            "Veiligheidsregio Utrecht",
            "safety_region",
            "Meldkamer 088 878 1000, dag en nacht",
            &[
                (id(8), "meldkamer"),
                (id(9), "officier van dienst bevolkingszorg"),
            ],
            &[&[
                (
                    "we_expect",
                    "Op verzoek een operationeel leider, een informatiemanager en communicatieadviseurs uit de regionale piketgroep.",
                ),
                (
                    "they_expect",
                    "Dat de gemeente tijdig meldt wanneer een digitale verstoring gevolgen buiten de organisatie heeft.",
                ),
                ("agreed_on", &recent),
                ("agreed_by", "Burgemeester en directeur veiligheidsregio"),
                ("review_on", &review),
            ]],
        ),
        org(
            "Politie Midden-Nederland",
            "police",
            "112 bij spoed; teamchef via meldkamer",
            &[(id(10), "teamchef")],
            &[&[
                (
                    "we_expect",
                    "Een aanspreekpunt voor aangifte en opsporing bij ransomware en afpersing.",
                ),
                (
                    "they_expect",
                    "Dat systemen en logbestanden bewaard blijven voor het onderzoek.",
                ),
                ("agreed_on", &long_ago),
                ("agreed_by", "Adviseur OOV en teamchef"),
                ("review_on", &overdue),
            ]],
        ),
        org(
            "Openbaar Ministerie Midden-Nederland",
            "prosecutor",
            "Via de politie of de officier van dienst",
            &[(id(11), "officier van justitie")],
            &[&[
                (
                    "we_expect",
                    "Snelle deelname aan de lokale driehoek bij een vermoeden van een strafbaar feit.",
                ),
                ("agreed_on", &recent),
                ("agreed_by", "Burgemeester"),
                ("review_on", &review),
            ]],
        ),
        org(
            "Informatiebeveiligingsdienst (IBD)",
            "ibd",
            "Meldpunt 070 373 8011, ook buiten kantoortijden",
            &[(id(12), "meldpunt")],
            &[&[
                (
                    "we_expect",
                    "Sparringpartner en second opinion bij adviezen van derden; het netwerk inzetten.",
                ),
                ("they_expect", "Een melding van elk beveiligingsincident."),
                ("agreed_on", &recent),
                ("agreed_by", "CISO"),
                ("review_on", &review),
            ]],
        ),
        org(
            "Nationaal Cyber Security Centrum (NCSC)",
            "ncsc",
            "Via de IBD of de veiligheidsregio",
            &[],
            &[],
        ),
        org(
            "BrugSturing B.V.",
            "supplier",
            "Storingsdienst 24/7: +31 6 34567099",
            &[(id(13), "servicemanager")],
            &[&[
                (
                    "we_expect",
                    "Binnen een uur een technicus aan de lijn bij een storing in de afstandsbediening van bruggen en sluizen.",
                ),
                (
                    "they_expect",
                    "Dat de gemeente handbediening ter plaatse kan regelen.",
                ),
                ("agreed_on", &long_ago),
                ("agreed_by", "Afdeling Beheer Openbare Ruimte"),
                ("review_on", &overdue),
            ]],
        ),
        org(
            "Zorgcentrum De Linde",
            "other",
            "Receptie dag en nacht bemenst",
            &[(id(14), "locatiemanager")],
            &[],
        ),
        org(
            "Gemeente Buurdorp",
            "neighbour_municipality",
            "Piket adviseur crisisbeheersing via de veiligheidsregio",
            &[],
            &[],
        ),
    ];
    let o = save_all(store, ws, actor, K::Organisation, orgs, &mut known).await?;

    // Members for the three standard teams.
    /// (contact, team role, deputy)
    type Members<'a> = &'a [(usize, &'a str, Option<usize>)];
    let team_members: [(usize, Members, usize, usize); 3] = [
        (
            0,
            &[
                (1, "ciso", Some(6)),
                (4, "chair", None),
                (3, "member", None),
                (6, "technical_expert", None),
            ],
            1,
            3,
        ),
        (1, &[(2, "chair", None), (0, "advisor", Some(7))], 0, 2),
        (
            2,
            &[
                (2, "chair", None),
                (0, "advisor", Some(7)),
                (4, "member", None),
                (5, "communication", None),
                (1, "ciso", Some(6)),
                (7, "secretary", None),
            ],
            0,
            2,
        ),
    ];
    let mut changes = vec![];
    for (t, members, civil, admin) in team_members {
        let record = store.record(ws, teams[t]).await?;
        let mut r = crisismap_core::register::RawRecord::from_data(K::Team.schema(), &record.data);
        r.fields.insert("civil_contact".into(), id(civil));
        r.fields.insert("administrative_contact".into(), id(admin));
        r.groups.insert(
            "members".into(),
            members
                .iter()
                .map(|(m, role, deputy)| {
                    let mut row = std::collections::BTreeMap::new();
                    row.insert("contact".to_owned(), id(*m));
                    row.insert("team_role".to_owned(), (*role).to_owned());
                    if let Some(d) = deputy {
                        row.insert("deputy".to_owned(), id(*d));
                    }
                    row
                })
                .collect(),
        );
        let validated = K::Team
            .schema()
            .validate(&r, &known)
            .map_err(|i| StoreError::Corrupt(format!("demo team: {i:?}")))?;
        changes.push(crate::register::RecordChange {
            kind: K::Team,
            id: Some(teams[t]),
            expected_rev: Some(record.rev),
            record: validated,
        });
    }
    store.save_records(ws, actor, changes).await?;

    // On call: weekly shifts from Monday 08:00, eight weeks from last Monday; the CISO roster
    // has a stand-in this weekend.
    let monday = today
        .checked_sub(jiff::ToSpan::days(i64::from(
            today.weekday().to_monday_zero_offset(),
        )))
        .unwrap_or(today);
    let at = |d: jiff::civil::Date| format!("{d}T08:00");
    let week = |n: i64| monday.checked_add(jiff::ToSpan::weeks(n)).unwrap_or(monday);
    let roster = |name: &str, duty: &str, people: [usize; 2], weeks: i64| {
        let mut r = raw(&[("name", name), ("duty", duty)]);
        r.groups.insert(
            "shifts".into(),
            (0..weeks)
                .map(|n| {
                    [
                        ("person".to_owned(), id(people[(n % 2) as usize])),
                        ("start".to_owned(), at(week(n))),
                        ("end".to_owned(), at(week(n + 1))),
                    ]
                    .into_iter()
                    .collect()
                })
                .collect(),
        );
        r
    };
    let mut ciso = roster("CISO-piket", "ciso", [1, 6], 8);
    let saturday = monday.checked_add(jiff::ToSpan::days(5)).unwrap_or(monday);
    ciso.groups.insert(
        "exceptions".into(),
        rows(&[&[
            ("person", &id(6)),
            ("start", &format!("{saturday}T09:00")),
            ("end", &format!("{saturday}T21:00")),
            ("reason", "Bruiloft familie"),
        ]]),
    );
    let advisor = roster(
        "Piket adviseur crisisbeheersing",
        "crisis_advisor",
        [0, 7],
        8,
    );
    // Communication: only this week and the next, so the dashboard shows a gap coming.
    let communication = roster("Piket communicatie", "communication", [5, 5], 1);
    save_all(
        store,
        ws,
        actor,
        K::Roster,
        vec![ciso, advisor, communication],
        &mut known,
    )
    .await?;

    let process = |name: &str,
                   owner: &str,
                   crit: &str,
                   mtd: &str,
                   prio: &str,
                   systems: &str,
                   fallback: &str,
                   suppliers: &[(String, &str)]| {
        let mut r = raw(&[
            ("name", name),
            ("owner", owner),
            ("criticality", crit),
            ("max_downtime_hours", mtd),
            ("restore_priority", prio),
            ("systems", systems),
            (
                "manual_fallback",
                if fallback.is_empty() { "false" } else { "true" },
            ),
            ("fallback_how", fallback),
        ]);
        r.groups.insert(
            "suppliers".into(),
            suppliers
                .iter()
                .map(|(o, what)| {
                    [
                        ("organisation".to_owned(), o.clone()),
                        ("what".to_owned(), (*what).to_owned()),
                    ]
                    .into_iter()
                    .collect()
                })
                .collect(),
        );
        r
    };
    let bridge = o[5].to_string();

    // Risk organisations and objects, with what they depend on: a graph that shows a real
    // cascade (the lock follows its supplier's cloud; the hospital rides out a day on
    // emergency power when the grid fails).
    let risk = |name: &str,
                kind: &str,
                address: &str,
                coordinates: &str,
                public_order: &str,
                fighter: &str,
                vitals: &[&str],
                deps: &[(&str, &str, &str)]| {
        let mut r = raw(&[
            ("name", name),
            ("object_type", kind),
            ("address", address),
            ("coordinates", coordinates),
            ("public_order", public_order),
            ("cause_fighter", fighter),
            ("reachability", "Meldkamer of storingsdienst, dag en nacht"),
            ("last_contact", &recent),
        ]);
        r.groups.insert(
            "vital_processes".into(),
            vitals
                .iter()
                .map(|v| {
                    [("process".to_owned(), (*v).to_owned())]
                        .into_iter()
                        .collect()
                })
                .collect(),
        );
        r.groups.insert("depends_on".into(), dependency_rows(deps));
        r
    };
    let base = save_all(
        store,
        ws,
        actor,
        K::RiskObject,
        vec![
            risk(
                "Netbeheerder Midden",
                "energy",
                "Energieweg 1",
                "52.0810, 5.0900",
                "Stroomuitval in de wijk: verkeerslichten, liften, verwarming en zorg aan huis vallen weg.",
                "ncsc",
                &["electricity_regional"],
                &[],
            ),
            risk(
                "Datacenter Utrecht-West",
                "data_centre",
                "Serverstraat 12",
                "52.0955, 5.0612",
                "Gemeentelijke systemen en zorgsystemen in dit datacenter zijn onbereikbaar.",
                "organisation",
                &["internet_data"],
                &[("vital:electricity_regional", "2880", "dieselaggregaat voor 48 uur")],
            ),
            risk(
                "Waterbedrijf Vallei",
                "drinking_water",
                "Pompstationweg 3",
                "52.0700, 5.1400",
                "Geen of onveilig drinkwater: noodwater via distributiepunten, kwetsbare inwoners eerst.",
                "ncsc",
                &["drinking_water"],
                &[
                    ("vital:electricity_regional", "720", "noodstroom 12 uur"),
                    ("vital:internet_data", "240", "besturing op afstand; daarna handbediening"),
                ],
            ),
        ],
        &mut known,
    )
    .await?;
    let (dc, _grid) = (base[1].to_string(), base[0].to_string());
    save_all(
        store,
        ws,
        actor,
        K::RiskObject,
        vec![
            risk(
                "Sluis Zuid",
                "lock",
                "Kanaaldijk 40",
                "52.0612, 5.1203",
                "Scheepvaart staat stil en het verkeer over de sluisbrug loopt vast; omleiding voor hulpdiensten nodig.",
                "organisation",
                &[],
                &[
                    (&bridge, "30", "besturing via de cloud van BrugSturing; daarna handbediening"),
                    ("vital:electricity_regional", "60", "accu voor 1 uur"),
                ],
            ),
            risk(
                "Zuidbrug",
                "bridge",
                "Brugweg 2",
                "52.0650, 5.1180",
                "De brug blijft open of dicht: langere aanrijtijden voor ambulance en brandweer.",
                "organisation",
                &[],
                &[
                    (&bridge, "30", "afstandsbediening en camerabeelden"),
                    ("vital:electricity_regional", "0", ""),
                ],
            ),
            risk(
                "Ziekenhuis Rijnoord",
                "hospital",
                "Zorgplein 1",
                "52.0880, 5.1100",
                "Opnamestop: patiënten naar ziekenhuizen in de regio, onrust bij bezoekers en familie.",
                "organisation",
                &[],
                &[
                    ("vital:electricity_regional", "1440", "noodstroom voor 24 uur"),
                    ("vital:drinking_water", "240", "watervoorraad voor 4 uur"),
                    (&dc, "60", "elektronisch patiëntendossier"),
                ],
            ),
            risk(
                "Verpleeghuis Het Anker",
                "care_home",
                "Ankerlaan 8",
                "52.0750, 5.1050",
                "Kwetsbare bewoners zonder zorgalarmering en verwarming; evacuatie overwegen.",
                "organisation",
                &[],
                &[
                    ("vital:electricity_regional", "480", "noodstroom voor 8 uur"),
                    ("vital:drinking_water", "120", ""),
                    ("vital:voice_sms", "0", "zorgalarmering via het mobiele netwerk"),
                ],
            ),
            risk(
                "Chemiepark De Hoek",
                "seveso",
                "Industrieweg 60",
                "52.0500, 5.0800",
                "Procesbeveiliging valt terug op handbediening; kans op vrijkomen van gevaarlijke stoffen: NL-Alert en ontruiming van de omgeving.",
                "organisation",
                &["chemicals"],
                &[
                    ("vital:electricity_regional", "30", ""),
                    (&dc, "120", "procesbesturing in het datacenter"),
                ],
            ),
        ],
        &mut known,
    )
    .await?;

    let mut processes = vec![
        process(
            "Bediening bruggen en sluizen",
            "Beheer Openbare Ruimte",
            "vital",
            "2",
            "1",
            "Afstandsbediening via de cloud van BrugSturing; camera's",
            "Brugwachters bedienen ter plaatse volgens het draaiboek handbediening",
            &[(bridge.clone(), "afstandsbediening en camerabeelden")],
        ),
        process(
            "Crisiscommunicatie en website",
            "Communicatie",
            "vital",
            "4",
            "2",
            "Website, sociale media, telefooncentrale",
            "Persberichten via de veiligheidsregio; lokale omroep",
            &[],
        ),
        process(
            "Uitkeringen en bijzondere bijstand",
            "Sociaal Domein",
            "high",
            "72",
            "3",
            "Zaaksysteem, betaalsysteem",
            "Noodbetalingen per kas volgens het continuïteitsplan",
            &[],
        ),
        process(
            "Burgerzaken (paspoorten, aangiften)",
            "Publiekszaken",
            "high",
            "48",
            "4",
            "Basisregistratie personen, reisdocumentenstation",
            "",
            &[],
        ),
        process(
            "Klantcontactcentrum (telefoon 14 030)",
            "Publiekszaken",
            "high",
            "8",
            "5",
            "Telefonie, kennisbank",
            "Noodnummer en vaste teksten op papier",
            &[],
        ),
        process(
            "Afvalinzameling",
            "Beheer Openbare Ruimte",
            "medium",
            "96",
            "6",
            "Routeplanning",
            "Vaste routes op papier",
            &[],
        ),
        process(
            "Vergunningen",
            "Ruimte",
            "low",
            "240",
            "7",
            "Zaaksysteem",
            "",
            &[],
        ),
    ];
    // What the municipality's own processes depend on.
    for (i, deps) in [
        (0, vec![(bridge.as_str(), "0", "afstandsbediening")]),
        (
            1,
            vec![("vital:internet_access", "120", "website en sociale media")],
        ),
        (2, vec![(dc.as_str(), "0", "zaaksysteem en betaalsysteem")]),
        (4, vec![("vital:voice_sms", "0", "telefonie")]),
    ] {
        processes[i]
            .groups
            .insert("depends_on".into(), dependency_rows(&deps));
    }
    save_all(store, ws, actor, K::Process, processes, &mut known).await?;

    let first = today.checked_add(jiff::ToSpan::weeks(2)).unwrap_or(today);
    let mut meeting = raw(&[
        ("name", "Kwartaaloverleg digitale veiligheid"),
        ("frequency", "quarterly"),
        ("first_start", &format!("{first}T10:00")),
        ("duration_minutes", "90"),
        ("location", "Stadhuis, kamer 2.14"),
        (
            "agenda",
            "1. Dreigingsbeeld IBD\n2. Stand van de gereedheid\n3. Oefenplan\n4. Rondvraag",
        ),
    ]);
    meeting.groups.insert(
        "participants".into(),
        rows(&[
            &[("contact", &id(0))],
            &[("contact", &id(1))],
            &[("contact", &id(3))],
            &[("contact", &id(4))],
        ]),
    );
    meeting.groups.insert(
        "minutes".into(),
        rows(&[&[
            ("date", &recent),
            (
                "notes",
                "Piket CISO besproken; afgesproken dat de plaatsvervanger ook in het rooster komt.",
            ),
        ]]),
    );
    meeting.groups.insert(
        "actions".into(),
        rows(&[
            &[
                ("what", "Draaiboek handbediening bruggen oefenen"),
                ("who", &id(0)),
                ("deadline", &overdue),
                ("done", "false"),
            ],
            &[
                ("what", "Plaatsvervangend CISO in het piketrooster"),
                ("who", &id(1)),
                ("deadline", &recent),
                ("done", "true"),
            ],
        ]),
    );
    save_all(store, ws, actor, K::Meeting, vec![meeting], &mut known).await?;

    let plans = vec![
        raw(&[
            ("name", "Integraal Veiligheidsplan 2025-2028"),
            ("plan_type", "integral_safety_plan"),
            ("owner", "Adviseur OOV"),
            ("version", "1.2"),
            ("paper_copy", "Crisismap adviseur OOV, kast B2"),
            ("review_on", &review),
        ]),
        raw(&[
            ("name", "Crisisplan Gemeente Voorbeeld"),
            ("plan_type", "crisis_plan"),
            ("owner", "Adviseur crisisbeheersing"),
            ("version", "3.0"),
            ("paper_copy", "Crisiskamer, map 1"),
            ("review_on", &overdue),
        ]),
        raw(&[
            ("name", "Continuïteitsplan ICT"),
            ("plan_type", "continuity_plan"),
            ("owner", "CISO"),
            ("version", "2.1"),
            ("paper_copy", "Kluis ICT"),
        ]),
        raw(&[
            ("name", "Incidentresponsplan"),
            ("plan_type", "incident_response_plan"),
            ("owner", "CISO"),
            ("version", "1.4"),
            ("paper_copy", "Kluis ICT"),
        ]),
    ];
    save_all(store, ws, actor, K::Plan, plans, &mut known).await?;

    let readiness = vec![
        raw(&[
            ("item", "advise_mayor"),
            ("status", "in_order"),
            ("owner", &id(0)),
            (
                "evidence",
                "Briefing noodbevoegdheden cyber besproken met de burgemeester",
            ),
            ("last_reviewed", &recent),
        ]),
        raw(&[
            ("item", "dilemmas"),
            ("status", "in_progress"),
            ("owner", &id(0)),
            (
                "evidence",
                "Losgeld en vroegtijdig uitzetten besproken in het GBT; communicatie volgt",
            ),
        ]),
        raw(&[
            ("item", "exercises"),
            ("status", "in_progress"),
            ("owner", &id(0)),
            (
                "evidence",
                "Cyberoefendriehoek gepland; het OTO-plan moet nog worden bijgewerkt",
            ),
        ]),
    ];
    save_all(store, ws, actor, K::Readiness, readiness, &mut known).await?;
    Ok(())
}

/// Dependency rows from (target, minutes, note): a record id, or `vital:<code>`.
fn dependency_rows(deps: &[(&str, &str, &str)]) -> Vec<std::collections::BTreeMap<String, String>> {
    deps.iter()
        .map(|(on, minutes, note)| {
            let mut row = std::collections::BTreeMap::new();
            match on.strip_prefix("vital:") {
                Some(code) => row.insert("on_vital".to_owned(), code.to_owned()),
                None => row.insert("on".to_owned(), (*on).to_owned()),
            };
            row.insert("hold_out_minutes".to_owned(), (*minutes).to_owned());
            row.insert("note".to_owned(), (*note).to_owned());
            row
        })
        .collect()
}
