//! Strategies for whole agreements: the statement, the rules, the standard
//! clauses and the terms, built with struct literals from the values of
//! `values.rs`.

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{Index, select};

use crate::Agreement;
use crate::model::{
    AdHocClauses, Address, Approval, Assistance, Audit, Breach, Certification, ChannelTerm,
    ClientInformed, CodeOfConduct, Contact, CostBasis, CostContext, CostTerms, Costs, Deletion,
    Described, Deviation, Disclosure, Document, Duration, Fines, FormatVersion, History, Language,
    LegalRetention, Measures, ProcessingLocations, Processor, Product, Provenance, ReturnOfData,
    Rules, Security, ServiceLevel, SpecialCategories, StandardClauses, Statement, StatementChanges,
    SubProcessor, SubProcessorPolicy, SubProcessorsByReference, Terms, TransferCertification,
    VersionRecord,
};
use crate::values::{StatedDate, Term, Version};

use super::values::*;

// ---------------------------------------------------------------------------
// The statement

/// A history that keeps [`History::new`]'s invariant: generated versions and
/// dates are each sorted (by their first day: a day, a month or a year),
/// versions deduplicated, and some dates repeated (equal dates are allowed).
pub(super) fn history() -> impl Strategy<Value = History> {
    vec((version(), stated_date(), texts(), any::<bool>()), 0..5).prop_filter_map(
        "a valid history",
        |raw| {
            let mut versions: Vec<Version> = raw.iter().map(|r| r.0.clone()).collect();
            versions.sort();
            versions.dedup();
            let mut dates: Vec<StatedDate> = raw.iter().map(|r| r.1).collect();
            dates.sort_by_key(|d| d.earliest());
            for i in 1..dates.len() {
                if raw[i].3 {
                    dates[i] = dates[i - 1];
                }
            }
            let records = versions
                .into_iter()
                .zip(dates)
                .zip(raw.into_iter().map(|r| r.2))
                .map(|((version, date), changes)| VersionRecord {
                    version,
                    date,
                    changes,
                })
                .collect();
            History::new(records).ok()
        },
    )
}

/// The statement's version, effective date and history: sometimes the
/// version and date come from the history (as in a consistent statement),
/// sometimes they are independent of it.
pub(super) fn versions() -> impl Strategy<Value = (Version, StatedDate, History)> {
    (
        history(),
        any::<Index>(),
        any::<bool>(),
        version(),
        stated_date(),
    )
        .prop_map(|(history, i, from_history, version, date)| {
            match history.records().get(i.index(history.len().max(1))) {
                Some(r) if from_history => (r.version.clone(), r.date, history),
                _ => (version, date, history),
            }
        })
}

pub(super) fn contact() -> impl Strategy<Value = Contact> {
    (opt_text(), opt_text(), opt_text(), opt_text()).prop_map(|(name, role, email, phone)| {
        Contact {
            name,
            role,
            email,
            phone,
        }
    })
}

pub(super) fn address() -> impl Strategy<Value = Address> {
    (text(), text(), text(), country()).prop_map(|(street, postal_code, city, country)| Address {
        street,
        postal_code,
        city,
        country,
    })
}

pub(super) fn processor() -> impl Strategy<Value = Processor> {
    (
        text(),
        opt_text(),
        opt_text(),
        address(),
        opt_text(),
        opt_text(),
        contact(),
    )
        .prop_map(
            |(
                name,
                trade_name,
                website,
                address,
                chamber_of_commerce,
                vat_number,
                privacy_contact,
            )| {
                Processor {
                    name,
                    trade_name,
                    website,
                    address,
                    chamber_of_commerce,
                    vat_number,
                    privacy_contact,
                }
            },
        )
}

pub(super) fn product() -> impl Strategy<Value = Product> {
    (text(), opt_text()).prop_map(|(name, description)| Product { name, description })
}

