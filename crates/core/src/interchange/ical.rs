//! iCalendar (RFC 5545) for on-call shifts and recurring meetings, so people see them in their
//! own agenda when our systems are down. Written by hand: the format is small, and escaping
//! and folding are the parts that matter (see `content_line`).
//!
//! One-off events are written in UTC (`20260115T080000Z`). Recurring events are anchored in
//! Europe/Amsterdam with a VTIMEZONE, because a rule repeated in UTC drifts an hour across
//! daylight saving: a quarterly 10:00 meeting set in January would show at 11:00 in April.

use super::content_line::ContentLines;
use crate::time::amsterdam;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// The PRODID of every calendar crisismap writes.
pub const PRODID: &str = "-//crisismap//NL";
const TZID: &str = "Europe/Amsterdam";

/// One event in a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Must stay the same for the same shift or meeting across downloads, so agendas update
    /// it instead of adding a copy: e.g. `shift-<record id>-<n>@crisismap`. When blank, one is
    /// derived from start, end and summary.
    pub uid: String,
    /// When the event starts.
    pub start: Timestamp,
    /// When the event ends.
    pub end: Timestamp,
    /// The event's title as the agenda shows it.
    pub summary: String,
    /// Longer text shown with the event.
    pub description: Option<String>,
    /// Where it takes place.
    pub location: Option<String>,
    /// How the event repeats; `None` for a one-off event.
    pub rrule: Option<Recurrence>,
}

/// Writes a calendar. `stamp` is the moment of writing (DTSTAMP); pass the clock's now.
pub fn calendar(name: &str, stamp: Timestamp, events: &[CalendarEvent]) -> String {
    let mut out = ContentLines::default();
    out.raw("BEGIN", "VCALENDAR");
    out.raw("VERSION", "2.0");
    out.raw("PRODID", PRODID);
    out.raw("CALSCALE", "GREGORIAN");
    out.raw("METHOD", "PUBLISH");
    out.text("NAME", name);
    out.text("X-WR-CALNAME", name);
    if events.iter().any(|e| e.rrule.is_some()) {
        amsterdam_timezone(&mut out);
    }
    let stamp = utc(stamp);
    for event in events {
        out.raw("BEGIN", "VEVENT");
        let uid = event.uid.trim();
        if uid.is_empty() {
            out.text("UID", &derived_uid(event));
        } else {
            out.text("UID", uid);
        }
        out.raw("DTSTAMP", &stamp);
        if let Some(rule) = &event.rrule {
            let tz = format!("DTSTART;TZID={TZID}");
            out.raw(&tz, &local(event.start));
            let tz = format!("DTEND;TZID={TZID}");
            out.raw(&tz, &local(event.end));
            out.raw("RRULE", rule.as_str());
        } else {
            out.raw("DTSTART", &utc(event.start));
            out.raw("DTEND", &utc(event.end));
        }
        out.text("SUMMARY", &event.summary);
        if let Some(description) = present(event.description.as_ref()) {
            out.text("DESCRIPTION", description);
        }
        if let Some(location) = present(event.location.as_ref()) {
            out.text("LOCATION", location);
        }
        out.raw("END", "VEVENT");
    }
    out.raw("END", "VCALENDAR");
    out.finish()
}

