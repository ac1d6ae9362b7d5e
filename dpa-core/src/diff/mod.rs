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
//! // The rewritten clause 2.4.1 deviation is significant (a deviation's text
//! // is not judged), so notice on 4 January 2022 opens the 30-day window.
//! let rights = rights_opened(&changes, &new, date!(2022 - 01 - 04))?;
//! let window = rights.termination_window.expect("a significant change");
//! assert_eq!(window.due.date(), Some(date!(2022 - 02 - 03)));
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
//!   changed (its text is not judged), a new edition of the clauses, an
//!   unordered choice changed (e.g. the cost basis). When in doubt, the
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
//!   it. Removing a whole description is significant (undetermined).
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
//! [`Due::NoFixedTerm`].

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::hash::Hash;

use serde::Serialize;
use time::Date;

use crate::deadline::{Bound, Deadline, DeadlineKind, Due};
use crate::error::Result;
use crate::macros::spelled_enum;
use crate::model::{
    Agreement, Assistance, AuditPeriod, Authorisation, BackupDeletion, Certification,
    CertificationStatus, CostBasis, Declaration, Described, Deviation, Engagement, FineRecovery,
    Firmness, Measures, NoticeTerm, Numbering, OfficeDays, OfficeHours, Party, Response,
    ReturnMethod, SecurityWarranty, ServiceLevel, SubProcessor, TransferBasis,
};
use crate::values::{ClauseRef, Location, Text, Version, iso_date, join_refs};

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
    /// the agreement gives the right: no fixed term ([`Due::NoFixedTerm`]),
    /// with a note; its `kind` is [`DeadlineKind::SubProcessorObjection`].
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
    let mut d = Differ {
        old,
        new,
        out: Vec::new(),
    };
    d.rules();
    d.statement();
    d.clauses();
    d.terms();
    d.cross_reference_deviations();
    let termination = Right {
        kind: RightKind::TerminationWindow,
        citation: join_refs(&new.terms.statement_changes.source),
        note: format!(
            "the client may terminate the agreement in writing, with reasons, within {} of the notice",
            new.terms.statement_changes.termination_window_days
        ),
    };
    let objection = new.terms.sub_processors.client_may_object.then(|| Right {
        kind: RightKind::SubProcessorObjection,
        citation: objection_citation(new),
        note: "the client may object to the change of sub-processors".to_owned(),
    });
    for c in &mut d.out {
        if c.significant {
            c.rights.push(termination.clone());
            if let (true, Some(o)) = (c.kind.concerns_sub_processor(), &objection) {
                c.rights.push(o.clone());
            }
        }
    }
    d.out
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
        .then(|| Deadline {
            kind: DeadlineKind::SubProcessorObjection,
            due: Due::NoFixedTerm,
            bound: Bound::NoLaterThan,
            citation: objection_citation(new),
            shift: None,
            note: Some(
                "the client may object to the change of sub-processors; the agreement sets no term for it"
                    .to_owned(),
            ),
        });
    Ok(RightsOpened {
        termination_window,
        objection,
    })
}

/// The clause giving the right to object (8.3 in the agreement's numbering)
/// when `terms.sub_processors.source` cites it, else all of that source;
/// with GDPR art. 28(2).
fn objection_citation(a: &Agreement) -> String {
    let p = &a.terms.sub_processors;
    let want = format!("clause {}", a.clauses.numbering.clause(8, Some(3)));
    let refs = match p.source.iter().find(|r| r.as_str() == want) {
        Some(r) => r.as_str().to_owned(),
        None => join_refs(&p.source),
    };
    crate::citation::join(&refs, ["GDPR art. 28(2)"])
}

// ---------------------------------------------------------------------------
// Helpers

/// Pairs each item of `new` with the first unpaired item of `old` with the
/// same key. Returns, for each new item, the index of its old item, and the
/// old indexes left unpaired (ascending).
fn pair_by<'a, T, K: Eq + Hash>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&'a T) -> K,
) -> (Vec<Option<usize>>, Vec<usize>) {
    let mut free: HashMap<K, VecDeque<usize>> = HashMap::new();
    for (i, o) in old.iter().enumerate() {
        free.entry(key(o)).or_default().push_back(i);
    }
    let mut used = vec![false; old.len()];
    let pairs = new
        .iter()
        .map(|n| {
            let i = free.get_mut(&key(n)).and_then(VecDeque::pop_front);
            if let Some(i) = i {
                used[i] = true;
            }
            i
        })
        .collect();
    let removed = (0..old.len()).filter(|&i| !used[i]).collect();
    (pairs, removed)
}

fn quote(s: &str) -> String {
    format!("\"{s}\"")
}

fn opt_text(t: Option<&Text>) -> Option<String> {
    t.map(|t| t.as_str().to_owned())
}

fn show_opt(v: &Option<String>) -> String {
    v.as_deref().map_or_else(|| "(none)".to_owned(), quote)
}

fn locations(v: &[Location]) -> String {
    if v.is_empty() {
        "(none)".to_owned()
    } else {
        v.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", ")
    }
}

fn sorted_set<T: Ord + Copy>(v: &[T]) -> Vec<T> {
    let mut s = v.to_vec();
    s.sort_unstable();
    s.dedup();
    s
}

fn bases(v: &[TransferBasis]) -> String {
    if v.is_empty() {
        "(none)".to_owned()
    } else {
        v.iter().map(|b| b.as_str()).collect::<Vec<_>>().join(", ")
    }
}

fn notice_str(n: NoticeTerm) -> String {
    match n {
        NoticeTerm::WithinHours { hours } => format!("within {hours}"),
        NoticeTerm::WithoutUndueDelay => "without undue delay".to_owned(),
    }
}

/// The words of `s` without references to articles of law (numbers, and
/// words such as "artikel", "Wbp", "AVG"), lowercased.
fn without_law_references(s: &str) -> Vec<String> {
    const LAW_WORDS: &[&str] = &[
        "artikel",
        "artikelen",
        "art",
        "article",
        "articles",
        "lid",
        "sub",
        "wbp",
        "avg",
        "uavg",
        "gdpr",
        "awb",
        "bw",
    ];
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| !LAW_WORDS.contains(&w.as_str()))
        .collect()
}

/// The clause's number with the part prefix of `numbering` removed, so that
/// `clause 2.4.1` (part-2-prefixed) and `clause 4.1` (articles) match.
fn clause_key(numbering: Numbering, c: &ClauseRef) -> String {
    let s = c.as_str();
    let n = s.strip_prefix("clause ").unwrap_or(s);
    match numbering {
        Numbering::Part2Prefixed => n.strip_prefix("2.").unwrap_or(n).to_owned(),
        _ => n.to_owned(),
    }
}

/// A verdict: the effect and the reason.
type Verdict = (Effect, String);

fn v(effect: Effect, reason: impl Into<String>) -> Verdict {
    (effect, reason.into())
}

/// For a flag whose `good` value favours the client.
fn by_flag(new: bool, good: bool, worse: &str, better: &str) -> Verdict {
    if new == good {
        v(Effect::Favourable, better)
    } else {
        v(Effect::ReducesProtection, worse)
    }
}

/// For a ranked value where a higher rank is worse for the client; equal
/// ranks (different values that cannot be ordered) are undetermined.
fn by_rank(old: u32, new: u32, worse: &str, better: &str, unordered: &str) -> Verdict {
    match new.cmp(&old) {
        std::cmp::Ordering::Greater => v(Effect::ReducesProtection, worse),
        std::cmp::Ordering::Less => v(Effect::Favourable, better),
        std::cmp::Ordering::Equal => v(Effect::Undetermined, unordered),
    }
}

const FREE_TEXT_REASON: &str = "the wording of a free-text description changed; the diff does not judge free text and the operative terms are compared field by field, so this is taken as editorial — read the old and new text to confirm";

struct Differ<'a> {
    old: &'a Agreement,
    new: &'a Agreement,
    out: Vec<Change>,
}

/// A change before its rights are attached.
struct Draft {
    kind: ChangeKind,
    path: String,
    old_path: Option<String>,
    description: String,
    from: Option<String>,
    to: Option<String>,
    citation: String,
    verdict: Verdict,
}