pub(super) fn described() -> impl Strategy<Value = Described> {
    (text(), sources()).prop_map(|(text, source)| Described { text, source })
}

pub(super) fn by_reference() -> impl Strategy<Value = SubProcessorsByReference> {
    (text(), opt_text(), sources()).prop_map(|(address, note, source)| SubProcessorsByReference {
        address,
        note,
        source,
    })
}

pub(super) fn measures() -> impl Strategy<Value = Measures> {
    (texts(), sources()).prop_map(|(measures, source)| Measures { measures, source })
}

pub(super) fn special_categories() -> impl Strategy<Value = SpecialCategories> {
    let d = || select(all_declarations());
    (d(), d(), d(), opt_text(), sources()).prop_map(
        |(art9, art10, government_identifiers, note, source)| SpecialCategories {
            art9,
            art10,
            government_identifiers,
            note,
            source,
        },
    )
}

pub(super) fn processing_locations() -> impl Strategy<Value = ProcessingLocations> {
    (vec(location(), 0..4), any::<bool>(), opt_text(), sources()).prop_map(
        |(locations, transfers_outside_eea, note, source)| ProcessingLocations {
            locations,
            transfers_outside_eea,
            note,
            source,
        },
    )
}

/// A decision of an authority or body.
pub(super) fn approval() -> impl Strategy<Value = Approval> {
    (text(), date(), opt_text()).prop_map(|(by, on, reference)| Approval { by, on, reference })
}

pub(super) fn code_of_conduct() -> impl Strategy<Value = CodeOfConduct> {
    (
        text(),
        option::of(approval()),
        option::of(approval()),
        opt_text(),
        any::<bool>(),
        option::of(date()),
        sources(),
    )
        .prop_map(
            |(
                name,
                approval,
                general_validity,
                monitoring_body,
                importer_commitments,
                withdrawn_on,
                source,
            )| CodeOfConduct {
                name,
                approval,
                general_validity,
                monitoring_body,
                importer_commitments,
                withdrawn_on,
                source,
            },
        )
}

/// A certification that keeps [`TransferCertification::new`]'s invariant:
/// the dates generated are sorted, so validity and withdrawal are not
/// before the issue.
pub(super) fn transfer_certification() -> impl Strategy<Value = TransferCertification> {
    (
        text(),
        opt_text(),
        text(),
        vec(date(), 3),
        any::<bool>(),
        any::<bool>(),
        sources(),
    )
        .prop_filter_map(
            "dates in order",
            |(name, criteria, issued_by, mut dates, withdrawn, commitments, source)| {
                dates.sort();
                TransferCertification::new(
                    name,
                    criteria,
                    issued_by,
                    dates[0],
                    dates[2],
                    withdrawn.then_some(dates[1]),
                    commitments,
                    source,
                )
                .ok()
            },
        )
}

pub(super) fn ad_hoc_clauses() -> impl Strategy<Value = AdHocClauses> {
    (
        opt_text(),
        option::of(approval()),
        option::of(date()),
        sources(),
    )
        .prop_map(|(name, authorisation, withdrawn_on, source)| AdHocClauses {
            name,
            authorisation,
            withdrawn_on,
            source,
        })
}

pub(super) fn sub_processor() -> impl Strategy<Value = SubProcessor> {
    (
        (
            text(),
            text(),
            opt_text(),
            option::of(country()),
            vec(location(), 0..4),
            vec(select(all_transfer_bases()), 0..4),
            any::<bool>(),
            select(all_engagements()),
            opt_text(),
            sources(),
        ),
        (
            option::of(code_of_conduct()),
            option::of(transfer_certification()),
            option::of(ad_hoc_clauses()),
            vec(
                country().prop_filter("outside the EEA", |c| !c.is_eea()),
                0..3,
            ),
        ),
    )
        .prop_map(
            |(
                (
                    name,
                    purpose,
                    group,
                    seat,
                    locations,
                    transfer_bases,
                    dpf_certified,
                    engagement,
                    notes,
                    source,
                ),
                (code_of_conduct, transfer_certification, ad_hoc_clauses, access_from),
            )| SubProcessor {
                name,
                purpose,
                group,
                seat,
                locations,
                transfer_bases,
                access_from,
                dpf_certified,
                code_of_conduct,
                transfer_certification,
                ad_hoc_clauses,
                engagement,
                notes,
                source,
            },
        )
}

