//! The due date of a date kind per distinct event day: a table has many
//! rows and few distinct days (ten years of terminations are 3,650 days),
//! and a date kind's due date and bound depend on the agreement, the kind
//! and the event day alone ([`dpa_core::schedule::Schedule::due_date`]).
//! Each day is computed once per agreement and kind; every row of that day
//! takes the memo's answer and applies its own completion
//! ([`dpa_core::schedule::Status::of_date`]). The dense window also keeps
//! each day's status for a row with no completion as of the plan's date
//! ([`Answer`]), so that a batch with no completion column takes each row's
//! due day and status from the window in one load ([`DayMemo::window`]).
//!
//! A [`Plan`](crate::Plan) keeps its memos from batch to batch, each under
//! a copy of the agreement it was computed for: a batch's agreement that is
//! not equal to the copy gets a memo of its own, so a memo never answers for
//! another agreement.

use std::collections::HashMap;

use dpa_core::Agreement;
use dpa_core::deadline::Bound;
use dpa_core::schedule::{KINDS, Status};

use crate::status_key;

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

/// What the memo keeps of a day in its dense window, in the form the row
/// loop reads it (8 bytes): the due day, the status of a row with no
/// completion as of the plan's date, and the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Answer {
    /// The due day (days since 1970-01-01; 0 where there is none).
    pub(crate) due: i32,
    /// The status key ([`Status::ALL`] index) of a row with this event day
    /// and no completion, as of the memo's date.
    pub(crate) key: i8,
    /// Whether the day is known, and how.
    pub(crate) state: State,
    /// Latest or earliest (where the state is dated or undated).
    pub(crate) bound: Bound,
}

/// The state of an [`Answer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    /// Not computed yet.
    Unknown,
    /// The computation failed.
    Failed,
    /// A due day.
    Dated,
    /// No term: no due day (the status is [`Status::None`]).
    Undated,
}

impl Answer {
    /// A day not computed yet.
    pub(crate) const UNKNOWN: Answer = Answer {
        due: 0,
        key: 0,
        state: State::Unknown,
        bound: Bound::NoLaterThan,
    };

    /// The answer of `slot` for a row with no completion as of day `at`.
    fn of(slot: Slot, at: i32) -> Answer {
        match slot {
            Slot::Unknown => Answer::UNKNOWN,
            Slot::Failed => Answer {
                state: State::Failed,
                ..Answer::UNKNOWN
            },
            Slot::Known { due, bound } => Answer {
                due: due.unwrap_or(0),
                key: status_key(Status::of_date(due, bound, None, at)),
                state: if due.is_some() {
                    State::Dated
                } else {
                    State::Undated
                },
                bound,
            },
        }
    }

    /// The slot this answer keeps.
    fn slot(self) -> Slot {
        match self.state {
            State::Unknown => Slot::Unknown,
            State::Failed => Slot::Failed,
            State::Dated => Slot::Known {
                due: Some(self.due),
                bound: self.bound,
            },
            State::Undated => Slot::Known {
                due: None,
                bound: self.bound,
            },
        }
    }
}

/// The slots of one agreement and kind: a dense window of days, and a hash
/// map for the days outside it.
#[derive(Debug, Default)]
pub(crate) struct DayMemo {
    /// The date the statuses of the answers are as of (days since
    /// 1970-01-01).
    at: i32,
    /// The day of `dense[0]`.
    base: i32,
    dense: Vec<Answer>,
    sparse: HashMap<i32, Slot>,
}

impl DayMemo {
    /// An empty memo whose answers' statuses are as of day `at`.
    pub(crate) fn new(at: i32) -> DayMemo {
        DayMemo {
            at,
            ..DayMemo::default()
        }
    }

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
        let mut dense = vec![Answer::UNKNOWN; span as usize];
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
        if let Some(answer) = usize::try_from(i).ok().and_then(|i| self.dense.get_mut(i)) {
            if answer.state == State::Unknown {
                *answer = Answer::of(compute(day), self.at);
            }
            return answer.slot();
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

    /// The answers of the days `lo..=hi`, every one computed (by `compute`
    /// where it was not yet), when the dense window covers them and at most
    /// `limit` of them are still to compute; `None` otherwise (the caller
    /// goes day by day). A day of the range that no row has is computed
    /// too: the limit keeps that to no more computations than the caller's
    /// rows would make.
    pub(crate) fn window(
        &mut self,
        lo: i32,
        hi: i32,
        limit: usize,
        mut compute: impl FnMut(i32) -> Slot,
    ) -> Option<&[Answer]> {
        let start = usize::try_from(i64::from(lo) - i64::from(self.base)).ok()?;
        let end = usize::try_from(i64::from(hi) - i64::from(self.base)).ok()?;
        let at = self.at;
        let window = self.dense.get_mut(start..=end)?;
        let unknown = window.iter().filter(|a| a.state == State::Unknown).count();
        if unknown > limit {
            return None;
        }
        if unknown > 0 {
            for (day, answer) in (lo..=hi).zip(window.iter_mut()) {
                if answer.state == State::Unknown {
                    *answer = Answer::of(compute(day), at);
                }
            }
        }
        Some(window)
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
    /// no kept agreement is equal to it; a new memo's statuses are as of day
    /// `at` (a plan's memos all share its date).
    pub(crate) fn of(&mut self, agreement: &Agreement, at: i32) -> usize {
        if let Some(i) = self.entries.iter().position(|(a, _)| a == agreement) {
            return i;
        }
        let memos = KINDS.iter().map(|_| DayMemo::new(at)).collect();
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
