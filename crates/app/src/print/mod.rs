//! Paper: the crisis folder as PDF, from the preparation register, and the situation report of
//! every running crisis. Built on demand for a
//! download, and kept current on disk by `serve` (see `keep_folders_current`) so that a
//! laptop holding the data folder has the latest paper version even when the server is down.

mod crisis;

use crate::App;
use crate::Error;
use crate::i18n::Tr;
use crate::register::Index;
use crate::words::{date_nl, phone_display};
use crisismap_core::register::RecordKind;
use crisismap_core::register::readiness::ChecklistPhase;
use crisismap_core::register::views::{
    ContactView, EscalationView, OrganisationView, PlanView, ProcessView, ReadinessView,
    RosterView, TeamView,
};
use crisismap_core::time::local_display;
use crisismap_core::{Lang, WorkspaceId};
use crisismap_report::{self as m, FolderData, Pdf, Renderer};
use jiff::Timestamp;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

pub use crisis::{
    decision_record_data, decision_record_of, issued_sitrep_data, render_decisions,
    render_document, render_sitrep, sitrep_data,
};

/// One renderer for the process: fonts and templates are loaded once.
pub fn renderer() -> Result<Arc<Renderer>, Error> {
    static RENDERER: OnceLock<Result<Arc<Renderer>, String>> = OnceLock::new();
    RENDERER
        .get_or_init(|| Renderer::new().map(Arc::new).map_err(|e| e.to_string()))
        .clone()
        .map_err(Error::Internal)
}

fn phones_of(index: &Index, id: Option<crisismap_core::register::RecordId>) -> Vec<String> {
    id.and_then(|id| index.get(id))
        .and_then(|r| r.view::<ContactView>())
        .map(|c| c.phones.iter().map(|p| phone_display(&p.number)).collect())
        .unwrap_or_default()
}

fn title(index: &Index, id: Option<crisismap_core::register::RecordId>) -> String {
    id.and_then(|id| index.title(id)).unwrap_or("").to_owned()
}

/// Everything the crisis folder prints, from the register as it is now.
pub async fn folder_data(
    app: &App,
    ws: WorkspaceId,
    lang: Lang,
    printed_by: Option<String>,
) -> Result<FolderData, Error> {
    let tr = Tr(lang);
    let now = app.now();
    let workspace = app.store().workspace(ws).await?;
    let streams = app.store().streams(ws).await?;
    let index = Index::load(app, ws).await?;
    Ok(build_folder(
        &index,
        &streams,
        workspace.name,
        workspace.region_code,
        lang,
        tr,
        now,
        printed_by,
    ))
}

