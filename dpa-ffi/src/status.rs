//! Status codes, the error value behind them, and the thread-local last error.

use std::cell::RefCell;
use std::ffi::c_char;

use dpa_core::Error;

/// The result of every fallible `dpa_*` function.
///
/// `DPA_STATUS_OK` is 0; every other value is a failure, after which
/// `dpa_last_error_message()` describes it on the same thread. The numbers
/// are stable: a released value keeps its meaning and is never reused.
/// Values may be added; treat an unknown value as a failure.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum dpa_status {
    /// Success. Out-parameters have been written.
    Ok = 0,
    /// A pointer argument that must not be NULL was NULL.
    NullArgument = 1,
    /// Text handed in is not valid UTF-8.
    InvalidUtf8 = 2,
    /// The text is not well-formed TOML or JSON (the message gives the line
    /// and column), including text read as JSON that is not JSON at all
    /// (`not json`; well-formed JSON that is no object is `INVALID_VALUE`).
    ParseError = 3,
    /// A well-formed document that is not a valid agreement or events list, or
    /// an argument that is not acceptable (an unknown enum value, an instant
    /// where a date was expected, ...). The message names the field path.
    InvalidValue = 4,
    /// A date that does not exist (2026-02-30, month 13, a year outside
    /// 1..=9999), an instant outside years 1..=9999 (in UTC, as Unix
    /// seconds or as text; text shaped as an instant whose date or time of
    /// day does not exist, `2026-02-30T10:00:00Z`, is one), or a result
    /// that would leave that range.
    OutOfRange = 5,
    /// The caller's buffer or array is too small; where the function has a
    /// `*out_len`, it holds the length needed.
    BufferTooSmall = 6,
    /// A length that no input may have: above the document limit of 16 MiB
    /// for text or a file, or above `PTRDIFF_MAX` bytes for an array; or
    /// a batch whose results do not fit in memory (the allocation failed:
    /// output is never reserved from `len` before the elements are read,
    /// and a failed allocation is this status, never an abort).
    TooLarge = 7,
    /// A bug in libdpa: a Rust panic was caught at the boundary, or a table
    /// built into the library is broken. The process is intact and the
    /// library usable; please report the message.
    Panic = 8,
    /// A file could not be read (it does not exist, is a directory, may not
    /// be read, ...): the message gives the operating system's reason.
    IoError = 9,
}

/// Every status, in numeric order.
const ALL_STATUSES: [dpa_status; 10] = [
    dpa_status::Ok,
    dpa_status::NullArgument,
    dpa_status::InvalidUtf8,
    dpa_status::ParseError,
    dpa_status::InvalidValue,
    dpa_status::OutOfRange,
    dpa_status::BufferTooSmall,
    dpa_status::TooLarge,
    dpa_status::Panic,
    dpa_status::IoError,
];

impl dpa_status {
    /// Every status, in numeric order.
    pub fn all() -> [dpa_status; 10] {
        ALL_STATUSES
    }

    /// The status with number `n`, if there is one.
    pub fn from_u32(n: u32) -> Option<dpa_status> {
        ALL_STATUSES.into_iter().find(|s| *s as u32 == n)
    }

    /// The name of the C constant, e.g. `"DPA_STATUS_PARSE_ERROR"`, as a
    /// NUL-terminated static string.
    pub const fn c_name(self) -> &'static str {
        match self {
            dpa_status::Ok => "DPA_STATUS_OK\0",
            dpa_status::NullArgument => "DPA_STATUS_NULL_ARGUMENT\0",
            dpa_status::InvalidUtf8 => "DPA_STATUS_INVALID_UTF8\0",
            dpa_status::ParseError => "DPA_STATUS_PARSE_ERROR\0",
            dpa_status::InvalidValue => "DPA_STATUS_INVALID_VALUE\0",
            dpa_status::OutOfRange => "DPA_STATUS_OUT_OF_RANGE\0",
            dpa_status::BufferTooSmall => "DPA_STATUS_BUFFER_TOO_SMALL\0",
            dpa_status::TooLarge => "DPA_STATUS_TOO_LARGE\0",
            dpa_status::Panic => "DPA_STATUS_PANIC\0",
            dpa_status::IoError => "DPA_STATUS_IO_ERROR\0",
        }
    }
}

/// The name of a status code for logs: `"DPA_STATUS_OK"`,
/// `"DPA_STATUS_PARSE_ERROR"`, ...; `"DPA_STATUS_UNKNOWN"` for a number that
/// is no status.
///
/// Returns a static NUL-terminated string: never NULL, never freed. Never
/// fails.
#[unsafe(no_mangle)]
pub extern "C" fn dpa_status_name(status: u32) -> *const c_char {
    let name = std::panic::catch_unwind(|| dpa_status::from_u32(status).map(dpa_status::c_name))
        .ok()
        .flatten()
        .unwrap_or("DPA_STATUS_UNKNOWN\0");
    name.as_ptr().cast()
}

