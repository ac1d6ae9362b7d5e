//! Hostile and careless arguments: lengths that are not trusted before
//! their elements are read, and the status the header documents for text
//! that is not JSON and for instants that name no instant.

use std::ptr;

use dpa::*;

use crate::helpers::{BELCO, free, last_message, last_path, load, sentinel};

/// A length far beyond the buffer behind it, whose first element is bad:
/// the batch names that element and reserves nothing from the length (it
/// aborted, reserving output for 150 million years or 400 million dates).
/// Only the first element is read, so the short buffers are enough.
/// Source: include/dpa.h ("Batches are all or nothing, name the first bad
/// element"; "every exported function is a panic boundary ... never aborts
/// the host process"; `DPA_STATUS_OUT_OF_RANGE`).
#[test]
fn a_huge_length_is_not_reserved_before_its_first_element() {
    let bad = dpa_date {
        year: 2026,
        month: 2,
        day: 30,
    };
    let belco = load(BELCO);
    let mut out = [sentinel(); 1];
    // SAFETY: the first element is bad, so no element after it is read and
    // nothing is written; `out` is never written on an error.
    let st = unsafe {
        dpa_agreement_date_deadlines(
            belco,
            dpa_deadline_kind::Deletion as u32,
            &bad,
            400_000_000,
            out.as_mut_ptr(),
            400_000_000,
        )
    };
    assert_eq!(st, dpa_status::OutOfRange, "{}", last_message());
    assert_eq!(last_path(), "from[0]");
    assert_eq!(out[0].due_unix, sentinel().due_unix);

    let instant = [i64::MAX];
    // SAFETY: as above.
    let st = unsafe {
        dpa_agreement_instant_deadlines(
            belco,
            dpa_deadline_kind::BreachNotice as u32,
            instant.as_ptr(),
            400_000_000,
            dpa_impact::Unstated as u32,
            out.as_mut_ptr(),
            400_000_000,
        )
    };
    assert_eq!(st, dpa_status::OutOfRange, "{}", last_message());
    assert_eq!(last_path(), "from[0]");

    let mut one = sentinel();
    // SAFETY: as above.
    let st = unsafe { dpa_agreement_next_audit_allowed_after(belco, &bad, 400_000_000, &mut one) };
    assert_eq!(st, dpa_status::OutOfRange, "{}", last_message());
    assert_eq!(last_path(), "audits[0]");
    free(belco);

    let years = [0_i32];
    let mut days = [dpa_holiday_date {
        date: dpa_date::default(),
        holiday: dpa_holiday::NewYearsDay,
    }; 1];
    let mut len = 77;
    // SAFETY: as above.
    let st = unsafe {
        dpa_public_holidays_batch(years.as_ptr(), 150_000_000, days.as_mut_ptr(), 1, &mut len)
    };
    assert_eq!(st, dpa_status::OutOfRange, "{}", last_message());
    assert_eq!(last_path(), "years[0]");
    assert_eq!(len, 77);

    let mut dates = [bad; 1];
    let mut flags = [false; 1];
    // SAFETY: as above; the date batches may work in place.
    unsafe {
        let p = dates.as_mut_ptr();
        assert_eq!(
            dpa_add_months_batch(p, 400_000_000, 1, 0, p, 400_000_000),
            dpa_status::OutOfRange
        );
        assert_eq!(
            dpa_next_business_day_batch(p, 400_000_000, p, 400_000_000),
            dpa_status::OutOfRange
        );
        assert_eq!(
            dpa_is_public_holiday_batch(p, 400_000_000, flags.as_mut_ptr(), 400_000_000),
            dpa_status::OutOfRange
        );
    }
    assert_eq!(last_path(), "dates[0]");
    assert_eq!(dates[0], bad);
}

/// A bad element after good ones is still named, and the good ones before
/// it cost only the memory they need.
/// Source: include/dpa.h ("Batches are all or nothing, name the first bad
/// element").
#[test]
fn a_bad_element_after_good_ones_is_named() {
    let mut years = vec![2026_i32; 1000];
    years.push(10_000);
    let mut len = 0;
    // SAFETY: `years` is valid for its length.
    let st = unsafe {
        dpa_public_holidays_batch(years.as_ptr(), years.len(), ptr::null_mut(), 0, &mut len)
    };
    assert_eq!(st, dpa_status::OutOfRange);
    assert_eq!(last_path(), "years[1000]");
    years.pop();
    // SAFETY: as above.
    let st = unsafe {
        dpa_public_holidays_batch(years.as_ptr(), years.len(), ptr::null_mut(), 0, &mut len)
    };
    assert_eq!(st, dpa_status::BufferTooSmall);
    assert_eq!(len, 11_000);
}

fn from_json(text: &str) -> dpa_status {
    let mut out = ptr::null_mut();
    // SAFETY: `text` is valid for its length.
    let st = unsafe { dpa_agreement_from_json(text.as_ptr().cast(), text.len(), &mut out) };
    // SAFETY: a handle is written only on OK.
    unsafe { dpa_agreement_free(out) };
    st
}

