//! Hostile input: a corpus of XSS, template-injection, path-traversal, CSV-formula, calendar
//! and vCard line-injection, bidi, control-character and very long payloads pushed into
//! every text field of every kind of record and crisis entry, through the forms and the API,
//! on SQLite and (when configured) PostgreSQL. Every save either keeps the text exactly or is
//! refused with the field named; what is kept comes out inert in HTML, CSV, vCard,
//! iCalendar and PDF. Broken bodies (invalid UTF-8, too large, wrong type, malformed JSON,
//! unknown fields) get a clear 4xx and store nothing.

use crate::common::*;
use crisismap_core::Role;
use crisismap_core::crisis::EntryKind;
use crisismap_core::register::schema::{Field, FieldType, Schema};
use crisismap_core::register::{RecordId, RecordKind};
use crisismap_testing::TestDb;
use reqwest::StatusCode;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------- the corpus

/// The payloads of `tests/data/hostile-payloads.txt` (one a line; `\u{…}` stands for a
/// character the line-based file cannot hold), and a few very long ones made here.
fn payloads() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/hostile-payloads.txt"
    );
    let text = std::fs::read_to_string(path).expect("the corpus is there");
    let mut out: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(decode_escapes)
        .collect();
    assert!(out.len() >= 80, "the corpus has its payloads");
    out.extend([
        // Just over the limits of a name, a line, a note and a long text.
        "N".repeat(121),
        "é".repeat(201),
        format!("<script>window.__pwned=1</script>{}", "x".repeat(2000)),
        "Regel\r\n".repeat(900),
        "😀".repeat(20_001),
        // Long but valid: folds over many lines in vCard and iCalendar.
        format!("Lange naam met een ; en een , en een \\ {}", "é".repeat(70)),
    ]);
    out
}

fn decode_escapes(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let end = after.find('}').expect("a closed escape");
        let code = u32::from_str_radix(&after[..end], 16).expect("hex");
        out.push(char::from_u32(code).expect("a character"));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// What a text field does with a payload: keeps it (trimmed; a long text with `\n` line
/// breaks) or refuses it with a code.
#[derive(Debug, Clone, PartialEq)]
enum Verdict {
    Stored(String),
    Refused(&'static str),
}

fn verdict(ty: FieldType, payload: &str) -> Option<Verdict> {
    let t = payload.trim();
    Some(match ty {
        FieldType::Text { max } => {
            if t.chars().count() > max {
                Verdict::Refused("too_long")
            } else if t.chars().any(char::is_control) {
                Verdict::Refused("control_characters")
            } else {
                Verdict::Stored(t.to_owned())
            }
        }
        FieldType::LongText { max } => {
            if t.chars().count() > max {
                Verdict::Refused("too_long")
            } else if t
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            {
                Verdict::Refused("control_characters")
            } else {
                Verdict::Stored(t.replace("\r\n", "\n").replace('\r', "\n"))
            }
        }
        _ => return None,
    })
}

// ---------------------------------------------------------------- filling in a record

/// Ids of records and entries that required references point at.
#[derive(Default, Clone)]
struct Targets {
    records: BTreeMap<RecordKind, String>,
    entries: BTreeMap<EntryKind, String>,
    user: String,
}

/// A valid value for a field that is not under test: required fields, and the one target a
/// dependency must have.
fn filler(f: &Field, t: &Targets) -> Option<String> {
    if !f.required && !matches!(f.ty, FieldType::RefAmong(_)) {
        return None;
    }
    Some(match f.ty {
        FieldType::Text { .. } | FieldType::LongText { .. } => "Veilig".into(),
        FieldType::Email => "proef@voorbeeld.nl".into(),
        FieldType::Phone => "06-12345678".into(),
        FieldType::Date => "2026-11-28".into(),
        FieldType::DateTime if matches!(f.name, "end" | "left_at") => "2026-11-28T12:00".into(),
        FieldType::DateTime => "2026-11-28T10:00".into(),
        FieldType::Bool => return None,
        FieldType::Integer { min, .. } => min.to_string(),
        FieldType::Money { .. } => "1.250,50".into(),
        FieldType::Choice(codes) => codes[0].into(),
        FieldType::Ref(kind) => t.records[&kind].clone(),
        FieldType::AnyRef => t.records[&RecordKind::Contact].clone(),
        FieldType::RefAmong(kinds) => t.records[&kinds[0]].clone(),
        FieldType::Entry(kind) => t.entries[&kind].clone(),
        FieldType::User => t.user.clone(),
    })
}

/// One save: the plain fields and one row per group, as `name` or `group.0.name`.
#[derive(Debug, Clone, Default)]
struct Input {
    values: BTreeMap<String, String>,
    /// The fields under test and what should become of the payload in each.
    tested: BTreeMap<String, Verdict>,
}

fn input_for(schema: &Schema, payload: &str, t: &Targets) -> Input {
    let mut input = Input::default();
    let mut put = |name: String, f: &Field| {
        if let Some(v) = verdict(f.ty, payload) {
            input.values.insert(name.clone(), payload.to_owned());
            input.tested.insert(name, v);
        } else if let Some(v) = filler(f, t) {
            input.values.insert(name, v);
        }
    };
    for f in schema.fields {
        put(f.name.to_owned(), f);
    }
    for g in schema.groups {
        for f in g.fields {
            put(format!("{}.0.{}", g.name, f.name), f);
        }
    }
    input
}

impl Input {
    fn pairs(&self) -> Vec<(&str, &str)> {
        self.values
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    fn json(&self, rev: Option<i64>) -> Value {
        let mut obj = Map::new();
        let mut groups: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
        for (k, v) in &self.values {
            match k.split_once(".0.") {
                Some((g, f)) => {
                    groups
                        .entry(g.to_owned())
                        .or_default()
                        .insert(f.to_owned(), Value::String(v.clone()));
                }
                None => {
                    obj.insert(k.clone(), Value::String(v.clone()));
                }
            }
        }
        for (g, row) in groups {
            obj.insert(g, Value::Array(vec![Value::Object(row)]));
        }
        if let Some(rev) = rev {
            obj.insert("rev".into(), json!(rev));
        }
        Value::Object(obj)
    }

    /// The same save with the refused fields left out (or, when required, made harmless).
    fn without(&self, schema: &Schema, refused: &BTreeSet<String>) -> Input {
        let mut next = self.clone();
        for name in refused {
            next.tested.remove(name);
            let required = field_of(schema, name).is_some_and(|f| f.required);
            if required {
                next.values.insert(name.clone(), "Veilig en gewoon".into());
            } else {
                next.values.remove(name);
            }
        }
        next
    }
}

fn field_of<'s>(schema: &'s Schema, name: &str) -> Option<&'s Field> {
    match name.split_once(".0.") {
        Some((g, f)) => schema
            .group(g)
            .and_then(|g| g.fields.iter().find(|x| x.name == f)),
        None => schema.field(name),
    }
}

/// The stored value of `name` (`group.0.field` reads the first row).
fn stored<'d>(data: &'d Map<String, Value>, name: &str) -> Option<&'d str> {
    match name.split_once(".0.") {
        Some((g, f)) => data.get(g)?.as_array()?.first()?.get(f)?.as_str(),
        None => data.get(name)?.as_str(),
    }
}

// ---------------------------------------------------------------- doors

