//! The paper fallback: the crisis folder as PDF, downloaded and kept current on disk.

use crate::common::*;
use crisismap_core::{Role, StreamKind};
use crisismap_testing::TestDb;
use reqwest::StatusCode;

#[tokio::test]
async fn the_crisis_folder_prints_the_register_with_the_head_hash_and_hostile_names_literally() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    let mut b = app.login(&email_for(Role::Editor)).await;
    b.refresh_csrf("/voorbereiden/contacten").await;
    for (name, phone) in [
        ("Sanne de Vries", "06-12345678"),
        ("#read(\"/etc/passwd\") *vet*", "020-1234567"),
    ] {
        let r = b
            .post_form(
                "/voorbereiden/contacten",
                &[
                    ("name", name),
                    ("phones.0.label", "night"),
                    ("phones.0.number", phone),
                    ("alternative_channel", "Portofoon kanaal 3"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let (status, page) = b.page("/afdrukken").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("href=\"/afdrukken/crisismap.pdf\""));

    let r = b.get("/afdrukken/crisismap.pdf").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let bytes = r.bytes().await.expect("pdf");
    assert!(bytes.starts_with(b"%PDF"));
    // Table cells wrap: compare with the white space folded.
    let text = pdf_text(&bytes)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "Gemeente Voorbeeld",
        "Sanne de Vries",
        "06 12345678",
        "Portofoon kanaal 3",
        "VERTROUWELIJK",
    ] {
        assert!(
            text.contains(expected),
            "{expected} missing from the folder"
        );
    }
    assert!(
        text.contains("#read(\"/etc/passwd\") *vet*"),
        "a hostile name prints literally: {text}"
    );
    assert!(!text.contains("root:x:0:0"), "and never reads a file");
    let head = app
        .store
        .stream_of(app.ws, StreamKind::Preparation)
        .await
        .expect("s")
        .head_hash;
    assert!(
        text.replace(' ', "").contains(&head),
        "the head hash witnesses the record"
    );
}

#[tokio::test]
async fn serve_keeps_a_current_folder_on_disk() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    let dir = tempfile::tempdir().expect("tmp");
    let state = crisismap_app::App::new(app.store.clone(), crisismap_app::PasswordCost::Fast);
    let task = tokio::spawn(crisismap_app::print::keep_folders_current(
        state,
        dir.path().to_path_buf(),
        std::time::Duration::from_millis(200),
    ));
    let path = crisismap_app::print::folder_path(dir.path(), "Gemeente Voorbeeld");
    let wait_for = |needle: &'static str| {
        let path = path.clone();
        async move {
            for _ in 0..100 {
                if let Ok(bytes) = std::fs::read(&path)
                    && pdf_text(&bytes).contains(needle)
                {
                    return true;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            false
        }
    };
    assert!(wait_for("Gemeente Voorbeeld").await, "written at start");
    let neighbour = crisismap_app::print::folder_path(dir.path(), "Gemeente Buurdorp");
    let mut neighbour_written = None;
    for _ in 0..100 {
        neighbour_written = std::fs::metadata(&neighbour)
            .and_then(|m| m.modified())
            .ok();
        if neighbour_written.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let neighbour_written =
        neighbour_written.expect("every workspace's folder is written at start");
    let mut b = app.login(&email_for(Role::Editor)).await;
    b.refresh_csrf("/voorbereiden/contacten").await;
    b.post_form(
        "/voorbereiden/contacten",
        &[
            ("name", "Nieuwe Liaison"),
            ("phones.0.label", "mobile"),
            ("phones.0.number", "0687654321"),
        ],
    )
    .await;
    assert!(
        wait_for("Nieuwe Liaison").await,
        "rewritten shortly after a change"
    );
    let neighbour_now = std::fs::metadata(&neighbour)
        .and_then(|m| m.modified())
        .expect("still there");
    assert_eq!(
        neighbour_written, neighbour_now,
        "an unchanged workspace is not printed again"
    );
    assert!(
        !dir.path()
            .join("crisismap-gemeente-voorbeeld.pdf.tmp")
            .exists(),
        "no half-written file left"
    );
    task.abort();
}

#[tokio::test]
async fn a_crisis_prints_its_situation_report_and_a_verified_decision_record() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    app.fill_with_demo().await;
    let crises = app.store.crises(app.ws).await.expect("crises");
    let past = crises.iter().find(|c| c.state.closed).expect("past crisis");
    let exercise = crises.iter().find(|c| c.state.exercise).expect("exercise");
    let b = app.login(&email_for(Role::Viewer)).await;

    let r = b.get(&format!("/crisis/{}/besluiten.pdf", past.id)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/pdf")
    );
    let text = pdf_text(&r.bytes().await.expect("pdf"));
    assert!(text.contains("We betalen geen losgeld"), "{text}");
    assert!(
        text.contains("Betalen financiert criminaliteit"),
        "considerations"
    );
    assert!(text.contains("Loket open met papieren formulieren"));
    assert!(text.contains("Hash-keten intact"), "the chain verifies");
    let head = app
        .store
        .streams(app.ws)
        .await
        .expect("streams")
        .into_iter()
        .find(|s| s.id == past.id)
        .expect("stream")
        .head_hash;
    assert!(
        text.replace(['\n', ' '], "").contains(&head),
        "the head hash is printed"
    );

    let r = b
        .get(&format!("/crisis/{}/situatierapport.pdf", exercise.id))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let text = pdf_text(&r.bytes().await.expect("pdf"));
    assert!(text.contains("OEFENING"), "an exercise says so");
    assert!(text.contains("Bediening bruggen en sluizen"), "the process");
    assert!(text.contains("BrugSturing"), "the affected supplier");
    assert!(text.contains("Uitgevallen"), "its status");

    // The crisis folder lists the risk organisations with what they depend on.
    let r = b.get("/afdrukken/crisismap.pdf").await;
    assert_eq!(r.status(), StatusCode::OK);
    let folder = pdf_text(&r.bytes().await.expect("pdf"));
    assert!(folder.contains("Sluis Zuid"), "the lock");
    assert!(folder.contains("Ziekenhuis Rijnoord"), "the hospital");
    let squeezed: String = folder.split_whitespace().collect();
    assert!(squeezed.contains("noodstroomvoor24uur"), "its hold-out");

    // Another workspace cannot print it.
    let neighbour = app.login(OTHER_ADMIN).await;
    assert_eq!(
        neighbour
            .get(&format!("/crisis/{}/besluiten.pdf", past.id))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    // The print directory holds the running exercise's situation report too.
    let dir = tempfile::tempdir().expect("tmp");
    let state = crisismap_app::App::new(app.store.clone(), crisismap_app::PasswordCost::Fast);
    crisismap_app::print::write_folders(&state, dir.path(), None)
        .await
        .expect("written");
    let sitrep = crisismap_app::print::sitrep_path(
        dir.path(),
        "Gemeente Voorbeeld",
        &exercise.state.title,
        exercise.id,
    );
    let text = pdf_text(&std::fs::read(&sitrep).expect("the exercise's sitrep on disk"));
    assert!(text.contains("BrugSturing"));
    let closed = crisismap_app::print::sitrep_path(
        dir.path(),
        "Gemeente Voorbeeld",
        &past.state.title,
        past.id,
    );
    assert!(!closed.exists(), "only running crises");
}

/// The team issues situation reports through the night: each takes the next number of the
/// crisis's series, says "as of" the moment it was issued, and shows in the crisis's history;
/// what is printed without issuing is the draft of the next one. Both engines.
#[tokio::test]
async fn situation_reports_are_numbered_in_sequence_per_crisis() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        app.fill_with_demo().await;
        let crises = app.store.crises(app.ws).await.expect("crises");
        let exercise = crises.iter().find(|c| c.state.exercise).expect("exercise");
        let page = format!("/crisis/{}/situatierapport", exercise.id);
        let mut b = app.login(&email_for(Role::Editor)).await;

        let (status, html) = b.page(&page).await;
        assert_eq!(status, StatusCode::OK);
        let text = words_of(&html);
        assert!(
            text.contains("Situatierapport 1 (concept) stand per"),
            "{text}"
        );
        assert!(
            !text.contains("Afgedrukt"),
            "nothing was printed yet: {text}"
        );
        assert!(text.contains("Nog geen situatierapport uitgebracht"));
        let draft = pdf_text(
            &b.get(&format!("{page}.pdf"))
                .await
                .bytes()
                .await
                .expect("pdf"),
        );
        assert!(draft.contains("Situatierapport 1 (concept)"), "{draft}");

        for n in 1..=2 {
            b.refresh_csrf(&page).await;
            let r = b.post_form(&page, &[]).await;
            assert_eq!(r.status(), StatusCode::OK);
            assert_eq!(
                r.headers()
                    .get("content-disposition")
                    .and_then(|v| v.to_str().ok()),
                Some(format!("attachment; filename=\"situatierapport-{n}.pdf\"").as_str())
            );
            let issued = pdf_text(&r.bytes().await.expect("pdf"));
            assert!(issued.contains(&format!("Situatierapport {n}")), "{issued}");
            assert!(
                !issued.contains("concept"),
                "an issued report is no draft: {issued}"
            );
            assert!(issued.contains("Stand per"), "{issued}");
        }
        let (_, html) = b.page(&page).await;
        let text = words_of(&html);
        assert!(text.contains("Situatierapport 3 (concept)"), "{text}");
        assert!(text.contains("Situatierapport 2, stand per"), "{text}");
        assert!(text.contains("Situatierapport 1, stand per"), "{text}");
        let (_, picture) = b.page(&format!("/crisis/{}", exercise.id)).await;
        assert!(
            words_of(&picture).contains("Situatierapport 2 uitgebracht"),
            "the history says so"
        );

        // Reading is not issuing: a viewer prints drafts only.
        let mut viewer = app.login(&email_for(Role::Viewer)).await;
        let (_, html) = viewer.page(&page).await;
        assert!(
            !html.contains("Uitbrengen als"),
            "no issue button for a viewer"
        );
        viewer.refresh_csrf(&page).await;
        assert_eq!(
            viewer.post_form(&page, &[]).await.status(),
            StatusCode::FORBIDDEN
        );
        let (_, html) = b.page(&page).await;
        assert!(words_of(&html).contains("Situatierapport 3 (concept)"));
    }
}

