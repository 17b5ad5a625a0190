//! A crisis on paper: the situation report and the decision record as PDF, from the same room
//! the pages read, in the reader's language. The decision record closes with the verification
//! of the crisis's hash chain, so the paper witnesses the digital record.

use crate::App;
use crate::Error;
use crate::crisis::Room;
use crate::i18n::Tr;
use crate::words::choice_label;
use crisismap_core::crisis::EntryKind;
use crisismap_core::time::local_display;
use crisismap_core::{Lang, StreamId, WorkspaceId};
use crisismap_report::{self as m, DecisionRecordData, Pdf, SitrepData};
use crisismap_store::Entry;

fn when(text: Option<&str>) -> String {
    text.and_then(|t| t.parse::<jiff::Timestamp>().ok())
        .map(local_display)
        .unwrap_or_default()
}

fn label(tr: Tr, e: &Entry, field: &str) -> String {
    e.text(field)
        .map(|c| choice_label(tr, field, c).to_owned())
        .unwrap_or_default()
}

/// When an entry was recorded, where that differs (to the minute) from when it happened.
fn recorded_if_later(e: &Entry) -> String {
    let (o, r) = (local_display(e.occurred_at), local_display(e.created_at));
    if o == r { String::new() } else { r }
}

/// The words for an entry typed back in from paper, or nothing.
fn transcribed_of(room: &Room, e: &Entry, tr: Tr) -> String {
    match &e.transcribed {
        Some(t) => {
            crate::words::transcribed_words(t, &room.actor_name(&e.created_by), e.created_at, tr)
        }
        None => String::new(),
    }
}

/// The situation report: the shared picture as it is now.
pub async fn sitrep_data(
    app: &App,
    ws: WorkspaceId,
    crisis: StreamId,
    lang: Lang,
) -> Result<SitrepData, Error> {
    sitrep(app, ws, crisis, lang, false).await
}

/// The situation report just issued (`CrisisCommand::IssueSitrep`): its number in the series
/// and the moment it describes, no longer a draft.
pub async fn issued_sitrep_data(
    app: &App,
    ws: WorkspaceId,
    crisis: StreamId,
    lang: Lang,
) -> Result<SitrepData, Error> {
    sitrep(app, ws, crisis, lang, true).await
}

