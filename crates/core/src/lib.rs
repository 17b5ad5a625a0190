//! The domain of crisismap: identifiers, validated values, events and the rules that decide
//! them. This crate does no I/O: storage, web and printing build on it, never the other way.

#![warn(missing_docs)]

pub mod cascade;
pub mod clock;
pub mod crisis;
pub mod event;
pub mod ids;
pub mod interchange;
pub mod lang;
pub mod money;
pub mod phone;
pub mod regions;
pub mod register;
pub mod role;
pub mod time;
pub mod values;
pub mod workspace;

pub use clock::{Clock, ManualClock, SystemClock};
pub use event::{DomainEvent, Envelope, GENESIS_HASH, StreamKind};
pub use ids::{EventId, StreamId, UserId, WorkspaceId};
pub use lang::Lang;
pub use role::Role;
pub use values::{DisplayName, Email, ValueError, WorkspaceName};
