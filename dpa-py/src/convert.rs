//! Dates and instants between Python and Rust.
//!
//! * A `datetime.date` argument becomes a [`time::Date`]. A
//!   `datetime.datetime` is a subclass of `date`, so it would pass a plain
//!   type check: it is refused explicitly ([`Error::Input`]), since a date
//!   and an instant are different things in an agreement.
//! * An aware `datetime.datetime` becomes an [`OffsetDateTime`], with the
//!   offset its `utcoffset()` gives (so `zoneinfo` zones work); a naive one
//!   is refused ([`Error::Input`]), never guessed.
//! * Results go back as `date` objects, or as aware datetimes in UTC.
//!   `dpa-core` gives no date outside the years 1 to 9999 (it refuses such a
//!   result itself, with [`dpa_core::Error::OutOfRange`]), and Python holds
//!   all of those years, so this conversion does not fail.
//! * Dates handed in as fields are checked by `dpa-core`
//!   ([`iso_date::from_parts`]), not here.

use dpa_core::values::iso_date;
use std::borrow::Cow;
use std::marker::PhantomData;

use pyo3::PyTypeInfo;
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{
    PyDate, PyDateAccess, PyDateTime, PyDelta, PyDeltaAccess, PyString, PyTimeAccess, PyTzInfo,
};
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use crate::errors::{Error, Result};

/// The days from 0001-01-01 (proleptic Gregorian) to 1970-01-01: numpy's
/// `datetime64[D]` counts days from the Unix epoch.
pub(crate) const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

/// Documents (texts, built event lists) at least this long are parsed with
/// the interpreter released: below it, releasing and taking it back costs
/// more than other threads gain.
pub(crate) const DETACH_AT_BYTES: usize = 256 * 1024;

/// The name of a function's argument, for the errors about it: pyo3 only
/// adds a note ("while processing 'n'"), where `dpa`'s exceptions name it in
/// their message and `path`.
pub(crate) trait ArgName {
    /// The argument's name, as the stubs spell it.
    const NAME: &'static str;
}

/// A marker type per argument name, for [`DateArg`], [`InstantArg`],
/// [`IntArg`] and [`TextArg`].
macro_rules! arg_names {
    ($($ty:ident = $name:literal),+ $(,)?) => {
        $(
            #[doc = concat!("The argument `", $name, "`.")]
            #[derive(Debug, Clone, Copy)]
            pub(crate) struct $ty;

            impl ArgName for $ty {
                const NAME: &'static str = $name;
            }
        )+
    };
}

arg_names!(
    ArgAgreementColumn = "agreement_column",
    ArgAt = "at",
    ArgAware = "aware",
    ArgD = "d",
    ArgDiscovered = "discovered",
    ArgDtstamp = "dtstamp",
    ArgImpact = "impact",
    ArgKind = "kind",
    ArgLastAudit = "last_audit",
    ArgN = "n",
    ArgNoticeGiven = "notice_given",
    ArgNotified = "notified",
    ArgOn = "on",
    ArgRemind = "remind",
    ArgRule = "rule",
    ArgTerminated = "terminated",
    ArgUidDomain = "uid_domain",
    ArgYear = "year",
);

/// A `datetime.date` argument (not a `datetime`), as a [`Date`]; an error
/// names the argument `N`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateArg<N: ArgName = ArgD>(pub(crate) Date, PhantomData<N>);

impl<N: ArgName> FromPyObject<'_, '_> for DateArg<N> {
    type Error = PyErr;

    #[inline]
    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        match date_of(&ob) {
            Ok(d) => Ok(DateArg(d, PhantomData)),
            Err(e) => Err(e.at(N::NAME).into()),
        }
    }
}

/// An `int` argument that must fit an `i32` (month counts, years); an error
/// names the argument `N`: a value of another type raises `TypeError`, an
/// int beyond the 32-bit range `OutOfRange`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct IntArg<N: ArgName>(pub(crate) i32, PhantomData<N>);

impl<N: ArgName> FromPyObject<'_, '_> for IntArg<N> {
    type Error = PyErr;

