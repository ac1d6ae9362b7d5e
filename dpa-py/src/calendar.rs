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
use dpa_core::values::iso_date;
use numpy::datetime::{Datetime, units::Days};
use numpy::{PyArrayDyn, PyArrayMethods, PyUntypedArray, PyUntypedArrayMethods};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDate, PyList, PyString, PyTuple};
use time::{Date, Month};

use crate::convert::{
    ArgN, ArgRule, ArgYear, DateArg, DateType, IntArg, TextArg, UNIX_EPOCH_JULIAN_DAY, YmdArg,
    py_date, ymd_of,
};
use crate::errors::{Error, Result, guard, guard_detached};

/// Arrays and lists at least this long are shifted with the interpreter
/// released (below it, releasing costs more than it gives). A list's dates
/// are read from their objects with it held, and only the arithmetic runs
/// without it.
const DETACH_AT: usize = 16_384;

/// The month rule of a `rule` argument: by its agreement-file name, or,
/// for None, `dpa-core`'s default rule (the one an agreement file that
/// names none has).
#[inline(always)]
fn month_rule(name: Option<&TextArg<ArgRule>>) -> Result<MonthRule> {
    match name {
        None => Ok(MonthRule::default()),
        Some(name) => Ok(name
            .as_str()
            .parse::<MonthRule>()
            .map_err(|e| e.in_field("rule"))?),
    }
}

/// `d` plus `n` calendar months (negative `n` counts back), under the month
/// rule `rule`, spelled as in the agreement file. The default (None) is the
/// default of the file, `"clamp"`: the day is kept where the target month
/// has it and is otherwise the month's last day (31 Jan + 1 month = 28/29
/// Feb; HR 1 Sep 2017, ECLI:NL:HR:2017:2225). `rule` may also be
/// `"month-end-sticky"` or `"thirty-days"`. A result outside the years 1 to
/// 9999 raises `dpa.OutOfRange`.
#[pyfunction]
#[pyo3(signature = (d, n, *, rule = None))]
pub(crate) fn add_months<'py>(
    py: Python<'py>,
    d: YmdArg,
    n: IntArg<ArgN>,
    rule: Option<TextArg<ArgRule>>,
) -> PyResult<Bound<'py, PyDate>> {
    // Without `rule`, the default rule is a constant, so that the call
    // keeps only its branch.
    let rule = month_rule(rule.as_ref())?;
    let n = n.0;
    let (y, m, day) = d.fields();
    // The fast path works on the date's fields (no `Date` is built); a date
    // it does not shift goes to `dpa-core`'s `add_months`, which decides.
    match shift_ymd(y, m, day, n, rule) {
        Some((ry, rm, rd)) => PyDate::new(py, ry, rm, rd),
        None => {
            let (ry, rm, rd) = shift_by_core(y, m, day, n, rule).map_err(|e| e.range_at("d"))?;
            PyDate::new(py, ry, rm, rd)
        }
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
/// same shape (`NaT` stays `NaT`). For 16,384 dates or more the dates are
/// shifted with the interpreter released.
#[pyfunction]
#[pyo3(signature = (dates, n, *, rule = None))]
pub(crate) fn add_months_many<'py>(
    py: Python<'py>,
    dates: &Bound<'py, PyAny>,
    n: IntArg<ArgN>,
    rule: Option<TextArg<ArgRule>>,
) -> PyResult<Bound<'py, PyAny>> {
    let rule = month_rule(rule.as_ref())?;
    let n = n.0;
    let list = if let Ok(list) = dates.cast::<PyList>() {
        shift_list(py, list, n, rule)?
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
        let not_dates = || {
            Error::Type(format!(
                "dates: expected a list, tuple or other iterable of dates, or a numpy \
                 datetime64[D] array, got {}",
                crate::convert::type_name(dates)
            ))
        };
        if dates.is_instance_of::<PyString>() || dates.is_instance_of::<PyBytes>() {
            return Err(not_dates().into());
        }
        let mut items = Vec::new();
        for ob in dates.try_iter().map_err(|_| not_dates())? {
            items.push(ob?);
        }
        shift_items(
            py,
            items.len(),
            items.iter().map(Bound::as_borrowed),
            n,
            rule,
        )?
    };
    Ok(list.into_any())
}

