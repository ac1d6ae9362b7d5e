//! A date deadline as plain fields ([`DueFields`]), and the two ways the
//! rules of `terms.rs` build their answer: as a [`Deadline`] (to a
//! [`Detail`]) or as [`DueFields`]. Each rule is written once, over
//! [`Build`]; the builder only decides what is made of its answer.

use time::Date;

use super::zone::{end_of_day_unix, instant_of_unix};
use super::{Bound, Deadline, DeadlineKind, Detail, Due};
use crate::calendar::{self, BusinessDayShift};
use crate::error::Result;
use crate::model::{Agreement, BusinessDayRule, Provenance, ProvenanceKind};
use crate::values::ClauseRef;

/// A deadline triggered by a date, as the fields a caller that shows only
/// when it falls needs: plain `Copy` values, computed where they are known
/// (the due date's year, month and day; the instant it ends as Unix
/// seconds), no text. [`Agreement::date_due_of`] makes it from the same
/// rules as [`Agreement::date_deadline_of`]; the C API's deadline structs
/// are made from it.
///
/// ```
/// use dpa_core::Agreement;
/// use dpa_core::deadline::{DeadlineKind, DueDay};
/// use time::macros::date;
///
/// let text = std::fs::read_to_string(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../examples/agreements/belco.toml"
/// ))?;
/// let belco = Agreement::from_toml(&text)?;
/// // Terminated 30 November 2026: delete by 28 February 2027 (DPS 1.11),
/// // that is before 1 March 2027 00:00 in Amsterdam (23:00 UTC).
/// let d = belco.date_due_of(DeadlineKind::Deletion, date!(2026 - 11 - 30))?;
/// assert_eq!(
///     d.due,
///     DueDay::Date { year: 2027, month: 2, day: 28, ends_unix: 1_803_855_600 }
/// );
/// assert_eq!(d.shift, None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct DueFields {
    /// What it is for.
    pub kind: DeadlineKind,
    /// When it falls.
    pub due: DueDay,
    /// Latest or earliest.
    pub bound: Bound,
    /// Set when the business-day rule moved the date off a weekend or
    /// holiday (as [`Deadline::shift`]).
    pub shift: Option<BusinessDayShift>,
    /// Where the term it rests on came from: [`ProvenanceKind::NotStated`]
    /// where that term is not stated, and the deadline has no date for it
    /// (the reason is the note of the [`Deadline`]).
    pub provenance: ProvenanceKind,
}

/// When a date deadline falls, as [`DueFields`] hold it: [`Due`] without
/// `time` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DueDay {
    /// Through the whole of the date `year-month-day`: it ends at 24:00 in
    /// the processor's time zone, `ends_unix` seconds after
    /// 1970-01-01T00:00:00Z ([`Due::Date`]).
    Date {
        /// The year (1 to 9999).
        year: i32,
        /// The month, 1 to 12.
        month: u8,
        /// The day of the month, from 1.
        day: u8,
        /// The instant the date ends in the processor's time zone, in Unix
        /// seconds.
        ends_unix: i64,
    },
    /// No date: the term it rests on is not stated
    /// ([`DueFields::provenance`] is [`ProvenanceKind::NotStated`]), or the
    /// agreement sets no length for it ([`Due::NoFixedTerm`]).
    NoFixedTerm,
}

/// A due date as a rule hands it to its builder: after the business-day
/// rule, with the move and the instant the date ends ([`Agreement::due_on`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct OnDay {
    date: Date,
    shift: Option<BusinessDayShift>,
    ends_unix: i64,
}

/// What a rule of `terms.rs` makes of its answer. The rule decides the
/// date (or that there is none, applying the business-day rule and the
/// end of the day through [`Agreement::due_on`]), the bound and where the
/// term came from; the builder makes a [`Deadline`] ([`Detail`]) or
/// [`DueFields`] ([`Fields`]) of it.
pub(super) trait Build: Copy {
    /// The answer.
    type Out;

    /// A deadline on `day`, resting on the clauses `refs`, with the note
    /// `note` makes.
    fn dated(
        self,
        kind: DeadlineKind,
        bound: Bound,
        day: OnDay,
        provenance: &Provenance,
        refs: &[ClauseRef],
        note: impl FnOnce() -> Option<String>,
    ) -> Result<Self::Out>;

