//! Events and their envelope. Every change in crisismap is an event appended to a stream;
//! events are chained by SHA-256 so that any change to the stored history is detectable.

use crate::crisis::{Answers, Classification, EntryKind, Grip, Phase, Proposal};
use crate::ids::{EventId, StreamId, UserId, WorkspaceId};
use crate::register::{RecordId, RecordKind};
use crate::{Lang, Role};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;

/// The `prev_hash` of the first event of every stream.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Domain separation for the hash, versioned so that a future format cannot collide.
const HASH_DOMAIN_TAG: &[u8] = b"crisismap/event/v1";

/// What a stream holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StreamKind {
    /// Users, roles and settings of one workspace.
    Workspace,
    /// The preparation register of one workspace (cold and lukewarm phase).
    Preparation,
    /// One crisis or exercise.
    Crisis,
}

impl StreamKind {
    /// The stream kind's stable lowercase name, as stored.
    pub fn code(self) -> &'static str {
        match self {
            StreamKind::Workspace => "workspace",
            StreamKind::Preparation => "preparation",
            StreamKind::Crisis => "crisis",
        }
    }
}

impl FromStr for StreamKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "workspace" => Ok(StreamKind::Workspace),
            "preparation" => Ok(StreamKind::Preparation),
            "crisis" => Ok(StreamKind::Crisis),
            _ => Err(()),
        }
    }
}

