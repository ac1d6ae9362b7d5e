//! The transfers outside the EEA of [`Agreement::assess_transfers`] as a
//! report.

use std::cell::Cell;
use std::{fmt, io};

use serde::{Serialize, Serializer};
use time::Date;

use super::Report;
use crate::error::Result;
use crate::finding::{Finding, has_errors};
use crate::model::Agreement;
use crate::sources::transfer_bases::{Instrument, instruments};
use crate::transfers::{TransferAssessment, assessments_against, by_reference_finding};
use crate::values::iso_date;

/// Every sub-processor's transfers outside the EEA, assessed on a date
/// (`dpa transfers`).
///
/// JSON: `{"assessments": [...], "on": "YYYY-MM-DD"}`, with `"findings":
/// [...]` between them where the list as a whole has findings (it is kept
/// by reference: `sub-processors-by-reference`). Text: those findings
/// under the heading, then a line per sub-processor with its verdict and
/// countries, each basis claimed for a country with whether it is valid,
/// and the findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TransfersReport {
    /// One assessment per sub-processor, in listed order.
    pub assessments: Vec<TransferAssessment>,
    /// The findings about the list as a whole, not one sub-processor: that
    /// it is kept by reference, so transfers of the sub-processors named
    /// only there cannot be checked
    /// ([`crate::transfers::by_reference_finding`]). Empty otherwise (and
    /// then left out of the JSON).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
    /// The date assessed on.
    #[serde(serialize_with = "iso_date::serialize")]
    pub on: Date,
}

impl TransfersReport {
    /// Assesses `agreement`'s transfers on `on`.
    ///
    /// # Errors
    /// As [`Agreement::assess_transfers`].
    pub fn new(agreement: &Agreement, on: Date) -> Result<TransfersReport> {
        Ok(TransfersReport {
            on,
            assessments: agreement.assess_transfers(on)?,
            findings: by_reference_finding(agreement).into_iter().collect(),
        })
    }
}

impl fmt::Display for TransfersReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_text(f, self.on, &self.findings, self.assessments.iter())
    }
}

impl Report for TransfersReport {
    /// The keys of every object in alphabetical order, as first released:
    /// the bytes [`Report::write_json`] writes.
    fn to_json(&self) -> Result<String> {
        super::written_json(self)
    }

    /// Written one assessment at a time (each indented into its place in
    /// the list), so that no more than one assessment is held as a JSON
    /// value or text: the bytes are those of the whole report serialised
    /// at once with its keys sorted (`serde_json::Value`, pretty).
    fn write_json(&self, w: &mut dyn io::Write) -> io::Result<()> {
        if self.assessments.is_empty() {
            let json = super::sorted_json(self).map_err(super::report_error)?;
            return w.write_all(json.as_bytes());
        }
        write_json(w, self.on, &self.findings, self.assessments.iter())
    }

    fn fails(&self) -> bool {
        has_errors(&self.findings) || self.assessments.iter().any(|t| has_errors(&t.findings))
    }
}

/// [`TransfersReport`] made as it is written: each sub-processor is
/// assessed when its turn comes in the text or the JSON and dropped once
/// written, so that no more than one assessment is held
/// ([`transfer_assessments`](crate::transfers::transfer_assessments); at the limits the whole list is some
/// 160 MB). The same bytes as the report's, in both forms; what `dpa
/// transfers` prints.
///
/// Whether it [`fails`](Report::fails) is noted as it is written and
/// kept once a write has completed; asked before that, it assesses every
/// sub-processor once more, one at a time.
///
/// ```
/// use dpa_core::Agreement;
/// use dpa_core::report::{Report, TransfersReport, TransfersStream};
///
/// let text = std::fs::read_to_string(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../examples/agreements/alles-online.toml"
/// ))?;
/// let a = Agreement::from_toml(&text)?;
/// let on = time::macros::date!(2026 - 11 - 23);
/// let stream = TransfersStream::new(&a, on)?;
/// let held = TransfersReport::new(&a, on)?;
/// assert_eq!(stream.to_json()?, held.to_json()?);
/// assert_eq!(stream.to_string(), held.to_string());
/// assert_eq!(stream.fails(), held.fails());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct TransfersStream<'a> {
    agreement: &'a Agreement,
    /// The reference table of transfer bases, read by `new`.
    table: &'static [Instrument],
    on: Date,
    findings: Vec<Finding>,
    /// Whether the report fails, noted by the first complete write.
    fails: Cell<Option<bool>>,
}

impl<'a> TransfersStream<'a> {
    /// The transfers of `agreement` on `on`, to be assessed as they are
    /// written.
    ///
    /// # Errors
    /// As [`Agreement::assess_transfers`]: the reference table is read
    /// here, so that writing cannot fail for it.
    pub fn new(agreement: &'a Agreement, on: Date) -> Result<TransfersStream<'a>> {
        Ok(TransfersStream {
            agreement,
            table: instruments()?,
            on,
            findings: by_reference_finding(agreement).into_iter().collect(),
            fails: Cell::new(None),
        })
    }

    /// The assessments, one at a time.
    fn assessments(&self) -> impl Iterator<Item = TransferAssessment> + '_ {
        assessments_against(self.table, self.agreement, self.on)
    }

