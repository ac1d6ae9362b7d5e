//! `dpa diff`: the changes between two versions and the rights they open.

use crate::helpers::{dpa, examples, stderr, stdout};

/// `dpa diff` from Belco 1.2.2 to 1.3: four changes, one significant, and the
/// termination window until 3 February 2022, notified on 1.3's effective date
/// by default.
/// Source: Belco's version history for 1.3 and clause 2.2.2 ("binnen 30 dagen
/// na kennisgeving"); README "The `dpa` command" (`--notified` defaults to the
/// new statement's effective date).
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
