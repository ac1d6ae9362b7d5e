//! Deadlines from the seed agreements: the worked examples of the rules.

use crate::helpers::{alles, belco, text};

use dpa_core::Agreement;
use dpa_core::deadline::{Bound, DeadlineKind, Due, Impact};
use time::macros::{date, datetime};

/// The seed with the business-day rule switched on.
fn with_atw(name: &str) -> Agreement {
    let text = text(name).replacen("business_days = \"off\"", "business_days = \"nl-atw\"", 1);
    Agreement::from_toml(&text).unwrap()
}

/// Belco deletes at the latest 3 months after termination: 30 November 2026
/// gives 28 February 2027, ending at 24:00 Amsterdam time (23:00 UTC), and
/// 30 November 2027 gives 29 February 2028.
/// Source: Belco DPS 1.11 ("uiterlijk binnen 3 maanden") / clause 2.6.3;
/// docs/rules.md rules 1 and 4.
#[test]
fn belco_deletion() {
    let d = belco().deletion_deadline(date!(2026 - 11 - 30)).unwrap();
    assert_eq!(d.kind, DeadlineKind::Deletion);
    assert_eq!(d.due.date(), Some(date!(2027 - 02 - 28)));
    assert_eq!(d.bound, Bound::NoLaterThan);
    assert_eq!(d.citation, "DPS 1.11, clause 2.6.3");
    assert!(d.shift.is_none());
    // The date ends at 24:00 Amsterdam time (CET in winter): 23:00 UTC.
    assert_eq!(
        d.due.latest_instant(),
        Some(datetime!(2027-02-28 23:00 UTC))
    );
    assert_eq!(d.to_string(), "2027-02-28 DPS 1.11, clause 2.6.3");
    // Leap year: 2027-11-30 + 3 months is 29 February 2028.
    let d = belco().deletion_deadline(date!(2027 - 11 - 30)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2028 - 02 - 29)));
}

/// Alles Online deletes "in principe" within 3 months; its backups follow the
/// regular backup cycle, whose length is not stated (no fixed date), or a
/// stated cycle of 30 days after the deletion date.
/// Source: Alles Online DPS 12 ("in principe binnen 3 maanden"; "Verwijdering
/// omvat tevens de back-ups volgens de reguliere back-upcyclus") / clause 6.3;
/// docs/rules.md "The deadlines" (deletion from backups).
#[test]
fn alles_online_deletion_and_backups() {
    let a = alles();
    let d = a.deletion_deadline(date!(2026 - 11 - 30)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2027 - 02 - 28)));
    assert_eq!(d.citation, "DPS 12, clause 6.3");
    assert!(d.note.unwrap().contains("in principe"));
    // Backups per the regular cycle, whose length is not stated.
    let b = a.backup_deletion_deadline(date!(2026 - 11 - 30)).unwrap();
    assert_eq!(b.due, Due::NoFixedTerm);
    assert!(
        b.note
            .unwrap()
            .contains("does not state the cycle's length")
    );
    // With a stated cycle of 30 days.
    let text = text("alles-online.toml").replacen(
        "backups = \"per-backup-cycle\"",
        "backups = \"per-backup-cycle\"\nbackup_cycle_days = 30",
        1,
    );
    let a = Agreement::from_toml(&text).unwrap();
    let b = a.backup_deletion_deadline(date!(2026 - 11 - 30)).unwrap();
    assert_eq!(b.due.date(), Some(date!(2027 - 03 - 30)));
}

/// Belco's 24-hour breach notice runs on UTC instants across the start of
/// summer time: discovered 28 March 2026 10:30 +01:00, due 29 March 09:30 UTC.
/// Source: Belco DPS 1.13 / clause 2.4.1 ("uiterlijk binnen 24 uur");
/// docs/rules.md rule 2 (this worked example); GDPR art. 33(2).
#[test]
fn belco_breach_notice_across_dst() {
    // Discovered 2026-03-28 10:30 +01:00; summer time starts 29 March 02:00.
    let d = belco()
        .breach_notice_deadline(datetime!(2026-03-28 10:30 +01:00))
        .unwrap();
    assert_eq!(d.due, Due::Instant(datetime!(2026-03-29 09:30 UTC)));
    assert_eq!(
        d.to_string(),
        "2026-03-29T09:30:00Z DPS 1.13, clause 2.4.1, clause 2.4.2; GDPR art. 33(2)"
    );
    // 09:30 UTC is 11:30 in Amsterdam (CEST), and exactly 24 h later.
    assert_eq!(
        (datetime!(2026-03-29 09:30 UTC) - datetime!(2026-03-28 10:30 +01:00)).whole_seconds(),
        86_400
    );
}

