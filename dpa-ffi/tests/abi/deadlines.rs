//! Deadlines through C: one at a time, by kind and text, and in batches, all
//! equal to what dpa-core computes.

use std::ffi::c_char;
use std::ptr;

use dpa::*;

use crate::helpers::{
    ALLES, BELCO, BREACH, due_text, example_agreements, free, last_message, last_path, load,
    sentinel, static_str, take_string, trigger_dates,
};

/// The seeds' deadlines through the struct functions: deletion 3 months after termination, breach notice 24 hours after discovery, the 72-hour authority horizon.
/// Source: Belco DPS 1.11 / clause 2.6.3 (deletion "uiterlijk binnen 3
/// maanden"), DPS 1.13 / clause 2.4.1 (breach notice "uiterlijk binnen 24
/// uur"), GDPR art. 33(1) (72 hours); Alles Online DPS 17 / clause 4.1
/// ("zonder onredelijke vertraging": no fixed term).
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

/// Every struct answer equals dpa-core's deadline for the same trigger.
/// Source: docs/architecture.md ("the bindings translate; they decide
/// nothing").
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

/// The date deadline functions and the date batch answer, byte for byte,
/// what libdpa made of `dpa-core`'s `Deadline` before they were made from
/// `DueFields` (`deadline_out` of `date_deadline_of(.., Detail::DueOnly)`),
/// and fail with the same status, path and message: for every example
/// agreement, with and without the business-day rule, every date kind,
/// dates across month ends, a leap day and the changes to and from summer
/// time, and dates near the end of 9999 that fail.
/// Source: docs/architecture.md ("the bindings translate; they decide
/// nothing"); include/dpa.h (`dpa_agreement_date_deadlines`: "as the
/// single-value functions compute it").
#[test]
fn date_structs_equal_the_deadline_conversion() {
    type DateFn =
        unsafe extern "C" fn(*const dpa_agreement, i32, u32, u32, *mut dpa_deadline) -> dpa_status;
    let kinds: [(
        dpa_deadline_kind,
        dpa_core::deadline::DeadlineKind,
        DateFn,
        &str,
    ); 5] = {
        use dpa_core::deadline::DeadlineKind as K;
        [
            (
                dpa_deadline_kind::Deletion,
                K::Deletion,
                dpa_agreement_deletion_deadline,
                "terminated",
            ),
            (
                dpa_deadline_kind::BackupDeletion,
                K::BackupDeletion,
                dpa_agreement_backup_deletion_deadline,
                "terminated",
            ),
            (
                dpa_deadline_kind::NextAudit,
                K::NextAudit,
                dpa_agreement_next_audit_allowed,
                "last_audit",
            ),
            (
                dpa_deadline_kind::AuditNotice,
                K::AuditNotice,
                dpa_agreement_earliest_audit_date,
                "notice_given",
            ),
            (
                dpa_deadline_kind::TerminationWindow,
                K::TerminationWindow,
                dpa_agreement_termination_window_end,
                "notified",
            ),
        ]
    };
    let dates = trigger_dates();
    let c_dates: Vec<dpa_date> = dates.iter().map(|&d| types::date_out(d)).collect();
    let mut compared = 0usize;
    for text in example_agreements() {
        let core = dpa_core::Agreement::from_toml(&text).unwrap();
        let handle = load(&text);
        for &(c_kind, kind, f, arg) in &kinds {
            let mut all_ok = true;
            for (&date, c) in dates.iter().zip(&c_dates) {
                let want = core.date_deadline_of(kind, date, dpa_core::deadline::Detail::DueOnly);
                let mut got = sentinel();
                // SAFETY: live handle, valid out-pointer.
                let st = unsafe { f(handle, c.year, c.month, c.day, &mut got) };
                match want {
                    Ok(w) => {
                        assert_eq!(st, dpa_status::Ok, "{kind} {date}");
                        assert_eq!(got, types::deadline_out(&w).unwrap(), "{kind} {date}");
                        compared += 1;
                    }
                    Err(e) => {
                        all_ok = false;
                        let e = status::FfiError::core(&e, arg);
                        assert_eq!(st, e.status, "{kind} {date}");
                        assert_eq!(last_path(), e.path, "{kind} {date}");
                        assert_eq!(last_message(), e.message, "{kind} {date}");
                        assert_eq!(got, sentinel(), "{kind} {date}: written on an error");
                    }
                }
            }
            // The batch over the dates that compute: the same structs.
            let (st, many) = date_batch(handle, c_kind, &c_dates[..520]);
            assert_eq!(st, dpa_status::Ok, "{kind}");
            for (&date, got) in dates.iter().zip(&many) {
                let w = core
                    .date_deadline_of(kind, date, dpa_core::deadline::Detail::DueOnly)
                    .unwrap();
                assert_eq!(*got, types::deadline_out(&w).unwrap(), "{kind} {date}");
            }
            // Over all of them, with a date that fails: nothing written.
            if !all_ok {
                let (st, untouched) = date_batch(handle, c_kind, &c_dates);
                assert_ne!(st, dpa_status::Ok, "{kind}");
                assert!(last_path().starts_with("from["), "{}", last_path());
                assert!(untouched.iter().all(|d| *d == sentinel()), "{kind}");
            }
        }
        free(handle);
    }
    assert!(compared > 20_000, "{compared}");
}

