//! The printed documents, read back as text with poppler's `pdftotext`, the way a person
//! would read the paper.

// The sample documents (support/sample.rs) read the report's data types from here.
#[allow(unused_imports)]
use crisismap_report::*;
#[path = "support/sample.rs"]
mod sample;

use crisismap_core::Lang;
use crisismap_report::{
    Contact, DecisionRecordData, FolderData, Pdf, Renderer, ReportError, SitrepData,
};
use std::io::Write;
use std::process::Command;
use std::sync::{Arc, OnceLock};

fn renderer() -> &'static Renderer {
    static RENDERER: OnceLock<Renderer> = OnceLock::new();
    RENDERER.get_or_init(|| Renderer::new().expect("the renderer builds"))
}

/// The text of a PDF as `pdftotext -layout` reads it. Fails (never skips) without poppler.
fn text_of(pdf: &Pdf) -> String {
    let mut file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("temp file");
    file.write_all(&pdf.bytes).expect("write pdf");
    let output = Command::new("pdftotext")
        .arg("-layout")
        .arg(file.path())
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "pdftotext could not be run ({e}): these tests read the PDFs back with \
                 poppler's pdftotext; install it (Debian: apt-get install poppler-utils)"
            )
        });
    assert!(
        output.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("pdftotext prints UTF-8")
}

fn assert_contains(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "{needle:?} not found in:\n{text}");
    }
}

const HOSTILE: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "*vet*",
    "_schuin_",
    "$x$",
    "<script>alert(1)</script>",
    "@ref",
    "#{1+1}",
    "]",
    "\\",
    "//",
    "`raw`",
    "#set page(width: 1cm)",
];

#[test]
fn the_crisis_folder_prints_the_prepared_register_in_dutch() {
    let data = sample::folder(Lang::Nl);
    let pdf = renderer().crisis_folder(&data).expect("renders");
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert!(pdf.pages > 1, "a folder has more than one page");
    let text = text_of(&pdf);
    assert_contains(
        &text,
        &[
            "Gemeente Voorbeeld",
            "Veiligheidsregio Utrecht",
            "28-11-2026 13:03",
            "Jeroen Bakker",
            "06 12 34 56 78",
            "Portofoon C2000",
            "Zorgcentrum De Linde",
            "Vaartsluis",
            "Havenbrug",
            "RemoteWater B.V.",
            "Inhoud",
            "Gereedheid",
            "Koude en lauwe fase",
            "Teams",
            "Contacten",
            "Piket",
            "Opschalingsafspraken",
            "Partners en afspraken",
            "Processen en herstelvolgorde",
            "Risico-organisaties en afhankelijkheden",
            "Plannen en documenten",
            "Lege formulieren",
            "Logboek",
            "Besluitenlijst",
            "Presentielijst",
            "Handtekening",
            "VERTROUWELIJK",
            // the lokale driehoek has no members yet
            "Nog niets vastgelegd.",
        ],
    );
    for stream in &data.streams {
        assert_contains(&text, &[&stream.head_hash]);
    }
    let n = pdf.pages;
    assert_contains(&text, &["Pagina 1 van ", &format!("Pagina {n} van {n}")]);
    assert!(!text.contains("OEFENING"), "the folder is not an exercise");
}

#[test]
fn english_output_has_english_headings() {
    let pdf = renderer()
        .crisis_folder(&sample::folder(Lang::En))
        .expect("renders");
    let text = text_of(&pdf);
    let n = pdf.pages;
    assert_contains(
        &text,
        &[
            "Crisis folder",
            "Contents",
            "Readiness",
            "Contacts",
            "On-call rosters",
            "Escalation agreements",
            "Partners and agreements",
            "Processes and restore order",
            "Risk organisations and dependencies",
            "Plans and documents",
            "Blank forms",
            "Attendance list",
            "CONFIDENTIAL",
            "Nothing recorded yet.",
            &format!("Page {n} of {n}"),
        ],
    );
    for dutch in ["Contacten", "Lege formulieren", "VERTROUWELIJK", "Pagina"] {
        assert!(!text.contains(dutch), "{dutch:?} in the English folder");
    }

    let text = text_of(
        &renderer()
            .situation_report(&sample::sitrep(Lang::En))
            .expect("renders"),
    );
    assert_contains(
        &text,
        &[
            "Situation report 4",
            "Shared picture",
            "Open actions",
            "Scenarios",
        ],
    );
    let text = text_of(
        &renderer()
            .decision_record(&sample::decisions(Lang::En))
            .expect("renders"),
    );
    assert_contains(
        &text,
        &[
            "Decision record",
            "SUPERSEDED",
            "Hash chain intact",
            "Verified at",
        ],
    );
}

