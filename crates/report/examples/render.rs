//! Writes every sample document to a folder, for a look at the pages:
//! `cargo run -p crisismap-report --example render -- /tmp/crisismap-pdf`

// The sample documents (tests/support/sample.rs) read the report's data types from here.
#[allow(unused_imports)]
use crisismap_report::*;
#[path = "../tests/support/sample.rs"]
mod sample;

use crisismap_core::Lang;
use crisismap_report::Renderer;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/pdf".to_owned()),
    );
    std::fs::create_dir_all(&dir)?;
    let renderer = Renderer::new()?;
    let mut exercise = sample::sitrep(Lang::Nl);
    exercise.exercise = true;
    let docs = [
        (
            "crisismap-nl",
            renderer.crisis_folder(&sample::folder(Lang::Nl))?,
        ),
        (
            "crisismap-en",
            renderer.crisis_folder(&sample::folder(Lang::En))?,
        ),
        (
            "crisismap-large",
            renderer.crisis_folder(&sample::large_folder())?,
        ),
        (
            "situatierapport-nl",
            renderer.situation_report(&sample::sitrep(Lang::Nl))?,
        ),
        (
            "situatierapport-oefening",
            renderer.situation_report(&exercise)?,
        ),
        (
            "besluitenlijst-nl",
            renderer.decision_record(&sample::decisions(Lang::Nl))?,
        ),
        (
            "besluitenlijst-en",
            renderer.decision_record(&sample::decisions(Lang::En))?,
        ),
        (
            "besluitenlijst-large",
            renderer.decision_record(&sample::large_decisions())?,
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