    /// A no-later-than deadline with no date, resting on `refs`, with the
    /// note `note` makes.
    fn undated(
        self,
        kind: DeadlineKind,
        provenance: &Provenance,
        refs: &[ClauseRef],
        note: impl FnOnce() -> Option<String>,
    ) -> Self::Out;
}

impl Build for Detail {
    type Out = Deadline;

    #[inline]
    fn dated(
        self,
        kind: DeadlineKind,
        bound: Bound,
        day: OnDay,
        provenance: &Provenance,
        refs: &[ClauseRef],
        note: impl FnOnce() -> Option<String>,
    ) -> Result<Deadline> {
        Ok(Deadline {
            kind,
            provenance: provenance.clone(),
            due: Due::Date {
                date: day.date,
                ends_at: instant_of_unix(day.ends_unix)?,
            },
            bound,
            citation: self.cite(refs),
            shift: day.shift,
            note: self.note(note),
        })
    }

    #[inline]
    fn undated(
        self,
        kind: DeadlineKind,
        provenance: &Provenance,
        refs: &[ClauseRef],
        note: impl FnOnce() -> Option<String>,
    ) -> Deadline {
        Deadline {
            kind,
            provenance: provenance.clone(),
            due: Due::NoFixedTerm,
            bound: Bound::NoLaterThan,
            citation: self.cite(refs),
            shift: None,
            note: self.note(note),
        }
    }
}

/// The builder of [`DueFields`]: no citation, no note.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fields;

impl Build for Fields {
    type Out = DueFields;

    #[inline]
    fn dated(
        self,
        kind: DeadlineKind,
        bound: Bound,
        day: OnDay,
        provenance: &Provenance,
        _: &[ClauseRef],
        _: impl FnOnce() -> Option<String>,
    ) -> Result<DueFields> {
        let (year, month, d) = day.date.to_calendar_date();
        Ok(DueFields {
            kind,
            due: DueDay::Date {
                year,
                month: u8::from(month),
                day: d,
                ends_unix: day.ends_unix,
            },
            bound,
            shift: day.shift,
            provenance: provenance.kind(),
        })
    }

    #[inline]
    fn undated(
        self,
        kind: DeadlineKind,
        provenance: &Provenance,
        _: &[ClauseRef],
        _: impl FnOnce() -> Option<String>,
    ) -> DueFields {
        DueFields {
            kind,
            due: DueDay::NoFixedTerm,
            bound: Bound::NoLaterThan,
            shift: None,
            provenance: provenance.kind(),
        }
    }
}

/// The builder of the due date alone, with its bound (`None` where there
/// is no date): what a schedule's row writes ([`Agreement::due_day_of`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct DayOnly;

impl Build for DayOnly {
    type Out = (Option<Date>, Bound);

    #[inline]
    fn dated(
        self,
        _: DeadlineKind,
        bound: Bound,
        day: OnDay,
        _: &Provenance,
        _: &[ClauseRef],
        _: impl FnOnce() -> Option<String>,
    ) -> Result<(Option<Date>, Bound)> {
        Ok((Some(day.date), bound))
    }

    #[inline]
    fn undated(
        self,
        _: DeadlineKind,
        _: &Provenance,
        _: &[ClauseRef],
        _: impl FnOnce() -> Option<String>,
    ) -> (Option<Date>, Bound) {
        (None, Bound::NoLaterThan)
    }
}

impl Agreement {
    /// The due date of a deadline whose term ends on `date`, moved by the
    /// business-day rule when the agreement opts in (docs/rules.md rule 3),
    /// the move, and the instant the due date ends in the processor's time
    /// zone (rule 4) in Unix seconds.
    #[inline]
    pub(super) fn due_on(&self, date: Date) -> Result<OnDay> {
        let shift = match self.rules.business_days {
            BusinessDayRule::NlAtw => calendar::shift_to_business_day(date)?,
            _ => None,
        };
        let date = shift.map_or(date, |s| s.shifted());
        let ends_unix = end_of_day_unix(date, &self.rules.time_zone)?;
        Ok(OnDay {
            date,
            shift,
            ends_unix,
        })
    }
}