/// The folder's first page is what a team needs when the systems are down: who is on call
/// now and this week with their numbers, and the first numbers outside the municipality;
/// the contents follow, and the hash table that checks the paper against the record sits at
/// the back with a line saying what it is for.
#[tokio::test]
async fn the_folder_opens_with_who_to_call_and_keeps_the_hash_table_at_the_back() {
    let app = TestApp::spawn(TestDb::sqlite()).await;
    app.fill_with_demo().await;
    let b = app.login(&email_for(Role::Viewer)).await;
    let r = b.get("/afdrukken/crisismap.pdf").await;
    assert_eq!(r.status(), StatusCode::OK);
    let text = pdf_text(&r.bytes().await.expect("pdf"));
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let cover = pages.first().copied().unwrap_or_default();
    assert!(cover.contains("Als de systemen uitvallen"), "{cover}");
    assert!(cover.contains("Nu piket"), "{cover}");
    assert!(
        cover.contains("Veiligheidsregio") && cover.contains("088 878 1000"),
        "the safety region's control room: {cover}"
    );
    assert!(
        cover.chars().filter(char::is_ascii_digit).count() > 40,
        "numbers to call on the cover: {cover}"
    );
    assert!(!cover.contains("SHA-256"), "no hash table on the cover");
    let contents = pages
        .iter()
        .position(|p| p.contains("Inhoud"))
        .expect("a contents page");
    assert_eq!(contents, 1, "the contents follow the cover");
    let check = pages
        .iter()
        .rposition(|p| p.contains("Controle tegen het digitale logboek"))
        .expect("the check section");
    let forms = pages
        .iter()
        .position(|p| p.contains("Presentielijst"))
        .expect("the blank forms");
    assert!(check > forms, "the hash table comes after the blank forms");
    assert!(pages[check].contains("SHA-256"), "{}", pages[check]);
    assert!(pages[check].contains("toetst u of dit papieren dossier"));
}
