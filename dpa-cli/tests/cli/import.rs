//! `dpa import`: the review list, the draft, and the exit codes (issue 18
//! point 4: 0 nothing to review, 1 something to review, 2 not a statement).

use crate::helpers::{Scratch, dpa, examples, stderr, stdout};

fn statement(name: &str) -> String {
    examples()
        .join("../statements")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

/// Source: examples/statements/example-hosting-en.txt: every operative term
/// stated, nothing ambiguous, so nothing needs review (exit 0); the draft
/// written with -o parses as TOML and quotes DPS 1.10.
#[test]
fn import_writes_the_draft_and_exits_0_when_nothing_needs_review() {
    let out = Scratch::new("example-hosting-draft.toml", b"");
    let o = dpa(&[
        "import",
        &statement("example-hosting-en.txt"),
        "-o",
        out.path(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("Nothing needs review."),
        "{}",
        stdout(&o)
    );
    let draft = std::fs::read_to_string(out.path()).unwrap();
    let v: toml::Value = toml::from_str(&draft).unwrap();
    assert_eq!(v["terms"]["deletion"]["within"].as_str(), Some("30 days"));
    assert!(draft.contains("# DPS 1.10, line"), "{draft}");
}

/// Source: examples/statements/northwind-analytics-en.txt: a redacted
/// address ("xxxx@xxxx.xxx") needs review (exit 1), in text and JSON.
#[test]
fn import_exits_1_when_something_needs_review() {
    let o = dpa(&["import", &statement("northwind-analytics-en.txt")]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("! placeholder"), "{}", stdout(&o));
    let o = dpa(&[
        "import",
        &statement("northwind-analytics-en.txt"),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        v["values"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["status"] == "placeholder")
    );
}

/// Source: issue 18 point 4: a text that is not a Data Pro Statement is
/// exit 2 with the reason; a missing file too.
#[test]
fn import_exits_2_when_the_text_is_not_a_statement() {
    let f = Scratch::new(
        "not-a-statement.txt",
        b"Algemene voorwaarden\n\n1. Prijzen\n2. Levering\n",
    );
    let o = dpa(&["import", f.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("not a Data Pro Statement"),
        "{}",
        stderr(&o)
    );
    let o = dpa(&["import", "no-such-statement.txt"]);
    assert_eq!(o.status.code(), Some(2));
}
