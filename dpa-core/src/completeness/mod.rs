//! Completeness against GDPR art. 28, read from the agreement's own words:
//! for each item the article requires of a processing agreement (art.
//! 28(2), the first sentence of 28(3), 28(3)(a)–(h), its final subparagraph
//! and 28(4)), whether the agreement covers it, partly covers it (and what is
//! missing) or does not cover it; clauses that limit the processor's
//! liability for its sub-processors; and whether the statement contradicts
//! its own declaration on special categories.
//!
//! An item is a list of [`Requirement`]s ([`Art28Item::requirements`]). A
//! requirement is met by
//! - a clause of the edition that satisfies it and that the agreement did
//!   not remove by a deviation — which clause of each edition satisfies what
//!   is the reviewable table `dpa-core/data/art28-coverage.tsv`, one row per
//!   clause per edition citing where the clause text is
//!   ([`edition_coverage`], [`ClauseCoverage::source`]) — or
//! - what the statement itself states (its intended use for the
//!   subject-matter and the nature and purpose, its security measures),
//!
//! unless the agreement's typed terms say otherwise: a term that records
//! that the processor does *not* do it (`terms.sub_processors.client_may_object
//! = false`, `statement.dpia.assists = false`, no security measures) leaves
//! the requirement unmet whatever the edition says, since the terms record
//! the clauses as the processor modified them. The reading of each
//! requirement is in docs/rules.md ("GDPR art. 28 coverage").
//!
//! ```
//! use dpa_core::Agreement;
//! use dpa_core::completeness::{Art28Item, Coverage, Requirement, coverage};
//!
//! let text = std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../examples/agreements/alles-online.toml"
//! ))?;
//! let a = Agreement::from_toml(&text)?;
//! let cov = coverage(&a);
//! let get = |item| cov.iter().find(|c| c.item == item).unwrap();
//! assert_eq!(get(Art28Item::Confidentiality).clauses, ["clause 5.1"]);
//! assert_eq!(get(Art28Item::Confidentiality).verdict, Coverage::Covered);
//! // Neither the statement nor the clauses state the types of personal data.
//! assert_eq!(get(Art28Item::DataTypes).verdict, Coverage::NotCovered);
//! // Clause 8.3 binds sub-processors to the same security level only.
//! let flow_down = get(Art28Item::SubProcessorFlowDown);
//! assert_eq!(flow_down.verdict, Coverage::Partly);
//! assert_eq!(flow_down.missing, [Requirement::FlowDownObligations]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::Serialize;

use crate::finding::{Finding, FindingCode};
use crate::macros::spelled_enum;
use crate::model::{
    Agreement, Authorisation, ClientInformed, DeviationKind, DocumentPart, Edition,
};
pub use crate::sources::art28::{Art28Item, ClauseCoverage, ClauseRole, Requirement};
use crate::sources::{art28, numbering};
use crate::values::ClauseRef;

mod special;

/// The clauses of `edition` the coverage table lists, numbered as the
/// edition numbers them, in clause order: the edition's rows of the table
/// `dpa-core/data/art28-coverage.tsv`, each with its
/// [`source`](ClauseCoverage::source).
///
/// ```
/// use dpa_core::completeness::{Requirement, edition_coverage};
/// use dpa_core::model::Edition;
///
/// let clauses = edition_coverage(Edition::Nldigital2025);
/// let audits: Vec<String> = clauses
///     .iter()
///     .filter(|c| c.requirements().contains(&Requirement::Audits))
///     .map(|c| c.number())
///     .collect();
/// assert_eq!(audits, ["7.5"]);
/// assert!(clauses[0].source().contains("versie maart 2025, art. 2.1"));
/// ```
///
/// Empty only if the built-in table were malformed (a unit test proves that
/// it is not); the agreement check then reports that the coverage was not
/// checked.
pub fn edition_coverage(edition: Edition) -> &'static [ClauseCoverage] {
    art28::edition_clauses(edition).unwrap_or_default()
}

spelled_enum! {
    /// How far an agreement covers an art. 28 item.
    #[non_exhaustive]
    pub enum Coverage ("coverage") {
        /// Every requirement of the item is met.
        Covered = "covered",
        /// Some are met, some are missing.
        Partly = "partly",
        /// None is met.
        NotCovered = "not-covered",
        /// None is missing, but whether the clauses meet some requirements
        /// is not known: the library does not hold the text of the
        /// agreement's edition (`nederland-ict-2018`), and neither the
        /// statement nor the typed terms settle them
        /// ([`ItemCoverage::unknown`]).
        Unknown = "unknown",
    }
}

