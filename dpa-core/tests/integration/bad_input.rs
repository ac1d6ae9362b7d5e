//! Bad input gives a clear error naming the field (and line and column where
//! the format knows them), never a panic.

use crate::helpers::text;

use dpa_core::error::{LooksLike, Position};
use dpa_core::{Agreement, Error, Format};

fn belco() -> String {
    text("belco.toml")
}

/// Replaces exactly one occurrence of `from` in the Belco file.
fn belco_with(from: &str, to: &str) -> String {
    let text = belco();
    assert_eq!(text.matches(from).count(), 1, "`{from}` must occur once");
    text.replacen(from, to, 1)
}

fn invalid(text: &str) -> (String, String, Option<usize>) {
    match Agreement::from_toml(text) {
        Err(Error::Invalid(e)) => (
            e.path().to_owned(),
            e.message().to_owned(),
            e.position().map(|p| p.line),
        ),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// An empty file is refused: as TOML for its missing `dpa_format`, as JSON with
/// a syntax error.
/// Source: README "The file format" (`dpa_format`, the format version); the
/// library's error format (docs/architecture.md).
#[test]
fn empty_file() {
    let (path, msg, _) = invalid("");
    assert_eq!(path, "");
    assert!(msg.contains("missing field `dpa_format`"), "{msg}");
    assert!(matches!(Agreement::from_json(""), Err(Error::Syntax(_))));
}

/// Bytes that are not UTF-8 are refused with the offset of the first bad byte;
/// control characters are a syntax error with a position.
/// Source: the TOML 1.0 specification (a TOML file is a valid UTF-8 document;
/// control characters are not permitted) and RFC 8259 §8.1 (JSON text is
/// UTF-8); the library's error format (docs/architecture.md).
#[test]
fn binary_junk_and_invalid_utf8() {
    let junk: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    match Agreement::from_bytes(&junk, None) {
        Err(Error::NotUtf8(e)) => {
            assert_eq!(e.offset(), 128);
            assert_eq!(e.looks_like(), LooksLike::Binary);
        }
        other => panic!("{other:?}"),
    }
    let e = Agreement::from_bytes(b"dpa_format = 1\nname = \"\xc3\x28\"\n", Some(Format::Toml))
        .unwrap_err();
    let Error::NotUtf8(n) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(n.offset(), 23);
    assert_eq!(e.position(), Some(Position { line: 2, column: 9 }));
    // Control characters that are valid UTF-8 are a syntax error.
    let e = Agreement::from_toml("\u{0}\u{1}\u{2}\u{7f}").unwrap_err();
    assert!(matches!(e, Error::Syntax(_)), "{e:?}");
    assert!(e.position().is_some());
}

/// An unknown key is refused with its path, the keys expected there and its
/// line.
/// Source: README "The file format" ("Unknown keys are errors"); the library's
/// error format (docs/architecture.md) (the field path, line and column).
#[test]
fn misspelt_key() {
    let text = belco_with("months = 3\n", "mnths = 3\n");
    let (path, msg, line) = invalid(&text);
    assert_eq!(path, "terms.deletion.mnths");
    assert!(msg.contains("unknown field `mnths`"), "{msg}");
    assert!(msg.contains("`months`"), "{msg}");
    let expected_line = text.lines().position(|l| l.starts_with("mnths")).unwrap() + 1;
    assert_eq!(line, Some(expected_line));
}

/// A deletion term of 0, -3 or 121 months, or a fraction, is refused naming the
/// field.
/// Source: README "Invariants and limits" ("months 1–120"; "nothing is
/// negative").
#[test]
fn deletion_term_zero_or_negative() {
    for bad in ["0", "-3", "121"] {
        let (path, msg, _) = invalid(&belco_with("months = 3\n", &format!("months = {bad}\n")));
        assert_eq!(path, "terms.deletion.months");
        assert!(msg.contains("between 1 and 120 months"), "{msg}");
        assert!(msg.contains(bad), "{msg}");
    }
    let (path, msg, _) = invalid(&belco_with("months = 3\n", "months = 3.5\n"));
    assert_eq!(path, "terms.deletion.months");
    assert!(msg.contains("invalid value: decimal number `3.5`"), "{msg}");
}

/// A country code that is not an assigned ISO 3166-1 alpha-2 code in upper case
/// is refused with a hint (alpha-3, case, EL for Greece, UK for the United
/// Kingdom), naming the field.
/// Source: ISO 3166-1 (GR and GB are the assigned codes; EL and UK are not);
/// README "Invariants and limits".
#[test]
fn country_codes() {
    for (bad, hint) in [
        ("XX", "not an assigned"),
        ("usa", "did you mean `US`"),
        ("Nl", "did you mean `NL`"),
        ("EL", "`GR`"),
        ("UK", "`GB`"),
    ] {
        let (path, msg, _) = invalid(&belco_with(
            "seat = \"FR\"                           # \"Frankrijk\"",
            &format!("seat = \"{bad}\""),
        ));
        assert_eq!(path, "statement.sub_processors[0].seat");
        assert!(msg.contains(hint), "{bad}: {msg}");
    }
    let text = belco().replacen(
        "seat = \"US\"\nlocations = [\"EU\"]",
        "seat = \"US\"\nlocations = [\"EU\", \"XX\"]",
        1,
    );
    let (path, _, _) = invalid(&text);
    // The first plain `seat = "US"` line is Google, Inc., the third entry.
    assert_eq!(path, "statement.sub_processors[2].locations[1]");
}

/// 30 February is refused as a TOML date, as a string and in JSON, and a
/// date-time is not a date.
/// Source: README "Invariants and limits" ("dates are real calendar dates";
/// `2026-02-30` is refused); the TOML 1.0 specification (Local Date).
#[test]
fn impossible_date() {
    // As a TOML date: the TOML parser rejects it with a position.
    let text = belco_with("effective_date = 2022-01-04", "effective_date = 2026-02-30");
    match Agreement::from_toml(&text) {
        Err(Error::Syntax(e)) => {
            assert!(e.message().contains("day"), "{}", e.message());
            assert!(e.position().is_some());
        }
        other => panic!("{other:?}"),
    }
    // As a string: our date parser rejects it and names the field.
    let text = belco_with(
        "effective_date = 2022-01-04",
        "effective_date = \"2026-02-30\"",
    );
    let (path, msg, _) = invalid(&text);
    assert_eq!(path, "statement.effective_date");
    assert!(msg.contains("2026-02-30"), "{msg}");
    // In JSON.
    let a = Agreement::from_toml(&belco()).unwrap();
    let json = a
        .to_json()
        .unwrap()
        .replace("\"2022-01-04\"", "\"2026-02-30\"");
    match Agreement::from_json(&json) {
        Err(Error::Invalid(e)) => {
            assert!(e.path().starts_with("statement."), "{}", e.path());
            assert!(e.position().is_some());
        }
        other => panic!("{other:?}"),
    }
    // A date with a time is not a date.
    let text = belco_with(
        "effective_date = 2022-01-04",
        "effective_date = 2022-01-04T10:00:00Z",
    );
    let (path, msg, _) = invalid(&text);
    assert_eq!(path, "statement.effective_date");
    assert!(msg.contains("local date"), "{msg}");
}

/// A version listed twice in the history, or a history out of date order, is
/// refused.
/// Source: README "Invariants and limits" ("the history has each version once,
/// ascending in both version and date").
#[test]
fn duplicate_versions() {
    let text = belco_with(
        "version = \"1.2.2\"\ndate = 2021-11-03",
        "version = \"1.2.1\"\ndate = 2021-11-03",
    );
    let (path, msg, _) = invalid(&text);
    assert_eq!(path, "statement.history");
    assert!(
        msg.contains("[1].version: version 1.2.1 appears twice (also at [0])"),
        "{msg}"
    );
    // Out of order by date.
    let text = belco_with(
        "version = \"1.2.2\"\ndate = 2021-11-03",
        "version = \"1.2.2\"\ndate = 2018-11-03",
    );
    let (_, msg, _) = invalid(&text);
    assert!(msg.contains("ordered by date"), "{msg}");
}

/// A document over 16 MiB is refused before it is parsed.
/// Source: README "Invariants and limits" (a document: 16 MiB, checked before
/// parsing).
#[test]
fn document_size_limit() {
    let big = "#".repeat(dpa_core::limits::MAX_DOCUMENT_BYTES + 1);
    assert_eq!(
        Agreement::from_toml(&big).unwrap_err(),
        Error::TooLarge {
            size: dpa_core::limits::MAX_DOCUMENT_BYTES + 1,
            limit: dpa_core::limits::MAX_DOCUMENT_BYTES
        }
    );
    assert!(matches!(
        Agreement::from_bytes(big.as_bytes(), None),
        Err(Error::TooLarge { .. })
    ));
}

/// Deeply nested TOML and JSON is an error, never a stack overflow.
/// Source: README "Invariants and limits" (nesting: "an error at the place,
/// never a stack overflow").
#[test]
fn deeply_nested_junk() {
    for depth in [200, 100_000] {
        let toml = format!("a = {}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(matches!(Agreement::from_toml(&toml), Err(Error::Syntax(_))));
        let toml = format!("a = {}1{}", "{b=".repeat(depth), "}".repeat(depth));
        assert!(matches!(Agreement::from_toml(&toml), Err(Error::Syntax(_))));
        let json = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(Agreement::from_json(&json).is_err());
        let json = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        assert!(Agreement::from_json(&json).is_err());
    }
}

/// Invalid values in other fields are refused naming their field.
/// Source: README "Invariants and limits" (IANA time-zone names, dotted
/// versions, hours 1–8760, days 0–3650, money not negative) and README "The
/// file format" (`dpa_format` 1, the `month_rule` values); a blank name or
/// office hours that end before they start are not valid values
/// (docs/architecture.md, `values/`).
#[test]
fn other_value_errors_name_their_field() {
    let cases = [
        (
            "time_zone = \"Europe/Amsterdam\"",
            "time_zone = \"Europe/Leeuwarden\"",
            "rules.time_zone",
        ),
        (
            "month_rule = \"clamp\"",
            "month_rule = \"clip\"",
            "rules.month_rule",
        ),
        ("dpa_format = 1", "dpa_format = 2", "dpa_format"),
        (
            "hourly_rate_eur_cents = 12000",
            "hourly_rate_eur_cents = -12000",
            "terms.costs[0].hourly_rate_eur_cents",
        ),
        (
            "notice = { kind = \"within-hours\", hours = 24 }",
            "notice = { kind = \"within-hours\", hours = 0 }",
            "terms.breach.notice.hours",
        ),
        (
            "notice = { kind = \"within-hours\", hours = 24 }",
            "notice = { kind = \"within-hours\" }",
            "terms.breach.notice",
        ),
        (
            "notice = { kind = \"within-hours\", hours = 24 }",
            "notice = { kind = \"soon\" }",
            "terms.breach.notice.kind",
        ),
        (
            "version = \"1.3\"                       #",
            "version = \"v1.3\"                       #",
            "statement.version",
        ),
        (
            "name = \"Belco B.V.\"",
            "name = \"   \"",
            "statement.processor.name",
        ),
        (
            "office_hours = { start = \"09:00\", end = \"17:00\"",
            "office_hours = { start = \"17:00\", end = \"09:00\"",
            "statement.service_level.office_hours",
        ),
        (
            "termination_window_days = 30",
            "termination_window_days = 3651",
            "terms.statement_changes.termination_window_days",
        ),
    ];
    for (from, to, want) in cases {
        let (path, msg, _) = invalid(&belco_with(from, to));
        assert_eq!(path, want, "{to}: {msg}");
        assert!(!msg.is_empty());
    }
}

/// An error reads as its field path, its line and its message.
/// Source: the library's error format (docs/architecture.md).
#[test]
fn errors_display_path_and_position() {
    let e = Agreement::from_toml(&belco_with("months = 3\n", "months = 0\n")).unwrap_err();
    let shown = e.to_string();
    assert!(shown.starts_with("terms.deletion.months (line "), "{shown}");
    assert!(
        shown.ends_with("must be between 1 and 120 months, got 0"),
        "{shown}"
    );
}

/// A JSON value of the wrong kind where a name is expected (`"kind": 5`, a
/// list, `null`) is a validation error naming the field, as in TOML, not a
/// syntax error: the document is well-formed JSON.
/// Source: docs/architecture.md ("an error names the field path, line and
/// column"); RFC 8259 (the JSON grammar: `5` is a value).
#[test]
fn json_number_for_a_name_names_the_field() {
    use dpa_core::timeline::Events;
    for value in ["5", "[1]", "null", "true"] {
        let text = format!(r#"{{"events": [{{"kind": {value}, "date": "2026-01-01"}}]}}"#);
        match Events::from_text(&text, Format::Json) {
            Err(Error::Invalid(e)) => {
                assert_eq!(e.path(), "events[0].kind", "{value}");
                assert!(e.message().contains("expected a string"), "{value}: {e}");
            }
            other => panic!("{value}: {other:?}"),
        }
    }
    // Text that is not JSON stays a syntax error.
    let e = Events::from_text(r#"{"events": [{"kind": }]}"#, Format::Json).unwrap_err();
    assert!(matches!(e, Error::Syntax(_)), "{e:?}");
}
