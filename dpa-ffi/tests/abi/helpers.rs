//! What the ABI tests share: the seed agreements as text, handles, reading
//! the last error and the strings libdpa hands out.

use std::ffi::{CStr, c_char};
use std::ptr;

use dpa::*;

pub(crate) const BELCO: &str = include_str!("../../../examples/agreements/belco.toml");

pub(crate) const ALLES: &str = include_str!("../../../examples/agreements/alles-online.toml");

pub(crate) const HEADER: &str = include_str!("../../../include/dpa.h");

/// Every example agreement (`examples/agreements/*.toml`) as text, each
/// as written and with the business-day rule on (`nl-atw`).
pub(crate) fn example_agreements() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/agreements");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let atw = text.replace("business_days = \"off\"", "business_days = \"nl-atw\"");
        texts.extend([text, atw]);
    }
    texts
}

/// Trigger dates for the date deadlines: 520 days from 2023-11-01 (month
/// ends, the leap day 2024-02-29, the changes to and from summer time) and
/// the last 103 days of 9999, from which most deadlines pass 9999-12-31.
pub(crate) fn trigger_dates() -> Vec<time::Date> {
    let first = time::macros::date!(2023 - 11 - 01);
    let mut dates: Vec<time::Date> = std::iter::successors(Some(first), |d| d.next_day())
        .take(520)
        .collect();
    dates.extend(std::iter::successors(
        Some(time::macros::date!(9999 - 09 - 20)),
        |d| d.next_day(),
    ));
    dates
}

/// 2026-03-28T10:30:00+01:00.
pub(crate) const BREACH: i64 = 1_774_690_200;

pub(crate) fn load(text: &str) -> *mut dpa_agreement {
    let mut a = ptr::null_mut();
    // SAFETY: `text` is valid for its length; `a` is a valid out-pointer.
    let st = unsafe { dpa_agreement_from_toml(text.as_ptr().cast(), text.len(), &mut a) };
    assert_eq!(st, dpa_status::Ok, "{}", status::last_error_message());
    assert!(!a.is_null());
    a
}

pub(crate) fn free(a: *mut dpa_agreement) {
    // SAFETY: `a` came from `load` and is freed once.
    unsafe { dpa_agreement_free(a) }
}

/// A deadline with a recognisable pattern, to see that errors leave it alone.
pub(crate) fn sentinel() -> dpa_deadline {
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
        provenance: dpa_provenance::NotStated,
    }
}

pub(crate) fn due_text(d: &dpa_deadline) -> String {
    // SAFETY: the library writes a NUL-terminated string into the array.
    unsafe { CStr::from_ptr(d.due_text.as_ptr()) }
        .to_str()
        .expect("due_text is ASCII")
        .to_owned()
}

pub(crate) fn last_message() -> String {
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

pub(crate) fn last_path() -> String {
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
pub(crate) fn static_str(p: *const c_char) -> Option<String> {
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
pub(crate) fn take_string(p: *mut c_char, len: usize) -> String {
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
