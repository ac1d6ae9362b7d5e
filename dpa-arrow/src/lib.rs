//! Deadlines for a whole table, on Arrow record batches: the input columns
//! name events ([`dpa_core::schedule::Column`]: `terminated_on`,
//! `breach_discovered_at`, ...), and [`Plan::run`] returns the input
//! columns followed by each deadline's due date or instant and its status
//! ([`dpa_core::schedule::KINDS`] names them: `deletion_due`,
//! `deletion_status`, ...). Every decision is dpa-core's
//! ([`dpa_core::schedule::Schedule::entry`]); this crate converts Arrow
//! values in and out. With the `files` feature (default) it also reads and
//! writes CSV and Parquet files batch by batch ([`files`]).
//!
//! Input types: a date column is `Date32`, `Date64` or UTF-8 text
//! `YYYY-MM-DD`; an instant column is a `Timestamp` with a time zone or UTF-8
//! text with a UTC offset (`2026-03-28T10:30:00+01:00`; a timestamp without
//! a zone is refused, never guessed: docs/rules.md rule 2). A null (an
//! empty CSV cell) is no event. Output types: `Date32` for a date deadline,
//! `Timestamp(Microsecond, "+00:00")` for an instant, the status as a
//! dictionary of its spellings (`Dictionary(Int8, Utf8)`), the optional
//! detail as UTF-8; null where the row has no event.
//!
//! ```
//! use std::sync::Arc;
//! use arrow::array::{Array, AsArray, StringArray};
//! use arrow::datatypes::{DataType, Field, Schema};
//! use arrow::record_batch::RecordBatch;
//! use dpa_arrow::{Agreements, Options, Plan};
//! use time::macros::date;
//!
//! let text = std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../examples/agreements/belco.toml"
//! ))?;
//! let belco = dpa_core::Agreement::from_toml(&text)?;
//! let schema = Arc::new(Schema::new(vec![Field::new("terminated_on", DataType::Utf8, true)]));
//! let batch = RecordBatch::try_new(
//!     schema.clone(),
//!     vec![Arc::new(StringArray::from(vec![Some("2026-11-30"), None]))],
//! )?;
//! let plan = Plan::new(&schema, &Options::new(date!(2027 - 03 - 01)))?;
//! let out = plan.run(&batch, &Agreements::One(&belco), 0)?;
//! let status = out.batch.column_by_name("deletion_status").unwrap();
//! let status = arrow::compute::cast(status, &DataType::Utf8)?;
//! assert_eq!(status.as_string::<i32>().value(0), "overdue");
//! assert!(status.is_null(1));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
// One unsafe block, in `status_array`, whose soundness a check right before
// it proves; everything else is safe code.
#![deny(unsafe_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::{Arc, LazyLock, Mutex};

use arrow::array::{ArrayRef, AsArray, DictionaryArray, Int8Array, StringArray};
use arrow::datatypes::{DataType, Field, Int8Type, Schema, SchemaRef, TimeUnit};
use arrow::error::ArrowError;
use arrow::record_batch::RecordBatch;
use dpa_core::Agreement;
use dpa_core::deadline::DeadlineKind;
use dpa_core::schedule::{Column, KINDS, KindColumns, Schedule, Status};
use dpa_core::values::{iso_date, iso_instant};
use time::{Date, OffsetDateTime};

#[cfg(feature = "files")]
pub mod files;
mod kinds;
mod memo;
#[cfg(feature = "files")]
mod parallel;
mod read;

use kinds::{Batch, kind_index};
use memo::{DayMemo, Memos};
use read::{Failures, Read, RowAgreements, read_column};

/// The `arrow` crate this one is built on, for callers that build or read
/// its batches.
pub use arrow;

/// What a schedule does with a row it cannot compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnError {
    /// Stop at the first bad row (the default).
    #[default]
    Fail,
    /// Leave the row out of the output and report it ([`Scheduled::skipped`]).
    Skip,
}

