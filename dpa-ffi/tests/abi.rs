//! Calls the exported `extern "C"` functions the way C does: status codes,
//! out-parameters left untouched on every error, the thread-local last
//! error, panics that never escape, sharing a handle between threads, and
//! the header kept in step with the crate.

use std::ffi::{CStr, c_char};
use std::ptr;

use dpa::*;

const BELCO: &str = include_str!("../../examples/agreements/belco.toml");
const ALLES: &str = include_str!("../../examples/agreements/alles-online.toml");
const HEADER: &str = include_str!("../../include/dpa.h");

/// 2026-03-28T10:30:00+01:00.
const BREACH: i64 = 1_774_690_200;

fn load(text: &str) -> *mut dpa_agreement {
    let mut a = ptr::null_mut();
    // SAFETY: `text` is valid for its length; `a` is a valid out-pointer.
    let st = unsafe { dpa_agreement_from_toml(text.as_ptr().cast(), text.len(), &mut a) };
    assert_eq!(st, dpa_status::Ok, "{}", status::last_error_message());
    assert!(!a.is_null());
    a
}

fn free(a: *mut dpa_agreement) {
    // SAFETY: `a` came from `load` and is freed once.
    unsafe { dpa_agreement_free(a) }
}

/// A deadline with a recognisable pattern, to see that errors leave it alone.
fn sentinel() -> dpa_deadline {
    dpa_deadline {
        due_unix: 0x5A5A_5A5A,
        kind: dpa_deadline_kind::ServiceResponse,
        due_kind: dpa_due_kind::None,
        bound: dpa_bound::NoEarlierThan,
        due_date: dpa_date {
            year: -7,
            month: 77,
            day: 77,
        },
        due_text: [0x5A; 24],
        shifted_from: dpa_date {
            year: -7,
            month: 77,
            day: 77,
        },
        shifted: true,
    }
}

fn due_text(d: &dpa_deadline) -> String {
    // SAFETY: the library writes a NUL-terminated string into the array.
    unsafe { CStr::from_ptr(d.due_text.as_ptr()) }
        .to_str()
        .expect("due_text is ASCII")
        .to_owned()
}

fn last_message() -> String {
    let mut buf = [0 as c_char; 1024];
    let mut len = 0;
    // SAFETY: `buf` is valid for its length; `len` is a valid out-pointer.
    let st = unsafe { dpa_last_error_message(buf.as_mut_ptr(), buf.len(), &mut len) };
    assert_eq!(st, dpa_status::Ok);
    // SAFETY: on OK the buffer holds a NUL-terminated string.
    let s = unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_str()
        .expect("the message is UTF-8");
    assert_eq!(s.len(), len);
    s.to_owned()
}

fn last_path() -> String {
    let mut buf = [0 as c_char; 256];
    let mut len = 0;
    // SAFETY: as in `last_message`.
    let st = unsafe { dpa_last_error_path(buf.as_mut_ptr(), buf.len(), &mut len) };
    assert_eq!(st, dpa_status::Ok);
    // SAFETY: on OK the buffer holds a NUL-terminated string.
    unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_str()
        .expect("the path is UTF-8")
        .to_owned()
}

/// A static string from the library (`dpa_*_name`), or `None` for NULL.
fn static_str(p: *const c_char) -> Option<String> {
    if p.is_null() {
        return None;
    }
    // SAFETY: the library's names are static NUL-terminated UTF-8 strings.
    Some(
        unsafe { CStr::from_ptr(p) }
            .to_str()
            .expect("names are UTF-8")
            .to_owned(),
    )
}

/// Takes a library string and frees it.
fn take_string(p: *mut c_char, len: usize) -> String {
    assert!(!p.is_null());
    // SAFETY: `p` is a NUL-terminated string from the library.
    let s = unsafe { CStr::from_ptr(p) }
        .to_str()
        .expect("library strings are UTF-8")
        .to_owned();
    assert_eq!(s.len(), len);
    // SAFETY: freed once.
    unsafe { dpa_string_free(p) };
    s
}

#[test]
fn status_numbers_are_stable() {
    let expected = [
        (dpa_status::Ok, 0, "DPA_STATUS_OK"),
        (dpa_status::NullArgument, 1, "DPA_STATUS_NULL_ARGUMENT"),
        (dpa_status::InvalidUtf8, 2, "DPA_STATUS_INVALID_UTF8"),
        (dpa_status::ParseError, 3, "DPA_STATUS_PARSE_ERROR"),
        (dpa_status::InvalidValue, 4, "DPA_STATUS_INVALID_VALUE"),
        (dpa_status::OutOfRange, 5, "DPA_STATUS_OUT_OF_RANGE"),
        (dpa_status::BufferTooSmall, 6, "DPA_STATUS_BUFFER_TOO_SMALL"),
        (dpa_status::TooLarge, 7, "DPA_STATUS_TOO_LARGE"),
        (dpa_status::Panic, 8, "DPA_STATUS_PANIC"),
        (dpa_status::IoError, 9, "DPA_STATUS_IO_ERROR"),
    ];
    assert_eq!(dpa_status::all().len(), expected.len());
    for (status, n, name) in expected {
        assert_eq!(status as u32, n);
        assert_eq!(dpa_status::from_u32(n), Some(status));
        // SAFETY: a static NUL-terminated string.
        let got = unsafe { CStr::from_ptr(dpa_status_name(n)) };
        assert_eq!(got.to_str().unwrap(), name);
        assert!(
            HEADER.contains(&format!("{name} = {n},")),
            "{name} in dpa.h"
        );
    }
    // SAFETY: as above.
    let unknown = unsafe { CStr::from_ptr(dpa_status_name(10)) };
    assert_eq!(unknown.to_str().unwrap(), "DPA_STATUS_UNKNOWN");
    assert_eq!(dpa_status::from_u32(u32::MAX), None);
}

#[test]
fn seed_deadlines() {
    let belco = load(BELCO);
    let alles = load(ALLES);
    let mut d = sentinel();
    // SAFETY: live handles and valid out-pointers throughout.
    unsafe {
        assert_eq!(
            dpa_agreement_deletion_deadline(belco, 2026, 11, 30, &mut d),
            dpa_status::Ok
        );
        assert_eq!(d.kind, dpa_deadline_kind::Deletion);
        assert_eq!(d.due_kind, dpa_due_kind::Date);
        assert_eq!(d.bound, dpa_bound::NoLaterThan);
        assert_eq!(
            d.due_date,
            dpa_date {
                year: 2027,
                month: 2,
                day: 28
            }
        );
        // 2027-02-28T23:00:00Z: the end of the day in Amsterdam (CET).
        assert_eq!(d.due_unix, 1_803_855_600);
        assert_eq!(due_text(&d), "2027-02-28");
        assert!(!d.shifted);

        assert_eq!(
            dpa_agreement_breach_notice_deadline(belco, BREACH, &mut d),
            dpa_status::Ok
        );
        assert_eq!(d.due_kind, dpa_due_kind::Instant);
        assert_eq!(d.due_unix, 1_774_776_600);
        assert_eq!(d.due_date, dpa_date::default());
        assert_eq!(due_text(&d), "2026-03-29T09:30:00Z");

        assert_eq!(
            dpa_agreement_breach_notice_deadline(alles, BREACH, &mut d),
            dpa_status::Ok
        );
        assert_eq!(d.due_kind, dpa_due_kind::None);
        assert_eq!(d.due_unix, 0);
        assert_eq!(due_text(&d), "none");

        assert_eq!(
            dpa_agreement_authority_notice_deadline(belco, BREACH, &mut d),
            dpa_status::Ok
        );
        assert_eq!(d.due_unix, BREACH + 72 * 3600);
    }
    free(belco);
    free(alles);
}

