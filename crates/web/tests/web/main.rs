//! The web application's stories, told through its real HTTP interface: one test binary for
//! all of them, so the harness in `common` is built and linked once.
//!
//! Run one file's stories with `cargo test --workspace --test web -- mfa::`.

mod common;

mod accounts;
mod aftermath;
mod api;
mod authz;
mod crisis;
mod exercise;
mod hostile;
mod mfa;
mod pages;
mod print;
mod record;
mod register;
mod risk;
mod security;