impl std::str::FromStr for OnError {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "fail" => Ok(OnError::Fail),
            "skip" => Ok(OnError::Skip),
            _ => Err(format!(
                "unknown on-error `{s}`: expected one of fail, skip"
            )),
        }
    }
}

/// How a table is scheduled.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The date statuses are as of.
    pub at: Date,
    /// Input column names given for [`Column`]s in place of their default
    /// names (`end_date` for `terminated_on`).
    pub names: BTreeMap<Column, String>,
    /// What to do with a bad row.
    pub on_error: OnError,
    /// Whether to add each deadline's citation and note (`*_detail`), per
    /// row.
    pub detail: bool,
    /// The column that names each row's agreement ([`Agreements::ByColumn`]),
    /// if any.
    pub agreement_column: Option<String>,
    /// The deadlines to compute, or `None` (the default) for every deadline
    /// of [`KINDS`] whose event column the table has. A deadline selected
    /// here must be one of [`KINDS`] and its event column must be in the
    /// table ([`Plan::new`] refuses it otherwise). The result columns keep
    /// the order of [`KINDS`]; an input column that only a deadline left
    /// out would read is passed through as it is, unread.
    pub deadlines: Option<BTreeSet<DeadlineKind>>,
}

impl Options {
    /// Statuses as of `at`; default column names, `fail` on a bad row, no
    /// detail, one agreement.
    pub fn new(at: Date) -> Options {
        Options {
            at,
            names: BTreeMap::new(),
            on_error: OnError::Fail,
            detail: false,
            agreement_column: None,
            deadlines: None,
        }
    }

    /// Adds the deadline named `name` (`deletion`, `breach_notice`, ...) to
    /// [`Options::deadlines`], so that only the deadlines named this way are
    /// computed.
    ///
    /// # Errors
    /// A name that is no deadline a schedule computes (the message lists
    /// them).
    pub fn select_deadline(&mut self, name: &str) -> Result<(), String> {
        let kind = KINDS
            .iter()
            .find(|k| k.kind.as_str() == name)
            .map(|k| k.kind)
            .ok_or_else(|| not_scheduled(name))?;
        self.deadlines
            .get_or_insert_with(BTreeSet::new)
            .insert(kind);
        Ok(())
    }

    /// The input name of `column`.
    pub fn name_of(&self, column: Column) -> &str {
        self.names
            .get(&column)
            .map_or(column.as_str(), String::as_str)
    }

    /// Reads a mapping `EVENT=NAME` (`terminated_on=end_date`) into
    /// [`Options::names`].
    ///
    /// # Errors
    /// Text without `=`, a column name that is not a [`Column`] (the message
    /// lists them), an empty name, or a column mapped twice.
    pub fn map_column(&mut self, mapping: &str) -> Result<(), String> {
        let (column, name) = mapping
            .split_once('=')
            .ok_or_else(|| format!("`{mapping}` is not COLUMN=NAME (terminated_on=end_date)"))?;
        let column: Column = column.parse().map_err(|e: dpa_core::Error| e.to_string())?;
        if name.is_empty() {
            return Err(format!("`{mapping}`: the name is empty"));
        }
        if self.names.insert(column, name.to_owned()).is_some() {
            return Err(format!("{column} is mapped twice"));
        }
        Ok(())
    }
}

/// The agreements a batch's rows are under.
#[derive(Clone, Copy)]
pub enum Agreements<'a> {
    /// Every row under one agreement.
    One(&'a Agreement),
    /// Each row under the agreement its [`Options::agreement_column`] names,
    /// as `lookup` finds it (an error message for a name that names none).
    ByColumn(&'a dyn Fn(&str) -> Result<&'a Agreement, String>),
}

impl fmt::Debug for Agreements<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Agreements::One(_) => f.write_str("Agreements::One"),
            Agreements::ByColumn(_) => f.write_str("Agreements::ByColumn"),
        }
    }
}

