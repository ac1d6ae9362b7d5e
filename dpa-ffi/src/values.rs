//! Values by their text: a date written `YYYY-MM-DD`, the enumerations by
//! name, and the names of the enumerations a result holds. `dpa-core` owns
//! every spelling and every check; these functions let a caller that holds
//! text (a PHP form, a configuration file) hand it over instead of parsing
//! it again.

use std::ffi::{CString, c_char};
use std::sync::OnceLock;

use dpa_core::Error;
use dpa_core::calendar::MonthRule;
use dpa_core::deadline::{Bound, DeadlineKind, Impact};

use crate::boundary::{date_text_in, guard, guard_or, out_ptr, text_in, write};
use crate::status::{FfiError, FfiResult, dpa_status};
use crate::types::{
    bound_out, date_out, deadline_kind_out, dpa_date, dpa_format, format_in, format_name,
    impact_out, month_rule_out,
};

/// Reads a date written `YYYY-MM-DD` into `*out`, as every `dpa-core`
/// date argument is read (and as the text functions of this library, e.g.
/// `dpa_agreement_deadline`, read theirs): exactly four digits of year, two
/// of month and two of day, years 1 to 9999. `text` is `len` bytes of
/// UTF-8, not NUL-terminated.
///
/// For a caller that holds dates as text and calls a function that takes a
/// date as numbers (`dpa_agreement_check_json`, `dpa_is_public_holiday`,
/// ...): it need not check the text itself.
///
/// Writes `*out` only on `DPA_STATUS_OK`. Errors (path `text`):
/// `DPA_STATUS_NULL_ARGUMENT`, `DPA_STATUS_TOO_LARGE`,
/// `DPA_STATUS_INVALID_UTF8`, `DPA_STATUS_INVALID_VALUE` (text that is not
/// shaped `YYYY-MM-DD`: `2026-1-31`, `31-01-2026`, an empty string),
/// `DPA_STATUS_OUT_OF_RANGE` (a date of that shape that does not exist:
/// `2026-02-30`, `2026-13-01`, `0000-01-01`).
///
/// # Safety
/// `text` must be valid for reads of `len` bytes; `out` for a write of a
/// `dpa_date`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_date_from_text(
    text: *const c_char,
    len: usize,
    out: *mut dpa_date,
) -> dpa_status {
    guard(|| {
        out_ptr(out, "out")?;
        // SAFETY: `text` is valid for `len` bytes by the caller's contract.
        let text = unsafe { text_in(text, len, "text") }?;
        let d = date_out(date_text_in(text, "text")?);
        // SAFETY: `out` passed `out_ptr`.
        unsafe { write(out, d) };
        Ok(())
    })
}

/// Reads `(name, len)` and writes the number `parse` gives for it to
/// `*out`: the shape of every `_from_name` function.
///
/// # Safety
/// `name` valid for `len` bytes or NULL; `out` valid for a write or NULL.
unsafe fn number_from_name(
    name: *const c_char,
    len: usize,
    out: *mut u32,
    parse: impl FnOnce(&str) -> FfiResult<u32>,
) -> dpa_status {
    guard(|| {
        out_ptr(out, "out")?;
        // SAFETY: `name` is valid for `len` bytes by the caller's contract.
        let name = unsafe { text_in(name, len, "name") }?;
        let n = parse(name).map_err(about_name)?;
        // SAFETY: `out` passed `out_ptr`.
        unsafe { write(out, n) };
        Ok(())
    })
}

/// Names the argument `name` in an error that names none.
fn about_name(e: FfiError) -> FfiError {
    if e.path.is_empty() {
        FfiError::new(e.status, "name", e.message)
    } else {
        e
    }
}

/// A `dpa-core` error about the name.
fn core_error(e: &Error) -> FfiError {
    FfiError::core(e, "name")
}

/// The `dpa_month_rule` named `name` (`len` bytes of UTF-8, not
/// NUL-terminated), by the spelling agreement files and `dpa-core` use:
/// `clamp`, `month-end-sticky`, `thirty-days`. Exact spelling, lowercase.
///
/// Writes `*out` only on `DPA_STATUS_OK`. Errors: `DPA_STATUS_NULL_ARGUMENT`,
/// `DPA_STATUS_TOO_LARGE`, `DPA_STATUS_INVALID_UTF8`,
/// `DPA_STATUS_INVALID_VALUE` (path `name`; the message lists every name:
/// ``name: unknown month rule `lunar`: expected one of clamp,
/// month-end-sticky, thirty-days``).
///
/// # Safety
/// `name` must be valid for reads of `len` bytes; `out` for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_month_rule_from_name(
    name: *const c_char,
    len: usize,
    out: *mut u32,
) -> dpa_status {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        number_from_name(name, len, out, |s| {
            let rule = s.parse::<MonthRule>().map_err(|e| core_error(&e))?;
            Ok(month_rule_out(rule) as u32)
        })
    }
}

