//! Where each value came from (issue 15 point 2), through the command:
//! `dpa deadline` in text and JSON, `dpa check`, and the errors.

use crate::helpers::{Scratch, belco_text, dpa, stderr, stdout};

/// Belco's file with `from` (which must occur once) replaced by `to`.
fn belco_with(from: &str, to: &str) -> String {
    let t = belco_text();
    assert_eq!(t.matches(from).count(), 1, "`{from}` must occur once");
    t.replacen(from, to, 1)
}

const REASON: &str = "the statement names no notice; 14 days as agreed by e-mail";

/// An assumed audit notice shows in the text and the JSON of `dpa deadline`;
/// backups the statement does not mention give no backup deadline.
/// Source: issue 15 point 2; Belco DPS 1.14 and clause 2.7.4 (the audit
/// notice, here marked assumed); Belco DPS 1.11 (backups not mentioned).
#[test]
fn assumed_audit_notice_and_unstated_backups_through_the_command() {
    let f = Scratch::new(
        "provenance-assumed.toml",
        belco_with(
            "notice_days = 14 ",
            &format!("provenance = \"assumed\"\nreason = \"{REASON}\"\nnotice_days = 14 "),
        )
        .as_bytes(),
    );
    let o = dpa(&["deadline", "audit-notice", f.path(), "--from", "2026-03-02"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with(&format!(" (assumed: {REASON})")),
        "{text}"
    );
    let o = dpa(&[
        "deadline",
        "audit-notice",
        f.path(),
        "--from",
        "2026-03-02",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["due"], "2026-03-16");
    assert_eq!(json["provenance"], "assumed");
    assert_eq!(json["provenance_reason"], REASON);
    // `dpa check` names the assumption (info).
    let o = dpa(&["check", f.path(), "--format", "json"]);
    let report = stdout(&o);
    assert!(report.contains("\"value-assumed\""), "{report}");
    // Backups not mentioned: none, with the reason.
    let o = dpa(&[
        "deadline",
        "backup-deletion",
        f.path(),
        "--from",
        "2026-11-30",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("none "), "{text}");
    assert!(
        text.contains("does not state how backups are deleted"),
        "{text}"
    );
}

/// A deletion term the statement does not state: `dpa deadline deletion`
/// says none with the reason, and `dpa check` reports the art. 28(3)(g) item.
/// Source: issue 15 point 2; GDPR art. 28(3)(g); clause 2.6.3.
#[test]
fn not_stated_deletion_term_through_the_command() {
    let f = Scratch::new(
        "provenance-not-stated.toml",
        belco_with("months = 3\n", "provenance = \"not-stated\"\n").as_bytes(),
    );
    let o = dpa(&["deadline", "deletion", f.path(), "--from", "2026-11-30"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.starts_with("none DPS 1.11, clause 2.6.3 (not stated)"),
        "{text}"
    );
    assert!(
        text.contains(
            "note: the statement does not state a deletion term (DPS 1.11, clause 2.6.3)"
        ),
        "{text}"
    );
    let o = dpa(&["check", f.path()]);
    let text = stdout(&o);
    assert!(text.contains("term-not-stated"), "{text}");
    assert!(text.contains("GDPR art. 28(3)(g)"), "{text}");
}

/// The reason of an assumed value is required, and a value given with
/// `not-stated` is refused: exit code 2 and the field path.
/// Source: issue 15 point 2.
#[test]
fn provenance_errors_name_the_path() {
    let f = Scratch::new(
        "provenance-no-reason.toml",
        belco_with(
            "notice_days = 14 ",
            "provenance = \"assumed\"\nnotice_days = 14 ",
        )
        .as_bytes(),
    );
    let o = dpa(&["check", f.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("terms.audit.reason"), "{}", stderr(&o));
    let f = Scratch::new(
        "provenance-given.toml",
        belco_with("months = 3\n", "months = 3\nprovenance = \"not-stated\"\n").as_bytes(),
    );
    let o = dpa(&["check", f.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("terms.deletion.months"),
        "{}",
        stderr(&o)
    );
}

/// An assumed change window cites the edition's clause on the window in the
/// agreement's own numbering: 2.2.2 in Belco's (part 2 numbered after part
/// 1), 2.2 in Alles Online's (the articles' own numbers).
/// Source: Belco clause 2.2.2 and Alles Online clause 2.2 ("binnen 30 dagen
/// na kennisgeving"); issue 15 point 2.
#[test]
fn an_assumed_window_cites_the_clause_in_the_agreements_numbering() {
    let from = "termination_window_days = 30 ";
    let assume = "provenance = \"assumed\"\nreason = \"read from a letter\"\n";
    for (file, clause) in [("belco.toml", "2.2.2"), ("alles-online.toml", "2.2")] {
        let text = std::fs::read_to_string(crate::helpers::examples().join(file)).unwrap();
        assert_eq!(text.matches(from).count(), 1, "{file}");
        let f = Scratch::new(
            &format!("assumed-window-{file}"),
            text.replacen(from, &format!("{assume}{from}"), 1)
                .as_bytes(),
        );
        let out = stdout(&dpa(&["check", f.path()]));
        let line = out
            .lines()
            .find(|l| l.contains("info[value-assumed]"))
            .unwrap_or_else(|| panic!("{file}: {out}"));
        assert!(
            line.ends_with(&format!("read from a letter (clause {clause})")),
            "{file}: {line}"
        );
    }
}
