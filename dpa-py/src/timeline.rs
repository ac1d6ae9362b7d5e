//! The obligation timeline: events in, `dpa.Obligation`s out.
//!
//! Events come as an events document (TOML or JSON text, as `dpa deadlines
//! --events` reads, the format guessed by `dpa-core`) or as Python objects: a list of dicts (or any iterable
//! of mappings), or a mapping with an `"events"` list. Python objects are
//! turned into the JSON form of the events document, with `date`s as
//! `YYYY-MM-DD`, aware `datetime`s as instants with their offset, and keys
//! whose value is None left out; `dpa-core` then reads it as it reads a
//! file, so the rules and error messages are the same (`events[2].at: ...`).

use dpa_core::Format;
use dpa_core::document::sniff_format;
use dpa_core::limits::MAX_EVENTS;
use dpa_core::timeline::{
    Events, Lateness, Obligation as CoreObligation, Status, Timeline as CoreTimeline,
};
use dpa_core::values::{iso_date, iso_instant};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyBytes, PyDate, PyDateTime, PyDelta, PyFloat, PyInt, PyList, PyMapping, PyString,
    PyTuple,
};

use crate::convert::{
    DETACH_AT_BYTES, date_of, document_text, instant_of, py_date, py_when, quote, text_of,
    type_name,
};
use crate::errors::{Error, Origin, guard_detached};
use crate::results::{Deadline, Finding};

/// Nesting deeper than this in event values is refused (an event needs 1).
const MAX_DEPTH: usize = 16;

/// Timelines of at least this many events (and iCalendar documents of at
/// least this many obligations) are computed with the interpreter
/// released; below it, the work takes less than releasing and taking back
/// the interpreter costs when another thread holds it (BENCHMARKS.md,
/// "Python").
pub(crate) const DETACH_AT_EVENTS: usize = 256;

/// The events of `ob` and where they came from (for error positions).
///
/// Documents of [`DETACH_AT_BYTES`] or more (given, or built from Python
/// objects) are parsed with the interpreter released: a `str` or `bytes` is
/// immutable and held by the caller, so it is read in place.
pub(crate) fn events_of(ob: &Bound<'_, PyAny>) -> PyResult<(Events, Origin)> {
    let py = ob.py();
    // An events document: its format as `dpa-core` guesses it, as for a
    // file whose name does not say.
    if let Ok(s) = ob.cast::<PyString>() {
        let s = document_text(s, "events")?;
        let s: &str = &s;
        let events = guard_detached(py, s.len() >= DETACH_AT_BYTES, || {
            Ok(Events::from_text(s, sniff_format(s))?)
        })?;
        return Ok((events, Origin::Text));
    }
    if let Ok(b) = ob.cast::<PyBytes>() {
        let b = b.as_bytes();
        let events = guard_detached(py, b.len() >= DETACH_AT_BYTES, || {
            Ok(Events::from_bytes(b, None)?)
        })?;
        return Ok((events, Origin::Text));
    }
    let document = if let Ok(m) = ob.cast::<PyMapping>() {
        mapping_json(m, "", 0)?
    } else {
        let mut list = Vec::new();
        let items = ob.try_iter().map_err(|_| {
            Error::Type(format!(
                "events: expected an events document (str) or a list of dicts, got {}",
                type_name(ob)
            ))
        })?;
        for (i, item) in items.enumerate() {
            if i == MAX_EVENTS {
                // Refused before item MAX_EVENTS + 1 is converted, as the
                // document readers do.
                return Err(Error::input(
                    Some("events"),
                    format!("more than the limit of {MAX_EVENTS} events"),
                )
                .into());
            }
            let item = item?;
            let path = format!("events[{i}]");
            let Ok(m) = item.cast::<PyMapping>() else {
                return Err(Error::Type(format!(
                    "{path}: expected a dict, got {}",
                    type_name(&item)
                ))
                .into());
            };
            list.push(mapping_json(m, &path, 1)?);
        }
        serde_json::json!({ "events": list })
    };
    let text = serde_json::to_string(&document).map_err(|e| Error::Internal(e.to_string()))?;
    let events = guard_detached(py, text.len() >= DETACH_AT_BYTES, || {
        Events::from_text(&text, Format::Json).map_err(|error| Error::Core {
            error,
            origin: Origin::Built,
        })
    })?;
    Ok((events, Origin::Built))
}

