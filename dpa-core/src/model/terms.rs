//! The operative terms the statement and the clauses set together:
//! duration, deletion, return, retention, breach notice, costs, audits,
//! statement changes, the sub-processor policy and fines.

use schemars::{JsonSchema, Schema};
use serde::{Deserialize, Serialize};

use super::{
    AuditPeriod, Breach, CostTerms, Provenance, ProvenanceKind, SubProcessorPolicy, is_false,
};
use crate::error::{Error, field_message};
use crate::macros::spelled_enum;
use crate::values::{ClauseRef, Count, Days, Months, Term, Text};

/// The operative terms that statement and clauses set together. Each cites
/// the statement item and clause it comes from (`source`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Terms {
    /// Term and termination of the agreement.
    pub duration: Duration,
    /// Deletion after termination.
    pub deletion: Deletion,
    /// Return of data.
    pub return_of_data: ReturnOfData,
    /// The legal-retention exception to deletion and return.
    pub legal_retention: LegalRetention,
    /// Disclosure to third parties on a legal order (clause 2.5.2 / 5.2);
    /// absent: the file does not record it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<Disclosure>,
    /// Notice of a personal data breach to the client.
    pub breach: Breach,
    /// What the processor may charge, per context of assistance (empty: the
    /// agreement states no cost terms).
    #[serde(default, skip_serializing_if = "CostTerms::is_empty")]
    pub costs: CostTerms,
    /// Audit rights.
    pub audit: Audit,
    /// Changes to the statement.
    pub statement_changes: StatementChanges,
    /// Engaging and changing sub-processors.
    pub sub_processors: SubProcessorPolicy,
    /// Administrative fines imposed on the client.
    pub fines: Fines,
}

/// How long the agreement runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Duration {
    /// Whether it is concluded for an indefinite period.
    pub indefinite: bool,
    /// Whether it ends by operation of law when the main agreement ends.
    pub ends_with_main_agreement: bool,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// Deletion after termination. The term is written `within = "30 days"`
/// (any [`Term`]: days, weeks, months or years), or, as files have always
/// written it, `months = 3`; the backup cycle `backup_cycle = "2 weeks"` or
/// `backup_cycle_days = 14`. One key per term: both is an error.
///
/// `provenance` says where the term came from ([`Provenance`]); with
/// `provenance = "not-stated"` the term is absent and no deletion deadline
/// is computed (issue 15 point 2; GDPR art. 28(3)(g) requires the term to
/// be agreed, so `check` reports it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "DeletionRepr", into = "DeletionRepr")]
#[non_exhaustive]
pub struct Deletion {
    /// The term after termination (clause 2.6.3 / 6.3); `None` when the
    /// document does not state it (`provenance` is then
    /// [`Provenance::NotStated`]).
    pub term: Option<Term>,
    /// Where the term came from.
    pub provenance: Provenance,
    /// How firm the term is.
    pub firmness: Firmness,
    /// Whether the text also says "zo snel mogelijk" (as soon as possible):
    /// the stated aim beside the term, which the term still bounds.
    pub as_soon_as_possible: bool,
    /// How backups are treated.
    pub backups: BackupDeletion,
    /// The backup cycle, where stated.
    pub backup_cycle: Option<Term>,
    /// Where the agreement says so.
    pub source: Vec<ClauseRef>,
}