/// A failure on its way to C: the status, the field path or argument it is
/// about (may be empty), and a one-line message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FfiError {
    /// The status returned to C.
    pub status: dpa_status,
    /// The field path or argument name; empty for none.
    pub path: String,
    /// The message, which repeats the path where there is one.
    pub message: String,
}

impl FfiError {
    /// An error about argument or field `path`; the message becomes
    /// `"{path}: {message}"`.
    pub fn new(status: dpa_status, path: impl Into<String>, message: impl AsRef<str>) -> Self {
        let path = path.into();
        let message = if path.is_empty() {
            message.as_ref().to_owned()
        } else {
            format!("{path}: {}", message.as_ref())
        };
        FfiError {
            status,
            path,
            message,
        }
    }

    /// A NULL pointer where one is required.
    pub fn null(arg: &str) -> Self {
        FfiError::new(dpa_status::NullArgument, arg, "must not be NULL")
    }

    /// The error for a caught panic with `payload`.
    pub fn panic(payload: &(dyn std::any::Any + Send)) -> Self {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic payload".to_owned());
        FfiError::new(
            dpa_status::Panic,
            "",
            format!("internal error (a bug in libdpa, please report it): {what}"),
        )
    }

    /// A `dpa_core` error about the argument or document `arg` (used as the
    /// path where the error carries none).
    pub fn core(e: &Error, arg: &str) -> Self {
        // An argument error that leaves its field to the caller names `arg`.
        if let Error::InvalidArgument(a) = e
            && a.field().is_empty()
            && !arg.is_empty()
        {
            return FfiError::core(&e.clone().in_field(arg), arg);
        }
        let status = match e {
            Error::Syntax(_) => dpa_status::ParseError,
            Error::Invalid(_) | Error::InvalidArgument(_) => dpa_status::InvalidValue,
            Error::TooLarge { .. } | Error::StreamTooLarge { .. } => dpa_status::TooLarge,
            Error::Io(_) => dpa_status::IoError,
            Error::NotUtf8(_) => dpa_status::InvalidUtf8,
            Error::OutOfRange(_) => dpa_status::OutOfRange,
            Error::Internal(_) => dpa_status::Panic,
            _ => dpa_status::InvalidValue,
        };
        let path = match e.path() {
            Some(p) if !p.is_empty() => p.to_owned(),
            _ => arg.to_owned(),
        };
        let message = match e {
            // Invalid and InvalidArgument already start with their path, as
            // does a range error that names the input it was computed from.
            Error::Invalid(_) | Error::InvalidArgument(_) => e.to_string(),
            Error::OutOfRange(r) if r.path().is_some() => e.to_string(),
            _ if arg.is_empty() => e.to_string(),
            _ => format!("{arg}: {e}"),
        };
        FfiError {
            status,
            path,
            message,
        }
    }
}

/// `Result` with [`FfiError`].
pub type FfiResult<T = ()> = Result<T, FfiError>;

/// The details of the most recent failure on a thread.
#[derive(Debug, Default)]
struct LastError {
    path: String,
    message: String,
}

thread_local! {
    static LAST_ERROR: RefCell<LastError> = const {
        RefCell::new(LastError { path: String::new(), message: String::new() })
    };
}

/// Records `e` as this thread's last error. Only failing calls do this, so a
/// successful call costs no thread-local access.
pub(crate) fn set_last_error(e: FfiError) {
    // `try_with`: during thread teardown the slot may be gone; then there is
    // nobody left to read the message.
    let _ = LAST_ERROR.try_with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            slot.path = e.path;
            slot.message = e.message;
        }
    });
}

/// Runs `f` on this thread's last error message and path.
pub(crate) fn with_last_error<R>(f: impl FnOnce(&str, &str) -> R) -> Option<R> {
    LAST_ERROR
        .try_with(|slot| {
            slot.try_borrow()
                .ok()
                .map(|slot| f(&slot.message, &slot.path))
        })
        .ok()
        .flatten()
}

/// The message of this thread's most recent failing call, for Rust callers
/// and tests (C reads it with `dpa_last_error_message`).
pub fn last_error_message() -> String {
    with_last_error(|m, _| m.to_owned()).unwrap_or_default()
}

/// The field path of this thread's most recent failing call.
pub fn last_error_path() -> String {
    with_last_error(|_, p| p.to_owned()).unwrap_or_default()
}