/// The facts crisismap records. Payloads hold plain values as they were accepted, so that an
/// old event still reads after validation rules change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DomainEvent {
    /// The first event of a workspace stream: the organisation was set up.
    WorkspaceCreated {
        /// The workspace's name, e.g. "Gemeente Voorbeeld".
        name: String,
        /// Code of the safety region (VR01–VR25), when known.
        region_code: Option<String>,
    },
    /// A user account was added to the workspace.
    UserAdded {
        /// The new user's id.
        user_id: UserId,
        /// The user's e-mail address (lower-case), used to log in.
        email: String,
        /// The user's name as shown to others.
        display_name: String,
        /// The role the user starts with.
        role: Role,
    },
    /// A user was given another role.
    UserRoleChanged {
        /// The user whose role changed.
        user_id: UserId,
        /// The user's new role.
        role: Role,
    },
    /// A user was disabled: they can no longer log in, their history stays.
    UserDisabled {
        /// The disabled user.
        user_id: UserId,
    },
    /// A disabled user may log in again.
    UserEnabled {
        /// The re-enabled user.
        user_id: UserId,
    },
    /// A user chose another language for the user interface.
    UserLanguageChanged {
        /// The user who changed language.
        user_id: UserId,
        /// The language they chose.
        language: Lang,
    },
    /// A register record was created or changed; the event holds its whole new state.
    RecordSaved {
        /// The kind of record.
        kind: RecordKind,
        /// The record's id, the same for every revision.
        id: RecordId,
        /// The record's revision after this save (1 for a new record).
        rev: i64,
        /// The record's title, unique per kind.
        title: String,
        /// The record's validated fields, by field name as the kind's schema describes them.
        data: serde_json::Map<String, serde_json::Value>,
    },
    /// A register record was archived: it leaves the lists, references to it stay readable.
    RecordArchived {
        /// The kind of record.
        kind: RecordKind,
        /// The archived record's id.
        id: RecordId,
        /// The record's revision after archiving.
        rev: i64,
    },
    /// Whether every user of the workspace must use a second factor (TOTP) at login;
    /// administrators always must.
    MfaPolicySet {
        /// True: everyone needs a second factor; false: only administrators do.
        required_for_all: bool,
    },
    /// A user added as a guest (liaison, expert) who sees only this crisis.
    UserScopedToCrisis {
        /// The guest user.
        user_id: UserId,
        /// The crisis stream the guest may see.
        crisis: StreamId,
    },
    /// The first event of a crisis stream.
    CrisisOpened {
        /// The crisis's title, e.g. "Ransomware at the municipal office".
        title: String,
        /// What was known when the crisis was opened, as free text.
        known: String,
        /// Canonical UTC text.
        started_at: String,
        /// The phase the crisis starts in (lukewarm or warm).
        phase: Phase,
        /// Whether this is an exercise rather than a real crisis.
        exercise: bool,
    },
    /// The classification assistant's answers, its proposal and what the advisor chose.
    CrisisClassified {
        /// The advisor's answers to the assistant's six questions.
        answers: Answers,
        /// What the assistant proposed from those answers.
        proposal: Proposal,
        /// The classification chosen: cyber incident or cyber crisis.
        classification: Classification,
        /// The GRIP level chosen.
        grip: Grip,
        /// The register teams activated.
        teams: Vec<RecordId>,
        /// Whether the advisor took the proposal as it was.
        accepted: bool,
        /// The advisor's reason for the choice; required when overriding the proposal.
        reason: String,
        /// When it happened (canonical UTC); absent in events recorded before times of
        /// occurrence were kept: then it happened when it was recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurred_at: Option<String>,
    },
    /// The crisis moved to another phase.
    CrisisPhaseChanged {
        /// The new phase.
        phase: Phase,
        /// Why the phase changed.
        reason: String,
        /// When it happened (canonical UTC); absent in events recorded before times of
        /// occurrence were kept: then it happened when it was recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurred_at: Option<String>,
    },
    /// The crisis moved to another GRIP level.
    CrisisGripChanged {
        /// The new GRIP level.
        grip: Grip,
        /// Why the GRIP level changed.
        reason: String,
        /// When it happened (canonical UTC); absent in events recorded before times of
        /// occurrence were kept: then it happened when it was recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurred_at: Option<String>,
    },
    /// The team weighed the GRIP level and kept it ("GRIP 3 stays, no GRIP 4, because …").
    CrisisGripConfirmed {
        /// The GRIP level that was kept.
        grip: Grip,
        /// Why it was kept.
        reason: String,
        /// When it happened (canonical UTC); absent in events recorded before times of
        /// occurrence were kept: then it happened when it was recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurred_at: Option<String>,
    },
    /// The team weighed the phase and kept it.
    CrisisPhaseConfirmed {
        /// The phase that was kept.
        phase: Phase,
        /// Why it was kept.
        reason: String,
        /// When it happened (canonical UTC); absent in events recorded before times of
        /// occurrence were kept: then it happened when it was recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurred_at: Option<String>,
    },
    /// The set of active teams changed (the whole new set).
    CrisisTeamsChanged {
        /// The register teams now active in the crisis.
        teams: Vec<RecordId>,
        /// Why the teams changed.
        reason: String,
        /// When it happened (canonical UTC); absent in events recorded before times of
        /// occurrence were kept: then it happened when it was recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurred_at: Option<String>,
    },
    /// The team changed the order in which processes are restored (register processes).
    RestoreOrderChanged {
        /// The register processes in the order they are to be restored.
        order: Vec<RecordId>,
        /// Why the order changed.
        reason: String,
        /// When it happened (canonical UTC); absent in events recorded before times of
        /// occurrence were kept: then it happened when it was recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurred_at: Option<String>,
    },
    /// The crisis organisation handed over to the line organisation: the crisis is in its
    /// aftermath from now on.
    CrisisHandedOver {
        /// Who coordinates the aftermath.
        coordinator: String,
        /// The open actions handed to an owner in the line organisation.
        transfers: Vec<crate::crisis::Transfer>,
        /// The register processes still being restored.
        restoring: Vec<RecordId>,
        /// What was agreed at the handover.
        reason: String,
        /// When it happened (canonical UTC).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurred_at: Option<String>,
    },
    /// The dossier was closed at the end of the aftermath: the record takes nothing more.
    CrisisClosed {
        /// Why the crisis was closed.
        reason: String,
        /// When it happened (canonical UTC); absent in events recorded before times of
        /// occurrence were kept: then it happened when it was recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurred_at: Option<String>,
    },
    /// A situation report was issued: the next of the crisis's numbered series, describing
    /// the picture as of its moment.
    SitrepIssued {
        /// Its number in the crisis's series, from 1.
        number: u32,
        /// When it was issued: the moment the report describes (canonical UTC).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurred_at: Option<String>,
    },
    /// The nodes of the register's dependency graph that are marked failing in this crisis
    /// (the whole new set), each with the moment it failed.
    FailingNodesSet {
        /// The failing nodes, each with the moment it failed.
        nodes: Vec<crate::crisis::FailingNode>,
        /// Why the set changed.
        reason: String,
        /// When it happened (canonical UTC); absent in events recorded before times of
        /// occurrence were kept: then it happened when it was recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurred_at: Option<String>,
    },
    /// The run of an exercise was set: its clock, control, observers and whether injects go
    /// out by themselves (the whole new state).
    ExerciseRunSet {
        /// The run's new state.
        run: crate::crisis::ExerciseRun,
        /// When it happened (canonical UTC).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurred_at: Option<String>,
    },
    /// An entry of a crisis was recorded or changed; the event holds its whole new state.
    EntrySaved {
        /// The kind of entry (log entry, decision, action, …).
        kind: EntryKind,
        /// The entry's id, the same for every revision.
        id: RecordId,
        /// The entry's revision after this save (1 for a new entry).
        rev: i64,
        /// The entry's title.
        title: String,
        /// The entry's validated fields, by field name as the kind's schema describes them.
        data: serde_json::Map<String, serde_json::Value>,
        /// When it happened (canonical UTC); absent in events recorded before times of
        /// occurrence were kept: then it happened when it was recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurred_at: Option<String>,
        /// Typed back in from a paper form of the printed folder.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        transcribed: Option<crate::crisis::Transcription>,
    },
}

