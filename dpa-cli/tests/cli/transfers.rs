//! `dpa transfers`: each sub-processor's transfers outside the EEA and their
//! bases.

use crate::helpers::{Scratch, belco_text, dpa, examples, stderr, stdout};

/// `dpa transfers` on Alles Online: nine sub-processors assessed, Mailgun's US
/// transfer covered; a US location without a basis exits 1.
/// Source: Alles Online DPS 8 and 9; GDPR art. 44-46; README "Exit codes"
/// (`dpa transfers`: 1 on an error finding about a transfer).
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

#[path = "../../../benches/src/worst.rs"]
#[allow(
    unreachable_pub,
    dead_code,
    reason = "the generators are public in dpa-benches, which shares the file; this test uses one"
)]
mod worst;

/// The worst accepted shape (`benches/src/worst.rs`) at a small scale: each
/// sub-processor processes in every country outside the EEA and claims
/// every transfer basis. What `dpa transfers` and `dpa check` print grows
/// with the input, not with countries x bases (it was over 1,000 times the
/// input for JSON, and billions of bytes at the limits).
/// Source: dpa_core::transfers module documentation, "Size"; BENCHMARKS.md
/// "Transfers at the limits".
#[test]
fn output_is_a_small_multiple_of_the_input() {
    use dpa_core::model::TransferBasis;
    use dpa_core::values::Country;
    let countries: Vec<&str> = Country::all()
        .filter(|c| !c.is_eea())
        .map(|c| c.as_str())
        .collect();
    let bases: Vec<&str> = TransferBasis::ALL.iter().map(|b| b.as_str()).collect();
    let seed = std::fs::read_to_string(examples().join("alles-online.toml")).unwrap();
    let text = worst::worst_transfers_toml(&seed, 20, &countries, &bases).unwrap();
    let file = Scratch::new("worst.toml", text.as_bytes());
    for (args, most) in [
        (&["transfers", "--format", "json"][..], 40),
        (&["transfers"][..], 15),
        (&["check", "--format", "json"][..], 8),
        (&["check"][..], 8),
    ] {
        let flag = if args[0] == "check" { "--at" } else { "--on" };
        let mut all = args.to_vec();
        all.extend([file.path(), flag, "2026-11-23"]);
        let o = dpa(&all);
        assert!(
            o.status.code() == Some(0) || o.status.code() == Some(1),
            "{}",
            stderr(&o)
        );
        assert!(
            o.stdout.len() <= most * text.len(),
            "{args:?}: {} bytes of output for {} of input",
            o.stdout.len(),
            text.len()
        );
    }
}

/// What `dpa transfers` and `dpa check` print, written as it is made (JSON one assessment
/// at a time, text as it is formatted, through a buffer many times smaller
/// than the output), is byte for byte the library's report: its
/// `to_json` and its text with the characters that steer a terminal
/// escaped.
/// Source: issue 17 point 1 (output not held whole); README "dpa transfers".
#[test]
fn streamed_output_is_the_reports() {
    use dpa_core::model::TransferBasis;
    use dpa_core::report::{Report, TransfersReport, terminal_safe};
    use dpa_core::values::Country;
    let countries: Vec<&str> = Country::all()
        .filter(|c| !c.is_eea())
        .map(|c| c.as_str())
        .collect();
    let bases: Vec<&str> = TransferBasis::ALL.iter().map(|b| b.as_str()).collect();
    let seed = std::fs::read_to_string(examples().join("alles-online.toml")).unwrap();
    let text = worst::worst_transfers_toml(&seed, 20, &countries, &bases).unwrap();
    let file = Scratch::new("worst-streamed.toml", text.as_bytes());
    let report = TransfersReport::new(
        &dpa_core::Agreement::from_toml(&text).unwrap(),
        time::macros::date!(2026 - 11 - 23),
    )
    .unwrap();
    let json = dpa(&[
        "transfers",
        file.path(),
        "--on",
        "2026-11-23",
        "--format",
        "json",
    ]);
    let expected = report.to_json().unwrap();
    assert!(expected.len() > 4 * 64 * 1024, "{}", expected.len());
    assert!(json.stdout == expected.as_bytes(), "{}", stderr(&json));
    let shown = dpa(&["transfers", file.path(), "--on", "2026-11-23"]);
    assert!(
        shown.stdout == terminal_safe(&report.to_string()).as_bytes(),
        "{}",
        stderr(&shown)
    );
    let code = if report.fails() { 1 } else { 0 };
    assert_eq!(json.status.code(), Some(code));
    assert_eq!(shown.status.code(), Some(code));
    // `dpa check` likewise.
    let check = dpa_core::report::CheckReport::new(
        &dpa_core::Agreement::from_toml(&text).unwrap(),
        time::macros::date!(2026 - 11 - 23),
    );
    let json = dpa(&[
        "check",
        file.path(),
        "--at",
        "2026-11-23",
        "--format",
        "json",
    ]);
    assert!(
        json.stdout == check.to_json().unwrap().as_bytes(),
        "{}",
        stderr(&json)
    );
    let shown = dpa(&["check", file.path(), "--at", "2026-11-23"]);
    let label = check.labelled(file.path()).to_string();
    assert!(
        shown.stdout == terminal_safe(&label).as_bytes(),
        "{}",
        stderr(&shown)
    );
}