#[derive(Debug, Clone, Copy, PartialEq)]
enum Door {
    Form,
    Api,
}

/// A refused field as the door reported it: (field, code, message).
type Refusal = Vec<(String, String, String)>;

/// The field errors of a form page answered with 422: every `<p class="field-error">`.
fn form_errors(page: &str, input: &Input) -> Refusal {
    let mut out = vec![];
    for name in input.values.keys() {
        let id = format!("id=\"f-{}-error\">", name.replace('.', "-"));
        if let Some(at) = page.find(&id) {
            let rest = &page[at + id.len()..];
            let message = rest[..rest.find("</p>").expect("closed")].to_owned();
            out.push((name.clone(), String::new(), message));
        }
    }
    out
}

async fn problem_errors(r: reqwest::Response) -> Refusal {
    assert_eq!(
        r.headers()["content-type"],
        "application/problem+json",
        "a refusal of the API is problem+json"
    );
    let problem: Value = r.json().await.expect("problem json");
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap_or("").to_owned(),
                        e["code"].as_str().unwrap_or("").to_owned(),
                        e["message"].as_str().unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A body over the server's limit: refused whole (413), before any field is read.
static TOO_LARGE: std::sync::LazyLock<(String, String, String)> =
    std::sync::LazyLock::new(|| ("(body)".into(), "too_large".into(), "413".into()));

/// Where a save goes, for one kind of record or entry.
#[derive(Clone)]
enum Target {
    /// A register record, changed again and again.
    Record { kind: RecordKind, id: String },
    /// A crisis entry: a new one each time (log entries and decisions never change), or one
    /// changed again and again.
    Entry {
        crisis: String,
        kind: EntryKind,
        id: Option<String>,
    },
}

struct Saver<'a> {
    app: &'a TestApp,
    browser: &'a Browser,
    api: &'a Api,
}

impl Saver<'_> {
    async fn rev_and_data(&self, target: &Target) -> (i64, Map<String, Value>) {
        match target {
            Target::Record { id, .. } => {
                let r = self
                    .app
                    .store
                    .record(self.app.ws, id.parse().expect("id"))
                    .await
                    .expect("record");
                (r.rev, r.data)
            }
            Target::Entry {
                crisis,
                id: Some(id),
                ..
            } => {
                let e = self
                    .app
                    .store
                    .entry(
                        self.app.ws,
                        crisis.parse().expect("crisis"),
                        id.parse().expect("id"),
                    )
                    .await
                    .expect("entry");
                (e.rev, e.data)
            }
            Target::Entry { .. } => (0, Map::new()),
        }
    }

    async fn entry_ids(&self, crisis: &str, kind: EntryKind) -> BTreeSet<RecordId> {
        self.app
            .store
            .entries(self.app.ws, crisis.parse().expect("crisis"), &[kind])
            .await
            .expect("entries")
            .into_iter()
            .map(|e| e.id)
            .collect()
    }

    /// Sends one save; returns the refusal, or None when it was saved.
    async fn send(&self, door: Door, target: &Target, input: &Input, rev: i64) -> Option<Refusal> {
        let what = format!("{door:?} {:?}", input.values.keys().collect::<Vec<_>>());
        let (path, api_path, creating) = match target {
            Target::Record { kind, id } => (
                if *kind == RecordKind::Readiness {
                    format!(
                        "/voorbereiden/gereedheid/{}",
                        input.values.get("item").expect("item")
                    )
                } else {
                    format!("/voorbereiden/{}/{id}", kind.slug())
                },
                format!("/api/v1/register/{}/{id}", kind.code()),
                false,
            ),
            Target::Entry { crisis, kind, id } => match id {
                Some(id) => (
                    format!("/crisis/{crisis}/{}/{id}", kind.slug()),
                    format!("/api/v1/crises/{crisis}/entries/{}/{id}", kind.code()),
                    false,
                ),
                None => (
                    format!("/crisis/{crisis}/{}", kind.slug()),
                    format!("/api/v1/crises/{crisis}/entries/{}", kind.code()),
                    true,
                ),
            },
        };
        match door {
            Door::Form => {
                let rev_text = rev.to_string();
                let mut pairs = input.pairs();
                if !creating {
                    pairs.push(("rev", &rev_text));
                }
                let r = self.browser.post_form(&path, &pairs).await;
                let status = r.status();
                let page = r.text().await.expect("body");
                match status {
                    StatusCode::SEE_OTHER => None,
                    StatusCode::UNPROCESSABLE_ENTITY => Some(form_errors(&page, input)),
                    StatusCode::PAYLOAD_TOO_LARGE => {
                        let size: usize = pairs.iter().map(|(k, v)| 3 * (k.len() + v.len())).sum();
                        assert!(size > 2 * 1024 * 1024, "{what}: 413 for a small form");
                        assert!(page.contains("<h1"), "{what}: a 413 page");
                        Some(vec![TOO_LARGE.clone()])
                    }
                    other => panic!("{what}: the form answered {other}"),
                }
            }
            Door::Api => {
                let r = if creating {
                    self.api.post_json(&api_path, &input.json(None)).await
                } else {
                    self.api.put_json(&api_path, &input.json(Some(rev))).await
                };
                match r.status() {
                    StatusCode::OK | StatusCode::CREATED => None,
                    StatusCode::UNPROCESSABLE_ENTITY => Some(problem_errors(r).await),
                    other => {
                        let body = r.text().await.unwrap_or_default();
                        panic!("{what}: the API answered {other}: {body}")
                    }
                }
            }
        }
    }

    /// Saves `payload` into every text field of the target through `door`, and checks the
    /// outcome: kept exactly, or refused with every offending field named and nothing
    /// changed; then the refused fields are left out and the rest must be kept exactly.
    async fn push(
        &self,
        door: Door,
        schema: &Schema,
        target: &mut Target,
        payload: &str,
        t: &Targets,
    ) {
        let mut input = input_for(schema, payload, t);
        let short: String = payload.chars().take(40).collect();
        for attempt in 0..2 {
            let (rev, before) = self.rev_and_data(target).await;
            let known = match target {
                Target::Entry { crisis, kind, .. } => self.entry_ids(crisis, *kind).await,
                Target::Record { .. } => BTreeSet::new(),
            };
            let outcome = self.send(door, target, &input, rev).await;
            let ctx = format!(
                "{} {door:?} {} attempt {attempt}: {short:?}",
                self.app.db_name, schema.code
            );
            let expected_refused: BTreeSet<String> = input
                .tested
                .iter()
                .filter(|(_, v)| matches!(v, Verdict::Refused(_)))
                .map(|(k, _)| k.clone())
                .collect();
            match outcome {
                None => {
                    assert!(
                        expected_refused.is_empty(),
                        "{ctx}: saved although {expected_refused:?} should be refused"
                    );
                    let data = match target {
                        Target::Entry { crisis, kind, id } => {
                            let now = self.entry_ids(crisis, *kind).await;
                            let new: Vec<_> = now.difference(&known).collect();
                            let saved = match id {
                                Some(id) => id.clone(),
                                None => {
                                    assert_eq!(new.len(), 1, "{ctx}: one new entry");
                                    new[0].to_string()
                                }
                            };
                            self.app
                                .store
                                .entry(
                                    self.app.ws,
                                    crisis.parse().expect("crisis"),
                                    saved.parse().expect("id"),
                                )
                                .await
                                .expect("entry")
                                .data
                        }
                        Target::Record { .. } => self.rev_and_data(target).await.1,
                    };
                    for (name, v) in &input.tested {
                        let Verdict::Stored(expected) = v else {
                            unreachable!()
                        };
                        assert_eq!(
                            stored(&data, name),
                            Some(expected.as_str()),
                            "{ctx}: {name} keeps the text exactly"
                        );
                    }
                    return;
                }
                Some(refusal) if refusal == [TOO_LARGE.clone()] => {
                    let (rev_after, after) = self.rev_and_data(target).await;
                    assert_eq!(
                        (rev_after, &after),
                        (rev, &before),
                        "{ctx}: nothing changed"
                    );
                    return;
                }
                Some(refusal) => {
                    assert!(!refusal.is_empty(), "{ctx}: a refusal names its fields");
                    let named: BTreeSet<String> =
                        refusal.iter().map(|(f, _, _)| f.clone()).collect();
                    for (field, code, message) in &refusal {
                        assert!(
                            input.tested.contains_key(field),
                            "{ctx}: refused {field} ({code}), which held no payload"
                        );
                        assert!(
                            !message.trim().is_empty() && !message.starts_with("error-"),
                            "{ctx}: {field} has a message: {message:?}"
                        );
                        if let (Door::Api, Some(Verdict::Refused(c))) =
                            (door, input.tested.get(field))
                        {
                            assert_eq!(code, c, "{ctx}: {field}");
                        }
                    }
                    for f in &expected_refused {
                        assert!(named.contains(f), "{ctx}: {f} refused by name: {refusal:?}");
                    }
                    let (rev_after, after) = self.rev_and_data(target).await;
                    assert_eq!(
                        (rev_after, &after),
                        (rev, &before),
                        "{ctx}: nothing changed"
                    );
                    if let Target::Entry { crisis, kind, .. } = target {
                        assert_eq!(
                            self.entry_ids(crisis, *kind).await,
                            known,
                            "{ctx}: no entry added"
                        );
                    }
                    assert!(
                        attempt == 0,
                        "{ctx}: refused again without the refused fields"
                    );
                    input = input.without(schema, &named);
                }
            }
        }
    }
}