impl DomainEvent {
    /// The event's kind as stored in the envelope (the same string as the payload's `type`).
    pub fn kind(&self) -> &'static str {
        match self {
            DomainEvent::WorkspaceCreated { .. } => "workspace_created",
            DomainEvent::UserAdded { .. } => "user_added",
            DomainEvent::UserRoleChanged { .. } => "user_role_changed",
            DomainEvent::UserDisabled { .. } => "user_disabled",
            DomainEvent::UserEnabled { .. } => "user_enabled",
            DomainEvent::UserLanguageChanged { .. } => "user_language_changed",
            DomainEvent::RecordSaved { .. } => "record_saved",
            DomainEvent::RecordArchived { .. } => "record_archived",
            DomainEvent::UserScopedToCrisis { .. } => "user_scoped_to_crisis",
            DomainEvent::MfaPolicySet { .. } => "mfa_policy_set",
            DomainEvent::CrisisOpened { .. } => "crisis_opened",
            DomainEvent::CrisisClassified { .. } => "crisis_classified",
            DomainEvent::CrisisPhaseChanged { .. } => "crisis_phase_changed",
            DomainEvent::CrisisGripChanged { .. } => "crisis_grip_changed",
            DomainEvent::CrisisGripConfirmed { .. } => "crisis_grip_confirmed",
            DomainEvent::CrisisPhaseConfirmed { .. } => "crisis_phase_confirmed",
            DomainEvent::CrisisTeamsChanged { .. } => "crisis_teams_changed",
            DomainEvent::RestoreOrderChanged { .. } => "restore_order_changed",
            DomainEvent::CrisisClosed { .. } => "crisis_closed",
            DomainEvent::CrisisHandedOver { .. } => "crisis_handed_over",
            DomainEvent::FailingNodesSet { .. } => "failing_nodes_set",
            DomainEvent::SitrepIssued { .. } => "sitrep_issued",
            DomainEvent::ExerciseRunSet { .. } => "exercise_run_set",
            DomainEvent::EntrySaved { .. } => "entry_saved",
        }
    }

    /// When a crisis event says it happened (canonical UTC), where it says so: the opening
    /// at the crisis's start, the other crisis events at their own moment.
    pub fn occurred_at(&self) -> Option<&str> {
        match self {
            DomainEvent::CrisisOpened { started_at, .. } => Some(started_at),
            DomainEvent::CrisisClassified { occurred_at, .. }
            | DomainEvent::CrisisPhaseChanged { occurred_at, .. }
            | DomainEvent::CrisisGripChanged { occurred_at, .. }
            | DomainEvent::CrisisGripConfirmed { occurred_at, .. }
            | DomainEvent::CrisisPhaseConfirmed { occurred_at, .. }
            | DomainEvent::CrisisTeamsChanged { occurred_at, .. }
            | DomainEvent::RestoreOrderChanged { occurred_at, .. }
            | DomainEvent::CrisisClosed { occurred_at, .. }
            | DomainEvent::CrisisHandedOver { occurred_at, .. }
            | DomainEvent::FailingNodesSet { occurred_at, .. }
            | DomainEvent::SitrepIssued { occurred_at, .. }
            | DomainEvent::ExerciseRunSet { occurred_at, .. }
            | DomainEvent::EntrySaved { occurred_at, .. } => occurred_at.as_deref(),
            _ => None,
        }
    }

    /// The exact bytes that are stored and hashed.
    pub fn to_payload(&self) -> String {
        // Serialising a plain enum of strings, ids and unit enums cannot fail.
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_owned())
    }

    /// Reads an event back from its stored payload (JSON text).
    pub fn from_payload(payload: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(payload)
    }
}