/// The document form of [`Deletion`].
#[derive(Serialize, Deserialize, JsonSchema)]
#[schemars(transform = deletion_schema)]
#[serde(deny_unknown_fields)]
struct DeletionRepr {
    /// The term in calendar months after termination (the form files have
    /// always used; give this or `within`, not both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    months: Option<Months>,
    /// The term after termination, as the statement writes it: `"30 days"`,
    /// `"6 weeks"`, `"3 months"`, `"1 year"` (give this or `months`, not
    /// both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    within: Option<Term>,
    /// Where the term came from: `stated` (the default), `standard`,
    /// `assumed` (with `reason`) or `not-stated` (then no term is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    provenance: Option<ProvenanceKind>,
    /// Why the file's author assumed the term (required with
    /// `provenance = "assumed"`, refused otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<Text>,
    /// The sentence that states the term, where the file quotes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quote: Option<Text>,
    /// How firm the term is.
    firmness: Firmness,
    /// Whether the text also says "zo snel mogelijk" (as soon as possible):
    /// the stated aim beside the term, which the term still bounds.
    #[serde(default, skip_serializing_if = "is_false")]
    as_soon_as_possible: bool,
    /// How backups are treated.
    backups: BackupDeletion,
    /// The backup cycle in days, where stated (or `backup_cycle`, not both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    backup_cycle_days: Option<Days>,
    /// The backup cycle as the statement writes it, e.g. `"2 weeks"`, where
    /// stated (or `backup_cycle_days`, not both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    backup_cycle: Option<Term>,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    source: Vec<ClauseRef>,
}

impl TryFrom<DeletionRepr> for Deletion {
    type Error = Error;
    fn try_from(r: DeletionRepr) -> Result<Self, Error> {
        let given = Provenance::given_key(&[
            ("months", r.months.is_some()),
            ("within", r.within.is_some()),
        ]);
        let term = one_term(
            ("months", r.months.map(Term::from_months)),
            ("within", r.within),
            "3 months",
        )?;
        let provenance = Provenance::read(r.provenance, r.reason, r.quote, given, || {
            Error::invalid_value(field_message(
                "within",
                "the deletion term is missing: give `within`, a term such as `30 days`, `6 weeks`, `3 months`, `1 year` (or `months`, a number of months), or `provenance = \"not-stated\"` where the statement does not state one",
            ))
        })?;
        let backup_cycle = one_term(
            (
                "backup_cycle_days",
                r.backup_cycle_days.map(Term::from_days),
            ),
            ("backup_cycle", r.backup_cycle),
            "14 days",
        )?;
        Ok(Deletion {
            term,
            provenance,
            firmness: r.firmness,
            as_soon_as_possible: r.as_soon_as_possible,
            backups: r.backups,
            backup_cycle,
            source: r.source,
        })
    }
}

impl From<Deletion> for DeletionRepr {
    fn from(d: Deletion) -> Self {
        let (provenance, reason, quote) = d.provenance.to_keys();
        DeletionRepr {
            months: d.term.and_then(Term::as_months),
            within: d.term.filter(|t| t.as_months().is_none()),
            provenance,
            reason,
            quote,
            firmness: d.firmness,
            as_soon_as_possible: d.as_soon_as_possible,
            backups: d.backups,
            backup_cycle_days: d.backup_cycle.and_then(Term::as_days),
            backup_cycle: d.backup_cycle.filter(|t| t.as_days().is_none()),
            source: d.source,
        }
    }
}

/// A schema that holds where `key` is given: present and not null (the
/// library reads a null as a key not given).
fn given(key: &str) -> serde_json::Value {
    serde_json::json!({
        "type": "object",
        "required": [key],
        "properties": { key: { "not": { "type": "null" } } }
    })
}

/// Adds `rule` to the schema's `allOf`.
fn add_rule(schema: &mut Schema, rule: serde_json::Value) {
    let rules = schema
        .ensure_object()
        .entry("allOf")
        .or_insert_with(|| serde_json::Value::Array(Vec::new()));
    if let Some(rules) = rules.as_array_mut() {
        rules.push(rule);
    }
}

/// The schema's side of [`one_term`]: the old key and the new one are never
/// both given, and where the term is `required`, one of them is.
fn one_term_schema(schema: &mut Schema, old: &str, new: &str, required: bool) {
    add_rule(
        schema,
        serde_json::json!({ "not": { "allOf": [given(old), given(new)] } }),
    );
    // A required term is the table's operative value, which its provenance
    // describes; an optional one (a backup cycle, an audit notice) is not.
    if required {
        provenance_schema(schema, &[old, new], true);
    }
}

