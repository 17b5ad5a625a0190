//! Stories of the aftermath: the handover to the line organisation that starts it, the
//! crisis room still taking entries during it, and the closed dossier that takes nothing more.

use crate::common::*;
use crisismap_core::Role;
use crisismap_testing::TestDb;
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn the_acute_phase_ends_with_a_handover_to_the_line_and_the_dossier_closes_after_the_aftermath()
 {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let api = app.api_as(&email_for(Role::Editor)).await;
        let process = created(
            api.post_json(
                "/api/v1/register/process",
                &json!({"name": "Uitkeringen", "criticality": "high", "restore_priority": 1}),
            )
            .await,
        )
        .await;
        let other = created(
            api.post_json(
                "/api/v1/register/process",
                &json!({"name": "Vergunningen", "criticality": "low", "restore_priority": 2}),
            )
            .await,
        )
        .await;
        let crisis = created(
            api.post_json(
                "/api/v1/crises",
                &json!({"title": "Ransomware stadskantoor", "phase": "warm"}),
            )
            .await,
        )
        .await;
        let id = crisis["id"].as_str().expect("id").to_owned();
        let base = format!("/api/v1/crises/{id}");
        created(
            api.post_json(
                &format!("{base}/entries/process_status"),
                &json!({"process": process["id"], "status": "down"}),
            )
            .await,
        )
        .await;
        let open = created(
            api.post_json(
                &format!("{base}/entries/action"),
                &json!({"what": "Achterstand aanvragen wegwerken", "status": "new", "owner_name": "Teamleider crisis"}),
            )
            .await,
        )
        .await;
        let stays = created(
            api.post_json(
                &format!("{base}/entries/action"),
                &json!({"what": "Persbericht nazorg opstellen", "status": "in_progress"}),
            )
            .await,
        )
        .await;

        let mut b = app.login(&email_for(Role::Member)).await;
        let page_of = format!("/crisis/{id}");
        let (_, picture) = b.page(&page_of).await;
        let text = words_of(&picture);
        assert!(text.contains("Overdragen aan de lijn"), "{}", app.db_name);
        assert!(
            !picture.contains("id=\"form-close\""),
            "no closing during the acute phase"
        );

        // The form offers the open actions and ticks the process that is down.
        let (status, form) = b.page(&format!("/crisis/{id}/overdracht")).await;
        assert_eq!(status, StatusCode::OK);
        let words = words_of(&form);
        assert!(words.contains("Achterstand aanvragen wegwerken"), "{words}");
        assert!(words.contains("nu bij Teamleider crisis"), "{words}");
        assert!(
            form.contains("value=\"Gemeentesecretaris\""),
            "the default coordinator"
        );
        let pid = process["id"].as_str().expect("id");
        let oid = other["id"].as_str().expect("id");
        let checked = |html: &str, p: &str| {
            html.split("<input")
                .find(|i| i.contains(&format!("value=\"{p}\"")))
                .is_some_and(|i| i.split('>').next().unwrap_or("").contains("checked"))
        };
        assert!(checked(&form, pid), "the process that is down is ticked");
        assert!(!checked(&form, oid), "the working one is not");

        // Without a coordinator: refused, what was typed kept, nothing recorded.
        b.refresh_csrf(&format!("/crisis/{id}/overdracht")).await;
        let aid = open["id"].as_str().expect("id");
        let owner_key = format!("owner-{aid}");
        let r = b
            .post_form(
                &format!("/crisis/{id}/overdracht"),
                &[
                    ("coordinator", " "),
                    (owner_key.as_str(), "Afdeling Werk en Inkomen"),
                    ("restoring", pid),
                    ("reason", "Wekelijks herstelgesprek"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = r.text().await.expect("body");
        assert!(body.contains("Vul dit veld in."), "{}", app.db_name);
        assert!(body.contains("Afdeling Werk en Inkomen"), "kept");
        let state = app
            .store
            .crisis(app.ws, id.parse().expect("id"))
            .await
            .expect("crisis");
        assert_eq!(state.state.phase, crisismap_core::crisis::Phase::Warm);

        let r = b
            .post_form(
                &format!("/crisis/{id}/overdracht"),
                &[
                    ("coordinator", "Gemeentesecretaris"),
                    (owner_key.as_str(), "Afdeling Werk en Inkomen"),
                    (
                        format!("owner-{}", stays["id"].as_str().expect("id")).as_str(),
                        "",
                    ),
                    ("restoring", pid),
                    ("reason", "Wekelijks herstelgesprek"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        let (_, picture) = b.page(&location(r.headers())).await;
        let text = words_of(&picture);
        assert!(text.contains("Overgedragen aan de lijn"), "{text}");
        assert!(text.contains("Coördinatie Gemeentesecretaris"), "{text}");
        assert!(text.contains("Fase Nafase"), "{text}");
        assert!(
            picture.contains("id=\"form-close\""),
            "closing is offered now"
        );

        // The action went to the line; the one left empty stayed with its owner.
        let moved: Value = api
            .get(&format!("{base}/entries/action/{aid}"))
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(moved["data"]["owner_name"], "Afdeling Werk en Inkomen");
        let kept: Value = api
            .get(&format!(
                "{base}/entries/action/{}",
                stays["id"].as_str().expect("id")
            ))
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(kept["rev"], 1, "untouched");

        // The timeline says who coordinates, what went to the line, what is being restored.
        let (_, timeline) = b.page(&format!("/crisis/{id}/tijdlijn")).await;
        let text = words_of(&timeline);
        assert!(
            text.contains(
                "Acties naar de lijn: Achterstand aanvragen wegwerken (Afdeling Werk en Inkomen)"
            ),
            "{text}"
        );
        assert!(text.contains("Nog in herstel: Uitkeringen"), "{text}");

        // The aftermath still takes log entries, decisions and actions.
        created(
            api.post_json(
                &format!("{base}/entries/log"),
                &json!({"category": "report", "text": "Uitkeringen weer bereikbaar", "occurred_at": crisis["started_at"]}),
            )
            .await,
        )
        .await;

        // A second handover is refused: the crisis is already in its aftermath.
        let again = api
            .post_json(&format!("{base}/handover"), &json!({"coordinator": "x"}))
            .await;
        assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // The dossier closes; after that every write is refused with a clear message.
        b.refresh_csrf(&page_of).await;
        let r = b
            .post_form(
                &format!("/crisis/{id}/afsluiten"),
                &[("reason", "Nafase afgerond")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let late = api
            .post_json(
                &format!("{base}/entries/log"),
                &json!({"category": "report", "text": "Nog iets", "occurred_at": crisis["started_at"]}),
            )
            .await;
        assert!(late.status().is_client_error(), "{}", late.status());
        let problem = late.text().await.expect("body");
        assert!(problem.contains("closed"), "{problem}");
        let (_, picture) = b.page(&page_of).await;
        assert!(words_of(&picture).contains("dossier afgesloten"));
    }
}

/// The finance department asks what the crisis cost: items typed the Dutch way add up exactly
/// per category, a bad amount comes back with the reason and loses nothing, and the CSV
/// export is formula-safe. A council question past its deadline asks for attention on the
/// overview until its answer is sent.
#[tokio::test]
async fn costs_add_up_to_the_cent_and_council_questions_keep_their_deadline_in_sight() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let api = app.api_as(&email_for(Role::Editor)).await;
        let crisis = created(
            api.post_json(
                "/api/v1/crises",
                &json!({"title": "Ransomware stadskantoor", "phase": "warm"}),
            )
            .await,
        )
        .await;
        let id = crisis["id"].as_str().expect("id").to_owned();
        let mut b = app.login(&email_for(Role::Member)).await;
        b.refresh_csrf(&format!("/crisis/{id}/kosten/nieuw")).await;
        let post = |fields: Vec<(&'static str, &'static str)>| {
            let b = &b;
            let id = id.clone();
            async move { b.post_form(&format!("/crisis/{id}/kosten"), &fields).await }
        };
        let bad = post(vec![
            ("description", "Forensisch onderzoek"),
            ("category", "external_expertise"),
            ("amount", "ruim 12.000"),
            ("date", "2026-11-30"),
            ("status", "invoiced"),
        ])
        .await;
        assert_eq!(
            bad.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            app.db_name
        );
        let body = bad.text().await.expect("body");
        assert!(body.contains("Vul een bedrag in euro in"), "the reason");
        assert!(body.contains("Forensisch onderzoek"), "kept");
        for fields in [
            vec![
                ("description", "Forensisch onderzoek"),
                ("category", "external_expertise"),
                ("amount", "48.500,00"),
                ("vat", "10.185"),
                ("date", "2026-11-30"),
                ("supplier", "=HYPERLINK(\"http://x\")"),
                ("status", "invoiced"),
                ("insured", "on"),
            ],
            vec![
                ("description", "Overuren eerste week"),
                ("category", "overtime"),
                ("amount", "1.250,50"),
                ("date", "2026-11-29"),
                ("status", "paid"),
            ],
            vec![
                ("description", "Overuren tweede week"),
                ("category", "overtime"),
                ("amount", "€ 999,99"),
                ("date", "2026-12-01"),
                ("status", "committed"),
            ],
        ] {
            let r = post(fields).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        }
        let (_, page) = b.page(&format!("/crisis/{id}/kosten")).await;
        let text = words_of(&page);
        // Overtime: 1.250,50 + 999,99 = 2.250,49; all: 48.500 + 2.250,49 = 50.750,49
        // excluding VAT, 60.935,49 including.
        assert!(
            text.contains("Overuren € 2.250,49 € 0,00 € 2.250,49"),
            "{text}"
        );
        assert!(
            text.contains("Totaal € 50.750,49 € 10.185,00 € 60.935,49 € 48.500,00"),
            "{text}"
        );
        let stored: Value = api
            .get(&format!("/api/v1/crises/{id}/entries/cost"))
            .await
            .json()
            .await
            .expect("json");
        let cents: Vec<i64> = stored
            .as_array()
            .expect("items")
            .iter()
            .filter_map(|e| e["data"]["amount"].as_i64())
            .collect();
        assert!(cents.contains(&125_050), "stored as whole cents: {cents:?}");

        let csv = b.get(&format!("/crisis/{id}/kosten.csv")).await;
        assert_eq!(csv.status(), StatusCode::OK);
        let csv = csv.text().await.expect("csv");
        let lines: Vec<&str> = csv.lines().collect();
        assert!(lines[0].contains("Omschrijving"), "{}", lines[0]);
        assert!(
            lines[1].starts_with("2026-11-29;Overuren eerste week;Overuren;1250,50;0,00;1250,50"),
            "{}",
            lines[1]
        );
        assert!(csv.contains("'=HYPERLINK"), "formula-safe: {csv}");

        // A council question whose deadline passed asks for attention on the overview.
        b.refresh_csrf(&format!("/crisis/{id}/raadsvragen/nieuw"))
            .await;
        let today = jiff::Timestamp::from_microsecond(app.clock.now_us())
            .expect("now")
            .to_zoned(crisismap_core::time::amsterdam().clone())
            .date();
        let asked = today
            .checked_sub(jiff::ToSpan::days(30))
            .expect("date")
            .to_string();
        let due = today
            .checked_sub(jiff::ToSpan::days(1))
            .expect("date")
            .to_string();
        let r = b
            .post_form(
                &format!("/crisis/{id}/raadsvragen"),
                &[
                    ("subject", "Datalek"),
                    ("question", "Zijn de inwoners geïnformeerd?"),
                    ("asked_by", "J. de Vries (Stadsbelang)"),
                    ("asked_on", asked.as_str()),
                    ("deadline", due.as_str()),
                    ("status", "sent"),
                ],
            )
            .await;
        assert_eq!(
            r.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "sent needs an answer and a date"
        );
        let r = b
            .post_form(
                &format!("/crisis/{id}/raadsvragen"),
                &[
                    ("subject", "Datalek"),
                    ("question", "Zijn de inwoners geïnformeerd?"),
                    ("asked_by", "J. de Vries (Stadsbelang)"),
                    ("asked_on", asked.as_str()),
                    ("deadline", due.as_str()),
                    ("status", "drafting"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let question = location(r.headers());
        let (_, overview) = b.page("/").await;
        let text = words_of(&overview);
        assert!(
            text.contains("Raadsvraag over de termijn Datalek"),
            "{text}"
        );
        let (_, list) = b.page(&format!("/crisis/{id}/raadsvragen")).await;
        assert!(
            words_of(&list).contains("Te laat") || list.contains("badge-bad"),
            "flagged on the list"
        );

        // Answered and sent: the overview lets go of it.
        let qid = question.rsplit('/').next().expect("id");
        let sent = api
            .put_json(
                &format!("/api/v1/crises/{id}/entries/council_question/{qid}"),
                &json!({"rev": 1, "subject": "Datalek", "question": "Zijn de inwoners geïnformeerd?",
                    "asked_by": "J. de Vries (Stadsbelang)", "asked_on": asked, "deadline": due,
                    "answer": "Ja, per brief.", "status": "sent", "sent_on": today.to_string()}),
            )
            .await;
        assert!(sent.status().is_success(), "{}", sent.status());
        let (_, overview) = b.page("/").await;
        assert!(!words_of(&overview).contains("Raadsvraag over de termijn"));
    }
}

/// The mayor renders account to the council: the demo's ransomware crisis, closed, gives an
/// account composed from its record, with every decision and its legal basis, the emergency
/// ordinance and the council's ratification, the costs to the cent, the council's questions,
/// the lessons, and the check value equal to the verification of the stream.
#[tokio::test]
async fn the_account_to_the_council_is_composed_from_the_record_and_ends_with_its_check_value() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        app.fill_with_demo().await;
        let crisis = app
            .store
            .crises(app.ws)
            .await
            .expect("crises")
            .into_iter()
            .find(|c| c.state.closed)
            .expect("the demo's closed ransomware crisis");
        let mut b = app.login(&email_for(Role::Viewer)).await;
        let (status, page) = b
            .page(&format!("/crisis/{}/verantwoording", crisis.id))
            .await;
        assert_eq!(status, StatusCode::OK, "{}", app.db_name);
        let text = words_of(&page);
        for expected in [
            "We betalen geen losgeld",
            "Wettelijke grondslag",
            "vervangen door besluit",
            "Noodverordening toegang stadskantoor",
            "Bekrachtigd",
            "Totaal € 121.835,75 € 19.818,80 € 141.654,55",
            "Datalek na de ransomware-aanval",
            "Verzonden",
            "Piketnummers van CISO",
            "Interne evaluatie ransomware-aanval: Interne evaluatie",
            "Overgedragen aan de lijn",
            "Coördinatie: Gemeentesecretaris",
            "ongeschonden",
        ] {
            assert!(
                text.contains(expected),
                "{}: {expected:?} in {text}",
                app.db_name
            );
        }
        let report = app.store.verify_stream(crisis.id).await.expect("verify");
        assert!(
            text.contains(&report.head_hash),
            "the check value is the verification's"
        );
        // Nafase links to it and shows what the crisis cost.
        let (_, aftermath) = b.page("/nafase").await;
        let text = words_of(&aftermath);
        assert!(text.contains("€ 141.654,55"), "{text}");
        assert!(aftermath.contains(&format!("/crisis/{}/verantwoording", crisis.id)));
    }
}

/// The lessons register spans every crisis and exercise: an exercise's lesson that the
/// ransomware crisis already taught is flagged as learned again, and the theme filter keeps
/// only the theme asked for.
#[tokio::test]
async fn a_lesson_taught_before_is_flagged_as_learned_again_in_the_lessons_register() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        app.fill_with_demo().await;
        let exercise = app
            .store
            .crises(app.ws)
            .await
            .expect("crises")
            .into_iter()
            .find(|c| c.state.exercise)
            .expect("the demo's exercise");
        let api = app.api_as(&email_for(Role::Editor)).await;
        created(
            api.post_json(
                &format!("/api/v1/crises/{}/entries/finding", exercise.id),
                &json!({"theme": "alerting", "verdict": "to_improve",
                    "finding": "De servicedesk belde de CISO pas na een uur.",
                    "lesson": "De servicedesk moet de piketnummers van de CISO en de adviseur crisisbeheersing bij de hand hebben."}),
            )
            .await,
        )
        .await;
        let mut b = app.login(&email_for(Role::Viewer)).await;
        let (status, page) = b.page("/nafase/leerpunten").await;
        assert_eq!(status, StatusCode::OK, "{}", app.db_name);
        let text = words_of(&page);
        assert!(
            text.contains(
                "Opnieuw geleerd eerder in Ransomware-aanval op de gemeentelijke systemen"
            ),
            "{text}"
        );
        assert!(text.contains("1 leerpunt opnieuw geleerd"), "{text}");
        assert!(
            text.find("piketnummers van de CISO") < text.find("Piketnummers van CISO"),
            "the newest first"
        );
        let (_, communication) = b.page("/nafase/leerpunten?thema=communication").await;
        let text = words_of(&communication);
        assert!(text.contains("Een eerste bericht aan inwoners"), "{text}");
        assert!(!text.contains("Piketnummers"), "other themes are left out");
    }
}

/// Recovery ends with a declaration that a process is safe again: it takes every check of the
/// list, who declared it, when and on what evidence; a process running on a workaround still
/// counts as down on the board.
#[tokio::test]
async fn a_process_is_declared_safe_again_only_with_every_check_and_its_evidence() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let api = app.api_as(&email_for(Role::Editor)).await;
        let process = created(
            api.post_json(
                "/api/v1/register/process",
                &json!({"name": "Uitkeringen", "criticality": "high", "restore_priority": 1}),
            )
            .await,
        )
        .await;
        let crisis = created(
            api.post_json(
                "/api/v1/crises",
                &json!({"title": "Ransomware", "phase": "warm"}),
            )
            .await,
        )
        .await;
        let id = crisis["id"].as_str().expect("id").to_owned();
        let base = format!("/api/v1/crises/{id}");
        let status = created(
            api.post_json(
                &format!("{base}/entries/process_status"),
                &json!({"process": process["id"], "status": "workaround", "note": "Aanvragen op papier"}),
            )
            .await,
        )
        .await;
        let sid = status["id"].as_str().expect("id");
        let mut b = app.login(&email_for(Role::Member)).await;
        let (_, picture) = b.page(&format!("/crisis/{id}")).await;
        let text = words_of(&picture);
        assert!(
            text.contains("Met noodoplossing"),
            "{}: {text}",
            app.db_name
        );
        assert!(
            text.contains("Eerst herstellen: Uitkeringen"),
            "a workaround is not restored: {text}"
        );

        let early = api
            .put_json(
                &format!("{base}/entries/process_status/{sid}"),
                &json!({"rev": 1, "process": process["id"], "status": "safe",
                    "clean_backup": true, "credentials_reset": true, "monitoring": true,
                    "supplier_confirmed": true, "declared_by": "CISO"}),
            )
            .await;
        assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let problem = early.text().await.expect("body");
        for field in ["ciso_signoff", "declared_at", "evidence"] {
            assert!(problem.contains(field), "{field} named: {problem}");
        }
        assert!(!problem.contains("\"clean_backup\""), "{problem}");
        created(
            api.put_json(
                &format!("{base}/entries/process_status/{sid}"),
                &json!({"rev": 1, "process": process["id"], "status": "safe",
                    "clean_backup": true, "credentials_reset": true, "monitoring": true,
                    "supplier_confirmed": true, "ciso_signoff": true, "declared_by": "CISO",
                    "declared_at": crisis["started_at"],
                    "evidence": "Rapport forensisch onderzoek, kenmerk FO-12"}),
            )
            .await,
        )
        .await;
        let (_, picture) = b.page(&format!("/crisis/{id}")).await;
        let text = words_of(&picture);
        assert!(text.contains("Veilig verklaard"), "{text}");
        assert!(!text.contains("Eerst herstellen: Uitkeringen"), "{text}");
    }
}

/// Legal advice is for administrators and editors, aftercare for administrators only: a
/// member, a viewer and a guest of the crisis find neither, not on its own pages, not in the
/// timeline, not in the account to the council, and not in the events of the stream (which
/// keep their place in the chain, without content).
#[tokio::test]
async fn confidential_legal_advice_and_aftercare_stay_with_those_allowed_to_read_them() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let editor = app.api_as(&email_for(Role::Editor)).await;
        let admin = app.api_as(&email_for(Role::Admin)).await;
        let crisis = created(
            editor
                .post_json(
                    "/api/v1/crises",
                    &json!({"title": "Datalek inwonersgegevens", "phase": "warm"}),
                )
                .await,
        )
        .await;
        let id = crisis["id"].as_str().expect("id").to_owned();
        let base = format!("/api/v1/crises/{id}");
        created(
            editor
                .post_json(
                    &format!("{base}/entries/legal_advice"),
                    &json!({"subject": "Aansprakelijkheid jegens schippers", "adviser": "Landsadvocaat",
                            "given_on": "2026-11-28", "advice": "Erken geen aansprakelijkheid in brieven."}),
                )
                .await,
        )
        .await;
        // An editor may not record aftercare; an administrator may.
        let refused = editor
            .post_json(
                &format!("{base}/entries/aftercare"),
                &json!({"person": "Sanne de Vries", "status": "planned", "planned_on": "2026-12-10"}),
            )
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{}", app.db_name);
        created(
            admin
                .post_json(
                    &format!("{base}/entries/aftercare"),
                    &json!({"person": "Sanne de Vries", "status": "planned", "planned_on": "2026-12-10"}),
                )
                .await,
        )
        .await;
        // A planned conversation needs its date; a held one who held it: said per field.
        let r = admin
            .post_json(
                &format!("{base}/entries/aftercare"),
                &json!({"person": "Jan Smit", "status": "held"}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let problem = r.text().await.expect("body");
        assert!(
            problem.contains("held_on") && problem.contains("held_by"),
            "{problem}"
        );

        // The guest of this crisis, invited by the editor.
        let r = editor
            .post_json(
                &format!("{base}/guests"),
                &json!({"email": "gast@extern.nl", "display_name": "Gast Extern"}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::CREATED);
        let guest_id = app.user_id("gast@extern.nl").await;
        app.store
            .set_password(
                guest_id,
                crisismap_store::NewCredential {
                    password_hash: crisismap_web::hash_password(
                        PASSWORD,
                        crisismap_web::PasswordCost::Fast,
                    ),
                    must_change: false,
                },
            )
            .await
            .expect("password");

        for (who, legal, aftercare) in [
            (email_for(Role::Admin), true, true),
            (email_for(Role::Editor), true, false),
            (email_for(Role::Member), false, false),
            (email_for(Role::Viewer), false, false),
            ("gast@extern.nl".to_owned(), false, false),
        ] {
            let mut b = app.login(&who).await;
            let expect = |allowed: bool| {
                if allowed {
                    StatusCode::OK
                } else {
                    StatusCode::FORBIDDEN
                }
            };
            let (status, page) = b.page(&format!("/crisis/{id}/juridisch-advies")).await;
            assert_eq!(status, expect(legal), "{}: {who} legal advice", app.db_name);
            assert_eq!(
                page.contains("Aansprakelijkheid jegens schippers"),
                legal,
                "{who}"
            );
            let (status, page) = b.page(&format!("/crisis/{id}/nazorg")).await;
            assert_eq!(
                status,
                expect(aftercare),
                "{}: {who} aftercare",
                app.db_name
            );
            assert_eq!(page.contains("Sanne de Vries"), aftercare, "{who}");
            let (status, _) = b.page(&format!("/crisis/{id}/nazorggesprekken")).await;
            assert_eq!(status, expect(aftercare), "{who}");
            if aftercare {
                // The form says plainly that nothing medical belongs in it.
                let (_, form) = b
                    .page(&format!("/crisis/{id}/nazorggesprekken/nieuw"))
                    .await;
                assert!(
                    words_of(&form).contains("Schrijf hier geen medische"),
                    "{}",
                    words_of(&form)
                );
            }
            // Nowhere else: the timeline, the picture, the account to the council.
            for shared in ["/tijdlijn", "", "/verantwoording"] {
                let (status, page) = b.page(&format!("/crisis/{id}{shared}")).await;
                assert_eq!(status, StatusCode::OK, "{who} /{shared}");
                assert!(
                    !page.contains("Aansprakelijkheid") && !page.contains("Sanne de Vries"),
                    "{}: {who} read a confidential entry on /{shared}",
                    app.db_name
                );
            }
            // The stream's events keep their place without their content.
            let r = b
                .get(&format!("/api/v1/streams/{id}/events?limit=1000"))
                .await;
            if who.starts_with("gast") {
                // A guest does not read streams at all.
                assert_ne!(r.status(), StatusCode::OK, "{who}");
                continue;
            }
            assert_eq!(r.status(), StatusCode::OK, "{who}");
            let events = r.text().await.expect("body");
            assert_eq!(
                events.contains("Aansprakelijkheid"),
                legal,
                "{who}: {events}"
            );
            assert_eq!(events.contains("Sanne de Vries"), aftercare, "{who}");
            assert!(legal && aftercare || events.contains("withheld"), "{who}");
        }
        // The API door says the same.
        let member = app.api_as(&email_for(Role::Member)).await;
        let r = member.get(&format!("{base}/entries/legal_advice")).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let r = member
            .post_json(
                &format!("{base}/entries/legal_advice"),
                &json!({"subject": "x", "adviser": "y", "given_on": "2026-11-28", "advice": "z"}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let r = editor.get(&format!("{base}/entries/legal_advice")).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.text().await.expect("body").contains("Landsadvocaat"));
        let r = editor.get(&format!("{base}/timeline")).await;
        assert!(!r.text().await.expect("body").contains("Aansprakelijkheid"));
    }
}

/// The demo's closed ransomware crisis, read back as the council and the team would: the
/// recovery picture against the hold-out times, the adopted account to the council as PDF
/// (decisions, legal bases, the ordinance's ratification, the costs, the advisor's own text,
/// the check value equal to the verification's), the evaluation report as PDF, and the
/// aftercare for the administrator.
#[tokio::test]
async fn the_demo_crisis_reads_back_on_paper_with_its_recovery_account_and_evaluation() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        app.fill_with_demo().await;
        let crisis = app
            .store
            .crises(app.ws)
            .await
            .expect("crises")
            .into_iter()
            .find(|c| c.state.closed)
            .expect("the demo's closed ransomware crisis");
        let id = crisis.id;
        let mut b = app.login(&email_for(Role::Viewer)).await;

        let (status, page) = b.page(&format!("/crisis/{id}/herstel")).await;
        assert_eq!(status, StatusCode::OK, "{}", app.db_name);
        assert!(page.contains("<svg"), "the recovery picture is drawn");
        let text = words_of(&page);
        for expected in [
            "Bediening bruggen en sluizen",
            "Veilig verklaard",
            "Uitkeringen en bijzondere bijstand",
            "te laat",
            "Scheepvaart op het kanaal",
        ] {
            assert!(
                text.contains(expected),
                "{}: {expected:?} in {text}",
                app.db_name
            );
        }

        let r = b.get(&format!("/crisis/{id}/verantwoording.pdf")).await;
        assert_eq!(r.status(), StatusCode::OK);
        let pdf = pdf_text(&r.bytes().await.expect("pdf"));
        let flat = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in [
            "Verantwoording aan de gemeenteraad",
            "We betalen geen losgeld",
            "Art. 176 Gemeentewet",
            "Noodverordening toegang stadskantoor",
            "raadsbesluit 2026-118",
            "141.654,55",
            "De schone back-ups maakten het verschil",
            "Vastgesteld",
            "Marleen Hoekstra, burgemeester",
        ] {
            assert!(
                flat.contains(expected),
                "{}: {expected:?} in {flat}",
                app.db_name
            );
        }
        let report = app.store.verify_stream(id).await.expect("verify");
        assert!(
            flat.contains(&report.head_hash),
            "the check value is the verification's"
        );
        assert!(
            !flat.contains("landsadvocaat"),
            "legal advice stays out of the account"
        );

        let r = b.get(&format!("/crisis/{id}/evaluatie.pdf")).await;
        assert_eq!(r.status(), StatusCode::OK);
        let pdf = pdf_text(&r.bytes().await.expect("pdf"));
        let flat = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in [
            "Evaluatierapport",
            "Interne evaluatie",
            "Leerpunten en verbeteracties",
        ] {
            assert!(
                flat.contains(expected),
                "{}: {expected:?} in {flat}",
                app.db_name
            );
        }

        // Who was involved, through the API: administrators only.
        let r = app
            .api_as(&email_for(Role::Editor))
            .await
            .get(&format!("/api/v1/crises/{id}/involved"))
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let involved: Value = app
            .api_as(&email_for(Role::Admin))
            .await
            .get(&format!("/api/v1/crises/{id}/involved"))
            .await
            .json()
            .await
            .expect("json");
        assert!(
            involved[0]["log_lines"].as_u64().is_some_and(|n| n > 0),
            "{involved}"
        );
        let mut admin = app.login(&email_for(Role::Admin)).await;
        let (status, page) = admin.page(&format!("/crisis/{id}/nazorg")).await;
        assert_eq!(status, StatusCode::OK);
        let text = words_of(&page);
        assert!(text.contains("Sanne de Vries"), "{text}");
        assert!(text.contains("Gehouden"), "{text}");
        let (_, aftermath) = admin.page("/nafase").await;
        assert!(aftermath.contains(&format!("/crisis/{id}/herstel")));
        assert!(aftermath.contains(&format!("/crisis/{id}/nazorg")));
        assert!(!words_of(&aftermath).contains("in opbouw"));
    }
}

/// A municipality adds to what the product ships: a duty type of its own (a supervisor's
/// 24-hour term, started by an emergency ordinance) and a safety check of its own. The duty's
/// deadline follows from its type, across the end of summer time; an emergency ordinance asks
/// for it on the picture; and a process is declared safe only once the own check is ticked.
#[tokio::test]
async fn the_workspace_extends_the_duty_types_and_the_safety_checks_and_both_are_kept() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let api = app.api_as(&email_for(Role::Editor)).await;
        // A term in hours or in months, not both.
        let r = api
            .post_json(
                "/api/v1/register/duty_type",
                &json!({"name": "Melding aan de toezichthouder", "basis": "Drinkwaterbesluit",
                        "term_hours": 24, "term_months": 1}),
            )
            .await;
        assert_eq!(
            r.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            app.db_name
        );
        assert!(r.text().await.expect("body").contains("hours_or_months"));
        let own = created(
            api.post_json(
                "/api/v1/register/duty_type",
                &json!({"name": "Melding aan de toezichthouder drinkwater", "basis": "Drinkwaterbesluit art. 41",
                        "term_hours": 24, "power": "gemw_176", "to_whom": "ILT"}),
            )
            .await,
        )
        .await;
        let check = created(
            api.post_json(
                "/api/v1/register/safe_check",
                &json!({"name": "Penetratietest na herstel", "description": "Door een externe partij"}),
            )
            .await,
        )
        .await;
        let process = created(
            api.post_json(
                "/api/v1/register/process",
                &json!({"name": "Drinkwaterpompen", "criticality": "vital", "restore_priority": 1}),
            )
            .await,
        )
        .await;
        let crisis = created(
            api.post_json(
                "/api/v1/crises",
                &json!({"title": "Storing pompgemalen", "phase": "warm"}),
            )
            .await,
        )
        .await;
        let base = format!("/api/v1/crises/{}", crisis["id"].as_str().expect("id"));

        // Own type without naming it: refused by name. Named: its own deadline, 24 real
        // hours across the night the clocks go back (25 October 2026).
        let r = api
            .post_json(
                &format!("{base}/entries/duty"),
                &json!({"obligation": "own", "starts_at": "2026-10-24T08:00:00Z", "status": "open"}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("required_with_own"));
        let duty = created(
            api.post_json(
                &format!("{base}/entries/duty"),
                &json!({"obligation": "own", "duty_type": own["id"], "starts_at": "2026-10-24T08:00:00Z", "status": "open"}),
            )
            .await,
        )
        .await;
        assert!(
            duty["data"]["deadline"]
                .as_str()
                .is_some_and(|d| d.starts_with("2026-10-25T08:00:00")),
            "{duty}"
        );

        // An emergency ordinance asks for the own duty on the picture.
        let now = jiff::Timestamp::from_microsecond(app.clock.now_us()).expect("now");
        created(
            api.post_json(
                &format!("{base}/entries/decision"),
                &json!({"title": "Noodverordening pompgemalen", "decision": "Toegang tot de gemalen alleen met pas",
                        "decided_by": "Burgemeester", "power": "gemw_176", "considerations": "Onbevoegden bij de gemalen zijn een risico.", "decided_at": now.to_string()}),
            )
            .await,
        )
        .await;
        let mut b = app.login(&email_for(Role::Viewer)).await;
        let (_, picture) = b
            .page(&format!("/crisis/{}", crisis["id"].as_str().expect("id")))
            .await;
        assert!(
            words_of(&picture).contains("Melding aan de toezichthouder drinkwater"),
            "{}: the own duty is asked for",
            app.db_name
        );

        // Safe again: the product's five checks are not enough without the own one.
        let safe = |own_checks: Value| {
            json!({"process": process["id"], "status": "safe",
                   "clean_backup": true, "credentials_reset": true, "monitoring": true,
                   "supplier_confirmed": true, "ciso_signoff": true,
                   "declared_by": "CISO", "declared_at": now.to_string(),
                   "evidence": "Rapport FO-2026-031", "own_checks": own_checks})
        };
        let r = api
            .post_json(&format!("{base}/entries/process_status"), &safe(json!([])))
            .await;
        assert_eq!(
            r.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            app.db_name
        );
        assert!(r.text().await.expect("body").contains("own_checks_missing"));
        let r = api
            .post_json(
                &format!("{base}/entries/process_status"),
                &safe(json!([{"check": check["id"], "done": false}])),
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        created(
            api.post_json(
                &format!("{base}/entries/process_status"),
                &safe(json!([{"check": check["id"], "done": true}])),
            )
            .await,
        )
        .await;
    }
}

/// The sum of the readiness scores on the overview ("3 / 7" per phase: the 3s).
fn readiness_done(dashboard: &str) -> usize {
    dashboard
        .split("class=\"score\">")
        .skip(1)
        .filter_map(|s| s.split(" / ").next()?.trim().parse::<usize>().ok())
        .sum()
}

/// The story through the API, on both engines: a warm crisis with an emergency
/// ordinance, the handover with an open action to the line, recovery to "safe again" with its
/// evidence, the evaluation with a finding that cites the log and the decision, its lesson as
/// an improvement action in the register (the overview's readiness score goes up), costs, the
/// adopted account to the council read back from its PDF (decision, legal basis, the
/// ordinance's ratification, cost totals, the check value `crisismap verify` prints), then the
/// dossier closed and every further write refused.
#[tokio::test]
async fn from_the_warm_phase_through_the_whole_aftermath_to_a_closed_dossier() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let api = app.api_as(&email_for(Role::Editor)).await;
        let now = jiff::Timestamp::from_microsecond(app.clock.now_us()).expect("now");
        let at = |minutes: i64| {
            now.checked_add(jiff::SignedDuration::from_mins(minutes))
                .expect("moment")
                .to_string()
        };
        let process = created(
            api.post_json(
                "/api/v1/register/process",
                &json!({"name": "Zaaksysteem sociaal domein", "criticality": "high", "restore_priority": 1, "max_downtime_hours": 24}),
            )
            .await,
        )
        .await;
        let crisis = created(
            api.post_json(
                "/api/v1/crises",
                &json!({"title": "Ransomware sociaal domein", "phase": "warm", "started_at": at(-600)}),
            )
            .await,
        )
        .await;
        let id = crisis["id"].as_str().expect("id").to_owned();
        let base = format!("/api/v1/crises/{id}");
        let post = |kind: &'static str, body: Value| {
            let api = &api;
            let url = format!("{base}/entries/{kind}");
            async move { created(api.post_json(&url, &body).await).await }
        };
        let status = post(
            "process_status",
            json!({"process": process["id"], "status": "down", "since": at(-590)}),
        )
        .await;
        let log = post(
            "log",
            json!({"category": "report", "text": "Zaaksysteem versleuteld; losgeldbericht op de servers", "occurred_at": at(-580)}),
        )
        .await;
        let decision = post(
            "decision",
            json!({"title": "Noodverordening toegang stadskantoor", "decision": "Alleen medewerkers met pas",
                   "considerations": "Besmette apparaten van buiten houden", "decided_by": "Burgemeester",
                   "power": "gemw_176", "decided_at": at(-500)}),
        )
        .await;
        post(
            "duty",
            json!({"obligation": "ordinance_ratify", "starts_at": at(-500), "status": "done", "done_at": at(-60),
                   "done_by": "Gemeenteraad", "evidence": "Bekrachtigd, raadsbesluit 2026-77", "decision": decision["id"]}),
        )
        .await;
        let action = post(
            "action",
            json!({"what": "Achterstand aanvragen wegwerken", "status": "new", "owner_name": "Teamleider crisis"}),
        )
        .await;
        for (what, amount) in [
            ("Forensisch onderzoek", "12.100,00"),
            ("Overuren", "3.456,78"),
        ] {
            post(
                "cost",
                json!({"description": what, "category": "external_expertise", "amount": amount, "vat": "0,00",
                       "date": now.to_zoned(crisismap_core::time::amsterdam().clone()).date().to_string(), "status": "invoiced"}),
            )
            .await;
        }

        // The handover: the open action to the line, the process still being restored.
        let r = api
            .post_json(
                &format!("{base}/handover"),
                &json!({"coordinator": "Gemeentesecretaris", "reason": "Acute fase voorbij",
                        "transfers": [{"action": action["id"], "owner": "Afdeling Werk en Inkomen"}],
                        "restoring": [process["id"]]}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK, "{}", app.db_name);

        // Recovery: restored, then declared safe on the evidence.
        let sid = status["id"].as_str().expect("id");
        let restored = created(
            api.put_json(
                &format!("{base}/entries/process_status/{sid}"),
                &json!({"rev": 1, "process": process["id"], "status": "restored", "since": at(-30)}),
            )
            .await,
        )
        .await;
        created(
            api.put_json(
                &format!("{base}/entries/process_status/{sid}"),
                &json!({"rev": restored["rev"], "process": process["id"], "status": "safe", "since": at(-30),
                        "clean_backup": true, "credentials_reset": true, "monitoring": true,
                        "supplier_confirmed": true, "ciso_signoff": true, "declared_by": "CISO",
                        "declared_at": at(-10), "evidence": "Forensisch rapport FO-77"}),
            )
            .await,
        )
        .await;
        let mut viewer = app.login(&email_for(Role::Viewer)).await;
        let (_, recovery) = viewer.page(&format!("/crisis/{id}/herstel")).await;
        let text = words_of(&recovery);
        assert!(
            text.contains("Zaaksysteem sociaal domein Veilig verklaard"),
            "{text}"
        );
        assert!(text.contains("Nog 0 niet terug"), "{text}");
        let recovery: Value = api
            .get(&format!("{base}/recovery"))
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(recovery[0]["status"], "safe", "{recovery}");
        assert_eq!(recovery[0]["open"], false);
        assert_eq!(recovery[0]["late"], false, "back within its 24 hours");
        assert_eq!(
            recovery[0]["stretches"]
                .as_array()
                .map(|s| s.iter().map(|x| x["status"].clone()).collect::<Vec<_>>()),
            Some(vec![json!("down"), json!("restored"), json!("safe")])
        );

        // The evaluation; a finding that cites the log and the decision, with its lesson.
        let evaluation = post(
            "evaluation",
            json!({"title": "Hot wash sociaal domein", "method": "hot_wash", "held_on": now.to_zoned(crisismap_core::time::amsterdam().clone()).date().to_string(), "led_by": "Adviseur crisisbeheersing"}),
        )
        .await;
        let lesson = "Offline kopie van de piketlijst bij de servicedesk leggen";
        post(
            "finding",
            json!({"theme": "alerting", "verdict": "to_improve", "finding": "De servicedesk kon de CISO niet bereiken",
                   "lesson": lesson, "log": log["id"], "decision": decision["id"], "evaluation": evaluation["id"]}),
        )
        .await;
        let (_, before) = viewer.page("/").await;
        created(
            api.post_json(
                "/api/v1/register/improvement",
                &json!({"name": "Piketlijst offline bij de servicedesk", "lesson": lesson, "theme": "alerting",
                        "source": "Hot wash sociaal domein", "status": "open"}),
            )
            .await,
        )
        .await;
        let (_, after) = viewer.page("/").await;
        assert_eq!(
            readiness_done(&after),
            readiness_done(&before) + 1,
            "{}: the lessons are carried through",
            app.db_name
        );
        let r = viewer.get(&format!("/crisis/{id}/evaluatie.pdf")).await;
        let pdf = pdf_text(&r.bytes().await.expect("pdf"));
        let flat = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("Zaaksysteem versleuteld"),
            "the cited log line: {flat}"
        );
        assert!(
            flat.contains("Piketlijst offline bij de servicedesk"),
            "its action: {flat}"
        );

        // The account, adopted, and read back from paper.
        post(
            "account_text",
            json!({"title": "Verantwoording ransomware sociaal domein", "status": "adopted",
                   "introduction": "Zo hebben wij de aanval bestreden.", "adopted_by": "Burgemeester",
                   "adopted_on": now.to_zoned(crisismap_core::time::amsterdam().clone()).date().to_string()}),
        )
        .await;
        let r = viewer
            .get(&format!("/crisis/{id}/verantwoording.pdf"))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let pdf = pdf_text(&r.bytes().await.expect("pdf"));
        let flat = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
        let report = app
            .store
            .verify_stream(id.parse().expect("id"))
            .await
            .expect("verify");
        for expected in [
            "Noodverordening toegang stadskantoor",
            "Art. 176 Gemeentewet",
            "Bekrachtigd, raadsbesluit 2026-77",
            "€ 15.556,78",
            "Zo hebben wij de aanval bestreden.",
            "Vastgesteld",
            report.head_hash.as_str(),
        ] {
            assert!(
                flat.contains(expected),
                "{}: {expected:?} in {flat}",
                app.db_name
            );
        }

        // Closed: nothing more is recorded.
        let r = api
            .post_json(
                &format!("{base}/close"),
                &json!({"reason": "Nafase afgerond"}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK, "{}", app.db_name);
        let late = api
            .post_json(
                &format!("{base}/entries/cost"),
                &json!({"description": "Nagekomen factuur", "category": "other", "amount": "10,00",
                        "date": "2026-11-28", "status": "invoiced"}),
            )
            .await;
        assert!(late.status().is_client_error(), "{}", late.status());
        assert!(late.text().await.expect("body").contains("closed"));
    }
}
