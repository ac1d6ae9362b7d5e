//! Deadlines for a whole table of customers (or vendors): one row per
//! relationship, its events in named columns, each row's deadlines and their
//! status as of a date (`dpa schedule`; issue 19). This module knows no file
//! format: it reads one event value and answers one [`Entry`], without
//! allocating; the `dpa-arrow` crate maps Arrow record batches onto it, and
//! the command reads and writes CSV and Parquet through that crate.
//!
//! Every deadline is the agreement's own ([`Agreement::deadline_with`], the
//! one dispatcher, with [`Detail::DueOnly`]): no rule is computed here a
//! second time. What this module adds is the table's vocabulary — which
//! column holds which event ([`Column`]), which deadlines an event starts
//! ([`KINDS`]), what the result columns are called — and the [`Status`] of a
//! deadline as of a date (docs/rules.md, "Schedule statuses").
//!
//! ```
//! use dpa_core::Agreement;
//! use dpa_core::deadline::{DeadlineKind, Start};
//! use dpa_core::schedule::{Schedule, Status};
//! use time::macros::date;
//!
//! let text = std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../examples/agreements/belco.toml"
//! ))?;
//! let belco = Agreement::from_toml(&text)?;
//! let schedule = Schedule::new(date!(2027 - 03 - 01));
//! // Terminated 30 November 2026: delete by 28 February 2027 (DPS 1.11).
//! let e = schedule.entry(
//!     &belco,
//!     DeadlineKind::Deletion,
//!     Start::Date(date!(2026 - 11 - 30)),
//!     None,
//! )?;
//! assert_eq!(e.due.date(), Some(date!(2027 - 02 - 28)));
//! assert_eq!(e.status, Status::Overdue);
//! // Deleted on 27 February: in time.
//! let e = schedule.entry(
//!     &belco,
//!     DeadlineKind::Deletion,
//!     Start::Date(date!(2026 - 11 - 30)),
//!     Some(Start::Date(date!(2027 - 02 - 27))),
//! )?;
//! assert_eq!(e.status, Status::Met);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use time::Date;

use crate::deadline::{Bound, Deadline, DeadlineKind, Detail, Due, Start, date_ending};
use crate::error::{Error, Result};
use crate::macros::spelled_enum;
use crate::model::Agreement;

spelled_enum! {
    /// An input column of a schedule table: an event that starts deadlines,
    /// or the date or instant an obligation was fulfilled. The spelling is
    /// the column's default name; a caller may map another name to it
    /// (`dpa schedule --column terminated_on=end_date`).
    #[derive(PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum Column ("schedule column") {
        /// The date the agreement ended for this row (a date): starts
        /// `deletion` and `backup-deletion`.
        TerminatedOn = "terminated_on",
        /// The instant the processor discovered a breach (an instant with a
        /// UTC offset): starts `breach-notice` and `authority-notice`.
        BreachDiscoveredAt = "breach_discovered_at",
        /// The date of the last audit (a date): starts `next-audit`.
        AuditHeldOn = "audit_held_on",
        /// The date the client gave written notice of an audit (a date):
        /// starts `audit-notice`.
        AuditNoticeOn = "audit_notice_on",
        /// The date a significant change of the statement was notified (a
        /// date): starts `termination-window`.
        ChangeNotifiedOn = "change_notified_on",
        /// The date the data was deleted (a date): completes `deletion`.
        DeletedOn = "deleted_on",
        /// The date the backups were free of the data (a date): completes
        /// `backup-deletion`.
        BackupsDeletedOn = "backups_deleted_on",
        /// The instant the processor notified the client of the breach:
        /// completes `breach-notice`.
        BreachNotifiedAt = "breach_notified_at",
        /// The instant the controller notified the supervisory authority:
        /// completes `authority-notice`.
        AuthorityNotifiedAt = "authority_notified_at",
    }
}

