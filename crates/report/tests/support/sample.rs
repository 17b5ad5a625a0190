//! Sample documents for the renderer's own tests (never compiled into the library):
//! "Gemeente Voorbeeld" in a small ransomware scenario, built as typed data so that each test
//! can bend one part of it (hostile names, missing glyphs, empty sections, English). The
//! printable samples and the PDF bench draw from the demo municipality instead, through the
//! application (`crates/app/examples/render.rs`, `crates/app/benches/pdf.rs`).

// Each includer (the unit tests, the integration tests) uses a part of it.
#![allow(dead_code)]

// The including module brings the report's data types into scope.
use super::*;
use crisismap_core::Lang;
use jiff::Timestamp;

/// 28-11-2026 13:03 in Amsterdam.
fn sample_printed_at() -> Timestamp {
    Timestamp::from_second(1_795_867_380).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn tr(lang: Lang, nl: &str, en: &str) -> String {
    match lang {
        Lang::Nl => nl.to_owned(),
        Lang::En => en.to_owned(),
    }
}

fn s(text: &str) -> String {
    text.to_owned()
}

/// A deterministic 64-hex-digit stand-in for a SHA-256 (the demo has no real stream).
fn fake_hash(seed: u64) -> String {
    let mut x = seed
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(0x2545_F491_4F6C_DD1D);
    let mut out = String::with_capacity(64);
    for _ in 0..4 {
        x ^= x >> 33;
        x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        x ^= x >> 29;
        out.push_str(&format!("{x:016x}"));
    }
    out
}

/// The head hash of the demo crisis stream, as printed on the sample documents.
const SAMPLE_CRISIS_HEAD: &str = "9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8";
/// The head hash of the demo preparation stream.
const SAMPLE_PREPARATION_HEAD: &str =
    "4b1e0c9d8a7f6e5d4c3b2a19081726354f6e5d4c3b2a190817263544a3b2c1d0";

/// The crisis folder of Gemeente Voorbeeld.
pub fn folder(lang: Lang) -> FolderData {
    let l = |nl: &str, en: &str| tr(lang, nl, en);
    FolderData {
        lang,
        workspace: s("Gemeente Voorbeeld"),
        region: Some(s("Veiligheidsregio Utrecht (VR09)")),
        printed_at: sample_printed_at(),
        printed_by: Some(s("Jeroen Bakker (adviseur crisisbeheersing)")),
        streams: vec![
            StreamHead {
                label: l("Werkruimte", "Workspace"),
                length: 14,
                head_hash: fake_hash(1),
            },
            StreamHead {
                label: l("Voorbereiding", "Preparation"),
                length: 231,
                head_hash: s(SAMPLE_PREPARATION_HEAD),
            },
            StreamHead {
                label: s("Crisis: Ransomware gemeentehuis"),
                length: 87,
                head_hash: s(SAMPLE_CRISIS_HEAD),
            },
        ],
        readiness: Readiness {
            cold: vec![
                ReadinessItem {
                    item: s("Digitale ontwrichting is opgenomen in het Integraal Veiligheidsplan"),
                    status: l("Gereed", "Done"),
                    owner: s("Jeroen Bakker"),
                    evidence: s("IVP 2025-2028, §4.3"),
                },
                ReadinessItem {
                    item: s("Periodiek overleg CISO en adviseur crisisbeheersing"),
                    status: l("Gereed", "Done"),
                    owner: s("Sanne de Vries"),
                    evidence: s("Verslag 12-11-2026"),
                },
                ReadinessItem {
                    item: s("Risico-organisaties en hun afhankelijkheden in kaart"),
                    status: l("Deels", "Partly"),
                    owner: s("Jeroen Bakker"),
                    evidence: s("Register risico-organisaties v0.9"),
                },
                ReadinessItem {
                    item: s("Cyberoefendriehoek geoefend met de lokale driehoek"),
                    status: l("Open", "Open"),
                    owner: s("Marleen Hoekstra"),
                    evidence: String::new(),
                },
            ],
            hot: vec![
                ReadinessItem {
                    item: s("Liaisons van vitale partners kunnen aanschuiven bij het GBT"),
                    status: l("Gereed", "Done"),
                    owner: s("Jeroen Bakker"),
                    evidence: s("Convenant Waterschap, Vitens, Stedin"),
                },
                ReadinessItem {
                    item: s("Besluitvorming over losgeld is vooraf doordacht (dilemma)"),
                    status: l("Deels", "Partly"),
                    owner: s("Marleen Hoekstra"),
                    evidence: s("Notitie dilemma's, concept"),
                },
                ReadinessItem {
                    item: s("Crisiscommunicatie zonder website en e-mail"),
                    status: l("Gereed", "Done"),
                    owner: s("Noor Visser"),
                    evidence: s("Draaiboek communicatie, bijlage C"),
                },
            ],
            aftermath: vec![ReadinessItem {
                item: s("Evaluatie en verantwoording aan de raad zijn belegd"),
                status: l("Gereed", "Done"),
                owner: s("Gemeentesecretaris"),
                evidence: s("Procedure nafase v1.2"),
            }],
        },
        teams: vec![
            Team {
                name: s("Gemeentelijk calamiteitenteam"),
                purpose: s(
                    "Beperkt de gevolgen binnen de organisatie en herstelt de bedrijfscontinuïteit.",
                ),
                civil_contact: s("Sanne de Vries (CISO) / gemeentesecretaris"),
                administrative_contact: s("Pieter Smit (wethouder ICT)"),
                members: vec![
                    TeamMember {
                        name: s("Sanne de Vries"),
                        team_role: l("Voorzitter (CISO)", "Chair (CISO)"),
                        deputy: s("Lars Bakker"),
                        phones: vec![s("06 21 43 65 87"), s("030 286 11 00")],
                    },
                    TeamMember {
                        name: s("Fatima el Idrissi"),
                        team_role: l("Functioneel beheer", "Application management"),
                        deputy: s("Umut Yılmaz"),
                        phones: vec![s("06 48 27 19 03")],
                    },
                    TeamMember {
                        name: s("Jeroen Bakker"),
                        team_role: l("Adviseur crisisbeheersing", "Crisis advisor"),
                        deputy: s("Eva Dekker"),
                        phones: vec![s("06 12 34 56 78")],
                    },
                ],
            },
            Team {
                name: s("Gemeentelijk Beleidsteam (GBT)"),
                purpose: s(
                    "Strategische besluiten, (nood)bevoegdheden, maatschappelijke impact, communicatiestrategie en scenariodenken.",
                ),
                civil_contact: s("Gemeentesecretaris"),
                administrative_contact: s("Marleen Hoekstra (burgemeester)"),
                members: vec![
                    TeamMember {
                        name: s("Marleen Hoekstra"),
                        team_role: l("Voorzitter (burgemeester)", "Chair (mayor)"),
                        deputy: s("Pieter Smit"),
                        phones: vec![s("06 55 01 22 90")],
                    },
                    TeamMember {
                        name: s("Jeroen Bakker"),
                        team_role: l("Adviseur crisisbeheersing", "Crisis advisor"),
                        deputy: s("Eva Dekker"),
                        phones: vec![s("06 12 34 56 78")],
                    },
                    TeamMember {
                        name: s("Noor Visser"),
                        team_role: l("Communicatieadviseur", "Communication advisor"),
                        deputy: s("Sem Jansen"),
                        phones: vec![s("06 30 44 18 72")],
                    },
                ],
            },
            Team {
                name: s("Lokale driehoek"),
                purpose: s(
                    "Burgemeester, officier van justitie en politiechef: opsporing en noodbevoegdheden bij vermoeden van een misdrijf.",
                ),
                civil_contact: s("Jeroen Bakker (adviseur OOV)"),
                administrative_contact: s("Marleen Hoekstra (burgemeester)"),
                members: vec![],
            },
        ],
        contacts: vec![
            Contact {
                name: s("Jeroen Bakker"),
                function: s("Adviseur crisisbeheersing"),
                organisation: s("Gemeente Voorbeeld"),
                phones: vec![s("06 12 34 56 78"), s("030 286 12 34")],
                email: s("adviseur@voorbeeld.nl"),
                alternative: s("Portofoon C2000, gespreksgroep GEM-VB-1"),
            },
            Contact {
                name: s("Sanne de Vries"),
                function: s("CISO"),
                organisation: s("Gemeente Voorbeeld"),
                phones: vec![s("06 21 43 65 87")],
                email: s("ciso@voorbeeld.nl"),
                alternative: s("Signal op privételefoon; Dorpsstraat 4, Voorbeeld"),
            },
            Contact {
                name: s("Marleen Hoekstra"),
                function: s("Burgemeester"),
                organisation: s("Gemeente Voorbeeld"),
                phones: vec![s("06 55 01 22 90")],
                email: s("burgemeester@voorbeeld.nl"),
                alternative: s("Bode via kabinet, gemeentehuis kamer 1.04"),
            },
            Contact {
                name: s("Hanna Mulder"),
                function: s("Locatiemanager"),
                organisation: s("Zorgcentrum De Linde"),
                phones: vec![s("030 271 88 00"), s("06 19 27 38 46")],
                email: s("h.mulder@delinde.example"),
                alternative: s("Langsgaan: Lindelaan 12 (receptie 24/7 bemand)"),
            },
            Contact {
                name: s("Ruben Koster"),
                function: s("Storingsdienst afstandsbediening"),
                organisation: s("RemoteWater B.V."),
                phones: vec![s("088 400 12 00")],
                email: s("storing@remotewater.example"),
                alternative: s("Monteur ter plaatse binnen 2 uur (contract SLA-B)"),
            },
            Contact {
                name: s("Wouter Brouwer"),
                function: s("Sluiswachter, dienstdoend"),
                organisation: s("Sluis- en brugbeheer Regio"),
                phones: vec![s("030 291 45 45")],
                email: s("bediening@sluisbrug.example"),
                alternative: s("Marifoon kanaal 18 (Vaartsluis)"),
            },
            Contact {
                name: s("Piketofficier IBD"),
                function: s("CERT van de gemeenten"),
                organisation: s("IBD (VNG)"),
                phones: vec![s("070 373 80 11")],
                email: s("info@ibdgemeenten.example"),
                alternative: s("Via Veiligheidsregio Utrecht, meldkamer"),
            },
        ],
        rosters: vec![
            Roster {
                duty: l("Piket adviseur crisisbeheersing", "On-call crisis advisor"),
                shifts: (0..4)
                    .map(|w| Shift {
                        person: [s("Jeroen Bakker"), s("Eva Dekker")][w % 2].clone(),
                        from: format!("{:02}-12-2026 08:00", 1 + 7 * w),
                        to: format!("{:02}-12-2026 08:00", 8 + 7 * w),
                        phone: [s("06 12 34 56 78"), s("06 87 65 43 21")][w % 2].clone(),
                    })
                    .collect(),
            },
            Roster {
                duty: l(
                    "Piket CISO / informatiebeveiliging",
                    "On-call CISO / information security",
                ),
                shifts: (0..4)
                    .map(|w| Shift {
                        person: [s("Sanne de Vries"), s("Lars Bakker")][w % 2].clone(),
                        from: format!("{:02}-12-2026 08:00", 1 + 7 * w),
                        to: format!("{:02}-12-2026 08:00", 8 + 7 * w),
                        phone: [s("06 21 43 65 87"), s("06 73 12 90 44")][w % 2].clone(),
                    })
                    .collect(),
            },
        ],
        on_call: vec![OnCallCover {
            duty: l("Piket adviseur crisisbeheersing", "On-call crisis advisor"),
            now: Some(Shift {
                person: s("Jeroen Bakker"),
                from: s("01-12-2026 08:00"),
                to: s("08-12-2026 08:00"),
                phone: s("06 12 34 56 78"),
            }),
            this_week: vec![Shift {
                person: s("Eva Dekker"),
                from: s("08-12-2026 08:00"),
                to: s("15-12-2026 08:00"),
                phone: s("06 87 65 43 21"),
            }],
        }],
        first_numbers: vec![FirstNumber {
            organisation: l(
                "Veiligheidsregio Utrecht (veiligheidsregio)",
                "Safety region Utrecht (safety region)",
            ),
            reach: s("Meldkamer 088 878 1000, dag en nacht"),
        }],
        escalations: vec![
            Escalation {
                applies_when: s(
                    "Uitval van een kritiek proces langer dan de maximale uitvaltijd, zonder fysieke gevolgen",
                ),
                from_team: s("CISO"),
                to_team: s("Calamiteitenteam"),
                informs: s("CISO informeert gemeentesecretaris en adviseur crisisbeheersing"),
                line: s("Telefoon; bij uitval C2000"),
                decides: s("Gemeentesecretaris"),
            },
            Escalation {
                applies_when: s(
                    "Gevolgen buiten de organisatie: openbare orde, vitale partners of risico-organisaties geraakt",
                ),
                from_team: s("Calamiteitenteam"),
                to_team: s("GBT"),
                informs: s("Adviseur crisisbeheersing informeert burgemeester"),
                line: s("Telefoon, anders bode"),
                decides: s("Burgemeester"),
            },
            Escalation {
                applies_when: s("Vermoeden van een misdrijf (afpersing, sabotage)"),
                from_team: s("GBT"),
                to_team: s("Lokale driehoek"),
                informs: s("Burgemeester informeert officier van justitie en politiechef"),
                line: s("Beveiligde lijn politie"),
                decides: s("Lokale driehoek"),
            },
            Escalation {
                applies_when: s("Bovenlokale gevolgen of meerdere gemeenten geraakt"),
                from_team: s("GBT"),
                to_team: s("RBT (GRIP 4)"),
                informs: s("Burgemeester informeert voorzitter veiligheidsregio"),
                line: s("Meldkamer veiligheidsregio"),
                decides: s("Voorzitter veiligheidsregio"),
            },
        ],
        partners: vec![
            Partner {
                organisation: s("Veiligheidsregio Utrecht"),
                we_expect: s("Procesondersteuning: ROL, informatiemanagement, crisiscommunicatie"),
                they_expect: s("Tijdige melding bij fysieke gevolgen; een liaison in het ROT"),
                agreed_on: s("15-03-2026"),
                review_on: s("15-03-2027"),
            },
            Partner {
                organisation: s("RemoteWater B.V."),
                we_expect: s(
                    "Melding binnen 1 uur bij storing of incident; handbediening binnen 2 uur ter plaatse",
                ),
                they_expect: s("Toegang tot sluis en brug; een vast aanspreekpunt bij de gemeente"),
                agreed_on: s("01-06-2026"),
                review_on: s("01-06-2027"),
            },
            Partner {
                organisation: s("IBD (VNG)"),
                we_expect: s("Sparringpartner en second opinion; dreigingsinformatie"),
                they_expect: s("Melding van incidenten; deelname aan oefeningen"),
                agreed_on: s("10-01-2026"),
                review_on: s("10-01-2027"),
            },
        ],
        processes: vec![
            Process {
                name: s("Burgerzaken (paspoorten, aktes)"),
                priority: 3,
                max_downtime: l("3 dagen", "3 days"),
                manual_fallback: s("Noodaktes op papier; afspraken telefonisch verzetten"),
            },
            Process {
                name: s("Uitkeringen (Participatiewet)"),
                priority: 1,
                max_downtime: l("2 dagen", "2 days"),
                manual_fallback: s("Voorschot contant of per handmatige bankopdracht"),
            },
            Process {
                name: s("Bediening sluis en brug"),
                priority: 1,
                max_downtime: l("2 uur", "2 hours"),
                manual_fallback: s("Handbediening ter plaatse door sluiswachter en monteur"),
            },
            Process {
                name: s("Crisiscommunicatie (website, sociale media)"),
                priority: 2,
                max_downtime: l("4 uur", "4 hours"),
                manual_fallback: s(
                    "Regionale omroep, NL-Alert via veiligheidsregio, informatiepunt gemeentehuis",
                ),
            },
        ],
        risk_organisations: vec![
            RiskOrganisation {
                name: s("Vaartsluis"),
                kind: l("Sluis", "Lock"),
                depends_on: s("Afstandsbediening via RemoteWater B.V."),
                hold_out: s("0 uur op afstand; handbediening mogelijk"),
                public_order: s("Scheepvaart ligt stil; wachtende schepen in de binnenhaven"),
            },
            RiskOrganisation {
                name: s("Havenbrug"),
                kind: l("Brug", "Bridge"),
                depends_on: s("Afstandsbediening via RemoteWater B.V."),
                hold_out: s("Brug blijft in laatste stand"),
                public_order: s(
                    "Open brug: aanrijroute ambulance naar Zorgcentrum De Linde 12 minuten langer",
                ),
            },
            RiskOrganisation {
                name: s("Zorgcentrum De Linde"),
                kind: l("Zorginstelling", "Care home"),
                depends_on: s(
                    "Elektronisch cliëntendossier (cloud), medicatiesysteem, personenalarmering",
                ),
                hold_out: s("4 uur (papieren medicatielijsten)"),
                public_order: s("112 kwetsbare bewoners; mogelijk evacuatie bij langdurige uitval"),
            },
            RiskOrganisation {
                name: s("Chemiepark Voorbeeld-Noord"),
                kind: l("Seveso-inrichting", "Seveso establishment"),
                depends_on: s("Procesautomatisering (OT), stroom Stedin"),
                hold_out: s("Veilige stand binnen 30 minuten"),
                public_order: s(
                    "Risico op vrijkomen gevaarlijke stoffen; ontruiming bedrijventerrein",
                ),
            },
        ],
        plans: vec![
            Plan {
                title: s("Incident Response Plan informatiebeveiliging"),
                owner: s("Sanne de Vries"),
                version: s("3.1"),
                paper_copy: s("Kluis CISO, kamer 2.11"),
                review_on: s("01-04-2027"),
            },
            Plan {
                title: s("Draaiboek digitale ontwrichting"),
                owner: s("Jeroen Bakker"),
                version: s("1.4"),
                paper_copy: s("Crisiskoffer, actiecentrum gemeentehuis"),
                review_on: s("01-02-2027"),
            },
            Plan {
                title: s("Continuïteitsplan Burgerzaken"),
                owner: s("Teamleider Burgerzaken"),
                version: s("2.0"),
                paper_copy: s("Balie Burgerzaken, la 3"),
                review_on: s("01-09-2027"),
            },
        ],
        blank_log_pages: 2,
        forms: BlankForms::printed_at(sample_printed_at()),
    }
}

/// Situation report 4 of the ransomware crisis of Gemeente Voorbeeld.
pub fn sitrep(lang: Lang) -> SitrepData {
    let l = |nl: &str, en: &str| tr(lang, nl, en);
    SitrepData {
        lang,
        workspace: s("Gemeente Voorbeeld"),
        printed_at: sample_printed_at(),
        exercise: false,
        crisis_title: s("Ransomware gemeentehuis"),
        number: 4,
        draft: false,
        as_of: s("28-11-2026 12:45"),
        classification: Classification {
            kind: l("Cybercrisis", "Cyber crisis"),
            reason: s(
                "Fysieke gevolgen buiten de organisatie: sluis en brug niet op afstand bedienbaar, zorgcentrum zonder cliëntendossier.",
            ),
        },
        grip: s("GRIP 2"),
        phase: l("Warme fase", "Warm phase"),
        processes: vec![
            ProcessStatus {
                process: s("Bediening sluis en brug"),
                status: l("Handmatig", "Manual"),
                since: s("28-11-2026 09:10"),
                expected_recovery: s("onbekend"),
                restore_order: 1,
            },
            ProcessStatus {
                process: s("Uitkeringen"),
                status: l("Uitgevallen", "Down"),
                since: s("28-11-2026 07:40"),
                expected_recovery: s("30-11-2026"),
                restore_order: 2,
            },
            ProcessStatus {
                process: s("Burgerzaken"),
                status: l("Uitgevallen", "Down"),
                since: s("28-11-2026 07:40"),
                expected_recovery: s("02-12-2026"),
                restore_order: 3,
            },
        ],
        cascade: vec![
            CascadeImpact {
                name: s("Sluis Zuid"),
                at: s("28-11-2026 11:15"),
                from_now: l("1 u 30 min geleden", "1 h 30 min ago"),
                reached: true,
            },
            CascadeImpact {
                name: s("Ziekenhuis Rijnoord"),
                at: s("29-11-2026 12:45"),
                from_now: l("over 1 d", "in 1 d"),
                reached: false,
            },
        ],
        affected_organisations: vec![
            AffectedOrganisation {
                organisation: s("RemoteWater B.V."),
                effect: s("Leverancier afstandsbediening zelf getroffen door ransomware"),
                cascade: s("Vaartsluis en Havenbrug alleen ter plaatse te bedienen"),
            },
            AffectedOrganisation {
                organisation: s("Zorgcentrum De Linde"),
                effect: s("Geen toegang tot cliëntendossier"),
                cascade: s("Papieren medicatielijsten; extra personeel nodig"),
            },
        ],
        facts: vec![
            Fact {
                at: s("28-11-2026 07:40"),
                text: s("Versleutelde bestanden op de fileservers; losgeldbrief aangetroffen."),
                source: s("CISO"),
            },
            Fact {
                at: s("28-11-2026 09:10"),
                text: s("RemoteWater meldt eigen besmetting; afstandsbediening uitgeschakeld."),
                source: s("RemoteWater, Ruben Koster"),
            },
            Fact {
                at: s("28-11-2026 11:30"),
                text: s("Havenbrug staat open; ambulances rijden om via de Noordweg."),
                source: s("Politie Midden-Nederland"),
            },
        ],
        uncertainties: vec![
            s("Of er persoonsgegevens zijn buitgemaakt (onderzoek forensisch bureau loopt)."),
            s("Hoe lang RemoteWater nodig heeft voor herstel."),
        ],
        decisions: vec![
            DecisionSummary {
                number: 3,
                at: s("28-11-2026 10:15"),
                decision: s("Sluiswachters en monteur 24/7 ter plaatse voor handbediening."),
            },
            DecisionSummary {
                number: 4,
                at: s("28-11-2026 11:50"),
                decision: s(
                    "Havenbrug dicht voor scheepvaart tot herstel, behalve op verzoek van hulpdiensten.",
                ),
            },
        ],
        actions: vec![
            Action {
                what: s("Forensisch onderzoek naar omvang datalek"),
                owner: s("Sanne de Vries"),
                deadline: s("29-11-2026 12:00"),
                status: l("Loopt", "In progress"),
            },
            Action {
                what: s("Bewoners en verwanten De Linde informeren"),
                owner: s("Noor Visser"),
                deadline: s("28-11-2026 15:00"),
                status: l("Open", "Open"),
            },
        ],
        scenarios: vec![
            Scenario {
                case: ScenarioCase::Worst,
                description: s("Herstel duurt weken; gegevens van inwoners worden gepubliceerd."),
                likelihood: l("Klein", "Low"),
                impact: l("Zeer groot", "Very high"),
            },
            Scenario {
                case: ScenarioCase::Real,
                description: s("Kernprocessen binnen een week hersteld uit back-ups."),
                likelihood: l("Groot", "High"),
                impact: l("Groot", "High"),
            },
            Scenario {
                case: ScenarioCase::Best,
                description: s("Back-ups schoon; herstel binnen drie dagen."),
                likelihood: l("Middel", "Medium"),
                impact: l("Beperkt", "Limited"),
            },
        ],
        communications: vec![
            Communication {
                audience: s("Inwoners"),
                status: l("Verzonden 12:00", "Sent 12:00"),
                channel: s("Regionale omroep, sociale media"),
            },
            Communication {
                audience: s("Gemeenteraad"),
                status: l("In voorbereiding", "In preparation"),
                channel: s("Raadsinformatiebrief (papier, per bode)"),
            },
        ],
        next_meeting: s("28-11-2026 16:00, GBT, raadzaal"),
        stream: StreamHead {
            label: s("Crisis: Ransomware gemeentehuis"),
            length: 87,
            head_hash: s(SAMPLE_CRISIS_HEAD),
        },
    }
}

/// The decision record of the ransomware crisis of Gemeente Voorbeeld, with one
/// decision that was later replaced.
pub fn decisions(lang: Lang) -> DecisionRecordData {
    let burgemeester = || {
        (
            s("Marleen Hoekstra"),
            tr(
                lang,
                "burgemeester, voorzitter GBT",
                "mayor, chair of the GBT",
            ),
        )
    };
    let mut decisions = vec![
        Decision {
            number: 1,
            at: s("28-11-2026 08:05"),
            decision: s("Opschalen naar het GBT."),
            considerations: s(
                "Gevolgen buiten de organisatie te verwachten; leverancier afstandsbediening mogelijk ook geraakt.",
            ),
            alternatives: vec![s("Bij het calamiteitenteam laten tot meer bekend is")],
            decided_by: burgemeester().0,
            capacity: burgemeester().1,
            legal_basis: String::new(),
            supersedes: None,
            superseded_by: None,
            recorded: String::new(),
            transcribed: String::new(),
        },
        Decision {
            number: 2,
            at: s("28-11-2026 08:40"),
            decision: s("Alle verbindingen van het gemeentelijk netwerk met internet verbreken."),
            considerations: s(
                "Verdere verspreiding voorkomen weegt zwaarder dan de uitval van online dienstverlening.",
            ),
            alternatives: vec![
                s("Alleen geraakte servers isoleren"),
                s("Afwachten tot forensisch onderzoek"),
            ],
            decided_by: s("Sanne de Vries"),
            capacity: s("CISO, namens de gemeentesecretaris"),
            legal_basis: String::new(),
            supersedes: None,
            superseded_by: None,
            recorded: String::new(),
            transcribed: String::new(),
        },
        Decision {
            number: 3,
            at: s("28-11-2026 10:15"),
            decision: s(
                "Havenbrug blijft open voor scheepvaart; sluiswachter bedient ter plaatse.",
            ),
            considerations: s("Scheepvaart niet onnodig stilleggen."),
            alternatives: vec![s("Brug dicht voor scheepvaart")],
            decided_by: burgemeester().0,
            capacity: burgemeester().1,
            legal_basis: String::new(),
            supersedes: None,
            superseded_by: Some(4),
            recorded: String::new(),
            transcribed: String::new(),
        },
        Decision {
            number: 4,
            at: s("28-11-2026 11:50"),
            decision: s(
                "Havenbrug dicht voor scheepvaart tot herstel, behalve op verzoek van hulpdiensten.",
            ),
            considerations: s(
                "Open brug verlengt de aanrijtijd van ambulances naar Zorgcentrum De Linde met 12 minuten; veiligheid van bewoners gaat voor scheepvaart.",
            ),
            alternatives: vec![s("Brug open houden met extra ambulance aan de noordzijde")],
            decided_by: burgemeester().0,
            capacity: burgemeester().1,
            legal_basis: s("art. 172 Gemeentewet (handhaving openbare orde)"),
            supersedes: Some(3),
            superseded_by: None,
            recorded: String::new(),
            transcribed: String::new(),
        },
        Decision {
            number: 5,
            at: s("28-11-2026 12:30"),
            decision: s("Geen losgeld betalen."),
            considerations: s(
                "Betalen financiert criminaliteit en garandeert geen herstel; back-ups zijn naar verwachting bruikbaar. Besproken in de lokale driehoek.",
            ),
            alternatives: vec![s("Onderhandelen via een gespecialiseerd bureau")],
            decided_by: burgemeester().0,
            capacity: burgemeester().1,
            legal_basis: String::new(),
            supersedes: None,
            superseded_by: None,
            recorded: String::new(),
            transcribed: String::new(),
        },
    ];
    if lang == Lang::En {
        decisions[0].decision = s("Escalate to the municipal policy team (GBT).");
    }
    DecisionRecordData {
        lang,
        workspace: s("Gemeente Voorbeeld"),
        printed_at: sample_printed_at(),
        exercise: false,
        crisis_title: s("Ransomware gemeentehuis"),
        period: tr(lang, "sinds 28-11-2026 07:40", "since 28-11-2026 07:40"),
        decisions,
        verification: ChainVerification {
            intact: true,
            length: 87,
            head_hash: s(SAMPLE_CRISIS_HEAD),
            verified_at: s("28-11-2026 13:03"),
            fault: None,
        },
    }
}
