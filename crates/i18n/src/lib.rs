//! The words of crisismap, in Dutch (first) and English.
//!
//! Every text a person reads (pages, printed documents, the command line) lives in the Fluent
//! files under `locales/<language>/`, embedded at compile time. A message without arguments is
//! formatted once, on first use, and handed out as `&'static str` ([`Tr::t`]); a message with
//! arguments or plural forms is formatted per call ([`Tr::with`], [`Tr::count`]).
//!
//! A key that does not exist shows as [`MISSING`] and is logged; the tests in `tests/keys.rs`
//! make sure that never happens: both languages hold the same keys, every key the code or a
//! template names exists, and every key is used.

#![warn(missing_docs)]

use crisismap_core::{Lang, Role};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

pub use fluent_bundle::FluentValue as Value;

/// What a page shows where a text is missing.
pub const MISSING: &str = "⟦?⟧";

/// The Fluent files of one language: (file name, contents).
pub type Files = &'static [(&'static str, &'static str)];

macro_rules! files {
    ($lang:literal: $($name:literal),+ $(,)?) => {
        &[$(($name, include_str!(concat!("../locales/", $lang, "/", $name, ".ftl")))),+]
    };
}

/// The embedded Fluent files, per language, in [`Lang::ALL`] order.
pub const FILES: [(Lang, Files); 2] = [
    (
        Lang::Nl,
        files!("nl": "general", "register", "crisis", "record", "security", "account", "print", "cli", "exercise"),
    ),
    (
        Lang::En,
        files!("en": "general", "register", "crisis", "record", "security", "account", "print", "cli", "exercise"),
    ),
];

/// The words in one language: `Tr(Lang::Nl).t("nav-overview")` is "Overzicht".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub Lang);

impl Tr {
    /// A message without arguments. An unknown key, or a message that needs arguments, gives
    /// [`MISSING`] and a warning in the log.
    pub fn t(&self, key: &str) -> &'static str {
        match self.try_t(key) {
            Some(text) => text,
            None => {
                tracing::warn!(key, lang = self.0.code(), "missing translation");
                MISSING
            }
        }
    }

    /// A text that may not exist (optional hints).
    pub fn try_t(&self, key: &str) -> Option<&'static str> {
        words(self.0).plain.get(key).copied()
    }

    /// A message with arguments: `tr.with("crisis-transcribed_words", &[("form", "LB-2".into())])`.
    /// An unknown key gives [`MISSING`] and a warning in the log.
    pub fn with(&self, key: &str, args: &[(&str, Value<'_>)]) -> String {
        let words = words(self.0);
        let Some(pattern) = words.bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, lang = self.0.code(), "missing translation");
            return MISSING.to_owned();
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = vec![];
        let text = words
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, lang = self.0.code(), ?errors, "translation arguments");
        }
        text.into_owned()
    }

    /// A message about a number, in the plural form the language wants for it; the number is
    /// the argument `$count`.
    pub fn count(&self, key: &str, count: usize) -> String {
        self.with(key, &[("count", Value::from(count))])
    }

    /// The message a redirect asked for (`?melding=key`), only when the page expects that key:
    /// never text from the address itself.
    pub fn flash(&self, asked: Option<&str>, allowed: &[&str]) -> Option<&'static str> {
        asked
            .filter(|m| allowed.contains(m))
            .map(|m| self.t(&format!("flash-{m}")))
    }

    /// The name of a role, as a person reads it.
    pub fn role(&self, role: Role) -> &'static str {
        self.t(match role {
            Role::Admin => "role-admin",
            Role::Editor => "role-editor",
            Role::Member => "role-member",
            Role::Viewer => "role-viewer",
        })
    }

    /// Every message without arguments whose key starts with `prefix`, by key: the labels of a
    /// printed document (`pdf-`) go to the typesetter this way.
    pub fn all_with_prefix(&self, prefix: &str) -> BTreeMap<&'static str, &'static str> {
        words(self.0)
            .plain
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (*k, *v))
            .collect()
    }
}

/// One language's messages: the bundle, and every message without arguments formatted once.
struct Words {
    bundle: FluentBundle<FluentResource>,
    plain: HashMap<&'static str, &'static str>,
}

static WORDS: LazyLock<[Words; 2]> = LazyLock::new(|| FILES.map(|(lang, files)| load(lang, files)));