#[allow(clippy::too_many_arguments)] // a document's whole context
fn build_folder(
    index: &Index,
    streams: &[crisismap_store::StreamInfo],
    workspace: String,
    region: Option<String>,
    lang: Lang,
    tr: Tr,
    now: Timestamp,
    printed_by: Option<String>,
) -> FolderData {
    let assessments = index.evidence().assess(now);
    let item = |phase: ChecklistPhase| -> Vec<m::ReadinessItem> {
        assessments
            .iter()
            .filter(|a| a.phase == phase)
            .map(|a| {
                let view = a
                    .record
                    .and_then(|id| index.get(id))
                    .and_then(|r| r.view::<ReadinessView>());
                m::ReadinessItem {
                    item: tr.t(&format!("readiness-{}", a.code)).to_owned(),
                    status: tr.t(&format!("c-status-{}", a.status.code())).to_owned(),
                    owner: title(index, view.as_ref().and_then(|v| v.owner)),
                    evidence: match (a.proven, view.and_then(|v| v.evidence)) {
                        (Some(ok), note) => {
                            let proof = tr.t(&format!(
                                "readiness-{}-{}",
                                a.code,
                                if ok { "proven" } else { "missing" }
                            ));
                            match note {
                                Some(n) => format!("{proof} {n}"),
                                None => proof.to_owned(),
                            }
                        }
                        (None, note) => note.unwrap_or_default(),
                    },
                }
            })
            .collect()
    };
    let readiness = m::Readiness {
        cold: item(ChecklistPhase::Preparation),
        hot: item(ChecklistPhase::Warm),
        aftermath: item(ChecklistPhase::Aftermath),
    };
    let teams = index
        .views::<TeamView>(RecordKind::Team)
        .into_iter()
        .map(|(_, t)| m::Team {
            purpose: t.purpose.clone().unwrap_or_default(),
            civil_contact: title(index, t.civil_contact),
            administrative_contact: title(index, t.administrative_contact),
            members: t
                .members
                .iter()
                .map(|mem| m::TeamMember {
                    name: title(index, Some(mem.contact)),
                    team_role: tr.t(&format!("c-team_role-{}", mem.team_role)).to_owned(),
                    deputy: title(index, mem.deputy),
                    phones: phones_of(index, Some(mem.contact)),
                })
                .collect(),
            name: t.name,
        })
        .collect();
    let contacts = index
        .views::<ContactView>(RecordKind::Contact)
        .into_iter()
        .map(|(_, c)| m::Contact {
            phones: c
                .phones
                .iter()
                .map(|p| {
                    format!(
                        "{} ({})",
                        phone_display(&p.number),
                        tr.t(&format!("c-label-{}", p.label))
                    )
                })
                .collect(),
            function: c.function.unwrap_or_default(),
            organisation: c.organisation.unwrap_or_default(),
            email: c.email.unwrap_or_default(),
            alternative: c.alternative_channel.unwrap_or_default(),
            name: c.name,
        })
        .collect();
    // Rosters: the shifts that have not ended yet, for the coming eight weeks.
    let horizon = now
        .saturating_add(jiff::SignedDuration::from_hours(8 * 7 * 24))
        .unwrap_or(now);
    let shift = |p: &crisismap_core::register::views::Period, stand_in: bool| m::Shift {
        person: if stand_in {
            format!(
                "{} ({})",
                title(index, Some(p.person)),
                tr.t("oncall-stand_in")
            )
        } else {
            title(index, Some(p.person))
        },
        from: local_display(p.start),
        to: local_display(p.end),
        phone: phones_of(index, Some(p.person)).join(", "),
    };
    let week = now
        .saturating_add(jiff::SignedDuration::from_hours(7 * 24))
        .unwrap_or(now);
    let mut rosters = vec![];
    let mut on_call = vec![];
    for (_, r) in index.views::<RosterView>(RecordKind::Roster) {
        let mut periods: Vec<(&crisismap_core::register::views::Period, bool)> = r
            .shifts
            .iter()
            .map(|p| (p, false))
            .chain(r.exceptions.iter().map(|p| (p, true)))
            .filter(|(p, _)| p.end > now && p.start < horizon)
            .collect();
        periods.sort_by_key(|(p, _)| p.start);
        let duty = format!("{} ({})", tr.t(&format!("c-duty-{}", r.duty)), r.name);
        // Now: a stand-in's exception wins over the regular shift it covers.
        let current = periods
            .iter()
            .filter(|(p, _)| p.start <= now)
            .max_by_key(|(p, stand_in)| (*stand_in, p.start))
            .map(|(p, stand_in)| shift(p, *stand_in));
        on_call.push(m::OnCallCover {
            duty: duty.clone(),
            now: current,
            this_week: periods
                .iter()
                .filter(|(p, _)| p.start > now && p.start < week)
                .map(|(p, stand_in)| shift(p, *stand_in))
                .collect(),
        });
        rosters.push(m::Roster {
            duty,
            shifts: periods.into_iter().map(|(p, s)| shift(p, s)).collect(),
        });
    }
    // The first numbers outside the municipality, in the order a team calls them.
    let first_kinds = ["safety_region", "police", "ibd", "ncsc", "prosecutor"];
    let mut first_numbers: Vec<(usize, m::FirstNumber)> = index
        .views::<crisismap_core::register::views::OrganisationView>(RecordKind::Organisation)
        .into_iter()
        .filter_map(|(_, o)| {
            let rank = first_kinds.iter().position(|k| *k == o.org_type)?;
            let reach = o.reachability.filter(|r| !r.trim().is_empty())?;
            Some((
                rank,
                m::FirstNumber {
                    organisation: format!(
                        "{} ({})",
                        o.name,
                        tr.t(&format!("c-org_type-{}", o.org_type))
                    ),
                    reach,
                },
            ))
        })
        .collect();
    first_numbers.sort_by_key(|(rank, _)| *rank);
    let mut escalation_views = index.views::<EscalationView>(RecordKind::Escalation);
    escalation_views.sort_by_key(|(_, e)| e.step);
    let escalations = escalation_views
        .into_iter()
        .map(|(_, e)| m::Escalation {
            applies_when: format!("{}. {}: {}", e.step, e.name, e.applies_when),
            from_team: title(index, e.from_team),
            to_team: match (title(index, e.to_team), e.to_other) {
                (t, Some(o)) if t.is_empty() => o,
                (t, Some(o)) => format!("{t} · {o}"),
                (t, None) => t,
            },
            informs: e.who_informs.unwrap_or_default(),
            line: e.line.unwrap_or_default(),
            decides: e.who_decides.unwrap_or_default(),
        })
        .collect();
    let partners = index
        .views::<OrganisationView>(RecordKind::Organisation)
        .into_iter()
        .flat_map(|(_, o)| {
            o.expectations
                .iter()
                .map(|x| m::Partner {
                    organisation: o.name.clone(),
                    we_expect: x.we_expect.clone(),
                    they_expect: x.they_expect.clone().unwrap_or_default(),
                    agreed_on: x
                        .agreed_on
                        .map(|d| date_nl(&d.to_string()))
                        .unwrap_or_default(),
                    review_on: x
                        .review_on
                        .map(|d| date_nl(&d.to_string()))
                        .unwrap_or_default(),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let mut process_views = index.views::<ProcessView>(RecordKind::Process);
    process_views.sort_by_key(|(_, p)| {
        (
            p.restore_priority.unwrap_or(i64::MAX),
            p.name.to_lowercase(),
        )
    });
    let processes = process_views
        .into_iter()
        .map(|(_, p)| m::Process {
            priority: p
                .restore_priority
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(0),
            max_downtime: p
                .max_downtime_hours
                .map(|h| format!("{h} {}", tr.t("print-hours")))
                .unwrap_or_default(),
            manual_fallback: if p.manual_fallback {
                p.fallback_how.unwrap_or_else(|| tr.t("yes").to_owned())
            } else {
                tr.t("no").to_owned()
            },
            name: p.name,
        })
        .collect();
    let plans = index
        .views::<PlanView>(RecordKind::Plan)
        .into_iter()
        .map(|(_, p)| m::Plan {
            title: p.name,
            owner: p.owner.unwrap_or_default(),
            version: p.version.unwrap_or_default(),
            paper_copy: p.paper_copy.unwrap_or_default(),
            review_on: p
                .review_on
                .map(|d| date_nl(&d.to_string()))
                .unwrap_or_default(),
        })
        .collect();
    FolderData {
        lang,
        workspace,
        region: region
            .and_then(|code| crisismap_core::regions::find(&code))
            .map(|r| format!("Veiligheidsregio {}", r.name)),
        printed_at: now,
        printed_by,
        streams: streams
            .iter()
            .map(|s| m::StreamHead {
                label: tr.t(&format!("stream-{}", s.kind.code())).to_owned(),
                length: u64::try_from(s.head_seq).unwrap_or(0),
                head_hash: s.head_hash.clone(),
            })
            .collect(),
        readiness,
        teams,
        contacts,
        rosters,
        on_call,
        first_numbers: first_numbers.into_iter().map(|(_, f)| f).collect(),
        escalations,
        partners,
        processes,
        risk_organisations: risk_organisations(index, tr),
        plans,
        blank_log_pages: 2,
        forms: crisismap_report::BlankForms::printed_at(now),
    }
}

/// Every risk object with what it depends on and how long it holds out, by name.
fn risk_organisations(index: &Index, tr: Tr) -> Vec<m::RiskOrganisation> {
    let mut out: Vec<m::RiskOrganisation> = index
        .live(RecordKind::RiskObject)
        .map(|r| {
            let deps: Vec<(String, String)> = r
                .data
                .get("depends_on")
                .and_then(|v| v.as_array())
                .map(Vec::as_slice)
                .unwrap_or(&[])
                .iter()
                .filter_map(|d| {
                    let target = match (
                        d.get("on").and_then(|v| v.as_str()),
                        d.get("on_vital").and_then(|v| v.as_str()),
                    ) {
                        (Some(id), _) => id
                            .parse()
                            .ok()
                            .and_then(|id| index.title(id))
                            .map(str::to_owned)?,
                        (None, Some(code)) => tr.t(&format!("c-on_vital-{code}")).to_owned(),
                        _ => return None,
                    };
                    let minutes = d
                        .get("hold_out_minutes")
                        .and_then(|v| v.as_u64())
                        .unwrap_or(0);
                    let note = d.get("note").and_then(|v| v.as_str()).unwrap_or("");
                    let hold = crate::words::duration_text(minutes, tr);
                    Some((
                        target,
                        if note.is_empty() {
                            hold
                        } else {
                            format!("{hold} ({note})")
                        },
                    ))
                })
                .collect();
            m::RiskOrganisation {
                name: r.title.clone(),
                kind: r
                    .text("object_type")
                    .map(|c| tr.t(&format!("c-object_type-{c}")).to_owned())
                    .unwrap_or_default(),
                depends_on: deps
                    .iter()
                    .map(|d| d.0.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
                hold_out: deps
                    .iter()
                    .map(|d| d.1.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
                public_order: r.text("public_order").unwrap_or("").to_owned(),
            }
        })
        .collect();
    out.sort_by_key(|o| o.name.to_lowercase());
    out
}

/// Renders a folder on a blocking thread (typesetting is CPU work).
pub async fn render_folder(data: FolderData) -> Result<Pdf, Error> {
    let renderer = renderer()?;
    tokio::task::spawn_blocking(move || renderer.crisis_folder(&data))
        .await
        .map_err(|e| Error::Internal(e.to_string()))?
        .map_err(|e| Error::Internal(format!("crisis folder: {e}")))
}

/// Writes a file so that readers never see half of it: a temporary file, then a rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("pdf.tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

fn slug(text: &str) -> String {
    let slug: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    slug.trim_matches('-').chars().take(60).collect()
}

/// The file name of a workspace's folder in the print directory.
pub fn folder_path(print_dir: &Path, workspace: &str) -> PathBuf {
    print_dir.join(format!("crisismap-{}.pdf", slug(workspace)))
}

/// The file name of a running crisis's situation report in the print directory.
pub fn sitrep_path(
    print_dir: &Path,
    workspace: &str,
    crisis: &str,
    id: crisismap_core::StreamId,
) -> PathBuf {
    let short: String = id.to_string().chars().rev().take(6).collect();
    print_dir.join(format!(
        "situatierapport-{}-{}-{short}.pdf",
        slug(workspace),
        slug(crisis)
    ))
}

async fn write_file(print_dir: &Path, path: PathBuf, bytes: Vec<u8>) -> Result<(), Error> {
    let dir = print_dir.to_owned();
    tokio::task::spawn_blocking(move || write_atomically(&path, &bytes))
        .await
        .map_err(|e| Error::Internal(e.to_string()))?
        .map_err(|e| Error::Internal(format!("{}: {e}", dir.display())))
}

/// Keeps a current crisis folder per workspace in `print_dir`: every folder once at start,
/// then, a few seconds after the last of a burst of changes, the folders of the workspaces
/// that changed (a safety region hosting many municipalities re-renders only the one edited).
pub async fn keep_folders_current(app: App, print_dir: PathBuf, debounce: Duration) {
    use tokio::sync::broadcast::error::RecvError;
    let mut notices = app.store().subscribe();
    // `None`: every workspace (at start, or after missed notices).
    let mut changed: Option<std::collections::BTreeSet<WorkspaceId>> = None;
    loop {
        // Wait for quiet: every further change restarts the wait.
        loop {
            match tokio::time::timeout(debounce, notices.recv()).await {
                Ok(Ok(n)) => {
                    if let Some(set) = changed.as_mut() {
                        set.insert(n.workspace);
                    }
                }
                Ok(Err(RecvError::Lagged(_))) => changed = None,
                Ok(Err(RecvError::Closed)) => return,
                Err(_) => break,
            }
        }
        if let Err(e) = write_folders(&app, &print_dir, changed.as_ref()).await {
            tracing::error!(error = %e, dir = %print_dir.display(), "could not write the crisis folders");
        }
        match notices.recv().await {
            Ok(n) => changed = Some([n.workspace].into_iter().collect()),
            Err(RecvError::Lagged(_)) => changed = None,
            Err(RecvError::Closed) => return,
        }
    }
}

/// Renders and writes the folders of the given workspaces (all when `None`).
pub async fn write_folders(
    app: &App,
    print_dir: &Path,
    only: Option<&std::collections::BTreeSet<WorkspaceId>>,
) -> Result<(), Error> {
    let workspaces = app.store().workspaces().await?;
    for ws in workspaces
        .into_iter()
        .filter(|w| only.is_none_or(|set| set.contains(&w.id)))
    {
        let data = folder_data(app, ws.id, Lang::Nl, None).await?;
        let pdf = render_folder(data).await?;
        write_file(print_dir, folder_path(print_dir, &ws.name), pdf.bytes).await?;
        // The situation report of every running crisis, beside the folder.
        for crisis in app.store().crises(ws.id).await? {
            if crisis.state.closed {
                continue;
            }
            let data = sitrep_data(app, ws.id, crisis.id, Lang::Nl).await?;
            let pdf = render_sitrep(data).await?;
            let path = sitrep_path(print_dir, &ws.name, &crisis.state.title, crisis.id);
            write_file(print_dir, path, pdf.bytes).await?;
        }
    }
    tracing::info!(dir = %print_dir.display(), "crisis folders written");
    Ok(())
}
