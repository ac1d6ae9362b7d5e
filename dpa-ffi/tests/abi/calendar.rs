//! Dates and the calendar through C: dates as numbers and as text, month
//! arithmetic (`dpa_add_months_ymd*`), the holidays.

use std::ffi::{CStr, c_char};
use std::ptr;

use dpa::*;

use crate::helpers::{BELCO, free, last_message, last_path, load, sentinel, take_string};

/// Dates outside the years 1 to 9999, and numbers that name no date, are `OUT_OF_RANGE` with the argument named.
/// Source: `dpa_core::limits::MIN_YEAR`/`MAX_YEAR` (the supported years),
/// include/dpa.h (`dpa_date`, `DPA_STATUS_OUT_OF_RANGE`).
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

/// The C holiday numbers and names are dpa-core's holidays, in order.
/// Source: Algemene termijnenwet art. 3 (the holidays), include/dpa.h
/// (`dpa_holiday`).
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

/// Dates as text go through `dpa-core`'s `iso_date` (the text batches read
/// and write millions): text that is not a date is `INVALID_VALUE`, text of
/// its shape that names no date `OUT_OF_RANGE`, named after the argument.
/// Source: `dpa_core::values::iso_date::parse` (the one date reader),
/// include/dpa.h (statuses).
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

/// The by-value `yyyymmdd` path: the same answers as `dpa_add_months`, and
/// 0 with the last error set on every error.
/// Source: docs/rules.md rule 1 (HR 1 September 2017, ECLI:NL:HR:2017:2225:
/// the day kept or the month's last day), include/dpa.h
/// (`dpa_add_months_ymd`).
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

/// `dpa_date_from_text` reads dates as `dpa-core` does, with its statuses;
/// `*out` is written only on success.
/// Source: `dpa_core::values::iso_date::parse`, include/dpa.h
/// (`dpa_date_from_text`).
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

/// `dpa_add_months_ymd_text` gives what `dpa_add_months_text` gives for
/// one date, the result as `yyyymmdd` and an error as minus its status.
/// Source: docs/rules.md rule 1, include/dpa.h (`dpa_add_months_ymd_text`).
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

/// The C month arithmetic works on the date's fields (checked once, by
/// `checked_add_months_ymd`), and makes its errors through `dpa-core`'s
/// checked path only when that fails: for valid and invalid dates, month
/// counts up to the edges of `i32` and every rule, `dpa_add_months`,
/// `dpa_add_months_ymd_rule` and `dpa_add_months_batch` answer exactly as
/// `iso_date::from_parts` followed by `calendar::add_months` (result,
/// status, message and path).
/// Source: docs/rules.md rule 1 (months as a whole term, clamped: HR 1 Sep
/// 2017, ECLI:NL:HR:2017:2225); include/dpa.h (`dpa_add_months`).
#[test]
fn add_months_fast_path_agrees_with_checked_path() {
    use dpa::status::FfiError;
    use dpa_core::calendar::{MonthRule, add_months};
    use dpa_core::values::iso_date::from_parts;

    let rules = [
        (MonthRule::Clamp, dpa_month_rule::Clamp),
        (MonthRule::MonthEndSticky, dpa_month_rule::MonthEndSticky),
        (MonthRule::ThirtyDays, dpa_month_rule::ThirtyDays),
    ];
    let years = [-1, 0, 1, 2, 1900, 2000, 2023, 2024, 9998, 9999, 10_000];
    let months_in = [0, 1, 2, 3, 12, 13, 255, 257, u32::MAX];
    let days = [0, 1, 28, 29, 30, 31, 32, 256 + 1];
    let counts = [0, 1, -1, 3, -13, 119_988, -119_988, i32::MAX, i32::MIN];
    let mut checked = 0;
    for (rule, c_rule) in rules {
        for y in years {
            for m in months_in {
                for d in days {
                    for n in counts {
                        let want = from_parts(y, m, d)
                            .and_then(|date| add_months(date, n, rule))
                            .map_err(|e| FfiError::core(&e, "date"));
                        let mut out = dpa_date::default();
                        // SAFETY: `out` is valid for a write.
                        let st = unsafe { dpa_add_months(y, m, d, n, c_rule as u32, &mut out) };
                        let case = format!("{y}-{m}-{d} + {n} months, {rule:?}");
                        match &want {
                            Ok(r) => {
                                assert_eq!(st, dpa_status::Ok, "{case}");
                                let r =
                                    (r.year(), u32::from(u8::from(r.month())), u32::from(r.day()));
                                assert_eq!((out.year, out.month, out.day), r, "{case}");
                            }
                            Err(e) => {
                                assert_eq!(st, e.status, "{case}");
                                assert_eq!(out, dpa_date::default(), "{case}: out written");
                                assert_eq!(
                                    (last_message(), last_path()),
                                    (e.message.clone(), e.path.clone()),
                                    "{case}"
                                );
                            }
                        }
                        // The batch: the same answer, the element named.
                        let input = [dpa_date {
                            year: y,
                            month: m,
                            day: d,
                        }];
                        let mut batch = [dpa_date::default()];
                        // SAFETY: one date in, room for one out.
                        let st = unsafe {
                            dpa_add_months_batch(
                                input.as_ptr(),
                                1,
                                n,
                                c_rule as u32,
                                batch.as_mut_ptr(),
                                1,
                            )
                        };
                        match &want {
                            Ok(_) => assert_eq!((st, batch[0]), (dpa_status::Ok, out), "{case}"),
                            Err(e) => {
                                assert_eq!(st, e.status, "{case}");
                                assert_eq!(
                                    last_message(),
                                    e.message.replacen("date", "dates[0]", 1),
                                    "{case}"
                                );
                                assert_eq!(last_path(), "dates[0]", "{case}");
                            }
                        }
                        // `yyyymmdd`, for the fields it can spell.
                        if (1..=9999).contains(&y) && m <= 99 && d <= 99 {
                            let ymd = y * 10_000 + (m * 100 + d) as i32;
                            let r = dpa_add_months_ymd_rule(ymd, n, c_rule as u32);
                            match &want {
                                Ok(_) => assert_eq!(
                                    r,
                                    out.year * 10_000 + (out.month * 100 + out.day) as i32,
                                    "{case}"
                                ),
                                Err(e) => {
                                    assert_eq!(r, 0, "{case}");
                                    assert_eq!(
                                        last_message(),
                                        e.message.replacen("date", "yyyymmdd", 1),
                                        "{case}"
                                    );
                                }
                            }
                        }
                        checked += 1;
                    }
                }
            }
        }
    }
    assert_eq!(
        checked,
        3 * years.len() * months_in.len() * days.len() * counts.len()
    );
}
