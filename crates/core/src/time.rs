//! Times are stored in UTC and shown in Europe/Amsterdam.

use jiff::{Timestamp, tz::TimeZone};
use std::sync::LazyLock;

static AMSTERDAM: LazyLock<TimeZone> =
    LazyLock::new(|| TimeZone::get("Europe/Amsterdam").unwrap_or(TimeZone::UTC));

/// The time zone times are shown in: Europe/Amsterdam (UTC if the zone data were missing).
pub fn amsterdam() -> &'static TimeZone {
    &AMSTERDAM
}

/// The canonical text form used in storage and in event hashes: UTC, microseconds, `Z`.
pub fn canonical(ts: Timestamp) -> String {
    format!("{ts:.6}")
}

/// A moment as a form's date-and-time field holds it: `2026-11-28T13:03`, Amsterdam time.
pub fn local_input(ts: Timestamp) -> String {
    ts.to_zoned(amsterdam().clone())
        .strftime("%Y-%m-%dT%H:%M")
        .to_string()
}

/// `28-11-2026 13:03`, the way Dutch crisis teams write times.
pub fn local_display(ts: Timestamp) -> String {
    ts.to_zoned(amsterdam().clone())
        .strftime("%d-%m-%Y %H:%M")
        .to_string()
}

/// A moment as a form or the API gives it: exact with an offset (`2026-11-28T09:00:00Z`), or
/// a local date and time in Europe/Amsterdam (`2026-11-28T10:00`, as a form's field sends it).
pub fn parse_moment(text: &str) -> Option<Timestamp> {
    if let Ok(ts) = text.parse::<Timestamp>() {
        return Some(ts);
    }
    let dt: jiff::civil::DateTime = text.parse().ok()?;
    dt.to_zoned(amsterdam().clone()).ok().map(|z| z.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_form_round_trips() {
        let ts: Timestamp = "2026-11-28T12:03:37.123456Z".parse().expect("valid");
        assert_eq!(canonical(ts), "2026-11-28T12:03:37.123456Z");
        let whole: Timestamp = "2026-11-28T12:03:37Z".parse().expect("valid");
        assert_eq!(canonical(whole), "2026-11-28T12:03:37.000000Z");
        assert_eq!(
            canonical(canonical(ts).parse().expect("valid")),
            canonical(ts)
        );
    }

    #[test]
    fn local_display_follows_dutch_summer_and_winter_time() {
        let winter: Timestamp = "2026-11-28T12:03:00Z".parse().expect("valid");
        assert_eq!(local_display(winter), "28-11-2026 13:03");
        let summer: Timestamp = "2026-07-01T12:03:00Z".parse().expect("valid");
        assert_eq!(local_display(summer), "01-07-2026 14:03");
    }
}
