//! Input the command cannot read or that is not a valid agreement: exit code
//! 2 with the file, line, column and field path on stderr.

use crate::helpers::{belco_text, check_fails, dpa, examples, stderr};

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
