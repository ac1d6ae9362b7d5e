//! `Agreement.schedule` and `dpa.schedule`: the deadlines of a whole table
//! on Arrow data, as `dpa schedule` computes them (issue 19, point 2).
//!
//! The table comes in through the Arrow PyCapsule interface: an object with
//! `__arrow_c_array__` (a `pyarrow.RecordBatch`) or `__arrow_c_stream__` (a
//! `pyarrow.Table` or `RecordBatchReader`, a polars `DataFrame`, a pandas
//! `DataFrame`), its buffers taken over through the Arrow C data interface
//! without a copy. The computation is `dpa_arrow::Plan::run` (and so
//! `dpa_core::schedule`), with the interpreter released; an `Agreement`
//! keeps the plan of its last call ([`KeptPlan`]), so that the due dates a
//! call computed per event day serve the next call on the same columns. The result goes
//! back the same way: the input columns share the input's buffers, and
//! pyarrow (`pyarrow.record_batch` / `pyarrow.table`) imports the whole from
//! an object of this module's [`ArrowData`].
//!
//! pyarrow is optional: it is imported by the call, not by `import dpa`, and
//! its absence is an `ImportError` that says what to install.
//!
//! The unsafe code of this module is the import of the C structures a
//! capsule points to; each block says why it is sound.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use arrow::array::{Array, RecordBatch, RecordBatchIterator, RecordBatchOptions, StructArray};
use arrow::datatypes::{DataType, Schema, SchemaRef};
use arrow::error::ArrowError;
use arrow::ffi::{FFI_ArrowArray, FFI_ArrowSchema};
use arrow::ffi_stream::{FFI_ArrowArrayStream, RecordBatchStreamReader};
use dpa_arrow::{Agreements, OnError, Options, Plan, RowError};
use dpa_core::Agreement;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods, PyString};

use crate::convert::type_name;
use crate::errors::{Error, Result, guard_detached};

/// What to install for the Arrow path, in every message about it.
const INSTALL: &str = "install pyarrow (pip install 'dpa[arrow]')";

/// The skipped rows a warning lists by name; the rest are counted (all of
/// them are in its `rows`).
const LISTED: usize = 5;

/// The plan an `Agreement` object keeps from one `schedule` call to the
/// next: the plan of the last call's schema and options, with its memo of
/// due dates per event day (`dpa_arrow::Plan` keeps it under a copy of the
/// agreement). A call of another schema or other options replaces it.
#[derive(Debug, Default)]
pub(crate) struct KeptPlan(Mutex<Option<(SchemaRef, Options, Arc<Plan>)>>);

impl KeptPlan {
    /// The kept plan if it was made for `schema` and `options`, else a new
    /// one, kept from now on.
    fn plan(
        &self,
        schema: &SchemaRef,
        options: &Options,
    ) -> std::result::Result<Arc<Plan>, dpa_arrow::Error> {
        // A plan is replaced whole, never left half made: a poisoned lock
        // holds a whole one.
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((s, o, plan)) = &*kept
            && s == schema
            && o == options
        {
            return Ok(plan.clone());
        }
        let plan = Arc::new(Plan::new(schema, options)?);
        *kept = Some((schema.clone(), options.clone(), plan.clone()));
        Ok(plan)
    }
}

/// The agreements the rows are under.
#[derive(Debug)]
pub(crate) enum Source<'a> {
    /// Every row under one agreement, with the plan its object keeps.
    One(&'a Agreement, &'a KeptPlan),
    /// Each row under the agreement its `agreement_column` names.
    ByName {
        /// The agreements by the names the column holds.
        agreements: HashMap<String, &'a Agreement>,
        /// The column.
        column: String,
    },
}

/// The settings of a call, as the caller gave them.
#[derive(Debug)]
pub(crate) struct Call<'a, 'py> {
    /// The date the statuses are as of.
    pub(crate) at: time::Date,
    /// `columns`: event column to the table's name for it.
    pub(crate) columns: Option<&'a Bound<'py, PyAny>>,
    /// `on_error`: `"fail"` or `"skip"`.
    pub(crate) on_error: &'a str,
    /// `detail`: add `*_detail` columns.
    pub(crate) detail: bool,
    /// `deadlines`: the names of the deadlines to compute (`None`: every
    /// deadline the table's event columns start).
    pub(crate) deadlines: Option<&'a Bound<'py, PyAny>>,
}

