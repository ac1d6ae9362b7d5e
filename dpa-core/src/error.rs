//! The one error type of `dpa-core`.

use std::fmt;

use crate::format::Format;

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

/// What a document that is not UTF-8 looks like instead, as far as its bytes
/// tell ([`EncodingError::looks_like`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LooksLike {
    /// Windows-1252 (or ISO 8859-1, its subset): bytes above 0x7F that are
    /// not UTF-8, no NUL bytes, and none of the five byte values
    /// Windows-1252 leaves undefined.
    Windows1252,
    /// UTF-16, little-endian: a byte-order mark `FF FE`, or NUL bytes at
    /// the odd offsets of ASCII text.
    Utf16Le,
    /// UTF-16, big-endian: a byte-order mark `FE FF`, or NUL bytes at the
    /// even offsets of ASCII text.
    Utf16Be,
    /// Not text: NUL bytes or bytes no text encoding used here has.
    Binary,
}

impl LooksLike {
    /// How the guess is named in messages.
    pub const fn name(self) -> &'static str {
        match self {
            LooksLike::Windows1252 => "Windows-1252 (Latin-1)",
            LooksLike::Utf16Le => "UTF-16 (little-endian)",
            LooksLike::Utf16Be => "UTF-16 (big-endian)",
            LooksLike::Binary => "binary data, not text",
        }
    }
}

/// A document that is not UTF-8: [`Error::NotUtf8`]. Says where the first
/// byte that is not UTF-8 is (offset, line and column) and what the bytes
/// look like instead, so that the file can be saved again as UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodingError {
    pub(crate) offset: usize,
    pub(crate) position: Position,
    pub(crate) byte: Option<u8>,
    pub(crate) looks_like: LooksLike,
}

impl EncodingError {
    /// Byte offset of the first byte that is not UTF-8 (0 for a document
    /// whose whole encoding is another, such as UTF-16 with a byte-order
    /// mark).
    pub fn offset(&self) -> usize {
        self.offset
    }
    /// The line and column of that byte (the column counts the characters
    /// before it on its line).
    pub fn position(&self) -> Option<Position> {
        Some(self.position)
    }
    /// What the document looks like instead of UTF-8.
    pub fn looks_like(&self) -> LooksLike {
        self.looks_like
    }
    /// What is wrong and what to do, without the position (the command
    /// prints the position before it).
    pub fn message(&self) -> String {
        let mut s = String::from("not valid UTF-8 (");
        if let Some(b) = self.byte {
            s.push_str(&format!("the byte 0x{b:02X}, "));
        }
        s.push_str(&format!("first invalid byte at offset {})", self.offset));
        match self.looks_like {
            LooksLike::Windows1252 => {
                s.push_str(": it looks like Windows-1252 (Latin-1)");
                // 0xA0-0xFF are the same characters in Windows-1252 and
                // ISO 8859-1 as in Unicode.
                if let Some(b @ 0xA0..=0xFF) = self.byte {
                    s.push_str(&format!(", where 0x{b:02X} is `{}`", char::from(b)));
                }
                s.push_str("; save the file as UTF-8");
            }
            LooksLike::Utf16Le | LooksLike::Utf16Be => {
                s.push_str(&format!(
                    ": it looks like {}; save the file as UTF-8",
                    self.looks_like.name()
                ));
            }
            LooksLike::Binary => s.push_str(": it looks like binary data, not text"),
        }
        s
    }
}

impl fmt::Display for EncodingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = self.message();
        let rest = message.strip_prefix("not valid UTF-8").unwrap_or(&message);
        write!(f, "document is not valid UTF-8 at {}{rest}", self.position)
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
    /// Input read from a stream (a pipe, a device, standard input) passed
    /// [`crate::limits::MAX_DOCUMENT_BYTES`]; reading stopped there, so its
    /// whole size is not known.
    #[error("document is more than the limit of {limit} bytes (reading stopped there)")]
    StreamTooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// Reading the input failed (the document reader, `read_document`).
    #[error("cannot read: {0}")]
    Io(Box<IoError>),
    /// The input is not UTF-8: where, and what it looks like instead
    /// (Windows-1252, UTF-16). (Boxed, as [`Error::Syntax`].)
    #[error("{0}")]
    NotUtf8(Box<EncodingError>),
    /// A computation left the supported range (e.g. a date beyond year
    /// 9999), or numbers that name no date of the years 1 to 9999.
    #[error("{0}")]
    OutOfRange(RangeError),
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