/// Who caused an event: a user, or the system itself (command line, demo seeding).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Actor {
    /// A logged-in user.
    User(UserId),
    /// The system itself; the text says what acted (e.g. `cli`, `demo`).
    System(String),
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actor::User(id) => write!(f, "user:{id}"),
            Actor::System(what) => write!(f, "system:{what}"),
        }
    }
}

impl From<Actor> for String {
    fn from(a: Actor) -> String {
        a.to_string()
    }
}

impl TryFrom<String> for Actor {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl FromStr for Actor {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if let Some(id) = s.strip_prefix("user:") {
            return id.parse().map(Actor::User).map_err(|e| e.to_string());
        }
        if let Some(what) = s.strip_prefix("system:") {
            return Ok(Actor::System(what.to_owned()));
        }
        Err(format!("unknown actor {s:?}"))
    }
}

/// One stored event with everything that its hash covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Envelope {
    /// The event's own id.
    pub id: EventId,
    /// The workspace the event belongs to.
    pub workspace: WorkspaceId,
    /// The stream the event is appended to.
    pub stream: StreamId,
    /// The event's position in its stream, from 1 without gaps.
    pub seq: i64,
    /// When the event was recorded in the store; hashed as canonical UTC text.
    pub recorded_at: Timestamp,
    /// Who caused it, as `user:<id>` or `system:<what>` (see [`Actor`]).
    pub actor: String,
    /// The event's kind, the same string as the payload's `type` ([`DomainEvent::kind`]).
    pub kind: String,
    /// The exact payload bytes (JSON text) as hashed.
    pub payload: String,
    /// The hash of the event before it in the stream; [`GENESIS_HASH`] for the first.
    pub prev_hash: String,
    /// This event's hash (hex SHA-256), see [`Envelope::expected_hash`].
    pub hash: String,
}

impl Envelope {
    /// Builds an envelope and computes its hash.
    #[allow(clippy::too_many_arguments)]
    pub fn seal(
        id: EventId,
        workspace: WorkspaceId,
        stream: StreamId,
        seq: i64,
        recorded_at: Timestamp,
        actor: String,
        kind: String,
        payload: String,
        prev_hash: String,
    ) -> Envelope {
        let mut e = Envelope {
            id,
            workspace,
            stream,
            seq,
            recorded_at,
            actor,
            kind,
            payload,
            prev_hash,
            hash: String::new(),
        };
        e.hash = e.expected_hash();
        e
    }

    /// SHA-256 over the domain tag and every field, each length-prefixed so that no two
    /// different envelopes share an input.
    pub fn expected_hash(&self) -> String {
        let mut h = Sha256::new();
        let mut field = |bytes: &[u8]| {
            h.update((bytes.len() as u64).to_be_bytes());
            h.update(bytes);
        };
        field(HASH_DOMAIN_TAG);
        field(self.id.to_string().as_bytes());
        field(self.workspace.to_string().as_bytes());
        field(self.stream.to_string().as_bytes());
        field(self.seq.to_string().as_bytes());
        field(crate::time::canonical(self.recorded_at).as_bytes());
        field(self.actor.as_bytes());
        field(self.kind.as_bytes());
        field(self.prev_hash.as_bytes());
        field(self.payload.as_bytes());
        hex::encode(h.finalize())
    }

