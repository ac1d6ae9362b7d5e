//! The two seed agreements as data: both files load, and their key values
//! match the published documents (`../shared/seeds/`).

use crate::helpers::{load, text};

use dpa_core::Agreement;
use dpa_core::model::*;
use time::macros::date;

fn refs(v: &[dpa_core::values::ClauseRef]) -> Vec<&str> {
    v.iter().map(|r| r.as_str()).collect()
}

/// Belco's identity and version history as the document gives them.
/// Source: Belco DPS 1.1 (name, address, hello@belco.io; no KvK number) and the
/// version history at the head of Deel 1 (1.2.1 of 15 oktober 2019, 1.2.2 of 03
/// november 2021, 1.3 of 04 januari 2022 with three changes); the clauses'
/// edition is belco.toml's reading (the document does not name it).
#[test]
fn belco_identity_and_versions() {
    let a = load("belco.toml");
    let s = &a.statement;
    // DPS 1.1
    assert_eq!(s.processor.name.as_str(), "Belco B.V.");
    assert_eq!(s.processor.address.street.as_str(), "Zaailand 106");
    assert_eq!(s.processor.address.city.as_str(), "Leeuwarden");
    assert_eq!(s.processor.address.country.as_str(), "NL");
    assert_eq!(
        s.processor.privacy_contact.email.as_ref().unwrap().as_str(),
        "hello@belco.io"
    );
    assert!(s.processor.chamber_of_commerce.is_none());
    // Version history: 1.2.1 (15 Oct 2019), 1.2.2 (3 Nov 2021), 1.3 (4 Jan 2022).
    assert_eq!(s.version.to_string(), "1.3");
    let hist: Vec<(String, String)> = s
        .history
        .records()
        .iter()
        .map(|r| (r.version.to_string(), r.date.to_string()))
        .collect();
    assert_eq!(
        hist,
        [
            ("1.2.1".to_owned(), "2019-10-15".to_owned()),
            ("1.2.2".to_owned(), "2021-11-03".to_owned()),
            ("1.3".to_owned(), "2022-01-04".to_owned()),
        ]
    );
    // The 1.3 change notes: three changes (Wbp references, DPS 1.14, clause 2.4.1).
    let v13 = s.history.get(&"1.3".parse().unwrap()).unwrap();
    assert_eq!(v13.changes.len(), 3);
    assert!(v13.changes[1].as_str().contains("1.14"));
    assert!(v13.changes[2].as_str().contains("adequaat"));
    assert_eq!(a.clauses.edition, Edition::NederlandIct2019);
}

/// Belco's fourteen sub-processors with their seats: the ten in America under
/// SCCs of no stated edition and reaching the data from the US, and all
/// storing it in the EU.
/// Source: Belco DPS 1.8 ("binnen en soms buiten de EU/EER"), DPS 1.9 (the two
/// tables with "Land vestiging", and the N.B. on SCCs: "data niet via Amerika
/// laten verlopen") and the version 1.2.2 note ("Alle data verloopt via
/// datacenters in de EU").
#[test]
fn belco_sub_processors() {
    let a = load("belco.toml");
    let sps = &a.statement.sub_processors;
    // DPS 1.9 lists 14: 5 infrastructure, 9 specific services.
    assert_eq!(sps.len(), 14);
    let names: Vec<&str> = sps.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Scalingo",
            "Amazon, Inc.",
            "Google, Inc.",
            "Heroku",
            "Azure",
            "Mailgun",
            "Nylas",
            "Twilio",
            "SpeakUP",
            "Pushwush",
            "Mollie B.V.",
            "Moneybird B.V.",
            "Segment",
            "Median"
        ]
    );
    let seat = |n: &str| {
        sps.iter()
            .find(|s| s.name.as_str() == n)
            .unwrap()
            .seat
            .unwrap()
            .as_str()
    };
    assert_eq!(seat("Scalingo"), "FR");
    assert_eq!(seat("SpeakUP"), "NL");
    assert_eq!(seat("Mollie B.V."), "NL");
    assert_eq!(seat("Twilio"), "US");
    let us: Vec<&SubProcessor> = sps
        .iter()
        .filter(|s| s.seat.unwrap().as_str() == "US")
        .collect();
    assert_eq!(us.len(), 10);
    // N.B. under DPS 1.9: SCCs signed by the American sub-processors.
    assert!(
        us.iter()
            .all(|s| s.transfer_bases == [TransferBasis::SccEditionNotStated])
    );
    // Version 1.2.2: all data through data centres in the EU.
    assert!(sps.iter().all(|s| s.locations_outside_eea().count() == 0));
    // DPS 1.8 "binnen en soms buiten de EU/EER"; the N.B. under DPS 1.9:
    // the sub-processors "uit Amerika" signed SCCs, so they may reach the
    // data from the US; no other sub-processor may.
    assert!(a.statement.processing_locations.transfers_outside_eea);
    for s in sps {
        let access: Vec<&str> = s.access_from.iter().map(|c| c.as_str()).collect();
        if s.seat.unwrap().as_str() == "US" {
            assert_eq!(access, ["US"], "{}", s.name);
            assert_eq!(s.source[0].as_str(), "DPS 1.8", "{}", s.name);
        } else {
            assert!(access.is_empty(), "{}", s.name);
        }
    }
}

