//! `dpa deadline`: one deadline, as text and JSON, and the triggers it refuses.

use crate::helpers::{dpa, examples, stderr, stdout};

/// `dpa deadline` prints the due date or instant and the citation first, for
/// the seeds' worked examples of each kind, and the same deadline as JSON.
/// Source: Belco DPS 1.11 / clause 2.6.3 (3 months), DPS 1.13 / clause 2.4.1
/// (24 hours), clause 2.7.4 (once a year), DPS 1.14 (14 days) and clause 2.2.2
/// (30 days); Alles Online DPS 17 (no fixed term); docs/rules.md rules 1-3;
/// README "The `dpa` command" (the text output starts with the due date).
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

/// `dpa deadline` refuses an instant without an offset, a date where an instant
/// is needed, an impossible date and a result past 9999; `service-response`
/// needs `--impact`, and low impact on a Saturday is due by the end of the
/// next office hours (Monday 17:00 Amsterdam time).
/// Source: docs/rules.md rule 2 (an instant without a UTC offset is refused);
/// README "Invariants and limits" (real dates, years 1–9999); README "The `dpa`
/// command" (`service-response` needs `--impact`); Belco DPS 1.15 ("binnen de
/// eerstvolgende kantooruren").
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
        stdout(&o).starts_with("2026-03-30T15:00:00Z DPS 1.15"),
        "{}",
        stdout(&o)
    );
}

/// Terms as statements write them: a deletion term in days and a breach
/// notice in days reach `dpa deadline` (text and JSON) and `dpa show`, and
/// both keys for one term exit 2 naming the field.
/// Source: issue 15 (a published statement's "binnen 30 dagen"; a breach
/// notice in hours or days); docs/rules.md rules 2 and 3.
#[test]
fn terms_in_days_reach_the_command() {
    use crate::helpers::{Scratch, belco_text, check_fails};
    let text = belco_text()
        .replacen("months = 3\n", "within = \"30 days\"\n", 1)
        .replacen(
            "notice = { kind = \"within-hours\", hours = 24 }",
            "notice = { kind = \"within\", term = \"2 days\" }",
            1,
        );
    let f = Scratch::new("days.toml", text.as_bytes());
    let o = dpa(&["deadline", "deletion", f.path(), "--from", "2026-01-31"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("2026-03-02 DPS 1.11, clause 2.6.3"),
        "{}",
        stdout(&o)
    );
    let o = dpa(&[
        "deadline",
        "breach-notice",
        f.path(),
        "--from",
        "2026-03-28T10:30:00+01:00",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["due"], "2026-03-30T09:30:00Z", "{v}");
    let o = dpa(&["show", f.path()]);
    let shown = stdout(&o);
    assert!(
        shown.contains("deletion: 30 days after termination"),
        "{shown}"
    );
    assert!(shown.contains("within 2 days"), "{shown}");
    let both = belco_text().replacen("months = 3\n", "months = 3\nwithin = \"3 months\"\n", 1);
    let e = check_fails("both.toml", both.as_bytes());
    assert!(
        e.contains("terms.deletion.within: `months` and `within` both give this term"),
        "{e}"
    );
}