/// [`add_months_many`] on a list.
fn shift_list<'py>(
    py: Python<'py>,
    list: &Bound<'py, PyList>,
    n: i32,
    rule: MonthRule,
) -> PyResult<Bound<'py, PyList>> {
    #[cfg(not(any(Py_LIMITED_API, Py_GIL_DISABLED, PyPy, GraalPy)))]
    if list.len() >= MEMO_AT {
        // The items borrowed straight from the list's array: no reference
        // count of a million input objects is written, and the slice is
        // taken once.
        //
        // SAFETY: `list` is a live `list` object (its type was checked) and
        // the GIL is held, so its `ob_size` items at `ob_item` are valid
        // object pointers. The slice is only read while the list cannot
        // change: `slots_all` runs no Python code (it reads the `date`
        // structs and computes in Rust; it makes no Python object, so no
        // garbage collection and no finalizer runs), no other thread runs
        // without the GIL, and the slice is dropped at the end of this
        // block, before the interpreter is released (`pick_all`) and before
        // any Python object is made (`build_list` gets only the indices).
        #[allow(unsafe_code, reason = "CPython internals; see SAFETY")]
        let slots = unsafe {
            let raw = list.as_ptr().cast::<pyo3::ffi::PyListObject>();
            let len = usize::try_from((*raw).ob_base.ob_size).unwrap_or(0);
            let items = std::slice::from_raw_parts((*raw).ob_item.cast_const(), len);
            slots_all(py, items.iter().map(|&p| Borrowed::from_ptr(py, p)))?
        };
        return build_list(py, pick_all(py, slots, n, rule)?);
    }
    shift_items(py, list.len(), list.iter(), n, rule)
}

/// An item of a batch: owned or borrowed.
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

/// `datetime.MAXYEAR`, the latest year a Python `date` holds: the memo has
/// a slot for every year an input date can have. (A fact about Python, not
/// a rule: which years are supported is `dpa-core`'s decision.)
const PY_MAX_YEAR: i32 = 9999;

/// Batches shorter than this are shifted date by date, without a memo (its
/// index of years, 20 kB, costs more than it saves).
const MEMO_AT: usize = 256;

/// Months in a year times the most days in a month: the slots a year takes
/// in the memo.
const SLOTS_PER_YEAR: u32 = 12 * 31;

/// The results of a batch, by date: each distinct date is shifted once.
///
/// A date's slot is `(b - 1) * 372 + (month - 1) * 31 + (day - 1)`, where
/// `years[year - 1] = b` numbers the years in the order they turn up (0: not
/// seen yet) and `block_years[b - 1]` is the year again. `table[slot]` is 0
/// for a date not shifted yet and `k + 1` once its result is `results[k]`.
/// The memory is proportional to the years a batch spans.
struct Memo {
    years: Vec<u16>,
    block_years: Vec<i32>,
    table: Vec<u32>,
    results: Vec<Ymd>,
}

impl Memo {
    fn new() -> Self {
        Memo {
            years: vec![0; PY_MAX_YEAR as usize],
            block_years: Vec::new(),
            table: Vec::new(),
            results: Vec::new(),
        }
    }

    /// The slot of the date `(y, m, d)` (a real date, as Python holds it).
    #[inline(always)]
    fn slot(&mut self, (y, m, d): (i32, u8, u8)) -> Result<u32> {
        let block = match usize::try_from(y - 1).ok().and_then(|k| self.years.get(k)) {
            Some(&b) if b != 0 => b,
            _ => self.add_year(y)?,
        };
        Ok(u32::from(block - 1) * SLOTS_PER_YEAR
            + u32::from(m.wrapping_sub(1)) * 31
            + u32::from(d.wrapping_sub(1)))
    }

    /// Gives the year `y` its block, and returns the block's number.
    #[cold]
    #[inline(never)]
    fn add_year(&mut self, y: i32) -> Result<u16> {
        let entry = usize::try_from(y - 1)
            .ok()
            .and_then(|k| self.years.get_mut(k))
            .ok_or_else(|| Error::Internal(format!("year {y} outside the memo")))?;
        self.block_years.push(y);
        self.table
            .resize(self.block_years.len() * SLOTS_PER_YEAR as usize, 0);
        *entry = u16::try_from(self.block_years.len())
            .map_err(|_| Error::Internal("too many years".to_owned()))?;
        Ok(*entry)
    }

    /// The index in `results` of the result for the date in `slot` (the
    /// `i`-th of the batch), shifted if it is new.
    #[inline(always)]
    fn pick(&mut self, slot: u32, i: usize, n: i32, rule: MonthRule) -> Result<u32> {
        match self.table.get(slot as usize) {
            Some(&k) if k != 0 => Ok(k - 1),
            _ => self.add(slot, i, n, rule),
        }
    }