pub(super) fn assistance() -> impl Strategy<Value = Assistance> {
    (any::<bool>(), text(), any::<bool>(), sources()).prop_map(
        |(assists, description, costs_announced_in_advance, source)| Assistance {
            assists,
            description,
            costs_announced_in_advance,
            source,
        },
    )
}

pub(super) fn security() -> impl Strategy<Value = Security> {
    (select(all_warranties()), texts(), opt_text(), sources()).prop_map(
        |(warranty, measures, isms, source)| Security {
            warranty,
            measures,
            isms,
            source,
        },
    )
}

pub(super) fn certification() -> impl Strategy<Value = Certification> {
    (
        text(),
        select(all_certification_statuses()),
        opt_text(),
        opt_text(),
        sources(),
    )
        .prop_map(|(name, status, holder, body, source)| Certification {
            name,
            status,
            holder,
            body,
            source,
        })
}

pub(super) fn service_level() -> impl Strategy<Value = ServiceLevel> {
    (
        any::<bool>(),
        office_hours(),
        select(all_responses()),
        select(all_responses()),
        sources(),
    )
        .prop_map(
            |(standard_sla, office_hours, low_impact_response, high_impact_response, source)| {
                ServiceLevel {
                    standard_sla,
                    office_hours,
                    low_impact_response,
                    high_impact_response,
                    source,
                }
            },
        )
}

pub(super) fn statement() -> BoxedStrategy<Statement> {
    let first = (
        versions(),
        opt_text(),
        processor(),
        vec(product(), 0..3),
        option::of(described()),
        special_categories(),
        option::of(measures()),
        processing_locations(),
        option::of(described()),
        option::of(described()),
    );
    let second = (
        (vec(sub_processor(), 0..4), option::of(by_reference())),
        assistance(),
        assistance(),
        security(),
        vec(certification(), 0..3),
        option::of(service_level()),
    );
    (first, second)
        .prop_map(
            |(
                (
                    (version, effective_date, history),
                    template,
                    processor,
                    products,
                    intended_use,
                    special_categories,
                    privacy_by_design,
                    processing_locations,
                    support_access,
                    client_chosen_services,
                ),
                (
                    (sub_processors, sub_processors_by_reference),
                    data_subject_requests,
                    dpia,
                    security,
                    certifications,
                    service_level,
                ),
            )| Statement {
                version,
                effective_date,
                template,
                history,
                processor,
                products,
                intended_use,
                special_categories,
                privacy_by_design,
                processing_locations,
                support_access,
                client_chosen_services,
                sub_processors,
                sub_processors_by_reference,
                sub_processor_list: None,
                data_subject_requests,
                dpia,
                security,
                certifications,
                service_level,
            },
        )
        .boxed()
}

// ---------------------------------------------------------------------------
// Rules, clauses and terms

pub(super) fn rules() -> impl Strategy<Value = Rules> {
    (
        select(all_month_rules()),
        select(all_business_day_rules()),
        time_zone(),
        select(all_legal_hold_lifts()),
        undue_delay_hours(),
    )
        .prop_map(
            |(month_rule, business_days, time_zone, legal_hold_lift, undue_delay_bound_hours)| {
                Rules {
                    month_rule,
                    business_days,
                    time_zone,
                    legal_hold_lift,
                    undue_delay_bound_hours,
                }
            },
        )
}

