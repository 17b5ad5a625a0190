//! The demo's crises: a ransomware attack last spring (closed, in the aftermath) and a
//! running exercise, rich enough to show every page of the crisis room.

use crate::Store;
use crate::crisis::EntryChange;
use crate::error::StoreError;
use crate::seed::raw;
use crisismap_core::crisis::{Answers, CrisisCommand, CrisisState, EntryKind, Phase};
use crisismap_core::event::Actor;
use crisismap_core::register::{RawRecord, RecordId, RecordKind, RefLookup};
use crisismap_core::{StreamId, UserId, WorkspaceId};
use jiff::{SignedDuration, Timestamp};
use std::collections::HashMap;

struct Refs {
    register: HashMap<RecordId, RecordKind>,
    entries: HashMap<RecordId, EntryKind>,
    users: Vec<UserId>,
}

impl RefLookup for Refs {
    fn exists(&self, kind: RecordKind, id: RecordId) -> bool {
        self.register.get(&id) == Some(&kind)
    }
    fn exists_entry(&self, kind: EntryKind, id: RecordId) -> bool {
        self.entries.get(&id) == Some(&kind)
    }
    fn exists_user(&self, id: UserId) -> bool {
        self.users.contains(&id)
    }
}

struct Writer<'a> {
    store: &'a Store,
    ws: WorkspaceId,
    crisis: StreamId,
    refs: Refs,
    /// When entries without a moment of their own (actions, scenarios, …) happened.
    moment: Timestamp,
}

impl Writer<'_> {
    async fn add(
        &mut self,
        actor: &Actor,
        kind: EntryKind,
        record: RawRecord,
    ) -> Result<RecordId, StoreError> {
        let id = self.save(actor, kind, None, record).await?;
        self.refs.entries.insert(id, kind);
        Ok(id)
    }

    async fn change(
        &mut self,
        actor: &Actor,
        kind: EntryKind,
        id: RecordId,
        record: RawRecord,
    ) -> Result<(), StoreError> {
        self.save(actor, kind, Some(id), record).await.map(|_| ())
    }

    async fn save(
        &self,
        actor: &Actor,
        kind: EntryKind,
        id: Option<RecordId>,
        record: RawRecord,
    ) -> Result<RecordId, StoreError> {
        self.save_as(actor, kind, id, record, None).await
    }

    /// An entry typed back in from a paper form.
    async fn save_transcribed(
        &self,
        actor: &Actor,
        kind: EntryKind,
        record: RawRecord,
        sheet: crisismap_core::crisis::Transcription,
    ) -> Result<RecordId, StoreError> {
        self.save_as(actor, kind, None, record, Some(sheet)).await
    }

    async fn save_as(
        &self,
        actor: &Actor,
        kind: EntryKind,
        id: Option<RecordId>,
        record: RawRecord,
        transcribed: Option<crisismap_core::crisis::Transcription>,
    ) -> Result<RecordId, StoreError> {
        let validated = kind
            .schema()
            .validate(&record, &self.refs)
            .map_err(|issues| {
                StoreError::Corrupt(format!("demo crisis data for {kind}: {issues:?}"))
            })?;
        let ids = self
            .store
            .save_entries(
                self.ws,
                self.crisis,
                actor,
                vec![EntryChange {
                    kind,
                    id,
                    expected_rev: None,
                    record: validated,
                    occurred_at: Some(self.moment),
                    transcribed,
                }],
            )
            .await?;
        ids.into_iter()
            .next()
            .ok_or_else(|| StoreError::Corrupt("demo crisis: nothing saved".into()))
    }

    /// A command that happened at `at`.
    async fn command(
        &self,
        actor: &Actor,
        command: CrisisCommand,
        at: Timestamp,
    ) -> Result<(), StoreError> {
        let at = crisismap_core::crisis::Occurrence {
            at,
            background: false,
        };
        self.store
            .handle_crisis_command(self.ws, self.crisis, actor, command, Some(at))
            .await?;
        Ok(())
    }
}

fn at(t: Timestamp) -> String {
    crisismap_core::time::canonical(t)
}

fn hours(h: i64) -> SignedDuration {
    SignedDuration::from_hours(h)
}