/// An administrator (who may write every kind, aftercare included) with a browser session and
/// an API token, and a record of each kind to point at.
async fn setup(app: &TestApp) -> (Browser, Api, Targets) {
    let mut browser = app.login(&email_for(Role::Admin)).await;
    browser.refresh_csrf("/voorbereiden/contacten").await;
    let api = app.api_as(&email_for(Role::Admin)).await;
    let mut t = Targets {
        user: app.user_id(&email_for(Role::Member)).await.to_string(),
        ..Targets::default()
    };
    for (kind, body) in [
        (RecordKind::Contact, json!({"name": "Referentiecontact"})),
        (
            RecordKind::Team,
            json!({"name": "Referentieteam", "standard": "calamity_team"}),
        ),
        (
            RecordKind::Organisation,
            json!({"name": "Referentieorganisatie", "org_type": "supplier"}),
        ),
        (
            RecordKind::Process,
            json!({"name": "Referentieproces", "criticality": "vital"}),
        ),
        (
            RecordKind::RiskObject,
            json!({"name": "Referentieobject", "object_type": "seveso"}),
        ),
        (
            RecordKind::DutyType,
            json!({"name": "Referentieplicht", "basis": "Contract"}),
        ),
        (RecordKind::SafeCheck, json!({"name": "Referentiecontrole"})),
        (
            RecordKind::LearningGoal,
            json!({"name": "Referentieleerdoel", "theme": "alerting"}),
        ),
        (
            RecordKind::ExerciseScript,
            json!({"name": "Referentiedraaiboek"}),
        ),
    ] {
        let r = api
            .post_json(&format!("/api/v1/register/{}", kind.code()), &body)
            .await;
        assert_eq!(r.status(), StatusCode::CREATED, "{kind}");
        let v: Value = r.json().await.expect("json");
        t.records
            .insert(kind, v["id"].as_str().expect("id").to_owned());
    }
    (browser, api, t)
}

/// Creates the record that the payloads are saved into, with valid values only.
async fn base_record(api: &Api, kind: RecordKind, t: &Targets) -> String {
    let input = input_for(kind.schema(), "", t);
    let mut body = Input::default();
    for (k, v) in &input.values {
        body.values.insert(k.clone(), v.clone());
    }
    for k in input.tested.keys() {
        if field_of(kind.schema(), k).is_some_and(|f| f.required) {
            body.values
                .insert(k.clone(), format!("Proef {}", kind.code()));
        } else {
            body.values.remove(k);
        }
    }
    let r = api
        .post_json(
            &format!("/api/v1/register/{}", kind.code()),
            &body.json(None),
        )
        .await;
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert_eq!(status, StatusCode::CREATED, "{kind}: {v}");
    v["id"].as_str().expect("id").to_owned()
}

async fn register_story(door: Door) {
    let corpus = payloads();
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let (browser, api, t) = setup(&app).await;
        let saver = Saver {
            app: &app,
            browser: &browser,
            api: &api,
        };
        for kind in RecordKind::ALL {
            let id = base_record(&api, kind, &t).await;
            let mut target = Target::Record { kind, id };
            for p in &corpus {
                saver.push(door, kind.schema(), &mut target, p, &t).await;
            }
        }
    }
}

#[tokio::test]
async fn every_payload_in_every_text_field_of_every_register_form_is_kept_exactly_or_refused_by_name()
 {
    register_story(Door::Form).await;
}

#[tokio::test]
async fn every_payload_in_every_text_field_of_every_register_record_through_the_api_is_kept_exactly_or_refused_by_name()
 {
    register_story(Door::Api).await;
}

async fn open_crisis(api: &Api, title: &str, known: &str) -> String {
    let r = api
        .post_json(
            "/api/v1/crises",
            &json!({"title": title, "known": known, "phase": "warm"}),
        )
        .await;
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert_eq!(status, StatusCode::CREATED, "{v}");
    v["id"].as_str().expect("id").to_owned()
}

async fn crisis_story(door: Door) {
    let corpus = payloads();
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let (browser, api, mut t) = setup(&app).await;
        let crisis = open_crisis(&api, "Ransomware", "Losgeldbericht").await;
        // One entry of each kind to point at, and to change again and again.
        // Exercise control's kinds are written through its own commands (tests/web/exercise.rs).
        for kind in EntryKind::ALL.into_iter().filter(|k| !k.exercise_staff()) {
            let input = input_for(kind.schema(), "Gewone tekst", &t);
            let r = api
                .post_json(
                    &format!("/api/v1/crises/{crisis}/entries/{}", kind.code()),
                    &input.json(None),
                )
                .await;
            let status = r.status();
            let v: Value = r.json().await.expect("json");
            assert_eq!(status, StatusCode::CREATED, "{kind}: {v}");
            t.entries
                .insert(kind, v["id"].as_str().expect("id").to_owned());
        }
        let saver = Saver {
            app: &app,
            browser: &browser,
            api: &api,
        };
        for kind in EntryKind::ALL.into_iter().filter(|k| !k.exercise_staff()) {
            let id = (!kind.immutable()).then(|| t.entries[&kind].clone());
            let mut target = Target::Entry {
                crisis: crisis.clone(),
                kind,
                id,
            };
            for p in &corpus {
                saver.push(door, kind.schema(), &mut target, p, &t).await;
            }
        }
    }
}

