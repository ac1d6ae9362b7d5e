//! Input the command cannot read or that is not a valid agreement: exit code
//! 2 with the file, line, column and field path on stderr.

use crate::helpers::{Scratch, belco_text, check_fails, dpa, examples, stderr};

/// Unreadable or invalid input exits 2 with the file, line, column and field
/// path on stderr, never a panic.
/// Source: README "Exit codes" (2) and README "Invariants and limits" (months
/// 1–120, ISO 3166-1 country codes, real dates, each version once); the
/// library's error format `dpa: error: FILE:LINE:COLUMN: PATH: message`
/// (docs/architecture.md).
#[test]
fn bad_input_exits_2_with_file_line_column_and_path() {
    let e = check_fails("empty.toml", b"");
    assert!(e.contains("missing field `dpa_format`"), "{e}");
    let e = check_fails(
        "junk.toml",
        &(0..=255u8).cycle().take(1000).collect::<Vec<_>>(),
    );
    assert!(e.contains("not valid UTF-8"), "{e}");
    let e = check_fails("utf8.toml", b"dpa_format = 1\nx = \"\xff\"\n");
    assert!(
        e.contains(
            "utf8.toml:2:6: not valid UTF-8 (the byte 0xFF, first invalid byte at offset 20): it looks like Windows-1252"
        ),
        "{e}"
    );

    let text = belco_text();
    let misspelt = text.replacen("months = 3\n", "mnths = 3\n", 1);
    let line = misspelt
        .lines()
        .position(|l| l.starts_with("mnths"))
        .unwrap()
        + 1;
    let e = check_fails("misspelt.toml", misspelt.as_bytes());
    assert!(
        e.contains(&format!(
            ":{line}:1: terms.deletion.mnths: unknown field `mnths`"
        )),
        "{e}"
    );

    for bad in ["0", "-3"] {
        let e = check_fails(
            "months.toml",
            text.replacen("months = 3\n", &format!("months = {bad}\n"), 1)
                .as_bytes(),
        );
        assert!(
            e.contains("terms.deletion.months: must be between 1 and 120 months"),
            "{e}"
        );
    }
    for bad in ["XX", "usa", "Nl"] {
        let e = check_fails(
            "country.toml",
            text.replacen("seat = \"FR\"", &format!("seat = \"{bad}\""), 1)
                .as_bytes(),
        );
        assert!(e.contains("statement.sub_processors[0].seat: `"), "{e}");
        assert!(
            e.contains("is not an assigned ISO 3166-1 alpha-2 country code"),
            "{e}"
        );
    }
    let e = check_fails(
        "date.toml",
        text.replacen(
            "effective_date = 2022-01-04",
            "effective_date = 2026-02-30",
            1,
        )
        .as_bytes(),
    );
    assert!(e.contains("not valid toml"), "{e}");
    let e = check_fails(
        "versions.toml",
        text.replacen("version = \"1.2.2\"", "version = \"1.2.1\"", 1)
            .as_bytes(),
    );
    assert!(
        e.contains("statement.history: [1].version: version 1.2.1 appears twice"),
        "{e}"
    );
    let e = check_fails(
        "nested.toml",
        format!("a = {}{}", "[".repeat(5000), "]".repeat(5000)).as_bytes(),
    );
    assert!(e.contains("not valid toml"), "{e}");
    let e = check_fails(
        "nested.json",
        format!("{}{}", "[".repeat(5000), "]".repeat(5000)).as_bytes(),
    );
    // The depth scan runs before the parser (README "Invariants and limits").
    assert!(
        e.contains("nested deeper than the limit of 32 levels"),
        "{e}"
    );
    let e = check_fails(
        "nested2.json",
        format!("{}1{}", "{\"a\":".repeat(5000), "}".repeat(5000)).as_bytes(),
    );
    assert!(e.contains("nested2.json:1:"), "{e}");
    assert!(
        e.contains("nested deeper than the limit of 32 levels"),
        "{e}"
    );
}

/// A file over 16 MiB exits 2 before it is parsed.
/// Source: README "Invariants and limits" (a document: 16 MiB, 16,777,216
/// bytes, checked before parsing).
#[test]
fn oversized_file_is_refused_before_parsing() {
    let big = vec![b'#'; dpa_core::limits::MAX_DOCUMENT_BYTES + 1];
    let e = check_fails("big.toml", &big);
    assert!(e.contains("more than the limit of 16777216 bytes"), "{e}");
}