#[test]
fn an_empty_workspace_prints_honest_empty_sections() {
    let mut data = sample::folder(Lang::Nl);
    data.streams.clear();
    data.readiness = Default::default();
    data.teams.clear();
    data.contacts.clear();
    data.rosters.clear();
    data.escalations.clear();
    data.partners.clear();
    data.processes.clear();
    data.risk_organisations.clear();
    data.plans.clear();
    data.region = None;
    data.printed_by = None;
    let pdf = renderer().crisis_folder(&data).expect("renders");
    let text = text_of(&pdf);
    let empty = text.matches("Nog niets vastgelegd.").count();
    assert!(empty >= 12, "{empty} empty notes in:\n{text}");
}

#[test]
fn the_situation_report_prints_the_shared_picture() {
    let data = sample::sitrep(Lang::Nl);
    let pdf = renderer().situation_report(&data).expect("renders");
    let text = text_of(&pdf);
    assert_contains(
        &text,
        &[
            "Situatierapport 4",
            "Ransomware gemeentehuis",
            "Cybercrisis",
            "GRIP 2",
            "Warme fase",
            "Gedeeld beeld",
            "Bediening sluis en brug",
            "RemoteWater B.V.",
            "Vaartsluis en Havenbrug alleen ter plaatse",
            "Onzekerheden en aannames",
            "Besluiten sinds het vorige rapport",
            "Openstaande acties",
            "Worst case",
            "Reëel scenario",
            "Best case",
            "Communicatie",
            "28-11-2026 16:00, GBT, raadzaal",
            &data.stream.head_hash,
        ],
    );
    assert!(!text.contains("OEFENING"));
}

#[test]
fn an_exercise_says_so_on_every_page() {
    let mut data = sample::decisions(Lang::Nl);
    let one = data.decisions.clone();
    data.decisions = (0..40u32)
        .map(|i| {
            let mut b = one[i as usize % one.len()].clone();
            b.number = i + 1;
            b.supersedes = None;
            b.superseded_by = None;
            b
        })
        .collect();
    data.exercise = true;
    let pdf = renderer().decision_record(&data).expect("renders");
    assert!(pdf.pages > 3);
    let text = text_of(&pdf);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), pdf.pages);
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("OEFENING"), "page {} has no banner", i + 1);
    }

    let mut data = sample::sitrep(Lang::En);
    data.exercise = true;
    let text = text_of(&renderer().situation_report(&data).expect("renders"));
    assert_contains(&text, &["EXERCISE"]);
}

#[test]
fn the_decision_record_marks_replaced_decisions_and_closes_with_the_chain() {
    let data = sample::decisions(Lang::Nl);
    let pdf = renderer().decision_record(&data).expect("renders");
    let text = text_of(&pdf);
    assert_contains(
        &text,
        &[
            "Besluitenlijst",
            "Besluit 1",
            "Besluit 5",
            "Opschalen naar het GBT.",
            "VERVALLEN — vervangen door besluit 4",
            "Vervangt besluit 3",
            "Afgewogen alternatieven",
            "Marleen Hoekstra, burgemeester, voorzitter GBT",
            "art. 172 Gemeentewet",
            "Hash-keten intact",
            "87 gebeurtenissen",
            "Gecontroleerd op",
            &data.verification.head_hash,
        ],
    );

    let mut broken = data.clone();
    broken.verification.intact = false;
    broken.verification.fault = Some("seq 17: de inhoud is gewijzigd".to_owned());
    let text = text_of(&renderer().decision_record(&broken).expect("renders"));
    assert_contains(
        &text,
        &["Hash-keten NIET intact", "seq 17: de inhoud is gewijzigd"],
    );
}