/// A row that could not be scheduled.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RowError {
    /// The row's number in the table, from 1 (the first row after a CSV
    /// header is row 1).
    pub row: u64,
    /// The input column the error is about, as the table names it.
    pub column: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for RowError {
    /// `row 3: terminated_on: ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}: {}: {}", self.row, self.column, self.message)
    }
}

/// Why a table cannot be scheduled.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The table's columns do not fit (none of the event columns, a mapped
    /// name that is no column, a column of a type that is no date).
    #[error("{0}")]
    Table(String),
    /// A bad row under [`OnError::Fail`].
    #[error("{0}")]
    Row(RowError),
    /// Arrow refused a batch (not expected: the batches are built to the
    /// plan's schema).
    #[error("{0}")]
    Arrow(#[from] ArrowError),
}

/// A scheduled batch: the rows with their results, and the rows left out.
#[derive(Debug)]
#[non_exhaustive]
pub struct Scheduled {
    /// The input columns and the result columns of the rows scheduled.
    pub batch: RecordBatch,
    /// The rows left out under [`OnError::Skip`], in row order.
    pub skipped: Vec<RowError>,
}

/// An input column the plan reads: which [`Column`], and where.
#[derive(Debug, Clone, Copy)]
struct Input {
    column: Column,
    index: usize,
}

/// The schedule of a table of one schema: which columns are read, which
/// deadlines computed, and the output schema. Built once, run on every
/// batch; it keeps the due dates it computed per event day from batch to
/// batch ([`Plan::run`]).
#[derive(Debug)]
pub struct Plan {
    options: Options,
    inputs: Vec<Input>,
    kinds: Vec<&'static KindColumns>,
    agreement: Option<usize>,
    output: SchemaRef,
    memos: Mutex<Memos>,
}

impl Clone for Plan {
    /// The same plan, with memos of its own (empty).
    fn clone(&self) -> Plan {
        Plan {
            options: self.options.clone(),
            inputs: self.inputs.clone(),
            kinds: self.kinds.clone(),
            agreement: self.agreement,
            output: self.output.clone(),
            memos: Mutex::default(),
        }
    }
}

/// The status dictionary's values: every spelling, in [`Status::ALL`] order.
pub(crate) static STATUS_VALUES: LazyLock<ArrayRef> = LazyLock::new(|| {
    Arc::new(StringArray::from_iter_values(
        Status::ALL.iter().map(|s| s.as_str()),
    ))
});

impl Plan {
    /// The plan for batches of `schema`.
    ///
    /// # Errors
    /// [`Error::Table`]: a mapped name or the agreement column not in the
    /// schema, none of the event columns, a completion column without its
    /// event, a column of a type that holds no date or instant, or a result
    /// column's name already in the input.
    pub fn new(schema: &Schema, options: &Options) -> Result<Plan, Error> {
        for (column, name) in &options.names {
            if schema.index_of(name).is_err() {
                return Err(Error::Table(format!(
                    "no column `{name}` in the table (given for {column})"
                )));
            }
        }
        let mut present = Vec::new();
        for &column in Column::ALL {
            let name = options.name_of(column);
            if let Ok(index) = schema.index_of(name) {
                check_type(column, name, schema.field(index).data_type())?;
                present.push(Input { column, index });
            }
        }
        let has = |c: Column| present.iter().any(|i| i.column == c);
        let selected = |k: &KindColumns| {
            options
                .deadlines
                .as_ref()
                .is_none_or(|s| s.contains(&k.kind))
        };
        if let Some(s) = &options.deadlines {
            check_selection(s, options, &has)?;
        }
        let kinds: Vec<&'static KindColumns> = KINDS
            .iter()
            .filter(|k| selected(k) && has(k.event))
            .collect();
        if kinds.is_empty() {
            return Err(Error::Table(format!(
                "the table has none of the event columns {} (map another name with COLUMN=NAME)",
                event_columns().join(", ")
            )));
        }
        for k in KINDS.iter().filter(|k| selected(k)) {
            if let Some(c) = k.completion
                && has(c)
                && !has(k.event)
            {
                return Err(Error::Table(format!(
                    "column `{}` ({c}) needs the event column `{}` ({})",
                    options.name_of(c),
                    options.name_of(k.event),
                    k.event
                )));
            }
        }
        // Only the columns a computed deadline reads; with every deadline
        // computed, every column present.
        let inputs: Vec<Input> = present
            .into_iter()
            .filter(|i| {
                kinds
                    .iter()
                    .any(|k| k.event == i.column || k.completion == Some(i.column))
            })
            .collect();
        let agreement = match &options.agreement_column {
            None => None,
            Some(name) => {
                let index = schema.index_of(name).map_err(|_| {
                    Error::Table(format!("no agreement column `{name}` in the table"))
                })?;
                if !is_text(schema.field(index).data_type()) {
                    return Err(Error::Table(format!(
                        "agreement column `{name}` is {}, not text",
                        schema.field(index).data_type()
                    )));
                }
                Some(index)
            }
        };
        let output = output_schema(schema, &kinds, options.detail)?;
        Ok(Plan {
            options: options.clone(),
            inputs,
            kinds,
            agreement,
            output,
            memos: Mutex::default(),
        })
    }

