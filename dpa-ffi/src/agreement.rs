//! The agreement handle: reading, writing, deadlines, checks and the
//! timeline.

use std::ffi::c_char;

use dpa_core::deadline::{Deadline, DeadlineKind, Detail, Due, DueFields, Start, Trigger};
use dpa_core::report::{CheckReport, Report, TransfersStream};
use dpa_core::timeline::{Events, IcsOptions, Reminder};
use dpa_core::values::{iso_date, iso_instant};
use dpa_core::{Agreement, Format};
use time::OffsetDateTime;

use crate::boundary::{
    array_in, batch_lines, document_in, grow, guard, guard_or, guard_status, out_array, out_ptr,
    push_date, push_grown, status_of, string_out, text_in, write, write_array,
};
use crate::status::{FfiError, FfiResult, dpa_status};
use crate::types::{
    date_from, date_in, date_out, deadline_kind_in, deadline_kind_of, deadline_kind_out,
    deadline_out, dpa_date, dpa_deadline, dpa_deadline_kind, dpa_due, dpa_stated_date,
    due_fields_of_kind, due_out, format_in, impact_in, instant_in, stated_date_out,
};

/// A data processing agreement read from TOML or JSON: opaque, immutable
/// once created. Create it with `dpa_agreement_from_toml` or
/// `dpa_agreement_from_json`; free it with `dpa_agreement_free`.
///
/// Any number of threads may use one agreement at the same time (every
/// function takes it as `const`); free it once, after the last use.
#[derive(Debug)]
pub struct dpa_agreement {
    inner: Agreement,
}

// A handle is shared between threads by C: the agreement must be both.
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<dpa_agreement>();
};

/// Borrows the agreement behind a handle.
///
/// # Safety
/// A non-NULL `a` must come from `dpa_agreement_from_*` and not be freed.
#[inline(always)]
unsafe fn agreement<'a>(a: *const dpa_agreement) -> FfiResult<&'a Agreement> {
    // SAFETY: by the caller's contract a non-NULL `a` points to a live
    // `dpa_agreement` made by `Box::into_raw`; it is only ever read.
    match unsafe { a.as_ref() } {
        Some(a) => Ok(&a.inner),
        None => Err(FfiError::null("agreement")),
    }
}

/// Reads `text` in `format` and hands out a new handle.
///
/// # Safety
/// As `dpa_agreement_from_toml`.
unsafe fn parse(
    ptr: *const c_char,
    len: usize,
    format: Format,
    out: *mut *mut dpa_agreement,
) -> FfiResult {
    out_ptr(out, "out")?;
    // SAFETY: forwarded from the exported function's contract.
    let text = unsafe { document_in(ptr, len, "text") }?;
    let inner = Agreement::from_text(text, format).map_err(|e| FfiError::core(&e, ""))?;
    let handle = Box::into_raw(Box::new(dpa_agreement { inner }));
    // SAFETY: `out` passed `out_ptr`; valid for a write by contract.
    unsafe { write(out, handle) };
    Ok(())
}

/// Reads an agreement from TOML text and hands out a new handle in `*out`.
///
/// `text` is `len` bytes of UTF-8; it need not be NUL-terminated and is not
/// kept after the call.
///
/// Returns `DPA_STATUS_OK` and sets `*out` to a handle the caller frees with
/// `dpa_agreement_free`. On failure `*out` is left as it was:
/// `DPA_STATUS_NULL_ARGUMENT` (`text` or `out` NULL),
/// `DPA_STATUS_TOO_LARGE` (`len` above 16 MiB),
/// `DPA_STATUS_INVALID_UTF8`, `DPA_STATUS_PARSE_ERROR` (not TOML; the
/// message gives line and column), `DPA_STATUS_INVALID_VALUE` (not a valid
/// agreement; the message and `dpa_last_error_path` name the field, e.g.
/// `statement.sub_processors[0].seat`).
///
/// # Safety
/// `text` must be valid for reads of `len` bytes; `out` must be valid for a
/// write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_from_toml(
    text: *const c_char,
    len: usize,
    out: *mut *mut dpa_agreement,
) -> dpa_status {
    // SAFETY: the caller's contract is the one `parse` needs.
    guard(|| unsafe { parse(text, len, Format::Toml, out) })
}

/// Reads an agreement from JSON text (the format of `dpa show --format
/// json` and `dpa_agreement_to_json`). Arguments, ownership and errors as
/// for `dpa_agreement_from_toml`.
///
/// # Safety
/// As `dpa_agreement_from_toml`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_from_json(
    text: *const c_char,
    len: usize,
    out: *mut *mut dpa_agreement,
) -> dpa_status {
    // SAFETY: the caller's contract is the one `parse` needs.
    guard(|| unsafe { parse(text, len, Format::Json, out) })
}

/// Reads an agreement from the file at `path` (`path_len` bytes of UTF-8;
/// it need not be NUL-terminated), as the `dpa` command reads one: at most
/// 16 MiB are read (a larger file, or a pipe or device that gives more, is
/// refused before it fills memory), and the format is the one the name says
/// (`.toml` or `.json`, in any case) or, for another name, the one the text
/// shows (as `DPA_FORMAT_AUTO`). The same rules as `dpa-core`'s
/// `document::read_file` and `Format::of_file_name`, which the command
/// and the Python wheel use.
///
/// Ownership of `*out` as for `dpa_agreement_from_toml`. Errors:
/// `DPA_STATUS_NULL_ARGUMENT`, `DPA_STATUS_INVALID_UTF8` (the path or the
/// text), `DPA_STATUS_IO_ERROR` (the file cannot be opened or read),
/// `DPA_STATUS_TOO_LARGE`, and those of `dpa_agreement_from_toml`.
///
/// # Safety
/// `path` must be valid for reads of `path_len` bytes; `out` must be valid
/// for a write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_from_file(
    path: *const c_char,
    path_len: usize,
    out: *mut *mut dpa_agreement,
) -> dpa_status {
    guard(|| {
        out_ptr(out, "out")?;
        // SAFETY: `path` is valid for `path_len` bytes by the caller's contract.
        let path = unsafe { text_in(path, path_len, "path") }?;
        let io = |e: std::io::Error| FfiError::core(&dpa_core::Error::from(e), "path");
        let file = std::fs::File::open(path).map_err(io)?;
        let bytes = dpa_core::document::read_file(file).map_err(|e| FfiError::core(&e, "path"))?;
        let inner = Agreement::from_bytes(&bytes, Format::of_file_name(path))
            .map_err(|e| FfiError::core(&e, ""))?;
        let handle = Box::into_raw(Box::new(dpa_agreement { inner }));
        // SAFETY: `out` passed `out_ptr`; valid for a write by contract.
        unsafe { write(out, handle) };
        Ok(())
    })
}

/// Frees an agreement. NULL is a no-op. The handle must not be used
/// afterwards, nor freed twice; no other thread may be using it.
///
/// # Safety
/// `agreement` must be NULL or a handle from `dpa_agreement_from_*` that was
/// not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_free(agreement: *mut dpa_agreement) {
    guard_or((), || {
        if !agreement.is_null() {
            // SAFETY: a non-NULL handle came from `Box::into_raw` in `parse`
            // and, by the caller's contract, is freed only this once.
            drop(unsafe { Box::from_raw(agreement) });
        }
    })
}

/// Runs `f` on the live handle `agreement` and hands the text it returns
/// out through `out` and `out_len`: the shape of every function that
/// returns text about one agreement. NULL pointers are refused (in the
/// order agreement, out, out_len) before `f` runs; nothing is written on
/// failure.
///
/// # Safety
/// `agreement` live or NULL; `out` and `out_len` valid for writes or NULL.
unsafe fn agreement_text(
    agreement: *const dpa_agreement,
    out: *mut *mut c_char,
    out_len: *mut usize,
    f: impl FnOnce(&Agreement) -> FfiResult<String>,
) -> dpa_status {
    guard(|| {
        // SAFETY: `agreement` is live or NULL by the caller's contract.
        let a = unsafe { self::agreement(agreement) }?;
        out_ptr(out, "out")?;
        out_ptr(out_len, "out_len")?;
        let text = f(a)?;
        // SAFETY: both pointers passed `out_ptr`.
        unsafe { string_out(text, out, out_len) }
    })
}

/// Writes the agreement as TOML (the file format for people); reading it
/// back gives an equal agreement.
///
/// On `DPA_STATUS_OK`, `*out` is a NUL-terminated UTF-8 string the caller
/// frees with `dpa_string_free`, and `*out_len` its length in bytes without
/// the NUL. On failure neither is written: `DPA_STATUS_NULL_ARGUMENT`.
///
/// # Safety
/// `agreement` must be a live handle; `out` and `out_len` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_to_toml(
    agreement: *const dpa_agreement,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> dpa_status {
    // SAFETY: forwarded from the exported function's contract.
    unsafe {
        agreement_text(agreement, out, out_len, |a| {
            a.to_toml().map_err(|e| FfiError::core(&e, ""))
        })
    }
}

