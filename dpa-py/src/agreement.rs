//! `dpa.Agreement` and its `SubProcessor` value class. The classes of its
//! answers are in `results` (findings, deadlines), `coverage`, `timeline`
//! and `transfers`; `diff` compares two agreements.

use std::hash::Hash;

use dpa_core::deadline::{Deadline as CoreDeadline, DeadlineKind, Impact, Start};
use dpa_core::model::NoticeTerm;
use dpa_core::timeline::{IcsOptions, Reminder, Timeline as CoreTimeline};
use dpa_core::{Agreement, Format};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDate, PyDateTime, PyString, PyTuple};
use time::Date;

use crate::convert::{
    ArgAt, ArgAware, ArgDiscovered, ArgDtstamp, ArgImpact, ArgKind, ArgLastAudit, ArgNoticeGiven,
    ArgNotified, ArgOn, ArgRemind, ArgTerminated, ArgUidDomain, DETACH_AT_BYTES, DateArg,
    DateOrInstant, InstantArg, PathArg, TextArg, date_of, document_text, py_date, py_instant,
    quote, quote_list, serde_name, today_utc,
};
use crate::coverage::{Art28Coverage, coverage_of};
use crate::errors::{Error, Origin, Result, guard, guard_detached};
use crate::results::{Deadline, Finding, StatedDate};
use crate::schedule::{Call, KeptPlan, Source, schedule};
use crate::timeline::{DETACH_AT_EVENTS, Obligation, Timeline, events_of};
use crate::transfers::Transfer;

/// Agreements with at least this many sub-processors are checked, assessed,
/// compared and written with the interpreter released (below it, the work
/// takes less than releasing and taking back the interpreter costs when
/// another thread holds it; BENCHMARKS.md, "Python").
pub(crate) const DETACH_AT_SUB_PROCESSORS: usize = 256;

/// The error of `dpa-core` about the file shown as `shown` (its messages
/// start with the file's name; a failed read is an `OSError` with it as
/// `filename`).
pub(crate) fn in_file(shown: &str) -> impl Fn(dpa_core::Error) -> Error + '_ {
    move |error| Error::Core {
        error,
        origin: Origin::File(shown.to_owned()),
    }
}

/// The bytes of the file at `path` (`shown` in the errors), read as the
/// `dpa` command reads a file: a regular file above 16 MiB is refused
/// unread, anything else (a pipe, a device) is read up to the limit. It
/// may block: call it with the interpreter released.
pub(crate) fn read_path(path: &std::path::Path, shown: &str) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|e| in_file(shown)(dpa_core::Error::from(e)))?;
    dpa_core::document::read_file(file).map_err(in_file(shown))
}

/// A data processing agreement: the Data Pro Statement, the standard
/// clauses with their deviations, and the operative terms. Immutable; read
/// it with `from_file`, `from_toml` or `from_json`.
#[pyclass(frozen, eq, module = "dpa", name = "Agreement")]
#[derive(Debug)]
pub(crate) struct PyAgreement {
    inner: Agreement,
    /// The plan of its last `schedule` call, with the due dates it computed
    /// per event day (a next call on a table of the same schema with the
    /// same settings takes them up).
    kept: KeptPlan,
}

impl PartialEq for PyAgreement {
    /// Equal agreements (the kept plan is no part of the value).
    fn eq(&self, other: &PyAgreement) -> bool {
        self.inner == other.inner
    }
}

/// The text of a `str` or `bytes` argument, parsed by `parse` (with the
/// interpreter released for large documents).
fn parse_text(py: Python<'_>, text: &Bound<'_, PyAny>, format: Format) -> PyResult<PyAgreement> {
    // A `str` or `bytes` is immutable and held by the caller for the whole
    // call, so its text is read in place, also with the interpreter released.
    let parsed = if let Ok(s) = text.cast::<PyString>() {
        let s = document_text(s, "text")?;
        let s: &str = &s;
        guard_detached(py, s.len() >= DETACH_AT_BYTES, || {
            Ok(Agreement::from_text(s, format)?)
        })
    } else if let Ok(b) = text.cast::<PyBytes>() {
        let b = b.as_bytes();
        guard_detached(py, b.len() >= DETACH_AT_BYTES, || {
            Ok(Agreement::from_bytes(b, Some(format))?)
        })
    } else {
        Err(Error::Type(format!(
            "text: expected str or bytes, got {}",
            crate::convert::type_name(text)
        )))
    }?;
    Ok(PyAgreement::from_core(parsed))
}

