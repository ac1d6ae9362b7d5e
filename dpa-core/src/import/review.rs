//! The review list of an import (issue 18 point 4): per template item
//! found or not found, per operative value stated, not stated or ambiguous
//! (with the readings and the setting a person must choose), the
//! placeholders left in the text, and the standard clauses' deviations
//! from their edition (or why part 2 was not compared). Its text and JSON are in
//! `report/import.rs`.

use serde::Serialize;

use super::extract::{ClauseComparison, ImportedStatement};
use super::{Evidence, Read};
use crate::macros::spelled_enum;
use crate::model::{BackupDeletion, DeviationKind};

spelled_enum! {
    /// Whether a template item was found.
    #[non_exhaustive]
    pub enum ItemStatus ("item status") {
        /// The statement has the item.
        Found = "found",
        /// It does not.
        NotFound = "not-found",
    }
}

spelled_enum! {
    /// What the import made of a value.
    #[non_exhaustive]
    pub enum ReviewStatus ("review status") {
        /// Stated; the draft has it with its quote.
        Stated = "stated",
        /// Not stated; the draft says `not-stated` or leaves it out.
        NotStated = "not-stated",
        /// Ambiguous: a person chooses a reading.
        Ambiguous = "ambiguous",
        /// A placeholder or redaction left in the text.
        Placeholder = "placeholder",
    }
}

/// One line of the review list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ReviewEntry {
    /// The value's key in the agreement file (`terms.deletion`), or the
    /// template item (`item sub-processors`).
    pub field: String,
    /// Its status.
    pub status: ReviewStatus,
    /// The value as the draft writes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The statement's citation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// The original lines, first and last.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<(usize, usize)>,
    /// The quoted sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The candidate readings of an ambiguous value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<String>,
    /// The setting a person must choose.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub setting: Option<String>,
    /// Whether a person must act: ambiguous, a placeholder, or an operative
    /// term (deletion, breach notice, the sub-processor list) not stated.
    pub needs_review: bool,
}

/// A template item and whether the statement has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ItemEntry {
    /// The template item.
    pub item: String,
    /// Found or not.
    pub status: ItemStatus,
    /// The statement's citation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// The item's original lines, first and last.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<(usize, usize)>,
}

spelled_enum! {
    /// Whether part 2 was compared with its edition's text.
    #[non_exhaustive]
    pub enum ComparisonStatus ("comparison status") {
        /// Compared clause by clause.
        Compared = "compared",
        /// Not compared; the reason says why.
        NotCompared = "not-compared",
    }
}

/// The standard clauses (part 2) against the unmodified text of their
/// edition: compared, with the deviations, or not compared and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ClausesEntry {
    /// Compared or not.
    pub status: ComparisonStatus,
    /// The edition part 2 names (`nldigital-2025`), where it names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// Why it was not compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The deviations found (each needs review: a person records it in
    /// `clauses.deviations` with what it changes).
    pub deviations: Vec<DeviationEntry>,
}

/// A clause of part 2 that deviates from its edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DeviationEntry {
    /// The clause's number in the edition's numbering (`5.3`).
    pub clause: String,
    /// `modified`, `removed` or `added`.
    pub kind: DeviationKind,
    /// The short word-level difference: `[-edition's words-]`,
    /// `{+statement's words+}`, with a few words of context.
    pub difference: String,
    /// The original lines of the clause in the statement (a modified or
    /// added one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<(usize, usize)>,
    /// The statement's sentence with the first change (a modified or added
    /// clause).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Always true: a deviation changes what the clauses say, so a person
    /// reads it.
    pub needs_review: bool,
}

/// The review list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ImportReport {
    /// The template's items.
    pub items: Vec<ItemEntry>,
    /// The values.
    pub values: Vec<ReviewEntry>,
    /// The standard clauses against their edition's text.
    pub clauses: ClausesEntry,
}

impl ImportReport {
    /// Whether something needs a person: an ambiguous value, a placeholder,
    /// an operative term not stated, a deviation of the standard clauses
    /// from their edition.
    pub fn needs_review(&self) -> bool {
        self.values.iter().any(|v| v.needs_review)
            || self.clauses.deviations.iter().any(|d| d.needs_review)
    }
}

