//! What each printed document needs. The store and web layers fill these structs; the
//! templates read them as `data.json`, never as markup, so every text prints literally.
//!
//! Text fields are plain strings, already formatted for the reader (times in
//! Europe/Amsterdam as `28-11-2026 13:03`, labels in the document's language). Only the time
//! of printing is a [`Timestamp`]: the renderer formats it for the page and also stamps it
//! into the PDF's metadata (PDF/A requires a document date).

use crisismap_core::Lang;
use jiff::Timestamp;
use serde::{Serialize, Serializer};

/// Prints a timestamp the way Dutch crisis teams write times, in Europe/Amsterdam.
fn local_time<S: Serializer>(ts: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crisismap_core::time::local_display(*ts))
}

/// The head of one hash-chained stream, as printed on paper so that the paper witnesses the
/// digital record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StreamHead {
    /// What the stream holds, e.g. "Voorbereiding" or "Crisis: ransomware gemeentehuis".
    pub label: String,
    /// Number of events in the stream.
    pub length: u64,
    /// SHA-256 of the last event, 64 hex digits.
    pub head_hash: String,
}

// ---------------------------------------------------------------------------------------------
// Crisis folder
// ---------------------------------------------------------------------------------------------

/// The crisis folder (`crisismap.pdf`): everything prepared in calm times, on paper.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FolderData {
    pub lang: Lang,
    /// The municipality (workspace) name, e.g. "Gemeente Voorbeeld".
    pub workspace: String,
    /// The safety region the municipality belongs to, when known.
    pub region: Option<String>,
    #[serde(serialize_with = "local_time")]
    pub printed_at: Timestamp,
    /// Who printed it (display name), when known.
    pub printed_by: Option<String>,
    /// The head of every stream of the workspace.
    pub streams: Vec<StreamHead>,
    pub readiness: Readiness,
    pub teams: Vec<Team>,
    pub contacts: Vec<Contact>,
    pub rosters: Vec<Roster>,
    pub escalations: Vec<Escalation>,
    pub partners: Vec<Partner>,
    pub processes: Vec<Process>,
    pub risk_organisations: Vec<RiskOrganisation>,
    pub plans: Vec<Plan>,
    /// How many empty rows the blank paper log prints (one page holds about 24).
    pub blank_log_pages: u32,
    /// The numbers printed at the top of the blank forms.
    pub forms: BlankForms,
}

/// The number of each blank form, printed at its top and asked for when the form is typed
/// back in: a code for the form and the moment of printing (Amsterdam), e.g.
/// `LB-2612071430` for a log printed on 7 December 2026 at 14:30.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlankForms {
    pub log: String,
    pub decisions: String,
    pub attendance: String,
}

impl BlankForms {
    pub fn printed_at(at: Timestamp) -> BlankForms {
        let stamp = at
            .to_zoned(crisismap_core::time::amsterdam().clone())
            .strftime("%y%m%d%H%M")
            .to_string();
        BlankForms {
            log: format!("LB-{stamp}"),
            decisions: format!("BL-{stamp}"),
            attendance: format!("PL-{stamp}"),
        }
    }
}

/// The readiness checklist from the guidance, per phase.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Readiness {
    /// Cold and lukewarm phase (preparation, a threat is known).
    pub cold: Vec<ReadinessItem>,
    /// Warm (hot) phase: the acute crisis.
    pub hot: Vec<ReadinessItem>,
    /// Aftermath: recovery and evaluation.
    pub aftermath: Vec<ReadinessItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadinessItem {
    pub item: String,
    /// E.g. "Gereed", "Deels", "Open".
    pub status: String,
    pub owner: String,
    /// Where the evidence is (document, exercise report), or empty.
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Team {
    pub name: String,
    pub purpose: String,
    /// The civil-service contact point, e.g. "CISO / gemeentesecretaris".
    pub civil_contact: String,
    /// The administrative contact point, e.g. "portefeuillehouder ICT".
    pub administrative_contact: String,
    pub members: Vec<TeamMember>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamMember {
    pub name: String,
    /// The role in this team, e.g. "voorzitter".
    pub team_role: String,
    /// Who stands in, or empty.
    pub deputy: String,
    /// Formatted phone numbers, most direct first.
    pub phones: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub name: String,
    pub function: String,
    pub organisation: String,
    pub phones: Vec<String>,
    pub email: String,
    /// How to reach them when phones and e-mail are down (radio channel, address, runner).
    pub alternative: String,
}

/// One on-call duty and its shifts for the coming weeks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Roster {
    /// E.g. "Piket adviseur crisisbeheersing".
    pub duty: String,
    pub shifts: Vec<Shift>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shift {
    pub person: String,
    pub from: String,
    pub to: String,
    pub phone: String,
}

/// An escalation agreement: when it applies, who moves to whom and who decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Escalation {
    pub applies_when: String,
    pub from_team: String,
    pub to_team: String,
    /// Who informs whom, e.g. "CISO informeert gemeentesecretaris".
    pub informs: String,
    /// Through which line, e.g. "telefoon, bij uitval portofoon C2000".
    pub line: String,
    pub decides: String,
}

/// A partner and the expectations agreed with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partner {
    pub organisation: String,
    pub we_expect: String,
    pub they_expect: String,
    pub agreed_on: String,
    pub review_on: String,
}