    #[inline]
    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        match ob.extract::<i32>() {
            Ok(n) => Ok(IntArg(n, PhantomData)),
            Err(e) => Err(int_error(&ob, e, N::NAME).into()),
        }
    }
}

/// The error for an int argument `name` that did not convert to an `i32`.
#[cold]
#[inline(never)]
fn int_error(ob: &Bound<'_, PyAny>, e: PyErr, name: &str) -> Error {
    let py = ob.py();
    if e.is_instance_of::<PyOverflowError>(py) {
        // `str` of a huge int may itself fail (Python's digit limit).
        let shown = ob
            .str()
            .ok()
            .and_then(|s| s.to_str().ok().map(str::to_owned))
            .filter(|s| s.len() <= 40)
            .unwrap_or_else(|| "the int".to_owned());
        Error::Range {
            path: Some(name.to_owned()),
            message: format!(
                "{name}: out of range: {shown} is beyond the 32-bit integers \
                 (-2147483648 to 2147483647)"
            ),
        }
    } else if e.is_instance_of::<PyTypeError>(py) {
        Error::Type(format!("{name}: expected an int, got {}", type_name(ob)))
    } else {
        Error::Python(e)
    }
}

/// A `str` argument (a name such as a kind or a rule); an error names the
/// argument `N`: a value of another type raises `TypeError`, a `str` with a
/// lone surrogate (which has no UTF-8 form) `InvalidInput`.
#[derive(Debug, Clone)]
pub(crate) struct TextArg<N: ArgName>(pub(crate) String, PhantomData<N>);

impl<N: ArgName> TextArg<N> {
    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl<N: ArgName> FromPyObject<'_, '_> for TextArg<N> {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        let Ok(s) = ob.cast::<PyString>() else {
            return Err(Error::Type(format!(
                "{}: expected a str, got {}",
                N::NAME,
                type_name(&ob)
            ))
            .into());
        };
        match text_of(&s) {
            Ok(t) => Ok(TextArg(t.into_owned(), PhantomData)),
            Err(message) => Err(Error::input(Some(N::NAME), message).into()),
        }
    }
}

/// The UTF-8 text of a `str`; for one holding a lone surrogate (which has
/// no UTF-8 form), the message that says where it is.
pub(crate) fn text_of<'a>(s: &'a Bound<'_, PyString>) -> std::result::Result<Cow<'a, str>, String> {
    match s.to_cow() {
        Ok(t) => Ok(t),
        Err(e) => Err(surrogate_message(s.py(), &e)),
    }
}

/// What a `UnicodeEncodeError` says about a `str` that is not valid text.
#[cold]
#[inline(never)]
fn surrogate_message(py: Python<'_>, e: &PyErr) -> String {
    let value = e.value(py);
    let start = value
        .getattr("start")
        .ok()
        .and_then(|s| s.extract::<usize>().ok());
    let code = start.and_then(|i| {
        let ch = value.getattr("object").ok()?.get_item(i).ok()?;
        py.import("builtins")
            .ok()?
            .getattr("ord")
            .ok()?
            .call1((ch,))
            .ok()?
            .extract::<u32>()
            .ok()
    });
    match (start, code) {
        (Some(i), Some(c)) => format!(
            "not valid Unicode text: the lone surrogate U+{c:04X} at index {i} has no UTF-8 form"
        ),
        _ => format!("not valid Unicode text: {e}"),
    }
}

/// A document handed over as a `str` (`name` is the argument): its UTF-8
/// text, or `ParseError` for a `str` with a lone surrogate, as for `bytes`
/// that are not UTF-8.
pub(crate) fn document_text<'a>(s: &'a Bound<'_, PyString>, name: &str) -> Result<Cow<'a, str>> {
    text_of(s).map_err(|message| Error::Parse(format!("{name}: {message}")))
}

