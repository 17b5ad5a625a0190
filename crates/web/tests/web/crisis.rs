//! Stories of the crisis room: a ransomware attack played through the API from the first
//! report to the aftermath, live updates, refusals that lose nothing, and every page of the
//! demo's crises in both languages.

use crate::common::*;
use crisismap_core::Role;
use crisismap_core::event::Actor;
use crisismap_testing::TestDb;
use futures_util::StreamExt;
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn a_ransomware_attack_from_the_first_report_to_the_aftermath() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        crisismap_store::seed::seed_defaults(&app.store, app.ws, &Actor::System("test".into()))
            .await
            .expect("teams and escalation agreements");
        let advisor = app.api_as(&email_for(Role::Editor)).await;
        let ciso = app.api_as(&email_for(Role::Member)).await;
        let process = created(
            advisor
                .post_json(
                    "/api/v1/register/process",
                    &json!({"name": "Burgerzaken", "criticality": "vital", "restore_priority": 1}),
                )
                .await,
        )
        .await;

        // The first report: a lukewarm crisis.
        let crisis = created(
            ciso.post_json(
                "/api/v1/crises",
                &json!({"title": "Ransomware op de werkplekken", "known": "Losgeldbericht op het scherm.", "phase": "lukewarm", "started_at": "2026-11-28T07:00"}),
            )
            .await,
        )
        .await;
        let id = crisis["id"].as_str().expect("id").to_owned();
        let base = format!("/api/v1/crises/{id}");
        assert_eq!(crisis["classification"], Value::Null);
        let dilemmas: Value = ciso
            .get(&format!("{base}/entries/dilemma"))
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(
            dilemmas.as_array().map(Vec::len),
            Some(7),
            "the guidance's dilemmas"
        );

        // Classification: the proposal is accepted; an override without a reason is refused.
        let answers = json!({"own_organisation": true, "societal_effects": true, "crime_suspected": true,
            "beyond_local": false, "vital_infrastructure": false, "national": false});
        let refused = advisor
            .post_json(&format!("{base}/classification"), &json!({"answers": answers, "accept": false, "classification": "cyber_incident", "grip": "routine"}))
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let problem: Value = refused.json().await.expect("json");
        assert_eq!(problem["errors"][0]["field"], "reason", "{problem}");
        let classified = created(
            advisor
                .post_json(
                    &format!("{base}/classification"),
                    &json!({"answers": answers, "accept": true}),
                )
                .await,
        )
        .await;
        assert_eq!(classified["classification"], "cyber_crisis");
        assert_eq!(classified["grip"], "grip3");
        assert_eq!(
            classified["teams"].as_array().map(Vec::len),
            Some(3),
            "calamity team, triangle, GBT"
        );

        // The mayor's team goes warm; GRIP changes with a reason.
        created(
            advisor
                .post_json(
                    &format!("{base}/phase"),
                    &json!({"phase": "warm", "reason": "Sluizen liggen stil"}),
                )
                .await,
        )
        .await;
        let grip = created(
            advisor
                .post_json(
                    &format!("{base}/grip"),
                    &json!({"grip": "grip4", "reason": "Buurgemeenten geraakt"}),
                )
                .await,
        )
        .await;
        assert_eq!(grip["grip"], "grip4");

        // Two users update the picture; a stale update is refused and changes nothing.
        let status = created(
            ciso.post_json(
                &format!("{base}/entries/process_status"),
                &json!({"process": process["id"], "status": "down", "since": "2026-11-28T08:30:00Z"}),
            )
            .await,
        )
        .await;
        let sid = status["id"].as_str().expect("id");
        created(
            advisor
                .put_json(
                    &format!("{base}/entries/process_status/{sid}"),
                    &json!({"rev": 1, "process": process["id"], "status": "disrupted", "note": "Loket werkt op papier"}),
                )
                .await,
        )
        .await;
        let stale = ciso
            .put_json(
                &format!("{base}/entries/process_status/{sid}"),
                &json!({"rev": 1, "process": process["id"], "status": "restored"}),
            )
            .await;
        assert_eq!(stale.status(), StatusCode::CONFLICT);
        let now: Value = ciso
            .get(&format!("{base}/entries/process_status/{sid}"))
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(
            now["data"]["status"], "disrupted",
            "the stale change wrote nothing"
        );
        let twice = ciso
            .post_json(
                &format!("{base}/entries/process_status"),
                &json!({"process": process["id"], "status": "down"}),
            )
            .await;
        assert_eq!(
            twice.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "one status per process"
        );

        // A log entry is never edited; a correction points at it.
        let log = created(
            ciso.post_json(&format!("{base}/entries/log"), &json!({"occurred_at": "2026-11-28T07:10:00Z", "category": "report", "text": "Melding om 07:10", "source": "Servicedesk"})).await,
        )
        .await;
        let edit = ciso
            .put_json(&format!("{base}/entries/log/{}", log["id"].as_str().expect("id")), &json!({"rev": 1, "occurred_at": "2026-11-28T06:50:00Z", "category": "report", "text": "x"}))
            .await;
        assert_eq!(edit.status(), StatusCode::UNPROCESSABLE_ENTITY);
        created(
            ciso.post_json(&format!("{base}/entries/log"), &json!({"occurred_at": "2026-11-28T06:50:00Z", "category": "report", "text": "Correctie: 06:50", "corrects": log["id"]})).await,
        )
        .await;

        // A BOB meeting, a decision with considerations that closes the ransom dilemma.
        let meeting = created(
            advisor.post_json(&format!("{base}/entries/bob"), &json!({"title": "GBT 1", "started_at": "2026-11-28T08:00:00Z", "judgement": "Back-ups intact", "next_meeting": "2026-11-28T14:00:00Z"})).await,
        )
        .await;
        let ransom = dilemmas
            .as_array()
            .and_then(|d| {
                d.iter()
                    .find(|x| x["title"].as_str().is_some_and(|t| t.contains("losgeld")))
            })
            .expect("the ransom dilemma")["id"]
            .clone();
        let no_considerations = advisor
            .post_json(&format!("{base}/entries/decision"), &json!({"title": "Geen losgeld", "decision": "We betalen niet", "decided_by": "Burgemeester", "decided_at": "2026-11-28T08:30:00Z"}))
            .await;
        assert_eq!(no_considerations.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let decision = created(
            advisor.post_json(&format!("{base}/entries/decision"), &json!({
                "title": "Geen losgeld", "decision": "We betalen niet en herstellen uit back-ups",
                "considerations": "Betalen financiert criminaliteit; back-ups zijn intact",
                "decided_by": "Marleen Hoekstra", "capacity": "burgemeester in het GBT", "power": "gemw_172",
                "decided_at": "2026-11-28T08:30:00Z", "dilemma": ransom, "meeting": meeting["id"],
                "reevaluate_at": "2026-11-29T10:00:00Z"})).await,
        )
        .await;

        // Actions: closed only after done.
        let action = created(
            ciso.post_json(&format!("{base}/entries/action"), &json!({"what": "Werkplekken herstellen", "status": "new", "decision": decision["id"], "deadline": "2026-11-29T17:00:00Z"})).await,
        )
        .await;
        let aid = action["id"].as_str().expect("id");
        let early = ciso
            .put_json(
                &format!("{base}/entries/action/{aid}"),
                &json!({"rev": 1, "what": "Werkplekken herstellen", "status": "closed"}),
            )
            .await;
        assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
        created(
            ciso.put_json(
                &format!("{base}/entries/action/{aid}"),
                &json!({"rev": 1, "what": "Werkplekken herstellen", "status": "done"}),
            )
            .await,
        )
        .await;
        created(advisor.put_json(&format!("{base}/entries/action/{aid}"), &json!({"rev": 2, "what": "Werkplekken herstellen", "status": "closed", "result": "Gecontroleerd"})).await).await;

        // Communication: drafted, approved and published.
        let message = created(
            advisor.post_json(&format!("{base}/entries/communication"), &json!({"title": "Cyberaanval", "audience": "residents", "message": "Het loket werkt op papier.", "status": "draft"})).await,
        )
        .await;
        let mid = message["id"].as_str().expect("id");
        created(advisor.put_json(&format!("{base}/entries/communication/{mid}"), &json!({"rev": 1, "title": "Cyberaanval", "audience": "residents", "message": "Het loket werkt op papier.", "status": "approved", "approved_by": "Burgemeester"})).await).await;
        created(advisor.put_json(&format!("{base}/entries/communication/{mid}"), &json!({"rev": 2, "title": "Cyberaanval", "audience": "residents", "message": "Het loket werkt op papier.", "status": "published", "approved_by": "Burgemeester", "channel": "website", "published_at": "2026-11-28T11:00:00Z"})).await).await;

        // The aftermath starts with a handover to the line, not with a bare phase change;
        // the open action goes to its line owner in the same step.
        let bare = advisor
            .post_json(
                &format!("{base}/phase"),
                &json!({"phase": "aftermath", "reason": "Hersteld"}),
            )
            .await;
        assert_eq!(bare.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bare.text()
                .await
                .expect("body")
                .contains("handover_required")
        );
        let passwords = created(
            ciso.post_json(
                &format!("{base}/entries/action"),
                &json!({"what": "Beheerwachtwoorden vernieuwen", "status": "in_progress"}),
            )
            .await,
        )
        .await;
        let handed = created(
            advisor
                .post_json(
                    &format!("{base}/handover"),
                    &json!({"coordinator": "Gemeentesecretaris", "reason": "Hersteld",
                        "transfers": [{"action": passwords["id"], "owner": "Afdeling ICT"}],
                        "restoring": [process["id"]]}),
                )
                .await,
        )
        .await;
        assert_eq!(handed["phase"], "aftermath");
        assert_eq!(handed["coordinator"], "Gemeentesecretaris");
        let moved: Value = ciso
            .get(&format!(
                "{base}/entries/action/{}",
                passwords["id"].as_str().expect("id")
            ))
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(moved["data"]["owner_name"], "Afdeling ICT");
        assert_eq!(moved["rev"], 2, "the handover revised the action");
        let report = app.store.verify(Some(app.ws)).await.expect("verify");
        assert!(report.is_intact(), "{}: the chain verifies", app.db_name);

        let timeline: Value = advisor
            .get(&format!("{base}/timeline"))
            .await
            .json()
            .await
            .expect("json");
        let texts: Vec<String> = timeline
            .as_array()
            .expect("items")
            .iter()
            .map(|i| {
                format!(
                    "{} {}",
                    i["kind"].as_str().unwrap_or(""),
                    i["text"].as_str().unwrap_or("")
                )
            })
            .collect();
        // In the order things happened, not the order they were typed: the correction
        // (06:50) before the report it corrects (07:10), the meeting (08:00) and the
        // decision (08:30) before the classification typed at 09:00.
        let order = [
            "crisis Geopend",
            "log Correctie",
            "log Melding om 07:10",
            "bob GBT 1",
            "process_status Burgerzaken",
            "decision Geen losgeld",
            "crisis Geclassificeerd",
            "crisis Fase gewijzigd: Warme fase",
            "crisis GRIP gewijzigd: GRIP 4",
            "action Werkplekken herstellen",
            "communication Cyberaanval",
            "crisis Overgedragen aan de lijn; de nafase begint. Coördinatie: Gemeentesecretaris",
        ];
        let correction = timeline
            .as_array()
            .expect("items")
            .iter()
            .find(|i| {
                i["text"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("Correctie"))
            })
            .expect("the correction");
        assert_eq!(correction["occurred_at"], "2026-11-28T06:50:00.000000Z");
        assert_eq!(correction["recorded_at"], "2026-11-28T09:00:00.000000Z");
        assert_eq!(correction["recorded_late"], true, "typed two hours later");
        let mut at = 0;
        for step in order {
            let found = texts[at..]
                .iter()
                .position(|t| t.starts_with(step))
                .unwrap_or_else(|| {
                    panic!(
                        "{}: {step:?} not after step {at} in {texts:#?}",
                        app.db_name
                    )
                });
            at += found + 1;
        }
        assert!(
            texts.iter().any(|t| t.contains("Gepubliceerd")),
            "the publication is in the timeline"
        );
    }
}