    /// The domain event this envelope holds, read from its payload.
    pub fn event(&self) -> Result<DomainEvent, serde_json::Error> {
        DomainEvent::from_payload(&self.payload)
    }
}

/// What is wrong with a stream, at the first event where it goes wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainFault {
    /// An event's seq is not the next one: an event is missing or out of order.
    #[error("expected seq {expected}, found seq {found} (an event is missing or out of order)")]
    SeqGap {
        /// The seq that should have come next.
        expected: i64,
        /// The seq that was found.
        found: i64,
    },
    /// The event's `prev_hash` is not the hash of the event before it.
    #[error("prev_hash does not match the hash of the event before it")]
    BrokenLink,
    /// The event's stored hash does not match its content: it was changed after it was stored.
    #[error("stored hash does not match the event's content (the event was changed)")]
    ContentChanged,
    /// The payload does not read as a domain event.
    #[error("the payload is not a readable event of kind {kind}")]
    UnreadablePayload {
        /// The event kind the envelope claims.
        kind: String,
    },
    /// The stream's head is further than the last stored event: events at the end are missing.
    #[error(
        "the stream head says seq {head_seq}, but the last event is seq {last_seq} (events at the end are missing)"
    )]
    TailMissing {
        /// The seq the stream head records.
        head_seq: i64,
        /// The seq of the last event found.
        last_seq: i64,
    },
    /// The hash recorded in the stream head differs from the last event's hash.
    #[error("the stream head hash does not match the last event")]
    HeadMismatch,
}

/// The first bad event of a stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadEvent {
    /// The seq at which the stream goes wrong.
    pub seq: i64,
    /// What is wrong there.
    pub fault: ChainFault,
}

/// Walks one stream's events in stored order and stops at the first fault.
#[derive(Debug)]
pub struct ChainVerifier {
    next_seq: i64,
    prev_hash: String,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        Self {
            next_seq: 1,
            prev_hash: GENESIS_HASH.to_owned(),
        }
    }
}

impl ChainVerifier {
    /// A verifier that expects seq 1 with the genesis hash as its `prev_hash`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Checks the next event of the stream; the first fault stops the walk with the bad event.
    pub fn push(&mut self, e: &Envelope) -> Result<(), BadEvent> {
        let bad = |fault| BadEvent {
            seq: self.next_seq,
            fault,
        };
        if e.seq != self.next_seq {
            return Err(bad(ChainFault::SeqGap {
                expected: self.next_seq,
                found: e.seq,
            }));
        }
        if e.prev_hash != self.prev_hash {
            return Err(bad(ChainFault::BrokenLink));
        }
        if e.expected_hash() != e.hash {
            return Err(bad(ChainFault::ContentChanged));
        }
        if e.event().is_err() {
            return Err(bad(ChainFault::UnreadablePayload {
                kind: e.kind.clone(),
            }));
        }
        self.prev_hash = e.hash.clone();
        self.next_seq += 1;
        Ok(())
    }