/// Belco's operative terms and its deviations from the standard clauses.
/// Source: Belco DPS 1.5, 1.11, 1.12 (export via the API), 1.13, 1.14 and 1.15,
/// and clauses 2.2.2, 2.2.8, 2.4.1, 2.4.3, 2.6.5, 2.7.4 and 2.8.4;
/// docs/rules.md rules 1, 4 and 5 (the defaults belco.toml keeps).
#[test]
fn belco_terms() {
    let a = load("belco.toml");
    let t = &a.terms;
    // DPS 1.11: "uiterlijk binnen 3 maanden"
    assert_eq!(t.deletion.term.unwrap().to_string(), "3 months");
    assert_eq!(t.deletion.firmness, Firmness::AtTheLatest);
    assert_eq!(refs(&t.deletion.source), ["DPS 1.11", "clause 2.6.3"]);
    // DPS 1.13 / clause 2.4.1: within 24 hours, phone and mail, 10 items.
    assert_eq!(
        t.breach.notice,
        Some(NoticeTerm::Within {
            term: "24 hours".parse().unwrap()
        })
    );
    assert_eq!(t.breach.channels, [Channel::Phone, Channel::Email]);
    assert_eq!(t.breach.information.len(), 10);
    assert!(!t.breach.processor_notifies_authority);
    // Clause 2.4.3: EUR 120 per hour for breach assistance, estimate first,
    // approval above it.
    let breach = t.costs.get(CostContext::BreachAssistance).unwrap();
    assert_eq!(breach.hourly_rate_eur_cents.unwrap().cents(), 12_000);
    assert!(breach.estimate_first && breach.approval_above_estimate);
    // Clause 2.7.4 + DPS 1.14: once a year (rolling reading), 14 days' notice.
    assert_eq!(t.audit.max_count.get(), 1);
    assert_eq!(t.audit.period, AuditPeriod::ROLLING_12_MONTHS);
    assert_eq!(t.audit.notice.unwrap().to_string(), "14 days");
    assert_eq!(t.audit.cost_bearer, Party::Client);
    assert!(t.audit.processor_may_refuse_auditor);
    // Clause 2.2.2: 30 days.
    assert_eq!(
        t.statement_changes.termination_window.unwrap().to_string(),
        "30 days"
    );
    // Clause 2.8.4 (added by Belco) and 2.2.8 (modified).
    assert!(t.sub_processors.processor_remains_liable);
    assert_eq!(
        t.fines.recoverable,
        FineRecovery::IntentOrDeliberateRecklessness
    );
    assert!(t.legal_retention.suspends_deletion);
    assert_eq!(
        t.return_of_data.method,
        Some(ReturnMethod::SelfServiceExport)
    );
    // DPS 1.5: not designed for special categories or criminal data.
    let sc = &a.statement.special_categories;
    assert_eq!(sc.art9, Declaration::NotDesignedFor);
    assert_eq!(sc.art10, Declaration::NotDesignedFor);
    assert_eq!(sc.government_identifiers, Declaration::NotStated);
    // DPS 1.15: office hours 09:00-17:00, low impact next office hours.
    let sl = a.statement.service_level.as_ref().unwrap();
    assert!(!sl.standard_sla);
    assert_eq!(sl.office_hours.start(), time::macros::time!(09:00));
    assert_eq!(sl.office_hours.end(), time::macros::time!(17:00));
    assert_eq!(sl.low_impact_response, Response::NextOfficeHours);
    assert_eq!(sl.high_impact_response, Response::Immediately);
    // The deviations: 24-hour notice, EUR 120, 2.8.4, fines.
    let dev: Vec<&str> = a
        .clauses
        .deviations
        .iter()
        .map(|d| d.clause.as_str())
        .collect();
    for c in [
        "clause 2.4.1",
        "clause 2.4.3",
        "clause 2.8.4",
        "clause 2.2.8",
    ] {
        assert!(dev.contains(&c), "{c} missing from deviations");
    }
    assert_eq!(a.rules.month_rule, dpa_core::calendar::MonthRule::Clamp);
    assert_eq!(a.rules.business_days, BusinessDayRule::Off);
    assert_eq!(a.rules.time_zone.as_str(), "Europe/Amsterdam");
}

