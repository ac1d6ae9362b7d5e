//! `libdpa`: the C ABI of `dpa-core`, for C programs and for PHP 8 through
//! its FFI extension. The header is `include/dpa.h`, generated from this
//! crate by cbindgen (`scripts/gen-c-headers.sh`); `docs/c-and-php.md` is the
//! guide.
//!
//! The bindings hold no rules: every function translates arguments, calls
//! `dpa-core` and translates the result and errors back.
//!
//! # Conventions
//!
//! - Names are `dpa_<type>_<verb>`; the opaque handle is `dpa_agreement`.
//! - Fallible functions return [`status::dpa_status`] (`DPA_STATUS_OK` is
//!   0). Out-parameters come last and are written only on success (the one
//!   exception: `*out_len` on `DPA_STATUS_BUFFER_TOO_SMALL`, to say how much
//!   room is needed). After a failure, `dpa_last_error_message` and
//!   `dpa_last_error_path` describe it on the same thread.
//! - Text goes in as `(const char *ptr, size_t len)`, UTF-8, no NUL needed;
//!   it goes out as a NUL-terminated string the caller frees with
//!   `dpa_string_free` (with its length), or as a static string.
//! - Dates are `(year, month, day)` scalars or [`types::dpa_date`]
//!   structs, instants Unix seconds (UTC). Enumerations are passed in as
//!   `uint32_t`, so an invalid number is an error, not undefined behaviour.
//! - Every exported function is a panic boundary ([`boundary::guard`]): no
//!   panic unwinds into C, none aborts the process.
//! - No callbacks; no global state but the thread-local last error and a
//!   cache of local midnights for the 16 time zones named most recently
//!   (about 20 KiB each).
//! - A calling thread needs 64 KiB of stack
//!   (`dpa_core::limits::MIN_THREAD_STACK_BYTES`): documents nested deeper
//!   than 32 levels are refused before they are parsed.
#![deny(unsafe_op_in_unsafe_fn)]
#![allow(
    non_camel_case_types,
    reason = "C names: dpa_agreement, dpa_status, as the header spells them"
)]

pub mod agreement;
pub mod boundary;
pub mod calendar;
pub mod meta;
pub mod status;
pub mod types;
pub mod values;

pub use agreement::*;
pub use calendar::*;
pub use meta::*;
pub use status::{dpa_status, dpa_status_name};
pub use types::{
    dpa_bound, dpa_date, dpa_date_precision, dpa_deadline, dpa_deadline_kind, dpa_due,
    dpa_due_kind, dpa_format, dpa_holiday, dpa_holiday_date, dpa_impact, dpa_month_rule,
    dpa_provenance, dpa_stated_date,
};
pub use values::*;
