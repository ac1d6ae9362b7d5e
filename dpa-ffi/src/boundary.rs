//! The panic boundary and the checked conversions of raw arguments.
//!
//! Every exported function runs its body through [`guard`] (or
//! [`guard_or`] for the few that return no status), so that no panic
//! unwinds into C. The helpers here turn raw pointers and lengths into Rust
//! values, refusing NULL, impossible lengths, misaligned arrays and invalid
//! UTF-8 with an error instead of undefined behaviour where that can be
//! detected.

use std::ffi::{CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

use dpa_core::limits::MAX_DOCUMENT_BYTES;

use crate::status::{FfiError, FfiResult, dpa_status, set_last_error};

/// Runs `f` at the boundary: `Ok` becomes `DPA_STATUS_OK`, an error becomes
/// its status (and this thread's last error), a panic becomes
/// `DPA_STATUS_PANIC`.
///
/// ```
/// use dpa::boundary::guard;
/// use dpa::status::{dpa_status, FfiError};
///
/// assert_eq!(guard(|| Ok(())), dpa_status::Ok);
/// assert_eq!(guard(|| Err(FfiError::null("out"))), dpa_status::NullArgument);
/// assert_eq!(guard(|| panic!("boom")), dpa_status::Panic);
/// assert!(dpa::status::last_error_message().contains("boom"));
/// ```
#[inline(always)]
pub fn guard(f: impl FnOnce() -> FfiResult) -> dpa_status {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => dpa_status::Ok,
        Ok(Err(e)) => fail(e),
        Err(payload) => fail_panic(payload),
    }
}

/// Runs `f`, which returns its own status, at the boundary: a panic
/// becomes `DPA_STATUS_PANIC`. For a hot path that makes its status with
/// [`status_of`] inside a function of its own, so that the panic boundary
/// hands it only registers (what [`guard`] hands through memory, a whole
/// [`FfiResult`], costs more than a short call does).
///
/// ```
/// use dpa::boundary::{guard_status, status_of};
/// use dpa::status::{dpa_status, FfiError};
///
/// assert_eq!(guard_status(|| status_of(Ok(()))), dpa_status::Ok);
/// assert_eq!(guard_status(|| status_of(Err(FfiError::null("out")))), dpa_status::NullArgument);
/// assert_eq!(dpa::status::last_error_path(), "out");
/// assert_eq!(guard_status(|| panic!("boom")), dpa_status::Panic);
/// assert!(dpa::status::last_error_message().contains("boom"));
/// ```
#[inline(always)]
pub fn guard_status(f: impl FnOnce() -> dpa_status) -> dpa_status {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(status) => status,
        Err(payload) => fail_panic(payload),
    }
}

/// The status of `r`: `DPA_STATUS_OK`, or the error's status, recorded as
/// this thread's last error (as [`guard`] does with its closure's result).
#[inline(always)]
pub fn status_of(r: FfiResult) -> dpa_status {
    match r {
        Ok(()) => dpa_status::Ok,
        Err(e) => fail(e),
    }
}

/// Runs `f` at the boundary for a function that returns a plain value:
/// a panic gives `default` (and sets the last error).
#[inline(always)]
pub fn guard_or<T>(default: T, f: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(payload) => {
            fail_panic(payload);
            default
        }
    }
}

/// Runs `f` at the boundary for a function that returns a plain value with
/// an error sentinel: an error gives `sentinel` and sets this thread's last
/// error; a panic gives `sentinel` too (and sets the last error).
///
/// ```
/// use dpa::boundary::guard_value;
/// use dpa::status::FfiError;
///
/// assert_eq!(guard_value(0, || Ok(7)), 7);
/// assert_eq!(guard_value(0, || Err(FfiError::null("x"))), 0);
/// assert_eq!(guard_value(0, || panic!("boom")), 0);
/// assert!(dpa::status::last_error_message().contains("boom"));
/// ```
#[inline(always)]
pub fn guard_value<T>(sentinel: T, f: impl FnOnce() -> FfiResult<T>) -> T {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => {
            fail(e);
            sentinel
        }
        Err(payload) => {
            fail_panic(payload);
            sentinel
        }
    }
}

