//! The obligation timeline: statuses as of a date, and findings for events
//! out of order or impossible.

use crate::helpers::{load, text};

use dpa_core::timeline::{
    Events, Lateness, Obligation, ObligationKind, Owner, Status, Timeline, When,
};
use dpa_core::{Agreement, Error};
use time::Date;
use time::macros::{date, datetime};

fn run(name: &str, events: &str, at: Date) -> Timeline {
    let events = Events::from_toml(events).unwrap();
    load(name).timeline(&events, at).unwrap()
}

fn kinds(t: &Timeline) -> Vec<&'static str> {
    t.obligations.iter().map(|o| o.kind.as_str()).collect()
}

/// The obligation of `kind` in `t` (the test fails where there is none).
fn obligation(t: &Timeline, kind: ObligationKind) -> &Obligation {
    t.obligations
        .iter()
        .find(|o| o.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} obligation in {:?}", kinds(t)))
}

fn codes(t: &Timeline) -> Vec<&'static str> {
    t.findings.iter().map(|f| f.code.as_str()).collect()
}

const TERMINATED: &str = "[[events]]\nkind = \"agreement-terminated\"\ndate = 2026-11-30\n";

/// Belco's deletion after termination on 30 November 2026 (due 28 February
/// 2027): met, missed by days, missed so far, and pending on the due date
/// itself.
/// Source: Belco DPS 1.11 / clause 2.6.3; docs/rules.md rules 1 and 4 and "The
/// timeline" (the statuses).
#[test]
fn deletion_met_missed_pending() {
    let met = run(
        "belco.toml",
        &format!("{TERMINATED}[[events]]\nkind = \"data-deleted\"\ndate = 2027-01-15\n"),
        date!(2027 - 03 - 01),
    );
    assert_eq!(kinds(&met), ["deletion"]);
    let d = &met.obligations[0];
    assert_eq!(d.owner, Owner::Processor);
    assert_eq!(d.deadline.due.date(), Some(date!(2027 - 02 - 28)));
    assert_eq!(
        d.status,
        Status::Met {
            on: When::Date(date!(2027 - 01 - 15))
        }
    );
    assert!(met.findings.is_empty(), "{:?}", met.findings);

    let late = run(
        "belco.toml",
        &format!("{TERMINATED}[[events]]\nkind = \"data-deleted\"\ndate = 2027-03-03\n"),
        date!(2027 - 03 - 10),
    );
    assert_eq!(
        late.obligations[0].status,
        Status::Missed {
            done: Some(When::Date(date!(2027 - 03 - 03))),
            by: Lateness::Days(3)
        }
    );

    let so_far = run("belco.toml", TERMINATED, date!(2027 - 03 - 05));
    assert_eq!(
        so_far.obligations[0].status,
        Status::Missed {
            done: None,
            by: Lateness::Days(5)
        }
    );
    // On the due date itself it is still pending (dates are inclusive).
    let due_day = run("belco.toml", TERMINATED, date!(2027 - 02 - 28));
    assert_eq!(due_day.obligations[0].status, Status::Pending);
}

/// Alles Online's termination also starts deletion from backups, which has no
/// fixed date and stays pending; its deletion term is "in principe", so past
/// it the deletion is exceeded, not missed.
/// Source: Alles Online DPS 12 ("in principe binnen 3 maanden"; "Verwijdering
/// omvat tevens de back-ups volgens de reguliere back-upcyclus", no length
/// stated); docs/rules.md "The deadlines" and "The timeline".
#[test]
fn alles_online_adds_backup_deletion_without_fixed_date() {
    let t = run("alles-online.toml", TERMINATED, date!(2027 - 06 - 01));
    assert_eq!(kinds(&t), ["deletion", "backup-deletion"]);
    assert!(matches!(t.obligations[0].status, Status::Exceeded { .. }));
    // No fixed term: stays pending.
    assert_eq!(t.obligations[1].status, Status::Pending);
}

/// A legal hold suspends deletion; once lifted, deletion is due by the later of
/// the original date and the lift date; a lift without a hold is a finding.
/// Source: Belco clause 2.6.5 (the deletion duty does not apply while a
/// statutory rule prevents it); docs/rules.md "The timeline"; README "Findings
/// catalogue" (`legal-hold-not-placed`).
#[test]
fn legal_hold_suspends_and_moves_deletion() {
    let held = format!("{TERMINATED}[[events]]\nkind = \"legal-hold-placed\"\ndate = 2027-01-10\n");
    let t = run("belco.toml", &held, date!(2027 - 03 - 15));
    assert_eq!(
        t.obligations[0].status,
        Status::Suspended {
            since: date!(2027 - 01 - 10)
        }
    );
    // Lifted after the original date: due on the lift date.
    let lifted = format!(
        "{held}[[events]]\nkind = \"legal-hold-lifted\"\ndate = 2027-04-01\n[[events]]\nkind = \"data-deleted\"\ndate = 2027-04-02\n"
    );
    let t = run("belco.toml", &lifted, date!(2027 - 05 - 01));
    let d = &t.obligations[0];
    assert_eq!(d.deadline.due.date(), Some(date!(2027 - 04 - 01)));
    assert!(d.deadline.note.as_ref().unwrap().contains("legal hold"));
    assert_eq!(
        d.status,
        Status::Missed {
            done: Some(When::Date(date!(2027 - 04 - 02))),
            by: Lateness::Days(1)
        }
    );
    // A lift without a hold is a finding.
    let t = run(
        "belco.toml",
        "[[events]]\nkind = \"legal-hold-lifted\"\ndate = 2027-04-01\n",
        date!(2027 - 05 - 01),
    );
    assert_eq!(codes(&t), ["legal-hold-not-placed"]);
}

const BREACH: &str =
    "[[events]]\nkind = \"breach-discovered\"\nat = 2026-03-28T10:30:00+01:00\nid = \"B-1\"\n";

