//! A batch's input columns read once, column by column: the agreement of
//! each row, the date columns as days since 1970-01-01 (a `Date32` column
//! as it is, without a copy), the instant columns as instants. A value that
//! cannot be read is the row's failure, recorded in the order the row's
//! values are read: its agreement, then the input columns in
//! [`Column::ALL`] order, then its deadlines in [`dpa_core::schedule::KINDS`]
//! order (the order of the row-by-row reading this replaces, so that a row
//! names the same first error).

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap};

use arrow::array::{Array, ArrayRef, AsArray, BooleanBufferBuilder};
use arrow::buffer::NullBuffer;
use arrow::datatypes::{
    DataType, Date32Type, Date64Type, TimeUnit, TimestampMicrosecondType, TimestampMillisecondType,
    TimestampNanosecondType, TimestampSecondType,
};
use arrow::record_batch::RecordBatch;
use dpa_core::Agreement;
use dpa_core::deadline::Start;
use dpa_core::schedule::Column;
use time::OffsetDateTime;

use crate::{
    Agreements, FIRST_DAY, LAST_DAY, Options, date_of_days, days_of, instant_of, message, text_at,
};

/// The first failure of each row, in the order described above.
#[derive(Debug)]
pub(crate) struct Failures {
    rows: usize,
    /// Whether each row failed; empty until a row does.
    failed: Vec<bool>,
    first: BTreeMap<usize, (String, String)>,
}

impl Failures {
    pub(crate) fn new(rows: usize) -> Failures {
        Failures {
            rows,
            failed: Vec::new(),
            first: BTreeMap::new(),
        }
    }

    /// Whether `row` has failed.
    #[inline]
    pub(crate) fn has(&self, row: usize) -> bool {
        self.failed.get(row).copied().unwrap_or(false)
    }

    /// Whether any row has failed.
    pub(crate) fn any(&self) -> bool {
        !self.first.is_empty()
    }

    /// Records the failure of `row` in `column`, unless it failed before.
    pub(crate) fn record(&mut self, row: usize, column: String, message: String) {
        if self.failed.is_empty() {
            self.failed = vec![false; self.rows];
        }
        if let Some(failed) = self.failed.get_mut(row)
            && !*failed
        {
            *failed = true;
            self.first.insert(row, (column, message));
        }
    }

    /// The rows that did not fail, as a filter mask.
    pub(crate) fn kept(&self) -> arrow::array::BooleanArray {
        (0..self.rows).map(|row| Some(!self.has(row))).collect()
    }

    /// The failures, in row order.
    pub(crate) fn into_rows(self) -> impl Iterator<Item = (usize, (String, String))> {
        self.first.into_iter()
    }
}

/// The agreement of each row.
pub(crate) enum RowAgreements<'a> {
    /// Every row's.
    One(&'a Agreement),
    /// Each row's: its index in `distinct` (`u32::MAX` where it failed).
    PerRow {
        distinct: Vec<&'a Agreement>,
        index: Vec<u32>,
    },
}

impl<'a> RowAgreements<'a> {
    /// The agreements the rows of `batch` are under; a row whose agreement
    /// cannot be found fails.
    pub(crate) fn read(
        batch: &RecordBatch,
        agreements: &Agreements<'a>,
        column: Option<usize>,
        options: &Options,
        failures: &mut Failures,
    ) -> RowAgreements<'a> {
        let lookup = match (agreements, column) {
            (Agreements::One(a), _) => return RowAgreements::One(a),
            (Agreements::ByColumn(lookup), Some(index)) => (lookup, batch.column(index)),
            (Agreements::ByColumn(_), None) => {
                for row in 0..batch.num_rows() {
                    failures.record(
                        row,
                        String::new(),
                        "agreements by column, but the plan has no agreement column".to_owned(),
                    );
                }
                return RowAgreements::PerRow {
                    distinct: Vec::new(),
                    index: vec![u32::MAX; batch.num_rows()],
                };
            }
        };
        let (lookup, array) = lookup;
        let name = || options.agreement_column.clone().unwrap_or_default();
        let mut distinct: Vec<&'a Agreement> = Vec::new();
        let mut seen: HashMap<*const Agreement, u32> = HashMap::new();
        let mut index = Vec::with_capacity(batch.num_rows());
        for row in 0..batch.num_rows() {
            let found = match text_at(array, row) {
                None => Err("no agreement named".to_owned()),
                Some(path) => lookup(path),
            };
            match found {
                Ok(a) => {
                    let i = *seen.entry(std::ptr::from_ref(a)).or_insert_with(|| {
                        distinct.push(a);
                        (distinct.len() - 1) as u32
                    });
                    index.push(i);
                }
                Err(m) => {
                    failures.record(row, name(), m);
                    index.push(u32::MAX);
                }
            }
        }
        RowAgreements::PerRow { distinct, index }
    }
}

/// A date column as days since 1970-01-01.
#[derive(Debug)]
pub(crate) struct Days<'a> {
    values: Cow<'a, [i32]>,
    /// Where a value is (`None`: everywhere).
    valid: Option<NullBuffer>,
    /// The least and the greatest day with a value, once known (each kind
    /// of the column asks for it).
    range: OnceCell<Option<(i32, i32)>>,
}

