//! What changed between two versions of an agreement, and which rights the
//! change opens for the client.
//!
//! [`diff`] compares an old and a new [`Agreement`] field by field and
//! returns typed [`Change`]s: a stable [`ChangeKind`], the field path in the
//! new file, an English description with the old and new values, whether
//! the change is significant and why, and the rights it opens.
//! [`rights_opened`] (or [`DiffReport::new`]) turns them into deadlines: the
//! end of the client's termination window and the right to object to a
//! sub-processor change.
//!
//! ```
//! use dpa_core::Agreement;
//! use dpa_core::diff::{ChangeKind, Effect, diff, rights_opened};
//! use time::macros::date;
//!
//! let read = |name: &str| {
//!     std::fs::read_to_string(format!(
//!         "{}/../examples/agreements/{name}",
//!         env!("CARGO_MANIFEST_DIR")
//!     ))
//! };
//! let old = Agreement::from_toml(&read("belco-1.2.2.toml")?)?;
//! let new = Agreement::from_toml(&read("belco.toml")?)?;
//!
//! let changes = diff(&old, &new);
//! for c in &changes {
//!     println!("{c}");
//! }
//! // Version 1.3 strengthened the security warranty (clause 2.4.1): in the
//! // client's favour, so not significant.
//! let w = changes
//!     .iter()
//!     .find(|c| c.kind == ChangeKind::SecurityWarrantyChanged)
//!     .expect("the warranty changed");
//! assert_eq!(w.path, "statement.security.warranty");
//! assert_eq!(w.effect, Effect::Favourable);
//! assert!(!w.significant);
//!
//! // The summary of the clause 2.4.1 deviation was rewritten to say so: the
//! // summary alone is not judged (the warranty above is), so it is editorial.
//! let d = changes
//!     .iter()
//!     .find(|c| c.kind == ChangeKind::DeviationChanged)
//!     .expect("the summary changed");
//! assert_eq!(d.effect, Effect::Editorial);
//!
//! // Every change of version 1.3 is in the client's favour or editorial, so
//! // its notice on 4 January 2022 opens no termination window (clause 2.2.2).
//! let rights = rights_opened(&changes, &new, date!(2022 - 01 - 04))?;
//! assert!(rights.termination_window.is_none());
//! assert!(rights.objection.is_none()); // no sub-processor changed
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is compared
//! Every part of the statement, the clauses and the terms, except the
//! version metadata: `statement.version`, `effective_date`, `template` and
//! `history` describe the documents, not what they agree, so they are never
//! listed as changes ([`DiffReport`] carries both versions instead). Lists of
//! texts (measures, preconditions, breach information, ...) are compared as
//! multisets: reordering is no change, and a reworded item shows as one item
//! removed and one added. Sub-processors are matched by name, products by
//! name, certifications by name and holder, and deviations by clause (read
//! across the two numberings, so `clause 2.4.1` in a part-2-prefixed file
//! matches `clause 4.1`). A changed `source` list is reported as
//! [`ChangeKind::ReferencesChanged`].
//!
//! # When a change is significant
//! Clause 2.2.2 (2019 numbering; clause 2.2 in the 2025 edition) lets the
//! client terminate within the agreed window after the processor notifies a
//! *significant* change of its statement. This module reads "significant"
//! as: **the change can reduce the client's protection, or changes who
//! processes its data, where, or on what basis.** Each change carries an
//! [`Effect`] saying which, and a `reason` in words:
//!
//! - significant, [`Effect::ChangesProcessing`]: a sub-processor added,
//!   removed, moved (seat or locations), its transfer basis or purpose
//!   changed, or engaged for every client; the processing locations changed;
//!   a special-categories declaration changed; the processor's legal identity
//!   changed.
//! - significant, [`Effect::ReducesProtection`]: a security or
//!   privacy-by-design measure removed, the security warranty weakened, a
//!   term made longer or looser (deletion, breach notice, audit notice), a
//!   duty or right dropped, a new condition on the client (an audit
//!   precondition or auditor requirement), a certification lost, a service
//!   level cut.
//! - significant, [`Effect::Undetermined`]: the direction cannot be told from
//!   the data — a deviation from the standard clauses added, removed or
//!   changed in kind (its text is not judged), a new edition of the clauses, an
//!   unordered choice changed (e.g. the cost basis), the sub-processor list
//!   kept by reference now, no longer, or at another address (a list kept
//!   elsewhere cannot be compared; it opens the right to object as a
//!   sub-processor change does). When in doubt, the
//!   client keeps its right.
//! - not significant, [`Effect::Favourable`]: in the client's favour — a
//!   measure added, the warranty strengthened, a precondition on the client
//!   removed, a term made shorter or firmer, a certification gained.
//! - not significant, [`Effect::Editorial`]: the substance stays — updated
//!   references (clause `source` lists, the clause numbering, references to
//!   articles of law in a text), notes, names and contact details, and the
//!   wording of free-text descriptions (intended use, support access,
//!   client-chosen services, data-subject requests, DPIA, return of data,
//!   breach note). The operative content of those descriptions is in typed
//!   fields that are compared on their own (e.g. `assists`), so a wording
//!   change alone is taken as editorial; the reason asks the reader to check
//!   it. Removing a whole description is significant (undetermined). The
//!   same holds for a deviation's `summary`: a deviation whose summary alone
//!   changed is editorial, since what it does is in typed fields (the
//!   security warranty, a term, a precondition) that are compared on their
//!   own.
//!   The `rules` a file computes with (month rule, business days, time zone)
//!   are the file's reading, not terms of the agreement: editorial.
//!
//! # Rights
//! Every significant change opens the client's termination window (clause
//! 2.2.2 / 2.2; the [`Right`] cites the new agreement's
//! `terms.statement_changes.source`). Every significant change of a
//! sub-processor also opens the right to object (clause 2.8.3 / 8.3, GDPR
//! art. 28(2); it cites `terms.sub_processors.source`), when the new
//! agreement gives that right (`terms.sub_processors.client_may_object`).
//! The agreements set no term for an objection, so its deadline has
//! [`Due::NoFixedTerm`](crate::deadline::Due::NoFixedTerm).

