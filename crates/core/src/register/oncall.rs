//! Who can be reached now, and where a roster has holes.

use super::RecordId;
use super::views::RosterView;
use jiff::Timestamp;

/// How far ahead a roster must be covered: the coming seven days (168 hours).
pub fn coming_week(now: Timestamp) -> Timestamp {
    now.saturating_add(jiff::SignedDuration::from_hours(7 * 24))
        .unwrap_or(now)
}

/// The person on duty at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnDuty {
    /// The contact on duty.
    pub person: RecordId,
    /// When this person's shift (or stand-in period) ends.
    pub until: Timestamp,
    /// A stand-in (exception) replaces the scheduled person.
    pub stand_in: bool,
}

impl RosterView {
    /// Who is on duty at `at`: a stand-in period wins over the scheduled shift.
    pub fn on_duty(&self, at: Timestamp) -> Option<OnDuty> {
        let covering = |p: &&super::views::Period| p.start <= at && at < p.end;
        if let Some(e) = self.exceptions.iter().find(covering) {
            return Some(OnDuty {
                person: e.person,
                until: e.end,
                stand_in: true,
            });
        }
        self.shifts.iter().find(covering).map(|s| OnDuty {
            person: s.person,
            until: s.end,
            stand_in: false,
        })
    }

    /// The first stretch of time in `[from, to)` when nobody is on duty.
    pub fn first_gap(&self, from: Timestamp, to: Timestamp) -> Option<(Timestamp, Timestamp)> {
        let mut spans: Vec<(Timestamp, Timestamp)> = self
            .shifts
            .iter()
            .chain(&self.exceptions)
            .filter(|p| p.end > from && p.start < to && p.end > p.start)
            .map(|p| (p.start, p.end))
            .collect();
        spans.sort();
        let mut covered_until = from;
        for (start, end) in spans {
            if start > covered_until {
                return Some((covered_until, start.min(to)));
            }
            covered_until = covered_until.max(end);
            if covered_until >= to {
                return None;
            }
        }
        (covered_until < to).then_some((covered_until, to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::views::Period;

    fn ts(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    fn period(person: RecordId, start: &str, end: &str) -> Period {
        Period {
            person,
            start: ts(start),
            end: ts(end),
            reason: None,
        }
    }

    #[test]
    fn a_stand_in_replaces_the_scheduled_ciso_and_gaps_are_found() {
        let (anna, bram) = (RecordId::new(), RecordId::new());
        let roster = RosterView {
            name: "CISO-piket".into(),
            duty: "ciso".into(),
            shifts: vec![
                period(anna, "2026-11-23T07:00:00Z", "2026-11-30T07:00:00Z"),
                period(anna, "2026-11-30T07:00:00Z", "2026-12-04T07:00:00Z"),
            ],
            exceptions: vec![period(bram, "2026-11-28T18:00:00Z", "2026-11-29T06:00:00Z")],
        };
        let noon = ts("2026-11-28T12:00:00Z");
        assert_eq!(roster.on_duty(noon).map(|d| d.person), Some(anna));
        let evening = ts("2026-11-28T20:00:00Z");
        let duty = roster.on_duty(evening).expect("covered");
        assert_eq!((duty.person, duty.stand_in), (bram, true));
        assert_eq!(roster.first_gap(noon, ts("2026-12-03T12:00:00Z")), None);
        assert_eq!(
            roster.first_gap(noon, ts("2026-12-05T12:00:00Z")),
            Some((ts("2026-12-04T07:00:00Z"), ts("2026-12-05T12:00:00Z")))
        );
        assert_eq!(roster.on_duty(ts("2026-12-04T08:00:00Z")), None);
    }
}