/// Seeds both demo crises; the register must be seeded first.
pub async fn seed_crises(store: &Store, ws: WorkspaceId) -> Result<(), StoreError> {
    let records = store.all_records(ws).await?;
    let register: HashMap<RecordId, RecordKind> = records.iter().map(|r| (r.id, r.kind)).collect();
    let find = |kind: RecordKind, name: &str| {
        records
            .iter()
            .find(|r| r.kind == kind && r.title.contains(name))
            .map(|r| r.id.to_string())
            .unwrap_or_default()
    };
    let users = store.users(ws).await?;
    let user = |email: &str| {
        users
            .iter()
            .find(|u| u.email == email)
            .map(|u| (Actor::User(u.id), u.id.to_string()))
            .unwrap_or((Actor::System("demo".into()), String::new()))
    };
    let (advisor, _) = user("adviseur@voorbeeld.nl");
    let (ciso, ciso_id) = user("ciso@voorbeeld.nl");
    let (mayor, _) = user("burgemeester@voorbeeld.nl");
    let teams_of = |standards: &[&str]| -> Vec<RecordId> {
        records
            .iter()
            .filter(|r| {
                r.kind == RecordKind::Team
                    && r.text("standard").is_some_and(|s| standards.contains(&s))
            })
            .map(|r| r.id)
            .collect()
    };
    let now = store.clock().now();
    let user_ids: Vec<UserId> = users.iter().map(|u| u.id).collect();

    // ---------------------------------------------------------------- the past crisis
    let t0 = now - hours(24 * 120);
    let opening = CrisisState::open(
        "Ransomware-aanval op de gemeentelijke systemen",
        "Maandagochtend 07:10 melden medewerkers een losgeldbericht op hun scherm. Het zaaksysteem en de bediening van de Zuidbrug reageren niet.",
        t0,
        Phase::Lukewarm,
        false,
    )
    .map_err(|e| StoreError::Corrupt(format!("demo crisis: {e}")))?;
    let crisis = store
        .open_crisis(ws, &ciso, opening, vec![], EntryKind::Dilemma)
        .await?;
    let mut w = Writer {
        store,
        ws,
        crisis,
        refs: Refs {
            register: register.clone(),
            entries: HashMap::new(),
            users: user_ids.clone(),
        },
        moment: t0 + SignedDuration::from_mins(45),
    };
    let answers = Answers {
        own_organisation: true,
        societal_effects: true,
        crime_suspected: true,
        ..Answers::default()
    };
    w.command(
        &advisor,
        CrisisCommand::Classify {
            answers,
            accept: true,
            classification: None,
            grip: None,
            reason: "Bruggen buiten bedrijf en afpersing: openbare orde in het geding.".into(),
            teams: teams_of(&["calamity_team", "local_triangle", "policy_team"]),
        },
        t0 + SignedDuration::from_mins(40),
    )
    .await?;
    w.command(
        &advisor,
        CrisisCommand::ChangePhase {
            phase: Phase::Warm,
            reason: "Scheepvaart staat stil voor de Zuidbrug; inwoners kunnen geen aanvragen doen."
                .into(),
        },
        t0 + SignedDuration::from_mins(50),
    )
    .await?;
    let bridges = find(RecordKind::Process, "bruggen");
    let log = [
        (
            0,
            "report",
            "Servicedesk meldt losgeldbericht op tientallen werkplekken.",
            "Servicedesk",
        ),
        (
            1,
            "contact",
            "CISO heeft de IBD gebeld; CSIRT sluit digitaal aan.",
            "CISO",
        ),
        (
            2,
            "picture",
            "Bediening Zuidbrug valt uit; brugwachters gaan ter plaatse.",
            "Brugwachter dienst",
        ),
        (
            3,
            "communication",
            "Eerste bericht aan medewerkers: niet inloggen, wacht op instructies.",
            "Communicatie",
        ),
        (
            5,
            "report",
            "Aangifte gedaan bij de politie, team cybercrime.",
            "Adviseur crisisbeheersing",
        ),
    ];
    let mut first_log = None;
    for (h, cat, text, source) in log {
        let id = w
            .add(
                &ciso,
                EntryKind::Log,
                raw(&[
                    ("occurred_at", &at(t0 + hours(h))),
                    ("category", cat),
                    ("text", text),
                    ("source", source),
                ]),
            )
            .await?;
        first_log.get_or_insert(id);
    }
    // The network was down from hour 6 to hour 9: the calamity team kept the log on the
    // paper form of the printed folder, typed back in afterwards.
    let sheet = crisismap_core::crisis::Transcription {
        form: format!(
            "LB-{}",
            (t0 - hours(24 * 30))
                .to_zoned(crisismap_core::time::amsterdam().clone())
                .strftime("%y%m%d%H%M")
        ),
        page: 1,
        written_by: "Sanne de Vries (notulist)".into(),
    };
    for (minutes, cat, text, source) in [
        (
            6 * 60 + 10,
            "picture",
            "Netwerk gemeentehuis uit; verder op papier.",
            "Notulist",
        ),
        (
            6 * 60 + 45,
            "contact",
            "Veiligheidsregio belt: brandweer paraat bij de Zuidbrug.",
            "Veiligheidsregio",
        ),
        (
            7 * 60 + 30,
            "action",
            "Loket werkt met papieren formulieren; bode haalt post op.",
            "Publiekszaken",
        ),
        (
            8 * 60 + 50,
            "report",
            "Netwerk terug; logboek wordt overgenomen.",
            "Notulist",
        ),
    ] {
        let id = w
            .save_transcribed(
                &ciso,
                EntryKind::Log,
                raw(&[
                    ("occurred_at", &at(t0 + SignedDuration::from_mins(minutes))),
                    ("category", cat),
                    ("text", text),
                    ("source", source),
                ]),
                sheet.clone(),
            )
            .await?;
        w.refs.entries.insert(id, EntryKind::Log);
    }
    if let Some(first) = first_log {
        w.add(
            &advisor,
            EntryKind::Log,
            raw(&[
                ("occurred_at", &at(t0)),
                ("category", "report"),
                ("text", "Correctie: de eerste melding kwam om 06:50 van de nachtdienst, niet van de servicedesk."),
                ("source", "Nachtdienst"),
                ("corrects", &first.to_string()),
            ]),
        )
        .await?;
    }
    w.add(
        &ciso,
        EntryKind::ProcessStatus,
        raw(&[
            ("process", &bridges),
            ("status", "restored"),
            ("since", &at(t0 + hours(2))),
            ("note", "Na 36 uur handbediening weer op afstand bediend."),
        ]),
    )
    .await?;
    w.add(
        &advisor,
        EntryKind::Effect,
        raw(&[
            ("name", "Scheepvaart op het kanaal"),
            ("status", "restored"),
            ("effect", "Schepen wachtten tot 6 uur voor de Zuidbrug."),
            (
                "cascade",
                "Vertraging bij de binnenhaven; verkeer op de brugweg stond vast.",
            ),
        ]),
    )
    .await?;
    w.add(
        &ciso,
        EntryKind::Fact,
        raw(&[
            (
                "statement",
                "De aanvallers kwamen binnen via een niet-gepatchte VPN-server.",
            ),
            ("nature", "fact"),
            ("source", "Forensisch rapport"),
        ]),
    )
    .await?;
    let dilemma = w
        .add(
            &advisor,
            EntryKind::Dilemma,
            raw(&[
                ("title", "Hoe gaan we om met een losgeldeis?"),
                (
                    "question",
                    "Betalen, onderhandelen of herstellen uit back-ups?",
                ),
                ("options", "Niet betalen; onderhandelen om tijd te winnen."),
            ]),
        )
        .await?;
    let meeting = w
        .add(
            &advisor,
            EntryKind::Bob,
            raw(&[
                ("title", "GBT 1"),
                ("team", &find(RecordKind::Team, "GBT")),
                ("started_at", &at(t0 + hours(4))),
                (
                    "picture",
                    "Werkplekken versleuteld; Zuidbrug op handbediening; losgeldeis ontvangen.",
                ),
                (
                    "judgement",
                    "Back-ups zijn intact volgens de IBD; herstel kost naar schatting vijf dagen.",
                ),
                ("next_meeting", &at(t0 + hours(8))),
            ]),
        )
        .await?;
    let decision = w
        .add(
            &mayor,
            EntryKind::Decision,
            raw(&[
                ("title", "We betalen geen losgeld"),
                ("decision", "De gemeente betaalt geen losgeld en herstelt uit de back-ups."),
                ("considerations", "Betalen financiert criminaliteit en garandeert geen herstel; de back-ups zijn volgens de IBD intact."),
                ("alternatives", "Onderhandelen om tijd te winnen."),
                ("decided_by", "Marleen Hoekstra"),
                ("capacity", "burgemeester, voorzitter GBT"),
                ("decided_at", &at(t0 + hours(5))),
                ("dilemma", &dilemma.to_string()),
                ("meeting", &meeting.to_string()),
            ]),
        )
        .await?;
    let old = w
        .add(
            &mayor,
            EntryKind::Decision,
            raw(&[
                ("title", "Loket dicht tot woensdag"),
                ("decision", "Het publieksloket blijft dicht tot woensdag."),
                (
                    "considerations",
                    "Zonder zaaksysteem kan het loket niet werken.",
                ),
                ("decided_by", "Marleen Hoekstra"),
                ("capacity", "burgemeester"),
                ("decided_at", &at(t0 + hours(6))),
                ("meeting", &meeting.to_string()),
            ]),
        )
        .await?;
    w.add(
        &mayor,
        EntryKind::Decision,
        raw(&[
            ("title", "Loket open met papieren formulieren"),
            (
                "decision",
                "Het loket gaat dinsdag open en werkt met papieren formulieren.",
            ),
            (
                "considerations",
                "Inwoners hebben dringende aanvragen; de handmatige procedure is geoefend.",
            ),
            ("decided_by", "Marleen Hoekstra"),
            ("capacity", "burgemeester"),
            ("decided_at", &at(t0 + hours(20))),
            ("supersedes", &old.to_string()),
        ]),
    )
    .await?;
    let action = w
        .add(
            &advisor,
            EntryKind::Action,
            raw(&[
                ("what", "Herstel werkplekken uit de back-ups"),
                ("owner", &ciso_id),
                ("decision", &decision.to_string()),
                ("deadline", &at(t0 + hours(96))),
                ("status", "in_progress"),
            ]),
        )
        .await?;
    w.change(
        &ciso,
        EntryKind::Action,
        action,
        raw(&[
            ("what", "Herstel werkplekken uit de back-ups"),
            ("owner", &ciso_id),
            ("decision", &decision.to_string()),
            ("deadline", &at(t0 + hours(96))),
            ("status", "done"),
            ("result", "Alle 412 werkplekken opnieuw ingericht."),
        ]),
    )
    .await?;
    for (case, title, lik, imp) in [
        ("worst", "Gegevens van inwoners op straat", "medium", "high"),
        (
            "real",
            "Vijf dagen beperkte dienstverlening",
            "high",
            "medium",
        ),
        ("best", "Binnen twee dagen hersteld", "low", "low"),
    ] {
        w.add(
            &advisor,
            EntryKind::Scenario,
            raw(&[
                ("case", case),
                ("title", title),
                ("description", title),
                ("likelihood", lik),
                ("impact", imp),
            ]),
        )
        .await?;
    }
    for (party, by, how) in [
        ("ibd", "Sanne de Vries", "phone"),
        ("municipal_secretary", "Sanne de Vries", "phone"),
        ("mayor", "Jeroen Bakker", "in_person"),
        ("police", "Jeroen Bakker", "phone"),
        ("safety_region", "Jeroen Bakker", "phone"),
    ] {
        w.add(
            &advisor,
            EntryKind::Informing,
            raw(&[
                ("party", party),
                ("informed_at", &at(t0 + hours(1))),
                ("by", by),
                ("how", how),
            ]),
        )
        .await?;
    }
    w.add(
        &advisor,
        EntryKind::Communication,
        raw(&[
            ("title", "Gemeente getroffen door cyberaanval"),
            ("audience", "residents"),
            ("message", "De gemeente is getroffen door een cyberaanval. Het loket werkt met papieren formulieren. We houden u op de hoogte."),
            ("status", "published"),
            ("approved_by", "Marleen Hoekstra"),
            ("channel", "website en lokale omroep"),
            ("published_at", &at(t0 + hours(7))),
        ]),
    )
    .await?;
    w.command(
        &advisor,
        CrisisCommand::ChangePhase {
            phase: Phase::Aftermath,
            reason: "Systemen hersteld; evaluatie en verantwoording aan de raad.".into(),
        },
        t0 + hours(72),
    )
    .await?;
    w.command(
        &advisor,
        CrisisCommand::Close {
            reason: "Afgeschaald na herstel; evaluatie loopt.".into(),
        },
        t0 + hours(24 * 21),
    )
    .await?;

    // ---------------------------------------------------------------- the running exercise
    let t1 = now - hours(2);
    let opening = CrisisState::open(
        "Oefening: aanval op de leverancier van de brugbediening",
        "Scenario van de oefenleiding: de leverancier BrugSturing meldt een aanval op zijn cloud. Bruggen en sluizen zijn niet op afstand te bedienen.",
        t1,
        Phase::Warm,
        true,
    )
    .map_err(|e| StoreError::Corrupt(format!("demo exercise: {e}")))?;
    let exercise = store
        .open_crisis(ws, &advisor, opening, vec![], EntryKind::Dilemma)
        .await?;
    let mut w = Writer {
        store,
        ws,
        crisis: exercise,
        refs: Refs {
            register,
            entries: HashMap::new(),
            users: user_ids,
        },
        moment: t1 + SignedDuration::from_mins(30),
    };
    w.command(
        &advisor,
        CrisisCommand::Classify {
            answers: Answers {
                societal_effects: true,
                ..Answers::default()
            },
            accept: true,
            classification: None,
            grip: None,
            reason: String::new(),
            teams: teams_of(&["policy_team"]),
        },
        t1 + SignedDuration::from_mins(20),
    )
    .await?;
    let supplier = find(RecordKind::Organisation, "BrugSturing");
    if !supplier.is_empty() {
        w.command(
            &advisor,
            CrisisCommand::SetFailing {
                nodes: vec![supplier],
                reason: "Inject 1: cloudplatform BrugSturing onbereikbaar".into(),
            },
            t1,
        )
        .await?;
    }
    w.add(
        &advisor,
        EntryKind::ProcessStatus,
        raw(&[
            ("process", &bridges),
            ("status", "down"),
            ("since", &at(t1)),
            ("expected_recovery", &at(now + hours(10))),
            ("note", "Brugwachters onderweg voor handbediening."),
        ]),
    )
    .await?;
    w.add(
        &advisor,
        EntryKind::Effect,
        raw(&[
            ("name", "BrugSturing B.V."),
            (
                "organisation",
                &find(RecordKind::Organisation, "BrugSturing"),
            ),
            ("status", "down"),
            (
                "effect",
                "Cloudplatform voor afstandsbediening onbereikbaar.",
            ),
            (
                "cascade",
                "Bruggen en sluizen alleen met de hand te bedienen; wachtrijen op het water.",
            ),
        ]),
    )
    .await?;
    for (statement, nature) in [
        (
            "BrugSturing bevestigt een aanval op zijn cloudplatform.",
            "fact",
        ),
        (
            "Onbekend of ook de camerabeelden gelekt zijn.",
            "uncertainty",
        ),
        (
            "We nemen aan dat handbediening binnen 2 uur overal bemand is.",
            "assumption",
        ),
    ] {
        w.add(
            &advisor,
            EntryKind::Fact,
            raw(&[
                ("statement", statement),
                ("nature", nature),
                ("source", "Oefenleiding"),
            ]),
        )
        .await?;
    }
    w.add(
        &advisor,
        EntryKind::Log,
        raw(&[
            ("occurred_at", &at(t1)),
            ("category", "report"),
            (
                "text",
                "Inject 1: BrugSturing belt de piketdienst over een aanval.",
            ),
            ("source", "Oefenleiding"),
        ]),
    )
    .await?;
    w.add(
        &advisor,
        EntryKind::Dilemma,
        raw(&[
            ("title", "Wat communiceren we wel en niet?"),
            (
                "question",
                "Melden we de aanval op de leverancier al aan inwoners?",
            ),
        ]),
    )
    .await?;
    w.add(
        &advisor,
        EntryKind::Action,
        raw(&[
            ("what", "Brugwachters oproepen voor handbediening"),
            ("owner_name", "Teamleider Beheer Openbare Ruimte"),
            ("deadline", &at(t1 + hours(1))),
            ("status", "new"),
        ]),
    )
    .await?;
    w.add(
        &advisor,
        EntryKind::Attendance,
        raw(&[
            ("person", "Ilse van Dam"),
            ("capacity", "liaison BrugSturing"),
            ("kind", "liaison"),
            ("organisation", "BrugSturing B.V."),
            ("arrived_at", &at(t1 + hours(1))),
        ]),
    )
    .await?;
    w.add(
        &advisor,
        EntryKind::Support,
        raw(&[
            ("role", "information_manager"),
            ("requested_at", &at(t1 + hours(1))),
            ("requested_by", "Jeroen Bakker"),
            ("status", "confirmed"),
        ]),
    )
    .await?;
    Ok(())
}