/// Writes the agreement as JSON, byte for byte as `dpa show --format json`
/// prints it. Ownership and errors as for `dpa_agreement_to_toml`.
///
/// # Safety
/// As `dpa_agreement_to_toml`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_to_json(
    agreement: *const dpa_agreement,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> dpa_status {
    // SAFETY: forwarded from the exported function's contract.
    unsafe {
        agreement_text(agreement, out, out_len, |a| {
            Ok(a.to_json().map_err(|e| FfiError::core(&e, ""))? + "\n")
        })
    }
}

// ---------------------------------------------------------------------------
// Deadlines, one at a time

/// A kind of deadline triggered by a date, as its single-date function
/// takes it: the kind, and the name of the trigger date in errors (the
/// argument `dpa_last_error_path` names). One type per function, so that
/// [`date_deadline`] is written once and each copy of it knows its kind
/// and name as constants.
trait DateKind {
    /// The kind computed.
    const KIND: DeadlineKind;
    /// The trigger date's name in errors.
    const ARG: &'static str;
}

/// `dpa_agreement_deletion_deadline`.
struct Deletion;
/// `dpa_agreement_backup_deletion_deadline`.
struct BackupDeletion;
/// `dpa_agreement_next_audit_allowed`.
struct NextAudit;
/// `dpa_agreement_earliest_audit_date`.
struct AuditNotice;
/// `dpa_agreement_termination_window_end`.
struct TerminationWindow;

impl DateKind for Deletion {
    const KIND: DeadlineKind = DeadlineKind::Deletion;
    const ARG: &'static str = "terminated";
}
impl DateKind for BackupDeletion {
    const KIND: DeadlineKind = DeadlineKind::BackupDeletion;
    const ARG: &'static str = "terminated";
}
impl DateKind for NextAudit {
    const KIND: DeadlineKind = DeadlineKind::NextAudit;
    const ARG: &'static str = "last_audit";
}
impl DateKind for AuditNotice {
    const KIND: DeadlineKind = DeadlineKind::AuditNotice;
    const ARG: &'static str = "notice_given";
}
impl DateKind for TerminationWindow {
    const KIND: DeadlineKind = DeadlineKind::TerminationWindow;
    const ARG: &'static str = "notified";
}

/// The body of the five single-date deadline functions: the deadline of
/// `K` from `year-month-day`, written to `out`.
///
/// The panic boundary ([`guard_status`]) hands the five arguments to
/// [`date_deadline_status`] in registers and gets its status back in one:
/// with the work inside the boundary's closure, every argument and the
/// whole result went through memory, which cost more than the checks and
/// the conversion together (`BENCHMARKS.md`, "The C boundary's own cost:
/// the date deadlines").
///
/// # Safety
/// `a` live or NULL; `out` valid for a write or NULL.
#[inline(always)]
unsafe fn date_deadline<K: DateKind>(
    a: *const dpa_agreement,
    year: i32,
    month: u32,
    day: u32,
    out: *mut dpa_deadline,
) -> dpa_status {
    // SAFETY: forwarded from the exported function's contract.
    guard_status(move || unsafe { date_deadline_status::<K>(a, year, month, day, out) })
}

/// [`date_deadline`] inside the panic boundary: NULL pointers refused in
/// the order agreement, out; the date checked; the deadline computed
/// ([`date_answer`]) and written to `out` on success only.
///
/// # Safety
/// As [`date_deadline`].
#[inline(never)]
unsafe fn date_deadline_status<K: DateKind>(
    a: *const dpa_agreement,
    year: i32,
    month: u32,
    day: u32,
    out: *mut dpa_deadline,
) -> dpa_status {
    status_of((|| {
        // SAFETY: forwarded from the exported function's contract.
        let a = unsafe { agreement(a) }?;
        out_ptr(out, "out")?;
        let d = date_answer::<dpa_deadline>(
            a,
            (K::KIND, deadline_kind_out(K::KIND)?),
            (year, month, day),
            K::ARG,
        )?;
        // SAFETY: `out` passed `out_ptr`.
        unsafe { write(out, d) };
        Ok(())
    })())
}

/// A date deadline's answer for C, made from `DueFields`: `dpa_deadline`
/// (the fields, the kind and the text) or `dpa_due` (the fields alone).
/// One type per answer, so that the date functions and the batch are
/// written once for both.
trait DateAnswer: Copy {
    /// The answer from `d`, whose kind's C value is `c_kind`.
    fn of(d: &DueFields, c_kind: dpa_deadline_kind) -> FfiResult<Self>;
}

impl DateAnswer for dpa_deadline {
    #[inline(always)]
    fn of(d: &DueFields, c_kind: dpa_deadline_kind) -> FfiResult<Self> {
        due_fields_of_kind(d, c_kind)
    }
}

impl DateAnswer for dpa_due {
    #[inline(always)]
    fn of(d: &DueFields, _: dpa_deadline_kind) -> FfiResult<Self> {
        due_out(d)
    }
}

/// The deadline of the date kind `kind` from the C date `(year, month,
/// day)` as the C answer `T`, from `DueFields` (neither struct carries a
/// citation or note) computed from the numbers as they came
/// (`date_due_of_parts`): the one conversion of the single-date functions
/// and of the date batches. Errors name `arg`.
///
/// `c_kind` is the C value of `kind` (`deadline_kind_out`), which a
/// `dpa_deadline` carries: a constant in the single-date functions,
/// converted once per call elsewhere.
#[inline(always)]
fn date_answer<T: DateAnswer>(
    a: &Agreement,
    (kind, c_kind): (DeadlineKind, dpa_deadline_kind),
    (year, month, day): (i32, u32, u32),
    arg: &str,
) -> FfiResult<T> {
    // `dpa-core`'s error for numbers that are no date is `date_in`'s.
    let d = match a.date_due_of_parts(kind, year, month, day) {
        Ok(d) => d,
        Err(e) => return Err(FfiError::core(&e, arg)),
    };
    T::of(&d, c_kind)
}

/// A `dpa_deadline_kind` from C that a date triggers, for the functions
/// that take the kind: `INVALID_VALUE` (path `kind`) for a number that is
/// no kind and for a kind an instant triggers.
#[inline(always)]
fn date_kind_in(kind: u32) -> FfiResult<DeadlineKind> {
    let kind = deadline_kind_in(kind, "kind")?;
    if kind.trigger() != Trigger::Date {
        return Err(not_a_date_kind(kind));
    }
    Ok(kind)
}

/// The error of [`date_kind_in`] for a kind an instant triggers.
#[cold]
#[inline(never)]
fn not_a_date_kind(kind: DeadlineKind) -> FfiError {
    FfiError::new(
        dpa_status::InvalidValue,
        "kind",
        format!("`{kind}` is triggered by an instant: use dpa_agreement_instant_deadlines"),
    )
}

/// Computes a deadline from an instant trigger and writes it to `out`.
///
/// # Safety
/// `a` live or NULL; `out` valid for a write or NULL.
#[inline(always)]
unsafe fn instant_deadline(
    a: *const dpa_agreement,
    unix: i64,
    out: *mut dpa_deadline,
    arg: &str,
    f: impl FnOnce(&Agreement, OffsetDateTime) -> dpa_core::Result<Deadline>,
) -> dpa_status {
    guard(|| {
        // SAFETY: forwarded from the exported function's contract.
        let a = unsafe { agreement(a) }?;
        out_ptr(out, "out")?;
        let from = instant_in(unix, arg)?;
        let d = f(a, from).map_err(|e| FfiError::core(&e, arg))?;
        let d = deadline_out(&d)?;
        // SAFETY: `out` passed `out_ptr`.
        unsafe { write(out, d) };
        Ok(())
    })
}

/// The date by which the client's data must be deleted after the agreement
/// ended on `year-month-day` (the termination date): the agreement's term
/// added (months under its month rule, days and weeks as calendar days, a
/// year as 12 months), inclusive (DPS 1.11 / clause 2.6.3; DPS 12 /
/// clause 6.3). Belco, terminated 2026-11-30: 2027-02-28.
///
/// Writes `*out` only on `DPA_STATUS_OK`. Errors: `DPA_STATUS_NULL_ARGUMENT`
/// (`agreement` or `out` NULL), `DPA_STATUS_OUT_OF_RANGE` (no such date, or
/// the result would pass 9999-12-31).
///
/// # Safety
/// `agreement` must be a live handle; `out` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_deletion_deadline(
    agreement: *const dpa_agreement,
    year: i32,
    month: u32,
    day: u32,
    out: *mut dpa_deadline,
) -> dpa_status {
    // SAFETY: the caller's contract is the one `date_deadline` needs.
    unsafe { date_deadline::<Deletion>(agreement, year, month, day, out) }
}

