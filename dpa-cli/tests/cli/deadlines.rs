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

/// `dpa deadlines` on Alles Online: the breach notice owed "without undue
/// delay" given after the 72-hour bound is `late` (with `elapsed`,
/// `late_after` and `late_by`), the deletion past its "in principe" term is
/// `exceeded`; both are warnings, so the command exits 0. A return requested
/// and then made impossible by deleting the data is `missed`, and the
/// command exits 1.
/// Source: Alles Online DPS 12 ("in principe binnen 3 maanden"), DPS 13, DPS
/// 17 / clause 4.1 ("zonder onredelijke vertraging"); GDPR art. 33(1) and
/// 28(3)(g); docs/rules.md "The timeline"; README "Exit codes".
#[test]
fn deadlines_late_exceeded_and_impossible() {
    let alles = examples().join("alles-online.toml");
    let base = "[[events]]\nkind = \"agreement-signed\"\ndate = 2026-06-08\n\
        [[events]]\nkind = \"breach-discovered\"\nat = 2026-09-01T10:00:00+02:00\nid = \"B-1\"\n\
        [[events]]\nkind = \"client-notified-of-breach\"\nat = 2026-09-05T10:00:00+02:00\n\
        [[events]]\nkind = \"authority-notified\"\nat = 2026-09-06T10:00:00+02:00\n\
        [[events]]\nkind = \"agreement-terminated\"\ndate = 2026-11-30\n";
    let events = Scratch::new("alles-events.toml", base.as_bytes());
    let run = |events: &Scratch, format: &str| {
        dpa(&[
            "deadlines",
            alles.to_str().unwrap(),
            "--events",
            events.path(),
            "--at",
            "2027-03-05",
            "--format",
            format,
        ])
    };
    let o = run(&events, "json");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let obligations = v["obligations"].as_array().unwrap();
    let notice = &obligations[0];
    assert_eq!(notice["kind"], "breach-notice");
    assert_eq!(notice["status"], "late");
    assert_eq!(notice["done"], "2026-09-05T08:00:00Z");
    assert_eq!(notice["elapsed"], "P4D");
    assert_eq!(notice["late_after"], "2026-09-04T08:00:00Z");
    assert_eq!(notice["late_by"], "P1D");
    assert_eq!(obligations[1]["status"], "met");
    assert_eq!(obligations[1]["elapsed"], "P1D");
    assert!(obligations[1]["late_after"].is_null());
    let deletion = &obligations[2];
    assert_eq!(deletion["kind"], "deletion");
    assert_eq!(deletion["status"], "exceeded");
    assert_eq!(deletion["late_by"], "P5D");
    assert!(deletion["elapsed"].is_null() && deletion["impossible_since"].is_null());
    let text = stdout(&run(&events, "text"));
    assert!(
        text.contains(
            "late: done 2026-09-05T08:00:00Z, P1D past the bound (elapsed P4D; late after 2026-09-04T08:00:00Z) [B-1]"
        ),
        "{text}"
    );
    assert!(
        text.contains("exceeded: not done, P5D past the term \"in principe\" so far"),
        "{text}"
    );
    assert!(
        text.contains("reported late after 72 hours (rules.undue_delay_bound_hours"),
        "{text}"
    );
    // Asked back, then deleted without being returned: missed, exit 1.
    let impossible = Scratch::new(
        "alles-impossible.toml",
        format!(
            "{base}[[events]]\nkind = \"data-return-requested\"\ndate = 2026-12-01\n\
             [[events]]\nkind = \"data-deleted\"\ndate = 2027-01-10\n"
        )
        .as_bytes(),
    );
    let o = run(&impossible, "json");
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ret = v["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["kind"] == "data-return")
        .unwrap();
    assert_eq!(ret["status"], "missed");
    assert_eq!(ret["impossible_since"], "2027-01-10");
    assert!(ret["late_by"].is_null());
    let text = stdout(&run(&impossible, "text"));
    assert!(
        text.contains("missed: not done, impossible since the data was deleted on 2027-01-10"),
        "{text}"
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

/// `dpa deadlines --format ics` with its options: `--uid-domain` on every UID,
/// `--dtstamp` (or `SOURCE_DATE_EPOCH`) as every DTSTAMP, `--remind 7d,1d` as
/// two VALARMs per event; reordered events give the same calendar; a bad value
/// is exit 2 naming the option, and the options refuse other formats.
/// Source: RFC 5545 §3.8.4.7 (UID), §3.8.7.2 (DTSTAMP), §3.6.6 (VALARM);
/// reproducible-builds.org, SOURCE_DATE_EPOCH; README "The `dpa` command".
#[test]
fn deadlines_ics_options() {
    let belco = examples().join("belco.toml");
    let belco = belco.to_str().unwrap();
    let events = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/events/belco-2027.toml");
    let text = std::fs::read_to_string(&events).unwrap();
    let mut parts: Vec<&str> = text.split("[[events]]").skip(1).collect();
    parts.reverse();
    let reversed: String = parts.iter().map(|e| format!("[[events]]{e}\n")).collect();
    let reversed = Scratch::new("reversed.toml", reversed.as_bytes());
    let ics = |events: &str, extra: &[&str], epoch: Option<&str>| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_dpa"));
        c.args(["deadlines", belco, "--events", events, "--at", "2027-03-01"])
            .args(["--format", "ics"])
            .args(extra)
            .env_remove("SOURCE_DATE_EPOCH");
        if let Some(e) = epoch {
            c.env("SOURCE_DATE_EPOCH", e);
        }
        c.output().unwrap()
    };
    let opts = [
        "--uid-domain",
        "Calendar.Example.org",
        "--dtstamp",
        "2027-03-01T13:00:00+01:00",
        "--remind",
        "7d,1d",
    ];
    let o = ics(events.to_str().unwrap(), &opts, None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.split("\r\n").collect();
    let uids: Vec<&&str> = lines.iter().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids.len(), 4);
    assert!(uids.iter().all(|u| u.ends_with("@calendar.example.org")));
    let stamps: Vec<&&str> = lines.iter().filter(|l| l.starts_with("DTSTAMP:")).collect();
    assert_eq!(stamps.len(), 4);
    assert!(stamps.iter().all(|s| **s == "DTSTAMP:20270301T120000Z"));
    assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VALARM").count(), 8);
    assert_eq!(lines.iter().filter(|l| **l == "TRIGGER:-P7D").count(), 4);
    assert_eq!(lines.iter().filter(|l| **l == "TRIGGER:-P1D").count(), 4);
    // The events in reverse order: the same calendar.
    let again = ics(reversed.path(), &opts, None);
    assert_eq!(stdout(&again), out);
    // SOURCE_DATE_EPOCH where --dtstamp is not given.
    let o = ics(events.to_str().unwrap(), &[], Some("1800000000"));
    assert!(stdout(&o).contains("\r\nDTSTAMP:20270115T080000Z\r\n"));
    let o = ics(events.to_str().unwrap(), &[], Some("soon"));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("SOURCE_DATE_EPOCH: `soon` is not"),
        "{}",
        stderr(&o)
    );
    // Bad values name the option.
    for (flag, value, says) in [
        ("--remind", "7x", "`7x` is not a reminder"),
        ("--remind", "7d,1w", "the same reminder twice"),
        ("--uid-domain", "dpa", "`dpa` is not a domain name"),
        ("--dtstamp", "2027-03-01T12:00:00", "no UTC offset"),
    ] {
        let o = ics(events.to_str().unwrap(), &[flag, value], None);
        assert_eq!(o.status.code(), Some(2), "{flag} {value}");
        let e = stderr(&o);
        assert!(e.contains(&format!("'{flag} <")) && e.contains(says), "{e}");
    }
    // Only with --format ics.
    let o = dpa(&[
        "deadlines",
        belco,
        "--events",
        events.to_str().unwrap(),
        "--remind",
        "7d",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--remind applies to --format ics only"));
}
