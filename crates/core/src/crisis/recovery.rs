//! The course of recovery of one process or affected organisation: its statuses over time
//! (down → workaround → restored → declared safe), when it went down, when it had to be back
//! by its hold-out time, when it was expected and when it was actually back.

use jiff::{SignedDuration, Timestamp};

/// One stretch of one status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stretch {
    /// The status's code (`down`, `workaround`, `restored`, `safe`, …).
    pub status: String,
    /// From when.
    pub from: Timestamp,
    /// Until when (the next status, or `until`).
    pub to: Timestamp,
}

/// The course of recovery of one process or organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    /// The statuses in order, each a stretch of time.
    pub stretches: Vec<Stretch>,
    /// When it first went down or was disrupted.
    pub down_at: Option<Timestamp>,
    /// When it had to be back: `down_at` plus the hold-out time.
    pub due: Option<Timestamp>,
    /// When it was expected back (the latest expectation recorded).
    pub expected: Option<Timestamp>,
    /// When it was back (restored or declared safe) for the last time.
    pub restored_at: Option<Timestamp>,
    /// When it was declared safe again.
    pub safe_at: Option<Timestamp>,
}

impl Course {
    /// Back later than its hold-out time allowed, or still not back after it.
    pub fn late(&self, now: Timestamp) -> bool {
        match (self.due, self.restored_at) {
            (Some(due), Some(back)) => back > due,
            (Some(due), None) => now > due,
            _ => false,
        }
    }

    /// Still not back.
    pub fn open(&self) -> bool {
        self.down_at.is_some() && self.restored_at.is_none()
    }
}

/// Whether a status code means the process is not (fully) working.
pub fn is_out(status: &str) -> bool {
    matches!(status, "down" | "disrupted" | "workaround" | "threatened")
}

/// Whether a status code means the process is back.
pub fn is_back(status: &str) -> bool {
    matches!(status, "restored" | "safe")
}

/// The course from the versions of a status, each `(status, since, expected)` in the order
/// recorded (`since` is when the status began), with the hold-out time, until `until`.
pub fn course(
    versions: &[(String, Timestamp, Option<Timestamp>)],
    hold_out: Option<SignedDuration>,
    until: Timestamp,
) -> Course {
    // One stretch per change of status; a version that repeats the status (a new note, a
    // new expectation) does not start a new stretch.
    let mut changes: Vec<(String, Timestamp)> = vec![];
    for (status, since, _) in versions {
        if changes.last().map(|(s, _)| s) != Some(status) {
            changes.push((status.clone(), *since));
        }
    }
    changes.sort_by_key(|(_, at)| *at);
    let stretches: Vec<Stretch> = changes
        .iter()
        .enumerate()
        .map(|(i, (status, from))| Stretch {
            status: status.clone(),
            from: *from,
            to: changes
                .get(i + 1)
                .map_or(until, |(_, next)| *next)
                .max(*from),
        })
        .collect();
    let down_at = stretches.iter().find(|s| is_out(&s.status)).map(|s| s.from);
    let back = stretches
        .iter()
        .rposition(|s| is_out(&s.status))
        .and_then(|last_out| {
            stretches[last_out + 1..]
                .iter()
                .find(|s| is_back(&s.status))
        });
    let safe_at = stretches
        .iter()
        .rev()
        .find(|s| s.status == "safe")
        .map(|s| s.from);
    Course {
        due: down_at
            .zip(hold_out)
            .and_then(|(d, h)| d.checked_add(h).ok()),
        expected: versions.iter().rev().find_map(|(_, _, e)| *e),
        restored_at: back.map(|s| s.from),
        safe_at,
        down_at,
        stretches,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().expect("valid")
    }

    #[test]
    fn a_process_down_on_a_workaround_then_restored_late_and_declared_safe() {
        let versions = vec![
            ("down".to_owned(), at("2026-11-28T06:00:00Z"), None),
            (
                "down".to_owned(),
                at("2026-11-28T06:00:00Z"),
                Some(at("2026-11-28T18:00:00Z")),
            ),
            (
                "workaround".to_owned(),
                at("2026-11-28T10:00:00Z"),
                Some(at("2026-11-29T08:00:00Z")),
            ),
            ("restored".to_owned(), at("2026-11-29T09:00:00Z"), None),
            ("safe".to_owned(), at("2026-11-30T12:00:00Z"), None),
        ];
        let c = course(
            &versions,
            Some(SignedDuration::from_hours(24)),
            at("2026-12-01T00:00:00Z"),
        );
        let statuses: Vec<&str> = c.stretches.iter().map(|s| s.status.as_str()).collect();
        assert_eq!(statuses, ["down", "workaround", "restored", "safe"]);
        assert_eq!(c.down_at, Some(at("2026-11-28T06:00:00Z")));
        assert_eq!(c.due, Some(at("2026-11-29T06:00:00Z")));
        assert_eq!(c.expected, Some(at("2026-11-29T08:00:00Z")));
        assert_eq!(c.restored_at, Some(at("2026-11-29T09:00:00Z")));
        assert_eq!(c.safe_at, Some(at("2026-11-30T12:00:00Z")));
        assert!(c.late(at("2026-12-01T00:00:00Z")));
        assert!(!c.open());
        assert_eq!(c.stretches[3].to, at("2026-12-01T00:00:00Z"));
    }

    #[test]
    fn a_process_still_down_is_open_and_late_once_its_hold_out_time_passed() {
        let versions = vec![("down".to_owned(), at("2026-11-28T06:00:00Z"), None)];
        let c = course(
            &versions,
            Some(SignedDuration::from_hours(4)),
            at("2026-11-28T09:00:00Z"),
        );
        assert!(c.open());
        assert!(!c.late(at("2026-11-28T09:00:00Z")));
        assert!(c.late(at("2026-11-28T10:30:00Z")));
        assert_eq!(c.restored_at, None);
    }

    #[test]
    fn going_down_again_after_a_restore_reopens_it() {
        let versions = vec![
            ("down".to_owned(), at("2026-11-28T06:00:00Z"), None),
            ("restored".to_owned(), at("2026-11-28T08:00:00Z"), None),
            ("disrupted".to_owned(), at("2026-11-28T09:00:00Z"), None),
        ];
        let c = course(&versions, None, at("2026-11-28T12:00:00Z"));
        assert!(c.open());
        assert_eq!(c.due, None);
        assert!(!c.late(at("2026-11-28T12:00:00Z")));
    }
}
