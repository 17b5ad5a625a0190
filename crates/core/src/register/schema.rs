//! Describing a kind of record once: its fields and repeated groups, how input becomes a
//! validated record, and what each field means for forms, tables and the API.

use super::{RecordId, RecordKind};

use crate::time::canonical;
use jiff::civil::Date;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What a field holds, and so how it is checked, stored and drawn in a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// One line of text.
    Text {
        /// The most characters it may hold.
        max: usize,
    },
    /// Several lines (newlines and tabs allowed, other control characters not).
    LongText {
        /// The most characters it may hold.
        max: usize,
    },
    /// An e-mail address, stored lower-case.
    Email,
    /// A phone number, stored in E.164.
    Phone,
    /// A calendar date, `2026-11-28`.
    Date,
    /// A moment, typed in Europe/Amsterdam time (`2026-11-28T13:00`), stored in UTC.
    DateTime,
    /// Yes or no: a checkbox, stored as a JSON boolean.
    Bool,
    /// A whole number within bounds.
    Integer {
        /// The smallest value allowed.
        min: i64,
        /// The largest value allowed.
        max: i64,
    },
    /// An amount in euro, typed as `1.250,50`, stored as whole cents (a JSON integer).
    Money {
        /// The largest amount allowed, in cents.
        max: i64,
    },
    /// One of a fixed set of codes; labels come from the translations (`choice.{name}.{code}`).
    Choice(&'static [&'static str]),
    /// Another record of this kind in the same workspace.
    Ref(RecordKind),
    /// Any other record of the register (evidence that points at a roster, a plan, …).
    AnyRef,
    /// A record of one of these kinds (the other end of a dependency).
    RefAmong(&'static [RecordKind]),
    /// An entry of this kind in the same crisis (a decision that answers a dilemma).
    Entry(crate::crisis::EntryKind),
    /// A user of the workspace (the owner of an action).
    User,
}

/// One field of a record or of a group's row.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The field's name: its key in the data and in form input (`f.{kind}.{name}` labels it).
    pub name: &'static str,
    /// What the field holds.
    pub ty: FieldType,
    /// Whether a value must be given.
    pub required: bool,
}

/// A repeated group of fields (a contact's phone numbers, a roster's shifts).
#[derive(Debug, Clone, Copy)]
pub struct Group {
    /// The group's name: its key in the data and the prefix of its form keys (`phones.0.number`).
    pub name: &'static str,
    /// The fields of each row.
    pub fields: &'static [Field],
    /// Blank rows offered in a form for adding more.
    pub blank_rows: usize,
    /// The most rows the group may hold.
    pub max_rows: usize,
}

/// A check across a record's fields; returns every problem it finds.
pub type Checks = fn(&Map<String, Value>) -> Vec<FieldIssue>;

/// The description of one kind of record (or crisis entry): its fields, groups and checks.
#[derive(Debug)]
pub struct Schema {
    /// The kind's code: the namespace of its labels (`f.{code}.{field}`) and its API name.
    pub code: &'static str,
    /// Checks across fields, run once every field is valid on its own.
    pub checks: Checks,
    /// The field whose value is the record's title (unique per kind).
    pub title: &'static str,
    /// The plain fields, in form order.
    pub fields: &'static [Field],
    /// The repeated groups, in form order.
    pub groups: &'static [Group],
    /// Fields shown as columns in the list.
    pub columns: &'static [&'static str],
}

/// A problem with one field. `field` is `name` or `group.row.name` (rows count from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    /// The field the problem is in: `name`, or `group.row.name` for a group's row.
    pub field: String,
    /// What is wrong, as a stable code (`required`, `too_long`, …) for translation keys.
    pub code: &'static str,
}

impl FieldIssue {
    /// A problem with `field`, described by `code`.
    pub fn new(field: impl Into<String>, code: &'static str) -> Self {
        Self {
            field: field.into(),
            code,
        }
    }
}

