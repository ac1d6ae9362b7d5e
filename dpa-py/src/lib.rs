//! Python bindings of `dpa-core`: the native module `dpa._dpa` of the `dpa`
//! wheel.
//!
//! The Python package `dpa` (in `python/dpa/`) re-exports everything public
//! from here; its exceptions live in the pure-Python module `dpa.exceptions`
//! and are raised from Rust through one mapping point (`src/errors.rs`). The
//! bindings hold no rules of their own: every date, deadline and finding is
//! computed by `dpa-core`.
//!
//! Build and install with `pip install ./dpa-py` (maturin is the PEP 517
//! backend); see `docs/python.md`.
//!
//! Unsafe code is denied except for the batch path of `add_months_many`
//! (`calendar.rs`: it reads a list's items in place, fills a new list's
//! slots and advises the kernel on a buffer), the type-checked date read
//! it uses (`convert.rs`) and the import of Arrow C structures from their
//! capsules (`schedule.rs`); each block says why it is sound.
#![deny(unsafe_code)]

mod agreement;
mod calendar;
mod convert;
mod coverage;
mod diff;
mod errors;
mod import;
mod results;
#[allow(
    unsafe_code,
    reason = "Arrow C structures imported from capsules; see SAFETY"
)]
mod schedule;
mod timeline;
mod transfers;

use pyo3::prelude::*;

/// The module's Rust allocations (the model read from a document, the
/// buffers of the batch paths) come from mimalloc, as in pydantic-core:
/// reading an agreement makes many small strings and vectors, and mimalloc
/// makes and frees them about a fifth faster than the system allocator
/// (BENCHMARKS.md). Python's own objects still come from Python's allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The native half of the `dpa` package. Import `dpa`, not this module.
#[pymodule(name = "_dpa")]
mod native {
    use pyo3::prelude::*;

    #[pymodule_export]
    use crate::agreement::{PyAgreement, SubProcessor, TransferIterator};
    #[pymodule_export]
    use crate::calendar::{
        _noop, add_months, add_months_many, is_nl_business_day, is_nl_public_holiday,
        next_business_day, nl_public_holiday_name, nl_public_holidays,
    };
    #[pymodule_export]
    use crate::coverage::Art28Coverage;
    #[pymodule_export]
    use crate::diff::{Change, DiffReport, diff, diff_report};
    #[pymodule_export]
    use crate::import::{
        ClauseDeviation, ClauseReview, ImportDraft, ImportReview, ReviewItem, ReviewValue,
        import_statement,
    };
    #[pymodule_export]
    use crate::results::{Deadline, Finding, StatedDate};
    #[pymodule_export]
    use crate::timeline::{Obligation, Timeline};
    #[pymodule_export]
    use crate::transfers::{BasisAssessment, Transfer};

    #[pymodule_export]
    use crate::json_schema;
    #[pymodule_export]
    use crate::schedule_by_column as schedule;

    /// Adds `__version__`, the package version from Cargo.toml (its single
    /// source), and keeps the benchmark hook `_noop` out of `__all__`: it is
    /// importable as `dpa._dpa._noop`, but not public.
    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        let all = m.index()?;
        if let Some(i) = all
            .iter()
            .position(|name| name.extract::<&str>().is_ok_and(|n| n == "_noop"))
        {
            all.del_item(i)?;
        }
        Ok(())
    }
}

/// The JSON Schema (draft 2020-12) of the agreement format, as JSON text:
/// what `dpa schema` prints.
#[pyfunction]
fn json_schema() -> PyResult<String> {
    errors::guard(|| {
        serde_json::to_string_pretty(&dpa_core::schema::json_schema())
            .map_err(|e| errors::Error::Internal(e.to_string()))
    })
    .map_err(PyErr::from)
}

/// The deadlines of a table whose rows are under several agreements: the
/// column `agreement_column` names each row's agreement, a key of
/// `agreements` (a mapping of names to `Agreement`s). Otherwise as
/// `Agreement.schedule`; a row naming no agreement of the mapping is a bad
/// row (`RowError`, or skipped).
#[pyfunction]
#[pyo3(name = "schedule", signature = (data, agreements, *, agreement_column, at = None, columns = None, on_error = "fail", detail = false, deadlines = None))]
#[expect(
    clippy::too_many_arguments,
    reason = "the keyword arguments of a Python function"
)]
fn schedule_by_column<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    agreements: &Bound<'py, PyAny>,
    agreement_column: convert::TextArg<convert::ArgAgreementColumn>,
    at: Option<convert::DateArg<convert::ArgAt>>,
    columns: Option<Bound<'py, PyAny>>,
    on_error: &str,
    detail: bool,
    deadlines: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    // The agreements stay referenced by `held` for the whole call.
    let held = agreement::agreements_by_name(agreements)?;
    let source = schedule::Source::ByName {
        agreements: held
            .iter()
            .map(|(name, a)| (name.clone(), a.get().inner()))
            .collect(),
        column: agreement_column.as_str().to_owned(),
    };
    let call = schedule::Call {
        at: at.map_or_else(convert::today_utc, |d| d.0),
        columns: columns.as_ref(),
        on_error,
        detail,
        deadlines: deadlines.as_ref(),
    };
    schedule::schedule(py, data, &source, &call)
}
