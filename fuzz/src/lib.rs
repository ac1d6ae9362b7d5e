//! The bodies of dpa's fuzz targets, one public function per target.
//!
//! `fuzz_targets/*.rs` hand libFuzzer's input to these functions; the test
//! at the end of this file replays every committed input (`corpus/TARGET/`
//! and `regressions/TARGET/`) through the same functions on stable Rust, so
//! the README's test command catches a regression without a fuzzer.
//!
//! Each function panics only when an invariant of the library is broken (a
//! parsed agreement that does not survive a round trip, a date that differs
//! from the reference); errors for bad input are the expected outcome.

use std::ffi::c_char;
use std::ptr;
use std::sync::OnceLock;

use dpa_core::calendar::{self, MonthRule};
use dpa_core::timeline::Events;
use dpa_core::{Agreement, Format};
use time::{Date, Month, OffsetDateTime};

/// A fixed reference date for the computations that need one.
fn at() -> Date {
    Date::from_calendar_date(2026, Month::November, 23).unwrap_or(Date::MIN)
}

/// The Belco seed agreement, parsed once.
fn belco() -> &'static Agreement {
    static BELCO: OnceLock<Agreement> = OnceLock::new();
    BELCO.get_or_init(|| {
        Agreement::from_toml(include_str!("../../examples/agreements/belco.toml"))
            .expect("the Belco seed agreement parses")
    })
}

/// Runs everything an agreement offers; none of it may panic.
fn exercise(a: &Agreement) {
    let day = at();
    let _ = a.check(day);
    let _ = a.assess_transfers(day);
    let _ = dpa_core::completeness::coverage(a);
    assert!(
        dpa_core::diff::diff(a, a).is_empty(),
        "an agreement differs from itself"
    );
    let _ = dpa_core::diff::diff(belco(), a);
    for d in [Date::MIN, day, Date::MAX] {
        let _ = a.deletion_deadline(d);
        let _ = a.backup_deletion_deadline(d);
        let _ = a.next_audit_allowed(d);
        let _ = a.earliest_audit_date(d);
        let _ = a.termination_window_end(d);
    }
    for t in [
        OffsetDateTime::UNIX_EPOCH,
        day.midnight().assume_utc(),
        Date::MAX.midnight().assume_utc(),
    ] {
        let _ = a.breach_notice_deadline(t);
        let _ = a.authority_notice_deadline(t);
    }
}

/// Target `agreement_toml`: an agreement read from TOML bytes.
pub fn agreement_toml(data: &[u8]) {
    agreement(data, Format::Toml);
}

/// Target `agreement_json`: an agreement read from JSON bytes.
pub fn agreement_json(data: &[u8]) {
    agreement(data, Format::Json);
}

/// Reads an agreement; one that reads must survive both round trips
/// unchanged and every computation.
fn agreement(data: &[u8], format: Format) {
    let Ok(a) = Agreement::from_bytes(data, Some(format)) else {
        return;
    };
    let toml = a.to_toml().expect("a read agreement writes as TOML");
    let back = Agreement::from_toml(&toml).expect("written TOML reads back");
    assert_eq!(a, back, "TOML round trip changed the agreement");
    let json = a.to_json().expect("a read agreement writes as JSON");
    let back = Agreement::from_json(&json).expect("written JSON reads back");
    assert_eq!(a, back, "JSON round trip changed the agreement");
    exercise(&a);
}

/// Target `events`: an events document (format guessed, as the command
/// does), then the timeline under the Belco agreement and its calendar.
pub fn events(data: &[u8]) {
    let Ok(events) = Events::from_bytes(data, None) else {
        return;
    };
    let json = events.to_json().expect("read events write as JSON");
    let back = Events::from_json(&json).expect("written events read back");
    assert_eq!(events, back, "JSON round trip changed the events");
    let a = belco();
    if let Ok(timeline) = a.timeline(&events, at()) {
        let _ = timeline.to_ics(a);
    }
}

/// A loaded agreement handle of the C API, kept for the whole run.
struct Handle(*mut dpa::dpa_agreement);
// SAFETY: a handle is immutable after creation and documented as shareable
// for reading between threads.
unsafe impl Send for Handle {}
// SAFETY: as above.
unsafe impl Sync for Handle {}