#[test]
fn user_text_prints_literally_and_is_never_evaluated() {
    let renderer = renderer();
    let mut folder = sample::folder(Lang::Nl);
    for (i, hostile) in HOSTILE.iter().enumerate() {
        folder.contacts.push(Contact {
            name: format!("Hostile {i} {hostile}"),
            function: (*hostile).to_owned(),
            organisation: String::new(),
            phones: vec![(*hostile).to_owned()],
            email: String::new(),
            alternative: (*hostile).to_owned(),
        });
    }
    folder.teams[0].name = format!("Team {}", HOSTILE[0]);
    folder.workspace = format!("Gemeente {}", HOSTILE[4]);
    let text = text_of(&renderer.crisis_folder(&folder).expect("renders"));
    for (i, hostile) in HOSTILE.iter().enumerate() {
        // the name column is narrow and wraps; the function column shows it whole
        assert_contains(&text, &[&format!("Hostile {i}"), hostile]);
    }
    assert_contains(
        &text,
        &[
            "Team #read(\"/etc/passwd\")",
            "Gemeente <script>alert(1)</script>",
        ],
    );

    let mut sitrep = sample::sitrep(Lang::Nl);
    sitrep.crisis_title = HOSTILE.join(" ");
    sitrep.facts[0].text = HOSTILE.join(" ");
    let pdf = renderer.situation_report(&sitrep).expect("renders");
    let text = text_of(&pdf);
    for hostile in HOSTILE {
        assert_contains(&text, &[hostile]);
    }

    let mut record = sample::decisions(Lang::Nl);
    record.decisions[0].decision = HOSTILE.join(" ");
    record.decisions[0].alternatives = HOSTILE.iter().map(|h| (*h).to_owned()).collect();
    let pdf = renderer.decision_record(&record).expect("renders");
    let text = text_of(&pdf);
    for hostile in HOSTILE {
        assert_contains(&text, &[hostile]);
    }

    // Nothing of the file system reached the paper.
    if let Ok(passwd) = std::fs::read_to_string("/etc/passwd") {
        let first = passwd.lines().next().unwrap_or("root:x:0:0");
        assert!(!text.contains(first));
        assert!(!text.contains("root:x:0:0"));
    }
}

#[test]
fn characters_no_font_can_draw_print_as_a_visible_replacement() {
    let mut folder = sample::folder(Lang::Nl);
    folder.contacts[0].name = "Jan 🔥 张伟 de Vries".to_owned();
    folder.contacts[1].function = "tab\there, bell\u{7}, nul\u{0}".to_owned();
    let text = text_of(&renderer().crisis_folder(&folder).expect("renders"));
    assert!(text.contains("Jan"), "{text}");
    assert!(text.contains("de Vries"), "{text}");
    assert!(!text.contains('🔥'));
    assert!(
        text.contains("Jan \u{FFFD} \u{FFFD}\u{FFFD} de Vries"),
        "{text}"
    );
    assert!(text.contains("tab here, bell , nul"), "{text}");
}

#[test]
fn a_missing_font_fails_the_render() {
    let err = renderer()
        .render_raw_for_tests(
            "#set text(font: \"Comic Sans MS\")\nHallo",
            &serde_json::json!({}),
        )
        .expect_err("an unknown font must fail");
    match &err {
        ReportError::Warnings(w) => {
            assert!(w.iter().any(|m| m.contains("unknown font family")), "{w:?}")
        }
        other => panic!("expected warnings, got {other:?}"),
    }
    assert!(err.to_string().contains("comic sans ms"), "{err}");
}

#[test]
fn any_warning_fails_the_render() {
    // `show page` has no effect: typst warns and renders on; crisismap refuses.
    let err = renderer()
        .render_raw_for_tests(
            "#set document(title: \"t\")\n#set text(lang: \"nl\")\n#show page: it => it\n= Kop\nHallo",
            &serde_json::json!({}),
        )
        .expect_err("a warning must fail");
    match &err {
        ReportError::Warnings(w) => {
            assert!(w.iter().any(|m| m.contains("show page")), "{w:?}");
            assert!(w.iter().any(|m| m.contains("/raw.typ:3")), "{w:?}");
        }
        other => panic!("expected warnings, got {other:?}"),
    }
}

#[test]
fn a_raw_template_reads_its_data_only_as_data() {
    let pdf = renderer()
        .render_raw_for_tests(
            "#set document(title: \"t\")\n#set text(lang: \"nl\")\n= Kop\n#let d = json(\"/data.json\")\n#d.name",
            &serde_json::json!({ "name": "#read(\"/etc/passwd\") *vet*" }),
        )
        .expect("renders");
    let text = text_of(&pdf);
    assert_contains(&text, &["#read(\"/etc/passwd\") *vet*"]);
}

