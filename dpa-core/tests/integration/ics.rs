//! The iCalendar export, read back with an independent iCalendar parser.

use crate::helpers::{examples, load};

use std::collections::HashMap;

use dpa_core::Agreement;
use dpa_core::timeline::{Events, IcsOptions, Reminder, Timeline};
use time::macros::{date, datetime};

/// The options of a reproducible export: a fixed DTSTAMP.
fn fixed() -> IcsOptions {
    let mut o = IcsOptions::default();
    o.dtstamp = Some(datetime!(2027-03-01 12:00 UTC));
    o
}

/// The calendar with a fixed DTSTAMP.
fn ics_of(t: &Timeline, a: &Agreement) -> String {
    t.to_ics_with(a, &fixed()).unwrap()
}

fn events() -> Events {
    let path = examples().join("events/belco-2027.toml");
    Events::from_toml(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A property's parameters and value.
type Prop = (Vec<(String, Vec<String>)>, String);

/// Each VEVENT as a map from property name to its parameters and value.
fn parse(ics: &str) -> Vec<HashMap<String, Prop>> {
    let mut cals = ical::IcalParser::new(ics.as_bytes());
    let cal = cals.next().unwrap().unwrap();
    assert!(cals.next().is_none());
    assert!(
        cal.properties
            .iter()
            .any(|p| p.name == "VERSION" && p.value.as_deref() == Some("2.0"))
    );
    cal.events
        .into_iter()
        .map(|e| {
            e.properties
                .into_iter()
                .map(|p| {
                    (
                        p.name,
                        (p.params.unwrap_or_default(), p.value.unwrap_or_default()),
                    )
                })
                .collect()
        })
        .collect()
}

/// Belco's timeline as iCalendar: CRLF lines folded at 75 octets, the deletion
/// as an all-day event with an exclusive end, the breach notice as a UTC
/// date-time, escaped commas, unique and stable UIDs, a DTSTAMP on every event.
/// Source: RFC 5545 §3.1 (CRLF, 75 octets), §3.3.4 and §3.3.5 (DATE, UTC
/// DATE-TIME), §3.3.11 (escaped commas) and §3.6.1 (UID and DTSTAMP required,
/// DTEND not inclusive); Belco DPS 1.11 / clause 2.6.3 and DPS 1.13.
#[test]
fn belco_timeline_as_icalendar() {
    let a = load("belco.toml");
    let t = a.timeline(&events(), date!(2027 - 03 - 01)).unwrap();
    let ics = ics_of(&t, &a);
    // CRLF line ends, folded at 75 octets.
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.split("\r\n").all(|l| l.len() <= 75), "{ics}");
    let evs = parse(&ics);
    let dated = t
        .obligations
        .iter()
        .filter(|o| o.deadline.due.latest_instant().is_some())
        .count();
    assert_eq!(evs.len(), dated);
    // The deletion deadline: an all-day event on 2027-02-28.
    let deletion = evs
        .iter()
        .find(|e| e["SUMMARY"].1.contains("deletion due"))
        .unwrap();
    assert_eq!(deletion["DTSTART"].1, "20270228");
    assert_eq!(
        deletion["DTSTART"].0,
        [("VALUE".to_owned(), vec!["DATE".to_owned()])]
    );
    assert_eq!(deletion["DTEND"].1, "20270301");
    // The citation is in the description (commas escaped in the text form).
    assert!(
        deletion["DESCRIPTION"]
            .1
            .contains("DPS 1.11\\, clause 2.6.3")
    );
    // The breach notice: a UTC date-time.
    let breach = evs
        .iter()
        .find(|e| e["SUMMARY"].1.contains("breach-notice"))
        .unwrap();
    assert_eq!(breach["DTSTART"].1, "20260329T093000Z");
    // Every event has a UID and a DTSTAMP; UIDs are unique and stable.
    let uids: Vec<&String> = evs.iter().map(|e| &e["UID"].1).collect();
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids.len());
    assert!(evs.iter().all(|e| e.contains_key("DTSTAMP")));
    let again = ics_of(&a.timeline(&events(), date!(2027 - 03 - 01)).unwrap(), &a);
    assert_eq!(again, ics);
}