#[tokio::test]
async fn a_decision_posted_by_one_client_reaches_another_clients_live_stream() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let api = app.api_as(&email_for(Role::Member)).await;
        let crisis = created(
            api.post_json(
                "/api/v1/crises",
                &json!({"title": "Storing", "phase": "warm"}),
            )
            .await,
        )
        .await;
        let id = crisis["id"].as_str().expect("id").to_owned();
        let viewer = app.login(&email_for(Role::Viewer)).await;
        let r = viewer.get(&format!("/live/{id}")).await;
        assert_eq!(r.status(), StatusCode::OK);
        let mut body = r.bytes_stream();
        created(
            api.post_json(&format!("/api/v1/crises/{id}/entries/decision"), &json!({
                "title": "Loket dicht", "decision": "Het loket gaat dicht", "considerations": "Geen systemen",
                "decided_by": "Burgemeester", "decided_at": "2026-11-28T09:00:00Z"})).await,
        )
        .await;
        let head = app
            .store
            .streams(app.ws)
            .await
            .expect("streams")
            .into_iter()
            .find(|s| s.id.to_string() == id)
            .expect("crisis stream")
            .head_seq;
        let mut seen = String::new();
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
        while !seen.contains(&format!("data: {head}")) {
            let chunk = tokio::time::timeout_at(deadline, body.next())
                .await
                .unwrap_or_else(|_| panic!("{}: no change within 10 s; got {seen:?}", app.db_name))
                .expect("stream open")
                .expect("chunk");
            seen.push_str(&String::from_utf8_lossy(&chunk));
        }
        let (_, page) = app
            .login(&email_for(Role::Viewer))
            .await
            .page(&format!("/crisis/{id}/besluiten"))
            .await;
        assert!(page.contains("Loket dicht"), "the decision list shows it");
    }
}

