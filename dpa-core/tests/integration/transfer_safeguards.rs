//! The transfer bases that rest on a decision about the recipient: an
//! approved code of conduct (GDPR art. 46(2)(e)), an approved certification
//! (art. 46(2)(f)) and ad hoc clauses the supervisory authority authorised
//! (art. 46(3)(a)), each assessed on dates around the edges of its rules.

use crate::helpers::load;

use dpa_core::diff::{ChangeKind, Effect, diff};
use dpa_core::transfers::{
    BasisAssessment, BasisStatus, Caveat, InstrumentKind, InstrumentScope, TransferAssessment,
    TransferVerdict, instruments,
};
use dpa_core::{Agreement, Severity};
use serde_json::{Value, json};
use time::Date;
use time::macros::date;

/// Belco's agreement with one sub-processor, Scalingo, processing in the
/// US and claiming `bases`, with `entry` (e.g. `code_of_conduct`) set to
/// `value` where given.
fn recipient(bases: &[&str], entry: Option<(&str, Value)>) -> Agreement {
    Agreement::from_json(&document(bases, entry).to_string()).unwrap()
}

/// The document of [`recipient`].
fn document(bases: &[&str], entry: Option<(&str, Value)>) -> Value {
    let a = load("belco.toml");
    let mut v: Value = serde_json::from_str(&a.to_json().unwrap()).unwrap();
    let mut sp = v["statement"]["sub_processors"][0].clone();
    sp["locations"] = json!(["US"]);
    sp["transfer_bases"] = json!(bases);
    if let Some((k, val)) = entry {
        sp[k] = val;
    }
    v["statement"]["sub_processors"] = json!([sp]);
    v
}

fn assess(a: &Agreement, on: Date) -> TransferAssessment {
    let mut all = a.assess_transfers(on).unwrap();
    assert_eq!(all.len(), 1);
    all.remove(0)
}

/// The one basis assessed, on `on`.
fn basis(a: &Agreement, on: Date) -> BasisAssessment {
    let t = assess(a, on);
    assert_eq!(t.bases.len(), 1, "{t:#?}");
    t.bases[0].clone()
}

fn codes(a: &TransferAssessment) -> Vec<&'static str> {
    a.findings.iter().map(|f| f.code.as_str()).collect()
}

/// A code of conduct approved on 2021-05-20, of general validity from
/// 2024-01-10, withdrawn for the recipient from 2030-01-01.
fn code() -> Value {
    json!({
        "name": "Cloud Code",
        "approval": {"by": "the Belgian authority", "on": "2021-05-20"},
        "general_validity": {"by": "European Commission", "on": "2024-01-10", "reference": "Implementing Decision (EU) 2024/1"},
        "monitoring_body": "a monitoring body",
        "importer_commitments": true,
        "withdrawn_on": "2030-01-01",
        "source": ["DPS 1.9"]
    })
}

/// A certificate issued on 2025-03-01, valid until 2028-03-01.
fn certificate() -> Value {
    json!({
        "name": "Europrivacy",
        "criteria_approved_by": "European Data Protection Board",
        "issued_by": "a certification body",
        "issued_on": "2025-03-01",
        "valid_until": "2028-03-01",
        "importer_commitments": true,
        "source": ["DPS 1.9"]
    })
}

/// Clauses authorised by the Autoriteit Persoonsgegevens from 2022-02-01.
fn clauses() -> Value {
    json!({
        "name": "Belco-Scalingo clauses",
        "authorisation": {"by": "Autoriteit Persoonsgegevens", "on": "2022-02-01", "reference": "z2022-001"},
        "source": ["DPS 1.9"]
    })
}

// ---------------------------------------------------------------------------
// Codes of conduct

