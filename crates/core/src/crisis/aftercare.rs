//! Who was involved in a crisis and for how long, for the aftercare: derived from who was
//! recorded as present (arrival and departure) and who wrote in the log. Long stretches and
//! night-time presence are reasons to offer a conversation; nothing medical is derived or kept.

use super::{Entry, EntryKind};
use jiff::{SignedDuration, Timestamp};
use std::collections::BTreeMap;

/// One person's part in the crisis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Involved {
    /// The name as first recorded.
    pub person: String,
    /// How long they were recorded as present, all stretches together (a stretch without a
    /// departure runs until `until`).
    pub present: SignedDuration,
    /// The first moment they were involved (arrival or log line).
    pub first: Timestamp,
    /// The last moment they were involved.
    pub last: Timestamp,
    /// How many log lines they wrote.
    pub log_lines: usize,
    /// Present at some point between 23:00 and 07:00, Dutch time.
    pub night: bool,
}

/// The key two spellings of one name share: spaces and case do not count, nor a role in
/// brackets after the name ("Jeroen Bakker (adviseur)").
fn key(name: &str) -> String {
    let name = match name
        .trim_end()
        .strip_suffix(')')
        .and_then(|n| n.rsplit_once(" ("))
    {
        Some((bare, _)) => bare,
        None => name,
    };
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether two names are the same person's (see `key`).
pub fn same_person(a: &str, b: &str) -> bool {
    let k = key(a);
    !k.is_empty() && k == key(b)
}

/// Whether a stretch from `from` to `to` covers any time between 23:00 and 07:00 in
/// Europe/Amsterdam (checked every quarter of an hour, for at most two weeks).
fn covers_night(from: Timestamp, to: Timestamp) -> bool {
    let tz = crate::time::amsterdam();
    let mut at = from;
    for _ in 0..(14 * 24 * 4) {
        if at > to {
            return false;
        }
        let hour = at.to_zoned(tz.clone()).hour();
        if !(7..23).contains(&hour) {
            return true;
        }
        match at.checked_add(SignedDuration::from_mins(15)) {
            Ok(next) => at = next,
            Err(_) => return false,
        }
    }
    false
}

/// Everyone involved: from the attendance entries (person, arrived_at, left_at) and the log
/// lines written (`(writer's name, when)`), longest present first.
pub fn involved<'a>(
    attendance: impl IntoIterator<Item = &'a Entry>,
    log: impl IntoIterator<Item = (String, Timestamp)>,
    until: Timestamp,
) -> Vec<Involved> {
    let mut people: BTreeMap<String, Involved> = BTreeMap::new();
    let mut touch = |name: &str, at: Timestamp| -> Option<String> {
        let k = key(name);
        if k.is_empty() {
            return None;
        }
        let p = people.entry(k.clone()).or_insert_with(|| Involved {
            person: name.trim().to_owned(),
            present: SignedDuration::ZERO,
            first: at,
            last: at,
            log_lines: 0,
            night: false,
        });
        p.first = p.first.min(at);
        p.last = p.last.max(at);
        Some(k)
    };
    let mut stretches = vec![];
    for e in attendance {
        if e.kind != EntryKind::Attendance {
            continue;
        }
        let name = e.text("person").unwrap_or("");
        let arrived = e
            .text("arrived_at")
            .and_then(|t| t.parse::<Timestamp>().ok())
            .unwrap_or(e.occurred_at);
        let left = e
            .text("left_at")
            .and_then(|t| t.parse::<Timestamp>().ok())
            .unwrap_or(until)
            .max(arrived);
        if let Some(k) = touch(name, arrived) {
            touch(name, left);
            stretches.push((k, arrived, left));
        }
    }
    let mut lines = vec![];
    for (name, at) in log {
        if let Some(k) = touch(&name, at) {
            lines.push(k);
        }
    }
    for (k, from, to) in stretches {
        if let Some(p) = people.get_mut(&k) {
            p.present = p.present.saturating_add(to.duration_since(from));
            p.night |= covers_night(from, to);
        }
    }
    for k in lines {
        if let Some(p) = people.get_mut(&k) {
            p.log_lines += 1;
        }
    }
    let mut all: Vec<Involved> = people.into_values().collect();
    all.sort_by(|a, b| b.present.cmp(&a.present).then(a.person.cmp(&b.person)));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::RecordId;
    use serde_json::json;

    fn present(person: &str, arrived: &str, left: Option<&str>) -> Entry {
        let mut data = json!({"person": person, "kind": "member", "arrived_at": arrived});
        if let Some(l) = left {
            data["left_at"] = json!(l);
        }
        let at: Timestamp = arrived.parse().expect("valid");
        Entry {
            id: RecordId::new(),
            crisis: crate::StreamId::new(),
            kind: EntryKind::Attendance,
            title: person.to_owned(),
            data: data.as_object().cloned().unwrap_or_default(),
            rev: 1,
            seq: 1,
            created_at: at,
            created_by: "user:x".into(),
            updated_at: at,
            updated_by: "user:x".into(),
            occurred_at: at,
            transcribed: None,
        }
    }

    #[test]
    fn stretches_add_up_names_meet_and_the_night_is_noticed() {
        let until: Timestamp = "2026-11-29T12:00:00Z".parse().expect("valid");
        let entries = [
            // 09:00–17:00 Dutch time, then again from 22:00 until 02:00: a night.
            present(
                "Ingrid de Boer",
                "2026-11-28T08:00:00Z",
                Some("2026-11-28T16:00:00Z"),
            ),
            present(
                "ingrid  de boer",
                "2026-11-28T21:00:00Z",
                Some("2026-11-29T01:00:00Z"),
            ),
            // 10:00–14:00 Dutch time, no night.
            present(
                "Jan Smit",
                "2026-11-28T09:00:00Z",
                Some("2026-11-28T13:00:00Z"),
            ),
        ];
        let log = vec![
            (
                "Ingrid de Boer".to_owned(),
                "2026-11-28T09:00:00Z".parse().expect("valid"),
            ),
            (
                "Pieter Bakker (wethouder)".to_owned(),
                "2026-11-28T10:00:00Z".parse().expect("valid"),
            ),
        ];
        let people = involved(&entries, log, until);
        let names: Vec<&str> = people.iter().map(|p| p.person.as_str()).collect();
        assert_eq!(
            names,
            ["Ingrid de Boer", "Jan Smit", "Pieter Bakker (wethouder)"]
        );
        assert!(same_person("pieter bakker", &people[2].person));
        assert_eq!(people[0].present, SignedDuration::from_hours(12));
        assert!(people[0].night);
        assert_eq!(people[0].log_lines, 1);
        assert_eq!(people[0].last.to_string(), "2026-11-29T01:00:00Z");
        assert!(!people[1].night);
        assert_eq!(people[1].present, SignedDuration::from_hours(4));
        assert_eq!(people[2].present, SignedDuration::ZERO);
        assert_eq!(people[2].log_lines, 1);
    }

    #[test]
    fn someone_still_present_counts_until_now() {
        let until: Timestamp = "2026-11-28T12:00:00Z".parse().expect("valid");
        let entries = [present("Ingrid", "2026-11-28T09:00:00Z", None)];
        let people = involved(&entries, vec![], until);
        assert_eq!(people[0].present, SignedDuration::from_hours(3));
    }
}
