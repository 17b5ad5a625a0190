//! An exercise run in the crisis room: the exercise clock (started, paused, resumed, ended),
//! who controls it and who observes, and when each inject of its master events list is due.
//! The injects themselves are entries of the exercise's stream ([`EntryKind::Inject`]),
//! copied from the script when the exercise starts, so the run verifies like any crisis.

use super::EntryKind;
use super::recorded::Entry;
use crate::UserId;
use crate::register::RecordId;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// How long before its moment an inject shows as coming up on the control page.
pub const UPCOMING_MINUTES: i64 = 5;

/// One mark of the exercise clock: it started (or resumed) or paused at a moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockMark {
    /// True: the clock runs from this moment; false: it stands still from this moment.
    pub running: bool,
    /// The moment (canonical UTC).
    pub at: String,
}

/// The run of an exercise: the script it plays, the plan's exercise it belongs to, exercise
/// control and observers, the clock, and whether injects go out by themselves when due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseRun {
    /// The script (draaiboek) whose injects were copied in, and the revision copied.
    pub script: RecordId,
    /// The script's revision when the exercise started.
    pub script_rev: i64,
    /// The exercise of the plan (oefenplan) this run holds, when started from the plan.
    #[serde(default)]
    pub plan: Option<RecordId>,
    /// Exercise control (oefenleiding): the only ones who see the events list and release.
    pub control: Vec<UserId>,
    /// Observers: they see the injects and record observations and ratings.
    #[serde(default)]
    pub observers: Vec<UserId>,
    /// Whether injects are released by themselves when due (contingency injects never are).
    pub auto_release: bool,
    /// The clock's marks in order: a start, then pauses and resumptions.
    #[serde(default)]
    pub clock: Vec<ClockMark>,
    /// When the exercise was ended (canonical UTC); the clock stands still from then.
    #[serde(default)]
    pub ended_at: Option<String>,
}

/// Who someone is in an exercise run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staff {
    /// Exercise control: the events list, releases, observations.
    Control,
    /// An observer: the injects as released, observations and ratings.
    Observer,
}

impl ExerciseRun {
    /// Whether the user is exercise control or an observer, and which.
    pub fn staff(&self, user: UserId) -> Option<Staff> {
        if self.control.contains(&user) {
            Some(Staff::Control)
        } else if self.observers.contains(&user) {
            Some(Staff::Observer)
        } else {
            None
        }
    }

    /// Whether the clock has been started.
    pub fn started(&self) -> bool {
        !self.clock.is_empty()
    }

    /// Whether the clock runs now.
    pub fn running(&self) -> bool {
        self.ended_at.is_none() && self.clock.last().is_some_and(|m| m.running)
    }

    /// The exercise time at `now`: the minutes the clock has run, pauses left out.
    pub fn elapsed_seconds(&self, now: Timestamp) -> i64 {
        let end = self
            .ended_at
            .as_deref()
            .and_then(|t| t.parse::<Timestamp>().ok())
            .map_or(now, |e| e.min(now));
        let mut total = 0;
        let mut since: Option<Timestamp> = None;
        for mark in &self.clock {
            let Ok(at) = mark.at.parse::<Timestamp>() else {
                continue;
            };
            match (mark.running, since) {
                (true, None) => since = Some(at),
                (false, Some(s)) => {
                    total += (at.min(end).as_second() - s.as_second()).max(0);
                    since = None;
                }
                _ => {}
            }
        }
        if let Some(s) = since {
            total += (end.as_second() - s.as_second()).max(0);
        }
        total
    }

    /// The whole minutes of exercise time at `now`.
    pub fn elapsed_minutes(&self, now: Timestamp) -> i64 {
        self.elapsed_seconds(now) / 60
    }

    /// The next clock mark, checked: a clock starts once, pauses only while it runs, resumes
    /// only while paused, and never marks a moment before its latest mark.
    pub fn mark(&self, running: bool, at: Timestamp) -> Result<ExerciseRun, &'static str> {
        if self.ended_at.is_some() {
            return Err("exercise_ended");
        }
        if self.running() == running {
            return Err(if running {
                "clock_running"
            } else {
                "clock_not_running"
            });
        }
        let at = crate::time::canonical(at);
        if self.clock.last().is_some_and(|m| m.at > at) {
            return Err("before_later_change");
        }
        let mut next = self.clone();
        next.clock.push(ClockMark { running, at });
        Ok(next)
    }
}

