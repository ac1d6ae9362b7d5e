//! Transfers outside the EEA: the history of the transfer bases (Safe
//! Harbour, Privacy Shield, the DPF, the old and new SCCs, the UK and Brazil
//! adequacy decisions) and the two seed agreements' real assessments.

use crate::helpers::load;

use dpa_core::transfers::{
    BasisStatus, Caveat, TransferAssessment, TransferVerdict, assess_transfers, instruments,
};
use dpa_core::{Agreement, FindingCode, Severity};
use serde_json::{Value, json};
use time::Date;
use time::macros::date;

/// Belco's agreement with its first sub-processor (Scalingo, seated in FR)
/// edited by `edit` and the others dropped.
fn with_sub_processor(edit: impl FnOnce(&mut Value)) -> Agreement {
    let a = load("belco.toml");
    let mut v: Value = serde_json::from_str(&a.to_json().unwrap()).unwrap();
    let mut sp = v["statement"]["sub_processors"][0].clone();
    edit(&mut sp);
    v["statement"]["sub_processors"] = json!([sp]);
    Agreement::from_json(&v.to_string()).unwrap()
}

/// A sub-processor processing in `locations` with `bases` claimed.
fn sub(locations: &[&str], bases: &[&str], dpf_certified: bool) -> Agreement {
    with_sub_processor(|sp| {
        sp["locations"] = json!(locations);
        sp["transfer_bases"] = json!(bases);
        sp["dpf_certified"] = json!(dpf_certified);
    })
}

fn assess(a: &Agreement, on: Date) -> TransferAssessment {
    let mut all = a.assess_transfers(on).unwrap();
    assert_eq!(all.len(), 1);
    all.remove(0)
}

fn codes(a: &TransferAssessment) -> Vec<&'static str> {
    a.findings.iter().map(|f| f.code.as_str()).collect()
}

fn covered_by(bases: &[&str]) -> TransferVerdict {
    serde_json::from_value::<Vec<dpa_core::model::TransferBasis>>(json!(bases))
        .map(|bases| TransferVerdict::Covered { bases })
        .unwrap()
}

fn not_covered(countries: &[&str]) -> TransferVerdict {
    TransferVerdict::NotCovered {
        countries: countries.iter().map(|c| c.parse().unwrap()).collect(),
    }
}

// ---------------------------------------------------------------------------
// History

/// The Privacy Shield covered a US transfer in 2019 and no longer does after
/// the CJEU declared it invalid on 16 July 2020: an error.
/// Source: Implementing Decision (EU) 2016/1250; CJEU 16 July 2020, C-311/18
/// (Schrems II), ECLI:EU:C:2020:559; GDPR art. 44.
#[test]
fn privacy_shield_valid_in_2019_invalid_after_schrems_ii() {
    let a = sub(&["US"], &["privacy-shield"], false);
    let before = assess(&a, date!(2019 - 06 - 01));
    assert_eq!(before.verdict, covered_by(&["privacy-shield"]));
    assert_eq!(before.bases[0].status, BasisStatus::Valid);
    assert_eq!(codes(&before), ["transfer-covered"]);

    let after = assess(&a, date!(2020 - 08 - 01));
    assert_eq!(after.verdict, not_covered(&["US"]));
    assert_eq!(after.bases[0].status, BasisStatus::NoLongerInForce);
    assert!(after.bases[0].reason.contains("2020-07-16"));
    assert!(after.bases[0].citation.contains("C-311/18"));
    assert_eq!(codes(&after), ["transfer-basis-invalid"]);
    let f = &after.findings[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        f.path.as_deref(),
        Some("statement.sub_processors[0].transfer_bases")
    );
    assert!(
        f.message.contains("Decision (EU) 2016/1250"),
        "{}",
        f.message
    );
    assert!(
        f.citation.starts_with("DPS 1.9, DPS 1.12; GDPR art. 44"),
        "{}",
        f.citation
    );
}

/// The Privacy Shield's first and last days: from 1 August 2016, when
/// self-certification opened, to 15 July 2020.
/// Source: Implementing Decision (EU) 2016/1250
/// (dpa-core/data/transfer-bases.tsv: from the day self-certification opened);
/// CJEU 16 July 2020, C-311/18.
#[test]
fn privacy_shield_window_edges() {
    let a = sub(&["US"], &["privacy-shield"], false);
    let status = |d| assess(&a, d).bases[0].status;
    assert_eq!(status(date!(2016 - 07 - 31)), BasisStatus::NotYetInForce);
    assert_eq!(status(date!(2016 - 08 - 01)), BasisStatus::Valid);
    assert_eq!(status(date!(2020 - 07 - 15)), BasisStatus::Valid);
    assert_eq!(status(date!(2020 - 07 - 16)), BasisStatus::NoLongerInForce);
}

/// The EU-US Data Privacy Framework covers a certified US recipient from
/// 10 July 2023, also when claimed as `adequacy`.
/// Source: Implementing Decision (EU) 2023/1795 of 10 July 2023 (organisations
/// on the DPF List); GDPR art. 45(3).
#[test]
fn dpf_certified_invalid_before_2023_07_10_valid_after() {
    let a = sub(&["US"], &["eu-us-dpf"], true);
    let before = assess(&a, date!(2023 - 07 - 09));
    assert_eq!(before.verdict, not_covered(&["US"]));
    assert_eq!(before.bases[0].status, BasisStatus::NotYetInForce);
    assert!(before.bases[0].reason.contains("2023-07-10"));
    assert_eq!(codes(&before), ["transfer-basis-invalid"]);

    for on in [date!(2023 - 07 - 10), date!(2026 - 11 - 23)] {
        let after = assess(&a, on);
        assert_eq!(after.verdict, covered_by(&["eu-us-dpf"]));
        assert_eq!(
            after.bases[0].reference.as_deref(),
            Some("Decision (EU) 2023/1795")
        );
        assert_eq!(codes(&after), ["transfer-covered"]);
    }
    // `adequacy` for the US means the DPF too.
    let a = sub(&["US"], &["adequacy"], true);
    assert_eq!(
        assess(&a, date!(2024 - 01 - 01)).verdict,
        covered_by(&["adequacy"])
    );
}