/// The `path` argument of `from_file`: a `str`, `bytes` or `os.PathLike`,
/// as Python's `open` takes it. A path that no file can have (a lone
/// surrogate outside the file system's escapes, a NUL) raises
/// `InvalidInput`; another type, `TypeError`.
#[derive(Debug, Clone)]
pub(crate) struct PathArg(pub(crate) std::path::PathBuf);

impl FromPyObject<'_, '_> for PathArg {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        let py = ob.py();
        let path = match ob.call_method0(intern!(py, "__fspath__")) {
            Ok(p) => p,
            Err(_) => ob.to_owned(),
        };
        let path = if let Ok(b) = path.cast::<pyo3::types::PyBytes>() {
            bytes_path(b.as_bytes())?
        } else if path.is_instance_of::<PyString>() {
            match path.extract::<std::path::PathBuf>() {
                Ok(p) => p,
                Err(e) if e.is_instance_of::<pyo3::exceptions::PyUnicodeError>(py) => {
                    return Err(Error::input(Some("path"), surrogate_message(py, &e)).into());
                }
                Err(e) => return Err(e),
            }
        } else {
            return Err(Error::Type(format!(
                "path: expected str, bytes or os.PathLike, got {}",
                type_name(&ob)
            ))
            .into());
        };
        if path.as_os_str().as_encoded_bytes().contains(&0) {
            return Err(Error::input(Some("path"), "contains a NUL character").into());
        }
        Ok(PathArg(path))
    }
}

/// A path given as `bytes` (its bytes as they are, on Unix).
fn bytes_path(b: &[u8]) -> Result<std::path::PathBuf> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Ok(std::path::PathBuf::from(std::ffi::OsStr::from_bytes(b)))
    }
    #[cfg(not(unix))]
    {
        std::str::from_utf8(b)
            .map(std::path::PathBuf::from)
            .map_err(|e| Error::input(Some("path"), format!("not valid UTF-8: {e}")))
    }
}

/// A `datetime.date` argument (not a `datetime`) as its year, month and
/// day, for functions that work on the fields (no [`Date`] is built). It is
/// the argument `d` of `add_months`, which errors name.
///
/// The fields are packed into one integer (year in the high 16 bits, then
/// month, then day): the argument reaches the function inside a `Result`
/// in memory, and a tuple of three fields is stored there in two pieces
/// and read back in one, which the processor cannot forward (a stall of
/// about a tenth of a call, seen with `perf annotate`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct YmdArg(u32);

impl YmdArg {
    /// Packs a date's fields. Python stores the year in two bytes, so it
    /// fits in 16 bits.
    #[inline(always)]
    fn pack(year: i32, month: u8, day: u8) -> Self {
        YmdArg(((year as u32 & 0xffff) << 16) | (u32::from(month) << 8) | u32::from(day))
    }

    /// Year, month and day.
    #[inline(always)]
    pub(crate) fn fields(self) -> (i32, u8, u8) {
        ((self.0 >> 16) as i32, (self.0 >> 8) as u8, self.0 as u8)
    }
}

impl FromPyObject<'_, '_> for YmdArg {
    type Error = PyErr;

    #[inline]
    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        match ob.cast_exact::<PyDate>() {
            Ok(d) => Ok(YmdArg::pack(d.get_year(), d.get_month(), d.get_day())),
            Err(_) => {
                let (year, month, day) = ymd_of_other(&ob).map_err(|e| e.at("d"))?;
                Ok(YmdArg::pack(year, month, day))
            }
        }
    }
}

/// An aware `datetime.datetime` argument, as an [`OffsetDateTime`]; an
/// error names the argument `N`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct InstantArg<N: ArgName>(pub(crate) OffsetDateTime, PhantomData<N>);

impl<N: ArgName> FromPyObject<'_, '_> for InstantArg<N> {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        match instant_of(&ob) {
            Ok(t) => Ok(InstantArg(t, PhantomData)),
            Err(e) => Err(e.at(N::NAME).into()),
        }
    }
}

/// A `date` or an aware `datetime`, for functions that take either (the
/// argument `start`, which errors name).
#[derive(Debug, Clone, Copy)]
pub(crate) enum DateOrInstant {
    /// A date.
    Date(Date),
    /// An instant.
    Instant(OffsetDateTime),
}