/// The schema's side of [`Provenance`] for a term written under `keys`:
/// with `provenance = "not-stated"` none of them is given (giving one is an
/// error, docs/rules.md "Provenance"); otherwise, where the term is
/// `required`, one of them is.
pub(super) fn provenance_schema(schema: &mut Schema, keys: &[&str], required: bool) {
    let not_stated = serde_json::json!({
        "type": "object",
        "required": ["provenance"],
        "properties": { "provenance": { "const": "not-stated" } }
    });
    let any: Vec<serde_json::Value> = keys.iter().map(|k| given(k)).collect();
    add_rule(
        schema,
        serde_json::json!({
            "if": not_stated.clone(),
            "then": { "not": { "anyOf": any.clone() } }
        }),
    );
    if required {
        let mut one = any;
        one.push(not_stated);
        add_rule(schema, serde_json::json!({ "anyOf": one }));
    }
}

/// The deletion term once (`months` or `within`), the backup cycle at most
/// once (`backup_cycle_days` or `backup_cycle`).
fn deletion_schema(schema: &mut Schema) {
    one_term_schema(schema, "months", "within", true);
    one_term_schema(schema, "backup_cycle_days", "backup_cycle", false);
}

/// The audit notice at most once (`notice_days` or `notice`); the audit
/// terms are not `not-stated` (the library refuses that, see `Audit`).
fn audit_schema(schema: &mut Schema) {
    one_term_schema(schema, "notice_days", "notice", false);
    add_rule(
        schema,
        serde_json::json!({
            "not": {
                "type": "object",
                "required": ["provenance"],
                "properties": { "provenance": { "const": "not-stated" } }
            }
        }),
    );
}

/// The termination window once (`termination_window_days` or
/// `termination_window`).
fn statement_changes_schema(schema: &mut Schema) {
    one_term_schema(
        schema,
        "termination_window_days",
        "termination_window",
        true,
    );
}

/// What each notice kind needs, as `NoticeTerm::try_from` reads it:
/// `within-hours` takes `hours` and no `term`, `within` takes `term` and no
/// `hours`, `without-undue-delay` neither.
pub(super) fn notice_term_schema(schema: &mut Schema) {
    for (kind, needs, refuses) in [
        ("within-hours", &["hours"][..], &["term"][..]),
        ("within", &["term"], &["hours"]),
        ("without-undue-delay", &[], &["hours", "term"]),
    ] {
        let mut then: Vec<serde_json::Value> = needs.iter().map(|k| given(k)).collect();
        then.extend(
            refuses
                .iter()
                .map(|k| serde_json::json!({ "not": given(k) })),
        );
        add_rule(
            schema,
            serde_json::json!({
                "if": {
                    "type": "object",
                    "required": ["kind"],
                    "properties": { "kind": { "const": kind } }
                },
                "then": { "allOf": then }
            }),
        );
    }
}

/// The one term given by an old key (a number in its unit, `old`) or the
/// new one (a [`Term`], `new`): both is an error naming the new key's field,
/// which says how to write the term once (`example`).
fn one_term(
    old: (&str, Option<Term>),
    new: (&str, Option<Term>),
    example: &str,
) -> Result<Option<Term>, Error> {
    match (old.1, new.1) {
        (Some(_), Some(_)) => Err(Error::invalid_value(field_message(
            new.0,
            format!(
                "`{}` and `{}` both give this term: give it once, e.g. `{} = \"{example}\"`",
                old.0, new.0, new.0
            ),
        ))),
        (a, b) => Ok(a.or(b)),
    }
}

spelled_enum! {
    /// How firm a stated term is.
    #[non_exhaustive]
    pub enum Firmness ("firmness") {
        /// "uiterlijk": at the latest.
        AtTheLatest = "at-the-latest",
        /// "in principe": as a rule, exceptions not spelled out.
        InPrinciple = "in-principle",
    }
}

