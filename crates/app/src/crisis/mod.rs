//! The crisis room: the read model its pages and prints draw from ([`Room`]), and the
//! commands both doors give: opening a crisis, changing it, recording entries and typing
//! paper forms back in.

pub mod attention;
pub mod cascade;
mod commands;
mod room;
pub mod timeline;

pub use commands::*;
pub use room::*;