/// The processor's breach notice met, or missed by PT1H30M; the controller's 72
/// hours from the client's notice; a notice without undue delay stays pending
/// until given.
/// Source: Belco DPS 1.13 / clause 2.4.1 (24 hours); Alles Online DPS 17 /
/// clause 4.1 ("zonder onredelijke vertraging"); GDPR art. 33(1) and 33(2);
/// docs/rules.md "The timeline" (the client's notice is when the controller
/// becomes aware).
#[test]
fn breach_notice_and_authority_horizon() {
    let on_time = format!(
        "{BREACH}[[events]]\nkind = \"client-notified-of-breach\"\nat = 2026-03-29T09:00:00Z\nbreach = \"B-1\"\n"
    );
    let t = run("belco.toml", &on_time, date!(2026 - 04 - 10));
    assert_eq!(kinds(&t), ["breach-notice", "authority-notice"]);
    assert_eq!(t.obligations[0].subject.as_deref(), Some("B-1"));
    assert!(matches!(t.obligations[0].status, Status::Met { .. }));
    // The controller's 72 hours run from its awareness (the client's notice).
    let h = &t.obligations[1];
    assert_eq!(h.owner, Owner::Controller);
    assert_eq!(
        h.deadline.due.latest_instant(),
        Some(datetime!(2026-04-01 09:00 UTC))
    );
    assert!(matches!(h.status, Status::Missed { done: None, .. }));

    let late = format!(
        "{BREACH}[[events]]\nkind = \"client-notified-of-breach\"\nat = 2026-03-29T11:00:00Z\n[[events]]\nkind = \"authority-notified\"\nat = 2026-03-30T12:00:00+02:00\n"
    );
    let t = run("belco.toml", &late, date!(2026 - 04 - 10));
    assert_eq!(
        t.obligations[0].status,
        Status::Missed {
            done: Some(When::Instant(datetime!(2026-03-29 11:00 UTC))),
            by: Lateness::Seconds(5400)
        }
    );
    let json = serde_json::to_value(&t.obligations[0]).unwrap();
    assert_eq!(json["late_by"], "PT1H30M");
    assert_eq!(json["status"], "missed");
    assert!(matches!(t.obligations[1].status, Status::Met { .. }));

    // Not notified yet, deadline passed.
    let t = run("belco.toml", BREACH, date!(2026 - 03 - 30));
    assert!(matches!(
        t.obligations[0].status,
        Status::Missed { done: None, .. }
    ));
    // Alles Online: without undue delay, no fixed instant: pending until
    // the bound, late after it, and done (never met) once notified.
    let t = run("alles-online.toml", BREACH, date!(2026 - 03 - 29));
    assert_eq!(t.obligations[0].status, Status::Pending);
    let t = run("alles-online.toml", BREACH, date!(2026 - 12 - 30));
    assert!(matches!(
        t.obligations[0].status,
        Status::Late { done: None, .. }
    ));
    let t = run("alles-online.toml", &on_time, date!(2026 - 12 - 30));
    assert!(matches!(t.obligations[0].status, Status::Done { .. }));
}

/// A breach notice given before the breach it names was discovered is a
/// finding.
/// Source: docs/rules.md "The timeline" ("A notice that refers to no breach
/// discovered before it is a finding"); README "Findings catalogue"
/// (`notice-without-breach`).
#[test]
fn notices_without_a_breach_are_findings() {
    let t = run(
        "belco.toml",
        "[[events]]\nkind = \"client-notified-of-breach\"\nat = 2026-03-28T09:00:00Z\nbreach = \"B-1\"\n[[events]]\nkind = \"breach-discovered\"\nat = 2026-03-28T10:30:00+01:00\nid = \"B-1\"\n",
        date!(2026 - 04 - 10),
    );
    assert!(codes(&t).contains(&"notice-without-breach"));
    assert!(
        t.findings[0]
            .message
            .contains("before the breach was discovered")
    );
}

