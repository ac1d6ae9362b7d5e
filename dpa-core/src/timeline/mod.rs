//! The obligation timeline: from an agreement and a list of dated events,
//! every obligation with its deadline and its status as of a date.
//!
//! Events are read from a TOML or JSON document (see [`Events`]); the
//! timeline ([`Agreement::timeline`]) turns them into [`Obligation`]s —
//! pending, met (when), missed (by how long, or made impossible), exceeded
//! (past an "in principe" term), done or late (under "without undue delay",
//! with the time elapsed), suspended by a legal hold, or, for a right of the
//! client, expired ([`Status`]) — and into [`Finding`]s for events that are
//! out of order or impossible. Nothing here panics on any input.
//!
//! ```
//! use dpa_core::Agreement;
//! use dpa_core::timeline::{Events, Status};
//! use time::macros::date;
//!
//! let text = std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../examples/agreements/belco.toml"
//! ))?;
//! let belco = Agreement::from_toml(&text)?;
//! let events = Events::from_toml(
//!     r#"
//! [[events]]
//! kind = "agreement-terminated"
//! date = 2026-11-30
//!
//! [[events]]
//! kind = "data-deleted"
//! date = 2027-01-15
//! "#,
//! )?;
//! let timeline = belco.timeline(&events, date!(2027 - 03 - 01))?;
//! let deletion = &timeline.obligations[0];
//! assert_eq!(deletion.deadline.due.date(), Some(date!(2027 - 02 - 28)));
//! assert!(matches!(deletion.status, Status::Met { .. }));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// What is where:
// - events.rs: what happened (`Event`, `When`) and the events document;
// - obligation.rs: what is owed (`Obligation`, `Status`) and `status_of`;
// - this file: the entry (`Agreement::timeline`), which sorts the events;
// - run.rs: the dispatcher, one pass handing each event to its family:
//   termination.rs (termination, deletion, return of data, legal holds;
//   hold.rs: what a lifted hold does to the deletion deadline),
//   breach.rs (breaches and their notices), audit.rs (audit notices and
//   audits held), changes.rs (signing, statement and sub-processor changes);
// - context.rs and index.rs: what the handlers share (`Ctx`, `Step`, the
//   look-ups over the sorted events);
// - ics.rs: the iCalendar export (`Timeline::to_ics`, `to_ics_with`) and
//   its options.

mod audit;
mod breach;
mod changes;
mod context;
mod events;
mod hold;
mod ics;
mod index;
mod obligation;
mod run;
mod termination;

pub use events::{Event, EventKind, Events, When};
pub use ics::{IcsOptions, MAX_REMINDER_AMOUNT, MAX_REMINDERS, Reminder, ReminderUnit, UidDomain};
pub use obligation::{Lateness, Obligation, ObligationKind, Owner, Status, Timeline};

use time::{Date, OffsetDateTime};

use context::Ctx;
use index::Index;
use obligation::status_of;

use crate::deadline::end_of_day;
#[cfg(doc)]
use crate::error::Error;
use crate::error::Result;
#[cfg(doc)]
use crate::finding::Finding;
use crate::finding::FindingCode;
use crate::model::Agreement;
use crate::values::{TimeZoneName, iso_date};

impl Agreement {
    /// Every obligation the `events` start, with its deadline and its status
    /// as of the end of `at` (in the processor's time zone), and findings for
    /// events that are out of order or impossible. Events after `at` are left
    /// out (with an info finding).
    ///
    /// The rules (`docs/rules.md`): termination starts deletion (and backup
    /// deletion where tied to the backup cycle); a legal hold placed before
    /// the data is deleted suspends deletion while it lasts, and once lifted
    /// the deletion is due as `rules.legal_hold_lift` says (by default by the
    /// later of the original date and the lift date); a return request
    /// obliges the processor to return the data (before deletion, where the
    /// agreement says so), and deleting the data before returning it makes
    /// the return missed; a breach discovered starts the notice to the
    /// client (without a fixed term, `late` past
    /// `rules.undue_delay_bound_hours`), and the client's notice starts the
    /// controller's 72 hours (its awareness); a statement change opens the
    /// client's termination window, a sub-processor change its right to
    /// object; an audit notice must give the notice days, and an audit inside
    /// the period after the previous one is a finding.
    ///
    /// # Errors
    /// [`Error::OutOfRange`] when a deadline would leave the supported range.
    pub fn timeline(&self, events: &Events, at: Date) -> Result<Timeline> {
        let tz = &self.rules.time_zone;
        let as_of = end_of_day(at, tz)?;
        let mut order: Vec<(OffsetDateTime, usize)> = Vec::with_capacity(events.events.len());
        let mut future = Vec::new();
        for (i, e) in events.events.iter().enumerate() {
            let t = instant_of(e.when(), tz)?;
            if t >= as_of {
                future.push(i);
            } else {
                order.push((t, i));
            }
        }
        order.sort_by_key(|&(t, i)| (t, i));
        let sorted: Vec<(OffsetDateTime, usize, &Event)> = order
            .iter()
            .map(|&(t, i)| (t, i, &events.events[i]))
            .collect();
        let mut cx = Ctx {
            agreement: self,
            tz,
            as_of,
            sorted: &sorted,
            index: Index::new(&sorted),
            obligations: Vec::new(),
            findings: Vec::new(),
        };
        run::run(&mut cx)?;
        for i in future {
            cx.finding(
                FindingCode::EventAfterDate,
                format!(
                    "`{}` on {} is after {}; it is left out of the statuses",
                    events.events[i].kind(),
                    events.events[i].when(),
                    iso_date::format(at)
                ),
                String::new(),
                i,
            );
        }
        Ok(Timeline {
            at,
            obligations: cx.obligations,
            findings: cx.findings,
        })
    }
}

/// The sort key of an event: its UTC instant (dates at their start in the
/// processor's time zone).
fn instant_of(when: When, tz: &TimeZoneName) -> Result<OffsetDateTime> {
    match when {
        When::Instant(t) => Ok(t),
        When::Date(d) => match d.previous_day() {
            Some(p) => end_of_day(p, tz),
            None => Ok(d.midnight().assume_utc()),
        },
    }
}
