//! Calls the exported `extern "C"` functions the way C does: status codes,
//! out-parameters left untouched on every error, the thread-local last
//! error, panics that never escape, sharing a handle between threads, and
//! the header kept in step with the crate.
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on a broken fixture"
)]

mod answers;
mod boundary;
mod calendar;
mod deadlines;
mod documents;
mod dues;
mod header;
mod helpers;
mod names;
mod untrusted;