#[test]
fn struct_answers_agree_with_dpa_core() {
    let belco = load(BELCO);
    let core = dpa_core::Agreement::from_toml(BELCO).unwrap();
    for (y, m, day) in [(2026, 11, 30), (2024, 1, 31), (2025, 12, 31), (2028, 2, 29)] {
        let date = time::Date::from_calendar_date(y, time::Month::try_from(m as u8).unwrap(), day)
            .unwrap();
        let mut d = sentinel();
        // SAFETY: live handle, valid out-pointer.
        let st = unsafe { dpa_agreement_deletion_deadline(belco, y, m, day as u32, &mut d) };
        assert_eq!(st, dpa_status::Ok);
        let want = core.deletion_deadline(date).unwrap();
        let due = want.due.date().unwrap();
        assert_eq!(d.due_date.year, due.year());
        assert_eq!(d.due_date.month, u32::from(u8::from(due.month())));
        assert_eq!(d.due_date.day, u32::from(due.day()));
        assert_eq!(
            d.due_unix,
            want.due.latest_instant().unwrap().unix_timestamp()
        );
    }
    free(belco);
}

#[test]
fn null_arguments_leave_outputs_alone() {
    let belco = load(BELCO);
    let mut d = sentinel();
    let marker = 0x1234usize as *mut dpa_agreement;
    let mut out = marker;
    // SAFETY: every pointer is NULL or valid; the library must check.
    unsafe {
        assert_eq!(
            dpa_agreement_from_toml(ptr::null(), 0, &mut out),
            dpa_status::NullArgument
        );
        assert_eq!(out, marker);
        assert_eq!(last_path(), "text");
        assert_eq!(
            dpa_agreement_from_toml(BELCO.as_ptr().cast(), BELCO.len(), ptr::null_mut()),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "out");
        assert_eq!(
            dpa_agreement_deletion_deadline(ptr::null(), 2026, 11, 30, &mut d),
            dpa_status::NullArgument
        );
        assert_eq!(d, sentinel());
        assert_eq!(last_path(), "agreement");
        assert_eq!(
            dpa_agreement_deletion_deadline(belco, 2026, 11, 30, ptr::null_mut()),
            dpa_status::NullArgument
        );
        let mut s: *mut c_char = ptr::null_mut();
        assert_eq!(
            dpa_agreement_check_json(belco, 2026, 1, 1, &mut s, ptr::null_mut()),
            dpa_status::NullArgument
        );
        assert!(s.is_null());
        dpa_agreement_free(ptr::null_mut());
        dpa_string_free(ptr::null_mut());
    }
    free(belco);
}

#[test]
fn parse_errors_have_codes_and_paths() {
    let mut out = ptr::null_mut();
    let cases: [(&[u8], dpa_status, &str); 5] = [
        (b"dpa_format = 1\n# \xff\n", dpa_status::InvalidUtf8, "text"),
        (b"dpa_format = 1\n[rules\n", dpa_status::ParseError, ""),
        (
            b"dpa_format = 1\n[rules]\nmonth_rul = 'clamp'\n",
            dpa_status::InvalidValue,
            "rules.month_rul",
        ),
        (b"", dpa_status::InvalidValue, ""),
        (b"{}", dpa_status::ParseError, ""),
    ];
    for (text, status, path) in cases {
        // SAFETY: `text` is valid for its length.
        let st = unsafe { dpa_agreement_from_toml(text.as_ptr().cast(), text.len(), &mut out) };
        assert_eq!(
            st,
            status,
            "{:?}: {}",
            String::from_utf8_lossy(text),
            last_message()
        );
        assert!(out.is_null());
        assert_eq!(last_path(), path);
        assert!(!last_message().is_empty());
    }
    // A seat in lower case: the message names the field and the line.
    let bad = BELCO.replacen("seat = \"US\"", "seat = \"us\"", 1);
    // SAFETY: as above.
    let st = unsafe { dpa_agreement_from_toml(bad.as_ptr().cast(), bad.len(), &mut out) };
    assert_eq!(st, dpa_status::InvalidValue);
    let path = last_path();
    assert!(path.starts_with("statement.sub_processors[") && path.ends_with("].seat"));
    assert!(last_message().contains("line "), "{}", last_message());
}

#[test]
fn impossible_lengths_are_refused_before_reading() {
    let mut out = ptr::null_mut();
    for len in [16 * 1024 * 1024 + 1, isize::MAX as usize, usize::MAX] {
        // SAFETY: the library refuses the length before touching the text.
        let st = unsafe { dpa_agreement_from_toml(c"x".as_ptr(), len, &mut out) };
        assert_eq!(st, dpa_status::TooLarge);
        assert!(out.is_null());
    }
    let one = dpa_date {
        year: 2026,
        month: 1,
        day: 1,
    };
    let mut r = [dpa_date::default(); 1];
    // SAFETY: as above: refused before any element is read.
    let st =
        unsafe { dpa_add_months_batch(&one, usize::MAX / 4, 1, 0, r.as_mut_ptr(), usize::MAX / 4) };
    assert_eq!(st, dpa_status::TooLarge);
    assert_eq!(r[0], dpa_date::default());
}

#[test]
fn dates_out_of_range() {
    let belco = load(BELCO);
    let mut d = sentinel();
    for (y, m, day) in [
        (2026, 2, 30),
        (2026, 13, 1),
        (2026, 0, 1),
        (2026, 1, 0),
        (0, 1, 1),
        (-5, 1, 1),
        (10_000, 1, 1),
        (2026, u32::MAX, 1),
        (2026, 1, 256 + 1),
        (9999, 12, 1), // + 3 months leaves the range
    ] {
        // SAFETY: live handle, valid out-pointer.
        let st = unsafe { dpa_agreement_deletion_deadline(belco, y, m, day, &mut d) };
        assert_eq!(st, dpa_status::OutOfRange, "{y}-{m}-{day}");
        assert_eq!(d, sentinel());
        assert_eq!(last_path(), "terminated");
    }
    for t in [i64::MIN, i64::MAX, -62_135_596_801, 253_402_300_800] {
        // SAFETY: as above.
        let st = unsafe { dpa_agreement_breach_notice_deadline(belco, t, &mut d) };
        assert_eq!(st, dpa_status::OutOfRange, "{t}");
        assert_eq!(d, sentinel());
    }
    let mut r = dpa_date {
        year: 7,
        month: 7,
        day: 7,
    };
    // SAFETY: valid out-pointer.
    unsafe {
        assert_eq!(
            dpa_add_months(9999, 12, 31, 1, 0, &mut r),
            dpa_status::OutOfRange
        );
        assert_eq!(
            dpa_add_months(1, 1, 31, -1, 0, &mut r),
            dpa_status::OutOfRange
        );
        assert_eq!(
            dpa_add_months(2026, 1, 31, i32::MIN, 2, &mut r),
            dpa_status::OutOfRange
        );
        assert_eq!(
            dpa_add_months(2026, 1, 31, 1, 3, &mut r),
            dpa_status::InvalidValue
        );
        assert_eq!(last_path(), "rule");
    }
    assert_eq!(
        r,
        dpa_date {
            year: 7,
            month: 7,
            day: 7
        }
    );
    free(belco);
}

#[test]
fn batches_are_all_or_nothing() {
    let dates = [
        dpa_date {
            year: 2026,
            month: 1,
            day: 31,
        },
        dpa_date {
            year: 2026,
            month: 2,
            day: 29,
        },
    ];
    let mut out = [dpa_date {
        year: 1,
        month: 1,
        day: 1,
    }; 2];
    // SAFETY: arrays valid for the lengths given.
    unsafe {
        assert_eq!(
            dpa_add_months_batch(dates.as_ptr(), 2, 1, 0, out.as_mut_ptr(), 2),
            dpa_status::OutOfRange
        );
        assert_eq!(last_path(), "dates[1]");
        assert!(last_message().starts_with("dates[1]: 2026-02-29"));
        assert_eq!(
            dpa_add_months_batch(dates.as_ptr(), 1, 1, 0, out.as_mut_ptr(), 0),
            dpa_status::BufferTooSmall
        );
    }
    assert!(out.iter().all(|d| d.year == 1));
    // In place.
    let mut inplace = [dates[0]];
    // SAFETY: the same array as input and output, which the contract allows.
    let st = unsafe { dpa_add_months_batch(inplace.as_ptr(), 1, 1, 0, inplace.as_mut_ptr(), 1) };
    assert_eq!(st, dpa_status::Ok);
    assert_eq!(
        inplace[0],
        dpa_date {
            year: 2026,
            month: 2,
            day: 28
        }
    );
    // Misaligned arrays are refused, not read.
    let raw = [0u8; 64];
    let misaligned = raw.as_ptr().wrapping_add(1).cast::<dpa_date>();
    // SAFETY: the library checks alignment before reading.
    let st = unsafe { dpa_add_months_batch(misaligned, 1, 1, 0, out.as_mut_ptr(), 2) };
    assert_eq!(st, dpa_status::InvalidValue);
}