/// The table a caller handed over, its buffers imported without a copy.
enum Input {
    /// `__arrow_c_array__`: one batch (the answer is a `RecordBatch`).
    Batch(RecordBatch),
    /// `__arrow_c_stream__`: batches (the answer is a `Table`).
    Stream(RecordBatchStreamReader),
}

/// The computed table: its schema, its batches, the rows left out.
struct Output {
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
    skipped: Vec<RowError>,
}

/// Schedules `data` under `source` (see the stubs for the Python side).
pub(crate) fn schedule<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    source: &Source<'_>,
    call: &Call<'_, 'py>,
) -> PyResult<Bound<'py, PyAny>> {
    let pyarrow = import_pyarrow(py)?;
    let options = options(call, source)?;
    let input = import(data)?;
    let batch = matches!(input, Input::Batch(_));
    let out = guard_detached(py, true, || run(input, &options, source))?;
    if !out.skipped.is_empty() {
        warn_skipped(py, &out.skipped, out.rows_in())?;
    }
    let export = Bound::new(
        py,
        ArrowData {
            schema: out.schema,
            batches: out.batches,
        },
    )?;
    if batch {
        pyarrow.call_method1("record_batch", (export,))
    } else {
        pyarrow.call_method1("table", (export,))
    }
}

/// `pyarrow`, or the `ImportError` that says what to install.
fn import_pyarrow(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("pyarrow").map_err(|e| {
        let err = PyImportError::new_err(format!(
            "Agreement.schedule reads and returns Arrow data through pyarrow, \
             which is not installed: {INSTALL}"
        ));
        err.set_cause(py, Some(e));
        err
    })
}

/// The options of `call`.
fn options(call: &Call<'_, '_>, source: &Source<'_>) -> Result<Options> {
    let mut options = Options::new(call.at);
    options.on_error = call
        .on_error
        .parse::<OnError>()
        .map_err(|m| Error::input(Some("on_error"), m))?;
    options.detail = call.detail;
    if let Some(deadlines) = call.deadlines {
        select_deadlines(&mut options, deadlines)?;
    }
    if let Source::ByName { column, .. } = source {
        options.agreement_column = Some(column.clone());
    }
    if let Some(columns) = call.columns {
        let items = columns.call_method0("items").map_err(|_| {
            Error::Type(format!(
                "columns: expected a mapping of event columns to names \
                 ({{\"terminated_on\": \"end_date\"}}), got {}",
                type_name(columns)
            ))
        })?;
        for item in items.try_iter()? {
            let (column, name): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item?.extract()?;
            let text = |ob: &Bound<'_, PyAny>| -> Result<String> {
                let s = ob.cast::<PyString>().map_err(|_| {
                    Error::Type(format!(
                        "columns: expected str keys and values, got {}",
                        type_name(ob)
                    ))
                })?;
                crate::convert::text_of(s)
                    .map(|t| t.into_owned())
                    .map_err(|m| Error::input(Some("columns"), m))
            };
            let (column, name) = (text(&column)?, text(&name)?);
            if column.contains('=') {
                return Err(Error::input(
                    Some("columns"),
                    format!("`{column}` is no event column"),
                ));
            }
            options
                .map_column(&format!("{column}={name}"))
                .map_err(|m| Error::input(Some("columns"), m))?;
        }
    }
    Ok(options)
}

/// Reads `deadlines`, an iterable of deadline names (`["deletion"]`), into
/// [`Options::deadlines`]. A `str` is refused rather than read as its
/// letters.
fn select_deadlines(options: &mut Options, deadlines: &Bound<'_, PyAny>) -> Result<()> {
    let expected = || {
        Error::Type(format!(
            "deadlines: expected a list of deadline names ([\"deletion\"]), got {}",
            type_name(deadlines)
        ))
    };
    if deadlines.is_instance_of::<PyString>() {
        return Err(expected());
    }
    let names = deadlines.try_iter().map_err(|_| expected())?;
    let mut any = false;
    for name in names {
        let name = name?;
        let s = name.cast::<PyString>().map_err(|_| {
            Error::Type(format!(
                "deadlines: expected str items, got {}",
                type_name(&name)
            ))
        })?;
        let text = crate::convert::text_of(s).map_err(|m| Error::input(Some("deadlines"), m))?;
        options
            .select_deadline(&text)
            .map_err(|m| Error::input(Some("deadlines"), m))?;
        any = true;
    }
    if !any {
        return Err(Error::input(
            Some("deadlines"),
            "no deadline named: name at least one, or leave deadlines out (None) for every deadline the table's columns start".to_owned(),
        ));
    }
    Ok(())
}

