//! Where each value came from (issue 15 point 2): `provenance` on a term
//! table (`stated`, `standard`, `assumed` with a reason, `not-stated`), and
//! what the answers resting on it do with it (docs/rules.md, "Provenance").

use crate::helpers::text;

use dpa_core::Agreement;
use dpa_core::deadline::{DeadlineKind, Due};
use dpa_core::document::Format;
use dpa_core::model::{Provenance, ProvenanceKind};
use time::macros::date;

/// Belco's file with `from` (which must occur once) replaced by `to`.
fn belco_with(from: &str, to: &str) -> String {
    let t = text("belco.toml");
    assert_eq!(t.matches(from).count(), 1, "`{from}` must occur once");
    t.replacen(from, to, 1)
}

fn parsed(text: &str) -> Agreement {
    Agreement::from_toml(text).unwrap_or_else(|e| panic!("{e}"))
}

/// The path and message of the error reading `text`.
fn invalid(text: &str) -> (String, String) {
    match Agreement::from_text(text, Format::Toml) {
        Err(dpa_core::Error::Invalid(e)) => (e.path().to_owned(), e.message().to_owned()),
        other => panic!("expected an invalid document, got {other:?}"),
    }
}

/// Belco with no deletion term: the statement does not state one.
fn deletion_not_stated() -> Agreement {
    parsed(&belco_with("months = 3\n", "provenance = \"not-stated\"\n"))
}

/// Belco with an assumed audit notice.
fn audit_notice_assumed() -> Agreement {
    parsed(&belco_with(
        "notice_days = 14 ",
        "provenance = \"assumed\"\nreason = \"the statement names no notice; 14 days as agreed by e-mail\"\nnotice_days = 14 ",
    ))
}

/// A table without `provenance` is stated, as every file before the key.
/// Source: issue 15 point 2 (absent = stated); README, migration note.
#[test]
fn absent_provenance_is_stated_and_writes_back_unchanged() {
    let a = parsed(&text("belco.toml"));
    assert_eq!(a.terms.deletion.provenance, Provenance::STATED);
    assert_eq!(a.terms.audit.provenance, Provenance::STATED);
    let back = a.to_toml().unwrap();
    assert!(!back.contains("provenance"), "{back}");
    let d = a.deletion_deadline(date!(2026 - 11 - 30)).unwrap();
    let json = serde_json::to_string(&d).unwrap();
    assert!(!json.contains("provenance"), "{json}");
}

/// A deletion term the statement does not state: no deletion deadline,
/// `none` with the reason, never a default.
/// Source: issue 15 point 2; clause 2.6.3 / 6.3 refer to "de in het Data Pro
/// Statement opgenomen termijn" (the statement's term), GDPR art. 28(3)(g).
#[test]
fn a_not_stated_deletion_term_gives_no_deadline_with_the_reason() {
    let a = deletion_not_stated();
    assert_eq!(a.terms.deletion.term, None);
    assert!(a.terms.deletion.provenance.is_not_stated());
    let d = a.deletion_deadline(date!(2026 - 11 - 30)).unwrap();
    assert_eq!(d.due, Due::NoFixedTerm);
    assert_eq!(d.provenance, Provenance::NotStated);
    assert_eq!(
        d.note.as_deref(),
        Some("the statement does not state a deletion term (DPS 1.11, clause 2.6.3)")
    );
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["due"], serde_json::Value::Null);
    assert_eq!(json["provenance"], "not-stated");
    // Written back with the key, and read again the same.
    let back = a.to_toml().unwrap();
    assert!(back.contains("provenance = \"not-stated\""), "{back}");
    assert_eq!(parsed(&back), a);
    // The backup deadline rests on the same missing term.
    let b = a.backup_deletion_deadline(date!(2026 - 11 - 30)).unwrap();
    assert_eq!(b.due, Due::NoFixedTerm);
    assert!(b.note.unwrap().contains("does not state a deletion term"));
}

/// Backups the statement does not mention give no backup deadline. Before,
/// the backup deadline silently took the main deletion term.
/// Source: issue 15 point 2; Belco DPS 1.11 (deletion "uiterlijk binnen 3
/// maanden", backups not mentioned), clause 2.6.3.
#[test]
fn backups_not_stated_give_no_backup_deadline() {
    let a = parsed(&text("belco.toml"));
    assert_eq!(
        a.terms.deletion.backups,
        dpa_core::model::BackupDeletion::NotStated
    );
    let b = a.backup_deletion_deadline(date!(2026 - 11 - 30)).unwrap();
    assert_eq!(b.kind, DeadlineKind::BackupDeletion);
    assert_eq!(b.due, Due::NoFixedTerm, "{b:#}");
    assert_eq!(b.provenance, Provenance::NotStated);
    assert!(
        b.note
            .as_deref()
            .unwrap()
            .contains("does not state how backups are deleted"),
        "{b:#}"
    );
    // The main deletion deadline itself is unchanged.
    let d = a.deletion_deadline(date!(2026 - 11 - 30)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2027 - 02 - 28)));
}