/// The date by which backups must be free of the client's data after the
/// agreement ended on `year-month-day`: the deletion date plus one backup
/// cycle where the agreement states it; `DPA_DUE_KIND_NONE` where it ties
/// deletion to the cycle without stating its length; the deletion date where
/// backups fall within the main term. Out-parameter and errors as for
/// `dpa_agreement_deletion_deadline`.
///
/// # Safety
/// As `dpa_agreement_deletion_deadline`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_backup_deletion_deadline(
    agreement: *const dpa_agreement,
    year: i32,
    month: u32,
    day: u32,
    out: *mut dpa_deadline,
) -> dpa_status {
    // SAFETY: the caller's contract is the one `date_deadline` needs.
    unsafe { date_deadline::<BackupDeletion>(agreement, year, month, day, out) }
}

/// When the processor must notify the client of a breach it discovered at
/// `discovered_unix` (Unix seconds, UTC): that instant plus the agreement's
/// hours, or its days as 24 hours each, exactly (`DPA_DUE_KIND_INSTANT`), or `DPA_DUE_KIND_NONE` for
/// "without undue delay". Belco, discovered 2026-03-28T10:30+01:00
/// (1774690200): 2026-03-29T09:30:00Z (1774776600).
///
/// Writes `*out` only on `DPA_STATUS_OK`. Errors: `DPA_STATUS_NULL_ARGUMENT`,
/// `DPA_STATUS_OUT_OF_RANGE` (an instant outside years 1..=9999, or a result
/// past them).
///
/// # Safety
/// `agreement` must be a live handle; `out` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_breach_notice_deadline(
    agreement: *const dpa_agreement,
    discovered_unix: i64,
    out: *mut dpa_deadline,
) -> dpa_status {
    // SAFETY: the caller's contract is the one `instant_deadline` needs.
    unsafe {
        instant_deadline(
            agreement,
            discovered_unix,
            out,
            "discovered",
            Agreement::breach_notice_deadline,
        )
    }
}

/// The controller's horizon for notifying the supervisory authority: 72
/// hours after it became aware of a breach at `aware_unix` (GDPR art.
/// 33(1)). Out-parameter and errors as for
/// `dpa_agreement_breach_notice_deadline`.
///
/// # Safety
/// As `dpa_agreement_breach_notice_deadline`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_authority_notice_deadline(
    agreement: *const dpa_agreement,
    aware_unix: i64,
    out: *mut dpa_deadline,
) -> dpa_status {
    // SAFETY: the caller's contract is the one `instant_deadline` needs.
    unsafe {
        instant_deadline(
            agreement,
            aware_unix,
            out,
            "aware",
            Agreement::authority_notice_deadline,
        )
    }
}

/// The earliest date the client may audit again after an audit held on
/// `year-month-day`, under the agreement's reading of "per year"
/// (`DPA_BOUND_NO_EARLIER_THAN`). Out-parameter and errors as for
/// `dpa_agreement_deletion_deadline`.
///
/// # Safety
/// As `dpa_agreement_deletion_deadline`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_next_audit_allowed(
    agreement: *const dpa_agreement,
    year: i32,
    month: u32,
    day: u32,
    out: *mut dpa_deadline,
) -> dpa_status {
    // SAFETY: the caller's contract is the one `date_deadline` needs.
    unsafe { date_deadline::<NextAudit>(agreement, year, month, day, out) }
}

/// The earliest date of the next audit given the dates of all audits held,
/// `audits[0..len]` in any order (with at most N audits per period, the
/// period runs from the N-th most recent). Out-parameter as for
/// `dpa_agreement_deletion_deadline`. Errors: `DPA_STATUS_NULL_ARGUMENT`,
/// `DPA_STATUS_INVALID_VALUE` (`len` 0: give at least one audit),
/// `DPA_STATUS_OUT_OF_RANGE` (an element is no date: the path names it,
/// `audits[2]`), `DPA_STATUS_TOO_LARGE`.
///
/// # Safety
/// `agreement` must be a live handle; `audits` valid for reads of `len`
/// dates; `out` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_next_audit_allowed_after(
    agreement: *const dpa_agreement,
    audits: *const dpa_date,
    len: usize,
    out: *mut dpa_deadline,
) -> dpa_status {
    guard(|| {
        // SAFETY: `agreement` is live by the caller's contract.
        let a = unsafe { self::agreement(agreement) }?;
        out_ptr(out, "out")?;
        // SAFETY: `audits` is valid for `len` reads by the caller's contract.
        let audits = unsafe { array_in(audits, len, "audits") }?;
        let mut dates = Vec::new();
        for (i, d) in audits.iter().enumerate() {
            push_grown(
                &mut dates,
                date_from(*d, &format!("audits[{i}]"))?,
                "audits",
            )?;
        }
        let d = a
            .next_audit_allowed_after(&dates)
            .map_err(|e| FfiError::core(&e, "audits"))?;
        let d = deadline_out(&d)?;
        // SAFETY: `out` passed `out_ptr`.
        unsafe { write(out, d) };
        Ok(())
    })
}

/// The earliest date of an audit announced in writing on `year-month-day`:
/// that date plus the agreement's notice days (`DPA_BOUND_NO_EARLIER_THAN`).
/// Out-parameter and errors as for `dpa_agreement_deletion_deadline`.
///
/// # Safety
/// As `dpa_agreement_deletion_deadline`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_earliest_audit_date(
    agreement: *const dpa_agreement,
    year: i32,
    month: u32,
    day: u32,
    out: *mut dpa_deadline,
) -> dpa_status {
    // SAFETY: the caller's contract is the one `date_deadline` needs.
    unsafe { date_deadline::<AuditNotice>(agreement, year, month, day, out) }
}

/// The last day of the client's window to terminate after a significant
/// statement change was notified on `year-month-day`. Out-parameter and
/// errors as for `dpa_agreement_deletion_deadline`.
///
/// # Safety
/// As `dpa_agreement_deletion_deadline`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_termination_window_end(
    agreement: *const dpa_agreement,
    year: i32,
    month: u32,
    day: u32,
    out: *mut dpa_deadline,
) -> dpa_status {
    // SAFETY: the caller's contract is the one `date_deadline` needs.
    unsafe { date_deadline::<TerminationWindow>(agreement, year, month, day, out) }
}

/// The deadline of the date kind `kind` from `year-month-day` as its
/// fields alone, without the text a `dpa_deadline` carries: the same
/// computation as `dpa-core`'s `DueFields`, for bulk work. `kind` is a
/// `dpa_deadline_kind` triggered by a date: `DELETION`, `BACKUP_DELETION`,
/// `NEXT_AUDIT`, `AUDIT_NOTICE` or `TERMINATION_WINDOW`; the fields equal
/// those of the kind's own function (`dpa_agreement_deletion_deadline`,
/// ...). Belco, `DELETION`, terminated 2026-11-30: `due_date` 2027-02-28.
///
/// Writes `*out` only on `DPA_STATUS_OK`. Errors: `DPA_STATUS_INVALID_VALUE`
/// (an unknown or instant kind, path `kind`), `DPA_STATUS_NULL_ARGUMENT`
/// (`agreement` or `out` NULL), `DPA_STATUS_OUT_OF_RANGE` (no such date, or
/// the result would pass 9999-12-31; path `from`).
///
/// # Safety
/// `agreement` must be a live handle; `out` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_date_due(
    agreement: *const dpa_agreement,
    kind: u32,
    year: i32,
    month: u32,
    day: u32,
    out: *mut dpa_due,
) -> dpa_status {
    // SAFETY: forwarded from this function's contract.
    guard_status(move || unsafe { date_due_status(agreement, kind, year, month, day, out) })
}