/// The DPF claimed for a recipient not marked as certified, with no other valid
/// basis, is an error that names the other bases and why they fail.
/// Source: Implementing Decision (EU) 2023/1795 (only organisations on the DPF
/// List); Implementing Decision (EU) 2021/914 art. 4 (Decision 2010/87/EU
/// repealed; earlier contracts valid until 27 December 2022); README "Findings
/// catalogue" (`dpf-not-certified`).
#[test]
fn dpf_claimed_but_not_certified_is_an_error() {
    for basis in ["eu-us-dpf", "adequacy"] {
        let a = sub(&["US"], &[basis], false);
        let r = assess(&a, date!(2026 - 11 - 23));
        assert_eq!(r.verdict, not_covered(&["US"]), "{basis}");
        assert_eq!(r.bases[0].status, BasisStatus::RecipientNotCertified);
        assert!(!r.bases[0].valid);
        assert_eq!(codes(&r), ["dpf-not-certified"], "{basis}");
        let f = &r.findings[0];
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(
            f.path.as_deref(),
            Some("statement.sub_processors[0].dpf_certified")
        );
        assert!(
            f.citation.contains("Decision (EU) 2023/1795"),
            "{}",
            f.citation
        );
    }
    // With an old SCC that no longer applies, still the DPF error, naming both.
    let a = sub(&["US"], &["eu-us-dpf", "scc-2010"], false);
    let r = assess(&a, date!(2026 - 11 - 23));
    assert_eq!(codes(&r), ["dpf-not-certified"]);
    assert!(
        r.findings[0]
            .message
            .contains("; `scc-2010`: Decision 2010/87/EU no longer applies")
    );
}

/// The DPF claimed without certification while SCCs cover the transfer is a
/// warning; before the DPF existed there is nothing to confirm.
/// Source: Implementing Decision (EU) 2023/1795 (from 10 July 2023, certified
/// recipients only); Implementing Decision (EU) 2021/914 (GDPR art. 46(2)(c));
/// README "Findings catalogue" (`dpf-certification-unconfirmed`).
#[test]
fn dpf_not_certified_but_covered_by_sccs_is_a_warning() {
    let a = sub(&["US"], &["eu-us-dpf", "scc-2021-p2p"], false);
    let r = assess(&a, date!(2026 - 11 - 23));
    assert_eq!(r.verdict, covered_by(&["scc-2021-p2p"]));
    assert_eq!(
        codes(&r),
        ["dpf-certification-unconfirmed", "transfer-covered"]
    );
    assert_eq!(r.findings[0].severity, Severity::Warning);
    // Before the DPF existed there is nothing to confirm.
    let r = assess(&a, date!(2022 - 01 - 01));
    assert_eq!(r.bases[0].status, BasisStatus::NotYetInForce);
    assert_eq!(codes(&r), ["transfer-covered"]);
}

/// The 2010 and 2001 SCCs: valid from their start, from 27 September 2021 valid
/// for earlier contracts only (a warning), invalid from 27 December 2022.
/// Source: Implementing Decision (EU) 2021/914 art. 4 (Decisions 2001/497/EC
/// and 2010/87/EU repealed from 27 September 2021; contracts concluded before
/// then valid until 27 December 2022); Decision 2010/87/EU (applies from 15 May
/// 2010).
#[test]
fn old_sccs_transitional_then_invalid() {
    let a = sub(&["US"], &["scc-2010"], false);
    let normal = assess(&a, date!(2020 - 01 - 01));
    assert_eq!(normal.verdict, covered_by(&["scc-2010"]));
    assert!(normal.bases[0].caveats.is_empty());

    let transitional = assess(&a, date!(2022 - 06 - 01));
    assert_eq!(transitional.verdict, covered_by(&["scc-2010"]));
    assert_eq!(transitional.bases[0].caveats, [Caveat::OldSccTransitional]);
    assert_eq!(
        codes(&transitional),
        ["old-scc-transitional", "transfer-covered"]
    );
    let w = &transitional.findings[0];
    assert_eq!(
        w.path.as_deref(),
        Some("statement.sub_processors[0].transfer_bases[0]")
    );
    assert!(
        w.message.contains("2021-09-27") && w.message.contains("2022-12-27"),
        "{}",
        w.message
    );

    let after = assess(&a, date!(2023 - 01 - 01));
    assert_eq!(after.verdict, not_covered(&["US"]));
    assert_eq!(after.bases[0].status, BasisStatus::NoLongerInForce);
    assert_eq!(codes(&after), ["transfer-basis-invalid"]);

    let early = assess(&a, date!(2010 - 03 - 01));
    assert_eq!(early.bases[0].status, BasisStatus::NotYetInForce);
    // The 2001 clauses, on the same dates.
    let a = sub(&["US"], &["scc-2001"], false);
    assert_eq!(
        assess(&a, date!(2022 - 12 - 26)).bases[0].status,
        BasisStatus::Valid
    );
    assert_eq!(
        assess(&a, date!(2022 - 12 - 27)).bases[0].status,
        BasisStatus::NoLongerInForce
    );
}

/// The 2021 SCCs cover a transfer from 27 June 2021, when their decision took
/// effect.
/// Source: Implementing Decision (EU) 2021/914 of 4 June 2021, OJ L 199,
/// 7.6.2021 (in force on the twentieth day after publication, 27 June 2021);
/// GDPR art. 46(2)(c).
#[test]
fn sccs_2021_from_2021_06_27() {
    let a = sub(&["IN"], &["scc-2021"], false);
    assert_eq!(
        assess(&a, date!(2021 - 06 - 26)).bases[0].status,
        BasisStatus::NotYetInForce
    );
    let r = assess(&a, date!(2021 - 06 - 27));
    assert_eq!(r.verdict, covered_by(&["scc-2021"]));
    assert_eq!(
        r.findings[0].message,
        "sub-processor `Scalingo` transfers data to IN; covered by scc-2021 (Decision (EU) 2021/914)"
    );
}

