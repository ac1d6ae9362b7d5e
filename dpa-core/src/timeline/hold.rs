//! What the lift of a legal hold does to a deletion deadline (clause 2.6.5
//! / 6.5), under the reading the agreement file states
//! (`rules.legal_hold_lift`, [`LegalHoldLift`]).
//!
//! The clauses say only that the deletion duty does not apply while a
//! statutory rule prevents deletion; what is due once that rule no longer
//! applies is left open, so the file says which reading it takes:
//! `at-once` (the default), `remaining-term` or `full-term`.

use time::Date;

use super::ObligationKind;
use crate::calendar::{self, BusinessDayShift};
use crate::deadline::Deadline;
use crate::error::Result;
use crate::model::{Agreement, BusinessDayRule, LegalHoldLift};
use crate::values::iso_date;

/// Where the holds leave a deletion deadline: its new date, the business-day
/// shift that moved it there (if any), and a note that says why.
pub(super) struct Moved {
    /// The new due date.
    pub(super) date: Date,
    /// Set when the business-day rule moved the new date.
    pub(super) shift: Option<BusinessDayShift>,
    /// What the holds did, for the deadline's note.
    pub(super) note: String,
}

/// The deadline of the deletion obligation of `kind` (deletion or backup
/// deletion) of an agreement terminated on `terminated`, once the legal
/// `holds` (each placed before the data was deleted, and lifted: `(placed,
/// lifted)`) are taken into account under the agreement's
/// `rules.legal_hold_lift`; `None` when they leave it where it was (or it
/// has no fixed date).
///
/// A hold placed after the term had run out leaves no term to resume or
/// restart: under every reading the deletion is then due on its lift (if
/// that is later). A hold lifted on or before the termination did not
/// touch the term.
pub(super) fn after_holds(
    a: &Agreement,
    kind: ObligationKind,
    deadline: &Deadline,
    terminated: Date,
    holds: &[(Date, Date)],
) -> Result<Option<Moved>> {
    let Some(due) = deadline.due.date() else {
        return Ok(None);
    };
    let spans = merged(holds);
    let Some(last_lift) = spans.last().map(|&(_, lifted)| lifted) else {
        return Ok(None);
    };
    let original = iso_date::format(due);
    match a.rules.legal_hold_lift {
        LegalHoldLift::RemainingTerm => {
            // The unshifted date: the days are added to the term's own end.
            let mut date = deadline.shift.map_or(due, |s| s.original());
            let mut days = 0;
            // Whether the date is a lift (due at once), not a term's end.
            let mut at_lift = false;
            for &(placed, lifted) in &spans {
                if lifted <= terminated {
                    continue;
                }
                if placed > date {
                    if lifted > date {
                        (date, at_lift) = (lifted, true);
                    }
                    continue;
                }
                let n = i64::from(lifted.to_julian_day() - placed.max(terminated).to_julian_day());
                date = calendar::add_days(date, n)?;
                days += n;
                at_lift = false;
            }
            let shift = match a.rules.business_days {
                BusinessDayRule::NlAtw if !at_lift => calendar::shift_to_business_day(date)?,
                _ => None,
            };
            let date = shift.map_or(date, |s| s.shifted());
            Ok((date != due).then(|| Moved {
                date,
                shift,
                note: format!(
                    "a legal hold suspended deletion until {}; the term stood still for {days} days while it lasted and ran on after the lift (rules.legal_hold_lift = remaining-term); the original date was {original}",
                    iso_date::format(last_lift)
                ),
            }))
        }
        LegalHoldLift::FullTerm => {
            let (mut date, mut shift) = (due, deadline.shift);
            for &(placed, lifted) in &spans {
                if lifted <= terminated {
                    continue;
                }
                if placed > date {
                    if lifted > date {
                        (date, shift) = (lifted, None);
                    }
                    continue;
                }
                let again = match kind {
                    ObligationKind::BackupDeletion => a.backup_deletion_deadline(lifted)?,
                    _ => a.deletion_deadline(lifted)?,
                };
                if let Some(d) = again.due.date()
                    && d > date
                {
                    (date, shift) = (d, again.shift);
                }
            }
            Ok((date != due).then(|| Moved {
                date,
                shift,
                note: format!(
                    "a legal hold suspended deletion until {}; the full term ran again from the lift (rules.legal_hold_lift = full-term); the original date was {original}",
                    iso_date::format(last_lift)
                ),
            }))
        }
        _ => Ok((last_lift > due).then(|| Moved {
            date: last_lift,
            shift: None,
            note: format!(
                "a legal hold suspended deletion until {}; the original date was {original}",
                iso_date::format(last_lift)
            ),
        })),
    }
}

/// The holds as spans of days in order, overlapping ones merged.
fn merged(holds: &[(Date, Date)]) -> Vec<(Date, Date)> {
    let mut sorted = holds.to_vec();
    sorted.sort_unstable();
    let mut out: Vec<(Date, Date)> = Vec::with_capacity(sorted.len());
    for (placed, lifted) in sorted {
        match out.last_mut() {
            Some(last) if placed <= last.1 => last.1 = last.1.max(lifted),
            _ => out.push((placed, lifted)),
        }
    }
    out
}