spelled_enum! {
    /// Why the coverage of some requirements of an item is unknown.
    #[non_exhaustive]
    pub enum UnknownCause ("cause of an unknown coverage") {
        /// The library does not hold the text of the agreement's edition
        /// (`nederland-ict-2018`).
        EditionTextNotOnFile = "edition-text-not-on-file",
        /// The document holds only part 1: the standard clauses are not in
        /// it (`document.parts = ["statement"]`).
        ClausesAbsent = "clauses-absent",
        /// The document holds only part 2: the Data Pro Statement is not in
        /// it (`document.parts = ["clauses"]`).
        StatementAbsent = "statement-absent",
    }
}

impl UnknownCause {
    /// The cause in words, as the coverage table prints it.
    pub const fn text(self) -> &'static str {
        match self {
            UnknownCause::EditionTextNotOnFile => "edition text not on file",
            UnknownCause::ClausesAbsent => "part 2 not in the document",
            UnknownCause::StatementAbsent => "part 1 not in the document",
        }
    }
}

/// How one art. 28 item is covered in an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct ItemCoverage {
    /// The item.
    pub item: Art28Item,
    /// Covered, partly or not.
    pub verdict: Coverage,
    /// What covers what is met: the agreement's clauses in its own numbering
    /// (`clause 2.5.1`) and the statement items that state it (`DPS 1.5`).
    pub clauses: Vec<String>,
    /// The requirements not met (empty when covered).
    pub missing: Vec<Requirement>,
    /// The requirements whose coverage is unknown: those only the edition's
    /// clauses could meet, when the library does not hold the edition's text
    /// or the document does not hold part 2, and those only the statement
    /// states, when the document does not hold part 1 (empty otherwise).
    pub unknown: Vec<Requirement>,
    /// Why [`unknown`](ItemCoverage::unknown) is not empty (the first cause
    /// met, in requirement order); `None` when it is empty.
    pub unknown_cause: Option<UnknownCause>,
}