/// SCCs of no stated edition are read as the edition in force on the date,
/// always with a warning; before any SCC decision applied they cover nothing.
/// Source: docs/rules.md rule 6 (the SCC edition is stated, or the file says
/// the agreement does not); README "Findings catalogue"
/// (`scc-edition-not-stated`); Implementing Decision (EU) 2021/914 art. 4;
/// Decisions 2010/87/EU and 2001/497/EC (applies from 3 September 2001).
#[test]
fn scc_edition_not_stated() {
    let a = sub(&["US"], &["scc-edition-not-stated"], false);
    let now = assess(&a, date!(2026 - 11 - 23));
    assert_eq!(now.verdict, covered_by(&["scc-edition-not-stated"]));
    assert_eq!(
        now.bases[0].reference.as_deref(),
        Some("Decision (EU) 2021/914")
    );
    assert_eq!(now.bases[0].caveats, [Caveat::SccEditionNotStated]);
    assert_eq!(codes(&now), ["scc-edition-not-stated", "transfer-covered"]);

    let before = assess(&a, date!(2019 - 01 - 01));
    assert_eq!(before.bases[0].status, BasisStatus::Valid);
    assert_eq!(
        before.bases[0].reference.as_deref(),
        Some("Decision 2010/87/EU")
    );
    assert_eq!(before.bases[0].caveats, [Caveat::SccEditionNotStated]);

    let none = assess(&a, date!(2000 - 01 - 01));
    assert_eq!(none.bases[0].status, BasisStatus::NotYetInForce);
    assert_eq!(codes(&none), ["transfer-basis-invalid"]);
}

/// The UK adequacy decision from 28 June 2021, its extension of 24 June 2025
/// and its renewal of 19 December 2025, valid until 27 December 2031.
/// Source: Implementing Decision (EU) 2021/1772 of 28 June 2021 (sunset 27 June
/// 2025); its extension of 24 June 2025 to 27 December 2025 (OJ 26.6.2025); the
/// Commission's renewal of 19 December 2025 (dpa-core/data/transfer-bases.tsv,
/// rows `adequacy-GB-*`).
#[test]
fn uk_adequacy_with_its_extension_and_renewal() {
    let a = sub(&["GB"], &["adequacy"], false);
    let at = |d| assess(&a, d);

    let before = at(date!(2021 - 06 - 27));
    assert_eq!(before.verdict, not_covered(&["GB"]));
    assert_eq!(before.bases[0].status, BasisStatus::NotYetInForce);

    let first = at(date!(2021 - 06 - 28));
    assert_eq!(first.verdict, covered_by(&["adequacy"]));
    assert_eq!(
        first.bases[0].reference.as_deref(),
        Some("Decision (EU) 2021/1772")
    );

    let extension = at(date!(2025 - 10 - 01));
    assert_eq!(extension.verdict, covered_by(&["adequacy"]));
    assert!(
        extension.bases[0]
            .reference
            .as_deref()
            .unwrap()
            .contains("extended")
    );

    let renewal = at(date!(2026 - 06 - 01));
    assert_eq!(renewal.verdict, covered_by(&["adequacy"]));
    assert!(
        renewal.bases[0]
            .reference
            .as_deref()
            .unwrap()
            .contains("19 December 2025")
    );
    assert!(renewal.bases[0].caveats.is_empty());

    let beyond = at(date!(2032 - 01 - 01));
    assert_eq!(beyond.bases[0].status, BasisStatus::NoLongerInForce);
    assert!(beyond.bases[0].reason.contains("2031-12-27"));
}

/// Brazil's adequacy decision covers a transfer from 26 January 2026.
/// Source: Implementing Decision (EU) 2026/179 of 26 January 2026 (CELEX
/// 32026D0179).
#[test]
fn brazil_adequacy_from_2026_01_26() {
    let a = sub(&["BR"], &["adequacy"], false);
    let before = assess(&a, date!(2026 - 01 - 01));
    assert_eq!(before.verdict, not_covered(&["BR"]));
    assert_eq!(before.bases[0].status, BasisStatus::NotYetInForce);
    assert_eq!(codes(&before), ["transfer-basis-invalid"]);
    let after = assess(&a, date!(2026 - 02 - 01));
    assert_eq!(after.verdict, covered_by(&["adequacy"]));
    assert_eq!(
        after.bases[0].reference.as_deref(),
        Some("Decision (EU) 2026/179")
    );
}

/// Safe Harbour covered a US transfer in 2014, and no longer after the CJEU
/// declared it invalid on 6 October 2015.
/// Source: Decision 2000/520/EC; CJEU 6 October 2015, C-362/14 (Schrems I),
/// ECLI:EU:C:2015:650.
#[test]
fn safe_harbour_valid_2014_invalid_2016() {
    let a = sub(&["US"], &["safe-harbour"], false);
    assert_eq!(
        assess(&a, date!(2014 - 06 - 01)).verdict,
        covered_by(&["safe-harbour"])
    );
    let r = assess(&a, date!(2016 - 06 - 01));
    assert_eq!(r.verdict, not_covered(&["US"]));
    assert!(
        r.bases[0].reason.contains("C-362/14"),
        "{}",
        r.bases[0].reason
    );
    assert_eq!(codes(&r), ["transfer-basis-invalid"]);
}

/// The US frameworks cover no other country, and `adequacy` for the US in 2019
/// points to the Privacy Shield, as the DPF did not exist yet.
/// Source: Implementing Decisions (EU) 2016/1250 and (EU) 2023/1795, both on
/// the United States only (the latter from 10 July 2023).
#[test]
fn us_frameworks_cover_only_the_us() {
    let a = sub(&["JP"], &["eu-us-dpf", "privacy-shield"], true);
    let r = assess(&a, date!(2026 - 11 - 23));
    assert!(
        r.bases
            .iter()
            .all(|b| b.status == BasisStatus::NotForThisCountry)
    );
    assert_eq!(codes(&r), ["transfer-basis-invalid"]);
    // `adequacy` for the US in 2019 meant no DPF yet; the reason points to Privacy Shield.
    let a = sub(&["US"], &["adequacy"], true);
    let r = assess(&a, date!(2019 - 06 - 01));
    assert_eq!(r.bases[0].status, BasisStatus::NotYetInForce);
    assert!(
        r.bases[0].reason.contains("privacy-shield"),
        "{}",
        r.bases[0].reason
    );
}

