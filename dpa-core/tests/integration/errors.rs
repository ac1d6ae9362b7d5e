//! Errors a person can act on: the words of the file format rather than
//! Rust's, a country's name leading to its code, encodings other than
//! UTF-8 named, every missing field at once, the faulty event's own field
//! and line, and the years the Algemene termijnenwet names no holidays for.

use crate::helpers::text;

use dpa_core::error::{LooksLike, Position};
use dpa_core::timeline::Events;
use dpa_core::{Agreement, Error, Format};

fn belco() -> String {
    text("belco.toml")
}

fn belco_json() -> String {
    Agreement::from_toml(&belco()).unwrap().to_json().unwrap()
}

/// Replaces exactly one occurrence of `from` in `text`.
fn with(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "`{from}` must occur once");
    text.replacen(from, to, 1)
}

/// The path and message of the validation error `text` gets in `format`.
fn invalid(text: &str, format: Format) -> (String, String) {
    match Agreement::from_text(text, format) {
        Err(Error::Invalid(e)) => (e.path().to_owned(), e.message().to_owned()),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// What a message must not contain: the names of Rust types and Rust's
/// range syntax.
fn assert_no_rust(message: &str) {
    let words: Vec<&str> = message
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .collect();
    for rust in [
        "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "usize", "isize", "f64", "struct",
        "enum", "variant", "sequence", "Repr",
    ] {
        assert!(
            !words.iter().any(|w| *w == rust || w.ends_with("Repr")),
            "`{rust}` in: {message}"
        );
    }
    assert!(!message.contains("..="), "a Rust range in: {message}");
}

/// A term written as text (`"3 maanden"`), a decimal, or a plain string
/// where a notice term's table is expected: the message says what the value
/// is for in the format's words (`a whole number of months, e.g. 3`) and
/// keeps the field path, in TOML and JSON alike; no Rust type or range
/// syntax appears in any message a wrong value gets.
/// Source: issue 15 point 7 ("no internal names or Rust syntax in messages
/// ... `3 maanden` gets that hint"); README "The file format" (terms are
/// whole numbers: months 1-120, hours 1-8760).
#[test]
fn values_say_what_they_expect_in_the_formats_words() {
    let toml = belco();
    let json = belco_json();
    let cases: [(&str, &str, &str, &str, &str, &str); 4] = [
        (
            "months = 3\n",
            "months = \"3 maanden\"\n",
            "\"months\": 3",
            "\"months\": \"3 maanden\"",
            "terms.deletion.months",
            "expected a whole number of months, e.g. 3, not the text \"3 maanden\": write the number alone, without quotes or a unit: 3",
        ),
        (
            "months = 3\n",
            "months = 3.5\n",
            "\"months\": 3",
            "\"months\": 3.5",
            "terms.deletion.months",
            "invalid value: decimal number `3.5`, expected a whole number of months, e.g. 3",
        ),
        (
            "notice = { kind = \"within-hours\", hours = 24 }",
            "notice = { kind = \"within-hours\", hours = \"24 uur\" }",
            "\"hours\": 24",
            "\"hours\": \"24 uur\"",
            "terms.breach.notice.hours",
            "expected a whole number of hours, e.g. 24, not the text \"24 uur\"",
        ),
        (
            "notice = { kind = \"within-hours\", hours = 24 }",
            "notice = \"24 uur\"",
            "\"notice\": {\n        \"kind\": \"within-hours\",\n        \"hours\": 24\n      }",
            "\"notice\": \"24 uur\"",
            "terms.breach.notice",
            "expected a notice term: { kind = \"within-hours\", hours = 24 }, { kind = \"within\", term = \"2 days\" } or { kind = \"without-undue-delay\" }",
        ),
    ];
    for (from, to, json_from, json_to, path, message) in cases {
        for (text, format) in [
            (with(&toml, from, to), Format::Toml),
            (with(&json, json_from, json_to), Format::Json),
        ] {
            let (p, m) = invalid(&text, format);
            assert_eq!(p, path, "{format}: {m}");
            assert!(m.contains(message), "{format}: {m}");
            assert_no_rust(&m);
        }
    }
    // Values of every wrong type, at fields of every kind of type.
    let wrong = [
        ("dpa_format = 1", "dpa_format = \"1\""),
        ("dpa_format = 1", "dpa_format = 1.5"),
        ("month_rule = \"clamp\"", "month_rule = 5"),
        ("month_rule = \"clamp\"", "month_rule = \"klemmen\""),
        ("month_rule = \"clamp\"", "month_rule = [1]"),
        ("standard_sla = false", "standard_sla = \"nee\""),
        (
            "locations = [\"EU\"]\ntransfers",
            "locations = \"EU\"\ntransfers",
        ),
        (
            "[statement.processor]\n",
            "[statement.processor]\nfoo = 1\n",
        ),
        ("months = 3\n", "months = { n = 3 }\n"),
        ("months = 3\n", "months = 99999999999999999999\n"),
        (
            "notice = { kind = \"within-hours\", hours = 24 }",
            "notice = 24",
        ),
        (
            "notice = { kind = \"within-hours\", hours = 24 }",
            "notice = { kind = \"without-undue-delay\", hours = 24 }",
        ),
        ("effective_date = 2022-01-04", "effective_date = 0000-01-04"),
        ("effective_date = 2022-01-04", "effective_date = 20220104"),
    ];
    for (from, to) in wrong {
        match Agreement::from_toml(&with(&toml, from, to)) {
            Err(Error::Invalid(e)) => assert_no_rust(e.message()),
            Err(Error::Syntax(e)) => assert_no_rust(e.message()),
            other => panic!("{to}: {other:?}"),
        }
    }
}

/// A whole number written with a fraction or an exponent (`3.0`, `1e2`,
/// `-0.0`) is that whole number, in TOML and JSON alike, and gives the
/// agreement the same value as `3`; a fraction, a value beyond any whole
/// number, or a whole one out of range is refused naming the field.
/// Source: issue 20 point 2 (the library and the JSON Schema agree on
/// whole-number floats); the JSON Schema specification, draft 2020-12,
/// Core §4.2.1 (an integer is a number with a zero fractional part); README
/// "Invariants and limits" (months 1–120, hours 1–72 for the bound).
#[test]
fn whole_number_floats_are_whole_numbers() {
    let toml = belco();
    let json = belco_json();
    let expected = Agreement::from_toml(&toml).unwrap();
    for (toml_to, json_to) in [
        ("months = 3.0\n", "\"months\": 3.0"),
        ("months = 3e0\n", "\"months\": 3e0"),
        ("months = 0.3e1\n", "\"months\": 0.03e2"),
    ] {
        let a = Agreement::from_toml(&with(&toml, "months = 3\n", toml_to)).unwrap();
        assert_eq!(a, expected, "{toml_to}");
        let a = Agreement::from_json(&with(&json, "\"months\": 3", json_to)).unwrap();
        assert_eq!(a, expected, "{json_to}");
    }
    let a = Agreement::from_json(&with(&json, "\"months\": 3", "\"months\": 1.2e2")).unwrap();
    assert_eq!(
        a.terms.deletion.term.map(|t| t.to_string()).as_deref(),
        Some("120 months")
    );
    for (toml_to, json_to, message) in [
        (
            "months = 3.5\n",
            "\"months\": 3.5",
            "invalid value: decimal number `3.5`, expected a whole number of months, e.g. 3",
        ),
        (
            "months = 1e300\n",
            "\"months\": 1e300",
            "expected a whole number of months",
        ),
        (
            "months = -0.0\n",
            "\"months\": -0.0",
            "must be between 1 and 120 months, got 0",
        ),
        (
            "months = 121.0\n",
            "\"months\": 121.0",
            "must be between 1 and 120 months, got 121",
        ),
        (
            "months = nan\n",
            "\"months\": 3.000001",
            "expected a whole number of months",
        ),
        (
            "months = inf\n",
            "\"months\": 2.9999999",
            "expected a whole number of months",
        ),
    ] {
        for (text, format) in [
            (with(&toml, "months = 3\n", toml_to), Format::Toml),
            (with(&json, "\"months\": 3", json_to), Format::Json),
        ] {
            let (path, m) = invalid(&text, format);
            assert_eq!(path, "terms.deletion.months", "{format}: {m}");
            assert!(m.contains(message), "{format}: {m}");
            assert_no_rust(&m);
        }
    }
}

/// A country's name where its code belongs, in Dutch or English, long or
/// short, or an alias in common use, gets "did you mean" with the code.
/// Source: issue 15 point 7 (`Nederland`, `Holland`, `VS`, `Verenigde
/// Staten`, `Amerika`, `Duitsland`, `UK`, `USA` get "did you mean `NL`");
/// the names are CLDR's (Unicode CLDR, Dutch and English territory names,
/// through ICU4X's compiled data); Belco's DPS 1.9 writes "Amerika" for the
/// seat of its US sub-processors (seed 000).
#[test]
fn country_names_lead_to_their_codes() {
    let toml = belco();
    for (name, code) in [
        ("Nederland", "NL"),
        ("Holland", "NL"),
        ("netherlands", "NL"),
        ("VS", "US"),
        ("Verenigde Staten", "US"),
        ("Amerika", "US"),
        ("United States", "US"),
        ("Duitsland", "DE"),
        ("Germany", "DE"),
        ("UK", "GB"),
        ("Verenigd Koninkrijk", "GB"),
        ("USA", "US"),
        ("België", "BE"),
        ("Belgie", "BE"),
        ("Frankrijk", "FR"),
    ] {
        let (path, message) = invalid(
            &with(&toml, "seat = \"FR\"", &format!("seat = \"{name}\"")),
            Format::Toml,
        );
        assert_eq!(path, "statement.sub_processors[0].seat");
        assert!(
            message.contains(&format!("did you mean `{code}`")),
            "{name}: {message}"
        );
    }
    // A location takes the same hint (`locations = ["Duitsland"]`).
    // (The first sub-processor's, Scalingo's, is the first such line.)
    let (path, message) = invalid(
        &toml.replacen(
            "locations = [\"EU\"]\nengagement",
            "locations = [\"Duitsland\"]\nengagement",
            1,
        ),
        Format::Toml,
    );
    assert_eq!(path, "statement.sub_processors[0].locations[0]");
    assert!(message.contains("did you mean `DE`"), "{message}");
    // No guess where there is no name.
    let (_, message) = invalid(
        &with(&toml, "seat = \"FR\"", "seat = \"Atlantis\""),
        Format::Toml,
    );
    assert!(!message.contains("did you mean"), "{message}");
}

/// A byte-order mark is accepted at the start of TOML and JSON, as bytes
/// and as text; the agreement is the one without it.
/// Source: issue 15 point 7 ("a BOM is accepted in TOML and JSON alike");
/// RFC 8259 §8.1 (parsers may ignore a byte-order mark).
#[test]
fn a_byte_order_mark_is_accepted() {
    let toml = belco();
    let json = belco_json();
    let expected = Agreement::from_toml(&toml).unwrap();
    for (text, format) in [(&toml, Format::Toml), (&json, Format::Json)] {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        assert_eq!(
            Agreement::from_bytes(&bytes, Some(format)).unwrap(),
            expected
        );
        assert_eq!(Agreement::from_bytes(&bytes, None).unwrap(), expected);
        let with_bom = format!("\u{feff}{text}");
        assert_eq!(Agreement::from_text(&with_bom, format).unwrap(), expected);
    }
    // Positions are those of the text a person sees (the mark is no column).
    let e = Agreement::from_bytes(b"\xEF\xBB\xBFdpa_format = [", None).unwrap_err();
    assert_eq!(e.position().map(|p| p.line), Some(1));
}

/// A file that is not UTF-8 says so, with the line and column of the first
/// byte that is not, and what it looks like: Windows-1252 (the Belco file
/// as a Windows editor saves it in the "ANSI" code page), UTF-16 in either
/// byte order, with or without a byte-order mark.
/// Source: issue 15 point 7 ("a file that is not UTF-8 says so and guesses
/// what it is (Windows-1252, UTF-16) with the line"); WHATWG Encoding
/// Standard (index-windows-1252: `ë` is 0xEB); The Unicode Standard §3.10.
#[test]
fn other_encodings_are_named_with_the_line() {
    let toml = belco();
    // "beëindiging" in a comment, saved as Windows-1252.
    let line = toml
        .lines()
        .position(|l| l.contains("beëindiging"))
        .unwrap()
        + 1;
    let column = toml.lines().nth(line - 1).unwrap().find("ë").unwrap();
    let column = toml.lines().nth(line - 1).unwrap()[..column]
        .chars()
        .count()
        + 1;
    let cp1252: Vec<u8> = toml
        .chars()
        .map(|c| match c {
            'ë' => 0xEB,
            'é' => 0xE9,
            'ï' => 0xEF,
            '—' => 0x97,
            '–' => 0x96,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        })
        .collect();
    let first_non_ascii_line = toml.lines().position(|l| !l.is_ascii()).unwrap() + 1;
    match Agreement::from_bytes(&cp1252, None) {
        Err(e @ Error::NotUtf8(_)) => {
            let Error::NotUtf8(n) = &e else {
                unreachable!()
            };
            assert_eq!(n.looks_like(), LooksLike::Windows1252);
            assert_eq!(e.position().map(|p| p.line), Some(first_non_ascii_line));
            assert!(
                e.to_string()
                    .contains(&format!("at line {first_non_ascii_line}, column"))
            );
            assert!(e.to_string().contains("it looks like Windows-1252"), "{e}");
            assert!(e.to_string().contains("save the file as UTF-8"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    // Only the `ë` line: its line and column, and the character it is.
    let one: Vec<u8> = {
        let l = toml.lines().nth(line - 1).unwrap();
        let mut b = b"dpa_format = 1\n".to_vec();
        b.extend(l.chars().map(|c| match c {
            'ë' => 0xEB,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        }));
        b
    };
    match Agreement::from_bytes(&one, Some(Format::Toml)) {
        Err(e @ Error::NotUtf8(_)) => {
            assert_eq!(e.position(), Some(Position { line: 2, column }));
            assert!(e.to_string().contains("0xEB is `ë`"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    for (big_endian, bom) in [(false, true), (true, true), (false, false), (true, false)] {
        let mut bytes = Vec::new();
        if bom {
            bytes.extend_from_slice(if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" });
        }
        for unit in toml.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let expected = if big_endian {
            LooksLike::Utf16Be
        } else {
            LooksLike::Utf16Le
        };
        for format in [None, Some(Format::Toml), Some(Format::Json)] {
            match Events::from_bytes(&bytes, format) {
                Err(Error::NotUtf8(e)) => {
                    assert_eq!(e.looks_like(), expected, "{big_endian} {bom}");
                    assert!(e.to_string().contains("it looks like UTF-16"), "{e}");
                }
                other => panic!("{other:?}"),
            }
        }
    }
}

/// JSON read as TOML (a `.toml` name on JSON) and TOML read as JSON say
/// which format the text is in.
/// Source: issue 15 point 7 ("JSON saved as `.toml` (or the reverse) says
/// \"this looks like JSON\"").
#[test]
fn json_as_toml_and_toml_as_json_say_so() {
    let json = belco_json();
    match Agreement::from_toml(&json) {
        Err(Error::Syntax(e)) => {
            assert!(
                e.message().starts_with("this looks like JSON, not TOML"),
                "{e}"
            );
            assert_eq!(e.position(), Some(Position { line: 1, column: 1 }));
        }
        other => panic!("{other:?}"),
    }
    match Agreement::from_json(&belco()) {
        Err(Error::Syntax(e)) => {
            assert!(
                e.message().starts_with("this looks like TOML, not JSON"),
                "{e}"
            );
        }
        other => panic!("{other:?}"),
    }
    let events = "[[events]]\nkind = \"agreement-signed\"\ndate = 2024-02-01\n";
    let e = Events::from_json(events).unwrap_err();
    assert!(e.to_string().contains("this looks like TOML"), "{e}");
    // Text that is neither keeps the plain message.
    let e = Agreement::from_json("dpa_format = [").unwrap_err();
    assert!(e.to_string().contains("expected a JSON object"), "{e}");
}

/// Every missing required field is reported in one error: the first as the
/// error's path, the others listed, up to a cap (the rest counted).
/// Source: issue 15 point 7 ("every missing required field reported in one
/// run (up to a cap), not one per run"); README "The file format" (the
/// required fields).
#[test]
fn every_missing_field_at_once() {
    let toml = belco();
    let mut text = toml.clone();
    for from in [
        "effective_date = 2022-01-04",
        "name = \"Belco B.V.\"\n",
        "significant_changes_notified = true",
    ] {
        text = with(&text, from, "");
    }
    let (path, message) = invalid(&text, Format::Toml);
    assert_eq!(path, "statement.processor");
    assert_eq!(
        message,
        "missing field `name`; also missing: `statement.effective_date`, `terms.statement_changes.significant_changes_notified`"
    );
    // The same from JSON.
    let mut json: serde_json::Value = serde_json::from_str(&belco_json()).unwrap();
    json["statement"]
        .as_object_mut()
        .unwrap()
        .remove("effective_date");
    json["terms"]["statement_changes"]
        .as_object_mut()
        .unwrap()
        .remove("significant_changes_notified");
    let (path, message) = invalid(&json.to_string(), Format::Json);
    assert_eq!(path, "statement");
    assert_eq!(
        message,
        "missing field `effective_date`; also missing: `terms.statement_changes.significant_changes_notified`"
    );
    // A deletion term given by neither key (`months` or `within`) names the
    // new key and both ways to write it, once the other fields are there.
    let (path, message) = invalid(&with(&toml, "months = 3\n", ""), Format::Toml);
    assert_eq!(path, "terms.deletion.within");
    assert!(
        message.contains("the deletion term is missing"),
        "{message}"
    );
    assert!(message.contains("`months`"), "{message}");
    // An empty agreement: every top-level field.
    let (path, message) = invalid("", Format::Toml);
    assert_eq!(path, "");
    assert_eq!(
        message,
        "missing field `dpa_format`; also missing: `rules`, `statement`, `clauses`, `terms`"
    );
    // Forty sub-processors without a name: twenty listed, the rest counted.
    let many = format!(
        "dpa_format = 1\n{}",
        "[[statement.sub_processors]]\npurpose = \"x\"\n".repeat(40)
    );
    // 3 + 8 missing parts of the agreement and the statement, and the
    // name, engagement and source of each of the 40: 131, the first (the
    // first sub-processor's name) the error's own.
    let (path, message) = invalid(&many, Format::Toml);
    assert_eq!(path, "statement.sub_processors[0]");
    let (first, also) = message.split_once("; also missing: ").unwrap();
    assert_eq!(first, "missing field `name`");
    assert_eq!(also.matches('`').count(), 2 * 20, "{message}");
    assert!(
        also.starts_with("`rules`, `clauses`, `terms`, `statement.version`"),
        "{message}"
    );
    assert!(also.ends_with(" and 110 more"), "{message}");
}

/// An error in the eighth event names that event's field and points at its
/// line, not at the first event's.
/// Source: issue 15 point 7 ("an error in an events file points at the
/// faulty event (`events[7].at`), not the first"); README "The events file"
/// (`date` for date events, `at` for breach events).
#[test]
fn an_event_error_points_at_the_faulty_event() {
    let events =
        std::fs::read_to_string(crate::helpers::examples().join("events/belco-2027.toml")).unwrap();
    let bad = with(&events, "date = 2027-02-12", "at = 2027-02-12T10:00:00Z");
    let line = bad
        .lines()
        .position(|l| l.starts_with("at = 2027-02-12"))
        .unwrap()
        + 1;
    match Events::from_toml(&bad) {
        Err(Error::Invalid(e)) => {
            assert_eq!(e.path(), "events[7].at");
            assert_eq!(e.position().map(|p| p.line), Some(line));
            assert!(
                e.message().contains("`data-deleted` happens on a date"),
                "{e}"
            );
        }
        other => panic!("{other:?}"),
    }
    // A field that does not apply to the event, and a date for a breach.
    let bad = with(
        &events,
        "date = 2026-11-30",
        "date = 2026-11-30\nbreach = \"B-2026-01\"",
    );
    // The line after the terminated event's date.
    let line = bad
        .lines()
        .position(|l| l.starts_with("date = 2026-11-30"))
        .unwrap()
        + 2;
    let e = Events::from_toml(&bad).unwrap_err();
    assert_eq!(e.path(), Some("events[6].breach"));
    assert_eq!(e.position().map(|p| p.line), Some(line));
    // A missing field: the event itself, at its own line.
    let bad = with(&events, "date = 2027-02-12", "");
    let lines: Vec<&str> = bad.lines().collect();
    let line = lines.iter().rposition(|l| *l == "[[events]]").unwrap() + 1;
    let e = Events::from_toml(&bad).unwrap_err();
    assert_eq!(e.path(), Some("events[7]"));
    assert_eq!(e.position().map(|p| p.line), Some(line));
    // JSON: the path, and the line of the field.
    let json = Events::from_toml(&events).unwrap().to_json().unwrap();
    let bad = with(
        &json,
        "\"date\": \"2027-02-12\"",
        "\"at\": \"2027-02-12T10:00:00Z\"",
    );
    let line = bad
        .lines()
        .position(|l| l.contains("\"at\": \"2027-02-12"))
        .unwrap()
        + 1;
    let e = Events::from_json(&bad).unwrap_err();
    assert_eq!(e.path(), Some("events[7].at"));
    assert_eq!(e.position().map(|p| p.line), Some(line));
}