fn words(lang: Lang) -> &'static Words {
    let [nl, en] = &*WORDS;
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// A problem in the Fluent files (the tests require there are none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// `nl/crisis.ftl`
    pub file: String,
    /// What is wrong, as the Fluent parser or bundle says it.
    pub problem: String,
}

/// Parses one language's files into a bundle; every problem is returned, none is fatal (a file
/// with an error still gives its good messages).
fn bundle(lang: Lang, files: Files) -> (FluentBundle<FluentResource>, Vec<FileProblem>) {
    let id: unic_langid::LanguageIdentifier =
        lang.code().parse().expect("nl and en are language tags");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Pages and PDFs show the text as it is; the invisible isolation marks Fluent puts around
    // arguments by default would end up in copied text and in the tests' comparisons.
    bundle.set_use_isolating(false);
    let mut problems = vec![];
    for (name, text) in files {
        let file = format!("{}/{name}.ftl", lang.code());
        let resource = match FluentResource::try_new((*text).to_owned()) {
            Ok(r) => r,
            Err((r, errors)) => {
                problems.extend(errors.into_iter().map(|e| FileProblem {
                    file: file.clone(),
                    problem: format!("{e:?}"),
                }));
                r
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(errors.into_iter().map(|e| FileProblem {
                file: file.clone(),
                problem: e.to_string(),
            }));
        }
    }
    (bundle, problems)
}

fn load(lang: Lang, files: Files) -> Words {
    let (bundle, problems) = bundle(lang, files);
    for p in &problems {
        tracing::error!(file = p.file, problem = p.problem, "translation file");
    }
    let mut plain = HashMap::new();
    for id in message_ids(files) {
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = vec![];
        let text = bundle.format_pattern(pattern, None, &mut errors);
        if errors.is_empty() {
            // Formatted once per message and language for the life of the process.
            plain.insert(id, leak(&text));
        }
    }
    Words { bundle, plain }
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

/// The keys of every message in these files, in file order.
pub fn message_ids(files: Files) -> Vec<&'static str> {
    let mut ids = vec![];
    for (_, text) in files {
        let resource = match fluent_syntax::parser::parse(*text) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                ids.push(m.id.name);
            }
        }
    }
    ids
}

/// Every problem in the embedded files: syntax errors and keys defined twice.
pub fn file_problems() -> Vec<FileProblem> {
    FILES
        .iter()
        .flat_map(|(lang, files)| bundle(*lang, files).1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_show_as_missing() {
        assert_eq!(Tr(Lang::Nl).t("no-such-key"), MISSING);
        assert_eq!(Tr(Lang::En).t("nav-prepare"), "Prepare");
        assert_eq!(Tr(Lang::Nl).role(Role::Viewer), "meelezer");
        assert_eq!(Tr(Lang::Nl).with("no-such-key", &[]), MISSING);
    }

    #[test]
    fn a_count_takes_the_form_its_number_needs() {
        let nl = Tr(Lang::Nl);
        assert_eq!(nl.count("dashboard-due-flagged", 1), "1 vraagt aandacht");
        assert_eq!(nl.count("dashboard-due-flagged", 3), "3 vragen aandacht");
        let en = Tr(Lang::En);
        assert_eq!(en.count("dashboard-due-flagged", 1), "1 needs attention");
        assert_eq!(en.count("dashboard-due-flagged", 12), "12 need attention");
    }

    #[test]
    fn arguments_go_in_without_invisible_marks() {
        let text = Tr(Lang::En).with(
            "cli-serving",
            &[("address", Value::from("http://127.0.0.1:8080/"))],
        );
        assert_eq!(
            text,
            "crisismap serves on http://127.0.0.1:8080/ (stop with Ctrl+C)"
        );
    }

    #[test]
    fn a_printed_document_gets_its_labels_in_its_language() {
        let nl = Tr(Lang::Nl).all_with_prefix("pdf-");
        let en = Tr(Lang::En).all_with_prefix("pdf-");
        assert_eq!(nl.get("pdf-contents"), Some(&"Inhoud"));
        assert_eq!(en.get("pdf-contents"), Some(&"Contents"));
        assert_eq!(nl.len(), en.len());
        assert!(nl.keys().all(|k| k.starts_with("pdf-")));
    }
}
