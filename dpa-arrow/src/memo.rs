//! The due date of a date kind per distinct event day: a table has many
//! rows and few distinct days (ten years of terminations are 3,650 days),
//! and a date kind's due date and bound depend on the agreement, the kind
//! and the event day alone ([`dpa_core::schedule::Schedule::due_date`]).
//! Each day is computed once per agreement and kind; every row of that day
//! takes the memo's answer and applies its own completion
//! ([`dpa_core::schedule::Status::of_date`]).
//!
//! A [`Plan`](crate::Plan) keeps its memos from batch to batch, each under
//! a copy of the agreement it was computed for: a batch's agreement that is
//! not equal to the copy gets a memo of its own, so a memo never answers for
//! another agreement.

use std::collections::HashMap;

use dpa_core::Agreement;
use dpa_core::deadline::Bound;
use dpa_core::schedule::KINDS;

/// The most days a dense memo covers (about 180 years); a day outside it is
/// kept in a hash map.
const DENSE_DAYS: usize = 1 << 16;

/// The most days the hash map keeps before it starts again (memory does not
/// grow with the rows).
const SPARSE_DAYS: usize = 1 << 16;

/// The most agreements whose memos a plan keeps (the oldest goes first).
const AGREEMENTS: usize = 16;

/// What the memo knows of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// Not computed yet.
    Unknown,
    /// The computation failed (the caller computes it again for the
    /// message; errors are rare and each row names its own).
    Failed,
    /// The due day (days since 1970-01-01; `None` where there is no term)
    /// and the bound.
    Known {
        /// The due day.
        due: Option<i32>,
        /// Latest or earliest.
        bound: Bound,
    },
}

/// The slots of one agreement and kind: a dense window of days, and a hash
/// map for the days outside it.
#[derive(Debug, Default)]
pub(crate) struct DayMemo {
    /// The day of `dense[0]`.
    base: i32,
    dense: Vec<Slot>,
    sparse: HashMap<i32, Slot>,
}

impl DayMemo {
    /// Makes the dense window cover `min..=max` (a batch's event days) when
    /// the window, grown to cover them, stays within [`DENSE_DAYS`].
    pub(crate) fn cover(&mut self, min: i32, max: i32) {
        let (lo, hi) = if self.dense.is_empty() {
            (i64::from(min), i64::from(max))
        } else {
            let end = i64::from(self.base) + self.dense.len() as i64 - 1;
            (
                i64::from(min).min(i64::from(self.base)),
                i64::from(max).max(end),
            )
        };
        let span = hi - lo + 1;
        if span <= 0
            || span > DENSE_DAYS as i64
            || (lo == i64::from(self.base) && span == self.dense.len() as i64)
        {
            return;
        }
        let mut dense = vec![Slot::Unknown; span as usize];
        let offset = (i64::from(self.base) - lo) as usize;
        if !self.dense.is_empty() {
            dense[offset..offset + self.dense.len()].copy_from_slice(&self.dense);
        }
        self.base = lo as i32;
        self.dense = dense;
    }

    /// The slot of `day`, computed by `compute` the first time.
    #[inline]
    pub(crate) fn get(&mut self, day: i32, compute: impl FnOnce(i32) -> Slot) -> Slot {
        let i = i64::from(day) - i64::from(self.base);
        if let Some(slot) = usize::try_from(i).ok().and_then(|i| self.dense.get_mut(i)) {
            if *slot == Slot::Unknown {
                *slot = compute(day);
            }
            return *slot;
        }
        if let Some(slot) = self.sparse.get(&day) {
            return *slot;
        }
        let slot = compute(day);
        if self.sparse.len() >= SPARSE_DAYS {
            self.sparse.clear();
        }
        self.sparse.insert(day, slot);
        slot
    }
}

/// A plan's memos: per agreement (a copy of it), one per kind of
/// [`KINDS`].
#[derive(Debug, Default)]
pub(crate) struct Memos {
    entries: Vec<(Agreement, Vec<DayMemo>)>,
}

impl Memos {
    /// Lets go of the oldest agreements' memos beyond [`AGREEMENTS`]; called
    /// before a batch, so that the indices [`Memos::of`] gives stay valid
    /// through the batch.
    pub(crate) fn trim(&mut self) {
        let over = self.entries.len().saturating_sub(AGREEMENTS);
        self.entries.drain(..over);
    }

    /// The index of the memos of `agreement`, made (with a copy of it) if
    /// no kept agreement is equal to it.
    pub(crate) fn of(&mut self, agreement: &Agreement) -> usize {
        if let Some(i) = self.entries.iter().position(|(a, _)| a == agreement) {
            return i;
        }
        let memos = KINDS.iter().map(|_| DayMemo::default()).collect();
        self.entries.push((agreement.clone(), memos));
        self.entries.len() - 1
    }

    /// The memo of kind `kind` (its index in [`KINDS`]) for the agreement
    /// at `index`.
    #[inline]
    pub(crate) fn memo(&mut self, index: usize, kind: usize) -> &mut DayMemo {
        &mut self.entries[index].1[kind]
    }
}
