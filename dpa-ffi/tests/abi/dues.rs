//! Date deadlines as fields alone (`dpa_due`): the same fields as the
//! `dpa_deadline` functions give, the same errors, the same batch contract.

use std::ptr;

use dpa::*;

use crate::deadlines::{batch_fails_last_without_writing_and_works_in_place, date_batch};
use crate::helpers::{
    BELCO, example_agreements, free, last_message, last_path, load, sentinel, trigger_dates,
};

/// The date kinds, as `dpa_agreement_date_due` takes them, each with its
/// own `dpa_deadline` function.
type DateFn =
    unsafe extern "C" fn(*const dpa_agreement, i32, u32, u32, *mut dpa_deadline) -> dpa_status;
const DATE_KINDS: [(dpa_deadline_kind, DateFn); 5] = [
    (dpa_deadline_kind::Deletion, dpa_agreement_deletion_deadline),
    (
        dpa_deadline_kind::BackupDeletion,
        dpa_agreement_backup_deletion_deadline,
    ),
    (
        dpa_deadline_kind::NextAudit,
        dpa_agreement_next_audit_allowed,
    ),
    (
        dpa_deadline_kind::AuditNotice,
        dpa_agreement_earliest_audit_date,
    ),
    (
        dpa_deadline_kind::TerminationWindow,
        dpa_agreement_termination_window_end,
    ),
];

/// A `dpa_due` with a recognisable pattern, to see that errors leave it
/// alone: the fields of the `dpa_deadline` sentinel.
fn due_sentinel() -> dpa_due {
    fields(&sentinel())
}

/// The fields of `d` that a `dpa_due` has (all but `kind` and `due_text`).
fn fields(d: &dpa_deadline) -> dpa_due {
    dpa_due {
        due_unix: d.due_unix,
        due_kind: d.due_kind,
        bound: d.bound,
        due_date: d.due_date,
        shifted_from: d.shifted_from,
        shifted: d.shifted,
        provenance: d.provenance,
    }
}

/// `dpa_agreement_date_due` of `kind` from `d`, into a sentinel.
fn date_due(handle: *const dpa_agreement, kind: u32, d: dpa_date) -> (dpa_status, dpa_due) {
    let mut out = due_sentinel();
    // SAFETY: `out` is valid for a write; `handle` is live or NULL.
    let st = unsafe { dpa_agreement_date_due(handle, kind, d.year, d.month, d.day, &mut out) };
    (st, out)
}

/// `dpa_agreement_date_dues` of `kind` over `from`, into an array of
/// sentinels as long as `from`: the status and the array.
fn date_dues(
    handle: *const dpa_agreement,
    kind: u32,
    from: &[dpa_date],
) -> (dpa_status, Vec<dpa_due>) {
    let mut out = vec![due_sentinel(); from.len()];
    // SAFETY: arrays valid for the lengths given; `handle` is live or NULL.
    let st = unsafe {
        dpa_agreement_date_dues(
            handle,
            kind,
            from.as_ptr(),
            from.len(),
            out.as_mut_ptr(),
            out.len(),
        )
    };
    (st, out)
}

/// The last error as (path, message).
fn last_error() -> (String, String) {
    (last_path(), last_message())
}

/// 2026-11-30.
const TERMINATED: dpa_date = dpa_date {
    year: 2026,
    month: 11,
    day: 30,
};