/// Belco's agreement as JSON with SpeakUP (sub-processor 8) processing in
/// the US under an approved certification issued on 2025-03-01 and valid
/// until 2028-03-01.
fn certified_speakup() -> String {
    let o = dpa(&[
        "show",
        examples().join("belco.toml").to_str().unwrap(),
        "--format",
        "json",
    ]);
    let mut v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let sp = &mut v["statement"]["sub_processors"][8];
    assert_eq!(sp["name"], "SpeakUP");
    sp["locations"] = serde_json::json!(["US"]);
    sp["transfer_bases"] = serde_json::json!(["certification"]);
    sp["transfer_certification"] = serde_json::json!({
        "name": "Europrivacy",
        "criteria_approved_by": "European Data Protection Board",
        "issued_by": "a certification body",
        "issued_on": "2025-03-01",
        "valid_until": "2028-03-01",
        "importer_commitments": true,
        "source": ["DPS 1.9"]
    });
    v.to_string()
}

/// `dpa transfers` assesses an approved certification on the date: valid
/// on its last day (exit 0), lapsed the day after (exit 1, with the
/// reason); `dpa show` prints the certificate under its sub-processor.
/// Source: GDPR art. 42(7), 46(2)(f); README "Exit codes" (`dpa transfers`:
/// 1 on an error finding about a transfer).
#[test]
fn transfers_under_a_certification() {
    let f = Scratch::new("belco-certified.json", certified_speakup().as_bytes());
    let o = dpa(&["transfers", f.path(), "--on", "2028-03-01"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("SpeakUP: covered [US]"),
        "{}",
        stdout(&o)
    );
    let o = dpa(&["transfers", f.path(), "--on", "2028-03-02"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("is valid until 2028-03-01 only (GDPR art. 42(7))"),
        "{}",
        stdout(&o)
    );
    let o = dpa(&["show", f.path()]);
    assert!(
        stdout(&o).contains(
            "\n    certification: Europrivacy; criteria approved by: European Data Protection Board; issued by a certification body on 2025-03-01; valid until 2028-03-01; importer's binding commitments: yes — DPS 1.9\n"
        ),
        "{}",
        stdout(&o)
    );
}

/// A sub-processor list kept by reference ("see our website"): `dpa
/// transfers` and `dpa check` say that transfers cannot be checked (a
/// warning: exit 0 from transfers), and `dpa show` prints the address.
/// Source: issue 15 point 5; GDPR art. 28(2), 44-46.
#[test]
fn sub_processors_by_reference() {
    let text = format!(
        "{}\n[statement.sub_processors_by_reference]\naddress = \"https://www.belco.nl/subverwerkers\"\nsource = [\"DPS 1.9\"]\n",
        belco_text()
    );
    let f = Scratch::new("belco-by-reference.toml", text.as_bytes());
    let o = dpa(&["transfers", f.path(), "--on", "2026-11-23"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("Transfers outside the EEA as of 2026-11-23:\n  warning[sub-processors-by-reference]: the statement lists 14 sub-processor(s) and keeps its complete list by reference (https://www.belco.nl/subverwerkers): transfers of sub-processors named only there cannot be checked (DPS 1.9; GDPR art. 28(2), 44-46)\n"),
        "{out}"
    );
    let o = dpa(&["check", f.path(), "--at", "2026-11-23", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "sub-processors-by-reference"
                && f["path"] == "statement.sub_processors_by_reference")
    );
    let o = dpa(&["show", f.path()]);
    assert!(stdout(&o).contains(
        "  kept by reference: https://www.belco.nl/subverwerkers — DPS 1.9 (transfers of sub-processors named only there cannot be checked)\n"
    ));
}