/// A code of conduct is valid from the day both its approval and its
/// general validity apply, until the day it is withdrawn for the recipient;
/// before the GDPR applied it is not yet a tool at all. An invalid code is
/// the error `transfer-basis-invalid` naming why.
/// Source: GDPR art. 40(3), 40(5), 40(9), 46(2)(e), 99(2); EDPB Guidelines
/// 04/2021 on codes of conduct as tools for transfers.
#[test]
fn code_of_conduct_on_dates() {
    let a = recipient(&["code-of-conduct"], Some(("code_of_conduct", code())));
    let status = |on: Date| basis(&a, on).status;
    let before_gdpr = basis(&a, date!(2018 - 05 - 24));
    assert_eq!(before_gdpr.status, BasisStatus::NotYetInForce);
    assert!(
        before_gdpr.reason.contains("2018-05-25"),
        "{}",
        before_gdpr.reason
    );
    let early = basis(&a, date!(2021 - 05 - 19));
    assert_eq!(early.status, BasisStatus::NotYetInForce);
    assert_eq!(
        early.reason,
        "code of conduct `Cloud Code` is approved by the Belgian authority only from 2021-05-20; code of conduct `Cloud Code` has general validity within the Union (European Commission) only from 2024-01-10"
    );
    assert_eq!(status(date!(2021 - 05 - 20)), BasisStatus::NotYetInForce);
    assert_eq!(status(date!(2024 - 01 - 09)), BasisStatus::NotYetInForce);
    let valid = basis(&a, date!(2024 - 01 - 10));
    assert_eq!(valid.status, BasisStatus::Valid);
    assert_eq!(
        valid.reference.as_deref(),
        Some("code of conduct `Cloud Code`")
    );
    assert_eq!(
        valid.reason,
        "code of conduct `Cloud Code`, approved by the Belgian authority on 2021-05-20, of general validity by European Commission on 2024-01-10 (Implementing Decision (EU) 2024/1), with `Scalingo`'s binding and enforceable commitments, applies on 2024-01-10"
    );
    assert_eq!(valid.citation, "GDPR art. 46(2)(e), 40(3)");
    let t = assess(&a, date!(2029 - 12 - 31));
    assert_eq!(t.verdict.as_str(), "covered");
    assert_eq!(codes(&t), ["transfer-covered"]);
    assert_eq!(
        t.findings[0].message,
        "sub-processor `Scalingo` transfers data to US; covered by code-of-conduct (code of conduct `Cloud Code`)"
    );
    let withdrawn = assess(&a, date!(2030 - 01 - 01));
    assert_eq!(withdrawn.bases[0].status, BasisStatus::NoLongerInForce);
    assert_eq!(codes(&withdrawn), ["transfer-basis-invalid"]);
    let f = &withdrawn.findings[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        f.path.as_deref(),
        Some("statement.sub_processors[0].transfer_bases")
    );
    assert_eq!(
        f.message,
        "sub-processor `Scalingo` transfers data to US; none of the bases claimed is valid on 2030-01-01: `code-of-conduct`: code of conduct `Cloud Code` can no longer be relied on for `Scalingo` from 2030-01-01"
    );
    assert_eq!(
        f.citation,
        "DPS 1.9, DPS 1.12; GDPR art. 44; GDPR art. 46(2)(e), 40(3)"
    );
}

/// A code without approval or general validity, or without the recipient's
/// binding commitments, is no transfer tool; every failing rule is named,
/// the first decides the status.
/// Source: GDPR art. 40(3) (a code approved and of general validity, with
/// binding and enforceable commitments), 40(5), 40(9), 46(2)(e).
#[test]
fn code_of_conduct_needs_approval_general_validity_and_commitments() {
    let on = date!(2026 - 06 - 01);
    let mut c = code();
    c.as_object_mut().unwrap().remove("general_validity");
    let b = basis(
        &recipient(&["code-of-conduct"], Some(("code_of_conduct", c))),
        on,
    );
    assert_eq!(b.status, BasisStatus::NotApproved);
    assert!(
        b.reason
            .contains("no general validity within the Union (GDPR art. 40(9))"),
        "{}",
        b.reason
    );

    let mut c = code();
    c.as_object_mut().unwrap().remove("approval");
    c["importer_commitments"] = json!(false);
    let b = basis(
        &recipient(&["code-of-conduct"], Some(("code_of_conduct", c))),
        on,
    );
    assert_eq!(b.status, BasisStatus::NotApproved);
    assert_eq!(
        b.reason,
        "code of conduct `Cloud Code` is not approved by a supervisory authority (GDPR art. 40(5)); `Scalingo` has made no binding and enforceable commitments to apply the code's safeguards (GDPR art. 40(3), 46(2)(e))"
    );

    let mut c = code();
    c["importer_commitments"] = json!(false);
    let b = basis(
        &recipient(&["code-of-conduct"], Some(("code_of_conduct", c))),
        on,
    );
    assert_eq!(b.status, BasisStatus::NoBindingCommitments);
    assert!(!b.valid);
}