/// Alles Online notifies a breach "without undue delay", so at no fixed
/// instant; the controller's notice to the authority is due 72 hours after it
/// became aware.
/// Source: Alles Online DPS 17 / clause 4.1 ("zonder onredelijke vertraging");
/// GDPR art. 33(1) (72 hours) and 33(2).
#[test]
fn alles_online_breach_notice_has_no_fixed_instant() {
    let a = alles();
    let d = a
        .breach_notice_deadline(datetime!(2026-03-28 10:30 +01:00))
        .unwrap();
    assert_eq!(d.due, Due::NoFixedTerm);
    assert_eq!(
        d.to_string(),
        "none DPS 17, clause 4.1, clause 4.2, clause 4.3; GDPR art. 33(2)"
    );
    assert!(d.note.unwrap().contains("without undue delay"));
    // The controller's horizon: 72 h after awareness.
    let h = a
        .authority_notice_deadline(datetime!(2026-03-28 12:00 +01:00))
        .unwrap();
    assert_eq!(h.due, Due::Instant(datetime!(2026-03-31 11:00 UTC)));
    assert_eq!(h.citation, "GDPR art. 33(1)");
}

/// Belco: the next audit a year after the previous one (the rolling reading),
/// an audit no earlier than 14 days after its written notice; Alles Online
/// states no notice period.
/// Source: Belco clause 2.7.4 ("maximaal éénmaal per jaar", read in belco.toml
/// as rolling twelve months) and DPS 1.14 ("minimaal 14-dagen van tevoren
/// schriftelijk"); Alles Online clause 7.5 (no notice period); docs/rules.md
/// rules 1, 3 and 6.
#[test]
fn belco_audits() {
    let b = belco();
    let next = b.next_audit_allowed(date!(2026 - 05 - 04)).unwrap();
    assert_eq!(next.due.date(), Some(date!(2027 - 05 - 04)));
    assert_eq!(next.bound, Bound::NoEarlierThan);
    let notice = b.earliest_audit_date(date!(2027 - 04 - 25)).unwrap();
    assert_eq!(notice.due.date(), Some(date!(2027 - 05 - 09)));
    assert!(notice.citation.contains("DPS 1.14"));
    // Alles Online states no notice period: the notice date itself.
    let n = alles().earliest_audit_date(date!(2027 - 04 - 25)).unwrap();
    assert_eq!(n.due.date(), Some(date!(2027 - 04 - 25)));
    assert!(n.note.unwrap().contains("no notice period"));
}

/// The other reading of "once a year": the calendar year allows the next audit
/// on 1 January; with two audits a period, a rolling year counts from the
/// second most recent.
/// Source: docs/rules.md rule 6 and "The deadlines" (next audit allowed:
/// calendar-year reading, 1 January of the next year; at most N per period,
/// counted from the N-th most recent audit); Belco clause 2.7.4.
#[test]
fn audit_calendar_year_reading() {
    let text = text("belco.toml").replacen(
        "period = \"rolling-12-months\"",
        "period = \"calendar-year\"",
        1,
    );
    let a = Agreement::from_toml(&text).unwrap();
    let next = a.next_audit_allowed(date!(2026 - 05 - 04)).unwrap();
    assert_eq!(next.due.date(), Some(date!(2027 - 01 - 01)));
    // Twice a year, rolling: the period runs from the second most recent audit.
    let text2 = text
        .replacen(
            "period = \"calendar-year\"",
            "period = \"rolling-12-months\"",
            1,
        )
        .replacen("max_count = 1", "max_count = 2", 1);
    let a = Agreement::from_toml(&text2).unwrap();
    let next = a
        .next_audit_allowed_after(&[date!(2026 - 09 - 01), date!(2026 - 03 - 01)])
        .unwrap();
    assert_eq!(next.due.date(), Some(date!(2027 - 03 - 01)));
    let next = a
        .next_audit_allowed_after(&[date!(2026 - 03 - 01)])
        .unwrap();
    assert_eq!(next.due.date(), Some(date!(2026 - 03 - 01)));
    assert!(a.next_audit_allowed_after(&[]).is_err());
}