pub(super) fn clauses() -> impl Strategy<Value = StandardClauses> {
    let deviation = (clause_ref(), select(all_deviation_kinds()), text()).prop_map(
        |(clause, kind, summary)| Deviation {
            clause,
            kind,
            summary,
        },
    );
    (
        select(all_editions()),
        select(all_numberings()),
        option::of(select(vec![Language::Dutch, Language::English])),
        vec(deviation, 0..4),
    )
        .prop_map(
            |(edition, numbering, language, deviations)| StandardClauses {
                edition,
                numbering,
                language,
                deviations,
            },
        )
}

pub(super) fn duration() -> impl Strategy<Value = Duration> {
    (any::<bool>(), any::<bool>(), sources()).prop_map(
        |(indefinite, ends_with_main_agreement, source)| Duration {
            indefinite,
            ends_with_main_agreement,
            source,
        },
    )
}

/// A provenance of a value that is given (`stated`, `standard` or
/// `assumed`).
pub(super) fn given_provenance() -> impl Strategy<Value = Provenance> {
    prop_oneof![
        opt_text().prop_map(|quote| Provenance::Stated { quote }),
        opt_text().prop_map(|quote| Provenance::Standard { quote }),
        (text(), opt_text()).prop_map(|(reason, quote)| Provenance::Assumed { reason, quote }),
    ]
}

pub(super) fn deletion() -> impl Strategy<Value = Deletion> {
    (
        prop_oneof![
            (
                prop_oneof![months().prop_map(Term::from_months), term()],
                given_provenance()
            )
                .prop_map(|(t, p)| (Some(t), p)),
            Just((None, Provenance::NotStated)),
        ],
        select(all_firmnesses()),
        any::<bool>(),
        select(all_backup_deletions()),
        option::of(prop_oneof![days().prop_map(Term::from_days), term()]),
        sources(),
    )
        .prop_map(
            |((term, provenance), firmness, as_soon_as_possible, backups, backup_cycle, source)| {
                Deletion {
                    term,
                    provenance,
                    firmness,
                    as_soon_as_possible,
                    backups,
                    backup_cycle,
                    source,
                }
            },
        )
}

pub(super) fn return_of_data() -> impl Strategy<Value = ReturnOfData> {
    (
        prop_oneof![
            (
                select(all_return_methods()),
                any::<bool>(),
                given_provenance()
            )
                .prop_map(|(m, b, p)| (Some(m), b, p)),
            Just((None, false, Provenance::NotStated)),
        ],
        any::<bool>(),
        any::<bool>(),
        text(),
        sources(),
    )
        .prop_map(
            |(
                (method, machine_readable, provenance),
                before_deletion,
                costs_announced_in_advance,
                description,
                source,
            )| ReturnOfData {
                method,
                provenance,
                machine_readable,
                before_deletion,
                costs_announced_in_advance,
                description,
                source,
            },
        )
}

pub(super) fn legal_retention() -> impl Strategy<Value = LegalRetention> {
    (any::<bool>(), sources()).prop_map(|(suspends_deletion, source)| LegalRetention {
        suspends_deletion,
        source,
    })
}

pub(super) fn disclosure() -> impl Strategy<Value = Disclosure> {
    (
        any::<bool>(),
        select(ClientInformed::ALL.to_vec()),
        sources(),
    )
        .prop_map(|(on_legal_order, client_informed, source)| Disclosure {
            on_legal_order,
            client_informed,
            source,
        })
}

pub(super) fn channel_term() -> impl Strategy<Value = ChannelTerm> {
    (
        vec(select(all_channels()), 0..3),
        vec(select(all_channels()), 0..3),
        sources(),
    )
        .prop_map(|(channels, if_possible, source)| ChannelTerm {
            channels,
            if_possible,
            source,
        })
}