fn present(value: Option<&String>) -> Option<&str> {
    value.map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// `20260115T080000Z`
fn utc(ts: Timestamp) -> String {
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// `20260115T090000`, wall-clock time in Amsterdam.
fn local(ts: Timestamp) -> String {
    ts.to_zoned(amsterdam().clone())
        .strftime("%Y%m%dT%H%M%S")
        .to_string()
}

fn derived_uid(event: &CalendarEvent) -> String {
    let mut hash = Sha256::new();
    for part in [
        utc(event.start).as_str(),
        utc(event.end).as_str(),
        event.summary.as_str(),
    ] {
        hash.update(part.len().to_le_bytes());
        hash.update(part.as_bytes());
    }
    let digest = hash.finalize();
    format!("{}@crisismap", hex::encode(&digest[..16]))
}

/// The rules of Dutch (EU) summer time since 1996.
fn amsterdam_timezone(out: &mut ContentLines) {
    out.raw("BEGIN", "VTIMEZONE");
    out.raw("TZID", TZID);
    out.raw("BEGIN", "DAYLIGHT");
    out.raw("TZOFFSETFROM", "+0100");
    out.raw("TZOFFSETTO", "+0200");
    out.raw("TZNAME", "CEST");
    out.raw("DTSTART", "19700329T020000");
    out.raw("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    out.raw("END", "DAYLIGHT");
    out.raw("BEGIN", "STANDARD");
    out.raw("TZOFFSETFROM", "+0200");
    out.raw("TZOFFSETTO", "+0100");
    out.raw("TZNAME", "CET");
    out.raw("DTSTART", "19701025T030000");
    out.raw("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    out.raw("END", "STANDARD");
    out.raw("END", "VTIMEZONE");
}

/// Why a recurrence rule was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RecurrenceError {
    /// The input is empty.
    #[error("required")]
    Required,
    /// The input has more than [`Recurrence::MAX_CHARS`] characters.
    #[error("too long")]
    TooLong,
    /// The input is not a recurrence rule crisismap accepts.
    #[error("not a valid recurrence rule")]
    Invalid,
}

impl RecurrenceError {
    /// A stable code for APIs and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            RecurrenceError::Required => "required",
            RecurrenceError::TooLong => "too_long",
            RecurrenceError::Invalid => "invalid_recurrence",
        }
    }
}

/// A recurrence rule (RFC 5545 RRULE value), e.g. `FREQ=MONTHLY;INTERVAL=3` for a quarterly
/// meeting. Checked part by part, so it can be written into a calendar as is: it cannot carry
/// a line break or another property. FREQ comes first; UNTIL must be a UTC date-time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Recurrence(String);

impl Recurrence {
    /// The most characters a rule may have.
    pub const MAX_CHARS: usize = 300;

    /// Checks a rule part by part (an `RRULE:` prefix is allowed) and puts FREQ first.
    pub fn parse(input: &str) -> Result<Self, RecurrenceError> {
        let mut s = input.trim();
        if s.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("RRULE:")) {
            s = s.get(6..).unwrap_or_default();
        }
        if s.is_empty() {
            return Err(RecurrenceError::Required);
        }
        if s.len() > Self::MAX_CHARS {
            return Err(RecurrenceError::TooLong);
        }
        if !s
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"=;,+-".contains(&b))
        {
            return Err(RecurrenceError::Invalid);
        }
        let upper = s.to_ascii_uppercase();
        let mut freq = None;
        let mut rest: Vec<&str> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for part in upper.split(';') {
            let (key, value) = part.split_once('=').ok_or(RecurrenceError::Invalid)?;
            if seen.contains(&key) || !valid_part(key, value) {
                return Err(RecurrenceError::Invalid);
            }
            seen.push(key);
            if key == "FREQ" {
                freq = Some(part);
            } else {
                rest.push(part);
            }
        }
        let freq = freq.ok_or(RecurrenceError::Invalid)?;
        if seen.contains(&"UNTIL") && seen.contains(&"COUNT") {
            return Err(RecurrenceError::Invalid);
        }
        let mut rule = freq.to_owned();
        for part in rest {
            rule.push(';');
            rule.push_str(part);
        }
        Ok(Recurrence(rule))
    }

    /// The rule as written into a calendar.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

const WEEKDAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

fn valid_part(key: &str, value: &str) -> bool {
    let number = |v: &str, min: i32, max: i32| {
        let digits = v.strip_prefix(['+', '-']).unwrap_or(v);
        !digits.is_empty()
            && digits.len() <= 4
            && digits.bytes().all(|b| b.is_ascii_digit())
            && v.parse::<i32>()
                .is_ok_and(|n| n != 0 && (min..=max).contains(&n))
    };
    let list = |v: &str, item: &dyn Fn(&str) -> bool| !v.is_empty() && v.split(',').all(item);
    match key {
        "FREQ" => [
            "SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY",
        ]
        .contains(&value),
        "UNTIL" => {
            value.len() == 16
                && value.ends_with('Z')
                && value
                    .get(..15)
                    .is_some_and(|v| jiff::civil::DateTime::strptime("%Y%m%dT%H%M%S", v).is_ok())
        }
        "COUNT" | "INTERVAL" => number(value, 1, 9999),
        "BYSECOND" | "BYMINUTE" => list(value, &|v| v == "0" || number(v, 0, 59)),
        "BYHOUR" => list(value, &|v| v == "0" || number(v, 0, 23)),
        "BYMONTHDAY" => list(value, &|v| number(v, -31, 31)),
        "BYYEARDAY" => list(value, &|v| number(v, -366, 366)),
        "BYWEEKNO" => list(value, &|v| number(v, -53, 53)),
        "BYMONTH" => list(value, &|v| number(v, 1, 12)),
        "BYSETPOS" => list(value, &|v| number(v, -366, 366)),
        "WKST" => WEEKDAYS.contains(&value),
        "BYDAY" => list(value, &|v| {
            let split = v.len().saturating_sub(2);
            let (ordinal, day) = (v.get(..split), v.get(split..));
            day.is_some_and(|d| WEEKDAYS.contains(&d))
                && ordinal.is_some_and(|o| o.is_empty() || number(o, -53, 53))
        }),
        _ => false,
    }
}