/// For every example agreement, with and without the business-day rule,
/// every date kind and 623 dates (across month ends, a leap day, the
/// changes to and from summer time, and the end of 9999, where they fail):
/// `dpa_agreement_date_due` gives the fields of the kind's own
/// `dpa_deadline` function, or its status and message with the date named
/// `from` (as `dpa-core`'s error converts), writing nothing; `dpa_agreement_date_dues` gives the fields of
/// `dpa_agreement_date_deadlines`, or its status, path and message, writing
/// nothing.
/// Source: include/dpa.h (`dpa_due`: "the fields of a `dpa_deadline` but
/// `kind` and `due_text`"; `dpa_agreement_date_dues`: "Errors as for
/// `dpa_agreement_date_deadlines`").
#[test]
fn dues_equal_the_deadlines_fields() {
    let dates = trigger_dates();
    let c_dates: Vec<dpa_date> = dates.iter().map(|&d| types::date_out(d)).collect();
    let (mut compared, mut failed) = (0usize, 0usize);
    for text in example_agreements() {
        let core = dpa_core::Agreement::from_toml(&text).unwrap();
        let handle = load(&text);
        for &(kind, f) in &DATE_KINDS {
            let core_kind = types::deadline_kind_in(kind as u32, "kind").unwrap();
            for (&date, c) in dates.iter().zip(&c_dates) {
                let mut want = sentinel();
                // SAFETY: live handle, valid out-pointer.
                let want_st = unsafe { f(handle, c.year, c.month, c.day, &mut want) };
                let (st, got) = date_due(handle, kind as u32, *c);
                assert_eq!(st, want_st, "{kind:?} {c:?}");
                if st == dpa_status::Ok {
                    assert_eq!(got, fields(&want), "{kind:?} {c:?}");
                    compared += 1;
                } else {
                    // The kind's function names the date by its role
                    // (`terminated`, ...), this one `from`.
                    let e = core.date_due_of(core_kind, date).unwrap_err();
                    let e = status::FfiError::core(&e, "from");
                    assert_eq!(st, e.status, "{kind:?} {c:?}");
                    assert_eq!(last_path(), e.path, "{kind:?} {c:?}");
                    assert_eq!(last_message(), e.message, "{kind:?} {c:?}");
                    assert_eq!(got, due_sentinel(), "{kind:?} {c:?}: written on an error");
                    failed += 1;
                }
            }
            for from in [&c_dates[..520], &c_dates[..]] {
                let (want_st, want) = date_batch(handle, kind, from);
                let want_error = last_error();
                let (st, got) = date_dues(handle, kind as u32, from);
                assert_eq!(st, want_st, "{kind:?} {}", from.len());
                if st == dpa_status::Ok {
                    let want: Vec<dpa_due> = want.iter().map(fields).collect();
                    assert_eq!(got, want, "{kind:?}");
                } else {
                    assert_eq!(last_error(), want_error, "{kind:?}");
                    assert!(last_path().starts_with("from["), "{}", last_path());
                    assert!(got.iter().all(|d| *d == due_sentinel()), "{kind:?}");
                }
            }
        }
        free(handle);
    }
    assert!(compared > 20_000, "{compared}");
    assert!(failed > 0, "no date failed");
}

/// Belco's deletion deadline as fields: terminated 2026-11-30, due
/// 2027-02-28 through 23:00 UTC (the end of the day in Amsterdam, CET),
/// latest, stated, not shifted; the batch gives the same for each date.
/// Source: Belco DPS 1.11 / clause 2.6.3 (deletion "uiterlijk binnen 3
/// maanden"); docs/rules.md rule 1 (30 February is clamped to the 28th);
/// computed by hand: 2027-02-28T23:00:00Z is 1,803,855,600 Unix seconds.
#[test]
fn belco_deletion_due() {
    let belco = load(BELCO);
    let (st, d) = date_due(belco, dpa_deadline_kind::Deletion as u32, TERMINATED);
    assert_eq!(st, dpa_status::Ok, "{}", last_message());
    let want = dpa_due {
        due_unix: 1_803_855_600,
        due_kind: dpa_due_kind::Date,
        bound: dpa_bound::NoLaterThan,
        due_date: dpa_date {
            year: 2027,
            month: 2,
            day: 28,
        },
        shifted_from: dpa_date::default(),
        shifted: false,
        provenance: dpa_provenance::Stated,
    };
    assert_eq!(d, want);
    let (st, many) = date_dues(
        belco,
        dpa_deadline_kind::Deletion as u32,
        &[TERMINATED, TERMINATED],
    );
    assert_eq!(st, dpa_status::Ok);
    assert_eq!(many, [want, want]);
    free(belco);
}

/// A case of an error from the values passed: its name, the handle, the
/// kind, the dates, and the status and path the batch of deadlines gives.
type ValueCase<'a> = (
    &'a str,
    *const dpa_agreement,
    u32,
    &'a [dpa_date],
    dpa_status,
    &'a str,
);