#[test]
fn templates_cannot_read_outside_their_virtual_files() {
    let err = renderer()
        .render_raw_for_tests(
            "#set document(title: \"t\")\n= Kop\n#read(\"/etc/passwd\")",
            &serde_json::json!({}),
        )
        .expect_err("no file system");
    assert!(matches!(err, ReportError::Typeset(_)), "{err:?}");
}

#[test]
fn one_renderer_serves_many_threads() {
    let renderer = Arc::new(Renderer::new().expect("builds"));
    let handles: Vec<_> = (0..3)
        .map(|i| {
            let renderer = Arc::clone(&renderer);
            std::thread::spawn(move || {
                let lang = if i % 2 == 0 { Lang::Nl } else { Lang::En };
                for _ in 0..3 {
                    let pdf = renderer
                        .situation_report(&sample::sitrep(lang))
                        .expect("renders");
                    assert!(pdf.pages >= 1);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("thread");
    }
}

#[test]
fn the_pdf_is_tagged_and_claims_its_standards() {
    let pdf = renderer()
        .situation_report(&sample::sitrep(Lang::Nl))
        .expect("renders");
    let raw = String::from_utf8_lossy(&pdf.bytes);
    assert!(raw.contains("/StructTreeRoot"), "tagged PDF");
    assert!(raw.contains("/Lang"), "document language");
    assert!(raw.contains("<pdfaid:part>2<"), "PDF/A-2");
    assert!(raw.contains("<pdfaid:conformance>A<"), "PDF/A-2a");
    assert!(raw.contains("<pdfuaid:part>1<"), "PDF/UA-1");
    assert!(pdf.timings.total() > std::time::Duration::ZERO);
}

/// A document of the aftermath: its parts in order, text, facts, tables, decisions and the
/// chain's verification, and user text printed literally.
#[test]
fn an_aftermath_document_prints_its_parts_in_order_and_user_text_literally() {
    let record = sample::decisions(Lang::Nl);
    let data = DocumentData {
        lang: Lang::Nl,
        workspace: "Gemeente Voorbeeld".into(),
        printed_at: record.printed_at,
        exercise: false,
        kind: "Verantwoording aan de gemeenteraad".into(),
        title: "Ransomware-aanval".into(),
        facts: vec![("Periode".into(), "28-11-2026 – 12-12-2026".into())],
        parts: vec![
            Part {
                heading: "Inleiding".into(),
                blocks: vec![Block::Text {
                    text: format!("Eerste alinea {}.\n\nTweede alinea.", HOSTILE.join(" ")),
                }],
            },
            Part {
                heading: "Kosten".into(),
                blocks: vec![Block::Table {
                    header: vec!["Soort".into(), "Bedrag".into()],
                    widths: vec![3, 1],
                    rows: vec![vec!["Externe expertise".into(), "€ 84.500,00".into()]],
                }],
            },
            Part {
                heading: "Besluiten".into(),
                blocks: vec![
                    Block::Subheading {
                        text: "Alle besluiten".into(),
                    },
                    Block::Decisions {
                        decisions: record.decisions.clone(),
                    },
                    Block::Facts {
                        pairs: vec![("Aantal".into(), "5".into())],
                    },
                ],
            },
            Part {
                heading: "Controle".into(),
                blocks: vec![Block::Verification {
                    verification: record.verification.clone(),
                }],
            },
        ],
    };
    let text = text_of(&renderer().document(&data).expect("renders"));
    assert_contains(
        &text,
        &[
            "Verantwoording aan de gemeenteraad — Ransomware-aanval",
            "Ransomware-aanval",
            "Inleiding",
            "Tweede alinea.",
            "#read(\"/etc/passwd\")",
            "Externe expertise",
            "€ 84.500,00",
            "Opschalen naar het GBT.",
            "Hash-keten intact",
            &record.verification.head_hash,
        ],
    );
    let order: Vec<usize> = ["Inleiding", "Kosten", "Besluiten", "Controle"]
        .iter()
        .map(|h| text.find(h).expect("heading"))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}