/// After a statement change notified on 4 January 2022 the client may terminate
/// until 3 February 2022.
/// Source: Belco clause 2.2.2 / Alles Online clause 2.2 ("binnen 30 dagen na
/// kennisgeving"); docs/rules.md rule 3.
#[test]
fn termination_window_after_statement_change() {
    let d = belco()
        .termination_window_end(date!(2022 - 01 - 04))
        .unwrap();
    assert_eq!(d.due.date(), Some(date!(2022 - 02 - 03)));
    assert_eq!(d.citation, "clause 2.2.2");
    let d = alles()
        .termination_window_end(date!(2022 - 01 - 04))
        .unwrap();
    assert_eq!(d.citation, "clause 2.2");
}

/// With `business_days = "nl-atw"` a day or month deadline on a weekend or
/// holiday moves to the next business day and says from which date; off by
/// default; an hour term never moves.
/// Source: docs/rules.md rule 5 (the worked examples 2 May and 15 May 2026);
/// Atw art. 1(1), art. 3(3) with Stcrt. 2025, 24713, and art. 4 (terms in
/// hours).
#[test]
fn business_day_rule_moves_date_deadlines() {
    let a = with_atw("belco.toml");
    // Saturday 2026-05-02 -> Monday 2026-05-04: a notice on 2026-04-02 + 30 days.
    let d = a.termination_window_end(date!(2026 - 04 - 02)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2026 - 05 - 04)));
    let shift = d.shift.unwrap();
    assert_eq!(shift.original(), date!(2026 - 05 - 02));
    assert_eq!(shift.shifted(), date!(2026 - 05 - 04));
    // Friday 2026-05-15 (a designated day) -> Monday 2026-05-18.
    let d = a.termination_window_end(date!(2026 - 04 - 15)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2026 - 05 - 18)));
    assert_eq!(d.shift.unwrap().original(), date!(2026 - 05 - 15));
    // A month term: 2025-11-30 + 3 months = Saturday 2026-02-28 -> Monday 2026-03-02.
    let d = a.deletion_deadline(date!(2025 - 11 - 30)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2026 - 03 - 02)));
    // Off by default: the same dates stay.
    let d = belco().deletion_deadline(date!(2025 - 11 - 30)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2026 - 02 - 28)));
    assert!(d.shift.is_none());
    // Hour terms never move (Atw art. 4): a breach notice due on a Sunday stays.
    let b = a
        .breach_notice_deadline(datetime!(2026-05-02 12:00 UTC))
        .unwrap();
    assert_eq!(b.due, Due::Instant(datetime!(2026-05-03 12:00 UTC)));
    assert!(b.shift.is_none());
}

