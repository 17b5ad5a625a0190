//! crisismap's application layer: the one way through from a door (the web pages, the JSON
//! API, the command line) to the store. A door turns its input into a call here and the
//! answer into its own output; every rule that both doors share lives here or in core, once.
//!
//! No HTTP in this crate: no request, response, template or OpenAPI type.

#![warn(missing_docs)]

pub mod access;
pub mod audit_words;
pub mod crisis;
pub mod demo;
mod error;
pub mod exercise;

pub mod password;
pub mod principal;
pub mod print;
pub mod refs;
pub mod register;
pub mod second_factor;
pub mod sessions;
pub mod totp;
pub mod users;
pub mod words;

pub use crisismap_i18n as i18n;
pub use error::{Error, FieldError};
pub use password::PasswordCost;
pub use principal::{By, Principal, Via, audit};

use crisismap_store::Store;

/// The application: the store and the settings that commands need.
#[derive(Clone)]
pub struct App {
    store: Store,
    password_cost: PasswordCost,
    access: access::AccessRules,
}

impl App {
    /// The application on this store, hashing new passwords at this cost, with the default
    /// session and throttle rules.
    pub fn new(store: Store, password_cost: PasswordCost) -> Self {
        Self {
            store,
            password_cost,
            access: access::AccessRules::default(),
        }
    }

    /// The same application with these session and throttle rules.
    pub fn with_access_rules(mut self, rules: access::AccessRules) -> Self {
        self.access = rules;
        self
    }

    /// How long sessions live and how many attempts at a secret are let through.
    pub fn access_rules(&self) -> &access::AccessRules {
        &self.access
    }

    /// The event store every command and read goes through.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// How expensive new password hashes are.
    pub fn password_cost(&self) -> PasswordCost {
        self.password_cost
    }

    /// Now, by the store's clock (a fixed clock in tests).
    pub fn now(&self) -> jiff::Timestamp {
        self.store.clock().now()
    }
}