/// A mapping as a JSON object; keys must be strings, None values are left out.
fn mapping_json(m: &Bound<'_, PyMapping>, path: &str, depth: usize) -> PyResult<serde_json::Value> {
    let mut object = serde_json::Map::new();
    for item in m.items()?.iter() {
        let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        let Ok(key) = key.cast::<PyString>() else {
            return Err(Error::Type(format!(
                "{}: keys must be str, got {}",
                if path.is_empty() { "events" } else { path },
                type_name(&key)
            ))
            .into());
        };
        let key = match text_of(key) {
            Ok(k) => k.into_owned(),
            Err(message) => {
                let at = if path.is_empty() { "events" } else { path };
                return Err(Error::input(Some(at), format!("a key is {message}")).into());
            }
        };
        if value.is_none() {
            continue;
        }
        let inner = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        object.insert(key, json_value(&value, &inner, depth + 1)?);
    }
    Ok(serde_json::Value::Object(object))
}

/// A Python value in an event as JSON.
fn json_value(ob: &Bound<'_, PyAny>, path: &str, depth: usize) -> PyResult<serde_json::Value> {
    use serde_json::Value;
    if depth > MAX_DEPTH {
        return Err(Error::input(Some(path), "nested too deeply").into());
    }
    if ob.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = ob.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if ob.is_instance_of::<PyInt>() {
        // Beyond 64 bits, no JSON number of the document holds it.
        return match ob.extract::<i64>() {
            Ok(n) => Ok(Value::from(n)),
            Err(_) => match ob.extract::<u64>() {
                Ok(n) => Ok(Value::from(n)),
                Err(_) => Err(Error::Range {
                    path: Some(path.to_owned()),
                    message: format!(
                        "{path}: out of range: an int beyond the 64-bit integers \
                         (-2**63 to 2**64 - 1)"
                    ),
                }
                .into()),
            },
        };
    }
    if let Ok(f) = ob.cast::<PyFloat>() {
        // NaN and the infinities have no JSON form; they are refused, not
        // read as absent.
        return match serde_json::Number::from_f64(f.value()) {
            Some(n) => Ok(Value::Number(n)),
            None => Err(
                Error::input(Some(path), format!("{} is not a finite number", f.value())).into(),
            ),
        };
    }
    if let Ok(s) = ob.cast::<PyString>() {
        return match text_of(s) {
            Ok(t) => Ok(Value::String(t.into_owned())),
            Err(message) => Err(Error::input(Some(path), message).into()),
        };
    }
    if ob.is_instance_of::<PyDateTime>() {
        let t = instant_of(ob).map_err(|e| e.at(path))?;
        return Ok(Value::String(iso_instant::format(t)));
    }
    if ob.is_instance_of::<PyDate>() {
        let d = date_of(ob).map_err(|e| e.at(path))?;
        return Ok(Value::String(iso_date::format(d)));
    }
    if let Ok(m) = ob.cast::<PyMapping>() {
        return mapping_json(m, path, depth);
    }
    if ob.is_instance_of::<PyList>() || ob.is_instance_of::<PyTuple>() {
        let mut out = Vec::new();
        for (i, item) in ob.try_iter()?.enumerate() {
            out.push(json_value(&item?, &format!("{path}[{i}]"), depth + 1)?);
        }
        return Ok(Value::Array(out));
    }
    Err(Error::Type(format!(
        "{path}: expected a str, date, aware datetime, number or bool, got {}",
        type_name(ob)
    ))
    .into())
}

/// One obligation (or right of the client) with its deadline and status.
#[pyclass(frozen, eq, module = "dpa")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Obligation(CoreObligation);