/// Alles Online's identity, version, products, special categories, clause
/// edition and certification as the document gives them.
/// Source: Alles Online DPS bullets 1-3 and 5, DPS 7 (the standard clauses
/// unmodified), 15 (ISMS) and 16 (Data Pro Verified applied for); Deel 2,
/// "Versie: maart 2025".
#[test]
fn alles_online_identity_and_scope() {
    let a = load("alles-online.toml");
    let s = &a.statement;
    let p = &s.processor;
    assert_eq!(p.name.as_str(), "Alles Online B.V.");
    assert_eq!(p.address.street.as_str(), "Jan van der Heydenstraat 18");
    assert_eq!(p.address.postal_code.as_str(), "2665 JA");
    assert_eq!(p.address.city.as_str(), "Bleiswijk");
    assert_eq!(p.chamber_of_commerce.as_ref().unwrap().as_str(), "55765939");
    assert_eq!(p.vat_number.as_ref().unwrap().as_str(), "NL851852105B01");
    assert_eq!(
        p.privacy_contact.email.as_ref().unwrap().as_str(),
        "stefan@allesonline.nl"
    );
    assert_eq!(s.version.to_string(), "1.0");
    assert_eq!(s.effective_date.day(), Some(date!(2026 - 06 - 08)));
    assert_eq!(s.products.len(), 2);
    assert!(s.products[0].name.as_str().starts_with("Cluster 1"));
    assert!(s.products[1].name.as_str().starts_with("Cluster 2"));
    let sc = &s.special_categories;
    for d in [sc.art9, sc.art10, sc.government_identifiers] {
        assert_eq!(d, Declaration::SpecificApplicationsOnly);
    }
    assert_eq!(a.clauses.edition, Edition::Nldigital2025);
    assert!(a.clauses.deviations.is_empty());
    assert!(s.service_level.is_none());
    // DPS 16: Data Pro Verified applied for, pending.
    assert_eq!(s.certifications.len(), 1);
    assert_eq!(s.certifications[0].status, CertificationStatus::Pending);
    assert!(s.security.isms.is_some());
}

