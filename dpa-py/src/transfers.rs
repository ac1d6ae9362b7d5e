//! `Agreement.assess_transfers`: the transfer assessment as value classes.

use std::hash::Hash;

use dpa_core::transfers::{BasisAssessment as CoreBasis, TransferAssessment, TransferVerdict};
use pyo3::prelude::*;

use crate::convert::quote;
use crate::results::Finding;

/// One sub-processor's transfers outside the EEA on the date assessed.
#[pyclass(frozen, eq, hash, get_all, module = "dpa")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Transfer {
    /// The sub-processor's position in `Agreement.sub_processors`.
    index: usize,
    /// Its name.
    name: String,
    /// The country of its seat (ISO 3166-1 alpha-2), or None.
    seat: Option<String>,
    /// Its processing countries outside the EEA.
    outside_eea: Vec<String>,
    /// The countries outside the EEA it may be accessed from, other than
    /// those in `outside_eea`; assessed as transfers too.
    access_from: Vec<String>,
    /// Whether it is seated outside the EEA, in a country that is neither a
    /// processing location nor one it may be accessed from, while
    /// processing somewhere.
    non_eea_seat: bool,
    /// `"locations-not-stated"`, `"no-transfer"`, `"no-basis-claimed"`,
    /// `"covered"` or `"not-covered"`.
    verdict: &'static str,
    /// For `"covered"`: the claimed bases valid on the date.
    covered_by: Vec<String>,
    /// For `"not-covered"`: the countries no valid basis covers.
    uncovered: Vec<String>,
    /// Each distinct claimed basis assessed, in the order first claimed: once
    /// for a basis not tied to a country, and for a country basis once per
    /// country the table has an instrument for and once for all the others.
    bases: Vec<BasisAssessment>,
    /// The findings the assessment gives rise to.
    findings: Vec<Finding>,
}

impl From<TransferAssessment> for Transfer {
    fn from(a: TransferAssessment) -> Self {
        let (covered_by, uncovered) = match &a.verdict {
            TransferVerdict::Covered { bases } => (
                bases.iter().map(|b| b.as_str().to_owned()).collect(),
                Vec::new(),
            ),
            TransferVerdict::NotCovered { countries } => (
                Vec::new(),
                countries.iter().map(|c| c.as_str().to_owned()).collect(),
            ),
            _ => (Vec::new(), Vec::new()),
        };
        Transfer {
            index: a.index,
            name: a.name,
            seat: a.seat.map(|c| c.as_str().to_owned()),
            outside_eea: a
                .outside_eea
                .iter()
                .map(|c| c.as_str().to_owned())
                .collect(),
            access_from: a
                .access_from
                .iter()
                .map(|c| c.as_str().to_owned())
                .collect(),
            non_eea_seat: a.non_eea_seat,
            verdict: a.verdict.as_str(),
            covered_by,
            uncovered,
            bases: a.bases.into_iter().map(BasisAssessment::from).collect(),
            findings: a.findings.into_iter().map(Finding::from).collect(),
        }
    }
}

#[pymethods]
impl Transfer {
    fn __repr__(&self) -> String {
        format!(
            "Transfer(name={}, verdict={}, outside_eea={:?})",
            quote(&self.name),
            quote(self.verdict),
            self.outside_eea
        )
    }
}

/// One claimed transfer basis, assessed on the date for the countries it
/// names (or, for a basis not tied to a country, for all of them).
#[pyclass(frozen, eq, hash, get_all, module = "dpa")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct BasisAssessment {
    /// The basis as claimed (`"scc-2021"`, `"eu-us-dpf"`, ...).
    basis: &'static str,
    /// Its position in the sub-processor's `transfer_basis`.
    index: usize,
    /// The countries this outcome holds for, when it depends on the country
    /// (`"adequacy"` and the EU-US frameworks: one country the table has an
    /// instrument for, or all those it has none for); empty for a basis whose
    /// outcome is the same for every country (SCCs, BCRs, derogations) and
    /// when nothing is processed or seated outside the EEA.
    countries: Vec<String>,
    /// Whether it is valid on the date.
    valid: bool,
    /// `"valid"`, `"not-yet-in-force"`, `"no-longer-in-force"`,
    /// `"not-for-this-country"`, `"recipient-not-certified"`,
    /// `"no-third-country"`, `"details-not-stated"`, `"not-approved"` or
    /// `"no-binding-commitments"`.
    status: &'static str,
    /// The instrument relied on or considered, or None.
    reference: Option<String>,
    /// Why it is valid or not.
    reason: String,
    /// What it rests on.
    citation: String,
    /// What to check about a valid basis (finding codes).
    caveats: Vec<&'static str>,
}

impl From<CoreBasis> for BasisAssessment {
    fn from(b: CoreBasis) -> Self {
        BasisAssessment {
            basis: b.basis.as_str(),
            index: b.index,
            countries: b.countries.iter().map(|c| c.as_str().to_owned()).collect(),
            valid: b.valid,
            status: b.status.as_str(),
            reference: b.reference,
            reason: b.reason,
            citation: b.citation,
            caveats: b.caveats.iter().map(|c| c.as_str()).collect(),
        }
    }
}

#[pymethods]
impl BasisAssessment {
    fn __repr__(&self) -> String {
        format!(
            "BasisAssessment(basis={}, countries=[{}], status={})",
            quote(self.basis),
            self.countries
                .iter()
                .map(|c| quote(c))
                .collect::<Vec<_>>()
                .join(", "),
            quote(self.status)
        )
    }
}
