//! `dpa holidays`: the Dutch public holidays under the Algemene termijnenwet.

use crate::helpers::{dpa, stdout};

/// `dpa holidays 2026` lists the eleven Atw days of 2026 with their names; a
/// year past 9999 exits 2.
/// Source: Atw art. 3(1) and 3(2), and art. 3(3) with Stcrt. 2025, 24713
/// (2 January and 15 May 2026); README "Invariants and limits" (years 1–9999).
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