/// Alles Online's nine sub-processors, Mailgun's remaining US region under the
/// same safeguard, and the four that transfer to the US.
/// Source: Alles Online DPS 8 (US transfers under SCCs and/or the DPF; Mailgun
/// domains still in the US region) and DPS 9 (the list; Sentry "standaard
/// ingezet", the Google services "afhankelijk van de opdracht", SimpleBackups
/// in Stockholm).
#[test]
fn alles_online_sub_processors() {
    let a = load("alles-online.toml");
    let sps = &a.statement.sub_processors;
    let names: Vec<&str> = sps.iter().map(|s| s.name.as_str()).collect();
    // DPS 9 (Google reCAPTCHA and Google Maps listed as two services).
    assert_eq!(
        names,
        [
            "DigitalOcean",
            "Mach3Builders BV",
            "TransIP",
            "Mailgun",
            "SimpleBackups/SimpleStorage",
            "Microsoft 365",
            "Sentry",
            "Google reCAPTCHA",
            "Google Maps"
        ]
    );
    let get = |n: &str| sps.iter().find(|s| s.name.as_str() == n).unwrap();
    // DPS 8: Mailgun domains still in the US region, same safeguard (SCCs/DPF).
    let mailgun = get("Mailgun");
    let locs: Vec<&str> = mailgun.locations.iter().map(|l| l.as_str()).collect();
    assert_eq!(locs, ["EU", "US"]);
    // DPS 8 "standaardbepalingen (Standard Contractual Clauses, SCC's)"
    // and DPS 9 "DPF/SCC's" name no edition: not stated, never inferred.
    assert_eq!(
        mailgun.transfer_bases,
        [TransferBasis::EuUsDpf, TransferBasis::SccEditionNotStated]
    );
    assert!(
        sps.iter()
            .all(|s| !s.transfer_bases.contains(&TransferBasis::Scc2021))
    );
    assert!(sps.iter().all(|s| s.access_from.is_empty()));
    assert!(
        mailgun
            .notes
            .as_ref()
            .unwrap()
            .as_str()
            .contains("US-regio")
    );
    assert_eq!(get("Sentry").engagement, Engagement::Always);
    assert_eq!(
        get("Google Maps").engagement,
        Engagement::DependingOnAssignment
    );
    assert_eq!(
        get("Google reCAPTCHA").engagement,
        Engagement::DependingOnAssignment
    );
    assert_eq!(
        get("SimpleBackups/SimpleStorage").locations[0].as_str(),
        "SE"
    );
    let outside: Vec<&str> = sps
        .iter()
        .filter(|s| s.locations_outside_eea().count() > 0)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        outside,
        ["Mailgun", "Sentry", "Google reCAPTCHA", "Google Maps"]
    );
    assert!(a.statement.processing_locations.transfers_outside_eea);
}

/// Alles Online's operative terms.
/// Source: Alles Online DPS 12, 13 and 17, and clauses 2.2, 2.8, 4.1, 4.4, 6.5,
/// 7.5 and 8.2-8.3 (with no counterpart to Belco's 2.8.4).
#[test]
fn alles_online_terms() {
    let a = load("alles-online.toml");
    let t = &a.terms;
    // DPS 12: "in principe binnen 3 maanden", backups per regular cycle.
    assert_eq!(t.deletion.term.unwrap().to_string(), "3 months");
    assert_eq!(t.deletion.firmness, Firmness::InPrinciple);
    assert_eq!(t.deletion.backups, BackupDeletion::PerBackupCycle);
    assert!(t.deletion.backup_cycle.is_none());
    assert_eq!(refs(&t.deletion.source), ["DPS 12", "clause 6.3"]);
    // DPS 13: on request, before deletion, machine-readable.
    assert_eq!(t.return_of_data.method, Some(ReturnMethod::OnRequest));
    assert!(t.return_of_data.before_deletion && t.return_of_data.machine_readable);
    // DPS 17 / clause 4.1: without undue delay via the known contact.
    assert_eq!(t.breach.notice, Some(NoticeTerm::WithoutUndueDelay));
    assert_eq!(t.breach.channels, [Channel::KnownContact]);
    // Clause 4.4: breach assistance at current rates, no hourly rate stated.
    let breach = t.costs.get(CostContext::BreachAssistance).unwrap();
    assert_eq!(breach.basis, CostBasis::CurrentRates);
    assert!(breach.hourly_rate_eur_cents.is_none());
    // Clause 7.5: once a year, no notice days stated.
    assert_eq!(t.audit.max_count.get(), 1);
    assert_eq!(t.audit.period, AuditPeriod::ROLLING_12_MONTHS);
    assert!(t.audit.notice.is_none());
    assert!(!t.audit.processor_may_refuse_auditor);
    assert!(t.audit.processor_may_refuse_unlawful_audit);
    assert_eq!(
        t.statement_changes.termination_window.unwrap().to_string(),
        "30 days"
    );
    assert_eq!(refs(&t.statement_changes.source), ["clause 2.2"]);
    // Clause 8 without Belco's 2.8.4; clause 2.8: fines never recoverable.
    assert!(!t.sub_processors.processor_remains_liable);
    assert_eq!(t.sub_processors.authorisation, Authorisation::General);
    assert_eq!(t.fines.recoverable, FineRecovery::Never);
    assert_eq!(refs(&t.legal_retention.source), ["clause 6.5"]);
}