#[test]
fn batch_deadlines_match_single_calls() {
    let belco = load(BELCO);
    let from: Vec<dpa_date> = (1..=28)
        .map(|day| dpa_date {
            year: 2026,
            month: 11,
            day,
        })
        .collect();
    let mut many = vec![sentinel(); from.len()];
    // SAFETY: arrays valid for the lengths given; live handle.
    unsafe {
        let st = dpa_agreement_date_deadlines(
            belco,
            dpa_deadline_kind::Deletion as u32,
            from.as_ptr(),
            from.len(),
            many.as_mut_ptr(),
            many.len(),
        );
        assert_eq!(st, dpa_status::Ok);
        for (f, m) in from.iter().zip(&many) {
            let mut one = sentinel();
            let st = dpa_agreement_deletion_deadline(belco, f.year, f.month, f.day, &mut one);
            assert_eq!(st, dpa_status::Ok);
            assert_eq!(&one, m);
        }
        let instants = [BREACH, BREACH + 60];
        let st = dpa_agreement_instant_deadlines(
            belco,
            dpa_deadline_kind::BreachNotice as u32,
            instants.as_ptr(),
            2,
            0,
            many.as_mut_ptr(),
            many.len(),
        );
        assert_eq!(st, dpa_status::Ok);
        assert_eq!(many[1].due_unix, 1_774_776_600 + 60);
        // An instant kind through the date function.
        let st = dpa_agreement_date_deadlines(
            belco,
            dpa_deadline_kind::BreachNotice as u32,
            from.as_ptr(),
            1,
            many.as_mut_ptr(),
            1,
        );
        assert_eq!(st, dpa_status::InvalidValue);
        assert_eq!(last_path(), "kind");
    }
    free(belco);
}

#[test]
fn json_answers() {
    let belco = load(BELCO);
    let core = dpa_core::Agreement::from_toml(BELCO).unwrap();
    let mut p: *mut c_char = ptr::null_mut();
    let mut len = 0;
    // SAFETY: live handle and valid out-pointers.
    unsafe {
        assert_eq!(
            dpa_agreement_check_json(belco, 2026, 11, 23, &mut p, &mut len),
            dpa_status::Ok
        );
        let got = take_string(p, len);
        let findings = core.check(time::macros::date!(2026 - 11 - 23));
        let want = serde_json::to_string_pretty(&serde_json::json!({ "findings": findings }))
            .unwrap()
            + "\n";
        assert_eq!(got, want);

        let from = "2026-03-28T10:30:00+01:00";
        assert_eq!(
            dpa_agreement_deadline_json(
                belco,
                dpa_deadline_kind::BreachNotice as u32,
                from.as_ptr().cast(),
                from.len(),
                0,
                &mut p,
                &mut len
            ),
            dpa_status::Ok
        );
        let got = take_string(p, len);
        assert!(got.contains("\"due\": \"2026-03-29T09:30:00Z\""), "{got}");

        let events = include_str!("../../examples/events/belco-2027.toml");
        assert_eq!(
            dpa_agreement_timeline_json(
                belco,
                events.as_ptr().cast(),
                events.len(),
                0,
                2027,
                3,
                1,
                &mut p,
                &mut len
            ),
            dpa_status::Ok
        );
        let got: serde_json::Value = serde_json::from_str(&take_string(p, len)).unwrap();
        assert_eq!(got["at"], "2027-03-01");

        assert_eq!(
            dpa_agreement_to_json(belco, &mut p, &mut len),
            dpa_status::Ok
        );
        let json = take_string(p, len);
        let mut again = ptr::null_mut();
        assert_eq!(
            dpa_agreement_from_json(json.as_ptr().cast(), json.len(), &mut again),
            dpa_status::Ok
        );
        free(again);
    }
    free(belco);
}

#[test]
fn buffer_too_small_reports_the_length_needed() {
    // SAFETY: valid pointers throughout.
    unsafe {
        let mut r = dpa_date::default();
        assert_eq!(
            dpa_add_months(2026, 2, 30, 1, 0, &mut r),
            dpa_status::OutOfRange
        );
        let mut need = 0;
        assert_eq!(
            dpa_last_error_message(ptr::null_mut(), 0, &mut need),
            dpa_status::BufferTooSmall
        );
        let mut buf = vec![b'x' as c_char; need];
        let mut need2 = 0;
        assert_eq!(
            dpa_last_error_message(buf.as_mut_ptr(), need, &mut need2),
            dpa_status::BufferTooSmall
        );
        assert_eq!(need2, need);
        assert!(buf.iter().all(|&c| c == b'x' as c_char));
        buf.push(0);
        assert_eq!(
            dpa_last_error_message(buf.as_mut_ptr(), need + 1, &mut need2),
            dpa_status::Ok
        );
        assert_eq!(
            dpa_last_error_message(ptr::null_mut(), 1, &mut need2),
            dpa_status::NullArgument
        );

        let mut n = 0;
        assert_eq!(
            dpa_public_holidays(2026, ptr::null_mut(), 0, &mut n),
            dpa_status::BufferTooSmall
        );
        assert_eq!(n, 11);
        let mut list = vec![
            dpa_holiday_date {
                date: dpa_date::default(),
                holiday: dpa_holiday::BoxingDay,
            };
            n
        ];
        assert_eq!(
            dpa_public_holidays(2026, list.as_mut_ptr(), 10, &mut n),
            dpa_status::BufferTooSmall
        );
        assert!(list.iter().all(|h| h.date == dpa_date::default()));
        assert_eq!(
            dpa_public_holidays(2026, list.as_mut_ptr(), list.len(), &mut n),
            dpa_status::Ok
        );
        assert_eq!(list[0].holiday, dpa_holiday::NewYearsDay);
        assert_eq!(
            dpa_public_holidays(0, list.as_mut_ptr(), list.len(), &mut n),
            dpa_status::OutOfRange
        );
    }
}

#[test]
fn holiday_numbers_match_dpa_core() {
    for (n, h) in dpa_core::calendar::NlHoliday::ALL.iter().enumerate() {
        let c = types::holiday_out(*h).unwrap();
        assert_eq!(c as usize, n);
        // SAFETY: static NUL-terminated strings.
        let name = unsafe { CStr::from_ptr(dpa_holiday_name(n as u32)) };
        assert_eq!(name.to_str().unwrap(), h.name());
        // SAFETY: as above.
        let dutch = unsafe { CStr::from_ptr(dpa_holiday_dutch_name(n as u32)) };
        assert_eq!(dutch.to_str().unwrap(), h.dutch_name());
    }
    assert!(dpa_holiday_name(11).is_null());
}

#[test]
fn panics_never_escape() {
    use dpa::boundary::{guard, guard_or};
    assert_eq!(guard(|| panic!("boom {}", 1)), dpa_status::Panic);
    assert!(last_message().contains("boom 1"), "{}", last_message());
    assert_eq!(guard(|| std::panic::panic_any(42_u8)), dpa_status::Panic);
    assert!(last_message().contains("unknown panic payload"));
    assert_eq!(guard_or(7, || -> i32 { panic!("inner") }), 7);
    // A payload whose drop panics too.
    struct Evil;
    impl Drop for Evil {
        fn drop(&mut self) {
            panic!("drop");
        }
    }
    assert_eq!(guard(|| std::panic::panic_any(Evil)), dpa_status::Panic);
    // The library still works afterwards.
    assert_eq!(dpa_noop(), dpa_status::Ok);
}