/// What the agreement's statement and typed terms say about a requirement,
/// besides the edition's clauses.
enum Evidence<'a> {
    /// Nothing typed speaks to it: the clauses decide.
    Silent,
    /// The statement states it, citing these items.
    States(&'a [ClauseRef]),
    /// A typed term confirms it (citing its sources, used when no clause of
    /// the table does).
    Confirms(&'a [ClauseRef]),
    /// A typed term says the processor does not do it: the field.
    Denied(&'static str),
    /// Whether it is met is unknown, for this cause.
    Unknown(UnknownCause),
}

/// What `a`'s statement and terms say about `r`.
fn evidence(a: &Agreement, r: Requirement) -> Evidence<'_> {
    let (s, t) = (&a.statement, &a.terms);
    let sp = &t.sub_processors;
    let flag = |on: bool, source: &'static str, cites| {
        if on {
            Evidence::Confirms(cites)
        } else {
            Evidence::Denied(source)
        }
    };
    match r {
        Requirement::SubProcessorAuthorisation => Evidence::Confirms(&sp.source),
        // A specific authorisation of each sub-processor needs no notice of
        // changes and no objection: each new one is authorised anew.
        // Terms on changes the statement does not state (issue 15 point
        // 2): the clauses decide, since clause 2.8.3 / 8.3 itself has the
        // processor inform the client of a change and gives the right to
        // object ("Data Processor zal Opdrachtgever informeren over een
        // wijziging ... Opdrachtgever heeft het recht bezwaar te maken").
        Requirement::SubProcessorChangesNotified => match sp.changes_notified {
            _ if sp.authorisation == Authorisation::Specific => Evidence::Confirms(&sp.source),
            None => Evidence::Silent,
            Some(on) => flag(on, "terms.sub_processors.changes_notified", &sp.source),
        },
        Requirement::SubProcessorObjection => match sp.client_may_object {
            _ if sp.authorisation == Authorisation::Specific => Evidence::Confirms(&sp.source),
            None => Evidence::Silent,
            Some(on) => flag(on, "terms.sub_processors.client_may_object", &sp.source),
        },
        Requirement::FlowDownSecurity => flag(
            sp.same_security_level,
            "terms.sub_processors.same_security_level",
            &sp.source,
        ),
        Requirement::SubjectMatter | Requirement::NatureAndPurpose => match &s.intended_use {
            Some(u) => Evidence::States(&u.source),
            None => Evidence::Silent,
        },
        Requirement::Duration => Evidence::Confirms(&t.duration.source),
        Requirement::SecurityMeasures => {
            if s.security.measures.is_empty() {
                Evidence::Denied("statement.security.measures")
            } else {
                Evidence::States(&s.security.source)
            }
        }
        Requirement::DataSubjectAssistance => flag(
            s.data_subject_requests.assists,
            "statement.data_subject_requests.assists",
            &s.data_subject_requests.source,
        ),
        Requirement::DpiaAssistance => {
            flag(s.dpia.assists, "statement.dpia.assists", &s.dpia.source)
        }
        Requirement::BreachAssistance => flag(
            t.breach.assists_controller,
            "terms.breach.assists_controller",
            &t.breach.source,
        ),
        // Disclosure on a legal order (clause 2.5.2 / 5.2) that does not
        // tell the client beforehand leaves the notice art. 28(3)(a) asks
        // for unmet, whatever else the clauses say.
        Requirement::LegalRequirementNotice => match &t.disclosure {
            Some(d) if d.on_legal_order => flag(
                d.client_informed == ClientInformed::BeforeDisclosure,
                "terms.disclosure.client_informed",
                &d.source,
            ),
            _ => Evidence::Silent,
        },
        // A deletion term the statement does not state (issue 15 point 2):
        // the clauses delete "binnen de in het Data Pro Statement opgenomen
        // termijn" (clause 2.6.3 / 6.3), so with no term in the statement the
        // item is not covered by it.
        // Without part 1 in the document, whether the statement states a
        // term is unknown.
        Requirement::DeletionOrReturn
            if t.deletion.provenance.is_not_stated()
                && !a.document.has(DocumentPart::Statement) =>
        {
            Evidence::Unknown(UnknownCause::StatementAbsent)
        }
        Requirement::DeletionOrReturn if t.deletion.provenance.is_not_stated() => {
            Evidence::Denied("terms.deletion.provenance")
        }
        Requirement::DeletionOrReturn => Evidence::Confirms(&t.deletion.source),
        // A return the statement does not state (issue 15 point 2): clause
        // 2.6.3 / 6.3 returns the data only "indien overeengekomen", so with
        // no stated return the controller's choice of art. 28(3)(g) rests on
        // nothing agreed.
        // Without part 1 in the document, whether the statement states a
        // return is unknown.
        Requirement::DataReturn
            if t.return_of_data.provenance.is_not_stated()
                && !a.document.has(DocumentPart::Statement) =>
        {
            Evidence::Unknown(UnknownCause::StatementAbsent)
        }
        Requirement::DataReturn if t.return_of_data.provenance.is_not_stated() => {
            Evidence::Denied("terms.return_of_data.provenance")
        }
        Requirement::DataReturn => Evidence::Confirms(&t.return_of_data.source),
        // A breach notice term the statement does not state leaves
        // `breach-assistance` to the clauses: clause 2.4.1 / 4.1 itself has
        // the processor inform the client "zonder onredelijke vertraging"
        // (GDPR art. 33(2)) and leaves only the way ("op welke wijze") to the
        // statement; `check` reports the term as not stated.
        Requirement::Audits => Evidence::Confirms(&t.audit.source),
        _ => Evidence::Silent,
    }
}

/// The edition's clauses the agreement still has (those its deviations did
/// not remove), with their numbers in the agreement's numbering.
fn kept_clauses(a: &Agreement) -> Vec<(&'static ClauseCoverage, String)> {
    let numbering = a.clauses.numbering;
    let removed: Vec<&str> = a
        .clauses
        .deviations
        .iter()
        .filter(|d| d.kind == DeviationKind::Removed)
        .filter_map(|d| numbering.edition_number(&d.clause))
        .collect();
    edition_coverage(a.clauses.edition)
        .iter()
        .filter(|c| !removed.contains(&c.number().as_str()))
        .map(|c| {
            let label = format!("clause {}", numbering.clause(c.article, c.paragraph));
            (c, label)
        })
        .collect()
}

/// Whether `a` removes the clause `r` by a deviation.
fn is_removed(a: &Agreement, r: &ClauseRef) -> bool {
    a.clauses
        .deviations
        .iter()
        .any(|d| d.kind == DeviationKind::Removed && d.clause == *r)
}

/// Adds `x` to `list` unless it is there.
fn push_once(list: &mut Vec<String>, x: String) {
    if !list.contains(&x) {
        list.push(x);
    }
}