/// The `dpa.Agreement` argument `name`; anything else raises `TypeError`
/// naming it.
pub(crate) fn agreement_arg<'a, 'py>(
    ob: &'a Bound<'py, PyAny>,
    name: &str,
) -> Result<&'a Bound<'py, PyAgreement>> {
    ob.cast::<PyAgreement>().map_err(|_| {
        Error::Type(format!(
            "{name}: expected a dpa.Agreement, got {}",
            crate::convert::type_name(ob)
        ))
    })
}

/// The agreements of `dpa.schedule`'s `agreements` mapping, by name.
pub(crate) fn agreements_by_name<'py>(
    mapping: &Bound<'py, PyAny>,
) -> Result<Vec<(String, Bound<'py, PyAgreement>)>> {
    let items = mapping.call_method0("items").map_err(|_| {
        Error::Type(format!(
            "agreements: expected a mapping of names to dpa.Agreement, got {}",
            crate::convert::type_name(mapping)
        ))
    })?;
    let mut out = Vec::new();
    for item in items.try_iter()? {
        let (name, agreement): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item?.extract()?;
        let name: String = name.extract().map_err(|_| {
            Error::Type(format!(
                "agreements: expected str names, got {}",
                crate::convert::type_name(&name)
            ))
        })?;
        let agreement = agreement_arg(&agreement, &format!("agreements[{name:?}]"))?;
        out.push((name, agreement.clone()));
    }
    Ok(out)
}

/// A date deadline's date (every date kind has one).
fn due_date(d: &CoreDeadline) -> Result<Date> {
    d.due
        .date()
        .ok_or_else(|| Error::Internal(format!("the {} deadline has no date", d.kind)))
}

impl PyAgreement {
    /// The Python object of an agreement of `dpa-core`.
    pub(crate) fn from_core(inner: Agreement) -> PyAgreement {
        PyAgreement {
            inner,
            kept: KeptPlan::default(),
        }
    }

    /// The agreement of `dpa-core`.
    pub(crate) fn inner(&self) -> &Agreement {
        &self.inner
    }

    /// The timeline of `events` (as `timeline` takes them) as of `at`
    /// (default: today, UTC), computed with the interpreter released for
    /// many events.
    fn core_timeline(
        &self,
        py: Python<'_>,
        events: &Bound<'_, PyAny>,
        at: Option<DateArg<ArgAt>>,
    ) -> Result<CoreTimeline> {
        let at = at.map_or_else(today_utc, |d| d.0);
        let (events, origin) = events_of(events).map_err(Error::from)?;
        let inner = &self.inner;
        guard_detached(py, events.events.len() >= DETACH_AT_EVENTS, move || {
            inner
                .timeline(&events, at)
                .map_err(|error| Error::Core { error, origin })
        })
    }

    /// Whether work on this agreement is long enough to release the
    /// interpreter for it.
    pub(crate) fn large(&self) -> bool {
        self.inner.statement.sub_processors.len() >= DETACH_AT_SUB_PROCESSORS
    }
}

/// The dates of a list (or other iterable) of `date`s, the argument `name`:
/// an element that is not a date is refused with its path (`audits[2]`).
fn dates_of(ob: &Bound<'_, PyAny>, name: &str) -> Result<Vec<Date>> {
    if ob.is_instance_of::<PyString>() || ob.is_instance_of::<PyBytes>() {
        return Err(Error::Type(format!(
            "{name}: expected a list of dates, got {}",
            crate::convert::type_name(ob)
        )));
    }
    let items = ob.try_iter().map_err(|_| {
        Error::Type(format!(
            "{name}: expected a list of dates, got {}",
            crate::convert::type_name(ob)
        ))
    })?;
    let mut dates = Vec::new();
    for (i, item) in items.enumerate() {
        let item = item?;
        dates.push(date_of(&item).map_err(|e| e.at(&format!("{name}[{i}]")))?);
    }
    Ok(dates)
}