spelled_enum! {
    /// How deletion treats backups.
    #[non_exhaustive]
    pub enum BackupDeletion ("backup deletion") {
        /// The agreement does not say.
        NotStated = "not-stated",
        /// Backups are deleted within the same term.
        WithinTerm = "within-term",
        /// Backups are deleted as the regular backup cycle rotates them out.
        PerBackupCycle = "per-backup-cycle",
    }
}

/// Return of data (clause 2.6 / 6; GDPR art. 28(3)(g)).
///
/// `provenance` says where the method of return came from
/// ([`Provenance`]); with `provenance = "not-stated"` the statement does not
/// say how the data is returned: `method` and `machine_readable` are then
/// absent (giving one is an error naming it), and `check` reports
/// `term-not-stated` (GDPR art. 28(3)(g) requires deletion or return at the
/// choice of the controller).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "ReturnOfDataRepr", into = "ReturnOfDataRepr")]
#[non_exhaustive]
pub struct ReturnOfData {
    /// How the client gets its data back; `None` when the document does not
    /// state it (`provenance` is then [`Provenance::NotStated`]).
    pub method: Option<ReturnMethod>,
    /// Where the method of return came from.
    pub provenance: Provenance,
    /// Whether the format is machine-readable (`false` where the return is
    /// not stated: read `method` first).
    pub machine_readable: bool,
    /// Whether the return happens before deletion.
    pub before_deletion: bool,
    /// Whether costs are announced before the work is done.
    pub costs_announced_in_advance: bool,
    /// The agreement's words.
    pub description: Text,
    /// Where the agreement says so.
    pub source: Vec<ClauseRef>,
}

/// The document form of [`ReturnOfData`].
#[derive(Serialize, Deserialize, JsonSchema)]
#[schemars(transform = return_of_data_schema)]
#[serde(deny_unknown_fields)]
struct ReturnOfDataRepr {
    /// How the client gets its data back (absent only with
    /// `provenance = "not-stated"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    method: Option<ReturnMethod>,
    /// Where the method of return came from: `stated` (the default),
    /// `standard`, `assumed` (with `reason`) or `not-stated` (then no
    /// `method` and no `machine_readable`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    provenance: Option<ProvenanceKind>,
    /// Why the file's author assumed the method (required with
    /// `provenance = "assumed"`, refused otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<Text>,
    /// The sentence that states the method, where the file quotes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quote: Option<Text>,
    /// Whether the format is machine-readable (absent only with
    /// `provenance = "not-stated"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    machine_readable: Option<bool>,
    /// Whether the return happens before deletion.
    #[serde(default, skip_serializing_if = "is_false")]
    before_deletion: bool,
    /// Whether costs are announced before the work is done.
    #[serde(default, skip_serializing_if = "is_false")]
    costs_announced_in_advance: bool,
    /// The agreement's words.
    description: Text,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    source: Vec<ClauseRef>,
}

impl TryFrom<ReturnOfDataRepr> for ReturnOfData {
    type Error = Error;
    fn try_from(r: ReturnOfDataRepr) -> Result<Self, Error> {
        let given = Provenance::given_key(&[
            ("method", r.method.is_some()),
            ("machine_readable", r.machine_readable.is_some()),
        ]);
        let missing = |key: &str| {
            Error::invalid_value(field_message(
                key,
                format!(
                    "`{key}` is missing: give how the data is returned (`method`) and whether in a machine-readable format (`machine_readable`), or `provenance = \"not-stated\"` where the statement does not say"
                ),
            ))
        };
        let provenance =
            Provenance::read(r.provenance, r.reason, r.quote, given, || missing("method"))?;
        let (method, machine_readable) = match (r.method, r.machine_readable) {
            (Some(m), Some(b)) => (Some(m), b),
            (None, None) => (None, false),
            (None, Some(_)) => return Err(missing("method")),
            (Some(_), None) => return Err(missing("machine_readable")),
        };
        Ok(ReturnOfData {
            method,
            provenance,
            machine_readable,
            before_deletion: r.before_deletion,
            costs_announced_in_advance: r.costs_announced_in_advance,
            description: r.description,
            source: r.source,
        })
    }
}