/// The entry of the comparison of part 2 with its edition.
fn clauses_entry(c: &ClauseComparison) -> ClausesEntry {
    match c {
        ClauseComparison::Compared {
            edition,
            deviations,
        } => ClausesEntry {
            status: ComparisonStatus::Compared,
            edition: Some(edition.as_str().to_owned()),
            reason: None,
            deviations: deviations
                .iter()
                .map(|d| DeviationEntry {
                    clause: d.clause.clone(),
                    kind: d.kind,
                    difference: d.difference.clone(),
                    lines: d.evidence.as_ref().map(|e| e.lines),
                    quote: d.evidence.as_ref().map(|e| e.quote.clone()),
                    needs_review: true,
                })
                .collect(),
        },
        ClauseComparison::NotCompared { edition, reason } => ClausesEntry {
            status: ComparisonStatus::NotCompared,
            edition: edition.map(|e| e.as_str().to_owned()),
            reason: Some(reason.clone()),
            deviations: Vec::new(),
        },
    }
}

/// An entry of `read` under `field`, the value written by `show`.
fn entry<T>(field: &str, read: &Read<T>, show: impl Fn(&T) -> String) -> ReviewEntry {
    let (status, value, readings, setting) = match read {
        Read::Stated { value, .. } => (ReviewStatus::Stated, Some(show(value)), Vec::new(), None),
        Read::NotStated => (ReviewStatus::NotStated, None, Vec::new(), None),
        Read::Ambiguous(a) => (
            ReviewStatus::Ambiguous,
            None,
            a.readings.clone(),
            Some(a.setting.clone()),
        ),
    };
    let ev = read.evidence();
    let operative = [
        "terms.deletion",
        "terms.breach.notice",
        "statement.sub_processors",
    ]
    .contains(&field);
    let needs_review =
        status == ReviewStatus::Ambiguous || (status == ReviewStatus::NotStated && operative);
    ReviewEntry {
        needs_review,
        field: field.to_owned(),
        status,
        value,
        clause: ev.map(|e| e.clause.clone()),
        lines: ev.map(|e| e.lines),
        quote: ev.map(|e| e.quote.clone()),
        readings,
        setting,
    }
}

/// A placeholder's entry.
fn placeholder(e: &Evidence) -> ReviewEntry {
    ReviewEntry {
        field: "placeholder".to_owned(),
        status: ReviewStatus::Placeholder,
        value: None,
        clause: Some(e.clause.clone()),
        lines: Some(e.lines),
        quote: Some(e.quote.clone()),
        readings: Vec::new(),
        setting: Some("replace the placeholder with the statement's value".to_owned()),
        needs_review: true,
    }
}

/// The review list of `s`.
pub(crate) fn report(s: &ImportedStatement) -> ImportReport {
    let items = s
        .items
        .iter()
        .map(|i| ItemEntry {
            item: i.key.to_owned(),
            status: if i.clause.is_some() {
                ItemStatus::Found
            } else {
                ItemStatus::NotFound
            },
            clause: i.clause.clone(),
            lines: i.lines,
        })
        .collect();
    let mut values = statement_values(s);
    sub_processor_values(s, &mut values);
    term_values(s, &mut values);
    values.extend(s.placeholders.iter().map(placeholder));
    ImportReport {
        items,
        values,
        clauses: clauses_entry(&s.clause_comparison),
    }
}

/// The processor, the version and date, the products, the intended use and
/// the special-categories declaration.
fn statement_values(s: &ImportedStatement) -> Vec<ReviewEntry> {
    let p = &s.processor;
    let string = |v: &String| v.clone();
    vec![
        entry("statement.processor.name", &p.name, string),
        entry("statement.processor.address.street", &p.street, string),
        entry(
            "statement.processor.address.postal_code",
            &p.postal_code,
            string,
        ),
        entry("statement.processor.address.city", &p.city, string),
        entry(
            "statement.processor.address.country",
            &p.country,
            ToString::to_string,
        ),
        entry(
            "statement.processor.privacy_contact.email",
            &p.email,
            string,
        ),
        entry("statement.version", &s.version, string),
        entry(
            "statement.effective_date",
            &s.effective_date,
            ToString::to_string,
        ),
        entry("clauses.edition", &s.edition, ToString::to_string),
        entry("statement.products", &s.products, |v| v.join("; ")),
        entry(
            "statement.processing_locations.locations",
            &s.processing_locations,
            |v| v.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", "),
        ),
        entry(
            "statement.processing_locations.transfers_outside_eea",
            &s.transfers_outside_eea,
            ToString::to_string,
        ),
        entry(
            "statement.data_subject_requests",
            &s.data_subject_requests,
            assistance,
        ),
        entry("statement.dpia", &s.dpia, assistance),
        entry("statement.security.measures", &s.security_measures, |v| {
            v.join("; ")
        }),
        entry("statement.security.isms", &s.isms, Clone::clone),
        entry(
            "statement.security.warranty",
            &s.security_warranty,
            ToString::to_string,
        ),
        entry("statement.intended_use", &s.intended_use, string),
        entry(
            "statement.special_categories.art9",
            &s.special_categories.art9,
            ToString::to_string,
        ),
        entry(
            "statement.special_categories.art10",
            &s.special_categories.art10,
            ToString::to_string,
        ),
        entry(
            "statement.special_categories.government_identifiers",
            &s.special_categories.government_identifiers,
            ToString::to_string,
        ),
    ]
}