    /// The schema of every batch [`Plan::run`] returns.
    pub fn output_schema(&self) -> &SchemaRef {
        &self.output
    }

    /// Schedules `batch` (of the plan's schema) under `agreements`;
    /// `first_row` is the number of rows before it in the table (row
    /// numbers in errors count from 1 over the whole table).
    ///
    /// The input columns are read once each; a date kind's due date is
    /// computed once per distinct event day and agreement, and kept from
    /// batch to batch (under a copy of the agreement, so that an agreement
    /// that differs never shares it); the result columns are built from
    /// plain buffers. Every row's values, statuses and errors are those of
    /// [`Schedule::entry`] on that row.
    ///
    /// # Errors
    /// [`Error::Row`] for the first bad row under [`OnError::Fail`];
    /// [`Error::Arrow`] if a batch cannot be built.
    pub fn run(
        &self,
        batch: &RecordBatch,
        agreements: &Agreements<'_>,
        first_row: u64,
    ) -> Result<Scheduled, Error> {
        let n = batch.num_rows();
        let mut failures = Failures::new(n);
        let rows = RowAgreements::read(
            batch,
            agreements,
            self.agreement,
            &self.options,
            &mut failures,
        );
        let mut reads: Vec<Option<Read<'_>>> = (0..Column::ALL.len()).map(|_| None).collect();
        for i in &self.inputs {
            let name = self.options.name_of(i.column);
            reads[i.column as usize] = Some(read_column(
                batch.column(i.index),
                i.column,
                name,
                &mut failures,
            ));
        }
        let mut held = self.memos.try_lock();
        let mut own = Memos::default();
        let memos = match &mut held {
            Ok(guard) => &mut **guard,
            // Another thread runs this plan: a memo of this batch's own.
            Err(_) => &mut own,
        };
        memos.trim();
        let at = days_of(self.options.at);
        // The memos' index of each of the batch's agreements; agreements
        // equal in value share one.
        let indices: Vec<usize> = match &rows {
            RowAgreements::One(a) => vec![memos.of(a, at)],
            RowAgreements::PerRow { distinct, .. } => {
                distinct.iter().map(|a| memos.of(a, at)).collect()
            }
        };
        let mut unique = indices.clone();
        unique.sort_unstable();
        unique.dedup();
        let memo_of: Vec<usize> = indices
            .iter()
            .map(|i| unique.binary_search(i).unwrap_or(0))
            .collect();
        let computing = Batch {
            n,
            schedule: Schedule::new(self.options.at),
            options: &self.options,
            agreements: &rows,
            reads: &reads,
        };
        let mut columns = batch.columns().to_vec();
        for k in &self.kinds {
            let kind = kind_index(k);
            let mut kind_memos: Vec<DayMemo> = unique
                .iter()
                .map(|&i| std::mem::take(memos.memo(i, kind)))
                .collect();
            columns.extend(computing.kind(k, &mut kind_memos, &memo_of, &mut failures));
            for (&i, m) in unique.iter().zip(kind_memos) {
                *memos.memo(i, kind) = m;
            }
        }
        drop(held);
        let out = RecordBatch::try_new(self.output.clone(), columns)?;
        if !failures.any() {
            return Ok(Scheduled {
                batch: out,
                skipped: Vec::new(),
            });
        }
        let keep = failures.kept();
        let mut skipped = failures
            .into_rows()
            .map(|(row, (column, message))| RowError {
                row: first_row + row as u64 + 1,
                column,
                message,
            });
        match self.options.on_error {
            OnError::Fail => match skipped.next() {
                Some(e) => Err(Error::Row(e)),
                None => Ok(Scheduled {
                    batch: out,
                    skipped: Vec::new(),
                }),
            },
            OnError::Skip => Ok(Scheduled {
                batch: arrow::compute::filter_record_batch(&out, &keep)?,
                skipped: skipped.collect(),
            }),
        }
    }
}

