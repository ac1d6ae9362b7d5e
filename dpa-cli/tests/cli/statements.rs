//! The two example statements written in the template's structure
//! (`examples/statements/`, encoded in `examples/agreements/`): a Dutch one
//! on the NLdigital 2025 edition and an English one on the Nederland ICT 2018
//! edition. Each value's provenance and each deadline, through the command.

use crate::helpers::{dpa, examples, stderr, stdout};

fn example(name: &str) -> String {
    examples().join(name).to_str().unwrap().to_owned()
}

/// `dpa deadline KIND FILE --from FROM --format json`, parsed.
fn deadline(file: &str, kind: &str, from: &str) -> serde_json::Value {
    let o = dpa(&["deadline", kind, file, "--from", from, "--format", "json"]);
    assert!(o.status.success(), "{kind}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

/// The finding codes `dpa check` reports, in order.
fn codes(file: &str) -> Vec<String> {
    let o = dpa(&["check", file, "--at", "2026-12-05", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The Dutch example: deletion "uiterlijk binnen zes weken" (42 calendar
/// days), backups overwritten "in een cyclus van 30 dagen", a breach notice
/// "uiterlijk binnen 2 dagen" (48 hours from the discovery), and the audit
/// and the change window taken from the standard clauses because the
/// statement is silent.
/// Source: examples/statements/voorbeeld-webdiensten.txt, DPS 12 and 17;
/// NLdigital standard clauses of March 2025, clauses 2.2 and 7.5 (the text is
/// in the Alles Online seed); docs/rules.md rules 1-3.
#[test]
fn dutch_example_terms_and_their_provenance() {
    let f = example("voorbeeld-webdiensten.toml");
    let d = deadline(&f, "deletion", "2026-12-31");
    assert_eq!(d["due"], "2027-02-11"); // 31 December + 42 days
    assert!(d.get("provenance").is_none(), "stated is not written: {d}");
    let d = deadline(&f, "backup-deletion", "2026-12-31");
    assert_eq!(d["due"], "2027-03-13"); // the deletion date + 30 days
    let d = deadline(&f, "breach-notice", "2026-12-30T22:00:00+01:00");
    assert_eq!(d["due"], "2027-01-01T21:00:00Z"); // 48 hours
    let d = deadline(&f, "termination-window", "2026-04-15");
    assert_eq!(d["due"], "2026-05-15"); // clause 2.2: 30 days
    assert_eq!(d["provenance"], "standard");
    let d = deadline(&f, "next-audit", "2026-02-28");
    assert_eq!(d["due"], "2027-02-28"); // clause 7.5: once a year
    assert_eq!(d["provenance"], "standard");
    // The text says where a value came from.
    let o = dpa(&["deadline", "termination-window", &f, "--from", "2026-04-15"]);
    let text = stdout(&o);
    assert!(
        text.starts_with("2026-05-15 clause 2.2 (from the standard clauses)"),
        "{text}"
    );
    // The sub-processor list is kept on a website: transfers cannot be checked.
    assert!(codes(&f).contains(&"sub-processors-by-reference".to_owned()));
}

/// The Dutch example's dates as the statement writes them: the effective
/// date a month ("maart 2026"), earlier versions years ("2025", "2023").
/// Source: examples/statements/voorbeeld-webdiensten.txt, DPS 2; issue 15
/// point 3; docs/rules.md rule 8.
#[test]
fn dutch_example_dates_of_month_and_year() {
    let o = dpa(&["show", &example("voorbeeld-webdiensten.toml")]);
    let text = stdout(&o);
    assert!(
        text.contains("Data Pro Statement 2.1 (effective 2026-03, a month: 2026-03-01 to 2026-03-31), 3 version(s) in history"),
        "{text}"
    );
    assert!(
        text.contains("version 1.0 of 2023, a year: 2023-01-01 to 2023-12-31"),
        "{text}"
    );
}

/// The English example: deletion "at the latest within 30 days", backups not
/// mentioned (no backup deadline, never the main term instead), a breach
/// notice within 24 hours, an audit "at most once per calendar year" with
/// "at least two weeks" notice, and a change window the file's author
/// assumed, with the reason, in every output. The 2018 edition's text is not
/// on file: its coverage is unknown and the assumption cites no clause of it.
/// Source: examples/statements/example-hosting-en.txt, DPS 1.10, 1.14, 1.15,
/// 1.16; issue 15 points 2 and 4; docs/rules.md "Editions and clause numbers".
#[test]
fn english_example_terms_and_their_provenance() {
    let f = example("example-hosting-en.toml");
    let d = deadline(&f, "deletion", "2027-01-31");
    assert_eq!(d["due"], "2027-03-02"); // 31 January + 30 days
    let d = deadline(&f, "backup-deletion", "2027-01-31");
    assert!(d["due"].is_null(), "{d}");
    assert_eq!(d["provenance"], "not-stated");
    let d = deadline(&f, "breach-notice", "2027-03-28T01:30:00+01:00");
    assert_eq!(d["due"], "2027-03-29T00:30:00Z"); // 24 hours, across the DST change
    let d = deadline(&f, "audit-notice", "2027-03-01");
    assert_eq!(d["due"], "2027-03-15"); // two weeks
    let d = deadline(&f, "next-audit", "2027-03-01");
    assert_eq!(d["due"], "2028-01-01"); // once per calendar year
    let d = deadline(&f, "termination-window", "2027-05-10");
    assert_eq!(d["due"], "2027-06-09");
    assert_eq!(d["provenance"], "assumed");
    assert!(
        d["provenance_reason"]
            .as_str()
            .unwrap()
            .starts_with("DPS 1.16 sets no window"),
        "{d}"
    );
    let o = dpa(&["check", &f, "--at", "2026-12-05"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let assumed = text
        .lines()
        .find(|l| l.contains("info[value-assumed]"))
        .unwrap();
    assert!(
        assumed.ends_with("the later editions give 30 days (DPS 1.16)"),
        "{assumed}"
    );
    assert_eq!(
        codes(&f),
        [
            "value-assumed",
            "dpf-certification-unconfirmed",
            "transfer-covered",
            "transfer-covered",
            "edition-text-not-on-file",
        ]
    );
}
