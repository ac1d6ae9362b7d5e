//! Reports over a whole agreement: the GDPR art. 28 coverage table
//! (`Agreement.coverage`) and the diff report with the rights a notice
//! opens (`dpa.diff_report`).

use std::hash::{Hash, Hasher};

use dpa_core::completeness::ItemCoverage;
use dpa_core::diff::DiffReport as CoreDiffReport;
use dpa_core::values::iso_date;
use pyo3::prelude::*;
use pyo3::types::PyDate;

use crate::agreement::{Deadline, PyAgreement};
use crate::convert::{DateArg, py_date, quote, quote_list};
use crate::errors::guard;
use crate::transfers::Change;

/// How one item GDPR art. 28 requires of a processing agreement is covered:
/// the agreement's clauses that satisfy it after its deviations (none: the
/// item is uncovered).
#[pyclass(frozen, eq, hash, module = "dpa")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Art28Coverage(ItemCoverage);

impl From<ItemCoverage> for Art28Coverage {
    fn from(c: ItemCoverage) -> Self {
        Art28Coverage(c)
    }
}

impl Hash for Art28Coverage {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.0.item, &self.0.clauses).hash(state);
    }
}

#[pymethods]
impl Art28Coverage {
    /// A stable identifier of the item (`"28-2"`, `"28-3-b"`, `"28-4"`).
    #[getter]
    fn id(&self) -> &'static str {
        self.0.item.id()
    }

    /// The article, e.g. `"GDPR art. 28(3)(b)"`.
    #[getter]
    fn article(&self) -> &'static str {
        self.0.item.article()
    }

    /// What the item requires, in a few words.
    #[getter]
    fn name(&self) -> &'static str {
        self.0.item.name()
    }

    /// The agreement's clauses that cover it, in the agreement's numbering
    /// (`"clause 2.5.1"`); empty when the item is uncovered.
    #[getter]
    fn clauses(&self) -> Vec<String> {
        self.0.clauses.clone()
    }

    /// Whether any clause covers the item (`clauses` is not empty).
    #[getter]
    fn covered(&self) -> bool {
        !self.0.clauses.is_empty()
    }

    fn __repr__(&self) -> String {
        format!(
            "Art28Coverage(id={}, article={}, clauses={})",
            quote(self.0.item.id()),
            quote(self.0.item.article()),
            quote_list(&self.0.clauses)
        )
    }

    /// `article name: clauses` (or `NOT COVERED`), the words of `dpa
    /// coverage` (`dpa-core`'s `Display` of an item's coverage).
    fn __str__(&self) -> String {
        self.0.to_string()
    }
}

/// The coverage table of `a`: one entry per art. 28 item, in article order.
pub(crate) fn coverage_of(a: &dpa_core::Agreement) -> crate::errors::Result<Vec<Art28Coverage>> {
    guard(|| {
        Ok(dpa_core::completeness::coverage(a)
            .into_iter()
            .map(Art28Coverage::from)
            .collect())
    })
}

/// The changes between two versions of an agreement, whether any is
/// significant, and the rights a notice of them opens, with their
/// deadlines: what `dpa diff` reports.
#[pyclass(frozen, eq, module = "dpa")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DiffReport(CoreDiffReport);

#[pymethods]
impl DiffReport {
    /// The old statement's version (`"1.2.2"`).
    #[getter]
    fn old_version(&self) -> String {
        self.0.old_version.to_string()
    }

    /// The new statement's version (`"1.3"`).
    #[getter]
    fn new_version(&self) -> String {
        self.0.new_version.to_string()
    }

    /// The date the change was notified, from which the rights run.
    #[getter]
    fn notified<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        py_date(py, self.0.notified)
    }

    /// Every change, as `dpa.diff` gives them (in the same order).
    #[getter]
    fn changes(&self) -> Vec<Change> {
        self.0.changes.iter().cloned().map(Change::from).collect()
    }

    /// Whether any change is significant (and so opens the termination window).
    #[getter]
    fn significant(&self) -> bool {
        self.0.significant
    }

    /// The end of the client's window to terminate (kind
    /// `"termination-window"`), when any change is significant; else None.
    #[getter]
    fn termination_window(&self) -> Option<Deadline> {
        self.0.termination_window.clone().map(Deadline)
    }

    /// The client's right to object to a sub-processor change (kind
    /// `"sub-processor-objection"`, no fixed term), when a significant
    /// change concerns a sub-processor and the agreement gives that right;
    /// else None.
    #[getter]
    fn objection(&self) -> Option<Deadline> {
        self.0.objection.clone().map(Deadline)
    }

    /// The report as `dpa diff OLD NEW --notified DATE` prints it (several
    /// lines, each ending in a newline).
    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "<dpa.DiffReport {} -> {} notified={} changes={} significant={}>",
            quote(&self.0.old_version.to_string()),
            quote(&self.0.new_version.to_string()),
            iso_date::format(self.0.notified),
            self.0.changes.len(),
            if self.0.significant { "True" } else { "False" }
        )
    }
}

/// The diff report from `old` to `new` (two versions of an agreement) for a
/// notice of the change on `notified`: the changes of `dpa.diff`, whether
/// any is significant, and the rights the notice opens (the end of the
/// termination window, the right to object to a sub-processor change), as
/// `dpa diff OLD NEW --notified DATE` reports them.
#[pyfunction]
pub(crate) fn diff_report(
    old: &PyAgreement,
    new: &PyAgreement,
    notified: DateArg,
) -> PyResult<DiffReport> {
    let report = guard(|| Ok(CoreDiffReport::new(old.inner(), new.inner(), notified.0)?))?;
    Ok(DiffReport(report))
}