/// Both seed agreements read back unchanged from the JSON and the TOML they
/// write.
/// Source: README "The file format" ("TOML or JSON with the same structure").
#[test]
fn seeds_round_trip_through_both_formats() {
    for name in ["belco.toml", "alles-online.toml"] {
        let a = load(name);
        assert_eq!(
            Agreement::from_json(&a.to_json().unwrap()).unwrap(),
            a,
            "{name} json"
        );
        assert_eq!(
            Agreement::from_toml(&a.to_toml().unwrap()).unwrap(),
            a,
            "{name} toml"
        );
    }
}

/// What both seeds leave of GDPR art. 28, in article order: the types of
/// personal data and the categories of data subjects (stated nowhere), 28(3)(a)
/// in part (no notice of a legal requirement), 28(3)(d) in part (through
/// 28(4)), the final subparagraph (no notice of an infringing instruction),
/// 28(4) in part (the same security level only).
const COVERAGE_FINDINGS: [&str; 6] = [
    "art28-item-uncovered",
    "art28-item-uncovered",
    "art28-item-partly-covered",
    "art28-item-partly-covered",
    "art28-item-uncovered",
    "art28-item-partly-covered",
];

/// The findings on both seeds as of 23 November 2026, and on Alles Online
/// before its effective date.
/// Source: Belco DPS 1.5 (government identifiers not mentioned) and DPS 1.9
/// (ten US-seated sub-processors processing in the EU); Alles Online DPS 8
/// (SCCs "en/of" the DPF, certification not stated) and DPS bullet 2 ("geldt
/// vanaf 8 juni 2026"); GDPR art. 28(3) and 28(4) (dpa-core/data/art28-coverage.tsv);
/// Belco clauses 2.8.4 and 2.9.1, NLdigital 2025 art. 9; Belco DPS 1.13,
/// clauses 2.3.3 and 2.4.1; README "Findings catalogue".
#[test]
fn seed_findings() {
    let belco = load("belco.toml").check(date!(2026 - 11 - 23));
    let codes: Vec<&str> = belco.iter().map(|f| f.code.as_str()).collect();
    // Government identifiers are not declared; the ten US-seated
    // sub-processors store data in the EU (DPS 1.9 and the 1.2.2 note) and
    // may reach it from the US under SCCs of an edition not named (DPS 1.8,
    // the N.B. under DPS 1.9): a warning and a covered transfer each; DPS
    // 1.14's periodic audits meet clause 2.7.4's audit for cause only; GDPR
    // art. 28 is not covered in full (see completeness.rs); clause 2.8.4 and
    // 2.9.1 limit the liability art. 28(4) keeps full. DPS 1.13 and clause
    // 2.4.1 name the breach channels differently, and clause 2.4.1's warranty
    // goes beyond clause 2.3.3's aim.
    let mut expected = vec![
        "special-categories-not-stated",
        "audit-terms-conflict",
        "breach-channels-inconsistent",
        "security-warranty-beyond-aim",
    ];
    for _ in 0..10 {
        expected.extend(["scc-edition-not-stated", "transfer-covered"]);
    }
    expected.extend(COVERAGE_FINDINGS);
    expected.extend(["sub-processor-liability-limited"; 2]);
    assert_eq!(codes, expected);
    assert_eq!(
        belco[0].path.as_deref(),
        Some("statement.special_categories.government_identifiers")
    );

    let alles = load("alles-online.toml").check(date!(2026 - 11 - 23));
    let codes: Vec<&str> = alles.iter().map(|f| f.code.as_str()).collect();
    let from = codes.iter().position(|c| c.starts_with("art28")).unwrap();
    assert_eq!(codes[from..from + 6], COVERAGE_FINDINGS);
    // Article 9 brings in the main agreement's limitations of liability;
    // there is no clause like Belco's 2.8.4.
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == "sub-processor-liability-limited")
            .count(),
        1
    );
    // Mailgun's remaining US-region domains, Sentry and the two Google
    // services transfer to the US, covered by SCCs whose edition DPS 8
    // does not name (read as the 2021 clauses on the date, with a warning);
    // the DPF is claimed "and/or" without saying they are certified.
    let mailgun: Vec<&str> = alles
        .iter()
        .filter(|f| f.message.contains("`Mailgun`"))
        .map(|f| f.code.as_str())
        .collect();
    assert_eq!(
        mailgun,
        [
            "dpf-certification-unconfirmed",
            "scc-edition-not-stated",
            "transfer-covered"
        ]
    );
    let covered = alles
        .iter()
        .filter(|f| f.code.as_str() == "transfer-covered")
        .count();
    assert_eq!(covered, 4);
    // Before version 1.0 took effect.
    let early = load("alles-online.toml").check(date!(2026 - 06 - 01));
    assert_eq!(early[0].code.as_str(), "statement-not-yet-effective");
}

