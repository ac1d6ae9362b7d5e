//! Month arithmetic and the Dutch time-limit calendar (Algemene
//! termijnenwet), one value at a time and in batches.

use std::ffi::{CString, c_char};
use std::sync::OnceLock;

use dpa_core::calendar::{self, NlHoliday};
use time::Date;

use crate::agreement::at_index;
use crate::boundary::{
    array_in, batch_lines, date_text_in, grow, guard, guard_or, guard_value, out_array, out_ptr,
    push_date, push_grown, string_out, text_in, write, write_array,
};
use crate::status::{FfiError, FfiResult, dpa_status};
use crate::types::{
    date_from, date_in, date_out, dpa_date, dpa_holiday_date, holiday_in, holiday_out,
    month_rule_in,
};

/// Adds `months` (negative to subtract) to `year-month-day` under `rule` (a
/// `dpa_month_rule`), as a whole term from the start date (docs/rules.md
/// rule 1): 2024-01-31 + 1 month = 2024-02-29 under `DPA_MONTH_RULE_CLAMP`.
///
/// Writes `*out` only on `DPA_STATUS_OK`. Errors: `DPA_STATUS_NULL_ARGUMENT`
/// (`out`), `DPA_STATUS_INVALID_VALUE` (unknown rule),
/// `DPA_STATUS_OUT_OF_RANGE` (no such date, or a result outside years
/// 1..=9999).
///
/// # Safety
/// `out` must be valid for a write of a `dpa_date`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_add_months(
    year: i32,
    month: u32,
    day: u32,
    months: i32,
    rule: u32,
    out: *mut dpa_date,
) -> dpa_status {
    guard(|| {
        out_ptr(out, "out")?;
        let rule = month_rule_in(rule, "rule")?;
        let r = add_months_parts(year, month, day, months, rule, "date")?;
        // SAFETY: `out` passed `out_ptr`.
        unsafe { write(out, r) };
        Ok(())
    })
}

/// `dpa-core`'s month arithmetic on a date given as C's fields, checked
/// once: [`calendar::checked_add_months_ymd`] checks the date (years
/// 1..=9999, a real calendar date) and the result, with no `time::Date`
/// built and taken apart. Only when it answers `None` is the error made, by
/// the checked path that reports it ([`add_months_error`]).
#[inline(always)]
fn add_months_parts(
    year: i32,
    month: u32,
    day: u32,
    months: i32,
    rule: calendar::MonthRule,
    arg: &str,
) -> FfiResult<dpa_date> {
    if let Ok(m) = u8::try_from(month)
        && let Ok(m) = time::Month::try_from(m)
        && let Ok(d) = u8::try_from(day)
        && let Some((y, m, d)) = calendar::checked_add_months_ymd(year, m, d, months, rule)
    {
        return Ok(dpa_date {
            year: y,
            month: u32::from(u8::from(m)),
            day: u32::from(d),
        });
    }
    Err(add_months_error(year, month, day, months, rule, arg))
}

/// The error of a failed [`add_months_parts`]: the date's (`date_in`) or
/// the result's (`add_months`), exactly as the checked path reports them.
#[cold]
#[inline(never)]
fn add_months_error(
    year: i32,
    month: u32,
    day: u32,
    months: i32,
    rule: calendar::MonthRule,
    arg: &str,
) -> FfiError {
    match date_in(year, month, day, arg).and_then(|d| add_months(d, months, rule, arg)) {
        Err(e) => e,
        // `checked_add_months_ymd` and `add_months` agree (a test checks
        // it); were they ever not to, this says so instead of guessing.
        Ok(_) => FfiError::new(
            dpa_status::Panic,
            "",
            "internal error (a bug in libdpa, please report it): the month \
             arithmetic's fast and checked paths disagree",
        ),
    }
}

/// `dpa_add_months` under `DPA_MONTH_RULE_CLAMP`, by value: the date goes
/// in and comes out as one number `yyyymmdd` (year * 10000 + month * 100 +
/// day: 20240131 + 1 month = 20240229). For callers whose FFI is slow per
/// argument or out-parameter (PHP): two scalars in, one out.
///
/// Returns the result as `yyyymmdd`, or **0 on any error**, with this
/// thread's last error set. 0 is never a valid date (years are 1..=9999), so
/// it is an unambiguous sentinel; every other result is in
/// 10101..=99991231. Errors (path `yyyymmdd`): a number that names no date
/// (`20260230`, `20261301`, 0, a negative number, a year outside
/// 1..=9999), or a result outside years 1..=9999. A caught panic also
/// gives 0 (path empty). Never fails otherwise.
#[unsafe(no_mangle)]
pub extern "C" fn dpa_add_months_ymd(yyyymmdd: i32, months: i32) -> i32 {
    guard_value(0, || {
        add_months_ymd(yyyymmdd, months, calendar::MonthRule::Clamp)
    })
}