/// The message of `e` without the column name dpa-core puts in front of it
/// (the caller names the column as the table names it).
pub(crate) fn message(e: &dpa_core::Error, column: Column) -> String {
    let text = e.to_string();
    let prefix = format!("{}: ", column.as_str());
    match text.strip_prefix(&prefix) {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// The citation, the provenance and the note of a deadline on one line:
/// `DPS 1.11, clause 2.6.3 (not stated): the statement does not state ...`.
pub(crate) fn detail_text(d: &dpa_core::deadline::Deadline) -> String {
    let mut s = d.citation.clone();
    if let Some(a) = d.provenance.annotation() {
        s.push_str(&format!(" ({a})"));
    }
    if let Some(note) = &d.note {
        s.push_str(": ");
        s.push_str(note);
    }
    s
}

/// Days from 1970-01-01 to 0001-01-01 and to 9999-12-31: the supported
/// range (dpa-core's years 1 to 9999).
pub(crate) const FIRST_DAY: i64 = -719_162;
pub(crate) const LAST_DAY: i64 = 2_932_896;

/// The date `days` after 1970-01-01, in the years 1 to 9999.
pub(crate) fn date_of_days(days: i64) -> Result<Date, String> {
    const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;
    if (FIRST_DAY..=LAST_DAY).contains(&days)
        && let Ok(d) = Date::from_julian_day((days + UNIX_EPOCH_JULIAN_DAY) as i32)
    {
        return Ok(d);
    }
    let julian = i32::try_from(days + UNIX_EPOCH_JULIAN_DAY)
        .map_err(|_| format!("{days} days from 1970-01-01 is outside the years 1 to 9999"))?;
    let d = Date::from_julian_day(julian)
        .map_err(|_| format!("{days} days from 1970-01-01 is outside the years 1 to 9999"))?;
    iso_date::from_parts(d.year(), u32::from(u8::from(d.month())), u32::from(d.day()))
        .map_err(|e| e.to_string())
}

/// The instant `v` units after 1970-01-01T00:00:00Z.
pub(crate) fn instant_of(v: i64, unit: TimeUnit) -> Result<OffsetDateTime, String> {
    let per_second: i64 = match unit {
        TimeUnit::Second => 1,
        TimeUnit::Millisecond => 1_000,
        TimeUnit::Microsecond => 1_000_000,
        TimeUnit::Nanosecond => 1_000_000_000,
    };
    let secs = v.div_euclid(per_second);
    let nanos = v.rem_euclid(per_second) * (1_000_000_000 / per_second);
    let t = iso_instant::from_unix(secs).map_err(|e| e.to_string())?;
    Ok(t + time::Duration::nanoseconds(nanos))
}

/// The text at `row` of a UTF-8 column (`None` for a null or a column that
/// is no text).
pub(crate) fn text_at(array: &ArrayRef, row: usize) -> Option<&str> {
    if array.is_null(row) {
        return None;
    }
    match array.data_type() {
        DataType::Utf8 => Some(array.as_string::<i32>().value(row)),
        DataType::LargeUtf8 => Some(array.as_string::<i64>().value(row)),
        DataType::Utf8View => Some(array.as_string_view().value(row)),
        _ => None,
    }
}

fn is_text(t: &DataType) -> bool {
    matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
}

/// Refuses a column whose type holds no value of `column`'s kind.
fn check_type(column: Column, name: &str, t: &DataType) -> Result<(), Error> {
    let ok = is_text(t)
        || if column.holds_instants() {
            matches!(t, DataType::Timestamp(_, Some(_)))
        } else {
            matches!(t, DataType::Date32 | DataType::Date64)
        };
    if ok {
        return Ok(());
    }
    let expected = if column.holds_instants() {
        "a timestamp with a time zone or text with a UTC offset (a timestamp without a zone is not guessed)"
    } else {
        "a date (Date32, Date64) or text YYYY-MM-DD"
    };
    Err(Error::Table(format!(
        "column `{name}` ({column}) is {t}: expected {expected}"
    )))
}

/// Refuses a selection of deadlines ([`Options::deadlines`]) that is empty
/// or names a deadline whose event column the table lacks.
fn check_selection(
    selection: &BTreeSet<DeadlineKind>,
    options: &Options,
    has: &dyn Fn(Column) -> bool,
) -> Result<(), Error> {
    if selection.is_empty() {
        return Err(Error::Table(
            "no deadline selected: name at least one, or select none to compute every deadline the table's columns start"
                .to_owned(),
        ));
    }
    for kind in selection {
        let Some(k) = KINDS.iter().find(|k| k.kind == *kind) else {
            return Err(Error::Table(not_scheduled(kind.as_str())));
        };
        if !has(k.event) {
            return Err(Error::Table(format!(
                "deadline `{kind}` needs the event column `{}` ({}), which the table does not have",
                options.name_of(k.event),
                k.event
            )));
        }
    }
    Ok(())
}

/// The message for `name`, which is no deadline of [`KINDS`].
fn not_scheduled(name: &str) -> String {
    let names: Vec<&str> = KINDS.iter().map(|k| k.kind.as_str()).collect();
    format!(
        "`{name}` is no deadline a schedule computes: expected one of {}",
        names.join(", ")
    )
}

fn event_columns() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = KINDS.iter().map(|k| k.event.as_str()).collect();
    names.dedup();
    names
}

/// The output schema: the input's fields, then each kind's result fields.
fn output_schema(
    input: &Schema,
    kinds: &[&'static KindColumns],
    detail: bool,
) -> Result<SchemaRef, Error> {
    let mut fields: Vec<Arc<Field>> = input.fields().iter().cloned().collect();
    for k in kinds {
        let due = if k.event.holds_instants() {
            DataType::Timestamp(TimeUnit::Microsecond, Some("+00:00".into()))
        } else {
            DataType::Date32
        };
        fields.push(Arc::new(Field::new(k.due_column, due, true)));
        fields.push(Arc::new(Field::new(
            k.status_column,
            DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8)),
            true,
        )));
        if detail {
            fields.push(Arc::new(Field::new(k.detail_column, DataType::Utf8, true)));
        }
    }
    for f in &fields[input.fields().len()..] {
        if input.index_of(f.name()).is_ok() {
            return Err(Error::Table(format!(
                "the table already has a column `{}`, which the schedule writes",
                f.name()
            )));
        }
    }
    Ok(Arc::new(Schema::new(fields)))
}

