//! The one error type of `dpa-core`.

use std::fmt;

// `Format` belongs to `document`; re-exported here, where it was first
// defined, for the modules that still import it from here.
pub use crate::document::Format;

/// A place in a document: 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text` (clamped to the text's end).
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// A document that is not well-formed TOML or JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub(crate) format: Format,
    pub(crate) position: Option<Position>,
    pub(crate) message: String,
}

impl SyntaxError {
    /// The format the document was read as.
    pub fn format(&self) -> Format {
        self.format
    }
    /// Where the problem is, when the parser knows.
    pub fn position(&self) -> Option<Position> {
        self.position
    }
    /// What is wrong, in one line.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}", self.format)?;
        if let Some(p) = self.position {
            write!(f, " at {p}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A well-formed document that is not a valid agreement (or events list): a
/// missing or unknown key, a wrong type, or a value that breaks an invariant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub(crate) format: Option<Format>,
    pub(crate) path: String,
    pub(crate) position: Option<Position>,
    pub(crate) message: String,
}

impl ValidationError {
    /// The path of the offending field, e.g. `sub_processors[3].locations[0]`
    /// (empty for the document itself).
    pub fn path(&self) -> &str {
        &self.path
    }
    /// Where the offending value is in the document, when known.
    pub fn position(&self) -> Option<Position> {
        self.position
    }
    /// The format the document was read as, when it was read from text.
    pub fn format(&self) -> Option<Format> {
        self.format
    }
    /// What is wrong and what was expected.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str("document")?;
        } else {
            f.write_str(&self.path)?;
        }
        if let Some(p) = self.position {
            write!(f, " ({p})")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Every failure `dpa-core` reports. Nothing in the crate panics on bad input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text is not well-formed TOML or JSON. (Boxed, so that a
    /// `Result<Date>` stays small on the hot paths.)
    #[error("{0}")]
    Syntax(Box<SyntaxError>),
    /// The document is well-formed but not valid; the error names the field path.
    #[error("{0}")]
    Invalid(Box<ValidationError>),
    /// The input is larger than [`crate::limits::MAX_DOCUMENT_BYTES`]; refused before parsing.
    #[error("document is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge {
        /// The size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The input is not UTF-8.
    #[error("document is not valid UTF-8 (first invalid byte at offset {offset})")]
    NotUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A computation left the supported range (e.g. a date beyond year 9999).
    #[error("out of range: {0}")]
    OutOfRange(Box<str>),
    /// An argument to a function is not acceptable (e.g. an empty list of
    /// audits); [`ArgumentError::field`] names the argument. (Boxed, as
    /// [`Error::Syntax`].)
    #[error("{0}")]
    InvalidArgument(Box<ArgumentError>),
    /// A table built into the library (the transfer bases, the art. 28
    /// coverage, the designated days) is broken: a defect of the library,
    /// never of the caller's input. The message names the table and row.
    #[error("internal error: {0}")]
    Internal(Box<str>),
}

/// An argument to a function that is not acceptable: [`Error::InvalidArgument`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgumentError {
    field: String,
    message: String,
}

impl fmt::Display for ArgumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

impl std::error::Error for ArgumentError {}

impl ArgumentError {
    /// The argument or field at fault, e.g. `audits` (empty when the
    /// caller is to name it, see [`Error::in_field`]).
    pub fn field(&self) -> &str {
        &self.field
    }

    /// What is wrong and what was expected.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl Error {
    /// The field path the error concerns, where there is one.
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::Invalid(e) => Some(e.path()),
            Error::InvalidArgument(e) => Some(e.field()),
            _ => None,
        }
    }

    /// The position in the document, where there is one.
    pub fn position(&self) -> Option<Position> {
        match self {
            Error::Syntax(e) => e.position(),
            Error::Invalid(e) => e.position(),
            _ => None,
        }
    }

    pub(crate) fn out_of_range(message: impl Into<String>) -> Self {
        Error::OutOfRange(message.into().into_boxed_str())
    }

    /// An [`Error::Internal`]: a built-in table is broken.
    pub(crate) fn internal(message: impl Into<String>) -> Self {
        Error::Internal(message.into().into_boxed_str())
    }

    /// An [`Error::InvalidArgument`] for a name that is not one of `names`
    /// (a month rule, a deadline kind, ...): ``unknown month rule `x`:
    /// expected one of clamp, month-end-sticky, thirty-days``. The field is
    /// left for the caller to name ([`Error::in_field`]).
    #[cold]
    pub(crate) fn unknown_name(label: &str, input: &str, names: &[&str]) -> Self {
        Error::invalid_argument(
            "",
            format!(
                "unknown {label} `{}`: expected one of {}",
                input.escape_debug(),
                names.join(", ")
            ),
        )
    }

    /// The same error, naming `field` as the argument at fault where the
    /// error is about an argument and names none yet (an
    /// [`Error::InvalidArgument`] with an empty field). Other errors are
    /// returned unchanged.
    ///
    /// ```
    /// use dpa_core::calendar::MonthRule;
    /// let e = "monthly".parse::<MonthRule>().unwrap_err().in_field("rule");
    /// assert_eq!(e.path(), Some("rule"));
    /// assert_eq!(
    ///     e.to_string(),
    ///     "rule: unknown month rule `monthly`: expected one of clamp, month-end-sticky, thirty-days"
    /// );
    /// ```
    #[must_use]
    pub fn in_field(self, field: &str) -> Self {
        match self {
            Error::InvalidArgument(mut a) if a.field.is_empty() => {
                field.clone_into(&mut a.field);
                Error::InvalidArgument(a)
            }
            other => other,
        }
    }

    /// An [`Error::InvalidArgument`] about `field`.
    pub fn invalid_argument(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidArgument(Box::new(ArgumentError {
            field: field.into(),
            message: message.into(),
        }))
    }
}

impl From<ValidationError> for Error {
    fn from(e: ValidationError) -> Self {
        Error::Invalid(Box::new(e))
    }
}

impl From<SyntaxError> for Error {
    fn from(e: SyntaxError) -> Self {
        Error::Syntax(Box::new(e))
    }
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod size {
    /// The error stays small: every `Result<Date>` of the calendar carries
    /// it, and hot loops move the whole `Result` (BENCHMARKS.md).
    #[test]
    fn error_is_three_words() {
        assert_eq!(size_of::<super::Error>(), 24);
        assert_eq!(size_of::<super::Result<time::Date>>(), 24);
    }
}