impl Column {
    /// Whether the column holds instants (with a UTC offset) rather than
    /// dates (docs/rules.md rule 2: hour terms run on instants).
    pub const fn holds_instants(self) -> bool {
        matches!(
            self,
            Column::BreachDiscoveredAt | Column::BreachNotifiedAt | Column::AuthorityNotifiedAt
        )
    }

    /// Reads `text` as this column's value: `YYYY-MM-DD` for a date column,
    /// an instant with a UTC offset for an instant column. The error names
    /// the column ([`Error::path`]); the caller names the row.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] or [`Error::OutOfRange`] from
    /// [`crate::values::iso_date::parse`] or
    /// [`crate::values::iso_instant::parse`].
    pub fn parse(self, text: &str) -> Result<Start> {
        let read = if self.holds_instants() {
            crate::values::iso_instant::parse(text).map(Start::Instant)
        } else {
            crate::values::iso_date::parse(text).map(Start::Date)
        };
        read.map_err(|e| e.in_field(self.as_str()).at_input(self.as_str()))
    }
}

/// One deadline a schedule computes: its kind, the column whose event
/// starts it, the column that records its completion (if any), and the
/// names of its result columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct KindColumns {
    /// The deadline.
    pub kind: DeadlineKind,
    /// The event that starts it.
    pub event: Column,
    /// The column that says when it was fulfilled, for a deadline that is
    /// a latest date.
    pub completion: Option<Column>,
    /// The result column with the due date or instant (`deletion_due`).
    pub due_column: &'static str,
    /// The result column with the [`Status`] (`deletion_status`).
    pub status_column: &'static str,
    /// The result column with the citation and note, written only when a
    /// caller asks for the detail (`deletion_detail`).
    pub detail_column: &'static str,
}

/// Every deadline a schedule computes, in the order of the result columns:
/// the [`DeadlineKind`]s started by a date or an instant that need no
/// further argument (the service response needs an impact; the
/// sub-processor objection has no term).
pub const KINDS: [KindColumns; 7] = [
    kind(
        DeadlineKind::Deletion,
        Column::TerminatedOn,
        Some(Column::DeletedOn),
        ["deletion_due", "deletion_status", "deletion_detail"],
    ),
    kind(
        DeadlineKind::BackupDeletion,
        Column::TerminatedOn,
        Some(Column::BackupsDeletedOn),
        [
            "backup_deletion_due",
            "backup_deletion_status",
            "backup_deletion_detail",
        ],
    ),
    kind(
        DeadlineKind::BreachNotice,
        Column::BreachDiscoveredAt,
        Some(Column::BreachNotifiedAt),
        [
            "breach_notice_due",
            "breach_notice_status",
            "breach_notice_detail",
        ],
    ),
    kind(
        DeadlineKind::AuthorityNotice,
        Column::BreachDiscoveredAt,
        Some(Column::AuthorityNotifiedAt),
        [
            "authority_notice_due",
            "authority_notice_status",
            "authority_notice_detail",
        ],
    ),
    kind(
        DeadlineKind::NextAudit,
        Column::AuditHeldOn,
        None,
        ["next_audit_due", "next_audit_status", "next_audit_detail"],
    ),
    kind(
        DeadlineKind::AuditNotice,
        Column::AuditNoticeOn,
        None,
        [
            "audit_notice_due",
            "audit_notice_status",
            "audit_notice_detail",
        ],
    ),
    kind(
        DeadlineKind::TerminationWindow,
        Column::ChangeNotifiedOn,
        None,
        [
            "termination_window_due",
            "termination_window_status",
            "termination_window_detail",
        ],
    ),
];

