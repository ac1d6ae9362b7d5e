//! Access from a third country (`access_from`): a sub-processor whose staff
//! or parent may reach data stored in the EEA from a country outside it
//! transfers data there, and the basis claimed must be valid on the date for
//! that country and recipient. A seat outside the EEA alone is no transfer,
//! but a finding says that access from there is not addressed.

use crate::helpers::load;

use dpa_core::diff::diff;
use dpa_core::transfers::{BasisStatus, TransferAssessment, TransferVerdict};
use dpa_core::{Agreement, Error, FindingCode, Severity};
use serde_json::{Value, json};
use time::macros::date;

/// Belco with its first sub-processor (Scalingo, FR, processing in the EU)
/// edited by `edit` and the others dropped.
fn one(edit: impl FnOnce(&mut Value)) -> Value {
    let a = load("belco.toml");
    let mut v: Value = serde_json::from_str(&a.to_json().unwrap()).unwrap();
    let mut sp = v["statement"]["sub_processors"][0].clone();
    edit(&mut sp);
    v["statement"]["sub_processors"] = json!([sp]);
    v
}

fn agreement(v: &Value) -> Agreement {
    Agreement::from_json(&v.to_string()).unwrap()
}

fn assess(a: &Agreement, on: time::Date) -> TransferAssessment {
    a.assess_transfers(on).unwrap().remove(0)
}

fn codes(a: &TransferAssessment) -> Vec<&'static str> {
    a.findings.iter().map(|f| f.code.as_str()).collect()
}

/// Data stored in the EU but reachable from the US, with no basis claimed,
/// is a transfer without a basis (an error), as a US location would be.
/// Source: GDPR art. 44-46; EDPB Guidelines 05/2021 on the interplay between
/// art. 3 and chapter V (making data available to an importer in a third
/// country, remote access included, is a transfer); Belco DPS 1.8 ("soms
/// buiten de EU/EER").
#[test]
fn access_without_a_basis_is_an_error() {
    let a = agreement(&one(|sp| sp["access_from"] = json!(["US"])));
    let r = assess(&a, date!(2026 - 11 - 23));
    assert!(r.outside_eea.is_empty());
    assert_eq!(r.access_from[0].as_str(), "US");
    assert_eq!(r.verdict, TransferVerdict::NoBasisClaimed);
    assert_eq!(codes(&r), ["transfer-without-basis"]);
    assert_eq!(r.findings[0].severity, Severity::Error);
    assert_eq!(
        r.findings[0].message,
        "sub-processor `Scalingo` may be accessed from US (outside the EEA) and no transfer basis is stated"
    );
    // Without `access_from` the same entry is no transfer.
    let plain = assess(&agreement(&one(|_| {})), date!(2026 - 11 - 23));
    assert_eq!(plain.verdict, TransferVerdict::NoTransfer);
}

/// The basis is checked on the date for the country accessed from and the
/// recipient: the EU-US DPF covers access from the US only for a certified
/// recipient and only from 10 July 2023; it does not cover access from
/// India, which no claimed basis then covers.
/// Source: Implementing Decision (EU) 2023/1795 (the DPF, from 10 July 2023,
/// for organisations on the DPF List); GDPR art. 44, 45.
#[test]
fn the_basis_is_checked_for_each_country_accessed_from() {
    let certified = agreement(&one(|sp| {
        sp["access_from"] = json!(["US"]);
        sp["transfer_bases"] = json!(["eu-us-dpf"]);
        sp["dpf_certified"] = json!(true);
    }));
    let r = assess(&certified, date!(2026 - 11 - 23));
    assert!(matches!(r.verdict, TransferVerdict::Covered { .. }));
    assert_eq!(r.bases[0].countries[0].as_str(), "US");
    let before = assess(&certified, date!(2023 - 07 - 09));
    assert_eq!(before.bases[0].status, BasisStatus::NotYetInForce);
    assert_eq!(codes(&before), ["transfer-basis-invalid"]);
    assert!(
        before.findings[0]
            .message
            .starts_with("sub-processor `Scalingo` transfers data to US (access from there); none of the bases claimed is valid on 2023-07-09"),
        "{}",
        before.findings[0].message
    );

    let not_certified = agreement(&one(|sp| {
        sp["access_from"] = json!(["US"]);
        sp["transfer_bases"] = json!(["eu-us-dpf"]);
    }));
    let r = assess(&not_certified, date!(2026 - 11 - 23));
    assert_eq!(codes(&r), ["dpf-not-certified"]);

    let two = agreement(&one(|sp| {
        sp["locations"] = json!(["EU", "IN"]);
        sp["access_from"] = json!(["US", "IN"]);
        sp["transfer_bases"] = json!(["eu-us-dpf"]);
        sp["dpf_certified"] = json!(true);
    }));
    let r = assess(&two, date!(2026 - 11 - 23));
    // India is a location; the US is reached by access only.
    assert_eq!(r.outside_eea[0].as_str(), "IN");
    assert_eq!(r.access_from.len(), 1);
    assert_eq!(r.access_from[0].as_str(), "US");
    let TransferVerdict::NotCovered { countries } = &r.verdict else {
        panic!("{:?}", r.verdict)
    };
    assert_eq!(countries.len(), 1);
    assert_eq!(countries[0].as_str(), "IN");
}