/// An art. 49 derogation claimed for a standing sub-processor (engaged always
/// or per assignment) is a warning.
/// Source: GDPR art. 49(1)(a) and its second subparagraph ("not repetitive");
/// EDPB Guidelines 2/2018 (derogations for occasional transfers only); README
/// "Findings catalogue" (`derogation-for-standing-transfer`).
#[test]
fn derogation_for_a_standing_sub_processor_is_a_warning() {
    for engagement in ["always", "depending-on-assignment"] {
        let a = with_sub_processor(|sp| {
            sp["locations"] = json!(["US"]);
            sp["transfer_bases"] = json!(["derogation-consent"]);
            sp["engagement"] = json!(engagement);
        });
        let r = assess(&a, date!(2026 - 11 - 23));
        assert_eq!(r.verdict, covered_by(&["derogation-consent"]));
        assert_eq!(r.bases[0].caveats, [Caveat::DerogationForStandingTransfer]);
        assert_eq!(
            codes(&r),
            ["derogation-for-standing-transfer", "transfer-covered"]
        );
        let w = &r.findings[0];
        assert_eq!(w.severity, Severity::Warning);
        assert!(w.message.contains(engagement), "{}", w.message);
        assert!(w.citation.contains("GDPR art. 49(1)(a)"), "{}", w.citation);
    }
    let a = sub(&["US"], &["derogation-residual"], false);
    let r = assess(&a, date!(2026 - 11 - 23));
    assert_eq!(
        codes(&r),
        ["derogation-for-standing-transfer", "transfer-covered"]
    );
}

/// An adequacy decision that covers only some recipients (Canada, Japan, Korea,
/// the Faroe Islands, Israel, Uruguay) gives a warning; one for the whole
/// country does not.
/// Source: the scope of each decision (GDPR art. 45): limited in 2002/2/EC (CA,
/// PIPEDA), (EU) 2019/419 (JP), (EU) 2022/254 (KR), 2010/146/EU (FO),
/// 2011/61/EU (IL) and 2012/484/EU (UY, automated processing); whole in
/// 2000/518/EC (CH), 2013/65/EU (NZ), 2010/625/EU (AD), 2003/490/EC (AR),
/// 2003/821/EC (GG), 2004/411/EC (IM) and 2008/393/EC (JE).
#[test]
fn scope_limited_adequacy_is_a_warning() {
    for country in ["CA", "JP", "KR", "FO", "IL", "UY"] {
        let a = sub(&[country], &["adequacy"], false);
        let r = assess(&a, date!(2026 - 11 - 23));
        assert_eq!(r.verdict, covered_by(&["adequacy"]), "{country}");
        assert_eq!(r.bases[0].caveats, [Caveat::AdequacyScopeLimited]);
        assert_eq!(codes(&r), ["adequacy-scope-limited", "transfer-covered"]);
    }
    for country in ["CH", "NZ", "AD", "AR", "GG", "IM", "JE"] {
        let a = sub(&[country], &["adequacy"], false);
        let r = assess(&a, date!(2026 - 11 - 23));
        assert_eq!(codes(&r), ["transfer-covered"], "{country}");
    }
}

/// Binding corporate rules cover a transfer from 25 May 2018, when the GDPR
/// took effect.
/// Source: GDPR art. 46(2)(b), 47 and 99(2).
#[test]
fn bcr_from_2018_05_25() {
    let a = sub(&["IN"], &["bcr"], false);
    assert_eq!(
        assess(&a, date!(2026 - 11 - 23)).verdict,
        covered_by(&["bcr"])
    );
    assert_eq!(
        assess(&a, date!(2018 - 05 - 24)).bases[0].status,
        BasisStatus::NotYetInForce
    );
}

/// `adequacy` claimed for a country no adequacy decision covers (China) is
/// invalid.
/// Source: GDPR art. 45(1) and the Commission's adequacy decisions, none for CN
/// (dpa-core/data/transfer-bases.tsv).
#[test]
fn no_adequacy_decision_for_the_country() {
    let a = sub(&["CN"], &["adequacy"], false);
    let r = assess(&a, date!(2026 - 11 - 23));
    assert_eq!(r.bases[0].status, BasisStatus::NotForThisCountry);
    assert!(r.bases[0].reason.contains("no adequacy decision covers CN"));
    assert_eq!(codes(&r), ["transfer-basis-invalid"]);
}

/// Processing in the EU, the EEA or a member state (Greece as GR) is no
/// transfer; Switzerland is outside the EEA.
/// Source: GDPR art. 44 (transfers to third countries); the EEA Agreement (the
/// EU 27 with Iceland, Liechtenstein and Norway); ISO 3166-1 (GR).
#[test]
fn eea_locations_are_no_transfer() {
    for locations in [&["DE"][..], &["EU", "NO"], &["EEA", "IS", "LI"], &["GR"]] {
        let a = sub(locations, &["scc-2021"], false);
        let r = assess(&a, date!(2026 - 11 - 23));
        assert_eq!(r.verdict, TransferVerdict::NoTransfer, "{locations:?}");
        assert!(r.outside_eea.is_empty());
        assert!(!r.non_eea_seat);
        assert!(r.findings.is_empty());
    }
    // Switzerland and the UK are outside the EEA.
    let r = assess(&sub(&["CH"], &[], false), date!(2026 - 11 - 23));
    assert_eq!(r.verdict, TransferVerdict::NoBasisClaimed);
}

/// Processing in the US with no transfer basis stated is an error.
/// Source: GDPR art. 44-46; README "Findings catalogue"
/// (`transfer-without-basis`).
#[test]
fn transfer_without_basis() {
    let r = assess(&sub(&["EU", "US"], &[], false), date!(2026 - 11 - 23));
    assert_eq!(r.verdict, TransferVerdict::NoBasisClaimed);
    assert_eq!(codes(&r), ["transfer-without-basis"]);
    assert_eq!(r.findings[0].severity, Severity::Error);
    assert_eq!(
        r.findings[0].message,
        "sub-processor `Scalingo` processes data in US (outside the EEA) and no transfer basis is stated"
    );
}

/// Without processing locations no transfer is assessed, and none is assumed.
/// Source: docs/rules.md rule 6 (the file states a value or that the agreement
/// does not say it; nothing is guessed).
#[test]
fn locations_not_stated() {
    let r = assess(&sub(&[], &["scc-2021"], false), date!(2026 - 11 - 23));
    assert_eq!(r.verdict, TransferVerdict::LocationsNotStated);
    assert!(r.findings.is_empty());
}

