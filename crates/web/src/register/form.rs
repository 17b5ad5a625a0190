//! Builds the form for a kind from its schema: every field labelled, hinted and tied to its
//! error message, groups as numbered rows with spare rows for adding more.

use super::display::choice_label;
use super::frame::Refs;
use crate::http::error::FieldError;
use crisismap_app::i18n::Tr;
use crisismap_app::register::Index;
use crisismap_core::register::schema::{Field, FieldType, Schema};
use crisismap_core::register::{RawRecord, RecordKind};

#[derive(Debug, Clone)]
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Debug, Clone)]
pub enum Input {
    Text { max: usize },
    Area,
    Email,
    Tel,
    Date,
    DateTime,
    Number { min: i64, max: i64 },
    Check,
    Select(Vec<Opt>),
}

#[derive(Debug, Clone)]
pub struct FormField {
    /// The name the browser posts (`phones.0.number`).
    pub name: String,
    pub id: String,
    pub label: String,
    pub hint: Option<&'static str>,
    pub input: Input,
    pub value: String,
    pub error: Option<String>,
    pub required: bool,
    /// Values to offer while typing (a `datalist`): (value, what it is). Typing something
    /// else stays possible.
    pub suggestions: Vec<(String, String)>,
}

impl FormField {
    /// The control to draw: text, area, email, tel, date, datetime, number, check or select.
    pub fn control(&self) -> &'static str {
        match self.input {
            Input::Text { .. } => "text",
            Input::Area => "area",
            Input::Email => "email",
            Input::Tel => "tel",
            Input::Date => "date",
            Input::DateTime => "datetime",
            Input::Number { .. } => "number",
            Input::Check => "check",
            Input::Select(_) => "select",
        }
    }

    pub fn maxlength(&self) -> usize {
        match self.input {
            Input::Text { max } => max,
            _ => 0,
        }
    }

    pub fn range(&self) -> (i64, i64) {
        match self.input {
            Input::Number { min, max } => (min, max),
            _ => (0, 0),
        }
    }

    pub fn options(&self) -> &[Opt] {
        match &self.input {
            Input::Select(opts) => opts,
            _ => &[],
        }
    }

    pub fn checked(&self) -> bool {
        matches!(self.value.as_str(), "true" | "on" | "1")
    }

    /// `aria-describedby`: the hint and the error, when present.
    pub fn described_by(&self) -> String {
        let mut ids = vec![];
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        ids.join(" ")
    }
}

#[derive(Debug, Clone)]
pub struct FormRow {
    pub number: usize,
    pub fields: Vec<FormField>,
}

#[derive(Debug, Clone)]
pub struct FormGroup {
    pub name: &'static str,
    pub legend: &'static str,
    pub hint: Option<&'static str>,
    pub error: Option<String>,
    pub rows: Vec<FormRow>,
}

#[derive(Debug, Clone)]
pub struct FormView {
    pub fields: Vec<FormField>,
    /// The optional links to other entries of the crisis (the dilemma a decision answers,
    /// the decision it replaces, …), set apart after the fields that say what happened.
    pub links: Vec<FormField>,
    pub groups: Vec<FormGroup>,
    /// (anchor, message) for the error summary at the top.
    pub summary: Vec<(String, String)>,
}

fn html_id(name: &str) -> String {
    format!("f-{}", name.replace('.', "-"))
}

fn input_for(field: &Field, value: &str, refs: &dyn Refs, tr: Tr) -> Input {
    match field.ty {
        FieldType::Text { max } => Input::Text { max },
        FieldType::LongText { .. } => Input::Area,
        FieldType::Email => Input::Email,
        FieldType::Phone => Input::Tel,
        FieldType::Date => Input::Date,
        FieldType::DateTime => Input::DateTime,
        FieldType::Bool => Input::Check,
        FieldType::Integer { min, max } => Input::Number { min, max },
        FieldType::Money { .. } => Input::Text { max: 24 },
        FieldType::Choice(codes) => {
            let mut opts = vec![Opt {
                value: String::new(),
                label: tr.t("form-choose").to_owned(),
                selected: value.is_empty(),
            }];
            opts.extend(codes.iter().map(|c| Opt {
                value: (*c).to_owned(),
                label: choice_label(tr, field.name, c).to_owned(),
                selected: value == *c,
            }));
            Input::Select(opts)
        }
        FieldType::Ref(kind) => record_options(refs.index(), value, tr, |r| r.kind == kind, false),
        FieldType::AnyRef => record_options(
            refs.index(),
            value,
            tr,
            |r| r.kind != RecordKind::Readiness,
            true,
        ),
        FieldType::RefAmong(kinds) => {
            record_options(refs.index(), value, tr, |r| kinds.contains(&r.kind), true)
        }
        FieldType::Entry(_) | FieldType::User => {
            let mut opts = vec![Opt {
                value: String::new(),
                label: tr.t("form-choose").to_owned(),
                selected: value.is_empty(),
            }];
            let choices = match field.ty {
                FieldType::Entry(kind) => refs.entry_options(kind),
                _ => refs.user_options(),
            };
            opts.extend(choices.into_iter().map(|(id, label)| Opt {
                selected: value == id,
                value: id,
                label,
            }));
            Input::Select(opts)
        }
    }
}