const fn kind(
    kind: DeadlineKind,
    event: Column,
    completion: Option<Column>,
    [due_column, status_column, detail_column]: [&'static str; 3],
) -> KindColumns {
    KindColumns {
        kind,
        event,
        completion,
        due_column,
        status_column,
        detail_column,
    }
}

spelled_enum! {
    /// Where a row's deadline stands as of a date (docs/rules.md, "Schedule
    /// statuses").
    #[non_exhaustive]
    pub enum Status ("schedule status") {
        /// A latest date or instant after the date: still to come.
        Pending = "pending",
        /// A latest date, or the date of a latest instant in the processor's
        /// time zone, that is the date itself: due today.
        DueToday = "due-today",
        /// A latest date or instant before the date, with no completion
        /// recorded: missed.
        Overdue = "overdue",
        /// Completed on or before the deadline (the completion column).
        Met = "met",
        /// Completed after the deadline.
        Late = "late",
        /// An earliest date (the next audit, the audit after a notice) after
        /// the date: not yet allowed.
        NotYet = "not-yet",
        /// An earliest date on or before the date: allowed.
        Open = "open",
        /// The agreement sets no fixed term, or does not state it (the
        /// deadline's note gives the reason, with the provenance).
        None = "none",
    }
}

/// A row's deadline of one kind: when it falls and where it stands. Built
/// without allocating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entry {
    /// When it falls ([`Due::NoFixedTerm`] where there is no term).
    pub due: Due,
    /// Where it stands as of the schedule's date.
    pub status: Status,
}

/// A row's date deadline ([`Schedule::date_entry`]): its due date and where
/// it stands, without the instant the day ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct DateEntry {
    /// The due date; `None` where there is no term ([`Status::None`]).
    pub due: Option<Date>,
    /// Where it stands as of the schedule's date.
    pub status: Status,
}

/// A date deadline's due date and bound ([`Schedule::due_date`]): what a
/// row's event alone decides, before the completion and the schedule's date
/// give the status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct DueDate {
    /// The due date; `None` where there is no term.
    pub due: Option<Date>,
    /// Whether it is a latest or an earliest date.
    pub bound: Bound,
}

/// The status as of one date: the per-table part of a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Schedule {
    /// The date statuses are as of (its whole day; deadlines are inclusive,
    /// docs/rules.md rule 4).
    pub at: Date,
}

impl Schedule {
    /// A schedule as of `at`.
    pub const fn new(at: Date) -> Schedule {
        Schedule { at }
    }

    /// The deadline of `kind` that `event` starts under `agreement`, and its
    /// status as of the schedule's date, given the `completion` recorded for
    /// it (if any). No allocation on success.
    ///
    /// # Errors
    /// The error of [`Agreement::deadline_with`] (a start the term cannot be
    /// added to: [`Error::OutOfRange`]), named by the event's column
    /// ([`Error::in_field`], [`Error::at_input`]: [`Error::path`] is the
    /// column's name); [`Error::InvalidArgument`] naming the
    /// completion column for a completion of the wrong type (a date for an
    /// instant) or a kind this module does not compute.
    pub fn entry(
        &self,
        agreement: &Agreement,
        kind: DeadlineKind,
        event: Start,
        completion: Option<Start>,
    ) -> Result<Entry> {
        let columns = columns_of(kind)?;
        let d = agreement
            .deadline_with(kind, event, None, Detail::DueOnly)
            .map_err(|e| {
                e.in_field(columns.event.as_str())
                    .at_input(columns.event.as_str())
            })?;
        let status = self.status(agreement, &d, completion, columns)?;
        Ok(Entry { due: d.due, status })
    }

    /// [`Schedule::entry`] for a kind started by a date, as a date only
    /// (the agreement's date-only path, which shares every rule with
    /// [`Agreement::date_deadline_of`]): the same due date and status, without
    /// the instant the due day ends in the processor's zone. For a caller
    /// that writes only the date (`dpa schedule`'s rows).
    ///
    /// # Errors
    /// As [`Schedule::entry`], with the same messages.
    pub fn date_entry(
        &self,
        agreement: &Agreement,
        kind: DeadlineKind,
        event: Date,
        completion: Option<Start>,
    ) -> Result<DateEntry> {
        let columns = columns_of(kind)?;
        let DueDate { due, bound } = self.due_date(agreement, kind, event)?;
        let status = self.date_status(due, bound, completion, columns)?;
        Ok(DateEntry { due, status })
    }