/// A basis that rests on a decision about the recipient, claimed without
/// the entry that records it, is not valid: the file must say which code,
/// certificate or authorisation.
/// Source: GDPR art. 46(2)(e), 46(2)(f), 46(3)(a).
#[test]
fn claimed_without_its_entry() {
    let on = date!(2026 - 06 - 01);
    for (claim, field) in [
        ("code-of-conduct", "code_of_conduct"),
        ("certification", "transfer_certification"),
        ("ad-hoc-clauses", "ad_hoc_clauses"),
    ] {
        let a = recipient(&[claim], None);
        let t = assess(&a, on);
        assert_eq!(t.bases[0].status, BasisStatus::DetailsNotStated, "{claim}");
        assert!(
            t.bases[0].reason.starts_with(&format!(
                "`{claim}` is claimed, but the file does not record it (`{field}`)"
            )),
            "{}",
            t.bases[0].reason
        );
        assert_eq!(codes(&t), ["transfer-basis-invalid"], "{claim}");
    }
}

/// An entry whose basis is not claimed is not assessed, and an invalid code
/// beside a valid basis leaves the transfer covered by that basis.
/// Source: GDPR art. 46(1) (any one appropriate safeguard suffices).
#[test]
fn entries_count_only_with_their_claim() {
    let on = date!(2026 - 06 - 01);
    let mut c = code();
    c.as_object_mut().unwrap().remove("approval");
    let a = recipient(&["scc-2021"], Some(("code_of_conduct", c.clone())));
    let t = assess(&a, on);
    assert_eq!(t.bases.len(), 1);
    assert_eq!(codes(&t), ["transfer-covered"]);
    let a = recipient(
        &["code-of-conduct", "scc-2021"],
        Some(("code_of_conduct", c)),
    );
    let t = assess(&a, on);
    assert_eq!(t.bases[0].status, BasisStatus::NotApproved);
    assert_eq!(t.verdict.as_str(), "covered");
    assert_eq!(codes(&t), ["transfer-covered"]);
}

// ---------------------------------------------------------------------------
// Certification