#[test]
fn last_error_is_per_thread() {
    let mut r = dpa_date::default();
    // SAFETY: valid out-pointer.
    let st = unsafe { dpa_add_months(2026, 2, 30, 1, 0, &mut r) };
    assert_eq!(st, dpa_status::OutOfRange);
    let here = last_message();
    std::thread::spawn(|| {
        let mut r = dpa_date::default();
        // SAFETY: valid out-pointer.
        let st = unsafe { dpa_add_months(2026, 1, 1, 1, 9, &mut r) };
        assert_eq!(st, dpa_status::InvalidValue);
        assert_eq!(last_path(), "rule");
    })
    .join()
    .unwrap();
    assert_eq!(last_message(), here);
    // A successful call does not clear it.
    // SAFETY: valid out-pointer.
    let st = unsafe { dpa_add_months(2026, 1, 1, 1, 0, &mut r) };
    assert_eq!(st, dpa_status::Ok);
    assert_eq!(last_message(), here);
}

#[test]
fn one_handle_many_threads() {
    let belco = load(BELCO) as usize;
    let threads: Vec<_> = (0..4)
        .map(|t| {
            std::thread::spawn(move || {
                let a = belco as *const dpa_agreement;
                for i in 0..200 {
                    let mut d = sentinel();
                    let day = 1 + (i + t) % 28;
                    // SAFETY: the handle stays alive until every thread joined.
                    let st = unsafe { dpa_agreement_deletion_deadline(a, 2026, 11, day, &mut d) };
                    assert_eq!(st, dpa_status::Ok);
                    assert_eq!(d.due_date.year, 2027);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    free(belco as *mut dpa_agreement);
}

#[test]
fn header_matches_the_crate() {
    assert!(HEADER.contains(&format!(
        "#define DPA_VERSION_MAJOR {}\n",
        env!("CARGO_PKG_VERSION_MAJOR")
    )));
    assert!(HEADER.contains(&format!(
        "#define DPA_VERSION_MINOR {}\n",
        env!("CARGO_PKG_VERSION_MINOR")
    )));
    assert!(HEADER.contains(&format!(
        "#define DPA_VERSION_PATCH {}\n",
        env!("CARGO_PKG_VERSION_PATCH")
    )));
    assert!(HEADER.contains(&format!("#define DPA_ABI_VERSION {}\n", dpa_abi_version())));
    // SAFETY: a static NUL-terminated string.
    let version = unsafe { CStr::from_ptr(dpa_version()) };
    assert_eq!(version.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
}

/// Every function the header declares has a doc comment right above it that
/// says what it returns or does.
#[test]
fn every_header_function_is_documented() {
    let lines: Vec<&str> = HEADER.lines().collect();
    let mut functions = 0;
    for (i, line) in lines.iter().enumerate() {
        let is_decl = !line.starts_with([' ', '#', '/', '}'])
            && !line.starts_with("typedef")
            && line.contains("dpa_")
            && line.contains('(');
        if !is_decl {
            continue;
        }
        functions += 1;
        assert!(
            i > 0 && lines[i - 1].trim_end() == " */",
            "undocumented function in dpa.h: {line}"
        );
        // The comment block says something about errors or what it returns.
        let start = lines[..i]
            .iter()
            .rposition(|l| l.starts_with("/**"))
            .unwrap();
        let doc = lines[start..i].join("\n");
        assert!(doc.len() > 80, "thin doc comment for {line}");
    }
    assert!(functions >= 39, "found only {functions} functions");
}

/// The crate source has no `unwrap()` or `expect(` (a panic there would be
/// caught, but it should not be possible), and every `unsafe` block is
/// explained.
#[test]
fn source_rules() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for needle in [".unwrap()", ".expect("] {
            assert!(
                !text.contains(needle),
                "{} contains {needle}",
                path.display()
            );
        }
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.contains("unsafe {") && !line.trim_start().starts_with("//") {
                let above = lines[..i]
                    .iter()
                    .rev()
                    .take(6)
                    .any(|l| l.contains("// SAFETY:"));
                assert!(
                    above || line.contains("// SAFETY:"),
                    "{}:{}: unsafe block without a SAFETY comment",
                    path.display(),
                    i + 1
                );
            }
        }
    }
}

/// Dates as text go through `dpa-core`'s `iso_date` (the text batches read
/// and write millions): text that is not a date is `INVALID_VALUE`, text of
/// its shape that names no date `OUT_OF_RANGE`, named after the argument.
#[test]
fn dates_as_text_map_to_statuses() {
    use dpa::boundary::date_text_in;
    use dpa_core::values::iso_date;
    let mut day = time::macros::date!(1899 - 12 - 25);
    let mut dates = Vec::new();
    while day.year() < 2101 {
        dates.push(day);
        day = day.next_day().unwrap();
    }
    dates.extend([
        time::macros::date!(0001 - 01 - 01),
        time::macros::date!(0999 - 07 - 09),
        time::macros::date!(9999 - 12 - 31),
    ]);
    for d in dates {
        let text = iso_date::format(d);
        let mine = iso_date::to_bytes(d).unwrap();
        assert_eq!(std::str::from_utf8(&mine).unwrap(), text);
        assert_eq!(date_text_in(&text, "x").unwrap(), d);
    }
    for s in [
        "2026-02-29",
        "2024-02-29",
        "0000-01-01",
        "2026-00-10",
        "2026-13-10",
        "2026-12-32",
        "2026-1-01",
        "+026-01-01",
        "2026-01-01 ",
        " 2026-01-01",
        "2026/01/01",
        "2026-01-0a",
        "２０２６-01-01",
        "",
        "2026-01-01T00:00Z",
    ] {
        let core = iso_date::parse(s);
        let mine = date_text_in(s, "x");
        assert_eq!(mine.is_ok(), core.is_ok(), "{s:?}");
        if let (Ok(a), Ok(b)) = (&mine, &core) {
            assert_eq!(a, b);
        }
        if let Err(e) = mine {
            let shaped = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
            let digits = s.bytes().filter(u8::is_ascii_digit).count() == 8;
            let want = if shaped && digits {
                dpa_status::OutOfRange
            } else {
                dpa_status::InvalidValue
            };
            assert_eq!(e.status, want, "{s:?}");
            assert!(e.message.starts_with("x: "), "{}", e.message);
        }
    }
}

/// The text batches give what the struct calls give.
#[test]
fn text_batches_match_struct_calls() {
    let belco = load(BELCO);
    let input = "2026-11-30\n2024-01-31\r\n2028-02-29\n";
    let mut p: *mut c_char = ptr::null_mut();
    let mut len = 0;
    // SAFETY: valid pointers throughout; the handle is live.
    unsafe {
        assert_eq!(
            dpa_agreement_deadlines_text(
                belco,
                0,
                input.as_ptr().cast(),
                input.len(),
                0,
                &mut p,
                &mut len
            ),
            dpa_status::Ok
        );
        assert_eq!(take_string(p, len), "2027-02-28\n2024-04-30\n2028-05-29");
        assert_eq!(
            dpa_add_months_text(input.as_ptr().cast(), input.len(), 1, 0, &mut p, &mut len),
            dpa_status::Ok
        );
        assert_eq!(take_string(p, len), "2026-12-30\n2024-02-29\n2028-03-29");
        assert_eq!(
            dpa_add_months_text(c"".as_ptr(), 0, 1, 0, &mut p, &mut len),
            dpa_status::Ok
        );
        assert_eq!(take_string(p, len), "");
        let bad = "2026-11-30\n\n";
        let marker = 0x10 as *mut c_char;
        p = marker;
        assert_eq!(
            dpa_add_months_text(bad.as_ptr().cast(), bad.len(), 1, 0, &mut p, &mut len),
            dpa_status::InvalidValue
        );
        assert_eq!(p, marker);
        assert_eq!(last_path(), "dates[1]");
        let breach = "2026-03-28T10:30:00+01:00";
        assert_eq!(
            dpa_agreement_deadlines_text(
                belco,
                2,
                breach.as_ptr().cast(),
                breach.len(),
                0,
                &mut p,
                &mut len
            ),
            dpa_status::Ok
        );
        assert_eq!(take_string(p, len), "2026-03-29T09:30:00Z");
    }
    free(belco);
}

/// `dpa_agreement_deadline` (trigger as text) gives what the kind-specific
/// calls give, for every kind.
#[test]
fn deadline_by_kind_and_text() {
    let belco = load(BELCO);
    let cases: [(dpa_deadline_kind, &str); 8] = [
        (dpa_deadline_kind::Deletion, "2026-11-30"),
        (dpa_deadline_kind::BackupDeletion, "2026-11-30"),
        (dpa_deadline_kind::BreachNotice, "2026-03-28T10:30:00+01:00"),
        (
            dpa_deadline_kind::AuthorityNotice,
            "2026-03-28T10:30:00+01:00",
        ),
        (dpa_deadline_kind::NextAudit, "2026-05-04"),
        (dpa_deadline_kind::AuditNotice, "2026-04-20"),
        (dpa_deadline_kind::TerminationWindow, "2026-01-10"),
        (
            dpa_deadline_kind::ServiceResponse,
            "2026-05-14T20:00:00+02:00",
        ),
    ];
    for (kind, from) in cases {
        let mut by_text = sentinel();
        let mut specific = sentinel();
        // SAFETY: live handle, valid pointers.
        unsafe {
            let st = dpa_agreement_deadline(
                belco,
                kind as u32,
                from.as_ptr().cast(),
                from.len(),
                dpa_impact::Low as u32,
                &mut by_text,
            );
            assert_eq!(st, dpa_status::Ok, "{kind:?}: {}", last_message());
            let st = match kind {
                dpa_deadline_kind::Deletion => {
                    dpa_agreement_deletion_deadline(belco, 2026, 11, 30, &mut specific)
                }
                dpa_deadline_kind::BackupDeletion => {
                    dpa_agreement_backup_deletion_deadline(belco, 2026, 11, 30, &mut specific)
                }
                dpa_deadline_kind::BreachNotice => {
                    dpa_agreement_breach_notice_deadline(belco, BREACH, &mut specific)
                }
                dpa_deadline_kind::AuthorityNotice => {
                    dpa_agreement_authority_notice_deadline(belco, BREACH, &mut specific)
                }
                dpa_deadline_kind::NextAudit => {
                    dpa_agreement_next_audit_allowed(belco, 2026, 5, 4, &mut specific)
                }
                dpa_deadline_kind::AuditNotice => {
                    dpa_agreement_earliest_audit_date(belco, 2026, 4, 20, &mut specific)
                }
                dpa_deadline_kind::TerminationWindow => {
                    dpa_agreement_termination_window_end(belco, 2026, 1, 10, &mut specific)
                }
                dpa_deadline_kind::ServiceResponse => dpa_agreement_service_response(
                    belco,
                    1_778_781_600,
                    dpa_impact::Low as u32,
                    &mut specific,
                ),
            };
            assert_eq!(st, dpa_status::Ok, "{kind:?}: {}", last_message());
        }
        assert_eq!(by_text, specific, "{kind:?}");
        assert_eq!(by_text.kind, kind);
        // The JSON form says the same.
        let mut p: *mut c_char = ptr::null_mut();
        let mut len = 0;
        // SAFETY: as above.
        let st = unsafe {
            dpa_agreement_deadline_json(
                belco,
                kind as u32,
                from.as_ptr().cast(),
                from.len(),
                0,
                &mut p,
                &mut len,
            )
        };
        assert_eq!(st, dpa_status::Ok);
        let json: serde_json::Value = serde_json::from_str(&take_string(p, len)).unwrap();
        let due = json["due"].as_str().unwrap_or("none").to_owned();
        assert_eq!(due_text(&by_text), due, "{kind:?}");
        // The names of the struct's kind and bound are the JSON's.
        assert_eq!(
            static_str(dpa_deadline_kind_name(by_text.kind as u32)).as_deref(),
            json["kind"].as_str(),
            "{kind:?}"
        );
        assert_eq!(
            static_str(dpa_bound_name(by_text.bound as u32)).as_deref(),
            json["bound"].as_str(),
            "{kind:?}"
        );
    }
    let mut d = sentinel();
    for (from, status) in [
        ("2026-02-30", dpa_status::OutOfRange),
        ("soon", dpa_status::InvalidValue),
        ("2026-03-28T10:30:00", dpa_status::InvalidValue),
    ] {
        // SAFETY: as above.
        let st = unsafe {
            dpa_agreement_deadline(belco, 0, from.as_ptr().cast(), from.len(), 0, &mut d)
        };
        assert_eq!(st, status, "{from}");
        assert_eq!(d, sentinel());
        assert_eq!(last_path(), "from");
    }
    free(belco);
}

/// Transfers, diff and the effective date, as the command prints them.
#[test]
fn transfers_and_diff() {
    let belco = load(BELCO);
    let old = load(include_str!("../../examples/agreements/belco-1.2.2.toml"));
    let core_new = dpa_core::Agreement::from_toml(BELCO).unwrap();
    let core_old =
        dpa_core::Agreement::from_toml(include_str!("../../examples/agreements/belco-1.2.2.toml"))
            .unwrap();
    let mut p: *mut c_char = ptr::null_mut();
    let mut len = 0;
    let mut eff = dpa_date::default();
    // SAFETY: live handles and valid pointers throughout.
    unsafe {
        assert_eq!(
            dpa_agreement_transfers_json(belco, 2026, 11, 23, &mut p, &mut len),
            dpa_status::Ok
        );
        let got: serde_json::Value = serde_json::from_str(&take_string(p, len)).unwrap();
        assert_eq!(got["on"], "2026-11-23");
        assert_eq!(
            got["assessments"].as_array().unwrap().len(),
            core_new.statement.sub_processors.len()
        );

        assert_eq!(
            dpa_agreement_effective_date(belco, &mut eff),
            dpa_status::Ok
        );
        assert_eq!(eff.year, core_new.statement.effective_date.year());
        assert_eq!(
            dpa_agreement_diff_json(old, belco, eff.year, eff.month, eff.day, &mut p, &mut len),
            dpa_status::Ok
        );
        let got = take_string(p, len);
        let want = dpa_core::diff::DiffReport::new(
            &core_old,
            &core_new,
            core_new.statement.effective_date,
        )
        .unwrap();
        assert_eq!(got, serde_json::to_string_pretty(&want).unwrap() + "\n");

        p = ptr::null_mut();
        assert_eq!(
            dpa_agreement_diff_json(ptr::null(), belco, 2022, 1, 4, &mut p, &mut len),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "old");
        assert_eq!(
            dpa_agreement_diff_json(old, ptr::null(), 2022, 1, 4, &mut p, &mut len),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "new");
        assert_eq!(
            dpa_agreement_diff_json(old, belco, 2022, 2, 30, &mut p, &mut len),
            dpa_status::OutOfRange
        );
        assert_eq!(last_path(), "notified");
        assert!(p.is_null());
    }
    free(old);
    free(belco);
}

/// The by-value `yyyymmdd` path: the same answers as `dpa_add_months`, and
/// 0 with the last error set on every error.
#[test]
fn add_months_ymd() {
    // Valid dates, month ends, leap years.
    for (from, months, to) in [
        (20260115, 3, 20260415),
        (20240131, 1, 20240229),
        (20250131, 1, 20250228),
        (20240229, 12, 20250228),
        (20240229, 48, 20280229),
        (20260531, -1, 20260430),
        (20261231, 1, 20270131),
        (10101, 0, 10101),
        (99991130, 1, 99991230),
        (10228, -1, 10128),
    ] {
        assert_eq!(dpa_add_months_ymd(from, months), to, "{from} + {months}");
        assert_eq!(dpa_add_months_ymd_rule(from, months, 0), to);
    }
    // Same as the struct path under every rule, over a spread of inputs.
    for rule in 0..3u32 {
        for (y, m, d) in [(2024, 1, 31), (2026, 2, 28), (2000, 2, 29), (1900, 3, 31)] {
            for months in [-25, -1, 0, 1, 3, 13, 120] {
                let mut r = dpa_date::default();
                // SAFETY: valid out-pointer.
                let st = unsafe { dpa_add_months(y, m, d, months, rule, &mut r) };
                assert_eq!(st, dpa_status::Ok);
                let ymd = y * 10_000 + (m * 100 + d) as i32;
                let want = r.year * 10_000 + (r.month * 100 + r.day) as i32;
                assert_eq!(dpa_add_months_ymd_rule(ymd, months, rule), want);
            }
        }
    }
    assert_eq!(dpa_add_months_ymd_rule(20260228, 3, 1), 20260531);
    assert_eq!(dpa_add_months_ymd_rule(20260228, 3, 2), 20260529);
    // Errors: 0, and the last error names the argument.
    for bad in [
        20260230,
        20261301,
        20260100,
        20260001,
        0,
        -1,
        -20260101,
        i32::MIN,
        1231,
        100_000_101,
        i32::MAX,
    ] {
        assert_eq!(dpa_add_months_ymd(bad, 1), 0, "{bad}");
        assert_eq!(last_path(), "yyyymmdd", "{bad}");
        assert!(last_message().starts_with("yyyymmdd: "), "{bad}");
        assert_eq!(dpa_add_months_ymd_rule(bad, 1, 0), 0, "{bad}");
        assert_eq!(last_path(), "yyyymmdd");
    }
    assert!(
        {
            dpa_add_months_ymd(20260230, 1);
            last_message().contains("2026-02-30 is not a date")
        },
        "{}",
        last_message()
    );
    // Out of range results.
    for (from, months) in [
        (99991231, 1),
        (10131, -1),
        (20260131, i32::MAX),
        (20260131, i32::MIN),
    ] {
        assert_eq!(dpa_add_months_ymd(from, months), 0, "{from} + {months}");
        assert_eq!(last_path(), "yyyymmdd");
    }
    // An unknown rule.
    assert_eq!(dpa_add_months_ymd_rule(20260131, 1, 3), 0);
    assert_eq!(last_path(), "rule");
    assert_eq!(dpa_add_months_ymd_rule(20260131, 1, u32::MAX), 0);
    assert_eq!(last_path(), "rule");
    // A success does not clear the last error.
    assert_eq!(dpa_add_months_ymd(20260131, 1), 20260228);
    assert_eq!(last_path(), "rule");
}

/// The art. 28 coverage table, as `dpa coverage --format json` prints it;
/// NULL arguments leave the out-parameters alone.
#[test]
fn coverage_json() {
    for text in [BELCO, ALLES] {
        let a = load(text);
        let core = dpa_core::Agreement::from_toml(text).unwrap();
        let mut p: *mut c_char = ptr::null_mut();
        let mut len = 0;
        // SAFETY: live handle and valid out-pointers.
        let st = unsafe { dpa_agreement_coverage_json(a, &mut p, &mut len) };
        assert_eq!(st, dpa_status::Ok);
        let got = take_string(p, len);
        let want = dpa_core::completeness::CoverageReport::new(&core);
        assert_eq!(got, serde_json::to_string_pretty(&want).unwrap() + "\n");
        let v: serde_json::Value = serde_json::from_str(&got).unwrap();
        let items = v["coverage"].as_array().unwrap();
        assert_eq!(items.len(), 10);
        assert!(items.iter().all(|i| i["covered"] == true));
        free(a);
    }

    // Belco without clause 2.5.1: art. 28(3)(b) is uncovered.
    let i = BELCO.find("\n[terms.duration]").unwrap();
    let text = format!(
        "{}\n[[clauses.deviations]]\nclause = \"clause 2.5.1\"\nkind = \"removed\"\nsummary = \"left out\"\n{}",
        &BELCO[..i],
        &BELCO[i..]
    );
    let a = load(&text);
    let mut p: *mut c_char = ptr::null_mut();
    let mut len = 0;
    // SAFETY: live handle and valid out-pointers.
    let st = unsafe { dpa_agreement_coverage_json(a, &mut p, &mut len) };
    assert_eq!(st, dpa_status::Ok);
    let v: serde_json::Value = serde_json::from_str(&take_string(p, len)).unwrap();
    assert_eq!(v["coverage"][2]["id"], "28-3-b");
    assert_eq!(v["coverage"][2]["clauses"], serde_json::json!([]));
    assert_eq!(v["coverage"][2]["covered"], false);

    // NULL arguments: the path names the argument, nothing is written.
    let mut p: *mut c_char = ptr::dangling_mut();
    let mut len = 77;
    // SAFETY: NULL where the library must refuse; the others valid.
    unsafe {
        assert_eq!(
            dpa_agreement_coverage_json(ptr::null(), &mut p, &mut len),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "agreement");
        assert_eq!(
            dpa_agreement_coverage_json(a, ptr::null_mut(), &mut len),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "out");
        assert_eq!(
            dpa_agreement_coverage_json(a, &mut p, ptr::null_mut()),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "out_len");
    }
    assert_eq!(p, ptr::dangling_mut());
    assert_eq!(len, 77);
    free(a);
}

/// Source: `dpa_core::document::sniff_format`, the one format guess. The
/// header once described `DPA_FORMAT_AUTO` as "`[` followed by `{`, `"`, `[`
/// or `]`", which reads `[ 1 ]` as TOML where the library reads JSON.
#[test]
fn the_header_describes_format_auto_as_the_library_guesses() {
    let start = HEADER.find("DPA_FORMAT_AUTO = 0").unwrap();
    let doc = &HEADER[HEADER[..start].rfind("/**").unwrap()..start];
    assert!(doc.contains("sniff_format"), "{doc}");
    assert!(doc.contains("table header"), "{doc}");
    assert!(!doc.contains("followed by"), "{doc}");
    assert_eq!(
        dpa_core::document::sniff_format("[ 1 ]"),
        dpa_core::Format::Json
    );
}

/// `dpa_agreement_from_file` reads as the command reads: the format by the
/// name's extension in any case, else by the text; at most 16 MiB, also
/// from a device that never ends; an unreadable file is `IO_ERROR`. The
/// handle is written only on success.
#[test]
fn agreement_from_file() {
    let dir = std::env::temp_dir().join(format!("dpa-abi-from-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dpa_core::Agreement::from_toml(BELCO)
        .unwrap()
        .to_json()
        .unwrap();
    let files = [
        ("belco.toml", BELCO.to_owned()),
        ("belco.TOML", BELCO.to_owned()),
        ("belco.txt", BELCO.to_owned()),
        ("BELCO.JSON", json.clone()),
        ("belco-json.txt", json.clone()),
        ("no-extension", BELCO.to_owned()),
    ];
    for (name, text) in &files {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let path = path.to_str().unwrap();
        let mut a = ptr::null_mut();
        // SAFETY: `path` is valid for its length; `a` is a valid out-pointer.
        let st = unsafe { dpa_agreement_from_file(path.as_ptr().cast(), path.len(), &mut a) };
        assert_eq!(st, dpa_status::Ok, "{name}: {}", last_message());
        let mut d = sentinel();
        // SAFETY: `a` is a live handle.
        let st = unsafe { dpa_agreement_deletion_deadline(a, 2026, 11, 30, &mut d) };
        assert_eq!(st, dpa_status::Ok);
        assert_eq!(due_text(&d), "2027-02-28", "{name}");
        free(a);
    }
    // The name says JSON, the text is TOML: read as JSON, so refused.
    let toml_as_json = dir.join("toml.json");
    std::fs::write(&toml_as_json, BELCO).unwrap();
    // A regular file one byte over the limit.
    let big = dir.join("big.toml");
    std::fs::write(&big, vec![b' '; dpa_core::limits::MAX_DOCUMENT_BYTES + 1]).unwrap();
    let sentinel_handle = 0x10 as *mut dpa_agreement;
    for (path, status, path_arg) in [
        (dir.join("missing.toml"), dpa_status::IoError, "path"),
        (dir.clone(), dpa_status::IoError, "path"),
        (toml_as_json, dpa_status::InvalidValue, ""),
        (big, dpa_status::TooLarge, "path"),
        ("/dev/zero".into(), dpa_status::TooLarge, "path"),
    ] {
        if !path.exists() && status != dpa_status::IoError {
            continue;
        }
        let path = path.to_str().unwrap();
        let mut a = sentinel_handle;
        let started = std::time::Instant::now();
        // SAFETY: as above.
        let st = unsafe { dpa_agreement_from_file(path.as_ptr().cast(), path.len(), &mut a) };
        assert_eq!(st, status, "{path}: {}", last_message());
        assert_eq!(a, sentinel_handle, "{path}");
        assert!(last_path().starts_with(path_arg), "{path}: {}", last_path());
        assert!(started.elapsed().as_secs() < 10, "{path}");
    }
    assert!(last_message().contains("16777216"), "{}", last_message());
    // NULL and bad arguments.
    let mut a = sentinel_handle;
    // SAFETY: NULL where the library must refuse it; the rest valid.
    unsafe {
        assert_eq!(
            dpa_agreement_from_file(ptr::null(), 0, &mut a),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "path");
        let p = "x.toml";
        assert_eq!(
            dpa_agreement_from_file(p.as_ptr().cast(), p.len(), ptr::null_mut()),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "out");
        let bad = b"\xff.toml";
        assert_eq!(
            dpa_agreement_from_file(bad.as_ptr().cast(), bad.len(), &mut a),
            dpa_status::InvalidUtf8
        );
        assert_eq!(last_path(), "path");
    }
    assert_eq!(a, sentinel_handle);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `dpa_date_from_text` reads dates as `dpa-core` does, with its statuses;
/// `*out` is written only on success.
#[test]
fn date_from_text() {
    use dpa_core::values::iso_date;
    for s in [
        "2026-11-30",
        "2024-02-29",
        "0001-01-01",
        "9999-12-31",
        "2026-02-29",
        "0000-01-01",
        "2026-13-10",
        "2026-1-01",
        " 2026-01-01",
        "2026-01-01\n",
        "2026/01/01",
        "",
        "2026-01-01T00:00Z",
    ] {
        let mut d = dpa_date {
            year: -7,
            month: 77,
            day: 77,
        };
        // SAFETY: `s` is valid for its length; `d` is a valid out-pointer.
        let st = unsafe { dpa_date_from_text(s.as_ptr().cast(), s.len(), &mut d) };
        match iso_date::parse(s) {
            Ok(want) => {
                assert_eq!(st, dpa_status::Ok, "{s:?}");
                assert_eq!(types::date_from(d, "x").unwrap(), want);
            }
            Err(e) => {
                let want = status::FfiError::core(&e, "text");
                assert_eq!(st, want.status, "{s:?}");
                assert_eq!(last_path(), "text");
                assert_eq!(last_message(), want.message);
                assert_eq!((d.year, d.month, d.day), (-7, 77, 77));
            }
        }
    }
    let mut d = dpa_date::default();
    // SAFETY: NULL where the library must refuse it; invalid UTF-8 otherwise valid.
    unsafe {
        assert_eq!(
            dpa_date_from_text(ptr::null(), 0, &mut d),
            dpa_status::NullArgument
        );
        assert_eq!(
            dpa_date_from_text(c"2026-01-01".as_ptr(), 10, ptr::null_mut()),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "out");
        assert_eq!(
            dpa_date_from_text(b"2026-01-0\xff".as_ptr().cast(), 10, &mut d),
            dpa_status::InvalidUtf8
        );
        assert_eq!(
            dpa_date_from_text(c"x".as_ptr(), usize::MAX, &mut d),
            dpa_status::TooLarge
        );
    }
}

/// Calls a `dpa_*_from_name` function: the status and the number.
fn from_name(
    f: unsafe extern "C" fn(*const c_char, usize, *mut u32) -> dpa_status,
    name: &str,
) -> (dpa_status, u32) {
    let mut n = 0xA5A5;
    // SAFETY: `name` is valid for its length; `n` is a valid out-pointer.
    let st = unsafe { f(name.as_ptr().cast(), name.len(), &mut n) };
    (st, n)
}

/// The names of the enumerations are `dpa-core`'s spellings, both ways; an
/// unknown name is `INVALID_VALUE` with `dpa-core`'s message, path `name`,
/// and leaves `*out` alone.
#[test]
fn enumerations_by_name() {
    use dpa_core::calendar::MonthRule;
    use dpa_core::deadline::{Bound, DeadlineKind, Impact, Trigger};

    for rule in MonthRule::ALL {
        let (st, n) = from_name(dpa_month_rule_from_name, rule.as_str());
        assert_eq!(st, dpa_status::Ok);
        assert_eq!(n, types::month_rule_out(*rule) as u32);
        assert_eq!(types::month_rule_in(n, "").unwrap(), *rule);
    }
    let mut computable = 0;
    for kind in DeadlineKind::ALL {
        let (st, n) = from_name(dpa_deadline_kind_from_name, kind.as_str());
        if kind.trigger() == Trigger::NotComputable {
            assert_eq!(st, dpa_status::InvalidValue, "{kind}");
            assert_eq!(n, 0xA5A5);
            assert_eq!(last_path(), "name");
            assert!(last_message().contains("no fixed term to compute"));
            continue;
        }
        computable += 1;
        assert_eq!(st, dpa_status::Ok, "{kind}");
        assert_eq!(types::deadline_kind_in(n, "").unwrap(), *kind);
        assert_eq!(
            static_str(dpa_deadline_kind_name(n)).as_deref(),
            Some(kind.as_str())
        );
    }
    assert_eq!(computable, 8, "every dpa_deadline_kind has a name");
    assert_eq!(dpa_deadline_kind_name(computable), ptr::null());
    assert_eq!(dpa_deadline_kind_name(u32::MAX), ptr::null());
    for impact in Impact::ALL {
        let (st, n) = from_name(dpa_impact_from_name, impact.as_str());
        assert_eq!(st, dpa_status::Ok);
        assert_eq!(types::impact_in(n, "").unwrap(), Some(*impact));
    }
    for (name, format) in [
        ("auto", dpa_format::Auto),
        ("toml", dpa_format::Toml),
        ("json", dpa_format::Json),
    ] {
        assert_eq!(
            from_name(dpa_format_from_name, name),
            (dpa_status::Ok, format as u32)
        );
        assert_eq!(
            types::format_name(types::format_in(format as u32, "").unwrap()),
            name
        );
    }
    for bound in Bound::ALL {
        let n = types::bound_out(*bound).unwrap() as u32;
        assert_eq!(
            static_str(dpa_bound_name(n)).as_deref(),
            Some(bound.as_str())
        );
    }
    assert_eq!(dpa_bound_name(2), ptr::null());

    // Unknown names: dpa-core's message, which lists the names.
    type FromName = unsafe extern "C" fn(*const c_char, usize, *mut u32) -> dpa_status;
    let unknown: [(FromName, &str, &str); 5] = [
        (
            dpa_month_rule_from_name,
            "Clamp",
            "name: unknown month rule `Clamp`: expected one of clamp, month-end-sticky, thirty-days",
        ),
        (
            dpa_deadline_kind_from_name,
            "deletions",
            "name: unknown deadline kind `deletions`: expected one of deletion, backup-deletion, \
             breach-notice, authority-notice, next-audit, audit-notice, termination-window, \
             service-response",
        ),
        (
            dpa_impact_from_name,
            "medium",
            "name: unknown impact `medium`: expected one of low, high",
        ),
        (
            dpa_format_from_name,
            "yaml",
            "name: unknown format `yaml`: expected one of auto, toml, json",
        ),
        (
            dpa_format_from_name,
            "",
            "name: unknown format ``: expected one of auto, toml, json",
        ),
    ];
    for (f, name, message) in unknown {
        assert_eq!(from_name(f, name), (dpa_status::InvalidValue, 0xA5A5));
        assert_eq!(last_path(), "name");
        assert_eq!(last_message(), message);
    }
    // NULL, bad text.
    let mut n = 7;
    // SAFETY: NULL where the library must refuse it; the rest valid.
    unsafe {
        assert_eq!(
            dpa_month_rule_from_name(ptr::null(), 0, &mut n),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "name");
        assert_eq!(
            dpa_impact_from_name(c"low".as_ptr(), 3, ptr::null_mut()),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "out");
        assert_eq!(
            dpa_format_from_name(b"\xfftoml".as_ptr().cast(), 5, &mut n),
            dpa_status::InvalidUtf8
        );
        assert_eq!(
            dpa_deadline_kind_from_name(c"deletion".as_ptr(), usize::MAX, &mut n),
            dpa_status::TooLarge
        );
    }
    assert_eq!(n, 7);
}

/// `dpa_add_months_ymd_text` gives what `dpa_add_months_text` gives for
/// one date, the result as `yyyymmdd` and an error as minus its status.
#[test]
fn add_months_ymd_text() {
    let dates = [
        "2024-01-31",
        "2026-02-28",
        "2000-02-29",
        "0001-01-31",
        "9999-12-31",
        "2026-02-30",
        "2026-1-31",
        "",
        "2026-01-31\n",
        "2026-01-31\r",
        "31-01-2026",
    ];
    for rule in 0..4u32 {
        for date in dates {
            for months in [-13, -1, 0, 1, 3, 120, i32::MAX] {
                let ymd = unsafe {
                    // SAFETY: `date` is valid for its length.
                    dpa_add_months_ymd_text(date.as_ptr().cast(), date.len(), months, rule)
                };
                let ymd_path = last_path();
                let mut p: *mut c_char = ptr::null_mut();
                let mut len = 0;
                // SAFETY: `date` is valid for its length; valid out-pointers.
                let st = unsafe {
                    dpa_add_months_text(
                        date.as_ptr().cast(),
                        date.len(),
                        months,
                        rule,
                        &mut p,
                        &mut len,
                    )
                };
                let what = format!("{date:?} + {months} ({rule})");
                // The batch reads empty text as no lines and a final line
                // end as the end of the one line; the single date is the
                // text as it is.
                if date.is_empty() || date.ends_with(['\n', '\r']) {
                    assert_eq!(-ymd, dpa_status::InvalidValue as i32, "{what}");
                    let expect = if rule > 2 { "rule" } else { "date" };
                    assert_eq!(ymd_path, expect, "{what}");
                    if st == dpa_status::Ok {
                        take_string(p, len);
                    }
                    continue;
                }
                if st == dpa_status::Ok {
                    let text = take_string(p, len);
                    let want = text.replace('-', "").parse::<i32>().unwrap();
                    assert_eq!(ymd, want, "{what}");
                } else {
                    assert_eq!(ymd, -(st as i32), "{what}");
                    let path = last_path();
                    // SAFETY: as above.
                    let again = unsafe {
                        dpa_add_months_ymd_text(date.as_ptr().cast(), date.len(), months, rule)
                    };
                    assert_eq!(again, ymd);
                    let expect = if path == "rule" { "rule" } else { "date" };
                    assert_eq!(last_path(), expect, "{what}");
                }
            }
        }
    }
    // SAFETY: valid text; and NULL, which the library refuses.
    unsafe {
        assert_eq!(
            dpa_add_months_ymd_text(c"2024-01-31".as_ptr(), 10, 1, 0),
            20240229
        );
        assert_eq!(
            dpa_add_months_ymd_text(c"2026-02-28".as_ptr(), 10, 3, 1),
            20260531
        );
        assert_eq!(
            dpa_add_months_ymd_text(ptr::null(), 0, 1, 0),
            -(dpa_status::NullArgument as i32)
        );
        assert_eq!(last_path(), "date");
        assert_eq!(
            dpa_add_months_ymd_text(c"2024-01-31".as_ptr(), 10, 1, 3),
            -(dpa_status::InvalidValue as i32)
        );
        assert_eq!(last_path(), "rule");
        assert_eq!(
            dpa_add_months_ymd_text(b"2024-01-3\xff".as_ptr().cast(), 10, 1, 0),
            -(dpa_status::InvalidUtf8 as i32)
        );
        assert_eq!(
            dpa_add_months_ymd_text(c"2026-02-30".as_ptr(), 10, 1, 0),
            -(dpa_status::OutOfRange as i32)
        );
        assert!(last_message().starts_with("date: 2026-02-30 is not a date"));
    }
}

/// `DPA_IMPACT_UNSTATED`: a service response refuses it as `dpa deadline`
/// refuses a missing `--impact`; the other kinds ignore the impact; a number
/// that is no `dpa_impact` is refused everywhere.
#[test]
fn impact_unstated() {
    let belco = load(BELCO);
    let unstated = dpa_impact::Unstated as u32;
    let reported = "2026-05-14T20:00:00+02:00";
    let mut d = sentinel();
    // SAFETY: live handle, valid pointers.
    unsafe {
        assert_eq!(
            dpa_agreement_service_response(belco, BREACH, unstated, &mut d),
            dpa_status::InvalidValue
        );
        assert_eq!(last_path(), "impact");
        assert_eq!(
            last_message(),
            "impact: service-response needs an impact: low or high"
        );
        assert_eq!(
            dpa_agreement_deadline(
                belco,
                dpa_deadline_kind::ServiceResponse as u32,
                reported.as_ptr().cast(),
                reported.len(),
                unstated,
                &mut d,
            ),
            dpa_status::InvalidValue
        );
        assert_eq!(last_path(), "impact");
        assert_eq!(d, sentinel());
        let mut p: *mut c_char = ptr::null_mut();
        let mut len = 0;
        assert_eq!(
            dpa_agreement_deadlines_text(
                belco,
                dpa_deadline_kind::ServiceResponse as u32,
                reported.as_ptr().cast(),
                reported.len(),
                unstated,
                &mut p,
                &mut len,
            ),
            dpa_status::InvalidValue
        );
        let mut many = [sentinel()];
        assert_eq!(
            dpa_agreement_instant_deadlines(
                belco,
                dpa_deadline_kind::ServiceResponse as u32,
                &BREACH,
                1,
                unstated,
                many.as_mut_ptr(),
                1,
            ),
            dpa_status::InvalidValue
        );
        assert_eq!(many[0], sentinel());
        // Kinds without an impact ignore it.
        assert_eq!(
            dpa_agreement_deadline(
                belco,
                dpa_deadline_kind::Deletion as u32,
                c"2026-11-30".as_ptr(),
                10,
                unstated,
                &mut d,
            ),
            dpa_status::Ok
        );
        assert_eq!(due_text(&d), "2027-02-28");
        assert_eq!(
            dpa_agreement_deadline(
                belco,
                dpa_deadline_kind::BreachNotice as u32,
                c"2026-03-28T10:30:00+01:00".as_ptr(),
                25,
                unstated,
                &mut d,
            ),
            dpa_status::Ok
        );
        // A number that is no dpa_impact.
        let mut d = sentinel();
        assert_eq!(
            dpa_agreement_service_response(belco, BREACH, 3, &mut d),
            dpa_status::InvalidValue
        );
        assert_eq!(last_message(), "impact: 3 is not a dpa_impact value");
        assert_eq!(
            dpa_agreement_deadline(
                belco,
                dpa_deadline_kind::Deletion as u32,
                c"2026-11-30".as_ptr(),
                10,
                3,
                &mut d,
            ),
            dpa_status::InvalidValue
        );
        assert_eq!(d, sentinel());
    }
    free(belco);
}
