//! Sets PyO3's configuration flags (`Py_LIMITED_API`, `Py_GIL_DISABLED`, ...)
//! for this crate: the list fast path of `add_months_many` reads a list's
//! items in place, which only a GIL-holding, non-limited CPython build allows.

fn main() {
    pyo3_build_config::use_pyo3_cfgs();
}