impl TryFrom<String> for Recurrence {
    type Error = RecurrenceError;
    fn try_from(s: String) -> Result<Self, RecurrenceError> {
        Recurrence::parse(&s)
    }
}

impl From<Recurrence> for String {
    fn from(r: Recurrence) -> String {
        r.0
    }
}

impl fmt::Display for Recurrence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::super::content_line::read_back;
    use super::*;
    use icalendar::parser::{Component, read_calendar, unfold};
    use proptest::prelude::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().expect("valid timestamp")
    }

    fn shift(n: usize, start: &str, end: &str) -> CalendarEvent {
        CalendarEvent {
            uid: format!("shift-roster1-{n}@crisismap"),
            start: ts(start),
            end: ts(end),
            summary: format!("Piket OvD dienst {n}"),
            description: Some("Bereikbaar via 06 12345678".into()),
            location: None,
            rrule: None,
        }
    }

    fn prop<'c>(event: &'c Component<'_>, name: &str) -> Option<&'c str> {
        event.find_prop(name).map(|p| p.val.as_str())
    }

    fn events<'c>(components: &'c [Component<'_>]) -> Vec<&'c Component<'c>> {
        components.iter().filter(|c| c.name == "VEVENT").collect()
    }

    #[test]
    fn every_shift_is_found_with_its_times() {
        let shifts = vec![
            shift(1, "2026-01-05T07:00:00Z", "2026-01-12T07:00:00Z"),
            shift(2, "2026-01-12T07:00:00Z", "2026-01-19T07:00:00Z"),
            shift(3, "2026-03-29T00:30:00.5Z", "2026-03-29T02:30:00Z"),
        ];
        let text = calendar("Piketrooster OvD", ts("2026-01-01T12:00:00Z"), &shifts);
        read_back::assert_well_formed(&text);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//crisismap//NL\r\n"));
        assert!(!text.contains("VTIMEZONE"));

        let unfolded = unfold(&text);
        let parsed = read_calendar(&unfolded).expect("parses");
        assert_eq!(
            parsed
                .properties
                .iter()
                .find(|p| p.name == "X-WR-CALNAME")
                .map(|p| p.val.as_str()),
            Some("Piketrooster OvD")
        );
        let found = events(&parsed.components);
        assert_eq!(found.len(), 3);
        let times: Vec<[Option<&str>; 4]> = found
            .iter()
            .map(|e| ["UID", "DTSTART", "DTEND", "DTSTAMP"].map(|name| prop(e, name)))
            .collect();
        let stamp = Some("20260101T120000Z");
        assert_eq!(
            times,
            vec![
                [
                    Some("shift-roster1-1@crisismap"),
                    Some("20260105T070000Z"),
                    Some("20260112T070000Z"),
                    stamp
                ],
                [
                    Some("shift-roster1-2@crisismap"),
                    Some("20260112T070000Z"),
                    Some("20260119T070000Z"),
                    stamp
                ],
                [
                    Some("shift-roster1-3@crisismap"),
                    Some("20260329T003000Z"),
                    Some("20260329T023000Z"),
                    stamp
                ],
            ]
        );
        assert_eq!(prop(found[0], "SUMMARY"), Some("Piket OvD dienst 1"));
    }

    #[test]
    fn a_quarterly_meeting_keeps_its_local_time_across_summer_time() {
        let meeting = CalendarEvent {
            uid: "meeting-7@crisismap".into(),
            start: ts("2026-01-15T09:00:00Z"),
            end: ts("2026-01-15T10:30:00Z"),
            summary: "Kwartaaloverleg crisisteam".into(),
            description: None,
            location: Some("Stadhuis, kamer 2.14".into()),
            rrule: Some(Recurrence::parse("FREQ=MONTHLY;INTERVAL=3").expect("valid")),
        };
        let text = calendar("Overleggen", ts("2026-01-01T00:00:00Z"), &[meeting]);
        read_back::assert_well_formed(&text);
        let unfolded = unfold(&text);
        let parsed = read_calendar(&unfolded).expect("parses");
        let tz: Vec<&Component> = parsed
            .components
            .iter()
            .filter(|c| c.name == "VTIMEZONE")
            .collect();
        assert_eq!(tz.len(), 1);
        assert_eq!(prop(tz[0], "TZID"), Some("Europe/Amsterdam"));
        let found = events(&parsed.components);
        assert_eq!(found.len(), 1);
        let start = found[0].find_prop("DTSTART").expect("DTSTART");
        assert_eq!(start.val.as_str(), "20260115T100000");
        assert_eq!(
            start
                .params
                .iter()
                .map(|p| (p.key.as_str(), p.val.as_ref().map(|v| v.as_str())))
                .collect::<Vec<_>>(),
            vec![("TZID", Some("Europe/Amsterdam"))]
        );
        assert_eq!(prop(found[0], "DTEND"), Some("20260115T113000"));
        assert_eq!(prop(found[0], "RRULE"), Some("FREQ=MONTHLY;INTERVAL=3"));
        assert_eq!(prop(found[0], "LOCATION"), Some("Stadhuis, kamer 2.14"));
        assert_eq!(prop(found[0], "DESCRIPTION"), None);
    }

    #[test]
    fn hostile_text_creates_no_properties_or_events() {
        let evil = "Dienst\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:nep\r\nSUMMARY:nep";
        let event = CalendarEvent {
            uid: "a;b,c\\d\nATTENDEE:mailto:x@example.org".into(),
            start: ts("2026-02-01T08:00:00Z"),
            end: ts("2026-02-01T16:00:00Z"),
            summary: evil.into(),
            description: Some(format!("regel 1\nregel 2;\\,\u{7}\r{}", "😀".repeat(60))),
            location: Some("\nLOCATION:elders\rEND:VCALENDAR".into()),
            rrule: None,
        };
        let text = calendar(
            "Naam\r\nX-INJECT:1",
            ts("2026-01-01T00:00:00Z"),
            &[
                event.clone(),
                shift(2, "2026-02-02T08:00:00Z", "2026-02-02T16:00:00Z"),
            ],
        );
        read_back::assert_well_formed(&text);
        let unfolded = unfold(&text);
        let parsed = read_calendar(&unfolded).expect("parses");
        let names: Vec<&str> = parsed.properties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "VERSION",
                "PRODID",
                "CALSCALE",
                "METHOD",
                "NAME",
                "X-WR-CALNAME"
            ]
        );
        let found = events(&parsed.components);
        assert_eq!(found.len(), 2);
        let names: Vec<&str> = found[0]
            .properties
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(
            names,
            vec![
                "UID",
                "DTSTAMP",
                "DTSTART",
                "DTEND",
                "SUMMARY",
                "DESCRIPTION",
                "LOCATION"
            ]
        );
        assert_eq!(
            prop(found[0], "SUMMARY"),
            Some("Dienst\nEND:VEVENT\nBEGIN:VEVENT\nUID:nep\nSUMMARY:nep")
        );
        assert_eq!(
            prop(found[0], "DESCRIPTION"),
            Some(format!("regel 1\nregel 2;\\,\n{}", "😀".repeat(60)).as_str())
        );
        assert_eq!(
            prop(found[0], "LOCATION"),
            Some("LOCATION:elders\nEND:VCALENDAR")
        );
        assert_eq!(
            prop(found[0], "UID"),
            Some("a;b,c\\d\nATTENDEE:mailto:x@example.org")
        );
        assert_eq!(prop(found[1], "UID"), Some("shift-roster1-2@crisismap"));
    }

    #[test]
    fn a_blank_uid_is_derived_and_stable() {
        let mut event = shift(1, "2026-01-05T07:00:00Z", "2026-01-12T07:00:00Z");
        event.uid = "  ".into();
        let uid = |e: &CalendarEvent| {
            let text = calendar("x", ts("2026-01-01T00:00:00Z"), std::slice::from_ref(e));
            text.lines()
                .find_map(|l| l.strip_prefix("UID:").map(str::to_owned))
                .expect("UID")
        };
        let first = uid(&event);
        assert!(first.ends_with("@crisismap") && first.len() > 40, "{first}");
        assert_eq!(uid(&event), first);
        event.summary.push('!');
        assert_ne!(uid(&event), first);
    }

    #[test]
    fn recurrence_rules_are_checked() {
        let ok = |s: &str| Recurrence::parse(s).map(|r| r.0);
        assert_eq!(
            ok("FREQ=MONTHLY;INTERVAL=3").as_deref(),
            Ok("FREQ=MONTHLY;INTERVAL=3")
        );
        assert_eq!(
            ok(" rrule:interval=3;freq=monthly ").as_deref(),
            Ok("FREQ=MONTHLY;INTERVAL=3")
        );
        assert_eq!(
            ok("FREQ=WEEKLY;BYDAY=MO,-1FR,2TU;UNTIL=20261231T230000Z;WKST=MO").as_deref(),
            Ok("FREQ=WEEKLY;BYDAY=MO,-1FR,2TU;UNTIL=20261231T230000Z;WKST=MO")
        );
        assert_eq!(
            ok("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1").as_deref(),
            Ok("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1")
        );
        for bad in [
            "INTERVAL=3",
            "FREQ=QUARTERLY",
            "FREQ=MONTHLY;INTERVAL=0",
            "FREQ=MONTHLY;INTERVAL=3;INTERVAL=4",
            "FREQ=MONTHLY;COUNT=3;UNTIL=20261231T230000Z",
            "FREQ=MONTHLY;UNTIL=20261231",
            "FREQ=MONTHLY;UNTIL=20261331T000000Z",
            "FREQ=MONTHLY;BYDAY=XX",
            "FREQ=MONTHLY;BYMONTH=13",
            "FREQ=MONTHLY;",
            "FREQ=MONTHLY\r\nATTENDEE:mailto:x@example.org",
            "FREQ=MONTHLY;X-NAME=1",
            "FREQ=DAILY;BYHOUR=1:2",
        ] {
            assert_eq!(
                Recurrence::parse(bad),
                Err(RecurrenceError::Invalid),
                "{bad:?}"
            );
        }
        assert_eq!(Recurrence::parse(" "), Err(RecurrenceError::Required));
        assert_eq!(
            Recurrence::parse(&format!("FREQ=DAILY;BYDAY={}", "MO,".repeat(120)))
                .map_err(RecurrenceError::code),
            Err("too_long")
        );
    }

    proptest! {
        #[test]
        fn any_text_keeps_the_number_of_events(
            texts in proptest::collection::vec("\\PC{0,100}|[;,\\\\\\r\\n:A-Z]{0,40}|(\r\nEND:VEVENT\r\nBEGIN:VEVENT){1,2}", 1..5),
        ) {
            let events: Vec<CalendarEvent> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| CalendarEvent {
                    uid: t.clone(),
                    start: ts("2026-01-05T07:00:00Z"),
                    end: ts("2026-01-05T08:00:00Z"),
                    summary: t.clone(),
                    description: Some(t.clone()),
                    location: Some(t.clone()),
                    rrule: (i % 2 == 1).then(|| Recurrence::parse("FREQ=WEEKLY").expect("valid")),
                })
                .collect();
            let text = calendar("x", ts("2026-01-01T00:00:00Z"), &events);
            read_back::assert_well_formed(&text);
            let unfolded = unfold(&text);
            let parsed = read_calendar(&unfolded).expect("parses");
            let found = events_of(&parsed.components);
            prop_assert_eq!(found, events.len());
            prop_assert_eq!(text.matches("\r\nBEGIN:VEVENT\r\n").count(), events.len());
        }

        #[test]
        fn recurrence_parsing_never_panics(s in "\\PC{0,80}|[A-Z=;,+0-9-]{0,80}") {
            if let Ok(rule) = Recurrence::parse(&s) {
                prop_assert!(rule.as_str().starts_with("FREQ="));
                prop_assert_eq!(Recurrence::parse(rule.as_str()), Ok(rule.clone()));
            }
        }
    }

    fn events_of(components: &[Component<'_>]) -> usize {
        components.iter().filter(|c| c.name == "VEVENT").count()
    }
}