impl From<ReturnOfData> for ReturnOfDataRepr {
    fn from(r: ReturnOfData) -> Self {
        let (provenance, reason, quote) = r.provenance.to_keys();
        ReturnOfDataRepr {
            method: r.method,
            provenance,
            reason,
            quote,
            machine_readable: r.method.map(|_| r.machine_readable),
            before_deletion: r.before_deletion,
            costs_announced_in_advance: r.costs_announced_in_advance,
            description: r.description,
            source: r.source,
        }
    }
}

/// The schema's side of a table whose value is written under every one of
/// `keys`: with `provenance = "not-stated"` none of them is given, and
/// otherwise all are (docs/rules.md, "Provenance").
pub(super) fn provenance_schema_all(schema: &mut Schema, keys: &[&str]) {
    provenance_schema(schema, keys, false);
    let all: Vec<serde_json::Value> = keys.iter().map(|k| given(k)).collect();
    add_rule(
        schema,
        serde_json::json!({
            "if": {
                "not": {
                    "type": "object",
                    "required": ["provenance"],
                    "properties": { "provenance": { "const": "not-stated" } }
                }
            },
            "then": { "allOf": all }
        }),
    );
}

/// `method` and `machine_readable` both, unless not stated.
fn return_of_data_schema(schema: &mut Schema) {
    provenance_schema_all(schema, &["method", "machine_readable"]);
}

spelled_enum! {
    /// How data is returned.
    #[non_exhaustive]
    pub enum ReturnMethod ("return method") {
        /// The client exports the data itself (e.g. through an API).
        SelfServiceExport = "self-service-export",
        /// The processor returns it on the client's request.
        OnRequest = "on-request",
        /// Only if the parties agreed on it.
        IfAgreed = "if-agreed",
        /// No return is offered.
        None = "none",
    }
}

/// The exception for statutory retention duties (clause 2.6.5 / 6.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LegalRetention {
    /// Whether a statutory duty suspends deletion and return for the data it covers.
    pub suspends_deletion: bool,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// Disclosure of the personal data to third parties where a court
/// judgment, a statutory provision or a competent authority's order makes
/// it necessary (clause 2.5.2 / 5.2: "Data Processor is gerechtigd de
/// Persoonsgegevens te verstrekken aan derden, indien en voor zover
/// verstrekking noodzakelijk is ingevolge een rechterlijke uitspraak, een
/// wettelijk voorschrift of op basis van een bevoegd gegeven bevel van een
/// overheidsinstantie").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Disclosure {
    /// Whether the processor may disclose the data on such an order.
    pub on_legal_order: bool,
    /// Whether and when the client is told. GDPR art. 28(3)(a) requires
    /// the processor to inform the controller of the legal requirement
    /// before processing, unless that law prohibits it.
    pub client_informed: ClientInformed,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

spelled_enum! {
    /// Whether the client is told of a disclosure on a legal order.
    #[non_exhaustive]
    pub enum ClientInformed ("client informed") {
        /// The agreement does not say (the standard clauses do not).
        NotStated = "not-stated",
        /// Before the disclosure, unless the law prohibits it (GDPR art.
        /// 28(3)(a)).
        BeforeDisclosure = "before-disclosure",
        /// After the disclosure.
        AfterDisclosure = "after-disclosure",
        /// Not at all.
        Never = "never",
    }
}

