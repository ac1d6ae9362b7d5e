//! Every documented limit (`dpa_core::limits`, README "Invariants and
//! limits"): input at the limit is read, input one past it is refused with an
//! error naming the field. The same limits are tested through the `dpa`
//! command (dpa-cli/tests/cli/limits.rs), C (examples/c/test_dpa.c) and Python
//! (dpa-py/tests/test_limits.py).

use crate::helpers::text;

use dpa_core::limits::{
    MAX_DOCUMENT_BYTES, MAX_EVENTS, MAX_LIST_ITEMS, MAX_STRING_CHARS, MAX_SUB_PROCESSORS,
};
use dpa_core::timeline::Events;
use dpa_core::{Agreement, Error};
use serde_json::{Value, json};

fn belco_json() -> Value {
    let text = text("belco.toml");
    serde_json::from_str(&Agreement::from_toml(&text).unwrap().to_json().unwrap()).unwrap()
}

/// The path and message of the validation error `json` gives.
fn refused(json: &Value) -> (String, String) {
    match Agreement::from_json(&json.to_string()) {
        Err(Error::Invalid(e)) => (e.path().to_owned(), e.message().to_owned()),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// Belco with `n` sub-processors (copies of its first, renamed).
fn with_sub_processors(n: usize) -> Value {
    let mut doc = belco_json();
    let first = doc["statement"]["sub_processors"][0].clone();
    let list: Vec<Value> = (0..n)
        .map(|i| {
            let mut s = first.clone();
            s["name"] = json!(format!("Sub-processor {i}"));
            s
        })
        .collect();
    doc["statement"]["sub_processors"] = Value::Array(list);
    doc
}

/// 10,000 sub-processors are read; the 10,001st is refused naming the list.
/// Source: README "Invariants and limits" (sub-processors in an agreement:
/// 10,000).
#[test]
fn sub_processors() {
    let at_limit = with_sub_processors(MAX_SUB_PROCESSORS);
    let a = Agreement::from_json(&at_limit.to_string()).unwrap();
    assert_eq!(a.statement.sub_processors.len(), MAX_SUB_PROCESSORS);
    let (path, message) = refused(&with_sub_processors(MAX_SUB_PROCESSORS + 1));
    assert_eq!(path, "statement.sub_processors");
    assert_eq!(message, "more than the limit of 10000 sub-processors");
}

/// 10,000 entries of another list are read; one more is refused naming the
/// list.
/// Source: README "Invariants and limits" (entries of any other list: 10,000).
#[test]
fn other_lists() {
    let mut doc = belco_json();
    doc["statement"]["security"]["measures"] = json!(vec!["Encryption"; MAX_LIST_ITEMS]);
    Agreement::from_json(&doc.to_string()).unwrap();
    doc["statement"]["security"]["measures"] = json!(vec!["Encryption"; MAX_LIST_ITEMS + 1]);
    let (path, message) = refused(&doc);
    assert_eq!(path, "statement.security.measures");
    assert_eq!(message, "more than the limit of 10000 entries");
}

/// A string of 65,536 characters is read; one more is refused naming the field.
/// Source: README "Invariants and limits" (a string value: 65,536 characters).
#[test]
fn string_length() {
    let mut doc = belco_json();
    doc["statement"]["processor"]["name"] = json!("é".repeat(MAX_STRING_CHARS));
    Agreement::from_json(&doc.to_string()).unwrap();
    doc["statement"]["processor"]["name"] = json!("é".repeat(MAX_STRING_CHARS + 1));
    let (path, message) = refused(&doc);
    assert_eq!(path, "statement.processor.name");
    assert!(message.contains("65536"), "{message}");
}

/// An events document of `n` events, as TOML (~50 bytes an event).
fn events_toml(n: usize) -> String {
    "[[events]]\nkind = \"audit-held\"\ndate = 2026-11-30\n".repeat(n)
}

/// 100,000 events are read; one more, still under the size limit, is refused.
/// Source: README "Invariants and limits" (events in an events document:
/// 100,000).
#[test]
fn events() {
    let e = Events::from_toml(&events_toml(MAX_EVENTS)).unwrap();
    assert_eq!(e.events.len(), MAX_EVENTS);
    let text = events_toml(MAX_EVENTS + 1);
    assert!(
        text.len() < MAX_DOCUMENT_BYTES,
        "reachable under the size limit"
    );
    match Events::from_toml(&text) {
        Err(Error::Invalid(e)) => {
            assert_eq!(e.path(), "events");
            assert_eq!(e.message(), "more than the limit of 100000 events");
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// A document of exactly 16 MiB is parsed; one byte more is refused before
/// parsing.
/// Source: README "Invariants and limits" (a document: 16 MiB, 16,777,216
/// bytes, before parsing).
#[test]
fn document_size() {
    // The limit counts bytes, before anything is parsed: a document of
    // exactly the limit is parsed (and fails as the junk it is).
    let at_limit = "#".repeat(MAX_DOCUMENT_BYTES);
    assert!(matches!(
        Agreement::from_bytes(at_limit.as_bytes(), None),
        Err(Error::Invalid(_) | Error::Syntax(_))
    ));
    let over = "#".repeat(MAX_DOCUMENT_BYTES + 1);
    assert!(matches!(
        Agreement::from_bytes(over.as_bytes(), None),
        Err(Error::TooLarge { size, limit }) if size == MAX_DOCUMENT_BYTES + 1 && limit == MAX_DOCUMENT_BYTES
    ));
    assert!(matches!(
        Events::from_bytes(over.as_bytes(), None),
        Err(Error::TooLarge { .. })
    ));
}

/// Nesting past 128 levels of JSON, or past the TOML reader's limit, is an
/// error at the place, never a stack overflow.
/// Source: README "Invariants and limits" (nesting: 128 levels for JSON, the
/// TOML reader's own limit for TOML).
#[test]
fn nesting_depth() {
    // Deep nesting anywhere is refused with an error, never a stack overflow.
    for depth in [129, 10_000, 1_000_000] {
        let json = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(Agreement::from_json(&json).is_err());
        assert!(Events::from_json(&json).is_err());
        let toml = format!("a = {}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(Agreement::from_toml(&toml).is_err());
        assert!(Events::from_toml(&toml).is_err());
    }
    // Where the reader descends (a table per level), it stops at its
    // recursion limit with a syntax error at the place.
    let toml = format!("{}1{}", "a = {".repeat(10_000), "}".repeat(10_000));
    match Agreement::from_toml(&toml) {
        Err(Error::Syntax(e)) => assert_eq!(e.position().map(|p| p.line), Some(1)),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

/// Dates outside years 1 to 9999 are refused in agreements and events, and a
/// result past 9999-12-31 is an out-of-range error.
/// Source: README "Invariants and limits" (dates, in documents, arguments and
/// results: years 1–9999).
#[test]
fn dates_outside_years_1_to_9999() {
    for (date, word) in [
        ("0000-12-31", "the year must be in 1..=9999"),
        ("10000-01-01", "is not a date"),
    ] {
        let mut doc = belco_json();
        doc["statement"]["history"][0]["date"] = json!(date);
        let (path, message) = refused(&doc);
        assert_eq!(path, "statement.history[0].date", "{date}");
        assert!(message.contains(word), "{message}");
    }
    let e = Events::from_json(r#"{"events": [{"kind": "audit-held", "date": "0000-01-01"}]}"#)
        .unwrap_err();
    assert!(e.to_string().contains("events[0].date"), "{e}");
    // Computations whose result would leave the range say so.
    let belco = Agreement::from_json(&belco_json().to_string()).unwrap();
    let last = time::Date::from_calendar_date(9999, time::Month::December, 1).unwrap();
    assert!(matches!(
        belco.deletion_deadline(last),
        Err(Error::OutOfRange(_))
    ));
}