/// `dpa_agreement_date_deadlines` of `kind` over `from`, into an array of
/// sentinels as long as `from`: the status and the array.
pub(crate) fn date_batch(
    handle: *mut dpa_agreement,
    kind: dpa_deadline_kind,
    from: &[dpa_date],
) -> (dpa_status, Vec<dpa_deadline>) {
    let mut out = vec![sentinel(); from.len()];
    // SAFETY: arrays valid for the lengths given; `handle` is live.
    let st = unsafe {
        dpa_agreement_date_deadlines(
            handle,
            kind as u32,
            from.as_ptr(),
            from.len(),
            out.as_mut_ptr(),
            out.len(),
        )
    };
    (st, out)
}

/// The batch of date deadlines writes straight into `out` only after a
/// first pass has found that no element can fail; an element that fails
/// last of many, whether it is no date or its deadline leaves the
/// supported range, still leaves `out` untouched and is named; and arrays
/// that overlap (working in place) give what separate arrays give.
/// Source: include/dpa.h ("batch calls are all or nothing and may work in
/// place"; `dpa_agreement_date_deadlines`: "the first bad element, named
/// `from[i]`"); Belco DPS 1.11 / clause 2.6.3 (deletion three months after
/// termination: from 9999-10-01 on, after 9999-12-31).
#[test]
fn date_batch_fails_last_without_writing_and_works_in_place() {
    let belco = load(BELCO);
    batch_fails_last_without_writing_and_works_in_place(
        belco,
        dpa_agreement_date_deadlines,
        sentinel(),
        |f| {
            let mut one = sentinel();
            // SAFETY: live handle, valid out-pointer.
            let st =
                unsafe { dpa_agreement_deletion_deadline(belco, f.year, f.month, f.day, &mut one) };
            (st, one)
        },
    );
    free(belco);
}

/// A date batch as C calls it: `(agreement, kind, from, len, out,
/// out_cap)`, for answers of type `T`.
pub(crate) type DateBatch<T> = unsafe extern "C" fn(
    *const dpa_agreement,
    u32,
    *const dpa_date,
    usize,
    *mut T,
    usize,
) -> dpa_status;

