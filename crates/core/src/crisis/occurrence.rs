//! When things happened, as opposed to when they were typed.
//!
//! A crisis record is read afterwards by the council, an inspector, a judge or an insurer,
//! and they ask when something happened. Every crisis command and every entry therefore
//! carries its moment of occurrence beside the moment it was recorded (the envelope's
//! `recorded_at`, which, like the hash chain, never changes). The moment defaults to now; a
//! team that worked on paper types its notes back in with the times written on them, and
//! such entries say so (`Transcription`).

use crate::register::schema::FieldIssue;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

/// How far in the future a moment may lie: clocks of laptops and phones differ a little.
pub const FUTURE_TOLERANCE: SignedDuration = SignedDuration::from_mins(5);

/// An entry recorded this much later than it happened is marked as recorded later.
pub const RECORDED_LATE_AFTER: SignedDuration = SignedDuration::from_mins(30);

/// The moment a command says it happened, and whether it may lie before the crisis began.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// When it happened.
    pub at: Timestamp,
    /// Background: something that happened before the crisis's first moment (a phishing
    /// mail three weeks earlier). Without it, such a moment is refused as a typing error.
    pub background: bool,
}

impl Occurrence {
    /// Happening now.
    pub fn now(now: Timestamp) -> Occurrence {
        Occurrence {
            at: now,
            background: false,
        }
    }
}

/// Checks one moment of occurrence: not in the future (beyond a small tolerance) and not
/// before the crisis's first moment unless marked as background. `field` names the input.
pub fn check(
    field: &str,
    at: Timestamp,
    now: Timestamp,
    first: Timestamp,
    background: bool,
) -> Result<(), FieldIssue> {
    if at > now.saturating_add(FUTURE_TOLERANCE).unwrap_or(now) {
        return Err(FieldIssue::new(field, "in_future"));
    }
    // People write times to the minute: a log line "09:30" belongs to a crisis opened at
    // 09:30:27.
    let first_minute = first
        .round(
            jiff::TimestampRound::new()
                .smallest(jiff::Unit::Minute)
                .mode(jiff::RoundMode::Floor),
        )
        .unwrap_or(first);
    if at < first_minute && !background {
        return Err(FieldIssue::new(field, "before_crisis_start"));
    }
    Ok(())
}

/// Whether something was recorded so much later than it happened that readers should be
/// told.
pub fn recorded_late(occurred: Timestamp, recorded: Timestamp) -> bool {
    recorded.duration_since(occurred) > RECORDED_LATE_AFTER
}

/// An entry typed back in from a paper form of the printed crisis folder: which form, which
/// page of it, and who wrote it on paper. Who typed it in and when is the envelope's actor
/// and recorded time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transcription {
    /// The form's id as printed at its top (`LB-2612071430`), or as written on
    /// improvised paper.
    pub form: String,
    /// The page number printed (or written) on the sheet.
    pub page: u32,
    /// Who wrote the entry on paper.
    pub written_by: String,
}

impl Transcription {
    /// The highest page number a transcription may name.
    pub const MAX_PAGE: u32 = 9999;

    /// Checks what was typed about the paper and reports every problem.
    pub fn new(form: &str, page: &str, written_by: &str) -> Result<Transcription, Vec<FieldIssue>> {
        let mut issues = vec![];
        let form = form.trim();
        if form.is_empty() {
            issues.push(FieldIssue::new("form", "required"));
        } else if form.chars().count() > 40 {
            issues.push(FieldIssue::new("form", "too_long"));
        } else if form.chars().any(char::is_control) {
            issues.push(FieldIssue::new("form", "control_characters"));
        }
        let page = match page.trim().parse::<u32>() {
            Ok(p) if (1..=Self::MAX_PAGE).contains(&p) => p,
            _ if page.trim().is_empty() => {
                issues.push(FieldIssue::new("page", "required"));
                0
            }
            _ => {
                issues.push(FieldIssue::new("page", "out_of_range"));
                0
            }
        };
        let written_by = written_by.trim();
        if written_by.is_empty() {
            issues.push(FieldIssue::new("written_by", "required"));
        } else if written_by.chars().count() > 200 {
            issues.push(FieldIssue::new("written_by", "too_long"));
        } else if written_by.chars().any(char::is_control) {
            issues.push(FieldIssue::new("written_by", "control_characters"));
        }
        if issues.is_empty() {
            Ok(Transcription {
                form: form.to_owned(),
                page,
                written_by: written_by.to_owned(),
            })
        } else {
            Err(issues)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().expect("valid")
    }

    #[test]
    fn a_moment_may_not_lie_in_the_future_beyond_the_tolerance() {
        let now = ts("2026-11-28T10:00:00Z");
        let first = ts("2026-11-28T08:00:00Z");
        assert!(check("at", ts("2026-11-28T10:04:00Z"), now, first, false).is_ok());
        assert_eq!(
            check("at", ts("2026-11-28T10:06:00Z"), now, first, false),
            Err(FieldIssue::new("at", "in_future"))
        );
    }

    #[test]
    fn before_the_crisis_only_as_background() {
        let now = ts("2026-11-28T10:00:00Z");
        let first = ts("2026-11-28T08:00:00Z");
        let earlier = ts("2026-11-01T08:00:00Z");
        assert_eq!(
            check("occurred_at", earlier, now, first, false),
            Err(FieldIssue::new("occurred_at", "before_crisis_start"))
        );
        assert!(check("occurred_at", earlier, now, first, true).is_ok());
        // Written to the minute, in the minute the crisis began.
        let opened = ts("2026-11-28T08:00:27Z");
        assert!(
            check(
                "occurred_at",
                ts("2026-11-28T08:00:00Z"),
                now,
                opened,
                false
            )
            .is_ok()
        );
    }

    #[test]
    fn late_means_more_than_half_an_hour() {
        let at = ts("2026-11-28T08:00:00Z");
        assert!(!recorded_late(at, ts("2026-11-28T08:30:00Z")));
        assert!(recorded_late(at, ts("2026-11-28T08:31:00Z")));
        assert!(!recorded_late(at, ts("2026-11-28T07:59:00Z")));
    }

    #[test]
    fn a_transcription_names_its_form_page_and_writer() {
        let t = Transcription::new(" LB-2612071430 ", "3", "Marleen Hoekstra").expect("valid");
        assert_eq!(t.form, "LB-2612071430");
        assert_eq!(t.page, 3);
        let issues = Transcription::new("", "0", " ").expect_err("refused");
        let fields: Vec<_> = issues.iter().map(|i| (i.field.as_str(), i.code)).collect();
        assert_eq!(
            fields,
            [
                ("form", "required"),
                ("page", "out_of_range"),
                ("written_by", "required")
            ]
        );
        assert!(Transcription::new("LB", "x", "A").is_err());
    }
}