/// Where an inject stands in the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InjectState {
    /// Released to the players.
    Released,
    /// Withheld by control: it will not go out.
    Withheld,
    /// Its moment has come and it has not gone out.
    Due,
    /// Its moment comes within [`UPCOMING_MINUTES`].
    Upcoming,
    /// Later, or waiting on the inject it follows.
    Waiting,
    /// A contingency inject: control releases it only when an expected action does not come.
    Reserve,
}

impl InjectState {
    /// A stable code for translation keys (`c-inject_state-{code}`) and the API.
    pub fn code(self) -> &'static str {
        match self {
            InjectState::Released => "released",
            InjectState::Withheld => "withheld",
            InjectState::Due => "due",
            InjectState::Upcoming => "upcoming",
            InjectState::Waiting => "waiting",
            InjectState::Reserve => "reserve",
        }
    }
}

/// One inject of a run with when it is due (in exercise minutes) and where it stands.
#[derive(Debug, Clone)]
pub struct Planned<'a> {
    /// The inject entry.
    pub entry: &'a Entry,
    /// Its number in the script.
    pub number: i64,
    /// The exercise minute it is due; `None` while the inject it follows is not out, or when
    /// it is due at a time of day.
    pub due_minute: Option<i64>,
    /// The time of day (minutes after midnight, Amsterdam) it is due, when it says so.
    pub due_time: Option<u32>,
    /// Where it stands.
    pub state: InjectState,
}

fn int(entry: &Entry, field: &str) -> Option<i64> {
    entry.data.get(field).and_then(serde_json::Value::as_i64)
}

/// The injects of a run in order of their moment, each with where it stands at `now`.
pub fn plan<'a>(run: &ExerciseRun, injects: &'a [Entry], now: Timestamp) -> Vec<Planned<'a>> {
    let elapsed = run.elapsed_minutes(now);
    let local_minute = {
        let t = now.to_zoned(crate::time::amsterdam().clone());
        i64::from(t.hour()) * 60 + i64::from(t.minute())
    };
    let released_minute = |number: i64| {
        injects
            .iter()
            .find(|e| int(e, "number") == Some(number))
            .filter(|e| e.text("status") == Some("released"))
            .and_then(|e| int(e, "released_minute"))
    };
    let mut out: Vec<Planned<'a>> = injects
        .iter()
        .filter(|e| e.kind == EntryKind::Inject)
        .map(|entry| {
            let number = int(entry, "number").unwrap_or(0);
            let due_time = entry
                .text("at_time")
                .and_then(crate::register::kinds::parse_time_of_day);
            let due_minute = match (int(entry, "at_minutes"), int(entry, "after")) {
                (Some(m), _) => Some(m),
                (None, Some(after)) => {
                    released_minute(after).map(|r| r + int(entry, "after_minutes").unwrap_or(0))
                }
                (None, None) if due_time.is_none() => Some(0),
                _ => None,
            };
            let contingency = entry.data.get("contingency") == Some(&serde_json::Value::Bool(true));
            let state = match entry.text("status") {
                Some("released") => InjectState::Released,
                Some("withheld") => InjectState::Withheld,
                _ if contingency => InjectState::Reserve,
                _ if !run.started() => InjectState::Waiting,
                _ => {
                    let reached = |at: i64, now: i64| {
                        if at <= now {
                            InjectState::Due
                        } else if at - now <= UPCOMING_MINUTES {
                            InjectState::Upcoming
                        } else {
                            InjectState::Waiting
                        }
                    };
                    match (due_minute, due_time) {
                        (Some(m), _) => reached(m, elapsed),
                        (None, Some(t)) => reached(i64::from(t), local_minute),
                        (None, None) => InjectState::Waiting,
                    }
                }
            };
            Planned {
                entry,
                number,
                due_minute,
                due_time,
                state,
            }
        })
        .collect();
    out.sort_by_key(|p| {
        (
            p.due_minute
                .or(p.due_time.map(i64::from))
                .unwrap_or(i64::MAX),
            p.number,
        )
    });
    out
}