/// Belco's service response: low impact "binnen de eerstvolgende
/// kantooruren", so no later than the end of the next office-hours period
/// (09:00 t/m 17:00, Monday to Friday, Amsterdam time; the closing minute is
/// inside); high impact at once; Alles Online has no service level.
/// Source: Belco DPS 1.15 ("binnen de eerstvolgende kantooruren"; high impact
/// "te alle tijden direct"; "Binnen kantoortijden (09:00 t/m 17:00)");
/// docs/rules.md "The deadlines" (service response).
#[test]
fn belco_service_level() {
    let b = belco();
    // Low impact on Saturday 2026-03-28 10:30 local -> by the end of Monday
    // 30 March's office hours, 17:00 CEST (not its start: work started at
    // 10:00 that Monday is on time).
    let d = b
        .service_response(datetime!(2026-03-28 10:30 +01:00), Impact::Low)
        .unwrap();
    assert_eq!(d.due, Due::Instant(datetime!(2026-03-30 15:00 UTC)));
    assert_eq!(
        d.note.as_deref(),
        Some("by the end of the next office hours")
    );
    // Low impact on a weekday during office hours: by the end of that day's.
    let d = b
        .service_response(datetime!(2026-03-31 10:00 +02:00), Impact::Low)
        .unwrap();
    assert_eq!(d.due, Due::Instant(datetime!(2026-03-31 15:00 UTC)));
    // At 17:00 exactly the office is still open ("t/m 17:00"): due at once.
    let d = b
        .service_response(datetime!(2026-03-31 17:00 +02:00), Impact::Low)
        .unwrap();
    assert_eq!(d.due, Due::Instant(datetime!(2026-03-31 15:00 UTC)));
    // One minute later: the next day's office hours.
    let d = b
        .service_response(datetime!(2026-03-31 17:01 +02:00), Impact::Low)
        .unwrap();
    assert_eq!(d.due, Due::Instant(datetime!(2026-04-01 15:00 UTC)));
    // Low impact on a weekday evening: by the end of the next day's.
    let d = b
        .service_response(datetime!(2026-11-23 18:00 +01:00), Impact::Low)
        .unwrap();
    assert_eq!(d.due, Due::Instant(datetime!(2026-11-24 16:00 UTC)));
    // Before opening: the same day's.
    let d = b
        .service_response(datetime!(2026-11-23 07:15 +01:00), Impact::Low)
        .unwrap();
    assert_eq!(d.due, Due::Instant(datetime!(2026-11-23 16:00 UTC)));
    // Friday evening: Monday's (the weekend has no office hours).
    let d = b
        .service_response(datetime!(2026-11-27 17:30 +01:00), Impact::Low)
        .unwrap();
    assert_eq!(d.due, Due::Instant(datetime!(2026-11-30 16:00 UTC)));
    // High impact: at once, any time.
    let t = datetime!(2026-03-28 23:59 +01:00);
    let d = b.service_response(t, Impact::High).unwrap();
    assert_eq!(d.due, Due::Instant(datetime!(2026-03-28 22:59 UTC)));
    // Alles Online has no service level.
    let e = alles()
        .service_response(datetime!(2026-03-28 10:30 +01:00), Impact::Low)
        .unwrap_err();
    assert_eq!(e.path(), Some("statement.service_level"));
}

/// No deadline falls before its trigger, and one past 9999-12-31 is an
/// out-of-range error.
/// Source: docs/rules.md rules 1 and 3 (a term is added to the trigger date);
/// README "Invariants and limits" ("a result past 9999-12-31 is an out-of-range
/// error").
#[test]
fn deadlines_never_precede_their_trigger_and_overflow_is_an_error() {
    let b = belco();
    let e = b.deletion_deadline(date!(9999 - 11 - 30)).unwrap_err();
    assert!(matches!(e, dpa_core::Error::OutOfRange(_)), "{e:?}");
    assert!(b.termination_window_end(date!(9999 - 12 - 31)).is_err());
    assert!(
        b.breach_notice_deadline(datetime!(9999-12-31 23:00 UTC))
            .is_err()
    );
    let mut d = date!(2024 - 01 - 01);
    while d < date!(2026 - 01 - 01) {
        for deadline in [
            b.deletion_deadline(d).unwrap(),
            b.termination_window_end(d).unwrap(),
            b.earliest_audit_date(d).unwrap(),
            b.next_audit_allowed(d).unwrap(),
        ] {
            assert!(deadline.due.date().unwrap() >= d);
        }
        d = d.next_day().unwrap();
    }
}

/// A deadline's JSON: kind, due date, `ends_at` (24:00 Amsterdam time as UTC),
/// bound and citation; `due` is null without a fixed term.
/// Source: docs/rules.md rules 4 (`ends_at`) and 7 (the citation); Belco
/// DPS 1.11 / clause 2.6.3; the field names are the library's JSON format
/// (docs/architecture.md, "Reports").
#[test]
fn deadline_json_shape() {
    let d = belco().deletion_deadline(date!(2026 - 11 - 30)).unwrap();
    let v = serde_json::to_value(&d).unwrap();
    assert_eq!(v["kind"], "deletion");
    assert_eq!(v["due"], "2027-02-28");
    assert_eq!(v["ends_at"], "2027-02-28T23:00:00Z");
    assert_eq!(v["bound"], "no-later-than");
    assert_eq!(v["citation"], "DPS 1.11, clause 2.6.3");
    assert!(v["shifted_from"].is_null());
    let n = alles()
        .breach_notice_deadline(datetime!(2026-03-28 10:30 +01:00))
        .unwrap();
    let v = serde_json::to_value(&n).unwrap();
    assert!(v["due"].is_null());
}

