//! The words are complete: both languages say everything, everything the product names exists,
//! and nothing is kept that nobody shows.
//!
//! "Named" means a string literal in the product's source (`crates/*/src`) or templates
//! (`crates/*/templates`: pages and printed documents). A literal such as `"c-phase-{}"` (the
//! format of a key built from a code) names every key it can produce.

use crisismap_core::Lang;
use crisismap_i18n::{FILES, Files, file_problems, message_ids};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn files(lang: Lang) -> Files {
    FILES
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, f)| *f)
        .expect("every language has files")
}

fn keys(lang: Lang) -> BTreeSet<&'static str> {
    message_ids(files(lang)).into_iter().collect()
}

/// The arguments (`{ $name }`) each message of a language takes.
fn arguments(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    fn walk_pattern(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
        for e in &p.elements {
            if let PatternElement::Placeable { expression } = e {
                walk_expression(expression, out);
            }
        }
    }
    fn walk_inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            InlineExpression::Placeable { expression } => walk_expression(expression, out),
            _ => {}
        }
    }
    fn walk_expression(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(i) => walk_inline(i, out),
            Expression::Select { selector, variants } => {
                walk_inline(selector, out);
                for v in variants {
                    walk_pattern(&v.value, out);
                }
            }
        }
    }
    let mut all = BTreeMap::new();
    for (_, text) in files(lang) {
        let resource = fluent_syntax::parser::parse(*text).unwrap_or_else(|(r, _)| r);
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let mut args = BTreeSet::new();
                if let Some(v) = &m.value {
                    walk_pattern(v, &mut args);
                }
                all.insert(m.id.name.to_owned(), args);
            }
        }
    }
    all
}

#[test]
fn the_files_parse_and_no_key_is_defined_twice() {
    let problems = file_problems();
    assert!(
        problems.is_empty(),
        "problems in the Fluent files: {problems:#?}"
    );
}

#[test]
fn both_languages_have_the_same_keys_with_the_same_arguments() {
    let (nl, en) = (keys(Lang::Nl), keys(Lang::En));
    let only_nl: Vec<_> = nl.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&nl).collect();
    assert!(only_nl.is_empty(), "only in Dutch: {only_nl:?}");
    assert!(only_en.is_empty(), "only in English: {only_en:?}");
    let (nl, en) = (arguments(Lang::Nl), arguments(Lang::En));
    let differ: Vec<_> = nl
        .iter()
        .filter(|(k, a)| en.get(*k) != Some(a))
        .map(|(k, a)| format!("{k}: nl {a:?}, en {:?}", en.get(k)))
        .collect();
    assert!(differ.is_empty(), "arguments differ: {differ:#?}");
    assert!(nl.len() > 1000, "the files hold the product's words");
}

/// Every string literal in the product's source and templates, with where it is.
struct Named {
    literals: BTreeMap<String, String>,
    /// Literals right after a call that looks a text up: `t(`, `try_t(`, `with(`, `count(`,
    /// and the typesetter's `w(`.
    looked_up: BTreeMap<String, String>,
    /// The formats of keys built where they are looked up: `t(&format!("c-phase-{}", …))`.
    built: BTreeMap<String, String>,
}

fn product_files() -> Vec<PathBuf> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = vec![];
    let mut stack = vec![];
    for c in std::fs::read_dir(&crates).expect("crates folder") {
        let c = c.expect("entry").path();
        stack.push(c.join("src"));
        stack.push(c.join("templates"));
    }
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("rs" | "html" | "typ")
            ) {
                out.push(p);
            }
        }
    }
    assert!(out.len() > 50, "found the product's source");
    out
}