use std::fmt;

use serde::Serialize;
use time::Date;

use crate::citation::cite;
use crate::deadline::Deadline;
use crate::error::Result;
use crate::macros::spelled_enum;
use crate::model::Agreement;
use crate::values::{Version, iso_date};

// The comparison machinery (pairing, the row builder) and the policy on
// which direction favours the client; then one file per part of the
// agreement, each adding its rows to the diff in the order of the file.
mod engine;
mod policy;

mod clauses;
mod rules;
mod security;
mod statement;
mod sub_processors;
mod terms;

use engine::Differ;

// ---------------------------------------------------------------------------
// Types

spelled_enum! {
    /// What kind of change. The string form ([`ChangeKind::as_str`]) is
    /// stable.
    #[derive(PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum ChangeKind ("change kind") {
    /// A computation rule of the file (`rules.*`) changed.
    RulesChanged = "rules-changed",
    /// The processor's identity or contact details changed (`statement.processor.*`).
    ProcessorChanged = "processor-changed",
    /// A product or service was added to the statement's scope.
    ProductAdded = "product-added",
    /// A product or service left the statement's scope.
    ProductRemoved = "product-removed",
    /// A product's description changed.
    ProductChanged = "product-changed",
    /// A declaration on special categories of data (art. 9, art. 10,
    /// government identifiers) or its note changed.
    SpecialCategoriesChanged = "special-categories-changed",
    /// A privacy-by-design measure was added.
    PrivacyMeasureAdded = "privacy-measure-added",
    /// A privacy-by-design measure was removed.
    PrivacyMeasureRemoved = "privacy-measure-removed",
    /// Where data is processed in general changed (`statement.processing_locations`).
    ProcessingLocationsChanged = "processing-locations-changed",
    /// The wording of a free-text statement changed (intended use, support
    /// access, client-chosen services, data-subject requests, DPIA, return of
    /// data, notes).
    TextChanged = "text-changed",
    /// Whether or how the processor assists with data-subject requests or a
    /// DPIA changed (`assists`, `costs_announced_in_advance`).
    AssistanceChanged = "assistance-changed",
    /// A sub-processor was added.
    SubProcessorAdded = "sub-processor-added",
    /// A sub-processor was removed.
    SubProcessorRemoved = "sub-processor-removed",
    /// A sub-processor's seat or processing locations changed.
    SubProcessorMoved = "sub-processor-moved",
    /// A sub-processor's transfer bases or DPF certification changed.
    SubProcessorBasisChanged = "sub-processor-basis-changed",
    /// Another field of a sub-processor changed (purpose, engagement, group, notes).
    SubProcessorChanged = "sub-processor-changed",
    /// Where the statement keeps its sub-processor list by reference
    /// changed: kept by reference now or no longer, or at another address
    /// (`statement.sub_processors_by_reference.address`).
    SubProcessorListReferenceChanged = "sub-processor-list-reference-changed",
    /// The security warranty (clause 2.4.1 / 4.1) changed.
    SecurityWarrantyChanged = "security-warranty-changed",
    /// A security measure was added.
    SecurityMeasureAdded = "security-measure-added",
    /// A security measure was removed.
    SecurityMeasureRemoved = "security-measure-removed",
    /// The information security management basis changed.
    IsmsChanged = "isms-changed",
    /// A certification was added.
    CertificationAdded = "certification-added",
    /// A certification was removed.
    CertificationRemoved = "certification-removed",
    /// A certification's status (held, pending) changed.
    CertificationStatusChanged = "certification-status-changed",
    /// A certification's body changed.
    CertificationChanged = "certification-changed",
    /// The service level changed.
    ServiceLevelChanged = "service-level-changed",
    /// The edition of the standard clauses changed.
    ClauseEditionChanged = "clause-edition-changed",
    /// The numbering of the standard clauses changed.
    ClauseNumberingChanged = "clause-numbering-changed",
    /// A deviation from the standard clauses was added.
    DeviationAdded = "deviation-added",
    /// A deviation from the standard clauses was removed.
    DeviationRemoved = "deviation-removed",
    /// A deviation's kind or text changed.
    DeviationChanged = "deviation-changed",
    /// The duration of the agreement changed (`terms.duration`).
    DurationTermChanged = "duration-term-changed",
    /// The deletion term changed (`terms.deletion`).
    DeletionTermChanged = "deletion-term-changed",
    /// The return-of-data term changed (`terms.return_of_data`).
    ReturnOfDataTermChanged = "return-of-data-term-changed",
    /// The legal-retention exception changed (`terms.legal_retention`).
    LegalRetentionTermChanged = "legal-retention-term-changed",
    /// Disclosure on a legal order changed (`terms.disclosure`).
    DisclosureTermChanged = "disclosure-term-changed",
    /// The breach-notice term changed (`terms.breach`).
    BreachTermChanged = "breach-term-changed",
    /// The costs term changed (`terms.costs`).
    CostsTermChanged = "costs-term-changed",
    /// An audit term changed (`terms.audit`).
    AuditTermChanged = "audit-term-changed",
    /// The term on statement changes changed (`terms.statement_changes`).
    StatementChangesTermChanged = "statement-changes-term-changed",
    /// The sub-processor policy changed (`terms.sub_processors`).
    SubProcessorPolicyTermChanged = "sub-processor-policy-term-changed",
    /// The fines term changed (`terms.fines`).
    FinesTermChanged = "fines-term-changed",
    /// Only the clause references (`source`) of a value changed.
    ReferencesChanged = "references-changed",
    }
}

