//! Time is read through a clock so that tests can move it (session expiry, on-call "now").

use jiff::{Timestamp, ToSpan};
use std::sync::Mutex;

/// The source of "now" for every rule that depends on time.
pub trait Clock: Send + Sync + 'static {
    /// The current time, truncated to whole microseconds.
    fn now(&self) -> Timestamp;
}

/// The real wall clock, truncated to whole microseconds so that stored and hashed times
/// round-trip exactly through text.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods)] // the one place that may read the wall clock
    fn now(&self) -> Timestamp {
        truncate_to_micros(Timestamp::now())
    }
}

/// A clock that stands still until a test moves it.
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<Timestamp>,
}

impl ManualClock {
    /// A clock that stands at `start` (truncated to whole microseconds) until it is moved.
    pub fn new(start: Timestamp) -> Self {
        Self {
            now: Mutex::new(truncate_to_micros(start)),
        }
    }

    /// Moves the clock to `to`, forwards or backwards.
    pub fn set(&self, to: Timestamp) {
        *self.now.lock().unwrap_or_else(|e| e.into_inner()) = truncate_to_micros(to);
    }

    /// The clock's current time as microseconds since the Unix epoch.
    pub fn now_us(&self) -> i64 {
        self.now().as_microsecond()
    }

    /// Moves the clock `minutes` forwards (backwards when negative); stays put on overflow.
    pub fn advance_minutes(&self, minutes: i64) {
        let mut now = self.now.lock().unwrap_or_else(|e| e.into_inner());
        *now = now.checked_add(minutes.minutes()).unwrap_or(*now);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        *self.now.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Drops the sub-microsecond part of `ts`, so that stored and hashed times round-trip through text.
pub fn truncate_to_micros(ts: Timestamp) -> Timestamp {
    Timestamp::from_microsecond(ts.as_microsecond()).unwrap_or(ts)
}