fn belco_handle() -> *const dpa::dpa_agreement {
    static H: OnceLock<Handle> = OnceLock::new();
    H.get_or_init(|| {
        let text = include_str!("../../examples/agreements/belco.toml");
        let mut out = ptr::null_mut();
        // SAFETY: text is valid for reads of its length; out for a write.
        let st =
            unsafe { dpa::dpa_agreement_from_toml(text.as_ptr().cast(), text.len(), &mut out) };
        assert_eq!(st, dpa::dpa_status::Ok);
        Handle(out)
    })
    .0
}

/// Frees a string the C API handed out, after checking that its length
/// and terminator are what the call reported.
///
/// # Safety
/// `s` is NULL or a string from the C API that was not yet freed.
unsafe fn take(s: *mut c_char, len: usize) {
    if s.is_null() {
        return;
    }
    // SAFETY: the API promises `len` bytes and a NUL after them.
    let bytes = unsafe { std::slice::from_raw_parts(s.cast::<u8>(), len + 1) };
    assert_eq!(
        bytes[len], 0,
        "output string not NUL-terminated at its length"
    );
    assert!(
        std::str::from_utf8(&bytes[..len]).is_ok(),
        "output string is not UTF-8"
    );
    // SAFETY: `s` came from the API and is freed once.
    unsafe { dpa::dpa_string_free(s) };
}

/// Reads the last error into buffers too small and big enough; the reported
/// length must be the same and the message UTF-8.
fn read_last_error() {
    let mut small: [c_char; 4] = [0; 4];
    let mut need = 0usize;
    // SAFETY: buffers valid for their lengths.
    unsafe { dpa::dpa_last_error_message(small.as_mut_ptr(), small.len(), &mut need) };
    let mut big: Vec<c_char> = vec![0; need + 1];
    let mut got = 0usize;
    // SAFETY: as above.
    let st = unsafe { dpa::dpa_last_error_message(big.as_mut_ptr(), big.len(), &mut got) };
    assert_eq!(st, dpa::dpa_status::Ok);
    assert_eq!(got, need, "last error length changed between two reads");
    let mut path: [c_char; 64] = [0; 64];
    // SAFETY: as above.
    unsafe { dpa::dpa_last_error_path(path.as_mut_ptr(), path.len(), &mut got) };
}