/// Every error of the batch from the values passed is the error of
/// `dpa_agreement_date_deadlines` (status, path and message), and leaves
/// `out` untouched: a NULL agreement, no such date, a deadline after
/// 9999-12-31, an instant kind, a number that is no kind (checked before
/// the agreement). The single call refuses the same with the same status.
/// Source: include/dpa.h (`dpa_agreement_date_dues`: "Errors as for
/// `dpa_agreement_date_deadlines`"; `dpa_agreement_date_due`: "Errors");
/// Belco DPS 1.11 / clause 2.6.3 (deletion three months after termination:
/// from 9999-10-01 on, after 9999-12-31).
#[test]
fn dues_fail_as_the_deadlines_do() {
    let belco = load(BELCO);
    let deletion = dpa_deadline_kind::Deletion as u32;
    let no_date = dpa_date {
        year: 2026,
        month: 2,
        day: 30,
    };
    let too_late = dpa_date {
        year: 9999,
        month: 10,
        day: 1,
    };
    let cases: [ValueCase<'_>; 6] = [
        (
            "NULL agreement",
            ptr::null(),
            deletion,
            &[TERMINATED],
            dpa_status::NullArgument,
            "agreement",
        ),
        (
            "no such date",
            belco,
            deletion,
            &[TERMINATED, no_date],
            dpa_status::OutOfRange,
            "from[1]",
        ),
        (
            "after 9999-12-31",
            belco,
            deletion,
            &[too_late, TERMINATED],
            dpa_status::OutOfRange,
            "from[0]",
        ),
        (
            "an instant kind",
            belco,
            dpa_deadline_kind::BreachNotice as u32,
            &[TERMINATED],
            dpa_status::InvalidValue,
            "kind",
        ),
        (
            "no kind",
            belco,
            99,
            &[TERMINATED],
            dpa_status::InvalidValue,
            "kind",
        ),
        (
            "NULL agreement and no kind: the kind first",
            ptr::null(),
            99,
            &[TERMINATED],
            dpa_status::InvalidValue,
            "kind",
        ),
    ];
    for (case, handle, kind, from, status, path) in cases {
        let mut deadlines = vec![sentinel(); from.len()];
        // SAFETY: arrays valid for the lengths given; `handle` live or NULL.
        let want_st = unsafe {
            dpa_agreement_date_deadlines(
                handle,
                kind,
                from.as_ptr(),
                from.len(),
                deadlines.as_mut_ptr(),
                deadlines.len(),
            )
        };
        assert_eq!((want_st, last_path().as_str()), (status, path), "{case}");
        let want_error = last_error();
        let (st, out) = date_dues(handle, kind, from);
        assert_eq!(st, status, "{case}");
        assert_eq!(last_error(), want_error, "{case}");
        assert!(out.iter().all(|d| *d == due_sentinel()), "{case}");
        // The single call: the same status; the date is `from`.
        let bad = from.iter().copied().find(|d| *d != TERMINATED);
        let (st, one) = date_due(handle, kind, bad.unwrap_or(TERMINATED));
        assert_eq!(st, status, "{case}: one call");
        let one_path = if path.starts_with("from") {
            "from"
        } else {
            path
        };
        assert_eq!(last_path(), one_path, "{case}: one call");
        assert_eq!(one, due_sentinel(), "{case}: one call wrote");
    }
    free(belco);
}

