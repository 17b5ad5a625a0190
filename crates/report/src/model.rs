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
    /// The language the document is printed in.
    pub lang: Lang,
    /// The municipality (workspace) name, e.g. "Gemeente Voorbeeld".
    pub workspace: String,
    /// The safety region the municipality belongs to, when known.
    pub region: Option<String>,
    /// When the folder was printed, shown on every page and stamped into the PDF.
    #[serde(serialize_with = "local_time")]
    pub printed_at: Timestamp,
    /// Who printed it (display name), when known.
    pub printed_by: Option<String>,
    /// The head of every stream of the workspace.
    pub streams: Vec<StreamHead>,
    /// The readiness checklist and how each item stands.
    pub readiness: Readiness,
    /// The crisis teams with their members.
    pub teams: Vec<Team>,
    /// The contacts, with every way to reach them.
    pub contacts: Vec<Contact>,
    /// The on-call rosters for the coming weeks.
    pub rosters: Vec<Roster>,
    /// For the cover: per duty who is on call at printing and the shifts of the week after.
    pub on_call: Vec<OnCallCover>,
    /// For the cover: the first numbers to call outside the municipality (safety region,
    /// police, IBD, …) as the register says to reach them.
    pub first_numbers: Vec<FirstNumber>,
    /// The escalation agreements.
    pub escalations: Vec<Escalation>,
    /// The partner organisations and what was agreed with them.
    pub partners: Vec<Partner>,
    /// The municipality's processes, in restore order.
    pub processes: Vec<Process>,
    /// The organisations in the territory whose disruption has physical effects.
    pub risk_organisations: Vec<RiskOrganisation>,
    /// The plans and where their paper copies are.
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
    /// The number of the blank log form (`LB-…`).
    pub log: String,
    /// The number of the blank decision form (`BL-…`).
    pub decisions: String,
    /// The number of the blank attendance list (`PL-…`).
    pub attendance: String,
}

impl BlankForms {
    /// The form numbers for forms printed at `at` (Amsterdam time).
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

/// One point of the readiness checklist as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadinessItem {
    /// The point of attention, in the document's language.
    pub item: String,
    /// E.g. "Gereed", "Deels", "Open".
    pub status: String,
    /// Who owns it, or empty.
    pub owner: String,
    /// Where the evidence is (document, exercise report), or empty.
    pub evidence: String,
}

/// A crisis team as printed in the folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Team {
    /// The team's name.
    pub name: String,
    /// What the team is for.
    pub purpose: String,
    /// The civil-service contact point, e.g. "CISO / gemeentesecretaris".
    pub civil_contact: String,
    /// The administrative contact point, e.g. "portefeuillehouder ICT".
    pub administrative_contact: String,
    /// The team's members.
    pub members: Vec<TeamMember>,
}

/// One member of a team, with how to reach them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamMember {
    /// The member's name.
    pub name: String,
    /// The role in this team, e.g. "voorzitter".
    pub team_role: String,
    /// Who stands in, or empty.
    pub deputy: String,
    /// Formatted phone numbers, most direct first.
    pub phones: Vec<String>,
}

/// A contact as printed in the folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// The person's name.
    pub name: String,
    /// Their function, e.g. "CISO".
    pub function: String,
    /// The organisation they work for.
    pub organisation: String,
    /// Formatted phone numbers, most direct first.
    pub phones: Vec<String>,
    /// Their e-mail address, or empty.
    pub email: String,
    /// How to reach them when phones and e-mail are down (radio channel, address, runner).
    pub alternative: String,
}

/// One on-call duty and its shifts for the coming weeks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Roster {
    /// E.g. "Piket adviseur crisisbeheersing".
    pub duty: String,
    /// The shifts of the coming weeks, in order.
    pub shifts: Vec<Shift>,
}

/// One duty on the folder's cover: who is on call now, and who follows this week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OnCallCover {
    /// E.g. "Piket adviseur crisisbeheersing".
    pub duty: String,
    /// The shift running at printing; `None` when nobody is on call then.
    pub now: Option<Shift>,
    /// The shifts starting in the seven days after printing, in order.
    pub this_week: Vec<Shift>,
}

/// An organisation to call first when the municipality's own systems are down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FirstNumber {
    /// E.g. "Veiligheidsregio Voorbeeld (veiligheidsregio)".
    pub organisation: String,
    /// How to reach it, e.g. "Meldkamer 088 878 1000, dag en nacht".
    pub reach: String,
}

/// One shift of an on-call duty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shift {
    /// Who is on duty (marked when a stand-in takes over).
    pub person: String,
    /// When the shift starts, formatted for the reader.
    pub from: String,
    /// When the shift ends, formatted for the reader.
    pub to: String,
    /// The number to call the person on duty.
    pub phone: String,
}