/// `dpa_add_months_ymd` under `rule` (a `dpa_month_rule`). Returns the result
/// as `yyyymmdd`, or 0 on any error with the last error set: those of
/// `dpa_add_months_ymd`, and an unknown rule (`DPA_STATUS_INVALID_VALUE`,
/// path `rule`).
#[unsafe(no_mangle)]
pub extern "C" fn dpa_add_months_ymd_rule(yyyymmdd: i32, months: i32, rule: u32) -> i32 {
    guard_value(0, || {
        let rule = month_rule_in(rule, "rule")?;
        add_months_ymd(yyyymmdd, months, rule)
    })
}

/// `dpa_add_months_ymd_rule` with the date as text: `date` is `date_len`
/// bytes of UTF-8 (not NUL-terminated) holding one `YYYY-MM-DD`, read as
/// `dpa_date_from_text` reads it; `rule` is a `dpa_month_rule`. For a
/// caller that holds the date as text and pays per argument and per
/// out-parameter (PHP): the text goes in unchecked, one integer comes out,
/// and that integer also carries the status of a failure.
///
/// Returns the result as `yyyymmdd` (2024-01-31 + 1 month = `20240229`),
/// always positive; or, on an error, **minus its `dpa_status`** (e.g.
/// `-DPA_STATUS_OUT_OF_RANGE`), with this thread's last error set. Errors:
/// `DPA_STATUS_NULL_ARGUMENT` (`date` NULL), `DPA_STATUS_TOO_LARGE`
/// (`date_len` above 16 MiB), `DPA_STATUS_INVALID_UTF8`,
/// `DPA_STATUS_INVALID_VALUE` (text that is not shaped `YYYY-MM-DD`, path
/// `date`; an unknown rule, path `rule`), `DPA_STATUS_OUT_OF_RANGE` (a date
/// that does not exist, such as `2026-02-30`, or a result outside years
/// 1..=9999; path `date`), `DPA_STATUS_PANIC`.
///
/// # Safety
/// `date` must be valid for reads of `date_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_add_months_ymd_text(
    date: *const c_char,
    date_len: usize,
    months: i32,
    rule: u32,
) -> i32 {
    let mut ymd = 0;
    let status = guard(|| {
        let rule = month_rule_in(rule, "rule")?;
        // SAFETY: `date` is valid for `date_len` bytes by the caller's contract.
        let text = unsafe { text_in(date, date_len, "date") }?;
        let from = date_text_in(text, "date")?;
        ymd = ymd_out(add_months(from, months, rule, "date")?);
        Ok(())
    });
    match status {
        dpa_status::Ok => ymd,
        failure => -(failure as i32),
    }
}

/// The `yyyymmdd` paths: decode, add, encode. `dpa-core` checks the date
/// and the result (years 1..=9999), and its error names the date.
#[inline(always)]
fn add_months_ymd(yyyymmdd: i32, months: i32, rule: calendar::MonthRule) -> FfiResult<i32> {
    const ARG: &str = "yyyymmdd";
    let (year, month, day) = (
        yyyymmdd / 10_000,
        (yyyymmdd / 100 % 100) as u32,
        (yyyymmdd % 100) as u32,
    );
    // A negative number has negative parts: `from_parts` refuses them.
    add_months_parts(year, month, day, months, rule, ARG)
        .map(|r| r.year * 10_000 + (r.month * 100 + r.day) as i32)
}

/// A date as the number `yyyymmdd` (`dpa-core` dates are in years
/// 1..=9999, so it is positive and fits).
#[inline(always)]
fn ymd_out(date: Date) -> i32 {
    let (y, m, d) = date.to_calendar_date();
    y * 10_000 + i32::from(u8::from(m)) * 100 + i32::from(d)
}

/// `dpa-core`'s month arithmetic, its error named after `arg`.
#[inline(always)]
fn add_months(date: Date, months: i32, rule: calendar::MonthRule, arg: &str) -> FfiResult<Date> {
    calendar::add_months(date, months, rule).map_err(|e| FfiError::core(&e, arg))
}