/// An obligation without a fixed term (Alles Online's breach notice) gives no
/// calendar event; the calendar then holds one VTODO that says why, so that it
/// still has the component a calendar needs, and it parses.
/// Source: Alles Online DPS 17 / clause 4.1 ("zonder onredelijke vertraging":
/// no fixed instant); RFC 5545 §3.6 (a calendar has at least one component),
/// §3.6.1 (an event has a DTSTART), §3.6.2 (a to-do needs no date).
#[test]
fn obligations_without_fixed_term_have_no_event() {
    let a = load("alles-online.toml");
    let ev =
        Events::from_toml("[[events]]\nkind = \"breach-discovered\"\nat = 2026-07-01T10:00:00Z\n")
            .unwrap();
    let t = a.timeline(&ev, date!(2026 - 07 - 02)).unwrap();
    assert_eq!(t.obligations.len(), 1);
    let ics = ics_of(&t, &a);
    assert!(parse(&ics).is_empty());
    let todos = todos(&ics);
    assert_eq!(todos.len(), 1, "{ics}");
    let todo = &todos[0];
    assert_eq!(
        todo["SUMMARY"],
        "Alles Online B.V.: no obligation with a fixed deadline"
    );
    // The parser gives the value as written, its escapes included (and
    // drops the space before a fold, which RFC 5545 §3.1 keeps).
    let desc = &todo["DESCRIPTION"];
    assert!(
        desc.contains("start 1 obligation\\, none with a fixed deadline"),
        "{desc}"
    );
    assert!(desc.contains("breach-notice (breach 1):"), "{desc}");
    assert!(desc.contains("pending\\; without undue delay"), "{desc}");
    assert!(todo["UID"].starts_with("no-fixed-deadline-"), "{ics}");
    assert!(todo["UID"].ends_with("@dpa.invalid"), "{ics}");
    assert_eq!(todo["DTSTAMP"], "20270301T120000Z");
}

