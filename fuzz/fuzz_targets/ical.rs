//! iCalendar export of shifts and meetings with any text and any recurrence rule the parser
//! accepts: well-formed (CRLF, folded), components nest and close, only our properties
//! appear, each text reads back as written, and a strict reader finds every event.
#![no_main]

use arbitrary::Arbitrary;
use crisismap_core::interchange::ical::{CalendarEvent, Recurrence, calendar};
use crisismap_fuzz::{assert_well_formed, split, text_as_written, unescape, unfold};
use jiff::Timestamp;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Event {
    uid: String,
    start_minutes: u32,
    length_minutes: u16,
    summary: String,
    description: Option<String>,
    location: Option<String>,
    rrule: Option<String>,
}

#[derive(Debug, Arbitrary)]
struct Input {
    name: String,
    events: Vec<Event>,
}

fuzz_target!(|input: Input| {
    // From 2020 on, within about 8000 years.
    let base = 1_577_836_800i64;
    let events: Vec<CalendarEvent> = input
        .events
        .iter()
        .take(6)
        .map(|e| {
            let start =
                Timestamp::from_second(base + i64::from(e.start_minutes % 100_000_000) * 60)
                    .expect("in range");
            let end = Timestamp::from_second(start.as_second() + i64::from(e.length_minutes) * 60)
                .expect("in range");
            CalendarEvent {
                uid: e.uid.clone(),
                start,
                end,
                summary: e.summary.clone(),
                description: e.description.clone(),
                location: e.location.clone(),
                rrule: e.rrule.as_deref().and_then(|r| Recurrence::parse(r).ok()),
            }
        })
        .collect();
    let stamp = Timestamp::from_second(base).expect("in range");
    let text = calendar(&input.name, stamp, &events);
    assert_well_formed(&text);
    let lines = unfold(&text);
    let mut depth: Vec<String> = vec![];
    let mut summaries = vec![];
    for line in &lines {
        let (name, value) = split(line);
        match name {
            "BEGIN" => {
                assert!(
                    matches!(
                        value,
                        "VCALENDAR" | "VEVENT" | "VTIMEZONE" | "DAYLIGHT" | "STANDARD"
                    ),
                    "{value:?}"
                );
                depth.push(value.to_owned());
            }
            "END" => assert_eq!(depth.pop().as_deref(), Some(value), "components nest"),
            "SUMMARY" => summaries.push(unescape(value)),
            "NAME" | "X-WR-CALNAME" => assert_eq!(unescape(value), text_as_written(&input.name)),
            "DESCRIPTION" | "LOCATION" | "UID" => {
                unescape(value);
            }
            "VERSION" | "PRODID" | "CALSCALE" | "METHOD" | "DTSTAMP" | "DTSTART" | "DTEND"
            | "RRULE" | "TZID" | "TZOFFSETFROM" | "TZOFFSETTO" | "TZNAME" => {}
            n if n.starts_with("DTSTART;TZID=") || n.starts_with("DTEND;TZID=") => {}
            other => panic!("an injected property {other:?} in {text:?}"),
        }
        assert!(
            !depth.is_empty() || name == "END",
            "a line outside the calendar"
        );
    }
    assert!(depth.is_empty(), "every component is closed");
    let expected: Vec<String> = events.iter().map(|e| text_as_written(&e.summary)).collect();
    assert_eq!(summaries, expected, "each summary reads back");
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("a strict reader reads it");
    let found = parsed
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .count();
    assert_eq!(found, events.len(), "every event is found");
});