/// The status column from its dictionary keys, each an index into
/// [`STATUS_VALUES`] ([`status_key`]; 0 under a null).
///
/// Arrow's checked constructor tests the keys one by one with an early
/// exit, about 0.5 ns a key: a fifth of a schedule of one deadline on a
/// million rows. The same check here is the largest key read as a byte, a
/// reduction the compiler vectorises; the keys that pass it are handed over
/// unchecked.
#[allow(
    unsafe_code,
    reason = "arrow's key check, replaced by a vectorised one that proves the same"
)]
pub(crate) fn status_array(keys: Int8Array) -> ArrayRef {
    let values = STATUS_VALUES.clone();
    // A negative key, read as a byte, is 128 or more: above any valid one.
    let largest = keys
        .values()
        .iter()
        .fold(0_u8, |m, &k| m.max(k.cast_unsigned()));
    if usize::from(largest) < values.len() {
        // SAFETY: `try_new` would accept these keys, which is
        // `new_unchecked`'s contract: every key, under a null or not, is in
        // `0..values.len()`, since read as a byte it is at most `largest`,
        // which is below `values.len()`, and a negative one would read as
        // 128 or more.
        Arc::new(unsafe { DictionaryArray::<Int8Type>::new_unchecked(keys, values) })
    } else {
        // Not reached: the keys are `status_key`s. Checked by arrow as
        // before.
        Arc::new(DictionaryArray::<Int8Type>::new(keys, values))
    }
}