/// Text that is not JSON at all is `PARSE_ERROR`, as the header says; JSON
/// that is well-formed but not an object stays `INVALID_VALUE`. The same for
/// an agreement and for the events of a timeline.
/// Source: include/dpa.h (`DPA_STATUS_PARSE_ERROR`: "not well-formed TOML
/// or JSON"; `DPA_STATUS_INVALID_VALUE`: "a well-formed document that is not
/// a valid agreement or events list").
#[test]
fn text_that_is_not_json_is_a_parse_error() {
    for text in ["not json", "[1, 2", "nul", "'x'"] {
        assert_eq!(from_json(text), dpa_status::ParseError, "{text}");
        assert!(
            last_message().contains("line 1, column 1"),
            "{}",
            last_message()
        );
    }
    for text in ["[1, 2]", "\"x\"", "3", "null"] {
        assert_eq!(from_json(text), dpa_status::InvalidValue, "{text}");
        assert!(last_message().contains("JSON object"), "{}", last_message());
    }
    let belco = load(BELCO);
    for (events, status) in [
        ("not json", dpa_status::ParseError),
        ("[1]", dpa_status::InvalidValue),
    ] {
        let mut out = ptr::null_mut();
        let mut len = 0;
        // SAFETY: live handle; `events` valid for its length.
        let st = unsafe {
            dpa_agreement_timeline_json(
                belco,
                events.as_ptr().cast(),
                events.len(),
                dpa_format::Json as u32,
                2027,
                1,
                1,
                &mut out,
                &mut len,
            )
        };
        assert_eq!(st, status, "{events}: {}", last_message());
        assert_eq!(last_path(), "events");
        assert!(out.is_null());
    }
    free(belco);
}

fn breach_notice(belco: *const dpa_agreement, from: &str) -> dpa_status {
    let mut out = sentinel();
    // SAFETY: live handle; `from` valid for its length.
    let st = unsafe {
        dpa_agreement_deadline(
            belco,
            dpa_deadline_kind::BreachNotice as u32,
            from.as_ptr().cast(),
            from.len(),
            dpa_impact::Unstated as u32,
            &mut out,
        )
    };
    if st != dpa_status::Ok {
        assert_eq!(out.due_unix, sentinel().due_unix);
    }
    st
}

/// An instant shaped right that names no instant of the years 1 to 9999 is
/// `OUT_OF_RANGE`, as a date that does not exist is; text and Unix seconds
/// agree on the range (the years 1 to 9999 in UTC).
/// Source: include/dpa.h (`DPA_STATUS_OUT_OF_RANGE`: "a date that does not
/// exist ..., an instant outside years 1..=9999"),
/// `dpa_core::values::iso_instant::{parse, from_unix}`.
#[test]
fn instants_that_do_not_exist_are_out_of_range() {
    let belco = load(BELCO);
    for from in [
        "2026-02-30T10:00:00Z",
        "2026-13-01T10:00:00Z",
        "0000-06-01T10:00:00Z",
        "0001-01-01T00:30:00+01:00",
        "2026-03-28T25:00:00Z",
        "2026-03-28T10:60+01:00",
    ] {
        assert_eq!(
            breach_notice(belco, from),
            dpa_status::OutOfRange,
            "{from}: {}",
            last_message()
        );
        assert_eq!(last_path(), "from");
        assert!(
            !last_message().contains("not in range"),
            "{}",
            last_message()
        );
    }
    assert!(
        last_message().contains("names no time of day"),
        "{}",
        last_message()
    );
    assert_eq!(
        breach_notice(belco, "2026-02-30T10:00:00Z"),
        dpa_status::OutOfRange
    );
    assert!(
        last_message().contains("2026-02-30 is not a date"),
        "{}",
        last_message()
    );
    for from in ["soon", "2026-03-28T10:30:00", "2026-3-28T10:30:00Z"] {
        assert_eq!(
            breach_notice(belco, from),
            dpa_status::InvalidValue,
            "{from}"
        );
    }
    // The first instant of year 1 in UTC, as text and as Unix seconds.
    let first = -62_135_596_800_i64;
    assert_eq!(
        breach_notice(belco, "0001-01-01T01:00:00+01:00"),
        dpa_status::Ok
    );
    let mut out = sentinel();
    // SAFETY: live handle, valid out-pointer.
    unsafe {
        assert_eq!(
            dpa_agreement_breach_notice_deadline(belco, first, &mut out),
            dpa_status::Ok
        );
        assert_eq!(
            dpa_agreement_breach_notice_deadline(belco, first - 1, &mut out),
            dpa_status::OutOfRange
        );
    }
    assert_eq!(
        breach_notice(belco, "0001-01-01T00:59:59+01:00"),
        dpa_status::OutOfRange
    );
    free(belco);
}
