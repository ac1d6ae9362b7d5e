//! The transfers outside the EEA of [`Agreement::assess_transfers`] as a
//! report.

use std::{fmt, io};

use serde::Serialize;
use time::Date;

use super::Report;
use crate::error::Result;
use crate::finding::has_errors;
use crate::model::Agreement;
use crate::transfers::TransferAssessment;
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
    pub findings: Vec<crate::finding::Finding>,
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
            findings: crate::transfers::by_reference_finding(agreement)
                .into_iter()
                .collect(),
        })
    }
}

impl fmt::Display for TransfersReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Transfers outside the EEA as of {}:",
            iso_date::format(self.on)
        )?;
        for finding in &self.findings {
            writeln!(f, "  {finding}")?;
        }
        for t in &self.assessments {
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
            let assessed =
                t.third_countries().next().is_some() || t.seat.is_some_and(|s| !s.is_eea());
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
        // One assessment's lines, indented, written with one call.
        let mut piece = b"{\n  \"assessments\": [\n".to_vec();
        for (i, a) in self.assessments.iter().enumerate() {
            if i > 0 {
                piece.extend_from_slice(b",\n");
            }
            super::push_element(&mut piece, a).map_err(super::report_error)?;
            w.write_all(&piece)?;
            piece.clear();
        }
        let mut piece = String::new();
        piece.push_str("\n  ],\n");
        if !self.findings.is_empty() {
            // The list's own findings, at their key's place (alphabetical).
            #[derive(Serialize)]
            struct Findings<'a> {
                findings: &'a [crate::finding::Finding],
            }
            let one = super::sorted_json(&Findings {
                findings: &self.findings,
            })
            .map_err(super::report_error)?;
            let inner = one
                .trim_end_matches('\n')
                .strip_prefix("{\n")
                .and_then(|x| x.strip_suffix("\n}"))
                .unwrap_or_default();
            piece.push_str(inner);
            piece.push_str(",\n");
        }
        piece.push_str("  \"on\": ");
        piece.push_str(
            &serde_json::to_string(&iso_date::format(self.on)).map_err(|e| {
                super::report_error(crate::Error::invalid_argument("report", e.to_string()))
            })?,
        );
        piece.push_str("\n}\n");
        w.write_all(piece.as_bytes())
    }

    fn fails(&self) -> bool {
        has_errors(&self.findings) || self.assessments.iter().any(|t| has_errors(&t.findings))
    }
}