#[pymethods]
impl PyAgreement {
    /// Reads an agreement file, as the `dpa` command reads one: TOML or
    /// JSON as the name says (`.toml`, `.json`, in any case), else as the
    /// text shows; `path` a `str`, `bytes` or `os.PathLike`, as `open` takes
    /// it. At most 16 MiB are read: a larger file is refused before
    /// reading, and a pipe or device that gives more stops there. The
    /// interpreter is released while the file is opened, read and parsed.
    #[staticmethod]
    fn from_file(py: Python<'_>, path: PathArg) -> PyResult<PyAgreement> {
        let path = path.0;
        let shown = path.display().to_string();
        let format = path.to_str().and_then(Format::of_file_name);
        // Opening and reading may block (a FIFO, a network file system), so
        // the interpreter is released for all of it, as Python's own `open`
        // and `read` release it; the cost is one release per file.
        let inner = py.detach(|| {
            guard(|| {
                let bytes = read_path(&path, &shown)?;
                Agreement::from_bytes(&bytes, format).map_err(in_file(&shown))
            })
        })?;
        Ok(PyAgreement::from_core(inner))
    }

    /// Reads an agreement from TOML text (`str`, or UTF-8 `bytes`); a text
    /// of 256 KiB or more is parsed with the interpreter released.
    #[staticmethod]
    fn from_toml(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PyAgreement> {
        parse_text(py, text, Format::Toml)
    }

    /// Reads an agreement from JSON text (`str`, or UTF-8 `bytes`); a text
    /// of 256 KiB or more is parsed with the interpreter released.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PyAgreement> {
        parse_text(py, text, Format::Json)
    }

    /// The agreement as TOML; `from_toml` reads it back to an equal value.
    /// Written with the interpreter released for large agreements.
    fn to_toml(&self, py: Python<'_>) -> PyResult<String> {
        let inner = &self.inner;
        Ok(guard_detached(py, self.large(), || Ok(inner.to_toml()?))?)
    }