/// The coverage of `item` in `a`, given the clauses `a` kept.
fn item_coverage(
    a: &Agreement,
    kept: &[(&'static ClauseCoverage, String)],
    item: Art28Item,
) -> ItemCoverage {
    let mut clauses = Vec::new();
    let mut missing = Vec::new();
    let mut unknown = Vec::new();
    // Without the edition's text, or without part 2 in the document, a
    // requirement only the clauses could meet is neither met nor missing;
    // without part 1, neither is one only the statement states.
    let text_on_file = numbering::text_on_file(a.clauses.edition);
    let clauses_known = text_on_file && a.document.has(DocumentPart::Clauses);
    let statement_held = a.document.has(DocumentPart::Statement);
    let mut unknown_cause = None;
    for &r in item.requirements() {
        let rows: Vec<&String> = kept
            .iter()
            .filter(|(c, _)| c.requirements().contains(&r))
            .map(|(_, label)| label)
            .collect();
        let met = match evidence(a, r) {
            Evidence::Denied(_) => false,
            Evidence::Silent if !clauses_known => {
                unknown.push(r);
                unknown_cause.get_or_insert(if text_on_file {
                    UnknownCause::ClausesAbsent
                } else {
                    UnknownCause::EditionTextNotOnFile
                });
                continue;
            }
            Evidence::Unknown(cause) => {
                unknown.push(r);
                unknown_cause.get_or_insert(cause);
                continue;
            }
            Evidence::States(_) if !statement_held => {
                unknown.push(r);
                unknown_cause.get_or_insert(UnknownCause::StatementAbsent);
                continue;
            }
            Evidence::Silent => !rows.is_empty(),
            Evidence::States(cites) => {
                rows.iter()
                    .for_each(|l| push_once(&mut clauses, (*l).clone()));
                cites
                    .iter()
                    .for_each(|c| push_once(&mut clauses, c.as_str().to_owned()));
                true
            }
            Evidence::Confirms(cites) => {
                if rows.is_empty() {
                    cites
                        .iter()
                        .filter(|c| !is_removed(a, c))
                        .for_each(|c| push_once(&mut clauses, c.as_str().to_owned()));
                }
                true
            }
        };
        if met {
            rows.iter()
                .for_each(|l| push_once(&mut clauses, (*l).clone()));
        } else {
            missing.push(r);
        }
    }
    let verdict = if missing.is_empty() && unknown.is_empty() {
        Coverage::Covered
    } else if missing.is_empty() {
        Coverage::Unknown
    } else if missing.len() == item.requirements().len() {
        Coverage::NotCovered
    } else {
        // Some are missing; the others are met or unknown.
        Coverage::Partly
    };
    if verdict == Coverage::NotCovered {
        clauses.clear();
    }
    ItemCoverage {
        item,
        verdict,
        clauses,
        missing,
        unknown,
        unknown_cause,
    }
}

/// For every art. 28 item, in article order, how the agreement covers it
/// after its deviations and with what its statement and terms state.
pub fn coverage(a: &Agreement) -> Vec<ItemCoverage> {
    let kept = kept_clauses(a);
    Art28Item::ALL
        .iter()
        .map(|&item| item_coverage(a, &kept, item))
        .collect()
}

/// The coverage table of an agreement ([`coverage`]) as the `dpa coverage
/// --format json` command and the C function `dpa_agreement_coverage_json`
/// print it. It serialises as `{"coverage": [...]}` with one object per
/// item in article order: `id` (`28-3-b`), `article` (`GDPR art.
/// 28(3)(b)`), `name`, `verdict` (`covered`, `partly`, `not-covered`,
/// `unknown`), `covered` (whether the verdict is `covered`), `clauses` (what
/// covers what is met; empty when not covered), `missing` (the requirements
/// not met, each `{"id", "text"}`) and, only when there are any, `unknown`
/// (the requirements whose coverage is unknown, in the same form) with
/// `unknown_because` (`edition-text-not-on-file`, `clauses-absent`,
/// `statement-absent`: [`UnknownCause`]).
///
/// ```
/// use dpa_core::Agreement;
/// use dpa_core::completeness::CoverageReport;
///
/// let text = std::fs::read_to_string(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../examples/agreements/belco.toml"
/// ))?;
/// let report = CoverageReport::new(&Agreement::from_toml(&text)?);
/// assert!(!report.is_complete()); // no types of personal data, for one
/// let json = serde_json::to_value(&report)?;
/// let b = &json["coverage"][8];
/// assert_eq!(b["id"], "28-3-b");
/// assert_eq!(b["clauses"][0], "clause 2.5.1");
/// assert_eq!(b["verdict"], "covered");
/// let a = &json["coverage"][7];
/// assert_eq!(a["verdict"], "partly");
/// assert_eq!(a["missing"][0]["id"], "legal-requirement-notice");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CoverageReport {
    /// Every item, in article order ([`Art28Item::ALL`]).
    pub items: Vec<ItemCoverage>,
}

impl CoverageReport {
    /// The coverage of `a`.
    pub fn new(a: &Agreement) -> CoverageReport {
        CoverageReport { items: coverage(a) }
    }

    /// Whether every item is covered in full.
    pub fn is_complete(&self) -> bool {
        self.items.iter().all(|c| c.verdict == Coverage::Covered)
    }
}

impl Serialize for CoverageReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;

        #[derive(Serialize)]
        struct Missing {
            id: &'static str,
            text: &'static str,
        }
        #[derive(Serialize)]
        struct Row<'a> {
            id: &'static str,
            article: &'static str,
            name: &'static str,
            verdict: Coverage,
            covered: bool,
            clauses: &'a [String],
            missing: Vec<Missing>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            unknown: Vec<Missing>,
            #[serde(skip_serializing_if = "Option::is_none")]
            unknown_because: Option<UnknownCause>,
        }
        let listed = |rs: &[Requirement]| -> Vec<Missing> {
            rs.iter()
                .map(|r| Missing {
                    id: r.as_str(),
                    text: r.text(),
                })
                .collect()
        };
        let rows: Vec<Row<'_>> = self
            .items
            .iter()
            .map(|c| Row {
                id: c.item.id(),
                article: c.item.article(),
                name: c.item.name(),
                verdict: c.verdict,
                covered: c.verdict == Coverage::Covered,
                clauses: &c.clauses,
                missing: listed(&c.missing),
                unknown: listed(&c.unknown),
                unknown_because: c.unknown_cause,
            })
            .collect();
        let mut st = s.serialize_struct("CoverageReport", 1)?;
        st.serialize_field("coverage", &rows)?;
        st.end()
    }
}

