//! Writes every sample document to a folder, for a look at the pages:
//! `cargo run -p crisismap-report --example render -- /tmp/crisismap-pdf`

use crisismap_core::Lang;
use crisismap_report::{DecisionRecordData, FolderData, Renderer, SitrepData};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/pdf".to_owned()),
    );
    std::fs::create_dir_all(&dir)?;
    let renderer = Renderer::new()?;
    let mut exercise = SitrepData::sample(Lang::Nl);
    exercise.exercise = true;
    let docs = [
        (
            "crisismap-nl",
            renderer.crisis_folder(&FolderData::sample(Lang::Nl))?,
        ),
        (
            "crisismap-en",
            renderer.crisis_folder(&FolderData::sample(Lang::En))?,
        ),
        (
            "crisismap-large",
            renderer.crisis_folder(&FolderData::large())?,
        ),
        (
            "situatierapport-nl",
            renderer.situation_report(&SitrepData::sample(Lang::Nl))?,
        ),
        (
            "situatierapport-oefening",
            renderer.situation_report(&exercise)?,
        ),
        (
            "besluitenlijst-nl",
            renderer.decision_record(&DecisionRecordData::sample(Lang::Nl))?,
        ),
        (
            "besluitenlijst-en",
            renderer.decision_record(&DecisionRecordData::sample(Lang::En))?,
        ),
        (
            "besluitenlijst-large",
            renderer.decision_record(&DecisionRecordData::large())?,
        ),
    ];
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