    /// Shifts the date in `slot`, new to the memo.
    #[cold]
    #[inline(never)]
    fn add(&mut self, slot: u32, i: usize, n: i32, rule: MonthRule) -> Result<u32> {
        let block = (slot / SLOTS_PER_YEAR) as usize;
        let day_of_year = slot % SLOTS_PER_YEAR;
        let (m, d) = ((day_of_year / 31 + 1) as u8, (day_of_year % 31 + 1) as u8);
        let y = *self
            .block_years
            .get(block)
            .ok_or_else(|| Error::Internal(format!("memo slot {slot}")))?;
        let r = guard(|| shift_one(y, m, d, i, n, rule))?;
        let k = u32::try_from(self.results.len())
            .map_err(|_| Error::Internal("too many distinct dates".to_owned()))?;
        let entry = self
            .table
            .get_mut(slot as usize)
            .ok_or_else(|| Error::Internal(format!("memo slot {slot}")))?;
        self.results.push(r);
        *entry = k + 1;
        Ok(k)
    }
}

/// The distinct results of a batch, and the index of each date's result.
struct Picks {
    results: Vec<Ymd>,
    picks: Vec<u32>,
}

/// The memo of a batch, with each date's slot in it: the dates read from
/// their Python objects, nothing shifted yet.
struct Slots {
    memo: Memo,
    slots: Vec<u32>,
}

/// Reads the dates of `items` into a memo (with the interpreter held: it
/// reads Python objects).
fn slots_all<'py, B: ItemRef<'py>>(
    py: Python<'py>,
    items: impl ExactSizeIterator<Item = B>,
) -> Result<Slots> {
    let date_type = DateType::get(py);
    let mut memo = Memo::new();
    let mut slots: Vec<u32> = vec![0; items.len()];
    for ((i, ob), slot) in items.enumerate().zip(slots.iter_mut()) {
        let ymd = match date_type.ymd(ob.item()) {
            Some(ymd) => ymd,
            None => ymd_of(ob.item()).map_err(|e| e.at(&format!("dates[{i}]")))?,
        };
        *slot = memo.slot(ymd)?;
    }
    Ok(Slots { memo, slots })
}

/// Shifts each distinct date of a batch read by [`slots_all`] once; Rust
/// data only, so for batches of [`DETACH_AT`] dates or more the interpreter
/// is released meanwhile.
fn pick_all(py: Python<'_>, slots: Slots, n: i32, rule: MonthRule) -> Result<Picks> {
    let Slots {
        mut memo,
        slots: mut picks,
    } = slots;
    guard_detached(py, picks.len() >= DETACH_AT, move || {
        for (i, pick) in picks.iter_mut().enumerate() {
            *pick = memo.pick(*pick, i, n, rule)?;
        }
        Ok(Picks {
            results: memo.results,
            picks,
        })
    })
}

