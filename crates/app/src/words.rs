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
        return tr.t(&format!("readiness-{code}"));
    }
    tr.t(&format!("c-{field}-{code}"))
}

/// Minutes as people say them: "direct", "30 min", "4 u 30 min", "2 d 3 u".
pub fn duration_text(minutes: u64, tr: Tr) -> String {
    if minutes == 0 {
        return tr.t("cascade-at_once").to_owned();
    }
    let (d, h, m) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    let (dl, hl, ml) = (
        tr.t("cascade-days_short"),
        tr.t("cascade-hours_short"),
        tr.t("cascade-minutes_short"),
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
    tr.with(
        "crisis-transcribed_words",
        &[
            ("form", t.form.as_str().into()),
            ("page", t.page.into()),
            ("writer", t.written_by.as_str().into()),
            ("by", typed_by.into()),
            ("at", local_display(typed_at).into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use crate::i18n::Tr;
    use crisismap_core::Lang;
    use crisismap_core::register::RecordKind;
    use crisismap_core::register::schema::FieldType;

    /// Every label, group legend and choice that a register or crisis form can show, every
    /// question of the classification assistant and every readiness verdict has its words.
    #[test]
    fn every_register_label_and_choice_is_translated() {
        let tr = Tr(Lang::En);
        let mut missing = vec![];
        let mut check = |key: String| {
            if tr.try_t(&key).is_none() {
                missing.push(key);
            }
        };
        for kind in RecordKind::ALL {
            let s = kind.schema();
            for suffix in ["plural", "one", "new", "lead", "add_first"] {
                check(format!("k-{kind}-{suffix}"));
            }
            let mut fields: Vec<(String, &crisismap_core::register::schema::Field)> = s
                .fields
                .iter()
                .map(|f| (format!("f-{kind}-{}", f.name), f))
                .collect();
            for g in s.groups {
                check(format!("g-{kind}-{}", g.name));
                fields.extend(
                    g.fields
                        .iter()
                        .map(|f| (format!("f-{kind}-{}-{}", g.name, f.name), f)),
                );
            }
            for (key, f) in fields {
                check(key);
                if let FieldType::Choice(codes) = f.ty {
                    for c in codes {
                        if f.name == "item" {
                            check(format!("readiness-{c}"));
                        } else {
                            check(format!("c-{}-{c}", f.name));
                        }
                    }
                }
            }
        }
        for kind in crisismap_core::crisis::EntryKind::ALL {
            let s = kind.schema();
            for suffix in ["plural", "one", "new", "lead"] {
                check(format!("e-{kind}-{suffix}"));
            }
            if kind.immutable() {
                check(format!("e-{kind}-immutable"));
            }
            for f in s.fields {
                check(format!("f-{kind}-{}", f.name));
                if let FieldType::Choice(codes) = f.ty {
                    for c in codes {
                        check(format!("c-{}-{c}", f.name));
                    }
                }
            }
            for g in s.groups {
                check(format!("g-{kind}-{}", g.name));
                for f in g.fields {
                    check(format!("f-{kind}-{}-{}", g.name, f.name));
                }
            }
        }
        for q in crisismap_core::crisis::Answers::QUESTIONS {
            check(format!("q-{q}"));
            check(format!("q-{q}-hint"));
        }
        for item in crisismap_core::register::readiness::ITEMS {
            if item.derived {
                check(format!("readiness-{}-proven", item.code));
                check(format!("readiness-{}-missing", item.code));
            }
        }
        assert!(missing.is_empty(), "untranslated: {missing:?}");
    }
}
