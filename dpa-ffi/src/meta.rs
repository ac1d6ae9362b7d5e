//! Versions, the last error, owned strings, the JSON Schema and the no-op.

use std::ffi::{CString, c_char};

use crate::boundary::{guard, guard_or, out_ptr, string_out, write};
use crate::status::{FfiError, dpa_status, with_last_error};

/// The version of the C ABI this header describes. `dpa_abi_version()`
/// returns the version of the library actually loaded; a program should
/// refuse to run when the two differ. Raised on every incompatible change
/// of a signature, struct layout or enum number.
pub const DPA_ABI_VERSION: u32 = 2;

/// The ABI version of the loaded library; compare it with
/// `DPA_ABI_VERSION` (C) or a constant in the wrapper (PHP, which cannot
/// read macros). Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn dpa_abi_version() -> u32 {
    DPA_ABI_VERSION
}

/// The library version, e.g. `"0.1.0"`: a static NUL-terminated string,
/// never NULL, never freed. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn dpa_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// Does nothing through the same panic boundary as every other function and
/// returns `DPA_STATUS_OK`: the floor of the cost of one call, for
/// benchmarks.
#[unsafe(no_mangle)]
pub extern "C" fn dpa_noop() -> dpa_status {
    guard(|| Ok(()))
}

/// Frees a string that a `dpa_*` function handed out through a `char **out`
/// parameter (`dpa_agreement_to_json`, `dpa_agreement_check_json`, ...).
/// This is the one function that frees library strings; never pass it
/// anything else (not the static strings of `dpa_version`,
/// `dpa_status_name`, `dpa_holiday_name`), and never free a string twice.
/// NULL is a no-op.
///
/// # Safety
/// `s` must be NULL or a string from a `dpa_*` output not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_string_free(s: *mut c_char) {
    guard_or((), || {
        if !s.is_null() {
            // SAFETY: a non-NULL `s` came from `CString::into_raw` in
            // `string_out` and is freed only this once (caller's contract).
            drop(unsafe { CString::from_raw(s) });
        }
    })
}

/// Copies text into the caller buffer `(buf, buf_len)` NUL-terminated, with
/// `*out_len` = its length without the NUL.
///
/// # Safety
/// `buf` valid for `buf_len` writes; `out_len` for a write.
unsafe fn copy_text(text: &str, buf: *mut c_char, buf_len: usize, out_len: *mut usize) -> bool {
    // SAFETY: `out_len` was checked non-NULL by the caller of this function.
    unsafe { write(out_len, text.len()) };
    if buf.is_null() || buf_len <= text.len() {
        return false;
    }
    // SAFETY: `buf` is non-NULL and valid for `buf_len` > `text.len()`
    // bytes (caller's contract); `text` is our own memory, so they do not
    // overlap.
    unsafe {
        std::ptr::copy_nonoverlapping(text.as_ptr(), buf.cast::<u8>(), text.len());
        buf.add(text.len()).write(0);
    }
    true
}

/// Reads part of the last error into a caller buffer.
///
/// # Safety
/// As `dpa_last_error_message`.
unsafe fn last_error_part(
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
    path: bool,
) -> dpa_status {
    // Deliberately not `guard`: reading the last error must not replace it,
    // even when the buffer is too small.
    guard_or(dpa_status::Panic, || {
        if out_len.is_null() || (buf.is_null() && buf_len > 0) {
            return dpa_status::NullArgument;
        }
        let copied = with_last_error(|message, p| {
            let text = if path { p } else { message };
            // SAFETY: `out_len` is non-NULL (checked above); `buf` is valid
            // for `buf_len` bytes by the caller's contract.
            unsafe { copy_text(text, buf, buf_len, out_len) }
        });
        match copied {
            Some(true) => dpa_status::Ok,
            Some(false) => dpa_status::BufferTooSmall,
            // The thread is being torn down: no message.
            None => {
                // SAFETY: as above.
                match unsafe { copy_text("", buf, buf_len, out_len) } {
                    true => dpa_status::Ok,
                    false => dpa_status::BufferTooSmall,
                }
            }
        }
    })
}

/// The message of the most recent failing `dpa_*` call on this thread, e.g.
/// `statement.sub_processors[0].seat (line 134, column 8): ...`: UTF-8, in
/// English, naming the field path or argument where there is one. Failing
/// calls set it; successful calls leave it alone, so read it right after
/// the failure. Empty when no call failed yet on this thread.
///
/// Copies the message NUL-terminated into `buf` (`buf_len` bytes) and sets
/// `*out_len` to its length in bytes without the NUL. Two-call pattern: when
/// `buf_len <= *out_len` (e.g. `buf` NULL and `buf_len` 0) the result is
/// `DPA_STATUS_BUFFER_TOO_SMALL`, `*out_len` holds the length and `buf` is
/// untouched; call again with `*out_len + 1` bytes. 512 bytes hold almost
/// every message.
///
/// This function never changes the last error itself. Errors:
/// `DPA_STATUS_NULL_ARGUMENT` (`out_len` NULL, or `buf` NULL with `buf_len` >
/// 0), `DPA_STATUS_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `buf` must be valid for writes of `buf_len` bytes; `out_len` for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_last_error_message(
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> dpa_status {
    // SAFETY: forwarded from this function's contract.
    unsafe { last_error_part(buf, buf_len, out_len, false) }
}

/// The field path or argument name of the most recent failing call on this
/// thread (`statement.sub_processors[0].seat`, `events[2].at`, `dates[3]`,
/// `out`), or empty where none applies (e.g. a TOML syntax error). Buffer
/// rules and errors as for `dpa_last_error_message`.
///
/// # Safety
/// As `dpa_last_error_message`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_last_error_path(
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> dpa_status {
    // SAFETY: forwarded from this function's contract.
    unsafe { last_error_part(buf, buf_len, out_len, true) }
}

/// The JSON Schema (draft 2020-12) of the agreement format, byte for byte
/// what `dpa schema` prints. `*out` is freed with `dpa_string_free`; errors:
/// `DPA_STATUS_NULL_ARGUMENT`.
///
/// # Safety
/// `out` and `out_len` must be valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_schema_json(out: *mut *mut c_char, out_len: *mut usize) -> dpa_status {
    guard(|| {
        out_ptr(out, "out")?;
        out_ptr(out_len, "out_len")?;
        let schema = dpa_core::schema::json_schema();
        let text = serde_json::to_string_pretty(&schema)
            .map_err(|e| FfiError::new(dpa_status::InvalidValue, "", e.to_string()))?
            + "\n";
        // SAFETY: both pointers passed `out_ptr`.
        unsafe { string_out(text, out, out_len) }
    })
}