/// Cost terms are per context, each with its own source. Belco states its EUR
/// 120 hourly rate for breach assistance only ("in dit kader", clause 2.4.3);
/// clauses 2.6.4 (deletion) and 2.7.6 (article 2.7: data subjects, DPIA,
/// audits) allow charging the costs incurred and name no rate. Alles Online
/// states no rate anywhere: breach assistance at current rates (clause 4.4),
/// the rest at cost, made known in advance where DPS 10, 11 and 13 say so.
/// Source: Belco clauses 2.3.6, 2.4.3, 2.6.4, 2.7.6; NLdigital 2025 clauses
/// 3.6, 4.4, 6.4, 7.7; Alles Online DPS 10, 11, 13.
#[test]
fn costs_are_per_context() {
    let belco = load("belco.toml");
    let c = &belco.terms.costs;
    let mut contexts: Vec<CostContext> = c.entries().iter().map(|e| e.context).collect();
    contexts.sort_unstable();
    assert_eq!(contexts, CostContext::ALL);
    for e in c.entries() {
        let rate = e.hourly_rate_eur_cents.map(|r| r.cents());
        if e.context == CostContext::BreachAssistance {
            assert_eq!(rate, Some(12_000));
            assert_eq!(refs(&e.source), ["clause 2.4.3"]);
        } else {
            // No rate outside breach assistance, and no source naming 2.4.3.
            assert_eq!(rate, None, "{}", e.context);
            assert_eq!(e.basis, CostBasis::CostsIncurred, "{}", e.context);
            assert!(!refs(&e.source).contains(&"clause 2.4.3"));
        }
    }
    assert_eq!(
        refs(&c.get(CostContext::DeletionAndReturn).unwrap().source),
        ["clause 2.6.4"]
    );
    for ctx in [
        CostContext::Audits,
        CostContext::Dpia,
        CostContext::DataSubjectRequests,
    ] {
        assert_eq!(refs(&c.get(ctx).unwrap().source), ["clause 2.7.6"]);
    }
    assert_eq!(
        refs(&c.get(CostContext::ExtraSecurity).unwrap().source),
        ["clause 2.3.6"]
    );

    let alles = load("alles-online.toml");
    let c = &alles.terms.costs;
    assert!(
        c.entries()
            .iter()
            .all(|e| e.hourly_rate_eur_cents.is_none())
    );
    assert!(c.entries().iter().all(|e| !e.estimate_first));
    let announced: Vec<CostContext> = c
        .entries()
        .iter()
        .filter(|e| e.announced_in_advance)
        .map(|e| e.context)
        .collect();
    assert_eq!(
        announced,
        [
            CostContext::DeletionAndReturn,
            CostContext::DataSubjectRequests,
            CostContext::Dpia
        ]
    );
}

