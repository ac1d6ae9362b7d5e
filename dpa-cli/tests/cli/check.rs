//! `dpa check`: the findings as JSON and text, and the exit code they give.

use crate::helpers::{Scratch, belco_text, dpa, examples, stdout};

/// `dpa check --format json` prints findings with a code, severity, message and
/// citation, and exits 1 exactly when one is an error.
/// Source: README "Exit codes" (0 or 1) and README "The `dpa` command" (the
/// JSON `dpa check` prints).
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

/// A US processing location without a transfer basis exits 1, in JSON and in
/// text.
/// Source: GDPR art. 44-46; README "Findings catalogue"
/// (`transfer-without-basis`, an error; `undeclared-transfer`) and "Exit
/// codes".
#[test]
fn check_exits_1_on_error_findings() {
    // A US processing location without a transfer basis, in a statement
    // that says processing stays in the EEA.
    let text = belco_text()
        .replacen(
            "seat = \"NL\"                           # \"Nederland\"\nlocations = [\"EU\"]",
            "seat = \"NL\"\nlocations = [\"US\"]",
            1,
        )
        .replacen(
            "transfers_outside_eea = true",
            "transfers_outside_eea = false",
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
