//! The value classes of the answers every area gives: `Finding` and
//! `Deadline`, each wrapping the dpa-core value whose `Display` is its
//! `str()`.

use std::hash::{Hash, Hasher};

use dpa_core::deadline::{Deadline as CoreDeadline, Due};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime};

use crate::convert::{py_date, py_instant, quote, quote_opt, serde_name};

/// One consistency finding: a stable `code`, its `severity` (`"info"`,
/// `"warning"`, `"error"`), an English `message`, the `citation` it rests
/// on and, where one applies, the `path` of the field in the file.
#[pyclass(frozen, eq, hash, module = "dpa")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding(dpa_core::Finding);

impl From<dpa_core::Finding> for Finding {
    fn from(f: dpa_core::Finding) -> Self {
        Finding(f)
    }
}

impl Hash for Finding {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let f = &self.0;
        (f.code, f.severity, &f.message, &f.citation, &f.path).hash(state);
    }
}

#[pymethods]
impl Finding {
    /// The stable code, e.g. `"transfer-without-basis"`.
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code.as_str()
    }

    /// `"info"`, `"warning"` or `"error"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }

    /// What was found.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    /// The clauses and articles it rests on.
    #[getter]
    fn citation(&self) -> &str {
        &self.0.citation
    }

    /// The field path in the agreement file (or `events[N]`), or None.
    #[getter]
    fn path(&self) -> Option<&str> {
        self.0.path.as_deref()
    }

    fn __repr__(&self) -> String {
        format!(
            "Finding(code={}, severity={}, path={}, message={})",
            quote(self.0.code.as_str()),
            quote(self.0.severity.as_str()),
            quote_opt(self.0.path.as_deref()),
            quote(&self.0.message)
        )
    }

    /// `severity[code]: message (citation)`, as `dpa check` prints it
    /// (`dpa-core`'s `Display` of a finding).
    fn __str__(&self) -> String {
        self.0.to_string()
    }
}

/// A date as the agreement states it where it is not a day: a month
/// ("maart 2023", `"2023-03"`) or a year (`"2020"`), with the first and last
/// day it can mean. `Agreement.effective_date` gives one for a statement
/// that takes effect in a month or a year (a `datetime.date` for a day);
/// `Agreement.effective_stated_date` gives one always. Never read as its
/// 1st: compare with `earliest` and `latest` (docs/rules.md, "Dates as
/// stated").
#[pyclass(frozen, eq, hash, module = "dpa")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct StatedDate(pub(crate) dpa_core::values::StatedDate);

#[pymethods]
impl StatedDate {
    /// `"day"`, `"month"` or `"year"`.
    #[getter]
    fn precision(&self) -> &'static str {
        self.0.precision().as_str()
    }

    /// The first day it can mean.
    #[getter]
    fn earliest<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        py_date(py, self.0.earliest())
    }

    /// The last day it can mean.
    #[getter]
    fn latest<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        py_date(py, self.0.latest())
    }

    fn __repr__(&self) -> String {
        format!(
            "StatedDate({}, precision={})",
            quote(&self.0.to_string()),
            quote(self.0.precision().as_str())
        )
    }

    /// The text as the file writes it: `2026-06-08`, `2023-03` or `2020`.
    fn __str__(&self) -> String {
        self.0.to_string()
    }
}

/// One deadline in full.
#[pyclass(frozen, eq, module = "dpa")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Deadline(pub(crate) CoreDeadline);

#[pymethods]
impl Deadline {
    /// What it is for: `"deletion"`, `"breach-notice"`, ...
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// When: a date (inclusive, ending at 24:00 in the processor's time
    /// zone), an aware datetime in UTC, or None where there is no fixed term.
    #[getter]
    fn due<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        Ok(match self.0.due {
            Due::Date { date, .. } => Some(py_date(py, date)?.into_any()),
            Due::Instant(t) => Some(py_instant(py, t)?.into_any()),
            _ => None,
        })
    }

    /// The instant (UTC) by which it is met: the end of a date deadline's
    /// day, or the instant itself; None where there is no fixed term.
    #[getter]
    fn ends_at<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDateTime>>> {
        self.0
            .due
            .latest_instant()
            .map(|t| py_instant(py, t))
            .transpose()
    }

    /// `"no-later-than"` (a duty's last moment) or `"no-earlier-than"`
    /// (the first moment something is allowed), as the JSON of `dpa
    /// deadline` spells it.
    #[getter]
    fn bound(&self) -> String {
        serde_name(&self.0.bound)
    }

    /// The clauses and articles it rests on.
    #[getter]
    fn citation(&self) -> &str {
        &self.0.citation
    }

    /// The date before the Algemene termijnenwet moved it to a business
    /// day, or None where it did not move.
    #[getter]
    fn shifted_from<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        self.0.shift.map(|s| py_date(py, s.original())).transpose()
    }

    /// What else a reader should know, or None.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }

    /// Where the term the deadline rests on came from: `"stated"`,
    /// `"standard"`, `"assumed"` or `"not-stated"` (issue 15 point 2;
    /// docs/rules.md, "Provenance"). A deadline on a term not stated has
    /// no date (`due` is None) and the reason in `note`.
    #[getter]
    fn provenance(&self) -> &'static str {
        self.0.provenance.kind().as_str()
    }

    /// Why the file's author assumed the term, for an assumed one; else
    /// None.
    #[getter]
    fn provenance_reason(&self) -> Option<&str> {
        self.0.provenance.reason().map(|r| r.as_str())
    }

    fn __repr__(&self) -> String {
        format!(
            "Deadline(kind={}, due={}, bound={}, citation={})",
            quote(self.0.kind.as_str()),
            quote(&self.0.due.to_string()),
            quote(&self.bound()),
            quote(&self.0.citation)
        )
    }

    /// The due date or instant in ISO 8601 (or `none`) and the citation, as
    /// `dpa deadline` prints it.
    fn __str__(&self) -> String {
        self.0.to_string()
    }
}
