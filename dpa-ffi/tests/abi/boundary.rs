//! The boundary itself: stable status numbers, out-parameters left alone on
//! every error, lengths no input may have, panics that never escape, the
//! thread-local last error, a handle shared between threads.

use std::ffi::{CStr, c_char};
use std::ptr;

use dpa::*;

use crate::helpers::{BELCO, HEADER, free, last_message, last_path, load, sentinel};

/// Every status keeps its number and its name in the header.
/// Source: include/dpa.h (`dpa_status`: "The numbers are stable").
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

/// A NULL argument is `NULL_ARGUMENT`, names the argument, and leaves every out-parameter as it was.
/// Source: include/dpa.h (`DPA_STATUS_NULL_ARGUMENT`; "Writes `*out` only on
/// `DPA_STATUS_OK`").
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

/// A panic inside the library is caught at the boundary and becomes `PANIC`; the library stays usable.
/// Source: include/dpa.h ("Every function is a panic boundary";
/// `DPA_STATUS_PANIC`).
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

/// The last error belongs to the thread that made it.
/// Source: include/dpa.h (`dpa_last_error_message`: "on the same thread").
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

/// One agreement handle is read from many threads at once with the same answers.
/// Source: docs/c-and-php.md (threads: a handle is immutable and may be
/// shared).
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

/// A length no input may have is refused before anything is read.
/// Source: README "Invariants and limits" (16 MiB), include/dpa.h
/// (`DPA_STATUS_TOO_LARGE`).
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
