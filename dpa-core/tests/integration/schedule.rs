//! `dpa_core::schedule`: each row's deadlines through the agreement's own
//! rules, and their status as of a date.

use dpa_core::deadline::{DeadlineKind, Due, Start};
use dpa_core::schedule::{Column, Schedule, Status};
use time::macros::{date, datetime};

use crate::date_paths;
use crate::helpers::{alles, belco};

/// A row terminated on 30 November 2026 under Belco: 3 months, clamped to
/// the last day of February; pending before it, due on it, overdue after.
///
/// Source: Belco DPS 1.11 ("uiterlijk binnen 3 maanden"), clause 2.6.3;
/// docs/rules.md rule 1 (HR 1 September 2017, ECLI:NL:HR:2017:2225).
#[test]
fn deletion_month_end_clamp_pending_due_today_overdue() {
    let a = belco();
    let start = Start::Date(date!(2026 - 11 - 30));
    for (at, status) in [
        (date!(2027 - 02 - 27), Status::Pending),
        (date!(2027 - 02 - 28), Status::DueToday),
        (date!(2027 - 03 - 01), Status::Overdue),
    ] {
        let e = Schedule::new(at)
            .entry(&a, DeadlineKind::Deletion, start, None)
            .unwrap();
        assert_eq!(e.due.date(), Some(date!(2027 - 02 - 28)), "{at}");
        assert_eq!(e.status, status, "{at}");
        // The same deadline as the one dispatcher's.
        assert_eq!(
            e.due,
            a.deletion_deadline(date!(2026 - 11 - 30)).unwrap().due
        );
    }
}

/// A recorded deletion on or before the due date is `met`, after it
/// `late`, whatever the date of the schedule.
///
/// Source: Belco DPS 1.11, clause 2.6.3 (deadline inclusive: docs/rules.md
/// rule 4).
#[test]
fn deletion_completion_met_and_late() {
    let a = belco();
    let s = Schedule::new(date!(2026 - 12 - 01));
    let start = Start::Date(date!(2026 - 11 - 30));
    let on = |d| {
        s.entry(&a, DeadlineKind::Deletion, start, Some(Start::Date(d)))
            .unwrap()
            .status
    };
    assert_eq!(on(date!(2027 - 02 - 28)), Status::Met);
    assert_eq!(on(date!(2027 - 03 - 01)), Status::Late);
}

/// Belco does not state how backups are deleted: `none`, never the main
/// term as a default; the detail gives the reason and the provenance.
///
/// Source: Belco DPS 1.11 (backups not mentioned); issue 15 point 2.
#[test]
fn not_stated_term_is_none_with_its_reason() {
    let a = belco();
    let s = Schedule::new(date!(2027 - 03 - 01));
    let start = Start::Date(date!(2026 - 11 - 30));
    let e = s
        .entry(&a, DeadlineKind::BackupDeletion, start, None)
        .unwrap();
    assert_eq!(e.due, Due::NoFixedTerm);
    assert_eq!(e.status, Status::None);
    let d = s.detail(&a, DeadlineKind::BackupDeletion, start).unwrap();
    assert_eq!(d.provenance.kind().as_str(), "not-stated");
    assert!(
        d.note
            .as_deref()
            .unwrap()
            .contains("does not state how backups"),
        "{:?}",
        d.note
    );
}

/// A breach notice is an instant; its status compares the date it falls on
/// in the processor's time zone, and a notification at or before it is met.
///
/// Source: Belco DPS 1.13 / clause 2.4.1 (24 hours); docs/rules.md rule 2.
#[test]
fn breach_notice_instant_statuses() {
    let a = belco();
    let start = Start::Instant(datetime!(2026-03-28 10:30 +01:00));
    let at = |d| {
        Schedule::new(d)
            .entry(&a, DeadlineKind::BreachNotice, start, None)
            .unwrap()
    };
    assert_eq!(
        at(date!(2026 - 03 - 29)).due,
        Due::Instant(datetime!(2026-03-29 09:30 UTC))
    );
    assert_eq!(at(date!(2026 - 03 - 28)).status, Status::Pending);
    assert_eq!(at(date!(2026 - 03 - 29)).status, Status::DueToday);
    assert_eq!(at(date!(2026 - 03 - 30)).status, Status::Overdue);
    let s = Schedule::new(date!(2026 - 04 - 30));
    let done = |t| {
        s.entry(
            &a,
            DeadlineKind::BreachNotice,
            start,
            Some(Start::Instant(t)),
        )
        .unwrap()
        .status
    };
    assert_eq!(done(datetime!(2026-03-29 11:30 +02:00)), Status::Met);
    assert_eq!(done(datetime!(2026-03-29 09:31 UTC)), Status::Late);
}