#[tokio::test]
async fn every_payload_in_every_text_field_of_every_crisis_entry_form_is_kept_exactly_or_refused_by_name()
 {
    crisis_story(Door::Form).await;
}

#[tokio::test]
async fn every_payload_in_every_text_field_of_every_crisis_entry_through_the_api_is_kept_exactly_or_refused_by_name()
 {
    crisis_story(Door::Api).await;
}

// ---------------------------------------------------------------- inert HTML

/// The elements the product's own templates use; anything else in a page came from input.
const KNOWN_TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "link",
    "body",
    "datalist",
    "header",
    "nav",
    "main",
    "footer",
    "a",
    "p",
    "div",
    "span",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "form",
    "input",
    "select",
    "option",
    "optgroup",
    "textarea",
    "button",
    "label",
    "fieldset",
    "legend",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "aside",
    "figure",
    "figcaption",
    "svg",
    "g",
    "circle",
    "line",
    "text",
    "desc",
    "path",
    "rect",
    "polyline",
    "polygon",
    "marker",
    "defs",
    "tspan",
    "ellipse",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "strong",
    "em",
    "b",
    "i",
    "small",
    "time",
    "abbr",
    "br",
    "hr",
    "code",
    "pre",
    "kbd",
    "script",
    "colgroup",
    "col",
    "mark",
    "ins",
    "del",
    "s",
    "sup",
    "sub",
    "q",
    "blockquote",
    "cite",
    "output",
    "progress",
    "meter",
    "noscript",
    "template",
    "use",
    "symbol",
    "img",
];

/// Reads a page as a browser's tokenizer would and fails on anything that could run: an
/// element the templates do not use, a script that is not one of our assets, an event
/// handler attribute, a `javascript:` or `data:` address, an inline style.
fn assert_inert(page: &str, ctx: &str) {
    let b = page.as_bytes();
    let mut i = 0;
    while let Some(off) = page[i..].find('<') {
        let start = i + off;
        let rest = &page[start..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(page.len(), |e| start + e + 3);
            i = end;
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("</") {
            let end = rest.find('>').map_or(page.len(), |e| start + e + 1);
            i = end;
            continue;
        }
        if !b.get(start + 1).is_some_and(u8::is_ascii_alphabetic) {
            i = start + 1;
            continue;
        }
        // The tag name, then attributes up to the closing `>` outside quotes.
        let mut j = start + 1;
        while j < b.len() && !matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>') {
            j += 1;
        }
        let name = page[start + 1..j].to_ascii_lowercase();
        assert!(
            KNOWN_TAGS.contains(&name.as_str()),
            "{ctx}: an element <{name}> that no template writes: {}",
            &page[start..(start + 120).min(page.len())]
        );
        let mut attrs: Vec<(String, String)> = vec![];
        loop {
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            let a = j;
            while j < b.len() && !matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>' | b'=')
            {
                j += 1;
            }
            let attr = page[a..j].to_ascii_lowercase();
            let mut value = String::new();
            if j < b.len() && b[j] == b'=' {
                j += 1;
                if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                    let q = b[j];
                    let v = j + 1;
                    j = v;
                    while j < b.len() && b[j] != q {
                        j += 1;
                    }
                    value = page[v..j].to_owned();
                    j += 1;
                } else {
                    let v = j;
                    while j < b.len() && !matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | b'>') {
                        j += 1;
                    }
                    value = page[v..j].to_owned();
                }
            }
            attrs.push((attr, value));
        }
        for (attr, value) in &attrs {
            assert!(
                !attr.starts_with("on"),
                "{ctx}: an event handler {attr}={value:?} on <{name}>"
            );
            assert!(
                attr != "style",
                "{ctx}: an inline style on <{name}>: {value:?}"
            );
            assert!(
                !attr.is_empty()
                    && attr
                        .bytes()
                        .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b':' || c == b'_'),
                "{ctx}: a broken attribute {attr:?} on <{name}>"
            );
            if matches!(
                attr.as_str(),
                "href" | "src" | "action" | "formaction" | "xlink:href" | "data" | "srcdoc"
            ) {
                let v: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                assert!(
                    !v.starts_with("javascript:")
                        && !v.starts_with("data:")
                        && !v.starts_with("vbscript:")
                        && !v.starts_with("//"),
                    "{ctx}: {attr}={value:?} on <{name}>"
                );
            }
        }
        if name == "script" {
            let src = attrs
                .iter()
                .find(|(a, _)| a == "src")
                .map(|(_, v)| v.as_str());
            assert!(
                src.is_some_and(|s| s.starts_with("/assets/")),
                "{ctx}: a script that is not ours: {attrs:?}"
            );
            let body_start = j + 1;
            assert!(
                page[body_start.min(page.len())..].starts_with("</script>"),
                "{ctx}: an inline script"
            );
        }
        if name == "meta" {
            assert!(
                !attrs.iter().any(|(a, _)| a == "http-equiv"),
                "{ctx}: a meta refresh"
            );
        }
        // Text of these elements is not markup; skip to their end tag.
        let raw_end = match name.as_str() {
            "textarea" | "title" | "script" | "style" => page[j..]
                .to_ascii_lowercase()
                .find(&format!("</{name}"))
                .map(|e| j + e),
            _ => None,
        };
        i = raw_end.unwrap_or(j + 1).min(page.len());
    }
}

/// A text as askama writes it into HTML.
fn html_escaped(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("&#34;"),
            '&' => out.push_str("&#38;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&#60;"),
            '>' => out.push_str("&#62;"),
            c => out.push(c),
        }
    }
    out
}

/// The payload shows as text: escaped, never raw (when escaping changes it).
fn assert_shown_literally(page: &str, text: &str, ctx: &str) {
    let escaped = html_escaped(text);
    // (A text with only `&` may legitimately show inside another's escaped form.)
    if text.contains(['<', '>', '"', '\'']) {
        assert!(!page.contains(text), "{ctx}: {text:?} appears unescaped");
    }
    assert!(page.contains(&escaped), "{ctx}: {text:?} is not shown");
}

// ---------------------------------------------------------------- files people download

/// Rows of a CSV export (`;`, quotes doubled, a byte order mark first).
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("exports are UTF-8");
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte order mark for Excel");
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ';') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => {
                assert!(c != '\r' && c != '\n', "a bare line break outside quotes");
                cell.push(c);
            }
        }
    }
    assert!(
        !quoted && cell.is_empty() && row.is_empty(),
        "the file ends with a row"
    );
    rows
}

/// No cell of a CSV export starts a formula, and each payload is there as text.
fn assert_csv_inert(bytes: &[u8], expected: &[String], ctx: &str) {
    let rows = csv_rows(bytes);
    let header_len = rows.first().map(Vec::len).unwrap_or(0);
    let mut cells = BTreeSet::new();
    for row in &rows {
        assert_eq!(row.len(), header_len, "{ctx}: every row has every column");
        for cell in row {
            assert!(
                !cell.starts_with([
                    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}'
                ]),
                "{ctx}: a cell a spreadsheet runs: {cell:?}"
            );
            cells.insert(cell.clone());
        }
    }
    for text in expected {
        let neutral = if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\u{FF1D}']) {
            format!("'{text}")
        } else {
            text.clone()
        };
        assert!(cells.contains(&neutral), "{ctx}: {neutral:?} is a cell");
    }
}

