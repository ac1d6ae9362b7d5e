//! The one place where errors become Python exceptions.
//!
//! Every failure in the bindings is an [`Error`]; `impl From<Error> for
//! PyErr` below is the single mapping from it (and so from
//! [`dpa_core::Error`]) to the exception classes of the pure-Python module
//! `dpa.exceptions`:
//!
//! | Rust | Python |
//! |---|---|
//! | `dpa_core::Error::Syntax` | `ParseError` (`line`, `column`) |
//! | `dpa_core::Error::NotUtf8` | `ParseError` (`line`, `column` of the first byte that is not UTF-8) |
//! | `dpa_core::Error::TooLarge`, `StreamTooLarge` | `ParseError` |
//! | `dpa_core::Error::Invalid` | `ValidationError` (`path`, `line`, `column`) |
//! | `dpa_core::Error::OutOfRange`, [`Error::Range`] | `OutOfRange` (an `InvalidInput` and an `OverflowError`) |
//! | `dpa_core::Error::InvalidArgument`, [`Error::Input`] | `InvalidInput` (`path`) |
//! | `dpa_core::Error::Io` | `OSError` (its subclass for the errno, with `filename`) |
//! | any other `dpa_core::Error`, [`Error::Internal`] | `DpaError` |
//! | [`Error::Parse`] (a `str` document with a lone surrogate) | `ParseError` |
//! | [`Error::Type`] | `TypeError` |
//! | [`Error::Row`] (a bad row of a scheduled table) | `RowError` (an `InvalidInput`: `row`, `path` the column) |
//! | [`Error::NotAStatement`] (`import_statement` on a text that is no Data Pro Statement) | `NotAStatement` (an `InvalidInput`: `reason`, `path` `"statement"`) |
//!
//! The messages of `dpa-core`'s errors are its own (`Display`); the
//! bindings add only where the error came from: the file (`path: ...`) or
//! the element of a batch argument (`dates[3]: ...`, also the `path`).
//!
//! [`guard`] turns a Rust panic into [`Error::Internal`], so that no panic
//! reaches Python as `pyo3_runtime.PanicException` (a `BaseException`).

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::exceptions::{PyOSError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// Where a document that `dpa-core` refused came from. Decides whether its
/// line and column mean anything to the caller.
#[derive(Debug)]
pub(crate) enum Origin {
    /// Text the caller handed over.
    Text,
    /// A file the caller named.
    File(String),
    /// A document the bindings built from Python objects (a list of event
    /// dicts): its positions are not the caller's, so they are left out.
    Built,
}

/// Every failure of a call into `dpa._dpa`.
#[derive(Debug)]
pub(crate) enum Error {
    /// An error of `dpa-core`.
    Core {
        /// The error.
        error: dpa_core::Error,
        /// Where the document came from.
        origin: Origin,
    },
    /// A Python value that is not acceptable: a naive datetime, a datetime
    /// where a date is meant, an unknown name.
    Input {
        /// The argument or field at fault, where there is one.
        path: Option<String>,
        /// What is wrong and what was expected.
        message: String,
    },
    /// A Python value of the wrong type (raised as `TypeError`).
    Type(String),
    /// A value that cannot be converted to or from Python (a lateness
    /// beyond `timedelta`, a numpy day beyond any date): raised as
    /// `OutOfRange`, with the message as it is.
    Range {
        /// The argument or element at fault, where there is one.
        path: Option<String>,
        /// What is out of range.
        message: String,
    },
    /// An error of `dpa-core` about one element of a batch argument
    /// (`dates[3]`): raised as the error itself is, with `path` the element.
    Element {
        /// The element, e.g. `dates[3]`.
        path: String,
        /// The error.
        error: dpa_core::Error,
    },
    /// Text handed over as a document that is not a document: a `str`
    /// holding a lone surrogate, which has no UTF-8 form (raised as
    /// `ParseError`, as bytes that are not UTF-8 are).
    Parse(String),
    /// An exception raised by Python code the bindings called (a `tzinfo`'s
    /// `utcoffset`, an iterator): passed on as it is.
    Python(PyErr),
    /// A row of a table that cannot be scheduled (`Agreement.schedule`
    /// with `on_error="fail"`): raised as `RowError`, whose message is the
    /// one `dpa schedule` prints (`row 3: terminated_on: ...`).
    Row(dpa_arrow::RowError),
    /// A text `import_statement` was given that is not a Data Pro
    /// Statement: raised as `NotAStatement`, with the reason.
    NotAStatement {
        /// The whole message (the file, where one was read).
        message: String,
        /// Why it is not one (`dpa_core::import::not_a_statement`).
        reason: String,
    },
    /// A bug: a panic caught at the boundary, or an impossible state.
    Internal(String),
}

impl Error {
    /// An [`Error::Input`] about the argument or field `path`.
    pub(crate) fn input(path: Option<&str>, message: impl Into<String>) -> Self {
        Error::Input {
            path: path.map(str::to_owned),
            message: message.into(),
        }
    }

    /// The error about the element `path` of a collection (`dates[3]`,
    /// `events[0].at`): input, type and `dpa-core` errors name it.
    pub(crate) fn at(self, path: &str) -> Self {
        match self {
            Error::Core { error, .. } => Error::Element {
                path: path.to_owned(),
                error,
            },
            Error::Input {
                path: None,
                message,
            } => Error::Input {
                path: Some(path.to_owned()),
                message,
            },
            Error::Input {
                path: Some(inner),
                message,
            } => Error::Input {
                path: Some(format!("{path}.{inner}")),
                message,
            },
            Error::Type(m) => Error::Type(format!("{path}: {m}")),
            Error::Range {
                path: None,
                message,
            } => Error::Range {
                path: Some(path.to_owned()),
                message: format!("{path}: {message}"),
            },
            other => other,
        }
    }
}

impl Error {
    /// A result out of range (`dpa_core::Error::OutOfRange`) as about the
    /// argument `path` it was computed from (message and `path` name it);
    /// any other error as it is (it names its own field).
    pub(crate) fn range_at(self, path: &str) -> Self {
        match self {
            Error::Core {
                error: error @ dpa_core::Error::OutOfRange(_),
                ..
            } => Error::Element {
                path: path.to_owned(),
                error,
            },
            other => other,
        }
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error::Python(e)
    }
}

impl From<dpa_core::Error> for Error {
    fn from(error: dpa_core::Error) -> Self {
        Error::Core {
            error,
            origin: Origin::Text,
        }
    }
}

/// `Result` with [`Error`].
pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

/// Runs `f`, turning a panic into [`Error::Internal`]. `dpa-core` promises
/// not to panic on any input; this keeps that promise from resting on it
/// alone.
#[inline]
pub(crate) fn guard<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".to_owned());
            Err(Error::Internal(what))
        }
    }
}