#[cold]
#[inline(never)]
fn fail(e: FfiError) -> dpa_status {
    let status = e.status;
    set_last_error(e);
    status
}

#[cold]
#[inline(never)]
fn fail_panic(payload: Box<dyn std::any::Any + Send>) -> dpa_status {
    set_last_error(FfiError::panic(&*payload));
    // Dropping the payload runs foreign code that could itself panic; that
    // second panic must not escape either (then the payload is leaked).
    if let Err(again) = catch_unwind(AssertUnwindSafe(move || drop(payload))) {
        std::mem::forget(again);
    }
    dpa_status::Panic
}

/// Borrows UTF-8 text handed in as `(ptr, len)`.
///
/// Errors: NULL `ptr` (even with `len` 0) → `NULL_ARGUMENT`; `len` above the
/// document limit ([`MAX_DOCUMENT_BYTES`], which also keeps it far below
/// `isize::MAX`) → `TOO_LARGE`; invalid UTF-8 → `INVALID_UTF8`.
///
/// # Safety
/// A non-NULL `ptr` must be valid for reads of `len` bytes, unchanged for
/// `'a`.
pub unsafe fn text_in<'a>(ptr: *const c_char, len: usize, arg: &str) -> FfiResult<&'a str> {
    if ptr.is_null() {
        return Err(FfiError::null(arg));
    }
    if len > MAX_DOCUMENT_BYTES {
        return Err(FfiError::new(
            dpa_status::TooLarge,
            arg,
            format!("{len} bytes is more than the limit of {MAX_DOCUMENT_BYTES} bytes"),
        ));
    }
    // SAFETY: `ptr` is non-NULL and, by the caller's contract, valid for
    // `len` bytes; `len` is at most 16 MiB, so below `isize::MAX`; `u8` has
    // alignment 1.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    std::str::from_utf8(bytes).map_err(|e| {
        FfiError::new(
            dpa_status::InvalidUtf8,
            arg,
            format!(
                "not valid UTF-8 (first invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })
}

/// Borrows a document (an agreement or events) handed in as `(ptr, len)`:
/// as [`text_in`], with `dpa-core`'s check of a document's bytes
/// ([`dpa_core::document::text_from_bytes`]): a UTF-8 byte-order mark is
/// dropped, and text that is not UTF-8 is `INVALID_UTF8` with its line and
/// column and what it looks like (Windows-1252, UTF-16).
///
/// # Safety
/// As [`text_in`].
pub unsafe fn document_in<'a>(ptr: *const c_char, len: usize, arg: &str) -> FfiResult<&'a str> {
    if ptr.is_null() {
        return Err(FfiError::null(arg));
    }
    if len > MAX_DOCUMENT_BYTES {
        return Err(FfiError::new(
            dpa_status::TooLarge,
            arg,
            format!("{len} bytes is more than the limit of {MAX_DOCUMENT_BYTES} bytes"),
        ));
    }
    // SAFETY: `ptr` is non-NULL and, by the caller's contract, valid for
    // `len` bytes; `len` is at most 16 MiB, so below `isize::MAX`; `u8` has
    // alignment 1.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    dpa_core::document::text_from_bytes(bytes).map_err(|e| FfiError::core(&e, arg))
}

/// Borrows an input array `(ptr, len)` of `T`. `len` 0 gives an empty slice
/// whatever `ptr` is.
///
/// Errors: NULL with `len` > 0 → `NULL_ARGUMENT`; more than `isize::MAX`
/// bytes → `TOO_LARGE`; `ptr` not aligned for `T` → `INVALID_VALUE`.
///
/// # Safety
/// A non-NULL `ptr` must point to `len` initialised values of `T`, not
/// written through other pointers for `'a`.
pub unsafe fn array_in<'a, T>(ptr: *const T, len: usize, arg: &str) -> FfiResult<&'a [T]> {
    if len == 0 {
        return Ok(&[]);
    }
    check_array(ptr, len, arg)?;
    // SAFETY: non-NULL, aligned and at most isize::MAX bytes (checked
    // above); valid for `len` values by the caller's contract.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Checks pointer, size and alignment of an array of `len` `T`s.
fn check_array<T>(ptr: *const T, len: usize, arg: &str) -> FfiResult {
    if ptr.is_null() {
        return Err(FfiError::null(arg));
    }
    let size = size_of::<T>().max(1);
    if len > isize::MAX as usize / size {
        return Err(FfiError::new(
            dpa_status::TooLarge,
            arg,
            format!("{len} elements is more than any array can hold"),
        ));
    }
    if !ptr.is_aligned() {
        return Err(FfiError::new(
            dpa_status::InvalidValue,
            arg,
            format!("the array is not aligned to {} bytes", align_of::<T>()),
        ));
    }
    Ok(())
}

/// Checks an output pointer before any work is done.
pub fn out_ptr<T>(ptr: *mut T, arg: &str) -> FfiResult {
    if ptr.is_null() {
        return Err(FfiError::null(arg));
    }
    if !ptr.is_aligned() {
        return Err(FfiError::new(
            dpa_status::InvalidValue,
            arg,
            "the pointer is not aligned for its type",
        ));
    }
    Ok(())
}

/// Checks an output array of capacity `cap` that is to receive `needed`
/// values. A too-small capacity is `BUFFER_TOO_SMALL`.
pub fn out_array<T>(ptr: *mut T, cap: usize, needed: usize, arg: &str) -> FfiResult {
    if cap < needed {
        return Err(FfiError::new(
            dpa_status::BufferTooSmall,
            arg,
            format!("room for {cap} values, {needed} needed"),
        ));
    }
    if needed == 0 {
        return Ok(());
    }
    check_array(ptr.cast_const(), cap, arg)
}

/// Appends `value` to `values`, a batch's results being collected. The
/// vector grows with the values actually computed, never reserved from a
/// length the caller gave (an untrusted length: a huge `len` whose first
/// element is bad is that element's error, not an allocation); memory that
/// cannot be had is `TOO_LARGE`, never an abort.
///
/// ```
/// use dpa::boundary::push_grown;
///
/// let mut v = Vec::new();
/// for i in 0..100 {
///     push_grown(&mut v, i, "out")?;
/// }
/// assert_eq!(v.len(), 100);
/// # Ok::<(), dpa::status::FfiError>(())
/// ```
///
/// # Errors
/// `TOO_LARGE` (path `arg`) when the allocator refuses more memory.
#[inline(always)]
pub fn push_grown<T>(values: &mut Vec<T>, value: T, arg: &str) -> FfiResult {
    if values.len() == values.capacity() {
        grow(values, 1, arg)?;
    }
    values.push(value);
    Ok(())
}

/// Makes room for `more` values in `values` (growing as `Vec` does), or
/// `TOO_LARGE` (path `arg`) when the allocator refuses: the one way libdpa
/// reserves memory for output whose size the caller's input decides.
///
/// ```
/// use dpa::boundary::grow;
/// use dpa::status::dpa_status;
///
/// let mut v: Vec<u64> = Vec::new();
/// assert!(grow(&mut v, 10, "out").is_ok() && v.capacity() >= 10);
/// let e = grow(&mut v, usize::MAX / 4, "out").unwrap_err();
/// assert_eq!((e.status, e.path.as_str()), (dpa_status::TooLarge, "out"));
/// ```
///
/// # Errors
/// `TOO_LARGE` when the memory cannot be reserved.
#[cold]
#[inline(never)]
pub fn grow<T>(values: &mut Vec<T>, more: usize, arg: &str) -> FfiResult {
    values.try_reserve(more).map_err(|_| {
        FfiError::new(
            dpa_status::TooLarge,
            arg,
            format!("no memory for {} more results after {}", more, values.len()),
        )
    })
}

/// Writes `value` to `*ptr`.
///
/// # Safety
/// `ptr` must have passed [`out_ptr`] and be valid for a write of `T`.
#[inline(always)]
pub unsafe fn write<T>(ptr: *mut T, value: T) {
    // SAFETY: non-NULL and aligned (checked by `out_ptr`), valid for writes
    // by the caller's contract. `write` does not drop the old value, which
    // C may have left uninitialised.
    unsafe { ptr.write(value) }
}

/// Copies `values` to the array at `ptr`.
///
/// # Safety
/// `ptr` must have passed [`out_array`] with `needed == values.len()` and
/// be valid for writes of that many `T`s. It may be the caller's input
/// array: `values` is a separate allocation.
pub unsafe fn write_array<T: Copy>(ptr: *mut T, values: &[T]) {
    if values.is_empty() {
        return;
    }
    // SAFETY: `ptr` is non-NULL, aligned and valid for `values.len()`
    // writes (checked by `out_array` and the caller's contract); `values`
    // is our own allocation, so the two do not overlap.
    unsafe { std::ptr::copy_nonoverlapping(values.as_ptr(), ptr, values.len()) }
}

/// The items of a text batch: one per line (`\n`, a `\r` before it
/// ignored), a final newline allowed; empty text has no items.
pub fn batch_lines(text: &str) -> BatchLines<'_> {
    BatchLines {
        rest: text.strip_suffix('\n').unwrap_or(text),
        done: text.is_empty(),
    }
}

/// The iterator of [`batch_lines`]. (A plain byte loop: the lines are
/// short, and `str::split` calls `memchr` for each, which costs more here.)
#[derive(Debug)]
pub struct BatchLines<'a> {
    rest: &'a str,
    done: bool,
}

impl<'a> Iterator for BatchLines<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        if self.done {
            return None;
        }
        let line = match self.rest.bytes().position(|b| b == b'\n') {
            Some(i) => {
                let (line, rest) = self.rest.split_at(i);
                self.rest = &rest[1..];
                line
            }
            None => {
                self.done = true;
                self.rest
            }
        };
        Some(line.strip_suffix('\r').unwrap_or(line))
    }
}