/// Help with requests or a DPIA as the review shows it: that the processor
/// assists, and the costs where announced in advance (the quote below it
/// gives the description).
fn assistance(a: &crate::import::ImportedAssistance) -> String {
    if a.costs_announced_in_advance {
        "assists, costs announced in advance".to_owned()
    } else {
        "assists".to_owned()
    }
}

/// Each sub-processor's seat, locations and engagement, or the list's
/// status where it is not stated.
fn sub_processor_values(s: &ImportedStatement, values: &mut Vec<ReviewEntry>) {
    match &s.sub_processors {
        Read::Stated { value, .. } => {
            for (i, sp) in value.iter().enumerate() {
                let field = format!("statement.sub_processors[{i}]");
                values.push(entry(
                    &format!("{field}.seat ({})", sp.name),
                    &sp.seat,
                    ToString::to_string,
                ));
                values.push(entry(
                    &format!("{field}.locations ({})", sp.name),
                    &sp.locations,
                    |l| {
                        l.iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                ));
                values.push(entry(
                    &format!("{field}.engagement ({})", sp.name),
                    &sp.engagement,
                    ToString::to_string,
                ));
            }
        }
        other => values.push(entry("statement.sub_processors", other, |_| String::new())),
    }
}

/// The operative terms, the duration, the return of data and the
/// certifications.
fn term_values(s: &ImportedStatement, values: &mut Vec<ReviewEntry>) {
    values.extend([
        entry("terms.deletion", &s.deletion_term, ToString::to_string),
        entry(
            "terms.deletion.firmness",
            &s.deletion_firmness,
            ToString::to_string,
        ),
        entry("terms.deletion.backups", &s.backups, ToString::to_string),
    ]);
    // The cycle's length matters where backups go by their cycle alone.
    if s.backups.value() == Some(&BackupDeletion::PerBackupCycle) {
        values.push(entry(
            "terms.deletion.backup_cycle",
            &s.backup_cycle,
            ToString::to_string,
        ));
    }
    values.extend([
        entry(
            "terms.duration.indefinite",
            &s.duration.indefinite,
            ToString::to_string,
        ),
        entry(
            "terms.duration.ends_with_main_agreement",
            &s.duration.ends_with_main_agreement,
            ToString::to_string,
        ),
        entry(
            "terms.return_of_data.method",
            &s.return_of_data.method,
            ToString::to_string,
        ),
        entry(
            "terms.return_of_data.machine_readable",
            &s.return_of_data.machine_readable,
            ToString::to_string,
        ),
        entry(
            "terms.return_of_data.before_deletion",
            &s.return_of_data.before_deletion,
            ToString::to_string,
        ),
        entry(
            "terms.return_of_data.costs_announced_in_advance",
            &s.return_of_data.costs_announced_in_advance,
            ToString::to_string,
        ),
        entry("terms.breach.notice", &s.breach_notice, |n| {
            match n.hours() {
                Some(h) => format!("within {h} hours"),
                None => "without undue delay".to_owned(),
            }
        }),
        entry("terms.breach.channels", &s.breach_channels, |c| {
            c.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        }),
        entry("terms.breach.information", &s.breach_information, |i| {
            i.join("; ")
        }),
        entry("terms.audit.max_count", &s.audit_count, ToString::to_string),
        entry("terms.audit.period", &s.audit_period, |p| {
            format!("{} {}", p.reading(), p.length())
        }),
        entry("terms.audit.notice", &s.audit_notice, ToString::to_string),
        entry(
            "terms.statement_changes.termination_window",
            &s.change_window,
            ToString::to_string,
        ),
        entry("statement.certifications", &s.certifications, |c| {
            c.iter()
                .map(|c| format!("{} ({})", c.name, c.status))
                .collect::<Vec<_>>()
                .join(", ")
        }),
    ]);
}