/// A certificate is valid from its issue to its last valid day, both
/// included, and not from the day it is withdrawn.
/// Source: GDPR art. 42(2), 42(5), 42(7) ("withdrawn ... where the
/// requirements ... are not or are no longer met"), 46(2)(f); EDPB
/// Guidelines 07/2022 on certification as a tool for transfers.
#[test]
fn certification_on_dates() {
    let a = recipient(
        &["certification"],
        Some(("transfer_certification", certificate())),
    );
    let status = |on: Date| basis(&a, on).status;
    assert_eq!(status(date!(2025 - 02 - 28)), BasisStatus::NotYetInForce);
    let valid = basis(&a, date!(2025 - 03 - 01));
    assert_eq!(valid.status, BasisStatus::Valid);
    assert_eq!(
        valid.reason,
        "certificate `Europrivacy` (issued by a certification body on 2025-03-01), valid until 2028-03-01, with `Scalingo`'s binding and enforceable commitments, applies on 2025-03-01"
    );
    assert_eq!(valid.citation, "GDPR art. 46(2)(f), 42(2)");
    assert_eq!(status(date!(2028 - 03 - 01)), BasisStatus::Valid);
    let expired = basis(&a, date!(2028 - 03 - 02));
    assert_eq!(expired.status, BasisStatus::NoLongerInForce);
    assert_eq!(
        expired.reason,
        "certificate `Europrivacy` (issued by a certification body on 2025-03-01) is valid until 2028-03-01 only (GDPR art. 42(7))"
    );

    // The entry's own source, where the sub-processor's does not give it,
    // is cited with the article.
    let mut c = certificate();
    c["withdrawn_on"] = json!("2027-01-01");
    c["source"] = json!(["DPS 1.12", "DPS 1.14"]);
    let a = recipient(&["certification"], Some(("transfer_certification", c)));
    let b = basis(&a, date!(2026 - 12 - 31));
    assert_eq!(b.status, BasisStatus::Valid);
    assert_eq!(b.citation, "DPS 1.14; GDPR art. 46(2)(f), 42(2)");
    let withdrawn = basis(&a, date!(2027 - 01 - 01));
    assert_eq!(withdrawn.status, BasisStatus::NoLongerInForce);
    assert!(
        withdrawn
            .reason
            .ends_with("was withdrawn on 2027-01-01 (GDPR art. 42(7))"),
        "{}",
        withdrawn.reason
    );
}

/// A certificate is issued for at most three years: one the file states
/// valid for longer lapses three years after its issue (the same date three
/// years on, or the month's last day where there is none: a certificate of
/// 29 February 2024 lapses after 28 February 2027), and until then it is
/// valid with the warning `certification-beyond-three-years`.
/// Source: GDPR art. 42(7) ("for a maximum period of three years"); EU
/// Regulation 1182/71 art. 3(2)(c) (a period in years ends on the same date,
/// or the last day of the month).
#[test]
fn certification_at_most_three_years() {
    let mut c = certificate();
    c["valid_until"] = json!("2029-06-30");
    let a = recipient(&["certification"], Some(("transfer_certification", c)));
    let t = assess(&a, date!(2028 - 03 - 01));
    assert_eq!(t.bases[0].status, BasisStatus::Valid);
    assert_eq!(t.bases[0].caveats, [Caveat::CertificationBeyondThreeYears]);
    assert_eq!(
        codes(&t),
        ["certification-beyond-three-years", "transfer-covered"]
    );
    assert_eq!(t.findings[0].severity, Severity::Warning);
    assert_eq!(
        t.findings[0].path.as_deref(),
        Some("statement.sub_processors[0].transfer_bases[0]")
    );
    assert!(
        t.findings[0].message.ends_with(
            "valid until 2028-03-01, with `Scalingo`'s binding and enforceable commitments, applies on 2028-03-01; the file states it valid until 2029-06-30, beyond the three years of GDPR art. 42(7)"
        ),
        "{}",
        t.findings[0].message
    );
    let lapsed = basis(&a, date!(2028 - 03 - 02));
    assert_eq!(lapsed.status, BasisStatus::NoLongerInForce);
    assert_eq!(
        lapsed.reason,
        "certificate `Europrivacy` (issued by a certification body on 2025-03-01) lapsed after 2028-03-01: GDPR art. 42(7) issues a certificate for at most three years, though the file states it valid until 2029-06-30"
    );

    let mut c = certificate();
    c["issued_on"] = json!("2024-02-29");
    c["valid_until"] = json!("2027-03-31");
    let a = recipient(&["certification"], Some(("transfer_certification", c)));
    assert_eq!(basis(&a, date!(2027 - 02 - 28)).status, BasisStatus::Valid);
    assert_eq!(
        basis(&a, date!(2027 - 03 - 01)).status,
        BasisStatus::NoLongerInForce
    );
}