/// An assumed audit notice: the deadline on it says so in text and JSON.
/// Source: issue 15 point 2; Belco DPS 1.14 ("minimaal 14-dagen van tevoren
/// schriftelijk"), here taken as the author's assumption; clause 2.7.4.
#[test]
fn an_assumed_audit_notice_shows_in_text_and_json() {
    let a = audit_notice_assumed();
    let reason = "the statement names no notice; 14 days as agreed by e-mail";
    assert_eq!(a.terms.audit.provenance.kind(), ProvenanceKind::Assumed);
    assert_eq!(
        a.terms.audit.provenance.reason().map(|r| r.as_str()),
        Some(reason)
    );
    let d = a.earliest_audit_date(date!(2026 - 03 - 02)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2026 - 03 - 16)));
    let shown = format!("{d:#}");
    assert_eq!(
        shown.lines().next().unwrap(),
        format!("2026-03-16 clause 2.7.3, clause 2.7.4, DPS 1.14 (assumed: {reason})")
    );
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["provenance"], "assumed");
    assert_eq!(json["provenance_reason"], reason);
    // The summary says so beside the audit terms.
    let summary = a.summary().to_string();
    assert!(
        summary.contains(&format!("(assumed: {reason})")),
        "{summary}"
    );
    // And it is written back.
    assert_eq!(parsed(&a.to_toml().unwrap()), a);
}

/// An assumed value needs its reason: the error names the path.
/// Source: issue 15 point 2 ("assumed (the file's author chose it; a reason
/// is required)").
#[test]
fn an_assumed_value_needs_a_reason() {
    let (path, message) = invalid(&belco_with(
        "notice_days = 14 ",
        "provenance = \"assumed\"\nnotice_days = 14 ",
    ));
    assert_eq!(path, "terms.audit.reason");
    assert!(
        message.contains("an assumed value needs the reason"),
        "{message}"
    );
    // A reason on a value that is not assumed is refused too.
    let (path, _) = invalid(&belco_with("months = 3\n", "months = 3\nreason = \"x\"\n"));
    assert_eq!(path, "terms.deletion.reason");
}

/// A value given with `not-stated` is refused, naming the value.
/// Source: issue 15 point 2 (`not-stated`: "the value is then absent").
#[test]
fn a_value_with_not_stated_is_refused() {
    let (path, message) = invalid(&belco_with(
        "months = 3\n",
        "months = 3\nprovenance = \"not-stated\"\n",
    ));
    assert_eq!(path, "terms.deletion.months");
    assert!(message.contains("does not state this value"), "{message}");
    // Neither a term nor `not-stated`: today's missing-term error.
    let (path, message) = invalid(&belco_with("months = 3\n", ""));
    assert_eq!(path, "terms.deletion.within");
    assert!(
        message.contains("the deletion term is missing"),
        "{message}"
    );
    // An unknown provenance lists the spellings.
    let (path, message) = invalid(&belco_with(
        "months = 3\n",
        "months = 3\nprovenance = \"guessed\"\n",
    ));
    assert_eq!(path, "terms.deletion.provenance");
    assert!(message.contains("not-stated"), "{message}");
}

