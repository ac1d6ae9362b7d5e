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

/// A statement dated "januari 2022" (a month) names no day to take as the
/// notice date: `dpa diff` without `--notified` says so and exits 2; with
/// it, the diff runs. `dpa show` and `dpa check` print the month and what it
/// can mean.
/// Source: issue 15 point 3; docs/rules.md rule 8; clause 2.2.2 (the
/// window runs from the notice).
#[test]
fn month_effective_date() {
    let text = crate::helpers::belco_text()
        .replacen(
            "effective_date = 2022-01-04",
            "effective_date = \"2022-01\"",
            1,
        )
        .replacen("\ndate = 2022-01-04", "\ndate = \"2022-01\"", 1);
    let new = crate::helpers::Scratch::new("belco-month.toml", text.as_bytes());
    let old = examples().join("belco-1.2.2.toml");
    let o = dpa(&["diff", old.to_str().unwrap(), new.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert_eq!(
        stderr(&o),
        "dpa: error: notified: the new statement takes effect in 2022-01 (a month: some day from 2022-01-01 to 2022-01-31), not on a day, so the date the change was notified cannot be taken from it; give that date with --notified DATE\n"
    );
    let o = dpa(&[
        "diff",
        old.to_str().unwrap(),
        new.path(),
        "--notified",
        "2022-01-10",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("4 change(s) from version 1.2.2 to 1.3 (0 significant)"));

    let o = dpa(&["show", new.path()]);
    assert!(stdout(&o).contains(
        "Data Pro Statement 1.3 (effective 2022-01, a month: 2022-01-01 to 2022-01-31), 3 version(s) in history\n"
    ));
    let o = dpa(&[
        "check",
        new.path(),
        "--at",
        "2022-01-15",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"] == "statement.effective_date")
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["effective-date-uncertain"]);
}
