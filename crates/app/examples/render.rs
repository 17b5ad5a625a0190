//! Prints the demo municipality's documents to a folder, for a look at the pages:
//! `cargo run -p crisismap-app --example render -- /tmp/crisismap-pdf`
//!
//! The data is the demo (`demo/*.json`), loaded into a temporary SQLite database through the
//! same commands a user's data takes, and printed through the same functions as
//! `crisismap print` and the Afdrukken page.

use crisismap_app::{App, PasswordCost, demo, print};
use crisismap_core::Lang;
use crisismap_core::clock::SystemClock;
use crisismap_store::{OpenMode, Store};
use std::path::PathBuf;
use std::sync::Arc;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/pdf".to_owned()),
    );
    std::fs::create_dir_all(&dir)?;
    let db = crisismap_testing::TestDb::sqlite();
    let store = Store::open(
        &db.location,
        OpenMode::CreateIfMissing,
        Arc::new(SystemClock),
    )
    .await?;
    let app = App::new(store, PasswordCost::Fast);
    let (ws, _) = demo::seed(&app, "not a password").await?;
    let crises = app.store().crises(ws).await?;
    let past = crises
        .iter()
        .find(|c| !c.state.exercise)
        .ok_or("the demo has a crisis")?;
    let exercise = crises
        .iter()
        .find(|c| c.state.exercise)
        .ok_or("the demo has an exercise")?;

    let mut docs = vec![];
    for lang in Lang::ALL {
        let code = lang.code();
        let folder = print::folder_data(&app, ws, lang, None).await?;
        docs.push((
            format!("crisismap-{code}"),
            print::render_folder(folder).await?,
        ));
        let sitrep = print::sitrep_data(&app, ws, past.id, lang).await?;
        docs.push((
            format!("situatierapport-{code}"),
            print::render_sitrep(sitrep).await?,
        ));
        let record = print::decision_record_data(&app, ws, past.id, lang).await?;
        docs.push((
            format!("besluitenlijst-{code}"),
            print::render_decisions(record).await?,
        ));
    }
    let drill = print::sitrep_data(&app, ws, exercise.id, Lang::Nl).await?;
    docs.push((
        "situatierapport-oefening".to_owned(),
        print::render_sitrep(drill).await?,
    ));

    for (name, pdf) in docs {
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, &pdf.bytes)?;
        println!(
            "{}: {} pages, {} bytes, data {:?}, compile {:?}, export {:?}",
            path.display(),
            pdf.pages,
            pdf.bytes.len(),
            pdf.timings.data,
            pdf.timings.compile,
            pdf.timings.export
        );
    }
    Ok(())
}