/// A process of the municipality itself and its place in the restore order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Process {
    pub name: String,
    /// Restore priority, 1 first.
    pub priority: u32,
    /// Maximum tolerable downtime, e.g. "4 uur".
    pub max_downtime: String,
    /// How the work goes on by hand.
    pub manual_fallback: String,
}

/// An organisation whose digital disruption has effects in the physical world.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskOrganisation {
    pub name: String,
    /// E.g. "Sluis en brug", "Zorginstelling", "Seveso-inrichting".
    pub kind: String,
    /// What it depends on, e.g. "afstandsbediening via leverancier".
    pub depends_on: String,
    /// How long it holds out without it, e.g. "8 uur (noodstroom)".
    pub hold_out: String,
    /// What its failure means for public order and safety.
    pub public_order: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub title: String,
    pub owner: String,
    pub version: String,
    /// Where the paper copy is.
    pub paper_copy: String,
    pub review_on: String,
}

// ---------------------------------------------------------------------------------------------
// Situation report
// ---------------------------------------------------------------------------------------------

/// A situation report of one crisis: the shared picture on paper.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SitrepData {
    pub lang: Lang,
    pub workspace: String,
    #[serde(serialize_with = "local_time")]
    pub printed_at: Timestamp,
    /// An exercise prints "OEFENING" / "EXERCISE" on every page.
    pub exercise: bool,
    pub crisis_title: String,
    /// The report's sequence number within the crisis.
    pub number: u32,
    /// The time the picture describes.
    pub as_of: String,
    pub classification: Classification,
    /// E.g. "GRIP 2", or empty when not declared.
    pub grip: String,
    /// E.g. "Warme fase".
    pub phase: String,
    pub processes: Vec<ProcessStatus>,
    pub affected_organisations: Vec<AffectedOrganisation>,
    pub facts: Vec<Fact>,
    pub uncertainties: Vec<String>,
    /// Decisions since the previous report.
    pub decisions: Vec<DecisionSummary>,
    pub actions: Vec<Action>,
    pub scenarios: Vec<Scenario>,
    pub communications: Vec<Communication>,
    /// E.g. "28-11-2026 16:00, GBT, raadzaal", or empty.
    pub next_meeting: String,
    /// The head of the crisis stream at the time of printing.
    pub stream: StreamHead,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Classification {
    /// "Cyberincident" or "Cybercrisis" (in the document's language).
    pub kind: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProcessStatus {
    pub process: String,
    /// E.g. "Uitgevallen", "Handmatig", "Hersteld".
    pub status: String,
    pub since: String,
    pub expected_recovery: String,
    /// Place in the restore order, 1 first.
    pub restore_order: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AffectedOrganisation {
    pub organisation: String,
    /// What happens there now.
    pub effect: String,
    /// Cascade effects in the physical world.
    pub cascade: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub at: String,
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionSummary {
    pub number: u32,
    pub at: String,
    pub decision: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Action {
    pub what: String,
    pub owner: String,
    pub deadline: String,
    pub status: String,
}

/// Which of the three scenarios of scenario thinking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScenarioCase {
    Worst,
    Real,
    Best,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scenario {
    pub case: ScenarioCase,
    pub description: String,
    pub likelihood: String,
    pub impact: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Communication {
    pub audience: String,
    pub status: String,
    pub channel: String,
}

// ---------------------------------------------------------------------------------------------
// Decision record
// ---------------------------------------------------------------------------------------------

/// The complete decision record of one crisis, closed by the verification of its hash chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionRecordData {
    pub lang: Lang,
    pub workspace: String,
    #[serde(serialize_with = "local_time")]
    pub printed_at: Timestamp,
    pub exercise: bool,
    pub crisis_title: String,
    /// E.g. "28-11-2026 08:12 – 02-12-2026 17:00", or "sinds 28-11-2026 08:12".
    pub period: String,
    /// Decisions in the order they were taken.
    pub decisions: Vec<Decision>,
    pub verification: ChainVerification,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub number: u32,
    pub at: String,
    pub decision: String,
    pub considerations: String,
    /// The alternatives that were weighed and not chosen.
    pub alternatives: Vec<String>,
    /// The person who decided.
    pub decided_by: String,
    /// In which capacity, e.g. "burgemeester, voorzitter GBT".
    pub capacity: String,
    /// E.g. "art. 175 Gemeentewet", or empty.
    pub legal_basis: String,
    /// The number of the earlier decision this one replaces.
    pub supersedes: Option<u32>,
    /// The number of the later decision that replaced this one.
    pub superseded_by: Option<u32>,
    /// When it was recorded, where that differs from when it was taken (empty otherwise).
    pub recorded: String,
    /// "Transcribed from paper (form …, page …, written by …) by … on …", or empty.
    pub transcribed: String,
}

/// The result of verifying the crisis stream's hash chain at the time of printing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainVerification {
    pub intact: bool,
    pub length: u64,
    pub head_hash: String,
    pub verified_at: String,
    /// What is wrong, when the chain is not intact (e.g. "seq 17: content changed").
    pub fault: Option<String>,
}