/// A cost context listed twice, a stated-hourly-rate basis without a rate and
/// a rate under another basis are refused, naming the entry.
/// Source: README "Invariants and limits" (one cost term per context; a rate
/// exactly with `stated-hourly-rate`).
#[test]
fn cost_terms_refuse_contradictions() {
    let belco = text("belco.toml");
    let twice = belco.replacen("context = \"dpia\"", "context = \"audits\"", 1);
    let e = Agreement::from_toml(&twice).unwrap_err().to_string();
    assert!(
        e.contains("terms.costs")
            && e.contains("[4].context: `audits` is listed twice (also at [3])"),
        "{e}"
    );
    let no_rate = belco.replacen("hourly_rate_eur_cents = 12000", "", 1);
    let e = Agreement::from_toml(&no_rate).unwrap_err().to_string();
    assert!(
        e.contains("[0].hourly_rate_eur_cents: the basis `stated-hourly-rate` needs"),
        "{e}"
    );
    let rate_elsewhere = belco.replacen(
        "basis = \"stated-hourly-rate\"",
        "basis = \"current-rates\"",
        1,
    );
    let e = Agreement::from_toml(&rate_elsewhere)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("so the basis is `stated-hourly-rate`, not `current-rates`"),
        "{e}"
    );
}

/// Belco's audit terms as DPS 1.14 and 1.12 state them beside clause 2.7.4:
/// periodic audits (a conflict with the audit for cause only), the date
/// Belco may move for any reason (so the date a notice proposes is not
/// fixed), the client's right to refuse Belco's own auditor and to inspect
/// its reports at Belco's office, security tests only after consultation.
/// Source: Belco DPS 1.14 ("periodiek audits", "ongeacht de reden", "altijd
/// de rapportage bij ons op kantoor inzien", "kwaliteitseisen van de
/// opdrachtgever"), DPS 1.12 ("Alleen na overleg ... penetration test") and
/// clause 2.7.4 ("Indien Opdrachtgever desondanks aanleiding heeft").
#[test]
fn belco_audit_terms() {
    let a = load("belco.toml");
    let au = &a.terms.audit;
    assert!(au.periodic && au.processor_may_move_date);
    assert!(au.client_may_refuse_processor_auditor && au.security_tests_after_consultation);
    assert!(
        au.processor_reports_inspection
            .as_ref()
            .unwrap()
            .as_str()
            .contains("op kantoor inzien")
    );
    let d = a.earliest_audit_date(date!(2026 - 04 - 20)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2026 - 05 - 04)));
    assert!(d.note.as_deref().unwrap().contains("the date is not fixed"));
    let f: Vec<_> = a
        .check(date!(2026 - 11 - 23))
        .into_iter()
        .filter(|f| f.code.as_str() == "audit-terms-conflict")
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].path.as_deref(), Some("terms.audit.periodic"));
    assert!(
        f[0].message.contains("aanleiding aan te nemen"),
        "{}",
        f[0].message
    );
    // Alles Online states none of these: no note, no conflict.
    let alles = load("alles-online.toml");
    let d = alles.earliest_audit_date(date!(2026 - 04 - 20)).unwrap();
    assert!(!d.note.as_deref().unwrap_or("").contains("not fixed"));
    assert!(
        alles
            .check(date!(2026 - 11 - 23))
            .iter()
            .all(|f| f.code.as_str() != "audit-terms-conflict")
    );
}

