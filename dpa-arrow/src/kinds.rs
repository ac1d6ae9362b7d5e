//! A batch's deadlines, kind by kind, into result columns built from plain
//! buffers (a `Vec<i32>` of days, a `Vec<i8>` of dictionary keys, a bitmap
//! of where a value is) rather than value by value through builders.
//!
//! A date kind's due date comes from the memo of its agreement and kind
//! (the memo module), computed once per distinct event day by
//! [`Schedule::due_date`]; each row's status is [`Status::of_date`] of that
//! due date, the row's completion and the schedule's date, all as days
//! since 1970-01-01 (the order of the days is the order of the dates).
//! Where every row is under one agreement and the kind has no completion
//! column, a row's status depends on its event day alone: the memo keeps it
//! per day, and each row's due day and status are one load from the memo's
//! window over the batch's days (`Batch::gather`). An instant kind is
//! computed row by row ([`Schedule::entry`]).

use std::sync::Arc;

use arrow::array::{
    ArrayRef, BooleanBufferBuilder, Date32Array, Int8Array, StringArray, TimestampMicrosecondArray,
};
use arrow::buffer::{BooleanBuffer, NullBuffer, ScalarBuffer};
use dpa_core::Agreement;
use dpa_core::deadline::{Due, Start};
use dpa_core::schedule::{Column, KINDS, KindColumns, Schedule, Status};

use crate::memo::{Answer, DayMemo, Slot, State};
use crate::read::{Days, Failures, Read, RowAgreements};
use crate::{
    Options, date_of_days, days_of, detail_text, message, micros_of, status_array, status_key,
};

/// What the deadlines of one batch are computed from.
pub(crate) struct Batch<'a, 'r> {
    pub(crate) n: usize,
    pub(crate) schedule: Schedule,
    pub(crate) options: &'r Options,
    pub(crate) agreements: &'r RowAgreements<'a>,
    /// Each input column read, by [`Column`] (its `as usize`).
    pub(crate) reads: &'r [Option<Read<'r>>],
}

/// One kind's result columns being built.
struct Out {
    due_valid: BooleanBufferBuilder,
    status: Vec<i8>,
    status_valid: BooleanBufferBuilder,
    detail: Option<Vec<Option<String>>>,
}

impl Out {
    fn new(n: usize, detail: bool) -> Out {
        let mut due_valid = BooleanBufferBuilder::new(n);
        due_valid.append_n(n, false);
        let mut status_valid = BooleanBufferBuilder::new(n);
        status_valid.append_n(n, false);
        Out {
            due_valid,
            status: vec![0; n],
            status_valid,
            detail: detail.then(|| vec![None; n]),
        }
    }

    #[inline]
    fn set(&mut self, row: usize, has_due: bool, status: Status) {
        if has_due {
            self.due_valid.set_bit(row, true);
        }
        self.status[row] = status_key(status);
        self.status_valid.set_bit(row, true);
    }

    /// The status column and the detail column (if asked for), and the
    /// due column's validity.
    fn finish(mut self) -> (Option<NullBuffer>, ArrayRef, Option<ArrayRef>) {
        let keys = Int8Array::new(
            ScalarBuffer::from(self.status),
            nulls(&mut self.status_valid),
        );
        let status = status_array(keys);
        let detail = self
            .detail
            .map(|d| Arc::new(StringArray::from(d)) as ArrayRef);
        (nulls(&mut self.due_valid), status, detail)
    }
}

/// A validity bitmap as Arrow keeps it: none where every value is there.
fn nulls(valid: &mut BooleanBufferBuilder) -> Option<NullBuffer> {
    let v = NullBuffer::new(valid.finish());
    (v.null_count() > 0).then_some(v)
}

/// The error of a row's deadline as the row names it: the input column
/// (as the table names it) and the message.
fn named(options: &Options, k: &KindColumns, e: &dpa_core::Error) -> (String, String) {
    let column = e
        .path()
        .and_then(|p| p.parse::<Column>().ok())
        .unwrap_or(k.event);
    (options.name_of(column).to_owned(), message(e, column))
}