/// Alles Online's breach notice is "without undue delay": no fixed instant,
/// status `none`.
///
/// Source: Alles Online DPS 17 / clause 4.1; GDPR art. 33(2).
#[test]
fn no_fixed_term_is_none() {
    let e = Schedule::new(date!(2026 - 04 - 30))
        .entry(
            &alles(),
            DeadlineKind::BreachNotice,
            Start::Instant(datetime!(2026-03-28 10:30 +01:00)),
            None,
        )
        .unwrap();
    assert_eq!((e.due, e.status), (Due::NoFixedTerm, Status::None));
}

/// The next audit is an earliest date: `not-yet` before it, `open` from it.
///
/// Source: Belco clause 2.7.4 / DPS 1.14 (once per rolling 12 months).
#[test]
fn next_audit_not_yet_and_open() {
    let a = belco();
    let start = Start::Date(date!(2026 - 06 - 15));
    let at = |d| {
        Schedule::new(d)
            .entry(&a, DeadlineKind::NextAudit, start, None)
            .unwrap()
    };
    assert_eq!(
        at(date!(2027 - 06 - 14)).due.date(),
        Some(date!(2027 - 06 - 15))
    );
    assert_eq!(at(date!(2027 - 06 - 14)).status, Status::NotYet);
    assert_eq!(at(date!(2027 - 06 - 15)).status, Status::Open);
}

/// A start the term cannot be added to is an error naming the event's
/// column, never a panic or a guess.
///
/// Source: docs/rules.md (dates in the years 1 to 9999); Belco DPS 1.11.
#[test]
fn out_of_range_start_names_the_column() {
    let e = Schedule::new(date!(2026 - 01 - 01))
        .entry(
            &belco(),
            DeadlineKind::Deletion,
            Start::Date(date!(9999 - 12 - 01)),
            None,
        )
        .unwrap_err();
    assert_eq!(e.path(), Some("terminated_on"), "{e}");
}

/// Each column reads its own type: a date column refuses an instant and an
/// instant column a date without an offset.
///
/// Source: docs/rules.md rule 2 (an instant without a UTC offset is refused).
#[test]
fn columns_read_their_type() {
    assert_eq!(
        Column::TerminatedOn.parse("2026-11-30").unwrap(),
        Start::Date(date!(2026 - 11 - 30))
    );
    let e = Column::TerminatedOn
        .parse("2026-11-30T10:00:00Z")
        .unwrap_err();
    assert_eq!(e.path(), Some("terminated_on"), "{e}");
    assert!(
        Column::BreachDiscoveredAt
            .parse("2026-03-28T10:30:00")
            .is_err()
    );
    assert_eq!("deleted_on".parse::<Column>().unwrap(), Column::DeletedOn);
}

/// Dates over the whole supported range (every 397th day from 0001-01-01),
/// and every day of the first and last 400 days of it.
fn dates_over_the_range() -> Vec<time::Date> {
    let first = time::Date::from_calendar_date(1, time::Month::January, 1).unwrap();
    let last = date!(9999 - 12 - 31);
    let mut dates = Vec::new();
    let mut d = first;
    while d < last {
        dates.push(d);
        d = d.saturating_add(time::Duration::days(397));
    }
    for i in 0..400 {
        dates.push(first + time::Duration::days(i));
        dates.push(last - time::Duration::days(i));
    }
    dates
}

