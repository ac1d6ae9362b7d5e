//! Month arithmetic and the Dutch calendar: `dpa.add_months`,
//! `dpa.add_months_many` and the Algemene termijnenwet holidays.
//!
//! `add_months_many` is the fast path for many dates. It takes any iterable
//! of `date`s (a list or tuple fastest) or a numpy `datetime64[D]` array.
//! Both paths shift each distinct date once (dates repeat in real data) and
//! share the result; the numpy path works on the array's memory with the
//! interpreter released for large arrays. numpy is never imported here: an
//! array is recognised by its type's name, and an array exists only if numpy
//! is already imported.

use dpa_core::calendar::{self, MonthRule};
use numpy::datetime::{Datetime, units::Days};
use numpy::{PyArrayDyn, PyArrayMethods, PyUntypedArray, PyUntypedArrayMethods};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyList, PyTuple};
use time::Date;

use crate::convert::{
    DateArg, PY_YEARS, UNIX_EPOCH_JULIAN_DAY, check_py_range, civil, py_date, ymd_of,
};
use crate::errors::{Error, Result, guard};

/// Arrays at least this long are shifted with the interpreter released
/// (below it, releasing costs more than it gives).
const DETACH_AT: usize = 16_384;

/// A month rule by its agreement-file name.
fn month_rule(name: &str) -> Result<MonthRule> {
    name.parse::<MonthRule>()
        .map_err(|e| Error::input(Some("rule"), e))
}

/// `d` plus `n` calendar months (negative `n` counts back). Under the default
/// rule `"clamp"`, the day is kept where the target month has it and is
/// otherwise the month's last day (31 Jan + 1 month = 28/29 Feb; HR 1 Sep
/// 2017, ECLI:NL:HR:2017:2225). `rule` may also be `"month-end-sticky"` or
/// `"thirty-days"`. A result outside the years 1 to 9999 raises
/// `dpa.OutOfRange`.
#[pyfunction]
#[pyo3(signature = (d, n, *, rule = "clamp"))]
pub(crate) fn add_months<'py>(
    py: Python<'py>,
    d: DateArg,
    n: i32,
    rule: &str,
) -> PyResult<Bound<'py, PyDate>> {
    // The default rule as a constant, so that the call keeps only its branch;
    // `checked_add_months` returns a 4-byte `Option`, and only a result out
    // of range asks `add_months` for the error that explains it.
    let rule = if rule == "clamp" {
        MonthRule::Clamp
    } else {
        month_rule(rule)?
    };
    match calendar::checked_add_months(d.0, n, rule) {
        Some(out) => py_date(py, out),
        None => Err(calendar::add_months(d.0, n, rule)
            .map_or_else(Error::from, |_| {
                Error::Internal("add_months and checked_add_months disagree".to_owned())
            })
            .into()),
    }
}

/// Takes a date and does nothing with it: the baseline of the benchmarks
/// (the cost of calling into the module with one date). Not public API.
#[pyfunction]
pub(crate) fn _noop(d: DateArg) {
    let _ = d;
}

/// `n` calendar months added to every date of `dates`, under `rule` (as
/// [`add_months`]). A list, tuple or other iterable of `date`s gives a
/// list of `date`s; a numpy `datetime64[D]` array gives a new array of the
/// same shape (`NaT` stays `NaT`).
#[pyfunction]
#[pyo3(signature = (dates, n, *, rule = "clamp"))]
pub(crate) fn add_months_many<'py>(
    py: Python<'py>,
    dates: &Bound<'py, PyAny>,
    n: i32,
    rule: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let rule = month_rule(rule)?;
    let list = if let Ok(list) = dates.cast::<PyList>() {
        shift_items(py, list.len(), list.iter(), n, rule)?
    } else if let Ok(tuple) = dates.cast::<PyTuple>() {
        shift_items(py, tuple.len(), tuple.iter_borrowed(), n, rule)?
    } else if is_ndarray(dates) {
        return add_months_array(py, dates, n, rule);
    } else if dates.is_instance_of::<PyDate>() {
        return Err(Error::input(
            Some("dates"),
            "expected a sequence of dates, got a single date (use dpa.add_months for one)",
        )
        .into());
    } else {
        let mut items = Vec::new();
        for ob in dates.try_iter()? {
            items.push(ob?);
        }
        shift_items(py, items.len(), items.into_iter(), n, rule)?
    };
    Ok(list.into_any())
}

/// An item of a batch: owned (a list's) or borrowed (a tuple's, which
/// saves two reference-count updates per date).
trait ItemRef<'py> {
    fn item(&self) -> &Bound<'py, PyAny>;
}

impl<'py> ItemRef<'py> for Bound<'py, PyAny> {
    #[inline(always)]
    fn item(&self) -> &Bound<'py, PyAny> {
        self
    }
}