/// A certificate of a mechanism whose criteria are not approved, or without
/// the recipient's binding commitments, is no transfer tool.
/// Source: GDPR art. 42(2), 42(5), 46(2)(f).
#[test]
fn certification_needs_approved_criteria_and_commitments() {
    let on = date!(2026 - 06 - 01);
    let mut c = certificate();
    c.as_object_mut().unwrap().remove("criteria_approved_by");
    let b = basis(
        &recipient(&["certification"], Some(("transfer_certification", c))),
        on,
    );
    assert_eq!(b.status, BasisStatus::NotApproved);
    assert!(b.reason.contains("(GDPR art. 42(5))"), "{}", b.reason);
    let mut c = certificate();
    c["importer_commitments"] = json!(false);
    let b = basis(
        &recipient(&["certification"], Some(("transfer_certification", c))),
        on,
    );
    assert_eq!(b.status, BasisStatus::NoBindingCommitments);
}

/// A certificate whose dates run backwards is refused when the file is
/// read, naming the field.
/// Source: README "Invariants and limits" (a value that exists is valid).
#[test]
fn certification_dates_in_order() {
    for (field, value, message) in [
        (
            "valid_until",
            "2025-02-28",
            "valid_until 2025-02-28 is before issued_on 2025-03-01",
        ),
        (
            "withdrawn_on",
            "2025-01-01",
            "withdrawn_on 2025-01-01 is before issued_on 2025-03-01",
        ),
    ] {
        let mut c = certificate();
        c[field] = json!(value);
        let err = Agreement::from_json(
            &document(&["certification"], Some(("transfer_certification", c))).to_string(),
        )
        .unwrap_err();
        assert_eq!(
            err.path(),
            Some("statement.sub_processors[0].transfer_certification"),
            "{err}"
        );
        assert!(err.to_string().contains(message), "{err}");
    }
}

// ---------------------------------------------------------------------------
// Ad hoc clauses

/// Ad hoc clauses are valid from the day the authority's authorisation
/// applies until the day it is withdrawn; without an authorisation they are
/// not valid.
/// Source: GDPR art. 46(3)(a) ("subject to the authorisation from the
/// competent supervisory authority"), 46(4).
#[test]
fn ad_hoc_clauses_on_dates() {
    let mut c = clauses();
    c["withdrawn_on"] = json!("2029-01-01");
    let a = recipient(&["ad-hoc-clauses"], Some(("ad_hoc_clauses", c)));
    let early = basis(&a, date!(2022 - 01 - 31));
    assert_eq!(early.status, BasisStatus::NotYetInForce);
    assert_eq!(
        early.reason,
        "ad hoc clauses `Belco-Scalingo clauses` are authorised by Autoriteit Persoonsgegevens only from 2022-02-01"
    );
    let valid = basis(&a, date!(2022 - 02 - 01));
    assert_eq!(valid.status, BasisStatus::Valid);
    assert_eq!(
        valid.reason,
        "ad hoc clauses `Belco-Scalingo clauses`, authorised by Autoriteit Persoonsgegevens on 2022-02-01 (z2022-001), apply on 2022-02-01"
    );
    assert_eq!(valid.citation, "GDPR art. 46(3)(a), 46(4)");
    assert_eq!(basis(&a, date!(2028 - 12 - 31)).status, BasisStatus::Valid);
    let ended = basis(&a, date!(2029 - 01 - 01));
    assert_eq!(ended.status, BasisStatus::NoLongerInForce);

    let mut c = clauses();
    c.as_object_mut().unwrap().remove("authorisation");
    let b = basis(
        &recipient(&["ad-hoc-clauses"], Some(("ad_hoc_clauses", c))),
        date!(2026 - 06 - 01),
    );
    assert_eq!(b.status, BasisStatus::NotApproved);
    assert_eq!(
        b.reason,
        "ad hoc clauses `Belco-Scalingo clauses` are not authorised by the competent supervisory authority (GDPR art. 46(3))"
    );
}