    /// The agreement as JSON (the format `dpa show --format json` prints);
    /// `from_json` reads it back to an equal value. Written with the
    /// interpreter released for large agreements.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let inner = &self.inner;
        Ok(guard_detached(py, self.large(), || Ok(inner.to_json()?))?)
    }

    /// The processor's name (DPS 1.1).
    #[getter]
    fn processor_name(&self) -> &str {
        self.inner.statement.processor.name.as_str()
    }

    /// The version of the Data Pro Statement (`"1.3"`).
    #[getter]
    fn version(&self) -> String {
        self.inner.statement.version.to_string()
    }

    /// The date the statement takes effect: a `datetime.date` where the
    /// statement states the day, a `dpa.StatedDate` (precision, earliest,
    /// latest) where it states only the month or the year, never its 1st.
    #[getter]
    fn effective_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let e = self.inner.statement.effective_date;
        match e.day() {
            Some(d) => Ok(py_date(py, d)?.into_any()),
            None => Ok(Bound::new(py, StatedDate(e))?.into_any()),
        }
    }

    /// The date the statement takes effect as a `dpa.StatedDate`, whatever
    /// its precision (`"day"`, `"month"` or `"year"`).
    #[getter]
    fn effective_stated_date(&self) -> StatedDate {
        StatedDate(self.inner.statement.effective_date)
    }

    /// The edition of the standard clauses (`"nederland-ict-2018"`,
    /// `"nederland-ict-2019"`, `"nldigital-2025"`).
    #[getter]
    fn edition(&self) -> &'static str {
        self.inner.clauses.edition.as_str()
    }

    /// How months are added: `"clamp"`, `"month-end-sticky"` or `"thirty-days"`.
    #[getter]
    fn month_rule(&self) -> &'static str {
        self.inner.rules.month_rule.as_str()
    }

    /// Whether deadlines move off weekends and holidays: `"off"` or `"nl-atw"`.
    #[getter]
    fn business_days(&self) -> &'static str {
        self.inner.rules.business_days.as_str()
    }

    /// The processor's time zone (IANA name), in which date deadlines end.
    #[getter]
    fn time_zone(&self) -> &str {
        self.inner.rules.time_zone.as_str()
    }

    /// What a lifted legal hold does to the deletion deadline: `"at-once"`,
    /// `"remaining-term"` or `"full-term"`.
    #[getter]
    fn legal_hold_lift(&self) -> &'static str {
        self.inner.rules.legal_hold_lift.as_str()
    }

    /// The hours after a breach is discovered past which a notice owed
    /// "without undue delay" is `"late"` (1 to 72).
    #[getter]
    fn undue_delay_bound_hours(&self) -> u32 {
        u32::from(self.inner.rules.undue_delay_bound_hours.get())
    }

    /// The months after termination within which data is deleted (a year
    /// is 12), or None where the term is in days or weeks (see
    /// `deletion_term`) or the statement states no term.
    #[getter]
    fn deletion_months(&self) -> Option<u32> {
        self.inner.terms.deletion.term.and_then(|t| t.in_months())
    }

    /// The term after termination within which data is deleted, as the
    /// number and its unit: `(3, "months")`, `(30, "days")`, `(6, "weeks")`,
    /// `(1, "years")`; None where the statement states no deletion term
    /// (`provenance = "not-stated"`, issue 15 point 2).
    #[getter]
    fn deletion_term(&self) -> Option<(u16, &'static str)> {
        self.inner
            .terms
            .deletion
            .term
            .map(|t| (t.count(), t.unit().as_str()))
    }

    /// The hours within which the processor notifies a breach (a term in
    /// days is 24 hours a day), or None for "without undue delay" (no fixed
    /// term) and where the statement does not state a notice term.
    #[getter]
    fn breach_hours(&self) -> Option<u32> {
        self.inner.terms.breach.notice.and_then(NoticeTerm::hours)
    }

    /// The breach notice term as written: `(24, "hours")` or `(2, "days")`,
    /// or None for "without undue delay" and where the statement does not
    /// state a notice term.
    #[getter]
    fn breach_notice_term(&self) -> Option<(u16, &'static str)> {
        match self.inner.terms.breach.notice {
            Some(NoticeTerm::Within { term }) => Some((term.count(), term.unit().as_str())),
            _ => None,
        }
    }

    /// The written notice before an audit, as the number and its unit
    /// (`(14, "days")`), or None where the agreement states none.
    #[getter]
    fn audit_notice(&self) -> Option<(u16, &'static str)> {
        self.inner
            .terms
            .audit
            .notice
            .map(|t| (t.count(), t.unit().as_str()))
    }

    /// The client's window to terminate after a statement change, as the
    /// number and its unit (`(30, "days")`), or None where the statement
    /// does not state one.
    #[getter]
    fn termination_window(&self) -> Option<(u16, &'static str)> {
        self.inner
            .terms
            .statement_changes
            .termination_window
            .map(|t| (t.count(), t.unit().as_str()))
    }

    /// Where the statement keeps its sub-processor list when it refers to
    /// one ("see our website", `statement.sub_processors_by_reference`):
    /// the address, or None. Transfers of sub-processors named only there
    /// cannot be checked (`check()` reports `sub-processors-by-reference`).
    #[getter]
    fn sub_processors_by_reference(&self) -> Option<&str> {
        self.inner
            .statement
            .sub_processors_by_reference
            .as_ref()
            .map(|r| r.address.as_str())
    }

    /// The sub-processors the statement lists, in its order.
    #[getter]
    fn sub_processors(&self) -> Vec<SubProcessor> {
        self.inner
            .statement
            .sub_processors
            .iter()
            .map(|s| SubProcessor {
                name: s.name.as_str().to_owned(),
                purpose: s.purpose.as_str().to_owned(),
                countries: s.locations.iter().map(|l| l.as_str().to_owned()).collect(),
                transfer_basis: s
                    .transfer_bases
                    .iter()
                    .map(|b| b.as_str().to_owned())
                    .collect(),
                seat: s.seat.map(|c| c.as_str().to_owned()),
                access_from: s
                    .access_from
                    .iter()
                    .map(|c| c.as_str().to_owned())
                    .collect(),
                dpf_certified: s.dpf_certified,
                engagement: serde_name(&s.engagement),
                group: s.group.as_ref().map(|g| g.as_str().to_owned()),
                source: s.source.iter().map(|r| r.as_str().to_owned()).collect(),
            })
            .collect()
    }

    /// Every consistency finding as of `at` (default: today, UTC), in a
    /// stable order; see the findings catalogue in the README. Computed
    /// with the interpreter released for large agreements.
    #[pyo3(signature = (at = None))]
    fn check(&self, py: Python<'_>, at: Option<DateArg<ArgAt>>) -> PyResult<Vec<Finding>> {
        let at = at.map_or_else(today_utc, |d| d.0);
        let inner = &self.inner;
        let findings = guard_detached(py, self.large(), || Ok(inner.check(at)))?;
        Ok(findings.into_iter().map(Finding::from).collect())
    }

    /// The last day to delete the client's data after the agreement ended on
    /// `terminated` (DPS 1.11 / 12): the agreement's months under its month
    /// rule, inclusive; None where the statement does not state a deletion
    /// term (`provenance = "not-stated"`: `deadline("deletion", ...)` gives
    /// the reason).
    fn deletion_deadline<'py>(
        &self,
        py: Python<'py>,
        terminated: DateArg<ArgTerminated>,
    ) -> PyResult<Option<Bound<'py, PyDate>>> {
        let d = guard(|| Ok(self.inner.deletion_deadline(terminated.0)?))
            .map_err(|e| e.range_at("terminated"))?;
        d.due.date().map(|d| py_date(py, d)).transpose()
    }

    /// The last day backups must be free of the data, or None where the
    /// agreement ties it to a backup cycle of unstated length.
    fn backup_deletion_deadline<'py>(
        &self,
        py: Python<'py>,
        terminated: DateArg<ArgTerminated>,
    ) -> PyResult<Option<Bound<'py, PyDate>>> {
        let d = guard(|| Ok(self.inner.backup_deletion_deadline(terminated.0)?))
            .map_err(|e| e.range_at("terminated"))?;
        d.due.date().map(|d| py_date(py, d)).transpose()
    }

    /// The instant (UTC) by which the processor must notify the client of a
    /// breach discovered at `discovered` (an aware datetime), or None where
    /// the agreement says "without undue delay".
    fn breach_notice_deadline<'py>(
        &self,
        py: Python<'py>,
        discovered: InstantArg<ArgDiscovered>,
    ) -> PyResult<Option<Bound<'py, PyDateTime>>> {
        let d = guard(|| Ok(self.inner.breach_notice_deadline(discovered.0)?))
            .map_err(|e| e.range_at("discovered"))?;
        d.due
            .latest_instant()
            .map(|t| py_instant(py, t))
            .transpose()
    }

    /// The controller's 72 hours to notify the supervisory authority after
    /// becoming aware at `aware` (GDPR art. 33(1)), in UTC.
    fn authority_notice_deadline<'py>(
        &self,
        py: Python<'py>,
        aware: InstantArg<ArgAware>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let d = guard(|| Ok(self.inner.authority_notice_deadline(aware.0)?))
            .map_err(|e| e.range_at("aware"))?;
        match d.due.latest_instant() {
            Some(t) => py_instant(py, t),
            None => Err(Error::Internal("the authority notice has no instant".to_owned()).into()),
        }
    }

    /// The earliest date of the next audit after one held on `last_audit`.
    fn next_audit_allowed<'py>(
        &self,
        py: Python<'py>,
        last_audit: DateArg<ArgLastAudit>,
    ) -> PyResult<Bound<'py, PyDate>> {
        let d = guard(|| due_date(&self.inner.next_audit_allowed(last_audit.0)?))
            .map_err(|e| e.range_at("last_audit"))?;
        py_date(py, d)
    }

    /// The earliest date of the next audit given the dates of the audits
    /// held (a list or other iterable of dates, in any order): with at most
    /// N audits per period, the period runs from the N-th most recent one;
    /// with fewer than N in it, the next is allowed on the latest audit's
    /// date. An empty list raises `InvalidInput` (path `audits`).
    fn next_audit_allowed_after<'py>(
        &self,
        py: Python<'py>,
        audits: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDate>> {
        let audits = dates_of(audits, "audits")?;
        let d = guard(|| {
            due_date(
                &self
                    .inner
                    .next_audit_allowed_after(&audits)
                    .map_err(|e| e.in_field("audits"))?,
            )
        })
        .map_err(|e| e.range_at("audits"))?;
        py_date(py, d)
    }

    /// The earliest date of an audit announced in writing on `notice_given`.
    fn earliest_audit_date<'py>(
        &self,
        py: Python<'py>,
        notice_given: DateArg<ArgNoticeGiven>,
    ) -> PyResult<Bound<'py, PyDate>> {
        let d = guard(|| due_date(&self.inner.earliest_audit_date(notice_given.0)?))
            .map_err(|e| e.range_at("notice_given"))?;
        py_date(py, d)
    }

    /// The last day of the client's window to terminate after a statement
    /// change notified on `notified`; None where the statement does not
    /// state the window (`provenance = "not-stated"`).
    fn termination_window_end<'py>(
        &self,
        py: Python<'py>,
        notified: DateArg<ArgNotified>,
    ) -> PyResult<Option<Bound<'py, PyDate>>> {
        let d = guard(|| Ok(self.inner.termination_window_end(notified.0)?))
            .map_err(|e| e.range_at("notified"))?;
        d.due.date().map(|d| py_date(py, d)).transpose()
    }

    /// One deadline in full (due, bound, citation, business-day shift,
    /// note), as `dpa deadline KIND` computes it, by `dpa-core`'s one
    /// dispatcher. `start` is a date for the kinds that start on a date
    /// (`deletion`, `backup-deletion`, `next-audit`, `audit-notice`,
    /// `termination-window`) and an aware datetime for those that start at
    /// an instant (`breach-notice`, `authority-notice`, `service-response`,
    /// which needs `impact`, `"low"` or `"high"`). Kinds and impacts are
    /// spelled as in the agreement file; a wrong one, or a start of the
    /// wrong type, raises `InvalidInput` naming `kind`, `impact` or `start`.
    #[pyo3(signature = (kind, start, *, impact = None))]
    fn deadline(
        &self,
        kind: TextArg<ArgKind>,
        start: DateOrInstant,
        impact: Option<TextArg<ArgImpact>>,
    ) -> PyResult<Deadline> {
        let d = guard(|| {
            let kind: DeadlineKind = kind
                .as_str()
                .parse()
                .map_err(|e: dpa_core::Error| e.in_field("kind"))?;
            let impact = impact
                .map(|i| {
                    i.as_str()
                        .parse::<Impact>()
                        .map_err(|e| e.in_field("impact"))
                })
                .transpose()?;
            let start = match start {
                DateOrInstant::Date(d) => Start::Date(d),
                DateOrInstant::Instant(t) => Start::Instant(t),
            };
            Ok(self
                .inner
                .deadline(kind, start, impact)
                .map_err(|e| e.in_field("start"))?)
        })
        .map_err(|e| e.range_at("start"))?;
        Ok(Deadline(d))
    }

    /// Every obligation that `events` start, with its deadline and status as
    /// of the end of `at` (default: today, UTC), in the order of the events
    /// that started them. `events` is an events document (TOML or JSON text,
    /// told apart as `dpa-core` tells a file whose name does not say) or a
    /// list of dicts such as `{"kind": "agreement-terminated", "date":
    /// date(2026, 11, 30)}`; see docs/python.md. `timeline_report` also gives
    /// the findings. For 256 events or more (or a document of 256 KiB or
    /// more) the interpreter is released while the events are parsed and
    /// the timeline computed.
    #[pyo3(signature = (events, at = None))]
    fn timeline(
        &self,
        py: Python<'_>,
        events: &Bound<'_, PyAny>,
        at: Option<DateArg<ArgAt>>,
    ) -> PyResult<Vec<Obligation>> {
        Ok(self.timeline_report(py, events, at)?.obligations())
    }

    /// As `timeline`, with the findings about the events (out of order,
    /// impossible, after `at`) and the date the statuses are as of.
    #[pyo3(signature = (events, at = None))]
    fn timeline_report(
        &self,
        py: Python<'_>,
        events: &Bound<'_, PyAny>,
        at: Option<DateArg<ArgAt>>,
    ) -> PyResult<Timeline> {
        Ok(Timeline::from(self.core_timeline(py, events, at)?))
    }

    /// The timeline of `events` as of `at` (default: today, UTC), taking
    /// `events` as `timeline` does, as an iCalendar document (RFC 5545,
    /// CRLF line ends): one event per obligation with a fixed deadline (a
    /// single to-do saying so where none has one). UIDs depend on the
    /// agreement and each obligation, never on an event's place in the list,
    /// and end in `@` `uid_domain` (default `dpa.invalid`: set a domain you
    /// control); `dtstamp` (an aware `datetime`; default: now) is every
    /// DTSTAMP; `remind` (`"7d,1d"`: weeks, days or hours) adds a VALARM per
    /// reminder to every event. The same text as `dpa deadlines FILE
    /// --events EVENTS --at AT --format ics --uid-domain D --dtstamp T
    /// --remind R` prints. A bad option raises `InvalidInput` naming it.
    #[pyo3(signature = (events, at = None, *, uid_domain = None, dtstamp = None, remind = None))]
    fn timeline_ics(
        &self,
        py: Python<'_>,
        events: &Bound<'_, PyAny>,
        at: Option<DateArg<ArgAt>>,
        uid_domain: Option<TextArg<ArgUidDomain>>,
        dtstamp: Option<InstantArg<ArgDtstamp>>,
        remind: Option<TextArg<ArgRemind>>,
    ) -> PyResult<String> {
        let mut options = IcsOptions::default();
        if let Some(d) = uid_domain {
            options.uid_domain = d
                .as_str()
                .parse()
                .map_err(|e: dpa_core::Error| Error::from(e.in_field("uid_domain")))?;
        }
        if let Some(r) = remind {
            options.reminders =
                Reminder::parse_list(r.as_str()).map_err(|e| Error::from(e.in_field("remind")))?;
        }
        options.dtstamp = dtstamp.map(|t| t.0);
        let t = self.core_timeline(py, events, at)?;
        let inner = &self.inner;
        let detach = t.obligations.len() >= DETACH_AT_EVENTS;
        Ok(guard_detached(py, detach, || {
            Ok(t.to_ics_with(inner, &options)?)
        })?)
    }

    /// The deadlines of a whole table under this agreement, as `dpa
    /// schedule` computes them: `data` is a `pyarrow.RecordBatch` or
    /// `Table`, a polars or pandas `DataFrame`, or any object with
    /// `__arrow_c_stream__` or `__arrow_c_array__` (the Arrow PyCapsule
    /// interface), taken without a copy. Event columns (`terminated_on`,
    /// `breach_discovered_at`, `audit_held_on`, `audit_notice_on`,
    /// `change_notified_on`) and completions (`deleted_on`, ...) hold dates
    /// (`date32`, `date64`, text `YYYY-MM-DD`) or instants (a timestamp with
    /// a time zone, text with a UTC offset); `columns` maps an event column
    /// to the table's name for it (`{"terminated_on": "end_date"}`). The
    /// answer is the input columns (sharing the input's buffers) followed by
    /// each deadline's `*_due` and `*_status` (and `*_detail` with
    /// `detail=True`), statuses as of `at` (default: today, UTC): a
    /// `pyarrow.RecordBatch` for a record batch, a `pyarrow.Table` for
    /// anything else. A bad row raises `RowError` naming its row (from 1)
    /// and column under `on_error="fail"`; under `"skip"` it is left out and
    /// reported by a `SkippedRowsWarning`. `deadlines` names the deadlines
    /// to compute (`["deletion"]`; default: every deadline the table's
    /// event columns start), the result columns in their usual order. Needs pyarrow (`dpa[arrow]`);
    /// computed with the interpreter released. The agreement keeps the plan
    /// of its last call, with the due dates computed per event day: a next
    /// call on a table of the same columns with the same settings (`at`,
    /// `columns`, `on_error`, `detail`, `deadlines`) computes only the days
    /// it has not seen.
    #[pyo3(signature = (data, *, at = None, columns = None, on_error = "fail", detail = false, deadlines = None))]
    #[expect(
        clippy::too_many_arguments,
        reason = "the keyword arguments of a Python method"
    )]
    fn schedule<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        at: Option<DateArg<ArgAt>>,
        columns: Option<Bound<'py, PyAny>>,
        on_error: &str,
        detail: bool,
        deadlines: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let call = Call {
            at: at.map_or_else(today_utc, |d| d.0),
            columns: columns.as_ref(),
            on_error,
            detail,
            deadlines: deadlines.as_ref(),
        };
        schedule(py, data, &Source::One(&self.inner, &self.kept), &call)
    }

    /// For each item GDPR art. 28 requires of a processing agreement (art.
    /// 28(2), 28(3)(a)-(h), 28(4)), in article order, the agreement's
    /// clauses that cover it after its deviations: a clause the agreement
    /// removed no longer counts. An item without clauses is uncovered (the
    /// `art28-item-uncovered` finding of `check`).
    fn coverage(&self) -> PyResult<Vec<Art28Coverage>> {
        Ok(coverage_of(&self.inner)?)
    }

    /// How each sub-processor's data leaves the EEA, and whether the bases
    /// claimed for it are valid on `on` (GDPR chapter V): one `Transfer`
    /// per sub-processor, in listed order. Computed with the interpreter
    /// released for large agreements.
    fn assess_transfers(&self, py: Python<'_>, on: DateArg<ArgOn>) -> PyResult<Vec<Transfer>> {
        let inner = &self.inner;
        let assessed = guard_detached(py, self.large(), || Ok(inner.assess_transfers(on.0)?))?;
        Ok(assessed.into_iter().map(Transfer::from).collect())
    }

    /// `assess_transfers` one sub-processor at a time: an iterator of
    /// `Transfer`s, each assessed when the iteration reaches it, so that a
    /// script that writes or counts them holds one at a time (at the
    /// limits, the whole list is some 160 MB in Rust, and more as Python
    /// objects). The same values, in the same order, as `assess_transfers`.
    fn iter_transfers(slf: &Bound<'_, Self>, on: DateArg<ArgOn>) -> PyResult<TransferIterator> {
        // The reference table is read here, so that a malformed table is an
        // error of this call, not of the first step.
        dpa_core::transfers::instruments().map_err(Error::from)?;
        Ok(TransferIterator {
            agreement: slf.clone().unbind(),
            on: on.0,
            next: 0,
        })
    }

    /// The agreement as a value that pickles (through its JSON form).
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let json = slf.get().to_json(py)?;
        let ctor = slf.get_type().getattr("from_json")?;
        Ok((ctor, PyTuple::new(py, [json])?))
    }

    fn __repr__(&self) -> String {
        format!(
            "<dpa.Agreement processor={} version={} sub_processors={}>",
            quote(self.inner.statement.processor.name.as_str()),
            quote(&self.inner.statement.version.to_string()),
            self.inner.statement.sub_processors.len()
        )
    }
}