/// `dpa_agreement_date_due` inside the panic boundary: the fast path of
/// a call whose arguments are all good. The kind, the handle and `out` are
/// tested once, without an error made for them, and the date goes to
/// `dpa-core` as the numbers it came as (`Agreement::date_due_of_parts`,
/// which checks it and adds a term of months to the numbers). If a test
/// fails, the call is [`date_due_refused`]'s, which checks the arguments
/// again in the order the documentation gives and names the first that
/// fails. The date is the last in that order, so `dpa-core`'s error, for
/// a date that is no date or for the computation, is the status with the
/// path `from` ([`date_failed`]). Only the handle's computation and the
/// answer are left after the tests, so the arguments need not outlive the
/// call into `dpa-core`.
///
/// # Safety
/// As `dpa_agreement_date_due`.
#[inline(never)]
unsafe fn date_due_status(
    a: *const dpa_agreement,
    kind: u32,
    year: i32,
    month: u32,
    day: u32,
    out: *mut dpa_due,
) -> dpa_status {
    let tests = (
        date_kind_of(kind),
        // SAFETY: by the contract a non-NULL `a` is a live handle.
        unsafe { a.as_ref() },
        !out.is_null() && out.is_aligned(),
    );
    let (Some(date_kind), Some(handle), true) = tests else {
        // SAFETY: forwarded from the exported function's contract.
        return unsafe { date_due_refused(a, kind, year, month, day, out) };
    };
    match handle.inner.date_due_of_parts(date_kind, year, month, day) {
        Ok(d) => match due_out(&d) {
            Ok(v) => {
                // SAFETY: `out` is not NULL and aligned (tested above), and
                // valid for a write by the contract.
                unsafe { write(out, v) };
                dpa_status::Ok
            }
            Err(e) => status_of(Err(e)),
        },
        Err(e) => date_failed(&e),
    }
}

/// The status of a deadline from the argument `from` that `dpa-core`
/// refused (`date_answer`'s error, and [`date_in`]'s for a date that is no
/// date: `dpa-core` gives `iso_date::from_parts`'s error for it), recorded
/// as the last error.
#[cold]
#[inline(never)]
fn date_failed(e: &dpa_core::Error) -> dpa_status {
    status_of(Err(FfiError::core(e, "from")))
}

/// The date kind whose C value is `kind`: `None` for a number that is no
/// kind and for a kind an instant triggers ([`date_kind_in`] without the
/// error). One load from [`DATE_KINDS`].
#[inline(always)]
fn date_kind_of(kind: u32) -> Option<DeadlineKind> {
    DATE_KINDS.get(kind as usize).copied().flatten()
}

/// The date kind of each `dpa_deadline_kind` value, `None` where an
/// instant triggers it; made from [`deadline_kind_of`] and
/// [`DeadlineKind::trigger`], so it cannot disagree with either. Its
/// length is the number of `dpa_deadline_kind` values (a value past it is
/// no kind).
const DATE_KINDS: [Option<DeadlineKind>; 8] = {
    let mut kinds = [None; 8];
    let mut i = 0;
    while i < kinds.len() {
        if let Some(k) = deadline_kind_of(i as u32)
            && matches!(k.trigger(), Trigger::Date)
        {
            kinds[i] = Some(k);
        }
        i += 1;
    }
    kinds
};

/// `dpa_agreement_date_due` for arguments one of which failed the fast
/// path's tests ([`date_due_status`]), as [`date_deadline_status`] is for
/// the kind-specific functions: the kind checked, then the pointers in the
/// order agreement, out, then the date; the first that fails is the
/// status and the last error. Should all of them pass here, the deadline
/// is computed as it would have been.
///
/// # Safety
/// As `dpa_agreement_date_due`.
#[cold]
#[inline(never)]
unsafe fn date_due_refused(
    a: *const dpa_agreement,
    kind: u32,
    year: i32,
    month: u32,
    day: u32,
    out: *mut dpa_due,
) -> dpa_status {
    status_of((|| {
        let kind = date_kind_in(kind)?;
        // SAFETY: forwarded from the exported function's contract.
        let a = unsafe { agreement(a) }?;
        out_ptr(out, "out")?;
        let kinds = (kind, deadline_kind_out(kind)?);
        let d = date_answer::<dpa_due>(a, kinds, (year, month, day), "from")?;
        // SAFETY: `out` passed `out_ptr`.
        unsafe { write(out, d) };
        Ok(())
    })())
}

/// When the processor starts working on an incident reported at
/// `reported_unix` with `impact` (a `dpa_impact`), under the statement's
/// service level. Writes `*out` only on `DPA_STATUS_OK`. Errors:
/// `DPA_STATUS_NULL_ARGUMENT`, `DPA_STATUS_INVALID_VALUE` (an unknown
/// impact, or `DPA_IMPACT_UNSTATED`: path `impact`; an agreement without a
/// service level: `statement.service_level`), `DPA_STATUS_OUT_OF_RANGE`.
///
/// # Safety
/// `agreement` must be a live handle; `out` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_service_response(
    agreement: *const dpa_agreement,
    reported_unix: i64,
    impact: u32,
    out: *mut dpa_deadline,
) -> dpa_status {
    guard(|| {
        let impact = impact_in(impact, "impact")?;
        // SAFETY: `agreement` is live by the caller's contract.
        let a = unsafe { self::agreement(agreement) }?;
        out_ptr(out, "out")?;
        let from = instant_in(reported_unix, "reported")?;
        let d = a
            .deadline_with(
                DeadlineKind::ServiceResponse,
                Start::Instant(from),
                impact,
                Detail::DueOnly,
            )
            .map_err(|e| FfiError::core(&e, "reported"))?;
        let d = deadline_out(&d)?;
        // SAFETY: `out` passed `out_ptr`.
        unsafe { write(out, d) };
        Ok(())
    })
}

/// Any deadline, with the trigger as text: the struct answer of `dpa
/// deadline KIND FILE --from FROM [--impact I]`. `kind` is a
/// `dpa_deadline_kind`; `from` (`from_len` bytes of UTF-8) a date
/// `YYYY-MM-DD` for the date kinds or an instant with a UTC offset
/// (`2026-03-28T10:30:00+01:00`) for `BREACH_NOTICE`, `AUTHORITY_NOTICE` and
/// `SERVICE_RESPONSE`; `impact` (a `dpa_impact`) is used by the latter only
/// (`DPA_IMPACT_UNSTATED` where none is given, which it refuses).
/// For `NEXT_AUDIT` the trigger is the last audit held.
///
/// Writes `*out` only on `DPA_STATUS_OK`. Errors: `DPA_STATUS_NULL_ARGUMENT`,
/// `DPA_STATUS_INVALID_UTF8`, `DPA_STATUS_INVALID_VALUE` (unknown kind or
/// impact; `SERVICE_RESPONSE` with `DPA_IMPACT_UNSTATED`: path `impact`;
/// `from` not a date or instant: path `from`; no service level),
/// `DPA_STATUS_OUT_OF_RANGE` (a date such as `2026-02-30` that does not
/// exist, or a result out of range).
///
/// # Safety
/// `agreement` must be a live handle; `from` valid for reads of `from_len`
/// bytes; `out` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_deadline(
    agreement: *const dpa_agreement,
    kind: u32,
    from: *const c_char,
    from_len: usize,
    impact: u32,
    out: *mut dpa_deadline,
) -> dpa_status {
    guard(|| {
        let kind = deadline_kind_in(kind, "kind")?;
        // SAFETY: `agreement` is live by the caller's contract.
        let a = unsafe { self::agreement(agreement) }?;
        out_ptr(out, "out")?;
        // SAFETY: `from` is valid for `from_len` bytes by the caller's contract.
        let from = unsafe { text_in(from, from_len, "from") }?;
        let d = deadline_from_text(a, kind, from, impact, "from", Detail::DueOnly)?;
        let d = deadline_out(&d)?;
        // SAFETY: `out` passed `out_ptr`.
        unsafe { write(out, d) };
        Ok(())
    })
}

/// One deadline of `kind` from its trigger as text (a date or an instant,
/// as the kind's trigger says: `Start::parse_for`), built to `detail` (the
/// citation and note only where they are output). `impact` must be a
/// `dpa_impact`; `dpa-core` reads it for `SERVICE_RESPONSE` only.
fn deadline_from_text(
    a: &Agreement,
    kind: DeadlineKind,
    from: &str,
    impact: u32,
    arg: &str,
    detail: Detail,
) -> FfiResult<Deadline> {
    let impact = impact_in(impact, "impact")?;
    let start = Start::parse_for(kind, from).map_err(|e| FfiError::core(&e, arg))?;
    a.deadline_with(kind, start, impact, detail)
        .map_err(|e| FfiError::core(&e, arg))
}

// ---------------------------------------------------------------------------
// Deadlines in batches

/// One deadline of date kind `kind` per trigger date: `out[i]` is the
/// deadline for `from[i]`, as the single-value functions compute it (one
/// crossing for many values). `kind` is a `dpa_deadline_kind` triggered by a
/// date: `DELETION`, `BACKUP_DELETION`, `NEXT_AUDIT`, `AUDIT_NOTICE` or
/// `TERMINATION_WINDOW`.
///
/// `out` has room for `out_cap` values (at least `len`); it may be NULL when
/// `len` is 0. All or nothing: `out` is written only on `DPA_STATUS_OK`.
/// Errors: `DPA_STATUS_NULL_ARGUMENT`, `DPA_STATUS_INVALID_VALUE` (an unknown
/// or instant kind), `DPA_STATUS_BUFFER_TOO_SMALL` (`out_cap < len`),
/// `DPA_STATUS_OUT_OF_RANGE` (the first bad element, named `from[i]` in the
/// message and path), `DPA_STATUS_TOO_LARGE`.
///
/// # Safety
/// `agreement` must be a live handle; `from` valid for reads of `len` dates;
/// `out` valid for writes of `out_cap` deadlines.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_date_deadlines(
    agreement: *const dpa_agreement,
    kind: u32,
    from: *const dpa_date,
    len: usize,
    out: *mut dpa_deadline,
    out_cap: usize,
) -> dpa_status {
    // SAFETY: the caller's contract is the one `date_batch` needs.
    unsafe { date_batch(agreement, kind, from, len, out, out_cap) }
}