/// The injects that go out by themselves at `now`: the run's clock runs, it releases by
/// itself, and their moment has come (contingency injects never go by themselves).
pub fn due_for_release<'a>(
    run: &ExerciseRun,
    injects: &'a [Entry],
    now: Timestamp,
) -> Vec<&'a Entry> {
    if !run.auto_release || !run.running() {
        return vec![];
    }
    plan(run, injects, now)
        .into_iter()
        .filter(|p| p.state == InjectState::Due)
        .map(|p| p.entry)
        .collect()
}

/// The players' first response to a released inject: the first log line, decision or
/// action that happened after it (by its own moment in the record), recorded by someone who
/// is not exercise staff (control and observers do not play), with the minutes it took.
pub fn first_response<'a>(
    run: &ExerciseRun,
    released_at: Timestamp,
    record: &'a [Entry],
) -> Option<(&'a Entry, i64)> {
    record
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EntryKind::Log | EntryKind::Decision | EntryKind::Action
            )
        })
        .filter(|e| e.occurred_at > released_at)
        .filter(|e| e.created_by_user().is_some_and(|u| run.staff(u).is_none()))
        .min_by_key(|e| e.occurred_at)
        .map(|e| {
            (
                e,
                (e.occurred_at.as_second() - released_at.as_second()) / 60,
            )
        })
}

/// The ratings of a learning goal an observer may give, from not to fully achieved.
pub const RATINGS: &[&str] = &["not", "partly", "largely", "fully"];

/// What a released inject's log line says it is: from whom and how (for the players).
pub fn released_source(sender_name: &str, channel_label: &str) -> String {
    match (sender_name.trim(), channel_label.trim()) {
        ("", c) => c.to_owned(),
        (s, "") => s.to_owned(),
        (s, c) => format!("{s} ({c})"),
    }
}

/// The inject and released fields of [`EntryKind::Inject`] that come from the script's row.
pub const SCRIPT_FIELDS: &[&str] = &[
    "number",
    "at_minutes",
    "at_time",
    "after",
    "after_minutes",
    "sender",
    "sender_name",
    "to",
    "channel",
    "text",
    "expected",
    "goal",
    "controller",
    "contingency",
];

/// The script's injects that cannot be played: no text, no addressee or no moment. Each is
/// named by its number with the field that is missing.
pub fn unplayable(
    injects: &[serde_json::Map<String, serde_json::Value>],
) -> Vec<(i64, &'static str)> {
    let mut out = vec![];
    for row in injects {
        let number = row
            .get("number")
            .and_then(serde_json::Value::as_i64)
            .unwrap_or(0);
        let has = |k: &str| {
            row.get(k).is_some_and(|v| match v {
                serde_json::Value::String(s) => !s.trim().is_empty(),
                serde_json::Value::Null => false,
                _ => true,
            })
        };
        if !has("text") {
            out.push((number, "text"));
        }
        if !has("to") {
            out.push((number, "to"));
        }
        if !has("at_minutes") && !has("at_time") && !has("after") {
            out.push((number, "moment"));
        }
    }
    out
}