/// The batch contract of a date batch `batch` of answers `T`, on Belco's
/// deletion deadline: each element equals `single` for it; an element that
/// fails last of many (no date, or a deadline after 9999-12-31) leaves an
/// array of `sentinel`s untouched and is named `from[84]`; and arrays that
/// overlap either way round give what separate arrays give.
pub(crate) fn batch_fails_last_without_writing_and_works_in_place<T>(
    belco: *mut dpa_agreement,
    batch: DateBatch<T>,
    sentinel: T,
    single: impl Fn(&dpa_date) -> (dpa_status, T),
) where
    T: Copy + PartialEq + std::fmt::Debug,
{
    let deletion = dpa_deadline_kind::Deletion as u32;
    let call = |from: *const dpa_date, len: usize, out: *mut T, cap: usize| {
        // SAFETY: every caller below passes `from` valid for `len` dates and
        // `out` for `cap` values.
        unsafe { batch(belco, deletion, from, len, out, cap) }
    };
    let good: Vec<dpa_date> = (1..=28)
        .flat_map(|day| {
            [2024, 2026, 9999].map(|year| dpa_date {
                year,
                month: if year == 9999 { 9 } else { 11 },
                day,
            })
        })
        .collect();
    let mut want = vec![sentinel; good.len()];
    let st = call(good.as_ptr(), good.len(), want.as_mut_ptr(), want.len());
    assert_eq!(st, dpa_status::Ok);
    assert!(want.iter().all(|d| *d != sentinel));
    // The answer for each element equals the single call's.
    for (f, w) in good.iter().zip(&want) {
        assert_eq!(single(f), (dpa_status::Ok, *w));
    }
    let bad_last = [
        // No such date.
        (
            dpa_date {
                year: 2026,
                month: 2,
                day: 30,
            },
            "from[84]: 2026-02-30",
        ),
        // A date whose deadline is after 9999-12-31, the latest of all.
        (
            dpa_date {
                year: 9999,
                month: 10,
                day: 1,
            },
            "from[84]: ",
        ),
    ];
    for (bad, message) in bad_last {
        let mut from = good.clone();
        from.push(bad);
        let mut out = vec![sentinel; from.len()];
        let st = call(from.as_ptr(), from.len(), out.as_mut_ptr(), out.len());
        assert_eq!(st, dpa_status::OutOfRange, "{bad:?}: {}", last_message());
        assert_eq!(last_path(), "from[84]");
        assert!(last_message().starts_with(message), "{}", last_message());
        assert!(
            out.iter().all(|d| *d == sentinel),
            "{bad:?}: written on an error"
        );
    }
    // In place: the dates at the start of the array the answers go to.
    assert!(size_of::<T>() >= size_of::<dpa_date>() && align_of::<T>() >= align_of::<dpa_date>());
    let mut buf = vec![sentinel; good.len()];
    let dates = buf.as_mut_ptr().cast::<dpa_date>();
    // SAFETY: `good.len()` dates (12 bytes each) fit in as many answers
    // (at least as large, just asserted); the buffer is aligned for both.
    unsafe { ptr::copy_nonoverlapping(good.as_ptr(), dates, good.len()) };
    let st = call(dates, good.len(), buf.as_mut_ptr(), buf.len());
    assert_eq!(st, dpa_status::Ok, "{}", last_message());
    assert_eq!(buf, want);
    // Overlapping the other way: the answers' array starts before the
    // dates, which lie in its second half.
    let mut buf = vec![sentinel; 2 * good.len()];
    // SAFETY: as above; the dates take the bytes of at most `good.len()`
    // answers from the middle on.
    let (dates, out) = unsafe {
        let dates = buf.as_mut_ptr().add(good.len()).cast::<dpa_date>();
        ptr::copy_nonoverlapping(good.as_ptr(), dates, good.len());
        (dates, buf.as_mut_ptr().add(good.len() / 8))
    };
    let st = call(dates, good.len(), out, good.len());
    assert_eq!(st, dpa_status::Ok, "{}", last_message());
    assert_eq!(&buf[good.len() / 8..good.len() / 8 + good.len()], &want[..]);
}

/// A batch with one bad element writes nothing and names the element.
/// Source: include/dpa.h (the batch functions: "All or nothing").
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

/// Each element of a batch equals the single call for it.
/// Source: include/dpa.h (`dpa_agreement_date_deadlines`,
/// `dpa_agreement_instant_deadlines`).
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

/// The text batches give what the struct calls give.
/// Source: include/dpa.h (`dpa_agreement_deadlines_text`,
/// `dpa_add_months_text`).
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
/// Source: `dpa_core::deadline::{DeadlineKind::trigger, Start::parse_for,
/// Agreement::deadline}` (the one dispatcher), include/dpa.h
/// (`dpa_agreement_deadline`).
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

/// `DPA_IMPACT_UNSTATED`: a service response refuses it as `dpa deadline`
/// refuses a missing `--impact`; the other kinds ignore the impact; a number
/// that is no `dpa_impact` is refused everywhere.
/// Source: Belco DPS 1.15 (the response depends on the impact),
/// `Agreement::deadline` (a service response needs one), include/dpa.h
/// (`DPA_IMPACT_UNSTATED`).
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
