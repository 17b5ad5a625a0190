//! The audit log in words: who (a name, not `user:<id>`), what was done, to what (the
//! record's, crisis's or person's name) and how it ended, in the reader's language. The log
//! itself keeps the exact codes and ids; this is how a page shows them.

use crate::i18n::Tr;
use crisismap_core::register::RecordKind;
use crisismap_store::{AuditRecord, Store, StoreError, UserRecord};
use std::collections::HashMap;

/// The names the audit log's ids stand for, read once for a page of the log.
pub struct AuditNames {
    users: HashMap<String, String>,
    records: HashMap<String, String>,
    crises: HashMap<String, String>,
}

/// One line of the audit log as a person reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditLine {
    /// Who did it: a name, "an API key of …", "the system" or "unknown".
    pub actor: String,
    /// What was done.
    pub action: String,
    /// What it was done to: a name where the id is known, else the address or what it is.
    pub object: String,
    /// How it ended.
    pub result: String,
}

impl AuditNames {
    /// Reads the names of a workspace's people, register records and crises (a readiness
    /// item, titled by its code, by its words in `tr`'s language).
    pub async fn load(
        store: &Store,
        ws: crisismap_core::WorkspaceId,
        tr: Tr,
    ) -> Result<Self, StoreError> {
        let users: Vec<UserRecord> = store.users(ws).await?;
        let mut records = HashMap::new();
        for kind in RecordKind::ALL {
            for r in store.records(ws, kind).await? {
                let name = if kind == RecordKind::Readiness {
                    crate::words::choice_label(tr, "item", &r.title).to_owned()
                } else {
                    r.title
                };
                records.insert(r.id.to_string(), name);
            }
        }
        let crises = store
            .crises(ws)
            .await?
            .into_iter()
            .map(|c| (c.id.to_string(), c.state.title))
            .collect();
        Ok(AuditNames {
            users: users
                .into_iter()
                .map(|u| (u.id.to_string(), u.display_name))
                .collect(),
            records,
            crises,
        })
    }

    /// A line of the log in words.
    pub fn line(&self, record: &AuditRecord, tr: Tr) -> AuditLine {
        AuditLine {
            actor: self.actor(&record.actor, tr),
            action: code_words(tr, Family::Action, &record.action),
            object: self.object(&record.object, tr),
            result: code_words(tr, Family::Result, &record.result),
        }
    }

    fn actor(&self, actor: &str, tr: Tr) -> String {
        // `user:<id>`, `user:<id> token:<id>`, `system:<what>`, `anonymous`
        let mut parts = actor.split_whitespace();
        let who = parts.next().unwrap_or("");
        let token = parts.any(|p| p.starts_with("token:"));
        let name = if let Some(id) = who.strip_prefix("user:") {
            self.users
                .get(id)
                .cloned()
                .unwrap_or_else(|| tr.t("audit-someone_removed").to_owned())
        } else if who.starts_with("system:") {
            tr.t("audit-system").to_owned()
        } else {
            tr.t("audit-anonymous").to_owned()
        };
        if token {
            format!("{name} ({})", tr.t("audit-with_api_key"))
        } else {
            name
        }
    }

    fn object(&self, object: &str, tr: Tr) -> String {
        // An address (`POST /crisis/…`) is shown as it is: it is what was asked for.
        if object.contains('/') || object.is_empty() {
            return object.to_owned();
        }
        let Some((what, id)) = object.split_once(':') else {
            return code_words(tr, Family::Object, object);
        };
        let kind_word = code_words(tr, Family::Object, what);
        let name = match what {
            "user" | "account" => self.users.get(id),
            "crisis" | "sitrep" | "decisions" | "stream" => {
                self.crises.get(id).or_else(|| self.records.get(id))
            }
            _ => self.records.get(id),
        };
        match (name, what) {
            (Some(name), _) => format!("{kind_word}: {name}"),
            // Addresses and e-mail addresses are what they are.
            (None, "address" | "account") => format!("{kind_word}: {id}"),
            (None, _) => kind_word,
        }
    }
}

/// Which words a code of the log has.
#[derive(Clone, Copy)]
enum Family {
    Action,
    Object,
    Result,
}

/// A code in words: its translation when there is one, else the code with spaces (a new
/// code shows readably before its words are written).
fn code_words(tr: Tr, family: Family, code: &str) -> String {
    let words = match family {
        Family::Action => tr.try_t(&format!("audit-action-{code}")),
        Family::Object => tr.try_t(&format!("audit-object-{code}")),
        Family::Result => tr.try_t(&format!("audit-result-{code}")),
    };
    if let Some(words) = words {
        return words.to_owned();
    }
    if let Ok(kind) = code.parse::<RecordKind>() {
        return tr.t(&format!("k-{kind}-one")).to_owned();
    }
    code.replace('_', " ")
}