    /// The part of [`Schedule::date_entry`] that the event alone decides:
    /// the due date of the date kind `kind` from `event` under `agreement`,
    /// and its bound. A caller that meets the same event day on many rows
    /// may keep it per day and apply [`Status::of_date`] to each row's
    /// completion (`dpa-arrow` does); the status is then the one
    /// [`Schedule::date_entry`] gives.
    ///
    /// ```
    /// use dpa_core::Agreement;
    /// use dpa_core::deadline::{Bound, DeadlineKind};
    /// use dpa_core::schedule::{Schedule, Status};
    /// use time::macros::date;
    ///
    /// let text = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/../examples/agreements/belco.toml"
    /// ))?;
    /// let belco = Agreement::from_toml(&text)?;
    /// let schedule = Schedule::new(date!(2027 - 03 - 01));
    /// // Terminated 30 November 2026: delete by 28 February 2027 (DPS 1.11).
    /// let d = schedule.due_date(&belco, DeadlineKind::Deletion, date!(2026 - 11 - 30))?;
    /// assert_eq!((d.due, d.bound), (Some(date!(2027 - 02 - 28)), Bound::NoLaterThan));
    /// let deleted = Some(date!(2027 - 02 - 27));
    /// assert_eq!(Status::of_date(d.due, d.bound, deleted, schedule.at), Status::Met);
    /// assert_eq!(Status::of_date(d.due, d.bound, None, schedule.at), Status::Overdue);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Schedule::date_entry`] for the event (the completion is not
    /// read here), with the same messages.
    pub fn due_date(
        &self,
        agreement: &Agreement,
        kind: DeadlineKind,
        event: Date,
    ) -> Result<DueDate> {
        let columns = columns_of(kind)?;
        let (due, bound) = agreement.due_day_of(kind, event).map_err(|e| {
            e.in_field(columns.event.as_str())
                .at_input(columns.event.as_str())
        })?;
        Ok(DueDate { due, bound })
    }

    /// The whole deadline of `kind` from `event`, with its citation and note
    /// (for a caller that asks for the detail of each row).
    ///
    /// # Errors
    /// As [`Schedule::entry`].
    pub fn detail(
        &self,
        agreement: &Agreement,
        kind: DeadlineKind,
        event: Start,
    ) -> Result<Deadline> {
        let columns = columns_of(kind)?;
        agreement
            .deadline_with(kind, event, None, Detail::Full)
            .map_err(|e| {
                e.in_field(columns.event.as_str())
                    .at_input(columns.event.as_str())
            })
    }

    fn status(
        &self,
        agreement: &Agreement,
        d: &Deadline,
        completion: Option<Start>,
        columns: &KindColumns,
    ) -> Result<Status> {
        let tz = &agreement.rules.time_zone;
        match (d.due, completion, d.bound) {
            (Due::NoFixedTerm, _, bound) => self.date_status(None, bound, completion, columns),
            (Due::Date { date, .. }, _, bound) => {
                self.date_status(Some(date), bound, completion, columns)
            }
            (Due::Instant(due), Some(done), Bound::NoLaterThan) => {
                let Start::Instant(done) = done else {
                    return Err(wrong_type(columns.completion.unwrap_or(columns.event)));
                };
                Ok(if done <= due {
                    Status::Met
                } else {
                    Status::Late
                })
            }
            (Due::Instant(t), _, Bound::NoEarlierThan) => {
                let date = date_ending(t, tz)?;
                Ok(if date > self.at {
                    Status::NotYet
                } else {
                    Status::Open
                })
            }
            (Due::Instant(t), None, _) => Ok(self.latest(date_ending(t, tz)?)),
        }
    }