impl<'py> ItemRef<'py> for Borrowed<'_, 'py, PyAny> {
    #[inline(always)]
    fn item(&self) -> &Bound<'py, PyAny> {
        self
    }
}

/// Batches shorter than this are shifted date by date, without a memo.
const MEMO_AT: usize = 64;

/// Months in a year times the most days in a month: the slots a year takes
/// in the memo.
const SLOTS_PER_YEAR: usize = 12 * 31;

/// The results made so far in a batch, by date: a table with a slot for
/// every day-number of every month of the years `first_year..` the batch
/// spans (0: not seen yet; k: the result is `made[k - 1]`). Each distinct
/// date is shifted, and its result made into a Python `date`, once; equal
/// results then share that (immutable) object.
struct Memo<'py> {
    first_year: i32,
    table: Vec<u32>,
    made: Vec<Bound<'py, PyDate>>,
}

impl<'py> Memo<'py> {
    /// A memo for dates of the years `first_year..=last_year`.
    fn new(first_year: i32, last_year: i32) -> Self {
        let years = usize::try_from(last_year.saturating_sub(first_year)).unwrap_or(0) + 1;
        Memo {
            first_year,
            table: vec![0u32; years * SLOTS_PER_YEAR],
            made: Vec::new(),
        }
    }

    /// The index in `made` of the result for the date `(y, m, d)` (the
    /// `i`-th of the batch), made if it is new.
    #[inline(always)]
    fn pick(
        &mut self,
        py: Python<'py>,
        (y, m, d): (i32, u8, u8),
        i: usize,
        n: i32,
        rule: MonthRule,
    ) -> PyResult<u32> {
        let slot = usize::try_from(y - self.first_year)
            .ok()
            .and_then(|years| years.checked_mul(SLOTS_PER_YEAR))
            .map(|start| {
                start + usize::from(m.wrapping_sub(1)) * 31 + usize::from(d.wrapping_sub(1))
            });
        let entry = slot
            .and_then(|slot| self.table.get_mut(slot))
            .ok_or_else(|| Error::Internal(format!("{y}-{m}-{d} outside the memo")))?;
        if *entry == 0 {
            let r = guard(|| shift_one(y, m, d, i, n, rule))?;
            self.made
                .push(PyDate::new(py, r.year(), u8::from(r.month()), r.day())?);
            *entry = u32::try_from(self.made.len())
                .map_err(|_| Error::Internal("too many distinct dates".to_owned()))?;
        }
        Ok(*entry - 1)
    }
}

/// A list element that may instead be an error: `PyList::new` stops at the
/// first one.
struct Fallible<'py>(PyResult<Bound<'py, PyAny>>);

impl<'py> IntoPyObject<'py> for Fallible<'py> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    #[inline(always)]
    fn into_pyobject(self, _py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0
    }
}

/// The date `(y, m, d)` (the `i`-th of a batch), `n` months on, checked to
/// be in Python's range.
#[inline(always)]
fn shift_one(y: i32, m: u8, d: u8, i: usize, n: i32, rule: MonthRule) -> Result<Date> {
    let date = civil(y, m, d)?;
    let r = calendar::add_months(date, n, rule).map_err(Error::from)?;
    check_py_range(r, || format!("dates[{i}] {date} + {n} months"))
}

/// `add_months_many` on the dates of `items` (a list's, a tuple's, or those
/// an iterable gave), as a list of `date`s. The interpreter is not released:
/// every step makes or reads Python objects.
fn shift_items<'py, B: ItemRef<'py>>(
    py: Python<'py>,
    len: usize,
    items: impl Iterator<Item = B>,
    n: i32,
    rule: MonthRule,
) -> PyResult<Bound<'py, PyList>> {
    match rule {
        MonthRule::Clamp => shift_items_with(py, len, items, n, MonthRule::Clamp),
        MonthRule::MonthEndSticky => shift_items_with(py, len, items, n, MonthRule::MonthEndSticky),
        _ => shift_items_with(py, len, items, n, rule),
    }
}