/// One deadline of date kind `kind` per trigger date as its fields alone:
/// `out[i]` is `dpa_agreement_date_due` for `from[i]`, the fields of
/// `dpa_agreement_date_deadlines` without the text (one crossing for many
/// values, nothing computed that bulk work does not read). Belco,
/// `DELETION`, from 2026-11-30: `due_date` 2027-02-28.
///
/// `out` has room for `out_cap` values (at least `len`); it may be NULL when
/// `len` is 0. All or nothing: `out` is written only on `DPA_STATUS_OK`.
/// Errors as for `dpa_agreement_date_deadlines`: `DPA_STATUS_NULL_ARGUMENT`,
/// `DPA_STATUS_INVALID_VALUE` (an unknown or instant kind),
/// `DPA_STATUS_BUFFER_TOO_SMALL` (`out_cap < len`), `DPA_STATUS_OUT_OF_RANGE`
/// (the first bad element, named `from[i]` in the message and path),
/// `DPA_STATUS_TOO_LARGE`.
///
/// # Safety
/// `agreement` must be a live handle; `from` valid for reads of `len` dates;
/// `out` valid for writes of `out_cap` values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_date_dues(
    agreement: *const dpa_agreement,
    kind: u32,
    from: *const dpa_date,
    len: usize,
    out: *mut dpa_due,
    out_cap: usize,
) -> dpa_status {
    // SAFETY: the caller's contract is the one `date_batch` needs.
    unsafe { date_batch(agreement, kind, from, len, out, out_cap) }
}

/// The body of the date batches, for either answer `T`: the kind, the
/// handle and the arrays checked in that order; then, for more than one
/// element and arrays that do not overlap, a first pass
/// ([`all_dates_compute`]) that lets the second write straight into `out`
/// ([`date_answers_into`]); otherwise, or when the first pass finds an
/// element that fails, the answers through a buffer
/// ([`date_answers_buffered`]), which names the first failing element.
///
/// # Safety
/// `agreement` live or NULL; `from` valid for reads of `len` dates; `out`
/// valid for writes of `out_cap` values.
#[inline(always)]
unsafe fn date_batch<T: DateAnswer>(
    agreement: *const dpa_agreement,
    kind: u32,
    from: *const dpa_date,
    len: usize,
    out: *mut T,
    out_cap: usize,
) -> dpa_status {
    guard(|| {
        let kind = date_kind_in(kind)?;
        // SAFETY: `agreement` is live by the caller's contract.
        let a = unsafe { self::agreement(agreement) }?;
        // SAFETY: `from` is valid for `len` reads by the caller's contract.
        let from = unsafe { array_in(from, len, "from") }?;
        out_array(out, out_cap, from.len(), "out")?;
        let kinds = (kind, deadline_kind_out(kind)?);
        if from.len() > 1 && !overlaps(from, out) && all_dates_compute(a, kind, from) {
            // SAFETY: `out` passed `out_array` for `from.len()` values and
            // does not overlap `from`.
            unsafe { date_answers_into(a, kinds, from, out) }
        } else {
            date_answers_buffered(a, kinds, from, out)
        }
    })
}

/// Whether the `len` values written to `out` would overlap the input
/// `from` (the header lets a batch work in place; the two arrays' element
/// types differ here, so only the buffered path may serve that).
fn overlaps<T>(from: &[dpa_date], out: *mut T) -> bool {
    let (from_start, from_end) = (from.as_ptr() as usize, from.as_ptr_range().end as usize);
    let out_start = out as usize;
    let out_end = out_start.saturating_add(from.len().saturating_mul(size_of::<T>()));
    from_start < out_end && out_start < from_end
}

/// The first pass of the date batches ([`date_batch`]), which decides whether
/// the second can write each answer straight into `out`: whether every
/// element of `from` is a date and the deadline of the latest of them
/// computes. Then the deadline of every element computes too, so the
/// second pass cannot fail after writing part of `out`:
///
/// - `iso_date::is_date` takes exactly the dates the second pass's
///   `date_due_of_parts` takes (those of `iso_date::checked_from_parts`,
///   the check of every date handed in as numbers; the test
///   `checked_from_parts_takes_exactly_the_real_dates` holds both to the
///   calendar);
/// - `dpa-core` guarantees that where the deadline of a date-triggered
///   kind computes from a date it computes from every earlier date as well
///   (`Agreement::date_due_of`, "Errors"; tested there by
///   `an_error_from_a_date_is_an_error_from_every_later_date`), and the
///   kind was checked before this pass;
/// - the conversion to either C struct fails only for a value of
///   `dpa-core`'s enumerations that this libdpa does not know, and libdpa
///   is built with the `dpa-core` whose every kind, bound, provenance and
///   due day it maps
///   (`abi::deadlines::date_structs_equal_the_deadline_conversion`,
///   `abi::dues::dues_equal_the_deadlines_fields`).
///
/// The pass reads every element whatever it finds, with no branch on the
/// elements and nothing stored, so that the compiler can check several at
/// once (SSE2 code, four dates at a time): in `perf`, a tenth of what the
/// second pass's own code takes (`BENCHMARKS.md`, "The date batches'
/// first pass without a branch").
/// The latest date is found as the largest of the numbers
/// `year << 9 | month << 5 | day`, which for real dates (years 1 to 9999)
/// are in the order of the dates and decode to them.
fn all_dates_compute(a: &Agreement, kind: DeadlineKind, from: &[dpa_date]) -> bool {
    let mut all = true;
    let mut latest = 0_u32;
    for d in from {
        all &= iso_date::is_date(d.year, d.month, d.day);
        // Meaningless where `all` is false, and not read then.
        latest = latest.max((d.year as u32) << 9 | (d.month & 0xF) << 5 | (d.day & 0x1F));
    }
    all && a
        .date_due_of_parts(
            kind,
            (latest >> 9) as i32,
            (latest >> 5) & 0xF,
            latest & 0x1F,
        )
        .is_ok()
}

/// The second pass of the date batches: each answer written straight
/// into `out`, once [`all_dates_compute`] has said that none can fail.
/// It computes from the numbers as they came (`date_due_of_parts`, as the
/// single-date call does).
/// Should one fail all the same (a bug: the first pass's reasoning no
/// longer holds), the call is `DPA_STATUS_PANIC`, saying that `out` may
/// be partly written, never a silent partial answer.
///
/// # Safety
/// `out` must have passed `out_array` for `from.len()` values, be valid
/// for that many writes, and not overlap the caller's input.
#[inline(never)]
unsafe fn date_answers_into<T: DateAnswer>(
    a: &Agreement,
    (kind, c_kind): (DeadlineKind, dpa_deadline_kind),
    from: &[dpa_date],
    out: *mut T,
) -> FfiResult {
    for (i, d) in from.iter().enumerate() {
        // The fields are read where `dpa-core` wrote them (a `match`, not
        // `map_err`, which moved them first).
        let answer = match a.date_due_of_parts(kind, d.year, d.month, d.day) {
            Ok(fields) => T::of(&fields, c_kind),
            Err(e) => Err(FfiError::core(&e, "from")),
        };
        match answer {
            // SAFETY: `i < from.len()`, for which `out` is valid (the
            // caller's contract).
            Ok(v) => unsafe { write(out.add(i), v) },
            Err(e) => return Err(second_pass_failed(at_index(e, "from", i))),
        }
    }
    Ok(())
}

/// The error of a second pass that failed after its first said it could
/// not: `DPA_STATUS_PANIC` (a bug in libdpa), with the element's own error.
#[cold]
#[inline(never)]
fn second_pass_failed(e: FfiError) -> FfiError {
    FfiError::new(
        dpa_status::Panic,
        e.path,
        format!(
            "libdpa bug: a deadline failed after the batch's first pass found that none can \
             ({}); `out` may be partly written",
            e.message
        ),
    )
}