/// `check` reports a not-stated deletion term (GDPR art. 28(3)(g)), and the
/// art. 28 coverage counts the item as not covered by the statement; an
/// assumed value is an info finding naming the reason. A file without
/// provenance keys gets neither.
/// Source: issue 15 point 2 ("`check` reports each not-stated item that
/// GDPR art. 28 requires"); GDPR art. 28(3)(g), 28(3)(h); clause 2.6.3
/// ("binnen de in het Data Pro Statement opgenomen termijn").
#[test]
fn check_reports_the_art28_items_not_stated_and_the_assumed_values() {
    use dpa_core::completeness::{Art28Item, Coverage, coverage};
    use dpa_core::finding::FindingCode;
    let at = date!(2026 - 06 - 01);
    let plain = parsed(&text("belco.toml")).check(at);
    assert!(!plain.iter().any(|f| matches!(
        f.code,
        FindingCode::TermNotStated | FindingCode::ValueAssumed
    )));
    let a = deletion_not_stated();
    let findings = a.check(at);
    let f = findings
        .iter()
        .find(|f| f.code == FindingCode::TermNotStated)
        .expect("a term-not-stated finding");
    assert_eq!(f.path.as_deref(), Some("terms.deletion.provenance"));
    assert_eq!(f.citation, "DPS 1.11, clause 2.6.3; GDPR art. 28(3)(g)");
    let cov = coverage(&a);
    let deletion = cov
        .iter()
        .find(|c| c.item == Art28Item::DeletionOrReturn)
        .unwrap();
    assert_ne!(deletion.verdict, Coverage::Covered);
    let stated = coverage(&parsed(&text("belco.toml")));
    let before = stated
        .iter()
        .find(|c| c.item == Art28Item::DeletionOrReturn)
        .unwrap();
    assert_eq!(before.verdict, Coverage::Covered);

    let findings = audit_notice_assumed().check(at);
    let f = findings
        .iter()
        .find(|f| f.code == FindingCode::ValueAssumed)
        .expect("a value-assumed finding");
    assert_eq!(f.path.as_deref(), Some("terms.audit.reason"));
    assert!(
        f.message
            .ends_with("the statement names no notice; 14 days as agreed by e-mail"),
        "{}",
        f.message
    );
    assert!(f.citation.ends_with("GDPR art. 28(3)(h)"), "{}", f.citation);
}

const BELCO_BREACH_NOTICE: &str = "notice = { kind = \"within-hours\", hours = 24 }\n";

/// A breach notice term the statement does not state: no breach-notice
/// deadline (`none` with the reason), a `term-not-stated` finding citing
/// GDPR art. 28(3)(f) with art. 33; a notice given with `not-stated` is
/// refused naming `notice`; an assumed notice term says so on its deadline
/// and in a `value-assumed` finding.
/// Source: issue 15 point 2; Belco DPS 1.13 and clause 2.4.1 ("uiterlijk
/// binnen 24 uur"); GDPR art. 28(3)(f), 33(2).
#[test]
fn breach_notice_provenance() {
    use dpa_core::finding::FindingCode;
    use time::macros::datetime;
    let at = date!(2026 - 06 - 01);
    let discovered = datetime!(2026-03-02 10:00 UTC);
    let a = parsed(&belco_with(
        BELCO_BREACH_NOTICE,
        "provenance = \"not-stated\"\n",
    ));
    assert_eq!(a.terms.breach.notice, None);
    let d = a.breach_notice_deadline(discovered).unwrap();
    assert_eq!(d.due, Due::NoFixedTerm);
    assert_eq!(d.provenance, Provenance::NotStated);
    assert_eq!(
        d.note.as_deref(),
        Some(
            "the statement does not state a breach notice term (DPS 1.13, clause 2.4.1, clause 2.4.2)"
        )
    );
    let f = a
        .check(at)
        .into_iter()
        .find(|f| f.code == FindingCode::TermNotStated)
        .expect("a term-not-stated finding");
    assert_eq!(f.path.as_deref(), Some("terms.breach.provenance"));
    assert!(
        f.citation.ends_with("GDPR art. 28(3)(f), 33(2)"),
        "{}",
        f.citation
    );
    // Round trip keeps the key.
    let back = a.to_toml().unwrap();
    assert_eq!(parsed(&back), a);

    let (path, message) = invalid(&belco_with(
        BELCO_BREACH_NOTICE,
        "provenance = \"not-stated\"\nnotice = { kind = \"within-hours\", hours = 24 }\n",
    ));
    assert_eq!(path, "terms.breach.notice");
    assert!(message.contains("does not state this value"), "{message}");
    let (path, message) = invalid(&belco_with(BELCO_BREACH_NOTICE, ""));
    assert_eq!(path, "terms.breach.notice");
    assert!(
        message.contains("breach notice term is missing"),
        "{message}"
    );

    let assumed = parsed(&belco_with(
        BELCO_BREACH_NOTICE,
        "provenance = \"assumed\"\nreason = \"agreed by phone\"\nnotice = { kind = \"within-hours\", hours = 24 }\n",
    ));
    let d = assumed.breach_notice_deadline(discovered).unwrap();
    assert_eq!(d.due, Due::Instant(datetime!(2026-03-03 10:00 UTC)));
    assert_eq!(
        d.provenance.reason().map(|r| r.as_str()),
        Some("agreed by phone")
    );
    assert!(d.to_string().ends_with("(assumed: agreed by phone)"), "{d}");
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["provenance"], "assumed");
    assert_eq!(json["provenance_reason"], "agreed by phone");
    assert!(
        assumed
            .check(at)
            .iter()
            .any(|f| f.code == FindingCode::ValueAssumed
                && f.path.as_deref() == Some("terms.breach.reason"))
    );
}