/// `date_deadline_of` gives each date kind's method's deadline with
/// `Detail::Full`, and the same due, bound, kind and shift without the
/// citation and note with `Detail::DueOnly`; other kinds are refused.
/// Source: the library's own methods, no outside source (docs/architecture.md:
/// `Agreement::deadline` is the one dispatcher); the methods' values are
/// checked against docs/rules.md by the tests above.
#[test]
fn date_deadline_of_matches_the_methods() {
    use dpa_core::deadline::Detail;
    type Method = fn(&Agreement, time::Date) -> dpa_core::Result<dpa_core::deadline::Deadline>;
    let methods: [(DeadlineKind, Method); 5] = [
        (DeadlineKind::Deletion, Agreement::deletion_deadline),
        (
            DeadlineKind::BackupDeletion,
            Agreement::backup_deletion_deadline,
        ),
        (DeadlineKind::NextAudit, Agreement::next_audit_allowed),
        (DeadlineKind::AuditNotice, Agreement::earliest_audit_date),
        (
            DeadlineKind::TerminationWindow,
            Agreement::termination_window_end,
        ),
    ];
    let agreements = [belco(), alles(), with_atw("belco.toml")];
    let days = [
        date!(2026 - 11 - 30),
        date!(2024 - 01 - 31),
        date!(2026 - 12 - 24),
        date!(2027 - 04 - 26),
        date!(9999 - 12 - 01),
    ];
    for a in &agreements {
        for (kind, method) in methods {
            for day in days {
                let full = a.date_deadline_of(kind, day, Detail::Full);
                assert_eq!(full, method(a, day), "{kind} {day}");
                let lean = a.date_deadline_of(kind, day, Detail::DueOnly);
                match (full, lean) {
                    (Ok(f), Ok(l)) => {
                        assert_eq!(
                            (f.kind, f.due, f.bound, f.shift),
                            (l.kind, l.due, l.bound, l.shift)
                        );
                        assert!(!f.citation.is_empty());
                        assert_eq!((l.citation.as_str(), l.note), ("", None));
                    }
                    (Err(f), Err(l)) => assert_eq!(f, l),
                    (f, l) => panic!("{kind} {day}: {f:?} / {l:?}"),
                }
            }
        }
        for kind in [
            DeadlineKind::BreachNotice,
            DeadlineKind::AuthorityNotice,
            DeadlineKind::ServiceResponse,
            DeadlineKind::SubProcessorObjection,
        ] {
            let e = a.date_deadline_of(kind, days[0], Detail::Full).unwrap_err();
            assert_eq!(e.path(), Some("kind"), "{kind}");
        }
    }
}