/// Each country outside the EEA needs its own valid basis: Japan's adequacy
/// decision does not cover the US; the SCCs cover both.
/// Source: GDPR art. 44 (every transfer); Implementing Decision (EU) 2019/419
/// (JP, limited scope); Implementing Decision (EU) 2023/1795 (certified
/// recipients only); Implementing Decision (EU) 2021/914.
#[test]
fn several_countries_each_need_a_basis() {
    // Japan is covered by its adequacy decision; the US is not (not certified).
    let a = sub(&["JP", "US", "JP"], &["adequacy"], false);
    let r = assess(&a, date!(2026 - 11 - 23));
    assert_eq!(r.outside_eea.len(), 2);
    assert_eq!(r.bases.len(), 2);
    assert_eq!(r.verdict, not_covered(&["US"]));
    assert_eq!(codes(&r), ["dpf-not-certified", "adequacy-scope-limited"]);
    // SCCs cover both.
    let a = sub(&["JP", "US"], &["adequacy", "scc-2021"], true);
    let r = assess(&a, date!(2026 - 11 - 23));
    assert_eq!(r.verdict, covered_by(&["adequacy", "scc-2021"]));
    assert_eq!(
        r.findings.last().unwrap().message,
        "sub-processor `Scalingo` transfers data to JP, US; covered by adequacy (Decision (EU) 2019/419, Decision (EU) 2023/1795) and scc-2021 (Decision (EU) 2021/914)"
    );
}

/// A transfer assessment's JSON field names and spellings.
/// Source: the library's JSON format (docs/architecture.md, "Reports"; README
/// "The `dpa` command", `dpa transfers`).
#[test]
fn assessments_serialize_with_stable_names() {
    let a = sub(&["US"], &["eu-us-dpf", "scc-2021"], false);
    let r = assess(&a, date!(2026 - 11 - 23));
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["index"], 0);
    assert_eq!(v["name"], "Scalingo");
    assert_eq!(v["seat"], "FR");
    assert_eq!(v["outside_eea"], json!(["US"]));
    assert_eq!(v["non_eea_seat"], false);
    assert_eq!(
        v["verdict"],
        json!({"kind": "covered", "bases": ["scc-2021"]})
    );
    assert_eq!(v["bases"][0]["basis"], "eu-us-dpf");
    assert_eq!(v["bases"][0]["countries"], json!(["US"]));
    // The SCCs are not tied to a country: one entry for every country.
    assert_eq!(v["bases"][1]["countries"], json!([]));
    assert_eq!(v["bases"][0]["valid"], false);
    assert_eq!(v["bases"][0]["status"], "recipient-not-certified");
    assert_eq!(v["bases"][1]["status"], "valid");
    assert_eq!(v["bases"][1]["caveats"], json!([]));
    assert_eq!(v["findings"][0]["code"], "dpf-certification-unconfirmed");
    assert_eq!(v["findings"][0]["severity"], "warning");
}

// ---------------------------------------------------------------------------
// The seed agreements

/// Alles Online on 23 November 2026: Mailgun, Sentry, Google reCAPTCHA and
/// Google Maps transfer to the US under SCCs whose edition DPS 8 does not
/// name, read as the 2021 clauses on the date with the warning
/// `scc-edition-not-stated` (DPF certification unconfirmed); the other five
/// do not transfer.
/// Source: Alles Online DPS 8 ("standaardbepalingen (Standard Contractual
/// Clauses, SCC's) afgesloten") and DPS 9 ("DPF/SCC's"); Implementing
/// Decision (EU) 2021/914 (GDPR art. 46(2)(c)); Implementing Decision (EU)
/// 2023/1795.
#[test]
fn alles_online_on_2026_11_23() {
    let a = load("alles-online.toml");
    let all = assess_transfers(&a, date!(2026 - 11 - 23)).unwrap();
    assert_eq!(all.len(), 9);
    let us = ["Mailgun", "Sentry", "Google reCAPTCHA", "Google Maps"];
    for r in &all {
        assert!(
            r.findings.iter().all(|f| f.severity != Severity::Error),
            "{}: {:#?}",
            r.name,
            r.findings
        );
        assert!(!r.non_eea_seat, "{}", r.name);
        if us.contains(&r.name.as_str()) {
            assert_eq!(
                r.outside_eea.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                ["US"]
            );
            assert_eq!(
                r.verdict,
                covered_by(&["scc-edition-not-stated"]),
                "{}",
                r.name
            );
            assert_eq!(r.bases.len(), 2);
            assert_eq!(r.bases[0].status, BasisStatus::RecipientNotCertified);
            assert_eq!(r.bases[1].status, BasisStatus::Valid);
            assert_eq!(
                codes(r),
                [
                    "dpf-certification-unconfirmed",
                    "scc-edition-not-stated",
                    "transfer-covered"
                ],
                "{}",
                r.name
            );
            assert_eq!(
                r.findings[1].message,
                format!(
                    "sub-processor `{}` relies on `scc-edition-not-stated`: the edition is not stated; read as Decision (EU) 2021/914, which applies on 2026-11-23",
                    r.name
                )
            );
            let info = &r.findings[2];
            assert_eq!(info.severity, Severity::Info);
            assert_eq!(
                info.message,
                format!(
                    "sub-processor `{}` transfers data to US; covered by scc-edition-not-stated (Decision (EU) 2021/914)",
                    r.name
                )
            );
            assert_eq!(
                info.citation,
                "DPS 8, DPS 9; GDPR art. 46(2)(c); Decision (EU) 2021/914"
            );
            assert_eq!(
                info.path.as_deref(),
                Some(format!("statement.sub_processors[{}]", r.index).as_str())
            );
            assert_eq!(r.findings[0].code, FindingCode::DpfCertificationUnconfirmed);
        } else {
            assert_eq!(r.verdict, TransferVerdict::NoTransfer, "{}", r.name);
            assert!(r.findings.is_empty(), "{}", r.name);
        }
    }
    let mailgun = &all[3];
    assert_eq!(mailgun.name, "Mailgun");
    assert_eq!(
        mailgun.findings[0].message,
        "sub-processor `Mailgun` claims the EU-US Data Privacy Framework (`eu-us-dpf`) but is not marked `dpf_certified`; the transfer to US is covered by scc-edition-not-stated (Decision (EU) 2021/914) instead"
    );
    let names: Vec<&str> = all
        .iter()
        .filter(|r| r.verdict == TransferVerdict::NoTransfer)
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "DigitalOcean",
            "Mach3Builders BV",
            "TransIP",
            "SimpleBackups/SimpleStorage",
            "Microsoft 365"
        ]
    );
}