    /// Runs `write` over the assessments, one at a time, and notes
    /// whether the report fails (the list's own findings or any
    /// assessment's have an error) once `write` has completed: a write
    /// that stopped early notes nothing.
    fn written<E>(
        &self,
        write: impl FnOnce(&mut dyn Iterator<Item = TransferAssessment>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut failed = has_errors(&self.findings);
        write(
            &mut self
                .assessments()
                .inspect(|t| failed |= has_errors(&t.findings)),
        )?;
        self.fails.set(Some(failed));
        Ok(())
    }
}

impl Serialize for TransfersStream<'_> {
    /// As the [`TransfersReport`] of the same agreement and date, which
    /// this makes whole (serde has no place for an error of the writer
    /// between elements).
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let report = TransfersReport {
            assessments: self.assessments().collect(),
            findings: self.findings.clone(),
            on: self.on,
        };
        report.serialize(serializer)
    }
}

impl fmt::Display for TransfersStream<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.written(|all| write_text(f, self.on, &self.findings, all))
    }
}

impl Report for TransfersStream<'_> {
    /// The bytes [`Report::write_json`] writes.
    fn to_json(&self) -> Result<String> {
        super::written_json(self)
    }

    /// As [`TransfersReport`]'s, one assessment made and written at a
    /// time.
    fn write_json(&self, w: &mut dyn io::Write) -> io::Result<()> {
        self.written(|all| {
            if self.agreement.statement.sub_processors.is_empty() {
                let json = super::sorted_json(self).map_err(super::report_error)?;
                return w.write_all(json.as_bytes());
            }
            write_json(w, self.on, &self.findings, all)
        })
    }

    fn fails(&self) -> bool {
        match self.fails.get() {
            Some(fails) => fails,
            None => {
                has_errors(&self.findings) || self.assessments().any(|t| has_errors(&t.findings))
            }
        }
    }
}

/// The text of a transfers report: the heading, the list's own findings,
/// then a line per assessment with its verdict and countries, its bases
/// where there is a country to assess them for, and its findings.
fn write_text<T: std::borrow::Borrow<TransferAssessment>>(
    f: &mut fmt::Formatter<'_>,
    on: Date,
    findings: &[Finding],
    assessments: impl Iterator<Item = T>,
) -> fmt::Result {
    writeln!(
        f,
        "Transfers outside the EEA as of {}:",
        iso_date::format(on)
    )?;
    for finding in findings {
        writeln!(f, "  {finding}")?;
    }
    for t in assessments {
        let t = t.borrow();
        write!(f, "  {}: {}", t.name, t.verdict.as_str())?;
        let mut places: Vec<String> = Vec::new();
        if !t.outside_eea.is_empty() {
            let outside: Vec<&str> = t.outside_eea.iter().map(|c| c.as_str()).collect();
            places.push(outside.join(", "));
        }
        if !t.access_from.is_empty() {
            let access: Vec<&str> = t.access_from.iter().map(|c| c.as_str()).collect();
            places.push(format!("access from {}", access.join(", ")));
        }
        if !places.is_empty() {
            write!(f, " [{}]", places.join("; "))?;
        }
        writeln!(f)?;
        // The bases are shown when there is a country to assess them
        // for: one outside the EEA (by location or access), or the seat.
        let assessed = t.third_countries().next().is_some() || t.seat.is_some_and(|s| !s.is_eea());
        for b in t.bases.iter().filter(|_| assessed) {
            let valid = if b.valid { "valid" } else { "not valid" };
            writeln!(f, "      {} {valid}: {}", b.basis.as_str(), b.reason)?;
        }
        for finding in &t.findings {
            writeln!(f, "      {finding}")?;
        }
    }
    Ok(())
}

/// The JSON of a transfers report with at least one assessment, written
/// one assessment at a time (each indented into its place in the list):
/// the bytes of the whole report serialised at once with its keys sorted
/// (`serde_json::Value`, pretty).
fn write_json<T: std::borrow::Borrow<TransferAssessment>>(
    w: &mut dyn io::Write,
    on: Date,
    findings: &[Finding],
    assessments: impl Iterator<Item = T>,
) -> io::Result<()> {
    // One assessment's lines, indented, written with one call.
    let mut piece = b"{\n  \"assessments\": [\n".to_vec();
    for (i, a) in assessments.enumerate() {
        if i > 0 {
            piece.extend_from_slice(b",\n");
        }
        super::push_element(&mut piece, a.borrow()).map_err(super::report_error)?;
        w.write_all(&piece)?;
        piece.clear();
    }
    let mut piece = String::new();
    piece.push_str("\n  ],\n");
    if !findings.is_empty() {
        // The list's own findings, at their key's place (alphabetical).
        #[derive(Serialize)]
        struct Findings<'a> {
            findings: &'a [Finding],
        }
        let one = super::sorted_json(&Findings { findings }).map_err(super::report_error)?;
        let inner = one
            .trim_end_matches('\n')
            .strip_prefix("{\n")
            .and_then(|x| x.strip_suffix("\n}"))
            .unwrap_or_default();
        piece.push_str(inner);
        piece.push_str(",\n");
    }
    piece.push_str("  \"on\": ");
    piece.push_str(&serde_json::to_string(&iso_date::format(on)).map_err(|e| {
        super::report_error(crate::Error::invalid_argument("report", e.to_string()))
    })?);
    piece.push_str("\n}\n");
    w.write_all(piece.as_bytes())
}
