//! Risk organisations and dependencies in and out: exports a spreadsheet cannot turn into
//! formulas, imports that are all or nothing with every dangling name reported by row, and a
//! round trip that changes nothing.

use crate::common::*;
use crisismap_core::Role;
use crisismap_core::register::RecordKind;
use crisismap_testing::TestDb;
use reqwest::StatusCode;
use serde_json::json;

async fn upload(b: &Browser, base: &str, name: &str, body: Vec<u8>) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("_csrf", b.csrf.clone())
        .part(
            "bestand",
            reqwest::multipart::Part::bytes(body).file_name(name.to_owned()),
        );
    b.client
        .post(format!("{base}/voorbereiden/risico-objecten/import"))
        .multipart(form)
        .send()
        .await
        .expect("upload")
}

#[tokio::test]
async fn risk_objects_and_dependencies_go_out_and_come_back_in() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let api = app.api_as(&email_for(Role::Editor)).await;
        let r = api
            .post_json(
                "/api/v1/register/organisation",
                &json!({"name": "BrugSturing B.V.", "org_type": "supplier"}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::CREATED);
        let r = api
            .post_json(
                "/api/v1/register/risk_object",
                &json!({"name": "=HYPERLINK(\"http://x\")", "object_type": "other"}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::CREATED);

        let mut b = app.login(&email_for(Role::Editor)).await;
        b.refresh_csrf("/voorbereiden/risico-objecten/import").await;
        // A new lock and a dependency on the supplier, in two CSV files.
        let risks = "name;object_type;public_order;vital_processes\r\nSluis Noord;lock;Scheepvaart ligt stil;\r\n";
        let r = upload(&b, &app.base, "risico.csv", risks.as_bytes().to_vec()).await;
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "{}: {}",
            app.db_name,
            r.text().await.unwrap_or_default()
        );
        let deps = "dependent;depends_on;hold_out_minutes;note\r\nSluis Noord;BrugSturing B.V.;45;cloud\r\nSluis Noord;vital:electricity_regional;60;accu\r\n";
        let r = upload(&b, &app.base, "afh.csv", deps.as_bytes().to_vec()).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, deps_page) = b.page("/voorbereiden/afhankelijkheden").await;
        assert!(deps_page.contains("Sluis Noord") && deps_page.contains("45 min"));

        // Dangling names are reported per row, and nothing is written.
        let before = app.store.all_records(app.ws).await.expect("records").len();
        let bad = "dependent;depends_on;hold_out_minutes\r\nSluis Noord;Onbekende Leverancier;10\r\nNergens;BrugSturing B.V.;5\r\nSluis Noord;BrugSturing B.V.;veel\r\n";
        let r = upload(&b, &app.base, "afh.csv", bad.as_bytes().to_vec()).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("body");
        assert!(
            page.contains("rij 2") && page.contains("Onbekende Leverancier"),
            "{page}"
        );
        assert!(page.contains("rij 3") && page.contains("Nergens"));
        assert!(page.contains("rij 4"), "the bad number is on row 4");
        assert_eq!(
            app.store.all_records(app.ws).await.expect("records").len(),
            before
        );
        let (_, deps_page) = b.page("/voorbereiden/afhankelijkheden").await;
        assert!(
            deps_page.contains("45 min"),
            "the earlier dependencies stand"
        );

        // Exports: no formulas, and JSON that imports back without changing anything.
        let csv = b
            .get("/voorbereiden/risico-objecten/export.csv")
            .await
            .text()
            .await
            .expect("csv");
        assert!(csv.contains("'=HYPERLINK"), "{csv}");
        let deps_csv = b
            .get("/voorbereiden/afhankelijkheden/export.csv")
            .await
            .text()
            .await
            .expect("csv");
        assert!(
            deps_csv.contains("Sluis Noord;BrugSturing B.V.;45;cloud"),
            "{deps_csv}"
        );
        let exported = b
            .get("/voorbereiden/risico-objecten/export.json")
            .await
            .bytes()
            .await
            .expect("json");
        let value: serde_json::Value = serde_json::from_slice(&exported).expect("json");
        assert_eq!(value["risk_objects"].as_array().map(Vec::len), Some(2));
        let lock_before = app
            .store
            .records(app.ws, RecordKind::RiskObject)
            .await
            .expect("records")
            .into_iter()
            .find(|r| r.title == "Sluis Noord")
            .expect("lock");
        let r = upload(&b, &app.base, "alles.json", exported.to_vec()).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let lock_after = app
            .store
            .records(app.ws, RecordKind::RiskObject)
            .await
            .expect("records")
            .into_iter()
            .find(|r| r.title == "Sluis Noord")
            .expect("lock");
        assert_eq!(
            lock_before.data, lock_after.data,
            "a round trip changes nothing"
        );

        // The cascade follows the imported dependency.
        let supplier = app
            .store
            .records(app.ws, RecordKind::Organisation)
            .await
            .expect("records")
            .into_iter()
            .find(|r| r.title == "BrugSturing B.V.")
            .expect("supplier");
        let (_, what_if) = b
            .page(&format!("/voorbereiden/cascade?failing={}", supplier.id))
            .await;
        assert!(what_if.contains("Sluis Noord") && what_if.contains("45 min"));
    }
}