/// The last days of the supported range are computed, not refused: a date
/// deadline due on 9999-12-30 or 9999-12-31 ends at 24:00 in the processor's
/// zone (Amsterdam: 9999-12-30T23:00:00Z and 9999-12-31T23:00:00Z), a
/// timeline as of 9999-12-31 runs, and the next office hours on 9999-12-31
/// are found. Where the end of 9999-12-31 is after 9999-12-31T23:59:59Z (a
/// zone west of UTC), and where a result is past the range, the error is
/// dpa-core's own, naming the range.
/// Source: README "Invariants and limits" (dates, in documents, arguments and
/// results: years 1–9999); docs/rules.md rule 4 (a date deadline ends at 24:00
/// in the processor's time zone); Belco DPS 1.15 (office hours 09:00-17:00).
#[test]
fn deadlines_at_the_end_of_year_9999() {
    let b = belco();
    let d = b.deletion_deadline(date!(9999 - 09 - 30)).unwrap();
    assert_eq!(d.due.date(), Some(date!(9999 - 12 - 30)));
    assert_eq!(
        d.due.latest_instant(),
        Some(datetime!(9999-12-30 23:00 UTC))
    );
    let d = b.earliest_audit_date(date!(9999 - 12 - 17)).unwrap();
    assert_eq!(d.due.date(), Some(date!(9999 - 12 - 31)));
    assert_eq!(
        d.due.latest_instant(),
        Some(datetime!(9999-12-31 23:00 UTC))
    );
    let d = b.termination_window_end(date!(9999 - 12 - 01)).unwrap();
    assert_eq!(d.due.date(), Some(date!(9999 - 12 - 31)));
    let events = dpa_core::timeline::Events::from_toml(&text("../events/belco-2027.toml")).unwrap();
    for at in [date!(9999 - 12 - 30), date!(9999 - 12 - 31)] {
        let t = b.timeline(&events, at).unwrap();
        assert!(!t.obligations.is_empty(), "{at}");
    }
    // Low impact: by the end of the next office hours (DPS 1.15), Friday
    // 9999-12-31 17:00 CET.
    let s = b
        .service_response(datetime!(9999-12-30 20:00 UTC), Impact::Low)
        .unwrap();
    assert_eq!(s.due, Due::Instant(datetime!(9999-12-31 16:00 UTC)));
    let s = b
        .service_response(datetime!(9999-12-31 07:00 UTC), Impact::Low)
        .unwrap();
    assert_eq!(s.due, Due::Instant(datetime!(9999-12-31 16:00 UTC)));
    // Past the range: dpa-core's own messages, none of an internal crate.
    let west = Agreement::from_toml(&text("belco.toml").replace(
        "time_zone = \"Europe/Amsterdam\"",
        "time_zone = \"America/New_York\"",
    ))
    .unwrap();
    let late = [
        west.earliest_audit_date(date!(9999 - 12 - 17)).unwrap_err(),
        b.service_response(datetime!(9999-12-31 20:00 UTC), Impact::Low)
            .unwrap_err(),
        b.breach_notice_deadline(datetime!(9999-12-31 20:00 UTC))
            .unwrap_err(),
        b.deletion_deadline(date!(9999 - 10 - 01)).unwrap_err(),
    ];
    for e in late {
        assert!(matches!(e, dpa_core::Error::OutOfRange(_)), "{e:?}");
        let m = e.to_string();
        assert!(m.contains("9999"), "{m}");
        for internal in ["parameter", "timestamp", "overflow", "Timestamp"] {
            assert!(!m.contains(internal), "{m}");
        }
    }
    let m = west
        .earliest_audit_date(date!(9999 - 12 - 17))
        .unwrap_err()
        .to_string();
    assert!(
        m.contains("the end of 9999-12-31 in America/New_York is after 9999-12-31T23:59:59"),
        "{m}"
    );
}

/// An instant whose UTC time is outside years 1 to 9999 is refused when read
/// (not a panic later): 9999-12-31T23:00:00-05:00 is 10000-01-01T04:00:00Z.
/// Source: README "Invariants and limits" (dates, in documents, arguments and
/// results: years 1–9999); `dpa_core::values::iso_instant::from_unix` (the
/// same years for an instant given as a number).
#[test]
fn instants_outside_the_utc_years_are_refused() {
    use dpa_core::values::iso_instant;
    for text in ["9999-12-31T23:00:00-05:00", "0001-01-01T00:30:00+01:00"] {
        let e = iso_instant::parse(text).unwrap_err();
        assert!(matches!(e, dpa_core::Error::OutOfRange(_)), "{e:?}");
        assert!(e.to_string().contains("years 1 to 9999"), "{e}");
    }
    // A value made in Rust past the range is an error, not a panic.
    let e = belco()
        .service_response(datetime!(9999-12-31 23:00 -05:00), Impact::High)
        .unwrap_err();
    assert!(matches!(e, dpa_core::Error::OutOfRange(_)), "{e:?}");
    assert!(dpa_core::calendar::add_hours(datetime!(9999-12-31 23:00 -05:00), 1).is_err());
}