/// Target `ffi`: the C API's entry points that take text as `(ptr, len)`.
/// The first byte chooses the entry point and its numeric arguments; the
/// rest is the text, passed exactly as bytes (no terminator, any content).
pub fn ffi(data: &[u8]) {
    let Some((&selector, text)) = data.split_first() else {
        return;
    };
    let p = text.as_ptr().cast::<c_char>();
    let n = text.len();
    let mut out: *mut c_char = ptr::null_mut();
    let mut out_len = 0usize;
    let arg = u32::from(selector >> 3);
    let status = match selector & 7 {
        0 | 1 => {
            let mut a = ptr::null_mut();
            // SAFETY: `text` is valid for reads of `n` bytes; `a` for a write.
            let st = unsafe {
                if selector & 7 == 0 {
                    dpa::dpa_agreement_from_toml(p, n, &mut a)
                } else {
                    dpa::dpa_agreement_from_json(p, n, &mut a)
                }
            };
            if st == dpa::dpa_status::Ok {
                assert!(!a.is_null(), "OK without a handle");
                // SAFETY: `a` is a live handle; out pointers valid.
                unsafe {
                    if dpa::dpa_agreement_check_json(a, 2026, 11, 23, &mut out, &mut out_len)
                        == dpa::dpa_status::Ok
                    {
                        take(out, out_len);
                    }
                    if dpa::dpa_agreement_to_toml(a, &mut out, &mut out_len) == dpa::dpa_status::Ok
                    {
                        take(out, out_len);
                    }
                    dpa::dpa_agreement_free(a);
                }
            } else {
                assert!(a.is_null(), "a handle written on failure");
            }
            st
        }
        2 => {
            // SAFETY: as above.
            let st = unsafe {
                dpa::dpa_add_months_text(p, n, arg as i32 - 16, arg % 4, &mut out, &mut out_len)
            };
            // SAFETY: `out` from the call (NULL on failure).
            unsafe { take(out, out_len) };
            st
        }
        3 | 4 => {
            let h = belco_handle();
            // SAFETY: live handle, text valid for `n` bytes, out pointers valid.
            let st = unsafe {
                if selector & 7 == 3 {
                    dpa::dpa_agreement_timeline_json(
                        h,
                        p,
                        n,
                        arg % 4,
                        2030,
                        1,
                        1,
                        &mut out,
                        &mut out_len,
                    )
                } else {
                    dpa::dpa_agreement_timeline_ics(
                        h,
                        p,
                        n,
                        arg % 4,
                        2030,
                        1,
                        1,
                        &mut out,
                        &mut out_len,
                    )
                }
            };
            // SAFETY: as above.
            unsafe { take(out, out_len) };
            st
        }
        5 | 6 => {
            let h = belco_handle();
            // SAFETY: as above.
            let st = unsafe {
                if selector & 7 == 5 {
                    dpa::dpa_agreement_deadlines_text(
                        h,
                        arg % 12,
                        p,
                        n,
                        arg % 4,
                        &mut out,
                        &mut out_len,
                    )
                } else {
                    dpa::dpa_agreement_deadline_json(
                        h,
                        arg % 12,
                        p,
                        n,
                        arg % 4,
                        &mut out,
                        &mut out_len,
                    )
                }
            };
            // SAFETY: as above.
            unsafe { take(out, out_len) };
            st
        }
        _ => {
            // SAFETY: as above.
            let st = unsafe { dpa::dpa_add_months_text(p, n, 1, 0, &mut out, &mut out_len) };
            // SAFETY: as above.
            unsafe { take(out, out_len) };
            st
        }
    };
    assert_ne!(
        status,
        dpa::dpa_status::Panic,
        "a panic crossed into the C API"
    );
    if status != dpa::dpa_status::Ok {
        assert!(out.is_null() || status == dpa::dpa_status::Ok);
        read_last_error();
    }
}

/// Reads a little-endian integer from `data` at `at`, zero past the end.
fn le<const N: usize>(data: &[u8], at: usize) -> [u8; N] {
    let mut b = [0u8; N];
    for (i, x) in b.iter_mut().enumerate() {
        *x = data.get(at + i).copied().unwrap_or(0);
    }
    b
}

/// Adds months the way `jiff` does: the same day-number in the target
/// month, clamped to that month's length. A `jiff::Span` holds at most
/// 239,976 months (19,998 years), fewer than the distance between the first
/// and last supported dates; beyond that the target month is computed here
/// and `jiff` supplies the month's length.
fn jiff_add_months(d: jiff::civil::Date, months: i32) -> Option<jiff::civil::Date> {
    if let Ok(span) = jiff::Span::new().try_months(months) {
        return d.checked_add(span).ok();
    }
    let index = i64::from(d.year()) * 12 + i64::from(d.month() - 1) + i64::from(months);
    let year = i16::try_from(index.div_euclid(12)).ok()?;
    let month = i8::try_from(index.rem_euclid(12) + 1).ok()?;
    let first = jiff::civil::Date::new(year, month, 1).ok()?;
    first
        .with()
        .day(d.day().min(first.days_in_month()))
        .build()
        .ok()
}

/// The reference: `jiff` adds calendar months by clamping the day to the
/// target month's length; the other two rules are defined from it.
fn reference(d: jiff::civil::Date, months: i32, rule: MonthRule) -> Option<jiff::civil::Date> {
    match rule {
        MonthRule::Clamp => jiff_add_months(d, months),
        MonthRule::MonthEndSticky => {
            let r = jiff_add_months(d, months)?;
            Some(if d == d.last_of_month() {
                r.last_of_month()
            } else {
                r
            })
        }
        MonthRule::ThirtyDays => {
            let days = i64::from(months).checked_mul(30)?;
            d.checked_add(jiff::Span::new().try_days(days).ok()?).ok()
        }
    }
}

