//! Every documented limit (`dpa_core::limits`, README "Invariants and
//! limits"): input at the limit is read, input one past it is refused with an
//! error naming the field. The same limits are tested through the `dpa`
//! command (dpa-cli/tests/cli/limits.rs), C (examples/c/test_dpa.c) and Python
//! (dpa-py/tests/test_limits.py).

use crate::helpers::text;

use dpa_core::document::toml_values;
use dpa_core::limits::{
    MAX_DOCUMENT_BYTES, MAX_EVENTS, MAX_LIST_ITEMS, MAX_NESTING_DEPTH, MAX_STRING_CHARS,
    MAX_SUB_PROCESSORS, MAX_TOML_VALUES, MIN_THREAD_STACK_BYTES,
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

/// What the TOML value limit counts: keys (of inline tables too), table
/// headers and array elements, never what is inside strings and comments;
/// pretty and compact TOML of the same agreement count the same.
/// Source: README "Invariants and limits" (values in a TOML document);
/// dpa_core::limits::MAX_TOML_VALUES.
#[test]
fn toml_values_are_counted_as_documented() {
    let doc = "a = 1 # [1, 2, 3]\n[t]\nb = [1, [2, 3], { c = 4, d = [5] }, \"x, [y]\",]\nx.y = 'z, ['\n[[u]]\ne = []\n";
    // a; [t]; b, its 4 elements and the 2 of [2, 3]; c, d and its element;
    // x.y; [[u]]; e.
    assert_eq!(toml_values(doc), 15);
    let belco = Agreement::from_toml(&text("belco.toml")).unwrap();
    let pretty = toml::to_string_pretty(&belco).unwrap();
    let compact = toml::to_string(&belco).unwrap();
    assert_ne!(pretty, compact);
    assert_eq!(toml_values(&pretty), toml_values(&compact));
    assert!(toml_values(&pretty) < 1_000, "{}", toml_values(&pretty));
}

/// A TOML document of 1,000,000 values is parsed; one more is refused before
/// parsing, with a syntax error at the first value past the limit, for an
/// agreement and for events alike.
/// Source: README "Invariants and limits" (values in a TOML document:
/// 1,000,000, before parsing).
#[test]
fn toml_value_count() {
    // A key and its array's elements.
    let doc = |n: usize| format!("x = [{}]\n", vec!["0"; n - 1].join(","));
    let at_limit = doc(MAX_TOML_VALUES);
    assert_eq!(toml_values(&at_limit), MAX_TOML_VALUES);
    let e = Agreement::from_toml(&at_limit).unwrap_err();
    assert!(!e.to_string().contains("values"), "{e}");
    let over = doc(MAX_TOML_VALUES + 1);
    for e in [
        Agreement::from_toml(&over).unwrap_err(),
        Events::from_toml(&over).unwrap_err(),
    ] {
        match e {
            Error::Syntax(e) => {
                assert_eq!(
                    e.message(),
                    "more than the limit of 1000000 values (keys, table headers and array elements) in a TOML document"
                );
                let p = e.position().unwrap();
                // `x = [` and 999,999 elements of two bytes: the next one.
                assert_eq!((p.line, p.column), (1, 6 + 2 * (MAX_TOML_VALUES - 1)));
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }
    // JSON has no value limit of its own.
    let json = format!("[{}]", vec!["0"; MAX_TOML_VALUES + 1].join(","));
    let e = Agreement::from_json(&json).unwrap_err();
    assert!(!e.to_string().contains("values"), "{e}");
}

/// An agreement whose TOML would hold more values than a TOML document may
/// is refused when read, from JSON as from TOML, so that every agreement
/// can be written as TOML and read again; just under the limit it is read
/// and its TOML reads back.
/// Source: README "Invariants and limits" (an agreement as `to_toml`
/// writes it); dpa_core::limits::MAX_TOML_VALUES.
#[test]
fn agreements_whose_toml_would_hold_too_many_values() {
    let countries: Vec<Value> = dpa_core::values::Country::all()
        .filter(|c| !c.is_eea())
        .map(|c| json!(c.as_str()))
        .collect();
    let with = |n: usize| {
        let mut doc = with_sub_processors(n);
        for s in doc["statement"]["sub_processors"].as_array_mut().unwrap() {
            s["locations"] = Value::Array(countries.clone());
        }
        doc.to_string()
    };
    let over = with(MAX_TOML_VALUES / countries.len() + 1);
    match Agreement::from_json(&over) {
        Err(Error::Invalid(e)) => {
            assert_eq!(e.path(), "");
            assert!(
                e.message().starts_with("written back as TOML the agreement would hold ")
                    && e.message().ends_with(
                        "values, more than the limit of 1000000 values of a TOML document, and could not be read again"
                    ),
                "{e}"
            );
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    let under = Agreement::from_json(&with(MAX_TOML_VALUES / (countries.len() + 20))).unwrap();
    let toml = under.to_toml().unwrap();
    assert!(toml_values(&toml) <= MAX_TOML_VALUES);
    assert_eq!(Agreement::from_toml(&toml).unwrap(), under);
}

/// Nesting past 32 levels, in JSON or TOML, is a syntax error at the place
/// where it goes too deep, never a stack overflow.
/// Source: README "Invariants and limits" (nesting of arrays and tables: 32
/// levels, the top level counting as one).
#[test]
fn nesting_depth() {
    for depth in [MAX_NESTING_DEPTH + 1, 10_000, 1_000_000] {
        let json = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(Agreement::from_json(&json).is_err());
        assert!(Events::from_json(&json).is_err());
        let toml = format!("a = {}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(Agreement::from_toml(&toml).is_err());
        assert!(Events::from_toml(&toml).is_err());
    }
    for (doc, format, column) in deepest_documents(MAX_NESTING_DEPTH + 1) {
        let e = match format {
            "toml" => Agreement::from_toml(&doc).unwrap_err(),
            _ => Agreement::from_json(&doc).unwrap_err(),
        };
        match e {
            Error::Syntax(e) => {
                assert!(e.message().contains("limit of 32 levels"), "{doc}: {e}");
                let p = e.position().unwrap();
                assert_eq!((p.line, p.column), column, "{doc}");
            }
            other => panic!("{doc}: expected a syntax error, got {other:?}"),
        }
    }
    // At the limit, each is read (and refused for what it is, not its depth).
    for (doc, format, _) in deepest_documents(MAX_NESTING_DEPTH) {
        let e = match format {
            "toml" => Agreement::from_toml(&doc).unwrap_err(),
            _ => Agreement::from_json(&doc).unwrap_err(),
        };
        assert!(!e.to_string().contains("levels"), "{doc}: {e}");
    }
}

/// Documents `depth` levels deep in every way JSON and TOML nest, with
/// their format and the (line, column) of the bracket, header or key that
/// goes one past the limit when `depth` is the limit plus one.
fn deepest_documents(depth: usize) -> Vec<(String, &'static str, (usize, usize))> {
    let n = depth - 1;
    let parts = |k: usize| vec!["a"; k].join(".");
    vec![
        // Brackets under a key of the top level.
        (
            format!("a = {}{}", "[".repeat(n), "]".repeat(n)),
            "toml",
            (1, 4 + n),
        ),
        (
            format!("a = {}1{}", "{b=".repeat(n), "}".repeat(n)),
            "toml",
            (1, 2 + 3 * n),
        ),
        // A dotted key: all parts but the last are tables.
        (format!("{} = 1", parts(depth)), "toml", (1, 1)),
        // A table header, and arrays of tables each inside the last.
        (format!("[{}]\nx = 1", parts(n)), "toml", (1, 1)),
        (
            (1..n).map(|k| format!("[[{}]]\n", parts(k))).collect(),
            "toml",
            (n - 1, 1),
        ),
        // A header, a dotted key and brackets, all adding up.
        (
            format!(
                "[{}]\n{} = {}{}",
                parts(10),
                parts(11),
                "[".repeat(n - 20),
                "]".repeat(n - 20)
            ),
            "toml",
            (2, 24 + n - 20),
        ),
        (
            format!("{{\"a\": {}{}}}", "[".repeat(n), "]".repeat(n)),
            "json",
            (1, 6 + n),
        ),
        (
            format!("{{\"a\": {}1{}}}", "{\"b\":".repeat(n), "}".repeat(n)),
            "json",
            (1, 2 + 5 * n),
        ),
    ]
}

/// Parsing the deepest documents the limit lets through, and those one
/// level deeper, fits a thread with the documented stack: the TOML parser
/// alone used to go 80 levels deep, which overflowed a 64 KiB stack in a
/// release build (about 90 KB) and a 256 KiB one in a debug build, which
/// needs about four times the release stack.
/// Source: README "Invariants and limits" (nesting: 32 levels; a thread
/// needs 64 KiB of stack, `limits::MIN_THREAD_STACK_BYTES`).
#[test]
fn deepest_documents_fit_the_documented_stack() {
    let stack = MIN_THREAD_STACK_BYTES * if cfg!(debug_assertions) { 4 } else { 1 };
    let worker = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(|| {
            let mut docs = deepest_documents(MAX_NESTING_DEPTH);
            docs.extend(deepest_documents(MAX_NESTING_DEPTH + 1));
            // The deepest the TOML parser itself took before the scan.
            docs.extend(deepest_documents(80));
            for (doc, format, _) in &docs {
                if *format == "toml" {
                    assert!(Agreement::from_toml(doc).is_err());
                    assert!(Events::from_toml(doc).is_err());
                } else {
                    assert!(Agreement::from_json(doc).is_err());
                    assert!(Events::from_json(doc).is_err());
                }
            }
            docs.len()
        })
        .unwrap();
    // (The C test runs the release library on a 64 KiB thread, with the
    // bundled agreement's computations: examples/c/test_dpa.c.)
    assert_eq!(worker.join().unwrap(), 24);
}

/// Dates outside years 1 to 9999 are refused in agreements and events, and a
/// result past 9999-12-31 is an out-of-range error.
/// Source: README "Invariants and limits" (dates, in documents, arguments and
/// results: years 1–9999).
#[test]
fn dates_outside_years_1_to_9999() {
    for (date, word) in [
        ("0000-12-31", "the year must be from 1 to 9999"),
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
