//! The record as it happened: a team that worked on paper types its log and decisions back
//! in with the times written on them; a supplier's failure is dated back to when it failed;
//! the timeline and both prints follow the moments things happened and say when they were
//! recorded; the API is strict on every command; on-call can be asked for any moment.

use crate::authz::{Ids, fill, routes};
use crate::common::*;
use crisismap_core::Role;
use crisismap_testing::TestDb;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// The fields of one problem+json answer, as `field:code`.
async fn problems(r: reqwest::Response) -> Vec<String> {
    let body: Value = r.json().await.expect("problem+json");
    body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    format!(
                        "{}:{}",
                        e["field"].as_str().unwrap_or(""),
                        e["code"].as_str().unwrap_or("")
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The test clock stands at 2026-11-28 09:00 UTC (10:00 in Amsterdam). The crisis began at
/// 06:00 Amsterdam time; the network was down from 07:00 to 09:45 and the team kept the log
/// and the decision list on the paper forms of the printed folder.
#[tokio::test]
async fn paper_typed_back_in_and_a_failure_dated_back_keep_the_record_as_it_happened() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let advisor = app.api_as(&email_for(Role::Editor)).await;
        let supplier = created(
            advisor
                .post_json(
                    "/api/v1/register/organisation",
                    &json!({"name": "BrugSturing B.V.", "org_type": "supplier"}),
                )
                .await,
        )
        .await["id"]
            .as_str()
            .expect("id")
            .to_owned();
        created(
            advisor
                .post_json(
                    "/api/v1/register/process",
                    &json!({"name": "Bruggen bedienen", "criticality": "vital", "restore_priority": 1,
                        "depends_on": [{"on": supplier, "hold_out_minutes": 60}]}),
                )
                .await,
        )
        .await;
        let crisis = created(
            advisor
                .post_json(
                    "/api/v1/crises",
                    &json!({"title": "Storing brugbediening", "phase": "warm", "started_at": "2026-11-28T06:00"}),
                )
                .await,
        )
        .await["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let base = format!("/api/v1/crises/{crisis}");

        // The supplier failed at 08:30 (Amsterdam), an hour and a half before it is typed in:
        // the bridges stop an hour later, at 09:30, not an hour from now.
        let future = advisor
            .post_json(
                &format!("{base}/failing"),
                &json!({"nodes": [supplier], "occurred_at": "2026-11-28T11:00", "reason": "x"}),
            )
            .await;
        assert_eq!(future.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problems(future).await, ["occurred_at:in_future"]);
        created(
            advisor
                .post_json(
                    &format!("{base}/failing"),
                    &json!({"nodes": [supplier], "occurred_at": "2026-11-28T08:30", "reason": "Melding van BrugSturing"}),
                )
                .await,
        )
        .await;
        let cascade: Value = advisor
            .get(&format!("{base}/cascade"))
            .await
            .json()
            .await
            .expect("json");
        let bridges = cascade
            .as_array()
            .expect("impacts")
            .iter()
            .find(|i| i["node"] == "Bruggen bedienen")
            .expect("the bridges are hit");
        assert_eq!(bridges["minutes"], 60, "{}", app.db_name);
        assert_eq!(
            bridges["expected_at"], "28-11-2026 09:30",
            "{}",
            app.db_name
        );

        // "GRIP stays at 3" is recorded as such, with its reason.
        created(
            advisor
                .post_json(
                    &format!("{base}/grip"),
                    &json!({"grip": "grip3", "reason": "Bruggen en sluizen liggen stil", "occurred_at": "2026-11-28T07:15"}),
                )
                .await,
        )
        .await;
        let kept = created(
            advisor
                .post_json(
                    &format!("{base}/confirmations"),
                    &json!({"aspect": "grip", "reason": "Geen effecten buiten de gemeente: geen GRIP 4", "occurred_at": "2026-11-28T08:45"}),
                )
                .await,
        )
        .await;
        assert_eq!(kept["grip"], "grip3");

        // The paper log, sheet 3 of form LB-2611280600: twenty rows, typed in through the
        // page. One sheet with two bad rows is refused whole, each bad row named, and
        // nothing of it is saved.
        let mut b = app.login(&email_for(Role::Member)).await;
        let (status, page) = b
            .page(&format!("/crisis/{crisis}/overnemen?formulier=logboek"))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            page.contains("name=\"rows.0.occurred_at\""),
            "a row to type into"
        );
        let mut rows: Vec<(String, String)> = vec![
            ("formulier".into(), "logboek".into()),
            ("form".into(), "LB-2611280600".into()),
            ("page".into(), "3".into()),
            ("written_by".into(), "Sanne de Vries".into()),
        ];
        for i in 0..20 {
            let minute = 7 * 60 + 5 + i * 7; // 07:05, 07:12, … 09:18
            let time = format!("2026-11-28T{:02}:{:02}", minute / 60, minute % 60);
            rows.push((format!("rows.{i}.occurred_at"), time));
            rows.push((format!("rows.{i}.category"), "report".into()));
            rows.push((
                format!("rows.{i}.text"),
                format!("Papieren melding {:02}", i + 1),
            ));
            rows.push((format!("rows.{i}.source"), "Brugwachter".into()));
        }
        let mut bad = rows.clone();
        for (k, v) in bad.iter_mut() {
            if k == "rows.6.text" {
                v.clear();
            }
            if k == "rows.11.occurred_at" {
                *v = "2026-11-28T23:00".into();
            }
        }
        let fields: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = b
            .post_form(&format!("/crisis/{crisis}/overnemen"), &fields)
            .await;
        assert_eq!(
            r.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            app.db_name
        );
        let html = r.text().await.expect("page");
        assert!(html.contains("id=\"r6-text-error\""), "row 7 is named");
        assert!(
            html.contains("id=\"r11-occurred_at-error\""),
            "row 12 is named"
        );
        assert!(
            html.contains("Papieren melding 20"),
            "what was typed is kept"
        );
        let logged: Value = advisor
            .get(&format!("{base}/entries/log"))
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(
            logged.as_array().map(Vec::len),
            Some(0),
            "nothing was saved"
        );

        let fields: Vec<(&str, &str)> =
            rows.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = b
            .post_form(&format!("/crisis/{crisis}/overnemen"), &fields)
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        let next = location(r.headers());
        assert!(
            next.contains("blad=4") && next.contains("nummer=LB-2611280600"),
            "on to the next sheet: {next}"
        );
        let logged: Value = advisor
            .get(&format!("{base}/entries/log?limit=100"))
            .await
            .json()
            .await
            .expect("json");
        let logged = logged.as_array().expect("entries");
        assert_eq!(logged.len(), 20);
        assert_eq!(logged[0]["occurred_at"], "2026-11-28T06:05:00.000000Z");
        assert_eq!(logged[0]["created_at"], "2026-11-28T09:00:00.000000Z");
        assert_eq!(
            logged[0]["transcribed"],
            json!({"form": "LB-2611280600", "page": 3, "written_by": "Sanne de Vries"})
        );

        // Three paper decisions through the API in one batch: all or nothing, each bad row
        // named.
        let decision = |t: &str, title: &str| {
            json!({"decided_at": t, "title": title, "decision": format!("{title}."),
                "considerations": "Zonder afstandsbediening geen veilige doorvaart.",
                "decided_by": "Burgemeester Jansen", "capacity": "burgemeester", "power": "gemw_175"})
        };
        let r = advisor
            .post_json(
                &format!("{base}/transcriptions"),
                &json!({"kind": "decision", "form": "BL-2611280600", "page": 1, "written_by": "Notulist GBT",
                    "rows": [decision("2026-11-28T07:40", "Bruggen handmatig"), {"title": "Zonder meer"}, decision("2026-11-28T08:05", "Scheepvaart stilleggen")]}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let named = problems(r).await;
        assert!(
            named.iter().all(|p| p.starts_with("rows.1.")) && !named.is_empty(),
            "{named:?}"
        );
        let decisions = created(
            advisor
                .post_json(
                    &format!("{base}/transcriptions"),
                    &json!({"kind": "decision", "form": "BL-2611280600", "page": 1, "written_by": "Notulist GBT",
                        "rows": [decision("2026-11-28T08:05", "Scheepvaart stilleggen"),
                                 decision("2026-11-28T07:40", "Bruggen handmatig bedienen"),
                                 decision("2026-11-28T09:10", "Omleiding via de Noordbrug")]}),
                )
                .await,
        )
        .await;
        assert_eq!(decisions.as_array().map(Vec::len), Some(3));
        assert_eq!(decisions[0]["transcribed"]["form"], "BL-2611280600");
        // A decision typed live, at 10:00.
        created(
            advisor
                .post_json(
                    &format!("{base}/entries/decision"),
                    &decision("2026-11-28T10:00", "Inwoners informeren"),
                )
                .await,
        )
        .await;

        // The timeline: in the order things happened, each with when it was recorded.
        let timeline: Value = advisor
            .get(&format!("{base}/timeline"))
            .await
            .json()
            .await
            .expect("json");
        let items = timeline.as_array().expect("items");
        let moments: Vec<&str> = items
            .iter()
            .map(|i| i["occurred_at"].as_str().unwrap_or(""))
            .collect();
        assert!(
            moments.windows(2).all(|w| w[0] <= w[1]),
            "{}: occurrence order: {moments:?}",
            app.db_name
        );
        let text_of = |i: &Value| i["text"].as_str().unwrap_or("").to_owned();
        let position = |needle: &str| {
            items
                .iter()
                .position(|i| text_of(i).contains(needle))
                .unwrap_or_else(|| panic!("{needle} not in the timeline"))
        };
        assert!(position("Papieren melding 01") < position("GRIP gewijzigd"));
        assert!(position("Bruggen handmatig") < position("Scheepvaart stilleggen"));
        assert!(position("Uitval") < position("GRIP-niveau gehandhaafd"));
        assert!(position("GRIP-niveau gehandhaafd") < position("Omleiding via de Noordbrug"));
        let paper = &items[position("Papieren melding 05")];
        assert_eq!(paper["recorded_at"], "2026-11-28T09:00:00.000000Z");
        assert_eq!(paper["transcribed"]["page"], 3);
        assert_eq!(paper["recorded_late"], false, "paper says so itself");
        let failing = &items[position("Uitval")];
        assert_eq!(failing["occurred_at"], "2026-11-28T07:30:00.000000Z");
        assert_eq!(failing["recorded_late"], true);

        let (_, html) = b.page(&format!("/crisis/{crisis}/tijdlijn")).await;
        assert!(
            html.contains("Overgenomen van papier (formulier LB-2611280600, blad 3, geschreven door Sanne de Vries)"),
            "the timeline says where it was written"
        );
        assert!(html.contains("later vastgelegd"));
        let (_, html) = b.page(&format!("/crisis/{crisis}/logboek")).await;
        assert!(html.contains("van papier"), "the log marks paper entries");

        // Both prints follow the moments and show the recorded times.
        let r = b.get(&format!("/crisis/{crisis}/besluiten.pdf")).await;
        assert_eq!(r.status(), StatusCode::OK);
        let record = pdf_text(&r.bytes().await.expect("pdf"));
        let at = |needle: &str| {
            record
                .find(needle)
                .unwrap_or_else(|| panic!("{needle} not in the decision record:\n{record}"))
        };
        assert!(at("Bruggen handmatig bedienen") < at("Scheepvaart stilleggen"));
        assert!(at("Scheepvaart stilleggen") < at("Omleiding via de Noordbrug"));
        assert!(at("Omleiding via de Noordbrug") < at("Inwoners informeren"));
        assert!(record.contains("Van papier"), "{record}");
        assert!(record.contains("Vastgelegd"), "{record}");
        assert!(record.contains("BL-2611280600"), "{record}");
        let r = b
            .get(&format!("/crisis/{crisis}/situatierapport.pdf"))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let sitrep = pdf_text(&r.bytes().await.expect("pdf"));
        let first = sitrep.find("Bruggen handmatig").expect("in the sitrep");
        let later = sitrep
            .find("Omleiding via de Noordbrug")
            .expect("in the sitrep");
        assert!(first < later, "{sitrep}");
        assert!(sitrep.contains("(vastgelegd"), "recorded times: {sitrep}");
        assert!(sitrep.contains("(van papier)"), "paper marked: {sitrep}");

        // Keeping the level through the picture's form: its second button.
        b.refresh_csrf(&format!("/crisis/{crisis}")).await;
        let r = b
            .post_form(
                &format!("/crisis/{crisis}/grip"),
                &[
                    ("grip", "grip3"),
                    ("reason", "Nog steeds geen effecten buiten de gemeente"),
                    ("confirm", "1"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert!(location(r.headers()).ends_with("?melding=confirmed"));
        let (_, html) = b.page(&format!("/crisis/{crisis}")).await;
        assert!(
            html.contains("Nog steeds geen effecten buiten de gemeente"),
            "in the picture's history"
        );

        // An action agreed at 08:20 and typed in now, through the form: the form asks when.
        let (_, form) = b.page(&format!("/crisis/{crisis}/acties/nieuw")).await;
        assert!(
            form.contains("name=\"occurred_at\""),
            "the form asks when it happened"
        );
        let r = b
            .post_form(
                &format!("/crisis/{crisis}/acties"),
                &[
                    ("what", "Brugwachters extra dienst"),
                    ("status", "new"),
                    ("occurred_at", "2026-11-28T08:20"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        let actions: Value = advisor
            .get(&format!("{base}/entries/action"))
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(actions[0]["occurred_at"], "2026-11-28T07:20:00.000000Z");

        let report = app.store.verify(Some(app.ws)).await.expect("verify");
        assert!(report.is_intact(), "{}: the chain verifies", app.db_name);
    }
}

/// Every command of the API refuses a field it does not have, by name, and a value of the
/// wrong type, by name: a typing error in a client never drops data silently.
#[tokio::test]
async fn every_command_endpoint_refuses_an_unknown_field_by_name() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    let api = app.api_as(&email_for(Role::Admin)).await;
    let id_of = |v: Value| v["id"].as_str().expect("id").to_owned();
    let crisis = id_of(
        created(
            api.post_json(
                "/api/v1/crises",
                &json!({"title": "Proef", "started_at": "2026-11-28T06:00"}),
            )
            .await,
        )
        .await,
    );
    let log = id_of(
        created(
            api.post_json(
                &format!("/api/v1/crises/{crisis}/entries/log"),
                &json!({"occurred_at": "2026-11-28T09:00", "category": "report", "text": "Proef"}),
            )
            .await,
        )
        .await,
    );
    let contact = id_of(
        created(
            api.post_json(
                "/api/v1/register/contact",
                &json!({"name": "Proef Persoon"}),
            )
            .await,
        )
        .await,
    );
    let ids = Ids {
        crisis: crisis.clone(),
        other_crisis: crisis.clone(),
        log,
        contact: contact.clone(),
        team: contact.clone(),
        roster: contact.clone(),
        process: contact,
        user: app.user_id(&email_for(Role::Viewer)).await.to_string(),
        stream: crisis.clone(),
    };
    let commands: Vec<(String, String)> = routes()
        .into_iter()
        .filter(|(m, p)| (m == "POST" || m == "PUT") && p.starts_with("/api/v1/"))
        .collect();
    assert!(commands.len() >= 15, "the commands are found: {commands:?}");
    for (method, path) in &commands {
        let url = format!("{}{}", api.base, fill(path, &ids, &crisis));
        let r = api
            .client
            .request(method.parse().expect("method"), &url)
            .bearer_auth(&api.token)
            .json(&json!({"onbekend_veld": 1}))
            .send()
            .await
            .expect("request");
        assert_eq!(
            r.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{method} {path} took an unknown field"
        );
        let named = problems(r).await;
        assert!(
            named.iter().any(|p| p == "onbekend_veld:unknown_field"),
            "{method} {path}: {named:?}"
        );
    }
    // A value of the wrong type is named too.
    let r = api
        .post_json(
            &format!("/api/v1/crises/{crisis}/grip"),
            &json!({"grip": "grip3", "reason": 5}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problems(r).await, ["reason:wrong_type"]);
    let r = api
        .post_json(
            &format!("/api/v1/crises/{crisis}/classification"),
            &json!({"answers": {"own_organisation": true, "nationaal": true}, "accept": true}),
        )
        .await;
    assert_eq!(problems(r).await, ["answers.nationaal:unknown_field"]);
}

/// The classification answers with its proposal (who to inform and who not, each with the
/// reason), and proposes the IBD also when the crisis starts at a supplier.
#[tokio::test]
async fn the_classification_answers_with_the_proposal_and_its_reasons() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    let api = app.api_as(&email_for(Role::Editor)).await;
    let crisis = created(
        api.post_json(
            "/api/v1/crises",
            &json!({"title": "Leverancier plat", "started_at": "2026-11-28T08:00"}),
        )
        .await,
    )
    .await["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let answers = json!({"own_organisation": false, "societal_effects": true, "crime_suspected": false,
        "beyond_local": false, "vital_infrastructure": false, "national": false});
    let classified = created(
        api.post_json(
            &format!("/api/v1/crises/{crisis}/classification"),
            &json!({"answers": answers, "accept": true}),
        )
        .await,
    )
    .await;
    assert_eq!(classified["classification"], "cyber_crisis");
    assert_eq!(classified["grip"], "grip3");
    let proposal = &classified["proposal"];
    assert_eq!(proposal["grip"]["value"], "grip3");
    let ibd = proposal["inform"]
        .as_array()
        .expect("inform")
        .iter()
        .find(|p| p["value"] == "ibd")
        .expect("the IBD is proposed for a supplier's crisis");
    assert!(
        ibd["explanation"].as_str().unwrap_or("").contains("CERT"),
        "{ibd}"
    );
    let police = proposal["not_inform"]
        .as_array()
        .expect("not_inform")
        .iter()
        .find(|p| p["value"] == "police")
        .expect("the police are not called for");
    assert_eq!(police["reason"], "not_police");
    assert!(!police["explanation"].as_str().unwrap_or("").is_empty());
}

/// Who is on call at any moment, across the change to summer time and a gap in the roster.
#[tokio::test]
async fn who_is_on_call_at_any_moment_across_daylight_saving_and_a_gap() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let api = app.api_as(&email_for(Role::Editor)).await;
        let person = |name: &'static str, phone: &'static str| {
            let api = &api;
            async move {
                created(
                    api.post_json(
                        "/api/v1/register/contact",
                        &json!({"name": name, "phones": [{"number": phone, "label": "mobile"}]}),
                    )
                    .await,
                )
                .await["id"]
                    .as_str()
                    .expect("id")
                    .to_owned()
            }
        };
        let anna = person("Anna de Wit", "06-11112222").await;
        let bram = person("Bram Visser", "06-33334444").await;
        // Summer time starts on Sunday 28 March 2027 at 02:00, when clocks go to 03:00.
        created(
            api.post_json(
                "/api/v1/register/roster",
                &json!({"name": "Piket CISO", "duty": "ciso", "shifts": [
                    {"person": anna, "start": "2027-03-27T20:00", "end": "2027-03-28T08:00"},
                    {"person": bram, "start": "2027-03-28T12:00", "end": "2027-03-28T20:00"}]}),
            )
            .await,
        )
        .await;
        let at = |moment: &str| {
            let api = &api;
            let moment = moment.to_owned();
            async move {
                let r = api.get(&format!("/api/v1/oncall?at={moment}")).await;
                assert_eq!(r.status(), StatusCode::OK, "{moment}");
                let v: Value = r.json().await.expect("json");
                v.as_array()
                    .expect("rosters")
                    .iter()
                    .find(|r| r["roster"] == "Piket CISO")
                    .expect("the roster")
                    .clone()
            }
        };
        // 01:30 winter time (00:30 UTC) and 07:30 summer time (05:30 UTC): Anna, until 08:00
        // summer time, which is 06:00 UTC.
        for moment in ["2027-03-28T01:30", "2027-03-28T07:30"] {
            let duty = at(moment).await;
            assert_eq!(duty["person"], "Anna de Wit", "{}: {moment}", app.db_name);
            assert_eq!(duty["until"], "2027-03-28T06:00:00.000000Z");
            assert_eq!(duty["phones"][0], "+31611112222");
            assert_eq!(duty["gap_from"], "2027-03-28T06:00:00.000000Z");
        }
        assert_eq!(
            at("2027-03-28T07:30").await["at"],
            "2027-03-28T05:30:00.000000Z"
        );
        // The gap: nobody from 08:00 to 12:00.
        let gap = at("2027-03-28T09:00").await;
        assert_eq!(gap["person"], Value::Null, "{}", app.db_name);
        // A moment in UTC: 10:30 UTC is 12:30 summer time: Bram.
        assert_eq!(at("2027-03-28T10:30:00Z").await["person"], "Bram Visser");
        let r = api.get("/api/v1/oncall?at=morgen").await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problems(r).await, ["at:invalid_datetime"]);

        // The page offers the same: "who is on call tonight at 02:00?"
        let mut b = app.login(&email_for(Role::Viewer)).await;
        let (status, html) = b.page("/voorbereiden/piket?op=2027-03-28T07:30").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            html.contains("Van dienst op 28-03-2027 07:30"),
            "{}",
            app.db_name
        );
        assert!(html.contains("Anna de Wit"));
        assert!(html.contains("06 11112222"), "the number is on the page");
        let (_, html) = b.page("/voorbereiden/piket?op=2027-03-28T09:00").await;
        assert!(html.contains("niemand"), "the gap shows");
    }
}