/// Belco on 23 November 2026: the data stays in the EU, and the ten
/// US-seated sub-processors may reach it from the US (access from a third
/// country, a transfer), covered by SCCs of an edition the statement does not
/// name: each is `covered` with the warning `scc-edition-not-stated`; none is
/// warned `non-eea-seat`, since access from the seat's country is stated.
/// Source: Belco DPS 1.8 ("binnen en soms buiten de EU/EER"), DPS 1.9 (the
/// seats, and the N.B. on SCCs with the sub-processors "uit Amerika") and the
/// version 1.2.2 note ("Alle data verloopt via datacenters in de EU"); GDPR
/// art. 44, 46(2)(c); EDPB Guidelines 05/2021 (access from a third country is
/// a transfer); Implementing Decision (EU) 2021/914.
#[test]
fn belco_on_2026_11_23() {
    let a = load("belco.toml");
    let all = a.assess_transfers(date!(2026 - 11 - 23)).unwrap();
    assert_eq!(all.len(), 14);
    assert!(
        all.iter()
            .all(|r| r.outside_eea.is_empty() && !r.non_eea_seat)
    );
    let reached: Vec<&str> = all
        .iter()
        .filter(|r| !r.access_from.is_empty())
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(
        reached,
        [
            "Amazon, Inc.",
            "Google, Inc.",
            "Heroku",
            "Azure",
            "Mailgun",
            "Nylas",
            "Twilio",
            "Pushwush",
            "Segment",
            "Median"
        ]
    );
    for r in &all {
        if r.access_from.is_empty() {
            assert_eq!(r.verdict, TransferVerdict::NoTransfer, "{}", r.name);
            assert!(r.findings.is_empty(), "{}", r.name);
            continue;
        }
        assert_eq!(
            r.access_from.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            ["US"]
        );
        assert_eq!(
            r.verdict,
            covered_by(&["scc-edition-not-stated"]),
            "{}",
            r.name
        );
        assert_eq!(
            codes(r),
            ["scc-edition-not-stated", "transfer-covered"],
            "{}",
            r.name
        );
        let warning = &r.findings[0];
        assert_eq!(warning.severity, Severity::Warning);
        assert_eq!(
            warning.path.as_deref(),
            Some(format!("statement.sub_processors[{}].transfer_bases[0]", r.index).as_str())
        );
        assert_eq!(
            r.findings[1].message,
            format!(
                "sub-processor `{}` transfers data to US (access from there); covered by scc-edition-not-stated (Decision (EU) 2021/914)",
                r.name
            )
        );
        assert!(r.findings[1].citation.starts_with("DPS 1.8, DPS 1.9"));
        assert_eq!(r.bases.len(), 1);
        assert_eq!(
            r.bases[0].reference.as_deref(),
            Some("Decision (EU) 2021/914")
        );
    }
}

/// Before 27 June 2021 the SCCs Belco does not name are read as the old
/// clauses (Decision 2010/87/EU), still with the warning; from 27 December
/// 2022 only the 2021 clauses can be meant. The edition is read on the date
/// asked, never fixed in the file.
/// Source: Belco DPS 1.9 N.B. ("SCC's of standaardcontractbepalingen", no
/// edition); Implementing Decision (EU) 2021/914 art. 4 (the old clauses
/// repealed from 27 September 2021, contracts concluded before then valid
/// until 27 December 2022).
#[test]
fn belco_scc_edition_read_on_the_date() {
    let a = load("belco.toml");
    let amazon = |on| a.assess_transfers(on).unwrap().swap_remove(1);
    let early = amazon(date!(2020 - 01 - 01));
    assert_eq!(early.name, "Amazon, Inc.");
    assert_eq!(early.verdict, covered_by(&["scc-edition-not-stated"]));
    assert_eq!(
        early.bases[0].reference.as_deref(),
        Some("Decision 2010/87/EU")
    );
    assert_eq!(
        codes(&early),
        ["scc-edition-not-stated", "transfer-covered"]
    );
    let late = amazon(date!(2023 - 01 - 01));
    assert_eq!(
        late.bases[0].reference.as_deref(),
        Some("Decision (EU) 2021/914")
    );
}

/// The reference table is public and each row cites its source: Brazil and the
/// European Patent Organisation.
/// Source: Implementing Decision (EU) 2026/179 (CELEX 32026D0179, from
/// 26 January 2026) and Implementing Decision (EU) 2025/1382 (the European
/// Patent Organisation, which has no ISO 3166 code).
#[test]
fn the_table_is_public_and_cites_its_sources() {
    let rows = instruments().unwrap();
    assert!(rows.len() > 60);
    let br = rows.iter().find(|r| r.id() == "adequacy-BR").unwrap();
    assert_eq!(br.reference(), "Decision (EU) 2026/179");
    assert!(br.source().contains("CELEX 32026D0179"));
    assert!(br.applies_on(date!(2026 - 02 - 01)));
    assert!(!br.applies_on(date!(2026 - 01 - 25)));
    let epo = rows
        .iter()
        .find(|r| r.jurisdiction() == Some("XX-EPO"))
        .unwrap();
    assert_eq!(epo.country(), None);
    assert_eq!(epo.reference(), "Decision (EU) 2025/1382");
}

// ---------------------------------------------------------------------------
// Size: each fact once

#[path = "../../../benches/src/worst.rs"]
#[allow(
    unreachable_pub,
    reason = "the generator is public in dpa-benches, which shares the file"
)]
mod worst;