/// Clauses authorised before the GDPR applied, under Directive 95/46/EC
/// art. 26(2), stay valid under it (until the authority amends, replaces or
/// repeals the authorisation); dates before 25 May 2018 are outside the
/// GDPR rules.
/// Source: GDPR art. 46(5), 99(2); Directive 95/46/EC art. 26(2).
#[test]
fn ad_hoc_clauses_authorised_under_the_directive() {
    let mut c = clauses();
    c["authorisation"]["on"] = json!("2016-03-01");
    let a = recipient(&["ad-hoc-clauses"], Some(("ad_hoc_clauses", c)));
    assert_eq!(
        basis(&a, date!(2018 - 05 - 24)).status,
        BasisStatus::NotYetInForce
    );
    let b = basis(&a, date!(2018 - 05 - 25));
    assert_eq!(b.status, BasisStatus::Valid);
    assert!(
        b.reason.contains("Directive 95/46/EC art. 26(2)"),
        "{}",
        b.reason
    );
    assert_eq!(b.citation, "GDPR art. 46(3)(a), 46(4); GDPR art. 46(5)");
}

// ---------------------------------------------------------------------------
// The table, the serialised forms and the diff

/// The three bases have their rows in the reference table, each with its
/// article and published source, from the day the GDPR applies.
/// Source: GDPR art. 40, 42, 46(2)(e), 46(2)(f), 46(3)(a), 99(2) (EUR-Lex
/// CELEX 32016R0679); EDPB Guidelines 04/2021 and 07/2022.
#[test]
fn the_table_has_the_three_bases() {
    let rows = instruments().unwrap();
    for (kind, article, guidelines) in [
        (
            InstrumentKind::CodeOfConduct,
            "GDPR art. 46(2)(e), 40(3)",
            Some("EDPB Guidelines 04/2021"),
        ),
        (
            InstrumentKind::Certification,
            "GDPR art. 46(2)(f), 42(2)",
            Some("EDPB Guidelines 07/2022"),
        ),
        (
            InstrumentKind::AdHocClauses,
            "GDPR art. 46(3)(a), 46(4)",
            None,
        ),
    ] {
        let r = rows.iter().find(|r| r.kind() == kind).unwrap();
        assert_eq!(r.article(), Some(article));
        assert_eq!(r.scope(), InstrumentScope::PerRecipient);
        assert_eq!(r.from(), Some(date!(2018 - 05 - 25)));
        assert_eq!(r.until(), None);
        assert!(r.source().contains("CELEX 32016R0679"), "{}", r.source());
        if let Some(g) = guidelines {
            assert!(r.source().contains(g), "{}", r.source());
        }
    }
}

/// The new bases, statuses and caveat have stable spellings in the JSON of
/// `dpa transfers`.
/// Source: README "Findings catalogue" (codes are stable identifiers).
#[test]
fn spellings() {
    let mut c = certificate();
    c["valid_until"] = json!("2029-06-30");
    let a = recipient(
        &["certification", "code-of-conduct", "ad-hoc-clauses"],
        Some(("transfer_certification", c)),
    );
    let t = assess(&a, date!(2026 - 06 - 01));
    let v = serde_json::to_value(&t).unwrap();
    assert_eq!(v["bases"][0]["basis"], "certification");
    assert_eq!(
        v["bases"][0]["caveats"],
        json!(["certification-beyond-three-years"])
    );
    assert_eq!(v["bases"][1]["basis"], "code-of-conduct");
    assert_eq!(v["bases"][1]["status"], "details-not-stated");
    assert_eq!(v["bases"][2]["basis"], "ad-hoc-clauses");
    assert_eq!(
        t.verdict,
        TransferVerdict::Covered {
            bases: vec!["certification".parse().unwrap()]
        }
    );
    for s in [BasisStatus::NotApproved, BasisStatus::NoBindingCommitments] {
        assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
    }
    assert_eq!(BasisStatus::NotApproved.as_str(), "not-approved");
    assert_eq!(
        BasisStatus::NoBindingCommitments.as_str(),
        "no-binding-commitments"
    );
}