impl Batch<'_, '_> {
    fn days(&self, column: Column) -> Option<&Days<'_>> {
        match self.reads.get(column as usize) {
            Some(Some(Read::Days(d))) => Some(d),
            _ => None,
        }
    }

    fn instants(&self, column: Column) -> Option<&[Option<time::OffsetDateTime>]> {
        match self.reads.get(column as usize) {
            Some(Some(Read::Instants(v))) => Some(v),
            _ => None,
        }
    }

    /// The agreement of `row` (a row whose agreement was not found has
    /// failed before) and its index among the batch's agreements.
    #[inline]
    fn agreement(&self, row: usize) -> Option<(usize, &Agreement)> {
        match self.agreements {
            RowAgreements::One(a) => Some((0, a)),
            RowAgreements::PerRow { distinct, index } => {
                let i = *index.get(row)? as usize;
                distinct.get(i).map(|a| (i, *a))
            }
        }
    }

    /// The result columns of `k` (due, status, and detail if asked for);
    /// `memos[memo_of[i]]` is the memo of `k` for the batch's `i`-th
    /// agreement.
    pub(crate) fn kind(
        &self,
        k: &KindColumns,
        memos: &mut [DayMemo],
        memo_of: &[usize],
        failures: &mut Failures,
    ) -> Vec<ArrayRef> {
        if k.event.holds_instants() {
            return self.instant_kind(k, failures);
        }
        let n = self.n;
        let Some(events) = self.days(k.event) else {
            let (due, status, detail) = Out::new(n, self.options.detail).finish();
            let mut columns: Vec<ArrayRef> = vec![
                Arc::new(Date32Array::new(ScalarBuffer::from(vec![0_i32; n]), due)),
                status,
            ];
            columns.extend(detail);
            return columns;
        };
        let range = events.range();
        if let Some((lo, hi)) = range {
            for m in memos.iter_mut() {
                m.cover(lo, hi);
            }
        }
        let gathered = match (range, self.agreements) {
            (Some((lo, hi)), RowAgreements::One(agreement))
                if k.completion.and_then(|c| self.days(c)).is_none() =>
            {
                memos
                    .get_mut(memo_of.first().copied().unwrap_or(0))
                    .and_then(|memo| self.gather(k, agreement, events, memo, (lo, hi), failures))
            }
            _ => None,
        };
        let (due, due_valid, status) = match gathered {
            Some(g) => g,
            None => self.row_by_row(k, events, memos, memo_of, failures),
        };
        let detail = self
            .options
            .detail
            .then(|| self.detail(k, events, failures));
        let mut columns: Vec<ArrayRef> = vec![
            Arc::new(Date32Array::new(ScalarBuffer::from(due), due_valid)),
            status,
        ];
        columns.extend(detail);
        columns
    }

    /// A date kind's due days and statuses row by row, each row's day from
    /// its agreement's memo and its status from its own completion.
    fn row_by_row(
        &self,
        k: &KindColumns,
        events: &Days<'_>,
        memos: &mut [DayMemo],
        memo_of: &[usize],
        failures: &mut Failures,
    ) -> (Vec<i32>, Option<NullBuffer>, ArrayRef) {
        let n = self.n;
        let mut due = vec![0_i32; n];
        let mut out = Out::new(n, false);
        let completion = k.completion.and_then(|c| self.days(c));
        let at = days_of(self.schedule.at);
        let mut row_of = |row: usize, failures: &mut Failures| {
            if failures.has(row) {
                return;
            }
            let Some((i, agreement)) = self.agreement(row) else {
                return;
            };
            let day = events.values()[row];
            let slot = memos[memo_of[i]].get(day, |d| self.due_slot(agreement, k, d));
            match slot {
                Slot::Known { due: d, bound } => {
                    let done = completion.and_then(|c| c.get(row));
                    out.set(row, d.is_some(), Status::of_date(d, bound, done, at));
                    due[row] = d.unwrap_or(0);
                }
                Slot::Failed | Slot::Unknown => {
                    let (column, m) = self.due_error(agreement, k, day);
                    failures.record(row, column, m);
                }
            }
        };
        match events.valid() {
            None => (0..n).for_each(|row| row_of(row, failures)),
            Some(v) => v.valid_indices().for_each(|row| row_of(row, failures)),
        }
        let (due_valid, status, _) = out.finish();
        (due, due_valid, status)
    }

    /// A date kind's due days and statuses, every row under `agreement` and
    /// none with a completion: each row's due day and status (as of the
    /// schedule's date) read from the memo's window over the batch's days
    /// `lo..=hi` in one pass, with no branch on the row's own data; the rows
    /// whose day has no due day, or failed, are then set apart. `None`
    /// where the window does not cover the batch's days or would compute
    /// more days than the batch has rows (the caller goes row by row).
    fn gather(
        &self,
        k: &KindColumns,
        agreement: &Agreement,
        events: &Days<'_>,
        memo: &mut DayMemo,
        (lo, hi): (i32, i32),
        failures: &mut Failures,
    ) -> Option<(Vec<i32>, Option<NullBuffer>, ArrayRef)> {
        let n = self.n;
        let window = memo.window(lo, hi, n, |d| self.due_slot(agreement, k, d))?;
        let values = events.values();
        // A row with no value may hold any day: outside the window it reads
        // as not known, and its validity hides it below.
        let answer = |day: i32| {
            window
                .get(day.wrapping_sub(lo) as usize)
                .copied()
                .unwrap_or(Answer::UNKNOWN)
        };
        // Two passes over the days, each collected from an iterator of
        // known length (no zeroing, no capacity check per row).
        let mut due: Vec<i32> = values.iter().map(|&day| answer(day).due).collect();
        let mut keys: Vec<i8> = values.iter().map(|&day| answer(day).key).collect();
        // Every row with a value has its day in the window.
        let dated = window.iter().all(|a| a.state == State::Dated);
        let valid = events.valid().filter(|v| v.null_count() > 0);
        if let Some(v) = valid {
            // The values under a null as row by row leaves them.
            for row in (0..n).filter(|&row| v.is_null(row)) {
                due[row] = 0;
                keys[row] = 0;
            }
        }
        let (due_valid, status_valid) = if dated {
            (valid.cloned(), valid.cloned())
        } else {
            // Some row's day has no due day (a null due, the status
            // `none`) or failed (no value; the row fails). The due is
            // valid where the row's day is dated, 64 rows a word.
            let state = |row: usize| {
                window
                    .get(values[row].wrapping_sub(lo) as usize)
                    .map_or(State::Unknown, |a| a.state)
            };
            let due_valid = if window.iter().all(|a| a.state != State::Dated) {
                // No day of the batch has a due day (a term not stated).
                Some(NullBuffer::new_null(n))
            } else {
                let dated_rows = NullBuffer::new(BooleanBuffer::collect_bool(n, |row| {
                    state(row) == State::Dated
                }));
                NullBuffer::union(Some(&dated_rows), valid).filter(|v| v.null_count() > 0)
            };
            // A row fails only where a day of the window failed.
            let status_valid = if window
                .iter()
                .all(|a| matches!(a.state, State::Dated | State::Undated))
            {
                valid.cloned()
            } else {
                let mut status_valid = BooleanBufferBuilder::new(n);
                match valid {
                    Some(v) => status_valid.append_buffer(v.inner()),
                    None => status_valid.append_n(n, true),
                }
                let mut set_apart = |row: usize, failures: &mut Failures| {
                    if matches!(state(row), State::Failed | State::Unknown) {
                        status_valid.set_bit(row, false);
                        if !failures.has(row) {
                            let (column, m) = self.due_error(agreement, k, values[row]);
                            failures.record(row, column, m);
                        }
                    }
                };
                match valid {
                    None => (0..n).for_each(|row| set_apart(row, failures)),
                    Some(v) => v.valid_indices().for_each(|row| set_apart(row, failures)),
                }
                nulls(&mut status_valid)
            };
            (due_valid, status_valid)
        };
        let keys = Int8Array::new(ScalarBuffer::from(keys), status_valid);
        let status = status_array(keys);
        Some((due, due_valid, status))
    }

    /// The detail column of a date kind: each scheduled row's citation and
    /// note (a row that failed has none).
    fn detail(&self, k: &KindColumns, events: &Days<'_>, failures: &mut Failures) -> ArrayRef {
        let mut detail: Vec<Option<String>> = vec![None; self.n];
        for (row, cell) in detail.iter_mut().enumerate() {
            let Some(day) = events.get(row) else { continue };
            if failures.has(row) {
                continue;
            }
            let Some((_, agreement)) = self.agreement(row) else {
                continue;
            };
            let d = date_of_days(i64::from(day))
                .map_err(|m| (self.options.name_of(k.event).to_owned(), m))
                .and_then(|from| {
                    self.schedule
                        .detail(agreement, k.kind, Start::Date(from))
                        .map_err(|e| named(self.options, k, &e))
                });
            match d {
                Ok(d) => *cell = Some(detail_text(&d)),
                Err((column, m)) => failures.record(row, column, m),
            }
        }
        Arc::new(StringArray::from(detail))
    }

    /// The memo's slot for `day`: the due day and bound, or a failure.
    fn due_slot(&self, agreement: &Agreement, k: &KindColumns, day: i32) -> Slot {
        let Ok(from) = date_of_days(i64::from(day)) else {
            return Slot::Failed;
        };
        match self.schedule.due_date(agreement, k.kind, from) {
            Ok(d) => Slot::Known {
                due: d.due.map(days_of),
                bound: d.bound,
            },
            Err(_) => Slot::Failed,
        }
    }

    /// The error of a day whose slot failed, as the row names it.
    fn due_error(&self, agreement: &Agreement, k: &KindColumns, day: i32) -> (String, String) {
        let name = || self.options.name_of(k.event).to_owned();
        match date_of_days(i64::from(day)) {
            Err(m) => (name(), m),
            Ok(from) => match self.schedule.due_date(agreement, k.kind, from) {
                Err(e) => named(self.options, k, &e),
                Ok(_) => (name(), "the deadline could not be computed".to_owned()),
            },
        }
    }

    /// The result columns of an instant kind, row by row.
    fn instant_kind(&self, k: &KindColumns, failures: &mut Failures) -> Vec<ArrayRef> {
        let n = self.n;
        let mut due = vec![0_i64; n];
        let mut out = Out::new(n, self.options.detail);
        if let Some(events) = self.instants(k.event) {
            let completion = k.completion.and_then(|c| self.instants(c));
            for (row, event) in events.iter().enumerate() {
                let Some(t) = *event else { continue };
                if failures.has(row) {
                    continue;
                }
                let Some((_, agreement)) = self.agreement(row) else {
                    continue;
                };
                let done = completion.and_then(|c| c[row]).map(Start::Instant);
                let event = Start::Instant(t);
                let entry = self
                    .schedule
                    .entry(agreement, k.kind, event, done)
                    .map_err(|e| named(self.options, k, &e));
                let entry = match entry {
                    Ok(e) => e,
                    Err((column, m)) => {
                        failures.record(row, column, m);
                        continue;
                    }
                };
                let value = match entry.due {
                    Due::Date { date, .. } => Some(i64::from(days_of(date))),
                    Due::Instant(t) => Some(micros_of(t)),
                    _ => None,
                };
                out.set(row, value.is_some(), entry.status);
                due[row] = value.unwrap_or(0);
                if let Some(detail) = &mut out.detail {
                    match self.schedule.detail(agreement, k.kind, event) {
                        Ok(d) => detail[row] = Some(detail_text(&d)),
                        Err(e) => {
                            let (column, m) = named(self.options, k, &e);
                            failures.record(row, column, m);
                        }
                    }
                }
            }
        }
        let (valid, status, detail) = out.finish();
        let due =
            TimestampMicrosecondArray::new(ScalarBuffer::from(due), valid).with_timezone("+00:00");
        let mut columns: Vec<ArrayRef> = vec![Arc::new(due), status];
        columns.extend(detail);
        columns
    }
}

/// The index of `k` in [`KINDS`] (the memo of its kind).
pub(crate) fn kind_index(k: &KindColumns) -> usize {
    KINDS.iter().position(|x| x.kind == k.kind).unwrap_or(0)
}