/// `dpa_add_months` over an array: `out[i]` = `dates[i]` + `months` under
/// `rule`, in one crossing. `out` has room for `out_cap` dates (at least
/// `len`) and may be `dates` itself (in place); either may be NULL when
/// `len` is 0.
///
/// All or nothing: `out` is written only on `DPA_STATUS_OK`. Errors as for
/// `dpa_add_months`, plus `DPA_STATUS_BUFFER_TOO_SMALL` (`out_cap < len`) and
/// `DPA_STATUS_TOO_LARGE`; an element error names it (`dates[3]`).
///
/// # Safety
/// `dates` must be valid for reads of `len` dates and `out` for writes of
/// `out_cap` dates.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_add_months_batch(
    dates: *const dpa_date,
    len: usize,
    months: i32,
    rule: u32,
    out: *mut dpa_date,
    out_cap: usize,
) -> dpa_status {
    guard(|| {
        let rule = month_rule_in(rule, "rule")?;
        // SAFETY: valid for `len` reads by the caller's contract.
        let dates = unsafe { array_in(dates, len, "dates") }?;
        out_array(out, out_cap, dates.len(), "out")?;
        let mut values = Vec::new();
        for (i, d) in dates.iter().enumerate() {
            let r = add_months_parts(d.year, d.month, d.day, months, rule, "dates");
            push_grown(&mut values, r.map_err(|e| at_index(e, "dates", i))?, "out")?;
        }
        // SAFETY: `out` passed `out_array` for `values.len()` values.
        unsafe { write_array(out, &values) };
        Ok(())
    })
}

/// `dpa_add_months` over text, for languages whose FFI is slow per argument
/// or per struct field (PHP): `dates` is `len` bytes of UTF-8 with one
/// `YYYY-MM-DD` per line (`\n`; a final newline is allowed), the output one
/// `YYYY-MM-DD` per line, joined by `\n` without a final newline. No lines
/// in, empty text out.
///
/// Ownership of `*out` as for `dpa_agreement_check_json` (free it with
/// `dpa_string_free`). All or nothing. Errors: `DPA_STATUS_NULL_ARGUMENT`,
/// `DPA_STATUS_TOO_LARGE`, `DPA_STATUS_INVALID_UTF8`,
/// `DPA_STATUS_INVALID_VALUE` (unknown rule; a line that is not a date: path
/// `dates[i]`, 0-based), `DPA_STATUS_OUT_OF_RANGE` (a line such as
/// `2026-02-30` that names no date, or a result outside years 1..=9999;
/// path `dates[i]`).
///
/// # Safety
/// `dates` must be valid for reads of `len` bytes; `out` and `out_len` for
/// writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_add_months_text(
    dates: *const c_char,
    len: usize,
    months: i32,
    rule: u32,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> dpa_status {
    guard(|| {
        let rule = month_rule_in(rule, "rule")?;
        out_ptr(out, "out")?;
        out_ptr(out_len, "out_len")?;
        // SAFETY: valid for `len` bytes by the caller's contract.
        let dates = unsafe { text_in(dates, len, "dates") }?;
        let mut text = Vec::new();
        grow(&mut text, dates.len() + 1, "out")?;
        for (i, line) in batch_lines(dates).enumerate() {
            let r = date_text_in(line, "dates")
                .and_then(|d| add_months(d, months, rule, "dates"))
                .map_err(|e| at_index(e, "dates", i))?;
            if i > 0 {
                text.push(b'\n');
            }
            push_date(&mut text, r);
        }
        // SAFETY: both pointers passed `out_ptr`.
        unsafe { string_out(text, out, out_len) }
    })
}

/// Converts every date and applies `f`, naming the first bad element.
#[inline(always)]
fn map_dates<T>(dates: &[dpa_date], f: impl Fn(Date) -> FfiResult<T>) -> FfiResult<Vec<T>> {
    let mut values = Vec::new();
    for (i, d) in dates.iter().enumerate() {
        let r = date_from(*d, "dates").and_then(&f);
        push_grown(&mut values, r.map_err(|e| at_index(e, "dates", i))?, "out")?;
    }
    Ok(values)
}

/// Whether `year-month-day` is a generally recognised Dutch public holiday
/// under the Algemene termijnenwet (art. 3), including the days the Crown
/// designated (known through 2028) and Good Friday and 5 May every year;
/// always false before 1 April 1965.
///
/// Writes `*out` only on `DPA_STATUS_OK`. Errors: `DPA_STATUS_NULL_ARGUMENT`,
/// `DPA_STATUS_OUT_OF_RANGE` (no such date).
///
/// # Safety
/// `out` must be valid for a write of a `bool`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_is_public_holiday(
    year: i32,
    month: u32,
    day: u32,
    out: *mut bool,
) -> dpa_status {
    guard(|| {
        out_ptr(out, "out")?;
        let date = date_in(year, month, day, "date")?;
        // SAFETY: `out` passed `out_ptr`.
        unsafe { write(out, calendar::is_public_holiday(date)) };
        Ok(())
    })
}