/// The situation report: the latest one issued (`issued`), or the draft of the next.
async fn sitrep(
    app: &App,
    ws: WorkspaceId,
    crisis: StreamId,
    lang: Lang,
    issued: bool,
) -> Result<SitrepData, Error> {
    let tr = Tr(lang);
    let room = Room::load(app, ws, crisis).await?;
    let workspace = app.store().workspace(ws).await?;
    let stream = app.store().stream_in(ws, crisis).await?;
    let now = app.now();
    let s = room.state();
    // An issued report describes the moment it was issued; a draft, now.
    let last_issued = s
        .sitreps
        .last()
        .and_then(|t| t.parse::<jiff::Timestamp>().ok());
    let (draft, as_of) = match (issued, last_issued) {
        (true, Some(at)) => (false, at),
        _ => (true, now),
    };
    let processes = room
        .processes_in_order()
        .into_iter()
        .enumerate()
        .map(|(i, (record, st))| m::ProcessStatus {
            process: record.title.clone(),
            status: choice_label(
                tr,
                "status",
                st.and_then(|e| e.text("status")).unwrap_or("normal"),
            )
            .to_owned(),
            since: when(st.and_then(|e| e.text("since"))),
            expected_recovery: when(st.and_then(|e| e.text("expected_recovery"))),
            restore_order: u32::try_from(i + 1).unwrap_or(u32::MAX),
        })
        .collect();
    let graph = crate::register::graph_of(&room.index)?;
    let cascade = match crate::crisis::cascade::CrisisCascade::of(&room, &graph)? {
        None => vec![],
        Some(c) => c
            .affected()
            .filter_map(|(node, minutes)| {
                let from_now = c.minutes_from(minutes, as_of);
                let time = crate::words::duration_text(from_now.unsigned_abs(), tr);
                Some(m::CascadeImpact {
                    name: graph.node(node)?.title.clone(),
                    at: local_display(c.at(minutes)),
                    from_now: if from_now <= 0 {
                        tr.with("time-ago", &[("time", crate::i18n::Value::from(time))])
                    } else {
                        tr.with("time-in", &[("time", crate::i18n::Value::from(time))])
                    },
                    reached: from_now <= 0,
                })
            })
            .collect(),
    };
    let affected_organisations = room
        .of(EntryKind::Effect)
        .map(|e| m::AffectedOrganisation {
            organisation: format!("{} ({})", e.title, label(tr, e, "status")),
            effect: e.text("effect").unwrap_or("").to_owned(),
            cascade: e.text("cascade").unwrap_or("").to_owned(),
        })
        .collect();
    let facts = room
        .of(EntryKind::Fact)
        .filter(|e| e.text("nature") == Some("fact"))
        .map(|e| m::Fact {
            at: when(e.text("observed_at")),
            text: e.title.clone(),
            source: e.text("source").unwrap_or("").to_owned(),
        })
        .collect();
    let uncertainties = room
        .of(EntryKind::Fact)
        .filter(|e| e.text("nature") != Some("fact"))
        .map(|e| format!("{}: {}", label(tr, e, "nature"), e.title))
        .collect();
    let mut since = room.decisions_since_last_meeting(now).1;
    since.sort_by(|(i, a), (j, b)| (&a.occurred_at, i).cmp(&(&b.occurred_at, j)));
    let decisions = since
        .into_iter()
        .map(|(number, d)| {
            let recorded = recorded_if_later(d);
            m::DecisionSummary {
                number: u32::try_from(number).unwrap_or(u32::MAX),
                at: if recorded.is_empty() {
                    when(d.text("decided_at"))
                } else {
                    format!(
                        "{} ({} {recorded})",
                        when(d.text("decided_at")),
                        tr.t("crisis-recorded").to_lowercase()
                    )
                },
                decision: format!(
                    "{}: {}{}",
                    d.title,
                    d.text("decision").unwrap_or(""),
                    if d.transcribed.is_some() {
                        format!(" ({})", tr.t("crisis-transcribed"))
                    } else {
                        String::new()
                    }
                ),
            }
        })
        .collect();
    let actions = room
        .of(EntryKind::Action)
        .filter(|a| a.text("status") != Some("closed"))
        .map(|a| m::Action {
            what: a.title.clone(),
            owner: a
                .text("owner")
                .and_then(|u| u.parse().ok())
                .and_then(|u| room.users.iter().find(|x| x.id == u))
                .map(|u| u.display_name.clone())
                .or_else(|| a.text("owner_name").map(str::to_owned))
                .unwrap_or_default(),
            deadline: when(a.text("deadline")),
            status: label(tr, a, "status"),
        })
        .collect();
    let scenarios = room
        .of(EntryKind::Scenario)
        .filter_map(|e| {
            let case = match e.text("case")? {
                "worst" => m::ScenarioCase::Worst,
                "real" => m::ScenarioCase::Real,
                _ => m::ScenarioCase::Best,
            };
            Some(m::Scenario {
                case,
                description: format!("{}: {}", e.title, e.text("description").unwrap_or("")),
                likelihood: label(tr, e, "likelihood"),
                impact: label(tr, e, "impact"),
            })
        })
        .collect();
    let communications = room
        .of(EntryKind::Communication)
        .map(|e| m::Communication {
            audience: format!("{}: {}", label(tr, e, "audience"), e.title),
            status: label(tr, e, "status"),
            channel: e.text("channel").unwrap_or("").to_owned(),
        })
        .collect();
    // The reason printed is the advisor's when they overrode the proposal, else the
    // proposal's (with the advisor's note, if any).
    let classification = match (s.classification, s.answers) {
        (Some(c), Some(a)) => {
            let proposed = tr
                .t(&format!(
                    "reason-{}",
                    crisismap_core::crisis::propose(&a).classification.reason
                ))
                .to_owned();
            let reason = match (s.proposal_accepted, s.classification_reason.trim()) {
                (true, "") => proposed,
                (true, note) => format!("{proposed} {note}"),
                (false, why) => why.to_owned(),
            };
            m::Classification {
                kind: tr.t(&format!("c-classification-{}", c.code())).to_owned(),
                reason,
            }
        }
        _ => m::Classification {
            kind: tr.t("crisis-unclassified").to_owned(),
            reason: String::new(),
        },
    };
    Ok(SitrepData {
        lang,
        workspace: workspace.name,
        printed_at: now,
        exercise: s.exercise,
        crisis_title: s.title.clone(),
        // Printed without being issued, it is the draft of the next report in the series.
        number: u32::try_from(s.sitreps.len() + usize::from(draft)).unwrap_or(u32::MAX),
        draft,
        as_of: local_display(as_of),
        classification,
        grip: tr.t(&format!("c-grip-{}", s.grip.code())).to_owned(),
        phase: tr.t(&format!("c-phase-{}", s.phase.code())).to_owned(),
        processes,
        affected_organisations,
        cascade,
        facts,
        uncertainties,
        decisions,
        actions,
        scenarios,
        communications,
        next_meeting: room
            .entries
            .next_meeting(now)
            .map(local_display)
            .unwrap_or_default(),
        stream: m::StreamHead {
            label: format!("{}: {}", tr.t("crisis-kind_crisis"), s.title),
            length: u64::try_from(stream.head_seq).unwrap_or(0),
            head_hash: stream.head_hash,
        },
    })
}