/// A date given as text (`YYYY-MM-DD`): `dpa-core`'s
/// [`iso_date::parse`](dpa_core::values::iso_date::parse), its error mapped
/// to a status (`INVALID_VALUE` for text that is not a date,
/// `OUT_OF_RANGE` for one that names no date of the years 1 to 9999).
#[inline]
pub fn date_text_in(text: &str, arg: &str) -> FfiResult<time::Date> {
    dpa_core::values::iso_date::parse(text).map_err(|e| FfiError::core(&e, arg))
}

/// Appends a date as `YYYY-MM-DD` to output text being built as bytes.
#[inline]
pub fn push_date(out: &mut Vec<u8>, d: time::Date) {
    dpa_core::values::iso_date::push(out, d);
}

/// Hands `text` to C as a NUL-terminated string the caller frees with
/// `dpa_string_free`, and its length in bytes (without the NUL). `text` is
/// UTF-8: a `String`, or bytes built from `String`s and ASCII dates.
///
/// # Safety
/// `out` and `out_len` must have passed [`out_ptr`].
pub unsafe fn string_out(
    text: impl Into<Vec<u8>>,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> FfiResult {
    let text = text.into();
    let len = text.len();
    let c = CString::new(text).map_err(|e| {
        FfiError::new(
            dpa_status::InvalidValue,
            "",
            format!(
                "the output holds a NUL byte at offset {}, which C text cannot carry",
                e.nul_position()
            ),
        )
    })?;
    // SAFETY: both pointers passed `out_ptr` (non-NULL, aligned) and are
    // valid for writes by the caller's contract.
    unsafe {
        write(out_len, len);
        write(out, c.into_raw());
    }
    Ok(())
}
