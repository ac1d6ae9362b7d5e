//! `Agreement::date_due_of` (the due date as plain fields, which libdpa's
//! deadline structs are made of) against `Agreement::date_deadline_of`:
//! the same rules, so the same answer, field for field, and the same error.

use dpa_core::Agreement;
use dpa_core::deadline::{Deadline, DeadlineKind, Detail, Due, DueDay, DueFields};
use time::Date;
use time::macros::date;

use crate::helpers::{belco, examples, load, text};

/// Every example agreement (the two seeds, Belco 1.2.2, the two example
/// statements), as written and with one setting changed at a time: the
/// business-day rule on, each other month rule, and time zones with
/// daylight-saving changes at midnight (Sao Paulo until 2019), a skipped
/// day (Apia, 30 December 2011), a half-hour change (Lord Howe) and one
/// west of UTC (New York).
fn agreements() -> Vec<(String, Agreement)> {
    let mut names: Vec<String> = std::fs::read_dir(examples().join("agreements"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    assert!(names.len() >= 5, "{names:?}");
    let variants = [
        ("business_days = \"off\"", "business_days = \"nl-atw\""),
        (
            "month_rule = \"clamp\"",
            "month_rule = \"month-end-sticky\"",
        ),
        ("month_rule = \"clamp\"", "month_rule = \"thirty-days\""),
        (
            "time_zone = \"Europe/Amsterdam\"",
            "time_zone = \"America/Sao_Paulo\"",
        ),
        (
            "time_zone = \"Europe/Amsterdam\"",
            "time_zone = \"Pacific/Apia\"",
        ),
        (
            "time_zone = \"Europe/Amsterdam\"",
            "time_zone = \"Australia/Lord_Howe\"",
        ),
        (
            "time_zone = \"Europe/Amsterdam\"",
            "time_zone = \"America/New_York\"",
        ),
    ];
    let mut out = Vec::new();
    for name in names {
        let toml = text(&name);
        out.push((name.clone(), load(&name)));
        for (from, to) in variants {
            assert!(toml.contains(from), "{name} has no `{from}`");
            let a = Agreement::from_toml(&toml.replace(from, to)).unwrap();
            out.push((format!("{name} with {to}"), a));
        }
    }
    out
}

/// Every day from `first` through `last`.
fn days(first: Date, last: Date) -> impl Iterator<Item = Date> {
    std::iter::successors(Some(first), move |d| d.next_day().filter(|n| *n <= last))
}

/// The trigger dates: runs of consecutive days whose deadlines cross
/// month ends, leap days (2012, 2024, 2028) and daylight-saving changes
/// (Amsterdam and New York in 2024 and 2025; Sao Paulo's midnight changes
/// of 2018 and 2019; Apia's skipped 30 December 2011, which a deletion term
/// of a few weeks or months reaches from these), and the edges of the zone
/// tables (1899/1900, 2199/2200) and of the supported range (year 1, the
/// end of 9999, where some deadlines are out of range).
fn trigger_dates() -> Vec<Date> {
    let mut out: Vec<Date> = days(date!(2011 - 08 - 01), date!(2012 - 03 - 15))
        .chain(days(date!(2017 - 12 - 01), date!(2019 - 03 - 31)))
        .chain(days(date!(2023 - 11 - 01), date!(2025 - 04 - 30)))
        .chain(days(date!(2027 - 10 - 25), date!(2028 - 03 - 05)))
        .collect();
    out.extend(days(date!(1899 - 09 - 25), date!(1900 - 01 - 05)));
    out.extend(days(date!(2199 - 09 - 25), date!(2200 - 01 - 05)));
    out.extend(days(date!(0001 - 01 - 01), date!(0001 - 01 - 10)));
    out.extend(days(date!(9999 - 09 - 25), date!(9999 - 12 - 31)));
    out
}

/// Fails unless `f` holds what `d` says, field for field: the kind, the
/// bound, the due date's year, month and day and the Unix seconds of the
/// instant it ends (or no date for both), the business-day shift and the
/// kind of provenance.
fn assert_same(f: &DueFields, d: &Deadline, at: &str) {
    assert_eq!(f.kind, d.kind, "{at}");
    assert_eq!(f.bound, d.bound, "{at}");
    assert_eq!(f.shift, d.shift, "{at}");
    assert_eq!(f.provenance, d.provenance.kind(), "{at}");
    match (f.due, d.due) {
        (
            DueDay::Date {
                year,
                month,
                day,
                ends_unix,
            },
            Due::Date { date, ends_at },
        ) => {
            assert_eq!(
                (year, month, day),
                (date.year(), u8::from(date.month()), date.day()),
                "{at}"
            );
            assert_eq!(ends_unix, ends_at.unix_timestamp(), "{at}");
        }
        (DueDay::NoFixedTerm, Due::NoFixedTerm) => {}
        (f, d) => panic!("{at}: {f:?} against {d:?}"),
    }
}

/// For every example agreement and its variants, every kind (the date
/// kinds compute; the others must fail the same way) and every trigger
/// date: `date_due_of` gives what `date_deadline_of` gives, with
/// `Detail::DueOnly` and with `Detail::Full`, and the same error where
/// that fails; and `date_due_of_parts` from the date's year, month and
/// day gives what `date_due_of` gives (terms of days, weeks and months,
/// under each month rule, and a backup cycle, among the examples).
///
/// Source: DPS 1.11 / clause 2.6.3 and DPS 12 / clause 6.3 (deletion and
/// backups), clause 2.7.4 / 7.5 (audits), clause 2.2.2 / 2.2 (the
/// termination window), docs/rules.md rules 1, 3 and 4 (months, business
/// days, the end of a day in the processor's zone): the rules both paths
/// share.
#[test]
fn date_due_of_agrees_with_date_deadline_of() {
    let dates = trigger_dates();
    let (mut dated, mut undated, mut failed) = (0usize, 0usize, 0usize);
    for (name, a) in agreements() {
        for &kind in DeadlineKind::ALL {
            for &d in &dates {
                let at = format!("{name}, {kind} from {d}");
                let fields = a.date_due_of(kind, d);
                let (y, m, dd) = (d.year(), u32::from(u8::from(d.month())), u32::from(d.day()));
                assert_eq!(
                    a.date_due_of_parts(kind, y, m, dd),
                    fields,
                    "{at}, from the numbers"
                );
                let due_only = a.date_deadline_of(kind, d, Detail::DueOnly);
                let full = a.date_deadline_of(kind, d, Detail::Full);
                match (&fields, &due_only, &full) {
                    (Ok(f), Ok(o), Ok(l)) => {
                        assert_same(f, o, &at);
                        assert_same(f, l, &at);
                        if matches!(f.due, DueDay::NoFixedTerm) {
                            undated += 1;
                        } else {
                            dated += 1;
                        }
                    }
                    (Err(e), Err(o), Err(l)) => {
                        assert_eq!(e, o, "{at}");
                        assert_eq!(e, l, "{at}");
                        failed += 1;
                    }
                    _ => panic!("{at}: {fields:?} against {due_only:?} and {full:?}"),
                }
            }
        }
    }
    // Each kind of answer was compared, many times.
    assert!(dated > 100_000, "{dated}");
    assert!(undated > 1_000, "{undated}");
    assert!(failed > 1_000, "{failed}");
}

/// `date_due_of_parts` is `iso_date::from_parts` then `date_due_of`, the
/// same answer and the same error, for numbers that are no date (month 0
/// or 13, day 0 or past the month's end, 29 February of a common year,
/// years 0 and 10000, the extremes of the types) and for dates, with a
/// deletion term in years (12 months each: 29 February 2024 plus one year
/// is 28 February 2025 under the clamp rule), in months near the end of
/// the range (out of range from October 9999) and in weeks, for every
/// kind.
///
/// Source: docs/rules.md rule 1 (months and years, the clamp rule; EU
/// Regulation 1182/71 art. 3(2)(c)); the supported years 1 to 9999;
/// include/dpa.h (`dpa_date`: a date that does not exist is
/// DPA_STATUS_OUT_OF_RANGE).
#[test]
fn date_due_of_parts_is_from_parts_then_date_due_of() {
    let belco_text = text("belco.toml");
    let terms = [
        "months = 3",
        "within = \"1 year\"",
        "within = \"6 weeks\"",
        "within = \"120 months\"",
    ];
    let years = [
        i32::MIN,
        -1,
        0,
        1,
        2,
        1900,
        2000,
        2023,
        2024,
        2100,
        9989,
        9990,
        9999,
        10_000,
        i32::MAX,
    ];
    let months = (0..=13).chain([255, 256, u32::MAX]);
    let days = || (0..=32).chain([256, u32::MAX]);
    let (mut same_ok, mut same_err) = (0usize, 0usize);
    for term in terms {
        let a = Agreement::from_toml(&belco_text.replace("months = 3", term)).unwrap();
        for &kind in DeadlineKind::ALL {
            for year in years {
                for month in months.clone() {
                    for day in days() {
                        let at = format!("{term}, {kind} from {year}-{month}-{day}");
                        let want = dpa_core::values::iso_date::from_parts(year, month, day)
                            .and_then(|d| a.date_due_of(kind, d));
                        let got = a.date_due_of_parts(kind, year, month, day);
                        assert_eq!(got, want, "{at}");
                        if got.is_ok() {
                            same_ok += 1;
                        } else {
                            same_err += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(same_ok > 10_000, "{same_ok}");
    assert!(same_err > 10_000, "{same_err}");
    // The year: 29 February 2024 plus one year, clamped.
    let a = Agreement::from_toml(&belco_text.replace("months = 3", "within = \"1 year\"")).unwrap();
    let d = a
        .date_due_of_parts(DeadlineKind::Deletion, 2024, 2, 29)
        .unwrap();
    assert!(
        matches!(
            d.due,
            DueDay::Date {
                year: 2025,
                month: 2,
                day: 28,
                ..
            }
        ),
        "{d:?}"
    );
}

/// Belco's deletion deadline as fields: three months after a termination
/// on 29 February 2024 is 29 May 2024, which ends at midnight in Amsterdam
/// (summer time: 22:00 UTC); stated term, no shift.
///
/// Source: DPS 1.11 (Belco, seed 000): "uiterlijk binnen 3 maanden";
/// docs/rules.md rules 1 and 4.
#[test]
fn belco_deletion_as_fields() {
    let d = belco()
        .date_due_of(DeadlineKind::Deletion, date!(2024 - 02 - 29))
        .unwrap();
    assert_eq!(d.kind, DeadlineKind::Deletion);
    assert_eq!(
        d.due,
        DueDay::Date {
            year: 2024,
            month: 5,
            day: 29,
            // 2024-05-29T22:00:00Z
            ends_unix: 1_717_020_000,
        }
    );
    assert_eq!(d.shift, None);
    assert_eq!(d.provenance, dpa_core::model::ProvenanceKind::Stated);
}

/// With the business-day rule on, a deletion date on a Saturday moves to
/// the Monday, and the fields say from where; a backup deletion the agreement
/// does not mention has no date and says its term is not stated.
///
/// Source: Algemene termijnenwet art. 1 (docs/rules.md rule 3); issue 15
/// point 2 (a term not stated has no default); Belco DPS 1.11 (backups not
/// mentioned).
#[test]
fn shift_and_not_stated_as_fields() {
    let a = Agreement::from_toml(
        &text("belco.toml").replace("business_days = \"off\"", "business_days = \"nl-atw\""),
    )
    .unwrap();
    // 2025-11-30 + 3 months = Saturday 2026-02-28, moved to Monday 2 March.
    let d = a
        .date_due_of(DeadlineKind::Deletion, date!(2025 - 11 - 30))
        .unwrap();
    assert!(matches!(
        d.due,
        DueDay::Date {
            year: 2026,
            month: 3,
            day: 2,
            ..
        }
    ));
    assert_eq!(d.shift.map(|s| s.original()), Some(date!(2026 - 02 - 28)));
    let b = a
        .date_due_of(DeadlineKind::BackupDeletion, date!(2025 - 11 - 30))
        .unwrap();
    assert_eq!(b.due, DueDay::NoFixedTerm);
    assert_eq!(b.provenance, dpa_core::model::ProvenanceKind::NotStated);
}

/// Where a date deadline computes from a date, it computes from every
/// earlier date (`Agreement::date_due_of`, "Errors"): for every example
/// agreement and its variants and every date kind, over the trigger dates
/// in order (from year 1 to the end of 9999, where the deadlines of some
/// terms fall outside the supported range), no date that computes follows
/// one that fails. libdpa's batch of date deadlines checks the latest date
/// alone before it writes into the caller's array, on this guarantee.
///
/// Source: DPS 1.11 / clause 2.6.3 and DPS 12 / clause 6.3 (deletion and
/// backups), clause 2.7.4 / 7.5 (audits), clause 2.2.2 / 2.2 (the
/// termination window), docs/rules.md rules 1, 3 and 4: each of these
/// rules moves a later trigger to a due date no earlier.
#[test]
fn an_error_from_a_date_is_an_error_from_every_later_date() {
    let mut dates = trigger_dates();
    // And the last day of each of the last 40 years, and the last days of
    // 9999 that some terms reach from them.
    dates.extend(
        (9960..=9999).map(|y| Date::from_calendar_date(y, time::Month::December, 31).unwrap()),
    );
    dates.extend(days(date!(9998 - 01 - 01), date!(9998 - 03 - 31)));
    dates.sort_unstable();
    dates.dedup();
    let (mut kinds_that_fail, mut checked) = (0usize, 0usize);
    for (name, a) in agreements() {
        for &kind in DeadlineKind::ALL {
            if kind.trigger() != dpa_core::deadline::Trigger::Date {
                continue;
            }
            let mut first_error: Option<Date> = None;
            for &d in &dates {
                match (a.date_due_of(kind, d), first_error) {
                    (Ok(f), Some(e)) => {
                        panic!(
                            "{name}, {kind}: fails from {e} but computes from the later {d}: {f:?}"
                        )
                    }
                    (Err(_), None) => first_error = Some(d),
                    _ => {}
                }
                checked += 1;
            }
            kinds_that_fail += usize::from(first_error.is_some());
        }
    }
    // The edge was reached, by many agreements and kinds.
    assert!(kinds_that_fail > 50, "{kinds_that_fail}");
    assert!(checked > 100_000, "{checked}");
}