/// Each VTODO as a map from property name to value.
fn todos(ics: &str) -> Vec<HashMap<String, String>> {
    let cal = ical::IcalParser::new(ics.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    cal.todos
        .into_iter()
        .map(|t| {
            t.properties
                .into_iter()
                .map(|p| (p.name, p.value.unwrap_or_default()))
                .collect()
        })
        .collect()
}

/// A calendar of no events at all is still a calendar with a component: the
/// VTODO says the events start no obligation, and its UID is the same whatever
/// the date asked, so a calendar that imports it again replaces it.
/// Source: RFC 5545 §3.6 (at least one component), §3.8.4.7 (UID).
#[test]
fn empty_timeline_is_a_valid_calendar() {
    let a = load("belco.toml");
    let t = a
        .timeline(&Events::default(), date!(2027 - 03 - 01))
        .unwrap();
    let ics = ics_of(&t, &a);
    let first = todos(&ics);
    assert_eq!(first.len(), 1);
    assert!(first[0]["DESCRIPTION"].contains("the events start no obligation"));
    let later = a
        .timeline(&Events::default(), date!(2027 - 06 - 01))
        .unwrap();
    assert_eq!(todos(&ics_of(&later, &a))[0]["UID"], first[0]["UID"]);
}

/// The UIDs of a calendar, keyed by the event's SUMMARY and DTSTART.
fn uids(ics: &str) -> HashMap<(String, String), String> {
    parse(ics)
        .into_iter()
        .map(|e| {
            (
                (e["SUMMARY"].1.clone(), e["DTSTART"].1.clone()),
                e["UID"].1.clone(),
            )
        })
        .collect()
}

/// A UID depends on the obligation, not on its event's place in the events
/// file: the Belco events reversed give the same UIDs, and an earlier event
/// inserted (an earlier, unnamed breach that pushes a later unnamed breach
/// from `breach 1` to `breach 2`) leaves every earlier UID as it was.
/// Source: RFC 5545 §3.8.4.7 (UID: persistent, globally unique);
/// README ("Events may be listed in any order").
#[test]
fn uids_survive_reordering_and_insertion() {
    let a = load("belco.toml");
    let at = date!(2027 - 03 - 01);
    let ev = events();
    let before = uids(&ics_of(&a.timeline(&ev, at).unwrap(), &a));
    assert_eq!(before.len(), 4);
    let mut reversed = ev.clone();
    reversed.events.reverse();
    let after = uids(&ics_of(&a.timeline(&reversed, at).unwrap(), &a));
    assert_eq!(after, before);
    // An unnamed breach, then an earlier one inserted before it.
    let late_breach = "[[events]]\nkind = \"breach-discovered\"\nat = 2026-09-01T10:00:00Z\n";
    let early_breach = "[[events]]\nkind = \"breach-discovered\"\nat = 2026-01-05T10:00:00Z\n";
    let one = Events::from_toml(late_breach).unwrap();
    let two = Events::from_toml(&format!("{early_breach}{late_breach}")).unwrap();
    let one = ics_of(&a.timeline(&one, at).unwrap(), &a);
    let two = ics_of(&a.timeline(&two, at).unwrap(), &a);
    let uid_at = |ics: &str, start: &str| -> String {
        parse(ics)
            .into_iter()
            .find(|e| e["DTSTART"].1 == start)
            .map(|e| e["UID"].1.clone())
            .unwrap()
    };
    // Due 24 hours after discovery (Belco DPS 1.13).
    assert!(one.contains("breach-notice due (breach 1)"));
    assert!(two.contains("breach-notice due (breach 2)"));
    assert_eq!(
        uid_at(&one, "20260902T100000Z"),
        uid_at(&two, "20260902T100000Z")
    );
    assert_ne!(
        uid_at(&two, "20260106T100000Z"),
        uid_at(&two, "20260902T100000Z")
    );
    // And the Belco events with an earlier event inserted at the front.
    let mut inserted = ev.clone();
    inserted
        .events
        .insert(0, Events::from_toml(early_breach).unwrap().events.remove(0));
    let with = uids(&ics_of(&a.timeline(&inserted, at).unwrap(), &a));
    for (k, v) in &before {
        assert_eq!(with.get(k), Some(v), "{k:?}");
    }
    assert_eq!(with.len(), before.len() + 1);
}

/// Two agreements of one processor — Belco's statement 1.2.2 and 1.3 — give
/// different UIDs for the same events; the UIDs carry the domain asked for.
/// Source: RFC 5545 §3.8.4.7 (UID globally unique; a domain on its right);
/// Belco 1.3's version history (1.2.2 of 3 November 2021, 1.3 of 4 January
/// 2022).
#[test]
fn agreements_of_one_processor_have_distinct_uids() {
    let new = load("belco.toml");
    let old = load("belco-1.2.2.toml");
    let at = date!(2027 - 03 - 01);
    let mut o = fixed();
    o.uid_domain = "calendar.example.org".parse().unwrap();
    let a = parse(
        &new.timeline(&events(), at)
            .unwrap()
            .to_ics_with(&new, &o)
            .unwrap(),
    );
    let b = parse(
        &old.timeline(&events(), at)
            .unwrap()
            .to_ics_with(&old, &o)
            .unwrap(),
    );
    assert!(!a.is_empty() && a.len() == b.len());
    for (x, y) in a.iter().zip(&b) {
        assert!(x["UID"].1.ends_with("@calendar.example.org"));
        assert_ne!(x["UID"].1, y["UID"].1);
    }
}

/// Two events alike in everything start two obligations alike: their UIDs
/// still differ (the occurrence is part of the hash), and stay the same when
/// the file is reordered.
/// Source: RFC 5545 §3.8.4.7 (UID unique).
#[test]
fn identical_events_have_distinct_uids() {
    let a = load("belco.toml");
    let twice = "[[events]]\nkind = \"breach-discovered\"\nat = 2026-09-01T10:00:00Z\n".repeat(2);
    let t = a
        .timeline(&Events::from_toml(&twice).unwrap(), date!(2026 - 09 - 03))
        .unwrap();
    let evs = parse(&ics_of(&t, &a));
    assert_eq!(evs.len(), 2);
    assert_ne!(evs[0]["UID"].1, evs[1]["UID"].1);
}

/// `DTSTAMP` is when the file was made: now by default, the instant given
/// otherwise (in UTC), the same on every component; a year outside 1 to 9999
/// is refused naming `dtstamp`.
/// Source: RFC 5545 §3.8.7.2 (DTSTAMP: when the object was created, in UTC).
#[test]
fn dtstamp_is_now_or_the_override() {
    let a = load("belco.toml");
    let t = a.timeline(&events(), date!(2027 - 03 - 01)).unwrap();
    let mut o = IcsOptions::default();
    o.dtstamp = Some(datetime!(2030-06-15 14:30:15.75 +02:00));
    let evs = parse(&t.to_ics_with(&a, &o).unwrap());
    assert!(evs.iter().all(|e| e["DTSTAMP"].1 == "20300615T123015Z"));
    // By default: now (between the instants before and after the call).
    let compact = |t: time::OffsetDateTime| {
        format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        )
    };
    let start = compact(time::OffsetDateTime::now_utc());
    let evs = parse(&t.to_ics(&a));
    let end = compact(time::OffsetDateTime::now_utc());
    for e in &evs {
        assert!(
            start <= e["DTSTAMP"].1 && e["DTSTAMP"].1 <= end,
            "{}",
            e["DTSTAMP"].1
        );
    }
    o.dtstamp = Some(datetime!(0000-12-31 12:00 UTC));
    let e = t.to_ics_with(&a, &o).unwrap_err();
    assert_eq!(e.path(), Some("dtstamp"));
}