/// The date-only path (`Schedule::date_entry`),
/// which `dpa schedule` takes for a date it writes, gives the full path's
/// date, status and error message for every date kind, over the
/// whole range of dates, under every bundled agreement and variants that
/// reach each rule (month rules, business days, backup cycle, calendar
/// audit period, zones west of UTC where 9999-12-31 has no end).
///
/// Source: docs/rules.md rules 1–5 and "Schedule statuses"; DPS 1.11 /
/// clause 2.6.3, DPS 12 / clause 6.3 (deletion and backups), clause 2.7.4 /
/// 7.5 (audits), clause 2.2.2 / 2.2 (termination window).
#[test]
fn date_only_path_equals_the_full_path() {
    let kinds = [
        DeadlineKind::Deletion,
        DeadlineKind::BackupDeletion,
        DeadlineKind::NextAudit,
        DeadlineKind::AuditNotice,
        DeadlineKind::TerminationWindow,
    ];
    let dates = dates_over_the_range();
    let mut compared = 0;
    let mut errors = 0;
    let mut with_date = 0;
    for (name, a) in date_paths::agreements() {
        for &kind in &kinds {
            for (i, &d) in dates.iter().enumerate() {
                // The full path (`Schedule::entry`, through
                // `date_deadline_of`) against the date-only path.
                let s = Schedule::new(d);
                let full = s.entry(&a, kind, Start::Date(d), None);
                let fast = s.date_entry(&a, kind, d, None);
                match (&full, &fast) {
                    (Ok(full), Ok(fast)) => {
                        assert_eq!(full.due.date(), fast.due, "{name} {kind} {d}");
                        assert_eq!(full.status, fast.status, "{name} {kind} {d}");
                        if fast.due.is_some() {
                            with_date += 1;
                        }
                    }
                    (Err(f), Err(g)) => {
                        assert_eq!(f.to_string(), g.to_string(), "{name} {kind} {d}");
                        assert_eq!(f.path(), g.path(), "{name} {kind} {d}");
                        errors += 1;
                    }
                    _ => panic!("{name} {kind} {d}: {full:?} against {fast:?}"),
                }
                // The schedule's entries, as of a date near the due date,
                // with and without a completion.
                if i % 7 == 0 {
                    let at = d.saturating_add(time::Duration::days(60));
                    let s = Schedule::new(at);
                    for done in [None, Some(Start::Date(at)), Some(Start::Date(d))] {
                        let e = s.entry(&a, kind, Start::Date(d), done);
                        let f = s.date_entry(&a, kind, d, done);
                        match (e, f) {
                            (Ok(e), Ok(f)) => {
                                assert_eq!(e.due.date(), f.due, "{name} {kind} {d}");
                                assert_eq!(e.status, f.status, "{name} {kind} {d} {done:?}");
                            }
                            (Err(e), Err(f)) => assert_eq!(e.to_string(), f.to_string()),
                            (e, f) => panic!("{name} {kind} {d}: {e:?} against {f:?}"),
                        }
                    }
                }
                compared += 1;
            }
        }
    }
    // The comparison reached dates, empty terms and errors alike.
    assert!(compared > 400_000, "{compared}");
    assert!(with_date > 300_000, "{with_date}");
    assert!(errors > 100, "{errors}");
}

/// A completion of the wrong type is refused the same way on the
/// date-only path, naming the completion column.
///
/// Source: docs/rules.md rule 2 (dates and instants are not mixed).
#[test]
fn date_only_path_refuses_an_instant_completion() {
    let a = belco();
    let s = Schedule::new(date!(2027 - 03 - 01));
    let done = Some(Start::Instant(datetime!(2027-02-01 10:00 UTC)));
    let e = s
        .entry(
            &a,
            DeadlineKind::Deletion,
            Start::Date(date!(2026 - 11 - 30)),
            done,
        )
        .unwrap_err();
    let f = s
        .date_entry(&a, DeadlineKind::Deletion, date!(2026 - 11 - 30), done)
        .unwrap_err();
    assert_eq!(e.to_string(), f.to_string());
    assert_eq!(f.path(), Some("deleted_on"));
}