/// `dpa_is_public_holiday` over an array: `out[i]` for `dates[i]`, in one
/// crossing. Buffer rules and errors as for `dpa_add_months_batch`.
///
/// # Safety
/// `dates` must be valid for reads of `len` dates and `out` for writes of
/// `out_cap` bools.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_is_public_holiday_batch(
    dates: *const dpa_date,
    len: usize,
    out: *mut bool,
    out_cap: usize,
) -> dpa_status {
    guard(|| {
        // SAFETY: valid for `len` reads by the caller's contract.
        let dates = unsafe { array_in(dates, len, "dates") }?;
        out_array(out, out_cap, dates.len(), "out")?;
        let values = map_dates(dates, |d| Ok(calendar::is_public_holiday(d)))?;
        // SAFETY: `out` passed `out_array` for `values.len()` values.
        unsafe { write_array(out, &values) };
        Ok(())
    })
}

/// Whether `year-month-day` is a business day for the Algemene termijnenwet:
/// not a Saturday, Sunday or public holiday. Out-parameter and errors as for
/// `dpa_is_public_holiday`.
///
/// # Safety
/// `out` must be valid for a write of a `bool`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_is_business_day(
    year: i32,
    month: u32,
    day: u32,
    out: *mut bool,
) -> dpa_status {
    guard(|| {
        out_ptr(out, "out")?;
        let date = date_in(year, month, day, "date")?;
        // SAFETY: `out` passed `out_ptr`.
        unsafe { write(out, calendar::is_business_day(date)) };
        Ok(())
    })
}

/// The first business day (not a Saturday, Sunday or public holiday) on or
/// after `year-month-day`: 2026-05-14 (Ascension Day) gives 2026-05-18.
///
/// Writes `*out` only on `DPA_STATUS_OK`. Errors: `DPA_STATUS_NULL_ARGUMENT`,
/// `DPA_STATUS_OUT_OF_RANGE` (no such date, or none before 9999-12-31).
///
/// # Safety
/// `out` must be valid for a write of a `dpa_date`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_next_business_day(
    year: i32,
    month: u32,
    day: u32,
    out: *mut dpa_date,
) -> dpa_status {
    guard(|| {
        out_ptr(out, "out")?;
        let date = date_in(year, month, day, "date")?;
        let r = calendar::next_business_day_on_or_after(date)
            .map_err(|e| FfiError::core(&e, "date"))?;
        let r = date_out(r);
        // SAFETY: `out` passed `out_ptr`.
        unsafe { write(out, r) };
        Ok(())
    })
}

/// `dpa_next_business_day` over an array, in one crossing; `out` may be
/// `dates` itself. Buffer rules and errors as for `dpa_add_months_batch`.
///
/// # Safety
/// `dates` must be valid for reads of `len` dates and `out` for writes of
/// `out_cap` dates.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_next_business_day_batch(
    dates: *const dpa_date,
    len: usize,
    out: *mut dpa_date,
    out_cap: usize,
) -> dpa_status {
    guard(|| {
        // SAFETY: valid for `len` reads by the caller's contract.
        let dates = unsafe { array_in(dates, len, "dates") }?;
        out_array(out, out_cap, dates.len(), "out")?;
        let values = map_dates(dates, |d| {
            calendar::next_business_day_on_or_after(d)
                .map(date_out)
                .map_err(|e| FfiError::core(&e, "dates"))
        })?;
        // SAFETY: `out` passed `out_array` for `values.len()` values.
        unsafe { write_array(out, &values) };
        Ok(())
    })
}

/// The holidays of `year`, or `OUT_OF_RANGE` for a year outside 1..=9999.
fn holidays_of(year: i32, arg: &str) -> FfiResult<Vec<dpa_holiday_date>> {
    let days = calendar::public_holidays(year).map_err(|e| FfiError::core(&e, arg))?;
    days.into_iter()
        .map(|(d, h)| {
            Ok(dpa_holiday_date {
                date: date_out(d),
                holiday: holiday_out(h)?,
            })
        })
        .collect()
}

/// Writes a list to a caller array of capacity `out_cap`, or reports the
/// length needed.
///
/// # Safety
/// `out` valid for `out_cap` writes; `out_len` passed `out_ptr`.
unsafe fn list_out<T: Copy>(
    values: &[T],
    out: *mut T,
    out_cap: usize,
    out_len: *mut usize,
) -> FfiResult {
    if out_cap < values.len() {
        // SAFETY: `out_len` passed `out_ptr`. The two-call pattern: the
        // needed length is the one output written on this error.
        unsafe { write(out_len, values.len()) };
    }
    out_array(out, out_cap, values.len(), "out")?;
    // SAFETY: `out` passed `out_array`; `out_len` passed `out_ptr`.
    unsafe {
        write_array(out, values);
        write(out_len, values.len());
    }
    Ok(())
}