/// An escalation agreement: when it applies, who moves to whom and who decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Escalation {
    /// When the agreement applies.
    pub applies_when: String,
    /// The team that escalates.
    pub from_team: String,
    /// The team (or party) it escalates to.
    pub to_team: String,
    /// Who informs whom, e.g. "CISO informeert gemeentesecretaris".
    pub informs: String,
    /// Through which line, e.g. "telefoon, bij uitval portofoon C2000".
    pub line: String,
    /// Who decides to escalate.
    pub decides: String,
}

/// A partner and the expectations agreed with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partner {
    /// The partner's name.
    pub organisation: String,
    /// What we expect of the partner.
    pub we_expect: String,
    /// What the partner expects of us.
    pub they_expect: String,
    /// When it was agreed, or empty.
    pub agreed_on: String,
    /// When it is to be reviewed, or empty.
    pub review_on: String,
}

/// A process of the municipality itself and its place in the restore order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Process {
    /// The process's name.
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
    /// The organisation's name.
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

/// A plan as printed in the folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// The plan's name.
    pub title: String,
    /// Who owns the plan.
    pub owner: String,
    /// The plan's version.
    pub version: String,
    /// Where the paper copy is.
    pub paper_copy: String,
    /// When the plan must be reviewed, or empty.
    pub review_on: String,
}

// ---------------------------------------------------------------------------------------------
// Situation report
// ---------------------------------------------------------------------------------------------

/// A situation report of one crisis: the shared picture on paper.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SitrepData {
    /// The language the report is printed in.
    pub lang: Lang,
    /// The municipality (workspace) name.
    pub workspace: String,
    /// When the report was printed, shown on every page and stamped into the PDF.
    #[serde(serialize_with = "local_time")]
    pub printed_at: Timestamp,
    /// An exercise prints "OEFENING" / "EXERCISE" on every page.
    pub exercise: bool,
    /// The crisis's title.
    pub crisis_title: String,
    /// The report's sequence number within the crisis.
    pub number: u32,
    /// Printed without being issued: the draft of report `number`, said on every page.
    pub draft: bool,
    /// The time the picture describes.
    pub as_of: String,
    /// The crisis's classification and why.
    pub classification: Classification,
    /// E.g. "GRIP 2", or empty when not declared.
    pub grip: String,
    /// E.g. "Warme fase".
    pub phase: String,
    /// The status of every process of the municipality, in restore order.
    pub processes: Vec<ProcessStatus>,
    /// The external organisations affected, with their cascade effects.
    pub affected_organisations: Vec<AffectedOrganisation>,
    /// What the failures bring down, the earliest first, counted from `as_of`.
    pub cascade: Vec<CascadeImpact>,
    /// The facts of the shared picture.
    pub facts: Vec<Fact>,
    /// The uncertainties and assumptions of the shared picture.
    pub uncertainties: Vec<String>,
    /// Decisions since the previous report.
    pub decisions: Vec<DecisionSummary>,
    /// The actions, all but the closed ones.
    pub actions: Vec<Action>,
    /// The worst, real and best case scenarios.
    pub scenarios: Vec<Scenario>,
    /// The messages to the public, staff and partners.
    pub communications: Vec<Communication>,
    /// E.g. "28-11-2026 16:00, GBT, raadzaal", or empty.
    pub next_meeting: String,
    /// The head of the crisis stream at the time of printing.
    pub stream: StreamHead,
}

/// One thing a crisis's cascade brings down, as a situation report prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CascadeImpact {
    /// The process, organisation or risk object's name.
    pub name: String,
    /// When it is (or was) hit, formatted for the reader.
    pub at: String,
    /// The same counted from the report's moment: "2 u geleden", "over 35 min".
    pub from_now: String,
    /// Whether it is hit already.
    pub reached: bool,
}

/// The crisis's classification as printed on a situation report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Classification {
    /// "Cyberincident" or "Cybercrisis" (in the document's language).
    pub kind: String,
    /// Why: the proposal's reason, or the advisor's when they overrode it.
    pub reason: String,
}

/// The status of one municipal process in a situation report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProcessStatus {
    /// The process's name.
    pub process: String,
    /// E.g. "Uitgevallen", "Handmatig", "Hersteld".
    pub status: String,
    /// Since when it has this status, or empty.
    pub since: String,
    /// When it is expected to be restored, or empty.
    pub expected_recovery: String,
    /// Place in the restore order, 1 first.
    pub restore_order: u32,
}

/// An external organisation affected by the crisis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AffectedOrganisation {
    /// The organisation's name.
    pub organisation: String,
    /// What happens there now.
    pub effect: String,
    /// Cascade effects in the physical world.
    pub cascade: String,
}

/// One fact of the shared picture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// When it was observed, or empty.
    pub at: String,
    /// The fact as stated.
    pub text: String,
    /// Where it comes from, or empty.
    pub source: String,
}

/// One decision in a situation report, in short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionSummary {
    /// The decision's number within the crisis.
    pub number: u32,
    /// When it was taken (and when recorded, if later).
    pub at: String,
    /// The decision itself.
    pub decision: String,
}