/// vCard and iCalendar: CRLF only, folded at 75 octets, no control character in a line.
fn assert_content_lines(text: &str, ctx: &str) -> Vec<(String, String)> {
    let bytes = text.as_bytes();
    assert!(text.ends_with("\r\n"), "{ctx}: ends with CRLF");
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "{ctx}: a bare LF at {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "{ctx}: a bare CR at {i}");
        }
    }
    for line in text.trim_end_matches("\r\n").split("\r\n") {
        assert!(line.len() <= 75, "{ctx}: a line of {} octets", line.len());
        assert!(!line.chars().any(char::is_control), "{ctx}: {line:?}");
    }
    text.replace("\r\n ", "")
        .trim_end_matches("\r\n")
        .split("\r\n")
        .map(|l| {
            let (name, value) = l.split_once(':').expect("a content line has a colon");
            (name.to_owned(), value.to_owned())
        })
        .collect()
}

fn unescape_text(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(c) => out.push(c),
                None => panic!("a dangling backslash in {value:?}"),
            }
        } else {
            assert!(c != ';' && c != ',', "an unescaped {c:?} in {value:?}");
            out.push(c);
        }
    }
    out
}

/// A text as a vCard or iCalendar TEXT value carries it.
fn as_written(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace(['\r', '\u{85}', '\u{2028}', '\u{2029}'], "\n")
        .replace('\t', " ")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

/// Typst injections whose result, if they were evaluated, would be this text.
const NOT_EVALUATED: &[(&str, &str)] = &[
    ("#eval(\"7331*3\")", "21993"),
    ("#(7331+1)", "7332"),
    ("{{7331*7}}", "51317"),
    ("#{7331*5}", "36655"),
    ("<%= 7331*11 %>", "80641"),
];

fn assert_pdf_literal(bytes: &[u8], expected: &[String], ctx: &str) {
    assert!(bytes.starts_with(b"%PDF"), "{ctx}: a PDF");
    let text = pdf_text(bytes);
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for (payload, result) in NOT_EVALUATED {
        let p: String = payload.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(squeezed.contains(&p), "{ctx}: {payload} prints literally");
        assert!(
            !stands_alone(&text, result),
            "{ctx}: {payload} was evaluated"
        );
    }
    assert!(!text.contains("root:x:0"), "{ctx}: no file was read");
    // Table cells wrap, and pdftotext then interleaves the lines of neighbouring cells:
    // each word (or its first twelve characters) must be there.
    for e in expected {
        for word in e.split_whitespace() {
            let w: String = word.chars().take(12).collect();
            assert!(
                squeezed.contains(&w),
                "{ctx}: {w:?} of {e:?} prints literally"
            );
        }
    }
}

/// Whether `number` occurs as a number of its own, not inside a longer run of letters and
/// digits: a head hash such as `…a36655f…` is not the result of `#{7331*5}`.
fn stands_alone(text: &str, number: &str) -> bool {
    text.match_indices(number).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + number.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Payloads that print as they are: printable ASCII and the markup of HTML and typst.
fn printable(p: &str) -> bool {
    p.chars().count() <= 100 && p.chars().all(|c| c.is_ascii_graphic() || c == ' ')
}

// ---------------------------------------------------------------- what people see

/// Saves through the API and returns the new id.
async fn create(api: &Api, path: &str, body: Value) -> String {
    let r = api.post_json(path, &body).await;
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert_eq!(status, StatusCode::CREATED, "{path}: {v}");
    v["id"].as_str().expect("id").to_owned()
}

fn kept(ty: FieldType, p: &str) -> Option<String> {
    match verdict(ty, p) {
        Some(Verdict::Stored(s)) if !s.is_empty() => Some(s),
        _ => None,
    }
}

const NAME: FieldType = FieldType::Text { max: 120 };
const LINE: FieldType = FieldType::Text { max: 200 };
const NOTE: FieldType = FieldType::LongText { max: 2000 };
const TEXT: FieldType = FieldType::LongText { max: 5000 };

#[tokio::test]
async fn hostile_text_comes_out_inert_in_pages_spreadsheets_phones_agendas_and_on_paper() {
    let corpus = payloads();
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let (mut browser, api, t) = setup(&app).await;
        let process = t.records[&RecordKind::Process].clone();
        let crisis = open_crisis(
            &api,
            "Oefening <script>window.__pwned=1</script>",
            "#eval(\"7331*3\")",
        )
        .await;

        let mut contacts: Vec<(String, String, Option<String>)> = vec![];
        let mut risk_names = vec![];
        let mut meeting_names = vec![];
        let mut decision_titles = vec![];
        for (i, p) in corpus.iter().enumerate() {
            // A contact: the payload in its name (with a number, names are unique), its
            // function and its notes.
            let name = kept(NAME, p)
                .filter(|n| n.chars().count() <= 110)
                .map(|n| format!("{n} {i}"))
                .unwrap_or_else(|| format!("Contact {i}"));
            let notes = kept(NOTE, p);
            let id = create(
                &api,
                "/api/v1/register/contact",
                json!({"name": name, "function": kept(NAME, p), "notes": notes,
                    "alternative_channel": kept(FieldType::LongText { max: 500 }, p),
                    "phones": [{"label": "night", "number": format!("06-{:08}", 20_000_000 + i)}]}),
            )
            .await;
            contacts.push((id, name.clone(), notes.clone()));
            // A risk object that depends on a process: it is drawn in the pictures.
            if let Some(n) = kept(NAME, p).filter(|n| n.chars().count() <= 110) {
                let n = format!("{n} {i}");
                create(
                    &api,
                    "/api/v1/register/risk_object",
                    json!({"name": n, "object_type": "seveso", "public_order": kept(FieldType::LongText { max: 2000 }, p),
                        "depends_on": [{"on": process, "hold_out_minutes": 30 + i, "note": kept(LINE, p)}]}),
                )
                .await;
                risk_names.push(n);
            }
            // A weekly meeting: name, place and agenda.
            let meeting = kept(NAME, p)
                .filter(|n| n.chars().count() <= 110)
                .map(|n| format!("{n} {i}"))
                .unwrap_or_else(|| format!("Overleg {i}"));
            create(
                &api,
                "/api/v1/register/meeting",
                json!({"name": meeting, "frequency": "weekly", "first_start": "2026-12-01T10:00",
                    "duration_minutes": 60, "location": kept(LINE, p), "agenda": notes}),
            )
            .await;
            meeting_names.push(meeting);
            // In the crisis: a log line and a decision.
            if let Some(text) = kept(TEXT, p) {
                create(
                    &api,
                    &format!("/api/v1/crises/{crisis}/entries/log"),
                    json!({"occurred_at": "2026-11-28T10:00", "category": "report", "text": text, "source": kept(LINE, p)}),
                )
                .await;
            }
            let title = kept(LINE, p).unwrap_or_else(|| format!("Besluit {i}"));
            create(
                &api,
                &format!("/api/v1/crises/{crisis}/entries/decision"),
                json!({"title": title, "decision": kept(TEXT, p).unwrap_or_else(|| "Besluit".into()),
                    "considerations": kept(TEXT, p).unwrap_or_else(|| "Afweging".into()),
                    "decided_by": "Burgemeester", "decided_at": "2026-11-28T10:00"}),
            )
            .await;
            decision_titles.push(title);
        }
        // A roster with a shift for every contact, and a team with the first sixty.
        let shifts: Vec<Value> = contacts
            .iter()
            .enumerate()
            .map(|(k, (id, _, _))| {
                let start =
                    jiff::Timestamp::from_second(1_796_083_200 + 3600 * k as i64).expect("ts");
                let end = jiff::Timestamp::from_second(1_796_083_200 + 3600 * (k as i64 + 1))
                    .expect("ts");
                json!({"person": id, "start": start.to_string(), "end": end.to_string()})
            })
            .collect();
        let roster = create(
            &api,
            "/api/v1/register/roster",
            json!({"name": "Piket </title><script>window.__pwned=1</script>", "duty": "ciso", "shifts": shifts}),
        )
        .await;
        let members: Vec<Value> = contacts
            .iter()
            .take(60)
            .map(|(id, _, _)| json!({"contact": id, "team_role": "member"}))
            .collect();
        let team = create(
            &api,
            "/api/v1/register/team",
            json!({"name": "Team \" onmouseover=\"window.__pwned=1", "standard": "policy_team", "members": members}),
        )
        .await;

        // Pages: nothing in them can run, and each payload shows as text.
        let db = app.db_name;
        let mut pages = vec![
            "/".to_owned(),
            "/voorbereiden/contacten".into(),
            "/voorbereiden/contacten?q=%3Cscript".into(),
            "/voorbereiden/risico-objecten".into(),
            "/voorbereiden/overleggen".into(),
            "/voorbereiden/cascade".into(),
            "/voorbereiden/afhankelijkheden".into(),
            format!("/voorbereiden/piket/{roster}"),
            format!("/voorbereiden/teams/{team}"),
            format!("/voorbereiden/teams/{team}/bewerken"),
            format!("/crisis/{crisis}"),
            format!("/crisis/{crisis}/logboek"),
            format!("/crisis/{crisis}/besluiten"),
            format!("/crisis/{crisis}/tijdlijn?alle=ja"),
            format!("/crisis/{crisis}/situatierapport"),
            "/crisis".into(),
        ];
        for (id, _, _) in &contacts {
            pages.push(format!("/voorbereiden/contacten/{id}"));
            pages.push(format!("/voorbereiden/contacten/{id}/bewerken"));
        }
        for path in &pages {
            let (status, page) = browser.page(path).await;
            assert_eq!(status, StatusCode::OK, "{db} {path}");
            assert_inert(&page, &format!("{db} {path}"));
        }
        for (id, name, notes) in &contacts {
            for path in [
                format!("/voorbereiden/contacten/{id}"),
                format!("/voorbereiden/contacten/{id}/bewerken"),
            ] {
                let (_, page) = browser.page(&path).await;
                let ctx = format!("{db} {path}");
                assert_shown_literally(&page, name, &ctx);
                for line in notes.iter().flat_map(|n| n.lines()) {
                    assert_shown_literally(&page, line, &ctx);
                }
            }
        }
        let (_, list) = browser.page("/voorbereiden/contacten").await;
        for (_, name, _) in &contacts {
            assert_shown_literally(&list, name, &format!("{db} the contact list"));
        }
        let (_, log) = browser.page(&format!("/crisis/{crisis}/besluiten")).await;
        for title in &decision_titles {
            assert_shown_literally(&log, title, &format!("{db} the decisions"));
        }

        // Spreadsheets: no cell starts a formula.
        let names: Vec<String> = contacts.iter().map(|(_, n, _)| n.clone()).collect();
        let csv = browser.get("/voorbereiden/contacten/export.csv").await;
        assert_eq!(csv.status(), StatusCode::OK);
        assert_csv_inert(
            &csv.bytes().await.expect("csv"),
            &names,
            &format!("{db} contacts.csv"),
        );
        let csv = browser
            .get("/voorbereiden/risico-objecten/export.csv")
            .await;
        assert_eq!(csv.status(), StatusCode::OK);
        assert_csv_inert(
            &csv.bytes().await.expect("csv"),
            &risk_names,
            &format!("{db} risico-objecten.csv"),
        );
        let csv = browser
            .get("/voorbereiden/afhankelijkheden/export.csv")
            .await;
        assert_eq!(csv.status(), StatusCode::OK);
        assert_csv_inert(
            &csv.bytes().await.expect("csv"),
            &risk_names,
            &format!("{db} afhankelijkheden.csv"),
        );

        // Phones: every card begins and ends once, every text stays in its property.
        for (path, expected) in [
            (
                "/voorbereiden/contacten/export.vcf".to_owned(),
                contacts.len() + 1,
            ),
            (format!("/voorbereiden/teams/{team}/export.vcf"), 60),
        ] {
            let r = browser.get(&path).await;
            assert_eq!(r.status(), StatusCode::OK, "{path}");
            let text = r.text().await.expect("vcf");
            let ctx = format!("{db} {path}");
            let lines = assert_content_lines(&text, &ctx);
            let mut cards = 0;
            let mut open = false;
            let mut fns = BTreeSet::new();
            for (name, value) in &lines {
                let property = name.split_once('.').map_or(name.as_str(), |(_, p)| p);
                match (name.as_str(), value.as_str()) {
                    ("BEGIN", "VCARD") => {
                        assert!(!open, "{ctx}: a card inside a card");
                        open = true;
                        cards += 1;
                    }
                    ("END", "VCARD") => {
                        assert!(open, "{ctx}: an END outside a card");
                        open = false;
                    }
                    ("FN", v) => {
                        fns.insert(unescape_text(v));
                    }
                    ("N", _) | ("VERSION", _) => {}
                    (_, v) if matches!(property, "ORG" | "TITLE" | "NOTE" | "X-ABLabel") => {
                        unescape_text(v);
                    }
                    _ if property.starts_with("TEL;TYPE=") || property == "EMAIL;TYPE=INTERNET" => {
                    }
                    other => panic!("{ctx}: an injected line {other:?}"),
                }
            }
            assert!(!open, "{ctx}: the last card is closed");
            assert_eq!(cards, expected, "{ctx}: one card per contact");
            if expected > 60 {
                for n in &names {
                    assert!(fns.contains(&as_written(n)), "{ctx}: {n:?} is a name");
                }
            }
        }

        // Agendas: every event begins and ends once, every text stays in its property.
        let mut feeds = vec![];
        for path in [
            format!("/voorbereiden/piket/{roster}/agendalink"),
            "/voorbereiden/overleggen/agendalink".to_owned(),
        ] {
            let r = browser.post_form(&path, &[]).await;
            assert_eq!(r.status(), StatusCode::OK, "{path}");
            let page = r.text().await.expect("page");
            let start = page.find("/agenda/").expect("the link is shown once");
            let link: String = page[start..].chars().take_while(|c| *c != '<').collect();
            let expected = if path.contains("piket") {
                names.clone()
            } else {
                meeting_names.clone()
            };
            feeds.push((link.trim().to_owned(), expected));
        }
        browser.refresh_csrf("/voorbereiden/contacten").await;
        for (link, expected) in feeds {
            let events = expected.len();
            let r = reqwest::get(format!("{}{link}", app.base))
                .await
                .expect("feed");
            assert_eq!(r.status(), StatusCode::OK, "{link}");
            let text = r.text().await.expect("ics");
            let ctx = format!("{db} {link}");
            let lines = assert_content_lines(&text, &ctx);
            let mut depth: Vec<String> = vec![];
            let mut found = 0;
            let mut summaries = vec![];
            for (name, value) in &lines {
                match name.as_str() {
                    "BEGIN" => {
                        if value == "VEVENT" {
                            found += 1;
                        }
                        depth.push(value.clone());
                    }
                    "END" => {
                        assert_eq!(depth.pop().as_ref(), Some(value), "{ctx}: components nest")
                    }
                    "SUMMARY" => summaries.push(unescape_text(value)),
                    "DESCRIPTION" | "LOCATION" | "UID" | "NAME" | "X-WR-CALNAME" => {
                        unescape_text(value);
                    }
                    "VERSION" | "PRODID" | "CALSCALE" | "METHOD" | "DTSTAMP" | "DTSTART"
                    | "DTEND" | "RRULE" | "TZID" | "TZOFFSETFROM" | "TZOFFSETTO" | "TZNAME" => {}
                    n if n.starts_with("DTSTART;TZID=") || n.starts_with("DTEND;TZID=") => {}
                    other => panic!("{ctx}: an injected line {other:?}"),
                }
            }
            assert!(depth.is_empty(), "{ctx}: every component is closed");
            assert_eq!(found, events, "{ctx}: one event per shift or meeting");
            let unfolded = icalendar::parser::unfold(&text);
            let parsed =
                icalendar::parser::read_calendar(&unfolded).expect("a strict reader reads it");
            assert_eq!(
                parsed
                    .components
                    .iter()
                    .filter(|c| c.name == "VEVENT")
                    .count(),
                events,
                "{ctx}: a calendar program finds every event"
            );
            for m in &expected {
                assert!(
                    summaries.iter().any(|s| s.contains(&as_written(m))),
                    "{ctx}: {m:?} is a summary"
                );
            }
        }

        // Paper: hostile text prints literally; a typst injection is never evaluated.
        let printable_names: Vec<String> = names.iter().filter(|n| printable(n)).cloned().collect();
        let printable_titles: Vec<String> = decision_titles
            .iter()
            .filter(|n| printable(n))
            .cloned()
            .collect();
        for (path, expected) in [
            ("/afdrukken/crisismap.pdf".to_owned(), &printable_names),
            (
                format!("/crisis/{crisis}/situatierapport.pdf"),
                &printable_titles,
            ),
            (format!("/crisis/{crisis}/besluiten.pdf"), &printable_titles),
        ] {
            let r = browser.get(&path).await;
            assert_eq!(r.status(), StatusCode::OK, "{db} {path}");
            assert_eq!(r.headers()["content-type"], "application/pdf");
            let bytes = r.bytes().await.expect("pdf");
            assert_pdf_literal(&bytes, expected, &format!("{db} {path}"));
        }
    }
}

// ---------------------------------------------------------------- broken bodies

/// Sends raw bytes as a form, with the session's CSRF token in its header.
async fn raw_form(b: &Browser, path: &str, body: Vec<u8>) -> reqwest::Response {
    b.client
        .post(format!("{}{path}", b.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-csrf-token", &b.csrf)
        .body(body)
        .send()
        .await
        .expect("request")
}

async fn raw_api(api: &Api, path: &str, content_type: &str, body: Vec<u8>) -> reqwest::Response {
    api.client
        .post(format!("{}{path}", api.base))
        .bearer_auth(&api.token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("request")
}

async fn problem(r: reqwest::Response, status: StatusCode, ctx: &str) -> Value {
    assert_eq!(r.status(), status, "{ctx}");
    assert_eq!(
        r.headers()["content-type"],
        "application/problem+json",
        "{ctx}: problem+json"
    );
    let v: Value = r.json().await.expect("problem json");
    assert_eq!(v["status"], status.as_u16(), "{ctx}: {v}");
    v
}

fn error_fields(problem: &Value) -> BTreeSet<String> {
    problem["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .filter_map(|e| e["field"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn invalid_utf8_control_characters_and_a_ten_megabyte_field_are_refused_and_store_nothing() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let (browser, api, _) = setup(&app).await;
        let db = app.db_name;
        let crisis = open_crisis(&api, "Storing", "Onbekend").await;
        let contacts = || async {
            app.store
                .records(app.ws, RecordKind::Contact)
                .await
                .expect("records")
                .len()
        };
        let before = contacts().await;
        let log_entries = || async {
            app.store
                .entries(app.ws, crisis.parse().expect("id"), &[EntryKind::Log])
                .await
                .expect("entries")
                .len()
        };

        // A form with bytes that are not UTF-8: raw, and percent-encoded.
        for body in [
            b"name=Sanne\xff\xfe de Vries".to_vec(),
            b"name=Sanne%FF%FE+de+Vries".to_vec(),
            b"name=Caf%C3".to_vec(),
            b"name=ok&notes=%ED%A0%80".to_vec(),
        ] {
            let r = raw_form(&browser, "/voorbereiden/contacten", body.clone()).await;
            let status = r.status();
            let content_type = r.headers()["content-type"].to_str().expect("ct").to_owned();
            let page = r.text().await.expect("page");
            assert!(
                status == StatusCode::BAD_REQUEST || status == StatusCode::UNPROCESSABLE_ENTITY,
                "{db} {:?}: {status}",
                String::from_utf8_lossy(&body)
            );
            assert!(content_type.starts_with("text/html"), "{db}: a page");
            assert!(
                !page.contains('\u{FFFD}'),
                "{db}: nothing replaced silently"
            );
            let r = raw_form(
                &browser,
                &format!("/crisis/{crisis}/logboek"),
                [
                    b"occurred_at=2026-11-28T10%3A00&category=report&text=".as_slice(),
                    &body,
                ]
                .concat(),
            )
            .await;
            assert!(
                r.status().is_client_error(),
                "{db}: log entry: {}",
                r.status()
            );
        }
        assert_eq!(contacts().await, before, "{db}: no contact stored");
        assert_eq!(log_entries().await, 0, "{db}: no log entry stored");

        // JSON with bytes that are not UTF-8 is not JSON.
        for body in [
            b"{\"name\": \"Sanne\xff de Vries\"}".to_vec(),
            b"{\"name\": \"\xed\xa0\x80\"}".to_vec(),
        ] {
            let r = raw_api(&api, "/api/v1/register/contact", "application/json", body).await;
            let p = problem(r, StatusCode::BAD_REQUEST, db).await;
            assert!(
                p["detail"].as_str().is_some_and(|d| !d.is_empty()),
                "{db}: {p}"
            );
        }
        // A lone surrogate escape is not a character either.
        let r = raw_api(
            &api,
            "/api/v1/register/contact",
            "application/json",
            br#"{"name": "Sanne \ud800 de Vries"}"#.to_vec(),
        )
        .await;
        problem(r, StatusCode::BAD_REQUEST, db).await;

        // Control characters sent as JSON escapes: refused by field.
        for (c, field) in [
            ("\\u0000", "name"),
            ("\\u0007", "function"),
            ("\\u001b[31m", "organisation"),
        ] {
            let body = format!(r#"{{"name": "Sanne", "{field}": "a{c}b"}}"#);
            let r = raw_api(
                &api,
                "/api/v1/register/contact",
                "application/json",
                body.into_bytes(),
            )
            .await;
            let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY, db).await;
            assert_eq!(
                error_fields(&p),
                BTreeSet::from([field.to_owned()]),
                "{db}: {p}"
            );
            assert_eq!(p["errors"][0]["code"], "control_characters");
        }

        // Ten megabytes in one field: too large for any door.
        let huge = "A".repeat(10 * 1024 * 1024);
        let r = browser
            .post_form(
                "/voorbereiden/contacten",
                &[("name", "Sanne"), ("notes", &huge)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE, "{db}: form");
        assert!(
            r.headers()["content-type"]
                .to_str()
                .expect("ct")
                .starts_with("text/html")
        );
        let page = r.text().await.expect("page");
        assert_inert(&page, "413 page");
        let r = api
            .post_json(
                "/api/v1/register/contact",
                &json!({"name": "Sanne", "notes": huge}),
            )
            .await;
        problem(r, StatusCode::PAYLOAD_TOO_LARGE, db).await;
        let r = api
            .post_json(
                &format!("/api/v1/crises/{crisis}/entries/log"),
                &json!({"occurred_at": "2026-11-28T10:00", "category": "report", "text": huge}),
            )
            .await;
        problem(r, StatusCode::PAYLOAD_TOO_LARGE, db).await;
        // Under the limit but over the field's: refused by field.
        let big = "A".repeat(1024 * 1024);
        let r = api
            .post_json(
                "/api/v1/register/contact",
                &json!({"name": "Sanne", "notes": big}),
            )
            .await;
        let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY, db).await;
        assert_eq!(error_fields(&p), BTreeSet::from(["notes".to_owned()]));
        assert_eq!(p["errors"][0]["code"], "too_long");
        assert_eq!(contacts().await, before, "{db}: nothing stored");
        assert_eq!(log_entries().await, 0, "{db}: no log entry stored");
    }
}

#[tokio::test]
async fn the_api_names_what_is_wrong_with_a_body_it_cannot_take() {
    for db in TestDb::all().await {
        let app = TestApp::spawn(db).await;
        let (browser, api, t) = setup(&app).await;
        let db = app.db_name;
        let crisis = open_crisis(&api, "Storing", "Onbekend").await;
        let count = || async {
            app.store
                .records(app.ws, RecordKind::Contact)
                .await
                .expect("records")
                .len()
        };
        let before = count().await;
        let path = "/api/v1/register/contact";

        // Not JSON at all: 415.
        for ct in [
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/xml",
        ] {
            let r = raw_api(&api, path, ct, br#"{"name": "Sanne"}"#.to_vec()).await;
            let p = problem(r, StatusCode::UNSUPPORTED_MEDIA_TYPE, &format!("{db} {ct}")).await;
            assert!(
                p["detail"]
                    .as_str()
                    .is_some_and(|d| d.contains("application/json")),
                "{p}"
            );
        }
        let r = api
            .client
            .post(format!("{}{path}", api.base))
            .bearer_auth(&api.token)
            .body(r#"{"name": "Sanne"}"#)
            .send()
            .await
            .expect("request");
        problem(r, StatusCode::UNSUPPORTED_MEDIA_TYPE, "no content type").await;

        // Broken JSON: 400, saying where.
        for (body, at) in [
            (r#"{"name": "Sanne",}"#, "line 1 column 18"),
            (
                "{\"name\": \"Sanne\"\n\"function\": \"CISO\"}",
                "line 2 column 1",
            ),
            (r#"{"name": "Sanne"#, "line 1 column 15"),
            ("", "line 1 column 0"),
        ] {
            let r = raw_api(&api, path, "application/json", body.as_bytes().to_vec()).await;
            let p = problem(r, StatusCode::BAD_REQUEST, &format!("{db} {body:?}")).await;
            let detail = p["detail"].as_str().unwrap_or("");
            assert!(detail.contains(at), "{db} {body:?}: {detail}");
        }

        // JSON of the wrong shape: 422, naming each field.
        for (body, fields) in [
            (json!(["Sanne"]), vec!["body"]),
            (
                json!({"name": "Sanne", "nmae": "Sanne", "telefoon": "06"}),
                vec!["nmae", "telefoon"],
            ),
            (json!({"name": {"first": "Sanne"}}), vec!["name"]),
            (json!({"name": ["Sanne"]}), vec!["name"]),
            (
                json!({"name": "Sanne", "phones": "06-12345678"}),
                vec!["phones"],
            ),
            (
                json!({"name": "Sanne", "phones": [{"label": "night", "nummer": "06-12345678"}]}),
                vec!["phones.0.nummer"],
            ),
            (
                json!({"name": "Sanne", "phones": [{"label": ["night"], "number": "06-12345678"}]}),
                vec!["phones.0.label"],
            ),
            (
                json!({"name": "Sanne", "phones": ["06-12345678"]}),
                vec!["phones.0"],
            ),
        ] {
            let r = api.post_json(path, &body).await;
            let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY, &format!("{db} {body}")).await;
            let expected: BTreeSet<String> = fields.iter().map(|f| (*f).to_owned()).collect();
            assert_eq!(error_fields(&p), expected, "{db} {body}: {p}");
            for e in p["errors"].as_array().expect("errors") {
                assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "{p}");
            }
        }
        // The same for a change, and for a crisis entry.
        let id = t.records[&RecordKind::Contact].clone();
        let r = api
            .put_json(
                &format!("{path}/{id}"),
                &json!({"rev": 1, "name": "Sanne", "bijnaam": "S"}),
            )
            .await;
        let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY, db).await;
        assert_eq!(error_fields(&p), BTreeSet::from(["bijnaam".to_owned()]));
        let r = api
            .post_json(
                &format!("/api/v1/crises/{crisis}/entries/log"),
                &json!({"occurred_at": "2026-11-28T10:00", "category": "report", "text": {"nl": "x"}, "tekst": "x"}),
            )
            .await;
        let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY, db).await;
        assert_eq!(
            error_fields(&p),
            BTreeSet::from(["text".to_owned(), "tekst".to_owned()])
        );
        // What the API itself sends back is accepted again: a record read and sent back.
        let r = api.get(&format!("{path}/{id}")).await;
        let dto: Value = r.json().await.expect("json");
        let mut again = dto["data"].clone();
        again["rev"] = dto["rev"].clone();
        let r = api.put_json(&format!("{path}/{id}"), &again).await;
        assert_eq!(
            r.status(),
            StatusCode::OK,
            "{db}: a record sent back as read"
        );
        assert_eq!(count().await, before, "{db}: nothing stored");

        // Too large: 413 as problem+json under /api, as a page elsewhere.
        let huge = vec![b'a'; 3 * 1024 * 1024];
        let r = raw_api(&api, path, "application/json", huge.clone()).await;
        problem(r, StatusCode::PAYLOAD_TOO_LARGE, db).await;
        let r = raw_form(
            &browser,
            "/voorbereiden/contacten",
            [b"name=".as_slice(), &huge].concat(),
        )
        .await;
        assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE, "{db}: form");
        assert!(
            r.headers()["content-type"]
                .to_str()
                .expect("ct")
                .starts_with("text/html")
        );
        assert_eq!(count().await, before, "{db}: nothing stored");
    }
}