/// A date batch through a buffer of its own, copied to
/// `out` when every element has succeeded: for one element, for arrays
/// that overlap, and for a batch with an element that fails (whose first
/// failing element it names, `from[i]`).
fn date_answers_buffered<T: DateAnswer>(
    a: &Agreement,
    kind: (DeadlineKind, dpa_deadline_kind),
    from: &[dpa_date],
    out: *mut T,
) -> FfiResult {
    let mut values = Vec::new();
    for (i, d) in from.iter().enumerate() {
        let r = date_answer(a, kind, (d.year, d.month, d.day), "from");
        push_grown(&mut values, r.map_err(|e| at_index(e, "from", i))?, "out")?;
    }
    // SAFETY: `out` passed `out_array` for `values.len()` values (the
    // caller's); `values` is a separate allocation, so `out` may overlap
    // `from`.
    unsafe { write_array(out, &values) };
    Ok(())
}

/// One deadline of instant kind `kind` per trigger instant (Unix seconds):
/// `out[i]` is the deadline for `from[i]`. `kind` is `BREACH_NOTICE`,
/// `AUTHORITY_NOTICE` or `SERVICE_RESPONSE`; `impact` (a `dpa_impact`) is
/// used by `SERVICE_RESPONSE` only, which refuses `DPA_IMPACT_UNSTATED`.
/// Buffer rules and errors as for `dpa_agreement_date_deadlines`.
///
/// # Safety
/// `agreement` must be a live handle; `from` valid for reads of `len`
/// values; `out` valid for writes of `out_cap` deadlines.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_instant_deadlines(
    agreement: *const dpa_agreement,
    kind: u32,
    from: *const i64,
    len: usize,
    impact: u32,
    out: *mut dpa_deadline,
    out_cap: usize,
) -> dpa_status {
    guard(|| {
        let kind = deadline_kind_in(kind, "kind")?;
        if kind.trigger() != Trigger::Instant {
            return Err(FfiError::new(
                dpa_status::InvalidValue,
                "kind",
                format!("`{kind}` is triggered by a date: use dpa_agreement_date_deadlines"),
            ));
        }
        // SAFETY: `agreement` is live by the caller's contract.
        let a = unsafe { self::agreement(agreement) }?;
        // SAFETY: `from` is valid for `len` reads by the caller's contract.
        let from = unsafe { array_in(from, len, "from") }?;
        out_array(out, out_cap, from.len(), "out")?;
        let impact = impact_in(impact, "impact")?;
        let mut values = Vec::new();
        for (i, &t) in from.iter().enumerate() {
            let r = instant_in(t, "from")
                .and_then(|t| {
                    a.deadline_with(kind, Start::Instant(t), impact, Detail::DueOnly)
                        .map_err(|e| FfiError::core(&e, "from"))
                })
                .and_then(|d| deadline_out(&d));
            push_grown(&mut values, r.map_err(|e| at_index(e, "from", i))?, "out")?;
        }
        // SAFETY: `out` passed `out_array` for `values.len()` values.
        unsafe { write_array(out, &values) };
        Ok(())
    })
}

/// One deadline of kind `kind` per line of `from`, as text: the batch for
/// languages whose FFI is slow per argument or per struct field (PHP pays
/// 20-40 ns for each), one crossing for any number of values.
///
/// `from` is `from_len` bytes of UTF-8, one trigger per line (`\n`; a final
/// newline is allowed) as `dpa deadline --from` takes it: `YYYY-MM-DD` for the
/// date kinds, an instant with a UTC offset for `BREACH_NOTICE`,
/// `AUTHORITY_NOTICE` and `SERVICE_RESPONSE` (`impact`, a `dpa_impact`, is
/// used by the latter only, which refuses `DPA_IMPACT_UNSTATED`). The
/// output has one line per trigger, joined by `\n` without a final newline:
/// the due date or instant exactly as the text output of `dpa deadline`
/// starts (`2027-02-28`, `2026-03-29T09:30:00Z`, or `none` where the
/// agreement sets no fixed term). No lines in, empty text out.
///
/// Ownership of `*out` as for `dpa_agreement_check_json`. All or nothing.
/// Errors: `DPA_STATUS_NULL_ARGUMENT`, `DPA_STATUS_TOO_LARGE`,
/// `DPA_STATUS_INVALID_UTF8`, `DPA_STATUS_INVALID_VALUE` (unknown kind or
/// impact; a line that is not a date or instant: path `from[i]`, 0-based),
/// `DPA_STATUS_OUT_OF_RANGE` (path `from[i]`).
///
/// # Safety
/// `agreement` must be a live handle; `from` valid for reads of `from_len`
/// bytes; `out` and `out_len` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_deadlines_text(
    agreement: *const dpa_agreement,
    kind: u32,
    from: *const c_char,
    from_len: usize,
    impact: u32,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> dpa_status {
    use std::io::Write as _;
    guard(|| {
        let kind = deadline_kind_in(kind, "kind")?;
        // SAFETY: `agreement` is live by the caller's contract.
        let a = unsafe { self::agreement(agreement) }?;
        out_ptr(out, "out")?;
        out_ptr(out_len, "out_len")?;
        // SAFETY: `from` is valid for `from_len` bytes by the caller's contract.
        let from = unsafe { text_in(from, from_len, "from") }?;
        if kind == DeadlineKind::ServiceResponse {
            impact_in(impact, "impact")?;
        }
        let mut text = Vec::new();
        grow(&mut text, from.len() + from.len() / 2, "out")?;
        for (i, line) in batch_lines(from).enumerate() {
            let d = deadline_from_text(a, kind, line, impact, "from", Detail::DueOnly)
                .map_err(|e| at_index(e, "from", i))?;
            if i > 0 {
                text.push(b'\n');
            }
            match d.due {
                Due::Date { date, .. } => push_date(&mut text, date),
                // Writing to a Vec cannot fail.
                _ => drop(write!(text, "{}", d.due)),
            }
        }
        // SAFETY: both pointers passed `out_ptr`.
        unsafe { string_out(text, out, out_len) }
    })
}

/// Renames the argument `arg` in an error's path and message to `arg[i]`.
#[cold]
pub(crate) fn at_index(mut e: FfiError, arg: &str, i: usize) -> FfiError {
    let indexed = format!("{arg}[{i}]");
    if e.path == arg {
        e.path.clone_from(&indexed);
    }
    if let Some(rest) = e.message.strip_prefix(arg) {
        e.message = format!("{indexed}{rest}");
    }
    e
}

// ---------------------------------------------------------------------------
// JSON answers, as the `dpa` command prints them

/// The consistency findings about the agreement as of `year-month-day`, as
/// JSON, byte for byte what `dpa check FILE --at DATE --format json` prints
/// (`{"findings": [...]}` with a final newline).
///
/// On `DPA_STATUS_OK`, `*out` is a NUL-terminated UTF-8 string the caller
/// frees with `dpa_string_free`, `*out_len` its length without the NUL. On
/// failure neither is written: `DPA_STATUS_NULL_ARGUMENT`,
/// `DPA_STATUS_OUT_OF_RANGE` (no such date).
///
/// # Safety
/// `agreement` must be a live handle; `out` and `out_len` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_check_json(
    agreement: *const dpa_agreement,
    year: i32,
    month: u32,
    day: u32,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> dpa_status {
    // SAFETY: forwarded from the exported function's contract.
    unsafe {
        agreement_text(agreement, out, out_len, |a| {
            let at = date_in(year, month, day, "at")?;
            report_json(&CheckReport::new(a, at))
        })
    }
}

/// Every sub-processor's transfers outside the EEA assessed against the
/// transfer bases valid on `year-month-day`, as JSON: byte for byte what
/// `dpa transfers FILE --on DATE --format json` prints (`{"assessments":
/// [...], "on": "YYYY-MM-DD"}`).
///
/// Ownership of `*out` as for `dpa_agreement_check_json`. Errors:
/// `DPA_STATUS_NULL_ARGUMENT`, `DPA_STATUS_OUT_OF_RANGE` (no such date),
/// `DPA_STATUS_INVALID_VALUE` (the built-in table of transfer bases is
/// broken: a bug).
///
/// # Safety
/// `agreement` must be a live handle; `out` and `out_len` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_transfers_json(
    agreement: *const dpa_agreement,
    year: i32,
    month: u32,
    day: u32,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> dpa_status {
    // SAFETY: forwarded from the exported function's contract.
    unsafe {
        agreement_text(agreement, out, out_len, |a| {
            let on = date_in(year, month, day, "on")?;
            // Each sub-processor assessed as the JSON is written.
            let report = TransfersStream::new(a, on).map_err(|e| FfiError::core(&e, "on"))?;
            report_json(&report)
        })
    }
}