/// The index of `s` in [`Status::ALL`] (the dictionary key).
pub(crate) fn status_key(s: Status) -> i8 {
    Status::ALL
        .iter()
        .position(|x| *x == s)
        .and_then(|i| i8::try_from(i).ok())
        .unwrap_or(0)
}

/// Days since 1970-01-01.
pub(crate) fn days_of(d: Date) -> i32 {
    const UNIX_EPOCH_JULIAN_DAY: i32 = 2_440_588;
    d.to_julian_day() - UNIX_EPOCH_JULIAN_DAY
}

/// Microseconds since 1970-01-01T00:00:00Z.
pub(crate) fn micros_of(t: OffsetDateTime) -> i64 {
    let micros = t.unix_timestamp_nanos().div_euclid(1_000);
    i64::try_from(micros).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails loudly")]

    use super::*;
    use arrow::array::Array;

    /// The status column made without arrow's per-key check is a valid
    /// dictionary array (arrow's full validation passes) whose values are
    /// the statuses' spellings, nulls included.
    ///
    /// Source: docs/rules.md, "Schedule statuses" (the spellings,
    /// `Status::ALL`); arrow's `ArrayData::validate_full`.
    #[test]
    fn status_array_of_every_key_is_valid() {
        let keys: Vec<Option<i8>> = Status::ALL
            .iter()
            .map(|s| Some(status_key(*s)))
            .chain([None])
            .collect();
        let array = status_array(Int8Array::from(keys));
        array.to_data().validate_full().unwrap();
        let text = arrow::compute::cast(&array, &DataType::Utf8).unwrap();
        let text: Vec<Option<&str>> = text.as_string::<i32>().iter().collect();
        let mut expected: Vec<Option<&str>> =
            Status::ALL.iter().map(|s| Some(s.as_str())).collect();
        expected.push(None);
        assert_eq!(text, expected);
    }

    /// A key outside the dictionary, negative or too large, fails the
    /// vectorised check and goes to arrow's checked constructor, which
    /// refuses it: it never reaches the unchecked one.
    ///
    /// Source: arrow's `DictionaryArray::try_new` ("Invalid dictionary
    /// key"); `new_unchecked`'s contract.
    #[test]
    fn keys_outside_the_dictionary_are_never_unchecked() {
        let len = i8::try_from(Status::ALL.len()).unwrap();
        for bad in [-1_i8, i8::MIN, len, i8::MAX] {
            let keys = Int8Array::from(vec![0, bad]);
            let caught = std::panic::catch_unwind(|| status_array(keys));
            let message = caught.unwrap_err();
            let message = message
                .downcast_ref::<String>()
                .map(String::as_str)
                .unwrap_or_default();
            assert!(
                message.contains("Invalid dictionary key"),
                "{bad}: {message}"
            );
        }
    }
}
