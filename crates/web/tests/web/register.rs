//! Stories of the preparation register, through the HTTP layer, on SQLite and (when
//! configured) PostgreSQL.

use crate::common::*;
use crisismap_core::Role;
use crisismap_core::register::RecordKind;
use crisismap_testing::TestDb;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// The part of a page between an element's id and the end of its table row.
fn row<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("{id} not on the page"));
    let end = page[start..]
        .find("</tr>")
        .map(|e| start + e)
        .unwrap_or(page.len());
    &page[start..end]
}

async fn editor(app: &TestApp) -> Browser {
    let mut b = app.login(&email_for(Role::Editor)).await;
    b.refresh_csrf("/voorbereiden/contacten").await;
    b
}

fn id_from(location: &str) -> String {
    location
        .split('/')
        .nth(3)
        .and_then(|s| s.split('?').next())
        .expect("an id in the location")
        .to_owned()
}

#[tokio::test]
async fn the_advisor_puts_the_ciso_on_call_and_the_dashboard_shows_them_reachable_now() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await; // the clock stands at 28-11-2026 10:00 Dutch time
        let mut b = editor(&app).await;
        let r = b
            .post_form(
                "/voorbereiden/contacten",
                &[
                    ("name", "Sanne de Vries"),
                    ("function", "CISO"),
                    ("phones.0.label", "night"),
                    ("phones.0.number", "06-12345678"),
                    ("alternative_channel", "Portofoon kanaal 3"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        let sanne = id_from(&location(r.headers()));

        let (_, readiness) = b.page("/voorbereiden/gereedheid").await;
        assert!(row(&readiness, "r-ciso_reachable").contains("niet begonnen"));

        // One week on call: not yet the whole coming week.
        let r = b
            .post_form(
                "/voorbereiden/piket",
                &[
                    ("name", "CISO-piket"),
                    ("duty", "ciso"),
                    ("shifts.0.person", &sanne),
                    ("shifts.0.start", "2026-11-28T08:00"),
                    ("shifts.0.end", "2026-12-05T08:00"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let roster = id_from(&location(r.headers()));
        let (_, dashboard) = b.page("/").await;
        assert!(dashboard.contains("Sanne de Vries"), "reachable now");
        assert!(dashboard.contains("06 12345678") && dashboard.contains("tel:+31612345678"));
        assert!(
            dashboard.contains("gat vanaf 05-12-2026 08:00"),
            "the gap is flagged"
        );
        let (_, readiness) = b.page("/voorbereiden/gereedheid").await;
        assert!(!row(&readiness, "r-ciso_reachable").contains("in orde"));
        // The roster's own page gives the number beside each shift, to call from it.
        let (_, detail) = b.page(&format!("/voorbereiden/piket/{roster}")).await;
        let shifts = &detail[detail.find("Diensten").expect("the shifts")..];
        assert!(
            shifts.contains("Telefoonnummers")
                && shifts.contains("href=\"tel:+31612345678\"")
                && shifts.contains("06 12345678"),
            "{shifts}"
        );

        // The second week closes the gap: the readiness item is proven.
        let (_, form) = b
            .page(&format!("/voorbereiden/piket/{roster}/bewerken"))
            .await;
        assert!(form.contains("name=\"rev\" value=\"1\""));
        let r = b
            .post_form(
                &format!("/voorbereiden/piket/{roster}"),
                &[
                    ("rev", "1"),
                    ("name", "CISO-piket"),
                    ("duty", "ciso"),
                    ("shifts.0.person", &sanne),
                    ("shifts.0.start", "2026-11-28T08:00"),
                    ("shifts.0.end", "2026-12-05T08:00"),
                    ("shifts.1.person", &sanne),
                    ("shifts.1.start", "2026-12-05T08:00"),
                    ("shifts.1.end", "2026-12-12T08:00"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, readiness) = b.page("/voorbereiden/gereedheid").await;
        let item = row(&readiness, "r-ciso_reachable");
        assert!(
            item.contains("in orde") && item.contains("CISO-piket"),
            "{item}"
        );
        let (_, dashboard) = b.page("/").await;
        assert!(!dashboard.contains("gat vanaf"));

        // A week later the roster runs out in the coming week again.
        app.clock.advance_minutes(8 * 24 * 60);
        let mut b = app.login(&email_for(Role::Viewer)).await;
        let (_, dashboard) = b.page("/").await;
        assert!(
            dashboard.contains("gat vanaf 12-12-2026 08:00"),
            "{}",
            app.db_name
        );
    }
}

#[tokio::test]
async fn a_contact_file_with_one_bad_row_among_500_is_refused_whole() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let b = editor(&app).await;
        let mut csv = String::from("Naam;Functie;Mobiel;E-mailadres\r\n");
        for i in 1..=500 {
            let phone = if i == 316 {
                "06-12ab5678".to_owned()
            } else {
                format!("06-{:08}", 10_000_000 + i)
            };
            csv.push_str(&format!(
                "Persoon {i};Medewerker;{phone};p{i}@voorbeeld.nl\r\n"
            ));
        }
        let upload = |body: String| {
            reqwest::multipart::Form::new()
                .text("_csrf", b.csrf.clone())
                .part(
                    "bestand",
                    reqwest::multipart::Part::bytes(body.into_bytes()).file_name("contacten.csv"),
                )
        };
        let r = b
            .client
            .post(format!("{}/voorbereiden/contacten/import", app.base))
            .multipart(upload(csv.clone()))
            .send()
            .await
            .expect("upload");
        assert_eq!(
            r.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            app.db_name
        );
        let page = r.text().await.expect("body");
        assert!(
            page.contains("regel 317"),
            "the header is line 1, so person 316 is on line 317"
        );
        assert!(page.contains("Het bestand is niet geïmporteerd"));
        assert!(
            app.store
                .records(app.ws, RecordKind::Contact)
                .await
                .expect("r")
                .is_empty()
        );

        let fixed = csv.replace("06-12ab5678", "06-10000316");
        let r = b
            .client
            .post(format!("{}/voorbereiden/contacten/import", app.base))
            .multipart(upload(fixed))
            .send()
            .await
            .expect("upload");
        assert_eq!(r.status(), StatusCode::OK);
        let preview = r.text().await.expect("body");
        assert!(preview.contains("aantal contacten: 500"));
        let payload = {
            let marker = "name=\"bestand\" value=\"";
            let start = preview.find(marker).expect("payload") + marker.len();
            preview[start..]
                .chars()
                .take_while(|c| *c != '"')
                .collect::<String>()
        };
        let r = b
            .post_form(
                "/voorbereiden/contacten/import/bevestigen",
                &[("bestand", &payload)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.store
                .records(app.ws, RecordKind::Contact)
                .await
                .expect("r")
                .len(),
            500
        );
        // Importing the same file again is refused whole: every name is taken.
        let r = b
            .post_form(
                "/voorbereiden/contacten/import/bevestigen",
                &[("bestand", &payload)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            app.store
                .records(app.ws, RecordKind::Contact)
                .await
                .expect("r")
                .len(),
            500
        );
    }
}

#[tokio::test]
async fn a_viewer_reads_the_register_but_cannot_change_it() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let mut viewer = app.login(&email_for(Role::Viewer)).await;
        let (status, list) = viewer.page("/voorbereiden/contacten").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            !list.contains("/voorbereiden/contacten/nieuw"),
            "no add button for a viewer"
        );
        assert_eq!(
            viewer.get("/voorbereiden/contacten/nieuw").await.status(),
            StatusCode::FORBIDDEN
        );
        let r = viewer
            .post_form("/voorbereiden/contacten", &[("name", "Stiekem")])
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{}", app.db_name);
        let api = app.api_as(&email_for(Role::Viewer)).await;
        let r = api
            .post_json("/api/v1/register/contact", &json!({"name": "Via de API"}))
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert!(
            app.store
                .records(app.ws, RecordKind::Contact)
                .await
                .expect("r")
                .is_empty()
        );
        assert_eq!(
            api.get("/api/v1/register/contact").await.status(),
            StatusCode::OK
        );
    }
}

#[tokio::test]
async fn bad_input_gets_a_message_per_field_and_loses_nothing() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let b = editor(&app).await;
        let ok = b
            .post_form("/voorbereiden/contacten", &[("name", "Anna Bakker")])
            .await;
        assert_eq!(ok.status(), StatusCode::SEE_OTHER);
        let anna = id_from(&location(ok.headers()));

        // A duplicate name and an invalid phone number: both said, the input kept.
        let r = b
            .post_form(
                "/voorbereiden/contacten",
                &[
                    ("name", "anna bakker"),
                    ("function", "Wethouder <b>ICT</b>"),
                    ("phones.0.label", "mobile"),
                    ("phones.0.number", "06-1234"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("body");
        assert!(page.contains("Dit is geen geldig telefoonnummer"), "{page}");
        assert!(
            page.contains("value=\"06-1234\"") && page.contains("Wethouder &#60;b&#62;ICT")
                || page.contains("Wethouder &lt;b&gt;ICT")
        );
        assert!(page.contains("aria-invalid=\"true\""));
        let r = b
            .post_form("/voorbereiden/contacten", &[("name", "anna bakker")])
            .await;
        assert!(
            r.text()
                .await
                .expect("body")
                .contains("Deze naam is al in gebruik")
        );

        // Overlapping shifts are refused with the row named.
        let r = b
            .post_form(
                "/voorbereiden/piket",
                &[
                    ("name", "Piket"),
                    ("duty", "crisis_advisor"),
                    ("shifts.0.person", &anna),
                    ("shifts.0.start", "2026-12-01T08:00"),
                    ("shifts.0.end", "2026-12-08T08:00"),
                    ("shifts.1.person", &anna),
                    ("shifts.1.start", "2026-12-07T08:00"),
                    ("shifts.1.end", "2026-12-14T08:00"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("body");
        assert!(
            page.contains("Diensten, rij 2: Van: Deze dienst overlapt met een andere dienst."),
            "{page}"
        );
        assert!(
            app.store
                .records(app.ws, RecordKind::Roster)
                .await
                .expect("r")
                .is_empty()
        );

        // The API lists every invalid field.
        let api = app.api_as(&email_for(Role::Editor)).await;
        let r = api
            .post_json(
                "/api/v1/register/contact",
                &json!({"name": "", "email": "geen adres", "phones": [{"label": "mobile", "number": "12"}]}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let problem: Value = r.json().await.expect("json");
        let fields: Vec<&str> = problem["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .filter_map(|e| e["field"].as_str())
            .collect();
        assert_eq!(
            fields,
            vec!["name", "email", "phones.0.number"],
            "{}",
            app.db_name
        );
        assert_eq!(
            app.store
                .records(app.ws, RecordKind::Contact)
                .await
                .expect("r")
                .len(),
            1
        );
    }
}

#[tokio::test]
async fn a_save_based_on_a_stale_version_is_refused_and_keeps_the_typed_input() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let b = editor(&app).await;
        let r = b
            .post_form(
                "/voorbereiden/plannen",
                &[
                    ("name", "Crisisplan"),
                    ("plan_type", "crisis_plan"),
                    ("version", "1.0"),
                ],
            )
            .await;
        let plan = id_from(&location(r.headers()));
        let other = app.login(&email_for(Role::Admin)).await;
        let first = other
            .post_form(
                &format!("/voorbereiden/plannen/{plan}"),
                &[
                    ("rev", "1"),
                    ("name", "Crisisplan"),
                    ("plan_type", "crisis_plan"),
                    ("version", "2.0"),
                ],
            )
            .await;
        assert_eq!(first.status(), StatusCode::SEE_OTHER);
        let second = b
            .post_form(
                &format!("/voorbereiden/plannen/{plan}"),
                &[
                    ("rev", "1"),
                    ("name", "Crisisplan"),
                    ("plan_type", "crisis_plan"),
                    ("version", "1.1"),
                ],
            )
            .await;
        assert_eq!(second.status(), StatusCode::CONFLICT, "{}", app.db_name);
        let page = second.text().await.expect("body");
        assert!(page.contains("Iemand anders heeft dit intussen gewijzigd"));
        assert!(
            page.contains("value=\"1.1\""),
            "what this editor typed is kept"
        );
        assert!(
            page.contains("name=\"rev\" value=\"2\""),
            "the form now carries the new revision"
        );
        let record = app
            .store
            .record(app.ws, plan.parse().expect("id"))
            .await
            .expect("plan");
        assert_eq!(record.text("version"), Some("2.0"));

        let api = app.api_as(&email_for(Role::Editor)).await;
        let r = api
            .client
            .put(format!("{}/api/v1/register/plan/{plan}", app.base))
            .bearer_auth(&api.token)
            .json(&json!({"rev": 1, "name": "Crisisplan", "plan_type": "crisis_plan"}))
            .send()
            .await
            .expect("put");
        assert_eq!(r.status(), StatusCode::CONFLICT);
    }
}

#[tokio::test]
async fn the_roster_calendar_feed_parses_and_holds_the_shifts() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    let b = editor(&app).await;
    let r = b
        .post_form(
            "/voorbereiden/contacten",
            &[
                ("name", "Koen Visser"),
                ("phones.0.label", "mobile"),
                ("phones.0.number", "0612345008"),
            ],
        )
        .await;
    let koen = id_from(&location(r.headers()));
    let mut fields = vec![
        ("name".to_owned(), "Piket adviseur".to_owned()),
        ("duty".to_owned(), "crisis_advisor".to_owned()),
    ];
    for w in 0..3 {
        fields.push((format!("shifts.{w}.person"), koen.clone()));
        fields.push((
            format!("shifts.{w}.start"),
            format!("2026-12-{:02}T08:00", 1 + 7 * w),
        ));
        fields.push((
            format!("shifts.{w}.end"),
            format!("2026-12-{:02}T08:00", 8 + 7 * w),
        ));
    }
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = b.post_form("/voorbereiden/piket", &refs).await;
    let roster = id_from(&location(r.headers()));
    let r = b
        .post_form(&format!("/voorbereiden/piket/{roster}/agendalink"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.expect("body");
    let start = page.find("/agenda/").expect("link shown once");
    let link: String = page[start..].chars().take_while(|c| *c != '<').collect();
    assert!(
        page.contains(&format!("{}{link}", app.base)),
        "the whole address is shown"
    );

    let feed = reqwest::get(format!("{}{link}", app.base))
        .await
        .expect("feed");
    assert_eq!(
        feed.status(),
        StatusCode::OK,
        "no login needed: the link is the key"
    );
    assert!(
        feed.headers()["content-type"]
            .to_str()
            .unwrap_or("")
            .starts_with("text/calendar")
    );
    let text = feed.text().await.expect("body");
    let unfolded = icalendar::parser::unfold(&text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("a valid calendar");
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 3);
    let summaries: Vec<String> = events
        .iter()
        .filter_map(|e| e.find_prop("SUMMARY").map(|p| p.val.to_string()))
        .collect();
    assert!(
        summaries.iter().all(|s| s.contains("Koen Visser")),
        "{summaries:?}"
    );
    let starts: Vec<String> = events
        .iter()
        .filter_map(|e| e.find_prop("DTSTART").map(|p| p.val.to_string()))
        .collect();
    assert!(
        starts.contains(&"20261201T070000Z".to_owned()),
        "08:00 Dutch winter time is 07:00 UTC: {starts:?}"
    );

    let wrong = reqwest::get(format!("{}/agenda/verzonnen.ics", app.base))
        .await
        .expect("feed");
    assert_eq!(wrong.status(), StatusCode::NOT_FOUND);
    // A new link replaces the old one.
    b.post_form(&format!("/voorbereiden/piket/{roster}/agendalink"), &[])
        .await;
    let old = reqwest::get(format!("{}{link}", app.base))
        .await
        .expect("feed");
    assert_eq!(old.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn contacts_go_to_phones_and_spreadsheets_without_formulas() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    let b = editor(&app).await;
    b.post_form(
        "/voorbereiden/contacten",
        &[
            ("name", "=HYPERLINK(\"http://evil.example\")"),
            ("notes", "@SUM(A1)"),
            ("phones.0.label", "mobile"),
            ("phones.0.number", "06-12345678"),
        ],
    )
    .await;
    b.post_form(
        "/voorbereiden/contacten",
        &[
            ("name", "Jan; de Boer, jr."),
            ("phones.0.label", "work"),
            ("phones.0.number", "+44 20 7946 0958"),
        ],
    )
    .await;
    let csv = b
        .get("/voorbereiden/contacten/export.csv")
        .await
        .text()
        .await
        .expect("csv");
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(csv.contains("'@SUM"));
    let vcf = b
        .get("/voorbereiden/contacten/export.vcf")
        .await
        .text()
        .await
        .expect("vcf");
    assert_eq!(vcf.matches("BEGIN:VCARD").count(), 2);
    assert!(vcf.contains("+31612345678") && vcf.contains("+442079460958"));
    assert!(vcf.contains("FN:Jan\\; de Boer\\, jr."), "{vcf}");
}

#[tokio::test]
async fn the_restore_order_is_changed_with_buttons() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    let mut b = editor(&app).await;
    for (name, prio) in [("Bruggen", "1"), ("Website", "2"), ("Uitkeringen", "3")] {
        let r = b
            .post_form(
                "/voorbereiden/processen",
                &[
                    ("name", name),
                    ("criticality", "high"),
                    ("restore_priority", prio),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let uitkeringen = app
        .store
        .records(app.ws, RecordKind::Process)
        .await
        .expect("r")
        .into_iter()
        .find(|r| r.title == "Uitkeringen")
        .expect("process")
        .id;
    b.refresh_csrf("/voorbereiden/processen").await;
    let r = b
        .post_form(
            &format!("/voorbereiden/processen/{uitkeringen}/volgorde/omhoog"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, list) = b.page("/voorbereiden/processen").await;
    let pos = |name: &str| list.find(&format!(">{name}</a>")).expect(name);
    assert!(
        pos("Bruggen") < pos("Uitkeringen") && pos("Uitkeringen") < pos("Website"),
        "{list}"
    );
}

#[tokio::test]
async fn a_new_workspace_starts_with_the_guidance_teams_and_escalation_flow() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    crisismap_store::seed::seed_defaults(
        &app.store,
        app.ws,
        &crisismap_core::event::Actor::System("test".into()),
    )
    .await
    .expect("defaults");
    let mut b = app.login(&email_for(Role::Viewer)).await;
    let (_, teams) = b.page("/voorbereiden/teams").await;
    for t in [
        "Gemeentelijk calamiteitenteam",
        "Lokale driehoek",
        "Gemeentelijk Beleidsteam (GBT)",
    ] {
        assert!(teams.contains(t), "{t}");
    }
    let (_, flow) = b.page("/voorbereiden/opschaling").await;
    assert!(flow.contains("Opschalingsschema"));
    assert!(flow.contains("Voorzitter veiligheidsregio (GRIP 4)"));
    let (_, readiness) = b.page("/voorbereiden/gereedheid").await;
    assert!(
        row(&readiness, "r-escalation_agreements").contains("in orde"),
        "proven by the default agreement"
    );
}

#[tokio::test]
async fn a_readiness_item_records_its_owner_evidence_and_links_to_the_register() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let mut b = editor(&app).await;
        let r = b
            .post_form("/voorbereiden/contacten", &[("name", "Jeroen Bakker")])
            .await;
        let jeroen = id_from(&location(r.headers()));
        let r = b
            .post_form(
                "/voorbereiden/plannen",
                &[
                    ("name", "Draaiboek noodbevoegdheden"),
                    ("plan_type", "crisis_plan"),
                ],
            )
            .await;
        let plan = id_from(&location(r.headers()));
        let (status, form) = b
            .page("/voorbereiden/gereedheid/advise_mayor/bewerken")
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains("action=\"/voorbereiden/gereedheid/advise_mayor\""));
        let r = b
            .post_form(
                "/voorbereiden/gereedheid/advise_mayor",
                &[
                    ("status", "in_order"),
                    ("owner", &jeroen),
                    ("evidence", "Briefing met de burgemeester op 12-11"),
                    ("last_reviewed", "2026-11-12"),
                    ("links.0.record", &plan),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        let (_, page) = b.page("/voorbereiden/gereedheid").await;
        let item = row(&page, "r-advise_mayor");
        for expected in [
            "in orde",
            "Jeroen Bakker",
            "Briefing met de burgemeester",
            "12-11-2026",
            "Draaiboek noodbevoegdheden",
        ] {
            assert!(item.contains(expected), "{expected} in {item}");
        }
        // Saving again updates the same record instead of adding a second one.
        let r = b
            .post_form(
                "/voorbereiden/gereedheid/advise_mayor",
                &[("rev", "1"), ("status", "in_progress")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let records = app
            .store
            .records(app.ws, RecordKind::Readiness)
            .await
            .expect("r");
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].text("status"), Some("in_progress"));
        // A link to something that does not exist is refused.
        let r = b
            .post_form(
                "/voorbereiden/gereedheid/ivp",
                &[
                    ("status", "in_order"),
                    ("links.0.record", "01a22257-7010-71d5-892c-1eb1369ba05d"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
}