/// Audit rights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "AuditRepr", into = "AuditRepr")]
#[non_exhaustive]
pub struct Audit {
    /// The most audits per period.
    pub max_count: Count,
    /// Which reading of "per year" the file takes.
    pub period: AuditPeriod,
    /// Written notice before an audit, where stated (DPS 1.14: "minimaal
    /// 14-dagen van tevoren").
    pub notice: Option<Term>,
    /// Who pays for the audit.
    pub cost_bearer: Party,
    /// What the auditor must be.
    pub auditor_requirements: Vec<Text>,
    /// Conditions the client must meet before it may audit.
    pub preconditions: Vec<Text>,
    /// Whether the processor may refuse an auditor who does not meet its quality requirements.
    pub processor_may_refuse_auditor: bool,
    /// Whether the processor may refuse an audit or instruction it considers unlawful or an undue breach of its security.
    pub processor_may_refuse_unlawful_audit: bool,
    /// Whether a valid certificate or third-party memorandum may demonstrate compliance.
    pub certificate_may_demonstrate: bool,
    /// Whether the statement gives the client a right to audit periodically
    /// (Belco DPS 1.14: "het recht om periodiek audits uit te (laten)
    /// voeren"), beside any precondition of the clauses.
    pub periodic: bool,
    /// Whether the processor may propose another date for any reason (DPS
    /// 1.14: "ongeacht de reden"): the date a notice proposes is then not
    /// fixed.
    pub processor_may_move_date: bool,
    /// Whether the client may refuse the external auditor the processor has
    /// itself audited by (DPS 1.14: "Voldoet de externe auditor niet aan
    /// kwaliteitseisen van de opdrachtgever, dan behouden ze recht voor om
    /// deze te weigeren").
    pub client_may_refuse_processor_auditor: bool,
    /// Whether the client may always inspect the reports of the audits the
    /// processor has done on itself, and where (DPS 1.14: "altijd de
    /// rapportage bij ons op kantoor inzien").
    pub processor_reports_inspection: Option<Text>,
    /// Whether security tests by the client (a penetration test) are allowed
    /// only after consultation (Belco DPS 1.12: "Alleen na overleg staan wij
    /// toe dat Verantwoordelijke audits (bijv. een penetration test) laat
    /// uitvoeren").
    pub security_tests_after_consultation: bool,
    /// Where the audit terms (count, period, notice) came from. An assumed
    /// notice makes every audit deadline on it say so. `not-stated` is
    /// refused while the count and the period are required values.
    pub provenance: Provenance,
    /// Where the agreement says so.
    pub source: Vec<ClauseRef>,
}

/// The document form of [`Audit`].
#[derive(Serialize, Deserialize, JsonSchema)]
#[schemars(transform = audit_schema)]
#[serde(deny_unknown_fields)]
struct AuditRepr {
    /// The most audits per period.
    max_count: Count,
    /// Which reading of "per year" the file takes.
    period: AuditPeriod,
    /// Written notice before an audit, in days, where stated (or
    /// `notice`, not both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    notice_days: Option<Days>,
    /// Written notice before an audit as the statement writes it, e.g.
    /// `"2 weeks"`, where stated (or `notice_days`, not both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    notice: Option<Term>,
    /// Who pays for the audit.
    cost_bearer: Party,
    /// What the auditor must be.
    #[serde(deserialize_with = "crate::limits::list", default)]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    auditor_requirements: Vec<Text>,
    /// Conditions the client must meet before it may audit.
    #[serde(deserialize_with = "crate::limits::list", default)]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    preconditions: Vec<Text>,
    /// Whether the processor may refuse an auditor who does not meet its quality requirements.
    processor_may_refuse_auditor: bool,
    /// Whether the processor may refuse an audit or instruction it considers unlawful or an undue breach of its security.
    processor_may_refuse_unlawful_audit: bool,
    /// Whether a valid certificate or third-party memorandum may demonstrate compliance.
    certificate_may_demonstrate: bool,
    /// Whether the statement gives the client a right to audit periodically
    /// (Belco DPS 1.14: "het recht om periodiek audits uit te (laten)
    /// voeren"), beside any precondition of the clauses.
    #[serde(default, skip_serializing_if = "is_false")]
    periodic: bool,
    /// Whether the processor may propose another date for any reason (DPS
    /// 1.14: "ongeacht de reden"): the date a notice proposes is then not
    /// fixed.
    #[serde(default, skip_serializing_if = "is_false")]
    processor_may_move_date: bool,
    /// Whether the client may refuse the external auditor the processor has
    /// itself audited by (DPS 1.14: "Voldoet de externe auditor niet aan
    /// kwaliteitseisen van de opdrachtgever, dan behouden ze recht voor om
    /// deze te weigeren").
    #[serde(default, skip_serializing_if = "is_false")]
    client_may_refuse_processor_auditor: bool,
    /// Whether the client may always inspect the reports of the audits the
    /// processor has done on itself, and where (DPS 1.14: "altijd de
    /// rapportage bij ons op kantoor inzien").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    processor_reports_inspection: Option<Text>,
    /// Whether security tests by the client (a penetration test) are allowed
    /// only after consultation (Belco DPS 1.12: "Alleen na overleg staan wij
    /// toe dat Verantwoordelijke audits (bijv. een penetration test) laat
    /// uitvoeren").
    #[serde(default, skip_serializing_if = "is_false")]
    security_tests_after_consultation: bool,
    /// Where the audit terms came from: `stated` (the default), `standard`
    /// or `assumed` (with `reason`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    provenance: Option<ProvenanceKind>,
    /// Why the file's author assumed the audit terms (required with
    /// `provenance = "assumed"`, refused otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<Text>,
    /// The sentence that states the audit terms, where the file quotes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quote: Option<Text>,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    source: Vec<ClauseRef>,
}

