//! `dpa diff`: the changes between two versions and the rights they open.

use crate::helpers::{dpa, examples, stderr, stdout};

/// `dpa diff` from Belco 1.2.2 to 1.3: four changes, none significant (all in
/// the client's favour or editorial), so no termination window; backwards two
/// are significant and the window runs 30 days from 1.2.2's effective date,
/// the default notice date.
/// Source: Belco's version history for 1.3 and clause 2.2.2 ("significante
/// aanpassingen", "binnen 30 dagen na kennisgeving"); README "The `dpa`
/// command" (`--notified` defaults to the new statement's effective date).
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
    // Every change is favourable or editorial: no window (clause 2.2.2).
    assert!(v["termination_window"].is_null());
    assert!(v["objection"].is_null());
    let o = dpa(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(stdout(&o).starts_with("4 change(s) from version 1.2.2 to 1.3 (0 significant)"));
    assert!(!stdout(&o).contains("may terminate"));
    // Backwards the warranty is weakened and an audit precondition added:
    // significant. Without --notified, the new statement's effective date
    // (1.2.2's, 3 November 2021) is taken.
    let o = dpa(&["diff", new.to_str().unwrap(), old.to_str().unwrap()]);
    assert!(stdout(&o).starts_with("4 change(s) from version 1.3 to 1.2.2 (2 significant)"));
    assert!(stdout(&o).contains("Notified 2021-11-03: the client may terminate until 2021-12-03"));
}