impl ChangeKind {
    /// Whether the kind is a change of a sub-processor (which, when
    /// significant, opens the right to object).
    pub const fn concerns_sub_processor(self) -> bool {
        matches!(
            self,
            ChangeKind::SubProcessorAdded
                | ChangeKind::SubProcessorRemoved
                | ChangeKind::SubProcessorMoved
                | ChangeKind::SubProcessorBasisChanged
                | ChangeKind::SubProcessorChanged
                | ChangeKind::SubProcessorListReferenceChanged
        )
    }
}

spelled_enum! {
    /// What a change does to the client's position; it decides whether the
    /// change is significant (see the module docs).
    #[derive(PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum Effect ("effect") {
        /// It can reduce the client's protection. Significant.
        ReducesProtection = "reduces-protection",
        /// It changes who processes the client's data, where, or on what basis.
        /// Significant.
        ChangesProcessing = "changes-processing",
        /// Its direction cannot be told from the data; treated as significant.
        Undetermined = "undetermined",
        /// It is in the client's favour. Not significant.
        Favourable = "favourable",
        /// It changes wording, references or presentation only. Not significant.
        Editorial = "editorial",
    }
}

impl Effect {
    /// Whether a change with this effect is significant.
    pub const fn is_significant(self) -> bool {
        matches!(
            self,
            Effect::ReducesProtection | Effect::ChangesProcessing | Effect::Undetermined
        )
    }
}