impl FromPyObject<'_, '_> for DateOrInstant {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        let start = if ob.is_instance_of::<PyDateTime>() {
            instant_of(&ob).map(DateOrInstant::Instant)
        } else {
            date_of(&ob).map(DateOrInstant::Date)
        };
        Ok(start.map_err(|e| e.at("start"))?)
    }
}

/// The [`Date`] of a `date` object (refusing a `datetime`).
#[inline]
pub(crate) fn date_of(ob: &Bound<'_, PyAny>) -> Result<Date> {
    let (year, month, day) = ymd_of(ob)?;
    Ok(iso_date::from_parts(year, month.into(), day.into())?)
}

/// Year, month and day of a `date` object (refusing a `datetime`), as
/// Python holds them (so a real date of the years 1 to 9999).
#[inline(always)]
pub(crate) fn ymd_of(ob: &Bound<'_, PyAny>) -> Result<(i32, u8, u8)> {
    // The common case inline: an exact `date` is one pointer comparison.
    match ob.cast_exact::<PyDate>() {
        Ok(d) => Ok((d.get_year(), d.get_month(), d.get_day())),
        Err(_) => ymd_of_other(ob),
    }
}

/// The type `datetime.date`, looked up once for a loop over many objects.
#[derive(Clone, Copy)]
pub(crate) struct DateType(*mut pyo3::ffi::PyTypeObject);

impl DateType {
    /// `datetime.date` (imported with the datetime C API on first use).
    pub(crate) fn get(py: Python<'_>) -> Self {
        DateType(PyDate::type_object(py).as_type_ptr())
    }

    /// Year, month and day of `ob` if it is exactly a `date`; None for
    /// anything else (a subclass, a `datetime`, not a date: [`ymd_of`]
    /// tells). Returns plain values, where the `Result` of [`ymd_of`] would
    /// pass through memory in a loop.
    #[inline(always)]
    pub(crate) fn ymd(self, ob: &Bound<'_, PyAny>) -> Option<(i32, u8, u8)> {
        if ob.get_type_ptr() != self.0 {
            return None;
        }
        // SAFETY: the object's type is exactly `datetime.date`, so it is a
        // `PyDate` (the cast only skips the type check made here).
        #[allow(unsafe_code, reason = "CPython internals; see SAFETY")]
        let d = unsafe { ob.cast_unchecked::<PyDate>() };
        Some((d.get_year(), d.get_month(), d.get_day()))
    }
}

/// [`ymd_of`] for anything but an exact `date`: a subclass of `date`, a
/// `datetime` (refused), or not a date at all.
#[cold]
#[inline(never)]
fn ymd_of_other(ob: &Bound<'_, PyAny>) -> Result<(i32, u8, u8)> {
    if ob.is_instance_of::<PyDateTime>() {
        return Err(datetime_for_date());
    }
    match ob.cast::<PyDate>() {
        Ok(d) => Ok((d.get_year(), d.get_month(), d.get_day())),
        Err(_) => Err(not_a_date(ob)),
    }
}

/// The error for a `datetime` passed where a `date` is meant.
#[cold]
#[inline(never)]
fn datetime_for_date() -> Error {
    Error::input(
        None,
        "expected a date, got a datetime: a datetime is an instant, not a calendar date \
         (pass `value.date()` for its date in its own time zone)",
    )
}

#[cold]
#[inline(never)]
fn not_a_date(ob: &Bound<'_, PyAny>) -> Error {
    Error::Type(format!("expected a datetime.date, got {}", type_name(ob)))
}

/// The name of the type of `ob`, for messages.
pub(crate) fn type_name(ob: &Bound<'_, PyAny>) -> String {
    ob.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an object of unknown type".to_owned())
}