/// The missing requirements of `c` in words, joined.
fn missing_text(c: &ItemCoverage) -> String {
    let texts: Vec<&str> = c.missing.iter().map(|r| r.text()).collect();
    texts.join("; ")
}

/// The requirements of `c` whose coverage is unknown, in words, joined.
fn unknown_text(c: &ItemCoverage) -> String {
    let texts: Vec<&str> = c.unknown.iter().map(|r| r.text()).collect();
    texts.join("; ")
}

/// `art28-item-uncovered` for each item not covered and
/// `art28-item-partly-covered` for each item partly covered; if the built-in
/// coverage table were malformed, one error saying that the coverage was not
/// checked.
fn coverage_findings(a: &Agreement) -> Vec<Finding> {
    if let Err(e) = art28::edition_clauses(a.clauses.edition) {
        return vec![Finding::new(
            FindingCode::Art28ItemUncovered,
            format!("the coverage of GDPR art. 28 was not checked: {e}"),
            "GDPR art. 28".to_owned(),
            Some("clauses".to_owned()),
        )];
    }
    let denied = |c: &ItemCoverage| {
        c.missing.iter().find_map(|&r| match evidence(a, r) {
            Evidence::Denied(field) => Some(field.to_owned()),
            _ => None,
        })
    };
    let items = coverage(a);
    let mut out: Vec<Finding> = Vec::new();
    let unknown: Vec<&str> = items
        .iter()
        .filter(|c| !c.unknown.is_empty())
        .map(|c| c.item.id())
        .collect();
    if !numbering::text_on_file(a.clauses.edition) {
        let edition = a.clauses.edition;
        out.push(Finding::new(
            FindingCode::EditionTextNotOnFile,
            format!(
                "the library does not hold the text of the {edition} edition of the standard clauses: its clause numbers are not checked, and what its clauses cover is unknown for {} item(s) of GDPR art. 28 (coverage ids {}); what the statement and the typed terms state is judged as usual",
                unknown.len(),
                unknown.join(", ")
            ),
            "GDPR art. 28".to_owned(),
            Some("clauses.edition".to_owned()),
        ));
    }
    for part in a.document.absent() {
        out.push(part_absent(a, part, &unknown));
    }
    out.extend(items.into_iter().filter_map(|c| {
            let (code, message) = match c.verdict {
                Coverage::Covered | Coverage::Unknown => return None,
                Coverage::NotCovered => (
                    FindingCode::Art28ItemUncovered,
                    format!(
                        "nothing in the agreement (the clauses after its deviations, the statement, the terms) covers {}: {}",
                        c.item,
                        missing_text(&c)
                    ),
                ),
                _ if c.clauses.is_empty() => (
                    FindingCode::Art28ItemPartlyCovered,
                    format!(
                        "{} is at most partly covered: nothing known covers it; missing: {}; unknown ({}): {}",
                        c.item,
                        missing_text(&c),
                        c.unknown_cause.map_or("", UnknownCause::text),
                        unknown_text(&c)
                    ),
                ),
                _ => (
                    FindingCode::Art28ItemPartlyCovered,
                    format!(
                        "{} is only partly covered ({}); missing: {}",
                        c.item,
                        c.clauses.join(", "),
                        missing_text(&c)
                    ),
                ),
            };
            let path = denied(&c).unwrap_or_else(|| "clauses".to_owned());
            Some(Finding::new(
                code,
                message,
                c.item.article().to_owned(),
                Some(path),
            ))
        }));
    out
}