pub(super) fn breach() -> impl Strategy<Value = Breach> {
    (
        (
            prop_oneof![
                (notice_term(), given_provenance()).prop_map(|(t, p)| (Some(t), p)),
                Just((None, Provenance::NotStated)),
            ],
            any::<bool>(),
        ),
        vec(select(all_channels()), 0..4),
        vec(channel_term(), 0..3),
        any::<bool>(),
        texts(),
        any::<bool>(),
        any::<bool>(),
        opt_text(),
        sources(),
    )
        .prop_map(
            |(
                ((notice, provenance), as_soon_as_possible),
                channels,
                channel_terms,
                client_keeps_contacts_current,
                information,
                processor_notifies_authority,
                assists_controller,
                note,
                source,
            )| Breach {
                notice,
                provenance,
                as_soon_as_possible,
                channels,
                channel_terms,
                client_keeps_contacts_current,
                information,
                processor_notifies_authority,
                assists_controller,
                note,
                source,
            },
        )
}

/// One cost term for `context`: a rate exactly when the basis is
/// `stated-hourly-rate` (the invariant of [`CostTerms`]).
fn cost_term(context: CostContext) -> impl Strategy<Value = Costs> {
    (
        select(all_cost_bases()),
        eur_cents(),
        any::<[bool; 3]>(),
        option::of(text()),
        sources(),
    )
        .prop_map(
            move |(basis, rate, [estimate, approval, announced], note, source)| Costs {
                context,
                basis,
                hourly_rate_eur_cents: (basis == CostBasis::StatedHourlyRate).then_some(rate),
                estimate_first: estimate,
                approval_above_estimate: approval,
                announced_in_advance: announced,
                note,
                source,
            },
        )
}

/// Cost terms for a subset of the contexts, each at most once.
pub(super) fn costs() -> impl Strategy<Value = CostTerms> {
    proptest::sample::subsequence(CostContext::ALL.to_vec(), 0..=CostContext::ALL.len())
        .prop_flat_map(|contexts| contexts.into_iter().map(cost_term).collect::<Vec<_>>())
        .prop_map(|terms| CostTerms::new(terms).expect("one entry per context, rates by basis"))
}

pub(super) fn audit() -> impl Strategy<Value = Audit> {
    (
        count(),
        audit_period(),
        option::of(prop_oneof![days().prop_map(Term::from_days), term()]),
        select(all_parties()),
        texts(),
        texts(),
        any::<[bool; 7]>(),
        option::of(text()),
        (sources(), given_provenance()),
    )
        .prop_map(
            |(
                max_count,
                period,
                notice,
                cost_bearer,
                auditor_requirements,
                preconditions,
                [
                    processor_may_refuse_auditor,
                    processor_may_refuse_unlawful_audit,
                    certificate_may_demonstrate,
                    periodic,
                    processor_may_move_date,
                    client_may_refuse_processor_auditor,
                    security_tests_after_consultation,
                ],
                processor_reports_inspection,
                (source, provenance),
            )| Audit {
                provenance,
                max_count,
                period,
                notice,
                cost_bearer,
                auditor_requirements,
                preconditions,
                processor_may_refuse_auditor,
                processor_may_refuse_unlawful_audit,
                certificate_may_demonstrate,
                periodic,
                processor_may_move_date,
                client_may_refuse_processor_auditor,
                processor_reports_inspection,
                security_tests_after_consultation,
                source,
            },
        )
}

pub(super) fn statement_changes() -> impl Strategy<Value = StatementChanges> {
    (
        any::<bool>(),
        prop_oneof![
            (
                prop_oneof![days().prop_map(Term::from_days), term()],
                given_provenance()
            )
                .prop_map(|(t, p)| (Some(t), p)),
            Just((None, Provenance::NotStated)),
        ],
        sources(),
    )
        .prop_map(
            |(significant_changes_notified, (termination_window, provenance), source)| {
                StatementChanges {
                    significant_changes_notified,
                    termination_window,
                    provenance,
                    source,
                }
            },
        )
}