/// A termination window the statement does not state: no
/// termination-window deadline (`none` with the reason); a window given
/// with `not-stated` is refused naming its key; an assumed window says so
/// on its deadline.
/// Source: issue 15 point 2; Belco clause 2.2.2 ("binnen 30 dagen na
/// kennisgeving").
#[test]
fn statement_change_window_provenance() {
    use dpa_core::finding::FindingCode;
    const WINDOW: &str = "termination_window_days = 30 ";
    let notified = date!(2026 - 03 - 02);
    let a = parsed(&belco_with(WINDOW, "provenance = \"not-stated\" "));
    assert_eq!(a.terms.statement_changes.termination_window, None);
    let d = a.termination_window_end(notified).unwrap();
    assert_eq!(d.due, Due::NoFixedTerm);
    assert_eq!(d.provenance, Provenance::NotStated);
    assert_eq!(
        d.note.as_deref(),
        Some("the statement does not state the window to terminate after a change (clause 2.2.2)")
    );
    assert_eq!(parsed(&a.to_toml().unwrap()), a);

    let (path, message) = invalid(&belco_with(
        WINDOW,
        "provenance = \"not-stated\"\ntermination_window_days = 30 ",
    ));
    assert_eq!(path, "terms.statement_changes.termination_window_days");
    assert!(message.contains("does not state this value"), "{message}");

    let assumed = parsed(&belco_with(
        WINDOW,
        "provenance = \"assumed\"\nreason = \"as in the 2019 edition\"\ntermination_window_days = 30 ",
    ));
    let d = assumed.termination_window_end(notified).unwrap();
    assert!(matches!(d.due, Due::Date { date, .. } if date == date!(2026 - 04 - 01)));
    assert_eq!(d.provenance.kind(), ProvenanceKind::Assumed);
    assert!(
        assumed
            .check(date!(2026 - 06 - 01))
            .iter()
            .any(|f| f.code == FindingCode::ValueAssumed
                && f.path.as_deref() == Some("terms.statement_changes.reason"))
    );
}

/// A timeline entry resting on an assumed or a not-stated deadline says so
/// in the text, the JSON and the calendar's DESCRIPTION; one on a stated
/// term says nothing of it.
/// Source: issue 15 point 2 ("an answer that rests on an assumed or
/// not-stated value says so in every output"); Belco DPS 1.13, clause
/// 2.4.1 (the breach notice term).
#[test]
fn timeline_and_calendar_say_when_a_deadline_is_assumed_or_not_stated() {
    use dpa_core::timeline::{Events, ObligationKind};
    let events =
        Events::from_toml("[[events]]\nkind = \"breach-discovered\"\nat = 2026-07-01T10:00:00Z\n")
            .unwrap();
    let at = date!(2026 - 07 - 02);
    let cases = [
        (
            "provenance = \"assumed\"\nreason = \"agreed by phone\"\nnotice = { kind = \"within-hours\", hours = 24 }\n",
            Some("assumed: agreed by phone"),
            Some("assumed"),
        ),
        (
            "provenance = \"not-stated\"\n",
            Some("not stated"),
            Some("not-stated"),
        ),
        (BELCO_BREACH_NOTICE, None, None),
    ];
    for (to, annotation, kind) in cases {
        let a = parsed(&belco_with(BELCO_BREACH_NOTICE, to));
        let t = a.timeline(&events, at).unwrap();
        let o = t
            .obligations
            .iter()
            .find(|o| o.kind == ObligationKind::BreachNotice)
            .expect("a breach notice obligation");
        let line = o.to_string();
        let json = serde_json::to_value(&t).unwrap();
        let entry = json["obligations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["kind"] == "breach-notice")
            .unwrap()
            .clone();
        let ics = t.to_ics(&a).replace("\r\n ", "");
        match (annotation, kind) {
            (Some(annotation), Some(kind)) => {
                assert!(line.contains(&format!("({annotation})")), "{line}");
                assert_eq!(entry["deadline"]["provenance"], kind, "{entry}");
                // An event's DESCRIPTION names the provenance; with no
                // fixed deadline the calendar's to-do gives the reason.
                let says = if kind == "not-stated" {
                    ics.contains("the statement does not state a breach notice term")
                } else {
                    ics.contains(&format!("Provenance: {annotation}."))
                };
                assert!(says, "{ics}");
            }
            _ => {
                assert!(!line.contains("assumed") && !line.contains("not stated"));
                assert!(entry["deadline"].get("provenance").is_none(), "{entry}");
                assert!(!ics.contains("Provenance:"), "{ics}");
            }
        }
    }
}