impl Differ<'_> {
    fn push(&mut self, d: Draft) {
        let (effect, reason) = d.verdict;
        let old_path = d.old_path.filter(|p| *p != d.path);
        self.out.push(Change {
            kind: d.kind,
            path: d.path,
            old_path,
            description: d.description,
            from: d.from,
            to: d.to,
            citation: d.citation,
            effect,
            significant: effect.is_significant(),
            reason,
            rights: Vec::new(),
        });
    }

    /// A single value that changed from `from` to `to` (both shown).
    #[allow(
        clippy::too_many_arguments,
        reason = "each argument is one column of a change row; a builder replaces them in the diff split"
    )]
    fn value(
        &mut self,
        kind: ChangeKind,
        path: String,
        citation: &str,
        label: &str,
        from: Option<String>,
        to: Option<String>,
        verdict: Verdict,
    ) {
        if from == to {
            return;
        }
        let description = format!(
            "{label} changed from {} to {}",
            show_opt(&from),
            show_opt(&to)
        );
        self.push(Draft {
            kind,
            path: path.clone(),
            old_path: Some(path),
            description,
            from,
            to,
            citation: citation.to_owned(),
            verdict,
        });
    }

    /// A value compared with `==`, shown with `show`, judged with `judge`
    /// when it differs.
    #[allow(
        clippy::too_many_arguments,
        reason = "each argument is one column of a change row; a builder replaces them in the diff split"
    )]
    fn field<T: PartialEq>(
        &mut self,
        kind: ChangeKind,
        path: String,
        citation: &str,
        label: &str,
        old: &T,
        new: &T,
        show: impl Fn(&T) -> Option<String>,
        judge: impl FnOnce(&T, &T) -> Verdict,
    ) {
        if old != new {
            let verdict = judge(old, new);
            self.value(kind, path, citation, label, show(old), show(new), verdict);
        }
    }

    /// A flag whose `good` value favours the client.
    #[allow(
        clippy::too_many_arguments,
        reason = "each argument is one column of a change row; a builder replaces them in the diff split"
    )]
    fn flag(
        &mut self,
        kind: ChangeKind,
        path: String,
        citation: &str,
        label: &str,
        old: bool,
        new: bool,
        good: bool,
        worse: &str,
        better: &str,
    ) {
        self.field(
            kind,
            path,
            citation,
            label,
            &old,
            &new,
            |b| Some(b.to_string()),
            |_, n| by_flag(*n, good, worse, better),
        );
    }

    /// A list compared as a multiset: one change per item added or removed.
    #[allow(
        clippy::too_many_arguments,
        reason = "each argument is one column of a change row; a builder replaces them in the diff split"
    )]
    fn items<T: Eq + Hash>(
        &mut self,
        kinds: (ChangeKind, ChangeKind),
        path: &str,
        citations: (&str, &str),
        label: &str,
        old: &[T],
        new: &[T],
        show: impl Fn(&T) -> String,
        added: Verdict,
        removed: Verdict,
    ) {
        let (pairs, gone) = pair_by(old, new, |t| t);
        for (i, p) in pairs.iter().enumerate() {
            if p.is_none() {
                let s = show(&new[i]);
                self.push(Draft {
                    kind: kinds.0,
                    path: format!("{path}[{i}]"),
                    old_path: None,
                    description: format!("{label} added: {}", quote(&s)),
                    from: None,
                    to: Some(s),
                    citation: citations.1.to_owned(),
                    verdict: added.clone(),
                });
            }
        }
        for j in gone {
            let s = show(&old[j]);
            self.push(Draft {
                kind: kinds.1,
                path: path.to_owned(),
                old_path: Some(format!("{path}[{j}]")),
                description: format!("{label} removed: {}", quote(&s)),
                from: Some(s),
                to: None,
                citation: citations.0.to_owned(),
                verdict: removed.clone(),
            });
        }
    }

    /// A free-text field (optional).
    fn text(
        &mut self,
        kind: ChangeKind,
        path: String,
        citation: &str,
        label: &str,
        old: Option<&Text>,
        new: Option<&Text>,
    ) {
        let verdict = match (old, new) {
            (Some(o), Some(n)) if o != n => {
                if without_law_references(o.as_str()) == without_law_references(n.as_str()) {
                    v(
                        Effect::Editorial,
                        "only the references to articles of law in the text changed (e.g. Wbp to AVG); the substance is the same",
                    )
                } else {
                    v(Effect::Editorial, FREE_TEXT_REASON)
                }
            }
            (None, Some(_)) => v(
                Effect::Editorial,
                "a description was added where the statement said nothing; the diff does not judge free text — read it",
            ),
            (Some(_), None) => v(
                Effect::Undetermined,
                "the statement no longer says anything here; what it said may have protected the client",
            ),
            _ => return,
        };
        self.value(
            kind,
            path,
            citation,
            label,
            opt_text(old),
            opt_text(new),
            verdict,
        );
    }

    /// A `source` list.
    fn refs(&mut self, path: String, old: &[ClauseRef], new: &[ClauseRef]) {
        if old == new {
            return;
        }
        let (from, to) = (join_refs(old), join_refs(new));
        self.push(Draft {
            kind: ChangeKind::ReferencesChanged,
            path: path.clone(),
            old_path: Some(path),
            description: format!("references changed from \"{from}\" to \"{to}\""),
            citation: to.clone(),
            from: Some(from),
            to: Some(to),
            verdict: v(
                Effect::Editorial,
                "only the clause references the value cites changed; the value is unchanged",
            ),
        });
    }

    // -----------------------------------------------------------------------
    // Rules

    fn rules(&mut self) {
        let (o, n) = (&self.old.rules, &self.new.rules);
        let reason = "how this library computes with the terms is a reading the file takes, not a term of the agreement; deadlines computed from the new file may fall on other dates";
        let k = ChangeKind::RulesChanged;
        self.field(
            k,
            "rules.month_rule".into(),
            "",
            "month rule",
            &o.month_rule,
            &n.month_rule,
            |r| Some(r.as_str().to_owned()),
            |_, _| v(Effect::Editorial, reason),
        );
        self.field(
            k,
            "rules.business_days".into(),
            "",
            "business-day rule",
            &o.business_days,
            &n.business_days,
            |r| Some(r.as_str().to_owned()),
            |_, _| v(Effect::Editorial, reason),
        );
        self.field(
            k,
            "rules.time_zone".into(),
            "",
            "time zone",
            &o.time_zone,
            &n.time_zone,
            |t| Some(t.as_str().to_owned()),
            |_, _| v(Effect::Editorial, reason),
        );
    }

    // -----------------------------------------------------------------------
    // The statement

    fn statement(&mut self) {
        self.processor();
        self.products();
        let (o, n) = (&self.old.statement, &self.new.statement);
        self.described(
            "statement.intended_use",
            "intended use",
            o.intended_use.as_ref(),
            n.intended_use.as_ref(),
        );
        self.special_categories();
        self.privacy_by_design(o.privacy_by_design.as_ref(), n.privacy_by_design.as_ref());
        self.processing_locations();
        self.described(
            "statement.support_access",
            "support access",
            o.support_access.as_ref(),
            n.support_access.as_ref(),
        );
        self.described(
            "statement.client_chosen_services",
            "client-chosen services",
            o.client_chosen_services.as_ref(),
            n.client_chosen_services.as_ref(),
        );
        self.sub_processors();
        self.assistance(
            "statement.data_subject_requests",
            "data-subject requests",
            &o.data_subject_requests,
            &n.data_subject_requests,
        );
        self.assistance("statement.dpia", "DPIA", &o.dpia, &n.dpia);
        self.security();
        self.certifications();
        self.service_level(o.service_level.as_ref(), n.service_level.as_ref());
    }

    fn processor(&mut self) {
        let (o, n) = (&self.old.statement.processor, &self.new.statement.processor);
        let k = ChangeKind::ProcessorChanged;
        let editorial = || {
            v(
                Effect::Editorial,
                "identification or contact details only; who processes the data is the same legal entity",
            )
        };
        self.field(
            k,
            "statement.processor.name".into(),
            "",
            "processor's legal name",
            &o.name,
            &n.name,
            |t| Some(t.as_str().to_owned()),
            |_, _| {
                v(
                    Effect::ChangesProcessing,
                    "the legal name of the processor changed: check whether the same entity processes the client's data",
                )
            },
        );
        self.field(
            k,
            "statement.processor.chamber_of_commerce".into(),
            "",
            "processor's chamber of commerce number",
            &o.chamber_of_commerce,
            &n.chamber_of_commerce,
            |t| opt_text(t.as_ref()),
            |a, b| {
                if a.is_some() && b.is_some() {
                    v(
                        Effect::ChangesProcessing,
                        "another chamber of commerce number means another legal entity processes the client's data",
                    )
                } else {
                    editorial()
                }
            },
        );
        for (field, label, a, b) in [
            (
                "trade_name",
                "processor's trade name",
                &o.trade_name,
                &n.trade_name,
            ),
            ("website", "processor's website", &o.website, &n.website),
            (
                "vat_number",
                "processor's VAT number",
                &o.vat_number,
                &n.vat_number,
            ),
        ] {
            self.field(
                k,
                format!("statement.processor.{field}"),
                "",
                label,
                a,
                b,
                |t| opt_text(t.as_ref()),
                |_, _| editorial(),
            );
        }
        self.field(
            k,
            "statement.processor.address".into(),
            "",
            "processor's address",
            &o.address,
            &n.address,
            |a| {
                Some(format!(
                    "{}, {} {}, {}",
                    a.street, a.postal_code, a.city, a.country
                ))
            },
            |_, _| editorial(),
        );
        self.field(
            k,
            "statement.processor.privacy_contact".into(),
            "",
            "privacy contact",
            &o.privacy_contact,
            &n.privacy_contact,
            |c| {
                let parts: Vec<&str> = [&c.name, &c.role, &c.email, &c.phone]
                    .into_iter()
                    .flatten()
                    .map(Text::as_str)
                    .collect();
                Some(parts.join(", "))
            },
            |_, _| editorial(),
        );
    }

    fn products(&mut self) {
        let (o, n) = (&self.old.statement.products, &self.new.statement.products);
        let (pairs, gone) = pair_by(o, n, |p| p.name.clone());
        for (i, p) in pairs.iter().enumerate() {
            let np = &n[i];
            let path = format!("statement.products[{i}]");
            match p {
                None => self.push(Draft {
                    kind: ChangeKind::ProductAdded,
                    path,
                    old_path: None,
                    description: format!("product added: {}", quote(np.name.as_str())),
                    from: None,
                    to: Some(np.name.as_str().to_owned()),
                    citation: String::new(),
                    verdict: v(
                        Effect::Favourable,
                        "the statement now also covers this product; what it says about the others is unchanged",
                    ),
                }),
                Some(j) => {
                    let op = &o[*j];
                    self.value(
                        ChangeKind::ProductChanged,
                        format!("{path}.description"),
                        "",
                        &format!("description of product {}", quote(np.name.as_str())),
                        opt_text(op.description.as_ref()),
                        opt_text(np.description.as_ref()),
                        v(Effect::Editorial, FREE_TEXT_REASON),
                    );
                }
            }
        }
        for j in gone {
            let name = o[j].name.as_str().to_owned();
            self.push(Draft {
                kind: ChangeKind::ProductRemoved,
                path: "statement.products".into(),
                old_path: Some(format!("statement.products[{j}]")),
                description: format!("product removed: {}", quote(&name)),
                from: Some(name),
                to: None,
                citation: String::new(),
                verdict: v(
                    Effect::Undetermined,
                    "the statement no longer covers this product; a client that uses it loses what the statement said about it",
                ),
            });
        }
    }

    /// A `Described` statement (text + source), optional.
    fn described(&mut self, path: &str, label: &str, o: Option<&Described>, n: Option<&Described>) {
        let citation = n.or(o).map(|d| join_refs(&d.source)).unwrap_or_default();
        let (ot, nt) = (o.map(|d| &d.text), n.map(|d| &d.text));
        let text_path = if n.is_some() {
            format!("{path}.text")
        } else {
            path.to_owned()
        };
        self.text(ChangeKind::TextChanged, text_path, &citation, label, ot, nt);
        if let (Some(o), Some(n)) = (o, n) {
            self.refs(format!("{path}.source"), &o.source, &n.source);
        }
    }

    fn special_categories(&mut self) {
        let (o, n) = (
            &self.old.statement.special_categories,
            &self.new.statement.special_categories,
        );
        let citation = join_refs(&n.source);
        let k = ChangeKind::SpecialCategoriesChanged;
        for (field, label, a, b) in [
            (
                "art9",
                "declaration on special categories of data (GDPR art. 9)",
                o.art9,
                n.art9,
            ),
            (
                "art10",
                "declaration on criminal-conviction data (GDPR art. 10)",
                o.art10,
                n.art10,
            ),
            (
                "government_identifiers",
                "declaration on government identifiers (BSN)",
                o.government_identifiers,
                n.government_identifiers,
            ),
        ] {
            self.field(
                k,
                format!("statement.special_categories.{field}"),
                &citation,
                label,
                &a,
                &b,
                |d: &Declaration| Some(d.as_str().to_owned()),
                |_, _| {
                    v(
                        Effect::ChangesProcessing,
                        "whether the product is designed for this kind of data changes what the client may entrust to it and the protection that data needs",
                    )
                },
            );
        }
        self.text(
            k,
            "statement.special_categories.note".into(),
            &citation,
            "note on special categories",
            o.note.as_ref(),
            n.note.as_ref(),
        );
        self.refs(
            "statement.special_categories.source".into(),
            &o.source,
            &n.source,
        );
    }

    fn privacy_by_design(&mut self, o: Option<&Measures>, n: Option<&Measures>) {
        let empty: &[Text] = &[];
        let (om, nm) = (
            o.map_or(empty, |m| &m.measures[..]),
            n.map_or(empty, |m| &m.measures[..]),
        );
        let (oc, nc) = (
            o.map(|m| join_refs(&m.source)).unwrap_or_default(),
            n.map(|m| join_refs(&m.source)).unwrap_or_default(),
        );
        self.items(
            (
                ChangeKind::PrivacyMeasureAdded,
                ChangeKind::PrivacyMeasureRemoved,
            ),
            "statement.privacy_by_design.measures",
            (&oc, &nc),
            "privacy-by-design measure",
            om,
            nm,
            |t| t.as_str().to_owned(),
            v(
                Effect::Favourable,
                "a privacy-by-design measure was added (GDPR art. 25)",
            ),
            v(
                Effect::ReducesProtection,
                "a privacy-by-design measure the statement listed is no longer stated (GDPR art. 25)",
            ),
        );
        if let (Some(o), Some(n)) = (o, n) {
            self.refs(
                "statement.privacy_by_design.source".into(),
                &o.source,
                &n.source,
            );
        }
    }

    fn processing_locations(&mut self) {
        let (o, n) = (
            &self.old.statement.processing_locations,
            &self.new.statement.processing_locations,
        );
        let citation = join_refs(&n.source);
        let k = ChangeKind::ProcessingLocationsChanged;
        let (os, ns) = (sorted_set(&o.locations), sorted_set(&n.locations));
        if os != ns {
            let outside: Vec<Location> = ns
                .iter()
                .copied()
                .filter(|l| !l.is_in_eea() && !os.contains(l))
                .collect();
            let mut reason = "where the client's data is processed changed".to_owned();
            if !outside.is_empty() {
                reason.push_str(&format!(
                    "; it is now also processed outside the EEA ({})",
                    locations(&outside)
                ));
            }
            self.value(
                k,
                "statement.processing_locations.locations".into(),
                &citation,
                "processing locations",
                Some(locations(&o.locations)),
                Some(locations(&n.locations)),
                v(Effect::ChangesProcessing, reason),
            );
        }
        self.field(
            k,
            "statement.processing_locations.transfers_outside_eea".into(),
            &citation,
            "transfers outside the EEA",
            &o.transfers_outside_eea,
            &n.transfers_outside_eea,
            |b| Some(b.to_string()),
            |_, b| {
                if *b {
                    v(
                        Effect::ChangesProcessing,
                        "the statement now says some processing happens outside the EEA (GDPR chapter V)",
                    )
                } else {
                    v(
                        Effect::Favourable,
                        "the statement no longer says processing happens outside the EEA",
                    )
                }
            },
        );
        self.text(
            k,
            "statement.processing_locations.note".into(),
            &citation,
            "note on processing locations",
            o.note.as_ref(),
            n.note.as_ref(),
        );
        self.refs(
            "statement.processing_locations.source".into(),
            &o.source,
            &n.source,
        );
    }

    fn sub_processors(&mut self) {
        let (o, n) = (
            &self.old.statement.sub_processors,
            &self.new.statement.sub_processors,
        );
        let (pairs, gone) = pair_by(o, n, |s| s.name.clone());
        for (i, p) in pairs.iter().enumerate() {
            let path = format!("statement.sub_processors[{i}]");
            match p {
                None => {
                    let s = &n[i];
                    let outside: Vec<Location> = s.locations_outside_eea().collect();
                    let mut reason =
                        "a new sub-processor will process the client's data".to_owned();
                    if !outside.is_empty() {
                        reason.push_str(&format!(", outside the EEA ({})", locations(&outside)));
                    }
                    self.push(Draft {
                        kind: ChangeKind::SubProcessorAdded,
                        path,
                        old_path: None,
                        description: format!("sub-processor added: {}", summary(s)),
                        from: None,
                        to: Some(s.name.as_str().to_owned()),
                        citation: join_refs(&s.source),
                        verdict: v(Effect::ChangesProcessing, reason),
                    });
                }
                Some(j) => self.sub_processor(&path, *j, &o[*j], &n[i]),
            }
        }
        for j in gone {
            let s = &o[j];
            self.push(Draft {
                kind: ChangeKind::SubProcessorRemoved,
                path: "statement.sub_processors".into(),
                old_path: Some(format!("statement.sub_processors[{j}]")),
                description: format!("sub-processor removed: {}", summary(s)),
                from: Some(s.name.as_str().to_owned()),
                to: None,
                citation: join_refs(&s.source),
                verdict: v(
                    Effect::ChangesProcessing,
                    "a sub-processor is no longer listed: who processes the client's data changes (its work stops or moves to someone else)",
                ),
            });
        }
    }

    fn sub_processor(&mut self, path: &str, j: usize, o: &SubProcessor, n: &SubProcessor) {
        let name = quote(n.name.as_str());
        let citation = join_refs(&n.source);
        let old_path = format!("statement.sub_processors[{j}]");
        let at = |f: &str| (format!("{path}.{f}"), format!("{old_path}.{f}"));
        let push = |this: &mut Self,
                    kind: ChangeKind,
                    field: &str,
                    label: &str,
                    from: Option<String>,
                    to: Option<String>,
                    verdict: Verdict| {
            let (p, op) = at(field);
            this.push(Draft {
                kind,
                path: p,
                old_path: Some(op),
                description: format!(
                    "{label} of sub-processor {name} changed from {} to {}",
                    show_opt(&from),
                    show_opt(&to)
                ),
                from,
                to,
                citation: citation.clone(),
                verdict,
            });
        };
        let new_outside = |old: &[Location], new: &[Location]| -> String {
            let out: Vec<Location> = sorted_set(new)
                .into_iter()
                .filter(|l| !l.is_in_eea() && !old.contains(l))
                .collect();
            if out.is_empty() {
                String::new()
            } else {
                format!("; now outside the EEA ({})", locations(&out))
            }
        };
        if o.seat != n.seat {
            let extra = match n.seat {
                Some(c) if !c.is_eea() => format!("; now established outside the EEA ({c})"),
                _ => String::new(),
            };
            push(
                self,
                ChangeKind::SubProcessorMoved,
                "seat",
                "seat",
                o.seat.map(|c| c.as_str().to_owned()),
                n.seat.map(|c| c.as_str().to_owned()),
                v(
                    Effect::ChangesProcessing,
                    format!(
                        "the country the sub-processor is established in changed, and with it the law it answers to{extra}"
                    ),
                ),
            );
        }
        if sorted_set(&o.locations) != sorted_set(&n.locations) {
            push(
                self,
                ChangeKind::SubProcessorMoved,
                "locations",
                "processing locations",
                Some(locations(&o.locations)),
                Some(locations(&n.locations)),
                v(
                    Effect::ChangesProcessing,
                    format!(
                        "where the sub-processor processes the client's data changed{}",
                        new_outside(&o.locations, &n.locations)
                    ),
                ),
            );
        }
        if sorted_set(&o.transfer_bases) != sorted_set(&n.transfer_bases) {
            push(
                self,
                ChangeKind::SubProcessorBasisChanged,
                "transfer_bases",
                "transfer bases",
                Some(bases(&o.transfer_bases)),
                Some(bases(&n.transfer_bases)),
                v(
                    Effect::ChangesProcessing,
                    "the legal basis claimed for transfers to this sub-processor changed (GDPR chapter V)",
                ),
            );
        }
        if o.dpf_certified != n.dpf_certified {
            push(
                self,
                ChangeKind::SubProcessorBasisChanged,
                "dpf_certified",
                "EU-US Data Privacy Framework certification",
                Some(o.dpf_certified.to_string()),
                Some(n.dpf_certified.to_string()),
                v(
                    Effect::ChangesProcessing,
                    "whether the EU-US Data Privacy Framework can cover transfers to this sub-processor changed (GDPR art. 45)",
                ),
            );
        }
        if o.purpose != n.purpose {
            push(
                self,
                ChangeKind::SubProcessorChanged,
                "purpose",
                "purpose",
                Some(o.purpose.as_str().to_owned()),
                Some(n.purpose.as_str().to_owned()),
                v(
                    Effect::ChangesProcessing,
                    "what the sub-processor does with the client's data changed",
                ),
            );
        }
        if o.engagement != n.engagement {
            let verdict = match n.engagement {
                Engagement::Always => v(
                    Effect::ChangesProcessing,
                    "the sub-processor is now engaged for every client",
                ),
                _ => v(
                    Effect::Favourable,
                    "the sub-processor is now engaged only depending on the assignment",
                ),
            };
            push(
                self,
                ChangeKind::SubProcessorChanged,
                "engagement",
                "engagement",
                Some(o.engagement.as_str().to_owned()),
                Some(n.engagement.as_str().to_owned()),
                verdict,
            );
        }
        if o.group != n.group {
            push(
                self,
                ChangeKind::SubProcessorChanged,
                "group",
                "group",
                opt_text(o.group.as_ref()),
                opt_text(n.group.as_ref()),
                v(
                    Effect::Editorial,
                    "only the heading the statement lists the sub-processor under changed",
                ),
            );
        }
        if o.notes != n.notes {
            push(
                self,
                ChangeKind::SubProcessorChanged,
                "notes",
                "notes",
                opt_text(o.notes.as_ref()),
                opt_text(n.notes.as_ref()),
                v(
                    Effect::Editorial,
                    "a note on the sub-processor changed; notes are not judged, and its seat, locations, bases and purpose are compared on their own — read the note",
                ),
            );
        }
        self.refs(format!("{path}.source"), &o.source, &n.source);
    }

    fn assistance(&mut self, path: &str, label: &str, o: &Assistance, n: &Assistance) {
        let citation = join_refs(&n.source);
        self.flag(
            ChangeKind::AssistanceChanged,
            format!("{path}.assists"),
            &citation,
            &format!("assistance with {label}"),
            o.assists,
            n.assists,
            true,
            "the processor no longer states that it assists the client",
            "the processor now states that it assists the client",
        );
        self.flag(
            ChangeKind::AssistanceChanged,
            format!("{path}.costs_announced_in_advance"),
            &citation,
            &format!("costs of assistance with {label} announced in advance"),
            o.costs_announced_in_advance,
            n.costs_announced_in_advance,
            true,
            "costs are no longer announced before the work",
            "costs are now announced before the work",
        );
        self.text(
            ChangeKind::TextChanged,
            format!("{path}.description"),
            &citation,
            &format!("description of assistance with {label}"),
            Some(&o.description),
            Some(&n.description),
        );
        self.refs(format!("{path}.source"), &o.source, &n.source);
    }

    fn security(&mut self) {
        let (o, n) = (&self.old.statement.security, &self.new.statement.security);
        let warranty_clause = format!("clause {}", self.new.clauses.numbering.clause(4, Some(1)));
        let rank = |w: &SecurityWarranty| match w {
            SecurityWarranty::AdequateUnderAllCircumstances => 0,
            SecurityWarranty::NotWarranted => 1,
        };
        self.field(
            ChangeKind::SecurityWarrantyChanged,
            "statement.security.warranty".into(),
            &warranty_clause,
            "security warranty",
            &o.warranty,
            &n.warranty,
            |w| Some(w.as_str().to_owned()),
            |a, b| {
                by_rank(
                    rank(a),
                    rank(b),
                    &format!(
                        "the warranty was weakened: the processor no longer warrants that its security measures are adequate under all circumstances ({warranty_clause})"
                    ),
                    &format!(
                        "the warranty was strengthened in the client's favour: the processor now warrants that its security measures are adequate under all circumstances ({warranty_clause})"
                    ),
                    "the security warranty changed",
                )
            },
        );
        let citation = join_refs(&n.source);
        let old_citation = join_refs(&o.source);
        self.items(
            (
                ChangeKind::SecurityMeasureAdded,
                ChangeKind::SecurityMeasureRemoved,
            ),
            "statement.security.measures",
            (&old_citation, &citation),
            "security measure",
            &o.measures,
            &n.measures,
            |t| t.as_str().to_owned(),
            v(
                Effect::Favourable,
                "a security measure was added (GDPR art. 32)",
            ),
            v(
                Effect::ReducesProtection,
                "a security measure the statement listed is no longer stated (GDPR art. 32)",
            ),
        );
        self.field(
            ChangeKind::IsmsChanged,
            "statement.security.isms".into(),
            &citation,
            "information security management basis",
            &o.isms,
            &n.isms,
            |t| opt_text(t.as_ref()),
            |a, b| match (a, b) {
                (_, None) => v(
                    Effect::ReducesProtection,
                    "the statement no longer names an information security management basis",
                ),
                (None, Some(_)) => v(
                    Effect::Favourable,
                    "the statement now names an information security management basis",
                ),
                _ => v(
                    Effect::Undetermined,
                    "the information security management basis changed; whether the new one is equivalent cannot be told",
                ),
            },
        );
        self.refs("statement.security.source".into(), &o.source, &n.source);
    }

    fn certifications(&mut self) {
        let (o, n) = (
            &self.old.statement.certifications,
            &self.new.statement.certifications,
        );
        let key = |c: &Certification| (c.name.clone(), c.holder.clone());
        let label = |c: &Certification| match &c.holder {
            Some(h) => format!("{} (held by {h})", quote(c.name.as_str())),
            None => quote(c.name.as_str()),
        };
        let status = CertificationStatus::as_str;
        let (pairs, gone) = pair_by(o, n, key);
        for (i, p) in pairs.iter().enumerate() {
            let c = &n[i];
            let path = format!("statement.certifications[{i}]");
            let citation = join_refs(&c.source);
            let Some(j) = *p else {
                let verdict = match c.status {
                    CertificationStatus::Held => {
                        v(Effect::Favourable, "a certification was gained")
                    }
                    _ => v(
                        Effect::Favourable,
                        "an application for a certification is now stated",
                    ),
                };
                self.push(Draft {
                    kind: ChangeKind::CertificationAdded,
                    path,
                    old_path: None,
                    description: format!(
                        "certification added: {} ({})",
                        label(c),
                        status(c.status)
                    ),
                    from: None,
                    to: Some(status(c.status).to_owned()),
                    citation,
                    verdict,
                });
                continue;
            };
            let oc = &o[j];
            if oc.status != c.status {
                let verdict = match c.status {
                    CertificationStatus::Held => v(
                        Effect::Favourable,
                        "the certification is now held (it was applied for)",
                    ),
                    _ => v(
                        Effect::ReducesProtection,
                        "the certification is no longer held, only applied for",
                    ),
                };
                self.push(Draft {
                    kind: ChangeKind::CertificationStatusChanged,
                    path: format!("{path}.status"),
                    old_path: Some(format!("statement.certifications[{j}].status")),
                    description: format!(
                        "status of certification {} changed from \"{}\" to \"{}\"",
                        label(c),
                        status(oc.status),
                        status(c.status)
                    ),
                    from: Some(status(oc.status).to_owned()),
                    to: Some(status(c.status).to_owned()),
                    citation: citation.clone(),
                    verdict,
                });
            }
            if oc.body != c.body {
                let (from, to) = (opt_text(oc.body.as_ref()), opt_text(c.body.as_ref()));
                self.push(Draft {
                    kind: ChangeKind::CertificationChanged,
                    path: format!("{path}.body"),
                    old_path: Some(format!("statement.certifications[{j}].body")),
                    description: format!(
                        "certifying body of {} changed from {} to {}",
                        label(c),
                        show_opt(&from),
                        show_opt(&to)
                    ),
                    from,
                    to,
                    citation: citation.clone(),
                    verdict: v(
                        Effect::Undetermined,
                        "who certifies or supervises changed; whether the new body is equivalent cannot be told",
                    ),
                });
            }
            self.refs(format!("{path}.source"), &oc.source, &c.source);
        }
        for j in gone {
            let c = &o[j];
            let verdict = match c.status {
                CertificationStatus::Held => {
                    v(Effect::ReducesProtection, "a certification was lost")
                }
                _ => v(
                    Effect::Undetermined,
                    "a pending application for a certification is no longer stated (it may have been refused or withdrawn)",
                ),
            };
            self.push(Draft {
                kind: ChangeKind::CertificationRemoved,
                path: "statement.certifications".into(),
                old_path: Some(format!("statement.certifications[{j}]")),
                description: format!("certification removed: {} ({})", label(c), status(c.status)),
                from: Some(status(c.status).to_owned()),
                to: None,
                citation: join_refs(&c.source),
                verdict,
            });
        }
    }

    fn service_level(&mut self, o: Option<&ServiceLevel>, n: Option<&ServiceLevel>) {
        let k = ChangeKind::ServiceLevelChanged;
        let path = "statement.service_level";
        let (o, n) = match (o, n) {
            (None, None) => return,
            (Some(o), None) => {
                self.push(Draft {
                    kind: k,
                    path: path.into(),
                    old_path: None,
                    description: "service level removed".into(),
                    from: Some("stated".into()),
                    to: None,
                    citation: join_refs(&o.source),
                    verdict: v(
                        Effect::ReducesProtection,
                        "the statement no longer sets a service level",
                    ),
                });
                return;
            }
            (None, Some(n)) => {
                self.push(Draft {
                    kind: k,
                    path: path.into(),
                    old_path: None,
                    description: "service level added".into(),
                    from: None,
                    to: Some("stated".into()),
                    citation: join_refs(&n.source),
                    verdict: v(Effect::Favourable, "the statement now sets a service level"),
                });
                return;
            }
            (Some(o), Some(n)) => (o, n),
        };
        let citation = join_refs(&n.source);
        self.flag(
            k,
            format!("{path}.standard_sla"),
            &citation,
            "standard SLA",
            o.standard_sla,
            n.standard_sla,
            true,
            "a standard SLA is no longer offered",
            "a standard SLA is now offered",
        );
        self.field(
            k,
            format!("{path}.office_hours"),
            &citation,
            "office hours",
            &o.office_hours,
            &n.office_hours,
            |h| Some(show_hours(h)),
            |a, b| {
                let days_rank = |d: OfficeDays| match d {
                    OfficeDays::MondayToFriday => 0,
                    OfficeDays::MondayToFridayExceptNlHolidays => 1,
                };
                let covers = b.start() <= a.start()
                    && b.end() >= a.end()
                    && days_rank(b.days()) <= days_rank(a.days());
                if covers {
                    v(
                        Effect::Favourable,
                        "the new office hours include the old ones",
                    )
                } else {
                    v(
                        Effect::ReducesProtection,
                        "the office hours are shorter or kept on fewer days",
                    )
                }
            },
        );
        let response = |r: &Response| match r {
            Response::Immediately => 0,
            Response::NextOfficeHours => 1,
        };
        let show = |r: &Response| Some(r.as_str().to_owned());
        for (field, label, a, b) in [
            (
                "low_impact_response",
                "response to a low-impact incident",
                &o.low_impact_response,
                &n.low_impact_response,
            ),
            (
                "high_impact_response",
                "response to a high-impact incident",
                &o.high_impact_response,
                &n.high_impact_response,
            ),
        ] {
            self.field(
                k,
                format!("{path}.{field}"),
                &citation,
                label,
                a,
                b,
                show,
                |a, b| {
                    by_rank(
                        response(a),
                        response(b),
                        "the processor responds later",
                        "the processor responds sooner",
                        "the response changed",
                    )
                },
            );
        }
        self.refs(format!("{path}.source"), &o.source, &n.source);
    }

    // -----------------------------------------------------------------------
    // The clauses

    fn clauses(&mut self) {
        let (o, n) = (&self.old.clauses, &self.new.clauses);
        self.field(
            ChangeKind::ClauseEditionChanged,
            "clauses.edition".into(),
            "",
            "edition of the standard clauses",
            &o.edition,
            &n.edition,
            |e| Some(e.as_str().to_owned()),
            |_, _| {
                v(
                    Effect::Undetermined,
                    "another edition of the standard clauses applies; its text differs throughout — compare the editions",
                )
            },
        );
        self.field(
            ChangeKind::ClauseNumberingChanged,
            "clauses.numbering".into(),
            "",
            "numbering of the standard clauses",
            &o.numbering,
            &n.numbering,
            |x| Some(x.as_str().to_owned()),
            |_, _| {
                v(
                    Effect::Editorial,
                    "only how the clauses are numbered changed",
                )
            },
        );
        let (on, nn) = (o.numbering, n.numbering);
        let (od, nd) = (&o.deviations, &n.deviations);
        // Pair by clause, read across the two numberings.
        let old_keys: Vec<String> = od.iter().map(|d| clause_key(on, &d.clause)).collect();
        let new_keys: Vec<String> = nd.iter().map(|d| clause_key(nn, &d.clause)).collect();
        let (pairs, gone) = pair_by(&old_keys, &new_keys, String::clone);
        for (i, p) in pairs.iter().enumerate() {
            let d = &nd[i];
            let path = format!("clauses.deviations[{i}]");
            match p {
                None => self.push(Draft {
                    kind: ChangeKind::DeviationAdded,
                    path,
                    old_path: None,
                    description: format!(
                        "deviation from the standard clauses added at {} ({}): {}",
                        d.clause,
                        d.kind.as_str(),
                        quote(d.summary.as_str())
                    ),
                    from: None,
                    to: Some(d.summary.as_str().to_owned()),
                    citation: d.clause.as_str().to_owned(),
                    verdict: v(
                        Effect::Undetermined,
                        "the processor now deviates from the standard clauses here; the standard text's protection may no longer apply, and a deviation's text is not judged",
                    ),
                }),
                Some(j) => self.deviation(&path, *j, &od[*j], d),
            }
        }
        for j in gone {
            let d = &od[j];
            self.push(Draft {
                kind: ChangeKind::DeviationRemoved,
                path: "clauses.deviations".into(),
                old_path: Some(format!("clauses.deviations[{j}]")),
                description: format!(
                    "deviation from the standard clauses at {} removed: {}",
                    d.clause,
                    quote(d.summary.as_str())
                ),
                from: Some(d.summary.as_str().to_owned()),
                to: None,
                citation: d.clause.as_str().to_owned(),
                verdict: v(
                    Effect::Undetermined,
                    "the standard clause applies again where the processor deviated; whether that helps the client depends on the deviation (one in the client's favour is lost), and a deviation's text is not judged",
                ),
            });
        }
    }

    fn deviation(&mut self, path: &str, j: usize, o: &Deviation, n: &Deviation) {
        if o.kind == n.kind && o.summary == n.summary {
            return;
        }
        let mut what = Vec::new();
        if o.kind != n.kind {
            what.push(format!(
                "kind from \"{}\" to \"{}\"",
                o.kind.as_str(),
                n.kind.as_str()
            ));
        }
        if o.summary != n.summary {
            what.push(format!(
                "text from {} to {}",
                quote(o.summary.as_str()),
                quote(n.summary.as_str())
            ));
        }
        let (from, to) = if o.summary != n.summary {
            (o.summary.as_str().to_owned(), n.summary.as_str().to_owned())
        } else {
            (o.kind.as_str().to_owned(), n.kind.as_str().to_owned())
        };
        self.push(Draft {
            kind: ChangeKind::DeviationChanged,
            path: path.to_owned(),
            old_path: Some(format!("clauses.deviations[{j}]")),
            description: format!(
                "deviation from the standard clauses at {} changed: {}",
                n.clause,
                what.join("; ")
            ),
            from: Some(from),
            to: Some(to),
            citation: n.clause.as_str().to_owned(),
            verdict: v(
                Effect::Undetermined,
                "a deviation from the standard clauses changed; a deviation's text is not judged, so the change is treated as significant",
            ),
        });
    }

    /// Adds to each deviation change's reason the typed changes of the same
    /// clause listed elsewhere in the diff.
    fn cross_reference_deviations(&mut self) {
        let related: Vec<Vec<String>> = self
            .out
            .iter()
            .map(|c| {
                if !matches!(
                    c.kind,
                    ChangeKind::DeviationAdded
                        | ChangeKind::DeviationRemoved
                        | ChangeKind::DeviationChanged
                ) {
                    return Vec::new();
                }
                let clause = c.citation.as_str();
                let mut rel: Vec<String> = Vec::new();
                for x in &self.out {
                    if x.kind == c.kind
                        || x.kind == ChangeKind::ReferencesChanged
                        || !x.citation.split(", ").any(|r| r == clause)
                    {
                        continue;
                    }
                    // One entry per field: `terms.breach.information[3]` and
                    // `[4]` are both `terms.breach.information`.
                    let field = match x.path.strip_suffix(']').and_then(|p| p.rfind('[')) {
                        Some(i) => &x.path[..i],
                        None => x.path.as_str(),
                    };
                    let entry = format!("{} ({field})", x.kind);
                    if !rel.contains(&entry) {
                        rel.push(entry);
                    }
                }
                rel
            })
            .collect();
        for (c, rel) in self.out.iter_mut().zip(related) {
            if !rel.is_empty() {
                c.reason.push_str(&format!(
                    "; changes of the same clause listed elsewhere in this diff: {}",
                    rel.join(", ")
                ));
            }
        }
    }

    // -----------------------------------------------------------------------
    // The terms

    fn terms(&mut self) {
        self.duration();
        self.deletion();
        self.return_of_data();
        self.legal_retention();
        self.breach();
        self.costs();
        self.audit();
        self.statement_changes();
        self.sub_processor_policy();
        self.fines();
    }

    fn duration(&mut self) {
        let (o, n) = (&self.old.terms.duration, &self.new.terms.duration);
        let c = join_refs(&n.source);
        let k = ChangeKind::DurationTermChanged;
        let reason = "how long the agreement runs changed; the effect on the client depends on the main agreement";
        self.field(
            k,
            "terms.duration.indefinite".into(),
            &c,
            "indefinite term",
            &o.indefinite,
            &n.indefinite,
            |b| Some(b.to_string()),
            |_, _| v(Effect::Undetermined, reason),
        );
        self.field(
            k,
            "terms.duration.ends_with_main_agreement".into(),
            &c,
            "ends with the main agreement",
            &o.ends_with_main_agreement,
            &n.ends_with_main_agreement,
            |b| Some(b.to_string()),
            |_, _| v(Effect::Undetermined, reason),
        );
        self.refs("terms.duration.source".into(), &o.source, &n.source);
    }

    fn deletion(&mut self) {
        let (o, n) = (&self.old.terms.deletion, &self.new.terms.deletion);
        let c = join_refs(&n.source);
        let k = ChangeKind::DeletionTermChanged;
        self.field(
            k,
            "terms.deletion.months".into(),
            &c,
            "deletion term",
            &o.months,
            &n.months,
            |m| Some(m.to_string()),
            |a, b| {
                by_rank(
                    u32::from(a.get()),
                    u32::from(b.get()),
                    "the term is longer: the processor keeps the client's data longer after termination",
                    "the term is shorter: the data is deleted sooner",
                    "",
                )
            },
        );
        let firm = |f: &Firmness| match f {
            Firmness::AtTheLatest => 0,
            Firmness::InPrinciple => 1,
        };
        self.field(
            k,
            "terms.deletion.firmness".into(),
            &c,
            "firmness of the deletion term",
            &o.firmness,
            &n.firmness,
            |f| Some(f.as_str().to_owned()),
            |a, b| {
                by_rank(
                    firm(a),
                    firm(b),
                    "the term is looser: \"in principe\" allows exceptions that are not spelled out",
                    "the term is firmer: \"uiterlijk\", at the latest",
                    "",
                )
            },
        );
        let backups = |b: &BackupDeletion| match b {
            BackupDeletion::WithinTerm => 0,
            BackupDeletion::PerBackupCycle => 1,
            BackupDeletion::NotStated => 2,
        };
        let show_b = |b: &BackupDeletion| Some(b.as_str().to_owned());
        self.field(
            k,
            "terms.deletion.backups".into(),
            &c,
            "deletion from backups",
            &o.backups,
            &n.backups,
            show_b,
            |a, b| {
                by_rank(
                    backups(a),
                    backups(b),
                    "backups are deleted later or the agreement no longer says when",
                    "backups are deleted sooner or the agreement now says when",
                    "",
                )
            },
        );
        self.field(
            k,
            "terms.deletion.backup_cycle_days".into(),
            &c,
            "backup cycle",
            &o.backup_cycle_days,
            &n.backup_cycle_days,
            |d| d.map(|d| d.to_string()),
            |a, b| match (a, b) {
                (Some(a), Some(b)) if b > a => v(
                    Effect::ReducesProtection,
                    "a longer backup cycle keeps the data in backups longer",
                ),
                (Some(_), Some(_)) => v(
                    Effect::Favourable,
                    "a shorter backup cycle removes the data from backups sooner",
                ),
                (Some(_), None) => v(
                    Effect::ReducesProtection,
                    "the agreement no longer states how long backups keep the data",
                ),
                _ => v(
                    Effect::Favourable,
                    "the agreement now states how long backups keep the data",
                ),
            },
        );
        self.refs("terms.deletion.source".into(), &o.source, &n.source);
    }

    fn return_of_data(&mut self) {
        let (o, n) = (
            &self.old.terms.return_of_data,
            &self.new.terms.return_of_data,
        );
        let c = join_refs(&n.source);
        let k = ChangeKind::ReturnOfDataTermChanged;
        let rank = |m: &ReturnMethod| match m {
            ReturnMethod::SelfServiceExport | ReturnMethod::OnRequest => 0,
            ReturnMethod::IfAgreed => 1,
            ReturnMethod::None => 2,
        };
        let show = |m: &ReturnMethod| Some(m.as_str().to_owned());
        self.field(
            k,
            "terms.return_of_data.method".into(),
            &c,
            "method of return",
            &o.method,
            &n.method,
            show,
            |a, b| {
                by_rank(
                    rank(a),
                    rank(b),
                    "the client is less sure to get its data back",
                    "the client is surer to get its data back",
                    "how the client gets its data back changed; neither way is plainly better",
                )
            },
        );
        for (field, label, a, b, worse, better) in [
            (
                "machine_readable",
                "machine-readable return",
                o.machine_readable,
                n.machine_readable,
                "the data is no longer returned in a machine-readable format",
                "the data is now returned in a machine-readable format",
            ),
            (
                "before_deletion",
                "return before deletion",
                o.before_deletion,
                n.before_deletion,
                "the agreement no longer says the data is returned before it is deleted",
                "the data is now returned before it is deleted",
            ),
            (
                "costs_announced_in_advance",
                "costs of return announced in advance",
                o.costs_announced_in_advance,
                n.costs_announced_in_advance,
                "costs of return are no longer announced before the work",
                "costs of return are now announced before the work",
            ),
        ] {
            self.flag(
                k,
                format!("terms.return_of_data.{field}"),
                &c,
                label,
                a,
                b,
                true,
                worse,
                better,
            );
        }
        self.text(
            ChangeKind::TextChanged,
            "terms.return_of_data.description".into(),
            &c,
            "description of the return of data",
            Some(&o.description),
            Some(&n.description),
        );
        self.refs("terms.return_of_data.source".into(), &o.source, &n.source);
    }

    fn legal_retention(&mut self) {
        let (o, n) = (
            &self.old.terms.legal_retention,
            &self.new.terms.legal_retention,
        );
        let c = join_refs(&n.source);
        self.field(
            ChangeKind::LegalRetentionTermChanged,
            "terms.legal_retention.suspends_deletion".into(),
            &c,
            "statutory retention suspends deletion",
            &o.suspends_deletion,
            &n.suspends_deletion,
            |b| Some(b.to_string()),
            |_, _| {
                v(
                    Effect::Undetermined,
                    "whether a statutory retention duty keeps data from deletion changed; data may be kept longer, or deleted despite a duty",
                )
            },
        );
        self.refs("terms.legal_retention.source".into(), &o.source, &n.source);
    }

    fn breach(&mut self) {
        let (o, n) = (&self.old.terms.breach, &self.new.terms.breach);
        let c = join_refs(&n.source);
        let oc = join_refs(&o.source);
        let k = ChangeKind::BreachTermChanged;
        let hours = |t: &NoticeTerm| match t {
            NoticeTerm::WithinHours { hours } => u32::from(hours.get()),
            NoticeTerm::WithoutUndueDelay => u32::MAX,
        };
        self.field(
            k,
            "terms.breach.notice".into(),
            &c,
            "breach notice term",
            &o.notice,
            &n.notice,
            |t| Some(notice_str(*t)),
            |a, b| {
                by_rank(
                    hours(a),
                    hours(b),
                    "the client is told of a breach later, or without a fixed term",
                    "the client is told of a breach sooner, or within a fixed term",
                    "",
                )
            },
        );
        self.items(
            (k, k),
            "terms.breach.channels",
            (&oc, &c),
            "breach notice channel",
            &o.channels,
            &n.channels,
            |ch| ch.as_str().to_owned(),
            v(
                Effect::Favourable,
                "the client is told of a breach through one more channel",
            ),
            v(
                Effect::ReducesProtection,
                "the client is no longer told of a breach through this channel",
            ),
        );
        self.items(
            (k, k),
            "terms.breach.information",
            (&oc, &c),
            "breach notice information",
            &o.information,
            &n.information,
            |t| t.as_str().to_owned(),
            v(
                Effect::Favourable,
                "the breach notice now carries more information",
            ),
            v(
                Effect::ReducesProtection,
                "the breach notice no longer carries this information",
            ),
        );
        self.field(
            k,
            "terms.breach.processor_notifies_authority".into(),
            &c,
            "processor notifies the authority itself",
            &o.processor_notifies_authority,
            &n.processor_notifies_authority,
            |b| Some(b.to_string()),
            |_, _| {
                v(
                    Effect::Undetermined,
                    "who notifies the supervisory authority or data subjects changed (GDPR art. 33-34 leave it to the controller)",
                )
            },
        );
        self.flag(
            k,
            "terms.breach.assists_controller".into(),
            &c,
            "processor assists the controller's notice",
            o.assists_controller,
            n.assists_controller,
            true,
            "the processor no longer states that it helps the client notify a breach",
            "the processor now states that it helps the client notify a breach",
        );
        self.text(
            ChangeKind::TextChanged,
            "terms.breach.note".into(),
            &c,
            "note on the breach protocol",
            o.note.as_ref(),
            n.note.as_ref(),
        );
        self.refs("terms.breach.source".into(), &o.source, &n.source);
    }

    fn costs(&mut self) {
        let (o, n) = (&self.old.terms.costs, &self.new.terms.costs);
        let c = join_refs(&n.source);
        let k = ChangeKind::CostsTermChanged;
        let rank = |b: &CostBasis| match b {
            CostBasis::StatedHourlyRate => 0,
            CostBasis::CurrentRates | CostBasis::ReasonableCosts => 1,
        };
        let show = |b: &CostBasis| Some(b.as_str().to_owned());
        self.field(
            k,
            "terms.costs.basis".into(),
            &c,
            "cost basis",
            &o.basis,
            &n.basis,
            show,
            |a, b| {
                by_rank(
                    rank(a),
                    rank(b),
                    "the rate is no longer fixed in the agreement",
                    "the agreement now fixes the rate",
                    "how assistance is charged changed; neither basis is plainly better",
                )
            },
        );
        self.field(
            k,
            "terms.costs.hourly_rate_eur_cents".into(),
            &c,
            "hourly rate",
            &o.hourly_rate_eur_cents,
            &n.hourly_rate_eur_cents,
            |r| r.map(|r| r.to_string()),
            |a, b| match (a, b) {
                (Some(a), Some(b)) if b > a => {
                    v(Effect::ReducesProtection, "assistance costs more per hour")
                }
                (Some(_), Some(_)) => v(Effect::Favourable, "assistance costs less per hour"),
                (Some(_), None) => v(
                    Effect::ReducesProtection,
                    "the agreement no longer states the hourly rate",
                ),
                _ => v(
                    Effect::Favourable,
                    "the agreement now states the hourly rate",
                ),
            },
        );
        self.flag(
            k,
            "terms.costs.estimate_first".into(),
            &c,
            "estimate of costs first",
            o.estimate_first,
            n.estimate_first,
            true,
            "the client no longer gets an estimate of the costs first",
            "the client now gets an estimate of the costs first",
        );
        self.flag(
            k,
            "terms.costs.approval_above_estimate".into(),
            &c,
            "approval before exceeding the estimate",
            o.approval_above_estimate,
            n.approval_above_estimate,
            true,
            "the client's approval is no longer asked before the estimate is exceeded",
            "the client's approval is now asked before the estimate is exceeded",
        );
        self.refs("terms.costs.source".into(), &o.source, &n.source);
    }

    fn audit(&mut self) {
        let (o, n) = (&self.old.terms.audit, &self.new.terms.audit);
        let c = join_refs(&n.source);
        let oc = join_refs(&o.source);
        let k = ChangeKind::AuditTermChanged;
        self.field(
            k,
            "terms.audit.max_count".into(),
            &c,
            "most audits per period",
            &o.max_count,
            &n.max_count,
            |x| Some(x.get().to_string()),
            |a, b| {
                by_rank(
                    u32::from(b.get()),
                    u32::from(a.get()),
                    "the client may audit less often",
                    "the client may audit more often",
                    "",
                )
            },
        );
        let period = |p: &AuditPeriod| match p {
            AuditPeriod::CalendarYear => 0,
            AuditPeriod::Rolling12Months => 1,
        };
        self.field(
            k,
            "terms.audit.period".into(),
            &c,
            "audit period",
            &o.period,
            &n.period,
            |p| Some(p.as_str().to_owned()),
            |a, b| {
                by_rank(
                    period(a),
                    period(b),
                    "audits must now be twelve months apart",
                    "audits are now counted per calendar year, which allows them closer together",
                    "",
                )
            },
        );
        self.field(
            k,
            "terms.audit.notice_days".into(),
            &c,
            "audit notice",
            &o.notice_days,
            &n.notice_days,
            |d| d.map(|d| d.to_string()),
            |a, b| match (a, b) {
                (Some(a), Some(b)) if b > a => v(
                    Effect::ReducesProtection,
                    "the client must announce an audit longer in advance",
                ),
                (Some(_), Some(_)) => v(
                    Effect::Favourable,
                    "the client may announce an audit at shorter notice",
                ),
                (None, Some(_)) => v(
                    Effect::ReducesProtection,
                    "the client must now announce an audit in advance",
                ),
                _ => v(
                    Effect::Favourable,
                    "the client no longer has to announce an audit a set time in advance",
                ),
            },
        );
        self.field(
            k,
            "terms.audit.cost_bearer".into(),
            &c,
            "who pays for an audit",
            &o.cost_bearer,
            &n.cost_bearer,
            |p| Some(p.as_str().to_owned()),
            |_, b| match b {
                Party::Client => v(Effect::ReducesProtection, "the client now pays for audits"),
                Party::Processor => v(Effect::Favourable, "the processor now pays for audits"),
            },
        );
        self.items(
            (k, k),
            "terms.audit.auditor_requirements",
            (&oc, &c),
            "auditor requirement",
            &o.auditor_requirements,
            &n.auditor_requirements,
            |t| t.as_str().to_owned(),
            v(
                Effect::ReducesProtection,
                "a new requirement on the client's auditor limits the audit right",
            ),
            v(
                Effect::Favourable,
                "a requirement on the client's auditor was removed",
            ),
        );
        self.items(
            (k, k),
            "terms.audit.preconditions",
            (&oc, &c),
            "audit precondition",
            &o.preconditions,
            &n.preconditions,
            |t| t.as_str().to_owned(),
            v(
                Effect::ReducesProtection,
                "a new condition the client must meet before it may audit limits the audit right",
            ),
            v(
                Effect::Favourable,
                "a precondition on the client's audit right was removed: in the client's favour",
            ),
        );
        self.flag(
            k,
            "terms.audit.processor_may_refuse_auditor".into(),
            &c,
            "processor may refuse an auditor",
            o.processor_may_refuse_auditor,
            n.processor_may_refuse_auditor,
            false,
            "the processor may now refuse an auditor who does not meet its requirements",
            "the processor may no longer refuse the client's auditor",
        );
        self.flag(
            k,
            "terms.audit.processor_may_refuse_unlawful_audit".into(),
            &c,
            "processor may refuse an unlawful audit",
            o.processor_may_refuse_unlawful_audit,
            n.processor_may_refuse_unlawful_audit,
            false,
            "the processor may now refuse an audit it considers unlawful or a breach of its security",
            "the processor may no longer refuse an audit on those grounds",
        );
        self.flag(
            k,
            "terms.audit.certificate_may_demonstrate".into(),
            &c,
            "a certificate may demonstrate compliance",
            o.certificate_may_demonstrate,
            n.certificate_may_demonstrate,
            false,
            "the processor may now answer with a certificate or third-party statement instead of an audit",
            "a certificate no longer stands in for an audit",
        );
        self.refs("terms.audit.source".into(), &o.source, &n.source);
    }

    fn statement_changes(&mut self) {
        let (o, n) = (
            &self.old.terms.statement_changes,
            &self.new.terms.statement_changes,
        );
        let c = join_refs(&n.source);
        let k = ChangeKind::StatementChangesTermChanged;
        self.flag(
            k,
            "terms.statement_changes.significant_changes_notified".into(),
            &c,
            "significant changes notified",
            o.significant_changes_notified,
            n.significant_changes_notified,
            true,
            "significant changes of the statement are no longer notified",
            "significant changes of the statement are now notified",
        );
        self.field(
            k,
            "terms.statement_changes.termination_window_days".into(),
            &c,
            "termination window",
            &o.termination_window_days,
            &n.termination_window_days,
            |d| Some(d.to_string()),
            |a, b| {
                by_rank(
                    u32::from(b.get()),
                    u32::from(a.get()),
                    "the client has less time to terminate after a change",
                    "the client has more time to terminate after a change",
                    "",
                )
            },
        );
        self.refs(
            "terms.statement_changes.source".into(),
            &o.source,
            &n.source,
        );
    }

    fn sub_processor_policy(&mut self) {
        let (o, n) = (
            &self.old.terms.sub_processors,
            &self.new.terms.sub_processors,
        );
        let c = join_refs(&n.source);
        let k = ChangeKind::SubProcessorPolicyTermChanged;
        self.field(
            k,
            "terms.sub_processors.authorisation".into(),
            &c,
            "authorisation of sub-processors",
            &o.authorisation,
            &n.authorisation,
            |a| Some(a.as_str().to_owned()),
            |_, b| match b {
                Authorisation::General => v(
                    Effect::ReducesProtection,
                    "sub-processors no longer need the client's specific authorisation (GDPR art. 28(2))",
                ),
                Authorisation::Specific => v(
                    Effect::Favourable,
                    "each sub-processor now needs the client's specific authorisation (GDPR art. 28(2))",
                ),
            },
        );
        for (field, label, a, b, worse, better) in [
            (
                "changes_notified",
                "changes of sub-processors notified",
                o.changes_notified,
                n.changes_notified,
                "changes of sub-processors are no longer notified",
                "changes of sub-processors are now notified",
            ),
            (
                "client_may_object",
                "client may object",
                o.client_may_object,
                n.client_may_object,
                "the client may no longer object to a change of sub-processors",
                "the client may now object to a change of sub-processors",
            ),
            (
                "same_security_level",
                "same security level for sub-processors",
                o.same_security_level,
                n.same_security_level,
                "sub-processors no longer commit to the same security level",
                "sub-processors now commit to the same security level",
            ),
            (
                "processor_remains_liable",
                "processor remains liable for sub-processors",
                o.processor_remains_liable,
                n.processor_remains_liable,
                "the agreement no longer states that the processor stays liable for its sub-processors (GDPR art. 28(4) still does)",
                "the agreement now states that the processor stays liable for its sub-processors",
            ),
        ] {
            self.flag(
                k,
                format!("terms.sub_processors.{field}"),
                &c,
                label,
                a,
                b,
                true,
                worse,
                better,
            );
        }
        self.refs("terms.sub_processors.source".into(), &o.source, &n.source);
    }

    fn fines(&mut self) {
        let (o, n) = (&self.old.terms.fines, &self.new.terms.fines);
        let c = join_refs(&n.source);
        self.field(
            ChangeKind::FinesTermChanged,
            "terms.fines.recoverable".into(),
            &c,
            "recovery of fines",
            &o.recoverable,
            &n.recoverable,
            |r| Some(r.as_str().to_owned()),
            |_, b| match b {
                FineRecovery::Never => v(
                    Effect::ReducesProtection,
                    "the client can no longer recover fines from the processor",
                ),
                FineRecovery::IntentOrDeliberateRecklessness => v(
                    Effect::Favourable,
                    "the client can now recover fines from the processor on intent or deliberate recklessness",
                ),
            },
        );
        self.refs("terms.fines.source".into(), &o.source, &n.source);
    }
}

fn summary(s: &SubProcessor) -> String {
    let mut parts = vec![format!("locations {}", locations(&s.locations))];
    if let Some(c) = s.seat {
        parts.insert(0, format!("seat {c}"));
    }
    if !s.transfer_bases.is_empty() {
        parts.push(format!("transfer bases {}", bases(&s.transfer_bases)));
    }
    format!("{} ({})", quote(s.name.as_str()), parts.join("; "))
}

fn show_hours(h: &OfficeHours) -> String {
    format!(
        "{:02}:{:02}-{:02}:{:02} {}",
        h.start().hour(),
        h.start().minute(),
        h.end().hour(),
        h.end().minute(),
        h.days().as_str()
    )
}