/// A sub-processor as the statement lists it.
#[pyclass(frozen, eq, hash, get_all, module = "dpa")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct SubProcessor {
    /// Its name.
    name: String,
    /// What it does for the processor.
    purpose: String,
    /// Where it processes data: ISO 3166-1 alpha-2 codes, or `"EU"` / `"EEA"`.
    countries: Vec<String>,
    /// The transfer bases claimed for it (`"scc-2021"`, `"eu-us-dpf"`, ...).
    transfer_basis: Vec<String>,
    /// Where it is established (ISO 3166-1 alpha-2), if stated.
    seat: Option<String>,
    /// The countries outside the EEA its staff or parent may reach the data
    /// from (ISO 3166-1 alpha-2): a transfer, wherever the data is stored.
    access_from: Vec<String>,
    /// Whether it is marked as certified under the EU-US Data Privacy Framework.
    dpf_certified: bool,
    /// `"always"` or `"depending-on-assignment"`.
    engagement: String,
    /// The group it belongs to, if stated.
    group: Option<String>,
    /// Where the statement lists it (`"DPS 1.9"`).
    source: Vec<String>,
}

#[pymethods]
impl SubProcessor {
    fn __repr__(&self) -> String {
        format!(
            "SubProcessor(name={}, purpose={}, countries={}, transfer_basis={})",
            quote(&self.name),
            quote(&self.purpose),
            quote_list(&self.countries),
            quote_list(&self.transfer_basis)
        )
    }
}

/// The iterator `Agreement.iter_transfers` returns: the agreement, the
/// date, and the position of the next sub-processor to assess.
#[pyclass(module = "dpa", name = "TransferIterator")]
pub(crate) struct TransferIterator {
    agreement: Py<PyAgreement>,
    on: Date,
    next: usize,
}

#[pymethods]
impl TransferIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// The next sub-processor's `Transfer`; `StopIteration` past the last.
    fn __next__(&mut self) -> PyResult<Option<Transfer>> {
        let inner = &self.agreement.get().inner;
        let next = guard(|| {
            Ok(dpa_core::transfers::transfer_assessment(
                inner, self.next, self.on,
            )?)
        })?;
        Ok(next.map(|t| {
            self.next += 1;
            Transfer::from(t)
        }))
    }

    /// How many sub-processors are left to assess.
    fn __length_hint__(&self) -> usize {
        let all = self.agreement.get().inner.statement.sub_processors.len();
        all.saturating_sub(self.next)
    }

    fn __repr__(&self) -> String {
        format!(
            "<dpa.TransferIterator on={} next={} of={}>",
            dpa_core::values::iso_date::format(self.on),
            self.next,
            self.agreement.get().inner.statement.sub_processors.len()
        )
    }
}
