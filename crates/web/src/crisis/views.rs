//! What the crisis pages derive from a room: the guidance's dilemmas for a new crisis, the
//! staffing check, overdue actions, decisions due for re-evaluation, the next meeting and
//! the timeline.

use super::Room;
use crate::error::AppError;
use crisismap_core::Lang;
use crisismap_core::crisis::EntryKind;
use crisismap_core::register::{RawRecord, RecordId, RecordKind, RefLookup, Validated};
use crisismap_store::Entry;
use serde::Deserialize;

/// Accepts `true`/`false`, and the form values `on`, `true`, `1`, `ja`.
pub fn loose_bool<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum B {
        Bool(bool),
        Text(String),
    }
    Ok(match B::deserialize(d)? {
        B::Bool(b) => b,
        B::Text(t) => matches!(t.trim(), "on" | "true" | "1" | "ja" | "yes"),
    })
}

/// The strategic dilemmas and key decisions the guidance names for the warm phase, in our
/// own words: (title, question, options), Dutch and English.
const DILEMMAS: &[[(&str, &str, &str); 2]] = &[
    [
        (
            "Wat communiceren we wel en niet?",
            "Wat vertellen we inwoners, medewerkers, raad en pers, ook als de crisis nog dreigt? Aanvallers lezen mee.",
            "Vroeg en open communiceren met de onzekerheden erbij; of terughoudend tot de feiten vaststaan.",
        ),
        (
            "What do we communicate and what not?",
            "What do we tell residents, staff, the council and the press, also while the crisis is only a threat? Attackers read along.",
            "Communicate early and openly including the uncertainties; or hold back until the facts are established.",
        ),
    ],
    [
        (
            "Hoe gaan we om met een losgeldeis?",
            "Bij ransomware: betalen we, onderhandelen we, of niet? Wie beslist en op basis waarvan?",
            "Niet betalen en herstellen uit back-ups; onderhandelen om tijd te winnen; advies van politie, OM en IBD vragen.",
        ),
        (
            "How do we handle a ransom demand?",
            "With ransomware: do we pay, negotiate, or not? Who decides, and on what grounds?",
            "Do not pay and restore from backups; negotiate to gain time; ask the police, prosecutor and IBD for advice.",
        ),
    ],
    [
        (
            "Welke classificatie geven we het incident of de crisis?",
            "Is dit een cyberincident of een cybercrisis, en past de GRIP-structuur erbij?",
            "Cyberincident in de eigen organisatie; cybercrisis met gevolgen voor openbare orde en veiligheid.",
        ),
        (
            "How do we classify the incident or crisis?",
            "Is this a cyber incident or a cyber crisis, and does the GRIP structure apply?",
            "Cyber incident within our own organisation; cyber crisis with effects on public order and safety.",
        ),
    ],
    [
        (
            "Welke rol(len) heeft de burgemeester?",
            "Als gezag voor openbare orde, als bestuurder van een getroffen organisatie, als boegbeeld naar de samenleving: welke rol speelt de burgemeester, en welke wethouder (ICT) staat ernaast?",
            "De burgemeester voert het woord naar buiten; de portefeuillehouder ICT voor de eigen bedrijfsvoering.",
        ),
        (
            "What role(s) does the mayor play?",
            "As authority for public order, as head of a hit organisation, as the face towards society: which role does the mayor take, and which alderman (ICT) stands beside?",
            "The mayor speaks to the public; the alderman for ICT covers the municipality's own operations.",
        ),
    ],
    [
        (
            "Hoe verdelen we schaarse middelen?",
            "Mensen, systemen en externe hulp zijn beperkt: wat heeft voorrang bij het bestrijden van de digitale ontwrichting en het herstel?",
            "Eerst vitale processen voor inwoners (uitkeringen, zorg, burgerzaken); eerst de eigen infrastructuur; eerst externe partijen.",
        ),
        (
            "How do we prioritise scarce means?",
            "People, systems and outside help are limited: what comes first in fighting the disruption and in recovery?",
            "Vital processes for residents first (benefits, care, civil affairs); our own infrastructure first; outside parties first.",
        ),
    ],
    [
        (
            "Schakelen we systemen of diensten (vroegtijdig) uit of in?",
            "Halen we systemen of dienstverlening uit de lucht om verdere schade te voorkomen, en wanneer zetten we ze weer aan?",
            "Preventief loskoppelen van het netwerk; gedeeltelijk doordraaien met handmatige terugvalprocedures; pas na forensisch onderzoek weer aan.",
        ),
        (
            "Do we switch systems or services off (early), or back on?",
            "Do we take systems or services offline to prevent further harm, and when do we switch them back on?",
            "Disconnect from the network as a precaution; keep running partly with manual fallbacks; switch back on only after forensic investigation.",
        ),
    ],
    [
        (
            "Huren we externe forensische en digitale experts in?",
            "Welke expertise hebben we nodig die we zelf niet hebben, wie huurt die in en wie betaalt?",
            "Via de IBD of de verzekeraar; een eigen raamcontract; hulp van de veiligheidsregio voor het crisisproces.",
        ),
        (
            "Do we hire outside forensic and digital experts?",
            "Which expertise do we need that we lack, who hires it and who pays?",
            "Through the IBD or the insurer; our own framework contract; the safety region's help for the crisis process.",
        ),
    ],
];

struct NoRefs;
impl RefLookup for NoRefs {
    fn exists(&self, _: RecordKind, _: RecordId) -> bool {
        false
    }
}