pub(super) fn sub_processor_policy() -> impl Strategy<Value = SubProcessorPolicy> {
    (
        select(all_authorisations()),
        prop_oneof![
            (any::<[bool; 2]>(), given_provenance()).prop_map(|([c, o], p)| (Some(c), Some(o), p)),
            Just((None, None, Provenance::NotStated)),
        ],
        any::<[bool; 3]>(),
        sources(),
    )
        .prop_map(
            |(
                authorisation,
                (changes_notified, client_may_object, provenance),
                [
                    same_security_level,
                    processor_remains_liable,
                    liability_subject_to_limits,
                ],
                source,
            )| SubProcessorPolicy {
                authorisation,
                changes_notified,
                client_may_object,
                provenance,
                same_security_level,
                processor_remains_liable,
                liability_subject_to_limits,
                source,
            },
        )
}

pub(super) fn fines() -> impl Strategy<Value = Fines> {
    (select(all_fine_recoveries()), sources()).prop_map(|(recoverable, source)| Fines {
        recoverable,
        source,
    })
}

pub(super) fn terms() -> BoxedStrategy<Terms> {
    (
        duration(),
        deletion(),
        return_of_data(),
        (legal_retention(), option::of(disclosure())),
        breach(),
        costs(),
        audit(),
        statement_changes(),
        sub_processor_policy(),
        fines(),
    )
        .prop_map(
            |(
                duration,
                deletion,
                return_of_data,
                (legal_retention, disclosure),
                breach,
                costs,
                audit,
                statement_changes,
                sub_processors,
                fines,
            )| Terms {
                duration,
                deletion,
                return_of_data,
                legal_retention,
                disclosure,
                breach,
                costs,
                audit,
                statement_changes,
                sub_processors,
                fines,
            },
        )
        .boxed()
}

/// An arbitrary valid agreement: every reference to a standard clause names
/// a clause of its edition in its numbering, as the reader requires
/// (docs/rules.md, "Editions and clause numbers").
pub(super) fn agreement() -> BoxedStrategy<Agreement> {
    (rules(), statement(), clauses(), terms())
        .prop_filter_map(
            "clause references of the edition",
            |(rules, statement, clauses, terms)| {
                with_edition_clauses(Agreement {
                    dpa_format: FormatVersion::CURRENT,
                    rules,
                    statement,
                    clauses,
                    terms,
                    document: Document::default(),
                })
            },
        )
        .boxed()
}

/// `a` with every string that starts with `clause ` (each clause reference,
/// and any text that happens to) replaced by a clause its edition has, in
/// its numbering, chosen by the rest of the string; `a` itself for an
/// edition whose text is not on file; `None` if the result is not an
/// agreement (two deviations made to name one clause).
fn with_edition_clauses(a: Agreement) -> Option<Agreement> {
    let numbering = a.clauses.numbering;
    let Ok(Some(articles)) = crate::sources::numbering::edition_articles(a.clauses.edition) else {
        return Some(a);
    };
    let valid: Vec<String> = articles
        .iter()
        .flat_map(|x| match x.paragraphs {
            Some(n) => (1..=n)
                .map(|p| numbering.clause(x.number, Some(p)))
                .collect(),
            None => vec![numbering.clause(x.number, None)],
        })
        .collect();
    fn walk(v: &mut serde_json::Value, valid: &[String]) {
        match v {
            serde_json::Value::String(s) => {
                if let Some(rest) = s.strip_prefix("clause ") {
                    let pick = rest.bytes().map(usize::from).sum::<usize>() % valid.len();
                    *s = format!("clause {}", valid[pick]);
                }
            }
            serde_json::Value::Array(xs) => xs.iter_mut().for_each(|x| walk(x, valid)),
            serde_json::Value::Object(m) => m.values_mut().for_each(|x| walk(x, valid)),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(&a).ok()?;
    walk(&mut v, &valid);
    serde_json::from_value(v).ok()
}