/// A seat outside the EEA whose country is neither a location nor in
/// `access_from` gets the warning `non-eea-seat`, saying that access from
/// there is not stated; stating the access replaces the warning by the
/// transfer assessment. A seat alone is not read as a transfer.
/// Source: GDPR art. 44, 48; EDPB Guidelines 05/2021 (a transfer needs data
/// made available to a recipient in a third country; a recipient in the EEA
/// whose parent is not remains exposed to that country's law); Belco DPS 1.9
/// ("Land vestiging: Amerika").
#[test]
fn a_foreign_seat_without_access_is_a_warning() {
    let seated = agreement(&one(|sp| {
        sp["seat"] = json!("US");
        sp["transfer_bases"] = json!(["scc-2021-p2p"]);
    }));
    let r = assess(&seated, date!(2026 - 11 - 23));
    assert!(r.non_eea_seat);
    assert_eq!(r.verdict, TransferVerdict::NoTransfer);
    assert_eq!(codes(&r), ["non-eea-seat"]);
    assert_eq!(
        r.findings[0].message,
        "sub-processor `Scalingo` has its seat in US, outside the EEA, and processes data in EU; the law of US may still reach the data, and the file does not say whether the data may be accessed from US (`access_from`)"
    );
    // Access from another country does not address the seat's.
    let elsewhere = agreement(&one(|sp| {
        sp["seat"] = json!("US");
        sp["access_from"] = json!(["GB"]);
        sp["transfer_bases"] = json!(["adequacy"]);
    }));
    let r = assess(&elsewhere, date!(2026 - 11 - 23));
    assert!(r.non_eea_seat);
    assert_eq!(codes(&r)[0], "non-eea-seat");
    // Access from the seat's country is assessed instead.
    let stated = agreement(&one(|sp| {
        sp["seat"] = json!("US");
        sp["access_from"] = json!(["US"]);
        sp["transfer_bases"] = json!(["scc-2021-p2p"]);
    }));
    let r = assess(&stated, date!(2026 - 11 - 23));
    assert!(!r.non_eea_seat);
    assert_eq!(codes(&r), ["transfer-covered"]);
}

/// A country inside the EEA cannot be a country of access from outside it:
/// the file is refused, naming the entry.
/// Source: the EEA Agreement (NL is a member); GDPR art. 44 (chapter V is
/// about third countries only).
#[test]
fn an_eea_country_in_access_from_is_refused() {
    let v = one(|sp| sp["access_from"] = json!(["US", "NL"]));
    match Agreement::from_json(&v.to_string()) {
        Err(Error::Invalid(e)) => {
            assert_eq!(e.path(), "statement.sub_processors[0].access_from[1]");
            assert_eq!(
                e.message(),
                "`NL` (Netherlands) is in the EEA; `access_from` lists the countries outside the EEA the data may be reached from"
            );
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// Access from outside the EEA while the statement says processing stays in
/// the EEA is the warning `undeclared-transfer`.
/// Source: GDPR art. 28(3)(a), 44; Belco DPS 1.8 (the declaration the
/// statement makes).
#[test]
fn undeclared_access_is_a_warning() {
    let mut v = one(|sp| {
        sp["access_from"] = json!(["US"]);
        sp["transfer_bases"] = json!(["scc-2021-p2p"]);
    });
    v["statement"]["processing_locations"]["transfers_outside_eea"] = json!(false);
    let findings = agreement(&v).check(date!(2026 - 11 - 23));
    let f = findings
        .iter()
        .find(|f| f.code == FindingCode::UndeclaredTransfer)
        .unwrap();
    assert_eq!(
        f.message,
        "sub-processor `Scalingo` may be accessed from US while the statement says processing stays in the EEA"
    );
    // Belco's own file declares it (DPS 1.8): no such warning.
    let belco = load("belco.toml").check(date!(2026 - 11 - 23));
    assert!(
        !belco
            .iter()
            .any(|f| f.code == FindingCode::UndeclaredTransfer)
    );
}

/// Adding access from a third country is a significant change of where the
/// client's data goes, opening the termination window and the right to
/// object.
/// Source: Belco clauses 2.2.2 and 2.8.3; GDPR art. 28(2); docs/rules.md
/// "Change significance" (a sub-processor moved).
#[test]
fn access_added_is_a_significant_change() {
    let old = agreement(&one(|_| {}));
    let new = agreement(&one(|sp| sp["access_from"] = json!(["US", "IN"])));
    let changes = diff(&old, &new);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    let c = &changes[0];
    assert_eq!(c.kind.as_str(), "sub-processor-moved");
    assert_eq!(c.path, "statement.sub_processors[0].access_from");
    assert!(c.significant);
    assert_eq!(c.rights.len(), 2);
    assert!(
        c.reason.ends_with("; now reachable from IN, US"),
        "{}",
        c.reason
    );
}

/// `access_from` is written back as read, and the assessment's JSON names
/// the countries accessed from apart from the locations.
/// Source: docs/rules.md "Transfers".
#[test]
fn access_from_round_trips_and_is_reported() {
    let a = load("belco.toml");
    let again = Agreement::from_toml(&a.to_toml().unwrap()).unwrap();
    assert_eq!(a, again);
    let amazon = &a.assess_transfers(date!(2026 - 11 - 23)).unwrap()[1];
    let v = serde_json::to_value(amazon).unwrap();
    assert_eq!(v["access_from"], json!(["US"]));
    assert_eq!(v["outside_eea"], json!([]));
    assert_eq!(v["verdict"]["kind"], "covered");
}