spelled_enum! {
    /// A right of the client that a change opens. Its spelling is the one the
    /// timeline gives the same obligation.
    #[derive(PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum RightKind ("right") {
        /// To terminate within the window after a significant change was
        /// notified (clause 2.2.2 / 2.2).
        TerminationWindow = "termination-window",
        /// To object to a change of sub-processors (clause 2.8.3 / 8.3; GDPR
        /// art. 28(2)).
        SubProcessorObjection = "sub-processor-objection",
    }
}

/// A right a change opens, with the clauses it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Right {
    /// Which right.
    pub kind: RightKind,
    /// The clauses of the new agreement (and articles of law) it rests on.
    pub citation: String,
    /// What the right is, in English.
    pub note: String,
}

/// One change between two versions of an agreement.
///
/// As JSON:
///
/// ```json
/// {
///   "kind": "security-warranty-changed",
///   "path": "statement.security.warranty",
///   "old_path": null,
///   "description": "security warranty changed from \"not-warranted\" to \"adequate-under-all-circumstances\"",
///   "from": "not-warranted",
///   "to": "adequate-under-all-circumstances",
///   "citation": "clause 2.4.1",
///   "effect": "favourable",
///   "significant": false,
///   "reason": "...",
///   "rights": []
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Change {
    /// What kind of change.
    pub kind: ChangeKind,
    /// The field path in the new file (e.g.
    /// `statement.sub_processors[3].locations`); for something removed, the
    /// path of the list or table it was removed from.
    pub path: String,
    /// The path in the old file, where it differs from `path` (an item
    /// removed, or at another index).
    pub old_path: Option<String>,
    /// What changed, in English, with the old and new values.
    pub description: String,
    /// The old value as text; `None` when there was none.
    pub from: Option<String>,
    /// The new value as text; `None` when there is none.
    pub to: Option<String>,
    /// The clauses the changed value rests on (in the new file; in the old
    /// file for something removed); may be empty.
    pub citation: String,
    /// What the change does to the client's position.
    pub effect: Effect,
    /// Whether the change is significant (`effect.is_significant()`).
    pub significant: bool,
    /// Why it is or is not significant.
    pub reason: String,
    /// The rights of the client the change opens.
    pub rights: Vec<Right>,
}

impl Change {
    /// Whether the change opens the right `kind`.
    pub fn opens(&self, kind: RightKind) -> bool {
        self.rights.iter().any(|r| r.kind == kind)
    }
}

impl fmt::Display for Change {
    /// `kind path: description (significant|not significant: reason)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sig = if self.significant {
            "significant"
        } else {
            "not significant"
        };
        write!(
            f,
            "{} {}: {} ({sig}: {})",
            self.kind, self.path, self.description, self.reason
        )
    }
}

/// The rights a set of changes opens, as deadlines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RightsOpened {
    /// The end of the client's window to terminate, when any change is
    /// significant ([`Agreement::termination_window_end`]).
    pub termination_window: Option<Deadline>,
    /// The right to object to a sub-processor change, when one changed and
    /// the agreement gives the right: no fixed term ([`Due::NoFixedTerm`](crate::deadline::Due::NoFixedTerm)),
    /// with a note; its `kind` is [`DeadlineKind::SubProcessorObjection`](crate::deadline::DeadlineKind::SubProcessorObjection).
    pub objection: Option<Deadline>,
}

impl RightsOpened {
    /// The deadlines, termination window first.
    pub fn deadlines(&self) -> impl Iterator<Item = &Deadline> {
        self.termination_window.iter().chain(self.objection.iter())
    }
}

/// A diff with its verdict and the rights it opens, for output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DiffReport {
    /// The old statement version.
    pub old_version: Version,
    /// The new statement version.
    pub new_version: Version,
    /// The date the change was (or is taken to be) notified.
    #[serde(serialize_with = "iso_date::serialize")]
    pub notified: Date,
    /// Every change, in the order of [`diff`].
    pub changes: Vec<Change>,
    /// Whether any change is significant.
    pub significant: bool,
    /// The end of the termination window, when any change is significant.
    pub termination_window: Option<Deadline>,
    /// The right to object, when a sub-processor changed.
    pub objection: Option<Deadline>,
}

