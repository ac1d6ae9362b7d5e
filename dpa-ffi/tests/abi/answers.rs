//! The JSON answers (byte for byte the command's) and the two-call pattern
//! of caller buffers.

use std::ffi::c_char;
use std::ptr;

use dpa::*;

use crate::helpers::{ALLES, BELCO, free, last_message, last_path, load, take_string};

/// The JSON answers are byte for byte what the command prints.
/// Source: README "The `dpa` command" (the JSON of `--format json`) and
/// include/dpa.h (`dpa_agreement_*_json`).
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

        let events = include_str!("../../../examples/events/belco-2027.toml");
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

/// A caller buffer that is too small gives `BUFFER_TOO_SMALL` and the length needed, and is left alone.
/// Source: include/dpa.h (`DPA_STATUS_BUFFER_TOO_SMALL`, the two-call
/// pattern), docs/c-and-php.md.
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

/// Transfers, diff and the effective date, as the command prints them.
/// Source: README (`dpa transfers`, `dpa diff`) and include/dpa.h
/// (`dpa_agreement_transfers_json`, `dpa_agreement_diff_json`,
/// `dpa_agreement_effective_date`).
#[test]
fn transfers_and_diff() {
    let belco = load(BELCO);
    let old = load(include_str!(
        "../../../examples/agreements/belco-1.2.2.toml"
    ));
    let core_new = dpa_core::Agreement::from_toml(BELCO).unwrap();
    let core_old = dpa_core::Agreement::from_toml(include_str!(
        "../../../examples/agreements/belco-1.2.2.toml"
    ))
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
        assert_eq!(
            eff.year,
            core_new.statement.effective_date.day().unwrap().year()
        );
        assert_eq!(
            dpa_agreement_diff_json(old, belco, eff.year, eff.month, eff.day, &mut p, &mut len),
            dpa_status::Ok
        );
        let got = take_string(p, len);
        let want = dpa_core::diff::DiffReport::new(
            &core_old,
            &core_new,
            core_new.statement.effective_date.day().unwrap(),
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

/// A statement that takes effect in a month ("maart 2023") has no day to
/// give: `dpa_agreement_effective_date` refuses it with
/// `DPA_STATUS_INVALID_VALUE` and leaves `*out` alone, and
/// `dpa_agreement_effective_stated_date` gives the precision and the first
/// and last day; a day gives both as that day.
/// Source: issue 15 point 3; docs/rules.md, "Dates as stated".
#[test]
fn effective_date_by_precision() {
    let march = BELCO
        .replace(
            "effective_date = 2022-01-04",
            "effective_date = \"2022-01\"",
        )
        .replace("date = 2022-01-04", "date = \"2022-01\"");
    let (day, month) = (load(BELCO), load(&march));
    let d = |year, month, day| dpa_date { year, month, day };
    let sentinel = d(7, 7, 7);
    let mut eff = sentinel;
    let mut stated = dpa_stated_date {
        precision: dpa_date_precision::Year,
        earliest: sentinel,
        latest: sentinel,
    };
    // SAFETY: live handles and valid pointers.
    unsafe {
        assert_eq!(
            dpa_agreement_effective_date(month, &mut eff),
            dpa_status::InvalidValue
        );
        assert_eq!(eff, sentinel);
        assert_eq!(last_path(), "statement.effective_date");
        assert_eq!(
            last_message(),
            "statement.effective_date: 2022-01 is a month, not a day (some day from 2022-01-01 to 2022-01-31): use dpa_agreement_effective_stated_date"
        );
        assert_eq!(
            dpa_agreement_effective_stated_date(month, &mut stated),
            dpa_status::Ok
        );
        assert_eq!(stated.precision, dpa_date_precision::Month);
        assert_eq!(stated.earliest, d(2022, 1, 1));
        assert_eq!(stated.latest, d(2022, 1, 31));
        assert_eq!(
            dpa_agreement_effective_stated_date(day, &mut stated),
            dpa_status::Ok
        );
        assert_eq!(stated.precision, dpa_date_precision::Day);
        assert_eq!(
            (stated.earliest, stated.latest),
            (d(2022, 1, 4), d(2022, 1, 4))
        );
        assert_eq!(
            dpa_agreement_effective_stated_date(day, ptr::null_mut()),
            dpa_status::NullArgument
        );
    }
    free(day);
    free(month);
}

/// The art. 28 coverage table, as `dpa coverage --format json` prints it;
/// NULL arguments leave the out-parameters alone.
/// Source: README (`dpa coverage`), include/dpa.h
/// (`dpa_agreement_coverage_json`).
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
        assert_eq!(items.len(), 17);
        // Neither seed states the types of personal data (GDPR art. 28(3)).
        assert_eq!(items[4]["id"], "28-3-data-types");
        assert_eq!(items[4]["verdict"], "not-covered");
        free(a);
    }

    // Belco without clause 2.5.1: art. 28(3)(b) is not covered.
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
    assert_eq!(v["coverage"][8]["id"], "28-3-b");
    assert_eq!(v["coverage"][8]["clauses"], serde_json::json!([]));
    assert_eq!(v["coverage"][8]["verdict"], "not-covered");
    assert_eq!(v["coverage"][8]["covered"], false);

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

#[path = "../../../benches/src/worst.rs"]
#[allow(
    unreachable_pub,
    dead_code,
    reason = "the generators are public in dpa-benches, which shares the file; this test uses one"
)]
mod worst;

/// The worst accepted shape (`benches/src/worst.rs`) at a small scale:
/// `dpa_agreement_transfers_json` answers with text that grows with the
/// input, not with countries x bases (at the limits it passed 14.5 GB and
/// aborted), and byte for byte what `dpa_core` writes.
/// Source: include/dpa.h (`dpa_agreement_transfers_json`: "no function
/// aborts"); dpa_core::transfers module documentation, "Size".
#[test]
fn transfers_json_grows_with_the_input() {
    use dpa_core::model::TransferBasis;
    use dpa_core::report::Report;
    use dpa_core::values::Country;
    let countries: Vec<&str> = Country::all()
        .filter(|c| !c.is_eea())
        .map(|c| c.as_str())
        .collect();
    let bases: Vec<&str> = TransferBasis::ALL.iter().map(|b| b.as_str()).collect();
    let seed = include_str!("../../../examples/agreements/alles-online.toml");
    let text = worst::worst_transfers_toml(seed, 10, &countries, &bases).unwrap();
    let a = load(&text);
    let mut p: *mut c_char = ptr::null_mut();
    let mut len = 0;
    // SAFETY: a live handle and valid out-pointers.
    let got = unsafe {
        assert_eq!(
            dpa_agreement_transfers_json(a, 2026, 11, 23, &mut p, &mut len),
            dpa_status::Ok
        );
        take_string(p, len)
    };
    free(a);
    assert!(
        got.len() <= 40 * text.len(),
        "{} for {}",
        got.len(),
        text.len()
    );
    let core = dpa_core::Agreement::from_toml(&text).unwrap();
    let want = dpa_core::report::TransfersReport::new(&core, time::macros::date!(2026 - 11 - 23))
        .unwrap()
        .to_json()
        .unwrap();
    assert_eq!(got, want);
}