/// The table `data` hands over through the Arrow PyCapsule interface.
fn import(data: &Bound<'_, PyAny>) -> Result<Input> {
    let py = data.py();
    let not_arrow = || {
        Error::Type(format!(
            "data: expected a pyarrow.RecordBatch or Table, a polars or pandas DataFrame, \
             or another object with __arrow_c_stream__ or __arrow_c_array__, got {}",
            type_name(data)
        ))
    };
    let bad = |e: ArrowError| Error::input(Some("data"), e.to_string());
    if data.hasattr("__arrow_c_array__")? {
        let pair = data.call_method1("__arrow_c_array__", (py.None(),))?;
        let (schema, array): (Bound<'_, PyCapsule>, Bound<'_, PyCapsule>) =
            pair.extract().map_err(|_| not_arrow())?;
        let schema = schema.pointer_checked(Some(c"arrow_schema"))?;
        let array = array.pointer_checked(Some(c"arrow_array"))?;
        // SAFETY: a capsule named `arrow_array` holds a pointer to an
        // initialised, aligned `ArrowArray` (the Arrow PyCapsule
        // interface), and the capsule is alive for this call; `from_raw`
        // moves the structure out and marks the capsule's copy released,
        // so the capsule's destructor does not release it a second time.
        let array = unsafe { FFI_ArrowArray::from_raw(array.as_ptr().cast()) };
        // SAFETY: a capsule named `arrow_schema` holds a pointer to an
        // initialised, aligned `ArrowSchema` that lives as long as the
        // capsule, which outlives this borrow.
        let schema: &FFI_ArrowSchema = unsafe { schema.cast().as_ref() };
        // SAFETY: `array` and `schema` are the producer's matching pair.
        let data = unsafe { arrow::ffi::from_ffi(array, schema) }.map_err(bad)?;
        if !matches!(data.data_type(), DataType::Struct(_)) {
            return Err(Error::Type(format!(
                "data: expected a table or record batch, got an Arrow array of type {}",
                data.data_type()
            )));
        }
        let rows = data.len();
        let (fields, columns, nulls) = StructArray::from(data).into_parts();
        if nulls.is_some_and(|n| n.null_count() > 0) {
            return Err(Error::input(
                Some("data"),
                "a struct array with null rows is no table",
            ));
        }
        let batch = RecordBatch::try_new_with_options(
            Arc::new(Schema::new(fields)),
            columns,
            &RecordBatchOptions::new().with_row_count(Some(rows)),
        )
        .map_err(bad)?;
        return Ok(Input::Batch(batch));
    }
    if data.hasattr("__arrow_c_stream__")? {
        let capsule = data.call_method1("__arrow_c_stream__", (py.None(),))?;
        let capsule = capsule.cast::<PyCapsule>().map_err(|_| not_arrow())?;
        let stream = capsule.pointer_checked(Some(c"arrow_array_stream"))?;
        // SAFETY: a capsule named `arrow_array_stream` holds a pointer to an
        // initialised, aligned `ArrowArrayStream` (the Arrow PyCapsule
        // interface), alive for this call; `from_raw` moves it out and marks
        // the capsule's copy released.
        let stream = unsafe { FFI_ArrowArrayStream::from_raw(stream.as_ptr().cast()) };
        let reader = RecordBatchStreamReader::try_new(stream).map_err(bad)?;
        return Ok(Input::Stream(reader));
    }
    Err(not_arrow())
}