/// How the agreement covers each item GDPR art. 28 requires of a
/// processing agreement (art. 28(2), the first sentence of 28(3),
/// 28(3)(a)-(h), its final subparagraph, 28(4)), from its clauses after its
/// deviations (a removed clause no longer counts), its statement and its
/// terms, as JSON: byte for byte what `dpa coverage FILE --format json`
/// prints (`{"coverage": [...]}` with a final newline). Each of the
/// seventeen items, in article order, is an object with `id`
/// (`"28-3-b"`), `article` (`"GDPR art. 28(3)(b)"`), `name`, `verdict`
/// (`"covered"`, `"partly"`, `"not-covered"`, `"unknown"`), `covered`
/// (whether the verdict is `"covered"`), `clauses` (what covers what is
/// met: `["clause 2.5.1"]`, `"DPS 1.5"`; empty when not covered),
/// `missing` (the requirements not met, each `{"id", "text"}`) and, only
/// for an edition whose text the library does not hold
/// (`nederland-ict-2018`), `unknown` (in the form of `missing`).
///
/// Ownership of `*out` as for `dpa_agreement_check_json` (free it with
/// `dpa_string_free`). On failure neither `*out` nor `*out_len` is
/// written: `DPA_STATUS_NULL_ARGUMENT` (path `agreement`, `out` or
/// `out_len`).
///
/// # Safety
/// `agreement` must be a live handle; `out` and `out_len` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_coverage_json(
    agreement: *const dpa_agreement,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> dpa_status {
    // SAFETY: forwarded from the exported function's contract.
    unsafe {
        agreement_text(agreement, out, out_len, |a| {
            report_json(&dpa_core::completeness::CoverageReport::new(a))
        })
    }
}

/// What changed from agreement `old` to agreement `new`, each change
/// classified significant or not, and the rights a notice of the change on
/// `year-month-day` opens (the client's termination window, the right to
/// object to a sub-processor), as JSON: byte for byte what `dpa diff OLD NEW
/// --notified DATE --format json` prints. (The command's default date, the
/// new statement's effective date where it is a day, is
/// `dpa_agreement_effective_date(new)`.)
///
/// Ownership of `*out` as for `dpa_agreement_check_json`. Errors:
/// `DPA_STATUS_NULL_ARGUMENT` (path `old` or `new`),
/// `DPA_STATUS_OUT_OF_RANGE` (no such date, or a window ending out of range).
///
/// # Safety
/// `old` and `new` must be live handles; `out` and `out_len` valid for
/// writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_diff_json(
    old: *const dpa_agreement,
    new: *const dpa_agreement,
    year: i32,
    month: u32,
    day: u32,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> dpa_status {
    guard(|| {
        // SAFETY: `old` and `new` are live by the caller's contract.
        let (a, b) = unsafe { (agreement(old), agreement(new)) };
        let a = a.map_err(|_| FfiError::null("old"))?;
        let b = b.map_err(|_| FfiError::null("new"))?;
        out_ptr(out, "out")?;
        out_ptr(out_len, "out_len")?;
        let notified = date_in(year, month, day, "notified")?;
        let report = dpa_core::diff::DiffReport::new(a, b, notified)
            .map_err(|e| FfiError::core(&e, "notified"))?;
        let text = report_json(&report)?;
        // SAFETY: both pointers passed `out_ptr`.
        unsafe { string_out(text, out, out_len) }
    })
}

/// The day the agreement's Data Pro Statement takes effect
/// (`statement.effective_date`), where the statement states a day. Writes
/// `*out` only on `DPA_STATUS_OK`; errors: `DPA_STATUS_NULL_ARGUMENT`, and
/// `DPA_STATUS_INVALID_VALUE` (path `statement.effective_date`) when the
/// statement states only a month or a year ("maart 2023"): no day is
/// guessed; `dpa_agreement_effective_stated_date` gives its precision and
/// the first and last day it can mean.
///
/// # Safety
/// `agreement` must be a live handle; `out` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_effective_date(
    agreement: *const dpa_agreement,
    out: *mut dpa_date,
) -> dpa_status {
    guard(|| {
        // SAFETY: `agreement` is live by the caller's contract.
        let a = unsafe { self::agreement(agreement) }?;
        out_ptr(out, "out")?;
        let e = a.statement.effective_date;
        let Some(day) = e.day() else {
            return Err(FfiError::new(
                dpa_status::InvalidValue,
                "statement.effective_date",
                format!(
                    "{e} is a {}, not a day (some day from {} to {}): use dpa_agreement_effective_stated_date",
                    e.precision(),
                    iso_date::format(e.earliest()),
                    iso_date::format(e.latest())
                ),
            ));
        };
        // SAFETY: `out` passed `out_ptr`.
        unsafe { write(out, date_out(day)) };
        Ok(())
    })
}

/// The date the agreement's Data Pro Statement takes effect as the
/// statement states it (`statement.effective_date`): a day, a month or a
/// year, with the first and last day it can mean (for "maart 2023":
/// `DPA_DATE_PRECISION_MONTH`, 2023-03-01, 2023-03-31; for a day, both are
/// that day). Writes `*out` only on `DPA_STATUS_OK`; errors:
/// `DPA_STATUS_NULL_ARGUMENT`.
///
/// # Safety
/// `agreement` must be a live handle; `out` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_effective_stated_date(
    agreement: *const dpa_agreement,
    out: *mut dpa_stated_date,
) -> dpa_status {
    guard(|| {
        // SAFETY: `agreement` is live by the caller's contract.
        let a = unsafe { self::agreement(agreement) }?;
        out_ptr(out, "out")?;
        let d = stated_date_out(a.statement.effective_date);
        // SAFETY: `out` passed `out_ptr`.
        unsafe { write(out, d) };
        Ok(())
    })
}

/// A report's JSON ([`Report::to_json`]), as the command prints it.
fn report_json(report: &impl Report) -> FfiResult<String> {
    report.to_json().map_err(|e| FfiError::core(&e, ""))
}

/// One deadline as JSON, byte for byte what `dpa deadline KIND FILE --from
/// FROM [--impact I] --format json` prints: kind, bound, due, ends_at,
/// citation, shifted_from and note.
///
/// `kind` is a `dpa_deadline_kind`; `from` (`from_len` bytes of UTF-8) is
/// the trigger as the command takes it: a date `YYYY-MM-DD` for the date
/// kinds, an instant with a UTC offset (`2026-03-28T10:30:00+01:00`) for
/// `BREACH_NOTICE`, `AUTHORITY_NOTICE` and `SERVICE_RESPONSE`; `impact` (a
/// `dpa_impact`) is used by `SERVICE_RESPONSE` only (`DPA_IMPACT_UNSTATED`
/// where none is given: refused, as the command refuses it without
/// `--impact`).
///
/// Ownership of `*out` as for `dpa_agreement_check_json`. Errors:
/// `DPA_STATUS_NULL_ARGUMENT`, `DPA_STATUS_INVALID_UTF8`,
/// `DPA_STATUS_INVALID_VALUE` (unknown kind or impact, or
/// `SERVICE_RESPONSE` with `DPA_IMPACT_UNSTATED`: path `impact`; `from` not
/// a date or instant: path `from`), `DPA_STATUS_OUT_OF_RANGE`.
///
/// # Safety
/// `agreement` must be a live handle; `from` valid for reads of `from_len`
/// bytes; `out` and `out_len` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_deadline_json(
    agreement: *const dpa_agreement,
    kind: u32,
    from: *const c_char,
    from_len: usize,
    impact: u32,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> dpa_status {
    guard(|| {
        let kind = deadline_kind_in(kind, "kind")?;
        // SAFETY: `agreement` is live by the caller's contract.
        let a = unsafe { self::agreement(agreement) }?;
        out_ptr(out, "out")?;
        out_ptr(out_len, "out_len")?;
        // SAFETY: `from` is valid for `from_len` bytes by the caller's contract.
        let from = unsafe { text_in(from, from_len, "from") }?;
        let d = deadline_from_text(a, kind, from, impact, "from", Detail::Full)?;
        let text = report_json(&d)?;
        // SAFETY: both pointers passed `out_ptr`.
        unsafe { string_out(text, out, out_len) }
    })
}

/// Reads events and computes the timeline.
///
/// # Safety
/// `a` live or NULL; `events` valid for `events_len` bytes or NULL.
unsafe fn compute_timeline<'a>(
    a: *const dpa_agreement,
    events: *const c_char,
    events_len: usize,
    format: u32,
    (year, month, day): (i32, u32, u32),
) -> FfiResult<(&'a Agreement, dpa_core::timeline::Timeline)> {
    // SAFETY: `a` is live or NULL by the caller's contract.
    let a = unsafe { agreement(a) }?;
    let format = format_in(format, "format")?;
    let at = date_in(year, month, day, "at")?;
    // SAFETY: `events` is valid for `events_len` bytes by the caller's contract.
    let text = unsafe { document_in(events, events_len, "events") }?;
    let events = match format {
        Some(f) => Events::from_text(text, f),
        None => Events::from_bytes(text.as_bytes(), None),
    }
    .map_err(|e| FfiError::core(&e, "events"))?;
    let t = a
        .timeline(&events, at)
        .map_err(|e| FfiError::core(&e, "at"))?;
    Ok((a, t))
}