/// The dilemmas every new crisis starts with, validated like any entry.
pub fn guidance_dilemmas(lang: Lang) -> Result<Vec<Validated>, AppError> {
    let i = usize::from(lang == Lang::En);
    let source = if lang == Lang::En {
        "Source: VNG guidance “(voorbereiding op) digitale ontwrichting”."
    } else {
        "Bron: VNG-handreiking “(voorbereiding op) digitale ontwrichting”."
    };
    DILEMMAS
        .iter()
        .map(|d| {
            let (title, question, options) = d[i];
            let mut raw = RawRecord::default();
            raw.fields.insert("title".into(), title.into());
            raw.fields.insert("question".into(), question.into());
            raw.fields.insert("options".into(), options.into());
            raw.fields.insert("notes".into(), source.into());
            EntryKind::Dilemma
                .schema()
                .validate(&raw, &NoRefs)
                .map_err(|e| AppError::Internal(format!("guidance dilemma: {e:?}")))
        })
        .collect()
}

/// Whether an entry's timestamp field lies before `now`.
pub fn before(e: &Entry, field: &str, now: jiff::Timestamp) -> bool {
    e.text(field)
        .and_then(|t| t.parse::<jiff::Timestamp>().ok())
        .is_some_and(|t| t <= now)
}

/// An action that passed its deadline and is neither done nor closed.
pub fn overdue(e: &Entry, now: jiff::Timestamp) -> bool {
    e.kind == EntryKind::Action
        && !matches!(e.text("status"), Some("done" | "closed"))
        && before(e, "deadline", now)
}

/// A decision whose re-evaluation moment has come and that no later decision supersedes.
pub fn reevaluation_due(room: &Room, e: &Entry, now: jiff::Timestamp) -> bool {
    e.kind == EntryKind::Decision
        && before(e, "reevaluate_at", now)
        && room.superseded_by(e.id).is_none()
}

/// The next planned meeting: the latest meeting's `next_meeting`, when still to come.
pub fn next_meeting(room: &Room, now: jiff::Timestamp) -> Option<jiff::Timestamp> {
    room.of(EntryKind::Bob)
        .filter_map(|m| m.text("next_meeting"))
        .filter_map(|t| t.parse::<jiff::Timestamp>().ok())
        .filter(|t| *t > now)
        .min()
}

/// The guidance's staffing advice, checked against who is present: (code, met).
pub fn staffing(room: &Room, now: jiff::Timestamp) -> Vec<(&'static str, bool)> {
    let present = |kind: &str| {
        room.of(EntryKind::Attendance).any(|a| {
            a.text("kind") == Some(kind)
                && before(a, "arrived_at", now)
                && !before(a, "left_at", now)
        })
    };
    let invited = |kind: &str| {
        room.of(EntryKind::Attendance)
            .any(|a| a.text("kind") == Some(kind))
    };
    vec![
        (
            "staff_team",
            !room.state().teams.is_empty() && present("member"),
        ),
        ("staff_liaison", invited("liaison")),
        ("staff_expert", invited("expert")),
        ("staff_region", room.of(EntryKind::Support).next().is_some()),
        (
            "staff_communication",
            room.of(EntryKind::Support)
                .any(|s| s.text("role") == Some("communication_advisor"))
                || room.of(EntryKind::Attendance).any(|a| {
                    a.text("capacity").is_some_and(|c| {
                        c.to_lowercase().contains("communicatie")
                            || c.to_lowercase().contains("communication")
                    })
                }),
        ),
    ]
}

/// The cascade of what is marked failing in a crisis: each affected node with the moment it
/// is expected to stop working.
pub struct CrisisCascade {
    pub rows: Vec<(crate::register::cascade::ImpactRow, String)>,
    pub picture: String,
    /// (title, since) of each failing node.
    pub failing: Vec<(String, String)>,
}

pub fn crisis_cascade(
    room: &Room,
    graph: &crisismap_core::register::graph::RegisterGraph,
    tr: crate::i18n::Tr,
) -> Result<CrisisCascade, AppError> {
    use crisismap_core::register::graph::NodeKey;
    let failing: Vec<(NodeKey, jiff::Timestamp)> = room
        .state()
        .failing
        .iter()
        .filter_map(|f| Some((f.key.parse().ok()?, f.since.parse().ok()?)))
        .filter(|(k, _): &(NodeKey, jiff::Timestamp)| graph.node_of(k).is_some())
        .collect();
    let Some(first) = failing.iter().map(|(_, t)| *t).min() else {
        return Ok(CrisisCascade {
            rows: vec![],
            picture: String::new(),
            failing: vec![],
        });
    };
    let staggered: Vec<(NodeKey, u32)> = failing
        .iter()
        .map(|(k, t)| {
            let delay = t.duration_since(first).as_mins().max(0);
            (k.clone(), u32::try_from(delay).unwrap_or(u32::MAX))
        })
        .collect();
    let (cascade, source) = graph
        .cascade_staggered(&staggered)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let rows = crate::register::cascade::impact_rows(graph, &cascade, Some(source), tr)
        .into_iter()
        .map(|r| {
            let at = first
                .checked_add(jiff::SignedDuration::from_mins(
                    i64::try_from(r.minutes).unwrap_or(i64::MAX / 120),
                ))
                .map(crisismap_core::time::local_display)
                .unwrap_or_default();
            (r, at)
        })
        .collect();
    let picture = crate::register::cascade::cascade_picture(
        graph,
        &cascade,
        Some(source),
        tr,
        "crisis-cascade",
    );
    let failing = failing
        .iter()
        .filter_map(|(k, t)| {
            let n = graph.node(graph.node_of(k)?)?;
            Some((n.title.clone(), crisismap_core::time::local_display(*t)))
        })
        .collect();
    Ok(CrisisCascade {
        rows,
        picture,
        failing,
    })
}