/// One action in a situation report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Action {
    /// What is to be done.
    pub what: String,
    /// Who does it, or empty.
    pub owner: String,
    /// When it must be done, if a deadline was set; empty otherwise.
    pub deadline: String,
    /// How far it is, e.g. "In uitvoering".
    pub status: String,
}

/// Which of the three scenarios of scenario thinking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScenarioCase {
    /// The worst case.
    Worst,
    /// The real (most likely) case.
    Real,
    /// The best case.
    Best,
}

/// One scenario of scenario thinking in a situation report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scenario {
    /// Which of the three scenarios it is.
    pub case: ScenarioCase,
    /// The scenario's title and description.
    pub description: String,
    /// How likely it is, e.g. "Hoog".
    pub likelihood: String,
    /// How large its impact would be, e.g. "Hoog".
    pub impact: String,
}

/// One message to an audience in a situation report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Communication {
    /// The audience and the message's title.
    pub audience: String,
    /// How far it is: draft, approved or published.
    pub status: String,
    /// Where it is published, or empty.
    pub channel: String,
}

// ---------------------------------------------------------------------------------------------
// Decision record
// ---------------------------------------------------------------------------------------------

/// The complete decision record of one crisis, closed by the verification of its hash chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionRecordData {
    /// The language the record is printed in.
    pub lang: Lang,
    /// The municipality (workspace) name.
    pub workspace: String,
    /// When the record was printed, shown on every page and stamped into the PDF.
    #[serde(serialize_with = "local_time")]
    pub printed_at: Timestamp,
    /// An exercise prints "OEFENING" / "EXERCISE" on every page.
    pub exercise: bool,
    /// The crisis's title.
    pub crisis_title: String,
    /// E.g. "28-11-2026 08:12 – 02-12-2026 17:00", or "sinds 28-11-2026 08:12".
    pub period: String,
    /// Decisions in the order they were taken.
    pub decisions: Vec<Decision>,
    /// The verification of the crisis stream's hash chain that closes the record.
    pub verification: ChainVerification,
}

/// One decision in the decision record, in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The decision's number within the crisis, in the order taken.
    pub number: u32,
    /// When it was taken.
    pub at: String,
    /// The decision's title and text.
    pub decision: String,
    /// The considerations it rests on.
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
    /// Whether the chain verified without fault.
    pub intact: bool,
    /// Number of events in the crisis stream.
    pub length: u64,
    /// SHA-256 of the last event, 64 hex digits.
    pub head_hash: String,
    /// When the chain was verified, formatted for the reader.
    pub verified_at: String,
    /// What is wrong, when the chain is not intact (e.g. "seq 17: content changed").
    pub fault: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Aftermath documents (account to the council, evaluation report)
// ---------------------------------------------------------------------------------------------

/// A document of the aftermath: the account to the council or the evaluation report. Its
/// parts come in order, each a heading with blocks of text, facts, tables or decisions, all
/// already in the reader's words; the template only lays them out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentData {
    /// The language the document is printed in.
    pub lang: Lang,
    /// The municipality (workspace) name.
    pub workspace: String,
    /// When the document was printed, shown on every page and stamped into the PDF.
    #[serde(serialize_with = "local_time")]
    pub printed_at: Timestamp,
    /// An exercise prints "OEFENING" / "EXERCISE" on every page.
    pub exercise: bool,
    /// What the document is ("Verantwoording aan de gemeenteraad").
    pub kind: String,
    /// Its title (the crisis's).
    pub title: String,
    /// Key facts under the title: (label, value).
    pub facts: Vec<(String, String)>,
    /// The parts, in order.
    pub parts: Vec<Part>,
}

/// One part of a document: a heading and what follows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The part's heading.
    pub heading: String,
    /// What the part holds, in order.
    pub blocks: Vec<Block>,
}

/// One block of a part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Paragraphs of text (the advisor's own, or a note); an empty text prints as
    /// "nothing recorded yet".
    Text {
        /// The text, paragraphs separated by blank lines.
        text: String,
    },
    /// A smaller heading within the part.
    Subheading {
        /// Its text.
        text: String,
    },
    /// Key/value lines.
    Facts {
        /// (label, value) pairs.
        pairs: Vec<(String, String)>,
    },
    /// A table; `widths` in fractions (`[2, 1, 1]`), one per column.
    Table {
        /// The column headings.
        header: Vec<String>,
        /// The column widths as fractions.
        widths: Vec<u32>,
        /// The rows, one text per column.
        rows: Vec<Vec<String>>,
    },
    /// Decisions in full, as in the decision record.
    Decisions {
        /// The decisions, in the order taken.
        decisions: Vec<Decision>,
    },
    /// The verification of the crisis's hash chain.
    Verification {
        /// The result of the check.
        verification: ChainVerification,
    },
}