/// Input as typed, before validation: plain fields and rows of groups, all as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawRecord {
    /// The plain fields by name.
    pub fields: BTreeMap<String, String>,
    /// The rows of each group by group name, each row its fields by name.
    pub groups: BTreeMap<String, Vec<BTreeMap<String, String>>>,
}

impl RawRecord {
    /// From form pairs: `name=…`, `phones.0.number=…`. Unknown keys are kept and ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> RawRecord {
        let mut raw = RawRecord::default();
        let mut rows: BTreeMap<String, BTreeMap<usize, BTreeMap<String, String>>> = BTreeMap::new();
        for (key, value) in pairs {
            let mut parts = key.splitn(3, '.');
            match (parts.next(), parts.next(), parts.next()) {
                (Some(group), Some(index), Some(field)) => {
                    if let Ok(i) = index.parse::<usize>()
                        && i < 10_000
                    {
                        rows.entry(group.to_owned())
                            .or_default()
                            .entry(i)
                            .or_default()
                            .insert(field.to_owned(), value.to_owned());
                    }
                }
                _ => {
                    raw.fields.insert(key.to_owned(), value.to_owned());
                }
            }
        }
        for (group, by_index) in rows {
            raw.groups.insert(group, by_index.into_values().collect());
        }
        raw
    }

    /// From a JSON object: strings, numbers and booleans become text; arrays of objects
    /// become group rows.
    pub fn from_json(value: &Value) -> Result<RawRecord, FieldIssue> {
        let Some(obj) = value.as_object() else {
            return Err(FieldIssue::new("body", "not_an_object"));
        };
        let mut raw = RawRecord::default();
        for (key, v) in obj {
            match v {
                Value::Array(items) => {
                    let mut rows = vec![];
                    for (i, item) in items.iter().enumerate() {
                        let Some(o) = item.as_object() else {
                            return Err(FieldIssue::new(format!("{key}.{i}"), "not_an_object"));
                        };
                        let mut row = BTreeMap::new();
                        for (k, v) in o {
                            row.insert(k.clone(), json_text(v));
                        }
                        rows.push(row);
                    }
                    raw.groups.insert(key.clone(), rows);
                }
                other => {
                    raw.fields.insert(key.clone(), json_text(other));
                }
            }
        }
        Ok(raw)
    }

    /// The raw form of a stored record, for filling in an edit form.
    pub fn from_data(schema: &Schema, data: &Map<String, Value>) -> RawRecord {
        let mut raw = RawRecord::default();
        for f in schema.fields {
            if let Some(v) = data.get(f.name) {
                raw.fields.insert(f.name.to_owned(), form_text(f.ty, v));
            }
        }
        for g in schema.groups {
            let rows = data
                .get(g.name)
                .and_then(Value::as_array)
                .map(|rows| {
                    rows.iter()
                        .filter_map(Value::as_object)
                        .map(|row| {
                            g.fields
                                .iter()
                                .filter_map(|f| {
                                    row.get(f.name)
                                        .map(|v| (f.name.to_owned(), form_text(f.ty, v)))
                                })
                                .collect()
                        })
                        .collect()
                })
                .unwrap_or_default();
            raw.groups.insert(g.name.to_owned(), rows);
        }
        raw
    }

    /// The text typed for a plain field; empty when none was.
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }
}

fn json_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Bool(b) => if *b { "true" } else { "false" }.to_owned(),
        other => other.to_string(),
    }
}

/// How a stored value is typed back into a form field.
fn form_text(ty: FieldType, v: &Value) -> String {
    match (ty, v) {
        (FieldType::DateTime, Value::String(s)) => s
            .parse::<jiff::Timestamp>()
            .map(crate::time::local_input)
            .unwrap_or_default(),
        (FieldType::Bool, Value::Bool(b)) => if *b { "true" } else { "" }.to_owned(),
        (FieldType::Money { .. }, Value::Number(n)) => {
            n.as_i64().map(crate::money::input_text).unwrap_or_default()
        }
        _ => json_text(v),
    }
}