/// A select of records (live ones, and the current value even when archived), sorted by kind
/// and title; `with_kind` prefixes each title with its kind.
fn record_options(
    index: &Index,
    value: &str,
    tr: Tr,
    wanted: impl Fn(&crisismap_core::register::Record) -> bool,
    with_kind: bool,
) -> Input {
    let mut opts = vec![Opt {
        value: String::new(),
        label: tr.t("form-choose").to_owned(),
        selected: value.is_empty(),
    }];
    let mut records: Vec<_> = index
        .records
        .iter()
        .filter(|r| wanted(r) && (!r.archived || r.id.to_string() == value))
        .collect();
    records.sort_by_key(|r| (r.kind, r.title.to_lowercase()));
    opts.extend(records.into_iter().map(|r| {
        let mut label = r.title.clone();
        if with_kind {
            label = format!("{}: {label}", tr.t(&format!("k-{}-one", r.kind)));
        }
        if r.archived {
            label = format!("{label} ({})", tr.t("register-archived"));
        }
        Opt {
            value: r.id.to_string(),
            label,
            selected: value == r.id.to_string(),
        }
    }));
    Input::Select(opts)
}

fn error_for(errors: &[FieldError], name: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == name)
        .map(|e| e.message.clone())
}

pub fn build(
    schema: &Schema,
    raw: &RawRecord,
    errors: &[FieldError],
    refs: &dyn Refs,
    tr: Tr,
) -> FormView {
    let kind = schema.code;
    let make = |field: &Field, name: String, label_key: String, hint_key: String, value: String| {
        FormField {
            id: html_id(&name),
            label: tr.t(&label_key).to_owned(),
            hint: tr.try_t(&hint_key),
            input: input_for(field, &value, refs, tr),
            error: error_for(errors, &name),
            required: field.required,
            suggestions: vec![],
            value,
            name,
        }
    };
    type Marked = Vec<(bool, FormField)>;
    let (links, fields): (Marked, Marked) = schema
        .fields
        .iter()
        .map(|f| {
            (
                !f.required && matches!(f.ty, FieldType::Entry(_)),
                make(
                    f,
                    f.name.to_owned(),
                    format!("f-{kind}-{}", f.name),
                    format!("h-{kind}-{}", f.name),
                    raw.field(f.name).to_owned(),
                ),
            )
        })
        .partition(|(link, _)| *link);
    let (links, fields) = (
        links.into_iter().map(|(_, f)| f).collect(),
        fields.into_iter().map(|(_, f)| f).collect(),
    );
    let groups = schema
        .groups
        .iter()
        .map(|g| {
            let existing = raw.groups.get(g.name).cloned().unwrap_or_default();
            let count = existing.len() + g.blank_rows;
            let rows = (0..count)
                .map(|i| FormRow {
                    number: i + 1,
                    fields: g
                        .fields
                        .iter()
                        .map(|f| {
                            let value = existing
                                .get(i)
                                .and_then(|row| row.get(f.name))
                                .cloned()
                                .unwrap_or_default();
                            make(
                                f,
                                format!("{}.{i}.{}", g.name, f.name),
                                format!("f-{kind}-{}-{}", g.name, f.name),
                                format!("h-{kind}-{}-{}", g.name, f.name),
                                value,
                            )
                        })
                        .collect(),
                })
                .collect();
            FormGroup {
                name: g.name,
                legend: tr.t(&format!("g-{kind}-{}", g.name)),
                hint: tr.try_t(&format!("gh-{kind}-{}", g.name)),
                error: error_for(errors, g.name),
                rows,
            }
        })
        .collect::<Vec<_>>();
    let summary = errors
        .iter()
        .map(|e| {
            let label = label_of(schema, &e.field, tr);
            let anchor = if schema.group(&e.field).is_some() {
                format!("g-{}", e.field)
            } else {
                html_id(&e.field)
            };
            (anchor, format!("{label}: {}", e.message))
        })
        .collect();
    FormView {
        fields,
        links,
        groups,
        summary,
    }
}

/// "Telefoonnummers, rij 2: Nummer" for `phones.1.number`.
pub fn label_of(schema: &Schema, path: &str, tr: Tr) -> String {
    let kind = schema.code;
    let parts: Vec<&str> = path.splitn(3, '.').collect();
    match parts.as_slice() {
        [group, row, field] => {
            let row = row.parse::<usize>().map(|r| r + 1).unwrap_or(0);
            format!(
                "{}, {} {row}: {}",
                tr.t(&format!("g-{kind}-{group}")),
                tr.t("form-row"),
                tr.t(&format!("f-{kind}-{group}-{field}"))
            )
        }
        [name] if schema.group(name).is_some() => tr.t(&format!("g-{kind}-{name}")).to_owned(),
        [name] if schema.field(name).is_some() => tr.t(&format!("f-{kind}-{name}")).to_owned(),
        _ => path.to_owned(),
    }
}