#[inline(always)]
fn shift_items_with<'py, B: ItemRef<'py>>(
    py: Python<'py>,
    len: usize,
    items: impl Iterator<Item = B>,
    n: i32,
    rule: MonthRule,
) -> PyResult<Bound<'py, PyList>> {
    if len < MEMO_AT {
        let mut out = Vec::with_capacity(len);
        for (i, ob) in items.enumerate() {
            let (y, m, d) = ymd_of(ob.item()).map_err(|e| e.at(&format!("dates[{i}]")))?;
            let r = guard(|| shift_one(y, m, d, i, n, rule))?;
            out.push(PyDate::new(py, r.year(), u8::from(r.month()), r.day())?);
        }
        return PyList::new(py, out);
    }
    // Three tight loops: read the dates; find each result's index (shifting
    // each distinct date once); build the list. Kept apart, each loop's
    // memory accesses (the input objects; the memo; the reference counts of
    // the shared results) overlap in the processor instead of each waiting
    // for memory in turn.
    let mut keys: Vec<(i32, u8, u8)> = Vec::with_capacity(len);
    let (mut first_year, mut last_year) = (i32::MAX, i32::MIN);
    for (i, ob) in items.enumerate() {
        let ymd = ymd_of(ob.item()).map_err(|e| e.at(&format!("dates[{i}]")))?;
        first_year = first_year.min(ymd.0);
        last_year = last_year.max(ymd.0);
        keys.push(ymd);
    }
    // Python's dates have years 1 to 9999: the table has at most 3.7
    // million slots (15 MB), and a few hundred kB for dates of a few
    // centuries.
    let mut memo = Memo::new(first_year, last_year);
    let mut picks: Vec<u32> = Vec::with_capacity(len);
    for (i, &ymd) in keys.iter().enumerate() {
        picks.push(memo.pick(py, ymd, i, n, rule)?);
    }
    let made = &memo.made;
    PyList::new(
        py,
        picks.iter().map(|&k| {
            Fallible(match made.get(k as usize) {
                Some(date) => Ok(date.clone().into_any()),
                None => Err(Error::Internal(format!("memo entry {k}")).into()),
            })
        }),
    )
}

/// Whether `ob` is a numpy array: its type, or a base of it, is
/// `numpy.ndarray`. Decided from names alone, so numpy is not imported.
fn is_ndarray(ob: &Bound<'_, PyAny>) -> bool {
    let ty = ob.get_type();
    let named = |t: &Bound<'_, pyo3::types::PyType>| {
        t.fully_qualified_name()
            .map(|n| n.to_cow().map(|s| s == "numpy.ndarray").unwrap_or(false))
            .unwrap_or(false)
    };
    if named(&ty) {
        return true;
    }
    ty.mro().iter().any(|base| {
        base.cast::<pyo3::types::PyType>()
            .map(&named)
            .unwrap_or(false)
    })
}

/// `add_months_many` on a numpy array: `datetime64[D]` in, `datetime64[D]`
/// out (a new C-ordered array of the same shape, `NaT` kept). Large arrays
/// are read and written with the interpreter released, as numpy's own
/// functions do: another thread must not write to `dates` meanwhile.
fn add_months_array<'py>(
    py: Python<'py>,
    ob: &Bound<'py, PyAny>,
    n: i32,
    rule: MonthRule,
) -> PyResult<Bound<'py, PyAny>> {
    let untyped = ob.cast::<PyUntypedArray>()?;
    let Ok(array) = ob.cast::<PyArrayDyn<Datetime<Days>>>() else {
        return Err(Error::input(
            Some("dates"),
            format!(
                "expected a numpy array of dtype datetime64[D], got dtype {} \
                 (convert with `.astype(\"datetime64[D]\")`)",
                untyped.dtype()
            ),
        )
        .into());
    };
    let input = array.try_readonly()?;
    let output = PyArrayDyn::<Datetime<Days>>::zeros(py, untyped.shape(), false);
    {
        let mut writer = output.try_readwrite()?;
        let out = writer.as_slice_mut()?;
        // A C-ordered input is read in place; any other is copied out in
        // C order (the order of the output) first.
        let copied: Vec<Datetime<Days>>;
        let days: &[Datetime<Days>] = match input.as_slice() {
            Ok(s) if untyped.is_c_contiguous() => s,
            _ => {
                copied = input.as_array().iter().copied().collect();
                &copied
            }
        };
        if days.len() >= DETACH_AT {
            py.detach(|| guard(|| shift_days(days, out, n, rule)))
        } else {
            guard(|| shift_days(days, out, n, rule))
        }?;
    }
    Ok(output.into_any())
}

/// NumPy's `NaT`.
const NAT: i64 = i64::MIN;

/// `n` months added to days since 1970-01-01 (`NaT` kept), into `out`.
fn shift_days(
    days: &[Datetime<Days>],
    out: &mut [Datetime<Days>],
    n: i32,
    rule: MonthRule,
) -> Result<()> {
    match rule {
        MonthRule::Clamp => shift_days_with(days, out, n, MonthRule::Clamp),
        MonthRule::MonthEndSticky => shift_days_with(days, out, n, MonthRule::MonthEndSticky),
        _ => shift_days_with(days, out, n, rule),
    }
}