/// A missing file, or an impossible `--at` date, exits 2 naming it.
/// Source: README "Exit codes" (2: the input or an argument cannot be read);
/// README "Invariants and limits" ("dates are real calendar dates").
#[test]
fn missing_file_and_bad_date_argument() {
    let o = dpa(&["check", "/nonexistent/agreement.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/agreement.toml: cannot read"));
    let o = dpa(&[
        "check",
        examples().join("belco.toml").to_str().unwrap(),
        "--at",
        "2026-02-30",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2026-02-30"), "{}", stderr(&o));
}

/// The line of `text` (1-based) that starts with `start`.
fn line_of(text: &str, start: &str) -> usize {
    text.lines().position(|l| l.starts_with(start)).unwrap() + 1
}

/// A term written as text gets the words of the format, with its file, line,
/// column and path: `3 maanden` is told to be a whole number of months, and
/// no message names a Rust type.
/// Source: issue 15 point 7 ("no internal names or Rust syntax in messages
/// (`expected struct NoticeTermRepr`, `expected i64`, `-9999..=9999`): \"a
/// whole number of months, e.g. 3\"; `3 maanden` gets that hint").
#[test]
fn values_are_described_in_the_formats_words() {
    let text = belco_text();
    let bad = text.replacen("months = 3\n", "months = \"3 maanden\"\n", 1);
    let line = line_of(&bad, "months = ");
    let e = check_fails("maanden.toml", bad.as_bytes());
    assert!(
        e.contains(&format!(
            "maanden.toml:{line}:10: terms.deletion.months: expected a whole number of months, e.g. 3, not the text \"3 maanden\": write the number alone, without quotes or a unit: 3"
        )),
        "{e}"
    );
    for (from, to, words) in [
        (
            "notice = { kind = \"within-hours\", hours = 24 }",
            "notice = \"24 uur\"",
            "terms.breach.notice: invalid type: string \"24 uur\", expected a notice term: { kind = \"within-hours\", hours = 24 }, { kind = \"within\", term = \"2 days\" } or { kind = \"without-undue-delay\" }",
        ),
        (
            "dpa_format = 1",
            "dpa_format = \"1\"",
            "dpa_format: expected the format version 1, a whole number",
        ),
        (
            "effective_date = 2022-01-04",
            "effective_date = 0000-01-04",
            "statement.effective_date: 0000-01-04 is not a date: the year must be from 1 to 9999",
        ),
        (
            "month_rule = \"clamp\"",
            "month_rule = \"klemmen\"",
            "rules.month_rule: unknown value `klemmen`, expected one of `clamp`",
        ),
    ] {
        let e = check_fails("words.toml", text.replacen(from, to, 1).as_bytes());
        assert!(e.contains(words), "{e}");
        for rust in ["i64", "struct", "Repr", "..=", "variant"] {
            assert!(!e.contains(rust), "{e}");
        }
    }
}

/// A country's Dutch or English name, or a common alias, where a code
/// belongs gets "did you mean" with the code.
/// Source: issue 15 point 7 (`Nederland`, `Holland`, `VS`, `Verenigde
/// Staten`, `Amerika`, `Duitsland`, `UK`, `USA`); Unicode CLDR territory
/// names (nl, en); Belco DPS 1.9 ("Amerika", seed 000).
#[test]
fn country_names_get_their_codes() {
    let text = belco_text();
    let line = text[..text.find("seat = \"FR\"").unwrap()].lines().count() + 1;
    for (name, code) in [
        ("Nederland", "NL"),
        ("Holland", "NL"),
        ("VS", "US"),
        ("Verenigde Staten", "US"),
        ("Amerika", "US"),
        ("Duitsland", "DE"),
        ("UK", "GB"),
        ("USA", "US"),
    ] {
        let e = check_fails(
            "country-name.toml",
            text.replacen("seat = \"FR\"", &format!("seat = \"{name}\""), 1)
                .as_bytes(),
        );
        assert!(
            e.contains(&format!(
                "country-name.toml:{line}:8: statement.sub_processors[0].seat: `{name}` is not an assigned ISO 3166-1 alpha-2 country code"
            )),
            "{e}"
        );
        assert!(e.contains(&format!("did you mean `{code}`")), "{e}");
    }
}

/// A byte-order mark is accepted in TOML and JSON; a file in Windows-1252
/// or UTF-16 is refused saying so, with the line; JSON in a `.toml` file and
/// TOML in a `.json` file say which format they look like.
/// Source: issue 15 point 7 (encodings); WHATWG Encoding Standard
/// (index-windows-1252); RFC 8259 §8.1 (a byte-order mark may be ignored).
#[test]
fn encodings_and_formats_are_named() {
    let text = belco_text();
    let json = String::from_utf8(
        dpa(&[
            "show",
            examples().join("belco.toml").to_str().unwrap(),
            "--format",
            "json",
        ])
        .stdout,
    )
    .unwrap();
    for (name, body) in [("bom.toml", &text), ("bom.json", &json)] {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(body.as_bytes());
        let f = Scratch::new(name, &bytes);
        let o = dpa(&["show", f.path()]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
    }
    // Windows-1252: the em dash of the first line is 0x97 there.
    let cp1252: Vec<u8> = text
        .chars()
        .map(|c| match c {
            '—' => 0x97,
            'ë' => 0xEB,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        })
        .collect();
    let column = text
        .lines()
        .next()
        .unwrap()
        .chars()
        .position(|c| c == '—')
        .unwrap()
        + 1;
    let e = check_fails("ansi.toml", &cp1252);
    assert!(
        e.contains(&format!(
            "ansi.toml:1:{column}: not valid UTF-8 (the byte 0x97, first invalid byte at offset {}): it looks like Windows-1252 (Latin-1); save the file as UTF-8",
            column - 1
        )),
        "{e}"
    );
    let utf16: Vec<u8> = std::iter::once(0xFEFF)
        .chain(text.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let e = check_fails("utf16.toml", &utf16);
    assert!(
        e.contains("utf16.toml:1:1: not valid UTF-8 (first invalid byte at offset 0): it looks like UTF-16 (little-endian); save the file as UTF-8"),
        "{e}"
    );
    let e = check_fails("json-named.toml", json.as_bytes());
    assert!(
        e.contains("json-named.toml:1:1: not valid toml: this looks like JSON, not TOML: name the file `.json`, or read it as JSON"),
        "{e}"
    );
    let e = check_fails("toml-named.json", text.as_bytes());
    assert!(
        e.contains("not valid json: this looks like TOML, not JSON: name the file `.toml`, or read it as TOML"),
        "{e}"
    );
}

/// Every missing required field is named in one run.
/// Source: issue 15 point 7 ("every missing required field reported in one
/// run (up to a cap), not one per run").
#[test]
fn every_missing_field_in_one_run() {
    let mut text = belco_text();
    for from in [
        "effective_date = 2022-01-04",
        "significant_changes_notified = true",
        "name = \"Belco B.V.\"\n",
    ] {
        text = text.replacen(from, "", 1);
    }
    let e = check_fails("missing.toml", text.as_bytes());
    assert!(
        e.contains(": statement.processor: missing field `name`; also missing: `statement.effective_date`, `terms.statement_changes.significant_changes_notified`\n"),
        "{e}"
    );
    let e = check_fails("empty-agreement.toml", b"");
    assert!(
        e.contains("document: missing field `dpa_format`; also missing: `rules`, `statement`, `clauses`, `terms`"),
        "{e}"
    );
}

/// An error in the eighth event of an events file names that event's field
/// and its line.
/// Source: issue 15 point 7 ("an error in an events file points at the
/// faulty event (`events[7].at`), not the first"); README "The events file".
#[test]
fn an_events_error_names_the_faulty_event() {
    let events = std::fs::read_to_string(examples().join("../events/belco-2027.toml")).unwrap();
    let bad = events.replacen("date = 2027-02-12", "at = 2027-02-12T10:00:00Z", 1);
    let line = line_of(&bad, "at = 2027-02-12");
    let f = Scratch::new("bad-events.toml", bad.as_bytes());
    let o = dpa(&[
        "deadlines",
        examples().join("belco.toml").to_str().unwrap(),
        "--events",
        f.path(),
        "--at",
        "2027-03-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!(
            "bad-events.toml:{line}:6: events[7].at: `data-deleted` happens on a date: give `date`, not `at`"
        )),
        "{}",
        stderr(&o)
    );
}

/// `dpa holidays` for year 0, a negative year, a year too large for any
/// calendar and a year before the Algemene termijnenwet exits 2 saying why;
/// 1965, the year it came into force, lists its holidays.
/// Source: issue 15 point 7 ("`dpa holidays 0` and negative years are exit 2
/// like Python's `OutOfRange`; years before the Act applies (1 April 1965)
/// say so instead of returning an empty list"); Atw (in force 1 April 1965,
/// Stb. 1964, 314); README "Exit codes" (2).
#[test]
fn holidays_of_years_without_them_exit_2() {
    for (year, message) in [
        ("0", "out of range: year 0 is outside the years 1 to 9999"),
        ("-5", "out of range: year -5 is outside the years 1 to 9999"),
        (
            "99999999999",
            "out of range: year 99999999999 is outside the years 1 to 9999",
        ),
        (
            "1964",
            "out of range: year 1964 is before the Algemene termijnenwet came into force (1 April 1965), so it has no holidays under the Act",
        ),
        (
            "1",
            "out of range: year 1 is before the Algemene termijnenwet came into force",
        ),
    ] {
        let o = dpa(&["holidays", year]);
        assert_eq!(o.status.code(), Some(2), "{year}");
        assert!(o.stdout.is_empty());
        assert!(
            stderr(&o).starts_with(&format!("dpa: error: {message}")),
            "{}",
            stderr(&o)
        );
    }
    let o = dpa(&["holidays", "twenty"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`twenty` is not a year: expected a whole number such as 2026"));
    let o = dpa(&["holidays", "1965"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).is_empty());
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("1965-04-16 Good Friday"));
}
