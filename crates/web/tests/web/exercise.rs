//! Oefenen: the advisor plans an exercise, writes a script, starts it in the crisis room and
//! runs it as exercise control while the team plays and an observer scores the learning
//! goals; the evaluation reads response times from the record, the lessons become
//! improvement actions, and the readiness checklist sees the exercise. Players never see the
//! events list, the control page or the observations. Both engines, the product's clock.

use crate::common::*;
use crisismap_core::Role;
use crisismap_core::register::RecordKind;
use crisismap_testing::TestDb;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn json_of(r: reqwest::Response) -> (StatusCode, Value) {
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

fn id(v: &Value) -> String {
    v["id"].as_str().expect("id").to_owned()
}

/// The inject with this number in an exercise read back through the API.
fn inject(exercise: &Value, number: i64) -> &Value {
    exercise["injects"]
        .as_array()
        .expect("injects")
        .iter()
        .find(|i| i["number"] == number)
        .expect("the inject")
}

/// Releases whatever is due, as the server's release loop does every few seconds (the loop
/// may have done so already; either way the record ends the same).
async fn release_due(app: &TestApp) {
    let state = crisismap_app::App::new(app.store.clone(), crisismap_web::PasswordCost::Fast);
    crisismap_app::exercise::release_all_due(&state)
        .await
        .expect("release what is due");
}

#[tokio::test]
async fn an_exercise_from_plan_to_script_to_control_to_evaluation_to_improvement() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let editor = app.api_as(&email_for(Role::Editor)).await;
        let member = app.api_as(&email_for(Role::Member)).await;
        let admin = app.api_as(&email_for(Role::Admin)).await;

        // Two learning goals of the catalogue, and the triangle team.
        let (status, adopted) = json_of(
            editor
                .post_json("/api/v1/learning-goals/adoption", &json!({}))
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{adopted}");
        assert!(adopted["goals_added"].as_u64().expect("count") >= 20);
        let (_, goals) = json_of(editor.get("/api/v1/register/learning_goal").await).await;
        let goals = goals.as_array().expect("goals");
        let goal_a = id(&goals[0]);
        let goal_b = id(&goals[1]);
        let (_, triangle) = json_of(
            editor
                .post_json(
                    "/api/v1/register/team",
                    &json!({"name": "Lokale driehoek", "standard": "local_triangle"}),
                )
                .await,
        )
        .await;

        // The script: six injects, one of them a reserve and one following another.
        let text = |n: i64| format!("Bericht {n}: de servicedesk meldt versleutelde bestanden.");
        let row = |n: i64, at: Option<i64>, goal: &str| {
            let mut r = json!({"number": n, "sender": "supplier", "sender_name": "Leverancier Brugwerk",
                "to": "Crisisadviseur", "channel": "phone", "text": text(n),
                "expected": "Calamiteitenteam bijeenroepen", "goal": goal});
            if let Some(at) = at {
                r["at_minutes"] = json!(at);
            }
            r
        };
        let mut injects = vec![
            row(1, Some(30), &goal_a),
            row(2, Some(45), &goal_b),
            row(3, Some(10), &goal_a),
            row(4, Some(20), &goal_b),
            row(5, None, &goal_a),
            row(6, Some(1), &goal_b),
        ];
        injects[4]["after"] = json!(3);
        injects[4]["after_minutes"] = json!(5);
        injects[5]["contingency"] = json!(true);
        // A script whose inject lacks its addressee cannot start.
        let mut broken = injects.clone();
        broken[1]["to"] = json!("");
        let (status, script_v) = json_of(
            editor
                .post_json(
                    "/api/v1/register/exercise_script",
                    &json!({"name": "Ransomware bij de brugbediening", "function": "developing",
                        "scenario": "Maandagochtend staan de bruggen stil.",
                        "goals": [{"goal": goal_a}, {"goal": goal_b}], "injects": broken}),
                )
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{script_v}");
        let script = id(&script_v);
        let (status, refused) = json_of(
            editor
                .post_json(
                    "/api/v1/exercises",
                    &json!({"script": script, "auto_release": true}),
                )
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(
            refused.to_string().contains("inject.2.to"),
            "the inject that lacks its addressee is named: {refused}"
        );
        let (status, _) = json_of(
            editor
                .put_json(
                    &format!("/api/v1/register/exercise_script/{script}"),
                    &json!({"rev": 1, "name": "Ransomware bij de brugbediening", "function": "developing",
                        "scenario": "Maandagochtend staan de bruggen stil.",
                        "goals": [{"goal": goal_a}, {"goal": goal_b}], "injects": injects}),
                )
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::OK);

        // The plan: this exercise, both levels, with the local triangle.
        let (status, plan_v) = json_of(
            editor
                .post_json(
                    "/api/v1/register/exercise",
                    &json!({"name": "Cyberoefening najaar", "form": "tabletop", "level": "both",
                        "function": "developing", "planned_on": "2026-11-28", "status": "prepared",
                        "script": script, "teams": [{"team": id(&triangle)}],
                        "goals": [{"goal": goal_a}, {"goal": goal_b}]}),
                )
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{plan_v}");
        let plan = id(&plan_v);
        let (_, readiness) = json_of(editor.get("/api/v1/readiness").await).await;
        let exercising = |r: &Value| {
            r.as_array()
                .expect("items")
                .iter()
                .find(|i| i["item"] == "exercises")
                .expect("item")["status"]
                .clone()
        };
        assert_ne!(exercising(&readiness), "in_order");

        // Start: the editor is exercise control, the administrator observes.
        let admin_id = app.user_id(&email_for(Role::Admin)).await.to_string();
        let (status, run) = json_of(
            editor
                .post_json(
                    "/api/v1/exercises",
                    &json!({"script": script, "plan": plan, "auto_release": true,
                        "observers": [admin_id]}),
                )
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{run}");
        let crisis = run["crisis"].as_str().expect("crisis").to_owned();
        assert_eq!(run["injects"].as_array().expect("injects").len(), 6);
        let ex = format!("/api/v1/crises/{crisis}/exercise");
        let (_, c) = json_of(editor.get(&format!("/api/v1/crises/{crisis}")).await).await;
        assert_eq!(c["exercise"], true, "an exercise crisis: OEFENING");
        let (status, _) = json_of(
            editor
                .post_json(&format!("{ex}/clock"), &json!({"action": "run"}))
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::OK);

        // Two released by hand, early: number 1 at minute 2, number 2 at minute 5.
        app.clock.advance_minutes(2);
        let (_, run) = json_of(editor.get(&ex).await).await;
        let one = inject(&run, 1)["id"].as_str().expect("id").to_owned();
        let two = inject(&run, 2)["id"].as_str().expect("id").to_owned();
        let (status, run) = json_of(
            editor
                .post_json(&format!("{ex}/injects/{one}/release"), &json!({}))
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{run}");
        assert_eq!(inject(&run, 1)["state"], "released");
        // A player answers three minutes later with a decision and an action.
        app.clock.advance_minutes(3);
        let (status, v) = json_of(
            member
                .post_json(
                    &format!("/api/v1/crises/{crisis}/entries/decision"),
                    &json!({"title": "Calamiteitenteam bijeen", "decision": "Het calamiteitenteam komt bijeen.",
                        "considerations": "De brugbediening ligt stil.", "decided_by": "Mia CISO",
                        "decided_at": jiff::Timestamp::from_microsecond(app.clock.now_us()).expect("now").to_string()}),
                )
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{v}");
        let (status, v) = json_of(
            member
                .post_json(
                    &format!("/api/v1/crises/{crisis}/entries/action"),
                    &json!({"what": "Brugwachters inlichten", "status": "new"}),
                )
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{v}");
        let (status, _) = json_of(
            editor
                .post_json(&format!("{ex}/injects/{two}/release"), &json!({}))
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        // Released twice is refused.
        let (status, _) = json_of(
            editor
                .post_json(&format!("{ex}/injects/{two}/release"), &json!({}))
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

        // Number 3 goes out by itself when its minute comes; the reserve (6) never does.
        app.clock.advance_minutes(6);
        release_due(&app).await;
        let (_, run) = json_of(editor.get(&ex).await).await;
        assert_eq!(inject(&run, 3)["state"], "released", "{run}");
        assert_eq!(inject(&run, 6)["state"], "reserve");
        assert_eq!(inject(&run, 4)["state"], "waiting");

        // A pause at minute 12 holds number 4 (minute 20) back, however long it lasts.
        app.clock.advance_minutes(1);
        editor
            .post_json(&format!("{ex}/clock"), &json!({"action": "pause"}))
            .await;
        app.clock.advance_minutes(30);
        release_due(&app).await;
        let (_, run) = json_of(editor.get(&ex).await).await;
        assert_eq!(run["elapsed_seconds"], 12 * 60);
        assert_ne!(
            inject(&run, 4)["state"],
            "released",
            "held back by the pause"
        );
        assert_ne!(inject(&run, 5)["state"], "released");
        editor
            .post_json(&format!("{ex}/clock"), &json!({"action": "run"}))
            .await;
        app.clock.advance_minutes(9);
        release_due(&app).await;
        let (_, run) = json_of(editor.get(&ex).await).await;
        assert_eq!(inject(&run, 4)["state"], "released", "due after the pause");
        assert_eq!(
            inject(&run, 5)["state"],
            "released",
            "five minutes after number 3"
        );

        // The players' log has the messages, from their senders, without the script.
        let (_, log) = json_of(
            member
                .get(&format!("/api/v1/crises/{crisis}/entries/log"))
                .await,
        )
        .await;
        let log_text = log.to_string();
        assert!(log_text.contains(&text(1)) && log_text.contains("Leverancier Brugwerk"));
        assert!(!log_text.contains(&text(6)), "the reserve was not released");
        assert!(
            !log_text.contains("Calamiteitenteam bijeenroepen"),
            "the expected action stays with control"
        );

        // The observer rates two learning goals; a player cannot read or add observations.
        for (goal, rating, why) in [
            (
                &goal_a,
                "largely",
                "Binnen vijf minuten een besluit, goed onderbouwd.",
            ),
            (
                &goal_b,
                "partly",
                "De brugwachters werden pas laat ingelicht.",
            ),
        ] {
            let (status, v) = json_of(
                admin
                    .post_json(
                        &format!("{ex}/observations"),
                        &json!({"goal": goal, "rating": rating, "text": why, "inject": one}),
                    )
                    .await,
            )
            .await;
            assert_eq!(status, StatusCode::CREATED, "{v}");
        }
        // The observer does not play.
        let (status, _) = json_of(
            admin
                .post_json(
                    &format!("/api/v1/crises/{crisis}/entries/log"),
                    &json!({"occurred_at": "", "category": "report", "text": "Ik speel mee"}),
                )
                .await,
        )
        .await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "an observer cannot add to the log"
        );

        // The evaluation: the response to number 1 is three minutes, measured from the record;
        // the ratings per goal are on the control page.
        let (_, run) = json_of(editor.get(&ex).await).await;
        assert_eq!(inject(&run, 1)["response_minutes"], 3, "{run}");
        let mut control = app.login(&email_for(Role::Editor)).await;
        let (status, page) = control
            .page(&format!("/crisis/{crisis}/oefenleiding"))
            .await;
        assert_eq!(status, StatusCode::OK);
        let words = words_of(&page);
        assert!(
            words.contains("Grotendeels behaald") && words.contains("Deels behaald"),
            "{words}"
        );
        assert!(words.contains("eerste reactie na 3 min"), "{words}");
        assert!(
            not_for_people(&visible_text(&page)).is_empty(),
            "{:?}",
            not_for_people(&visible_text(&page))
        );
        // The exercise report on paper has the ratings and the response times.
        let pdf = control
            .get(&format!("/crisis/{crisis}/evaluatie.pdf"))
            .await;
        assert_eq!(pdf.status(), StatusCode::OK);
        let paper = pdf_text(&pdf.bytes().await.expect("pdf"));
        assert!(
            paper.contains("Grotendeels behaald")
                && paper.contains("De brugwachters werden pas laat ingelicht."),
            "{paper}"
        );

        // The end; a finding with its lesson, which becomes an improvement action.
        editor
            .post_json(&format!("{ex}/clock"), &json!({"action": "end"}))
            .await;
        let lesson = "Brugwachters direct meenemen in de alarmering";
        let (status, v) = json_of(
            editor
                .post_json(
                    &format!("/api/v1/crises/{crisis}/entries/finding"),
                    &json!({"theme": "alerting", "verdict": "to_improve",
                        "finding": "De brugwachters hoorden het pas na een uur.", "lesson": lesson}),
                )
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{v}");
        let (status, _) = json_of(
            editor
                .post_json(
                    "/api/v1/register/improvement",
                    &json!({"name": lesson, "lesson": lesson, "theme": "alerting",
                        "source": "Cyberoefening najaar", "status": "open"}),
                )
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
        // The plan's exercise is evaluated: the readiness item about exercising turns green.
        let (_, plan_now) = json_of(
            editor
                .get(&format!("/api/v1/register/exercise/{plan}"))
                .await,
        )
        .await;
        let mut body = plan_now["data"].clone();
        body["status"] = json!("evaluated");
        body["rev"] = plan_now["rev"].clone();
        let (status, v) = json_of(
            editor
                .put_json(&format!("/api/v1/register/exercise/{plan}"), &body)
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{v}");
        let (_, readiness) = json_of(editor.get("/api/v1/readiness").await).await;
        assert_eq!(exercising(&readiness), "in_order", "{readiness}");
        let triangle_item = readiness
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["item"] == "triangle_exercised")
            .expect("item")["status"]
            .clone();
        assert_eq!(triangle_item, "in_order");

        // The record verifies like a real one.
        let (_, verified) = json_of(
            editor
                .get(&format!("/api/v1/streams/{crisis}/verification"))
                .await,
        )
        .await;
        assert_eq!(verified["intact"], true, "{verified}");
    }
}

/// A player (a member of the team, or a guest of the exercise) never reaches the events list,
/// the control page or the observations, through either door; neither does another
/// workspace. An observer reaches the observations but not the control page.
#[tokio::test]
async fn players_never_see_exercise_control() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let editor = app.api_as(&email_for(Role::Editor)).await;
        let (_, adopted) = json_of(
            editor
                .post_json("/api/v1/exercise-scenarios/ransomware/adoption", &json!({}))
                .await,
        )
        .await;
        let script = adopted["script"].as_str().expect("script").to_owned();
        let admin_id = app.user_id(&email_for(Role::Admin)).await.to_string();
        let (status, run) = json_of(
            editor
                .post_json(
                    "/api/v1/exercises",
                    &json!({"script": script, "observers": [admin_id]}),
                )
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{run}");
        let crisis = run["crisis"].as_str().expect("crisis").to_owned();
        let injects = run["injects"].as_array().expect("injects");
        assert!(
            (14..=22).contains(&injects.len()),
            "a built-in scenario has 14 to 22 injects"
        );
        let first = injects[0]["id"].as_str().expect("id").to_owned();
        let secret = injects[0]["expected"]
            .as_str()
            .expect("expected")
            .to_owned();
        let r = editor
            .post_json(
                &format!("/api/v1/crises/{crisis}/guests"),
                &json!({"email": "veiligheidsregio@extern.nl", "display_name": "Vera Regio"}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::CREATED);
        let guest_id = app.user_id("veiligheidsregio@extern.nl").await;
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

        let ex = format!("/api/v1/crises/{crisis}/exercise");
        let pages = [
            format!("/crisis/{crisis}/oefenleiding"),
            format!("/crisis/{crisis}/observaties"),
        ];
        for who in [email_for(Role::Member), "veiligheidsregio@extern.nl".into()] {
            let mut b = app.login(&who).await;
            for page in &pages {
                let (status, body) = b.page(page).await;
                assert_eq!(status, StatusCode::FORBIDDEN, "{who} {page}");
                assert!(!body.contains(&secret));
            }
            let (status, picture) = b.page(&format!("/crisis/{crisis}")).await;
            assert_eq!(status, StatusCode::OK);
            assert!(!picture.contains(&secret), "{who}: the script stays hidden");
            b.refresh_csrf(&format!("/crisis/{crisis}")).await;
            let r = b
                .post_form(
                    &format!("/crisis/{crisis}/oefenleiding/injects/{first}/uitzetten"),
                    &[],
                )
                .await;
            assert_eq!(r.status(), StatusCode::FORBIDDEN, "{who} released");
        }
        let member = app.api_as(&email_for(Role::Member)).await;
        for path in [ex.clone(), format!("{ex}/observations")] {
            assert_eq!(member.get(&path).await.status(), StatusCode::FORBIDDEN);
        }
        for (path, body) in [
            (format!("{ex}/injects/{first}/release"), json!({})),
            (format!("{ex}/clock"), json!({"action": "run"})),
            (format!("{ex}/observations"), json!({"text": "Ik kijk mee"})),
        ] {
            assert_eq!(
                member.post_json(&path, &body).await.status(),
                StatusCode::FORBIDDEN,
                "{path}"
            );
        }
        // The events of the stream carry no inject's content for a player.
        let (_, events) = json_of(
            member
                .get(&format!("/api/v1/streams/{crisis}/events"))
                .await,
        )
        .await;
        assert!(!events.to_string().contains(&secret));
        // The observer: observations yes, control no.
        let admin = app.api_as(&email_for(Role::Admin)).await;
        assert_eq!(
            admin.get(&format!("{ex}/observations")).await.status(),
            StatusCode::OK
        );
        assert_eq!(admin.get(&ex).await.status(), StatusCode::FORBIDDEN);
        let mut observer = app.login(&email_for(Role::Admin)).await;
        let (status, _) = observer
            .page(&format!("/crisis/{crisis}/observaties"))
            .await;
        assert_eq!(status, StatusCode::OK);
        let (status, _) = observer
            .page(&format!("/crisis/{crisis}/oefenleiding"))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        // Another workspace: nothing at all.
        let mut neighbour = app.login(OTHER_ADMIN).await;
        let (status, _) = neighbour.page(&pages[0]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

/// The Oefenen section has no empty card: the plan, the running exercises, the scripts and
/// the built-in scenarios, the learning goals and the evaluation; taking a scenario over
/// makes it a script of the workspace's own.
#[tokio::test]
async fn the_exercise_section_plans_and_takes_over_a_scenario() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let mut b = app.login(&email_for(Role::Editor)).await;
        let (status, page) = b.page("/oefenen").await;
        assert_eq!(status, StatusCode::OK);
        let words = words_of(&page);
        assert!(!words.contains("Nog niets vastgelegd"), "{words}");
        assert!(words.contains("Ransomware in het eigen netwerk"), "{words}");
        let r = b.post_form("/oefenen/scenarios/datalek", &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let script = location(r.headers());
        let (status, detail) = b.page(&script).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            not_for_people(&visible_text(&detail)).is_empty(),
            "{:?}",
            not_for_people(&visible_text(&detail))
        );
        let scripts = app
            .store
            .records(app.ws, RecordKind::ExerciseScript)
            .await
            .expect("scripts");
        assert_eq!(scripts.len(), 1);
        let rows = scripts[0].data["injects"].as_array().expect("injects");
        assert!((14..=22).contains(&rows.len()));
        assert!(
            rows.iter().all(|r| r["goal"].as_str().is_some()),
            "each inject names its learning goal in the register"
        );
        // Start it from the section: to the control page.
        let r = b
            .post_form(
                "/oefenen/starten",
                &[
                    ("script", &scripts[0].id.to_string()),
                    ("auto_release", "on"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let control = location(r.headers());
        assert!(control.ends_with("/oefenleiding"));
        let (status, page) = b.page(&control).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            not_for_people(&visible_text(&page)).is_empty(),
            "{:?}",
            not_for_people(&visible_text(&page))
        );
        let (_, section) = b.page("/oefenen").await;
        assert!(words_of(&section).contains("Oefenleiding"));
    }
}

/// A script written in a spreadsheet: its events list goes out as CSV and comes back into
/// another script exactly; a file with mistakes is refused whole, naming every bad line, and
/// the script stays as it was. The whole script travels as JSON to another workspace.
#[tokio::test]
async fn a_script_csv_round_trips_exactly_and_a_bad_file_is_refused_whole() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let mut b = app.login(&email_for(Role::Editor)).await;
        b.refresh_csrf("/oefenen").await;
        let r = b.post_form("/oefenen/scenarios/ddos", &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let original = location(r.headers());
        let original = original.split('?').next().expect("path").to_owned();
        let csv = b
            .get(&format!("{original}/injects.csv"))
            .await
            .bytes()
            .await
            .expect("csv")
            .to_vec();
        assert!(String::from_utf8_lossy(&csv).contains("number;at_minutes"));

        let editor = app.api_as(&email_for(Role::Editor)).await;
        let (status, copy) = json_of(
            editor
                .post_json(
                    "/api/v1/register/exercise_script",
                    &json!({"name": "Kopie uit de spreadsheet"}),
                )
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
        let copy_path = format!("/voorbereiden/draaiboeken/{}", id(&copy));
        let (_, form) = b.page(&format!("{copy_path}/import")).await;
        let csrf = csrf_in(&form).expect("csrf");
        let upload = |bytes: Vec<u8>| {
            reqwest::multipart::Form::new()
                .text("_csrf", csrf.clone())
                .part(
                    "bestand",
                    reqwest::multipart::Part::bytes(bytes).file_name("draaiboek.csv"),
                )
        };
        let r = b
            .client
            .post(format!("{}{copy_path}/import", app.base))
            .multipart(upload(csv.clone()))
            .send()
            .await
            .expect("upload");
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        let again = b
            .get(&format!("{copy_path}/injects.csv"))
            .await
            .bytes()
            .await
            .expect("csv")
            .to_vec();
        assert_eq!(again, csv, "the events list reads back exactly");

        // Three mistakes on lines 3, 5 and 6 (an unknown channel, a number that is no number,
        // and a number below one): refused whole, each line named.
        let text = String::from_utf8(csv.clone()).expect("utf-8");
        let mut lines: Vec<String> = text.split("\r\n").map(str::to_owned).collect();
        let mut spoil = |line: usize, from: &str, to: &str| {
            let l = &mut lines[line - 1];
            assert!(l.contains(from), "line {line}: {l}");
            *l = l.replacen(from, to, 1);
        };
        spoil(3, ";phone;", ";telegram;");
        spoil(5, "4;", "vier;");
        spoil(6, "5;", "0;");
        let bad = lines.join("\r\n").into_bytes();
        let before = app
            .store
            .record(app.ws, id(&copy).parse().expect("id"))
            .await
            .expect("script");
        let r = b
            .client
            .post(format!("{}{copy_path}/import", app.base))
            .multipart(upload(bad))
            .send()
            .await
            .expect("upload");
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let words = words_of(&r.text().await.expect("page"));
        for line in ["Regel 3", "Regel 5", "Regel 6"] {
            assert!(words.contains(line), "{line} is named: {words}");
        }
        let after = app
            .store
            .record(app.ws, id(&copy).parse().expect("id"))
            .await
            .expect("script");
        assert_eq!(after.rev, before.rev, "nothing changed");

        // The whole script as JSON into the neighbouring workspace.
        let json_file = b
            .get(&format!("{original}/export.json"))
            .await
            .bytes()
            .await
            .expect("json")
            .to_vec();
        let mut other = app.login(OTHER_ADMIN).await;
        let (_, form) = other.page("/voorbereiden/draaiboeken/import").await;
        let csrf = csrf_in(&form).expect("csrf");
        let r = other
            .client
            .post(format!("{}/voorbereiden/draaiboeken/import", app.base))
            .multipart(reqwest::multipart::Form::new().text("_csrf", csrf).part(
                "bestand",
                reqwest::multipart::Part::bytes(json_file).file_name("draaiboek.json"),
            ))
            .send()
            .await
            .expect("upload");
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let theirs = app
            .store
            .records(app.other_ws, RecordKind::ExerciseScript)
            .await
            .expect("scripts");
        let ours = app
            .store
            .records(app.ws, RecordKind::ExerciseScript)
            .await
            .expect("scripts")
            .into_iter()
            .find(|r| r.title == theirs[0].title)
            .expect("the same script");
        let texts = |r: &crisismap_core::register::Record| {
            r.data["injects"]
                .as_array()
                .expect("injects")
                .iter()
                .map(|i| i["text"].clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&theirs[0]), texts(&ours));
    }
}