/// Answers whether a referenced record exists (and is live) in the workspace.
pub trait RefLookup {
    /// Whether a live record of this kind with this id exists.
    fn exists(&self, kind: RecordKind, id: RecordId) -> bool;

    /// Whether a live record with this id exists, of any kind.
    fn exists_any(&self, id: RecordId) -> bool {
        let _ = id;
        false
    }

    /// Whether an entry of this kind exists in the crisis being edited.
    fn exists_entry(&self, kind: crate::crisis::EntryKind, id: RecordId) -> bool {
        let _ = (kind, id);
        false
    }

    /// Whether an enabled user with this id exists in the workspace.
    fn exists_user(&self, id: crate::UserId) -> bool {
        let _ = id;
        false
    }
}

/// A record that passed validation. Only a [`Schema`] makes one (its fields are private), so
/// whatever the store is given has been checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Validated {
    title: String,
    data: Map<String, Value>,
}

impl Validated {
    /// The record's title, as its schema's title field gives it.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The checked fields and groups.
    pub fn data(&self) -> &Map<String, Value> {
        &self.data
    }

    /// The title and the fields, to be stored.
    pub fn into_parts(self) -> (String, Map<String, Value>) {
        (self.title, self.data)
    }
}

impl Schema {
    /// The plain field with this name, if the schema has one.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The group with this name, if the schema has one.
    pub fn group(&self, name: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.name == name)
    }

    /// Checks every field and reports every problem, not only the first.
    pub fn validate(
        &self,
        raw: &RawRecord,
        refs: &dyn RefLookup,
    ) -> Result<Validated, Vec<FieldIssue>> {
        let mut issues = vec![];
        let mut data = Map::new();
        for f in self.fields {
            match parse_value(f, raw.field(f.name), refs) {
                Ok(Some(v)) => {
                    data.insert(f.name.to_owned(), v);
                }
                Ok(None) => {}
                Err(code) => issues.push(FieldIssue::new(f.name, code)),
            }
        }
        for g in self.groups {
            let rows = raw.groups.get(g.name).map(Vec::as_slice).unwrap_or(&[]);
            let mut out = vec![];
            for (i, row) in rows.iter().enumerate() {
                // Blank rows (the form's spare rows) are not records.
                if row.values().all(|v| v.trim().is_empty() || v == "false") {
                    continue;
                }
                let mut obj = Map::new();
                for f in g.fields {
                    let text = row.get(f.name).map(String::as_str).unwrap_or("");
                    match parse_value(f, text, refs) {
                        Ok(Some(v)) => {
                            obj.insert(f.name.to_owned(), v);
                        }
                        Ok(None) => {}
                        Err(code) => {
                            issues.push(FieldIssue::new(format!("{}.{i}.{}", g.name, f.name), code))
                        }
                    }
                }
                out.push(Value::Object(obj));
            }
            if out.len() > g.max_rows {
                issues.push(FieldIssue::new(g.name, "too_many_rows"));
            }
            data.insert(g.name.to_owned(), Value::Array(out));
        }
        let title = data
            .get(self.title)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        if issues.is_empty() {
            issues.extend((self.checks)(&data));
        }
        if issues.is_empty() {
            Ok(Validated { title, data })
        } else {
            Err(issues)
        }
    }
}

/// Every line ending as `\n` (Windows `\r\n` and old `\r` alike), so that a text stored and
/// sent back unchanged stays the same.
pub fn unify_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn single_line(text: &str, max: usize) -> Result<String, &'static str> {
    if text.chars().count() > max {
        return Err("too_long");
    }
    if text.chars().any(char::is_control) {
        return Err("control_characters");
    }
    Ok(text.to_owned())
}