#[tokio::test]
async fn a_form_with_errors_comes_back_in_dutch_and_keeps_what_was_typed() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    let mut b = app.login(&email_for(Role::Member)).await;
    b.refresh_csrf("/crisis/nieuw").await;
    let r = b
        .post_form(
            "/crisis/nieuw",
            &[("title", ""), ("known", "Alles plat"), ("phase", "warm")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = r.text().await.expect("body");
    assert!(body.contains("Vul dit veld in."), "the Dutch message");
    assert!(body.contains("Alles plat"), "nothing typed is lost");

    let r = b
        .post_form(
            "/crisis/nieuw",
            &[
                ("title", "Storing zaaksysteem"),
                ("phase", "lukewarm"),
                ("exercise", "on"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = location(r.headers());
    assert!(to.ends_with("/classificatie"), "{to}");
    let crisis = to.trim_end_matches("/classificatie").to_owned();
    let (_, page) = b.page(&crisis).await;
    assert!(
        page.contains("Oefening — dit is geen echte crisis"),
        "the exercise banner"
    );

    b.refresh_csrf(&format!("{crisis}/besluiten/nieuw")).await;
    let r = b
        .post_form(
            &format!("{crisis}/besluiten"),
            &[
                ("title", "Systemen uit"),
                ("decision", "Alles uit"),
                ("decided_by", "CISO"),
                ("decided_at", "2026-11-28T10:00"),
                ("power", "other"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = r.text().await.expect("body");
    assert!(
        body.contains("Vul dit in als u ‘anders’ kiest.") || body.contains("Vul dit veld in."),
        "per-field messages"
    );
    assert!(body.contains("Systemen uit"), "kept");

    // A refused change on the picture says why beside its form and keeps the reason typed.
    b.refresh_csrf(&crisis).await;
    let r = b
        .post_form(
            &format!("{crisis}/fase"),
            &[("phase", "lukewarm"), ("reason", "Nog steeds lauw")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = r.text().await.expect("body");
    assert!(
        body.contains("Dit is al de huidige waarde."),
        "why it was refused"
    );
    assert!(
        body.contains("value=\"Nog steeds lauw\""),
        "the reason is kept"
    );
    assert!(
        body.contains("href=\"#form-phase\""),
        "the message leads to its form"
    );

    // Viewers read, but cannot record; another workspace does not even see it.
    let viewer = app.login(&email_for(Role::Viewer)).await;
    assert_eq!(
        viewer
            .get(&format!("{crisis}/logboek/nieuw"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(viewer.get(&crisis).await.status(), StatusCode::OK);
    let neighbour = app.login(OTHER_ADMIN).await;
    assert_eq!(neighbour.get(&crisis).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        neighbour.get(&format!("{crisis}/tijdlijn")).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn every_crisis_page_of_the_demo_renders_translated_in_both_languages() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    app.fill_with_demo().await;
    let crises = app.store.crises(app.ws).await.expect("crises");
    assert_eq!(
        crises.len(),
        4,
        "two crises and two exercises played from scripts"
    );
    assert!(
        crises.iter().any(|c| c.state.closed && !c.state.exercise),
        "a past crisis"
    );
    assert!(
        crises.iter().any(|c| !c.state.closed && c.state.exercise),
        "a running exercise"
    );
    let mut pages = vec![
        "/crisis".to_owned(),
        "/crisis/nieuw".to_owned(),
        "/oefenen".to_owned(),
    ];
    for c in &crises {
        let base = format!("/crisis/{}", c.id);
        // The administrator loaded the demo, so is exercise control of its runs.
        if c.state.exercise_run.is_some() {
            pages.push(format!("{base}/oefenleiding"));
            pages.push(format!("{base}/observaties"));
        }
        for p in [
            "",
            "/classificatie",
            "/tijdlijn",
            "/situatierapport",
            "/gasten",
            "/tijdlijn?only=decision",
            "/tijdlijn?only=crisis&page=1",
            "/tijdlijn?alle=ja",
            "/classificatie?own_organisation=yes&crime_suspected=yes",
            "/herstel",
            "/nazorg",
            "/verantwoording",
        ] {
            pages.push(format!("{base}{p}"));
        }
        // Exercise control's kinds have pages of their own (oefenleiding, observaties).
        for kind in crisismap_core::crisis::EntryKind::ALL
            .into_iter()
            .filter(|k| !k.exercise_staff())
        {
            pages.push(format!("{base}/{}", kind.slug()));
            if !c.state.closed {
                pages.push(format!("{base}/{}/nieuw", kind.slug()));
            }
        }
        for e in app
            .store
            .entries(app.ws, c.id, &crisismap_core::crisis::EntryKind::ALL)
            .await
            .expect("entries")
            .into_iter()
            .filter(|e| !e.kind.exercise_staff())
        {
            pages.push(format!("{base}/{}/{}", e.kind.slug(), e.id));
            if !c.state.closed && !e.kind.immutable() {
                pages.push(format!("{base}/{}/{}/bewerken", e.kind.slug(), e.id));
            }
        }
    }
    // The administrator reads every kind, aftercare and legal advice included.
    let mut b = app.login(&email_for(Role::Admin)).await;
    let mut problems = std::collections::BTreeSet::new();
    for lang in ["nl", "en"] {
        b.refresh_csrf("/account").await;
        b.post_form("/account/taal", &[("taal", lang)]).await;
        for page in &pages {
            let r = b.get(page).await;
            let status = r.status();
            let body = r.text().await.expect("body");
            assert_eq!(status, StatusCode::OK, "{lang} {page}");
            for problem in not_for_people(&visible_text(&body)) {
                problems.insert(format!("{lang} {page}: {problem}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "words that are not for people ({}): {problems:#?}",
        problems.len()
    );
    let past = crises.iter().find(|c| c.state.closed).expect("past");
    let (_, only_decisions) = b
        .page(&format!("/crisis/{}/tijdlijn?only=decision", past.id))
        .await;
    assert!(only_decisions.contains("We betalen geen losgeld"));
    assert!(
        !only_decisions.contains("Servicedesk meldt"),
        "the log is filtered out"
    );
    let exercise = crises.iter().find(|c| c.state.exercise).expect("exercise");
    let (_, picture) = b.page(&format!("/crisis/{}", exercise.id)).await;
    assert!(
        picture.contains("EXERCISE") || picture.contains("Exercise"),
        "the banner in English"
    );
    assert!(
        picture.contains("BrugSturing"),
        "the affected supplier in the picture"
    );
    let (_, dashboard) = b.page("/").await;
    assert!(
        dashboard.contains(&exercise.state.title),
        "the dashboard lists the running exercise"
    );
    let (_, informing) = b.page(&format!("/crisis/{}/informeren", exercise.id)).await;
    assert!(
        informing.contains("not yet informed"),
        "missing parties are flagged"
    );
}

#[tokio::test]
async fn a_liaison_invited_as_guest_sees_only_that_crisis() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let advisor = app.api_as(&email_for(Role::Editor)).await;
        let ours = created(
            advisor
                .post_json(
                    "/api/v1/crises",
                    &json!({"title": "Aanval op BrugSturing", "phase": "warm", "started_at": "2026-11-28T08:00"}),
                )
                .await,
        )
        .await;
        let other = created(
            advisor
                .post_json(
                    "/api/v1/crises",
                    &json!({"title": "Datalek", "phase": "lukewarm"}),
                )
                .await,
        )
        .await;
        let (ours, other) = (
            ours["id"].as_str().expect("id").to_owned(),
            other["id"].as_str().expect("id").to_owned(),
        );
        // The picture names a process of the register, which the guest may not open.
        let process = created(
            advisor
                .post_json(
                    "/api/v1/register/process",
                    &json!({"name": "Brugbediening", "criticality": "vital", "restore_priority": 1}),
                )
                .await,
        )
        .await;
        let in_picture = created(
            advisor
                .post_json(
                    &format!("/api/v1/crises/{ours}/entries/process_status"),
                    &json!({"process": process["id"], "status": "down", "since": "2026-11-28T08:30:00Z"}),
                )
                .await,
        )
        .await;
        // A member may not invite; an editor may.
        let member = app.api_as(&email_for(Role::Member)).await;
        let refused = member
            .post_json(
                &format!("/api/v1/crises/{ours}/guests"),
                &json!({"email": "liaison@brugsturing.nl", "display_name": "Ilse van Dam"}),
            )
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        let guest = created(
            advisor
                .post_json(
                    &format!("/api/v1/crises/{ours}/guests"),
                    &json!({"email": "liaison@brugsturing.nl", "display_name": "Ilse van Dam"}),
                )
                .await,
        )
        .await;
        assert!(
            guest["one_time_password"]
                .as_str()
                .is_some_and(|p| p.len() >= 12)
        );
        let bad = advisor
            .post_json(
                &format!("/api/v1/crises/{ours}/guests"),
                &json!({"email": "geen adres", "display_name": ""}),
            )
            .await;
        assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // The guest logs in (with a password of their own) and lands in the crisis.
        let guest_id = app.user_id("liaison@brugsturing.nl").await;
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
        let mut b = app.login("liaison@brugsturing.nl").await;
        let home = b.get("/").await;
        assert_eq!(home.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(home.headers()), format!("/crisis/{ours}"));
        let (status, page) = b.page(&format!("/crisis/{ours}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Aanval op BrugSturing"));
        assert!(
            !page.contains("/voorbereiden\""),
            "no navigation to the register"
        );
        // The process is named, as text: no link on the guest's pages leads to a refusal.
        assert!(page.contains("Brugbediening"));
        let process_page = format!(
            "/voorbereiden/processen/{}",
            process["id"].as_str().expect("id")
        );
        let (_, editor_view) = app
            .login(&email_for(Role::Editor))
            .await
            .page(&format!("/crisis/{ours}"))
            .await;
        assert!(
            editor_view.contains(&format!("href=\"{process_page}\"")),
            "the advisor's picture links the process"
        );
        let guest_crisis = ours.parse().expect("crisis id");
        for path in [
            format!("/crisis/{ours}"),
            format!("/crisis/{ours}/logboek"),
            format!("/crisis/{ours}/tijdlijn"),
            format!("/crisis/{ours}/aanwezigheid"),
            format!(
                "/crisis/{ours}/processen/{}",
                in_picture["id"].as_str().expect("id")
            ),
        ] {
            let (_, page) = b.page(&path).await;
            for href in hrefs(&page) {
                // "/" sends the guest on to the crisis (see above).
                assert!(
                    !href.starts_with('/')
                        || href == "/"
                        || crisismap_web::guest_may_visit(
                            href.split(['?', '#']).next().unwrap_or(""),
                            guest_crisis
                        ),
                    "{}: {path} links the guest to {href}, which refuses them",
                    app.db_name
                );
            }
        }

        // Nothing else: not the other crisis, not the list, not the register, not the API.
        for path in [
            format!("/crisis/{other}"),
            format!("/crisis/{other}/logboek"),
            format!("/live/{other}"),
            "/crisis".to_owned(),
            "/crisis/nieuw".to_owned(),
            "/voorbereiden".to_owned(),
            "/voorbereiden/contacten".to_owned(),
            "/afdrukken/crisismap.pdf".to_owned(),
            "/beheer".to_owned(),
            format!("/api/v1/crises/{other}"),
            "/api/v1/crises".to_owned(),
            "/api/v1/register/contact".to_owned(),
            format!("/crisis/{ours}x"),
        ] {
            assert_eq!(
                b.get(&path).await.status(),
                StatusCode::FORBIDDEN,
                "{}: {path}",
                app.db_name
            );
        }
        // What the guest records lands in their crisis.
        b.refresh_csrf(&format!("/crisis/{ours}/logboek/nieuw"))
            .await;
        let r = b
            .post_form(
                &format!("/crisis/{ours}/logboek"),
                &[
                    ("occurred_at", "2026-11-28T09:30"),
                    ("category", "contact"),
                    ("text", "Cloudplatform draait weer"),
                    ("source", "BrugSturing"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let r = b
            .post_form(
                &format!("/crisis/{other}/logboek"),
                &[
                    ("occurred_at", "2026-11-28T09:30"),
                    ("category", "contact"),
                    ("text", "x"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert!(
            app.audit_text().await.contains("guest_scope"),
            "refusals are audited"
        );
    }
}

#[tokio::test]
async fn a_failing_supplier_brings_the_lock_into_the_shared_picture_with_its_time_to_impact() {
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
        .await;
        // The advisor records that the lock's control system depends on the supplier.
        let lock = created(
            advisor
                .post_json(
                    "/api/v1/register/risk_object",
                    &json!({"name": "Sluis Zuid", "object_type": "lock",
                        "public_order": "Scheepvaart staat stil",
                        "depends_on": [{"on": supplier["id"], "hold_out_minutes": 30, "note": "besturing in de cloud"}]}),
                )
                .await,
        )
        .await;
        // A dependency must point at one thing.
        let both = advisor
            .post_json(
                "/api/v1/register/risk_object",
                &json!({"name": "Brug", "object_type": "bridge",
                    "depends_on": [{"on": supplier["id"], "on_vital": "electricity_regional", "hold_out_minutes": 0}]}),
            )
            .await;
        assert_eq!(both.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // What-if, in preparation.
        let mut b = app.login(&email_for(Role::Viewer)).await;
        let supplier_id = supplier["id"].as_str().expect("id").to_owned();
        let (status, what_if) = b
            .page(&format!("/voorbereiden/cascade?failing={supplier_id}"))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            what_if.contains("Sluis Zuid") && what_if.contains("30 min"),
            "{}",
            app.db_name
        );
        assert!(what_if.contains("<svg"), "the picture");

        // In the crisis room the supplier is marked failing.
        let crisis = created(
            advisor
                .post_json(
                    "/api/v1/crises",
                    &json!({"title": "Storing brugbediening", "phase": "warm"}),
                )
                .await,
        )
        .await;
        let id = crisis["id"].as_str().expect("id").to_owned();
        let unknown = advisor
            .post_json(
                &format!("/api/v1/crises/{id}/failing"),
                &json!({"nodes": ["vital:nonsense"]}),
            )
            .await;
        assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
        created(
            advisor
                .post_json(
                    &format!("/api/v1/crises/{id}/failing"),
                    &json!({"nodes": [supplier_id], "reason": "Cloud onbereikbaar"}),
                )
                .await,
        )
        .await;
        let impacts: Value = advisor
            .get(&format!("/api/v1/crises/{id}/cascade"))
            .await
            .json()
            .await
            .expect("json");
        let row = impacts
            .as_array()
            .and_then(|a| a.iter().find(|r| r["node"] == "Sluis Zuid"))
            .expect("the lock is affected");
        assert_eq!(row["minutes"], 30);
        assert_eq!(
            row["expected_at"], "28-11-2026 10:30",
            "09:00 UTC is 10:00 in Amsterdam, plus 30 min"
        );
        assert_eq!(row["public_order"], "Scheepvaart staat stil");
        let (_, picture) = b.page(&format!("/crisis/{id}")).await;
        assert!(picture.contains("Sluis Zuid"), "in the shared picture");
        assert!(picture.contains("30 min"));
        assert!(picture.contains("28-11-2026 10:30"));
        let _ = lock;
    }
}

/// Every `href` of a page, unescaped as a browser reads it.
fn hrefs(page: &str) -> Vec<String> {
    page.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|h| h.replace("&amp;", "&"))
        .collect()
}

/// At three in the morning the log keeps up with the room: ten lines typed into the quick line
/// on Logboek are ten posts, each answered with Logboek again (the cursor back in the line),
/// no form page in between; the time is now unless one was typed. From Beeld the line leads
/// back to Beeld. An empty line comes back with its message and the category chosen.
#[tokio::test]
async fn ten_log_lines_from_the_quick_line_are_ten_posts_and_nothing_else() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let mut b = app.login(&email_for(Role::Member)).await;
        b.refresh_csrf("/crisis/nieuw").await;
        let r = b
            .post_form(
                "/crisis/nieuw",
                &[("title", "Storing telefonie"), ("phase", "warm")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        let crisis = location(r.headers())
            .trim_end_matches("/classificatie")
            .to_owned();
        let log = format!("{crisis}/logboek");
        // Twenty-five minutes into the crisis: a line may be dated back to any moment since.
        app.clock.advance_minutes(25);

        let (_, page) = b.page(&log).await;
        let line = page
            .find("id=\"regel\"")
            .expect("the quick line on Logboek");
        let first_filter = page.find("role=\"search\"").expect("the filters");
        assert!(line < first_filter, "the line comes before the filters");
        assert!(
            page.contains("id=\"quick-text\" name=\"text\" type=\"text\" autocomplete=\"off\" required autofocus"),
            "the cursor starts in the line"
        );

        let mut posts = 0;
        for i in 1..=10 {
            let text = format!("Melding {i}: telefooncentrale valt weg op locatie {i}");
            let r = b
                .post_form(
                    &log,
                    &[
                        ("snel", "logboek"),
                        ("text", &text),
                        ("category", if i == 3 { "contact" } else { "report" }),
                        ("occurred_at", if i == 5 { "2026-11-28T10:20" } else { "" }),
                    ],
                )
                .await;
            posts += 1;
            if r.status() != StatusCode::SEE_OTHER {
                let status = r.status();
                panic!("line {i}: {status} {}", r.text().await.unwrap_or_default());
            }
            assert_eq!(
                location(r.headers()),
                format!("{log}?melding=logged"),
                "line {i} leads back to the line"
            );
        }
        assert_eq!(posts, 10);

        let (_, page) = b.page(&format!("{log}?melding=logged")).await;
        assert!(page.contains("Vastgelegd in het logboek."), "said so");
        let entries = app
            .store
            .entries(
                app.ws,
                crisis.trim_start_matches("/crisis/").parse().expect("id"),
                &[crisismap_core::crisis::EntryKind::Log],
            )
            .await
            .expect("entries");
        assert_eq!(
            entries.len(),
            10,
            "{}: every line is in the log",
            app.db_name
        );
        for i in 1..=10 {
            let text = format!("Melding {i}: telefooncentrale valt weg op locatie {i}");
            assert!(page.contains(&text), "line {i} is listed");
            let e = entries
                .iter()
                .find(|e| e.data.get("text").and_then(|t| t.as_str()) == Some(text.as_str()))
                .expect("saved");
            let at = e
                .data
                .get("occurred_at")
                .and_then(|t| t.as_str())
                .unwrap_or("");
            if i == 5 {
                assert!(
                    at.starts_with("2026-11-28T09:20"),
                    "the typed time (UTC): {at}"
                );
            } else {
                assert_eq!(
                    at.parse::<jiff::Timestamp>()
                        .ok()
                        .map(|t| t.as_second() / 60),
                    Some(app.clock.now_us() / 60_000_000),
                    "an empty time is now: {at}"
                );
            }
            let category = e.data.get("category").and_then(|c| c.as_str());
            assert_eq!(category, Some(if i == 3 { "contact" } else { "report" }));
        }

        // From Beeld, back to Beeld, with the cursor in the line.
        let r = b
            .post_form(
                &log,
                &[
                    ("snel", "beeld"),
                    ("text", "Leverancier belt terug om 04:00"),
                ],
            )
            .await;
        assert_eq!(location(r.headers()), format!("{crisis}?melding=logged"));
        let (_, beeld) = b.page(&format!("{crisis}?melding=logged")).await;
        assert!(
            beeld.contains("autofocus"),
            "the cursor is back in the line"
        );

        // An empty line: the form again with the message, nothing lost.
        let r = b
            .post_form(
                &log,
                &[("snel", "logboek"), ("text", ""), ("category", "contact")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = r.text().await.expect("body");
        assert!(body.contains("Vul dit veld in."), "the message");
    }
}

/// A decision is the mayor's or the chair's, and it can never be changed afterwards: the form
/// does not put the advisor who types it down as the one who decided. It offers the members
/// of the crisis's active teams with their role instead, and the capacities they hold.
#[tokio::test]
async fn the_decision_form_offers_the_teams_members_and_prefills_nobody() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    app.fill_with_demo().await;
    let exercise = app
        .store
        .crises(app.ws)
        .await
        .expect("crises")
        .into_iter()
        .find(|c| c.state.exercise)
        .expect("the demo's exercise");
    assert!(
        !exercise.state.teams.is_empty(),
        "the exercise has active teams"
    );
    let mut b = app.login(&email_for(Role::Member)).await;
    let (status, form) = b
        .page(&format!("/crisis/{}/besluiten/nieuw", exercise.id))
        .await;
    assert_eq!(status, StatusCode::OK);
    let input = form
        .split("<input id=\"f-decided_by\"")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .expect("the field for who decided");
    assert!(input.contains("value=\"\""), "nobody is prefilled: {input}");
    assert!(input.contains("list=\"f-decided_by-list\""), "{input}");
    let list = form
        .split("<datalist id=\"f-decided_by-list\">")
        .nth(1)
        .and_then(|rest| rest.split("</datalist>").next())
        .expect("the members offered");
    assert!(
        list.contains("value=\"Marleen Hoekstra\" label=\"Voorzitter"),
        "the mayor, as chair: {list}"
    );
    assert!(
        form.contains("<datalist id=\"f-capacity-list\">"),
        "the capacities offered"
    );
}

/// In a meeting the advisor records the mayor's decision in one line on Besluiten: Enter saves
/// it, taken now, titled by its first words, and the list is back with the line empty. Asking
/// for the full form opens what was typed in it, unsaved; a line without its considerations
/// comes back with the message and keeps what was typed. Both engines.
#[tokio::test]
async fn a_decision_is_recorded_from_one_line_and_the_full_form_opens_only_when_asked() {
    use crisismap_core::crisis::EntryKind;
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
        let list = format!("/crisis/{}/besluiten", exercise.id);
        let count = async || {
            app.store
                .entries(app.ws, exercise.id, &[EntryKind::Decision])
                .await
                .expect("entries")
                .len()
        };
        let before = count().await;
        let mut b = app.login(&email_for(Role::Editor)).await;
        let (_, page) = b.page(&list).await;
        assert!(page.contains("id=\"besluit\""), "the quick decision line");
        assert!(
            page.contains("value=\"Marleen Hoekstra\" label=\"Voorzitter"),
            "who may decide is offered"
        );

        let decision = "Gemeentehuis blijft dicht voor publiek tot de systemen weer veilig zijn; \
                        loketten werken op afspraak vanuit de bibliotheek";
        let r = b
            .post_form(
                &list,
                &[
                    ("snel", "besluiten"),
                    ("decision", decision),
                    (
                        "considerations",
                        "Geen zicht op welke werkplekken besmet zijn.",
                    ),
                    ("decided_by", "Marleen Hoekstra"),
                    ("capacity", "Burgemeester"),
                    ("decided_at", ""),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        assert_eq!(location(r.headers()), format!("{list}?melding=decided"));
        assert_eq!(count().await, before + 1, "one decision more");
        let saved = app
            .store
            .entries(app.ws, exercise.id, &[EntryKind::Decision])
            .await
            .expect("entries")
            .into_iter()
            .find(|e| e.data.get("decision").and_then(|d| d.as_str()) == Some(decision))
            .expect("saved as typed");
        assert!(
            saved.title.starts_with("Gemeentehuis blijft dicht") && saved.title.ends_with('…'),
            "titled by its first words: {}",
            saved.title
        );
        assert!(saved.title.chars().count() <= 100);
        let at: jiff::Timestamp = saved
            .data
            .get("decided_at")
            .and_then(|t| t.as_str())
            .and_then(|t| t.parse().ok())
            .expect("a moment");
        assert_eq!(
            at.as_second() / 60,
            app.clock.now_us() / 60_000_000,
            "taken now"
        );
        let (_, page) = b.page(&format!("{list}?melding=decided")).await;
        assert!(page.contains("Besluit vastgelegd"), "said so");

        // The full form, only when asked: what was typed, nothing saved.
        let r = b
            .post_form(
                &list,
                &[
                    ("snel", "besluiten"),
                    ("volledig", "1"),
                    ("decision", "Noodverordening voorbereiden"),
                    ("decided_by", "Marleen Hoekstra"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let form = r.text().await.expect("form");
        assert!(
            form.contains("Noodverordening voorbereiden"),
            "typed text kept"
        );
        assert!(
            form.contains("Koppelingen (niet verplicht)"),
            "the optional links grouped"
        );
        assert!(
            !form.contains("name=\"snel\""),
            "the whole form, not the line"
        );
        assert_eq!(count().await, before + 1, "nothing saved by asking");

        // Without considerations: the message, and what was typed stays.
        let r = b
            .post_form(
                &list,
                &[
                    ("snel", "besluiten"),
                    ("decision", "Inwoners informeren via de radio"),
                    ("considerations", ""),
                    ("decided_by", "Marleen Hoekstra"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = r.text().await.expect("body");
        assert!(body.contains("Vul dit veld in."), "the message");
        assert!(body.contains("Inwoners informeren via de radio"), "kept");
        assert_eq!(count().await, before + 1);
    }
}

/// "Vraagt aandacht" on Beeld (and under the crisis on Overzicht) collects every open step the
/// record shows, each linking to where it is resolved, and forgets it once it is taken: a
/// party the agreements say to inform, an action nobody owns, no meeting planned while teams
/// are at work.
#[tokio::test]
async fn the_picture_asks_attention_for_every_open_step_until_it_is_taken() {
    use crisismap_core::crisis::EntryKind;
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
        let base = format!("/crisis/{}", exercise.id);
        let now = jiff::Timestamp::from_microsecond(app.clock.now_us())
            .expect("now")
            .to_zoned(crisismap_core::time::amsterdam().clone())
            .strftime("%Y-%m-%dT%H:%M")
            .to_string();
        let attention = |page: &str| -> String {
            page.split("id=\"attention-heading\"")
                .nth(1)
                .and_then(|rest| rest.split("</section>").next())
                .expect("the attention card")
                .to_owned()
        };
        let mut b = app.login(&email_for(Role::Member)).await;

        // A party to inform, linked to a new informing entry for exactly that party.
        let (_, picture) = b.page(&base).await;
        let card = attention(&picture);
        let link = format!("{base}/informeren/nieuw?party=");
        let party: String = card
            .split(&link)
            .nth(1)
            .expect("a party not yet informed")
            .chars()
            .take_while(|c| *c != '"')
            .collect();
        assert!(card.contains("Nog niet geïnformeerd"), "{card}");
        // The overview lists the same step under the running exercise, with the same link.
        let (_, overview) = b.page("/").await;
        let crises_card = overview
            .split("id=\"c-crises\"")
            .nth(1)
            .and_then(|rest| rest.split("</section>").next())
            .expect("the crises card");
        assert!(
            crises_card.contains(&format!("{link}{party}\"")),
            "the overview asks the same: {crises_card}"
        );
        let (_, form) = b.page(&format!("{link}{party}")).await;
        assert!(
            form.contains(&format!("<option value=\"{party}\" selected")),
            "the form starts with the party"
        );
        let r = b
            .post_form(
                &format!("{base}/informeren"),
                &[
                    ("party", party.as_str()),
                    ("informed_at", now.as_str()),
                    ("by", "Jeroen Bakker"),
                    ("how", "phone"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        let (_, picture) = b.page(&base).await;
        assert!(
            !attention(&picture).contains(&format!("{link}{party}\"")),
            "informed: no longer asked"
        );

        // An action nobody owns.
        b.refresh_csrf(&format!("{base}/{}/nieuw", EntryKind::Action.slug()))
            .await;
        let r = b
            .post_form(
                &format!("{base}/{}", EntryKind::Action.slug()),
                &[
                    ("what", "Back-ups van de brugbesturing controleren"),
                    ("status", "new"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, picture) = b.page(&base).await;
        let card = attention(&picture);
        assert!(
            card.contains("Actie zonder eigenaar")
                && card.contains("Back-ups van de brugbesturing controleren"),
            "{card}"
        );

        // Teams at work in the warm phase and no meeting planned; a meeting with a next one
        // planned takes it away.
        let state = &exercise.state;
        assert!(
            state.phase == crisismap_core::crisis::Phase::Warm && !state.teams.is_empty(),
            "the demo's exercise is warm with teams"
        );
        assert!(card.contains("Geen vergadering gepland"), "{card}");
        let later = jiff::Timestamp::from_microsecond(app.clock.now_us() + 2 * 3_600_000_000)
            .expect("later")
            .to_zoned(crisismap_core::time::amsterdam().clone())
            .strftime("%Y-%m-%dT%H:%M")
            .to_string();
        let r = b
            .post_form(
                &format!("{base}/{}", EntryKind::Bob.slug()),
                &[
                    ("title", "BOB 1"),
                    ("started_at", now.as_str()),
                    ("next_meeting", later.as_str()),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, picture) = b.page(&base).await;
        assert!(
            !attention(&picture).contains("Geen vergadering gepland"),
            "a meeting is planned"
        );

        // A viewer reads the same steps, linked to where they show, not to a form they may
        // not use.
        let mut viewer = app.login(&email_for(Role::Viewer)).await;
        let (_, picture) = viewer.page(&base).await;
        let card = attention(&picture);
        assert!(card.contains("Nog niet geïnformeerd"), "{card}");
        assert!(
            card.contains(&format!("href=\"{base}/informeren\"")) && !card.contains("/nieuw"),
            "{card}"
        );
    }
}

/// A personal-data breach comes to light: the advisor records the duty to notify the Data
/// Protection Authority without typing a deadline, and crisismap sets it 72 hours after the
/// moment the municipality became aware. Beeld counts it down, then says it is late; marking it
/// done asks when. The mayor's emergency ordinance starts its own duties, asked for until they
/// are recorded. Both engines.
#[tokio::test]
async fn duties_run_from_their_start_count_down_on_the_picture_and_follow_from_emergency_powers() {
    use crisismap_core::crisis::EntryKind;
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
        let base = format!("/crisis/{}", exercise.id);
        let local = |minutes_ago: i64| {
            jiff::Timestamp::from_microsecond(app.clock.now_us() - minutes_ago * 60_000_000)
                .expect("moment")
                .to_zoned(crisismap_core::time::amsterdam().clone())
                .strftime("%Y-%m-%dT%H:%M")
                .to_string()
        };
        let mut b = app.login(&email_for(Role::Editor)).await;
        b.refresh_csrf(&format!("{base}/plichten/nieuw")).await;

        // Aware 71 hours ago: one hour left.
        let aware = local(71 * 60);
        let r = b
            .post_form(
                &format!("{base}/plichten"),
                &[
                    ("obligation", "avg_authority"),
                    ("starts_at", &aware),
                    ("deadline", ""),
                    ("status", "open"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        let duty_page = location(r.headers());
        let duty = app
            .store
            .entries(app.ws, exercise.id, &[EntryKind::Duty])
            .await
            .expect("entries")
            .into_iter()
            .find(|e| e.text("obligation") == Some("avg_authority"))
            .expect("the duty");
        let start: jiff::Timestamp = duty.data["starts_at"]
            .as_str()
            .and_then(|t| t.parse().ok())
            .expect("start");
        let due: jiff::Timestamp = duty.data["deadline"]
            .as_str()
            .and_then(|t| t.parse().ok())
            .expect("a deadline was set");
        assert_eq!(due.duration_since(start).as_hours(), 72, "72 hours");

        let (_, picture) = b.page(&base).await;
        let steps = words_of(&picture);
        assert!(
            steps.contains("Termijn loopt Datalek melden bij de Autoriteit Persoonsgegevens")
                && steps.contains("nog 1 u"),
            "{steps}"
        );

        // Two hours later it is late, and says by how much (a new session: the last one has
        // been idle too long).
        app.clock.advance_minutes(120);
        let mut b = app.login(&email_for(Role::Editor)).await;
        let (_, picture) = b.page(&base).await;
        let steps = words_of(&picture);
        assert!(
            steps.contains("Termijn verstreken") && steps.contains("1 u te laat"),
            "{steps}"
        );

        // Done, but when? Asked, and nothing typed is lost.
        let edit = format!(
            "{}/bewerken",
            duty_page.split('?').next().unwrap_or_default()
        );
        b.refresh_csrf(&edit).await;
        let update = edit.trim_end_matches("/bewerken").to_owned();
        let fields = |done_at: &'static str| {
            vec![
                ("rev", "1"),
                ("obligation", "avg_authority"),
                ("starts_at", aware.as_str()),
                ("deadline", ""),
                ("status", "done"),
                ("done_at", done_at),
                ("done_by", "Functionaris gegevensbescherming"),
                ("evidence", "Meldnummer AP 2026-1234"),
            ]
        };
        let r = b.post_form(&update, &fields("")).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = r.text().await.expect("body");
        assert!(body.contains("Vul in wanneer het gedaan is."), "asked when");
        assert!(body.contains("Meldnummer AP 2026-1234"), "kept");
        let done_at = local(30);
        let mut done = fields("");
        done.retain(|(k, _)| *k != "done_at");
        done.push(("done_at", done_at.as_str()));
        let r = b.post_form(&update, &done).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, picture) = b.page(&base).await;
        assert!(
            !words_of(&picture).contains("Termijn verstreken"),
            "a duty done asks nothing more"
        );

        // The mayor's emergency ordinance starts three duties, asked for until recorded.
        b.refresh_csrf(&format!("{base}/besluiten/nieuw")).await;
        let decided = local(10);
        let r = b
            .post_form(
                &format!("{base}/besluiten"),
                &[
                    ("title", "Noodverordening sluiting bruggen"),
                    ("decision", "Bruggen blijven dicht voor alle verkeer"),
                    ("considerations", "Handbediening is nog niet overal bemand."),
                    ("decided_by", "Marleen Hoekstra"),
                    ("power", "gemw_176"),
                    ("decided_at", &decided),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, picture) = b.page(&base).await;
        let steps = words_of(&picture);
        for duty in [
            "Noodverordening ter kennis brengen van raad",
            "Noodverordening laten bekrachtigen",
            "Noodverordening intrekken",
        ] {
            assert!(
                steps.contains(&format!("Plicht vastleggen {duty}")),
                "{duty}: {steps}"
            );
        }
        let link = picture
            .split("href=\"")
            .filter_map(|s| s.split('"').next())
            .find(|h| h.contains("/plichten/nieuw?") && h.contains("ordinance_inform"))
            .expect("a link that records it")
            .replace("&amp;", "&")
            .replace("&#38;", "&");
        let (status, form) = b.page(&link).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            form.contains("value=\"ordinance_inform\" selected"),
            "prefilled"
        );
        let decision_id = link
            .split("decision=")
            .nth(1)
            .and_then(|s| s.split('&').next())
            .expect("the decision")
            .to_owned();
        let r = b
            .post_form(
                &format!("{base}/plichten"),
                &[
                    ("obligation", "ordinance_inform"),
                    ("decision", &decision_id),
                    ("starts_at", &decided),
                    ("status", "done"),
                    ("done_at", &local(5)),
                    ("done_by", "Griffier"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, picture) = b.page(&base).await;
        let steps = words_of(&picture);
        assert!(
            !steps.contains("Plicht vastleggen Noodverordening ter kennis brengen"),
            "recorded: {steps}"
        );
        assert!(steps.contains("Plicht vastleggen Noodverordening laten bekrachtigen"));
    }
}

/// After the ransomware crisis the advisor evaluates: a finding that is to improve, citing the
/// log line it is about, with its lesson. One click makes the lesson an improvement action in
/// the register (prefilled, saved only when sent); Nafase lists the evaluation and the action,
/// and once its date passes the overview asks for it. Both engines.
#[tokio::test]
async fn a_lesson_of_the_evaluation_becomes_an_improvement_action_that_the_overview_keeps_in_sight()
{
    use crisismap_core::crisis::EntryKind;
    use crisismap_core::register::RecordKind;
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
        let base = format!("/crisis/{}", exercise.id);
        let log_line = app
            .store
            .entries(app.ws, exercise.id, &[EntryKind::Log])
            .await
            .expect("entries")
            .into_iter()
            .next()
            .expect("a log line");
        let mut b = app.login(&email_for(Role::Editor)).await;
        b.refresh_csrf(&format!("{base}/bevindingen/nieuw")).await;
        let lesson = "Handbediening van bruggen vooraf oefenen met de brugwachters";
        let r = b
            .post_form(
                &format!("{base}/bevindingen"),
                &[
                    ("theme", "continuity"),
                    ("verdict", "to_improve"),
                    (
                        "finding",
                        "Brugwachters kenden de handbediening niet uit hun hoofd.",
                    ),
                    ("lesson", lesson),
                    ("log", &log_line.id.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", app.db_name);
        let finding = location(r.headers());
        let (_, page) = b.page(&finding).await;
        let text = words_of(&page);
        assert!(
            text.contains("Continuïteit van de eigen processen") && text.contains("Kan beter"),
            "{text}"
        );
        assert!(
            text.contains(log_line.title.lines().next().unwrap_or("")),
            "the log line it cites, by its words: {text}"
        );
        let make = page
            .split("href=\"")
            .filter_map(|s| s.split('"').next())
            .find(|h| h.starts_with("/voorbereiden/verbeteracties/nieuw?"))
            .expect("a link that makes the improvement action")
            .replace("&amp;", "&")
            .replace("&#38;", "&");
        let (status, form) = b.page(&make).await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains(lesson), "the lesson is prefilled");
        assert!(
            form.contains("Evaluatie Oefening"),
            "with where it comes from"
        );
        let before = app
            .store
            .records(app.ws, RecordKind::Improvement)
            .await
            .expect("records")
            .len();
        let due = jiff::Timestamp::from_microsecond(app.clock.now_us())
            .expect("now")
            .to_zoned(crisismap_core::time::amsterdam().clone())
            .date()
            .checked_add(jiff::ToSpan::days(7))
            .expect("date")
            .to_string();
        let r = b
            .post_form(
                "/voorbereiden/verbeteracties",
                &[
                    ("name", lesson),
                    ("lesson", lesson),
                    ("theme", "continuity"),
                    ("source", "Evaluatie Oefening brugbediening"),
                    ("due_on", &due),
                    ("status", "open"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.store
                .records(app.ws, RecordKind::Improvement)
                .await
                .expect("records")
                .len(),
            before + 1
        );

        // Nafase: the demo's closed crisis with its evaluation, and the running actions.
        let (_, aftermath) = b.page("/nafase").await;
        let text = words_of(&aftermath);
        assert!(
            text.contains("Ransomware-aanval op de gemeentelijke systemen"),
            "{text}"
        );
        assert!(text.contains(lesson), "the new action is listed");
        assert!(
            text.contains("datum verstreken"),
            "the demo's overdue action is flagged"
        );
        assert!(
            !text.contains("Nog niets"),
            "no empty card about evaluation"
        );

        // Eight days on, the new action is past its date too: the overview asks for it.
        app.clock.advance_minutes(8 * 24 * 60);
        let mut b = app.login(&email_for(Role::Viewer)).await;
        let (_, overview) = b.page("/").await;
        assert!(
            words_of(&overview).contains("Verbeteracties: 2 vragen aandacht"),
            "{}",
            words_of(&overview)
        );
    }
}
