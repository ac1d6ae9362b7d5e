//! The `dpa` command as a user runs it: outputs, exit codes and error messages.
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on a broken fixture"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/agreements")
}

fn dpa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dpa"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A scratch file with `contents`, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, contents: &[u8]) -> Scratch {
        let dir = std::env::temp_dir().join(format!("dpa-cli-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, contents).unwrap();
        Scratch(p)
    }
    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn belco_text() -> String {
    std::fs::read_to_string(examples().join("belco.toml")).unwrap()
}

#[test]
fn show_json_lists_fourteen_sub_processors() {
    let o = dpa(&[
        "show",
        examples().join("belco.toml").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        v["statement"]["sub_processors"].as_array().unwrap().len(),
        14
    );
    assert_eq!(v["terms"]["deletion"]["months"], 3);
}

#[test]
fn show_json_reads_back() {
    let o = dpa(&[
        "show",
        examples().join("alles-online.toml").to_str().unwrap(),
        "--format",
        "json",
    ]);
    let f = Scratch::new("alles.json", &o.stdout);
    let again = dpa(&["show", f.path(), "--format", "json"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(again.stdout, o.stdout);
}

#[test]
fn show_text_summary() {
    let o = dpa(&["show", examples().join("belco.toml").to_str().unwrap()]);
    assert!(o.status.success());
    let s = stdout(&o);
    assert!(s.starts_with("Belco B.V.\n"), "{s}");
    assert!(s.contains("Sub-processors (14):"));
    assert!(s.contains("deletion: 3 months after termination"));
    assert!(s.contains("breach notice to client: within 24 hours"));
}

#[test]
fn check_json_shape_and_exit_code() {
    for name in ["alles-online.toml", "belco.toml"] {
        let o = dpa(&[
            "check",
            examples().join(name).to_str().unwrap(),
            "--at",
            "2026-11-23",
            "--format",
            "json",
        ]);
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        let findings = v["findings"].as_array().unwrap();
        let errors = findings.iter().filter(|f| f["severity"] == "error").count();
        assert_eq!(
            o.status.code(),
            Some(if errors > 0 { 1 } else { 0 }),
            "{name}"
        );
        for f in findings {
            for key in ["code", "severity", "message", "citation"] {
                assert!(f[key].is_string(), "{name}: {f}");
            }
        }
    }
}

#[test]
fn check_exits_1_on_error_findings() {
    // A US processing location without a transfer basis.
    let text = belco_text().replacen(
        "seat = \"NL\"                           # \"Nederland\"\nlocations = [\"EU\"]",
        "seat = \"NL\"\nlocations = [\"US\"]",
        1,
    );
    let f = Scratch::new("belco-us.toml", text.as_bytes());
    let o = dpa(&["check", f.path(), "--at", "2026-11-23", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"transfer-without-basis"), "{codes:?}");
    assert!(codes.contains(&"undeclared-transfer"), "{codes:?}");
    // Text output says it too.
    let o = dpa(&["check", f.path(), "--at", "2026-11-23"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("error[transfer-without-basis]: sub-processor `SpeakUP`"));
}

#[test]
fn schema_prints_json_schema() {
    let o = dpa(&["schema"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["title"], "Agreement");
    assert!(jsonschema::meta::is_valid(&v));
}

/// Runs `dpa check` on `contents` and returns stderr, asserting exit code 2.
fn check_fails(name: &str, contents: &[u8]) -> String {
    let f = Scratch::new(name, contents);
    let o = dpa(&["check", f.path()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{name}: {err}");
    assert!(o.stdout.is_empty());
    assert!(err.starts_with("dpa: error: "), "{err}");
    assert!(err.contains(f.path()), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

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
        e.contains("not valid UTF-8 (first invalid byte at offset 20)"),
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
    assert!(e.contains("expected a JSON object"), "{e}");
    let e = check_fails(
        "nested2.json",
        format!("{}1{}", "{\"a\":".repeat(5000), "}".repeat(5000)).as_bytes(),
    );
    assert!(e.contains("unknown field `a`"), "{e}");
}

#[test]
fn oversized_file_is_refused_before_parsing() {
    let big = vec![b'#'; dpa_core::limits::MAX_DOCUMENT_BYTES + 1];
    let e = check_fails("big.toml", &big);
    assert!(e.contains("more than the limit of 16777216 bytes"), "{e}");
}

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

#[test]
fn deadline_command_text_and_json() {
    let belco = examples().join("belco.toml");
    let belco = belco.to_str().unwrap();
    let alles = examples().join("alles-online.toml");
    let alles = alles.to_str().unwrap();
    let first_line = |args: &[&str]| {
        let o = dpa(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        stdout(&o).lines().next().unwrap().to_owned()
    };
    assert_eq!(
        first_line(&["deadline", "deletion", belco, "--from", "2026-11-30"]),
        "2027-02-28 DPS 1.11, clause 2.6.3"
    );
    assert_eq!(
        first_line(&["deadline", "deletion", belco, "--from", "2027-11-30"]),
        "2028-02-29 DPS 1.11, clause 2.6.3"
    );
    assert_eq!(
        first_line(&[
            "deadline",
            "breach-notice",
            belco,
            "--from",
            "2026-03-28T10:30:00+01:00"
        ]),
        "2026-03-29T09:30:00Z DPS 1.13, clause 2.4.1, clause 2.4.2; GDPR art. 33(2)"
    );
    assert!(
        first_line(&[
            "deadline",
            "breach-notice",
            alles,
            "--from",
            "2026-03-28T10:30:00+01:00"
        ])
        .starts_with("none DPS 17")
    );
    assert!(
        first_line(&["deadline", "next-audit", belco, "--from", "2026-05-04"])
            .starts_with("2027-05-04 ")
    );
    assert!(
        first_line(&["deadline", "audit-notice", belco, "--from", "2027-04-25"])
            .starts_with("2027-05-09 ")
    );
    assert!(
        first_line(&[
            "deadline",
            "termination-window",
            belco,
            "--from",
            "2022-01-04"
        ])
        .starts_with("2022-02-03 clause 2.2.2")
    );
    let o = dpa(&[
        "deadline",
        "deletion",
        belco,
        "--from",
        "2026-11-30",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["due"], "2027-02-28");
    assert_eq!(v["citation"], "DPS 1.11, clause 2.6.3");
}

#[test]
fn deadline_command_rejects_bad_triggers() {
    let belco = examples().join("belco.toml");
    let belco = belco.to_str().unwrap();
    for (kind, from, want) in [
        ("breach-notice", "2026-03-28T10:30:00", "no UTC offset"),
        ("breach-notice", "2026-03-28", "not an instant"),
        ("deletion", "2026-02-30", "2026-02-30"),
        ("deletion", "9999-11-30", "out of range"),
    ] {
        let o = dpa(&["deadline", kind, belco, "--from", from]);
        assert_eq!(o.status.code(), Some(2), "{kind} {from}");
        assert!(stderr(&o).contains(want), "{kind} {from}: {}", stderr(&o));
    }
    let o = dpa(&[
        "deadline",
        "service-response",
        belco,
        "--from",
        "2026-03-28T10:30:00+01:00",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--impact"));
    let o = dpa(&[
        "deadline",
        "service-response",
        belco,
        "--from",
        "2026-03-28T10:30:00+01:00",
        "--impact",
        "low",
    ]);
    assert!(
        stdout(&o).starts_with("2026-03-30T07:00:00Z DPS 1.15"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn holidays_command() {
    let o = dpa(&["holidays", "2026"]);
    assert!(o.status.success());
    let out = stdout(&o);
    let dates: Vec<&str> = out.lines().map(|l| &l[..10]).collect();
    assert_eq!(
        dates,
        [
            "2026-01-01",
            "2026-01-02",
            "2026-04-03",
            "2026-04-06",
            "2026-04-27",
            "2026-05-05",
            "2026-05-14",
            "2026-05-15",
            "2026-05-25",
            "2026-12-25",
            "2026-12-26"
        ]
    );
    assert!(out.contains("2026-04-27 King's Day (Koningsdag)"), "{out}");
    let o = dpa(&["holidays", "2026", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 11);
    let o = dpa(&["holidays", "99999"]);
    assert_eq!(o.status.code(), Some(2));
}

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

#[test]
fn diff_command() {
    let old = examples().join("belco-1.2.2.toml");
    let new = examples().join("belco.toml");
    let o = dpa(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--notified",
        "2022-01-04",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let kinds: Vec<&str> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "text-changed",
            "security-warranty-changed",
            "deviation-changed",
            "audit-term-changed"
        ]
    );
    assert_eq!(v["termination_window"]["due"], "2022-02-03");
    assert!(v["objection"].is_null());
    let o = dpa(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(stdout(&o).starts_with("4 change(s) from version 1.2.2 to 1.3 (1 significant)"));
    // Without --notified, the new statement's effective date is taken.
    assert!(stdout(&o).contains("Notified 2022-01-04: the client may terminate until 2022-02-03"));
}

#[test]
fn transfers_command() {
    let alles = examples().join("alles-online.toml");
    let o = dpa(&[
        "transfers",
        alles.to_str().unwrap(),
        "--on",
        "2026-11-23",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let a = v["assessments"].as_array().unwrap();
    assert_eq!(a.len(), 9);
    let mailgun = a.iter().find(|t| t["name"] == "Mailgun").unwrap();
    assert_eq!(mailgun["verdict"]["kind"], "covered");
    assert_eq!(mailgun["outside_eea"], serde_json::json!(["US"]));
    // A US location without any basis: exit 1.
    let text = belco_text().replacen(
        "seat = \"NL\"                           # \"Nederland\"\nlocations = [\"EU\"]",
        "seat = \"NL\"\nlocations = [\"US\"]",
        1,
    );
    let f = Scratch::new("belco-us-transfers.toml", text.as_bytes());
    let o = dpa(&["transfers", f.path(), "--on", "2026-11-23"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("SpeakUP: no-basis-claimed [US]"),
        "{}",
        stdout(&o)
    );
}

// ---------------------------------------------------------------------------
// Limits (dpa_core::limits; README "Invariants and limits"), as a user hits
// them: one past each limit exits 2 naming the file and the field.

/// Belco as a JSON value, to grow past a limit.
fn belco_json() -> serde_json::Value {
    let a = dpa_core::Agreement::from_toml(&belco_text()).unwrap();
    serde_json::from_str(&a.to_json().unwrap()).unwrap()
}

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

#[test]
fn limit_string_length() {
    let long = "x".repeat(dpa_core::limits::MAX_STRING_CHARS + 1);
    let text = belco_text().replacen("name = \"Belco B.V.\"", &format!("name = \"{long}\""), 1);
    let e = check_fails("long.toml", text.as_bytes());
    assert!(e.contains(": statement.processor.name: "), "{e}");
    assert!(e.contains("65536"), "{e}");
}

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
            "statement.history[1].date: 0000-11-03 is not a date: the year must be in 1..=9999"
        ),
        "{e}"
    );
}

// ---------------------------------------------------------------------------
// Coverage (dpa_core::completeness): which clauses cover each item GDPR
// art. 28 requires, after the agreement's deviations.

/// `dpa coverage FILE --format json`, decoded: (id, clauses, covered) per item.
fn coverage_rows(o: &Output) -> Vec<(String, Vec<String>, bool)> {
    let v: serde_json::Value = serde_json::from_str(&stdout(o)).unwrap();
    v["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let clauses = r["clauses"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().to_owned())
                .collect();
            (
                r["id"].as_str().unwrap().to_owned(),
                clauses,
                r["covered"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn expected_rows(rows: &[(&str, &[&str])]) -> Vec<(String, Vec<String>, bool)> {
    rows.iter()
        .map(|(id, clauses)| {
            (
                (*id).to_owned(),
                clauses.iter().map(|c| (*c).to_owned()).collect(),
                !clauses.is_empty(),
            )
        })
        .collect()
}

/// Belco with a `removed` deviation for `clause`, as a scratch TOML file.
fn belco_without(clause: &str, name: &str) -> Scratch {
    let t = belco_text();
    let i = t.find("\n[terms.duration]").unwrap();
    let dev = format!(
        "\n[[clauses.deviations]]\nclause = \"{clause}\"\nkind = \"removed\"\nsummary = \"left out\"\n"
    );
    Scratch::new(name, format!("{}{dev}{}", &t[..i], &t[i..]).as_bytes())
}

#[test]
fn coverage_json_of_belco() {
    let belco = examples().join("belco.toml");
    let o = dpa(&["coverage", belco.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        coverage_rows(&o),
        expected_rows(&[
            ("28-2", &["clause 2.8.2", "clause 2.8.3"]),
            ("28-3-a", &["clause 2.2.3"]),
            ("28-3-b", &["clause 2.5.1"]),
            ("28-3-c", &["clause 2.3.1"]),
            ("28-3-d", &["clause 2.8.2", "clause 2.8.3"]),
            ("28-3-e", &["clause 2.7.1"]),
            (
                "28-3-f",
                &[
                    "clause 2.3.1",
                    "clause 2.4.1",
                    "clause 2.4.2",
                    "clause 2.7.2"
                ]
            ),
            ("28-3-g", &["clause 2.6.3"]),
            ("28-3-h", &["clause 2.7.3", "clause 2.7.4"]),
            ("28-4", &["clause 2.8.3"]),
        ])
    );
    // Pretty-printed like the other JSON outputs, keys in this order, with a
    // final newline.
    let out = stdout(&o);
    assert!(out.starts_with("{\n  \"coverage\": [\n    {\n      \"id\": \"28-2\",\n      \"article\": \"GDPR art. 28(2)\",\n      \"name\": \"authorisation of sub-processors\",\n      \"clauses\": [\n        \"clause 2.8.2\",\n"), "{out}");
    assert!(
        out.ends_with("      \"covered\": true\n    }\n  ]\n}\n"),
        "{out}"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["coverage"][2]["article"], "GDPR art. 28(3)(b)");
    assert_eq!(
        v["coverage"][2]["name"],
        "confidentiality of the persons processing"
    );
    assert_eq!(v.as_object().unwrap().len(), 1);
    // The same text as the library's own serialisation (which libdpa prints).
    let core = dpa_core::Agreement::from_toml(&belco_text()).unwrap();
    let report = dpa_core::completeness::CoverageReport::new(&core);
    assert_eq!(out, serde_json::to_string_pretty(&report).unwrap() + "\n");
}

#[test]
fn coverage_json_of_alles_online() {
    let alles = examples().join("alles-online.toml");
    let o = dpa(&["coverage", alles.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        coverage_rows(&o),
        expected_rows(&[
            ("28-2", &["clause 8.2", "clause 8.3"]),
            ("28-3-a", &["clause 2.3"]),
            ("28-3-b", &["clause 5.1"]),
            ("28-3-c", &["clause 3.1"]),
            ("28-3-d", &["clause 8.2", "clause 8.3"]),
            ("28-3-e", &["clause 7.1", "clause 7.3"]),
            (
                "28-3-f",
                &["clause 3.1", "clause 4.1", "clause 4.3", "clause 7.2"]
            ),
            ("28-3-g", &["clause 6.3"]),
            ("28-3-h", &["clause 7.4", "clause 7.5"]),
            ("28-4", &["clause 8.3"]),
        ])
    );
    // The same answer from the agreement in the JSON format.
    let json = dpa(&["show", alles.to_str().unwrap(), "--format", "json"]);
    let f = Scratch::new("alles-coverage.json", &json.stdout);
    let again = dpa(&["coverage", f.path(), "--format", "json"]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(again.stdout, o.stdout);
}

#[test]
fn coverage_text_one_line_per_item() {
    let belco = examples().join("belco.toml");
    let o = dpa(&["coverage", belco.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 10, "{out}");
    assert!(lines[0].starts_with("GDPR art. 28(2) "), "{out}");
    assert!(
        lines[0].contains("authorisation of sub-processors"),
        "{out}"
    );
    assert!(lines[0].ends_with("clause 2.8.2, clause 2.8.3"), "{out}");
    assert!(lines[2].starts_with("GDPR art. 28(3)(b) "), "{out}");
    assert!(
        lines[2].contains("confidentiality of the persons processing"),
        "{out}"
    );
    assert!(lines[2].ends_with("clause 2.5.1"), "{out}");
    assert!(lines[9].starts_with("GDPR art. 28(4) "), "{out}");
    assert!(!out.contains("NOT COVERED"), "{out}");
    assert!(out.ends_with('\n'));
}

#[test]
fn coverage_of_a_removed_clause_exits_1() {
    // Without its confidentiality clause 2.5.1, Belco leaves art. 28(3)(b)
    // uncovered; every other item stays covered.
    let f = belco_without("clause 2.5.1", "belco-no-2.5.1.toml");
    let o = dpa(&["coverage", f.path(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let rows = coverage_rows(&o);
    assert_eq!(rows.len(), 10);
    assert_eq!(rows[2], ("28-3-b".to_owned(), Vec::new(), false));
    assert!(rows.iter().filter(|r| r.0 != "28-3-b").all(|r| r.2));
    assert!(stdout(&o).contains("      \"clauses\": [],\n      \"covered\": false\n"));

    let o = dpa(&["coverage", f.path()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    let uncovered: Vec<&str> = out.lines().filter(|l| l.contains("NOT COVERED")).collect();
    assert_eq!(uncovered.len(), 1, "{out}");
    assert!(uncovered[0].starts_with("GDPR art. 28(3)(b) "), "{out}");
    assert!(
        uncovered[0].contains("confidentiality of the persons processing"),
        "{out}"
    );
    assert!(uncovered[0].ends_with("NOT COVERED"), "{out}");
    // `dpa check` reports the same item as an error finding.
    let c = dpa(&["check", f.path(), "--at", "2026-11-23", "--format", "json"]);
    assert_eq!(c.status.code(), Some(1));
    assert!(stdout(&c).contains("\"code\": \"art28-item-uncovered\""));

    // Removing one of the two audit clauses keeps art. 28(3)(h) covered.
    let f = belco_without("clause 2.7.4", "belco-no-2.7.4.toml");
    let o = dpa(&["coverage", f.path(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        coverage_rows(&o)[8],
        ("28-3-h".to_owned(), vec!["clause 2.7.3".to_owned()], true)
    );
}

#[test]
fn coverage_of_unreadable_input_exits_2() {
    let o = dpa(&["coverage", "/nonexistent/agreement.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).starts_with("dpa: error: /nonexistent/agreement.toml: cannot read"),
        "{}",
        stderr(&o)
    );
    let f = Scratch::new(
        "coverage-invalid.toml",
        b"dpa_format = 1\n[rules]\nmonth_rul = 'clamp'\n",
    );
    let o = dpa(&["coverage", f.path(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("rules.month_rul"), "{}", stderr(&o));
    let o = dpa(&["coverage", f.path(), "--format", "yaml"]);
    assert_eq!(o.status.code(), Some(2));
}