impl TryFrom<AuditRepr> for Audit {
    type Error = Error;
    fn try_from(r: AuditRepr) -> Result<Self, Error> {
        let notice = one_term(
            ("notice_days", r.notice_days.map(Term::from_days)),
            ("notice", r.notice),
            "14 days",
        )?;
        let provenance = Provenance::from_keys(r.provenance, r.reason, r.quote)?;
        if provenance.is_not_stated() {
            // The count is always given (a required key): a value present
            // with `not-stated` is refused, naming it.
            return Err(Provenance::given_but_not_stated("max_count"));
        }
        Ok(Audit {
            provenance,
            notice,
            max_count: r.max_count,
            period: r.period,
            cost_bearer: r.cost_bearer,
            auditor_requirements: r.auditor_requirements,
            preconditions: r.preconditions,
            processor_may_refuse_auditor: r.processor_may_refuse_auditor,
            processor_may_refuse_unlawful_audit: r.processor_may_refuse_unlawful_audit,
            certificate_may_demonstrate: r.certificate_may_demonstrate,
            periodic: r.periodic,
            processor_may_move_date: r.processor_may_move_date,
            client_may_refuse_processor_auditor: r.client_may_refuse_processor_auditor,
            processor_reports_inspection: r.processor_reports_inspection,
            security_tests_after_consultation: r.security_tests_after_consultation,
            source: r.source,
        })
    }
}

impl From<Audit> for AuditRepr {
    fn from(a: Audit) -> Self {
        let (provenance, reason, quote) = a.provenance.to_keys();
        AuditRepr {
            max_count: a.max_count,
            period: a.period,
            notice_days: a.notice.and_then(Term::as_days),
            notice: a.notice.filter(|t| t.as_days().is_none()),
            cost_bearer: a.cost_bearer,
            auditor_requirements: a.auditor_requirements,
            preconditions: a.preconditions,
            processor_may_refuse_auditor: a.processor_may_refuse_auditor,
            processor_may_refuse_unlawful_audit: a.processor_may_refuse_unlawful_audit,
            certificate_may_demonstrate: a.certificate_may_demonstrate,
            periodic: a.periodic,
            processor_may_move_date: a.processor_may_move_date,
            client_may_refuse_processor_auditor: a.client_may_refuse_processor_auditor,
            processor_reports_inspection: a.processor_reports_inspection,
            security_tests_after_consultation: a.security_tests_after_consultation,
            provenance,
            reason,
            quote,
            source: a.source,
        }
    }
}

spelled_enum! {
    /// A party to the agreement.
    #[non_exhaustive]
    pub enum Party ("party") {
        /// The client (opdrachtgever).
        Client = "client",
        /// The processor.
        Processor = "processor",
    }
}