/// The list of results: each distinct result made into a Python `date`
/// once, and shared by the dates that have it.
///
/// Each result takes all its references as it is made (while the new object
/// is in the cache), and the list's slots are then filled with them:
/// counting a reference per date instead, at a random place among the
/// results, costs more than the rest of the batch together.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
fn build_list(py: Python<'_>, Picks { results, picks }: Picks) -> PyResult<Bound<'_, PyList>> {
    // How many dates have each result (every index checked to be in range).
    let mut uses = vec![0u32; results.len()];
    for &k in &picks {
        match uses.get_mut(k as usize) {
            Some(u) => *u += 1,
            None => return Err(Error::Internal(format!("memo entry {k}")).into()),
        }
    }
    let len = pyo3::ffi::Py_ssize_t::try_from(picks.len())
        .map_err(|_| Error::Internal("batch too long".to_owned()))?;
    let list = new_list(py, len)?;
    let mut made: Vec<Bound<'_, PyDate>> = Vec::with_capacity(results.len());
    for (&(y, m, d), &n) in results.iter().zip(&uses) {
        match PyDate::new(py, y, m, d) {
            Ok(date) => {
                // SAFETY: `date` is a live object we hold a reference to;
                // the `n` references taken here are given to the list's
                // slots below (or given back if making a later result
                // fails).
                #[allow(unsafe_code, reason = "CPython internals; see SAFETY")]
                unsafe {
                    for _ in 0..n {
                        pyo3::ffi::Py_INCREF(date.as_ptr());
                    }
                }
                made.push(date);
            }
            Err(e) => {
                // SAFETY: each of `made` was given `uses[k]` references
                // above, and `made` still holds its own: none is freed here.
                #[allow(unsafe_code, reason = "CPython internals; see SAFETY")]
                unsafe {
                    for (date, &n) in made.iter().zip(&uses) {
                        for _ in 0..n {
                            pyo3::ffi::Py_DECREF(date.as_ptr());
                        }
                    }
                }
                return Err(e);
            }
        }
    }
    // SAFETY: `list` is a new list of `len` empty (NULL) slots that nothing
    // else has seen. Every slot `i < len` is set once with `PyList_SET_ITEM`,
    // which steals a reference: `made[k]` was given `uses[k]` references,
    // one for each entry `k` of `picks`, and every entry of `picks` is an
    // index of `made` (checked while counting), so every stolen reference
    // exists. `made` keeps its own reference to each result until the end.
    #[allow(unsafe_code, reason = "CPython internals; see SAFETY")]
    unsafe {
        for (i, &k) in picks.iter().enumerate() {
            if let Some(date) = made.get(k as usize) {
                pyo3::ffi::PyList_SET_ITEM(
                    list.as_ptr(),
                    i as pyo3::ffi::Py_ssize_t,
                    date.as_ptr(),
                );
            }
        }
    }
    Ok(list)
}

/// A new list of `len` empty slots, to be filled with `PyList_SET_ITEM`.
/// Its slots are advised into huge pages where the system has them (a
/// million slots take 8 MB).
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
fn new_list(py: Python<'_>, len: pyo3::ffi::Py_ssize_t) -> PyResult<Bound<'_, PyList>> {
    // SAFETY: `PyList_New` returns a new reference to a list of `len` NULL
    // slots, or NULL with an exception set (`from_owned_ptr_or_err`); a
    // list with NULL slots is valid to hold and to drop.
    #[allow(unsafe_code, reason = "CPython internals; see SAFETY")]
    let list = unsafe {
        Bound::from_owned_ptr_or_err(py, pyo3::ffi::PyList_New(len))?
            .cast_into_unchecked::<PyList>()
    };
    // SAFETY: `ob_item` of the list just made points to `len` slots.
    #[allow(unsafe_code, reason = "CPython internals; see SAFETY")]
    let slots = unsafe { (*list.as_ptr().cast::<pyo3::ffi::PyListObject>()).ob_item };
    huge(
        slots.cast(),
        usize::try_from(len).unwrap_or(0) * size_of::<usize>(),
    );
    Ok(list)
}

/// The list of results (limited API): each distinct result made into a
/// Python `date` once, and shared by the dates that have it.
#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
fn build_list(py: Python<'_>, Picks { results, picks }: Picks) -> PyResult<Bound<'_, PyList>> {
    let made = results
        .iter()
        .map(|r| PyDate::new(py, r.0, r.1, r.2))
        .collect::<PyResult<Vec<_>>>()?;
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

/// A list element that may instead be an error: `PyList::new` stops at the
/// first one.
#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
struct Fallible<'py>(PyResult<Bound<'py, PyAny>>);

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
impl<'py> IntoPyObject<'py> for Fallible<'py> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    #[inline(always)]
    fn into_pyobject(self, _py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0
    }
}

/// A date as Python holds it: year, month, day.
type Ymd = (i32, u8, u8);

/// The date `(y, m, d)`, the `i`-th of a batch, `n` months on.
#[inline(always)]
fn shift_one(y: i32, m: u8, d: u8, i: usize, n: i32, rule: MonthRule) -> Result<Ymd> {
    match shift_ymd(y, m, d, n, rule) {
        Some(r) => Ok(r),
        None => shift_element_by_core(y, m, d, i, n, rule),
    }
}

/// [`shift_by_core`] for `dates[i]` of a batch: an error names the element.
/// Out of line, so that the batch loops hold only the fast path.
#[cold]
#[inline(never)]
fn shift_element_by_core(y: i32, m: u8, d: u8, i: usize, n: i32, rule: MonthRule) -> Result<Ymd> {
    shift_by_core(y, m, d, n, rule).map_err(|e| e.at(&format!("dates[{i}]")))
}

/// `(y, m, d)` plus `n` months on the date's fields (no `Date` is built):
/// `dpa-core`'s `checked_add_months_ymd`, `None` where it gives no result
/// (then [`shift_by_core`] says why).
///
/// The fast path of `add_months` and `add_months_many`, which have speed
/// targets (BENCHMARKS.md): it takes and gives the fields Python's `date`
/// holds, where `calendar::add_months` takes and gives a `Date`, so it saves
/// building one and reading one back per date. (Calling `add_months` alone,
/// through `iso_date::from_parts`, was measured about 12% slower per
/// `dpa.add_months` call: 1.9-2.0 times the trivial call instead of 1.7-1.8,
/// against a target of at most 2.)
#[inline(always)]
fn shift_ymd(y: i32, m: u8, d: u8, n: i32, rule: MonthRule) -> Option<Ymd> {
    let month = Month::try_from(m).ok()?;
    let (ry, rm, rd) = calendar::checked_add_months_ymd(y, month, d, n, rule)?;
    Some((ry, u8::from(rm), rd))
}

/// `(y, m, d)` plus `n` months by `dpa-core`'s `add_months`, called once:
/// the date, or the error that says why there is none (a date or result
/// outside the years 1 to 9999). For the dates the fast path
/// ([`shift_ymd`]) does not shift.
#[cold]
#[inline(never)]
fn shift_by_core(y: i32, m: u8, d: u8, n: i32, rule: MonthRule) -> Result<Ymd> {
    let date = iso_date::from_parts(y, m.into(), d.into())?;
    let r = calendar::add_months(date, n, rule)?;
    Ok((r.year(), u8::from(r.month()), r.day()))
}

/// `add_months_many` on the dates of `items` (a tuple's, those an iterable
/// gave, or a short list's), as a list of `date`s. Items that are owned or
/// cannot change (a tuple's) are read in one pass before any result is
/// made; short batches are shifted date by date. The interpreter is not
/// released: every step reads or makes Python objects.
fn shift_items<'py, B: ItemRef<'py>>(
    py: Python<'py>,
    len: usize,
    items: impl ExactSizeIterator<Item = B>,
    n: i32,
    rule: MonthRule,
) -> PyResult<Bound<'py, PyList>> {
    if len < MEMO_AT {
        let mut out = Vec::with_capacity(len);
        for (i, ob) in items.enumerate() {
            let (y, m, d) = ymd_of(ob.item()).map_err(|e| e.at(&format!("dates[{i}]")))?;
            let r = guard(|| shift_one(y, m, d, i, n, rule))?;
            out.push(PyDate::new(py, r.0, r.1, r.2)?);
        }
        return PyList::new(py, out);
    }
    build_list(py, pick_all(py, slots_all(py, items)?, n, rule)?)
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
    // Days from 1970-01-01 of the result (`dpa-core` gives years 1..=9999
    // only, and those fit an i32).
    let one = |i: usize, day: i64| -> Result<i32> {
        let at = || format!("dates[{i}]");
        let d = date_of_days(day).ok_or_else(|| Error::Range {
            message: format!(
                "{}: out of range: {day} days from 1970-01-01 is beyond any date",
                at()
            ),
            path: Some(at()),
        })?;
        let r = calendar::add_months(d, n, rule).map_err(|e| Error::from(e).at(&at()))?;
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

/// The date `days` days after 1970-01-01, if a [`Date`] holds it (whether
/// `dpa-core` computes with it is `dpa-core`'s decision).
#[inline]
fn date_of_days(days: i64) -> Option<Date> {
    let jd = i32::try_from(days.checked_add(UNIX_EPOCH_JULIAN_DAY)?).ok()?;
    Date::from_julian_day(jd).ok()
}

/// The public holidays of the Netherlands under the Algemene termijnenwet
/// (art. 3, with the days the Crown designated) in `year`, sorted. Empty
/// before 1965, when the Act came into force.
#[pyfunction]
pub(crate) fn nl_public_holidays(
    py: Python<'_>,
    year: IntArg<ArgYear>,
) -> PyResult<Bound<'_, PyList>> {
    let days = guard(|| calendar::public_holidays(year.0).map_err(|e| Error::from(e).at("year")))?;
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
    let out = guard(|| calendar::next_business_day_on_or_after(d.0).map_err(Error::from))
        .map_err(|e| e.range_at("d"))?;
    py_date(py, out)
}

/// Advises the kernel to back the whole 2 MiB pages within `len` bytes at
/// `p` with huge pages (Linux transparent huge pages, where enabled as
/// "madvise"): writing a large buffer then takes a few page faults instead
/// of one per 4 KiB. Advice only; nothing happens elsewhere.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
fn huge(p: *mut u8, len: usize) {
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let start = (p as usize).div_ceil(HUGE) * HUGE;
        let end = (p as usize).saturating_add(len) / HUGE * HUGE;
        if end > start {
            // SAFETY: `[start, end)` lies within the `len` bytes at `p`,
            // which the caller owns; MADV_HUGEPAGE changes how the kernel
            // backs those pages, not their contents, and its failure (e.g.
            // huge pages not configured) is harmless and ignored.
            #[allow(unsafe_code, reason = "CPython internals; see SAFETY")]
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (p, len);
}
