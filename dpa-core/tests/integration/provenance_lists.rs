//! Provenance on the return of data, the sub-processor policy and the
//! statement's sub-processor list (issue 15 point 2), and what the checks,
//! the coverage and the deadlines do with a value that is not stated.

use dpa_core::Agreement;
use dpa_core::completeness::{Art28Item, Coverage, Requirement, coverage};
use dpa_core::finding::FindingCode;
use dpa_core::model::{Provenance, ProvenanceKind};
use time::macros::date;

/// The fixture: Belco with no return, no terms on changes of
/// sub-processors and no sub-processor list stated.
fn not_stated() -> Agreement {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/fixtures/not-stated-lists.json"
    ))
    .unwrap();
    Agreement::from_json(&text).unwrap_or_else(|e| panic!("{e}"))
}

/// Not-stated return, policy and list: the values are absent, each gives
/// its finding, and nothing is read back differently.
/// Source: issue 15 point 2; clause 2.6.3 / 6.3 ("of, indien
/// overeengekomen, ... terugbezorgen"), clause 2.8.1 / 8.1 ("heeft in het
/// Data Pro Statement vermeld of, en zo ja welke derde partijen"), clause
/// 2.8.3 / 8.3; GDPR art. 28(2), 28(3)(g), 28(4).
#[test]
fn not_stated_return_policy_and_list_give_findings() {
    let a = not_stated();
    assert_eq!(a.terms.return_of_data.method, None);
    assert!(a.terms.return_of_data.provenance.is_not_stated());
    assert_eq!(a.terms.sub_processors.client_may_object, None);
    assert!(a.statement.sub_processors_not_stated());
    let back = Agreement::from_json(&a.to_json().unwrap()).unwrap();
    assert_eq!(back, a);
    let f = a.check(date!(2026 - 06 - 01));
    let paths: Vec<&str> = f
        .iter()
        .filter(|f| f.code == FindingCode::TermNotStated)
        .filter_map(|f| f.path.as_deref())
        .collect();
    assert!(
        paths.contains(&"terms.return_of_data.provenance"),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"terms.sub_processors.provenance"),
        "{paths:?}"
    );
    let list = f
        .iter()
        .find(|f| f.code == FindingCode::SubProcessorsNotStated)
        .expect("sub-processors-not-stated");
    assert_eq!(list.citation, "DPS 1.9; GDPR art. 28(2), 28(4), 44-46");
    assert!(list.message.contains("cannot be checked"));
    // Transfers report says so too.
    let r = dpa_core::report::TransfersReport::new(&a, date!(2026 - 06 - 01)).unwrap();
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("sub-processors-not-stated"), "{json}");
}

/// A not-stated return leaves `data-return` of art. 28(3)(g) missing:
/// partly covered (deletion stays met through clause 2.6.3).
/// Source: GDPR art. 28(3)(g) ("at the choice of the controller, deletes
/// or returns"); Belco clause 2.6.3 ("of, indien overeengekomen, ...
/// terugbezorgen").
#[test]
fn a_not_stated_return_partly_covers_28_3_g() {
    let cov = coverage(&not_stated());
    let g = cov
        .iter()
        .find(|c| c.item == Art28Item::DeletionOrReturn)
        .unwrap();
    assert_eq!(g.verdict, Coverage::Partly);
    assert_eq!(g.missing, [Requirement::DataReturn]);
    let plain = Agreement::from_toml(&crate::helpers::text("belco.toml")).unwrap();
    let before = coverage(&plain);
    let g = before
        .iter()
        .find(|c| c.item == Art28Item::DeletionOrReturn)
        .unwrap();
    assert_eq!(g.verdict, Coverage::Covered);
    // Terms on changes not stated: clause 2.8.3 decides, so 28(2) stays
    // covered.
    let cov = coverage(&not_stated());
    let two = cov
        .iter()
        .find(|c| c.item == Art28Item::SubProcessorAuthorisation)
        .unwrap();
    assert_eq!(two.verdict, Coverage::Covered);
}

/// The objection deadline rests on the policy: not stated says so.
/// Source: clause 2.8.3 / 8.3; GDPR art. 28(2).
#[test]
fn the_objection_deadline_says_when_the_right_is_not_stated() {
    let o = not_stated().sub_processor_objection();
    assert_eq!(o.provenance, Provenance::NotStated);
    assert!(o.note.unwrap().contains("does not state"));
}

/// A list given with `not-stated`, a value given with a not-stated return
/// and `standard` for a list are refused, naming the key.
/// Source: issue 15 point 2 (a not-stated value is absent); docs/rules.md
/// "Provenance".
#[test]
fn values_given_with_not_stated_are_refused() {
    let text = crate::helpers::text("belco.toml");
    let with_list = format!(
        "{text}\n[statement.sub_processor_list]\nprovenance = \"not-stated\"\nsource = [\"DPS 1.9\"]\n"
    );
    let e = Agreement::from_toml(&with_list).unwrap_err();
    assert_eq!(e.path(), Some("statement.sub_processors"));
    let standard = format!(
        "{text}\n[statement.sub_processor_list]\nprovenance = \"standard\"\nsource = [\"DPS 1.9\"]\n"
    );
    let e = Agreement::from_toml(&standard).unwrap_err();
    assert_eq!(e.path(), Some("statement.sub_processor_list.provenance"));
    let ret = text.replacen(
        "method = \"self-service-export\"",
        "provenance = \"not-stated\"\nmethod = \"self-service-export\"",
        1,
    );
    let e = Agreement::from_toml(&ret).unwrap_err();
    assert_eq!(e.path(), Some("terms.return_of_data.method"), "{e}");
    assert_eq!(ProvenanceKind::NotStated.as_str(), "not-stated");
}
