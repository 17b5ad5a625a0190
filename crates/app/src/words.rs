//! Words for people made from values: dates, phone numbers, choices, durations and the note
//! on an entry typed in from paper, in the reader's language.

use crate::i18n::Tr;
use crisismap_core::time::local_display;

/// A date as the Dutch write it (`28-11-2026`); the text as it is when it is no date.
pub fn date_nl(d: &str) -> String {
    d.parse::<jiff::civil::Date>()
        .map(|d| d.strftime("%d-%m-%Y").to_string())
        .unwrap_or_else(|_| d.to_owned())
}

/// A stored phone number (E.164) as people dial it.
pub fn phone_display(e164: &str) -> String {
    crisismap_core::phone::PhoneNumber::parse(e164)
        .map(|p| p.display().to_owned())
        .unwrap_or_else(|_| e164.to_owned())
}

/// The label of a choice code: `c.{field}.{code}`.
pub fn choice_label(tr: Tr, field: &str, code: &str) -> &'static str {
    if field == "item" {
        return tr.t(&format!("readiness.{code}"));
    }
    tr.t(&format!("c.{field}.{code}"))
}

/// Minutes as people say them: "direct", "30 min", "4 u 30 min", "2 d 3 u".
pub fn duration_text(minutes: u64, tr: Tr) -> String {
    if minutes == 0 {
        return tr.t("cascade.at_once").to_owned();
    }
    let (d, h, m) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    let (dl, hl, ml) = (
        tr.t("cascade.days_short"),
        tr.t("cascade.hours_short"),
        tr.t("cascade.minutes_short"),
    );
    let mut parts = vec![];
    if d > 0 {
        parts.push(format!("{d} {dl}"));
    }
    if h > 0 {
        parts.push(format!("{h} {hl}"));
    }
    if m > 0 && d == 0 {
        parts.push(format!("{m} {ml}"));
    }
    parts.join(" ")
}

/// "Transcribed from paper (form LB-…, page 3, written by …) by … on …".
pub fn transcribed_words(
    t: &crisismap_core::crisis::Transcription,
    typed_by: &str,
    typed_at: jiff::Timestamp,
    tr: Tr,
) -> String {
    tr.t("crisis.transcribed_words")
        .replace("{form}", &t.form)
        .replace("{page}", &t.page.to_string())
        .replace("{writer}", &t.written_by)
        .replace("{by}", typed_by)
        .replace("{at}", &local_display(typed_at))
}
