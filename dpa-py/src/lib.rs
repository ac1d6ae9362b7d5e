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
//! slots and advises the kernel on a buffer) and the type-checked date read
//! it uses (`convert.rs`); each block says why it is sound.
#![deny(unsafe_code)]

mod agreement;
mod calendar;
mod convert;
mod coverage;
mod diff;
mod errors;
mod results;
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
    use crate::agreement::{PyAgreement, SubProcessor};
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
    use crate::results::{Deadline, Finding, StatedDate};
    #[pymodule_export]
    use crate::timeline::{Obligation, Timeline};
    #[pymodule_export]
    use crate::transfers::{BasisAssessment, Transfer};

    #[pymodule_export]
    use crate::json_schema;

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
