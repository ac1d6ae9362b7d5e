//! The iCalendar export, read back with an independent iCalendar parser.

use crate::helpers::{examples, load};

use std::collections::HashMap;

use dpa_core::timeline::Events;
use time::macros::date;

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
    let ics = t.to_ics(&a);
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
    let again = a
        .timeline(&events(), date!(2027 - 03 - 01))
        .unwrap()
        .to_ics(&a);
    assert_eq!(again, ics);
}

/// An obligation without a fixed term (Alles Online's breach notice) gives no
/// calendar event.
/// Source: Alles Online DPS 17 / clause 4.1 ("zonder onredelijke vertraging":
/// no fixed instant); RFC 5545 §3.6.1 (an event has a DTSTART).
#[test]
fn obligations_without_fixed_term_have_no_event() {
    let a = load("alles-online.toml");
    let ev =
        Events::from_toml("[[events]]\nkind = \"breach-discovered\"\nat = 2026-07-01T10:00:00Z\n")
            .unwrap();
    let t = a.timeline(&ev, date!(2026 - 07 - 02)).unwrap();
    assert_eq!(t.obligations.len(), 1);
    assert!(parse(&t.to_ics(&a)).is_empty());
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
    let ics = t.to_ics(&a);
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
    let evs = parse(&ics);
    assert_eq!(evs.len(), 1);
    assert!(evs[0]["SUMMARY"].1.contains("version 1.4"));
    assert!(evs[0]["DESCRIPTION"].1.contains("clause 2.2.2"));
}

/// Text from the file that would steer a display — an escape sequence, a
/// right-to-left override — is written visibly in the calendar, as the terminal
/// output writes it, and no control character but the CRLF line ends reaches
/// the calendar file.
/// Source: RFC 5545 §3.3.11 (TEXT: any character but controls); Unicode UAX #9
/// (the overrides U+202A-U+202E and isolates U+2066-U+2069).
#[test]
fn steering_characters_are_written_visibly() {
    let toml = crate::helpers::text("belco.toml").replace(
        "name = \"Belco B.V.\"",
        "name = \"Evil\\u001b[2J\\u202eCorp\\r\\nTab\\there\"",
    );
    let a = dpa_core::Agreement::from_toml(&toml).unwrap();
    let ics = a
        .timeline(&events(), date!(2027 - 03 - 01))
        .unwrap()
        .to_ics(&a);
    let body = ics.replace("\r\n", "");
    assert!(!body.chars().any(|c| c.is_control()), "{body:?}");
    assert!(!body.contains('\u{202e}'));
    // The parser gives each TEXT value as written, its escapes included.
    let evs = parse(&ics);
    assert!(!evs.is_empty());
    for e in &evs {
        let summary = &e["SUMMARY"].1;
        assert!(
            summary.starts_with("Evil\\\\u{1b}[2J\\\\u{202e}Corp\\nTab here:"),
            "{summary}"
        );
    }
}