/// At the events limit, notices naming a breach discovered after them and
/// notices naming no breach at all are each a finding with the right
/// message; the finding comes from a look-up of the breaches, not from a
/// scan of the later events per notice (the benchmark
/// `timeline::notices_without_breach_at_the_limit` measures that it stays
/// linear).
/// Source: docs/rules.md "The timeline" ("A notice that refers to no breach
/// discovered before it is a finding"); README "Invariants and limits"
/// (100,000 events).
#[test]
fn notices_without_a_breach_at_the_events_limit() {
    let half = (dpa_core::limits::MAX_EVENTS - 2) / 2;
    let notice = |breach: &str| {
        format!(
            r#"{{"kind":"client-notified-of-breach","at":"2026-03-28T09:00:00Z","breach":"{breach}"}}"#
        )
    };
    let mut events: Vec<String> = vec![notice("B-late"); half];
    events.push(
        r#"{"kind":"breach-discovered","at":"2026-03-28T10:00:00Z","id":"B-late"}"#.to_owned(),
    );
    events.extend(vec![notice("B-none"); half]);
    // `breach 1` is the name an unnamed first breach gets; the first breach
    // here has an `id`, so no breach goes by it.
    events.push(notice("breach 1"));
    assert_eq!(events.len(), dpa_core::limits::MAX_EVENTS);
    let events = Events::from_json(&format!(r#"{{"events":[{}]}}"#, events.join(","))).unwrap();
    let t = load("belco.toml")
        .timeline(&events, date!(2026 - 04 - 10))
        .unwrap();
    assert_eq!(t.findings.len(), 2 * half + 1);
    let late = t
        .findings
        .iter()
        .filter(|f| f.message.contains("before the breach was discovered"))
        .count();
    assert_eq!(late, half);
    let none = t
        .findings
        .iter()
        .filter(|f| {
            f.message
                .contains("refers to no breach discovered before it")
        })
        .count();
    assert_eq!(none, half + 1);
    assert!(
        t.findings
            .iter()
            .all(|f| f.code.as_str() == "notice-without-breach")
    );
}

/// The client's termination window after the notice of version 1.3: pending,
/// then expired unused, or met by a termination inside it.
/// Source: Belco clause 2.2.2 ("binnen 30 dagen na kennisgeving");
/// docs/rules.md rule 3 and "The timeline" (`expired`).
#[test]
fn termination_window_after_statement_change() {
    let notice =
        "[[events]]\nkind = \"statement-change-notified\"\ndate = 2022-01-04\nversion = \"1.3\"\n";
    let t = run("belco.toml", notice, date!(2022 - 01 - 20));
    assert_eq!(t.obligations[0].kind, ObligationKind::TerminationWindow);
    assert_eq!(t.obligations[0].owner, Owner::Client);
    assert_eq!(t.obligations[0].subject.as_deref(), Some("version 1.3"));
    assert_eq!(
        t.obligations[0].deadline.due.date(),
        Some(date!(2022 - 02 - 03))
    );
    assert_eq!(t.obligations[0].status, Status::Pending);
    let t = run("belco.toml", notice, date!(2022 - 03 - 01));
    assert_eq!(t.obligations[0].status, Status::Expired);
    let used = format!("{notice}[[events]]\nkind = \"agreement-terminated\"\ndate = 2022-01-20\n");
    let t = run("belco.toml", &used, date!(2022 - 03 - 01));
    assert_eq!(
        t.obligations[0].status,
        Status::Met {
            on: When::Date(date!(2022 - 01 - 20))
        }
    );
}

/// A notice of a sub-processor change opens the client's right to object,
/// citing the clause that gives it.
/// Source: Alles Online clause 8.3 ("Opdrachtgever heeft het recht bezwaar te
/// maken tegen voornoemde wijziging"); GDPR art. 28(2).
#[test]
fn sub_processor_change_opens_objection_right() {
    let t = run(
        "alles-online.toml",
        "[[events]]\nkind = \"sub-processor-change-notified\"\ndate = 2026-09-01\nsub_processor = \"Mailgun\"\n",
        date!(2026 - 11 - 23),
    );
    assert_eq!(kinds(&t), ["sub-processor-objection"]);
    assert_eq!(t.obligations[0].subject.as_deref(), Some("Mailgun"));
    assert!(t.obligations[0].deadline.citation.contains("clause 8.3"));
}

/// The timeline and the diff give the same right to object to a change of
/// sub-processors: the same citation (the clause that gives it) and the same
/// note.
/// Source: Belco clause 2.8.3 / Alles Online clause 8.3 ("Opdrachtgever heeft
/// het recht bezwaar te maken tegen voornoemde wijziging", no term set); GDPR
/// art. 28(2).
#[test]
fn objection_right_is_the_same_in_the_timeline_and_the_diff() {
    for (name, clause) in [
        ("belco.toml", "clause 2.8.3"),
        ("alles-online.toml", "clause 8.3"),
    ] {
        let a = load(name);
        let events = "[[events]]\nkind = \"sub-processor-change-notified\"\ndate = 2026-09-01\n";
        let t = run(name, events, date!(2026 - 11 - 23));
        let from_timeline = &t.obligations[0].deadline;
        assert_eq!(from_timeline, &a.sub_processor_objection(), "{name}");
        assert_eq!(from_timeline.citation, format!("{clause}; GDPR art. 28(2)"));
        // A diff to `a` from an agreement with other sub-processors opens
        // `a`'s right to object.
        let old = load(if name == "belco.toml" {
            "alles-online.toml"
        } else {
            "belco.toml"
        });
        let changes = dpa_core::diff::diff(&old, &a);
        let rights = dpa_core::diff::rights_opened(&changes, &a, date!(2026 - 09 - 01)).unwrap();
        assert_eq!(rights.objection.as_ref(), Some(from_timeline), "{name}");
        assert_eq!(
            from_timeline.note.as_deref(),
            Some(
                "the client may object to the change of sub-processors; the agreement sets no term for it"
            )
        );
    }
}

/// An audit proposed with less than 14 days' notice is missed by the days
/// short, and a second audit inside the rolling year is a finding.
/// Source: Belco DPS 1.14 ("minimaal 14-dagen van tevoren") and clause 2.7.4
/// ("maximaal éénmaal per jaar", the rolling reading); docs/rules.md rule 3 and
/// "The timeline".
#[test]
fn audits() {
    // A notice on 2027-04-25 allows an audit from 2027-05-09; 2027-05-05 is 4 days short.
    let t = run(
        "belco.toml",
        "[[events]]\nkind = \"audit-notice-given\"\ndate = 2027-04-25\nproposed_date = 2027-05-05\n",
        date!(2027 - 05 - 01),
    );
    assert_eq!(codes(&t), ["audit-notice-too-short"]);
    assert!(t.findings[0].citation.contains("DPS 1.14"));
    assert_eq!(
        t.obligations[0].status,
        Status::Missed {
            done: Some(When::Date(date!(2027 - 04 - 25))),
            by: Lateness::Days(4)
        }
    );
    // A second audit inside the rolling year.
    let t = run(
        "belco.toml",
        "[[events]]\nkind = \"audit-held\"\ndate = 2026-05-04\n[[events]]\nkind = \"audit-held\"\ndate = 2027-03-01\n[[events]]\nkind = \"audit-held\"\ndate = 2028-03-02\n",
        date!(2028 - 05 - 01),
    );
    assert_eq!(codes(&t), ["audit-inside-period"]);
    assert_eq!(t.findings[0].path.as_deref(), Some("events[1]"));
    assert!(t.findings[0].message.contains("2027-05-04"));
}

/// Alles Online returns data before deletion (due by the deletion date;
/// deleting first is an error finding); deletion before termination, a second
/// termination, an event before signing and one after the date asked are
/// findings.
/// Source: Alles Online DPS 13 ("retourneert ... vóór verwijdering") and
/// DPS 12; docs/rules.md "The timeline"; README "Findings catalogue".
#[test]
fn return_of_data_and_impossible_orders() {
    // Alles Online returns data before deletion: deleting first is an error finding.
    let t = run(
        "alles-online.toml",
        &format!(
            "{TERMINATED}[[events]]\nkind = \"data-return-requested\"\ndate = 2026-12-01\n[[events]]\nkind = \"data-deleted\"\ndate = 2027-01-10\n"
        ),
        date!(2027 - 01 - 20),
    );
    assert!(
        codes(&t).contains(&"deleted-before-return"),
        "{:?}",
        codes(&t)
    );
    let ret = obligation(&t, ObligationKind::DataReturn);
    assert_eq!(ret.deadline.due.date(), Some(date!(2027 - 02 - 28)));
    // Deleted before the agreement ended.
    let t = run(
        "belco.toml",
        "[[events]]\nkind = \"data-deleted\"\ndate = 2026-10-01\n[[events]]\nkind = \"agreement-terminated\"\ndate = 2026-11-30\n",
        date!(2027 - 03 - 05),
    );
    assert_eq!(codes(&t), ["deleted-before-termination"]);
    // Terminated twice; an event before signing; an event after the date asked.
    let t = run(
        "belco.toml",
        "[[events]]\nkind = \"agreement-signed\"\ndate = 2025-01-01\n[[events]]\nkind = \"audit-held\"\ndate = 2024-06-01\n[[events]]\nkind = \"agreement-terminated\"\ndate = 2026-11-30\n[[events]]\nkind = \"agreement-terminated\"\ndate = 2026-12-30\n[[events]]\nkind = \"data-deleted\"\ndate = 2030-01-01\n",
        date!(2027 - 01 - 01),
    );
    assert_eq!(
        codes(&t),
        [
            "event-before-signing",
            "duplicate-termination",
            "event-after-date"
        ]
    );
}

/// The events before the signing are those at an earlier instant: a date
/// event starts at the start of its day in the processor's time zone, so an
/// event on the signing day (even listed first) is not before it, nor is a
/// breach at 23:30 UTC the evening before (00:30 in Amsterdam, 1 January).
/// Source: docs/rules.md rule 4 (a date is a day in the processor's time zone,
/// Europe/Amsterdam) and "The timeline" (events before *agreement-signed* are
/// findings).
#[test]
fn before_signing_by_instant() {
    let t = run(
        "belco.toml",
        "[[events]]\nkind = \"data-return-requested\"\ndate = 2025-01-01\n\
         [[events]]\nkind = \"agreement-signed\"\ndate = 2025-01-01\n\
         [[events]]\nkind = \"audit-held\"\ndate = 2024-12-31\n\
         [[events]]\nkind = \"breach-discovered\"\nat = 2024-12-31T23:30:00Z\n\
         [[events]]\nkind = \"breach-discovered\"\nat = 2024-12-31T22:30:00Z\n\
         [[events]]\nkind = \"agreement-signed\"\ndate = 2025-02-01\n",
        date!(2025 - 03 - 01),
    );
    let before: Vec<_> = t
        .findings
        .iter()
        .filter(|f| f.code.as_str() == "event-before-signing")
        .map(|f| f.path.as_deref().unwrap())
        .collect();
    assert_eq!(before, ["events[2]", "events[4]"]);
}

/// The order of the events in the file does not change the statuses; an
/// obligation names the event that started it by its index.
/// Source: README "The events file" ("a list of dated events ..., in any
/// order").
#[test]
fn events_in_any_order() {
    let ordered = format!("{TERMINATED}[[events]]\nkind = \"data-deleted\"\ndate = 2027-01-15\n");
    let reversed = format!("[[events]]\nkind = \"data-deleted\"\ndate = 2027-01-15\n{TERMINATED}");
    let a = run("belco.toml", &ordered, date!(2027 - 03 - 01));
    let b = run("belco.toml", &reversed, date!(2027 - 03 - 01));
    assert_eq!(a.obligations[0].status, b.obligations[0].status);
    assert_eq!(b.obligations[0].event, 1);
}

/// A bad event is refused naming its field: an instant without a UTC offset, a
/// breach on a date, an unknown kind, a missing or foreign field, an impossible
/// date.
/// Source: docs/rules.md rule 2 ("An instant without a UTC offset is refused,
/// never guessed"); README "The events file" (the fields of each kind); the
/// library's error format (docs/architecture.md).
#[test]
fn bad_events_name_their_field() {
    let cases = [
        (
            "[[events]]\nkind = \"breach-discovered\"\nat = \"2026-03-28T10:30:00\"\n",
            "events[0].at",
            "no UTC offset",
        ),
        (
            "[[events]]\nkind = \"breach-discovered\"\nat = 2026-03-28T10:30:00\n",
            "events[0].at",
            "no UTC offset",
        ),
        (
            "[[events]]\nkind = \"breach-discovered\"\ndate = 2026-03-28\n",
            "events[0].date",
            "happens at an instant",
        ),
        (
            "[[events]]\nkind = \"agreement-ended\"\ndate = 2026-03-28\n",
            "events[0].kind",
            "unknown value",
        ),
        (
            "[[events]]\nkind = \"audit-notice-given\"\ndate = 2026-03-28\n",
            "events[0]",
            "`proposed_date` is required",
        ),
        (
            "[[events]]\nkind = \"data-deleted\"\ndate = 2026-03-28\nbreach = \"B\"\n",
            "events[0].breach",
            "does not apply",
        ),
        (
            "[[events]]\nkind = \"data-deleted\"\ndate = 2026-02-30\n",
            "",
            "",
        ),
    ];
    for (text, path, msg) in cases {
        match Events::from_toml(text) {
            Err(Error::Invalid(e)) => {
                assert_eq!(e.path(), path, "{text}");
                assert!(e.message().contains(msg), "{}", e.message());
            }
            Err(Error::Syntax(_)) if path.is_empty() => {}
            other => panic!("{text}: {other:?}"),
        }
    }
    let json = r#"{"events": [{"kind": "breach-discovered", "at": "2026-03-28T10:30"}]}"#;
    let e = Events::from_json(json).unwrap_err();
    assert_eq!(e.path(), Some("events[0].at"));
}

/// An events document reads back unchanged from the JSON and the TOML it
/// writes.
/// Source: README "The events file" (the same document in TOML and in JSON).
#[test]
fn events_round_trip() {
    let text = format!(
        "{BREACH}{TERMINATED}[[events]]\nkind = \"audit-notice-given\"\ndate = 2027-04-25\nproposed_date = 2027-05-09\nnote = \"via mail\"\n"
    );
    let e = Events::from_toml(&text).unwrap();
    assert_eq!(Events::from_json(&e.to_json().unwrap()).unwrap(), e);
    assert_eq!(Events::from_toml(&e.to_toml().unwrap()).unwrap(), e);
}

/// An agreement that names no clause for the sub-processor objection or the
/// return of data cites the article alone, without a leading `"; "`.
/// Source: GDPR art. 28(2) and 28(3)(g), the articles the objection and the
/// return of data cite; the separator is the library's citation format
/// (docs/architecture.md, `citation.rs`: never an empty first part).
#[test]
fn citations_without_clause_references_have_no_leading_separator() {
    let text = text("belco.toml");
    let text = text
        .replace("source = [\"DPS 1.12\", \"clause 2.6.3\"]", "source = []")
        .replace(
            "source = [\"clause 2.8.1\", \"clause 2.8.2\", \"clause 2.8.3\", \"clause 2.8.4\"]",
            "source = []",
        );
    let a = Agreement::from_toml(&text).unwrap();
    let events = Events::from_toml(&format!(
        "{TERMINATED}[[events]]\nkind = \"sub-processor-change-notified\"\ndate = 2026-10-01\n[[events]]\nkind = \"data-return-requested\"\ndate = 2026-11-20\n"
    ))
    .unwrap();
    let t = a.timeline(&events, date!(2026 - 12 - 01)).unwrap();
    let cited: Vec<(&str, &str)> = t
        .obligations
        .iter()
        .map(|o| (o.kind.as_str(), o.deadline.citation.as_str()))
        .collect();
    assert!(
        cited.contains(&("sub-processor-objection", "GDPR art. 28(2)")),
        "{cited:?}"
    );
    assert!(
        cited.contains(&("data-return", "GDPR art. 28(3)(g)")),
        "{cited:?}"
    );
    for (kind, c) in &cited {
        assert!(!c.starts_with(';') && !c.is_empty(), "{kind}: {c:?}");
    }
}

/// Alles Online's agreement, its `[rules]` line `from` replaced by `to`.
fn alles_with(from: &str, to: &str) -> Agreement {
    let text = text("alles-online.toml");
    assert!(text.contains(from), "{from}");
    Agreement::from_toml(&text.replace(from, to)).unwrap()
}

/// Under "without undue delay" a notice is never simply met: given within
/// the bound it is `done`, with the time elapsed; past the bound (by default
/// 72 hours after discovery, when the controller's own 72 hours would be
/// spent) it is `late`, a warning that does not fail the timeline. Every
/// notice of a breach reports the time elapsed, a fixed term too; the bound
/// is a setting, at most 72 hours.
/// Source: Alles Online DPS 17 / clause 4.1 ("zonder onredelijke
/// vertraging"); Belco DPS 1.13 / clause 2.4.1 ("zonder onredelijk
/// vertraging maar uiterlijk binnen 24 uur"); GDPR art. 33(1) (72 hours
/// after the controller becomes aware) and 33(2); docs/rules.md "The
/// timeline".
#[test]
fn without_undue_delay_reports_elapsed_time_and_warns_past_the_bound() {
    use dpa_core::report::Report;
    let notified = |at: &str| {
        format!(
            "{BREACH}[[events]]\nkind = \"client-notified-of-breach\"\nat = {at}\nbreach = \"B-1\"\n"
        )
    };
    // Notified after 23.5 hours: done, not met; the bound is 72 hours after
    // discovery (2026-03-28T09:30:00Z).
    let t = run(
        "alles-online.toml",
        &notified("2026-03-29T09:00:00Z"),
        date!(2026 - 04 - 10),
    );
    let n = &t.obligations[0];
    assert_eq!(
        n.status,
        Status::Done {
            on: When::Instant(datetime!(2026-03-29 09:00 UTC))
        }
    );
    assert_eq!(n.elapsed, Some(Lateness::Seconds(23 * 3600 + 1800)));
    assert_eq!(n.late_after, Some(datetime!(2026-03-31 09:30 UTC)));
    assert_eq!(
        n.to_string(),
        "breach-notice processor due none done on 2026-03-29T09:00:00Z (elapsed PT23H30M; late after 2026-03-31T09:30:00Z) [B-1]"
    );
    assert!(
        n.deadline
            .note
            .as_deref()
            .unwrap()
            .contains("reported late after 72 hours (rules.undue_delay_bound_hours"),
        "{:?}",
        n.deadline.note
    );
    let json = serde_json::to_value(n).unwrap();
    assert_eq!(json["status"], "done");
    assert_eq!(json["done"], "2026-03-29T09:00:00Z");
    assert_eq!(json["elapsed"], "PT23H30M");
    assert_eq!(json["late_after"], "2026-03-31T09:30:00Z");
    assert!(json["late_by"].is_null());
    // The controller's notice reports its time elapsed so far too: from the
    // client's notice to the end of 10 April (22:00Z, summer time).
    assert_eq!(
        t.obligations[1].elapsed,
        Some(Lateness::Seconds(12 * 86_400 + 13 * 3600))
    );
    assert_eq!(t.obligations[1].late_after, None);

    // Not notified: pending within the bound, with the time so far.
    let t = run("alles-online.toml", BREACH, date!(2026 - 03 - 30));
    assert_eq!(t.obligations[0].status, Status::Pending);
    assert_eq!(
        t.obligations[0].elapsed,
        Some(Lateness::Seconds(2 * 86_400 + 12 * 3600 + 1800))
    );
    // Past the bound: late by the time since it, and not a failure.
    let t = run("alles-online.toml", BREACH, date!(2026 - 03 - 31));
    assert_eq!(
        t.obligations[0].status,
        Status::Late {
            done: None,
            by: Lateness::Seconds(12 * 3600 + 1800)
        }
    );
    assert!(
        t.obligations[0]
            .to_string()
            .contains("late: not done, PT12H30M past the bound so far"),
        "{}",
        t.obligations[0]
    );
    assert!(!t.fails());
    // Notified after the bound: late, with the notice.
    let t = run(
        "alles-online.toml",
        &notified("2026-04-01T10:00:00Z"),
        date!(2026 - 04 - 02),
    );
    assert_eq!(
        t.obligations[0].status,
        Status::Late {
            done: Some(When::Instant(datetime!(2026-04-01 10:00 UTC))),
            by: Lateness::Seconds(86_400 + 1800)
        }
    );
    let json = serde_json::to_value(&t.obligations[0]).unwrap();
    assert_eq!(json["status"], "late");
    assert_eq!(json["late_by"], "P1DT30M");
    assert_eq!(json["elapsed"], "P4DT30M");

    // A fixed term (Belco's 24 hours) is met or missed, with the time elapsed
    // and no bound.
    let t = run(
        "belco.toml",
        &notified("2026-03-29T09:00:00Z"),
        date!(2026 - 04 - 10),
    );
    assert!(matches!(t.obligations[0].status, Status::Met { .. }));
    assert_eq!(
        t.obligations[0].elapsed,
        Some(Lateness::Seconds(23 * 3600 + 1800))
    );
    assert_eq!(t.obligations[0].late_after, None);

    // A bound of 24 hours: late a day earlier.
    let a = alles_with(
        "undue_delay_bound_hours = 72",
        "undue_delay_bound_hours = 24",
    );
    let events = Events::from_toml(BREACH).unwrap();
    let t = a.timeline(&events, date!(2026 - 03 - 29)).unwrap();
    assert_eq!(
        t.obligations[0].late_after,
        Some(datetime!(2026-03-29 09:30 UTC))
    );
    assert_eq!(
        t.obligations[0].status,
        Status::Late {
            done: None,
            by: Lateness::Seconds(12 * 3600 + 30 * 60)
        }
    );
    // More than the controller's 72 hours is refused, naming the field.
    let too_long = text("alles-online.toml").replace(
        "undue_delay_bound_hours = 72",
        "undue_delay_bound_hours = 96",
    );
    let e = Agreement::from_toml(&too_long).unwrap_err();
    assert_eq!(e.path(), Some("rules.undue_delay_bound_hours"), "{e}");
    assert!(e.to_string().contains("between 1 and 72 hours"), "{e}");
    // Without the key, the default of 72 hours.
    let without = text("alles-online.toml").replace("undue_delay_bound_hours = 72\n", "");
    let a = Agreement::from_toml(&without).unwrap();
    assert_eq!(a.rules.undue_delay_bound_hours.get(), 72);
}

const RETURN_THEN_DELETED: &str = "[[events]]\nkind = \"data-return-requested\"\ndate = 2026-12-01\n[[events]]\nkind = \"data-deleted\"\ndate = 2027-01-10\n";

/// A return that was requested and then made impossible by deleting the data
/// is missed from the deletion on, not pending, whatever its term; a return
/// made, even after the deletion, is judged by its date.
/// Source: GDPR art. 28(3)(g) (delete or return, at the controller's choice);
/// Alles Online DPS 13 ("retourneert ... vóór verwijdering") and clause 6.3;
/// Belco DPS 1.12 and clause 2.6.3; docs/rules.md "The timeline".
#[test]
fn a_return_made_impossible_by_deletion_is_missed() {
    use dpa_core::report::Report;
    for name in ["alles-online.toml", "belco.toml"] {
        let t = run(
            name,
            &format!("{TERMINATED}{RETURN_THEN_DELETED}"),
            date!(2027 - 01 - 20),
        );
        let ret = obligation(&t, ObligationKind::DataReturn);
        assert_eq!(
            ret.status,
            Status::Impossible {
                since: date!(2027 - 01 - 10)
            },
            "{name}"
        );
        assert_eq!(ret.status.as_str(), "missed");
        assert!(ret.status.is_missed());
        assert!(
            ret.to_string()
                .contains("missed: not done, impossible since the data was deleted on 2027-01-10"),
            "{ret}"
        );
        let json = serde_json::to_value(ret).unwrap();
        assert_eq!(json["status"], "missed");
        assert_eq!(json["impossible_since"], "2027-01-10");
        assert!(json["late_by"].is_null() && json["done"].is_null());
        assert!(t.fails(), "{name}");
    }
    // Returned after the deletion after all (from a copy): judged by its
    // date, with the finding that the data was deleted first.
    let t = run(
        "alles-online.toml",
        &format!(
            "{TERMINATED}{RETURN_THEN_DELETED}[[events]]\nkind = \"data-returned\"\ndate = 2027-01-12\n"
        ),
        date!(2027 - 01 - 20),
    );
    let ret = obligation(&t, ObligationKind::DataReturn);
    assert_eq!(
        ret.status,
        Status::Met {
            on: When::Date(date!(2027 - 01 - 12))
        }
    );
    assert!(codes(&t).contains(&"deleted-before-return"));
    // Not yet deleted: still pending.
    let t = run(
        "belco.toml",
        &format!("{TERMINATED}{RETURN_THEN_DELETED}"),
        date!(2027 - 01 - 05),
    );
    assert_eq!(t.obligations[1].status, Status::Pending);
}

/// Past a term the agreement states "in principe" the obligation is
/// `exceeded` (a warning: the agreement allows exceptions it does not spell
/// out), past a firm "uiterlijk" term it is `missed` (a failure); a return
/// due with an "in principe" deletion shares its firmness.
/// Source: Alles Online DPS 12 ("in principe binnen 3 maanden") and DPS 13;
/// Belco DPS 1.11 ("uiterlijk binnen 3 maanden"); docs/rules.md "The
/// timeline".
#[test]
fn an_in_principle_term_is_exceeded_a_firm_term_missed() {
    use dpa_core::report::Report;
    let alles = run("alles-online.toml", TERMINATED, date!(2027 - 03 - 05));
    assert_eq!(
        alles.obligations[0].status,
        Status::Exceeded {
            done: None,
            by: Lateness::Days(5)
        }
    );
    assert_eq!(
        alles.obligations[0].to_string(),
        "deletion processor due 2027-02-28 exceeded: not done, P5D past the term \"in principe\" so far"
    );
    let json = serde_json::to_value(&alles.obligations[0]).unwrap();
    assert_eq!(json["status"], "exceeded");
    assert_eq!(json["late_by"], "P5D");
    assert!(!alles.fails());
    let belco = run("belco.toml", TERMINATED, date!(2027 - 03 - 05));
    assert_eq!(
        belco.obligations[0].status,
        Status::Missed {
            done: None,
            by: Lateness::Days(5)
        }
    );
    assert!(belco.fails());
    // Done late.
    let late = format!("{TERMINATED}[[events]]\nkind = \"data-deleted\"\ndate = 2027-03-03\n");
    let alles = run("alles-online.toml", &late, date!(2027 - 03 - 10));
    assert_eq!(
        alles.obligations[0].status,
        Status::Exceeded {
            done: Some(When::Date(date!(2027 - 03 - 03))),
            by: Lateness::Days(3)
        }
    );
    assert!(
        alles.obligations[0]
            .to_string()
            .contains("exceeded: done 2027-03-03, P3D past the term \"in principe\""),
        "{}",
        alles.obligations[0]
    );
    // In time, it is met under either term.
    let on_time = format!("{TERMINATED}[[events]]\nkind = \"data-deleted\"\ndate = 2027-01-15\n");
    let alles = run("alles-online.toml", &on_time, date!(2027 - 03 - 10));
    assert!(matches!(alles.obligations[0].status, Status::Met { .. }));
    // The return, due with the deletion, made two days after its date.
    let t = run(
        "alles-online.toml",
        &format!(
            "{TERMINATED}[[events]]\nkind = \"data-return-requested\"\ndate = 2026-12-01\n[[events]]\nkind = \"data-returned\"\ndate = 2027-03-02\n"
        ),
        date!(2027 - 03 - 10),
    );
    let ret = obligation(&t, ObligationKind::DataReturn);
    assert_eq!(
        ret.status,
        Status::Exceeded {
            done: Some(When::Date(date!(2027 - 03 - 02))),
            by: Lateness::Days(2)
        }
    );
}

/// Belco's agreement under the legal-hold lift reading `reading`.
fn belco_lift(reading: &str) -> Agreement {
    let text = text("belco.toml");
    let from = "legal_hold_lift = \"at-once\"";
    assert!(text.contains(from));
    Agreement::from_toml(&text.replace(from, &format!("legal_hold_lift = \"{reading}\""))).unwrap()
}

/// What a lifted legal hold does to the deletion deadline is the agreement's
/// setting `rules.legal_hold_lift`: `at-once` (the default, which the example
/// files state: due on the lift, or on the original date if later),
/// `remaining-term` (the term stands still while the hold lasts) or
/// `full-term` (the term runs again from the lift); a hold placed after the
/// term ran out makes deletion due on the lift under every reading.
/// Source: Belco clause 2.6.5 and Alles Online clause 6.5 (the deletion duty
/// does not apply while a statutory rule prevents it; no term after it is
/// stated); GDPR art. 28(3)(g); docs/rules.md "The timeline" and rule 6.
#[test]
fn legal_hold_lift_is_an_agreement_setting() {
    use dpa_core::model::{LegalHoldLift, Rules};
    assert_eq!(Rules::default().legal_hold_lift, LegalHoldLift::AtOnce);
    assert_eq!(
        load("belco.toml").rules.legal_hold_lift,
        LegalHoldLift::AtOnce
    );
    assert_eq!(
        load("alles-online.toml").rules.legal_hold_lift,
        LegalHoldLift::AtOnce
    );
    let hold = |placed: &str, lifted: &str| {
        format!(
            "{TERMINATED}[[events]]\nkind = \"legal-hold-placed\"\ndate = {placed}\n[[events]]\nkind = \"legal-hold-lifted\"\ndate = {lifted}\n"
        )
    };
    let due = |reading: &str, events: &str| {
        let events = Events::from_toml(events).unwrap();
        let t = belco_lift(reading)
            .timeline(&events, date!(2027 - 12 - 31))
            .unwrap();
        t.obligations[0].deadline.clone()
    };
    // Placed during the term (49 days left), lifted before its end (after 31
    // days), after it (after 81 days); placed before the termination (the
    // whole term suspended until the lift, 46 days into it); placed after
    // the term ran out.
    let cases = [
        (
            hold("2027-01-10", "2027-02-10"),
            [
                date!(2027 - 02 - 28),
                date!(2027 - 03 - 31),
                date!(2027 - 05 - 10),
            ],
        ),
        (
            hold("2027-01-10", "2027-04-01"),
            [
                date!(2027 - 04 - 01),
                date!(2027 - 05 - 20),
                date!(2027 - 07 - 01),
            ],
        ),
        (
            hold("2026-10-01", "2027-01-15"),
            [
                date!(2027 - 02 - 28),
                date!(2027 - 04 - 15),
                date!(2027 - 04 - 15),
            ],
        ),
        (
            hold("2027-03-05", "2027-03-20"),
            [
                date!(2027 - 03 - 20),
                date!(2027 - 03 - 20),
                date!(2027 - 03 - 20),
            ],
        ),
    ];
    for (events, expected) in &cases {
        for (reading, want) in ["at-once", "remaining-term", "full-term"]
            .iter()
            .zip(expected)
        {
            let d = due(reading, events);
            assert_eq!(d.due.date(), Some(*want), "{reading}: {events}");
            if *want != date!(2027 - 02 - 28) {
                let note = d.note.unwrap();
                assert!(
                    note.contains("a legal hold suspended deletion until"),
                    "{note}"
                );
                if *reading != "at-once" && *want != date!(2027 - 03 - 20) {
                    assert!(
                        note.contains(&format!("rules.legal_hold_lift = {reading}")),
                        "{note}"
                    );
                }
            }
        }
    }
    let d = due("remaining-term", &cases[0].0);
    assert!(
        d.note.unwrap().contains("stood still for 31 days"),
        "remaining-term note"
    );
    // The deletion is judged against the moved date.
    let events = Events::from_toml(&format!(
        "{}[[events]]\nkind = \"data-deleted\"\ndate = 2027-05-15\n",
        hold("2027-01-10", "2027-04-01")
    ))
    .unwrap();
    let t = belco_lift("remaining-term")
        .timeline(&events, date!(2027 - 06 - 01))
        .unwrap();
    assert!(matches!(t.obligations[0].status, Status::Met { .. }));
    let t = belco_lift("at-once")
        .timeline(&events, date!(2027 - 06 - 01))
        .unwrap();
    assert!(matches!(t.obligations[0].status, Status::Missed { .. }));
    // Alles Online keeps its "in principe" note beside the hold's.
    let t = run(
        "alles-online.toml",
        &hold("2027-01-10", "2027-04-01"),
        date!(2027 - 04 - 02),
    );
    let note = t.obligations[0].deadline.note.as_deref().unwrap();
    assert!(
        note.contains("in principe") && note.contains("legal hold"),
        "{note}"
    );
}

/// The legal-hold lift reading defaults to `at-once`, which the example
/// files state; a file without the key reads alike, and an unknown reading
/// is refused, naming the field and the readings.
/// Source: docs/rules.md rule 6 (ambiguity is a setting) and "The timeline";
/// Belco clause 2.6.5.
#[test]
fn legal_hold_lift_default_and_spelling() {
    use dpa_core::model::{LegalHoldLift, Rules};
    assert_eq!(Rules::default().legal_hold_lift, LegalHoldLift::AtOnce);
    assert_eq!(
        load("belco.toml").rules.legal_hold_lift,
        LegalHoldLift::AtOnce
    );
    assert_eq!(
        load("alles-online.toml").rules.legal_hold_lift,
        LegalHoldLift::AtOnce
    );
    let text = text("belco.toml");
    let without =
        Agreement::from_toml(&text.replace("legal_hold_lift = \"at-once\"\n", "")).unwrap();
    assert_eq!(without, load("belco.toml"));
    let e = Agreement::from_toml(&text.replace(
        "legal_hold_lift = \"at-once\"",
        "legal_hold_lift = \"never\"",
    ))
    .unwrap_err();
    assert_eq!(e.path(), Some("rules.legal_hold_lift"), "{e}");
    assert!(
        e.to_string()
            .contains("`at-once`, `remaining-term`, `full-term`"),
        "{e}"
    );
}

/// A deadline an event starts that would fall after the year 9999 is out of
/// range, and the error names the event (its place in the input, not in time
/// order), in its message and its path.
/// Source: Belco DPS 1.11 / clause 2.6.3 (3 months) and DPS 1.13 (24 hours);
/// docs/rules.md rules 1 and 2; README "Limits" (years 1 to 9999).
#[test]
fn deadlines_after_9999_name_their_event() {
    let belco = load("belco.toml");
    let events = Events::from_toml(
        "[[events]]\nkind = \"breach-discovered\"\nat = 9999-12-31T20:00:00Z\n\
         [[events]]\nkind = \"agreement-signed\"\ndate = 2020-01-01\n",
    )
    .unwrap();
    let e = belco.timeline(&events, date!(9999 - 12 - 31)).unwrap_err();
    assert!(matches!(e, Error::OutOfRange(_)), "{e:?}");
    assert_eq!(e.path(), Some("events[0]"));
    assert_eq!(
        e.to_string(),
        "events[0]: out of range: 9999-12-31T20:00:00Z + 24 hours is outside the years 1 to 9999"
    );
    let events = Events::from_toml(
        "[[events]]\nkind = \"agreement-signed\"\ndate = 2020-01-01\n\
         [[events]]\nkind = \"agreement-terminated\"\ndate = 9999-12-01\n",
    )
    .unwrap();
    let e = belco.timeline(&events, date!(9999 - 12 - 31)).unwrap_err();
    assert_eq!(e.path(), Some("events[1]"));
    assert!(
        e.to_string()
            .starts_with("events[1]: out of range: 9999-12-01 + 3 months"),
        "{e}"
    );
    // A termination whose deletion falls on the last day that exists is fine.
    let events =
        Events::from_toml("[[events]]\nkind = \"agreement-terminated\"\ndate = 9999-09-30\n")
            .unwrap();
    let t = belco.timeline(&events, date!(9999 - 12 - 31)).unwrap();
    assert_eq!(
        t.obligations[0].deadline.due.date(),
        Some(date!(9999 - 12 - 30))
    );
}
