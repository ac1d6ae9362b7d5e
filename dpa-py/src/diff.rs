//! `dpa.diff` and `dpa.diff_report`: the changes between two versions of an
//! agreement, and the report with the rights a notice of them opens.

use std::hash::{Hash, Hasher};

use dpa_core::diff::{Change as CoreChange, DiffReport as CoreDiffReport};
use dpa_core::values::iso_date;
use pyo3::prelude::*;
use pyo3::types::PyDate;

use crate::agreement::agreement_arg;
use crate::convert::{ArgNotified, DateArg, py_date, quote};
use crate::errors::guard_detached;
use crate::results::Deadline;

/// One change between two versions of an agreement.
#[pyclass(frozen, eq, hash, module = "dpa")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Change(CoreChange);

impl From<CoreChange> for Change {
    fn from(c: CoreChange) -> Self {
        Change(c)
    }
}

impl Hash for Change {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let c = &self.0;
        (c.kind, &c.path, &c.old_path, &c.description, &c.from, &c.to).hash(state);
        (&c.citation, c.effect, c.significant, &c.reason).hash(state);
        for r in &c.rights {
            r.kind.hash(state);
        }
    }
}

#[pymethods]
impl Change {
    /// What kind of change (`"sub-processor-added"`, ...).
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// The field path in the new file.
    #[getter]
    fn path(&self) -> &str {
        &self.0.path
    }

    /// The path in the old file, where it differs.
    #[getter]
    fn old_path(&self) -> Option<&str> {
        self.0.old_path.as_deref()
    }

    /// What changed, in English.
    #[getter]
    fn description(&self) -> &str {
        &self.0.description
    }

    /// The old value as text, or None.
    #[getter]
    fn old_value(&self) -> Option<&str> {
        self.0.from.as_deref()
    }

    /// The new value as text, or None.
    #[getter]
    fn new_value(&self) -> Option<&str> {
        self.0.to.as_deref()
    }

    /// The clauses the changed value rests on.
    #[getter]
    fn citation(&self) -> &str {
        &self.0.citation
    }

    /// `"reduces-protection"`, `"changes-processing"`, `"undetermined"`,
    /// `"favourable"` or `"editorial"`.
    #[getter]
    fn effect(&self) -> &'static str {
        self.0.effect.as_str()
    }

    /// Whether the change is significant (opens the termination window).
    #[getter]
    fn significant(&self) -> bool {
        self.0.significant
    }

    /// Why it is or is not significant.
    #[getter]
    fn reason(&self) -> &str {
        &self.0.reason
    }

    /// The rights of the client it opens (`"termination-window"`,
    /// `"sub-processor-objection"`).
    #[getter]
    fn rights(&self) -> Vec<&'static str> {
        self.0.rights.iter().map(|r| r.kind.as_str()).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "Change(kind={}, path={}, significant={})",
            quote(self.0.kind.as_str()),
            quote(&self.0.path),
            if self.0.significant { "True" } else { "False" }
        )
    }

    /// `kind path: description (significant|not significant: reason)`
    /// (`dpa-core`'s `Display` of a change).
    fn __str__(&self) -> String {
        self.0.to_string()
    }
}

/// Every change from `old` to `new` (two versions of an agreement), in a
/// stable order, each with whether it is significant and the rights it
/// opens. Version metadata (version, effective date, history) is not
/// compared. Computed with the interpreter released for large agreements.
#[pyfunction]
pub(crate) fn diff(
    py: Python<'_>,
    old: &Bound<'_, PyAny>,
    new: &Bound<'_, PyAny>,
) -> PyResult<Vec<Change>> {
    let (old, new) = (
        agreement_arg(old, "old")?.get(),
        agreement_arg(new, "new")?.get(),
    );
    let detach = old.large() || new.large();
    let (old, new) = (old.inner(), new.inner());
    let changes = guard_detached(py, detach, || Ok(dpa_core::diff::diff(old, new)))?;
    Ok(changes.into_iter().map(Change::from).collect())
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
/// `dpa diff OLD NEW --notified DATE` reports them. Computed with the
/// interpreter released for large agreements.
#[pyfunction]
pub(crate) fn diff_report(
    py: Python<'_>,
    old: &Bound<'_, PyAny>,
    new: &Bound<'_, PyAny>,
    notified: DateArg<ArgNotified>,
) -> PyResult<DiffReport> {
    let (old, new) = (
        agreement_arg(old, "old")?.get(),
        agreement_arg(new, "new")?.get(),
    );
    let detach = old.large() || new.large();
    let (old, new) = (old.inner(), new.inner());
    let report = guard_detached(py, detach, || {
        Ok(CoreDiffReport::new(old, new, notified.0)?)
    })
    .map_err(|e| e.range_at("notified"))?;
    Ok(DiffReport(report))
}