/// The instant of an aware `datetime` (naive ones are refused).
pub(crate) fn instant_of(ob: &Bound<'_, PyAny>) -> Result<OffsetDateTime> {
    let py = ob.py();
    let Ok(dt) = ob.cast::<PyDateTime>() else {
        return Err(Error::Type(format!(
            "expected an aware datetime.datetime, got {}",
            type_name(ob)
        )));
    };
    // `utcoffset()` asks the tzinfo about this very datetime, so it is right
    // for `zoneinfo` zones and honours `fold`; None means naive.
    let offset = dt.call_method0(intern!(py, "utcoffset"))?;
    if offset.is_none() {
        return Err(Error::input(
            None,
            "naive datetime: give it a time zone (e.g. `tzinfo=datetime.timezone.utc` or \
             `zoneinfo.ZoneInfo(\"Europe/Amsterdam\")`); an instant without a UTC offset \
             is refused, never guessed",
        ));
    }
    let delta = offset.cast::<PyDelta>().map_err(PyErr::from)?;
    if delta.get_microseconds() != 0 {
        return Err(Error::input(
            None,
            "UTC offsets with fractions of a second are not supported",
        ));
    }
    let seconds = i64::from(delta.get_days()) * 86_400 + i64::from(delta.get_seconds());
    let offset = i32::try_from(seconds)
        .ok()
        .and_then(|s| UtcOffset::from_whole_seconds(s).ok())
        .ok_or_else(|| Error::input(None, format!("UTC offset of {seconds} s is out of range")))?;
    let date = iso_date::from_parts(dt.get_year(), dt.get_month().into(), dt.get_day().into())?;
    let time = Time::from_hms_micro(
        dt.get_hour(),
        dt.get_minute(),
        dt.get_second(),
        dt.get_microsecond(),
    )
    .map_err(|e| Error::input(None, e.to_string()))?;
    Ok(PrimitiveDateTime::new(date, time).assume_offset(offset))
}

/// `d` (a date `dpa-core` gave, so of the years 1 to 9999) as a Python
/// `date`.
#[inline]
pub(crate) fn py_date(py: Python<'_>, d: Date) -> PyResult<Bound<'_, PyDate>> {
    PyDate::new(py, d.year(), u8::from(d.month()), d.day())
}

/// `t` (an instant `dpa-core` gave, so of the years 1 to 9999 in UTC) as an
/// aware Python `datetime` in UTC.
pub(crate) fn py_instant(py: Python<'_>, t: OffsetDateTime) -> PyResult<Bound<'_, PyDateTime>> {
    let u = t.to_offset(UtcOffset::UTC);
    let utc = PyTzInfo::utc(py)?;
    PyDateTime::new(
        py,
        u.year(),
        u8::from(u.month()),
        u.day(),
        u.hour(),
        u.minute(),
        u.second(),
        u.microsecond(),
        Some(&utc),
    )
}

/// A date or an instant of `dpa-core` as a Python `date` or UTC `datetime`.
pub(crate) fn py_when(
    py: Python<'_>,
    when: dpa_core::timeline::When,
) -> PyResult<Bound<'_, PyAny>> {
    use dpa_core::timeline::When;
    Ok(match when {
        When::Date(d) => py_date(py, d)?.into_any(),
        When::Instant(t) => py_instant(py, t)?.into_any(),
        other => {
            return Err(Error::Internal(format!("unknown kind of time {other:?}")).into());
        }
    })
}

/// Today's date in UTC, the default of `at` arguments (as `dpa check`).
pub(crate) fn today_utc() -> Date {
    OffsetDateTime::now_utc().date()
}

/// `s` quoted as Python's `repr` quotes a `str`: single quotes unless the
/// text holds a single quote and no double quote; backslashes, the quote,
/// and control characters escaped.
pub(crate) fn quote(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// A list of strings as Python's `repr` shows it.
pub(crate) fn quote_list(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", inner.join(", "))
}

/// An optional string as Python's `repr` shows it.
pub(crate) fn quote_opt(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_owned(), quote)
}

/// The name serde gives a value of `dpa-core` (its kebab-case file form).
pub(crate) fn serde_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(e) => format!("<{e}>"),
    }
}