#[pymethods]
impl Obligation {
    /// What it is: `"deletion"`, `"backup-deletion"`, `"data-return"`,
    /// `"breach-notice"`, `"authority-notice"`, `"termination-window"`,
    /// `"sub-processor-objection"` or `"audit-notice"`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// Who owes it: `"processor"`, `"client"` or `"controller"`.
    #[getter]
    fn owner(&self) -> &'static str {
        self.0.owner.as_str()
    }

    /// What it concerns where several of a kind can exist (a breach id, a
    /// statement version, a sub-processor), or None.
    #[getter]
    fn subject(&self) -> Option<&str> {
        self.0.subject.as_deref()
    }

    /// The index of the event that started it, in the events as given.
    #[getter]
    fn event(&self) -> usize {
        self.0.event
    }

    /// When that event happened: a date, or an aware datetime (UTC).
    #[getter]
    fn triggered<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_when(py, self.0.triggered)
    }

    /// The deadline in full.
    #[getter]
    fn deadline(&self) -> Deadline {
        Deadline(self.0.deadline.clone())
    }

    /// The deadline's due date or instant (`deadline.due`), or None.
    #[getter]
    fn due<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        use dpa_core::deadline::Due;
        Ok(match self.0.deadline.due {
            Due::Date { date, .. } => Some(py_date(py, date)?.into_any()),
            Due::Instant(t) => Some(crate::convert::py_instant(py, t)?.into_any()),
            _ => None,
        })
    }

    /// `"pending"`, `"met"`, `"missed"` (a firm term not kept, or a return
    /// made impossible by deleting the data), `"exceeded"` (past a term
    /// stated "in principe"), `"done"` (done where only "without undue
    /// delay" is required), `"late"` (under "without undue delay", past
    /// `late_after`), `"suspended"` or `"expired"`.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }

    /// When it was done (met, done, or missed, exceeded or late and done
    /// after its term), or None.
    #[getter]
    fn done<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0.status.done().map(|on| py_when(py, on)).transpose()
    }

    /// For a missed, exceeded or late obligation, how late it was (or is so
    /// far) past its term or bound; else None (also for a return made
    /// impossible).
    #[getter]
    fn late_by<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDelta>>> {
        match self.0.status.late_by() {
            Some(by) => py_delta(py, by),
            None => Ok(None),
        }
    }

    /// For a notice of a breach, the time from the event that started it to
    /// the notice (or, while not given, to the end of the date asked); else
    /// None.
    #[getter]
    fn elapsed<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDelta>>> {
        match self.0.elapsed {
            Some(e) => py_delta(py, e),
            None => Ok(None),
        }
    }

    /// For a notice owed "without undue delay" (no fixed term), the instant
    /// (UTC) after which it is `"late"`; else None.
    #[getter]
    fn late_after<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDateTime>>> {
        self.0
            .late_after
            .map(|t| crate::convert::py_instant(py, t))
            .transpose()
    }

    /// For a suspended obligation, the date the legal hold was placed; else None.
    #[getter]
    fn suspended_since<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        match self.0.status {
            Status::Suspended { since } => py_date(py, since).map(Some),
            _ => Ok(None),
        }
    }

    /// For a return made impossible (the data deleted after it was asked
    /// for, and not returned), the date of the deletion; else None.
    #[getter]
    fn impossible_since<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        match self.0.status {
            Status::Impossible { since } => py_date(py, since).map(Some),
            _ => Ok(None),
        }
    }

    fn __repr__(&self) -> String {
        let mut s = format!(
            "Obligation(kind={}, owner={}, due={}, status={}",
            quote(self.0.kind.as_str()),
            quote(self.0.owner.as_str()),
            quote(&self.0.deadline.due.to_string()),
            quote(self.0.status.as_str())
        );
        if let Some(subject) = &self.0.subject {
            s.push_str(&format!(", subject={}", quote(subject)));
        }
        s.push(')');
        s
    }

    /// `kind owner due DUE status [subject]`: the line `dpa deadlines`
    /// prints for it, without its columns (`dpa-core`'s `Display` of an
    /// obligation; `from` for `due` where it is the earliest date of a right).
    fn __str__(&self) -> String {
        self.0.to_string()
    }
}

/// A lateness or a time elapsed as a `timedelta` (None for a kind of
/// duration this wheel does not know).
fn py_delta<'py>(py: Python<'py>, by: Lateness) -> PyResult<Option<Bound<'py, PyDelta>>> {
    let (days, seconds) = match by {
        Lateness::Days(d) => (d, 0),
        Lateness::Seconds(s) => (s.div_euclid(86_400), s.rem_euclid(86_400)),
        _ => return Ok(None),
    };
    let too_long = || Error::Range {
        path: None,
        message: format!("out of range: a duration of {by} is longer than a timedelta holds"),
    };
    let days = i32::try_from(days).map_err(|_| too_long())?;
    let seconds = i32::try_from(seconds).map_err(|_| too_long())?;
    PyDelta::new(py, days, seconds, 0, true).map(Some)
}

/// The result of `Agreement.timeline_report`: the obligations, the findings
/// about the events, and the date the statuses are as of.
#[pyclass(frozen, eq, module = "dpa")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Timeline(CoreTimeline);

impl From<CoreTimeline> for Timeline {
    fn from(t: CoreTimeline) -> Self {
        Timeline(t)
    }
}

impl Timeline {
    /// The obligations as Python values.
    pub(crate) fn obligations(&self) -> Vec<Obligation> {
        self.0.obligations.iter().cloned().map(Obligation).collect()
    }
}

#[pymethods]
impl Timeline {
    /// The date the statuses are as of (at its end, in the processor's time zone).
    #[getter]
    fn at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        py_date(py, self.0.at)
    }

    /// Every obligation, in the order of the events that started them.
    #[getter(obligations)]
    fn get_obligations(&self) -> Vec<Obligation> {
        self.obligations()
    }

    /// Events out of order or impossible (codes from `event-after-date` on).
    #[getter]
    fn findings(&self) -> Vec<Finding> {
        self.0.findings.iter().cloned().map(Finding::from).collect()
    }

    /// The timeline as `dpa deadlines FILE --events EVENTS --at AT` prints
    /// it (several lines, each ending in a newline).
    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "<dpa.Timeline at={} obligations={} findings={}>",
            iso_date::format(self.0.at),
            self.0.obligations.len(),
            self.0.findings.len()
        )
    }
}