/// The `dpa_deadline_kind` named `name`, by the names `dpa deadline` takes:
/// `deletion`, `backup-deletion`, `breach-notice`, `authority-notice`,
/// `next-audit`, `audit-notice`, `termination-window`,
/// `service-response` (`dpa-core`'s `DeadlineKind::parse_computable`).
/// Arguments, output and errors as for `dpa_month_rule_from_name`;
/// `sub-processor-objection`, a kind `dpa-core` knows but that is no
/// deadline computed from a start, is `DPA_STATUS_INVALID_VALUE` too.
///
/// # Safety
/// As `dpa_month_rule_from_name`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_deadline_kind_from_name(
    name: *const c_char,
    len: usize,
    out: *mut u32,
) -> dpa_status {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        number_from_name(name, len, out, |s| {
            let kind = DeadlineKind::parse_computable(s).map_err(|e| core_error(&e))?;
            Ok(deadline_kind_out(kind)? as u32)
        })
    }
}

/// The `dpa_impact` named `name`: `low` or `high`. (`DPA_IMPACT_UNSTATED`
/// has no name: it stands for a name not given.) Arguments, output and
/// errors as for `dpa_month_rule_from_name`.
///
/// # Safety
/// As `dpa_month_rule_from_name`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_impact_from_name(
    name: *const c_char,
    len: usize,
    out: *mut u32,
) -> dpa_status {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        number_from_name(name, len, out, |s| {
            let impact = s.parse::<Impact>().map_err(|e| core_error(&e))?;
            Ok(impact_out(impact)? as u32)
        })
    }
}

/// Every `dpa_format`, in numeric order.
const FORMATS: [dpa_format; 3] = [dpa_format::Auto, dpa_format::Toml, dpa_format::Json];

/// Every `dpa_format` with its name: `auto`, then `dpa-core`'s names of
/// its formats.
fn format_names() -> impl Iterator<Item = (dpa_format, &'static str)> {
    FORMATS
        .into_iter()
        .filter_map(|f| Some((f, format_name(format_in(f as u32, "").ok()?))))
}

/// The `dpa_format` named `name`: `auto` (`DPA_FORMAT_AUTO`, guess from the
/// text), `toml` or `json` (the names `dpa-core` gives its formats).
/// Arguments, output and errors as for `dpa_month_rule_from_name`.
///
/// # Safety
/// As `dpa_month_rule_from_name`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_format_from_name(
    name: *const c_char,
    len: usize,
    out: *mut u32,
) -> dpa_status {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        number_from_name(name, len, out, |s| {
            match format_names().find(|(_, n)| *n == s) {
                Some((f, _)) => Ok(f as u32),
                None => {
                    let names: Vec<&str> = format_names().map(|(_, n)| n).collect();
                    Err(core_error(&Error::unknown_name("format", s, &names)))
                }
            }
        })
    }
}

/// NUL-terminated names, indexed by C value; a value without a name is
/// `None`.
type Names = Vec<Option<CString>>;

/// Builds a table of names from `(C value, name)` pairs.
fn names_table(pairs: impl Iterator<Item = (usize, &'static str)>) -> Names {
    let mut table = Names::new();
    for (i, name) in pairs {
        if table.len() <= i {
            table.resize(i + 1, None);
        }
        table[i] = CString::new(name).ok();
    }
    table
}

/// The name at C value `n` of `table` (made once by `build`), or NULL.
fn name_ptr(table: &'static OnceLock<Names>, build: fn() -> Names, n: u32) -> *const c_char {
    guard_or(std::ptr::null(), || {
        usize::try_from(n)
            .ok()
            .and_then(|i| table.get_or_init(build).get(i))
            .and_then(Option::as_ref)
            .map_or(std::ptr::null(), |name| name.as_ptr())
    })
}

/// The name of a `dpa_deadline_kind` (the `kind` of a `dpa_deadline`), as
/// `dpa-core` and `dpa deadline` spell it: `"deletion"`,
/// `"breach-notice"`, ... A static NUL-terminated string (never freed), or
/// NULL for a number that is no `dpa_deadline_kind`. Never fails
/// otherwise; `dpa_deadline_kind_from_name` is the way back.
#[unsafe(no_mangle)]
pub extern "C" fn dpa_deadline_kind_name(kind: u32) -> *const c_char {
    static NAMES: OnceLock<Names> = OnceLock::new();
    name_ptr(&NAMES, build_kind_names, kind)
}

fn build_kind_names() -> Names {
    names_table(DeadlineKind::ALL.iter().filter_map(|k| {
        let c = deadline_kind_out(*k).ok()?;
        Some((c as usize, k.as_str()))
    }))
}

/// The name of a `dpa_bound` (the `bound` of a `dpa_deadline`), as the JSON
/// of `dpa deadline` spells it: `"no-later-than"` or `"no-earlier-than"`.
/// A static NUL-terminated string (never freed), or NULL for a number that
/// is no `dpa_bound`. Never fails otherwise.
#[unsafe(no_mangle)]
pub extern "C" fn dpa_bound_name(bound: u32) -> *const c_char {
    static NAMES: OnceLock<Names> = OnceLock::new();
    name_ptr(&NAMES, build_bound_names, bound)
}

fn build_bound_names() -> Names {
    names_table(Bound::ALL.iter().filter_map(|b| {
        let c = bound_out(*b).ok()?;
        Some((c as usize, b.as_str()))
    }))
}