/// Changes to the statement (clause 2.2.2 / 2.2). The window is written
/// `termination_window = "6 weeks"` (any [`Term`]) or, as files have always
/// written it, `termination_window_days = 30`; not both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "StatementChangesRepr", into = "StatementChangesRepr")]
#[non_exhaustive]
pub struct StatementChanges {
    /// Whether significant changes are notified.
    pub significant_changes_notified: bool,
    /// The window after the notice within which the client may terminate;
    /// `None` when the document does not state it (`provenance` is then
    /// [`Provenance::NotStated`], and no termination-window deadline is
    /// computed: issue 15 point 2).
    pub termination_window: Option<Term>,
    /// Where the window came from.
    pub provenance: Provenance,
    /// Where the agreement says so.
    pub source: Vec<ClauseRef>,
}

/// The document form of [`StatementChanges`].
#[derive(Serialize, Deserialize, JsonSchema)]
#[schemars(transform = statement_changes_schema)]
#[serde(deny_unknown_fields)]
struct StatementChangesRepr {
    /// Whether significant changes are notified.
    significant_changes_notified: bool,
    /// Days after the notice within which the client may terminate (or
    /// `termination_window`, not both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    termination_window_days: Option<Days>,
    /// The window after the notice within which the client may terminate,
    /// as the statement writes it, e.g. `"6 weeks"` (or
    /// `termination_window_days`, not both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    termination_window: Option<Term>,
    /// Where the window came from: `stated` (the default), `standard`,
    /// `assumed` (with `reason`) or `not-stated` (then no window is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    provenance: Option<ProvenanceKind>,
    /// Why the file's author assumed the window (required with
    /// `provenance = "assumed"`, refused otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<Text>,
    /// The sentence that states the window, where the file quotes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quote: Option<Text>,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    source: Vec<ClauseRef>,
}

impl TryFrom<StatementChangesRepr> for StatementChanges {
    type Error = Error;
    fn try_from(r: StatementChangesRepr) -> Result<Self, Error> {
        let given = Provenance::given_key(&[
            (
                "termination_window_days",
                r.termination_window_days.is_some(),
            ),
            ("termination_window", r.termination_window.is_some()),
        ]);
        let termination_window = one_term(
            (
                "termination_window_days",
                r.termination_window_days.map(Term::from_days),
            ),
            ("termination_window", r.termination_window),
            "30 days",
        )?;
        let provenance = Provenance::read(r.provenance, r.reason, r.quote, given, || {
            Error::invalid_value(field_message(
                "termination_window",
                "the termination window is missing: give `termination_window`, a term such as `30 days`, `6 weeks`, `3 months`, `1 year` (or `termination_window_days`, a number of days), or `provenance = \"not-stated\"` where the statement does not state one",
            ))
        })?;
        Ok(StatementChanges {
            significant_changes_notified: r.significant_changes_notified,
            termination_window,
            provenance,
            source: r.source,
        })
    }
}

impl From<StatementChanges> for StatementChangesRepr {
    fn from(c: StatementChanges) -> Self {
        let (provenance, reason, quote) = c.provenance.to_keys();
        StatementChangesRepr {
            significant_changes_notified: c.significant_changes_notified,
            termination_window_days: c.termination_window.and_then(Term::as_days),
            termination_window: c.termination_window.filter(|t| t.as_days().is_none()),
            provenance,
            reason,
            quote,
            source: c.source,
        }
    }
}

/// Fines imposed on the client by the supervisory authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Fines {
    /// When they can be recovered from the processor.
    pub recoverable: FineRecovery,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

spelled_enum! {
    /// When fines can be recovered from the processor.
    #[non_exhaustive]
    pub enum FineRecovery ("fine recovery") {
        /// Never.
        Never = "never",
        /// Only on intent or deliberate recklessness of the processor's management.
        IntentOrDeliberateRecklessness = "intent-or-deliberate-recklessness",
    }
}
