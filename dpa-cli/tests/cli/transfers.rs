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