/// A result outside the supported range: [`Error::OutOfRange`]. Dates are
/// supported in the years [`MIN_YEAR`](crate::limits::MIN_YEAR) to
/// [`MAX_YEAR`](crate::limits::MAX_YEAR) (1 to 9999), by every function of
/// the crate and so by every binding.
///
/// Made without allocating for the date arithmetic of the `calendar` module
/// (a batch that fails does not pay for a message it may never show); the
/// message is written by `Display`, here, once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeError(RangeKind);

#[derive(Debug, Clone, PartialEq, Eq)]
enum RangeKind {
    Months {
        date: time::Date,
        months: i32,
    },
    Days {
        date: time::Date,
        days: i64,
    },
    /// A year the holidays of the Algemene termijnenwet are asked for:
    /// outside the years 1 to 9999, or before the Act (1965).
    Year(i32),
    NoSuchDate {
        year: i32,
        month: u32,
        day: u32,
    },
    /// A month of a stated date (`2023-13`) that does not exist.
    NoSuchMonth {
        year: i32,
        month: u32,
    },
    /// The year of a stated date (`0000`) outside the years 1 to 9999.
    NoSuchYear(i32),
    Message(Box<str>),
    /// Another kind, computed from the input at a path (`events[3]`);
    /// boxed, so that the error stays three words.
    At(Box<(Box<str>, RangeKind)>),
}

impl RangeError {
    pub(crate) fn months(date: time::Date, months: i32) -> Self {
        RangeError(RangeKind::Months { date, months })
    }

    pub(crate) fn days(date: time::Date, days: i64) -> Self {
        RangeError(RangeKind::Days { date, days })
    }

    pub(crate) fn year(year: i32) -> Self {
        RangeError(RangeKind::Year(year))
    }

    pub(crate) fn no_such_date(year: i32, month: u32, day: u32) -> Self {
        RangeError(RangeKind::NoSuchDate { year, month, day })
    }

    pub(crate) fn no_such_month(year: i32, month: u32) -> Self {
        RangeError(RangeKind::NoSuchMonth { year, month })
    }

    pub(crate) fn no_such_year(year: i32) -> Self {
        RangeError(RangeKind::NoSuchYear(year))
    }

    /// The path of the input the result was computed from, where the
    /// computation names one ([`Error::at_input`]).
    pub fn path(&self) -> Option<&str> {
        match &self.0 {
            RangeKind::At(at) => Some(&at.0),
            _ => None,
        }
    }
}

impl fmt::Display for RangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for RangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const YEARS: &str = "is outside the years 1 to 9999";
        match self {
            RangeKind::Months { date, months } => {
                write!(f, "out of range: {date} + {months} months {YEARS}")
            }
            RangeKind::Days { date, days } => {
                write!(f, "out of range: {date} + {days} days {YEARS}")
            }
            // 1965: `calendar::ATW_IN_FORCE` (this module is a leaf).
            RangeKind::Year(year @ crate::limits::MIN_YEAR..1965) => write!(
                f,
                "out of range: year {year} is before the Algemene termijnenwet came into force (1 April 1965), so it has no holidays under the Act"
            ),
            RangeKind::Year(year) => write!(f, "out of range: year {year} {YEARS}"),
            RangeKind::NoSuchDate { year, month, day } => {
                let why = if !(crate::limits::MIN_YEAR..=crate::limits::MAX_YEAR).contains(year) {
                    "the year must be from 1 to 9999"
                } else if !(1..=12).contains(month) {
                    "the month must be from 1 to 12"
                } else {
                    "no such day in that month"
                };
                write!(f, "{year:04}-{month:02}-{day:02} is not a date: {why}")
            }
            RangeKind::NoSuchMonth { year, month } => {
                let why = if (crate::limits::MIN_YEAR..=crate::limits::MAX_YEAR).contains(year) {
                    "the month must be from 01 to 12"
                } else {
                    "the year must be from 1 to 9999"
                };
                write!(f, "{year:04}-{month:02} is not a month: {why}")
            }
            RangeKind::NoSuchYear(year) => {
                write!(
                    f,
                    "{year:04} is not a year: the year must be from 1 to 9999"
                )
            }
            RangeKind::Message(m) => write!(f, "out of range: {m}"),
            RangeKind::At(at) => write!(f, "{}: {}", at.0, at.1),
        }
    }
}