/// `--remind 7d,1d`: each event gets one VALARM per reminder, ACTION:DISPLAY,
/// the TRIGGER a negative duration before the start, and a DESCRIPTION.
/// Source: RFC 5545 §3.6.6 (VALARM: ACTION, TRIGGER; DISPLAY needs
/// DESCRIPTION), §3.3.6 (dur-value).
#[test]
fn reminders_are_valarms() {
    let a = load("belco.toml");
    let t = a.timeline(&events(), date!(2027 - 03 - 01)).unwrap();
    let mut o = fixed();
    o.reminders = Reminder::parse_list("7d,1d,2h").unwrap();
    let ics = t.to_ics_with(&a, &o).unwrap();
    let cal = ical::IcalParser::new(ics.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(cal.events.len(), 4);
    for e in &cal.events {
        let triggers: Vec<String> = e
            .alarms
            .iter()
            .map(|al| {
                let get = |n: &str| {
                    al.properties
                        .iter()
                        .find(|p| p.name == n)
                        .and_then(|p| p.value.clone())
                        .unwrap_or_default()
                };
                assert_eq!(get("ACTION"), "DISPLAY");
                assert!(get("DESCRIPTION").contains("Belco B.V.: "));
                get("TRIGGER")
            })
            .collect();
        assert_eq!(triggers, ["-P7D", "-P1D", "-PT2H"]);
    }
    assert!(ics.contains("DESCRIPTION:Belco B.V.: deletion due: in 7 days\r\n"));
    // Without reminders, no VALARM.
    assert!(!ics_of(&t, &a).contains("VALARM"));
}

/// A tab in a TEXT value is kept (RFC 5545 allows it in TEXT), not dropped or
/// replaced; the parser reads it back.
/// Source: RFC 5545 §3.3.11 (TSAFE-CHAR includes WSP: space and HTAB).
#[test]
fn tabs_are_kept_in_text() {
    let a = load("belco.toml");
    let ev = Events::from_toml(
        "[[events]]\nkind = \"sub-processor-change-notified\"\ndate = 2026-09-01\nsub_processor = \"Tab\\there; and, more\"\n",
    )
    .unwrap();
    let t = a.timeline(&ev, date!(2026 - 09 - 02)).unwrap();
    let ics = ics_of(&t, &a);
    // Belco's objection has no fixed term: the VTODO names the subject.
    let todos = todos(&ics);
    assert!(
        todos[0]["DESCRIPTION"].contains("(Tab\there\\; and\\, more)"),
        "{ics}"
    );
}

/// Non-ASCII text, semicolons and commas survive folding at 75 octets and
/// escaping.
/// Source: RFC 5545 §3.1 (folding at 75 octets) and §3.3.11 (TEXT escaping);
/// Belco clause 2.2.2 (the window's citation).
#[test]
fn long_and_special_text_survives_folding() {
    let a = load("belco.toml");
    let ev = Events::from_toml(
        "[[events]]\nkind = \"sub-processor-change-notified\"\ndate = 2026-09-01\nsub_processor = \"Ünïcødé; with, commas\"\n[[events]]\nkind = \"statement-change-notified\"\ndate = 2026-09-01\nversion = \"1.4\"\n",
    )
    .unwrap();
    let t = a.timeline(&ev, date!(2026 - 09 - 02)).unwrap();
    let ics = ics_of(&t, &a);
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
    let evs = parse(&ics);
    assert_eq!(evs.len(), 1);
    assert!(evs[0]["SUMMARY"].1.contains("version 1.4"));
    assert!(evs[0]["DESCRIPTION"].1.contains("clause 2.2.2"));
}

/// Text from the file that would steer a display — an escape sequence, a
/// right-to-left override — is written visibly in the calendar, as the terminal
/// output writes it, and no control character but the CRLF line ends and a tab
/// (which TEXT allows) reaches the calendar file.
/// Source: RFC 5545 §3.3.11 (TEXT: any character but controls, HTAB allowed);
/// Unicode UAX #9 (the overrides U+202A-U+202E and isolates U+2066-U+2069).
#[test]
fn steering_characters_are_written_visibly() {
    let toml = crate::helpers::text("belco.toml").replace(
        "name = \"Belco B.V.\"",
        "name = \"Evil\\u001b[2J\\u202eCorp\\r\\nTab\\there\"",
    );
    let a = Agreement::from_toml(&toml).unwrap();
    let ics = ics_of(&a.timeline(&events(), date!(2027 - 03 - 01)).unwrap(), &a);
    let body = ics.replace("\r\n", "");
    assert!(
        !body.chars().any(|c| c.is_control() && c != '\t'),
        "{body:?}"
    );
    assert!(!body.contains('\u{202e}'));
    // The parser gives each TEXT value as written, its escapes included.
    let evs = parse(&ics);
    assert!(!evs.is_empty());
    for e in &evs {
        let summary = &e["SUMMARY"].1;
        assert!(
            summary.starts_with("Evil\\\\u{1b}[2J\\\\u{202e}Corp\\nTab\there:"),
            "{summary}"
        );
    }
}