/// [`guard`] with the interpreter released while `f` runs, when `detach`
/// (the caller's measure of the work: a long document, many
/// sub-processors or events); with it held otherwise, where releasing and
/// taking it back would cost more than other threads gain. `f` works on
/// Rust data only (no Python object crosses: `Ungil`).
#[inline]
pub(crate) fn guard_detached<T: Send>(
    py: Python<'_>,
    detach: bool,
    f: impl FnOnce() -> Result<T> + Send,
) -> Result<T> {
    if detach {
        py.detach(|| guard(f))
    } else {
        guard(f)
    }
}

/// The exception classes of `dpa.exceptions`.
#[derive(Debug, Clone, Copy)]
enum Class {
    DpaError,
    ParseError,
    ValidationError,
    InvalidInput,
    OutOfRange,
    RowError,
    NotAStatement,
}

impl Class {
    /// The class object, imported from `dpa.exceptions` once.
    fn type_object(self, py: Python<'_>) -> PyResult<Bound<'_, PyType>> {
        static DPA_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        static PARSE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        static INVALID_INPUT: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        static OUT_OF_RANGE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        static ROW_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        static NOT_A_STATEMENT: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        let (cell, name) = match self {
            Class::DpaError => (&DPA_ERROR, "DpaError"),
            Class::ParseError => (&PARSE_ERROR, "ParseError"),
            Class::ValidationError => (&VALIDATION_ERROR, "ValidationError"),
            Class::InvalidInput => (&INVALID_INPUT, "InvalidInput"),
            Class::OutOfRange => (&OUT_OF_RANGE, "OutOfRange"),
            Class::RowError => (&ROW_ERROR, "RowError"),
            Class::NotAStatement => (&NOT_A_STATEMENT, "NotAStatement"),
        };
        cell.import(py, "dpa.exceptions", name).cloned()
    }

    /// The exception `class(message, path, line, column)`; if
    /// `dpa.exceptions` cannot be imported, the error that says why.
    fn raise(
        self,
        py: Python<'_>,
        message: String,
        path: Option<String>,
        line: Option<usize>,
        column: Option<usize>,
    ) -> PyErr {
        match self.type_object(py) {
            Ok(ty) => PyErr::from_type(ty, (message, path, line, column)),
            Err(e) => e,
        }
    }
}

/// The message and class of a `dpa-core` error, with the position kept
/// only where it refers to the caller's text.
fn core_error(py: Python<'_>, error: dpa_core::Error, origin: Origin) -> PyErr {
    use dpa_core::Error as E;
    let positions = !matches!(origin, Origin::Built);
    let prefix = match &origin {
        Origin::File(f) => format!("{f}: "),
        _ => String::new(),
    };
    let position = if positions { error.position() } else { None };
    let (line, column) = (position.map(|p| p.line), position.map(|p| p.column));
    match error {
        E::Syntax(e) => Class::ParseError.raise(py, format!("{prefix}{e}"), None, line, column),
        E::Invalid(e) => {
            let message = if positions {
                e.to_string()
            } else if e.path().is_empty() {
                e.message().to_owned()
            } else {
                format!("{}: {}", e.path(), e.message())
            };
            let path = e.path().to_owned();
            Class::ValidationError.raise(py, format!("{prefix}{message}"), Some(path), line, column)
        }
        e @ E::NotUtf8(_) => {
            Class::ParseError.raise(py, format!("{prefix}{e}"), None, line, column)
        }
        e @ (E::TooLarge { .. } | E::StreamTooLarge { .. }) => {
            Class::ParseError.raise(py, format!("{prefix}{e}"), None, None, None)
        }
        E::OutOfRange(e) => {
            let path = e.path().map(str::to_owned);
            Class::OutOfRange.raise(py, format!("{prefix}{e}"), path, None, None)
        }
        E::Io(e) => io_error(&e, &origin),
        E::InvalidArgument(e) => Class::InvalidInput.raise(
            py,
            format!("{prefix}{e}"),
            Some(e.field().to_owned()),
            None,
            None,
        ),
        other => Class::DpaError.raise(py, format!("{prefix}{other}"), None, None, None),
    }
}

/// A failed read as the `OSError` Python's own `open` raises:
/// `OSError(errno, strerror, filename)` picks the subclass
/// (`FileNotFoundError`, ...) from the errno; without an errno, the
/// subclass of the kind of failure.
fn io_error(e: &dpa_core::error::IoError, origin: &Origin) -> PyErr {
    let text = e.to_string();
    let filename = match origin {
        Origin::File(f) => Some(f.clone()),
        _ => None,
    };
    match e.os_error() {
        Some(errno) => {
            let strerror = match text.rfind(" (os error") {
                Some(i) => text[..i].to_owned(),
                None => text,
            };
            PyOSError::new_err((errno, strerror, filename))
        }
        None => PyErr::from(std::io::Error::new(e.kind(), text)),
    }
}

/// A `dpa-core` error about the element `path` of a batch argument: the
/// message names the element, and so does `path` where the class has one.
fn element_error(py: Python<'_>, path: String, error: dpa_core::Error) -> PyErr {
    use dpa_core::Error as E;
    let class = match &error {
        E::OutOfRange(_) => Class::OutOfRange,
        E::InvalidArgument(_) => Class::InvalidInput,
        _ => return core_error(py, error, Origin::Built),
    };
    let message = format!("{path}: {error}");
    class.raise(py, message, Some(path), None, None)
}

impl From<Error> for PyErr {
    fn from(error: Error) -> PyErr {
        Python::attach(|py| match error {
            Error::Core { error, origin } => core_error(py, error, origin),
            Error::Input { path, message } => {
                let message = match &path {
                    Some(p) => format!("{p}: {message}"),
                    None => message,
                };
                Class::InvalidInput.raise(py, message, path, None, None)
            }
            Error::Type(message) => PyTypeError::new_err(message),
            Error::Parse(message) => Class::ParseError.raise(py, message, None, None, None),
            Error::Range { path, message } => {
                Class::OutOfRange.raise(py, message, path, None, None)
            }
            Error::Element { path, error } => element_error(py, path, error),
            Error::Row(e) => match Class::RowError.type_object(py) {
                Ok(ty) => PyErr::from_type(
                    ty,
                    (
                        e.to_string(),
                        e.column.clone(),
                        None::<usize>,
                        None::<usize>,
                        e.row,
                    ),
                ),
                Err(err) => err,
            },
            Error::NotAStatement { message, reason } => {
                match Class::NotAStatement.type_object(py) {
                    Ok(ty) => PyErr::from_type(
                        ty,
                        (message, "statement", None::<usize>, None::<usize>, reason),
                    ),
                    Err(err) => err,
                }
            }
            Error::Python(e) => e,
            Error::Internal(what) => Class::DpaError.raise(
                py,
                format!("internal error in dpa (please report it): {what}"),
                None,
                None,
                None,
            ),
        })
    }
}