/// A record id for an inject's goal, when it names one.
pub fn goal_of(entry: &Entry) -> Option<RecordId> {
    entry.text("goal").and_then(|g| g.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at(minute: i64) -> Timestamp {
        Timestamp::from_second(1_796_000_000 + minute * 60).expect("moment")
    }

    fn run() -> ExerciseRun {
        ExerciseRun {
            script: RecordId::new(),
            script_rev: 1,
            plan: None,
            control: vec![UserId::new()],
            observers: vec![],
            auto_release: true,
            clock: vec![],
            ended_at: None,
        }
    }

    fn inject(number: i64, data: serde_json::Value) -> Entry {
        let mut map = data.as_object().cloned().unwrap_or_default();
        map.insert("number".into(), json!(number));
        map.entry("status").or_insert(json!("pending"));
        Entry {
            id: RecordId::new(),
            crisis: crate::StreamId::new(),
            kind: EntryKind::Inject,
            title: format!("inject {number}"),
            data: map,
            rev: 1,
            seq: number,
            created_at: at(0),
            created_by: "system:test".into(),
            updated_at: at(0),
            updated_by: "system:test".into(),
            occurred_at: at(0),
            transcribed: None,
        }
    }

    #[test]
    fn exercise_time_leaves_the_pauses_out_and_stops_at_the_end() {
        let r = run().mark(true, at(0)).expect("start");
        assert_eq!(r.mark(true, at(1)), Err("clock_running"));
        let r = r.mark(false, at(10)).expect("pause");
        assert_eq!(r.elapsed_minutes(at(40)), 10, "a pause stops the clock");
        assert_eq!(r.mark(true, at(5)), Err("before_later_change"));
        let mut r = r.mark(true, at(40)).expect("resume");
        assert_eq!(r.elapsed_minutes(at(55)), 25);
        r.ended_at = Some(crate::time::canonical(at(60)));
        assert_eq!(r.elapsed_minutes(at(500)), 30, "the end stops it for good");
        assert!(!r.running());
        assert_eq!(r.mark(false, at(70)), Err("exercise_ended"));
    }

    #[test]
    fn an_inject_is_due_at_its_minute_after_the_one_it_follows_and_a_reserve_never_by_itself() {
        let r = run().mark(true, at(0)).expect("start");
        let mut injects = vec![
            inject(1, json!({"at_minutes": 10})),
            inject(2, json!({"after": 1, "after_minutes": 5})),
            inject(3, json!({"at_minutes": 12})),
            inject(4, json!({"at_minutes": 0, "contingency": true})),
        ];
        let states = |list: &[Entry], now| {
            plan(&r, list, now)
                .iter()
                .map(|p| (p.number, p.state))
                .collect::<Vec<_>>()
        };
        assert_eq!(states(&injects, at(4))[1], (1, InjectState::Waiting));
        assert_eq!(
            states(&injects, at(8)),
            vec![
                (4, InjectState::Reserve),
                (1, InjectState::Upcoming),
                (3, InjectState::Upcoming),
                (2, InjectState::Waiting),
            ]
        );
        let due: Vec<i64> = due_for_release(&r, &injects, at(12))
            .iter()
            .map(|e| e.data["number"].as_i64().unwrap_or(0))
            .collect();
        assert_eq!(due, vec![1, 3], "the reserve and the follower stay");
        // Number 1 went out at minute 11: number 2 is due at 16.
        injects[0].data.insert("status".into(), json!("released"));
        injects[0].data.insert("released_minute".into(), json!(11));
        let two = plan(&r, &injects, at(16))
            .into_iter()
            .find(|p| p.number == 2)
            .expect("two");
        assert_eq!((two.due_minute, two.state), (Some(16), InjectState::Due));
        // Paused, nothing goes out by itself; nor when control releases by hand only.
        let paused = r.mark(false, at(16)).expect("pause");
        assert!(due_for_release(&paused, &injects, at(30)).is_empty());
        let mut by_hand = r.clone();
        by_hand.auto_release = false;
        assert!(due_for_release(&by_hand, &injects, at(30)).is_empty());
    }

    #[test]
    fn a_script_names_every_inject_that_cannot_be_played() {
        let rows: Vec<serde_json::Map<String, serde_json::Value>> = [
            json!({"number": 1, "text": "Bericht", "to": "Crisisadviseur", "at_minutes": 0}),
            json!({"number": 2, "text": "  ", "to": "Crisisadviseur", "after": 1}),
            json!({"number": 3, "text": "Bericht", "at_time": "14:30"}),
            json!({"number": 4, "text": "Bericht", "to": "CISO"}),
        ]
        .into_iter()
        .filter_map(|v| v.as_object().cloned())
        .collect();
        assert_eq!(
            unplayable(&rows),
            vec![(2, "text"), (3, "to"), (4, "moment")]
        );
    }

    #[test]
    fn the_first_response_is_the_first_players_entry_after_the_release() {
        let r = run();
        let control = r.control[0];
        let player = UserId::new();
        let entry = |kind, minute, by: UserId| {
            let mut e = inject(0, json!({}));
            e.kind = kind;
            e.occurred_at = at(minute);
            e.created_by = format!("user:{by}");
            e
        };
        let record = vec![
            entry(EntryKind::Log, 4, player),
            entry(EntryKind::Log, 6, control),
            entry(EntryKind::Decision, 9, player),
            entry(EntryKind::Fact, 7, player),
        ];
        let (first, minutes) = first_response(&r, at(5), &record).expect("a response");
        assert_eq!((first.kind, minutes), (EntryKind::Decision, 4));
        assert!(first_response(&r, at(10), &record).is_none());
    }
}