/// The public holidays of `year` under the Algemene termijnenwet, in date
/// order, into the caller's array `out` of `out_cap` entries; `*out_len` is
/// the number written. Only statutory days after 2028 (designated days are
/// known through 2028).
///
/// Two-call pattern: with too small an `out_cap` (0 and `out` NULL is fine)
/// the result is `DPA_STATUS_BUFFER_TOO_SMALL`, `*out_len` holds the number
/// needed and `out` is untouched. Errors: `DPA_STATUS_NULL_ARGUMENT`
/// (`out_len`, or `out` with `out_cap` > 0 needed), `DPA_STATUS_OUT_OF_RANGE`
/// (a year outside 1 to 9999, or before 1965: the Act came into force on
/// 1 April 1965 and names no holidays before, which the message says).
///
/// # Safety
/// `out` must be valid for writes of `out_cap` entries; `out_len` for a
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_public_holidays(
    year: i32,
    out: *mut dpa_holiday_date,
    out_cap: usize,
    out_len: *mut usize,
) -> dpa_status {
    guard(|| {
        out_ptr(out_len, "out_len")?;
        let days = holidays_of(year, "year")?;
        // SAFETY: forwarded from this function's contract.
        unsafe { list_out(&days, out, out_cap, out_len) }
    })
}

/// `dpa_public_holidays` for many years in one crossing: the holidays of
/// `years[0]`, then of `years[1]`, ..., one after the other in `out`
/// (`*out_len` in all). Two-call pattern and errors as for
/// `dpa_public_holidays`; a bad year is named (`years[2]`).
///
/// # Safety
/// `years` must be valid for reads of `len` values; `out` for writes of
/// `out_cap` entries; `out_len` for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dpa_public_holidays_batch(
    years: *const i32,
    len: usize,
    out: *mut dpa_holiday_date,
    out_cap: usize,
    out_len: *mut usize,
) -> dpa_status {
    guard(|| {
        out_ptr(out_len, "out_len")?;
        // SAFETY: valid for `len` reads by the caller's contract.
        let years = unsafe { array_in(years, len, "years") }?;
        // Grown year by year: `len` is not trusted before its years are read.
        let mut days = Vec::new();
        for (i, &y) in years.iter().enumerate() {
            let year = holidays_of(y, "years").map_err(|e| at_index(e, "years", i))?;
            if days.capacity() - days.len() < year.len() {
                grow(&mut days, year.len(), "out")?;
            }
            days.extend(year);
        }
        // SAFETY: forwarded from this function's contract.
        unsafe { list_out(&days, out, out_cap, out_len) }
    })
}

/// NUL-terminated names of every holiday, English and Dutch, from `dpa-core`.
fn holiday_names() -> &'static [(CString, CString)] {
    static NAMES: OnceLock<Vec<(CString, CString)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        NlHoliday::ALL
            .iter()
            .map(|h| {
                (
                    CString::new(h.name()).unwrap_or_default(),
                    CString::new(h.dutch_name()).unwrap_or_default(),
                )
            })
            .collect()
    })
}

fn holiday_name_ptr(holiday: u32, dutch: bool) -> *const c_char {
    guard_or(std::ptr::null(), || {
        let Some(h) = holiday_in(holiday) else {
            return std::ptr::null();
        };
        let i = NlHoliday::ALL.iter().position(|x| *x == h);
        match i.and_then(|i| holiday_names().get(i)) {
            Some((en, nl)) => {
                if dutch {
                    nl.as_ptr()
                } else {
                    en.as_ptr()
                }
            }
            None => std::ptr::null(),
        }
    })
}

/// The English name of a `dpa_holiday` ("Whit Monday"), as a static
/// NUL-terminated UTF-8 string (never freed), or NULL for an unknown value.
#[unsafe(no_mangle)]
pub extern "C" fn dpa_holiday_name(holiday: u32) -> *const c_char {
    holiday_name_ptr(holiday, false)
}

/// The Dutch name of a `dpa_holiday` ("Tweede Pinksterdag"), as a static
/// NUL-terminated UTF-8 string (never freed), or NULL for an unknown value.
#[unsafe(no_mangle)]
pub extern "C" fn dpa_holiday_dutch_name(holiday: u32) -> *const c_char {
    holiday_name_ptr(holiday, true)
}