/// Target `add_months`: `dpa_core::calendar::checked_add_months` (and the
/// C API's `dpa_add_months_ymd`) against `jiff` on the same date, and the
/// holiday bit tables against the per-year rules.
///
/// Input: a day number (4 bytes, taken modulo the supported range), a month
/// count (4 bytes, i32) and a rule (1 byte).
pub fn add_months(data: &[u8]) {
    let span = i64::from(Date::MAX.to_julian_day() - Date::MIN.to_julian_day()) + 1;
    let offset = i64::from(u32::from_le_bytes(le::<4>(data, 0))) % span;
    let julian = Date::MIN.to_julian_day() + i32::try_from(offset).unwrap_or(0);
    let Ok(d) = Date::from_julian_day(julian) else {
        panic!("julian day {julian} inside the range is not a date");
    };
    let months = i32::from_le_bytes(le::<4>(data, 4));
    let rule = MonthRule::ALL[usize::from(le::<1>(data, 8)[0]) % MonthRule::ALL.len()];

    let jd = jiff::civil::Date::new(
        i16::try_from(d.year()).unwrap_or(i16::MAX),
        d.month() as i8,
        d.day() as i8,
    )
    .expect("every time::Date is a jiff date");
    let ours = calendar::checked_add_months(d, months, rule);
    // dpa-core supports the years 1 to 9999 (limits::MIN_YEAR..=MAX_YEAR),
    // for the date given and the result.
    let years = dpa_core::limits::MIN_YEAR..=dpa_core::limits::MAX_YEAR;
    let theirs = reference(jd, months, rule)
        .filter(|r| years.contains(&d.year()) && years.contains(&i32::from(r.year())));
    let ours_ymd = ours.map(|r| (r.year(), r.month() as i8, r.day() as i8));
    let theirs_ymd = theirs.map(|r| (i32::from(r.year()), r.month(), r.day()));
    assert_eq!(ours_ymd, theirs_ymd, "{d} + {months} months under {rule:?}");
    assert_eq!(
        calendar::add_months(d, months, rule).ok(),
        ours,
        "add_months and checked_add_months differ"
    );

    // The C API's packed form, for the dates it takes (years 1..=9999).
    if d.year() >= 1 && rule == MonthRule::Clamp {
        let packed = d.year() * 10_000 + d.month() as i32 * 100 + i32::from(d.day());
        let c = dpa::dpa_add_months_ymd(packed, months);
        let expected = ours.map_or(0, |r| {
            r.year() * 10_000 + r.month() as i32 * 100 + i32::from(r.day())
        });
        assert_eq!(c, expected, "dpa_add_months_ymd({packed}, {months})");
    }

    // The holiday bit tables against the rules they were built from.
    if let Ok(list) = calendar::public_holidays(d.year()) {
        let listed = list.iter().any(|(h, _)| *h == d);
        assert_eq!(
            calendar::is_public_holiday(d),
            listed,
            "is_public_holiday({d})"
        );
    }
}

#[cfg(test)]
mod replay {
    use std::path::Path;

    /// Replays every committed input of every target: the corpus (seeds
    /// and minimised fuzzing results) and the inputs that once failed.
    #[test]
    fn committed_inputs() {
        type Target = fn(&[u8]);
        let targets: [(&str, Target); 5] = [
            ("agreement_toml", super::agreement_toml),
            ("agreement_json", super::agreement_json),
            ("events", super::events),
            ("ffi", super::ffi),
            ("add_months", super::add_months),
        ];
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for (name, run) in targets {
            let mut count = 0;
            for dir in ["corpus", "regressions"] {
                let Ok(entries) = std::fs::read_dir(root.join(dir).join(name)) else {
                    continue;
                };
                for entry in entries {
                    let path = entry.expect("a readable directory entry").path();
                    let data = std::fs::read(&path).expect("a readable input");
                    run(&data);
                    count += 1;
                }
            }
            assert!(count > 0, "no committed inputs for the target {name}");
            println!("{name}: {count} inputs replayed");
        }
    }
}