/// The single call names the first bad argument in the documented order,
/// kind, agreement, out, date, whichever others are bad too, and writes
/// nothing: every combination of a bad kind (a number that is no kind, an
/// instant kind), a NULL agreement, a NULL or misaligned `out` and a date
/// that does not exist. A call whose arguments are all good takes a path
/// of its own; this checks that any bad argument leaves it.
/// Source: include/dpa.h (`dpa_agreement_date_due`: "Errors:
/// `DPA_STATUS_INVALID_VALUE` (an unknown or instant kind, path `kind`),
/// `DPA_STATUS_NULL_ARGUMENT` (`agreement` or `out` NULL),
/// `DPA_STATUS_OUT_OF_RANGE` (no such date ...; path `from`)"; "Pointers:
/// ... aligned").
#[test]
fn the_single_call_names_the_first_bad_argument() {
    let belco = load(BELCO);
    let deletion = dpa_deadline_kind::Deletion as u32;
    let kinds = [
        (deletion, None),
        (99, Some((dpa_status::InvalidValue, "kind"))),
        (
            dpa_deadline_kind::BreachNotice as u32,
            Some((dpa_status::InvalidValue, "kind")),
        ),
    ];
    let handles = [
        (belco, None),
        (
            ptr::null_mut(),
            Some((dpa_status::NullArgument, "agreement")),
        ),
    ];
    // Room for a `dpa_due` at an offset of 1 byte: misaligned.
    let mut buffer = [0u64; 8];
    let misaligned = buffer
        .as_mut_ptr()
        .cast::<u8>()
        .wrapping_add(1)
        .cast::<dpa_due>();
    let outs = [
        (false, None),
        (true, Some((dpa_status::NullArgument, "out"))),
        (true, Some((dpa_status::InvalidValue, "out"))),
    ];
    let dates = [
        (TERMINATED, None),
        (
            dpa_date {
                year: 2026,
                month: 2,
                day: 30,
            },
            Some((dpa_status::OutOfRange, "from")),
        ),
    ];
    let mut checked = 0;
    for (kind, kind_err) in kinds {
        for (handle, handle_err) in handles {
            for (i, (bad_out, out_err)) in outs.iter().enumerate() {
                for (d, date_err) in dates {
                    let want = kind_err.or(handle_err).or(*out_err).or(date_err);
                    let mut out = due_sentinel();
                    let out_ptr = match (bad_out, i) {
                        (false, _) => &raw mut out,
                        (true, 1) => ptr::null_mut(),
                        _ => misaligned,
                    };
                    // SAFETY: `out_ptr` is valid for a write, NULL, or
                    // misaligned inside `buffer` (refused before any write);
                    // `handle` is live or NULL.
                    let st = unsafe {
                        dpa_agreement_date_due(handle, kind, d.year, d.month, d.day, out_ptr)
                    };
                    let case = format!("kind {kind}, {handle:?}, out {i}, {d:?}");
                    match want {
                        Some((status, path)) => {
                            assert_eq!((st, last_path().as_str()), (status, path), "{case}");
                            assert_eq!(out, due_sentinel(), "{case}");
                        }
                        None => {
                            assert_eq!(st, dpa_status::Ok, "{case}");
                            assert_eq!(out.due_date.month, 2, "{case}");
                        }
                    }
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 36);
    assert!(
        buffer.iter().all(|&w| w == 0),
        "a misaligned `out` was written"
    );
    free(belco);
}

/// Every error of the batch from the arrays passed is the error of
/// `dpa_agreement_date_deadlines` (status, path and message), and leaves
/// `out` untouched: a NULL `from` or `out`, too little room; no values
/// with NULL arrays is no error. The single call refuses `out` NULL.
/// Source: include/dpa.h (Arrays: "ptr may be NULL when len is 0";
/// `dpa_agreement_date_dues`: "Errors as for
/// `dpa_agreement_date_deadlines`"; `dpa_agreement_date_due`: "Errors").
#[test]
fn dues_refuse_arrays_as_the_deadlines_do() {
    let belco = load(BELCO);
    let deletion = dpa_deadline_kind::Deletion as u32;
    let from = [TERMINATED; 3];
    let mut deadlines = [sentinel(); 3];
    let mut dues = [due_sentinel(); 3];
    type Arrays = (*const dpa_date, usize, bool, usize);
    let arrays: [(&str, Arrays, dpa_status, &str); 3] = [
        (
            "NULL from",
            (ptr::null(), 3, false, 3),
            dpa_status::NullArgument,
            "from",
        ),
        (
            "NULL out",
            (from.as_ptr(), 3, true, 3),
            dpa_status::NullArgument,
            "out",
        ),
        (
            "out_cap < len",
            (from.as_ptr(), 3, false, 2),
            dpa_status::BufferTooSmall,
            "out",
        ),
    ];
    for (case, (from, len, null_out, cap), status, path) in arrays {
        let d_out = if null_out {
            ptr::null_mut()
        } else {
            deadlines.as_mut_ptr()
        };
        let u_out = if null_out {
            ptr::null_mut()
        } else {
            dues.as_mut_ptr()
        };
        // SAFETY: `from` NULL or valid for `len` dates; the outputs NULL or
        // valid for 3 values, more than `cap`.
        let (want_st, st) = unsafe {
            let want_st = dpa_agreement_date_deadlines(belco, deletion, from, len, d_out, cap);
            assert_eq!((want_st, last_path().as_str()), (status, path), "{case}");
            let want_error = last_error();
            let st = dpa_agreement_date_dues(belco, deletion, from, len, u_out, cap);
            assert_eq!(last_error(), want_error, "{case}");
            (want_st, st)
        };
        assert_eq!(st, want_st, "{case}");
    }
    assert!(deadlines.iter().all(|d| *d == sentinel()));
    assert!(dues.iter().all(|d| *d == due_sentinel()));
    // No values: NULL arrays are fine.
    // SAFETY: `len` is 0; nothing is read or written.
    let st =
        unsafe { dpa_agreement_date_dues(belco, deletion, ptr::null(), 0, ptr::null_mut(), 0) };
    assert_eq!(st, dpa_status::Ok);
    // The single call with `out` NULL.
    // SAFETY: `out` NULL is refused before any write.
    let st = unsafe { dpa_agreement_date_due(belco, deletion, 2026, 11, 30, ptr::null_mut()) };
    assert_eq!(
        (st, last_path().as_str()),
        (dpa_status::NullArgument, "out")
    );
    free(belco);
}

/// The batch of dues writes straight into `out` only after a first pass
/// has found that no element can fail; an element that fails last of
/// many, whether it is no date or its deadline leaves the supported range,
/// leaves `out` untouched and is named; and arrays that overlap (working
/// in place, either way round) give what separate arrays give.
/// Source: include/dpa.h ("batch calls are all or nothing and may work in
/// place"; `dpa_agreement_date_dues`: "the first bad element, named
/// `from[i]`"); Belco DPS 1.11 / clause 2.6.3 (deletion three months after
/// termination: from 9999-10-01 on, after 9999-12-31).
#[test]
fn dues_fail_last_without_writing_and_work_in_place() {
    let belco = load(BELCO);
    batch_fails_last_without_writing_and_works_in_place(
        belco,
        dpa_agreement_date_dues,
        due_sentinel(),
        |f| date_due(belco, dpa_deadline_kind::Deletion as u32, *f),
    );
    free(belco);
}

/// Batches in no order, of every example agreement and date kind, each
/// mixing real dates (some at the end of 9999, whose deadlines fail) with
/// numbers that are no date (month 0 or 13, day 0 or 32, 31 April, 29
/// February of a common year, years 0 and 10000): each batch gives what
/// one call per element gives, or the status of its first failing
/// element, named `from[i]`, with `out` untouched. The batch decides
/// before it writes whether any element can fail, from the latest date
/// wherever it stands; this holds that decision to the elements' own.
/// Source: include/dpa.h (`dpa_agreement_date_dues`: "All or nothing:
/// `out` is written only on `DPA_STATUS_OK`", "the first bad element,
/// named `from[i]`"); Belco DPS 1.11 / clause 2.6.3 (deletion three months
/// after termination: from 9999-10-01 on, after 9999-12-31).
#[test]
fn dues_in_any_order_are_all_or_nothing() {
    let mut pool: Vec<dpa_date> = trigger_dates().into_iter().map(types::date_out).collect();
    for (year, month, day) in [
        (2026, 0, 1),
        (2026, 13, 1),
        (2026, 5, 0),
        (2026, 5, 32),
        (2026, 4, 31),
        (2026, 2, 29),
        (9999, 2, 29),
        (0, 6, 1),
        (10_000, 1, 1),
    ] {
        pool.push(dpa_date { year, month, day });
    }
    // splitmix64: the same batches on every run.
    let mut state = 0x5EED_u64;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let (mut ok, mut failed) = (0usize, 0usize);
    for text in example_agreements() {
        let handle = load(&text);
        for &(kind, _) in &DATE_KINDS {
            for _ in 0..40 {
                let len = 2 + (next() % 40) as usize;
                // Mostly ordinary dates, so that many batches succeed.
                let from: Vec<dpa_date> = (0..len)
                    .map(|_| {
                        let r = next();
                        if r % 16 == 0 {
                            pool[520 + (r >> 8) as usize % (pool.len() - 520)]
                        } else {
                            pool[(r >> 8) as usize % 520]
                        }
                    })
                    .collect();
                let singles: Vec<(dpa_status, dpa_due)> = from
                    .iter()
                    .map(|&d| date_due(handle, kind as u32, d))
                    .collect();
                let (st, got) = date_dues(handle, kind as u32, &from);
                match singles.iter().position(|(s, _)| *s != dpa_status::Ok) {
                    None => {
                        assert_eq!(st, dpa_status::Ok, "{kind:?} {from:?}: {}", last_message());
                        let want: Vec<dpa_due> = singles.iter().map(|(_, d)| *d).collect();
                        assert_eq!(got, want, "{kind:?} {from:?}");
                        ok += 1;
                    }
                    Some(i) => {
                        assert_eq!(st, singles[i].0, "{kind:?} {from:?}: {}", last_message());
                        assert_eq!(last_path(), format!("from[{i}]"), "{kind:?} {from:?}");
                        assert!(
                            got.iter().all(|d| *d == due_sentinel()),
                            "{kind:?} {from:?}: written on an error"
                        );
                        failed += 1;
                    }
                }
            }
        }
        free(handle);
    }
    assert!(ok > 100 && failed > 100, "{ok} succeeded, {failed} failed");
}