impl DiffReport {
    /// Diffs `old` against `new` and computes the rights opened by a notice
    /// on `notified`.
    ///
    /// # Errors
    /// [`crate::Error::OutOfRange`] when the window would end outside the
    /// supported dates.
    pub fn new(old: &Agreement, new: &Agreement, notified: Date) -> Result<DiffReport> {
        let changes = diff(old, new);
        let rights = rights_opened(&changes, new, notified)?;
        Ok(DiffReport {
            old_version: old.statement.version.clone(),
            new_version: new.statement.version.clone(),
            notified,
            significant: changes.iter().any(|c| c.significant),
            changes,
            termination_window: rights.termination_window,
            objection: rights.objection,
        })
    }
}

// ---------------------------------------------------------------------------
// Entry points

impl Agreement {
    /// The changes from `self` (the old version) to `new`; see [`diff`].
    pub fn diff_to(&self, new: &Agreement) -> Vec<Change> {
        diff(self, new)
    }
}

/// Every change from `old` to `new`, in a stable order: the order of the
/// file (rules, statement, clauses, terms), items of a list in the new
/// file's order followed by those removed in the old file's order. Version
/// metadata (version, effective date, template, history) is not compared.
/// Never panics.
pub fn diff(old: &Agreement, new: &Agreement) -> Vec<Change> {
    let mut d = Differ::new(old, new);
    d.rules();
    d.statement();
    d.clauses();
    d.terms();
    d.cross_reference_deviations();
    let termination = Right {
        kind: RightKind::TerminationWindow,
        citation: cite(&new.terms.statement_changes.source, []),
        note: match new.terms.statement_changes.termination_window {
            Some(window) => format!(
                "the client may terminate the agreement in writing, with reasons, within {window} of the notice"
            ),
            None => "the client may terminate the agreement after the notice; the statement does not state within what window".to_owned(),
        },
    };
    let objection = (new.terms.sub_processors.client_may_object == Some(true)).then(|| Right {
        kind: RightKind::SubProcessorObjection,
        citation: new.sub_processor_objection().citation,
        note: "the client may object to the change of sub-processors".to_owned(),
    });
    for c in d.changes_mut() {
        if c.significant {
            c.rights.push(termination.clone());
            if let (true, Some(o)) = (c.kind.concerns_sub_processor(), &objection) {
                c.rights.push(o.clone());
            }
        }
    }
    d.into_changes()
}

/// The date a change to `new` is taken to be notified on where none is
/// given: the day `new`'s statement takes effect (`dpa diff` without
/// `--notified`). A statement that gives only the month or year it takes
/// effect names no day, and none is guessed: the notice date must then be
/// given (docs/rules.md, "Dates as stated").
///
/// # Errors
/// [`crate::Error::InvalidArgument`] (field `notified`) when the effective
/// date is a month or a year, naming it and the days it can mean.
pub fn default_notified(new: &Agreement) -> Result<Date> {
    let e = new.statement.effective_date;
    e.day().ok_or_else(|| {
        crate::Error::invalid_argument(
            "notified",
            format!(
                "the new statement takes effect in {e} (a {}: some day from {} to {}), not on a day, so the date the change was notified cannot be taken from it; give that date",
                e.precision(),
                iso_date::format(e.earliest()),
                iso_date::format(e.latest())
            ),
        )
    })
}

/// The rights `changes` open when notified on `notified`: the end of the
/// termination window ([`Agreement::termination_window_end`] of `new`) when
/// any change opens it, and the right to object (no fixed term) when any
/// change opens that.
///
/// # Errors
/// [`crate::Error::OutOfRange`] when the window would end outside the
/// supported dates.
pub fn rights_opened(changes: &[Change], new: &Agreement, notified: Date) -> Result<RightsOpened> {
    let termination_window = if changes
        .iter()
        .any(|c| c.opens(RightKind::TerminationWindow))
    {
        Some(new.termination_window_end(notified)?)
    } else {
        None
    };
    let objection = changes
        .iter()
        .any(|c| c.opens(RightKind::SubProcessorObjection))
        .then(|| new.sub_processor_objection());
    Ok(RightsOpened {
        termination_window,
        objection,
    })
}