impl From<RangeError> for Error {
    fn from(e: RangeError) -> Self {
        Error::OutOfRange(e)
    }
}

/// A failed read: [`Error::Io`]. Keeps what a binding needs to raise its
/// own kind of I/O error (the kind and the operating system's error number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoError {
    kind: std::io::ErrorKind,
    os_error: Option<i32>,
    message: String,
}

impl IoError {
    /// The kind of failure.
    pub fn kind(&self) -> std::io::ErrorKind {
        self.kind
    }

    /// The operating system's error number, where the failure has one.
    pub fn os_error(&self) -> Option<i32> {
        self.os_error
    }
}

impl fmt::Display for IoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(Box::new(IoError {
            kind: e.kind(),
            os_error: e.raw_os_error(),
            message: e.to_string(),
        }))
    }
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
            Error::OutOfRange(e) => e.path(),
            _ => None,
        }
    }

    /// The position in the document, where there is one.
    pub fn position(&self) -> Option<Position> {
        match self {
            Error::Syntax(e) => e.position(),
            Error::Invalid(e) => e.position(),
            Error::NotUtf8(e) => e.position(),
            _ => None,
        }
    }

    pub(crate) fn out_of_range(message: impl Into<String>) -> Self {
        Error::OutOfRange(RangeError(RangeKind::Message(
            message.into().into_boxed_str(),
        )))
    }

    /// An [`Error::InvalidArgument`] about a value, whose field the caller
    /// names where it knows it ([`Error::in_field`]; serde adds the path
    /// when the value is read from a document).
    #[cold]
    pub(crate) fn invalid_value(message: impl Into<String>) -> Self {
        Error::invalid_argument("", message)
    }

    /// An [`Error::Internal`]: a built-in table is broken.
    pub(crate) fn internal(message: impl Into<String>) -> Self {
        Error::Internal(message.into().into_boxed_str())
    }

    /// An [`Error::InvalidArgument`] for a name that is not one of `names`
    /// (a month rule, a deadline kind, ...): ``unknown month rule `x`:
    /// expected one of clamp, month-end-sticky, thirty-days``. The field is
    /// left for the caller to name ([`Error::in_field`]).
    ///
    /// The enumerations of this crate give this error from `FromStr`; a
    /// binding whose own enumeration adds a value (libdpa's
    /// `DPA_FORMAT_AUTO` beside the [`Format`]s) builds the same message
    /// with it.
    ///
    /// ```
    /// use dpa_core::Error;
    /// let e = Error::unknown_name("format", "yaml", &["auto", "toml", "json"]);
    /// assert_eq!(e.to_string(), "unknown format `yaml`: expected one of auto, toml, json");
    /// ```
    #[cold]
    pub fn unknown_name(label: &str, input: &str, names: &[&str]) -> Self {
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

    /// An [`Error::OutOfRange`] as computed from the input at `path` (an
    /// element of a list: `events[3]`), which its message and
    /// [`Error::path`] then name; a range error that already names its input,
    /// and any other error, as it is.
    ///
    /// ```
    /// use dpa_core::Error;
    /// let e = dpa_core::calendar::add_months(time::macros::date!(9999 - 12 - 01), 1, Default::default())
    ///     .map_err(Error::from)
    ///     .unwrap_err()
    ///     .at_input("events[0]");
    /// assert_eq!(e.path(), Some("events[0]"));
    /// assert_eq!(
    ///     e.to_string(),
    ///     "events[0]: out of range: 9999-12-01 + 1 months is outside the years 1 to 9999"
    /// );
    /// ```
    #[must_use]
    #[cold]
    pub fn at_input(self, path: &str) -> Self {
        match self {
            Error::OutOfRange(RangeError(kind)) if !matches!(kind, RangeKind::At(_)) => {
                Error::OutOfRange(RangeError(RangeKind::At(Box::new((path.into(), kind)))))
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

/// Marks the field a message is about ([`field_message`]).
pub(crate) const FIELD_MARK: char = '\u{1e}';

/// A message from a check of a whole table (a `TryFrom` of its document
/// form) that is about one of its fields: the error then names the field in
/// its path (`events[7].at`), not only the table (`events[7]`). The document
/// reader (its messages module) reads the field back; every document is
/// read through it.
pub(crate) fn field_message(field: &str, message: impl fmt::Display) -> String {
    format!("{FIELD_MARK}{field}{FIELD_MARK}{message}")
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