/// A basis not tied to a country is assessed once for every country, a
/// repeated claim once, and `adequacy` once per country the table has a
/// decision for plus once for all the others (named in one reason).
/// Source: dpa_core::transfers module documentation, "Size"; GDPR art. 45
/// (adequacy per country) and art. 46(2)(c) (SCCs for any country).
#[test]
fn each_fact_once() {
    let a = sub(
        &["CN", "JP", "US", "RU"],
        &["adequacy", "scc-2021", "scc-2021"],
        false,
    );
    let r = assess(&a, date!(2026 - 11 - 23));
    let shape: Vec<(&str, usize, Vec<&str>)> = r
        .bases
        .iter()
        .map(|b| {
            let cs = b.countries.iter().map(|c| c.as_str()).collect();
            (b.basis.as_str(), b.index, cs)
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("adequacy", 0, vec!["CN", "RU"]),
            ("adequacy", 0, vec!["JP"]),
            ("adequacy", 0, vec!["US"]),
            ("scc-2021", 1, vec![]),
        ]
    );
    assert_eq!(r.bases[0].reason, "no adequacy decision covers CN, RU");
    assert_eq!(r.verdict, covered_by(&["adequacy", "scc-2021"]));
    // One covered finding naming the four countries.
    let covered: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.code == FindingCode::TransferCovered)
        .collect();
    assert_eq!(covered.len(), 1);
    assert!(
        covered[0]
            .message
            .contains("transfers data to CN, JP, US, RU")
    );
    // Without the SCCs, the countries no basis covers are one finding.
    let a = sub(&["CN", "JP", "RU"], &["adequacy"], false);
    let r = assess(&a, date!(2026 - 11 - 23));
    assert_eq!(
        r.verdict,
        TransferVerdict::NotCovered {
            countries: vec!["CN".parse().unwrap(), "RU".parse().unwrap()]
        }
    );
    assert_eq!(
        codes(&r),
        ["transfer-basis-invalid", "adequacy-scope-limited"]
    );
}

/// The worst accepted shape (`benches/src/worst.rs`) at a small scale: every
/// country outside the EEA, every basis. The entries per sub-processor are
/// bounded by the bases and the table, not countries x bases, and the
/// report's JSON, written one assessment at a time, is the JSON of the
/// whole report.
/// Source: dpa_core::transfers module documentation, "Size"; README
/// "Invariants and limits".
#[test]
fn worst_shape_is_linear() {
    use dpa_core::model::TransferBasis;
    use dpa_core::report::Report;
    use dpa_core::report::TransfersReport;
    use dpa_core::values::Country;
    let countries: Vec<&str> = Country::all()
        .filter(|c| !c.is_eea())
        .map(|c| c.as_str())
        .collect();
    let bases: Vec<&str> = TransferBasis::ALL.iter().map(|b| b.as_str()).collect();
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/agreements/alles-online.toml"
    ))
    .unwrap();
    let text = worst::worst_transfers_toml(&seed, 5, &countries, &bases).unwrap();
    let a = Agreement::from_toml(&text).unwrap();
    let on = date!(2026 - 11 - 23);
    for t in a.assess_transfers(on).unwrap() {
        assert_eq!(t.access_from.len(), countries.len());
        // 24 bases; the country bases add one entry per country the table
        // names (about twenty): far below 219 x 24.
        assert!(t.bases.len() <= 2 * bases.len() + 40, "{}", t.bases.len());
        assert!(t.findings.len() <= bases.len() + 5, "{}", t.findings.len());
    }
    let report = TransfersReport::new(&a, on).unwrap();
    let json = report.to_json().unwrap();
    let whole =
        serde_json::to_string_pretty(&serde_json::to_value(&report).unwrap()).unwrap() + "\n";
    assert_eq!(json, whole);
    assert!(
        json.len() <= 40 * text.len(),
        "{} for {}",
        json.len(),
        text.len()
    );
    assert!(a.check(on).len() <= 5 * (bases.len() + 5) + 20);
}

/// The round trip holds at the limits: the worst shape with as many
/// sub-processors as the TOML value limit allows (about 4,000 with every
/// basis; 6.5 MB of TOML) writes pretty JSON and TOML of more than 16 MiB,
/// which were refused when read again; the writers fall back to their
/// compact forms, which an accepted agreement always fits in, and the TOML
/// holds no more values than a TOML document may.
/// Source: dpa_core::limits::MAX_DOCUMENT_BYTES and MAX_TOML_VALUES; README
/// "Invariants and limits".
#[test]
fn round_trip_at_the_limit() {
    use dpa_core::document::toml_values;
    use dpa_core::limits::{MAX_DOCUMENT_BYTES, MAX_TOML_VALUES};
    use dpa_core::model::TransferBasis;
    use dpa_core::values::Country;
    let countries: Vec<&str> = Country::all()
        .filter(|c| !c.is_eea())
        .map(|c| c.as_str())
        .collect();
    let bases: Vec<&str> = TransferBasis::ALL.iter().map(|b| b.as_str()).collect();
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/agreements/alles-online.toml"
    ))
    .unwrap();
    let (text, n, k) = worst::worst_transfers_fitting(
        &seed,
        usize::MAX,
        &countries,
        &bases,
        MAX_TOML_VALUES,
        toml_values,
        |text| Agreement::from_toml(text).is_ok(),
    )
    .unwrap();
    assert_eq!(k, bases.len(), "every basis fits");
    assert!((3_900..4_100).contains(&n), "{n} sub-processors");
    let a = Agreement::from_toml(&text).unwrap();
    let json = a.to_json().unwrap();
    assert!(json.len() <= MAX_DOCUMENT_BYTES);
    assert_eq!(Agreement::from_json(&json).unwrap(), a);
    let toml = a.to_toml().unwrap();
    assert!(toml.len() <= MAX_DOCUMENT_BYTES);
    assert!(toml_values(&toml) <= MAX_TOML_VALUES);
    assert_eq!(Agreement::from_toml(&toml).unwrap(), a);
    // One more sub-processor passes the value limit.
    let more = worst::worst_transfers_toml(&seed, n + 1, &countries, &bases).unwrap();
    let e = Agreement::from_toml(&more).unwrap_err();
    assert!(e.to_string().contains("limit of 1000000 values"), "{e}");
}

/// A writer that keeps what it is given and the size of each write.
#[derive(Default)]
struct Pieces {
    bytes: Vec<u8>,
    sizes: Vec<usize>,
}