/// `document-part-absent`: the document does not hold `part`, so what only
/// that part could say is unknown (`unknown`: the ids of the art. 28 items
/// with a requirement whose coverage is unknown).
fn part_absent(a: &Agreement, part: DocumentPart, unknown: &[&str]) -> Finding {
    let edition = a.clauses.edition;
    let what = match part {
        DocumentPart::Clauses => format!(
            "the standard clauses it refers to (the {edition} edition) are not in it, so whether the processor uses them as published or with deviations is unknown"
        ),
        _ => "the Data Pro Statement the clauses refer to for the processor's own terms (the deletion term, the security measures, the sub-processors, the breach protocol) is not in it".to_owned(),
    };
    let present = a
        .document
        .parts
        .first()
        .map_or("one part", |p| p.describe());
    Finding::new(
        FindingCode::DocumentPartAbsent,
        format!(
            "the document holds only {present}: {what}; what only {} could say is unknown for {} item(s) of GDPR art. 28 (coverage ids {})",
            part.describe(),
            unknown.len(),
            if unknown.is_empty() {
                "none".to_owned()
            } else {
                unknown.join(", ")
            }
        ),
        "GDPR art. 28(3)".to_owned(),
        Some("document.parts".to_owned()),
    )
}

/// `sub-processor-liability-limited` for each clause that limits the
/// processor's liability (the edition's article 9 brings in the main
/// agreement's limitations of liability) and for a term that makes its
/// liability for sub-processors subject to them: GDPR art. 28(4), second
/// sentence, keeps the processor fully liable to the controller.
fn liability_findings(a: &Agreement) -> Vec<Finding> {
    // Without part 2 in the document, which clauses it keeps is unknown.
    let kept = if a.document.has(DocumentPart::Clauses) {
        kept_clauses(a)
    } else {
        Vec::new()
    };
    let mut out: Vec<Finding> = kept
        .into_iter()
        .filter(|(c, _)| c.role == ClauseRole::LimitsLiability)
        .map(|(_, label)| {
            Finding::new(
                FindingCode::SubProcessorLiabilityLimited,
                format!(
                    "{label} applies the main agreement's limitations of liability to the processing agreement; towards the controller the processor stays fully liable for its sub-processors (GDPR art. 28(4), second sentence), whatever the contract says"
                ),
                format!("{label}; GDPR art. 28(4)"),
                Some("clauses".to_owned()),
            )
        })
        .collect();
    let sp = &a.terms.sub_processors;
    if sp.liability_subject_to_limits {
        out.push(Finding::new(
            FindingCode::SubProcessorLiabilityLimited,
            "the processor's liability for its sub-processors is made subject to the agreed limitation of liability; towards the controller it stays full (GDPR art. 28(4), second sentence)".to_owned(),
            crate::citation::cite(&sp.source, ["GDPR art. 28(4)"]),
            Some("terms.sub_processors.liability_subject_to_limits".to_owned()),
        ));
    }
    out
}

/// The completeness, liability and statement-consistency findings.
pub(crate) fn findings(a: &Agreement) -> Vec<Finding> {
    let mut out = coverage_findings(a);
    out.extend(liability_findings(a));
    out.extend(special::contradictions(a));
    out
}