/// Belco names the breach-notice channels twice, differently: DPS 1.13 a
/// phone call within 24 hours and also a mail, clause 2.4.1 a mail and a
/// call only "indien mogelijk"; both are recorded with their sources and the
/// difference is a finding. Stated once (Alles Online), or the same in both
/// places, there is none. Clause 2.4.1 also makes the client keep its
/// contact details current, and both say "zo snel mogelijk" beside the 24
/// hours.
/// Source: Belco DPS 1.13 ("telefonisch op de hoogte stellen. Daarnaast zal
/// er ook een mail ... worden verstuurd") and clause 2.4.1 ("via de mail en
/// indien mogelijk ook op het telefoonnummer"; "Opdrachtgever zorgt er zelf
/// voor dat mailadres en telefoonnummer bereikbaar zijn, functioneren en
/// up-to-date zijn"); Alles Online DPS 17 ("via de bekende contactpersoon").
#[test]
fn belco_breach_channels() {
    let inconsistent = |a: &Agreement| -> Vec<dpa_core::Finding> {
        a.check(date!(2026 - 11 - 23))
            .into_iter()
            .filter(|f| f.code.as_str() == "breach-channels-inconsistent")
            .collect()
    };
    let a = load("belco.toml");
    let b = &a.terms.breach;
    assert!(b.as_soon_as_possible && b.client_keeps_contacts_current);
    assert_eq!(b.channel_terms.len(), 2);
    assert_eq!(b.channel_terms[1].if_possible[0].as_str(), "phone");
    let f = inconsistent(&a);
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].message,
        "DPS 1.13 notifies a breach by phone and email, clause 2.4.1 by email, and phone if possible; the text does not say which prevails"
    );
    assert_eq!(f[0].citation, "DPS 1.13, clause 2.4.1; GDPR art. 33(2)");
    assert_eq!(f[0].path.as_deref(), Some("terms.breach.channel_terms"));
    // Clause 2.4.1 as DPS 1.13 says it: no finding.
    let same = text("belco.toml").replacen(
        "channels = [\"email\"]\nif_possible = [\"phone\"]",
        "channels = [\"email\", \"phone\"]",
        1,
    );
    assert!(inconsistent(&Agreement::from_toml(&same).unwrap()).is_empty());
    let alles = load("alles-online.toml");
    assert!(alles.terms.breach.channel_terms.is_empty());
    assert!(!alles.terms.breach.client_keeps_contacts_current);
    assert!(inconsistent(&alles).is_empty());
}

/// Since version 1.3 Belco warrants in clause 2.4.1 that its measures are
/// adequate under all circumstances, while clause 2.3.3, kept as the
/// edition has it, says it only strives for appropriate measures: a
/// finding. Version 1.2.2 (the standard text, no warranty) has none, nor
/// does an agreement that changes clause 2.3.3 by a deviation.
/// Source: Belco clause 2.4.1 ("staat er voor in dat de
/// beveiligingsmaatregelen onder alle omstandigheden adequaat zijn") and
/// clause 2.3.3 ("streeft ernaar dat de door hem te treffen
/// beveiligingsmaatregelen passend zijn"); the 1.3 version history.
#[test]
fn belco_security_warranty_beyond_aim() {
    let beyond = |a: &Agreement| -> Vec<dpa_core::Finding> {
        a.check(date!(2026 - 11 - 23))
            .into_iter()
            .filter(|f| f.code.as_str() == "security-warranty-beyond-aim")
            .collect()
    };
    let f = beyond(&load("belco.toml"));
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message.starts_with("clause 2.4.1 warrants"),
        "{}",
        f[0].message
    );
    assert!(f[0].message.contains("clause 2.3.3 says it only strives"));
    assert!(
        f[0].citation
            .ends_with("clause 2.4.1; clause 2.3.3; GDPR art. 32")
    );
    assert_eq!(f[0].path.as_deref(), Some("statement.security.warranty"));
    assert!(beyond(&load("belco-1.2.2.toml")).is_empty());
    assert!(beyond(&load("alles-online.toml")).is_empty());
    let t = text("belco.toml").replacen(
        "\n[terms.duration]",
        "\n[[clauses.deviations]]\nclause = \"clause 2.3.3\"\nkind = \"modified\"\nsummary = \"the processor warrants adequate measures\"\n\n[terms.duration]",
        1,
    );
    assert!(beyond(&Agreement::from_toml(&t).unwrap()).is_empty());
}