/// A change to the certificate a transfer rests on changes processing: the
/// client may object and terminate, as for any change of a transfer basis.
/// Source: clause 2.2.2 (significant changes), clause 2.8.3 (objection to a
/// sub-processor change); GDPR art. 28(2), 46(2)(f).
#[test]
fn a_changed_certificate_is_a_significant_change() {
    let old = recipient(
        &["certification"],
        Some(("transfer_certification", certificate())),
    );
    let mut c = certificate();
    c["withdrawn_on"] = json!("2027-01-01");
    let new = recipient(&["certification"], Some(("transfer_certification", c)));
    let changes = diff(&old, &new);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    let ch = &changes[0];
    assert_eq!(ch.kind, ChangeKind::SubProcessorBasisChanged);
    assert_eq!(
        ch.path,
        "statement.sub_processors[0].transfer_certification"
    );
    assert_eq!(ch.effect, Effect::ChangesProcessing);
    assert!(ch.significant);
    assert_eq!(
        ch.to.as_deref(),
        Some(
            "Europrivacy; criteria approved by: European Data Protection Board; issued by a certification body on 2025-03-01; valid until 2028-03-01; importer's binding commitments: yes; withdrawn from 2027-01-01"
        )
    );
}

/// Each safeguard on one line, as `dpa show` and `dpa diff` print it: the
/// entry as the file states it, the importer's binding commitments where
/// the basis needs them (a code, a certificate; not ad hoc clauses, which
/// the authority authorises), and the withdrawal where given.
/// Source: GDPR art. 40(3), 42(2) and 46(2)(e)-(f) (the importer's binding
/// commitments), 46(3)(a) (clauses the authority authorises).
#[test]
fn each_safeguard_on_one_line() {
    let line = |entry: &str, bases: &[&str], value: Value| {
        let a = recipient(bases, Some((entry, value)));
        let sp = &a.statement.sub_processors[0];
        let shown = [
            sp.code_of_conduct.as_ref().map(ToString::to_string),
            sp.transfer_certification.as_ref().map(ToString::to_string),
            sp.ad_hoc_clauses.as_ref().map(ToString::to_string),
        ];
        let [one]: [String; 1] = shown
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .try_into()
            .unwrap();
        one
    };
    assert_eq!(
        line("code_of_conduct", &["code-of-conduct"], code()),
        "Cloud Code; approval: the Belgian authority on 2021-05-20; general validity: European Commission on 2024-01-10 (Implementing Decision (EU) 2024/1); monitoring body: a monitoring body; importer's binding commitments: yes; withdrawn from 2030-01-01"
    );
    let mut bare = code();
    for key in ["general_validity", "monitoring_body", "withdrawn_on"] {
        bare.as_object_mut().unwrap().remove(key);
    }
    bare["importer_commitments"] = json!(false);
    assert_eq!(
        line("code_of_conduct", &["code-of-conduct"], bare),
        "Cloud Code; approval: the Belgian authority on 2021-05-20; general validity: not stated; importer's binding commitments: no"
    );
    assert_eq!(
        line("transfer_certification", &["certification"], certificate()),
        "Europrivacy; criteria approved by: European Data Protection Board; issued by a certification body on 2025-03-01; valid until 2028-03-01; importer's binding commitments: yes"
    );
    assert_eq!(
        line("ad_hoc_clauses", &["ad-hoc-clauses"], clauses()),
        "Belco-Scalingo clauses; authorisation: Autoriteit Persoonsgegevens on 2022-02-01 (z2022-001)"
    );
    let mut withdrawn = clauses();
    withdrawn.as_object_mut().unwrap().remove("name");
    withdrawn["withdrawn_on"] = json!("2025-01-01");
    assert_eq!(
        line("ad_hoc_clauses", &["ad-hoc-clauses"], withdrawn),
        "authorisation: Autoriteit Persoonsgegevens on 2022-02-01 (z2022-001); withdrawn from 2025-01-01"
    );
}