impl std::io::Write for Pieces {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes.extend_from_slice(buf);
        self.sizes.push(buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The transfers report's JSON as `dpa transfers --format json` streams it
/// ([`Report::write_json`](dpa_core::report::Report::write_json)), and the
/// check's as `dpa check --format json` does, is byte for byte its string
/// form and the whole report serialised at once with
/// its keys sorted (the form first released), for both example agreements,
/// a list kept by reference (the report's own findings), no sub-processor
/// at all, and the worst shape (`benches/src/worst.rs`: 30 sub-processors,
/// every country outside the EEA, every basis); it is written one
/// assessment at a time, not as one piece.
/// Source: issue 17 point 1 (output bounded by the input, not held whole);
/// README "Invariants and limits".
#[test]
fn streamed_json_is_the_string_form() {
    use dpa_core::model::TransferBasis;
    use dpa_core::report::{CheckReport, Report, TransfersReport};
    use dpa_core::values::Country;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/agreements/");
    let seed = std::fs::read_to_string(format!("{dir}alles-online.toml")).unwrap();
    let belco = std::fs::read_to_string(format!("{dir}belco.toml")).unwrap();
    let countries: Vec<&str> = Country::all()
        .filter(|c| !c.is_eea())
        .map(|c| c.as_str())
        .collect();
    let bases: Vec<&str> = TransferBasis::ALL.iter().map(|b| b.as_str()).collect();
    let worst = worst::worst_transfers_toml(&seed, 30, &countries, &bases).unwrap();
    let none = worst::worst_transfers_toml(&seed, 0, &countries, &bases).unwrap();
    let by_reference = belco.replace(
        "[statement.data_subject_requests]",
        "[statement.sub_processors_by_reference]\naddress = \"https://www.belco.nl/subverwerkers\"\nsource = [\"DPS 1.9\"]\n\n[statement.data_subject_requests]",
    );
    assert_ne!(by_reference, belco, "belco.toml is laid out as expected");
    let on = date!(2026 - 11 - 23);
    for (name, text) in [
        ("alles-online", &seed),
        ("belco", &belco),
        ("by reference", &by_reference),
        ("no sub-processor", &none),
        ("worst shape", &worst),
    ] {
        let a = Agreement::from_toml(text).unwrap();
        let report = TransfersReport::new(&a, on).unwrap();
        let mut streamed = Pieces::default();
        report.write_json(&mut streamed).unwrap();
        let whole =
            serde_json::to_string_pretty(&serde_json::to_value(&report).unwrap()).unwrap() + "\n";
        let string = report.to_json().unwrap();
        assert!(
            streamed.bytes == string.as_bytes(),
            "{name}: streamed vs to_json"
        );
        assert_eq!(string, whole, "{name}: to_json vs the whole report");
        assert_eq!(
            streamed.sizes.len(),
            report.assessments.len() + 1,
            "{name}: one write per assessment and one for the end"
        );
        if name == "by reference" {
            assert!(!report.findings.is_empty());
            assert!(string.contains("\"findings\": ["));
        }
        // The check's JSON is written the same way, some findings at a time.
        let check = CheckReport::new(&a, on);
        let mut streamed = Pieces::default();
        check.write_json(&mut streamed).unwrap();
        let whole =
            serde_json::to_string_pretty(&serde_json::to_value(&check).unwrap()).unwrap() + "\n";
        assert!(streamed.bytes == whole.as_bytes(), "{name}: check streamed");
        assert_eq!(check.to_json().unwrap(), whole, "{name}: check to_json");
        if name == "worst shape" {
            let largest = streamed.sizes.iter().max().copied().unwrap_or(0);
            assert!(
                largest * 10 < streamed.bytes.len(),
                "check: {largest} of {} bytes in one write",
                streamed.bytes.len()
            );
        }
        if name == "worst shape" {
            let largest = streamed.sizes.iter().max().copied().unwrap_or(0);
            assert!(
                largest * 20 < streamed.bytes.len(),
                "{largest} of {} bytes in one write",
                streamed.bytes.len()
            );
        }
    }
}

/// A writer that fails (a full disk, a closed pipe) stops the report's JSON
/// with the writer's error as it is, never a panic or a partial success.
/// Source: README "Exit codes" (2: output that cannot be written; a closed
/// pipe on standard output).
#[test]
fn streamed_json_passes_the_writers_error_on() {
    use crate::helpers::Failing;
    use dpa_core::report::{Report, TransfersReport};
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/agreements/belco.toml"
    ))
    .unwrap();
    let report =
        TransfersReport::new(&Agreement::from_toml(&text).unwrap(), date!(2026 - 11 - 23)).unwrap();
    let size = report.to_json().unwrap().len();
    for kind in [
        std::io::ErrorKind::BrokenPipe,
        std::io::ErrorKind::StorageFull,
    ] {
        for room in [0, 100, size - 1] {
            let e = report.write_json(&mut Failing { room, kind }).unwrap_err();
            assert_eq!(e.kind(), kind, "{room}");
        }
    }
    report
        .write_json(&mut Failing {
            room: size,
            kind: std::io::ErrorKind::StorageFull,
        })
        .unwrap();
}

/// `transfer_assessment` (one sub-processor by its position, which the
/// Python iterator `Agreement.iter_transfers` steps through) gives what the
/// whole list gives at that position, for every example agreement on a
/// date before the Schrems II judgment and on one after, and nothing past
/// the end.
/// Source: GDPR art. 44-46 (each sub-processor's transfers assessed on the
/// date); CJEU C-311/18 of 16 July 2020 (the Privacy Shield invalid from
/// then); docs/python.md (`a.iter_transfers(on)`).
#[test]
fn one_assessment_by_position_is_the_lists() {
    use dpa_core::transfers::transfer_assessment;
    let mut compared = 0;
    for entry in std::fs::read_dir(crate::helpers::examples().join("agreements")).unwrap() {
        let path = entry.unwrap().path();
        let a = Agreement::from_toml(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for on in [date!(2020 - 07 - 15), date!(2026 - 11 - 23)] {
            let whole = assess_transfers(&a, on).unwrap();
            assert_eq!(whole.len(), a.statement.sub_processors.len());
            for (i, t) in whole.iter().enumerate() {
                let one = transfer_assessment(&a, i, on).unwrap();
                assert_eq!(one.as_ref(), Some(t), "{}: {i} on {on}", path.display());
                compared += 1;
            }
            for past in [whole.len(), whole.len() + 1, usize::MAX] {
                assert_eq!(transfer_assessment(&a, past, on).unwrap(), None, "{past}");
            }
        }
    }
    assert!(compared > 50, "{compared}");
}