/// The decision record: every decision in order, superseded ones marked, closed by the
/// verification of the crisis's hash chain.
pub async fn decision_record_data(
    app: &App,
    ws: WorkspaceId,
    crisis: StreamId,
    lang: Lang,
) -> Result<DecisionRecordData, Error> {
    let room = Room::load(app, ws, crisis).await?;
    decision_record_of(app, &room, lang).await
}

/// The decision record of a crisis whose room is already read (the account to the council
/// draws it beside the rest of the room).
pub async fn decision_record_of(
    app: &App,
    room: &Room,
    lang: Lang,
) -> Result<DecisionRecordData, Error> {
    let tr = Tr(lang);
    let crisis = room.id();
    let workspace = app.store().workspace(room.crisis.workspace).await?;
    // A long chain is not walked again on every read while its head has not moved (at most
    // `VERIFIED_FRESH` old; the record says when it was checked).
    let (report, verified_at) = app.store().verify_stream_recent(crisis).await?;
    let now = app.now();
    let s = room.state();
    let decisions: Vec<&Entry> = room.of(EntryKind::Decision).collect();
    let number_of = |id: &str| {
        decisions
            .iter()
            .position(|d| d.id.to_string() == id)
            .and_then(|i| u32::try_from(i + 1).ok())
    };
    // Numbered in the order they were recorded (a number never changes), listed in the
    // order they were taken.
    let mut in_order: Vec<(usize, &&Entry)> = decisions.iter().enumerate().collect();
    in_order.sort_by(|(i, a), (j, b)| (&a.occurred_at, i).cmp(&(&b.occurred_at, j)));
    let items = in_order
        .into_iter()
        .map(|(i, d)| {
            let legal_basis = match d.text("power") {
                Some("other") => d.text("power_other").unwrap_or("").to_owned(),
                Some(code) => choice_label(tr, "power", code).to_owned(),
                None => String::new(),
            };
            m::Decision {
                number: u32::try_from(i + 1).unwrap_or(u32::MAX),
                at: when(d.text("decided_at")),
                decision: format!("{}: {}", d.title, d.text("decision").unwrap_or("")),
                considerations: d.text("considerations").unwrap_or("").to_owned(),
                alternatives: d
                    .text("alternatives")
                    .map(|a| {
                        a.lines()
                            .map(str::trim)
                            .filter(|l| !l.is_empty())
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default(),
                decided_by: d.text("decided_by").unwrap_or("").to_owned(),
                capacity: d.text("capacity").unwrap_or("").to_owned(),
                legal_basis,
                supersedes: d.text("supersedes").and_then(number_of),
                superseded_by: room
                    .superseded_by(d.id)
                    .and_then(|later| number_of(&later.id.to_string())),
                recorded: recorded_if_later(d),
                transcribed: transcribed_of(room, d, tr),
            }
        })
        .collect();
    let start = when(Some(&s.started_at));
    let period = if s.closed {
        format!("{start} – {}", when(Some(&room.crisis.updated_at)))
    } else {
        format!("{} {start}", tr.t("crisis-since"))
    };
    Ok(DecisionRecordData {
        lang,
        workspace: workspace.name,
        printed_at: now,
        exercise: s.exercise,
        crisis_title: s.title.clone(),
        period,
        decisions: items,
        verification: m::ChainVerification {
            intact: report.fault.is_none(),
            length: u64::try_from(report.length).unwrap_or(0),
            head_hash: report.head_hash,
            verified_at: local_display(verified_at),
            fault: report.fault.map(|f| format!("seq {}: {}", f.seq, f.fault)),
        },
    })
}

async fn render<T: Send + 'static>(
    data: T,
    f: fn(&crisismap_report::Renderer, &T) -> Result<Pdf, crisismap_report::ReportError>,
) -> Result<Pdf, Error> {
    let renderer = super::renderer()?;
    tokio::task::spawn_blocking(move || f(&renderer, &data))
        .await
        .map_err(|e| Error::Internal(e.to_string()))?
        .map_err(|e| Error::Internal(format!("crisis document: {e}")))
}

/// Renders a situation report to PDF on a blocking thread (typesetting is CPU work).
pub async fn render_sitrep(data: SitrepData) -> Result<Pdf, Error> {
    render(data, |r, d| r.situation_report(d)).await
}

/// Renders a document of the aftermath (the account to the council, the evaluation report)
/// to PDF on a blocking thread.
pub async fn render_document(data: crisismap_report::DocumentData) -> Result<Pdf, Error> {
    render(data, |r, d| r.document(d)).await
}

/// Renders a decision record to PDF on a blocking thread (typesetting is CPU work).
pub async fn render_decisions(data: DecisionRecordData) -> Result<Pdf, Error> {
    render(data, |r, d| r.decision_record(d)).await
}