/// Plans and runs the schedule of `input` (no Python object is touched).
fn run(input: Input, options: &Options, source: &Source<'_>) -> Result<Output> {
    let lookup = |name: &str| -> std::result::Result<&Agreement, String> {
        match source {
            Source::One(a, _) => Ok(a),
            Source::ByName { agreements, .. } => agreements.get(name).copied().ok_or_else(|| {
                let mut known: Vec<&str> = agreements.keys().map(String::as_str).collect();
                known.sort_unstable();
                format!(
                    "no agreement named `{name}` in agreements (named: {})",
                    known.join(", ")
                )
            }),
        }
    };
    let agreements = match source {
        Source::One(a, _) => Agreements::One(a),
        Source::ByName { .. } => Agreements::ByColumn(&lookup),
    };
    let failed = |e: dpa_arrow::Error| match e {
        dpa_arrow::Error::Row(row) => Error::Row(row),
        other => Error::input(Some("data"), other.to_string()),
    };
    let plan = |schema: &SchemaRef| match source {
        Source::One(_, kept) => kept.plan(schema, options),
        Source::ByName { .. } => Plan::new(schema, options).map(Arc::new),
    };
    match input {
        Input::Batch(batch) => {
            let plan = plan(batch.schema_ref()).map_err(failed)?;
            let out = plan.run(&batch, &agreements, 0).map_err(failed)?;
            Ok(Output {
                schema: plan.output_schema().clone(),
                batches: vec![out.batch],
                skipped: out.skipped,
            })
        }
        Input::Stream(reader) => {
            use arrow::record_batch::RecordBatchReader;
            let plan = plan(&reader.schema()).map_err(failed)?;
            let mut rows: u64 = 0;
            let mut batches = Vec::new();
            let mut skipped = Vec::new();
            for batch in reader {
                let batch = batch.map_err(|e| Error::input(Some("data"), e.to_string()))?;
                let out = plan.run(&batch, &agreements, rows).map_err(failed)?;
                rows += batch.num_rows() as u64;
                batches.push(out.batch);
                skipped.extend(out.skipped);
            }
            Ok(Output {
                schema: plan.output_schema().clone(),
                batches,
                skipped,
            })
        }
    }
}

impl Output {
    /// The rows of the input: those written and those left out.
    fn rows_in(&self) -> usize {
        self.batches
            .iter()
            .map(RecordBatch::num_rows)
            .sum::<usize>()
            + self.skipped.len()
    }
}

/// Warns `dpa.SkippedRowsWarning` for the rows `on_error="skip"` left out:
/// never a silent drop. The message lists the first few rows as `dpa
/// schedule` reports them; the warning's `rows` holds every one.
fn warn_skipped(py: Python<'_>, skipped: &[RowError], rows: usize) -> PyResult<()> {
    let exceptions = py.import("dpa.exceptions")?;
    let row_class = exceptions.getattr("SkippedRow")?;
    let listed: Vec<String> = skipped
        .iter()
        .take(LISTED)
        .map(ToString::to_string)
        .collect();
    let more = skipped.len().saturating_sub(LISTED);
    let mut message = format!(
        "skipped {} of {rows} rows: {}",
        skipped.len(),
        listed.join("; ")
    );
    if more > 0 {
        message.push_str(&format!("; and {more} more (see the warning's rows)"));
    }
    let list = skipped
        .iter()
        .map(|e| row_class.call1((e.row, e.column.as_str(), e.message.as_str())))
        .collect::<PyResult<Vec<_>>>()?;
    let warning = exceptions
        .getattr("SkippedRowsWarning")?
        .call1((message, list))?;
    py.import("warnings")?
        .call_method1("warn", (warning, py.None(), 1))?;
    Ok(())
}

/// The result of a schedule, handed to pyarrow through the Arrow PyCapsule
/// interface (`pyarrow.record_batch` / `pyarrow.table` import it without a
/// copy). Not exported: the caller sees pyarrow's objects only.
#[pyclass(frozen, module = "dpa._dpa", name = "_ArrowData")]
#[derive(Debug)]
pub(crate) struct ArrowData {
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
}

#[pymethods]
impl ArrowData {
    /// The batches as an `ArrowArrayStream` capsule (`requested_schema` is
    /// not honoured: the data is offered as it is).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let batches: Vec<std::result::Result<RecordBatch, ArrowError>> =
            self.batches.iter().cloned().map(Ok).collect();
        let reader = RecordBatchIterator::new(batches, self.schema.clone());
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// The one batch as an `ArrowSchema` and `ArrowArray` capsule pair
    /// (`requested_schema` is not honoured).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
        let _ = requested_schema;
        let batch = match self.batches.as_slice() {
            [batch] => batch.clone(),
            _ => arrow::compute::concat_batches(&self.schema, &self.batches)
                .map_err(|e| Error::Internal(e.to_string()))?,
        };
        let data = StructArray::from(batch).into_data();
        let (array, schema) =
            arrow::ffi::to_ffi(&data).map_err(|e| Error::Internal(e.to_string()))?;
        Ok((
            PyCapsule::new_with_value(py, schema, c"arrow_schema")?,
            PyCapsule::new_with_value(py, array, c"arrow_array")?,
        ))
    }
}