fn parse_value(f: &Field, text: &str, refs: &dyn RefLookup) -> Result<Option<Value>, &'static str> {
    let text = text.trim();
    if text.is_empty() || (matches!(f.ty, FieldType::Bool) && text == "false") {
        if f.required && !matches!(f.ty, FieldType::Bool) {
            return Err("required");
        }
        return Ok(match f.ty {
            FieldType::Bool => Some(Value::Bool(false)),
            _ => None,
        });
    }
    let v = match f.ty {
        FieldType::Text { max } => Value::String(single_line(text, max)?),
        FieldType::LongText { max } => {
            if text.chars().count() > max {
                return Err("too_long");
            }
            if text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            {
                return Err("control_characters");
            }
            Value::String(unify_newlines(text))
        }
        FieldType::Email => Value::String(
            crate::values::Email::parse(text)
                .map_err(|e| e.code())?
                .as_str()
                .to_owned(),
        ),
        FieldType::Phone => Value::String(
            crate::phone::PhoneNumber::parse(text)
                .map_err(|e| e.code())?
                .e164()
                .to_owned(),
        ),
        FieldType::Date => {
            let d: Date = text.parse().map_err(|_| "invalid_date")?;
            Value::String(d.to_string())
        }
        FieldType::DateTime => {
            // Exact moments (with an offset, as the API sends them) are taken as they are.
            let ts = crate::time::parse_moment(text).ok_or("invalid_datetime")?;
            Value::String(canonical(ts))
        }
        FieldType::Bool => Value::Bool(matches!(text, "true" | "on" | "1" | "ja" | "yes")),
        FieldType::Integer { min, max } => {
            let n: i64 = text.parse().map_err(|_| "not_a_number")?;
            if n < min || n > max {
                return Err("out_of_range");
            }
            Value::from(n)
        }
        FieldType::Money { max } => Value::from(crate::money::parse_euros(text, max)?),
        FieldType::Choice(codes) => {
            if !codes.contains(&text) {
                return Err("unknown_choice");
            }
            Value::String(text.to_owned())
        }
        FieldType::Ref(kind) => {
            let id: RecordId = text.parse().map_err(|_| "unknown_reference")?;
            if !refs.exists(kind, id) {
                return Err("unknown_reference");
            }
            Value::String(id.to_string())
        }
        FieldType::AnyRef => {
            let id: RecordId = text.parse().map_err(|_| "unknown_reference")?;
            if !refs.exists_any(id) {
                return Err("unknown_reference");
            }
            Value::String(id.to_string())
        }
        FieldType::RefAmong(kinds) => {
            let id: RecordId = text.parse().map_err(|_| "unknown_reference")?;
            if !kinds.iter().any(|k| refs.exists(*k, id)) {
                return Err("unknown_reference");
            }
            Value::String(id.to_string())
        }
        FieldType::Entry(kind) => {
            let id: RecordId = text.parse().map_err(|_| "unknown_reference")?;
            if !refs.exists_entry(kind, id) {
                return Err("unknown_reference");
            }
            Value::String(id.to_string())
        }
        FieldType::User => {
            let id: crate::UserId = text.parse().map_err(|_| "unknown_reference")?;
            if !refs.exists_user(id) {
                return Err("unknown_reference");
            }
            Value::String(id.to_string())
        }
    };
    Ok(Some(v))
}

#[cfg(test)]
mod newline_tests {
    use super::unify_newlines;

    #[test]
    fn line_endings_become_newlines_once_and_for_all() {
        // Found by the fuzzer: "\r\r\n" became "\r\n", and "\n" only when sent again.
        assert_eq!(unify_newlines("a\r\r\nb"), "a\n\nb");
        assert_eq!(unify_newlines(&unify_newlines("a\r\r\nb")), "a\n\nb");
        assert_eq!(unify_newlines("a\rb\r\nc\n"), "a\nb\nc\n");
    }
}
