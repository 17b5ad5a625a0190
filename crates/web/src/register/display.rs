//! How stored values read on a page: local times, Dutch dates, labels instead of codes,
//! names (linked) instead of ids, readable phone numbers.

use super::frame::Refs;
use crisismap_app::i18n::Tr;
use crisismap_core::register::schema::{Field, FieldType};
use crisismap_core::register::{RecordId, RecordKind};
use crisismap_core::time;
use serde_json::Value;

/// A value ready for a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// Where the value links to (another record, a phone number).
    pub href: Option<String>,
    /// Several lines: shown with line breaks kept.
    pub multiline: bool,
}

impl Shown {
    pub fn plain(text: impl Into<String>) -> Self {
        Shown {
            text: text.into(),
            href: None,
            multiline: false,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

pub fn record_href(kind: RecordKind, id: RecordId) -> String {
    format!("/voorbereiden/{}/{id}", kind.slug())
}

pub use crisismap_app::words::{choice_label, date_nl, phone_display};

pub fn show(field: &Field, value: Option<&Value>, refs: &dyn Refs, tr: Tr) -> Shown {
    let index = refs.index();
    let Some(value) = value else {
        return Shown::plain("");
    };
    match (field.ty, value) {
        (FieldType::Bool, Value::Bool(b)) => Shown::plain(tr.t(if *b { "yes" } else { "no" })),
        (FieldType::Integer { .. }, Value::Number(n)) => Shown::plain(n.to_string()),
        (FieldType::Money { .. }, Value::Number(n)) => Shown::plain(
            n.as_i64()
                .map(|c| crisismap_core::money::display(c, tr.0))
                .unwrap_or_default(),
        ),
        (_, Value::String(s)) => match field.ty {
            FieldType::DateTime => Shown::plain(
                s.parse::<jiff::Timestamp>()
                    .map(time::local_display)
                    .unwrap_or_else(|_| s.clone()),
            ),
            FieldType::Date => Shown::plain(date_nl(s)),
            FieldType::Phone => Shown {
                text: phone_display(s),
                href: Some(format!("tel:{s}")),
                multiline: false,
            },
            FieldType::Email => Shown {
                text: s.clone(),
                href: Some(format!("mailto:{s}")),
                multiline: false,
            },
            FieldType::Choice(_) => Shown::plain(choice_label(tr, field.name, s)),
            FieldType::Ref(_) | FieldType::AnyRef | FieldType::RefAmong(_) => {
                match s.parse::<RecordId>().ok().and_then(|id| index.get(id)) {
                    Some(r) => {
                        let mut text = if r.kind == RecordKind::Readiness {
                            choice_label(tr, "item", &r.title).to_owned()
                        } else {
                            r.title.clone()
                        };
                        if r.archived {
                            text.push_str(&format!(" ({})", tr.t("register-archived")));
                        }
                        if matches!(field.ty, FieldType::AnyRef | FieldType::RefAmong(_)) {
                            text = format!("{}: {text}", tr.t(&format!("k-{}-one", r.kind)));
                        }
                        Shown {
                            text,
                            href: Some(record_href(r.kind, r.id)),
                            multiline: false,
                        }
                    }
                    None => Shown::plain(tr.t("register-unknown_ref")),
                }
            }
            FieldType::Entry(kind) => {
                match s.parse().ok().and_then(|id| refs.entry_label(kind, id)) {
                    Some((text, href)) => Shown {
                        text,
                        href: Some(href),
                        multiline: false,
                    },
                    None => Shown::plain(tr.t("register-unknown_ref")),
                }
            }
            FieldType::User => match s.parse().ok().and_then(|id| refs.user_name(id)) {
                Some(text) => Shown::plain(text),
                None => Shown::plain(tr.t("register-unknown_ref")),
            },
            FieldType::LongText { .. } => Shown {
                text: s.clone(),
                href: None,
                multiline: true,
            },
            _ => Shown::plain(s.clone()),
        },
        (_, other) => Shown::plain(other.to_string()),
    }
}

/// The phone numbers of the contact a value points at, the first one to tap.
fn phones_of(refs: &dyn Refs, value: Option<&Value>) -> Shown {
    let numbers: Vec<String> = value
        .and_then(Value::as_str)
        .and_then(|id| id.parse().ok())
        .and_then(|id| refs.index().get(id))
        .and_then(|r| r.view::<crisismap_core::register::views::ContactView>())
        .map(|c| c.phones.iter().map(|p| p.number.clone()).collect())
        .unwrap_or_default();
    Shown {
        href: numbers.first().map(|n| format!("tel:{n}")),
        text: numbers
            .iter()
            .map(|n| phone_display(n))
            .collect::<Vec<_>>()
            .join(", "),
        multiline: false,
    }
}

/// A field of a record or entry as its detail page shows it.
pub struct DetailField {
    pub label: String,
    pub value: Shown,
}

/// A repeated group as a table on a detail page.
pub struct DetailGroup {
    pub legend: &'static str,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Shown>>,
}

/// Every field and group of a record or entry, labelled and shown, for its detail page.
pub fn detail(
    schema: &crisismap_core::register::schema::Schema,
    data: &serde_json::Map<String, Value>,
    refs: &dyn Refs,
    tr: Tr,
) -> (Vec<DetailField>, Vec<DetailGroup>) {
    let kind = schema.code;
    let fields = schema
        .fields
        .iter()
        .map(|f| DetailField {
            label: tr.t(&format!("f-{kind}-{}", f.name)).to_owned(),
            value: show(f, data.get(f.name), refs, tr),
        })
        .collect();
    let groups = schema
        .groups
        .iter()
        .map(|g| {
            // A row that names a contact (a shift, a stand-in) also shows how to call them.
            let contact = g
                .fields
                .iter()
                .find(|f| matches!(f.ty, FieldType::Ref(RecordKind::Contact)))
                .map(|f| f.name);
            let mut headers: Vec<String> = g
                .fields
                .iter()
                .map(|f| tr.t(&format!("f-{kind}-{}-{}", g.name, f.name)).to_owned())
                .collect();
            if contact.is_some() {
                headers.push(tr.t("g-contact-phones").to_owned());
            }
            DetailGroup {
                legend: tr.t(&format!("g-{kind}-{}", g.name)),
                headers,
                rows: data
                    .get(g.name)
                    .and_then(|v| v.as_array())
                    .map(|rows| {
                        rows.iter()
                            .map(|row| {
                                let mut cells: Vec<Shown> = g
                                    .fields
                                    .iter()
                                    .map(|f| show(f, row.get(f.name), refs, tr))
                                    .collect();
                                if let Some(name) = contact {
                                    cells.push(phones_of(refs, row.get(name)));
                                }
                                cells
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    (fields, groups)
}