    /// Compares the walked chain with the stream's recorded head; returns (length, head hash).
    pub fn finish(self, head_seq: i64, head_hash: &str) -> Result<(i64, String), BadEvent> {
        let last_seq = self.next_seq - 1;
        if head_seq != last_seq {
            return Err(BadEvent {
                seq: last_seq + 1,
                fault: ChainFault::TailMissing { head_seq, last_seq },
            });
        }
        if head_hash != self.prev_hash {
            return Err(BadEvent {
                seq: last_seq,
                fault: ChainFault::HeadMismatch,
            });
        }
        Ok((last_seq, self.prev_hash))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<Envelope> {
        let ws = WorkspaceId::new();
        let stream = StreamId::new();
        let mut prev = GENESIS_HASH.to_owned();
        let t0: Timestamp = "2026-11-28T12:00:00Z".parse().expect("valid");
        (1..=n)
            .map(|seq| {
                let ev = DomainEvent::UserDisabled {
                    user_id: UserId::new(),
                };
                let e = Envelope::seal(
                    EventId::new(),
                    ws,
                    stream,
                    seq,
                    t0,
                    "system:test".into(),
                    ev.kind().into(),
                    ev.to_payload(),
                    prev.clone(),
                );
                prev = e.hash.clone();
                e
            })
            .collect()
    }

    fn verify(
        events: &[Envelope],
        head_seq: i64,
        head_hash: &str,
    ) -> Result<(i64, String), BadEvent> {
        let mut v = ChainVerifier::new();
        for e in events {
            v.push(e)?;
        }
        v.finish(head_seq, head_hash)
    }

    #[test]
    fn an_intact_chain_verifies() {
        let c = chain(5);
        let head = c[4].hash.clone();
        assert_eq!(verify(&c, 5, &head), Ok((5, head.clone())));
    }

    #[test]
    fn a_changed_payload_byte_is_found_at_its_seq() {
        let mut c = chain(5);
        let head = c[4].hash.clone();
        c[2].payload = c[2].payload.replacen('u', "U", 1);
        assert_eq!(verify(&c, 5, &head).map_err(|b| b.seq), Err(3));
    }

    #[test]
    fn a_deleted_event_is_found() {
        let mut c = chain(5);
        let head = c[4].hash.clone();
        c.remove(1);
        let bad = verify(&c, 5, &head).expect_err("gap");
        assert_eq!(bad.seq, 2);
        assert!(matches!(
            bad.fault,
            ChainFault::SeqGap {
                expected: 2,
                found: 3
            }
        ));
        c.pop();
        let tail = chain(3);
        let tail_head = tail[2].hash.clone();
        assert_eq!(
            verify(&tail[..2], 3, &tail_head).map_err(|b| b.fault),
            Err(ChainFault::TailMissing {
                head_seq: 3,
                last_seq: 2
            })
        );
    }

    #[test]
    fn swapped_events_are_found() {
        let mut c = chain(5);
        let head = c[4].hash.clone();
        // Swap the contents of seq 2 and 3 but keep the seq numbers in place.
        let (a, b) = (c[1].clone(), c[2].clone());
        c[1] = Envelope { seq: 2, ..b };
        c[2] = Envelope { seq: 3, ..a };
        assert_eq!(verify(&c, 5, &head).map_err(|b| b.seq), Err(2));
    }

    #[test]
    fn every_field_is_covered_by_the_hash() {
        let base = chain(1).remove(0);
        let variants = [
            Envelope {
                seq: 2,
                ..base.clone()
            },
            Envelope {
                actor: "system:other".into(),
                ..base.clone()
            },
            Envelope {
                kind: "user_enabled".into(),
                ..base.clone()
            },
            Envelope {
                prev_hash: "1".repeat(64),
                ..base.clone()
            },
            Envelope {
                stream: StreamId::new(),
                ..base.clone()
            },
            Envelope {
                workspace: WorkspaceId::new(),
                ..base.clone()
            },
            Envelope {
                id: EventId::new(),
                ..base.clone()
            },
            Envelope {
                recorded_at: base.recorded_at + jiff::SignedDuration::from_micros(1),
                ..base.clone()
            },
        ];
        for v in variants {
            assert_ne!(v.expected_hash(), base.hash, "{v:?}");
        }
    }

    #[test]
    fn payloads_round_trip_and_kind_matches_type() {
        let ev = DomainEvent::UserAdded {
            user_id: UserId::new(),
            email: "ciso@voorbeeld.nl".into(),
            display_name: "Sanne".into(),
            role: Role::Editor,
        };
        let payload = ev.to_payload();
        assert!(payload.contains(&format!("\"type\":\"{}\"", ev.kind())));
        assert_eq!(DomainEvent::from_payload(&payload).ok(), Some(ev));
    }
}
