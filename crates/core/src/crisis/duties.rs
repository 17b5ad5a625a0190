//! Duties with deadlines that start running during a crisis: notifying the data protection
//! authority of a personal-data breach, the phased notification of the Cyberbeveiligingswet,
//! the insurer, a police report, and the duties an emergency power brings with it. The
//! catalogue is versioned data (`data/duties.json`); a duty of a type it does not know is
//! recorded as "other" with its own name and deadline.

use jiff::{SignedDuration, Timestamp, ToSpan};
use serde::Deserialize;
use std::sync::LazyLock;

/// How long a duty runs from its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    /// A fixed number of hours (72 hours are 72 real hours, across a change of clocks).
    Hours(i64),
    /// Calendar months in Europe/Amsterdam (the same time of day, a month later).
    Months(i32),
    /// Due at once: "zo spoedig mogelijk", "zonder onredelijke vertraging".
    Asap,
    /// No term of its own: the team sets the deadline (a policy's term, the next council
    /// meeting).
    None,
}

/// One type of duty.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DutyType {
    /// Its stable code (`avg_authority`); its name is in the product's words.
    pub code: String,
    /// Where the duty comes from ("AVG art. 33").
    pub basis: String,
    /// How long it runs.
    pub term: Term,
    /// The legal power of a decision that starts it (`gemw_176`), if any.
    #[serde(default)]
    pub from_power: Option<String>,
}

/// The catalogue of duty types, with its version.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Catalogue {
    /// The catalogue's version ("2026-12").
    pub version: String,
    /// The types, in the order the form offers them.
    pub duties: Vec<DutyType>,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../data/duties.json"))
        .unwrap_or_else(|e| panic!("data/duties.json does not parse: {e}"))
});

/// The catalogue shipped with this version of the product.
pub fn catalogue() -> &'static Catalogue {
    &CATALOGUE
}

/// The type with this code.
pub fn find(code: &str) -> Option<&'static DutyType> {
    catalogue().duties.iter().find(|d| d.code == code)
}

/// The deadline of a duty of type `code` that started at `start`: `None` when the type has
/// no fixed term (due at once, or set by the team).
pub fn deadline(code: &str, start: Timestamp) -> Option<Timestamp> {
    match find(code)?.term {
        Term::Hours(h) => start.checked_add(SignedDuration::from_hours(h)).ok(),
        Term::Months(m) => start
            .to_zoned(crate::time::amsterdam().clone())
            .checked_add(m.months())
            .ok()
            .map(|z| z.timestamp()),
        Term::Asap | Term::None => None,
    }
}

/// The deadline of a duty of one of the workspace's own types (a register record with a term
/// in hours or in months) that started at `start`.
pub fn own_deadline(
    term_hours: Option<i64>,
    term_months: Option<i64>,
    start: Timestamp,
) -> Option<Timestamp> {
    match (term_hours, term_months) {
        (Some(h), _) => start.checked_add(SignedDuration::from_hours(h)).ok(),
        (None, Some(m)) => start
            .to_zoned(crate::time::amsterdam().clone())
            .checked_add(i32::try_from(m).ok()?.months())
            .ok()
            .map(|z| z.timestamp()),
        (None, None) => None,
    }
}

/// Whether a duty of type `code` is due at once (no fixed term, but no waiting either).
pub fn due_at_once(code: &str) -> bool {
    find(code).is_some_and(|d| d.term == Term::Asap)
}

/// The duty types a decision resting on `power` starts.
pub fn started_by(power: &str) -> impl Iterator<Item = &'static DutyType> + '_ {
    catalogue()
        .duties
        .iter()
        .filter(move |d| d.from_power.as_deref() == Some(power))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(ts: Timestamp) -> String {
        crate::time::local_display(ts)
    }

    #[test]
    fn the_catalogue_parses_and_offers_every_type_the_form_knows() {
        let codes: Vec<&str> = catalogue().duties.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, crate::crisis::entries::OBLIGATIONS);
        assert!(!catalogue().version.is_empty());
    }

    #[test]
    fn seventy_two_hours_are_real_hours_across_the_end_of_summer_time() {
        // Aware on Friday 23 October 2026 at 12:00 Dutch summer time; the clocks go back on
        // Sunday 25 October: the deadline is Monday at 11:00 winter time.
        let aware: Timestamp = "2026-10-23T10:00:00Z".parse().expect("valid");
        assert_eq!(local(aware), "23-10-2026 12:00");
        let due = deadline("avg_authority", aware).expect("72 hours");
        assert_eq!(local(due), "26-10-2026 11:00");
        assert_eq!(due.duration_since(aware), SignedDuration::from_hours(72));
        let early = deadline("cbw_early_warning", aware).expect("24 hours");
        assert_eq!(local(early), "24-10-2026 12:00");
    }

    #[test]
    fn a_month_is_a_calendar_month_at_the_same_dutch_time_of_day() {
        // 2 March 2026 09:30 winter time; a month later summer time has begun.
        let start: Timestamp = "2026-03-02T08:30:00Z".parse().expect("valid");
        let due = deadline("cbw_final_report", start).expect("a month");
        assert_eq!(local(due), "02-04-2026 09:30");
        // From the last day of January: the last day of February.
        let start: Timestamp = "2026-01-31T11:00:00Z".parse().expect("valid");
        assert_eq!(
            local(deadline("cbw_final_report", start).expect("a month")),
            "28-02-2026 12:00"
        );
    }

    #[test]
    fn a_workspace_type_runs_its_own_term_in_hours_or_months() {
        let start: Timestamp = "2026-10-23T10:00:00Z".parse().expect("valid");
        let due = own_deadline(Some(48), None, start).expect("hours");
        assert_eq!(due.duration_since(start), SignedDuration::from_hours(48));
        let due = own_deadline(None, Some(1), start).expect("months");
        // 23 October 12:00 summer time, a month later 12:00 winter time.
        assert_eq!(local(due), "23-11-2026 12:00");
        assert_eq!(own_deadline(None, None, start), None);
    }

    #[test]
    fn an_emergency_ordinance_starts_its_three_duties_and_an_order_one() {
        let ordinance: Vec<&str> = started_by("gemw_176").map(|d| d.code.as_str()).collect();
        assert_eq!(
            ordinance,
            ["ordinance_inform", "ordinance_ratify", "ordinance_withdraw"]
        );
        let order: Vec<&str> = started_by("gemw_175").map(|d| d.code.as_str()).collect();
        assert_eq!(order, ["order_report"]);
        assert_eq!(started_by("gemw_172").count(), 0);
        assert!(due_at_once("ordinance_inform"));
        assert_eq!(deadline("ordinance_ratify", Timestamp::UNIX_EPOCH), None);
    }
}