    /// The status of a date deadline (or of one with no term): the one
    /// rule [`Schedule::entry`] and [`Schedule::date_entry`] share, after
    /// the completion's type is checked.
    fn date_status(
        &self,
        due: Option<Date>,
        bound: Bound,
        completion: Option<Start>,
        columns: &KindColumns,
    ) -> Result<Status> {
        let done = match completion {
            // A completion is compared only with a latest date.
            Some(done) if due.is_some() && bound == Bound::NoLaterThan => {
                let Start::Date(done) = done else {
                    return Err(wrong_type(columns.completion.unwrap_or(columns.event)));
                };
                Some(done)
            }
            _ => None,
        };
        Ok(Status::of_date(due, bound, done, self.at))
    }

    /// The status of a latest date with no completion recorded.
    fn latest(&self, due: Date) -> Status {
        Status::latest(due, self.at)
    }
}

impl Status {
    /// The status of a date deadline as of `at`: `due` (`None` where there
    /// is no term: [`Status::None`]) with its `bound`, and the date the
    /// obligation was fulfilled, if one is recorded (compared only with a
    /// latest date: `met` on or before it, `late` after it). The one rule
    /// of docs/rules.md, "Schedule statuses", for a date. It takes any type
    /// that orders as the dates do: a [`Date`], or the number of days since
    /// an epoch as a table holds it (`dpa-arrow` passes Arrow's `Date32`
    /// days).
    ///
    /// ```
    /// use dpa_core::deadline::Bound;
    /// use dpa_core::schedule::Status;
    ///
    /// // Days since 1970-01-01: due on day 20_512, as of day 20_513.
    /// assert_eq!(Status::of_date(Some(20_512), Bound::NoLaterThan, None, 20_513), Status::Overdue);
    /// assert_eq!(Status::of_date(Some(20_512), Bound::NoLaterThan, Some(20_512), 20_513), Status::Met);
    /// assert_eq!(Status::of_date(Some(20_512), Bound::NoEarlierThan, None, 20_511), Status::NotYet);
    /// assert_eq!(Status::of_date(None::<i32>, Bound::NoLaterThan, None, 20_513), Status::None);
    /// ```
    #[inline]
    pub fn of_date<D: Ord>(due: Option<D>, bound: Bound, completion: Option<D>, at: D) -> Status {
        let Some(due) = due else {
            return Status::None;
        };
        match (completion, bound) {
            (Some(done), Bound::NoLaterThan) => {
                if done <= due {
                    Status::Met
                } else {
                    Status::Late
                }
            }
            (_, Bound::NoEarlierThan) => {
                if due > at {
                    Status::NotYet
                } else {
                    Status::Open
                }
            }
            (None, _) => Status::latest(due, at),
        }
    }

    /// The status of a latest date with no completion recorded, as of `at`.
    #[inline]
    fn latest<D: Ord>(due: D, at: D) -> Status {
        match due.cmp(&at) {
            std::cmp::Ordering::Greater => Status::Pending,
            std::cmp::Ordering::Equal => Status::DueToday,
            std::cmp::Ordering::Less => Status::Overdue,
        }
    }
}

/// The error for a completion of the wrong type in `column`.
fn wrong_type(column: Column) -> Error {
    Error::invalid_argument(
        column.as_str(),
        if column.holds_instants() {
            "expected an instant with a UTC offset, not a date"
        } else {
            "expected a date, not an instant"
        },
    )
}

/// The columns of `kind`, for a kind a schedule computes.
fn columns_of(kind: DeadlineKind) -> Result<&'static KindColumns> {
    KINDS.iter().find(|k| k.kind == kind).ok_or_else(|| {
        Error::invalid_argument(
            "kind",
            format!(
                "a schedule does not compute {kind}: expected one of {}",
                KINDS
                    .iter()
                    .map(|k| k.kind.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    })
}

#[cfg(test)]
mod tests;