/// [`shift_days`] for one rule. Where the days span little compared with
/// their number (so that they repeat), each distinct day is shifted once
/// and the results are looked up in a table indexed by day.
#[inline(always)]
fn shift_days_with(
    days: &[Datetime<Days>],
    out: &mut [Datetime<Days>],
    n: i32,
    rule: MonthRule,
) -> Result<()> {
    if days.len() != out.len() {
        return Err(Error::Internal(format!(
            "{} dates for {} results",
            days.len(),
            out.len()
        )));
    }
    // Days from 1970-01-01 of the result (years 1..=9999 fit an i32).
    let one = |i: usize, day: i64| -> Result<i32> {
        let d = date_of_days(day).ok_or_else(|| {
            Error::Range(format!(
                "dates[{i}] is {day} days from 1970-01-01, outside the years 1 to 9999"
            ))
        })?;
        let r = calendar::add_months(d, n, rule).map_err(Error::from)?;
        let r = check_py_range(r, || format!("dates[{i}] {d} + {n} months"))?;
        Ok(r.to_julian_day() - UNIX_EPOCH_JULIAN_DAY as i32)
    };
    let (mut lo, mut hi) = (i64::MAX, i64::MIN);
    for &day in days {
        let day = i64::from(day);
        if day != NAT {
            lo = lo.min(day);
            hi = hi.max(day);
        }
    }
    let slots = hi
        .checked_sub(lo)
        .and_then(|span| usize::try_from(span).ok())
        .and_then(|span| span.checked_add(1))
        .filter(|&slots| days.len() >= MEMO_AT && slots <= (2 * days.len()).max(1 << 16));
    match slots {
        Some(slots) => {
            // i32::MIN marks a day not shifted yet (no result is that far).
            let mut table = vec![i32::MIN; slots];
            for (i, (&day, slot_out)) in days.iter().zip(out.iter_mut()).enumerate() {
                let day = i64::from(day);
                if day == NAT {
                    *slot_out = Datetime::from(NAT);
                    continue;
                }
                let slot = usize::try_from(day - lo).unwrap_or(usize::MAX);
                let Some(entry) = table.get_mut(slot) else {
                    return Err(Error::Internal(format!("memo slot {slot} of {slots}")));
                };
                if *entry == i32::MIN {
                    *entry = one(i, day)?;
                }
                *slot_out = Datetime::from(i64::from(*entry));
            }
        }
        None => {
            for (i, (&day, slot_out)) in days.iter().zip(out.iter_mut()).enumerate() {
                let day = i64::from(day);
                *slot_out = Datetime::from(if day == NAT {
                    NAT
                } else {
                    i64::from(one(i, day)?)
                });
            }
        }
    }
    Ok(())
}

/// The date `days` days after 1970-01-01, if it is in the years 1 to 9999.
#[inline]
fn date_of_days(days: i64) -> Option<Date> {
    let jd = i32::try_from(days.checked_add(UNIX_EPOCH_JULIAN_DAY)?).ok()?;
    let d = Date::from_julian_day(jd).ok()?;
    PY_YEARS.contains(&d.year()).then_some(d)
}

/// The public holidays of the Netherlands under the Algemene termijnenwet
/// (art. 3, with the days the Crown designated) in `year`, sorted. Empty
/// before 1965, when the Act came into force.
#[pyfunction]
pub(crate) fn nl_public_holidays(py: Python<'_>, year: i32) -> PyResult<Bound<'_, PyList>> {
    if !PY_YEARS.contains(&year) {
        return Err(Error::Range(format!(
            "year {year} is outside the years 1 to 9999 that a Python date holds"
        ))
        .into());
    }
    let days = guard(|| calendar::public_holidays(year).map_err(Error::from))?;
    let dates = days
        .iter()
        .map(|&(d, _)| py_date(py, d))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, dates)
}

/// Whether `d` is a public holiday under the Algemene termijnenwet.
#[pyfunction]
pub(crate) fn is_nl_public_holiday(d: DateArg) -> bool {
    calendar::is_public_holiday(d.0)
}

/// The English name of the holiday on `d` (`"King's Day"`, ...), or None.
#[pyfunction]
pub(crate) fn nl_public_holiday_name(d: DateArg) -> Option<&'static str> {
    calendar::public_holiday(d.0).map(|h| h.name())
}

/// Whether `d` is a business day under the Algemene termijnenwet: not a
/// Saturday, Sunday or public holiday.
#[pyfunction]
pub(crate) fn is_nl_business_day(d: DateArg) -> bool {
    calendar::is_business_day(d.0)
}

/// The first business day on or after `d` (`d` itself when it is one).
#[pyfunction]
pub(crate) fn next_business_day(py: Python<'_>, d: DateArg) -> PyResult<Bound<'_, PyDate>> {
    let out = guard(|| calendar::next_business_day_on_or_after(d.0).map_err(Error::from))?;
    py_date(py, out)
}
