//! `dpa deadlines`: the obligation timeline from an events file, as JSON,
//! text and ICS.

use std::path::Path;
use std::process::Command;

use crate::helpers::{Scratch, dpa, examples, stderr, stdout};

/// `dpa deadlines` on the Belco 2027 events: every obligation met, as JSON,
/// text and ICS; a deletion missed exits 1; a bad events file exits 2 naming
/// the field.
/// Source: Belco DPS 1.11, 1.13 and 1.14, GDPR art. 33(1) (the events'
/// deadlines); docs/rules.md "The timeline" and rule 2 (no UTC offset is
/// refused); README "Exit codes" (`dpa deadlines`: 1 when an obligation is
/// missed).
#[test]
fn deadlines_command() {
    let belco = examples().join("belco.toml");
    let events = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/events/belco-2027.toml");
    let args = |fmt: &'static str| -> Vec<String> {
        vec![
            "deadlines".into(),
            belco.to_str().unwrap().into(),
            "--events".into(),
            events.to_str().unwrap().into(),
            "--at".into(),
            "2027-03-01".into(),
            "--format".into(),
            fmt.into(),
        ]
    };
    let run = |fmt| {
        let a = args(fmt);
        Command::new(env!("CARGO_BIN_EXE_dpa"))
            .args(&a)
            .output()
            .unwrap()
    };
    let o = run("json");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let kinds: Vec<&str> = v["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "breach-notice",
            "authority-notice",
            "audit-notice",
            "deletion"
        ]
    );
    assert!(
        v["obligations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["status"] == "met")
    );
    let o = run("text");
    assert!(stdout(&o).starts_with("Obligations as of 2027-03-01:"));
    let o = run("ics");
    assert!(stdout(&o).starts_with("BEGIN:VCALENDAR\r\n"));
    // Missed: exit code 1.
    let late = Scratch::new(
        "late.toml",
        b"[[events]]\nkind = \"agreement-terminated\"\ndate = 2026-11-30\n",
    );
    let o = dpa(&[
        "deadlines",
        belco.to_str().unwrap(),
        "--events",
        late.path(),
        "--at",
        "2027-03-05",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("missed: not done, P5D late so far"),
        "{}",
        stdout(&o)
    );
    // A bad events file: exit 2 with the field path.
    let bad = Scratch::new(
        "bad-events.toml",
        b"[[events]]\nkind = \"breach-discovered\"\nat = \"2026-03-28T10:30\"\n",
    );
    let o = dpa(&["deadlines", belco.to_str().unwrap(), "--events", bad.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("events[0].at: `2026-03-28T10:30` has no UTC offset"),
        "{}",
        stderr(&o)
    );
}

/// A deadline an event starts after the year 9999 is exit 2, and the message
/// names the event.
/// Source: Belco DPS 1.13 (24 hours); docs/rules.md rule 2; README "Exit
/// codes" and "Limits" (years 1 to 9999).
#[test]
fn deadlines_after_9999_name_their_event() {
    let events = Scratch::new(
        "late-events.toml",
        b"[[events]]\nkind = \"agreement-signed\"\ndate = 2020-01-01\n\
          [[events]]\nkind = \"breach-discovered\"\nat = 9999-12-31T20:00:00Z\n",
    );
    let belco = examples().join("belco.toml");
    let o = dpa(&[
        "deadlines",
        belco.to_str().unwrap(),
        "--events",
        events.path(),
        "--at",
        "9999-12-31",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "dpa: error: events[1]: out of range: 9999-12-31T20:00:00Z + 24 hours is outside the years 1 to 9999\n"
    );
}
