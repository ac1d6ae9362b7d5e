//! Limits (dpa_core::limits; README "Invariants and limits"), as a user hits
//! them: one past each limit exits 2 naming the file and the field.

use crate::helpers::{Scratch, belco_text, check_fails, dpa, examples, stderr, stdout};

/// Belco as a JSON value, to grow past a limit.
fn belco_json() -> serde_json::Value {
    let a = dpa_core::Agreement::from_toml(&belco_text()).unwrap();
    serde_json::from_str(&a.to_json().unwrap()).unwrap()
}

/// 10,001 sub-processors exit 2 naming the list.
/// Source: README "Invariants and limits" (sub-processors in an agreement:
/// 10,000).
#[test]
fn limit_sub_processors() {
    let mut doc = belco_json();
    let first = doc["statement"]["sub_processors"][0].clone();
    let list: Vec<serde_json::Value> = (0..=dpa_core::limits::MAX_SUB_PROCESSORS)
        .map(|i| {
            let mut s = first.clone();
            s["name"] = serde_json::json!(format!("Sub-processor {i}"));
            s
        })
        .collect();
    doc["statement"]["sub_processors"] = serde_json::Value::Array(list);
    let e = check_fails("many.json", doc.to_string().as_bytes());
    assert!(
        e.contains(": statement.sub_processors: more than the limit of 10000 sub-processors"),
        "{e}"
    );
}

/// A string of 65,537 characters exits 2 naming the field.
/// Source: README "Invariants and limits" (a string value: 65,536 characters).
#[test]
fn limit_string_length() {
    let long = "x".repeat(dpa_core::limits::MAX_STRING_CHARS + 1);
    let text = belco_text().replacen("name = \"Belco B.V.\"", &format!("name = \"{long}\""), 1);
    let e = check_fails("long.toml", text.as_bytes());
    assert!(e.contains(": statement.processor.name: "), "{e}");
    assert!(e.contains("65536"), "{e}");
}