/// Every obligation the events start, with its deadline and status as of
/// `year-month-day`, and findings about the events, as JSON: byte for byte
/// what `dpa deadlines FILE --events EVENTS --at DATE --format json` prints.
///
/// `events` is `events_len` bytes of UTF-8 in `format` (a `dpa_format`;
/// `DPA_FORMAT_AUTO` guesses as `dpa_format` describes, as the command does
/// for a file without a `.toml`/`.json` extension).
///
/// Each obligation's `"status"` is one of `"pending"`, `"met"`, `"missed"`
/// (a firm term not kept; or a return made impossible by deleting the data,
/// with `"impossible_since"`), `"exceeded"` (past a term stated "in
/// principe"), `"done"` (done where only "without undue delay" is required:
/// never `"met"`), `"late"` (under "without undue delay", past
/// `"late_after"`), `"suspended"` or `"expired"`; `"late_by"` says by how
/// much, and a notice of a breach has `"elapsed"` (ISO 8601 durations).
/// Only `"missed"` is a failure; `"exceeded"` and `"late"` are warnings
/// (docs/rules.md, "The timeline").
///
/// Ownership of `*out` as for `dpa_agreement_check_json`. Errors:
/// `DPA_STATUS_NULL_ARGUMENT`, `DPA_STATUS_TOO_LARGE`,
/// `DPA_STATUS_INVALID_UTF8`, `DPA_STATUS_PARSE_ERROR` and
/// `DPA_STATUS_INVALID_VALUE` (the events document, with its path, e.g.
/// `events[2].at`; or an unknown format), `DPA_STATUS_OUT_OF_RANGE`.
///
/// # Safety
/// `agreement` must be a live handle; `events` valid for reads of
/// `events_len` bytes; `out` and `out_len` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_timeline_json(
    agreement: *const dpa_agreement,
    events: *const c_char,
    events_len: usize,
    format: u32,
    year: i32,
    month: u32,
    day: u32,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> dpa_status {
    guard(|| {
        out_ptr(out, "out")?;
        out_ptr(out_len, "out_len")?;
        // SAFETY: forwarded from this function's contract.
        let (_, t) =
            unsafe { compute_timeline(agreement, events, events_len, format, (year, month, day)) }?;
        let text = report_json(&t)?;
        // SAFETY: both pointers passed `out_ptr`.
        unsafe { string_out(text, out, out_len) }
    })
}

/// The same timeline as an iCalendar (RFC 5545) document with CRLF line
/// ends: what `dpa deadlines ... --format ics` prints with no options (UIDs
/// in `dpa.invalid`, `DTSTAMP` now, no reminders;
/// `dpa_agreement_timeline_ics_with` takes them). Arguments, ownership and
/// errors as for `dpa_agreement_timeline_json`.
///
/// # Safety
/// As `dpa_agreement_timeline_json`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_timeline_ics(
    agreement: *const dpa_agreement,
    events: *const c_char,
    events_len: usize,
    format: u32,
    year: i32,
    month: u32,
    day: u32,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> dpa_status {
    guard(|| {
        out_ptr(out, "out")?;
        out_ptr(out_len, "out_len")?;
        // SAFETY: forwarded from this function's contract.
        let (a, t) =
            unsafe { compute_timeline(agreement, events, events_len, format, (year, month, day)) }?;
        let text = t.to_ics(a);
        // SAFETY: both pointers passed `out_ptr`.
        unsafe { string_out(text, out, out_len) }
    })
}

/// The options of `dpa_agreement_timeline_ics_with`: three optional texts,
/// each `(pointer, length)` in UTF-8 (not NUL-terminated); a NULL pointer
/// leaves the default.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct dpa_ics_options {
    /// The domain on the right of every UID, e.g. `calendar.example.org`
    /// (`dpa deadlines --uid-domain`); NULL: `dpa.invalid`, a reserved name
    /// that is nobody's.
    pub uid_domain: *const c_char,
    /// The length of `uid_domain` in bytes.
    pub uid_domain_len: usize,
    /// The `DTSTAMP`: an instant with a UTC offset, e.g.
    /// `2027-03-01T12:00:00Z` (`--dtstamp`), for output that does not change
    /// from run to run; NULL: now.
    pub dtstamp: *const c_char,
    /// The length of `dtstamp` in bytes.
    pub dtstamp_len: usize,
    /// Reminders before each event as `VALARM`s, e.g. `7d,1d` (`--remind`:
    /// whole numbers of w, d or h, at most 16); NULL: none.
    pub remind: *const c_char,
    /// The length of `remind` in bytes.
    pub remind_len: usize,
}

/// As `dpa_agreement_timeline_ics`, with `options` (NULL for the defaults):
/// what `dpa deadlines ... --format ics --uid-domain D --dtstamp T --remind
/// R` prints. UIDs depend on the agreement and each obligation, never on an
/// event's place in the events (docs/rules.md, "The iCalendar export").
///
/// Errors as for `dpa_agreement_timeline_json`, and
/// `DPA_STATUS_INVALID_VALUE` naming `options.uid_domain`,
/// `options.dtstamp` or `options.remind` when one is not acceptable
/// (`DPA_STATUS_INVALID_UTF8`, `DPA_STATUS_TOO_LARGE` as for any text).
///
/// # Safety
/// As `dpa_agreement_timeline_json`; `options` NULL or valid for reads, each
/// of its non-NULL pointers valid for reads of its length in bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_agreement_timeline_ics_with(
    agreement: *const dpa_agreement,
    events: *const c_char,
    events_len: usize,
    format: u32,
    year: i32,
    month: u32,
    day: u32,
    options: *const dpa_ics_options,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> dpa_status {
    guard(|| {
        out_ptr(out, "out")?;
        out_ptr(out_len, "out_len")?;
        // SAFETY: `options` is NULL or valid for reads by the contract.
        let opts = unsafe { ics_options(options.as_ref()) }?;
        // SAFETY: forwarded from this function's contract.
        let (a, t) =
            unsafe { compute_timeline(agreement, events, events_len, format, (year, month, day)) }?;
        let text = t
            .to_ics_with(a, &opts)
            .map_err(|e| FfiError::core(&e, "options"))?;
        // SAFETY: both pointers passed `out_ptr`.
        unsafe { string_out(text, out, out_len) }
    })
}

/// The core options from C's, each text checked and parsed, errors naming
/// `options.FIELD`.
///
/// # Safety
/// Each non-NULL pointer of `o` valid for reads of its length.
unsafe fn ics_options(o: Option<&dpa_ics_options>) -> FfiResult<IcsOptions> {
    let mut opts = IcsOptions::default();
    let Some(o) = o else {
        return Ok(opts);
    };
    if !o.uid_domain.is_null() {
        let arg = "options.uid_domain";
        // SAFETY: non-NULL, so valid for its length by the contract.
        let s = unsafe { text_in(o.uid_domain, o.uid_domain_len, arg) }?;
        opts.uid_domain = s.parse().map_err(|e| FfiError::core(&e, arg))?;
    }
    if !o.dtstamp.is_null() {
        let arg = "options.dtstamp";
        // SAFETY: non-NULL, so valid for its length by the contract.
        let s = unsafe { text_in(o.dtstamp, o.dtstamp_len, arg) }?;
        opts.dtstamp = Some(iso_instant::parse(s).map_err(|e| FfiError::core(&e, arg))?);
    }
    if !o.remind.is_null() {
        let arg = "options.remind";
        // SAFETY: non-NULL, so valid for its length by the contract.
        let s = unsafe { text_in(o.remind, o.remind_len, arg) }?;
        opts.reminders = Reminder::parse_list(s).map_err(|e| FfiError::core(&e, arg))?;
    }
    Ok(opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path's kind table takes exactly the kinds the checked
    /// path takes, as the same kinds: every `dpa_deadline_kind` value an
    /// instant triggers and every number past the last kind is refused by
    /// both.
    /// Source: include/dpa.h (`dpa_agreement_date_due`: "`kind` is a
    /// `dpa_deadline_kind` triggered by a date: `DELETION`,
    /// `BACKUP_DELETION`, `NEXT_AUDIT`, `AUDIT_NOTICE` or
    /// `TERMINATION_WINDOW`").
    #[test]
    fn the_kind_table_agrees_with_the_checked_kinds() {
        let mut dated = 0;
        for kind in (0..=300).chain([u32::MAX - 1, u32::MAX]) {
            assert_eq!(date_kind_of(kind), date_kind_in(kind).ok(), "{kind}");
            dated += usize::from(date_kind_of(kind).is_some());
        }
        assert_eq!(dated, 5);
    }
}