impl Days<'_> {
    /// The day at `row`, `None` for no value.
    #[inline]
    pub(crate) fn get(&self, row: usize) -> Option<i32> {
        match &self.valid {
            Some(v) if v.is_null(row) => None,
            _ => Some(self.values[row]),
        }
    }

    /// The day values (any value where there is none).
    #[inline]
    pub(crate) fn values(&self) -> &[i32] {
        &self.values
    }

    /// Where a value is.
    pub(crate) fn valid(&self) -> Option<&NullBuffer> {
        self.valid.as_ref()
    }

    /// The least and the greatest day with a value, if any.
    pub(crate) fn range(&self) -> Option<(i32, i32)> {
        *self.range.get_or_init(|| self.find_range())
    }

    fn find_range(&self) -> Option<(i32, i32)> {
        let mut range: Option<(i32, i32)> = None;
        let mut take = |d: i32| {
            range = Some(range.map_or((d, d), |(lo, hi)| (lo.min(d), hi.max(d))));
        };
        match &self.valid {
            None => {
                let (lo, hi) = self
                    .values
                    .iter()
                    .fold((i32::MAX, i32::MIN), |(lo, hi), &d| (lo.min(d), hi.max(d)));
                if lo <= hi {
                    take(lo);
                    take(hi);
                }
            }
            Some(v) => v.valid_indices().for_each(|row| take(self.values[row])),
        }
        range
    }
}

/// An input column, read.
#[derive(Debug)]
pub(crate) enum Read<'a> {
    /// A date column.
    Days(Days<'a>),
    /// An instant column.
    Instants(Vec<Option<OffsetDateTime>>),
}

/// Reads the input `column` (named `name`) from `array`; a value that
/// cannot be read fails its row.
pub(crate) fn read_column<'a>(
    array: &'a ArrayRef,
    column: Column,
    name: &str,
    failures: &mut Failures,
) -> Read<'a> {
    let n = array.len();
    let mut fail = |row: usize, m: String| failures.record(row, name.to_owned(), m);
    match array.data_type() {
        DataType::Date32 => {
            let a = array.as_primitive::<Date32Type>();
            let values = a.values();
            let in_range = |d: i32| (FIRST_DAY..=LAST_DAY).contains(&i64::from(d));
            // One pass for the least and the greatest value (every value in
            // the range when both are), which is also the column's range of
            // days where every row has a value.
            let (lo, hi) = values
                .iter()
                .fold((i32::MAX, i32::MIN), |(lo, hi), &d| (lo.min(d), hi.max(d)));
            let range = OnceCell::new();
            if a.null_count() == 0 {
                let _ = range.set((lo <= hi).then_some((lo, hi)));
            }
            let all_in_range = values.is_empty() || (in_range(lo) && in_range(hi));
            if !all_in_range {
                for row in 0..n {
                    if a.is_valid(row)
                        && let Err(m) = date_of_days(i64::from(values[row]))
                    {
                        fail(row, m);
                    }
                }
            }
            Read::Days(Days {
                values: Cow::Borrowed(values),
                valid: a.nulls().cloned(),
                range,
            })
        }
        DataType::Date64 => {
            let a = array.as_primitive::<Date64Type>();
            days_from(n, |row| {
                if a.is_null(row) {
                    return None;
                }
                let days = a.value(row).div_euclid(86_400_000);
                match date_of_days(days) {
                    Ok(_) => Some(days as i32),
                    Err(m) => {
                        fail(row, m);
                        Some(0)
                    }
                }
            })
        }
        DataType::Timestamp(unit, Some(_)) => {
            let unit = *unit;
            let read = |v: i64, row: usize, fail: &mut dyn FnMut(usize, String)| {
                instant_of(v, unit).map_err(|m| fail(row, m)).ok()
            };
            let values: Vec<Option<OffsetDateTime>> = (0..n)
                .map(|row| {
                    if array.is_null(row) {
                        return None;
                    }
                    let v = match unit {
                        TimeUnit::Second => array.as_primitive::<TimestampSecondType>().value(row),
                        TimeUnit::Millisecond => {
                            array.as_primitive::<TimestampMillisecondType>().value(row)
                        }
                        TimeUnit::Microsecond => {
                            array.as_primitive::<TimestampMicrosecondType>().value(row)
                        }
                        TimeUnit::Nanosecond => {
                            array.as_primitive::<TimestampNanosecondType>().value(row)
                        }
                    };
                    read(v, row, &mut fail)
                })
                .collect();
            Read::Instants(values)
        }
        // Text (the plan allows no other type): dpa-core's reader.
        _ if column.holds_instants() => Read::Instants(
            (0..n)
                .map(|row| match column.parse(text_at(array, row)?) {
                    Ok(Start::Instant(t)) => Some(t),
                    Ok(_) => None,
                    Err(e) => {
                        fail(row, message(&e, column));
                        None
                    }
                })
                .collect(),
        ),
        _ => days_from(n, |row| match column.parse(text_at(array, row)?) {
            Ok(Start::Date(d)) => Some(days_of(d)),
            Ok(_) => None,
            Err(e) => {
                fail(row, message(&e, column));
                Some(0)
            }
        }),
    }
}

/// A date column of `n` rows, the day of each row from `day` (`None`: no
/// value).
fn days_from<'a>(n: usize, mut day: impl FnMut(usize) -> Option<i32>) -> Read<'a> {
    let mut values = Vec::with_capacity(n);
    let mut valid = BooleanBufferBuilder::new(n);
    for row in 0..n {
        let d = day(row);
        values.push(d.unwrap_or(0));
        valid.append(d.is_some());
    }
    let valid = NullBuffer::new(valid.finish());
    Read::Days(Days {
        values: Cow::Owned(values),
        valid: (valid.null_count() > 0).then_some(valid),
        range: OnceCell::new(),
    })
}