fn named() -> Named {
    let mut literals = BTreeMap::new();
    let mut looked_up = BTreeMap::new();
    let mut built = BTreeMap::new();
    for path in product_files() {
        let text = std::fs::read_to_string(&path).expect("readable source");
        // A test module names keys to check them, not to show them.
        let text = text.split("\n#[cfg(test)]").next().unwrap_or_default();
        let where_ = path.display().to_string();
        // Every "…" on a line. In a template, quotes nest (`title="{{ ctx.t("x") }}"`), so the
        // pairs can be wrong; the lookups below are read from their calls instead.
        for line in text.lines() {
            for inside in line.split('"').skip(1).step_by(2) {
                literals
                    .entry(inside.to_owned())
                    .or_insert_with(|| where_.clone());
            }
        }
        for call in ["t(&format!(\"", "t(format!(\""] {
            for (at, _) in text.match_indices(call) {
                let named_alone = !text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
                let rest = &text[at + call.len()..];
                if let (true, Some(end)) = (named_alone, rest.find('"')) {
                    built
                        .entry(rest[..end].to_owned())
                        .or_insert_with(|| where_.clone());
                }
            }
        }
        for call in ["t(\"", "try_t(\"", "with(\"", "count(\"", "w(\""] {
            for (at, _) in text.match_indices(call) {
                let named_alone = !text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
                let rest = &text[at + call.len()..];
                if let (true, Some(end)) = (named_alone, rest.find('"')) {
                    let value = &rest[..end];
                    literals
                        .entry(value.to_owned())
                        .or_insert_with(|| where_.clone());
                    looked_up
                        .entry(value.to_owned())
                        .or_insert_with(|| where_.clone());
                }
            }
        }
    }
    Named {
        literals,
        looked_up,
        built,
    }
}

/// `c-phase-{}` as literal pieces between the places a code goes: ["c-phase-", ""].
fn family(literal: &str) -> Option<Vec<&str>> {
    let prefix = literal.split('{').next()?;
    let looks_like_key = prefix.len() > 1
        && prefix.ends_with('-')
        && prefix.starts_with(|c: char| c.is_ascii_lowercase())
        && prefix
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if !looks_like_key || !literal.contains('{') || literal.contains("{{") {
        return None;
    }
    let mut pieces = vec![];
    let mut rest = literal;
    while let Some(open) = rest.find('{') {
        pieces.push(&rest[..open]);
        let close = rest[open..].find('}')? + open;
        rest = &rest[close + 1..];
    }
    pieces.push(rest);
    Some(pieces)
}

/// Whether `key` is what the family's pieces produce with a code (letters, digits, `_`) in
/// each gap.
fn produces(pieces: &[&str], key: &str) -> bool {
    fn code(c: char) -> bool {
        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'
    }
    let Some((first, rest)) = pieces.split_first() else {
        return key.is_empty();
    };
    let Some(key) = key.strip_prefix(first) else {
        return false;
    };
    if rest.is_empty() {
        return key.is_empty();
    }
    // the gap: one or more code characters, then the rest of the pieces
    for (i, c) in key.char_indices() {
        if !code(c) {
            break;
        }
        if produces(rest, &key[i + c.len_utf8()..]) {
            return true;
        }
    }
    false
}

#[test]
fn every_key_the_product_looks_up_exists() {
    let keys = keys(Lang::Nl);
    let named = named();
    let missing: Vec<_> = named
        .looked_up
        .iter()
        .filter(|(v, _)| !v.contains('{') && !keys.contains(v.as_str()))
        .map(|(v, at)| format!("{v} ({at})"))
        .collect();
    assert!(
        missing.is_empty(),
        "looked up but not in the files: {missing:#?}"
    );
    assert!(named.built.len() > 30, "found the keys built from codes");
    let barren: Vec<_> = named
        .built
        .iter()
        .map(|(v, at)| (v, at, family(v)))
        .filter(|(_, _, f)| {
            f.as_ref()
                .is_none_or(|f| !keys.iter().any(|k| produces(f, k)))
        })
        .map(|(v, at, _)| format!("{v} ({at})"))
        .collect();
    assert!(
        barren.is_empty(),
        "keys built from codes, but no key has that form: {barren:#?}"
    );
}

#[test]
fn every_key_is_used() {
    let named = named();
    let families: Vec<Vec<&str>> = named.literals.keys().filter_map(|v| family(v)).collect();
    let unused: Vec<_> = keys(Lang::Nl)
        .into_iter()
        .filter(|k| !named.literals.contains_key(*k))
        .filter(|k| !families.iter().any(|f| produces(f, k)))
        .collect();
    assert!(unused.is_empty(), "keys nobody shows: {unused:#?}");
}

#[test]
fn a_built_key_is_recognised_by_its_form() {
    let f = family("c-phase-{}").expect("a family");
    assert!(produces(&f, "c-phase-warm"));
    assert!(produces(&f, "c-phase-lukewarm"));
    assert!(!produces(&f, "c-phase-"));
    assert!(!produces(&f, "c-grip-1"));
    let f = family("f-{kind}-{}-{}").expect("a family");
    assert!(produces(&f, "f-contact-address-street"));
    assert!(!produces(&f, "f-contact-name"));
    assert!(family("/crisis/{id}").is_none());
    assert!(family("badge-{}").is_some());
}