/// 100,001 events exit 2 naming the list.
/// Source: README "Invariants and limits" (events in an events document:
/// 100,000).
#[test]
fn limit_events() {
    let belco = examples().join("belco.toml");
    let one = "[[events]]\nkind = \"audit-held\"\ndate = 2026-11-30\n";
    let events = Scratch::new(
        "many-events.toml",
        one.repeat(dpa_core::limits::MAX_EVENTS + 1).as_bytes(),
    );
    let o = dpa(&[
        "deadlines",
        belco.to_str().unwrap(),
        "--events",
        events.path(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(": events: more than the limit of 100000 events"),
        "{}",
        stderr(&o)
    );
}

/// Input nested 129 and 100,000 levels deep, in JSON and in TOML, exits 2,
/// never a stack overflow.
/// Source: README "Invariants and limits" (nesting: 32 levels, checked before
/// parsing).
#[test]
fn limit_nesting_depth() {
    for depth in [129, 100_000] {
        let json = format!(
            "{{\"dpa_format\": 1, \"x\": {}{}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        check_fails("deep.json", json.as_bytes());
        let toml = format!(
            "dpa_format = 1\nx = {}{}\n",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        check_fails("deep.toml", toml.as_bytes());
    }
}

/// A TOML document of more than 1,000,000 values exits 2 with a syntax
/// error at the first value past the limit, before it is parsed.
/// Source: README "Invariants and limits" (values in a TOML document:
/// 1,000,000).
#[test]
fn limit_toml_values() {
    let toml = format!("dpa_format = 1\nx = [{}]\n", vec!["0"; 999_999].join(","));
    let err = check_fails("many-values.toml", toml.as_bytes());
    assert!(
        err.contains(
            // `dpa_format`, `x` and 999,998 elements: the 999,999th is past it.
            ":2:2000002: not valid toml: more than the limit of 1000000 values (keys, table headers and array elements) in a TOML document"
        ),
        "{err}"
    );
}

/// Dates outside years 1 to 9999, as an argument, a result or in a file, exit 2
/// naming them.
/// Source: README "Invariants and limits" (dates, in documents, arguments and
/// results: years 1–9999).
#[test]
fn limit_years_1_to_9999() {
    let belco = examples().join("belco.toml");
    let belco = belco.to_str().unwrap();
    // The argument itself, and a result past 9999.
    for (from, said) in [
        ("0000-12-31", "0000-12-31"),
        ("10000-01-01", "10000-01-01"),
        ("9999-12-01", "9999"),
    ] {
        let o = dpa(&["deadline", "deletion", belco, "--from", from]);
        assert_eq!(o.status.code(), Some(2), "{from}: {}", stderr(&o));
        assert!(stderr(&o).contains(said), "{from}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"));
    }
    let text = belco_text().replacen("date = 2021-11-03", "date = 0000-11-03", 1);
    let e = check_fails("year0.toml", text.as_bytes());
    assert!(
        e.contains(
            "statement.history[1].date: 0000-11-03 is not a date: the year must be from 1 to 9999"
        ),
        "{e}"
    );
}

/// The last days of year 9999 are in the range: `check`, `transfers` and
/// `deadlines` as of 9999-12-31 succeed, deadlines due on 9999-12-30 and
/// 9999-12-31 are printed, and a result past the range exits 2 with
/// dpa-core's own message (no internal crate's error text).
/// Source: README "Invariants and limits" (dates, in documents, arguments and
/// results: years 1–9999); docs/rules.md rule 4 (a date deadline ends at 24:00
/// in the processor's time zone); Belco DPS 1.11 (3 months), DPS 1.14 (14
/// days), DPS 1.15 (office hours); GDPR art. 28(3) (Belco's coverage findings,
/// docs/rules.md "GDPR art. 28 coverage").
#[test]
fn limit_last_days_of_9999() {
    let belco = examples().join("belco.toml");
    let belco = belco.to_str().unwrap();
    let events = examples().join("../events/belco-2027.toml");
    let events = events.to_str().unwrap();
    for args in [
        vec!["check", belco, "--at", "9999-12-31"],
        vec!["transfers", belco, "--on", "9999-12-31"],
        vec!["deadlines", belco, "--events", events, "--at", "9999-12-31"],
        vec!["deadlines", belco, "--events", events, "--at", "9999-12-30"],
    ] {
        let o = dpa(&args);
        // `check` exits 1 on Belco for its GDPR art. 28 findings (no types
        // of personal data stated), not for the date: never 2.
        let want = if args[0] == "check" { 1 } else { 0 };
        assert_eq!(o.status.code(), Some(want), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
    }
    for (kind, from, due) in [
        ("deletion", "9999-09-30", "9999-12-30 "),
        ("audit-notice", "9999-12-17", "9999-12-31 "),
        ("termination-window", "9999-12-01", "9999-12-31 "),
        (
            "breach-notice",
            "9999-12-30T20:00:00Z",
            "9999-12-31T20:00:00Z ",
        ),
    ] {
        let o = dpa(&["deadline", kind, belco, "--from", from]);
        assert_eq!(o.status.code(), Some(0), "{kind}: {}", stderr(&o));
        assert!(stdout(&o).starts_with(due), "{kind}: {}", stdout(&o));
    }
    let o = dpa(&[
        "deadline",
        "deletion",
        belco,
        "--from",
        "9999-09-30",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["ends_at"], "9999-12-30T23:00:00Z", "{v}");
    for args in [
        vec!["deadline", "deletion", belco, "--from", "9999-10-01"],
        vec![
            "deadline",
            "breach-notice",
            belco,
            "--from",
            "9999-12-31T20:00:00Z",
        ],
        vec![
            "deadline",
            "service-response",
            belco,
            "--impact",
            "low",
            "--from",
            "9999-12-31T20:00:00Z",
        ],
        vec![
            "deadline",
            "service-response",
            belco,
            "--impact",
            "high",
            "--from",
            "9999-12-31T23:00:00-05:00",
        ],
    ] {
        let o = dpa(&args);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
        assert!(e.starts_with("dpa: error: ") && e.contains("9999"), "{e}");
        for internal in ["panicked", "parameter", "timestamp", "overflow"] {
            assert!(!e.contains(internal), "{args:?}: {e}");
        }
    }
}

/// Runs `dpa` with `args` under a virtual-memory limit of 512 MiB (`ulimit
/// -v`), with `stdin`, and kills it if it has not ended within a minute (a
/// guard against a hang, not a measure of speed).
fn bounded(args: &[&str], stdin: std::process::Stdio) -> std::process::Output {
    let mut child = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 524288 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_dpa"))
        .args(args)
        .stdin(stdin)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("dpa {args:?} did not end");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Asserts that `o` is the refusal of a stream past 16 MiB, naming `path`.
fn refused_at_16_mib(o: &std::process::Output, path: &str) {
    let e = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{path}: {e}");
    assert!(
        e.starts_with(&format!(
            "dpa: error: {path}: document is more than the limit of 16777216 bytes"
        )),
        "{e}"
    );
}

/// Files without a length (a device, a FIFO, standard input) are read up to
/// 16 MiB and refused past it: `/dev/zero`, a FIFO whose writer never stops
/// and more than 16 MiB on `/dev/stdin` exit 2 with the documented error, in
/// bounded memory and without hanging.
/// Source: README "Invariants and limits" (a document: 16 MiB, 16,777,216
/// bytes); `dpa_core::document::read_file` (a pipe or device is read up to
/// the limit).
#[test]
fn limit_document_size_without_a_file_length() {
    use std::io::Write;
    use std::process::Stdio;
    refused_at_16_mib(
        &bounded(&["check", "/dev/zero"], Stdio::null()),
        "/dev/zero",
    );

    // A FIFO with a writer that never stops (until the reader goes).
    let dir = std::env::temp_dir().join(format!("dpa-cli-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("endless.toml");
    let _ = std::fs::remove_file(&fifo);
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut w = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
            let block = [b' '; 65536];
            while w.write_all(&block).is_ok() {}
        })
    };
    let path = fifo.to_str().unwrap();
    refused_at_16_mib(&bounded(&["check", path], Stdio::null()), path);
    writer.join().unwrap();
    let _ = std::fs::remove_dir_all(&dir);

    // More than 16 MiB on standard input.
    let (reader, mut w) = std::io::pipe().unwrap();
    let feeder = std::thread::spawn(move || {
        let block = [b' '; 65536];
        for _ in 0..(17 * 16) {
            if w.write_all(&block).is_err() {
                break;
            }
        }
    });
    refused_at_16_mib(
        &bounded(&["check", "/dev/stdin"], reader.into()),
        "/dev/stdin",
    );
    feeder.join().unwrap();
}
